/* Descriptor and file-content calls: close_range (575), freebsd12_closefrom
 * (509), flock (131), copy_file_range (569), posix_fallocate (530),
 * posix_fadvise (531), truncate (479), ftruncate (480), __realpathat (574)
 * and funlinkat (568).
 *
 * Semantics after sys/kern/kern_descrip.c, vfs_syscalls.c, kern_lockf.c
 * and vfs_cache.c:
 *  - close_range: flags other than CLOSE_RANGE_CLOEXEC are EINVAL, and so
 *    is highfd < lowfd; closefrom(n) is close_range(max(n, 0), ~0U).
 *    bsdemu's own descriptors (hostfd.h: the log, kqueue helpers) are
 *    passed over.
 *  - flock: LOCK_UN over LOCK_EX over LOCK_SH; none of them is EBADF
 *    (sys_flock); a pipe or socket is EOPNOTSUPP.  A blocking lock waits
 *    through fbsd_safe_syscall so that signals interrupt it.
 *  - posix_fallocate and posix_fadvise return the error number as their
 *    value with the carry clear (kern_posix_error()), and check in
 *    FreeBSD's order: arguments (EINVAL, EFBIG for a wrapping range),
 *    descriptor (EBADF), pipe (ESPIPE), not a regular file (ENODEV).
 *  - copy_file_range: flags must be 0; where the host refuses to copy
 *    between two file systems (EXDEV), the bytes are copied here, as
 *    FreeBSD's generic vn_generic_copy_file_range() does.
 *  - __realpathat: flags must be 0; the resolved path (in the guest's view
 *    of the sysroot) must fit in SIZE (capped at MAXPATHLEN), else ENOMEM
 *    as vn_fullpath_hardlink() says.
 *  - fcntl(F_KINFO) (called from file.c): struct kinfo_file for one
 *    descriptor: type, flags, offset, the vnode fields and kf_path. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "fbsd_types.h"
#include "file.h"
#include "hostfd.h"
#include "kqueue.h"
#include "log.h"
#include "path.h"
#include "signal.h"
#include "syscall.h"

#define FBSD_CLOSE_RANGE_CLOEXEC (1 << 2)
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
#define FBSD_LOCK_SH 0x01
#define FBSD_LOCK_EX 0x02
#define FBSD_LOCK_NB 0x04
#define FBSD_LOCK_UN 0x08
#define FBSD_OFF_MAX INT64_MAX

/* ---------------------------------------------------------- close_range */

static int host_close_range(unsigned lo, unsigned hi, unsigned hflags)
{
	if (lo > hi)
		return 0;
	if (!(hflags & CLOSE_RANGE_CLOEXEC))
		fbsd_kqueue_fds_closed(lo, hi);   /* knote_fdclose() */
	if (syscall(SYS_close_range, lo, hi, hflags) < 0)
		return fbsd_errno(errno);
	return 0;
}

static int do_close_range(struct fbsd_thread *td, unsigned lo, unsigned hi, int flags)
{
	unsigned hflags = 0;
	int err = 0;

	if (flags & ~FBSD_CLOSE_RANGE_CLOEXEC)
		return FBSD_EINVAL;
	if (hi < lo)
		return FBSD_EINVAL;
	if (flags & FBSD_CLOSE_RANGE_CLOEXEC)
		hflags |= CLOSE_RANGE_CLOEXEC;
	/* the pieces between bsdemu's own descriptors (hostfd.h) */
	for (;;) {
		int own = fbsd_hostfd_next(lo, hi);

		if (own < 0) {
			err = host_close_range(lo, hi, hflags);
			break;
		}
		if ((unsigned)own > lo)
			err = host_close_range(lo, (unsigned)own - 1, hflags);
		if (err || (unsigned)own >= hi)
			break;
		lo = (unsigned)own + 1;
	}
	if (!err)
		td->retval[0] = 0;
	return err;
}

int fbsd_sys_close_range(struct fbsd_thread *td, const struct fbsd_close_range_args *uap)
{
	return do_close_range(td, uap->lowfd, uap->highfd, uap->flags);
}

int fbsd_sys_freebsd12_closefrom(struct fbsd_thread *td,
				 const struct fbsd_freebsd12_closefrom_args *uap)
{
	return do_close_range(td, uap->lowfd < 0 ? 0 : (unsigned)uap->lowfd, ~0U, 0);
}

/* ---------------------------------------------------------------- flock */

/* A pipe from pipe(2), not a named FIFO. */
static int is_pipe(int fd, const struct stat *st)
{
	char proc[64], link[16];
	ssize_t n;

	if (!S_ISFIFO(st->st_mode))
		return 0;
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	n = readlink(proc, link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	return strncmp(link, "pipe:", 5) == 0;
}

int fbsd_sys_flock(struct fbsd_thread *td, const struct fbsd_flock_args *uap)
{
	struct stat st;
	int op;

	if (fstat(uap->fd, &st) < 0)
		return fbsd_errno(errno);
	if (S_ISSOCK(st.st_mode) || is_pipe(uap->fd, &st))
		return FBSD_EOPNOTSUPP;
	if (uap->how & FBSD_LOCK_UN)
		op = LOCK_UN;
	else if (uap->how & FBSD_LOCK_EX)
		op = LOCK_EX;
	else if (uap->how & FBSD_LOCK_SH)
		op = LOCK_SH;
	else
		return FBSD_EBADF;
	if (uap->how & FBSD_LOCK_NB)
		op |= LOCK_NB;
	return host_ret(td, fbsd_safe_syscall(SYS_flock, uap->fd, op, 0, 0, 0, 0));
}

/* ------------------------------------------------------ copy_file_range */

/* Copy by hand: at most LEN bytes, in chunks; stops at EOF. */
static long copy_by_hand(int in, loff_t *inoff, int out, loff_t *outoff, size_t len)
{
	char *buf = malloc(65536);
	long total = 0;

	if (!buf) {
		errno = ENOMEM;
		return -1;
	}
	while (len > 0) {
		size_t chunk = len < 65536 ? len : 65536;
		ssize_t r = inoff ? pread(in, buf, chunk, *inoff) : read(in, buf, chunk);
		ssize_t w;

		if (r <= 0) {
			if (r < 0 && total == 0)
				total = -1;
			break;
		}
		w = outoff ? pwrite(out, buf, (size_t)r, *outoff) : write(out, buf, (size_t)r);
		if (w < 0) {
			if (total == 0)
				total = -1;
			break;
		}
		if (inoff)
			*inoff += w;
		else if (w < r)
			lseek(in, w - r, SEEK_CUR);
		if (outoff)
			*outoff += w;
		total += w;
		len -= (size_t)w;
		if (w < r)
			break;
	}
	free(buf);
	return total;
}

int fbsd_sys_copy_file_range(struct fbsd_thread *td,
			     const struct fbsd_copy_file_range_args *uap)
{
	int64_t gin, gout;
	loff_t hin, hout, *pin = NULL, *pout = NULL;
	size_t len = uap->len > SSIZE_MAX ? SSIZE_MAX : (size_t)uap->len;
	long r;

	if (uap->flags != 0)
		return FBSD_EINVAL;
	if (uap->inoffp) {
		if (copy_from_guest(&gin, uap->inoffp, sizeof(gin)) < 0)
			return FBSD_EFAULT;
		if (gin < 0)
			return FBSD_EINVAL;
		hin = gin;
		pin = &hin;
	}
	if (uap->outoffp) {
		if (copy_from_guest(&gout, uap->outoffp, sizeof(gout)) < 0)
			return FBSD_EFAULT;
		if (gout < 0)
			return FBSD_EINVAL;
		hout = gout;
		pout = &hout;
	}
	r = syscall(SYS_copy_file_range, uap->infd, pin, uap->outfd, pout, len, 0);
	if (r < 0 && (errno == EXDEV || errno == EOPNOTSUPP || errno == ENOSYS))
		r = copy_by_hand(uap->infd, pin, uap->outfd, pout,
				 len < (1 << 20) ? len : (1 << 20));
	if (r < 0)
		return fbsd_errno(errno);
	if (pin) {
		gin = hin;
		if (copy_to_guest(uap->inoffp, &gin, sizeof(gin)) < 0)
			return FBSD_EFAULT;
	}
	if (pout) {
		gout = hout;
		if (copy_to_guest(uap->outoffp, &gout, sizeof(gout)) < 0)
			return FBSD_EFAULT;
	}
	td->retval[0] = (uint64_t)r;
	return 0;
}

/* ------------------------------------------------ posix_fallocate/fadvise */

/* kern_posix_error(): the error is the return value, carry clear. */
static int posix_error(struct fbsd_thread *td, int err)
{
	td->retval[0] = (uint64_t)err;
	return 0;
}

/* The descriptor checks both calls share: EBADF, ESPIPE, ENODEV. */
static int check_regular(int fd, int need_write)
{
	struct stat st;
	int fl;

	if (fstat(fd, &st) < 0)
		return fbsd_errno(errno);
	if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
		return FBSD_ESPIPE;
	fl = fcntl(fd, F_GETFL);
	if (fl < 0)
		return fbsd_errno(errno);
	if (fl & O_PATH)
		return FBSD_EBADF;
	if (need_write && (fl & O_ACCMODE) == O_RDONLY)
		return FBSD_EBADF;
	if (!S_ISREG(st.st_mode))
		return FBSD_ENODEV;
	return 0;
}

int fbsd_sys_posix_fallocate(struct fbsd_thread *td,
			     const struct fbsd_posix_fallocate_args *uap)
{
	int err;

	if (uap->offset < 0 || uap->len <= 0)
		return posix_error(td, FBSD_EINVAL);
	if (uap->offset > FBSD_OFF_MAX - uap->len)
		return posix_error(td, FBSD_EFBIG);
	err = check_regular(uap->fd, 1);
	if (err)
		return posix_error(td, err);
	if (fallocate(uap->fd, 0, uap->offset, uap->len) == 0)
		return posix_error(td, 0);
	if (errno == EOPNOTSUPP) {
		/* a file system without preallocation: FreeBSD's
		 * vop_stdallocate() writes zeroes; extending the size gives
		 * the same contents */
		struct stat st;

		if (fstat(uap->fd, &st) == 0 && st.st_size >= uap->offset + uap->len)
			return posix_error(td, 0);
		if (ftruncate(uap->fd, uap->offset + uap->len) == 0)
			return posix_error(td, 0);
	}
	return posix_error(td, fbsd_errno(errno));
}

/* POSIX_FADV_* (sys/sys/fcntl.h) */
static const int fadvise_map[] = {
	[0] = POSIX_FADV_NORMAL, [1] = POSIX_FADV_RANDOM,
	[2] = POSIX_FADV_SEQUENTIAL, [3] = POSIX_FADV_WILLNEED,
	[4] = POSIX_FADV_DONTNEED, [5] = POSIX_FADV_NOREUSE,
};

int fbsd_sys_posix_fadvise(struct fbsd_thread *td,
			   const struct fbsd_posix_fadvise_args *uap)
{
	int err;

	if (uap->offset < 0 || uap->len < 0 || uap->offset > FBSD_OFF_MAX - uap->len)
		return posix_error(td, FBSD_EINVAL);
	if (uap->advice < 0 || uap->advice >= (int)(sizeof(fadvise_map) / sizeof(fadvise_map[0])))
		return posix_error(td, FBSD_EINVAL);
	err = check_regular(uap->fd, 0);
	if (err)
		return posix_error(td, err);
	err = posix_fadvise(uap->fd, uap->offset, uap->len, fadvise_map[uap->advice]);
	return posix_error(td, err ? fbsd_errno(err) : 0);
}

/* ------------------------------------------------------------- truncate */

int fbsd_sys_truncate(struct fbsd_thread *td, const struct fbsd_truncate_args *uap)
{
	struct fbsd_hpath hp;
	int err;

	if (uap->length < 0)
		return FBSD_EINVAL;
	err = fbsd_get_path(&hp, FBSD_AT_FDCWD, uap->path, 0);
	if (err)
		return err;
	return host_ret(td, truncate(hp.path, uap->length));
}

int fbsd_sys_ftruncate(struct fbsd_thread *td, const struct fbsd_ftruncate_args *uap)
{
	if (uap->length < 0)
		return FBSD_EINVAL;
	return host_ret(td, ftruncate(uap->fd, uap->length));
}

/* ---------------------------------------------------------- realpathat */

int fbsd_sys___realpathat(struct fbsd_thread *td,
			  const struct fbsd___realpathat_args *uap)
{
	struct fbsd_hpath hp;
	char proc[64], real[FBSD_HOST_PATH_MAX];
	uint64_t size = uap->size;
	ssize_t n;
	int fd, err;

	if (uap->flags != 0)
		return FBSD_EINVAL;
	if (size > FBSD_MAXPATHLEN)
		size = FBSD_MAXPATHLEN;
	err = fbsd_get_path(&hp, uap->fd, uap->path, 0);
	if (err)
		return err;
	fd = openat(hp.dirfd, hp.path, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return fbsd_errno(errno);
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	n = readlink(proc, real, sizeof(real) - 1);
	err = n < 0 ? fbsd_errno(errno) : 0;
	close(fd);
	if (err)
		return err;
	real[n] = 0;
	fbsd_path_unresolve(real);
	n = (ssize_t)strlen(real);
	if ((uint64_t)n + 1 > size)
		return FBSD_ENOMEM;
	if (copy_to_guest(uap->buf, real, (size_t)n + 1) < 0)
		return FBSD_EFAULT;
	td->retval[0] = 0;
	return 0;
}

/* ------------------------------------------------------------ funlinkat */

/* funlinkat(dfd, path, fd, flag): unlink only if PATH still names the file
 * open as FD (EDEADLK otherwise; FD_NONE -1 skips the check). */
int fbsd_sys_funlinkat(struct fbsd_thread *td, const struct fbsd_funlinkat_args *uap)
{
	struct fbsd_hpath hp;
	struct stat a, b;
	int hflag = 0, err;

	if (uap->flag & ~(FBSD_AT_REMOVEDIR | FBSD_AT_RESOLVE_BENEATH))
		return FBSD_EINVAL;
	if (uap->flag & FBSD_AT_REMOVEDIR)
		hflag = AT_REMOVEDIR;
	err = fbsd_get_path(&hp, uap->dfd, uap->path,
			    (uap->flag & FBSD_AT_RESOLVE_BENEATH) != 0);
	if (err)
		return err;
	if (uap->fd != -1) {
		if (fstat(uap->fd, &a) < 0)
			return fbsd_errno(errno);
		if (fstatat(hp.dirfd, hp.path, &b, AT_SYMLINK_NOFOLLOW) < 0)
			return fbsd_errno(errno);
		if (a.st_dev != b.st_dev || a.st_ino != b.st_ino)
			return FBSD_EDEADLK;
	}
	if (unlinkat(hp.dirfd, hp.path, hflag) < 0) {
		if (errno == EISDIR && !hflag)
			return FBSD_EPERM;
		return fbsd_errno(errno);
	}
	td->retval[0] = 0;
	return 0;
}

/* ------------------------------------------------------------- F_KINFO */

/* FreeBSD makedev() of a Linux dev_t (as stat.c encodes st_dev). */
static uint64_t fbsd_dev(dev_t d)
{
	uint32_t x = major(d), y = minor(d);

	return ((uint64_t)(x & 0xffffff00) << 32) | ((x & 0xff) << 8) |
		((uint64_t)(y & 0xff00) << 24) | (y & 0xffff00ff);
}

static int vtype(mode_t m)
{
	switch (m & S_IFMT) {
	case S_IFREG: return FBSD_KF_VTYPE_VREG;
	case S_IFDIR: return FBSD_KF_VTYPE_VDIR;
	case S_IFBLK: return FBSD_KF_VTYPE_VBLK;
	case S_IFCHR: return FBSD_KF_VTYPE_VCHR;
	case S_IFLNK: return FBSD_KF_VTYPE_VLNK;
	case S_IFSOCK: return FBSD_KF_VTYPE_VSOCK;
	case S_IFIFO: return FBSD_KF_VTYPE_VFIFO;
	}
	return FBSD_KF_VTYPE_VNON;
}

int fbsd_fcntl_kinfo(struct fbsd_thread *td, int fd, gaddr_t arg)
{
	struct fbsd_kinfo_file *k;
	struct stat st;
	char proc[64], link[PATH_MAX];
	int32_t size;
	ssize_t n;
	off_t off;
	int fl;

	if (copy_from_guest(&size, arg, sizeof(size)) < 0)
		return FBSD_EFAULT;
	if (size != (int32_t)sizeof(*k))
		return FBSD_EINVAL;
	fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fstat(fd, &st) < 0)
		return fbsd_errno(errno);
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	n = readlink(proc, link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	k = calloc(1, sizeof(*k));
	if (!k)
		return FBSD_ENOMEM;
	k->kf_structsize = (int32_t)sizeof(*k);
	k->kf_fd = fd;
	k->kf_ref_count = 1;
	if (!(fl & O_PATH)) {
		if ((fl & O_ACCMODE) != O_WRONLY)
			k->kf_flags |= FBSD_KF_FLAG_READ;
		if ((fl & O_ACCMODE) != O_RDONLY)
			k->kf_flags |= FBSD_KF_FLAG_WRITE;
	}
	if (fl & O_APPEND)
		k->kf_flags |= FBSD_KF_FLAG_APPEND;
	if (fl & O_ASYNC)
		k->kf_flags |= FBSD_KF_FLAG_ASYNC;
	if ((fl & O_SYNC) == O_SYNC)
		k->kf_flags |= FBSD_KF_FLAG_FSYNC;
	if (fl & O_NONBLOCK)
		k->kf_flags |= FBSD_KF_FLAG_NONBLOCK;
	if (fl & O_DIRECT)
		k->kf_flags |= FBSD_KF_FLAG_DIRECT;
	off = lseek(fd, 0, SEEK_CUR);
	k->kf_offset = off < 0 ? 0 : off;
	if (S_ISSOCK(st.st_mode)) {
		k->kf_type = FBSD_KF_TYPE_SOCKET;
	} else if (!strncmp(link, "pipe:", 5)) {
		k->kf_type = FBSD_KF_TYPE_PIPE;
	} else if (!strncmp(link, "anon_inode:", 11)) {
		k->kf_type = strstr(link, "eventfd") ? FBSD_KF_TYPE_EVENTFD :
			strstr(link, "timerfd") ? FBSD_KF_TYPE_TIMERFD :
			strstr(link, "eventpoll") ? FBSD_KF_TYPE_KQUEUE :
			FBSD_KF_TYPE_UNKNOWN;
	} else {
		/* a vnode: its path (none once unlinked, as vn_fullpath) */
		size_t l = strlen(link);
		const char *del = " (deleted)";

		k->kf_type = S_ISFIFO(st.st_mode) ? FBSD_KF_TYPE_FIFO : FBSD_KF_TYPE_VNODE;
		if (l < strlen(del) || strcmp(link + l - strlen(del), del) != 0) {
			fbsd_path_unresolve(link);
			snprintf(k->kf_path, sizeof(k->kf_path), "%.1023s", link);
		}
		k->kf_un.kf_file.kf_file_type = vtype(st.st_mode);
		k->kf_un.kf_file.kf_file_nlink = st.st_nlink;
		k->kf_un.kf_file.kf_file_fsid = fbsd_dev(st.st_dev);
		k->kf_un.kf_file.kf_file_rdev = fbsd_dev(st.st_rdev);
		k->kf_un.kf_file.kf_file_fileid = st.st_ino;
		k->kf_un.kf_file.kf_file_size = (uint64_t)st.st_size;
		k->kf_un.kf_file.kf_file_fsid_freebsd11 = (uint32_t)fbsd_dev(st.st_dev);
		k->kf_un.kf_file.kf_file_rdev_freebsd11 = (uint32_t)fbsd_dev(st.st_rdev);
		k->kf_un.kf_file.kf_file_mode = (uint16_t)st.st_mode;
	}
	k->kf_status = FBSD_KF_ATTR_VALID;
	/* no capability rights: cap_rights_init_zero() leaves the version
	 * and per-word index bits (CAPRIGHT(0, 0), CAPRIGHT(1, 0)) */
	k->kf_cap_rights[0] = 1ULL << 57;
	k->kf_cap_rights[1] = 1ULL << 58;
	n = copy_to_guest(arg, k, sizeof(*k));
	free(k);
	if (n < 0)
		return FBSD_EFAULT;
	td->retval[0] = 0;
	return 0;
}
