/* Data processing, immediate: ADR/ADRP, ADD/SUB(S), logical, move wide,
 * bitfield, EXTR (ARM ARM C4.1.86). */
#include "cpu/aarch64/a64_int.h"

#define H(name) static const struct a64_op *name(struct a64_cpu *cpu, const struct a64_op *op)
#define R(i) cpu->r[op->i]

H(op_movi) { R(d) = op->imm; NEXT(op + 1); }
H(op_add_imm64) { R(d) = R(n) + op->imm; NEXT(op + 1); }
H(op_add_imm32) { R(d) = (uint32_t)(R(n) + op->imm); NEXT(op + 1); }
H(op_sub_imm64) { R(d) = R(n) - op->imm; NEXT(op + 1); }
H(op_sub_imm32) { R(d) = (uint32_t)(R(n) - op->imm); NEXT(op + 1); }
H(op_adds_imm64) { R(d) = add_flags64(cpu, R(n), op->imm, 0); NEXT(op + 1); }
H(op_adds_imm32) { R(d) = add_flags32(cpu, (uint32_t)R(n), (uint32_t)op->imm, 0); NEXT(op + 1); }
H(op_subs_imm64) { R(d) = sub_flags64(cpu, R(n), op->imm); NEXT(op + 1); }
H(op_subs_imm32) { R(d) = sub_flags32(cpu, (uint32_t)R(n), (uint32_t)op->imm); NEXT(op + 1); }

H(op_and_imm) { R(d) = R(n) & op->imm; NEXT(op + 1); }
H(op_orr_imm64) { R(d) = R(n) | op->imm; NEXT(op + 1); }
H(op_orr_imm32) { R(d) = (uint32_t)(R(n) | op->imm); NEXT(op + 1); }
H(op_eor_imm64) { R(d) = R(n) ^ op->imm; NEXT(op + 1); }
H(op_eor_imm32) { R(d) = (uint32_t)(R(n) ^ op->imm); NEXT(op + 1); }
H(op_ands_imm64)
{
	uint64_t r = R(n) & op->imm;
	flags_logic64(cpu, r);
	R(d) = r;
	NEXT(op + 1);
}
H(op_ands_imm32)
{
	uint32_t r = (uint32_t)(R(n) & op->imm);
	flags_logic32(cpu, r);
	R(d) = r;
	NEXT(op + 1);
}

H(op_movk) { R(d) = (R(d) & op->imm2) | op->imm; NEXT(op + 1); }

static inline uint64_t ror_w(uint64_t x, unsigned r, unsigned size)
{
	if (size == 64)
		return r ? (x >> r) | (x << (64 - r)) : x;
	x = (uint32_t)x;
	return r ? (uint32_t)((x >> r) | (x << (32 - r))) : x;
}

/* imm = wmask & tmask for UBFM; sh = R, c = S, sz = datasize */
H(op_lsr64) { R(d) = R(n) >> op->sh; NEXT(op + 1); }
H(op_lsl64) { R(d) = R(n) << op->sh; NEXT(op + 1); }
H(op_asr64) { R(d) = (uint64_t)((int64_t)R(n) >> op->sh); NEXT(op + 1); }
H(op_ubfm) { R(d) = ror_w(R(n), op->sh, op->sz) & op->imm; NEXT(op + 1); }
H(op_sbfm)
{
	uint64_t src = R(n);
	uint64_t bot = ror_w(src, op->sh, op->sz) & op->imm;
	uint64_t top = ((src >> op->c) & 1) ? ~(uint64_t)0 : 0;
	uint64_t r = (top & ~op->imm2) | (bot & op->imm2);
	R(d) = op->sz == 32 ? (uint32_t)r : r;
	NEXT(op + 1);
}
H(op_bfm)
{
	uint64_t dst = R(d);
	uint64_t bot = (dst & ~op->imm) | (ror_w(R(n), op->sh, op->sz) & op->imm);
	uint64_t r = (dst & ~op->imm2) | (bot & op->imm2);
	R(d) = op->sz == 32 ? (uint32_t)r : r;
	NEXT(op + 1);
}
H(op_extr64)
{
	unsigned l = op->sh;
	R(d) = l ? (R(m) >> l) | (R(n) << (64 - l)) : R(m);
	NEXT(op + 1);
}
H(op_extr32)
{
	uint64_t v = ((uint64_t)(uint32_t)R(n) << 32) | (uint32_t)R(m);
	R(d) = (uint32_t)(v >> op->sh);
	NEXT(op + 1);
}

static uint64_t ones(unsigned n)
{
	return n >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
}

int a64_bitmasks(unsigned n, unsigned imms, unsigned immr, int immediate,
		 unsigned datasize, uint64_t *wmask, uint64_t *tmask)
{
	unsigned v = (n << 6) | (~imms & 0x3f);
	if (v == 0)
		return 0;
	int len = 31 - __builtin_clz(v);
	if (len < 1)
		return 0;
	unsigned levels = (unsigned)ones((unsigned)len);
	if (immediate && (imms & levels) == levels)
		return 0;
	unsigned s = imms & levels, r = immr & levels;
	unsigned d = (s - r) & levels;
	unsigned esize = 1u << len;
	if (esize > datasize)
		return 0;
	uint64_t emask = ones(esize);
	uint64_t welem = ones(s + 1);
	uint64_t telem = ones(d + 1);
	if (r)
		welem = ((welem >> r) | (welem << (esize - r))) & emask;
	uint64_t w = 0, t = 0;
	for (unsigned i = 0; i < datasize; i += esize) {
		w |= welem << i;
		t |= telem << i;
	}
	*wmask = w;
	*tmask = t;
	return 1;
}

static int dec_addsub_imm(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, sub = bits(insn, 30, 30), s = bits(insn, 29, 29);
	if (bits(insn, 23, 23))
		return undef(op); /* tagged forms (MTE) */
	op->imm = (uint64_t)bits(insn, 21, 10) << (bits(insn, 22, 22) ? 12 : 0);
	op->n = rx_sp(bits(insn, 9, 5));
	op->d = s ? wx_zr(bits(insn, 4, 0)) : wx_sp(bits(insn, 4, 0));
	static const a64_fn fns[2][2][2] = {
		{ { op_add_imm32, op_adds_imm32 }, { op_sub_imm32, op_subs_imm32 } },
		{ { op_add_imm64, op_adds_imm64 }, { op_sub_imm64, op_subs_imm64 } },
	};
	op->fn = fns[sf][sub][s];
	return 0;
}

static int dec_logic_imm(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, opc = bits(insn, 30, 29), n = bits(insn, 22, 22);
	uint64_t w, t;
	if (!sf && n)
		return undef(op);
	if (!a64_bitmasks(n, bits(insn, 15, 10), bits(insn, 21, 16), 1, sf ? 64 : 32, &w, &t))
		return undef(op);
	op->imm = w;
	op->n = rx_zr(bits(insn, 9, 5));
	op->d = opc == 3 ? wx_zr(bits(insn, 4, 0)) : wx_sp(bits(insn, 4, 0));
	static const a64_fn fns[2][4] = {
		{ op_and_imm, op_orr_imm32, op_eor_imm32, op_ands_imm32 },
		{ op_and_imm, op_orr_imm64, op_eor_imm64, op_ands_imm64 },
	};
	op->fn = fns[sf][opc];
	return 0;
}

static int dec_movewide(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, opc = bits(insn, 30, 29), hw = bits(insn, 22, 21);
	if (opc == 1 || (!sf && hw >= 2))
		return undef(op);
	uint64_t v = (uint64_t)bits(insn, 20, 5) << (16 * hw);
	uint64_t dmask = sf ? ~(uint64_t)0 : 0xffffffffu;
	op->d = wx_zr(bits(insn, 4, 0));
	if (opc == 3) {
		op->imm = v;
		op->imm2 = dmask & ~((uint64_t)0xffff << (16 * hw));
		op->fn = op_movk;
	} else {
		op->imm = (opc == 0 ? ~v : v) & dmask;
		op->fn = op_movi;
	}
	return 0;
}

static int dec_bitfield(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, opc = bits(insn, 30, 29), n = bits(insn, 22, 22);
	unsigned immr = bits(insn, 21, 16), imms = bits(insn, 15, 10);
	uint64_t w, t;
	if (opc == 3 || n != sf || (!sf && (immr >= 32 || imms >= 32)))
		return undef(op);
	if (!a64_bitmasks(n, imms, immr, 0, sf ? 64 : 32, &w, &t))
		return undef(op);
	op->n = rx_zr(bits(insn, 9, 5));
	op->d = wx_zr(bits(insn, 4, 0));
	op->sh = (uint8_t)immr;
	op->c = (uint8_t)imms;
	op->sz = sf ? 64 : 32;
	if (opc == 1) {
		if (op->d == A64_DISCARD)
			op->d = A64_DISCARD; /* BFM into XZR reads discard: harmless */
		op->imm = w;
		op->imm2 = t;
		op->fn = op_bfm;
	} else if (opc == 0) {
		op->imm = w;
		op->imm2 = t;
		if (sf && imms == 63) {
			op->fn = op_asr64;
		} else {
			op->fn = op_sbfm;
		}
	} else {
		op->imm = w & t;
		if (sf && imms == 63)
			op->fn = op_lsr64;
		else if (sf && imms + 1 == immr) {
			op->sh = (uint8_t)(63 - imms);
			op->fn = op_lsl64;
		} else
			op->fn = op_ubfm;
	}
	return 0;
}

static int dec_extr(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, n = bits(insn, 22, 22), imms = bits(insn, 15, 10);
	if (bits(insn, 30, 29) || bits(insn, 21, 21) || n != sf || (!sf && imms >= 32))
		return undef(op);
	op->m = rx_zr(bits(insn, 20, 16));
	op->n = rx_zr(bits(insn, 9, 5));
	op->d = wx_zr(bits(insn, 4, 0));
	op->sh = (uint8_t)imms;
	op->fn = sf ? op_extr64 : op_extr32;
	return 0;
}

int a64_decode_dp_imm(struct a64_op *op, uint32_t insn)
{
	switch (bits(insn, 25, 23)) {
	case 0: case 1: {
		int64_t off = sext(((uint64_t)bits(insn, 23, 5) << 2) | bits(insn, 30, 29), 21);
		op->d = wx_zr(bits(insn, 4, 0));
		if (insn >> 31)
			op->imm = (op->pc & ~(uint64_t)0xfff) + ((uint64_t)off << 12);
		else
			op->imm = op->pc + (uint64_t)off;
		op->fn = op_movi;
		return 0;
	}
	case 2: return dec_addsub_imm(op, insn);
	case 3: return undef(op);
	case 4: return dec_logic_imm(op, insn);
	case 5: return dec_movewide(op, insn);
	case 6: return dec_bitfield(op, insn);
	default: return dec_extr(op, insn);
	}
}
