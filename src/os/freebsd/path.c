/* The guest-root path rule.
 *
 * Without a sysroot (-L / BSDEMU_SYSROOT) every guest path is used as is.
 * With one, an ABSOLUTE guest path P is looked up as SYSROOT/P first: when
 * something exists there (lstat succeeds: a dangling symlink counts) that
 * host path is used, otherwise P itself on the host.  Relative paths are
 * never rewritten (they follow the cwd, which is a host directory).  "/" on
 * its own stays the host root, so that chdir("/") and getcwd agree with the
 * host view.  Like QEMU's -L, the rule applies to the path as given; a
 * symlink met during the host's own lookup is not re-examined, and a file
 * being created goes to the host unless it already exists in the sysroot.
 * So a FreeBSD program finds /libexec/ld-elf.so.1, /lib and /etc/... of the
 * sysroot, and still sees the host's /tmp, /dev and home.
 *
 * Linux's procfs is not FreeBSD's: a FreeBSD system has an empty /proc
 * unless procfs is mounted, and then with another layout (no /proc/self,
 * no maps file), so programs that probe /proc/self/maps or /proc/cpuinfo
 * would be misled.  Anything below an absolute /proc is therefore ENOENT,
 * unless the sysroot has it; /proc itself stays the host directory. */
#include <string.h>
#include <sys/stat.h>

#include "emu.h"
#include "fbsd_errno.h"
#include "path.h"

static int copy_out(const char *s, char *out, size_t outlen)
{
	size_t n = strlen(s);

	if (n + 1 > outlen)
		return FBSD_ENAMETOOLONG;
	memcpy(out, s, n + 1);
	return 0;
}

/* The path names the root itself ("/", "//", "/./" ...). */
static int is_root(const char *p)
{
	for (; *p; p++)
		if (*p != '/' && !(*p == '.' && (p[1] == '/' || p[1] == 0)))
			return 0;
	return 1;
}

static const char *sysroot(void)
{
	const char *r = emu.sysroot;

	if (!r || !r[0] || (r[0] == '/' && r[1] == 0))
		return NULL;
	return r;
}

/* An absolute path below /proc ("/proc/x", "//./proc/x/"). */
static int below_proc(const char *p)
{
	if (*p != '/')
		return 0;
	for (;;) {
		while (*p == '/')
			p++;
		if (p[0] == '.' && (p[1] == '/' || p[1] == 0))
			p++;
		else
			break;
	}
	if (strncmp(p, "proc/", 5) != 0)
		return 0;
	for (p += 5; *p; p++)
		if (*p != '/' && !(*p == '.' && (p[1] == '/' || p[1] == 0)))
			return 1;
	return 0;
}

int fbsd_path_resolve(const char *guest_path, char *out, size_t outlen)
{
	const char *root = sysroot();
	struct stat st;
	size_t rl, pl;

	if (below_proc(guest_path) && !root)
		return FBSD_ENOENT;
	if (!root || guest_path[0] != '/' || is_root(guest_path))
		return copy_out(guest_path, out, outlen);
	rl = strlen(root);
	while (rl > 1 && root[rl - 1] == '/')
		rl--;
	pl = strlen(guest_path);
	if (rl + pl + 1 <= outlen) {
		memcpy(out, root, rl);
		memcpy(out + rl, guest_path, pl + 1);
		if (lstat(out, &st) == 0)
			return 0;
	}
	if (below_proc(guest_path))
		return FBSD_ENOENT;
	return copy_out(guest_path, out, outlen);
}

void fbsd_path_unresolve(char *host_path)
{
	const char *root = sysroot();
	size_t rl;

	if (!root)
		return;
	rl = strlen(root);
	while (rl > 1 && root[rl - 1] == '/')
		rl--;
	if (strncmp(host_path, root, rl) != 0)
		return;
	if (host_path[rl] == 0) {
		/* the sysroot itself: "/" would map back to the host root, so
		 * leave it as it is */
		return;
	}
	if (host_path[rl] == '/')
		memmove(host_path, host_path + rl, strlen(host_path + rl) + 1);
}
