/* Clocks and sleeping: clock_gettime(232), clock_getres(234),
 * gettimeofday(116), nanosleep(240), clock_nanosleep(244).
 *
 * FreeBSD clock ids (sys/sys/_clock_id.h) onto Linux clocks:
 *   REALTIME, REALTIME_PRECISE        -> CLOCK_REALTIME
 *   REALTIME_FAST                     -> CLOCK_REALTIME_COARSE
 *   MONOTONIC, MONOTONIC_PRECISE,
 *   UPTIME, UPTIME_PRECISE            -> CLOCK_MONOTONIC
 *   MONOTONIC_FAST, UPTIME_FAST       -> CLOCK_MONOTONIC_COARSE
 *   SECOND                            -> CLOCK_REALTIME_COARSE, whole seconds
 *   THREAD_CPUTIME_ID                 -> CLOCK_THREAD_CPUTIME_ID
 *   PROCESS_CPUTIME_ID                -> CLOCK_PROCESS_CPUTIME_ID
 *   VIRTUAL (user CPU), PROF (user+system CPU) -> getrusage(RUSAGE_SELF)
 * FreeBSD's kernel answers MONOTONIC and UPTIME from the same nanouptime(),
 * so both go to one Linux clock (not CLOCK_BOOTTIME, which would make them
 * differ after a host suspend).  CPU clocks count bsdemu's own work for
 * the guest as well: the guest cannot be told apart from its emulator.
 * Process/thread CPU clocks from clock_getcpuclockid2 (negative ids) are
 * answered for the calling process and thread only. */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/fbsd_types.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/syscall.h"

#define NSEC_PER_SEC 1000000000L

/* FreeBSD sys/sys/time.h: CPU-time clocks made by clock_getcpuclockid2. */
#define FBSD_CPUCLOCK_BIT 0x80000000u
#define FBSD_CPUCLOCK_PROCESS_BIT 0x40000000u
#define FBSD_CPUCLOCK_ID_MASK (~(FBSD_CPUCLOCK_BIT | FBSD_CPUCLOCK_PROCESS_BIT))

enum clk_kind { CLK_HOST, CLK_SECOND, CLK_VIRTUAL, CLK_PROF, CLK_BAD };

struct clk_map {
	enum clk_kind kind;
	clockid_t host;
};

static const struct clk_map clock_map[] = {
	[FBSD_CLOCK_REALTIME] = { CLK_HOST, CLOCK_REALTIME },
	[FBSD_CLOCK_VIRTUAL] = { CLK_VIRTUAL, 0 },
	[FBSD_CLOCK_PROF] = { CLK_PROF, 0 },
	[3] = { CLK_BAD, 0 },
	[FBSD_CLOCK_MONOTONIC] = { CLK_HOST, CLOCK_MONOTONIC },
	[FBSD_CLOCK_UPTIME] = { CLK_HOST, CLOCK_MONOTONIC },
	[6] = { CLK_BAD, 0 },
	[FBSD_CLOCK_UPTIME_PRECISE] = { CLK_HOST, CLOCK_MONOTONIC },
	[FBSD_CLOCK_UPTIME_FAST] = { CLK_HOST, CLOCK_MONOTONIC_COARSE },
	[FBSD_CLOCK_REALTIME_PRECISE] = { CLK_HOST, CLOCK_REALTIME },
	[FBSD_CLOCK_REALTIME_FAST] = { CLK_HOST, CLOCK_REALTIME_COARSE },
	[FBSD_CLOCK_MONOTONIC_PRECISE] = { CLK_HOST, CLOCK_MONOTONIC },
	[FBSD_CLOCK_MONOTONIC_FAST] = { CLK_HOST, CLOCK_MONOTONIC_COARSE },
	[FBSD_CLOCK_SECOND] = { CLK_SECOND, CLOCK_REALTIME_COARSE },
	[FBSD_CLOCK_THREAD_CPUTIME_ID] = { CLK_HOST, CLOCK_THREAD_CPUTIME_ID },
	[FBSD_CLOCK_PROCESS_CPUTIME_ID] = { CLK_HOST, CLOCK_PROCESS_CPUTIME_ID },
};
_Static_assert(sizeof(clock_map) / sizeof(clock_map[0]) == 16, "clock ids 0..15");

/* Resolve a FreeBSD clock id; false = EINVAL. */
static bool clock_lookup(struct fbsd_thread *td, int32_t id, struct clk_map *out)
{
	if (id >= 0 && (size_t)id < sizeof(clock_map) / sizeof(clock_map[0])) {
		*out = clock_map[id];
		return out->kind != CLK_BAD;
	}
	if (id < 0) {
		uint32_t u = (uint32_t)id, which = u & FBSD_CPUCLOCK_ID_MASK;

		out->kind = CLK_HOST;
		if ((u & FBSD_CPUCLOCK_PROCESS_BIT) && which == (uint32_t)getpid()) {
			out->host = CLOCK_PROCESS_CPUTIME_ID;
			return true;
		}
		if (!(u & FBSD_CPUCLOCK_PROCESS_BIT) && which == (uint32_t)td->tid) {
			out->host = CLOCK_THREAD_CPUTIME_ID;
			return true;
		}
	}
	return false;
}

static void tv_to_ts(const struct timeval *tv, struct fbsd_timespec *ts)
{
	ts->tv_sec = tv->tv_sec;
	ts->tv_nsec = tv->tv_usec * 1000L;
}

static int clock_read(const struct clk_map *m, struct fbsd_timespec *out)
{
	struct timespec ts;
	struct rusage ru;

	switch (m->kind) {
	case CLK_VIRTUAL:
	case CLK_PROF:
		if (getrusage(RUSAGE_SELF, &ru) < 0)
			return fbsd_errno(errno);
		if (m->kind == CLK_PROF)
			timeradd(&ru.ru_utime, &ru.ru_stime, &ru.ru_utime);
		tv_to_ts(&ru.ru_utime, out);
		return 0;
	default:
		if (clock_gettime(m->host, &ts) < 0)
			return fbsd_errno(errno);
		out->tv_sec = ts.tv_sec;
		out->tv_nsec = m->kind == CLK_SECOND ? 0 : ts.tv_nsec;
		return 0;
	}
}

int fbsd_sys_clock_gettime(struct fbsd_thread *td, const struct fbsd_clock_gettime_args *uap)
{
	struct clk_map m;
	struct fbsd_timespec ts;
	int err;

	if (!clock_lookup(td, uap->clock_id, &m))
		return FBSD_EINVAL;
	if ((err = clock_read(&m, &ts)))
		return err;
	return copy_to_guest(uap->tp, &ts, sizeof(ts)) < 0 ? FBSD_EFAULT : 0;
}

int fbsd_sys_clock_getres(struct fbsd_thread *td, const struct fbsd_clock_getres_args *uap)
{
	struct clk_map m;
	struct fbsd_timespec res = { 0, 0 };
	struct timespec hr;

	/* sys_clock_getres() returns before looking at the id for tp NULL. */
	if (!uap->tp)
		return 0;
	if (!clock_lookup(td, uap->clock_id, &m))
		return FBSD_EINVAL;
	switch (m.kind) {
	case CLK_SECOND:
		res.tv_sec = 1;
		break;
	case CLK_VIRTUAL:
	case CLK_PROF:
		/* howmany(1000000000, hz) with FreeBSD's default hz = 1000. */
		res.tv_nsec = 1000000;
		break;
	default:
		if (clock_getres(m.host, &hr) < 0)
			return fbsd_errno(errno);
		res.tv_sec = hr.tv_sec;
		res.tv_nsec = hr.tv_nsec;
		break;
	}
	return copy_to_guest(uap->tp, &res, sizeof(res)) < 0 ? FBSD_EFAULT : 0;
}

int fbsd_sys_gettimeofday(struct fbsd_thread *td, const struct fbsd_gettimeofday_args *uap)
{
	struct timeval tv;
	struct fbsd_timeval gtv;
	struct fbsd_timezone tz = { 0, 0 };   /* FreeBSD always reports zeros */

	if (uap->tp) {
		gettimeofday(&tv, NULL);
		gtv.tv_sec = tv.tv_sec;
		gtv.tv_usec = tv.tv_usec;
		if (copy_to_guest(uap->tp, &gtv, sizeof(gtv)) < 0)
			return FBSD_EFAULT;
	}
	if (uap->tzp && copy_to_guest(uap->tzp, &tz, sizeof(tz)) < 0)
		return FBSD_EFAULT;
	return 0;
}

/* useracc(rmtp, VM_PROT_WRITE): checked before sleeping, as FreeBSD does. */
static bool guest_writable(gaddr_t a, size_t n)
{
	int p0, p1;

	if (!guest_range_ok(a, n))
		return false;
	p0 = mem_prot_at(a);
	p1 = mem_prot_at(a + n - 1);
	return p0 >= 0 && (p0 & GPROT_WRITE) && p1 >= 0 && (p1 & GPROT_WRITE);
}

/* kern_clock_nanosleep() + user_clock_nanosleep(): returns a FreeBSD errno. */
static int do_clock_nanosleep(int32_t clock_id, int32_t flags, gaddr_t rqtp, gaddr_t rmtp)
{
	struct fbsd_timespec rq, rm;
	struct timespec hreq, hrem;
	bool abs = flags & FBSD_TIMER_ABSTIME;
	clockid_t hclock;
	int r;

	if (copy_from_guest(&rq, rqtp, sizeof(rq)) < 0)
		return FBSD_EFAULT;
	if (rmtp && !abs && !guest_writable(rmtp, sizeof(rm)))
		return FBSD_EFAULT;
	if (rq.tv_nsec < 0 || rq.tv_nsec >= NSEC_PER_SEC)
		return FBSD_EINVAL;
	if (flags & ~FBSD_TIMER_ABSTIME)
		return FBSD_EINVAL;
	switch (clock_id) {
	case FBSD_CLOCK_REALTIME:
	case FBSD_CLOCK_REALTIME_PRECISE:
	case FBSD_CLOCK_REALTIME_FAST:
	case FBSD_CLOCK_SECOND:
		hclock = CLOCK_REALTIME;
		break;
	case FBSD_CLOCK_MONOTONIC:
	case FBSD_CLOCK_MONOTONIC_PRECISE:
	case FBSD_CLOCK_MONOTONIC_FAST:
	case FBSD_CLOCK_UPTIME:
	case FBSD_CLOCK_UPTIME_PRECISE:
	case FBSD_CLOCK_UPTIME_FAST:
		hclock = CLOCK_MONOTONIC;
		break;
	case FBSD_CLOCK_VIRTUAL:
	case FBSD_CLOCK_PROF:
	case FBSD_CLOCK_PROCESS_CPUTIME_ID:
		return FBSD_ENOTSUP;
	default:
		return FBSD_EINVAL;
	}
	/* A relative time in the past is already over (Linux says EINVAL). */
	if (!abs && rq.tv_sec < 0)
		return 0;
	if (abs && rq.tv_sec < 0)
		rq.tv_sec = 0, rq.tv_nsec = 0;
	hreq.tv_sec = rq.tv_sec;
	hreq.tv_nsec = rq.tv_nsec;
	/* Interruptible by guest signals (signal.c); a call cancelled before
	 * it started owes the whole request. */
	hrem = hreq;
	r = fbsd_safe_syscall(SYS_clock_nanosleep, hclock, abs ? TIMER_ABSTIME : 0,
			      (long)&hreq, (long)&hrem, 0, 0) < 0 ? errno : 0;
	if (r == 0)
		return 0;
	if (r == EINTR && rmtp && !abs) {
		/* A guest signal interrupted the sleep: the rest is owed. */
		rm.tv_sec = hrem.tv_sec;
		rm.tv_nsec = hrem.tv_nsec;
		if (copy_to_guest(rmtp, &rm, sizeof(rm)) < 0)
			return FBSD_EFAULT;
	}
	return fbsd_errno(r);
}

int fbsd_sys_nanosleep(struct fbsd_thread *td, const struct fbsd_nanosleep_args *uap)
{
	return do_clock_nanosleep(FBSD_CLOCK_REALTIME, 0, uap->rqtp, uap->rmtp);
}

/* clock_nanosleep reports failure POSIX-style (kern_posix_error): the
 * syscall succeeds and returns the error number as its value. */
int fbsd_sys_clock_nanosleep(struct fbsd_thread *td, const struct fbsd_clock_nanosleep_args *uap)
{
	int err = do_clock_nanosleep(uap->clock_id, uap->flags, uap->rqtp, uap->rmtp);

	if (err <= 0)
		return err;
	td->retval[0] = (uint64_t)err;
	return 0;
}
