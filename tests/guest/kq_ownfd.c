/* bsdemu's own descriptors behind a kqueue (the wake eventfd, timerfds,
 * the EVFILT_VNODE inotify) stay out of the guest's way, as FreeBSD has no
 * such descriptors at all: a new kqueue takes the lowest free number and
 * the next open the one after; closing every other number, closefrom,
 * close_range and dup2 onto high numbers leave the kqueue working. */
#include "kq_defs.h"

#define F_GETFD 1
#define NFD 1024

/* Descriptors the test runner passed in (it may pass any). */
static char inherited[NFD];

static int next_free(int from)
{
	while (inherited[from])
		from++;
	return from;
}

int main(int argc, char **argv, char **envp)
{
	struct kevent ch, ev[2];
	struct timespec two = { 2, 0 };
	int p[2];

	for (int fd = 0; fd < NFD; fd++)
		inherited[fd] = sys(FBSD_SYS_fcntl, fd, F_GETFD) >= 0;
	int kq = (int)sys(FBSD_SYS_kqueue);
	CHECK_EQ(kq, next_free(0));
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	CHECK_EQ(p[0], next_free(kq + 1));
	CHECK_EQ(p[1], next_free(p[0] + 1));
	/* a timer (a host timerfd) and a vnode watch (inotify) */
	kset(&ch, 1, EVFILT_TIMER, EV_ADD, 0, 20, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	kset(&ch, (unsigned long)p[0], EVFILT_READ, EV_ADD, 0, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	/* the next descriptor is still the next number */
	int d = (int)sys(FBSD_SYS_dup, p[1]);
	CHECK_EQ(d, next_free(p[1] + 1));
	CHECK_EQ(sys(FBSD_SYS_close, d), 0);
	/* nothing else is open for the guest: closing any other number is EBADF */
	for (int fd = 0; fd < NFD; fd++)
		if (!inherited[fd] && fd != kq && fd != p[0] && fd != p[1])
			CHECK_ERR(sys(FBSD_SYS_close, fd), FBSD_EBADF);
	/* closefrom and close_range over all of them (and what we inherited) */
	CHECK_EQ(sys(FBSD_SYS_freebsd12_closefrom, p[1] + 1), 0);
	CHECK_EQ(sys(FBSD_SYS_close_range, p[1] + 1, 100000, 0), 0);
	/* dup2 onto a high number works as on FreeBSD and closes it again */
	CHECK_EQ(sys(FBSD_SYS_dup2, p[1], 700), 700);
	CHECK_EQ(sys(FBSD_SYS_close, 700), 0);
	/* the kqueue still works: the timer fires and the pipe reports */
	CHECK_EQ(kev(kq, 0, 0, ev, 2, &two) >= 1, 1);
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "x", 1), 1);
	int seen_read = 0;
	for (int i = 0; i < 10 && !seen_read; i++) {
		long n = kev(kq, 0, 0, ev, 2, &two);
		CHECK(n >= 1);
		for (long j = 0; j < n; j++)
			if (ev[j].filter == EVFILT_READ && ev[j].ident == (unsigned long)p[0])
				seen_read = 1;
	}
	CHECK(seen_read);
	CHECK_EQ(sys(FBSD_SYS_close, kq), 0);
	return 0;
}
