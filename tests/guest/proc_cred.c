// EXPECT-STDOUT: ^proc_cred done$
/* Credential changes: setuid, setgid, seteuid, setegid, setreuid,
 * setregid, setresuid, setresgid, setgroups (80 and 596), with FreeBSD's
 * rules where they differ from Linux's: setuid sets all three ids and does
 * not accept the saved id; FreeBSD 14's setgroups sets the egid from the
 * first entry.  The privileged part runs in a forked child (as root only);
 * unprivileged callers check the EPERM paths. */
#include "t.h"

#define FBSD_SYS_setuid 23
#define FBSD_SYS_setgid 181
#define FBSD_SYS_setegid 182
#define FBSD_SYS_setreuid 126
#define FBSD_SYS_setresgid 312

static void getres(long nr, unsigned v[3])
{
	CHECK_EQ(sys(nr, &v[0], &v[1], &v[2]), 0);
}

static void expect_uids(unsigned r, unsigned e, unsigned s)
{
	unsigned v[3];

	getres(FBSD_SYS_getresuid, v);
	CHECK_EQ(v[0], r);
	CHECK_EQ(v[1], e);
	CHECK_EQ(v[2], s);
}

static void expect_gids(unsigned r, unsigned e, unsigned s)
{
	unsigned v[3];

	getres(FBSD_SYS_getresgid, v);
	CHECK_EQ(v[0], r);
	CHECK_EQ(v[1], e);
	CHECK_EQ(v[2], s);
}

static void privileged_child(void)
{
	unsigned gl[4] = { 4242, 100, 200, 0 }, got[8];
	long n;

	/* setgroups: bounds, then the guest list, then privilege. */
	CHECK_ERR(sys(FBSD_SYS_freebsd14_setgroups, -1, gl), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_freebsd14_setgroups, 1025, gl), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_setgroups, 1024, gl), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_freebsd14_setgroups, 2, 8), FBSD_EFAULT);
	/* FreeBSD 14: the first entry is the egid. */
	CHECK_EQ(sys(FBSD_SYS_freebsd14_setgroups, 3, gl), 0);
	CHECK_EQ(sys(FBSD_SYS_getegid), 4242);
	CHECK_EQ(sys(FBSD_SYS_getgid), 0);
	n = sys(FBSD_SYS_getgroups, 8, got);
	CHECK_EQ(n, 2);
	CHECK((got[0] == 100 && got[1] == 200) || (got[0] == 200 && got[1] == 100));
	CHECK_EQ(sys(FBSD_SYS_freebsd14_getgroups, 8, got), 3);
	CHECK_EQ(got[0], 4242);
	/* 0 entries: egid kept, supplementary groups dropped. */
	CHECK_EQ(sys(FBSD_SYS_freebsd14_setgroups, 0, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_getegid), 4242);
	CHECK_EQ(sys(FBSD_SYS_getgroups, 0, 0), 0);
	/* FreeBSD 15's setgroups: supplementary groups only. */
	CHECK_EQ(sys(FBSD_SYS_setgroups, 2, gl + 1), 0);
	CHECK_EQ(sys(FBSD_SYS_getegid), 4242);
	CHECK_EQ(sys(FBSD_SYS_getgroups, 0, 0), 2);

	/* setgid as root sets all three gids. */
	CHECK_EQ(sys(FBSD_SYS_setgid, 77), 0);
	expect_gids(77, 77, 77);
	/* setregid(-1, e): the saved id follows the new egid != rgid. */
	CHECK_EQ(sys(FBSD_SYS_setresgid, 0, 0, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_setregid, -1, 300), 0);
	expect_gids(0, 300, 300);
	CHECK_EQ(sys(FBSD_SYS_setegid, 0), 0);
	expect_gids(0, 0, 300);

	/* uid 1000/1001, saved 0: setuid(0) is EPERM on FreeBSD (Linux would
	 * allow the saved id), seteuid(0) is allowed. */
	CHECK_EQ(sys(FBSD_SYS_setresuid, 1000, 1001, 0), 0);
	expect_uids(1000, 1001, 0);
	CHECK_ERR(sys(FBSD_SYS_setuid, 0), FBSD_EPERM);
	CHECK_ERR(sys(FBSD_SYS_setgid, 5), FBSD_EPERM);
	CHECK_ERR(sys(FBSD_SYS_freebsd14_setgroups, 0, 0), FBSD_EPERM);
	CHECK_ERR(sys(FBSD_SYS_setresuid, 5, -1, -1), FBSD_EPERM);
	CHECK_ERR(sys(FBSD_SYS_setreuid, 5, -1), FBSD_EPERM);
	/* setuid(ruid) unprivileged: all three become it. */
	CHECK_EQ(sys(FBSD_SYS_setreuid, -1, 0), 0);
	expect_uids(1000, 0, 0);
	CHECK_EQ(sys(FBSD_SYS_seteuid, 1001), 0);
	expect_uids(1000, 1001, 0);
	CHECK_EQ(sys(FBSD_SYS_setuid, 1000), 0);
	expect_uids(1000, 1000, 1000);
	CHECK_ERR(sys(FBSD_SYS_seteuid, 0), FBSD_EPERM);
	CHECK_EQ(sys(FBSD_SYS_setuid, 1000), 0);
	t_exit(0);
}

int main(void)
{
	unsigned uid = (unsigned)sys(FBSD_SYS_getuid), gid = (unsigned)sys(FBSD_SYS_getgid);

	/* Always allowed: the ids one already has. */
	CHECK_EQ(sys(FBSD_SYS_setuid, uid), 0);
	CHECK_EQ(sys(FBSD_SYS_setgid, gid), 0);
	CHECK_EQ(sys(FBSD_SYS_seteuid, uid), 0);
	CHECK_EQ(sys(FBSD_SYS_setegid, gid), 0);
	CHECK_EQ(sys(FBSD_SYS_setresuid, -1, -1, -1), 0);
	CHECK_EQ(sys(FBSD_SYS_setregid, -1, -1), 0);
	if (sys(FBSD_SYS_geteuid) == 0) {
		long x1 = 0, pid = sys_x1(FBSD_SYS_fork, &x1);
		int st = -1;

		CHECK(pid >= 0);
		if (pid == 0)
			privileged_child();
		CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
		CHECK_EQ(st, 0);
		/* The parent's ids did not change. */
		CHECK_EQ(sys(FBSD_SYS_geteuid), 0);
		CHECK_EQ(sys(FBSD_SYS_getegid), gid);
	} else {
		CHECK_ERR(sys(FBSD_SYS_setuid, uid + 1), FBSD_EPERM);
		CHECK_ERR(sys(FBSD_SYS_seteuid, uid + 1), FBSD_EPERM);
		CHECK_ERR(sys(FBSD_SYS_setgroups, 0, 0), FBSD_EPERM);
		CHECK_ERR(sys(FBSD_SYS_freebsd14_setgroups, 0, 0), FBSD_EPERM);
	}
	t_puts("proc_cred done");
	return 0;
}
