/* Memory-management system calls: mmap, munmap, mprotect, madvise,
 * minherit, mincore, msync, mlock family and break, with the argument
 * checks and errno choices of FreeBSD's sys/vm/vm_mmap.c, vm_map.c and
 * vm_unix.c.  Placement and the mapping table live in src/mem/.
 *
 * Where the brief FreeBSD documentation and the kernel disagree, the kernel
 * wins (it is what programs see):
 *  - an unaligned mmap offset is fine: the page offset is added to the
 *    result (MAP_FIXED needs addr and offset congruent mod the page size);
 *  - munmap/mprotect/msync/minherit/mlock truncate an unaligned address;
 *  - MAP_FIXED|MAP_EXCL over a used range is ENOMEM (vm_map_insert's
 *    KERN_NO_SPACE through vm_mmap_to_errno);
 *  - mprotect and madvise skip holes and MAP_GUARD ranges (a guard stays
 *    inaccessible, the call succeeds);
 *  - anonymous mappings need not say MAP_SHARED or MAP_PRIVATE (private);
 *  - break(2) does not exist on arm64 (ENOSYS, no signal). */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include "log.h"
#include "mem/mem.h"
#include "os/freebsd/fbsd_mman.h"
#include "os/freebsd/syscall.h"

/* sys/sys/mman.h */
#define FBSD_INHERIT_SHARE 0
#define FBSD_INHERIT_COPY 1
#define FBSD_INHERIT_NONE 2
#define FBSD_INHERIT_ZERO 3
#define FBSD_MINCORE_INCORE 0x1
#define FBSD_MS_SYNC 0x0
#define FBSD_MS_ASYNC 0x1
#define FBSD_MS_INVALIDATE 0x2
#define FBSD_MCL_CURRENT 0x1
#define FBSD_MCL_FUTURE 0x2

#define PAGE GUEST_PAGE_SIZE
#define PMASK GUEST_PAGE_MASK
#define SUPERPAGE (2ULL << 20)

_Static_assert(FBSD_PROT_READ == GPROT_READ && FBSD_PROT_WRITE == GPROT_WRITE &&
	       FBSD_PROT_EXEC == GPROT_EXEC, "GPROT_* are FreeBSD's PROT_*");

/* Every mmap flag FreeBSD's kern_mmap accepts, and what it means here.
 * Bits outside this table (and the alignment field) are EINVAL. */
enum flag_use {
	F_MODE,    /* MAP_SHARED / MAP_PRIVATE: checked by hand */
	F_CHECKED, /* FIXED, ANON, GUARD, EXCL, STACK, 32BIT: checked by hand */
	F_GFLAG,   /* recorded in the mapping (GMAP_*) */
	F_IGNORED, /* FreeBSD itself drops it (obsolete) */
	F_HINT,    /* a performance hint with no observable effect here */
};
static const struct {
	uint32_t bit;
	enum flag_use use;
	unsigned gflag;
} map_flags[] = {
	{ FBSD_MAP_SHARED, F_MODE, GMAP_SHARED },
	{ FBSD_MAP_PRIVATE, F_MODE, 0 },
	{ FBSD_MAP_FIXED, F_CHECKED, 0 },
	{ FBSD_MAP_RESERVED0020, F_IGNORED, 0 },
	{ FBSD_MAP_RESERVED0040, F_IGNORED, 0 },
	{ FBSD_MAP_HASSEMAPHORE, F_HINT, 0 },   /* no special memory needed */
	{ FBSD_MAP_STACK, F_CHECKED, GMAP_STACK },
	{ FBSD_MAP_NOSYNC, F_HINT, 0 },         /* syncer policy only */
	{ FBSD_MAP_ANON, F_CHECKED, GMAP_ANON },
	{ FBSD_MAP_GUARD, F_CHECKED, GMAP_GUARD },
	{ FBSD_MAP_EXCL, F_CHECKED, 0 },
	{ FBSD_MAP_NOCORE, F_GFLAG, GMAP_NOCORE },
	{ FBSD_MAP_PREFAULT_READ, F_HINT, 0 },  /* prefaulting is invisible */
	{ FBSD_MAP_32BIT, F_CHECKED, 0 },
};

static uint32_t known_map_flags(void)
{
	uint32_t m = FBSD_MAP_ALIGNMENT_MASK;
	size_t i;

	for (i = 0; i < sizeof(map_flags) / sizeof(map_flags[0]); i++)
		m |= map_flags[i].bit;
	return m;
}

static unsigned gflags_of(uint32_t flags)
{
	unsigned g = 0;
	size_t i;

	for (i = 0; i < sizeof(map_flags) / sizeof(map_flags[0]); i++)
		if (flags & map_flags[i].bit)
			g |= map_flags[i].gflag;
	return g;
}

/* FreeBSD's answer for a host error from the memory layer. */
static int err_of(int neg_host_errno)
{
	return fbsd_errno(-neg_host_errno);
}

/* Maximum protection a file descriptor allows (FreeBSD's vn_mmap): read
 * when open for reading, write for private mappings or when open for
 * writing, execute always.  *acc = EACCES when PROT asks for more. */
static int file_maxprot(int fd, bool shared, int prot, int *maxp)
{
	int fl = fcntl(fd, F_GETFL), mode, max = FBSD_PROT_EXEC;

	if (fl < 0)
		return fbsd_errno(errno);
	mode = fl & O_ACCMODE;
	if (fl & O_PATH)
		return FBSD_EBADF;
	if (mode == O_RDONLY || mode == O_RDWR)
		max |= FBSD_PROT_READ;
	else if (prot & FBSD_PROT_READ)
		return FBSD_EACCES;
	if (!shared || mode == O_WRONLY || mode == O_RDWR)
		max |= FBSD_PROT_WRITE;
	else if (prot & FBSD_PROT_WRITE)
		return FBSD_EACCES;
	*maxp &= max;
	return 0;
}

/* MAP_STACK regions start with stack_guard_page (1) inaccessible page, as
 * vm_map_stack() leaves the bottom of the gap unreachable. */
static int map_stack(gaddr_t addr, uint64_t size, int prot, int max_prot,
		     unsigned g)
{
	int r = mem_map(addr + PAGE, size - PAGE, prot, max_prot, g, -1, 0);

	if (r == 0)
		r = mem_map_fixed(addr, PAGE, GPROT_NONE, GMAP_GUARD | GMAP_STACK,
				  -1, 0);
	return r;
}

static int do_mmap(struct fbsd_thread *td, const struct fbsd_mmap_args *uap)
{
	uint32_t flags = (uint32_t)uap->flags;
	int32_t fd = uap->fd;
	int64_t pos = uap->pos;
	int prot, max_prot, r;
	uint64_t len = uap->len, pageoff, size, align = PAGE, align_sh;
	gaddr_t addr = uap->addr;
	unsigned g;

	if ((uint32_t)uap->prot & ~(FBSD_PROT_ALL | FBSD_PROT_ALL << FBSD_PROT_MAX_SHIFT))
		return FBSD_EINVAL;
	max_prot = (uap->prot >> FBSD_PROT_MAX_SHIFT) & FBSD_PROT_ALL;
	prot = uap->prot & FBSD_PROT_ALL;
	if (max_prot != 0 && (max_prot & prot) != prot)
		return FBSD_ENOTSUP;
	if (max_prot == 0)
		max_prot = FBSD_PROT_ALL;

	flags &= ~(FBSD_MAP_RESERVED0020 | FBSD_MAP_RESERVED0040);
	if (len == 0 || ((flags & FBSD_MAP_ANON) && (fd != -1 || pos != 0)))
		return FBSD_EINVAL;
	if (flags & FBSD_MAP_STACK) {
		if (fd != -1 || (prot & (FBSD_PROT_READ | FBSD_PROT_WRITE)) !=
				(FBSD_PROT_READ | FBSD_PROT_WRITE))
			return FBSD_EINVAL;
		flags |= FBSD_MAP_ANON;
		pos = 0;
	}
	if (flags & ~known_map_flags())
		return FBSD_EINVAL;
	if ((flags & (FBSD_MAP_EXCL | FBSD_MAP_FIXED)) == FBSD_MAP_EXCL)
		return FBSD_EINVAL;
	if ((flags & (FBSD_MAP_SHARED | FBSD_MAP_PRIVATE)) ==
	    (FBSD_MAP_SHARED | FBSD_MAP_PRIVATE))
		return FBSD_EINVAL;
	if ((flags & FBSD_MAP_GUARD) &&
	    (prot != 0 || fd != -1 || pos != 0 ||
	     (flags & ~(FBSD_MAP_FIXED | FBSD_MAP_GUARD | FBSD_MAP_EXCL |
			FBSD_MAP_32BIT | FBSD_MAP_ALIGNMENT_MASK))))
		return FBSD_EINVAL;

	pageoff = (uint64_t)pos & PMASK;
	pos -= (int64_t)pageoff;
	size = (len + pageoff + PMASK) & ~PMASK;
	if (size < len)
		return FBSD_ENOMEM;

	align_sh = (flags & FBSD_MAP_ALIGNMENT_MASK) >> FBSD_MAP_ALIGNMENT_SHIFT;
	if ((flags & FBSD_MAP_ALIGNMENT_MASK) == FBSD_MAP_ALIGNED_SUPER) {
		if (size >= SUPERPAGE)
			align = SUPERPAGE;
	} else if (align_sh) {
		if (align_sh >= 64 || align_sh < 12)
			return FBSD_EINVAL;
		align = 1ULL << align_sh;
	}

	/* A file mapping: the guest fd is the host fd. */
	if (!(flags & (FBSD_MAP_ANON | FBSD_MAP_GUARD))) {
		if (fcntl(fd, F_GETFD) < 0)
			return FBSD_EBADF;
		if (!(flags & (FBSD_MAP_SHARED | FBSD_MAP_PRIVATE)))
			return FBSD_EINVAL;
		r = file_maxprot(fd, flags & FBSD_MAP_SHARED, prot, &max_prot);
		if (r)
			return r;
	} else {
		fd = -1;
	}
	if (flags & FBSD_MAP_GUARD)
		max_prot = 0;
	if ((flags & FBSD_MAP_STACK) && size <= PAGE)
		return FBSD_EINVAL; /* no room beside stack_guard_page */

	if (flags & FBSD_MAP_FIXED) {
		addr -= pageoff;
		if ((addr & PMASK) || !guest_range_ok(addr, size))
			return FBSD_EINVAL;
		if ((flags & FBSD_MAP_32BIT) && addr + size > MEM_32BIT_TOP)
			return FBSD_EINVAL;
		if ((flags & FBSD_MAP_EXCL) && !mem_range_free(addr, size))
			return FBSD_ENOMEM;
	} else if (flags & FBSD_MAP_32BIT) {
		gaddr_t hint = addr & ~PMASK;
		if (hint + size > MEM_32BIT_TOP || hint + size < hint)
			hint = 0;
		if (mem_find_free_in(MEM_LOW_LIMIT, MEM_32BIT_TOP, hint, size,
				     align, &addr) < 0)
			return FBSD_ENOMEM;
	} else {
		gaddr_t hint = (addr + PMASK) & ~PMASK;
		if (hint < addr)
			hint = 0;
		if (mem_find_free(hint, size, align, &addr) < 0)
			return FBSD_ENOMEM;
	}

	g = gflags_of(flags);
	if (flags & FBSD_MAP_STACK)
		r = map_stack(addr, size, prot, max_prot, g);
	else
		r = mem_map(addr, size, prot, max_prot, g, fd, (uint64_t)pos);
	if (r < 0)
		return err_of(r);
	td->retval[0] = addr + pageoff;
	return 0;
}

/* Page-align [addr, addr+len) outward the way the kernel does.  False when
 * it wraps. */
static bool page_range(gaddr_t addr, uint64_t len, gaddr_t *start, gaddr_t *end)
{
	uint64_t off = addr & PMASK, size = len + off;

	if (size < len)
		return false;
	size = (size + PMASK) & ~PMASK;
	if (size < len)
		return false;
	*start = addr - off;
	*end = *start + size;
	return *end >= *start;
}

/* Choosing a free range and mapping it happen under the address-space
 * lock (mem.h), as under FreeBSD's vm_map lock: two threads' mmap calls
 * never get the same range. */
int fbsd_sys_mmap(struct fbsd_thread *td, const struct fbsd_mmap_args *uap)
{
	int r;

	mem_vm_lock();
	r = do_mmap(td, uap);
	mem_vm_unlock();
	return r;
}

int fbsd_sys_munmap(struct fbsd_thread *td, const struct fbsd_munmap_args *uap)
{
	gaddr_t start, end;
	int r;

	if (uap->len == 0 || !page_range(uap->addr, uap->len, &start, &end) ||
	    !guest_range_ok(start, end - start))
		return FBSD_EINVAL;
	mem_vm_lock();
	r = mem_unmap(start, end - start);
	mem_vm_unlock();
	return r < 0 ? err_of(r) : 0;
}

int fbsd_sys_mprotect(struct fbsd_thread *td, const struct fbsd_mprotect_args *uap)
{
	int prot = uap->prot & FBSD_PROT_ALL;
	int max_prot = (uap->prot >> FBSD_PROT_MAX_SHIFT) & FBSD_PROT_ALL;
	gaddr_t start, end;
	int r;

	if ((uint32_t)uap->prot & ~(FBSD_PROT_ALL | FBSD_PROT_ALL << FBSD_PROT_MAX_SHIFT))
		return FBSD_EINVAL;
	if (max_prot != 0 && (max_prot & prot) != prot)
		return FBSD_ENOTSUP;
	if (!page_range(uap->addr, uap->len, &start, &end))
		return FBSD_EINVAL;
	/* VM_MAP_RANGE_CHECK: clamp to the map. */
	if (start >= guest_limit || start == end)
		return 0;
	if (end > guest_limit)
		end = guest_limit;
	r = mem_protect_fbsd(start, end - start, prot, max_prot,
			     MEM_PROT_SET | (max_prot ? MEM_PROT_SET_MAX : 0));
	if (r == -EACCES)
		return FBSD_EACCES;
	return r < 0 ? err_of(r) : 0;
}

/* Apply FN to every mapping piece inside [start, end). */
struct piece_walk {
	gaddr_t start, end;
	int (*fn)(const struct gmapping *, gaddr_t, gaddr_t, void *);
	void *arg;
};

static int piece_cb(const struct gmapping *m, void *arg)
{
	struct piece_walk *w = arg;
	gaddr_t a = m->start > w->start ? m->start : w->start;
	gaddr_t b = m->end < w->end ? m->end : w->end;

	if (m->end <= w->start || m->start >= w->end)
		return 0;
	return w->fn(m, a, b, w->arg);
}

static int for_pieces(gaddr_t start, gaddr_t end,
		      int (*fn)(const struct gmapping *, gaddr_t, gaddr_t, void *),
		      void *arg)
{
	struct piece_walk w = { start, end, fn, arg };

	return mem_foreach(piece_cb, &w);
}

static int advise_piece(const struct gmapping *m, gaddr_t a, gaddr_t b, void *arg)
{
	int advice = *(int *)arg;

	if (m->flags & GMAP_GUARD)
		return 0;
	/* FreeBSD frees only anonymous private memory; Linux MADV_FREE
	 * refuses anything else.  Hints: a host refusal changes nothing the
	 * guest can see. */
	if (advice == MADV_FREE && (!(m->flags & GMAP_ANON) || (m->flags & GMAP_SHARED)))
		return 0;
	(void)madvise(g2h(a), b - a, advice);
	return 0;
}

int fbsd_sys_madvise(struct fbsd_thread *td, const struct fbsd_madvise_args *uap)
{
	gaddr_t start, end;
	int advice;

	if (uap->behav == FBSD_MADV_PROTECT)
		/* procctl(PROC_SPROTECT) needs privilege. */
		return geteuid() == 0 ? 0 : FBSD_EPERM;
	if (uap->addr + uap->len < uap->addr ||
	    !guest_range_ok(uap->addr, uap->len))
		return FBSD_EINVAL;
	switch (uap->behav) {
	case FBSD_MADV_NORMAL: advice = MADV_NORMAL; break;
	case FBSD_MADV_RANDOM: advice = MADV_RANDOM; break;
	case FBSD_MADV_SEQUENTIAL: advice = MADV_SEQUENTIAL; break;
	case FBSD_MADV_WILLNEED: advice = MADV_WILLNEED; break;
	case FBSD_MADV_FREE: advice = MADV_FREE; break;
	/* Only a hint on FreeBSD: the data stays.  Linux's DONTNEED would
	 * zero anonymous pages, so nothing is passed on. */
	case FBSD_MADV_DONTNEED:
	/* Syncer and core-dump policy: nothing here observes them. */
	case FBSD_MADV_NOSYNC:
	case FBSD_MADV_AUTOSYNC:
	case FBSD_MADV_NOCORE:
	case FBSD_MADV_CORE:
		return 0;
	default:
		return FBSD_EINVAL;
	}
	start = uap->addr & ~PMASK;
	end = (uap->addr + uap->len + PMASK) & ~PMASK;
	if (start < end)
		for_pieces(start, end, advise_piece, &advice);
	return 0;
}

static int inherit_piece(const struct gmapping *m, gaddr_t a, gaddr_t b, void *arg)
{
	int advice = *(int *)arg;

	if (advice == MADV_WIPEONFORK && (m->flags & (GMAP_SHARED | GMAP_GUARD)))
		return 0; /* Linux: private anonymous memory only */
	(void)madvise(g2h(a), b - a, advice);
	return 0;
}

int fbsd_sys_minherit(struct fbsd_thread *td, const struct fbsd_minherit_args *uap)
{
	static atomic_int said_share;
	gaddr_t start, end;
	int advice;

	switch (uap->inherit) {
	case FBSD_INHERIT_SHARE:
		/* Linux cannot share private memory with a child created
		 * later; MAP_SHARED memory is shared anyway. */
		if (!atomic_exchange(&said_share, 1))
			log_msg("minherit(INHERIT_SHARE): private memory is "
				"copied, not shared, into child processes");
		advice = MADV_DOFORK;
		break;
	case FBSD_INHERIT_COPY: advice = MADV_DOFORK; break;
	case FBSD_INHERIT_NONE: advice = MADV_DONTFORK; break;
	case FBSD_INHERIT_ZERO: advice = MADV_WIPEONFORK; break;
	default:
		return FBSD_EINVAL;
	}
	if (!page_range(uap->addr, uap->len, &start, &end))
		return FBSD_EINVAL;
	if (end > guest_limit)
		end = guest_limit;
	if (start < end) {
		/* WIPEONFORK and DOFORK undo each other's flag on Linux. */
		if (advice == MADV_DOFORK) {
			int keep = MADV_KEEPONFORK;
			for_pieces(start, end, inherit_piece, &keep);
		}
		for_pieces(start, end, inherit_piece, &advice);
	}
	return 0;
}

int fbsd_sys_mincore(struct fbsd_thread *td, const struct fbsd_mincore_args *uap)
{
	unsigned char hv[512];
	char fv[512];
	gaddr_t start = uap->addr & ~PMASK, end, a;
	uint64_t done = 0;

	end = (uap->addr + uap->len + PMASK) & ~PMASK;
	if (end < start || end > guest_limit)
		return FBSD_ENOMEM;
	if (!mem_range_mapped(start, end > start ? end - start : PAGE))
		return FBSD_ENOMEM;
	for (a = start; a < end; a += sizeof(hv) * PAGE) {
		uint64_t n = (end - a) / PAGE, i;
		if (n > sizeof(hv))
			n = sizeof(hv);
		if (mincore(g2h(a), n * PAGE, hv) < 0)
			return fbsd_errno(errno);
		for (i = 0; i < n; i++)
			fv[i] = (hv[i] & 1) ? FBSD_MINCORE_INCORE : 0;
		if (copy_to_guest(uap->vec + done, fv, n) < 0)
			return FBSD_EFAULT;
		done += n;
	}
	return 0;
}

int fbsd_sys_msync(struct fbsd_thread *td, const struct fbsd_msync_args *uap)
{
	gaddr_t start, end;
	struct gmapping m;
	int hflags = 0;

	if (!page_range(uap->addr, uap->len, &start, &end))
		return FBSD_EINVAL;
	if ((uint32_t)uap->flags & ~(FBSD_MS_ASYNC | FBSD_MS_INVALIDATE))
		return FBSD_EINVAL;
	if ((uap->flags & (FBSD_MS_ASYNC | FBSD_MS_INVALIDATE)) ==
	    (FBSD_MS_ASYNC | FBSD_MS_INVALIDATE))
		return FBSD_EINVAL;
	hflags |= (uap->flags & FBSD_MS_ASYNC) ? MS_ASYNC : MS_SYNC;
	if (uap->flags & FBSD_MS_INVALIDATE)
		hflags |= MS_INVALIDATE;
	if (start >= guest_limit || !mem_lookup(start, &m))
		return FBSD_ENOMEM;
	if (start == end) {   /* len 0: the whole mapping (vm_map_sync) */
		start = m.start;
		end = m.end;
	}
	if (end > guest_limit || !mem_range_mapped(start, end - start))
		return FBSD_ENOMEM;
	if (msync(g2h(start), end - start, hflags) < 0)
		return fbsd_errno(errno);
	return 0;
}

/* mlock/munlock: holes are ENOMEM (VM_MAP_WIRE_NOHOLES). */
static int lock_range(gaddr_t addr, uint64_t len, bool lock)
{
	gaddr_t start, end;
	int r;

	if (!page_range(addr, len, &start, &end))
		return FBSD_EINVAL;
	if (start == end)
		return 0;
	if (end > guest_limit || !mem_range_mapped(start, end - start))
		return FBSD_ENOMEM;
	r = lock ? mlock(g2h(start), end - start) : munlock(g2h(start), end - start);
	return r < 0 ? fbsd_errno(errno) : 0;
}

int fbsd_sys_mlock(struct fbsd_thread *td, const struct fbsd_mlock_args *uap)
{
	return lock_range(uap->addr, uap->len, true);
}

int fbsd_sys_munlock(struct fbsd_thread *td, const struct fbsd_munlock_args *uap)
{
	return lock_range(uap->addr, uap->len, false);
}

int fbsd_sys_mlockall(struct fbsd_thread *td, const struct fbsd_mlockall_args *uap)
{
	int how = uap->how, h = 0;

	if (how == 0 || (how & ~(FBSD_MCL_CURRENT | FBSD_MCL_FUTURE)))
		return FBSD_EINVAL;
	if (how & FBSD_MCL_CURRENT)
		h |= MCL_CURRENT;
	if (how & FBSD_MCL_FUTURE)
		h |= MCL_FUTURE;
	return mlockall(h) < 0 ? fbsd_errno(errno) : 0;
}

int fbsd_sys_munlockall(struct fbsd_thread *td, const struct fbsd_munlockall_args *uap)
{
	return munlockall() < 0 ? fbsd_errno(errno) : 0;
}

/* kern_break() (sys/vm/vm_unix.c): set the break to round_page(nsize) and
 * return it; a value below the base only reports the current break.  For
 * the guests that have break(2) (amd64, i386, armv7). */
static int do_break(struct fbsd_thread *td, gaddr_t nsize);
int fbsd_kern_break(struct fbsd_thread *td, gaddr_t nsize);
int fbsd_kern_break(struct fbsd_thread *td, gaddr_t nsize)
{
	int r;

	mem_vm_lock();
	r = do_break(td, nsize);
	mem_vm_unlock();
	return r;
}

static int do_break(struct fbsd_thread *td, gaddr_t nsize)
{
	gaddr_t base = mem_brk_base, old = mem_brk_cur;
	gaddr_t nw = (nsize + PMASK) & ~PMASK;
	struct rlimit rl;
	int r;

	if (nw < nsize)
		return FBSD_ENOMEM;
	if (nw < base) {
		td->retval[0] = old;
		return 0;
	}
	if (nw > old) {
		if (getrlimit(RLIMIT_DATA, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
		    nw - base > rl.rlim_cur)
			return FBSD_ENOMEM;
		if (nw > guest_limit || !mem_range_free(old, nw - old))
			return FBSD_ENOMEM;
		r = mem_map(old, nw - old, GPROT_READ | GPROT_WRITE,
			    GPROT_READ | GPROT_WRITE | GPROT_EXEC, 0, -1, 0);
		if (r < 0)
			return FBSD_ENOMEM;
	} else if (nw < old) {
		if (mem_unmap(nw, old - nw) < 0)
			return FBSD_ENOMEM;
	}
	mem_brk_cur = nw;
	td->retval[0] = nw;
	return 0;
}

int fbsd_sys_break(struct fbsd_thread *td, const struct fbsd_break_args *uap)
{
	/* FreeBSD/arm64 (and riscv) has no break(2): sys_break answers
	 * ENOSYS without a signal.  Other guests will call fbsd_kern_break. */
	return FBSD_ENOSYS;
}
