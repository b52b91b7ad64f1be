// EXPECT-STDOUT: ^procctl_basic done$
// procctl(2) commands and their error paths; getpriority/setpriority.
#include "t.h"

#define P_PID 0
#define P_PGID 2
#define P_ALL 7
#define PROC_REAP_ACQUIRE 2
#define PROC_REAP_RELEASE 3
#define PROC_REAP_STATUS 4
#define PROC_TRACE_STATUS 8
#define PROC_PDEATHSIG_CTL 11
#define PROC_PDEATHSIG_STATUS 12
#define PROC_ASLR_STATUS 14
#define PROC_STACKGAP_STATUS 18
#define PROC_NO_NEW_PRIVS_STATUS 20
#define PROC_WXMAP_CTL 21
#define PROC_WXMAP_STATUS 22
#define PRIO_PROCESS 0
#define FBSD_SIGUSR1 30

struct reaper_status {
	unsigned flags, children, descendants;
	int reaper, pid;
	unsigned pad[15];
};

int main(void)
{
	int v = -5, pid = (int)sys(FBSD_SYS_getpid);
	struct reaper_status rs;

	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_TRACE_STATUS, &v), 0);
	CHECK_EQ(v, 0);                                 /* not traced */
	v = FBSD_SIGUSR1;
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_PDEATHSIG_CTL, &v), 0);
	v = 0;
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, pid, PROC_PDEATHSIG_STATUS, &v), 0);
	CHECK_EQ(v, FBSD_SIGUSR1);                      /* FreeBSD numbering */
	v = 0;
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_PDEATHSIG_CTL, &v), 0);
	v = -1;
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_PDEATHSIG_STATUS, &v), 0);
	CHECK_EQ(v, 0);
	v = 500;
	CHECK_ERR(sys(FBSD_SYS_procctl, P_PID, 0, PROC_PDEATHSIG_CTL, &v), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_procctl, P_PID, 1, PROC_PDEATHSIG_STATUS, &v), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_procctl, P_PID, 0, PROC_PDEATHSIG_STATUS, 8), FBSD_EFAULT);
	/* Unknown commands and idtypes. */
	CHECK_ERR(sys(FBSD_SYS_procctl, P_PID, 0, 0, &v), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_procctl, P_PID, 0, 999, &v), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_procctl, P_ALL, 0, PROC_TRACE_STATUS, &v), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_procctl, P_PID, 99999999, PROC_TRACE_STATUS, &v), FBSD_ESRCH);
	/* Honest status answers. */
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_ASLR_STATUS, &v), 0);
	CHECK_EQ(v, 3);                                 /* NOFORCE, not active */
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_STACKGAP_STATUS, &v), 0);
	CHECK_EQ(v, 0x2 | 0x8);
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_NO_NEW_PRIVS_STATUS, &v), 0);
	CHECK(v == 1 || v == 2);
	v = 1;
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_WXMAP_CTL, &v), 0);
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_WXMAP_STATUS, &v), 0);
	CHECK_EQ(v, 1);
	/* Reaper. */
	CHECK_ERR(sys(FBSD_SYS_procctl, P_PID, 0, PROC_REAP_ACQUIRE, &v), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_procctl, P_PID, 0, PROC_REAP_RELEASE, 0), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_REAP_ACQUIRE, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_procctl, P_PID, 0, PROC_REAP_ACQUIRE, 0), FBSD_EBUSY);
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_REAP_STATUS, &rs), 0);
	CHECK_EQ(rs.flags & 1, 1);
	CHECK_EQ(rs.reaper, pid);
	CHECK_EQ(rs.children, 0);
	CHECK_EQ(rs.pid, -1);
	CHECK_EQ(sys(FBSD_SYS_procctl, P_PID, 0, PROC_REAP_RELEASE, 0), 0);

	/* Priorities: the nice value itself, clamped like FreeBSD. */
	CHECK_EQ(sys(FBSD_SYS_getpriority, PRIO_PROCESS, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_setpriority, PRIO_PROCESS, 0, 5), 0);
	CHECK_EQ(sys(FBSD_SYS_getpriority, PRIO_PROCESS, 0), 5);
	CHECK_EQ(sys(FBSD_SYS_getpriority, PRIO_PROCESS, pid), 5);
	CHECK_ERR(sys(FBSD_SYS_getpriority, 7, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_setpriority, 7, 0, 1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getpriority, PRIO_PROCESS, 99999999), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_setlogin, "nobody"), FBSD_EPERM);
	t_printf("procctl_basic done\n");
	return 0;
}
