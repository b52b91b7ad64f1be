/* fstat (551), fstatat (552) and the COMPAT11 calls 188/189/190/493 with
 * the 120-byte struct freebsd11_stat. */
#include "t.h"
#include "os/freebsd/fbsd_types.h"

#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x200
#define AT_RESOLVE_BENEATH 0x2000
#define AT_EMPTY_PATH 0x4000
#define O_RDONLY 0x0
#define O_RDWR 0x2
#define O_CREAT 0x200
#define O_DIRECTORY 0x20000
#define S_IFMT 0170000
#define S_IFIFO 0010000
#define S_IFDIR 0040000
#define S_IFREG 0100000
#define S_IFLNK 0120000

int main(int argc, char **argv, char **envp)
{
	struct fbsd_stat a, b;
	struct fbsd_freebsd11_stat o;
	long fd, dfd;
	int p[2];

	fd = sys(FBSD_SYS_open, "st", O_RDWR | O_CREAT, 0640);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_write, fd, "12345", 5), 5);

	memset(&a, 0xaa, sizeof(a));
	CHECK_EQ(sys(FBSD_SYS_fstat, fd, &a), 0);
	CHECK_EQ(a.st_mode & S_IFMT, S_IFREG);
	CHECK_EQ(a.st_mode & 07777, 0640 & ~(long)sys(FBSD_SYS_umask, 0));
	sys(FBSD_SYS_umask, 022);
	CHECK_EQ(a.st_size, 5);
	CHECK_EQ(a.st_nlink, 1);
	CHECK(a.st_ino != 0);
	CHECK(a.st_blksize > 0);
	CHECK_EQ(a.st_uid, sys(FBSD_SYS_geteuid));
	CHECK_EQ(a.st_padding0, 0);
	CHECK_EQ(a.st_padding1, 0);
	CHECK_EQ(a.st_gen, 0);
	CHECK_EQ(a.st_spare[0], 0);
	CHECK_EQ(a.st_spare[9], 0);
	CHECK(a.st_mtim.tv_sec > 1000000000 && a.st_mtim.tv_nsec < 1000000000);
	CHECK(a.st_birthtim.tv_sec == -1 ||
	      (a.st_birthtim.tv_sec > 1000000000 && a.st_birthtim.tv_sec <= a.st_mtim.tv_sec + 1));

	/* fstatat by name agrees; a hard link raises st_nlink */
	CHECK_EQ(sys(FBSD_SYS_link, "st", "st2"), 0);
	memset(&b, 0, sizeof(b));
	CHECK_EQ(sys(FBSD_SYS_fstatat, AT_FDCWD, "st", &b, 0), 0);
	CHECK_EQ(b.st_ino, a.st_ino);
	CHECK_EQ(b.st_dev, a.st_dev);
	CHECK_EQ(b.st_nlink, 2);
	CHECK_EQ(b.st_size, 5);
	CHECK_EQ(sys(FBSD_SYS_fstatat, AT_FDCWD, "st2", &b, 0), 0);
	CHECK_EQ(b.st_ino, a.st_ino);

	/* symlinks: followed, or not with AT_SYMLINK_NOFOLLOW */
	CHECK_EQ(sys(FBSD_SYS_symlink, "st", "sl"), 0);
	CHECK_EQ(sys(FBSD_SYS_fstatat, AT_FDCWD, "sl", &b, 0), 0);
	CHECK_EQ(b.st_ino, a.st_ino);
	CHECK_EQ(sys(FBSD_SYS_fstatat, AT_FDCWD, "sl", &b, AT_SYMLINK_NOFOLLOW), 0);
	CHECK_EQ(b.st_mode & S_IFMT, S_IFLNK);
	CHECK_EQ(b.st_size, 2);
	CHECK(b.st_ino != a.st_ino);

	/* directories; dirfd-relative lookups; AT_EMPTY_PATH */
	CHECK_EQ(sys(FBSD_SYS_mkdir, "dd", 0755), 0);
	dfd = sys(FBSD_SYS_open, "dd", O_RDONLY | O_DIRECTORY);
	CHECK_EQ(sys(FBSD_SYS_fstat, dfd, &b), 0);
	CHECK_EQ(b.st_mode & S_IFMT, S_IFDIR);
	CHECK(b.st_nlink >= 2);
	CHECK_EQ(sys(FBSD_SYS_fstatat, dfd, "..", &b, 0), 0);
	CHECK_EQ(b.st_mode & S_IFMT, S_IFDIR);
	CHECK_EQ(sys(FBSD_SYS_fstatat, fd, "", &b, AT_EMPTY_PATH), 0);
	CHECK_EQ(b.st_ino, a.st_ino);
	CHECK_ERR(sys(FBSD_SYS_fstatat, fd, "", &b, 0), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_fstatat, dfd, "../st", &b, AT_RESOLVE_BENEATH),
		  FBSD_ENOTCAPABLE);

	/* a pipe is a FIFO */
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_fstat, p[0], &b), 0);
	CHECK_EQ(b.st_mode & S_IFMT, S_IFIFO);
	sys(FBSD_SYS_close, p[0]);
	sys(FBSD_SYS_close, p[1]);

	/* errors */
	CHECK_ERR(sys(FBSD_SYS_fstat, 999, &b), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_fstat, -100, &b), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_fstat, fd, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_fstatat, AT_FDCWD, "gone", &b, 0), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_fstatat, AT_FDCWD, "st/x", &b, 0), FBSD_ENOTDIR);
	CHECK_ERR(sys(FBSD_SYS_fstatat, AT_FDCWD, "st", &b, 0x1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_fstatat, AT_FDCWD, 8, &b, 0), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_fstatat, AT_FDCWD, "st", 0xffff000000000000UL, 0),
		  FBSD_EFAULT);

	/* COMPAT11: same facts in the old 120-byte layout */
	memset(&o, 0xaa, sizeof(o));
	CHECK_EQ(sys(FBSD_SYS_freebsd11_stat, "st", &o), 0);
	CHECK_EQ(o.st_ino, (uint32_t)a.st_ino);
	CHECK_EQ(o.st_dev, (uint32_t)a.st_dev);
	CHECK_EQ(o.st_mode, a.st_mode);
	CHECK_EQ(o.st_nlink, 2);
	CHECK_EQ(o.st_size, 5);
	CHECK_EQ(o.st_mtim.tv_sec, a.st_mtim.tv_sec);
	CHECK_EQ(o.st_birthtim.tv_sec, a.st_birthtim.tv_sec);
	CHECK_EQ(o.st_lspare, 0);
	/* the bytes after the struct are untouched */
	{
		unsigned char raw[136];

		memset(raw, 0xee, sizeof(raw));
		CHECK_EQ(sys(FBSD_SYS_freebsd11_fstat, fd, raw), 0);
		CHECK_EQ(raw[120], 0xee);
		CHECK_EQ(raw[135], 0xee);
		CHECK_EQ(*(uint64_t *)(raw + 72), 5);   /* st_size @72 */
		CHECK_EQ(*(uint16_t *)(raw + 10), 2);   /* st_nlink @10 */
	}
	CHECK_EQ(sys(FBSD_SYS_freebsd11_lstat, "sl", &o), 0);
	CHECK_EQ(o.st_mode & S_IFMT, S_IFLNK);
	CHECK_EQ(sys(FBSD_SYS_freebsd11_fstatat, AT_FDCWD, "sl", &o, 0), 0);
	CHECK_EQ(o.st_mode & S_IFMT, S_IFREG);
	CHECK_EQ(sys(FBSD_SYS_freebsd11_fstatat, AT_FDCWD, "sl", &o, AT_SYMLINK_NOFOLLOW), 0);
	CHECK_EQ(o.st_mode & S_IFMT, S_IFLNK);
	CHECK_ERR(sys(FBSD_SYS_freebsd11_stat, "gone", &o), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_freebsd11_fstat, 999, &o), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_freebsd11_lstat, "sl", 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_freebsd11_fstatat, AT_FDCWD, "sl", &o, 0x1), FBSD_EINVAL);

	sys(FBSD_SYS_close, dfd);
	sys(FBSD_SYS_close, fd);
	return 0;
}
