/* Copies between bsdemu and guest memory that never fault.
 *
 * process_vm_readv/writev on our own pid let the host kernel do the access
 * check: an unmapped, PROT_NONE or (for writes) read-only guest page makes
 * the call stop short or fail with EFAULT instead of raising SIGSEGV in
 * bsdemu.  Where those calls are unavailable (seccomp: ENOSYS/EPERM), the
 * mapping table is checked under the lock and memcpy does the copy. */
#include <errno.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "mem/mem_int.h"

static atomic_int use_fallback; /* process_vm_* refused once */
static pid_t self_pid;

void copy_force_fallback(int on)
{
	atomic_store(&use_fallback, on);
}

static pthread_mutex_t vm_lock = PTHREAD_MUTEX_INITIALIZER;

void mem_vm_lock(void)
{
	pthread_mutex_lock(&vm_lock);
}

void mem_vm_unlock(void)
{
	pthread_mutex_unlock(&vm_lock);
}

/* fork(): both locks are held across it, so the child gets a consistent
 * table; the child must also stop naming its parent to process_vm_*. */
void mem_fork_prepare(void)
{
	pthread_mutex_lock(&vm_lock);
	pthread_mutex_lock(&mem_lock);
}

void mem_fork_parent(void)
{
	pthread_mutex_unlock(&mem_lock);
	pthread_mutex_unlock(&vm_lock);
}

void mem_fork_child(void)
{
	pthread_mutex_init(&mem_lock, NULL);
	pthread_mutex_init(&vm_lock, NULL);
	self_pid = 0;
}

/* Every page of [a, a+n) is mapped with NEED in its guest protection.
 * Lock held. */
static bool tab_allows(gaddr_t a, size_t n, int need)
{
	gaddr_t end = a + n;
	size_t i = tab_find(&mem_tab, a);

	while (a < end) {
		const struct gmapping *m;
		if (i == mem_tab.n || mem_tab.v[i].start > a)
			return false;
		m = &mem_tab.v[i++];
		if ((m->prot & need) != need || (m->flags & GMAP_GUARD))
			return false;
		a = m->end;
	}
	return true;
}

static int fallback_copy(void *dst, const void *src, gaddr_t g, size_t n,
			 int need)
{
	int r = -1;

	pthread_mutex_lock(&mem_lock);
	if (tab_allows(g, n, need)) {
		memcpy(dst, src, n);
		r = 0;
	}
	pthread_mutex_unlock(&mem_lock);
	return r;
}

/* 1 = done, 0 = fault, -1 = the syscall is unavailable. */
static int vm_rw(void *local, gaddr_t g, size_t n, bool write)
{
	struct iovec l = { local, n }, r = { g2h(g), n };
	ssize_t got;

	if (!self_pid)
		self_pid = getpid();
	got = write ? process_vm_writev(self_pid, &l, 1, &r, 1, 0)
		    : process_vm_readv(self_pid, &l, 1, &r, 1, 0);
	if (got == (ssize_t)n)
		return 1;
	if (got < 0 && (errno == ENOSYS || errno == EPERM)) {
		atomic_store(&use_fallback, 1);
		return -1;
	}
	return 0;
}

int copy_from_guest(void *dst, gaddr_t src, size_t n)
{
	int r;

	if (n == 0)
		return 0;
	if (!guest_range_ok(src, n))
		return -1;
	if (!atomic_load_explicit(&use_fallback, memory_order_relaxed)) {
		r = vm_rw(dst, src, n, false);
		if (r >= 0)
			return r ? 0 : -1;
	}
	return fallback_copy(dst, g2h(src), src, n, GPROT_READ);
}

int copy_to_guest(gaddr_t dst, const void *src, size_t n)
{
	int r;

	if (n == 0)
		return 0;
	if (!guest_range_ok(dst, n))
		return -1;
	if (!atomic_load_explicit(&use_fallback, memory_order_relaxed)) {
		r = vm_rw((void *)src, dst, n, true);
		if (r >= 0)
			return r ? 0 : -1;
	}
	return fallback_copy(g2h(dst), src, dst, n, GPROT_WRITE);
}

long copy_str_from_guest(char *dst, gaddr_t src, size_t cap)
{
	size_t done = 0;

	while (done < cap) {
		gaddr_t a = src + done;
		size_t chunk = GUEST_PAGE_SIZE - (a & GUEST_PAGE_MASK);
		char *nul;

		if (chunk > cap - done)
			chunk = cap - done;
		if (copy_from_guest(dst + done, a, chunk) < 0)
			return -1;
		nul = memchr(dst + done, 0, chunk);
		if (nul)
			return nul - dst;
		done += chunk;
	}
	if (cap)
		dst[cap - 1] = 0;
	return -2;
}
