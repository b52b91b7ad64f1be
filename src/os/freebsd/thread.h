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
	int32_t tid;            /* guest thread id: FBSD_TID_BASE + host tid */
	uint64_t retval[2];     /* td_retval: x0 and x1 on success */
	int cur_syscall;        /* number being executed, for strace/report */
	fbsd_sigset_t sigmask;  /* blocked signals (guest numbering) */

	/* ---- threads and umtx (thread.c, umtx.c, sched.c) ---- */
	uint32_t wake_seq;      /* futex word: bumped to end this thread's sleep */
	int intr;               /* atomic: fbsd_thread_interrupt() not yet seen */
	int wake_pending;       /* atomic: thr_wake arrived first (TDP_WAKEUP) */
	int host_tid;           /* Linux tid of the host thread */
	int registered;         /* on the live thread list */
	uint32_t start_state;   /* futex word: thr_new's start handshake */
	char name[20];          /* thr_set_name (MAXCOMLEN + 1) */
	uint16_t rtp_type, rtp_prio; /* rtprio_thread's record */
	uint64_t rb_list[3];    /* UMTX_OP_ROBUST_LISTS: robust, priv, inact */
	struct fbsd_thread *next_live, *next_free;
	/* ---- end of threads block ---- */

	/* ---- signal delivery (signal.c): pending signals, altstack ---- */
	struct fbsd_sigthread *sigstate;
	/* ---- end of signals block ---- */
};

extern __thread struct fbsd_thread *curthread;

/* Guest thread ids are the host thread ids plus this: unique across all
 * processes, as FreeBSD's are (process-shared mutexes store them), and
 * above every FreeBSD pid (PID_MAX 99999), as FreeBSD's are. */
#define FBSD_TID_BASE 100000

/* ---- threads (thread.c) ----
 * Sleeping: a thread blocked in _umtx_op or thr_suspend waits on its own
 * futex word wake_seq.  fbsd_thread_interrupt(td) makes such a sleep (the
 * current one, or the next one if TD is not asleep yet) return EINTR; it is
 * async-signal-safe (two atomics and a futex wake), so the signal code may
 * call it from a host signal handler or from another thread once a signal
 * is pending for TD.  A host signal arriving in the sleeping thread also
 * ends the sleep with EINTR. */
void fbsd_thread_interrupt(struct fbsd_thread *td);
/* End TD's current sleep so it re-checks its wait condition. */
void fbsd_thread_wakeup(struct fbsd_thread *td);
/* Sleep until fbsd_thread_wakeup (wake_seq != SEQ), an interrupt (EINTR)
 * or the absolute DEADLINE on host clock CLK (ETIMEDOUT); DEADLINE NULL =
 * forever.  0 may be spurious: callers re-check their condition. */
struct timespec;
int fbsd_thread_sleep(struct fbsd_thread *td, uint32_t seq, int clk,
		      const struct timespec *deadline);
/* What a futex wait that failed with host errno ERR means for TD's sleep:
 * ETIMEDOUT, EINTR (the interrupt is then used up), or 0 (re-check). */
int fbsd_thread_sleep_error(struct fbsd_thread *td, int err);
/* Run FN(td, arg) for the live thread TID with the thread list locked
 * (TD cannot exit meanwhile); returns FN's value, or -1 when no such
 * thread.  FN must not sleep or take the thread list lock. */
int fbsd_thread_with(int32_t tid, int (*fn)(struct fbsd_thread *, void *), void *arg);
/* Run FN(td, arg) for every live thread with the thread list locked, until
 * FN returns non-zero (that value is returned; 0 when all were visited).
 * Same rules for FN as fbsd_thread_with (kern.proc.pid_td uses it). */
int fbsd_thread_foreach(int (*fn)(struct fbsd_thread *, void *), void *arg);
/* In a fork child: TD is the only thread, with a new id. */
void fbsd_thread_fork_child(struct fbsd_thread *td);
/* umtx.c: a dying thread's robust mutexes become OWNERDEAD. */
void fbsd_umtx_thread_exit(struct fbsd_thread *td);
/* The end of the process (exit, fatal signal, execve): TD (the caller, may be
 * NULL) and every live thread release their shared robust mutexes. */
void fbsd_umtx_process_exit(struct fbsd_thread *td);
/* umtx.c: UMTX_OP_WAKE on a guest address (thr_exit's state word). */
void fbsd_umtx_wake_addr(uint64_t addr, int n);
/* In a fork child: no waiter survives, every queue lock is free. */
void fbsd_umtx_fork_child(void);

#endif
