// TIMEOUT: 30
// EXPECT-STDOUT: ^sched_calls done$
/* The POSIX scheduling calls (sched_getscheduler 330, sched_setscheduler
 * 329, sched_getparam 328, sched_setparam 327, sched_get_priority_max 332
 * and _min 333, sched_rr_get_interval 334) with FreeBSD's policy numbers
 * and priority ranges, and cpuset_getaffinity 487 / cpuset_setaffinity 488
 * with FreeBSD's levels, which-selectors and 1024-CPU sets: success and
 * error paths.  Real-time policies are only probed with bad priorities:
 * granting one to the test would starve the machine it runs on. */
#include "thr_util.h"

#define SCHED_FIFO 1
#define SCHED_OTHER 2
#define SCHED_RR 3
#define TS_PRIO_MAX 135         /* PRI_MAX_TIMESHARE - PRI_MIN_TIMESHARE */

#define CPU_LEVEL_ROOT 1
#define CPU_LEVEL_CPUSET 2
#define CPU_LEVEL_WHICH 3
#define CPU_WHICH_TID 1
#define CPU_WHICH_PID 2
#define CPU_WHICH_CPUSET 3
#define CPU_WHICH_IRQ 4
#define CPU_SETSIZE 1024
#define FBSD_EDEADLK 11
#define FBSD_ERANGE 34

struct cpuset {
	unsigned long bits[CPU_SETSIZE / 64];
};

static int count(const struct cpuset *s)
{
	int n = 0;
	for (int i = 0; i < CPU_SETSIZE / 64; i++)
		n += __builtin_popcountl(s->bits[i]);
	return n;
}

static void test_policy(void)
{
	int prio = -1;
	long pid = sys(FBSD_SYS_getpid);

	CHECK_EQ(sys(FBSD_SYS_sched_getscheduler, 0), SCHED_OTHER);
	CHECK_EQ(sys(FBSD_SYS_sched_getscheduler, pid), SCHED_OTHER);
	CHECK_ERR(sys(FBSD_SYS_sched_getscheduler, -1), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_sched_getscheduler, 0x7ffffff0), FBSD_ESRCH);

	CHECK_EQ(sys(FBSD_SYS_sched_getparam, 0, &prio), 0);
	CHECK(prio >= 0 && prio <= TS_PRIO_MAX);
	CHECK_ERR(sys(FBSD_SYS_sched_getparam, 0, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_sched_getparam, -1, &prio), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_sched_getparam, 0x7ffffff0, &prio), FBSD_ESRCH);

	/* a time-sharing priority anywhere in FreeBSD's range */
	prio = 50;
	CHECK_EQ(sys(FBSD_SYS_sched_setscheduler, 0, SCHED_OTHER, &prio), 0);
	CHECK_EQ(sys(FBSD_SYS_sched_getscheduler, 0), SCHED_OTHER);
	prio = TS_PRIO_MAX;
	CHECK_EQ(sys(FBSD_SYS_sched_setparam, 0, &prio), 0);
	prio = 0;
	CHECK_EQ(sys(FBSD_SYS_sched_setparam, 0, &prio), 0);
	prio = TS_PRIO_MAX + 1;
	CHECK_ERR(sys(FBSD_SYS_sched_setscheduler, 0, SCHED_OTHER, &prio), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sched_setparam, 0, &prio), FBSD_EINVAL);
	prio = -1;
	CHECK_ERR(sys(FBSD_SYS_sched_setparam, 0, &prio), FBSD_EINVAL);
	prio = 0;
	CHECK_ERR(sys(FBSD_SYS_sched_setscheduler, 0, 0 /* Linux's SCHED_OTHER */, &prio),
		  FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sched_setscheduler, 0, 7, &prio), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sched_setscheduler, 0, SCHED_OTHER, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_sched_setparam, 0, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_sched_setparam, 0x7ffffff0, &prio), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_sched_setscheduler, -1, SCHED_OTHER, &prio), FBSD_ESRCH);
	/* a real-time priority out of range never gets through */
	prio = 32;
	CHECK(sys(FBSD_SYS_sched_setscheduler, 0, SCHED_FIFO, &prio) < 0);
	CHECK_EQ(sys(FBSD_SYS_sched_getscheduler, 0), SCHED_OTHER);
}

static void test_ranges(void)
{
	CHECK_EQ(sys(FBSD_SYS_sched_get_priority_max, SCHED_FIFO), 31);
	CHECK_EQ(sys(FBSD_SYS_sched_get_priority_max, SCHED_RR), 31);
	CHECK_EQ(sys(FBSD_SYS_sched_get_priority_max, SCHED_OTHER), TS_PRIO_MAX);
	CHECK_EQ(sys(FBSD_SYS_sched_get_priority_min, SCHED_FIFO), 0);
	CHECK_EQ(sys(FBSD_SYS_sched_get_priority_min, SCHED_RR), 0);
	CHECK_EQ(sys(FBSD_SYS_sched_get_priority_min, SCHED_OTHER), 0);
	CHECK_ERR(sys(FBSD_SYS_sched_get_priority_max, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sched_get_priority_max, 4), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sched_get_priority_min, -1), FBSD_EINVAL);
}

static void test_rr_interval(void)
{
	struct ts t = { -1, -1 };

	CHECK_EQ(sys(FBSD_SYS_sched_rr_get_interval, 0, &t), 0);
	CHECK(t.sec >= 0 && t.nsec >= 0 && t.nsec < 1000000000);
	CHECK_ERR(sys(FBSD_SYS_sched_rr_get_interval, 0, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_sched_rr_get_interval, -1, &t), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_sched_rr_get_interval, 0x7ffffff0, &t), FBSD_ESRCH);
}

static void test_affinity(void)
{
	struct cpuset all, mine, one, none;
	long tid = thr_self();
	int first = -1;

	memset(&none, 0, sizeof(none));
	/* the root set: every CPU of the machine */
	CHECK_EQ(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_ROOT, CPU_WHICH_PID, -1,
		     sizeof(all), &all), 0);
	CHECK(count(&all) >= 1);
	/* the process and the thread: a subset of it */
	CHECK_EQ(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_PID, -1,
		     sizeof(mine), &mine), 0);
	CHECK(count(&mine) >= 1);
	for (int i = 0; i < CPU_SETSIZE / 64; i++)
		CHECK_EQ(mine.bits[i] & ~all.bits[i], 0);
	CHECK_EQ(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_TID, tid,
		     sizeof(one), &one), 0);
	CHECK_EQ(memcmp(&one, &mine, sizeof(one)), 0);
	CHECK_EQ(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_CPUSET, CPU_WHICH_CPUSET, -1,
		     sizeof(one), &one), 0);
	CHECK_EQ(memcmp(&one, &all, sizeof(one)), 0);

	/* pin the thread to its first CPU, read it back, then undo it */
	for (int i = 0; i < CPU_SETSIZE && first < 0; i++)
		if (mine.bits[i / 64] >> (i % 64) & 1)
			first = i;
	memset(&one, 0, sizeof(one));
	one.bits[first / 64] = 1ul << (first % 64);
	CHECK_EQ(sys(FBSD_SYS_cpuset_setaffinity, CPU_LEVEL_WHICH, CPU_WHICH_TID, -1,
		     sizeof(one), &one), 0);
	struct cpuset back;
	CHECK_EQ(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_TID, -1,
		     sizeof(back), &back), 0);
	CHECK_EQ(memcmp(&back, &one, sizeof(back)), 0);
	CHECK_EQ(sys(FBSD_SYS_cpuset_setaffinity, CPU_LEVEL_WHICH, CPU_WHICH_TID, -1,
		     sizeof(mine), &mine), 0);
	/* a short set is zero-extended */
	CHECK_EQ(sys(FBSD_SYS_cpuset_setaffinity, CPU_LEVEL_WHICH, CPU_WHICH_TID, -1,
		     8 * (first / 64 + 1), &one), 0);
	CHECK_EQ(sys(FBSD_SYS_cpuset_setaffinity, CPU_LEVEL_WHICH, CPU_WHICH_TID, -1,
		     sizeof(mine), &mine), 0);

	/* errors */
	CHECK_ERR(sys(FBSD_SYS_cpuset_setaffinity, CPU_LEVEL_WHICH, CPU_WHICH_TID, -1,
		      sizeof(none), &none), FBSD_EDEADLK);
	CHECK_ERR(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_PID, -1,
		      sizeof(mine) + 8, &mine), FBSD_ERANGE);
	CHECK_ERR(sys(FBSD_SYS_cpuset_setaffinity, CPU_LEVEL_WHICH, CPU_WHICH_PID, -1,
		      sizeof(mine) + 8, &mine), FBSD_ERANGE);
	CHECK_ERR(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_PID, -1,
		      0, &mine), FBSD_ERANGE);
	CHECK_ERR(sys(FBSD_SYS_cpuset_getaffinity, 9, CPU_WHICH_PID, -1,
		      sizeof(mine), &mine), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_WHICH, 99, -1,
		      sizeof(mine), &mine), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_IRQ, 1,
		      sizeof(mine), &mine), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_TID, 99,
		      sizeof(mine), &mine), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_PID, 0x7ffffff0,
		      sizeof(mine), &mine), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_PID, -1,
		      sizeof(mine), 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_cpuset_setaffinity, CPU_LEVEL_WHICH, CPU_WHICH_PID, -1,
		      sizeof(mine), 8), FBSD_EFAULT);
}

int main(int argc, char **argv, char **envp)
{
	test_policy();
	test_ranges();
	test_rr_interval();
	test_affinity();
	t_puts("sched_calls done");
	return 0;
}
