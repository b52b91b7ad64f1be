/* Waiting for children: wait4(7), wait6(532), pdwait(601).
 *
 * All three are FreeBSD's kern_wait6() over Linux waitid(2) (the raw call,
 * which also returns the child's rusage): idtype and options are
 * translated, and the FreeBSD status word and siginfo are rebuilt from
 * Linux's si_code/si_status, with host signal numbers turned into FreeBSD
 * ones.  So a child killed by SIGUSR1 is seen with WTERMSIG() == 30.
 *
 *   exited   status << 8          killed  signo (| 0x80 with a core)
 *   stopped  signo << 8 | 0x7f    continued  0x13 (SIGCONT)
 *
 * wait4's pid: -1 = any (P_ALL), 0 = own group, < -1 = group -pid; like
 * kern_wait() it adds WEXITED | WTRAPPED.  wait6 takes P_PID, P_PGID and
 * P_ALL to the host as they are; P_SID, P_UID, P_GID and P_JAILID (id 0,
 * bsdemu runs no jails) are matched here against the list of children
 * (/proc/self/task/N/children), polling every 10 ms while none is ready;
 * other idtypes match nothing (ECHILD), as in FreeBSD's proc_to_reap().
 * Blocking waits go through fbsd_safe_syscall(): a signal interrupts them
 * and SA_RESTART restarts them, as FreeBSD's PCATCH sleep does.
 *
 * Limits: wru_children (the child's own children's usage) is zero, Linux
 * does not report it; nobody is traced, so WTRAPPED never matches. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/process.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/syscall.h"

/* sys/sys/wait.h */
#define FBSD_WNOHANG 0x1
#define FBSD_WUNTRACED 0x2
#define FBSD_WCONTINUED 0x4
#define FBSD_WNOWAIT 0x8
#define FBSD_WEXITED 0x10
#define FBSD_WTRAPPED 0x20
#define FBSD_WLINUXCLONE ((int32_t)0x80000000)
#define FBSD_WAIT_ANY (-1)
#define FBSD_WAIT_MYPGRP 0

/* idtype_t (sys/sys/types.h -> sys/procset.h order) */
#define FBSD_P_PID 0
#define FBSD_P_PPID 1
#define FBSD_P_PGID 2
#define FBSD_P_SID 3
#define FBSD_P_CID 4
#define FBSD_P_UID 5
#define FBSD_P_GID 6
#define FBSD_P_ALL 7
#define FBSD_P_JAILID 12

/* si_code for SIGCHLD: the same numbers on both systems. */
#define FBSD_CLD_EXITED 1
#define FBSD_CLD_KILLED 2
#define FBSD_CLD_DUMPED 3
#define FBSD_CLD_TRAPPED 4
#define FBSD_CLD_STOPPED 5
#define FBSD_CLD_CONTINUED 6
_Static_assert(CLD_EXITED == FBSD_CLD_EXITED && CLD_KILLED == FBSD_CLD_KILLED &&
	       CLD_DUMPED == FBSD_CLD_DUMPED && CLD_TRAPPED == FBSD_CLD_TRAPPED &&
	       CLD_STOPPED == FBSD_CLD_STOPPED && CLD_CONTINUED == FBSD_CLD_CONTINUED,
	       "CLD_* codes are FreeBSD's");

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

struct fbsd_wrusage {
	struct fbsd_rusage wru_self;
	struct fbsd_rusage wru_children;
};
_Static_assert(sizeof(struct fbsd_wrusage) == 288, "struct __wrusage");

/* One wait request in host terms. */
struct wreq {
	int idtype;             /* host P_* */
	long id;
	int hopts;              /* host options */
	int fopts;              /* FreeBSD options */
};

/* The result, FreeBSD terms. */
struct wres {
	int pid;                /* 0: WNOHANG and nothing ready */
	int status;
	struct fbsd_siginfo si;
	struct fbsd_wrusage ru;
};

static int sig_from_host(int h)
{
	int s = fbsd_sig_from_host(h);
	return s > 0 ? s : h;
}

int fbsd_wait_status(int code, int st)
{
	switch (code) {
	case CLD_EXITED:
		return (st & 0xff) << 8;
	case CLD_KILLED:
		return sig_from_host(st) & 0x7f;
	case CLD_DUMPED:
		return (sig_from_host(st) & 0x7f) | 0x80;
	case CLD_STOPPED:
	case CLD_TRAPPED:
		return (sig_from_host(st) << 8) | 0x7f;
	case CLD_CONTINUED:
		return FBSD_SIGCONT;
	default:
		return 0;
	}
}

static void tv_out(struct fbsd_timeval *g, const struct timeval *h)
{
	g->tv_sec = h->tv_sec;
	g->tv_usec = h->tv_usec;
}

static void rusage_out(struct fbsd_rusage *g, const struct rusage *h)
{
	memset(g, 0, sizeof(*g));
	tv_out(&g->ru_utime, &h->ru_utime);
	tv_out(&g->ru_stime, &h->ru_stime);
	g->ru_maxrss = h->ru_maxrss;
	g->ru_ixrss = h->ru_ixrss;
	g->ru_idrss = h->ru_idrss;
	g->ru_isrss = h->ru_isrss;
	g->ru_minflt = h->ru_minflt;
	g->ru_majflt = h->ru_majflt;
	g->ru_nswap = h->ru_nswap;
	g->ru_inblock = h->ru_inblock;
	g->ru_oublock = h->ru_oublock;
	g->ru_msgsnd = h->ru_msgsnd;
	g->ru_msgrcv = h->ru_msgrcv;
	g->ru_nsignals = h->ru_nsignals;
	g->ru_nvcsw = h->ru_nvcsw;
	g->ru_nivcsw = h->ru_nivcsw;
}

/* FreeBSD options -> host; -1 for bits FreeBSD refuses (EINVAL). */
static int opts_to_host(int o)
{
	int h = 0;

	if (o & ~(FBSD_WNOHANG | FBSD_WUNTRACED | FBSD_WCONTINUED | FBSD_WNOWAIT |
		  FBSD_WEXITED | FBSD_WTRAPPED | FBSD_WLINUXCLONE))
		return -1;
	if (!(o & (FBSD_WEXITED | FBSD_WUNTRACED | FBSD_WCONTINUED | FBSD_WTRAPPED)))
		return -1;
	if (o & FBSD_WNOHANG)
		h |= WNOHANG;
	if (o & FBSD_WUNTRACED)
		h |= WSTOPPED;
	if (o & FBSD_WCONTINUED)
		h |= WCONTINUED;
	if (o & FBSD_WNOWAIT)
		h |= WNOWAIT;
	if (o & FBSD_WEXITED)
		h |= WEXITED;
	if (o & FBSD_WLINUXCLONE)
		h |= __WCLONE;
	return h;
}

/* One host waitid.  Returns 0 (res filled; pid 0 = nothing ready) or a
 * FreeBSD errno. */
static int host_wait(int idtype, long id, int hopts, struct wres *res)
{
	siginfo_t hi;
	struct rusage hr;
	long r;

	memset(&hi, 0, sizeof(hi));
	memset(&hr, 0, sizeof(hr));
	if (hopts & WNOHANG)
		r = syscall(SYS_waitid, idtype, id, &hi, hopts, &hr);
	else
		r = fbsd_safe_syscall(SYS_waitid, idtype, id, (long)&hi, hopts, (long)&hr, 0);
	if (r < 0)
		return fbsd_errno(errno);
	memset(res, 0, sizeof(*res));
	res->pid = hi.si_pid;
	if (!hi.si_pid)
		return 0;
	res->status = fbsd_wait_status(hi.si_code, hi.si_status);
	res->si.signo = FBSD_SIGCHLD;
	res->si.code = hi.si_code;
	res->si.pid = hi.si_pid;
	res->si.uid = hi.si_uid;
	res->si.status = hi.si_code == CLD_EXITED ? hi.si_status
			: hi.si_code == CLD_CONTINUED ? FBSD_SIGCONT
			: sig_from_host(hi.si_status);
	rusage_out(&res->ru.wru_self, &hr);
	return 0;
}

/* Every live child's pid (any thread's), malloc'ed; count in *N. */
static int *list_children(size_t *n)
{
	int *v = NULL;
	size_t cap = 0;
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		char path[300];
		FILE *f;
		int pid;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/children", e->d_name);
		f = fopen(path, "re");
		if (!f)
			continue;
		while (fscanf(f, "%d", &pid) == 1) {
			if (*n == cap) {
				int *nv = realloc(v, (cap = cap * 2 + 16) * sizeof(*v));
				if (!nv)
					break;
				v = nv;
			}
			v[(*n)++] = pid;
		}
		fclose(f);
	}
	closedir(d);
	return v;
}

static bool child_matches(int fidtype, long id, int pid)
{
	char path[64];
	struct stat st;

	switch (fidtype) {
	case FBSD_P_SID:
		return getsid(pid) == (pid_t)id;
	case FBSD_P_UID:
	case FBSD_P_GID:
		snprintf(path, sizeof(path), "/proc/%d", pid);
		if (stat(path, &st) < 0)
			return false;
		return fidtype == FBSD_P_UID ? st.st_uid == (uid_t)id : st.st_gid == (gid_t)id;
	case FBSD_P_JAILID:
		return id == 0;
	default:
		return false;
	}
}

/* wait6 for the idtypes Linux lacks: poll the matching children. */
static int scan_wait(int fidtype, long id, int hopts, struct wres *res)
{
	for (;;) {
		size_t n, found = 0;
		int *kids = list_children(&n);
		int err = 0;

		for (size_t i = 0; i < n && !err; i++) {
			if (!child_matches(fidtype, id, kids[i]))
				continue;
			found++;
			err = host_wait(P_PID, kids[i], hopts | WNOHANG, res);
			if (!err && res->pid)
				break;
			if (err == FBSD_ECHILD)
				err = 0;
		}
		free(kids);
		if (err)
			return err;
		if (res->pid)
			return 0;
		if (!found)
			return FBSD_ECHILD;
		if (hopts & WNOHANG)
			return 0;
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		if (fbsd_safe_syscall(SYS_nanosleep, (long)&ts, 0, 0, 0, 0, 0) < 0 && errno == EINTR)
			return FBSD_EINTR;
	}
}

/* kern_wait6(). */
static int do_wait6(int fidtype, long id, int fopts, struct wres *res)
{
	int hopts = opts_to_host(fopts);

	memset(res, 0, sizeof(*res));
	if ((int32_t)id == FBSD_WAIT_MYPGRP && (fidtype == FBSD_P_PID || fidtype == FBSD_P_PGID)) {
		fidtype = FBSD_P_PGID;
		id = getpgrp();
	}
	if (hopts < 0)
		return FBSD_EINVAL;
	if (!(hopts & (WEXITED | WSTOPPED | WCONTINUED))) {
		/* Only WTRAPPED: no child is ever traced here. */
		int err = host_wait(P_ALL, 0, WEXITED | WNOWAIT | WNOHANG, res);
		memset(res, 0, sizeof(*res));
		if (err || (fopts & FBSD_WNOHANG))
			return err;
		for (;;)
			if (fbsd_safe_syscall(SYS_pause, 0, 0, 0, 0, 0, 0) < 0 && errno == EINTR)
				return FBSD_EINTR;
	}
	switch (fidtype) {
	case FBSD_P_PID:
		if ((int32_t)id <= 0)
			return FBSD_ECHILD;
		return host_wait(P_PID, (int32_t)id, hopts, res);
	case FBSD_P_PGID:
		if ((int32_t)id <= 0)
			return FBSD_ECHILD;
		return host_wait(P_PGID, (int32_t)id, hopts, res);
	case FBSD_P_ALL:
		return host_wait(P_ALL, 0, hopts, res);
	case FBSD_P_SID:
	case FBSD_P_UID:
	case FBSD_P_GID:
	case FBSD_P_JAILID:
		return scan_wait(fidtype, id, hopts, res);
	default:
		return FBSD_ECHILD;
	}
}

int fbsd_sys_wait4(struct fbsd_thread *td, const struct fbsd_wait4_args *uap)
{
	struct wres res;
	int fidtype, err;
	long id;

	if (uap->pid == FBSD_WAIT_ANY) {
		fidtype = FBSD_P_ALL;
		id = 0;
	} else if (uap->pid < 0) {
		fidtype = FBSD_P_PGID;
		id = -(long)uap->pid;
	} else {
		fidtype = FBSD_P_PID;
		id = uap->pid;
	}
	err = do_wait6(fidtype, id, uap->options | FBSD_WEXITED | FBSD_WTRAPPED, &res);
	if (err)
		return err;
	td->retval[0] = (uint64_t)(int64_t)res.pid;
	if (res.pid && uap->status &&
	    copy_to_guest(uap->status, &res.status, sizeof(res.status)) < 0)
		return FBSD_EFAULT;
	if (res.pid && uap->rusage &&
	    copy_to_guest(uap->rusage, &res.ru.wru_self, sizeof(res.ru.wru_self)) < 0)
		return FBSD_EFAULT;
	return 0;
}

static int wait_out(struct fbsd_thread *td, const struct wres *res, gaddr_t status,
		    gaddr_t wrusage, gaddr_t info)
{
	td->retval[0] = (uint64_t)(int64_t)res->pid;
	if (res->pid && status && copy_to_guest(status, &res->status, sizeof(res->status)) < 0)
		return FBSD_EFAULT;
	if (res->pid && wrusage && copy_to_guest(wrusage, &res->ru, sizeof(res->ru)) < 0)
		return FBSD_EFAULT;
	if (info && copy_to_guest(info, &res->si, sizeof(res->si)) < 0)
		return FBSD_EFAULT;
	return 0;
}

int fbsd_sys_wait6(struct fbsd_thread *td, const struct fbsd_wait6_args *uap)
{
	struct wres res;
	int err = do_wait6(uap->idtype, uap->id, uap->options, &res);

	if (err)
		return err;
	return wait_out(td, &res, uap->status, uap->wrusage, uap->info);
}

/* pdwait (FreeBSD 15): wait for the process behind a descriptor. */
int fbsd_sys_pdwait(struct fbsd_thread *td, const struct fbsd_pdwait_args *uap)
{
	struct wres res;
	int hopts = opts_to_host(uap->options);
	int err;

	if (fcntl(uap->fd, F_GETFD) < 0)
		return FBSD_EBADF;
	if (hopts < 0)
		return FBSD_EINVAL;
	memset(&res, 0, sizeof(res));
	err = host_wait(P_PIDFD, uap->fd, hopts, &res);
	if (err == FBSD_EINVAL)
		return FBSD_EBADF;      /* not a process descriptor */
	if (err)
		return err;
	return wait_out(td, &res, uap->status, uap->wrusage, uap->info);
}
