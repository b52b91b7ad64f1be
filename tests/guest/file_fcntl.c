/* fcntl: descriptor flags, status flags (FreeBSD bit values both ways),
 * duplication commands, record locks with FreeBSD's struct flock. */
#include "t.h"
#include "os/freebsd/fbsd_types.h"

#define O_RDONLY 0x0
#define O_WRONLY 0x1
#define O_RDWR 0x2
#define O_NONBLOCK 0x4
#define O_APPEND 0x8
#define O_ASYNC 0x40
#define O_CREAT 0x200
#define O_DIRECT 0x10000
#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_GETOWN 5
#define F_SETOWN 6
#define F_DUP2FD 10
#define F_GETLK 11
#define F_SETLK 12
#define F_SETLKW 13
#define F_DUPFD_CLOEXEC 17
#define F_DUP2FD_CLOEXEC 18
#define F_RDLCK 1
#define F_UNLCK 2
#define F_WRLCK 3

int main(int argc, char **argv, char **envp)
{
	long fd, rfd, d;
	struct fbsd_flock fl;

	fd = sys(FBSD_SYS_open, "lk", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_write, fd, "0123456789", 10), 10);

	/* F_GETFD / F_SETFD */
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFD, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_SETFD, 1), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFD, 0), 1);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_SETFD, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFD, 0), 0);

	/* F_GETFL / F_SETFL with FreeBSD bits; the access mode cannot change */
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFL, 0), O_RDWR);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_SETFL, O_NONBLOCK | O_APPEND | O_WRONLY), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFL, 0), O_RDWR | O_NONBLOCK | O_APPEND);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_SETFL, O_DIRECT), 0);  /* a hint */
	CHECK((sys(FBSD_SYS_fcntl, fd, F_GETFL, 0) & (O_NONBLOCK | O_APPEND)) == 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_SETFL, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFL, 0), O_RDWR);
	rfd = sys(FBSD_SYS_open, "lk", O_RDONLY);
	CHECK_EQ(sys(FBSD_SYS_fcntl, rfd, F_GETFL, 0), O_RDONLY);

	/* F_DUPFD: lowest free >= arg; F_DUPFD_CLOEXEC sets FD_CLOEXEC */
	d = sys(FBSD_SYS_fcntl, fd, F_DUPFD, 20);
	CHECK(d >= 20);
	CHECK_EQ(sys(FBSD_SYS_fcntl, d, F_GETFD, 0), 0);
	sys(FBSD_SYS_close, d);
	d = sys(FBSD_SYS_fcntl, fd, F_DUPFD_CLOEXEC, 20);
	CHECK(d >= 20);
	CHECK_EQ(sys(FBSD_SYS_fcntl, d, F_GETFD, 0), 1);
	sys(FBSD_SYS_close, d);
	CHECK_ERR(sys(FBSD_SYS_fcntl, fd, F_DUPFD, -1), FBSD_EINVAL);

	/* F_DUP2FD / F_DUP2FD_CLOEXEC */
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_DUP2FD, 30), 30);
	CHECK_EQ(sys(FBSD_SYS_fcntl, 30, F_GETFD, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_DUP2FD_CLOEXEC, 30), 30);
	CHECK_EQ(sys(FBSD_SYS_fcntl, 30, F_GETFD, 0), 1);
	CHECK_EQ(sys(FBSD_SYS_fcntl, 30, F_DUP2FD_CLOEXEC, 30), 30);
	sys(FBSD_SYS_close, 30);
	CHECK_ERR(sys(FBSD_SYS_fcntl, fd, F_DUP2FD, -5), FBSD_EBADF);

	/* F_GETOWN / F_SETOWN */
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETOWN, 0), 0);

	/* record locks: layout l_start@0 l_len@8 l_pid@16 l_type@20 l_whence@22 */
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_WRLCK;
	fl.l_whence = 0;
	fl.l_start = 2;
	fl.l_len = 4;
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_SETLK, &fl), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_SETLKW, &fl), 0);
	/* our own lock never conflicts: F_GETLK answers F_UNLCK */
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_WRLCK;
	fl.l_len = 0;
	fl.l_sysid = 77;
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETLK, &fl), 0);
	CHECK_EQ(fl.l_type, F_UNLCK);
	/* raw offsets: l_type as a 16-bit value at byte 20 */
	CHECK_EQ(*(int16_t *)((char *)&fl + 20), F_UNLCK);
	fl.l_type = F_UNLCK;
	fl.l_start = 0;
	fl.l_len = 0;
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_SETLK, &fl), 0);
	fl.l_type = F_RDLCK;
	CHECK_EQ(sys(FBSD_SYS_fcntl, rfd, F_SETLK, &fl), 0);
	/* a write lock needs a writable descriptor */
	fl.l_type = F_WRLCK;
	CHECK_ERR(sys(FBSD_SYS_fcntl, rfd, F_SETLK, &fl), FBSD_EBADF);
	/* bad lock type, bad whence, bad pointer */
	fl.l_type = 7;
	CHECK_ERR(sys(FBSD_SYS_fcntl, fd, F_SETLK, &fl), FBSD_EINVAL);
	fl.l_type = F_RDLCK;
	fl.l_whence = 9;
	CHECK_ERR(sys(FBSD_SYS_fcntl, fd, F_SETLK, &fl), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_fcntl, fd, F_GETLK, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_fcntl, fd, F_SETLK, 0xffff000000000000UL), FBSD_EFAULT);

	/* unknown command, bad descriptor */
	CHECK_ERR(sys(FBSD_SYS_fcntl, fd, 999, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_fcntl, 999, F_GETFD, 0), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_fcntl, -1, F_GETFL, 0), FBSD_EBADF);

	sys(FBSD_SYS_close, rfd);
	sys(FBSD_SYS_close, fd);
	return 0;
}
