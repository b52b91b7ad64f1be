/* Advanced SIMD shift by immediate (integer), vector and scalar: SSHR ...
 * SRI/SLI, saturating left shifts, narrowing right shifts, SSHLL/USHLL
 * (ARM ARM C4.1.95).  op->sh is the decoded shift amount (1..esize for
 * right shifts, 0..esize-1 for left shifts). */
#include "cpu/aarch64/simd_vec.h"

#define EF(name) \
	static inline uint64_t e_##name(struct a64_cpu *cpu, const struct a64_op *op, \
					uint64_t n, uint64_t m, uint64_t d, unsigned b)
#define S(x) sx(x, b)
#define SH ((int)op->sh)

EF(sshr) { return (uint64_t)shl_exact(S(n), -SH, 0); }
EF(ushr) { return (uint64_t)shl_exact((__int128)n, -SH, 0); }
EF(srshr) { return (uint64_t)shl_exact(S(n), -SH, 1); }
EF(urshr) { return (uint64_t)shl_exact((__int128)n, -SH, 1); }
EF(ssra) { return d + e_sshr(cpu, op, n, m, d, b); }
EF(usra) { return d + e_ushr(cpu, op, n, m, d, b); }
EF(srsra) { return d + e_srshr(cpu, op, n, m, d, b); }
EF(ursra) { return d + e_urshr(cpu, op, n, m, d, b); }
EF(sri)
{
	uint64_t mask = SH >= 64 ? 0 : emask(b) >> SH;
	return (d & ~mask) | (SH >= 64 ? 0 : (n >> SH) & mask);
}
EF(shl) { return n << SH; }
EF(sli)
{
	uint64_t mask = emask(b) << SH;
	return (d & ~mask) | (n << SH);
}
EF(sqshl) { return sat_s(cpu, shl_exact(S(n), SH, 0), b); }
EF(uqshl) { return sat_u(cpu, shl_exact((__int128)n, SH, 0), b); }
EF(sqshlu) { return sat_u(cpu, shl_exact(S(n), SH, 0), b); }
/* narrowing: n is 2b bits wide, b is the destination size */
#define W(x) sx(x, 2 * b)
EF(shrn) { return n >> SH; }
EF(rshrn) { return (uint64_t)shl_exact((__int128)n, -SH, 1); }
EF(sqshrn) { return sat_s(cpu, shl_exact(W(n), -SH, 0), b); }
EF(sqrshrn) { return sat_s(cpu, shl_exact(W(n), -SH, 1), b); }
EF(uqshrn) { return sat_u(cpu, shl_exact((__int128)n, -SH, 0), b); }
EF(uqrshrn) { return sat_u(cpu, shl_exact((__int128)n, -SH, 1), b); }
EF(sqshrun) { return sat_u(cpu, shl_exact(W(n), -SH, 0), b); }
EF(sqrshrun) { return sat_u(cpu, shl_exact(W(n), -SH, 1), b); }
/* long */
EF(sshll) { return (uint64_t)S(n) << SH; }
EF(ushll) { return n << SH; }

#define GSAME(name, es) \
	static VH(op_##name##_##es) { return run_same(cpu, op, es, e_##name, &VR(n)); }
#define GNARROW(name, es) \
	static VH(op_##name##_##es) { return run_narrow(cpu, op, es, e_##name); }
#define GLONG(name, es) \
	static VH(op_##name##_##es) { return run_long(cpu, op, es, e_##name, 0, &VR(n)); }

VTAB(t_sshr, GSAME, sshr)
VTAB(t_ushr, GSAME, ushr)
VTAB(t_srshr, GSAME, srshr)
VTAB(t_urshr, GSAME, urshr)
VTAB(t_ssra, GSAME, ssra)
VTAB(t_usra, GSAME, usra)
VTAB(t_srsra, GSAME, srsra)
VTAB(t_ursra, GSAME, ursra)
VTAB(t_sri, GSAME, sri)
VTAB(t_shl, GSAME, shl)
VTAB(t_sli, GSAME, sli)
VTAB(t_sqshl, GSAME, sqshl)
VTAB(t_uqshl, GSAME, uqshl)
VTAB(t_sqshlu, GSAME, sqshlu)
VTAB(t_shrn, GNARROW, shrn)
VTAB(t_rshrn, GNARROW, rshrn)
VTAB(t_sqshrn, GNARROW, sqshrn)
VTAB(t_sqrshrn, GNARROW, sqrshrn)
VTAB(t_uqshrn, GNARROW, uqshrn)
VTAB(t_uqrshrn, GNARROW, uqrshrn)
VTAB(t_sqshrun, GNARROW, sqshrun)
VTAB(t_sqrshrun, GNARROW, sqrshrun)
VTAB(t_sshll, GLONG, sshll)
VTAB(t_ushll, GLONG, ushll)

enum { K_RIGHT, K_LEFT, K_NARROW, K_LONG };
struct shift_ent {
	const a64_fn *t;
	uint8_t kind, scalar_d_only, no_scalar;
};

static const struct shift_ent shift_tab[2][21] = {
	{ /* U = 0 */
		[0x00] = { t_sshr, K_RIGHT, 1, 0 },
		[0x02] = { t_ssra, K_RIGHT, 1, 0 },
		[0x04] = { t_srshr, K_RIGHT, 1, 0 },
		[0x06] = { t_srsra, K_RIGHT, 1, 0 },
		[0x0a] = { t_shl, K_LEFT, 1, 0 },
		[0x0e] = { t_sqshl, K_LEFT, 0, 0 },
		[0x10] = { t_shrn, K_NARROW, 0, 1 },
		[0x11] = { t_rshrn, K_NARROW, 0, 1 },
		[0x12] = { t_sqshrn, K_NARROW, 0, 0 },
		[0x13] = { t_sqrshrn, K_NARROW, 0, 0 },
		[0x14] = { t_sshll, K_LONG, 0, 1 },
	},
	{ /* U = 1 */
		[0x00] = { t_ushr, K_RIGHT, 1, 0 },
		[0x02] = { t_usra, K_RIGHT, 1, 0 },
		[0x04] = { t_urshr, K_RIGHT, 1, 0 },
		[0x06] = { t_ursra, K_RIGHT, 1, 0 },
		[0x08] = { t_sri, K_RIGHT, 1, 0 },
		[0x0a] = { t_sli, K_LEFT, 1, 0 },
		[0x0c] = { t_sqshlu, K_LEFT, 0, 0 },
		[0x0e] = { t_uqshl, K_LEFT, 0, 0 },
		[0x10] = { t_sqshrun, K_NARROW, 0, 0 },
		[0x11] = { t_sqrshrun, K_NARROW, 0, 0 },
		[0x12] = { t_uqshrn, K_NARROW, 0, 0 },
		[0x13] = { t_uqrshrn, K_NARROW, 0, 0 },
		[0x14] = { t_ushll, K_LONG, 0, 1 },
	},
};

int a64_simd_shift(struct a64_op *op, uint32_t insn, int scalar)
{
	unsigned u = bits(insn, 29, 29), opc = bits(insn, 15, 11), q = bits(insn, 30, 30);
	unsigned immh = bits(insn, 22, 19), immhb = bits(insn, 22, 16);
	if (opc == 0x1c || opc == 0x1f)
		return a64_simd_fpfixed(op, insn, scalar); /* simd_fp.c */
	if (opc > 0x14 || !shift_tab[u][opc].t)
		return undef(op);
	const struct shift_ent *e = &shift_tab[u][opc];
	unsigned size = 31 - (unsigned)__builtin_clz(immh), ebits = 8u << size;
	if (scalar && (e->no_scalar || (e->scalar_d_only && size != 3)))
		return undef(op);
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = op->m = (uint8_t)bits(insn, 9, 5);
	op->f = (uint8_t)(scalar ? 0 : q);
	op->imm = 0;
	switch (e->kind) {
	case K_RIGHT:
	case K_LEFT:
		if (!scalar && size == 3 && !q)
			return undef(op);
		op->sh = (uint8_t)(e->kind == K_RIGHT ? 2 * ebits - immhb : immhb - ebits);
		op->c = (uint8_t)(scalar ? 1 : (q ? 16 : 8) >> size);
		break;
	case K_NARROW:
		if (size == 3)
			return undef(op);
		op->sh = (uint8_t)(2 * ebits - immhb);
		op->c = (uint8_t)(scalar ? 1 : 8 >> size);
		break;
	default: /* K_LONG */
		if (size == 3)
			return undef(op);
		op->sh = (uint8_t)(immhb - ebits);
		op->c = (uint8_t)(8 >> size);
		op->imm = q ? op->c : 0;
		break;
	}
	op->fn = e->t[size];
	return 0;
}
