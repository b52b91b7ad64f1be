/* Small architecture extensions current compilers emit:
 *   FEAT_DotProd  SDOT/UDOT (vector, and by element)
 *   FEAT_FlagM    CFINV, RMIF, SETF8, SETF16
 *   FEAT_FlagM2   AXFLAG, XAFLAG
 *   FEAT_LRCPC2   LDAPUR*, STLUR (general registers)
 * FEAT_LRCPC's LDAPR is in atomic.c.  FRINT32/64 (FEAT_FRINTTS) belong to
 * the FP engine and are not here. */
#include "cpu/aarch64/a64_int.h"

#define H(name) static const struct a64_op *name(struct a64_cpu *cpu, const struct a64_op *op)
#define R(i) cpu->r[op->i]
#define V(i) cpu->v[op->i]

/* ---- dot product: f = Q, c = 1 for UDOT, sh = element index + 1 (0 for
 * the vector form) ---- */
H(op_dot)
{
	union a64_vreg n = V(n), m = V(m), r = V(d);
	unsigned lanes = op->f ? 4 : 2;
	for (unsigned e = 0; e < lanes; e++) {
		unsigned me = op->sh ? op->sh - 1u : e;
		uint32_t sum = r.s[e];
		for (unsigned i = 0; i < 4; i++) {
			uint8_t a = n.b[4 * e + i], b = m.b[4 * me + i];
			if (op->c)
				sum += (uint32_t)a * b;
			else
				sum += (uint32_t)((int32_t)(int8_t)a * (int8_t)b);
		}
		r.s[e] = sum;
	}
	if (!op->f)
		r.d[1] = 0;
	V(d) = r;
	NEXT(op + 1);
}

/* Advanced SIMD three same (extension) and vector x indexed element with
 * size = 10: SDOT, UDOT. */
int a64_dot_class(uint32_t insn)
{
	return (insn & 0x9fe0fc00) == 0x0e809400 || (insn & 0x9fc0f400) == 0x0f80e000;
}

int a64_decode_dot(struct a64_op *op, uint32_t insn)
{
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	op->m = (uint8_t)bits(insn, 20, 16);
	op->f = (uint8_t)bits(insn, 30, 30);
	op->c = (uint8_t)bits(insn, 29, 29);
	op->sh = 0;
	if (bits(insn, 24, 24)) /* by element: index H:L */
		op->sh = (uint8_t)((bits(insn, 11, 11) << 1 | bits(insn, 21, 21)) + 1);
	op->fn = op_dot;
	return 0;
}

/* ---- FlagM: flags as NZCV bits 31..28 ---- */
#define NF (1u << 31)
#define ZF (1u << 30)
#define CF (1u << 29)
#define VF (1u << 28)

H(op_cfinv) { cpu->cf ^= 1; NEXT(op + 1); }

/* AXFLAG: N = 0, Z = Z | V, C = C & !V, V = 0. */
H(op_axflag)
{
	uint32_t f = a64_get_nzcv(cpu), r = 0;
	if (f & (ZF | VF))
		r |= ZF;
	if ((f & CF) && !(f & VF))
		r |= CF;
	a64_set_nzcv(cpu, r);
	NEXT(op + 1);
}

/* XAFLAG: N = !C & !Z, Z = Z & C, C = C | Z, V = !C & Z. */
H(op_xaflag)
{
	uint32_t f = a64_get_nzcv(cpu), r = 0;
	int z = (f & ZF) != 0, c = (f & CF) != 0;
	if (!c && !z)
		r |= NF;
	if (z && c)
		r |= ZF;
	if (c || z)
		r |= CF;
	if (!c && z)
		r |= VF;
	a64_set_nzcv(cpu, r);
	NEXT(op + 1);
}

/* RMIF Xn, #imm6 (sh), #mask (c): flags selected by mask from Xn ROR imm6. */
H(op_rmif)
{
	uint64_t v = R(n);
	unsigned s = op->sh;
	uint64_t t = s ? (v >> s) | (v << (64 - s)) : v;
	uint32_t mask = (uint32_t)op->c << 28;
	uint32_t f = a64_get_nzcv(cpu);
	a64_set_nzcv(cpu, (f & ~mask) | (((uint32_t)t & 0xf) << 28 & mask));
	NEXT(op + 1);
}

/* SETF8 / SETF16 Wn (sz = 8 or 16): N = bit sz-1, Z = low sz bits zero,
 * V = bit sz XOR bit sz-1; C unchanged. */
H(op_setf)
{
	uint32_t v = (uint32_t)R(n), s = op->sz;
	uint32_t f = a64_get_nzcv(cpu) & CF;
	if ((v >> (s - 1)) & 1)
		f |= NF;
	if (!(v & ((1u << s) - 1)))
		f |= ZF;
	if (((v >> s) ^ (v >> (s - 1))) & 1)
		f |= VF;
	a64_set_nzcv(cpu, f);
	NEXT(op + 1);
}

/* MSR (immediate) with op1 = 0, CRn = 4, CRm = 0, Rt = 31: op2 = 0 CFINV,
 * 1 XAFLAG, 2 AXFLAG. */
int a64_flagm_msr_class(uint32_t insn)
{
	return (insn & 0xffffff9f) == 0xd500401f && bits(insn, 6, 5) != 3;
}

int a64_decode_flagm_msr(struct a64_op *op, uint32_t insn)
{
	static const a64_fn fns[3] = { op_cfinv, op_xaflag, op_axflag };
	unsigned op2 = bits(insn, 7, 5);
	if (op2 > 2)
		return undef(op);
	op->fn = fns[op2];
	return 0;
}

/* RMIF, SETF8, SETF16: the "add/subtract with carry" group with bits
 * 15:10 non-zero (ARM ARM "Rotate right into flags", "Evaluate into
 * flags"). */
int a64_decode_flagm_dp(struct a64_op *op, uint32_t insn)
{
	op->n = rx_zr(bits(insn, 9, 5));
	if ((insn & 0xffe07c10) == 0xba000400) {
		op->sh = (uint8_t)bits(insn, 20, 15);
		op->c = (uint8_t)bits(insn, 3, 0);
		op->fn = op_rmif;
		return 0;
	}
	if ((insn & 0xffffbc1f) == 0x3a00080d) {
		op->sz = bits(insn, 14, 14) ? 16 : 8;
		op->fn = op_setf;
		return 0;
	}
	return undef(op);
}

/* ---- LRCPC2: LDAPUR{B,H,SB,SH,SW}, LDAPUR, STLUR{B,H}: size 011001 opc 0
 * imm9 00 Rn Rt.  imm = offset, sz = bytes, f = 0 zero-extend, 32 or 64 =
 * sign-extend to that width.  Naturally aligned like LDAPR/STLR (LSE2's
 * unaligned ordered accesses are not offered). */
H(op_ldapur)
{
	uint8_t *p = gmem_aligned(cpu, op, R(n) + op->imm, op->sz);
	uint64_t v;
	switch (op->sz) {
	case 1: v = __atomic_load_n(p, __ATOMIC_ACQUIRE); break;
	case 2: v = __atomic_load_n((uint16_t *)(void *)p, __ATOMIC_ACQUIRE); break;
	case 4: v = __atomic_load_n((uint32_t *)(void *)p, __ATOMIC_ACQUIRE); break;
	default: v = __atomic_load_n((uint64_t *)(void *)p, __ATOMIC_ACQUIRE); break;
	}
	if (op->f) {
		v = (uint64_t)sext(v, 8 * op->sz);
		if (op->f == 32)
			v = (uint32_t)v;
	}
	R(d) = v;
	NEXT(op + 1);
}

H(op_stlur)
{
	uint8_t *p = gmem_aligned(cpu, op, R(n) + op->imm, op->sz);
	uint64_t v = R(d);
	switch (op->sz) {
	case 1: __atomic_store_n(p, (uint8_t)v, __ATOMIC_SEQ_CST); break;
	case 2: __atomic_store_n((uint16_t *)(void *)p, (uint16_t)v, __ATOMIC_SEQ_CST); break;
	case 4: __atomic_store_n((uint32_t *)(void *)p, (uint32_t)v, __ATOMIC_SEQ_CST); break;
	default: __atomic_store_n((uint64_t *)(void *)p, v, __ATOMIC_SEQ_CST); break;
	}
	NEXT(op + 1);
}

/* Load/store with bits 29:28 = 01 and bit 24 = 1: RCPC2 (bits 21, 11:10
 * zero, general registers); everything else there (MTE tags, the SIMD
 * LDAPUR of FEAT_LRCPC3) is UNDEF. */
int a64_decode_rcpc2(struct a64_op *op, uint32_t insn)
{
	if ((insn & 0x3f200c00) != 0x19000000)
		return undef(op);
	unsigned size = insn >> 30, opc = bits(insn, 23, 22);
	op->n = rx_sp(bits(insn, 9, 5));
	op->imm = (uint64_t)sext(bits(insn, 20, 12), 9);
	op->sz = (uint8_t)(1u << size);
	op->f = 0;
	switch (opc) {
	case 0:
		op->d = rx_zr(bits(insn, 4, 0));
		op->fn = op_stlur;
		return 0;
	case 1:
		break;
	case 2:
		if (size == 3)
			return undef(op);
		op->f = 64;
		break;
	default:
		if (size >= 2)
			return undef(op);
		op->f = 32;
		break;
	}
	op->d = wx_zr(bits(insn, 4, 0));
	op->fn = op_ldapur;
	return 0;
}
