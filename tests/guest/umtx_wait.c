// TIMEOUT: 30
/* UMTX_OP_WAIT compares 64 bits, WAIT_UINT 32; WAKE, WAKE_PRIVATE,
 * NWAKE_PRIVATE; timeouts in every form; errors; SHM, ROBUST_LISTS,
 * GET/SET_MIN_TIMEOUT. */
#include "thr_util.h"

static volatile unsigned long word = 0x100000005UL;
static volatile long woke;

static void waiter(void *arg)
{
	/* Sleeps while word == 0x100000005. */
	long r = umtx(&word, UMTX_OP_WAIT, 0x100000005UL, 0, 0);
	CHECK_EQ(r, 0);
	woke = 1;
}

static volatile unsigned w32[3];
static volatile long n32;

static void waiter32(void *arg)
{
	volatile unsigned *p = arg;
	CHECK_EQ(umtx(p, UMTX_OP_WAIT_UINT_PRIVATE, 0, 0, 0), 0);
	__atomic_add_fetch(&n32, 1, __ATOMIC_SEQ_CST);
}

int main(int argc, char **argv, char **envp)
{
	struct ts rel = { 0, 20000000 };
	struct umtx_time ut;
	long t0;

	/* Only the high word differs: WAIT does not sleep, WAIT_UINT does. */
	CHECK_EQ(umtx(&word, UMTX_OP_WAIT, 5, 0, 0), 0);
	t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_ERR(umtx(&word, UMTX_OP_WAIT_UINT, 5, sizeof(rel), &rel), FBSD_ETIMEDOUT);
	CHECK(now_ns(CLOCK_MONOTONIC) - t0 >= 19000000);
	CHECK_EQ(umtx(&word, UMTX_OP_WAIT_UINT, 6, sizeof(rel), &rel), 0);

	/* A waiter on the 64-bit value; only the high word changes. */
	static struct thr t;
	CHECK_EQ(thr_start(&t, waiter, 0), 0);
	struct ts ms = { 0, 30000000 };
	sys(FBSD_SYS_nanosleep, &ms, 0);
	CHECK_EQ(woke, 0);
	word = 0x200000005UL;
	CHECK_EQ(umtx(&word, UMTX_OP_WAKE, 1, 0, 0), 0);
	thr_join(&t);
	CHECK_EQ(woke, 1);

	/* NWAKE_PRIVATE wakes everyone on each address of an array. */
	static struct thr ts3[3];
	for (int i = 0; i < 3; i++)
		CHECK_EQ(thr_start(&ts3[i], waiter32, (void *)&w32[i]), 0);
	sys(FBSD_SYS_nanosleep, &ms, 0);
	CHECK_EQ(n32, 0);
	for (int i = 0; i < 3; i++)
		w32[i] = 1;
	volatile unsigned *arr[3] = { &w32[0], &w32[1], &w32[2] };
	CHECK_EQ(umtx(arr, UMTX_OP_NWAKE_PRIVATE, 3, 0, 0), 0);
	for (int i = 0; i < 3; i++)
		thr_join(&ts3[i]);
	CHECK_EQ(n32, 3);
	CHECK_EQ(umtx(&word, UMTX_OP_WAKE_PRIVATE, 10, 0, 0), 0);

	/* Timeouts: _umtx_time relative on MONOTONIC, absolute on REALTIME,
	 * absolute in the past. */
	ut = (struct umtx_time){ 0, 20000000, 0, CLOCK_MONOTONIC };
	t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_ERR(umtx(&word, UMTX_OP_WAIT_UINT_PRIVATE, 5, sizeof(ut), &ut), FBSD_ETIMEDOUT);
	CHECK(now_ns(CLOCK_MONOTONIC) - t0 >= 19000000);
	long dl = now_ns(CLOCK_REALTIME) + 20000000;
	ut = (struct umtx_time){ dl / 1000000000, dl % 1000000000, UMTX_ABSTIME, CLOCK_REALTIME };
	CHECK_ERR(umtx(&word, UMTX_OP_WAIT, word, sizeof(ut), &ut), FBSD_ETIMEDOUT);
	CHECK(now_ns(CLOCK_REALTIME) >= dl - 1000000);
	ut = (struct umtx_time){ 1, 0, UMTX_ABSTIME, CLOCK_MONOTONIC };
	CHECK_ERR(umtx(&word, UMTX_OP_WAIT, word, sizeof(ut), &ut), FBSD_ETIMEDOUT);

	/* Errors. */
	ut = (struct umtx_time){ 0, 1000000000, 0, CLOCK_MONOTONIC };
	CHECK_ERR(umtx(&word, UMTX_OP_WAIT, word, sizeof(ut), &ut), FBSD_EINVAL);
	ut = (struct umtx_time){ -1, 0, 0, CLOCK_MONOTONIC };
	CHECK_ERR(umtx(&word, UMTX_OP_WAIT, word, sizeof(ut), &ut), FBSD_EINVAL);
	ut = (struct umtx_time){ 0, 1000, 0, 14 };
	CHECK_ERR(umtx(&word, UMTX_OP_WAIT, word, sizeof(ut), &ut), FBSD_EINVAL);
	CHECK_ERR(umtx(&word, UMTX_OP_WAIT, word, sizeof(ut), 8), FBSD_EFAULT);
	CHECK_ERR(umtx(8, UMTX_OP_WAIT, 0, 0, 0), FBSD_EFAULT);
	CHECK_ERR(umtx(&word, 99, 0, 0, 0), FBSD_EINVAL);
	CHECK_ERR(umtx(&word, 0, 0, 0, 0), FBSD_EINVAL);
	CHECK_ERR(umtx(arr, UMTX_OP_NWAKE_PRIVATE, 3000, 0, 0), FBSD_EFAULT);
	CHECK_ERR(umtx(&word, UMTX_OP_SHM, 0, &word, 0), FBSD_EINVAL); /* umtx_shared.c has the rest */

	unsigned long rb[3] = { 0, 0, 0 };
	CHECK_EQ(umtx(0, UMTX_OP_ROBUST_LISTS, sizeof(rb), rb, 0), 0);
	CHECK_ERR(umtx(0, UMTX_OP_ROBUST_LISTS, sizeof(rb) + 8, rb, 0), FBSD_EINVAL);
	CHECK_ERR(umtx(0, UMTX_OP_ROBUST_LISTS, sizeof(rb), 8, 0), FBSD_EFAULT);

	/* GET_MIN_TIMEOUT stores the value where uaddr1 points (_umtx_op(2)) */
	long mt = -1, untouched = -1;
	CHECK_EQ(umtx(&untouched, UMTX_OP_GET_MIN_TIMEOUT, 0, &mt, 0), 0);
	CHECK_EQ(mt, 0);
	CHECK_EQ(untouched, -1);
	CHECK_ERR(umtx(0, UMTX_OP_GET_MIN_TIMEOUT, 0, 8, 0), FBSD_EFAULT);
	CHECK_EQ(umtx(0, UMTX_OP_SET_MIN_TIMEOUT, 1000, 0, 0), 0);
	CHECK_EQ(umtx(0, UMTX_OP_GET_MIN_TIMEOUT, 0, &mt, 0), 0);
	CHECK_EQ(mt, 1000);
	CHECK_EQ(umtx(0, UMTX_OP_SET_MIN_TIMEOUT, 0, 0, 0), 0);
	t_puts("umtx_wait done");
	return 0;
}
