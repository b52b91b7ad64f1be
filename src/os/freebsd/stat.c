/* fstat (551), fstatat (552) and the COMPAT11 forms with the pre-12
 * struct freebsd11_stat: stat (188), fstat (189), lstat (190),
 * fstatat (493).
 *
 * The host answers with statx (for the birth time and the attributes);
 * every field is converted on its own:
 *   st_dev/st_rdev  FreeBSD makedev(major, minor) of the Linux numbers
 *                   (sys/sys/types.h: major's low byte in bits 8-15, its
 *                   high bytes in 32-63; minor's bits 8-15 in 32-39, the
 *                   rest in place).
 *   st_birthtim     statx btime when the file system reports it; else
 *                   {-1, 0}, which is what vn_stat() gives for a file system
 *                   without birth times (va_birthtime == VNOVAL).
 *   st_flags        UF_NODUMP / SF_IMMUTABLE / SF_APPEND from the Linux
 *                   inode attributes (chattr +d, +i, +a; the latter two need
 *                   privilege on Linux, hence the SF_ forms).
 *   st_gen          0, as FreeBSD reports to unprivileged processes.
 *   st_mode         the same bits on both (checked below). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "fbsd_types.h"
#include "file.h"
#include "syscall.h"

_Static_assert(S_IFMT == FBSD_S_IFMT, "S_IFMT");
_Static_assert(S_IFIFO == FBSD_S_IFIFO, "S_IFIFO");
_Static_assert(S_IFCHR == FBSD_S_IFCHR, "S_IFCHR");
_Static_assert(S_IFDIR == FBSD_S_IFDIR, "S_IFDIR");
_Static_assert(S_IFBLK == FBSD_S_IFBLK, "S_IFBLK");
_Static_assert(S_IFREG == FBSD_S_IFREG, "S_IFREG");
_Static_assert(S_IFLNK == FBSD_S_IFLNK, "S_IFLNK");
_Static_assert(S_IFSOCK == FBSD_S_IFSOCK, "S_IFSOCK");
_Static_assert(S_ISUID == FBSD_S_ISUID && S_ISGID == FBSD_S_ISGID &&
	       S_ISVTX == FBSD_S_ISTXT, "set-id and sticky bits");
_Static_assert(S_IRWXU == 0700 && S_IRWXG == 070 && S_IRWXO == 07,
	       "permission bits");

/* chflags(2) flags (sys/sys/stat.h) */
#define FBSD_UF_NODUMP    0x00000001
#define FBSD_SF_IMMUTABLE 0x00020000
#define FBSD_SF_APPEND    0x00040000

static uint64_t fbsd_makedev(uint32_t x, uint32_t y)
{
	return ((uint64_t)(x & 0xffffff00) << 32) | ((x & 0xff) << 8) |
		((uint64_t)(y & 0xff00) << 24) | (y & 0xffff00ff);
}

static struct fbsd_timespec ts(const struct statx_timestamp *t)
{
	struct fbsd_timespec r = { .tv_sec = t->tv_sec, .tv_nsec = t->tv_nsec };

	return r;
}

static void statx_to_fbsd(const struct statx *x, struct fbsd_stat *s)
{
	memset(s, 0, sizeof(*s));
	s->st_dev = fbsd_makedev(x->stx_dev_major, x->stx_dev_minor);
	s->st_ino = x->stx_ino;
	s->st_nlink = x->stx_nlink;
	s->st_mode = x->stx_mode;
	s->st_uid = x->stx_uid;
	s->st_gid = x->stx_gid;
	s->st_rdev = fbsd_makedev(x->stx_rdev_major, x->stx_rdev_minor);
	s->st_atim = ts(&x->stx_atime);
	s->st_mtim = ts(&x->stx_mtime);
	s->st_ctim = ts(&x->stx_ctime);
	if (x->stx_mask & STATX_BTIME) {
		s->st_birthtim = ts(&x->stx_btime);
	} else {
		s->st_birthtim.tv_sec = -1;
		s->st_birthtim.tv_nsec = 0;
	}
	s->st_size = (int64_t)x->stx_size;
	s->st_blocks = (int64_t)x->stx_blocks;   /* 512-byte units on both */
	s->st_blksize = (int32_t)x->stx_blksize;
	if (x->stx_attributes & STATX_ATTR_NODUMP)
		s->st_flags |= FBSD_UF_NODUMP;
	if (x->stx_attributes & STATX_ATTR_IMMUTABLE)
		s->st_flags |= FBSD_SF_IMMUTABLE;
	if (x->stx_attributes & STATX_ATTR_APPEND)
		s->st_flags |= FBSD_SF_APPEND;
	s->st_gen = 0;
}

/* freebsd11_cvtstat() with the default vfs.ino64_trunc_error = 0: values
 * that do not fit are silently truncated. */
static void fbsd_to_11(const struct fbsd_stat *s, struct fbsd_freebsd11_stat *o)
{
	memset(o, 0, sizeof(*o));
	o->st_dev = (uint32_t)s->st_dev;
	o->st_ino = (uint32_t)s->st_ino;
	o->st_mode = s->st_mode;
	o->st_nlink = (uint16_t)s->st_nlink;
	o->st_uid = s->st_uid;
	o->st_gid = s->st_gid;
	o->st_rdev = (uint32_t)s->st_rdev;
	o->st_atim = s->st_atim;
	o->st_mtim = s->st_mtim;
	o->st_ctim = s->st_ctim;
	o->st_size = s->st_size;
	o->st_blocks = s->st_blocks;
	o->st_blksize = s->st_blksize;
	o->st_flags = s->st_flags;
	o->st_gen = (uint32_t)s->st_gen;
	o->st_birthtim = s->st_birthtim;
}

static int host_statx(int dirfd, const char *path, int hflags, struct fbsd_stat *s)
{
	struct statx x;

	if (statx(dirfd, path, hflags | AT_STATX_SYNC_AS_STAT,
		  STATX_BASIC_STATS | STATX_BTIME, &x) < 0)
		return fbsd_errno(errno);
	statx_to_fbsd(&x, s);
	return 0;
}

static int stat_fd(int fd, struct fbsd_stat *s)
{
	if (fd < 0)
		return FBSD_EBADF;  /* statx would treat AT_FDCWD as the cwd */
	return host_statx(fd, "", AT_EMPTY_PATH, s);
}

/* kern_statat(): AT_SYMLINK_NOFOLLOW, AT_RESOLVE_BENEATH, AT_EMPTY_PATH. */
static int stat_at(int dirfd, gaddr_t gpath, int flag, struct fbsd_stat *s)
{
	struct fbsd_hpath hp;
	int hflags = 0, err;

	if (flag & ~(FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
		     FBSD_AT_EMPTY_PATH))
		return FBSD_EINVAL;
	if (flag & FBSD_AT_SYMLINK_NOFOLLOW)
		hflags |= AT_SYMLINK_NOFOLLOW;
	if (flag & FBSD_AT_EMPTY_PATH)
		hflags |= AT_EMPTY_PATH;
	err = fbsd_get_path(&hp, dirfd, gpath, (flag & FBSD_AT_RESOLVE_BENEATH)
			    ? ((flag & FBSD_AT_SYMLINK_NOFOLLOW) ? 1 : 2) : 0);
	if (err)
		return err;
	return host_statx(hp.dirfd, hp.path, hflags, s);
}

static int put_stat(struct fbsd_thread *td, gaddr_t ub, const struct fbsd_stat *s)
{
	if (copy_to_guest(ub, s, sizeof(*s)) < 0)
		return FBSD_EFAULT;
	td->retval[0] = 0;
	return 0;
}

static int put_stat11(struct fbsd_thread *td, gaddr_t ub, const struct fbsd_stat *s)
{
	struct fbsd_freebsd11_stat o;

	fbsd_to_11(s, &o);
	if (copy_to_guest(ub, &o, sizeof(o)) < 0)
		return FBSD_EFAULT;
	td->retval[0] = 0;
	return 0;
}

int fbsd_sys_fstat(struct fbsd_thread *td, const struct fbsd_fstat_args *uap)
{
	struct fbsd_stat s;
	int err = stat_fd(uap->fd, &s);

	return err ? err : put_stat(td, uap->sb, &s);
}

int fbsd_sys_fstatat(struct fbsd_thread *td, const struct fbsd_fstatat_args *uap)
{
	struct fbsd_stat s;
	int err = stat_at(uap->fd, uap->path, uap->flag, &s);

	return err ? err : put_stat(td, uap->buf, &s);
}

int fbsd_sys_freebsd11_stat(struct fbsd_thread *td,
			    const struct fbsd_freebsd11_stat_args *uap)
{
	struct fbsd_stat s;
	int err = stat_at(AT_FDCWD, uap->path, 0, &s);

	return err ? err : put_stat11(td, uap->ub, &s);
}

int fbsd_sys_freebsd11_lstat(struct fbsd_thread *td,
			     const struct fbsd_freebsd11_lstat_args *uap)
{
	struct fbsd_stat s;
	int err = stat_at(AT_FDCWD, uap->path, FBSD_AT_SYMLINK_NOFOLLOW, &s);

	return err ? err : put_stat11(td, uap->ub, &s);
}

int fbsd_sys_freebsd11_fstat(struct fbsd_thread *td,
			     const struct fbsd_freebsd11_fstat_args *uap)
{
	struct fbsd_stat s;
	int err = stat_fd(uap->fd, &s);

	return err ? err : put_stat11(td, uap->sb, &s);
}

int fbsd_sys_freebsd11_fstatat(struct fbsd_thread *td,
			       const struct fbsd_freebsd11_fstatat_args *uap)
{
	struct fbsd_stat s;
	int err = stat_at(uap->fd, uap->path, uap->flag, &s);

	return err ? err : put_stat11(td, uap->buf, &s);
}
