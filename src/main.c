/* bsdemu command line: bsdemu [options] PROGRAM [ARGS...] */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu.h"
#include "host/binfmt.h"
#include "host/fault.h"
#include "loader/loader.h"
#include "log.h"
#include "mem/mem.h"
#include "os/freebsd/aarch64/abi.h"
#include "os/freebsd/hostfd.h"
#include "os/freebsd/process.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/syscall.h"
#include "os/freebsd/sysctl.h"
#include "os/freebsd/trap.h"

/* Exit statuses for bsdemu's own failures, as env(1) uses them. */
#define EXIT_USAGE 125
#define EXIT_CANNOT_EXEC 126
#define EXIT_NOT_FOUND 127

#define DEFAULT_RELEASE "14.3-RELEASE"
#define DEFAULT_STACK (8ULL << 20)

extern char **environ;

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bsdemu [options] PROGRAM [ARGS...]\n"
		"Run a FreeBSD/aarch64 program on this Linux machine.\n"
		"\n"
		"  -L DIR        guest root: the ELF interpreter and absolute guest paths\n"
		"                are looked up under DIR first (also BSDEMU_SYSROOT)\n"
		"  -E VAR=VALUE  set VAR in the guest's environment\n"
		"  -U VAR        remove VAR from the guest's environment\n"
		"  -0 ARGV0      pass ARGV0 as the guest's argv[0]\n"
		"  -s SIZE       main stack size (bytes, or with K, M, G suffix; default 8M)\n"
		"  -strace       log every system call (also BSDEMU_STRACE=1)\n"
		"  -D FILE       write bsdemu's own messages and -strace output to FILE\n"
		"  -r RELEASE    FreeBSD release the guest sees (default " DEFAULT_RELEASE ")\n"
		"  --report[=FILE]  at exit, write a table of the syscalls the guest made\n"
		"                (counts, errors, unimplemented ones; also BSDEMU_REPORT=FILE)\n"
		"  --syscalls    list the FreeBSD syscalls and whether bsdemu implements them\n"
		"  --binfmt-register[=NAME]  (root) make Linux run FreeBSD/aarch64 programs\n"
		"                under this bsdemu via binfmt_misc (entry NAME, default\n"
		"                " BINFMT_DEFAULT_NAME ")\n"
		"  --binfmt-unregister[=NAME]  remove that binfmt_misc entry\n"
		"  --version     print bsdemu's version\n"
		"  --help        print this help\n");
}

static _Noreturn void die_usage(const char *fmt, const char *arg)
{
	fputs("bsdemu: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs(" (try 'bsdemu --help')\n", stderr);
	exit(EXIT_USAGE);
}

static uint64_t parse_size(const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s)
		die_usage("bad size '%s'", s);
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	if (*end || v < GUEST_PAGE_SIZE * 4 || v > (1ULL << 36))
		die_usage("bad size '%s'", s);
	return v;
}

/* The guest environment: ours, edited by -E and -U in order. */
struct envlist {
	char **v;
	size_t n, cap;
};

static void env_unset(struct envlist *e, const char *name)
{
	size_t len = strcspn(name, "=");
	for (size_t i = 0; i < e->n; i++) {
		if (!strncmp(e->v[i], name, len) && e->v[i][len] == '=') {
			memmove(&e->v[i], &e->v[i + 1], (e->n - i) * sizeof(char *));
			e->n--;
			i--;
		}
	}
}

static void env_set(struct envlist *e, char *kv)
{
	if (!strchr(kv, '='))
		die_usage("-E needs VAR=VALUE, not '%s'", kv);
	env_unset(e, kv);
	if (e->n + 2 > e->cap) {
		e->cap = e->cap * 2 + 16;
		e->v = realloc(e->v, e->cap * sizeof(char *));
		if (!e->v)
			exit(EXIT_USAGE);
	}
	e->v[e->n++] = kv;
	e->v[e->n] = NULL;
}

static void env_init(struct envlist *e)
{
	memset(e, 0, sizeof(*e));
	for (char **p = environ; *p; p++)
		env_set(e, *p);
	if (!e->v) {
		e->v = calloc(1, sizeof(char *));
		if (!e->v)
			exit(EXIT_USAGE);
	}
}

/* PROGRAM without a slash is looked up in PATH, as env(1) and execvp do. */
static char *find_program(const char *prog)
{
	const char *path = getenv("PATH");
	static char buf[PATH_MAX];

	if (strchr(prog, '/') || !path)
		return (char *)prog;
	while (*path) {
		size_t len = strcspn(path, ":");
		snprintf(buf, sizeof(buf), "%.*s%s%s", (int)len, path, len ? "/" : "", prog);
		if (access(buf, F_OK) == 0)
			return buf;
		path += len + (path[len] == ':');
	}
	return (char *)prog;
}

/* --syscalls: which FreeBSD syscalls this build implements. */
static void list_syscalls(void)
{
	for (int i = 0; i < FBSD_SYS_MAXSYSCALL; i++) {
		const struct fbsd_sysent *e = &fbsd_sysent[i];
		if (e->type == FBSD_SYT_RESERVED || !e->name)
			continue;
		printf("%d\t%s\t%s\n", i, e->name,
		       e->type == FBSD_SYT_SYSMUX ? "indirect" : e->call ? "implemented" : "unimplemented");
	}
}

static int parse_args(int argc, char **argv, struct envlist *env, const char **argv0)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *o = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(o, "--")) {
			i++;
			break;
		}
		if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
			usage(stdout);
			exit(0);
		}
		if (!strcmp(o, "--version")) {
			printf("bsdemu %s (guest: FreeBSD/aarch64; host: Linux/x86-64)\n", BSDEMU_VERSION);
			exit(0);
		}
		if (!strcmp(o, "--syscalls")) {
			list_syscalls();
			exit(0);
		}
		if (!strcmp(o, "--binfmt-register"))
			exit(host_binfmt_register(BINFMT_DEFAULT_NAME));
		if (!strncmp(o, "--binfmt-register=", 18))
			exit(host_binfmt_register(o + 18));
		if (!strcmp(o, "--binfmt-unregister"))
			exit(host_binfmt_unregister(BINFMT_DEFAULT_NAME));
		if (!strncmp(o, "--binfmt-unregister=", 20))
			exit(host_binfmt_unregister(o + 20));
		if (!strcmp(o, "-strace") || !strcmp(o, "--strace")) {
			emu.strace = true;
			continue;
		}
		if (!strcmp(o, "--report")) {
			emu.report_path = "-";
			continue;
		}
		if (!strncmp(o, "--report=", 9)) {
			emu.report_path = o + 9;
			continue;
		}
		if (strlen(o) != 2 || !strchr("LEU0sDr", o[1]))
			die_usage("unknown option '%s'", o);
		if (!val)
			die_usage("option '%s' needs an argument", o);
		i++;
		switch (o[1]) {
		case 'L': emu.sysroot = val; break;
		case 'E': env_set(env, (char *)val); break;
		case 'U': env_unset(env, val); break;
		case '0': *argv0 = val; break;
		case 's': emu.stack_size = parse_size(val); break;
		case 'D':
			if (log_open(val) < 0) {
				fprintf(stderr, "bsdemu: cannot open log file %s: %s\n", val, strerror(errno));
				exit(EXIT_USAGE);
			}
			break;
		case 'r': emu.osrelease = val; break;
		}
	}
	return i;
}

static void env_defaults(void)
{
	const char *s;

	if ((s = getenv("BSDEMU_SYSROOT")) && *s && !emu.sysroot)
		emu.sysroot = s;
	if ((s = getenv("BSDEMU_STRACE")) && !strcmp(s, "1"))
		emu.strace = true;
	if ((s = getenv("BSDEMU_REPORT")) && *s && !emu.report_path)
		emu.report_path = s;
}

int main(int argc, char **argv)
{
	static struct fbsd_thread main_td;
	struct guest_entry entry;
	static struct envlist env; /* the guest's envp, alive until exit */
	const char *argv0 = NULL;
	char *prog;
	int first, status;

	fbsd_exec_startup();
	env_init(&env);
	first = parse_args(argc, argv, &env, &argv0);
	env_defaults();
	if (first >= argc)
		die_usage("%s", "no program given");
	emu.argv = argv;
	emu.osrelease = emu.osrelease ? emu.osrelease : DEFAULT_RELEASE;
	emu.osreldate = emu_osreldate_of(emu.osrelease);
	if (!emu.osreldate)
		die_usage("bad FreeBSD release '%s' (want e.g. 14.3-RELEASE)", emu.osrelease);
	if (!emu.stack_size)
		emu.stack_size = DEFAULT_STACK;
	fbsd_exec_save_options();

	prog = find_program(argv[first]);
	emu.exec_path = prog;
	if (argv0)
		argv[first] = (char *)argv0;

	if (mem_init() < 0 || host_fault_init() < 0)
		return EXIT_CANNOT_EXEC;
	fbsd_hostfd_own_log();
	status = loader_exec(prog, &argv[first], env.v, &entry);
	if (status)
		return status;

	curthread = &main_td;
	a64_init(&main_td.cpu);
	main_td.cpu.opaque = &main_td;
	main_td.tid = FBSD_TID_BASE + getpid();  /* the main thread's host tid */
	fbsd_arch_set_entry(&main_td, entry.pc, entry.sp, entry.x0);
	fbsd_sysctl_set_stack(entry.usrstack, entry.ps_strings);
	fbsd_signal_init(&main_td);
	fbsd_cpu_loop(&main_td);
}
