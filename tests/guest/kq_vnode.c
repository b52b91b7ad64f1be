/* EVFILT_VNODE on a file in the cwd: NOTE_WRITE|NOTE_EXTEND on a write,
 * NOTE_ATTRIB on fchmod, NOTE_LINK on link(), NOTE_RENAME, NOTE_DELETE on
 * unlink; EV_CLEAR resets; EINVAL on a pipe; an unasked note is not
 * reported. */
#include "kq_defs.h"

#define O_RDWR 0x2
#define O_CREAT 0x200
#define AT_FDCWD (-100)

static struct timespec zero = { 0, 0 }, t20 = { 0, 20000000 };

int main(void)
{
	int kq = (int)sys(FBSD_SYS_kqueue);
	int fd = (int)sys(FBSD_SYS_openat, AT_FDCWD, "vn.txt", O_RDWR | O_CREAT, 0644);
	struct kevent ch, ev[4];
	unsigned all = NOTE_DELETE | NOTE_WRITE | NOTE_EXTEND | NOTE_ATTRIB |
		       NOTE_LINK | NOTE_RENAME;
	int p[2];

	CHECK(kq >= 0 && fd >= 0);
	kset(&ch, fd, EVFILT_VNODE, EV_ADD | EV_CLEAR, all, 0, 0x33);
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &zero), 0);
	CHECK_EQ(sys(FBSD_SYS_write, fd, "data", 4), 4);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &t20), 1);
	CHECK_EQ(ev[0].ident, fd);
	CHECK_EQ(ev[0].filter, EVFILT_VNODE);
	CHECK_EQ(ev[0].fflags, NOTE_WRITE | NOTE_EXTEND);
	CHECK_EQ(ev[0].udata, 0x33);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);
	/* rewriting in place: NOTE_WRITE only */
	CHECK_EQ(sys(FBSD_SYS_pwrite, fd, "D", 1, 0), 1);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &t20), 1);
	CHECK_EQ(ev[0].fflags, NOTE_WRITE);
	CHECK_EQ(sys(FBSD_SYS_fchmod, fd, 0600), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &t20), 1);
	CHECK_EQ(ev[0].fflags, NOTE_ATTRIB);
	CHECK_EQ(sys(FBSD_SYS_link, "vn.txt", "vn2.txt"), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &t20), 1);
	CHECK_EQ(ev[0].fflags, NOTE_LINK);
	CHECK_EQ(sys(FBSD_SYS_rename, "vn.txt", "vn3.txt"), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &t20), 1);
	CHECK_EQ(ev[0].fflags & NOTE_RENAME, NOTE_RENAME);
	CHECK_EQ(sys(FBSD_SYS_unlink, "vn2.txt"), 0);
	CHECK_EQ(sys(FBSD_SYS_unlink, "vn3.txt"), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &t20), 1);
	CHECK(ev[0].fflags & NOTE_DELETE);
	CHECK_EQ(ev[0].fflags & NOTE_ATTRIB, 0);
	CHECK_EQ(sys(FBSD_SYS_close, fd), 0);

	/* only what was asked: NOTE_DELETE alone ignores writes */
	fd = (int)sys(FBSD_SYS_openat, AT_FDCWD, "vn4.txt", O_RDWR | O_CREAT, 0644);
	kset(&ch, fd, EVFILT_VNODE, EV_ADD | EV_CLEAR, NOTE_DELETE, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_write, fd, "x", 1), 1);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &t20), 0);
	CHECK_EQ(sys(FBSD_SYS_unlink, "vn4.txt"), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &t20), 1);
	CHECK_EQ(ev[0].fflags, NOTE_DELETE);
	CHECK_EQ(sys(FBSD_SYS_close, fd), 0);

	/* a pipe is no vnode */
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	kset(&ch, p[0], EVFILT_VNODE, EV_ADD, NOTE_WRITE, 0, 0);
	CHECK_ERR(kev(kq, &ch, 1, 0, 0, 0), FBSD_EINVAL);
	/* a closed descriptor */
	CHECK_EQ(sys(FBSD_SYS_close, p[0]), 0);
	CHECK_ERR(kev(kq, &ch, 1, 0, 0, 0), FBSD_EBADF);
	CHECK_EQ(sys(FBSD_SYS_close, p[1]), 0);
	CHECK_EQ(sys(FBSD_SYS_close, kq), 0);
	return t_failures ? 1 : 0;
}
