// TIMEOUT: 120
/* Store-buffering litmus test, two threads:
 *
 *     T0: X = 1; r0 = Y          T1: Y = 1; r1 = X
 *
 * r0 == r1 == 0 is forbidden by ARMv8 when the store is STLR and the load
 * LDAR (release -> acquire is ordered: RCsc), and when a plain STR and LDR
 * are separated by DMB ISH.  x86 lets a load pass an earlier store, so
 * bsdemu must emit a full fence for both forms; this test runs each form
 * ITERS times and fails on a single forbidden outcome.  The same pattern
 * with plain STR; LDR (allowed to reorder) is run too and its count of
 * r0 == r1 == 0 printed: a non-zero count shows the test does race. */
#include "thr_util.h"

#define ITERS 100000

enum { M_REL_ACQ, M_DMB, M_PLAIN, NMODES };
static const char *const mode_name[NMODES] = { "stlr/ldar", "str;dmb ish;ldr", "str;ldr" };

/* X and Y on separate cache lines. */
static volatile unsigned flag_x __attribute__((aligned(64)));
static volatile unsigned flag_y __attribute__((aligned(64)));
static volatile long go __attribute__((aligned(64)));   /* iteration T1 may start */
static volatile long done __attribute__((aligned(64))); /* iteration T1 finished */
static volatile unsigned r1_val;
static volatile int mode;

static inline unsigned sb(int m, volatile unsigned *mine, volatile unsigned *other)
{
	unsigned r, one = 1;
	switch (m) {
	case M_REL_ACQ:
		__asm__ volatile("stlr %w1, [%2]\n\tldar %w0, [%3]"
				 : "=&r"(r) : "r"(one), "r"(mine), "r"(other) : "memory");
		break;
	case M_DMB:
		__asm__ volatile("str %w1, [%2]\n\tdmb ish\n\tldr %w0, [%3]"
				 : "=&r"(r) : "r"(one), "r"(mine), "r"(other) : "memory");
		break;
	default:
		__asm__ volatile("str %w1, [%2]\n\tldr %w0, [%3]"
				 : "=&r"(r) : "r"(one), "r"(mine), "r"(other) : "memory");
		break;
	}
	return r;
}

/* A short busy delay: the two sides' skew is swept so that their store and
 * load overlap (T1 only starts after it sees "go"). */
static void delay(long n)
{
	for (volatile long k = 0; k < n; k++)
		;
}

static void wait_for(volatile long *w, long v)
{
	for (long spins = 0; __atomic_load_n(w, __ATOMIC_ACQUIRE) != v; spins++)
		if (spins > 200)
			sys(FBSD_SYS_sched_yield);
}

static void t1(void *arg)
{
	for (long i = 1; i <= (long)NMODES * ITERS; i++) {
		wait_for(&go, i);
		delay((i * 7) % 16);
		r1_val = sb(mode, &flag_y, &flag_x);
		__atomic_store_n(&done, i, __ATOMIC_RELEASE);
	}
}

int main(int argc, char **argv, char **envp)
{
	struct thr t;
	long both0[NMODES] = { 0 }, seq = 0;

	CHECK_EQ(thr_start(&t, t1, 0), 0);
	for (int m = 0; m < NMODES; m++) {
		for (long i = 0; i < ITERS; i++) {
			unsigned r0;
			flag_x = 0;
			flag_y = 0;
			mode = m;
			__atomic_store_n(&go, ++seq, __ATOMIC_RELEASE);
			delay((i * 13) % 64);
			r0 = sb(m, &flag_x, &flag_y);
			wait_for(&done, seq);
			if (r0 == 0 && r1_val == 0)
				both0[m]++;
		}
		t_printf("litmus_sb %s: r0=r1=0 in %ld of %d runs%s\n", mode_name[m], both0[m],
			 ITERS, m == M_PLAIN ? " (allowed)" : "");
	}
	thr_join(&t);
	CHECK_EQ(both0[M_REL_ACQ], 0);
	CHECK_EQ(both0[M_DMB], 0);
	return 0;
}
