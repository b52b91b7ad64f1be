// TIMEOUT: 60
// EXPECT-STDOUT: ^umtx_robust done$
/* Robust mutexes (UMTX_OP_ROBUST_LISTS), as libthr registers them: three
 * addresses, of the word heading the shared-robust list, of the word
 * heading the private-robust list, and of the word naming the mutex being
 * locked or unlocked ("inactive").  When a thread exits, its mutexes on
 * the lists become OWNERDEAD, and the next MUTEX_LOCK takes one with
 * EOWNERDEAD; unlocked without becoming consistent, it is NOTRECOV.
 * The walk stops at a mutex that is not robust or not the thread's.  When
 * a process ends (exit, or death by a signal), every thread's shared
 * robust mutexes become OWNERDEAD, so another process can recover them;
 * so do they when it execs;
 * a process waiting in MUTEX_LOCK is woken.  A fork child starts without
 * lists. */
#include "thr_util.h"
#include "sig_defs.h"

#define UMUTEX_ROBUST 0x10u
#define UMUTEX_NONCONSISTENT 0x20u
#define UMUTEX_RB_OWNERDEAD (UMUTEX_CONTESTED | 0x10u)
#define UMUTEX_RB_NOTRECOV (UMUTEX_CONTESTED | 0x11u)
#define USYNC_PROCESS_SHARED 1
#define FBSD_EOWNERDEAD 96
#define FBSD_ENOTRECOVERABLE 95
#define MS 1000000L

/* One thread's lists, as in libthr's struct pthread. */
struct rb_lists {
	unsigned long shared, priv, inact;
};

struct shared {
	struct umutex m, m2;
	struct rb_lists lists;
	volatile unsigned ready;
};

static struct shared *sh;

static void register_lists(struct rb_lists *l)
{
	unsigned long p[3] = { (unsigned long)&l->shared, (unsigned long)&l->priv,
			       (unsigned long)&l->inact };
	CHECK_EQ(umtx(0, UMTX_OP_ROBUST_LISTS, sizeof(p), p, 0), 0);
}

/* Take M (free) for TID by CAS, as libthr's fast path does. */
static void take(struct umutex *m, long tid)
{
	unsigned z = 0;
	CHECK(__atomic_compare_exchange_n(&m->m_owner, &z, (unsigned)tid, 0,
					  __ATOMIC_ACQUIRE, __ATOMIC_RELAXED));
}

/* MUTEX_LOCK with a 2 s timeout: a mutex left locked fails, not hangs */
static long lock2s(struct umutex *m)
{
	struct umtx_time t = { 2, 0, 0, CLOCK_MONOTONIC };
	return umtx(m, UMTX_OP_MUTEX_LOCK, 0, sizeof(t), &t);
}

static void link_after(struct umutex *m, struct umutex *next)
{
	m->m_rb_lnk = (unsigned long)next;
}

/* ---- a thread's exit ---- */

static struct umutex a1, a2, a3, a4, a5, plain;
static struct rb_lists tlists;

static void dying_thread(void *arg)
{
	long me = thr_self();
	(void)arg;

	register_lists(&tlists);
	/* private list: a1 -> a2 -> a4 (main's) -> a5; a3 is "inactive" */
	take(&a1, me);
	take(&a2, me);
	take(&a3, me);
	take(&a5, me);
	link_after(&a1, &a2);
	link_after(&a2, &a4);
	link_after(&a4, &a5);
	tlists.priv = (unsigned long)&a1;
	tlists.inact = (unsigned long)&a3;
	/* shared list: a mutex that is not robust ends the walk at once */
	take(&plain, me);
	tlists.shared = (unsigned long)&plain;
}

static void test_thread_exit(void)
{
	struct thr t;
	long me = thr_self();

	a1.m_flags = a2.m_flags = a3.m_flags = a4.m_flags = a5.m_flags = UMUTEX_ROBUST;
	take(&a4, me);
	CHECK_EQ(thr_start(&t, dying_thread, 0), 0);
	thr_join(&t);
	CHECK(thr_wait_gone(t.tid));
	CHECK_EQ(a1.m_owner, UMUTEX_RB_OWNERDEAD);
	CHECK_EQ(a2.m_owner, UMUTEX_RB_OWNERDEAD);
	CHECK_EQ(a3.m_owner, UMUTEX_RB_OWNERDEAD);
	CHECK_EQ(a4.m_owner, (unsigned)me);                  /* not the thread's: stop */
	CHECK_EQ(a5.m_owner, (unsigned)t.tid);               /* never reached */
	CHECK_EQ(plain.m_owner, (unsigned)t.tid);            /* not robust */
	/* the next locker gets it, told the owner died */
	CHECK_ERR(lock2s(&a1), FBSD_EOWNERDEAD);
	CHECK_EQ(a1.m_owner & ~UMUTEX_CONTESTED, (unsigned)me);
	/* made consistent (pthread_mutex_consistent), it is a mutex again */
	CHECK_EQ(umtx(&a1, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), 0);
	CHECK_EQ(a1.m_owner, 0);
	/* unlocked while still inconsistent: not recoverable */
	CHECK_ERR(umtx(&a2, UMTX_OP_MUTEX_TRYLOCK, 0, 0, 0), FBSD_EOWNERDEAD);
	a2.m_flags |= UMUTEX_NONCONSISTENT;
	CHECK_EQ(umtx(&a2, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), 0);
	CHECK_EQ(a2.m_owner, UMUTEX_RB_NOTRECOV);
	CHECK_ERR(lock2s(&a2), FBSD_ENOTRECOVERABLE);
	CHECK_ERR(umtx(&a2, UMTX_OP_MUTEX_TRYLOCK, 0, 0, 0), FBSD_ENOTRECOVERABLE);
}

/* ---- a process's end ---- */

static long fork_child(void)
{
	long x1 = 0, pid = sys_x1(FBSD_SYS_fork, &x1);

	CHECK(pid >= 0);
	return pid;
}

static int reap(long pid)
{
	int st = -1;

	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	return st;
}

static void shared_robust(struct umutex *m)
{
	memset(m, 0, sizeof(*m));
	m->m_flags = USYNC_PROCESS_SHARED | UMUTEX_ROBUST;
}

/* The child takes sh->m and puts it on its shared list. */
static void child_hold(void)
{
	register_lists(&sh->lists);
	take(&sh->m, thr_self());
	sh->lists.shared = (unsigned long)&sh->m;
}

/* A second thread that holds sh->m and stays alive. */
static void holder(void *arg)
{
	struct ts t = { 1, 0 };
	(void)arg;
	child_hold();
	for (;;)
		sys(FBSD_SYS_nanosleep, &t, 0);
}

static char target[1024];

/* HOW: 0 exit, 1 death by SIGTERM, 2 exit while a second thread holds it,
 * 3 execve (umtx_exec(): the old image's mutexes go with it) */
static void hold_and_end(int how)
{
	char *av[] = { "exec_target", "exit", "7", 0 }, *ev[] = { 0 };

	if (how == 2) {
		struct thr t;
		/* the holder stays alive: only the end of the process frees it */
		CHECK_EQ(thr_start(&t, holder, 0), 0);
		while (!sh->m.m_owner)
			sys(FBSD_SYS_sched_yield);
	} else {
		child_hold();
	}
	if (how == 1)
		kill_self(SIGTERM);
	if (how == 3)
		CHECK_EQ(sys(FBSD_SYS_execve, target, av, ev), 0);
	t_exit(t_failures ? 1 : 0);
}

static void test_process_end(int how)
{
	long me = thr_self(), pid;
	int st;

	shared_robust(&sh->m);
	if ((pid = fork_child()) == 0)
		hold_and_end(how);
	st = reap(pid);
	CHECK_EQ(st, how == 1 ? SIGTERM : how == 3 ? 7 << 8 : 0);
	CHECK_EQ(sh->m.m_owner, UMUTEX_RB_OWNERDEAD);
	CHECK_ERR(lock2s(&sh->m), FBSD_EOWNERDEAD);
	CHECK_EQ(sh->m.m_owner & ~UMUTEX_CONTESTED, (unsigned)me);
	CHECK_EQ(umtx(&sh->m, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), 0);
}

/* A parent asleep in MUTEX_LOCK is woken by the holder's exit. */
static void test_waiter_woken(void)
{
	struct umtx_time t = { 5, 0, 0, CLOCK_MONOTONIC };
	long me = thr_self(), pid, t0;

	shared_robust(&sh->m);
	sh->ready = 0;
	if ((pid = fork_child()) == 0) {
		child_hold();
		sh->ready = 1;
		/* hold it until the parent sleeps on it */
		for (int i = 0; i < 1000000 && !(sh->m.m_owner & UMUTEX_CONTESTED); i++)
			sys(FBSD_SYS_sched_yield);
		t_exit(0);
	}
	while (!sh->ready)
		sys(FBSD_SYS_sched_yield);
	t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_ERR(umtx(&sh->m, UMTX_OP_MUTEX_LOCK, 0, sizeof(t), &t), FBSD_EOWNERDEAD);
	CHECK(now_ns(CLOCK_MONOTONIC) - t0 < 4000 * MS);
	CHECK_EQ(sh->m.m_owner & ~UMUTEX_CONTESTED, (unsigned)me);
	CHECK_EQ(reap(pid), 0);
	CHECK_EQ(umtx(&sh->m, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), 0);
}

/* The parent's lists are not the child's: a child's exit leaves the
 * parent's mutexes alone. */
static void test_fork_child_no_lists(void)
{
	long me = thr_self(), pid;

	shared_robust(&sh->m2);
	register_lists(&sh->lists);
	take(&sh->m2, me);
	sh->lists.shared = (unsigned long)&sh->m2;
	if ((pid = fork_child()) == 0)
		t_exit(0);
	CHECK_EQ(reap(pid), 0);
	CHECK_EQ(sh->m2.m_owner, (unsigned)me);
	sh->lists.shared = 0;
	CHECK_EQ(umtx(&sh->m2, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), 0);
	CHECK_EQ(sh->m2.m_owner, 0);
}

int main(int argc, char **argv, char **envp)
{
	long p = sys(FBSD_SYS_mmap, 0, 4096, 3 /* RW */, 0x1001 /* ANON|SHARED */, -1, 0);

	CHECK(p > 0);
	sh = (struct shared *)p;
	test_thread_exit();
	test_process_end(0);
	test_process_end(1);
	test_process_end(2);
	/* exec_target sits next to this program */
	t_snprintf(target, sizeof(target), "%s", (char *)t_getauxval(T_AT_EXECPATH));
	strcpy(strstr(target, "/umtx_robust"), "/exec_target");
	test_process_end(3);
	test_waiter_woken();
	test_fork_child_no_lists();
	t_puts("umtx_robust done");
	return 0;
}
