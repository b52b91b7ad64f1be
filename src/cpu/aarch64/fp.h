/* Scalar floating point (fp.c): the decoder entry simd.c routes to. */
#ifndef BSDEMU_CPU_A64_FP_H
#define BSDEMU_CPU_A64_FP_H

#include <stdint.h>

struct a64_op;

/* 1 when INSN is in the scalar FP space fp.c decodes: FP data processing
 * (1/2/3 source), compare, conditional compare/select, immediate, FP<->int
 * and FP<->fixed conversions, and the scalar FRECPE/FRSQRTE/FRECPX/FRECPS/
 * FRSQRTS of the Advanced SIMD scalar space. */
static inline int a64_fp_class(uint32_t insn)
{
	if ((insn & 0x7f000000) == 0x1e000000 || (insn & 0x7f000000) == 0x1f000000)
		return 1;
	if ((insn & 0xffa0fc00) == 0x5e20fc00 || (insn & 0xffa0fc00) == 0x5ea0fc00)
		return 1; /* FRECPS, FRSQRTS */
	uint32_t k = insn & 0xffbffc00;
	return k == 0x5ea1d800 || k == 0x7ea1d800 || k == 0x5ea1f800; /* FRECPE FRSQRTE FRECPX */
}

int a64_decode_fp(struct a64_op *op, uint32_t insn);

#endif
