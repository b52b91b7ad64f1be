// TIMEOUT: 60
/* umutex: many threads incrementing one counter under MUTEX_LOCK/UNLOCK
 * (libthr's protocol: CAS fast path, kernel on contention), trylock,
 * EDEADLK/EPERM/EFAULT, MUTEX_WAIT and MUTEX_WAKE2. */
#include "thr_util.h"

#define NTHR 8
#define ITER 5000

static struct umutex mtx;
static long counter;

static void worker(void *arg)
{
	long me = thr_self();
	for (int i = 0; i < ITER; i++) {
		if (i & 1) {
			mtx_lock(&mtx, me);
		} else {
			/* Always through the kernel. */
			CHECK_EQ(umtx(&mtx, UMTX_OP_MUTEX_LOCK, 0, 0, 0), 0);
		}
		long c = counter;
		if ((i & 63) == 0)
			sys(FBSD_SYS_sched_yield);
		counter = c + 1;
		if (i & 2)
			mtx_unlock(&mtx, me);
		else
			CHECK_EQ(umtx(&mtx, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), 0);
	}
}

static struct umutex held;
static volatile int waited;

static void wait_free(void *arg)
{
	/* MUTEX_WAIT returns once the mutex is free, without taking it. */
	CHECK_EQ(umtx(&held, UMTX_OP_MUTEX_WAIT, 0, 0, 0), 0);
	waited = 1;
}

int main(int argc, char **argv, char **envp)
{
	static struct thr t[NTHR];
	long me = thr_self();

	for (int i = 0; i < NTHR; i++)
		CHECK_EQ(thr_start(&t[i], worker, 0), 0);
	for (int i = 0; i < NTHR; i++)
		thr_join(&t[i]);
	CHECK_EQ(counter, NTHR * ITER);
	CHECK_EQ(mtx.m_owner, 0);

	/* Single-thread semantics. */
	CHECK_EQ(umtx(&mtx, UMTX_OP_MUTEX_TRYLOCK, 0, 0, 0), 0);
	CHECK_EQ(mtx.m_owner, me);
	CHECK_ERR(umtx(&mtx, UMTX_OP_MUTEX_TRYLOCK, 0, 0, 0), FBSD_EBUSY);
	CHECK_ERR(umtx(&mtx, UMTX_OP_MUTEX_LOCK, 0, 0, 0), FBSD_EDEADLK);
	CHECK_EQ(umtx(&mtx, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), 0);
	CHECK_EQ(mtx.m_owner, 0);
	CHECK_ERR(umtx(&mtx, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), FBSD_EPERM);
	mtx.m_owner = 12345;
	CHECK_ERR(umtx(&mtx, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), FBSD_EPERM);
	/* A contested-but-free mutex is taken with the bit kept. */
	mtx.m_owner = UMUTEX_CONTESTED;
	CHECK_EQ(umtx(&mtx, UMTX_OP_MUTEX_LOCK, 0, 0, 0), 0);
	CHECK_EQ(mtx.m_owner, me | UMUTEX_CONTESTED);
	CHECK_EQ(umtx(&mtx, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), 0);
	CHECK_EQ(mtx.m_owner, 0);
	CHECK_ERR(umtx(8, UMTX_OP_MUTEX_LOCK, 0, 0, 0), FBSD_EFAULT);
	CHECK_ERR(umtx(8, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), FBSD_EFAULT);

	/* A timed lock of a mutex someone else holds. */
	struct umtx_time tm = { 0, 20000000, 0, CLOCK_MONOTONIC };
	held.m_owner = 4242;
	long t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_ERR(umtx(&held, UMTX_OP_MUTEX_LOCK, 0, sizeof(tm), &tm), FBSD_ETIMEDOUT);
	CHECK(now_ns(CLOCK_MONOTONIC) - t0 >= 19000000);
	CHECK_EQ(held.m_owner, 4242 | UMUTEX_CONTESTED);

	/* MUTEX_WAIT + MUTEX_WAKE2: the owner (4242, "another thread")
	 * releases in user space, then asks the kernel to wake. */
	static struct thr w;
	CHECK_EQ(thr_start(&w, wait_free, 0), 0);
	struct ts ms = { 0, 30000000 };
	sys(FBSD_SYS_nanosleep, &ms, 0);
	CHECK_EQ(waited, 0);
	held.m_owner = 0;
	CHECK_EQ(umtx(&held, UMTX_OP_MUTEX_WAKE2, 0, 0, 0), 0);
	thr_join(&w);
	CHECK_EQ(waited, 1);
	CHECK_EQ(held.m_owner, 0);

	/* SET_CEILING needs a PRIO_PROTECT mutex. */
	unsigned old = 99;
	CHECK_ERR(umtx(&mtx, UMTX_OP_SET_CEILING, 5, &old, 0), FBSD_EINVAL);
	struct umutex pp = { UMUTEX_CONTESTED, 0x8, { 3, 0 }, 0, { 0, 0 } };
	CHECK_EQ(umtx(&pp, UMTX_OP_SET_CEILING, 5, &old, 0), 0);
	CHECK_EQ(old, 3);
	CHECK_EQ(pp.m_ceilings[0], 5);
	CHECK_EQ(pp.m_owner, UMUTEX_CONTESTED);
	CHECK_ERR(umtx(&pp, UMTX_OP_SET_CEILING, 32, &old, 0), FBSD_EINVAL);
	t_puts("umtx_mutex done");
	return 0;
}
