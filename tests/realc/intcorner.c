/* intcorner.c: integer corner cases: signed/unsigned division and
 * remainder (INT_MIN / -1 excluded: it is UB in C; x / 0 likewise), by
 * constants (multiply-high sequences) and by variables (sdiv/udiv), shifts
 * by every amount, rotates, bit counting, byte swaps, overflow-checking
 * builtins, saturating arithmetic built from them, __int128 multiply,
 * divide and shifts, widening multiplies, and extensions. */
#include "rc.h"

static const uint64_t vals[] = {
	0, 1, 2, 3, 7, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
	0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
	0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
	0xfffffffffffffffeull, 0x123456789abcdef0ull, 0xfedcba9876543210ull,
	0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 1000000007, 0x8000000000000001ull,
};
#define NV (sizeof vals / sizeof vals[0])

/* No compiler-rt in a freestanding guest: the 128-bit division helpers
 * clang calls, written here (restoring shift-subtract division). */
typedef unsigned __int128 u128;
u128 __udivti3(u128 n, u128 d);
u128 __umodti3(u128 n, u128 d);
__int128 __divti3(__int128 n, __int128 d);
__int128 __modti3(__int128 n, __int128 d);

static u128 udivmod128(u128 n, u128 d, u128 *rem)
{
	u128 q = 0, r = 0;
	if (d == 0)
		__builtin_trap();
	if ((n >> 64) == 0 && (d >> 64) == 0) {
		*rem = (uint64_t)n % (uint64_t)d;
		return (uint64_t)n / (uint64_t)d;
	}
	for (int i = 127; i >= 0; i--) {
		r = r << 1 | ((n >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= (u128)1 << i;
		}
	}
	*rem = r;
	return q;
}

u128 __udivti3(u128 n, u128 d)
{
	u128 r;
	return udivmod128(n, d, &r);
}

u128 __umodti3(u128 n, u128 d)
{
	u128 r;
	udivmod128(n, d, &r);
	return r;
}

__int128 __divti3(__int128 n, __int128 d)
{
	u128 r, q = udivmod128(n < 0 ? -(u128)n : (u128)n, d < 0 ? -(u128)d : (u128)d, &r);
	return (n < 0) != (d < 0) ? (__int128)-q : (__int128)q;
}

__int128 __modti3(__int128 n, __int128 d)
{
	u128 r;
	udivmod128(n < 0 ? -(u128)n : (u128)n, d < 0 ? -(u128)d : (u128)d, &r);
	return n < 0 ? (__int128)-r : (__int128)r;
}

static int64_t sat_add64(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		return a < 0 ? INT64_MIN : INT64_MAX;
	return r;
}

static int32_t sat_mul32(int32_t a, int32_t b)
{
	int32_t r;
	if (__builtin_mul_overflow(a, b, &r))
		return (a < 0) != (b < 0) ? INT32_MIN : INT32_MAX;
	return r;
}

static uint16_t sat_sub16u(uint16_t a, uint16_t b)
{
	uint16_t r;
	return __builtin_sub_overflow(a, b, &r) ? 0 : r;
}

static int8_t sat_add8(int8_t a, int8_t b)
{
	int8_t r;
	if (__builtin_add_overflow(a, b, &r))
		return a < 0 ? INT8_MIN : INT8_MAX;
	return r;
}

static void hexu128(const char *name, unsigned __int128 v)
{
	t_printf("%s %016llx%016llx\n", name, (unsigned long long)(v >> 64),
		 (unsigned long long)v);
}

int main(void)
{
	uint64_t h[12];
	for (int k = 0; k < 12; k++)
		h[k] = RC_H0;
	for (unsigned i = 0; i < NV; i++) {
		for (unsigned j = 0; j < NV; j++) {
			uint64_t a = vals[i], b = vals[j];
			RC_HIDE(a);
			RC_HIDE(b);
			int64_t sa = (int64_t)a, sb = (int64_t)b;
			int32_t wa = (int32_t)a, wb = (int32_t)b;
			if (b) {
				h[0] = rc_mix(h[0], a / b);
				h[0] = rc_mix(h[0], a % b);
				if (!(sa == INT64_MIN && sb == -1)) {
					h[1] = rc_mix(h[1], (uint64_t)(sa / sb));
					h[1] = rc_mix(h[1], (uint64_t)(sa % sb));
				}
			}
			if (wb) {
				h[2] = rc_mix(h[2], (uint32_t)a / (uint32_t)b);
				if (!(wa == INT32_MIN && wb == -1))
					h[2] = rc_mix(h[2], (uint64_t)(wa / wb) ^ (uint64_t)(wa % wb) << 32);
			}
			unsigned sh = (unsigned)b & 63;
			h[3] = rc_mix(h[3], a << sh);
			h[3] = rc_mix(h[3], a >> sh);
			h[3] = rc_mix(h[3], (uint64_t)(sa >> sh));
			h[3] = rc_mix(h[3], (uint64_t)((uint32_t)a << (sh & 31)) |
						    (uint64_t)(wa >> (sh & 31)) << 32);
			h[3] = rc_mix(h[3], sh ? (a << sh) | (a >> (64 - sh)) : a);
			h[4] = rc_mix(h[4], (uint64_t)sat_add64(sa, sb));
			h[4] = rc_mix(h[4], (uint64_t)(uint32_t)sat_mul32(wa, wb));
			h[4] = rc_mix(h[4], sat_sub16u((uint16_t)a, (uint16_t)b));
			h[4] = rc_mix(h[4], (uint8_t)sat_add8((int8_t)a, (int8_t)b));
			uint64_t r;
			int o1 = __builtin_umull_overflow(a, b, (unsigned long *)&r);
			h[5] = rc_mix(h[5], r ^ (uint64_t)o1);
			int64_t sr;
			int o2 = __builtin_smull_overflow(sa, sb, (long *)&sr);
			h[5] = rc_mix(h[5], (uint64_t)sr ^ (uint64_t)o2 << 1);
			unsigned __int128 p = (unsigned __int128)a * b;
			__int128 sp = (__int128)sa * sb;
			h[6] = rc_mix(h[6], (uint64_t)(p >> 64));
			h[6] = rc_mix(h[6], (uint64_t)((unsigned __int128)sp >> 64));
			h[6] = rc_mix(h[6], (uint64_t)((uint64_t)wa * (uint64_t)(uint32_t)wb));
			h[6] = rc_mix(h[6], (uint64_t)((int64_t)wa * wb));
			if (b) {
				unsigned __int128 big = p * 3 + a;
				h[7] = rc_mix(h[7], (uint64_t)(big / b));
				h[7] = rc_mix(h[7], (uint64_t)(big % ((unsigned __int128)b << 1 | 1)));
				__int128 sbig = sp - 12345;
				h[7] = rc_mix(h[7], (uint64_t)(sbig / (sb | 1)));
				h[7] = rc_mix(h[7], (uint64_t)((unsigned __int128)(sbig >> (sh + 37))));
			}
		}
		uint64_t a = vals[i];
		RC_HIDE(a);
		h[8] = rc_mix(h[8], (uint64_t)(a ? __builtin_clzll(a) : 64) |
					    (uint64_t)(a ? __builtin_ctzll(a) : 64) << 8 |
					    (uint64_t)__builtin_popcountll(a) << 16 |
					    (uint64_t)__builtin_clrsbll((long long)a) << 24 |
					    (uint64_t)__builtin_parityll(a) << 32);
		h[9] = rc_mix(h[9], __builtin_bswap64(a) ^ __builtin_bswap32((uint32_t)a) ^
					    __builtin_bswap16((uint16_t)a));
		h[9] = rc_mix(h[9], __builtin_bitreverse64(a) ^ __builtin_bitreverse8((uint8_t)a));
		h[10] = rc_mix(h[10], (uint64_t)(int8_t)a ^ (uint64_t)(int16_t)a << 1 ^
					      (uint64_t)(int32_t)a << 2);
		/* division by constants (magic multiply sequences) */
		int64_t sa = (int64_t)a;
		h[11] = rc_mix(h[11], a / 7 + a % 10 + a / 1000000007 + (a >> 1) / 3);
		h[11] = rc_mix(h[11], (uint64_t)(sa / 7 + sa % 10 + sa / -3 + sa / 1024 + sa % 64));
		h[11] = rc_mix(h[11], (uint64_t)((int32_t)a / 13 + (int32_t)a % -9 + (uint32_t)a / 641));
	}
	for (int k = 0; k < 12; k++)
		t_printf("h%d %016llx\n", k, (unsigned long long)h[k]);

	unsigned __int128 f = 1;
	for (int i = 1; i <= 34; i++)
		f *= (unsigned)i;
	hexu128("fact34", f);
	hexu128("fact34/33!", f / (f / 34));
	/* (RC_HIDE on an __int128 would hide one register only) */
	uint64_t xh = 0xfedcba9876543210ull, xl = 0x0123456789abcdefull;
	RC_HIDE(xh);
	RC_HIDE(xl);
	unsigned __int128 x = ((unsigned __int128)xh << 64) | xl;
	hexu128("u128 mul", x * x);
	hexu128("u128 div", x / 0x1234567ull);
	hexu128("u128 mod", x % (((unsigned __int128)1 << 70) + 3));
	hexu128("u128 shl", x << 77);
	hexu128("u128 shr", x >> 3);
	hexu128("s128 sar", (unsigned __int128)((__int128)x >> 100));
	hexu128("s128 div", (unsigned __int128)((__int128)x / -977));
	/* a 128-bit LCG */
	unsigned __int128 st = 1;
	for (int i = 0; i < 10000; i++)
		st = st * (((unsigned __int128)0x2360ed051fc65da4ull << 64) | 0x4385df649fccf645ull) +
		     0x5851f42d4c957f2dull;
	hexu128("lcg128", st);
	return 0;
}
