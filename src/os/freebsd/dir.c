/* Reading directories: getdirentries (554) and the COMPAT11 forms
 * freebsd11_getdirentries (196) and freebsd11_getdents (272).
 *
 * Records come from the host's getdents64 and are rewritten one by one
 * into FreeBSD's struct dirent (d_pad0/d_namlen/d_pad1 inserted, 8-byte
 * aligned, NUL and padding zeroed) or struct freebsd11_dirent (4-byte
 * aligned).  Linux's d_off is, like FreeBSD's, the cookie of the next
 * entry, and lseek() on the directory accepts it, so telldir/seekdir keep
 * working.  A FreeBSD record is longer than the Linux one, so a host read
 * of COUNT bytes always holds at least what fits in the guest buffer;
 * entries that were read but do not fit are given back by seeking to the
 * d_off of the last entry delivered.  As in kern_getdirentries(): the
 * offset the read started at goes to *basep, a non-directory is EINVAL, and
 * a buffer too small for the first entry is EINVAL (ufs/tmpfs readdir).
 * The COMPAT11 forms decide what fits by the new record size, then convert
 * (freebsd11_kern_getdirentries, count capped at 64 KiB). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fbsd_types.h"
#include "syscall.h"

#define FBSD_IOSIZE_MAX INT64_MAX
/* One host read at most this big; a bigger guest buffer just gets fewer
 * entries than would fit (a short read is always allowed). */
#define HOST_CHUNK (256 * 1024)

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];
};

/* DT_* values are the same on both systems (ABI-NOTES 7). */
_Static_assert(DT_UNKNOWN == 0 && DT_FIFO == 1 && DT_CHR == 2 && DT_DIR == 4 &&
	       DT_BLK == 6 && DT_REG == 8 && DT_LNK == 10 && DT_SOCK == 12 &&
	       DT_WHT == 14, "d_type values");

enum dirfmt { FMT_NEW, FMT_11 };

static size_t rec11_len(size_t namlen)
{
	return (offsetof(struct fbsd_freebsd11_dirent, d_name) + namlen + 1 + 3) &
		~(size_t)3;
}

/* Translate the host records in HBUF[0..HN) into OUT (room COUNT).
 * Returns the bytes produced; *LAST_OFF gets the d_off of the last record
 * produced and *ALL whether every host record was used. */
static size_t convert(const char *hbuf, size_t hn, char *out, size_t count,
		      enum dirfmt fmt, int64_t *last_off, int *all)
{
	size_t pos = 0, used = 0, newused = 0;

	*all = 1;
	while (pos < hn) {
		const struct linux_dirent64 *h = (const void *)(hbuf + pos);
		size_t namlen = strnlen(h->d_name, h->d_reclen -
					offsetof(struct linux_dirent64, d_name));
		size_t nlen;

		if (namlen > FBSD_MAXNAMLEN)
			namlen = FBSD_MAXNAMLEN;  /* no host fs exceeds it */
		nlen = FBSD_DIRENT_RECLEN(namlen);
		if (newused + nlen > count) {
			*all = 0;
			break;
		}
		newused += nlen;
		if (fmt == FMT_NEW) {
			struct fbsd_dirent *d = (void *)(out + used);

			memset(d, 0, nlen);
			d->d_fileno = h->d_ino;
			d->d_off = h->d_off;
			d->d_reclen = (uint16_t)nlen;
			d->d_type = h->d_type;
			d->d_namlen = (uint16_t)namlen;
			memcpy(d->d_name, h->d_name, namlen);
			used += nlen;
		} else {
			struct fbsd_freebsd11_dirent *d = (void *)(out + used);
			size_t olen = rec11_len(namlen);

			memset(d, 0, olen);
			d->d_fileno = (uint32_t)h->d_ino;  /* truncated, as ino64_trunc_error=0 */
			d->d_reclen = (uint16_t)olen;
			d->d_type = h->d_type;
			d->d_namlen = (uint8_t)namlen;
			memcpy(d->d_name, h->d_name, namlen);
			used += olen;
		}
		*last_off = h->d_off;
		pos += h->d_reclen;
	}
	return used;
}

static int do_getdirentries(struct fbsd_thread *td, int fd, gaddr_t buf,
			    uint64_t count, gaddr_t basep, enum dirfmt fmt)
{
	off_t base;
	size_t hsize, n;
	char *hbuf, *out;
	long got;
	int64_t last_off = 0;
	int all, err = 0;

	if (count > FBSD_IOSIZE_MAX)
		return FBSD_EINVAL;
	if (fmt == FMT_11 && count > 64 * 1024)
		count = 64 * 1024;
	base = lseek(fd, 0, SEEK_CUR);
	if (base == (off_t)-1) {
		/* EBADF stays; a pipe or socket is not a vnode: EINVAL */
		return errno == EBADF ? FBSD_EBADF : FBSD_EINVAL;
	}
	hsize = count < HOST_CHUNK ? (size_t)count : HOST_CHUNK;
	hbuf = malloc(hsize + 1);
	out = malloc(hsize + 1);
	if (!hbuf || !out) {
		free(hbuf);
		free(out);
		return FBSD_ENOMEM;
	}
	got = syscall(SYS_getdents64, fd, hbuf, hsize);
	if (got < 0) {
		/* a file is not a directory: EINVAL (kern_getdirentries); a
		 * buffer too small for any record: EINVAL (both) */
		err = errno == ENOTDIR ? FBSD_EINVAL : fbsd_errno(errno);
		/* a refused read may still have moved a hashed directory's
		 * cookie (ext4): FreeBSD leaves the offset alone */
		if (err == FBSD_EINVAL)
			lseek(fd, base, SEEK_SET);
		goto out;
	}
	n = convert(hbuf, (size_t)got, out, hsize, fmt, &last_off, &all);
	if (got > 0 && n == 0) {
		lseek(fd, base, SEEK_SET);
		err = FBSD_EINVAL;
		goto out;
	}
	if (n && copy_to_guest(buf, out, n) < 0) {
		lseek(fd, base, SEEK_SET);
		err = FBSD_EFAULT;
		goto out;
	}
	if (!all)
		lseek(fd, last_off, SEEK_SET);
	if (basep) {
		int64_t b = base;

		if (copy_to_guest(basep, &b, sizeof(b)) < 0) {
			err = FBSD_EFAULT;
			goto out;
		}
	}
	td->retval[0] = n;
out:
	free(hbuf);
	free(out);
	return err;
}

int fbsd_sys_getdirentries(struct fbsd_thread *td,
			   const struct fbsd_getdirentries_args *uap)
{
	return do_getdirentries(td, uap->fd, uap->buf, uap->count, uap->basep,
				FMT_NEW);
}

int fbsd_sys_freebsd11_getdirentries(struct fbsd_thread *td,
				     const struct fbsd_freebsd11_getdirentries_args *uap)
{
	return do_getdirentries(td, uap->fd, uap->buf, uap->count, uap->basep,
				FMT_11);
}

int fbsd_sys_freebsd11_getdents(struct fbsd_thread *td,
				const struct fbsd_freebsd11_getdents_args *uap)
{
	return do_getdirentries(td, uap->fd, uap->buf, uap->count, 0, FMT_11);
}
