/* truncate/ftruncate, mkfifo(at), mknodat (+ COMPAT11), __realpathat,
 * copy_file_range, posix_fallocate, posix_fadvise, pathconf family,
 * close_range, closefrom, flock, lseek SEEK_DATA/SEEK_HOLE, F_KINFO,
 * funlinkat. */
#include "t.h"

#define AT_FDCWD (-100)
#define AT_REMOVEDIR 0x800
#define O_RDONLY 0x0
#define O_WRONLY 0x1
#define O_RDWR 0x2
#define O_CREAT 0x200
#define O_TRUNC 0x400
#define O_DIRECTORY 0x20000
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_DATA 3
#define SEEK_HOLE 4
#define S_IFMT 0170000
#define S_IFIFO 0010000
#define S_IFCHR 0020000
#define S_IFREG 0100000
#define F_GETFD 1
#define F_KINFO 22
#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8
#define CLOSE_RANGE_CLOEXEC 4
#define _PC_LINK_MAX 1
#define _PC_MAX_CANON 2
#define _PC_NAME_MAX 4
#define _PC_PATH_MAX 5
#define _PC_PIPE_BUF 6
#define _PC_CHOWN_RESTRICTED 7
#define _PC_NO_TRUNC 8
#define _PC_FILESIZEBITS 12
#define _PC_SYMLINK_MAX 18
#define _PC_MIN_HOLE_SIZE 21
#define _PC_ACL_NFS4 64

struct st { unsigned char b[224]; };
static long st_size(const struct st *s) { long v; memcpy(&v, s->b + 112, 8); return v; }
static unsigned st_mode(const struct st *s) { return s->b[24] | s->b[25] << 8; }
static unsigned long st_ino(const struct st *s) { unsigned long v; memcpy(&v, s->b + 8, 8); return v; }

static long fsize(const char *p)
{
	struct st s;

	if (sys(FBSD_SYS_fstatat, AT_FDCWD, p, &s, 0) < 0)
		return -1;
	return st_size(&s);
}

int main(int argc, char **argv, char **envp)
{
	static char buf[70000];
	static unsigned char kif[1392];
	struct st s;
	long fd, fd2, r;
	long off_in, off_out;
	int p[2];

	/* ---- truncate / ftruncate */
	fd = sys(FBSD_SYS_open, "t", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_write, fd, "hello world", 11), 11);
	CHECK_EQ(sys(FBSD_SYS_truncate, "t", 5), 0);
	CHECK_EQ(fsize("t"), 5);
	CHECK_EQ(sys(FBSD_SYS_truncate, "t", 100000), 0);
	CHECK_EQ(fsize("t"), 100000);
	CHECK_EQ(sys(FBSD_SYS_ftruncate, fd, 3), 0);
	CHECK_EQ(fsize("t"), 3);
	CHECK_ERR(sys(FBSD_SYS_truncate, "t", -1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_ftruncate, fd, -1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_truncate, "nonexistent", 0), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_truncate, ".", 0), FBSD_EISDIR);
	CHECK_ERR(sys(FBSD_SYS_ftruncate, 999, 0), FBSD_EBADF);
	fd2 = sys(FBSD_SYS_open, "t", O_RDONLY);
	CHECK_ERR(sys(FBSD_SYS_ftruncate, fd2, 0), FBSD_EINVAL);
	sys(FBSD_SYS_close, fd2);

	/* ---- mkfifo, mkfifoat, mknodat */
	CHECK_EQ(sys(FBSD_SYS_mkfifo, "fifo1", 0600), 0);
	CHECK_EQ(sys(FBSD_SYS_fstatat, AT_FDCWD, "fifo1", &s, 0), 0);
	CHECK_EQ(st_mode(&s) & S_IFMT, S_IFIFO);
	CHECK_ERR(sys(FBSD_SYS_mkfifo, "fifo1", 0600), FBSD_EEXIST);
	CHECK_EQ(sys(FBSD_SYS_mkfifoat, AT_FDCWD, "fifo2", 0600), 0);
	CHECK_EQ(sys(FBSD_SYS_mknodat, AT_FDCWD, "fifo3", S_IFIFO | 0644, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_fstatat, AT_FDCWD, "fifo3", &s, 0), 0);
	CHECK_EQ(st_mode(&s) & S_IFMT, S_IFIFO);
	CHECK_ERR(sys(FBSD_SYS_mknodat, AT_FDCWD, "fifo4", S_IFIFO | 0644, 5), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_mknodat, AT_FDCWD, "reg", S_IFREG | 0644, 0), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_freebsd11_mknodat, AT_FDCWD, "fifo5", S_IFIFO | 0644, 0), 0);
	if (sys(FBSD_SYS_geteuid) == 0) {
		/* makedev(1, 3) in FreeBSD's encoding is 0x103: a null device */
		CHECK_EQ(sys(FBSD_SYS_mknodat, AT_FDCWD, "null", S_IFCHR | 0666, 0x103), 0);
		CHECK_EQ(sys(FBSD_SYS_fstatat, AT_FDCWD, "null", &s, 0), 0);
		CHECK_EQ(st_mode(&s) & S_IFMT, S_IFCHR);
		{
			unsigned long rdev;

			memcpy(&rdev, s.b + 40, 8);
			CHECK_EQ(rdev, 0x103);
		}
		fd2 = sys(FBSD_SYS_open, "null", O_WRONLY);
		CHECK_EQ(sys(FBSD_SYS_write, fd2, "x", 1), 1);
		sys(FBSD_SYS_close, fd2);
	} else {
		CHECK_ERR(sys(FBSD_SYS_mknodat, AT_FDCWD, "null", S_IFCHR | 0666, 0x103), FBSD_EPERM);
	}

	/* ---- __realpathat through a symlink chain */
	CHECK_EQ(sys(FBSD_SYS_mkdir, "dir", 0755), 0);
	CHECK_EQ(sys(FBSD_SYS_symlink, "dir", "l1"), 0);
	CHECK_EQ(sys(FBSD_SYS_symlink, "l1/../l1/.", "l2"), 0);
	{
		char cwd[1024], rp[1024], want[1100];

		CHECK_EQ(sys(FBSD_SYS___getcwd, cwd, sizeof(cwd)), 0);
		CHECK_EQ(sys(FBSD_SYS___realpathat, AT_FDCWD, "l2", rp, sizeof(rp), 0), 0);
		t_snprintf(want, sizeof(want), "%s/dir", cwd);
		CHECK(strcmp(rp, want) == 0);
		fd2 = sys(FBSD_SYS_open, "dir", O_RDONLY | O_DIRECTORY);
		CHECK_EQ(sys(FBSD_SYS___realpathat, fd2, "..", rp, sizeof(rp), 0), 0);
		CHECK(strcmp(rp, cwd) == 0);
		sys(FBSD_SYS_close, fd2);
		CHECK_ERR(sys(FBSD_SYS___realpathat, AT_FDCWD, "l2", rp, sizeof(rp), 1), FBSD_EINVAL);
		CHECK_ERR(sys(FBSD_SYS___realpathat, AT_FDCWD, "nope", rp, sizeof(rp), 0), FBSD_ENOENT);
		CHECK_ERR(sys(FBSD_SYS___realpathat, AT_FDCWD, "l2", rp, 4, 0), FBSD_ENOMEM);
		CHECK_ERR(sys(FBSD_SYS___realpathat, AT_FDCWD, "l2", 16, sizeof(rp), 0), FBSD_EFAULT);
	}

	/* ---- copy_file_range */
	fd = sys(FBSD_SYS_open, "src", O_RDWR | O_CREAT | O_TRUNC, 0644);
	for (int i = 0; i < (int)sizeof(buf); i++)
		buf[i] = (char)(i * 7);
	CHECK_EQ(sys(FBSD_SYS_write, fd, buf, sizeof(buf)), (long)sizeof(buf));
	fd2 = sys(FBSD_SYS_open, "dst", O_RDWR | O_CREAT | O_TRUNC, 0644);
	off_in = 100;
	off_out = 0;
	r = sys(FBSD_SYS_copy_file_range, fd, &off_in, fd2, &off_out, 5000, 0);
	CHECK_EQ(r, 5000);
	CHECK_EQ(off_in, 5100);
	CHECK_EQ(off_out, 5000);
	{
		static char back[5000];

		CHECK_EQ(sys(FBSD_SYS_pread, fd2, back, 5000, 0), 5000);
		CHECK(memcmp(back, buf + 100, 5000) == 0);
	}
	/* NULL offsets use and move the file offsets */
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_SET), 0);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd2, 0, SEEK_SET), 0);
	CHECK_EQ(sys(FBSD_SYS_copy_file_range, fd, 0, fd2, 0, 10, 0), 10);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_CUR), 10);
	/* at EOF: 0 */
	off_in = sizeof(buf);
	CHECK_EQ(sys(FBSD_SYS_copy_file_range, fd, &off_in, fd2, 0, 10, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_copy_file_range, fd, 0, fd2, 0, 10, 1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_copy_file_range, 999, 0, fd2, 0, 10, 0), FBSD_EBADF);
	off_in = -1;
	CHECK_ERR(sys(FBSD_SYS_copy_file_range, fd, &off_in, fd2, 0, 10, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_copy_file_range, fd, 16, fd2, 0, 10, 0), FBSD_EFAULT);
	sys(FBSD_SYS_close, fd2);

	/* ---- posix_fallocate / posix_fadvise: the error is the value */
	fd2 = sys(FBSD_SYS_open, "alloc", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK_EQ(sys(FBSD_SYS_posix_fallocate, fd2, 0, 65536), 0);
	CHECK_EQ(fsize("alloc"), 65536);
	CHECK_EQ(sys(FBSD_SYS_posix_fallocate, fd2, 4096, 10), 0);
	CHECK_EQ(fsize("alloc"), 65536);
	CHECK_EQ(sys(FBSD_SYS_posix_fallocate, fd2, 0, 0), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_posix_fallocate, fd2, -1, 10), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_posix_fallocate, fd2, 0x7fffffffffffff00L, 0x1000), FBSD_EFBIG);
	CHECK_EQ(sys(FBSD_SYS_posix_fallocate, 999, 0, 10), FBSD_EBADF);
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_posix_fallocate, p[1], 0, 10), FBSD_ESPIPE);
	CHECK_EQ(sys(FBSD_SYS_posix_fadvise, p[0], 0, 0, 0), FBSD_ESPIPE);
	{
		long ro = sys(FBSD_SYS_open, "alloc", O_RDONLY);
		long d = sys(FBSD_SYS_open, ".", O_RDONLY | O_DIRECTORY);

		CHECK_EQ(sys(FBSD_SYS_posix_fallocate, ro, 0, 10), FBSD_EBADF);
		CHECK_EQ(sys(FBSD_SYS_posix_fadvise, ro, 0, 0, 2), 0);
		CHECK_EQ(sys(FBSD_SYS_posix_fadvise, d, 0, 0, 0), FBSD_ENODEV);
		sys(FBSD_SYS_close, ro);
		sys(FBSD_SYS_close, d);
	}
	for (int adv = 0; adv <= 5; adv++)
		CHECK_EQ(sys(FBSD_SYS_posix_fadvise, fd2, 0, 4096, adv), 0);
	CHECK_EQ(sys(FBSD_SYS_posix_fadvise, fd2, 0, 0, 6), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_posix_fadvise, fd2, 0, 0, -1), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_posix_fadvise, fd2, -1, 0, 0), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_posix_fadvise, fd2, 0, -1, 0), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_posix_fadvise, 999, 0, 0, 0), FBSD_EBADF);

	/* ---- pathconf family: FreeBSD numbering and values */
	CHECK_EQ(sys(FBSD_SYS_fpathconf, fd2, _PC_NAME_MAX), 255);
	CHECK_EQ(sys(FBSD_SYS_pathconf, ".", _PC_NAME_MAX), 255);
	CHECK_EQ(sys(FBSD_SYS_pathconf, ".", _PC_PATH_MAX), 1024);
	CHECK_EQ(sys(FBSD_SYS_pathconf, ".", _PC_SYMLINK_MAX), 1024);
	CHECK_EQ(sys(FBSD_SYS_pathconf, ".", _PC_PIPE_BUF), 512);
	CHECK_EQ(sys(FBSD_SYS_pathconf, ".", _PC_CHOWN_RESTRICTED), 1);
	CHECK_EQ(sys(FBSD_SYS_pathconf, ".", _PC_NO_TRUNC), 1);
	CHECK_EQ(sys(FBSD_SYS_pathconf, ".", _PC_FILESIZEBITS), 64);
	CHECK_EQ(sys(FBSD_SYS_pathconf, ".", _PC_ACL_NFS4), 0);
	CHECK(sys(FBSD_SYS_pathconf, ".", _PC_LINK_MAX) > 1);
	CHECK(sys(FBSD_SYS_fpathconf, fd2, _PC_MIN_HOLE_SIZE) > 0);
	CHECK_ERR(sys(FBSD_SYS_fpathconf, fd2, _PC_PIPE_BUF), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_fpathconf, fd2, _PC_MAX_CANON), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_pathconf, ".", 9999), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_pathconf, ".", 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_pathconf, "nope", _PC_NAME_MAX), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_fpathconf, 999, _PC_NAME_MAX), FBSD_EBADF);
	CHECK_EQ(sys(FBSD_SYS_fpathconf, p[0], _PC_PIPE_BUF), 512);
	CHECK_ERR(sys(FBSD_SYS_fpathconf, p[0], _PC_NAME_MAX), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_symlink, "nowhere", "dangling"), 0);
	CHECK_EQ(sys(FBSD_SYS_lpathconf, "dangling", _PC_NAME_MAX), 255);
	CHECK_ERR(sys(FBSD_SYS_pathconf, "dangling", _PC_NAME_MAX), FBSD_ENOENT);

	/* ---- SEEK_DATA / SEEK_HOLE on a sparse file */
	fd = sys(FBSD_SYS_open, "sparse", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK_EQ(sys(FBSD_SYS_pwrite, fd, "data", 4, 1 << 20), 4);
	r = sys(FBSD_SYS_lseek, fd, 0, SEEK_DATA);
	CHECK(r > 0 && r <= (1 << 20));
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_HOLE), 0);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, (1 << 20) + 2, SEEK_HOLE), (1 << 20) + 4);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, (1 << 20) + 2, SEEK_DATA), (1 << 20) + 2);
	/* at or past EOF: ENXIO for both (vn_bmap_seekhole) */
	CHECK_ERR(sys(FBSD_SYS_lseek, fd, (1 << 20) + 4, SEEK_DATA), FBSD_ENXIO);
	CHECK_ERR(sys(FBSD_SYS_lseek, fd, (1 << 20) + 4, SEEK_HOLE), FBSD_ENXIO);
	CHECK_ERR(sys(FBSD_SYS_lseek, fd, 1 << 22, SEEK_HOLE), FBSD_ENXIO);

	/* ---- F_KINFO */
	memset(kif, 0x5a, sizeof(kif));
	*(int *)kif = 1392;
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_KINFO, kif), 0);
	CHECK_EQ(*(int *)kif, 1392);            /* kf_structsize */
	CHECK_EQ(*(int *)(kif + 4), 1);         /* KF_TYPE_VNODE */
	CHECK_EQ(*(int *)(kif + 8), fd);        /* kf_fd */
	CHECK_EQ(*(int *)(kif + 16) & 3, 3);    /* KF_FLAG_READ|WRITE */
	CHECK_EQ(*(int *)(kif + 32), 1);        /* kf_file_type VREG */
	CHECK_EQ(*(unsigned short *)(kif + 336) & 1, 1);  /* KF_ATTR_VALID */
	{
		char cwd[1024], want[1100];
		struct st fs;

		sys(FBSD_SYS___getcwd, cwd, sizeof(cwd));
		t_snprintf(want, sizeof(want), "%s/sparse", cwd);
		CHECK(strcmp((char *)kif + 368, want) == 0);  /* kf_path */
		CHECK_EQ(sys(FBSD_SYS_fstat, fd, &fs), 0);
		CHECK_EQ(*(unsigned long *)(kif + 304), st_ino(&fs));  /* fileid */
		CHECK_EQ(*(unsigned long *)(kif + 312), (1 << 20) + 4);  /* size */
	}
	*(int *)kif = 1391;
	CHECK_ERR(sys(FBSD_SYS_fcntl, fd, F_KINFO, kif), FBSD_EINVAL);
	*(int *)kif = 1392;
	CHECK_ERR(sys(FBSD_SYS_fcntl, 999, F_KINFO, kif), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_fcntl, fd, F_KINFO, 16), FBSD_EFAULT);
	CHECK_EQ(sys(FBSD_SYS_fcntl, p[0], F_KINFO, kif), 0);
	CHECK_EQ(*(int *)(kif + 4), 3);         /* KF_TYPE_PIPE */
	CHECK_EQ(kif[368], 0);
	sys(FBSD_SYS_close, fd);

	/* ---- flock: two opens conflict */
	fd = sys(FBSD_SYS_open, "lk", O_RDWR | O_CREAT, 0644);
	fd2 = sys(FBSD_SYS_open, "lk", O_RDWR);
	CHECK_EQ(sys(FBSD_SYS_flock, fd, LOCK_EX | LOCK_NB), 0);
	CHECK_ERR(sys(FBSD_SYS_flock, fd2, LOCK_EX | LOCK_NB), FBSD_EWOULDBLOCK);
	CHECK_ERR(sys(FBSD_SYS_flock, fd2, LOCK_SH | LOCK_NB), 35);
	CHECK_EQ(sys(FBSD_SYS_flock, fd, LOCK_UN), 0);
	CHECK_EQ(sys(FBSD_SYS_flock, fd2, LOCK_SH | LOCK_NB), 0);
	CHECK_EQ(sys(FBSD_SYS_flock, fd, LOCK_SH), 0);
	CHECK_ERR(sys(FBSD_SYS_flock, fd, 0), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_flock, fd, LOCK_NB), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_flock, 999, LOCK_EX), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_flock, p[0], LOCK_EX), FBSD_EOPNOTSUPP);
	sys(FBSD_SYS_close, fd);
	sys(FBSD_SYS_close, fd2);

	/* ---- funlinkat */
	fd = sys(FBSD_SYS_open, "fu", O_RDWR | O_CREAT, 0644);
	fd2 = sys(FBSD_SYS_open, "fu2", O_RDWR | O_CREAT, 0644);
	CHECK_ERR(sys(FBSD_SYS_funlinkat, AT_FDCWD, "fu", fd2, 0), FBSD_EDEADLK);
	CHECK_EQ(sys(FBSD_SYS_funlinkat, AT_FDCWD, "fu", fd, 0), 0);
	CHECK_EQ(fsize("fu"), -1);
	CHECK_EQ(sys(FBSD_SYS_funlinkat, AT_FDCWD, "fu2", -1, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_funlinkat, AT_FDCWD, "dir", -1, 0), FBSD_EPERM);
	CHECK_EQ(sys(FBSD_SYS_funlinkat, AT_FDCWD, "dir", -1, AT_REMOVEDIR), 0);
	CHECK_ERR(sys(FBSD_SYS_funlinkat, AT_FDCWD, "x", -1, 1), FBSD_EINVAL);
	sys(FBSD_SYS_close, fd);
	sys(FBSD_SYS_close, fd2);

	/* ---- close_range / closefrom */
	{
		long a = sys(FBSD_SYS_fcntl, 0, 0, 100), b = sys(FBSD_SYS_fcntl, 0, 0, 101),
			c = sys(FBSD_SYS_fcntl, 0, 0, 102);

		CHECK(a > 2 && b == a + 1 && c == b + 1);
		CHECK_EQ(sys(FBSD_SYS_close_range, a, b, CLOSE_RANGE_CLOEXEC), 0);
		CHECK_EQ(sys(FBSD_SYS_fcntl, a, F_GETFD), 1);
		CHECK_EQ(sys(FBSD_SYS_fcntl, b, F_GETFD), 1);
		CHECK_EQ(sys(FBSD_SYS_fcntl, c, F_GETFD), 0);
		CHECK_EQ(sys(FBSD_SYS_close_range, a, a, 0), 0);
		CHECK_ERR(sys(FBSD_SYS_fcntl, a, F_GETFD), FBSD_EBADF);
		CHECK_EQ(sys(FBSD_SYS_fcntl, b, F_GETFD), 1);
		CHECK_ERR(sys(FBSD_SYS_close_range, c, b, 0), FBSD_EINVAL);
		CHECK_ERR(sys(FBSD_SYS_close_range, b, c, 8), FBSD_EINVAL);
		CHECK_ERR(sys(FBSD_SYS_close_range, b, c, 2), FBSD_EINVAL);
		/* closefrom(b) closes b, c and the pipe */
		CHECK_EQ(sys(FBSD_SYS_freebsd12_closefrom, b), 0);
		CHECK_ERR(sys(FBSD_SYS_fcntl, b, F_GETFD), FBSD_EBADF);
		CHECK_ERR(sys(FBSD_SYS_fcntl, c, F_GETFD), FBSD_EBADF);
		CHECK_EQ(sys(FBSD_SYS_fcntl, 2, F_GETFD), 0);
		/* nothing left above 2: still fine */
		CHECK_EQ(sys(FBSD_SYS_close_range, 3, 0xffffffffu, 0), 0);
		CHECK_EQ(sys(FBSD_SYS_freebsd12_closefrom, 3), 0);
	}
	t_printf("fs_misc ok\n");
	return 0;
}
