// EXPECT-STDOUT: ^exec_basic done$
// execve/fexecve: a FreeBSD program (exec_target) with argv/envp, a Linux
// program (/bin/sh), #! scripts, errors that leave the caller running,
// close-on-exec, an ignored signal, the mask and the cwd inherited.
#include "sig_defs.h"

#define O_RDONLY 0
#define O_WRONLY 1
#define O_CREAT 0x200
#define O_TRUNC 0x400
#define O_CLOEXEC 0x00100000
#define AT_FDCWD -100
#define FBSD_SIGPIPE 13
#define FBSD_SIGUSR2 31

static char target[1024];

static long run(const char *path, char **argv, char **envp)
{
	int st = -1;
	long pid = sys(FBSD_SYS_fork);

	if (pid == 0) {
		long e = sys(FBSD_SYS_execve, path, argv, envp);
		t_dprintf(2, "execve %s: %ld\n", path, e);
		t_exit(100);
	}
	CHECK(pid > 0);
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	return (st & 0x7f) ? 1000 + (st & 0x7f) : (st >> 8) & 0xff;
}

static void write_file(const char *name, const char *text, int mode)
{
	long fd = sys(FBSD_SYS_openat, AT_FDCWD, name, O_WRONLY | O_CREAT | O_TRUNC, mode);
	CHECK(fd >= 0);
	sys(FBSD_SYS_write, fd, text, strlen(text));
	sys(FBSD_SYS_close, fd);
}

int main(int argc, char **argv)
{
	char *env[] = { "T_ENV=value", "EMPTY=", 0 };
	char *noenv[] = { 0 };
	char num[16];

	/* exec_target sits next to this program. */
	t_snprintf(target, sizeof(target), "%s", (char *)t_getauxval(T_AT_EXECPATH));
	strcpy(strstr(target, "/exec_basic"), "/exec_target");

	char *a1[] = { "custom-argv0", "check-args", "x", "two words", 0 };
	CHECK_EQ(run(target, a1, env), 42);

	/* A Linux program runs on the host. */
	char *sh[] = { "sh", "-c", "exit 3", 0 };
	CHECK_EQ(run("/bin/sh", sh, noenv), 3);

	/* Close-on-exec honoured, plain descriptors kept. */
	long keep = sys(FBSD_SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY, 0);
	long gone = sys(FBSD_SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY | O_CLOEXEC, 0);
	CHECK(keep >= 0 && gone >= 0);
	t_snprintf(num, sizeof(num), "%ld", keep);
	char *a2[] = { "t", "check-fd", num, 0 };
	CHECK_EQ(run(target, a2, noenv), 44);
	t_snprintf(num, sizeof(num), "%ld", gone);
	CHECK_EQ(run(target, a2, noenv), 43);

	/* An ignored signal stays ignored, the mask is kept. */
	struct sigaction ign = { SIG_IGN, 0, { { 0 } } }, old;
	sigset_t set = { { 1u << (FBSD_SIGUSR2 - 1), 0, 0, 0 } }, oset;
	CHECK_EQ(sys(FBSD_SYS_sigaction, FBSD_SIGPIPE, &ign, &old), 0);
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_BLOCK, &set, &oset), 0);
	char *a3[] = { "t", "check-sig", 0 };
	CHECK_EQ(run(target, a3, noenv), 45);
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_SETMASK, &oset, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_sigaction, FBSD_SIGPIPE, &old, 0), 0);

	/* The cwd is inherited. */
	CHECK_EQ(sys(FBSD_SYS_mkdir, "subdir", 0755), 0);
	CHECK_EQ(sys(FBSD_SYS_chdir, "subdir"), 0);
	char *a4[] = { "t", "check-cwd", "/subdir", 0 };
	CHECK_EQ(run(target, a4, noenv), 46);
	CHECK_EQ(sys(FBSD_SYS_chdir, ".."), 0);

	/* Scripts: a host interpreter, and a FreeBSD one. */
	write_file("host.sh", "#!/bin/sh\nexit 5\n", 0755);
	char *a5[] = { "host.sh", 0 };
	CHECK_EQ(run("./host.sh", a5, noenv), 5);
	char script[1200];
	t_snprintf(script, sizeof(script), "#!%s check-script\n", target);
	write_file("script.sh", script, 0755);
	char *a6[] = { "script.sh", "extra", 0 };
	CHECK_EQ(run("./script.sh", a6, noenv), 47);

	/* fexecve. */
	long fd = sys(FBSD_SYS_openat, AT_FDCWD, target, O_RDONLY, 0);
	CHECK(fd >= 0);
	long pid = sys(FBSD_SYS_fork);
	if (pid == 0) {
		char *a7[] = { "t", "exit", "48", 0 };
		sys(FBSD_SYS_fexecve, fd, a7, noenv);
		t_exit(100);
	}
	int st = 0;
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &st, 0, 0), pid);
	CHECK_EQ(st, 48 << 8);
	char *a8[] = { "t", 0 };
	CHECK_ERR(sys(FBSD_SYS_fexecve, 999, a8, noenv), FBSD_EBADF);

	/* Failures leave this process running with FreeBSD's errno. */
	CHECK_ERR(sys(FBSD_SYS_execve, "./no-such-file", a8, noenv), FBSD_ENOENT);
	write_file("plain.txt", "#!/bin/sh\nexit 0\n", 0644);
	CHECK_ERR(sys(FBSD_SYS_execve, "./plain.txt", a8, noenv), FBSD_EACCES);
	CHECK_ERR(sys(FBSD_SYS_execve, "./subdir", a8, noenv), FBSD_EACCES);
	write_file("junk", "this is no program\n", 0755);
	CHECK_ERR(sys(FBSD_SYS_execve, "./junk", a8, noenv), FBSD_ENOEXEC);
	write_file("empty", "", 0755);
	CHECK_ERR(sys(FBSD_SYS_execve, "./empty", a8, noenv), FBSD_ENOEXEC);
	CHECK_ERR(sys(FBSD_SYS_execve, "./junk/x", a8, noenv), FBSD_ENOTDIR);
	write_file("badinterp.sh", "#!/no/such/interpreter\n", 0755);
	CHECK_ERR(sys(FBSD_SYS_execve, "./badinterp.sh", a8, noenv), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_execve, target, 0, noenv), FBSD_EFAULT);
	char *badv[] = { "t", (char *)8, 0 };
	CHECK_ERR(sys(FBSD_SYS_execve, target, badv, noenv), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_execve, target, a8, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_execve, 8, a8, noenv), FBSD_EFAULT);
	char *empty_argv[] = { 0 };
	CHECK_ERR(sys(FBSD_SYS_execve, target, empty_argv, noenv), FBSD_EINVAL);
	/* More than ARG_MAX (512 KiB) of strings. */
	static char big[300 * 1024];
	memset(big, 'a', sizeof(big) - 1);
	char *bigv[] = { "t", big, big, 0 };
	CHECK_ERR(sys(FBSD_SYS_execve, target, bigv, noenv), FBSD_E2BIG);

	t_printf("exec_basic done\n");
	return 0;
}
