/* kernels.c: numeric kernels clang auto-vectorises at -O3 (Advanced SIMD):
 * dot products, saxpy/daxpy, matrix multiply, a 1-D and a 2-D stencil,
 * prefix sums, element-wise min/max/abs, narrowing and widening loops, in
 * int8/16/32/64, float and double.  Results printed as hex checksums. */
// EMITS: v[0-9]+\.(4s|2d|16b|8h)
// EMITS: fmul[[:space:]]+v[0-9]+\.2d
// EMITS: (smull|smlal|sdot|saddw|sxtl)2?[[:space:]]+v
#include "rc.h"

#define N 1031 /* not a multiple of any vector width: tails run too */
#define M 37

static int8_t a8[N], b8[N], c8[N];
static int16_t a16[N], b16[N], c16[N];
static int32_t a32[N], b32[N], c32[N];
static int64_t a64[N], b64[N], c64[N];
static uint8_t u8a[N], u8b[N];
static uint16_t u16a[N];
static float af[N], bf[N], cf[N];
static double ad[N], bd[N], cd[N];
static float mf_a[M * M], mf_b[M * M], mf_c[M * M];
static double md_a[M * M], md_b[M * M], md_c[M * M];
static float grid[M][M], grid2[M][M];

static uint64_t hash_bytes(const void *p, size_t n)
{
	const unsigned char *c = p;
	uint64_t h = RC_H0;
	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

#define HASH(name, arr) P64(name, hash_bytes(arr, sizeof(arr)))

__attribute__((noinline)) static int32_t dot8(const int8_t *x, const int8_t *y, int n)
{
	int32_t s = 0;
	for (int i = 0; i < n; i++)
		s += x[i] * y[i];
	return s;
}

__attribute__((noinline)) static int32_t dot16(const int16_t *x, const int16_t *y, int n)
{
	int32_t s = 0;
	for (int i = 0; i < n; i++)
		s += x[i] * y[i];
	return s;
}

__attribute__((noinline)) static int64_t dot32(const int32_t *x, const int32_t *y, int n)
{
	int64_t s = 0;
	for (int i = 0; i < n; i++)
		s += (int64_t)x[i] * y[i];
	return s;
}

__attribute__((noinline)) static int64_t dot64(const int64_t *x, const int64_t *y, int n)
{
	int64_t s = 0;
	for (int i = 0; i < n; i++)
		s += x[i] * y[i];
	return s;
}

/* Unordered FP reductions are not vectorised without -ffast-math; an
 * explicit 4-way split is, and fixes the summation order. */
__attribute__((noinline)) static float dotf(const float *x, const float *y, int n)
{
	float s[8] = {0};
	int i;
	for (i = 0; i + 8 <= n; i += 8)
		for (int k = 0; k < 8; k++)
			s[k] += x[i + k] * y[i + k];
	float r = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
	for (; i < n; i++)
		r += x[i] * y[i];
	return r;
}

__attribute__((noinline)) static double dotd(const double *x, const double *y, int n)
{
	double s[4] = {0};
	int i;
	for (i = 0; i + 4 <= n; i += 4)
		for (int k = 0; k < 4; k++)
			s[k] += x[i + k] * y[i + k];
	double r = (s[0] + s[1]) + (s[2] + s[3]);
	for (; i < n; i++)
		r += x[i] * y[i];
	return r;
}

__attribute__((noinline)) static void saxpy(float a, const float *restrict x, float *restrict y, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = a * x[i] + y[i];
}

__attribute__((noinline)) static void daxpy(double a, const double *restrict x, double *restrict y, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = a * x[i] + y[i];
}

__attribute__((noinline)) static void matmulf(float *restrict c, const float *restrict a, const float *restrict b)
{
	for (int i = 0; i < M; i++) {
		for (int j = 0; j < M; j++)
			c[i * M + j] = 0;
		for (int k = 0; k < M; k++) {
			float aik = a[i * M + k];
			for (int j = 0; j < M; j++)
				c[i * M + j] += aik * b[k * M + j];
		}
	}
}

__attribute__((noinline)) static void matmuld(double *restrict c, const double *restrict a, const double *restrict b)
{
	for (int i = 0; i < M; i++) {
		for (int j = 0; j < M; j++)
			c[i * M + j] = 0;
		for (int k = 0; k < M; k++) {
			double aik = a[i * M + k];
			for (int j = 0; j < M; j++)
				c[i * M + j] += aik * b[k * M + j];
		}
	}
}

__attribute__((noinline)) static void matmul32(int32_t *restrict c, const int32_t *restrict a, const int32_t *restrict b)
{
	for (int i = 0; i < 31; i++)
		for (int j = 0; j < 31; j++) {
			int32_t s = 0;
			for (int k = 0; k < 31; k++)
				s += a[i * 31 + k] * b[j * 31 + k];
			c[i * 31 + j] = s;
		}
}

__attribute__((noinline)) static void stencil1d(double *restrict out, const double *restrict in, int n)
{
	for (int i = 1; i < n - 1; i++)
		out[i] = 0.25 * in[i - 1] + 0.5 * in[i] + 0.25 * in[i + 1];
}

__attribute__((noinline)) static void stencil2d(float (*restrict out)[M], float (*restrict in)[M])
{
	for (int i = 1; i < M - 1; i++)
		for (int j = 1; j < M - 1; j++)
			out[i][j] = 0.2f * (in[i][j] + in[i - 1][j] + in[i + 1][j] + in[i][j - 1] + in[i][j + 1]);
}

__attribute__((noinline)) static void stencil16(int16_t *restrict out, const int16_t *restrict in, int n)
{
	for (int i = 1; i < n - 1; i++)
		out[i] = (int16_t)((in[i - 1] + 2 * in[i] + in[i + 1]) >> 2);
}

__attribute__((noinline)) static void prefix8(int8_t *x, int n)
{
	for (int i = 1; i < n; i++)
		x[i] = (int8_t)(x[i] + x[i - 1]);
}

__attribute__((noinline)) static void prefix32(int32_t *x, int n)
{
	for (int i = 1; i < n; i++)
		x[i] += x[i - 1];
}

__attribute__((noinline)) static void prefix64(int64_t *x, int n)
{
	for (int i = 1; i < n; i++)
		x[i] += x[i - 1];
}

__attribute__((noinline)) static void prefixd(double *x, int n)
{
	for (int i = 1; i < n; i++)
		x[i] += x[i - 1];
}

__attribute__((noinline)) static void elementwise(int n)
{
	for (int i = 0; i < n; i++) {
		c8[i] = a8[i] > b8[i] ? a8[i] : b8[i];
		c16[i] = (int16_t)(a16[i] < 0 ? -a16[i] : a16[i]);
		c32[i] = a32[i] < b32[i] ? a32[i] : b32[i];
		c64[i] = (a64[i] >> 3) ^ (b64[i] << 5);
		cf[i] = af[i] < bf[i] ? af[i] : bf[i];
		cd[i] = ad[i] > bd[i] ? ad[i] - bd[i] : bd[i] * 0.5;
	}
}

/* Saturating and averaging byte loops (uqadd/urhadd/sqxtn-like idioms). */
__attribute__((noinline)) static void bytes(int n)
{
	for (int i = 0; i < n; i++) {
		unsigned s = u8a[i] + u8b[i];
		c8[i] = (int8_t)(s > 255 ? 255 : s);
		u16a[i] = (uint16_t)((u8a[i] + u8b[i] + 1) >> 1);
		int t = a16[i] * 3;
		b8[i] = (int8_t)(t > 127 ? 127 : t < -128 ? -128 : t);
	}
}

/* Conversions between widths and int <-> float. */
__attribute__((noinline)) static void convert(int n)
{
	for (int i = 0; i < n; i++) {
		cf[i] = (float)a32[i] * 0x1p-20f;
		cd[i] = (double)a64[i] * 0x1p-40;
		c32[i] = (int32_t)(af[i] * 1000.0f);
		c64[i] = (int64_t)(ad[i] * 1e12);
		c16[i] = (int16_t)(bf[i] * 30000.0f);
		bd[i] = (double)bf[i];
	}
}

int main(void)
{
	uint64_t s = 0x1234567887654321ull;
	for (int i = 0; i < N; i++) {
		uint64_t r = rc_rand(&s);
		a8[i] = (int8_t)r;
		b8[i] = (int8_t)(r >> 8);
		a16[i] = (int16_t)(r >> 16);
		b16[i] = (int16_t)(r >> 32);
		a32[i] = (int32_t)(r >> 8);
		b32[i] = (int32_t)(r >> 24);
		a64[i] = (int64_t)rc_rand(&s);
		b64[i] = (int64_t)rc_rand(&s);
		u8a[i] = (uint8_t)(r >> 40);
		u8b[i] = (uint8_t)(r >> 48);
		af[i] = rc_rand_f(&s);
		bf[i] = rc_rand_f(&s) * 3.0f;
		ad[i] = rc_rand_d(&s);
		bd[i] = rc_rand_d(&s) * 1e3;
	}
	for (int i = 0; i < M * M; i++) {
		mf_a[i] = rc_rand_f(&s);
		mf_b[i] = rc_rand_f(&s);
		md_a[i] = rc_rand_d(&s);
		md_b[i] = rc_rand_d(&s);
	}
	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++)
			grid[i][j] = rc_rand_f(&s);

	P32("dot8", dot8(a8, b8, N));
	P32("dot16", dot16(a16, b16, N));
	P64("dot32", dot32(a32, b32, N));
	P64("dot64", dot64(a64, b64, N));
	P32("dotf", rc_fbits(dotf(af, bf, N)));
	P64("dotd", rc_dbits(dotd(ad, bd, N)));
	for (int i = 0; i < N; i++) {
		cf[i] = bf[i];
		cd[i] = bd[i];
	}
	saxpy(1.5f, af, cf, N);
	saxpy(-0.3f, bf, cf, N);
	HASH("saxpy", cf);
	daxpy(1.0 / 3.0, ad, cd, N);
	daxpy(-7.25, bd, cd, N);
	HASH("daxpy", cd);
	matmulf(mf_c, mf_a, mf_b);
	HASH("matmulf", mf_c);
	matmuld(md_c, md_a, md_b);
	HASH("matmuld", md_c);
	matmul32(c32, a32, b32);
	HASH("matmul32", c32);
	stencil1d(cd, ad, N);
	HASH("stencil1d", cd);
	for (int r = 0; r < 10; r++) {
		stencil2d(grid2, grid);
		stencil2d(grid, grid2);
	}
	HASH("stencil2d", grid);
	stencil16(c16, a16, N);
	HASH("stencil16", c16);
	prefix8(a8, N);
	HASH("prefix8", a8);
	prefix32(b32, N);
	HASH("prefix32", b32);
	prefix64(b64, N);
	HASH("prefix64", b64);
	prefixd(bd, N);
	HASH("prefixd", bd);
	elementwise(N);
	HASH("ew8", c8);
	HASH("ew16", c16);
	HASH("ew32", c32);
	HASH("ew64", c64);
	HASH("ewf", cf);
	HASH("ewd", cd);
	bytes(N);
	HASH("sat8", c8);
	HASH("avg16", u16a);
	HASH("clamp8", b8);
	convert(N);
	HASH("cvt_f", cf);
	HASH("cvt_d", cd);
	HASH("cvt_32", c32);
	HASH("cvt_64", c64);
	HASH("cvt_16", c16);
	HASH("cvt_fd", bd);
	return 0;
}
