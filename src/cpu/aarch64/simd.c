/* The FP/SIMD subset implemented so far: LD1/ST1 (multiple structures,
 * also LD2-4/ST2-4), FMOV (general<->FP, immediate, register), MOVI/MVNI/
 * ORR/BIC (immediate), vector AND/BIC/ORR/ORN/EOR/BSL/BIT/BIF, DUP, INS,
 * UMOV, SMOV.  Everything else in the FP/SIMD space decodes as UNDEF
 * (SIGILL) rather than doing something wrong; see features.c for why FP
 * and ASIMD are advertised anyway. */
#include "cpu/aarch64/a64_int.h"
#include "cpu/aarch64/fp.h"
#include "cpu/aarch64/simd_vec.h" /* vector integer classes, simd_*.c */

#define H(name) static const struct a64_op *name(struct a64_cpu *cpu, const struct a64_op *op)
#define R(i) cpu->r[op->i]
#define V(i) cpu->v[op->i]

/* ---- LD1..LD4 / ST1..ST4 (multiple structures) ----
 * d = first Vt, sz = element bytes, c = rpt, f = selem, a = Q,
 * sh bit0 = load, sh bit1 = post-index, m = Rm (XZR means immediate). */
H(op_ldst_multi)
{
	unsigned esize = op->sz, rpt = op->c, selem = op->f;
	unsigned dbytes = op->a ? 16 : 8, elems = dbytes / esize;
	unsigned total = rpt * selem * dbytes;
	uint64_t addr = R(n);
	uint8_t *p = gmem(cpu, op, addr, total);
	int load = op->sh & 1;
	union a64_vreg tmp[4];
	unsigned first = op->d, nregs = rpt * selem;
	if (load) {
		for (unsigned i = 0; i < nregs; i++)
			tmp[i].q = 0;
	} else {
		for (unsigned i = 0; i < nregs; i++)
			tmp[i] = cpu->v[(first + i) & 31];
	}
	unsigned off = 0;
	for (unsigned r = 0; r < rpt; r++)
		for (unsigned e = 0; e < elems; e++)
			for (unsigned s = 0; s < selem; s++) {
				uint8_t *reg = tmp[r + s].b + e * esize;
				if (load)
					memcpy(reg, p + off, esize);
				else
					memcpy(p + off, reg, esize);
				off += esize;
			}
	if (load)
		for (unsigned i = 0; i < nregs; i++)
			cpu->v[(first + i) & 31] = tmp[i];
	if (op->sh & 2)
		R(n) = addr + (op->m == A64_XZR ? total : R(m));
	NEXT(op + 1);
}

int a64_decode_simd_ldst(struct a64_op *op, uint32_t insn)
{
	/* 0 Q 0011000 L 000000 opcode size Rn Rt, post: 0 Q 0011001 L 0 Rm ... */
	unsigned post = bits(insn, 23, 23);
	if (!(insn >> 31) && bits(insn, 29, 24) == 0x0d)
		return a64_decode_simd_ldst1(op, insn);
	if ((insn >> 31) || bits(insn, 29, 24) != 0x0c)
		return undef(op); /* single-structure forms not implemented */
	if (bits(insn, 21, 21) || (!post && bits(insn, 20, 16)))
		return undef(op);
	unsigned opcode = bits(insn, 15, 12), size = bits(insn, 11, 10);
	unsigned q = bits(insn, 30, 30), rpt, selem;
	switch (opcode) {
	case 0: rpt = 1; selem = 4; break;
	case 2: rpt = 4; selem = 1; break;
	case 4: rpt = 1; selem = 3; break;
	case 6: rpt = 3; selem = 1; break;
	case 7: rpt = 1; selem = 1; break;
	case 8: rpt = 1; selem = 2; break;
	case 10: rpt = 2; selem = 1; break;
	default: return undef(op);
	}
	if (size == 3 && !q && selem != 1)
		return undef(op);
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = rx_sp(bits(insn, 9, 5));
	op->m = rx_zr(bits(insn, 20, 16));
	op->sz = (uint8_t)(1u << size);
	op->c = (uint8_t)rpt;
	op->f = (uint8_t)selem;
	op->a = (uint8_t)q;
	op->sh = (uint8_t)(bits(insn, 22, 22) | (post << 1));
	op->fn = op_ldst_multi;
	return 0;
}

/* ---- immediates ---- */
H(op_vset) { V(d).d[0] = op->imm; V(d).d[1] = op->imm2; NEXT(op + 1); }
H(op_vorr_imm) { V(d).d[0] |= op->imm; V(d).d[1] = op->f ? V(d).d[1] | op->imm : 0; NEXT(op + 1); }
H(op_vbic_imm) { V(d).d[0] &= ~op->imm; V(d).d[1] = op->f ? V(d).d[1] & ~op->imm : 0; NEXT(op + 1); }

/* Vector logical, f = Q. */
#define VLOG(name, expr)                                                   \
	H(name)                                                            \
	{                                                                  \
		uint64_t r[2];                                             \
		for (int i = 0; i < 2; i++) {                              \
			uint64_t n = V(n).d[i], m = V(m).d[i], d = V(d).d[i]; \
			(void)d;                                           \
			r[i] = (expr);                                     \
		}                                                          \
		V(d).d[0] = r[0];                                          \
		V(d).d[1] = op->f ? r[1] : 0;                              \
		NEXT(op + 1);                                             \
	}
VLOG(op_vand, n & m)
VLOG(op_vbic, n & ~m)
VLOG(op_vorr, n | m)
VLOG(op_vorn, n | ~m)
VLOG(op_veor, n ^ m)
VLOG(op_vbsl, (d & n) | (~d & m))
VLOG(op_vbit, (m & n) | (~m & d))
VLOG(op_vbif, (~m & n) | (m & d))

static inline uint64_t vget(const union a64_vreg *v, unsigned esize, unsigned idx)
{
	switch (esize) {
	case 1: return v->b[idx];
	case 2: return v->h[idx];
	case 4: return v->s[idx];
	default: return v->d[idx];
	}
}
static inline void vput(union a64_vreg *v, unsigned esize, unsigned idx, uint64_t x)
{
	switch (esize) {
	case 1: v->b[idx] = (uint8_t)x; break;
	case 2: v->h[idx] = (uint16_t)x; break;
	case 4: v->s[idx] = (uint32_t)x; break;
	default: v->d[idx] = x; break;
	}
}
static inline void vdup(union a64_vreg *d, unsigned esize, uint64_t x, int q)
{
	union a64_vreg r;
	r.q = 0;
	for (unsigned i = 0; i < (q ? 16u : 8u) / esize; i++)
		vput(&r, esize, i, x);
	*d = r;
}

/* sz = element bytes, c = index, sh = source index (INS element), f = Q */
/* DUP (general) and DUP (element), one handler per element size: the
 * constant size lets the compiler unroll the fill (hot in loops). */
#define DUPN(es)                                                                    \
	H(op_dup_gen_##es) { vdup(&V(d), es, R(n), op->f); NEXT(op + 1); }         \
	H(op_dup_elt_##es) { vdup(&V(d), es, vget(&V(n), es, op->c), op->f); NEXT(op + 1); }
DUPN(1)
DUPN(2)
DUPN(4)
DUPN(8)
static a64_fn const dup_fn[2][4] = {
	{ op_dup_gen_1, op_dup_gen_2, op_dup_gen_4, op_dup_gen_8 },
	{ op_dup_elt_1, op_dup_elt_2, op_dup_elt_4, op_dup_elt_8 },
};
H(op_ins_gen) { vput(&V(d), op->sz, op->c, R(n)); NEXT(op + 1); }
H(op_ins_elt) { vput(&V(d), op->sz, op->c, vget(&V(n), op->sz, op->sh)); NEXT(op + 1); }
H(op_umov) { R(d) = vget(&V(n), op->sz, op->c); NEXT(op + 1); }
H(op_smov)
{
	uint64_t v = (uint64_t)sext(vget(&V(n), op->sz, op->c), 8 * op->sz);
	R(d) = op->f ? v : (uint32_t)v;
	NEXT(op + 1);
}

static uint64_t vfp_expand(unsigned imm8, int dbl)
{
	uint64_t a = imm8 >> 7, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3f;
	if (dbl)
		return (a << 63) | ((b ^ 1) << 62) | (b ? 0xffull << 54 : 0) | (cdefgh << 48);
	return (a << 31) | ((b ^ 1) << 30) | (b ? 0x1full << 25 : 0) | (cdefgh << 19);
}

static uint64_t simd_expand(unsigned opb, unsigned cmode, unsigned imm8, int *ok)
{
	uint64_t i = imm8, r;
	*ok = 1;
	switch (cmode >> 1) {
	case 0: case 1: case 2: case 3:
		r = i << (8 * (cmode >> 1));
		return r | (r << 32);
	case 4: case 5:
		r = i << (8 * ((cmode >> 1) & 1));
		return r * 0x0001000100010001ull;
	case 6:
		r = (cmode & 1) ? (i << 16) | 0xffff : (i << 8) | 0xff;
		return r | (r << 32);
	default:
		if (!(cmode & 1)) {
			if (!opb)
				return i * 0x0101010101010101ull;
			r = 0;
			for (int b = 0; b < 8; b++)
				if ((imm8 >> b) & 1)
					r |= 0xffull << (8 * b);
			return r;
		}
		if (!opb) {
			r = vfp_expand(imm8, 0);
			return r | (r << 32);
		}
		return vfp_expand(imm8, 1);
	}
	*ok = 0;
	return 0;
}

static int dec_modimm(struct a64_op *op, uint32_t insn)
{
	unsigned q = bits(insn, 30, 30), opb = bits(insn, 29, 29), cmode = bits(insn, 15, 12);
	unsigned imm8 = (bits(insn, 18, 16) << 5) | bits(insn, 9, 5);
	int ok;
	if (bits(insn, 11, 11))
		return a64_simd_fmov_h(op, insn); /* FMOV half-precision: simd_fp16.c */
	if (opb && cmode == 15 && !q)
		return undef(op);
	uint64_t v = simd_expand(opb, cmode, imm8, &ok);
	if (!ok)
		return undef(op);
	op->d = (uint8_t)bits(insn, 4, 0);
	op->f = (uint8_t)q;
	int is_orrbic = cmode < 12 && (cmode & 1);
	if (is_orrbic) {
		op->imm = v;
		op->fn = opb ? op_vbic_imm : op_vorr_imm;
		return 0;
	}
	if (opb && cmode < 14)
		v = ~v; /* MVNI */
	op->imm = v;
	op->imm2 = q ? v : 0;
	op->fn = op_vset;
	return 0;
}

static int dec_copy(struct a64_op *op, uint32_t insn)
{
	unsigned q = bits(insn, 30, 30), opb = bits(insn, 29, 29), imm5 = bits(insn, 20, 16);
	unsigned imm4 = bits(insn, 14, 11);
	if (!(imm5 & 0xf))
		return undef(op);
	unsigned size = (unsigned)__builtin_ctz(imm5);
	op->sz = (uint8_t)(1u << size);
	op->c = (uint8_t)(imm5 >> (size + 1));
	op->f = (uint8_t)q;
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	if (opb) {
		if (!q)
			return undef(op);
		op->sh = (uint8_t)(imm4 >> size);
		op->fn = op_ins_elt;
		return 0;
	}
	switch (imm4) {
	case 0:
		if (size == 3 && !q)
			return undef(op);
		op->fn = dup_fn[1][size];
		return 0;
	case 1:
		if (size == 3 && !q)
			return undef(op);
		op->n = rx_zr(bits(insn, 9, 5));
		op->fn = dup_fn[0][size];
		return 0;
	case 3:
		if (!q)
			return undef(op);
		op->n = rx_zr(bits(insn, 9, 5));
		op->fn = op_ins_gen;
		return 0;
	case 5: /* SMOV */
		if (size > 2 || (size == 2 && !q))
			return undef(op);
		op->d = wx_zr(bits(insn, 4, 0));
		op->fn = op_smov;
		return 0;
	case 7: /* UMOV */
		if ((size == 3) != (q == 1))
			return undef(op);
		op->d = wx_zr(bits(insn, 4, 0));
		op->fn = op_umov;
		return 0;
	}
	return undef(op);
}

static int dec_logic3(struct a64_op *op, uint32_t insn)
{
	static const a64_fn fns[2][4] = {
		{ op_vand, op_vbic, op_vorr, op_vorn },
		{ op_veor, op_vbsl, op_vbit, op_vbif },
	};
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	op->m = (uint8_t)bits(insn, 20, 16);
	op->f = (uint8_t)bits(insn, 30, 30);
	op->fn = fns[bits(insn, 29, 29)][bits(insn, 23, 22)];
	return 0;
}

int a64_decode_simd(struct a64_op *op, uint32_t insn)
{
	if (a64_fp_class(insn)) /* scalar FP: fp.c */
		return a64_decode_fp(op, insn);
	if (a64_crypto_class(insn)) /* crypto.c */
		return a64_decode_crypto(op, insn);
	if (a64_dot_class(insn)) /* SDOT, UDOT: ext.c */
		return a64_decode_dot(op, insn);
	if ((insn & 0x9ff80400) == 0x0f000400)
		return dec_modimm(op, insn);
	if ((insn & 0x9fe08400) == 0x0e000400)
		return dec_copy(op, insn);
	if ((insn & 0x9f20fc00) == 0x0e201c00)
		return dec_logic3(op, insn);
	return a64_decode_asimd(op, insn);
}
