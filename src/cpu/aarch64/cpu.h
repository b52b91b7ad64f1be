/* AArch64 guest CPU: state and the interface the OS layer uses.
 *
 * The core knows nothing of FreeBSD.  a64_run() executes guest code until
 * something needs the OS layer (a syscall, a fault, an undefined
 * instruction, a pending interrupt) and returns why, with cpu->pc and the
 * exit fields describing it exactly. */
#ifndef BSDEMU_CPU_A64_H
#define BSDEMU_CPU_A64_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

/* Register file indices.  The decoder resolves register number 31 to one of
 * these three once, so handlers never branch on "is it SP or XZR". */
#define A64_XZR     31 /* reads as zero; never written */
#define A64_SP      32 /* the stack pointer */
#define A64_DISCARD 33 /* writes to XZR land here */
#define A64_NREGS   34

enum a64_exit {
	A64_EXIT_SVC = 1,    /* SVC executed; pc = next insn, exit_info = imm16 */
	A64_EXIT_UNDEF,      /* SIGILL: pc = insn, exit_code = ILL_* si_code */
	A64_EXIT_BRK,        /* SIGTRAP: BRK #imm; pc = insn, exit_info = imm16 */
	A64_EXIT_FAULT,      /* SIGSEGV/SIGBUS: pc = insn, fault_addr, exit_code */
	A64_EXIT_INTERRUPT,  /* cpu->interrupt was set; pc = next insn to run */
};

/* si_code values carried in exit_code (FreeBSD numbering, equal to ARM's
 * meaning; the OS layer still translates them explicitly). */
#define A64_ILL_ILLOPC 1
#define A64_ILL_ILLOPN 2
#define A64_SEGV_MAPERR 1
#define A64_SEGV_ACCERR 2
#define A64_BUS_ADRALN 1
#define A64_FAULT_SIGSEGV 0
#define A64_FAULT_SIGBUS 1

union a64_vreg {
	uint8_t b[16];
	uint16_t h[8];
	uint32_t s[4];
	uint64_t d[2];
	float f[4];
	double df[2];
	unsigned __int128 q;
};

struct a64_op;

struct a64_cpu {
	uint64_t r[A64_NREGS];  /* x0..x30, XZR, SP, discard */
	uint64_t pc;
	/* NZCV, stored so that producing it is cheap (QEMU's way):
	 * N = bit 63 of nf, Z = (zf == 0), C = cf (0/1), V = bit 63 of vf. */
	uint64_t nf, zf, cf, vf;
	_Alignas(16) union a64_vreg v[32];
	uint32_t fpcr, fpsr;
	/* Scratch for the FP fast paths' MXCSR reads and loads: memory that
	 * is not on the host stack keeps their handlers tail-calling
	 * (a64_int.h, NEXT). */
	uint32_t mx[4];
	uint64_t tpidr_el0, tpidrro_el0;

	/* Exclusive monitor: LDXR records, STXR compares-and-swaps. */
	uint64_t excl_addr;
	uint64_t excl_val[2];
	int excl_size;          /* bytes, 0 = no reservation */

	/* Why a64_run returned. */
	int exit_reason;        /* enum a64_exit */
	int exit_code;          /* si_code / fault kind */
	int fault_sig;          /* A64_FAULT_SIGSEGV or _SIGBUS */
	uint64_t exit_info;     /* SVC/BRK immediate */
	uint64_t fault_addr;    /* guest address of a faulting access */

	volatile int interrupt; /* set from anywhere to make a64_run return */

	/* Private to the core. */
	const struct a64_op *cur_op; /* memory op being executed (fault PC) */
	sigjmp_buf fault_jmp;
	void *jit_cache;             /* per-thread jump cache */
	void *opaque;                /* the OS layer's thread */
};

/* The core running on this host thread, or NULL outside a64_run(). */
extern __thread struct a64_cpu *a64_running;

/* a64_init zeroes the state and allocates the private jump cache;
 * a64_destroy frees it.  To start a new thread from an existing one, use
 * a64_clone(dst, src) on an a64_init'ed DST: never memcpy a cpu, as the
 * private cache pointer must not be shared. */
void a64_init(struct a64_cpu *cpu);
void a64_destroy(struct a64_cpu *cpu);
void a64_clone(struct a64_cpu *dst, const struct a64_cpu *src);
/* Runs until an exit.  The core never clears cpu->interrupt: whoever set
 * it clears it once handled, or a64_run returns A64_EXIT_INTERRUPT again
 * at once.  UNDEF exits also put the instruction word in exit_info. */
int a64_run(struct a64_cpu *cpu);

uint32_t a64_get_nzcv(const struct a64_cpu *cpu); /* bits 31..28 */
void a64_set_nzcv(struct a64_cpu *cpu, uint32_t nzcv);

/* Called from the host SIGSEGV/SIGBUS handler when a guest access made by
 * the running core faulted at guest address ADDR: unwinds out of a64_run(),
 * which returns A64_EXIT_FAULT.  Async-signal-safe.  SIG is
 * A64_FAULT_SIGSEGV/_SIGBUS; CODE 0 lets the core classify the fault from
 * the guest mappings (SEGV_MAPERR/SEGV_ACCERR, BUS_OBJERR). */
_Noreturn void a64_host_fault(struct a64_cpu *cpu, uint64_t addr, int sig, int code);

/* Around a host fork() (the child has only the forking thread). */
void a64_fork_prepare(void);
void a64_fork_parent(void);
void a64_fork_child(void);

/* Drop translated code for [start, start+len) (munmap, mprotect, IC IVAU). */
void a64_invalidate(uint64_t start, uint64_t len);

/* ID register values as FreeBSD shows them to user space, and AT_HWCAP(2):
 * all derived from one feature table so they always agree. */
uint64_t a64_hwcap(void);
uint64_t a64_hwcap2(void);

#endif
