// TIMEOUT: 60
// EXPECT-STDOUT: ^umtx_shared done$
/* Process-shared umtx objects between a parent and its fork children:
 * UMTX_OP_SHM (CREAT/LOOKUP/ALIVE/DESTROY, errors, the same object from
 * both processes and through a file mapped at other addresses, private
 * keys), and USYNC_PROCESS_SHARED mutexes (kernel and libthr protocols),
 * condvars, rwlocks, semaphores and WAIT_UINT/WAIT/WAKE in MAP_SHARED
 * memory, each waited on in one process and woken from the other;
 * timeouts and signals on shared waits.  Every cross-process wait has a
 * timeout (and every process an alarm), so a lost wake-up fails instead
 * of hanging. */
#include "thr_util.h"
#include "sig_defs.h"

#define PG 4096
#define PROT_READ 1
#define PROT_RW 3
#define MAP_SHARED 0x1
#define MAP_ANON 0x1000
#define O_RDWR 2
#define O_CREAT 0x200
#define F_GETFD 1
#define FD_CLOEXEC 1
#define SEEK_END 2
#define USYNC_PROCESS_SHARED 1
#define UMTX_SHM_CREAT 1
#define UMTX_SHM_LOOKUP 2
#define UMTX_SHM_DESTROY 4
#define UMTX_SHM_ALIVE 8
#define URWLOCK_WRITE_OWNER 0x80000000u
#define URWLOCK_WRITE_WAITERS 0x40000000u
#define URWLOCK_READ_WAITERS 0x20000000u
#define MS 1000000L

struct shared {
	struct umutex m, m2;
	struct ucond cv;
	struct usem2 sem;
	struct urwlock rw;
	volatile unsigned word, word2, ready, turn;
	volatile unsigned tickets, taken, done;
	volatile unsigned long word64;
	volatile long counter, consumed;
	long keys[4];
};

static struct shared *sh;
static volatile int handled;
static const sigset_t nomask;

/* ---- helpers ---- */

static long mmap_(long addr, long len, int prot, int flags, int fd, long off)
{
	return sys(FBSD_SYS_mmap, addr, len, prot, flags, fd, off);
}

static long shm(int flags, const void *key)
{
	return umtx(0, UMTX_OP_SHM, flags, key, 0);
}

static void nap(long ms)
{
	struct ts t = { 0, ms * MS };
	sys(FBSD_SYS_nanosleep, &t, 0);
}

/* A lost wake-up must fail the test, not hang the suite. */
static void alarm_in(long sec)
{
	struct itimerval it = { { 0, 0 }, { sec, 0 } };
	sys(FBSD_SYS_setitimer, ITIMER_REAL, &it, 0);
}

/* 0 in the child (which gets its own alarm), the pid in the parent. */
static long fork_child(void)
{
	long x1 = 0, pid = sys_x1(FBSD_SYS_fork, &x1);

	CHECK(pid >= 0);
	if (pid == 0)
		alarm_in(30);
	return pid;
}

/* A child reports its failed checks through its exit status. */
static _Noreturn void child_done(void)
{
	t_exit(t_failures ? 1 : 0);
}

static void reap(long pid)
{
	int st = -1;

	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	CHECK_EQ(st, 0);
}

/* Wait (up to 5 s) until *P == WANT. */
static void await(volatile unsigned *p, unsigned want)
{
	for (int i = 0; i < 5000 && *p != want; i++)
		nap(1);
	CHECK_EQ(*p, want);
}

static struct umtx_time tmo(long ms)
{
	struct umtx_time t = { ms / 1000, (ms % 1000) * MS, 0, CLOCK_MONOTONIC };
	return t;
}

/* ---- UMTX_OP_SHM ---- */

static void test_shm_errors(void)
{
	long ro = mmap_(0, PG, PROT_READ, MAP_SHARED | MAP_ANON, -1, 0);

	CHECK_ERR(shm(0, &sh->keys[0]), FBSD_EINVAL);
	CHECK_ERR(shm(UMTX_SHM_CREAT | UMTX_SHM_LOOKUP, &sh->keys[0]), FBSD_EINVAL);
	CHECK_ERR(shm(UMTX_SHM_DESTROY | UMTX_SHM_ALIVE, &sh->keys[0]), FBSD_EINVAL);
	CHECK_ERR(shm(0x10, &sh->keys[0]), FBSD_EINVAL);
	CHECK_ERR(shm(UMTX_SHM_CREAT, (void *)8), FBSD_EFAULT);
	CHECK_ERR(shm(UMTX_SHM_LOOKUP, (void *)8), FBSD_EFAULT);
	CHECK_ERR(shm(UMTX_SHM_DESTROY, (void *)8), FBSD_EFAULT);
	CHECK_ERR(shm(UMTX_SHM_ALIVE, (void *)8), FBSD_EFAULT);
	/* The key is looked up for writing; ALIVE only reads. */
	CHECK(ro > 0);
	CHECK_ERR(shm(UMTX_SHM_CREAT, (void *)ro), FBSD_EFAULT);
	CHECK_EQ(shm(UMTX_SHM_ALIVE, (void *)ro), 0);
	CHECK_EQ(shm(UMTX_SHM_ALIVE, sh), 0);
	/* Nothing registered yet. */
	CHECK_ERR(shm(UMTX_SHM_LOOKUP, &sh->keys[0]), FBSD_ESRCH);
	CHECK_ERR(shm(UMTX_SHM_DESTROY, &sh->keys[0]), FBSD_ESRCH);
	sys(FBSD_SYS_munmap, ro, PG);
}

static volatile unsigned *map_obj(long fd)
{
	long p = mmap_(0, PG, PROT_RW, MAP_SHARED, fd, 0);

	CHECK(p > 0);
	return (volatile unsigned *)p;
}

static void test_shm_anon(void)
{
	long fd = shm(UMTX_SHM_CREAT, &sh->keys[0]), fd2, fd3, fd4, pid;
	volatile unsigned *p;

	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFD, 0), FD_CLOEXEC);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_END), PG);
	p = map_obj(fd);
	p[0] = 0x1234;
	/* CREAT again and LOOKUP: the same object. */
	fd2 = shm(UMTX_SHM_CREAT, &sh->keys[0]);
	fd3 = shm(UMTX_SHM_LOOKUP, &sh->keys[0]);
	CHECK(fd2 >= 0 && fd2 != fd && fd3 >= 0);
	CHECK_EQ(map_obj(fd2)[0], 0x1234);
	CHECK_EQ(map_obj(fd3)[0], 0x1234);
	/* Another key in the same page is another object. */
	CHECK_ERR(shm(UMTX_SHM_LOOKUP, &sh->keys[1]), FBSD_ESRCH);
	fd4 = shm(UMTX_SHM_CREAT, &sh->keys[1]);
	CHECK(fd4 >= 0);
	CHECK_EQ(map_obj(fd4)[0], 0);
	CHECK_EQ(shm(UMTX_SHM_DESTROY, &sh->keys[1]), 0);
	CHECK_EQ(shm(UMTX_SHM_ALIVE, (void *)p), 0);

	/* The child finds the parent's object by the same key. */
	if ((pid = fork_child()) == 0) {
		long cfd = shm(UMTX_SHM_LOOKUP, &sh->keys[0]);
		volatile unsigned *c;
		CHECK(cfd >= 0);
		c = map_obj(cfd);
		CHECK_EQ(c[0], 0x1234);
		c[0] = 0x5678;
		CHECK_EQ(shm(UMTX_SHM_ALIVE, (void *)c), 0);
		child_done();
	}
	reap(pid);
	CHECK_EQ(p[0], 0x5678);

	CHECK_EQ(shm(UMTX_SHM_DESTROY, &sh->keys[0]), 0);
	CHECK_ERR(shm(UMTX_SHM_ALIVE, (void *)p), FBSD_ENOTTY);
	CHECK_ERR(shm(UMTX_SHM_LOOKUP, &sh->keys[0]), FBSD_ESRCH);
	CHECK_ERR(shm(UMTX_SHM_DESTROY, &sh->keys[0]), FBSD_ESRCH);
	CHECK_EQ(p[0], 0x5678);         /* still mapped */
	sys(FBSD_SYS_close, fd);
	sys(FBSD_SYS_close, fd2);
	sys(FBSD_SYS_close, fd3);
	sys(FBSD_SYS_close, fd4);
}

/* A file mapped at two addresses (and by the child at a third): the key
 * is the file and offset, not the address. */
static void test_shm_file(void)
{
	long fd = sys(FBSD_SYS_openat, -100, "umtx_shared.dat", O_RDWR | O_CREAT, 0600);
	long a, b, pid, ofd;
	volatile unsigned *o;

	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_ftruncate, fd, 2 * PG), 0);
	a = mmap_(0, 2 * PG, PROT_RW, MAP_SHARED, fd, 0);
	b = mmap_(0, PG, PROT_RW, MAP_SHARED, fd, PG);
	CHECK(a > 0 && b > 0);
	shm(UMTX_SHM_DESTROY, (void *)(a + PG + 64));   /* a leftover of an earlier run */
	ofd = shm(UMTX_SHM_CREAT, (void *)(a + PG + 64));
	CHECK(ofd >= 0);
	o = map_obj(ofd);
	o[1] = 77;
	CHECK_EQ(map_obj(shm(UMTX_SHM_LOOKUP, (void *)(b + 64)))[1], 77);
	CHECK_ERR(shm(UMTX_SHM_LOOKUP, (void *)(b + 68)), FBSD_ESRCH);
	if ((pid = fork_child()) == 0) {
		long cf = sys(FBSD_SYS_openat, -100, "umtx_shared.dat", O_RDWR, 0);
		long c = mmap_(0, 2 * PG, PROT_RW, MAP_SHARED, cf, 0);
		CHECK(c > 0 && c != a);
		long cfd = shm(UMTX_SHM_LOOKUP, (void *)(c + PG + 64));
		CHECK(cfd >= 0);
		CHECK_EQ(map_obj(cfd)[1], 77);
		CHECK_EQ(shm(UMTX_SHM_DESTROY, (void *)(c + PG + 64)), 0);
		child_done();
	}
	reap(pid);
	CHECK_ERR(shm(UMTX_SHM_LOOKUP, (void *)(a + PG + 64)), FBSD_ESRCH);
	CHECK_ERR(shm(UMTX_SHM_ALIVE, (void *)o), FBSD_ENOTTY);
	sys(FBSD_SYS_close, fd);
	sys(FBSD_SYS_unlinkat, -100, "umtx_shared.dat", 0);
}

/* A key in private memory: an object of this process only. */
static void test_shm_private(void)
{
	static long key;
	long fd;
	volatile unsigned *p;

	CHECK_ERR(shm(UMTX_SHM_LOOKUP, &key), FBSD_ESRCH);
	fd = shm(UMTX_SHM_CREAT, &key);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFD, 0), FD_CLOEXEC);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_END), PG);
	p = map_obj(fd);
	p[0] = 9;
	CHECK_EQ(map_obj(shm(UMTX_SHM_LOOKUP, &key))[0], 9);
	CHECK_EQ(shm(UMTX_SHM_ALIVE, (void *)p), 0);
	CHECK_EQ(shm(UMTX_SHM_DESTROY, &key), 0);
	CHECK_ERR(shm(UMTX_SHM_ALIVE, (void *)p), FBSD_ENOTTY);
	CHECK_ERR(shm(UMTX_SHM_LOOKUP, &key), FBSD_ESRCH);
	CHECK_ERR(shm(UMTX_SHM_DESTROY, &key), FBSD_ESRCH);
}

/* ---- mutexes ---- */

/* The child blocks in MUTEX_LOCK; the parent's MUTEX_UNLOCK wakes it. */
static void test_mutex_kernel(void)
{
	long me = thr_self(), pid;

	sh->m.m_flags = USYNC_PROCESS_SHARED;
	CHECK_EQ(umtx(&sh->m, UMTX_OP_MUTEX_LOCK, 0, 0, 0), 0);
	if ((pid = fork_child()) == 0) {
		struct umtx_time t = tmo(5000);
		long id = thr_self(), t0 = now_ns(CLOCK_MONOTONIC);
		CHECK(id != me);
		CHECK_EQ(umtx(&sh->m, UMTX_OP_MUTEX_LOCK, 0, sizeof(t), &t), 0);
		CHECK(now_ns(CLOCK_MONOTONIC) - t0 < 4000 * MS);
		CHECK_EQ(sh->m.m_owner & ~UMUTEX_CONTESTED, id);
		sh->counter++;
		CHECK_EQ(umtx(&sh->m, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), 0);
		child_done();
	}
	/* The child marks it contested on its way to sleep. */
	await(&sh->m.m_owner, (unsigned)me | UMUTEX_CONTESTED);
	nap(50);
	CHECK_EQ(sh->counter, 0);
	CHECK_EQ(umtx(&sh->m, UMTX_OP_MUTEX_UNLOCK, 0, 0, 0), 0);
	reap(pid);
	CHECK_EQ(sh->counter, 1);
	CHECK_EQ(sh->m.m_owner, 0);
}

/* libthr's protocol: CAS in userland, MUTEX_WAIT to sleep, MUTEX_WAKE2
 * after an unlock that saw the contested bit. */
static void plock(struct umutex *m, unsigned id)
{
	for (;;) {
		unsigned o = m->m_owner;
		if ((o & ~UMUTEX_CONTESTED) == 0 &&
		    __atomic_compare_exchange_n(&m->m_owner, &o, id | o, 0, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return;
		CHECK_EQ(umtx(m, UMTX_OP_MUTEX_WAIT, 0, 0, 0), 0);
	}
}

static void punlock(struct umutex *m, unsigned id)
{
	unsigned o = __atomic_exchange_n(&m->m_owner, 0, __ATOMIC_RELEASE);

	CHECK_EQ(o & ~UMUTEX_CONTESTED, id);
	if (o & UMUTEX_CONTESTED)
		CHECK_EQ(umtx(m, UMTX_OP_MUTEX_WAKE2, m->m_flags, 0, 0), 0);
}

#define ITER 3000

static void count_under(struct umutex *m, unsigned id)
{
	for (int i = 0; i < ITER; i++) {
		plock(m, id);
		long v = sh->counter;
		if ((i & 31) == 0)
			sys(FBSD_SYS_sched_yield);
		sh->counter = v + 1;
		punlock(m, id);
	}
}

static void test_mutex_libthr(void)
{
	long pid[2];

	sh->counter = 0;
	sh->m2.m_flags = USYNC_PROCESS_SHARED;
	/* Owner ids of our own: the userland protocol only needs distinct ones. */
	for (int c = 0; c < 2; c++) {
		if ((pid[c] = fork_child()) == 0) {
			count_under(&sh->m2, 0x1000 + c);
			child_done();
		}
	}
	count_under(&sh->m2, 0x2000);
	reap(pid[0]);
	reap(pid[1]);
	CHECK_EQ(sh->counter, 3 * ITER);
	CHECK_EQ(sh->m2.m_owner, 0);
}

/* ---- condition variables ---- */

#define ROUNDS 500

static void cv_wait_relock(unsigned id)
{
	struct ts t = { 5, 0 };

	CHECK_EQ(umtx(&sh->cv, UMTX_OP_CV_WAIT, 0, &sh->m, &t), 0);
	mtx_lock(&sh->m, id);
}

static void test_cond(void)
{
	long me = thr_self(), pid;

	sh->m.m_flags = USYNC_PROCESS_SHARED;
	sh->cv.c_flags = USYNC_PROCESS_SHARED;
	sh->turn = 0;
	if ((pid = fork_child()) == 0) {
		long id = thr_self();
		for (int i = 0; i < ROUNDS; i++) {
			mtx_lock(&sh->m, id);
			while (sh->turn != 1)
				cv_wait_relock(id);
			sh->turn = 0;
			umtx(&sh->cv, UMTX_OP_CV_SIGNAL, 0, 0, 0);
			mtx_unlock(&sh->m, id);
		}
		child_done();
	}
	for (int i = 0; i < ROUNDS; i++) {
		mtx_lock(&sh->m, me);
		sh->turn = 1;
		umtx(&sh->cv, UMTX_OP_CV_SIGNAL, 0, 0, 0);
		while (sh->turn != 0)
			cv_wait_relock(me);
		mtx_unlock(&sh->m, me);
	}
	reap(pid);
	CHECK(sh->cv.c_has_waiters != 0);       /* a wake-up count once used */

	/* Broadcast from the parent wakes a waiter in the child. */
	sh->ready = 0;
	if ((pid = fork_child()) == 0) {
		long id = thr_self();
		mtx_lock(&sh->m, id);
		sh->ready = 1;
		while (sh->turn != 2)
			cv_wait_relock(id);
		mtx_unlock(&sh->m, id);
		child_done();
	}
	await(&sh->ready, 1);
	mtx_lock(&sh->m, me);           /* the child is inside CV_WAIT now */
	sh->turn = 2;
	CHECK_EQ(umtx(&sh->cv, UMTX_OP_CV_BROADCAST, 0, 0, 0), 0);
	mtx_unlock(&sh->m, me);
	reap(pid);
}

/* Consumers, one thread in this process and three in a child, take
 * tickets a producer hands out one CV_SIGNAL at a time; a lost signal
 * leaves a ticket behind and a consumer's wait times out. */
#define TICKETS 600

static void consume_tickets(void *arg)
{
	long id = thr_self();

	mtx_lock(&sh->m, id);
	for (;;) {
		if (sh->tickets > 0) {
			sh->tickets--;
			sh->taken++;
			mtx_unlock(&sh->m, id);
			mtx_lock(&sh->m, id);
			continue;
		}
		if (sh->done)
			break;
		cv_wait_relock(id);
	}
	mtx_unlock(&sh->m, id);
}

static void test_cond_tickets(void)
{
	static struct thr local, remote[2];
	long me = thr_self(), pid;

	sh->tickets = sh->taken = sh->done = 0;
	/* Fork before this process has a second thread: under the sanitizer
	 * build a fork while another thread is inside ASan's allocator leaves
	 * the child's first malloc waiting on a lock nobody will release. */
	if ((pid = fork_child()) == 0) {
		for (int i = 0; i < 2; i++)
			CHECK_EQ(thr_start(&remote[i], consume_tickets, 0), 0);
		consume_tickets(0);
		for (int i = 0; i < 2; i++)
			thr_join(&remote[i]);
		child_done();
	}
	CHECK_EQ(thr_start(&local, consume_tickets, 0), 0);
	for (int i = 0; i < TICKETS; i++) {
		mtx_lock(&sh->m, me);
		sh->tickets++;
		umtx(&sh->cv, UMTX_OP_CV_SIGNAL, 0, 0, 0);
		mtx_unlock(&sh->m, me);
		if ((i & 15) == 0)
			sys(FBSD_SYS_sched_yield);
	}
	await(&sh->taken, TICKETS);
	mtx_lock(&sh->m, me);
	sh->done = 1;
	umtx(&sh->cv, UMTX_OP_CV_BROADCAST, 0, 0, 0);
	mtx_unlock(&sh->m, me);
	reap(pid);
	thr_join(&local);
}

/* ---- semaphores ---- */

#define ITEMS 2000

static void sem_post(struct usem2 *s)
{
	unsigned c = __atomic_fetch_add(&s->count, 1, __ATOMIC_RELEASE);

	if (c & USEM_HAS_WAITERS)
		CHECK_EQ(umtx(s, UMTX_OP_SEM2_WAKE, 0, 0, 0), 0);
}

static long sem_wait(struct usem2 *s, long ms)
{
	struct umtx_time t = tmo(ms);

	for (;;) {
		unsigned c = s->count;
		while ((c & ~USEM_HAS_WAITERS) > 0)
			if (__atomic_compare_exchange_n(&s->count, &c, c - 1, 0,
							__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
				return 0;
		long r = umtx(s, UMTX_OP_SEM2_WAIT, 0, sizeof(t), &t);
		if (r < 0)
			return r;
	}
}

static void test_sem(void)
{
	long pid[2];

	sh->sem.flags = USYNC_PROCESS_SHARED;
	sh->sem.count = 0;
	/* One sleeper, woken by a post from the other process. */
	if ((pid[0] = fork_child()) == 0) {
		CHECK_EQ(sem_wait(&sh->sem, 5000), 0);
		child_done();
	}
	await(&sh->sem.count, USEM_HAS_WAITERS);
	nap(50);
	sem_post(&sh->sem);
	reap(pid[0]);
	CHECK_EQ(sh->sem.count, 0);     /* the last sleeper's wake cleared the bit */

	/* Two consumer processes, one producer. */
	sh->consumed = 0;
	for (int c = 0; c < 2; c++) {
		if ((pid[c] = fork_child()) == 0) {
			for (;;) {
				CHECK_EQ(sem_wait(&sh->sem, 5000), 0);
				if (__atomic_add_fetch(&sh->consumed, 1, __ATOMIC_SEQ_CST) > ITEMS)
					break;
			}
			child_done();
		}
	}
	for (int i = 0; i < ITEMS + 2; i++) {
		sem_post(&sh->sem);
		if ((i & 63) == 0)
			sys(FBSD_SYS_sched_yield);
	}
	reap(pid[0]);
	reap(pid[1]);
	CHECK_EQ(sh->consumed, ITEMS + 2);
	CHECK_EQ(sh->sem.count & ~USEM_HAS_WAITERS, 0);
}

/* ---- rwlocks ---- */

static void test_rwlock(void)
{
	struct umtx_time t = tmo(5000);
	long pid;

	sh->rw.rw_flags = USYNC_PROCESS_SHARED;
	/* A reader in the child waits for the parent's write lock. */
	CHECK_EQ(umtx(&sh->rw, UMTX_OP_RW_WRLOCK, 0, 0, 0), 0);
	if ((pid = fork_child()) == 0) {
		CHECK_EQ(umtx(&sh->rw, UMTX_OP_RW_RDLOCK, 0, sizeof(t), &t), 0);
		CHECK_EQ(sh->rw.rw_state, 1);
		CHECK_EQ(umtx(&sh->rw, UMTX_OP_RW_UNLOCK, 0, 0, 0), 0);
		child_done();
	}
	await((volatile unsigned *)&sh->rw.rw_state, URWLOCK_WRITE_OWNER | URWLOCK_READ_WAITERS);
	nap(50);
	CHECK_EQ(umtx(&sh->rw, UMTX_OP_RW_UNLOCK, 0, 0, 0), 0);
	reap(pid);
	CHECK_EQ(sh->rw.rw_state, 0);

	/* A writer in the child waits for the parent's read lock. */
	CHECK_EQ(umtx(&sh->rw, UMTX_OP_RW_RDLOCK, 0, 0, 0), 0);
	if ((pid = fork_child()) == 0) {
		CHECK_EQ(umtx(&sh->rw, UMTX_OP_RW_WRLOCK, 0, sizeof(t), &t), 0);
		CHECK_EQ(sh->rw.rw_state, (int)URWLOCK_WRITE_OWNER);
		CHECK_EQ(umtx(&sh->rw, UMTX_OP_RW_UNLOCK, 0, 0, 0), 0);
		child_done();
	}
	await((volatile unsigned *)&sh->rw.rw_state, URWLOCK_WRITE_WAITERS | 1);
	nap(50);
	CHECK_EQ(umtx(&sh->rw, UMTX_OP_RW_UNLOCK, 0, 0, 0), 0);
	reap(pid);
	CHECK_EQ(sh->rw.rw_state, 0);
	CHECK_EQ(sh->rw.rw_blocked_readers, 0);
	CHECK_EQ(sh->rw.rw_blocked_writers, 0);
}

/* ---- WAIT_UINT, WAIT, WAKE ---- */

static void test_wait(void)
{
	struct umtx_time t = tmo(5000);
	long pid;

	/* 32 bits. */
	sh->word = 0;
	sh->ready = 0;
	if ((pid = fork_child()) == 0) {
		sh->ready = 1;
		CHECK_EQ(umtx(&sh->word, UMTX_OP_WAIT_UINT, 0, sizeof(t), &t), 0);
		CHECK_EQ(sh->word, 1);
		child_done();
	}
	await(&sh->ready, 1);
	nap(50);
	sh->word = 1;
	CHECK_EQ(umtx(&sh->word, UMTX_OP_WAKE, 1, 0, 0), 0);
	reap(pid);

	/* 64 bits: the low half changes. */
	sh->word64 = 0x100000000ul;
	sh->ready = 0;
	if ((pid = fork_child()) == 0) {
		sh->ready = 1;
		CHECK_EQ(umtx(&sh->word64, UMTX_OP_WAIT, 0x100000000ul, sizeof(t), &t), 0);
		CHECK_EQ(sh->word64, 0x100000001ul);
		child_done();
	}
	await(&sh->ready, 1);
	nap(50);
	sh->word64 = 0x100000001ul;
	CHECK_EQ(umtx(&sh->word64, UMTX_OP_WAKE, 1, 0, 0), 0);
	reap(pid);

	/* A _PRIVATE wake names another key (FreeBSD: vmspace + address)
	 * and does not end a shared wait. */
	sh->word2 = 0;
	sh->ready = 0;
	if ((pid = fork_child()) == 0) {
		struct umtx_time s = tmo(300);
		sh->ready = 1;
		CHECK_ERR(umtx(&sh->word2, UMTX_OP_WAIT_UINT, 0, sizeof(s), &s), FBSD_ETIMEDOUT);
		child_done();
	}
	await(&sh->ready, 1);
	for (int i = 0; i < 5; i++) {
		nap(20);
		umtx(&sh->word2, UMTX_OP_WAKE_PRIVATE, 1, 0, 0);
	}
	reap(pid);
}

/* ---- timeouts ---- */

static void test_timeouts(void)
{
	struct umtx_time rel = tmo(50);
	struct ts ts = { 0, 30 * MS };
	long t0, now;

	sh->word = 7;
	t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_ERR(umtx(&sh->word, UMTX_OP_WAIT_UINT, 7, sizeof(rel), &rel), FBSD_ETIMEDOUT);
	now = now_ns(CLOCK_MONOTONIC);
	CHECK(now - t0 >= 49 * MS && now - t0 < 2000 * MS);

	/* Absolute on CLOCK_REALTIME. */
	long dl = now_ns(CLOCK_REALTIME) + 30 * MS;
	struct umtx_time abs = { dl / 1000000000, dl % 1000000000, UMTX_ABSTIME, CLOCK_REALTIME };
	CHECK_ERR(umtx(&sh->word, UMTX_OP_WAIT_UINT, 7, sizeof(abs), &abs), FBSD_ETIMEDOUT);
	CHECK(now_ns(CLOCK_REALTIME) >= dl - MS);

	/* A bare timespec: relative CLOCK_REALTIME. */
	t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_ERR(umtx(&sh->word, UMTX_OP_WAIT_UINT, 7, sizeof(ts), &ts), FBSD_ETIMEDOUT);
	CHECK(now_ns(CLOCK_MONOTONIC) - t0 >= 29 * MS);

	/* 64 bits, longer than bsdemu's re-check slices. */
	struct umtx_time l = tmo(130);
	sh->word64 = 0x300000005ul;
	t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_ERR(umtx(&sh->word64, UMTX_OP_WAIT, 0x300000005ul, sizeof(l), &l), FBSD_ETIMEDOUT);
	now = now_ns(CLOCK_MONOTONIC);
	CHECK(now - t0 >= 129 * MS && now - t0 < 2000 * MS);
	/* Only the high half differs: no sleep at all. */
	CHECK_EQ(umtx(&sh->word64, UMTX_OP_WAIT, 0x400000005ul, sizeof(l), &l), 0);

	/* A shared mutex held by another (made-up) owner. */
	sh->m.m_flags = USYNC_PROCESS_SHARED;
	sh->m.m_owner = 12345;
	CHECK_ERR(umtx(&sh->m, UMTX_OP_MUTEX_LOCK, 0, sizeof(rel), &rel), FBSD_ETIMEDOUT);
	CHECK_EQ(sh->m.m_owner, 12345 | UMUTEX_CONTESTED);
	sh->m.m_owner = 0;

	/* An empty shared semaphore. */
	sh->sem.count = 0;
	CHECK_ERR(umtx(&sh->sem, UMTX_OP_SEM2_WAIT, 0, sizeof(rel), &rel), FBSD_ETIMEDOUT);
	CHECK_EQ(sh->sem.count, USEM_HAS_WAITERS);
	sh->sem.count = 0;

	/* A shared rwlock: a reader times out behind a writer. */
	sh->rw.rw_state = (int)URWLOCK_WRITE_OWNER;
	CHECK_ERR(umtx(&sh->rw, UMTX_OP_RW_RDLOCK, 0, sizeof(rel), &rel), FBSD_ETIMEDOUT);
	CHECK_EQ(sh->rw.rw_state, (int)URWLOCK_WRITE_OWNER);   /* the last one cleared its bit */
	CHECK_EQ(sh->rw.rw_blocked_readers, 0);
	sh->rw.rw_state = 0;
}

/* ---- signals ---- */

static void on_usr1(int sig)
{
	handled++;
}

/* A signal from the parent interrupts the child's shared waits. */
static void test_signal_process(void)
{
	long pid;

	sh->word = 0;
	sh->ready = 0;
	sh->m.m_owner = 12345;
	if ((pid = fork_child()) == 0) {
		struct umtx_time t = tmo(5000);
		set_action(SIGUSR1, on_usr1, 0, nomask);
		sh->ready = 1;
		CHECK_ERR(umtx(&sh->word, UMTX_OP_WAIT_UINT, 0, sizeof(t), &t), FBSD_EINTR);
		CHECK_EQ(handled, 1);
		sh->ready = 2;
		/* Timed locks are not restarted. */
		CHECK_ERR(umtx(&sh->m, UMTX_OP_MUTEX_LOCK, 0, sizeof(t), &t), FBSD_EINTR);
		CHECK_EQ(handled, 2);
		child_done();
	}
	await(&sh->ready, 1);
	nap(50);
	CHECK_EQ(sys(FBSD_SYS_kill, pid, SIGUSR1), 0);
	await(&sh->ready, 2);
	nap(50);
	CHECK_EQ(sys(FBSD_SYS_kill, pid, SIGUSR1), 0);
	reap(pid);
	sh->m.m_owner = 0;
}

static void sleeper(void *arg)
{
	struct umtx_time t = tmo(5000);

	sh->ready = 1;
	CHECK_ERR(umtx(&sh->word2, UMTX_OP_WAIT_UINT, 0, sizeof(t), &t), FBSD_EINTR);
}

/* thr_kill from another thread of the same process. */
static void test_signal_thread(void)
{
	static struct thr t;

	handled = 0;
	sh->word2 = 0;
	sh->ready = 0;
	set_action(SIGUSR1, on_usr1, 0, nomask);
	CHECK_EQ(thr_start(&t, sleeper, 0), 0);
	await(&sh->ready, 1);
	nap(50);
	CHECK_EQ(sys(FBSD_SYS_thr_kill, t.tid, SIGUSR1), 0);
	thr_join(&t);
	CHECK_EQ(handled, 1);
}

int main(int argc, char **argv, char **envp)
{
	long p = mmap_(0, 2 * PG, PROT_RW, MAP_SHARED | MAP_ANON, -1, 0);

	alarm_in(50);
	CHECK(p > 0);
	sh = (struct shared *)p;
	test_shm_errors();
	test_shm_anon();
	test_shm_file();
	test_shm_private();
	test_mutex_kernel();
	test_mutex_libthr();
	test_cond();
	test_cond_tickets();
	test_sem();
	test_rwlock();
	test_wait();
	test_timeouts();
	test_signal_process();
	test_signal_thread();
	t_puts("umtx_shared done");
	return 0;
}
