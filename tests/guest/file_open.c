/* open and openat: every flag FreeBSD gives a meaning, and its errors. */
#include "t.h"

#define AT_FDCWD (-100)
#define O_RDONLY 0x0
#define O_WRONLY 0x1
#define O_RDWR 0x2
#define O_ACCMODE 0x3
#define O_NONBLOCK 0x4
#define O_APPEND 0x8
#define O_SHLOCK 0x10
#define O_EXLOCK 0x20
#define O_NOFOLLOW 0x100
#define O_CREAT 0x200
#define O_TRUNC 0x400
#define O_EXCL 0x800
#define O_DIRECTORY 0x20000
#define O_EXEC 0x40000
#define O_TTY_INIT 0x80000
#define O_CLOEXEC 0x100000
#define O_VERIFY 0x200000
#define O_PATH 0x400000
#define O_RESOLVE_BENEATH 0x800000
#define O_DIRECT 0x10000
#define SEEK_SET 0
#define SEEK_END 2
#define F_GETFD 1
#define F_GETFL 3

static long size_of(long fd)
{
	return sys(FBSD_SYS_lseek, fd, 0, SEEK_END);
}

int main(int argc, char **argv, char **envp)
{
	char buf[32], longpath[1100];
	long fd, fd2, dfd;

	/* O_CREAT with a mode; O_CREAT|O_EXCL on an existing file */
	fd = sys(FBSD_SYS_open, "f", O_WRONLY | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_write, fd, "0123456789", 10), 10);
	sys(FBSD_SYS_close, fd);
	CHECK_ERR(sys(FBSD_SYS_open, "f", O_WRONLY | O_CREAT | O_EXCL, 0600), FBSD_EEXIST);
	CHECK_ERR(sys(FBSD_SYS_openat, AT_FDCWD, "f", O_RDWR | O_CREAT | O_EXCL, 0600),
		  FBSD_EEXIST);

	/* missing file, missing directory component */
	CHECK_ERR(sys(FBSD_SYS_open, "nonexistent", O_RDONLY), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_open, "f/x", O_RDONLY), FBSD_ENOTDIR);
	CHECK_ERR(sys(FBSD_SYS_open, "", O_RDONLY), FBSD_ENOENT);

	/* O_APPEND writes at the end whatever the offset */
	fd = sys(FBSD_SYS_open, "f", O_WRONLY | O_APPEND);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_SET), 0);
	CHECK_EQ(sys(FBSD_SYS_write, fd, "ab", 2), 2);
	CHECK_EQ(size_of(fd), 12);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFL, 0), O_WRONLY | O_APPEND);
	sys(FBSD_SYS_close, fd);
	fd = sys(FBSD_SYS_open, "f", O_RDONLY);
	CHECK_EQ(sys(FBSD_SYS_pread, fd, buf, 2, 10), 2);
	CHECK(memcmp(buf, "ab", 2) == 0);
	sys(FBSD_SYS_close, fd);

	/* O_TRUNC */
	fd = sys(FBSD_SYS_open, "f", O_RDWR | O_TRUNC);
	CHECK(fd >= 0);
	CHECK_EQ(size_of(fd), 0);
	sys(FBSD_SYS_close, fd);

	/* O_DIRECTORY on a file; a directory opened for writing */
	CHECK_ERR(sys(FBSD_SYS_open, "f", O_RDONLY | O_DIRECTORY), FBSD_ENOTDIR);
	CHECK_EQ(sys(FBSD_SYS_mkdir, "d", 0755), 0);
	CHECK_ERR(sys(FBSD_SYS_open, "d", O_WRONLY), FBSD_EISDIR);
	CHECK_ERR(sys(FBSD_SYS_open, "d", O_RDWR | O_CREAT, 0644), FBSD_EISDIR);
	dfd = sys(FBSD_SYS_open, "d", O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0);
	/* O_CREAT|O_DIRECTORY is a lookup on FreeBSD; with O_EXCL EINVAL */
	fd = sys(FBSD_SYS_open, "d", O_RDONLY | O_CREAT | O_DIRECTORY, 0755);
	CHECK(fd >= 0);
	sys(FBSD_SYS_close, fd);
	CHECK_ERR(sys(FBSD_SYS_open, "d2", O_RDONLY | O_CREAT | O_EXCL | O_DIRECTORY,
		      0755), FBSD_EINVAL);

	/* openat relative to a directory descriptor */
	fd = sys(FBSD_SYS_openat, dfd, "inner", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0);
	sys(FBSD_SYS_close, fd);
	fd = sys(FBSD_SYS_open, "d/inner", O_RDONLY);
	CHECK(fd >= 0);
	sys(FBSD_SYS_close, fd);
	CHECK_ERR(sys(FBSD_SYS_openat, 999, "inner", O_RDONLY), FBSD_EBADF);
	fd = sys(FBSD_SYS_open, "f", O_RDONLY);
	CHECK_ERR(sys(FBSD_SYS_openat, fd, "inner", O_RDONLY), FBSD_ENOTDIR);
	sys(FBSD_SYS_close, fd);

	/* O_RESOLVE_BENEATH: ../ escapes are ENOTCAPABLE */
	fd = sys(FBSD_SYS_openat, dfd, "inner", O_RDONLY | O_RESOLVE_BENEATH);
	CHECK(fd >= 0);
	sys(FBSD_SYS_close, fd);
	CHECK_ERR(sys(FBSD_SYS_openat, dfd, "../f", O_RDONLY | O_RESOLVE_BENEATH),
		  FBSD_ENOTCAPABLE);

	/* O_NOFOLLOW on a symlink is EMLINK on FreeBSD; O_PATH opens it */
	CHECK_EQ(sys(FBSD_SYS_symlink, "f", "lnk"), 0);
	CHECK_ERR(sys(FBSD_SYS_open, "lnk", O_RDONLY | O_NOFOLLOW), FBSD_EMLINK);
	CHECK_ERR(sys(FBSD_SYS_open, "lnk", O_RDWR | O_CREAT | O_NOFOLLOW, 0644),
		  FBSD_EMLINK);
	CHECK_ERR(sys(FBSD_SYS_open, "lnk", O_RDWR | O_CREAT | O_EXCL, 0644), FBSD_EEXIST);
	fd = sys(FBSD_SYS_open, "lnk", O_RDONLY);
	CHECK(fd >= 0);                     /* followed */
	sys(FBSD_SYS_close, fd);
	fd = sys(FBSD_SYS_open, "lnk", O_PATH | O_NOFOLLOW);
	CHECK(fd >= 0);
	CHECK_ERR(sys(FBSD_SYS_read, fd, buf, 1), FBSD_EBADF);
	sys(FBSD_SYS_close, fd);
	/* a symlink loop */
	CHECK_EQ(sys(FBSD_SYS_symlink, "loop2", "loop1"), 0);
	CHECK_EQ(sys(FBSD_SYS_symlink, "loop1", "loop2"), 0);
	CHECK_ERR(sys(FBSD_SYS_open, "loop1", O_RDONLY), FBSD_ELOOP);

	/* access mode 3 is EINVAL; O_EXEC with an access mode is EINVAL */
	CHECK_ERR(sys(FBSD_SYS_open, "f", O_ACCMODE), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_open, "f", O_EXEC | O_RDWR), FBSD_EINVAL);
	/* O_EXEC needs execute permission; the fd cannot read */
	CHECK_ERR(sys(FBSD_SYS_open, "f", O_EXEC), FBSD_EACCES);
	CHECK_EQ(sys(FBSD_SYS_chmod, "f", 0755), 0);
	fd = sys(FBSD_SYS_open, "f", O_EXEC);
	CHECK(fd >= 0);
	CHECK_ERR(sys(FBSD_SYS_read, fd, buf, 1), FBSD_EBADF);
	sys(FBSD_SYS_close, fd);
	/* O_SEARCH (= O_EXEC) on a directory gives a usable dirfd */
	fd = sys(FBSD_SYS_open, "d", O_EXEC | O_DIRECTORY);
	CHECK(fd >= 0);
	fd2 = sys(FBSD_SYS_openat, fd, "inner", O_RDONLY);
	CHECK(fd2 >= 0);
	sys(FBSD_SYS_close, fd2);
	sys(FBSD_SYS_close, fd);

	/* accepted flags: O_TTY_INIT, O_VERIFY, O_DIRECT */
	fd = sys(FBSD_SYS_open, "f", O_RDONLY | O_TTY_INIT | O_VERIFY | O_DIRECT);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFD, 0), 0);
	sys(FBSD_SYS_close, fd);

	/* O_CLOEXEC */
	fd = sys(FBSD_SYS_open, "f", O_RDONLY | O_CLOEXEC);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFD, 0), 1);
	sys(FBSD_SYS_close, fd);

	/* O_EXLOCK / O_SHLOCK: flock at open time; O_NONBLOCK -> EAGAIN */
	fd = sys(FBSD_SYS_open, "f", O_RDONLY | O_EXLOCK);
	CHECK(fd >= 0);
	CHECK_ERR(sys(FBSD_SYS_open, "f", O_RDONLY | O_SHLOCK | O_NONBLOCK), FBSD_EAGAIN);
	CHECK_ERR(sys(FBSD_SYS_open, "f", O_RDONLY | O_EXLOCK | O_NONBLOCK), FBSD_EAGAIN);
	sys(FBSD_SYS_close, fd);
	fd = sys(FBSD_SYS_open, "f", O_RDONLY | O_SHLOCK);
	CHECK(fd >= 0);
	fd2 = sys(FBSD_SYS_open, "f", O_RDONLY | O_SHLOCK | O_NONBLOCK);
	CHECK(fd2 >= 0);
	sys(FBSD_SYS_close, fd2);
	sys(FBSD_SYS_close, fd);

	/* path errors: EFAULT, ENAMETOOLONG past 1023 bytes */
	CHECK_ERR(sys(FBSD_SYS_open, 8, O_RDONLY), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_open, 0xffff000000000000UL, O_RDONLY), FBSD_EFAULT);
	memset(longpath, 'a', sizeof(longpath));
	longpath[sizeof(longpath) - 1] = 0;
	CHECK_ERR(sys(FBSD_SYS_open, longpath, O_RDONLY), FBSD_ENAMETOOLONG);
	/* a single component longer than NAME_MAX */
	longpath[300] = 0;
	CHECK_ERR(sys(FBSD_SYS_open, longpath, O_RDONLY), FBSD_ENAMETOOLONG);

	/* permission denied (unless root) */
	fd = sys(FBSD_SYS_open, "ro", O_WRONLY | O_CREAT, 0400);
	CHECK(fd >= 0);
	sys(FBSD_SYS_close, fd);
	if (sys(FBSD_SYS_geteuid) != 0)
		CHECK_ERR(sys(FBSD_SYS_open, "ro", O_RDWR), FBSD_EACCES);

	/* O_CREAT mode is masked by umask */
	{
		long old = sys(FBSD_SYS_umask, 022);

		fd = sys(FBSD_SYS_open, "m", O_WRONLY | O_CREAT, 0777);
		CHECK(fd >= 0);
		sys(FBSD_SYS_close, fd);
		sys(FBSD_SYS_umask, old);
		CHECK_EQ(sys(FBSD_SYS_access, "m", 1 /* X_OK */), 0);
	}
	sys(FBSD_SYS_close, dfd);
	return 0;
}
