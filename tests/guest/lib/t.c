/* t.c: start-up, syscall stubs, checks, printf and string functions for the
 * freestanding guest test programs.  See t.h. */
#include "t.h"

int t_failures;
t_auxv_t *t_auxv;
char **t_environ;
char **t_argv;
int t_argc;

/* ---- entry, syscalls, ABI note ------------------------------------------
 * FreeBSD enters _start with x0 pointing at {argc, argv..., NULL, envp...,
 * NULL, auxv...}; Linux passes the same block at sp instead. */
#ifdef T_LINUX_TEST
#define T_ENTRY_ARG "mov x0, sp\n"
#define T_SYS_ERR "ret\n" /* Linux: x0 is already -errno */
#define T_X1_ERR "b 1f\n"
#define T_NOTE ""
#else
#define T_ENTRY_ARG ""
#define T_SYS_ERR "b.cc 1f\n neg x0, x0\n1: ret\n"
#define T_X1_ERR "b.cc 1f\n neg x0, x0\n ret\n"
/* NT_FREEBSD_ABI_TAG: brands the binary like one built by FreeBSD 14.3. */
#define T_NOTE                                      \
	".section .note.tag,\"a\",%note\n"          \
	".p2align 2\n"                              \
	".long 8\n .long 4\n .long 1\n"             \
	".asciz \"FreeBSD\"\n"                      \
	".long 1403000\n"
#endif

__asm__(T_NOTE
	".text\n"
	".globl _start\n .type _start,%function\n .p2align 2\n"
	"_start:\n"
	T_ENTRY_ARG
	" mov x29, #0\n mov x30, #0\n"
	" mov x9, sp\n and x9, x9, #~15\n mov sp, x9\n"
	" bl t_start_c\n"
	" brk #0\n"
	".size _start, .-_start\n"

	/* long sys(long nr, a0..a7): a7 is the first stack argument. */
	".globl sys\n .type sys,%function\n .p2align 2\n"
	"sys:\n"
	" mov x8, x0\n mov x0, x1\n mov x1, x2\n mov x2, x3\n"
	" mov x3, x4\n mov x4, x5\n mov x5, x6\n mov x6, x7\n"
	" ldr x7, [sp]\n"
	" svc #0\n"
	T_SYS_ERR
	".size sys, .-sys\n"

	/* long sys_x1(long nr, long *second, a0..a7): a6, a7 on the stack.
	 * The pointer is kept on the stack across the svc. */
	".globl sys_x1\n .type sys_x1,%function\n .p2align 2\n"
	"sys_x1:\n"
	" mov x8, x0\n mov x0, x2\n mov x2, x4\n mov x4, x6\n"
	" stp x1, x3, [sp, #-16]!\n"
	" ldr x1, [sp, #8]\n"
	" mov x3, x5\n mov x5, x7\n"
	" ldr x6, [sp, #16]\n ldr x7, [sp, #24]\n"
	" svc #0\n"
	" ldr x9, [sp], #16\n" /* loads do not touch NZCV */
	T_X1_ERR
	"1: cbz x9, 2f\n str x1, [x9]\n"
	"2: ret\n"
	".size sys_x1, .-sys_x1\n");

_Noreturn void t_exit(int status)
{
	for (;;)
		(sys)(T_NR_exit, (long)status);
}

/* Programs may define main with fewer parameters; passing three is
 * harmless in the AAPCS64. */
int main(int argc, char **argv, char **envp);
void t_start_c(long *ap);
void t_start_c(long *ap)
{
	char **e;
	int r;

	t_argc = (int)ap[0];
	t_argv = (char **)(ap + 1);
	t_environ = t_argv + t_argc + 1;
	for (e = t_environ; *e; e++)
		;
	t_auxv = (t_auxv_t *)(e + 1);
	r = main(t_argc, t_argv, t_environ);
	if (t_failures) {
		t_dprintf(2, "%d checks failed\n", t_failures);
		r = 1;
	}
	t_exit(r);
}

long t_getauxval(long type)
{
	t_auxv_t *a;

	for (a = t_auxv; a && a->a_type != T_AT_NULL; a++)
		if (a->a_type == type)
			return a->a_val;
	return 0;
}

char *t_getenv(const char *name)
{
	size_t n = strlen(name);
	char **e;

	for (e = t_environ; e && *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

void t_check_fail(const char *file, int line, const char *expr, int has_vals,
		  long got, long want)
{
	t_failures++;
	if (has_vals)
		t_dprintf(2, "%s:%d: CHECK failed: %s (got %ld, want %ld)\n",
			  file, line, expr, got, want);
	else
		t_dprintf(2, "%s:%d: CHECK failed: %s\n", file, line, expr);
}

/* ---- memory and strings ----------------------------------------------
 * The empty asm keeps clang from turning these loops back into calls to
 * themselves. */
#define T_OPAQUE(p) __asm__ volatile("" : "+r"(p))

void *memset(void *d, int c, size_t n)
{
	unsigned char *p = d;

	while (n--) {
		*p++ = (unsigned char)c;
		T_OPAQUE(p);
	}
	return d;
}

void *memcpy(void *restrict d, const void *restrict s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	while (n--) {
		*dp++ = *sp++;
		T_OPAQUE(dp);
	}
	return d;
}

void *memmove(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	if (dp < sp || dp >= sp + n) {
		while (n--) {
			*dp++ = *sp++;
			T_OPAQUE(dp);
		}
	} else {
		while (n--) {
			dp[n] = sp[n];
			T_OPAQUE(dp);
		}
	}
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x < *y ? -1 : 1;
		T_OPAQUE(x);
	}
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p) {
		p++;
		T_OPAQUE(p);
	}
	return (size_t)(p - s);
}

int strcmp(const char *a, const char *b)
{
	const unsigned char *x = (const void *)a, *y = (const void *)b;

	while (*x && *x == *y) {
		x++;
		y++;
		T_OPAQUE(x);
	}
	return (*x > *y) - (*x < *y);
}

int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const void *)a, *y = (const void *)b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x < *y ? -1 : 1;
		if (!*x)
			break;
		T_OPAQUE(x);
	}
	return 0;
}

char *strcpy(char *restrict d, const char *restrict s)
{
	char *p = d;

	while ((*p++ = *s++)) {
		T_OPAQUE(p);
	}
	return d;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
		T_OPAQUE(s);
	}
}

char *strstr(const char *h, const char *n)
{
	size_t len = strlen(n);

	for (; *h; h++)
		if (!strncmp(h, n, len))
			return (char *)h;
	return len ? NULL : (char *)h;
}

/* ---- output ---------------------------------------------------------- */
long t_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	size_t done = 0;

	while (done < n) {
		long r = (sys)(T_NR_write, (long)fd, (long)(p + done),
			       (long)(n - done));
		if (r == -FBSD_EINTR)
			continue;
		if (r <= 0)
			return done ? (long)done : r;
		done += (size_t)r;
	}
	return (long)done;
}

/* Formatting goes to a sink: a caller's buffer (snprintf) or a chunk
 * buffer flushed to a file descriptor. */
struct t_sink {
	char *buf;
	size_t size; /* capacity of buf */
	size_t len;  /* bytes stored in buf */
	size_t total; /* bytes produced */
	int fd;       /* -1: string sink */
	char chunk[256];
};

static void sink_flush(struct t_sink *s)
{
	if (s->fd >= 0 && s->len) {
		t_write_all(s->fd, s->buf, s->len);
		s->len = 0;
	}
}

static void sink_put(struct t_sink *s, char c)
{
	s->total++;
	if (s->fd >= 0) {
		if (s->len == s->size)
			sink_flush(s);
		s->buf[s->len++] = c;
	} else if (s->len + 1 < s->size) {
		s->buf[s->len++] = c;
	}
}

static void sink_pad(struct t_sink *s, char c, int n)
{
	while (n-- > 0)
		sink_put(s, c);
}

struct t_spec {
	int left, zero, plus, space, alt;
	int width, prec; /* prec < 0: none */
};

/* Emit prefix ("-", "0x") and digits with width/precision handling. */
static void put_number(struct t_sink *s, const struct t_spec *f,
		       const char *prefix, const char *digits, int ndig)
{
	int plen = (int)strlen(prefix);
	int zeros = f->prec > ndig ? f->prec - ndig : 0;
	int body = plen + zeros + ndig;
	int pad = f->width > body ? f->width - body : 0;

	if (f->zero && !f->left && f->prec < 0) {
		zeros += pad;
		pad = 0;
	}
	if (!f->left)
		sink_pad(s, ' ', pad);
	while (*prefix)
		sink_put(s, *prefix++);
	sink_pad(s, '0', zeros);
	while (ndig--)
		sink_put(s, *digits++);
	if (f->left)
		sink_pad(s, ' ', pad);
}

static void fmt_uint(struct t_sink *s, const struct t_spec *f,
		     unsigned long long v, unsigned base, int upper,
		     const char *prefix)
{
	const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int i = (int)sizeof(tmp);

	if (v == 0 && f->prec == 0)
		i = (int)sizeof(tmp);
	else
		do {
			tmp[--i] = dig[v % base];
			v /= base;
		} while (v);
	put_number(s, f, prefix, tmp + i, (int)sizeof(tmp) - i);
}

static void fmt_str(struct t_sink *s, const struct t_spec *f, const char *str)
{
	int n = 0;

	if (!str)
		str = "(null)";
	while (str[n] && (f->prec < 0 || n < f->prec))
		n++;
	if (!f->left)
		sink_pad(s, ' ', f->width - n);
	for (int i = 0; i < n; i++)
		sink_put(s, str[i]);
	if (f->left)
		sink_pad(s, ' ', f->width - n);
}

static int parse_num(const char **pp, va_list *ap)
{
	const char *p = *pp;
	int n = 0;

	if (*p == '*') {
		*pp = p + 1;
		return va_arg(*ap, int);
	}
	while (*p >= '0' && *p <= '9')
		n = n * 10 + (*p++ - '0');
	*pp = p;
	return n;
}

static void t_format(struct t_sink *s, const char *fmt, va_list ap0)
{
	va_list ap;

	va_copy(ap, ap0);
	for (const char *p = fmt; *p; p++) {
		struct t_spec f = { 0, 0, 0, 0, 0, 0, -1 };
		int lng = 0; /* 0 int, 1 long, 2 long long, -1 short, -2 char */
		unsigned long long u;
		long long v;

		if (*p != '%') {
			sink_put(s, *p);
			continue;
		}
		for (p++;; p++) {
			if (*p == '-')
				f.left = 1;
			else if (*p == '0')
				f.zero = 1;
			else if (*p == '+')
				f.plus = 1;
			else if (*p == ' ')
				f.space = 1;
			else if (*p == '#')
				f.alt = 1;
			else
				break;
		}
		f.width = parse_num(&p, &ap);
		if (f.width < 0) {
			f.left = 1;
			f.width = -f.width;
		}
		if (*p == '.') {
			p++;
			f.prec = parse_num(&p, &ap);
		}
		for (;; p++) {
			if (*p == 'l')
				lng = lng >= 1 ? 2 : 1;
			else if (*p == 'h')
				lng = lng <= -1 ? -2 : -1;
			else if (*p == 'z' || *p == 't' || *p == 'j')
				lng = 1;
			else
				break;
		}
		switch (*p) {
		case 'd':
		case 'i':
			if (lng == 2)
				v = va_arg(ap, long long);
			else if (lng == 1)
				v = va_arg(ap, long);
			else
				v = va_arg(ap, int);
			if (lng == -1)
				v = (short)v;
			else if (lng == -2)
				v = (signed char)v;
			u = v < 0 ? 0ULL - (unsigned long long)v
				  : (unsigned long long)v;
			fmt_uint(s, &f, u, 10, 0,
				 v < 0 ? "-" : f.plus ? "+" : f.space ? " " : "");
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (lng == 2)
				u = va_arg(ap, unsigned long long);
			else if (lng == 1)
				u = va_arg(ap, unsigned long);
			else
				u = va_arg(ap, unsigned int);
			if (lng == -1)
				u = (unsigned short)u;
			else if (lng == -2)
				u = (unsigned char)u;
			if (*p == 'u')
				fmt_uint(s, &f, u, 10, 0, "");
			else if (*p == 'o')
				fmt_uint(s, &f, u, 8, 0, f.alt && u ? "0" : "");
			else
				fmt_uint(s, &f, u, 16, *p == 'X',
					 f.alt && u ? (*p == 'X' ? "0X" : "0x")
						    : "");
			break;
		case 'p':
			u = (unsigned long long)(uintptr_t)va_arg(ap, void *);
			fmt_uint(s, &f, u, 16, 0, "0x");
			break;
		case 'c': {
			char c[2] = { (char)va_arg(ap, int), 0 };

			f.prec = 1;
			if (!f.left)
				sink_pad(s, ' ', f.width - 1);
			sink_put(s, c[0]);
			if (f.left)
				sink_pad(s, ' ', f.width - 1);
			break;
		}
		case 's':
			fmt_str(s, &f, va_arg(ap, const char *));
			break;
		case '%':
			sink_put(s, '%');
			break;
		case '\0':
			p--; /* lone '%' at the end */
			break;
		default: /* unknown: print it as written */
			sink_put(s, '%');
			sink_put(s, *p);
			break;
		}
	}
	va_end(ap);
}

int t_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct t_sink s;

	s.buf = buf;
	s.size = size;
	s.len = 0;
	s.total = 0;
	s.fd = -1;
	t_format(&s, fmt, ap);
	if (size)
		buf[s.len] = '\0';
	return (int)s.total;
}

int t_vdprintf(int fd, const char *fmt, va_list ap)
{
	struct t_sink s;

	s.buf = s.chunk;
	s.size = sizeof(s.chunk);
	s.len = 0;
	s.total = 0;
	s.fd = fd;
	t_format(&s, fmt, ap);
	sink_flush(&s);
	return (int)s.total;
}

int t_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = t_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int t_dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = t_vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

int t_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = t_vdprintf(1, fmt, ap);
	va_end(ap);
	return n;
}

int t_puts(const char *s)
{
	size_t n = strlen(s);

	if (t_write_all(1, s, n) < 0 || t_write_all(1, "\n", 1) < 0)
		return -1;
	return (int)n + 1;
}
