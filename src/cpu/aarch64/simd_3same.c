/* Advanced SIMD three same (integer), vector and scalar (ARM ARM C4.1.95):
 * arithmetic, compares, min/max, halving, saturating, shifts by register,
 * absolute difference, multiplies, pairwise.  The logic ops (opcode 00011)
 * are decoded in simd.c. */
#include "cpu/aarch64/simd_vec.h"

#define EF(name) \
	static inline uint64_t e_##name(struct a64_cpu *cpu, const struct a64_op *op, \
					uint64_t n, uint64_t m, uint64_t d, unsigned b)
#define S(x) sx(x, b)
#define ONES(c) ((c) ? ~0ull : 0)

EF(add) { return n + m; }
EF(sub) { return n - m; }
EF(mul) { return n * m; }
EF(mla) { return d + n * m; }
EF(mls) { return d - n * m; }
EF(cmeq) { return ONES(((n ^ m) & emask(b)) == 0); }
EF(cmtst) { return ONES((n & m) != 0); }
EF(cmgt) { return ONES(S(n) > S(m)); }
EF(cmge) { return ONES(S(n) >= S(m)); }
EF(cmhi) { return ONES(n > m); }
EF(cmhs) { return ONES(n >= m); }
EF(smax) { return S(n) > S(m) ? n : m; }
EF(smin) { return S(n) < S(m) ? n : m; }
EF(umax) { return n > m ? n : m; }
EF(umin) { return n < m ? n : m; }
EF(shadd) { return (uint64_t)((S(n) + S(m)) >> 1); }
EF(uhadd) { return (n + m) >> 1; }
EF(srhadd) { return (uint64_t)((S(n) + S(m) + 1) >> 1); }
EF(urhadd) { return (n + m + 1) >> 1; }
EF(shsub) { return (uint64_t)((S(n) - S(m)) >> 1); }
EF(uhsub) { return (n - m) >> 1; }
EF(sqadd) { return sat_s(cpu, (__int128)S(n) + S(m), b); }
EF(uqadd) { return sat_u(cpu, (__int128)n + m, b); }
EF(sqsub) { return sat_s(cpu, (__int128)S(n) - S(m), b); }
EF(uqsub) { return sat_u(cpu, (__int128)n - m, b); }
EF(sabd) { int64_t x = S(n), y = S(m); return x > y ? (uint64_t)x - (uint64_t)y : (uint64_t)y - (uint64_t)x; }
EF(uabd) { return n > m ? n - m : m - n; }
EF(saba) { return d + e_sabd(cpu, op, n, m, d, b); }
EF(uaba) { return d + e_uabd(cpu, op, n, m, d, b); }
EF(addp) { return n + m; }
EF(pmul)
{
	uint64_t r = 0;
	for (unsigned i = 0; i < b; i++)
		if ((m >> i) & 1)
			r ^= n << i;
	return r;
}

/* Shifts by register: the shift is the signed low byte of each m element. */
#define SHIFT(x) ((int)(int8_t)(x))
EF(sshl) { return (uint64_t)shl_exact(S(n), SHIFT(m), 0); }
EF(ushl) { return (uint64_t)shl_exact((__int128)n, SHIFT(m), 0); }
EF(srshl) { return (uint64_t)shl_exact(S(n), SHIFT(m), 1); }
EF(urshl) { return (uint64_t)shl_exact((__int128)n, SHIFT(m), 1); }
EF(sqshl) { return sat_s(cpu, shl_exact(S(n), SHIFT(m), 0), b); }
EF(uqshl) { return sat_u(cpu, shl_exact((__int128)n, SHIFT(m), 0), b); }
EF(sqrshl) { return sat_s(cpu, shl_exact(S(n), SHIFT(m), 1), b); }
EF(uqrshl) { return sat_u(cpu, shl_exact((__int128)n, SHIFT(m), 1), b); }

/* SQDMULH / SQRDMULH: high half of 2*n*m (rounded), saturated. */
EF(sqdmulh)
{
	__int128 p = (__int128)2 * S(n) * S(m);
	return sat_s(cpu, p >> b, b);
}
EF(sqrdmulh)
{
	__int128 p = (__int128)2 * S(n) * S(m) + ((__int128)1 << (b - 1));
	return sat_s(cpu, p >> b, b);
}

#define GSAME(name, es) \
	static VH(op_##name##_##es) { return run_same(cpu, op, es, e_##name, &VR(m)); }
#define GPAIR(name, es) \
	static VH(op_##name##_##es) { return run_pair(cpu, op, es, e_##name); }

VTAB(t_add, GSAME, add)
VTAB(t_sub, GSAME, sub)
VTAB(t_mul, GSAME, mul)
VTAB(t_mla, GSAME, mla)
VTAB(t_mls, GSAME, mls)
VTAB(t_cmeq, GSAME, cmeq)
VTAB(t_cmtst, GSAME, cmtst)
VTAB(t_cmgt, GSAME, cmgt)
VTAB(t_cmge, GSAME, cmge)
VTAB(t_cmhi, GSAME, cmhi)
VTAB(t_cmhs, GSAME, cmhs)
VTAB(t_smax, GSAME, smax)
VTAB(t_smin, GSAME, smin)
VTAB(t_umax, GSAME, umax)
VTAB(t_umin, GSAME, umin)
VTAB(t_shadd, GSAME, shadd)
VTAB(t_uhadd, GSAME, uhadd)
VTAB(t_srhadd, GSAME, srhadd)
VTAB(t_urhadd, GSAME, urhadd)
VTAB(t_shsub, GSAME, shsub)
VTAB(t_uhsub, GSAME, uhsub)
VTAB(t_sqadd, GSAME, sqadd)
VTAB(t_uqadd, GSAME, uqadd)
VTAB(t_sqsub, GSAME, sqsub)
VTAB(t_uqsub, GSAME, uqsub)
VTAB(t_sabd, GSAME, sabd)
VTAB(t_uabd, GSAME, uabd)
VTAB(t_saba, GSAME, saba)
VTAB(t_uaba, GSAME, uaba)
VTAB(t_pmul, GSAME, pmul)
VTAB(t_sshl, GSAME, sshl)
VTAB(t_ushl, GSAME, ushl)
VTAB(t_srshl, GSAME, srshl)
VTAB(t_urshl, GSAME, urshl)
VTAB(t_sqshl, GSAME, sqshl)
VTAB(t_uqshl, GSAME, uqshl)
VTAB(t_sqrshl, GSAME, sqrshl)
VTAB(t_uqrshl, GSAME, uqrshl)
VTAB(t_sqdmulh, GSAME, sqdmulh)
VTAB(t_sqrdmulh, GSAME, sqrdmulh)
VTAB(t_addp, GPAIR, addp)
#define e_smaxp e_smax
#define e_sminp e_smin
#define e_umaxp e_umax
#define e_uminp e_umin
VTAB(t_smaxp, GPAIR, smaxp)
VTAB(t_sminp, GPAIR, sminp)
VTAB(t_umaxp, GPAIR, umaxp)
VTAB(t_uminp, GPAIR, uminp)

/* Sizes allowed, bit per size field value: vector forms (size 3 also needs
 * Q=1) and scalar forms. */
#define B_ 1
#define H_ 2
#define S_ 4
#define D_ 8
#define BHS (B_ | H_ | S_)
#define ALL (BHS | D_)

struct same_ent {
	const a64_fn *t;
	uint8_t vsz, ssz;
};

static const struct same_ent same_tab[2][24] = {
	{ /* U = 0 */
		[0x00] = { t_shadd, BHS, 0 },
		[0x01] = { t_sqadd, ALL, ALL },
		[0x02] = { t_srhadd, BHS, 0 },
		[0x04] = { t_shsub, BHS, 0 },
		[0x05] = { t_sqsub, ALL, ALL },
		[0x06] = { t_cmgt, ALL, D_ },
		[0x07] = { t_cmge, ALL, D_ },
		[0x08] = { t_sshl, ALL, D_ },
		[0x09] = { t_sqshl, ALL, ALL },
		[0x0a] = { t_srshl, ALL, D_ },
		[0x0b] = { t_sqrshl, ALL, ALL },
		[0x0c] = { t_smax, BHS, 0 },
		[0x0d] = { t_smin, BHS, 0 },
		[0x0e] = { t_sabd, BHS, 0 },
		[0x0f] = { t_saba, BHS, 0 },
		[0x10] = { t_add, ALL, D_ },
		[0x11] = { t_cmtst, ALL, D_ },
		[0x12] = { t_mla, BHS, 0 },
		[0x13] = { t_mul, BHS, 0 },
		[0x14] = { t_smaxp, BHS, 0 },
		[0x15] = { t_sminp, BHS, 0 },
		[0x16] = { t_sqdmulh, H_ | S_, H_ | S_ },
		[0x17] = { t_addp, ALL, 0 },
	},
	{ /* U = 1 */
		[0x00] = { t_uhadd, BHS, 0 },
		[0x01] = { t_uqadd, ALL, ALL },
		[0x02] = { t_urhadd, BHS, 0 },
		[0x04] = { t_uhsub, BHS, 0 },
		[0x05] = { t_uqsub, ALL, ALL },
		[0x06] = { t_cmhi, ALL, D_ },
		[0x07] = { t_cmhs, ALL, D_ },
		[0x08] = { t_ushl, ALL, D_ },
		[0x09] = { t_uqshl, ALL, ALL },
		[0x0a] = { t_urshl, ALL, D_ },
		[0x0b] = { t_uqrshl, ALL, ALL },
		[0x0c] = { t_umax, BHS, 0 },
		[0x0d] = { t_umin, BHS, 0 },
		[0x0e] = { t_uabd, BHS, 0 },
		[0x0f] = { t_uaba, BHS, 0 },
		[0x10] = { t_sub, ALL, D_ },
		[0x11] = { t_cmeq, ALL, D_ },
		[0x12] = { t_mls, BHS, 0 },
		[0x13] = { t_pmul, B_, 0 },
		[0x14] = { t_umaxp, BHS, 0 },
		[0x15] = { t_uminp, BHS, 0 },
		[0x16] = { t_sqrdmulh, H_ | S_, H_ | S_ },
	},
};

int a64_simd_3same(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), opc = bits(insn, 15, 11);
	unsigned size = bits(insn, 23, 22), q = bits(insn, 30, 30);
	if (opc >= 24)
		return a64_simd_fp3same(op, insn, scalar);
	const struct same_ent *e = &same_tab[u][opc];
	if (!e->t)
		return undef(op);
	if (scalar) {
		if (!((e->ssz >> size) & 1))
			return undef(op);
		op->c = 1;
	} else {
		if (!((e->vsz >> size) & 1) || (size == 3 && !q))
			return undef(op);
		op->c = (uint8_t)((q ? 16 : 8) >> size);
	}
	vregs3(op, insn);
	op->f = (uint8_t)q;
	op->fn = e->t[size];
	return 0;
}

/* ---- by element (decoded in simd_elem.c): m is element sh of Vm ---- */
#define GELEM(name, es)                                                      \
	static VH(op_##name##_##es)                                          \
	{                                                                    \
		union a64_vreg t;                                            \
		return run_same(cpu, op, es, e_##name, bcast(&t, &VR(m), es, op->sh)); \
	}
#define e_mul_x e_mul
#define e_mla_x e_mla
#define e_mls_x e_mls
#define e_sqdmulh_x e_sqdmulh
#define e_sqrdmulh_x e_sqrdmulh
VTAB(t_mul_x, GELEM, mul_x)
VTAB(t_mla_x, GELEM, mla_x)
VTAB(t_mls_x, GELEM, mls_x)
VTAB(t_sqdmulh_x, GELEM, sqdmulh_x)
VTAB(t_sqrdmulh_x, GELEM, sqrdmulh_x)

const a64_fn *a64_simd_elem_same_tab(unsigned u, unsigned opc)
{
	switch (u << 4 | opc) {
	case 0x08: return t_mul_x;
	case 0x0c: return t_sqdmulh_x;
	case 0x0d: return t_sqrdmulh_x;
	case 0x10: return t_mla_x;
	case 0x14: return t_mls_x;
	}
	return NULL;
}
