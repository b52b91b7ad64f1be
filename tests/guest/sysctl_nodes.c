/* __sysctl and __sysctlbyname: every node bsdemu provides, by MIB and by
 * name, the {0, x} internal nodes (name2oid, name, next, oidfmt), and the
 * error rules (ENOMEM with partial copy, ENOENT, ENOTDIR, EISDIR, EPERM,
 * EINVAL, EFAULT, ENAMETOOLONG). */
#include "t.h"

typedef unsigned long size_t_;

static long sysctl(const int *mib, unsigned n, void *old, size_t_ *oldlen,
		   const void *new, size_t_ newlen)
{
	return sys(FBSD_SYS___sysctl, mib, n, old, oldlen, new, newlen);
}

static long byname(const char *name, void *old, size_t_ *oldlen, const void *new,
		   size_t_ newlen)
{
	return sys(FBSD_SYS___sysctlbyname, name, strlen(name), old, oldlen, new, newlen);
}

/* name2oid the way Go does it: no NUL, room for 24 ints. */
static int name2oid(const char *name, int *oid)
{
	int q[2] = { 0, 3 };
	size_t_ len = 24 * sizeof(int);
	long r = sysctl(q, 2, oid, &len, name, strlen(name));

	return r < 0 ? (int)r : (int)(len / sizeof(int));
}

static long read_int_mib(const int *mib, unsigned n)
{
	int v = -12345;
	size_t_ len = sizeof(v);
	long r = sysctl(mib, n, &v, &len, 0, 0);

	CHECK_EQ(r, 0);
	CHECK_EQ(len, sizeof(int));
	return v;
}

static long read_int(const char *name)
{
	int v = -12345;
	size_t_ len = sizeof(v);

	CHECK_EQ(byname(name, &v, &len, 0, 0), 0);
	CHECK_EQ(len, sizeof(int));
	return v;
}

static unsigned long read_ulong(const char *name)
{
	unsigned long v = 0;
	size_t_ len = sizeof(v);

	CHECK_EQ(byname(name, &v, &len, 0, 0), 0);
	CHECK_EQ(len, sizeof(long));
	return v;
}

static void read_str(const char *name, char *buf, size_t_ cap)
{
	size_t_ len = cap, need = 0;

	buf[0] = 0;
	CHECK_EQ(byname(name, 0, &need, 0, 0), 0);
	CHECK_EQ(byname(name, buf, &len, 0, 0), 0);
	CHECK_EQ(len, need);
	CHECK(len >= 1 && buf[len - 1] == 0);
	CHECK_EQ(strlen(buf) + 1, len);
}

/* name -> oid -> {0,1} name, {0,4} format, and by-MIB == by-name. */
static void round_trip(const char *name, const char *fmt)
{
	int oid[24], q[26];
	char back[256], f[64], v1[512], v2[512];
	size_t_ len;
	int n = name2oid(name, oid);

	CHECK(n >= 1);
	if (n < 1) {
		t_printf("name2oid(%s) = %d\n", name, n);
		return;
	}
	q[0] = 0;
	q[1] = 1;
	memcpy(q + 2, oid, n * sizeof(int));
	len = sizeof(back);
	CHECK_EQ(sysctl(q, n + 2, back, &len, 0, 0), 0);
	CHECK(strcmp(back, name) == 0);
	CHECK_EQ(len, strlen(name) + 1);
	q[1] = 4;
	len = sizeof(f);
	CHECK_EQ(sysctl(q, n + 2, f, &len, 0, 0), 0);
	CHECK(len > 4 && strcmp(f + 4, fmt) == 0);
	if (fmt[0] != 'N' && strcmp(name, "kern.arandom") != 0 &&
	    strcmp(name, "kern.boottime") != 0) {
		size_t_ l1 = sizeof(v1), l2 = sizeof(v2);

		memset(v1, 1, sizeof(v1));
		memset(v2, 2, sizeof(v2));
		CHECK_EQ(sysctl(oid, n, v1, &l1, 0, 0), 0);
		CHECK_EQ(byname(name, v2, &l2, 0, 0), 0);
		CHECK_EQ(l1, l2);
		CHECK(memcmp(v1, v2, l1) == 0);
	}
}

static void test_kern(void)
{
	static const int ostype[] = { 1, 1 }, osrev[] = { 1, 3 }, argmax[] = { 1, 8 };
	static const int osreldate[] = { 1, 24 }, iovmax[] = { 1, 35 };
	char buf[1024], *execpath;
	size_t_ len;

	len = sizeof(buf);
	CHECK_EQ(sysctl(ostype, 2, buf, &len, 0, 0), 0);
	CHECK(strcmp(buf, "FreeBSD") == 0);
	CHECK_EQ(len, 8);
	read_str("kern.osrelease", buf, sizeof(buf));
	CHECK(strchr(buf, '.') != NULL && strchr(buf, '-') != NULL);
	read_str("kern.version", buf, sizeof(buf));
	CHECK(strncmp(buf, "FreeBSD ", 8) == 0);
	read_str("kern.hostname", buf, sizeof(buf));
	CHECK(strlen(buf) > 0);
	read_str("kern.bootfile", buf, sizeof(buf));
	CHECK_EQ(read_int_mib(osrev, 2), 199506);
	CHECK_EQ(read_int_mib(argmax, 2), 524288);
	CHECK_EQ(read_int_mib(iovmax, 2), 1024);
	CHECK_EQ(read_int_mib(osreldate, 2), t_getauxval(T_AT_OSRELDATE));
	CHECK(read_int("kern.osreldate") >= 1400000);
	CHECK_EQ(read_int("kern.ngroups"), 1023);
	CHECK_EQ(read_int("kern.posix1version"), 200809);
	CHECK_EQ(read_int("kern.job_control"), 1);
	CHECK_EQ(read_int("kern.securelevel"), -1);
	CHECK_EQ(read_int("kern.smp.maxcpus"), 1024);
	CHECK_EQ(read_int("kern.smp.cpus"), read_int("hw.ncpu"));
	CHECK_EQ(read_ulong("kern.usrstack"), t_getauxval(T_AT_USRSTACKBASE));
	CHECK_EQ(read_ulong("kern.ps_strings"), t_getauxval(T_AT_PS_STRINGS));
	CHECK_EQ(read_ulong("kern.maxphys"), 1048576);

	/* kern.boottime: in the past, after 2020. */
	{
		long tv[2] = { 0, -1 }, now[2];

		len = sizeof(tv);
		CHECK_EQ(byname("kern.boottime", tv, &len, 0, 0), 0);
		CHECK_EQ(len, 16);
		CHECK_EQ(sys(FBSD_SYS_gettimeofday, now, 0), 0);
		CHECK(tv[0] > 1577836800L && tv[0] <= now[0]);
		CHECK(tv[1] >= 0 && tv[1] < 1000000);
	}

	/* kern.proc.pathname for -1 and for our pid: the program's path. */
	execpath = (char *)t_getauxval(T_AT_EXECPATH);
	CHECK(execpath != NULL);
	{
		int mib[4] = { 1, 14, 12, -1 };
		size_t_ need = 0;

		CHECK_EQ(sysctl(mib, 4, 0, &need, 0, 0), 0);
		len = sizeof(buf);
		CHECK_EQ(sysctl(mib, 4, buf, &len, 0, 0), 0);
		CHECK_EQ(len, need);
		CHECK(execpath && strcmp(buf, execpath) == 0);
		CHECK(strstr(buf, "sysctl_nodes") != NULL);
		mib[3] = (int)sys(FBSD_SYS_getpid);
		len = sizeof(buf);
		CHECK_EQ(sysctl(mib, 4, buf, &len, 0, 0), 0);
		CHECK(execpath && strcmp(buf, execpath) == 0);
		mib[3] = 0x7ffffff0;
		len = sizeof(buf);
		CHECK_ERR(sysctl(mib, 4, buf, &len, 0, 0), FBSD_ESRCH);
		len = sizeof(buf);
		CHECK_ERR(sysctl(mib, 3, buf, &len, 0, 0), FBSD_EINVAL);
	}
}

/* kern.proc.args: argv NUL-separated; setproctitle-style replacement. */
static void test_proc_args(int argc, char **argv)
{
	int mib[4] = { 1, 14, 7, (int)sys(FBSD_SYS_getpid) };
	char buf[4096], want[4096];
	size_t_ len = sizeof(buf), wl = 0;

	for (int i = 0; i < argc; i++) {
		memcpy(want + wl, argv[i], strlen(argv[i]) + 1);
		wl += strlen(argv[i]) + 1;
	}
	CHECK_EQ(sysctl(mib, 4, buf, &len, 0, 0), 0);
	CHECK_EQ(len, wl);
	CHECK(memcmp(buf, want, wl) == 0);
	CHECK_EQ(sysctl(mib, 4, 0, 0, "new title", 10), 0);
	len = sizeof(buf);
	CHECK_EQ(sysctl(mib, 4, buf, &len, 0, 0), 0);
	CHECK_EQ(len, 10);
	CHECK(strcmp(buf, "new title") == 0);
	{
		static char huge[300];

		memset(huge, 'a', sizeof(huge));
		CHECK_ERR(sysctl(mib, 4, 0, 0, huge, sizeof(huge)), FBSD_ENOMEM);
	}
}

static void test_hw(void)
{
	static const int pagesize[] = { 6, 7 }, machine[] = { 6, 1 };
	unsigned long ps[4] = { 0, 0, 0, 99 };
	char buf[256];
	size_t_ len;

	CHECK_EQ(read_int_mib(pagesize, 2), 4096);
	len = sizeof(buf);
	CHECK_EQ(sysctl(machine, 2, buf, &len, 0, 0), 0);
	CHECK(strcmp(buf, "arm64") == 0);
	read_str("hw.machine_arch", buf, sizeof(buf));
	CHECK(strcmp(buf, "aarch64") == 0);
	read_str("hw.model", buf, sizeof(buf));
	CHECK(strlen(buf) > 0);
	CHECK(read_int("hw.ncpu") >= 1);
	if (t_getauxval(T_AT_NCPUS))
		CHECK_EQ(read_int("hw.ncpu"), t_getauxval(T_AT_NCPUS));
	CHECK_EQ(read_int("hw.byteorder"), 1234);
	CHECK_EQ(read_int("hw.floatingpoint"), 1);
	CHECK(read_ulong("hw.physmem") > 16UL << 20);
	CHECK(read_ulong("hw.realmem") >= read_ulong("hw.physmem"));
	CHECK(read_ulong("hw.usermem") > 0);
	CHECK_EQ(read_ulong("hw.availpages"), read_ulong("hw.physmem") / 4096);
	len = sizeof(ps);
	CHECK_EQ(byname("hw.pagesizes", ps, &len, 0, 0), 0);
	CHECK_EQ(len, 24);
	CHECK_EQ(ps[0], 4096);
	CHECK_EQ(ps[1], 2097152);
	CHECK_EQ(ps[2], 1073741824);
	CHECK_EQ(ps[3], 99);
	CHECK_EQ(read_int("vm.overcommit"), 0);
	CHECK_EQ(read_int("security.jail.jailed"), 0);
	/* The kernel's user.* placeholders (libc answers CTL_USER itself). */
	read_str("user.cs_path", buf, sizeof(buf));
	CHECK_EQ(buf[0], 0);
	CHECK_EQ(read_int("user.posix2_version"), 0);
	CHECK_EQ(read_int("user.tzname_max"), 0);
}

static void test_arandom(void)
{
	static const unsigned char zero[64];
	unsigned char a[300], b[64];
	size_t_ len = sizeof(a);

	memset(a, 0, sizeof(a));
	CHECK_EQ(byname("kern.arandom", a, &len, 0, 0), 0);
	CHECK_EQ(len, 256);     /* at most 256 per call */
	len = sizeof(b);
	CHECK_EQ(byname("kern.arandom", b, &len, 0, 0), 0);
	CHECK_EQ(len, 64);
	CHECK(memcmp(b, zero, sizeof(zero)) != 0);
	CHECK(memcmp(a, b, 64) != 0);
}

static void test_round_trips(void)
{
	static const struct { const char *name, *fmt; } t[] = {
		{ "kern", "N" }, { "kern.ostype", "A" }, { "kern.osrelease", "A" },
		{ "kern.osrevision", "I" }, { "kern.version", "A" }, { "kern.argmax", "I" },
		{ "kern.hostname", "A" }, { "kern.osreldate", "I" }, { "kern.iov_max", "I" },
		{ "kern.ngroups", "I" }, { "kern.usrstack", "LU" }, { "kern.ps_strings", "LU" },
		{ "kern.arandom", "" }, { "kern.boottime", "S,timeval" },
		{ "kern.proc", "N" }, { "kern.smp", "N" }, { "kern.smp.cpus", "I" },
		{ "kern.smp.maxcpus", "I" }, { "hw.machine", "A" }, { "hw.machine_arch", "A" },
		{ "hw.model", "A" }, { "hw.ncpu", "I" }, { "hw.pagesize", "I" },
		{ "hw.pagesizes", "LU" }, { "hw.physmem", "LU" }, { "hw.usermem", "LU" },
		{ "hw.realmem", "LU" }, { "hw.byteorder", "I" }, { "hw.floatingpoint", "I" },
		{ "vm.overcommit", "I" }, { "user.cs_path", "A" }, { "user.line_max", "I" },
		{ "security.jail.jailed", "I" },
	};
	int oid[24];

	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		round_trip(t[i].name, t[i].fmt);
	/* Static numbers. */
	CHECK_EQ(name2oid("kern.ostype", oid), 2);
	CHECK(oid[0] == 1 && oid[1] == 1);
	CHECK_EQ(name2oid("hw.pagesize", oid), 2);
	CHECK(oid[0] == 6 && oid[1] == 7);
	CHECK_EQ(name2oid("kern.proc.pathname", oid), 3);
	CHECK(oid[0] == 1 && oid[1] == 14 && oid[2] == 12);
	/* OID_AUTO numbers are >= 0x100. */
	CHECK_EQ(name2oid("kern.smp.maxcpus", oid), 3);
	CHECK(oid[1] >= 0x100 && oid[2] >= 0x100);
	/* One trailing dot is accepted. */
	CHECK_EQ(name2oid("kern.ostype.", oid), 2);
	CHECK_EQ(name2oid("kern.nonexistent", oid), -FBSD_ENOENT);
	CHECK_EQ(name2oid("kern.ostype.x", oid), -FBSD_ENOENT);
	CHECK_EQ(name2oid("kern..ostype", oid), -FBSD_ENOENT);
	CHECK_EQ(name2oid("", oid), -FBSD_ENOENT);
	{
		static char longname[1100];
		int q[2] = { 0, 3 };
		size_t_ len = sizeof(oid);

		memset(longname, 'k', sizeof(longname));
		CHECK_ERR(sysctl(q, 2, oid, &len, longname, 1024), FBSD_ENAMETOOLONG);
		CHECK_ERR(sysctl(q, 2, oid, &len, longname, 1023), FBSD_ENOENT);
		CHECK_ERR(sysctl(q, 2, oid, &len, (const void *)8, 5), FBSD_EFAULT);
		/* name2oid's answer too big for the buffer. */
		len = 4;
		CHECK_ERR(sysctl(q, 2, oid, &len, "kern.ostype", 11), FBSD_ENOMEM);
		CHECK_EQ(len, 4);
		CHECK_EQ(oid[0], 1);
	}
}

/* {0,2}: walk from {1} to the end; every step is a known, named node. */
static void test_next_walk(void)
{
	int cur[24] = { 1 }, q[26], next[24];
	unsigned n = 1, steps = 0, seen_ostype = 0, seen_pagesize = 0;

	for (;;) {
		size_t_ len = sizeof(next);
		char name[256];
		int back[24];
		long r;

		q[0] = 0;
		q[1] = 2;
		memcpy(q + 2, cur, n * sizeof(int));
		r = sysctl(q, n + 2, next, &len, 0, 0);
		if (r == -FBSD_ENOENT)
			break;
		CHECK_EQ(r, 0);
		if (r)
			break;
		/* strictly after the previous one */
		{
			unsigned m = len / sizeof(int), i = 0;

			while (i < m && i < n && next[i] == cur[i])
				i++;
			CHECK(i < m && (i == n || next[i] > cur[i]));
			memcpy(cur, next, len);
			n = m;
		}
		q[1] = 1;
		memcpy(q + 2, cur, n * sizeof(int));
		len = sizeof(name);
		CHECK_EQ(sysctl(q, n + 2, name, &len, 0, 0), 0);
		CHECK_EQ((unsigned)name2oid(name, back), n);
		CHECK(memcmp(back, cur, n * sizeof(int)) == 0);
		seen_ostype += strcmp(name, "kern.ostype") == 0;
		seen_pagesize += strcmp(name, "hw.pagesize") == 0;
		if (++steps > 1000)
			break;
	}
	CHECK(steps > 30 && steps < 1000);
	CHECK_EQ(seen_ostype, 1);
	CHECK_EQ(seen_pagesize, 1);
	/* The first leaf of kern is kern.ostype. */
	q[0] = 0;
	q[1] = 2;
	q[2] = 1;
	{
		size_t_ len = sizeof(next);

		CHECK_EQ(sysctl(q, 3, next, &len, 0, 0), 0);
		CHECK_EQ(len, 8);
		CHECK(next[0] == 1 && next[1] == 1);
	}
	/* {0,1} prints unknown components as numbers. */
	{
		int nq[5] = { 0, 1, 1, 14, 12 };
		char name[64];
		size_t_ len = sizeof(name);

		CHECK_EQ(sysctl(nq, 5, name, &len, 0, 0), 0);
		CHECK(strcmp(name, "kern.proc.pathname") == 0);
		nq[3] = 777;
		len = sizeof(name);
		CHECK_EQ(sysctl(nq, 5, name, &len, 0, 0), 0);
		CHECK(strcmp(name, "kern.777.12") == 0);
	}
}

static void test_errors(void)
{
	static const int ostype[] = { 1, 1 }, node[] = { 1, 14 }, deep[] = { 1, 1, 5 };
	static const int unknown[] = { 1, 9999 }, top[] = { 77, 1 }, pagesize[] = { 6, 7 };
	int big[25] = { 1, 1 };
	char buf[16];
	size_t_ len;
	int v = 1;

	/* Too small: what fits is copied, *oldlenp = bytes copied, ENOMEM. */
	memset(buf, 'x', sizeof(buf));
	len = 3;
	CHECK_ERR(sysctl(ostype, 2, buf, &len, 0, 0), FBSD_ENOMEM);
	CHECK_EQ(len, 3);
	CHECK(memcmp(buf, "Frex", 4) == 0);
	len = 0;
	CHECK_EQ(sysctl(ostype, 2, 0, &len, 0, 0), 0);
	CHECK_EQ(len, 8);
	/* sysctlbyname leaves *oldlenp as it was on an error. */
	memset(buf, 'x', sizeof(buf));
	len = 3;
	CHECK_ERR(byname("kern.ostype", buf, &len, 0, 0), FBSD_ENOMEM);
	CHECK_EQ(len, 3);
	CHECK(memcmp(buf, "Frex", 4) == 0);
	len = 2;
	CHECK_ERR(byname("hw.pagesize", &v, &len, 0, 0), FBSD_ENOMEM);

	len = sizeof(buf);
	CHECK_ERR(sysctl(unknown, 2, buf, &len, 0, 0), FBSD_ENOENT);
	CHECK_ERR(sysctl(top, 2, buf, &len, 0, 0), FBSD_ENOENT);
	CHECK_ERR(sysctl(deep, 3, buf, &len, 0, 0), FBSD_ENOTDIR);
	CHECK_ERR(sysctl(node, 2, buf, &len, 0, 0), FBSD_EISDIR);
	CHECK_ERR(sysctl(ostype, 1, buf, &len, 0, 0), FBSD_EINVAL);
	CHECK_ERR(sysctl(big, 25, buf, &len, 0, 0), FBSD_EINVAL);
	CHECK_ERR(byname("kern.nonexistent", buf, &len, 0, 0), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS___sysctlbyname, "kern.ostype", 0, buf, &len, 0, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS___sysctlbyname, "kern.ostype", 1025, buf, &len, 0, 0),
		  FBSD_EINVAL);

	/* Writing read-only (or privileged) nodes. */
	len = sizeof(buf);
	CHECK_ERR(sysctl(ostype, 2, buf, &len, "Linux", 6), FBSD_EPERM);
	CHECK_ERR(sysctl(pagesize, 2, 0, 0, &v, sizeof(v)), FBSD_EPERM);
	CHECK_ERR(byname("kern.hostname", 0, 0, "evil", 5), FBSD_EPERM);
	CHECK_ERR(byname("vm.overcommit", 0, 0, &v, sizeof(v)), FBSD_EPERM);

	/* Bad pointers. */
	len = sizeof(buf);
	CHECK_ERR(sysctl((const int *)8, 2, buf, &len, 0, 0), FBSD_EFAULT);
	CHECK_ERR(sysctl(ostype, 2, buf, (size_t_ *)8, 0, 0), FBSD_EFAULT);
	len = sizeof(buf);
	CHECK_ERR(sysctl(ostype, 2, (void *)8, &len, 0, 0), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS___sysctlbyname, 8, 11, buf, &len, 0, 0), FBSD_EFAULT);
}

int main(int argc, char **argv, char **envp)
{
	test_kern();
	test_proc_args(argc, argv);
	test_hw();
	test_arandom();
	test_round_trips();
	test_next_walk();
	test_errors();
	return 0;
}
