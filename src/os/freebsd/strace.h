/* -strace: one line per guest system call, decoded from the generated
 * argument descriptors plus a small table of hand-written printers.
 *
 *   100001 openat(AT_FDCWD, "/etc/hosts", O_RDONLY|O_CLOEXEC) = 3
 *
 * Guest memory is only read through copy_from_guest/copy_str_from_guest,
 * so a bad guest pointer is printed as its address, never followed. */
#ifndef BSDEMU_FBSD_STRACE_H
#define BSDEMU_FBSD_STRACE_H

#include <stddef.h>
#include <stdint.h>

struct fbsd_thread;

/* Longest string or buffer shown before "..." is appended. */
#define FBSD_STRACE_STRLEN 32

/* Trace a call after its handler returned: ERROR is 0, a positive FreeBSD
 * errno, FBSD_ERESTART or FBSD_EJUSTRETURN; RETVAL is td_retval. */
void fbsd_strace_call(struct fbsd_thread *td, int nr, const uint64_t args[8],
		      int error, const uint64_t retval[2]);
/* Trace a call that never returns (exit, thr_exit), before it runs. */
void fbsd_strace_noreturn(struct fbsd_thread *td, int nr, const uint64_t args[8]);

/* Format the line (without tid and newline) into BUF; used by the two
 * functions above and by the unit tests.  NORET: no result part. */
void fbsd_strace_format(char *buf, size_t cap, int nr, const uint64_t args[8],
			int error, const uint64_t retval[2], int noret);

#endif
