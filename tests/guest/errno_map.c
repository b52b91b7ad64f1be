/* Host failures reach the guest as FreeBSD errno values (the numbers that
 * differ from Linux's), with the carry flag set. */
#include "t.h"

#define AT_FDCWD (-100)
#define O_RDONLY 0x0
#define O_RDWR 0x2
#define O_NONBLOCK 0x4
#define O_CREAT 0x200
#define O_EXCL 0x800
#define O_NOFOLLOW 0x100

int main(int argc, char **argv, char **envp)
{
	char name[300], buf[4];
	int p[2];
	long fd;

	/* the literal FreeBSD numbers, not only the names */
	CHECK_EQ(FBSD_EAGAIN, 35);
	CHECK_EQ(FBSD_ELOOP, 62);
	CHECK_EQ(FBSD_ENAMETOOLONG, 63);
	CHECK_EQ(FBSD_ENOTEMPTY, 66);
	CHECK_EQ(FBSD_EMLINK, 31);

	/* EAGAIN: Linux 11, FreeBSD 35 */
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, O_NONBLOCK), 0);
	CHECK_EQ(sys(FBSD_SYS_read, p[0], buf, 1), -35);
	/* ESPIPE (29 on both) */
	CHECK_EQ(sys(FBSD_SYS_lseek, p[0], 0, 0), -29);
	sys(FBSD_SYS_close, p[0]);
	sys(FBSD_SYS_close, p[1]);

	/* ENOTEMPTY: Linux 39, FreeBSD 66 */
	CHECK_EQ(sys(FBSD_SYS_mkdir, "d", 0755), 0);
	CHECK_EQ(sys(FBSD_SYS_mkdir, "d/e", 0755), 0);
	CHECK_EQ(sys(FBSD_SYS_rmdir, "d"), -66);

	/* ELOOP: Linux 40, FreeBSD 62 */
	CHECK_EQ(sys(FBSD_SYS_symlink, "a", "b"), 0);
	CHECK_EQ(sys(FBSD_SYS_symlink, "b", "a"), 0);
	CHECK_EQ(sys(FBSD_SYS_open, "a", O_RDONLY), -62);

	/* EMLINK (31) where Linux says ELOOP */
	CHECK_EQ(sys(FBSD_SYS_open, "b", O_RDONLY | O_NOFOLLOW), -31);

	/* ENAMETOOLONG: Linux 36, FreeBSD 63 (a component beyond NAME_MAX) */
	memset(name, 'n', sizeof(name));
	name[sizeof(name) - 1] = 0;
	CHECK_EQ(sys(FBSD_SYS_open, name, O_RDONLY), -63);

	/* same on both: ENOENT 2, EEXIST 17, EBADF 9, EFAULT 14 */
	CHECK_EQ(sys(FBSD_SYS_open, "missing", O_RDONLY), -2);
	fd = sys(FBSD_SYS_open, "x", O_RDWR | O_CREAT | O_EXCL, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_open, "x", O_RDWR | O_CREAT | O_EXCL, 0644), -17);
	sys(FBSD_SYS_close, fd);
	CHECK_EQ(sys(FBSD_SYS_close, fd), -9);
	CHECK_EQ(sys(FBSD_SYS_open, 8, O_RDONLY), -14);
	return 0;
}
