/* _umtx_op(454): the kernel half of FreeBSD's user-space locks (libthr's
 * mutexes, condition variables, rwlocks, semaphores; Go's futex), after
 * the semantics of sys/kern/kern_umtx.c.
 *
 * Keys.  FreeBSD keys an object by (process, address) when it is private
 * and by (memory object, offset) when it is shared: USYNC_PROCESS_SHARED
 * in its flags, or UMTX_OP_WAIT/WAIT_UINT/WAKE (not _PRIVATE).  A shared
 * key reaches other processes only through MAP_SHARED memory, so here a
 * key is shared when it is such an operation or object *and* lies in
 * MAP_SHARED guest memory (host MAP_SHARED memory too); everything else
 * is private, and stays in this process.
 *
 * Private keys.  All waiting goes through bsdemu's own wait queues, never
 * the host futex on the guest word: UMTX_OP_WAIT compares 64 bits, which a
 * futex cannot.  A hash of the guest address picks a bucket (a mutex and a
 * list of waiters); each waiter is keyed by (address, kind), the kinds
 * matching FreeBSD's key types so a condvar signal never wakes a mutex
 * waiter.  The bucket mutex plays the part of FreeBSD's umtxq lock *and*
 * busy flag: an operation checks the guest word and queues itself under
 * it, so a waker (which takes it to dequeue) can never slip in between
 * the check and the sleep.  A queued thread sleeps on its own futex word
 * (fbsd_thread_sleep), which wakers bump after dequeuing it; so every
 * wait can be interrupted by fbsd_thread_interrupt() or a host signal.
 *
 * Shared keys.  A waker in another process cannot take our bucket locks,
 * so a waiter sleeps on a host futex (not FUTEX_PRIVATE: keyed by the
 * backing page, as FreeBSD's key is by the object) on the 32-bit guest
 * word it decided on, holding the value it decided on, with the key kind
 * as the futex bitset.  What rules out a lost wake-up is that every word
 * a waiter compares changes before (or while) the wake-up it is owed is
 * sent: the waiter then either is on the futex queue when the wake comes,
 * or the futex compare fails and it re-checks.  Per object:
 *  - umutex: a waiter sets UMUTEX_CONTESTED and sleeps on m_owner holding
 *    that value; unlock changes the word, then (MUTEX_WAKE2 logic) counts
 *    the sleepers (FUTEX_CMP_REQUEUE of the word onto itself moves nobody
 *    and returns their number: umtxq_count()), keeps CONTESTED when more
 *    than one sleeps, and wakes one.  Threads queuing after the count see
 *    the new word, set CONTESTED themselves, and so are seen by the next
 *    unlock.
 *  - urwlock: sleepers compare rw_state with their WAITERS bit set; the
 *    blocked counters are updated atomically; the last blocked reader
 *    (writer) clears the bit and then wakes every reader (writer), who set
 *    it again if they still have to wait.
 *  - usem2: waiters compare _count == USEM_HAS_WAITERS; a post changes
 *    the count; SEM2_WAKE clears the bit when one sleeps (then wakes all,
 *    as above), wakes one when several do, nothing when none do.
 *  - ucond: a signal owes its wake-up to a thread that is already between
 *    its mutex unlock and its sleep, whose compare must fail even if other
 *    threads signal and wait meanwhile; so c_has_waiters of a shared
 *    ucond is a wake-up counter: 0 until the first wait, then 1, 2, ...
 *    (never 0 again: libthr only tests it for zero), bumped by every
 *    signal and broadcast before the wake.  Cost: signalling such a
 *    condvar always enters bsdemu; a spurious wake-up is possible.
 *  - old _usem (SEM_WAIT): sleeps on _count == 0; _has_waiters is never
 *    cleared for a shared one (so a post always calls SEM_WAKE).
 *  - WAIT_UINT/WAKE: exactly a futex.  64-bit WAIT compares 64 bits, then
 *    sleeps on the low word (aarch64 is little-endian); a waker changing
 *    only the high half in the instant between the two compares would go
 *    unseen, so such sleeps wake every 50 ms to compare again.
 * Such sleeps go through fbsd_safe_syscall(): a guest signal posted before
 * the kernel has the futex call makes it return EINTR (the `kicked' flag),
 * one arriving during it interrupts it (thread-directed signals arrive as
 * a host signal to the thread too), so EINTR/ERESTART and timeouts behave
 * as for private keys.  UMTX_OP_SHM is in umtx_shm.c (its objects live in
 * /dev/shm; ones never destroyed stay there until reboot).  Owner words
 * hold thread ids, unique across processes (thread.c: 100000 + the host
 * tid).  thr_exit runs a thread's robust lists; exit, death by a signal
 * and execve run the process-shared entries of every thread's lists.
 *
 * PRIO_INHERIT and PRIO_PROTECT mutexes are run as normal mutexes: same
 * owner-word protocol, no priority changes (PP keeps the word at
 * UMUTEX_CONTESTED when free, as libthr expects).
 *
 * Guest words are accessed in place with host atomics after checking the
 * mapping (READ|WRITE, natural alignment); a bad address gives EFAULT. */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/fbsd_types.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/syscall.h"

/* umtx_shm.c */
bool fbsd_umtx_shared_mem(gaddr_t addr);        /* ADDR is in MAP_SHARED memory */
int fbsd_umtx_shm(struct fbsd_thread *td, uint32_t flags, gaddr_t key);
void fbsd_umtx_shm_fork_child(void);

/* Operations (sys/sys/umtx.h). */
enum {
	OP_WAIT = 2, OP_WAKE, OP_MUTEX_TRYLOCK, OP_MUTEX_LOCK, OP_MUTEX_UNLOCK,
	OP_SET_CEILING, OP_CV_WAIT, OP_CV_SIGNAL, OP_CV_BROADCAST, OP_WAIT_UINT,
	OP_RW_RDLOCK, OP_RW_WRLOCK, OP_RW_UNLOCK, OP_WAIT_UINT_PRIVATE,
	OP_WAKE_PRIVATE, OP_MUTEX_WAIT, OP_MUTEX_WAKE, OP_SEM_WAIT, OP_SEM_WAKE,
	OP_NWAKE_PRIVATE, OP_MUTEX_WAKE2, OP_SEM2_WAIT, OP_SEM2_WAKE, OP_SHM,
	OP_ROBUST_LISTS, OP_GET_MIN_TIMEOUT, OP_SET_MIN_TIMEOUT,
};
_Static_assert(OP_SET_MIN_TIMEOUT == 28 && OP_SEM2_WAIT == 23 && OP_RW_RDLOCK == 12,
	       "umtx op numbering");

#define UMUTEX_UNOWNED 0x0u
#define UMUTEX_CONTESTED 0x80000000u
#define UMUTEX_RB_OWNERDEAD (UMUTEX_CONTESTED | 0x10u)
#define UMUTEX_RB_NOTRECOV (UMUTEX_CONTESTED | 0x11u)
#define UMUTEX_PRIO_PROTECT 0x8u
#define UMUTEX_ROBUST 0x10u
#define UMUTEX_NONCONSISTENT 0x20u

#define CVWAIT_ABSTIME 0x2u
#define CVWAIT_CLOCKID 0x4u

#define URWLOCK_PREFER_READER 0x2u
#define URWLOCK_WRITE_OWNER 0x80000000u
#define URWLOCK_WRITE_WAITERS 0x40000000u
#define URWLOCK_READ_WAITERS 0x20000000u
#define URWLOCK_MAX_READERS 0x1fffffffu
#define URWLOCK_READER_COUNT(c) ((c) & URWLOCK_MAX_READERS)

#define USEM_HAS_WAITERS 0x80000000u
#define USEM_COUNT(c) ((c) & ~USEM_HAS_WAITERS)

#define UMTX_ABSTIME 0x1u
#define USYNC_PROCESS_SHARED 0x1u
#define FBSD_RTP_PRIO_MAX 31

/* struct umutex, ucond, urwlock, _usem, _usem2 (ABI-NOTES 6.2): offsets. */
#define M_OWNER 0
#define M_FLAGS 4
#define M_CEILINGS 8
#define M_RB_LNK 16
#define C_HAS_WAITERS 0
#define C_FLAGS 4
#define C_CLOCKID 8
#define RW_STATE 0
#define RW_FLAGS 4
#define RW_BLOCKED_READERS 8
#define RW_BLOCKED_WRITERS 12
#define SEM_HAS_WAITERS 0       /* old struct _usem */
#define SEM_COUNT 4
#define SEM_FLAGS 8
#define SEM2_COUNT 0
#define SEM2_FLAGS 4

/* Key kinds (kern_umtx.c's TYPE_*; the rwlock's two queues are two kinds). */
enum { K_WAIT, K_MUTEX, K_CV, K_SEM, K_RW_READ, K_RW_WRITE };

struct waiter {
	struct waiter *next;
	gaddr_t addr;
	int kind;
	int queued;             /* on its bucket's list (bucket lock) */
	int woken;              /* atomic: dequeued by a waker */
	struct fbsd_thread *td;
};

#define NBUCKETS 512
static struct bucket {
	pthread_mutex_t lock;
	struct waiter *head;
} buckets[NBUCKETS];
static pthread_once_t buckets_once = PTHREAD_ONCE_INIT;

static void buckets_init(void)
{
	for (int i = 0; i < NBUCKETS; i++)
		pthread_mutex_init(&buckets[i].lock, NULL);
}

static struct bucket *bucket_of(gaddr_t addr)
{
	uint64_t h = (addr >> 2) * 0x9e3779b97f4a7c15ull;

	pthread_once(&buckets_once, buckets_init);
	return &buckets[h >> 55 & (NBUCKETS - 1)];
}

/* fork(): the child's only thread waits on nothing; waiters queued by the
 * parent's other threads are gone with them, and so may be a bucket lock
 * one of them held. */
void fbsd_umtx_fork_child(void)
{
	pthread_once(&buckets_once, buckets_init);
	for (int i = 0; i < NBUCKETS; i++) {
		pthread_mutex_init(&buckets[i].lock, NULL);
		buckets[i].head = NULL;
	}
	fbsd_umtx_shm_fork_child();
}

static struct bucket *lock_key(gaddr_t addr)
{
	struct bucket *b = bucket_of(addr);

	pthread_mutex_lock(&b->lock);
	return b;
}

static void unlock_key(struct bucket *b)
{
	pthread_mutex_unlock(&b->lock);
}

/* ---- queues (bucket locked) ---- */

static void wq_insert(struct bucket *b, struct waiter *w, gaddr_t addr, int kind,
		      struct fbsd_thread *td)
{
	struct waiter **pp = &b->head;

	w->addr = addr;
	w->kind = kind;
	w->td = td;
	w->woken = 0;
	w->queued = 1;
	/* FIFO: wake-ups go to the longest waiter first. */
	while (*pp)
		pp = &(*pp)->next;
	w->next = NULL;
	*pp = w;
}

static void wq_remove(struct bucket *b, struct waiter *w)
{
	for (struct waiter **pp = &b->head; *pp; pp = &(*pp)->next) {
		if (*pp == w) {
			*pp = w->next;
			break;
		}
	}
	w->queued = 0;
}

static int wq_count(struct bucket *b, gaddr_t addr, int kind)
{
	int n = 0;

	for (struct waiter *w = b->head; w; w = w->next)
		n += w->addr == addr && w->kind == kind;
	return n;
}

/* Wake up to N waiters of (ADDR, KIND); returns how many. */
static int wq_wake(struct bucket *b, gaddr_t addr, int kind, int n)
{
	struct waiter **pp = &b->head;
	int done = 0;

	while (*pp && done < n) {
		struct waiter *w = *pp;
		if (w->addr != addr || w->kind != kind) {
			pp = &w->next;
			continue;
		}
		*pp = w->next;
		w->queued = 0;
		struct fbsd_thread *td = w->td;
		/* W lives on the sleeper's stack: not touched after this. */
		__atomic_store_n(&w->woken, 1, __ATOMIC_SEQ_CST);
		fbsd_thread_wakeup(td);
		done++;
	}
	return done;
}

/* ---- timeouts ---- */

struct deadline {
	bool set;
	int clk;                 /* host clock of abs */
	struct timespec abs;
	bool relative;           /* the guest gave a relative time */
};

static long min_timeout_ns;     /* UMTX_OP_SET_MIN_TIMEOUT (process-wide) */

/* A FreeBSD clock id onto the host clock a futex can wait on. */
static int host_clock(uint32_t fbsd_clk, int *clk)
{
	switch (fbsd_clk) {
	case FBSD_CLOCK_REALTIME: case FBSD_CLOCK_REALTIME_PRECISE:
	case FBSD_CLOCK_REALTIME_FAST: case FBSD_CLOCK_SECOND:
		*clk = CLOCK_REALTIME;
		return 0;
	case FBSD_CLOCK_MONOTONIC: case FBSD_CLOCK_MONOTONIC_PRECISE:
	case FBSD_CLOCK_MONOTONIC_FAST: case FBSD_CLOCK_UPTIME:
	case FBSD_CLOCK_UPTIME_PRECISE: case FBSD_CLOCK_UPTIME_FAST:
		*clk = CLOCK_MONOTONIC;
		return 0;
	default:
		return FBSD_EINVAL;
	}
}

static int deadline_make(struct deadline *d, const struct fbsd_timespec *ts,
			 bool abs, uint32_t fbsd_clk)
{
	int err;

	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
		return FBSD_EINVAL;
	if ((err = host_clock(fbsd_clk, &d->clk)) != 0)
		return err;
	d->set = true;
	d->relative = !abs;
	if (abs) {
		d->abs.tv_sec = ts->tv_sec > INT64_MAX / 2 ? INT64_MAX / 2 : ts->tv_sec;
		d->abs.tv_nsec = ts->tv_nsec;
		return 0;
	}
	int64_t sec = ts->tv_sec, nsec = ts->tv_nsec;
	long min = __atomic_load_n(&min_timeout_ns, __ATOMIC_RELAXED);
	/* umtx_abs_timeout_enforce_min(): short relative timeouts grow. */
	if (min > 0 && sec == 0 && nsec < min && min < 1000000000)
		nsec = min;
	clock_gettime(d->clk, &d->abs);
	if (sec > INT32_MAX)
		sec = INT32_MAX;
	d->abs.tv_sec += sec;
	d->abs.tv_nsec += nsec;
	if (d->abs.tv_nsec >= 1000000000) {
		d->abs.tv_nsec -= 1000000000;
		d->abs.tv_sec++;
	}
	return 0;
}

/* umtx_copyin_umtx_time(): uaddr1 = size, uaddr2 = pointer; a size of at
 * most a timespec means a relative CLOCK_REALTIME timespec. */
static int timeout_in(struct deadline *d, gaddr_t size, gaddr_t ptr)
{
	struct {
		struct fbsd_timespec ts;
		uint32_t flags, clockid;
	} ut;

	memset(d, 0, sizeof(*d));
	if (size == 0 || ptr == 0)
		return 0;
	memset(&ut, 0, sizeof(ut));
	if (size <= sizeof(struct fbsd_timespec)) {
		if (copy_from_guest(&ut.ts, ptr, sizeof(ut.ts)) < 0)
			return FBSD_EFAULT;
		ut.clockid = FBSD_CLOCK_REALTIME;
	} else if (copy_from_guest(&ut, ptr, sizeof(ut)) < 0) {
		return FBSD_EFAULT;
	}
	return deadline_make(d, &ut.ts, ut.flags & UMTX_ABSTIME, ut.clockid);
}

/* ---- guest words ---- */

static uint32_t *word32(gaddr_t a)
{
	int prot;

	if ((a & 3) || !guest_range_ok(a, 4))
		return NULL;
	prot = mem_prot_at(a);
	if (prot < 0 || (prot & (GPROT_READ | GPROT_WRITE)) != (GPROT_READ | GPROT_WRITE))
		return NULL;
	return g2h(a);
}

static uint32_t ld32(uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_SEQ_CST);
}

static void st32(uint32_t *p, uint32_t v)
{
	__atomic_store_n(p, v, __ATOMIC_SEQ_CST);
}

/* CAS: true on success; *old gets the value seen. */
static bool cas32(uint32_t *p, uint32_t *old, uint32_t nv)
{
	return __atomic_compare_exchange_n(p, old, nv, false, __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST);
}

/* ---- sleeping on a queue ---- */

/* W is queued and B locked.  Unlock, sleep until woken, timed out or
 * interrupted, and come back with B locked and W off the queue.  Being
 * woken wins over a simultaneous timeout (as kern_umtx.c checks
 * UQF_UMTXQ). */
static int wq_sleep(struct bucket *b, struct waiter *w, const struct deadline *d)
{
	struct fbsd_thread *td = w->td;
	uint32_t seq = __atomic_load_n(&td->wake_seq, __ATOMIC_SEQ_CST);
	int err = 0;

	unlock_key(b);
	while (!__atomic_load_n(&w->woken, __ATOMIC_SEQ_CST)) {
		err = fbsd_thread_sleep(td, seq, d->clk, d->set ? &d->abs : NULL);
		if (err)
			break;
		seq = __atomic_load_n(&td->wake_seq, __ATOMIC_SEQ_CST);
	}
	pthread_mutex_lock(&b->lock);
	if (w->queued)
		wq_remove(b, w);
	else
		err = 0;
	return err;
}

/* ---- sleeping on a shared key: host futexes (see the top) ---- */

#define KBIT(kind) (1u << (kind))

/* An object whose flags ask for a shared key, in shared memory. */
static bool obj_shared(gaddr_t obj, uint32_t *flags)
{
	return flags && (ld32(flags) & USYNC_PROCESS_SHARED) && fbsd_umtx_shared_mem(obj);
}

static long futex6(uint32_t *w, int op, uint32_t val, const void *ts, uint32_t *w2,
		   uint32_t val3)
{
	return syscall(SYS_futex, w, op, val, ts, w2, val3);
}

/* Wake up to N sleepers of the KINDS on W, in any process; how many. */
static int fx_wake(uint32_t *w, int n, uint32_t kinds)
{
	long r = futex6(w, FUTEX_WAKE_BITSET, (uint32_t)n, NULL, NULL, kinds);

	return r < 0 ? 0 : (int)r;
}

/* How many threads sleep on W, in any process (umtxq_count()): requeueing
 * W onto itself moves nobody and returns their number.  A kernel that
 * refuses says "several", which is always the safe answer. */
static int fx_count(uint32_t *w)
{
	for (;;) {
		uint32_t v = ld32(w);
		long r = futex6(w, FUTEX_CMP_REQUEUE, 0, (void *)(uintptr_t)INT_MAX, w, v);

		if (r >= 0)
			return (int)r;
		if (errno != EAGAIN)
			return 2;
	}
}

/* Sleep while W holds VAL, until woken, D passes or a signal comes (the
 * top says why fbsd_safe_syscall).  0 also when W no longer held VAL:
 * callers re-check. */
static int fx_sleep(struct fbsd_thread *td, uint32_t *w, uint32_t val, int kind,
		    const struct deadline *d)
{
	int op = FUTEX_WAIT_BITSET;

	if (d->set && d->clk == CLOCK_REALTIME)
		op |= FUTEX_CLOCK_REALTIME;
	if (fbsd_safe_syscall(SYS_futex, (long)w, op, val, d->set ? (long)&d->abs : 0, 0,
			      KBIT(kind)) == 0)
		return 0;
	return fbsd_thread_sleep_error(td, errno);
}

/* ---- WAIT / WAKE ---- */

#define WAIT64_SLICE_NS 50000000

/* Cut S to at most WAIT64_SLICE_NS from now; false when S ends first. */
static bool slice_deadline(struct deadline *s)
{
	struct timespec cap;

	if (!s->set)
		s->clk = CLOCK_MONOTONIC;
	clock_gettime(s->clk, &cap);
	cap.tv_nsec += WAIT64_SLICE_NS;
	if (cap.tv_nsec >= 1000000000) {
		cap.tv_nsec -= 1000000000;
		cap.tv_sec++;
	}
	if (s->set && (s->abs.tv_sec < cap.tv_sec ||
		       (s->abs.tv_sec == cap.tv_sec && s->abs.tv_nsec <= cap.tv_nsec)))
		return false;
	s->set = true;
	s->abs = cap;
	return true;
}

/* 64-bit WAIT on a shared key: the futex compares the low half only (see
 * the top), so sleep in slices and compare all 64 bits again. */
static int wait64_sh(struct fbsd_thread *td, uint32_t *w, gaddr_t addr, uint64_t val,
		     const struct deadline *d)
{
	for (;;) {
		struct deadline s = *d;
		bool sliced = slice_deadline(&s);
		int err = fx_sleep(td, w, (uint32_t)val, K_WAIT, &s);
		uint64_t cur;

		if (err != FBSD_ETIMEDOUT || !sliced)
			return err;
		if (copy_from_guest(&cur, addr, sizeof(cur)) < 0)
			return FBSD_EFAULT;
		if (cur != val)
			return 0;
	}
}

static int do_wait_sh(struct fbsd_thread *td, gaddr_t addr, uint64_t val, bool is32,
		      const struct deadline *d)
{
	uint32_t *w = word32(addr);
	uint64_t cur;

	/* umtx_key_get(PROCESS_SHARE) wants the word writable. */
	if (!w)
		return FBSD_EFAULT;
	if (is32)
		return fx_sleep(td, w, (uint32_t)val, K_WAIT, d);
	if (copy_from_guest(&cur, addr, sizeof(cur)) < 0)
		return FBSD_EFAULT;
	return cur == val ? wait64_sh(td, w, addr, val, d) : 0;
}

/* WAIT/WAIT_UINT/WAKE (not _PRIVATE) on an aligned word of shared memory. */
static bool wait_shared(gaddr_t addr, bool priv)
{
	return !priv && !(addr & 3) && fbsd_umtx_shared_mem(addr);
}


static int do_wait(struct fbsd_thread *td, gaddr_t addr, uint64_t val, bool is32,
		   bool priv, const struct deadline *d)
{
	struct waiter w;
	struct bucket *b;
	uint64_t cur = 0;
	int err = 0;

	if (wait_shared(addr, priv))
		return do_wait_sh(td, addr, val, is32, d);
	b = lock_key(addr);
	/* Check and queue under the bucket lock: see the top. */
	if (copy_from_guest(&cur, addr, is32 ? 4 : 8) < 0) {
		unlock_key(b);
		return FBSD_EFAULT;
	}
	if (is32)
		val = (uint32_t)val;
	if (cur == val) {
		wq_insert(b, &w, addr, K_WAIT, td);
		err = wq_sleep(b, &w, d);
	}
	unlock_key(b);
	return err;
}

static int do_wake(gaddr_t addr, uint64_t n, bool priv)
{
	struct bucket *b;

	if (wait_shared(addr, priv)) {
		uint32_t *w = word32(addr);
		if (!w)
			return FBSD_EFAULT;
		fx_wake(w, n > INT_MAX ? INT_MAX : (int)n, KBIT(K_WAIT));
		return 0;
	}
	b = lock_key(addr);
	wq_wake(b, addr, K_WAIT, n > INT_MAX ? INT_MAX : (int)n);
	unlock_key(b);
	return 0;
}

/* thr_exit's wake: kern_umtx_wake(..., is_private = 0). */
void fbsd_umtx_wake_addr(uint64_t addr, int n)
{
	do_wake(addr, (uint64_t)n, false);
}

/* ---- umutex ---- */

enum { MODE_LOCK, MODE_TRY, MODE_WAIT };

#define M_BLOCK (-1)    /* mutex_try: owned by another thread, sleep */

static bool owner_free(uint32_t owner)
{
	return owner == UMUTEX_UNOWNED || owner == UMUTEX_CONTESTED ||
	       owner == UMUTEX_RB_OWNERDEAD || owner == UMUTEX_RB_NOTRECOV;
}

/* The non-sleeping part of do_lock_normal(): 0 or an error when done,
 * M_BLOCK when the caller must sleep. */
static int mutex_try(uint32_t *ow, uint32_t id, int mode)
{
	for (;;) {
		uint32_t owner = ld32(ow);

		if (mode == MODE_WAIT)
			return owner_free(owner) ? 0 : M_BLOCK;
		if (owner == UMUTEX_UNOWNED) {
			if (cas32(ow, &owner, id))
				return 0;
			continue;
		}
		if (owner == UMUTEX_RB_OWNERDEAD) {
			if (cas32(ow, &owner, id | UMUTEX_CONTESTED))
				return FBSD_EOWNERDEAD;
			continue;
		}
		if (owner == UMUTEX_RB_NOTRECOV)
			return FBSD_ENOTRECOVERABLE;
		if (owner == UMUTEX_CONTESTED) {
			if (cas32(ow, &owner, id | UMUTEX_CONTESTED))
				return 0;
			continue;
		}
		if (mode == MODE_TRY)
			return FBSD_EBUSY;
		if ((owner & ~UMUTEX_CONTESTED) == id)
			return FBSD_EDEADLK;
		return M_BLOCK;
	}
}

/* Private key: mark it contested and sleep, all under the key lock.
 * 0 means "try again". */
static int mutex_sleep_q(struct fbsd_thread *td, gaddr_t m, uint32_t *ow,
			 const struct deadline *d)
{
	struct bucket *b = lock_key(m);
	uint32_t owner = ld32(ow);
	struct waiter w;
	int err;

	if (owner_free(owner) ||
	    (!(owner & UMUTEX_CONTESTED) && !cas32(ow, &owner, owner | UMUTEX_CONTESTED))) {
		unlock_key(b);
		return 0;
	}
	wq_insert(b, &w, m, K_MUTEX, td);
	err = wq_sleep(b, &w, d);
	unlock_key(b);
	return err;
}

/* Shared key: mark it contested, sleep on m_owner holding that value. */
static int mutex_sleep_sh(struct fbsd_thread *td, uint32_t *ow, const struct deadline *d)
{
	uint32_t owner = ld32(ow);

	if (owner_free(owner))
		return 0;
	if (!(owner & UMUTEX_CONTESTED)) {
		if (!cas32(ow, &owner, owner | UMUTEX_CONTESTED))
			return 0;
		owner |= UMUTEX_CONTESTED;
	}
	return fx_sleep(td, ow, owner, K_MUTEX, d);
}

/* do_lock_normal() (also used for PI/PP, see the top). */
static int mutex_lock(struct fbsd_thread *td, gaddr_t m, int mode, const struct deadline *d)
{
	uint32_t *ow = word32(m + M_OWNER), *fl = word32(m + M_FLAGS);
	uint32_t id = (uint32_t)td->tid;
	bool sh;
	int err;

	if (!ow || !fl)
		return FBSD_EFAULT;
	sh = obj_shared(m, fl);
	for (;;) {
		if ((err = mutex_try(ow, id, mode)) != M_BLOCK)
			return err;
		err = sh ? mutex_sleep_sh(td, ow, d) : mutex_sleep_q(td, m, ow, d);
		if (err)
			return err;
	}
}

/* do_wake2_umutex()'s decision, for COUNT sleepers on the owner word OW:
 * keep UMUTEX_CONTESTED set while more than one sleeps (or one does and
 * the mutex is owned); true when one should be woken (it is free). */
static bool wake2_decide(uint32_t *ow, int count)
{
	uint32_t owner = ld32(ow);

	while (!(owner & UMUTEX_CONTESTED) &&
	       (count > 1 || (count == 1 && (owner & ~UMUTEX_CONTESTED) != 0))) {
		if (cas32(ow, &owner, owner | UMUTEX_CONTESTED))
			break;
	}
	return count != 0 && ((owner & ~UMUTEX_CONTESTED) == 0 ||
			      owner == UMUTEX_RB_OWNERDEAD || owner == UMUTEX_RB_NOTRECOV);
}

/* do_wake2_umutex() on a shared key, after the word changed: keep it
 * contested while more than one sleeps (or one does and it is owned),
 * wake one when it is free. */
static void mutex_wake2_sh(uint32_t *ow)
{
	if (wake2_decide(ow, fx_count(ow)))
		fx_wake(ow, 1, KBIT(K_MUTEX));
}

/* What an unlock leaves in m_owner. */
static uint32_t unlocked_word(uint32_t flags, bool rb)
{
	return rb ? UMUTEX_RB_OWNERDEAD :
	       (flags & UMUTEX_NONCONSISTENT) ? UMUTEX_RB_NOTRECOV :
	       (flags & UMUTEX_PRIO_PROTECT) ? UMUTEX_CONTESTED : UMUTEX_UNOWNED;
}

/* Shared key: free the word, then the MUTEX_WAKE2 logic (the sleepers
 * compared the old word, so none is missed; see the top). */
static int mutex_unlock_sh(uint32_t *ow, uint32_t id, uint32_t newlock)
{
	uint32_t owner = ld32(ow);

	do {
		if ((owner & ~UMUTEX_CONTESTED) != id)
			return FBSD_EPERM;
	} while (!cas32(ow, &owner, newlock));
	if (owner & UMUTEX_CONTESTED)
		mutex_wake2_sh(ow);
	return 0;
}

/* do_unlock_normal(); RB: the owner died (robust list processing). */
static int mutex_unlock(struct fbsd_thread *td, gaddr_t m, bool rb)
{
	uint32_t *ow = word32(m + M_OWNER), *fl = word32(m + M_FLAGS);
	uint32_t id = (uint32_t)td->tid, owner, flags, newlock;
	struct bucket *b;
	int count;

	if (!ow || !fl)
		return FBSD_EFAULT;
	flags = ld32(fl);
	if (obj_shared(m, fl))
		return mutex_unlock_sh(ow, id, unlocked_word(flags, rb));
	for (;;) {
		owner = ld32(ow);
		if ((owner & ~UMUTEX_CONTESTED) != id)
			return FBSD_EPERM;
		newlock = unlocked_word(flags, rb);
		if (!(owner & UMUTEX_CONTESTED)) {
			if (cas32(ow, &owner, newlock))
				return 0;
			continue;
		}
		b = lock_key(m);
		count = wq_count(b, m, K_MUTEX);
		/* Unowned with at most one waiter (it retakes it), else still
		 * contested so the next unlock comes here again. */
		if (count > 1)
			newlock |= UMUTEX_CONTESTED;
		if (!cas32(ow, &owner, newlock)) {
			unlock_key(b);
			continue;
		}
		if (count)
			wq_wake(b, m, K_MUTEX, 1);
		unlock_key(b);
		return 0;
	}
}

/* do_wake_umutex() (MUTEX_WAKE, deprecated). */
static int mutex_wake(gaddr_t m)
{
	uint32_t *ow = word32(m + M_OWNER), *fl = word32(m + M_FLAGS);
	bool sh = obj_shared(m, fl);
	uint32_t owner;
	struct bucket *b = NULL;
	int count;

	if (!ow)
		return FBSD_EFAULT;
	owner = ld32(ow);
	if ((owner & ~UMUTEX_CONTESTED) != 0)
		return 0;
	if (sh) {
		count = fx_count(ow);
	} else {
		b = lock_key(m);
		count = wq_count(b, m, K_MUTEX);
	}
	if (count <= 1) {
		owner = UMUTEX_CONTESTED;
		cas32(ow, &owner, UMUTEX_UNOWNED);
	}
	if (count != 0 && (owner & ~UMUTEX_CONTESTED) == 0) {
		if (sh)
			fx_wake(ow, 1, KBIT(K_MUTEX));
		else
			wq_wake(b, m, K_MUTEX, 1);
	}
	if (b)
		unlock_key(b);
	return 0;
}

/* do_wake2_umutex() (MUTEX_WAKE2): repair the contested bit, wake one.
 * FLAGS (the call's val) choose the key, as in FreeBSD. */
static int mutex_wake2(gaddr_t m, uint32_t flags)
{
	uint32_t *ow = word32(m + M_OWNER);
	struct bucket *b;

	if (!ow)
		return FBSD_EFAULT;
	if ((flags & USYNC_PROCESS_SHARED) && fbsd_umtx_shared_mem(m)) {
		mutex_wake2_sh(ow);
		return 0;
	}
	b = lock_key(m);
	if (wake2_decide(ow, wq_count(b, m, K_MUTEX)))
		wq_wake(b, m, K_MUTEX, 1);
	unlock_key(b);
	return 0;
}

/* Wait for a PP mutex held by another thread (set_ceiling); 0: retry. */
static int ceiling_sleep(struct fbsd_thread *td, gaddr_t m, uint32_t *ow, bool sh)
{
	struct deadline forever = { 0 };
	struct waiter w;
	struct bucket *b;
	uint32_t owner;
	int err;

	if (sh) {
		owner = ld32(ow);
		return owner == UMUTEX_CONTESTED ? 0 : fx_sleep(td, ow, owner, K_MUTEX, &forever);
	}
	b = lock_key(m);
	if (ld32(ow) == UMUTEX_CONTESTED) {
		unlock_key(b);
		return 0;
	}
	wq_insert(b, &w, m, K_MUTEX, td);
	err = wq_sleep(b, &w, &forever);
	unlock_key(b);
	return err;
}

/* do_set_ceiling(): take the (PP) mutex, set m_ceilings[0], release. */
static int set_ceiling(struct fbsd_thread *td, gaddr_t m, uint32_t ceiling, gaddr_t old_out)
{
	uint32_t *ow = word32(m + M_OWNER), *fl = word32(m + M_FLAGS);
	uint32_t *ceil = word32(m + M_CEILINGS);
	uint32_t id = (uint32_t)td->tid, owner, old;
	struct bucket *b;
	bool sh;
	int err;

	if (ceiling > FBSD_RTP_PRIO_MAX)
		return FBSD_EINVAL;
	if (!ow || !fl || !ceil)
		return FBSD_EFAULT;
	if (!(ld32(fl) & UMUTEX_PRIO_PROTECT))
		return FBSD_EINVAL;
	sh = obj_shared(m, fl);
	for (;;) {
		old = ld32(ceil);
		owner = UMUTEX_CONTESTED;
		if (cas32(ow, &owner, id | UMUTEX_CONTESTED)) {
			st32(ceil, ceiling);
			st32(ow, UMUTEX_CONTESTED);
			if (sh) {
				fx_wake(ow, INT_MAX, KBIT(K_MUTEX));
			} else {
				b = lock_key(m);
				wq_wake(b, m, K_MUTEX, INT_MAX);
				unlock_key(b);
			}
			break;
		}
		if ((owner & ~UMUTEX_CONTESTED) == id) {
			st32(ceil, ceiling);
			break;
		}
		if ((err = ceiling_sleep(td, m, ow, sh)) != 0)
			return err;
	}
	if (old_out && copy_to_guest(old_out, &old, sizeof(old)) < 0)
		return FBSD_EFAULT;
	return 0;
}

/* ---- condition variables ---- */

/* Shared key: c_has_waiters is a wake-up count (see the top).  Take the
 * count before the mutex is released; any signal after that changes it,
 * so the sleep below either is woken or does not start. */
static int cv_wait_sh(struct fbsd_thread *td, uint32_t *hw, gaddr_t m,
		      const struct fbsd_timespec *ts, uint32_t wflags, uint32_t clockid)
{
	struct deadline d = { 0 };
	uint32_t seq = ld32(hw);
	int err;

	while (seq == 0 && !cas32(hw, &seq, 1))
		;
	if (seq == 0)
		seq = 1;
	err = mutex_unlock(td, m, false);
	if (!err && ts)
		err = deadline_make(&d, ts, wflags & CVWAIT_ABSTIME, clockid);
	return err ? err : fx_sleep(td, hw, seq, K_CV, &d);
}

/* Shared key: a new count, then the wake-up. */
static void cv_signal_sh(uint32_t *hw, bool all)
{
	uint32_t seq = ld32(hw);

	while (seq != 0 && !cas32(hw, &seq, seq + 1 ? seq + 1 : 1))
		;
	fx_wake(hw, all ? INT_MAX : 1, KBIT(K_CV));
}

static int cv_wait(struct fbsd_thread *td, gaddr_t cv, uint32_t wflags, gaddr_t m,
		   gaddr_t tsp)
{
	uint32_t *hw = word32(cv + C_HAS_WAITERS), *ck = word32(cv + C_CLOCKID);
	uint32_t clockid = FBSD_CLOCK_REALTIME;
	struct fbsd_timespec ts;
	struct deadline d = { 0 };
	struct waiter w;
	struct bucket *b;
	int err;

	if (!hw || !ck)
		return FBSD_EFAULT;
	if (wflags & CVWAIT_CLOCKID) {
		clockid = ld32(ck);
		if (clockid >= FBSD_CLOCK_THREAD_CPUTIME_ID)
			return FBSD_EINVAL;
	}
	if (tsp) {
		if (copy_from_guest(&ts, tsp, sizeof(ts)) < 0)
			return FBSD_EFAULT;
	}
	if (obj_shared(cv, word32(cv + C_FLAGS)))
		return cv_wait_sh(td, hw, m, tsp ? &ts : NULL, wflags, clockid);
	/* Queue first, then release the mutex: a signal after the unlock
	 * finds us queued. */
	b = lock_key(cv);
	wq_insert(b, &w, cv, K_CV, td);
	if (ld32(hw) == 0)
		st32(hw, 1);
	unlock_key(b);
	err = mutex_unlock(td, m, false);
	if (!err && tsp)
		err = deadline_make(&d, &ts, wflags & CVWAIT_ABSTIME, clockid);
	b = lock_key(cv);
	if (!err && w.queued) {
		/* Non-zero only when we left the queue ourselves. */
		err = wq_sleep(b, &w, &d);
		if (err && wq_count(b, cv, K_CV) == 0)
			st32(hw, 0);
	} else if (w.queued) {
		/* Timeout, error or interrupt: leave, and clear
		 * c_has_waiters if we were the last one. */
		int n = wq_count(b, cv, K_CV);
		wq_remove(b, &w);
		if (n == 1)
			st32(hw, 0);
	}
	unlock_key(b);
	return err;
}

static int cv_signal(gaddr_t cv, bool all)
{
	uint32_t *hw = word32(cv + C_HAS_WAITERS);
	struct bucket *b;
	int cnt, n;

	if (!hw)
		return FBSD_EFAULT;
	if (obj_shared(cv, word32(cv + C_FLAGS))) {
		cv_signal_sh(hw, all);
		return 0;
	}
	b = lock_key(cv);
	cnt = wq_count(b, cv, K_CV);
	n = wq_wake(b, cv, K_CV, all ? INT_MAX : 1);
	if (all || cnt <= n)
		st32(hw, 0);
	unlock_key(b);
	return 0;
}

/* ---- rwlocks ---- */

/* Shared key: the last blocked reader (writer) clears its waiters bit.
 * Whoever queued meanwhile compared a word with the bit set: wake them all
 * (of KINDS) so they set it again (the private path orders this with the
 * key lock instead). */
static void rw_clear_wake(uint32_t *st, uint32_t bit, uint32_t kinds)
{
	uint32_t state = ld32(st);

	while ((state & bit) && !cas32(st, &state, state & ~bit))
		;
	fx_wake(st, INT_MAX, kinds);
}

#define RW_BLOCK (-1)

/* The non-sleeping part of a read lock: 0 when taken, EAGAIN at the
 * reader limit, RW_BLOCK with *STATE the word that keeps it out. */
static int rw_try_read(uint32_t *st, uint32_t wrflags, uint32_t *state)
{
	uint32_t s = ld32(st);

	while (!(s & wrflags)) {
		if (URWLOCK_READER_COUNT(s) == URWLOCK_MAX_READERS)
			return FBSD_EAGAIN;
		if (cas32(st, &s, s + 1))
			return 0;
	}
	*state = s;
	return RW_BLOCK;
}

static bool rw_busy(uint32_t state)
{
	return (state & URWLOCK_WRITE_OWNER) || URWLOCK_READER_COUNT(state) != 0;
}

/* The non-sleeping part of a write lock: true when taken; *STATE is the
 * word last seen. */
static bool rw_try_write(uint32_t *st, uint32_t *state)
{
	uint32_t s = ld32(st);

	while (!rw_busy(s))
		if (cas32(st, &s, s | URWLOCK_WRITE_OWNER))
			return true;
	*state = s;
	return false;
}

/* Sleep on rw_state with BIT set in the compared word; 0: re-check. */
static int rw_sleep_sh(struct fbsd_thread *td, uint32_t *st, uint32_t state, uint32_t bit,
		       int kind, const struct deadline *d)
{
	if (!(state & bit) && !cas32(st, &state, state | bit))
		return 0;
	return fx_sleep(td, st, state | bit, kind, d);
}

static int rw_rdlock_sh(struct fbsd_thread *td, uint32_t *st, uint32_t *br, uint32_t wrflags,
			const struct deadline *d)
{
	uint32_t state;
	int err = 0, r;

	for (;;) {
		if ((r = rw_try_read(st, wrflags, &state)) != RW_BLOCK)
			return r;
		__atomic_add_fetch(br, 1, __ATOMIC_SEQ_CST);
		while ((state & wrflags) && !err) {
			err = rw_sleep_sh(td, st, state, URWLOCK_READ_WAITERS, K_RW_READ, d);
			state = ld32(st);
		}
		if (__atomic_sub_fetch(br, 1, __ATOMIC_SEQ_CST) == 0)
			rw_clear_wake(st, URWLOCK_READ_WAITERS, KBIT(K_RW_READ));
		if (err)
			return err;
	}
}

static int rw_wrlock_sh(struct fbsd_thread *td, uint32_t *st, uint32_t *br, uint32_t *bw,
			const struct deadline *d)
{
	uint32_t state, blocked_readers = 0;
	int err = 0;

	for (;;) {
		if (rw_try_write(st, &state))
			return 0;
		if (err) {
			/* Timed out or interrupted: readers we kept out may go. */
			if (!(state & (URWLOCK_WRITE_OWNER | URWLOCK_WRITE_WAITERS)) &&
			    blocked_readers != 0)
				fx_wake(st, INT_MAX, KBIT(K_RW_READ));
			return err;
		}
		__atomic_add_fetch(bw, 1, __ATOMIC_SEQ_CST);
		while (rw_busy(state) && !err) {
			err = rw_sleep_sh(td, st, state, URWLOCK_WRITE_WAITERS, K_RW_WRITE, d);
			state = ld32(st);
		}
		blocked_readers = 0;
		if (__atomic_sub_fetch(bw, 1, __ATOMIC_SEQ_CST) == 0) {
			rw_clear_wake(st, URWLOCK_WRITE_WAITERS, KBIT(K_RW_WRITE));
			blocked_readers = ld32(br);
		}
	}
}

static int rw_rdlock(struct fbsd_thread *td, gaddr_t rw, uint32_t fflag, const struct deadline *d)
{
	uint32_t *st = word32(rw + RW_STATE), *fl = word32(rw + RW_FLAGS);
	uint32_t *br = word32(rw + RW_BLOCKED_READERS);
	uint32_t state, wrflags = URWLOCK_WRITE_OWNER, blocked;
	struct waiter w;
	struct bucket *b;
	int err = 0, r;

	if (!st || !fl || !br)
		return FBSD_EFAULT;
	if (!(fflag & URWLOCK_PREFER_READER) && !(ld32(fl) & URWLOCK_PREFER_READER))
		wrflags |= URWLOCK_WRITE_WAITERS;
	if (obj_shared(rw, fl))
		return rw_rdlock_sh(td, st, br, wrflags, d);
	for (;;) {
		if ((r = rw_try_read(st, wrflags, &state)) != RW_BLOCK)
			return r;
		b = lock_key(rw);
		state = ld32(st);
		while ((state & wrflags) && !(state & URWLOCK_READ_WAITERS))
			if (cas32(st, &state, state | URWLOCK_READ_WAITERS))
				break;
		if (!(state & wrflags)) {
			unlock_key(b);
			continue;
		}
		blocked = ld32(br);
		st32(br, blocked + 1);
		while (state & wrflags) {
			wq_insert(b, &w, rw, K_RW_READ, td);
			err = wq_sleep(b, &w, d);
			if (err)
				break;
			state = ld32(st);
		}
		blocked = ld32(br);
		st32(br, blocked - 1);
		if (blocked == 1) {
			state = ld32(st);
			while (!cas32(st, &state, state & ~URWLOCK_READ_WAITERS))
				;
		}
		unlock_key(b);
		if (err)
			return err;
	}
}

static int rw_wrlock(struct fbsd_thread *td, gaddr_t rw, const struct deadline *d)
{
	uint32_t *st = word32(rw + RW_STATE), *br = word32(rw + RW_BLOCKED_READERS);
	uint32_t *bw = word32(rw + RW_BLOCKED_WRITERS);
	uint32_t state, blocked, blocked_readers = 0;
	struct waiter w;
	struct bucket *b;
	int err = 0;

	if (!st || !br || !bw)
		return FBSD_EFAULT;
	if (obj_shared(rw, word32(rw + RW_FLAGS)))
		return rw_wrlock_sh(td, st, br, bw, d);
	for (;;) {
		if (rw_try_write(st, &state))
			return 0;
		if (err) {
			/* Timed out or interrupted: readers we kept out may go. */
			if (!(state & (URWLOCK_WRITE_OWNER | URWLOCK_WRITE_WAITERS)) &&
			    blocked_readers != 0) {
				b = lock_key(rw);
				wq_wake(b, rw, K_RW_READ, INT_MAX);
				unlock_key(b);
			}
			return err;
		}
		b = lock_key(rw);
		state = ld32(st);
		while (((state & URWLOCK_WRITE_OWNER) || URWLOCK_READER_COUNT(state) != 0) &&
		       !(state & URWLOCK_WRITE_WAITERS))
			if (cas32(st, &state, state | URWLOCK_WRITE_WAITERS))
				break;
		if (!(state & URWLOCK_WRITE_OWNER) && URWLOCK_READER_COUNT(state) == 0) {
			unlock_key(b);
			continue;
		}
		blocked = ld32(bw);
		st32(bw, blocked + 1);
		while ((state & URWLOCK_WRITE_OWNER) || URWLOCK_READER_COUNT(state) != 0) {
			wq_insert(b, &w, rw, K_RW_WRITE, td);
			err = wq_sleep(b, &w, d);
			if (err)
				break;
			state = ld32(st);
		}
		blocked = ld32(bw);
		st32(bw, blocked - 1);
		if (blocked == 1) {
			state = ld32(st);
			while (!cas32(st, &state, state & ~URWLOCK_WRITE_WAITERS))
				;
			blocked_readers = ld32(br);
		} else {
			blocked_readers = 0;
		}
		unlock_key(b);
	}
}

/* Whom an unlock from STATE wakes: one writer or every reader. */
static int rw_wakes(uint32_t state, uint32_t flags, int *kind)
{
	uint32_t first = URWLOCK_WRITE_WAITERS, second = URWLOCK_READ_WAITERS;

	if (flags & URWLOCK_PREFER_READER)
		first = URWLOCK_READ_WAITERS, second = URWLOCK_WRITE_WAITERS;
	if (state & first)
		*kind = first == URWLOCK_WRITE_WAITERS ? K_RW_WRITE : K_RW_READ;
	else if (state & second)
		*kind = second == URWLOCK_WRITE_WAITERS ? K_RW_WRITE : K_RW_READ;
	else
		return 0;
	return *kind == K_RW_WRITE ? 1 : INT_MAX;
}

/* Drop a write hold or one read hold; false (EPERM) when none is held.
 * *STATE is left at the value replaced. */
static bool rw_release(uint32_t *st, uint32_t *state)
{
	*state = ld32(st);
	if (*state & URWLOCK_WRITE_OWNER) {
		while (!cas32(st, state, *state & ~URWLOCK_WRITE_OWNER))
			if (!(*state & URWLOCK_WRITE_OWNER))
				return false;
		return true;
	}
	if (URWLOCK_READER_COUNT(*state) == 0)
		return false;
	while (!cas32(st, state, *state - 1))
		if (URWLOCK_READER_COUNT(*state) == 0)
			return false;
	return true;
}

static int rw_unlock_sh(uint32_t *st, uint32_t flags)
{
	uint32_t state;
	int kind = K_RW_WRITE, count;

	if (!rw_release(st, &state))
		return FBSD_EPERM;
	count = rw_wakes(state, flags, &kind);
	if (count)
		fx_wake(st, count, KBIT(kind));
	return 0;
}

static int rw_unlock(gaddr_t rw)
{
	uint32_t *st = word32(rw + RW_STATE), *fl = word32(rw + RW_FLAGS);
	uint32_t state, flags;
	struct bucket *b;
	int count, kind = K_RW_WRITE;

	if (!st || !fl)
		return FBSD_EFAULT;
	flags = ld32(fl);
	if (obj_shared(rw, fl))
		return rw_unlock_sh(st, flags);
	b = lock_key(rw);
	if (!rw_release(st, &state)) {
		unlock_key(b);
		return FBSD_EPERM;
	}
	count = rw_wakes(state, flags, &kind);
	if (count)
		wq_wake(b, rw, kind, count);
	unlock_key(b);
	return 0;
}

/* ---- semaphores ---- */

/* The time left of a relative timeout, for an interrupted SEM2_WAIT. */
static void sem2_remaining(const struct deadline *d, gaddr_t size, gaddr_t ptr)
{
	struct timespec now;
	struct fbsd_timespec left = { 0, 0 };

	if (size < 24 + sizeof(struct fbsd_timespec))
		return;
	clock_gettime(d->clk, &now);
	int64_t ns = (d->abs.tv_sec - now.tv_sec) * 1000000000LL + (d->abs.tv_nsec - now.tv_nsec);
	if (ns > 0) {
		left.tv_sec = ns / 1000000000;
		left.tv_nsec = ns % 1000000000;
	}
	copy_to_guest(ptr + 24, &left, sizeof(left));
}

/* Shared key: set USEM_HAS_WAITERS on an empty semaphore and sleep on
 * _count holding exactly that; a post changes the word. */
static int sem2_wait_sh(struct fbsd_thread *td, uint32_t *cp, const struct deadline *d)
{
	uint32_t count = ld32(cp);

	for (;;) {
		if (USEM_COUNT(count) != 0)
			return 0;
		if (count == USEM_HAS_WAITERS || cas32(cp, &count, USEM_HAS_WAITERS))
			break;
	}
	return fx_sleep(td, cp, USEM_HAS_WAITERS, K_SEM, d);
}

/* Shared key, do_sem2_wake(): with one sleeper, clear the waiters flag and
 * wake everyone who compared it set (they set it again if they still
 * wait); with several, wake one. */
static void sem2_wake_sh(uint32_t *cp)
{
	int cnt = fx_count(cp);
	uint32_t count;

	if (cnt == 0)
		return;
	if (cnt > 1) {
		fx_wake(cp, 1, KBIT(K_SEM));
		return;
	}
	count = ld32(cp);
	while ((count & USEM_HAS_WAITERS) && !cas32(cp, &count, count & ~USEM_HAS_WAITERS))
		;
	fx_wake(cp, INT_MAX, KBIT(K_SEM));
}

static int sem2_wait(struct fbsd_thread *td, gaddr_t sem, gaddr_t size, gaddr_t ptr)
{
	uint32_t *cp = word32(sem + SEM2_COUNT), *fp = word32(sem + SEM2_FLAGS);
	uint32_t count;
	struct deadline d;
	struct waiter w;
	struct bucket *b;
	int err;

	if (!cp || !fp)
		return FBSD_EFAULT;
	if ((err = timeout_in(&d, size, ptr)) != 0)
		return err;
	if (obj_shared(sem, fp)) {
		err = sem2_wait_sh(td, cp, &d);
		if (err == FBSD_EINTR && d.set && d.relative)
			sem2_remaining(&d, size, ptr);
		return err;
	}
	b = lock_key(sem);
	wq_insert(b, &w, sem, K_SEM, td);
	count = ld32(cp);
	for (;;) {
		if (USEM_COUNT(count) != 0 || count == USEM_HAS_WAITERS)
			break;
		if (cas32(cp, &count, USEM_HAS_WAITERS))
			break;
	}
	if (USEM_COUNT(count) != 0) {
		wq_remove(b, &w);
		unlock_key(b);
		return 0;
	}
	err = wq_sleep(b, &w, &d);
	unlock_key(b);
	if (err == FBSD_EINTR && d.set && d.relative)
		sem2_remaining(&d, size, ptr);
	return err;
}

static int sem2_wake(gaddr_t sem)
{
	uint32_t *cp = word32(sem + SEM2_COUNT);
	uint32_t count;
	struct bucket *b;
	int cnt;

	if (!cp)
		return FBSD_EFAULT;
	if (obj_shared(sem, word32(sem + SEM2_FLAGS))) {
		sem2_wake_sh(cp);
		return 0;
	}
	b = lock_key(sem);
	cnt = wq_count(b, sem, K_SEM);
	if (cnt > 0) {
		/* The last sleeper: clear the waiters flag. */
		if (cnt == 1) {
			count = ld32(cp);
			while ((count & USEM_HAS_WAITERS) &&
			       !cas32(cp, &count, count & ~USEM_HAS_WAITERS))
				;
		}
		wq_wake(b, sem, K_SEM, 1);
	}
	unlock_key(b);
	return 0;
}

/* The old struct _usem {has_waiters, count, flags} (SEM_WAIT/SEM_WAKE). */
static int sem_wait(struct fbsd_thread *td, gaddr_t sem, gaddr_t size, gaddr_t ptr)
{
	uint32_t *hw = word32(sem + SEM_HAS_WAITERS), *cp = word32(sem + SEM_COUNT);
	struct deadline d;
	struct waiter w;
	struct bucket *b;
	int err;

	if (!hw || !cp)
		return FBSD_EFAULT;
	if ((err = timeout_in(&d, size, ptr)) != 0)
		return err;
	if (obj_shared(sem, word32(sem + SEM_FLAGS))) {
		/* Shared key: sleep on _count == 0 (a post changes it), and
		 * _has_waiters is never cleared (see the top). */
		uint32_t zero = 0;
		cas32(hw, &zero, 1);
		return ld32(cp) != 0 ? 0 : fx_sleep(td, cp, 0, K_SEM, &d);
	}
	b = lock_key(sem);
	wq_insert(b, &w, sem, K_SEM, td);
	uint32_t zero = 0;
	cas32(hw, &zero, 1);
	if (ld32(cp) != 0) {
		wq_remove(b, &w);
		unlock_key(b);
		return 0;
	}
	err = wq_sleep(b, &w, &d);
	unlock_key(b);
	return err;
}

static int sem_wake(gaddr_t sem)
{
	uint32_t *hw = word32(sem + SEM_HAS_WAITERS);
	struct bucket *b;
	int cnt, n;

	if (!hw)
		return FBSD_EFAULT;
	if (obj_shared(sem, word32(sem + SEM_FLAGS))) {
		uint32_t *cp = word32(sem + SEM_COUNT);
		if (!cp)
			return FBSD_EFAULT;
		fx_wake(cp, 1, KBIT(K_SEM));
		return 0;
	}
	b = lock_key(sem);
	cnt = wq_count(b, sem, K_SEM);
	n = wq_wake(b, sem, K_SEM, 1);
	if (cnt <= n)
		st32(hw, 0);
	unlock_key(b);
	return 0;
}

/* ---- robust mutexes ---- */

/* umtx_handle_rb(): unlock the robust mutex at M as OWNERDEAD if TD owns
 * it, reading the next list entry into *NEXT first.  False ends the walk
 * (not robust, unreadable, or owned by another thread when not INACT:
 * the inactive entry may already have been unlocked). */
static bool robust_one(struct fbsd_thread *td, gaddr_t m, gaddr_t *next,
		       bool inact, bool shared_only)
{
	uint32_t *fl = word32(m + M_FLAGS), *ow = word32(m + M_OWNER);
	uint64_t lnk = 0;

	if (!fl || !ow)
		return false;
	if (next) {
		if (copy_from_guest(&lnk, m + M_RB_LNK, sizeof(lnk)) < 0)
			return false;
		*next = lnk;
	}
	if (!(ld32(fl) & UMUTEX_ROBUST))
		return false;
	if ((ld32(ow) & ~UMUTEX_CONTESTED) != (uint32_t)td->tid)
		return inact;
	if (!shared_only || obj_shared(m, fl))
		mutex_unlock(td, m, true);
	return true;
}

/* umtx_thread_cleanup(): the robust and private-robust lists (each a word
 * holding the first mutex, linked through m_rb_lnk; at most 1000 entries,
 * like the kernel's umtx_max_rb), then the "inactive" mutex, the one the
 * thread was locking or unlocking, are unlocked as OWNERDEAD.
 * SHARED_ONLY passes over the process-private ones. */
static void robust_cleanup(struct fbsd_thread *td, bool shared_only)
{
	uint64_t inact = 0;

	if (td->rb_list[2] &&
	    copy_from_guest(&inact, td->rb_list[2], sizeof(inact)) < 0)
		inact = 0;
	for (int l = 0; l < 2; l++) {
		uint64_t m = 0;

		if (!td->rb_list[l] ||
		    copy_from_guest(&m, td->rb_list[l], sizeof(m)) < 0)
			continue;
		for (int i = 0; m && i < 1000; i++) {
			bool is_inact = m == inact;

			if (is_inact)
				inact = 0;
			if (!robust_one(td, m, &m, is_inact, shared_only))
				break;
		}
	}
	if (inact)
		robust_one(td, inact, NULL, true, shared_only);
}

void fbsd_umtx_thread_exit(struct fbsd_thread *td)
{
	robust_cleanup(td, false);
}

static int robust_cleanup_shared(struct fbsd_thread *td, void *arg)
{
	(void)arg;
	robust_cleanup(td, true);
	return 0;
}

/* exit1() runs the robust lists of every thread of the process, so another
 * process sharing a robust mutex sees EOWNERDEAD, not a lock held forever.
 * Only the shared ones can be seen: private ones end with the process. */
void fbsd_umtx_process_exit(struct fbsd_thread *td)
{
	if (td)
		robust_cleanup(td, true);
	fbsd_thread_foreach(robust_cleanup_shared, NULL);
}

static int robust_lists(struct fbsd_thread *td, uint64_t size, gaddr_t params)
{
	uint64_t rb[3] = { 0, 0, 0 };

	if (size > sizeof(rb))
		return FBSD_EINVAL;
	if (copy_from_guest(rb, params, size) < 0)
		return FBSD_EFAULT;
	memcpy(td->rb_list, rb, sizeof(rb));
	return 0;
}

/* ---- the system call ---- */

static int nwake_private(gaddr_t arr, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++) {
		uint64_t a;
		if (copy_from_guest(&a, arr + 8 * i, sizeof(a)) < 0)
			return FBSD_EFAULT;
		do_wake(a, INT_MAX, true);
	}
	return 0;
}

int fbsd_sys__umtx_op(struct fbsd_thread *td, const struct fbsd__umtx_op_args *uap)
{
	struct deadline d;
	int err;

	switch (uap->op) {
	case OP_WAIT:
	case OP_WAIT_UINT:
	case OP_WAIT_UINT_PRIVATE:
		if ((err = timeout_in(&d, uap->uaddr1, uap->uaddr2)) != 0)
			return err;
		return do_wait(td, uap->obj, uap->val, uap->op != OP_WAIT,
			       uap->op == OP_WAIT_UINT_PRIVATE, &d);
	case OP_WAKE:
	case OP_WAKE_PRIVATE:
		return do_wake(uap->obj, uap->val, uap->op == OP_WAKE_PRIVATE);
	case OP_NWAKE_PRIVATE:
		return nwake_private(uap->obj, uap->val);
	case OP_MUTEX_TRYLOCK:
		memset(&d, 0, sizeof(d));
		return mutex_lock(td, uap->obj, MODE_TRY, &d);
	case OP_MUTEX_LOCK:
	case OP_MUTEX_WAIT:
		if ((err = timeout_in(&d, uap->uaddr1, uap->uaddr2)) != 0)
			return err;
		err = mutex_lock(td, uap->obj, uap->op == OP_MUTEX_LOCK ? MODE_LOCK : MODE_WAIT, &d);
		/* Untimed locking restarts after a signal; timed does not. */
		if (err == FBSD_EINTR && !d.set && uap->op == OP_MUTEX_LOCK)
			err = FBSD_ERESTART;
		return err;
	case OP_MUTEX_UNLOCK:
		return mutex_unlock(td, uap->obj, false);
	case OP_MUTEX_WAKE:
		return mutex_wake(uap->obj);
	case OP_MUTEX_WAKE2:
		return mutex_wake2(uap->obj, (uint32_t)uap->val);
	case OP_SET_CEILING:
		return set_ceiling(td, uap->obj, (uint32_t)uap->val, uap->uaddr1);
	case OP_CV_WAIT:
		return cv_wait(td, uap->obj, (uint32_t)uap->val, uap->uaddr1, uap->uaddr2);
	case OP_CV_SIGNAL:
		return cv_signal(uap->obj, false);
	case OP_CV_BROADCAST:
		return cv_signal(uap->obj, true);
	case OP_RW_RDLOCK:
	case OP_RW_WRLOCK:
		if ((err = timeout_in(&d, uap->uaddr1, uap->uaddr2)) != 0)
			return err;
		err = uap->op == OP_RW_RDLOCK ? rw_rdlock(td, uap->obj, (uint32_t)uap->val, &d)
					      : rw_wrlock(td, uap->obj, &d);
		if (err == FBSD_EINTR && !d.set)
			err = FBSD_ERESTART;
		return err;
	case OP_RW_UNLOCK:
		return rw_unlock(uap->obj);
	case OP_SEM_WAIT:
		return sem_wait(td, uap->obj, uap->uaddr1, uap->uaddr2);
	case OP_SEM_WAKE:
		return sem_wake(uap->obj);
	case OP_SEM2_WAIT:
		return sem2_wait(td, uap->obj, uap->uaddr1, uap->uaddr2);
	case OP_SEM2_WAKE:
		return sem2_wake(uap->obj);
	case OP_SHM:
		return fbsd_umtx_shm(td, (uint32_t)uap->val, uap->uaddr1);
	case OP_ROBUST_LISTS:
		return robust_lists(td, uap->val, uap->uaddr1);
	case OP_GET_MIN_TIMEOUT: {
		int64_t v = __atomic_load_n(&min_timeout_ns, __ATOMIC_RELAXED);
		/* _umtx_op(2): the long at uaddr1 */
		return copy_to_guest(uap->uaddr1, &v, sizeof(v)) < 0 ? FBSD_EFAULT : 0;
	}
	case OP_SET_MIN_TIMEOUT:
		if (uap->val > INT64_MAX)
			return FBSD_EINVAL;
		__atomic_store_n(&min_timeout_ns, (long)uap->val, __ATOMIC_RELAXED);
		return 0;
	default:
		return FBSD_EINVAL;
	}
}
