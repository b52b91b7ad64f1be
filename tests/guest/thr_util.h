/* thr_util.h: helpers shared by the thr_*.c and umtx_*.c guest tests:
 * starting threads with thr_new on mmap'ed stacks, joining them through
 * thr_exit's state word, and thin _umtx_op wrappers. */
#ifndef THR_UTIL_H
#define THR_UTIL_H

#include "t.h"

struct thr_param {
	void (*start_func)(void *);
	void *arg;
	char *stack_base;
	size_t stack_size;
	char *tls_base;
	size_t tls_size;
	long *child_tid;
	long *parent_tid;
	int flags;
	void *rtp;
	void *spare[3];
};
_Static_assert(sizeof(struct thr_param) == 104, "struct thr_param");

struct umutex {
	volatile unsigned m_owner;
	unsigned m_flags;
	unsigned m_ceilings[2];
	unsigned long m_rb_lnk;
	unsigned m_spare[2];
};
struct ucond {
	volatile unsigned c_has_waiters, c_flags, c_clockid, c_spare;
};
struct urwlock {
	volatile int rw_state;
	unsigned rw_flags, rw_blocked_readers, rw_blocked_writers, rw_spare[4];
};
struct usem2 {
	volatile unsigned count, flags;
};
struct umtx_time {
	long sec, nsec;
	unsigned flags, clockid;
};
struct ts {
	long sec, nsec;
};

#define UMTX_OP_WAIT 2
#define UMTX_OP_WAKE 3
#define UMTX_OP_MUTEX_TRYLOCK 4
#define UMTX_OP_MUTEX_LOCK 5
#define UMTX_OP_MUTEX_UNLOCK 6
#define UMTX_OP_SET_CEILING 7
#define UMTX_OP_CV_WAIT 8
#define UMTX_OP_CV_SIGNAL 9
#define UMTX_OP_CV_BROADCAST 10
#define UMTX_OP_WAIT_UINT 11
#define UMTX_OP_RW_RDLOCK 12
#define UMTX_OP_RW_WRLOCK 13
#define UMTX_OP_RW_UNLOCK 14
#define UMTX_OP_WAIT_UINT_PRIVATE 15
#define UMTX_OP_WAKE_PRIVATE 16
#define UMTX_OP_MUTEX_WAIT 17
#define UMTX_OP_NWAKE_PRIVATE 21
#define UMTX_OP_MUTEX_WAKE2 22
#define UMTX_OP_SEM2_WAIT 23
#define UMTX_OP_SEM2_WAKE 24
#define UMTX_OP_SHM 25
#define UMTX_OP_ROBUST_LISTS 26
#define UMTX_OP_GET_MIN_TIMEOUT 27
#define UMTX_OP_SET_MIN_TIMEOUT 28
#define UMUTEX_CONTESTED 0x80000000u
#define UMTX_ABSTIME 1
#define CVWAIT_ABSTIME 2
#define CVWAIT_CLOCKID 4
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 4
#define USEM_HAS_WAITERS 0x80000000u

#define umtx(obj, op, val, a1, a2) sys(FBSD_SYS__umtx_op, obj, op, val, a1, a2)

static inline long thr_self(void)
{
	long id = 0;
	sys(FBSD_SYS_thr_self, &id);
	return id;
}

/* As libthr does: thr_exit only returns for the last thread, which then
 * ends the process. */
static inline _Noreturn void thr_exit(long *state)
{
	sys(FBSD_SYS_thr_exit, state);
	sys(FBSD_SYS_exit, 0);
	for (;;)
		;
}

static inline void *map_stack(size_t size)
{
	long p = sys(FBSD_SYS_mmap, 0, size, 3 /* RW */, 0x1002 /* ANON|PRIVATE */, -1, 0);
	return p < 0 && p > -4096 ? 0 : (void *)p;
}

/* Thread handle: the join word is set to 1 by thr_exit. */
struct thr {
	long tid;
	long done;
	void (*fn)(void *);
	void *arg;
};

static void thr_trampoline(void *p)
{
	struct thr *t = p;
	t->fn(t->arg);
	thr_exit(&t->done);
}

static inline long thr_start(struct thr *t, void (*fn)(void *), void *arg)
{
	struct thr_param p;
	size_t sz = 64 * 1024;
	memset(&p, 0, sizeof(p));
	t->done = 0;
	t->fn = fn;
	t->arg = arg;
	p.start_func = thr_trampoline;
	p.arg = t;
	p.stack_base = map_stack(sz);
	p.stack_size = sz;
	p.child_tid = &t->tid;
	return sys(FBSD_SYS_thr_new, &p, sizeof(p));
}

/* libthr's join: sleep on the word thr_exit sets and wakes. */
static inline void thr_join(struct thr *t)
{
	while (__atomic_load_n(&t->done, __ATOMIC_ACQUIRE) == 0)
		umtx(&t->done, UMTX_OP_WAIT, 0, 0, 0);
}

/* thr_exit wakes the joiner just before the thread is gone: wait until
 * the id is no longer live (1), or give up (0). */
static inline int thr_wait_gone(long tid)
{
	for (int i = 0; i < 100000; i++) {
		if (sys(FBSD_SYS_thr_kill, tid, 0) == -FBSD_ESRCH)
			return 1;
		sys(FBSD_SYS_sched_yield);
	}
	return 0;
}

static inline long now_ns(int clk)
{
	struct ts ts;
	sys(FBSD_SYS_clock_gettime, clk, &ts);
	return ts.sec * 1000000000L + ts.nsec;
}

/* libthr-style mutex: userland fast path, kernel on contention. */
static inline void mtx_lock(struct umutex *m, long tid)
{
	unsigned z = 0;
	if (__atomic_compare_exchange_n(&m->m_owner, &z, (unsigned)tid, 0,
					__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	long r = umtx(m, UMTX_OP_MUTEX_LOCK, 0, 0, 0);
	CHECK_EQ(r, 0);
}

static inline void mtx_unlock(struct umutex *m, long tid)
{
	unsigned o = (unsigned)tid;
	if (__atomic_compare_exchange_n(&m->m_owner, &o, 0, 0, __ATOMIC_RELEASE,
					__ATOMIC_RELAXED))
		return;
	long r = umtx(m, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0);
	CHECK_EQ(r, 0);
}

#endif
