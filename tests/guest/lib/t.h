/* t.h: freestanding test library for FreeBSD/aarch64 guest programs.
 *
 * Build (tests/guest/build.sh does this):
 *   clang --target=aarch64-unknown-freebsd14.0 -O2 -nostdlib -ffreestanding
 *         -static -fno-stack-protector -fno-pic -fuse-ld=lld
 *         -Wl,--build-id=none -I tests/guest/lib -I src prog.c t.c
 *
 * A program defines  int main(int argc, char **argv, char **envp).
 * _start (in t.c) finds argc/argv/envp/auxv, calls main and exits with its
 * value, or with 1 after printing "N checks failed" if any CHECK failed.
 *
 * -DT_LINUX_TEST builds the same sources for Linux/aarch64 (only exit and
 * write get Linux numbers) so the library itself can be tried under
 * qemu-aarch64. */
#ifndef BSDEMU_T_H
#define BSDEMU_T_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#if __has_include("os/freebsd/sysnum_gen.h")
#include "os/freebsd/sysnum_gen.h" /* FBSD_SYS_<name> */
#endif
#include "os/freebsd/fbsd_errno.h" /* FBSD_E<name> */

/* The two calls the library itself makes. */
#ifdef T_LINUX_TEST
#define T_NR_exit 93
#define T_NR_write 64
#else
#define T_NR_exit 1
#define T_NR_write 4
#endif

/* ---- system calls ------------------------------------------------------
 * sys(nr, a0, ..., a7): svc #0 with x8 = nr, x0..x7 = args.  Returns x0, or
 * -errno (negative FreeBSD errno) when the kernel set the carry flag.
 * sys_x1(nr, &x1, a0, ..., a7): the same, and stores x1 in *x1 (pipe, fork,
 * lseek-like two-register results).  Both macros cast every argument to
 * long, so an int -1 or AT_FDCWD arrives sign-extended in its register. */
long(sys)(long nr, ...);
long(sys_x1)(long nr, long *second, ...);

#define T_NARG(...) T_NARG_(__VA_ARGS__, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define T_NARG_(a, b, c, d, e, f, g, h, i, j, N, ...) N
#define T_CAT(a, b) T_CAT_(a, b)
#define T_CAT_(a, b) a##b
#define T_L(x) ((long)(x))

#define sys(...) T_CAT(T_SYS_, T_NARG(__VA_ARGS__))(__VA_ARGS__)
#define T_SYS_1(n) (sys)(T_L(n))
#define T_SYS_2(n, a) (sys)(T_L(n), T_L(a))
#define T_SYS_3(n, a, b) (sys)(T_L(n), T_L(a), T_L(b))
#define T_SYS_4(n, a, b, c) (sys)(T_L(n), T_L(a), T_L(b), T_L(c))
#define T_SYS_5(n, a, b, c, d) (sys)(T_L(n), T_L(a), T_L(b), T_L(c), T_L(d))
#define T_SYS_6(n, a, b, c, d, e) \
	(sys)(T_L(n), T_L(a), T_L(b), T_L(c), T_L(d), T_L(e))
#define T_SYS_7(n, a, b, c, d, e, f) \
	(sys)(T_L(n), T_L(a), T_L(b), T_L(c), T_L(d), T_L(e), T_L(f))
#define T_SYS_8(n, a, b, c, d, e, f, g) \
	(sys)(T_L(n), T_L(a), T_L(b), T_L(c), T_L(d), T_L(e), T_L(f), T_L(g))
#define T_SYS_9(n, a, b, c, d, e, f, g, h)                               \
	(sys)(T_L(n), T_L(a), T_L(b), T_L(c), T_L(d), T_L(e), T_L(f), T_L(g), \
	      T_L(h))

#define sys_x1(...) T_CAT(T_SX1_, T_NARG(__VA_ARGS__))(__VA_ARGS__)
#define T_SX1_2(n, s) (sys_x1)(T_L(n), (s))
#define T_SX1_3(n, s, a) (sys_x1)(T_L(n), (s), T_L(a))
#define T_SX1_4(n, s, a, b) (sys_x1)(T_L(n), (s), T_L(a), T_L(b))
#define T_SX1_5(n, s, a, b, c) (sys_x1)(T_L(n), (s), T_L(a), T_L(b), T_L(c))
#define T_SX1_6(n, s, a, b, c, d) \
	(sys_x1)(T_L(n), (s), T_L(a), T_L(b), T_L(c), T_L(d))
#define T_SX1_7(n, s, a, b, c, d, e) \
	(sys_x1)(T_L(n), (s), T_L(a), T_L(b), T_L(c), T_L(d), T_L(e))
#define T_SX1_8(n, s, a, b, c, d, e, f) \
	(sys_x1)(T_L(n), (s), T_L(a), T_L(b), T_L(c), T_L(d), T_L(e), T_L(f))
#define T_SX1_9(n, s, a, b, c, d, e, f, g)                                 \
	(sys_x1)(T_L(n), (s), T_L(a), T_L(b), T_L(c), T_L(d), T_L(e), T_L(f), \
		 T_L(g))
#define T_SX1_10(n, s, a, b, c, d, e, f, g, h)                             \
	(sys_x1)(T_L(n), (s), T_L(a), T_L(b), T_L(c), T_L(d), T_L(e), T_L(f), \
		 T_L(g), T_L(h))

/* exit(2) without returning. */
_Noreturn void t_exit(int status);

/* ---- checks ------------------------------------------------------------
 * A failed check prints "file:line: CHECK failed: expr (got X, want Y)" on
 * stderr and is counted; the program goes on.  _start turns any failure
 * into exit status 1. */
extern int t_failures;
void t_check_fail(const char *file, int line, const char *expr, int has_vals,
		  long got, long want);

#define CHECK(cond)                                                      \
	do {                                                             \
		if (!(cond))                                             \
			t_check_fail(__FILE__, __LINE__, #cond, 0, 0, 0); \
	} while (0)

#define CHECK_EQ(a, b)                                                   \
	do {                                                             \
		long t_got_ = (long)(a), t_want_ = (long)(b);            \
		if (t_got_ != t_want_)                                   \
			t_check_fail(__FILE__, __LINE__, #a " == " #b, 1, \
				     t_got_, t_want_);                   \
	} while (0)

/* EXPR must return -ERR (ERR a positive FreeBSD errno such as FBSD_EBADF). */
#define CHECK_ERR(expr, err)                                               \
	do {                                                               \
		long t_got_ = (long)(expr), t_want_ = -(long)(err);        \
		if (t_got_ != t_want_)                                     \
			t_check_fail(__FILE__, __LINE__, #expr " -> -" #err, \
				     1, t_got_, t_want_);                  \
	} while (0)

/* ---- output ------------------------------------------------------------
 * %d %i %u %x %X %o %c %s %p %%, length modifiers hh h l ll z t j,
 * flags '-' '0', field width and precision (also '*'). */
int t_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int t_dprintf(int fd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int t_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int t_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int t_vdprintf(int fd, const char *fmt, va_list ap);
int t_puts(const char *s); /* s and a newline on stdout */
long t_write_all(int fd, const void *buf, size_t n);

/* ---- strings and memory (real implementations; the compiler may call
 * memset/memcpy/memmove/memcmp on its own) ----------------------------- */
void *memset(void *d, int c, size_t n);
void *memcpy(void *restrict d, const void *restrict s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *restrict d, const char *restrict s);
char *strchr(const char *s, int c);
char *strstr(const char *h, const char *n);

/* ---- process start-up data -------------------------------------------- */
typedef struct {
	long a_type;
	long a_val;
} t_auxv_t;

extern t_auxv_t *t_auxv; /* the auxv array, ends with a_type == T_AT_NULL */
extern char **t_environ; /* envp, NULL-terminated */
extern char **t_argv;
extern int t_argc;
/* a_val of the first auxv entry of TYPE, or 0 when there is none. */
long t_getauxval(long type);
/* The value of environment variable NAME, or NULL. */
char *t_getenv(const char *name);

/* FreeBSD auxv types (sys/sys/elf_common.h). */
#define T_AT_NULL 0
#define T_AT_IGNORE 1
#define T_AT_EXECFD 2
#define T_AT_PHDR 3
#define T_AT_PHENT 4
#define T_AT_PHNUM 5
#define T_AT_PAGESZ 6
#define T_AT_BASE 7
#define T_AT_FLAGS 8
#define T_AT_ENTRY 9
#define T_AT_NOTELF 10
#define T_AT_UID 11
#define T_AT_EUID 12
#define T_AT_GID 13
#define T_AT_EGID 14
#define T_AT_EXECPATH 15
#define T_AT_CANARY 16
#define T_AT_CANARYLEN 17
#define T_AT_OSRELDATE 18
#define T_AT_NCPUS 19
#define T_AT_PAGESIZES 20
#define T_AT_PAGESIZESLEN 21
#define T_AT_TIMEKEEP 22
#define T_AT_STACKPROT 23
#define T_AT_EHDRFLAGS 24
#define T_AT_HWCAP 25
#define T_AT_HWCAP2 26
#define T_AT_BSDFLAGS 27
#define T_AT_ARGC 28
#define T_AT_ARGV 29
#define T_AT_ENVC 30
#define T_AT_ENVV 31
#define T_AT_PS_STRINGS 32
#define T_AT_FXRNG 33
#define T_AT_KPRELOAD 34
#define T_AT_USRSTACKBASE 35
#define T_AT_USRSTACKLIM 36

#endif
