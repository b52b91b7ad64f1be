/* Advanced SIMD load/store single structure: LD1-LD4/ST1-ST4 (one lane)
 * and LD1R-LD4R (load and replicate), with and without post-index
 * (ARM ARM C4.1.66 / C4.1.67).
 * Op fields: d = first Vt, n = Rn, m = Rm (XZR: immediate post-index),
 * sz = element bytes, f = selem, sh = lane index, a = Q (replicate),
 * c bit0 = load, bit1 = post-index. */
#include "cpu/aarch64/simd_vec.h"

#define R(i) cpu->r[op->i]

static inline void post_index(struct a64_cpu *cpu, const struct a64_op *op,
			      uint64_t addr, unsigned total)
{
	if (op->c & 2)
		R(n) = addr + (op->m == A64_XZR ? total : R(m));
}

static VH(op_ld_lane)
{
	unsigned es = op->sz, total = es * op->f;
	uint64_t addr = R(n);
	const uint8_t *p = gmem(cpu, op, addr, total);
	for (unsigned s = 0; s < op->f; s++)
		memcpy(cpu->v[(op->d + s) & 31].b + op->sh * es, p + s * es, es);
	post_index(cpu, op, addr, total);
	NEXT(op + 1);
}

static VH(op_st_lane)
{
	unsigned es = op->sz, total = es * op->f;
	uint64_t addr = R(n);
	uint8_t *p = gmem(cpu, op, addr, total);
	for (unsigned s = 0; s < op->f; s++)
		memcpy(p + s * es, cpu->v[(op->d + s) & 31].b + op->sh * es, es);
	post_index(cpu, op, addr, total);
	NEXT(op + 1);
}

static VH(op_ld_rep)
{
	unsigned es = op->sz, total = es * op->f, bytes = op->a ? 16 : 8;
	uint64_t addr = R(n);
	const uint8_t *p = gmem(cpu, op, addr, total);
	union a64_vreg t[4];
	for (unsigned s = 0; s < op->f; s++) {
		t[s].q = 0;
		for (unsigned o = 0; o < bytes; o += es)
			memcpy(t[s].b + o, p + s * es, es);
	}
	for (unsigned s = 0; s < op->f; s++)
		cpu->v[(op->d + s) & 31] = t[s];
	post_index(cpu, op, addr, total);
	NEXT(op + 1);
}

/* One-register forms (LD1/ST1 {Vt.T}[i], LD1R), the ones compilers emit in
 * loops, with the element size fixed at compile time. */
#define LANE1(es)                                                              \
	static VH(op_ld1_lane_##es)                                            \
	{                                                                      \
		uint64_t addr = R(n);                                          \
		memcpy(cpu->v[op->d].b + op->sh * es, gmem(cpu, op, addr, es), es); \
		post_index(cpu, op, addr, es);                                 \
		NEXT(op + 1);                                                 \
	}                                                                      \
	static VH(op_st1_lane_##es)                                            \
	{                                                                      \
		uint64_t addr = R(n);                                          \
		memcpy(gmem(cpu, op, addr, es), cpu->v[op->d].b + op->sh * es, es); \
		post_index(cpu, op, addr, es);                                 \
		NEXT(op + 1);                                                 \
	}                                                                      \
	static VH(op_ld1r_##es)                                                \
	{                                                                      \
		uint64_t addr = R(n);                                          \
		union a64_vreg t;                                              \
		t.q = 0;                                                       \
		const uint8_t *p = gmem(cpu, op, addr, es);                    \
		for (unsigned o = 0; o < 16; o += es)                          \
			memcpy(t.b + o, p, es);                                \
		if (!op->a)                                                    \
			t.d[1] = 0;                                            \
		cpu->v[op->d] = t;                                             \
		post_index(cpu, op, addr, es);                                 \
		NEXT(op + 1);                                                 \
	}
LANE1(1)
LANE1(2)
LANE1(4)
LANE1(8)
static a64_fn const lane1[3][4] = {
	{ op_ld1_lane_1, op_ld1_lane_2, op_ld1_lane_4, op_ld1_lane_8 },
	{ op_st1_lane_1, op_st1_lane_2, op_st1_lane_4, op_st1_lane_8 },
	{ op_ld1r_1, op_ld1r_2, op_ld1r_4, op_ld1r_8 },
};

int a64_decode_simd_ldst1(struct a64_op *op, uint32_t insn)
{
	/* 0 Q 0011010 L R 00000 opcode S size Rn Rt;
	 * post-index: 0 Q 0011011 L R Rm opcode S size Rn Rt */
	unsigned q = bits(insn, 30, 30), post = bits(insn, 23, 23), load = bits(insn, 22, 22);
	unsigned r = bits(insn, 21, 21), opcode = bits(insn, 15, 13), s = bits(insn, 12, 12);
	unsigned size = bits(insn, 11, 10), scale = opcode >> 1;
	unsigned selem = ((opcode & 1) << 1 | r) + 1, index;
	if (!post && bits(insn, 20, 16))
		return undef(op);
	switch (scale) {
	case 0:
		index = q << 3 | s << 2 | size;
		break;
	case 1:
		if (size & 1)
			return undef(op);
		index = q << 2 | s << 1 | size >> 1;
		break;
	case 2:
		if (size & 2)
			return undef(op);
		if (size & 1) {
			if (s)
				return undef(op);
			scale = 3;
			index = q;
		} else {
			index = q << 1 | s;
		}
		break;
	default: /* replicate */
		if (!load || s)
			return undef(op);
		scale = size;
		index = 0;
		break;
	}
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = rx_sp(bits(insn, 9, 5));
	op->m = rx_zr(bits(insn, 20, 16));
	op->sz = (uint8_t)(1u << scale);
	op->f = (uint8_t)selem;
	op->sh = (uint8_t)index;
	op->a = (uint8_t)q;
	op->c = (uint8_t)(load | post << 1);
	if ((opcode >> 1) == 3)
		op->fn = op_ld_rep;
	else
		op->fn = load ? op_ld_lane : op_st_lane;
	if (selem == 1)
		op->fn = lane1[(opcode >> 1) == 3 ? 2 : !load][scale];
	return 0;
}
