/* A guest whose system calls are traced by tests/strace/run.sh and compared
 * with tests/strace/expected.txt (addresses and fds of the host ignored). */
#include "t.h"

#define FBSD_O_RDONLY 0x0
#define FBSD_O_WRONLY 0x1
#define FBSD_O_CREAT 0x200
#define FBSD_O_TRUNC 0x400
#define FBSD_O_CLOEXEC 0x100000
#define FBSD_AT_FDCWD (-100)
#define FBSD_PROT_READ 1
#define FBSD_PROT_WRITE 2
#define FBSD_MAP_PRIVATE 2
#define FBSD_MAP_ANON 0x1000

int main(void)
{
	long fd, p;
	char buf[16];

	sys(FBSD_SYS_write, 1, "hello\tstrace\n", 13);
	fd = sys(FBSD_SYS_openat, FBSD_AT_FDCWD, "out.txt",
		 FBSD_O_WRONLY | FBSD_O_CREAT | FBSD_O_TRUNC | FBSD_O_CLOEXEC, 0644);
	sys(FBSD_SYS_write, fd, "0123456789abcdefghijklmnopqrstuvwxyzABCDEF", 42);
	sys(FBSD_SYS_close, fd);
	fd = sys(FBSD_SYS_openat, FBSD_AT_FDCWD, "out.txt", FBSD_O_RDONLY);
	sys(FBSD_SYS_read, fd, buf, 4);
	sys(FBSD_SYS_close, fd);
	sys(FBSD_SYS_openat, FBSD_AT_FDCWD, "/nonexistent/file", FBSD_O_RDONLY);
	p = sys(FBSD_SYS_mmap, 0, 65536, FBSD_PROT_READ | FBSD_PROT_WRITE,
		FBSD_MAP_PRIVATE | FBSD_MAP_ANON, -1, 0);
	sys(FBSD_SYS_munmap, p, 65536);
	sys(FBSD_SYS_close, 12345);
	return 0;
}
