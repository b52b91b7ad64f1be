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

H(op_b) { NEXT_OR_EXIT(a64_jump(cpu, op, op->imm, 0)); }
H(op_bl)
{
	cpu->r[30] = op->pc + 4;
	NEXT_OR_EXIT(a64_jump(cpu, op, op->imm, 0));
}
H(op_br) { NEXT_OR_EXIT(indirect(cpu, R(n))); }
H(op_blr)
{
	uint64_t t = R(n);
	cpu->r[30] = op->pc + 4;
	NEXT_OR_EXIT(indirect(cpu, t));
}

#define BCOND(cc)                                                   \
	H(op_bcond_##cc)                                            \
	{                                                           \
		if (cond_holds(cpu, cc))                            \
			NEXT_OR_EXIT(a64_jump(cpu, op, op->imm, 0));       \
		NEXT_OR_EXIT(a64_jump(cpu, op, op->pc + 4, 1));            \
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
			NEXT_OR_EXIT(a64_jump(cpu, op, op->imm, 0));        \
		NEXT_OR_EXIT(a64_jump(cpu, op, op->pc + 4, 1));             \
	}
BR2(op_cbz64, R(n) == 0)
BR2(op_cbnz64, R(n) != 0)
BR2(op_cbz32, (uint32_t)R(n) == 0)
BR2(op_cbnz32, (uint32_t)R(n) != 0)
BR2(op_tbz, !((R(n) >> op->sh) & 1))
BR2(op_tbnz, (R(n) >> op->sh) & 1)

/* ---- compare and branch, fused at translation time (a64_fuse_cmp_bcond):
 * CMP/SUBS (immediate, or register without shift) or TST/ANDS (immediate)
 * followed by B.cond, as one op in the compare's slot.  It sets the flags
 * and the destination exactly as the compare does, then branches as the
 * B.cond does; the B.cond's slot holds the link slot (op + 1), and the
 * fall-through is op->pc + 8.  imm = second operand, imm2 = target. ---- */
enum { FC_SUBI64, FC_SUBR64, FC_SUBI32, FC_SUBR32, FC_ANDI64, FC_ANDI32, FC_NKINDS };

#define FCB(kind, cc)                                                             \
	H(op_fcb_##kind##_##cc)                                                   \
	{                                                                         \
		switch (kind) {                                                   \
		case FC_SUBI64: R(d) = sub_flags64(cpu, R(n), op->imm); break;    \
		case FC_SUBR64: R(d) = sub_flags64(cpu, R(n), R(m)); break;       \
		case FC_SUBI32: R(d) = sub_flags32(cpu, (uint32_t)R(n), (uint32_t)op->imm); break; \
		case FC_SUBR32: R(d) = sub_flags32(cpu, (uint32_t)R(n), (uint32_t)R(m)); break; \
		case FC_ANDI64: {                                                 \
			uint64_t r_ = R(n) & op->imm;                             \
			flags_logic64(cpu, r_);                                   \
			R(d) = r_;                                                \
			break;                                                    \
		}                                                                 \
		default: {                                                        \
			uint32_t r_ = (uint32_t)(R(n) & op->imm);                 \
			flags_logic32(cpu, r_);                                   \
			R(d) = r_;                                                \
			break;                                                    \
		}                                                                 \
		}                                                                 \
		if (cond_holds(cpu, cc))                                          \
			NEXT_OR_EXIT(a64_jump(cpu, op, op->imm2, 0));                    \
		NEXT_OR_EXIT(a64_jump(cpu, op, op->pc + 8, 1));                          \
	}
#define FCB_K(kind) \
	FCB(kind, 0) FCB(kind, 1) FCB(kind, 2) FCB(kind, 3) FCB(kind, 4) FCB(kind, 5) \
	FCB(kind, 6) FCB(kind, 7) FCB(kind, 8) FCB(kind, 9) FCB(kind, 10) FCB(kind, 11) \
	FCB(kind, 12) FCB(kind, 13)
FCB_K(FC_SUBI64) FCB_K(FC_SUBR64) FCB_K(FC_SUBI32) FCB_K(FC_SUBR32) FCB_K(FC_ANDI64)
FCB_K(FC_ANDI32)
#define FCB_T(kind) { op_fcb_##kind##_0, op_fcb_##kind##_1, op_fcb_##kind##_2, \
	op_fcb_##kind##_3, op_fcb_##kind##_4, op_fcb_##kind##_5, op_fcb_##kind##_6, \
	op_fcb_##kind##_7, op_fcb_##kind##_8, op_fcb_##kind##_9, op_fcb_##kind##_10, \
	op_fcb_##kind##_11, op_fcb_##kind##_12, op_fcb_##kind##_13 }
static const a64_fn fcb_fns[FC_NKINDS][14] = {
	FCB_T(FC_SUBI64), FCB_T(FC_SUBR64), FCB_T(FC_SUBI32), FCB_T(FC_SUBR32),
	FCB_T(FC_ANDI64), FCB_T(FC_ANDI32),
};

int a64_fuse_cmp_bcond(struct a64_op *cmp, const struct a64_op *br)
{
	uint32_t ci = cmp->insn, bi = br->insn;
	int kind;
	if (br->pc != cmp->pc + 4 || (bi & 0xff000010) != 0x54000000 || (bi & 0xf) >= 14)
		return 0; /* not B.cond (AL/NV stay plain B) */
	if (cmp->fn == a64_op_undef)
		return 0;
	if ((ci & 0x7f800000) == 0x71000000)         /* SUBS (immediate) */
		kind = (ci >> 31) ? FC_SUBI64 : FC_SUBI32;
	else if ((ci & 0x7f20fc00) == 0x6b000000)    /* SUBS (shifted register), LSL #0 */
		kind = (ci >> 31) ? FC_SUBR64 : FC_SUBR32;
	else if ((ci & 0x7f800000) == 0x72000000)    /* ANDS (immediate) */
		kind = (ci >> 31) ? FC_ANDI64 : FC_ANDI32;
	else
		return 0;
	/* The compare's decoder has filled d, n, m and imm already. */
	cmp->imm2 = br->imm;
	cmp->c = (uint8_t)(bi & 0xf);
	cmp->fn = fcb_fns[kind][bi & 0xf];
	return 1;
}

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
