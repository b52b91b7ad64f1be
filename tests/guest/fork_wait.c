// EXPECT-STDOUT: ^fork_wait done$
// fork, wait4, wait6, vfork, rfork, pdfork, pdwait: exit statuses, signals seen
// with FreeBSD numbers, WNOHANG, ECHILD, siginfo, error paths.
#include "sig_defs.h"

#define WNOHANG 1
#define WUNTRACED 2
#define WNOWAIT 8
#define WEXITED 16
#define P_PID 0
#define P_PGID 2
#define P_ALL 7
#define CLD_EXITED 1
#define CLD_KILLED 2
#define FBSD_SIGTERM 15
#define FBSD_SIGUSR1 30
#define FBSD_SIGCHLD 20
#define RFFDG (1 << 2)
#define RFPROC (1 << 4)
#define RFMEM (1 << 5)
#define RFCFDG (1 << 12)
#define RFSPAWN (int)(1U << 31)
#define O_CLOEXEC 0x00100000
#define F_GETFD 1

struct rusage { struct timeval ut, st; long l[14]; };
struct wrusage { struct rusage self, children; };

static void nap(long ms)
{
	struct timespec ts = { 0, ms * 1000000 };
	sys(FBSD_SYS_nanosleep, &ts, 0);
}

static long do_fork(void)
{
	long x1 = 99, pid = sys_x1(FBSD_SYS_fork, &x1);
	CHECK(pid >= 0);
	if (pid == 0)
		CHECK_EQ(x1, 0);
	return pid;
}

/* A child that waits on the pipe until killed. */
static long sleeper(int p[2])
{
	long pid = do_fork();
	if (pid == 0) {
		char c;
		sys(FBSD_SYS_close, p[1]);
		sys(FBSD_SYS_read, p[0], &c, 1);
		t_exit(9);
	}
	return pid;
}

static void test_exit_status(void)
{
	int st = -1;
	struct rusage ru;
	long pid = do_fork();

	if (pid == 0)
		t_exit(7);
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, &ru), pid);
	CHECK_EQ(st & 0x7f, 0);                 /* WIFEXITED */
	CHECK_EQ((st >> 8) & 0xff, 7);          /* WEXITSTATUS */
	CHECK(ru.ut.sec >= 0 && ru.ut.usec < 1000000);
	CHECK_ERR(sys(FBSD_SYS_wait4, pid, &st, 0, 0), FBSD_ECHILD);
	CHECK_ERR(sys(FBSD_SYS_wait4, -1, &st, WNOHANG, 0), FBSD_ECHILD);
}

static void test_signals(void)
{
	int p[2], st = 0;
	long pid;

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, O_CLOEXEC), 0);
	pid = sleeper(p);
	/* Nothing to reap yet: 0, status untouched. */
	st = 12345;
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, WNOHANG, 0), 0);
	CHECK_EQ(st, 12345);
	CHECK_EQ(sys(FBSD_SYS_kill, pid, FBSD_SIGTERM), 0);
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	CHECK_EQ(st & 0x7f, FBSD_SIGTERM);       /* WTERMSIG == 15 */
	CHECK((st & 0x7f) != 0 && (st & 0x7f) != 0x7f);

	pid = sleeper(p);
	CHECK_EQ(sys(FBSD_SYS_kill, pid, FBSD_SIGUSR1), 0);
	CHECK_EQ(sys(FBSD_SYS_wait4, -1, &st, 0, 0), pid);
	CHECK_EQ(st & 0x7f, FBSD_SIGUSR1);       /* 30, not Linux's 10 */

	/* A child killing itself with SIGUSR1. */
	pid = do_fork();
	if (pid == 0) {
		sys(FBSD_SYS_kill, sys(FBSD_SYS_getpid), FBSD_SIGUSR1);
		t_exit(1);
	}
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	CHECK_EQ(st & 0x7f, FBSD_SIGUSR1);
	sys(FBSD_SYS_close, p[0]);
	sys(FBSD_SYS_close, p[1]);
}

static void test_wait6(void)
{
	siginfo_t si;
	struct wrusage wru;
	int st = -1;
	long pid = do_fork();

	if (pid == 0)
		t_exit(33);
	memset(&si, 0xff, sizeof(si));
	/* WNOWAIT leaves it reapable. */
	CHECK_EQ(sys(FBSD_SYS_wait6, P_PID, pid, &st, WEXITED | WNOWAIT, 0, &si), pid);
	CHECK_EQ(si.signo, FBSD_SIGCHLD);
	CHECK_EQ(si.code, CLD_EXITED);
	CHECK_EQ(si.pid, pid);
	CHECK_EQ(si.status, 33);
	memset(&si, 0, sizeof(si));
	CHECK_EQ(sys(FBSD_SYS_wait6, P_PID, pid, &st, WEXITED, &wru, &si), pid);
	CHECK_EQ(st, 33 << 8);
	CHECK_EQ(si.code, CLD_EXITED);
	CHECK_EQ(wru.children.ut.sec, 0);
	CHECK_ERR(sys(FBSD_SYS_wait6, P_PID, pid, &st, WEXITED, 0, 0), FBSD_ECHILD);
	/* Options: unknown bit, or no event asked for. */
	CHECK_ERR(sys(FBSD_SYS_wait6, P_ALL, 0, &st, 0x400 | WEXITED, 0, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_wait6, P_ALL, 0, &st, WNOHANG, 0, 0), FBSD_EINVAL);
	/* P_PGID (our own group) and a killed child's siginfo. */
	int p[2];
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, O_CLOEXEC), 0);
	pid = sleeper(p);
	CHECK_EQ(sys(FBSD_SYS_kill, pid, FBSD_SIGTERM), 0);
	memset(&si, 0, sizeof(si));
	CHECK_EQ(sys(FBSD_SYS_wait6, P_PGID, sys(FBSD_SYS_getpgrp), &st, WEXITED, 0, &si), pid);
	CHECK_EQ(si.code, CLD_KILLED);
	CHECK_EQ(si.status, FBSD_SIGTERM);
	sys(FBSD_SYS_close, p[0]);
	sys(FBSD_SYS_close, p[1]);
	/* Bad status pointer: EFAULT (the child is reaped anyway). */
	pid = do_fork();
	if (pid == 0)
		t_exit(0);
	CHECK_ERR(sys(FBSD_SYS_wait4, pid, 8, 0, 0), FBSD_EFAULT);
}

#define O_NONBLOCK 0x4

static volatile long vf_global;

/* vfork as libc's stub does it, with nothing kept on the stack across
 * the svc: the child runs on the parent's stack (FreeBSD lends it the
 * parent's memory), and whatever the child's calls leave below the
 * caller's frame is what the parent finds there. */
static inline __attribute__((always_inline)) long vfork_raw(long nr, long arg, long *x1)
{
	register long r0 __asm__("x0") = arg;
	register long r1 __asm__("x1") = 5;
	register long r8 __asm__("x8") = nr;
	long err;

	__asm__ volatile("svc #0\n\tcset %2, cs"
			 : "+r"(r0), "+r"(r1), "=r"(err)
			 : "r"(r8)
			 : "memory", "cc", "x2", "x3", "x4", "x5", "x6", "x7", "x9", "x10",
			   "x11", "x12", "x13", "x14", "x15", "x16", "x17");
	*x1 = r1;
	return err ? -r0 : r0;
}

/* The vfork child's work, in its own frame below the parent's. */
static __attribute__((noinline, noreturn)) void vfork_child(volatile long *local,
							     volatile long *err, char *big)
{
	char *argv[] = { "nope", 0 };

	/* posix_spawn's closefrom file action: the parent still waits */
	sys(FBSD_SYS_freebsd12_closefrom, 3);
	nap(50);
	vf_global = 41;
	*local = 42;
	big[5000] = 'b';
	*err = -sys(FBSD_SYS_execve, "/nonexistent/prog", argv, argv + 1);
	t_exit(127);
}

static __attribute__((noinline, noreturn)) void vfork_child_pipe(int fd, const char *what,
								  int status)
{
	nap(100);
	sys(FBSD_SYS_write, fd, what, 1);
	t_exit(status);
}

/* The parent is suspended until the child exits: what the child wrote
 * after a pause is there when vfork returns, in the pipe and in memory
 * (the child borrows the parent's memory, as FreeBSD lends it). */
static void test_vfork(void)
{
	int st = -1, p[2];
	char c = 0;
	long x1 = 5, pid;
	volatile long vf_local = 0, exec_err = 0;
	static char big[3 * 4096];

	/* posix_spawn()'s pattern: the child's failed exec reaches the parent */
	vf_global = 0;
	pid = vfork_raw(FBSD_SYS_vfork, 0, &x1);
	if (pid == 0)
		vfork_child(&vf_local, &exec_err, big);
	CHECK(pid > 0);
	CHECK_EQ(vf_global, 41);
	CHECK_EQ(vf_local, 42);
	CHECK_EQ(big[5000], 'b');
	CHECK_EQ(exec_err, FBSD_ENOENT);
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	CHECK_EQ(st, 127 << 8);
	/* and through rfork(RFSPAWN), posix_spawn's own call */
	pid = vfork_raw(FBSD_SYS_rfork, RFSPAWN, &x1);
	if (pid == 0) {
		vf_global = 7;
		t_exit(0);
	}
	CHECK(pid > 0);
	CHECK_EQ(vf_global, 7);
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, O_NONBLOCK), 0);
	pid = vfork_raw(FBSD_SYS_vfork, 0, &x1);
	if (pid == 0)
		vfork_child_pipe(p[1], "v", 4);
	CHECK(pid > 0);
	CHECK_EQ(x1, 0);
	CHECK_EQ(sys(FBSD_SYS_read, p[0], &c, 1), 1);
	CHECK_EQ(c, 'v');
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	CHECK_EQ(st, 4 << 8);
	/* rfork(RFSPAWN) is vfork-like too. */
	pid = vfork_raw(FBSD_SYS_rfork, RFSPAWN, &x1);
	if (pid == 0)
		vfork_child_pipe(p[1], "s", 15);
	CHECK(pid > 0);
	CHECK_EQ(sys(FBSD_SYS_read, p[0], &c, 1), 1);
	CHECK_EQ(c, 's');
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	CHECK_EQ(st, 15 << 8);
	sys(FBSD_SYS_close, p[0]);
	sys(FBSD_SYS_close, p[1]);
}

static void test_rfork(void)
{
	int st = -1, p[2];
	long pid;

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	pid = sys(FBSD_SYS_rfork, RFPROC | RFFDG);
	if (pid == 0)
		t_exit(sys(FBSD_SYS_fcntl, p[0], F_GETFD, 0) == 0 ? 11 : 12);
	CHECK(pid > 0);
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	CHECK_EQ(st, 11 << 8);          /* descriptors copied */
	pid = sys(FBSD_SYS_rfork, RFPROC | RFCFDG);
	if (pid == 0)
		t_exit(sys(FBSD_SYS_fcntl, p[0], F_GETFD, 0) == -FBSD_EBADF ? 13 : 14);
	CHECK(pid > 0);
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	CHECK_EQ(st, 13 << 8);          /* child starts without descriptors */
	CHECK_ERR(sys(FBSD_SYS_rfork, RFSPAWN | RFPROC), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_rfork, RFFDG | RFCFDG | RFPROC), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_rfork, RFPROC | RFMEM), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_rfork, (1 << 17) | RFPROC), FBSD_EINVAL);   /* RFSTOPPED */
	CHECK_EQ(sys(FBSD_SYS_rfork, 0), 0);
	sys(FBSD_SYS_close, p[0]);
	sys(FBSD_SYS_close, p[1]);
}

/* A pdfork child that waits for a byte on RFD, then exits with CODE. */
static long pdfork_child(int *fd, int rfd, int code)
{
	long pid = sys(FBSD_SYS_pdfork, fd, 0);

	if (pid == 0) {
		char c;
		sys(FBSD_SYS_read, rfd, &c, 1);
		t_exit(code);
	}
	CHECK(pid > 0);
	return pid;
}

static void test_pdfork(void)
{
	int fd = -1, pid2 = -1, st = -1, p[2];
	long pid;

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, O_CLOEXEC), 0);
	pid = pdfork_child(&fd, p[0], 3);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_pdgetpid, fd, &pid2), 0);
	CHECK_EQ(pid2, pid);
	CHECK_EQ(sys(FBSD_SYS_pdkill, fd, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_pdkill, fd, 1000), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_pdkill, fd, FBSD_SIGTERM), 0);
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	CHECK_EQ(st & 0x7f, FBSD_SIGTERM);
	CHECK_ERR(sys(FBSD_SYS_pdgetpid, p[0], &pid2), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_pdgetpid, 999, &pid2), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_pdkill, p[0], FBSD_SIGTERM), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_pdfork, &fd, 0x100), FBSD_EINVAL);
	sys(FBSD_SYS_close, fd);

	/* pdwait: the status of the process behind the descriptor */
	pid = pdfork_child(&fd, p[0], 5);
	st = -1;
	CHECK_EQ(sys(FBSD_SYS_pdwait, fd, &st, WEXITED | WNOHANG, 0, 0), 0);
	CHECK_EQ(st, -1);                               /* still running */
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "x", 1), 1);
	CHECK(sys(FBSD_SYS_pdwait, fd, &st, WEXITED, 0, 0) >= 0);
	CHECK_EQ(st, 5 << 8);
	CHECK_ERR(sys(FBSD_SYS_pdwait, p[0], &st, WEXITED, 0, 0), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_pdwait, 999, &st, WEXITED, 0, 0), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_pdwait, fd, &st, 0x40000, 0, 0), FBSD_EINVAL);
	sys(FBSD_SYS_close, fd);
	sys(FBSD_SYS_close, p[0]);
	sys(FBSD_SYS_close, p[1]);
}

/* kern.proc.pathname / args of a live child (a bsdemu like us) and of
 * nobody. */
static void test_procinfo(void)
{
	int mib[4] = { 1, 14, 12, -1 }, p[2], st;
	char mine[1024], theirs[1024], args[256];
	unsigned long len = sizeof(mine);
	long pid;

	CHECK_EQ(sys(FBSD_SYS___sysctl, mib, 4, mine, &len, 0, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, O_CLOEXEC), 0);
	pid = sleeper(p);
	mib[3] = (int)pid;
	len = sizeof(theirs);
	CHECK_EQ(sys(FBSD_SYS___sysctl, mib, 4, theirs, &len, 0, 0), 0);
	CHECK_EQ(strcmp(theirs, mine), 0);
	mib[2] = 7;     /* kern.proc.args */
	len = sizeof(args);
	CHECK_EQ(sys(FBSD_SYS___sysctl, mib, 4, args, &len, 0, 0), 0);
	CHECK(len > 0 && !strcmp(args + strlen(args) + 1, "arg1"));
	mib[3] = 99999999;
	len = sizeof(args);
	CHECK_ERR(sys(FBSD_SYS___sysctl, mib, 4, args, &len, 0, 0), FBSD_ESRCH);
	sys(FBSD_SYS_kill, pid, FBSD_SIGTERM);
	sys(FBSD_SYS_wait4, pid, &st, 0, 0);
	sys(FBSD_SYS_close, p[0]);
	sys(FBSD_SYS_close, p[1]);
}

int main(int argc, char **argv)
{
	test_exit_status();
	test_signals();
	test_wait6();
	test_vfork();
	test_rfork();
	test_pdfork();
	test_procinfo();
	t_printf("fork_wait done\n");
	return 0;
}
