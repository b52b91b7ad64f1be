/* The CPU loop and what happens when the guest CPU stops for something
 * other than a plain syscall: faults, undefined instructions, breakpoints
 * and SIGSYS for an unimplemented syscall become guest signals (FreeBSD's
 * trapsignal()), and pending signals are delivered at these safe points. */
#ifndef BSDEMU_FBSD_TRAP_H
#define BSDEMU_FBSD_TRAP_H

#include <stdint.h>

struct fbsd_thread;

/* Run the guest thread until the process exits. */
_Noreturn void fbsd_cpu_loop(struct fbsd_thread *td);

/* nosys(): send SIGSYS to the thread (delivered after the syscall). */
void fbsd_trap_nosys(struct fbsd_thread *td);

/* A synchronous signal (guest numbering) with its si_code, address and
 * arm64 exception class (si_trapno): delivered now to a handler that
 * exists and is not blocked, else the process dies of it. */
void fbsd_trapsignal(struct fbsd_thread *td, int sig, int code, uint64_t addr, int trapno);

/* Guest handler address for SIG (0 = SIG_DFL, 1 = SIG_IGN); signal.c. */
uint64_t fbsd_sig_handler(int sig);

#endif
