/* File-system statistics: statfs (555), fstatfs (556), getfsstat (557) and
 * the COMPAT11 forms with the 88-byte-name struct freebsd11_statfs:
 * freebsd11_getfsstat (395), freebsd11_statfs (396), freebsd11_fstatfs (397).
 *
 * Field by field from the host's statfs(2) and /proc/self/mountinfo:
 *   f_bsize     Linux f_frsize (FreeBSD's "fragment size", the unit of
 *               f_blocks), f_iosize Linux f_bsize (optimal transfer size).
 *   f_flags     MNT_* from the Linux ST_* mount flags (table below), plus
 *               MNT_LOCAL for every file system that is not a network or
 *               FUSE one, and MNT_ROOTFS for the mount on "/".
 *   f_fstypename  FreeBSD's name for the same kind of file system, from the
 *               Linux type name in mountinfo (table below): ext2/3/4 ->
 *               "ext2fs" (FreeBSD's ext2fs driver reads all three), proc ->
 *               "procfs", sysfs -> "linsysfs", devtmpfs/devpts -> "devfs",
 *               overlay -> "unionfs", vfat -> "msdosfs", iso9660 ->
 *               "cd9660", fuse* -> "fusefs"; the rest keep the Linux name.
 *   f_type      the number FreeBSD would give that name: vfs_register()
 *               with vfs.typenumhash=1 uses the low byte of the FNV-1 hash
 *               of the name (collisions, resolved there by probing, are
 *               ignored here).
 *   f_mntfromname, f_mntonname  the mount's source and mount point from
 *               mountinfo: the entry with the file's device whose mount
 *               point is the longest prefix of the file's path.
 *   f_fsid      the host's f_fsid for root; zero otherwise, as FreeBSD
 *               hides it without PRIV_VFS_GENERATION.
 *   f_owner     0 (every host mount belongs to root).
 * getfsstat lists every line of /proc/self/mountinfo; mode must be
 * MNT_WAIT or MNT_NOWAIT (EINVAL otherwise), a NULL buffer or bufsize 0
 * asks for the count, and the result is min(count, bufsize / 2344). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "fbsd_types.h"
#include "file.h"
#include "syscall.h"

/* MNT_* (sys/sys/mount.h) */
#define FBSD_MNT_RDONLY      0x00000001
#define FBSD_MNT_SYNCHRONOUS 0x00000002
#define FBSD_MNT_NOEXEC      0x00000004
#define FBSD_MNT_NOSUID      0x00000008
#define FBSD_MNT_UNION       0x00000020
#define FBSD_MNT_LOCAL       0x00001000
#define FBSD_MNT_ROOTFS      0x00004000
#define FBSD_MNT_NOSYMFOLLOW 0x00400000
#define FBSD_MNT_NOATIME     0x10000000
#define FBSD_MNT_WAIT   1
#define FBSD_MNT_NOWAIT 2

#ifndef ST_NOSYMFOLLOW
#define ST_NOSYMFOLLOW 0x2000
#endif

static const struct { unsigned long host; uint64_t fbsd; } mnt_flag_map[] = {
	{ ST_RDONLY, FBSD_MNT_RDONLY },
	{ ST_NOSUID, FBSD_MNT_NOSUID },
	{ ST_NOEXEC, FBSD_MNT_NOEXEC },
	{ ST_SYNCHRONOUS, FBSD_MNT_SYNCHRONOUS },
	{ ST_NOATIME, FBSD_MNT_NOATIME },
	{ ST_NOSYMFOLLOW, FBSD_MNT_NOSYMFOLLOW },
};

/* Linux type name -> FreeBSD type name; NULL: keep the Linux name. */
static const struct { const char *linux_name, *fbsd_name; int remote; } fs_names[] = {
	{ "ext2", "ext2fs", 0 }, { "ext3", "ext2fs", 0 }, { "ext4", "ext2fs", 0 },
	{ "tmpfs", "tmpfs", 0 }, { "ramfs", "tmpfs", 0 },
	{ "proc", "procfs", 0 }, { "sysfs", "linsysfs", 0 },
	{ "devtmpfs", "devfs", 0 }, { "devpts", "devfs", 0 },
	{ "overlay", "unionfs", 0 }, { "vfat", "msdosfs", 0 },
	{ "msdos", "msdosfs", 0 }, { "iso9660", "cd9660", 0 },
	{ "zfs", "zfs", 0 }, { "nfs", "nfs", 1 }, { "nfs4", "nfs", 1 },
	{ "cifs", "smbfs", 1 }, { "smb3", "smbfs", 1 }, { "9p", "p9fs", 1 },
	{ "fuse", "fusefs", 1 }, { "fuseblk", "fusefs", 1 },
};

/* Type names by magic, for a file whose mount is not in mountinfo. */
static const struct { long magic; const char *linux_name; } fs_magics[] = {
	{ 0xEF53, "ext4" }, { 0x01021994, "tmpfs" }, { 0x9fa0, "proc" },
	{ 0x62656572, "sysfs" }, { 0x1cd1, "devpts" }, { 0x794c7630, "overlay" },
	{ 0x6969, "nfs" }, { 0x65735546, "fuse" }, { 0x4d44, "vfat" },
	{ 0x9123683E, "btrfs" }, { 0x58465342, "xfs" }, { 0x2fc12fc1, "zfs" },
};

/* strlcpy: names are cut, always NUL-terminated. */
static void copy_name(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size - 1);

	memcpy(dst, src, n);
	dst[n] = 0;
}

static uint32_t fnv1_typenum(const char *name)
{
	uint32_t h = 0x811c9dc5u;

	for (; *name; name++) {
		h *= 0x01000193u;
		h ^= (uint8_t)*name;
	}
	return h & 0xff;
}

struct mount_ent {
	unsigned major, minor;
	char mntpoint[FBSD_MNAMELEN];
	char fstype[64];
	char source[FBSD_MNAMELEN];
};

/* Undo mountinfo's octal escapes (\040 for a space ...), in place. */
static void unescape(char *s)
{
	char *d = s;

	while (*s) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '7' && s[2] >= '0' &&
		    s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*d++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 4;
		} else {
			*d++ = *s++;
		}
	}
	*d = 0;
}

/* Parse one mountinfo line:
 *   id parent major:minor root mountpoint options [optional...] - type source super */
static int parse_mountinfo(char *line, struct mount_ent *m)
{
	char *save = NULL, *tok, *fields[6];
	int i = 0;

	for (tok = strtok_r(line, " \n", &save); tok && i < 6;
	     tok = strtok_r(NULL, " \n", &save))
		fields[i++] = tok;
	if (i < 6 || sscanf(fields[2], "%u:%u", &m->major, &m->minor) != 2)
		return -1;
	unescape(fields[4]);
	snprintf(m->mntpoint, sizeof(m->mntpoint), "%s", fields[4]);
	while (tok && strcmp(tok, "-") != 0)
		tok = strtok_r(NULL, " \n", &save);
	if (!tok)
		return -1;
	tok = strtok_r(NULL, " \n", &save);
	snprintf(m->fstype, sizeof(m->fstype), "%s", tok ? tok : "");
	tok = strtok_r(NULL, " \n", &save);
	if (tok)
		unescape(tok);
	snprintf(m->source, sizeof(m->source), "%s", tok ? tok : "");
	return 0;
}

/* PATH lies at or below mount point MP. */
static size_t prefix_len(const char *mp, const char *path)
{
	size_t n = strlen(mp);

	if (n == 1 && mp[0] == '/')
		return path[0] == '/' ? 1 : 0;
	if (strncmp(mp, path, n) == 0 && (path[n] == '/' || path[n] == 0))
		return n;
	return 0;
}

/* The mount holding a file with device DEV and host path PATH (may be
 * empty).  Returns 0 when found. */
static int find_mount(dev_t dev, const char *path, struct mount_ent *out)
{
	FILE *f = fopen("/proc/self/mountinfo", "re");
	char *line = NULL;
	size_t cap = 0, best = 0;
	int found = 0;

	if (!f)
		return -1;
	while (getline(&line, &cap, f) > 0) {
		struct mount_ent m;
		size_t l;

		if (parse_mountinfo(line, &m) < 0)
			continue;
		if (m.major != major(dev) || m.minor != minor(dev))
			continue;
		l = path[0] ? prefix_len(m.mntpoint, path) : 1;
		/* the longest prefix wins; on a tie the later entry, which
		 * is mounted over the earlier one */
		if (!found || l >= best) {
			*out = m;
			best = l;
			found = 1;
		}
	}
	free(line);
	fclose(f);
	return found ? 0 : -1;
}

static void fill_statfs(const struct statfs *hs, const struct mount_ent *m,
			struct fbsd_statfs *o)
{
	const char *lname = m ? m->fstype : NULL;
	const char *fname = NULL;
	int remote = 0;

	memset(o, 0, sizeof(*o));
	o->f_version = FBSD_STATFS_VERSION;
	if (!lname || !lname[0]) {
		lname = "unknown";
		for (size_t i = 0; i < sizeof(fs_magics) / sizeof(fs_magics[0]); i++)
			if ((long)hs->f_type == fs_magics[i].magic)
				lname = fs_magics[i].linux_name;
	}
	fname = lname;
	for (size_t i = 0; i < sizeof(fs_names) / sizeof(fs_names[0]); i++)
		if (!strcmp(lname, fs_names[i].linux_name) ||
		    (!strncmp(lname, "fuse.", 5) && !strcmp(fs_names[i].linux_name, "fuse"))) {
			fname = fs_names[i].fbsd_name;
			remote = fs_names[i].remote;
			break;
		}
	copy_name(o->f_fstypename, sizeof(o->f_fstypename), fname);
	o->f_type = fnv1_typenum(o->f_fstypename);
	for (size_t i = 0; i < sizeof(mnt_flag_map) / sizeof(mnt_flag_map[0]); i++)
		if (hs->f_flags & mnt_flag_map[i].host)
			o->f_flags |= mnt_flag_map[i].fbsd;
	if (!remote)
		o->f_flags |= FBSD_MNT_LOCAL;
	if (!strcmp(fname, "unionfs"))
		o->f_flags |= FBSD_MNT_UNION;
	if (m && !strcmp(m->mntpoint, "/"))
		o->f_flags |= FBSD_MNT_ROOTFS;
	o->f_bsize = hs->f_frsize ? (uint64_t)hs->f_frsize : (uint64_t)hs->f_bsize;
	o->f_iosize = (uint64_t)hs->f_bsize;
	o->f_blocks = hs->f_blocks;
	o->f_bfree = hs->f_bfree;
	o->f_bavail = (int64_t)hs->f_bavail;
	o->f_files = hs->f_files;
	o->f_ffree = (int64_t)hs->f_ffree;
	o->f_namemax = (uint32_t)hs->f_namelen;
	o->f_owner = 0;
	if (geteuid() == 0)
		memcpy(o->f_fsid, &hs->f_fsid, sizeof(o->f_fsid));
	if (m) {
		snprintf(o->f_mntfromname, sizeof(o->f_mntfromname), "%s", m->source);
		snprintf(o->f_mntonname, sizeof(o->f_mntonname), "%s", m->mntpoint);
	}
}

/* statfs of an open host descriptor (an O_PATH one is fine). */
static int statfs_fd(int fd, struct fbsd_statfs *o)
{
	struct statfs hs;
	struct stat st;
	struct mount_ent m;
	char proc[64], path[PATH_MAX];
	ssize_t n;

	if (fstatfs(fd, &hs) < 0 || fstat(fd, &st) < 0)
		return fbsd_errno(errno);
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	n = readlink(proc, path, sizeof(path) - 1);
	path[n > 0 ? n : 0] = 0;
	fill_statfs(&hs, find_mount(st.st_dev, path, &m) == 0 ? &m : NULL, o);
	return 0;
}

static int statfs_path(gaddr_t gpath, struct fbsd_statfs *o)
{
	struct fbsd_hpath hp;
	int fd, err = fbsd_get_path(&hp, FBSD_AT_FDCWD, gpath, 0);

	if (err)
		return err;
	fd = openat(hp.dirfd, hp.path, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return fbsd_errno(errno);
	err = statfs_fd(fd, o);
	close(fd);
	return err;
}

/* freebsd11_cvtstatfs(): the same numbers, names cut to 88 bytes. */
static void to_11(const struct fbsd_statfs *n, struct fbsd_freebsd11_statfs *o)
{
	memset(o, 0, sizeof(*o));
	memcpy(o, n, offsetof(struct fbsd_freebsd11_statfs, f_mntfromname));
	o->f_version = FBSD_FREEBSD11_STATFS_VERSION;
	copy_name(o->f_mntfromname, sizeof(o->f_mntfromname), n->f_mntfromname);
	copy_name(o->f_mntonname, sizeof(o->f_mntonname), n->f_mntonname);
}

static int put(struct fbsd_thread *td, gaddr_t buf, const struct fbsd_statfs *s, int old)
{
	if (old) {
		struct fbsd_freebsd11_statfs o;

		to_11(s, &o);
		if (copy_to_guest(buf, &o, sizeof(o)) < 0)
			return FBSD_EFAULT;
	} else if (copy_to_guest(buf, s, sizeof(*s)) < 0) {
		return FBSD_EFAULT;
	}
	td->retval[0] = 0;
	return 0;
}

int fbsd_sys_statfs(struct fbsd_thread *td, const struct fbsd_statfs_args *uap)
{
	struct fbsd_statfs s;
	int err = statfs_path(uap->path, &s);

	return err ? err : put(td, uap->buf, &s, 0);
}

int fbsd_sys_fstatfs(struct fbsd_thread *td, const struct fbsd_fstatfs_args *uap)
{
	struct fbsd_statfs s;
	int err = uap->fd < 0 ? FBSD_EBADF : statfs_fd(uap->fd, &s);

	return err ? err : put(td, uap->buf, &s, 0);
}

int fbsd_sys_freebsd11_statfs(struct fbsd_thread *td,
			      const struct fbsd_freebsd11_statfs_args *uap)
{
	struct fbsd_statfs s;
	int err = statfs_path(uap->path, &s);

	return err ? err : put(td, uap->buf, &s, 1);
}

int fbsd_sys_freebsd11_fstatfs(struct fbsd_thread *td,
			       const struct fbsd_freebsd11_fstatfs_args *uap)
{
	struct fbsd_statfs s;
	int err = uap->fd < 0 ? FBSD_EBADF : statfs_fd(uap->fd, &s);

	return err ? err : put(td, uap->buf, &s, 1);
}

static int do_getfsstat(struct fbsd_thread *td, gaddr_t buf, int64_t bufsize,
			int mode, int old)
{
	size_t esize = old ? sizeof(struct fbsd_freebsd11_statfs) : sizeof(struct fbsd_statfs);
	uint64_t maxcount, count = 0;
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	int err = 0;

	if (bufsize < 0)
		return FBSD_EINVAL;
	if (mode != FBSD_MNT_WAIT && mode != FBSD_MNT_NOWAIT)
		return FBSD_EINVAL;
	/* no buffer or no size: just count */
	if (!buf || bufsize == 0)
		buf = 0;
	maxcount = buf ? (uint64_t)bufsize / esize : 0;
	f = fopen("/proc/self/mountinfo", "re");
	if (!f)
		return fbsd_errno(errno);
	while (getline(&line, &cap, f) > 0) {
		struct mount_ent m;
		struct statfs hs;
		struct fbsd_statfs s;

		if (parse_mountinfo(line, &m) < 0)
			continue;
		if (count < maxcount) {
			/* a mount we may not look into still gets its row */
			if (statfs(m.mntpoint, &hs) < 0)
				memset(&hs, 0, sizeof(hs));
			fill_statfs(&hs, &m, &s);
			if (old) {
				struct fbsd_freebsd11_statfs o;

				to_11(&s, &o);
				if (copy_to_guest(buf + count * esize, &o, sizeof(o)) < 0)
					err = FBSD_EFAULT;
			} else if (copy_to_guest(buf + count * esize, &s, sizeof(s)) < 0) {
				err = FBSD_EFAULT;
			}
			if (err)
				break;
		}
		count++;
	}
	free(line);
	fclose(f);
	if (err)
		return err;
	td->retval[0] = buf && count > maxcount ? maxcount : count;
	return 0;
}

int fbsd_sys_getfsstat(struct fbsd_thread *td, const struct fbsd_getfsstat_args *uap)
{
	return do_getfsstat(td, uap->buf, uap->bufsize, uap->mode, 0);
}

int fbsd_sys_freebsd11_getfsstat(struct fbsd_thread *td,
				 const struct fbsd_freebsd11_getfsstat_args *uap)
{
	return do_getfsstat(td, uap->buf, uap->bufsize, uap->mode, 1);
}
