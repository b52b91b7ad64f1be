/* Guest threads: thr_new(455), thr_exit(431), thr_kill(433),
 * thr_kill2(481), thr_suspend(442), thr_wake(443), thr_set_name(464),
 * rtprio_thread(466), and the per-thread sleep used by _umtx_op.
 * (thr_self(432) is in proc.c.)
 *
 * One detached host pthread runs each guest thread with its own
 * struct fbsd_thread, whose CPU is a64_clone()d from the creator's.  Live
 * threads sit on one list (threads_lock); the main thread joins it the
 * first time any thread call needs the list.  Thread ids count up from
 * 100002 and are never reused.  A struct fbsd_thread is never freed: an
 * exited one goes to a free list and is reused, so a waker that still
 * holds a pointer to it can at worst cause one spurious wake-up.
 *
 * Process exit: exit(1) ends the host process with _exit(), which is
 * Linux's exit_group, so every thread ends with it; so does the death of
 * any thread by a fatal signal (fbsd_signal_exit raises it process-wide).
 * thr_exit of the last live thread returns 0 without ending anything, as
 * FreeBSD's kern_thr_exit() does: libthr then calls exit() itself. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "host/fault.h"
#include "log.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/fbsd_types.h"
#include "os/freebsd/syscall.h"
#include "os/freebsd/trap.h"

#define FBSD_RTP_LOOKUP 0
#define FBSD_RTP_SET 1
#define FBSD_RTP_PRIO_REALTIME 2
#define FBSD_RTP_PRIO_NORMAL 3
#define FBSD_RTP_PRIO_IDLE 4
#define FBSD_RTP_PRIO_FIFO_BIT 8
#define FBSD_RTP_PRIO_BASE(t) ((t) & ~FBSD_RTP_PRIO_FIFO_BIT)
#define FBSD_RTP_PRIO_MAX 31
#define HOST_STACK_SIZE (1024 * 1024)

/* struct thr_param (sys/sys/thr.h), LP64 layout (ABI-NOTES 6.1). */
struct fbsd_thr_param {
	uint64_t start_func, arg, stack_base, stack_size, tls_base, tls_size;
	uint64_t child_tid, parent_tid;
	int32_t flags;
	int32_t pad_;
	uint64_t rtp;
	uint64_t spare[3];
};
_Static_assert(sizeof(struct fbsd_thr_param) == 104, "struct thr_param");
_Static_assert(offsetof(struct fbsd_thr_param, flags) == 64, "thr_param.flags");
_Static_assert(offsetof(struct fbsd_thr_param, rtp) == 72, "thr_param.rtp");

struct fbsd_rtprio {
	uint16_t type, prio;
};

/* signal.c's thread-directed sending and pending check, when linked in
 * (weak, so thread.c also works with a signal.c that has none). */
struct fbsd_siginfo;
int fbsd_signal_send_thread(struct fbsd_thread *td, int fbsd_sig,
			    const struct fbsd_siginfo *info_or_null);
bool fbsd_signal_check_needed(struct fbsd_thread *td);
#pragma weak fbsd_signal_send_thread
#pragma weak fbsd_signal_check_needed

static pthread_mutex_t threads_lock = PTHREAD_MUTEX_INITIALIZER;
static struct fbsd_thread *live;        /* live threads */
static struct fbsd_thread *free_tds;    /* exited, for reuse */
static int nlive;

/* thr_new's start handshake (start_state): the new host thread reports
 * its host tid, the creator stores the guest ids where thr_param asks and
 * lets it run, or tells it to go away when that store faults. */
enum { START_WAIT, START_TID, START_GO, START_ABORT };

static long sys_futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *ts,
		      uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, ts, NULL, val3);
}

/* ---- sleeping ---- */

void fbsd_thread_wakeup(struct fbsd_thread *td)
{
	__atomic_add_fetch(&td->wake_seq, 1, __ATOMIC_SEQ_CST);
	sys_futex(&td->wake_seq, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, INT_MAX, NULL, 0);
}

void fbsd_thread_interrupt(struct fbsd_thread *td)
{
	__atomic_store_n(&td->intr, 1, __ATOMIC_SEQ_CST);
	fbsd_thread_wakeup(td);
}

int fbsd_thread_sleep(struct fbsd_thread *td, uint32_t seq, int clk,
		      const struct timespec *deadline)
{
	int op = FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG;

	/* An interrupt whose signal was meanwhile delivered (or withdrawn)
	 * is stale: no EINTR for it. */
	if (__atomic_exchange_n(&td->intr, 0, __ATOMIC_SEQ_CST) &&
	    (!fbsd_signal_check_needed || fbsd_signal_check_needed(td)))
		return FBSD_EINTR;
	if (deadline && clk == CLOCK_REALTIME)
		op |= FUTEX_CLOCK_REALTIME;
	if (sys_futex(&td->wake_seq, op, seq, deadline, FUTEX_BITSET_MATCH_ANY) == 0)
		return 0;
	return fbsd_thread_sleep_error(td, errno);
}

int fbsd_thread_sleep_error(struct fbsd_thread *td, int err)
{
	switch (err) {
	case ETIMEDOUT:
		return FBSD_ETIMEDOUT;
	case EINTR:
		/* this interrupt is used up */
		__atomic_store_n(&td->intr, 0, __ATOMIC_SEQ_CST);
		return FBSD_EINTR;
	default:                /* EAGAIN: woken (or the word changed) first */
		return 0;
	}
}

/* ---- the thread list ---- */

/* The first thread call puts the calling (so far only) thread on the list. */
static void register_self_locked(struct fbsd_thread *td)
{
	if (td->registered)
		return;
	td->registered = 1;
	td->host_tid = (int)syscall(SYS_gettid);
	if (!td->rtp_type)
		td->rtp_type = FBSD_RTP_PRIO_NORMAL;
	td->next_live = live;
	live = td;
	nlive++;
}

static struct fbsd_thread *find_locked(int32_t tid)
{
	for (struct fbsd_thread *t = live; t; t = t->next_live)
		if (t->tid == tid)
			return t;
	return NULL;
}

static void unlink_locked(struct fbsd_thread *td)
{
	for (struct fbsd_thread **pp = &live; *pp; pp = &(*pp)->next_live) {
		if (*pp == td) {
			*pp = td->next_live;
			nlive--;
			td->registered = 0;
			return;
		}
	}
}

int fbsd_thread_foreach(int (*fn)(struct fbsd_thread *, void *), void *arg)
{
	int r = 0;

	pthread_mutex_lock(&threads_lock);
	if (curthread)
		register_self_locked(curthread);
	for (struct fbsd_thread *t = live; t && !r; t = t->next_live)
		r = fn(t, arg);
	pthread_mutex_unlock(&threads_lock);
	return r;
}

int fbsd_thread_with(int32_t tid, int (*fn)(struct fbsd_thread *, void *), void *arg)
{
	struct fbsd_thread *t;
	int r = -1;

	pthread_mutex_lock(&threads_lock);
	if (curthread)
		register_self_locked(curthread);
	t = find_locked(tid);
	if (t)
		r = fn(t, arg);
	pthread_mutex_unlock(&threads_lock);
	return r;
}

/* fork(): only the forking thread goes on in the child.  The others'
 * structures stay allocated (they were the parent's; the child never sees
 * them again) and the lock may have been held by a thread that is gone. */
void fbsd_thread_fork_child(struct fbsd_thread *td)
{
	pthread_mutex_init(&threads_lock, NULL);
	live = NULL;
	nlive = 0;
	free_tds = NULL;
	td->registered = 0;
	register_self_locked(td);
	/* A new thread id, as FreeBSD gives the child's thread (ids are not
	 * shared with the parent's threads): the child's own host tid. */
	td->tid = FBSD_TID_BASE + (int32_t)syscall(SYS_gettid);
	/* the new thread has no robust lists (libthr registers them again) */
	memset(td->rb_list, 0, sizeof(td->rb_list));
}

/* ---- host signal mask of a new thread ---- */

/* The host thread blocks what the guest thread blocks, except the signals
 * bsdemu needs for itself (as signal.c's sigprocmask does). */
static void set_host_mask(const fbsd_sigset_t *mask)
{
	static const int reserved[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP,
		SIGSYS, FBSD_HOST_SIG_INTERNAL, SIGKILL, SIGSTOP };
	sigset_t hs;

	fbsd_sigset_to_host(mask, &hs);
	for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
		sigdelset(&hs, reserved[i]);
	pthread_sigmask(SIG_SETMASK, &hs, NULL);
}

/* ---- thr_new ---- */

static struct fbsd_thread *td_alloc(void)
{
	struct fbsd_thread *td;
	uint32_t seq = 0;

	pthread_mutex_lock(&threads_lock);
	td = free_tds;
	if (td) {
		free_tds = td->next_free;
		/* Keep wake_seq counting up across reuse (see the top). */
		seq = __atomic_load_n(&td->wake_seq, __ATOMIC_SEQ_CST);
	}
	pthread_mutex_unlock(&threads_lock);
	if (!td) {
		td = aligned_alloc(64, (sizeof(*td) + 63) & ~(size_t)63);
		if (!td)
			return NULL;
	}
	memset(td, 0, sizeof(*td));
	td->wake_seq = seq + 1;
	return td;
}

static void td_release(struct fbsd_thread *td)
{
	pthread_mutex_lock(&threads_lock);
	td->next_free = free_tds;
	free_tds = td;
	pthread_mutex_unlock(&threads_lock);
}

static void start_set(struct fbsd_thread *td, uint32_t state)
{
	__atomic_store_n(&td->start_state, state, __ATOMIC_RELEASE);
	sys_futex(&td->start_state, FUTEX_WAKE_PRIVATE, 1, NULL, 0);
}

static uint32_t start_wait(struct fbsd_thread *td, uint32_t from)
{
	uint32_t s;

	while ((s = __atomic_load_n(&td->start_state, __ATOMIC_ACQUIRE)) == from)
		sys_futex(&td->start_state, FUTEX_WAIT_PRIVATE, from, NULL, 0);
	return s;
}

static void *thread_start(void *arg)
{
	struct fbsd_thread *td = arg;

	td->host_tid = (int)syscall(SYS_gettid);
	start_set(td, START_TID);
	if (start_wait(td, START_TID) == START_ABORT) {
		a64_destroy(&td->cpu);
		td_release(td);
		return NULL;
	}
	curthread = td;
	host_fault_thread_init();
	set_host_mask(&td->sigmask);
	fbsd_cpu_loop(td);
}

static int check_rtp(const struct fbsd_rtprio *rtp)
{
	switch (FBSD_RTP_PRIO_BASE(rtp->type)) {
	case FBSD_RTP_PRIO_REALTIME:
		if (geteuid() != 0)
			return FBSD_EPERM;
		if (rtp->prio > FBSD_RTP_PRIO_MAX)
			return FBSD_EINVAL;
		return 0;
	case FBSD_RTP_PRIO_NORMAL:
		return 0;
	default:
		return FBSD_EINVAL;
	}
}

int fbsd_sys_thr_new(struct fbsd_thread *td, const struct fbsd_thr_new_args *uap)
{
	struct fbsd_thr_param p;
	struct fbsd_rtprio rtp = { FBSD_RTP_PRIO_NORMAL, 0 };
	struct fbsd_thread *ntd;
	pthread_attr_t attr;
	pthread_t host;
	sigset_t all, old;
	int64_t id;
	int err;

	/* sys_thr_new(): the size may be short (zero tail), never longer. */
	if (uap->param_size < 0 || (size_t)uap->param_size > sizeof(p))
		return FBSD_EINVAL;
	memset(&p, 0, sizeof(p));
	if (copy_from_guest(&p, uap->param, (size_t)uap->param_size) < 0)
		return FBSD_EFAULT;
	if (p.rtp) {
		if (copy_from_guest(&rtp, p.rtp, sizeof(rtp)) < 0)
			return FBSD_EFAULT;
		if ((err = check_rtp(&rtp)) != 0)
			return err;
		if (FBSD_RTP_PRIO_BASE(rtp.type) == FBSD_RTP_PRIO_NORMAL)
			rtp.prio = 0;
	}
	ntd = td_alloc();
	if (!ntd)
		return FBSD_ENOMEM;
	a64_init(&ntd->cpu);
	ntd->cpu.opaque = ntd;
	a64_clone(&ntd->cpu, &td->cpu);
	ntd->cpu.pc = p.start_func;
	ntd->cpu.r[0] = p.arg;
	ntd->cpu.r[A64_SP] = (p.stack_base + p.stack_size) & ~(uint64_t)15;
	ntd->cpu.tpidr_el0 = p.tls_base;
	ntd->sigmask = td->sigmask;
	ntd->rtp_type = rtp.type;
	ntd->rtp_prio = rtp.prio;
	/* p.flags (THR_SUSPENDED, THR_SYSTEM_SCOPE) is ignored: FreeBSD's
	 * thread_create() never looks at it, the thread always starts. */
	memcpy(ntd->name, td->name, sizeof(ntd->name));

	pthread_mutex_lock(&threads_lock);
	register_self_locked(td);
	pthread_mutex_unlock(&threads_lock);

	/* The host thread starts with every signal blocked and takes the
	 * guest mask once its own state is ready. */
	sigfillset(&all);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, HOST_STACK_SIZE);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&host, &attr, thread_start, ntd);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
	if (err) {
		a64_destroy(&ntd->cpu);
		td_release(ntd);
		return FBSD_EPROCLIM;
	}

	/* thr_new_initthr(): both ids are stored before the thread runs. */
	start_wait(ntd, START_WAIT);
	ntd->tid = FBSD_TID_BASE + ntd->host_tid;
	id = ntd->tid;
	if ((p.child_tid && copy_to_guest(p.child_tid, &id, sizeof(id)) < 0) ||
	    (p.parent_tid && copy_to_guest(p.parent_tid, &id, sizeof(id)) < 0)) {
		start_set(ntd, START_ABORT);    /* it cleans up after itself */
		return FBSD_EFAULT;
	}
	pthread_mutex_lock(&threads_lock);
	ntd->registered = 1;
	ntd->next_live = live;
	live = ntd;
	nlive++;
	pthread_mutex_unlock(&threads_lock);
	start_set(ntd, START_GO);
	return 0;
}

/* ---- thr_exit ---- */

int fbsd_sys_thr_exit(struct fbsd_thread *td, const struct fbsd_thr_exit_args *uap)
{
	if (uap->state) {
		/* kern_thr_exit(): store 1 (a long) and wake a joiner. */
		int64_t one = 1;
		if (copy_to_guest(uap->state, &one, sizeof(one)) == 0)
			fbsd_umtx_wake_addr(uap->state, INT_MAX);
	}
	fbsd_umtx_thread_exit(td);
	pthread_mutex_lock(&threads_lock);
	register_self_locked(td);
	if (nlive == 1) {
		/* kern_thr_exit(): the last thread is not shut down; the call
		 * returns 0 and the caller (libthr) ends the process itself. */
		pthread_mutex_unlock(&threads_lock);
		return 0;
	}
	unlink_locked(td);
	pthread_mutex_unlock(&threads_lock);
	a64_destroy(&td->cpu);
	curthread = NULL;
	td_release(td);
	host_fault_thread_exit();
	pthread_exit(NULL);
}

/* ---- thr_kill, thr_kill2 ---- */

struct kill_arg {
	int sig;
	struct fbsd_thread *except;
	int found;
};

/* tdksignal(): send the host twin of SIG to the host thread. */
static int send_one(struct fbsd_thread *t, void *a)
{
	struct kill_arg *k = a;
	int h;

	if (k->sig == 0)
		return 0;
	if (fbsd_signal_send_thread)
		return fbsd_signal_send_thread(t, k->sig, NULL);
	/* No guest delivery linked in: the host twin goes to the thread. */
	h = fbsd_sig_to_host(k->sig);
	if (h <= 0) {
		static atomic_int said;
		if (!atomic_exchange(&said, 1))
			log_msg("thr_kill: %s has no host signal to carry it; not sent",
				fbsd_signame(k->sig));
		return 0;
	}
	syscall(SYS_tgkill, getpid(), t->host_tid, h);
	return 0;
}

static int kill_common(struct fbsd_thread *td, int64_t id, int sig)
{
	struct kill_arg k = { sig, td, 0 };

	if (id == -1) {
		/* Every thread of the process but the caller. */
		if (sig != 0 && !fbsd_sig_valid(sig))
			return FBSD_EINVAL;
		pthread_mutex_lock(&threads_lock);
		register_self_locked(td);
		for (struct fbsd_thread *t = live; t; t = t->next_live) {
			if (t == td)
				continue;
			k.found = 1;
			send_one(t, &k);
		}
		pthread_mutex_unlock(&threads_lock);
		return k.found ? 0 : FBSD_ESRCH;
	}
	if (id < 0 || id > INT32_MAX)
		return FBSD_ESRCH;
	if (sig != 0 && !fbsd_sig_valid(sig)) {
		/* ESRCH wins over EINVAL: the lookup comes first. */
		if (fbsd_thread_with((int32_t)id, send_one, &(struct kill_arg){ 0, 0, 0 }) < 0)
			return FBSD_ESRCH;
		return FBSD_EINVAL;
	}
	return fbsd_thread_with((int32_t)id, send_one, &k) < 0 ? FBSD_ESRCH : 0;
}

int fbsd_sys_thr_kill(struct fbsd_thread *td, const struct fbsd_thr_kill_args *uap)
{
	return kill_common(td, uap->id, uap->sig);
}

int fbsd_sys_thr_kill2(struct fbsd_thread *td, const struct fbsd_thr_kill2_args *uap)
{
	/* Threads of other processes cannot be reached from here. */
	if (uap->pid != getpid())
		return FBSD_ESRCH;
	return kill_common(td, uap->id, uap->sig);
}

/* ---- thr_suspend, thr_wake ---- */

static int wake_one(struct fbsd_thread *t, void *a)
{
	(void)a;
	__atomic_store_n(&t->wake_pending, 1, __ATOMIC_SEQ_CST);
	fbsd_thread_wakeup(t);
	return 0;
}

int fbsd_sys_thr_wake(struct fbsd_thread *td, const struct fbsd_thr_wake_args *uap)
{
	if (uap->id == td->tid) {
		__atomic_store_n(&td->wake_pending, 1, __ATOMIC_SEQ_CST);
		return 0;
	}
	if (uap->id < 0 || uap->id > INT32_MAX)
		return FBSD_ESRCH;
	return fbsd_thread_with((int32_t)uap->id, wake_one, NULL) < 0 ? FBSD_ESRCH : 0;
}

static void ts_add(struct timespec *t, int64_t sec, int64_t nsec)
{
	t->tv_sec += sec;
	t->tv_nsec += nsec;
	if (t->tv_nsec >= 1000000000) {
		t->tv_nsec -= 1000000000;
		t->tv_sec++;
	}
}

int fbsd_sys_thr_suspend(struct fbsd_thread *td, const struct fbsd_thr_suspend_args *uap)
{
	struct fbsd_timespec ts;
	struct timespec deadline;
	int err = 0;

	if (uap->timeout) {
		if (copy_from_guest(&ts, uap->timeout, sizeof(ts)) < 0)
			return FBSD_EFAULT;
		if (ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000 || ts.tv_sec < 0)
			return FBSD_EINVAL;
		clock_gettime(CLOCK_MONOTONIC, &deadline);
		if (ts.tv_sec > INT32_MAX)
			ts.tv_sec = INT32_MAX;
		ts_add(&deadline, ts.tv_sec, ts.tv_nsec);
	}
	for (;;) {
		uint32_t seq = __atomic_load_n(&td->wake_seq, __ATOMIC_SEQ_CST);
		if (__atomic_exchange_n(&td->wake_pending, 0, __ATOMIC_SEQ_CST))
			return 0;
		if (err)
			return err;
		if (uap->timeout && ts.tv_sec == 0 && ts.tv_nsec == 0)
			return FBSD_ETIMEDOUT;
		err = fbsd_thread_sleep(td, seq, CLOCK_MONOTONIC, uap->timeout ? &deadline : NULL);
	}
}

/* ---- thr_set_name ---- */

struct name_arg {
	const char *name;
};

static int set_name(struct fbsd_thread *t, void *a)
{
	const char *name = ((struct name_arg *)a)->name;
	char host[16], path[64];
	int fd;

	snprintf(t->name, sizeof(t->name), "%s", name);
	/* The host thread shows the first 15 characters. */
	snprintf(host, sizeof(host), "%s", name);
	if (t == curthread) {
		prctl(PR_SET_NAME, host, 0, 0, 0);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/task/%d/comm", t->host_tid);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd >= 0) {
		if (write(fd, host, strlen(host)) < 0) {
			/* The name is informational; the guest's copy is kept. */
		}
		close(fd);
	}
	return 0;
}

int fbsd_sys_thr_set_name(struct fbsd_thread *td, const struct fbsd_thr_set_name_args *uap)
{
	char name[20] = "";
	long n;

	if (uap->name) {
		n = copy_str_from_guest(name, uap->name, sizeof(name));
		if (n == -2) {
			/* Too long: the first MAXCOMLEN bytes are kept. */
			if (copy_from_guest(name, uap->name, sizeof(name) - 1) < 0)
				return FBSD_EFAULT;
			name[sizeof(name) - 1] = 0;
		} else if (n < 0) {
			return FBSD_EFAULT;
		}
	}
	if (uap->id < 0 || uap->id > INT32_MAX)
		return FBSD_ESRCH;
	return fbsd_thread_with((int32_t)uap->id, set_name, &(struct name_arg){ name }) < 0
		? FBSD_ESRCH : 0;
}

/* ---- rtprio_thread ---- */

struct rtp_arg {
	int set;
	struct fbsd_rtprio rtp;
};

static int rtp_access(struct fbsd_thread *t, void *a)
{
	struct rtp_arg *r = a;

	if (r->set) {
		t->rtp_type = r->rtp.type;
		t->rtp_prio = r->rtp.prio;
	} else {
		r->rtp.type = t->rtp_type ? t->rtp_type : FBSD_RTP_PRIO_NORMAL;
		r->rtp.prio = t->rtp_prio;
	}
	return 0;
}

/* The class and priority are recorded and reported back; the host thread
 * keeps its normal scheduling (bsdemu does not run guest threads as
 * real-time host threads). */
int fbsd_sys_rtprio_thread(struct fbsd_thread *td, const struct fbsd_rtprio_thread_args *uap)
{
	struct rtp_arg r = { 0, { 0, 0 } };
	int32_t tid = uap->lwpid == 0 ? td->tid : uap->lwpid;

	if (uap->function == FBSD_RTP_SET) {
		if (copy_from_guest(&r.rtp, uap->rtp, sizeof(r.rtp)) < 0)
			return FBSD_EFAULT;
		r.set = 1;
	}
	if (uap->lwpid != 0 && uap->lwpid != td->tid &&
	    fbsd_thread_with(tid, rtp_access, &(struct rtp_arg){ 0, { 0, 0 } }) < 0)
		return FBSD_ESRCH;
	switch (uap->function) {
	case FBSD_RTP_LOOKUP:
		if (fbsd_thread_with(tid, rtp_access, &r) < 0)
			return FBSD_ESRCH;
		return copy_to_guest(uap->rtp, &r.rtp, sizeof(r.rtp)) < 0 ? FBSD_EFAULT : 0;
	case FBSD_RTP_SET:
		/* rtprio_thread(): privilege for REALTIME and IDLE, then rtp_to_pri. */
		switch (FBSD_RTP_PRIO_BASE(r.rtp.type)) {
		case FBSD_RTP_PRIO_REALTIME:
		case FBSD_RTP_PRIO_IDLE:
			if (geteuid() != 0)
				return FBSD_EPERM;
			break;
		case FBSD_RTP_PRIO_NORMAL:
			break;
		default:
			return FBSD_EINVAL;
		}
		if (r.rtp.prio > FBSD_RTP_PRIO_MAX)
			return FBSD_EINVAL;
		return fbsd_thread_with(tid, rtp_access, &r) < 0 ? FBSD_ESRCH : 0;
	default:
		return FBSD_EINVAL;
	}
}
