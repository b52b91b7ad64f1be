/* ioctl: descriptor requests, termios round trip on a pseudo-terminal
 * master (when the host has /dev/ptmx), and ENOTTY for the rest. */
#include "t.h"
#include "os/freebsd/fbsd_types.h"

#define O_RDONLY 0x0
#define O_RDWR 0x2
#define O_NONBLOCK 0x4
#define O_CREAT 0x200
#define O_NOCTTY 0x8000
#define F_GETFD 1
#define F_GETFL 3

#define TIOCGETA 0x402c7413UL
#define TIOCSETA 0x802c7414UL
#define TIOCSETAW 0x802c7415UL
#define TIOCSETAF 0x802c7416UL
#define TIOCGWINSZ 0x40087468UL
#define TIOCSWINSZ 0x80087467UL
#define FIOCLEX 0x20006601UL
#define FIONCLEX 0x20006602UL
#define FIONREAD 0x4004667fUL
#define FIONBIO 0x8004667eUL

/* termios bits (sys/sys/_termios.h) */
#define ECHO 0x8
#define ICANON 0x100
#define ISIG 0x80
#define IEXTEN 0x400
#define ICRNL 0x100
#define IXON 0x200
#define OPOST 0x1
#define CS7 0x200
#define CS8 0x300
#define CSIZE 0x300
#define CREAD 0x800
#define CSTOPB 0x400
#define VEOF 0
#define VERASE 3
#define VINTR 8
#define VMIN 16
#define VTIME 17
#define VSTATUS 18

int main(int argc, char **argv, char **envp)
{
	struct fbsd_winsize ws;
	struct fbsd_termios t, t2;
	int p[2], v;
	long fd;

	/* a regular file is not a tty */
	fd = sys(FBSD_SYS_open, "plain", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0);
	CHECK_ERR(sys(FBSD_SYS_ioctl, fd, TIOCGWINSZ, &ws), FBSD_ENOTTY);
	CHECK_ERR(sys(FBSD_SYS_ioctl, fd, TIOCGETA, &t), FBSD_ENOTTY);
	CHECK_ERR(sys(FBSD_SYS_ioctl, fd, 0x2000ff99UL, 0), FBSD_ENOTTY); /* unknown */
	CHECK_ERR(sys(FBSD_SYS_ioctl, fd, 0xdeadbeefUL, &v), FBSD_ENOTTY);
	CHECK_ERR(sys(FBSD_SYS_ioctl, 999, 0x2000ff99UL, 0), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_ioctl, 999, TIOCGWINSZ, &ws), FBSD_EBADF);

	/* FIOCLEX / FIONCLEX */
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, FIOCLEX, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFD, 0), 1);
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, FIONCLEX, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFD, 0), 0);
	/* only the low 32 bits of the request count */
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, 0xffffffff00000000UL | FIOCLEX, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, fd, F_GETFD, 0), 1);
	sys(FBSD_SYS_close, fd);

	/* FIONREAD / FIONBIO on a pipe */
	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "abc", 3), 3);
	v = -1;
	CHECK_EQ(sys(FBSD_SYS_ioctl, p[0], FIONREAD, &v), 0);
	CHECK_EQ(v, 3);
	CHECK_ERR(sys(FBSD_SYS_ioctl, p[0], FIONREAD, 8), FBSD_EFAULT);
	v = 1;
	CHECK_EQ(sys(FBSD_SYS_ioctl, p[0], FIONBIO, &v), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, p[0], F_GETFL, 0), O_RDONLY | O_NONBLOCK);
	{
		char b[8];

		CHECK_EQ(sys(FBSD_SYS_read, p[0], b, sizeof(b)), 3);
		CHECK_ERR(sys(FBSD_SYS_read, p[0], b, sizeof(b)), FBSD_EAGAIN);
	}
	v = 0;
	CHECK_EQ(sys(FBSD_SYS_ioctl, p[0], FIONBIO, &v), 0);
	CHECK_EQ(sys(FBSD_SYS_fcntl, p[0], F_GETFL, 0), O_RDONLY);
	CHECK_ERR(sys(FBSD_SYS_ioctl, p[0], FIONBIO, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_ioctl, p[0], TIOCGWINSZ, &ws), FBSD_ENOTTY);
	sys(FBSD_SYS_close, p[0]);
	sys(FBSD_SYS_close, p[1]);

	/* a terminal: the host's pty master */
	fd = sys(FBSD_SYS_open, "/dev/ptmx", O_RDWR | O_NOCTTY);
	if (fd < 0) {
		t_printf("no /dev/ptmx (%ld): terminal part skipped\n", fd);
		return 0;
	}
	memset(&t, 0x77, sizeof(t));
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, TIOCGETA, &t), 0);
	/* a fresh pty: canonical, echo, signals, CS8, CREAD, sane c_cc */
	CHECK(t.c_lflag & ICANON);
	CHECK(t.c_lflag & ECHO);
	CHECK(t.c_lflag & ISIG);
	CHECK_EQ(t.c_cflag & CSIZE, CS8);
	CHECK(t.c_cflag & CREAD);
	CHECK_EQ(t.c_cc[VINTR], 3);       /* ^C */
	CHECK_EQ(t.c_cc[VEOF], 4);        /* ^D */
	CHECK_EQ(t.c_cc[VERASE], 0x7f);
	CHECK_EQ(t.c_cc[VSTATUS], 0xff);  /* not on Linux: _POSIX_VDISABLE */
	CHECK_EQ(t.c_cc[VMIN], 1);
	CHECK(t.c_ospeed == 38400 || t.c_ospeed == 9600);
	CHECK(t.c_ispeed == t.c_ospeed);

	/* raw mode, 7 bits, new speed and VMIN/VTIME; read it back */
	t2 = t;
	t2.c_lflag &= ~(ICANON | ECHO | IEXTEN);
	t2.c_iflag &= ~(ICRNL | IXON);
	t2.c_cflag |= CSTOPB;  /* (Linux ptys force CS8, FreeBSD's do not) */
	t2.c_cc[VMIN] = 0;
	t2.c_cc[VTIME] = 5;
	t2.c_cc[VINTR] = 0xff;            /* disable ^C */
	t2.c_ispeed = t2.c_ospeed = 9600;
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, TIOCSETA, &t2), 0);
	memset(&t, 0, sizeof(t));
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, TIOCGETA, &t), 0);
	CHECK_EQ(t.c_lflag & (ICANON | ECHO | IEXTEN), 0);
	CHECK(t.c_lflag & ISIG);
	CHECK_EQ(t.c_iflag & (ICRNL | IXON), 0);
	CHECK(t.c_cflag & CSTOPB);
	CHECK_EQ(t.c_cflag & CSIZE, CS8);
	CHECK_EQ(t.c_cc[VMIN], 0);
	CHECK_EQ(t.c_cc[VTIME], 5);
	CHECK_EQ(t.c_cc[VINTR], 0xff);
	CHECK_EQ(t.c_ospeed, 9600);
	CHECK_EQ(t.c_ispeed, 9600);
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, TIOCSETAW, &t), 0);
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, TIOCSETAF, &t), 0);
	CHECK_ERR(sys(FBSD_SYS_ioctl, fd, TIOCSETA, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_ioctl, fd, TIOCGETA, 8), FBSD_EFAULT);

	/* window size */
	ws.ws_row = 33;
	ws.ws_col = 101;
	ws.ws_xpixel = 7;
	ws.ws_ypixel = 9;
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, TIOCSWINSZ, &ws), 0);
	memset(&ws, 0, sizeof(ws));
	CHECK_EQ(sys(FBSD_SYS_ioctl, fd, TIOCGWINSZ, &ws), 0);
	CHECK_EQ(ws.ws_row, 33);
	CHECK_EQ(ws.ws_col, 101);
	CHECK_EQ(ws.ws_xpixel, 7);
	CHECK_EQ(ws.ws_ypixel, 9);
	CHECK_ERR(sys(FBSD_SYS_ioctl, fd, TIOCGWINSZ, 8), FBSD_EFAULT);
	sys(FBSD_SYS_close, fd);
	return 0;
}
