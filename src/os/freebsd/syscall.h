/* System call dispatch and the conventions every handler follows.
 *
 * A handler is   int fbsd_sys_NAME(struct fbsd_thread *td,
 *                                  const struct fbsd_NAME_args *uap);
 * where struct fbsd_NAME_args (generated from syscalls.master into
 * syscalls_gen.h) lays the eight argument registers out as typed fields:
 * pointers are gaddr_t guest addresses, 32-bit types keep their sign.
 * It returns 0 with its results in td->retval[0] (x0) and td->retval[1]
 * (x1), or a positive FreeBSD errno, or FBSD_ERESTART / FBSD_EJUSTRETURN.
 * Defining the function is all it takes to implement a syscall: the
 * generated table refers to every handler weakly, and a missing one is
 * answered with ENOSYS + SIGSYS and named once on stderr. */
#ifndef BSDEMU_FBSD_SYSCALL_H
#define BSDEMU_FBSD_SYSCALL_H

#include <stdint.h>

#include "fbsd_errno.h"
#include "mem/mem.h"
#include "syscalls_gen.h"
#include "thread.h"

/* Execute the syscall the guest thread just trapped with.  Reads the number
 * and arguments from the CPU, runs the handler, writes the result back. */
void fbsd_syscall(struct fbsd_thread *td);

/* Convert a host syscall result (-1 and errno) the usual way:
 *   return host_ret(td, write(fd, buf, n));
 * sets retval[0] on success and returns the FreeBSD errno on failure. */
int host_ret(struct fbsd_thread *td, long r);

/* Write --report's table if it was asked for (called once at exit). */
void fbsd_report_flush(void);

/* The guest thread ended the process: flush reports, exit with STATUS. */
_Noreturn void fbsd_exit_process(int status);

#endif
