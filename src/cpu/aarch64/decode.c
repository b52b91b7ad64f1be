/* A64 top-level decode: split by the op0 field (bits 28:25) into the
 * encoding groups of the ARM ARM (C4.1). */
#include "cpu/aarch64/a64_int.h"

int a64_decode(struct a64_op *op, uint32_t insn)
{
	uint32_t op0 = bits(insn, 28, 25);
	switch (op0) {
	case 0x8: case 0x9:
		return a64_decode_dp_imm(op, insn);
	case 0xa: case 0xb:
		return a64_decode_branch_sys(op, insn);
	case 0x4: case 0x6: case 0xc: case 0xe:
		return a64_decode_ldst(op, insn);
	case 0x5: case 0xd:
		return a64_decode_dp_reg(op, insn);
	case 0x7: case 0xf:
		return a64_decode_simd(op, insn);
	default:
		/* UDF (0x0000xxxx), SME, SVE and unallocated space. */
		return undef(op);
	}
}
