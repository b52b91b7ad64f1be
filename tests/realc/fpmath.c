/* fpmath.c: a small libm-free math workload in double and float: Newton
 * square root (against fsqrt), series for exp, sin and log with range
 * reduction, and the IEEE special cases (denormals, infinities, NaN
 * payloads, signed zeros, rounding of ties, overflow/underflow), all
 * printed as bit patterns. */
#include "rc.h"

static double d_fsqrt(double x)
{
	double r;
	__asm__("fsqrt %d0, %d1" : "=w"(r) : "w"(x));
	return r;
}

static float f_fsqrt(float x)
{
	float r;
	__asm__("fsqrt %s0, %s1" : "=w"(r) : "w"(x));
	return r;
}

__attribute__((noinline)) static double newton_sqrt(double x)
{
	if (!(x > 0) || x != x || x - x != 0) /* 0, negative, NaN, inf */
		return x == 0 ? x : (x > 0 ? x : (x - x) / (x - x));
	double g = x > 1 ? x * 0.5 : 1.0;
	for (int i = 0; i < 2000; i++) {
		double n = 0.5 * (g + x / g);
		if (n == g)
			break;
		g = n;
	}
	return g;
}

__attribute__((noinline)) static float newton_sqrtf(float x)
{
	if (!(x > 0) || x - x != 0)
		return x == 0 ? x : (x > 0 ? x : (x - x) / (x - x));
	float g = x > 1 ? x * 0.5f : 1.0f;
	for (int i = 0; i < 400; i++) {
		float n = 0.5f * (g + x / g);
		if (n == g)
			break;
		g = n;
	}
	return g;
}

/* exp: x = k ln2 + r, Taylor series for e^r, scale by 2^k through the
 * exponent bits (gradual underflow through repeated halving). */
__attribute__((noinline)) static double my_exp(double x)
{
	if (x != x)
		return x + 1.0;
	if (x > 709.8)
		return rc_dfrom(0x7fe0000000000000ull) * 4.0; /* overflow -> inf */
	if (x < -745.2)
		return 0x1p-1074 * 0.25; /* underflow -> 0 */
	const double ln2 = 0.6931471805599453;
	double kf = x / ln2;
	long k = (long)(kf < 0 ? kf - 0.5 : kf + 0.5);
	double r = x - (double)k * ln2;
	double term = 1, sum = 1;
	for (int i = 1; i < 30; i++) {
		term = term * r / i;
		sum += term;
	}
	while (k > 1000) {
		sum *= 0x1p1000;
		k -= 1000;
	}
	while (k < -1000) {
		sum *= 0x1p-1000;
		k += 1000;
	}
	if (k >= -1022)
		return sum * rc_dfrom((uint64_t)(k + 1023) << 52);
	return sum * 0x1p-1000 * rc_dfrom((uint64_t)(k + 1000 + 1023) << 52);
}

__attribute__((noinline)) static float my_expf(float x)
{
	const float ln2 = 0.69314718f;
	if (x != x)
		return x;
	if (x > 89.0f)
		return 0x1p127f * 4.0f;
	if (x < -104.0f)
		return 0x1p-149f * 0.25f;
	int k = (int)(x / ln2 + (x < 0 ? -0.5f : 0.5f));
	float r = x - (float)k * ln2;
	float term = 1, sum = 1;
	for (int i = 1; i < 14; i++) {
		term = term * r / (float)i;
		sum += term;
	}
	while (k > 100) {
		sum *= 0x1p100f;
		k -= 100;
	}
	while (k < -100) {
		sum *= 0x1p-100f;
		k += 100;
	}
	if (k >= -126)
		return sum * rc_ffrom((uint32_t)(k + 127) << 23);
	return sum * 0x1p-100f * rc_ffrom((uint32_t)(k + 100 + 127) << 23);
}

/* sin: reduce to [-pi, pi] by subtraction of multiples of 2pi, Taylor. */
__attribute__((noinline)) static double my_sin(double x)
{
	const double twopi = 6.283185307179586;
	if (x != x || x - x != 0)
		return (x - x) + (x - x); /* NaN for inf and NaN */
	double q = x / twopi;
	double n = (double)(long)(q < 0 ? q - 0.5 : q + 0.5);
	double r = x - n * twopi;
	double term = r, sum = r, r2 = r * r;
	for (int i = 1; i < 25; i++) {
		term = -term * r2 / ((2 * i) * (2 * i + 1));
		sum += term;
	}
	return sum;
}

__attribute__((noinline)) static float my_sinf(float x)
{
	const float twopi = 6.2831853f;
	if (x != x || x - x != 0)
		return (x - x) + (x - x);
	float q = x / twopi;
	float n = (float)(int)(q < 0 ? q - 0.5f : q + 0.5f);
	float r = x - n * twopi;
	float term = r, sum = r, r2 = r * r;
	for (int i = 1; i < 12; i++) {
		term = -term * r2 / (float)((2 * i) * (2 * i + 1));
		sum += term;
	}
	return sum;
}

/* log: x = m 2^e with m in [sqrt(1/2), sqrt(2)), atanh series of
 * (m-1)/(m+1).  Denormals are normalised first. */
__attribute__((noinline)) static double my_log(double x)
{
	if (x != x)
		return x;
	if (x < 0)
		return (x - x) / (x - x);
	if (x == 0)
		return -1.0 / (x * x);
	if (x - x != 0)
		return x;
	uint64_t u = rc_dbits(x);
	int e = 0;
	if ((u >> 52) == 0) { /* denormal */
		x *= 0x1p54;
		e = -54;
		u = rc_dbits(x);
	}
	e += (int)(u >> 52) - 1023;
	double m = rc_dfrom((u & 0x000fffffffffffffull) | 0x3ff0000000000000ull);
	if (m > 1.4142135623730951) {
		m *= 0.5;
		e++;
	}
	double t = (m - 1) / (m + 1), t2 = t * t, p = t, sum = 0;
	for (int i = 1; i < 60; i += 2) {
		sum += p / i;
		p *= t2;
	}
	return 2 * sum + e * 0.6931471805599453;
}

__attribute__((noinline)) static float my_logf(float x)
{
	if (x != x)
		return x;
	if (x < 0)
		return (x - x) / (x - x);
	if (x == 0)
		return -1.0f / (x * x);
	if (x - x != 0)
		return x;
	uint32_t u = rc_fbits(x);
	int e = 0;
	if ((u >> 23) == 0) {
		x *= 0x1p25f;
		e = -25;
		u = rc_fbits(x);
	}
	e += (int)(u >> 23) - 127;
	float m = rc_ffrom((u & 0x7fffff) | 0x3f800000);
	if (m > 1.4142135f) {
		m *= 0.5f;
		e++;
	}
	float t = (m - 1) / (m + 1), t2 = t * t, p = t, sum = 0;
	for (int i = 1; i < 30; i += 2) {
		sum += p / (float)i;
		p *= t2;
	}
	return 2 * sum + (float)e * 0.69314718f;
}

static const uint64_t dspecial[] = {
	0x0000000000000000ull, 0x8000000000000000ull, /* +-0 */
	0x0000000000000001ull, 0x800fffffffffffffull, /* denormals */
	0x0008000000000000ull, 0x0010000000000000ull, /* denormal, min normal */
	0x7fefffffffffffffull, 0x7ff0000000000000ull, /* max, inf */
	0xfff0000000000000ull, 0x7ff8000000000000ull, /* -inf, qNaN */
	0x7ff0000000000123ull, 0xfff8000000000abcull, /* sNaN, -qNaN payload */
	0x3ff0000000000000ull, 0xbff8000000000000ull, /* 1, -1.5 */
	0x400921fb54442d18ull, 0x3fe0000000000001ull, /* pi, 0.5+ulp */
	0x4330000000000001ull, 0x3cb0000000000000ull, /* 2^52+1, 2^-52 */
	0x40862e42fefa39efull, 0xc0874910d52d3051ull, /* ~709.78, ~-745.13 */
};

static const uint32_t fspecial[] = {
	0x00000000, 0x80000000, 0x00000001, 0x807fffff, 0x00400000,
	0x00800000, 0x7f7fffff, 0x7f800000, 0xff800000, 0x7fc00000,
	0x7f800123, 0xffc00abc, 0x3f800000, 0xbfc00000, 0x40490fdb,
	0x3f000001, 0x4b000001, 0x34000000, 0x42b17218, 0xc2ce8ed0,
};

#define ND (sizeof dspecial / sizeof dspecial[0])
#define NF (sizeof fspecial / sizeof fspecial[0])

/* Arithmetic on every pair of special values: NaN propagation (which
 * operand's payload, quieting), signed-zero results, inf - inf. */
__attribute__((noinline)) static void pairs(void)
{
	uint64_t hd[6] = {RC_H0, RC_H0, RC_H0, RC_H0, RC_H0, RC_H0};
	uint64_t hf[6] = {RC_H0, RC_H0, RC_H0, RC_H0, RC_H0, RC_H0};
	for (unsigned i = 0; i < ND; i++)
		for (unsigned j = 0; j < ND; j++) {
			double a = rc_dfrom(dspecial[i]), b = rc_dfrom(dspecial[j]);
			RC_HIDEW(a);
			RC_HIDEW(b);
			hd[0] = rc_mix(hd[0], rc_dbits(a + b));
			hd[1] = rc_mix(hd[1], rc_dbits(a - b));
			hd[2] = rc_mix(hd[2], rc_dbits(a * b));
			hd[3] = rc_mix(hd[3], rc_dbits(a / b));
			hd[4] = rc_mix(hd[4], rc_dbits(__builtin_fma(a, b, a)));
			hd[5] = rc_mix(hd[5], (uint64_t)((a < b) | (a == b) << 1 | (a > b) << 2 |
							 __builtin_isunordered(a, b) << 3));
		}
	for (unsigned i = 0; i < NF; i++)
		for (unsigned j = 0; j < NF; j++) {
			float a = rc_ffrom(fspecial[i]), b = rc_ffrom(fspecial[j]);
			RC_HIDEW(a);
			RC_HIDEW(b);
			hf[0] = rc_mix(hf[0], rc_fbits(a + b));
			hf[1] = rc_mix(hf[1], rc_fbits(a - b));
			hf[2] = rc_mix(hf[2], rc_fbits(a * b));
			hf[3] = rc_mix(hf[3], rc_fbits(a / b));
			hf[4] = rc_mix(hf[4], rc_fbits(__builtin_fmaf(a, b, b)));
			hf[5] = rc_mix(hf[5], rc_dbits((double)a * (double)b));
		}
	for (int k = 0; k < 6; k++)
		t_printf("pairs d%d %016llx f%d %016llx\n", k, (unsigned long long)hd[k], k,
			 (unsigned long long)hf[k]);
}

int main(void)
{
	for (unsigned i = 0; i < ND; i++) {
		double x = rc_dfrom(dspecial[i]);
		RC_HIDEW(x);
		double ax = x < 0 ? -x : x;
		t_printf("d %016llx sqrt %016llx/%016llx exp %016llx sin %016llx log %016llx "
			 "cvt %08x %016llx\n",
			 (unsigned long long)dspecial[i],
			 (unsigned long long)rc_dbits(newton_sqrt(ax)),
			 (unsigned long long)rc_dbits(d_fsqrt(x)),
			 (unsigned long long)rc_dbits(my_exp(x)),
			 (unsigned long long)rc_dbits(my_sin(x)),
			 (unsigned long long)rc_dbits(my_log(x)),
			 rc_fbits((float)x), (unsigned long long)rc_dbits((double)(float)x));
	}
	for (unsigned i = 0; i < NF; i++) {
		float x = rc_ffrom(fspecial[i]);
		RC_HIDEW(x);
		float ax = x < 0 ? -x : x;
		t_printf("f %08x sqrt %08x/%08x exp %08x sin %08x log %08x\n", fspecial[i],
			 rc_fbits(newton_sqrtf(ax)), rc_fbits(f_fsqrt(x)), rc_fbits(my_expf(x)),
			 rc_fbits(my_sinf(x)), rc_fbits(my_logf(x)));
	}
	pairs();

	/* Sweeps: many ordinary arguments, checksummed. */
	uint64_t h[8] = {RC_H0, RC_H0, RC_H0, RC_H0, RC_H0, RC_H0, RC_H0, RC_H0};
	for (int i = -400; i <= 400; i++) {
		double x = i * 0.0371 + 1e-3;
		float xf = (float)i * 0.0371f + 1e-3f;
		h[0] = rc_mix(h[0], rc_dbits(my_exp(x)));
		h[1] = rc_mix(h[1], rc_dbits(my_sin(x * 7.0)));
		h[2] = rc_mix(h[2], rc_dbits(my_log(x * x + 1e-300)));
		h[3] = rc_mix(h[3], rc_dbits(newton_sqrt(x * x * 1e5)));
		h[4] = rc_mix(h[4], rc_fbits(my_expf(xf)));
		h[5] = rc_mix(h[5], rc_fbits(my_sinf(xf * 7.0f)));
		h[6] = rc_mix(h[6], rc_fbits(my_logf(xf * xf + 1e-30f)));
		h[7] = rc_mix(h[7], rc_fbits(newton_sqrtf(xf * xf * 1e5f)));
	}
	for (int k = 0; k < 8; k++)
		t_printf("sweep %d %016llx\n", k, (unsigned long long)h[k]);

	/* Gradual underflow: halve down through the denormals and back up. */
	double d = 3.0;
	float f = 3.0f;
	uint64_t hu = RC_H0;
	for (int i = 0; i < 1080; i++) {
		d *= 0.5;
		hu = rc_mix(hu, rc_dbits(d));
	}
	for (int i = 0; i < 160; i++) {
		f *= 0.5f;
		hu = rc_mix(hu, rc_fbits(f));
	}
	P64("underflow", hu);
	d = 0x1.fffffffffffffp-1022; /* largest denormal-ish boundary */
	P64("denorm_add", rc_dbits(d + 0x1p-1074));
	P64("denorm_mul", rc_dbits(0x1.8p-1070 * 0.75));
	P64("denorm_div", rc_dbits(0x1p-1022 / 3.0));
	P32("fdenorm_mul", rc_fbits(0x1.8p-146f * 0.75f));
	/* Rounding of ties to even in conversions. */
	uint64_t hc = RC_H0;
	for (long v = (1L << 53) - 8; v < (1L << 53) + 40; v++) {
		hc = rc_mix(hc, rc_dbits((double)v));
		hc = rc_mix(hc, rc_fbits((float)v));
		hc = rc_mix(hc, rc_fbits((float)(uint32_t)(v * 977))); /* u32 -> float */
	}
	P64("ties", hc);
	return 0;
}
