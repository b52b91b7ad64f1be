/* kern.proc.pathname and kern.proc.args of another process (sysctl.c
 * answers them for this process itself).
 *
 * Another process is a host process.  When it is a bsdemu too (its
 * /proc/PID/exe is the same file as ours), what its guest sees is read
 * from its command line, which bsdemu's exec builds as
 *     bsdemu [options] -0 ARGV0 -- PROGRAM ARGS...
 * (any bsdemu command line is parsed the same way): the program path is
 * the guest path exec passed it (EXECPATH variable of its initial
 * environment, see exec.c) or PROGRAM made absolute and shown without the
 * sysroot prefix; its args are ARGV0 (PROGRAM without -0) and ARGS.
 * A host program is shown as the host sees it (/proc/PID/exe, cmdline).
 * No such process: ESRCH; one we may not look at: EPERM.  A new title set
 * by the other process (setproctitle) is not seen. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "os/freebsd/fbsd_errno.h"
#include "os/freebsd/path.h"
#include "os/freebsd/process.h"

#define EXECPATH_VAR "__BSDEMU_EXEC_GUEST_PATH="
#define MAX_READ (1 << 20)

static int proc_err(int e)
{
	return e == EACCES || e == EPERM ? FBSD_EPERM : FBSD_ESRCH;
}

/* The whole of /proc/PID/NAME, NUL-terminated (length without it). */
static int read_proc(int pid, const char *name, char **out, size_t *len)
{
	char path[64];
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap + 1);
	ssize_t r;
	int fd;

	if (!buf)
		return FBSD_ENOMEM;
	snprintf(path, sizeof(path), "/proc/%d/%s", pid, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		free(buf);
		return proc_err(e);
	}
	while ((r = read(fd, buf + n, cap - n)) > 0) {
		n += (size_t)r;
		if (n == cap && cap < MAX_READ) {
			char *nb = realloc(buf, cap * 2 + 1);
			if (!nb)
				break;
			buf = nb;
			cap *= 2;
		} else if (n == cap) {
			break;
		}
	}
	close(fd);
	buf[n] = 0;
	*out = buf;
	*len = n;
	return 0;
}

static int is_bsdemu(int pid)
{
	char path[64];
	struct stat a, b;

	snprintf(path, sizeof(path), "/proc/%d/exe", pid);
	return stat(path, &a) == 0 && stat("/proc/self/exe", &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Split a bsdemu command line: index of PROGRAM, and -0's value. */
static int parse_cmdline(char **w, int n, const char **argv0)
{
	int i;

	*argv0 = NULL;
	for (i = 1; i < n && w[i][0] == '-'; i++) {
		if (!strcmp(w[i], "--"))
			return i + 1;
		if (strlen(w[i]) == 2 && strchr("LEU0sDr", w[i][1]) && i + 1 < n) {
			if (w[i][1] == '0')
				*argv0 = w[i + 1];
			i++;
		}
	}
	return i;
}

/* The words of a NUL-separated buffer. */
static char **words(char *buf, size_t len, int *n)
{
	char **w;
	int c = 0;

	for (size_t i = 0; i < len; i++)
		c += buf[i] == 0;
	if (len && buf[len - 1])
		c++;
	w = calloc((size_t)c + 1, sizeof(char *));
	if (!w)
		return NULL;
	*n = 0;
	for (size_t i = 0; i < len; i += strlen(buf + i) + 1)
		w[(*n)++] = buf + i;
	return w;
}

int fbsd_procinfo_pathname(int pid, char **out, size_t *len)
{
	char *buf, **w, *env, link[64], path[PATH_MAX + 1];
	const char *argv0;
	size_t blen, elen;
	int n, prog, err;
	ssize_t r;

	if (pid <= 0)
		return FBSD_ESRCH;
	if (!is_bsdemu(pid)) {
		snprintf(link, sizeof(link), "/proc/%d/exe", pid);
		r = readlink(link, path, sizeof(path) - 1);
		if (r < 0)
			return proc_err(errno);
		path[r] = 0;
		*out = strdup(path);
		*len = r + 1;
		return *out ? 0 : FBSD_ENOMEM;
	}
	/* The guest path exec gave it, if any. */
	if (read_proc(pid, "environ", &env, &elen) == 0) {
		for (size_t i = 0; i < elen; i += strlen(env + i) + 1) {
			if (!strncmp(env + i, EXECPATH_VAR, strlen(EXECPATH_VAR))) {
				*out = strdup(env + i + strlen(EXECPATH_VAR));
				free(env);
				if (!*out)
					return FBSD_ENOMEM;
				*len = strlen(*out) + 1;
				return 0;
			}
		}
		free(env);
	}
	if ((err = read_proc(pid, "cmdline", &buf, &blen)))
		return err;
	w = words(buf, blen, &n);
	if (!w) {
		free(buf);
		return FBSD_ENOMEM;
	}
	prog = parse_cmdline(w, n, &argv0);
	if (prog >= n) {
		*out = strdup("");
	} else if (w[prog][0] == '/') {
		*out = strdup(w[prog]);
	} else {
		char cwd[PATH_MAX + 1];
		snprintf(link, sizeof(link), "/proc/%d/cwd", pid);
		r = readlink(link, cwd, sizeof(cwd) - 1);
		cwd[r > 0 ? r : 0] = 0;
		if (asprintf(out, "%s/%s", cwd, w[prog]) < 0)
			*out = NULL;
	}
	free(w);
	free(buf);
	if (!*out)
		return FBSD_ENOMEM;
	fbsd_path_unresolve(*out);
	*len = strlen(*out) + 1;
	return 0;
}

int fbsd_procinfo_args(int pid, char **out, size_t *len)
{
	char *buf, **w, *res;
	const char *argv0;
	size_t blen, rl = 0;
	int n, prog, err;

	if (pid <= 0)
		return FBSD_ESRCH;
	if ((err = read_proc(pid, "cmdline", &buf, &blen)))
		return err;
	if (!is_bsdemu(pid)) {
		*out = buf;
		*len = blen;
		return 0;
	}
	w = words(buf, blen, &n);
	res = malloc(blen + 1);
	if (!w || !res) {
		free(w);
		free(res);
		free(buf);
		return FBSD_ENOMEM;
	}
	prog = parse_cmdline(w, n, &argv0);
	for (int i = prog; i < n; i++) {
		const char *s = (i == prog && argv0) ? argv0 : w[i];
		size_t l = strlen(s) + 1;
		memcpy(res + rl, s, l);
		rl += l;
	}
	free(w);
	free(buf);
	*out = res;
	*len = rl;
	return 0;
}
