/* sendfile (393): a regular file's bytes, with optional header and trailer
 * iovecs, to a connected stream socket.
 *
 * After sys/kern/kern_sendfile.c (sendfile(), vn_sendfile()):
 *  - offset < 0 is EINVAL; an unreadable struct sf_hdtr or iovec array is
 *    EFAULT; FD must be open for reading (EBADF) and a regular file or
 *    shared memory (EINVAL); S must be a socket (ENOTSOCK) of type
 *    SOCK_STREAM (EINVAL) and connected (ENOTCONN).
 *  - nbytes 0 means up to the end of the file; an offset at or past the
 *    end sends only the header and trailer.
 *  - The header and the file data never raise SIGPIPE (a dead peer is
 *    EPIPE); the trailer goes out as writev() would, with SIGPIPE.
 *  - A non-blocking socket that fills up gives EAGAIN, a signal EINTR;
 *    either way *sbytes (when given) holds what was sent, header and
 *    trailer included, as it does on success.
 *  - flags (SF_NODISKIO, SF_NOCACHE, readahead in the high 16 bits) only
 *    tune FreeBSD's page handling; the data sent is the same, so they are
 *    accepted and have no effect here.
 * The data goes through pread() and send(MSG_NOSIGNAL) in chunks rather
 * than Linux's sendfile(), which would raise SIGPIPE. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "fbsd_types.h"
#include "file.h"
#include "signal.h"
#include "syscall.h"

/* struct sf_hdtr (sys/socket.h), LP64 */
struct fbsd_sf_hdtr {
	gaddr_t headers;
	int32_t hdr_cnt;
	int32_t pad0_;
	gaddr_t trailers;
	int32_t trl_cnt;
	int32_t pad1_;
};
FBSD_CHECK_SIZE(struct fbsd_sf_hdtr, 32);
FBSD_CHECK_OFF(struct fbsd_sf_hdtr, trailers, 16);
FBSD_CHECK_OFF(struct fbsd_sf_hdtr, trl_cnt, 24);

#define CHUNK (64 * 1024)

/* The source: open for reading, a regular file (memfds, our shm, are). */
static int check_file(int fd, off_t *size)
{
	struct stat st;
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || (fl & O_ACCMODE) == O_WRONLY || (fl & O_PATH))
		return FBSD_EBADF;
	if (fstat(fd, &st) < 0)
		return fbsd_errno(errno);
	if (!S_ISREG(st.st_mode))
		return FBSD_EINVAL;
	*size = st.st_size;
	return 0;
}

/* The destination: a connected stream socket. */
static int check_sock(int s)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(int), alen = sizeof(ss);
	int type;

	if (getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &len) < 0)
		return errno == ENOTSOCK ? FBSD_ENOTSOCK : fbsd_errno(errno);
	if (type != SOCK_STREAM)
		return FBSD_EINVAL;
	if (getpeername(s, (struct sockaddr *)&ss, &alen) < 0)
		return errno == ENOTCONN ? FBSD_ENOTCONN : fbsd_errno(errno);
	return 0;
}

/* Sends all of IOV (CNT entries) or stops at an error; *SENT grows by
 * what went out.  Returns 0 or a FreeBSD errno. */
static int send_iov(int s, struct iovec *iov, int cnt, int hflags, int64_t *sent)
{
	while (cnt > 0) {
		struct msghdr mh = { .msg_iov = iov, .msg_iovlen = (size_t)cnt };
		long r;

		if (iov->iov_len == 0) {
			iov++;
			cnt--;
			continue;
		}
		r = fbsd_safe_syscall(SYS_sendmsg, s, (long)&mh, hflags, 0, 0, 0);
		if (r < 0)
			return fbsd_errno(errno);
		*sent += r;
		while (cnt > 0 && (size_t)r >= iov->iov_len) {
			r -= (long)iov->iov_len;
			iov++;
			cnt--;
		}
		if (cnt > 0) {
			iov->iov_base = (char *)iov->iov_base + r;
			iov->iov_len -= (size_t)r;
		}
	}
	return 0;
}

/* The file part: REM bytes from OFF (REM < 0: to the end). */
static int send_body(int fd, int s, off_t off, int64_t rem, int64_t *sent)
{
	char *buf = malloc(CHUNK);
	int err = 0;

	if (!buf)
		return FBSD_ENOMEM;
	while (rem != 0) {
		size_t want = rem > 0 && rem < CHUNK ? (size_t)rem : CHUNK;
		ssize_t n = pread(fd, buf, want, off);
		ssize_t done = 0;

		if (n < 0) {
			err = fbsd_errno(errno);
			break;
		}
		if (n == 0)
			break;          /* end of file (it may have shrunk) */
		while (done < n) {
			long r = fbsd_safe_syscall(SYS_sendto, s, (long)(buf + done), n - done,
						   MSG_NOSIGNAL, 0, 0);
			if (r < 0) {
				err = fbsd_errno(errno);
				break;
			}
			done += r;
		}
		*sent += done;
		off += done;
		if (rem > 0)
			rem -= done;
		if (err)
			break;
	}
	free(buf);
	return err;
}

static int get_hdtr(gaddr_t ga, struct iovec **hdr, int *nh, struct iovec **trl, int *nt)
{
	struct fbsd_sf_hdtr h;
	int err;

	if (!ga)
		return 0;
	if (copy_from_guest(&h, ga, sizeof(h)) < 0)
		return FBSD_EFAULT;
	if (h.headers) {
		*hdr = calloc(FBSD_IOV_MAX, sizeof(**hdr));
		if (!*hdr)
			return FBSD_ENOMEM;
		if ((err = fbsd_get_iov(h.headers, (uint32_t)h.hdr_cnt, *hdr)) != 0)
			return err;
		*nh = h.hdr_cnt;
	}
	if (h.trailers) {
		*trl = calloc(FBSD_IOV_MAX, sizeof(**trl));
		if (!*trl)
			return FBSD_ENOMEM;
		if ((err = fbsd_get_iov(h.trailers, (uint32_t)h.trl_cnt, *trl)) != 0)
			return err;
		*nt = h.trl_cnt;
	}
	return 0;
}

int fbsd_sys_sendfile(struct fbsd_thread *td, const struct fbsd_sendfile_args *uap)
{
	struct iovec *hdr = NULL, *trl = NULL;
	int nh = 0, nt = 0, err;
	int64_t sent = 0;
	off_t size = 0;

	if (uap->offset < 0)
		return FBSD_EINVAL;
	/* errors before fo_sendfile() leave *sbytes untouched */
	if ((err = get_hdtr(uap->hdtr, &hdr, &nh, &trl, &nt)) != 0)
		goto out;
	err = check_file(uap->fd, &size);
	if (err && err != FBSD_EINVAL)
		goto out;
	if (!err)
		err = check_sock(uap->s);
	if (!err)
		err = send_iov(uap->s, hdr, nh, MSG_NOSIGNAL, &sent);
	if (!err && uap->offset < size) {
		int64_t rem = uap->nbytes ? (int64_t)uap->nbytes : -1;

		if (rem > size - uap->offset)
			rem = size - uap->offset;
		err = send_body(uap->fd, uap->s, uap->offset, rem, &sent);
	}
	if (!err)
		err = send_iov(uap->s, trl, nt, 0, &sent);     /* writev: SIGPIPE */
	if (uap->sbytes)
		(void)copy_to_guest(uap->sbytes, &sent, sizeof(sent));
	if (!err)
		td->retval[0] = 0;
out:
	free(hdr);
	free(trl);
	return err;
}
