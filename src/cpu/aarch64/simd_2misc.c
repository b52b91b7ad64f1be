/* Advanced SIMD two-register miscellaneous (integer), vector and scalar;
 * across lanes (ADDV, [SU]MAXV, [SU]MINV, [SU]ADDLV); scalar pairwise
 * ADDP (ARM ARM C4.1.95). */
#include "cpu/aarch64/simd_vec.h"

#define EF(name) \
	static inline uint64_t e_##name(struct a64_cpu *cpu, const struct a64_op *op, \
					uint64_t n, uint64_t m, uint64_t d, unsigned b)
#define S(x) sx(x, b)
#define ONES(c) ((c) ? ~0ull : 0)

/* Leading zeros of the low W bits of V. */
static inline uint64_t clz_w(uint64_t v, unsigned w)
{
	return v == 0 ? w : w - 64 + (unsigned)__builtin_clzll(v);
}

EF(cnt) { return (uint64_t)__builtin_popcountll(n); }
EF(clz) { return clz_w(n, b); }
EF(cls) { return clz_w((n ^ (n >> 1)) & emask(b - 1), b - 1); }
EF(not) { return ~n; }
EF(rbit)
{
	uint64_t r = 0;
	for (unsigned i = 0; i < 8; i++)
		r |= ((n >> i) & 1) << (7 - i);
	return r;
}
EF(abs) { return S(n) < 0 ? -n : n; }
EF(neg) { return -n; }
EF(sqabs) { return sat_s(cpu, S(n) < 0 ? -(__int128)S(n) : S(n), b); }
EF(sqneg) { return sat_s(cpu, -(__int128)S(n), b); }
EF(cmgt0) { return ONES(S(n) > 0); }
EF(cmge0) { return ONES(S(n) >= 0); }
EF(cmeq0) { return ONES((n & emask(b)) == 0); }
EF(cmle0) { return ONES(S(n) <= 0); }
EF(cmlt0) { return ONES(S(n) < 0); }
EF(suqadd) { return sat_s(cpu, (__int128)S(d) + n, b); }
EF(usqadd) { return sat_u(cpu, (__int128)d + S(n), b); }
/* narrowing: n is 2b bits wide */
EF(xtn) { return n; }
EF(sqxtn) { return sat_s(cpu, sx(n, 2 * b), b); }
EF(uqxtn) { return sat_u(cpu, n, b); }
EF(sqxtun) { return sat_u(cpu, sx(n, 2 * b), b); }
/* long */
EF(shll) { return n << b; }

#define GSAME(name, es) \
	static VH(op_##name##_##es) { return run_same(cpu, op, es, e_##name, &VR(m)); }
#define GNARROW(name, es) \
	static VH(op_##name##_##es) { return run_narrow(cpu, op, es, e_##name); }
#define GLONG(name, es) \
	static VH(op_##name##_##es) { return run_long(cpu, op, es, e_##name, 0, &VR(m)); }

VTAB(t_cnt, GSAME, cnt)
VTAB(t_clz, GSAME, clz)
VTAB(t_cls, GSAME, cls)
VTAB(t_not, GSAME, not)
VTAB(t_rbit, GSAME, rbit)
VTAB(t_abs, GSAME, abs)
VTAB(t_neg, GSAME, neg)
VTAB(t_sqabs, GSAME, sqabs)
VTAB(t_sqneg, GSAME, sqneg)
VTAB(t_cmgt0, GSAME, cmgt0)
VTAB(t_cmge0, GSAME, cmge0)
VTAB(t_cmeq0, GSAME, cmeq0)
VTAB(t_cmle0, GSAME, cmle0)
VTAB(t_cmlt0, GSAME, cmlt0)
VTAB(t_suqadd, GSAME, suqadd)
VTAB(t_usqadd, GSAME, usqadd)
VTAB(t_xtn, GNARROW, xtn)
VTAB(t_sqxtn, GNARROW, sqxtn)
VTAB(t_uqxtn, GNARROW, uqxtn)
VTAB(t_sqxtun, GNARROW, sqxtun)
VTAB(t_shll, GLONG, shll)

/* REV16/32/64: reverse the order of ES-byte elements inside each container;
 * sz = ES, sh = elements per container - 1, c = vector bytes. */
static VH(op_rev)
{
	const union a64_vreg *vn = &VR(n);
	union a64_vreg r;
	unsigned es = op->sz;
	r.q = 0;
	for (unsigned k = 0; k < op->c; k++)
		r.b[((k / es) ^ op->sh) * es + k % es] = vn->b[k];
	VR(d) = r;
	NEXT(op + 1);
}

/* [SU]ADDLP / [SU]ADALP: d[i] (2*es) = (acc ? d[i] : 0) + n[2i] + n[2i+1];
 * c = destination elements. */
ALWAYS const struct a64_op *run_addlp(struct a64_cpu *cpu, const struct a64_op *op,
				      unsigned es, int sgn, int acc)
{
	const union a64_vreg *vn = &VR(n), *vd = &VR(d);
	union a64_vreg r;
	r.q = 0;
	for (unsigned i = 0; i < op->c; i++) {
		uint64_t a = vg(vn, es, 2 * i), b = vg(vn, es, 2 * i + 1);
		uint64_t s = sgn ? (uint64_t)(sx(a, es * 8) + sx(b, es * 8)) : a + b;
		vp(&r, 2 * es, i, s + (acc ? vg(vd, 2 * es, i) : 0));
	}
	VR(d) = r;
	NEXT(op + 1);
}
#define GADDLP(name, es) \
	static VH(op_##name##_##es) { return run_addlp(cpu, op, es, name##_sgn, name##_acc); }
enum { saddlp_sgn = 1, saddlp_acc = 0, uaddlp_sgn = 0, uaddlp_acc = 0,
       sadalp_sgn = 1, sadalp_acc = 1, uadalp_sgn = 0, uadalp_acc = 1 };
VTAB(t_saddlp, GADDLP, saddlp)
VTAB(t_uaddlp, GADDLP, uaddlp)
VTAB(t_sadalp, GADDLP, sadalp)
VTAB(t_uadalp, GADDLP, uadalp)

#define B_ 1
#define H_ 2
#define S_ 4
#define D_ 8
#define BHS (B_ | H_ | S_)
#define ALL (BHS | D_)

enum { K_SAME, K_NARROW, K_LONG, K_PAIRL, K_REV };
struct misc_ent {
	const a64_fn *t;
	uint8_t vsz, ssz, kind;
};

static const struct misc_ent misc_tab[2][21] = {
	{ /* U = 0 */
		[0x00] = { NULL, BHS, 0, K_REV },      /* REV64 */
		[0x01] = { NULL, B_, 0, K_REV },       /* REV16 */
		[0x02] = { t_saddlp, BHS, 0, K_PAIRL },
		[0x03] = { t_suqadd, ALL, ALL, K_SAME },
		[0x04] = { t_cls, BHS, 0, K_SAME },
		[0x05] = { t_cnt, B_, 0, K_SAME },
		[0x06] = { t_sadalp, BHS, 0, K_PAIRL },
		[0x07] = { t_sqabs, ALL, ALL, K_SAME },
		[0x08] = { t_cmgt0, ALL, D_, K_SAME },
		[0x09] = { t_cmeq0, ALL, D_, K_SAME },
		[0x0a] = { t_cmlt0, ALL, D_, K_SAME },
		[0x0b] = { t_abs, ALL, D_, K_SAME },
		[0x12] = { t_xtn, BHS, 0, K_NARROW },
		[0x14] = { t_sqxtn, BHS, BHS, K_NARROW },
	},
	{ /* U = 1 */
		[0x00] = { NULL, B_ | H_, 0, K_REV },  /* REV32 */
		[0x02] = { t_uaddlp, BHS, 0, K_PAIRL },
		[0x03] = { t_usqadd, ALL, ALL, K_SAME },
		[0x04] = { t_clz, BHS, 0, K_SAME },
		[0x05] = { t_not, B_ | H_, 0, K_SAME }, /* size 0 NOT, 1 RBIT */
		[0x06] = { t_uadalp, BHS, 0, K_PAIRL },
		[0x07] = { t_sqneg, ALL, ALL, K_SAME },
		[0x08] = { t_cmge0, ALL, D_, K_SAME },
		[0x09] = { t_cmle0, ALL, D_, K_SAME },
		[0x0b] = { t_neg, ALL, D_, K_SAME },
		[0x12] = { t_sqxtun, BHS, BHS, K_NARROW },
		[0x13] = { t_shll, BHS, 0, K_LONG },
		[0x14] = { t_uqxtn, BHS, BHS, K_NARROW },
	},
};

int a64_simd_2misc(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), opc = bits(insn, 16, 12);
	unsigned size = bits(insn, 23, 22), q = bits(insn, 30, 30);
	if (opc > 0x14 || !misc_tab[u][opc].vsz)
		return a64_simd_fp2misc(op, insn, scalar); /* simd_fp.c */
	const struct misc_ent *e = &misc_tab[u][opc];
	if (scalar ? !((e->ssz >> size) & 1) : !((e->vsz >> size) & 1))
		return undef(op);
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = op->m = (uint8_t)bits(insn, 9, 5);
	op->f = (uint8_t)q;
	op->imm = 0;
	unsigned bytes = scalar ? 1u << size : q ? 16 : 8;
	switch (e->kind) {
	case K_SAME:
		if (!scalar && size == 3 && !q)
			return undef(op);
		if (u && opc == 5) { /* NOT (size 0), RBIT (size 1): bytes */
			op->c = (uint8_t)bytes;
			op->fn = size ? t_rbit[0] : t_not[0];
			return 0;
		}
		op->c = (uint8_t)(bytes >> size);
		op->fn = e->t[size];
		return 0;
	case K_NARROW: /* size = destination size; Q selects the "2" form */
		op->c = (uint8_t)(scalar ? 1 : 8 >> size);
		op->f = (uint8_t)(scalar ? 0 : q);
		op->fn = e->t[size];
		return 0;
	case K_LONG: /* SHLL: source half chosen by Q */
		op->c = (uint8_t)(8 >> size);
		op->imm = q ? op->c : 0;
		op->fn = e->t[size];
		return 0;
	case K_PAIRL:
		op->c = (uint8_t)(bytes >> (size + 1));
		op->fn = e->t[size];
		return 0;
	default: /* K_REV: container 8 (REV64), 4 (REV32), 2 (REV16) bytes */
		op->sz = (uint8_t)(1u << size);
		op->sh = (uint8_t)(((opc == 1 ? 2u : u ? 4u : 8u) >> size) - 1);
		op->c = (uint8_t)bytes;
		op->fn = op_rev;
		return 0;
	}
}

/* ---- across lanes: sh = 1 for the long sums ---- */
ALWAYS const struct a64_op *run_across(struct a64_cpu *cpu, const struct a64_op *op,
				       unsigned es, int kind)
{
	const union a64_vreg *vn = &VR(n);
	unsigned b = es * 8;
	uint64_t acc = vg(vn, es, 0);
	if (kind & 1) /* signed: SADDLV, SMAXV, SMINV */
		acc = (uint64_t)sx(acc, b);
	for (unsigned i = 1; i < op->c; i++) {
		uint64_t x = vg(vn, es, i);
		switch (kind) {
		case 0: acc += x; break;                                 /* ADDV, UADDLV */
		case 1: acc += (uint64_t)sx(x, b); break;                /* SADDLV */
		case 2: acc = x > acc ? x : acc; break;                  /* UMAXV */
		case 3: acc = sx(x, b) > (int64_t)acc ? (uint64_t)sx(x, b) : acc; break; /* SMAXV */
		case 4: acc = x < acc ? x : acc; break;                  /* UMINV */
		default: acc = sx(x, b) < (int64_t)acc ? (uint64_t)sx(x, b) : acc; break; /* SMINV */
		}
	}
	union a64_vreg r;
	r.q = 0;
	r.d[0] = op->sh ? acc & emask(2 * b) : acc & emask(b);
	VR(d) = r;
	NEXT(op + 1);
}
/* kinds: 0 sum, 1 signed sum, 2 umax, 3 smax, 4 umin, 5 smin */
#define GACROSS(name, es) \
	static VH(op_##name##_##es) { return run_across(cpu, op, es, name##_kind); }
enum { addv_kind = 0, saddlv_kind = 1, umaxv_kind = 2, smaxv_kind = 3,
       uminv_kind = 4, sminv_kind = 5 };
VTAB(t_addv, GACROSS, addv)
VTAB(t_saddlv, GACROSS, saddlv)
VTAB(t_umaxv, GACROSS, umaxv)
VTAB(t_smaxv, GACROSS, smaxv)
VTAB(t_uminv, GACROSS, uminv)
VTAB(t_sminv, GACROSS, sminv)

/* scalar ADDP Dd, Vn.2D */
static VH(op_addp_scalar)
{
	uint64_t s = VR(n).d[0] + VR(n).d[1];
	VR(d).d[0] = s;
	VR(d).d[1] = 0;
	NEXT(op + 1);
}

int a64_simd_across(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), opc = bits(insn, 16, 12);
	unsigned size = bits(insn, 23, 22), q = bits(insn, 30, 30);
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	if (opc == 0x0c || opc == 0x0d || opc == 0x0f)
		return a64_simd_fpacross(op, insn, scalar); /* simd_fp.c */
	if (scalar) { /* pairwise: only integer ADDP */
		if (u || opc != 0x1b || size != 3)
			return undef(op);
		op->fn = op_addp_scalar;
		return 0;
	}
	if (size == 3 || (size == 2 && !q))
		return undef(op);
	op->c = (uint8_t)((q ? 16 : 8) >> size);
	op->sh = 0;
	switch (opc) {
	case 0x03: op->sh = 1; op->fn = (u ? t_addv : t_saddlv)[size]; return 0;
	case 0x0a: op->fn = (u ? t_umaxv : t_smaxv)[size]; return 0;
	case 0x1a: op->fn = (u ? t_uminv : t_sminv)[size]; return 0;
	case 0x1b:
		if (u)
			break;
		op->fn = t_addv[size];
		return 0;
	}
	return undef(op);
}
