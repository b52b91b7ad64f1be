/* -strace: decode and print each guest system call.
 *
 * The generic part walks the generated descriptors (struct fbsd_sysarg):
 * numbers, descriptors, strings, buffers and structs by kind.  Arguments
 * whose meaning the kind cannot tell (flags, commands, clock ids, signal
 * numbers) get a printer from the `specials' table below, keyed by syscall
 * name and argument index.  All constants are FreeBSD's, written out here
 * (ABI-NOTES section 8) so that tracing never depends on host headers. */
#include "os/freebsd/strace.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "mem/mem.h"
#include "os/freebsd/fbsd_errno.h"
#include "os/freebsd/fbsd_mman.h"
#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/fbsd_types.h"
#include "os/freebsd/syscalls_gen.h"
#include "os/freebsd/thread.h"

/* ---- output buffer -------------------------------------------------- */

struct sb {
	char *p;
	size_t len, cap;
};

static void put(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct sb *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->len + 1 >= b->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	b->len += (size_t)n;
	if (b->len >= b->cap)
		b->len = b->cap - 1;
}

/* What a printer may look at besides its own argument. */
struct call {
	int nr;
	const struct fbsd_sysent *e;
	const uint64_t *args;
	int error;                 /* 0 = success */
	const uint64_t *retval;
	bool done;                 /* the call has returned (outputs valid) */
};

static bool outputs_valid(const struct call *c)
{
	return c->done && c->error == 0;
}

/* ---- strings and buffers -------------------------------------------- */

static void put_escaped(struct sb *b, const unsigned char *s, size_t n, bool cut)
{
	put(b, "\"");
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = s[i];
		switch (ch) {
		case '\n': put(b, "\\n"); break;
		case '\t': put(b, "\\t"); break;
		case '\r': put(b, "\\r"); break;
		case '"': put(b, "\\\""); break;
		case '\\': put(b, "\\\\"); break;
		default:
			if (ch < 0x20 || ch >= 0x7f)
				put(b, "\\x%02x", ch);
			else
				put(b, "%c", ch);
		}
	}
	put(b, cut ? "\"..." : "\"");
}

static void put_addr(struct sb *b, uint64_t a)
{
	put(b, "0x%" PRIx64, a);
}

/* A NUL-terminated guest string, cut at FBSD_STRACE_STRLEN characters. */
static void put_gstr(struct sb *b, gaddr_t a)
{
	char buf[FBSD_STRACE_STRLEN + 1];
	long n;

	if (!a) {
		put(b, "NULL");
		return;
	}
	n = copy_str_from_guest(buf, a, sizeof(buf));
	if (n >= 0) {
		put_escaped(b, (unsigned char *)buf, (size_t)n, false);
		return;
	}
	if (n == -2 && copy_from_guest(buf, a, FBSD_STRACE_STRLEN) == 0) {
		put_escaped(b, (unsigned char *)buf, FBSD_STRACE_STRLEN, true);
		return;
	}
	put_addr(b, a);
}

/* LEN bytes of guest memory, cut at FBSD_STRACE_STRLEN. */
static void put_gbuf(struct sb *b, gaddr_t a, uint64_t len)
{
	unsigned char buf[FBSD_STRACE_STRLEN];
	size_t n = len > sizeof(buf) ? sizeof(buf) : (size_t)len;

	if (copy_from_guest(buf, a, n) != 0) {
		put_addr(b, a);
		return;
	}
	put_escaped(b, buf, n, len > n);
}

/* ---- symbolic values -------------------------------------------------- */

struct sym {
	uint64_t val;
	const char *name;
};
#define SYMS_END { 0, NULL }
/* A FreeBSD constant and its name. */
#define SYM(c) { FBSD_##c, #c }

/* Names of the set bits in V (table order), the rest in hex; ZERO for 0. */
static void put_bits(struct sb *b, uint64_t v, const struct sym *t, const char *zero)
{
	bool any = false;

	if (!v) {
		put(b, "%s", zero);
		return;
	}
	for (; t->name; t++) {
		if (t->val && (v & t->val) == t->val) {
			put(b, "%s%s", any ? "|" : "", t->name);
			v &= ~t->val;
			any = true;
		}
	}
	if (v)
		put(b, "%s%#" PRIx64, any ? "|" : "", v);
}

/* The name of value V, else V in decimal. */
static void put_enum(struct sb *b, int64_t v, const struct sym *t)
{
	for (; t->name; t++) {
		if ((int64_t)t->val == v) {
			put(b, "%s", t->name);
			return;
		}
	}
	put(b, "%" PRId64, v);
}

/* FreeBSD sys/fcntl.h.  O_PATH, O_DSYNC and O_EMPTY_PATH are marked
 * unverified in ABI-NOTES 8.2; they only affect how a trace reads. */
static const struct sym open_bits[] = {
	SYM(O_NONBLOCK), SYM(O_APPEND), SYM(O_SHLOCK),
	SYM(O_EXLOCK), SYM(O_ASYNC), SYM(O_SYNC),
	SYM(O_NOFOLLOW), SYM(O_CREAT), SYM(O_TRUNC),
	SYM(O_EXCL), SYM(O_NOCTTY), SYM(O_DIRECT),
	SYM(O_DIRECTORY), SYM(O_EXEC),
	SYM(O_TTY_INIT), SYM(O_CLOEXEC),
	SYM(O_VERIFY), SYM(O_PATH),
	SYM(O_RESOLVE_BENEATH), SYM(O_DSYNC),
	SYM(O_EMPTY_PATH), SYMS_END
};

static void put_open_flags(struct sb *b, uint64_t v)
{
	static const char *const acc[] = { "O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE" };
	uint32_t f = (uint32_t)v;

	put(b, "%s", acc[f & FBSD_O_ACCMODE]);
	f &= ~(uint32_t)FBSD_O_ACCMODE;
	if (f) {
		put(b, "|");
		put_bits(b, f, open_bits, "");
	}
}

static const struct sym at_bits[] = {
	SYM(AT_EACCESS), SYM(AT_SYMLINK_NOFOLLOW),
	SYM(AT_SYMLINK_FOLLOW), SYM(AT_REMOVEDIR),
	SYM(AT_RESOLVE_BENEATH), SYM(AT_EMPTY_PATH), SYMS_END
};

static const struct sym prot_bits[] = {
	SYM(PROT_READ), SYM(PROT_WRITE), SYM(PROT_EXEC), SYMS_END
};

static void put_prot(struct sb *b, uint64_t v)
{
	uint32_t p = (uint32_t)v, max = (p >> 16) & 0x7;

	put_bits(b, p & 0xffff, prot_bits, "PROT_NONE");
	p &= ~0x7ffffu;
	if (max) {
		put(b, "|PROT_MAX(");
		put_bits(b, max, prot_bits, "PROT_NONE");
		put(b, ")");
	}
	if (p)
		put(b, "|%#x", p);
}

static const struct sym mmap_bits[] = {
	SYM(MAP_SHARED), SYM(MAP_PRIVATE), SYM(MAP_FIXED),
	{ FBSD_MAP_RESERVED0020, "MAP_RENAME" }, { FBSD_MAP_RESERVED0040, "MAP_NORESERVE" },
	SYM(MAP_HASSEMAPHORE), SYM(MAP_STACK),
	SYM(MAP_NOSYNC), SYM(MAP_ANON), SYM(MAP_GUARD),
	SYM(MAP_EXCL), SYM(MAP_NOCORE),
	SYM(MAP_PREFAULT_READ), SYM(MAP_32BIT), SYMS_END
};
#define FBSD_MAP_ALIGNMENT_SHIFT 24

static void put_mmap_flags(struct sb *b, uint64_t v)
{
	uint32_t f = (uint32_t)v;
	uint32_t align = f >> FBSD_MAP_ALIGNMENT_SHIFT;

	f &= (1u << FBSD_MAP_ALIGNMENT_SHIFT) - 1;
	put_bits(b, f, mmap_bits, align ? "" : "0");
	if (align == 1)
		put(b, "%sMAP_ALIGNED_SUPER", f ? "|" : "");
	else if (align)
		put(b, "%sMAP_ALIGNED(%u)", f ? "|" : "", align);
}

static const struct sym madv_names[] = {
	SYM(MADV_NORMAL), SYM(MADV_RANDOM), SYM(MADV_SEQUENTIAL),
	SYM(MADV_WILLNEED), SYM(MADV_DONTNEED), SYM(MADV_FREE),
	SYM(MADV_NOSYNC), SYM(MADV_AUTOSYNC), SYM(MADV_NOCORE),
	SYM(MADV_CORE), SYM(MADV_PROTECT), SYMS_END
};

#define FBSD_F_GETFD 1
#define FBSD_F_SETFD 2
#define FBSD_F_GETFL 3
#define FBSD_F_SETFL 4
#define FBSD_F_GETLK 11
#define FBSD_F_SETLK 12
#define FBSD_F_SETLKW 13
#define FBSD_F_KINFO 22
static const struct sym fcntl_names[] = {
	SYM(F_DUPFD), SYM(F_GETFD), SYM(F_SETFD), SYM(F_GETFL),
	SYM(F_SETFL), SYM(F_GETOWN), SYM(F_SETOWN), SYM(F_OGETLK),
	SYM(F_OSETLK), SYM(F_OSETLKW), SYM(F_DUP2FD),
	SYM(F_GETLK), SYM(F_SETLK), SYM(F_SETLKW),
	SYM(F_SETLK_REMOTE), SYM(F_READAHEAD), SYM(F_RDAHEAD),
	SYM(F_DUPFD_CLOEXEC), SYM(F_DUP2FD_CLOEXEC),
	SYM(F_ADD_SEALS), SYM(F_GET_SEALS), SYM(F_ISUNIONSTACK),
	SYM(F_KINFO), SYMS_END
};

static const struct sym whence_names[] = {
	SYM(SEEK_SET), SYM(SEEK_CUR), SYM(SEEK_END),
	SYM(SEEK_DATA), SYM(SEEK_HOLE), SYMS_END
};

static const struct sym clock_names[] = {
	SYM(CLOCK_REALTIME), SYM(CLOCK_VIRTUAL), SYM(CLOCK_PROF),
	SYM(CLOCK_MONOTONIC), SYM(CLOCK_UPTIME),
	SYM(CLOCK_UPTIME_PRECISE), SYM(CLOCK_UPTIME_FAST),
	SYM(CLOCK_REALTIME_PRECISE), SYM(CLOCK_REALTIME_FAST),
	SYM(CLOCK_MONOTONIC_PRECISE), SYM(CLOCK_MONOTONIC_FAST),
	SYM(CLOCK_SECOND), SYM(CLOCK_THREAD_CPUTIME_ID),
	SYM(CLOCK_PROCESS_CPUTIME_ID), SYMS_END
};

static const struct sym sighow_names[] = {
	SYM(SIG_BLOCK), SYM(SIG_UNBLOCK), SYM(SIG_SETMASK), SYMS_END
};

/* FreeBSD signal numbers (ABI-NOTES 5.4). */
static const char *const sig_names[] = {
	[1] = "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
	"SIGEMT", "SIGFPE", "SIGKILL", "SIGBUS", "SIGSEGV", "SIGSYS",
	"SIGPIPE", "SIGALRM", "SIGTERM", "SIGURG", "SIGSTOP", "SIGTSTP",
	"SIGCONT", "SIGCHLD", "SIGTTIN", "SIGTTOU", "SIGIO", "SIGXCPU",
	"SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGINFO", "SIGUSR1",
	"SIGUSR2", "SIGTHR", "SIGLIBRT",
};
#define FBSD_SIGRTMIN 65
#define FBSD_SIGRTMAX 126

static void put_signo(struct sb *b, int64_t s)
{
	if (s > 0 && s < (int64_t)(sizeof(sig_names) / sizeof(sig_names[0])))
		put(b, "%s", sig_names[s]);
	else if (s == FBSD_SIGRTMIN)
		put(b, "SIGRTMIN");
	else if (s == FBSD_SIGRTMAX)
		put(b, "SIGRTMAX");
	else if (s > FBSD_SIGRTMIN && s < FBSD_SIGRTMAX)
		put(b, "SIGRTMIN+%d", (int)(s - FBSD_SIGRTMIN));
	else
		put(b, "%" PRId64, s);
}

/* FreeBSD sys/ioccom.h encoding: direction | (len << 16) | (group << 8) | num. */
#define FBSD_IOC_VOID 0x20000000u
#define FBSD_IOC_OUT 0x40000000u
#define FBSD_IOC_IN 0x80000000u
#define FBSD_IOC(dir, g, n, len) ((dir) | (((len) & 0x1fffu) << 16) | ((uint32_t)(g) << 8) | (n))
#define FBSD_IO(g, n) FBSD_IOC(FBSD_IOC_VOID, g, n, 0)
#define FBSD_IOR(g, n, len) FBSD_IOC(FBSD_IOC_OUT, g, n, len)
#define FBSD_IOW(g, n, len) FBSD_IOC(FBSD_IOC_IN, g, n, len)
#define FBSD_TERMIOS_SIZE 44   /* 4 tcflag_t, cc_t c_cc[20], 2 speed_t */
#define FBSD_WINSIZE_SIZE 8

static const struct sym ioctl_names[] = {
	{ FBSD_IOR('t', 19, FBSD_TERMIOS_SIZE), "TIOCGETA" },
	{ FBSD_IOW('t', 20, FBSD_TERMIOS_SIZE), "TIOCSETA" },
	{ FBSD_IOW('t', 21, FBSD_TERMIOS_SIZE), "TIOCSETAW" },
	{ FBSD_IOW('t', 22, FBSD_TERMIOS_SIZE), "TIOCSETAF" },
	{ FBSD_IOR('t', 104, FBSD_WINSIZE_SIZE), "TIOCGWINSZ" },
	{ FBSD_IOW('t', 103, FBSD_WINSIZE_SIZE), "TIOCSWINSZ" },
	{ FBSD_IOR('t', 119, 4), "TIOCGPGRP" },
	{ FBSD_IOW('t', 118, 4), "TIOCSPGRP" },
	{ FBSD_IOR('t', 99, 4), "TIOCGSID" },
	{ FBSD_IO('t', 97), "TIOCSCTTY" },
	{ FBSD_IO('t', 113), "TIOCNOTTY" },
	{ FBSD_IO('t', 94), "TIOCDRAIN" },
	{ FBSD_IOW('t', 16, 4), "TIOCFLUSH" },
	{ FBSD_IO('t', 13), "TIOCEXCL" },
	{ FBSD_IO('t', 14), "TIOCNXCL" },
	{ FBSD_IOR('t', 115, 4), "TIOCOUTQ" },
	{ FBSD_IOR('t', 26, 4), "TIOCGETD" },
	{ FBSD_IO('t', 28), "TIOCPTMASTER" },
	{ FBSD_IO('f', 1), "FIOCLEX" },
	{ FBSD_IO('f', 2), "FIONCLEX" },
	{ FBSD_IOR('f', 127, 4), "FIONREAD" },
	{ FBSD_IOW('f', 126, 4), "FIONBIO" },
	{ FBSD_IOW('f', 125, 4), "FIOASYNC" },
	{ FBSD_IOW('f', 124, 4), "FIOSETOWN" },
	{ FBSD_IOR('f', 123, 4), "FIOGETOWN" },
	{ FBSD_IOR('f', 122, 4), "FIODTYPE" },
	SYMS_END
};

/* ---- struct printers -------------------------------------------------- */

struct fbsd_timespec_raw {
	int64_t tv_sec;
	int64_t tv_nsec;
};

static void put_timespec(struct sb *b, gaddr_t a)
{
	struct fbsd_timespec_raw t;

	if (copy_from_guest(&t, a, sizeof(t))) {
		put_addr(b, a);
		return;
	}
	put(b, "{tv_sec=%" PRId64 ", tv_nsec=%" PRId64 "}", t.tv_sec, t.tv_nsec);
}

static void put_timeval(struct sb *b, gaddr_t a)
{
	struct fbsd_timespec_raw t;   /* same layout: i64 sec, long usec */

	if (copy_from_guest(&t, a, sizeof(t))) {
		put_addr(b, a);
		return;
	}
	put(b, "{tv_sec=%" PRId64 ", tv_usec=%" PRId64 "}", t.tv_sec, t.tv_nsec);
}

/* struct stat, FreeBSD ino64 layout (ABI-NOTES 7): only the fields shown. */
#define FBSD_STAT_SIZE 224
#define FBSD_STAT_MODE_OFF 24
#define FBSD_STAT_SIZE_OFF 112

static const struct sym ifmt_names[] = {
	SYM(S_IFIFO), SYM(S_IFCHR), SYM(S_IFDIR),
	SYM(S_IFBLK), SYM(S_IFREG), SYM(S_IFLNK),
	SYM(S_IFSOCK), SYM(S_IFWHT), SYMS_END
};

static void put_stat(struct sb *b, gaddr_t a)
{
	unsigned char st[FBSD_STAT_SIZE];
	uint16_t mode;
	int64_t size;

	if (copy_from_guest(st, a, sizeof(st))) {
		put_addr(b, a);
		return;
	}
	memcpy(&mode, st + FBSD_STAT_MODE_OFF, sizeof(mode));
	memcpy(&size, st + FBSD_STAT_SIZE_OFF, sizeof(size));
	put(b, "{st_mode=");
	put_enum(b, mode & 0170000, ifmt_names);
	if (mode & 04000)
		put(b, "|S_ISUID");
	if (mode & 02000)
		put(b, "|S_ISGID");
	if (mode & 01000)
		put(b, "|S_ISVTX");
	put(b, "|%04o, st_size=%" PRId64 ", ...}", mode & 0777, size);
}

struct struct_printer {
	const char *name;          /* struct tag as syscalls.master spells it */
	void (*fn)(struct sb *, gaddr_t);
};

static const struct struct_printer struct_printers[] = {
	{ "stat", put_stat },
	{ "timespec", put_timespec },
	{ "timeval", put_timeval },
};

/* "const struct stat *" -> put_stat */
static void (*struct_printer_for(const char *type))(struct sb *, gaddr_t)
{
	const char *p = strstr(type, "struct ");
	size_t n;

	if (!p)
		return NULL;
	p += 7;
	n = strcspn(p, " *");
	for (size_t i = 0; i < sizeof(struct_printers) / sizeof(struct_printers[0]); i++)
		if (strlen(struct_printers[i].name) == n &&
		    !memcmp(struct_printers[i].name, p, n))
			return struct_printers[i].fn;
	return NULL;
}

/* ---- per-syscall special printers ------------------------------------- */

/* Returns false when the argument is to be left out of the line. */
typedef bool (*arg_printer)(struct sb *, uint64_t, const struct call *);

static bool p_open_flags(struct sb *b, uint64_t v, const struct call *c)
{
	put_open_flags(b, v);
	return true;
}

/* open/openat mode: only meaningful (and only shown) with O_CREAT. */
static bool p_open_mode(struct sb *b, uint64_t v, const struct call *c)
{
	int flags_arg = strcmp(c->e->name, "openat") ? 1 : 2;

	if (!(c->args[flags_arg] & FBSD_O_CREAT))
		return false;
	put(b, "%#o", (unsigned)(v & 07777));
	return true;
}

static bool p_dirfd(struct sb *b, uint64_t v, const struct call *c)
{
	if ((int32_t)v == FBSD_AT_FDCWD)
		put(b, "AT_FDCWD");
	else
		put(b, "%d", (int32_t)v);
	return true;
}

static bool p_at_flags(struct sb *b, uint64_t v, const struct call *c)
{
	put_bits(b, (uint32_t)v, at_bits, "0");
	return true;
}

static bool p_prot(struct sb *b, uint64_t v, const struct call *c)
{
	put_prot(b, v);
	return true;
}

static bool p_mmap_flags(struct sb *b, uint64_t v, const struct call *c)
{
	put_mmap_flags(b, v);
	return true;
}

static bool p_hex(struct sb *b, uint64_t v, const struct call *c)
{
	put_addr(b, v);
	return true;
}

static bool p_madvise(struct sb *b, uint64_t v, const struct call *c)
{
	put_enum(b, (int32_t)v, madv_names);
	return true;
}

static bool p_fcntl_cmd(struct sb *b, uint64_t v, const struct call *c)
{
	put_enum(b, (int32_t)v, fcntl_names);
	return true;
}

static bool p_fcntl_arg(struct sb *b, uint64_t v, const struct call *c)
{
	switch ((int32_t)c->args[1]) {
	case FBSD_F_GETFD:
		return false;
	case FBSD_F_GETFL:
		return false;
	case FBSD_F_SETFD:
		if (v == 1)
			put(b, "FD_CLOEXEC");
		else
			put(b, "%" PRId64, (int64_t)v);
		return true;
	case FBSD_F_SETFL:
		put_open_flags(b, v);
		return true;
	case FBSD_F_GETLK:
	case FBSD_F_SETLK:
	case FBSD_F_SETLKW:
	case FBSD_F_KINFO:
		put_addr(b, v);
		return true;
	}
	put(b, "%" PRId64, (int64_t)v);
	return true;
}

static bool p_whence(struct sb *b, uint64_t v, const struct call *c)
{
	put_enum(b, (int32_t)v, whence_names);
	return true;
}

static bool p_clock(struct sb *b, uint64_t v, const struct call *c)
{
	put_enum(b, (int32_t)v, clock_names);
	return true;
}

static bool p_sighow(struct sb *b, uint64_t v, const struct call *c)
{
	put_enum(b, (int32_t)v, sighow_names);
	return true;
}

static bool p_signo(struct sb *b, uint64_t v, const struct call *c)
{
	put_signo(b, (int32_t)v);
	return true;
}

/* A sigset_t (4 x uint32): "[]" when empty, "[SIGINT SIGTERM]" else;
 * outputs (IN false) only after a successful call. */
static void put_sigset(struct sb *b, uint64_t a, const struct call *c, bool in)
{
	uint32_t w[4];
	bool any = false;

	if (!a) {
		put(b, "NULL");
		return;
	}
	if ((!in && !outputs_valid(c)) || copy_from_guest(w, a, sizeof(w))) {
		put_addr(b, a);
		return;
	}
	if ((w[0] & w[1] & w[2] & w[3]) == 0xffffffffu) {
		put(b, "~[]");
		return;
	}
	put(b, "[");
	for (int s = 1; s <= 128; s++) {
		if (!(w[(s - 1) / 32] & (1u << ((s - 1) % 32))))
			continue;
		if (any)
			put(b, " ");
		put_signo(b, s);
		any = true;
	}
	put(b, "]");
}

static bool p_sigset_in(struct sb *b, uint64_t v, const struct call *c)
{
	put_sigset(b, v, c, true);
	return true;
}

static bool p_sigset_out(struct sb *b, uint64_t v, const struct call *c)
{
	put_sigset(b, v, c, false);
	return true;
}

static bool p_ioctl_req(struct sb *b, uint64_t v, const struct call *c)
{
	for (const struct sym *t = ioctl_names; t->name; t++) {
		if (t->val == (uint32_t)v) {
			put(b, "%s", t->name);
			return true;
		}
	}
	put_addr(b, v);
	return true;
}

struct special {
	const char *sys;           /* syscall name as in fbsd_sysent */
	int arg;                   /* argument index */
	arg_printer fn;
};

static const struct special specials[] = {
	{ "open", 1, p_open_flags }, { "open", 2, p_open_mode },
	{ "openat", 0, p_dirfd }, { "openat", 2, p_open_flags },
	{ "openat", 3, p_open_mode },
	{ "fstatat", 0, p_dirfd }, { "fstatat", 3, p_at_flags },
	{ "faccessat", 0, p_dirfd }, { "faccessat", 3, p_at_flags },
	{ "fchmodat", 0, p_dirfd }, { "fchmodat", 3, p_at_flags },
	{ "fchownat", 0, p_dirfd }, { "fchownat", 4, p_at_flags },
	{ "linkat", 0, p_dirfd }, { "linkat", 2, p_dirfd },
	{ "linkat", 4, p_at_flags },
	{ "unlinkat", 0, p_dirfd }, { "unlinkat", 2, p_at_flags },
	{ "funlinkat", 0, p_dirfd }, { "funlinkat", 3, p_at_flags },
	{ "utimensat", 0, p_dirfd }, { "utimensat", 3, p_at_flags },
	{ "chflagsat", 0, p_dirfd }, { "chflagsat", 3, p_at_flags },
	{ "getfhat", 0, p_dirfd }, { "getfhat", 3, p_at_flags },
	{ "mkdirat", 0, p_dirfd }, { "mkfifoat", 0, p_dirfd },
	{ "mknodat", 0, p_dirfd }, { "readlinkat", 0, p_dirfd },
	{ "renameat", 0, p_dirfd }, { "renameat", 2, p_dirfd },
	{ "renameat2", 0, p_dirfd }, { "renameat2", 2, p_dirfd },
	{ "symlinkat", 1, p_dirfd }, { "futimesat", 0, p_dirfd },
	{ "__realpathat", 0, p_dirfd }, { "bindat", 0, p_dirfd },
	{ "connectat", 0, p_dirfd }, { "fhlinkat", 1, p_dirfd },
	{ "mmap", 0, p_hex }, { "mmap", 2, p_prot }, { "mmap", 3, p_mmap_flags },
	{ "mmap", 5, p_hex },
	{ "mprotect", 2, p_prot },
	{ "madvise", 2, p_madvise },
	{ "fcntl", 1, p_fcntl_cmd }, { "fcntl", 2, p_fcntl_arg },
	{ "lseek", 2, p_whence },
	{ "clock_gettime", 0, p_clock }, { "clock_getres", 0, p_clock },
	{ "clock_settime", 0, p_clock }, { "clock_nanosleep", 0, p_clock },
	{ "sigprocmask", 0, p_sighow }, { "sigprocmask", 1, p_sigset_in },
	{ "sigprocmask", 2, p_sigset_out },
	{ "sigsuspend", 0, p_sigset_in },
	{ "sigaction", 0, p_signo }, { "kill", 1, p_signo },
	{ "thr_kill", 1, p_signo }, { "thr_kill2", 2, p_signo },
	{ "pdkill", 1, p_signo }, { "sigqueue", 1, p_signo },
	{ "ioctl", 1, p_ioctl_req },
};

/* specials[] indexed by syscall number and argument, built once. */
static arg_printer special_by_nr[FBSD_SYS_MAXSYSCALL][8];
static pthread_once_t specials_once = PTHREAD_ONCE_INIT;

static void build_specials(void)
{
	for (size_t i = 0; i < sizeof(specials) / sizeof(specials[0]); i++) {
		const struct special *s = &specials[i];
		for (int nr = 0; nr < FBSD_SYS_MAXSYSCALL; nr++) {
			const struct fbsd_sysent *e = &fbsd_sysent[nr];
			if (e->name && s->arg < e->nargs && !strcmp(e->name, s->sys))
				special_by_nr[nr][s->arg] = s->fn;
		}
	}
}

/* ---- generic argument printing ---------------------------------------- */

static void put_arg(struct sb *b, const struct fbsd_sysarg *d, uint64_t v,
		    const struct call *c)
{
	void (*sp)(struct sb *, gaddr_t);

	switch (d->kind) {
	case FBSD_ARG_INT:
	case FBSD_ARG_FD:
		put(b, "%d", (int32_t)v);
		return;
	case FBSD_ARG_UINT:
		put(b, "%u", (uint32_t)v);
		return;
	case FBSD_ARG_LONG:
	case FBSD_ARG_OFF:
		put(b, "%" PRId64, (int64_t)v);
		return;
	case FBSD_ARG_ULONG:
		put(b, "%" PRIu64, v);
		return;
	case FBSD_ARG_MODE:
		put(b, "%#o", (unsigned)(uint16_t)v);
		return;
	case FBSD_ARG_STR_IN:
		put_gstr(b, v);
		return;
	case FBSD_ARG_STR_OUT:
		if (v && outputs_valid(c))
			put_gstr(b, v);
		else
			put_addr(b, v);
		return;
	case FBSD_ARG_BUF_IN:
		if (v && d->size_arg >= 0)
			put_gbuf(b, v, c->args[d->size_arg]);
		else
			put_addr(b, v);
		return;
	case FBSD_ARG_BUF_OUT:
		/* The call returns how many bytes it wrote there. */
		if (v && d->size_arg >= 0 && outputs_valid(c)) {
			uint64_t n = c->retval[0];
			if (n > c->args[d->size_arg])
				n = c->args[d->size_arg];
			put_gbuf(b, v, n);
		} else {
			put_addr(b, v);
		}
		return;
	case FBSD_ARG_STRUCT_IN:
	case FBSD_ARG_STRUCT_OUT:
		if (!v) {
			put(b, "NULL");
			return;
		}
		sp = struct_printer_for(d->type);
		if (sp && (d->kind == FBSD_ARG_STRUCT_IN || outputs_valid(c)))
			sp(b, v);
		else
			put_addr(b, v);
		return;
	default:
		put_addr(b, v);
		return;
	}
}

static void put_result(struct sb *b, const struct call *c)
{
	const char *name;

	if (c->error == FBSD_ERESTART) {
		put(b, " = ? ERESTART");
	} else if (c->error == FBSD_EJUSTRETURN) {
		put(b, " = ? EJUSTRETURN");
	} else if (c->error) {
		name = fbsd_errno_name(c->error);
		if (name)
			put(b, " = -1 %s", name);
		else
			put(b, " = -1 E?%d", c->error);
	} else if (c->e && (c->e->flags & FBSD_SYF_RETPTR)) {
		put(b, " = ");
		put_addr(b, c->retval[0]);
	} else {
		put(b, " = %" PRId64, (int64_t)c->retval[0]);
	}
}

void fbsd_strace_format(char *buf, size_t cap, int nr, const uint64_t args[8],
			int error, const uint64_t retval[2], int noret)
{
	static const uint64_t zero[2];
	struct sb b = { buf, 0, cap };
	struct call c = { nr, NULL, args, error, retval ? retval : zero, !noret };
	bool first = true;

	if (!cap)
		return;
	buf[0] = 0;
	pthread_once(&specials_once, build_specials);
	if (nr < 0 || nr >= FBSD_SYS_MAXSYSCALL) {
		/* No such syscall: show the registers it could have used. */
		put(&b, "syscall#%d(", nr);
		for (int i = 0; i < 6; i++)
			put(&b, "%s%#" PRIx64, i ? ", " : "", args[i]);
		put(&b, ")");
	} else {
		c.e = &fbsd_sysent[nr];
		put(&b, "%s(", c.e->name);
		for (int i = 0; i < c.e->nargs && i < 8; i++) {
			size_t mark = b.len;
			arg_printer sp = special_by_nr[nr][i];
			if (!first)
				put(&b, ", ");
			if (sp) {
				if (!sp(&b, args[i], &c)) {
					b.len = mark;   /* left out */
					b.p[b.len] = 0;
					continue;
				}
			} else {
				put_arg(&b, &c.e->args[i], args[i], &c);
			}
			first = false;
		}
		put(&b, ")");
	}
	if (!noret)
		put_result(&b, &c);
}

static void emit(struct fbsd_thread *td, const char *line)
{
	log_raw("%d %s\n", td ? (int)td->tid : 0, line);
}

void fbsd_strace_call(struct fbsd_thread *td, int nr, const uint64_t args[8],
		      int error, const uint64_t retval[2])
{
	char line[1024];

	fbsd_strace_format(line, sizeof(line), nr, args, error, retval, 0);
	emit(td, line);
}

void fbsd_strace_noreturn(struct fbsd_thread *td, int nr, const uint64_t args[8])
{
	char line[1024];

	fbsd_strace_format(line, sizeof(line), nr, args, 0, NULL, 1);
	emit(td, line);
}
