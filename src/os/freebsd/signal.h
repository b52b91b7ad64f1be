/* FreeBSD signals: numbers, the FreeBSD <-> Linux number tables (sigtab.c),
 * sigset helpers, guest signal actions, pending signals and their delivery
 * to guest handlers (signal.c; the arm64 frame is in aarch64/sigframe.c).
 * How delivery and interrupted syscalls work: the comment at the top of
 * signal.c. */
#ifndef BSDEMU_FBSD_SIGNAL_H
#define BSDEMU_FBSD_SIGNAL_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "os/freebsd/thread.h"

/* FreeBSD signal numbers (sys/sys/signal.h; ABI-NOTES 5.4). */
#define FBSD_SIGHUP 1
#define FBSD_SIGINT 2
#define FBSD_SIGQUIT 3
#define FBSD_SIGILL 4
#define FBSD_SIGTRAP 5
#define FBSD_SIGABRT 6
#define FBSD_SIGEMT 7
#define FBSD_SIGFPE 8
#define FBSD_SIGKILL 9
#define FBSD_SIGBUS 10
#define FBSD_SIGSEGV 11
#define FBSD_SIGSYS 12
#define FBSD_SIGPIPE 13
#define FBSD_SIGALRM 14
#define FBSD_SIGTERM 15
#define FBSD_SIGURG 16
#define FBSD_SIGSTOP 17
#define FBSD_SIGTSTP 18
#define FBSD_SIGCONT 19
#define FBSD_SIGCHLD 20
#define FBSD_SIGTTIN 21
#define FBSD_SIGTTOU 22
#define FBSD_SIGIO 23
#define FBSD_SIGXCPU 24
#define FBSD_SIGXFSZ 25
#define FBSD_SIGVTALRM 26
#define FBSD_SIGPROF 27
#define FBSD_SIGWINCH 28
#define FBSD_SIGINFO 29
#define FBSD_SIGUSR1 30
#define FBSD_SIGUSR2 31
#define FBSD_SIGTHR 32
#define FBSD_SIGLIBRT 33
/* FBSD_SIGRTMIN (65), FBSD_SIGRTMAX (126), FBSD_NSIG (128): fbsd_proc_types.h */

/* Where the signals Linux lacks travel on the host.  Host RT signals 32 and
 * 33 belong to glibc (thread cancellation, setxid), so bsdemu starts at 34:
 *   34 SIGTHR, 35 SIGLIBRT, 36 SIGINFO, 37 SIGEMT,
 *   38..63 FreeBSD SIGRTMIN..SIGRTMIN+25 (65..90),
 *   64 (host SIGRTMAX) reserved for bsdemu itself (FBSD_HOST_SIG_INTERNAL).
 * FreeBSD 91..126 have no host signal: fbsd_sig_to_host() gives 0. */
#define FBSD_HOST_SIG_SIGTHR 34
#define FBSD_HOST_SIG_SIGLIBRT 35
#define FBSD_HOST_SIG_SIGINFO 36
#define FBSD_HOST_SIG_SIGEMT 37
#define FBSD_HOST_SIG_RT_FIRST 38      /* carries FreeBSD 65 */
#define FBSD_HOST_SIG_RT_LAST 63       /* carries FreeBSD 90 */
#define FBSD_HOST_SIG_INTERNAL 64      /* never a guest signal */
#define FBSD_SIG_RT_MAPPED_LAST 90     /* last FreeBSD RT signal with a host twin */

/* FreeBSD -> host signal number; 0 when FreeBSD SIG has no host twin
 * (or is not a signal: 0, negative, > 128). */
int fbsd_sig_to_host(int fbsd_sig);
/* Host -> FreeBSD signal number; 0 when the host signal has none
 * (SIGSTKFLT, SIGPWR, glibc's 32/33, bsdemu's 64). */
int fbsd_sig_from_host(int host_sig);
/* "SIGSEGV", "SIGRTMIN+3", ...; "SIG?" for a number that is no signal. */
const char *fbsd_signame(int fbsd_sig);

/* fbsd_sigset_t (thread.h) helpers; SIG is 1..128. */
static inline bool fbsd_sig_valid(int sig) { return sig > 0 && sig <= 128; }
static inline void fbsd_sigemptyset(fbsd_sigset_t *s)
{
	s->bits[0] = s->bits[1] = s->bits[2] = s->bits[3] = 0;
}
static inline void fbsd_sigaddset(fbsd_sigset_t *s, int sig)
{
	s->bits[(sig - 1) >> 5] |= 1u << ((sig - 1) & 31);
}
static inline void fbsd_sigdelset(fbsd_sigset_t *s, int sig)
{
	s->bits[(sig - 1) >> 5] &= ~(1u << ((sig - 1) & 31));
}
static inline bool fbsd_sigismember(const fbsd_sigset_t *s, int sig)
{
	return (s->bits[(sig - 1) >> 5] >> ((sig - 1) & 31)) & 1;
}
/* SIG_CANTMASK: SIGKILL and SIGSTOP can never be blocked or waited for. */
static inline void fbsd_sig_cantmask(fbsd_sigset_t *s)
{
	fbsd_sigdelset(s, FBSD_SIGKILL);
	fbsd_sigdelset(s, FBSD_SIGSTOP);
}
/* Translate whole sets; guest signals without a host twin are dropped. */
void fbsd_sigset_to_host(const fbsd_sigset_t *in, sigset_t *out);
void fbsd_sigset_from_host(const sigset_t *in, fbsd_sigset_t *out);

/* FreeBSD si_code values (sys/sys/signal.h; ABI-NOTES 5.3). */
#define FBSD_SI_NOINFO 0
#define FBSD_SI_USER 0x10001
#define FBSD_SI_QUEUE 0x10002
#define FBSD_SI_TIMER 0x10003
#define FBSD_SI_ASYNCIO 0x10004
#define FBSD_SI_MESGQ 0x10005
#define FBSD_SI_KERNEL 0x10006
#define FBSD_SI_LWP 0x10007
#define FBSD_ILL_ILLOPC 1
#define FBSD_ILL_ILLOPN 2
#define FBSD_FPE_INTOVF 1
#define FBSD_FPE_INTDIV 2
#define FBSD_SEGV_MAPERR 1
#define FBSD_SEGV_ACCERR 2
#define FBSD_BUS_ADRALN 1
#define FBSD_BUS_ADRERR 2
#define FBSD_BUS_OBJERR 3
#define FBSD_TRAP_BRKPT 1

/* siginfo_t, LP64 (80 bytes).  Fields lose their si_ prefix: glibc
 * defines si_pid, si_addr, ... as macros. */
struct fbsd_siginfo {
	int32_t signo;
	int32_t err;          /* si_errno */
	int32_t code;
	int32_t pid;
	uint32_t uid;
	int32_t status;
	uint64_t addr;
	uint64_t value;         /* union sigval */
	union {
		int32_t trapno;                           /* _fault */
		struct { int32_t timerid, overrun; } timer;
		int64_t band;                             /* _poll */
		uint64_t spare[5];
	} reason;
};
_Static_assert(sizeof(struct fbsd_siginfo) == 80, "FreeBSD siginfo_t is 80 bytes");
_Static_assert(__builtin_offsetof(struct fbsd_siginfo, addr) == 24, "si_addr @24");
_Static_assert(__builtin_offsetof(struct fbsd_siginfo, value) == 32, "si_value @32");
_Static_assert(__builtin_offsetof(struct fbsd_siginfo, reason) == 40, "_reason @40");

/* The recorded action for SIG (signal.c). */
struct fbsd_sigact_rec {
	uint64_t handler;        /* SIG_DFL 0, SIG_IGN 1, or a guest address */
	int32_t flags;           /* FreeBSD SA_* as sigaction() reports them */
	fbsd_sigset_t mask;
};
/* Guest handler of SIG: 0 = SIG_DFL, 1 = SIG_IGN (trap.h declares it too). */
uint64_t fbsd_sig_handler(int sig);
/* Copy of the whole recorded action; false for an invalid SIG. */
bool fbsd_sig_getaction(int sig, struct fbsd_sigact_rec *out);
/* TD's alternate signal stack: true when one is configured (TDP_ALTSTACK). */
bool fbsd_sig_altstack(struct fbsd_thread *td, uint64_t *sp, uint64_t *size);

/* Process start: take over what execve would carry into the FreeBSD
 * process (ignored signals stay ignored, the blocked mask stays blocked)
 * from the host state bsdemu was started with.  Call before anything in
 * bsdemu changes host signal dispositions. */
void fbsd_signal_init(struct fbsd_thread *td);

/* Per guest thread, on its own host thread before it runs guest code
 * (fbsd_cpu_loop() calls it): signal state, host mask = td->sigmask. */
void fbsd_signal_thread_init(struct fbsd_thread *td);
/* In the child after fork(): only TD exists; its pending signals go
 * (FreeBSD clears the child's queues). */
void fbsd_signal_fork_child(struct fbsd_thread *td);

/* ---- sending ----
 * thr_kill/thr_kill2/pthread_kill: post guest signal SIG to thread TD
 * (tdksignal()).  INFO NULL means SI_LWP from the calling process.  An
 * ignored signal is dropped; otherwise it stays pending on TD until TD
 * does not block it, and TD is woken: out of guest code at the next block
 * boundary, out of a blocking host call (fbsd_safe_syscall) or a
 * fbsd_thread_sleep() with EINTR.  Any thread may call it; SIG 1..128.
 * Returns 0 (FreeBSD errno on a bad SIG). */
int fbsd_signal_send_thread(struct fbsd_thread *td, int fbsd_sig,
			    const struct fbsd_siginfo *info_or_null);
/* A process-directed signal from inside the process (kill(getpid()),
 * nosys's SIGSYS goes to the thread instead): FreeBSD's pksignal(). */
void fbsd_signal_send_proc(struct fbsd_thread *td, int fbsd_sig,
			   const struct fbsd_siginfo *info);

/* ---- blocking host calls ----
 * Every host call that may block for long (read/write on pipes, ttys and
 * sockets, sleeps, waits) must go through this, so that a signal for the
 * guest thread arriving before or during the call makes it fail with
 * EINTR (see the top of signal.c).  Same contract as syscall(2): -1 and
 * errno, or the result.  Uses curthread; unused arguments 0. */
long fbsd_safe_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* ---- for the CPU loop and the dispatcher (trap.c, syscall.c) ---- */
/* Something was posted or unblocked since the last delivery. */
bool fbsd_signal_check_needed(struct fbsd_thread *td);
/* Deliver every pending, unblocked signal: build handler frames, apply
 * default actions (may not return). */
void fbsd_signal_deliver(struct fbsd_thread *td);
/* A syscall failed with EINTR: what FreeBSD would have returned, i.e.
 * ERESTART when the signal that interrupted it has SA_RESTART or will
 * not run a handler (ignored), EINTR when a handler runs without it. */
int fbsd_signal_intr_error(struct fbsd_thread *td);
/* Deliver SIG now with its handler (postsig()/trapsignal() with a caught,
 * unblocked signal); the default action when it has none. */
void fbsd_signal_postsig(struct fbsd_thread *td, int sig, const struct fbsd_siginfo *si);
/* Replace TD's mask (SIG_CANTMASK applied), mirror it to the host. */
void fbsd_sig_setmask(struct fbsd_thread *td, const fbsd_sigset_t *mask);
/* FreeBSD's sigprop() default action classes. */
#define FBSD_SIGPROP_KILL 0x01
#define FBSD_SIGPROP_CORE 0x02
#define FBSD_SIGPROP_STOP 0x04
#define FBSD_SIGPROP_IGNORE 0x10
#define FBSD_SIGPROP_CONT 0x20
int fbsd_sigprop(int sig);
/* Report, then die of SIG (the default "kill" action). */
_Noreturn void fbsd_signal_die(int sig);

/* ---- the arm64 frame (aarch64/sigframe.c) ----
 * sendsig(): build the sigframe for HANDLER and point the CPU at the
 * trampoline; RETMASK goes into uc_sigmask.  false = the frame could not
 * be written (the caller kills the process with SIGILL, as FreeBSD). */
bool fbsd_arch_sendsig(struct fbsd_thread *td, uint64_t handler, bool onstack_wanted,
		       const struct fbsd_siginfo *si, const fbsd_sigset_t *retmask);

/* Die of guest signal SIG the way the host parent can see: default host
 * disposition for its host twin, unblocked, raised; _exit(128 + SIG) when
 * that is impossible (no twin, or a signal whose default does not kill). */
_Noreturn void fbsd_signal_exit(int fbsd_sig);

/* rfork(RFSPAWN) child: caught signals revert to SIG_DFL. */
void fbsd_signal_drop_caught(void);

/* ppoll/pselect: install MASK until the next delivery restores the old one. */
void fbsd_signal_set_oldmask(struct fbsd_thread *td, const fbsd_sigset_t *mask);

#endif
