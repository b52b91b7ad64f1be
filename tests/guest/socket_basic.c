/* Sockets: FreeBSD sockaddrs (length byte, AF_INET6 = 28, sockaddr_un)
 * both ways, SOCK_CLOEXEC/SOCK_NONBLOCK, a TCP connection over loopback,
 * socketpair, option numbers and values (SOL_SOCKET flags answer with
 * their bit, SO_ERROR with a FreeBSD errno), and the error paths. */
#include "t.h"

#define AF_LOCAL 1
#define AF_INET 2
#define AF_INET6 28
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_CLOEXEC 0x10000000
#define SOCK_NONBLOCK 0x20000000
#define SOL_SOCKET 0xffff
#define SO_REUSEADDR 0x0004
#define SO_KEEPALIVE 0x0008
#define SO_ERROR 0x1007
#define SO_TYPE 0x1008
#define SO_DOMAIN 0x1019
#define IPPROTO_TCP 6
#define TCP_NODELAY 1
#define IPPROTO_IPV6 41
#define IPV6_V6ONLY 27
#define F_GETFD 1
#define F_GETFL 3
#define O_NONBLOCK 0x4

struct sin {
	unsigned char len, family;
	unsigned short port; /* network order */
	unsigned char addr[4];
	char zero[8];
};

struct sin6 {
	unsigned char len, family;
	unsigned short port;
	unsigned int flowinfo;
	unsigned char addr[16];
	unsigned int scope;
};

static struct sin loopback(unsigned short port_be)
{
	struct sin a;

	memset(&a, 0, sizeof(a));
	a.len = sizeof(a);
	a.family = AF_INET;
	a.port = port_be;
	a.addr[0] = 127;
	a.addr[3] = 1;
	return a;
}

static void tcp(void)
{
	struct sin a = loopback(0), b, c;
	unsigned int len;
	long ls, cs, as, v;
	char buf[8];

	ls = sys(FBSD_SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	CHECK(ls >= 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, ls, F_GETFD, 0), 1);
	v = 1;
	CHECK_EQ(sys(FBSD_SYS_setsockopt, ls, SOL_SOCKET, SO_REUSEADDR, &v, 4), 0);
	len = 4;
	v = 0;
	CHECK_EQ(sys(FBSD_SYS_getsockopt, ls, SOL_SOCKET, SO_REUSEADDR, &v, &len), 0);
	CHECK_EQ(v, SO_REUSEADDR); /* so_options & SO_REUSEADDR */
	CHECK_EQ(len, 4);
	CHECK_EQ(sys(FBSD_SYS_bind, ls, &a, sizeof(a)), 0);
	CHECK_EQ(sys(FBSD_SYS_listen, ls, 5), 0);

	len = sizeof(b);
	memset(&b, 0xee, sizeof(b));
	CHECK_EQ(sys(FBSD_SYS_getsockname, ls, &b, &len), 0);
	CHECK_EQ(len, 16);
	CHECK_EQ(b.len, 16);
	CHECK_EQ(b.family, AF_INET);
	CHECK(b.port != 0);
	CHECK_EQ(b.addr[0], 127);
	/* A short buffer gets the first bytes, and the short length. */
	len = 4;
	memset(&c, 0, sizeof(c));
	CHECK_EQ(sys(FBSD_SYS_getsockname, ls, &c, &len), 0);
	CHECK_EQ(len, 4);
	CHECK_EQ(c.len, 16);
	CHECK_EQ(c.port, b.port);
	CHECK_EQ(c.addr[0], 0);

	cs = sys(FBSD_SYS_socket, AF_INET, SOCK_STREAM, 0);
	CHECK(cs >= 0);
	CHECK_EQ(sys(FBSD_SYS_connect, cs, &b, sizeof(b)), 0);
	len = sizeof(c);
	as = sys(FBSD_SYS_accept4, ls, &c, &len, SOCK_NONBLOCK);
	CHECK(as >= 0);
	CHECK_EQ(len, 16);
	CHECK_EQ(c.family, AF_INET);
	CHECK_EQ(sys(FBSD_SYS_fcntl, as, F_GETFD, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, as, F_GETFL, 0) & O_NONBLOCK, O_NONBLOCK);
	/* The peer of the accepted socket is the client's own name. */
	len = sizeof(a);
	CHECK_EQ(sys(FBSD_SYS_getpeername, as, &a, &len), 0);
	len = sizeof(b);
	CHECK_EQ(sys(FBSD_SYS_getsockname, cs, &b, &len), 0);
	CHECK_EQ(a.port, b.port);
	CHECK_EQ(a.family, AF_INET);

	v = 1;
	CHECK_EQ(sys(FBSD_SYS_setsockopt, cs, IPPROTO_TCP, TCP_NODELAY, &v, 4), 0);
	len = 4;
	CHECK_EQ(sys(FBSD_SYS_getsockopt, cs, IPPROTO_TCP, TCP_NODELAY, &v, &len), 0);
	CHECK(v != 0);
	len = 4;
	CHECK_EQ(sys(FBSD_SYS_getsockopt, cs, SOL_SOCKET, SO_TYPE, &v, &len), 0);
	CHECK_EQ(v, SOCK_STREAM);
	len = 4;
	CHECK_EQ(sys(FBSD_SYS_getsockopt, cs, SOL_SOCKET, SO_DOMAIN, &v, &len), 0);
	CHECK_EQ(v, AF_INET);
	len = 4;
	CHECK_EQ(sys(FBSD_SYS_getsockopt, cs, SOL_SOCKET, SO_KEEPALIVE, &v, &len), 0);
	CHECK_EQ(v, 0);

	CHECK_EQ(sys(FBSD_SYS_write, cs, "ping", 4), 4);
	CHECK_EQ(sys(FBSD_SYS_read, as, buf, sizeof(buf)), 4);
	CHECK(memcmp(buf, "ping", 4) == 0);
	CHECK_ERR(sys(FBSD_SYS_read, as, buf, sizeof(buf)), FBSD_EAGAIN);
	CHECK_EQ(sys(FBSD_SYS_shutdown, cs, 1), 0);
	CHECK_EQ(sys(FBSD_SYS_read, as, buf, sizeof(buf)), 0);
	CHECK_ERR(sys(FBSD_SYS_shutdown, cs, 3), FBSD_EINVAL);

	/* Nobody listens any more: refused, and SO_ERROR is 0 on a fresh one. */
	len = sizeof(b);
	CHECK_EQ(sys(FBSD_SYS_getsockname, ls, &b, &len), 0);
	sys(FBSD_SYS_close, ls);
	sys(FBSD_SYS_close, as);
	sys(FBSD_SYS_close, cs);
	cs = sys(FBSD_SYS_socket, AF_INET, SOCK_STREAM, 0);
	len = 4;
	int e = -1;
	CHECK_EQ(sys(FBSD_SYS_getsockopt, cs, SOL_SOCKET, SO_ERROR, &e, &len), 0);
	CHECK_EQ(e, 0);
	CHECK_ERR(sys(FBSD_SYS_connect, cs, &b, sizeof(b)), FBSD_ECONNREFUSED);
	sys(FBSD_SYS_close, cs);
}

static void ipv6(void)
{
	struct sin6 a, b;
	unsigned int len;
	long s, v;

	s = sys(FBSD_SYS_socket, AF_INET6, SOCK_STREAM, 0);
	CHECK(s >= 0);
	v = 1;
	CHECK_EQ(sys(FBSD_SYS_setsockopt, s, IPPROTO_IPV6, IPV6_V6ONLY, &v, 4), 0);
	len = 4;
	v = 0;
	CHECK_EQ(sys(FBSD_SYS_getsockopt, s, IPPROTO_IPV6, IPV6_V6ONLY, &v, &len), 0);
	CHECK_EQ(v, 1);
	memset(&a, 0, sizeof(a));
	a.len = sizeof(a);
	a.family = AF_INET6;
	a.addr[15] = 1; /* ::1 */
	long r = sys(FBSD_SYS_bind, s, &a, sizeof(a));
	if (r == -FBSD_EADDRNOTAVAIL) { /* a host without IPv6 loopback */
		sys(FBSD_SYS_close, s);
		return;
	}
	CHECK_EQ(r, 0);
	len = sizeof(b);
	CHECK_EQ(sys(FBSD_SYS_getsockname, s, &b, &len), 0);
	CHECK_EQ(len, 28);
	CHECK_EQ(b.len, 28);
	CHECK_EQ(b.family, AF_INET6);
	CHECK_EQ(b.addr[15], 1);
	sys(FBSD_SYS_close, s);
}

static void local(void)
{
	int sv[2];
	char buf[8];
	struct {
		unsigned char len, family;
		char path[104];
	} un, got;
	unsigned int len;
	long s;

	CHECK_EQ(sys(FBSD_SYS_socketpair, AF_LOCAL, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, sv[1], F_GETFD, 0), 1);
	CHECK_EQ(sys(FBSD_SYS_write, sv[0], "abc", 3), 3);
	CHECK_EQ(sys(FBSD_SYS_read, sv[1], buf, sizeof(buf)), 3);
	CHECK(memcmp(buf, "abc", 3) == 0);
	/* An unnamed local socket: FreeBSD's 16-byte sun_noname. */
	len = sizeof(got);
	CHECK_EQ(sys(FBSD_SYS_getsockname, sv[0], &got, &len), 0);
	CHECK_EQ(len, 16);
	CHECK_EQ(got.family, AF_LOCAL);
	sys(FBSD_SYS_close, sv[0]);
	sys(FBSD_SYS_close, sv[1]);
	CHECK_ERR(sys(FBSD_SYS_socketpair, AF_LOCAL, SOCK_STREAM, 0, 8), FBSD_EFAULT);

	s = sys(FBSD_SYS_socket, AF_LOCAL, SOCK_DGRAM, 0);
	CHECK(s >= 0);
	memset(&un, 0, sizeof(un));
	un.family = AF_LOCAL;
	strcpy(un.path, "sock");
	un.len = 2 + 5;
	CHECK_EQ(sys(FBSD_SYS_bind, s, &un, un.len), 0);
	len = sizeof(got);
	CHECK_EQ(sys(FBSD_SYS_getsockname, s, &got, &len), 0);
	CHECK_EQ(got.family, AF_LOCAL);
	CHECK_EQ(strcmp(got.path, "sock"), 0);
	CHECK_EQ(len, got.len);
	CHECK_ERR(sys(FBSD_SYS_bind, s, &un, un.len), FBSD_EINVAL); /* bound */
	sys(FBSD_SYS_close, s);
	sys(FBSD_SYS_unlink, "sock");
}

static void errors(void)
{
	struct sin a = loopback(0);
	unsigned int len = 4;
	long s, v = 1;
	char big[300];

	CHECK_ERR(sys(FBSD_SYS_socket, 99, SOCK_STREAM, 0), FBSD_EAFNOSUPPORT);
	CHECK_ERR(sys(FBSD_SYS_socket, AF_INET, SOCK_STREAM | 0x01000000, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_listen, 0x7fff, 1), FBSD_EBADF);
	s = sys(FBSD_SYS_open, "/dev/null", 0);
	CHECK_ERR(sys(FBSD_SYS_accept, s, 0, 0), FBSD_ENOTSOCK);
	sys(FBSD_SYS_close, s);

	s = sys(FBSD_SYS_socket, AF_INET, SOCK_STREAM, 0);
	memset(big, 0, sizeof(big));
	CHECK_ERR(sys(FBSD_SYS_bind, s, big, sizeof(big)), FBSD_ENAMETOOLONG);
	CHECK_ERR(sys(FBSD_SYS_bind, s, &a, 1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_bind, s, 8, sizeof(a)), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_setsockopt, s, SOL_SOCKET, 0x7777, &v, 4), FBSD_ENOPROTOOPT);
	CHECK_ERR(sys(FBSD_SYS_getsockopt, s, 1234, 1, &v, &len), FBSD_ENOPROTOOPT);
	CHECK_ERR(sys(FBSD_SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, 2), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getpeername, s, &a, &len), FBSD_ENOTCONN);
	sys(FBSD_SYS_close, s);
}

int main(int argc, char **argv, char **envp)
{
	tcp();
	ipv6();
	local();
	errors();
	t_puts("socket_basic: ok");
	return 0;
}
