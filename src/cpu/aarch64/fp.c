/* Scalar floating point: FADD ... FMADD, FCMP/FCCMP/FCSEL, FCVT, int and
 * fixed-point conversions, FRINT*, FMOV (all forms), FRECPE/FRSQRTE/FRECPX/
 * FRECPS/FRSQRTS, for single and double precision; the FEAT_FP16 scalar
 * forms (half precision arithmetic, compares, selects, FRINT*, FMOV,
 * integer and fixed-point conversions), always in software; FCVT between
 * all three; FJCVTZS; FRINT32Z/X, FRINT64Z/X.
 *
 * Results are exact as the ARM ARM defines them (fp_soft.c).  The common
 * case runs on the host: the operation executes with MXCSR set explicitly
 * to the guest rounding mode (all exceptions masked, no FTZ/DAZ) and the
 * host's flags are read back.  x86 and ARM agree on IEEE results and
 * flags except for NaN results (x86 returns its own default NaN or picks
 * another operand), flush-to-zero, and tininess (x86 detects it after
 * rounding, ARM before), so NaN operands, denormal operands under FZ, and
 * results that underflow or lie at or below the smallest normal take the
 * software path instead. */
#include "cpu/aarch64/a64_int.h"
#include "cpu/aarch64/fp.h"
#include "cpu/aarch64/fp_soft.h"

#define H(name) static const struct a64_op *name(struct a64_cpu *cpu, const struct a64_op *op)
#define R(i) cpu->r[op->i]
#define V(i) cpu->v[op->i]

/* Op fields: f = format (FP_S/FP_D/FP_H), c = sub-operation, sh = rounding
 * mode or fixed-point fbits, sz = 1 for 64-bit integers, a = Ra, imm =
 * NZCV immediate / condition in imm2. */

static inline uint64_t rdf(const struct a64_cpu *cpu, unsigned reg, int fmt)
{
	const union a64_vreg *v = &cpu->v[reg];
	return fmt == FP_D ? v->d[0] : fmt == FP_S ? v->s[0] : v->h[0];
}
/* Scalar FP writes clear the rest of the vector register. */
static inline void wrf(struct a64_cpu *cpu, unsigned reg, uint64_t x)
{
	cpu->v[reg].d[0] = x;
	cpu->v[reg].d[1] = 0;
}
static inline struct fpenv env(const struct a64_cpu *cpu)
{
	struct fpenv e = { cpu->fpcr, 0 };
	return e;
}
static inline uint64_t sgnbit(int fmt)
{
	return fmt == FP_D ? 1ull << 63 : fmt == FP_S ? 1ull << 31 : 1ull << 15;
}

/* ---- host fast path ---- */
#define X86_IE 0x01u
#define X86_ZE 0x04u
#define X86_OE 0x08u
#define X86_UE 0x10u

/* MXCSR for each FPCR.RMode (RN, RP, RM, RZ): exceptions masked. */
static const uint32_t mx_ctl[4] = { 0x1f80, 0x5f80, 0x3f80, 0x7f80 };

/* Host flags the guest still needs to see: those whose FPSR bit is clear
 * (FPSR bits are sticky), plus UE, which sends the op to software. */
static inline uint32_t x86_needed(uint32_t fpsr)
{
	uint32_t have = (fpsr & FPSR_IOC) | ((fpsr & (FPSR_DZC | FPSR_OFC | FPSR_IXC)) << 1);
	return (~have & 0x2du) | X86_UE;
}

/* Runs INS ("op %b, %a", or "op %z, %b, %a") with the guest rounding mode
 * and sets ST to the host flags it raised.  Quick form: two stmxcsr around
 * the op, valid when the host MXCSR already holds the wanted control bits
 * and no flag the guest still needs is pending from before (stale flags
 * only map to FPSR bits already set).  Otherwise the explicit form loads
 * the control word with clear flags, runs the op again and restores the
 * host's control bits (its status flags are left clear: nothing in bsdemu
 * reads them). */
#define HOST_RUN(asmop, x, st, fpcr, fpsr, ...)                                        \
	do {                                                                           \
		__typeof__(x) x_ = (x);                                                \
		uint32_t ctl_ = mx_ctl[FPCR_RMODE(fpcr)];                               \
		__asm__ volatile("stmxcsr %[p]\n\t" asmop "\n\tstmxcsr %[q]"           \
				 : [a] "+x"(x_), [p] "=m"(cpu->mx[0]), [q] "=m"(cpu->mx[1]) \
				 : __VA_ARGS__);                                       \
		if (likely((cpu->mx[0] & ~0x3fu) == ctl_ && !(cpu->mx[0] & x86_needed(fpsr)))) { \
			(st) = cpu->mx[1];                                             \
			(x) = x_;                                                      \
		} else {                                                               \
			cpu->mx[2] = ctl_;                                             \
			cpu->mx[3] = cpu->mx[0] & ~0x3fu;                              \
			__asm__ volatile("ldmxcsr %[c]\n\t" asmop "\n\tstmxcsr %[q]\n\t"  \
					 "ldmxcsr %[r]"                                \
					 : [a] "+x"(x), [q] "=m"(cpu->mx[1])           \
					 : [c] "m"(cpu->mx[2]), [r] "m"(cpu->mx[3]), __VA_ARGS__);\
			(st) = cpu->mx[1];                                             \
		}                                                                      \
	} while (0)
#define HOSTOP(ins, x, y, fpcr, fpsr, st) \
	HOST_RUN(ins " %[b], %[a]", x, st, fpcr, fpsr, [b] "x"(y))
#define HOSTFMA(ins, x, y, z, fpcr, fpsr, st) \
	HOST_RUN(ins " %[z], %[b], %[a]", x, st, fpcr, fpsr, [b] "x"(y), [z] "x"(z))

/* Operand acceptable to the host: not a NaN, not a denormal under FZ. */
static inline int gate_d(uint32_t fpcr, uint64_t a)
{
	uint64_t m = a << 1;
	return m <= 0xffe0000000000000ull &&
	       (!(fpcr & FPCR_FZ) || m == 0 || m >= 0x0020000000000000ull);
}
static inline int gate_s(uint32_t fpcr, uint64_t a)
{
	uint32_t m = (uint32_t)a << 1;
	return m <= 0xff000000u && (!(fpcr & FPCR_FZ) || m == 0 || m >= 0x01000000u);
}

/* Accept a host result R with host flags ST: 0 sends the op to software. */
static inline int fin_d(struct a64_cpu *cpu, uint64_t *r, uint32_t st)
{
	uint64_t m = *r << 1;
	if ((st & X86_UE) || (m != 0 && m <= 0x0020000000000000ull))
		return 0;
	if (m > 0xffe0000000000000ull) { /* NaN: an invalid operation */
		*r = 0x7ff8000000000000ull;
		st |= X86_IE;
	}
	cpu->fpsr |= (st & 1) | ((st >> 1) & 0x16);
	return 1;
}
static inline int fin_s(struct a64_cpu *cpu, uint64_t *r, uint32_t st)
{
	uint32_t m = (uint32_t)*r << 1;
	if ((st & X86_UE) || (m != 0 && m <= 0x01000000u))
		return 0;
	if (m > 0xff000000u) {
		*r = 0x7fc00000u;
		st |= X86_IE;
	}
	cpu->fpsr |= (st & 1) | ((st >> 1) & 0x16);
	return 1;
}

/* Quick form, no MXCSR access and no operand checks (as in simd_fp.c):
 * round-to-nearest, whose control bits a64_run keeps in the host MXCSR,
 * no FZ, FPSR.IXC already set, and a result that is a normal number above
 * the smallest: then no operand was a NaN or infinity and the operation
 * raised at most inexact, so FPSR needs no update. */
static inline int quick(const struct a64_cpu *cpu)
{
	return (cpu->fpcr & (FPCR_FZ | (3u << 22))) == 0 && (cpu->fpsr & FPSR_IXC);
}
static inline int normal_d(uint64_t r)
{
	uint64_t m = r << 1;
	return m > 0x0020000000000000ull && m < 0xffe0000000000000ull;
}
static inline int normal_s(uint64_t r)
{
	uint32_t m = (uint32_t)r << 1;
	return m > 0x01000000u && m < 0xff000000u;
}

static inline double d_of(uint64_t x) { double d; memcpy(&d, &x, 8); return d; }
static inline uint64_t of_d(double d) { uint64_t x; memcpy(&x, &d, 8); return x; }
static inline float f_of(uint64_t x) { uint32_t t = (uint32_t)x; float f; memcpy(&f, &t, 4); return f; }
static inline uint64_t of_f(float f) { uint32_t x; memcpy(&x, &f, 4); return x; }

static int have_fma = -1;

/* ---- two-source arithmetic: c = opcode (0 FMUL 1 FDIV 2 FADD 3 FSUB
 * 4 FMAX 5 FMIN 6 FMAXNM 7 FMINNM 8 FNMUL) ---- */
static uint64_t dp2_soft(struct fpenv *e, int fmt, unsigned c, uint64_t a, uint64_t b)
{
	switch (c) {
	case 0: return fps_mul(e, fmt, a, b);
	case 1: return fps_div(e, fmt, a, b);
	case 2: return fps_add(e, fmt, a, b, 0);
	case 3: return fps_add(e, fmt, a, b, 1);
	case 8: return fps_mul(e, fmt, a, b) ^ sgnbit(fmt);
	default: return fps_minmax(e, fmt, a, b, (int)c - 4);
	}
}

H(op_dp2)
{
	struct fpenv e = env(cpu);
	uint64_t r = dp2_soft(&e, op->f, op->c, rdf(cpu, op->n, op->f), rdf(cpu, op->m, op->f));
	cpu->fpsr |= e.exc;
	wrf(cpu, op->d, r);
	return op + 1;
}

#define FAST2_D(name, ins, neg)                                                     \
	H(name)                                                                     \
	{                                                                           \
		uint32_t fpcr = cpu->fpcr, st;                                      \
		uint64_t a = V(n).d[0], b = V(m).d[0];                              \
		if (likely(quick(cpu))) {                                   \
			double q = d_of(a);                                       \
			__asm__(ins " %1, %0" : "+x"(q) : "x"(d_of(b)));          \
			uint64_t r = of_d(q);                               \
			if (likely(normal_d(r))) {                          \
				wrf(cpu, op->d, r ^ ((uint64_t)(neg) << 63)); \
				NEXT(op + 1);                              \
			}                                                   \
		}                                                           \
		if (likely(gate_d(fpcr, a) && gate_d(fpcr, b))) {                   \
			double x = d_of(a), y = d_of(b);                            \
			HOSTOP(ins, x, y, fpcr, cpu->fpsr, st);                                \
			uint64_t r = of_d(x);                                       \
			if (likely(fin_d(cpu, &r, st))) {                           \
				wrf(cpu, op->d, r ^ ((uint64_t)(neg) << 63));       \
				NEXT(op + 1);                                      \
			}                                                           \
		}                                                                   \
		return op_dp2(cpu, op);                                             \
	}
#define FAST2_S(name, ins, neg)                                                     \
	H(name)                                                                     \
	{                                                                           \
		uint32_t fpcr = cpu->fpcr, st;                                      \
		uint64_t a = V(n).s[0], b = V(m).s[0];                              \
		if (likely(quick(cpu))) {                                   \
			float q = f_of(a);                                        \
			__asm__(ins " %1, %0" : "+x"(q) : "x"(f_of(b)));          \
			uint64_t r = of_f(q);                               \
			if (likely(normal_s(r))) {                          \
				wrf(cpu, op->d, r ^ ((uint64_t)(neg) << 31)); \
				NEXT(op + 1);                              \
			}                                                   \
		}                                                           \
		if (likely(gate_s(fpcr, a) && gate_s(fpcr, b))) {                   \
			float x = f_of(a), y = f_of(b);                             \
			HOSTOP(ins, x, y, fpcr, cpu->fpsr, st);                                \
			uint64_t r = of_f(x);                                       \
			if (likely(fin_s(cpu, &r, st))) {                           \
				wrf(cpu, op->d, r ^ ((uint64_t)(neg) << 31));       \
				NEXT(op + 1);                                      \
			}                                                           \
		}                                                                   \
		return op_dp2(cpu, op);                                             \
	}
FAST2_D(op_fadd_d, "addsd", 0)
FAST2_D(op_fsub_d, "subsd", 0)
FAST2_D(op_fmul_d, "mulsd", 0)
FAST2_D(op_fdiv_d, "divsd", 0)
FAST2_D(op_fnmul_d, "mulsd", 1)
FAST2_S(op_fadd_s, "addss", 0)
FAST2_S(op_fsub_s, "subss", 0)
FAST2_S(op_fmul_s, "mulss", 0)
FAST2_S(op_fdiv_s, "divss", 0)
FAST2_S(op_fnmul_s, "mulss", 1)

/* Signed-integer key ordering non-NaN values (-0 and +0 equal). */
static inline int64_t fkey(uint64_t x, uint64_t sign)
{
	int64_t m = (int64_t)(x & (sign - 1));
	return (x & sign) ? -m : m;
}

/* FMAX/FMIN/FMAXNM/FMINNM without NaNs (or FZ denormals) are exact
 * selections; ±0 pairs give +0 for max, -0 for min. */
H(op_minmax)
{
	int fmt = op->f;
	uint32_t fpcr = cpu->fpcr;
	uint64_t a = rdf(cpu, op->n, fmt), b = rdf(cpu, op->m, fmt);
	int ok = fmt == FP_D ? gate_d(fpcr, a) && gate_d(fpcr, b)
			     : fmt == FP_S && gate_s(fpcr, a) && gate_s(fpcr, b);
	if (unlikely(!ok))
		return op_dp2(cpu, op);
	uint64_t sb = sgnbit(fmt), r;
	int64_t ka = fkey(a, sb), kb = fkey(b, sb);
	int ismin = op->c & 1;
	if (ka == kb)
		r = ismin ? a | b : a & b;
	else
		r = (ka > kb) ^ ismin ? a : b;
	wrf(cpu, op->d, r);
	NEXT(op + 1);
}

/* ---- three-source: FMADD FMSUB FNMADD FNMSUB; c bit0 = negate Rn,
 * bit1 = negate Ra ---- */
H(op_dp3)
{
	int fmt = op->f;
	uint64_t sb = sgnbit(fmt);
	uint64_t a = rdf(cpu, op->a, fmt) ^ ((op->c & 2) ? sb : 0);
	uint64_t n = rdf(cpu, op->n, fmt) ^ ((op->c & 1) ? sb : 0);
	struct fpenv e = env(cpu);
	uint64_t r = fps_muladd(&e, fmt, a, n, rdf(cpu, op->m, fmt));
	cpu->fpsr |= e.exc;
	wrf(cpu, op->d, r);
	return op + 1;
}

H(op_dp3_d)
{
	uint32_t fpcr = cpu->fpcr, st;
	uint64_t a = V(a).d[0] ^ ((uint64_t)(op->c & 2) << 62);
	uint64_t n = V(n).d[0] ^ ((uint64_t)(op->c & 1) << 63), m = V(m).d[0];
	if (likely(quick(cpu))) {
		double q = d_of(a);
		__asm__("vfmadd231sd %2, %1, %0" : "+x"(q) : "x"(d_of(n)), "x"(d_of(m)));
		uint64_t r = of_d(q);
		if (likely(normal_d(r))) {
			wrf(cpu, op->d, r);
			NEXT(op + 1);
		}
	}
	if (likely(gate_d(fpcr, a) && gate_d(fpcr, n) && gate_d(fpcr, m))) {
		double x = d_of(a), y = d_of(n), z = d_of(m);
		HOSTFMA("vfmadd231sd", x, y, z, fpcr, cpu->fpsr, st);
		uint64_t r = of_d(x);
		if (likely(fin_d(cpu, &r, st))) {
			wrf(cpu, op->d, r);
			NEXT(op + 1);
		}
	}
	return op_dp3(cpu, op);
}

H(op_dp3_s)
{
	uint32_t fpcr = cpu->fpcr, st;
	uint64_t a = V(a).s[0] ^ ((uint64_t)(op->c & 2) << 30);
	uint64_t n = V(n).s[0] ^ ((uint64_t)(op->c & 1) << 31), m = V(m).s[0];
	if (likely(quick(cpu))) {
		float q = f_of(a);
		__asm__("vfmadd231ss %2, %1, %0" : "+x"(q) : "x"(f_of(n)), "x"(f_of(m)));
		uint64_t r = of_f(q);
		if (likely(normal_s(r))) {
			wrf(cpu, op->d, r);
			NEXT(op + 1);
		}
	}
	if (likely(gate_s(fpcr, a) && gate_s(fpcr, n) && gate_s(fpcr, m))) {
		float x = f_of(a), y = f_of(n), z = f_of(m);
		HOSTFMA("vfmadd231ss", x, y, z, fpcr, cpu->fpsr, st);
		uint64_t r = of_f(x);
		if (likely(fin_s(cpu, &r, st))) {
			wrf(cpu, op->d, r);
			NEXT(op + 1);
		}
	}
	return op_dp3(cpu, op);
}

/* ---- one source ---- */
H(op_fmov_reg) { wrf(cpu, op->d, rdf(cpu, op->n, op->f)); NEXT(op + 1); }
H(op_fabs) { wrf(cpu, op->d, rdf(cpu, op->n, op->f) & ~sgnbit(op->f)); NEXT(op + 1); }
H(op_fneg) { wrf(cpu, op->d, rdf(cpu, op->n, op->f) ^ sgnbit(op->f)); NEXT(op + 1); }

H(op_fsqrt)
{
	struct fpenv e = env(cpu);
	uint64_t r = fps_sqrt(&e, op->f, rdf(cpu, op->n, op->f));
	cpu->fpsr |= e.exc;
	wrf(cpu, op->d, r);
	return op + 1;
}
H(op_fsqrt_d)
{
	uint32_t fpcr = cpu->fpcr, st;
	uint64_t a = V(n).d[0];
	if (likely(quick(cpu))) {
		/* A normal result raised at most inexact; a zero one came
		 * exactly from a zero. */
		double q;
		__asm__("sqrtsd %1, %0" : "=x"(q) : "x"(d_of(a)));
		uint64_t r = of_d(q);
		if (likely(normal_d(r) || !(r << 1))) {
			wrf(cpu, op->d, r);
			NEXT(op + 1);
		}
	}
	if (likely(gate_d(fpcr, a))) {
		double x = 0, y = d_of(a);
		HOSTOP("sqrtsd", x, y, fpcr, cpu->fpsr, st);
		uint64_t r = of_d(x);
		if (likely(fin_d(cpu, &r, st))) {
			wrf(cpu, op->d, r);
			NEXT(op + 1);
		}
	}
	return op_fsqrt(cpu, op);
}
H(op_fsqrt_s)
{
	uint32_t fpcr = cpu->fpcr, st;
	uint64_t a = V(n).s[0];
	if (likely(quick(cpu))) {
		/* A normal result raised at most inexact; a zero one came
		 * exactly from a zero. */
		float q;
		__asm__("sqrtss %1, %0" : "=x"(q) : "x"(f_of(a)));
		uint64_t r = of_f(q);
		if (likely(normal_s(r) || !(r << 33))) {
			wrf(cpu, op->d, r);
			NEXT(op + 1);
		}
	}
	if (likely(gate_s(fpcr, a))) {
		float x = 0, y = f_of(a);
		HOSTOP("sqrtss", x, y, fpcr, cpu->fpsr, st);
		uint64_t r = of_f(x);
		if (likely(fin_s(cpu, &r, st))) {
			wrf(cpu, op->d, r);
			NEXT(op + 1);
		}
	}
	return op_fsqrt(cpu, op);
}

/* FCVT: f = source format, c = destination format. */
H(op_fcvt)
{
	struct fpenv e = env(cpu);
	uint64_t r = fps_convert(&e, op->f, op->c, rdf(cpu, op->n, op->f));
	cpu->fpsr |= e.exc;
	wrf(cpu, op->d, r);
	return op + 1;
}
H(op_fcvt_sd)
{
	uint64_t a = V(n).s[0];
	if (likely(gate_s(cpu->fpcr, a))) {
		wrf(cpu, op->d, of_d((double)f_of(a))); /* exact */
		NEXT(op + 1);
	}
	return op_fcvt(cpu, op);
}
H(op_fcvt_ds)
{
	uint32_t fpcr = cpu->fpcr, st;
	uint64_t a = V(n).d[0];
	if (likely(gate_d(fpcr, a))) {
		float x = 0;
		double y = d_of(a);
		HOSTOP("cvtsd2ss", x, y, fpcr, cpu->fpsr, st);
		uint64_t r = of_f(x);
		if (likely(fin_s(cpu, &r, st))) {
			wrf(cpu, op->d, r);
			NEXT(op + 1);
		}
	}
	return op_fcvt(cpu, op);
}

/* FRINT*: sh = rounding mode (FPR_*), c = exact (FRINTX). */
H(op_frint)
{
	struct fpenv e = env(cpu);
	int rm = op->sh == 0xff ? (int)FPCR_RMODE(cpu->fpcr) : op->sh;
	uint64_t r = fps_roundint(&e, op->f, rdf(cpu, op->n, op->f), rm, op->c);
	cpu->fpsr |= e.exc;
	wrf(cpu, op->d, r);
	return op + 1;
}

/* FRINT32Z/X (a = 32), FRINT64Z/X (a = 64): sh = rounding mode or 0xff. */
H(op_frint_n)
{
	struct fpenv e = env(cpu);
	int rm = op->sh == 0xff ? (int)FPCR_RMODE(cpu->fpcr) : op->sh;
	uint64_t r = fps_roundint_n(&e, op->f, rdf(cpu, op->n, op->f), rm, op->a);
	cpu->fpsr |= e.exc;
	wrf(cpu, op->d, r);
	return op + 1;
}

/* FRECPE (c=0), FRSQRTE (1), FRECPX (2); FRECPS (3), FRSQRTS (4). */
H(op_recip)
{
	struct fpenv e = env(cpu);
	int fmt = op->f;
	uint64_t a = rdf(cpu, op->n, fmt), r;
	switch (op->c) {
	case 0: r = fps_recpe(&e, fmt, a); break;
	case 1: r = fps_rsqrte(&e, fmt, a); break;
	case 2: r = fps_recpx(&e, fmt, a); break;
	case 3: r = fps_recps(&e, fmt, a, rdf(cpu, op->m, fmt)); break;
	default: r = fps_rsqrts(&e, fmt, a, rdf(cpu, op->m, fmt)); break;
	}
	cpu->fpsr |= e.exc;
	wrf(cpu, op->d, r);
	return op + 1;
}

/* ---- compare, conditional compare, conditional select ---- */
static inline void set_nzcv4(struct a64_cpu *cpu, unsigned v)
{
	cpu->nf = (v & 8) ? 1ull << 63 : 0;
	cpu->zf = (v & 4) ? 0 : 1;
	cpu->cf = (v >> 1) & 1;
	cpu->vf = (v & 1) ? 1ull << 63 : 0;
}

/* c bit0 = FCMPE, bit1 = compare with +0.0 */
static unsigned fcmp(struct a64_cpu *cpu, const struct a64_op *op)
{
	int fmt = op->f;
	uint32_t fpcr = cpu->fpcr;
	uint64_t a = rdf(cpu, op->n, fmt), b = (op->c & 2) ? 0 : rdf(cpu, op->m, fmt);
	int ok = fmt == FP_D ? gate_d(fpcr, a) && gate_d(fpcr, b)
			     : fmt == FP_S && gate_s(fpcr, a) && gate_s(fpcr, b);
	if (likely(ok)) {
		uint64_t sb = sgnbit(fmt);
		int64_t ka = fkey(a, sb), kb = fkey(b, sb);
		return ka == kb ? 0x6 : ka < kb ? 0x8 : 0x2;
	}
	struct fpenv e = env(cpu);
	unsigned v = fps_compare(&e, fmt, a, b, op->c & 1);
	cpu->fpsr |= e.exc;
	return v;
}

H(op_fcmp) { set_nzcv4(cpu, fcmp(cpu, op)); NEXT(op + 1); }

/* FCCMP/FCCMPE: sh = condition, imm = nzcv if it fails. */
H(op_fccmp)
{
	set_nzcv4(cpu, cond_holds(cpu, op->sh) ? fcmp(cpu, op) : (unsigned)op->imm);
	NEXT(op + 1);
}

H(op_fcsel)
{
	wrf(cpu, op->d, rdf(cpu, cond_holds(cpu, op->sh) ? op->n : op->m, op->f));
	NEXT(op + 1);
}

H(op_fmov_imm) { wrf(cpu, op->d, op->imm); NEXT(op + 1); }

/* ---- FP <-> integer / fixed point ---- */
/* FCVT[NPMZA][SU]: sh = rounding mode, c bit0 = unsigned, a = fbits. */
H(op_fcvt_int)
{
	struct fpenv e = env(cpu);
	uint64_t r = fps_to_fixed(&e, op->f, rdf(cpu, op->n, op->f), op->a, op->c & 1, op->sz,
				  op->sh);
	cpu->fpsr |= e.exc;
	R(d) = r;
	return op + 1;
}
/* FCVTZS Xd/Wd, Dn: the in-range case is a host truncation. */
H(op_fcvtzs_d)
{
	double v = d_of(V(n).d[0]);
	double lim = op->sz ? 9223372036854775808.0 : 2147483648.0;
	if (likely(v > -lim && v < lim && gate_d(cpu->fpcr, V(n).d[0]))) {
		int64_t r = (int64_t)v;
		if ((double)r != v)
			cpu->fpsr |= FPSR_IXC;
		R(d) = op->sz ? (uint64_t)r : (uint32_t)r;
		NEXT(op + 1);
	}
	return op_fcvt_int(cpu, op);
}

/* SCVTF/UCVTF: c bit0 = unsigned, sz = 64-bit source, a = fbits. */
H(op_cvtf)
{
	struct fpenv e = env(cpu);
	uint64_t x = R(n);
	if (!op->sz)
		x = (op->c & 1) ? (uint32_t)x : (uint64_t)(int64_t)(int32_t)x;
	uint64_t r = fps_from_fixed(&e, op->f, x, op->a, op->c & 1, (int)FPCR_RMODE(e.fpcr));
	cpu->fpsr |= e.exc;
	wrf(cpu, op->d, r);
	return op + 1;
}
/* SCVTF Dd, Xn/Wn: exact below 2^53. */
H(op_scvtf_d)
{
	int64_t x = op->sz ? (int64_t)R(n) : (int64_t)(int32_t)R(n);
	if (likely((uint64_t)x + (1ull << 53) <= (1ull << 54))) {
		wrf(cpu, op->d, of_d((double)x));
		NEXT(op + 1);
	}
	return op_cvtf(cpu, op);
}

/* FJCVTZS Wd, Dn: NZCV = 0Z00. */
H(op_fjcvtzs)
{
	struct fpenv e = env(cpu);
	int z;
	uint32_t r = fps_to_int_js(&e, V(n).d[0], &z);
	cpu->fpsr |= e.exc;
	R(d) = r;
	set_nzcv4(cpu, z ? 4 : 0);
	return op + 1;
}

H(op_fmov_h_to_r) { R(d) = V(n).h[0]; NEXT(op + 1); }
H(op_fmov_r_to_h) { wrf(cpu, op->d, (uint16_t)R(n)); NEXT(op + 1); }
H(op_fmov_s_to_w) { R(d) = V(n).s[0]; NEXT(op + 1); }
H(op_fmov_d_to_x) { R(d) = V(n).d[0]; NEXT(op + 1); }
H(op_fmov_d1_to_x) { R(d) = V(n).d[1]; NEXT(op + 1); }
H(op_fmov_w_to_s) { wrf(cpu, op->d, (uint32_t)R(n)); NEXT(op + 1); }
H(op_fmov_x_to_d) { wrf(cpu, op->d, R(n)); NEXT(op + 1); }
H(op_fmov_x_to_d1) { V(d).d[1] = R(n); NEXT(op + 1); }

/* ---- decoding ---- */
static int fmt_of(unsigned type)
{
	return type == 0 ? FP_S : type == 1 ? FP_D : type == 3 ? FP_H : -1;
}

static uint64_t vfp_expand(unsigned imm8, int fmt)
{
	uint64_t a = imm8 >> 7, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3f;
	if (fmt == FP_D)
		return (a << 63) | ((b ^ 1) << 62) | (b ? 0xffull << 54 : 0) | (cdefgh << 48);
	if (fmt == FP_H)
		return (a << 15) | ((b ^ 1) << 14) | (b ? 3ull << 12 : 0) | (cdefgh << 6);
	return (a << 31) | ((b ^ 1) << 30) | (b ? 0x1full << 25 : 0) | (cdefgh << 19);
}

static int dec_fmov_gen(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, type = bits(insn, 23, 22), rmode = bits(insn, 20, 19);
	unsigned rn = bits(insn, 9, 5), rd = bits(insn, 4, 0);
	unsigned key = (sf << 4) | (type << 2) | rmode;
	if (bits(insn, 16, 16)) { /* opcode 7: from general */
		op->n = rx_zr(rn);
		op->d = (uint8_t)rd;
		switch (key) {
		case 0x00: op->fn = op_fmov_w_to_s; return 0;
		case 0x14: op->fn = op_fmov_x_to_d; return 0;
		case 0x19: op->fn = op_fmov_x_to_d1; return 0;
		case 0x0c: case 0x1c: op->fn = op_fmov_r_to_h; return 0;
		}
	} else {
		op->n = (uint8_t)rn;
		op->d = wx_zr(rd);
		switch (key) {
		case 0x00: op->fn = op_fmov_s_to_w; return 0;
		case 0x14: op->fn = op_fmov_d_to_x; return 0;
		case 0x19: op->fn = op_fmov_d1_to_x; return 0;
		case 0x0c: case 0x1c: op->fn = op_fmov_h_to_r; return 0;
		case 0x07: /* FJCVTZS (FEAT_JSCVT) */
			if (bits(insn, 18, 16) != 6)
				break;
			op->fn = op_fjcvtzs;
			return 0;
		}
	}
	return undef(op);
}

/* Conversion between FP and integer / fixed point (bit 21 = 0: fixed). */
static int dec_conv(struct a64_op *op, uint32_t insn)
{
	static const uint8_t rm_of[4] = { FPR_TIEEVEN, FPR_POSINF, FPR_NEGINF, FPR_ZERO };
	unsigned sf = insn >> 31, rmode = bits(insn, 20, 19), opcode = bits(insn, 18, 16);
	int fixed = !bits(insn, 21, 21), fmt = fmt_of(bits(insn, 23, 22));
	unsigned fbits = 0;
	if (fixed) {
		unsigned scale = bits(insn, 15, 10);
		if (!sf && scale < 32)
			return undef(op);
		fbits = 64 - scale;
		if (opcode > 3 || (opcode < 2 ? rmode != 3 : rmode != 0))
			return undef(op);
	} else if (bits(insn, 15, 10)) {
		return undef(op);
	}
	if (!fixed && opcode >= 6)
		return dec_fmov_gen(op, insn);
	if (fmt < 0)
		return undef(op);
	op->f = (uint8_t)fmt;
	op->sz = (uint8_t)sf;
	op->a = (uint8_t)fbits;
	op->c = opcode & 1;
	if (opcode == 2 || opcode == 3) { /* SCVTF, UCVTF */
		if (rmode)
			return undef(op);
		op->d = (uint8_t)bits(insn, 4, 0);
		op->n = rx_zr(bits(insn, 9, 5));
		op->fn = opcode == 2 && fmt == FP_D && !fbits ? op_scvtf_d : op_cvtf;
		return 0;
	}
	op->d = wx_zr(bits(insn, 4, 0));
	op->n = (uint8_t)bits(insn, 9, 5);
	if (opcode <= 1) {
		op->sh = rm_of[rmode];
	} else if (rmode == 0) { /* 4, 5: FCVTAS, FCVTAU */
		op->sh = FPR_TIEAWAY;
	} else {
		return undef(op);
	}
	op->fn = opcode == 0 && rmode == 3 && fmt == FP_D && !fbits ? op_fcvtzs_d : op_fcvt_int;
	return 0;
}

static int dec_dp1(struct a64_op *op, uint32_t insn)
{
	static const uint8_t frint_rm[8] = { FPR_TIEEVEN, FPR_POSINF, FPR_NEGINF, FPR_ZERO,
					     FPR_TIEAWAY, 0, 0xff, 0xff };
	unsigned type = bits(insn, 23, 22), opc = bits(insn, 20, 15);
	int fmt = type == 3 ? FP_H : fmt_of(type);
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	if (fmt < 0 || (insn >> 31))
		return undef(op);
	op->f = (uint8_t)fmt;
	if ((opc & 0x3c) == 0x04) { /* FCVT: opc<1:0> = destination type */
		int to = (opc & 3) == 3 ? FP_H : fmt_of(opc & 3);
		if (to < 0 || to == fmt)
			return undef(op);
		op->c = (uint8_t)to;
		op->fn = fmt == FP_S && to == FP_D ? op_fcvt_sd : fmt == FP_D && to == FP_S ? op_fcvt_ds
										: op_fcvt;
		return 0;
	}
	if ((opc & 0x3c) == 0x10) { /* FRINT32Z/X, FRINT64Z/X (FEAT_FRINTTS) */
		if (fmt == FP_H)
			return undef(op);
		op->sh = (opc & 1) ? 0xff : FPR_ZERO;
		op->a = (opc & 2) ? 64 : 32;
		op->fn = op_frint_n;
		return 0;
	}
	switch (opc) {
	case 0: op->fn = op_fmov_reg; return 0;
	case 1: op->fn = op_fabs; return 0;
	case 2: op->fn = op_fneg; return 0;
	case 3: op->fn = fmt == FP_D ? op_fsqrt_d : fmt == FP_S ? op_fsqrt_s : op_fsqrt; return 0;
	case 8: case 9: case 10: case 11: case 12: case 14: case 15:
		op->sh = frint_rm[opc - 8];
		op->c = opc == 14; /* FRINTX */
		op->fn = op_frint;
		return 0;
	}
	return undef(op);
}

static int dec_dp2(struct a64_op *op, uint32_t insn, int fmt)
{
	static const a64_fn fast_d[9] = { op_fmul_d, op_fdiv_d, op_fadd_d, op_fsub_d, op_minmax,
					  op_minmax, op_minmax, op_minmax, op_fnmul_d };
	static const a64_fn fast_s[9] = { op_fmul_s, op_fdiv_s, op_fadd_s, op_fsub_s, op_minmax,
					  op_minmax, op_minmax, op_minmax, op_fnmul_s };
	unsigned opc = bits(insn, 15, 12);
	if (opc > 8)
		return undef(op);
	op->c = (uint8_t)opc;
	op->fn = fmt == FP_D ? fast_d[opc] : fmt == FP_S ? fast_s[opc] : op_dp2;
	return 0;
}

static int dec_fp_scalar(struct a64_op *op, uint32_t insn)
{
	unsigned type = bits(insn, 23, 22);
	int fmt = fmt_of(type);
	if (bits(insn, 15, 10) == 0 || !bits(insn, 21, 21))
		return dec_conv(op, insn);
	if (bits(insn, 14, 10) == 0x10)
		return dec_dp1(op, insn);
	if ((insn >> 31) || fmt < 0)
		return undef(op);
	op->f = (uint8_t)fmt;
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	op->m = (uint8_t)bits(insn, 20, 16);
	switch (bits(insn, 11, 10)) {
	case 1: /* FCCMP, FCCMPE */
		op->sh = (uint8_t)bits(insn, 15, 12);
		op->c = (uint8_t)bits(insn, 4, 4);
		op->imm = bits(insn, 3, 0);
		op->fn = op_fccmp;
		return 0;
	case 2:
		return dec_dp2(op, insn, fmt);
	case 3: /* FCSEL */
		op->sh = (uint8_t)bits(insn, 15, 12);
		op->fn = op_fcsel;
		return 0;
	}
	if (bits(insn, 12, 10) == 4) { /* FMOV (scalar, immediate) */
		if (bits(insn, 9, 5))
			return undef(op);
		op->imm = vfp_expand(bits(insn, 20, 13), fmt);
		op->fn = op_fmov_imm;
		return 0;
	}
	if (bits(insn, 13, 10) == 8) { /* FCMP, FCMPE */
		unsigned opc2 = bits(insn, 4, 0);
		if (bits(insn, 15, 14) || (opc2 & 7))
			return undef(op);
		op->c = (uint8_t)(((opc2 >> 4) & 1) | ((opc2 >> 2) & 2)); /* bit0 E, bit1 #0.0 */
		op->fn = op_fcmp;
		return 0;
	}
	return undef(op);
}

static int dec_dp3(struct a64_op *op, uint32_t insn)
{
	int fmt = fmt_of(bits(insn, 23, 22));
	if ((insn >> 31) || fmt < 0)
		return undef(op);
	unsigned o1 = bits(insn, 21, 21), o0 = bits(insn, 15, 15);
	op->f = (uint8_t)fmt;
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	op->m = (uint8_t)bits(insn, 20, 16);
	op->a = (uint8_t)bits(insn, 14, 10);
	/* FMSUB negates Rn, FNMADD Rn and Ra, FNMSUB Ra. */
	op->c = (uint8_t)(((o0 ^ o1) ? 1 : 0) | (o1 ? 2 : 0));
	if (have_fma < 0)
		have_fma = __builtin_cpu_supports("fma") ? 1 : 0;
	op->fn = !have_fma || fmt == FP_H ? op_dp3 : fmt == FP_D ? op_dp3_d : op_dp3_s;
	return 0;
}

static int dec_recip(struct a64_op *op, uint32_t insn)
{
	op->f = bits(insn, 22, 22) ? FP_D : FP_S;
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	op->m = (uint8_t)bits(insn, 20, 16);
	if ((insn & 0xffa0fc00) == 0x5e20fc00)
		op->c = 3;
	else if ((insn & 0xffa0fc00) == 0x5ea0fc00)
		op->c = 4;
	else if ((insn & 0xffbffc00) == 0x5ea1d800)
		op->c = 0;
	else if ((insn & 0xffbffc00) == 0x7ea1d800)
		op->c = 1;
	else
		op->c = 2;
	op->fn = op_recip;
	return 0;
}

int a64_decode_fp(struct a64_op *op, uint32_t insn)
{
	if ((insn & 0x7f000000) == 0x1f000000)
		return dec_dp3(op, insn);
	if ((insn & 0x7f000000) == 0x1e000000)
		return dec_fp_scalar(op, insn);
	if (a64_fp_class(insn))
		return dec_recip(op, insn);
	return undef(op);
}
