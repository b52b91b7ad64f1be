/* Advanced SIMD integer instructions: helpers shared by the simd_*.c
 * decoder/handler files (not by the rest of the core).
 *
 * Handlers are generated per element size from small element functions
 * (e_NAME) by the runners below, which are always inlined with a constant
 * element size and function, so each handler is a plain loop.  Op fields,
 * for every handler here:
 *   d, n, m  vector register numbers
 *   c        element count (of the destination for long/narrow shapes)
 *   f        Q: second-half ("2") form for long/narrow shapes
 *   sh       shift amount / element index
 *   imm      source element offset (long shapes)
 * Element values travel zero-extended in uint64_t; an element function
 * gets BITS = the esize of the ARM ARM pseudo-code (the narrow size for
 * long, wide and narrowing shapes). */
#ifndef BSDEMU_CPU_A64_SIMD_VEC_H
#define BSDEMU_CPU_A64_SIMD_VEC_H

#include "cpu/aarch64/a64_int.h"

#define VH(name) const struct a64_op *name(struct a64_cpu *cpu, const struct a64_op *op)
#define VR(i) cpu->v[op->i]
#define ALWAYS static inline __attribute__((always_inline))
#define NOINLINE __attribute__((noinline))

#define FPSR_QC (1u << 27)

typedef uint64_t (*a64_efn)(struct a64_cpu *cpu, const struct a64_op *op,
			    uint64_t n, uint64_t m, uint64_t d, unsigned bits);

ALWAYS uint64_t vg(const union a64_vreg *v, unsigned es, unsigned i)
{
	switch (es) {
	case 1: return v->b[i];
	case 2: return v->h[i];
	case 4: return v->s[i];
	default: return v->d[i];
	}
}
ALWAYS void vp(union a64_vreg *v, unsigned es, unsigned i, uint64_t x)
{
	switch (es) {
	case 1: v->b[i] = (uint8_t)x; break;
	case 2: v->h[i] = (uint16_t)x; break;
	case 4: v->s[i] = (uint32_t)x; break;
	default: v->d[i] = x; break;
	}
}

static inline int64_t sx(uint64_t v, unsigned bits) { return sext(v, (int)bits); }
static inline uint64_t emask(unsigned bits) { return bits >= 64 ? ~0ull : (1ull << bits) - 1; }

/* Saturate V to a signed / unsigned BITS-bit value, setting FPSR.QC. */
static inline uint64_t sat_s(struct a64_cpu *cpu, __int128 v, unsigned bits)
{
	__int128 max = ((__int128)1 << (bits - 1)) - 1, min = -max - 1;
	if (v > max) {
		cpu->fpsr |= FPSR_QC;
		return (uint64_t)max;
	}
	if (v < min) {
		cpu->fpsr |= FPSR_QC;
		return (uint64_t)min;
	}
	return (uint64_t)v;
}
static inline uint64_t sat_u(struct a64_cpu *cpu, __int128 v, unsigned bits)
{
	__int128 max = ((__int128)1 << bits) - 1;
	if (v > max) {
		cpu->fpsr |= FPSR_QC;
		return (uint64_t)max;
	}
	if (v < 0) {
		cpu->fpsr |= FPSR_QC;
		return 0;
	}
	return (uint64_t)v;
}

/* V shifted left by SH (right by -SH when negative), exactly, as the ARM
 * ARM's integer arithmetic does; ROUND adds the rounding constant of right
 * shifts.  V is any element value (|V| <= 2^64).  Left shifts out of
 * range come back as a huge value of V's sign, which truncates to 0 and
 * saturates. */
static inline __int128 shl_exact(__int128 v, int sh, int round)
{
	if (sh >= 0) {
		if (sh >= 64)
			return v == 0 ? 0 : v < 0 ? -((__int128)1 << 100) : ((__int128)1 << 100);
		return v * ((__int128)1 << sh);
	}
	int s = -sh > 100 ? 100 : -sh;
	if (round)
		v += (__int128)1 << (s - 1);
	return v >> s;
}

/* ---- runners ---- */

/* Same-size elements: d[i] = fn(n[i], m[i], d[i]) for i < c; bytes past
 * the last element are zeroed (64-bit vector and scalar forms). */
ALWAYS const struct a64_op *run_same(struct a64_cpu *cpu, const struct a64_op *op,
				     unsigned es, a64_efn fn, const union a64_vreg *vm)
{
	const union a64_vreg *vn = &VR(n), *vd = &VR(d);
	union a64_vreg r;
	r.q = 0;
	for (unsigned i = 0; i < op->c; i++)
		vp(&r, es, i, fn(cpu, op, vg(vn, es, i), vg(vm, es, i), vg(vd, es, i), es * 8));
	VR(d) = r;
	NEXT(op + 1);
}

/* Pairwise over the concatenation m:n (n supplies the low results). */
ALWAYS const struct a64_op *run_pair(struct a64_cpu *cpu, const struct a64_op *op,
				     unsigned es, a64_efn fn)
{
	const union a64_vreg *src[2] = { &VR(n), &VR(m) };
	unsigned half = op->c / 2;
	union a64_vreg r;
	r.q = 0;
	if (op->c == 1) { /* scalar ADDP: the pair n[0], n[1] */
		vp(&r, es, 0, fn(cpu, op, vg(src[0], es, 0), vg(src[0], es, 1), 0, es * 8));
		VR(d) = r;
		NEXT(op + 1);
	}
	for (unsigned i = 0; i < op->c; i++) {
		const union a64_vreg *s = src[i >= half];
		unsigned j = 2 * (i % half);
		vp(&r, es, i, fn(cpu, op, vg(s, es, j), vg(s, es, j + 1), 0, es * 8));
	}
	VR(d) = r;
	NEXT(op + 1);
}

/* Long: d[i] (2*es) = fn(n[i + imm] or n[i] when WIDE_N, m[i + imm], d[i])
 * for i < c. */
ALWAYS const struct a64_op *run_long(struct a64_cpu *cpu, const struct a64_op *op,
				     unsigned es, a64_efn fn, int wide_n,
				     const union a64_vreg *vm)
{
	const union a64_vreg *vn = &VR(n), *vd = &VR(d);
	unsigned off = (unsigned)op->imm;
	union a64_vreg r;
	r.q = 0;
	for (unsigned i = 0; i < op->c; i++) {
		uint64_t nv = wide_n ? vg(vn, 2 * es, i) : vg(vn, es, i + off);
		vp(&r, 2 * es, i, fn(cpu, op, nv, vg(vm, es, i + off), vg(vd, 2 * es, i), es * 8));
	}
	VR(d) = r;
	NEXT(op + 1);
}

/* Narrowing: d[i + (f ? c : 0)] (es) = fn(n[i], m[i]) with 2*es sources;
 * the "2" form (f) keeps the low half of d, the other clears the rest. */
ALWAYS const struct a64_op *run_narrow(struct a64_cpu *cpu, const struct a64_op *op,
				       unsigned es, a64_efn fn)
{
	const union a64_vreg *vn = &VR(n), *vm = &VR(m);
	unsigned off = op->f ? op->c : 0;
	union a64_vreg r;
	r.q = 0;
	if (op->f)
		r.d[0] = VR(d).d[0];
	for (unsigned i = 0; i < op->c; i++)
		vp(&r, es, i + off, fn(cpu, op, vg(vn, 2 * es, i), vg(vm, 2 * es, i), 0, es * 8));
	VR(d) = r;
	NEXT(op + 1);
}

/* Broadcast element SH of Vm (size ES) into *T: the by-element forms run
 * the same-size and long runners on it. */
ALWAYS const union a64_vreg *bcast(union a64_vreg *t, const union a64_vreg *vm,
				   unsigned es, unsigned idx)
{
	uint64_t x = vg(vm, es, idx);
	for (unsigned i = 0; i < 16 / es; i++)
		vp(t, es, i, x);
	return t;
}

/* Handler tables indexed by log2(element bytes). */
#define VTAB(tab, gen, name)                                             \
	gen(name, 1) gen(name, 2) gen(name, 4) gen(name, 8)              \
	static const a64_fn tab[4] = { op_##name##_1, op_##name##_2, op_##name##_4, \
				       op_##name##_8 };

/* Decoders of the vector classes (each sets a64_op_undef for unallocated
 * encodings of its class). */
int a64_decode_asimd(struct a64_op *op, uint32_t insn);
int a64_simd_3same(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_2misc(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_across(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_shift(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_3diff(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_elem(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_perm(struct a64_op *op, uint32_t insn);
int a64_simd_ext(struct a64_op *op, uint32_t insn);
int a64_simd_tbl(struct a64_op *op, uint32_t insn);
int a64_simd_scalar_dup(struct a64_op *op, uint32_t insn);
const a64_fn *a64_simd_elem_same_tab(unsigned u, unsigned opc);
const a64_fn *a64_simd_elem_long_tab(unsigned u, unsigned opc);
int a64_simd_fp3same(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_fp2misc(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_fpacross(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_fpelem(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_fpfixed(struct a64_op *op, uint32_t insn, int scalar);
/* FEAT_FP16 vector and scalar half precision (simd_fp16.c) */
int a64_simd_fp16same(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_fp16misc(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_fp16across(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_fp16elem(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_fp16fixed(struct a64_op *op, uint32_t insn, int scalar);
int a64_simd_fmov_h(struct a64_op *op, uint32_t insn);
int a64_decode_simd_ldst1(struct a64_op *op, uint32_t insn);

static inline void vregs3(struct a64_op *op, uint32_t insn)
{
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	op->m = (uint8_t)bits(insn, 20, 16);
}

#endif
