/* poll, ppoll, select, pselect on pipes: readiness, FreeBSD's event bits
 * (POLLHUP for a pipe without reader, POLLNVAL, POLLRDNORM/WRNORM),
 * select leaving its timeval alone, timeouts, EINTR from a signal (also
 * with SA_RESTART: never restarted), ppoll's mask, and the error paths. */
#include "sig_defs.h"

struct pollfd { int fd; short events, revents; };
#define POLLIN 0x1
#define POLLPRI 0x2
#define POLLOUT 0x4
#define POLLERR 0x8
#define POLLHUP 0x10
#define POLLNVAL 0x20
#define POLLRDNORM 0x40
#define POLLWRBAND 0x100
#define POLLRDHUP 0x4000
typedef struct { unsigned long bits[16]; } fd_set;
#define FDSET(fd, s) ((s)->bits[(fd) / 64] |= 1UL << ((fd) % 64))
#define FDISSET(fd, s) (((s)->bits[(fd) / 64] >> ((fd) % 64)) & 1)

static volatile int alarms;
static void on_alrm(int sig) { (void)sig; alarms++; }

static long now_ms(void)
{
	struct timespec t;
	sys(FBSD_SYS_clock_gettime, 4, &t);
	return t.sec * 1000 + t.nsec / 1000000;
}

static void arm_ms(long ms)
{
	struct itimerval it = { { 0, 0 }, { 0, ms * 1000 } };
	CHECK_EQ(sys(FBSD_SYS_setitimer, ITIMER_REAL, &it, 0), 0);
}

static void test_poll(void)
{
	int p[2];
	struct pollfd f[3];

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	f[0] = (struct pollfd){ p[0], POLLIN | POLLRDNORM, 0x7777 };
	f[1] = (struct pollfd){ p[1], POLLOUT, 0 };
	f[2] = (struct pollfd){ -1, POLLIN, 0x55 };
	CHECK_EQ(sys(FBSD_SYS_poll, f, 3, 0), 1);
	CHECK_EQ(f[0].revents, 0);
	CHECK_EQ(f[1].revents, POLLOUT);
	CHECK_EQ(f[2].revents, 0);
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "a", 1), 1);
	CHECK_EQ(sys(FBSD_SYS_poll, f, 2, -1), 2);
	CHECK_EQ(f[0].revents, POLLIN | POLLRDNORM);
	/* fd and events are not written */
	CHECK_EQ(f[0].fd, p[0]);
	CHECK_EQ(f[0].events, POLLIN | POLLRDNORM);
	/* timeout: 0 after ~50 ms */
	char c;
	CHECK_EQ(sys(FBSD_SYS_read, p[0], &c, 1), 1);
	long t0 = now_ms();
	CHECK_EQ(sys(FBSD_SYS_poll, f, 1, 50), 0);
	CHECK(now_ms() - t0 >= 45);
	/* the reader goes: FreeBSD says POLLHUP on the write end */
	CHECK_EQ(sys(FBSD_SYS_close, p[0]), 0);
	f[0] = (struct pollfd){ p[1], POLLOUT, 0 };
	CHECK_EQ(sys(FBSD_SYS_poll, f, 1, 0), 1);
	CHECK(f[0].revents & POLLHUP);
	CHECK_EQ(f[0].revents & POLLERR, 0);
	/* a closed descriptor: POLLNVAL */
	CHECK_EQ(sys(FBSD_SYS_close, p[1]), 0);
	CHECK_EQ(sys(FBSD_SYS_poll, f, 1, 0), 1);
	CHECK_EQ(f[0].revents, POLLNVAL);
	/* the writer goes: POLLHUP (and POLLIN with data left) on the read end */
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_close, p[1]), 0);
	f[0] = (struct pollfd){ p[0], POLLIN, 0 };
	CHECK_EQ(sys(FBSD_SYS_poll, f, 1, 0), 1);
	CHECK(f[0].revents & POLLHUP);
	CHECK_EQ(sys(FBSD_SYS_close, p[0]), 0);
	/* errors */
	CHECK_ERR(sys(FBSD_SYS_poll, f, 1, -2), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_poll, 8, 1, 0), FBSD_EFAULT);
	CHECK_EQ(sys(FBSD_SYS_poll, 0, 0, 0), 0);
}

static void test_ppoll(void)
{
	int p[2];
	struct pollfd f[1];
	struct timespec ts = { 0, 40000000 }, bad = { 0, -1 };
	sigset_t none = { { 0 } }, mask;

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	f[0] = (struct pollfd){ p[0], POLLIN, 0 };
	CHECK_EQ(sys(FBSD_SYS_ppoll, f, 1, &ts, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "b", 1), 1);
	CHECK_EQ(sys(FBSD_SYS_ppoll, f, 1, 0, &none), 1);
	CHECK_EQ(f[0].revents, POLLIN);
	CHECK_ERR(sys(FBSD_SYS_ppoll, f, 1, &bad, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_ppoll, f, 1, 8, 0), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_ppoll, f, 1, 0, 8), FBSD_EFAULT);
	/* the mask is temporary: the old one is back afterwards */
	sigset_t blk = { { 1u << (SIGUSR1 - 1), 0, 0, 0 } };
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_SETMASK, &blk, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_ppoll, f, 1, 0, &none), 1);
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_SETMASK, 0, &mask), 0);
	CHECK_EQ(mask.bits[0], 1u << (SIGUSR1 - 1));
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_SETMASK, &none, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_close, p[0]), 0);
	CHECK_EQ(sys(FBSD_SYS_close, p[1]), 0);
}

static void test_select(void)
{
	int p[2];
	fd_set r, w;
	struct timeval tv = { 0, 40000 }, bad = { 0, 1000000 };
	struct timespec ts = { 0, 10000000 };

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	memset(&r, 0, sizeof(r));
	memset(&w, 0, sizeof(w));
	FDSET(p[0], &r);
	FDSET(p[1], &w);
	CHECK_EQ(sys(FBSD_SYS_select, p[1] + 1, &r, &w, 0, &tv), 1);
	CHECK(!FDISSET(p[0], &r));
	CHECK(FDISSET(p[1], &w));
	/* FreeBSD leaves the timeval as it was */
	memset(&r, 0, sizeof(r));
	FDSET(p[0], &r);
	long t0 = now_ms();
	CHECK_EQ(sys(FBSD_SYS_select, p[0] + 1, &r, 0, 0, &tv), 0);
	CHECK(now_ms() - t0 >= 35);
	CHECK_EQ(tv.sec, 0);
	CHECK_EQ(tv.usec, 40000);
	CHECK(!FDISSET(p[0], &r));
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "c", 1), 1);
	FDSET(p[0], &r);
	CHECK_EQ(sys(FBSD_SYS_select, p[0] + 1, &r, 0, 0, 0), 1);
	CHECK(FDISSET(p[0], &r));
	/* pselect */
	memset(&r, 0, sizeof(r));
	FDSET(p[0], &r);
	sigset_t none = { { 0 } };
	CHECK_EQ(sys(FBSD_SYS_pselect, p[0] + 1, &r, 0, 0, &ts, &none), 1);
	CHECK(FDISSET(p[0], &r));
	/* nd 0 with a timeout is a sleep */
	CHECK_EQ(sys(FBSD_SYS_select, 0, 0, 0, 0, &tv), 0);
	/* errors */
	CHECK_ERR(sys(FBSD_SYS_select, -1, 0, 0, 0, &tv), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_select, 1, 0, 0, 0, &bad), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_select, p[0] + 1, 8, 0, 0, &tv), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_select, 1, 0, 0, 0, 8), FBSD_EFAULT);
	struct timespec badts = { -1, 0 };
	CHECK_ERR(sys(FBSD_SYS_pselect, 1, 0, 0, 0, &badts, 0), FBSD_EINVAL);
	/* A descriptor that is surely closed: the runner may pass any fd in. */
	int closed = 200;
	while (closed < 1000 && sys(FBSD_SYS_fcntl, closed, 1 /* F_GETFD */) != -FBSD_EBADF)
		closed++;
	memset(&r, 0, sizeof(r));
	FDSET(closed, &r);
	CHECK_ERR(sys(FBSD_SYS_select, closed + 1, &r, 0, 0, &tv), FBSD_EBADF);
	/* Far past the descriptor table's current size (Linux would ignore
	 * the bit there), and past RLIMIT_NOFILE (FreeBSD cuts nd down to
	 * the table but still says EBADF for a bit set beyond it). */
	struct { int64_t cur, max; } rl;
	CHECK_EQ(sys(FBSD_SYS_getrlimit, 8 /* RLIMIT_NOFILE */, &rl), 0);
	static uint64_t big[(1 << 20) / 64];
	long far = rl.cur > 4000 ? 3999 : rl.cur - 1;
	if (sys(FBSD_SYS_fcntl, far, 1) == -FBSD_EBADF) {
		big[far / 64] = 1ull << (far % 64);
		CHECK_ERR(sys(FBSD_SYS_select, far + 1, big, 0, 0, &tv), FBSD_EBADF);
		big[far / 64] = 0;
	}
	if (rl.cur + 10 < (int64_t)sizeof(big) * 8) {
		long past = rl.cur + 5;
		big[past / 64] = 1ull << (past % 64);
		CHECK_ERR(sys(FBSD_SYS_select, past + 1, big, 0, 0, &tv), FBSD_EBADF);
		big[past / 64] = 0;
		/* with no bit set past the limit, nd beyond it is fine */
		CHECK_EQ(sys(FBSD_SYS_select, past + 1, big, 0, 0, &tv), 0);
	}
	/* EINTR, even under SA_RESTART */
	CHECK_EQ(set_action(SIGALRM, on_alrm, SA_RESTART, (sigset_t){ { 0 } }), 0);
	memset(&r, 0, sizeof(r));
	char c;
	CHECK_EQ(sys(FBSD_SYS_read, p[0], &c, 1), 1);
	FDSET(p[0], &r);
	alarms = 0;
	arm_ms(30);
	CHECK_ERR(sys(FBSD_SYS_select, p[0] + 1, &r, 0, 0, 0), FBSD_EINTR);
	CHECK_EQ(alarms, 1);
	arm_ms(30);
	struct pollfd f = { p[0], POLLIN, 0 };
	CHECK_ERR(sys(FBSD_SYS_poll, &f, 1, -1), FBSD_EINTR);
	CHECK_EQ(alarms, 2);
	CHECK_EQ(sys(FBSD_SYS_close, p[0]), 0);
	CHECK_EQ(sys(FBSD_SYS_close, p[1]), 0);
}

int main(void)
{
	CHECK_EQ(set_action(SIGALRM, on_alrm, 0, (sigset_t){ { 0 } }), 0);
	test_poll();
	test_ppoll();
	test_select();
	return t_failures ? 1 : 0;
}
