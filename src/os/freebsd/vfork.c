/* vfork and rfork(RFSPAWN): the child's memory writes reach the parent.
 *
 * FreeBSD lends the parent's memory to a vfork child and suspends the
 * parent until the child execs or exits; libc's posix_spawn() relies on
 * it (the child stores the exec error where the parent reads it).  A
 * bsdemu child is a host fork, a copy, so it sends back what it wrote
 * instead: after the fork it clears the kernel's soft-dirty page bits
 * (/proc/self/clear_refs), and just before it execs, and again when it
 * exits, it writes every soft-dirty page of the guest's private writable
 * mappings down the pipe the parent is already waiting on (fork.c).  The
 * parent, still suspended, copies each page into its own memory before it
 * runs again, so it finds what a FreeBSD parent would find.
 *
 * Which pages.  With the kernel's soft-dirty tracking, exactly the pages
 * the child wrote.  A kernel without it (the probe below finds out) still
 * tells which pages are mapped by the child alone (pagemap's exclusive
 * bit): after a fork every page is shared until one side writes it, and
 * the parent is suspended, so those are the child's writes, provided the
 * parent has no other thread that could have written meanwhile.  With
 * other threads and no soft-dirty tracking, only the stack around the
 * point of the fork goes back (the vforking thread's own, where
 * posix_spawn() keeps its error), so nothing another thread wrote is
 * reverted.
 *
 * Limits: whole pages travel, so a write that another parent thread makes
 * during the child's short life to a page the child also wrote is lost;
 * mappings the child creates or removes stay its own. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem/mem.h"
#include "os/freebsd/hostfd.h"
#include "os/freebsd/process.h"

#define PG 4096ull
#define PM_SOFT_DIRTY (1ull << 55)
#define PM_EXCLUSIVE (1ull << 56)
#define PM_PRESENT (1ull << 63)
#define PM_SWAPPED (1ull << 62)
/* the stack window sent back without soft-dirty tracking */
#define STACK_BELOW (256 * 1024ull)
#define STACK_ABOVE (256 * 1024ull)

struct rec {
	uint64_t addr, len;
};

enum { BY_STACK, BY_EXCLUSIVE, BY_SOFT_DIRTY };

static int back_fd = -1;        /* the child's end of the parent's pipe */
static int mode;                /* how the child's pages are found */
static uint64_t pick_bit;       /* the pagemap bit that marks them */
static gaddr_t fork_sp;

static int clear_soft_dirty(void)
{
	int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
	int ok;

	if (fd < 0)
		return 0;
	ok = write(fd, "4", 1) == 1;
	close(fd);
	return ok;
}

/* All N bytes through FD (OUT: write, else read), or -1. */
static int io_all(int fd, void *p, size_t n, int out)
{
	char *c = p;

	while (n > 0) {
		ssize_t r = out ? write(fd, c, n) : read(fd, c, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

static int write_all(const void *p, size_t n)
{
	return io_all(back_fd, (void *)(uintptr_t)p, n, 1);
}

/* One record: [addr, addr+len) of guest memory, as it is now. */
static int send_range(gaddr_t addr, uint64_t len)
{
	while (len > 0) {
		/* at most 1 MiB per record: the parent's buffer stays small */
		struct rec r = { addr, len < (1u << 20) ? len : (1u << 20) };

		if (write_all(&r, sizeof(r)) || write_all(g2h(addr), r.len))
			return -1;
		addr += r.len;
		len -= r.len;
	}
	return 0;
}

/* Soft-dirty bits work: clear them, write a page, and look. */
static int soft_dirty_works(void)
{
	static _Alignas(4096) volatile char probe[4096];
	uint64_t e = 0;
	int pm;

	if (!clear_soft_dirty())
		return 0;
	probe[0]++;
	pm = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (pm < 0)
		return 0;
	if (pread(pm, &e, 8, (off_t)((uintptr_t)probe / PG * 8)) != 8)
		e = 0;
	close(pm);
	return (e & PM_SOFT_DIRTY) && clear_soft_dirty();
}

/* The child's pages of [start, end) (pick_bit set, present or swapped),
 * runs of them as one record each. */
static int send_dirty(int pm, gaddr_t start, gaddr_t end)
{
	uint64_t ent[512];
	gaddr_t run = 0, a = start;
	uint64_t runlen = 0;

	while (a < end) {
		size_t n = (size_t)((end - a) / PG);
		uint64_t hpage = (uint64_t)(uintptr_t)g2h(a) / PG;
		ssize_t got;

		if (n > 512)
			n = 512;
		got = pread(pm, ent, n * 8, (off_t)(hpage * 8));
		if (got <= 0)
			return -1;
		n = (size_t)got / 8;
		for (size_t i = 0; i < n; i++, a += PG) {
			int dirty = (ent[i] & pick_bit) && (ent[i] & (PM_PRESENT | PM_SWAPPED));

			if (dirty && runlen && run + runlen == a) {
				runlen += PG;
				continue;
			}
			if (runlen && send_range(run, runlen))
				return -1;
			runlen = dirty ? PG : 0;
			run = a;
		}
	}
	return runlen ? send_range(run, runlen) : 0;
}

struct walk {
	int pm;
	int err;
};

static int walk_one(const struct gmapping *m, void *arg)
{
	struct walk *w = arg;

	if (!(m->prot & GPROT_WRITE) || (m->flags & (GMAP_SHARED | GMAP_GUARD | GMAP_SYSTEM)))
		return 0;
	if (w->pm >= 0) {
		w->err = send_dirty(w->pm, m->start, m->end);
	} else if (fork_sp >= m->start && fork_sp < m->end) {
		gaddr_t lo = (fork_sp & ~(PG - 1)) - STACK_BELOW;
		gaddr_t hi = ((fork_sp + PG - 1) & ~(PG - 1)) + STACK_ABOVE;

		if (lo < m->start || lo > fork_sp)
			lo = m->start;
		if (hi > m->end)
			hi = m->end;
		w->err = send_range(lo, hi - lo);
	}
	return w->err;
}

void fbsd_vfork_child_begin(int fd, uint64_t sp, int parent_threads)
{
	back_fd = fd;
	fork_sp = sp;
	if (soft_dirty_works()) {
		mode = BY_SOFT_DIRTY;
		pick_bit = PM_SOFT_DIRTY;
	} else if (parent_threads <= 1) {
		mode = BY_EXCLUSIVE;
		pick_bit = PM_EXCLUSIVE;
	} else {
		mode = BY_STACK;
	}
}

void fbsd_vfork_writeback(void)
{
	struct walk w = { -1, 0 };

	if (back_fd < 0)
		return;
	if (mode != BY_STACK)
		w.pm = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	mem_foreach(walk_one, &w);
	if (w.pm >= 0)
		close(w.pm);
	/* what went back is the parent's now: only later writes follow (the
	 * exclusive bit cannot be reset: those pages simply go again) */
	if (mode == BY_SOFT_DIRTY)
		clear_soft_dirty();
}

static int read_all(int fd, void *p, size_t n)
{
	return io_all(fd, p, n, 0);
}

void fbsd_vfork_parent_wait(int rfd)
{
	struct rec r;
	char *buf = NULL;
	size_t cap = 0;
	char c;

	/* Not interruptible, like FreeBSD's wait for P_PPWAIT to clear:
	 * signals stay pending until the parent runs again. */
	while (read_all(rfd, &r, sizeof(r)) == 0) {
		if (r.len > cap) {
			char *nb = realloc(buf, r.len);

			if (!nb)
				break;
			buf = nb;
			cap = r.len;
		}
		if (read_all(rfd, buf, r.len))
			break;
		/* a page the parent no longer has, or not writable: dropped */
		(void)copy_to_guest(r.addr, buf, r.len);
	}
	free(buf);
	for (;;) {
		ssize_t n = read(rfd, &c, 1);

		if (n > 0 || (n < 0 && errno == EINTR))
			continue;
		break;
	}
	fbsd_hostfd_close(rfd);
}
