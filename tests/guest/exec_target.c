// Helper program for exec_basic: the target of its execve calls.  Run
// alone (the normal runner) it just exits 0.  Modes (argv[1]):
//   check-args      argv/envp exactly as exec_basic passes them -> 42
//   check-fd N      descriptor N is open -> 44, closed (EBADF) -> 43
//   check-sig       SIGPIPE ignored and SIGUSR2 still blocked -> 45
//   check-cwd DIR   the cwd ends with DIR -> 46
//   check-script    run as a #! interpreter: argv[2] is the script -> 47
//   exit N          exit with N
#include "sig_defs.h"

#define O_RDONLY 0
#define F_GETFD 1
#define FBSD_SIGPIPE 13
#define FBSD_SIGUSR2 31

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !strcmp(s + a - b, suffix);
}

static int atoi_(const char *s)
{
	int v = 0;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return v;
}

int main(int argc, char **argv, char **envp)
{
	int n = 0;

	if (argc < 2 || t_getenv("BSDEMU_TEST"))
		return 0;
	if (!strcmp(argv[1], "check-args")) {
		for (char **e = envp; *e; e++)
			n++;
		if (argc == 4 && !strcmp(argv[0], "custom-argv0") &&
		    !strcmp(argv[2], "x") && !strcmp(argv[3], "two words") &&
		    n == 2 && !strcmp(envp[0], "T_ENV=value") && !strcmp(envp[1], "EMPTY=") &&
		    ends_with((const char *)t_getauxval(T_AT_EXECPATH), "/exec_target"))
			return 42;
		t_dprintf(2, "check-args: argc %d argv0 %s envc %d\n", argc, argv[0], n);
		return 1;
	}
	if (!strcmp(argv[1], "check-fd") && argc == 3)
		return sys(FBSD_SYS_fcntl, atoi_(argv[2]), F_GETFD, 0) == -FBSD_EBADF ? 43 : 44;
	if (!strcmp(argv[1], "check-sig")) {
		struct sigaction sa;
		sigset_t cur;
		if (sys(FBSD_SYS_sigaction, FBSD_SIGPIPE, 0, &sa) != 0 ||
		    sys(FBSD_SYS_sigprocmask, SIG_BLOCK, 0, &cur) != 0)
			return 1;
		if (sa.handler != SIG_IGN)
			return 2;
		if (!(cur.bits[0] & (1u << (FBSD_SIGUSR2 - 1))))
			return 3;
		return 45;
	}
	if (!strcmp(argv[1], "check-cwd") && argc == 3) {
		char buf[1024];
		if (sys(FBSD_SYS___getcwd, buf, sizeof(buf)) != 0)
			return 1;
		return ends_with(buf, argv[2]) ? 46 : 2;
	}
	if (!strcmp(argv[1], "check-script") && argc >= 3)
		return ends_with(argv[2], "script.sh") && argc == 4 && !strcmp(argv[3], "extra") ? 47 : 2;
	if (!strcmp(argv[1], "exit") && argc == 3)
		return atoi_(argv[2]);
	return 0;
}
