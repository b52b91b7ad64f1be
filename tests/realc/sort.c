/* sort.c: quicksort (median of three, insertion sort below a cutoff) and
 * a bottom-up mergesort of int32, int64, uint8 keys and doubles.  Doubles
 * are compared with a total order (-0.0 < +0.0, NaNs last by payload), so
 * the result is deterministic; checks that both sorts agree and that the
 * output is sorted, and prints checksums. */
#include "rc.h"

#define N 3001

static int32_t i32[N], i32b[N], tmp32[N];
static int64_t i64[N], i64b[N], tmp64[N];
static double dv[N], dvb[N], tmpd[N];

/* Total order key for a double: flip the sign-magnitude bits. */
static inline uint64_t dkey(double d)
{
	uint64_t u = rc_dbits(d);
	return u >> 63 ? ~u : u | 0x8000000000000000ull;
}

static inline int cmp_i32(int32_t a, int32_t b) { return (a > b) - (a < b); }
static inline int cmp_i64(int64_t a, int64_t b) { return (a > b) - (a < b); }
static inline int cmp_d(double a, double b)
{
	/* Ordinary comparison first (exercises fcmp), total order for ties
	 * between signed zeros and for NaNs. */
	if (a < b)
		return -1;
	if (a > b)
		return 1;
	uint64_t ka = dkey(a), kb = dkey(b);
	return (ka > kb) - (ka < kb);
}

#define DEFINE_SORTS(T, SUF, CMP)                                              \
	static void isort_##SUF(T *a, long n)                                  \
	{                                                                      \
		for (long i = 1; i < n; i++) {                                 \
			T v = a[i];                                            \
			long j = i - 1;                                        \
			while (j >= 0 && CMP(a[j], v) > 0) {                   \
				a[j + 1] = a[j];                               \
				j--;                                           \
			}                                                      \
			a[j + 1] = v;                                          \
		}                                                              \
	}                                                                      \
	static void qsort_##SUF(T *a, long n)                                  \
	{                                                                      \
		while (n > 12) {                                               \
			long m = n / 2;                                        \
			if (CMP(a[m], a[0]) < 0) {                             \
				T t = a[m]; a[m] = a[0]; a[0] = t;             \
			}                                                      \
			if (CMP(a[n - 1], a[0]) < 0) {                         \
				T t = a[n - 1]; a[n - 1] = a[0]; a[0] = t;     \
			}                                                      \
			if (CMP(a[n - 1], a[m]) < 0) {                         \
				T t = a[n - 1]; a[n - 1] = a[m]; a[m] = t;     \
			}                                                      \
			T p = a[m];                                            \
			long i = 0, j = n - 1;                                 \
			for (;;) {                                             \
				while (CMP(a[i], p) < 0)                       \
					i++;                                   \
				while (CMP(p, a[j]) < 0)                       \
					j--;                                   \
				if (i >= j)                                    \
					break;                                 \
				T t = a[i]; a[i] = a[j]; a[j] = t;             \
				i++;                                           \
				j--;                                           \
			}                                                      \
			/* recurse on the smaller part */                      \
			if (j + 1 < n - j - 1) {                               \
				qsort_##SUF(a, j + 1);                         \
				a += j + 1;                                    \
				n -= j + 1;                                    \
			} else {                                               \
				qsort_##SUF(a + j + 1, n - j - 1);             \
				n = j + 1;                                     \
			}                                                      \
		}                                                              \
		isort_##SUF(a, n);                                             \
	}                                                                      \
	static void msort_##SUF(T *a, T *tmp, long n)                          \
	{                                                                      \
		for (long w = 1; w < n; w *= 2) {                              \
			for (long lo = 0; lo < n; lo += 2 * w) {               \
				long mid = lo + w < n ? lo + w : n;            \
				long hi = lo + 2 * w < n ? lo + 2 * w : n;     \
				long i = lo, j = mid, k = lo;                  \
				while (i < mid && j < hi)                      \
					tmp[k++] = CMP(a[j], a[i]) < 0 ? a[j++] : a[i++]; \
				while (i < mid)                                \
					tmp[k++] = a[i++];                     \
				while (j < hi)                                 \
					tmp[k++] = a[j++];                     \
			}                                                      \
			__builtin_memcpy(a, tmp, (size_t)n * sizeof(T));       \
		}                                                              \
	}                                                                      \
	static long unsorted_##SUF(const T *a, long n)                         \
	{                                                                      \
		long bad = 0;                                                  \
		for (long i = 1; i < n; i++)                                   \
			bad += CMP(a[i - 1], a[i]) > 0;                        \
		return bad;                                                    \
	}

DEFINE_SORTS(int32_t, i32, cmp_i32)
DEFINE_SORTS(int64_t, i64, cmp_i64)
DEFINE_SORTS(double, d, cmp_d)

static uint64_t hash(const void *p, size_t n)
{
	const uint8_t *c = p;
	uint64_t h = RC_H0;
	for (size_t i = 0; i < n; i++)
		h = (h ^ c[i]) * 0x100000001b3ull;
	return h;
}

static const uint64_t dspecial[] = {
	0x8000000000000000ull, 0x0000000000000000ull, 0x7ff8000000000000ull,
	0xfff8000000000001ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
	0x0000000000000001ull, 0x8000000000000001ull, 0x7ff8000000000abcull,
};

int main(void)
{
	uint64_t s = 7;
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < N; i++) {
			uint64_t r = rc_rand(&s);
			/* round 1: many duplicates; round 2: nearly sorted */
			i32[i] = round == 1 ? (int32_t)(r % 17) - 8
				 : round == 2 ? i * 3 - (int32_t)(r % 5) : (int32_t)r;
			i64[i] = round == 1 ? (int64_t)(r % 5) << 40 : (int64_t)(r ^ (r << 7));
			dv[i] = round == 2 ? (double)(N - i) * 0.1 : rc_rand_d(&s) * 1e10 * (double)(r % 1000);
			if (i % 97 == 0)
				dv[i] = rc_dfrom(dspecial[(i / 97) % 9]);
			if (round == 1 && i % 5 == 0)
				dv[i] = (r & 1) ? 0.0 : -0.0;
		}
		__builtin_memcpy(i32b, i32, sizeof i32);
		__builtin_memcpy(i64b, i64, sizeof i64);
		__builtin_memcpy(dvb, dv, sizeof dv);
		qsort_i32(i32, N);
		msort_i32(i32b, tmp32, N);
		qsort_i64(i64, N);
		msort_i64(i64b, tmp64, N);
		qsort_d(dv, N);
		msort_d(dvb, tmpd, N);
		t_printf("round %d unsorted %ld %ld %ld %ld %ld %ld agree %d %d %d\n", round,
			 unsorted_i32(i32, N), unsorted_i32(i32b, N), unsorted_i64(i64, N),
			 unsorted_i64(i64b, N), unsorted_d(dv, N), unsorted_d(dvb, N),
			 !__builtin_memcmp(i32, i32b, sizeof i32), !__builtin_memcmp(i64, i64b, sizeof i64),
			 !__builtin_memcmp(dv, dvb, sizeof dv));
		P64("  i32", hash(i32, sizeof i32));
		P64("  i64", hash(i64, sizeof i64));
		P64("  dbl", hash(dv, sizeof dv));
		t_printf("  dbl first %016llx %016llx last %016llx %016llx\n",
			 (unsigned long long)rc_dbits(dv[0]), (unsigned long long)rc_dbits(dv[1]),
			 (unsigned long long)rc_dbits(dv[N - 2]), (unsigned long long)rc_dbits(dv[N - 1]));
	}
	return 0;
}
