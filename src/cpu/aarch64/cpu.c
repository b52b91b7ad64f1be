/* AArch64 core: state, the dispatcher and the translated-block cache.
 *
 * The block cache is global (all guest threads share code): a hash table of
 * blocks keyed by guest pc.  Each thread has a direct-mapped jump cache in
 * cpu->jit_cache in front of it.  Everything the cache owns is in
 * struct tcache below.
 *
 * Threads.  tc_lock guards the hash table (lookup, insert, invalidate); it
 * is never held while guest code runs.  Decoding happens outside the lock;
 * a block whose range was invalidated meanwhile (inv_seq moved) is thrown
 * away and decoded again.  A dropped block is not freed at once, as other
 * threads may be executing it or about to follow a link into it: it goes
 * on a limbo list tagged with the generation its drop produced, and is
 * freed once every thread has announced (in its struct tc_thread, at the
 * top of the dispatcher loop) a generation at least that new, or is
 * outside a64_run (qs = QS_IDLE).  A thread announcing generation G holds
 * no pointer to a block dropped at G or earlier: blocks it may still use
 * were found while a64_gen was G, so their drop comes later; every link
 * and jump-cache entry made before G is ignored from G on; and the pending
 * link slot is dropped whenever a new generation is announced.  Because a
 * drop breaks every link, a running thread reaches its dispatcher within
 * one block, so limbo drains quickly (nobody waits for it). */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/aarch64/a64_int.h"

__thread struct a64_cpu *a64_running;
uint64_t a64_gen = 1;

#define A64_MAX_BLOCK_OPS 64

static struct tcache {
	struct a64_block **bucket;
	size_t mask;            /* bucket count - 1 */
	size_t count;           /* blocks */
	uint64_t lo, hi;        /* guest range any block covers */
	uint64_t inv_seq;       /* bumped by every a64_invalidate call */
	struct limbo *limbo;    /* dropped, not yet freed */
	struct tc_thread *threads;
} tc;
static pthread_mutex_t tc_lock = PTHREAD_MUTEX_INITIALIZER;
static int limbo_count;        /* atomic: entries on tc.limbo */

/* A dropped block waiting for every thread to pass generation GEN. */
struct limbo {
	struct limbo *next;
	struct a64_block *b;
	uint64_t gen;
};

#define QS_IDLE UINT64_MAX
/* Per-thread record; the jump cache comes first (cpu->jit_cache). */
struct tc_thread {
	struct a64_jcache jc;
	uint64_t qs;               /* announced generation, QS_IDLE outside a64_run */
	struct tc_thread *next;
};

static size_t tc_hash(uint64_t pc)
{
	return (size_t)((pc >> 2) * 0x9e3779b97f4a7c15ull >> 20);
}

static void tc_grow(void)
{
	size_t n = tc.bucket ? (tc.mask + 1) * 2 : 4096;
	struct a64_block **nb = calloc(n, sizeof(*nb));
	if (!nb) {
		fprintf(stderr, "bsdemu: out of memory for the translation cache\n");
		abort();
	}
	if (tc.bucket) {
		for (size_t i = 0; i <= tc.mask; i++) {
			struct a64_block *b = tc.bucket[i], *nx;
			for (; b; b = nx) {
				nx = b->next;
				size_t h = tc_hash(b->pc) & (n - 1);
				b->next = nb[h];
				nb[h] = b;
			}
		}
		free(tc.bucket);
	}
	tc.bucket = nb;
	tc.mask = n - 1;
}

static struct a64_block *tc_find(uint64_t pc)
{
	if (!tc.bucket)
		return NULL;
	for (struct a64_block *b = tc.bucket[tc_hash(pc) & tc.mask]; b; b = b->next)
		if (b->pc == pc)
			return b;
	return NULL;
}

static void tc_insert(struct a64_block *b)
{
	if (!tc.bucket || tc.count >= tc.mask + 1)
		tc_grow();
	size_t h = tc_hash(b->pc) & tc.mask;
	b->next = tc.bucket[h];
	tc.bucket[h] = b;
	tc.count++;
	if (tc.count == 1 || b->pc < tc.lo)
		tc.lo = b->pc;
	if (tc.count == 1 || b->end > tc.hi)
		tc.hi = b->end;
}

/* Free limbo blocks no thread can hold any more.  tc_lock held. */
static void tc_reclaim(void)
{
	uint64_t min = QS_IDLE;
	for (struct tc_thread *t = tc.threads; t; t = t->next) {
		uint64_t q = __atomic_load_n(&t->qs, __ATOMIC_SEQ_CST);
		if (q < min)
			min = q;
	}
	struct limbo **pp = &tc.limbo;
	while (*pp) {
		struct limbo *l = *pp;
		if (l->gen <= min) {
			*pp = l->next;
			free(l->b);
			free(l);
			__atomic_sub_fetch(&limbo_count, 1, __ATOMIC_RELAXED);
		} else {
			pp = &l->next;
		}
	}
}

void a64_invalidate(uint64_t start, uint64_t len)
{
	uint64_t end = start + len;
	struct limbo *dropped = NULL;
	int n = 0;
	if (end < start)
		end = UINT64_MAX;
	pthread_mutex_lock(&tc_lock);
	tc.inv_seq++;
	if (!tc.count || end <= tc.lo || start >= tc.hi) {
		pthread_mutex_unlock(&tc_lock);
		return;
	}
	for (size_t i = 0; i <= tc.mask; i++) {
		struct a64_block **pp = &tc.bucket[i];
		while (*pp) {
			struct a64_block *b = *pp;
			if (b->pc < end && start < b->end) {
				*pp = b->next;
				struct limbo *l = malloc(sizeof(*l));
				if (!l) {
					fprintf(stderr, "bsdemu: out of memory for the translation cache\n");
					abort();
				}
				l->b = b;
				l->next = dropped;
				dropped = l;
				tc.count--;
				n++;
			} else {
				pp = &b->next;
			}
		}
	}
	if (n) {
		/* Unlinked first, then the new generation: see the top. */
		uint64_t gen = __atomic_add_fetch(&a64_gen, 1, __ATOMIC_SEQ_CST);
		for (struct limbo *l = dropped, *nx; l; l = nx) {
			nx = l->next;
			l->gen = gen;
			l->next = tc.limbo;
			tc.limbo = l;
		}
		__atomic_add_fetch(&limbo_count, n, __ATOMIC_RELAXED);
		tc_reclaim();
	}
	pthread_mutex_unlock(&tc_lock);
}

/* ---- translation ---- */

static void set_fault(struct a64_cpu *cpu, uint64_t addr, int sig, int code)
{
	cpu->exit_reason = A64_EXIT_FAULT;
	cpu->fault_addr = addr;
	cpu->fault_sig = sig;
	cpu->exit_code = code;
}

static struct a64_block *translate(struct a64_cpu *cpu, uint64_t pc)
{
	uint64_t seq = __atomic_load_n(&tc.inv_seq, __ATOMIC_ACQUIRE);
retry:
	if (pc & 3) {
		set_fault(cpu, pc, A64_FAULT_SIGBUS, A64_BUS_ADRALN);
		return NULL;
	}
	int prot = pc < guest_limit ? mem_prot_at(pc) : -1;
	if (prot < 0) {
		set_fault(cpu, pc, A64_FAULT_SIGSEGV, A64_SEGV_MAPERR);
		return NULL;
	}
	if (!(prot & GPROT_EXEC)) {
		set_fault(cpu, pc, A64_FAULT_SIGSEGV, A64_SEGV_ACCERR);
		return NULL;
	}
	uint64_t page_end = (pc | GUEST_PAGE_MASK) + 1;
	uint32_t max = (uint32_t)((page_end - pc) / 4);
	if (max > A64_MAX_BLOCK_OPS)
		max = A64_MAX_BLOCK_OPS;
	/* One more slot for the fall-through branch a full block ends with. */
	struct a64_op tmp[A64_MAX_BLOCK_OPS + 1];
	uint32_t n = 0;
	int ended = 0;
	while (n < max && !ended) {
		uint32_t insn;
		uint64_t a = pc + 4ull * n;
		if (prot & GPROT_READ) {
			memcpy(&insn, g2h(a), 4);
		} else if (copy_from_guest(&insn, a, 4) < 0) {
			if (n == 0) {
				set_fault(cpu, pc, A64_FAULT_SIGSEGV, A64_SEGV_ACCERR);
				return NULL;
			}
			break;
		}
		struct a64_op *op = &tmp[n];
		memset(op, 0, sizeof(*op));
		op->pc = a;
		op->insn = insn;
		ended = a64_decode(op, insn);
		n++;
	}
	uint32_t ninsn = n;
	if (ended && n >= 2 && a64_fuse_cmp_bcond(&tmp[n - 2], &tmp[n - 1]))
		n--; /* the B.cond's slot becomes the link slot */
	if (!ended) {
		/* Fall through into the next block (page end or size limit). */
		struct a64_op *op = &tmp[n];
		memset(op, 0, sizeof(*op));
		op->pc = pc + 4ull * n;
		op->insn = 0;
		a64_decode_branch_sys(op, 0x14000000); /* B . + 0, retargeted below */
		op->imm = op->pc;
		n++;
	}
	struct a64_block *b = malloc(sizeof(*b) + (n + 1) * sizeof(struct a64_op));
	if (!b) {
		fprintf(stderr, "bsdemu: out of memory translating guest code\n");
		abort();
	}
	b->pc = pc;
	b->end = pc + 4ull * ninsn;
	b->nops = n;
	memcpy(b->ops, tmp, n * sizeof(struct a64_op));
	memset(&b->ops[n], 0, sizeof(struct a64_op));
	pthread_mutex_lock(&tc_lock);
	if (tc.inv_seq != seq) {
		/* The code may have changed while we decoded it. */
		seq = tc.inv_seq;
		pthread_mutex_unlock(&tc_lock);
		free(b);
		goto retry;
	}
	struct a64_block *other = tc_find(pc);
	if (other) {
		/* Another thread translated it first. */
		pthread_mutex_unlock(&tc_lock);
		free(b);
		return other;
	}
	tc_insert(b);
	pthread_mutex_unlock(&tc_lock);
	return b;
}

static struct a64_block *lookup(struct a64_cpu *cpu, struct a64_jcache *jc, uint64_t pc,
				 uint64_t gen)
{
	if (jc->gen != gen) {
		memset(jc->e, 0, sizeof(jc->e));
		jc->gen = gen;
	}
	size_t h = (pc >> 2) & (A64_JC_SIZE - 1);
	if (jc->e[h].b && jc->e[h].pc == pc)
		return jc->e[h].b;
	pthread_mutex_lock(&tc_lock);
	struct a64_block *b = tc_find(pc);
	pthread_mutex_unlock(&tc_lock);
	if (!b)
		b = translate(cpu, pc);
	if (b && jc->gen == __atomic_load_n(&a64_gen, __ATOMIC_ACQUIRE)) {
		jc->e[h].pc = pc;
		jc->e[h].b = b;
	}
	return b;
}

/* A host fault inside the guest space came without a si_code of ours:
 * decide it from the guest mapping, outside the signal handler. */
static void classify_fault(struct a64_cpu *cpu)
{
	struct gmapping m;
	if (cpu->fault_sig == A64_FAULT_SIGBUS) {
		cpu->exit_code = 3; /* BUS_OBJERR: past the end of a file mapping */
		return;
	}
	if (!mem_lookup(cpu->fault_addr, &m) || (m.flags & GMAP_GUARD))
		cpu->exit_code = A64_SEGV_MAPERR;
	else
		cpu->exit_code = A64_SEGV_ACCERR;
}

/* ---- the dispatcher ---- */

/* Announce the current generation (see the top): loop until the value
 * announced is still current after the announcement is visible. */
static uint64_t qs_announce(struct tc_thread *t)
{
	uint64_t g;
	do {
		g = __atomic_load_n(&a64_gen, __ATOMIC_SEQ_CST);
		__atomic_store_n(&t->qs, g, __ATOMIC_SEQ_CST);
	} while (__atomic_load_n(&a64_gen, __ATOMIC_SEQ_CST) != g);
	return g;
}

/* Leaving a64_run: hold nothing; free limbo now if we were the holdout. */
static void qs_leave(struct tc_thread *t)
{
	__atomic_store_n(&t->qs, QS_IDLE, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&limbo_count, __ATOMIC_RELAXED) &&
	    pthread_mutex_trylock(&tc_lock) == 0) {
		tc_reclaim();
		pthread_mutex_unlock(&tc_lock);
	}
}

#if A64_TAILCALL
/* Tells tools/check-tailcalls.sh that handlers chain by tail calls. */
const int a64_tailcall_dispatch = 1;
#endif

int a64_run(struct a64_cpu *cpu)
{
	struct tc_thread *tt = cpu->jit_cache;
	struct a64_jcache *jc = &tt->jc;
	a64_running = cpu;
	cpu->exit_reason = 0;
	jc->link = NULL;
	/* The FP fast paths' quick forms (fp.c, simd_fp.c) rely on the host
	 * MXCSR holding the default control bits (round to nearest, all
	 * exceptions masked, no FTZ/DAZ) while guest code runs; their slow
	 * forms restore whatever control bits they found. */
	uint32_t mx;
	__asm__ volatile("stmxcsr %0" : "=m"(mx));
	if ((mx & ~0x3fu) != 0x1f80) {
		mx = 0x1f80;
		__asm__ volatile("ldmxcsr %0" : : "m"(mx));
	}
	if (sigsetjmp(cpu->fault_jmp, 0)) {
		/* A guest access faulted (host signal or our own check). */
		if (cpu->exit_code == 0)
			classify_fault(cpu);
		cpu->pc = cpu->cur_op->pc;
		cpu->exit_reason = A64_EXIT_FAULT;
		jc->link = NULL;
		a64_running = NULL;
		qs_leave(tt);
		return A64_EXIT_FAULT;
	}
	qs_announce(tt);
	for (;;) {
		if (cpu->interrupt) {
			cpu->exit_reason = A64_EXIT_INTERRUPT;
			break;
		}
		uint64_t gen = __atomic_load_n(&a64_gen, __ATOMIC_ACQUIRE);
		if (gen != tt->qs) {
			/* Something was dropped: the pending link slot may
			 * belong to it. */
			gen = qs_announce(tt);
			jc->link = NULL;
		}
		struct a64_block *b = lookup(cpu, jc, cpu->pc, gen);
		if (!b)
			break;
		if (jc->link) {
			/* Link the branch that got us here, unless something was
			 * dropped meanwhile (the slot may be gone). */
			if (gen == a64_gen) {
				jc->link->to[jc->link_slot] = b->ops;
				__atomic_store_n(&jc->link->gen[jc->link_slot], gen, __ATOMIC_RELEASE);
			}
			jc->link = NULL;
		}
		const struct a64_op *op = b->ops;
		/* Several call sites give the host's indirect branch
		 * predictor more context than one. */
		while ((op = op->fn(cpu, op)) && (op = op->fn(cpu, op)) &&
		       (op = op->fn(cpu, op)) && (op = op->fn(cpu, op)))
			;
		if (cpu->exit_reason)
			break;
	}
	jc->link = NULL;
	a64_running = NULL;
	qs_leave(tt);
	return cpu->exit_reason;
}

_Noreturn void a64_host_fault(struct a64_cpu *cpu, uint64_t addr, int sig, int code)
{
	cpu->fault_addr = addr;
	cpu->fault_sig = sig;
	cpu->exit_code = code;
	siglongjmp(cpu->fault_jmp, 1);
}

_Noreturn void a64_fault(struct a64_cpu *cpu, const struct a64_op *op,
			 uint64_t addr, int sig, int code)
{
	cpu->cur_op = op;
	a64_host_fault(cpu, addr, sig, code);
}

const struct a64_op *a64_op_undef(struct a64_cpu *cpu, const struct a64_op *op)
{
	cpu->pc = op->pc;
	cpu->exit_reason = A64_EXIT_UNDEF;
	cpu->exit_code = A64_ILL_ILLOPC;
	cpu->exit_info = op->insn;
	return NULL;
}

/* ---- state ---- */

void a64_init(struct a64_cpu *cpu)
{
	memset(cpu, 0, sizeof(*cpu));
	cpu->zf = 1; /* Z clear */
	struct tc_thread *t = calloc(1, sizeof(*t));
	if (!t) {
		fprintf(stderr, "bsdemu: out of memory\n");
		abort();
	}
	t->qs = QS_IDLE;
	pthread_mutex_lock(&tc_lock);
	t->next = tc.threads;
	tc.threads = t;
	pthread_mutex_unlock(&tc_lock);
	cpu->jit_cache = t;
}

void a64_destroy(struct a64_cpu *cpu)
{
	struct tc_thread *t = cpu->jit_cache;
	if (!t)
		return;
	pthread_mutex_lock(&tc_lock);
	for (struct tc_thread **pp = &tc.threads; *pp; pp = &(*pp)->next) {
		if (*pp == t) {
			*pp = t->next;
			break;
		}
	}
	pthread_mutex_unlock(&tc_lock);
	free(t);
	cpu->jit_cache = NULL;
}

void a64_clone(struct a64_cpu *dst, const struct a64_cpu *src)
{
	void *jc = dst->jit_cache;
	void *opaque = dst->opaque;
	memcpy(dst, src, sizeof(*dst));
	dst->jit_cache = jc;
	dst->opaque = opaque;
	dst->excl_size = 0;
	dst->interrupt = 0;
	dst->cur_op = NULL;
}

uint32_t a64_get_nzcv(const struct a64_cpu *cpu)
{
	uint32_t v = 0;
	if ((int64_t)cpu->nf < 0)
		v |= 1u << 31;
	if (cpu->zf == 0)
		v |= 1u << 30;
	if (cpu->cf)
		v |= 1u << 29;
	if ((int64_t)cpu->vf < 0)
		v |= 1u << 28;
	return v;
}

void a64_set_nzcv(struct a64_cpu *cpu, uint32_t nzcv)
{
	cpu->nf = (nzcv >> 31) & 1 ? UINT64_MAX : 0;
	cpu->zf = (nzcv >> 30) & 1 ? 0 : 1;
	cpu->cf = (nzcv >> 29) & 1;
	cpu->vf = (nzcv >> 28) & 1 ? UINT64_MAX : 0;
}

/* fork(): hold the cache steady across it; in the child the other threads
 * are gone, so none of them can still be inside a block (their records
 * go idle and never hold back the freeing of dropped blocks). */
void a64_fork_prepare(void)
{
	pthread_mutex_lock(&tc_lock);
}

void a64_fork_parent(void)
{
	pthread_mutex_unlock(&tc_lock);
}

void a64_fork_child(void)
{
	pthread_mutex_init(&tc_lock, NULL);
	for (struct tc_thread *t = tc.threads; t; t = t->next)
		t->qs = QS_IDLE;
}
