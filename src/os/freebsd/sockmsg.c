/* Socket messages: sendto (133), recvfrom (29), sendmsg (28), recvmsg (27).
 *
 * After sys/kern/uipc_syscalls.c and uipc_usrreq.c:
 *  - struct msghdr differs (FreeBSD: int msg_iovlen and socklen_t
 *    msg_controllen, 48 bytes; Linux: size_t, 56 bytes), so it is rebuilt;
 *    more than UIO_MAXIOV (1024) iovecs is EMSGSIZE (copyiniov()).
 *  - MSG_* flags are numbered differently and cross through a table, both
 *    ways (msg_flags out: MSG_TRUNC, MSG_CTRUNC, MSG_EOR, MSG_OOB).
 *  - Control messages: FreeBSD's cmsghdr is {socklen_t len; int level;
 *    int type} (12 bytes) with the data at _ALIGN(12) = 16, Linux's
 *    {size_t len; int level; int type} with the data at 16 as well; both
 *    align to 8, so CMSG_SPACE is the same on both sides.  SOL_SOCKET is
 *    0xffff on FreeBSD.  SCM_RIGHTS (descriptors, the same on both sides
 *    since guest descriptors are host ones) crosses both ways.  Any other
 *    control message sent is EINVAL, as unp_internalize() answers a type
 *    it does not know; one received that has no FreeBSD form is dropped
 *    and MSG_CTRUNC set.  What a short control buffer gets: control_out().
 *  - A received address is written like getpeername()'s (truncated to
 *    msg_namelen); none (a connected stream) gives msg_namelen 0.
 *  - Sending and receiving may block: through fbsd_safe_syscall, so a
 *    guest signal interrupts them. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "fbsd_types.h"
#include "file.h"
#include "signal.h"
#include "socket.h"
#include "syscall.h"

#define FBSD_SOL_SOCKET 0xffff
#define FBSD_SCM_RIGHTS 1
#define FBSD_UIO_MAXIOV 1024
/* Control data bsdemu will relay in one call (FreeBSD's limit is MCLBYTES
 * for the in-kernel copy, 2048; Linux's optmem_max is larger). */
#define CONTROL_MAX 65536

struct fbsd_msghdr {
	uint64_t msg_name;
	uint32_t msg_namelen;
	uint32_t pad0;
	uint64_t msg_iov;
	int32_t msg_iovlen;
	uint32_t pad1;
	uint64_t msg_control;
	uint32_t msg_controllen;
	int32_t msg_flags;
};
FBSD_CHECK_SIZE(struct fbsd_msghdr, 48);
FBSD_CHECK_OFF(struct fbsd_msghdr, msg_namelen, 8);
FBSD_CHECK_OFF(struct fbsd_msghdr, msg_iov, 16);
FBSD_CHECK_OFF(struct fbsd_msghdr, msg_iovlen, 24);
FBSD_CHECK_OFF(struct fbsd_msghdr, msg_control, 32);
FBSD_CHECK_OFF(struct fbsd_msghdr, msg_controllen, 40);
FBSD_CHECK_OFF(struct fbsd_msghdr, msg_flags, 44);

struct fbsd_cmsghdr {
	uint32_t cmsg_len;
	int32_t cmsg_level;
	int32_t cmsg_type;
};
#define FBSD_CMSG_ALIGN(n) (((n) + 7) & ~(size_t)7)
#define FBSD_CMSG_HDR FBSD_CMSG_ALIGN(sizeof(struct fbsd_cmsghdr))
_Static_assert(FBSD_CMSG_HDR == 16 && CMSG_LEN(0) == 16, "cmsg data offsets");
_Static_assert(SCM_RIGHTS == FBSD_SCM_RIGHTS, "SCM_RIGHTS");

/* sys/sys/socket.h against Linux's. */
static const struct {
	int g, h;
} msgflags[] = {
	{ 0x00001, MSG_OOB },       { 0x00002, MSG_PEEK },     { 0x00004, MSG_DONTROUTE },
	{ 0x00008, MSG_EOR },       { 0x00010, MSG_TRUNC },    { 0x00020, MSG_CTRUNC },
	{ 0x00040, MSG_WAITALL },   { 0x00080, MSG_DONTWAIT }, { 0x20000, MSG_NOSIGNAL },
	{ 0x40000, MSG_CMSG_CLOEXEC }, { 0x80000, MSG_WAITFORONE },
};

static int flags_to_host(int g)
{
	int h = 0;

	for (size_t i = 0; i < sizeof(msgflags) / sizeof(msgflags[0]); i++)
		if (g & msgflags[i].g)
			h |= msgflags[i].h;
	return h;
}

static int flags_from_host(int h)
{
	int g = 0;

	for (size_t i = 0; i < sizeof(msgflags) / sizeof(msgflags[0]); i++)
		if (h & msgflags[i].h)
			g |= msgflags[i].g;
	return g;
}

/* The guest's msghdr at GA: iovecs into HIOV, the destination address (if
 * any) into HS/HMSG.  Returns 0 or a FreeBSD errno. */
static int msg_in(gaddr_t ga, struct fbsd_msghdr *gm, struct msghdr *hm, struct iovec *hiov,
		  struct sockaddr_storage *hs, int want_name)
{
	int err;

	if (copy_from_guest(gm, ga, sizeof(*gm)) < 0)
		return FBSD_EFAULT;
	if ((uint32_t)gm->msg_iovlen > FBSD_UIO_MAXIOV)
		return FBSD_EMSGSIZE;
	err = fbsd_get_iov(gm->msg_iov, (uint32_t)gm->msg_iovlen, hiov);
	if (err)
		return err;
	memset(hm, 0, sizeof(*hm));
	hm->msg_iov = hiov;
	hm->msg_iovlen = (size_t)gm->msg_iovlen;
	if (want_name && gm->msg_name) {
		int n = fbsd_sockaddr_in(gm->msg_name, gm->msg_namelen, hs);

		if (n < 0)
			return -n;
		hm->msg_name = hs;
		hm->msg_namelen = (socklen_t)n;
	}
	return 0;
}

/* The guest's control messages (LEN bytes at GA) into a host buffer. */
static int control_in(gaddr_t ga, uint32_t len, struct msghdr *hm, void **bufp)
{
	unsigned char *g, *h;
	size_t off = 0, hoff = 0;

	*bufp = NULL;
	if (len == 0)
		return 0;
	if (len < sizeof(struct fbsd_cmsghdr) || len > CONTROL_MAX)
		return FBSD_EINVAL;
	g = malloc(len);
	h = calloc(1, len + 64);
	if (!g || !h) {
		free(g);
		free(h);
		return FBSD_ENOMEM;
	}
	if (copy_from_guest(g, ga, len) < 0) {
		free(g);
		free(h);
		return FBSD_EFAULT;
	}
	while (off + sizeof(struct fbsd_cmsghdr) <= len) {
		struct fbsd_cmsghdr c;
		struct cmsghdr *hc = (struct cmsghdr *)(h + hoff);
		size_t dlen;

		memcpy(&c, g + off, sizeof(c));
		if (c.cmsg_len < FBSD_CMSG_HDR || c.cmsg_len > len - off ||
		    c.cmsg_level != FBSD_SOL_SOCKET || c.cmsg_type != FBSD_SCM_RIGHTS) {
			free(g);
			free(h);
			return FBSD_EINVAL;
		}
		dlen = c.cmsg_len - FBSD_CMSG_HDR;
		hc->cmsg_len = CMSG_LEN(dlen);
		hc->cmsg_level = SOL_SOCKET;
		hc->cmsg_type = SCM_RIGHTS;
		memcpy(CMSG_DATA(hc), g + off + FBSD_CMSG_HDR, dlen);
		hoff += CMSG_SPACE(dlen);
		off += FBSD_CMSG_ALIGN(c.cmsg_len);
	}
	free(g);
	hm->msg_control = h;
	hm->msg_controllen = hoff;
	*bufp = h;
	return 0;
}

/* The host's received control messages out to the guest buffer (ROOM
 * bytes at GA), as kern_recvit() copies FreeBSD's control mbufs: each
 * message takes CMSG_SPACE(data) bytes (zeroed padding included, which
 * msg_controllen counts), the copy stops at ROOM and sets MSG_CTRUNC when
 * anything is cut, even padding only.  Descriptors whose bytes the guest
 * does not get are closed (FreeBSD would leave them open and unnamed).
 * Sets *USED to the bytes written; may set MSG_CTRUNC in *GFLAGS. */
static int control_out(struct msghdr *hm, gaddr_t ga, uint32_t room, int *gflags,
		       uint32_t *used)
{
	unsigned char *g = calloc(1, hm->msg_controllen + 64);
	size_t off = 0, copy;
	int err = 0;

	*used = 0;
	if (!g)
		return FBSD_ENOMEM;
	for (struct cmsghdr *hc = CMSG_FIRSTHDR(hm); hc; hc = CMSG_NXTHDR(hm, hc)) {
		size_t dlen = hc->cmsg_len - CMSG_LEN(0);
		struct fbsd_cmsghdr c;
		int *fds = (int *)CMSG_DATA(hc);

		if (hc->cmsg_level != SOL_SOCKET || hc->cmsg_type != SCM_RIGHTS) {
			*gflags |= 0x20; /* MSG_CTRUNC */
			continue;
		}
		c.cmsg_len = (uint32_t)(FBSD_CMSG_HDR + dlen);
		c.cmsg_level = FBSD_SOL_SOCKET;
		c.cmsg_type = FBSD_SCM_RIGHTS;
		memcpy(g + off, &c, sizeof(c));
		memcpy(g + off + FBSD_CMSG_HDR, fds, dlen);
		for (size_t i = 0; i < dlen / sizeof(int); i++)
			if (off + FBSD_CMSG_HDR + (i + 1) * sizeof(int) > room)
				close(fds[i]);
		off += FBSD_CMSG_ALIGN(FBSD_CMSG_HDR + dlen);
	}
	copy = off;
	if (copy > room) {
		copy = room;
		*gflags |= 0x20;
	}
	if (copy && copy_to_guest(ga, g, copy) < 0)
		err = FBSD_EFAULT;
	*used = (uint32_t)copy;
	free(g);
	return err;
}

int fbsd_sys_sendmsg(struct fbsd_thread *td, const struct fbsd_sendmsg_args *uap)
{
	struct iovec iov[FBSD_UIO_MAXIOV];
	struct sockaddr_storage hs;
	struct fbsd_msghdr gm;
	struct msghdr hm;
	void *ctl = NULL;
	long r;
	int err = msg_in(uap->msg, &gm, &hm, iov, &hs, 1);

	if (!err && gm.msg_control)
		err = control_in(gm.msg_control, gm.msg_controllen, &hm, &ctl);
	if (err)
		return err;
	r = fbsd_safe_syscall(SYS_sendmsg, uap->s, (long)&hm, flags_to_host(uap->flags), 0, 0, 0);
	free(ctl);
	return host_ret(td, r);
}

int fbsd_sys_recvmsg(struct fbsd_thread *td, const struct fbsd_recvmsg_args *uap)
{
	struct iovec iov[FBSD_UIO_MAXIOV];
	struct sockaddr_storage hs;
	struct fbsd_msghdr gm;
	struct msghdr hm;
	unsigned char *ctl = NULL;
	uint32_t used = 0;
	long r;
	int gflags, err = msg_in(uap->msg, &gm, &hm, iov, &hs, 0);

	if (err)
		return err;
	if (gm.msg_control && gm.msg_controllen) {
		/* Room for every descriptor whose bytes the guest can see, and a
		 * header more: FreeBSD shows the start of a message that does
		 * not fit, Linux would drop it. */
		size_t room = FBSD_CMSG_ALIGN((size_t)gm.msg_controllen) + CMSG_LEN(sizeof(int));

		if (room > CONTROL_MAX)
			room = CONTROL_MAX;

		ctl = calloc(1, room);
		if (!ctl)
			return FBSD_ENOMEM;
		hm.msg_control = ctl;
		hm.msg_controllen = room;
	}
	if (gm.msg_name) {
		memset(&hs, 0, sizeof(hs));
		hm.msg_name = &hs;
		hm.msg_namelen = sizeof(hs);
	}
	r = fbsd_safe_syscall(SYS_recvmsg, uap->s, (long)&hm, flags_to_host(uap->flags), 0, 0, 0);
	if (r < 0) {
		free(ctl);
		return fbsd_errno(errno);
	}
	gflags = flags_from_host(hm.msg_flags);
	if (ctl)
		err = control_out(&hm, gm.msg_control, gm.msg_controllen, &gflags, &used);
	free(ctl);
	if (!err && gm.msg_name) {
		if (hm.msg_namelen == 0) {
			uint32_t zero = 0;

			if (copy_to_guest(uap->msg + offsetof(struct fbsd_msghdr, msg_namelen), &zero,
					  sizeof(zero)) < 0)
				err = FBSD_EFAULT;
		} else {
			err = fbsd_sockaddr_out(&hs, hm.msg_namelen, gm.msg_name,
						uap->msg + offsetof(struct fbsd_msghdr, msg_namelen));
		}
	}
	if (!err && (copy_to_guest(uap->msg + offsetof(struct fbsd_msghdr, msg_controllen), &used,
				   sizeof(used)) < 0 ||
		     copy_to_guest(uap->msg + offsetof(struct fbsd_msghdr, msg_flags), &gflags,
				   sizeof(gflags)) < 0))
		err = FBSD_EFAULT;
	if (err)
		return err;
	td->retval[0] = (uint64_t)r;
	return 0;
}

int fbsd_sys_sendto(struct fbsd_thread *td, const struct fbsd_sendto_args *uap)
{
	struct sockaddr_storage hs;
	int n = 0;

	if (uap->to) {
		n = fbsd_sockaddr_in(uap->to, uap->tolen, &hs);
		if (n < 0)
			return -n;
	}
	if (uap->len > SSIZE_MAX)
		return FBSD_EINVAL;
	if (uap->len && !guest_range_ok(uap->buf, uap->len))
		return FBSD_EFAULT;
	return host_ret(td, fbsd_safe_syscall(SYS_sendto, uap->s,
					       (long)(uap->len ? g2h(uap->buf) : NULL),
					       (long)uap->len, flags_to_host(uap->flags),
					       (long)(uap->to ? &hs : NULL), n));
}

int fbsd_sys_recvfrom(struct fbsd_thread *td, const struct fbsd_recvfrom_args *uap)
{
	struct sockaddr_storage hs;
	socklen_t hlen = sizeof(hs);
	/* Without a length word the address is not asked for. */
	int from = uap->from && uap->fromlenaddr, err = 0;
	long r;

	if (uap->len > SSIZE_MAX)
		return FBSD_EINVAL;
	if (uap->len && !guest_range_ok(uap->buf, uap->len))
		return FBSD_EFAULT;
	memset(&hs, 0, sizeof(hs));
	r = fbsd_safe_syscall(SYS_recvfrom, uap->s, (long)(uap->len ? g2h(uap->buf) : NULL),
			      (long)uap->len, flags_to_host(uap->flags), (long)(from ? &hs : NULL),
			      (long)(from ? &hlen : NULL));
	if (r < 0)
		return fbsd_errno(errno);
	if (from) {
		if (hlen == 0) {
			uint32_t zero = 0;

			if (copy_to_guest(uap->fromlenaddr, &zero, sizeof(zero)) < 0)
				err = FBSD_EFAULT;
		} else {
			err = fbsd_sockaddr_out(&hs, hlen, uap->from, uap->fromlenaddr);
		}
	}
	if (err)
		return err;
	td->retval[0] = (uint64_t)r;
	return 0;
}
