/* ioctl additions: FIODTYPE, FIONREAD on a pipe, FIOSEEKDATA/FIOSEEKHOLE,
 * TIOCGETD on a non-tty, and an unknown request (ENOTTY; tests/fs checks
 * that --report names it). */
#include "t.h"

#define O_RDONLY 0x0
#define O_RDWR 0x2
#define O_CREAT 0x200
#define SEEK_CUR 1
#define FIODTYPE 0x4004667aUL
#define FIONREAD 0x4004667fUL
#define FIOSEEKDATA 0xc0086661UL
#define FIOSEEKHOLE 0xc0086662UL
#define TIOCGETD 0x4004741aUL
#define UNKNOWN_IOC 0x4004ee42UL   /* _IOR(0xee, 0x42, int): nobody's */

int main(int argc, char **argv, char **envp)
{
	int p[2], v;
	long fd, off;

	/* FIODTYPE: /dev/null is a device without type flags; a file does not
	 * know the request */
	fd = sys(FBSD_SYS_open, "/dev/null", O_RDWR);
	CHECK(fd >= 0);
	v = 12345;
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, FIODTYPE, &v), 0);
	CHECK_EQ(v, 0);
	CHECK_ERR(sys(FBSD_SYS_ioctl, fd, FIODTYPE, 16), FBSD_EFAULT);
	sys(FBSD_SYS_close, fd);

	/* FIONREAD on a pipe */
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_ioctl, p[0], FIONREAD, &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "abcdefg", 7), 7);
	CHECK_EQ(sys(FBSD_SYS_ioctl, p[0], FIONREAD, &v), 0);
	CHECK_EQ(v, 7);
	CHECK_ERR(sys(FBSD_SYS_ioctl, p[0], FIODTYPE, &v), FBSD_ENOTTY);
	CHECK_ERR(sys(FBSD_SYS_ioctl, p[0], TIOCGETD, &v), FBSD_ENOTTY);

	/* FIOSEEKDATA / FIOSEEKHOLE leave the offset alone */
	fd = sys(FBSD_SYS_open, "sparse", O_RDWR | O_CREAT, 0644);
	CHECK_EQ(sys(FBSD_SYS_pwrite, fd, "x", 1, 1 << 20), 1);
	off = 0;
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, FIOSEEKHOLE, &off), 0);
	CHECK_EQ(off, 0);
	off = 0;
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, FIOSEEKDATA, &off), 0);
	CHECK(off > 0 && off <= (1 << 20));
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, SEEK_CUR), 0);
	off = 2 << 20;
	CHECK_ERR(sys(FBSD_SYS_ioctl, fd, FIOSEEKDATA, &off), FBSD_ENXIO);
	CHECK_ERR(sys(FBSD_SYS_ioctl, p[0], FIOSEEKDATA, &off), FBSD_ENOTTY);
	CHECK_ERR(sys(FBSD_SYS_ioctl, fd, FIODTYPE, &v), FBSD_ENOTTY);

	/* unknown requests: ENOTTY (EBADF for a bad descriptor) */
	CHECK_ERR(sys(FBSD_SYS_ioctl, fd, UNKNOWN_IOC, &v), FBSD_ENOTTY);
	CHECK_ERR(sys(FBSD_SYS_ioctl, p[0], UNKNOWN_IOC, &v), FBSD_ENOTTY);
	CHECK_ERR(sys(FBSD_SYS_ioctl, 999, UNKNOWN_IOC, &v), FBSD_EBADF);
	return 0;
}
