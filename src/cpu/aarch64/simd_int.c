/* Advanced SIMD data processing: route the vector and scalar encoding
 * classes (ARM ARM C4.1.95 "Data Processing -- Scalar Floating-Point and
 * Advanced SIMD") to their decoders in simd_*.c.  simd.c handles modified
 * immediate, copy and vector logic before it gets here; anything not
 * matched stays UNDEF. */
#include "cpu/aarch64/simd_vec.h"

int a64_decode_asimd(struct a64_op *op, uint32_t insn)
{
	int scalar = bits(insn, 28, 28);
	if (bits(insn, 31, 31) || (scalar && !bits(insn, 30, 30)))
		return undef(op); /* crypto, scalar FP: not here */
	if (bits(insn, 24, 24)) {
		if (!bits(insn, 10, 10))
			return a64_simd_elem(op, insn, scalar);
		if (bits(insn, 23, 23) || !bits(insn, 22, 19))
			return undef(op); /* modified immediate is handled in simd.c */
		return a64_simd_shift(op, insn, scalar);
	}
	if (bits(insn, 21, 21)) {
		if (bits(insn, 10, 10))
			return a64_simd_3same(op, insn, scalar);
		if (bits(insn, 11, 11) == 0)
			return a64_simd_3diff(op, insn, scalar);
		switch (bits(insn, 20, 17)) {
		case 0x0: return a64_simd_2misc(op, insn, scalar);
		case 0x8: return a64_simd_across(op, insn, scalar);
		case 0xc: return a64_simd_fp16misc(op, insn, scalar); /* simd_fp16.c */
		}
		return undef(op);
	}
	/* three same FP16: bit 22 set, bits 21, 15, 14 clear, bit 10 set */
	if ((insn & 0x0060c400) == 0x00400400)
		return a64_simd_fp16same(op, insn, scalar); /* simd_fp16.c */
	/* bit 21 clear: copy, permute, extract, table lookup */
	if (scalar)
		return (insn & 0xdfe08400) == 0x5e000400 ? a64_simd_scalar_dup(op, insn) : undef(op);
	if (bits(insn, 23, 22) == 0 && !bits(insn, 15, 15) && !bits(insn, 10, 10)) {
		if (bits(insn, 29, 29))
			return a64_simd_ext(op, insn);
		return bits(insn, 11, 11) ? a64_simd_perm(op, insn) : a64_simd_tbl(op, insn);
	}
	if (!bits(insn, 29, 29) && !bits(insn, 15, 15) && bits(insn, 11, 10) == 2)
		return a64_simd_perm(op, insn);
	return undef(op);
}
