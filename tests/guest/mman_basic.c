/* mmap, munmap, mprotect, madvise, minherit, mincore, msync, mlock*,
 * break: success and error paths, with FreeBSD's answers (sys/vm/vm_mmap.c,
 * vm_map.c, vm_unix.c). */
#include "t.h"

#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define PROT_MAX(p) ((p) << 16)
#define MAP_SHARED 0x1
#define MAP_PRIVATE 0x2
#define MAP_FIXED 0x10
#define MAP_STACK 0x400
#define MAP_NOSYNC 0x800
#define MAP_ANON 0x1000
#define MAP_GUARD 0x2000
#define MAP_EXCL 0x4000
#define MAP_NOCORE 0x20000
#define MAP_PREFAULT_READ 0x40000
#define MAP_32BIT 0x80000
#define MAP_ALIGNED(n) ((n) << 24)
#define MAP_ALIGNED_SUPER MAP_ALIGNED(1)
#define MADV_DONTNEED 4
#define MADV_FREE 5
#define MADV_WILLNEED 3
#define MADV_NOCORE 8
#define MS_SYNC 0
#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define AT_FDCWD -100
#define O_RDONLY 0
#define O_RDWR 2
#define O_CREAT 0x200
#define O_TRUNC 0x400
#define PG 4096L

static long mmap_(long addr, long len, int prot, int flags, int fd, long off)
{
	return sys(FBSD_SYS_mmap, addr, len, prot, flags, fd, off);
}

static long anon(long len, int prot)
{
	return mmap_(0, len, prot, MAP_ANON | MAP_PRIVATE, -1, 0);
}

static int is_err(long r)
{
	return r < 0 && r > -4096;
}

static void test_anon(void)
{
	long a = anon(4 * PG, PROT_READ | PROT_WRITE), b;
	char *p = (char *)a;

	CHECK(!is_err(a));
	CHECK_EQ(a & (PG - 1), 0);
	CHECK_EQ(p[0], 0);
	CHECK_EQ(p[4 * PG - 1], 0);
	memset(p, 0x11, 4 * PG);
	/* hint: taken when free */
	b = mmap_(a + 16 * PG, PG, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0);
	CHECK_EQ(b, a + 16 * PG);
	CHECK_EQ(sys(FBSD_SYS_munmap, b, PG), 0);
	/* MAP_FIXED over an existing mapping replaces it with zeroes */
	b = mmap_(a + PG, PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0);
	CHECK_EQ(b, a + PG);
	CHECK_EQ(p[PG], 0);
	CHECK_EQ(p[PG - 1], 0x11);
	CHECK_EQ(p[2 * PG], 0x11);
	/* MAP_EXCL over a used range: ENOMEM (KERN_NO_SPACE) */
	CHECK_ERR(mmap_(a, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_FIXED | MAP_EXCL, -1, 0),
		  FBSD_ENOMEM);
	CHECK_EQ(p[0], 0x11);
	/* MAP_EXCL without MAP_FIXED */
	CHECK_ERR(mmap_(0, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_EXCL, -1, 0), FBSD_EINVAL);
	/* unmap the middle, map it back with MAP_EXCL */
	CHECK_EQ(sys(FBSD_SYS_munmap, a + PG, 2 * PG), 0);
	b = mmap_(a + PG, 2 * PG, PROT_READ | PROT_WRITE,
		  MAP_ANON | MAP_PRIVATE | MAP_FIXED | MAP_EXCL, -1, 0);
	CHECK_EQ(b, a + PG);
	CHECK_EQ(p[2 * PG], 0);
	/* unaligned address: truncated, like FreeBSD */
	CHECK_EQ(sys(FBSD_SYS_munmap, a + 5, 4 * PG - 5), 0);
	CHECK_ERR(sys(FBSD_SYS_munmap, a, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_munmap, -PG, 2 * PG), FBSD_EINVAL);
	/* unmapping nothing is fine */
	CHECK_EQ(sys(FBSD_SYS_munmap, a, PG), 0);
	/* mincore on the unmapped range */
	{
		char v[4];
		CHECK_ERR(sys(FBSD_SYS_mincore, a, PG, v), FBSD_ENOMEM);
	}
}

static void test_bad_args(void)
{
	CHECK_ERR(anon(0, PROT_READ), FBSD_EINVAL);
	CHECK_ERR(mmap_(0, PG, PROT_READ, MAP_ANON | MAP_PRIVATE, 3, 0), FBSD_EINVAL);
	CHECK_ERR(mmap_(0, PG, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, PG), FBSD_EINVAL);
	CHECK_ERR(mmap_(0, PG, PROT_READ, MAP_ANON | MAP_SHARED | MAP_PRIVATE, -1, 0),
		  FBSD_EINVAL);
	CHECK_ERR(mmap_(0, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | 0x100000, -1, 0),
		  FBSD_EINVAL);
	CHECK_ERR(mmap_(0, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | 0x8, -1, 0), FBSD_EINVAL);
	CHECK_ERR(mmap_(0, PG, 0x8, MAP_ANON | MAP_PRIVATE, -1, 0), FBSD_EINVAL);
	CHECK_ERR(mmap_(0, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_ALIGNED(11), -1, 0),
		  FBSD_EINVAL);
	CHECK_ERR(mmap_(0, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_ALIGNED(64), -1, 0),
		  FBSD_EINVAL);
	CHECK_ERR(mmap_(PG + 8, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0),
		  FBSD_EINVAL);
	/* a file mapping of a bad descriptor */
	CHECK_ERR(mmap_(0, PG, PROT_READ, MAP_PRIVATE, 999, 0), FBSD_EBADF);
	/* MAP_STACK needs read and write */
	CHECK_ERR(mmap_(0, 4 * PG, PROT_READ, MAP_STACK | MAP_PRIVATE, -1, 0), FBSD_EINVAL);
	/* accepted hints */
	{
		long a = mmap_(0, PG, PROT_READ | PROT_WRITE,
			       MAP_ANON | MAP_PRIVATE | MAP_NOSYNC | MAP_NOCORE |
			       MAP_PREFAULT_READ | 0x200 /* MAP_HASSEMAPHORE */, -1, 0);
		CHECK(!is_err(a));
		sys(FBSD_SYS_munmap, a, PG);
		/* neither SHARED nor PRIVATE: anonymous memory is private */
		a = mmap_(0, PG, PROT_READ | PROT_WRITE, MAP_ANON, -1, 0);
		CHECK(!is_err(a));
		sys(FBSD_SYS_munmap, a, PG);
	}
}

static void test_placement(void)
{
	long a = mmap_(0, 3 * PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_ALIGNED(21), -1, 0);
	CHECK(!is_err(a));
	CHECK_EQ(a & ((1L << 21) - 1), 0);
	sys(FBSD_SYS_munmap, a, 3 * PG);
	a = mmap_(0, 4L << 20, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_ALIGNED_SUPER, -1, 0);
	CHECK(!is_err(a));
	CHECK_EQ(a & ((2L << 20) - 1), 0);
	sys(FBSD_SYS_munmap, a, 4L << 20);
	a = mmap_(0, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_32BIT, -1, 0);
	CHECK(!is_err(a));
	CHECK(a + PG <= 0x80000000L);
	sys(FBSD_SYS_munmap, a, PG);
	CHECK_ERR(mmap_(0x7ffff000L, 2 * PG, PROT_READ,
			MAP_ANON | MAP_PRIVATE | MAP_32BIT | MAP_FIXED, -1, 0), FBSD_EINVAL);
	/* Go's heap hint */
	a = mmap_(0xc000000000L, 64 * PG, PROT_NONE, MAP_ANON | MAP_PRIVATE, -1, 0);
	CHECK_EQ(a, 0xc000000000L);
	sys(FBSD_SYS_munmap, a, 64 * PG);
}

static void test_guard(int fd)
{
	long a = mmap_(0, 4 * PG, PROT_NONE, MAP_GUARD, -1, 0), b;

	CHECK(!is_err(a));
	/* FreeBSD skips guards in mprotect: success, still inaccessible */
	CHECK_EQ(sys(FBSD_SYS_mprotect, a, PG, PROT_READ), 0);
	CHECK_ERR(sys(FBSD_SYS_write, fd, a, 1), FBSD_EFAULT);
	/* guards may be replaced with MAP_FIXED, not with MAP_EXCL */
	CHECK_ERR(mmap_(a, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_FIXED | MAP_EXCL, -1, 0),
		  FBSD_ENOMEM);
	b = mmap_(a, PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0);
	CHECK_EQ(b, a);
	*(volatile char *)b = 1;
	CHECK_EQ(sys(FBSD_SYS_munmap, a, 4 * PG), 0);
	CHECK_ERR(mmap_(0, PG, PROT_READ, MAP_GUARD, -1, 0), FBSD_EINVAL);
	CHECK_ERR(mmap_(0, PG, PROT_NONE, MAP_GUARD | MAP_PRIVATE, -1, 0), FBSD_EINVAL);
	CHECK_ERR(mmap_(0, PG, PROT_NONE, MAP_GUARD, 3, 0), FBSD_EINVAL);
}

static void test_protect(void)
{
	long a = anon(4 * PG, PROT_READ | PROT_WRITE);
	char *p = (char *)a;

	p[0] = 7;
	CHECK_EQ(sys(FBSD_SYS_mprotect, a, PG, PROT_READ), 0);
	CHECK_EQ(p[0], 7);
	CHECK_EQ(sys(FBSD_SYS_mprotect, a, PG, PROT_READ | PROT_WRITE), 0);
	p[0] = 8;
	/* holes are skipped */
	CHECK_EQ(sys(FBSD_SYS_munmap, a + 2 * PG, PG), 0);
	CHECK_EQ(sys(FBSD_SYS_mprotect, a, 4 * PG, PROT_READ | PROT_WRITE), 0);
	CHECK_ERR(sys(FBSD_SYS_mprotect, a, PG, 0x10), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_mprotect, a, PG, PROT_WRITE | PROT_MAX(PROT_READ)), FBSD_ENOTSUP);
	/* the kernel must refuse to write into a read-only page */
	CHECK_EQ(sys(FBSD_SYS_mprotect, a, PG, PROT_READ), 0);
	CHECK_ERR(sys(FBSD_SYS_pipe2, a, 0), FBSD_EFAULT);
	sys(FBSD_SYS_munmap, a, 4 * PG);

	/* PROT_MAX */
	a = mmap_(0, 2 * PG, PROT_READ | PROT_MAX(PROT_READ | PROT_WRITE), MAP_ANON | MAP_PRIVATE,
		  -1, 0);
	CHECK(!is_err(a));
	CHECK_EQ(sys(FBSD_SYS_mprotect, a, PG, PROT_READ | PROT_WRITE), 0);
	*(volatile char *)a = 1;
	CHECK_ERR(sys(FBSD_SYS_mprotect, a, PG, PROT_EXEC), FBSD_EACCES);
	CHECK_ERR(sys(FBSD_SYS_mprotect, a, 2 * PG, PROT_READ | PROT_EXEC), FBSD_EACCES);
	/* lowering the maximum with mprotect(PROT_MAX) */
	CHECK_EQ(sys(FBSD_SYS_mprotect, a, PG, PROT_READ | PROT_MAX(PROT_READ)), 0);
	CHECK_ERR(sys(FBSD_SYS_mprotect, a, PG, PROT_READ | PROT_WRITE), FBSD_EACCES);
	sys(FBSD_SYS_munmap, a, 2 * PG);
	CHECK_ERR(mmap_(0, PG, PROT_WRITE | PROT_MAX(PROT_READ), MAP_ANON | MAP_PRIVATE, -1, 0),
		  FBSD_ENOTSUP);
}

static void test_file(void)
{
	const char *path = "/tmp/bsdemu_mman_test.dat";
	char buf[2 * 4096];
	long fd, a, r;
	char *p;

	fd = sys(FBSD_SYS_openat, AT_FDCWD, path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	memset(buf, 'A', PG);
	memset(buf + PG, 'B', PG);
	CHECK_EQ(sys(FBSD_SYS_write, fd, buf, 2 * PG), 2 * PG);

	a = mmap_(0, 2 * PG, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(!is_err(a));
	p = (char *)a;
	CHECK_EQ(p[0], 'A');
	CHECK_EQ(p[PG], 'B');
	sys(FBSD_SYS_munmap, a, 2 * PG);

	/* unaligned offset: the result keeps the page offset */
	a = mmap_(0, 10, PROT_READ, MAP_PRIVATE, fd, PG + 3);
	CHECK(!is_err(a));
	CHECK_EQ(a & (PG - 1), 3);
	CHECK_EQ(*(char *)a, 'B');
	sys(FBSD_SYS_munmap, a, 10);

	/* shared mapping writes reach the file, msync */
	a = mmap_(0, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(!is_err(a));
	p = (char *)a;
	p[5] = 'Z';
	CHECK_EQ(sys(FBSD_SYS_msync, a, 2 * PG, MS_SYNC), 0);
	CHECK_EQ(sys(FBSD_SYS_msync, a, PG, MS_ASYNC), 0);
	CHECK_EQ(sys(FBSD_SYS_msync, a, PG, MS_INVALIDATE), 0);
	CHECK_EQ(sys(FBSD_SYS_msync, a, 0, MS_SYNC), 0);
	CHECK_ERR(sys(FBSD_SYS_msync, a, PG, MS_ASYNC | MS_INVALIDATE), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_msync, a, PG, 0x40), FBSD_EINVAL);
	r = sys(FBSD_SYS_pread, fd, buf, 8, 0);
	CHECK_EQ(r, 8);
	CHECK_EQ(buf[5], 'Z');
	sys(FBSD_SYS_munmap, a, 2 * PG);
	CHECK_ERR(sys(FBSD_SYS_msync, a, PG, MS_SYNC), FBSD_ENOMEM);
	/* private mapping writes do not */
	a = mmap_(0, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(!is_err(a));
	((char *)a)[6] = 'Q';
	sys(FBSD_SYS_pread, fd, buf, 8, 0);
	CHECK_EQ(buf[6], 'A');
	sys(FBSD_SYS_munmap, a, PG);
	/* a file mapping needs SHARED or PRIVATE */
	CHECK_ERR(mmap_(0, PG, PROT_READ, 0, fd, 0), FBSD_EINVAL);
	sys(FBSD_SYS_close, fd);

	/* read-only descriptor: shared write refused, private write fine */
	fd = sys(FBSD_SYS_openat, AT_FDCWD, path, O_RDONLY, 0);
	CHECK(fd >= 0);
	CHECK_ERR(mmap_(0, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), FBSD_EACCES);
	a = mmap_(0, PG, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(!is_err(a));
	CHECK_ERR(sys(FBSD_SYS_mprotect, a, PG, PROT_READ | PROT_WRITE), FBSD_EACCES);
	sys(FBSD_SYS_munmap, a, PG);
	a = mmap_(0, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(!is_err(a));
	sys(FBSD_SYS_munmap, a, PG);
	sys(FBSD_SYS_close, fd);
	sys(FBSD_SYS_unlinkat, AT_FDCWD, path, 0);
}

static void test_advice(void)
{
	long a = anon(8 * PG, PROT_READ | PROT_WRITE);
	char v[8];
	char *p = (char *)a;
	int i;

	memset(p, 0x42, 2 * PG);
	CHECK_EQ(sys(FBSD_SYS_mincore, a, 8 * PG, v), 0);
	CHECK_EQ(v[0] & 1, 1);
	CHECK_EQ(v[1] & 1, 1);
	CHECK_ERR(sys(FBSD_SYS_mincore, a, 8 * PG, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_mincore, a, 9 * PG, v), FBSD_ENOMEM);
	/* MADV_DONTNEED is a hint on FreeBSD: the data stays */
	CHECK_EQ(sys(FBSD_SYS_madvise, a, 2 * PG, MADV_DONTNEED), 0);
	for (i = 0; i < 2 * PG; i += 512)
		CHECK_EQ(p[i], 0x42);
	CHECK_EQ(sys(FBSD_SYS_madvise, a, 2 * PG, MADV_WILLNEED), 0);
	CHECK_EQ(sys(FBSD_SYS_madvise, a, 2 * PG, MADV_NOCORE), 0);
	CHECK_EQ(sys(FBSD_SYS_madvise, a, 8 * PG, MADV_FREE), 0);
	CHECK_ERR(sys(FBSD_SYS_madvise, a, PG, 99), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_madvise, a, PG, -1), FBSD_EINVAL);
	/* minherit */
	CHECK_EQ(sys(FBSD_SYS_minherit, a, PG, 1), 0);
	CHECK_EQ(sys(FBSD_SYS_minherit, a, PG, 2), 0);
	CHECK_EQ(sys(FBSD_SYS_minherit, a, PG, 3), 0);
	CHECK_EQ(sys(FBSD_SYS_minherit, a, PG, 1), 0);
	CHECK_ERR(sys(FBSD_SYS_minherit, a, PG, 4), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_minherit, a, PG, -1), FBSD_EINVAL);
	/* mlock: may be refused by the limit, never EINVAL */
	{
		long r = sys(FBSD_SYS_mlock, a, PG);
		CHECK(r == 0 || r == -FBSD_ENOMEM || r == -FBSD_EPERM || r == -FBSD_EAGAIN);
		if (r == 0)
			CHECK_EQ(sys(FBSD_SYS_munlock, a, PG), 0);
	}
	CHECK_ERR(sys(FBSD_SYS_mlockall, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_mlockall, 4), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_munlockall), 0);
	sys(FBSD_SYS_munmap, a, 8 * PG);
	CHECK_ERR(sys(FBSD_SYS_mlock, a, PG), FBSD_ENOMEM);
}

static void test_large(void)
{
	long len = 1L << 30, a = anon(len, PROT_READ | PROT_WRITE), off;

	CHECK(!is_err(a));
	if (is_err(a))
		return;
	for (off = 0; off < len; off += 64L << 20)
		((volatile char *)a)[off] = (char)(off >> 20);
	for (off = 0; off < len; off += 64L << 20)
		CHECK_EQ(((volatile char *)a)[off], (char)(off >> 20));
	CHECK_EQ(sys(FBSD_SYS_munmap, a, len), 0);
}

static void test_stack(void)
{
	long a = mmap_(0, 16 * PG, PROT_READ | PROT_WRITE, MAP_STACK, -1, 0);
	char v[16];

	CHECK(!is_err(a));
	((volatile char *)a)[16 * PG - 1] = 1;
	((volatile char *)a)[PG] = 1;
	CHECK_EQ(sys(FBSD_SYS_mincore, a, 16 * PG, v), 0);
	sys(FBSD_SYS_munmap, a, 16 * PG);
	CHECK_ERR(mmap_(0, PG, PROT_READ | PROT_WRITE, MAP_STACK, -1, 0), FBSD_EINVAL);
}

int main(int argc, char **argv, char **envp)
{
	int fds[2] = { -1, -1 };

	/* a pipe reads the buffer it is given (/dev/null would not) */
	CHECK_EQ(sys(FBSD_SYS_pipe2, fds, 0), 0);

	test_anon();
	test_bad_args();
	test_placement();
	test_guard(fds[1]);
	test_protect();
	test_file();
	test_advice();
	test_large();
	test_stack();
	/* break(2) does not exist on FreeBSD/arm64 */
	CHECK_ERR(sys(FBSD_SYS_break, 0), FBSD_ENOSYS);
	t_printf("mman_basic: %d failures\n", t_failures);
	return 0;
}
