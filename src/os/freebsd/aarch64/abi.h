/* FreeBSD/arm64 ABI glue: where the syscall number, arguments and results
 * live in the CPU state, and the registers at process entry.  The
 * machine-independent FreeBSD layer calls only these. */
#ifndef BSDEMU_FBSD_AARCH64_ABI_H
#define BSDEMU_FBSD_AARCH64_ABI_H

#include <stdint.h>

struct fbsd_thread;

/* Read the syscall number and its eight argument slots, following the
 * syscall(0) and __syscall(198) indirections.  Returns the number. */
uint64_t fbsd_arch_fetch_syscall(struct fbsd_thread *td, uint64_t args[8]);
/* Write the outcome of a syscall back: x0/x1 and PSTATE.C, or rewind the svc
 * for ERESTART, or nothing for EJUSTRETURN. */
void fbsd_arch_set_syscall_result(struct fbsd_thread *td, int error);
/* Registers at process entry (exec_setregs). */
void fbsd_arch_set_entry(struct fbsd_thread *td, uint64_t pc, uint64_t sp, uint64_t x0);

#endif
