/* Processes: fork family (fork.c), exec (exec.c), wait (wait.c), procctl
 * and priorities (procctl.c), kern.proc.* of other processes (procinfo.c).
 * What bsdemu's other modules and main.c call into. */
#ifndef BSDEMU_FBSD_PROCESS_H
#define BSDEMU_FBSD_PROCESS_H

#include <stddef.h>
#include <stdint.h>

#include "os/freebsd/thread.h"

/* main.c, first thing: take over what a parent bsdemu passed to an exec'd
 * child (the guest path of the program, for AT_EXECPATH) and remove it
 * from the environment before the guest's environment is built. */
void fbsd_exec_startup(void);
/* main.c, once the options are parsed: remember them (absolute paths) so
 * that an exec'd FreeBSD program runs under bsdemu with the same ones. */
void fbsd_exec_save_options(void);

/* The child side of every fork: only TD survives; bsdemu's process-wide
 * state is made consistent for one thread (fork.c). */
void fbsd_fork_child(struct fbsd_thread *td);

/* kern.proc.pathname / kern.proc.args of another process PID (procinfo.c):
 * a malloc'ed buffer in *OUT (*LEN bytes; pathname NUL-terminated, args
 * NUL-separated), or a FreeBSD errno (ESRCH: no such process). */
int fbsd_procinfo_pathname(int pid, char **out, size_t *len);
int fbsd_procinfo_args(int pid, char **out, size_t *len);

/* vfork/rfork(RFSPAWN) children send their memory writes back to the
 * waiting parent (vfork.c).  In the child after the fork: FD is the write
 * end of the parent's pipe, SP the guest stack pointer, PARENT_THREADS the
 * guest threads the parent had. */
void fbsd_vfork_child_begin(int fd, uint64_t sp, int parent_threads);
/* In the child, before an exec and at exit (no-op elsewhere). */
void fbsd_vfork_writeback(void);
/* In the parent: apply what the child sends until it execs or exits. */
void fbsd_vfork_parent_wait(int rfd);

/* FreeBSD wait status from a Linux child's waitid() result (wait.c). */
int fbsd_wait_status(int cld_code, int cld_status);

#endif
