/* Advanced SIMD floating point (single and double precision; the FP16
 * half-precision forms are in simd_fp16.c),
 * vector and scalar forms: three same (FADD ... FACGT, FMULX, FRECPS,
 * FRSQRTS, pairwise), two-reg misc (FABS, FNEG, FSQRT, compares with zero,
 * FRINT* incl. FRINT32/64, conversions to and from integers, FCVTL/FCVTN/
 * FCVTXN, FRECPE/FRSQRTE and the integer URECPE/URSQRTE), fixed-point
 * conversions of the shift-by-immediate space, across lanes (FMAXV ...)
 * and by element (FMLA/FMLS/FMUL/FMULX).  Every element goes through the
 * exact software FP of fp_soft.c under the current FPCR; exceptions
 * accumulate into FPSR.  Op fields as in simd_vec.h; sz = 1 for double, 0
 * for single; sh = element index (by element) or rounding mode
 * (conversions); imm = fbits (fixed point). */
#include "cpu/aarch64/simd_vec.h"
#include "cpu/aarch64/fp_soft.h"

typedef uint64_t (*a64_ffn)(struct fpenv *e, int fmt, const struct a64_op *op,
			    uint64_t n, uint64_t m, uint64_t d);

#define FF(name) \
	static inline uint64_t f_##name(struct fpenv *e, int fmt, const struct a64_op *op, \
					uint64_t n, uint64_t m, uint64_t d)
#define SGN (fmt == FP_D ? 1ull << 63 : 1ull << 31)
#define ONES(c) ((c) ? ~0ull : 0)
/* fps_compare NZCV: 0110 equal, 1000 less, 0010 greater, 0011 unordered */
#define CMP(a, b, sig) fps_compare(e, fmt, a, b, sig)

FF(fadd) { return fps_add(e, fmt, n, m, 0); }
FF(fsub) { return fps_add(e, fmt, n, m, 1); }
FF(fmul) { return fps_mul(e, fmt, n, m); }
FF(fmulx) { return fps_mulx(e, fmt, n, m); }
FF(frecps) { return fps_recps(e, fmt, n, m); }
FF(frsqrts) { return fps_rsqrts(e, fmt, n, m); }
FF(fdiv) { return fps_div(e, fmt, n, m); }
FF(fmax) { return fps_minmax(e, fmt, n, m, 0); }
FF(fmin) { return fps_minmax(e, fmt, n, m, 1); }
FF(fmaxnm) { return fps_minmax(e, fmt, n, m, 2); }
FF(fminnm) { return fps_minmax(e, fmt, n, m, 3); }
FF(fabd) { return fps_add(e, fmt, n, m, 1) & ~SGN; }
FF(fmla) { return fps_muladd(e, fmt, d, n, m); }
FF(fmls) { return fps_muladd(e, fmt, d, n ^ SGN, m); }
FF(fcmeq) { return ONES(CMP(n, m, 0) == 6); }
FF(fcmge) { unsigned c = CMP(n, m, 1); return ONES(c == 6 || c == 2); }
FF(fcmgt) { return ONES(CMP(n, m, 1) == 2); }
FF(facge) { unsigned c = CMP(n & ~SGN, m & ~SGN, 1); return ONES(c == 6 || c == 2); }
FF(facgt) { return ONES(CMP(n & ~SGN, m & ~SGN, 1) == 2); }
/* two-register misc */
FF(fabs) { return n & ~SGN; }
FF(fneg) { return n ^ SGN; }
FF(fsqrt) { return fps_sqrt(e, fmt, n); }
FF(fcmeq0) { return ONES(CMP(n, 0, 0) == 6); }
FF(fcmge0) { unsigned c = CMP(n, 0, 1); return ONES(c == 6 || c == 2); }
FF(fcmgt0) { return ONES(CMP(n, 0, 1) == 2); }
FF(fcmle0) { unsigned c = CMP(n, 0, 1); return ONES(c == 6 || c == 8); }
FF(fcmlt0) { return ONES(CMP(n, 0, 1) == 8); }
FF(frint) { return fps_roundint(e, fmt, n, op->sh == 7 ? (int)FPCR_RMODE(e->fpcr) : op->sh, 0); }
FF(frintx) { return fps_roundint(e, fmt, n, (int)FPCR_RMODE(e->fpcr), 1); }
FF(frint32) { return fps_roundint_n(e, fmt, n, op->sh == 7 ? (int)FPCR_RMODE(e->fpcr) : op->sh, 32); }
FF(frint64) { return fps_roundint_n(e, fmt, n, op->sh == 7 ? (int)FPCR_RMODE(e->fpcr) : op->sh, 64); }
FF(fcvts) { return fps_to_fixed(e, fmt, n, 0, 0, fmt == FP_D, op->sh); }
FF(fcvtu) { return fps_to_fixed(e, fmt, n, 0, 1, fmt == FP_D, op->sh); }
FF(scvtf)
{
	uint64_t x = fmt == FP_D ? n : (uint64_t)(int64_t)(int32_t)n;
	return fps_from_fixed(e, fmt, x, 0, 0, (int)FPCR_RMODE(e->fpcr));
}
FF(ucvtf) { return fps_from_fixed(e, fmt, n, 0, 1, (int)FPCR_RMODE(e->fpcr)); }
FF(frecpe) { return fps_recpe(e, fmt, n); }
FF(frsqrte) { return fps_rsqrte(e, fmt, n); }
FF(urecpe) { return fps_urecpe((uint32_t)n); }
FF(ursqrte) { return fps_ursqrte((uint32_t)n); }
/* fixed point (shift by immediate space): imm = fbits */
FF(fcvtzs_fx) { return fps_to_fixed(e, fmt, n, (int)op->imm, 0, fmt == FP_D, FPR_ZERO); }
FF(fcvtzu_fx) { return fps_to_fixed(e, fmt, n, (int)op->imm, 1, fmt == FP_D, FPR_ZERO); }
FF(scvtf_fx)
{
	uint64_t x = fmt == FP_D ? n : (uint64_t)(int64_t)(int32_t)n;
	return fps_from_fixed(e, fmt, x, (int)op->imm, 0, (int)FPCR_RMODE(e->fpcr));
}
FF(ucvtf_fx) { return fps_from_fixed(e, fmt, n, (int)op->imm, 1, (int)FPCR_RMODE(e->fpcr)); }

/* Same-size elements, ES = 4 or 8. */
ALWAYS const struct a64_op *run_fp(struct a64_cpu *cpu, const struct a64_op *op,
				   unsigned es, a64_ffn fn, const union a64_vreg *vm)
{
	const union a64_vreg *vn = &VR(n), *vd = &VR(d);
	int fmt = es == 8 ? FP_D : FP_S;
	struct fpenv e = { cpu->fpcr, 0 };
	union a64_vreg r;
	r.q = 0;
	for (unsigned i = 0; i < op->c; i++)
		vp(&r, es, i, fn(&e, fmt, op, vg(vn, es, i), vg(vm, es, i), vg(vd, es, i)));
	cpu->fpsr |= e.exc;
	VR(d) = r;
	return op + 1;
}
/* Pairwise over m:n; c == 1 is the scalar form (the pair in n). */
ALWAYS const struct a64_op *run_fpair(struct a64_cpu *cpu, const struct a64_op *op,
				      unsigned es, a64_ffn fn)
{
	const union a64_vreg *src[2] = { &VR(n), &VR(m) };
	int fmt = es == 8 ? FP_D : FP_S;
	struct fpenv e = { cpu->fpcr, 0 };
	unsigned half = op->c / 2;
	union a64_vreg r;
	r.q = 0;
	if (op->c == 1) {
		vp(&r, es, 0, fn(&e, fmt, op, vg(src[0], es, 0), vg(src[0], es, 1), 0));
	} else {
		for (unsigned i = 0; i < op->c; i++) {
			const union a64_vreg *s = src[i >= half];
			unsigned j = 2 * (i % half);
			vp(&r, es, i, fn(&e, fmt, op, vg(s, es, j), vg(s, es, j + 1), 0));
		}
	}
	cpu->fpsr |= e.exc;
	VR(d) = r;
	return op + 1;
}

/* ---- host fast path for vector FADD/FSUB/FMUL/FDIV/FMLA/FMLS ----
 * The same contract as fp.c's scalar fast path: every lane's operands are
 * acceptable to the host (no NaN, no denormal under FZ), the packed host
 * operation runs under the guest rounding mode with exceptions masked, and
 * every lane's result must be normal, zero, infinite or NaN (a NaN result
 * from non-NaN operands is ARM's default NaN); otherwise the whole
 * instruction runs in software, which then produces every flag itself.
 * 64-bit vectors of singles fill the unused lanes with 1.0, which raises
 * nothing in any of these operations. */
enum { HV_ADD, HV_SUB, HV_MUL, HV_DIV, HV_FMLA, HV_FMLS };
typedef double hv_v2d __attribute__((vector_size(16)));
static const uint32_t hv_ctl[4] = { 0x1f80, 0x5f80, 0x3f80, 0x7f80 };
static int hv_have_fma = -1;

static inline uint32_t hv_needed(uint32_t fpsr)
{
	uint32_t have = (fpsr & FPSR_IOC) | ((fpsr & (FPSR_DZC | FPSR_OFC | FPSR_IXC)) << 1);
	return (~have & 0x2du) | 0x10u;
}

/* Lane acceptable as an operand.  D: 64-bit lanes, else 32-bit. */
ALWAYS int hv_ok_in(uint32_t fpcr, uint64_t x, int d)
{
	if (d) {
		uint64_t m = x << 1;
		return m <= 0xffe0000000000000ull &&
		       (!(fpcr & FPCR_FZ) || m == 0 || m >= 0x0020000000000000ull);
	}
	uint32_t m = (uint32_t)x << 1;
	return m <= 0xff000000u && (!(fpcr & FPCR_FZ) || m == 0 || m >= 0x01000000u);
}

/* MXCSR goes through cpu->mx, not stack temporaries, so that the
 * handlers stay tail-calling (NEXT, a64_int.h).  mx[0] = MXCSR before,
 * mx[1] after, mx[2] the control word to load, mx[3] the one to restore. */
#define HV_ASM(ins, ...) \
	__asm__ volatile("stmxcsr %[p]\n\t" ins "\n\tstmxcsr %[q]" \
			 : [p] "=m"(cpu->mx[0]), [q] "=m"(cpu->mx[1]), __VA_ARGS__)
#define HV_ASM_SLOW(ins, ...) \
	__asm__ volatile("ldmxcsr %[c]\n\t" ins "\n\tstmxcsr %[q]\n\tldmxcsr %[r]" \
			 : [q] "=m"(cpu->mx[1]), __VA_ARGS__)

/* One packed operation: X = X op Y (or Z = Z +- X*Y for FMA kinds). */
ALWAYS uint32_t hv_host(struct a64_cpu *cpu, int kind, int d, hv_v2d *x, hv_v2d y, hv_v2d *z)
{
	uint32_t ctl = hv_ctl[FPCR_RMODE(cpu->fpcr)];
	hv_v2d x0 = *x, z0 = *z;
/* FMA: 1 for the three-operand FMA forms, a literal so that the other
 * form's asm is never emitted (it would not assemble), even at -O0. */
#define HV_ONE(ins2, FMA)                                                                  \
	do {                                                                               \
		if (FMA) {                                                     \
			HV_ASM(ins2 " %[y], %[x], %[z]", [z] "+x"(z0) : [x] "x"(x0), [y] "x"(y)); \
		} else {                                                                   \
			HV_ASM(ins2 " %[y], %[x]", [x] "+x"(x0) : [y] "x"(y));               \
		}                                                                          \
		uint32_t pre = cpu->mx[0];                                                 \
		if (unlikely((pre & ~0x3fu) != ctl || (pre & hv_needed(cpu->fpsr)))) {     \
			cpu->mx[2] = ctl;                                                  \
			cpu->mx[3] = pre & ~0x3fu;                                         \
			x0 = *x;                                                           \
			z0 = *z;                                                           \
			if (FMA) {                                                         \
				HV_ASM_SLOW(ins2 " %[y], %[x], %[z]", [z] "+x"(z0)         \
					    : [x] "x"(x0), [y] "x"(y), [c] "m"(cpu->mx[2]), \
					      [r] "m"(cpu->mx[3]));                        \
			} else {                                                           \
				HV_ASM_SLOW(ins2 " %[y], %[x]", [x] "+x"(x0)               \
					    : [y] "x"(y), [c] "m"(cpu->mx[2]), [r] "m"(cpu->mx[3])); \
			}                                                                  \
		}                                                                          \
	} while (0)
	if (d) {
		switch (kind) {
		case HV_ADD: HV_ONE("addpd", 0); break;
		case HV_SUB: HV_ONE("subpd", 0); break;
		case HV_MUL: HV_ONE("mulpd", 0); break;
		case HV_DIV: HV_ONE("divpd", 0); break;
		case HV_FMLA: HV_ONE("vfmadd231pd", 1); break;
		default: HV_ONE("vfnmadd231pd", 1); break;
		}
	} else {
		switch (kind) {
		case HV_ADD: HV_ONE("addps", 0); break;
		case HV_SUB: HV_ONE("subps", 0); break;
		case HV_MUL: HV_ONE("mulps", 0); break;
		case HV_DIV: HV_ONE("divps", 0); break;
		case HV_FMLA: HV_ONE("vfmadd231ps", 1); break;
		default: HV_ONE("vfnmadd231ps", 1); break;
		}
	}
#undef HV_ONE
	*x = x0;
	*z = z0;
	return cpu->mx[1];
}

/* Quick form, no MXCSR access and no operand checks: under round-to-
 * nearest (the host MXCSR's control bits are the default inside a64_run,
 * see cpu.c) without FZ, with FPSR.IXC already set, an operation whose
 * every result lane is a normal number above the smallest had no NaN or
 * infinite operand and raised at most inexact (overflow, division by zero
 * and invalid give infinities or NaNs, underflow a tiny result), so FPSR
 * needs no update.  Any other result redoes the operation the long way;
 * unused lanes of 64-bit vectors are not looked at. */
ALWAYS int hv_quick(const struct a64_cpu *cpu)
{
	return (cpu->fpcr & (FPCR_FZ | (3u << 22))) == 0 && (cpu->fpsr & FPSR_IXC);
}
/* A lane whose result is not a normal number can still be exact and
 * flag-free: an add or subtract with a finite result (a sum that small is
 * exact, and only NaN or infinite operands give a NaN or infinity), a
 * product or FMLA/FMLS term that is zero because an operand is zero (the
 * result is then the addend or zero, exactly), a quotient of a zero
 * dividend.  Everything else (overflow, underflow, NaN) goes the long way. */
ALWAYS int hv_quick_odd(int kind, int finite, int zero, int xzero, int yzero)
{
	switch (kind) {
	case HV_ADD:
	case HV_SUB: return finite;
	case HV_DIV: return zero && xzero;
	case HV_MUL: return zero && (xzero || yzero);
	default: return finite && (xzero || yzero);
	}
}
ALWAYS int hv_quick_op(int kind, int d, unsigned n, hv_v2d x, hv_v2d y, hv_v2d z,
		       union a64_vreg *out)
{
	hv_v2d x0 = x;
	if (d) {
		switch (kind) {
		case HV_ADD: __asm__("addpd %1, %0" : "+x"(x) : "x"(y)); break;
		case HV_SUB: __asm__("subpd %1, %0" : "+x"(x) : "x"(y)); break;
		case HV_MUL: __asm__("mulpd %1, %0" : "+x"(x) : "x"(y)); break;
		case HV_DIV: __asm__("divpd %1, %0" : "+x"(x) : "x"(y)); break;
		case HV_FMLA: __asm__("vfmadd231pd %2, %1, %0" : "+x"(z) : "x"(x), "x"(y)); break;
		default: __asm__("vfnmadd231pd %2, %1, %0" : "+x"(z) : "x"(x), "x"(y)); break;
		}
	} else {
		switch (kind) {
		case HV_ADD: __asm__("addps %1, %0" : "+x"(x) : "x"(y)); break;
		case HV_SUB: __asm__("subps %1, %0" : "+x"(x) : "x"(y)); break;
		case HV_MUL: __asm__("mulps %1, %0" : "+x"(x) : "x"(y)); break;
		case HV_DIV: __asm__("divps %1, %0" : "+x"(x) : "x"(y)); break;
		case HV_FMLA: __asm__("vfmadd231ps %2, %1, %0" : "+x"(z) : "x"(x), "x"(y)); break;
		default: __asm__("vfnmadd231ps %2, %1, %0" : "+x"(z) : "x"(x), "x"(y)); break;
		}
	}
	union a64_vreg r, a, b;
	memcpy(&r, kind >= HV_FMLA ? (void *)&z : (void *)&x, 16);
	memcpy(&a, &x0, 16);
	memcpy(&b, &y, 16);
	int ok = 1;
	if (d) {
		for (unsigned i = 0; i < 2; i++) {
			uint64_t m = r.d[i] << 1;
			if (unlikely(!(m > 0x0020000000000000ull && m < 0xffe0000000000000ull)))
				ok &= hv_quick_odd(kind, m < 0xffe0000000000000ull, m == 0,
						   !(a.d[i] << 1), !(b.d[i] << 1));
		}
	} else {
		for (unsigned i = 0; i < n; i++) {
			uint32_t m = r.s[i] << 1;
			if (unlikely(!(m > 0x01000000u && m < 0xff000000u)))
				ok &= hv_quick_odd(kind, m < 0xff000000u, m == 0,
						   !(a.s[i] << 1), !(b.s[i] << 1));
		}
		if (n == 2)
			r.d[1] = 0;
	}
	if (!ok)
		return 0;
	*out = r;
	return 1;
}

/* 1 when done on the host; 0 to run the instruction in software. */
ALWAYS int hv_try(struct a64_cpu *cpu, const struct a64_op *op, int kind, unsigned es,
		  const union a64_vreg *vn, const union a64_vreg *vm)
{
	const int d = es == 8;
	const unsigned lanes = d ? 2 : 4;
	uint32_t fpcr = cpu->fpcr;
	if (kind >= HV_FMLA && unlikely(hv_have_fma <= 0))
		return 0;
	if (likely(hv_quick(cpu))) {
		hv_v2d qx, qy, qz = { 0, 0 };
		memcpy(&qx, vn, 16);
		memcpy(&qy, vm, 16);
		if (kind >= HV_FMLA)
			memcpy(&qz, &VR(d), 16);
		if (likely(hv_quick_op(kind, d, op->c, qx, qy, qz, &VR(d))))
			return 1;
	}
	union a64_vreg a = *vn, b = *vm, c = VR(d);
	if (!d && op->c == 2) {
		a.d[1] = b.d[1] = c.d[1] = 0x3f8000003f800000ull; /* 1.0f, 1.0f */
	}
	int ok = 1;
	for (unsigned i = 0; i < lanes; i++) {
		ok &= hv_ok_in(fpcr, vg(&a, es, i), d) & hv_ok_in(fpcr, vg(&b, es, i), d);
		if (kind >= HV_FMLA)
			ok &= hv_ok_in(fpcr, vg(&c, es, i), d);
	}
	if (!ok)
		return 0;
	hv_v2d x, y, z;
	memcpy(&x, &a, 16);
	memcpy(&y, &b, 16);
	memcpy(&z, &c, 16);
	uint32_t st = hv_host(cpu, kind, d, &x, y, &z);
	if (st & 0x10u)
		return 0; /* underflow: ARM detects tininess differently */
	union a64_vreg r;
	memcpy(&r, kind >= HV_FMLA ? (void *)&z : (void *)&x, 16);
	for (unsigned i = 0; i < op->c; i++) {
		uint64_t v = vg(&r, es, i);
		if (d) {
			uint64_t m = v << 1;
			if (m != 0 && m <= 0x0020000000000000ull)
				return 0;
			if (m > 0xffe0000000000000ull) {
				r.d[i] = 0x7ff8000000000000ull;
				st |= 1;
			}
		} else {
			uint32_t m = (uint32_t)v << 1;
			if (m != 0 && m <= 0x01000000u)
				return 0;
			if (m > 0xff000000u) {
				r.s[i] = 0x7fc00000u;
				st |= 1;
			}
		}
	}
	if (!d && op->c == 2)
		r.d[1] = 0;
	cpu->fpsr |= (st & 1) | ((st >> 1) & 0x16);
	VR(d) = r;
	return 1;
}

/* Handlers with a host fast path: the software fallback is a function of
 * its own, so that no fpenv escapes from the fast handler and its NEXT
 * stays a jump. */
#define GFH(name, es, kind)                                                       \
	static NOINLINE VH(op_##name##_##es##_sw)                                 \
	{                                                                         \
		return run_fp(cpu, op, es, f_##name, &VR(m));                     \
	}                                                                         \
	static VH(op_##name##_##es)                                               \
	{                                                                         \
		if (likely(hv_try(cpu, op, kind, es, &VR(n), &VR(m))))            \
			NEXT(op + 1);                                             \
		return op_##name##_##es##_sw(cpu, op);                            \
	}
#define GFHELEM(name, es, kind)                                                   \
	static NOINLINE VH(op_##name##_##es##_sw)                                 \
	{                                                                         \
		union a64_vreg t;                                                 \
		return run_fp(cpu, op, es, f_##name, bcast(&t, &VR(m), es, op->sh)); \
	}                                                                         \
	static VH(op_##name##_##es)                                               \
	{                                                                         \
		union a64_vreg t;                                                 \
		bcast(&t, &VR(m), es, op->sh);                                    \
		if (op->c > 1 && likely(hv_try(cpu, op, kind, es, &VR(n), &t)))   \
			NEXT(op + 1);                                             \
		return op_##name##_##es##_sw(cpu, op);                            \
	}

/* Pairwise add on the host: the pairs of m:n (of n alone for the scalar
 * form, c == 1) are unzipped into two operand vectors first. */
ALWAYS void hv_unzip(const struct a64_cpu *cpu, const struct a64_op *op, unsigned es,
		     union a64_vreg *a, union a64_vreg *b)
{
	const union a64_vreg *src[2] = { &VR(n), &VR(m) };
	unsigned half = op->c > 1 ? op->c / 2 : 1;
	a->q = b->q = 0;
	for (unsigned i = 0; i < op->c; i++) {
		const union a64_vreg *s = src[i >= half];
		unsigned j = 2 * (i % half);
		vp(a, es, i, vg(s, es, j));
		vp(b, es, i, vg(s, es, j + 1));
	}
}
#define GFHPAIR(name, es, kind)                                                   \
	static NOINLINE VH(op_##name##_##es##_sw)                                 \
	{                                                                         \
		return run_fpair(cpu, op, es, f_##name);                          \
	}                                                                         \
	static VH(op_##name##_##es)                                               \
	{                                                                         \
		union a64_vreg a, b;                                              \
		hv_unzip(cpu, op, es, &a, &b);                                    \
		if (likely(hv_try(cpu, op, kind, es, &a, &b)))                    \
			NEXT(op + 1);                                             \
		return op_##name##_##es##_sw(cpu, op);                            \
	}
#define FTABH(tab, gen, name, kind) \
	gen(name, 4, kind) gen(name, 8, kind) \
	static const a64_fn tab[2] = { op_##name##_4, op_##name##_8 };

#define GFP(name, es) \
	static VH(op_##name##_##es) { return run_fp(cpu, op, es, f_##name, &VR(m)); }
#define GFPAIR(name, es) \
	static VH(op_##name##_##es) { return run_fpair(cpu, op, es, f_##name); }
#define GFELEM(name, es)                                                          \
	static VH(op_##name##_##es)                                               \
	{                                                                         \
		union a64_vreg t;                                                 \
		return run_fp(cpu, op, es, f_##name, bcast(&t, &VR(m), es, op->sh)); \
	}
/* tables indexed by sz (0 single, 1 double) */
#define FTAB(tab, gen, name) \
	gen(name, 4) gen(name, 8) static const a64_fn tab[2] = { op_##name##_4, op_##name##_8 };

FTABH(t_fadd, GFH, fadd, HV_ADD)
FTABH(t_fsub, GFH, fsub, HV_SUB)
FTABH(t_fmul, GFH, fmul, HV_MUL)
FTABH(t_fdiv, GFH, fdiv, HV_DIV)
FTAB(t_fmax, GFP, fmax)
FTAB(t_fmin, GFP, fmin)
FTAB(t_fmaxnm, GFP, fmaxnm)
FTAB(t_fminnm, GFP, fminnm)
FTAB(t_fabd, GFP, fabd)
FTABH(t_fmla, GFH, fmla, HV_FMLA)
FTABH(t_fmls, GFH, fmls, HV_FMLS)
FTAB(t_fcmeq, GFP, fcmeq)
FTAB(t_fcmge, GFP, fcmge)
FTAB(t_fcmgt, GFP, fcmgt)
FTAB(t_facge, GFP, facge)
FTAB(t_facgt, GFP, facgt)
#define f_faddp f_fadd
#define f_fmaxp f_fmax
#define f_fminp f_fmin
#define f_fmaxnmp f_fmaxnm
#define f_fminnmp f_fminnm
FTABH(t_faddp, GFHPAIR, faddp, HV_ADD)
FTAB(t_fmaxp, GFPAIR, fmaxp)
FTAB(t_fminp, GFPAIR, fminp)
FTAB(t_fmaxnmp, GFPAIR, fmaxnmp)
FTAB(t_fminnmp, GFPAIR, fminnmp)
FTAB(t_fabs, GFP, fabs)
FTAB(t_fneg, GFP, fneg)
FTAB(t_fsqrt, GFP, fsqrt)
FTAB(t_fcmeq0, GFP, fcmeq0)
FTAB(t_fcmge0, GFP, fcmge0)
FTAB(t_fcmgt0, GFP, fcmgt0)
FTAB(t_fcmle0, GFP, fcmle0)
FTAB(t_fcmlt0, GFP, fcmlt0)
FTAB(t_frint, GFP, frint)
FTAB(t_frintx, GFP, frintx)
FTAB(t_frint32, GFP, frint32)
FTAB(t_frint64, GFP, frint64)
FTAB(t_fcvts, GFP, fcvts)
FTAB(t_fcvtu, GFP, fcvtu)
FTAB(t_scvtf, GFP, scvtf)
FTAB(t_ucvtf, GFP, ucvtf)
FTAB(t_fmulx, GFP, fmulx)
FTAB(t_frecps, GFP, frecps)
FTAB(t_frsqrts, GFP, frsqrts)
FTAB(t_frecpe, GFP, frecpe)
FTAB(t_frsqrte, GFP, frsqrte)
FTAB(t_fcvtzs_fx, GFP, fcvtzs_fx)
FTAB(t_fcvtzu_fx, GFP, fcvtzu_fx)
FTAB(t_scvtf_fx, GFP, scvtf_fx)
FTAB(t_ucvtf_fx, GFP, ucvtf_fx)
GFP(urecpe, 4)
GFP(ursqrte, 4)
#define f_fmul_x f_fmul
#define f_fmla_x f_fmla
#define f_fmls_x f_fmls
FTABH(t_fmul_x, GFHELEM, fmul_x, HV_MUL)
FTABH(t_fmla_x, GFHELEM, fmla_x, HV_FMLA)
FTABH(t_fmls_x, GFHELEM, fmls_x, HV_FMLS)
#define f_fmulx_x f_fmulx
FTAB(t_fmulx_x, GFELEM, fmulx_x)

/* ---- three same ---- */
int a64_simd_fp3same(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), a = bits(insn, 23, 23), sz = bits(insn, 22, 22);
	unsigned opc = bits(insn, 15, 11) - 0x18, q = bits(insn, 30, 30);
	/* [U][a][opcode - 0x18] */
	static const a64_fn *const tab[2][2][8] = {
		{ { t_fmaxnm, t_fmla, t_fadd, t_fmulx, t_fcmeq, NULL, t_fmax, t_frecps },
		  { t_fminnm, t_fmls, t_fsub, NULL, NULL, NULL, t_fmin, t_frsqrts } },
		{ { t_fmaxnmp, NULL, t_faddp, t_fmul, t_fcmge, t_facge, t_fmaxp, t_fdiv },
		  { t_fminnmp, NULL, t_fabd, NULL, t_fcmgt, t_facgt, t_fminp, NULL } },
	};
	const a64_fn *t = tab[u][a][opc];
	if (!t)
		return undef(op);
	if (scalar) { /* FABD, FCMEQ, FCMGE, FCMGT, FACGE, FACGT, FMULX, FRECPS, FRSQRTS */
		/* opcode 11111 with U = 1 is FDIV, which has no scalar form */
		if (!(opc == 4 || opc == 5 || (!u && opc == 7) || (u && a && opc == 2) ||
		      (!u && !a && opc == 3)))
			return undef(op);
		op->c = 1;
	} else {
		if (sz && !q)
			return undef(op);
		op->c = (uint8_t)((q ? 16 : 8) >> (2 + sz));
	}
	vregs3(op, insn);
	if (hv_have_fma < 0)
		hv_have_fma = __builtin_cpu_supports("fma") ? 1 : 0;
	op->fn = t[sz];
	return 0;
}

/* ---- two-register misc; FCVTL/FCVTN (between S and D only, and H<->S) ---- */
static VH(op_fcvtl)
{
	/* sz = 1: S -> D; 0: H -> S.  imm = source element offset */
	struct fpenv e = { cpu->fpcr, 0 };
	const union a64_vreg *vn = &VR(n);
	union a64_vreg r;
	r.q = 0;
	for (unsigned i = 0; i < op->c; i++) {
		if (op->sz)
			r.d[i] = fps_convert(&e, FP_S, FP_D, vn->s[i + op->imm]);
		else
			r.s[i] = (uint32_t)fps_convert(&e, FP_H, FP_S, vn->h[i + op->imm]);
	}
	cpu->fpsr |= e.exc;
	VR(d) = r;
	return op + 1;
}
static VH(op_fcvtn)
{
	/* sz = 1: D -> S; 0: S -> H.  f = "2" form (upper half, keep lower) */
	struct fpenv e = { cpu->fpcr, 0 };
	const union a64_vreg *vn = &VR(n);
	union a64_vreg r;
	r.q = 0;
	if (op->f)
		r.d[0] = VR(d).d[0];
	unsigned off = op->f ? op->c : 0;
	for (unsigned i = 0; i < op->c; i++) {
		if (op->sz)
			r.s[i + off] = (uint32_t)fps_convert(&e, FP_D, FP_S, vn->d[i]);
		else
			r.h[i + off] = (uint16_t)fps_convert(&e, FP_S, FP_H, vn->s[i]);
	}
	cpu->fpsr |= e.exc;
	VR(d) = r;
	return op + 1;
}

/* FCVTXN, FCVTXN2 (f), scalar FCVTXN (c = 1): D -> S rounding to odd */
static VH(op_fcvtxn)
{
	struct fpenv e = { cpu->fpcr, 0 };
	const union a64_vreg *vn = &VR(n);
	union a64_vreg r;
	r.q = 0;
	if (op->f)
		r.d[0] = VR(d).d[0];
	for (unsigned i = 0; i < op->c; i++)
		r.s[i + (op->f ? 2 : 0)] = (uint32_t)fps_convert_rm(&e, FP_D, FP_S, vn->d[i], FPR_ODD);
	cpu->fpsr |= e.exc;
	VR(d) = r;
	return op + 1;
}

int a64_simd_fp2misc(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), a = bits(insn, 23, 23), sz = bits(insn, 22, 22);
	unsigned opc = bits(insn, 16, 12), q = bits(insn, 30, 30);
	const a64_fn *t = NULL;
	int rmode = 7, conv = 0; /* 7: FPCR's rounding mode */
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = op->m = (uint8_t)bits(insn, 9, 5);
	if (!scalar && (opc == 0x16 || opc == 0x17) && !a && !u) {
		op->sz = (uint8_t)sz;
		op->c = (uint8_t)(sz ? 2 : 4);
		op->f = (uint8_t)q;
		op->imm = q ? op->c : 0;
		op->fn = opc == 0x16 ? op_fcvtn : op_fcvtl;
		return 0;
	}
	if (opc == 0x16 && u && !a) { /* FCVTXN (sz = 0: reserved) */
		if (!sz)
			return undef(op);
		op->c = (uint8_t)(scalar ? 1 : 2);
		op->f = (uint8_t)(scalar ? 0 : q);
		op->fn = op_fcvtxn;
		return 0;
	}
	switch (u << 6 | a << 5 | opc) {
	case 0x0c | 0x20: t = t_fcmgt0; break;
	case 0x0d | 0x20: t = t_fcmeq0; break;
	case 0x0e | 0x20: t = t_fcmlt0; break;
	case 0x0f | 0x20: t = t_fabs; break;
	case 0x0c | 0x60: t = t_fcmge0; break;
	case 0x0d | 0x60: t = t_fcmle0; break;
	case 0x0f | 0x60: t = t_fneg; break;
	case 0x1f | 0x60: t = t_fsqrt; break;
	case 0x18: t = t_frint; rmode = FPR_TIEEVEN; break;
	case 0x19: t = t_frint; rmode = FPR_NEGINF; break;
	case 0x18 | 0x20: t = t_frint; rmode = FPR_POSINF; break;
	case 0x19 | 0x20: t = t_frint; rmode = FPR_ZERO; break;
	case 0x18 | 0x40: t = t_frint; rmode = FPR_TIEAWAY; break;
	case 0x19 | 0x40: t = t_frintx; break;
	case 0x19 | 0x60: t = t_frint; break; /* FRINTI */
	case 0x1e: t = t_frint32; rmode = FPR_ZERO; break; /* FRINT32Z (FEAT_FRINTTS) */
	case 0x1e | 0x40: t = t_frint32; break;            /* FRINT32X */
	case 0x1f: t = t_frint64; rmode = FPR_ZERO; break; /* FRINT64Z */
	case 0x1f | 0x40: t = t_frint64; break;            /* FRINT64X */
	case 0x1a: t = t_fcvts; rmode = FPR_TIEEVEN; conv = 1; break;
	case 0x1b: t = t_fcvts; rmode = FPR_NEGINF; conv = 1; break;
	case 0x1c: t = t_fcvts; rmode = FPR_TIEAWAY; conv = 1; break;
	case 0x1a | 0x20: t = t_fcvts; rmode = FPR_POSINF; conv = 1; break;
	case 0x1b | 0x20: t = t_fcvts; rmode = FPR_ZERO; conv = 1; break;
	case 0x1a | 0x40: t = t_fcvtu; rmode = FPR_TIEEVEN; conv = 1; break;
	case 0x1b | 0x40: t = t_fcvtu; rmode = FPR_NEGINF; conv = 1; break;
	case 0x1c | 0x40: t = t_fcvtu; rmode = FPR_TIEAWAY; conv = 1; break;
	case 0x1a | 0x60: t = t_fcvtu; rmode = FPR_POSINF; conv = 1; break;
	case 0x1b | 0x60: t = t_fcvtu; rmode = FPR_ZERO; conv = 1; break;
	case 0x1d: t = t_scvtf; conv = 1; break;
	case 0x1d | 0x40: t = t_ucvtf; conv = 1; break;
	case 0x1d | 0x20: t = t_frecpe; conv = 1; break;  /* scalar: fp.c */
	case 0x1d | 0x60: t = t_frsqrte; conv = 1; break; /* scalar: fp.c */
	case 0x1c | 0x20: /* URECPE, URSQRTE: 2S/4S only */
	case 0x1c | 0x60:
		if (scalar || sz)
			return undef(op);
		op->c = (uint8_t)(q ? 4 : 2);
		op->fn = u ? op_ursqrte_4 : op_urecpe_4;
		return 0;
	}
	if (!t)
		return undef(op);
	if (scalar) { /* compares with zero and the conversions */
		if (!conv && !(opc >= 0x0c && opc <= 0x0e))
			return undef(op);
		op->c = 1;
	} else {
		if (sz && !q)
			return undef(op);
		op->c = (uint8_t)((q ? 16 : 8) >> (2 + sz));
	}
	op->sh = (uint8_t)rmode;
	op->fn = t[sz];
	return 0;
}

/* ---- across lanes: 4S only; reduction pairs (0,1) and (2,3) first ---- */
static VH(op_fp_across)
{
	struct fpenv e = { cpu->fpcr, 0 };
	const uint32_t *s = VR(n).s;
	int k = op->sh;
	uint64_t lo = fps_minmax(&e, FP_S, s[0], s[1], k);
	uint64_t hi = fps_minmax(&e, FP_S, s[2], s[3], k);
	uint64_t r = fps_minmax(&e, FP_S, lo, hi, k);
	cpu->fpsr |= e.exc;
	VR(d).d[0] = (uint32_t)r;
	VR(d).d[1] = 0;
	return op + 1;
}

/* Across lanes (vector) and pairwise (scalar) FP. */
int a64_simd_fpacross(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), a = bits(insn, 23, 23), sz = bits(insn, 22, 22);
	unsigned opc = bits(insn, 16, 12), q = bits(insn, 30, 30);
	op->d = op->m = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	if (scalar) { /* FMAXNMP, FADDP, FMAXP, FMINNMP, FMINP Sd/Dd, Vn.2S/2D */
		const a64_fn *t = NULL;
		if (!u)
			return a64_simd_fp16across(op, insn, 1); /* U=0: FP16, simd_fp16.c */
		switch (a << 5 | opc) {
		case 0x0c: t = t_fmaxnmp; break;
		case 0x0d: t = t_faddp; break;
		case 0x0f: t = t_fmaxp; break;
		case 0x2c: t = t_fminnmp; break;
		case 0x2f: t = t_fminp; break;
		}
		if (!t)
			return undef(op);
		op->c = 1;
		op->fn = t[sz];
		return 0;
	}
	if (!u)
		return a64_simd_fp16across(op, insn, 0); /* FP16: simd_fp16.c */
	if (sz || !q || (opc != 0x0c && opc != 0x0f))
		return undef(op); /* reserved forms */
	/* fps_minmax op: 0 FMAX, 1 FMIN, 2 FMAXNM, 3 FMINNM */
	op->sh = (uint8_t)((opc == 0x0c ? 2 : 0) + a);
	op->fn = op_fp_across;
	return 0;
}

/* ---- by element: FMLA, FMLS, FMUL ---- */
int a64_simd_fpelem(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), sz = bits(insn, 22, 22), opc = bits(insn, 15, 12);
	unsigned q = bits(insn, 30, 30), h = bits(insn, 11, 11), l = bits(insn, 21, 21);
	const a64_fn *t;
	if (!bits(insn, 23, 23))
		return a64_simd_fp16elem(op, insn, scalar); /* FP16, FCMLA: simd_fp16.c */
	if (u && opc != 0x9)
		return undef(op); /* FCMLA */
	switch (opc) {
	case 0x1: t = t_fmla_x; break;
	case 0x5: t = t_fmls_x; break;
	case 0x9: t = u ? t_fmulx_x : t_fmul_x; break;
	default: return undef(op);
	}
	if (sz && l)
		return undef(op);
	if (!scalar && sz && !q)
		return undef(op);
	vregs3(op, insn);
	op->sh = (uint8_t)(sz ? h : (h << 1 | l));
	op->c = (uint8_t)(scalar ? 1 : (q ? 16 : 8) >> (2 + sz));
	if (hv_have_fma < 0)
		hv_have_fma = __builtin_cpu_supports("fma") ? 1 : 0;
	op->fn = t[sz];
	return 0;
}

/* ---- SCVTF/UCVTF/FCVTZS/FCVTZU (vector and scalar, #fbits): the
 * shift-by-immediate space, opcode 0x1c / 0x1f; immh 1xxx double, 01xx
 * single, 001x half (simd_fp16.c); 0001 is reserved: UNDEF. */
int a64_simd_fpfixed(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), opc = bits(insn, 15, 11), q = bits(insn, 30, 30);
	unsigned immh = bits(insn, 22, 19), immhb = bits(insn, 22, 16);
	unsigned sz = immh >> 3;
	if (immh == 2 || immh == 3)
		return a64_simd_fp16fixed(op, insn, scalar); /* simd_fp16.c */
	if (immh < 4 || (!scalar && sz && !q))
		return undef(op);
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = op->m = (uint8_t)bits(insn, 9, 5);
	op->imm = (sz ? 128 : 64) - immhb;
	op->c = (uint8_t)(scalar ? 1 : (q ? 16 : 8) >> (2 + sz));
	if (opc == 0x1c)
		op->fn = (u ? t_ucvtf_fx : t_scvtf_fx)[sz];
	else
		op->fn = (u ? t_fcvtzu_fx : t_fcvtzs_fx)[sz];
	return 0;
}
