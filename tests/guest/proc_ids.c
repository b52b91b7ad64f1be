/* Process identity and limits: getpid & co, getresuid/getresgid,
 * getgroups (79 and 595), issetugid, getlogin, thr_self, getrlimit /
 * setrlimit, getrusage, process groups and sessions. */
#include "t.h"

#define FBSD_RLIMIT_STACK 3
#define FBSD_RLIMIT_NOFILE 8
#define FBSD_RLIMIT_AS 10
#define FBSD_RLIMIT_NPTS 11
#define FBSD_RLIMIT_UMTXP 14
#define FBSD_RLIM_INFINITY 0x7fffffffffffffffL

struct rlimit { long cur, max; };
struct timeval { long sec, usec; };
struct rusage {
	struct timeval utime, stime;
	long maxrss, ixrss, idrss, isrss, minflt, majflt, nswap, inblock,
	     oublock, msgsnd, msgrcv, nsignals, nvcsw, nivcsw;
};

static void test_ids(void)
{
	long pid = sys(FBSD_SYS_getpid), ppid = sys(FBSD_SYS_getppid);
	unsigned r = 0xdead, e = 0xdead, s = 0xdead;

	CHECK(pid > 1);
	CHECK(ppid > 0 && ppid != pid);
	CHECK_EQ(sys(FBSD_SYS_getpid), pid);
	CHECK(sys(FBSD_SYS_getuid) >= 0);
	CHECK(sys(FBSD_SYS_getgid) >= 0);
	CHECK_EQ(sys(FBSD_SYS_getresuid, &r, &e, &s), 0);
	CHECK_EQ(r, sys(FBSD_SYS_getuid));
	CHECK_EQ(e, sys(FBSD_SYS_geteuid));
	CHECK_EQ(sys(FBSD_SYS_getresgid, &r, &e, &s), 0);
	CHECK_EQ(r, sys(FBSD_SYS_getgid));
	CHECK_EQ(e, sys(FBSD_SYS_getegid));
	/* NULL pointers are skipped; a bad one is EFAULT. */
	CHECK_EQ(sys(FBSD_SYS_getresuid, 0, 0, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_getresuid, &r, 8, &s), FBSD_EFAULT);
	CHECK_EQ(sys(FBSD_SYS_issetugid), 0);
}

static void test_groups(void)
{
	unsigned g[1100];
	long n14 = sys(79, 0, 0), n15 = sys(FBSD_SYS_getgroups, 0, 0);

	/* FreeBSD 14's call lists the egid first, then the supplementary
	 * groups except the egid; 15's lists the supplementary groups. */
	CHECK(n14 >= 1);
	CHECK(n15 >= 0);
	CHECK_EQ(sys(79, 1100, g), n14);
	CHECK_EQ(g[0], sys(FBSD_SYS_getegid));
	CHECK_EQ(sys(FBSD_SYS_getgroups, 1100, g), n15);
	if (n14 > 1)
		CHECK_ERR(sys(79, 1, g), FBSD_EINVAL);
	CHECK_ERR(sys(79, -1, g), FBSD_EINVAL);
	CHECK_ERR(sys(79, 1100, 8), FBSD_EFAULT);
}

static void test_login(void)
{
	char name[64];
	long r;

	memset(name, 'x', sizeof(name));
	r = sys(FBSD_SYS_getlogin, name, sizeof(name));
	CHECK_EQ(r, 0);
	CHECK(strlen(name) < 33);
	/* Room for nothing, not even the NUL: ERANGE. */
	CHECK_ERR(sys(FBSD_SYS_getlogin, name, 0), FBSD_ERANGE);
}

static void test_thr_self(void)
{
	long id = 0;

	CHECK_EQ(sys(FBSD_SYS_thr_self, &id), 0);
	CHECK(id >= 100000);
	CHECK_ERR(sys(FBSD_SYS_thr_self, 8), FBSD_EFAULT);
}

static void test_rlimits(void)
{
	struct rlimit rl, rl2;

	CHECK_EQ(sys(FBSD_SYS_getrlimit, FBSD_RLIMIT_NOFILE, &rl), 0);
	CHECK(rl.cur >= 20 && rl.cur <= rl.max);
	CHECK_EQ(sys(FBSD_SYS_getrlimit, FBSD_RLIMIT_STACK, &rl), 0);
	CHECK(rl.cur >= 65536 && rl.cur <= rl.max);
	CHECK_ERR(sys(FBSD_SYS_getrlimit, 15, &rl), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getrlimit, -1, &rl), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getrlimit, FBSD_RLIMIT_NOFILE, 8), FBSD_EFAULT);

	/* Lower NOFILE's soft limit and read it back. */
	CHECK_EQ(sys(FBSD_SYS_getrlimit, FBSD_RLIMIT_NOFILE, &rl), 0);
	rl2.cur = 64;
	rl2.max = rl.max;
	CHECK_EQ(sys(FBSD_SYS_setrlimit, FBSD_RLIMIT_NOFILE, &rl2), 0);
	CHECK_EQ(sys(FBSD_SYS_getrlimit, FBSD_RLIMIT_NOFILE, &rl2), 0);
	CHECK_EQ(rl2.cur, 64);
	CHECK_EQ(rl2.max, rl.max);
	/* A soft limit above the hard one is lowered to it, not refused. */
	rl2.cur = rl.max == FBSD_RLIM_INFINITY ? FBSD_RLIM_INFINITY : rl.max + 1;
	rl2.max = rl.max;
	if (rl.max != FBSD_RLIM_INFINITY) {
		CHECK_EQ(sys(FBSD_SYS_setrlimit, FBSD_RLIMIT_NOFILE, &rl2), 0);
		CHECK_EQ(sys(FBSD_SYS_getrlimit, FBSD_RLIMIT_NOFILE, &rl2), 0);
		CHECK_EQ(rl2.cur, rl.max);
	}
	CHECK_EQ(sys(FBSD_SYS_setrlimit, FBSD_RLIMIT_NOFILE, &rl), 0);
	CHECK_ERR(sys(FBSD_SYS_setrlimit, 99, &rl), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_setrlimit, FBSD_RLIMIT_NOFILE, 8), FBSD_EFAULT);

	/* Limits Linux lacks: infinite at start, settable downwards. */
	CHECK_EQ(sys(FBSD_SYS_getrlimit, FBSD_RLIMIT_NPTS, &rl), 0);
	CHECK_EQ(rl.cur, FBSD_RLIM_INFINITY);
	CHECK_EQ(rl.max, FBSD_RLIM_INFINITY);
	CHECK_EQ(sys(FBSD_SYS_getrlimit, FBSD_RLIMIT_AS, &rl), 0);
	CHECK_EQ(rl.cur, FBSD_RLIM_INFINITY);
	rl.cur = 1000;
	rl.max = 2000;
	CHECK_EQ(sys(FBSD_SYS_setrlimit, FBSD_RLIMIT_UMTXP, &rl), 0);
	CHECK_EQ(sys(FBSD_SYS_getrlimit, FBSD_RLIMIT_UMTXP, &rl2), 0);
	CHECK_EQ(rl2.cur, 1000);
	CHECK_EQ(rl2.max, 2000);
	if (sys(FBSD_SYS_geteuid) != 0) {
		rl.max = 3000;      /* raising the hard limit needs root */
		CHECK_ERR(sys(FBSD_SYS_setrlimit, FBSD_RLIMIT_UMTXP, &rl), FBSD_EPERM);
	}
}

static void test_rusage(void)
{
	struct rusage ru;

	memset(&ru, 0xff, sizeof(ru));
	CHECK_EQ(sys(FBSD_SYS_getrusage, 0, &ru), 0);
	CHECK(ru.utime.sec >= 0 && ru.utime.usec >= 0 && ru.utime.usec < 1000000);
	CHECK(ru.stime.usec >= 0 && ru.stime.usec < 1000000);
	CHECK(ru.maxrss > 0);
	CHECK_EQ(sys(FBSD_SYS_getrusage, -1, &ru), 0);     /* RUSAGE_CHILDREN */
	CHECK_EQ(sys(FBSD_SYS_getrusage, 1, &ru), 0);      /* RUSAGE_THREAD */
	CHECK_ERR(sys(FBSD_SYS_getrusage, 2, &ru), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getrusage, 0, 8), FBSD_EFAULT);
}

static void test_pgrp(void)
{
	long pid = sys(FBSD_SYS_getpid), pgrp = sys(FBSD_SYS_getpgrp);
	long sid = sys(FBSD_SYS_getsid, 0);

	CHECK(pgrp > 0);
	CHECK_EQ(sys(FBSD_SYS_getpgid, 0), pgrp);
	CHECK_EQ(sys(FBSD_SYS_getpgid, pid), pgrp);
	/* Linux gives 0 when the session leader lives outside our PID
	 * namespace (containers, CI); bsdemu passes that through. */
	CHECK(sid >= 0);
	CHECK_EQ(sys(FBSD_SYS_getsid, pid), sid);
	CHECK_ERR(sys(FBSD_SYS_getpgid, 0x7ffffff0), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_getsid, 0x7ffffff0), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_setpgid, 0, -1), FBSD_EINVAL);
	/* Become a process group leader (allowed unless we lead a session). */
	if (sid != pid) {
		CHECK_EQ(sys(FBSD_SYS_setpgid, 0, 0), 0);
		CHECK_EQ(sys(FBSD_SYS_getpgrp), pid);
		/* A group leader cannot start a session. */
		CHECK_ERR(sys(FBSD_SYS_setsid), FBSD_EPERM);
	}
}

int main(int argc, char **argv, char **envp)
{
	test_ids();
	test_groups();
	test_login();
	test_thr_self();
	test_rlimits();
	test_rusage();
	test_pgrp();
	return 0;
}
