/* ppoll's signal mask lasts until the return to user mode (TDP_OLDMASK):
 * a SIGALRM blocked outside but let through by the mask interrupts ppoll
 * (EINTR), its handler runs under the ppoll mask, and the old mask is
 * back afterwards.  Needs signal.c's fbsd_signal_set_oldmask(). */
#include "sig_defs.h"

struct pollfd { int fd; short events, revents; };
static volatile int alarms;
static void on_alrm(int sig) { (void)sig; alarms++; }

int main(void)
{
	int p[2];
	struct pollfd f = { 0, 1, 0 };
	sigset_t none = { { 0 } }, mask, alrm = { { 1u << (SIGALRM - 1), 0, 0, 0 } };
	struct itimerval it = { { 0, 0 }, { 0, 30000 } };

	CHECK_EQ(set_action(SIGALRM, on_alrm, 0, none), 0);
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	f.fd = p[0];
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_SETMASK, &alrm, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_setitimer, ITIMER_REAL, &it, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_ppoll, &f, 1, 0, &none), FBSD_EINTR);
	CHECK_EQ(alarms, 1);
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_SETMASK, 0, &mask), 0);
	CHECK_EQ(mask.bits[0], 1u << (SIGALRM - 1));
	/* the same through pselect */
	CHECK_EQ(sys(FBSD_SYS_setitimer, ITIMER_REAL, &it, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_pselect, 0, 0, 0, 0, 0, &none), FBSD_EINTR);
	CHECK_EQ(alarms, 2);
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_SETMASK, 0, &mask), 0);
	CHECK_EQ(mask.bits[0], 1u << (SIGALRM - 1));
	return t_failures ? 1 : 0;
}
