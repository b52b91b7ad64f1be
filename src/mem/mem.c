/* The guest address space: one host reservation plus the mapping table.
 *
 * Layout (guest addresses; guest_limit is 2^45 unless the host refused):
 *
 *   0 .. MEM_LOW_LIMIT (64 KiB)      never chosen by placement (NULL guard)
 *   program image, then the break    where the ELF asks (loader); brk grows up
 *   MEM_MMAP_BASE (4 GiB) ..         default mmap placement, first fit upward,
 *       mem_mmap_top                 from the hint if free (Go's 0xc000000000)
 *   mem_mmap_top .. guest_limit      MEM_STACK_AREA (4 GiB): main stack and
 *                                    shared page, placed by the loader
 *
 * MAP_32BIT placement searches [MEM_LOW_LIMIT, MEM_32BIT_TOP).
 *
 * The whole range is one PROT_NONE, MAP_NORESERVE host mapping made at
 * start-up.  It is never unmapped: freeing guest pages maps fresh PROT_NONE
 * NORESERVE memory over them, so no host allocation (malloc, thread stacks,
 * other libraries) can ever land inside the guest space.
 *
 * Host protection: guest protection minus PROT_EXEC, except that a guest
 * PROT_EXEC page is at least PROT_READ on the host, because the CPU fetches
 * guest instructions by reading through the host mapping.  (Consequence: an
 * execute-only guest page is readable by guest loads; FreeBSD/arm64 would
 * fault them.  Nothing real depends on that.) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "cpu/aarch64/cpu.h"
#include "log.h"
#include "mem/mem_int.h"

uint8_t *guest_base;
gaddr_t guest_limit;
gaddr_t mem_mmap_top;
gaddr_t mem_brk_base, mem_brk_cur;

#define RESERVE_FLAGS (MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE)

int mem_init(void)
{
	int shift;

	for (shift = 45; shift >= 36; shift--) {
		uint64_t size = 1ULL << shift;
		void *p = mmap(NULL, size, PROT_NONE, RESERVE_FLAGS, -1, 0);
		if (p != MAP_FAILED) {
			guest_base = p;
			guest_limit = size;
			mem_mmap_top = size - MEM_STACK_AREA;
			return 0;
		}
	}
	log_msg("cannot reserve the guest address space (64 GiB or more "
		"of virtual memory): %s", strerror(errno));
	return -1;
}

int mem_host_prot(int gprot)
{
	int p = 0;

	if (gprot & (GPROT_READ | GPROT_EXEC))
		p |= PROT_READ;
	if (gprot & GPROT_WRITE)
		p |= PROT_WRITE;
	return p;
}

static bool range_ok(gaddr_t addr, uint64_t len)
{
	return len > 0 && !(addr & GUEST_PAGE_MASK) && !(len & GUEST_PAGE_MASK) &&
	       guest_range_ok(addr, len);
}

/* Return host pages to the reserved state.  Cannot fail short of the host
 * running out of VMAs; then the old pages stay and we say so. */
static int host_release(gaddr_t addr, uint64_t len)
{
	if (mmap(g2h(addr), len, PROT_NONE, RESERVE_FLAGS | MAP_FIXED, -1, 0) ==
	    MAP_FAILED)
		return -errno;
	return 0;
}

int mem_map(gaddr_t addr, uint64_t len, int prot, int max_prot,
	    unsigned gflags, int hostfd, uint64_t offset)
{
	struct gmapping m = { .start = addr, .end = addr + len, .prot = prot,
			      .max_prot = max_prot, .flags = gflags };
	int hflags = MAP_FIXED, err = 0;
	bool had;

	if (!range_ok(addr, len))
		return -EINVAL;
	if (hostfd < 0) {
		m.flags |= GMAP_ANON;
		hflags |= MAP_ANONYMOUS | MAP_NORESERVE;
		offset = 0;
	} else {
		struct stat st;
		if (fstat(hostfd, &st) < 0)
			return -errno;
		m.flags &= ~GMAP_ANON;
		m.dev = st.st_dev;
		m.ino = st.st_ino;
		m.offset = offset;
	}
	hflags |= (m.flags & GMAP_SHARED) ? MAP_SHARED : MAP_PRIVATE;
	if (m.flags & GMAP_GUARD)
		m.prot = m.max_prot = GPROT_NONE;

	pthread_mutex_lock(&mem_lock);
	if (tab_reserve(&mem_tab, 3) < 0) {
		pthread_mutex_unlock(&mem_lock);
		return -ENOMEM;
	}
	had = !tab_free(&mem_tab, addr, addr + len);
	if (mmap(g2h(addr), len, mem_host_prot(m.prot), hflags, hostfd,
		 (off_t)offset) == MAP_FAILED) {
		err = -errno;
		/* A failed MAP_FIXED mmap may already have dropped the old
		 * pages (or our reservation): make the range consistently
		 * reserved and unmapped. */
		host_release(addr, len);
		tab_remove(&mem_tab, addr, addr + len);
	} else {
		tab_remove(&mem_tab, addr, addr + len);
		tab_insert(&mem_tab, &m);
	}
	pthread_mutex_unlock(&mem_lock);
	if (had)
		a64_invalidate(addr, len);
	return err;
}

int mem_map_fixed(gaddr_t addr, uint64_t len, int prot, unsigned gflags,
		  int hostfd, uint64_t offset)
{
	return mem_map(addr, len, prot, GPROT_READ | GPROT_WRITE | GPROT_EXEC,
		       gflags, hostfd, offset);
}

int mem_unmap(gaddr_t addr, uint64_t len)
{
	int err;

	if (!range_ok(addr, len))
		return -EINVAL;
	pthread_mutex_lock(&mem_lock);
	if (tab_free(&mem_tab, addr, addr + len)) {
		pthread_mutex_unlock(&mem_lock);
		return 0;
	}
	err = tab_reserve(&mem_tab, 2);
	if (!err)
		err = host_release(addr, len);
	if (!err)
		tab_remove(&mem_tab, addr, addr + len);
	pthread_mutex_unlock(&mem_lock);
	if (!err)
		a64_invalidate(addr, len);
	return err;
}

/* Set prot on every mapping inside [a, b) (already split at a and b),
 * skipping guards when SKIP_GUARD.  Host first, so a host refusal (e.g.
 * PROT_WRITE on a shared read-only file) leaves the table true. */
static int apply_prot(gaddr_t a, gaddr_t b, int prot, int max_prot, int how)
{
	size_t i = tab_find(&mem_tab, a);
	int err = 0;

	for (; i < mem_tab.n && mem_tab.v[i].start < b; i++) {
		struct gmapping *m = &mem_tab.v[i];
		int np = m->prot, nm = m->max_prot;

		if (m->flags & GMAP_GUARD)
			continue;
		if (how & MEM_PROT_SET_MAX) {
			nm = max_prot;
			np &= nm;
		}
		if (how & MEM_PROT_SET)
			np = prot;
		if (mprotect(g2h(m->start), m->end - m->start,
			     mem_host_prot(np)) < 0) {
			err = -errno;
			break;
		}
		m->prot = np;
		m->max_prot = nm;
	}
	tab_merge_range(&mem_tab, a, b);
	return err;
}

int mem_protect(gaddr_t addr, uint64_t len, int prot)
{
	int err;

	if (!range_ok(addr, len))
		return -EINVAL;
	pthread_mutex_lock(&mem_lock);
	if (!tab_covered(&mem_tab, addr, addr + len)) {
		pthread_mutex_unlock(&mem_lock);
		return -ENOMEM;
	}
	err = tab_reserve(&mem_tab, 2);
	if (!err) {
		tab_split(&mem_tab, addr);
		tab_split(&mem_tab, addr + len);
		err = apply_prot(addr, addr + len, prot, 0, MEM_PROT_SET);
	}
	pthread_mutex_unlock(&mem_lock);
	a64_invalidate(addr, len);
	return err;
}

int mem_protect_fbsd(gaddr_t addr, uint64_t len, int prot, int max_prot,
		     int how)
{
	gaddr_t end = addr + len;
	size_t i;
	int err;

	if (!range_ok(addr, len))
		return -EINVAL;
	pthread_mutex_lock(&mem_lock);
	/* First pass: permission check only, nothing changes on failure. */
	for (i = tab_find(&mem_tab, addr);
	     i < mem_tab.n && mem_tab.v[i].start < end; i++) {
		const struct gmapping *m = &mem_tab.v[i];
		int np = (how & MEM_PROT_SET) ? prot : m->prot;
		int nm = (how & MEM_PROT_SET_MAX) ? max_prot : m->max_prot;
		if (m->flags & GMAP_GUARD)
			continue;
		if ((np & m->max_prot) != np || (nm & m->max_prot) != nm) {
			pthread_mutex_unlock(&mem_lock);
			return -EACCES;
		}
	}
	err = tab_reserve(&mem_tab, 2);
	if (!err) {
		tab_split(&mem_tab, addr);
		tab_split(&mem_tab, end);
		err = apply_prot(addr, end, prot, max_prot, how);
	}
	pthread_mutex_unlock(&mem_lock);
	a64_invalidate(addr, len);
	return err;
}

static uint64_t align_up(uint64_t a, uint64_t align)
{
	return (a + align - 1) & ~(align - 1);
}

/* First fit in [lo, hi) starting at lo.  Lock held. */
static bool fit_from(gaddr_t lo, gaddr_t hi, uint64_t len, uint64_t align,
		     gaddr_t *out)
{
	size_t i = tab_find(&mem_tab, lo);
	gaddr_t cand = lo;

	for (;;) {
		gaddr_t gap_end = i < mem_tab.n ? mem_tab.v[i].start : hi;
		if (gap_end > hi)
			gap_end = hi;
		cand = align_up(cand, align);
		if (cand < lo || cand >= hi)  /* wrapped or beyond the window */
			return false;
		if (cand <= gap_end && gap_end - cand >= len) {
			*out = cand;
			return true;
		}
		if (i == mem_tab.n || mem_tab.v[i].end >= hi)
			return false;
		if (mem_tab.v[i].end > cand)
			cand = mem_tab.v[i].end;
		i++;
	}
}

int mem_find_free_in(gaddr_t lo, gaddr_t hi, gaddr_t hint, uint64_t len,
		     uint64_t align, gaddr_t *out)
{
	bool ok = false;

	if (align < GUEST_PAGE_SIZE)
		align = GUEST_PAGE_SIZE;
	if ((align & (align - 1)) || len == 0 || (len & GUEST_PAGE_MASK) ||
	    hi > guest_limit || lo >= hi || len > hi - lo)
		return -ENOMEM;
	pthread_mutex_lock(&mem_lock);
	if (hint > lo && hint < hi)
		ok = fit_from(hint & ~GUEST_PAGE_MASK, hi, len, align, out);
	if (!ok)
		ok = fit_from(lo, hi, len, align, out);
	pthread_mutex_unlock(&mem_lock);
	return ok ? 0 : -ENOMEM;
}

int mem_find_free(gaddr_t hint, uint64_t len, uint64_t align, gaddr_t *out)
{
	/* A free hint below the mmap area is taken as it is (FreeBSD honours
	 * hints below the text); one inside the break area moves up, as
	 * FreeBSD moves hints inside the data segment's reach. */
	if (hint >= MEM_LOW_LIMIT && hint < MEM_MMAP_BASE &&
	    (!mem_brk_base || hint < mem_brk_base)) {
		gaddr_t h = align_up(hint, align > GUEST_PAGE_SIZE ?
					   align : GUEST_PAGE_SIZE);
		if (h < MEM_MMAP_BASE && len <= MEM_MMAP_BASE - h &&
		    mem_range_free(h, len)) {
			*out = h;
			return 0;
		}
	}
	return mem_find_free_in(MEM_MMAP_BASE, mem_mmap_top, hint, len, align,
				out);
}

bool mem_range_free(gaddr_t addr, uint64_t len)
{
	bool r;

	if (!guest_range_ok(addr, len))
		return false;
	pthread_mutex_lock(&mem_lock);
	r = tab_free(&mem_tab, addr, addr + len);
	pthread_mutex_unlock(&mem_lock);
	return r;
}

bool mem_range_mapped(gaddr_t addr, uint64_t len)
{
	bool r;

	if (!guest_range_ok(addr, len))
		return false;
	pthread_mutex_lock(&mem_lock);
	r = tab_covered(&mem_tab, addr, addr + len);
	pthread_mutex_unlock(&mem_lock);
	return r;
}

bool mem_lookup(gaddr_t addr, struct gmapping *out)
{
	size_t i;
	bool r;

	pthread_mutex_lock(&mem_lock);
	i = tab_find(&mem_tab, addr);
	r = i < mem_tab.n && mem_tab.v[i].start <= addr;
	if (r)
		*out = mem_tab.v[i];
	pthread_mutex_unlock(&mem_lock);
	return r;
}

int mem_prot_at(gaddr_t addr)
{
	struct gmapping m;

	return mem_lookup(addr, &m) ? m.prot : -1;
}

int mem_foreach(int (*fn)(const struct gmapping *, void *), void *arg)
{
	struct gmapping *snap;
	size_t n, i;
	int r = 0;

	/* Iterate over a snapshot so FN may call back into mem_*. */
	pthread_mutex_lock(&mem_lock);
	n = mem_tab.n;
	snap = malloc((n ? n : 1) * sizeof(*snap));
	if (snap && n)
		memcpy(snap, mem_tab.v, n * sizeof(*snap));
	pthread_mutex_unlock(&mem_lock);
	if (!snap)
		return -ENOMEM;
	for (i = 0; i < n && !r; i++)
		r = fn(&snap[i], arg);
	free(snap);
	return r;
}
