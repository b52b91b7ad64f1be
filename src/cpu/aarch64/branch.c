/* Branches, exception generation (SVC, BRK) and the entry to the system
 * instruction decoder (ARM ARM C4.1.88). */
#include "cpu/aarch64/a64_int.h"

#define H(name) static const struct a64_op *name(struct a64_cpu *cpu, const struct a64_op *op)
#define R(i) cpu->r[op->i]

/* Indirect branch: try the thread's jump cache without leaving the block
 * loop; otherwise let the dispatcher look it up. */
static inline const struct a64_op *indirect(struct a64_cpu *cpu, uint64_t target)
{
	struct a64_jcache *jc = cpu->jit_cache;
	size_t h = (target >> 2) & (A64_JC_SIZE - 1);
	if (likely(jc->e[h].pc == target && jc->e[h].b && jc->gen == a64_gen &&
		   !cpu->interrupt))
		return jc->e[h].b->ops;
	cpu->pc = target;
	return NULL;
}

H(op_b) { return a64_jump(cpu, op, op->imm, 0); }
H(op_bl)
{
	cpu->r[30] = op->pc + 4;
	return a64_jump(cpu, op, op->imm, 0);
}
H(op_br) { return indirect(cpu, R(n)); }
H(op_blr)
{
	uint64_t t = R(n);
	cpu->r[30] = op->pc + 4;
	return indirect(cpu, t);
}

#define BCOND(cc)                                                   \
	H(op_bcond_##cc)                                            \
	{                                                           \
		if (cond_holds(cpu, cc))                            \
			return a64_jump(cpu, op, op->imm, 0);       \
		return a64_jump(cpu, op, op->pc + 4, 1);            \
	}
BCOND(0) BCOND(1) BCOND(2) BCOND(3) BCOND(4) BCOND(5) BCOND(6) BCOND(7)
BCOND(8) BCOND(9) BCOND(10) BCOND(11) BCOND(12) BCOND(13)
static const a64_fn bcond_fns[14] = {
	op_bcond_0, op_bcond_1, op_bcond_2, op_bcond_3, op_bcond_4,
	op_bcond_5, op_bcond_6, op_bcond_7, op_bcond_8, op_bcond_9,
	op_bcond_10, op_bcond_11, op_bcond_12, op_bcond_13,
};

#define BR2(name, test)                                              \
	H(name)                                                      \
	{                                                            \
		if (test)                                            \
			return a64_jump(cpu, op, op->imm, 0);        \
		return a64_jump(cpu, op, op->pc + 4, 1);             \
	}
BR2(op_cbz64, R(n) == 0)
BR2(op_cbnz64, R(n) != 0)
BR2(op_cbz32, (uint32_t)R(n) == 0)
BR2(op_cbnz32, (uint32_t)R(n) != 0)
BR2(op_tbz, !((R(n) >> op->sh) & 1))
BR2(op_tbnz, (R(n) >> op->sh) & 1)

H(op_svc)
{
	cpu->pc = op->pc + 4;
	cpu->exit_reason = A64_EXIT_SVC;
	cpu->exit_info = op->imm;
	return NULL;
}
H(op_brk)
{
	cpu->pc = op->pc;
	cpu->exit_reason = A64_EXIT_BRK;
	cpu->exit_info = op->imm;
	return NULL;
}

static int dec_uncond_reg(struct a64_op *op, uint32_t insn)
{
	unsigned opc = bits(insn, 24, 21);
	if (bits(insn, 20, 16) != 31 || bits(insn, 15, 10) || bits(insn, 4, 0))
		return undef(op); /* includes the PAC forms */
	op->n = rx_zr(bits(insn, 9, 5));
	switch (opc) {
	case 0: case 2: op->fn = op_br; return 1; /* BR, RET */
	case 1: op->fn = op_blr; return 1;
	}
	return undef(op);
}

static int dec_exception(struct a64_op *op, uint32_t insn)
{
	unsigned opc = bits(insn, 23, 21), ll = bits(insn, 1, 0);
	op->imm = bits(insn, 20, 5);
	if (bits(insn, 4, 2))
		return undef(op);
	if (opc == 0 && ll == 1) {
		op->fn = op_svc;
		return 1;
	}
	if (opc == 1 && ll == 0) {
		op->fn = op_brk;
		return 1;
	}
	return undef(op); /* HVC, SMC, HLT, DCPS, TCANCEL */
}

int a64_decode_branch_sys(struct a64_op *op, uint32_t insn)
{
	unsigned hi = insn >> 29;
	if ((insn & 0x7c000000) == 0x14000000) { /* B, BL */
		op->imm = op->pc + (uint64_t)(sext(bits(insn, 25, 0), 26) * 4);
		op->fn = (insn >> 31) ? op_bl : op_b;
		return 1;
	}
	if ((insn & 0x7e000000) == 0x34000000) { /* CBZ, CBNZ */
		unsigned sf = insn >> 31, nz = bits(insn, 24, 24);
		op->imm = op->pc + (uint64_t)(sext(bits(insn, 23, 5), 19) * 4);
		op->n = rx_zr(bits(insn, 4, 0));
		op->fn = sf ? (nz ? op_cbnz64 : op_cbz64) : (nz ? op_cbnz32 : op_cbz32);
		return 1;
	}
	if ((insn & 0x7e000000) == 0x36000000) { /* TBZ, TBNZ */
		op->imm = op->pc + (uint64_t)(sext(bits(insn, 18, 5), 14) * 4);
		op->n = rx_zr(bits(insn, 4, 0));
		op->sh = (uint8_t)((bits(insn, 31, 31) << 5) | bits(insn, 23, 19));
		op->fn = bits(insn, 24, 24) ? op_tbnz : op_tbz;
		return 1;
	}
	if (hi == 2 && bits(insn, 25, 25) == 0) { /* B.cond */
		unsigned cond = bits(insn, 3, 0);
		if (bits(insn, 24, 24) || bits(insn, 4, 4))
			return undef(op);
		op->imm = op->pc + (uint64_t)(sext(bits(insn, 23, 5), 19) * 4);
		op->c = (uint8_t)cond;
		op->fn = cond >= 14 ? op_b : bcond_fns[cond];
		return 1;
	}
	if (hi == 6) {
		unsigned top = bits(insn, 25, 22);
		if ((top & 0xc) == 0)
			return dec_exception(op, insn);
		if (top == 4)
			return a64_decode_system(op, insn);
		if ((top & 0x8) == 0x8)
			return dec_uncond_reg(op, insn);
	}
	return undef(op);
}
