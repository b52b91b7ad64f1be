/* File attributes: owners (chown 16, fchown 123, lchown 254, fchownat 491),
 * times (utimes 138, futimes 206, lutimes 276, futimesat 494, futimens 546,
 * utimensat 547), file flags (chflags 34, fchflags 35, lchflags 391,
 * chflagsat 540), extended attributes (extattr_{get,set,delete}_{file,fd,
 * link}, extattr_list_{file,fd,link}), pathconf (191, 192, 513), and the
 * special files (mkfifo 132, mkfifoat 497, mknodat 559 and the COMPAT11
 * freebsd11_mknod 14 / freebsd11_mknodat 498).
 *
 * Translations, after sys/kern/vfs_syscalls.c and vfs_extattr.c:
 *  - utimensat: FreeBSD's UTIME_NOW -1 / UTIME_OMIT -2 become Linux's;
 *    any other tv_nsec outside [0, 1e9) is EINVAL (Linux would take its
 *    own special values).  utimes-style timevals need tv_usec in
 *    [0, 1e6), else EINVAL (getutimes()).
 *  - chflags: only what Linux inode attributes can hold: UF_NODUMP <->
 *    FS_NODUMP_FL (chattr +d, owner may set), UF/SF_IMMUTABLE <->
 *    FS_IMMUTABLE_FL and UF/SF_APPEND <-> FS_APPEND_FL (chattr +i/+a,
 *    privileged on Linux: only as root).  Any other requested flag is
 *    EOPNOTSUPP, nothing changed: a flag is never claimed that is not set.
 *    SF_* flags from a non-root process are EPERM, as on FreeBSD.
 *  - extattr: EXTATTR_NAMESPACE_USER (1) is the Linux "user." namespace,
 *    EXTATTR_NAMESPACE_SYSTEM (2) "trusted." (root only; EPERM otherwise).
 *    Lists are FreeBSD's: a length byte then the name without prefix or
 *    NUL.  A get into a short buffer copies what fits (ufs behaviour).
 *  - pathconf: FreeBSD's _PC_* numbers and values (ufs_pathconf /
 *    vop_stdpathconf), with the file system's numbers from the host.
 *  - mknodat: FreeBSD's dev_t encoding decoded to Linux makedev(); only
 *    S_IFCHR/S_IFBLK (privileged), S_IFIFO with dev 0 (a mkfifo) and
 *    S_IFWHT (not on Linux: EOPNOTSUPP for root) are accepted, anything
 *    else is EINVAL (kern_mknodat). */
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "fbsd_proc_types.h"
#include "fbsd_types.h"
#include "file.h"
#include "syscall.h"

/* The *at flags these calls accept (kern_fchownat, kern_utimensat,
 * kern_chflagsat). */
#define AT_ALLOWED (FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH | \
		    FBSD_AT_EMPTY_PATH)

/* Resolve DIRFD + GPATH with FreeBSD *at FLAG; *HFLAGS gets the host's
 * AT_SYMLINK_NOFOLLOW / AT_EMPTY_PATH. */
static int at_path(struct fbsd_hpath *hp, int dirfd, gaddr_t gpath, int flag,
		   int *hflags)
{
	if (flag & ~AT_ALLOWED)
		return FBSD_EINVAL;
	*hflags = ((flag & FBSD_AT_SYMLINK_NOFOLLOW) ? AT_SYMLINK_NOFOLLOW : 0) |
		((flag & FBSD_AT_EMPTY_PATH) ? AT_EMPTY_PATH : 0);
	return fbsd_get_path(hp, dirfd, gpath, (flag & FBSD_AT_RESOLVE_BENEATH)
			     ? ((flag & FBSD_AT_SYMLINK_NOFOLLOW) ? 1 : 2) : 0);
}

/* ---------------------------------------------------------------- chown */

static int do_fchownat(struct fbsd_thread *td, int dirfd, gaddr_t gpath,
		       uint32_t uid, uint32_t gid, int flag)
{
	struct fbsd_hpath hp;
	int hflags, err = at_path(&hp, dirfd, gpath, flag, &hflags);

	if (err)
		return err;
	return host_ret(td, fchownat(hp.dirfd, hp.path, uid, gid, hflags));
}

int fbsd_sys_chown(struct fbsd_thread *td, const struct fbsd_chown_args *uap)
{
	return do_fchownat(td, FBSD_AT_FDCWD, uap->path, (uint32_t)uap->uid,
			   (uint32_t)uap->gid, 0);
}

int fbsd_sys_lchown(struct fbsd_thread *td, const struct fbsd_lchown_args *uap)
{
	return do_fchownat(td, FBSD_AT_FDCWD, uap->path, (uint32_t)uap->uid,
			   (uint32_t)uap->gid, FBSD_AT_SYMLINK_NOFOLLOW);
}

int fbsd_sys_fchownat(struct fbsd_thread *td, const struct fbsd_fchownat_args *uap)
{
	return do_fchownat(td, uap->fd, uap->path, uap->uid, uap->gid, uap->flag);
}

int fbsd_sys_fchown(struct fbsd_thread *td, const struct fbsd_fchown_args *uap)
{
	return host_ret(td, fchown(uap->fd, (uid_t)uap->uid, (gid_t)uap->gid));
}

/* ---------------------------------------------------------------- times */

/* Two FreeBSD timespecs at TP (0: both "now") -> host array; *OUT is NULL
 * for "now". */
static int get_timespecs(gaddr_t tp, struct timespec ts[2], struct timespec **out)
{
	struct fbsd_timespec g[2];

	*out = NULL;
	if (!tp)
		return 0;
	if (copy_from_guest(g, tp, sizeof(g)) < 0)
		return FBSD_EFAULT;
	for (int i = 0; i < 2; i++) {
		ts[i].tv_sec = g[i].tv_sec;
		if (g[i].tv_nsec == FBSD_UTIME_NOW)
			ts[i].tv_nsec = UTIME_NOW;
		else if (g[i].tv_nsec == FBSD_UTIME_OMIT)
			ts[i].tv_nsec = UTIME_OMIT;
		else if (g[i].tv_nsec < 0 || g[i].tv_nsec >= 1000000000)
			return FBSD_EINVAL;
		else
			ts[i].tv_nsec = g[i].tv_nsec;
	}
	*out = ts;
	return 0;
}

/* Two FreeBSD timevals at TP (0: both "now"). */
static int get_timevals(gaddr_t tp, struct timespec ts[2], struct timespec **out)
{
	struct fbsd_timeval g[2];

	*out = NULL;
	if (!tp)
		return 0;
	if (copy_from_guest(g, tp, sizeof(g)) < 0)
		return FBSD_EFAULT;
	for (int i = 0; i < 2; i++) {
		if (g[i].tv_usec < 0 || g[i].tv_usec >= 1000000)
			return FBSD_EINVAL;
		ts[i].tv_sec = g[i].tv_sec;
		ts[i].tv_nsec = g[i].tv_usec * 1000;
	}
	*out = ts;
	return 0;
}

static int utimens_at(struct fbsd_thread *td, int dirfd, gaddr_t gpath, int flag,
		      const struct timespec *ts)
{
	struct fbsd_hpath hp;
	int hflags, err = at_path(&hp, dirfd, gpath, flag, &hflags);

	if (err)
		return err;
	if (hp.path[0] == 0 && (hflags & AT_EMPTY_PATH)) {
		if (hp.dirfd == FBSD_AT_FDCWD)
			return host_ret(td, utimensat(AT_FDCWD, ".", ts, 0));
		return host_ret(td, futimens(hp.dirfd, ts));
	}
	return host_ret(td, utimensat(hp.dirfd, hp.path, ts, hflags & ~AT_EMPTY_PATH));
}

int fbsd_sys_utimensat(struct fbsd_thread *td, const struct fbsd_utimensat_args *uap)
{
	struct timespec ts[2], *tp;
	int err = get_timespecs(uap->times, ts, &tp);

	if (err)
		return err;
	if (uap->flag & ~AT_ALLOWED)
		return FBSD_EINVAL;
	return utimens_at(td, uap->fd, uap->path, uap->flag, tp);
}

int fbsd_sys_futimens(struct fbsd_thread *td, const struct fbsd_futimens_args *uap)
{
	struct timespec ts[2], *tp;
	int err = get_timespecs(uap->times, ts, &tp);

	if (err)
		return err;
	if (uap->fd < 0)
		return FBSD_EBADF;
	return host_ret(td, futimens(uap->fd, tp));
}

int fbsd_sys_utimes(struct fbsd_thread *td, const struct fbsd_utimes_args *uap)
{
	struct timespec ts[2], *tp;
	int err = get_timevals(uap->tptr, ts, &tp);

	return err ? err : utimens_at(td, FBSD_AT_FDCWD, uap->path, 0, tp);
}

int fbsd_sys_lutimes(struct fbsd_thread *td, const struct fbsd_lutimes_args *uap)
{
	struct timespec ts[2], *tp;
	int err = get_timevals(uap->tptr, ts, &tp);

	return err ? err : utimens_at(td, FBSD_AT_FDCWD, uap->path,
				      FBSD_AT_SYMLINK_NOFOLLOW, tp);
}

int fbsd_sys_futimesat(struct fbsd_thread *td, const struct fbsd_futimesat_args *uap)
{
	struct timespec ts[2], *tp;
	int err = get_timevals(uap->times, ts, &tp);

	return err ? err : utimens_at(td, uap->fd, uap->path, 0, tp);
}

int fbsd_sys_futimes(struct fbsd_thread *td, const struct fbsd_futimes_args *uap)
{
	struct timespec ts[2], *tp;
	int err = get_timevals(uap->tptr, ts, &tp);

	if (err)
		return err;
	if (uap->fd < 0)
		return FBSD_EBADF;
	return host_ret(td, futimens(uap->fd, tp));
}

/* ---------------------------------------------------------------- flags */

#define HOST_ATTR_MASK (FS_NODUMP_FL | FS_IMMUTABLE_FL | FS_APPEND_FL)

/* FreeBSD flags -> the Linux attribute bits, or EOPNOTSUPP / EPERM. */
static int flags_to_host(uint64_t flags, int *attr)
{
	const uint64_t known = FBSD_UF_NODUMP | FBSD_UF_IMMUTABLE | FBSD_UF_APPEND |
		FBSD_SF_IMMUTABLE | FBSD_SF_APPEND;
	int root = geteuid() == 0;

	if (flags & ~known)
		return FBSD_EOPNOTSUPP;
	if ((flags & (FBSD_SF_IMMUTABLE | FBSD_SF_APPEND)) && !root)
		return FBSD_EPERM;
	/* Linux keeps +i/+a for CAP_LINUX_IMMUTABLE: the UF_ forms, which
	 * FreeBSD lets the owner set, cannot be honoured otherwise */
	if ((flags & (FBSD_UF_IMMUTABLE | FBSD_UF_APPEND)) && !root)
		return FBSD_EOPNOTSUPP;
	*attr = 0;
	if (flags & FBSD_UF_NODUMP)
		*attr |= FS_NODUMP_FL;
	if (flags & (FBSD_UF_IMMUTABLE | FBSD_SF_IMMUTABLE))
		*attr |= FS_IMMUTABLE_FL;
	if (flags & (FBSD_UF_APPEND | FBSD_SF_APPEND))
		*attr |= FS_APPEND_FL;
	return 0;
}

/* Set the attributes on an open descriptor (not O_PATH). */
static int set_attr_fd(int fd, int want)
{
	int cur;

	if (ioctl(fd, FS_IOC_GETFLAGS, &cur) < 0) {
		if (errno == ENOTTY || errno == EINVAL || errno == EOPNOTSUPP) {
			/* the file system has no such attributes: clearing
			 * them all is true already, anything else is not */
			return want ? FBSD_EOPNOTSUPP : 0;
		}
		return fbsd_errno(errno);
	}
	cur = (cur & ~HOST_ATTR_MASK) | want;
	if (ioctl(fd, FS_IOC_SETFLAGS, &cur) < 0)
		return errno == ENOTTY ? FBSD_EOPNOTSUPP : fbsd_errno(errno);
	return 0;
}

/* Open what DIRFD/PATH names for the attribute ioctls.  A symlink cannot
 * be opened (and Linux keeps no attributes on one): EOPNOTSUPP. */
static int open_for_attr(const struct fbsd_hpath *hp, int nofollow, int *fd)
{
	struct stat st;

	*fd = openat(hp->dirfd, hp->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY |
		     (nofollow ? O_NOFOLLOW : 0));
	if (*fd >= 0)
		return 0;
	if (errno == ELOOP && nofollow &&
	    fstatat(hp->dirfd, hp->path, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode))
		return FBSD_EOPNOTSUPP;
	if (errno == ENXIO || errno == EACCES) {
		/* a socket or an unreadable file: try write-only */
		*fd = openat(hp->dirfd, hp->path, O_WRONLY | O_NONBLOCK | O_CLOEXEC |
			     O_NOCTTY | (nofollow ? O_NOFOLLOW : 0));
		if (*fd >= 0)
			return 0;
	}
	return fbsd_errno(errno);
}

static int do_chflagsat(struct fbsd_thread *td, int dirfd, gaddr_t gpath,
			uint64_t flags, int atflag)
{
	struct fbsd_hpath hp;
	int hflags, attr, fd, err;

	err = at_path(&hp, dirfd, gpath, atflag, &hflags);
	if (err)
		return err;
	if (hp.path[0] == 0 && (hflags & AT_EMPTY_PATH)) {
		snprintf(hp.path, sizeof(hp.path), "/proc/self/fd/%d", dirfd);
		hp.dirfd = AT_FDCWD;
		if (dirfd == FBSD_AT_FDCWD)
			snprintf(hp.path, sizeof(hp.path), ".");
	}
	err = open_for_attr(&hp, (hflags & AT_SYMLINK_NOFOLLOW) != 0, &fd);
	if (err)
		return err;
	err = flags_to_host(flags, &attr);
	if (!err)
		err = set_attr_fd(fd, attr);
	close(fd);
	if (!err)
		td->retval[0] = 0;
	return err;
}

int fbsd_sys_chflags(struct fbsd_thread *td, const struct fbsd_chflags_args *uap)
{
	return do_chflagsat(td, FBSD_AT_FDCWD, uap->path, uap->flags, 0);
}

int fbsd_sys_lchflags(struct fbsd_thread *td, const struct fbsd_lchflags_args *uap)
{
	return do_chflagsat(td, FBSD_AT_FDCWD, uap->path, uap->flags,
			    FBSD_AT_SYMLINK_NOFOLLOW);
}

int fbsd_sys_chflagsat(struct fbsd_thread *td, const struct fbsd_chflagsat_args *uap)
{
	return do_chflagsat(td, uap->fd, uap->path, uap->flags, uap->atflag);
}

int fbsd_sys_fchflags(struct fbsd_thread *td, const struct fbsd_fchflags_args *uap)
{
	int attr, err;

	if (fcntl(uap->fd, F_GETFD) < 0)
		return fbsd_errno(errno);
	err = flags_to_host(uap->flags, &attr);
	if (!err)
		err = set_attr_fd(uap->fd, attr);
	if (!err)
		td->retval[0] = 0;
	return err;
}

/* -------------------------------------------------------------- extattr */

#define FBSD_EXTATTR_NAMESPACE_USER   1
#define FBSD_EXTATTR_NAMESPACE_SYSTEM 2
#define FBSD_EXTATTR_MAXNAMELEN 255
/* Linux caps a value (and a list) at 64 KiB (XATTR_SIZE_MAX). */
#define XATTR_MAX (64 * 1024)

enum xtarget { XT_FILE, XT_LINK, XT_FD };

struct xattr_req {
	enum xtarget kind;
	int fd;
	struct fbsd_hpath hp;
	char name[FBSD_EXTATTR_MAXNAMELEN + 16];  /* with the Linux prefix */
};

static const char *ns_prefix(int ns, int *err)
{
	*err = 0;
	if (ns == FBSD_EXTATTR_NAMESPACE_USER)
		return "user.";
	if (ns == FBSD_EXTATTR_NAMESPACE_SYSTEM) {
		if (geteuid() != 0)
			*err = FBSD_EPERM;
		return "trusted.";
	}
	*err = FBSD_EINVAL;
	return NULL;
}

/* Target and (when GNAME != 0) attribute name: extattr_check_cred order,
 * name (EFAULT, ENAMETOOLONG, EINVAL for "") then namespace then path. */
static int xattr_setup(struct xattr_req *r, enum xtarget kind, int fd, gaddr_t gpath,
		       int ns, gaddr_t gname)
{
	char gbuf[FBSD_EXTATTR_MAXNAMELEN + 1];
	const char *pfx;
	int err;

	if (gname) {
		long n = copy_str_from_guest(gbuf, gname, sizeof(gbuf));

		if (n == -1)
			return FBSD_EFAULT;
		if (n < 0)
			return FBSD_ENAMETOOLONG;
		if (gbuf[0] == 0)
			return FBSD_EINVAL;
	}
	pfx = ns_prefix(ns, &err);
	if (err == FBSD_EINVAL)
		return err;
	r->kind = kind;
	r->fd = fd;
	if (kind != XT_FD) {
		int e2 = fbsd_get_path(&r->hp, FBSD_AT_FDCWD, gpath, 0);

		if (e2)
			return e2;
	}
	if (err)
		return err;
	if (gname)
		snprintf(r->name, sizeof(r->name), "%s%s", pfx, gbuf);
	else
		snprintf(r->name, sizeof(r->name), "%s", pfx);
	return 0;
}

static ssize_t x_get(const struct xattr_req *r, void *buf, size_t n)
{
	switch (r->kind) {
	case XT_FILE: return getxattr(r->hp.path, r->name, buf, n);
	case XT_LINK: return lgetxattr(r->hp.path, r->name, buf, n);
	default: return fgetxattr(r->fd, r->name, buf, n);
	}
}

static ssize_t x_list(const struct xattr_req *r, char *buf, size_t n)
{
	switch (r->kind) {
	case XT_FILE: return listxattr(r->hp.path, buf, n);
	case XT_LINK: return llistxattr(r->hp.path, buf, n);
	default: return flistxattr(r->fd, buf, n);
	}
}

static int x_errno(int e)
{
	/* no xattr support on this file system */
	if (e == ENOTSUP)
		return FBSD_EOPNOTSUPP;
	return fbsd_errno(e);
}

static int do_extattr_get(struct fbsd_thread *td, enum xtarget kind, int fd,
			  gaddr_t gpath, int ns, gaddr_t gname, gaddr_t data,
			  uint64_t nbytes)
{
	struct xattr_req r;
	char *val;
	ssize_t len;
	int err = xattr_setup(&r, kind, fd, gpath, ns, gname);

	if (err)
		return err;
	val = malloc(XATTR_MAX);
	if (!val)
		return FBSD_ENOMEM;
	len = x_get(&r, val, XATTR_MAX);
	if (len < 0) {
		err = x_errno(errno);
	} else if (data) {
		size_t n = (uint64_t)len < nbytes ? (size_t)len : (size_t)nbytes;

		if (n && copy_to_guest(data, val, n) < 0)
			err = FBSD_EFAULT;
		else
			td->retval[0] = n;
	} else {
		td->retval[0] = (uint64_t)len;  /* NULL data: the size */
	}
	free(val);
	return err;
}

static int do_extattr_set(struct fbsd_thread *td, enum xtarget kind, int fd,
			  gaddr_t gpath, int ns, gaddr_t gname, gaddr_t data,
			  uint64_t nbytes)
{
	struct xattr_req r;
	char *val;
	long rc;
	int err = xattr_setup(&r, kind, fd, gpath, ns, gname);

	if (err)
		return err;
	if (nbytes > INT32_MAX)
		return FBSD_EINVAL;
	if (nbytes > XATTR_MAX)
		return FBSD_ENOSPC;  /* what ufs says when the area is full */
	val = malloc(nbytes ? nbytes : 1);
	if (!val)
		return FBSD_ENOMEM;
	if (nbytes && copy_from_guest(val, data, nbytes) < 0) {
		free(val);
		return FBSD_EFAULT;
	}
	switch (kind) {
	case XT_FILE: rc = setxattr(r.hp.path, r.name, val, nbytes, 0); break;
	case XT_LINK: rc = lsetxattr(r.hp.path, r.name, val, nbytes, 0); break;
	default: rc = fsetxattr(fd, r.name, val, nbytes, 0); break;
	}
	free(val);
	if (rc < 0)
		return x_errno(errno);
	td->retval[0] = nbytes;  /* extattr_set_* return the bytes written */
	return 0;
}

static int do_extattr_delete(struct fbsd_thread *td, enum xtarget kind, int fd,
			     gaddr_t gpath, int ns, gaddr_t gname)
{
	struct xattr_req r;
	long rc;
	int err = xattr_setup(&r, kind, fd, gpath, ns, gname);

	if (err)
		return err;
	switch (kind) {
	case XT_FILE: rc = removexattr(r.hp.path, r.name); break;
	case XT_LINK: rc = lremovexattr(r.hp.path, r.name); break;
	default: rc = fremovexattr(fd, r.name); break;
	}
	if (rc < 0)
		return x_errno(errno);
	td->retval[0] = 0;
	return 0;
}

/* Linux's NUL-separated, prefixed list -> FreeBSD's length-prefixed list
 * of the names in one namespace. */
static int do_extattr_list(struct fbsd_thread *td, enum xtarget kind, int fd,
			   gaddr_t gpath, int ns, gaddr_t data, uint64_t nbytes)
{
	struct xattr_req r;
	char *hl, *out;
	ssize_t len;
	size_t plen, used = 0;
	int err = xattr_setup(&r, kind, fd, gpath, ns, 0);

	if (err)
		return err;
	plen = strlen(r.name);
	hl = malloc(XATTR_MAX);
	out = malloc(XATTR_MAX);
	if (!hl || !out) {
		free(hl);
		free(out);
		return FBSD_ENOMEM;
	}
	len = x_list(&r, hl, XATTR_MAX);
	if (len < 0) {
		err = x_errno(errno);
		goto done;
	}
	for (ssize_t p = 0; p < len;) {
		const char *nm = hl + p;
		size_t l = strnlen(nm, (size_t)(len - p));

		p += (ssize_t)l + 1;
		if (l <= plen || strncmp(nm, r.name, plen) != 0 || l - plen > 255)
			continue;
		out[used++] = (char)(l - plen);
		memcpy(out + used, nm + plen, l - plen);
		used += l - plen;
	}
	if (data) {
		size_t n = used < nbytes ? used : (size_t)nbytes;

		if (n && copy_to_guest(data, out, n) < 0) {
			err = FBSD_EFAULT;
			goto done;
		}
		td->retval[0] = n;
	} else {
		td->retval[0] = used;
	}
done:
	free(hl);
	free(out);
	return err;
}

int fbsd_sys_extattr_get_file(struct fbsd_thread *td,
			      const struct fbsd_extattr_get_file_args *uap)
{
	return do_extattr_get(td, XT_FILE, -1, uap->path, uap->attrnamespace,
			      uap->attrname, uap->data, uap->nbytes);
}

int fbsd_sys_extattr_get_link(struct fbsd_thread *td,
			      const struct fbsd_extattr_get_link_args *uap)
{
	return do_extattr_get(td, XT_LINK, -1, uap->path, uap->attrnamespace,
			      uap->attrname, uap->data, uap->nbytes);
}

int fbsd_sys_extattr_get_fd(struct fbsd_thread *td,
			    const struct fbsd_extattr_get_fd_args *uap)
{
	return do_extattr_get(td, XT_FD, uap->fd, 0, uap->attrnamespace,
			      uap->attrname, uap->data, uap->nbytes);
}

int fbsd_sys_extattr_set_file(struct fbsd_thread *td,
			      const struct fbsd_extattr_set_file_args *uap)
{
	return do_extattr_set(td, XT_FILE, -1, uap->path, uap->attrnamespace,
			      uap->attrname, uap->data, uap->nbytes);
}

int fbsd_sys_extattr_set_link(struct fbsd_thread *td,
			      const struct fbsd_extattr_set_link_args *uap)
{
	return do_extattr_set(td, XT_LINK, -1, uap->path, uap->attrnamespace,
			      uap->attrname, uap->data, uap->nbytes);
}

int fbsd_sys_extattr_set_fd(struct fbsd_thread *td,
			    const struct fbsd_extattr_set_fd_args *uap)
{
	return do_extattr_set(td, XT_FD, uap->fd, 0, uap->attrnamespace,
			      uap->attrname, uap->data, uap->nbytes);
}

int fbsd_sys_extattr_delete_file(struct fbsd_thread *td,
				 const struct fbsd_extattr_delete_file_args *uap)
{
	return do_extattr_delete(td, XT_FILE, -1, uap->path, uap->attrnamespace,
				 uap->attrname);
}

int fbsd_sys_extattr_delete_link(struct fbsd_thread *td,
				 const struct fbsd_extattr_delete_link_args *uap)
{
	return do_extattr_delete(td, XT_LINK, -1, uap->path, uap->attrnamespace,
				 uap->attrname);
}

int fbsd_sys_extattr_delete_fd(struct fbsd_thread *td,
			       const struct fbsd_extattr_delete_fd_args *uap)
{
	return do_extattr_delete(td, XT_FD, uap->fd, 0, uap->attrnamespace,
				 uap->attrname);
}

int fbsd_sys_extattr_list_file(struct fbsd_thread *td,
			       const struct fbsd_extattr_list_file_args *uap)
{
	return do_extattr_list(td, XT_FILE, -1, uap->path, uap->attrnamespace,
			       uap->data, uap->nbytes);
}

int fbsd_sys_extattr_list_link(struct fbsd_thread *td,
			       const struct fbsd_extattr_list_link_args *uap)
{
	return do_extattr_list(td, XT_LINK, -1, uap->path, uap->attrnamespace,
			       uap->data, uap->nbytes);
}

int fbsd_sys_extattr_list_fd(struct fbsd_thread *td,
			     const struct fbsd_extattr_list_fd_args *uap)
{
	return do_extattr_list(td, XT_FD, uap->fd, 0, uap->attrnamespace,
			       uap->data, uap->nbytes);
}

/* ------------------------------------------------------------- pathconf */

/* sys/sys/unistd.h */
enum {
	FBSD_PC_LINK_MAX = 1, FBSD_PC_MAX_CANON = 2, FBSD_PC_MAX_INPUT = 3,
	FBSD_PC_NAME_MAX = 4, FBSD_PC_PATH_MAX = 5, FBSD_PC_PIPE_BUF = 6,
	FBSD_PC_CHOWN_RESTRICTED = 7, FBSD_PC_NO_TRUNC = 8,
	FBSD_PC_VDISABLE = 9, FBSD_PC_ALLOC_SIZE_MIN = 10,
	FBSD_PC_FILESIZEBITS = 12, FBSD_PC_REC_INCR_XFER_SIZE = 14,
	FBSD_PC_REC_MAX_XFER_SIZE = 15, FBSD_PC_REC_MIN_XFER_SIZE = 16,
	FBSD_PC_REC_XFER_ALIGN = 17, FBSD_PC_SYMLINK_MAX = 18,
	FBSD_PC_MIN_HOLE_SIZE = 21, FBSD_PC_ASYNC_IO = 53, FBSD_PC_PRIO_IO = 54,
	FBSD_PC_SYNC_IO = 55, FBSD_PC_ACL_EXTENDED = 59,
	FBSD_PC_ACL_PATH_MAX = 60, FBSD_PC_CAP_PRESENT = 61,
	FBSD_PC_INF_PRESENT = 62, FBSD_PC_MAC_PRESENT = 63,
	FBSD_PC_ACL_NFS4 = 64, FBSD_PC_DEALLOC_PRESENT = 65,
};
#define FBSD_PIPE_BUF 512
#define FBSD_MAX_CANON 255
#define FBSD_MAX_INPUT 255
#define FBSD_POSIX_VDISABLE 0xff
#define FBSD_POSIX_ASYNCHRONOUS_IO 200112L
#define FBSD_PAGE_SIZE 4096

/* The value for NAME of the object open as FD (maybe O_PATH). */
static int pathconf_fd(int fd, int name, int64_t *v)
{
	struct stat st;
	struct statfs sf;
	char proc[64], link[64];
	ssize_t n;
	int tty = 0;

	if (fstat(fd, &st) < 0)
		return fbsd_errno(errno);
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	n = readlink(proc, link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	/* kern_fpathconf(): pipes and sockets only know PIPE_BUF */
	if (S_ISSOCK(st.st_mode) || (S_ISFIFO(st.st_mode) && !strncmp(link, "pipe:", 5))) {
		if (name != FBSD_PC_PIPE_BUF)
			return FBSD_EINVAL;
		*v = FBSD_PIPE_BUF;
		return 0;
	}
	if (!strncmp(link, "anon_inode:", 11))
		return FBSD_EOPNOTSUPP;  /* not a vnode */
	if (fstatfs(fd, &sf) < 0)
		return fbsd_errno(errno);
	if (S_ISCHR(st.st_mode)) {
		int o = open(proc, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

		if (o >= 0) {
			tty = isatty(o);
			close(o);
		}
	}
	switch (name) {
	case FBSD_PC_LINK_MAX: {
		long l = fpathconf(fd, _PC_LINK_MAX);

		*v = l > 0 ? l : 1;
		return 0;
	}
	case FBSD_PC_MAX_CANON:
	case FBSD_PC_MAX_INPUT:
	case FBSD_PC_VDISABLE:
		/* devfs_pathconf(): terminals only */
		if (!tty)
			return FBSD_EINVAL;
		*v = name == FBSD_PC_VDISABLE ? FBSD_POSIX_VDISABLE :
			name == FBSD_PC_MAX_CANON ? FBSD_MAX_CANON : FBSD_MAX_INPUT;
		return 0;
	case FBSD_PC_NAME_MAX:
		*v = sf.f_namelen > 0 ? sf.f_namelen : 255;
		return 0;
	case FBSD_PC_PATH_MAX:
	case FBSD_PC_SYMLINK_MAX:
		*v = FBSD_MAXPATHLEN;
		return 0;
	case FBSD_PC_PIPE_BUF:
		/* ufs_pathconf(): directories and fifos */
		if (!S_ISDIR(st.st_mode) && !S_ISFIFO(st.st_mode))
			return FBSD_EINVAL;
		*v = FBSD_PIPE_BUF;
		return 0;
	case FBSD_PC_CHOWN_RESTRICTED:
	case FBSD_PC_NO_TRUNC:
		*v = 1;
		return 0;
	case FBSD_PC_ALLOC_SIZE_MIN:
	case FBSD_PC_REC_INCR_XFER_SIZE:
	case FBSD_PC_REC_MIN_XFER_SIZE:
	case FBSD_PC_MIN_HOLE_SIZE:
		*v = sf.f_bsize;
		return 0;
	case FBSD_PC_REC_MAX_XFER_SIZE:
		*v = -1;
		return 0;
	case FBSD_PC_REC_XFER_ALIGN:
		*v = FBSD_PAGE_SIZE;
		return 0;
	case FBSD_PC_FILESIZEBITS:
		*v = 64;
		return 0;
	case FBSD_PC_ASYNC_IO:
		*v = FBSD_POSIX_ASYNCHRONOUS_IO;
		return 0;
	case FBSD_PC_ACL_PATH_MAX:
		*v = 3;  /* no ACL support: the three base entries */
		return 0;
	case FBSD_PC_PRIO_IO:
	case FBSD_PC_SYNC_IO:
	case FBSD_PC_ACL_EXTENDED:
	case FBSD_PC_ACL_NFS4:
	case FBSD_PC_CAP_PRESENT:
	case FBSD_PC_INF_PRESENT:
	case FBSD_PC_MAC_PRESENT:
	case FBSD_PC_DEALLOC_PRESENT:
		*v = 0;
		return 0;
	}
	return FBSD_EINVAL;
}

static int do_pathconf(struct fbsd_thread *td, gaddr_t gpath, int name, int follow)
{
	struct fbsd_hpath hp;
	int64_t v;
	int fd, err = fbsd_get_path(&hp, FBSD_AT_FDCWD, gpath, 0);

	if (err)
		return err;
	fd = openat(hp.dirfd, hp.path, O_PATH | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
	if (fd < 0)
		return fbsd_errno(errno);
	err = pathconf_fd(fd, name, &v);
	close(fd);
	if (err)
		return err;
	td->retval[0] = (uint64_t)v;
	return 0;
}

int fbsd_sys_pathconf(struct fbsd_thread *td, const struct fbsd_pathconf_args *uap)
{
	return do_pathconf(td, uap->path, uap->name, 1);
}

int fbsd_sys_lpathconf(struct fbsd_thread *td, const struct fbsd_lpathconf_args *uap)
{
	return do_pathconf(td, uap->path, uap->name, 0);
}

int fbsd_sys_fpathconf(struct fbsd_thread *td, const struct fbsd_fpathconf_args *uap)
{
	int64_t v;
	int err = uap->fd < 0 ? FBSD_EBADF : pathconf_fd(uap->fd, uap->name, &v);

	if (err)
		return err;
	td->retval[0] = (uint64_t)v;
	return 0;
}

/* ------------------------------------------------------ mkfifo, mknod */

static int do_mkfifoat(struct fbsd_thread *td, int dirfd, gaddr_t gpath, int mode)
{
	struct fbsd_hpath hp;
	int err = fbsd_get_path(&hp, dirfd, gpath, 0);

	if (err)
		return err;
	return host_ret(td, mkfifoat(hp.dirfd, hp.path, (mode_t)(mode & FBSD_ALLPERMS)));
}

int fbsd_sys_mkfifo(struct fbsd_thread *td, const struct fbsd_mkfifo_args *uap)
{
	return do_mkfifoat(td, FBSD_AT_FDCWD, uap->path, uap->mode);
}

int fbsd_sys_mkfifoat(struct fbsd_thread *td, const struct fbsd_mkfifoat_args *uap)
{
	return do_mkfifoat(td, uap->fd, uap->path, uap->mode);
}

/* FreeBSD 12+ dev_t (sys/sys/types.h major()/minor()). */
static dev_t dev_from_fbsd(uint64_t d)
{
	uint32_t maj = (uint32_t)(((d >> 32) & 0xffffff00) | ((d >> 8) & 0xff));
	uint32_t min = (uint32_t)(((d >> 24) & 0xff00) | (d & 0xffff00ff));

	return makedev(maj, min);
}

/* The pre-12 32-bit dev_t: major in bits 8-15, minor in the rest. */
static uint64_t dev11_to_fbsd(uint32_t d)
{
	uint32_t maj = (d >> 8) & 0xff, min = d & 0xffff00ff;

	return ((uint64_t)(maj & 0xffffff00) << 32) | ((maj & 0xff) << 8) |
		((uint64_t)(min & 0xff00) << 24) | (min & 0xffff00ff);
}

static int do_mknodat(struct fbsd_thread *td, int dirfd, gaddr_t gpath,
		      int mode, uint64_t dev)
{
	struct fbsd_hpath hp;
	int err;

	switch (mode & FBSD_S_IFMT) {
	case FBSD_S_IFCHR:
	case FBSD_S_IFBLK:
		if (geteuid() != 0)
			return FBSD_EPERM;  /* PRIV_VFS_MKNOD_DEV */
		break;
	case FBSD_S_IFWHT:
		if (geteuid() != 0)
			return FBSD_EPERM;
		return FBSD_EOPNOTSUPP;  /* no whiteouts on the host */
	case FBSD_S_IFIFO:
		if (dev == 0)
			return do_mkfifoat(td, dirfd, gpath, mode);
		return FBSD_EINVAL;
	default:
		return FBSD_EINVAL;
	}
	err = fbsd_get_path(&hp, dirfd, gpath, 0);
	if (err)
		return err;
	return host_ret(td, mknodat(hp.dirfd, hp.path,
				    (mode_t)((mode & FBSD_S_IFMT) | (mode & FBSD_ALLPERMS)),
				    dev_from_fbsd(dev)));
}

int fbsd_sys_mknodat(struct fbsd_thread *td, const struct fbsd_mknodat_args *uap)
{
	return do_mknodat(td, uap->fd, uap->path, uap->mode, uap->dev);
}

int fbsd_sys_freebsd11_mknodat(struct fbsd_thread *td,
			       const struct fbsd_freebsd11_mknodat_args *uap)
{
	return do_mknodat(td, uap->fd, uap->path, uap->mode, dev11_to_fbsd(uap->dev));
}

int fbsd_sys_freebsd11_mknod(struct fbsd_thread *td,
			     const struct fbsd_freebsd11_mknod_args *uap)
{
	return do_mknodat(td, FBSD_AT_FDCWD, uap->path, uap->mode,
			  dev11_to_fbsd(uap->dev));
}
