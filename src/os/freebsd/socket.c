/* Sockets: socket (97), socketpair (135), bind (104), listen (106),
 * connect (98), accept (30), accept4 (541), getsockname (32), getpeername
 * (31), setsockopt (105), getsockopt (118), shutdown (134); the message
 * calls are in sockmsg.c.  What Go's net
 * package (httptest servers in the encoding/json and compress/gzip tests)
 * needs: local, IPv4 and IPv6 stream and datagram sockets.
 *
 * Semantics after sys/kern/uipc_syscalls.c, uipc_socket.c and
 * netinet/in_pcb.c:
 *  - Addresses cross as FreeBSD sockaddrs: a length byte, a one-byte family
 *    (AF_LOCAL 1, AF_INET 2, AF_INET6 28), sockaddr_un with a 104-byte
 *    path.  getsockaddr(): a length above SOCK_MAXADDRLEN is ENAMETOOLONG,
 *    one shorter than the family and length bytes EINVAL; the kernel sets
 *    sa_len itself.  Results are truncated to the caller's buffer and the
 *    length written back is the truncated one (kern_getsockname()).
 *  - type carries SOCK_CLOEXEC / SOCK_NONBLOCK in its high bits.
 *  - accept and connect may block: through fbsd_safe_syscall so that a
 *    guest signal interrupts them.
 *  - Options: a table maps (level, name) both ways; an option not in it is
 *    ENOPROTOOPT, as FreeBSD answers an unknown one.  SO_ERROR carries an
 *    errno, SO_DOMAIN a family: both are translated. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "signal.h"
#include "socket.h"
#include "syscall.h"

#define FBSD_SOCK_CLOEXEC 0x10000000
#define FBSD_SOCK_NONBLOCK 0x20000000
#define FBSD_SOCK_MAXADDRLEN 255
#define FBSD_AF_UNSPEC 0
#define FBSD_AF_LOCAL 1
#define FBSD_AF_INET 2
#define FBSD_AF_INET6 28

#define FBSD_SOL_SOCKET 0xffff
#define FBSD_IPPROTO_IP 0
#define FBSD_IPPROTO_TCP 6
#define FBSD_IPPROTO_IPV6 41

/* struct sockaddr_in, sockaddr_in6, sockaddr_un (sys/netinet/in.h,
 * netinet6/in6.h, sys/un.h): Linux's without the length byte. */
#define FBSD_SIN_LEN 16
#define FBSD_SIN6_LEN 28
#define FBSD_SUN_PATH 104
#define FBSD_SUN_LEN (2 + FBSD_SUN_PATH)
_Static_assert(sizeof(struct sockaddr_in) == FBSD_SIN_LEN, "sockaddr_in");
_Static_assert(sizeof(struct sockaddr_in6) == FBSD_SIN6_LEN, "sockaddr_in6");
_Static_assert(sizeof(((struct sockaddr_un *)0)->sun_path) >= FBSD_SUN_PATH, "sun_path");
_Static_assert(SOCK_STREAM == 1 && SOCK_DGRAM == 2 && SOCK_RAW == 3 && SOCK_SEQPACKET == 5,
	       "socket types are FreeBSD's");
_Static_assert(SHUT_RD == 0 && SHUT_WR == 1 && SHUT_RDWR == 2, "shutdown how");
_Static_assert(IPPROTO_TCP == FBSD_IPPROTO_TCP && IPPROTO_IPV6 == FBSD_IPPROTO_IPV6 &&
		       IPPROTO_IP == FBSD_IPPROTO_IP,
	       "protocol numbers");

static int host_family(int fam)
{
	switch (fam) {
	case FBSD_AF_UNSPEC: return AF_UNSPEC;
	case FBSD_AF_LOCAL: return AF_UNIX;
	case FBSD_AF_INET: return AF_INET;
	case FBSD_AF_INET6: return AF_INET6;
	}
	return -1;
}

static int guest_family(int fam)
{
	switch (fam) {
	case AF_UNSPEC: return FBSD_AF_UNSPEC;
	case AF_UNIX: return FBSD_AF_LOCAL;
	case AF_INET: return FBSD_AF_INET;
	case AF_INET6: return FBSD_AF_INET6;
	}
	return -1;
}

/* A guest sockaddr at GA (LEN bytes) into host form.  Returns the host
 * length, or a negative FreeBSD errno. */
static int sa_in(gaddr_t ga, uint32_t len, struct sockaddr_storage *hs)
{
	unsigned char g[FBSD_SOCK_MAXADDRLEN];

	if (len > FBSD_SOCK_MAXADDRLEN)
		return -FBSD_ENAMETOOLONG;
	if (len < 2)
		return -FBSD_EINVAL;
	if (copy_from_guest(g, ga, len) < 0)
		return -FBSD_EFAULT;
	memset(hs, 0, sizeof(*hs));
	switch (g[1]) {
	case FBSD_AF_INET:
		if (len < FBSD_SIN_LEN)
			return -FBSD_EINVAL;
		memcpy(hs, g, FBSD_SIN_LEN);
		hs->ss_family = AF_INET;
		return sizeof(struct sockaddr_in);
	case FBSD_AF_INET6:
		if (len < FBSD_SIN6_LEN)
			return -FBSD_EINVAL;
		memcpy(hs, g, FBSD_SIN6_LEN);
		hs->ss_family = AF_INET6;
		return sizeof(struct sockaddr_in6);
	case FBSD_AF_LOCAL: {
		struct sockaddr_un *un = (struct sockaddr_un *)hs;
		size_t n = len - 2;

		/* The path ends at the first NUL or at the given length. */
		if (n > FBSD_SUN_PATH)
			n = FBSD_SUN_PATH;
		un->sun_family = AF_UNIX;
		memcpy(un->sun_path, g + 2, n);
		n = strnlen(un->sun_path, n);
		if (n == 0)
			return -FBSD_EINVAL;
		return (int)(offsetof(struct sockaddr_un, sun_path) + n + 1);
	}
	}
	return -FBSD_EAFNOSUPPORT;
}

/* A host sockaddr (HLEN bytes) out to the guest's NAME/LENP pair, truncated
 * to *LENP as FreeBSD does.  Returns 0 or a FreeBSD errno. */
static int sa_out(const struct sockaddr_storage *hs, socklen_t hlen, gaddr_t name, gaddr_t lenp)
{
	unsigned char g[FBSD_SUN_LEN + 2];
	uint32_t glen = 0, want;

	memset(g, 0, sizeof(g));
	if (hlen < offsetof(struct sockaddr, sa_data)) {
		/* Linux's unnamed socket; FreeBSD's sun_noname has 16 bytes. */
		glen = 16;
		g[1] = FBSD_AF_LOCAL;
	} else if (hs->ss_family == AF_INET) {
		memcpy(g, hs, FBSD_SIN_LEN);
		glen = FBSD_SIN_LEN;
		g[1] = FBSD_AF_INET;
	} else if (hs->ss_family == AF_INET6) {
		memcpy(g, hs, FBSD_SIN6_LEN);
		glen = FBSD_SIN6_LEN;
		g[1] = FBSD_AF_INET6;
	} else if (hs->ss_family == AF_UNIX) {
		const struct sockaddr_un *un = (const struct sockaddr_un *)hs;
		size_t n = hlen - offsetof(struct sockaddr_un, sun_path);

		if (n > FBSD_SUN_PATH)
			n = FBSD_SUN_PATH;
		memcpy(g + 2, un->sun_path, n);
		n = strnlen((char *)g + 2, n);
		glen = n ? (uint32_t)(2 + n + 1) : 16;
		if (glen > FBSD_SUN_LEN)
			glen = FBSD_SUN_LEN;
		g[1] = FBSD_AF_LOCAL;
	} else {
		return FBSD_EAFNOSUPPORT;
	}
	g[0] = (unsigned char)glen;
	if (copy_from_guest(&want, lenp, sizeof(want)) < 0)
		return FBSD_EFAULT;
	if ((int32_t)want < 0)
		return FBSD_EINVAL;
	if (want > glen)
		want = glen;
	if (want && copy_to_guest(name, g, want) < 0)
		return FBSD_EFAULT;
	if (copy_to_guest(lenp, &want, sizeof(want)) < 0)
		return FBSD_EFAULT;
	return 0;
}

int fbsd_sockaddr_in(gaddr_t ga, uint32_t len, struct sockaddr_storage *hs)
{
	return sa_in(ga, len, hs);
}

int fbsd_sockaddr_out(const struct sockaddr_storage *hs, socklen_t hlen, gaddr_t name,
		      gaddr_t lenp)
{
	return sa_out(hs, hlen, name, lenp);
}

/* SOCK_CLOEXEC / SOCK_NONBLOCK in TYPE (or accept4's flags) to host bits. */
static int type_flags(int32_t t)
{
	int h = 0;

	if (t & FBSD_SOCK_CLOEXEC)
		h |= SOCK_CLOEXEC;
	if (t & FBSD_SOCK_NONBLOCK)
		h |= SOCK_NONBLOCK;
	return h;
}

int fbsd_sys_socket(struct fbsd_thread *td, const struct fbsd_socket_args *uap)
{
	int fam = host_family(uap->domain);
	int type = uap->type & ~(FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK);

	if (fam < 0 || fam == AF_UNSPEC)
		return FBSD_EAFNOSUPPORT;
	if (type & ~0xff)
		return FBSD_EINVAL;
	return host_ret(td, socket(fam, type | type_flags(uap->type), uap->protocol));
}

int fbsd_sys_socketpair(struct fbsd_thread *td, const struct fbsd_socketpair_args *uap)
{
	int fam = host_family(uap->domain), sv[2];
	int type = uap->type & ~(FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK);

	if (fam < 0 || fam == AF_UNSPEC)
		return FBSD_EAFNOSUPPORT;
	if (type & ~0xff)
		return FBSD_EINVAL;
	if (socketpair(fam, type | type_flags(uap->type), uap->protocol, sv) < 0)
		return fbsd_errno(errno);
	if (copy_to_guest(uap->rsv, sv, sizeof(sv)) < 0) {
		close(sv[0]);
		close(sv[1]);
		return FBSD_EFAULT;
	}
	td->retval[0] = 0;
	return 0;
}

int fbsd_sys_bind(struct fbsd_thread *td, const struct fbsd_bind_args *uap)
{
	struct sockaddr_storage hs;
	int n = sa_in(uap->name, uap->namelen, &hs);

	if (n < 0)
		return -n;
	if (hs.ss_family == AF_UNIX) {
		/* uipc_bindat(): a bound socket is EINVAL before the path is
		 * looked at; Linux would say EADDRINUSE for an existing path. */
		struct sockaddr_storage cur;
		socklen_t clen = sizeof(cur);

		if (getsockname(uap->s, (struct sockaddr *)&cur, &clen) == 0 &&
		    cur.ss_family == AF_UNIX && clen > offsetof(struct sockaddr_un, sun_path))
			return FBSD_EINVAL;
	}
	return host_ret(td, bind(uap->s, (struct sockaddr *)&hs, (socklen_t)n));
}

int fbsd_sys_connect(struct fbsd_thread *td, const struct fbsd_connect_args *uap)
{
	struct sockaddr_storage hs;
	int n = sa_in(uap->name, uap->namelen, &hs);

	if (n < 0)
		return -n;
	return host_ret(td, fbsd_safe_syscall(SYS_connect, uap->s, (long)&hs, n, 0, 0, 0));
}

int fbsd_sys_listen(struct fbsd_thread *td, const struct fbsd_listen_args *uap)
{
	return host_ret(td, listen(uap->s, uap->backlog));
}

static int do_accept(struct fbsd_thread *td, int s, gaddr_t name, gaddr_t lenp, int32_t flags)
{
	struct sockaddr_storage hs;
	socklen_t hlen = sizeof(hs);
	long fd;
	int err;

	if (flags & ~(FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK))
		return FBSD_EINVAL;
	fd = fbsd_safe_syscall(SYS_accept4, s, (long)&hs, (long)&hlen, type_flags(flags), 0, 0);
	if (fd < 0)
		return fbsd_errno(errno);
	if (name) {
		err = sa_out(&hs, hlen, name, lenp);
		if (err) {
			close((int)fd);
			return err;
		}
	}
	td->retval[0] = (uint64_t)fd;
	return 0;
}

int fbsd_sys_accept(struct fbsd_thread *td, const struct fbsd_accept_args *uap)
{
	return do_accept(td, uap->s, uap->name, uap->anamelen, 0);
}

int fbsd_sys_accept4(struct fbsd_thread *td, const struct fbsd_accept4_args *uap)
{
	return do_accept(td, uap->s, uap->name, uap->anamelen, uap->flags);
}

static int get_name(struct fbsd_thread *td, int s, gaddr_t name, gaddr_t lenp, int peer)
{
	struct sockaddr_storage hs;
	socklen_t hlen = sizeof(hs);
	int r = peer ? getpeername(s, (struct sockaddr *)&hs, &hlen)
		     : getsockname(s, (struct sockaddr *)&hs, &hlen);

	if (r < 0)
		return fbsd_errno(errno);
	r = sa_out(&hs, hlen, name, lenp);
	if (r == 0)
		td->retval[0] = 0;
	return r;
}

int fbsd_sys_getsockname(struct fbsd_thread *td, const struct fbsd_getsockname_args *uap)
{
	return get_name(td, uap->fdes, uap->asa, uap->alen, 0);
}

int fbsd_sys_getpeername(struct fbsd_thread *td, const struct fbsd_getpeername_args *uap)
{
	return get_name(td, uap->fdes, uap->asa, uap->alen, 1);
}

int fbsd_sys_shutdown(struct fbsd_thread *td, const struct fbsd_shutdown_args *uap)
{
	if (uap->how < 0 || uap->how > 2)
		return FBSD_EINVAL;
	return host_ret(td, shutdown(uap->s, uap->how));
}

/* ---- socket options ---- */

/* OPT_BIT: a SOL_SOCKET flag, which FreeBSD's sogetopt() answers with
 * so_options & name, i.e. the option's own bit when set. */
enum opt_kind { OPT_INT, OPT_BIT, OPT_LINGER, OPT_TIMEVAL, OPT_ERRNO, OPT_FAMILY };

static const struct sockopt_map {
	int glevel, gname, hlevel, hname;
	enum opt_kind kind;
	int readonly;
} sockopts[] = {
	/* sys/sys/socket.h */
	{ FBSD_SOL_SOCKET, 0x0001, SOL_SOCKET, SO_DEBUG, OPT_BIT, 0 },
	{ FBSD_SOL_SOCKET, 0x0002, SOL_SOCKET, SO_ACCEPTCONN, OPT_BIT, 1 },
	{ FBSD_SOL_SOCKET, 0x0004, SOL_SOCKET, SO_REUSEADDR, OPT_BIT, 0 },
	{ FBSD_SOL_SOCKET, 0x0008, SOL_SOCKET, SO_KEEPALIVE, OPT_BIT, 0 },
	{ FBSD_SOL_SOCKET, 0x0010, SOL_SOCKET, SO_DONTROUTE, OPT_BIT, 0 },
	{ FBSD_SOL_SOCKET, 0x0020, SOL_SOCKET, SO_BROADCAST, OPT_BIT, 0 },
	{ FBSD_SOL_SOCKET, 0x0080, SOL_SOCKET, SO_LINGER, OPT_LINGER, 0 },
	{ FBSD_SOL_SOCKET, 0x0100, SOL_SOCKET, SO_OOBINLINE, OPT_BIT, 0 },
	{ FBSD_SOL_SOCKET, 0x0200, SOL_SOCKET, SO_REUSEPORT, OPT_BIT, 0 },
	{ FBSD_SOL_SOCKET, 0x1001, SOL_SOCKET, SO_SNDBUF, OPT_INT, 0 },
	{ FBSD_SOL_SOCKET, 0x1002, SOL_SOCKET, SO_RCVBUF, OPT_INT, 0 },
	{ FBSD_SOL_SOCKET, 0x1003, SOL_SOCKET, SO_SNDLOWAT, OPT_INT, 0 },
	{ FBSD_SOL_SOCKET, 0x1004, SOL_SOCKET, SO_RCVLOWAT, OPT_INT, 0 },
	{ FBSD_SOL_SOCKET, 0x1005, SOL_SOCKET, SO_SNDTIMEO, OPT_TIMEVAL, 0 },
	{ FBSD_SOL_SOCKET, 0x1006, SOL_SOCKET, SO_RCVTIMEO, OPT_TIMEVAL, 0 },
	{ FBSD_SOL_SOCKET, 0x1007, SOL_SOCKET, SO_ERROR, OPT_ERRNO, 1 },
	{ FBSD_SOL_SOCKET, 0x1008, SOL_SOCKET, SO_TYPE, OPT_INT, 1 },
	{ FBSD_SOL_SOCKET, 0x1016, SOL_SOCKET, SO_PROTOCOL, OPT_INT, 1 },
	{ FBSD_SOL_SOCKET, 0x1019, SOL_SOCKET, SO_DOMAIN, OPT_FAMILY, 1 },
	/* netinet/tcp.h */
	{ FBSD_IPPROTO_TCP, 0x01, IPPROTO_TCP, TCP_NODELAY, OPT_INT, 0 },
	{ FBSD_IPPROTO_TCP, 0x02, IPPROTO_TCP, TCP_MAXSEG, OPT_INT, 0 },
	{ FBSD_IPPROTO_TCP, 0x100, IPPROTO_TCP, TCP_KEEPIDLE, OPT_INT, 0 },
	{ FBSD_IPPROTO_TCP, 0x200, IPPROTO_TCP, TCP_KEEPINTVL, OPT_INT, 0 },
	{ FBSD_IPPROTO_TCP, 0x400, IPPROTO_TCP, TCP_KEEPCNT, OPT_INT, 0 },
	/* netinet/in.h */
	{ FBSD_IPPROTO_IP, 3, IPPROTO_IP, IP_TOS, OPT_INT, 0 },
	{ FBSD_IPPROTO_IP, 4, IPPROTO_IP, IP_TTL, OPT_INT, 0 },
	/* netinet6/in6.h */
	{ FBSD_IPPROTO_IPV6, 4, IPPROTO_IPV6, IPV6_UNICAST_HOPS, OPT_INT, 0 },
	{ FBSD_IPPROTO_IPV6, 27, IPPROTO_IPV6, IPV6_V6ONLY, OPT_INT, 0 },
	{ FBSD_IPPROTO_IPV6, 61, IPPROTO_IPV6, IPV6_TCLASS, OPT_INT, 0 },
};

/* struct linger is two ints and struct timeval two 64-bit words on both
 * sides (LP64). */
_Static_assert(sizeof(struct linger) == 8 && sizeof(struct timeval) == 16, "option layouts");

static const struct sockopt_map *find_opt(int level, int name)
{
	for (size_t i = 0; i < sizeof(sockopts) / sizeof(sockopts[0]); i++)
		if (sockopts[i].glevel == level && sockopts[i].gname == name)
			return &sockopts[i];
	return NULL;
}

static size_t opt_size(enum opt_kind k)
{
	return k == OPT_LINGER ? sizeof(struct linger) : k == OPT_TIMEVAL ? sizeof(struct timeval)
									: sizeof(int);
}

int fbsd_sys_setsockopt(struct fbsd_thread *td, const struct fbsd_setsockopt_args *uap)
{
	const struct sockopt_map *m = find_opt(uap->level, uap->name);
	unsigned char v[16];
	size_t n;

	if (!m)
		return FBSD_ENOPROTOOPT;
	if (m->readonly)
		return FBSD_ENOPROTOOPT;
	n = opt_size(m->kind);
	if (!uap->val)
		return FBSD_EINVAL;
	/* sooptcopyin(): shorter than the option is EINVAL, longer is cut. */
	if (uap->valsize < n)
		return FBSD_EINVAL;
	if (copy_from_guest(v, uap->val, n) < 0)
		return FBSD_EFAULT;
	return host_ret(td, setsockopt(uap->s, m->hlevel, m->hname, v, (socklen_t)n));
}

int fbsd_sys_getsockopt(struct fbsd_thread *td, const struct fbsd_getsockopt_args *uap)
{
	const struct sockopt_map *m = find_opt(uap->level, uap->name);
	union {
		int i;
		unsigned char b[16];
	} v;
	socklen_t hn = sizeof(v);
	uint32_t want;

	if (!m)
		return FBSD_ENOPROTOOPT;
	if (copy_from_guest(&want, uap->avalsize, sizeof(want)) < 0)
		return FBSD_EFAULT;
	if ((int32_t)want < 0)
		return FBSD_EINVAL;
	memset(&v, 0, sizeof(v));
	if (getsockopt(uap->s, m->hlevel, m->hname, &v, &hn) < 0)
		return fbsd_errno(errno);
	if (m->kind == OPT_ERRNO && v.i)
		v.i = fbsd_errno(v.i);
	else if (m->kind == OPT_FAMILY)
		v.i = guest_family(v.i);
	else if (m->kind == OPT_BIT)
		v.i = v.i ? m->gname : 0;
	/* sooptcopyout(): as much as fits. */
	if (want > opt_size(m->kind))
		want = (uint32_t)opt_size(m->kind);
	if (want && copy_to_guest(uap->val, &v, want) < 0)
		return FBSD_EFAULT;
	if (copy_to_guest(uap->avalsize, &want, sizeof(want)) < 0)
		return FBSD_EFAULT;
	td->retval[0] = 0;
	return 0;
}
