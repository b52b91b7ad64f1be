/* Process identity, limits and usage: exit(1), getpid(20), getppid(39),
 * get[e]uid/get[e]gid, getresuid(360)/getresgid(361), getgroups(79, 595),
 * issetugid(253), getlogin(49), getrlimit(194)/setrlimit(195),
 * getrusage(117), thr_self(432), getpgrp(81), getpgid(207), getsid(310),
 * setsid(147), setpgid(82).
 *
 * The guest process is the host process, so ids are the host's.
 *
 * Resource limits: FreeBSD numbers the limits differently from Linux
 * (ABI-NOTES 8.4) and uses INT64_MAX, not ~0, for RLIM_INFINITY.  Limits
 * with a Linux equivalent are the host limits.  Two kinds are kept in a
 * process-wide table instead, reported and range-checked like FreeBSD
 * but not enforced:
 *   - SBSIZE, NPTS, SWAP, KQUEUES, UMTXP: Linux has no such limit;
 *   - AS (VMEM): bsdemu's own address space holds the whole reserved guest
 *     range, so a host RLIMIT_AS would stop bsdemu, not the guest.
 * They start at RLIM_INFINITY, as on a default FreeBSD system. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <unistd.h>

#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/process.h"
#include "os/freebsd/syscall.h"

_Noreturn void fbsd_exit_process(int status)
{
	fbsd_umtx_process_exit(curthread);
	fbsd_vfork_writeback();
	fbsd_report_flush();
	fflush(NULL);
	_exit(status & 0xff);
}

int fbsd_sys_exit(struct fbsd_thread *td, const struct fbsd_exit_args *uap)
{
	fbsd_exit_process(uap->rval);
}

int fbsd_sys_getpid(struct fbsd_thread *td, const struct fbsd_getpid_args *uap)
{
	td->retval[0] = (uint64_t)getpid();
	return 0;
}

int fbsd_sys_getppid(struct fbsd_thread *td, const struct fbsd_getppid_args *uap)
{
	td->retval[0] = (uint64_t)getppid();
	return 0;
}

int fbsd_sys_getuid(struct fbsd_thread *td, const struct fbsd_getuid_args *uap)
{
	td->retval[0] = getuid();
	return 0;
}

int fbsd_sys_geteuid(struct fbsd_thread *td, const struct fbsd_geteuid_args *uap)
{
	td->retval[0] = geteuid();
	return 0;
}

int fbsd_sys_getgid(struct fbsd_thread *td, const struct fbsd_getgid_args *uap)
{
	td->retval[0] = getgid();
	return 0;
}

int fbsd_sys_getegid(struct fbsd_thread *td, const struct fbsd_getegid_args *uap)
{
	td->retval[0] = getegid();
	return 0;
}

/* sys_getresuid(): every non-NULL pointer is written; first error wins. */
static int put_three_ids(gaddr_t a, gaddr_t b, gaddr_t c, uint32_t x, uint32_t y, uint32_t z)
{
	int e1 = 0, e2 = 0, e3 = 0;

	if (a && copy_to_guest(a, &x, sizeof(x)) < 0)
		e1 = FBSD_EFAULT;
	if (b && copy_to_guest(b, &y, sizeof(y)) < 0)
		e2 = FBSD_EFAULT;
	if (c && copy_to_guest(c, &z, sizeof(z)) < 0)
		e3 = FBSD_EFAULT;
	return e1 ? e1 : e2 ? e2 : e3;
}

int fbsd_sys_getresuid(struct fbsd_thread *td, const struct fbsd_getresuid_args *uap)
{
	uid_t r, e, s;

	getresuid(&r, &e, &s);
	return put_three_ids(uap->ruid, uap->euid, uap->suid, r, e, s);
}

int fbsd_sys_getresgid(struct fbsd_thread *td, const struct fbsd_getresgid_args *uap)
{
	gid_t r, e, s;

	getresgid(&r, &e, &s);
	return put_three_ids(uap->rgid, uap->egid, uap->sgid, r, e, s);
}

/* getgroups: FreeBSD 15's call (595) lists the supplementary groups,
 * like Linux.  The FreeBSD 14 call (79, what 14.x programs use) lists
 * cr_groups, whose first entry is the effective gid. */
static int do_getgroups(struct fbsd_thread *td, int32_t gidsetsize, gaddr_t gidset,
			bool egid_first)
{
	int n = getgroups(0, NULL), ng = 0;
	gid_t *host, egid = getegid();
	uint32_t *list;
	int err = 0;

	if (n < 0)
		return fbsd_errno(errno);
	host = calloc((size_t)n + 1, sizeof(*host));
	list = calloc((size_t)n + 2, sizeof(*list));
	if (!host || !list) {
		free(host);
		free(list);
		return FBSD_ENOMEM;
	}
	n = getgroups(n, host);
	if (n < 0)
		n = 0;
	if (egid_first)
		list[ng++] = egid;
	for (int i = 0; i < n; i++)
		if (!egid_first || host[i] != egid)
			list[ng++] = host[i];
	if (gidsetsize == 0)
		td->retval[0] = (uint64_t)ng;
	else if (gidsetsize < ng)
		err = FBSD_EINVAL;
	else if (copy_to_guest(gidset, list, (size_t)ng * sizeof(*list)) < 0)
		err = FBSD_EFAULT;
	else
		td->retval[0] = (uint64_t)ng;
	free(host);
	free(list);
	return err;
}

int fbsd_sys_getgroups(struct fbsd_thread *td, const struct fbsd_getgroups_args *uap)
{
	return do_getgroups(td, uap->gidsetsize, uap->gidset, false);
}

int fbsd_sys_freebsd14_getgroups(struct fbsd_thread *td,
				 const struct fbsd_freebsd14_getgroups_args *uap)
{
	return do_getgroups(td, uap->gidsetsize, uap->gidset, true);
}

/* P_SUGID: only bsdemu itself running set-id would make the guest so. */
int fbsd_sys_issetugid(struct fbsd_thread *td, const struct fbsd_issetugid_args *uap)
{
	td->retval[0] = getauxval(AT_SECURE) ? 1 : 0;
	return 0;
}

#define FBSD_MAXLOGNAME 33

/* The session's login name.  Linux keeps none in the kernel; the closest
 * is the audit login uid's user name.  Empty when there is none, like a
 * FreeBSD session nobody called setlogin() for. */
static void session_login(char *buf, size_t cap)
{
	char tmp[32], pwbuf[1024];
	struct passwd pw, *res = NULL;
	unsigned long uid;
	ssize_t n;
	int fd;

	buf[0] = 0;
	fd = open("/proc/self/loginuid", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, tmp, sizeof(tmp) - 1);
	close(fd);
	if (n <= 0)
		return;
	tmp[n] = 0;
	uid = strtoul(tmp, NULL, 10);
	if (uid == 4294967295UL)
		return;
	if (getpwuid_r((uid_t)uid, &pw, pwbuf, sizeof(pwbuf), &res) == 0 && res)
		snprintf(buf, cap, "%s", res->pw_name);
}

int fbsd_sys_getlogin(struct fbsd_thread *td, const struct fbsd_getlogin_args *uap)
{
	char login[FBSD_MAXLOGNAME];
	uint32_t namelen = uap->namelen;
	size_t len;

	if (namelen > FBSD_MAXLOGNAME)
		namelen = FBSD_MAXLOGNAME;
	session_login(login, sizeof(login));
	len = strlen(login) + 1;
	if (len > namelen)
		return FBSD_ERANGE;
	return copy_to_guest(uap->namebuf, login, len) < 0 ? FBSD_EFAULT : 0;
}

/* ---- resource limits ---- */

#define NO_HOST (-1)

static const int rlimit_host[FBSD_RLIM_NLIMITS] = {
	[FBSD_RLIMIT_CPU] = RLIMIT_CPU,
	[FBSD_RLIMIT_FSIZE] = RLIMIT_FSIZE,
	[FBSD_RLIMIT_DATA] = RLIMIT_DATA,
	[FBSD_RLIMIT_STACK] = RLIMIT_STACK,
	[FBSD_RLIMIT_CORE] = RLIMIT_CORE,
	[FBSD_RLIMIT_RSS] = RLIMIT_RSS,
	[FBSD_RLIMIT_MEMLOCK] = RLIMIT_MEMLOCK,
	[FBSD_RLIMIT_NPROC] = RLIMIT_NPROC,
	[FBSD_RLIMIT_NOFILE] = RLIMIT_NOFILE,
	[FBSD_RLIMIT_SBSIZE] = NO_HOST,
	[FBSD_RLIMIT_AS] = NO_HOST,         /* see the top of the file */
	[FBSD_RLIMIT_NPTS] = NO_HOST,
	[FBSD_RLIMIT_SWAP] = NO_HOST,
	[FBSD_RLIMIT_KQUEUES] = NO_HOST,
	[FBSD_RLIMIT_UMTXP] = NO_HOST,
};
_Static_assert(RLIMIT_MEMLOCK == 8 && RLIMIT_NPROC == 6 && RLIMIT_NOFILE == 7 &&
	       RLIMIT_AS == 9, "Linux RLIMIT numbering");
_Static_assert(FBSD_RLIMIT_MEMLOCK == 6 && FBSD_RLIMIT_NPROC == 7 &&
	       FBSD_RLIMIT_NOFILE == 8 && FBSD_RLIMIT_AS == 10 &&
	       FBSD_RLIMIT_UMTXP == 14, "FreeBSD RLIMIT numbering");

static struct fbsd_rlimit emulated[FBSD_RLIM_NLIMITS] = {
	[0 ... FBSD_RLIM_NLIMITS - 1] = { FBSD_RLIM_INFINITY, FBSD_RLIM_INFINITY },
};
static pthread_mutex_t emulated_lock = PTHREAD_MUTEX_INITIALIZER;

static int64_t rlim_from_host(rlim_t v)
{
	return (v == RLIM_INFINITY || v > (rlim_t)INT64_MAX) ? FBSD_RLIM_INFINITY : (int64_t)v;
}

static rlim_t rlim_to_host(int64_t v)
{
	return v == FBSD_RLIM_INFINITY ? RLIM_INFINITY : (rlim_t)v;
}

int fbsd_sys_getrlimit(struct fbsd_thread *td, const struct fbsd_getrlimit_args *uap)
{
	struct fbsd_rlimit g;
	struct rlimit h;

	if (uap->which >= FBSD_RLIM_NLIMITS)
		return FBSD_EINVAL;
	if (rlimit_host[uap->which] == NO_HOST) {
		pthread_mutex_lock(&emulated_lock);
		g = emulated[uap->which];
		pthread_mutex_unlock(&emulated_lock);
	} else {
		if (getrlimit(rlimit_host[uap->which], &h) < 0)
			return fbsd_errno(errno);
		g.rlim_cur = rlim_from_host(h.rlim_cur);
		g.rlim_max = rlim_from_host(h.rlim_max);
	}
	return copy_to_guest(uap->rlp, &g, sizeof(g)) < 0 ? FBSD_EFAULT : 0;
}

int fbsd_sys_setrlimit(struct fbsd_thread *td, const struct fbsd_setrlimit_args *uap)
{
	struct fbsd_rlimit g, *old;
	struct rlimit h;

	if (copy_from_guest(&g, uap->rlp, sizeof(g)) < 0)
		return FBSD_EFAULT;
	if (uap->which >= FBSD_RLIM_NLIMITS)
		return FBSD_EINVAL;
	/* kern_proc_setrlimit(): a negative rlim_t means infinity. */
	if (g.rlim_cur < 0)
		g.rlim_cur = FBSD_RLIM_INFINITY;
	if (g.rlim_max < 0)
		g.rlim_max = FBSD_RLIM_INFINITY;
	if (rlimit_host[uap->which] == NO_HOST) {
		pthread_mutex_lock(&emulated_lock);
		old = &emulated[uap->which];
		if ((g.rlim_cur > old->rlim_max || g.rlim_max > old->rlim_max) &&
		    geteuid() != 0) {
			pthread_mutex_unlock(&emulated_lock);
			return FBSD_EPERM;
		}
		if (g.rlim_cur > g.rlim_max)
			g.rlim_cur = g.rlim_max;
		*old = g;
		pthread_mutex_unlock(&emulated_lock);
		return 0;
	}
	/* FreeBSD lowers a soft limit above the hard one; Linux refuses. */
	if (g.rlim_cur > g.rlim_max)
		g.rlim_cur = g.rlim_max;
	h.rlim_cur = rlim_to_host(g.rlim_cur);
	h.rlim_max = rlim_to_host(g.rlim_max);
	if (setrlimit(rlimit_host[uap->which], &h) < 0)
		return fbsd_errno(errno);
	return 0;
}

static void tv_out(struct fbsd_timeval *g, const struct timeval *h)
{
	g->tv_sec = h->tv_sec;
	g->tv_usec = h->tv_usec;
}

int fbsd_sys_getrusage(struct fbsd_thread *td, const struct fbsd_getrusage_args *uap)
{
	struct rusage h;
	struct fbsd_rusage g;
	int who;

	switch (uap->who) {
	case FBSD_RUSAGE_SELF: who = RUSAGE_SELF; break;
	case FBSD_RUSAGE_CHILDREN: who = RUSAGE_CHILDREN; break;
	case FBSD_RUSAGE_THREAD: who = RUSAGE_THREAD; break;
	default: return FBSD_EINVAL;
	}
	if (getrusage(who, &h) < 0)
		return fbsd_errno(errno);
	memset(&g, 0, sizeof(g));
	tv_out(&g.ru_utime, &h.ru_utime);
	tv_out(&g.ru_stime, &h.ru_stime);
	g.ru_maxrss = h.ru_maxrss;
	g.ru_ixrss = h.ru_ixrss;
	g.ru_idrss = h.ru_idrss;
	g.ru_isrss = h.ru_isrss;
	g.ru_minflt = h.ru_minflt;
	g.ru_majflt = h.ru_majflt;
	g.ru_nswap = h.ru_nswap;
	g.ru_inblock = h.ru_inblock;
	g.ru_oublock = h.ru_oublock;
	g.ru_msgsnd = h.ru_msgsnd;
	g.ru_msgrcv = h.ru_msgrcv;
	g.ru_nsignals = h.ru_nsignals;
	g.ru_nvcsw = h.ru_nvcsw;
	g.ru_nivcsw = h.ru_nivcsw;
	return copy_to_guest(uap->rusage, &g, sizeof(g)) < 0 ? FBSD_EFAULT : 0;
}

int fbsd_sys_thr_self(struct fbsd_thread *td, const struct fbsd_thr_self_args *uap)
{
	int64_t id = td->tid;

	return copy_to_guest(uap->id, &id, sizeof(id)) < 0 ? FBSD_EFAULT : 0;
}

/* ---- process groups and sessions ---- */

int fbsd_sys_getpgrp(struct fbsd_thread *td, const struct fbsd_getpgrp_args *uap)
{
	td->retval[0] = (uint64_t)getpgrp();
	return 0;
}

int fbsd_sys_getpgid(struct fbsd_thread *td, const struct fbsd_getpgid_args *uap)
{
	return host_ret(td, getpgid(uap->pid));
}

int fbsd_sys_getsid(struct fbsd_thread *td, const struct fbsd_getsid_args *uap)
{
	return host_ret(td, getsid(uap->pid));
}

int fbsd_sys_setsid(struct fbsd_thread *td, const struct fbsd_setsid_args *uap)
{
	return host_ret(td, setsid());
}

int fbsd_sys_setpgid(struct fbsd_thread *td, const struct fbsd_setpgid_args *uap)
{
	if (uap->pgid < 0)
		return FBSD_EINVAL;
	return host_ret(td, setpgid(uap->pid, uap->pgid));
}
