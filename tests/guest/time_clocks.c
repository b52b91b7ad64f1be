/* clock_gettime / clock_getres for every FreeBSD clock id, gettimeofday,
 * nanosleep and clock_nanosleep, with their error paths. */
#include "t.h"

struct timespec { long sec, nsec; };
struct timeval { long sec, usec; };
struct timezone { int minuteswest, dsttime; };

#define CLOCK_REALTIME 0
#define CLOCK_VIRTUAL 1
#define CLOCK_PROF 2
#define CLOCK_MONOTONIC 4
#define CLOCK_UPTIME 5
#define CLOCK_UPTIME_PRECISE 7
#define CLOCK_UPTIME_FAST 8
#define CLOCK_REALTIME_PRECISE 9
#define CLOCK_REALTIME_FAST 10
#define CLOCK_MONOTONIC_PRECISE 11
#define CLOCK_MONOTONIC_FAST 12
#define CLOCK_SECOND 13
#define CLOCK_THREAD_CPUTIME_ID 14
#define CLOCK_PROCESS_CPUTIME_ID 15
#define TIMER_ABSTIME 1

static const int valid_ids[] = {
	CLOCK_REALTIME, CLOCK_VIRTUAL, CLOCK_PROF, CLOCK_MONOTONIC, CLOCK_UPTIME,
	CLOCK_UPTIME_PRECISE, CLOCK_UPTIME_FAST, CLOCK_REALTIME_PRECISE,
	CLOCK_REALTIME_FAST, CLOCK_MONOTONIC_PRECISE, CLOCK_MONOTONIC_FAST,
	CLOCK_SECOND, CLOCK_THREAD_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID,
};
#define NVALID (int)(sizeof(valid_ids) / sizeof(valid_ids[0]))

static long ns_of(const struct timespec *t) { return t->sec * 1000000000L + t->nsec; }

volatile unsigned long burn_sink;

static void burn_cpu(void)
{
	for (unsigned long i = 0; i < 3000000; i++)
		burn_sink += i;
}

static void test_every_clock(void)
{
	struct timespec a, b;

	burn_cpu();
	for (int i = 0; i < NVALID; i++) {
		int id = valid_ids[i];

		a.sec = a.nsec = -7;
		CHECK_EQ(sys(FBSD_SYS_clock_gettime, id, &a), 0);
		CHECK(a.sec >= 0 && a.nsec >= 0 && a.nsec < 1000000000);
		CHECK_EQ(sys(FBSD_SYS_clock_gettime, id, &b), 0);
		/* Non-decreasing for every clock, within one thread. */
		if (id != CLOCK_SECOND && id != CLOCK_REALTIME && id != CLOCK_REALTIME_PRECISE &&
		    id != CLOCK_REALTIME_FAST)
			CHECK(ns_of(&b) >= ns_of(&a));
		CHECK_ERR(sys(FBSD_SYS_clock_gettime, id, 8), FBSD_EFAULT);
		a.sec = a.nsec = -7;
		CHECK_EQ(sys(FBSD_SYS_clock_getres, id, &a), 0);
		CHECK(a.sec >= 0 && a.nsec >= 0 && a.nsec < 1000000000);
		CHECK(a.sec > 0 || a.nsec > 0);
		CHECK_EQ(sys(FBSD_SYS_clock_getres, id, 0), 0);
	}
	/* CPU clocks saw the burn. */
	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, &a), 0);
	CHECK(ns_of(&a) > 0);
	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_THREAD_CPUTIME_ID, &a), 0);
	CHECK(ns_of(&a) > 0);
	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_PROF, &a), 0);
	CHECK(ns_of(&a) > 0);
	/* SECOND: whole seconds of the real time. */
	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_SECOND, &a), 0);
	CHECK_EQ(a.nsec, 0);
	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_REALTIME, &b), 0);
	CHECK(b.sec - a.sec >= 0 && b.sec - a.sec <= 1);
	CHECK_EQ(sys(FBSD_SYS_clock_getres, CLOCK_SECOND, &a), 0);
	CHECK_EQ(a.sec, 1);
	CHECK_EQ(a.nsec, 0);
	/* MONOTONIC and UPTIME are one clock on FreeBSD. */
	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_MONOTONIC, &a), 0);
	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_UPTIME, &b), 0);
	CHECK(ns_of(&b) >= ns_of(&a) && ns_of(&b) - ns_of(&a) < 100000000L);
	/* Ids that are no clock. */
	CHECK_ERR(sys(FBSD_SYS_clock_gettime, 3, &a), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_clock_gettime, 6, &a), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_clock_gettime, 16, &a), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_clock_gettime, 1000, &a), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_clock_gettime, -5, &a), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_clock_getres, 3, &a), FBSD_EINVAL);
}

static void test_gettimeofday(void)
{
	struct timeval tv;
	struct timezone tz = { 55, 66 };
	struct timespec ts;

	CHECK_EQ(sys(FBSD_SYS_gettimeofday, &tv, &tz), 0);
	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_REALTIME, &ts), 0);
	CHECK(tv.usec >= 0 && tv.usec < 1000000);
	CHECK(tv.sec > 1600000000L);
	CHECK(ts.sec - tv.sec >= 0 && ts.sec - tv.sec <= 1);
	CHECK_EQ(tz.minuteswest, 0);
	CHECK_EQ(tz.dsttime, 0);
	CHECK_EQ(sys(FBSD_SYS_gettimeofday, 0, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_gettimeofday, 8, 0), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_gettimeofday, &tv, 8), FBSD_EFAULT);
}

static void test_nanosleep(void)
{
	struct timespec req = { 0, 10000000 }, rem = { 9, 9 }, t0, t1;
	long slept;

	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_MONOTONIC, &t0), 0);
	CHECK_EQ(sys(FBSD_SYS_nanosleep, &req, &rem), 0);
	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_MONOTONIC, &t1), 0);
	slept = ns_of(&t1) - ns_of(&t0);
	CHECK(slept >= 10000000L);
	CHECK(slept < 2000000000L);
	CHECK_EQ(sys(FBSD_SYS_nanosleep, &req, 0), 0);

	req.nsec = 1000000000L;
	CHECK_ERR(sys(FBSD_SYS_nanosleep, &req, 0), FBSD_EINVAL);
	req.nsec = -1;
	CHECK_ERR(sys(FBSD_SYS_nanosleep, &req, 0), FBSD_EINVAL);
	/* A relative time in the past is over at once. */
	req.sec = -1;
	req.nsec = 0;
	CHECK_EQ(sys(FBSD_SYS_nanosleep, &req, 0), 0);
	req.sec = 0;
	CHECK_EQ(sys(FBSD_SYS_nanosleep, &req, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_nanosleep, 8, 0), FBSD_EFAULT);
	req.nsec = 1000;
	CHECK_ERR(sys(FBSD_SYS_nanosleep, &req, 8), FBSD_EFAULT);
}

/* clock_nanosleep returns the error number as its value (no carry). */
static void test_clock_nanosleep(void)
{
	struct timespec req = { 0, 5000000 }, t0, t1, abs;

	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_MONOTONIC, &t0), 0);
	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_MONOTONIC, &t1), 0);
	CHECK(ns_of(&t1) - ns_of(&t0) >= 5000000L);

	/* Absolute: 20 ms after now on the monotonic clock. */
	abs = t1;
	abs.nsec += 20000000;
	if (abs.nsec >= 1000000000L) {
		abs.nsec -= 1000000000L;
		abs.sec++;
	}
	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_clock_gettime, CLOCK_MONOTONIC, &t0), 0);
	CHECK(ns_of(&t0) >= ns_of(&abs));
	/* Absolute time in the past: immediate. */
	abs.sec = 1;
	abs.nsec = 0;
	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &abs, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, CLOCK_UPTIME_FAST, 0, &req, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, CLOCK_SECOND, 0, &req, 0), 0);

	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &req, 0), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, CLOCK_PROCESS_CPUTIME_ID, 0, &req, 0), FBSD_ENOTSUP);
	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, CLOCK_VIRTUAL, 0, &req, 0), FBSD_ENOTSUP);
	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, 3, 0, &req, 0), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, CLOCK_MONOTONIC, 2, &req, 0), FBSD_EINVAL);
	req.nsec = 1000000000L;
	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, 0), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, 8, 0), FBSD_EFAULT);
}

int main(int argc, char **argv, char **envp)
{
	test_every_clock();
	test_gettimeofday();
	test_nanosleep();
	test_clock_nanosleep();
	return 0;
}
