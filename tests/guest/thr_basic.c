// TIMEOUT: 30
/* thr_new, thr_self, thr_exit (join word), thr_kill, thr_kill2,
 * thr_set_name, rtprio_thread: success and error paths. */
#include "thr_util.h"

static long seen_tid, seen_arg, seen_tp, seen_sp_ok;
static char stk[16384] __attribute__((aligned(16)));

static void child(void *arg)
{
	uint64_t tp, sp;
	__asm__ volatile("mrs %0, tpidr_el0" : "=r"(tp));
	__asm__ volatile("mov %0, sp" : "=r"(sp));
	seen_tp = (long)tp;
	seen_arg = (long)arg;
	seen_sp_ok = sp <= (uint64_t)(stk + sizeof(stk)) && sp > (uint64_t)stk;
	seen_tid = thr_self();
}

static long done_word;

static void raw_entry(void *arg)
{
	child(arg);
	thr_exit(&done_word);
}

static void sleeper(void *arg)
{
	/* Sleeps until main wakes it: keeps a live thread to talk to. */
	sys(FBSD_SYS_thr_suspend, 0);
}

int main(int argc, char **argv, char **envp)
{
	struct thr_param p;
	long ctid = 0, ptid = 0;

	/* ids are the host's thread ids plus 100000: unique across processes,
	 * above every pid; the main thread's is the pid's */
	long me = thr_self();
	CHECK_EQ(me, 100000 + sys(FBSD_SYS_getpid));
	CHECK_ERR(sys(FBSD_SYS_thr_self, 8), FBSD_EFAULT);

	memset(&p, 0, sizeof(p));
	p.start_func = raw_entry;
	p.arg = (void *)0x1234;
	p.stack_base = stk;
	p.stack_size = sizeof(stk) - 8;   /* rounded down to 16 */
	p.tls_base = (char *)0x5550;
	p.child_tid = &ctid;
	p.parent_tid = &ptid;
	CHECK_EQ(sys(FBSD_SYS_thr_new, &p, sizeof(p)), 0);
	/* Both ids are stored before thr_new returns. */
	CHECK(ctid > 100000 && ctid != me);
	CHECK_EQ(ptid, ctid);
	while (__atomic_load_n(&done_word, __ATOMIC_ACQUIRE) == 0)
		umtx(&done_word, UMTX_OP_WAIT, 0, 0, 0);
	CHECK_EQ(done_word, 1);
	CHECK_EQ(seen_tid, ctid);
	CHECK_EQ(seen_arg, 0x1234);
	CHECK_EQ(seen_tp, 0x5550);
	CHECK_EQ(seen_sp_ok, 1);
	CHECK(thr_wait_gone(ctid));

	/* A second thread gets a new id; the first one is gone. */
	struct thr t2;
	CHECK_EQ(thr_start(&t2, sleeper, 0), 0);
	CHECK(t2.tid > 100000 && t2.tid != ctid && t2.tid != me);
	CHECK_ERR(sys(FBSD_SYS_thr_kill, ctid, 0), FBSD_ESRCH);
	CHECK_EQ(sys(FBSD_SYS_thr_kill, t2.tid, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_thr_kill, me, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_thr_kill, t2.tid, 1000), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_thr_kill, 99, 0), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_thr_kill2, 1, t2.tid, 0), FBSD_ESRCH);
	CHECK_EQ(sys(FBSD_SYS_thr_kill2, sys(FBSD_SYS_getpid), t2.tid, 0), 0);

	/* thr_set_name: any live thread; long names are cut, not refused. */
	CHECK_EQ(sys(FBSD_SYS_thr_set_name, t2.tid, "worker"), 0);
	CHECK_EQ(sys(FBSD_SYS_thr_set_name, me, "a-very-long-thread-name-indeed"), 0);
	CHECK_ERR(sys(FBSD_SYS_thr_set_name, ctid, "x"), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_thr_set_name, me, 8), FBSD_EFAULT);

	/* rtprio_thread: lookup defaults to {RTP_PRIO_NORMAL, 0}. */
	unsigned short rtp[2] = { 9, 9 };
	CHECK_EQ(sys(FBSD_SYS_rtprio_thread, 0 /* LOOKUP */, 0, rtp), 0);
	CHECK_EQ(rtp[0], 3);
	CHECK_EQ(rtp[1], 0);
	CHECK_EQ(sys(FBSD_SYS_rtprio_thread, 0, t2.tid, rtp), 0);
	rtp[0] = 3; rtp[1] = 0;
	CHECK_EQ(sys(FBSD_SYS_rtprio_thread, 1 /* SET */, 0, rtp), 0);
	rtp[0] = 77;
	CHECK_ERR(sys(FBSD_SYS_rtprio_thread, 1, 0, rtp), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_rtprio_thread, 0, ctid, rtp), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_rtprio_thread, 7, 0, rtp), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_rtprio_thread, 0, 0, 8), FBSD_EFAULT);

	/* thr_new errors. */
	CHECK_ERR(sys(FBSD_SYS_thr_new, &p, sizeof(p) + 1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_thr_new, &p, -1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_thr_new, 8, sizeof(p)), FBSD_EFAULT);
	p.child_tid = (long *)8;
	CHECK_ERR(sys(FBSD_SYS_thr_new, &p, sizeof(p)), FBSD_EFAULT);
	p.child_tid = &ctid;
	p.rtp = (void *)8;
	CHECK_ERR(sys(FBSD_SYS_thr_new, &p, sizeof(p)), FBSD_EFAULT);
	unsigned short bad_rtp[2] = { 4 /* IDLE */, 0 };
	p.rtp = bad_rtp;
	CHECK_ERR(sys(FBSD_SYS_thr_new, &p, sizeof(p)), FBSD_EINVAL);

	CHECK_EQ(sys(FBSD_SYS_thr_wake, t2.tid), 0);
	thr_join(&t2);
	CHECK(thr_wait_gone(t2.tid));
	CHECK_ERR(sys(FBSD_SYS_thr_wake, t2.tid), FBSD_ESRCH);
	t_puts("thr_basic done");
	return 0;
}
