/* kqueue(362), kqueuex(583), kevent(560) and FreeBSD 11's kevent(363).
 *
 * A kqueue is a host epoll descriptor (the guest's kqueue fd is that
 * descriptor) plus a knote table kept here, keyed by (ident, filter), with
 * FreeBSD's active queue in front of it.  epoll only says *when to look*:
 * whether a knote fires, with which data, is decided by probing its source
 * the way the FreeBSD filter's f_event would (kern_event.c, sys_pipe.c,
 * uipc_socket.c, vfs_subr.c):
 *   READ/WRITE    the fd itself, registered edge-triggered (one epoll entry
 *                 per fd for both filters); data from FIONREAD, SIOCOUTQ,
 *                 F_GETPIPE_SZ; EV_EOF from POLLHUP/POLLRDHUP/POLLERR.
 *                 Regular files and directories (not pollable on Linux)
 *                 are probed on every scan, and a waiting kevent re-checks
 *                 them every POLL_FALLBACK_MS.
 *   TIMER         a timerfd per knote (data = expirations).
 *   SIGNAL        process-wide counters bumped by fbsd_kqueue_signal()
 *                 (signal.c) plus one eventfd that wakes every kqueue.
 *   PROC          a pidfd (NOTE_EXIT; data = the FreeBSD wait status);
 *                 NOTE_FORK, NOTE_EXEC and NOTE_TRACK through the channel
 *                 below.
 *   VNODE         an inotify descriptor watching the fd's path.
 *   USER          nothing on the host; a per-kqueue eventfd wakes waiters.
 * A knote that epoll (or a trigger) names is queued; kqueue_scan's rules
 * then apply: disabled ones leave the queue, one-shot ones are reported
 * and dropped, EV_CLEAR/EV_DISPATCH ones are reset and leave the queue
 * until their source fires again, the others are requeued and re-probed
 * (level-triggered) at the next scan.
 *
 * Locking: a global mutex guards the fd -> kqueue table; each kqueue has
 * its own mutex, never held across the blocking epoll_pwait2, which goes
 * through fbsd_safe_syscall so guest signals interrupt it (EINTR, never
 * restarted, as kern_kevent).  Any scan may take (harvest) epoll events a
 * sleeping thread was woken for, so a scan that leaves knotes queued
 * wakes the sleepers through the kqueue's eventfd, as FreeBSD's sleepers
 * see every knote still active.
 *
 * NOTE_FORK/NOTE_EXEC/NOTE_TRACK: a cooperative channel between bsdemu
 * processes (Linux has no such process events for a non-tracer).  Under
 * BASE = /dev/shm/bsdemu-<euid> (/tmp/bsdemu-<euid> without /dev/shm) a
 * kqueue that watches pid P for any of them binds a datagram socket
 * BASE/kq-<itspid>.<seq> and creates an empty file BASE/proc-<P>/
 * <itspid>.<seq>.<T|N> (T: some knote on P has NOTE_TRACK).  A bsdemu
 * process that forks (the child, before it returns to the guest: P is the
 * parent) or that starts an exec'd FreeBSD image (the new bsdemu, before
 * the guest runs) reads its BASE/proc-<P>/ and sends {event, P, child}
 * to each socket; for a T entry the fork child first creates the same
 * entry in its own BASE/proc-<child>/, so the tracking kqueue sees the
 * child's own forks and execs from its first instruction.  An entry whose
 * socket is gone (ENOENT) or unbound (ECONNREFUSED) is stale and removed
 * by the sender.  The kqueue reads its socket before every scan: NOTE_FORK
 * and NOTE_EXEC accumulate in the knote's fflags as filt_proc does
 * (NOTE_EXIT reports them too); with NOTE_TRACK, knote_fork()'s two
 * knotes are made for the child: a one-shot NOTE_CHILD (data = the parent
 * pid, fired at once) and a tracker with the parent's fflags and flags;
 * NOTE_TRACKERR on the parent's knote when the child is already gone (a
 * short-lived child reaped before the watcher read the message).  Entries
 * go with their knotes (EV_DELETE, one-shot report, close, exec).
 * Limits of the channel: only processes run by bsdemu send (a Linux
 * program a guest execs gives only NOTE_EXIT, and so do its children); a
 * process of another uid is not seen; a watcher killed by a signal leaves
 * its entries until a sender finds them stale; an event is lost when the
 * watcher's socket queue is full.
 *
 * Limits: NOTE_EXIT's data is the wait status only for the watcher's own
 * children (waitid on the pidfd), 0 for others; EV_EOF on sockets carries no so_error in fflags (Linux can only read it
 * destructively); EVFILT_AIO, PROCDESC, FS, LIO, SENDFILE and EMPTY answer
 * ENXIO (a FreeBSD kernel without them) and are named once on stderr; a
 * dup()ed kqueue descriptor is not recognised (EBADF). */
#include "os/freebsd/kqueue.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <dirent.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/sockios.h>

#include "log.h"
#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/fbsd_types.h"
#include "os/freebsd/hostfd.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/syscall.h"

#define POLL_FALLBACK_MS 20

/* epoll_data tags (top two bits). */
#define TAG_FD   (1ull << 62)           /* low bits: the watched guest fd */
#define TAG_HFD  (2ull << 62)           /* low bits: a knote's helper fd */
#define TAG_MISC (3ull << 62)
#define TAG_WAKE (TAG_MISC | 1)
#define TAG_SIG  (TAG_MISC | 2)
#define TAG_PMSG (TAG_MISC | 3)
#define TAG_MASK (3ull << 62)

enum ftype { FT_OTHER, FT_FIFO, FT_SOCK, FT_LISTEN, FT_CHR, FT_FILE };

struct knote {
	struct fbsd_kevent kev;   /* ident, filter, flags, udata, ext; fflags
				   * and data as the next report gives them */
	uint32_t sfflags;         /* kn_sfflags / kn_sdata: what was asked */
	int64_t sdata;
	bool disabled, queued, forced, nowatch;
	int hfd;                  /* helper fd (timerfd, pidfd, inotify) or -1 */
	enum ftype ft;
	uint64_t acc;             /* TIMER: expirations not yet reported */
	uint64_t sigbase;         /* SIGNAL: counter value last reported */
	bool trig;                /* USER: triggered */
	uint32_t pfflags;         /* PROC: NOTE_* seen, not yet cleared */
	bool exited;              /* PROC: the process is gone */
	bool childnote;           /* PROC: NOTE_TRACK's one-shot NOTE_CHILD */
	uint32_t vn_fflags;       /* VNODE: NOTE_* seen, not yet cleared */
	int64_t vn_size;
	uint64_t vn_nlink;
	struct knote *hnext, *qprev, *qnext;
};

struct kq {
	int epfd;
	int refs;                 /* kq_global */
	pthread_mutex_t lock;
	struct knote **hash;
	unsigned hmask, count;
	struct knote *qhead, *qtail;
	struct knote **byhfd;     /* helper fd -> knote */
	int nbyhfd;
	int wakefd;
	int waiters;
	int npoll;                /* knotes epoll cannot watch */
	bool sig_added;
	int psock;                /* NOTE_FORK/EXEC channel socket or -1 */
	unsigned pseq;
};

struct pmsg {
	uint32_t event;           /* FBSD_NOTE_FORK or FBSD_NOTE_EXEC */
	int32_t pid;              /* the process that forked or exec'd */
	int32_t child;            /* NOTE_FORK: the new process */
	int32_t pad;
};

static pthread_mutex_t kq_global = PTHREAD_MUTEX_INITIALIZER;
static struct kq **kq_tab;          /* indexed by the kqueue's fd */
static int kq_tab_n;
static atomic_int kq_live;

/* EVFILT_SIGNAL: deliveries per signal, and the eventfd that wakes. */
static atomic_ulong sig_count[FBSD_NSIG + 1];
static atomic_int sig_efd = -1;

/* ------------------------------------------------------------ the
 * NOTE_FORK/NOTE_EXEC channel (see the top) */

static atomic_uint pseq_next;

static void pbase(char *buf, size_t n)
{
	static int shm = -1;

	if (shm < 0) {
		struct stat st;

		shm = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode);
	}
	snprintf(buf, n, "%s/bsdemu-%u", shm ? "/dev/shm" : "/tmp", (unsigned)geteuid());
}

static void psock_path(unsigned long wpid, unsigned seq, char *buf, size_t n)
{
	char base[64];

	pbase(base, sizeof(base));
	snprintf(buf, n, "%s/kq-%lu.%u", base, wpid, seq);
}

/* BASE/proc-PID, or with NAME the entry in it. */
static void pentry_path(long pid, const char *name, char *buf, size_t n)
{
	char base[64];

	pbase(base, sizeof(base));
	if (name)
		snprintf(buf, n, "%s/proc-%ld/%s", base, pid, name);
	else
		snprintf(buf, n, "%s/proc-%ld", base, pid);
}

static int pentry_create(long pid, const char *name)
{
	char dir[PATH_MAX], path[PATH_MAX];
	int fd = -1;

	pentry_path(pid, NULL, dir, sizeof(dir));
	pentry_path(pid, name, path, sizeof(path));
	/* Another process may rmdir an emptied directory between the two. */
	for (int i = 0; i < 4 && fd < 0; i++) {
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			return -1;
		fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		if (fd < 0 && errno != ENOENT)
			return -1;
	}
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static void pentry_unlink(long pid, const char *name)
{
	char path[PATH_MAX];

	pentry_path(pid, name, path, sizeof(path));
	if (unlink(path) == 0) {
		pentry_path(pid, NULL, path, sizeof(path));
		rmdir(path);    /* when it was the last */
	}
}

static void pentry_name(const struct kq *kq, bool track, char *buf, size_t n)
{
	snprintf(buf, n, "%d.%u.%c", (int)getpid(), kq->pseq, track ? 'T' : 'N');
}

/* Both of KQ's entries for PID go. */
static void pentry_remove(const struct kq *kq, long pid)
{
	char name[64];

	pentry_name(kq, false, name, sizeof(name));
	pentry_unlink(pid, name);
	pentry_name(kq, true, name, sizeof(name));
	pentry_unlink(pid, name);
}

/* Send {EVENT, PID, CHILD} to every watcher of PID; on NOTE_FORK also
 * register the tracking watchers (T entries) on CHILD first. */
static void proc_notify(uint32_t event, pid_t pid, pid_t child)
{
	char dir[PATH_MAX];
	struct dirent *d;
	DIR *dp;
	int s;

	pentry_path(pid, NULL, dir, sizeof(dir));
	dp = opendir(dir);
	if (!dp)
		return;         /* nobody watches (the usual case) */
	s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0) {
		closedir(dp);
		return;
	}
	while ((d = readdir(dp))) {
		struct pmsg m = { .event = event, .pid = pid, .child = child };
		struct sockaddr_un sa = { .sun_family = AF_UNIX };
		unsigned long wpid;
		unsigned seq;
		char tc, extra;
		bool tracked = false;

		if (sscanf(d->d_name, "%lu.%u.%c%c", &wpid, &seq, &tc, &extra) != 3 ||
		    (tc != 'T' && tc != 'N'))
			continue;
		psock_path(wpid, seq, sa.sun_path, sizeof(sa.sun_path));
		if (event == FBSD_NOTE_FORK && tc == 'T')
			tracked = pentry_create(child, d->d_name) == 0;
		if (sendto(s, &m, sizeof(m), MSG_DONTWAIT | MSG_NOSIGNAL,
			   (struct sockaddr *)&sa, sizeof(sa)) == (ssize_t)sizeof(m))
			continue;
		if (errno == ECONNREFUSED || errno == ENOENT) {
			/* a stale entry: its kqueue is gone */
			if (errno == ECONNREFUSED)
				unlink(sa.sun_path);
			pentry_unlink(pid, d->d_name);
			if (tracked)
				pentry_unlink(child, d->d_name);
		} else {
			log_msg("kevent: EVFILT_PROC event %#x of pid %d for %s not sent: %s",
				(unsigned)event, (int)pid, sa.sun_path, strerror(errno));
		}
	}
	closedir(dp);
	close(s);
}

/* ------------------------------------------------------------ table */

static struct kq *kq_get(int fd)
{
	struct kq *kq = NULL;

	if (fd < 0)
		return NULL;
	pthread_mutex_lock(&kq_global);
	if (fd < kq_tab_n && kq_tab[fd]) {
		kq = kq_tab[fd];
		kq->refs++;
	}
	pthread_mutex_unlock(&kq_global);
	return kq;
}

static void knote_free_raw(struct knote *kn)
{
	fbsd_hostfd_close(kn->hfd);
	free(kn);
}

/* MINE: the kqueue is this process's (not a fork child's copy): its
 * channel entries go too. */
static void kq_free(struct kq *kq, bool mine)
{
	for (unsigned i = 0; i <= kq->hmask; i++) {
		struct knote *kn = kq->hash[i], *next;

		for (; kn; kn = next) {
			next = kn->hnext;
			if (mine && kq->psock >= 0 && kn->kev.filter == FBSD_EVFILT_PROC)
				pentry_remove(kq, (long)kn->kev.ident);
			knote_free_raw(kn);
		}
	}
	if (kq->psock >= 0) {
		char path[sizeof(((struct sockaddr_un *)0)->sun_path)];

		fbsd_hostfd_close(kq->psock);
		if (mine) {
			psock_path((unsigned long)getpid(), kq->pseq, path, sizeof(path));
			unlink(path);
		}
	}
	fbsd_hostfd_close(kq->wakefd);
	pthread_mutex_destroy(&kq->lock);
	free(kq->hash);
	free(kq->byhfd);
	free(kq);
	atomic_fetch_sub(&kq_live, 1);
}

static void kq_put(struct kq *kq)
{
	int left;

	pthread_mutex_lock(&kq_global);
	left = --kq->refs;
	pthread_mutex_unlock(&kq_global);
	if (left == 0)
		kq_free(kq, true);
}

/* ------------------------------------------------------------ knotes */

static unsigned kn_hash(uint64_t ident, int filter, unsigned mask)
{
	uint64_t h = ident * 0x9e3779b97f4a7c15ull + (uint64_t)(uint16_t)filter;

	return (unsigned)(h >> 32) & mask;
}

static struct knote *kn_find(struct kq *kq, uint64_t ident, int filter)
{
	struct knote *kn = kq->hash[kn_hash(ident, filter, kq->hmask)];

	while (kn && !(kn->kev.ident == ident && kn->kev.filter == filter))
		kn = kn->hnext;
	return kn;
}

static void kn_hash_grow(struct kq *kq)
{
	unsigned nmask = kq->hmask * 2 + 1;
	struct knote **nh = calloc(nmask + 1, sizeof(*nh));

	if (!nh)
		return;         /* longer chains, still correct */
	for (unsigned i = 0; i <= kq->hmask; i++) {
		struct knote *kn = kq->hash[i], *next;

		for (; kn; kn = next) {
			unsigned b = kn_hash(kn->kev.ident, kn->kev.filter, nmask);

			next = kn->hnext;
			kn->hnext = nh[b];
			nh[b] = kn;
		}
	}
	free(kq->hash);
	kq->hash = nh;
	kq->hmask = nmask;
}

static void kn_insert(struct kq *kq, struct knote *kn)
{
	unsigned b;

	if (kq->count > kq->hmask)
		kn_hash_grow(kq);
	b = kn_hash(kn->kev.ident, kn->kev.filter, kq->hmask);
	kn->hnext = kq->hash[b];
	kq->hash[b] = kn;
	kq->count++;
}

static void enqueue(struct kq *kq, struct knote *kn)
{
	if (kn->queued)
		return;
	kn->queued = true;
	kn->qnext = NULL;
	kn->qprev = kq->qtail;
	if (kq->qtail)
		kq->qtail->qnext = kn;
	else
		kq->qhead = kn;
	kq->qtail = kn;
}

static void dequeue(struct kq *kq, struct knote *kn)
{
	if (!kn->queued)
		return;
	if (kn->qprev)
		kn->qprev->qnext = kn->qnext;
	else
		kq->qhead = kn->qnext;
	if (kn->qnext)
		kn->qnext->qprev = kn->qprev;
	else
		kq->qtail = kn->qprev;
	kn->queued = false;
	kn->qnext = kn->qprev = NULL;
}

/* The channel socket of KQ (made at its first NOTE_FORK/EXEC/TRACK
 * knote).  0 or -1. */
static int psock_open(struct kq *kq)
{
	static atomic_int said;
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = TAG_PMSG };
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char base[64];
	int fd;

	if (kq->psock >= 0)
		return 0;
	pbase(base, sizeof(base));
	if (mkdir(base, 0700) < 0 && errno != EEXIST)
		goto fail;
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		goto fail;
	fd = fbsd_hostfd_own(fd);
	kq->pseq = atomic_fetch_add(&pseq_next, 1);
	psock_path((unsigned long)getpid(), kq->pseq, sa.sun_path, sizeof(sa.sun_path));
	unlink(sa.sun_path);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    epoll_ctl(kq->epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
		int e = errno;

		fbsd_hostfd_close(fd);
		unlink(sa.sun_path);
		errno = e;
		goto fail;
	}
	kq->psock = fd;
	return 0;
fail:
	if (!atomic_exchange(&said, 1))
		log_msg("kevent: EVFILT_PROC NOTE_FORK/NOTE_EXEC/NOTE_TRACK will not fire: "
			"no channel under %s: %s", base, strerror(errno));
	return -1;
}

/* KQ's entry for PID as its PROC knotes on PID want it now. */
static void pentry_sync(struct kq *kq, uint64_t pid)
{
	uint32_t ff = 0;
	char name[64];
	bool track;

	if (kq->psock < 0 || pid == 0 || pid > INT32_MAX)
		return;
	for (struct knote *kn = kq->hash[kn_hash(pid, FBSD_EVFILT_PROC, kq->hmask)]; kn;
	     kn = kn->hnext)
		if (kn->kev.ident == pid && kn->kev.filter == FBSD_EVFILT_PROC &&
		    !kn->childnote && !kn->exited)
			ff |= kn->sfflags;
	track = ff & FBSD_NOTE_TRACK;
	pentry_name(kq, !track, name, sizeof(name));
	pentry_unlink((long)pid, name);
	pentry_name(kq, track, name, sizeof(name));
	if (ff & (FBSD_NOTE_FORK | FBSD_NOTE_EXEC | FBSD_NOTE_TRACK))
		pentry_create((long)pid, name);
	else
		pentry_unlink((long)pid, name);
}

static bool is_fd_filter(int filter)
{
	return filter == FBSD_EVFILT_READ || filter == FBSD_EVFILT_WRITE ||
	       filter == FBSD_EVFILT_VNODE;
}

/* Keep fd's single epoll entry in line with its READ/WRITE knotes. */
static void fdwatch_update(struct kq *kq, int fd)
{
	struct knote *r = kn_find(kq, (uint64_t)fd, FBSD_EVFILT_READ);
	struct knote *w = kn_find(kq, (uint64_t)fd, FBSD_EVFILT_WRITE);
	struct epoll_event ev = { .data.u64 = TAG_FD | (uint64_t)fd };

	if ((r && r->nowatch) || (w && w->nowatch))
		return;
	if (!r && !w) {
		epoll_ctl(kq->epfd, EPOLL_CTL_DEL, fd, NULL);
		return;
	}
	ev.events = EPOLLET | (r ? EPOLLIN | EPOLLRDHUP | EPOLLPRI : 0) |
		    (w ? EPOLLOUT : 0);
	if (epoll_ctl(kq->epfd, EPOLL_CTL_MOD, fd, &ev) == 0)
		return;
	if (errno == ENOENT && epoll_ctl(kq->epfd, EPOLL_CTL_ADD, fd, &ev) == 0)
		return;
	/* Not pollable on Linux: probed at every scan instead. */
	if (r && !r->nowatch) {
		r->nowatch = true;
		kq->npoll++;
	}
	if (w && !w->nowatch) {
		w->nowatch = true;
		kq->npoll++;
	}
}

static int hfd_attach(struct kq *kq, struct knote *kn, int hfd, uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.u64 = TAG_HFD | (uint64_t)hfd };

	if (hfd >= kq->nbyhfd) {
		int n = hfd + 64;
		struct knote **nb = realloc(kq->byhfd, (size_t)n * sizeof(*nb));

		if (!nb) {
			fbsd_hostfd_close(hfd);
			return FBSD_ENOMEM;
		}
		memset(nb + kq->nbyhfd, 0, (size_t)(n - kq->nbyhfd) * sizeof(*nb));
		kq->byhfd = nb;
		kq->nbyhfd = n;
	}
	if (epoll_ctl(kq->epfd, EPOLL_CTL_ADD, hfd, &ev) < 0) {
		int e = errno;

		fbsd_hostfd_close(hfd);
		return fbsd_errno(e);
	}
	kq->byhfd[hfd] = kn;
	kn->hfd = hfd;
	return 0;
}

/* Detach and free (FreeBSD's f_detach + knote_drop). */
static void kn_drop(struct kq *kq, struct knote *kn)
{
	struct knote **pp = &kq->hash[kn_hash(kn->kev.ident, kn->kev.filter, kq->hmask)];
	int filter = kn->kev.filter, fd = (int)kn->kev.ident;
	uint64_t ident = kn->kev.ident;

	while (*pp && *pp != kn)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = kn->hnext;
	kq->count--;
	dequeue(kq, kn);
	if (kn->nowatch)
		kq->npoll--;
	if (kn->hfd >= 0 && kn->hfd < kq->nbyhfd)
		kq->byhfd[kn->hfd] = NULL;
	knote_free_raw(kn);
	if (filter == FBSD_EVFILT_READ || filter == FBSD_EVFILT_WRITE)
		fdwatch_update(kq, fd);
	if (filter == FBSD_EVFILT_PROC)
		pentry_sync(kq, ident);
}

/* ------------------------------------------------------------ filters */

static enum ftype fd_type(int fd)
{
	struct stat st;
	int v = 0;
	socklen_t len = sizeof(v);

	if (fstat(fd, &st) < 0)
		return FT_OTHER;
	switch (st.st_mode & S_IFMT) {
	case S_IFIFO:
		return FT_FIFO;
	case S_IFSOCK:
		if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &v, &len) == 0 && v)
			return FT_LISTEN;
		return FT_SOCK;
	case S_IFCHR:
		return FT_CHR;
	case S_IFREG:
	case S_IFDIR:
		return FT_FILE;
	default:
		return FT_OTHER;
	}
}

static short poll1(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };

	if (poll(&p, 1, 0) <= 0)
		return 0;
	return p.revents;
}

static int64_t lowat(const struct knote *kn)
{
	return (kn->sfflags & FBSD_NOTE_LOWAT) && kn->sdata > 0 ? kn->sdata : 1;
}

/* filt_vfsread / filt_piperead / filt_soread / ttyread. */
static bool probe_read(struct knote *kn)
{
	int fd = (int)kn->kev.ident, n = 0;
	short re;
	bool eof;

	kn->kev.flags &= (uint16_t)~FBSD_EV_EOF;
	kn->kev.fflags = 0;
	if (kn->ft == FT_FILE) {
		struct stat st;
		off_t off = lseek(fd, 0, SEEK_CUR);

		if (fstat(fd, &st) < 0)
			return false;
		kn->kev.data = off < 0 ? 0 : (int64_t)st.st_size - off;
		return kn->kev.data != 0 || (kn->sfflags & FBSD_NOTE_FILE_POLL);
	}
	re = poll1(fd, POLLIN | POLLRDHUP | POLLPRI);
	if (re & POLLNVAL)
		return false;
	eof = re & (POLLHUP | POLLRDHUP | POLLERR);
	if (kn->ft == FT_LISTEN)
		n = (re & POLLIN) ? 1 : 0;
	else if (ioctl(fd, FIONREAD, &n) < 0)
		n = (re & POLLIN) ? 1 : 0;
	kn->kev.data = n;
	if (eof)
		kn->kev.flags |= FBSD_EV_EOF;
	switch (kn->ft) {
	case FT_FIFO:
		return n >= lowat(kn) || eof;
	case FT_SOCK:
		return n >= lowat(kn) || eof || (re & POLLIN && n == 0 && lowat(kn) <= 1);
	default:
		return (re & (POLLIN | POLLPRI)) || eof;
	}
}

/* filt_vfswrite / filt_pipewrite / filt_sowrite. */
static bool probe_write(struct knote *kn)
{
	int fd = (int)kn->kev.ident, n = 0;
	short re;

	kn->kev.flags &= (uint16_t)~FBSD_EV_EOF;
	kn->kev.fflags = 0;
	kn->kev.data = 0;
	if (kn->ft == FT_FILE)
		return true;
	re = poll1(fd, POLLOUT);
	if (re & POLLNVAL)
		return false;
	if (re & (POLLERR | POLLHUP)) {
		kn->kev.flags |= FBSD_EV_EOF;
		return true;
	}
	if (kn->ft == FT_FIFO) {
		int sz = fcntl(fd, F_GETPIPE_SZ);

		if (sz > 0 && ioctl(fd, FIONREAD, &n) == 0)
			kn->kev.data = sz - n;
		return (re & POLLOUT) && kn->kev.data >= lowat(kn);
	}
	if (kn->ft == FT_SOCK) {
		int sb = 0;
		socklen_t len = sizeof(sb);

		if (getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sb, &len) == 0 &&
		    ioctl(fd, SIOCOUTQ, &n) == 0)
			kn->kev.data = sb > n ? sb - n : 0;
		return (re & POLLOUT) && kn->kev.data >= lowat(kn);
	}
	return re & POLLOUT;
}

static bool probe_timer(struct knote *kn)
{
	uint64_t v;

	while (read(kn->hfd, &v, sizeof(v)) == sizeof(v))
		kn->acc += v;
	kn->kev.data = (int64_t)kn->acc;
	return kn->acc > 0;
}

static bool probe_signal(struct knote *kn)
{
	uint64_t now = atomic_load(&sig_count[kn->kev.ident]);

	kn->kev.data = (int64_t)(now - kn->sigbase);
	return now != kn->sigbase;
}

/* FreeBSD's W* encoding of how the process ended. */
static int64_t exit_status(int pidfd)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	if (syscall(SYS_waitid, P_PIDFD, pidfd, &si, WEXITED | WNOHANG | WNOWAIT, NULL) < 0 ||
	    si.si_pid == 0)
		return 0;
	if (si.si_code == CLD_EXITED)
		return (si.si_status & 0xff) << 8;
	int s = fbsd_sig_from_host(si.si_status);

	return (s ? s : si.si_status) | (si.si_code == CLD_DUMPED ? 0x80 : 0);
}

/* filt_proc: NOTE_FORK/EXEC (and NOTE_CHILD, NOTE_TRACKERR) gathered in
 * pfflags by the channel; the exit seen on the pidfd. */
static bool probe_proc(struct knote *kn)
{
	if (!kn->exited && kn->hfd >= 0 && (poll1(kn->hfd, POLLIN) & POLLIN)) {
		kn->exited = true;
		kn->kev.flags |= FBSD_EV_EOF | FBSD_EV_ONESHOT;
		kn->pfflags |= kn->sfflags & FBSD_NOTE_EXIT;
		if (kn->sfflags & FBSD_NOTE_EXIT)
			kn->kev.data = exit_status(kn->hfd);
	}
	kn->kev.fflags = kn->pfflags;
	return kn->exited || kn->pfflags != 0;
}

static void vnode_stat(struct knote *kn, bool report)
{
	struct stat st;

	if (fstat((int)kn->kev.ident, &st) < 0)
		return;
	if (report) {
		if ((uint64_t)st.st_nlink < kn->vn_nlink)
			kn->vn_fflags |= FBSD_NOTE_DELETE;
		else if ((uint64_t)st.st_nlink > kn->vn_nlink)
			kn->vn_fflags |= FBSD_NOTE_LINK;
		if (st.st_size > kn->vn_size)
			kn->vn_fflags |= FBSD_NOTE_EXTEND;
	}
	kn->vn_nlink = st.st_nlink;
	kn->vn_size = st.st_size;
}

static bool probe_vnode(struct knote *kn)
{
	char buf[4096] __attribute__((aligned(8)));
	ssize_t n;
	bool any = false;

	while ((n = read(kn->hfd, buf, sizeof(buf))) > 0) {
		for (ssize_t off = 0; off < n;) {
			const struct inotify_event *e = (const void *)(buf + off);
			uint32_t m = e->mask, f = 0;

			off += (ssize_t)sizeof(*e) + e->len;
			if (m & IN_MODIFY)
				f |= FBSD_NOTE_WRITE;
			if (m & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO))
				f |= (m & IN_ISDIR) && (m & (IN_CREATE | IN_DELETE)) ?
				     FBSD_NOTE_WRITE | FBSD_NOTE_LINK : FBSD_NOTE_WRITE;
			if ((m & IN_ATTRIB) && !(m & IN_ISDIR && e->len))
				f |= FBSD_NOTE_ATTRIB;
			if (m & IN_DELETE_SELF)
				f |= FBSD_NOTE_DELETE;
			if (m & IN_MOVE_SELF)
				f |= FBSD_NOTE_RENAME;
			if (m & IN_OPEN)
				f |= FBSD_NOTE_OPEN;
			if (m & IN_CLOSE_WRITE)
				f |= FBSD_NOTE_CLOSE_WRITE;
			if (m & IN_CLOSE_NOWRITE)
				f |= FBSD_NOTE_CLOSE;
			if (m & IN_ACCESS)
				f |= FBSD_NOTE_READ;
			kn->vn_fflags |= f;
			any = true;
		}
	}
	if (any) {
		uint64_t before = kn->vn_nlink;

		vnode_stat(kn, true);
		/* A link count change is NOTE_DELETE/NOTE_LINK, not NOTE_ATTRIB. */
		if (kn->vn_nlink != before)
			kn->vn_fflags &= ~(uint32_t)FBSD_NOTE_ATTRIB;
	}
	kn->vn_fflags &= kn->sfflags;
	kn->kev.fflags = kn->vn_fflags;
	kn->kev.data = 0;
	return kn->vn_fflags != 0;
}

static bool probe(struct knote *kn)
{
	bool r;

	switch (kn->kev.filter) {
	case FBSD_EVFILT_READ: r = probe_read(kn); break;
	case FBSD_EVFILT_WRITE: r = probe_write(kn); break;
	case FBSD_EVFILT_TIMER: r = probe_timer(kn); break;
	case FBSD_EVFILT_SIGNAL: r = probe_signal(kn); break;
	case FBSD_EVFILT_PROC: r = probe_proc(kn); break;
	case FBSD_EVFILT_VNODE: r = probe_vnode(kn); break;
	case FBSD_EVFILT_USER:
		kn->kev.fflags = kn->sfflags;
		kn->kev.data = kn->sdata;
		r = kn->trig;
		break;
	default: r = false;
	}
	return r || kn->forced;
}

/* After a report of an EV_CLEAR knote (the touch-less reset, or the
 * filter's own EVENT_PROCESS for USER, and the counters that are ours). */
static void kn_clear(struct knote *kn)
{
	switch (kn->kev.filter) {
	case FBSD_EVFILT_TIMER: kn->acc = 0; break;
	case FBSD_EVFILT_SIGNAL: kn->sigbase += (uint64_t)kn->kev.data; break;
	case FBSD_EVFILT_VNODE: kn->vn_fflags = 0; break;
	case FBSD_EVFILT_PROC: kn->pfflags = 0; break;
	case FBSD_EVFILT_USER: kn->trig = false; return;
	default: break;
	}
	kn->kev.data = 0;
	kn->kev.fflags = 0;
}

/* ---- attach (f_attach) ---- */

static int timer_arm(struct knote *kn)
{
	struct itimerspec its;
	uint32_t unit = kn->sfflags & FBSD_NOTE_TIMER_PRECMASK;
	int64_t d = kn->sdata, ns_per;
	bool abs = kn->sfflags & FBSD_NOTE_ABSTIME;

	switch (unit) {
	case FBSD_NOTE_SECONDS: ns_per = 1000000000; break;
	case FBSD_NOTE_MSECONDS: case 0: ns_per = 1000000; break;
	case FBSD_NOTE_USECONDS: ns_per = 1000; break;
	case FBSD_NOTE_NSECONDS: ns_per = 1; break;
	default: return FBSD_EINVAL;
	}
	if (d < 0)
		return FBSD_EINVAL;
	memset(&its, 0, sizeof(its));
	its.it_value.tv_sec = d / (1000000000 / ns_per);
	its.it_value.tv_nsec = (d % (1000000000 / ns_per)) * ns_per;
	if (!abs && its.it_value.tv_sec == 0 && its.it_value.tv_nsec == 0)
		its.it_value.tv_nsec = 1;       /* 0: as soon as possible */
	if (abs && its.it_value.tv_sec == 0 && its.it_value.tv_nsec == 0)
		its.it_value.tv_nsec = 1;       /* the past: fire at once */
	if (!abs && !(kn->kev.flags & FBSD_EV_ONESHOT))
		its.it_interval = its.it_value;
	kn->acc = 0;
	if (timerfd_settime(kn->hfd, abs ? TFD_TIMER_ABSTIME : 0, &its, NULL) < 0)
		return fbsd_errno(errno);
	return 0;
}

static int attach_timer(struct kq *kq, struct knote *kn)
{
	int e, fd;
	bool abs = kn->sfflags & FBSD_NOTE_ABSTIME;

	if (kn->sdata < 0)
		return FBSD_EINVAL;
	switch (kn->sfflags & FBSD_NOTE_TIMER_PRECMASK) {
	case 0: case FBSD_NOTE_SECONDS: case FBSD_NOTE_MSECONDS:
	case FBSD_NOTE_USECONDS: case FBSD_NOTE_NSECONDS:
		break;
	default:
		return FBSD_EINVAL;
	}
	fd = fbsd_hostfd_own(timerfd_create(abs ? CLOCK_REALTIME : CLOCK_MONOTONIC,
					    TFD_NONBLOCK | TFD_CLOEXEC));
	if (fd < 0)
		return fbsd_errno(errno);
	if ((e = hfd_attach(kq, kn, fd, EPOLLIN)) != 0)
		return e;
	kn->kev.flags |= FBSD_EV_CLEAR;
	return timer_arm(kn);
}

static int sig_efd_get(void)
{
	int fd = atomic_load(&sig_efd);

	if (fd < 0) {
		int nfd = fbsd_hostfd_own(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
		int expect = -1;

		if (nfd < 0)
			return -1;
		if (!atomic_compare_exchange_strong(&sig_efd, &expect, nfd)) {
			fbsd_hostfd_close(nfd);
			return expect;
		}
		fd = nfd;
	}
	return fd;
}

static int attach_signal(struct kq *kq, struct knote *kn)
{
	if (kn->kev.ident < 1 || kn->kev.ident > FBSD_NSIG)
		return FBSD_EINVAL;
	if (!kq->sig_added) {
		int fd = sig_efd_get();
		struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.u64 = TAG_SIG };

		if (fd < 0 || epoll_ctl(kq->epfd, EPOLL_CTL_ADD, fd, &ev) < 0)
			return fbsd_errno(errno);
		kq->sig_added = true;
	}
	kn->sigbase = atomic_load(&sig_count[kn->kev.ident]);
	kn->kev.flags |= FBSD_EV_CLEAR;
	return 0;
}

static int attach_proc(struct kq *kq, struct knote *kn)
{
	long fd;

	if (kn->kev.ident == 0 || kn->kev.ident > INT32_MAX)
		return FBSD_ESRCH;
	fd = syscall(SYS_pidfd_open, (pid_t)kn->kev.ident, 0);
	if (fd < 0)
		return errno == EINVAL ? FBSD_ESRCH : fbsd_errno(errno);
	fcntl((int)fd, F_SETFD, FD_CLOEXEC);
	fd = fbsd_hostfd_own((int)fd);
	return hfd_attach(kq, kn, (int)fd, EPOLLIN);
}

/* knote_fork() with NOTE_TRACK: the tracker of CHILD with PARENT's
 * fflags and flags, and the one-shot NOTE_CHILD note (data = the parent
 * pid).  NOTE_TRACKERR on PARENT when CHILD cannot be watched. */
static void track_child(struct kq *kq, struct knote *parent, pid_t child)
{
	struct knote *cn = calloc(1, sizeof(*cn)), *tn = calloc(1, sizeof(*tn));

	if (!cn || !tn) {
		free(cn);
		free(tn);
		parent->pfflags |= FBSD_NOTE_TRACKERR;
		return;
	}
	tn->hfd = cn->hfd = -1;
	tn->kev.ident = cn->kev.ident = (uint64_t)child;
	tn->kev.filter = cn->kev.filter = FBSD_EVFILT_PROC;
	tn->kev.udata = cn->kev.udata = parent->kev.udata;
	tn->sdata = cn->sdata = (int64_t)parent->kev.ident;
	tn->kev.flags = parent->kev.flags & (uint16_t)~FBSD_EV_EOF;
	tn->sfflags = parent->sfflags;
	if (attach_proc(kq, tn) != 0) {
		free(cn);
		free(tn);
		parent->pfflags |= FBSD_NOTE_TRACKERR;
		return;
	}
	kn_insert(kq, tn);
	cn->kev.flags = (parent->kev.flags | FBSD_EV_ONESHOT) & (uint16_t)~FBSD_EV_EOF;
	cn->sfflags = parent->sfflags & ~(FBSD_NOTE_EXIT | FBSD_NOTE_EXEC | FBSD_NOTE_FORK);
	cn->kev.data = (int64_t)parent->kev.ident;
	cn->pfflags = FBSD_NOTE_CHILD;
	cn->childnote = true;
	kn_insert(kq, cn);
	enqueue(kq, cn);
}

static void pmsg_handle(struct kq *kq, const struct pmsg *m)
{
	struct knote *hits[16];
	int n = 0;

	if (m->pid <= 0)
		return;
	for (struct knote *kn = kq->hash[kn_hash((uint64_t)m->pid, FBSD_EVFILT_PROC, kq->hmask)];
	     kn && n < 16; kn = kn->hnext)
		if (kn->kev.ident == (uint64_t)m->pid && kn->kev.filter == FBSD_EVFILT_PROC &&
		    !kn->childnote && !kn->exited)
			hits[n++] = kn;
	for (int i = 0; i < n; i++) {
		struct knote *kn = hits[i];

		if (m->event == FBSD_NOTE_FORK) {
			if ((kn->sfflags & FBSD_NOTE_TRACK) && m->child > 0)
				track_child(kq, kn, m->child);
			kn->pfflags |= kn->sfflags & FBSD_NOTE_FORK;
		} else if (m->event == FBSD_NOTE_EXEC) {
			kn->pfflags |= kn->sfflags & FBSD_NOTE_EXEC;
		}
		if (kn->pfflags)
			enqueue(kq, kn);
	}
	/* the child's copy of a T entry stays only for a tracker */
	if (m->event == FBSD_NOTE_FORK && m->child > 0)
		pentry_sync(kq, (uint64_t)m->child);
}

static void pmsg_drain(struct kq *kq)
{
	struct pmsg m;
	ssize_t n;

	if (kq->psock < 0)
		return;
	while ((n = recv(kq->psock, &m, sizeof(m), MSG_DONTWAIT)) >= 0)
		if (n == (ssize_t)sizeof(m))
			pmsg_handle(kq, &m);
}

static int attach_vnode(struct kq *kq, struct knote *kn)
{
	char link[64], path[PATH_MAX];
	int fd = (int)kn->kev.ident, ifd;
	uint32_t mask = IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF |
			IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO;
	struct stat st;
	ssize_t n;

	if (fstat(fd, &st) < 0)
		return fbsd_errno(errno);
	if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode) &&
	    !S_ISCHR(st.st_mode))
		return FBSD_EINVAL;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n < 0)
		return fbsd_errno(errno);
	path[n] = 0;
	if (kn->sfflags & FBSD_NOTE_OPEN)
		mask |= IN_OPEN;
	if (kn->sfflags & FBSD_NOTE_CLOSE)
		mask |= IN_CLOSE_NOWRITE;
	if (kn->sfflags & FBSD_NOTE_CLOSE_WRITE)
		mask |= IN_CLOSE_WRITE;
	if (kn->sfflags & FBSD_NOTE_READ)
		mask |= IN_ACCESS;
	ifd = fbsd_hostfd_own(inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
	if (ifd < 0)
		return fbsd_errno(errno);
	if (inotify_add_watch(ifd, path, mask) < 0) {
		/* Unlinked already, or not reachable by name: nothing to see. */
		log_msg("kevent: EVFILT_VNODE on fd %d (%s): no inotify watch: %s",
			fd, path, strerror(errno));
	}
	kn->vn_nlink = st.st_nlink;
	kn->vn_size = st.st_size;
	return hfd_attach(kq, kn, ifd, EPOLLIN);
}

static int attach_rw(struct kq *kq, struct knote *kn)
{
	int fd = (int)kn->kev.ident;

	kn->ft = fd_type(fd);
	if (kn->kev.filter == FBSD_EVFILT_WRITE && kn->ft == FT_FIFO &&
	    (poll1(fd, POLLOUT) & POLLERR))
		return FBSD_EPIPE;      /* pipe_kqfilter: the reader is gone */
	if (kn->ft == FT_FILE) {
		kn->nowatch = true;
		kq->npoll++;
		return 0;
	}
	return 0;
}

static int kn_attach(struct kq *kq, struct knote *kn)
{
	static atomic_int named[FBSD_EVFILT_SYSCOUNT + 1];
	int f = kn->kev.filter;

	switch (f) {
	case FBSD_EVFILT_READ:
	case FBSD_EVFILT_WRITE: return attach_rw(kq, kn);
	case FBSD_EVFILT_TIMER: return attach_timer(kq, kn);
	case FBSD_EVFILT_SIGNAL: return attach_signal(kq, kn);
	case FBSD_EVFILT_PROC: return attach_proc(kq, kn);
	case FBSD_EVFILT_VNODE: return attach_vnode(kq, kn);
	case FBSD_EVFILT_USER:
		kn->trig = kn->sfflags & FBSD_NOTE_TRIGGER;
		kn->sfflags &= FBSD_NOTE_FFLAGSMASK;
		return 0;
	default:
		if (!atomic_exchange(&named[-f], 1))
			log_msg("kevent: filter %d is not implemented (ENXIO)", f);
		return FBSD_ENXIO;
	}
}

/* EVFILT_USER's f_touch(EVENT_REGISTER). */
static void user_touch(struct knote *kn, const struct fbsd_kevent *kev)
{
	uint32_t ff = kev->fflags & FBSD_NOTE_FFLAGSMASK;

	if (kev->fflags & FBSD_NOTE_TRIGGER)
		kn->trig = true;
	switch (kev->fflags & FBSD_NOTE_FFCTRLMASK) {
	case FBSD_NOTE_FFAND: kn->sfflags &= ff; break;
	case FBSD_NOTE_FFOR: kn->sfflags |= ff; break;
	case FBSD_NOTE_FFCOPY: kn->sfflags = ff; break;
	default: break;
	}
	kn->sdata = kev->data;
	if (kev->flags & FBSD_EV_CLEAR) {
		kn->trig = false;
		kn->kev.data = 0;
		kn->kev.fflags = 0;
	}
}

static void kq_wake(struct kq *kq)
{
	uint64_t one = 1;

	if (kq->waiters > 0 && write(kq->wakefd, &one, sizeof(one)) < 0)
		(void)0;        /* the counter is full: a wake-up is pending anyway */
}

/* kqueue_register(): one change.  KEV's fflags/data are zeroed for a new
 * knote as FreeBSD does (they show in an EV_RECEIPT entry). */
static int kq_register(struct kq *kq, int kqfd, struct fbsd_kevent *kev)
{
	struct knote *kn;
	int f = kev->filter, e;

	if (f >= 0 || f < -FBSD_EVFILT_SYSCOUNT)
		return FBSD_EINVAL;
	if (is_fd_filter(f)) {
		if (kev->ident > INT32_MAX || fcntl((int)kev->ident, F_GETFD) < 0)
			return FBSD_EBADF;
		if ((int)kev->ident == kqfd)
			return FBSD_EINVAL;
	}
	kn = kn_find(kq, kev->ident, f);
	if (!kn) {
		if (!(kev->flags & FBSD_EV_ADD))
			return FBSD_ENOENT;
		kn = calloc(1, sizeof(*kn));
		if (!kn)
			return FBSD_ENOMEM;
		kn->hfd = -1;
		kn->sfflags = kev->fflags;
		kn->sdata = kev->data;
		kev->fflags = 0;
		kev->data = 0;
		kn->kev = *kev;
		kn->kev.flags &= (uint16_t)~(FBSD_EV_ADD | FBSD_EV_DELETE |
					     FBSD_EV_ENABLE | FBSD_EV_DISABLE);
		if ((e = kn_attach(kq, kn)) != 0) {
			if (kn->nowatch)
				kq->npoll--;
			knote_free_raw(kn);
			return e;
		}
		kn_insert(kq, kn);
		if (f == FBSD_EVFILT_READ || f == FBSD_EVFILT_WRITE)
			fdwatch_update(kq, (int)kev->ident);
	} else if (kev->flags & FBSD_EV_DELETE) {
		kn_drop(kq, kn);
		return 0;
	} else {
		kn->kev.udata = kev->udata;
		if (f == FBSD_EVFILT_USER) {
			user_touch(kn, kev);
		} else if (f == FBSD_EVFILT_TIMER) {
			kn->sfflags = kev->fflags;
			kn->sdata = kev->data;
			if ((e = timer_arm(kn)) != 0)
				return e;
		} else {
			kn->sfflags = kev->fflags;
			kn->sdata = kev->data;
		}
	}
	if (f == FBSD_EVFILT_PROC && !kn->childnote) {
		if (kn->sfflags & (FBSD_NOTE_FORK | FBSD_NOTE_EXEC | FBSD_NOTE_TRACK))
			psock_open(kq);
		pentry_sync(kq, kn->kev.ident);
	}
	if (kev->flags & FBSD_EV_FORCEONESHOT) {
		kn->kev.flags |= FBSD_EV_ONESHOT;
		kn->forced = true;
	}
	if (kev->flags & FBSD_EV_DISABLE)
		kn->disabled = true;
	if (kev->flags & FBSD_EV_ENABLE)
		kn->disabled = false;
	if (!kn->disabled) {
		enqueue(kq, kn);
		kq_wake(kq);
	}
	return 0;
}

/* ------------------------------------------------------------ scanning */

static void note_event(struct kq *kq, uint64_t tag)
{
	struct knote *kn;

	switch (tag & TAG_MASK) {
	case TAG_FD:
		if ((kn = kn_find(kq, tag & ~TAG_MASK, FBSD_EVFILT_READ)))
			enqueue(kq, kn);
		if ((kn = kn_find(kq, tag & ~TAG_MASK, FBSD_EVFILT_WRITE)))
			enqueue(kq, kn);
		return;
	case TAG_HFD:
		if ((tag & ~TAG_MASK) < (uint64_t)kq->nbyhfd &&
		    (kn = kq->byhfd[tag & ~TAG_MASK]))
			enqueue(kq, kn);
		return;
	}
	if (tag == TAG_PMSG) {
		pmsg_drain(kq);
		return;
	}
	if (tag == TAG_WAKE) {
		uint64_t v;

		if (read(kq->wakefd, &v, sizeof(v)) < 0)
			(void)0;
		return;
	}
	if (tag == TAG_SIG) {
		for (unsigned i = 0; i <= kq->hmask; i++)
			for (kn = kq->hash[i]; kn; kn = kn->hnext)
				if (kn->kev.filter == FBSD_EVFILT_SIGNAL)
					enqueue(kq, kn);
	}
}

/* Take what epoll has without waiting; queue the unwatchable knotes. */
static void harvest(struct kq *kq)
{
	struct epoll_event evs[64];
	int n;

	do {
		n = epoll_wait(kq->epfd, evs, 64, 0);
		for (int i = 0; i < n; i++)
			note_event(kq, evs[i].data.u64);
	} while (n == 64);
	/* NOTE_FORK/EXEC sent before an exit the pidfd shows are taken first */
	pmsg_drain(kq);
	if (kq->npoll) {
		for (unsigned i = 0; i <= kq->hmask; i++)
			for (struct knote *kn = kq->hash[i]; kn; kn = kn->hnext)
				if (kn->nowatch)
					enqueue(kq, kn);
	}
}

struct kev_out {
	gaddr_t list;
	int max, n;
	bool old;
	int error;
};

static void put_event(struct kev_out *o, const struct fbsd_kevent *kev)
{
	int r;

	if (o->old) {
		struct fbsd_kevent11 k = {
			.ident = kev->ident, .filter = kev->filter, .flags = kev->flags,
			.fflags = kev->fflags, .data = kev->data, .udata = kev->udata,
		};
		r = copy_to_guest(o->list + (uint64_t)o->n * sizeof(k), &k, sizeof(k));
	} else {
		r = copy_to_guest(o->list + (uint64_t)o->n * sizeof(*kev), kev, sizeof(*kev));
	}
	if (r < 0 && !o->error)
		o->error = FBSD_EFAULT;
	o->n++;
}

/* One pass of kqueue_scan over the knotes queued now. */
static void collect(struct kq *kq, struct kev_out *o)
{
	int todo = 0;

	for (struct knote *kn = kq->qhead; kn; kn = kn->qnext)
		todo++;
	while (todo-- > 0 && o->n < o->max && kq->qhead) {
		struct knote *kn = kq->qhead;
		struct fbsd_kevent out;
		uint16_t fl;

		dequeue(kq, kn);
		if (kn->disabled)
			continue;
		if (!probe(kn))
			continue;
		out = kn->kev;
		fl = kn->kev.flags;
		if (kn->kev.filter == FBSD_EVFILT_PROC && kn->exited && !kn->kev.fflags) {
			kn_drop(kq, kn);        /* EV_DROP: nothing asked for */
			continue;
		}
		put_event(o, &out);
		if (fl & FBSD_EV_ONESHOT) {
			kn_drop(kq, kn);
			continue;
		}
		if (fl & (FBSD_EV_CLEAR | FBSD_EV_DISPATCH)) {
			if (fl & FBSD_EV_CLEAR)
				kn_clear(kn);
			if (fl & FBSD_EV_DISPATCH)
				kn->disabled = true;
		} else {
			enqueue(kq, kn);
		}
	}
}

static int64_t mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int kq_scan(struct kq *kq, struct kev_out *o, const struct fbsd_timespec *tsp)
{
	int64_t deadline = -1;  /* -1: forever, 0: poll */
	struct epoll_event evs[64];

	if (o->max == 0)
		return 0;
	if (tsp) {
		if (tsp->tv_sec < 0 || tsp->tv_nsec < 0 || tsp->tv_nsec >= 1000000000)
			return FBSD_EINVAL;
		if (tsp->tv_sec == 0 && tsp->tv_nsec == 0)
			deadline = 0;
		else if (tsp->tv_sec > INT32_MAX)
			deadline = -1;
		else
			deadline = mono_now() + tsp->tv_sec * 1000000000 + tsp->tv_nsec;
	}
	pthread_mutex_lock(&kq->lock);
	for (;;) {
		struct timespec wts, *wp = NULL;
		long r;
		int err;

		harvest(kq);
		collect(kq, o);
		if (o->n > 0 || deadline == 0)
			break;
		if (deadline > 0) {
			int64_t left = deadline - mono_now();

			if (left <= 0)
				break;
			wts.tv_sec = left / 1000000000;
			wts.tv_nsec = left % 1000000000;
			wp = &wts;
		}
		if (kq->npoll && (!wp || wts.tv_sec > 0 || wts.tv_nsec > POLL_FALLBACK_MS * 1000000)) {
			wts.tv_sec = 0;
			wts.tv_nsec = POLL_FALLBACK_MS * 1000000;
			wp = &wts;
		}
		kq->waiters++;
		pthread_mutex_unlock(&kq->lock);
		r = fbsd_safe_syscall(SYS_epoll_pwait2, kq->epfd, (long)evs, 64, (long)wp, 0, 0);
		err = errno;
		pthread_mutex_lock(&kq->lock);
		kq->waiters--;
		if (r < 0) {
			pthread_mutex_unlock(&kq->lock);
			return err == EINTR ? FBSD_EINTR : fbsd_errno(err);
		}
		for (long i = 0; i < r; i++)
			note_event(kq, evs[i].data.u64);
	}
	/* Knotes still queued (level-triggered ones requeued, or more than
	 * this call could take) are active: on FreeBSD a thread asleep in
	 * kqueue_scan returns with them.  Our harvest may have taken the
	 * (edge-triggered) epoll events that would have woken it, so wake it
	 * here -- else Go's netpollBreak seen by a non-blocking poll on
	 * another M leaves the blocking netpoller, and every timer behind
	 * it, asleep. */
	if (kq->qhead)
		kq_wake(kq);
	pthread_mutex_unlock(&kq->lock);
	return o->error;
}

/* ------------------------------------------------------------ syscalls */

static int do_kevent(struct fbsd_thread *td, int fd, gaddr_t changes, int nchanges,
		     gaddr_t events, int nevents, gaddr_t timeout, bool old)
{
	struct fbsd_timespec ts;
	struct kev_out o = { .list = events, .max = nevents, .old = old };
	struct kq *kq;
	int nerrors = 0, error = 0;
	size_t sz = old ? sizeof(struct fbsd_kevent11) : sizeof(struct fbsd_kevent);

	if (timeout && copy_from_guest(&ts, timeout, sizeof(ts)) < 0)
		return FBSD_EFAULT;
	if (!(kq = kq_get(fd)))
		return FBSD_EBADF;
	if (nchanges < 0 || nevents < 0) {
		error = FBSD_EINVAL;
		goto done;
	}
	for (int i = 0; i < nchanges; i++) {
		struct fbsd_kevent kev;

		memset(&kev, 0, sizeof(kev));
		if (copy_from_guest(&kev, changes + (uint64_t)i * sz, sz) < 0) {
			error = FBSD_EFAULT;
			goto done;
		}
		if (old) {
			/* same leading fields; ext[] does not exist */
			memset(kev.ext, 0, sizeof(kev.ext));
		}
		if (!kev.filter)
			continue;
		kev.flags &= (uint16_t)~FBSD_EV_SYSFLAGS;
		pthread_mutex_lock(&kq->lock);
		error = kq_register(kq, fd, &kev);
		pthread_mutex_unlock(&kq->lock);
		if (error || (kev.flags & FBSD_EV_RECEIPT)) {
			if (o.max - o.n <= 0)
				goto done;
			kev.flags = FBSD_EV_ERROR;
			kev.data = error;
			put_event(&o, &kev);
			o.error = 0;    /* (void) k_copyout */
			nerrors++;
			error = 0;
		}
	}
	if (nerrors) {
		td->retval[0] = (uint64_t)nerrors;
		goto done;
	}
	error = kq_scan(kq, &o, timeout ? &ts : NULL);
	if (!error)
		td->retval[0] = (uint64_t)o.n;
done:
	kq_put(kq);
	return error;
}

int fbsd_sys_kevent(struct fbsd_thread *td, const struct fbsd_kevent_args *uap)
{
	return do_kevent(td, uap->fd, uap->changelist, uap->nchanges, uap->eventlist,
			 uap->nevents, uap->timeout, false);
}

int fbsd_sys_freebsd11_kevent(struct fbsd_thread *td,
			      const struct fbsd_freebsd11_kevent_args *uap)
{
	return do_kevent(td, uap->fd, uap->changelist, uap->nchanges, uap->eventlist,
			 uap->nevents, uap->timeout, true);
}

static int kqueue_create(struct fbsd_thread *td, bool cloexec)
{
	struct kq *kq = calloc(1, sizeof(*kq));
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = TAG_WAKE };
	int fd, e;

	if (!kq)
		return FBSD_ENOMEM;
	kq->psock = -1;
	kq->hmask = 15;
	kq->hash = calloc(kq->hmask + 1, sizeof(*kq->hash));
	kq->wakefd = fbsd_hostfd_own(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
	fd = epoll_create1(cloexec ? EPOLL_CLOEXEC : 0);
	if (!kq->hash || kq->wakefd < 0 || fd < 0 ||
	    epoll_ctl(fd, EPOLL_CTL_ADD, kq->wakefd, &ev) < 0) {
		e = kq->hash ? fbsd_errno(errno) : FBSD_ENOMEM;
		if (fd >= 0)
			close(fd);
		fbsd_hostfd_close(kq->wakefd);
		free(kq->hash);
		free(kq);
		return e;
	}
	kq->epfd = fd;
	kq->refs = 1;
	pthread_mutex_init(&kq->lock, NULL);
	pthread_mutex_lock(&kq_global);
	if (fd >= kq_tab_n) {
		int n = fd + 64;
		struct kq **nt = realloc(kq_tab, (size_t)n * sizeof(*nt));

		if (!nt) {
			pthread_mutex_unlock(&kq_global);
			close(fd);
			fbsd_hostfd_close(kq->wakefd);
			free(kq->hash);
			free(kq);
			return FBSD_ENOMEM;
		}
		memset(nt + kq_tab_n, 0, (size_t)(n - kq_tab_n) * sizeof(*nt));
		kq_tab = nt;
		kq_tab_n = n;
	}
	kq_tab[fd] = kq;
	atomic_fetch_add(&kq_live, 1);
	pthread_mutex_unlock(&kq_global);
	td->retval[0] = (uint64_t)fd;
	return 0;
}

int fbsd_sys_kqueue(struct fbsd_thread *td, const struct fbsd_kqueue_args *uap)
{
	(void)uap;
	return kqueue_create(td, false);
}

int fbsd_sys_kqueuex(struct fbsd_thread *td, const struct fbsd_kqueuex_args *uap)
{
	if (uap->flags & ~(uint32_t)FBSD_KQUEUE_CLOEXEC)
		return FBSD_EINVAL;
	return kqueue_create(td, uap->flags & FBSD_KQUEUE_CLOEXEC);
}

/* ------------------------------------------------------------ hooks */

void fbsd_kqueue_fd_closed(int fd)
{
	struct kq *gone = NULL;
	struct kq **live;
	int n = 0;

	if (fd < 0 || atomic_load(&kq_live) == 0)
		return;
	pthread_mutex_lock(&kq_global);
	if (fd < kq_tab_n && kq_tab[fd]) {
		gone = kq_tab[fd];
		kq_tab[fd] = NULL;
	}
	live = malloc((size_t)kq_tab_n * sizeof(*live));
	for (int i = 0; live && i < kq_tab_n; i++) {
		if (kq_tab[i]) {
			kq_tab[i]->refs++;
			live[n++] = kq_tab[i];
		}
	}
	pthread_mutex_unlock(&kq_global);
	/* knote_fdclose(): every knote on FD goes, in every kqueue. */
	for (int i = 0; i < n; i++) {
		static const int filters[] = { FBSD_EVFILT_READ, FBSD_EVFILT_WRITE,
					       FBSD_EVFILT_VNODE };
		struct kq *kq = live[i];

		pthread_mutex_lock(&kq->lock);
		for (unsigned j = 0; j < sizeof(filters) / sizeof(filters[0]); j++) {
			struct knote *kn = kn_find(kq, (uint64_t)fd, filters[j]);

			if (kn)
				kn_drop(kq, kn);
		}
		pthread_mutex_unlock(&kq->lock);
		kq_put(kq);
	}
	free(live);
	if (gone)
		kq_put(gone);
}

void fbsd_kqueue_fds_closed(unsigned lo, unsigned hi)
{
	int top = 0;

	if (atomic_load(&kq_live) == 0 || lo > INT32_MAX)
		return;
	/* The highest fd any kqueue could know: its table or its knotes. */
	pthread_mutex_lock(&kq_global);
	top = kq_tab_n;
	for (int i = 0; i < kq_tab_n; i++) {
		struct kq *kq = kq_tab[i];

		if (!kq)
			continue;
		pthread_mutex_lock(&kq->lock);
		for (unsigned b = 0; b <= kq->hmask; b++)
			for (struct knote *kn = kq->hash[b]; kn; kn = kn->hnext)
				if (is_fd_filter(kn->kev.filter) && (int)kn->kev.ident >= top)
					top = (int)kn->kev.ident + 1;
		pthread_mutex_unlock(&kq->lock);
	}
	pthread_mutex_unlock(&kq_global);
	for (unsigned fd = lo; fd <= hi && fd < (unsigned)top; fd++)
		fbsd_kqueue_fd_closed((int)fd);
}

/* In a process where only the calling thread exists: close every kqueue. */
static void close_all(bool mine)
{
	int efd;

	pthread_mutex_init(&kq_global, NULL);
	for (int i = 0; i < kq_tab_n; i++) {
		struct kq *kq = kq_tab[i];

		if (!kq)
			continue;
		kq_tab[i] = NULL;
		close(kq->epfd);
		pthread_mutex_init(&kq->lock, NULL);
		kq->refs = 0;
		kq_free(kq, mine);
	}
	efd = atomic_exchange(&sig_efd, -1);
	fbsd_hostfd_close(efd);
	for (int s = 0; s <= FBSD_NSIG; s++)
		atomic_store(&sig_count[s], 0);
}

void fbsd_kqueue_fork_child(void)
{
	close_all(false);
}

void fbsd_kqueue_exec(void)
{
	close_all(true);
}

void fbsd_kqueue_proc_forked(int parent)
{
	proc_notify(FBSD_NOTE_FORK, parent, getpid());
}

void fbsd_kqueue_proc_execed(void)
{
	proc_notify(FBSD_NOTE_EXEC, getpid(), 0);
}

void fbsd_kqueue_signal(int sig)
{
	int fd;
	uint64_t one = 1;

	if (sig < 1 || sig > FBSD_NSIG)
		return;
	atomic_fetch_add(&sig_count[sig], 1);
	fd = atomic_load(&sig_efd);
	if (fd >= 0 && write(fd, &one, sizeof(one)) < 0)
		(void)0;
}
