/* sendfile(2): a file's bytes with a header and a trailer to a stream
 * socket, offsets and lengths, an offset past the end, *sbytes, a full
 * non-blocking socket (EAGAIN with the partial count), and the error
 * paths in FreeBSD's order. */
#include "t.h"

#define AF_LOCAL 1
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_NONBLOCK 0x20000000
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0x200
#define O_TRUNC 0x400

struct iov { const void *base; unsigned long len; };
struct sf_hdtr { struct iov *headers; int hdr_cnt; struct iov *trailers; int trl_cnt; };

static char data[5000];
static char got[9000];

/* Reads exactly N bytes from FD. */
static void read_n(int fd, char *buf, long n)
{
	long have = 0;
	while (have < n) {
		long r = sys(FBSD_SYS_read, fd, buf + have, n - have);
		CHECK(r > 0);
		have += r;
	}
}

int main(int argc, char **argv, char **envp)
{
	int sp[2], dg[2], p[2];
	long long sb = -1;

	for (int i = 0; i < (int)sizeof(data); i++)
		data[i] = (char)(i * 7 + 3);
	int fd = (int)sys(FBSD_SYS_open, "sf.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_write, fd, data, sizeof(data)), (long)sizeof(data));
	CHECK_EQ(sys(FBSD_SYS_socketpair, AF_LOCAL, SOCK_STREAM, 0, sp), 0);

	/* the whole file (nbytes 0), a header of two pieces and a trailer */
	struct iov h[2] = { { "HEAD", 4 }, { "er:", 3 } }, t[1] = { { ":TRAIL", 6 } };
	struct sf_hdtr ht = { h, 2, t, 1 };
	CHECK_EQ(sys(FBSD_SYS_sendfile, fd, sp[0], 0, 0, &ht, &sb, 0), 0);
	CHECK_EQ(sb, 7 + 5000 + 6);
	read_n(sp[1], got, 7 + 5000 + 6);
	CHECK(memcmp(got, "HEADer:", 7) == 0);
	CHECK(memcmp(got + 7, data, 5000) == 0);
	CHECK(memcmp(got + 5007, ":TRAIL", 6) == 0);

	/* a slice: offset 100, 250 bytes; the file offset does not move */
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 17, 0), 17);
	CHECK_EQ(sys(FBSD_SYS_sendfile, fd, sp[0], 100, 250, 0, &sb, 0), 0);
	CHECK_EQ(sb, 250);
	read_n(sp[1], got, 250);
	CHECK(memcmp(got, data + 100, 250) == 0);
	CHECK_EQ(sys(FBSD_SYS_lseek, fd, 0, 1), 17);
	/* nbytes past the end stops at the end; no sbytes pointer is fine */
	CHECK_EQ(sys(FBSD_SYS_sendfile, fd, sp[0], 4990, 100, 0, 0, 0), 0);
	read_n(sp[1], got, 10);
	CHECK(memcmp(got, data + 4990, 10) == 0);
	/* an offset past the end: only header and trailer */
	CHECK_EQ(sys(FBSD_SYS_sendfile, fd, sp[0], 9999, 0, &ht, &sb, 0), 0);
	CHECK_EQ(sb, 13);
	read_n(sp[1], got, 13);
	CHECK(memcmp(got, "HEADer::TRAIL", 13) == 0);

	/* a full non-blocking socket: EAGAIN, and sbytes says how much went */
	int nb[2];
	CHECK_EQ(sys(FBSD_SYS_socketpair, AF_LOCAL, SOCK_STREAM | SOCK_NONBLOCK, 0, nb), 0);
	long long total = 0;
	long r = 0;
	for (int i = 0; i < 10000; i++) {
		sb = -1;
		r = sys(FBSD_SYS_sendfile, fd, nb[0], 0, 0, 0, &sb, 0);
		CHECK(sb >= 0 && sb <= 5000);
		total += sb;
		if (r < 0)
			break;
		CHECK_EQ(sb, 5000);
	}
	CHECK_ERR(r, FBSD_EAGAIN);
	CHECK(total > 0);

	/* errors */
	CHECK_ERR(sys(FBSD_SYS_sendfile, fd, sp[0], -1, 0, 0, &sb, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sendfile, fd, sp[0], 0, 0, 8, &sb, 0), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_sendfile, 999, sp[0], 0, 0, 0, &sb, 0), FBSD_EBADF);
	int wo = (int)sys(FBSD_SYS_open, "sf.dat", O_WRONLY);
	CHECK_ERR(sys(FBSD_SYS_sendfile, wo, sp[0], 0, 0, 0, &sb, 0), FBSD_EBADF);
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	sb = 77;
	CHECK_ERR(sys(FBSD_SYS_sendfile, p[0], sp[0], 0, 0, 0, &sb, 0), FBSD_EINVAL);
	CHECK_EQ(sb, 0);        /* fo_sendfile ran: *sbytes written */
	CHECK_ERR(sys(FBSD_SYS_sendfile, fd, fd, 0, 0, 0, &sb, 0), FBSD_ENOTSOCK);
	CHECK_ERR(sys(FBSD_SYS_sendfile, fd, 999, 0, 0, 0, &sb, 0), FBSD_EBADF);
	CHECK_EQ(sys(FBSD_SYS_socketpair, AF_LOCAL, SOCK_DGRAM, 0, dg), 0);
	CHECK_ERR(sys(FBSD_SYS_sendfile, fd, dg[0], 0, 0, 0, &sb, 0), FBSD_EINVAL);
	int us = (int)sys(FBSD_SYS_socket, AF_LOCAL, SOCK_STREAM, 0);
	CHECK(us >= 0);
	CHECK_ERR(sys(FBSD_SYS_sendfile, fd, us, 0, 0, 0, &sb, 0), FBSD_ENOTCONN);
	/* a dead peer: EPIPE and, for the file data, no SIGPIPE */
	CHECK_EQ(sys(FBSD_SYS_close, sp[1]), 0);
	CHECK_ERR(sys(FBSD_SYS_sendfile, fd, sp[0], 0, 0, 0, &sb, 0), FBSD_EPIPE);
	return 0;
}
