/* Host shim: t.h's functions over glibc for the native build of the C
 * workloads.  sys() keeps t.h's convention: the result, or -errno. */
#define _GNU_SOURCE
#include "t.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

long b_host_sys(long nr, long a, long b, long c)
{
	long r = syscall(nr, a, b, c);
	return r < 0 ? -errno : r;
}

_Noreturn void t_exit(int status)
{
	exit(status);
}

int t_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int t_dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

char *t_getenv(const char *name)
{
	return getenv(name);
}
