// EXPECT-STDOUT: ^socket_msg done$
/* Socket messages: sendmsg/recvmsg with FreeBSD's struct msghdr (48
 * bytes), SCM_RIGHTS descriptors passed over a local socket with FreeBSD's
 * cmsghdr (12 bytes, data at 16, SOL_SOCKET 0xffff), MSG_CTRUNC when the
 * control buffer is short, MSG_TRUNC/MSG_PEEK/MSG_DONTWAIT with FreeBSD
 * numbers, sendto/recvfrom over UDP loopback with sockaddr_in both ways,
 * and the error paths (EFAULT, EMSGSIZE, EINVAL control, EAGAIN). */
#include "t.h"

#define AF_LOCAL 1
#define AF_INET 2
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOL_SOCKET 0xffff
#define SCM_RIGHTS 1
#define MSG_PEEK 0x2
#define MSG_TRUNC 0x10
#define MSG_CTRUNC 0x20
#define MSG_DONTWAIT 0x80
#define O_RDONLY 0
#define O_CLOEXEC 0x00100000
#define FBSD_SYS_openat 499
#define AT_FDCWD -100

struct iovec { void *base; unsigned long len; };
struct msghdr {
	void *name;
	unsigned namelen;
	struct iovec *iov;
	int iovlen;
	void *control;
	unsigned controllen;
	int flags;
};
struct cmsghdr { unsigned len; int level; int type; };
struct sin {
	unsigned char len, family;
	unsigned short port;
	unsigned char addr[4];
	char zero[8];
};

_Static_assert(sizeof(struct msghdr) == 48, "FreeBSD msghdr");

static void test_pass_fd(void)
{
	int sv[2], fd, got = -1;
	char buf[16], ctl[32], rd[8];
	struct iovec iov = { buf, 3 };
	struct msghdr m;
	struct cmsghdr *c = (struct cmsghdr *)ctl;

	CHECK_EQ(sys(FBSD_SYS_socketpair, AF_LOCAL, SOCK_STREAM, 0, sv), 0);
	fd = (int)sys(FBSD_SYS_openat, AT_FDCWD, "/proc/self/exe", O_RDONLY);
	if (fd < 0)
		fd = (int)sys(FBSD_SYS_openat, AT_FDCWD, "/", O_RDONLY);
	CHECK(fd >= 0);
	memcpy(buf, "abc", 3);
	memset(ctl, 0, sizeof(ctl));
	c->len = 16 + sizeof(int); /* CMSG_LEN(sizeof(int)) */
	c->level = SOL_SOCKET;
	c->type = SCM_RIGHTS;
	memcpy(ctl + 16, &fd, sizeof(int));
	memset(&m, 0, sizeof(m));
	m.iov = &iov;
	m.iovlen = 1;
	m.control = ctl;
	m.controllen = 24; /* CMSG_SPACE(sizeof(int)) */
	CHECK_EQ(sys(FBSD_SYS_sendmsg, sv[0], &m, 0), 3);

	memset(buf, 0, sizeof(buf));
	memset(ctl, 0x55, sizeof(ctl));
	iov.len = sizeof(buf);
	m.controllen = sizeof(ctl);
	m.flags = -1;
	CHECK_EQ(sys(FBSD_SYS_recvmsg, sv[1], &m, 0), 3);
	CHECK(memcmp(buf, "abc", 3) == 0);
	CHECK_EQ(m.controllen, 24); /* CMSG_SPACE: FreeBSD counts the padding */
	CHECK_EQ(m.flags, 0);
	CHECK_EQ(c->len, 20);
	CHECK_EQ(c->level, SOL_SOCKET);
	CHECK_EQ(c->type, SCM_RIGHTS);
	memcpy(&got, ctl + 16, sizeof(int));
	CHECK(got >= 0 && got != fd);
	/* The new descriptor reads the same file. */
	CHECK_EQ(sys(FBSD_SYS_pread, got, rd, 4, 0), sys(FBSD_SYS_pread, fd, buf, 4, 0));
	sys(FBSD_SYS_close, got);

	/* CMSG_LEN bytes of room: the descriptor arrives, but the padding is
	 * cut, which FreeBSD reports as MSG_CTRUNC. */
	iov.len = 1;
	c->len = 16 + sizeof(int);
	memcpy(ctl + 16, &fd, sizeof(int));
	m.controllen = 24;
	CHECK_EQ(sys(FBSD_SYS_sendmsg, sv[0], &m, 0), 1);
	memset(ctl, 0x55, sizeof(ctl));
	m.controllen = 20;
	iov.len = sizeof(buf);
	CHECK_EQ(sys(FBSD_SYS_recvmsg, sv[1], &m, 0), 1);
	CHECK_EQ(m.controllen, 20);
	CHECK_EQ(m.flags & MSG_CTRUNC, MSG_CTRUNC);
	CHECK_EQ(c->len, 20);
	memcpy(&got, ctl + 16, sizeof(int));
	CHECK(got >= 0);
	CHECK_EQ(sys(FBSD_SYS_close, got), 0);

	/* Room for part of the header only: those bytes, MSG_CTRUNC. */
	iov.len = 1;
	c->len = 16 + sizeof(int);
	c->level = SOL_SOCKET;
	c->type = SCM_RIGHTS;
	memcpy(ctl + 16, &fd, sizeof(int));
	m.controllen = 24;
	CHECK_EQ(sys(FBSD_SYS_sendmsg, sv[0], &m, 0), 1);
	memset(ctl, 0x55, sizeof(ctl));
	m.controllen = 8;
	iov.len = sizeof(buf);
	CHECK_EQ(sys(FBSD_SYS_recvmsg, sv[1], &m, 0), 1);
	CHECK_EQ(m.controllen, 8);
	CHECK_EQ(m.flags & MSG_CTRUNC, MSG_CTRUNC);
	CHECK_EQ(c->len, 20);
	CHECK_EQ(c->level, SOL_SOCKET);
	CHECK_EQ((unsigned char)ctl[8], 0x55); /* nothing beyond the room */

	/* Errors: bad msghdr, too many iovecs, a control message of an
	 * unknown level, nothing to read with MSG_DONTWAIT. */
	CHECK_ERR(sys(FBSD_SYS_sendmsg, sv[0], 8, 0), FBSD_EFAULT);
	m.iovlen = 1025;
	CHECK_ERR(sys(FBSD_SYS_sendmsg, sv[0], &m, 0), FBSD_EMSGSIZE);
	m.iovlen = 1;
	m.control = ctl;
	m.controllen = 24;
	c->len = 20;
	c->level = 1; /* Linux's SOL_SOCKET means nothing to FreeBSD */
	c->type = SCM_RIGHTS;
	CHECK_ERR(sys(FBSD_SYS_sendmsg, sv[0], &m, 0), FBSD_EINVAL);
	m.control = 0;
	m.controllen = 0;
	CHECK_ERR(sys(FBSD_SYS_recvmsg, sv[1], &m, MSG_DONTWAIT), FBSD_EAGAIN);
	sys(FBSD_SYS_close, fd);
	sys(FBSD_SYS_close, sv[0]);
	sys(FBSD_SYS_close, sv[1]);
}

static void test_udp(void)
{
	int a = (int)sys(FBSD_SYS_socket, AF_INET, SOCK_DGRAM, 0);
	int b = (int)sys(FBSD_SYS_socket, AF_INET, SOCK_DGRAM, 0);
	struct sin sa = { 16, AF_INET, 0, { 127, 0, 0, 1 }, { 0 } }, from;
	unsigned len = sizeof(sa), flen;
	char buf[8];
	struct iovec iov = { buf, 4 };
	struct msghdr m;

	CHECK(a >= 0 && b >= 0);
	CHECK_EQ(sys(FBSD_SYS_bind, a, &sa, sizeof(sa)), 0);
	CHECK_EQ(sys(FBSD_SYS_getsockname, a, &sa, &len), 0);
	CHECK(sa.port != 0);
	CHECK_EQ(sys(FBSD_SYS_sendto, b, "hello", 5, 0, &sa, sizeof(sa)), 5);
	/* Peek, then a short read: MSG_TRUNC, the sender's address. */
	memset(&from, 0, sizeof(from));
	flen = sizeof(from);
	CHECK_EQ(sys(FBSD_SYS_recvfrom, a, buf, 2, MSG_PEEK, &from, &flen), 2);
	CHECK_EQ(flen, 16);
	CHECK_EQ(from.len, 16);
	CHECK_EQ(from.family, AF_INET);
	CHECK_EQ(from.addr[0], 127);
	memset(&m, 0, sizeof(m));
	m.name = &from;
	m.namelen = 8; /* truncated */
	m.iov = &iov;
	m.iovlen = 1;
	CHECK_EQ(sys(FBSD_SYS_recvmsg, a, &m, 0), 4);
	CHECK(memcmp(buf, "hell", 4) == 0);
	CHECK_EQ(m.flags & MSG_TRUNC, MSG_TRUNC);
	CHECK_EQ(m.namelen, 8);
	/* sendto errors: bad address family length, bad buffer. */
	CHECK_ERR(sys(FBSD_SYS_sendto, b, "x", 1, 0, &sa, 1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sendto, b, 8, 1, 0, &sa, sizeof(sa)), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_recvfrom, a, buf, 4, MSG_DONTWAIT, 0, 0), FBSD_EAGAIN);
	sys(FBSD_SYS_close, a);
	sys(FBSD_SYS_close, b);
}

int main(void)
{
	test_pass_fd();
	test_udp();
	t_puts("socket_msg done");
	return 0;
}
