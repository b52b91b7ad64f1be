/* read, write, readv, writev, pread, pwrite, preadv, pwritev, lseek, close,
 * dup, dup2, pipe2, fsync, fdatasync: success and error paths. */
#include "t.h"
#include "os/freebsd/fbsd_types.h"

#define AT_FDCWD (-100)
#define O_RDONLY 0x0
#define O_WRONLY 0x1
#define O_RDWR 0x2
#define O_NONBLOCK 0x4
#define O_CREAT 0x200
#define O_TRUNC 0x400
#define O_CLOEXEC 0x100000
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3
#define SEEK_HOLE 4
#define F_GETFD 1
#define F_GETFL 3

static const long BAD = 8;                       /* an unmapped page */
static const long KBAD = (long)0xffff000000000000UL; /* outside the space */

int main(int argc, char **argv, char **envp)
{
	char buf[64];
	long fd, r;

	fd = sys(FBSD_SYS_openat, AT_FDCWD, "io.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);

	/* write / read round trip */
	CHECK_EQ(sys(FBSD_SYS_write, fd, "hello world", 11), 11);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_CUR), 11);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_SET), 0);
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(sys(FBSD_SYS_read, fd, buf, sizeof(buf)), 11);
	CHECK(memcmp(buf, "hello world", 11) == 0);
	CHECK_EQ(sys(FBSD_SYS_read, fd, buf, sizeof(buf)), 0); /* EOF */
	CHECK_EQ(sys(FBSD_SYS_write, fd, buf, 0), 0);

	/* EFAULT: an unmapped buffer and one outside the address space */
	CHECK_ERR(sys(FBSD_SYS_write, fd, BAD, 4), FBSD_EFAULT);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_SET), 0);
	CHECK_ERR(sys(FBSD_SYS_read, fd, BAD, 4), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_read, fd, KBAD, 4), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_pread, fd, KBAD, 4, 0), FBSD_EFAULT);
	/* nbyte beyond SSIZE_MAX is EINVAL */
	CHECK_ERR(sys(FBSD_SYS_read, fd, buf, -1L), FBSD_EINVAL);

	/* pread / pwrite do not move the offset */
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 3, SEEK_SET), 3);
	CHECK_EQ(sys(FBSD_SYS_pwrite, fd, "XY", 2, 6), 2);
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(sys(FBSD_SYS_pread, fd, buf, 5, 4), 5);
	CHECK(memcmp(buf, "o XYr", 5) == 0);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_CUR), 3);
	CHECK_ERR(sys(FBSD_SYS_pread, fd, buf, 1, -1), FBSD_EINVAL);

	/* writev / readv */
	{
		struct fbsd_iovec iov[3];
		char a[4], b[8];

		iov[0].iov_base = (uint64_t)(uintptr_t)"abc";
		iov[0].iov_len = 3;
		iov[1].iov_base = 0;          /* empty entry: base ignored */
		iov[1].iov_len = 0;
		iov[2].iov_base = (uint64_t)(uintptr_t)"defgh";
		iov[2].iov_len = 5;
		CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_SET), 0);
		CHECK_EQ(sys(FBSD_SYS_writev, fd, iov, 3), 8);
		CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_SET), 0);
		iov[0].iov_base = (uint64_t)(uintptr_t)a;
		iov[0].iov_len = 2;
		iov[2].iov_base = (uint64_t)(uintptr_t)b;
		iov[2].iov_len = 6;
		CHECK_EQ(sys(FBSD_SYS_readv, fd, iov, 3), 8);
		CHECK(memcmp(a, "ab", 2) == 0);
		CHECK(memcmp(b, "cdefgh", 6) == 0);

		/* pwritev / preadv at an offset */
		iov[0].iov_base = (uint64_t)(uintptr_t)"PQ";
		iov[0].iov_len = 2;
		CHECK_EQ(sys(FBSD_SYS_pwritev, fd, iov, 1, 20), 2);
		iov[0].iov_base = (uint64_t)(uintptr_t)a;
		iov[0].iov_len = 4;
		memset(a, 0, 4);
		CHECK_EQ(sys(FBSD_SYS_preadv, fd, iov, 1, 19), 3);
		CHECK_EQ(a[0], 0);     /* the hole between 11 and 20 reads zero */
		CHECK(memcmp(a + 1, "PQ", 2) == 0);

		/* errors: too many entries, bad array, bad buffer, huge total */
		CHECK_ERR(sys(FBSD_SYS_readv, fd, iov, 1025), FBSD_EINVAL);
		CHECK_ERR(sys(FBSD_SYS_writev, fd, BAD, 1), FBSD_EFAULT);
		iov[0].iov_base = KBAD;
		iov[0].iov_len = 4;
		CHECK_ERR(sys(FBSD_SYS_writev, fd, iov, 1), FBSD_EFAULT);
		iov[0].iov_base = (uint64_t)(uintptr_t)a;
		iov[0].iov_len = 0x7fffffffffffffffUL;
		iov[1].iov_base = (uint64_t)(uintptr_t)a;
		iov[1].iov_len = 2;
		CHECK_ERR(sys(FBSD_SYS_readv, fd, iov, 2), FBSD_EINVAL);
		CHECK_EQ(sys(FBSD_SYS_readv, fd, iov, 0), 0);
	}

	/* lseek: END, DATA, HOLE, errors */
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_END), 22);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_DATA), 0);
	r = sys(FBSD_SYS_lseek, fd, 0, SEEK_HOLE);
	CHECK(r > 0 && r <= 22);
	CHECK_ERR(sys(FBSD_SYS_lseek, fd, 100, SEEK_DATA), FBSD_ENXIO);
	CHECK_ERR(sys(FBSD_SYS_lseek, fd, 0, 5), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_lseek, fd, -1, SEEK_SET), FBSD_EINVAL);

	CHECK_EQ(sys(FBSD_SYS_fsync, fd), 0);
	CHECK_EQ(sys(FBSD_SYS_fdatasync, fd), 0);

	/* dup / dup2 share the offset */
	{
		long d = sys(FBSD_SYS_dup, fd);

		CHECK(d > fd);
		CHECK_EQ(sys(FBSD_SYS_lseek, d, 5, SEEK_SET), 5);
		CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_CUR), 5);
		CHECK_EQ(sys(FBSD_SYS_dup2, fd, 40), 40);
		CHECK_EQ(sys(FBSD_SYS_lseek, 40, 0, SEEK_CUR), 5);
		CHECK_EQ(sys(FBSD_SYS_dup2, fd, fd), fd);
		CHECK_ERR(sys(FBSD_SYS_dup2, 1000, 41), FBSD_EBADF);
		CHECK_ERR(sys(FBSD_SYS_dup2, fd, -1), FBSD_EBADF);
		CHECK_ERR(sys(FBSD_SYS_dup, 999), FBSD_EBADF);
		CHECK_EQ(sys(FBSD_SYS_close, d), 0);
		CHECK_EQ(sys(FBSD_SYS_close, 40), 0);
	}

	/* closed descriptor */
	CHECK_EQ(sys(FBSD_SYS_close, fd), 0);
	CHECK_ERR(sys(FBSD_SYS_close, fd), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_read, fd, buf, 1), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_write, fd, buf, 1), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_lseek, fd, 0, SEEK_SET), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_fsync, fd), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_fdatasync, -1), FBSD_EBADF);

	/* write on a read-only descriptor */
	fd = sys(FBSD_SYS_open, "io.txt", O_RDONLY);
	CHECK(fd >= 0);
	CHECK_ERR(sys(FBSD_SYS_write, fd, "x", 1), FBSD_EBADF);
	sys(FBSD_SYS_close, fd);

	/* pipe2 round trip, flags, errors */
	{
		int p[2] = { -1, -1 };

		CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
		CHECK(p[0] >= 0 && p[1] >= 0 && p[0] != p[1]);
		CHECK_EQ(sys(FBSD_SYS_write, p[1], "pipe", 4), 4);
		memset(buf, 0, sizeof(buf));
		CHECK_EQ(sys(FBSD_SYS_read, p[0], buf, sizeof(buf)), 4);
		CHECK(memcmp(buf, "pipe", 4) == 0);
		CHECK_ERR(sys(FBSD_SYS_lseek, p[0], 0, SEEK_CUR), FBSD_ESPIPE);
		CHECK_ERR(sys(FBSD_SYS_pread, p[0], buf, 1, 0), FBSD_ESPIPE);
		CHECK_EQ(sys(FBSD_SYS_fcntl, p[0], F_GETFD, 0), 0);
		sys(FBSD_SYS_close, p[0]);
		sys(FBSD_SYS_close, p[1]);

		CHECK_EQ(sys(FBSD_SYS_pipe2, p, O_CLOEXEC | O_NONBLOCK), 0);
		CHECK_EQ(sys(FBSD_SYS_fcntl, p[0], F_GETFD, 0), 1);
		CHECK_EQ(sys(FBSD_SYS_fcntl, p[1], F_GETFL, 0), O_WRONLY | O_NONBLOCK);
		CHECK_EQ(sys(FBSD_SYS_fcntl, p[0], F_GETFL, 0), O_RDONLY | O_NONBLOCK);
		CHECK_ERR(sys(FBSD_SYS_read, p[0], buf, 1), FBSD_EAGAIN);
		sys(FBSD_SYS_close, p[0]);
		sys(FBSD_SYS_close, p[1]);

		CHECK_ERR(sys(FBSD_SYS_pipe2, p, 0x8 /* O_APPEND */), FBSD_EINVAL);
		CHECK_ERR(sys(FBSD_SYS_pipe2, BAD, 0), FBSD_EFAULT);
	}
	return 0;
}
