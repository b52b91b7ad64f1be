/* Advanced SIMD vector x indexed element (integer), vector and scalar:
 * MUL/MLA/MLS, [SU]MULL/[SU]MLAL/[SU]MLSL, SQDMULL/SQDMLAL/SQDMLSL,
 * SQDMULH/SQRDMULH (ARM ARM C4.1.95).  The handlers live next to their
 * element operations in simd_3same.c and simd_3diff.c. */
#include "cpu/aarch64/simd_vec.h"

int a64_simd_elem(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), opc = bits(insn, 15, 12);
	unsigned size = bits(insn, 23, 22), q = bits(insn, 30, 30);
	unsigned h = bits(insn, 11, 11), l = bits(insn, 21, 21), mbit = bits(insn, 20, 20);
	if (opc == 0x1 || opc == 0x5 || opc == 0x9)
		return a64_simd_fpelem(op, insn, scalar); /* simd_fp.c */
	const a64_fn *t = a64_simd_elem_same_tab(u, opc);
	int islong = 0;
	if (!t) {
		t = a64_simd_elem_long_tab(u, opc);
		islong = 1;
	}
	if (!t || size == 0 || size == 3)
		return undef(op); /* FP, dot product, RDMA forms: not here */
	if (scalar) {
		/* SQDMULH, SQRDMULH, SQDMULL, SQDMLAL, SQDMLSL only */
		if (u || !(opc == 0xc || opc == 0xd || opc == 0x3 || opc == 0x7 || opc == 0xb))
			return undef(op);
	}
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	if (size == 1) {
		op->m = (uint8_t)bits(insn, 19, 16);
		op->sh = (uint8_t)(h << 2 | l << 1 | mbit);
	} else {
		op->m = (uint8_t)bits(insn, 20, 16);
		op->sh = (uint8_t)(h << 1 | l);
	}
	op->f = (uint8_t)(scalar ? 0 : q);
	if (islong) {
		op->c = (uint8_t)(scalar ? 1 : 8 >> size);
		op->imm = op->f ? op->c : 0;
	} else {
		op->c = (uint8_t)(scalar ? 1 : (q ? 16 : 8) >> size);
		op->imm = 0;
	}
	op->fn = t[size];
	return 0;
}
