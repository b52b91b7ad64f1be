/* EVFILT_SIGNAL counts deliveries of a signal to the process, also when
 * the signal is ignored (SIG_IGN) or caught; EV_CLEAR is implied; bad
 * signal numbers are EINVAL.  Needs signal.c to call fbsd_kqueue_signal(). */
#include "sig_defs.h"
#include "kq_defs.h"

static volatile int caught;
static void on_usr2(int sig) { (void)sig; caught++; }

int main(void)
{
	int kq = (int)sys(FBSD_SYS_kqueue);
	struct kevent ch[2], ev[4];
	struct timespec zero = { 0, 0 };
	struct sigaction sa;
	int pid = (int)sys(FBSD_SYS_getpid);

	memset(&sa, 0, sizeof(sa));
	sa.handler = SIG_IGN;
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGUSR1, &sa, 0), 0);
	kset(&ch[0], SIGUSR1, EVFILT_SIGNAL, EV_ADD, 0, 0, 0x51);
	CHECK_EQ(kev(kq, ch, 1, 0, 0, 0), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);
	/* three ignored deliveries */
	for (int i = 0; i < 3; i++)
		CHECK_EQ(sys(FBSD_SYS_kill, pid, SIGUSR1), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].ident, SIGUSR1);
	CHECK_EQ(ev[0].filter, EVFILT_SIGNAL);
	CHECK_EQ(ev[0].data, 3);
	CHECK_EQ(ev[0].udata, 0x51);
	CHECK(ev[0].flags & EV_CLEAR);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);

	/* a caught signal runs its handler and is counted too */
	sa.handler = (unsigned long)on_usr2;
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGUSR2, &sa, 0), 0);
	kset(&ch[0], SIGUSR2, EVFILT_SIGNAL, EV_ADD, 0, 0, 0);
	CHECK_EQ(kev(kq, ch, 1, 0, 0, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_kill, pid, SIGUSR2), 0);
	CHECK_EQ(caught, 1);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].ident, SIGUSR2);
	CHECK_EQ(ev[0].data, 1);

	/* EV_DELETE; unknown signal knote; bad signal numbers */
	kset(&ch[0], SIGUSR1, EVFILT_SIGNAL, EV_DELETE, 0, 0, 0);
	CHECK_EQ(kev(kq, ch, 1, 0, 0, 0), 0);
	CHECK_ERR(kev(kq, ch, 1, 0, 0, 0), FBSD_ENOENT);
	kset(&ch[0], 0, EVFILT_SIGNAL, EV_ADD, 0, 0, 0);
	CHECK_ERR(kev(kq, ch, 1, 0, 0, 0), FBSD_EINVAL);
	kset(&ch[0], 129, EVFILT_SIGNAL, EV_ADD, 0, 0, 0);
	CHECK_ERR(kev(kq, ch, 1, 0, 0, 0), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_close, kq), 0);
	return t_failures ? 1 : 0;
}
