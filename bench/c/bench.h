/* bench.h: what the C workloads share.  One source builds three ways:
 *   FreeBSD/aarch64  (tests/guest/lib, run under bsdemu)
 *   Linux/aarch64    (tests/guest/lib with -DT_LINUX_TEST, qemu-aarch64)
 *   Linux/x86-64     (bench/c/host: the same t.h functions over libc)
 * Only + - * / and square root (one instruction, no libm) on doubles, built
 * with -ffp-contract=off everywhere, so the results are bit-identical.
 * Every workload takes its size multiplier (SCALE) as argv[1] and ends by
 * printing "checksum <16 hex digits>". */
#ifndef BENCH_H
#define BENCH_H
#include "t.h"

/* System call numbers for the syscall workload (raw calls through sys()). */
#if defined(__x86_64__)
#define B_SYS_read 0
#define B_SYS_write 1
#define B_SYS_pipe2 293
#elif defined(T_LINUX_TEST)
#define B_SYS_read 63
#define B_SYS_write 64
#define B_SYS_pipe2 59
#else
#define B_SYS_read 3
#define B_SYS_write 4
#define B_SYS_pipe2 542
#endif

static inline double b_sqrt(double x)
{
	double r;
#if defined(__aarch64__)
	__asm__("fsqrt %d0, %d1" : "=w"(r) : "w"(x));
#else
	__asm__("sqrtsd %1, %0" : "=x"(r) : "x"(x));
#endif
	return r;
}

static inline uint64_t b_bits(double d)
{
	uint64_t u;
	memcpy(&u, &d, sizeof u);
	return u;
}

/* argv[1] as a positive integer, default 1. */
static inline long b_scale(int argc, char **argv)
{
	long n = 0;
	if (argc < 2)
		return 1;
	for (const char *p = argv[1]; *p >= '0' && *p <= '9'; p++)
		n = n * 10 + (*p - '0');
	return n > 0 ? n : 1;
}

static inline uint64_t b_mix(uint64_t h, uint64_t v)
{
	h ^= v;
	h *= 0x100000001b3ull;
	return h ^ (h >> 29);
}

static inline void b_checksum(uint64_t h)
{
	t_printf("checksum %016lx\n", (unsigned long)h);
}
#endif
