/* ioctl (54): the generic descriptor requests (FIOCLEX, FIONCLEX, FIONBIO,
 * FIOASYNC, FIONREAD, FIOSETOWN, FIOGETOWN) and the terminal ones (termios
 * get/set, window size, process group, session, controlling terminal,
 * flush, drain, break, exclusive mode).
 *
 * FreeBSD's struct termios (sys/sys/_termios.h, 44 bytes, plain-number
 * speeds, c_cc[20]) is rebuilt from Linux's struct termios2 (TCGETS2, which
 * also carries plain-number speeds) flag by flag and index by index.  On a
 * set, the host bits FreeBSD cannot express (IUTF8, the line discipline,
 * delay fields, ...) keep their current values, so a FreeBSD program that
 * does tcgetattr/modify/tcsetattr does not disturb them.
 *
 * Also FIODTYPE, FIOSEEKDATA/FIOSEEKHOLE and TIOCGETD/TIOCSETD.
 *
 * An unknown request on a valid descriptor is ENOTTY, as vn_ioctl(),
 * pipe_ioctl() and the tty layer answer; --report lists each distinct
 * unknown request with its count, nothing is logged per call. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <asm/termbits.h>
#include <unistd.h>

#include "fbsd_types.h"
#include "report.h"
#include "syscall.h"

/* Request numbers (sys/sys/ttycom.h, sys/sys/filio.h via ioccom.h). */
#define FBSD_IOC_VOID  0x20000000u
#define FBSD_IOC_OUT   0x40000000u
#define FBSD_IOC_IN    0x80000000u
#define FBSD_IOC(dir, g, n, len) \
	((uint32_t)(dir) | ((uint32_t)(len) << 16) | ((uint32_t)(g) << 8) | (uint32_t)(n))
#define FBSD_IO(g, n)        FBSD_IOC(FBSD_IOC_VOID, g, n, 0)
#define FBSD_IOR(g, n, len)  FBSD_IOC(FBSD_IOC_OUT, g, n, len)
#define FBSD_IOW(g, n, len)  FBSD_IOC(FBSD_IOC_IN, g, n, len)

#define FBSD_TIOCGETA   FBSD_IOR('t', 19, sizeof(struct fbsd_termios))
#define FBSD_TIOCSETA   FBSD_IOW('t', 20, sizeof(struct fbsd_termios))
#define FBSD_TIOCSETAW  FBSD_IOW('t', 21, sizeof(struct fbsd_termios))
#define FBSD_TIOCSETAF  FBSD_IOW('t', 22, sizeof(struct fbsd_termios))
#define FBSD_TIOCGWINSZ FBSD_IOR('t', 104, sizeof(struct fbsd_winsize))
#define FBSD_TIOCSWINSZ FBSD_IOW('t', 103, sizeof(struct fbsd_winsize))
#define FBSD_TIOCGPGRP  FBSD_IOR('t', 119, 4)
#define FBSD_TIOCSPGRP  FBSD_IOW('t', 118, 4)
#define FBSD_TIOCGSID   FBSD_IOR('t', 99, 4)
#define FBSD_TIOCSCTTY  FBSD_IO('t', 97)
#define FBSD_TIOCNOTTY  FBSD_IO('t', 113)
#define FBSD_TIOCOUTQ   FBSD_IOR('t', 115, 4)
#define FBSD_TIOCEXCL   FBSD_IO('t', 13)
#define FBSD_TIOCNXCL   FBSD_IO('t', 14)
#define FBSD_TIOCFLUSH  FBSD_IOW('t', 16, 4)
#define FBSD_TIOCDRAIN  FBSD_IO('t', 94)
#define FBSD_TIOCSBRK   FBSD_IO('t', 123)
#define FBSD_TIOCCBRK   FBSD_IO('t', 122)
#define FBSD_FIOCLEX    FBSD_IO('f', 1)
#define FBSD_FIONCLEX   FBSD_IO('f', 2)
#define FBSD_FIONREAD   FBSD_IOR('f', 127, 4)
#define FBSD_FIONBIO    FBSD_IOW('f', 126, 4)
#define FBSD_FIOASYNC   FBSD_IOW('f', 125, 4)
#define FBSD_FIOSETOWN  FBSD_IOW('f', 124, 4)
#define FBSD_FIOGETOWN  FBSD_IOR('f', 123, 4)
#define FBSD_FIODTYPE   FBSD_IOR('f', 122, 4)
#define FBSD_IOWR(g, n, len) FBSD_IOC(FBSD_IOC_IN | FBSD_IOC_OUT, g, n, len)
#define FBSD_FIOSEEKDATA FBSD_IOWR('f', 97, 8)
#define FBSD_FIOSEEKHOLE FBSD_IOWR('f', 98, 8)
#define FBSD_TIOCGETD   FBSD_IOR('t', 26, 4)
#define FBSD_TIOCSETD   FBSD_IOW('t', 27, 4)

/* The values ABI-NOTES 8.5 lists, recomputed from the encoding. */
_Static_assert(FBSD_TIOCGETA == 0x402c7413u, "TIOCGETA");
_Static_assert(FBSD_TIOCSETA == 0x802c7414u, "TIOCSETA");
_Static_assert(FBSD_TIOCSETAW == 0x802c7415u, "TIOCSETAW");
_Static_assert(FBSD_TIOCSETAF == 0x802c7416u, "TIOCSETAF");
_Static_assert(FBSD_TIOCGWINSZ == 0x40087468u, "TIOCGWINSZ");
_Static_assert(FBSD_TIOCSWINSZ == 0x80087467u, "TIOCSWINSZ");
_Static_assert(FBSD_TIOCGPGRP == 0x40047477u, "TIOCGPGRP");
_Static_assert(FBSD_TIOCSPGRP == 0x80047476u, "TIOCSPGRP");
_Static_assert(FBSD_TIOCGSID == 0x40047463u, "TIOCGSID");
_Static_assert(FBSD_TIOCSCTTY == 0x20007461u, "TIOCSCTTY");
_Static_assert(FBSD_TIOCNOTTY == 0x20007471u, "TIOCNOTTY");
_Static_assert(FBSD_TIOCOUTQ == 0x40047473u, "TIOCOUTQ");
_Static_assert(FBSD_TIOCEXCL == 0x2000740du, "TIOCEXCL");
_Static_assert(FBSD_TIOCNXCL == 0x2000740eu, "TIOCNXCL");
_Static_assert(FBSD_TIOCDRAIN == 0x2000745eu, "TIOCDRAIN");
_Static_assert(FBSD_TIOCSBRK == 0x2000747bu, "TIOCSBRK");
_Static_assert(FBSD_TIOCCBRK == 0x2000747au, "TIOCCBRK");
_Static_assert(FBSD_FIOCLEX == 0x20006601u, "FIOCLEX");
_Static_assert(FBSD_FIONCLEX == 0x20006602u, "FIONCLEX");
_Static_assert(FBSD_FIONREAD == 0x4004667fu, "FIONREAD");
_Static_assert(FBSD_FIONBIO == 0x8004667eu, "FIONBIO");
_Static_assert(FBSD_FIOASYNC == 0x8004667du, "FIOASYNC");
_Static_assert(FBSD_FIOSETOWN == 0x8004667cu, "FIOSETOWN");
_Static_assert(FBSD_FIOGETOWN == 0x4004667bu, "FIOGETOWN");
_Static_assert(FBSD_FIODTYPE == 0x4004667au, "FIODTYPE");
_Static_assert(FBSD_FIOSEEKDATA == 0xc0086661u, "FIOSEEKDATA");
_Static_assert(FBSD_FIOSEEKHOLE == 0xc0086662u, "FIOSEEKHOLE");
_Static_assert(FBSD_TIOCGETD == 0x4004741au, "TIOCGETD");
_Static_assert(FBSD_TIOCSETD == 0x8004741bu, "TIOCSETD");

/* FIODTYPE answers (sys/sys/conf.h D_TYPEMASK bits) and the one line
 * discipline FreeBSD has. */
#define FBSD_D_TAPE 0x0001
#define FBSD_D_DISK 0x0002
#define FBSD_D_TTY  0x0004
#define FBSD_D_MEM  0x0008
#define FBSD_TTYDISC 0

/* TIOCFLUSH argument bits (FREAD/FWRITE, sys/sys/fcntl.h) */
#define FBSD_FREAD  0x1
#define FBSD_FWRITE 0x2

/* ------------------------------------------------------------- termios */

struct bit_map {
	uint32_t fbsd;
	uint32_t host;
};

/* c_iflag (FreeBSD has no IUCLC/IUTF8; Linux no equivalent missing) */
static const struct bit_map iflag_map[] = {
	{ 0x00000001, IGNBRK }, { 0x00000002, BRKINT }, { 0x00000004, IGNPAR },
	{ 0x00000008, PARMRK }, { 0x00000010, INPCK }, { 0x00000020, ISTRIP },
	{ 0x00000040, INLCR }, { 0x00000080, IGNCR }, { 0x00000100, ICRNL },
	{ 0x00000200, IXON }, { 0x00000400, IXOFF }, { 0x00000800, IXANY },
	{ 0x00002000, IMAXBEL },
};
/* c_oflag; TABDLY/TAB3 (0x4) is a field on Linux, see below.  ONOEOT
 * (0x8, discard ^D on output) has no Linux counterpart. */
static const struct bit_map oflag_map[] = {
	{ 0x00000001, OPOST }, { 0x00000002, ONLCR }, { 0x00000010, OCRNL },
	{ 0x00000020, ONOCR }, { 0x00000040, ONLRET },
};
#define FBSD_TAB3 0x00000004
/* c_cflag; CSIZE is a field (below).  CRTSCTS is CCTS_OFLOW|CRTS_IFLOW.
 * No Linux counterpart: CIGNORE (handled on set), CDTR_IFLOW, CDSR_OFLOW,
 * CCAR_OFLOW. */
static const struct bit_map cflag_map[] = {
	{ 0x00000400, CSTOPB }, { 0x00000800, CREAD }, { 0x00001000, PARENB },
	{ 0x00002000, PARODD }, { 0x00004000, HUPCL }, { 0x00008000, CLOCAL },
	{ 0x00030000, CRTSCTS },
};
#define FBSD_CSIZE   0x00000300
#define FBSD_CIGNORE 0x00000001
/* c_lflag; no Linux counterpart: ALTWERASE (0x200), NOKERNINFO
 * (0x2000000); no FreeBSD one: XCASE. */
static const struct bit_map lflag_map[] = {
	{ 0x00000001, ECHOKE }, { 0x00000002, ECHOE }, { 0x00000004, ECHOK },
	{ 0x00000008, ECHO }, { 0x00000010, ECHONL }, { 0x00000020, ECHOPRT },
	{ 0x00000040, ECHOCTL }, { 0x00000080, ISIG }, { 0x00000100, ICANON },
	{ 0x00000400, IEXTEN }, { 0x00000800, EXTPROC }, { 0x00400000, TOSTOP },
	{ 0x00800000, FLUSHO }, { 0x20000000, PENDIN }, { 0x80000000, NOFLSH },
};

#define NMAP(m) (sizeof(m) / sizeof((m)[0]))

static uint32_t bits_from_host(const struct bit_map *m, size_t n, uint32_t h)
{
	uint32_t f = 0;

	for (size_t i = 0; i < n; i++)
		if ((h & m[i].host) == m[i].host)
			f |= m[i].fbsd;
	return f;
}

/* Replace the mapped host bits of H by those F asks for. */
static uint32_t bits_to_host(const struct bit_map *m, size_t n, uint32_t f, uint32_t h)
{
	for (size_t i = 0; i < n; i++) {
		h &= ~m[i].host;
		if ((f & m[i].fbsd) == m[i].fbsd)
			h |= m[i].host;
	}
	return h;
}

/* c_cc: FreeBSD index -> Linux index, -1 when Linux has no such character
 * (VERASE2, VDSUSP, VSTATUS and the spare 19 read as _POSIX_VDISABLE). */
static const signed char cc_map[FBSD_NCCS] = {
	[0] = VEOF, [1] = VEOL, [2] = VEOL2, [3] = VERASE, [4] = VWERASE,
	[5] = VKILL, [6] = VREPRINT, [7] = -1, [8] = VINTR, [9] = VQUIT,
	[10] = VSUSP, [11] = -1, [12] = VSTART, [13] = VSTOP, [14] = VLNEXT,
	[15] = VDISCARD, [16] = VMIN, [17] = VTIME, [18] = -1, [19] = -1,
};
#define FBSD_VMIN  16
#define FBSD_VTIME 17
/* "disabled": 0xff on FreeBSD, 0 on Linux (not for VMIN/VTIME: numbers) */
#define FBSD_POSIX_VDISABLE 0xff
#define HOST_POSIX_VDISABLE 0

/* Linux's CBAUD codes for the speeds FreeBSD has names for. */
static const struct { uint32_t speed, code; } speed_codes[] = {
	{ 0, B0 }, { 50, B50 }, { 75, B75 }, { 110, B110 }, { 134, B134 },
	{ 150, B150 }, { 200, B200 }, { 300, B300 }, { 600, B600 },
	{ 1200, B1200 }, { 1800, B1800 }, { 2400, B2400 }, { 4800, B4800 },
	{ 9600, B9600 }, { 19200, B19200 }, { 38400, B38400 },
	{ 57600, B57600 }, { 115200, B115200 }, { 230400, B230400 },
	{ 460800, B460800 }, { 921600, B921600 },
};

static uint32_t speed_code(uint32_t speed)
{
	for (size_t i = 0; i < NMAP(speed_codes); i++)
		if (speed_codes[i].speed == speed)
			return speed_codes[i].code;
	return BOTHER;
}

static void termios_from_host(const struct termios2 *h, struct fbsd_termios *f)
{
	memset(f, 0, sizeof(*f));
	f->c_iflag = bits_from_host(iflag_map, NMAP(iflag_map), h->c_iflag);
	f->c_oflag = bits_from_host(oflag_map, NMAP(oflag_map), h->c_oflag);
	if ((h->c_oflag & TABDLY) == TAB3)
		f->c_oflag |= FBSD_TAB3;
	f->c_cflag = bits_from_host(cflag_map, NMAP(cflag_map), h->c_cflag);
	f->c_cflag |= ((h->c_cflag & CSIZE) / CS6) * 0x100;   /* CS5..CS8 */
	f->c_lflag = bits_from_host(lflag_map, NMAP(lflag_map), h->c_lflag);
	for (int i = 0; i < FBSD_NCCS; i++) {
		uint8_t c;

		if (cc_map[i] < 0) {
			f->c_cc[i] = FBSD_POSIX_VDISABLE;
			continue;
		}
		c = h->c_cc[cc_map[i]];
		if (i != FBSD_VMIN && i != FBSD_VTIME && c == HOST_POSIX_VDISABLE)
			c = FBSD_POSIX_VDISABLE;
		f->c_cc[i] = c;
	}
	f->c_ispeed = h->c_ispeed;
	f->c_ospeed = h->c_ospeed;
}

static void termios_to_host(const struct fbsd_termios *f, struct termios2 *h)
{
	uint32_t ospeed = f->c_ospeed;
	uint32_t ispeed = f->c_ispeed ? f->c_ispeed : ospeed;

	h->c_iflag = bits_to_host(iflag_map, NMAP(iflag_map), f->c_iflag, h->c_iflag);
	h->c_oflag = bits_to_host(oflag_map, NMAP(oflag_map), f->c_oflag, h->c_oflag);
	h->c_oflag = (h->c_oflag & ~TABDLY) | ((f->c_oflag & FBSD_TAB3) ? TAB3 : TAB0);
	if (!(f->c_cflag & FBSD_CIGNORE)) {
		/* CIGNORE: leave the control flags (and speeds) alone */
		h->c_cflag = bits_to_host(cflag_map, NMAP(cflag_map), f->c_cflag,
					  h->c_cflag);
		h->c_cflag = (h->c_cflag & ~CSIZE) |
			(((f->c_cflag & FBSD_CSIZE) / 0x100) * CS6);
		h->c_cflag &= ~(CBAUD | (CBAUD << IBSHIFT));
		h->c_cflag |= speed_code(ospeed) | (speed_code(ispeed) << IBSHIFT);
		h->c_ospeed = ospeed;
		h->c_ispeed = ispeed;
	}
	h->c_lflag = bits_to_host(lflag_map, NMAP(lflag_map), f->c_lflag, h->c_lflag);
	for (int i = 0; i < FBSD_NCCS; i++) {
		uint8_t c = f->c_cc[i];

		if (cc_map[i] < 0)
			continue;
		if (i != FBSD_VMIN && i != FBSD_VTIME && c == FBSD_POSIX_VDISABLE)
			c = HOST_POSIX_VDISABLE;
		h->c_cc[cc_map[i]] = c;
	}
}

static int tio_get(struct fbsd_thread *td, int fd, gaddr_t data)
{
	struct termios2 h;
	struct fbsd_termios f;

	if (ioctl(fd, TCGETS2, &h) < 0)
		return fbsd_errno(errno);
	termios_from_host(&h, &f);
	if (copy_to_guest(data, &f, sizeof(f)) < 0)
		return FBSD_EFAULT;
	td->retval[0] = 0;
	return 0;
}

static int tio_set(struct fbsd_thread *td, int fd, gaddr_t data, unsigned long req)
{
	struct termios2 h;
	struct fbsd_termios f;

	if (copy_from_guest(&f, data, sizeof(f)) < 0)
		return FBSD_EFAULT;
	if (ioctl(fd, TCGETS2, &h) < 0)
		return fbsd_errno(errno);
	termios_to_host(&f, &h);
	return host_ret(td, ioctl(fd, req, &h));
}

/* ------------------------------------------------------- file requests */

/* FIODTYPE: devfs answers with the driver's D_TYPEMASK flags; anything
 * that is not a device does not know the request (ENOTTY).  Linux has no
 * such flags: terminals are D_TTY, /dev/mem, /dev/kmem and /dev/port
 * (Linux major 1, minors 1, 2, 4) D_MEM, block devices D_DISK (FreeBSD
 * disks are character devices with D_DISK), other devices 0. */
static int fio_dtype(struct fbsd_thread *td, int fd, gaddr_t data)
{
	struct stat st;
	struct termios2 t;
	int v = 0;

	if (fstat(fd, &st) < 0)
		return fbsd_errno(errno);
	if (S_ISBLK(st.st_mode)) {
		v = FBSD_D_DISK;
	} else if (S_ISCHR(st.st_mode)) {
		if (ioctl(fd, TCGETS2, &t) == 0)
			v = FBSD_D_TTY;
		else if (major(st.st_rdev) == 1 && (minor(st.st_rdev) == 1 ||
			 minor(st.st_rdev) == 2 || minor(st.st_rdev) == 4))
			v = FBSD_D_MEM;
	} else {
		return FBSD_ENOTTY;
	}
	if (copy_to_guest(data, &v, sizeof(v)) < 0)
		return FBSD_EFAULT;
	td->retval[0] = 0;
	return 0;
}

/* FIOSEEKDATA/FIOSEEKHOLE: lseek(SEEK_DATA/SEEK_HOLE) on a regular file
 * through an in/out off_t, leaving the file offset alone (vn_ioctl). */
static int fio_seek(struct fbsd_thread *td, int fd, gaddr_t data, int whence)
{
	struct stat st;
	int64_t off;
	off_t cur, r;

	if (fstat(fd, &st) < 0)
		return fbsd_errno(errno);
	if (!S_ISREG(st.st_mode))
		return FBSD_ENOTTY;
	if (copy_from_guest(&off, data, sizeof(off)) < 0)
		return FBSD_EFAULT;
	cur = lseek(fd, 0, SEEK_CUR);
	r = lseek(fd, off, whence);
	if (r == (off_t)-1)
		return fbsd_errno(errno);
	lseek(fd, cur, SEEK_SET);
	off = r;
	if (copy_to_guest(data, &off, sizeof(off)) < 0)
		return FBSD_EFAULT;
	td->retval[0] = 0;
	return 0;
}

/* ---------------------------------------------------------------- helpers */

static int get_int(gaddr_t data, int *v)
{
	return copy_from_guest(v, data, sizeof(*v)) < 0 ? FBSD_EFAULT : 0;
}

static int put_int(struct fbsd_thread *td, gaddr_t data, int v)
{
	if (copy_to_guest(data, &v, sizeof(v)) < 0)
		return FBSD_EFAULT;
	td->retval[0] = 0;
	return 0;
}

/* A request whose result is an int the host returns through a pointer. */
static int int_out(struct fbsd_thread *td, int fd, unsigned long req, gaddr_t data)
{
	int v = 0;

	if (ioctl(fd, req, &v) < 0)
		return fbsd_errno(errno);
	return put_int(td, data, v);
}

/* A request that takes an int from the guest. */
static int int_in(struct fbsd_thread *td, int fd, unsigned long req, gaddr_t data)
{
	int v, err = get_int(data, &v);

	if (err)
		return err;
	return host_ret(td, ioctl(fd, req, &v));
}

int fbsd_sys_ioctl(struct fbsd_thread *td, const struct fbsd_ioctl_args *uap)
{
	/* sys_ioctl(): only the low 32 bits of the request count */
	uint32_t com = (uint32_t)uap->com;
	int fd = uap->fd;
	gaddr_t data = uap->data;
	int v, err;

	switch (com) {
	case FBSD_TIOCGETA:
		return tio_get(td, fd, data);
	case FBSD_TIOCSETA:
		return tio_set(td, fd, data, TCSETS2);
	case FBSD_TIOCSETAW:
		return tio_set(td, fd, data, TCSETSW2);
	case FBSD_TIOCSETAF:
		return tio_set(td, fd, data, TCSETSF2);
	case FBSD_TIOCGWINSZ: {
		struct winsize w;
		struct fbsd_winsize g;

		if (ioctl(fd, TIOCGWINSZ, &w) < 0)
			return fbsd_errno(errno);
		g.ws_row = w.ws_row;
		g.ws_col = w.ws_col;
		g.ws_xpixel = w.ws_xpixel;
		g.ws_ypixel = w.ws_ypixel;
		if (copy_to_guest(data, &g, sizeof(g)) < 0)
			return FBSD_EFAULT;
		td->retval[0] = 0;
		return 0;
	}
	case FBSD_TIOCSWINSZ: {
		struct winsize w;
		struct fbsd_winsize g;

		if (copy_from_guest(&g, data, sizeof(g)) < 0)
			return FBSD_EFAULT;
		w.ws_row = g.ws_row;
		w.ws_col = g.ws_col;
		w.ws_xpixel = g.ws_xpixel;
		w.ws_ypixel = g.ws_ypixel;
		return host_ret(td, ioctl(fd, TIOCSWINSZ, &w));
	}
	case FBSD_TIOCGPGRP:
		return int_out(td, fd, TIOCGPGRP, data);
	case FBSD_TIOCSPGRP:
		return int_in(td, fd, TIOCSPGRP, data);
	case FBSD_TIOCGSID:
		return int_out(td, fd, TIOCGSID, data);
	case FBSD_TIOCOUTQ:
		return int_out(td, fd, TIOCOUTQ, data);
	case FBSD_TIOCSCTTY:
		return host_ret(td, ioctl(fd, TIOCSCTTY, 0));
	case FBSD_TIOCNOTTY:
		return host_ret(td, ioctl(fd, TIOCNOTTY));
	case FBSD_TIOCEXCL:
		return host_ret(td, ioctl(fd, TIOCEXCL));
	case FBSD_TIOCNXCL:
		return host_ret(td, ioctl(fd, TIOCNXCL));
	case FBSD_TIOCDRAIN:
		/* tcdrain(): TCSBRK with a non-zero argument only waits */
		return host_ret(td, ioctl(fd, TCSBRK, 1));
	case FBSD_TIOCSBRK:
		return host_ret(td, ioctl(fd, TIOCSBRK));
	case FBSD_TIOCCBRK:
		return host_ret(td, ioctl(fd, TIOCCBRK));
	case FBSD_TIOCFLUSH: {
		int q;

		if ((err = get_int(data, &v)) != 0)
			return err;
		if (v == 0)
			v = FBSD_FREAD | FBSD_FWRITE;  /* ttioctl: 0 means both */
		v &= FBSD_FREAD | FBSD_FWRITE;
		q = v == FBSD_FREAD ? TCIFLUSH : v == FBSD_FWRITE ? TCOFLUSH : TCIOFLUSH;
		return host_ret(td, ioctl(fd, TCFLSH, q));
	}
	case FBSD_FIOCLEX:
		return host_ret(td, fcntl(fd, F_SETFD, FD_CLOEXEC));
	case FBSD_FIONCLEX:
		return host_ret(td, fcntl(fd, F_SETFD, 0));
	case FBSD_FIONREAD:
		return int_out(td, fd, FIONREAD, data);
	case FBSD_FIONBIO:
		return int_in(td, fd, FIONBIO, data);
	case FBSD_FIOASYNC:
		return int_in(td, fd, FIOASYNC, data);
	case FBSD_FIOSETOWN:
		if ((err = get_int(data, &v)) != 0)
			return err;
		return host_ret(td, fcntl(fd, F_SETOWN, v));
	case FBSD_FIOGETOWN:
		v = fcntl(fd, F_GETOWN);
		if (v == -1)  /* F_GETOWN can legitimately return negatives */
			return fbsd_errno(errno);
		return put_int(td, data, v);
	case FBSD_FIODTYPE:
		return fio_dtype(td, fd, data);
	case FBSD_FIOSEEKDATA:
		return fio_seek(td, fd, data, SEEK_DATA);
	case FBSD_FIOSEEKHOLE:
		return fio_seek(td, fd, data, SEEK_HOLE);
	case FBSD_TIOCGETD:
	case FBSD_TIOCSETD: {
		struct termios2 t;

		if (ioctl(fd, TCGETS2, &t) < 0)
			return fbsd_errno(errno);
		if (com == FBSD_TIOCGETD)
			return put_int(td, data, FBSD_TTYDISC);
		if ((err = get_int(data, &v)) != 0)
			return err;
		if (v != FBSD_TTYDISC)
			return FBSD_EINVAL;  /* the only discipline there is */
		td->retval[0] = 0;
		return 0;
	}
	}
	/* unknown: EBADF for a bad descriptor, else ENOTTY; named in
	 * --report's list of unknown requests */
	if (fcntl(fd, F_GETFD) < 0)
		return fbsd_errno(errno);
	fbsd_report_ioctl(com);
	return FBSD_ENOTTY;
}
