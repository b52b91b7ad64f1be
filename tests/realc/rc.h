/* rc.h: what the tests/realc programs share.  Every result is printed as
 * hex (bit patterns for floating point), so a comparison of the outputs of
 * the FreeBSD build under bsdemu and the Linux build under qemu-aarch64 is
 * exact.  No libm, no libc: tests/guest/lib only. */
#ifndef RC_H
#define RC_H
#include "t.h"

static inline uint64_t rc_dbits(double d)
{
	uint64_t u;
	__builtin_memcpy(&u, &d, sizeof u);
	return u;
}

static inline uint32_t rc_fbits(float f)
{
	uint32_t u;
	__builtin_memcpy(&u, &f, sizeof u);
	return u;
}

static inline double rc_dfrom(uint64_t u)
{
	double d;
	__builtin_memcpy(&d, &u, sizeof d);
	return d;
}

static inline float rc_ffrom(uint32_t u)
{
	float f;
	__builtin_memcpy(&f, &u, sizeof f);
	return f;
}

/* xorshift64*: deterministic inputs. */
static inline uint64_t rc_rand(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545f4914f6cdd1dull;
}

/* A double in [-1, 1) with 53 random bits. */
static inline double rc_rand_d(uint64_t *s)
{
	return (double)(int64_t)rc_rand(s) * 0x1p-63;
}

static inline float rc_rand_f(uint64_t *s)
{
	return (float)(int32_t)(rc_rand(s) >> 32) * 0x1p-31f;
}

/* FNV-1a style running checksum over 64-bit words. */
static inline uint64_t rc_mix(uint64_t h, uint64_t v)
{
	for (int i = 0; i < 8; i++) {
		h ^= (v >> (8 * i)) & 0xff;
		h *= 0x100000001b3ull;
	}
	return h;
}

#define RC_H0 0xcbf29ce484222325ull

/* Keep the optimiser from folding a value known at compile time. */
#define RC_HIDE(x) __asm__ volatile("" : "+r"(x))
#define RC_HIDEW(x) __asm__ volatile("" : "+w"(x))

#define P64(name, v) t_printf("%s %016llx\n", (name), (unsigned long long)(v))
#define P32(name, v) t_printf("%s %08x\n", (name), (unsigned)(v))
#endif
