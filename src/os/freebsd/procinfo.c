/* kern.proc.pathname and kern.proc.args of another process (sysctl.c
 * answers them for this process itself), and the /proc readers behind
 * kern.proc.pid/all/proc (struct kinfo_proc), kern.proc.cwd and the file
 * names of kern.proc.vmmap (procinfo.h).
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
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "os/freebsd/fbsd_errno.h"
#include "os/freebsd/path.h"
#include "os/freebsd/process.h"
#include "os/freebsd/procinfo.h"

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

/* ---- struct kinfo_proc (kern.proc.pid, .all, .proc ...) ---- */

static uint64_t linux_tty_to_fbsd(unsigned long nr)
{
	uint32_t x = (uint32_t)((nr >> 8) & 0xfff), y = (uint32_t)((nr & 0xff) | ((nr >> 12) & 0xfff00));

	return ((uint64_t)(x & 0xffffff00) << 32) | ((x & 0xff) << 8) |
		((uint64_t)(y & 0xff00) << 24) | (y & 0xffff00ff);
}

static void ticks_to_tv(unsigned long long t, long hz, struct fbsd_timeval *tv)
{
	tv->tv_sec = (int64_t)(t / (unsigned long long)hz);
	tv->tv_usec = (int64_t)((t % (unsigned long long)hz) * 1000000ULL / (unsigned long long)hz);
}

static char linux_state(char c)
{
	switch (c) {
	case 'R': return FBSD_SRUN;
	case 'T': case 't': return FBSD_SSTOP;
	case 'Z': case 'X': case 'x': return FBSD_SZOMB;
	default: return FBSD_SSLEEP;     /* S, D, I, W, P, K */
	}
}

/* Boot time in microseconds of the realtime clock. */
static int64_t boot_usec(void)
{
	struct timespec now, up;

	clock_gettime(CLOCK_REALTIME, &now);
	clock_gettime(CLOCK_BOOTTIME, &up);
	return (now.tv_sec - up.tv_sec) * 1000000LL + (now.tv_nsec - up.tv_nsec) / 1000;
}

static void base_name(const char *path, char *out, size_t cap)
{
	const char *b = strrchr(path, '/');

	snprintf(out, cap, "%s", b ? b + 1 : path);
}

int fbsd_procinfo_kproc(int pid, struct fbsd_kinfo_proc *kp)
{
	char *stat, *status, *p, *e, state;
	size_t len;
	int err, ppid, pgrp, sid, tpgid, nthr;
	long hz = sysconf(_SC_CLK_TCK), page = sysconf(_SC_PAGESIZE), prio, nice;
	unsigned long tty, minflt, cminflt, majflt, cmajflt, vsize;
	unsigned long long utime, stime, cutime, cstime, start;
	long rss;

	if (pid <= 0)
		return FBSD_ESRCH;
	if (hz <= 0)
		hz = 100;
	if ((err = read_proc(pid, "stat", &stat, &len)))
		return err;
	memset(kp, 0, sizeof(*kp));
	kp->ki_structsize = (int32_t)sizeof(*kp);
	p = strchr(stat, '(');
	e = strrchr(stat, ')');
	if (!p || !e || e < p) {
		free(stat);
		return FBSD_ESRCH;
	}
	*e = 0;
	snprintf(kp->ki_comm, sizeof(kp->ki_comm), "%s", p + 1);
	if (sscanf(e + 1, " %c %d %d %d %lu %d %*u %lu %lu %lu %lu %llu %llu %llu %llu"
		   " %ld %ld %d %*d %llu %lu %ld",
		   &state, &ppid, &pgrp, &sid, &tty, &tpgid, &minflt, &cminflt,
		   &majflt, &cmajflt, &utime, &stime, &cutime, &cstime, &prio,
		   &nice, &nthr, &start, &vsize, &rss) != 20) {
		free(stat);
		return FBSD_ESRCH;
	}
	free(stat);
	kp->ki_pid = pid;
	kp->ki_tid = pid;
	kp->ki_ppid = ppid;
	kp->ki_pgid = pgrp;
	kp->ki_sid = sid;
	kp->ki_tsid = tty ? sid : 0;
	kp->ki_tpgid = tpgid;
	kp->ki_stat = linux_state(state);
	kp->ki_nice = (int8_t)nice;
	kp->ki_numthreads = nthr > 0 ? nthr : 1;
	kp->ki_size = vsize;
	kp->ki_rssize = rss;
	kp->ki_tdev = tty ? linux_tty_to_fbsd(tty) : FBSD_NODEV;
	kp->ki_tdev_freebsd11 = tty ? (uint32_t)kp->ki_tdev : UINT32_MAX;
	kp->ki_flag = FBSD_P_INMEM | (tty ? FBSD_P_CONTROLT : 0) |
		(nthr > 1 ? FBSD_P_HADTHREADS : 0);
	kp->ki_kiflag = (tty ? FBSD_KI_CTTY : 0) | (pid == sid ? FBSD_KI_SESSLEADER : 0);
	ticks_to_tv(utime, hz, &kp->ki_rusage.ru_utime);
	ticks_to_tv(stime, hz, &kp->ki_rusage.ru_stime);
	ticks_to_tv(cutime, hz, &kp->ki_rusage_ch.ru_utime);
	ticks_to_tv(cstime, hz, &kp->ki_rusage_ch.ru_stime);
	kp->ki_rusage.ru_minflt = (int64_t)minflt;
	kp->ki_rusage.ru_majflt = (int64_t)majflt;
	kp->ki_rusage_ch.ru_minflt = (int64_t)cminflt;
	kp->ki_rusage_ch.ru_majflt = (int64_t)cmajflt;
	kp->ki_rusage.ru_maxrss = rss * page / 1024;
	kp->ki_runtime = (utime + stime) * 1000000ULL / (unsigned long long)hz;
	kp->ki_childtime.tv_sec = kp->ki_rusage_ch.ru_utime.tv_sec + kp->ki_rusage_ch.ru_stime.tv_sec;
	kp->ki_childtime.tv_usec = kp->ki_rusage_ch.ru_utime.tv_usec + kp->ki_rusage_ch.ru_stime.tv_usec;
	if (kp->ki_childtime.tv_usec >= 1000000) {
		kp->ki_childtime.tv_sec++;
		kp->ki_childtime.tv_usec -= 1000000;
	}
	{
		int64_t us = boot_usec() + (int64_t)(start * 1000000ULL / (unsigned long long)hz);
		kp->ki_start.tv_sec = us / 1000000;
		kp->ki_start.tv_usec = us % 1000000;
	}
	kp->ki_pri_class = FBSD_PRI_TIMESHARE;
	kp->ki_pri_level = kp->ki_pri_native = kp->ki_pri_user =
		(uint8_t)(120 + (nice < -20 ? -20 : nice > 20 ? 20 : nice));
	kp->ki_oncpu = kp->ki_lastcpu = -1;     /* NOCPU */
	kp->ki_oncpu_old = kp->ki_lastcpu_old = 0xff;
	snprintf(kp->ki_emul, sizeof(kp->ki_emul), "FreeBSD ELF64");
	snprintf(kp->ki_loginclass, sizeof(kp->ki_loginclass), "default");
	if (kp->ki_stat == FBSD_SSLEEP)
		snprintf(kp->ki_wmesg, sizeof(kp->ki_wmesg), "wait");

	if (read_proc(pid, "status", &status, &len) == 0) {
		for (char *l = status; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
			unsigned a, b, c;
			if (sscanf(l, "Uid: %u %u %u", &a, &b, &c) == 3) {
				kp->ki_ruid = a;
				kp->ki_uid = b;
				kp->ki_svuid = c;
			} else if (sscanf(l, "Gid: %u %u %u", &a, &b, &c) == 3) {
				kp->ki_rgid = a;
				kp->ki_groups[0] = b;
				kp->ki_svgid = c;
			} else if (!strncmp(l, "Groups:", 7)) {
				char *q = l + 7, *end;
				int n = 1;
				while (n < FBSD_KI_NGROUPS) {
					unsigned long g = strtoul(q, &end, 10);
					if (end == q)
						break;
					if (g != kp->ki_groups[0])
						kp->ki_groups[n++] = (uint32_t)g;
					q = end;
				}
				kp->ki_ngroups = (int16_t)n;
			} else if (sscanf(l, "TracerPid: %u", &a) == 1) {
				kp->ki_tracer = (int32_t)a;
			}
		}
		free(status);
	}
	if (!kp->ki_ngroups)
		kp->ki_ngroups = 1;
	snprintf(kp->ki_tdname, sizeof(kp->ki_tdname), "%.*s", FBSD_TDNAMLEN, kp->ki_comm);
	/* Another bsdemu: its command is its guest program's name. */
	if (is_bsdemu(pid)) {
		char *path;
		if (fbsd_procinfo_pathname(pid, &path, &len) == 0) {
			if (*path) {
				char name[FBSD_MAXPATHLEN];
				base_name(path, name, sizeof(name));
				snprintf(kp->ki_comm, sizeof(kp->ki_comm), "%.*s",
					 FBSD_COMMLEN, name);
				snprintf(kp->ki_tdname, sizeof(kp->ki_tdname), "%.*s",
					 FBSD_TDNAMLEN, name);
			}
			free(path);
		}
	}
	return 0;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int list_numeric(const char *dir, int **out, int *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int cap = 256, *v;

	*n = 0;
	if (!d)
		return proc_err(errno);
	v = malloc(cap * sizeof(int));
	while (v && (de = readdir(d))) {
		char *end;
		long x = strtol(de->d_name, &end, 10);
		if (*end || end == de->d_name || x <= 0)
			continue;
		if (*n == cap) {
			int *nv = realloc(v, (size_t)cap * 2 * sizeof(int));
			if (!nv)
				break;
			v = nv;
			cap *= 2;
		}
		v[(*n)++] = (int)x;
	}
	closedir(d);
	if (!v)
		return FBSD_ENOMEM;
	qsort(v, (size_t)*n, sizeof(int), cmp_int);
	*out = v;
	return 0;
}

int fbsd_procinfo_pids(int **pids, int *n)
{
	return list_numeric("/proc", pids, n);
}

int fbsd_procinfo_tids(int pid, int **tids, int *n)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	return list_numeric(path, tids, n);
}

int fbsd_procinfo_cwd(int pid, char **out)
{
	char link[64], path[PATH_MAX + 1];
	ssize_t r;

	if (pid <= 0)
		return FBSD_ESRCH;
	snprintf(link, sizeof(link), "/proc/%d/cwd", pid);
	r = readlink(link, path, sizeof(path) - 1);
	if (r < 0)
		return proc_err(errno);
	path[r] = 0;
	fbsd_path_unresolve(path);
	*out = strdup(path);
	return *out ? 0 : FBSD_ENOMEM;
}

void fbsd_procinfo_map_path(uintptr_t addr, char *buf, size_t cap)
{
	FILE *f = fopen("/proc/self/maps", "re");
	char line[PATH_MAX + 256];

	buf[0] = 0;
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		unsigned long lo, hi;
		int off = 0;
		if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %n", &lo, &hi, &off) < 2 || !off)
			continue;
		if (addr < lo || addr >= hi)
			continue;
		line[strcspn(line, "\n")] = 0;
		if (line[off] == '/') {
			char *del = strstr(line + off, " (deleted)");
			if (del && !del[10])
				*del = 0;
			fbsd_path_unresolve(line + off);
			snprintf(buf, cap, "%s", line + off);
		}
		break;
	}
	fclose(f);
}
