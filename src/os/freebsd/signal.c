/* Guest signal state: sigaction(416), sigprocmask(340), sigpending(343),
 * sigaltstack(53), and dying of a guest signal.
 *
 * Signal delivery to guest handlers is not implemented yet.  What exists:
 *  - sigaction() records the action process-wide exactly as FreeBSD's
 *    kern_sigaction() stores it and reports it back (old action, flag
 *    normalisation, SIG_CANTMASK on sa_mask, EINVAL rules).  SIG_IGN and
 *    SIG_DFL are also applied to the host twin of the signal, because
 *    those two need no delivery and programs depend on them (SIGPIPE
 *    ignored -> EPIPE instead of death).  A guest handler leaves the host
 *    disposition at its default: bsdemu never pretends to deliver.
 *  - sigprocmask() keeps the guest mask in td->sigmask and mirrors it onto
 *    the host thread (minus the synchronous signals bsdemu's own fault
 *    handling needs), so a blocked signal stays pending as on FreeBSD
 *    instead of killing the process; sigpending() reports the host's
 *    pending set translated back.
 *  - sigaltstack() is per thread (one host thread per guest thread). */
#include "os/freebsd/signal.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/syscall.h"
#include "os/freebsd/trap.h"

#define FBSD_SA_ALL (FBSD_SA_ONSTACK | FBSD_SA_RESTART | FBSD_SA_RESETHAND | \
		     FBSD_SA_NOCLDSTOP | FBSD_SA_NODEFER | FBSD_SA_NOCLDWAIT | \
		     FBSD_SA_SIGINFO)

/* A never-touched signal reports SA_RESTART: FreeBSD derives that flag
 * from "not in ps_sigintr", which starts empty. */
static struct fbsd_sigact_rec acts[FBSD_NSIG + 1] = {
	[1 ... FBSD_NSIG] = { .handler = FBSD_SIG_DFL, .flags = FBSD_SA_RESTART },
};
static pthread_mutex_t acts_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t acts_once = PTHREAD_ONCE_INIT;

/* td_sigstk of the calling thread; enabled = TDP_ALTSTACK. */
static __thread struct {
	uint64_t sp, size;
	int enabled;
} altstack;

/* Host signals bsdemu needs for itself: never blocked or ignored for the
 * guest.  The synchronous ones are how guest faults reach the CPU layer. */
static int host_sig_reserved(int h)
{
	return h == SIGSEGV || h == SIGBUS || h == SIGILL || h == SIGFPE ||
	       h == SIGTRAP || h == SIGSYS || h == FBSD_HOST_SIG_INTERNAL ||
	       h == SIGKILL || h == SIGSTOP;
}

/* Signals ignored when bsdemu started stay ignored, as across execve. */
static void acts_init(void)
{
	for (int sig = 1; sig <= FBSD_NSIG; sig++) {
		struct sigaction old;
		int h = fbsd_sig_to_host(sig);

		if (h > 0 && !host_sig_reserved(h) && sigaction(h, NULL, &old) == 0 &&
		    !(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_IGN)
			acts[sig].handler = FBSD_SIG_IGN;
	}
}

static void lock_acts(void)
{
	pthread_once(&acts_once, acts_init);
	pthread_mutex_lock(&acts_lock);
}

void fbsd_signal_init(struct fbsd_thread *td)
{
	sigset_t hs;

	pthread_once(&acts_once, acts_init);
	if (pthread_sigmask(SIG_SETMASK, NULL, &hs) == 0) {
		fbsd_sigset_from_host(&hs, &td->sigmask);
		fbsd_sig_cantmask(&td->sigmask);
	}
}

uint64_t fbsd_sig_handler(int sig)
{
	uint64_t h;

	if (!fbsd_sig_valid(sig))
		return FBSD_SIG_DFL;
	lock_acts();
	h = acts[sig].handler;
	pthread_mutex_unlock(&acts_lock);
	return h;
}

bool fbsd_sig_getaction(int sig, struct fbsd_sigact_rec *out)
{
	if (!fbsd_sig_valid(sig))
		return false;
	lock_acts();
	*out = acts[sig];
	pthread_mutex_unlock(&acts_lock);
	return true;
}

bool fbsd_sig_altstack(uint64_t *sp, uint64_t *size)
{
	*sp = altstack.sp;
	*size = altstack.size;
	return altstack.enabled;
}

/* sigact_flag_test(): SA_SIGINFO only counts with a real handler. */
static int flag_test(const struct fbsd_sigaction *a, int flag)
{
	return (a->flags & flag) &&
	       (flag != FBSD_SA_SIGINFO || a->handler > FBSD_SIG_IGN);
}

static void apply_host_disposition(int sig, uint64_t handler)
{
	int h = fbsd_sig_to_host(sig);
	struct sigaction sa;

	if (h <= 0 || host_sig_reserved(h))
		return;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	/* A guest handler: the host keeps the default (see the top). */
	sa.sa_handler = handler == FBSD_SIG_IGN ? SIG_IGN : SIG_DFL;
	sigaction(h, &sa, NULL);
}

int fbsd_sys_sigaction(struct fbsd_thread *td, const struct fbsd_sigaction_args *uap)
{
	struct fbsd_sigaction act, oact;
	struct fbsd_sigact_rec old, rec;
	int sig = uap->sig;

	if (uap->act && copy_from_guest(&act, uap->act, sizeof(act)) < 0)
		return FBSD_EFAULT;
	if (!fbsd_sig_valid(sig))
		return FBSD_EINVAL;
	if (uap->act && act.handler > FBSD_SIG_IGN && (act.flags & ~FBSD_SA_ALL))
		return FBSD_EINVAL;

	lock_acts();
	old = acts[sig];
	if (uap->act) {
		if ((sig == FBSD_SIGKILL || sig == FBSD_SIGSTOP) &&
		    act.handler != FBSD_SIG_DFL) {
			pthread_mutex_unlock(&acts_lock);
			return FBSD_EINVAL;
		}
		rec.handler = act.handler;
		memcpy(rec.mask.bits, act.mask, sizeof(rec.mask.bits));
		fbsd_sig_cantmask(&rec.mask);
		rec.flags = 0;
		static const int kept[] = { FBSD_SA_SIGINFO, FBSD_SA_RESTART,
			FBSD_SA_ONSTACK, FBSD_SA_RESETHAND, FBSD_SA_NODEFER };
		for (size_t i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
			if (flag_test(&act, kept[i]))
				rec.flags |= kept[i];
		/* NOCLDSTOP/NOCLDWAIT are process flags tied to SIGCHLD. */
		if (sig == FBSD_SIGCHLD)
			rec.flags |= act.flags & (FBSD_SA_NOCLDSTOP | FBSD_SA_NOCLDWAIT);
		acts[sig] = rec;
		if (old.handler != rec.handler)
			apply_host_disposition(sig, rec.handler);
	}
	pthread_mutex_unlock(&acts_lock);

	if (uap->oact) {
		memset(&oact, 0, sizeof(oact));
		oact.handler = old.handler;
		oact.flags = old.flags;
		memcpy(oact.mask, old.mask.bits, sizeof(oact.mask));
		if (copy_to_guest(uap->oact, &oact, sizeof(oact)) < 0)
			return FBSD_EFAULT;
	}
	return 0;
}

/* The host thread blocks what the guest thread blocks (see the top). */
static void mirror_mask(const fbsd_sigset_t *mask)
{
	sigset_t hs;

	fbsd_sigset_to_host(mask, &hs);
	for (int h = 1; h < NSIG; h++)
		if (host_sig_reserved(h))
			sigdelset(&hs, h);
	pthread_sigmask(SIG_SETMASK, &hs, NULL);
}

int fbsd_sys_sigprocmask(struct fbsd_thread *td, const struct fbsd_sigprocmask_args *uap)
{
	fbsd_sigset_t set, oset = td->sigmask;

	if (uap->set) {
		if (copy_from_guest(&set, uap->set, sizeof(set)) < 0)
			return FBSD_EFAULT;
		switch (uap->how) {
		case FBSD_SIG_BLOCK:
			fbsd_sig_cantmask(&set);
			for (int i = 0; i < 4; i++)
				td->sigmask.bits[i] |= set.bits[i];
			break;
		case FBSD_SIG_UNBLOCK:
			for (int i = 0; i < 4; i++)
				td->sigmask.bits[i] &= ~set.bits[i];
			break;
		case FBSD_SIG_SETMASK:
			fbsd_sig_cantmask(&set);
			td->sigmask = set;
			break;
		default:
			return FBSD_EINVAL;
		}
		mirror_mask(&td->sigmask);
	}
	if (uap->oset && copy_to_guest(uap->oset, &oset, sizeof(oset)) < 0)
		return FBSD_EFAULT;
	return 0;
}

int fbsd_sys_sigpending(struct fbsd_thread *td, const struct fbsd_sigpending_args *uap)
{
	fbsd_sigset_t pend;
	sigset_t hs;

	/* Nothing is queued by bsdemu itself; what the host holds pending
	 * for this thread (because the guest blocked it) is the answer. */
	if (sigpending(&hs) < 0)
		sigemptyset(&hs);
	fbsd_sigset_from_host(&hs, &pend);
	if (copy_to_guest(uap->set, &pend, sizeof(pend)) < 0)
		return FBSD_EFAULT;
	return 0;
}

int fbsd_sys_sigaltstack(struct fbsd_thread *td, const struct fbsd_sigaltstack_args *uap)
{
	struct fbsd_stack ss, oss;
	uint64_t sp = td->cpu.r[A64_SP];
	int onstack = altstack.enabled && sp - altstack.sp < altstack.size;

	if (uap->ss && copy_from_guest(&ss, uap->ss, sizeof(ss)) < 0)
		return FBSD_EFAULT;
	memset(&oss, 0, sizeof(oss));
	oss.ss_sp = altstack.sp;
	oss.ss_size = altstack.size;
	oss.ss_flags = altstack.enabled ? (onstack ? FBSD_SS_ONSTACK : 0) : FBSD_SS_DISABLE;
	if (uap->ss) {
		if (onstack)
			return FBSD_EPERM;
		if (ss.ss_flags & ~FBSD_SS_DISABLE)
			return FBSD_EINVAL;
		if (!(ss.ss_flags & FBSD_SS_DISABLE)) {
			if (ss.ss_size < FBSD_MINSIGSTKSZ)
				return FBSD_ENOMEM;
			altstack.sp = ss.ss_sp;
			altstack.size = ss.ss_size;
			altstack.enabled = 1;
		} else {
			altstack.enabled = 0;
		}
	}
	if (uap->oss && copy_to_guest(uap->oss, &oss, sizeof(oss)) < 0)
		return FBSD_EFAULT;
	return 0;
}

/* Does the host's default action for H end the process? */
static int host_default_kills(int h)
{
	switch (h) {
	case SIGCHLD: case SIGCONT: case SIGURG: case SIGWINCH:
	case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
		return 0;
	default:
		return 1;
	}
}

_Noreturn void fbsd_signal_exit(int sig)
{
	int h = fbsd_sig_to_host(sig);

	if (h > 0 && h != FBSD_HOST_SIG_INTERNAL && host_default_kills(h)) {
		struct sigaction sa;
		struct rlimit nocore = { 0, 0 };
		sigset_t one;

		/* A core of bsdemu (with its whole reserved guest space) helps
		 * nobody; the parent still sees death by this signal. */
		getrlimit(RLIMIT_CORE, &nocore);
		nocore.rlim_cur = 0;
		setrlimit(RLIMIT_CORE, &nocore);
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = SIG_DFL;
		sigemptyset(&sa.sa_mask);
		sigaction(h, &sa, NULL);
		sigemptyset(&one);
		sigaddset(&one, h);
		pthread_sigmask(SIG_UNBLOCK, &one, NULL);
		raise(h);
		/* SIGKILL cannot be caught; anything else should not return. */
	}
	_exit(128 + (sig & 0x7f));
}
