/* File and directory syscalls: read/write and their vector and positioned
 * forms, open/openat, close, lseek, dup/dup2, fcntl, pipe2, fsync,
 * access/faccessat/eaccess, readlink, __getcwd, chdir, unlink, mkdir, rmdir,
 * rename, symlink, link, chmod, lchmod, umask.
 *
 * Guest descriptors are host descriptors.  Flags, structs and error codes
 * cross through the tables below; FreeBSD semantics that Linux lacks
 * (O_EXLOCK/O_SHLOCK, O_EXEC, O_EMPTY_PATH, O_RESOLVE_BENEATH, EMLINK for a
 * refused symlink, EPERM for unlink of a directory, link(2) following
 * symlinks, ...) are rebuilt here, following sys/kern/vfs_syscalls.c,
 * vfs_vnops.c, sys_generic.c and kern_descrip.c. */
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "fbsd_types.h"
#include "file.h"
#include "hostfd.h"
#include "kqueue.h"
#include "path.h"
#include "signal.h"
#include "syscall.h"

_Static_assert(O_RDONLY == FBSD_O_RDONLY && O_WRONLY == FBSD_O_WRONLY &&
	       O_RDWR == FBSD_O_RDWR && O_ACCMODE == FBSD_O_ACCMODE,
	       "access modes are passed through unchanged");
_Static_assert(AT_FDCWD == FBSD_AT_FDCWD, "AT_FDCWD is passed through");
_Static_assert(SEEK_SET == FBSD_SEEK_SET && SEEK_CUR == FBSD_SEEK_CUR &&
	       SEEK_END == FBSD_SEEK_END && SEEK_DATA == FBSD_SEEK_DATA &&
	       SEEK_HOLE == FBSD_SEEK_HOLE, "lseek whence passed through");
_Static_assert(FD_CLOEXEC == FBSD_FD_CLOEXEC, "FD_CLOEXEC");
_Static_assert(F_OK == 0 && R_OK == 4 && W_OK == 2 && X_OK == 1,
	       "access(2) modes are FreeBSD's");
_Static_assert(LOCK_SH == 1 && LOCK_EX == 2 && LOCK_NB == 4 && LOCK_UN == 8,
	       "flock ops are FreeBSD's");

/* ---------------------------------------------------------------- flags */

struct flag_map {
	int fbsd;
	int host;
};

/* open(2) flags with a direct Linux counterpart.  Handled elsewhere:
 * O_SHLOCK/O_EXLOCK (flock after open), O_EXEC/O_SEARCH (O_PATH plus an
 * exec-permission check), O_ASYNC and O_DIRECT (set with F_SETFL after the
 * open: Linux open ignores FASYNC and tmpfs refuses O_DIRECT, FreeBSD
 * accepts both), O_RESOLVE_BENEATH (openat2), O_EMPTY_PATH (reopen of the
 * dirfd), O_TTY_INIT (FreeBSD ttys already start from default settings) and
 * O_VERIFY (a MAC veriexec hint) are accepted.  Unknown bits are ignored,
 * as kern_openat() does. */
static const struct flag_map open_flag_map[] = {
	{ FBSD_O_NONBLOCK, O_NONBLOCK },
	{ FBSD_O_APPEND, O_APPEND },
	{ FBSD_O_FSYNC, O_SYNC },
	{ FBSD_O_NOFOLLOW, O_NOFOLLOW },
	{ FBSD_O_CREAT, O_CREAT },
	{ FBSD_O_TRUNC, O_TRUNC },
	{ FBSD_O_EXCL, O_EXCL },
	{ FBSD_O_DIRECTORY, O_DIRECTORY },
	{ FBSD_O_CLOEXEC, O_CLOEXEC },
	{ FBSD_O_PATH, O_PATH },
	{ FBSD_O_DSYNC, O_DSYNC },
};

/* File status flags as F_GETFL/F_SETFL see them (FreeBSD FMASK and
 * FCNTLFLAGS).  O_SYNC must come before O_DSYNC: Linux O_SYNC includes the
 * O_DSYNC bit. */
static const struct flag_map status_flag_map[] = {
	{ FBSD_O_NONBLOCK, O_NONBLOCK },
	{ FBSD_O_APPEND, O_APPEND },
	{ FBSD_O_ASYNC, O_ASYNC },
	{ FBSD_O_FSYNC, O_SYNC },
	{ FBSD_O_DSYNC, O_DSYNC },
	{ FBSD_O_DIRECT, O_DIRECT },
	{ FBSD_O_PATH, O_PATH },
};

static int map_to_host(const struct flag_map *m, size_t n, int f)
{
	int h = 0;

	for (size_t i = 0; i < n; i++)
		if (f & m[i].fbsd)
			h |= m[i].host;
	return h;
}

int fbsd_fflags_to_host(int f)
{
	return (f & FBSD_O_ACCMODE) |
		map_to_host(status_flag_map,
			    sizeof(status_flag_map) / sizeof(status_flag_map[0]), f);
}

int fbsd_fflags_from_host(int h)
{
	int f = h & O_ACCMODE;

	for (size_t i = 0; i < sizeof(status_flag_map) / sizeof(status_flag_map[0]); i++)
		if ((h & status_flag_map[i].host) == status_flag_map[i].host)
			f |= status_flag_map[i].fbsd;
	if (f & FBSD_O_FSYNC)
		f &= ~FBSD_O_DSYNC; /* the O_DSYNC bit is part of Linux O_SYNC */
	return f;
}

/* *at(2) flags. */
static const struct flag_map at_flag_map[] = {
	{ FBSD_AT_EACCESS, AT_EACCESS },
	{ FBSD_AT_SYMLINK_NOFOLLOW, AT_SYMLINK_NOFOLLOW },
	{ FBSD_AT_SYMLINK_FOLLOW, AT_SYMLINK_FOLLOW },
	{ FBSD_AT_REMOVEDIR, AT_REMOVEDIR },
	{ FBSD_AT_EMPTY_PATH, AT_EMPTY_PATH },
};

/* FreeBSD rejects *at flags outside the call's own set with EINVAL. */
static int at_flags(int flag, int allowed, int *host)
{
	if (flag & ~allowed)
		return FBSD_EINVAL;
	*host = map_to_host(at_flag_map, sizeof(at_flag_map) / sizeof(at_flag_map[0]),
			    flag & ~FBSD_AT_RESOLVE_BENEATH);
	return 0;
}

/* ---------------------------------------------------------------- paths */

/* Copy a guest path string: EFAULT, or ENAMETOOLONG past MAXPATHLEN. */
static int get_str(char *dst, gaddr_t src)
{
	long n = copy_str_from_guest(dst, src, FBSD_MAXPATHLEN);

	if (n == -1)
		return FBSD_EFAULT;
	if (n < 0)
		return FBSD_ENAMETOOLONG;
	return 0;
}

static int beneath_check(int dirfd, const char *path, int follow)
{
	struct open_how how = {
		.flags = O_PATH | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW),
		.resolve = RESOLVE_BENEATH,
	};
	long fd = syscall(SYS_openat2, dirfd, path, &how, sizeof(how));

	if (fd >= 0) {
		close((int)fd);
		return 0;
	}
	if (errno == EXDEV)
		return FBSD_ENOTCAPABLE;
	if (errno == ENOENT) {
		/* the object may be about to be created: check its parent */
		char parent[FBSD_HOST_PATH_MAX];
		char *slash;

		snprintf(parent, sizeof(parent), "%s", path);
		slash = strrchr(parent, '/');
		if (!slash)
			return 0;
		if (slash == parent)
			slash[1] = 0;
		else
			*slash = 0;
		how.flags = O_PATH | O_CLOEXEC;
		fd = syscall(SYS_openat2, dirfd, parent, &how, sizeof(how));
		if (fd >= 0) {
			close((int)fd);
			return 0;
		}
		if (errno == EXDEV)
			return FBSD_ENOTCAPABLE;
		return 0; /* let the operation report its own error */
	}
	return 0;
}

int fbsd_get_path(struct fbsd_hpath *hp, int dirfd, gaddr_t gpath,
		  int resolve_beneath)
{
	char gbuf[FBSD_MAXPATHLEN];
	int err = get_str(gbuf, gpath);

	if (err)
		return err;
	hp->dirfd = dirfd;
	if (resolve_beneath) {
		/* RBENEATH: the guest's view, never the sysroot rewrite */
		if (gbuf[0] == '/')
			return FBSD_ENOTCAPABLE;
		snprintf(hp->path, sizeof(hp->path), "%s", gbuf);
		err = beneath_check(dirfd, hp->path, 0);
		if (!err && resolve_beneath > 1)
			err = beneath_check(dirfd, hp->path, 1);
		return err;
	}
	return fbsd_path_resolve(gbuf, hp->path, sizeof(hp->path));
}

/* ------------------------------------------------------- read and write */

#define FBSD_IOSIZE_MAX INT64_MAX

int fbsd_sys_read(struct fbsd_thread *td, const struct fbsd_read_args *uap)
{
	if (uap->nbyte > FBSD_IOSIZE_MAX)
		return FBSD_EINVAL;
	if (!guest_range_ok(uap->buf, uap->nbyte))
		return FBSD_EFAULT;
	/* May block (pipes, ttys): a guest signal must interrupt it. */
	return host_ret(td, fbsd_safe_syscall(SYS_read, uap->fd, (long)g2h(uap->buf),
					       (long)uap->nbyte, 0, 0, 0));
}

int fbsd_sys_write(struct fbsd_thread *td, const struct fbsd_write_args *uap)
{
	if (uap->nbyte > FBSD_IOSIZE_MAX)
		return FBSD_EINVAL;
	if (!guest_range_ok(uap->buf, uap->nbyte))
		return FBSD_EFAULT;
	return host_ret(td, fbsd_safe_syscall(SYS_write, uap->fd, (long)g2h(uap->buf),
					       (long)uap->nbyte, 0, 0, 0));
}

int fbsd_sys_pread(struct fbsd_thread *td, const struct fbsd_pread_args *uap)
{
	if (uap->nbyte > FBSD_IOSIZE_MAX)
		return FBSD_EINVAL;
	if (!guest_range_ok(uap->buf, uap->nbyte))
		return FBSD_EFAULT;
	return host_ret(td, pread(uap->fd, g2h(uap->buf), uap->nbyte, uap->offset));
}

int fbsd_sys_pwrite(struct fbsd_thread *td, const struct fbsd_pwrite_args *uap)
{
	if (uap->nbyte > FBSD_IOSIZE_MAX)
		return FBSD_EINVAL;
	if (!guest_range_ok(uap->buf, uap->nbyte))
		return FBSD_EFAULT;
	return host_ret(td, pwrite(uap->fd, g2h(uap->buf), uap->nbyte, uap->offset));
}

/* copyinuio(): more than IOV_MAX entries or a total beyond IOSIZE_MAX is
 * EINVAL, an unreadable array EFAULT.  Each buffer must lie in the guest
 * space; the host kernel answers EFAULT for its unmapped pages. */
static int get_iov(gaddr_t giov, uint32_t cnt, struct iovec *hiov)
{
	struct fbsd_iovec g[FBSD_IOV_MAX];
	uint64_t total = 0;

	if (cnt > FBSD_IOV_MAX)
		return FBSD_EINVAL;
	if (cnt && copy_from_guest(g, giov, cnt * sizeof(g[0])) < 0)
		return FBSD_EFAULT;
	for (uint32_t i = 0; i < cnt; i++) {
		if (g[i].iov_len > FBSD_IOSIZE_MAX - total)
			return FBSD_EINVAL;
		total += g[i].iov_len;
	}
	for (uint32_t i = 0; i < cnt; i++) {
		if (g[i].iov_len == 0) {
			hiov[i].iov_base = guest_base;
			hiov[i].iov_len = 0;
			continue;
		}
		if (!guest_range_ok(g[i].iov_base, g[i].iov_len))
			return FBSD_EFAULT;
		hiov[i].iov_base = g2h(g[i].iov_base);
		hiov[i].iov_len = g[i].iov_len;
	}
	return 0;
}

int fbsd_get_iov(gaddr_t giov, uint32_t cnt, struct iovec *hiov)
{
	return get_iov(giov, cnt, hiov);
}

int fbsd_sys_readv(struct fbsd_thread *td, const struct fbsd_readv_args *uap)
{
	struct iovec iov[FBSD_IOV_MAX];
	int err = get_iov(uap->iovp, uap->iovcnt, iov);

	if (err)
		return err;
	return host_ret(td, fbsd_safe_syscall(SYS_readv, uap->fd, (long)iov,
					       (long)uap->iovcnt, 0, 0, 0));
}

int fbsd_sys_writev(struct fbsd_thread *td, const struct fbsd_writev_args *uap)
{
	struct iovec iov[FBSD_IOV_MAX];
	int err = get_iov(uap->iovp, uap->iovcnt, iov);

	if (err)
		return err;
	return host_ret(td, fbsd_safe_syscall(SYS_writev, uap->fd, (long)iov,
					       (long)uap->iovcnt, 0, 0, 0));
}

int fbsd_sys_preadv(struct fbsd_thread *td, const struct fbsd_preadv_args *uap)
{
	struct iovec iov[FBSD_IOV_MAX];
	int err = get_iov(uap->iovp, uap->iovcnt, iov);

	if (err)
		return err;
	return host_ret(td, preadv(uap->fd, iov, (int)uap->iovcnt, uap->offset));
}

int fbsd_sys_pwritev(struct fbsd_thread *td, const struct fbsd_pwritev_args *uap)
{
	struct iovec iov[FBSD_IOV_MAX];
	int err = get_iov(uap->iovp, uap->iovcnt, iov);

	if (err)
		return err;
	return host_ret(td, pwritev(uap->fd, iov, (int)uap->iovcnt, uap->offset));
}

/* ----------------------------------------------------------------- open */

/* Why did an open fail: Linux says ELOOP for a final symlink refused by
 * O_NOFOLLOW, FreeBSD EMLINK; Linux ENXIO for a socket, FreeBSD
 * EOPNOTSUPP. */
static int open_errno(int host_err, const struct fbsd_hpath *hp, int flags)
{
	struct stat st;

	if (host_err == ELOOP && (flags & FBSD_O_NOFOLLOW) &&
	    fstatat(hp->dirfd, hp->path, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode))
		return FBSD_EMLINK;
	if (host_err == ENXIO &&
	    fstatat(hp->dirfd, hp->path, &st, 0) == 0 && S_ISSOCK(st.st_mode))
		return FBSD_EOPNOTSUPP;
	return fbsd_errno(host_err);
}

/* FreeBSD behaviour Linux does not have, applied to a fresh descriptor.
 * Returns 0 or a FreeBSD errno (the caller then closes FD). */
static int open_finish(int fd, int flags, int exec)
{
	int fl;

	if (exec) {
		struct stat st;

		/* vn_open_vnode(): FEXEC on a symlink is EMLINK; O_EXEC needs
		 * execute (search) permission, which O_PATH does not check. */
		if (fstat(fd, &st) == 0 && S_ISLNK(st.st_mode))
			return FBSD_EMLINK;
		if (syscall(SYS_faccessat2, fd, "", X_OK, AT_EMPTY_PATH | AT_EACCESS) < 0 &&
		    errno != ENOSYS && errno != EINVAL)
			return fbsd_errno(errno);
		return 0;
	}
	if (flags & (FBSD_O_ASYNC | FBSD_O_DIRECT)) {
		fl = fcntl(fd, F_GETFL);
		if (fl >= 0 && (flags & FBSD_O_ASYNC))
			fcntl(fd, F_SETFL, fl |= O_ASYNC);
		/* best effort: tmpfs and others refuse O_DIRECT, FreeBSD's
		 * file systems treat it as a hint */
		if (fl >= 0 && (flags & FBSD_O_DIRECT))
			fcntl(fd, F_SETFL, fl | O_DIRECT);
	}
	if (flags & (FBSD_O_EXLOCK | FBSD_O_SHLOCK)) {
		int op = (flags & FBSD_O_EXLOCK) ? LOCK_EX : LOCK_SH;

		if (flags & FBSD_O_NONBLOCK)
			op |= LOCK_NB;
		while (flock(fd, op) < 0) {
			if (errno != EINTR)
				return fbsd_errno(errno);
		}
	}
	return 0;
}

static int do_openat(struct fbsd_thread *td, int dirfd, gaddr_t gpath,
		     int flags, int mode)
{
	struct fbsd_hpath hp;
	int hflags, fd, err, exec = 0;

	/* kern_openat(): one of O_EXEC/O_RDONLY/O_WRONLY/O_RDWR; O_PATH
	 * ignores the access mode and O_CREAT. */
	if (flags & FBSD_O_PATH)
		flags &= ~(FBSD_O_CREAT | FBSD_O_ACCMODE);
	else if (flags & FBSD_O_EXEC) {
		if (flags & FBSD_O_ACCMODE)
			return FBSD_EINVAL;
		exec = 1;
	} else if ((flags & FBSD_O_ACCMODE) == FBSD_O_ACCMODE)
		return FBSD_EINVAL;
	/* vn_open_cred() */
	if ((flags & (FBSD_O_CREAT | FBSD_O_EXCL | FBSD_O_DIRECTORY)) ==
	    (FBSD_O_CREAT | FBSD_O_EXCL | FBSD_O_DIRECTORY) ||
	    (flags & (FBSD_O_CREAT | FBSD_O_EMPTY_PATH)) ==
	    (FBSD_O_CREAT | FBSD_O_EMPTY_PATH))
		return FBSD_EINVAL;

	err = fbsd_get_path(&hp, dirfd, gpath, 0);
	if (err)
		return err;

	hflags = (flags & FBSD_O_ACCMODE) |
		map_to_host(open_flag_map,
			    sizeof(open_flag_map) / sizeof(open_flag_map[0]), flags);
	/* FreeBSD never acquires a controlling terminal on open */
	hflags |= O_NOCTTY;
	/* O_CREAT|O_DIRECTORY is a plain lookup on FreeBSD, EINVAL on Linux */
	if ((flags & (FBSD_O_CREAT | FBSD_O_DIRECTORY)) ==
	    (FBSD_O_CREAT | FBSD_O_DIRECTORY))
		hflags &= ~O_CREAT;
	if (exec)
		hflags = (hflags & (O_CLOEXEC | O_DIRECTORY | O_NOFOLLOW)) | O_PATH;
	else if (flags & FBSD_O_PATH)
		hflags &= O_CLOEXEC | O_DIRECTORY | O_NOFOLLOW | O_PATH;
	mode &= FBSD_ALLPERMS & ~FBSD_S_ISTXT;  /* kern_openat's cmode */

	if ((flags & FBSD_O_EMPTY_PATH) && hp.path[0] == 0) {
		/* reopen the directory descriptor itself */
		if (dirfd == AT_FDCWD)
			snprintf(hp.path, sizeof(hp.path), ".");
		else
			snprintf(hp.path, sizeof(hp.path), "/proc/self/fd/%d", dirfd);
		hp.dirfd = AT_FDCWD;
	}

	if (flags & FBSD_O_RESOLVE_BENEATH) {
		struct open_how how = {
			.flags = (uint64_t)hflags,
			.mode = (hflags & O_CREAT) ? (uint64_t)mode : 0,
			.resolve = RESOLVE_BENEATH,
		};

		fd = (int)syscall(SYS_openat2, hp.dirfd, hp.path, &how, sizeof(how));
		if (fd < 0 && errno == EXDEV)
			return FBSD_ENOTCAPABLE;
	} else {
		fd = openat(hp.dirfd, hp.path, hflags, mode);
	}
	if (fd < 0)
		return open_errno(errno, &hp, flags);
	err = open_finish(fd, flags, exec);
	if (err) {
		close(fd);
		return err;
	}
	td->retval[0] = (uint64_t)fd;
	return 0;
}

int fbsd_sys_open(struct fbsd_thread *td, const struct fbsd_open_args *uap)
{
	return do_openat(td, AT_FDCWD, uap->path, uap->flags, uap->mode);
}

int fbsd_sys_openat(struct fbsd_thread *td, const struct fbsd_openat_args *uap)
{
	return do_openat(td, uap->fd, uap->path, uap->flag, uap->mode);
}

int fbsd_sys_close(struct fbsd_thread *td, const struct fbsd_close_args *uap)
{
	if (fbsd_hostfd_is(uap->fd))
		return FBSD_EBADF;      /* bsdemu's, not open for the guest */
	fbsd_kqueue_fd_closed(uap->fd); /* knote_fdclose(), before the host close */
	return host_ret(td, close(uap->fd));
}

int fbsd_sys_lseek(struct fbsd_thread *td, const struct fbsd_lseek_args *uap)
{
	off_t r = lseek(uap->fd, uap->offset, uap->whence);

	if (r == (off_t)-1)
		return fbsd_errno(errno);
	td->retval[0] = (uint64_t)r;
	return 0;
}

/* ------------------------------------------------------------- dup, fcntl */

int fbsd_sys_dup(struct fbsd_thread *td, const struct fbsd_dup_args *uap)
{
	return host_ret(td, dup((int)uap->fd));
}

int fbsd_sys_dup2(struct fbsd_thread *td, const struct fbsd_dup2_args *uap)
{
	/* u_int arguments: anything above INT_MAX is not a descriptor */
	if (uap->from > INT32_MAX || uap->to > INT32_MAX || fbsd_hostfd_is((int)uap->to))
		return FBSD_EBADF;
	if (uap->from != uap->to && fcntl((int)uap->from, F_GETFD) >= 0)
		fbsd_kqueue_fd_closed((int)uap->to);
	return host_ret(td, dup2((int)uap->from, (int)uap->to));
}

/* F_DUP2FD_CLOEXEC: like dup2, plus close-on-exec, also when from == to. */
static int dup2_cloexec(struct fbsd_thread *td, int from, int to)
{
	if (fbsd_hostfd_is(to))
		return FBSD_EBADF;
	if (from == to) {
		int fdf = fcntl(from, F_GETFD);

		if (fdf < 0)
			return fbsd_errno(errno);
		if (fcntl(from, F_SETFD, fdf | FD_CLOEXEC) < 0)
			return fbsd_errno(errno);
		td->retval[0] = (uint64_t)from;
		return 0;
	}
	if (fcntl(from, F_GETFD) >= 0)
		fbsd_kqueue_fd_closed(to);
	return host_ret(td, dup3(from, to, O_CLOEXEC));
}

static int lock_type_to_host(int t, short *out)
{
	switch (t) {
	case FBSD_F_RDLCK: *out = F_RDLCK; return 0;
	case FBSD_F_UNLCK: *out = F_UNLCK; return 0;
	case FBSD_F_WRLCK: *out = F_WRLCK; return 0;
	}
	return FBSD_EINVAL;
}

static int lock_type_from_host(int t)
{
	switch (t) {
	case F_RDLCK: return FBSD_F_RDLCK;
	case F_WRLCK: return FBSD_F_WRLCK;
	default: return FBSD_F_UNLCK;
	}
}

/* F_GETLK/F_SETLK/F_SETLKW, and the pre-l_sysid F_O* variants whose struct
 * is the first 24 bytes of struct flock. */
static int do_lock(struct fbsd_thread *td, int fd, int hcmd, gaddr_t arg,
		   size_t gsize)
{
	struct fbsd_flock gl = { 0 };
	struct flock hl = { 0 };
	int err;

	if (copy_from_guest(&gl, arg, gsize) < 0)
		return FBSD_EFAULT;
	err = lock_type_to_host(gl.l_type, &hl.l_type);
	if (err)
		return err;
	hl.l_whence = gl.l_whence;
	hl.l_start = gl.l_start;
	hl.l_len = gl.l_len;
	if (fcntl(fd, hcmd, &hl) < 0)
		return fbsd_errno(errno);
	if (hcmd == F_GETLK) {
		gl.l_type = (int16_t)lock_type_from_host(hl.l_type);
		gl.l_whence = hl.l_whence;
		gl.l_start = hl.l_start;
		gl.l_len = hl.l_len;
		gl.l_pid = hl.l_pid;
		gl.l_sysid = 0;
		if (copy_to_guest(arg, &gl, gsize) < 0)
			return FBSD_EFAULT;
	}
	td->retval[0] = 0;
	return 0;
}

int fbsd_sys_fcntl(struct fbsd_thread *td, const struct fbsd_fcntl_args *uap)
{
	int fd = uap->fd;
	int iarg = (int)uap->arg;
	int fl;

	switch (uap->cmd) {
	case FBSD_F_DUPFD:
		return host_ret(td, fcntl(fd, F_DUPFD, iarg));
	case FBSD_F_DUPFD_CLOEXEC:
		return host_ret(td, fcntl(fd, F_DUPFD_CLOEXEC, iarg));
	case FBSD_F_DUP2FD:
		if (fbsd_hostfd_is(iarg))
			return FBSD_EBADF;
		if (fd != iarg && fcntl(fd, F_GETFD) >= 0)
			fbsd_kqueue_fd_closed(iarg);
		return host_ret(td, dup2(fd, iarg));
	case FBSD_F_DUP2FD_CLOEXEC:
		return dup2_cloexec(td, fd, iarg);
	case FBSD_F_GETFD:
		fl = fcntl(fd, F_GETFD);
		if (fl < 0)
			return fbsd_errno(errno);
		td->retval[0] = (fl & FD_CLOEXEC) ? FBSD_FD_CLOEXEC : 0;
		return 0;
	case FBSD_F_SETFD:
		return host_ret(td, fcntl(fd, F_SETFD,
					  (iarg & FBSD_FD_CLOEXEC) ? FD_CLOEXEC : 0));
	case FBSD_F_GETFL:
		fl = fcntl(fd, F_GETFL);
		if (fl < 0)
			return fbsd_errno(errno);
		td->retval[0] = (uint32_t)fbsd_fflags_from_host(fl);
		return 0;
	case FBSD_F_SETFL: {
		/* only FCNTLFLAGS change; the rest of the argument is ignored */
		const int settable = O_APPEND | O_ASYNC | O_NONBLOCK | O_DIRECT;
		int want;

		fl = fcntl(fd, F_GETFL);
		if (fl < 0)
			return fbsd_errno(errno);
		want = (fl & ~settable) |
			(fbsd_fflags_to_host(iarg & ~FBSD_O_ACCMODE) & settable);
		if (fcntl(fd, F_SETFL, want) < 0) {
			/* O_DIRECT is a hint on FreeBSD; Linux tmpfs refuses */
			if (errno != EINVAL || !(want & O_DIRECT))
				return fbsd_errno(errno);
			if (fcntl(fd, F_SETFL, want & ~O_DIRECT) < 0)
				return fbsd_errno(errno);
		}
		td->retval[0] = 0;
		return 0;
	}
	case FBSD_F_GETOWN:
		return host_ret(td, fcntl(fd, F_GETOWN));
	case FBSD_F_SETOWN:
		return host_ret(td, fcntl(fd, F_SETOWN, iarg));
	case FBSD_F_GETLK:
		return do_lock(td, fd, F_GETLK, (gaddr_t)uap->arg, sizeof(struct fbsd_flock));
	case FBSD_F_SETLK:
		return do_lock(td, fd, F_SETLK, (gaddr_t)uap->arg, sizeof(struct fbsd_flock));
	case FBSD_F_SETLKW:
		return do_lock(td, fd, F_SETLKW, (gaddr_t)uap->arg, sizeof(struct fbsd_flock));
	case FBSD_F_OGETLK:
		return do_lock(td, fd, F_GETLK, (gaddr_t)uap->arg, 24);
	case FBSD_F_OSETLK:
		return do_lock(td, fd, F_SETLK, (gaddr_t)uap->arg, 24);
	case FBSD_F_OSETLKW:
		return do_lock(td, fd, F_SETLKW, (gaddr_t)uap->arg, 24);
	case FBSD_F_READAHEAD:
	case FBSD_F_RDAHEAD: {
		/* a read-ahead hint: the closest Linux hint is fadvise */
		int on = uap->cmd == FBSD_F_RDAHEAD ? iarg != 0 : iarg >= 0;

		if (fcntl(fd, F_GETFD) < 0)
			return fbsd_errno(errno);
		posix_fadvise(fd, 0, 0, on ? POSIX_FADV_SEQUENTIAL : POSIX_FADV_RANDOM);
		td->retval[0] = 0;
		return 0;
	}
	case FBSD_F_ADD_SEALS:
		/* F_SEAL_* bits are the same on both */
		return host_ret(td, fcntl(fd, F_ADD_SEALS, iarg));
	case FBSD_F_GET_SEALS:
		return host_ret(td, fcntl(fd, F_GET_SEALS));
	case FBSD_F_ISUNIONSTACK:
		/* there are no unionfs mounts under bsdemu */
		if (fcntl(fd, F_GETFD) < 0)
			return fbsd_errno(errno);
		td->retval[0] = 0;
		return 0;
	case FBSD_F_KINFO:
		return fbsd_fcntl_kinfo(td, fd, (gaddr_t)uap->arg);
	}
	return FBSD_EINVAL;
}

/* ---------------------------------------------------------------- pipe2 */

int fbsd_sys_pipe2(struct fbsd_thread *td, const struct fbsd_pipe2_args *uap)
{
	int fds[2], hflags = 0;

	if (uap->flags & ~(FBSD_O_CLOEXEC | FBSD_O_NONBLOCK))
		return FBSD_EINVAL;
	if (uap->flags & FBSD_O_CLOEXEC)
		hflags |= O_CLOEXEC;
	if (uap->flags & FBSD_O_NONBLOCK)
		hflags |= O_NONBLOCK;
	if (pipe2(fds, hflags) < 0)
		return fbsd_errno(errno);
	if (copy_to_guest(uap->fildes, fds, sizeof(fds)) < 0) {
		close(fds[0]);
		close(fds[1]);
		return FBSD_EFAULT;
	}
	td->retval[0] = 0;
	return 0;
}

int fbsd_sys_fsync(struct fbsd_thread *td, const struct fbsd_fsync_args *uap)
{
	return host_ret(td, fsync(uap->fd));
}

int fbsd_sys_fdatasync(struct fbsd_thread *td, const struct fbsd_fdatasync_args *uap)
{
	return host_ret(td, fdatasync(uap->fd));
}

/* --------------------------------------------------------------- access */

static int do_faccessat(struct fbsd_thread *td, int dirfd, gaddr_t gpath,
			int amode, int flag)
{
	struct fbsd_hpath hp;
	int hflag, err;

	err = at_flags(flag, FBSD_AT_EACCESS | FBSD_AT_RESOLVE_BENEATH |
		       FBSD_AT_EMPTY_PATH, &hflag);
	if (err)
		return err;
	if (amode != F_OK && (amode & ~(R_OK | W_OK | X_OK)) != 0)
		return FBSD_EINVAL;
	err = fbsd_get_path(&hp, dirfd, gpath,
			    (flag & FBSD_AT_RESOLVE_BENEATH) ? 2 : 0);
	if (err)
		return err;
	return host_ret(td, faccessat(hp.dirfd, hp.path, amode, hflag));
}

int fbsd_sys_access(struct fbsd_thread *td, const struct fbsd_access_args *uap)
{
	return do_faccessat(td, AT_FDCWD, uap->path, uap->amode, 0);
}

int fbsd_sys_eaccess(struct fbsd_thread *td, const struct fbsd_eaccess_args *uap)
{
	return do_faccessat(td, AT_FDCWD, uap->path, uap->amode, FBSD_AT_EACCESS);
}

int fbsd_sys_faccessat(struct fbsd_thread *td, const struct fbsd_faccessat_args *uap)
{
	return do_faccessat(td, uap->fd, uap->path, uap->amode, uap->flag);
}

/* ------------------------------------------------------------- readlink */

static int do_readlinkat(struct fbsd_thread *td, int dirfd, gaddr_t gpath,
			 gaddr_t buf, uint64_t count)
{
	struct fbsd_hpath hp;
	char target[PATH_MAX];
	ssize_t n;
	int err;

	if (count > FBSD_IOSIZE_MAX)
		return FBSD_EINVAL;
	err = fbsd_get_path(&hp, dirfd, gpath, 0);
	if (err)
		return err;
	n = readlinkat(hp.dirfd, hp.path, target, sizeof(target));
	if (n < 0)
		return fbsd_errno(errno);
	/* FreeBSD copies at most COUNT bytes, no NUL, and returns that */
	if ((uint64_t)n > count)
		n = (ssize_t)count;
	if (n && copy_to_guest(buf, target, (size_t)n) < 0)
		return FBSD_EFAULT;
	td->retval[0] = (uint64_t)n;
	return 0;
}

int fbsd_sys_readlink(struct fbsd_thread *td, const struct fbsd_readlink_args *uap)
{
	return do_readlinkat(td, AT_FDCWD, uap->path, uap->buf, uap->count);
}

int fbsd_sys_readlinkat(struct fbsd_thread *td, const struct fbsd_readlinkat_args *uap)
{
	return do_readlinkat(td, uap->fd, uap->path, uap->buf, uap->bufsize);
}

/* ------------------------------------------------------------ cwd, chdir */

/* __getcwd(buf, buflen) returns 0 (libc computes the length).  Below 2
 * bytes is EINVAL; a path that does not fit in min(buflen, MAXPATHLEN) is
 * ENOMEM (vn_getcwd), where Linux says ERANGE. */
int fbsd_sys___getcwd(struct fbsd_thread *td, const struct fbsd___getcwd_args *uap)
{
	char cwd[FBSD_HOST_PATH_MAX];
	uint64_t room = uap->buflen;
	size_t len;

	if (room < 2)
		return FBSD_EINVAL;
	if (room > FBSD_MAXPATHLEN)
		room = FBSD_MAXPATHLEN;
	if (!getcwd(cwd, sizeof(cwd)))
		return errno == ERANGE ? FBSD_ENOMEM : fbsd_errno(errno);
	fbsd_path_unresolve(cwd);
	len = strlen(cwd) + 1;
	if (len > room)
		return FBSD_ENOMEM;
	if (copy_to_guest(uap->buf, cwd, len) < 0)
		return FBSD_EFAULT;
	td->retval[0] = 0;
	return 0;
}

int fbsd_sys_chdir(struct fbsd_thread *td, const struct fbsd_chdir_args *uap)
{
	struct fbsd_hpath hp;
	int err = fbsd_get_path(&hp, AT_FDCWD, uap->path, 0);

	if (err)
		return err;
	return host_ret(td, chdir(hp.path));
}

int fbsd_sys_fchdir(struct fbsd_thread *td, const struct fbsd_fchdir_args *uap)
{
	return host_ret(td, fchdir(uap->fd));
}

/* ------------------------------------------------------ names and links */

static int do_unlinkat(struct fbsd_thread *td, int dirfd, gaddr_t gpath, int flag)
{
	struct fbsd_hpath hp;
	int hflag, err;

	err = at_flags(flag, FBSD_AT_REMOVEDIR | FBSD_AT_RESOLVE_BENEATH, &hflag);
	if (err)
		return err;
	err = fbsd_get_path(&hp, dirfd, gpath, (flag & FBSD_AT_RESOLVE_BENEATH) != 0);
	if (err)
		return err;
	if (unlinkat(hp.dirfd, hp.path, hflag) < 0) {
		/* kern_funlinkat(): unlinking a directory is EPERM */
		if (errno == EISDIR && !(hflag & AT_REMOVEDIR))
			return FBSD_EPERM;
		return fbsd_errno(errno);
	}
	td->retval[0] = 0;
	return 0;
}

int fbsd_sys_unlink(struct fbsd_thread *td, const struct fbsd_unlink_args *uap)
{
	return do_unlinkat(td, AT_FDCWD, uap->path, 0);
}

int fbsd_sys_unlinkat(struct fbsd_thread *td, const struct fbsd_unlinkat_args *uap)
{
	return do_unlinkat(td, uap->fd, uap->path, uap->flag);
}

int fbsd_sys_rmdir(struct fbsd_thread *td, const struct fbsd_rmdir_args *uap)
{
	return do_unlinkat(td, AT_FDCWD, uap->path, FBSD_AT_REMOVEDIR);
}

static int do_mkdirat(struct fbsd_thread *td, int dirfd, gaddr_t gpath, int mode)
{
	struct fbsd_hpath hp;
	int err = fbsd_get_path(&hp, dirfd, gpath, 0);

	if (err)
		return err;
	/* kern_mkdirat(): mode & ACCESSPERMS, no set-id or sticky bits */
	return host_ret(td, mkdirat(hp.dirfd, hp.path, mode & 0777));
}

int fbsd_sys_mkdir(struct fbsd_thread *td, const struct fbsd_mkdir_args *uap)
{
	return do_mkdirat(td, AT_FDCWD, uap->path, uap->mode);
}

int fbsd_sys_mkdirat(struct fbsd_thread *td, const struct fbsd_mkdirat_args *uap)
{
	return do_mkdirat(td, uap->fd, uap->path, uap->mode);
}

static int do_renameat(struct fbsd_thread *td, int ofd, gaddr_t from, int nfd,
		       gaddr_t to)
{
	struct fbsd_hpath a, b;
	int err;

	if ((err = fbsd_get_path(&a, ofd, from, 0)) != 0)
		return err;
	if ((err = fbsd_get_path(&b, nfd, to, 0)) != 0)
		return err;
	return host_ret(td, renameat(a.dirfd, a.path, b.dirfd, b.path));
}

int fbsd_sys_rename(struct fbsd_thread *td, const struct fbsd_rename_args *uap)
{
	return do_renameat(td, AT_FDCWD, uap->from, AT_FDCWD, uap->to);
}

int fbsd_sys_renameat(struct fbsd_thread *td, const struct fbsd_renameat_args *uap)
{
	return do_renameat(td, uap->oldfd, uap->old, uap->newfd, uap->new);
}

/* The link target is stored verbatim: only the new name is resolved. */
static int do_symlinkat(struct fbsd_thread *td, gaddr_t target, int dirfd,
			gaddr_t gpath)
{
	char tbuf[FBSD_MAXPATHLEN];
	struct fbsd_hpath hp;
	int err;

	if ((err = get_str(tbuf, target)) != 0)
		return err;
	if ((err = fbsd_get_path(&hp, dirfd, gpath, 0)) != 0)
		return err;
	return host_ret(td, symlinkat(tbuf, hp.dirfd, hp.path));
}

int fbsd_sys_symlink(struct fbsd_thread *td, const struct fbsd_symlink_args *uap)
{
	return do_symlinkat(td, uap->path, AT_FDCWD, uap->link);
}

int fbsd_sys_symlinkat(struct fbsd_thread *td, const struct fbsd_symlinkat_args *uap)
{
	return do_symlinkat(td, uap->path1, uap->fd, uap->path2);
}

static int do_linkat(struct fbsd_thread *td, int fd1, gaddr_t path1, int fd2,
		     gaddr_t path2, int flag)
{
	struct fbsd_hpath a, b;
	int hflag, err;

	err = at_flags(flag, FBSD_AT_SYMLINK_FOLLOW | FBSD_AT_RESOLVE_BENEATH |
		       FBSD_AT_EMPTY_PATH, &hflag);
	if (err)
		return err;
	if ((err = fbsd_get_path(&a, fd1, path1,
				 (flag & FBSD_AT_RESOLVE_BENEATH) ? 1 : 0)) != 0)
		return err;
	if ((err = fbsd_get_path(&b, fd2, path2,
				 (flag & FBSD_AT_RESOLVE_BENEATH) ? 1 : 0)) != 0)
		return err;
	return host_ret(td, linkat(a.dirfd, a.path, b.dirfd, b.path, hflag));
}

/* FreeBSD's link(2) follows a symlink given as the existing name (Linux's
 * does not). */
int fbsd_sys_link(struct fbsd_thread *td, const struct fbsd_link_args *uap)
{
	return do_linkat(td, AT_FDCWD, uap->path, AT_FDCWD, uap->link,
			 FBSD_AT_SYMLINK_FOLLOW);
}

int fbsd_sys_linkat(struct fbsd_thread *td, const struct fbsd_linkat_args *uap)
{
	return do_linkat(td, uap->fd1, uap->path1, uap->fd2, uap->path2, uap->flag);
}

/* ---------------------------------------------------------- chmod, umask */

static int do_fchmodat(struct fbsd_thread *td, int dirfd, gaddr_t gpath,
		       int mode, int flag)
{
	struct fbsd_hpath hp;
	int hflag, err;

	err = at_flags(flag, FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
		       FBSD_AT_EMPTY_PATH, &hflag);
	if (err)
		return err;
	err = fbsd_get_path(&hp, dirfd, gpath, (flag & FBSD_AT_RESOLVE_BENEATH)
			    ? ((flag & FBSD_AT_SYMLINK_NOFOLLOW) ? 1 : 2) : 0);
	if (err)
		return err;
	mode &= FBSD_ALLPERMS;
	if (hp.path[0] == 0 && (flag & FBSD_AT_EMPTY_PATH)) {
		char proc[64];

		/* the descriptor itself; an O_PATH one through /proc */
		if (dirfd == AT_FDCWD)
			return host_ret(td, chmod(".", (mode_t)mode));
		if (fchmod(dirfd, (mode_t)mode) == 0) {
			td->retval[0] = 0;
			return 0;
		}
		if (errno != EBADF)
			return fbsd_errno(errno);
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d", dirfd);
		return host_ret(td, chmod(proc, (mode_t)mode));
	}
	hflag &= ~AT_EMPTY_PATH;
	return host_ret(td, fchmodat(hp.dirfd, hp.path, (mode_t)mode, hflag));
}

int fbsd_sys_chmod(struct fbsd_thread *td, const struct fbsd_chmod_args *uap)
{
	return do_fchmodat(td, AT_FDCWD, uap->path, uap->mode, 0);
}

int fbsd_sys_fchmodat(struct fbsd_thread *td, const struct fbsd_fchmodat_args *uap)
{
	return do_fchmodat(td, uap->fd, uap->path, uap->mode, uap->flag);
}

/* lchmod(274): FreeBSD changes the mode of a symlink itself.  Linux keeps
 * no mode on symlinks: fchmodat(AT_SYMLINK_NOFOLLOW) changes other files
 * and answers EOPNOTSUPP for a symlink, and so does lchmod here (as
 * fchmodat with AT_SYMLINK_NOFOLLOW above). */
int fbsd_sys_lchmod(struct fbsd_thread *td, const struct fbsd_lchmod_args *uap)
{
	return do_fchmodat(td, AT_FDCWD, uap->path, uap->mode, FBSD_AT_SYMLINK_NOFOLLOW);
}

int fbsd_sys_fchmod(struct fbsd_thread *td, const struct fbsd_fchmod_args *uap)
{
	return host_ret(td, fchmod(uap->fd, uap->mode & FBSD_ALLPERMS));
}

int fbsd_sys_umask(struct fbsd_thread *td, const struct fbsd_umask_args *uap)
{
	td->retval[0] = umask(uap->newmask & 0777);
	return 0;
}
