/* FreeBSD <-> Linux signal numbers.  One list names each pairing; both
 * lookup tables are built from it, and every pairing is checked at compile
 * time against the host's <signal.h> and our FreeBSD constants.  The
 * FreeBSD real-time range maps by offset onto a block of host RT signals
 * (see signal.h for the chosen layout). */
#include "os/freebsd/signal.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>

#include "os/freebsd/fbsd_proc_types.h"

/* X(FreeBSD number, host number, name) */
#define FBSD_SIGNAL_PAIRS(X)                          \
	X(FBSD_SIGHUP, SIGHUP, "SIGHUP")              \
	X(FBSD_SIGINT, SIGINT, "SIGINT")              \
	X(FBSD_SIGQUIT, SIGQUIT, "SIGQUIT")           \
	X(FBSD_SIGILL, SIGILL, "SIGILL")              \
	X(FBSD_SIGTRAP, SIGTRAP, "SIGTRAP")           \
	X(FBSD_SIGABRT, SIGABRT, "SIGABRT")           \
	X(FBSD_SIGEMT, FBSD_HOST_SIG_SIGEMT, "SIGEMT") \
	X(FBSD_SIGFPE, SIGFPE, "SIGFPE")              \
	X(FBSD_SIGKILL, SIGKILL, "SIGKILL")           \
	X(FBSD_SIGBUS, SIGBUS, "SIGBUS")              \
	X(FBSD_SIGSEGV, SIGSEGV, "SIGSEGV")           \
	X(FBSD_SIGSYS, SIGSYS, "SIGSYS")              \
	X(FBSD_SIGPIPE, SIGPIPE, "SIGPIPE")           \
	X(FBSD_SIGALRM, SIGALRM, "SIGALRM")           \
	X(FBSD_SIGTERM, SIGTERM, "SIGTERM")           \
	X(FBSD_SIGURG, SIGURG, "SIGURG")              \
	X(FBSD_SIGSTOP, SIGSTOP, "SIGSTOP")           \
	X(FBSD_SIGTSTP, SIGTSTP, "SIGTSTP")           \
	X(FBSD_SIGCONT, SIGCONT, "SIGCONT")           \
	X(FBSD_SIGCHLD, SIGCHLD, "SIGCHLD")           \
	X(FBSD_SIGTTIN, SIGTTIN, "SIGTTIN")           \
	X(FBSD_SIGTTOU, SIGTTOU, "SIGTTOU")           \
	X(FBSD_SIGIO, SIGIO, "SIGIO")                 \
	X(FBSD_SIGXCPU, SIGXCPU, "SIGXCPU")           \
	X(FBSD_SIGXFSZ, SIGXFSZ, "SIGXFSZ")           \
	X(FBSD_SIGVTALRM, SIGVTALRM, "SIGVTALRM")     \
	X(FBSD_SIGPROF, SIGPROF, "SIGPROF")           \
	X(FBSD_SIGWINCH, SIGWINCH, "SIGWINCH")        \
	X(FBSD_SIGINFO, FBSD_HOST_SIG_SIGINFO, "SIGINFO") \
	X(FBSD_SIGUSR1, SIGUSR1, "SIGUSR1")           \
	X(FBSD_SIGUSR2, SIGUSR2, "SIGUSR2")           \
	X(FBSD_SIGTHR, FBSD_HOST_SIG_SIGTHR, "SIGTHR") \
	X(FBSD_SIGLIBRT, FBSD_HOST_SIG_SIGLIBRT, "SIGLIBRT")

/* The FreeBSD numbers (sys/sys/signal.h), independent of the list above. */
_Static_assert(FBSD_SIGEMT == 7 && FBSD_SIGBUS == 10 && FBSD_SIGSYS == 12 &&
	       FBSD_SIGURG == 16 && FBSD_SIGSTOP == 17 && FBSD_SIGTSTP == 18 &&
	       FBSD_SIGCONT == 19 && FBSD_SIGCHLD == 20 && FBSD_SIGIO == 23 &&
	       FBSD_SIGINFO == 29 && FBSD_SIGUSR1 == 30 && FBSD_SIGUSR2 == 31 &&
	       FBSD_SIGTHR == 32 && FBSD_SIGLIBRT == 33, "FreeBSD signal numbers");
/* The Linux x86-64 numbers the host twins have (asm/signal.h). */
_Static_assert(SIGBUS == 7 && SIGUSR1 == 10 && SIGUSR2 == 12 && SIGCHLD == 17 &&
	       SIGCONT == 18 && SIGSTOP == 19 && SIGTSTP == 20 && SIGURG == 23 &&
	       SIGIO == 29 && SIGSYS == 31, "Linux signal numbers");
/* The spare host block lies inside Linux's RT range, clear of glibc's 32/33. */
_Static_assert(__SIGRTMIN == 32 && __SIGRTMAX == 64, "host RT range");
_Static_assert(FBSD_HOST_SIG_SIGTHR > __SIGRTMIN + 1, "glibc owns RT 32 and 33");
_Static_assert(FBSD_HOST_SIG_RT_LAST - FBSD_HOST_SIG_RT_FIRST ==
	       FBSD_SIG_RT_MAPPED_LAST - FBSD_SIGRTMIN, "RT block sizes");
_Static_assert(FBSD_HOST_SIG_RT_LAST < FBSD_HOST_SIG_INTERNAL &&
	       FBSD_HOST_SIG_INTERNAL == __SIGRTMAX, "bsdemu's own signal");
_Static_assert(FBSD_SIG_RT_MAPPED_LAST <= FBSD_SIGRTMAX, "RT range");

#define HOST_NSIG (__SIGRTMAX + 1)

static const int8_t to_host[FBSD_SIGRTMIN] = {
#define X(f, h, n) [f] = (h),
	FBSD_SIGNAL_PAIRS(X)
#undef X
};

static const int8_t from_host[HOST_NSIG] = {
#define X(f, h, n) [h] = (f),
	FBSD_SIGNAL_PAIRS(X)
#undef X
};

static const char *const names[FBSD_SIGRTMIN] = {
#define X(f, h, n) [f] = n,
	FBSD_SIGNAL_PAIRS(X)
#undef X
};

int fbsd_sig_to_host(int sig)
{
	if (sig <= 0 || sig > FBSD_NSIG)
		return 0;
	if (sig < FBSD_SIGRTMIN)
		return to_host[sig];
	if (sig <= FBSD_SIG_RT_MAPPED_LAST)
		return FBSD_HOST_SIG_RT_FIRST + (sig - FBSD_SIGRTMIN);
	return 0;
}

int fbsd_sig_from_host(int hsig)
{
	if (hsig <= 0 || hsig >= HOST_NSIG)
		return 0;
	if (hsig >= FBSD_HOST_SIG_RT_FIRST && hsig <= FBSD_HOST_SIG_RT_LAST)
		return FBSD_SIGRTMIN + (hsig - FBSD_HOST_SIG_RT_FIRST);
	return from_host[hsig];
}

/* "SIGRTMIN+n" / "SIGRTMAX-n" like FreeBSD's kill -l, built once. */
static char rt_names[FBSD_SIGRTMAX - FBSD_SIGRTMIN + 1][24];
static pthread_once_t rt_once = PTHREAD_ONCE_INIT;

static void make_rt_names(void)
{
	int half = (FBSD_SIGRTMAX - FBSD_SIGRTMIN) / 2;

	for (int i = 0; i <= FBSD_SIGRTMAX - FBSD_SIGRTMIN; i++) {
		if (i == 0)
			snprintf(rt_names[i], sizeof(rt_names[i]), "SIGRTMIN");
		else if (i == FBSD_SIGRTMAX - FBSD_SIGRTMIN)
			snprintf(rt_names[i], sizeof(rt_names[i]), "SIGRTMAX");
		else if (i <= half)
			snprintf(rt_names[i], sizeof(rt_names[i]), "SIGRTMIN+%d", i);
		else
			snprintf(rt_names[i], sizeof(rt_names[i]), "SIGRTMAX-%d",
				 FBSD_SIGRTMAX - FBSD_SIGRTMIN - i);
	}
}

const char *fbsd_signame(int sig)
{
	if (sig > 0 && sig < FBSD_SIGRTMIN && names[sig])
		return names[sig];
	if (sig >= FBSD_SIGRTMIN && sig <= FBSD_SIGRTMAX) {
		pthread_once(&rt_once, make_rt_names);
		return rt_names[sig - FBSD_SIGRTMIN];
	}
	return "SIG?";
}

void fbsd_sigset_to_host(const fbsd_sigset_t *in, sigset_t *out)
{
	sigemptyset(out);
	for (int sig = 1; sig <= FBSD_NSIG; sig++) {
		int h;

		if (fbsd_sigismember(in, sig) && (h = fbsd_sig_to_host(sig)) > 0)
			sigaddset(out, h);
	}
}

void fbsd_sigset_from_host(const sigset_t *in, fbsd_sigset_t *out)
{
	fbsd_sigemptyset(out);
	for (int h = 1; h < HOST_NSIG; h++) {
		int sig;

		if (sigismember(in, h) == 1 && (sig = fbsd_sig_from_host(h)) > 0)
			fbsd_sigaddset(out, sig);
	}
}
