/* kqueue/kevent on pipes: EV_ADD/DELETE/ENABLE/DISABLE, EV_ONESHOT,
 * EV_CLEAR, EV_DISPATCH, EV_RECEIPT, EV_ERROR entries, EV_EOF, udata and
 * ext round trips, data = bytes readable / space free, FreeBSD 11's
 * 32-byte layout (363), kqueuex, timeouts and the error paths. */
#include "t.h"

struct kevent {
	unsigned long ident;
	short filter;
	unsigned short flags;
	unsigned fflags;
	long data;
	unsigned long udata;
	unsigned long ext[4];
};
struct kevent11 {
	unsigned long ident;
	short filter;
	unsigned short flags;
	unsigned fflags;
	long data;
	unsigned long udata;
};
struct timespec { long sec, nsec; };
_Static_assert(sizeof(struct kevent) == 64, "kevent");
_Static_assert(sizeof(struct kevent11) == 32, "kevent11");

#define EVFILT_READ (-1)
#define EVFILT_WRITE (-2)
#define EVFILT_USER (-11)
#define EV_ADD 0x1
#define EV_DELETE 0x2
#define EV_ENABLE 0x4
#define EV_DISABLE 0x8
#define EV_ONESHOT 0x10
#define EV_CLEAR 0x20
#define EV_RECEIPT 0x40
#define EV_DISPATCH 0x80
#define EV_EOF 0x8000
#define EV_ERROR 0x4000
#define O_CLOEXEC 0x00100000
#define F_GETFD 1

static struct timespec zero = { 0, 0 };

static void set(struct kevent *k, unsigned long id, int filt, int flags, unsigned ff,
		long data, unsigned long udata)
{
	memset(k, 0, sizeof(*k));
	k->ident = id;
	k->filter = (short)filt;
	k->flags = (unsigned short)flags;
	k->fflags = ff;
	k->data = data;
	k->udata = udata;
}

static long kev(int kq, struct kevent *ch, int nch, struct kevent *ev, int nev,
		struct timespec *ts)
{
	return sys(FBSD_SYS_kevent, kq, ch, nch, ev, nev, ts);
}

static void test_pipe_level(int kq)
{
	int p[2];
	struct kevent ch[2], ev[4];

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	set(&ch[0], p[0], EVFILT_READ, EV_ADD, 0, 0, 0x1234);
	set(&ch[1], p[1], EVFILT_WRITE, EV_ADD, 0, 0, 0x5678);
	ch[1].ext[0] = 0xabc;
	CHECK_EQ(kev(kq, ch, 2, 0, 0, 0), 0);
	/* empty pipe: only the write end is ready; data = free space */
	memset(ev, 0, sizeof(ev));
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].ident, p[1]);
	CHECK_EQ(ev[0].filter, EVFILT_WRITE);
	CHECK_EQ(ev[0].udata, 0x5678);
	CHECK_EQ(ev[0].ext[0], 0xabc);
	CHECK(ev[0].data >= 512);
	CHECK_EQ(ev[0].flags & EV_EOF, 0);
	long space = ev[0].data;
	/* write 5 bytes: readable with data 5, write space shrinks */
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "hello", 5), 5);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 2);
	for (int i = 0; i < 2; i++) {
		if (ev[i].filter == EVFILT_READ) {
			CHECK_EQ(ev[i].ident, p[0]);
			CHECK_EQ(ev[i].data, 5);
			CHECK_EQ(ev[i].udata, 0x1234);
		} else {
			CHECK_EQ(ev[i].data, space - 5);
		}
	}
	/* level-triggered: reported again */
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 2);
	/* nevents 1: one at a time */
	CHECK_EQ(kev(kq, 0, 0, ev, 1, &zero), 1);
	/* EV_DISABLE the write side */
	set(&ch[0], p[1], EVFILT_WRITE, EV_DISABLE, 0, 0, 0);
	CHECK_EQ(kev(kq, ch, 1, 0, 0, 0), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].filter, EVFILT_READ);
	/* drain: nothing readable */
	char buf[16];
	CHECK_EQ(sys(FBSD_SYS_read, p[0], buf, 16), 5);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);
	/* EV_ENABLE: the write side is back */
	set(&ch[0], p[1], EVFILT_WRITE, EV_ENABLE, 0, 0, 0);
	CHECK_EQ(kev(kq, ch, 1, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].filter, EVFILT_WRITE);
	/* EV_DELETE, then deleting again is ENOENT */
	set(&ch[0], p[1], EVFILT_WRITE, EV_DELETE, 0, 0, 0);
	CHECK_EQ(kev(kq, ch, 1, 0, 0, 0), 0);
	CHECK_ERR(kev(kq, ch, 1, 0, 0, 0), FBSD_ENOENT);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);
	/* the writer closes: EV_EOF, data 0 */
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "ab", 2), 2);
	CHECK_EQ(sys(FBSD_SYS_close, p[1]), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].ident, p[0]);
	CHECK(ev[0].flags & EV_EOF);
	CHECK_EQ(ev[0].data, 2);
	/* closing the fd drops its knote (knote_fdclose) */
	CHECK_EQ(sys(FBSD_SYS_close, p[0]), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);
	set(&ch[0], p[0], EVFILT_READ, EV_DELETE, 0, 0, 0);
	CHECK_ERR(kev(kq, ch, 1, 0, 0, 0), FBSD_EBADF);
}

static void test_flags(int kq)
{
	int p[2];
	struct kevent ch[1], ev[4];
	char buf[8];

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	/* EV_ONESHOT: reported once, then gone */
	set(&ch[0], p[0], EVFILT_READ, EV_ADD | EV_ONESHOT, 0, 0, 7);
	CHECK_EQ(kev(kq, ch, 1, 0, 0, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "x", 1), 1);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].flags & EV_ONESHOT, EV_ONESHOT);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);
	set(&ch[0], p[0], EVFILT_READ, EV_DELETE, 0, 0, 0);
	CHECK_ERR(kev(kq, ch, 1, 0, 0, 0), FBSD_ENOENT);

	/* EV_CLEAR: once per change of state */
	set(&ch[0], p[0], EVFILT_READ, EV_ADD | EV_CLEAR, 0, 0, 8);
	CHECK_EQ(kev(kq, ch, 1, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].data, 1);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "yz", 2), 2);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].data, 3);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);
	set(&ch[0], p[0], EVFILT_READ, EV_DELETE, 0, 0, 0);
	CHECK_EQ(kev(kq, ch, 1, 0, 0, 0), 0);

	/* EV_DISPATCH: reported, then disabled until EV_ENABLE */
	set(&ch[0], p[0], EVFILT_READ, EV_ADD | EV_DISPATCH, 0, 0, 9);
	CHECK_EQ(kev(kq, ch, 1, ev, 4, &zero), 1);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "w", 1), 1);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);
	set(&ch[0], p[0], EVFILT_READ, EV_ENABLE, 0, 0, 0);
	CHECK_EQ(kev(kq, ch, 1, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].data, 4);
	/* any change to a knote (here EV_ENABLE) sets udata: kqueue_register */
	CHECK_EQ(ev[0].udata, 0);
	/* EV_ADD on an existing knote updates udata */
	set(&ch[0], p[0], EVFILT_READ, EV_ADD | EV_ENABLE, 0, 0, 10);
	CHECK_EQ(kev(kq, ch, 1, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].udata, 10);
	CHECK_EQ(sys(FBSD_SYS_read, p[0], buf, 8), 4);
	CHECK_EQ(sys(FBSD_SYS_close, p[0]), 0);
	CHECK_EQ(sys(FBSD_SYS_close, p[1]), 0);
}

static void test_receipt_errors(int kq)
{
	int p[2];
	struct kevent ch[4], ev[4];

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	/* EV_RECEIPT: an EV_ERROR entry with data 0, no scan */
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "x", 1), 1);
	set(&ch[0], p[0], EVFILT_READ, EV_ADD | EV_RECEIPT, 0, 0, 0x77);
	memset(ev, 0xff, sizeof(ev));
	CHECK_EQ(kev(kq, ch, 1, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].flags, EV_ERROR);
	CHECK_EQ(ev[0].data, 0);
	CHECK_EQ(ev[0].ident, p[0]);
	CHECK_EQ(ev[0].udata, 0x77);
	/* errors go to the event list, and kevent returns how many */
	set(&ch[0], 9999, EVFILT_READ, EV_ADD, 0, 0, 1);
	set(&ch[1], p[1], EVFILT_WRITE, EV_DELETE, 0, 0, 2);
	set(&ch[2], 1, -99, EV_ADD, 0, 0, 3);
	set(&ch[3], 1, 0, EV_ADD, 0, 0, 4);     /* filter 0: skipped */
	CHECK_EQ(kev(kq, ch, 4, ev, 4, &zero), 3);
	CHECK_EQ(ev[0].flags, EV_ERROR);
	CHECK_EQ(ev[0].data, FBSD_EBADF);
	CHECK_EQ(ev[0].udata, 1);
	CHECK_EQ(ev[1].data, FBSD_ENOENT);
	CHECK_EQ(ev[2].data, FBSD_EINVAL);
	/* room for one only: the second error fails the call */
	CHECK_ERR(kev(kq, ch, 2, ev, 1, &zero), FBSD_ENOENT);
	/* without room the first error is the call's */
	CHECK_ERR(kev(kq, ch, 1, 0, 0, &zero), FBSD_EBADF);
	CHECK_ERR(kev(kq, &ch[2], 1, 0, 0, &zero), FBSD_EINVAL);
	/* the kqueue itself cannot be watched by itself */
	set(&ch[0], kq, EVFILT_READ, EV_ADD, 0, 0, 0);
	CHECK_ERR(kev(kq, ch, 1, 0, 0, &zero), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_close, p[0]), 0);
	CHECK_EQ(sys(FBSD_SYS_close, p[1]), 0);
}

static void test_old_abi(int kq)
{
	int p[2];
	struct kevent11 ch, ev[3];

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	memset(&ch, 0, sizeof(ch));
	ch.ident = p[0];
	ch.filter = EVFILT_READ;
	ch.flags = EV_ADD | EV_CLEAR;
	ch.udata = 0xfeedULL;
	CHECK_EQ(sys(FBSD_SYS_freebsd11_kevent, kq, &ch, 1, 0, 0, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "abc", 3), 3);
	memset(ev, 0x5a, sizeof(ev));
	CHECK_EQ(sys(FBSD_SYS_freebsd11_kevent, kq, 0, 0, ev, 2, &zero), 1);
	CHECK_EQ(ev[0].ident, p[0]);
	CHECK_EQ(ev[0].filter, EVFILT_READ);
	CHECK_EQ(ev[0].flags, EV_CLEAR);
	CHECK_EQ(ev[0].data, 3);
	CHECK_EQ(ev[0].udata, 0xfeed);
	/* 32-byte entries: the second one is untouched */
	CHECK_EQ(ev[1].ident, 0x5a5a5a5a5a5a5a5aUL);
	/* the new call sees the same knote */
	struct kevent e2[2];
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "d", 1), 1);
	CHECK_EQ(kev(kq, 0, 0, e2, 2, &zero), 1);
	CHECK_EQ(e2[0].data, 4);
	CHECK_EQ(e2[0].ext[0], 0);
	/* ENOENT through the old call */
	ch.ident = p[1];
	ch.flags = EV_DELETE;
	CHECK_ERR(sys(FBSD_SYS_freebsd11_kevent, kq, &ch, 1, 0, 0, 0), FBSD_ENOENT);
	CHECK_EQ(sys(FBSD_SYS_close, p[0]), 0);
	CHECK_EQ(sys(FBSD_SYS_close, p[1]), 0);
}

static void test_errors_and_timeouts(int kq)
{
	struct kevent ev[2], ch;
	struct timespec ts = { 0, 30 * 1000000 }, bad = { 0, 1000000000 };

	/* EBADF: not a descriptor, not a kqueue */
	CHECK_ERR(kev(-1, 0, 0, ev, 2, &zero), FBSD_EBADF);
	CHECK_ERR(kev(999, 0, 0, ev, 2, &zero), FBSD_EBADF);
	CHECK_ERR(kev(1, 0, 0, ev, 2, &zero), FBSD_EBADF);
	/* EFAULT */
	CHECK_ERR(kev(kq, 0, 0, ev, 2, (struct timespec *)8), FBSD_EFAULT);
	CHECK_ERR(kev(kq, (struct kevent *)8, 1, ev, 2, &zero), FBSD_EFAULT);
	/* bad timeouts are EINVAL, but only when events are wanted */
	CHECK_ERR(kev(kq, 0, 0, ev, 2, &bad), FBSD_EINVAL);
	CHECK_EQ(kev(kq, 0, 0, 0, 0, &bad), 0);
	/* a timeout with nothing to report: 0 after ~30 ms */
	CHECK_EQ(kev(kq, 0, 0, ev, 2, &ts), 0);
	/* nevents 0 never waits, even with a ready knote */
	set(&ch, 42, EVFILT_USER, EV_ADD, 0x1000000, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 2, 0), 1);
	set(&ch, 42, EVFILT_USER, EV_DELETE, 0, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	/* an unimplemented filter (EVFILT_FS) */
	set(&ch, 0, -9, EV_ADD, 0, 0, 0);
	CHECK_ERR(kev(kq, &ch, 1, 0, 0, 0), FBSD_ENXIO);
}

int main(void)
{
	int kq = (int)sys(FBSD_SYS_kqueue);

	CHECK(kq >= 0);
	test_pipe_level(kq);
	test_flags(kq);
	test_receipt_errors(kq);
	test_old_abi(kq);
	test_errors_and_timeouts(kq);
	CHECK_EQ(sys(FBSD_SYS_close, kq), 0);
	/* a closed kqueue is gone */
	CHECK_ERR(kev(kq, 0, 0, 0, 0, 0), FBSD_EBADF);

	/* kqueuex: KQUEUE_CLOEXEC and bad flags */
	int kx = (int)sys(FBSD_SYS_kqueuex, 1);
	CHECK(kx >= 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, kx, F_GETFD, 0), 1);
	CHECK_EQ(sys(FBSD_SYS_close, kx), 0);
	kx = (int)sys(FBSD_SYS_kqueuex, 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, kx, F_GETFD, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_close, kx), 0);
	CHECK_ERR(sys(FBSD_SYS_kqueuex, 2), FBSD_EINVAL);
	return t_failures ? 1 : 0;
}
