/* net.routetable ({CTL_NET 4, PF_ROUTE 17}): the interface lists of
 * FreeBSD's routing-socket sysctl, built the way sys/net/rtsock.c builds
 * them (sysctl_rtsock, sysctl_iflist, sysctl_ifmalist, rtsock_msg_buffer)
 * from the host's interfaces.  FreeBSD's getifaddrs(3) and Go's
 * net.Interfaces()/InterfaceAddrs()/MulticastAddrs() read them.
 *
 * MIB {4, 17, 0, af, op, arg}; af 0 is every family, arg 0 every interface
 * (else an interface index):
 *   NET_RT_IFLIST (3), NET_RT_IFLISTL (5): per interface one RTM_IFINFO
 *     (struct if_msghdr[l], then its sockaddr_dl), then one RTM_NEWADDR
 *     (struct ifa_msghdr[l], then netmask, address, broadcast or peer)
 *     per IPv4/IPv6 address of family af;
 *   NET_RT_IFMALIST (4): one RTM_NEWMADDR (struct ifma_msghdr, then the
 *     group's link-layer address, the interface, the group) per multicast
 *     membership, link-layer memberships included.
 * Each sockaddr is padded to sizeof(long) (SA_SIZE), each message to
 * ALIGN() (8).  Errors as sysctl_rtsock(): fewer than 3 components after
 * {4, 17}: EINVAL; af > AF_MAX: EINVAL; more or fewer than {0, af, op,
 * arg}: ENOTDIR / EISDIR; an unknown op: an empty answer.  The route
 * table dumps (NET_RT_DUMP, FLAGS, NHOP, NHGRP) are not provided:
 * EOPNOTSUPP rather than a table that claims there are no routes.
 *
 * Host side: links and addresses come from one rtnetlink dump each
 * (exact interface index of every address, 64-bit counters), multicast
 * memberships from /proc/net/igmp, igmp6 and dev_mcast (a missing file
 * means no memberships of that kind).  What Linux does not know is zero:
 * baudrate, epoch, last change, per-address counters. */
#include "os/freebsd/sysctl.h"

#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "os/freebsd/fbsd_errno.h"
#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/fbsd_types.h"

/* sys/sys/socket.h */
#define FBSD_AF_INET 2
#define FBSD_AF_LINK 18
#define FBSD_AF_INET6 28
#define FBSD_AF_MAX 44          /* AF_DIVERT, FreeBSD 14 */
#define FBSD_NET_RT_DUMP 1
#define FBSD_NET_RT_FLAGS 2
#define FBSD_NET_RT_IFLIST 3
#define FBSD_NET_RT_IFMALIST 4
#define FBSD_NET_RT_IFLISTL 5
#define FBSD_NET_RT_NHOP 6
#define FBSD_NET_RT_NHGRP 7

/* sys/net/route.h */
#define FBSD_RTM_VERSION 5
#define FBSD_RTM_NEWADDR 0xc
#define FBSD_RTM_IFINFO 0xe
#define FBSD_RTM_NEWMADDR 0xf
#define FBSD_RTAX_GATEWAY 1
#define FBSD_RTAX_NETMASK 2
#define FBSD_RTAX_IFP 4
#define FBSD_RTAX_IFA 5
#define FBSD_RTAX_BRD 7
#define FBSD_RTAX_MAX 8

/* sys/net/if.h, if_var.h, if_types.h */
#define FBSD_IFNAMSIZ 16
#define FBSD_IFF_SIMPLEX 0x800
#define FBSD_LINK_STATE_DOWN 1
#define FBSD_LINK_STATE_UP 2
#define FBSD_IFA_ROUTE 0x1
#define FBSD_IFT_OTHER 0x1
#define FBSD_IFT_ETHER 0x6
#define FBSD_IFT_PPP 0x17
#define FBSD_IFT_LOOP 0x18
#define FBSD_IFT_TUNNEL 0x83
#define FBSD_IFT_INFINIBAND 0xc7
#define FBSD_IFT_GIF 0xf0

/* <linux/if.h>, which cannot be included together with <net/if.h>. */
#define LINUX_IFF_LOWER_UP 0x10000

#define SA_SIZE(len) ((len) ? ((size_t)(len) + 7) & ~(size_t)7 : 8)
#define FBSD_ALIGN(len) (((len) + 7) & ~(size_t)7)

/* ---- guest structures (LP64) ---- */

struct fbsd_if_data {
	uint8_t ifi_type;
	uint8_t ifi_physical;
	uint8_t ifi_addrlen;
	uint8_t ifi_hdrlen;
	uint8_t ifi_link_state;
	uint8_t ifi_vhid;
	uint16_t ifi_datalen;
	uint32_t ifi_mtu;
	uint32_t ifi_metric;
	uint64_t ifi_baudrate;
	uint64_t ifi_ipackets;
	uint64_t ifi_ierrors;
	uint64_t ifi_opackets;
	uint64_t ifi_oerrors;
	uint64_t ifi_collisions;
	uint64_t ifi_ibytes;
	uint64_t ifi_obytes;
	uint64_t ifi_imcasts;
	uint64_t ifi_omcasts;
	uint64_t ifi_iqdrops;
	uint64_t ifi_oqdrops;
	uint64_t ifi_noproto;
	uint64_t ifi_hwassist;
	int64_t ifi_epoch;
	struct fbsd_timeval ifi_lastchange;
};
FBSD_CHECK_SIZE(struct fbsd_if_data, 152);
FBSD_CHECK_OFF(struct fbsd_if_data, ifi_datalen, 6);
FBSD_CHECK_OFF(struct fbsd_if_data, ifi_mtu, 8);
FBSD_CHECK_OFF(struct fbsd_if_data, ifi_baudrate, 16);
FBSD_CHECK_OFF(struct fbsd_if_data, ifi_ipackets, 24);
FBSD_CHECK_OFF(struct fbsd_if_data, ifi_hwassist, 120);
FBSD_CHECK_OFF(struct fbsd_if_data, ifi_epoch, 128);
FBSD_CHECK_OFF(struct fbsd_if_data, ifi_lastchange, 136);

/* The first fields every routing message shares; put_msg() fills them. */
struct fbsd_rt_head {
	uint16_t msglen;
	uint8_t version;
	uint8_t type;
	int32_t addrs;
};

struct fbsd_if_msghdr {
	uint16_t ifm_msglen;
	uint8_t ifm_version;
	uint8_t ifm_type;
	int32_t ifm_addrs;
	int32_t ifm_flags;
	uint16_t ifm_index;
	uint16_t _ifm_spare1;
	struct fbsd_if_data ifm_data;
};
FBSD_CHECK_SIZE(struct fbsd_if_msghdr, 168);
FBSD_CHECK_OFF(struct fbsd_if_msghdr, ifm_addrs, 4);
FBSD_CHECK_OFF(struct fbsd_if_msghdr, ifm_index, 12);
FBSD_CHECK_OFF(struct fbsd_if_msghdr, ifm_data, 16);

struct fbsd_if_msghdrl {
	uint16_t ifm_msglen;
	uint8_t ifm_version;
	uint8_t ifm_type;
	int32_t ifm_addrs;
	int32_t ifm_flags;
	uint16_t ifm_index;
	uint16_t _ifm_spare1;
	uint16_t ifm_len;
	uint16_t ifm_data_off;
	int32_t _ifm_spare2;
	struct fbsd_if_data ifm_data;
};
FBSD_CHECK_SIZE(struct fbsd_if_msghdrl, 176);
FBSD_CHECK_OFF(struct fbsd_if_msghdrl, ifm_addrs, 4);
FBSD_CHECK_OFF(struct fbsd_if_msghdrl, ifm_len, 16);
FBSD_CHECK_OFF(struct fbsd_if_msghdrl, ifm_data, 24);

struct fbsd_ifa_msghdr {
	uint16_t ifam_msglen;
	uint8_t ifam_version;
	uint8_t ifam_type;
	int32_t ifam_addrs;
	int32_t ifam_flags;
	uint16_t ifam_index;
	uint16_t _ifam_spare1;
	int32_t ifam_metric;
};
FBSD_CHECK_SIZE(struct fbsd_ifa_msghdr, 20);
FBSD_CHECK_OFF(struct fbsd_ifa_msghdr, ifam_addrs, 4);
FBSD_CHECK_OFF(struct fbsd_ifa_msghdr, ifam_index, 12);
FBSD_CHECK_OFF(struct fbsd_ifa_msghdr, ifam_metric, 16);

struct fbsd_ifa_msghdrl {
	uint16_t ifam_msglen;
	uint8_t ifam_version;
	uint8_t ifam_type;
	int32_t ifam_addrs;
	int32_t ifam_flags;
	uint16_t ifam_index;
	uint16_t _ifam_spare1;
	uint16_t ifam_len;
	uint16_t ifam_data_off;
	int32_t ifam_metric;
	struct fbsd_if_data ifam_data;
};
FBSD_CHECK_SIZE(struct fbsd_ifa_msghdrl, 176);
FBSD_CHECK_OFF(struct fbsd_ifa_msghdrl, ifam_addrs, 4);
FBSD_CHECK_OFF(struct fbsd_ifa_msghdrl, ifam_len, 16);
FBSD_CHECK_OFF(struct fbsd_ifa_msghdrl, ifam_metric, 20);
FBSD_CHECK_OFF(struct fbsd_ifa_msghdrl, ifam_data, 24);

struct fbsd_ifma_msghdr {
	uint16_t ifmam_msglen;
	uint8_t ifmam_version;
	uint8_t ifmam_type;
	int32_t ifmam_addrs;
	int32_t ifmam_flags;
	uint16_t ifmam_index;
	uint16_t _ifmam_spare1;
};
FBSD_CHECK_SIZE(struct fbsd_ifma_msghdr, 16);
FBSD_CHECK_OFF(struct fbsd_ifma_msghdr, ifmam_addrs, 4);
FBSD_CHECK_OFF(struct fbsd_ifma_msghdr, ifmam_index, 12);

struct fbsd_sockaddr_dl {
	uint8_t sdl_len;
	uint8_t sdl_family;
	uint16_t sdl_index;
	uint8_t sdl_type;
	uint8_t sdl_nlen;
	uint8_t sdl_alen;
	uint8_t sdl_slen;
	char sdl_data[46];      /* name, then address; may run longer */
};
FBSD_CHECK_SIZE(struct fbsd_sockaddr_dl, 54);
FBSD_CHECK_OFF(struct fbsd_sockaddr_dl, sdl_data, 8);

struct fbsd_sockaddr_in {
	uint8_t sin_len;
	uint8_t sin_family;
	uint16_t sin_port;
	uint8_t sin_addr[4];
	uint8_t sin_zero[8];
};
FBSD_CHECK_SIZE(struct fbsd_sockaddr_in, 16);

struct fbsd_sockaddr_in6 {
	uint8_t sin6_len;
	uint8_t sin6_family;
	uint16_t sin6_port;
	uint32_t sin6_flowinfo;
	uint8_t sin6_addr[16];
	uint32_t sin6_scope_id;
};
FBSD_CHECK_SIZE(struct fbsd_sockaddr_in6, 28);
FBSD_CHECK_OFF(struct fbsd_sockaddr_in6, sin6_scope_id, 24);

/* One sockaddr of a message; raw[0] is its sa_len (0: an empty one). */
union fbsd_sa {
	uint8_t raw[128];       /* sockaddr_storage */
	struct fbsd_sockaddr_dl dl;
	struct fbsd_sockaddr_in in;
	struct fbsd_sockaddr_in6 in6;
};

/* ---- host interfaces ---- */

struct hlink {
	int index;
	unsigned flags;         /* Linux IFF_* */
	unsigned arphrd;
	uint32_t mtu;
	char name[IF_NAMESIZE];
	uint8_t hw[32];
	unsigned hwlen;
	struct rtnl_link_stats64 st;
};

struct haddr {
	int index;
	int family;             /* host AF_INET / AF_INET6 */
	unsigned plen;
	uint8_t addr[16];
	uint8_t other[16];      /* IPv4 broadcast, or the peer of a p2p link */
	bool has_other;
};

struct hgroup {
	int index;
	int family;             /* host AF_INET, AF_INET6, or AF_PACKET (link) */
	unsigned len;
	uint8_t addr[32];
};

struct vec {
	void *v;
	size_t n, cap;
	bool oom;
};

struct hostnet {
	struct vec links, addrs, groups;
};

/* A new zeroed element of SZ bytes at the end of A, or NULL. */
static void *vec_add(struct vec *a, size_t sz)
{
	if (a->n == a->cap) {
		size_t nc = a->cap ? a->cap * 2 : 16;
		void *nv = realloc(a->v, nc * sz);

		if (!nv) {
			a->oom = true;
			return NULL;
		}
		a->v = nv;
		a->cap = nc;
	}
	return memset((char *)a->v + a->n++ * sz, 0, sz);
}

static void hostnet_free(struct hostnet *hn)
{
	free(hn->links.v);
	free(hn->addrs.v);
	free(hn->groups.v);
}

/* ---- rtnetlink ---- */

#define NL_BUFSZ 65536

typedef void (*nl_cb)(const struct nlmsghdr *, struct hostnet *);

/* The attributes after a message's HDRLEN-byte body header, by type. */
static void rta_parse(const struct nlmsghdr *h, size_t hdrlen,
		      const struct rtattr **tb, unsigned max)
{
	size_t off = NLMSG_HDRLEN + NLMSG_ALIGN(hdrlen), end = h->nlmsg_len;

	memset(tb, 0, (max + 1) * sizeof(*tb));
	while (off + sizeof(struct rtattr) <= end) {
		const struct rtattr *a = (const void *)((const char *)h + off);

		if (a->rta_len < sizeof(*a) || a->rta_len > end - off)
			return;
		if (a->rta_type <= max)
			tb[a->rta_type] = a;
		off += RTA_ALIGN(a->rta_len);
	}
}

/* Copies at most CAP bytes of A's payload; returns how many. */
static size_t rta_copy(void *dst, size_t cap, const struct rtattr *a)
{
	size_t n = a->rta_len - RTA_LENGTH(0);

	if (n > cap)
		n = cap;
	memcpy(dst, RTA_DATA(a), n);
	return n;
}

/* One datagram of a dump: CB for each message; *done at NLMSG_DONE. */
static int nl_walk(const char *buf, size_t n, nl_cb cb, struct hostnet *hn,
		   bool *done)
{
	size_t off = 0;

	while (off + sizeof(struct nlmsghdr) <= n) {
		const struct nlmsghdr *h = (const void *)(buf + off);

		if (h->nlmsg_len < sizeof(*h) || h->nlmsg_len > n - off)
			return FBSD_EIO;
		if (h->nlmsg_type == NLMSG_DONE) {
			*done = true;
			return 0;
		}
		if (h->nlmsg_type == NLMSG_ERROR) {
			const struct nlmsgerr *e = NLMSG_DATA(h);

			return e->error ? fbsd_errno(-e->error) : FBSD_EIO;
		}
		cb(h, hn);
		off += NLMSG_ALIGN(h->nlmsg_len);
	}
	return 0;
}

/* An RTM_GETLINK / RTM_GETADDR dump of every family, CB per message. */
static int nl_dump(int type, nl_cb cb, struct hostnet *hn)
{
	struct {
		struct nlmsghdr h;
		struct rtgenmsg g;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = (uint16_t)type,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 1 },
		.g = { .rtgen_family = AF_UNSPEC },
	};
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	bool done = false;
	char *buf;
	int err = 0;

	if (fd < 0)
		return fbsd_errno(errno);
	buf = malloc(NL_BUFSZ);
	if (!buf)
		err = FBSD_ENOMEM;
	else if (send(fd, &req, sizeof(req), 0) < 0)
		err = fbsd_errno(errno);
	while (!err && !done) {
		ssize_t n = recv(fd, buf, NL_BUFSZ, MSG_TRUNC);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			err = fbsd_errno(errno);
		else if (n > NL_BUFSZ)  /* a truncated datagram */
			err = FBSD_EIO;
		else
			err = nl_walk(buf, (size_t)n, cb, hn, &done);
	}
	free(buf);
	close(fd);
	return err;
}

static void on_link(const struct nlmsghdr *h, struct hostnet *hn)
{
	const struct ifinfomsg *ifi = NLMSG_DATA(h);
	const struct rtattr *tb[IFLA_MAX + 1];
	struct hlink *l;

	if (h->nlmsg_type != RTM_NEWLINK || h->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)))
		return;
	rta_parse(h, sizeof(*ifi), tb, IFLA_MAX);
	if (!tb[IFLA_IFNAME] || !(l = vec_add(&hn->links, sizeof(*l))))
		return;
	l->index = ifi->ifi_index;
	l->flags = ifi->ifi_flags;
	l->arphrd = ifi->ifi_type;
	rta_copy(l->name, sizeof(l->name) - 1, tb[IFLA_IFNAME]);
	if (tb[IFLA_MTU])
		rta_copy(&l->mtu, sizeof(l->mtu), tb[IFLA_MTU]);
	if (tb[IFLA_ADDRESS])
		l->hwlen = (unsigned)rta_copy(l->hw, sizeof(l->hw), tb[IFLA_ADDRESS]);
	if (tb[IFLA_STATS64])   /* older kernels send a shorter struct */
		rta_copy(&l->st, sizeof(l->st), tb[IFLA_STATS64]);
}

static bool rta_is(const struct rtattr *a, size_t len)
{
	return a && a->rta_len - RTA_LENGTH(0) >= len;
}

/* IFA_LOCAL is the address when there is a peer (IFA_ADDRESS); the peer
 * and the IPv4 broadcast address are both FreeBSD's ifa_dstaddr. */
static void on_addr(const struct nlmsghdr *h, struct hostnet *hn)
{
	const struct ifaddrmsg *ifa = NLMSG_DATA(h);
	const struct rtattr *tb[IFA_MAX + 1], *local, *other = NULL;
	size_t alen;
	struct haddr *a;

	if (h->nlmsg_type != RTM_NEWADDR || h->nlmsg_len < NLMSG_LENGTH(sizeof(*ifa)) ||
	    (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6))
		return;
	alen = ifa->ifa_family == AF_INET ? 4 : 16;
	rta_parse(h, sizeof(*ifa), tb, IFA_MAX);
	local = tb[IFA_LOCAL] ? tb[IFA_LOCAL] : tb[IFA_ADDRESS];
	if (!rta_is(local, alen) || !(a = vec_add(&hn->addrs, sizeof(*a))))
		return;
	a->index = (int)ifa->ifa_index;
	a->family = ifa->ifa_family;
	a->plen = ifa->ifa_prefixlen;
	memcpy(a->addr, RTA_DATA(local), alen);
	if (tb[IFA_LOCAL] && rta_is(tb[IFA_ADDRESS], alen) &&
	    memcmp(RTA_DATA(tb[IFA_ADDRESS]), a->addr, alen))
		other = tb[IFA_ADDRESS];
	else if (ifa->ifa_family == AF_INET && tb[IFA_BROADCAST])
		other = tb[IFA_BROADCAST];
	if (rta_is(other, alen)) {
		memcpy(a->other, RTA_DATA(other), alen);
		a->has_other = true;
	}
}

/* ---- multicast memberships (/proc/net) ---- */

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "0a1b..." -> bytes, at most MAX; returns how many. */
static unsigned hex_bytes(const char *s, uint8_t *out, unsigned max)
{
	unsigned n = 0;

	while (n < max && hex_digit(s[0]) >= 0 && hex_digit(s[1]) >= 0) {
		out[n++] = (uint8_t)(hex_digit(s[0]) << 4 | hex_digit(s[1]));
		s += 2;
	}
	return n;
}

static void add_group(struct hostnet *hn, int index, int family,
		      const uint8_t *addr, unsigned len)
{
	struct hgroup *g = vec_add(&hn->groups, sizeof(*g));

	if (g) {
		g->index = index;
		g->family = family;
		g->len = len;
		memcpy(g->addr, addr, len);
	}
}

/* "IDX\tNAME: ..." lines, each followed by "\t\t\t\tGROUP ..." lines;
 * GROUP is the network-order word printed as a (little-endian) host
 * number, so its bytes in memory are the address. */
static void read_igmp(struct hostnet *hn)
{
	FILE *f = fopen("/proc/net/igmp", "re");
	char line[256];
	int index = 0;
	unsigned v;

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (line[0] >= '0' && line[0] <= '9')
			index = atoi(line);
		else if (line[0] == '\t' && index > 0 && sscanf(line, " %x", &v) == 1)
			add_group(hn, index, AF_INET, (const uint8_t *)&v, 4);
	}
	fclose(f);
}

/* igmp6: "IDX NAME GROUP(32 hex) ..."; dev_mcast: "IDX NAME USERS GLOBAL
 * ADDR(hex)". */
static void read_hexlist(struct hostnet *hn, const char *path, const char *fmt,
			 int family, unsigned want)
{
	FILE *f = fopen(path, "re");
	char line[256], hex[80];
	uint8_t addr[32];
	int index;
	unsigned n;

	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, fmt, &index, hex) == 2 &&
		    (n = hex_bytes(hex, addr, sizeof(addr))) > 0 && (!want || n == want))
			add_group(hn, index, family, addr, n);
	fclose(f);
}

static int link_cmp(const void *a, const void *b)
{
	const struct hlink *x = a, *y = b;

	return (x->index > y->index) - (x->index < y->index);
}

/* The host's links (in index order), and their addresses or, with
 * GROUPS, their multicast memberships. */
static int hostnet_read(struct hostnet *hn, bool groups)
{
	int err = nl_dump(RTM_GETLINK, on_link, hn);

	if (!err && !groups)
		err = nl_dump(RTM_GETADDR, on_addr, hn);
	if (!err && groups) {
		read_igmp(hn);
		read_hexlist(hn, "/proc/net/igmp6", "%d %*s %79s", AF_INET6, 16);
		read_hexlist(hn, "/proc/net/dev_mcast", "%d %*s %*d %*d %79s",
			     AF_PACKET, 0);
	}
	if (!err && (hn->links.oom || hn->addrs.oom || hn->groups.oom))
		err = FBSD_ENOMEM;
	if (hn->links.n)
		qsort(hn->links.v, hn->links.n, sizeof(struct hlink), link_cmp);
	return err;
}

/* ---- translation ---- */

/* Linux IFF_* -> FreeBSD IFF_* (if_flags | if_drv_flags).  The rest have
 * no FreeBSD meaning (LOWER_UP becomes the link state). */
static const struct { unsigned lx, fb; } flag_map[] = {
	{ IFF_UP, 0x1 },
	{ IFF_BROADCAST, 0x2 },
	{ IFF_DEBUG, 0x4 },
	{ IFF_LOOPBACK, 0x8 },
	{ IFF_POINTOPOINT, 0x10 },
	{ IFF_RUNNING, 0x40 },          /* IFF_DRV_RUNNING */
	{ IFF_NOARP, 0x80 },
	{ IFF_PROMISC, 0x100 },
	{ IFF_ALLMULTI, 0x200 },
	{ IFF_MULTICAST, 0x8000 },
};

/* ARPHRD_* -> interface type as FreeBSD's driver for the same kind of
 * link sets it; LLADDR: FreeBSD gives it a link-layer address (lo0,
 * tun and gif have none, although Linux reports zeros or the tunnel's
 * IPv4 endpoint). */
struct iftype {
	unsigned arphrd;
	uint8_t ift, hdrlen;
	bool lladdr;
	unsigned flags;         /* FreeBSD flags its drivers always set */
};

static const struct iftype iftypes[] = {
	{ ARPHRD_ETHER, FBSD_IFT_ETHER, 14, true, FBSD_IFF_SIMPLEX },
	{ ARPHRD_LOOPBACK, FBSD_IFT_LOOP, 0, false, 0 },
	{ ARPHRD_PPP, FBSD_IFT_PPP, 0, false, 0 },
	{ ARPHRD_NONE, FBSD_IFT_PPP, 0, false, 0 },     /* tun(4) */
	{ ARPHRD_TUNNEL, FBSD_IFT_GIF, 0, false, 0 },   /* ipip: gif(4) */
	{ ARPHRD_TUNNEL6, FBSD_IFT_GIF, 0, false, 0 },
	{ ARPHRD_SIT, FBSD_IFT_GIF, 0, false, 0 },
	{ ARPHRD_IPGRE, FBSD_IFT_TUNNEL, 0, false, 0 }, /* gre(4) */
	{ ARPHRD_INFINIBAND, FBSD_IFT_INFINIBAND, 0, true, 0 },
};

static const struct iftype *iftype_of(const struct hlink *l)
{
	static const struct iftype other = { 0, FBSD_IFT_OTHER, 0, false, 0 };

	for (size_t i = 0; i < sizeof(iftypes) / sizeof(iftypes[0]); i++)
		if (iftypes[i].arphrd == l->arphrd)
			return &iftypes[i];
	return &other;
}

static int32_t link_flags(const struct hlink *l)
{
	unsigned f = iftype_of(l)->flags;

	for (size_t i = 0; i < sizeof(flag_map) / sizeof(flag_map[0]); i++)
		if (l->flags & flag_map[i].lx)
			f |= flag_map[i].fb;
	return (int32_t)f;
}

static unsigned link_alen(const struct hlink *l)
{
	return iftype_of(l)->lladdr ? l->hwlen : 0;
}

/* if_data from rtnl_link_stats64, counter by counter. */
#define STAT(f, s) { offsetof(struct fbsd_if_data, f), offsetof(struct rtnl_link_stats64, s) }
static const struct { size_t fb, lx; } stat_map[] = {
	STAT(ifi_ipackets, rx_packets),
	STAT(ifi_ierrors, rx_errors),
	STAT(ifi_opackets, tx_packets),
	STAT(ifi_oerrors, tx_errors),
	STAT(ifi_collisions, collisions),
	STAT(ifi_ibytes, rx_bytes),
	STAT(ifi_obytes, tx_bytes),
	STAT(ifi_imcasts, multicast),
	STAT(ifi_iqdrops, rx_dropped),
	STAT(ifi_oqdrops, tx_dropped),
	STAT(ifi_noproto, rx_nohandler),
};

static void fill_if_data(struct fbsd_if_data *d, const struct hlink *l)
{
	d->ifi_type = iftype_of(l)->ift;
	d->ifi_addrlen = (uint8_t)link_alen(l);
	d->ifi_hdrlen = iftype_of(l)->hdrlen;
	d->ifi_link_state = (l->flags & LINUX_IFF_LOWER_UP) ? FBSD_LINK_STATE_UP
							     : FBSD_LINK_STATE_DOWN;
	d->ifi_datalen = sizeof(*d);
	d->ifi_mtu = l->mtu;
	for (size_t i = 0; i < sizeof(stat_map) / sizeof(stat_map[0]); i++)
		memcpy((char *)d + stat_map[i].fb, (const char *)&l->st + stat_map[i].lx,
		       sizeof(uint64_t));
}

/* The interface's own address (if_attach(): room for any name). */
static void sa_link(union fbsd_sa *u, const struct hlink *l)
{
	size_t nlen = strlen(l->name), alen = link_alen(l);
	size_t len = offsetof(struct fbsd_sockaddr_dl, sdl_data) + FBSD_IFNAMSIZ + alen;

	if (len < sizeof(struct fbsd_sockaddr_dl))
		len = sizeof(struct fbsd_sockaddr_dl);
	memset(u, 0, sizeof(*u));
	u->dl.sdl_len = (uint8_t)FBSD_ALIGN(len);
	u->dl.sdl_family = FBSD_AF_LINK;
	u->dl.sdl_index = (uint16_t)l->index;
	u->dl.sdl_type = iftype_of(l)->ift;
	u->dl.sdl_nlen = (uint8_t)nlen;
	u->dl.sdl_alen = (uint8_t)alen;
	memcpy(u->raw + offsetof(struct fbsd_sockaddr_dl, sdl_data), l->name, nlen);
	memcpy(u->raw + offsetof(struct fbsd_sockaddr_dl, sdl_data) + nlen, l->hw, alen);
}

/* A link-layer group address (link_init_sdl(): no name). */
static void sa_lladdr(union fbsd_sa *u, const struct hlink *l, const uint8_t *a,
		      unsigned alen)
{
	memset(u, 0, sizeof(*u));
	u->dl.sdl_len = sizeof(struct fbsd_sockaddr_dl);
	u->dl.sdl_family = FBSD_AF_LINK;
	u->dl.sdl_index = (uint16_t)l->index;
	u->dl.sdl_type = iftype_of(l)->ift;
	u->dl.sdl_alen = (uint8_t)alen;
	memcpy(u->raw + offsetof(struct fbsd_sockaddr_dl, sdl_data), a, alen);
}

/* Link-local unicast, interface- and link-local multicast: the scopes
 * whose sockaddrs carry the interface (sa6_recoverscope()). */
static bool in6_scoped(const uint8_t *a)
{
	return (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) ||
	       (a[0] == 0xff && ((a[1] & 0x0f) == 0x01 || (a[1] & 0x0f) == 0x02));
}

/* An IPv4 or IPv6 address (host FAMILY) of interface INDEX. */
static void sa_inet(union fbsd_sa *u, int family, const uint8_t *a, int index)
{
	memset(u, 0, sizeof(*u));
	if (family == AF_INET) {
		u->in.sin_len = sizeof(u->in);
		u->in.sin_family = FBSD_AF_INET;
		memcpy(u->in.sin_addr, a, 4);
		return;
	}
	u->in6.sin6_len = sizeof(u->in6);
	u->in6.sin6_family = FBSD_AF_INET6;
	memcpy(u->in6.sin6_addr, a, 16);
	if (index && in6_scoped(a))
		u->in6.sin6_scope_id = (uint32_t)index;
}

static void sa_mask(union fbsd_sa *u, int family, unsigned plen)
{
	uint8_t m[16] = { 0 };

	for (unsigned i = 0; i < plen && i < 128; i++)
		m[i / 8] |= (uint8_t)(0x80 >> (i % 8));
	sa_inet(u, family, m, 0);
}

static int fbsd_family(int host)
{
	return host == AF_INET ? FBSD_AF_INET : host == AF_INET6 ? FBSD_AF_INET6
							      : FBSD_AF_LINK;
}

/* ---- messages ---- */

struct out {
	uint8_t *p;
	size_t len, cap;
	bool oom;
};

/* N more zeroed bytes at the end of O, or NULL. */
static uint8_t *out_grow(struct out *o, size_t n)
{
	if (o->len + n > o->cap) {
		size_t nc = o->cap ? o->cap : 4096;
		uint8_t *np;

		while (nc < o->len + n)
			nc *= 2;
		np = realloc(o->p, nc);
		if (!np) {
			o->oom = true;
			return NULL;
		}
		o->p = np;
		o->cap = nc;
	}
	o->len += n;
	return memset(o->p + o->len - n, 0, n);
}

/* rtsock_msg_buffer(): HDR (HDRLEN bytes, filled after rt_head), then
 * each sockaddr of SA (indexed by RTAX_*) padded to SA_SIZE, the message
 * padded to ALIGN; rt_head's length, version, type and address bits. */
static void put_msg(struct out *o, const void *hdr, size_t hdrlen, int type,
		    const union fbsd_sa *const sa[FBSD_RTAX_MAX])
{
	struct fbsd_rt_head head = { .version = FBSD_RTM_VERSION, .type = (uint8_t)type };
	size_t len = hdrlen;
	uint8_t *m, *p;

	for (int i = 0; i < FBSD_RTAX_MAX; i++)
		if (sa[i]) {
			head.addrs |= 1 << i;
			len += SA_SIZE(sa[i]->raw[0]);
		}
	len = FBSD_ALIGN(len);
	head.msglen = (uint16_t)len;
	if (!(m = out_grow(o, len)))
		return;
	memcpy(m, hdr, hdrlen);
	memcpy(m, &head, sizeof(head));
	p = m + hdrlen;
	for (int i = 0; i < FBSD_RTAX_MAX; i++)
		if (sa[i]) {
			memcpy(p, sa[i]->raw, sa[i]->raw[0]);
			p += SA_SIZE(sa[i]->raw[0]);
		}
}

/* RTM_IFINFO: struct if_msghdr (IFLIST) or if_msghdrl (IFLISTL). */
static void put_ifinfo(struct out *o, const struct hlink *l, bool listl)
{
	const union fbsd_sa *sa[FBSD_RTAX_MAX] = { 0 };
	union fbsd_sa dl;

	sa_link(&dl, l);
	sa[FBSD_RTAX_IFP] = &dl;
	if (listl) {
		struct fbsd_if_msghdrl m = {
			.ifm_flags = link_flags(l), .ifm_index = (uint16_t)l->index,
			.ifm_len = sizeof(m),
			.ifm_data_off = offsetof(struct fbsd_if_msghdrl, ifm_data),
		};
		fill_if_data(&m.ifm_data, l);
		put_msg(o, &m, sizeof(m), FBSD_RTM_IFINFO, sa);
	} else {
		struct fbsd_if_msghdr m = {
			.ifm_flags = link_flags(l), .ifm_index = (uint16_t)l->index,
		};
		fill_if_data(&m.ifm_data, l);
		put_msg(o, &m, sizeof(m), FBSD_RTM_IFINFO, sa);
	}
}

/* RTM_NEWADDR: netmask, address, and the broadcast or peer address,
 * which FreeBSD always sends, empty (8 zero bytes) when there is none.
 * IFA_ROUTE: the interface is up, so the prefix route is there. */
static void put_newaddr(struct out *o, const struct hlink *l, const struct haddr *a,
			bool listl)
{
	const union fbsd_sa *sa[FBSD_RTAX_MAX] = { 0 };
	union fbsd_sa mask, addr, brd = { .raw = { 0 } };
	int32_t flags = (l->flags & IFF_UP) ? FBSD_IFA_ROUTE : 0;

	sa_mask(&mask, a->family, a->plen);
	sa_inet(&addr, a->family, a->addr, l->index);
	if (a->has_other)
		sa_inet(&brd, a->family, a->other, l->index);
	sa[FBSD_RTAX_NETMASK] = &mask;
	sa[FBSD_RTAX_IFA] = &addr;
	sa[FBSD_RTAX_BRD] = &brd;
	if (listl) {
		struct fbsd_ifa_msghdrl m = {
			.ifam_flags = flags, .ifam_index = (uint16_t)l->index,
			.ifam_len = sizeof(m),
			.ifam_data_off = offsetof(struct fbsd_ifa_msghdrl, ifam_data),
			.ifam_data = { .ifi_datalen = sizeof(struct fbsd_if_data) },
		};
		put_msg(o, &m, sizeof(m), FBSD_RTM_NEWADDR, sa);
	} else {
		struct fbsd_ifa_msghdr m = {
			.ifam_flags = flags, .ifam_index = (uint16_t)l->index,
		};
		put_msg(o, &m, sizeof(m), FBSD_RTM_NEWADDR, sa);
	}
}

/* ether_resolvemulti(): an IP group's Ethernet group address. */
static void ether_group(const struct hgroup *g, uint8_t mac[6])
{
	if (g->family == AF_INET) {
		mac[0] = 0x01;          /* 01:00:5e + the low 23 bits */
		mac[1] = 0x00;
		mac[2] = 0x5e;
		memcpy(mac + 3, g->addr + 1, 3);
		mac[3] &= 0x7f;
	} else {
		mac[0] = 0x33;          /* 33:33 + the low 32 bits */
		mac[1] = 0x33;
		memcpy(mac + 2, g->addr + 12, 4);
	}
}

/* RTM_NEWMADDR: interface, group, and for an IP group on an Ethernet
 * interface its link-layer group as the gateway. */
static void put_newmaddr(struct out *o, const struct hlink *l, const struct hgroup *g)
{
	const union fbsd_sa *sa[FBSD_RTAX_MAX] = { 0 };
	struct fbsd_ifma_msghdr m = { .ifmam_index = (uint16_t)l->index };
	union fbsd_sa ifp, ifa, gw;
	uint8_t mac[6];

	sa_link(&ifp, l);
	sa[FBSD_RTAX_IFP] = &ifp;
	sa[FBSD_RTAX_IFA] = &ifa;
	if (g->family == AF_PACKET) {
		sa_lladdr(&ifa, l, g->addr, g->len);
	} else {
		sa_inet(&ifa, g->family, g->addr, l->index);
		if (iftype_of(l)->ift == FBSD_IFT_ETHER) {
			ether_group(g, mac);
			sa_lladdr(&gw, l, mac, sizeof(mac));
			sa[FBSD_RTAX_GATEWAY] = &gw;
		}
	}
	put_msg(o, &m, sizeof(m), FBSD_RTM_NEWMADDR, sa);
}

/* sysctl_iflist() / sysctl_ifmalist() over the host's interfaces. */
static void build(struct out *o, const struct hostnet *hn, int af, int op, int index)
{
	const struct hlink *links = hn->links.v;
	const struct haddr *addrs = hn->addrs.v;
	const struct hgroup *groups = hn->groups.v;

	for (size_t i = 0; i < hn->links.n; i++) {
		const struct hlink *l = &links[i];

		if (index && index != l->index)
			continue;
		if (op == FBSD_NET_RT_IFMALIST) {
			for (size_t j = 0; j < hn->groups.n; j++)
				if (groups[j].index == l->index &&
				    (!af || af == fbsd_family(groups[j].family)))
					put_newmaddr(o, l, &groups[j]);
			continue;
		}
		put_ifinfo(o, l, op == FBSD_NET_RT_IFLISTL);
		for (size_t j = 0; j < hn->addrs.n; j++)
			if (addrs[j].index == l->index &&
			    (!af || af == fbsd_family(addrs[j].family)))
				put_newaddr(o, l, &addrs[j], op == FBSD_NET_RT_IFLISTL);
	}
}

int fbsd_sysctl_rtsock(const int *name, unsigned namelen, void **out, size_t *outlen)
{
	struct hostnet hn = { 0 };
	struct out o = { 0 };
	int af, op, err;
	bool dump;

	*out = NULL;
	*outlen = 0;
	if (namelen < 3)
		return FBSD_EINVAL;
	name++;                 /* the protocol component, always 0 */
	namelen--;
	op = name[1];
	dump = op == FBSD_NET_RT_DUMP || op == FBSD_NET_RT_NHOP || op == FBSD_NET_RT_NHGRP;
	if (namelen != 3 && !(dump && namelen == 4))   /* dumps take a fib */
		return namelen < 3 ? FBSD_EISDIR : FBSD_ENOTDIR;
	af = (uint8_t)name[0];  /* u_char in sysctl_rtsock() */
	if (af > FBSD_AF_MAX)
		return FBSD_EINVAL;
	if (dump || op == FBSD_NET_RT_FLAGS)
		return FBSD_EOPNOTSUPP;
	if (op != FBSD_NET_RT_IFLIST && op != FBSD_NET_RT_IFLISTL &&
	    op != FBSD_NET_RT_IFMALIST)
		return 0;
	err = hostnet_read(&hn, op == FBSD_NET_RT_IFMALIST);
	if (!err) {
		build(&o, &hn, af, op, name[2]);
		err = o.oom ? FBSD_ENOMEM : 0;
	}
	hostnet_free(&hn);
	if (err) {
		free(o.p);
		return err;
	}
	*out = o.p;
	*outlen = o.len;
	return 0;
}
