/* A guest thread as the FreeBSD layer sees it.  One host thread runs each
 * guest thread; curthread is that thread's own state. */
#ifndef BSDEMU_FBSD_THREAD_H
#define BSDEMU_FBSD_THREAD_H

#include <stdint.h>

#include "cpu/aarch64/cpu.h"

/* FreeBSD sigset_t: 128 signals in four 32-bit words. */
typedef struct { uint32_t bits[4]; } fbsd_sigset_t;

struct fbsd_thread {
	struct a64_cpu cpu;     /* guest CPU state (first: cpu.opaque points back) */
	int32_t tid;            /* guest thread id, 100001 and up */
	uint64_t retval[2];     /* td_retval: x0 and x1 on success */
	int cur_syscall;        /* number being executed, for strace/report */
	fbsd_sigset_t sigmask;  /* blocked signals (guest numbering) */
};

extern __thread struct fbsd_thread *curthread;

#endif
