/* Advanced SIMD permute (ZIP/UZP/TRN), EXT, TBL/TBX and scalar DUP
 * (element) (ARM ARM C4.1.95).  All of them move bytes, so the handlers
 * work on bytes with the element size in op->sz; c = vector bytes. */
#include "cpu/aarch64/simd_vec.h"

/* UZP1/2: sh = part (0/1) */
static VH(op_uzp)
{
	const union a64_vreg *src[2] = { &VR(n), &VR(m) };
	unsigned es = op->sz, ne = op->c / es;
	union a64_vreg r;
	r.q = 0;
	for (unsigned i = 0; i < ne; i++) {
		unsigned j = 2 * i + op->sh; /* element of the concatenation m:n */
		memcpy(r.b + i * es, src[j >= ne]->b + (j % ne) * es, es);
	}
	VR(d) = r;
	NEXT(op + 1);
}
static VH(op_trn)
{
	const union a64_vreg *vn = &VR(n), *vm = &VR(m);
	unsigned es = op->sz, ne = op->c / es;
	union a64_vreg r;
	r.q = 0;
	for (unsigned p = 0; p < ne / 2; p++) {
		memcpy(r.b + 2 * p * es, vn->b + (2 * p + op->sh) * es, es);
		memcpy(r.b + (2 * p + 1) * es, vm->b + (2 * p + op->sh) * es, es);
	}
	VR(d) = r;
	NEXT(op + 1);
}
static VH(op_zip)
{
	const union a64_vreg *vn = &VR(n), *vm = &VR(m);
	unsigned es = op->sz, ne = op->c / es, base = op->sh * ne / 2;
	union a64_vreg r;
	r.q = 0;
	for (unsigned p = 0; p < ne / 2; p++) {
		memcpy(r.b + 2 * p * es, vn->b + (base + p) * es, es);
		memcpy(r.b + (2 * p + 1) * es, vm->b + (base + p) * es, es);
	}
	VR(d) = r;
	NEXT(op + 1);
}

int a64_simd_perm(struct a64_op *op, uint32_t insn)
{
	unsigned size = bits(insn, 23, 22), q = bits(insn, 30, 30), opc = bits(insn, 14, 12);
	if (size == 3 && !q)
		return undef(op);
	vregs3(op, insn);
	op->sz = (uint8_t)(1u << size);
	op->c = (uint8_t)(q ? 16 : 8);
	op->sh = (uint8_t)(opc >> 2);
	switch (opc & 3) {
	case 1: op->fn = op_uzp; return 0;
	case 2: op->fn = op_trn; return 0;
	case 3: op->fn = op_zip; return 0;
	}
	return undef(op);
}

/* EXT: bytes sh.. of m:n (n low) */
static VH(op_ext)
{
	uint8_t cat[32];
	union a64_vreg r;
	memcpy(cat, VR(n).b, op->c);
	memcpy(cat + op->c, VR(m).b, op->c);
	r.q = 0;
	memcpy(r.b, cat + op->sh, op->c);
	VR(d) = r;
	NEXT(op + 1);
}

int a64_simd_ext(struct a64_op *op, uint32_t insn)
{
	unsigned q = bits(insn, 30, 30), imm4 = bits(insn, 14, 11);
	if (!q && (imm4 & 8))
		return undef(op);
	vregs3(op, insn);
	op->c = (uint8_t)(q ? 16 : 8);
	op->sh = (uint8_t)imm4;
	op->fn = op_ext;
	return 0;
}

/* TBL/TBX: table = sh registers from n (wrapping at 31); f = TBX. */
static VH(op_tbl)
{
	uint8_t table[64];
	unsigned len = op->sh * 16u;
	for (unsigned i = 0; i < op->sh; i++)
		memcpy(table + 16 * i, cpu->v[(op->n + i) & 31].b, 16);
	const union a64_vreg *vm = &VR(m), *vd = &VR(d);
	union a64_vreg r;
	r.q = 0;
	for (unsigned i = 0; i < op->c; i++) {
		unsigned idx = vm->b[i];
		r.b[i] = idx < len ? table[idx] : op->f ? vd->b[i] : 0;
	}
	VR(d) = r;
	NEXT(op + 1);
}

int a64_simd_tbl(struct a64_op *op, uint32_t insn)
{
	vregs3(op, insn);
	op->c = (uint8_t)(bits(insn, 30, 30) ? 16 : 8);
	op->sh = (uint8_t)(bits(insn, 14, 13) + 1);
	op->f = (uint8_t)bits(insn, 12, 12);
	op->fn = op_tbl;
	return 0;
}

/* DUP (element), scalar: MOV Bd/Hd/Sd/Dd, Vn.T[i] */
static VH(op_dup_scalar)
{
	union a64_vreg r;
	r.q = 0;
	memcpy(r.b, VR(n).b + op->sh * op->sz, op->sz);
	VR(d) = r;
	NEXT(op + 1);
}

int a64_simd_scalar_dup(struct a64_op *op, uint32_t insn)
{
	unsigned imm5 = bits(insn, 20, 16);
	if (bits(insn, 29, 29) || bits(insn, 14, 11) || !(imm5 & 0xf))
		return undef(op);
	unsigned size = (unsigned)__builtin_ctz(imm5);
	op->d = (uint8_t)bits(insn, 4, 0);
	op->n = (uint8_t)bits(insn, 9, 5);
	op->sz = (uint8_t)(1u << size);
	op->sh = (uint8_t)(imm5 >> (size + 1));
	op->fn = op_dup_scalar;
	return 0;
}
