/* Scheduling: sched_yield(331), sched_setparam(327), sched_getparam(328),
 * sched_setscheduler(329), sched_getscheduler(330),
 * sched_get_priority_max(332)/min(333), sched_rr_get_interval(334),
 * cpuset_getaffinity(487), cpuset_setaffinity(488).
 *
 * Policies are numbered differently: FreeBSD SCHED_FIFO 1, SCHED_OTHER 2,
 * SCHED_RR 3 (Linux 1, 0, 2).  Priorities follow FreeBSD's ranges (ksched.c:
 * FIFO/RR 0..31, OTHER 0..PRI_MAX_TIMESHARE - PRI_MIN_TIMESHARE = 135); a
 * real-time class is passed to the host with the priority scaled onto
 * Linux's 1..99, so the host decides whether the caller may have it (EPERM
 * otherwise).  Linux's SCHED_OTHER has one priority: a time-sharing
 * priority is accepted as FreeBSD accepts it, and has no more effect than
 * on FreeBSD, where ULE recomputes it from the thread's interactivity at
 * once; getparam reports the best (135), which ULE gives an interactive
 * thread.
 *
 * CPU sets: FreeBSD's cpuset_t and Linux's cpu_set_t are both arrays of
 * 64-bit words with CPU n at bit n, so masks cross byte for byte.  The
 * kernel's set holds CPU_MAXSIZE (1024, = kern.smp.maxcpus) CPUs. */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "os/freebsd/fbsd_types.h"
#include "os/freebsd/syscall.h"
#include "os/freebsd/sysctl.h"

#define FBSD_SCHED_FIFO 1
#define FBSD_SCHED_OTHER 2
#define FBSD_SCHED_RR 3
#define FBSD_RTP_PRIO_MAX 31
#define FBSD_PRI_MIN_TIMESHARE 88
#define FBSD_PRI_MAX_TIMESHARE 223
#define FBSD_TS_PRIO_MAX (FBSD_PRI_MAX_TIMESHARE - FBSD_PRI_MIN_TIMESHARE)

#define FBSD_CPU_LEVEL_ROOT 1
#define FBSD_CPU_LEVEL_CPUSET 2
#define FBSD_CPU_LEVEL_WHICH 3
#define FBSD_CPU_WHICH_TID 1
#define FBSD_CPU_WHICH_PID 2
#define FBSD_CPU_WHICH_CPUSET 3
#define FBSD_CPU_WHICH_IRQ 4
#define FBSD_CPU_WHICH_JAIL 5
#define FBSD_CPU_WHICH_DOMAIN 6
#define FBSD_CPU_WHICH_INTRHANDLER 7
#define FBSD_CPU_WHICH_ITHREAD 8
#define FBSD_CPU_WHICH_TIDPID 9
#define FBSD_CPU_SETBYTES (FBSD_MAXCPU / 8)

_Static_assert(FBSD_MAXCPU == 1024, "cpuset_t size follows kern.smp.maxcpus");
_Static_assert(sizeof(cpu_set_t) == FBSD_CPU_SETBYTES, "host cpu_set_t holds 1024 CPUs");

int fbsd_sys_sched_yield(struct fbsd_thread *td, const struct fbsd_sched_yield_args *uap)
{
	sched_yield();
	return 0;
}

/* FreeBSD pid 0 means the caller: its host thread. */
static pid_t host_target(struct fbsd_thread *td, int32_t pid)
{
	if (pid == 0 || pid == getpid())
		return td->host_tid ? td->host_tid : (pid_t)syscall(SYS_gettid);
	return pid;
}

static int policy_to_host(int fbsd_policy)
{
	switch (fbsd_policy) {
	case FBSD_SCHED_FIFO: return SCHED_FIFO;
	case FBSD_SCHED_OTHER: return SCHED_OTHER;
	case FBSD_SCHED_RR: return SCHED_RR;
	default: return -1;
	}
}

static int policy_from_host(int h)
{
	switch (h & ~SCHED_RESET_ON_FORK) {
	case SCHED_FIFO: return FBSD_SCHED_FIFO;
	case SCHED_RR: return FBSD_SCHED_RR;
	default: return FBSD_SCHED_OTHER;
	}
}

/* FreeBSD 0..31 onto Linux 1..99 and back. */
static int prio_to_host(int p)
{
	return 1 + p * 98 / FBSD_RTP_PRIO_MAX;
}

static int prio_from_host(int h)
{
	return h <= 1 ? 0 : ((h - 1) * FBSD_RTP_PRIO_MAX + 97) / 98;
}

static int check_prio(int policy, int prio)
{
	if (policy == FBSD_SCHED_OTHER)
		return prio < 0 || prio > FBSD_TS_PRIO_MAX ? FBSD_EINVAL : 0;
	return prio < 0 || prio > FBSD_RTP_PRIO_MAX ? FBSD_EINVAL : 0;
}

int fbsd_sys_sched_getscheduler(struct fbsd_thread *td,
				const struct fbsd_sched_getscheduler_args *uap)
{
	int r;

	if (uap->pid < 0)
		return FBSD_ESRCH;      /* pfind() finds no such process */
	r = sched_getscheduler(host_target(td, uap->pid));
	if (r < 0)
		return fbsd_errno(errno);
	td->retval[0] = (uint64_t)policy_from_host(r);
	return 0;
}

int fbsd_sys_sched_getparam(struct fbsd_thread *td, const struct fbsd_sched_getparam_args *uap)
{
	struct sched_param sp;
	int32_t prio;
	pid_t t;
	int pol;

	if (uap->pid < 0)
		return FBSD_ESRCH;      /* pfind() finds no such process */
	t = host_target(td, uap->pid);
	if (sched_getparam(t, &sp) < 0 || (pol = sched_getscheduler(t)) < 0)
		return fbsd_errno(errno);
	prio = policy_from_host(pol) == FBSD_SCHED_OTHER ? FBSD_TS_PRIO_MAX
							   : prio_from_host(sp.sched_priority);
	return copy_to_guest(uap->param, &prio, sizeof(prio)) < 0 ? FBSD_EFAULT : 0;
}

static int set_sched(struct fbsd_thread *td, int32_t pid, int policy, gaddr_t param)
{
	struct sched_param sp;
	int32_t prio;
	int err, hp;

	if (copy_from_guest(&prio, param, sizeof(prio)) < 0)
		return FBSD_EFAULT;
	if (pid < 0)
		return FBSD_ESRCH;
	if (policy < 0) {
		int cur = sched_getscheduler(host_target(td, pid));
		if (cur < 0)
			return fbsd_errno(errno);
		policy = policy_from_host(cur);
	}
	if ((hp = policy_to_host(policy)) < 0)
		return FBSD_EINVAL;
	if ((err = check_prio(policy, prio)) != 0)
		return err;
	memset(&sp, 0, sizeof(sp));
	sp.sched_priority = policy == FBSD_SCHED_OTHER ? 0 : prio_to_host(prio);
	if (sched_setscheduler(host_target(td, pid), hp, &sp) < 0)
		return fbsd_errno(errno);
	return 0;
}

int fbsd_sys_sched_setscheduler(struct fbsd_thread *td,
				const struct fbsd_sched_setscheduler_args *uap)
{
	if (policy_to_host(uap->policy) < 0)
		return FBSD_EINVAL;
	return set_sched(td, uap->pid, uap->policy, uap->param);
}

int fbsd_sys_sched_setparam(struct fbsd_thread *td, const struct fbsd_sched_setparam_args *uap)
{
	return set_sched(td, uap->pid, -1, uap->param);
}

int fbsd_sys_sched_get_priority_max(struct fbsd_thread *td,
				    const struct fbsd_sched_get_priority_max_args *uap)
{
	switch (uap->policy) {
	case FBSD_SCHED_FIFO:
	case FBSD_SCHED_RR:
		td->retval[0] = FBSD_RTP_PRIO_MAX;
		return 0;
	case FBSD_SCHED_OTHER:
		td->retval[0] = FBSD_TS_PRIO_MAX;
		return 0;
	default:
		return FBSD_EINVAL;
	}
}

int fbsd_sys_sched_get_priority_min(struct fbsd_thread *td,
				    const struct fbsd_sched_get_priority_min_args *uap)
{
	switch (uap->policy) {
	case FBSD_SCHED_FIFO:
	case FBSD_SCHED_RR:
	case FBSD_SCHED_OTHER:
		td->retval[0] = 0;
		return 0;
	default:
		return FBSD_EINVAL;
	}
}

int fbsd_sys_sched_rr_get_interval(struct fbsd_thread *td,
				   const struct fbsd_sched_rr_get_interval_args *uap)
{
	struct timespec ts;
	struct fbsd_timespec g;

	if (uap->pid < 0)
		return FBSD_ESRCH;      /* pfind() finds no such process */
	if (sched_rr_get_interval(host_target(td, uap->pid), &ts) < 0)
		return fbsd_errno(errno);
	g.tv_sec = ts.tv_sec;
	g.tv_nsec = ts.tv_nsec;
	return copy_to_guest(uap->interval, &g, sizeof(g)) < 0 ? FBSD_EFAULT : 0;
}

/* ---- cpuset affinity ---- */

struct tid_arg {
	int host_tid;
};

static int get_host_tid(struct fbsd_thread *t, void *a)
{
	((struct tid_arg *)a)->host_tid = t->host_tid;
	return 0;
}

/* The host task a (level, which, id) names, or a FreeBSD errno (< 0). */
static int affinity_target(struct fbsd_thread *td, int level, int which, int64_t id,
			   pid_t *out, int *root)
{
	*root = 0;
	switch (level) {
	case FBSD_CPU_LEVEL_ROOT:
	case FBSD_CPU_LEVEL_CPUSET:
	case FBSD_CPU_LEVEL_WHICH:
		break;
	default:
		return FBSD_EINVAL;
	}
	switch (which) {
	case FBSD_CPU_WHICH_TID:
		if (id == -1 || id == td->tid) {
			*out = 0;
		} else {
			struct tid_arg a = { 0 };
			if (id < 0 || id > INT32_MAX ||
			    fbsd_thread_with((int32_t)id, get_host_tid, &a) < 0)
				return FBSD_ESRCH;
			*out = a.host_tid;
		}
		break;
	case FBSD_CPU_WHICH_PID:
	case FBSD_CPU_WHICH_TIDPID:
		if (id == -1 || id == getpid())
			*out = getpid();
		else if (id < 0 || id > INT32_MAX)
			return FBSD_ESRCH;
		else
			*out = (pid_t)id;
		break;
	case FBSD_CPU_WHICH_CPUSET:
	case FBSD_CPU_WHICH_JAIL:
		/* One set here: the root set, which holds every host CPU. */
		if (id != -1 && id != 0 && id != 1)
			return FBSD_ESRCH;
		*root = 1;
		return 0;
	case FBSD_CPU_WHICH_IRQ:
	case FBSD_CPU_WHICH_DOMAIN:
	case FBSD_CPU_WHICH_INTRHANDLER:
	case FBSD_CPU_WHICH_ITHREAD:
		return FBSD_EINVAL;
	default:
		return FBSD_EINVAL;
	}
	/* ROOT and CPUSET levels name the set the target belongs to. */
	if (level != FBSD_CPU_LEVEL_WHICH)
		*root = 1;
	return 0;
}

static void root_set(cpu_set_t *s)
{
	long n = sysconf(_SC_NPROCESSORS_CONF);

	CPU_ZERO(s);
	for (long i = 0; i < n && i < FBSD_MAXCPU; i++)
		CPU_SET((int)i, s);
}

int fbsd_sys_cpuset_getaffinity(struct fbsd_thread *td,
				const struct fbsd_cpuset_getaffinity_args *uap)
{
	unsigned char buf[FBSD_CPU_SETBYTES];
	cpu_set_t set;
	pid_t t;
	int root, err, last = -1;
	size_t n;

	if (uap->cpusetsize > FBSD_CPU_SETBYTES)
		return FBSD_ERANGE;
	if ((err = affinity_target(td, uap->level, uap->which, uap->id, &t, &root)) != 0)
		return err;
	if (root)
		root_set(&set);
	else if (sched_getaffinity(t, sizeof(set), &set) < 0)
		return errno == ESRCH ? FBSD_ESRCH : fbsd_errno(errno);
	for (int i = 0; i < FBSD_MAXCPU; i++)
		if (CPU_ISSET(i, &set))
			last = i;
	/* The caller's buffer must hold the highest CPU in the set. */
	if ((size_t)(last / 8 + 1) > uap->cpusetsize)
		return FBSD_ERANGE;
	memcpy(buf, &set, sizeof(buf));
	n = uap->cpusetsize;
	return copy_to_guest(uap->mask, buf, n) < 0 ? FBSD_EFAULT : 0;
}

int fbsd_sys_cpuset_setaffinity(struct fbsd_thread *td,
				const struct fbsd_cpuset_setaffinity_args *uap)
{
	unsigned char buf[FBSD_CPU_SETBYTES];
	cpu_set_t set;
	pid_t t;
	int root, err, any = 0;

	if (uap->cpusetsize > FBSD_CPU_SETBYTES)
		return FBSD_ERANGE;
	memset(buf, 0, sizeof(buf));
	if (copy_from_guest(buf, uap->mask, uap->cpusetsize) < 0)
		return FBSD_EFAULT;
	if ((err = affinity_target(td, uap->level, uap->which, uap->id, &t, &root)) != 0)
		return err;
	if (root)
		return FBSD_EPERM;  /* changing the root set needs privilege bsdemu has not */
	memcpy(&set, buf, sizeof(set));
	for (int i = 0; i < FBSD_MAXCPU; i++)
		any |= CPU_ISSET(i, &set);
	if (!any)
		return FBSD_EDEADLK;
	if (sched_setaffinity(t, sizeof(set), &set) < 0)
		return errno == ESRCH ? FBSD_ESRCH : fbsd_errno(errno);
	return 0;
}
