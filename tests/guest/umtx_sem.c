// TIMEOUT: 30
/* _usem2 semaphores (libthr's sem_wait/sem_post protocol): a producer and
 * consumers, USEM_HAS_WAITERS, timeouts and errors. */
#include "thr_util.h"

#define ITEMS 3000
#define NCONS 3

static struct usem2 sem;
static volatile long consumed;

static int sem_trywait(struct usem2 *s)
{
	unsigned c = __atomic_load_n(&s->count, __ATOMIC_RELAXED);
	while ((c & ~USEM_HAS_WAITERS) > 0) {
		if (__atomic_compare_exchange_n(&s->count, &c, c - 1, 0, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return 1;
	}
	return 0;
}

static long sem_wait(struct usem2 *s, struct umtx_time *tm)
{
	for (;;) {
		if (sem_trywait(s))
			return 0;
		long r = umtx(s, UMTX_OP_SEM2_WAIT, 0, tm ? sizeof(*tm) : 0, tm);
		if (r < 0 && r != -FBSD_EINTR)
			return r;
	}
}

static void sem_post(struct usem2 *s)
{
	unsigned c = __atomic_fetch_add(&s->count, 1, __ATOMIC_RELEASE);
	if (c & USEM_HAS_WAITERS)
		umtx(s, UMTX_OP_SEM2_WAKE, 0, 0, 0);
}

static void consumer(void *arg)
{
	for (;;) {
		CHECK_EQ(sem_wait(&sem, 0), 0);
		if (__atomic_add_fetch(&consumed, 1, __ATOMIC_SEQ_CST) > ITEMS)
			return;
	}
}

int main(int argc, char **argv, char **envp)
{
	static struct thr t[NCONS];

	for (int i = 0; i < NCONS; i++)
		CHECK_EQ(thr_start(&t[i], consumer, 0), 0);
	for (int i = 0; i < ITEMS + NCONS; i++) {
		sem_post(&sem);
		if ((i & 127) == 0)
			sys(FBSD_SYS_sched_yield);
	}
	for (int i = 0; i < NCONS; i++)
		thr_join(&t[i]);
	CHECK_EQ(consumed, ITEMS + NCONS);
	CHECK_EQ(sem.count & ~USEM_HAS_WAITERS, 0);

	/* Timeout: nothing posted; the waiters bit is set while waiting. */
	struct umtx_time tm = { 0, 20000000, 0, CLOCK_MONOTONIC };
	sem.count = 0;
	long t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_ERR(sem_wait(&sem, &tm), FBSD_ETIMEDOUT);
	CHECK(now_ns(CLOCK_MONOTONIC) - t0 >= 19000000);
	CHECK_EQ(sem.count, USEM_HAS_WAITERS);
	/* A post with nobody asleep clears the bit through SEM2_WAKE. */
	CHECK_EQ(umtx(&sem, UMTX_OP_SEM2_WAKE, 0, 0, 0), 0);
	sem.count = 2;
	CHECK_EQ(umtx(&sem, UMTX_OP_SEM2_WAIT, 0, 0, 0), 0);  /* count > 0: at once */
	CHECK_EQ(sem.count, 2);                               /* the kernel never takes */
	CHECK_ERR(umtx(8, UMTX_OP_SEM2_WAIT, 0, 0, 0), FBSD_EFAULT);
	CHECK_ERR(umtx(8, UMTX_OP_SEM2_WAKE, 0, 0, 0), FBSD_EFAULT);
	struct umtx_time bad = { 0, -5, 0, CLOCK_MONOTONIC };
	sem.count = 0;
	CHECK_ERR(umtx(&sem, UMTX_OP_SEM2_WAIT, 0, sizeof(bad), &bad), FBSD_EINVAL);
	t_puts("umtx_sem done");
	return 0;
}
