/* Advanced SIMD half precision (FEAT_FP16's vector half, "ASIMDHP"),
 * vector 4H/8H and scalar Hd forms: three same (FP16), two-register misc
 * (FP16) incl. the scalar FRECPX, across lanes (FMAXV ... 4H/8H) and
 * scalar pairwise (FADDP ... Hd, Vn.2H), by element (FMLA, FMLS, FMUL,
 * FMULX; index H:L:M, Vm in V0-V15), the fixed-point conversions of the
 * shift-by-immediate space (immh = 001x) and FMOV (vector, immediate).
 * simd_fp.c, simd.c and simd_int.c route these encodings here.
 *
 * As in simd_fp.c every element goes through the exact software FP of
 * fp_soft.c (format FP_H) under the current FPCR: FZ16 flushes half
 * precision (without IDC), DN, RMode; AHP does not apply to arithmetic.
 * Exceptions accumulate into FPSR.  FHM (FMLAL/FMLSL) and FCMA (FCMLA/
 * FCADD) are not offered: those encodings stay UNDEF.
 *
 * Op fields (simd_vec.h): d, n, m registers; c = element count (1 for the
 * scalar forms, whose result zeroes the rest of the register); sh =
 * element index (by element), rounding mode (conversions and FRINT*; 7 =
 * FPCR's) or min/max kind (across lanes); imm = fbits (fixed point, 0
 * for the plain conversions). */
#include "cpu/aarch64/simd_vec.h"
#include "cpu/aarch64/fp_soft.h"

#define HSGN 0x8000u
#define RM_FPCR 7

typedef uint64_t (*a64_hfn)(struct fpenv *e, const struct a64_op *op, uint64_t n, uint64_t m,
			    uint64_t d);

#define HF(name)                                                                           \
	static inline uint64_t h_##name(struct fpenv *e, const struct a64_op *op, uint64_t n, \
					uint64_t m, uint64_t d)
#define ONES(c) ((c) ? 0xffffu : 0)
/* fps_compare NZCV: 0110 equal, 1000 less, 0010 greater, 0011 unordered */
#define CMP(a, b, sig) fps_compare(e, FP_H, a, b, sig)

static inline int rmode(const struct fpenv *e, const struct a64_op *op)
{
	return op->sh == RM_FPCR ? (int)FPCR_RMODE(e->fpcr) : op->sh;
}

/* three same */
HF(fadd) { return fps_add(e, FP_H, n, m, 0); }
HF(fsub) { return fps_add(e, FP_H, n, m, 1); }
HF(fmul) { return fps_mul(e, FP_H, n, m); }
HF(fmulx) { return fps_mulx(e, FP_H, n, m); }
HF(fdiv) { return fps_div(e, FP_H, n, m); }
HF(fmax) { return fps_minmax(e, FP_H, n, m, 0); }
HF(fmin) { return fps_minmax(e, FP_H, n, m, 1); }
HF(fmaxnm) { return fps_minmax(e, FP_H, n, m, 2); }
HF(fminnm) { return fps_minmax(e, FP_H, n, m, 3); }
HF(fabd) { return fps_add(e, FP_H, n, m, 1) & ~HSGN; }
HF(fmla) { return fps_muladd(e, FP_H, d, n, m); }
HF(fmls) { return fps_muladd(e, FP_H, d, n ^ HSGN, m); }
HF(frecps) { return fps_recps(e, FP_H, n, m); }
HF(frsqrts) { return fps_rsqrts(e, FP_H, n, m); }
HF(fcmeq) { return ONES(CMP(n, m, 0) == 6); }
HF(fcmge) { unsigned c = CMP(n, m, 1); return ONES(c == 6 || c == 2); }
HF(fcmgt) { return ONES(CMP(n, m, 1) == 2); }
HF(facge) { unsigned c = CMP(n & ~HSGN, m & ~HSGN, 1); return ONES(c == 6 || c == 2); }
HF(facgt) { return ONES(CMP(n & ~HSGN, m & ~HSGN, 1) == 2); }
/* two-register misc (FABS/FNEG touch only the sign, NaNs included) */
HF(fabs) { return n & ~HSGN; }
HF(fneg) { return n ^ HSGN; }
HF(fsqrt) { return fps_sqrt(e, FP_H, n); }
HF(fcmeq0) { return ONES(CMP(n, 0, 0) == 6); }
HF(fcmge0) { unsigned c = CMP(n, 0, 1); return ONES(c == 6 || c == 2); }
HF(fcmgt0) { return ONES(CMP(n, 0, 1) == 2); }
HF(fcmle0) { unsigned c = CMP(n, 0, 1); return ONES(c == 6 || c == 8); }
HF(fcmlt0) { return ONES(CMP(n, 0, 1) == 8); }
HF(frint) { return fps_roundint(e, FP_H, n, rmode(e, op), 0); }
HF(frintx) { return fps_roundint(e, FP_H, n, rmode(e, op), 1); }
HF(frecpe) { return fps_recpe(e, FP_H, n); }
HF(frsqrte) { return fps_rsqrte(e, FP_H, n); }
HF(frecpx) { return fps_recpx(e, FP_H, n); }
/* conversions to and from 16-bit integers, imm = fbits */
HF(fcvts) { return fps_to_fixed_n(e, FP_H, n, (int)op->imm, 0, 16, rmode(e, op)); }
HF(fcvtu) { return fps_to_fixed_n(e, FP_H, n, (int)op->imm, 1, 16, rmode(e, op)); }
HF(scvtf)
{
	return fps_from_fixed(e, FP_H, (uint64_t)(int64_t)(int16_t)n, (int)op->imm, 0,
			      (int)FPCR_RMODE(e->fpcr));
}
HF(ucvtf) { return fps_from_fixed(e, FP_H, n, (int)op->imm, 1, (int)FPCR_RMODE(e->fpcr)); }

/* ---- runners ---- */

/* d[i] = fn(n[i], m[i], d[i]) for i < c; the rest of Vd is zeroed. */
ALWAYS const struct a64_op *run_h(struct a64_cpu *cpu, const struct a64_op *op, a64_hfn fn,
				  const union a64_vreg *vm)
{
	const union a64_vreg *vn = &VR(n), *vd = &VR(d);
	struct fpenv e = { cpu->fpcr, 0 };
	union a64_vreg r;
	r.q = 0;
	for (unsigned i = 0; i < op->c; i++)
		r.h[i] = (uint16_t)fn(&e, op, vn->h[i], vm->h[i], vd->h[i]);
	cpu->fpsr |= e.exc;
	VR(d) = r;
	return op + 1;
}

/* Pairwise over the concatenation m:n; c == 1 is the scalar form (the
 * pair n[0], n[1]). */
ALWAYS const struct a64_op *run_hpair(struct a64_cpu *cpu, const struct a64_op *op, a64_hfn fn)
{
	const union a64_vreg *src[2] = { &VR(n), &VR(m) };
	struct fpenv e = { cpu->fpcr, 0 };
	unsigned half = op->c / 2;
	union a64_vreg r;
	r.q = 0;
	if (op->c == 1) {
		r.h[0] = (uint16_t)fn(&e, op, src[0]->h[0], src[0]->h[1], 0);
	} else {
		for (unsigned i = 0; i < op->c; i++) {
			const union a64_vreg *s = src[i >= half];
			unsigned j = 2 * (i % half);
			r.h[i] = (uint16_t)fn(&e, op, s->h[j], s->h[j + 1], 0);
		}
	}
	cpu->fpsr |= e.exc;
	VR(d) = r;
	return op + 1;
}

#define GH(name) \
	static VH(op_h_##name) { return run_h(cpu, op, h_##name, &VR(m)); }
#define GHPAIR(name) \
	static VH(op_h_##name##p) { return run_hpair(cpu, op, h_##name); }
/* by element: m is element sh of Vm */
#define GHELEM(name)                                                           \
	static VH(op_h_##name##_x)                                             \
	{                                                                      \
		union a64_vreg t;                                              \
		return run_h(cpu, op, h_##name, bcast(&t, &VR(m), 2, op->sh)); \
	}

GH(fadd) GH(fsub) GH(fmul) GH(fmulx) GH(fdiv)
GH(fmax) GH(fmin) GH(fmaxnm) GH(fminnm) GH(fabd)
GH(fmla) GH(fmls) GH(frecps) GH(frsqrts)
GH(fcmeq) GH(fcmge) GH(fcmgt) GH(facge) GH(facgt)
GH(fabs) GH(fneg) GH(fsqrt)
GH(fcmeq0) GH(fcmge0) GH(fcmgt0) GH(fcmle0) GH(fcmlt0)
GH(frint) GH(frintx) GH(frecpe) GH(frsqrte) GH(frecpx)
GH(fcvts) GH(fcvtu) GH(scvtf) GH(ucvtf)
GHPAIR(fadd) GHPAIR(fmax) GHPAIR(fmin) GHPAIR(fmaxnm) GHPAIR(fminnm)
GHELEM(fmla) GHELEM(fmls) GHELEM(fmul) GHELEM(fmulx)

/* Across lanes: Reduce() halves the vector recursively and combines
 * lo with hi, i.e. pairs (0,1) (2,3) ... first.  sh = fps_minmax kind. */
static VH(op_h_across)
{
	struct fpenv e = { cpu->fpcr, 0 };
	uint64_t x[8];
	unsigned c = op->c;
	for (unsigned i = 0; i < c; i++)
		x[i] = VR(n).h[i];
	for (; c > 1; c /= 2)
		for (unsigned i = 0; i < c / 2; i++)
			x[i] = fps_minmax(&e, FP_H, x[2 * i], x[2 * i + 1], op->sh);
	cpu->fpsr |= e.exc;
	VR(d).d[0] = x[0];
	VR(d).d[1] = 0;
	return op + 1;
}

/* ---- decoders ---- */

static inline int hcount(uint32_t insn, int scalar)
{
	return scalar ? 1 : bits(insn, 30, 30) ? 8 : 4;
}

/* Advanced SIMD (scalar) three same FP16: 0 Q U 01110 a 10 Rm 00 opcode 1
 * Rn Rd (scalar: 01 U 11110 ...). */
int a64_simd_fp16same(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), a = bits(insn, 23, 23), opc = bits(insn, 13, 11);
	/* [U][a][opcode], the single/double table of simd_fp.c */
	static const a64_fn tab[2][2][8] = {
		{ { op_h_fmaxnm, op_h_fmla, op_h_fadd, op_h_fmulx, op_h_fcmeq, NULL, op_h_fmax,
		    op_h_frecps },
		  { op_h_fminnm, op_h_fmls, op_h_fsub, NULL, NULL, NULL, op_h_fmin, op_h_frsqrts } },
		{ { op_h_fmaxnmp, NULL, op_h_faddp, op_h_fmul, op_h_fcmge, op_h_facge, op_h_fmaxp,
		    op_h_fdiv },
		  { op_h_fminnmp, NULL, op_h_fabd, NULL, op_h_fcmgt, op_h_facgt, op_h_fminp, NULL } },
	};
	/* scalar forms, opcode bits per [U][a]: FMULX FCMEQ FRECPS; FRSQRTS;
	 * FCMGE FACGE; FABD FCMGT FACGT */
	static const uint8_t scalar_ok[2][2] = { { 0x98, 0x80 }, { 0x30, 0x34 } };
	a64_fn fn = tab[u][a][opc];
	if (!fn || (scalar && !((scalar_ok[u][a] >> opc) & 1)))
		return undef(op);
	vregs3(op, insn);
	op->c = (uint8_t)hcount(insn, scalar);
	op->fn = fn;
	return 0;
}

/* Advanced SIMD (scalar) two-register misc FP16: 0 Q U 01110 a 111100
 * opcode 10 Rn Rd (scalar: 01 U 11110 ...).  The caller matched bits
 * 21:17 = 11100 and 11:10 = 10. */
int a64_simd_fp16misc(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), a = bits(insn, 23, 23), opc = bits(insn, 16, 12);
	a64_fn fn = NULL;
	int rm = RM_FPCR, vec_only = 0, scalar_only = 0;
	if (!bits(insn, 22, 22))
		return undef(op);
	switch (u << 6 | a << 5 | opc) {
	case 0x0c | 0x20: fn = op_h_fcmgt0; break;
	case 0x0d | 0x20: fn = op_h_fcmeq0; break;
	case 0x0e | 0x20: fn = op_h_fcmlt0; break;
	case 0x0c | 0x60: fn = op_h_fcmge0; break;
	case 0x0d | 0x60: fn = op_h_fcmle0; break;
	case 0x0f | 0x20: fn = op_h_fabs; vec_only = 1; break;
	case 0x0f | 0x60: fn = op_h_fneg; vec_only = 1; break;
	case 0x1f | 0x60: fn = op_h_fsqrt; vec_only = 1; break;
	case 0x18: fn = op_h_frint; rm = FPR_TIEEVEN; vec_only = 1; break;
	case 0x19: fn = op_h_frint; rm = FPR_NEGINF; vec_only = 1; break;
	case 0x18 | 0x20: fn = op_h_frint; rm = FPR_POSINF; vec_only = 1; break;
	case 0x19 | 0x20: fn = op_h_frint; rm = FPR_ZERO; vec_only = 1; break;
	case 0x18 | 0x40: fn = op_h_frint; rm = FPR_TIEAWAY; vec_only = 1; break;
	case 0x19 | 0x40: fn = op_h_frintx; vec_only = 1; break;
	case 0x19 | 0x60: fn = op_h_frint; vec_only = 1; break; /* FRINTI */
	case 0x1a: fn = op_h_fcvts; rm = FPR_TIEEVEN; break;
	case 0x1b: fn = op_h_fcvts; rm = FPR_NEGINF; break;
	case 0x1c: fn = op_h_fcvts; rm = FPR_TIEAWAY; break;
	case 0x1a | 0x20: fn = op_h_fcvts; rm = FPR_POSINF; break;
	case 0x1b | 0x20: fn = op_h_fcvts; rm = FPR_ZERO; break;
	case 0x1a | 0x40: fn = op_h_fcvtu; rm = FPR_TIEEVEN; break;
	case 0x1b | 0x40: fn = op_h_fcvtu; rm = FPR_NEGINF; break;
	case 0x1c | 0x40: fn = op_h_fcvtu; rm = FPR_TIEAWAY; break;
	case 0x1a | 0x60: fn = op_h_fcvtu; rm = FPR_POSINF; break;
	case 0x1b | 0x60: fn = op_h_fcvtu; rm = FPR_ZERO; break;
	case 0x1d: fn = op_h_scvtf; break;
	case 0x1d | 0x40: fn = op_h_ucvtf; break;
	case 0x1d | 0x20: fn = op_h_frecpe; break;
	case 0x1d | 0x60: fn = op_h_frsqrte; break;
	case 0x1f | 0x20: fn = op_h_frecpx; scalar_only = 1; break;
	}
	if (!fn || (scalar && vec_only) || (!scalar && scalar_only))
		return undef(op);
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = op->m = (uint8_t)bits(insn, 9, 5);
	op->c = (uint8_t)hcount(insn, scalar);
	op->sh = (uint8_t)rm;
	op->imm = 0;
	op->fn = fn;
	return 0;
}

/* Across lanes FP16 (U = 0, sz = 0): FMAXNMV, FMAXV, FMINNMV, FMINV 4H/8H;
 * scalar pairwise FP16: FMAXNMP, FADDP, FMAXP, FMINNMP, FMINP Hd, Vn.2H. */
int a64_simd_fp16across(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), a = bits(insn, 23, 23), opc = bits(insn, 16, 12);
	if (u || bits(insn, 22, 22) || (opc != 0x0c && opc != 0x0d && opc != 0x0f))
		return undef(op);
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = op->m = (uint8_t)bits(insn, 9, 5);
	if (scalar) {
		static const a64_fn pair[2][4] = { { op_h_fmaxnmp, op_h_faddp, NULL, op_h_fmaxp },
						   { op_h_fminnmp, NULL, NULL, op_h_fminp } };
		if (!pair[a][opc - 0x0c])
			return undef(op);
		op->c = 1;
		op->fn = pair[a][opc - 0x0c];
		return 0;
	}
	if (opc == 0x0d)
		return undef(op);
	/* fps_minmax kind: 0 FMAX, 1 FMIN, 2 FMAXNM, 3 FMINNM */
	op->sh = (uint8_t)((opc == 0x0c ? 2 : 0) + a);
	op->c = (uint8_t)hcount(insn, 0);
	op->fn = op_h_across;
	return 0;
}

/* By element FP16 (size = 00): FMLA, FMLS, FMUL, FMULX; the caller has
 * matched opcode 0001/0101 (U = 0) or 1001. */
int a64_simd_fp16elem(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), opc = bits(insn, 15, 12);
	if (bits(insn, 22, 22) || (u && opc != 0x9))
		return undef(op); /* size 01: reserved; U = 1: FCMLA */
	switch (opc) {
	case 0x1: op->fn = op_h_fmla_x; break;
	case 0x5: op->fn = op_h_fmls_x; break;
	case 0x9: op->fn = u ? op_h_fmulx_x : op_h_fmul_x; break;
	default: return undef(op);
	}
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	op->m = (uint8_t)bits(insn, 19, 16);
	op->sh = (uint8_t)(bits(insn, 11, 11) << 2 | bits(insn, 21, 20));
	op->c = (uint8_t)hcount(insn, scalar);
	return 0;
}

/* SCVTF/UCVTF (opcode 11100) and FCVTZS/FCVTZU (11111) with immh = 001x:
 * half precision from/to 16-bit fixed point, fbits = 32 - immh:immb. */
int a64_simd_fp16fixed(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), opc = bits(insn, 15, 11);
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = op->m = (uint8_t)bits(insn, 9, 5);
	op->imm = 32 - bits(insn, 22, 16);
	op->c = (uint8_t)hcount(insn, scalar);
	op->sh = FPR_ZERO;
	if (opc == 0x1c)
		op->fn = u ? op_h_ucvtf : op_h_scvtf;
	else if (opc == 0x1f)
		op->fn = u ? op_h_fcvtu : op_h_fcvts;
	else
		return undef(op);
	return 0;
}

/* FMOV (vector, immediate), half precision: 0 Q 0 0111100000 abc 1111 11
 * defgh Rd (the modified-immediate space with o2 = 1). */
static VH(op_fmov_h)
{
	VR(d).d[0] = op->imm;
	VR(d).d[1] = op->imm2;
	return op + 1;
}

int a64_simd_fmov_h(struct a64_op *op, uint32_t insn)
{
	unsigned imm8 = bits(insn, 18, 16) << 5 | bits(insn, 9, 5);
	if (bits(insn, 29, 29) || bits(insn, 15, 12) != 0xf)
		return undef(op);
	/* VFPExpandImm for N = 16: sign, NOT(b), b b, cdefgh, six zeros */
	uint64_t a = imm8 >> 7, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3f;
	uint64_t h = a << 15 | (b ^ 1) << 14 | (b ? 3ull << 12 : 0) | cdefgh << 6;
	op->d = (uint8_t)bits(insn, 4, 0);
	op->imm = h * 0x0001000100010001ull;
	op->imm2 = bits(insn, 30, 30) ? op->imm : 0;
	op->fn = op_fmov_h;
	return 0;
}
