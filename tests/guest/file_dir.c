/* Directory and name calls: __getcwd, chdir, fchdir, mkdir(at), rmdir,
 * unlink(at), rename(at), symlink(at), readlink(at), link(at),
 * access/faccessat/eaccess, chmod/fchmod/fchmodat, umask. */
#include "t.h"

#define AT_FDCWD (-100)
#define AT_EACCESS 0x100
#define AT_SYMLINK_NOFOLLOW 0x200
#define AT_SYMLINK_FOLLOW 0x400
#define AT_REMOVEDIR 0x800
#define AT_RESOLVE_BENEATH 0x2000
#define AT_EMPTY_PATH 0x4000
#define O_RDONLY 0x0
#define O_RDWR 0x2
#define O_CREAT 0x200
#define O_DIRECTORY 0x20000
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

static long mkfile(const char *p)
{
	long fd = sys(FBSD_SYS_open, p, O_RDWR | O_CREAT, 0644);

	if (fd >= 0)
		sys(FBSD_SYS_close, fd);
	return fd;
}

int main(int argc, char **argv, char **envp)
{
	char cwd[1024], sub[1100], buf[64];
	long r, dfd;

	/* __getcwd returns 0 and a NUL-terminated absolute path */
	memset(cwd, 0x55, sizeof(cwd));
	CHECK_EQ(sys(FBSD_SYS___getcwd, cwd, sizeof(cwd)), 0);
	CHECK(cwd[0] == '/');
	CHECK(strlen(cwd) < sizeof(cwd));
	CHECK_ERR(sys(FBSD_SYS___getcwd, cwd, 1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS___getcwd, cwd, 2), FBSD_ENOMEM);
	CHECK_ERR(sys(FBSD_SYS___getcwd, 8, sizeof(cwd)), FBSD_EFAULT);

	/* mkdir, chdir, getcwd follows, fchdir back */
	CHECK_EQ(sys(FBSD_SYS_mkdir, "sub", 0755), 0);
	CHECK_ERR(sys(FBSD_SYS_mkdir, "sub", 0755), FBSD_EEXIST);
	CHECK_ERR(sys(FBSD_SYS_mkdir, "no/such", 0755), FBSD_ENOENT);
	dfd = sys(FBSD_SYS_open, ".", O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0);
	CHECK_EQ(sys(FBSD_SYS_chdir, "sub"), 0);
	CHECK_EQ(sys(FBSD_SYS___getcwd, sub, sizeof(sub)), 0);
	CHECK(strncmp(sub, cwd, strlen(cwd)) == 0);
	CHECK(strcmp(sub + strlen(cwd), "/sub") == 0);
	CHECK_EQ(sys(FBSD_SYS_fchdir, dfd), 0);
	CHECK_EQ(sys(FBSD_SYS___getcwd, sub, sizeof(sub)), 0);
	CHECK(strcmp(sub, cwd) == 0);
	CHECK_ERR(sys(FBSD_SYS_chdir, "nonexistent"), FBSD_ENOENT);
	CHECK(mkfile("file") >= 0);
	CHECK_ERR(sys(FBSD_SYS_chdir, "file"), FBSD_ENOTDIR);
	CHECK_ERR(sys(FBSD_SYS_chdir, 8), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_fchdir, 999), FBSD_EBADF);

	/* mkdirat relative to a dirfd; set-id/sticky bits are dropped */
	CHECK_EQ(sys(FBSD_SYS_mkdirat, dfd, "sub/inner", 01755), 0);
	CHECK_EQ(sys(FBSD_SYS_access, "sub/inner", X_OK), 0);

	/* rmdir: non-empty, not a directory, missing */
	CHECK_ERR(sys(FBSD_SYS_rmdir, "sub"), FBSD_ENOTEMPTY);
	CHECK_ERR(sys(FBSD_SYS_rmdir, "file"), FBSD_ENOTDIR);
	CHECK_ERR(sys(FBSD_SYS_rmdir, "gone"), FBSD_ENOENT);
	CHECK_EQ(sys(FBSD_SYS_unlinkat, AT_FDCWD, "sub/inner", AT_REMOVEDIR), 0);

	/* unlink: a directory is EPERM on FreeBSD */
	CHECK_ERR(sys(FBSD_SYS_unlink, "sub"), FBSD_EPERM);
	CHECK_ERR(sys(FBSD_SYS_unlinkat, AT_FDCWD, "sub", 0), FBSD_EPERM);
	CHECK_ERR(sys(FBSD_SYS_unlinkat, AT_FDCWD, "file", AT_REMOVEDIR), FBSD_ENOTDIR);
	CHECK_ERR(sys(FBSD_SYS_unlinkat, AT_FDCWD, "file", 0x1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_unlink, "gone"), FBSD_ENOENT);
	CHECK(mkfile("sub/x") >= 0);
	CHECK_EQ(sys(FBSD_SYS_unlinkat, dfd, "sub/x", 0), 0);
	CHECK_ERR(sys(FBSD_SYS_unlinkat, dfd, "../x", AT_RESOLVE_BENEATH),
		  FBSD_ENOTCAPABLE);

	/* rename / renameat */
	CHECK_EQ(sys(FBSD_SYS_rename, "file", "file2"), 0);
	CHECK_ERR(sys(FBSD_SYS_access, "file", F_OK), FBSD_ENOENT);
	CHECK_EQ(sys(FBSD_SYS_access, "file2", F_OK), 0);
	CHECK_EQ(sys(FBSD_SYS_renameat, AT_FDCWD, "file2", dfd, "sub/file3"), 0);
	CHECK_EQ(sys(FBSD_SYS_access, "sub/file3", R_OK | W_OK), 0);
	CHECK_ERR(sys(FBSD_SYS_rename, "gone", "x"), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_rename, "sub", "sub/deeper"), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_mkdir, "full", 0755), 0);
	CHECK(mkfile("full/f") >= 0);
	CHECK_EQ(sys(FBSD_SYS_mkdir, "empty", 0755), 0);
	CHECK_ERR(sys(FBSD_SYS_rename, "empty", "full"), FBSD_ENOTEMPTY);

	/* symlink / readlink: the target is stored verbatim */
	CHECK_EQ(sys(FBSD_SYS_symlink, "sub/file3", "sl"), 0);
	CHECK_ERR(sys(FBSD_SYS_symlink, "whatever", "sl"), FBSD_EEXIST);
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(sys(FBSD_SYS_readlink, "sl", buf, sizeof(buf)), 9);
	CHECK(memcmp(buf, "sub/file3", 9) == 0);
	CHECK_EQ(buf[9], 0);    /* no NUL is written */
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(sys(FBSD_SYS_readlink, "sl", buf, 3), 3);   /* truncated */
	CHECK(memcmp(buf, "sub", 3) == 0 && buf[3] == 0);
	CHECK_EQ(sys(FBSD_SYS_symlinkat, "/abs/target", dfd, "sl2"), 0);
	CHECK_EQ(sys(FBSD_SYS_readlinkat, dfd, "sl2", buf, sizeof(buf)), 11);
	CHECK(memcmp(buf, "/abs/target", 11) == 0);
	CHECK_ERR(sys(FBSD_SYS_readlink, "sub", buf, sizeof(buf)), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_readlink, "gone", buf, sizeof(buf)), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_readlink, "sl", 8, sizeof(buf)), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_symlink, 8, "sl3"), FBSD_EFAULT);

	/* link follows a symlink on FreeBSD; linkat only with FOLLOW */
	CHECK_EQ(sys(FBSD_SYS_link, "sl", "hard"), 0);
	memset(buf, 0, sizeof(buf));
	CHECK_ERR(sys(FBSD_SYS_readlink, "hard", buf, sizeof(buf)), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_linkat, AT_FDCWD, "sl", AT_FDCWD, "hard2", 0), 0);
	CHECK_EQ(sys(FBSD_SYS_readlink, "hard2", buf, sizeof(buf)), 9);
	CHECK_EQ(sys(FBSD_SYS_linkat, AT_FDCWD, "sl", dfd, "hard3", AT_SYMLINK_FOLLOW), 0);
	CHECK_ERR(sys(FBSD_SYS_readlink, "hard3", buf, sizeof(buf)), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_link, "gone", "h"), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_link, "sub/file3", "hard"), FBSD_EEXIST);
	CHECK_ERR(sys(FBSD_SYS_linkat, AT_FDCWD, "sl", AT_FDCWD, "h", 0x1), FBSD_EINVAL);

	/* access / faccessat / eaccess */
	CHECK_EQ(sys(FBSD_SYS_access, "sub", R_OK | W_OK | X_OK), 0);
	CHECK_ERR(sys(FBSD_SYS_access, "gone", F_OK), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_access, "sub", 0x10), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_access, 8, F_OK), FBSD_EFAULT);
	CHECK_EQ(sys(FBSD_SYS_faccessat, dfd, "sub/file3", R_OK, AT_EACCESS), 0);
	CHECK_ERR(sys(FBSD_SYS_faccessat, dfd, "sub/file3", R_OK, AT_SYMLINK_NOFOLLOW),
		  FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_faccessat, dfd, "../x", F_OK, AT_RESOLVE_BENEATH),
		  FBSD_ENOTCAPABLE);
	CHECK_EQ(sys(FBSD_SYS_eaccess, "sub/file3", W_OK), 0);
	CHECK_ERR(sys(FBSD_SYS_access, "sub/file3", X_OK), FBSD_EACCES);

	/* chmod / fchmod / fchmodat */
	CHECK_EQ(sys(FBSD_SYS_chmod, "sub/file3", 0755), 0);
	CHECK_EQ(sys(FBSD_SYS_access, "sub/file3", X_OK), 0);
	r = sys(FBSD_SYS_open, "sub/file3", O_RDONLY);
	CHECK(r >= 0);
	CHECK_EQ(sys(FBSD_SYS_fchmod, r, 0644), 0);
	CHECK_ERR(sys(FBSD_SYS_access, "sub/file3", X_OK), FBSD_EACCES);
	CHECK_EQ(sys(FBSD_SYS_fchmodat, r, "", 0700, AT_EMPTY_PATH), 0);
	CHECK_EQ(sys(FBSD_SYS_access, "sub/file3", X_OK), 0);
	sys(FBSD_SYS_close, r);
	CHECK_ERR(sys(FBSD_SYS_fchmod, 999, 0644), FBSD_EBADF);
	CHECK_EQ(sys(FBSD_SYS_fchmodat, dfd, "sub/file3", 0600, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_access, "sub/file3", X_OK), FBSD_EACCES);
	CHECK_ERR(sys(FBSD_SYS_fchmodat, dfd, "sub/file3", 0600, 0x1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_chmod, "gone", 0600), FBSD_ENOENT);

	/* umask returns the previous mask */
	r = sys(FBSD_SYS_umask, 077);
	CHECK_EQ(sys(FBSD_SYS_umask, 027), 077);
	CHECK_EQ(sys(FBSD_SYS_umask, r), 027);

	/* a name longer than MAXPATHLEN */
	memset(sub, 'a', sizeof(sub));
	sub[sizeof(sub) - 1] = 0;
	CHECK_ERR(sys(FBSD_SYS_mkdir, sub, 0755), FBSD_ENAMETOOLONG);
	CHECK_ERR(sys(FBSD_SYS_unlink, sub), FBSD_ENAMETOOLONG);
	CHECK_ERR(sys(FBSD_SYS_chdir, sub), FBSD_ENAMETOOLONG);

	sys(FBSD_SYS_close, dfd);
	return 0;
}
