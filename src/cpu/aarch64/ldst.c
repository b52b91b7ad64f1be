/* Loads and stores of general and FP/SIMD registers: single register (all
 * addressing forms), pairs, literals (ARM ARM C4.1.89).  Exclusives and
 * atomics are in atomic.c, LD1/ST1 in simd.c. */
#include "cpu/aarch64/a64_int.h"

#define H(name) static const struct a64_op *name(struct a64_cpu *cpu, const struct a64_op *op)
#define R(i) cpu->r[op->i]

/* op->c: addressing mode; op->f: access kind; op->sz: bytes per register;
 * op->d: Rt (as read index for stores, write index for loads, raw number
 * for V registers); op->m: Rt2 for pairs, Rm for register offsets;
 * op->a: extend option and op->sh: shift for register offsets. */
enum { M_OFF, M_PRE, M_POST, M_REG };
enum { K_ST, K_LD, K_LDS64, K_LDS32, K_STV, K_LDV, K_PRF };

static inline uint64_t ext_reg(uint64_t v, unsigned option)
{
	switch (option) {
	case 2: return (uint32_t)v;                          /* UXTW */
	case 6: return (uint64_t)(int64_t)(int32_t)v;        /* SXTW */
	default: return v;                                   /* LSL/UXTX, SXTX */
	}
}

static inline uint64_t ld_sext(const void *p, unsigned sz)
{
	switch (sz) {
	case 1: return (uint64_t)(int64_t)*(const int8_t *)p;
	case 2: { int16_t v; memcpy(&v, p, 2); return (uint64_t)(int64_t)v; }
	default: { int32_t v; memcpy(&v, p, 4); return (uint64_t)(int64_t)v; }
	}
}

static inline void ld_v(struct a64_cpu *cpu, unsigned t, const void *p, unsigned sz)
{
	union a64_vreg v;
	v.q = 0;
	memcpy(&v, p, sz);
	cpu->v[t] = v;
}

/* One register transfer at host address p. */
static inline void xfer(struct a64_cpu *cpu, const struct a64_op *op, uint8_t *p, unsigned reg)
{
	switch (op->f) {
	case K_ST: st_u(p, cpu->r[reg], op->sz); break;
	case K_LD: cpu->r[reg] = ld_u(p, op->sz); break;
	case K_LDS64: cpu->r[reg] = ld_sext(p, op->sz); break;
	case K_LDS32: cpu->r[reg] = (uint32_t)ld_sext(p, op->sz); break;
	case K_STV: memcpy(p, &cpu->v[reg], op->sz); break;
	case K_LDV: ld_v(cpu, reg, p, op->sz); break;
	}
}

static inline uint64_t addr_of(struct a64_cpu *cpu, const struct a64_op *op)
{
	switch (op->c) {
	case M_POST: return R(n);
	case M_REG: return R(n) + (ext_reg(R(m), op->a) << op->sh);
	default: return R(n) + op->imm;
	}
}

H(op_ldst)
{
	uint64_t a = addr_of(cpu, op);
	uint8_t *p = gmem(cpu, op, a, op->sz);
	xfer(cpu, op, p, op->d);
	if (op->c == M_PRE || op->c == M_POST)
		R(n) += op->imm;
	NEXT(op + 1);
}

/* Hot forms, specialised: base + scaled unsigned offset. */
H(op_ldr64) { R(d) = ld_u(gmem(cpu, op, R(n) + op->imm, 8), 8); NEXT(op + 1); }
H(op_ldr32) { R(d) = ld_u(gmem(cpu, op, R(n) + op->imm, 4), 4); NEXT(op + 1); }
H(op_ldrb) { R(d) = *gmem(cpu, op, R(n) + op->imm, 1); NEXT(op + 1); }
H(op_str64) { st_u(gmem(cpu, op, R(n) + op->imm, 8), R(d), 8); NEXT(op + 1); }
H(op_str32) { st_u(gmem(cpu, op, R(n) + op->imm, 4), R(d), 4); NEXT(op + 1); }
H(op_strb) { *gmem(cpu, op, R(n) + op->imm, 1) = (uint8_t)R(d); NEXT(op + 1); }
H(op_prfm) { NEXT(op + 1); }

H(op_ld_lit)
{
	uint8_t *p = gmem(cpu, op, op->imm, op->sz);
	xfer(cpu, op, p, op->d);
	NEXT(op + 1);
}

/* Pairs: both values are read before either register is written, so a
 * fault leaves the registers as they were. */
H(op_ldstp)
{
	uint64_t a = op->c == M_POST ? R(n) : R(n) + op->imm;
	unsigned sz = op->sz;
	uint8_t *p = gmem(cpu, op, a, 2 * sz);
	switch (op->f) {
	case K_ST:
		st_u(p, R(d), sz);
		st_u(p + sz, R(m), sz);
		break;
	case K_STV:
		memcpy(p, &cpu->v[op->d], sz);
		memcpy(p + sz, &cpu->v[op->m], sz);
		break;
	case K_LD: {
		uint64_t x = ld_u(p, sz), y = ld_u(p + sz, sz);
		R(d) = x;
		R(m) = y;
		break;
	}
	case K_LDS64: {
		uint64_t x = ld_sext(p, sz), y = ld_sext(p + sz, sz);
		R(d) = x;
		R(m) = y;
		break;
	}
	case K_LDV: {
		union a64_vreg x, y;
		x.q = y.q = 0;
		memcpy(&x, p, sz);
		memcpy(&y, p + sz, sz);
		cpu->v[op->d] = x;
		cpu->v[op->m] = y;
		break;
	}
	}
	if (op->c != M_OFF)
		R(n) += op->imm;
	NEXT(op + 1);
}
H(op_ldp64)
{
	uint8_t *p = gmem(cpu, op, R(n) + op->imm, 16);
	uint64_t x = ld_u(p, 8), y = ld_u(p + 8, 8);
	R(d) = x;
	R(m) = y;
	NEXT(op + 1);
}
H(op_stp64)
{
	uint8_t *p = gmem(cpu, op, R(n) + op->imm, 16);
	st_u(p, R(d), 8);
	st_u(p + 8, R(m), 8);
	NEXT(op + 1);
}

/* Specialised single-register and pair handlers: one per addressing mode,
 * kind and size, so the hot path has no switches.  Generic op_ldst and
 * op_ldstp remain for the rest (literal forms use xfer directly). */
enum { S_OFF, S_PRE, S_POST, S_RX, S_RUW, S_RSW, S_NMODES };
#define ALWAYS_INLINE static inline __attribute__((always_inline))

ALWAYS_INLINE uint64_t s_addr(struct a64_cpu *cpu, const struct a64_op *op, int mode)
{
	switch (mode) {
	case S_POST: return R(n);
	case S_RX: return R(n) + (R(m) << op->sh);
	case S_RUW: return R(n) + ((uint64_t)(uint32_t)R(m) << op->sh);
	case S_RSW: return R(n) + ((uint64_t)(int64_t)(int32_t)R(m) << op->sh);
	default: return R(n) + op->imm;
	}
}

ALWAYS_INLINE void s_xfer(struct a64_cpu *cpu, int kind, unsigned sz, uint8_t *p, unsigned reg)
{
	switch (kind) {
	case K_ST: st_u(p, cpu->r[reg], sz); break;
	case K_LD: cpu->r[reg] = ld_u(p, sz); break;
	case K_LDS64: cpu->r[reg] = ld_sext(p, sz); break;
	case K_LDS32: cpu->r[reg] = (uint32_t)ld_sext(p, sz); break;
	case K_STV: memcpy(p, &cpu->v[reg], sz); break;
	case K_LDV: ld_v(cpu, reg, p, sz); break;
	}
}

#define LS1(mode, kind, lg)                                                   \
	H(ls_##mode##_##kind##_##lg)                                          \
	{                                                                     \
		uint8_t *p = gmem(cpu, op, s_addr(cpu, op, mode), 1u << lg);  \
		s_xfer(cpu, kind, 1u << lg, p, op->d);                        \
		if (mode == S_PRE || mode == S_POST)                          \
			R(n) += op->imm;                                      \
		NEXT(op + 1);                                                \
	}
#define LS1_K(mode, kind) \
	LS1(mode, kind, 0) LS1(mode, kind, 1) LS1(mode, kind, 2) LS1(mode, kind, 3) LS1(mode, kind, 4)
#define LS1_M(mode) \
	LS1_K(mode, K_ST) LS1_K(mode, K_LD) LS1_K(mode, K_LDS64) LS1_K(mode, K_LDS32) \
	LS1_K(mode, K_STV) LS1_K(mode, K_LDV)
LS1_M(S_OFF) LS1_M(S_PRE) LS1_M(S_POST) LS1_M(S_RX) LS1_M(S_RUW) LS1_M(S_RSW)

#define LS1_TK(mode, kind) { ls_##mode##_##kind##_0, ls_##mode##_##kind##_1, \
	ls_##mode##_##kind##_2, ls_##mode##_##kind##_3, ls_##mode##_##kind##_4 }
#define LS1_TM(mode) { LS1_TK(mode, K_ST), LS1_TK(mode, K_LD), LS1_TK(mode, K_LDS64), \
	LS1_TK(mode, K_LDS32), LS1_TK(mode, K_STV), LS1_TK(mode, K_LDV) }
static const a64_fn ls1_fns[S_NMODES][K_LDV + 1][5] = {
	LS1_TM(S_OFF), LS1_TM(S_PRE), LS1_TM(S_POST), LS1_TM(S_RX), LS1_TM(S_RUW), LS1_TM(S_RSW),
};

/* Pick the specialised handler for a decoded single-register op. */
static a64_fn ls1_pick(const struct a64_op *op)
{
	int mode;
	switch (op->c) {
	case M_OFF: mode = S_OFF; break;
	case M_PRE: mode = S_PRE; break;
	case M_POST: mode = S_POST; break;
	default:
		mode = op->a == 2 ? S_RUW : op->a == 6 ? S_RSW : S_RX;
		break;
	}
	if (op->f > K_LDV)
		return op_ldst;
	return ls1_fns[mode][op->f][__builtin_ctz(op->sz)];
}

/* Pairs: both values are read before either register is written. */
#define LSP(mode, kind, lg)                                                   \
	H(lsp_##mode##_##kind##_##lg)                                         \
	{                                                                     \
		const unsigned sz = 1u << lg;                                 \
		uint8_t *p = gmem(cpu, op, s_addr(cpu, op, mode), 2 * sz);    \
		switch (kind) {                                               \
		case K_ST:                                                    \
			st_u(p, R(d), sz);                                    \
			st_u(p + sz, R(m), sz);                               \
			break;                                                \
		case K_STV:                                                   \
			memcpy(p, &cpu->v[op->d], sz);                        \
			memcpy(p + sz, &cpu->v[op->m], sz);                   \
			break;                                                \
		case K_LD: {                                                  \
			uint64_t x = ld_u(p, sz), y = ld_u(p + sz, sz);       \
			R(d) = x;                                             \
			R(m) = y;                                             \
			break;                                                \
		}                                                             \
		case K_LDS64: {                                               \
			uint64_t x = ld_sext(p, sz), y = ld_sext(p + sz, sz); \
			R(d) = x;                                             \
			R(m) = y;                                             \
			break;                                                \
		}                                                             \
		default: {                                                    \
			union a64_vreg x, y;                                  \
			x.q = y.q = 0;                                        \
			memcpy(&x, p, sz);                                    \
			memcpy(&y, p + sz, sz);                               \
			cpu->v[op->d] = x;                                    \
			cpu->v[op->m] = y;                                    \
			break;                                                \
		}                                                             \
		}                                                             \
		if (mode != S_OFF)                                            \
			R(n) += op->imm;                                      \
		NEXT(op + 1);                                                \
	}
#define LSP_K(mode, kind) LSP(mode, kind, 2) LSP(mode, kind, 3) LSP(mode, kind, 4)
#define LSP_M(mode) \
	LSP_K(mode, K_ST) LSP_K(mode, K_LD) LSP_K(mode, K_LDS64) LSP_K(mode, K_STV) LSP_K(mode, K_LDV)
LSP_M(S_OFF) LSP_M(S_PRE) LSP_M(S_POST)
#define LSP_TK(mode, kind) { lsp_##mode##_##kind##_2, lsp_##mode##_##kind##_3, \
	lsp_##mode##_##kind##_4 }
#define LSP_TM(mode) { LSP_TK(mode, K_ST), LSP_TK(mode, K_LD), LSP_TK(mode, K_LDS64), \
	{ NULL, NULL, NULL }, LSP_TK(mode, K_STV), LSP_TK(mode, K_LDV) }
static const a64_fn lsp_fns[3][K_LDV + 1][3] = {
	LSP_TM(S_OFF), LSP_TM(S_PRE), LSP_TM(S_POST),
};

static a64_fn lsp_pick(const struct a64_op *op)
{
	int mode = op->c == M_OFF ? S_OFF : op->c == M_PRE ? S_PRE : S_POST;
	unsigned lg = (unsigned)__builtin_ctz(op->sz);
	if (op->f > K_LDV || lg < 2 || lg > 4 || !lsp_fns[mode][op->f][lg - 2])
		return op_ldstp;
	return lsp_fns[mode][op->f][lg - 2];
}

/* Size and kind of a single-register access; 0 when unallocated. */
static unsigned ls_kind(unsigned size, unsigned v, unsigned opc, unsigned *kind)
{
	if (v) {
		if (opc & 2) {
			if (size)
				return 0;
			*kind = (opc & 1) ? K_LDV : K_STV;
			return 16;
		}
		*kind = (opc & 1) ? K_LDV : K_STV;
		return 1u << size;
	}
	switch (opc) {
	case 0: *kind = K_ST; break;
	case 1: *kind = K_LD; break;
	case 2: *kind = size == 3 ? K_PRF : K_LDS64; break;
	default:
		if (size >= 2)
			return 0;
		*kind = K_LDS32;
		break;
	}
	return 1u << size;
}

static void set_rt(struct a64_op *op, unsigned rt, unsigned kind)
{
	if (kind == K_STV || kind == K_LDV)
		op->d = (uint8_t)rt;
	else if (kind == K_ST)
		op->d = rx_zr(rt);
	else
		op->d = wx_zr(rt);
}

static int dec_ldst_reg(struct a64_op *op, uint32_t insn)
{
	unsigned size = insn >> 30, v = bits(insn, 26, 26), opc = bits(insn, 23, 22);
	unsigned rt = bits(insn, 4, 0), kind = 0;
	if (!bits(insn, 24, 24) && bits(insn, 21, 21) && bits(insn, 11, 10) == 0)
		return v ? undef(op) : a64_decode_atomic(op, insn);
	unsigned sz = ls_kind(size, v, opc, &kind);
	if (!sz)
		return undef(op);
	op->sz = (uint8_t)sz;
	op->f = (uint8_t)kind;
	op->n = rx_sp(bits(insn, 9, 5));
	set_rt(op, rt, kind);
	if (bits(insn, 24, 24)) {
		/* unsigned scaled offset */
		op->imm = (uint64_t)bits(insn, 21, 10) * sz;
		op->c = M_OFF;
		if (kind == K_PRF) {
			op->fn = op_prfm;
			return 0;
		}
		switch (kind * 16 + sz) {
		case K_LD * 16 + 8: op->fn = op_ldr64; return 0;
		case K_LD * 16 + 4: op->fn = op_ldr32; return 0;
		case K_LD * 16 + 1: op->fn = op_ldrb; return 0;
		case K_ST * 16 + 8: op->fn = op_str64; return 0;
		case K_ST * 16 + 4: op->fn = op_str32; return 0;
		case K_ST * 16 + 1: op->fn = op_strb; return 0;
		}
		op->fn = ls1_pick(op);
		return 0;
	}
	if (!bits(insn, 21, 21)) {
		unsigned form = bits(insn, 11, 10);
		op->imm = (uint64_t)sext(bits(insn, 20, 12), 9);
		if (kind == K_PRF) {
			if (form != 0)
				return undef(op); /* only PRFUM */
			op->fn = op_prfm;
			return 0;
		}
		if (form == 2 && v)
			return undef(op); /* no unprivileged SIMD forms */
		static const uint8_t modes[4] = { M_OFF, M_POST, M_OFF, M_PRE };
		op->c = modes[form];
		op->fn = ls1_pick(op);
		return 0;
	}
	if (bits(insn, 11, 10) == 2) {
		unsigned option = bits(insn, 15, 13);
		if (!(option & 2))
			return undef(op);
		op->c = M_REG;
		op->m = rx_zr(bits(insn, 20, 16));
		op->a = (uint8_t)option;
		op->sh = bits(insn, 12, 12) ? (uint8_t)__builtin_ctz(sz) : 0;
		op->fn = kind == K_PRF ? op_prfm : ls1_pick(op);
		return 0;
	}
	return undef(op);
}

static int dec_pair(struct a64_op *op, uint32_t insn)
{
	unsigned opc = insn >> 30, v = bits(insn, 26, 26), type = bits(insn, 24, 23);
	unsigned l = bits(insn, 22, 22), sz, kind;
	if (v) {
		if (opc == 3)
			return undef(op);
		sz = 4u << opc;
		kind = l ? K_LDV : K_STV;
	} else if (opc == 0 || opc == 2) {
		sz = opc ? 8 : 4;
		kind = l ? K_LD : K_ST;
	} else if (opc == 1 && l && type != 0) {
		sz = 4;
		kind = K_LDS64; /* LDPSW */
	} else {
		return undef(op);
	}
	unsigned rt = bits(insn, 4, 0), rt2 = bits(insn, 14, 10);
	op->sz = (uint8_t)sz;
	op->f = (uint8_t)kind;
	op->n = rx_sp(bits(insn, 9, 5));
	op->imm = (uint64_t)(sext(bits(insn, 21, 15), 7) * (int64_t)sz);
	set_rt(op, rt, kind);
	if (kind == K_LDV || kind == K_STV)
		op->m = (uint8_t)rt2;
	else
		op->m = kind == K_ST ? rx_zr(rt2) : wx_zr(rt2);
	static const uint8_t modes[4] = { M_OFF, M_POST, M_OFF, M_PRE };
	op->c = modes[type];
	if (op->c == M_OFF && sz == 8 && kind == K_LD)
		op->fn = op_ldp64;
	else if (op->c == M_OFF && sz == 8 && kind == K_ST)
		op->fn = op_stp64;
	else
		op->fn = lsp_pick(op);
	return 0;
}

static int dec_literal(struct a64_op *op, uint32_t insn)
{
	unsigned opc = insn >> 30, v = bits(insn, 26, 26), rt = bits(insn, 4, 0);
	op->imm = op->pc + (uint64_t)(sext(bits(insn, 23, 5), 19) * 4);
	if (v) {
		if (opc == 3)
			return undef(op);
		op->sz = (uint8_t)(4u << opc);
		op->f = K_LDV;
		op->d = (uint8_t)rt;
	} else {
		if (opc == 3) {
			op->fn = op_prfm;
			return 0;
		}
		op->sz = opc == 1 ? 8 : 4;
		op->f = opc == 2 ? K_LDS64 : K_LD;
		op->d = wx_zr(rt);
	}
	op->fn = op_ld_lit;
	return 0;
}

int a64_decode_ldst(struct a64_op *op, uint32_t insn)
{
	switch (bits(insn, 29, 28)) {
	case 0:
		if (!bits(insn, 26, 26)) {
			return bits(insn, 29, 24) == 0x08 ? a64_decode_atomic(op, insn) : undef(op);
		}
		return a64_decode_simd_ldst(op, insn);
	case 1:
		if (bits(insn, 24, 24))
			return a64_decode_rcpc2(op, insn); /* LDAPUR/STLUR: ext.c */
		return dec_literal(op, insn);
	case 2:
		return dec_pair(op, insn);
	default:
		return dec_ldst_reg(op, insn);
	}
}
