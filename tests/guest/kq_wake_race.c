/* A thread sleeping in kevent must see an event even when another thread's
 * non-blocking kevent on the same kqueue reports it first.
 *
 * Go's netpoller is this shape: one M blocks in kevent on the level-
 * triggered read knote of its wake-up pipe (netpollBreak writes a byte),
 * while another M polls the same kqueue with a zero timeout (after
 * stop-the-world) and, not blocking, leaves the byte in the pipe.  On
 * FreeBSD the knote stays active and the sleeper returns with it.  A lost
 * wake-up leaves the sleeper (and every timer behind it) asleep until its
 * timeout.  The race is timing-dependent, so it is tried many times.
 * Also: a scan that takes fewer events than are queued (nevents = 1)
 * leaves the rest to a sleeper. */
#include "kq_defs.h"
#include "thr_util.h"

#define ROUNDS 300
#define SLEEPER_TIMEOUT_S 3

static int kq, pfd[2], pfd2[2];
static volatile int round_no, got_round, got_n;
static volatile long got_ms;
static int rounds_done = ROUNDS;

/* Per round: wait for round_no to move, block in kevent, publish. */
static void sleeper(void *arg)
{
	(void)arg;
	for (int r = 1; r <= ROUNDS; r++) {
		struct kevent ev[4];
		struct timespec ts = { SLEEPER_TIMEOUT_S, 0 };
		long t0, n;

		while (__atomic_load_n(&round_no, __ATOMIC_ACQUIRE) < r)
			sys(FBSD_SYS_sched_yield);
		if (__atomic_load_n(&round_no, __ATOMIC_ACQUIRE) > ROUNDS)
			return;         /* main gave up after a miss */
		t0 = now_ns(CLOCK_MONOTONIC);
		n = kev(kq, 0, 0, ev, 4, &ts);
		got_ms = (now_ns(CLOCK_MONOTONIC) - t0) / 1000000;
		got_n = (int)n;
		__atomic_store_n(&got_round, r, __ATOMIC_RELEASE);
	}
}

static void drain(int fd)
{
	char buf[16];

	while (sys(FBSD_SYS_read, fd, buf, sizeof(buf)) > 0)
		;
}

int main(void)
{
	struct kevent ch[2], ev[4];
	struct timespec zero = { 0, 0 };
	struct thr t;
	int late = 0, empty = 0;

	kq = (int)sys(FBSD_SYS_kqueue);
	CHECK(kq >= 0);
	CHECK_EQ(sys(FBSD_SYS_pipe2, pfd, 0x4 /* O_NONBLOCK */), 0);
	CHECK_EQ(sys(FBSD_SYS_pipe2, pfd2, 0x4), 0);
	/* Level-triggered, as Go registers its break pipe. */
	kset(&ch[0], pfd[0], EVFILT_READ, EV_ADD, 0, 0, 0);
	kset(&ch[1], pfd2[0], EVFILT_READ, EV_ADD, 0, 0, 0);
	CHECK_EQ(kev(kq, ch, 2, 0, 0, &zero), 0);
	CHECK_EQ(thr_start(&t, sleeper, 0), 0);

	for (int r = 1; r <= ROUNDS; r++) {
		long n;

		__atomic_store_n(&round_no, r, __ATOMIC_RELEASE);
		/* Let the sleeper get into kevent (most rounds). */
		for (int i = 0; i < (r & 7) * 20; i++)
			sys(FBSD_SYS_sched_yield);
		CHECK_EQ(sys(FBSD_SYS_write, pfd[1], "x", 1), 1);
		if (r & 1)
			CHECK_EQ(sys(FBSD_SYS_write, pfd2[1], "y", 1), 1);
		/* Poll without blocking, taking at most one event; the pipe
		 * stays readable. */
		n = kev(kq, 0, 0, ev, 1, &zero);
		CHECK(n == 0 || n == 1);
		while (__atomic_load_n(&got_round, __ATOMIC_ACQUIRE) < r)
			sys(FBSD_SYS_sched_yield);
		if (got_n <= 0)
			empty++;
		if (got_ms >= 1000)
			late++;
		drain(pfd[0]);
		drain(pfd2[0]);
		if (late || empty) {
			/* One miss says it; let the sleeper's loop end. */
			__atomic_store_n(&round_no, ROUNDS + 1, __ATOMIC_RELEASE);
			rounds_done = r;
			break;
		}
	}
	thr_join(&t);
	if (late || empty)
		t_printf("sleeper missed the event: %d late, %d empty of %d rounds\n", late,
			 empty, rounds_done);
	CHECK_EQ(late, 0);
	CHECK_EQ(empty, 0);
	return 0;
}
