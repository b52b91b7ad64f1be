/* FreeBSD signals: numbers, the FreeBSD <-> Linux number tables (sigtab.c),
 * sigset helpers, and the process-wide record of guest signal actions
 * (signal.c).
 *
 * Delivery of signals to guest handlers does not exist yet: sigaction()
 * records what the guest asks for and answers queries about it, but bsdemu
 * installs no host handler on the guest's behalf. */
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
/* The calling guest thread's alternate signal stack (per host thread). */
bool fbsd_sig_altstack(uint64_t *sp, uint64_t *size);

/* Process start: take over what execve would carry into the FreeBSD
 * process (ignored signals stay ignored, the blocked mask stays blocked)
 * from the host state bsdemu was started with.  Call before anything in
 * bsdemu changes host signal dispositions. */
void fbsd_signal_init(struct fbsd_thread *td);

/* Die of guest signal SIG the way the host parent can see: default host
 * disposition for its host twin, unblocked, raised; _exit(128 + SIG) when
 * that is impossible (no twin, or a signal whose default does not kill). */
_Noreturn void fbsd_signal_exit(int fbsd_sig);

#endif
