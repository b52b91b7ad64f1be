/* Data processing, register: logical and add/sub (shifted, extended, with
 * carry), conditional compare/select, 1- and 2-source, 3-source multiply
 * (ARM ARM C4.1.87). */
#include <pthread.h>

#include "cpu/aarch64/a64_int.h"

#define H(name) static const struct a64_op *name(struct a64_cpu *cpu, const struct a64_op *op)
#define R(i) cpu->r[op->i]

static inline uint64_t shift64(uint64_t v, unsigned type, unsigned amt)
{
	switch (type) {
	case 0: return v << amt;
	case 1: return v >> amt;
	case 2: return (uint64_t)((int64_t)v >> amt);
	default: return amt ? (v >> amt) | (v << (64 - amt)) : v;
	}
}
static inline uint32_t shift32(uint32_t v, unsigned type, unsigned amt)
{
	switch (type) {
	case 0: return v << amt;
	case 1: return v >> amt;
	case 2: return (uint32_t)((int32_t)v >> amt);
	default: return amt ? (v >> amt) | (v << (32 - amt)) : v;
	}
}
static inline uint64_t extend(uint64_t v, unsigned option)
{
	switch (option) {
	case 0: return (uint8_t)v;
	case 1: return (uint16_t)v;
	case 2: return (uint32_t)v;
	case 3: return v;
	case 4: return (uint64_t)(int64_t)(int8_t)v;
	case 5: return (uint64_t)(int64_t)(int16_t)v;
	case 6: return (uint64_t)(int64_t)(int32_t)v;
	default: return v;
	}
}

/* ---- logical (shifted register); f = invert operand 2 ---- */
#define OP2_64 (op->f ? ~shift64(R(m), op->c, op->sh) : shift64(R(m), op->c, op->sh))
#define OP2_32 (op->f ? ~shift32((uint32_t)R(m), op->c, op->sh) : shift32((uint32_t)R(m), op->c, op->sh))
H(op_mov64) { R(d) = R(m); NEXT(op + 1); }
H(op_mov32) { R(d) = (uint32_t)R(m); NEXT(op + 1); }
H(op_and64) { R(d) = R(n) & OP2_64; NEXT(op + 1); }
H(op_orr64) { R(d) = R(n) | OP2_64; NEXT(op + 1); }
H(op_eor64) { R(d) = R(n) ^ OP2_64; NEXT(op + 1); }
H(op_and32) { R(d) = (uint32_t)R(n) & OP2_32; NEXT(op + 1); }
H(op_orr32) { R(d) = (uint32_t)R(n) | OP2_32; NEXT(op + 1); }
H(op_eor32) { R(d) = (uint32_t)R(n) ^ OP2_32; NEXT(op + 1); }
H(op_ands64) { uint64_t r = R(n) & OP2_64; flags_logic64(cpu, r); R(d) = r; NEXT(op + 1); }
H(op_ands32) { uint32_t r = (uint32_t)R(n) & OP2_32; flags_logic32(cpu, r); R(d) = r; NEXT(op + 1); }

/* ---- add/sub shifted ---- */
#define SOP_64 shift64(R(m), op->c, op->sh)
#define SOP_32 shift32((uint32_t)R(m), op->c, op->sh)
H(op_add_r64) { R(d) = R(n) + R(m); NEXT(op + 1); }
H(op_sub_r64) { R(d) = R(n) - R(m); NEXT(op + 1); }
H(op_subs_r64) { R(d) = sub_flags64(cpu, R(n), R(m)); NEXT(op + 1); }
H(op_add_s64) { R(d) = R(n) + SOP_64; NEXT(op + 1); }
H(op_sub_s64) { R(d) = R(n) - SOP_64; NEXT(op + 1); }
H(op_adds_s64) { R(d) = add_flags64(cpu, R(n), SOP_64, 0); NEXT(op + 1); }
H(op_subs_s64) { R(d) = sub_flags64(cpu, R(n), SOP_64); NEXT(op + 1); }
H(op_add_s32) { R(d) = (uint32_t)(R(n) + SOP_32); NEXT(op + 1); }
H(op_sub_s32) { R(d) = (uint32_t)((uint32_t)R(n) - SOP_32); NEXT(op + 1); }
H(op_adds_s32) { R(d) = add_flags32(cpu, (uint32_t)R(n), SOP_32, 0); NEXT(op + 1); }
H(op_subs_s32) { R(d) = sub_flags32(cpu, (uint32_t)R(n), SOP_32); NEXT(op + 1); }

/* ---- add/sub extended: c = option, sh = left shift ---- */
#define EOP (extend(R(m), op->c) << op->sh)
H(op_add_e64) { R(d) = R(n) + EOP; NEXT(op + 1); }
H(op_sub_e64) { R(d) = R(n) - EOP; NEXT(op + 1); }
H(op_adds_e64) { R(d) = add_flags64(cpu, R(n), EOP, 0); NEXT(op + 1); }
H(op_subs_e64) { R(d) = sub_flags64(cpu, R(n), EOP); NEXT(op + 1); }
H(op_add_e32) { R(d) = (uint32_t)(R(n) + EOP); NEXT(op + 1); }
H(op_sub_e32) { R(d) = (uint32_t)(R(n) - EOP); NEXT(op + 1); }
H(op_adds_e32) { R(d) = add_flags32(cpu, (uint32_t)R(n), (uint32_t)EOP, 0); NEXT(op + 1); }
H(op_subs_e32) { R(d) = sub_flags32(cpu, (uint32_t)R(n), (uint32_t)EOP); NEXT(op + 1); }

/* ---- with carry ---- */
H(op_adc64) { R(d) = R(n) + R(m) + cpu->cf; NEXT(op + 1); }
H(op_adc32) { R(d) = (uint32_t)(R(n) + R(m) + cpu->cf); NEXT(op + 1); }
H(op_sbc64) { R(d) = R(n) + ~R(m) + cpu->cf; NEXT(op + 1); }
H(op_sbc32) { R(d) = (uint32_t)(R(n) + ~R(m) + cpu->cf); NEXT(op + 1); }
H(op_adcs64) { R(d) = add_flags64(cpu, R(n), R(m), cpu->cf); NEXT(op + 1); }
H(op_adcs32) { R(d) = add_flags32(cpu, (uint32_t)R(n), (uint32_t)R(m), cpu->cf); NEXT(op + 1); }
H(op_sbcs64) { R(d) = add_flags64(cpu, R(n), ~R(m), cpu->cf); NEXT(op + 1); }
H(op_sbcs32) { R(d) = add_flags32(cpu, (uint32_t)R(n), ~(uint32_t)R(m), cpu->cf); NEXT(op + 1); }

/* ---- conditional compare: c = cond, imm2 = nzcv, f bit0 = CCMN,
 * f bit1 = 32-bit, f bit2 = immediate operand (in imm) ---- */
H(op_ccmp)
{
	if (cond_holds(cpu, op->c)) {
		uint64_t b = (op->f & 4) ? op->imm : R(m);
		if (op->f & 2) {
			if (op->f & 1)
				add_flags32(cpu, (uint32_t)R(n), (uint32_t)b, 0);
			else
				sub_flags32(cpu, (uint32_t)R(n), (uint32_t)b);
		} else {
			if (op->f & 1)
				add_flags64(cpu, R(n), b, 0);
			else
				sub_flags64(cpu, R(n), b);
		}
	} else {
		a64_set_nzcv(cpu, (uint32_t)op->imm2 << 28);
	}
	NEXT(op + 1);
}

/* ---- conditional select ---- */
H(op_csel64) { R(d) = cond_holds(cpu, op->c) ? R(n) : R(m); NEXT(op + 1); }
H(op_csinc64) { R(d) = cond_holds(cpu, op->c) ? R(n) : R(m) + 1; NEXT(op + 1); }
H(op_csinv64) { R(d) = cond_holds(cpu, op->c) ? R(n) : ~R(m); NEXT(op + 1); }
H(op_csneg64) { R(d) = cond_holds(cpu, op->c) ? R(n) : -R(m); NEXT(op + 1); }
H(op_csel32) { R(d) = (uint32_t)(cond_holds(cpu, op->c) ? R(n) : R(m)); NEXT(op + 1); }
H(op_csinc32) { R(d) = (uint32_t)(cond_holds(cpu, op->c) ? R(n) : R(m) + 1); NEXT(op + 1); }
H(op_csinv32) { R(d) = (uint32_t)(cond_holds(cpu, op->c) ? R(n) : ~R(m)); NEXT(op + 1); }
H(op_csneg32) { R(d) = (uint32_t)(cond_holds(cpu, op->c) ? R(n) : -R(m)); NEXT(op + 1); }

/* ---- 2-source ---- */
H(op_udiv64) { uint64_t b = R(m); R(d) = b ? R(n) / b : 0; NEXT(op + 1); }
H(op_udiv32) { uint32_t b = (uint32_t)R(m); R(d) = b ? (uint32_t)R(n) / b : 0; NEXT(op + 1); }
H(op_sdiv64)
{
	int64_t a = (int64_t)R(n), b = (int64_t)R(m);
	if (b == 0)
		R(d) = 0;
	else if (b == -1)
		R(d) = -(uint64_t)a; /* INT64_MIN / -1 wraps to INT64_MIN */
	else
		R(d) = (uint64_t)(a / b);
	NEXT(op + 1);
}
H(op_sdiv32)
{
	int32_t a = (int32_t)R(n), b = (int32_t)R(m);
	if (b == 0)
		R(d) = 0;
	else if (b == -1)
		R(d) = (uint32_t)-(uint32_t)a;
	else
		R(d) = (uint32_t)(a / b);
	NEXT(op + 1);
}
H(op_lslv64) { R(d) = R(n) << (R(m) & 63); NEXT(op + 1); }
H(op_lsrv64) { R(d) = R(n) >> (R(m) & 63); NEXT(op + 1); }
H(op_asrv64) { R(d) = (uint64_t)((int64_t)R(n) >> (R(m) & 63)); NEXT(op + 1); }
H(op_rorv64) { R(d) = shift64(R(n), 3, R(m) & 63); NEXT(op + 1); }
H(op_lslv32) { R(d) = (uint32_t)R(n) << (R(m) & 31); NEXT(op + 1); }
H(op_lsrv32) { R(d) = (uint32_t)R(n) >> (R(m) & 31); NEXT(op + 1); }
H(op_asrv32) { R(d) = (uint32_t)((int32_t)R(n) >> (R(m) & 31)); NEXT(op + 1); }
H(op_rorv32) { R(d) = shift32((uint32_t)R(n), 3, R(m) & 31); NEXT(op + 1); }

/* CRC32{B,H,W,X} and CRC32C*: reflected polynomials, sz = bytes, f = C. */
/* CRC32{B,H,W,X} (f = 0, polynomial 0x04c11db7) and CRC32C* (f = 1,
 * 0x1edc6f41), bit-reflected, no inversion.  Slicing-by-8 tables: entry
 * [k][i] is the CRC of byte i followed by k zero bytes, so eight bytes
 * take eight lookups instead of 64 shift steps.  CRC32C on a host with
 * SSE4.2 uses its crc32 instruction, which computes the same function. */
static uint32_t crc_tab[2][8][256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;
static int crc_hw;

static void crc_init(void)
{
	static const uint32_t poly[2] = { 0xedb88320u, 0x82f63b78u };
	for (int p = 0; p < 2; p++) {
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;
			for (int k = 0; k < 8; k++)
				c = (c >> 1) ^ (poly[p] & -(c & 1));
			crc_tab[p][0][i] = c;
		}
		for (int k = 1; k < 8; k++)
			for (int i = 0; i < 256; i++) {
				uint32_t c = crc_tab[p][k - 1][i];
				crc_tab[p][k][i] = (c >> 8) ^ crc_tab[p][0][c & 0xff];
			}
	}
	crc_hw = __builtin_cpu_supports("sse4.2") != 0; /* a nonzero mask, not 1 */
}

static inline uint32_t crc_sw(int p, uint32_t crc, uint64_t v, unsigned bytes)
{
	const uint32_t (*t)[256] = crc_tab[p];
	if (bytes == 8) {
		uint64_t x = crc ^ v;
		return t[7][x & 0xff] ^ t[6][(x >> 8) & 0xff] ^ t[5][(x >> 16) & 0xff] ^
		       t[4][(x >> 24) & 0xff] ^ t[3][(x >> 32) & 0xff] ^ t[2][(x >> 40) & 0xff] ^
		       t[1][(x >> 48) & 0xff] ^ t[0][x >> 56];
	}
	for (unsigned i = 0; i < bytes; i++)
		crc = (crc >> 8) ^ t[0][(crc ^ (uint8_t)(v >> (8 * i))) & 0xff];
	return crc;
}

__attribute__((target("sse4.2"))) static inline uint32_t crc_hw32c(uint32_t crc, uint64_t v,
								   unsigned bytes)
{
	switch (bytes) {
	case 1: return __builtin_ia32_crc32qi(crc, (uint8_t)v);
	case 2: return __builtin_ia32_crc32hi(crc, (uint16_t)v);
	case 4: return __builtin_ia32_crc32si(crc, (uint32_t)v);
	default: return (uint32_t)__builtin_ia32_crc32di(crc, v);
	}
}

#define CRC(bytes)                                                                   \
	H(op_crc32_##bytes) { R(d) = crc_sw(0, (uint32_t)R(n), R(m), bytes); NEXT(op + 1); } \
	H(op_crc32c_##bytes) { R(d) = crc_sw(1, (uint32_t)R(n), R(m), bytes); NEXT(op + 1); } \
	__attribute__((target("sse4.2"))) H(op_crc32c_hw_##bytes)                  \
	{                                                                            \
		R(d) = crc_hw32c((uint32_t)R(n), R(m), bytes);                       \
		NEXT(op + 1);                                                        \
	}
CRC(1)
CRC(2)
CRC(4)
CRC(8)
/* [f = CRC32C ? 1 + host SSE4.2 : 0][log2 bytes] */
static const a64_fn crc_fns[3][4] = {
	{ op_crc32_1, op_crc32_2, op_crc32_4, op_crc32_8 },
	{ op_crc32c_1, op_crc32c_2, op_crc32c_4, op_crc32c_8 },
	{ op_crc32c_hw_1, op_crc32c_hw_2, op_crc32c_hw_4, op_crc32c_hw_8 },
};

/* ---- 1-source ---- */
static uint64_t rbit64(uint64_t v)
{
	v = ((v >> 1) & 0x5555555555555555ull) | ((v & 0x5555555555555555ull) << 1);
	v = ((v >> 2) & 0x3333333333333333ull) | ((v & 0x3333333333333333ull) << 2);
	v = ((v >> 4) & 0x0f0f0f0f0f0f0f0full) | ((v & 0x0f0f0f0f0f0f0f0full) << 4);
	return __builtin_bswap64(v);
}
H(op_rbit64) { R(d) = rbit64(R(n)); NEXT(op + 1); }
H(op_rbit32) { R(d) = rbit64(R(n)) >> 32; NEXT(op + 1); }
H(op_rev64) { R(d) = __builtin_bswap64(R(n)); NEXT(op + 1); }
H(op_rev32) { R(d) = __builtin_bswap32((uint32_t)R(n)); NEXT(op + 1); }
H(op_rev32x)
{
	uint64_t v = R(n);
	R(d) = ((uint64_t)__builtin_bswap32((uint32_t)(v >> 32)) << 32) | __builtin_bswap32((uint32_t)v);
	NEXT(op + 1);
}
H(op_rev16)
{
	uint64_t v = R(n);
	v = ((v >> 8) & 0x00ff00ff00ff00ffull) | ((v & 0x00ff00ff00ff00ffull) << 8);
	R(d) = op->sz == 32 ? (uint32_t)v : v;
	NEXT(op + 1);
}
H(op_clz64) { uint64_t v = R(n); R(d) = v ? (uint64_t)__builtin_clzll(v) : 64; NEXT(op + 1); }
H(op_clz32) { uint32_t v = (uint32_t)R(n); R(d) = v ? (uint64_t)__builtin_clz(v) : 32; NEXT(op + 1); }
H(op_cls64)
{
	uint64_t v = R(n);
	v ^= (uint64_t)((int64_t)v >> 1);
	v &= ~(1ull << 63); /* bits that differ from the bit above them */
	R(d) = v ? (uint64_t)__builtin_clzll(v) - 1 : 63;
	NEXT(op + 1);
}
H(op_cls32)
{
	uint32_t v = (uint32_t)R(n);
	v ^= (uint32_t)((int32_t)v >> 1);
	v &= 0x7fffffffu;
	R(d) = v ? (uint64_t)__builtin_clz(v) - 1 : 31;
	NEXT(op + 1);
}

/* ---- 3-source ---- */
H(op_madd64) { R(d) = R(a) + R(n) * R(m); NEXT(op + 1); }
H(op_msub64) { R(d) = R(a) - R(n) * R(m); NEXT(op + 1); }
H(op_madd32) { R(d) = (uint32_t)(R(a) + R(n) * R(m)); NEXT(op + 1); }
H(op_msub32) { R(d) = (uint32_t)(R(a) - R(n) * R(m)); NEXT(op + 1); }
H(op_smaddl) { R(d) = R(a) + (uint64_t)((int64_t)(int32_t)R(n) * (int32_t)R(m)); NEXT(op + 1); }
H(op_smsubl) { R(d) = R(a) - (uint64_t)((int64_t)(int32_t)R(n) * (int32_t)R(m)); NEXT(op + 1); }
H(op_umaddl) { R(d) = R(a) + (uint64_t)(uint32_t)R(n) * (uint32_t)R(m); NEXT(op + 1); }
H(op_umsubl) { R(d) = R(a) - (uint64_t)(uint32_t)R(n) * (uint32_t)R(m); NEXT(op + 1); }
H(op_smulh)
{
	__int128 p = (__int128)(int64_t)R(n) * (int64_t)R(m);
	R(d) = (uint64_t)((unsigned __int128)p >> 64);
	NEXT(op + 1);
}
H(op_umulh)
{
	unsigned __int128 p = (unsigned __int128)R(n) * R(m);
	R(d) = (uint64_t)(p >> 64);
	NEXT(op + 1);
}

/* ---- decoders ---- */

static void regs3(struct a64_op *op, uint32_t insn)
{
	op->m = rx_zr(bits(insn, 20, 16));
	op->n = rx_zr(bits(insn, 9, 5));
	op->d = wx_zr(bits(insn, 4, 0));
}

static int dec_logic_sh(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, opc = bits(insn, 30, 29), neg = bits(insn, 21, 21);
	unsigned type = bits(insn, 23, 22), amt = bits(insn, 15, 10);
	if (!sf && amt >= 32)
		return undef(op);
	regs3(op, insn);
	op->c = (uint8_t)type;
	op->sh = (uint8_t)amt;
	op->f = (uint8_t)neg;
	if (opc == 1 && !neg && amt == 0 && op->n == A64_XZR) {
		op->fn = sf ? op_mov64 : op_mov32; /* MOV Rd, Rm */
		return 0;
	}
	static const a64_fn fns[2][4] = {
		{ op_and32, op_orr32, op_eor32, op_ands32 },
		{ op_and64, op_orr64, op_eor64, op_ands64 },
	};
	op->fn = fns[sf][opc];
	return 0;
}

static int dec_addsub_sh(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, sub = bits(insn, 30, 30), s = bits(insn, 29, 29);
	unsigned type = bits(insn, 23, 22), amt = bits(insn, 15, 10);
	if (type == 3 || (!sf && amt >= 32))
		return undef(op);
	regs3(op, insn);
	op->c = (uint8_t)type;
	op->sh = (uint8_t)amt;
	if (sf && amt == 0) {
		if (!s) {
			op->fn = sub ? op_sub_r64 : op_add_r64;
			return 0;
		}
		if (sub) {
			op->fn = op_subs_r64;
			return 0;
		}
	}
	static const a64_fn fns[2][2][2] = {
		{ { op_add_s32, op_adds_s32 }, { op_sub_s32, op_subs_s32 } },
		{ { op_add_s64, op_adds_s64 }, { op_sub_s64, op_subs_s64 } },
	};
	op->fn = fns[sf][sub][s];
	return 0;
}

static int dec_addsub_ext(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, sub = bits(insn, 30, 30), s = bits(insn, 29, 29);
	unsigned amt = bits(insn, 12, 10);
	if (bits(insn, 23, 22) || amt > 4)
		return undef(op);
	op->m = rx_zr(bits(insn, 20, 16));
	op->n = rx_sp(bits(insn, 9, 5));
	op->d = s ? wx_zr(bits(insn, 4, 0)) : wx_sp(bits(insn, 4, 0));
	op->c = (uint8_t)bits(insn, 15, 13);
	op->sh = (uint8_t)amt;
	static const a64_fn fns[2][2][2] = {
		{ { op_add_e32, op_adds_e32 }, { op_sub_e32, op_subs_e32 } },
		{ { op_add_e64, op_adds_e64 }, { op_sub_e64, op_subs_e64 } },
	};
	op->fn = fns[sf][sub][s];
	return 0;
}

static int dec_adc(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, sub = bits(insn, 30, 30), s = bits(insn, 29, 29);
	if (bits(insn, 15, 10))
		return a64_decode_flagm_dp(op, insn); /* RMIF, SETF8/16: ext.c */
	regs3(op, insn);
	static const a64_fn fns[2][2][2] = {
		{ { op_adc32, op_adcs32 }, { op_sbc32, op_sbcs32 } },
		{ { op_adc64, op_adcs64 }, { op_sbc64, op_sbcs64 } },
	};
	op->fn = fns[sf][sub][s];
	return 0;
}

static int dec_ccmp(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, sub = bits(insn, 30, 30), s = bits(insn, 29, 29);
	if (!s || bits(insn, 10, 10) || bits(insn, 4, 4))
		return undef(op);
	op->n = rx_zr(bits(insn, 9, 5));
	op->c = (uint8_t)bits(insn, 15, 12);
	op->imm2 = bits(insn, 3, 0);
	op->f = (uint8_t)((!sub) | (sf ? 0 : 2));
	if (bits(insn, 11, 11)) {
		op->f |= 4;
		op->imm = bits(insn, 20, 16);
	} else {
		op->m = rx_zr(bits(insn, 20, 16));
	}
	op->fn = op_ccmp;
	return 0;
}

static int dec_csel(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, o = bits(insn, 30, 30), o2 = bits(insn, 11, 10);
	if (bits(insn, 29, 29) || o2 > 1)
		return undef(op);
	regs3(op, insn);
	op->c = (uint8_t)bits(insn, 15, 12);
	static const a64_fn fns[2][4] = {
		{ op_csel32, op_csinc32, op_csinv32, op_csneg32 },
		{ op_csel64, op_csinc64, op_csinv64, op_csneg64 },
	};
	op->fn = fns[sf][o * 2 + o2];
	return 0;
}

static int dec_2src(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, opc = bits(insn, 15, 10);
	if (bits(insn, 29, 29))
		return undef(op);
	regs3(op, insn);
	switch (opc) {
	case 2: op->fn = sf ? op_udiv64 : op_udiv32; return 0;
	case 3: op->fn = sf ? op_sdiv64 : op_sdiv32; return 0;
	case 8: op->fn = sf ? op_lslv64 : op_lslv32; return 0;
	case 9: op->fn = sf ? op_lsrv64 : op_lsrv32; return 0;
	case 10: op->fn = sf ? op_asrv64 : op_asrv32; return 0;
	case 11: op->fn = sf ? op_rorv64 : op_rorv32; return 0;
	}
	if (opc >= 0x10 && opc <= 0x17 && a64_feature_crc32()) {
		unsigned sz = opc & 3;
		if ((sz == 3) != (sf == 1))
			return undef(op);
		unsigned c = (opc >> 2) & 1;
		pthread_once(&crc_once, crc_init);
		op->fn = crc_fns[c ? 1 + crc_hw : 0][sz];
		return 0;
	}
	return undef(op);
}

static int dec_1src(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, opc = bits(insn, 15, 10);
	if (bits(insn, 29, 29) || bits(insn, 20, 16))
		return undef(op);
	op->n = rx_zr(bits(insn, 9, 5));
	op->d = wx_zr(bits(insn, 4, 0));
	op->sz = sf ? 64 : 32;
	switch (opc) {
	case 0: op->fn = sf ? op_rbit64 : op_rbit32; return 0;
	case 1: op->fn = op_rev16; return 0;
	case 2: op->fn = sf ? op_rev32x : op_rev32; return 0;
	case 3: if (!sf) break; op->fn = op_rev64; return 0;
	case 4: op->fn = sf ? op_clz64 : op_clz32; return 0;
	case 5: op->fn = sf ? op_cls64 : op_cls32; return 0;
	}
	return undef(op);
}

static int dec_3src(struct a64_op *op, uint32_t insn)
{
	unsigned sf = insn >> 31, op31 = bits(insn, 23, 21), o0 = bits(insn, 15, 15);
	if (bits(insn, 30, 29))
		return undef(op);
	regs3(op, insn);
	op->a = rx_zr(bits(insn, 14, 10));
	if (op31 == 0) {
		op->fn = sf ? (o0 ? op_msub64 : op_madd64) : (o0 ? op_msub32 : op_madd32);
		return 0;
	}
	if (!sf)
		return undef(op);
	switch (op31) {
	case 1: op->fn = o0 ? op_smsubl : op_smaddl; return 0;
	case 5: op->fn = o0 ? op_umsubl : op_umaddl; return 0;
	case 2: if (o0) break; op->fn = op_smulh; return 0;
	case 6: if (o0) break; op->fn = op_umulh; return 0;
	}
	return undef(op);
}

int a64_decode_dp_reg(struct a64_op *op, uint32_t insn)
{
	unsigned op1 = bits(insn, 28, 28), op2 = bits(insn, 24, 21);
	if (!op1) {
		if (!(op2 & 8))
			return dec_logic_sh(op, insn);
		if (!(op2 & 1))
			return dec_addsub_sh(op, insn);
		return dec_addsub_ext(op, insn);
	}
	if (op2 & 8)
		return dec_3src(op, insn);
	switch (op2) {
	case 0: return dec_adc(op, insn);
	case 2: return dec_ccmp(op, insn);
	case 4: return dec_csel(op, insn);
	case 6: return bits(insn, 30, 30) ? dec_1src(op, insn) : dec_2src(op, insn);
	}
	return undef(op);
}
