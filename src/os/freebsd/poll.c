/* poll(209), ppoll(545), select(93), pselect(522), following
 * sys/kern/sys_generic.c.
 *
 * The host's ppoll/pselect6 do the waiting, through fbsd_safe_syscall so a
 * guest signal interrupts them (EINTR; the dispatcher never restarts these
 * calls, as FreeBSD).  Event bits cross through a table (WRBAND and RDHUP
 * differ; POLLINIGNEOF has no Linux twin and waits like POLLIN).  fd_set
 * has Linux's bit layout; FreeBSD does not write back the timeout of
 * select, and neither do we.  A pipe whose reader is gone reports POLLHUP
 * on FreeBSD where Linux says POLLERR.
 *
 * ppoll/pselect's signal mask: FreeBSD installs it until the return to
 * user mode (TDP_OLDMASK), so a handler that interrupts the wait runs
 * under it and its frame restores the old mask (fbsd_signal_set_oldmask;
 * without a signal, the next delivery check restores it). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>

#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/fbsd_types.h"
#include "os/freebsd/hostfd.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/syscall.h"

#define FBSD_POLLIN 0x0001
#define FBSD_POLLPRI 0x0002
#define FBSD_POLLOUT 0x0004
#define FBSD_POLLERR 0x0008
#define FBSD_POLLHUP 0x0010
#define FBSD_POLLNVAL 0x0020
#define FBSD_POLLRDNORM 0x0040
#define FBSD_POLLRDBAND 0x0080
#define FBSD_POLLWRNORM FBSD_POLLOUT
#define FBSD_POLLWRBAND 0x0100
#define FBSD_POLLINIGNEOF 0x2000
#define FBSD_POLLRDHUP 0x4000

#define FBSD_INFTIM (-1)

struct fbsd_pollfd {
	int32_t fd;
	int16_t events;
	int16_t revents;
};
_Static_assert(sizeof(struct fbsd_pollfd) == 8, "struct pollfd is 8 bytes");
_Static_assert(sizeof(struct pollfd) == 8, "host struct pollfd");

static const struct { uint16_t fbsd, host; } poll_bits[] = {
	{ FBSD_POLLIN, POLLIN },
	{ FBSD_POLLPRI, POLLPRI },
	{ FBSD_POLLOUT, POLLOUT },
	{ FBSD_POLLERR, POLLERR },
	{ FBSD_POLLHUP, POLLHUP },
	{ FBSD_POLLNVAL, POLLNVAL },
	{ FBSD_POLLRDNORM, POLLRDNORM },
	{ FBSD_POLLRDBAND, POLLRDBAND },
	{ FBSD_POLLWRBAND, POLLWRBAND },
	{ FBSD_POLLRDHUP, POLLRDHUP },
};
_Static_assert(POLLWRBAND == 0x200 && POLLRDHUP == 0x2000 && POLLWRNORM == 0x100,
	       "Linux bits that differ from FreeBSD's");

static short events_to_host(int16_t ev)
{
	short h = 0;

	for (size_t i = 0; i < sizeof(poll_bits) / sizeof(poll_bits[0]); i++)
		if (ev & poll_bits[i].fbsd)
			h |= (short)poll_bits[i].host;
	if (ev & FBSD_POLLINIGNEOF)
		h |= POLLIN;
	return h;
}

static int16_t revents_from_host(short h, int16_t asked)
{
	int16_t f = 0;

	for (size_t i = 0; i < sizeof(poll_bits) / sizeof(poll_bits[0]); i++)
		if (h & poll_bits[i].host)
			f |= (int16_t)poll_bits[i].fbsd;
	if ((h & POLLWRNORM) && (asked & FBSD_POLLWRNORM))
		f |= FBSD_POLLWRNORM;
	if ((h & POLLIN) && (asked & FBSD_POLLINIGNEOF))
		f |= FBSD_POLLINIGNEOF & asked;
	return f;
}

/* pipe_poll(): the write end of a pipe without reader says POLLHUP. */
static short fix_pipe_err(int fd, short h)
{
	struct stat st;

	if ((h & POLLERR) && fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode))
		h = (short)((h & ~POLLERR) | POLLHUP);
	return h;
}

/* ---- the temporary signal mask of ppoll/pselect ---- */

static int tmpmask_begin(struct fbsd_thread *td, gaddr_t gset)
{
	fbsd_sigset_t m;

	if (!gset)
		return 0;
	if (copy_from_guest(&m, gset, sizeof(m)) < 0)
		return FBSD_EFAULT;
	fbsd_signal_set_oldmask(td, &m);
	return 0;
}

/* ---- poll ---- */

static rlim_t nofile_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY)
		return 1u << 20;
	return rl.rlim_cur;
}

static int do_poll(struct fbsd_thread *td, gaddr_t gfds, uint32_t nfds,
		   const struct timespec *ts, gaddr_t gset)
{
	struct pollfd stackfds[32], *h = stackfds;
	struct fbsd_pollfd *g = NULL;
	long r;
	int err = 0, e;

	/* kern_poll(): more than the table could hold and FD_SETSIZE. */
	if (nfds > nofile_limit() && nfds > 1024)
		return FBSD_EINVAL;
	if (nfds) {
		g = malloc((size_t)nfds * sizeof(*g));
		if (nfds > 32)
			h = malloc((size_t)nfds * sizeof(*h));
		if (!g || !h) {
			err = FBSD_ENOMEM;
			goto out;
		}
		if (copy_from_guest(g, gfds, (size_t)nfds * sizeof(*g)) < 0) {
			err = FBSD_EFAULT;
			goto out;
		}
	}
	for (uint32_t i = 0; i < nfds; i++) {
		/* bsdemu's own descriptors are not the guest's: POLLNVAL */
		h[i].fd = g[i].fd >= 0 && fbsd_hostfd_is(g[i].fd) ? INT_MAX : g[i].fd;
		h[i].events = events_to_host(g[i].events);
		h[i].revents = 0;
	}
	if ((err = tmpmask_begin(td, gset)) != 0)
		goto out;
	r = fbsd_safe_syscall(SYS_ppoll, (long)h, nfds, (long)ts, 0, 0, 0);
	e = errno;
	if (r < 0) {
		err = e == EINTR ? FBSD_EINTR : fbsd_errno(e);
		goto out;
	}
	for (uint32_t i = 0; i < nfds; i++) {
		short re = h[i].revents;

		if (re & POLLERR)
			re = fix_pipe_err(h[i].fd, re);
		g[i].revents = revents_from_host(re, g[i].events);
	}
	/* pollout(): only revents is written */
	for (uint32_t i = 0; i < nfds; i++) {
		if (copy_to_guest(gfds + (uint64_t)i * sizeof(*g) +
				  offsetof(struct fbsd_pollfd, revents),
				  &g[i].revents, sizeof(g[i].revents)) < 0) {
			err = FBSD_EFAULT;
			goto out;
		}
	}
	td->retval[0] = (uint64_t)r;
out:
	free(g);
	if (h != stackfds)
		free(h);
	return err;
}

int fbsd_sys_poll(struct fbsd_thread *td, const struct fbsd_poll_args *uap)
{
	struct timespec ts, *tsp = NULL;

	if (uap->timeout != FBSD_INFTIM) {
		if (uap->timeout < 0)
			return FBSD_EINVAL;
		ts.tv_sec = uap->timeout / 1000;
		ts.tv_nsec = (uap->timeout % 1000) * 1000000L;
		tsp = &ts;
	}
	return do_poll(td, uap->fds, uap->nfds, tsp, 0);
}

static int get_timespec(gaddr_t g, struct timespec *out)
{
	struct fbsd_timespec t;

	if (copy_from_guest(&t, g, sizeof(t)) < 0)
		return FBSD_EFAULT;
	if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1000000000)
		return FBSD_EINVAL;
	out->tv_sec = t.tv_sec;
	out->tv_nsec = t.tv_nsec;
	return 0;
}

int fbsd_sys_ppoll(struct fbsd_thread *td, const struct fbsd_ppoll_args *uap)
{
	struct timespec ts;
	int e;

	if (uap->ts && (e = get_timespec(uap->ts, &ts)) != 0)
		return e;
	return do_poll(td, uap->fds, uap->nfds, uap->ts ? &ts : NULL, uap->set);
}

/* ---- select ---- */

/* EBADF if a bit in [LO, HI) of the guest's set is set */
static int check_high_bits(gaddr_t set, int lo, int hi)
{
	uint8_t buf[4096];

	for (int fd = lo & ~7; fd < hi;) {
		size_t n = ((size_t)(hi - fd) + 7) / 8;

		if (n > sizeof(buf))
			n = sizeof(buf);
		if (copy_from_guest(buf, set + (gaddr_t)(fd / 8), n) < 0)
			return FBSD_EFAULT;
		for (size_t b = 0; b < n * 8 && fd < hi; b++, fd++)
			if (fd >= lo && (buf[b / 8] >> (b % 8) & 1))
				return FBSD_EBADF;
	}
	return 0;
}

/* EBADF if the set names a descriptor that is not the guest's: bsdemu's
 * own, or one not open.  Open-ness below 64 is left to the host: its
 * table always has room for those (NR_OPEN_DEFAULT), so its select says
 * EBADF itself. */
static int check_open(const uint64_t *bits, size_t words)
{
	for (size_t w = 0; w < words; w++) {
		for (uint64_t m = bits[w]; m; m &= m - 1) {
			int fd = (int)(w * 64 + (size_t)__builtin_ctzll(m));

			if (fbsd_hostfd_is(fd) || (fd >= 64 && fcntl(fd, F_GETFD) < 0))
				return FBSD_EBADF;
		}
	}
	return 0;
}

static int do_select(struct fbsd_thread *td, int nd, gaddr_t gin, gaddr_t gou,
		     gaddr_t gex, const struct timespec *ts, gaddr_t gset)
{
	gaddr_t gsets[3] = { gin, gou, gex };
	uint64_t *bits[3] = { NULL, NULL, NULL };
	struct { const void *ss; size_t len; } sigarg = { NULL, 0 };
	size_t words, bytes;
	long r;
	int err = 0, e;

	if (nd < 0)
		return FBSD_EINVAL;
	/* kern_select() cuts nd down to the descriptor table's size, but a
	 * bit set past it is EBADF (select_check_badfd) */
	if ((rlim_t)nd > nofile_limit()) {
		int lim = (int)nofile_limit();

		for (int i = 0; i < 3; i++)
			if (gsets[i] && (err = check_high_bits(gsets[i], lim, nd)) != 0)
				return err;
		nd = lim;
	}
	words = ((size_t)nd + 63) / 64;
	bytes = words * 8;
	for (int i = 0; i < 3; i++) {
		if (!gsets[i] || !nd)
			continue;
		bits[i] = malloc(bytes);
		if (!bits[i]) {
			err = FBSD_ENOMEM;
			goto out;
		}
		if (copy_from_guest(bits[i], gsets[i], bytes) < 0) {
			err = FBSD_EFAULT;
			goto out;
		}
		/* bits past nd are not looked at (and not reported) */
		if (nd % 64)
			bits[i][words - 1] &= (1ull << (nd % 64)) - 1;
		/* Linux ignores bits past its table's current size; FreeBSD's
		 * selscan() gives EBADF for every closed descriptor, and
		 * bsdemu's own are closed to the guest */
		if ((err = check_open(bits[i], words)) != 0)
			goto out;
	}
	if ((err = tmpmask_begin(td, gset)) != 0)
		goto out;
	r = fbsd_safe_syscall(SYS_pselect6, nd, (long)bits[0], (long)bits[1],
			      (long)bits[2], (long)ts, (long)&sigarg);
	e = errno;
	if (r < 0) {
		err = e == EINTR ? FBSD_EINTR : fbsd_errno(e);
		goto out;
	}
	for (int i = 0; i < 3; i++) {
		if (bits[i] && copy_to_guest(gsets[i], bits[i], bytes) < 0) {
			err = FBSD_EFAULT;
			goto out;
		}
	}
	td->retval[0] = (uint64_t)r;
out:
	for (int i = 0; i < 3; i++)
		free(bits[i]);
	return err;
}

int fbsd_sys_select(struct fbsd_thread *td, const struct fbsd_select_args *uap)
{
	struct fbsd_timeval tv;
	struct timespec ts;

	if (uap->tv) {
		if (copy_from_guest(&tv, uap->tv, sizeof(tv)) < 0)
			return FBSD_EFAULT;
		/* itimerfix() */
		if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
			return FBSD_EINVAL;
		ts.tv_sec = tv.tv_sec;
		ts.tv_nsec = tv.tv_usec * 1000;
	}
	return do_select(td, uap->nd, uap->in, uap->ou, uap->ex, uap->tv ? &ts : NULL, 0);
}

int fbsd_sys_pselect(struct fbsd_thread *td, const struct fbsd_pselect_args *uap)
{
	struct timespec ts;
	int e;

	if (uap->ts && (e = get_timespec(uap->ts, &ts)) != 0)
		return e;
	return do_select(td, uap->nd, uap->in, uap->ou, uap->ex, uap->ts ? &ts : NULL,
			 uap->sm);
}
