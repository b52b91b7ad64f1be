/* vecloops.c: loop idioms clang turns into Advanced SIMD at -O3 beyond
 * plain arithmetic: interleaved structure loads/stores (ld2/ld3/ld4,
 * st2/st3/st4), integer reductions (addv, smaxv, uminv), absolute
 * differences (sabd/uabd + accumulate), widening multiply-accumulate,
 * shifts with rounding and narrowing, compares into masks and selects
 * (cmgt/bsl/bif), float abs/neg/min/max/compare/select, int <-> float
 * conversions, and byte-string scans. */
// EMITS: ld[234][[:space:]]+\{
// EMITS: (addv|smaxv|sminv|umaxv|uminv)[[:space:]]
// EMITS: (uabd|uabdl|uabal|usubl)2?[[:space:]]
// EMITS: st[234][[:space:]]+\{
// EMITS: (bsl|bif|bit)[[:space:]]+v
// EMITS: (fcmgt|fcmge|fcmeq|fcmlt)[[:space:]]+v
#include "rc.h"

#define N 2053

struct rgb { uint8_t r, g, b; };
struct cplx { float re, im; };
struct q4 { int16_t a, b, c, d; };

static struct rgb px[N];
static uint8_t gray[N], u8x[N], u8y[N], u8o[N];
static struct cplx za[N], zb[N], zc[N];
static struct q4 q[N];
static int16_t s16[N], t16[N];
static int32_t s32[N], t32[N];
static uint32_t u32[N];
static float fa[N], fb[N], fo[N];
static double da[N], db[N], dout[N];
static char text[N + 1];

static uint64_t hash(const void *p, size_t n)
{
	const uint8_t *c = p;
	uint64_t h = RC_H0;
	for (size_t i = 0; i < n; i++)
		h = (h ^ c[i]) * 0x100000001b3ull;
	return h;
}
#define HASH(name, arr) P64(name, hash(arr, sizeof(arr)))

__attribute__((noinline)) static void to_gray(int n)
{
	for (int i = 0; i < n; i++)
		gray[i] = (uint8_t)((px[i].r * 77 + px[i].g * 150 + px[i].b * 29 + 128) >> 8);
}

__attribute__((noinline)) static void swap_rb(int n)
{
	for (int i = 0; i < n; i++) {
		uint8_t t = px[i].r;
		px[i].r = px[i].b;
		px[i].b = t;
	}
}

__attribute__((noinline)) static void cmul(int n)
{
	for (int i = 0; i < n; i++) {
		zc[i].re = za[i].re * zb[i].re - za[i].im * zb[i].im;
		zc[i].im = za[i].re * zb[i].im + za[i].im * zb[i].re;
	}
}

__attribute__((noinline)) static void q4mix(int n)
{
	for (int i = 0; i < n; i++) {
		int16_t a = q[i].a, b = q[i].b;
		q[i].a = (int16_t)(a + q[i].d);
		q[i].b = (int16_t)(b - q[i].c);
		q[i].c = (int16_t)(q[i].c ^ a);
		q[i].d = (int16_t)((q[i].d * 3) >> 1);
	}
}

__attribute__((noinline)) static int32_t sum16(const int16_t *x, int n)
{
	int32_t s = 0;
	for (int i = 0; i < n; i++)
		s += x[i];
	return s;
}

__attribute__((noinline)) static int32_t max32(const int32_t *x, int n)
{
	int32_t m = INT32_MIN;
	for (int i = 0; i < n; i++)
		m = x[i] > m ? x[i] : m;
	return m;
}

__attribute__((noinline)) static uint8_t min8(const uint8_t *x, int n)
{
	uint8_t m = 255;
	for (int i = 0; i < n; i++)
		m = x[i] < m ? x[i] : m;
	return m;
}

__attribute__((noinline)) static uint32_t sad8(const uint8_t *x, const uint8_t *y, int n)
{
	uint32_t s = 0;
	for (int i = 0; i < n; i++)
		s += (uint32_t)(x[i] > y[i] ? x[i] - y[i] : y[i] - x[i]);
	return s;
}

__attribute__((noinline)) static int64_t mac16(const int16_t *x, const int16_t *y, int n)
{
	int64_t s = 0;
	for (int i = 0; i < n; i++)
		s += (int32_t)x[i] * (int32_t)y[i];
	return s;
}

__attribute__((noinline)) static void round_narrow(int n)
{
	for (int i = 0; i < n; i++) {
		int32_t v = (s32[i] + (1 << 11)) >> 12;
		t16[i] = (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
		u8o[i] = (uint8_t)((u32[i] + 0x80) >> 8);
	}
}

__attribute__((noinline)) static void masks(int n)
{
	for (int i = 0; i < n; i++) {
		s32[i] = s32[i] > t32[i] ? s32[i] - t32[i] : t32[i] ^ 0x5a5a;
		s16[i] = s16[i] == t16[i] ? 0 : (int16_t)(s16[i] | 1);
		u8o[i] = u8x[i] >= u8y[i] ? u8x[i] : (uint8_t)~u8y[i];
		t32[i] = (int32_t)((uint32_t)s32[i] >> (i & 7)) + (s32[i] >> 3);
	}
}

__attribute__((noinline)) static void fsel(int n)
{
	for (int i = 0; i < n; i++) {
		float a = fa[i], b = fb[i];
		float ab = a < 0 ? -a : a;
		fo[i] = ab > b ? a * 0.5f : (a >= b ? b : a - b);
		dout[i] = da[i] > db[i] ? da[i] : -db[i];
	}
}

__attribute__((noinline)) static void fconv(int n)
{
	for (int i = 0; i < n; i++) {
		s32[i] = (int32_t)(fa[i] * 12345.678f);
		u32[i] = (uint32_t)(fb[i] < 0 ? -fb[i] : fb[i]) * 1000u;
		fo[i] = (float)s32[i] + (float)u32[i] * 0.5f;
		dout[i] = (double)s32[i] * 1e-3 + (double)fa[i];
	}
}

__attribute__((noinline)) static int count_char(const char *s, char c, int n)
{
	int k = 0;
	for (int i = 0; i < n; i++)
		k += s[i] == c;
	return k;
}

__attribute__((noinline)) static void upcase(char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			s[i] = (char)(s[i] - 32);
}

int main(void)
{
	uint64_t s = 99;
	for (int i = 0; i < N; i++) {
		uint64_t r = rc_rand(&s);
		px[i].r = (uint8_t)r;
		px[i].g = (uint8_t)(r >> 8);
		px[i].b = (uint8_t)(r >> 16);
		u8x[i] = (uint8_t)(r >> 24);
		u8y[i] = (uint8_t)(r >> 32);
		s16[i] = (int16_t)(r >> 40);
		t16[i] = i % 11 == 0 ? s16[i] : (int16_t)(r >> 3);
		q[i].a = (int16_t)r;
		q[i].b = (int16_t)(r >> 16);
		q[i].c = (int16_t)(r >> 32);
		q[i].d = (int16_t)(r >> 48);
		r = rc_rand(&s);
		s32[i] = (int32_t)r;
		t32[i] = (int32_t)(r >> 32);
		u32[i] = (uint32_t)(r >> 13);
		za[i].re = rc_rand_f(&s);
		za[i].im = rc_rand_f(&s);
		zb[i].re = rc_rand_f(&s) * 4;
		zb[i].im = rc_rand_f(&s) * 4;
		fa[i] = rc_rand_f(&s) * 10;
		fb[i] = rc_rand_f(&s) * 10;
		if (i % 101 == 0)
			fb[i] = fa[i];
		da[i] = rc_rand_d(&s);
		db[i] = rc_rand_d(&s);
		text[i] = (char)(' ' + (r >> 20) % 95);
	}
	to_gray(N);
	HASH("gray", gray);
	swap_rb(N);
	HASH("swap_rb", px);
	cmul(N);
	HASH("cmul", zc);
	q4mix(N);
	HASH("q4mix", q);
	P32("sum16", sum16(s16, N));
	P32("max32", max32(s32, N));
	P32("min8", min8(u8x, N));
	P32("sad8", sad8(u8x, u8y, N));
	P64("mac16", mac16(s16, t16, N));
	round_narrow(N);
	HASH("rn16", t16);
	HASH("rn8", u8o);
	masks(N);
	HASH("m32", s32);
	HASH("m16", s16);
	HASH("m8", u8o);
	HASH("mt32", t32);
	fsel(N);
	HASH("fsel", fo);
	HASH("dsel", dout);
	fconv(N);
	HASH("fc_s32", s32);
	HASH("fc_u32", u32);
	HASH("fc_f", fo);
	HASH("fc_d", dout);
	P32("count", count_char(text, 'e', N));
	upcase(text, N);
	HASH("upcase", text);
	return 0;
}
