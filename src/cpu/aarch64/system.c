/* System instructions at EL0: hints, barriers, CLREX, DC/IC, MRS/MSR of the
 * registers FreeBSD lets user space see (ARM ARM C5).  Anything else is
 * UNDEF, as the kernel would answer with SIGILL. */
#include <time.h>

#include "cpu/aarch64/a64_int.h"

#define H(name) static const struct a64_op *name(struct a64_cpu *cpu, const struct a64_op *op)
#define R(i) cpu->r[op->i]

/* The generic timer as many arm64 boards run it; CNTVCT counts at this
 * rate from CLOCK_MONOTONIC so the two registers always agree. */
#define A64_CNTFRQ 24000000ull

/* CTR_EL0: RES1 bit 31, CWG = ERG = 64 bytes (4), DminLine = IminLine =
 * 64 bytes (log2 words = 4), L1Ip = PIPT (3), IDC = DIC = 0 so guests clean
 * and invalidate caches (our IC IVAU drops translations). */
#define A64_CTR ((1ull << 31) | (4ull << 24) | (4ull << 20) | (4ull << 16) | (3ull << 14) | 4ull)
/* DCZID_EL0: DC ZVA allowed, block 2^4 words = 64 bytes. */
#define A64_DCZID 4ull
#define A64_ZVA_SIZE 64

/* FPCR: AHP DN FZ RMode FZ16 are kept; trap enables read as 0 (FP traps
 * are not supported, as on most cores). */
#define FPCR_KEEP 0x07c80000u
#define FPSR_MASK 0xf800009fu

H(op_nop) { NEXT(op + 1); }
H(op_fence) { __atomic_thread_fence(__ATOMIC_SEQ_CST); NEXT(op + 1); }
H(op_clrex) { cpu->excl_size = 0; NEXT(op + 1); }

H(op_dc_zva)
{
	uint64_t a = R(n) & ~(uint64_t)(A64_ZVA_SIZE - 1);
	memset(gmem(cpu, op, a, A64_ZVA_SIZE), 0, A64_ZVA_SIZE);
	NEXT(op + 1);
}
H(op_ic_ivau)
{
	uint64_t a = R(n) & ~(uint64_t)63, next = op->pc + 4;
	/* May free the block we are in: touch nothing of op afterwards. */
	a64_invalidate(a, 64);
	cpu->pc = next;
	return NULL;
}

static uint64_t cntvct(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	unsigned __int128 ns = (unsigned __int128)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	return (uint64_t)(ns * A64_CNTFRQ / 1000000000u);
}

enum {
	SR_NZCV = A64_SYSREG(3, 3, 4, 2, 0),
	SR_FPCR = A64_SYSREG(3, 3, 4, 4, 0),
	SR_FPSR = A64_SYSREG(3, 3, 4, 4, 1),
	SR_TPIDR = A64_SYSREG(3, 3, 13, 0, 2),
	SR_TPIDRRO = A64_SYSREG(3, 3, 13, 0, 3),
	SR_CNTFRQ = A64_SYSREG(3, 3, 14, 0, 0),
	SR_CNTVCT = A64_SYSREG(3, 3, 14, 0, 2),
	SR_CTR = A64_SYSREG(3, 3, 0, 0, 1),
	SR_DCZID = A64_SYSREG(3, 3, 0, 0, 7),
};

H(op_mrs_nzcv) { R(d) = a64_get_nzcv(cpu); NEXT(op + 1); }
H(op_mrs_fpcr) { R(d) = cpu->fpcr; NEXT(op + 1); }
H(op_mrs_fpsr) { R(d) = cpu->fpsr; NEXT(op + 1); }
H(op_mrs_tpidr) { R(d) = cpu->tpidr_el0; NEXT(op + 1); }
H(op_mrs_tpidrro) { R(d) = cpu->tpidrro_el0; NEXT(op + 1); }
H(op_mrs_cntvct) { R(d) = cntvct(); NEXT(op + 1); }
H(op_mrs_const) { R(d) = op->imm; NEXT(op + 1); }
H(op_msr_nzcv) { a64_set_nzcv(cpu, (uint32_t)R(n) & 0xf0000000u); NEXT(op + 1); }
H(op_msr_fpcr) { cpu->fpcr = (uint32_t)R(n) & FPCR_KEEP; NEXT(op + 1); }
H(op_msr_fpsr) { cpu->fpsr = (uint32_t)R(n) & FPSR_MASK; NEXT(op + 1); }
H(op_msr_tpidr) { cpu->tpidr_el0 = R(n); NEXT(op + 1); }

static int dec_mrs(struct a64_op *op, uint32_t key, unsigned rt)
{
	op->d = wx_zr(rt);
	switch (key) {
	case SR_NZCV: op->fn = op_mrs_nzcv; return 0;
	case SR_FPCR: op->fn = op_mrs_fpcr; return 0;
	case SR_FPSR: op->fn = op_mrs_fpsr; return 0;
	case SR_TPIDR: op->fn = op_mrs_tpidr; return 0;
	case SR_TPIDRRO: op->fn = op_mrs_tpidrro; return 0;
	case SR_CNTVCT: op->fn = op_mrs_cntvct; return 0;
	case SR_CNTFRQ: op->imm = A64_CNTFRQ; op->fn = op_mrs_const; return 0;
	case SR_CTR: op->imm = A64_CTR; op->fn = op_mrs_const; return 0;
	case SR_DCZID: op->imm = A64_DCZID; op->fn = op_mrs_const; return 0;
	}
	if (a64_read_idreg(key, &op->imm)) {
		op->fn = op_mrs_const;
		return 0;
	}
	return undef(op);
}

static int dec_msr(struct a64_op *op, uint32_t key, unsigned rt)
{
	op->n = rx_zr(rt);
	switch (key) {
	case SR_NZCV: op->fn = op_msr_nzcv; return 0;
	case SR_FPCR: op->fn = op_msr_fpcr; return 0;
	case SR_FPSR: op->fn = op_msr_fpsr; return 0;
	case SR_TPIDR: op->fn = op_msr_tpidr; return 0;
	}
	return undef(op); /* TPIDRRO_EL0 and ID registers are read-only at EL0 */
}

/* SYS with op0 = 1: the EL0-accessible DC and IC operations. */
static int dec_sys(struct a64_op *op, unsigned op1, unsigned crn, unsigned crm,
		   unsigned op2, unsigned rt)
{
	if (op1 != 3 || crn != 7 || op2 != 1)
		return undef(op);
	op->n = rx_zr(rt);
	switch (crm) {
	case 4: op->fn = op_dc_zva; return 0;
	case 5: op->fn = op_ic_ivau; return 1;
	case 10: /* DC CVAC */
	case 11: /* DC CVAU */
	case 14: /* DC CIVAC */
		op->fn = op_nop;
		return 0;
	}
	return undef(op);
}

int a64_decode_system(struct a64_op *op, uint32_t insn)
{
	unsigned l = bits(insn, 21, 21), op0 = bits(insn, 20, 19), op1 = bits(insn, 18, 16);
	unsigned crn = bits(insn, 15, 12), crm = bits(insn, 11, 8), op2 = bits(insn, 7, 5);
	unsigned rt = bits(insn, 4, 0);

	if (op0 >= 2) {
		uint32_t key = A64_SYSREG(op0, op1, crn, crm, op2);
		return l ? dec_mrs(op, key, rt) : dec_msr(op, key, rt);
	}
	if (op0 == 1)
		return l ? undef(op) : dec_sys(op, op1, crn, crm, op2, rt);
	if (a64_flagm_msr_class(insn)) /* CFINV, XAFLAG, AXFLAG: ext.c */
		return a64_decode_flagm_msr(op, insn);
	if (l || op1 != 3 || rt != 31)
		return undef(op); /* PSTATE (MSR imm) ops trap at EL0 or are absent */
	if (crn == 2) {
		/* HINT space: NOP, YIELD, WFE, WFI, SEV(L), BTI, PAC*SP, ...
		 * all execute as NOP (unimplemented hints are NOPs by the
		 * architecture; PAC and BTI are not advertised). */
		op->fn = op_nop;
		return 0;
	}
	if (crn == 3) {
		switch (op2) {
		case 2: op->fn = op_clrex; return 0;
		case 4: /* DSB */
		case 5: /* DMB */
			op->fn = op_fence;
			return 0;
		case 6: op->fn = op_fence; return 0; /* ISB */
		}
	}
	return undef(op);
}
