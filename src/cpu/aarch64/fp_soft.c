/* Software AArch64 floating point, following the ARM ARM pseudocode
 * (shared/functions/float: FPUnpack, FPRound, FPProcessNaNs, FPAdd, ...).
 *
 * A finite non-zero value is unpacked to sign, a 64-bit significand with
 * bit 63 set and an exponent: value = sig / 2^63 * 2^exp.  Operations
 * compute the exact result, or a truncation of it plus a sticky bit for
 * the discarded part, and round once in fp_round (FPRound: tininess is
 * detected BEFORE rounding, unlike x86). */
#include "cpu/aarch64/fp_soft.h"

typedef unsigned __int128 u128;

enum { C_ZERO, C_NUM, C_INF, C_QNAN, C_SNAN };

struct fpv {
	int cls, sign, exp;
	uint64_t sig;
};

static const struct {
	int ebits, fbits, bias;
} fmts[3] = { { 5, 10, 15 }, { 8, 23, 127 }, { 11, 52, 1023 } };

#define FB(f) (fmts[f].fbits)
#define EB(f) (fmts[f].ebits)
#define BIAS(f) (fmts[f].bias)
#define SIGNBIT(f) (1ull << (FB(f) + EB(f)))
#define EMAX(f) ((1u << EB(f)) - 1)

static inline uint64_t pack(int fmt, int sign, uint64_t bexp, uint64_t frac)
{
	return (sign ? SIGNBIT(fmt) : 0) | (bexp << FB(fmt)) | frac;
}
static inline uint64_t fzero(int fmt, int sign) { return pack(fmt, sign, 0, 0); }
static inline uint64_t finf(int fmt, int sign) { return pack(fmt, sign, EMAX(fmt), 0); }
static inline uint64_t fmaxnormal(int fmt, int sign)
{
	return pack(fmt, sign, EMAX(fmt) - 1, (1ull << FB(fmt)) - 1);
}
uint64_t fps_default_nan(int fmt) { return pack(fmt, 0, EMAX(fmt), 1ull << (FB(fmt) - 1)); }

static inline int clz64(uint64_t x) { return __builtin_clzll(x); }

/* Internal FPCR bit (bit 31 is RES0, never set by MSR): the operation is
 * a conversion (FPUnpackCV/FPRoundCV), where AHP applies to half
 * precision and FZ16 does not; everywhere else it is the other way round
 * (FPUnpack/FPRound clear AHP). */
#define FPCR_CV (1u << 31)

/* Half-precision flush-to-zero in effect (FZ16 outside conversions). */
static inline int fz_half(const struct fpenv *e)
{
	return (e->fpcr & (FPCR_FZ16 | FPCR_CV)) == FPCR_FZ16;
}
/* AHP in effect: half precision in a conversion. */
static inline int ahp_on(const struct fpenv *e, int fmt)
{
	return fmt == FP_H && (e->fpcr & (FPCR_AHP | FPCR_CV)) == (FPCR_AHP | FPCR_CV);
}

/* FPUnpack.  FZ flushes single/double denormals (IDC); FZ16 flushes half
 * denormals without IDC (not in conversions); AHP (conversions only)
 * makes exponent 31 a normal number. */
static void unpack(struct fpenv *e, int fmt, uint64_t x, struct fpv *v)
{
	int fb = FB(fmt);
	uint64_t bexp = (x >> fb) & EMAX(fmt), frac = x & ((1ull << fb) - 1);
	v->sign = (x & SIGNBIT(fmt)) != 0;
	if (bexp == 0) {
		if (frac == 0) {
			v->cls = C_ZERO;
			return;
		}
		if (fmt == FP_H ? fz_half(e) : (e->fpcr & FPCR_FZ) != 0) {
			if (fmt != FP_H)
				e->exc |= FPSR_IDC;
			v->cls = C_ZERO;
			return;
		}
		int p = 63 - clz64(frac);
		v->cls = C_NUM;
		v->sig = frac << (63 - p);
		v->exp = 1 - BIAS(fmt) - fb + p;
		return;
	}
	if (bexp == EMAX(fmt) && !ahp_on(e, fmt)) {
		if (frac == 0)
			v->cls = C_INF;
		else
			v->cls = (frac >> (fb - 1)) ? C_QNAN : C_SNAN;
		return;
	}
	v->cls = C_NUM;
	v->sig = ((1ull << fb) | frac) << (63 - fb);
	v->exp = (int)bexp - BIAS(fmt);
}

static inline int isnan_cls(int c) { return c >= C_QNAN; }

/* FPProcessNaN */
static uint64_t process_nan(struct fpenv *e, int fmt, int cls, uint64_t x)
{
	if (cls == C_SNAN) {
		e->exc |= FPSR_IOC;
		x |= 1ull << (FB(fmt) - 1);
	}
	if (e->fpcr & FPCR_DN)
		return fps_default_nan(fmt);
	return x;
}

/* FPProcessNaNs / FPProcessNaNs3: signalling NaNs first, in operand order,
 * then quiet NaNs.  Returns 1 with *r set when an operand was a NaN. */
static int process_nans(struct fpenv *e, int fmt, int n, const struct fpv *v,
			const uint64_t *x, uint64_t *r)
{
	for (int i = 0; i < n; i++)
		if (v[i].cls == C_SNAN) {
			*r = process_nan(e, fmt, C_SNAN, x[i]);
			return 1;
		}
	for (int i = 0; i < n; i++)
		if (v[i].cls == C_QNAN) {
			*r = process_nan(e, fmt, C_QNAN, x[i]);
			return 1;
		}
	return 0;
}

static uint64_t invalid(struct fpenv *e, int fmt)
{
	e->exc |= FPSR_IOC;
	return fps_default_nan(fmt);
}

/* FPRound: value = sig / 2^63 * 2^exp (sig bit 63 set) plus STICKY for
 * nonzero bits below sig.  FZ flushes tiny results of single/double, FZ16
 * (outside conversions) those of half precision. */
static uint64_t fp_round(struct fpenv *e, int fmt, int rmode, int sign, uint64_t sig, int exp,
			 int sticky)
{
	int fb = FB(fmt), minexp = 1 - BIAS(fmt);
	int fz = fmt == FP_H ? fz_half(e) : (e->fpcr & FPCR_FZ) != 0;
	if (fz && exp < minexp) {
		e->exc |= FPSR_UFC;
		return fzero(fmt, sign);
	}
	int biased = exp - minexp + 1;
	int shift = 63 - fb;
	if (biased <= 0) {
		shift += 1 - biased;
		biased = 0;
	}
	uint64_t mant, half, lower;
	if (shift < 64) {
		mant = sig >> shift;
		uint64_t rest = sig << (64 - shift);
		half = rest >> 63;
		lower = (rest << 1) != 0 || sticky;
	} else if (shift == 64) {
		mant = 0;
		half = sig >> 63;
		lower = (sig << 1) != 0 || sticky;
	} else {
		mant = 0;
		half = 0;
		lower = 1;
	}
	int inexact = half || lower;
	if (biased == 0 && inexact)
		e->exc |= FPSR_UFC;
	int up = 0, ovf_inf;
	switch (rmode) {
	case FPR_TIEEVEN: up = half && (lower || (mant & 1)); ovf_inf = 1; break;
	case FPR_POSINF: up = inexact && !sign; ovf_inf = !sign; break;
	case FPR_NEGINF: up = inexact && sign; ovf_inf = sign; break;
	case FPR_TIEAWAY: up = (int)half; ovf_inf = 1; break;
	default: ovf_inf = 0; break;
	}
	if (rmode == FPR_ODD && inexact)
		mant |= 1; /* FPRounding_ODD: truncate, then force the low bit */
	if (up) {
		mant++;
		if (mant == (1ull << fb))
			biased = 1;
		if (mant == (2ull << fb)) {
			biased++;
			mant >>= 1;
		}
	}
	uint64_t r;
	if (!ahp_on(e, fmt)) {
		if (biased >= (int)EMAX(fmt)) {
			e->exc |= FPSR_OFC;
			inexact = 1;
			r = ovf_inf ? finf(fmt, sign) : fmaxnormal(fmt, sign);
		} else {
			r = pack(fmt, sign, (uint64_t)biased, mant & ((1ull << fb) - 1));
		}
	} else if (biased >= (int)EMAX(fmt) + 1) {
		e->exc |= FPSR_IOC;
		inexact = 0;
		r = pack(fmt, sign, EMAX(fmt), (1ull << fb) - 1);
	} else {
		r = pack(fmt, sign, (uint64_t)biased, mant & ((1ull << fb) - 1));
	}
	if (inexact)
		e->exc |= FPSR_IXC;
	return r;
}

static inline int rmode_of(const struct fpenv *e) { return FPCR_RMODE(e->fpcr); }

/* Round X (nonzero) * 2^(E2): X's bits below the top 64 become sticky. */
static uint64_t round128(struct fpenv *e, int fmt, int rmode, int sign, u128 x, int e2,
			 int sticky)
{
	uint64_t hi = (uint64_t)(x >> 64);
	int p = hi ? 127 - clz64(hi) : 63 - clz64((uint64_t)x);
	uint64_t sig;
	if (p >= 63) {
		int s = p - 63;
		sig = (uint64_t)(x >> s);
		if (s && (x & (((u128)1 << s) - 1)))
			sticky = 1;
	} else {
		sig = (uint64_t)x << (63 - p);
	}
	return fp_round(e, fmt, rmode, sign, sig, e2 + p, sticky);
}

/* Exact sum of two finite values m * 2^(e - 126) with m's leading bit at
 * 126 (or zero), rounded.  The smaller operand's shifted-out bits are
 * jammed into bit 0: that is far below the rounding point. */
static uint64_t add_wide(struct fpenv *e, int fmt, int sa, u128 ma, int ea, int sb, u128 mb,
			 int eb)
{
	if (ma == 0 || (mb != 0 && eb > ea)) {
		int ts = sa; sa = sb; sb = ts;
		u128 tm = ma; ma = mb; mb = tm;
		int te = ea; ea = eb; eb = te;
	}
	if (mb) {
		int d = ea - eb;
		if (d >= 127)
			mb = 1;
		else if (d > 0)
			mb = (mb >> d) | ((mb & (((u128)1 << d) - 1)) != 0);
	}
	u128 r;
	int sign = sa;
	if (sa == sb) {
		r = ma + mb;
	} else if (ma >= mb) {
		r = ma - mb;
	} else {
		r = mb - ma;
		sign = sb;
	}
	if (r == 0)
		return fzero(fmt, rmode_of(e) == FPR_NEGINF);
	return round128(e, fmt, rmode_of(e), sign, r, ea - 126, 0);
}

uint64_t fps_add(struct fpenv *e, int fmt, uint64_t a, uint64_t b, int sub)
{
	struct fpv v[2];
	uint64_t x[2] = { a, b }, r;
	unpack(e, fmt, a, &v[0]);
	unpack(e, fmt, b, &v[1]);
	if (process_nans(e, fmt, 2, v, x, &r))
		return r;
	int s1 = v[0].sign, s2 = v[1].sign ^ sub;
	int inf1 = v[0].cls == C_INF, inf2 = v[1].cls == C_INF;
	if (inf1 && inf2 && s1 != s2)
		return invalid(e, fmt);
	if (inf1 || inf2)
		return finf(fmt, inf1 ? s1 : s2);
	if (v[0].cls == C_ZERO && v[1].cls == C_ZERO) {
		if (s1 == s2)
			return fzero(fmt, s1);
		return fzero(fmt, rmode_of(e) == FPR_NEGINF);
	}
	u128 m1 = v[0].cls == C_ZERO ? 0 : (u128)v[0].sig << 63;
	u128 m2 = v[1].cls == C_ZERO ? 0 : (u128)v[1].sig << 63;
	return add_wide(e, fmt, s1, m1, v[0].exp, s2, m2, v[1].exp);
}

uint64_t fps_mul(struct fpenv *e, int fmt, uint64_t a, uint64_t b)
{
	struct fpv v[2];
	uint64_t x[2] = { a, b }, r;
	unpack(e, fmt, a, &v[0]);
	unpack(e, fmt, b, &v[1]);
	if (process_nans(e, fmt, 2, v, x, &r))
		return r;
	int s = v[0].sign ^ v[1].sign;
	int inf1 = v[0].cls == C_INF, inf2 = v[1].cls == C_INF;
	int z1 = v[0].cls == C_ZERO, z2 = v[1].cls == C_ZERO;
	if ((inf1 && z2) || (z1 && inf2))
		return invalid(e, fmt);
	if (inf1 || inf2)
		return finf(fmt, s);
	if (z1 || z2)
		return fzero(fmt, s);
	u128 p = (u128)v[0].sig * v[1].sig;
	return round128(e, fmt, rmode_of(e), s, p, v[0].exp + v[1].exp - 126, 0);
}

/* FPMulX: FPMul except that 0 * inf is 2.0 with the product's sign. */
uint64_t fps_mulx(struct fpenv *e, int fmt, uint64_t a, uint64_t b)
{
	struct fpv v[2];
	uint64_t x[2] = { a, b }, r;
	unpack(e, fmt, a, &v[0]);
	unpack(e, fmt, b, &v[1]);
	if (process_nans(e, fmt, 2, v, x, &r))
		return r;
	int inf1 = v[0].cls == C_INF, inf2 = v[1].cls == C_INF;
	int z1 = v[0].cls == C_ZERO, z2 = v[1].cls == C_ZERO;
	if ((inf1 && z2) || (z1 && inf2))
		return pack(fmt, v[0].sign ^ v[1].sign, (uint64_t)BIAS(fmt) + 1, 0);
	return fps_mul(e, fmt, a, b);
}

uint64_t fps_div(struct fpenv *e, int fmt, uint64_t a, uint64_t b)
{
	struct fpv v[2];
	uint64_t x[2] = { a, b }, r;
	unpack(e, fmt, a, &v[0]);
	unpack(e, fmt, b, &v[1]);
	if (process_nans(e, fmt, 2, v, x, &r))
		return r;
	int s = v[0].sign ^ v[1].sign;
	int inf1 = v[0].cls == C_INF, inf2 = v[1].cls == C_INF;
	int z1 = v[0].cls == C_ZERO, z2 = v[1].cls == C_ZERO;
	if ((inf1 && inf2) || (z1 && z2))
		return invalid(e, fmt);
	if (inf1 || z2) {
		if (!inf1)
			e->exc |= FPSR_DZC;
		return finf(fmt, s);
	}
	if (z1 || inf2)
		return fzero(fmt, s);
	u128 n = (u128)v[0].sig << 64;
	u128 q = n / v[1].sig;
	int sticky = (n % v[1].sig) != 0;
	return round128(e, fmt, rmode_of(e), s, q, v[0].exp - v[1].exp - 64, sticky);
}

static uint64_t isqrt128(u128 x, int *inexact)
{
	u128 rem = 0, root = 0;
	for (int i = 0; i < 64; i++) {
		root <<= 1;
		rem = (rem << 2) | (x >> 126);
		x <<= 2;
		if (2 * root + 1 <= rem) {
			rem -= 2 * root + 1;
			root++;
		}
	}
	*inexact = rem != 0;
	return (uint64_t)root;
}

uint64_t fps_sqrt(struct fpenv *e, int fmt, uint64_t a)
{
	struct fpv v;
	unpack(e, fmt, a, &v);
	if (isnan_cls(v.cls))
		return process_nan(e, fmt, v.cls, a);
	if (v.cls == C_ZERO)
		return fzero(fmt, v.sign);
	if (v.sign)
		return invalid(e, fmt);
	if (v.cls == C_INF)
		return finf(fmt, 0);
	/* value = X * 2^(exp - 63 - s) with an even power of two. */
	int s = (v.exp & 1) ? 64 : 63;
	u128 X = (u128)v.sig << s;
	int inexact;
	uint64_t root = isqrt128(X, &inexact);
	int half = (v.exp - 63 - s) / 2;
	return fp_round(e, fmt, rmode_of(e), 0, root, 63 + half, inexact);
}

/* Order of two non-NaN values as reals: -1, 0, 1 (-0 == +0). */
static int cmp_real(const struct fpv *a, const struct fpv *b)
{
	int ka = a->cls == C_INF ? 2 : a->cls == C_NUM;
	int kb = b->cls == C_INF ? 2 : b->cls == C_NUM;
	if (!ka && !kb)
		return 0;
	if (a->sign != b->sign)
		return a->sign ? -1 : 1;
	int m; /* magnitude order */
	if (ka != kb)
		m = ka > kb ? 1 : -1;
	else if (ka == 2)
		m = 0;
	else if (a->exp != b->exp)
		m = a->exp > b->exp ? 1 : -1;
	else
		m = a->sig == b->sig ? 0 : a->sig > b->sig ? 1 : -1;
	return a->sign ? -m : m;
}

uint64_t fps_minmax(struct fpenv *e, int fmt, uint64_t a, uint64_t b, int op)
{
	struct fpv v[2];
	uint64_t x[2] = { a, b }, r;
	unpack(e, fmt, a, &v[0]);
	unpack(e, fmt, b, &v[1]);
	int ismin = op & 1;
	if (op >= 2) { /* FPMaxNum/FPMinNum: a lone quiet NaN loses */
		int q1 = v[0].cls == C_QNAN, q2 = v[1].cls == C_QNAN;
		if (q1 && !q2) {
			v[0].cls = C_INF;
			v[0].sign = !ismin;
			x[0] = finf(fmt, !ismin);
		} else if (!q1 && q2) {
			v[1].cls = C_INF;
			v[1].sign = !ismin;
			x[1] = finf(fmt, !ismin);
		}
	}
	if (process_nans(e, fmt, 2, v, x, &r))
		return r;
	if (v[0].cls == C_ZERO && v[1].cls == C_ZERO)
		return fzero(fmt, ismin ? (v[0].sign | v[1].sign) : (v[0].sign & v[1].sign));
	int gt = cmp_real(&v[0], &v[1]) > 0; /* value1 > value2 */
	int pick1 = ismin ? !gt : gt;
	int i = pick1 ? 0 : 1;
	if (v[i].cls == C_INF)
		return finf(fmt, v[i].sign);
	if (v[i].cls == C_ZERO)
		return fzero(fmt, v[i].sign);
	/* FPRound of an exact value: reproduces it (flushed inputs are zero). */
	return fp_round(e, fmt, rmode_of(e), v[i].sign, v[i].sig, v[i].exp, 0);
}

/* The finite, non-zero part of FPMulAdd: addend + a*b, rounded once;
 * EXPADJ scales the exact result (FRSQRTS halves it). */
static uint64_t muladd_num(struct fpenv *e, int fmt, const struct fpv *va, const struct fpv *v1,
			   const struct fpv *v2, int expadj)
{
	int sp = v1->sign ^ v2->sign;
	u128 mp = 0, ma = 0;
	int ep = 0, ea = va->exp;
	if (v1->cls == C_NUM && v2->cls == C_NUM) {
		mp = (u128)v1->sig * v2->sig; /* leading bit at 126 or 127 */
		ep = v1->exp + v2->exp;
		if (mp >> 127) { /* significands of <= 53 bits: low bits are 0 */
			mp >>= 1;
			ep++;
		}
	}
	if (va->cls == C_NUM)
		ma = (u128)va->sig << 63;
	if (mp == 0 && ma == 0)
		return fzero(fmt, rmode_of(e) == FPR_NEGINF);
	if (mp == 0) {
		ep = ea;
	} else if (ma == 0) {
		ea = ep;
	}
	return add_wide(e, fmt, va->sign, ma, ea + expadj, sp, mp, ep + expadj);
}

uint64_t fps_muladd(struct fpenv *e, int fmt, uint64_t addend, uint64_t a, uint64_t b)
{
	struct fpv v[3];
	uint64_t x[3] = { addend, a, b }, r;
	unpack(e, fmt, addend, &v[0]);
	unpack(e, fmt, a, &v[1]);
	unpack(e, fmt, b, &v[2]);
	int inf1 = v[1].cls == C_INF, inf2 = v[2].cls == C_INF;
	int z1 = v[1].cls == C_ZERO, z2 = v[2].cls == C_ZERO;
	int done = process_nans(e, fmt, 3, v, x, &r);
	if (v[0].cls == C_QNAN && ((inf1 && z2) || (z1 && inf2)))
		return invalid(e, fmt);
	if (done)
		return r;
	int sa = v[0].sign, sp = v[1].sign ^ v[2].sign;
	int infa = v[0].cls == C_INF, infp = inf1 || inf2;
	if ((inf1 && z2) || (z1 && inf2) || (infa && infp && sa != sp))
		return invalid(e, fmt);
	if ((infa && !sa) || (infp && !sp))
		return finf(fmt, 0);
	if (infa || infp)
		return finf(fmt, 1);
	if (v[0].cls == C_ZERO && (z1 || z2) && sa == sp)
		return fzero(fmt, sa);
	return muladd_num(e, fmt, &v[0], &v[1], &v[2], 0);
}

static void const_val(struct fpv *v, int exp, uint64_t sig)
{
	v->cls = C_NUM;
	v->sign = 0;
	v->exp = exp;
	v->sig = sig;
}

/* FPRecipStepFused (rsq = 0): 2 - a*b; FPRSqrtStepFused (rsq = 1):
 * (3 - a*b) / 2. */
static uint64_t step_fused(struct fpenv *e, int fmt, uint64_t a, uint64_t b, int rsq)
{
	struct fpv v[2];
	uint64_t x[2], r;
	a ^= SIGNBIT(fmt); /* FPNeg(op1), before NaN processing */
	x[0] = a;
	x[1] = b;
	unpack(e, fmt, a, &v[0]);
	unpack(e, fmt, b, &v[1]);
	if (process_nans(e, fmt, 2, v, x, &r))
		return r;
	int inf1 = v[0].cls == C_INF, inf2 = v[1].cls == C_INF;
	int z1 = v[0].cls == C_ZERO, z2 = v[1].cls == C_ZERO;
	if ((inf1 && z2) || (z1 && inf2)) /* 2.0 or 1.5 */
		return pack(fmt, 0, (uint64_t)BIAS(fmt) + !rsq, rsq ? 1ull << (FB(fmt) - 1) : 0);
	if (inf1 || inf2)
		return finf(fmt, v[0].sign ^ v[1].sign);
	struct fpv c;
	const_val(&c, 1, rsq ? 0xc000000000000000ull : 0x8000000000000000ull);
	return muladd_num(e, fmt, &c, &v[0], &v[1], rsq ? -1 : 0);
}

uint64_t fps_recps(struct fpenv *e, int fmt, uint64_t a, uint64_t b)
{
	return step_fused(e, fmt, a, b, 0);
}
uint64_t fps_rsqrts(struct fpenv *e, int fmt, uint64_t a, uint64_t b)
{
	return step_fused(e, fmt, a, b, 1);
}

/* RecipEstimate: A in 256..511 (units of 1/512), result 256..511. */
static unsigned recip_estimate(unsigned a)
{
	a = a * 2 + 1;
	unsigned b = (1u << 19) / a;
	return (b + 1) / 2;
}

/* RecipSqrtEstimate: A in 128..511. */
static unsigned rsqrt_estimate(unsigned a)
{
	if (a < 256)
		a = a * 2 + 1;
	else
		a = ((a >> 1) << 1) * 2 + 2;
	unsigned b = 512;
	while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28))
		b++;
	return (b + 1) / 2;
}

/* UnsignedRecipEstimate / UnsignedRSqrtEstimate (URECPE, URSQRTE). */
uint32_t fps_urecpe(uint32_t a)
{
	return a >> 31 ? recip_estimate(a >> 23) << 23 : 0xffffffffu;
}
uint32_t fps_ursqrte(uint32_t a)
{
	return a >> 30 ? rsqrt_estimate(a >> 23) << 23 : 0xffffffffu;
}

/* Fraction and biased exponent of A as a 52-bit fraction (FPRecipEstimate's
 * "fraction" and "exp"). */
static void frac52(int fmt, uint64_t a, uint64_t *frac, int *exp)
{
	int fb = FB(fmt);
	*frac = (a & ((1ull << fb) - 1)) << (52 - fb);
	*exp = (int)((a >> fb) & EMAX(fmt));
}

uint64_t fps_recpe(struct fpenv *e, int fmt, uint64_t a)
{
	struct fpv v;
	unpack(e, fmt, a, &v);
	if (isnan_cls(v.cls))
		return process_nan(e, fmt, v.cls, a);
	if (v.cls == C_INF)
		return fzero(fmt, v.sign);
	if (v.cls == C_ZERO) {
		e->exc |= FPSR_DZC;
		return finf(fmt, v.sign);
	}
	/* |value| < 2^-(bias+1): the reciprocal overflows. */
	if (v.exp < -BIAS(fmt) - 1) {
		int rm = rmode_of(e), inf;
		inf = rm == FPR_TIEEVEN || (rm == FPR_POSINF && !v.sign) ||
		      (rm == FPR_NEGINF && v.sign);
		e->exc |= FPSR_OFC | FPSR_IXC;
		return inf ? finf(fmt, v.sign) : fmaxnormal(fmt, v.sign);
	}
	if ((fmt == FP_H ? fz_half(e) : (e->fpcr & FPCR_FZ) != 0) && v.exp >= BIAS(fmt) - 1) {
		e->exc |= FPSR_UFC;
		return fzero(fmt, v.sign);
	}
	uint64_t frac;
	int exp;
	frac52(fmt, a, &frac, &exp);
	if (exp == 0) {
		if (!(frac >> 51)) {
			exp = -1;
			frac = (frac << 2) & ((1ull << 52) - 1);
		} else {
			frac = (frac << 1) & ((1ull << 52) - 1);
		}
	}
	unsigned scaled = 256 | (unsigned)(frac >> 44);
	int rexp = 2 * BIAS(fmt) - 1 - exp;
	unsigned est = recip_estimate(scaled);
	frac = (uint64_t)(est & 0xff) << 44;
	if (rexp == 0) {
		frac = (1ull << 51) | (frac >> 1);
	} else if (rexp == -1) {
		frac = (1ull << 50) | (frac >> 2);
		rexp = 0;
	}
	return pack(fmt, v.sign, (uint64_t)rexp, frac >> (52 - FB(fmt)));
}

uint64_t fps_rsqrte(struct fpenv *e, int fmt, uint64_t a)
{
	struct fpv v;
	unpack(e, fmt, a, &v);
	if (isnan_cls(v.cls))
		return process_nan(e, fmt, v.cls, a);
	if (v.cls == C_ZERO) {
		e->exc |= FPSR_DZC;
		return finf(fmt, v.sign);
	}
	if (v.sign)
		return invalid(e, fmt);
	if (v.cls == C_INF)
		return fzero(fmt, 0);
	uint64_t frac;
	int exp;
	frac52(fmt, a, &frac, &exp);
	if (exp == 0) {
		while (!(frac >> 51)) {
			frac <<= 1;
			exp--;
		}
		frac = (frac << 1) & ((1ull << 52) - 1);
	}
	unsigned scaled = (exp & 1) ? 128 | (unsigned)(frac >> 45) : 256 | (unsigned)(frac >> 44);
	int k = fmt == FP_H ? 44 : fmt == FP_S ? 380 : 3068;
	int rexp = (k - exp) / 2; /* k - exp > 0 */
	unsigned est = rsqrt_estimate(scaled);
	return pack(fmt, 0, (uint64_t)rexp, (uint64_t)(est & 0xff) << (FB(fmt) - 8));
}

uint64_t fps_recpx(struct fpenv *e, int fmt, uint64_t a)
{
	struct fpv v;
	unpack(e, fmt, a, &v);
	if (isnan_cls(v.cls))
		return process_nan(e, fmt, v.cls, a);
	uint64_t bexp = (a >> FB(fmt)) & EMAX(fmt);
	if (bexp == 0)
		return pack(fmt, v.sign, EMAX(fmt) - 1, 0);
	return pack(fmt, v.sign, ~bexp & EMAX(fmt), 0);
}

/* |value| = sig/2^63 * 2^exp rounded to an integer magnitude in RMODE
 * (sign-magnitude form of the pseudocode's RoundDown + round_up).  Sets
 * *inexact; returns the magnitude, saturated at 2^65 when larger. */
static u128 round_mag(int sign, uint64_t sig, int exp, int rmode, int *inexact)
{
	uint64_t ip, frac;
	if (exp >= 64)
		ip = 0, frac = 0;
	else if (exp >= 63)
		ip = sig, frac = 0;
	else if (exp >= 0)
		ip = sig >> (63 - exp), frac = sig << (exp + 1);
	else if (exp == -1)
		ip = 0, frac = sig;
	else
		ip = 0, frac = 1;
	*inexact = frac != 0;
	if (exp >= 64)
		return (u128)1 << 65;
	int half = (int)(frac >> 63), lower = (frac << 1) != 0, up;
	switch (rmode) {
	case FPR_TIEEVEN: up = half && (lower || (ip & 1)); break;
	case FPR_TIEAWAY: up = half; break;
	case FPR_POSINF: up = frac && !sign; break;
	case FPR_NEGINF: up = frac && sign; break;
	default: up = 0; break;
	}
	return (u128)ip + (unsigned)up;
}

uint64_t fps_roundint(struct fpenv *e, int fmt, uint64_t a, int rmode, int exact)
{
	struct fpv v;
	unpack(e, fmt, a, &v);
	if (isnan_cls(v.cls))
		return process_nan(e, fmt, v.cls, a);
	if (v.cls == C_INF)
		return finf(fmt, v.sign);
	if (v.cls == C_ZERO)
		return fzero(fmt, v.sign);
	if (v.exp >= FB(fmt))
		return a; /* already integral */
	int inexact;
	u128 m = round_mag(v.sign, v.sig, v.exp, rmode, &inexact);
	uint64_t r;
	if (m == 0) {
		r = fzero(fmt, v.sign);
	} else {
		struct fpenv tmp = { e->fpcr, 0 };
		r = round128(&tmp, fmt, FPR_ZERO, v.sign, m, 0, 0); /* exact */
	}
	if (inexact && exact)
		e->exc |= FPSR_IXC;
	return r;
}

uint64_t fps_roundint_n(struct fpenv *e, int fmt, uint64_t a, int rmode, int intsize)
{
	/* Out of range, NaN or infinity: -2^(intsize-1), exactly. */
	uint64_t minint = pack(fmt, 1, (uint64_t)(BIAS(fmt) + intsize - 1), 0);
	struct fpv v;
	unpack(e, fmt, a, &v);
	if (v.cls != C_NUM && v.cls != C_ZERO) {
		e->exc |= FPSR_IOC;
		return minint;
	}
	if (v.cls == C_ZERO)
		return fzero(fmt, v.sign);
	int inexact;
	u128 m = round_mag(v.sign, v.sig, v.exp, rmode, &inexact);
	u128 lim = (u128)1 << (intsize - 1);
	if (v.sign ? m > lim : m >= lim) {
		e->exc |= FPSR_IOC; /* and no IXC */
		return minint;
	}
	uint64_t r;
	if (m == 0) {
		r = fzero(fmt, v.sign);
	} else {
		struct fpenv tmp = { e->fpcr, 0 };
		r = round128(&tmp, fmt, FPR_ZERO, v.sign, m, 0, 0); /* exact */
	}
	if (inexact)
		e->exc |= FPSR_IXC;
	return r;
}

uint32_t fps_to_int_js(struct fpenv *e, uint64_t a, int *z)
{
	struct fpv v;
	unpack(e, FP_D, a, &v);
	*z = 0;
	if (isnan_cls(v.cls) || v.cls == C_INF) {
		e->exc |= FPSR_IOC; /* infinity: out of range, result 0 */
		return 0;
	}
	if (v.cls == C_ZERO) { /* -0.0 and flushed denormals are not exact */
		*z = a == 0;
		return 0;
	}
	/* |value| truncated, modulo 2^64 (enough for the low 32 bits and the
	 * range check: exp >= 32 is out of range anyway). */
	uint64_t ip, frac;
	if (v.exp < 0) {
		ip = 0, frac = 1;
	} else if (v.exp < 63) {
		ip = v.sig >> (63 - v.exp), frac = v.sig << (v.exp + 1);
	} else {
		ip = v.exp - 63 < 64 ? v.sig << (v.exp - 63) : 0, frac = 0;
	}
	uint32_t r = (uint32_t)ip;
	if (v.sign)
		r = -r;
	if (v.exp >= 32 || ip > (v.sign ? 0x80000000ull : 0x7fffffffull))
		e->exc |= FPSR_IOC;
	else if (frac)
		e->exc |= FPSR_IXC;
	else
		*z = 1;
	return r;
}

static uint64_t convert_cv(struct fpenv *e, int from, int to, uint64_t a, int rmode);

/* FPConvert: unpacks and rounds with the conversion rules (FPCR_CV). */
uint64_t fps_convert(struct fpenv *e, int from, int to, uint64_t a)
{
	return fps_convert_rm(e, from, to, a, rmode_of(e));
}
uint64_t fps_convert_rm(struct fpenv *e, int from, int to, uint64_t a, int rmode)
{
	struct fpenv c = { e->fpcr | FPCR_CV, 0 };
	uint64_t r = convert_cv(&c, from, to, a, rmode);
	e->exc |= c.exc;
	return r;
}

static uint64_t convert_cv(struct fpenv *e, int from, int to, uint64_t a, int rmode)
{
	struct fpv v;
	unpack(e, from, a, &v);
	int ahp = to == FP_H && (e->fpcr & FPCR_AHP);
	if (isnan_cls(v.cls)) {
		uint64_t r;
		if (ahp) {
			r = fzero(to, v.sign);
		} else if (e->fpcr & FPCR_DN) {
			r = fps_default_nan(to);
		} else { /* FPConvertNaN: payload left-aligned, quiet bit set */
			uint64_t frac = a & ((1ull << FB(from)) - 1);
			frac = (frac << (64 - FB(from))) >> (64 - FB(to));
			r = pack(to, v.sign, EMAX(to), frac | (1ull << (FB(to) - 1)));
		}
		if (v.cls == C_SNAN || ahp)
			e->exc |= FPSR_IOC;
		return r;
	}
	if (v.cls == C_INF) {
		if (ahp) {
			e->exc |= FPSR_IOC;
			return pack(to, v.sign, EMAX(to), (1ull << FB(to)) - 1);
		}
		return finf(to, v.sign);
	}
	if (v.cls == C_ZERO)
		return fzero(to, v.sign);
	return fp_round(e, to, rmode, v.sign, v.sig, v.exp, 0);
}

uint64_t fps_to_fixed(struct fpenv *e, int fmt, uint64_t a, int fbits, int is_unsigned,
		      int is64, int rmode)
{
	return fps_to_fixed_n(e, fmt, a, fbits, is_unsigned, is64 ? 64 : 32, rmode);
}

uint64_t fps_to_fixed_n(struct fpenv *e, int fmt, uint64_t a, int fbits, int is_unsigned,
			int bitsz, int rmode)
{
	struct fpv v;
	unpack(e, fmt, a, &v);
	if (isnan_cls(v.cls)) {
		e->exc |= FPSR_IOC;
		return 0;
	}
	int inexact = 0;
	u128 m = 0;
	if (v.cls == C_INF)
		m = (u128)1 << 65;
	else if (v.cls == C_NUM)
		m = round_mag(v.sign, v.sig, v.exp + fbits, rmode, &inexact);
	uint64_t mask = bitsz == 64 ? ~0ull : (1ull << bitsz) - 1, r;
	if (is_unsigned) {
		if (v.sign && m) {
			e->exc |= FPSR_IOC;
			return 0;
		}
		if (m > mask) {
			e->exc |= FPSR_IOC;
			return mask;
		}
		r = (uint64_t)m;
	} else {
		u128 lim = (u128)1 << (bitsz - 1);
		if (v.sign ? m > lim : m >= lim) {
			e->exc |= FPSR_IOC;
			return (v.sign ? (uint64_t)lim : (uint64_t)lim - 1) & mask;
		}
		r = v.sign ? (uint64_t)-(uint64_t)m : (uint64_t)m;
		r &= mask;
	}
	if (inexact)
		e->exc |= FPSR_IXC;
	return r;
}

uint64_t fps_from_fixed(struct fpenv *e, int fmt, uint64_t x, int fbits, int is_unsigned,
			int rmode)
{
	int sign = 0;
	if (!is_unsigned && (int64_t)x < 0) {
		sign = 1;
		x = -x;
	}
	if (x == 0)
		return fzero(fmt, 0);
	int p = 63 - clz64(x);
	return fp_round(e, fmt, rmode, sign, x << (63 - p), p - fbits, 0);
}

unsigned fps_compare(struct fpenv *e, int fmt, uint64_t a, uint64_t b, int signal_all)
{
	struct fpv v[2];
	unpack(e, fmt, a, &v[0]);
	unpack(e, fmt, b, &v[1]);
	if (isnan_cls(v[0].cls) || isnan_cls(v[1].cls)) {
		if (signal_all || v[0].cls == C_SNAN || v[1].cls == C_SNAN)
			e->exc |= FPSR_IOC;
		return 0x3;
	}
	int c = cmp_real(&v[0], &v[1]);
	return c == 0 ? 0x6 : c < 0 ? 0x8 : 0x2;
}
