/* Replacing the process image: execve(59), fexecve(492).
 *
 * Which programs run under bsdemu and which on the host:
 *   - a FreeBSD/aarch64 ELF program (what bsdemu itself can load) runs
 *     under bsdemu again: the host execs /proc/self/exe (this bsdemu) with
 *     the options it was started with (-L, -strace, -D, -r, -s, --report),
 *     the guest's argv[0] through -0, the guest's argv and, as the new
 *     process's whole environment, the guest's envp;
 *   - a script ("#!"): when the interpreter named on its first line is a
 *     FreeBSD/aarch64 program (looked up with the guest-root rule, under -L
 *     first), bsdemu runs that interpreter with FreeBSD's argv
 *     (interpreter, the rest of the #! line as one argument if any, the
 *     script's path as given, argv[1]...); otherwise the host execs the
 *     script itself and the host kernel reads the #! line;
 *   - any other ELF file (a Linux program) is exec'd by the host as is;
 *   - an ELF file branded FreeBSD for another architecture, an empty file
 *     or anything else: ENOEXEC, as FreeBSD says (execvp then tries sh).
 *
 * Everything FreeBSD checks before the point of no return is checked here
 * first, in its order, so that a failing execve returns to the guest with
 * FreeBSD's errno: argv NULL or unreadable (EFAULT), strings beyond
 * ARG_MAX (E2BIG), an empty argv (EINVAL), the path (ENOENT, ENOTDIR,
 * ELOOP, ENAMETOOLONG, EACCES), not a regular file or not executable or on
 * a noexec mount (EACCES), the format (ENOEXEC), a missing ELF interpreter
 * (ENOENT).
 *
 * What crosses the exec is what the host execve carries: descriptors
 * without FD_CLOEXEC (guest descriptors are host descriptors; kqueues are
 * closed first, fbsd_kqueue_exec()), ignored signals (the new bsdemu reads
 * them back, fbsd_signal_init()), the thread's signal mask (the host mask
 * mirrors the guest's), the cwd, the pid, rlimits; caught signals go back
 * to their default.  Other threads end.  The guest path of the program
 * travels to the new bsdemu in the environment variable named by
 * EXECPATH_VAR (removed again before the guest sees its environment) for
 * AT_EXECPATH and kern.proc.pathname; its presence also makes the new
 * bsdemu send EVFILT_PROC's NOTE_EXEC to the kqueues watching the process
 * (fbsd_kqueue_proc_execed; a Linux program sends nothing). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "emu.h"
#include "loader/elf.h"
#include "loader/loader.h"
#include "log.h"
#include "os/freebsd/file.h"
#include "os/freebsd/kqueue.h"
#include "os/freebsd/path.h"
#include "os/freebsd/process.h"
#include "os/freebsd/syscall.h"

#pragma weak fbsd_kqueue_exec
#pragma weak fbsd_kqueue_proc_execed

#define EXECPATH_VAR "__BSDEMU_EXEC_GUEST_PATH"
#define FBSD_MAXSHELLCMDLEN 4096        /* PAGE_SIZE */
#define SELF_EXE "/proc/self/exe"

/* ---- what main.c records ---- */

static char *saved_sysroot;     /* absolute */
static char *saved_log;         /* -D, absolute */

void fbsd_exec_startup(void)
{
	const char *p = getenv(EXECPATH_VAR);

	if (p && *p)
		emu.guest_path = strdup(p);
	/* a guest execve brought us here: EVFILT_PROC NOTE_EXEC */
	if (p && fbsd_kqueue_proc_execed)
		fbsd_kqueue_proc_execed();
	unsetenv(EXECPATH_VAR);
}

static char *absolute(const char *p)
{
	char cwd[PATH_MAX], *r;

	if (!p)
		return NULL;
	if (p[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return strdup(p);
	if (asprintf(&r, "%s/%s", cwd, p) < 0)
		return NULL;
	return r;
}

void fbsd_exec_save_options(void)
{
	char **a = emu.argv;

	if (emu.sysroot && emu.sysroot[0])
		saved_sysroot = absolute(emu.sysroot);
	/* parse_args(): options end at the first word not starting with '-'
	 * or after "--"; these take an argument. */
	for (int i = 1; a && a[i] && a[i][0] == '-'; i++) {
		if (!strcmp(a[i], "--"))
			break;
		if (strlen(a[i]) == 2 && strchr("LEU0sDr", a[i][1]) && a[i + 1]) {
			if (a[i][1] == 'D') {
				free(saved_log);
				saved_log = absolute(a[i + 1]);
			}
			i++;
		}
	}
}

/* ---- argument vectors ---- */

struct strvec {
	char **v;
	size_t n, cap;
};

static void vec_free(struct strvec *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static int vec_add(struct strvec *s, const char *str)
{
	if (s->n + 2 > s->cap) {
		size_t cap = s->cap * 2 + 16;
		char **nv = realloc(s->v, cap * sizeof(char *));
		if (!nv)
			return FBSD_ENOMEM;
		s->v = nv;
		s->cap = cap;
	}
	s->v[s->n] = strdup(str);
	if (!s->v[s->n])
		return FBSD_ENOMEM;
	s->n++;
	s->v[s->n] = NULL;
	return 0;
}

/* exec_copyin_args(): one NULL-terminated vector of guest strings; all
 * strings of argv and envp together (NULs counted) within ARG_MAX. */
static int copy_vec(gaddr_t vec, struct strvec *out, size_t *space)
{
	char *buf = malloc(FBSD_ARG_MAX + 1);
	int err = 0;

	if (!buf)
		return FBSD_ENOMEM;
	for (uint64_t i = 0;; i++) {
		uint64_t p;
		long n;

		if (copy_from_guest(&p, vec + 8 * i, sizeof(p)) < 0) {
			err = FBSD_EFAULT;
			break;
		}
		if (!p)
			break;
		if (*space == 0) {
			err = FBSD_E2BIG;
			break;
		}
		/* At most *space bytes with the NUL. */
		n = copy_str_from_guest(buf, p, *space);
		if (n == -1) {
			err = FBSD_EFAULT;
			break;
		}
		if (n == -2) {
			err = FBSD_E2BIG;
			break;
		}
		*space -= (size_t)n + 1;
		if ((err = vec_add(out, buf)))
			break;
	}
	free(buf);
	return err;
}

/* ---- what the file is ---- */

enum kind {
	K_FREEBSD = 1,          /* run under bsdemu */
	K_HOST,                 /* host execve */
	K_SCRIPT_FREEBSD,       /* #! whose interpreter is a FreeBSD program */
	K_SCRIPT_HOST,          /* #! for the host kernel */
};

struct image {
	enum kind kind;
	char interp[FBSD_HOST_PATH_MAX];  /* script: interpreter, host path */
	char interp_guest[FBSD_MAXSHELLCMDLEN];
	char interp_arg[FBSD_MAXSHELLCMDLEN];
	int has_arg;
};

/* An ELF file: which kind, or ENOEXEC / ENOENT (missing interpreter). */
static int elf_kind(const uint8_t *map, size_t len, enum kind *kind)
{
	struct elf_info *info = malloc(sizeof(*info));
	char why[256], interp[FBSD_HOST_PATH_MAX];
	struct stat st;
	int r;

	if (!info)
		return FBSD_ENOMEM;
	r = elf_parse(map, len, info, why, sizeof(why));
	if (r == 0) {
		*kind = K_FREEBSD;
		if (info->has_interp) {
			snprintf(interp, sizeof(interp), "%s%s",
				 saved_sysroot ? saved_sysroot : "", info->interp);
			if (stat(interp, &st) < 0) {
				free(info);
				return FBSD_ENOENT;
			}
		}
		free(info);
		return 0;
	}
	free(info);
	/* Not loadable by bsdemu: FreeBSD-branded ones are for another
	 * machine (ENOEXEC on FreeBSD/arm64 too); others go to the host. */
	if (len > ELF_EI_OSABI && map[ELF_EI_OSABI] == ELF_OSABI_FREEBSD)
		return FBSD_ENOEXEC;
	*kind = K_HOST;
	return 0;
}

/* Open and map PATH (or FD >= 0) read-only; checks of exec_check_permissions(). */
static int map_file(const char *path, int fd, uint8_t **map, size_t *len, int *own_fd)
{
	struct stat st;
	struct statvfs sv;

	*map = NULL;
	*len = 0;
	*own_fd = -1;
	if (fd < 0) {
		if (stat(path, &st) < 0)
			return fbsd_errno(errno);
		if (!S_ISREG(st.st_mode))
			return FBSD_EACCES;
		if (faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) < 0)
			return errno == EACCES ? FBSD_EACCES : fbsd_errno(errno);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			/* Execute-only: only the host can tell what it is. */
			return errno == EACCES ? 0 : fbsd_errno(errno);
		}
		*own_fd = fd;
	} else {
		if (fstat(fd, &st) < 0)
			return FBSD_EBADF;
		if (!S_ISREG(st.st_mode))
			return FBSD_EACCES;
		if (!(st.st_mode & 0111))
			return FBSD_EACCES;
	}
	if (fstatvfs(fd, &sv) == 0 && (sv.f_flag & ST_NOEXEC))
		return FBSD_EACCES;
	if (st.st_size == 0)
		return FBSD_ENOEXEC;
	*len = (size_t)st.st_size;
	*map = mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0);
	if (*map == MAP_FAILED) {
		*map = NULL;
		return FBSD_ENOEXEC;
	}
	return 0;
}

static void unmap_file(uint8_t *map, size_t len, int own_fd)
{
	if (map)
		munmap(map, len);
	if (own_fd >= 0)
		close(own_fd);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* imgact_shell: "#!" interpreter [one argument]. */
static int parse_shebang(const uint8_t *map, size_t len, struct image *im)
{
	size_t end = len < FBSD_MAXSHELLCMDLEN ? len : FBSD_MAXSHELLCMDLEN;
	size_t i = 2, s;
	const char *p = (const char *)map;

	while (i < end && is_blank(p[i]))
		i++;
	s = i;
	while (i < end && !is_blank(p[i]) && p[i] != '\n' && p[i] != 0)
		i++;
	if (i == end && end == FBSD_MAXSHELLCMDLEN)
		return FBSD_ENOEXEC;
	if (i == s)
		return FBSD_ENOEXEC;
	memcpy(im->interp_guest, p + s, i - s);
	im->interp_guest[i - s] = 0;
	while (i < end && is_blank(p[i]))
		i++;
	s = i;
	while (i < end && p[i] != '\n' && p[i] != 0)
		i++;
	while (i > s && is_blank(p[i - 1]))
		i--;
	if (i > s) {
		memcpy(im->interp_arg, p + s, i - s);
		im->interp_arg[i - s] = 0;
		im->has_arg = 1;
	}
	return 0;
}

/* Decide what PATH (or FD) is. */
static int classify(const char *path, int fd, struct image *im)
{
	uint8_t *map, *imap;
	size_t len, ilen;
	int own, iown, err;
	enum kind ik;

	memset(im, 0, sizeof(*im));
	err = map_file(path, fd, &map, &len, &own);
	if (err || !map) {
		unmap_file(map, len, own);
		if (!err)
			im->kind = K_HOST;      /* unreadable: the host decides */
		return err;
	}
	if (len >= 4 && !memcmp(map, "\177ELF", 4)) {
		err = elf_kind(map, len, &im->kind);
	} else if (len >= 2 && map[0] == '#' && map[1] == '!') {
		err = parse_shebang(map, len, im);
		if (!err) {
			err = fbsd_path_resolve(im->interp_guest, im->interp, sizeof(im->interp));
			im->kind = K_SCRIPT_HOST;
		}
		if (!err) {
			/* The interpreter must be a binary (FreeBSD follows one
			 * level of #!). */
			err = map_file(im->interp, -1, &imap, &ilen, &iown);
			if (!err && imap && ilen >= 4 && !memcmp(imap, "\177ELF", 4)) {
				err = elf_kind(imap, ilen, &ik);
				if (!err && ik == K_FREEBSD)
					im->kind = K_SCRIPT_FREEBSD;
			} else if (!err && imap) {
				err = FBSD_ENOEXEC;
			}
			unmap_file(imap, ilen, iown);
		}
	} else {
		err = FBSD_ENOEXEC;
	}
	unmap_file(map, len, own);
	return err;
}

/* ---- the exec itself ---- */

/* The new bsdemu's command line: options, -0 ARGV0, --, PROG, ARGS. */
static int bsdemu_argv(struct strvec *out, const char *argv0, const char *prog,
		       char *const *args)
{
	char num[32];
	int err = 0;

	err |= vec_add(out, emu.argv && emu.argv[0] ? emu.argv[0] : "bsdemu");
	if (saved_sysroot) {
		err |= vec_add(out, "-L");
		err |= vec_add(out, saved_sysroot);
	}
	if (emu.strace)
		err |= vec_add(out, "-strace");
	if (saved_log) {
		err |= vec_add(out, "-D");
		err |= vec_add(out, saved_log);
	}
	if (emu.osrelease) {
		err |= vec_add(out, "-r");
		err |= vec_add(out, emu.osrelease);
	}
	if (emu.stack_size) {
		snprintf(num, sizeof(num), "%llu", (unsigned long long)emu.stack_size);
		err |= vec_add(out, "-s");
		err |= vec_add(out, num);
	}
	if (emu.report_path) {
		if (!strcmp(emu.report_path, "-")) {
			err |= vec_add(out, "--report");
		} else {
			char *r = absolute(emu.report_path), *o = NULL;
			if (!r || asprintf(&o, "--report=%s", r) < 0)
				err |= FBSD_ENOMEM;
			else
				err |= vec_add(out, o);
			free(r);
			free(o);
		}
	}
	err |= vec_add(out, "-0");
	err |= vec_add(out, argv0);
	err |= vec_add(out, "--");
	if (!strchr(prog, '/')) {
		char *p = NULL;
		if (asprintf(&p, "./%s", prog) < 0)
			return FBSD_ENOMEM;
		err |= vec_add(out, p);
		free(p);
	} else {
		err |= vec_add(out, prog);
	}
	for (size_t i = 0; args && args[i]; i++)
		err |= vec_add(out, args[i]);
	return err ? FBSD_ENOMEM : 0;
}

/* The guest's view of host path P, absolute (AT_EXECPATH). */
static char *guest_view(const char *p)
{
	char *r = realpath(p, NULL);

	if (!r)
		r = absolute(p);
	if (r)
		fbsd_path_unresolve(r);
	return r;
}

static int run(const char *gpath, const char *hpath, const struct image *im,
	       struct strvec *args, struct strvec *env)
{
	struct strvec av = { 0 };
	const char *target = SELF_EXE;
	char *gview = NULL, *var = NULL;
	int err = 0;

	switch (im->kind) {
	case K_FREEBSD:
		err = bsdemu_argv(&av, args->v[0], hpath, args->v + 1);
		gview = guest_view(hpath);
		break;
	case K_SCRIPT_FREEBSD: {
		struct strvec sa = { 0 };

		if (im->has_arg)
			err |= vec_add(&sa, im->interp_arg);
		err |= vec_add(&sa, gpath);
		for (size_t i = 1; i < args->n; i++)
			err |= vec_add(&sa, args->v[i]);
		if (!err)
			err = bsdemu_argv(&av, im->interp_guest, im->interp, sa.v);
		vec_free(&sa);
		gview = guest_view(im->interp);
		break;
	}
	default:
		target = hpath;
		break;
	}
	if (err) {
		vec_free(&av);
		free(gview);
		return FBSD_ENOMEM;
	}
	if (gview) {
		/* Tell the new bsdemu the guest path (see the top). */
		if (asprintf(&var, EXECPATH_VAR "=%s", gview) < 0 || vec_add(env, var)) {
			free(var);
			free(gview);
			vec_free(&av);
			return FBSD_ENOMEM;
		}
		free(var);
		free(gview);
	}
	if (fbsd_kqueue_exec)
		fbsd_kqueue_exec();
	fflush(NULL);
	fbsd_vfork_writeback();         /* a vfork child: the parent sees its writes */
	fbsd_umtx_process_exit(curthread);      /* umtx_exec() */
	execve(target, av.v ? av.v : args->v, env->v);
	err = fbsd_errno(errno);
	if (gview) {
		/* Failed: the guest goes on with its own environment. */
		env->n--;
		free(env->v[env->n]);
		env->v[env->n] = NULL;
	}
	vec_free(&av);
	return err;
}

static int do_exec(struct fbsd_thread *td, const char *gpath, const char *hpath, int fd,
		   gaddr_t argv, gaddr_t envv)
{
	struct strvec args = { 0 }, env = { 0 };
	struct image *im = NULL;
	size_t space = FBSD_ARG_MAX;
	int err;

	if (!argv)
		return FBSD_EFAULT;
	err = copy_vec(argv, &args, &space);
	if (!err && envv)
		err = copy_vec(envv, &env, &space);
	if (!err && !env.v) {
		env.v = calloc(16, sizeof(char *));
		env.cap = 16;
		if (!env.v)
			err = FBSD_ENOMEM;
	}
	if (!err && args.n == 0)
		err = FBSD_EINVAL;      /* FreeBSD 14: no exec with argc == 0 */
	if (!err && !(im = malloc(sizeof(*im))))
		err = FBSD_ENOMEM;
	if (!err)
		err = classify(hpath, fd, im);
	if (!err)
		err = run(gpath, hpath, im, &args, &env);
	free(im);
	vec_free(&args);
	vec_free(&env);
	return err;
}

int fbsd_sys_execve(struct fbsd_thread *td, const struct fbsd_execve_args *uap)
{
	struct fbsd_hpath hp;
	char gpath[FBSD_HOST_PATH_MAX];
	long n;
	int err;

	n = copy_str_from_guest(gpath, uap->fname, 1024);
	if (n == -1)
		return FBSD_EFAULT;
	if (n == -2)
		return FBSD_ENAMETOOLONG;
	if ((err = fbsd_get_path(&hp, AT_FDCWD, uap->fname, 0)))
		return err;
	return do_exec(td, gpath, hp.path, -1, uap->argv, uap->envv);
}

/* fexecve: the file behind FD.  By its path when /proc names one that is
 * still the same file, else through /proc/self/fd/N (which then must stay
 * open across the exec: a close-on-exec FD cannot be run that way). */
int fbsd_sys_fexecve(struct fbsd_thread *td, const struct fbsd_fexecve_args *uap)
{
	char link[64], path[FBSD_HOST_PATH_MAX];
	struct stat a, b;
	ssize_t n;

	if (uap->fd < 0 || fstat(uap->fd, &a) < 0)
		return FBSD_EBADF;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", uap->fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n > 0) {
		path[n] = 0;
		if (path[0] == '/' && stat(path, &b) == 0 && a.st_dev == b.st_dev &&
		    a.st_ino == b.st_ino) {
			char gpath[FBSD_HOST_PATH_MAX];
			snprintf(gpath, sizeof(gpath), "%s", path);
			fbsd_path_unresolve(gpath);
			return do_exec(td, gpath, path, uap->fd, uap->argv, uap->envv);
		}
	}
	return do_exec(td, link, link, uap->fd, uap->argv, uap->envv);
}
