/* AArch64 core internals: pre-decoded ops, blocks, and helpers shared by the
 * decoder/handler files.  Nothing here is seen by the OS layer.
 *
 * Execution model: a guest basic block is decoded once into an array of
 * struct a64_op.  Each op carries its handler; a handler does its work and
 * returns the next op to run (op + 1 normally), or NULL to go back to the
 * dispatcher in cpu.c (block end, exit).  Branch handlers may return the
 * first op of a linked block directly. */
#ifndef BSDEMU_CPU_A64_INT_H
#define BSDEMU_CPU_A64_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cpu/aarch64/cpu.h"
#include "mem/mem.h"

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Handlers end with NEXT(next op) instead of returning to a64_run's loop:
 * a tail call straight into the next handler, which the optimiser turns
 * into one indirect jump per op (each from its own site, so the host's
 * branch predictor learns per-op successors).  A call the compiler cannot
 * make a jump would grow the host stack with every op, so the Makefile
 * enables this (BSDEMU_TAILCALL) only together with a check of the linked
 * binary (tools/check-tailcalls.sh); elsewhere (TAILCALL=0, the sanitizer
 * build) NEXT returns to a64_run's loop.  A handler whose locals escape
 * (a struct fpenv handed to fp_soft.c) must return instead of NEXT.
 * NEXT_OR_EXIT takes a next op that may be NULL (back to the dispatcher). */
#if defined(BSDEMU_TAILCALL) && defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__)
#define A64_TAILCALL 1
#define NEXT(x)                                                  \
	do {                                                     \
		const struct a64_op *next_ = (x);                \
		return next_->fn(cpu, next_);                    \
	} while (0)
#define NEXT_OR_EXIT(x)                                          \
	do {                                                     \
		const struct a64_op *next_ = (x);                \
		if (unlikely(!next_))                            \
			return NULL;                             \
		return next_->fn(cpu, next_);                    \
	} while (0)
#else
#define A64_TAILCALL 0
#define NEXT(x) return (x)
#define NEXT_OR_EXIT(x) return (x)
#endif

struct a64_op;
typedef const struct a64_op *(*a64_fn)(struct a64_cpu *cpu, const struct a64_op *op);

struct a64_op {
	a64_fn fn;
	uint64_t pc;       /* guest address of this instruction */
	uint64_t imm;      /* main immediate / branch target */
	uint64_t imm2;     /* second immediate (masks, offsets) */
	uint8_t d, n, m, a; /* register indices, already resolved (A64_XZR...) */
	uint8_t sz;        /* access size in bytes, or 32/64 datasize flag */
	uint8_t sh;        /* shift amount / shift type / scale */
	uint8_t c;         /* condition / extend type / sub-operation */
	uint8_t f;         /* misc flags */
	uint32_t insn;     /* raw instruction word */
};

/* Link slots of a block-ending branch live in the slot after it (each block
 * is allocated with one spare op slot for that). */
struct a64_link {
	const struct a64_op *to[2];
	uint64_t gen[2];
};
_Static_assert(sizeof(struct a64_link) <= sizeof(struct a64_op), "link slot fits");

struct a64_block {
	struct a64_block *next;  /* hash chain */
	uint64_t pc, end;        /* guest range [pc, end) decoded */
	uint32_t nops;
	struct a64_op ops[];     /* nops ops + 1 link slot */
};

/* Invalidation generation: bumped whenever any block is dropped, so links
 * and per-thread jump caches made before are never followed. */
extern uint64_t a64_gen;

/* Private dispatcher state kept in cpu->jit_cache. */
#define A64_JC_BITS 12
#define A64_JC_SIZE (1u << A64_JC_BITS)
struct a64_jcache {
	uint64_t gen;
	struct a64_link *link;   /* link slot to fill after the next lookup */
	int link_slot;
	struct {
		uint64_t pc;
		struct a64_block *b;
	} e[A64_JC_SIZE];
};

/* ---- register index resolution (decode time) ---- */
static inline uint8_t rx_zr(uint32_t r) { return r == 31 ? A64_XZR : (uint8_t)r; }
static inline uint8_t rx_sp(uint32_t r) { return r == 31 ? A64_SP : (uint8_t)r; }
static inline uint8_t wx_zr(uint32_t r) { return r == 31 ? A64_DISCARD : (uint8_t)r; }
#define wx_sp rx_sp

static inline uint32_t bits(uint32_t insn, int hi, int lo)
{
	return (insn >> lo) & ((1u << (hi - lo + 1)) - 1);
}
static inline int64_t sext(uint64_t v, int nbits)
{
	return (int64_t)(v << (64 - nbits)) >> (64 - nbits);
}

/* ---- flags (QEMU-style storage, see cpu.h) ---- */
static inline void flags_nz64(struct a64_cpu *cpu, uint64_t r)
{
	cpu->nf = r;
	cpu->zf = r;
}
static inline void flags_nz32(struct a64_cpu *cpu, uint32_t r)
{
	cpu->nf = (uint64_t)(int64_t)(int32_t)r;
	cpu->zf = r;
}
static inline uint64_t add_flags64(struct a64_cpu *cpu, uint64_t a, uint64_t b, uint64_t c)
{
	unsigned __int128 t = (unsigned __int128)a + b + c;
	uint64_t r = (uint64_t)t;
	cpu->nf = cpu->zf = r;
	cpu->cf = (uint64_t)(t >> 64);
	cpu->vf = (r ^ a) & ~(a ^ b);
	return r;
}
static inline uint32_t add_flags32(struct a64_cpu *cpu, uint32_t a, uint32_t b, uint64_t c)
{
	uint64_t t = (uint64_t)a + b + c;
	uint32_t r = (uint32_t)t;
	flags_nz32(cpu, r);
	cpu->cf = t >> 32;
	cpu->vf = (uint64_t)(int64_t)(int32_t)((r ^ a) & ~(a ^ b));
	return r;
}
/* a - b = a + ~b + 1 */
static inline uint64_t sub_flags64(struct a64_cpu *cpu, uint64_t a, uint64_t b)
{
	uint64_t r = a - b;
	cpu->nf = cpu->zf = r;
	cpu->cf = a >= b;
	cpu->vf = (a ^ b) & (a ^ r);
	return r;
}
static inline uint32_t sub_flags32(struct a64_cpu *cpu, uint32_t a, uint32_t b)
{
	uint32_t r = a - b;
	flags_nz32(cpu, r);
	cpu->cf = a >= b;
	cpu->vf = (uint64_t)(int64_t)(int32_t)((a ^ b) & (a ^ r));
	return r;
}
static inline void flags_logic64(struct a64_cpu *cpu, uint64_t r)
{
	cpu->nf = cpu->zf = r;
	cpu->cf = 0;
	cpu->vf = 0;
}
static inline void flags_logic32(struct a64_cpu *cpu, uint32_t r)
{
	flags_nz32(cpu, r);
	cpu->cf = 0;
	cpu->vf = 0;
}

/* Condition codes: the 16 ARM conditions. */
static inline int cond_holds(const struct a64_cpu *cpu, unsigned cond)
{
	int r;
	switch (cond >> 1) {
	case 0: r = cpu->zf == 0; break;                          /* EQ */
	case 1: r = cpu->cf != 0; break;                          /* CS */
	case 2: r = (int64_t)cpu->nf < 0; break;                  /* MI */
	case 3: r = (int64_t)cpu->vf < 0; break;                  /* VS */
	case 4: r = cpu->cf != 0 && cpu->zf != 0; break;          /* HI */
	case 5: r = (int64_t)(cpu->nf ^ cpu->vf) >= 0; break;     /* GE */
	case 6: r = cpu->zf != 0 && (int64_t)(cpu->nf ^ cpu->vf) >= 0; break; /* GT */
	default: return 1;                                        /* AL, NV */
	}
	return (cond & 1) ? !r : r;
}

/* ---- memory ---- */
_Noreturn void a64_fault(struct a64_cpu *cpu, const struct a64_op *op,
			 uint64_t addr, int sig, int code);

/* Host pointer for a guest access of SIZE bytes at A; faults (MAPERR) past
 * the guest space.  Records the op so a host fault reports the right pc. */
static inline uint8_t *gmem(struct a64_cpu *cpu, const struct a64_op *op,
			    uint64_t a, uint64_t size)
{
	cpu->cur_op = op;
	if (unlikely(a > guest_limit - size))
		a64_fault(cpu, op, a, A64_FAULT_SIGSEGV, A64_SEGV_MAPERR);
	return guest_base + a;
}
/* Same, for accesses that need natural alignment (exclusives, atomics). */
static inline uint8_t *gmem_aligned(struct a64_cpu *cpu, const struct a64_op *op,
				    uint64_t a, uint64_t size)
{
	if (unlikely(a & (size - 1))) {
		cpu->cur_op = op;
		a64_fault(cpu, op, a, A64_FAULT_SIGBUS, A64_BUS_ADRALN);
	}
	return gmem(cpu, op, a, size);
}

static inline uint64_t ld_u(const void *p, unsigned size)
{
	switch (size) {
	case 1: return *(const uint8_t *)p;
	case 2: { uint16_t v; memcpy(&v, p, 2); return v; }
	case 4: { uint32_t v; memcpy(&v, p, 4); return v; }
	default: { uint64_t v; memcpy(&v, p, 8); return v; }
	}
}
static inline void st_u(void *p, uint64_t v, unsigned size)
{
	switch (size) {
	case 1: *(uint8_t *)p = (uint8_t)v; break;
	case 2: { uint16_t t = (uint16_t)v; memcpy(p, &t, 2); break; }
	case 4: { uint32_t t = (uint32_t)v; memcpy(p, &t, 4); break; }
	default: memcpy(p, &v, 8); break;
	}
}

/* ---- shared handlers and decoders ---- */
const struct a64_op *a64_op_undef(struct a64_cpu *cpu, const struct a64_op *op);
/* Go to guest address TARGET through link slot SLOT of OP's link storage.
 * Only backward links test cpu->interrupt: a run of forward links is as
 * long as the code, so every loop still notices it once per iteration
 * (indirect branches test it too). */
static inline const struct a64_op *a64_jump(struct a64_cpu *cpu, const struct a64_op *op,
					    uint64_t target, int slot)
{
	struct a64_link *lk = (struct a64_link *)(void *)(uintptr_t)(op + 1);
	if (likely(__atomic_load_n(&lk->gen[slot], __ATOMIC_ACQUIRE) == a64_gen &&
		   (target > op->pc || !cpu->interrupt)))
		return lk->to[slot];
	cpu->pc = target;
	struct a64_jcache *jc = cpu->jit_cache;
	jc->link = lk;
	jc->link_slot = slot;
	return NULL;
}

/* Decoders: fill *op (fn and fields) from INSN at op->pc.  Return 1 when the
 * op ends the block, 0 otherwise.  Unknown encodings set a64_op_undef. */
int a64_decode(struct a64_op *op, uint32_t insn);
int a64_decode_dp_imm(struct a64_op *op, uint32_t insn);
int a64_decode_dp_reg(struct a64_op *op, uint32_t insn);
int a64_decode_branch_sys(struct a64_op *op, uint32_t insn);
/* CMP/TST + B.cond: when CMP and BR (the block's last two ops) fuse,
 * rewrites CMP into the fused op and returns 1; BR's slot then becomes the
 * link slot. */
int a64_fuse_cmp_bcond(struct a64_op *cmp, const struct a64_op *br);
int a64_decode_ldst(struct a64_op *op, uint32_t insn);
int a64_decode_atomic(struct a64_op *op, uint32_t insn);
int a64_decode_simd(struct a64_op *op, uint32_t insn);
int a64_decode_simd_ldst(struct a64_op *op, uint32_t insn);
int a64_decode_system(struct a64_op *op, uint32_t insn);
/* crypto.c (AES, SHA, SHA3) and ext.c (dot product, FlagM, RCPC2):
 * *_class tells whether INSN belongs to the decoder. */
int a64_crypto_class(uint32_t insn);
int a64_decode_crypto(struct a64_op *op, uint32_t insn);
int a64_dot_class(uint32_t insn);
int a64_decode_dot(struct a64_op *op, uint32_t insn);
int a64_flagm_msr_class(uint32_t insn);
int a64_decode_flagm_msr(struct a64_op *op, uint32_t insn);
int a64_decode_flagm_dp(struct a64_op *op, uint32_t insn);
int a64_decode_rcpc2(struct a64_op *op, uint32_t insn);

static inline int undef(struct a64_op *op)
{
	op->fn = a64_op_undef;
	return 1;
}

/* Bitmask immediate (DecodeBitMasks).  Returns 0 for reserved encodings. */
int a64_bitmasks(unsigned n, unsigned imms, unsigned immr, int immediate,
		 unsigned datasize, uint64_t *wmask, uint64_t *tmask);

/* Feature-driven ID register reads (features.c): 1 and *val when REG (the
 * op0:op1:CRn:CRm:op2 key) is an ID register user space may read. */
int a64_read_idreg(uint32_t key, uint64_t *val);
int a64_feature_crc32(void);

/* System register key as in MRS/MSR: op0(2) op1(3) CRn(4) CRm(4) op2(3). */
#define A64_SYSREG(op0, op1, crn, crm, op2) \
	(((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))

#endif
