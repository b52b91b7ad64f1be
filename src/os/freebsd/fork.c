/* Process creation: fork(2), vfork(66), rfork(251), pdfork(518),
 * pdgetpid(520), pdkill(519).
 *
 * A guest process is a host process, so a guest fork is a host fork(): the
 * child is a copy of bsdemu with the guest inside it.  Only the forking
 * thread goes on in the child (FreeBSD and Linux agree).  Registers: the
 * parent gets x0 = child pid, x1 = 0; the child x0 = 0, x1 = 0 and the
 * carry flag clear (arm64 cpu_fork() zeroes tf_x[0] and tf_x[1]).
 *
 * bsdemu's own state in the child.  Other host threads vanish in the child,
 * maybe holding a lock.  glibc's fork() takes malloc's and stdio's locks
 * around the fork; the mapping table lock is taken here; every other module
 * with state has a fork hook (mem_fork_*, a64_fork_*,
 * fbsd_thread_fork_child, fbsd_signal_fork_child, fbsd_umtx_fork_child,
 * fbsd_kqueue_fork_child).  All host signals are blocked from
 * just before the fork until the child's state is repaired.  The child
 * then tells the kqueues watching the parent (NOTE_FORK, NOTE_TRACK:
 * fbsd_kqueue_proc_forked) before it returns to the guest.
 *
 * vfork and rfork(RFSPAWN): FreeBSD lends the parent's memory to the child
 * and suspends the parent until the child execs or exits.  bsdemu cannot
 * let a child run its own code in the parent's memory, so the child gets a
 * copy (fork) and the parent waits on a close-on-exec pipe whose write end
 * only the child holds: EOF comes when the child execs or exits.  Before
 * that the child sends the pages it wrote down the same pipe and the
 * parent copies them in (vfork.c), so a posix_spawn() whose exec fails
 * reports the error, as on FreeBSD.
 *
 * rfork combinations: RFPROC with RFFDG (= fork), RFCFDG (child starts with
 * no descriptors), RFNOWAIT (the child is handed to init: a double fork),
 * RFPROCDESC is pdfork's; RFSPAWN alone; without RFPROC, RFFDG (unshare
 * the descriptor table) and 0.  Sharing memory (RFMEM, i.e. rfork_thread),
 * RFSIGSHARE, RFTHREAD, RFTSIGZMB and RFLINUXTHPN are refused with EINVAL
 * and one line naming the flags.
 *
 * Process descriptors are Linux pidfds (pidfd_open): pdgetpid reads the
 * pid from /proc/self/fdinfo, pdkill is pidfd_send_signal, pdwait is
 * waitid(P_PIDFD) (wait.c).  Unlike FreeBSD, closing the last descriptor
 * does not kill the child, and wait(-1) also reaps pdfork children. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"
#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/hostfd.h"
#include "os/freebsd/kqueue.h"
#include "os/freebsd/process.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/syscall.h"

/* sys/sys/unistd.h */
#define FBSD_RFFDG (1 << 2)
#define FBSD_RFPROC (1 << 4)
#define FBSD_RFMEM (1 << 5)
#define FBSD_RFNOWAIT (1 << 6)
#define FBSD_RFCFDG (1 << 12)
#define FBSD_RFTHREAD (1 << 13)
#define FBSD_RFSIGSHARE (1 << 14)
#define FBSD_RFLINUXTHPN (1 << 16)
#define FBSD_RFSTOPPED (1 << 17)
#define FBSD_RFHIGHPID (1 << 18)
#define FBSD_RFTSIGZMB (1 << 19)
#define FBSD_RFTSIGSHIFT 20
#define FBSD_RFTSIGMASK 0xff
#define FBSD_RFPROCDESC (1 << 28)
#define FBSD_RFSPAWN (int32_t)(1U << 31)
#define FBSD_RFPPWAIT (int32_t)(1U << 31)
#define FBSD_RFFLAGS (FBSD_RFFDG | FBSD_RFPROC | FBSD_RFMEM | FBSD_RFNOWAIT | \
		      FBSD_RFCFDG | FBSD_RFTHREAD | FBSD_RFSIGSHARE | FBSD_RFLINUXTHPN | \
		      FBSD_RFSTOPPED | FBSD_RFHIGHPID | FBSD_RFTSIGZMB | \
		      FBSD_RFPROCDESC | FBSD_RFSPAWN | FBSD_RFPPWAIT)
#define FBSD_RFKERNELONLY (FBSD_RFSTOPPED | FBSD_RFHIGHPID | FBSD_RFPROCDESC)

/* sys/sys/procdesc.h */
#define FBSD_PD_DAEMON 0x1
#define FBSD_PD_CLOEXEC 0x2
#define FBSD_PD_ALLOWED_AT_FORK (FBSD_PD_DAEMON | FBSD_PD_CLOEXEC)

/* How the child is made. */
enum {
	F_PPWAIT = 1,        /* parent waits for exec or exit (vfork) */
	F_NOWAIT = 2,        /* child reparented to init (RFNOWAIT) */
	F_CLEARFDS = 4,      /* child starts without descriptors (RFCFDG) */
	F_DROPSIG = 8,       /* child: caught signals back to default (RFSPAWN) */
};

void fbsd_fork_child(struct fbsd_thread *td)
{
	td->host_tid = (int)syscall(SYS_gettid);
	mem_fork_child();
	fbsd_thread_fork_child(td);
	fbsd_signal_fork_child(td);
	fbsd_umtx_fork_child();
	fbsd_kqueue_fork_child();
}

static void log_unsupported(int32_t flags)
{
	static atomic_int said;

	if (!atomic_exchange(&said, 1))
		log_msg("rfork: flags %#x are not supported (unsupported: %s%s%s%s%s%s); EINVAL",
			(unsigned)flags,
			(flags & FBSD_RFMEM) ? "RFMEM " : "",
			(flags & FBSD_RFSIGSHARE) ? "RFSIGSHARE " : "",
			(flags & FBSD_RFTHREAD) ? "RFTHREAD " : "",
			(flags & FBSD_RFTSIGZMB) ? "RFTSIGZMB " : "",
			(flags & FBSD_RFLINUXTHPN) ? "RFLINUXTHPN " : "",
			!(flags & FBSD_RFPROC) && (flags & FBSD_RFCFDG) ? "RFCFDG without RFPROC" : "");
}

/* Close every descriptor of the child but bsdemu's own log. */
static void clear_fds(void)
{
	int keep = fileno(log_file());

	if (keep > 2) {
		syscall(SYS_close_range, 0, keep - 1, 0);
		syscall(SYS_close_range, keep + 1, ~0U, 0);
	} else {
		syscall(SYS_close_range, 0, ~0U, 0);
	}
}

/* The host fork with bsdemu's state made safe for the child.  Returns the
 * pid (0 in the child, whose state is repaired) or -errno. */
static pid_t host_fork(struct fbsd_thread *td)
{
	sigset_t all, old;
	pid_t pid;
	int err;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	a64_fork_prepare();
	mem_fork_prepare();
	pid = fork();
	err = errno;
	if (pid == 0) {
		a64_fork_child();
		fbsd_fork_child(td);
	} else {
		mem_fork_parent();
		a64_fork_parent();
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return pid < 0 ? -err : pid;
}

/* Wait for the vfork child to exec or exit: EOF on the pipe. */
/* A pipe for bsdemu itself: both ends out of the guest's way (hostfd.h),
 * so a vfork child's closefrom() before its exec cannot end the parent's
 * wait early. */
static int high_pipe(int p[2])
{
	int q[2];

	if (pipe2(q, O_CLOEXEC) < 0)
		return -errno;
	for (int i = 0; i < 2; i++)
		p[i] = fbsd_hostfd_own(q[i]);
	return 0;
}

static int count_thread(struct fbsd_thread *td, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

static int do_fork(struct fbsd_thread *td, int how)
{
	int pp[2] = { -1, -1 };
	pid_t pid, me = getpid();
	int err, threads = 0;

	if ((how & (F_PPWAIT | F_NOWAIT)) && (err = high_pipe(pp)) < 0)
		return fbsd_errno(-err);
	if (how & F_PPWAIT)
		fbsd_thread_foreach(count_thread, &threads);
	pid = host_fork(td);
	if (pid < 0) {
		if (pp[0] >= 0) {
			fbsd_hostfd_close(pp[0]);
			fbsd_hostfd_close(pp[1]);
		}
		return pid == -ENOMEM ? FBSD_ENOMEM : FBSD_EAGAIN;
	}
	if (pid == 0 && (how & F_NOWAIT)) {
		/* The intermediate child: fork the real child, report its pid,
		 * leave it to init. */
		pid_t gc;

		fbsd_hostfd_close(pp[0]);
		gc = host_fork(td);
		if (gc != 0) {
			int32_t v = gc;
			if (write(pp[1], &v, sizeof(v)) < 0)
				_exit(1);
			_exit(0);
		}
		fbsd_hostfd_close(pp[1]);
	} else if (pid == 0) {
		if (pp[0] >= 0)
			fbsd_hostfd_close(pp[0]);
		/* pp[1] stays open until exec or exit (close-on-exec). */
		if (how & F_PPWAIT)
			fbsd_vfork_child_begin(pp[1], td->cpu.r[A64_SP], threads);
	}
	if (pid == 0) {
		if (how & F_CLEARFDS)
			clear_fds();
		if (how & F_DROPSIG)
			fbsd_signal_drop_caught();
		/* EVFILT_PROC NOTE_FORK for whoever watches the parent */
		fbsd_kqueue_proc_forked(me);
		td->retval[0] = 0;
		td->retval[1] = 0;
		return 0;
	}
	if (how & F_NOWAIT) {
		int32_t gc = -1;
		ssize_t n;
		int st;

		fbsd_hostfd_close(pp[1]);
		do
			n = read(pp[0], &gc, sizeof(gc));
		while (n < 0 && errno == EINTR);
		fbsd_hostfd_close(pp[0]);
		while (waitpid(pid, &st, __WALL) < 0 && errno == EINTR)
			;
		if (n != sizeof(gc) || gc <= 0)
			return FBSD_EAGAIN;
		pid = gc;
	} else if (how & F_PPWAIT) {
		fbsd_hostfd_close(pp[1]);
		fbsd_vfork_parent_wait(pp[0]);
	}
	td->retval[0] = (uint64_t)pid;
	td->retval[1] = 0;
	return 0;
}

int fbsd_sys_fork(struct fbsd_thread *td, const struct fbsd_fork_args *uap)
{
	return do_fork(td, 0);
}

int fbsd_sys_vfork(struct fbsd_thread *td, const struct fbsd_vfork_args *uap)
{
	return do_fork(td, F_PPWAIT);
}

/* fork1()'s checks, then what bsdemu can do of the combination. */
static int rfork_how(int32_t flags, int *how)
{
	*how = 0;
	if (flags & ~(FBSD_RFFLAGS | (FBSD_RFTSIGMASK << FBSD_RFTSIGSHIFT)))
		return FBSD_EINVAL;
	if ((flags & (FBSD_RFTSIGMASK << FBSD_RFTSIGSHIFT)) && !(flags & FBSD_RFTSIGZMB))
		return FBSD_EINVAL;
	if ((flags & (FBSD_RFFDG | FBSD_RFCFDG)) == (FBSD_RFFDG | FBSD_RFCFDG))
		return FBSD_EINVAL;
	if (flags & (FBSD_RFMEM | FBSD_RFSIGSHARE | FBSD_RFTHREAD | FBSD_RFTSIGZMB |
		     FBSD_RFLINUXTHPN))
		return -1;
	if (!(flags & FBSD_RFPROC))
		return (flags & FBSD_RFCFDG) ? -1 : 0;
	if (flags & FBSD_RFNOWAIT)
		*how |= F_NOWAIT;
	if (flags & FBSD_RFCFDG)
		*how |= F_CLEARFDS;
	return 0;
}

int fbsd_sys_rfork(struct fbsd_thread *td, const struct fbsd_rfork_args *uap)
{
	int32_t flags = uap->flags;
	int how, err;

	if (flags & FBSD_RFKERNELONLY)
		return FBSD_EINVAL;
	if ((flags & FBSD_RFSPAWN) && flags != FBSD_RFSPAWN)
		return FBSD_EINVAL;
	if (flags == FBSD_RFSPAWN)
		return do_fork(td, F_PPWAIT | F_DROPSIG);
	err = rfork_how(flags, &how);
	if (err < 0) {
		log_unsupported(flags);
		return FBSD_EINVAL;
	}
	if (err)
		return err;
	if (!(flags & FBSD_RFPROC)) {
		/* fork_norfproc(): change the caller itself. */
		if ((flags & FBSD_RFFDG) && syscall(SYS_unshare, CLONE_FILES) < 0)
			return fbsd_errno(errno);
		td->retval[0] = 0;
		td->retval[1] = 0;
		return 0;
	}
	return do_fork(td, how);
}

/* ---- process descriptors ---- */

int fbsd_sys_pdfork(struct fbsd_thread *td, const struct fbsd_pdfork_args *uap)
{
	int32_t fd;
	int err;

	if (uap->flags & ~FBSD_PD_ALLOWED_AT_FORK)
		return FBSD_EINVAL;
	err = do_fork(td, 0);
	if (err || td->retval[0] == 0)
		return err;
	fd = (int32_t)syscall(SYS_pidfd_open, (pid_t)td->retval[0], 0);
	if (fd < 0) {
		/* The child exists; FreeBSD would have had its descriptor. */
		log_msg("pdfork: no process descriptor for child %d: %s",
			(int)td->retval[0], strerror(errno));
		return fbsd_errno(errno);
	}
	/* pidfd_open always sets close-on-exec. */
	if (!(uap->flags & FBSD_PD_CLOEXEC))
		fcntl(fd, F_SETFD, 0);
	if (copy_to_guest(uap->fdp, &fd, sizeof(fd)) < 0)
		return FBSD_EFAULT;
	return 0;
}

/* The pid behind pidfd FD from /proc/self/fdinfo: > 0, or -1 when FD is
 * no process descriptor (or the process is gone: Pid -1). */
static int pidfd_pid(int fd)
{
	char path[64], buf[1024];
	ssize_t n;
	char *p;
	int f;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	f = open(path, O_RDONLY | O_CLOEXEC);
	if (f < 0)
		return -2;
	n = read(f, buf, sizeof(buf) - 1);
	close(f);
	if (n <= 0)
		return -2;
	buf[n] = 0;
	p = strstr(buf, "\nPid:");
	if (!p)
		return -2;
	return atoi(p + 5);
}

int fbsd_sys_pdgetpid(struct fbsd_thread *td, const struct fbsd_pdgetpid_args *uap)
{
	int32_t pid;

	if (fcntl(uap->fd, F_GETFD) < 0)
		return FBSD_EBADF;
	pid = pidfd_pid(uap->fd);
	if (pid == -2)
		return FBSD_EBADF;
	if (copy_to_guest(uap->pidp, &pid, sizeof(pid)) < 0)
		return FBSD_EFAULT;
	return 0;
}

int fbsd_sys_pdkill(struct fbsd_thread *td, const struct fbsd_pdkill_args *uap)
{
	int h = 0;

	if (fcntl(uap->fd, F_GETFD) < 0 || pidfd_pid(uap->fd) == -2)
		return FBSD_EBADF;
	if ((unsigned)uap->signum > FBSD_NSIG)
		return FBSD_EINVAL;
	if (uap->signum) {
		h = fbsd_sig_to_host(uap->signum);
		if (h <= 0) {
			log_msg("pdkill: %s has no host signal to carry it; not sent",
				fbsd_signame(uap->signum));
			return 0;
		}
	}
	if (syscall(SYS_pidfd_send_signal, uap->fd, h, NULL, 0) < 0)
		return fbsd_errno(errno);
	return 0;
}
