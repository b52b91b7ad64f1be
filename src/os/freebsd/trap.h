/* What happens when the guest CPU stops for something other than a plain
 * syscall: faults, undefined instructions, breakpoints, and SIGSYS for an
 * unimplemented syscall.  Until signal delivery exists, a synchronous signal
 * ends the process the way its default action would, after one line that
 * says what happened and where. */
#ifndef BSDEMU_FBSD_TRAP_H
#define BSDEMU_FBSD_TRAP_H

#include <stdint.h>

struct fbsd_thread;

/* Run the guest thread until the process exits. */
_Noreturn void fbsd_cpu_loop(struct fbsd_thread *td);

/* nosys(): send SIGSYS to the thread unless the guest ignores it. */
void fbsd_trap_nosys(struct fbsd_thread *td);

/* A synchronous signal (guest numbering) with its si_code and address. */
void fbsd_trapsignal(struct fbsd_thread *td, int sig, int code, uint64_t addr);

/* Guest handler address for SIG (0 = SIG_DFL, 1 = SIG_IGN); signal.c. */
uint64_t fbsd_sig_handler(int sig);

#endif
