/* Guest signals: actions, masks, pending signals and their delivery.
 * sigaction(416), sigprocmask(340), sigpending(343), sigaltstack(53),
 * sigsuspend(341), sigtimedwait(345), sigwaitinfo(346), sigwait(429),
 * kill(37), sigqueue(456), setitimer(83), getitimer(86); sigreturn and the
 * *context calls are in aarch64/sigframe.c with the frame.
 *
 * How a signal reaches a guest handler
 *  - Dispositions.  sigaction() records the action process-wide exactly as
 *    kern_sigaction() stores it.  On the host: SIG_IGN -> SIG_IGN, SIG_DFL
 *    -> SIG_DFL (the host's default action is the FreeBSD one, and the
 *    parent sees death by the host twin), a guest handler -> host_handler
 *    (SA_SIGINFO, every signal blocked while it runs, and *no* SA_RESTART:
 *    bsdemu's blocking host calls must come back with EINTR so that we
 *    decide by FreeBSD's SA_RESTART).  SIGIO and SIGINFO, ignored by default
 *    on FreeBSD but fatal on Linux, also get host_handler under SIG_DFL.
 *    SIGSEGV/SIGBUS stay with host/fault.c, which passes the ones a process
 *    sent (si_code <= 0) to fbsd_signal_host_async().
 *  - Masks.  The host thread blocks what the guest thread blocks (minus
 *    SIGSEGV/SIGBUS and bsdemu's own FBSD_HOST_SIG_INTERNAL), so the host
 *    kernel keeps blocked signals pending and routes process-directed ones
 *    to a thread that does not block them, as FreeBSD does.
 *  - Pending.  host_handler translates the host siginfo to FreeBSD's, adds
 *    the signal to the thread's pending set (struct fbsd_sigthread; a
 *    process-wide set holds what has no thread yet), sets cpu->interrupt
 *    so a64_run() returns at the next block boundary, sets the thread's
 *    `kicked` flag and wakes a fbsd_thread_sleep().  Signals posted from
 *    inside bsdemu (kill to self, thr_kill, nosys's SIGSYS, signals with no
 *    host twin) go straight into these sets.  One spin lock guards them;
 *    it is taken only with host signals blocked (handlers run that way).
 *  - Delivery.  The CPU loop (trap.c) calls fbsd_signal_deliver() after
 *    every syscall and on an interrupt exit: a safe point between guest
 *    instructions.  Each pending unblocked signal is handled like postsig():
 *    default action, or the arm64 frame (sigframe.c) and the new mask.
 *    Synchronous faults go through fbsd_signal_postsig() at once.
 *  - Interrupted syscalls.  A blocking host call made through
 *    fbsd_safe_syscall() cannot miss a signal: host_safe_syscall() tests
 *    `kicked` and enters the kernel inside one assembly range, and the
 *    handler moves an interrupted thread still inside that range (the
 *    call has not started) to a "return -EINTR" exit; once the kernel has
 *    the call, the handler interrupts it (no SA_RESTART).  EINTR then goes
 *    back to the dispatcher, which asks fbsd_signal_intr_error(): the
 *    first deliverable signal's SA_RESTART gives ERESTART (the svc runs
 *    again after the handler), no SA_RESTART gives EINTR, an ignored one a
 *    transparent restart.  Calls FreeBSD never restarts (nanosleep, poll,
 *    select, sigsuspend, sigtimedwait, ...) keep EINTR.  A signal already
 *    pending when the guest reaches an svc is delivered first and the svc
 *    re-executed, as if it had arrived just before it.
 *  - Death.  A default action that kills raises the host twin with its
 *    default disposition (core dumps suppressed), so a host parent sees
 *    death by that signal; FreeBSD-only signals die by their host carrier
 *    (SIGTHR 34, SIGLIBRT 35, SIGINFO 36, SIGEMT 37, SIGRTMIN.. 38..63), and
 *    the RT signals 91..126 that have no carrier exit with 128 + signal.
 *
 *  - Real-time signals (65..126) queue: each instance posted while one is
 *    already pending keeps its own siginfo (sigqueue values arrive in
 *    order), up to RTQ_MAX per thread and per process; beyond that an
 *    instance merges into the pending one.  Other signals are pending at
 *    most once, with the first siginfo, as FreeBSD's sigqueue_add() does.
 *
 * Limits: FreeBSD's sigfastblock is not offered (AT_BSDFLAGS leaves it
 * off). */
#include "os/freebsd/signal.h"
#include "os/freebsd/kqueue.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "host/fault.h"
#include "host/safe_syscall.h"
#include "log.h"
#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/syscall.h"
#include "os/freebsd/trap.h"

#define FBSD_SA_ALL (FBSD_SA_ONSTACK | FBSD_SA_RESTART | FBSD_SA_RESETHAND | \
		     FBSD_SA_NOCLDSTOP | FBSD_SA_NODEFER | FBSD_SA_NOCLDWAIT | \
		     FBSD_SA_SIGINFO)

/* thread.c: wake a fbsd_thread_sleep() (weak: signal.c works without). */
#pragma weak fbsd_thread_interrupt

/* A never-touched signal reports SA_RESTART: FreeBSD derives that flag
 * from "not in ps_sigintr", which starts empty. */
static struct fbsd_sigact_rec acts[FBSD_NSIG + 1] = {
	[1 ... FBSD_NSIG] = { .handler = FBSD_SIG_DFL, .flags = FBSD_SA_RESTART },
};
static pthread_mutex_t acts_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t acts_once = PTHREAD_ONCE_INIT;

/* Queued further instances of pending real-time signals, oldest first. */
#define RTQ_MAX 64
struct rtq {
	int n;
	struct {
		int sig;
		struct fbsd_siginfo si;
	} e[RTQ_MAX];
};

/* Per guest thread (td->sigstate). */
struct fbsd_sigthread {
	struct fbsd_thread *td;
	int host_tid;
	volatile int kicked;            /* host_safe_syscall's flag */
	volatile int check;             /* something posted or unblocked */
	fbsd_sigset_t pending;          /* sig_lock */
	struct fbsd_siginfo info[FBSD_NSIG + 1];
	struct rtq rtq;                 /* sig_lock */
	uint64_t ss_sp, ss_size;        /* td_sigstk */
	int ss_enabled;                 /* TDP_ALTSTACK */
	int oldmask_valid;              /* TDP_OLDMASK: sigsuspend */
	fbsd_sigset_t oldmask;
	struct fbsd_sigthread *next;    /* every thread ever seen (reused) */
};

static struct fbsd_sigthread main_state;
static struct fbsd_sigthread *all_threads;     /* sig_lock */
static fbsd_sigset_t proc_pending;             /* sig_lock */
static struct fbsd_siginfo proc_info[FBSD_NSIG + 1];
static struct rtq proc_rtq;                    /* sig_lock */
static volatile int proc_check;
static atomic_flag sig_spin = ATOMIC_FLAG_INIT;

/* Host signals bsdemu keeps for itself: never blocked for the guest. */
static int host_sig_reserved(int h)
{
	return h == SIGSEGV || h == SIGBUS || h == FBSD_HOST_SIG_INTERNAL ||
	       h == SIGKILL || h == SIGSTOP;
}

/* The lock: from a handler (everything already blocked) ... */
static void spin_lock_raw(void)
{
	while (atomic_flag_test_and_set_explicit(&sig_spin, memory_order_acquire))
		;
}

static void spin_unlock_raw(void)
{
	atomic_flag_clear_explicit(&sig_spin, memory_order_release);
}

/* ... and from normal code, which must not be interrupted holding it. */
static void sig_lock(sigset_t *saved)
{
	sigset_t all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, saved);
	spin_lock_raw();
}

static void sig_unlock(const sigset_t *saved)
{
	spin_unlock_raw();
	pthread_sigmask(SIG_SETMASK, saved, NULL);
}

/* FreeBSD's sigproptbl (kern_sig.c); signals past SIGUSR2 have none,
 * which makes their default action "terminate". */
int fbsd_sigprop(int sig)
{
	static const uint8_t tbl[32] = {
		[FBSD_SIGHUP] = FBSD_SIGPROP_KILL,
		[FBSD_SIGINT] = FBSD_SIGPROP_KILL,
		[FBSD_SIGQUIT] = FBSD_SIGPROP_KILL | FBSD_SIGPROP_CORE,
		[FBSD_SIGILL] = FBSD_SIGPROP_KILL | FBSD_SIGPROP_CORE,
		[FBSD_SIGTRAP] = FBSD_SIGPROP_KILL | FBSD_SIGPROP_CORE,
		[FBSD_SIGABRT] = FBSD_SIGPROP_KILL | FBSD_SIGPROP_CORE,
		[FBSD_SIGEMT] = FBSD_SIGPROP_KILL | FBSD_SIGPROP_CORE,
		[FBSD_SIGFPE] = FBSD_SIGPROP_KILL | FBSD_SIGPROP_CORE,
		[FBSD_SIGKILL] = FBSD_SIGPROP_KILL,
		[FBSD_SIGBUS] = FBSD_SIGPROP_KILL | FBSD_SIGPROP_CORE,
		[FBSD_SIGSEGV] = FBSD_SIGPROP_KILL | FBSD_SIGPROP_CORE,
		[FBSD_SIGSYS] = FBSD_SIGPROP_KILL | FBSD_SIGPROP_CORE,
		[FBSD_SIGPIPE] = FBSD_SIGPROP_KILL,
		[FBSD_SIGALRM] = FBSD_SIGPROP_KILL,
		[FBSD_SIGTERM] = FBSD_SIGPROP_KILL,
		[FBSD_SIGURG] = FBSD_SIGPROP_IGNORE,
		[FBSD_SIGSTOP] = FBSD_SIGPROP_STOP,
		[FBSD_SIGTSTP] = FBSD_SIGPROP_STOP,
		[FBSD_SIGCONT] = FBSD_SIGPROP_IGNORE | FBSD_SIGPROP_CONT,
		[FBSD_SIGCHLD] = FBSD_SIGPROP_IGNORE,
		[FBSD_SIGTTIN] = FBSD_SIGPROP_STOP,
		[FBSD_SIGTTOU] = FBSD_SIGPROP_STOP,
		[FBSD_SIGIO] = FBSD_SIGPROP_IGNORE,
		[FBSD_SIGXCPU] = FBSD_SIGPROP_KILL,
		[FBSD_SIGXFSZ] = FBSD_SIGPROP_KILL,
		[FBSD_SIGVTALRM] = FBSD_SIGPROP_KILL,
		[FBSD_SIGPROF] = FBSD_SIGPROP_KILL,
		[FBSD_SIGWINCH] = FBSD_SIGPROP_IGNORE,
		[FBSD_SIGINFO] = FBSD_SIGPROP_IGNORE,
		[FBSD_SIGUSR1] = FBSD_SIGPROP_KILL,
		[FBSD_SIGUSR2] = FBSD_SIGPROP_KILL,
	};
	return sig > 0 && sig < 32 ? tbl[sig] : 0;
}

/* ps_sigignore: discarded when sent (SIGCONT never is). */
static bool sig_ignored(const struct fbsd_sigact_rec *a, int sig)
{
	return a->handler == FBSD_SIG_IGN ||
	       (a->handler == FBSD_SIG_DFL && (fbsd_sigprop(sig) & FBSD_SIGPROP_IGNORE));
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

bool fbsd_sig_altstack(struct fbsd_thread *td, uint64_t *sp, uint64_t *size)
{
	struct fbsd_sigthread *st = td->sigstate;

	if (!st) {
		*sp = *size = 0;
		return false;
	}
	*sp = st->ss_sp;
	*size = st->ss_size;
	return st->ss_enabled;
}

/* ---- host siginfo -> FreeBSD ---- */

static int code_from_host(int sig, int code)
{
	switch (code) {
	case SI_USER: return FBSD_SI_USER;
	case SI_QUEUE: return FBSD_SI_QUEUE;
	case SI_TIMER: return FBSD_SI_TIMER;
	case SI_MESGQ: return FBSD_SI_MESGQ;
	case SI_ASYNCIO: return FBSD_SI_ASYNCIO;
	case SI_TKILL: return FBSD_SI_LWP;
	case SI_KERNEL: return FBSD_SI_KERNEL;
	default:
		break;
	}
	if (sig == FBSD_SIGFPE && code == FPE_INTDIV)
		return FBSD_FPE_INTDIV;     /* swapped with INTOVF on Linux */
	if (sig == FBSD_SIGFPE && code == FPE_INTOVF)
		return FBSD_FPE_INTOVF;
	/* The per-signal codes (SEGV_, BUS_, CLD_, POLL_, TRAP_) agree. */
	return code > 0 ? code : FBSD_SI_NOINFO;
}

static void info_from_host(struct fbsd_siginfo *out, int sig, const siginfo_t *hi)
{
	memset(out, 0, sizeof(*out));
	out->signo = sig;
	out->err = hi->si_errno;
	out->code = code_from_host(sig, hi->si_code);
	if (hi->si_code <= 0 || sig == FBSD_SIGCHLD) {
		out->pid = hi->si_pid;
		out->uid = hi->si_uid;
	}
	if (sig == FBSD_SIGCHLD) {
		out->status = hi->si_status;
		if (hi->si_code == CLD_KILLED || hi->si_code == CLD_DUMPED ||
		    hi->si_code == CLD_STOPPED || hi->si_code == CLD_TRAPPED)
			out->status = fbsd_sig_from_host(hi->si_status);
	}
	if (hi->si_code == SI_QUEUE || hi->si_code == SI_TIMER || hi->si_code == SI_MESGQ)
		out->value = (uint64_t)(uintptr_t)hi->si_value.sival_ptr;
	if (hi->si_code == SI_TIMER)
		out->reason.timer.overrun = hi->si_overrun;
}

static void info_user(struct fbsd_siginfo *si, int sig, int code)
{
	memset(si, 0, sizeof(*si));
	si->signo = sig;
	si->code = code;
	si->pid = getpid();
	si->uid = getuid();
}

/* ---- pending sets (sig_lock held) ---- */

static void kick(struct fbsd_sigthread *st)
{
	st->check = 1;
	st->kicked = 1;
	st->td->cpu.interrupt = 1;
	if (fbsd_thread_interrupt)
		fbsd_thread_interrupt(st->td);
}

static void post_locked(fbsd_sigset_t *set, struct fbsd_siginfo *infos, struct rtq *q,
			int sig, const struct fbsd_siginfo *si)
{
	if (!fbsd_sigismember(set, sig)) {
		infos[sig] = *si;
		fbsd_sigaddset(set, sig);
	} else if (sig >= FBSD_SIGRTMIN && sig <= FBSD_SIGRTMAX && q->n < RTQ_MAX) {
		q->e[q->n].sig = sig;
		q->e[q->n].si = *si;
		q->n++;
	}
	/* else FreeBSD keeps the first siginfo of a non-queued signal */
}

/* SIG was taken from SET: the next queued instance, if any, becomes the
 * pending one. */
static void refill_locked(fbsd_sigset_t *set, struct fbsd_siginfo *infos, struct rtq *q,
			  int sig)
{
	for (int i = 0; i < q->n; i++) {
		if (q->e[i].sig != sig)
			continue;
		infos[sig] = q->e[i].si;
		fbsd_sigaddset(set, sig);
		memmove(&q->e[i], &q->e[i + 1], (size_t)(q->n - i - 1) * sizeof(q->e[0]));
		q->n--;
		return;
	}
}

static void rtq_drop(struct rtq *q, int sig)
{
	int k = 0;

	for (int i = 0; i < q->n; i++)
		if (q->e[i].sig != sig)
			q->e[k++] = q->e[i];
	q->n = k;
}

/* Lowest signal in SET & ~MASK (sig_ffs order), 0 for none. */
static int first_unblocked(const fbsd_sigset_t *set, const fbsd_sigset_t *mask)
{
	for (int w = 0; w < 4; w++) {
		uint32_t b = set->bits[w] & ~mask->bits[w];

		if (b)
			return w * 32 + __builtin_ctz(b) + 1;
	}
	return 0;
}

static bool set_empty(const fbsd_sigset_t *s)
{
	return !(s->bits[0] | s->bits[1] | s->bits[2] | s->bits[3]);
}

/* Take the first deliverable signal for ST (thread set, then process). */
static int take_locked(struct fbsd_sigthread *st, const fbsd_sigset_t *mask,
		       struct fbsd_siginfo *out)
{
	int sig = first_unblocked(&st->pending, mask);

	if (sig) {
		*out = st->info[sig];
		fbsd_sigdelset(&st->pending, sig);
		refill_locked(&st->pending, st->info, &st->rtq, sig);
		return sig;
	}
	sig = first_unblocked(&proc_pending, mask);
	if (sig) {
		*out = proc_info[sig];
		fbsd_sigdelset(&proc_pending, sig);
		refill_locked(&proc_pending, proc_info, &proc_rtq, sig);
		if (set_empty(&proc_pending))
			proc_check = 0;
	}
	return sig;
}

static void discard_everywhere_locked(int sig)
{
	fbsd_sigdelset(&proc_pending, sig);
	rtq_drop(&proc_rtq, sig);
	for (struct fbsd_sigthread *t = all_threads; t; t = t->next) {
		fbsd_sigdelset(&t->pending, sig);
		rtq_drop(&t->rtq, sig);
	}
}

/* ---- the host handler ---- */

/* Also called by host/fault.c for a SIGSEGV/SIGBUS some process sent. */
static void host_handler(int h, siginfo_t *hi, void *uc)
{
	int saved_errno = errno;
	struct fbsd_thread *td = curthread;
	struct fbsd_sigthread *st = td ? td->sigstate : NULL;
	int sig = h == FBSD_HOST_SIG_INTERNAL ? 0 : fbsd_sig_from_host(h);

	if ((h == SIGILL || h == SIGFPE || h == SIGTRAP) && hi->si_code > 0) {
		/* A fault of bsdemu's own code: never the guest's. */
		static const char msg[] = "bsdemu: internal error: host fault signal in bsdemu\n";
		ssize_t r = write(2, msg, sizeof(msg) - 1);
		(void)r;
		signal(h, SIG_DFL);
		return;         /* the faulting instruction runs again and dies */
	}
	if (sig > 0) {
		struct fbsd_siginfo si;

		fbsd_kqueue_signal(sig);        /* EVFILT_SIGNAL counts arrivals */
		info_from_host(&si, sig, hi);
		spin_lock_raw();
		if (st) {
			post_locked(&st->pending, st->info, &st->rtq, sig, &si);
		} else {
			/* Not a guest thread (yet): whoever looks next takes it. */
			post_locked(&proc_pending, proc_info, &proc_rtq, sig, &si);
			proc_check = 1;
			if (main_state.td)
				kick(&main_state);
		}
		spin_unlock_raw();
	}
	if (st) {
		kick(st);
		host_safe_syscall_rewind(uc);
	}
	errno = saved_errno;
}

static void fault_forward(int h, siginfo_t *hi, void *uc)
{
	sigset_t all, saved;

	/* fault.c's handler blocks nothing; the spin lock needs that. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &saved);
	host_handler(h, hi, uc);
	pthread_sigmask(SIG_SETMASK, &saved, NULL);
}

/* What the host does with H while the guest's action for SIG is A. */
static void apply_host_disposition(int sig, const struct fbsd_sigact_rec *a)
{
	int h = fbsd_sig_to_host(sig);
	struct sigaction sa;

	if (h <= 0 || host_sig_reserved(h))
		return;
	memset(&sa, 0, sizeof(sa));
	sigfillset(&sa.sa_mask);
	if (a->handler > FBSD_SIG_IGN ||
	    (a->handler == FBSD_SIG_DFL && (sig == FBSD_SIGIO || sig == FBSD_SIGINFO))) {
		sa.sa_sigaction = host_handler;
		sa.sa_flags = SA_SIGINFO | SA_ONSTACK;  /* no SA_RESTART: see the top */
	} else {
		sa.sa_handler = a->handler == FBSD_SIG_IGN ? SIG_IGN : SIG_DFL;
	}
	sigaction(h, &sa, NULL);
}

/* ---- thread state ---- */

static void mirror_mask(const fbsd_sigset_t *mask)
{
	sigset_t hs;

	fbsd_sigset_to_host(mask, &hs);
	for (int h = 1; h < NSIG; h++)
		if (host_sig_reserved(h))
			sigdelset(&hs, h);
	pthread_sigmask(SIG_SETMASK, &hs, NULL);
}

void fbsd_sig_setmask(struct fbsd_thread *td, const fbsd_sigset_t *mask)
{
	td->sigmask = *mask;
	fbsd_sig_cantmask(&td->sigmask);
	mirror_mask(&td->sigmask);
	if (td->sigstate)
		td->sigstate->check = 1;
}

static void register_thread(struct fbsd_thread *td, struct fbsd_sigthread *st)
{
	sigset_t saved;

	sig_lock(&saved);
	/* td structs are reused by thread.c: so is their signal state. */
	if (!st) {
		for (struct fbsd_sigthread *t = all_threads; t; t = t->next)
			if (t->td == td && t != &main_state)
				st = t;
	}
	if (st) {
		bool listed = false;

		for (struct fbsd_sigthread *t = all_threads; t; t = t->next)
			listed |= t == st;
		struct fbsd_sigthread *next = st->next;
		memset(st, 0, sizeof(*st));
		st->next = listed ? next : all_threads;
		if (!listed)
			all_threads = st;
	}
	if (st) {
		st->td = td;
		st->host_tid = (int)syscall(SYS_gettid);
		td->sigstate = st;
	}
	sig_unlock(&saved);
}

void fbsd_signal_thread_init(struct fbsd_thread *td)
{
	if (!td->sigstate || td->sigstate->td != td) {
		struct fbsd_sigthread *st = NULL;

		td->sigstate = NULL;
		register_thread(td, NULL);
		if (!td->sigstate) {
			st = calloc(1, sizeof(*st));
			if (!st)
				log_bug("out of memory for a thread's signal state");
			register_thread(td, st);
		}
	}
	mirror_mask(&td->sigmask);
	td->sigstate->check = 1;        /* a signal may have come first */
	if (proc_check)
		td->cpu.interrupt = 1;
}

void fbsd_signal_init(struct fbsd_thread *td)
{
	sigset_t hs;
	struct sigaction sa;

	pthread_once(&acts_once, acts_init);
	if (pthread_sigmask(SIG_SETMASK, NULL, &hs) == 0) {
		fbsd_sigset_from_host(&hs, &td->sigmask);
		fbsd_sig_cantmask(&td->sigmask);
	}
	memset(&sa, 0, sizeof(sa));
	sigfillset(&sa.sa_mask);
	sa.sa_sigaction = host_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(FBSD_HOST_SIG_INTERNAL, &sa, NULL);
	host_fault_user_signal = fault_forward;
	lock_acts();
	for (int sig = 1; sig <= FBSD_NSIG; sig++)
		if (sig == FBSD_SIGIO || sig == FBSD_SIGINFO)
			apply_host_disposition(sig, &acts[sig]);
	pthread_mutex_unlock(&acts_lock);
	register_thread(td, &main_state);
	mirror_mask(&td->sigmask);
}

/* rfork(RFSPAWN) child: every caught signal back to its default
 * (kern_fork.c's sig_drop_caught()); ignored ones stay ignored. */
void fbsd_signal_drop_caught(void)
{
	lock_acts();
	for (int sig = 1; sig <= FBSD_NSIG; sig++) {
		if (acts[sig].handler > FBSD_SIG_IGN) {
			acts[sig].handler = FBSD_SIG_DFL;
			acts[sig].flags &= ~FBSD_SA_SIGINFO;
			apply_host_disposition(sig, &acts[sig]);
		}
	}
	pthread_mutex_unlock(&acts_lock);
}

void fbsd_signal_fork_child(struct fbsd_thread *td)
{
	struct fbsd_sigthread *st = td->sigstate;

	/* A thread that is gone may have held the actions lock. */
	pthread_mutex_init(&acts_lock, NULL);

	/* Only this thread exists; the lock may have been held by a thread
	 * that is gone: start over. */
	atomic_flag_clear(&sig_spin);
	fbsd_sigemptyset(&proc_pending);
	proc_rtq.n = 0;
	proc_check = 0;
	all_threads = NULL;
	if (st) {
		fbsd_sigemptyset(&st->pending);
		st->rtq.n = 0;
		st->next = NULL;
		st->host_tid = (int)syscall(SYS_gettid);
		all_threads = st;
	}
}

/* ---- posting ---- */

static int send_thread(struct fbsd_thread *td, int sig, const struct fbsd_siginfo *info);

int fbsd_signal_send_thread(struct fbsd_thread *td, int sig, const struct fbsd_siginfo *info)
{
	if (!fbsd_sig_valid(sig))
		return FBSD_EINVAL;
	/* tdsendsignal() fires the process's EVFILT_SIGNAL knotes first, even
	 * for a signal that is then ignored. */
	fbsd_kqueue_signal(sig);
	return send_thread(td, sig, info);
}

static int send_thread(struct fbsd_thread *td, int sig, const struct fbsd_siginfo *info)
{
	struct fbsd_sigact_rec a = { 0 };
	struct fbsd_siginfo si;
	struct fbsd_sigthread *st;
	sigset_t saved;

	fbsd_sig_getaction(sig, &a);
	if (sig_ignored(&a, sig) && sig != FBSD_SIGCONT)
		return 0;
	if (info) {
		si = *info;
		si.signo = sig;
	} else {
		info_user(&si, sig, FBSD_SI_LWP);
	}
	sig_lock(&saved);
	st = td->sigstate;
	if (st) {
		post_locked(&st->pending, st->info, &st->rtq, sig, &si);
		kick(st);
	} else {
		post_locked(&proc_pending, proc_info, &proc_rtq, sig, &si);
		proc_check = 1;
	}
	sig_unlock(&saved);
	if (st && td != curthread)
		syscall(SYS_tgkill, getpid(), st->host_tid, FBSD_HOST_SIG_INTERNAL);
	return 0;
}

void fbsd_signal_send_proc(struct fbsd_thread *td, int sig, const struct fbsd_siginfo *si)
{
	struct fbsd_sigact_rec a = { 0 };
	int h = fbsd_sig_to_host(sig);
	sigset_t saved;

	fbsd_sig_getaction(sig, &a);
	/* Signals that come back through the host handler are counted there. */
	if (!(h > 0 && (si->code == FBSD_SI_USER || si->code == FBSD_SI_QUEUE) &&
	      fbsd_sigismember(&td->sigmask, sig)))
		fbsd_kqueue_signal(sig);
	if (sig_ignored(&a, sig) && sig != FBSD_SIGCONT)
		return;
	/* sigtd(): the sending thread first, when it does not block SIG. */
	if (!fbsd_sigismember(&td->sigmask, sig)) {
		send_thread(td, sig, si);
		return;
	}
	if (h > 0 && si->code == FBSD_SI_USER) {
		/* The host routes it to a thread that does not block it, or
		 * keeps it pending for the process. */
		kill(getpid(), h);
		return;
	}
	if (h > 0 && si->code == FBSD_SI_QUEUE) {
		union sigval v = { .sival_ptr = (void *)(uintptr_t)si->value };
		sigqueue(getpid(), h, v);
		return;
	}
	sig_lock(&saved);
	post_locked(&proc_pending, proc_info, &proc_rtq, sig, si);
	proc_check = 1;
	for (struct fbsd_sigthread *t = all_threads; t; t = t->next) {
		if (t->td && !fbsd_sigismember(&t->td->sigmask, sig)) {
			kick(t);
			if (t->td != td)
				syscall(SYS_tgkill, getpid(), t->host_tid, FBSD_HOST_SIG_INTERNAL);
			break;
		}
	}
	sig_unlock(&saved);
}

long fbsd_safe_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	static volatile int never;
	struct fbsd_thread *td = curthread;
	volatile int *flag = td && td->sigstate ? &td->sigstate->kicked : &never;
	long r = host_safe_syscall(flag, nr, a1, a2, a3, a4, a5, a6);

	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

/* ---- delivery ---- */

bool fbsd_signal_check_needed(struct fbsd_thread *td)
{
	/* Process-pending signals are found by the thread's own check (set
	 * when it unblocks them, or by the kick that posts them). */
	return td->sigstate && td->sigstate->check;
}

_Noreturn void fbsd_signal_die(int sig)
{
	fbsd_umtx_process_exit(curthread);
	fbsd_report_flush();
	fbsd_signal_exit(sig);
}

/* The default action of SIG for the current process. */
static void default_action(int sig)
{
	int prop = fbsd_sigprop(sig), h;

	if (prop & FBSD_SIGPROP_STOP) {
		/* Stop like the host twin would (its host action is SIG_DFL). */
		if ((h = fbsd_sig_to_host(sig)) > 0)
			kill(getpid(), h);
		return;
	}
	if (prop & FBSD_SIGPROP_IGNORE)
		return;
	fbsd_signal_die(sig);
}

void fbsd_signal_postsig(struct fbsd_thread *td, int sig, const struct fbsd_siginfo *si)
{
	struct fbsd_sigthread *st = td->sigstate;
	struct fbsd_sigact_rec a = { 0 };
	fbsd_sigset_t retmask, newmask;

	lock_acts();
	a = acts[sig];
	if (a.handler > FBSD_SIG_IGN && (a.flags & FBSD_SA_RESETHAND)) {
		/* sigdflt(): SA_SIGINFO goes, SA_RESETHAND itself stays. */
		acts[sig].handler = FBSD_SIG_DFL;
		acts[sig].flags &= ~FBSD_SA_SIGINFO;
		apply_host_disposition(sig, &acts[sig]);
	}
	pthread_mutex_unlock(&acts_lock);

	if (a.handler == FBSD_SIG_IGN)
		return;
	if (a.handler == FBSD_SIG_DFL) {
		default_action(sig);
		return;
	}
	retmask = td->sigmask;
	if (st && st->oldmask_valid) {
		st->oldmask_valid = 0;
		retmask = st->oldmask;
	}
	if (!fbsd_arch_sendsig(td, a.handler, a.flags & FBSD_SA_ONSTACK, si, &retmask)) {
		/* sendsig(): the frame cannot be written: sigexit(td, SIGILL). */
		log_msg("cannot write the %s frame on the guest stack (sp %#llx): killed by SIGILL",
			fbsd_signame(sig), (unsigned long long)td->cpu.r[A64_SP]);
		fbsd_signal_die(FBSD_SIGILL);
	}
	newmask = td->sigmask;
	for (int i = 0; i < 4; i++)
		newmask.bits[i] |= a.mask.bits[i];
	if (!(a.flags & FBSD_SA_NODEFER))
		fbsd_sigaddset(&newmask, sig);
	fbsd_sig_setmask(td, &newmask);
}

void fbsd_signal_deliver(struct fbsd_thread *td)
{
	struct fbsd_sigthread *st = td->sigstate;
	struct fbsd_siginfo si;
	sigset_t saved;

	if (!st)
		return;
	for (int n = 0; n <= FBSD_NSIG; n++) {
		int sig;

		sig_lock(&saved);
		st->check = 0;
		st->kicked = 0;
		sig = take_locked(st, &td->sigmask, &si);
		sig_unlock(&saved);
		if (!sig)
			break;
		fbsd_signal_postsig(td, sig, &si);
	}
	if (st->oldmask_valid) {
		/* sigsuspend ended without a handler frame to restore it. */
		st->oldmask_valid = 0;
		fbsd_sig_setmask(td, &st->oldmask);
	}
}

/* The first signal delivery would take, without taking it. */
static int peek_deliverable(struct fbsd_thread *td)
{
	struct fbsd_sigthread *st = td->sigstate;
	sigset_t saved;
	int sig;

	if (!st)
		return 0;
	sig_lock(&saved);
	sig = first_unblocked(&st->pending, &td->sigmask);
	if (!sig)
		sig = first_unblocked(&proc_pending, &td->sigmask);
	sig_unlock(&saved);
	return sig;
}

int fbsd_signal_intr_error(struct fbsd_thread *td)
{
	struct fbsd_sigact_rec a = { 0 };
	int sig = peek_deliverable(td);

	if (!sig)
		return FBSD_ERESTART;
	fbsd_sig_getaction(sig, &a);
	if (a.handler > FBSD_SIG_IGN)
		return (a.flags & FBSD_SA_RESTART) ? FBSD_ERESTART : FBSD_EINTR;
	if (a.handler == FBSD_SIG_DFL && (fbsd_sigprop(sig) & FBSD_SIGPROP_KILL))
		return FBSD_EINTR;
	return FBSD_ERESTART;
}

/* Drop pending signals that would only be ignored; true when one that
 * runs a handler or kills remains deliverable (sigsuspend's wake-up). */
static bool actionable_pending(struct fbsd_thread *td)
{
	for (;;) {
		struct fbsd_sigact_rec a = { 0 };
		int sig = peek_deliverable(td);

		if (!sig)
			return false;
		fbsd_sig_getaction(sig, &a);
		if (!sig_ignored(&a, sig) && !(a.handler == FBSD_SIG_DFL &&
		    (fbsd_sigprop(sig) & (FBSD_SIGPROP_STOP | FBSD_SIGPROP_CONT))))
			return true;
		sigset_t saved;

		sig_lock(&saved);
		fbsd_sigdelset(&td->sigstate->pending, sig);
		rtq_drop(&td->sigstate->rtq, sig);
		fbsd_sigdelset(&proc_pending, sig);
		rtq_drop(&proc_rtq, sig);
		sig_unlock(&saved);
	}
}

/* sigact_flag_test(): SA_SIGINFO only counts with a real handler. */
static int flag_test(const struct fbsd_sigaction *a, int flag)
{
	return (a->flags & flag) &&
	       (flag != FBSD_SA_SIGINFO || a->handler > FBSD_SIG_IGN);
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
			apply_host_disposition(sig, &rec);
		if (sig_ignored(&rec, sig) && sig != FBSD_SIGCONT) {
			/* "never to be seen again": pending ones go too. */
			sigset_t saved;

			sig_lock(&saved);
			discard_everywhere_locked(sig);
			sig_unlock(&saved);
		}
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

int fbsd_sys_sigprocmask(struct fbsd_thread *td, const struct fbsd_sigprocmask_args *uap)
{
	fbsd_sigset_t set, oset = td->sigmask, nmask = td->sigmask;

	if (uap->set) {
		if (copy_from_guest(&set, uap->set, sizeof(set)) < 0)
			return FBSD_EFAULT;
		switch (uap->how) {
		case FBSD_SIG_BLOCK:
			for (int i = 0; i < 4; i++)
				nmask.bits[i] |= set.bits[i];
			break;
		case FBSD_SIG_UNBLOCK:
			for (int i = 0; i < 4; i++)
				nmask.bits[i] &= ~set.bits[i];
			break;
		case FBSD_SIG_SETMASK:
			nmask = set;
			break;
		default:
			return FBSD_EINVAL;
		}
		/* Newly unblocked pending signals are delivered on the way
		 * out (the CPU loop), before the next guest instruction. */
		fbsd_sig_setmask(td, &nmask);
	}
	if (uap->oset && copy_to_guest(uap->oset, &oset, sizeof(oset)) < 0)
		return FBSD_EFAULT;
	return 0;
}

/* Thread + process pending as FreeBSD's sigpending() reports them: ours
 * and what the host holds for this thread and the process. */
static void pending_all(struct fbsd_thread *td, fbsd_sigset_t *out)
{
	struct fbsd_sigthread *st = td->sigstate;
	fbsd_sigset_t host;
	sigset_t hs, saved;

	if (sigpending(&hs) < 0)
		sigemptyset(&hs);
	fbsd_sigset_from_host(&hs, &host);
	sig_lock(&saved);
	*out = proc_pending;
	if (st)
		for (int i = 0; i < 4; i++)
			out->bits[i] |= st->pending.bits[i];
	sig_unlock(&saved);
	for (int i = 0; i < 4; i++)
		out->bits[i] |= host.bits[i];
}

int fbsd_sys_sigpending(struct fbsd_thread *td, const struct fbsd_sigpending_args *uap)
{
	fbsd_sigset_t pend;

	pending_all(td, &pend);
	if (copy_to_guest(uap->set, &pend, sizeof(pend)) < 0)
		return FBSD_EFAULT;
	return 0;
}

int fbsd_sys_sigaltstack(struct fbsd_thread *td, const struct fbsd_sigaltstack_args *uap)
{
	struct fbsd_sigthread *st = td->sigstate;
	struct fbsd_stack ss, oss;
	uint64_t sp = td->cpu.r[A64_SP];
	int onstack;

	if (!st)
		return FBSD_EINVAL;
	onstack = st->ss_enabled && sp >= st->ss_sp && sp - st->ss_sp < st->ss_size;
	if (uap->ss && copy_from_guest(&ss, uap->ss, sizeof(ss)) < 0)
		return FBSD_EFAULT;
	memset(&oss, 0, sizeof(oss));
	oss.ss_sp = st->ss_sp;
	oss.ss_size = st->ss_size;
	oss.ss_flags = st->ss_enabled ? (onstack ? FBSD_SS_ONSTACK : 0) : FBSD_SS_DISABLE;
	if (uap->ss) {
		if (onstack)
			return FBSD_EPERM;
		if (ss.ss_flags & ~FBSD_SS_DISABLE)
			return FBSD_EINVAL;
		if (!(ss.ss_flags & FBSD_SS_DISABLE)) {
			if (ss.ss_size < FBSD_MINSIGSTKSZ)
				return FBSD_ENOMEM;
			st->ss_sp = ss.ss_sp;
			st->ss_size = ss.ss_size;
			st->ss_enabled = 1;
		} else {
			st->ss_enabled = 0;
		}
	}
	if (uap->oss && copy_to_guest(uap->oss, &oss, sizeof(oss)) < 0)
		return FBSD_EFAULT;
	return 0;
}

/* ppoll/pselect: run with MASK until the next signal delivery, which then
 * restores the mask the thread had (TDP_OLDMASK, as sigsuspend does). */
void fbsd_signal_set_oldmask(struct fbsd_thread *td, const fbsd_sigset_t *mask)
{
	struct fbsd_sigthread *st = td->sigstate;

	if (st) {
		st->oldmask = td->sigmask;
		st->oldmask_valid = 1;
	}
	fbsd_sig_setmask(td, mask);
}

/* ---- waiting for signals ---- */

int fbsd_sys_sigsuspend(struct fbsd_thread *td, const struct fbsd_sigsuspend_args *uap)
{
	struct fbsd_sigthread *st = td->sigstate;
	fbsd_sigset_t mask;

	if (copy_from_guest(&mask, uap->sigmask, sizeof(mask)) < 0)
		return FBSD_EFAULT;
	if (!st)
		return FBSD_EINVAL;
	/* kern_sigsuspend(): the handler's frame restores the old mask. */
	st->oldmask = td->sigmask;
	st->oldmask_valid = 1;
	fbsd_sig_setmask(td, &mask);
	for (;;) {
		st->kicked = 0;
		if (actionable_pending(td))
			break;
		fbsd_safe_syscall(SYS_pause, 0, 0, 0, 0, 0, 0);
	}
	return FBSD_EINTR;
}

static int64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Take SIG from our sets if it is pending there. */
static int take_from(struct fbsd_sigthread *st, const fbsd_sigset_t *set,
		     struct fbsd_siginfo *out)
{
	fbsd_sigset_t notset;
	sigset_t saved;
	int sig;

	for (int i = 0; i < 4; i++)
		notset.bits[i] = ~set->bits[i];
	sig_lock(&saved);
	sig = take_locked(st, &notset, out);
	sig_unlock(&saved);
	return sig;
}

/* Take the lowest-numbered waited-for signal, whether bsdemu holds it or
 * the host does (blocked there, so pending at the host), as FreeBSD takes
 * the lowest first.  0 when none is pending. */
static int take_lowest(struct fbsd_sigthread *st, const fbsd_sigset_t *set,
		       const sigset_t *hset, struct fbsd_siginfo *out)
{
	struct timespec zero = { 0, 0 };
	fbsd_sigset_t cand;
	sigset_t saved, hp;
	siginfo_t hi;

	sig_lock(&saved);
	for (int i = 0; i < 4; i++)
		cand.bits[i] = (st->pending.bits[i] | proc_pending.bits[i]) & set->bits[i];
	sig_unlock(&saved);
	if (syscall(SYS_rt_sigpending, &hp, _NSIG / 8) == 0)
		for (int h = 1; h < NSIG; h++)
			if (sigismember(&hp, h) && sigismember(hset, h) && fbsd_sig_from_host(h) > 0)
				fbsd_sigaddset(&cand, fbsd_sig_from_host(h));
	for (int sig = 1; sig <= FBSD_NSIG; sig++) {
		fbsd_sigset_t one;
		sigset_t ho;
		int h = fbsd_sig_to_host(sig);

		if (!fbsd_sigismember(&cand, sig))
			continue;
		fbsd_sigemptyset(&one);
		fbsd_sigaddset(&one, sig);
		if (take_from(st, &one, out))
			return sig;
		if (h <= 0 || !sigismember(hset, h))
			continue;
		sigemptyset(&ho);
		sigaddset(&ho, h);
		if (syscall(SYS_rt_sigtimedwait, &ho, &hi, &zero, _NSIG / 8) == h) {
			info_from_host(out, sig, &hi);
			return sig;
		}
	}
	return 0;
}

/* kern_sigtimedwait(): returns the signal or a negative FreeBSD errno.
 * TIMEOUT_NS < 0: wait forever. */
static int sig_timedwait(struct fbsd_thread *td, fbsd_sigset_t set, int64_t timeout_ns,
			 struct fbsd_siginfo *out)
{
	struct fbsd_sigthread *st = td->sigstate;
	int64_t deadline = timeout_ns >= 0 ? mono_ns() + timeout_ns : 0;
	sigset_t hset;
	siginfo_t hi;
	long r;

	if (!st)
		return -FBSD_EINVAL;
	fbsd_sig_cantmask(&set);
	fbsd_sigset_to_host(&set, &hset);
	for (int h = 1; h < NSIG; h++)
		if (host_sig_reserved(h))
			sigdelset(&hset, h);
	for (;;) {
		struct timespec rem, *tsp = NULL;
		int sig;

		st->kicked = 0;
		if ((sig = take_lowest(st, &set, &hset, out)))
			return sig;
		/* Any other signal that runs a handler interrupts the wait. */
		if (actionable_pending(td))
			return -FBSD_EINTR;
		if (timeout_ns >= 0) {
			int64_t left = deadline - mono_ns();

			if (left <= 0)
				return -FBSD_EAGAIN;
			rem.tv_sec = left / 1000000000;
			rem.tv_nsec = left % 1000000000;
			tsp = &rem;
		}
		r = fbsd_safe_syscall(SYS_rt_sigtimedwait, (long)&hset, (long)&hi, (long)tsp,
				      _NSIG / 8, 0, 0);
		if (r > 0 && (sig = fbsd_sig_from_host((int)r)) > 0) {
			info_from_host(out, sig, &hi);
			return sig;
		}
		if (r < 0 && errno == EAGAIN)
			return -FBSD_EAGAIN;
	}
}

int fbsd_sys_sigtimedwait(struct fbsd_thread *td, const struct fbsd_sigtimedwait_args *uap)
{
	fbsd_sigset_t set;
	struct fbsd_timespec ts;
	struct fbsd_siginfo si;
	int64_t ns = -1;
	int r;

	if (copy_from_guest(&set, uap->set, sizeof(set)) < 0)
		return FBSD_EFAULT;
	if (uap->timeout) {
		if (copy_from_guest(&ts, uap->timeout, sizeof(ts)) < 0)
			return FBSD_EFAULT;
		if (ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000 || ts.tv_sec < 0)
			return FBSD_EINVAL;
		ns = ts.tv_sec > INT64_MAX / 1000000000 - 1 ? INT64_MAX / 2 :
		     ts.tv_sec * 1000000000 + ts.tv_nsec;
	}
	r = sig_timedwait(td, set, ns, &si);
	if (r < 0)
		return -r;
	if (uap->info && copy_to_guest(uap->info, &si, sizeof(si)) < 0)
		return FBSD_EFAULT;
	td->retval[0] = (uint64_t)r;
	return 0;
}

int fbsd_sys_sigwaitinfo(struct fbsd_thread *td, const struct fbsd_sigwaitinfo_args *uap)
{
	fbsd_sigset_t set;
	struct fbsd_siginfo si;
	int r;

	if (copy_from_guest(&set, uap->set, sizeof(set)) < 0)
		return FBSD_EFAULT;
	r = sig_timedwait(td, set, -1, &si);
	if (r < 0)
		return -r;
	if (uap->info && copy_to_guest(uap->info, &si, sizeof(si)) < 0)
		return FBSD_EFAULT;
	td->retval[0] = (uint64_t)r;
	return 0;
}

/* sigwait() reports failure as its value (POSIX style), EINTR included. */
int fbsd_sys_sigwait(struct fbsd_thread *td, const struct fbsd_sigwait_args *uap)
{
	fbsd_sigset_t set;
	struct fbsd_siginfo si;
	int32_t sig;
	int r;

	if (copy_from_guest(&set, uap->set, sizeof(set)) < 0) {
		td->retval[0] = FBSD_EFAULT;
		return 0;
	}
	r = sig_timedwait(td, set, -1, &si);
	if (r < 0) {
		td->retval[0] = (uint64_t)-r;
		return 0;
	}
	sig = r;
	td->retval[0] = copy_to_guest(uap->sig, &sig, sizeof(sig)) < 0 ? FBSD_EFAULT : 0;
	return 0;
}

/* ---- sending to processes ---- */

static int kill_host(int32_t pid, int sig, const uint64_t *value)
{
	int h = sig ? fbsd_sig_to_host(sig) : 0;
	int r;

	if (sig && h <= 0) {
		log_msg("%s has no host signal to carry it to process %d; not sent",
			fbsd_signame(sig), pid);
		return FBSD_EINVAL;
	}
	if (value) {
		union sigval v = { .sival_ptr = (void *)(uintptr_t)*value };
		r = sigqueue(pid, h, v);
	} else {
		r = kill(pid, h);
	}
	return r < 0 ? fbsd_errno(errno) : 0;
}

int fbsd_sys_kill(struct fbsd_thread *td, const struct fbsd_kill_args *uap)
{
	int sig = uap->signum;
	struct fbsd_siginfo si;

	if ((unsigned)sig > FBSD_NSIG)
		return FBSD_EINVAL;
	if (uap->pid > 0 && uap->pid == getpid()) {
		if (sig) {
			info_user(&si, sig, FBSD_SI_USER);
			fbsd_signal_send_proc(td, sig, &si);
		}
		return 0;
	}
	/* pid 0 (our group), -1 (everyone we may signal, not us), -pgid:
	 * the host kernel does exactly this, ourselves included. */
	return kill_host(uap->pid, sig, NULL);
}

int fbsd_sys_sigqueue(struct fbsd_thread *td, const struct fbsd_sigqueue_args *uap)
{
	int sig = uap->signum;
	struct fbsd_siginfo si;
	uint64_t v = uap->value;

	if (sig < 0 || sig > FBSD_NSIG)
		return FBSD_EINVAL;
	if (uap->pid <= 0)
		return FBSD_EINVAL;
	if (uap->pid == getpid()) {
		if (sig) {
			info_user(&si, sig, FBSD_SI_QUEUE);
			si.value = v;
			fbsd_signal_send_proc(td, sig, &si);
		}
		return 0;
	}
	return kill_host(uap->pid, sig, sig ? &v : NULL);
}

/* ---- interval timers: the host's are process-wide like FreeBSD's ---- */

struct fbsd_itimerval {
	struct fbsd_timeval interval;
	struct fbsd_timeval value;
};
_Static_assert(sizeof(struct fbsd_itimerval) == 32, "struct itimerval");

static void itv_out(struct fbsd_itimerval *g, const struct itimerval *h)
{
	memset(g, 0, sizeof(*g));
	g->interval.tv_sec = h->it_interval.tv_sec;
	g->interval.tv_usec = h->it_interval.tv_usec;
	g->value.tv_sec = h->it_value.tv_sec;
	g->value.tv_usec = h->it_value.tv_usec;
}

/* itimerfix(): a negative or out-of-range value is EINVAL. */
static bool tv_bad(const struct fbsd_timeval *tv)
{
	return tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000;
}

int fbsd_sys_getitimer(struct fbsd_thread *td, const struct fbsd_getitimer_args *uap)
{
	struct itimerval h;
	struct fbsd_itimerval g;

	/* ITIMER_REAL 0, ITIMER_VIRTUAL 1, ITIMER_PROF 2 on both systems. */
	if (uap->which < 0 || uap->which > 2)
		return FBSD_EINVAL;
	if (getitimer(uap->which, &h) < 0)
		return fbsd_errno(errno);
	itv_out(&g, &h);
	return copy_to_guest(uap->itv, &g, sizeof(g)) < 0 ? FBSD_EFAULT : 0;
}

int fbsd_sys_setitimer(struct fbsd_thread *td, const struct fbsd_setitimer_args *uap)
{
	struct itimerval h, oh;
	struct fbsd_itimerval g;

	if (!uap->itv) {
		/* sys_setitimer(): no new value is getitimer into oitv. */
		struct fbsd_getitimer_args ga = { .which = uap->which, .itv = uap->oitv };
		return fbsd_sys_getitimer(td, &ga);
	}
	if (uap->which < 0 || uap->which > 2)
		return FBSD_EINVAL;
	if (copy_from_guest(&g, uap->itv, sizeof(g)) < 0)
		return FBSD_EFAULT;
	if (tv_bad(&g.value))
		return FBSD_EINVAL;
	if (!g.value.tv_sec && !g.value.tv_usec)
		g.interval.tv_sec = g.interval.tv_usec = 0;
	else if (tv_bad(&g.interval))
		return FBSD_EINVAL;
	h.it_interval.tv_sec = g.interval.tv_sec;
	h.it_interval.tv_usec = g.interval.tv_usec;
	h.it_value.tv_sec = g.value.tv_sec;
	h.it_value.tv_usec = g.value.tv_usec;
	if (setitimer(uap->which, &h, &oh) < 0)
		return fbsd_errno(errno);
	if (uap->oitv) {
		itv_out(&g, &oh);
		if (copy_to_guest(uap->oitv, &g, sizeof(g)) < 0)
			return FBSD_EFAULT;
	}
	return 0;
}

/* ---- dying ---- */

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
