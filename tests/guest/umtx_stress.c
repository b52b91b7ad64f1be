// TIMEOUT: 60
/* Many threads hammering mutexes, condition variables, semaphores and
 * WAIT/WAKE, with short timeouts, for about three seconds: it must never
 * hang and the protected counters must add up. */
#include "thr_util.h"

#define NTHR 10
#define RUN_NS 3000000000L

static struct umutex m[2];
static struct ucond cv;
static struct usem2 sem;
static volatile long counter[2], posts, takes, stop;
static volatile unsigned flag;
static long start;

static unsigned rnd(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 16;
}

static void lock_timed(struct umutex *mx, long me)
{
	struct umtx_time tm = { 0, 100000, 0, CLOCK_MONOTONIC };
	for (;;) {
		unsigned z = 0;
		if (__atomic_compare_exchange_n(&mx->m_owner, &z, (unsigned)me, 0,
						__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return;
		long r = umtx(mx, UMTX_OP_MUTEX_LOCK, 0, sizeof(tm), &tm);
		if (r == 0)
			return;
		CHECK(r == -FBSD_ETIMEDOUT);
	}
}

static void worker(void *arg)
{
	long me = thr_self();
	unsigned s = (unsigned)me * 7919u;
	struct umtx_time tm = { 0, 200000, 0, CLOCK_MONOTONIC };
	struct ts rel = { 0, 300000 };

	while (!stop) {
		switch (rnd(&s) % 5) {
		case 0: case 1: {
			int k = rnd(&s) & 1;
			lock_timed(&m[k], me);
			counter[k]++;
			mtx_unlock(&m[k], me);
			break;
		}
		case 2:
			mtx_lock(&m[0], me);
			counter[0]++;
			if (rnd(&s) & 1) {
				long r = umtx(&cv, UMTX_OP_CV_WAIT, 0, &m[0], &rel);
				CHECK(r == 0 || r == -FBSD_ETIMEDOUT);
				mtx_lock(&m[0], me);
			} else {
				umtx(&cv, (rnd(&s) & 1) ? UMTX_OP_CV_SIGNAL : UMTX_OP_CV_BROADCAST,
				     0, 0, 0);
			}
			mtx_unlock(&m[0], me);
			break;
		case 3:
			if (rnd(&s) & 1) {
				unsigned c = __atomic_fetch_add(&sem.count, 1, __ATOMIC_RELEASE);
				__atomic_add_fetch(&posts, 1, __ATOMIC_SEQ_CST);
				if (c & USEM_HAS_WAITERS)
					umtx(&sem, UMTX_OP_SEM2_WAKE, 0, 0, 0);
			} else {
				unsigned c = __atomic_load_n(&sem.count, __ATOMIC_RELAXED);
				if ((c & ~USEM_HAS_WAITERS) > 0 &&
				    __atomic_compare_exchange_n(&sem.count, &c, c - 1, 0,
								__ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
					__atomic_add_fetch(&takes, 1, __ATOMIC_SEQ_CST);
				} else {
					long r = umtx(&sem, UMTX_OP_SEM2_WAIT, 0, sizeof(tm), &tm);
					CHECK(r == 0 || r == -FBSD_ETIMEDOUT);
				}
			}
			break;
		case 4:
			if (rnd(&s) & 1) {
				unsigned v = flag;
				long r = umtx(&flag, UMTX_OP_WAIT_UINT_PRIVATE, v, sizeof(tm), &tm);
				CHECK(r == 0 || r == -FBSD_ETIMEDOUT);
			} else {
				__atomic_add_fetch(&flag, 1, __ATOMIC_SEQ_CST);
				umtx(&flag, UMTX_OP_WAKE_PRIVATE, 1 + (rnd(&s) & 3), 0, 0);
			}
			break;
		}
		if (now_ns(CLOCK_MONOTONIC) - start > RUN_NS)
			stop = 1;
	}
}

int main(int argc, char **argv, char **envp)
{
	static struct thr t[NTHR];

	start = now_ns(CLOCK_MONOTONIC);
	for (int i = 0; i < NTHR; i++)
		CHECK_EQ(thr_start(&t[i], worker, 0), 0);
	for (int i = 0; i < NTHR; i++)
		thr_join(&t[i]);
	/* Every post is either still counted or was taken. */
	CHECK_EQ((sem.count & ~USEM_HAS_WAITERS) + takes, posts);
	CHECK_EQ(m[0].m_owner, 0);
	CHECK_EQ(m[1].m_owner, 0);
	CHECK(counter[0] > 0 && counter[1] > 0);
	t_printf("umtx_stress done: %ld %ld lock rounds\n", counter[0], counter[1]);
	return 0;
}
