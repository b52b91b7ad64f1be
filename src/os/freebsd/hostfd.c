/* bsdemu's own descriptors kept apart from the guest's (hostfd.h). */
#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "log.h"
#include "os/freebsd/hostfd.h"

/* Marks for descriptors below HOSTFD_MAX; a higher one (only if the
 * limit allows and everything below is taken) goes unmarked. */
#define HOSTFD_MAX 65536
static _Atomic uint64_t owned[HOSTFD_MAX / 64];

/* Where bsdemu's descriptors start: far above the handful a program
 * usually has, below the usual soft limit of 1024. */
static int base(void)
{
	static int b;
	struct rlimit rl;

	if (!b) {
		int v = 512;

		if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 1024)
			v = (int)rl.rlim_cur / 2;
		b = v > 3 ? v : 3;
	}
	return b;
}

static void mark(int fd, bool on)
{
	uint64_t bit = 1ull << (fd % 64);

	if (fd < 0 || fd >= HOSTFD_MAX)
		return;
	if (on)
		atomic_fetch_or(&owned[fd / 64], bit);
	else
		atomic_fetch_and(&owned[fd / 64], ~bit);
}

int fbsd_hostfd_own(int fd)
{
	if (fd < 0)
		return fd;
	if (fd < base()) {
		int hi = fcntl(fd, F_DUPFD_CLOEXEC, base());

		if (hi >= 0) {
			close(fd);
			fd = hi;
		}
	}
	mark(fd, true);
	return fd;
}

void fbsd_hostfd_own_log(void)
{
	FILE *f = log_file();
	int fd;

	if (f == stderr)
		return;
	if (fileno(f) < base()) {
		fflush(f);
		fd = fcntl(fileno(f), F_DUPFD_CLOEXEC, base());
		if (fd >= 0 && log_use_fd(fd) < 0)
			close(fd);
	}
	mark(fileno(log_file()), true);  /* moved or not, it is bsdemu's */
}

void fbsd_hostfd_close(int fd)
{
	if (fd < 0)
		return;
	/* unmark first: once closed, the number may become the guest's */
	mark(fd, false);
	close(fd);
}

bool fbsd_hostfd_is(int fd)
{
	if (fd < 0 || fd >= HOSTFD_MAX)
		return false;
	return (atomic_load(&owned[fd / 64]) >> (fd % 64)) & 1;
}

int fbsd_hostfd_next(unsigned lo, unsigned hi)
{
	for (unsigned fd = lo; fd <= hi && fd < HOSTFD_MAX; fd++) {
		uint64_t w = atomic_load(&owned[fd / 64]) >> (fd % 64);

		if (!w) {
			fd |= 63;       /* rest of this word: none */
			continue;
		}
		fd += (unsigned)__builtin_ctzll(w);
		return fd <= hi ? (int)fd : -1;
	}
	return -1;
}
