/* Advanced SIMD three different: long (SADDL ... SQDMULL, PMULL), wide
 * (SADDW ...) and narrowing high-half (ADDHN ...) forms, vector and the
 * scalar SQDMLAL/SQDMLSL/SQDMULL (ARM ARM C4.1.95).  B is the narrow
 * element size; wide operands and results are 2*B bits. */
#include "cpu/aarch64/simd_vec.h"

#define EF(name) \
	static inline uint64_t e_##name(struct a64_cpu *cpu, const struct a64_op *op, \
					uint64_t n, uint64_t m, uint64_t d, unsigned b)
#define S(x) sx(x, b)
#define W(x) sx(x, 2 * b)

EF(saddl) { return (uint64_t)(S(n) + S(m)); }
EF(uaddl) { return n + m; }
EF(ssubl) { return (uint64_t)(S(n) - S(m)); }
EF(usubl) { return n - m; }
EF(saddw) { return n + (uint64_t)S(m); }
EF(uaddw) { return n + m; }
EF(ssubw) { return n - (uint64_t)S(m); }
EF(usubw) { return n - m; }
EF(addhn) { return (n + m) >> b; }
EF(raddhn) { return (n + m + (1ull << (b - 1))) >> b; }
EF(subhn) { return (n - m) >> b; }
EF(rsubhn) { return (n - m + (1ull << (b - 1))) >> b; }
EF(sabdl) { int64_t x = S(n), y = S(m); return (uint64_t)(x > y ? x - y : y - x); }
EF(uabdl) { return n > m ? n - m : m - n; }
EF(sabal) { return d + e_sabdl(cpu, op, n, m, d, b); }
EF(uabal) { return d + e_uabdl(cpu, op, n, m, d, b); }
EF(smull) { return (uint64_t)(S(n) * S(m)); }
EF(umull) { return n * m; }
EF(smlal) { return d + (uint64_t)(S(n) * S(m)); }
EF(umlal) { return d + n * m; }
EF(smlsl) { return d - (uint64_t)(S(n) * S(m)); }
EF(umlsl) { return d - n * m; }
EF(sqdmull) { return sat_s(cpu, (__int128)2 * S(n) * S(m), 2 * b); }
EF(sqdmlal)
{
	int64_t p = (int64_t)e_sqdmull(cpu, op, n, m, d, b);
	return sat_s(cpu, (__int128)W(d) + p, 2 * b);
}
EF(sqdmlsl)
{
	int64_t p = (int64_t)e_sqdmull(cpu, op, n, m, d, b);
	return sat_s(cpu, (__int128)W(d) - p, 2 * b);
}
EF(pmull)
{
	uint64_t r = 0;
	for (unsigned i = 0; i < b; i++)
		if ((m >> i) & 1)
			r ^= n << i;
	return r;
}

#define GLONG(name, es) \
	static VH(op_##name##_##es) { return run_long(cpu, op, es, e_##name, 0, &VR(m)); }
#define GWIDE(name, es) \
	static VH(op_##name##_##es) { return run_long(cpu, op, es, e_##name, 1, &VR(m)); }
#define GNARROW(name, es) \
	static VH(op_##name##_##es) { return run_narrow(cpu, op, es, e_##name); }

VTAB(t_saddl, GLONG, saddl)
VTAB(t_uaddl, GLONG, uaddl)
VTAB(t_ssubl, GLONG, ssubl)
VTAB(t_usubl, GLONG, usubl)
VTAB(t_saddw, GWIDE, saddw)
VTAB(t_uaddw, GWIDE, uaddw)
VTAB(t_ssubw, GWIDE, ssubw)
VTAB(t_usubw, GWIDE, usubw)
VTAB(t_addhn, GNARROW, addhn)
VTAB(t_raddhn, GNARROW, raddhn)
VTAB(t_subhn, GNARROW, subhn)
VTAB(t_rsubhn, GNARROW, rsubhn)
VTAB(t_sabdl, GLONG, sabdl)
VTAB(t_uabdl, GLONG, uabdl)
VTAB(t_sabal, GLONG, sabal)
VTAB(t_uabal, GLONG, uabal)
VTAB(t_smull, GLONG, smull)
VTAB(t_umull, GLONG, umull)
VTAB(t_smlal, GLONG, smlal)
VTAB(t_umlal, GLONG, umlal)
VTAB(t_smlsl, GLONG, smlsl)
VTAB(t_umlsl, GLONG, umlsl)
VTAB(t_sqdmull, GLONG, sqdmull)
VTAB(t_sqdmlal, GLONG, sqdmlal)
VTAB(t_sqdmlsl, GLONG, sqdmlsl)
VTAB(t_pmull, GLONG, pmull)

/* PMULL{2} Vd.1Q, Vn.1D/2D, Vm.1D/2D: 64x64 -> 128 carry-less multiply
 * (FEAT_PMULL); imm = source doubleword. */
static VH(op_pmull64)
{
	uint64_t n = VR(n).d[op->imm], m = VR(m).d[op->imm], lo = 0, hi = 0;
	for (unsigned i = 0; i < 64; i++)
		if ((m >> i) & 1) {
			lo ^= n << i;
			hi ^= i ? n >> (64 - i) : 0;
		}
	VR(d).d[0] = lo;
	VR(d).d[1] = hi;
	NEXT(op + 1);
}

enum { K_LONG, K_NARROW };
struct diff_ent {
	const a64_fn *t;
	uint8_t kind, sz; /* sz: allowed sizes (bit per size field value) */
};

static const struct diff_ent diff_tab[2][15] = {
	{
		[0x0] = { t_saddl, K_LONG, 7 },
		[0x1] = { t_saddw, K_LONG, 7 },
		[0x2] = { t_ssubl, K_LONG, 7 },
		[0x3] = { t_ssubw, K_LONG, 7 },
		[0x4] = { t_addhn, K_NARROW, 7 },
		[0x5] = { t_sabal, K_LONG, 7 },
		[0x6] = { t_subhn, K_NARROW, 7 },
		[0x7] = { t_sabdl, K_LONG, 7 },
		[0x8] = { t_smlal, K_LONG, 7 },
		[0x9] = { t_sqdmlal, K_LONG, 6 },
		[0xa] = { t_smlsl, K_LONG, 7 },
		[0xb] = { t_sqdmlsl, K_LONG, 6 },
		[0xc] = { t_smull, K_LONG, 7 },
		[0xd] = { t_sqdmull, K_LONG, 6 },
		[0xe] = { t_pmull, K_LONG, 9 },
	},
	{
		[0x0] = { t_uaddl, K_LONG, 7 },
		[0x1] = { t_uaddw, K_LONG, 7 },
		[0x2] = { t_usubl, K_LONG, 7 },
		[0x3] = { t_usubw, K_LONG, 7 },
		[0x4] = { t_raddhn, K_NARROW, 7 },
		[0x5] = { t_uabal, K_LONG, 7 },
		[0x6] = { t_rsubhn, K_NARROW, 7 },
		[0x7] = { t_uabdl, K_LONG, 7 },
		[0x8] = { t_umlal, K_LONG, 7 },
		[0xa] = { t_umlsl, K_LONG, 7 },
		[0xc] = { t_umull, K_LONG, 7 },
	},
};

int a64_simd_3diff(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), opc = bits(insn, 15, 12);
	unsigned size = bits(insn, 23, 22), q = bits(insn, 30, 30);
	if (opc == 0xf || !diff_tab[u][opc].t || !((diff_tab[u][opc].sz >> size) & 1))
		return undef(op);
	if (scalar && (u || (opc != 0x9 && opc != 0xb && opc != 0xd)))
		return undef(op);
	const struct diff_ent *e = &diff_tab[u][opc];
	vregs3(op, insn);
	op->f = (uint8_t)(scalar ? 0 : q);
	op->c = (uint8_t)(scalar ? 1 : 8 >> size);
	op->imm = op->f ? op->c : 0;
	if (size == 3) { /* PMULL 1Q */
		op->imm = q;
		op->fn = op_pmull64;
		return 0;
	}
	op->fn = e->t[size];
	return 0;
}

/* ---- long by element (decoded in simd_elem.c): m is element sh of Vm ---- */
#define GELEM(name, es)                                                          \
	static VH(op_##name##_##es)                                              \
	{                                                                        \
		union a64_vreg t;                                                \
		return run_long(cpu, op, es, e_##name, 0, bcast(&t, &VR(m), es, op->sh)); \
	}
#define e_smull_x e_smull
#define e_umull_x e_umull
#define e_smlal_x e_smlal
#define e_umlal_x e_umlal
#define e_smlsl_x e_smlsl
#define e_umlsl_x e_umlsl
#define e_sqdmull_x e_sqdmull
#define e_sqdmlal_x e_sqdmlal
#define e_sqdmlsl_x e_sqdmlsl
VTAB(t_smull_x, GELEM, smull_x)
VTAB(t_umull_x, GELEM, umull_x)
VTAB(t_smlal_x, GELEM, smlal_x)
VTAB(t_umlal_x, GELEM, umlal_x)
VTAB(t_smlsl_x, GELEM, smlsl_x)
VTAB(t_umlsl_x, GELEM, umlsl_x)
VTAB(t_sqdmull_x, GELEM, sqdmull_x)
VTAB(t_sqdmlal_x, GELEM, sqdmlal_x)
VTAB(t_sqdmlsl_x, GELEM, sqdmlsl_x)

const a64_fn *a64_simd_elem_long_tab(unsigned u, unsigned opc)
{
	switch (u << 4 | opc) {
	case 0x02: return t_smlal_x;
	case 0x03: return t_sqdmlal_x;
	case 0x06: return t_smlsl_x;
	case 0x07: return t_sqdmlsl_x;
	case 0x0a: return t_smull_x;
	case 0x0b: return t_sqdmull_x;
	case 0x12: return t_umlal_x;
	case 0x16: return t_umlsl_x;
	case 0x1a: return t_umull_x;
	}
	return NULL;
}
