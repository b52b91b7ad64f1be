/* Linux's procfs stays out of sight: a FreeBSD system has an empty /proc
 * (procfs is not mounted by default, and has no "self" or "maps" when it
 * is), so anything below /proc is ENOENT however the path is spelled,
 * while /proc itself is still a directory. */
#include "t.h"

#define O_RDONLY 0
#define AT_FDCWD -100
#define F_OK 0

int main(int argc, char **argv, char **envp)
{
	static const char *const hidden[] = {
		"/proc/self/maps", "/proc/cpuinfo", "//proc/self", "/./proc/1",
		"/proc/self/", "/proc//self/exe",
	};
	char st[256];

	for (unsigned i = 0; i < sizeof(hidden) / sizeof(hidden[0]); i++) {
		CHECK_ERR(sys(FBSD_SYS_openat, AT_FDCWD, hidden[i], O_RDONLY), FBSD_ENOENT);
		CHECK_ERR(sys(FBSD_SYS_access, hidden[i], F_OK), FBSD_ENOENT);
		CHECK_ERR(sys(FBSD_SYS_fstatat, AT_FDCWD, hidden[i], st, 0), FBSD_ENOENT);
	}
	CHECK_EQ(sys(FBSD_SYS_access, "/proc", F_OK), 0);
	CHECK_EQ(sys(FBSD_SYS_access, "/proc/", F_OK), 0);
	return 0;
}
