/* Exclusives (LDXR/STXR and pairs), load-acquire/store-release, CAS/CASP
 * and the LSE atomic memory operations.
 *
 * The exclusive monitor is value-based: LDXR records (address, size,
 * value); STXR does a host compare-and-swap of the recorded value against
 * the new one, so a store by another thread in between makes it fail (ABA
 * is accepted, as in QEMU and dynarmic).  All of these need natural
 * alignment (no FEAT_LSE2): a misaligned address gives SIGBUS BUS_ADRALN.
 * x86 locked instructions are full barriers, which covers every ordering
 * variant (A/L/AL); release stores use seq_cst stores so a later
 * load-acquire cannot pass them. */
#include "cpu/aarch64/a64_int.h"

#define H(name) static const struct a64_op *name(struct a64_cpu *cpu, const struct a64_op *op)
#define R(i) cpu->r[op->i]
#define SEQ __ATOMIC_SEQ_CST

static inline uint64_t aload(const void *p, unsigned sz)
{
	switch (sz) {
	case 1: return __atomic_load_n((const uint8_t *)p, __ATOMIC_ACQUIRE);
	case 2: return __atomic_load_n((const uint16_t *)p, __ATOMIC_ACQUIRE);
	case 4: return __atomic_load_n((const uint32_t *)p, __ATOMIC_ACQUIRE);
	default: return __atomic_load_n((const uint64_t *)p, __ATOMIC_ACQUIRE);
	}
}
static inline void astore(void *p, uint64_t v, unsigned sz)
{
	switch (sz) {
	case 1: __atomic_store_n((uint8_t *)p, (uint8_t)v, SEQ); break;
	case 2: __atomic_store_n((uint16_t *)p, (uint16_t)v, SEQ); break;
	case 4: __atomic_store_n((uint32_t *)p, (uint32_t)v, SEQ); break;
	default: __atomic_store_n((uint64_t *)p, v, SEQ); break;
	}
}
/* CAS; *expect receives the value found. Returns 1 on success. */
static inline int acas(void *p, uint64_t *expect, uint64_t nv, unsigned sz)
{
	int ok;
	switch (sz) {
	case 1: { uint8_t e = (uint8_t)*expect; ok = __atomic_compare_exchange_n((uint8_t *)p, &e, (uint8_t)nv, 0, SEQ, SEQ); *expect = e; break; }
	case 2: { uint16_t e = (uint16_t)*expect; ok = __atomic_compare_exchange_n((uint16_t *)p, &e, (uint16_t)nv, 0, SEQ, SEQ); *expect = e; break; }
	case 4: { uint32_t e = (uint32_t)*expect; ok = __atomic_compare_exchange_n((uint32_t *)p, &e, (uint32_t)nv, 0, SEQ, SEQ); *expect = e; break; }
	default: ok = __atomic_compare_exchange_n((uint64_t *)p, expect, nv, 0, SEQ, SEQ); break;
	}
	return ok;
}
/* 128-bit CAS with cmpxchg16b (p is 16-byte aligned). */
static inline int acas128(void *p, uint64_t *lo, uint64_t *hi, uint64_t nlo, uint64_t nhi)
{
	uint8_t ok;
	__asm__ volatile("lock cmpxchg16b %1\n\tsete %0"
			 : "=q"(ok), "+m"(*(volatile unsigned __int128 *)p), "+a"(*lo), "+d"(*hi)
			 : "b"(nlo), "c"(nhi)
			 : "memory", "cc");
	return ok;
}

/* ---- exclusives: d = Rt, a = Rt2, m = Rs (status), sz = element ---- */
H(op_ldxr)
{
	uint64_t addr = R(n);
	uint8_t *p = gmem_aligned(cpu, op, addr, op->sz);
	uint64_t v = aload(p, op->sz);
	cpu->excl_addr = addr;
	cpu->excl_size = op->sz;
	cpu->excl_val[0] = v;
	R(d) = v;
	NEXT(op + 1);
}
H(op_stxr)
{
	uint64_t addr = R(n);
	uint8_t *p = gmem_aligned(cpu, op, addr, op->sz);
	uint64_t status = 1;
	if (cpu->excl_size == op->sz && cpu->excl_addr == addr) {
		uint64_t expect = cpu->excl_val[0];
		status = !acas(p, &expect, R(d), op->sz);
	}
	cpu->excl_size = 0;
	R(m) = status;
	NEXT(op + 1);
}
H(op_ldxp)
{
	uint64_t addr = R(n);
	unsigned sz = op->sz;
	uint8_t *p = gmem_aligned(cpu, op, addr, 2 * sz);
	uint64_t x, y;
	if (sz == 4) {
		uint64_t v = aload(p, 8);
		x = (uint32_t)v;
		y = v >> 32;
	} else {
		/* Not single-copy atomic, but STXP's 128-bit CAS will fail on a
		 * torn read, which is all the LDXP/STXP idiom needs. */
		x = aload(p, 8);
		y = aload(p + 8, 8);
	}
	cpu->excl_addr = addr;
	cpu->excl_size = (int)(2 * sz);
	cpu->excl_val[0] = x;
	cpu->excl_val[1] = y;
	R(d) = x;
	R(a) = y;
	NEXT(op + 1);
}
H(op_stxp)
{
	uint64_t addr = R(n);
	unsigned sz = op->sz;
	uint8_t *p = gmem_aligned(cpu, op, addr, 2 * sz);
	uint64_t status = 1;
	if (cpu->excl_size == (int)(2 * sz) && cpu->excl_addr == addr) {
		if (sz == 4) {
			uint64_t expect = (uint32_t)cpu->excl_val[0] | (cpu->excl_val[1] << 32);
			uint64_t nv = (uint32_t)R(d) | (R(a) << 32);
			status = !acas(p, &expect, nv, 8);
		} else {
			uint64_t lo = cpu->excl_val[0], hi = cpu->excl_val[1];
			status = !acas128(p, &lo, &hi, R(d), R(a));
		}
	}
	cpu->excl_size = 0;
	R(m) = status;
	NEXT(op + 1);
}

/* ---- ordered ---- */
H(op_ldar) { R(d) = aload(gmem_aligned(cpu, op, R(n), op->sz), op->sz); NEXT(op + 1); }
H(op_stlr) { astore(gmem_aligned(cpu, op, R(n), op->sz), R(d), op->sz); NEXT(op + 1); }

/* ---- CAS: m = Rs read, a = Rs write, d = Rt ---- */
H(op_cas)
{
	uint8_t *p = gmem_aligned(cpu, op, R(n), op->sz);
	uint64_t expect = R(m);
	acas(p, &expect, R(d), op->sz);
	R(a) = expect;
	NEXT(op + 1);
}
/* CASP: m/a = Rs/Rs+1 read, sh/c = Rs/Rs+1 write, d/f = Rt/Rt+1 read. */
H(op_casp)
{
	unsigned sz = op->sz;
	uint8_t *p = gmem_aligned(cpu, op, R(n), 2 * sz);
	uint64_t lo = cpu->r[op->m], hi = cpu->r[op->a];
	uint64_t nlo = cpu->r[op->d], nhi = cpu->r[op->f];
	if (sz == 4) {
		uint64_t e = (uint32_t)lo | (hi << 32);
		acas(p, &e, (uint32_t)nlo | (nhi << 32), 8);
		lo = (uint32_t)e;
		hi = e >> 32;
	} else {
		acas128(p, &lo, &hi, nlo, nhi);
	}
	cpu->r[op->sh] = lo;
	cpu->r[op->c] = hi;
	NEXT(op + 1);
}

/* ---- LSE atomic memory operations: c = operation, m = Rs, d = Rt ---- */
enum { L_ADD, L_CLR, L_EOR, L_SET, L_SMAX, L_SMIN, L_UMAX, L_UMIN, L_SWP };

#define LSE_FN(N)                                                                   \
	static uint64_t lse##N(void *p, unsigned opc, uint64_t v)                   \
	{                                                                           \
		uint##N##_t *q = p, x = (uint##N##_t)v, old, nv;                    \
		switch (opc) {                                                      \
		case L_ADD: return __atomic_fetch_add(q, x, SEQ);                   \
		case L_CLR: return __atomic_fetch_and(q, (uint##N##_t)~x, SEQ);     \
		case L_EOR: return __atomic_fetch_xor(q, x, SEQ);                   \
		case L_SET: return __atomic_fetch_or(q, x, SEQ);                    \
		case L_SWP: return __atomic_exchange_n(q, x, SEQ);                  \
		}                                                                   \
		old = __atomic_load_n(q, __ATOMIC_RELAXED);                         \
		do {                                                                \
			switch (opc) {                                              \
			case L_SMAX: nv = (int##N##_t)old > (int##N##_t)x ? old : x; break; \
			case L_SMIN: nv = (int##N##_t)old < (int##N##_t)x ? old : x; break; \
			case L_UMAX: nv = old > x ? old : x; break;                 \
			default: nv = old < x ? old : x; break;                     \
			}                                                           \
		} while (!__atomic_compare_exchange_n(q, &old, nv, 0, SEQ, SEQ));  \
		return old;                                                         \
	}
LSE_FN(8)
LSE_FN(16)
LSE_FN(32)
LSE_FN(64)

H(op_lse)
{
	uint8_t *p = gmem_aligned(cpu, op, R(n), op->sz);
	uint64_t v = R(m), old;
	switch (op->sz) {
	case 1: old = lse8(p, op->c, v); break;
	case 2: old = lse16(p, op->c, v); break;
	case 4: old = lse32(p, op->c, v); break;
	default: old = lse64(p, op->c, v); break;
	}
	R(d) = old;
	NEXT(op + 1);
}

/* Exclusive/ordered class: size 001000 o2 L o1 Rs o0 Rt2 Rn Rt. */
static int dec_excl(struct a64_op *op, uint32_t insn)
{
	unsigned size = insn >> 30, o2 = bits(insn, 23, 23), l = bits(insn, 22, 22);
	unsigned o1 = bits(insn, 21, 21), o0 = bits(insn, 15, 15);
	unsigned rs = bits(insn, 20, 16), rt2 = bits(insn, 14, 10), rt = bits(insn, 4, 0);
	op->n = rx_sp(bits(insn, 9, 5));
	op->sz = (uint8_t)(1u << size);
	if (!o2 && !o1) {
		if (l) {
			op->d = wx_zr(rt);
			op->fn = op_ldxr;
		} else {
			op->d = rx_zr(rt);
			op->m = wx_zr(rs);
			op->fn = op_stxr;
		}
		return 0;
	}
	if (!o2 && o1 && size >= 2) {
		op->sz = size == 3 ? 8 : 4;
		if (l) {
			op->d = wx_zr(rt);
			op->a = wx_zr(rt2);
			op->fn = op_ldxp;
		} else {
			op->d = rx_zr(rt);
			op->a = rx_zr(rt2);
			op->m = wx_zr(rs);
			op->fn = op_stxp;
		}
		return 0;
	}
	if (!o2 && o1) {
		/* CASP */
		if ((rs & 1) || (rt & 1) || rt2 != 31)
			return undef(op);
		op->sz = size ? 8 : 4;
		op->m = rx_zr(rs);
		op->a = rx_zr(rs + 1);
		op->sh = wx_zr(rs);
		op->c = wx_zr(rs + 1);
		op->d = rx_zr(rt);
		op->f = rx_zr(rt + 1);
		op->fn = op_casp;
		return 0;
	}
	if (o2 && !o1) {
		if (!o0)
			return undef(op); /* LDLAR/STLLR: no LOR */
		if (l) {
			op->d = wx_zr(rt);
			op->fn = op_ldar;
		} else {
			op->d = rx_zr(rt);
			op->fn = op_stlr;
		}
		return 0;
	}
	/* CAS */
	if (rt2 != 31)
		return undef(op);
	op->m = rx_zr(rs);
	op->a = wx_zr(rs);
	op->d = rx_zr(rt);
	op->fn = op_cas;
	return 0;
}

/* Atomic memory operations: size 111 0 00 A R 1 Rs o3 opc 00 Rn Rt. */
static int dec_lse(struct a64_op *op, uint32_t insn)
{
	unsigned a = bits(insn, 23, 23), r = bits(insn, 22, 22), o3 = bits(insn, 15, 15);
	unsigned opc = bits(insn, 14, 12), rs = bits(insn, 20, 16);
	op->n = rx_sp(bits(insn, 9, 5));
	op->sz = (uint8_t)(1u << (insn >> 30));
	op->d = wx_zr(bits(insn, 4, 0));
	op->m = rx_zr(rs);
	if (!o3) {
		op->c = (uint8_t)opc;
	} else if (opc == 0) {
		op->c = L_SWP;
	} else if (opc == 4 && a && !r && rs == 31) {
		op->fn = op_ldar; /* LDAPR (FEAT_LRCPC) */
		return 0;
	} else {
		return undef(op);
	}
	op->fn = op_lse;
	return 0;
}

int a64_decode_atomic(struct a64_op *op, uint32_t insn)
{
	if (bits(insn, 29, 24) == 0x08)
		return dec_excl(op, insn);
	return dec_lse(op, insn);
}
