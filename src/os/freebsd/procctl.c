/* procctl(544), getpriority(100), setpriority(96), setlogin(50).
 *
 * procctl follows sys_procctl()/kern_procctl(): command 1..22 (else
 * EINVAL), copy-in of the argument first, then the idtype (P_PID, or
 * P_PGID for the commands that allow it), then the target.  The target
 * is this process (id 0 or our pid); another existing process gets the
 * status queries answered as for ourselves (every bsdemu process has the
 * same settings) and EPERM for changes, a missing one ESRCH (EINVAL for
 * the PDEATHSIG commands).  What each command does here:
 *   SPROTECT          root only (EPERM otherwise); oom_score_adj -1000/0
 *   REAP_*            Linux child subreaper (PR_SET_CHILD_SUBREAPER); the
 *                     descendants are read from /proc/N/task/M/children.
 *                     Without the reaper role the reaper reported is init
 *   TRACE_CTL/STATUS  "dumpable" (PR_SET_DUMPABLE: no ptrace attach, and
 *                     Linux resets it at exec, which is DISABLE_EXEC's
 *                     meaning); status -1 when disabled, else TracerPid
 *   TRAPCAP_*         recorded (bsdemu has no capability mode)
 *   PDEATHSIG_*       PR_SET_PDEATHSIG with the host twin of the signal
 *                     (Linux sends it when the forking *thread* ends)
 *   ASLR_*, PROTMAX_* recorded; never ACTIVE: bsdemu's layout is fixed and
 *                     it has no implicit PROT_MAX
 *   STACKGAP_*        status: disabled now and after exec (no gap);
 *                     asking to enable it is EINVAL, as FreeBSD answers
 *                     once the gap was disabled
 *   NO_NEW_PRIVS_*    PR_SET/GET_NO_NEW_PRIVS (the same rule)
 *   WXMAP_*           recorded; W^X is never enforced by bsdemu
 *
 * getpriority/setpriority: FreeBSD's nice applies to the whole process;
 * Linux's PRIO_PROCESS acts on one thread, so for this process every host
 * thread is set. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "log.h"
#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/process.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/syscall.h"

/* sys/sys/procctl.h */
enum {
	PROC_SPROTECT = 1, PROC_REAP_ACQUIRE, PROC_REAP_RELEASE, PROC_REAP_STATUS,
	PROC_REAP_GETPIDS, PROC_REAP_KILL, PROC_TRACE_CTL, PROC_TRACE_STATUS,
	PROC_TRAPCAP_CTL, PROC_TRAPCAP_STATUS, PROC_PDEATHSIG_CTL,
	PROC_PDEATHSIG_STATUS, PROC_ASLR_CTL, PROC_ASLR_STATUS, PROC_PROTMAX_CTL,
	PROC_PROTMAX_STATUS, PROC_STACKGAP_CTL, PROC_STACKGAP_STATUS,
	PROC_NO_NEW_PRIVS_CTL, PROC_NO_NEW_PRIVS_STATUS, PROC_WXMAP_CTL,
	PROC_WXMAP_STATUS, PROC_NCMDS
};
_Static_assert(PROC_WXMAP_STATUS == 22 && PROC_PDEATHSIG_CTL == 11, "procctl numbering");

#define PPROT_SET 1
#define PPROT_CLEAR 2
#define PPROT_DESCEND 0x10
#define PPROT_INHERIT 0x20
#define REAPER_STATUS_OWNED 0x1
#define REAPER_STATUS_REALINIT 0x2
#define REAPER_PIDINFO_VALID 0x1
#define REAPER_PIDINFO_CHILD 0x2
#define REAPER_PIDINFO_REAPER 0x4
#define REAPER_PIDINFO_ZOMBIE 0x8
#define REAPER_PIDINFO_STOPPED 0x10
#define REAPER_KILL_CHILDREN 0x1
#define REAPER_KILL_SUBTREE 0x2
#define PROC_TRACE_CTL_ENABLE 1
#define PROC_TRACE_CTL_DISABLE 2
#define PROC_TRACE_CTL_DISABLE_EXEC 3
#define PROC_TRAPCAP_CTL_ENABLE 1
#define PROC_TRAPCAP_CTL_DISABLE 2
#define PROC_FORCE_ENABLE 1     /* ASLR and PROTMAX */
#define PROC_FORCE_DISABLE 2
#define PROC_NOFORCE 3
#define PROC_STACKGAP_ENABLE 0x1
#define PROC_STACKGAP_DISABLE 0x2
#define PROC_STACKGAP_ENABLE_EXEC 0x4
#define PROC_STACKGAP_DISABLE_EXEC 0x8
#define PROC_NO_NEW_PRIVS_ENABLE 1
#define PROC_NO_NEW_PRIVS_DISABLE 2
#define PROC_WX_MAPPINGS_PERMIT 0x1
#define PROC_WX_MAPPINGS_DISALLOW_EXEC 0x2

struct fbsd_reaper_status {
	uint32_t rs_flags, rs_children, rs_descendants;
	int32_t rs_reaper, rs_pid;
	uint32_t rs_pad0[15];
};
_Static_assert(sizeof(struct fbsd_reaper_status) == 80, "procctl_reaper_status");

struct fbsd_reaper_pidinfo {
	int32_t pi_pid, pi_subtree;
	uint32_t pi_flags;
	uint32_t pi_pad0[15];
};
_Static_assert(sizeof(struct fbsd_reaper_pidinfo) == 72, "procctl_reaper_pidinfo");

struct fbsd_reaper_pids {
	uint32_t rp_count;
	uint32_t rp_pad0[15];
	uint64_t rp_pids;
};
_Static_assert(sizeof(struct fbsd_reaper_pids) == 72, "procctl_reaper_pids");

struct fbsd_reaper_kill {
	int32_t rk_sig;
	uint32_t rk_flags;
	int32_t rk_subtree;
	uint32_t rk_killed;
	int32_t rk_fpid;
	uint32_t rk_pad0[15];
};
_Static_assert(sizeof(struct fbsd_reaper_kill) == 80, "procctl_reaper_kill");

/* Settings bsdemu only records. */
static atomic_int trapcap = PROC_TRAPCAP_CTL_DISABLE;
static atomic_int aslr = PROC_NOFORCE, protmax = PROC_NOFORCE;
static atomic_int wxmap;
static atomic_int pdeathsig_nohost;     /* a FreeBSD signal without host twin */

/* Per command: copy-in size, copy-out size, data must be NULL, P_PGID ok. */
static const struct {
	unsigned char in, out, no_data, pgid_ok;
} cmds[PROC_NCMDS] = {
	[PROC_SPROTECT] = { 4, 0, 0, 1 },
	[PROC_REAP_ACQUIRE] = { 0, 0, 1, 0 },
	[PROC_REAP_RELEASE] = { 0, 0, 1, 0 },
	[PROC_REAP_STATUS] = { 0, sizeof(struct fbsd_reaper_status), 0, 0 },
	[PROC_REAP_GETPIDS] = { sizeof(struct fbsd_reaper_pids), 0, 0, 0 },
	[PROC_REAP_KILL] = { sizeof(struct fbsd_reaper_kill), sizeof(struct fbsd_reaper_kill), 0, 0 },
	[PROC_TRACE_CTL] = { 4, 0, 0, 1 },
	[PROC_TRACE_STATUS] = { 0, 4, 0, 0 },
	[PROC_TRAPCAP_CTL] = { 4, 0, 0, 1 },
	[PROC_TRAPCAP_STATUS] = { 0, 4, 0, 0 },
	[PROC_PDEATHSIG_CTL] = { 4, 0, 0, 0 },
	[PROC_PDEATHSIG_STATUS] = { 0, 4, 0, 0 },
	[PROC_ASLR_CTL] = { 4, 0, 0, 0 },
	[PROC_ASLR_STATUS] = { 0, 4, 0, 0 },
	[PROC_PROTMAX_CTL] = { 4, 0, 0, 0 },
	[PROC_PROTMAX_STATUS] = { 0, 4, 0, 0 },
	[PROC_STACKGAP_CTL] = { 4, 0, 0, 0 },
	[PROC_STACKGAP_STATUS] = { 0, 4, 0, 0 },
	[PROC_NO_NEW_PRIVS_CTL] = { 4, 0, 0, 0 },
	[PROC_NO_NEW_PRIVS_STATUS] = { 0, 4, 0, 0 },
	[PROC_WXMAP_CTL] = { 4, 0, 0, 0 },
	[PROC_WXMAP_STATUS] = { 0, 4, 0, 0 },
};

static bool is_status(int com)
{
	switch (com) {
	case PROC_REAP_STATUS: case PROC_TRACE_STATUS: case PROC_TRAPCAP_STATUS:
	case PROC_ASLR_STATUS: case PROC_PROTMAX_STATUS: case PROC_STACKGAP_STATUS:
	case PROC_NO_NEW_PRIVS_STATUS: case PROC_WXMAP_STATUS:
		return true;
	default:
		return false;
	}
}

/* ---- descendants (for the reaper commands) ---- */

struct pidlist {
	int32_t *pid, *subtree;
	bool *child;
	size_t n, cap;
};

static void pl_add(struct pidlist *l, int pid, int subtree, bool child)
{
	if (l->n == l->cap) {
		size_t cap = l->cap * 2 + 32;
		int32_t *a = realloc(l->pid, cap * sizeof(*a));
		int32_t *b = a ? realloc(l->subtree, cap * sizeof(*b)) : NULL;
		bool *c = b ? realloc(l->child, cap * sizeof(*c)) : NULL;
		if (a)
			l->pid = a;
		if (b)
			l->subtree = b;
		if (!c)
			return;
		l->child = c;
		l->cap = cap;
	}
	l->pid[l->n] = pid;
	l->subtree[l->n] = subtree;
	l->child[l->n] = child;
	l->n++;
}

static void pl_free(struct pidlist *l)
{
	free(l->pid);
	free(l->subtree);
	free(l->child);
}

/* Children of PID (all its threads), appended to L. */
static void add_children(struct pidlist *l, int pid, int subtree, bool child)
{
	char path[96];
	DIR *d;
	struct dirent *e;

	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	d = opendir(path);
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		FILE *f;
		int c;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/%d/task/%.20s/children", pid, e->d_name);
		f = fopen(path, "re");
		if (!f)
			continue;
		while (fscanf(f, "%d", &c) == 1)
			pl_add(l, c, subtree ? subtree : c, child);
		fclose(f);
	}
	closedir(d);
}

/* Every descendant of REAPER, breadth first, with its subtree root. */
static void descendants(struct pidlist *l, int reaper)
{
	add_children(l, reaper, 0, true);
	for (size_t i = 0; i < l->n; i++)
		add_children(l, l->pid[i], l->subtree[i], false);
}

static char proc_state(int pid)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

static bool am_reaper(void)
{
	int r = 0;

	return prctl(PR_GET_CHILD_SUBREAPER, &r, 0, 0, 0) == 0 && r;
}

static int reap_status(struct fbsd_reaper_status *rs)
{
	struct pidlist l = { 0 };
	int reaper = am_reaper() ? getpid() : 1;

	memset(rs, 0, sizeof(*rs));
	if (reaper == getpid())
		rs->rs_flags |= REAPER_STATUS_OWNED;
	else
		rs->rs_flags |= REAPER_STATUS_REALINIT;
	rs->rs_reaper = reaper;
	descendants(&l, reaper);
	rs->rs_pid = l.n ? l.pid[0] : -1;
	for (size_t i = 0; i < l.n; i++) {
		rs->rs_descendants++;
		if (l.child[i])
			rs->rs_children++;
	}
	pl_free(&l);
	return 0;
}

static int reap_getpids(const struct fbsd_reaper_pids *rp)
{
	struct pidlist l = { 0 };
	int reaper = am_reaper() ? getpid() : 1;
	int err = 0;

	descendants(&l, reaper);
	for (size_t i = 0; i < l.n && i < rp->rp_count; i++) {
		struct fbsd_reaper_pidinfo pi;
		char st = proc_state(l.pid[i]);

		memset(&pi, 0, sizeof(pi));
		pi.pi_pid = l.pid[i];
		pi.pi_subtree = l.subtree[i];
		pi.pi_flags = REAPER_PIDINFO_VALID;
		if (l.child[i])
			pi.pi_flags |= REAPER_PIDINFO_CHILD;
		if (st == 'Z')
			pi.pi_flags |= REAPER_PIDINFO_ZOMBIE;
		if (st == 'T' || st == 't')
			pi.pi_flags |= REAPER_PIDINFO_STOPPED;
		if (copy_to_guest(rp->rp_pids + i * sizeof(pi), &pi, sizeof(pi)) < 0) {
			err = FBSD_EFAULT;
			break;
		}
	}
	pl_free(&l);
	return err;
}

static int reap_kill(struct fbsd_reaper_kill *rk)
{
	struct pidlist l = { 0 };
	int reaper = am_reaper() ? getpid() : 1;
	int h, err = 0;

	if (rk->rk_sig <= 0 || rk->rk_sig > FBSD_NSIG ||
	    (rk->rk_flags & ~(REAPER_KILL_CHILDREN | REAPER_KILL_SUBTREE)) ||
	    (rk->rk_flags & (REAPER_KILL_CHILDREN | REAPER_KILL_SUBTREE)) ==
	    (REAPER_KILL_CHILDREN | REAPER_KILL_SUBTREE))
		return FBSD_EINVAL;
	h = fbsd_sig_to_host(rk->rk_sig);
	if (h <= 0)
		return FBSD_EINVAL;
	rk->rk_killed = 0;
	rk->rk_fpid = -1;
	descendants(&l, reaper);
	for (size_t i = 0; i < l.n; i++) {
		if ((rk->rk_flags & REAPER_KILL_CHILDREN) && !l.child[i])
			continue;
		if ((rk->rk_flags & REAPER_KILL_SUBTREE) && l.subtree[i] != rk->rk_subtree)
			continue;
		if (kill(l.pid[i], h) == 0) {
			rk->rk_killed++;
		} else if (rk->rk_fpid < 0) {
			rk->rk_fpid = l.pid[i];
			err = fbsd_errno(errno);
		}
	}
	pl_free(&l);
	if (!err && rk->rk_killed == 0)
		err = FBSD_ESRCH;
	return err;
}

static int tracer_pid(void)
{
	char buf[4096], *p;
	ssize_t n;
	int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	p = strstr(buf, "TracerPid:");
	return p ? atoi(p + 10) : 0;
}

/* One command on this process.  DATA holds the copied-in argument and
 * receives the result. */
static int self_cmd(int com, void *data)
{
	int v = *(int *)data, *out = data, r;

	switch (com) {
	case PROC_SPROTECT: {
		int op = v & ~(PPROT_DESCEND | PPROT_INHERIT);
		FILE *f;

		if (op != PPROT_SET && op != PPROT_CLEAR)
			return FBSD_EINVAL;
		if (geteuid() != 0)
			return FBSD_EPERM;
		f = fopen("/proc/self/oom_score_adj", "we");
		if (!f)
			return FBSD_EPERM;
		fprintf(f, "%d\n", op == PPROT_SET ? -1000 : 0);
		return fclose(f) == 0 ? 0 : FBSD_EPERM;
	}
	case PROC_REAP_ACQUIRE:
		if (am_reaper() || getpid() == 1)
			return FBSD_EBUSY;
		return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0 ? fbsd_errno(errno) : 0;
	case PROC_REAP_RELEASE:
		if (getpid() == 1 || !am_reaper())
			return FBSD_EINVAL;
		return prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0) < 0 ? fbsd_errno(errno) : 0;
	case PROC_REAP_STATUS:
		return reap_status(data);
	case PROC_REAP_GETPIDS:
		return reap_getpids(data);
	case PROC_REAP_KILL:
		return reap_kill(data);
	case PROC_TRACE_CTL:
		switch (v) {
		case PROC_TRACE_CTL_ENABLE:
			return prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) < 0 ? fbsd_errno(errno) : 0;
		case PROC_TRACE_CTL_DISABLE:
		case PROC_TRACE_CTL_DISABLE_EXEC:
			if (tracer_pid() > 0)
				return FBSD_EBUSY;
			return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0 ? fbsd_errno(errno) : 0;
		default:
			return FBSD_EINVAL;
		}
	case PROC_TRACE_STATUS:
		*out = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0 ? -1 : tracer_pid();
		return 0;
	case PROC_TRAPCAP_CTL:
		if (v != PROC_TRAPCAP_CTL_ENABLE && v != PROC_TRAPCAP_CTL_DISABLE)
			return FBSD_EINVAL;
		trapcap = v;
		return 0;
	case PROC_TRAPCAP_STATUS:
		*out = trapcap;
		return 0;
	case PROC_PDEATHSIG_CTL: {
		int h = 0;

		if (v != 0 && !fbsd_sig_valid(v))
			return FBSD_EINVAL;
		if (v) {
			h = fbsd_sig_to_host(v);
			if (h <= 0) {
				log_msg("procctl: %s has no host signal; the parent's death "
					"will not send it", fbsd_signame(v));
				pdeathsig_nohost = v;
			}
		}
		if (prctl(PR_SET_PDEATHSIG, h > 0 ? h : 0, 0, 0, 0) < 0)
			return fbsd_errno(errno);
		if (h > 0 || v == 0)
			pdeathsig_nohost = 0;
		return 0;
	}
	case PROC_PDEATHSIG_STATUS:
		r = 0;
		prctl(PR_GET_PDEATHSIG, &r, 0, 0, 0);
		*out = r ? fbsd_sig_from_host(r) : pdeathsig_nohost;
		return 0;
	case PROC_ASLR_CTL:
	case PROC_PROTMAX_CTL:
		if (v != PROC_FORCE_ENABLE && v != PROC_FORCE_DISABLE && v != PROC_NOFORCE)
			return FBSD_EINVAL;
		if (com == PROC_ASLR_CTL)
			aslr = v;
		else
			protmax = v;
		return 0;
	case PROC_ASLR_STATUS:
		*out = aslr;
		return 0;
	case PROC_PROTMAX_STATUS:
		*out = protmax;
		return 0;
	case PROC_STACKGAP_CTL:
		if (v & ~(PROC_STACKGAP_ENABLE | PROC_STACKGAP_DISABLE |
			  PROC_STACKGAP_ENABLE_EXEC | PROC_STACKGAP_DISABLE_EXEC))
			return FBSD_EINVAL;
		if ((v & (PROC_STACKGAP_ENABLE | PROC_STACKGAP_DISABLE)) == PROC_STACKGAP_ENABLE ||
		    (v & (PROC_STACKGAP_ENABLE | PROC_STACKGAP_DISABLE)) ==
		    (PROC_STACKGAP_ENABLE | PROC_STACKGAP_DISABLE))
			return FBSD_EINVAL;
		if ((v & (PROC_STACKGAP_ENABLE_EXEC | PROC_STACKGAP_DISABLE_EXEC)) ==
		    (PROC_STACKGAP_ENABLE_EXEC | PROC_STACKGAP_DISABLE_EXEC))
			return FBSD_EINVAL;
		if (v & PROC_STACKGAP_ENABLE_EXEC)
			return FBSD_EINVAL;     /* bsdemu never places a gap */
		return 0;
	case PROC_STACKGAP_STATUS:
		*out = PROC_STACKGAP_DISABLE | PROC_STACKGAP_DISABLE_EXEC;
		return 0;
	case PROC_NO_NEW_PRIVS_CTL:
		if (v != PROC_NO_NEW_PRIVS_ENABLE)
			return FBSD_EINVAL;
		return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ? fbsd_errno(errno) : 0;
	case PROC_NO_NEW_PRIVS_STATUS:
		*out = prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1 ? PROC_NO_NEW_PRIVS_ENABLE
								: PROC_NO_NEW_PRIVS_DISABLE;
		return 0;
	case PROC_WXMAP_CTL:
		if (v == PROC_WX_MAPPINGS_PERMIT)
			wxmap |= PROC_WX_MAPPINGS_PERMIT;
		else if (v == PROC_WX_MAPPINGS_DISALLOW_EXEC)
			wxmap |= PROC_WX_MAPPINGS_DISALLOW_EXEC;
		else
			return FBSD_EINVAL;
		return 0;
	case PROC_WXMAP_STATUS:
		*out = wxmap;
		return 0;
	}
	return FBSD_EINVAL;
}

static bool proc_exists(long pid)
{
	return pid > 0 && pid <= INT32_MAX && (kill((pid_t)pid, 0) == 0 || errno == EPERM);
}

int fbsd_sys_procctl(struct fbsd_thread *td, const struct fbsd_procctl_args *uap)
{
	union {
		struct fbsd_reaper_status rs;
		struct fbsd_reaper_pids rp;
		struct fbsd_reaper_kill rk;
		int v;
	} x;
	int com = uap->com, err;
	bool pdeath = com == PROC_PDEATHSIG_CTL || com == PROC_PDEATHSIG_STATUS;
	bool self;

	if (com <= 0 || com >= PROC_NCMDS)
		return FBSD_EINVAL;
	memset(&x, 0, sizeof(x));
	if (cmds[com].in) {
		if (copy_from_guest(&x, uap->data, cmds[com].in) < 0)
			return FBSD_EFAULT;
	} else if (cmds[com].no_data && uap->data) {
		return FBSD_EINVAL;
	}
	if (uap->idtype == 2 /* P_PGID */ && cmds[com].pgid_ok) {
		/* The group's other members are other processes. */
		if (uap->id <= 0 || uap->id > INT32_MAX || kill(-(pid_t)uap->id, 0) < 0)
			return FBSD_ESRCH;
		self = uap->id == getpgrp();
		err = self ? self_cmd(com, &x) : FBSD_EPERM;
	} else if (uap->idtype != 0 /* P_PID */) {
		return FBSD_EINVAL;
	} else if (uap->id == 0 || uap->id == getpid()) {
		err = self_cmd(com, &x);
	} else if (!proc_exists(uap->id)) {
		return pdeath ? FBSD_EINVAL : FBSD_ESRCH;
	} else if (pdeath) {
		return FBSD_EINVAL;
	} else if (com == PROC_TRACE_STATUS || com == PROC_REAP_STATUS || !is_status(com)) {
		/* What bsdemu cannot learn or change about another process. */
		return FBSD_EPERM;
	} else {
		err = self_cmd(com, &x);
	}
	if (cmds[com].out && (err == 0 || com == PROC_REAP_KILL) &&
	    copy_to_guest(uap->data, &x, cmds[com].out) < 0 && !err)
		err = FBSD_EFAULT;
	return err;
}

/* ---- priorities ---- */

#define FBSD_PRIO_MIN (-20)
#define FBSD_PRIO_MAX 20
#define FBSD_PRIO_PROCESS 0
#define FBSD_PRIO_PGRP 1
#define FBSD_PRIO_USER 2
_Static_assert(PRIO_PROCESS == FBSD_PRIO_PROCESS && PRIO_PGRP == FBSD_PRIO_PGRP &&
	       PRIO_USER == FBSD_PRIO_USER, "PRIO_* are FreeBSD's");

static bool is_self(int which, int who)
{
	return which == FBSD_PRIO_PROCESS && (who == 0 || who == getpid());
}

int fbsd_sys_getpriority(struct fbsd_thread *td, const struct fbsd_getpriority_args *uap)
{
	int r;

	if (uap->which < FBSD_PRIO_PROCESS || uap->which > FBSD_PRIO_USER)
		return FBSD_EINVAL;
	errno = 0;
	r = getpriority(uap->which, is_self(uap->which, uap->who) ? 0 : (id_t)uap->who);
	if (r == -1 && errno)
		return fbsd_errno(errno);
	td->retval[0] = (uint64_t)(int64_t)r;
	return 0;
}

/* Every host thread of this process. */
static int set_all_threads(int prio)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	int err = 0;

	if (!d)
		return setpriority(PRIO_PROCESS, 0, prio) < 0 ? fbsd_errno(errno) : 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (setpriority(PRIO_PROCESS, (id_t)atoi(e->d_name), prio) < 0 && !err)
			err = fbsd_errno(errno);
	}
	closedir(d);
	return err;
}

int fbsd_sys_setpriority(struct fbsd_thread *td, const struct fbsd_setpriority_args *uap)
{
	int prio = uap->prio;

	if (uap->which < FBSD_PRIO_PROCESS || uap->which > FBSD_PRIO_USER)
		return FBSD_EINVAL;
	/* donice(): clamp to PRIO_MIN..PRIO_MAX (Linux's top is 19). */
	if (prio > FBSD_PRIO_MAX)
		prio = FBSD_PRIO_MAX;
	if (prio < FBSD_PRIO_MIN)
		prio = FBSD_PRIO_MIN;
	if (is_self(uap->which, uap->who))
		return set_all_threads(prio);
	if (setpriority(uap->which, (id_t)uap->who, prio) < 0)
		return fbsd_errno(errno);
	return 0;
}

/* ---- setlogin ---- */

#define FBSD_MAXLOGNAME 33

/* The session login is a privileged setting on FreeBSD; Linux keeps none
 * a process could set.  The checks are FreeBSD's; a privileged caller is
 * told it cannot be done (EPERM and one line) rather than a false success. */
int fbsd_sys_setlogin(struct fbsd_thread *td, const struct fbsd_setlogin_args *uap)
{
	char name[FBSD_MAXLOGNAME];
	long n;

	if (geteuid() != 0)
		return FBSD_EPERM;
	n = copy_str_from_guest(name, uap->namebuf, sizeof(name));
	if (n == -1)
		return FBSD_EFAULT;
	if (n == -2)
		return FBSD_EINVAL;
	log_msg("setlogin(\"%s\"): the host keeps no session login to set; EPERM", name);
	return FBSD_EPERM;
}
