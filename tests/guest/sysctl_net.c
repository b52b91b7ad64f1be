// EXPECT-STDOUT: ^sysctl_net done$
/* net.routetable {CTL_NET 4, PF_ROUTE 17, 0, af, op, ifindex}: the
 * routing messages of NET_RT_IFLIST, NET_RT_IFLISTL and NET_RT_IFMALIST
 * (the loopback interface with its index, flags, MTU, sockaddr_dl,
 * 127.0.0.1/255.0.0.0 and ::1/128), the size probe, ENOMEM with a short
 * buffer, the af and index filters, and the errors of sysctl_rtsock().
 * Layouts are FreeBSD arm64's (sys/net/if.h, if_dl.h, netinet/in.h),
 * written out here independently of bsdemu's structs. */
#include "t.h"

typedef unsigned long size_t_;

#define NET_RT_DUMP 1
#define NET_RT_IFLIST 3
#define NET_RT_IFMALIST 4
#define NET_RT_IFLISTL 5
#define RTM_VERSION 5
#define RTM_NEWADDR 0xc
#define RTM_IFINFO 0xe
#define RTM_NEWMADDR 0xf
#define RTA_GATEWAY 0x2
#define RTA_NETMASK 0x4
#define RTA_IFP 0x10
#define RTA_IFA 0x20
#define RTA_BRD 0x80
#define AF_INET 2
#define AF_LINK 18
#define AF_INET6 28
#define IFF_UP 0x1
#define IFF_LOOPBACK 0x8
#define IFT_LOOP 0x18

/* Every message: u16 msglen, u8 version, u8 type, i32 addrs, i32 flags,
 * u16 index. */
#define M_LEN 0
#define M_VERSION 2
#define M_TYPE 3
#define M_ADDRS 4
#define M_FLAGS 8
#define M_INDEX 12
#define IFM_SIZE 168            /* if_msghdr: if_data at 16 */
#define IFML_SIZE 176           /* if_msghdrl: ifm_len 16, data_off 18, if_data 24 */
#define IFAM_SIZE 20            /* ifa_msghdr */
#define IFAML_SIZE 176          /* ifa_msghdrl: same, if_data at 24 */
#define IFMAM_SIZE 16           /* ifma_msghdr */
#define IFD_TYPE 0              /* in if_data */
#define IFD_DATALEN 6
#define IFD_MTU 8

static unsigned char buf[1 << 16], buf2[1 << 16];

static long sysctl(const int *mib, unsigned n, void *old, size_t_ *oldlen,
		   const void *new, size_t_ newlen)
{
	return sys(FBSD_SYS___sysctl, mib, n, old, oldlen, new, newlen);
}

static unsigned u8(const unsigned char *p, unsigned off) { return p[off]; }

static unsigned u16(const unsigned char *p, unsigned off)
{
	return p[off] | p[off + 1] << 8;
}

static int i32(const unsigned char *p, unsigned off)
{
	int v;

	memcpy(&v, p + off, sizeof(v));
	return v;
}

/* Fetches {4, 17, 0, af, op, index} into buf: probe, then read. */
static size_t_ fetch(int af, int op, int index)
{
	int mib[6] = { 4, 17, 0, af, op, index };
	size_t_ need = 0, len = sizeof(buf);

	CHECK_EQ(sysctl(mib, 6, 0, &need, 0, 0), 0);
	CHECK_EQ(sysctl(mib, 6, buf, &len, 0, 0), 0);
	CHECK_EQ(len, need);
	return len;
}

/* Every message well formed: length a multiple of 8, version 5. */
static unsigned check_walk(size_t_ len)
{
	unsigned n = 0;

	for (size_t_ off = 0; off < len; n++) {
		unsigned ml = u16(buf, off + M_LEN);

		CHECK(ml >= IFMAM_SIZE && ml % 8 == 0 && off + ml <= len);
		CHECK_EQ(u8(buf, off + M_VERSION), RTM_VERSION);
		if (ml < IFMAM_SIZE || ml % 8)
			break;
		off += ml;
	}
	return n;
}

/* The loopback interface's RTM_IFINFO in buf: its offset, or -1. */
static long find_loopback(size_t_ len)
{
	for (size_t_ off = 0; off < len; off += u16(buf, off + M_LEN))
		if (u8(buf, off + M_TYPE) == RTM_IFINFO &&
		    (i32(buf, off + M_FLAGS) & IFF_LOOPBACK))
			return (long)off;
	return -1;
}

/* The sockaddr_dl of an RTM_IFINFO whose header is HDR bytes. */
static void check_ifinfo(const unsigned char *m, unsigned hdr, unsigned data)
{
	const unsigned char *sdl = m + hdr;
	unsigned nlen = u8(sdl, 5);

	CHECK_EQ(i32(m, M_ADDRS), RTA_IFP);
	CHECK(i32(m, M_FLAGS) & IFF_UP);
	CHECK(u16(m, M_INDEX) > 0);
	CHECK_EQ(u8(m, data + IFD_TYPE), IFT_LOOP);
	CHECK_EQ(u16(m, data + IFD_DATALEN), 152);
	CHECK(i32(m, data + IFD_MTU) >= 1280);
	/* if_attach(): sdl_len leaves room for a 16-byte name. */
	CHECK(u8(sdl, 0) >= 54 && u8(sdl, 0) % 8 == 0);
	CHECK_EQ(u16(m, M_LEN), hdr + u8(sdl, 0));
	CHECK_EQ(u8(sdl, 1), AF_LINK);
	CHECK_EQ(u16(sdl, 2), u16(m, M_INDEX));
	CHECK_EQ(u8(sdl, 4), IFT_LOOP);
	CHECK(nlen >= 2 && nlen < 16);
	CHECK(memcmp(sdl + 8, "lo", 2) == 0);
	CHECK_EQ(u8(sdl, 6), 0);        /* no link-layer address */
}

static const unsigned char in6_loop[16] = { [15] = 1 };

/* An RTM_NEWADDR after a header of HDR bytes: netmask, address, empty
 * broadcast.  Returns 4 for 127.0.0.1/8, 6 for ::1/128, 0 otherwise. */
static int check_newaddr(const unsigned char *m, unsigned hdr)
{
	const unsigned char *sa = m + hdr;
	static const unsigned char zero8[8];

	CHECK_EQ(i32(m, M_ADDRS), RTA_NETMASK | RTA_IFA | RTA_BRD);
	if (u8(sa, 1) == AF_INET) {
		static const unsigned char mask[4] = { 255 }, lo[4] = { 127, 0, 0, 1 };

		CHECK_EQ(u8(sa, 0), 16);
		CHECK_EQ(u8(sa + 16, 0), 16);
		CHECK_EQ(u8(sa + 16, 1), AF_INET);
		if (memcmp(sa + 16 + 4, lo, 4))
			return 0;
		CHECK(memcmp(sa + 4, mask, 4) == 0);
		CHECK(memcmp(sa + 32, zero8, 8) == 0);
		CHECK_EQ(u16(m, M_LEN), (hdr + 16 + 16 + 8 + 7) & ~7u);
		return 4;
	}
	CHECK_EQ(u8(sa, 1), AF_INET6);
	CHECK_EQ(u8(sa, 0), 28);
	CHECK_EQ(u8(sa + 32, 0), 28);   /* SA_SIZE(28) = 32 */
	CHECK_EQ(u8(sa + 32, 1), AF_INET6);
	if (memcmp(sa + 32 + 8, in6_loop, 16))
		return 0;
	for (int i = 0; i < 16; i++)
		CHECK_EQ(u8(sa, 8 + i), 0xff);
	CHECK(memcmp(sa + 64, zero8, 8) == 0);
	CHECK_EQ(u16(m, M_LEN), (hdr + 32 + 32 + 8 + 7) & ~7u);
	return 6;
}

/* NET_RT_IFLIST[L]: loopback and its two addresses.  Returns its index. */
static int test_iflist(int op)
{
	unsigned hdr = op == NET_RT_IFLIST ? IFM_SIZE : IFML_SIZE;
	unsigned data = op == NET_RT_IFLIST ? 16 : 24;
	unsigned ahdr = op == NET_RT_IFLIST ? IFAM_SIZE : IFAML_SIZE;
	size_t_ len = fetch(0, op, 0);
	long lo = find_loopback(len);
	int seen4 = 0, seen6 = 0, any6 = 0, index;

	CHECK(check_walk(len) >= 2);
	CHECK(lo >= 0);
	if (lo < 0)
		return 0;
	index = (int)u16(buf, lo + M_INDEX);
	check_ifinfo(buf + lo, hdr, data);
	if (op == NET_RT_IFLISTL) {
		CHECK_EQ(u16(buf, lo + 16), IFML_SIZE);
		CHECK_EQ(u16(buf, lo + 18), 24);
	}
	for (size_t_ off = 0; off < len; off += u16(buf, off + M_LEN)) {
		const unsigned char *m = buf + off;

		if (u8(m, M_TYPE) != RTM_NEWADDR)
			continue;
		any6 |= u8(m, ahdr + 1) == AF_INET6;
		if (u16(m, M_INDEX) != index)
			continue;
		if (op == NET_RT_IFLISTL) {
			CHECK_EQ(u16(m, 16), IFAML_SIZE);
			CHECK_EQ(u16(m, 18), 24);
			CHECK_EQ(u16(m, 24 + IFD_DATALEN), 152);
		}
		switch (check_newaddr(m, ahdr)) {
		case 4: seen4++; break;
		case 6: seen6++; break;
		}
	}
	CHECK_EQ(seen4, 1);
	if (any6)       /* a host with IPv6 has ::1 */
		CHECK_EQ(seen6, 1);
	return index;
}

/* The index and family filters. */
static void test_filters(int index)
{
	size_t_ len = fetch(0, NET_RT_IFLIST, index);
	unsigned n = check_walk(len), n4;

	CHECK(n >= 2);
	CHECK_EQ(u8(buf, M_TYPE), RTM_IFINFO);
	for (size_t_ off = 0; off < len; off += u16(buf, off + M_LEN))
		CHECK_EQ(u16(buf, off + M_INDEX), index);
	len = fetch(AF_INET, NET_RT_IFLIST, index);
	n4 = check_walk(len);
	CHECK(n4 >= 2 && n4 <= n);
	for (size_t_ off = u16(buf, 0); off < len; off += u16(buf, off + M_LEN)) {
		CHECK_EQ(u8(buf, off + M_TYPE), RTM_NEWADDR);
		CHECK_EQ(u8(buf, off + IFAM_SIZE + 16 + 1), AF_INET);
	}
	/* No such interface: an empty answer. */
	CHECK_EQ(fetch(0, NET_RT_IFLIST, 0x7fff0000), 0);
	/* af 18 (AF_LINK): interfaces, no addresses. */
	len = fetch(AF_LINK, NET_RT_IFLIST, index);
	CHECK_EQ(check_walk(len), 1);
}

/* NET_RT_IFMALIST: whatever groups loopback has, well formed. */
static void test_ifmalist(int index)
{
	size_t_ len = fetch(0, NET_RT_IFMALIST, index);

	check_walk(len);
	for (size_t_ off = 0; off < len; off += u16(buf, off + M_LEN)) {
		const unsigned char *m = buf + off, *sa = m + IFMAM_SIZE;
		int addrs = i32(m, M_ADDRS);

		CHECK_EQ(u8(m, M_TYPE), RTM_NEWMADDR);
		CHECK_EQ(u16(m, M_INDEX), index);
		CHECK_EQ(addrs & (RTA_IFP | RTA_IFA), RTA_IFP | RTA_IFA);
		if (addrs & RTA_GATEWAY)
			sa += (u8(sa, 0) + 7) & ~7;
		CHECK_EQ(u8(sa, 1), AF_LINK);
		CHECK_EQ(u16(sa, 2), index);
		sa += (u8(sa, 0) + 7) & ~7;
		CHECK(u8(sa, 1) == AF_INET || u8(sa, 1) == AF_INET6 || u8(sa, 1) == AF_LINK);
		if (u8(sa, 1) == AF_INET)
			CHECK_EQ(u8(sa, 4) & 0xf0, 0xe0);
		if (u8(sa, 1) == AF_INET6)
			CHECK_EQ(u8(sa, 8), 0xff);
	}
}

/* A short buffer: what fits, *oldlenp = its size, ENOMEM. */
static void test_enomem(void)
{
	int mib[6] = { 4, 17, 0, 0, NET_RT_IFLIST, 0 };
	size_t_ need = 0, len;

	CHECK_EQ(sysctl(mib, 6, 0, &need, 0, 0), 0);
	CHECK(need > 100 && need <= sizeof(buf));
	len = need;
	CHECK_EQ(sysctl(mib, 6, buf, &len, 0, 0), 0);
	memset(buf2, 0xa5, sizeof(buf2));
	len = need - 1;
	CHECK_ERR(sysctl(mib, 6, buf2, &len, 0, 0), FBSD_ENOMEM);
	CHECK_EQ(len, need - 1);
	CHECK_EQ(buf2[need - 1], 0xa5);
	/* The headers are the same; counters may have moved on. */
	CHECK(memcmp(buf, buf2, 16) == 0);
	len = 0;
	CHECK_ERR(sysctl(mib, 6, buf2, &len, 0, 0), FBSD_ENOMEM);
	CHECK_EQ(len, 0);
}

static void test_errors(void)
{
	int mib[8] = { 4, 17, 0, 0, NET_RT_IFLIST, 0, 0, 0 };
	size_t_ len = sizeof(buf);
	int v = 1;

	CHECK_ERR(sysctl(mib, 2, buf, &len, 0, 0), FBSD_EINVAL);
	CHECK_ERR(sysctl(mib, 4, buf, &len, 0, 0), FBSD_EINVAL);
	CHECK_ERR(sysctl(mib, 5, buf, &len, 0, 0), FBSD_EISDIR);
	CHECK_ERR(sysctl(mib, 7, buf, &len, 0, 0), FBSD_ENOTDIR);
	CHECK_ERR(sysctl(mib, 6, 0, 0, &v, sizeof(v)), FBSD_EPERM);
	mib[3] = 45;            /* > AF_MAX */
	CHECK_ERR(sysctl(mib, 6, buf, &len, 0, 0), FBSD_EINVAL);
	mib[3] = -1;            /* a u_char: 255 */
	CHECK_ERR(sysctl(mib, 6, buf, &len, 0, 0), FBSD_EINVAL);
	mib[3] = 0;
	mib[4] = 99;            /* unknown: nothing */
	len = sizeof(buf);
	CHECK_EQ(sysctl(mib, 6, buf, &len, 0, 0), 0);
	CHECK_EQ(len, 0);
	mib[4] = NET_RT_DUMP;   /* route tables are not provided */
	CHECK_ERR(sysctl(mib, 6, buf, &len, 0, 0), FBSD_EOPNOTSUPP);
	mib[1] = 99;
	CHECK_ERR(sysctl(mib, 6, buf, &len, 0, 0), FBSD_ENOENT);
	mib[1] = 17;
	CHECK_ERR(sysctl(mib, 1, buf, &len, 0, 0), FBSD_EINVAL);
}

/* The node's name both ways. */
static void test_names(void)
{
	int q[4] = { 0, 3 }, oid[24];
	char name[64];
	size_t_ len = sizeof(oid);

	CHECK_EQ(sysctl(q, 2, oid, &len, "net.routetable", 14), 0);
	CHECK_EQ(len, 8);
	CHECK(oid[0] == 4 && oid[1] == 17);
	q[1] = 1;
	q[2] = 4;
	q[3] = 17;
	len = sizeof(name);
	CHECK_EQ(sysctl(q, 4, name, &len, 0, 0), 0);
	CHECK(strcmp(name, "net.routetable") == 0);
}

int main(int argc, char **argv, char **envp)
{
	int index = test_iflist(NET_RT_IFLIST);

	CHECK_EQ(test_iflist(NET_RT_IFLISTL), index);
	if (index > 0) {
		test_filters(index);
		test_ifmalist(index);
	}
	test_enomem();
	test_errors();
	test_names();
	t_puts("sysctl_net done");
	return 0;
}
