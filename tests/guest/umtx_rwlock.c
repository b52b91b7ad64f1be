// TIMEOUT: 60
/* urwlock: readers and writers through RW_RDLOCK/RW_WRLOCK/RW_UNLOCK (every
 * acquisition through the kernel), checking mutual exclusion; timeouts,
 * EPERM, EFAULT. */
#include "thr_util.h"

#define NRD 4
#define NWR 2
#define ITER 2000

#define URWLOCK_WRITE_OWNER 0x80000000u

static struct urwlock rw;
static volatile long readers_in, writers_in, shared_a, shared_b, bad;

static void reader(void *arg)
{
	for (int i = 0; i < ITER; i++) {
		CHECK_EQ(umtx(&rw, UMTX_OP_RW_RDLOCK, 0, 0, 0), 0);
		__atomic_add_fetch(&readers_in, 1, __ATOMIC_SEQ_CST);
		if (writers_in || shared_a != shared_b)
			bad++;
		__atomic_sub_fetch(&readers_in, 1, __ATOMIC_SEQ_CST);
		CHECK_EQ(umtx(&rw, UMTX_OP_RW_UNLOCK, 0, 0, 0), 0);
	}
}

static void writer(void *arg)
{
	for (int i = 0; i < ITER; i++) {
		CHECK_EQ(umtx(&rw, UMTX_OP_RW_WRLOCK, 0, 0, 0), 0);
		if (__atomic_add_fetch(&writers_in, 1, __ATOMIC_SEQ_CST) != 1 || readers_in)
			bad++;
		shared_a++;
		if ((i & 31) == 0)
			sys(FBSD_SYS_sched_yield);
		shared_b++;
		__atomic_sub_fetch(&writers_in, 1, __ATOMIC_SEQ_CST);
		CHECK_EQ(umtx(&rw, UMTX_OP_RW_UNLOCK, 0, 0, 0), 0);
	}
}

int main(int argc, char **argv, char **envp)
{
	static struct thr r[NRD], w[NWR];

	for (int i = 0; i < NRD; i++)
		CHECK_EQ(thr_start(&r[i], reader, 0), 0);
	for (int i = 0; i < NWR; i++)
		CHECK_EQ(thr_start(&w[i], writer, 0), 0);
	for (int i = 0; i < NRD; i++)
		thr_join(&r[i]);
	for (int i = 0; i < NWR; i++)
		thr_join(&w[i]);
	CHECK_EQ(bad, 0);
	CHECK_EQ(shared_a, NWR * ITER);
	CHECK_EQ(rw.rw_state, 0);
	CHECK_EQ(rw.rw_blocked_readers, 0);
	CHECK_EQ(rw.rw_blocked_writers, 0);

	/* Held for reading: a timed write lock times out, reads still go. */
	CHECK_EQ(umtx(&rw, UMTX_OP_RW_RDLOCK, 0, 0, 0), 0);
	CHECK_EQ(rw.rw_state, 1);
	struct umtx_time tm = { 0, 20000000, 0, CLOCK_MONOTONIC };
	CHECK_ERR(umtx(&rw, UMTX_OP_RW_WRLOCK, 0, sizeof(tm), &tm), FBSD_ETIMEDOUT);
	CHECK_EQ(rw.rw_state, 1);
	CHECK_EQ(umtx(&rw, UMTX_OP_RW_RDLOCK, 0, 0, 0), 0);
	CHECK_EQ(umtx(&rw, UMTX_OP_RW_UNLOCK, 0, 0, 0), 0);
	CHECK_EQ(umtx(&rw, UMTX_OP_RW_UNLOCK, 0, 0, 0), 0);
	CHECK_ERR(umtx(&rw, UMTX_OP_RW_UNLOCK, 0, 0, 0), FBSD_EPERM);
	/* Held for writing: a timed read lock times out. */
	CHECK_EQ(umtx(&rw, UMTX_OP_RW_WRLOCK, 0, 0, 0), 0);
	CHECK_EQ((unsigned)rw.rw_state, URWLOCK_WRITE_OWNER);
	CHECK_ERR(umtx(&rw, UMTX_OP_RW_RDLOCK, 0, sizeof(tm), &tm), FBSD_ETIMEDOUT);
	CHECK_EQ(rw.rw_blocked_readers, 0);
	CHECK_EQ(umtx(&rw, UMTX_OP_RW_UNLOCK, 0, 0, 0), 0);
	CHECK_EQ(rw.rw_state, 0);
	CHECK_ERR(umtx(8, UMTX_OP_RW_RDLOCK, 0, 0, 0), FBSD_EFAULT);
	CHECK_ERR(umtx(8, UMTX_OP_RW_UNLOCK, 0, 0, 0), FBSD_EFAULT);
	t_puts("umtx_rwlock done");
	return 0;
}
