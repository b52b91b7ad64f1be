// TIMEOUT: 30
/* thr_suspend/thr_wake: a wake that comes first is remembered, timeouts,
 * errors, and thr_new's THR_SUSPENDED flag. */
#include "thr_util.h"

static volatile long stage, ran;

static void waiter(void *arg)
{
	stage = 1;
	/* Woken by main with thr_wake. */
	CHECK_EQ(sys(FBSD_SYS_thr_suspend, 0), 0);
	stage = 2;
}

static void started(void *arg)
{
	ran = 1;
}

int main(int argc, char **argv, char **envp)
{
	struct ts zero = { 0, 0 }, ten_ms = { 0, 10000000 }, bad = { 0, 1000000000 };
	struct thr t;
	long t0;

	/* A wake of oneself before suspending: the suspend returns at once. */
	CHECK_EQ(sys(FBSD_SYS_thr_wake, thr_self()), 0);
	CHECK_EQ(sys(FBSD_SYS_thr_suspend, &ten_ms), 0);
	/* ...and only once. */
	CHECK_ERR(sys(FBSD_SYS_thr_suspend, &zero), FBSD_ETIMEDOUT);
	t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_ERR(sys(FBSD_SYS_thr_suspend, &ten_ms), FBSD_ETIMEDOUT);
	CHECK(now_ns(CLOCK_MONOTONIC) - t0 >= 9000000);
	CHECK_ERR(sys(FBSD_SYS_thr_suspend, &bad), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_thr_suspend, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_thr_wake, 12345), FBSD_ESRCH);

	CHECK_EQ(thr_start(&t, waiter, 0), 0);
	while (stage != 1)
		sys(FBSD_SYS_sched_yield);
	/* Whether it is asleep yet or not, the wake is not lost. */
	CHECK_EQ(sys(FBSD_SYS_thr_wake, t.tid), 0);
	thr_join(&t);
	CHECK_EQ(stage, 2);

	/* THR_SUSPENDED is accepted and ignored, as FreeBSD's thread_create()
	 * ignores thr_param.flags: the thread runs at once. */
	struct thr_param p;
	static struct thr h;
	memset(&p, 0, sizeof(p));
	h.fn = started;
	p.start_func = thr_trampoline;
	p.arg = &h;
	p.stack_size = 65536;
	p.stack_base = map_stack(p.stack_size);
	p.child_tid = &h.tid;
	p.flags = 1;
	CHECK_EQ(sys(FBSD_SYS_thr_new, &p, sizeof(p)), 0);
	struct ts fifty = { 0, 50000000 };
	sys(FBSD_SYS_nanosleep, &fifty, 0);
	thr_join(&h);
	CHECK_EQ(ran, 1);
	t_puts("thr_suspend done");
	return 0;
}
