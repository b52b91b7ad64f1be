// TIMEOUT: 60
/* ucond: ping-pong between two threads with CV_WAIT/CV_SIGNAL, broadcast,
 * relative and absolute timeouts, c_has_waiters, errors. */
#include "thr_util.h"

#define ROUNDS 2000

static struct umutex m;
static struct ucond cv;
static volatile long turn;   /* 0: main's turn, 1: the child's */

/* pthread_cond_wait: the kernel releases the mutex; we retake it. */
static long cond_wait(struct ucond *c, struct umutex *mx, long me, unsigned flags, void *ts)
{
	long r = umtx(c, UMTX_OP_CV_WAIT, flags, mx, ts);
	mtx_lock(mx, me);
	return r;
}

static void pong(void *arg)
{
	long me = thr_self();
	for (int i = 0; i < ROUNDS; i++) {
		mtx_lock(&m, me);
		while (turn != 1)
			CHECK_EQ(cond_wait(&cv, &m, me, 0, 0), 0);
		turn = 0;
		umtx(&cv, UMTX_OP_CV_SIGNAL, 0, 0, 0);
		mtx_unlock(&m, me);
	}
}

static struct ucond bc;
static volatile long gate, through;

static void bwait(void *arg)
{
	long me = thr_self();
	mtx_lock(&m, me);
	while (!gate)
		cond_wait(&bc, &m, me, 0, 0);
	through++;
	mtx_unlock(&m, me);
}

int main(int argc, char **argv, char **envp)
{
	static struct thr t, b[4];
	long me = thr_self();

	CHECK_EQ(thr_start(&t, pong, 0), 0);
	for (int i = 0; i < ROUNDS; i++) {
		mtx_lock(&m, me);
		turn = 1;
		umtx(&cv, UMTX_OP_CV_SIGNAL, 0, 0, 0);
		while (turn != 0)
			CHECK_EQ(cond_wait(&cv, &m, me, 0, 0), 0);
		mtx_unlock(&m, me);
	}
	thr_join(&t);

	/* Broadcast wakes every waiter. */
	for (int i = 0; i < 4; i++)
		CHECK_EQ(thr_start(&b[i], bwait, 0), 0);
	for (;;) {
		struct ts ms = { 0, 5000000 };
		sys(FBSD_SYS_nanosleep, &ms, 0);
		mtx_lock(&m, me);
		if (bc.c_has_waiters) {
			/* Maybe not all four are queued yet; they recheck gate. */
			gate = 1;
			umtx(&bc, UMTX_OP_CV_BROADCAST, 0, 0, 0);
			mtx_unlock(&m, me);
			break;
		}
		mtx_unlock(&m, me);
	}
	for (int i = 0; i < 4; i++)
		thr_join(&b[i]);
	CHECK_EQ(through, 4);
	CHECK_EQ(bc.c_has_waiters, 0);

	/* Relative timeout (CLOCK_REALTIME): the mutex is released, and
	 * c_has_waiters is cleared by the last one leaving. */
	struct ts rel = { 0, 20000000 };
	mtx_lock(&m, me);
	long t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_ERR(umtx(&cv, UMTX_OP_CV_WAIT, 0, &m, &rel), FBSD_ETIMEDOUT);
	CHECK(now_ns(CLOCK_MONOTONIC) - t0 >= 19000000);
	CHECK_EQ(m.m_owner, 0);
	CHECK_EQ(cv.c_has_waiters, 0);

	/* Absolute timeout on CLOCK_MONOTONIC via c_clockid. */
	mtx_lock(&m, me);
	cv.c_clockid = CLOCK_MONOTONIC;
	long dl = now_ns(CLOCK_MONOTONIC) + 20000000;
	struct ts abs = { dl / 1000000000, dl % 1000000000 };
	CHECK_ERR(umtx(&cv, UMTX_OP_CV_WAIT, CVWAIT_ABSTIME | CVWAIT_CLOCKID, &m, &abs),
		  FBSD_ETIMEDOUT);
	CHECK(now_ns(CLOCK_MONOTONIC) >= dl - 1000000);
	/* An absolute time in the past: at once. */
	mtx_lock(&m, me);
	CHECK_ERR(umtx(&cv, UMTX_OP_CV_WAIT, CVWAIT_ABSTIME | CVWAIT_CLOCKID, &m, &abs),
		  FBSD_ETIMEDOUT);

	/* Errors: not the owner of the mutex, bad timespec, bad pointers. */
	CHECK_ERR(umtx(&cv, UMTX_OP_CV_WAIT, 0, &m, &rel), FBSD_EPERM);
	CHECK_EQ(cv.c_has_waiters, 0);
	struct ts bad = { 0, -1 };
	mtx_lock(&m, me);
	CHECK_ERR(umtx(&cv, UMTX_OP_CV_WAIT, 0, &m, &bad), FBSD_EINVAL);
	mtx_lock(&m, me);
	CHECK_ERR(umtx(&cv, UMTX_OP_CV_WAIT, 0, &m, 8), FBSD_EFAULT);
	CHECK_EQ(m.m_owner, me);
	mtx_unlock(&m, me);
	CHECK_ERR(umtx(8, UMTX_OP_CV_SIGNAL, 0, 0, 0), FBSD_EFAULT);
	CHECK_ERR(umtx(8, UMTX_OP_CV_BROADCAST, 0, 0, 0), FBSD_EFAULT);
	cv.c_clockid = 14; /* THREAD_CPUTIME: not a clock to wait on */
	mtx_lock(&m, me);
	CHECK_ERR(umtx(&cv, UMTX_OP_CV_WAIT, CVWAIT_CLOCKID, &m, &rel), FBSD_EINVAL);
	mtx_unlock(&m, me);
	t_puts("umtx_cond done");
	return 0;
}
