/* The subset of tests/guest/lib/t.h the C workloads use, over the host's
 * libc, for the native x86-64 Linux build (see host/shim.c). */
#ifndef BSDEMU_T_H
#define BSDEMU_T_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* sys(nr, a, b, c): every argument cast to long, as t.h's macro does. */
long b_host_sys(long nr, long a, long b, long c);
#define B_SYS_PICK(_1, _2, _3, _4, N, ...) N
#define sys(...) B_SYS_PICK(__VA_ARGS__, B_SYS4, B_SYS3, B_SYS2, B_SYS1, 0)(__VA_ARGS__)
#define B_SYS1(n) b_host_sys((long)(n), 0, 0, 0)
#define B_SYS2(n, a) b_host_sys((long)(n), (long)(a), 0, 0)
#define B_SYS3(n, a, b) b_host_sys((long)(n), (long)(a), (long)(b), 0)
#define B_SYS4(n, a, b, c) b_host_sys((long)(n), (long)(a), (long)(b), (long)(c))
_Noreturn void t_exit(int status);
int t_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int t_dprintf(int fd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *t_getenv(const char *name);
#endif
