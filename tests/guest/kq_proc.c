/* EVFILT_PROC NOTE_EXIT: data is the wait status, EV_EOF|EV_ONESHOT; the
 * child finds the kqueue gone (kqueues are not inherited by fork); ESRCH
 * for a process that does not exist. */
#include "kq_defs.h"

int main(void)
{
	int kq = (int)sys(FBSD_SYS_kqueue);
	struct kevent ch, ev[2];
	struct timespec five = { 5, 0 }, zero = { 0, 0 };
	long x1 = 0;
	int status = -1;

	CHECK(kq >= 0);
	long pid = sys_x1(FBSD_SYS_fork, &x1);
	if (pid == 0) {
		struct timespec nap = { 0, 50000000 };
		long r = kev(kq, 0, 0, ev, 2, &zero);

		sys(FBSD_SYS_nanosleep, &nap, 0);
		sys(FBSD_SYS_exit, r == -FBSD_EBADF ? 7 : 9);
	}
	CHECK(pid > 0);
	kset(&ch, (unsigned long)pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, 0x99);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 2, &five), 1);
	CHECK_EQ(ev[0].ident, pid);
	CHECK_EQ(ev[0].filter, EVFILT_PROC);
	CHECK_EQ(ev[0].fflags, NOTE_EXIT);
	CHECK_EQ(ev[0].data, 7 << 8);
	CHECK_EQ(ev[0].udata, 0x99);
	CHECK_EQ(ev[0].flags & (EV_EOF | EV_ONESHOT), EV_EOF | EV_ONESHOT);
	/* one-shot: gone */
	kset(&ch, (unsigned long)pid, EVFILT_PROC, EV_DELETE, 0, 0, 0);
	CHECK_ERR(kev(kq, &ch, 1, 0, 0, 0), FBSD_ENOENT);
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &status, 0, 0), pid);
	CHECK_EQ(status, 7 << 8);
	/* no such process */
	kset(&ch, 0x7ffffff0, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, 0);
	CHECK_ERR(kev(kq, &ch, 1, 0, 0, 0), FBSD_ESRCH);
	CHECK_EQ(sys(FBSD_SYS_close, kq), 0);
	return t_failures ? 1 : 0;
}
