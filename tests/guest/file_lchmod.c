/* lchmod (274): the mode of a regular file changes (the guest-root path
 * rule as for chmod); on a symlink FreeBSD changes the link's own mode, but
 * Linux keeps none: bsdemu answers EOPNOTSUPP there, as fchmodat with
 * AT_SYMLINK_NOFOLLOW does, and the target is left alone; ENOENT; EFAULT. */
#include "t.h"
#include "os/freebsd/fbsd_types.h"

#define AT_FDCWD (-100)
#define O_RDWR 0x2
#define O_CREAT 0x200
#define S_IFMT 0170000
#define S_IFREG 0100000

int main(int argc, char **argv, char **envp)
{
	struct fbsd_stat st;
	long fd;

	fd = sys(FBSD_SYS_open, "lf", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_close, fd), 0);

	/* a regular file: the mode changes (set-id bits dropped as chmod) */
	CHECK_EQ(sys(FBSD_SYS_lchmod, "lf", 0600), 0);
	CHECK_EQ(sys(FBSD_SYS_fstatat, AT_FDCWD, "lf", &st, 0), 0);
	CHECK_EQ(st.st_mode & S_IFMT, S_IFREG);
	CHECK_EQ(st.st_mode & 07777, 0600);
	CHECK_EQ(sys(FBSD_SYS_lchmod, "lf", 0751), 0);
	CHECK_EQ(sys(FBSD_SYS_fstatat, AT_FDCWD, "lf", &st, 0), 0);
	CHECK_EQ(st.st_mode & 07777, 0751);

	/* a symlink: EOPNOTSUPP (Linux has no symlink modes); the target
	 * keeps its mode */
	CHECK_EQ(sys(FBSD_SYS_symlink, "lf", "ln"), 0);
	CHECK_ERR(sys(FBSD_SYS_lchmod, "ln", 0700), FBSD_EOPNOTSUPP);
	CHECK_EQ(sys(FBSD_SYS_fstatat, AT_FDCWD, "lf", &st, 0), 0);
	CHECK_EQ(st.st_mode & 07777, 0751);
	/* a dangling symlink: the same answer, not ENOENT */
	CHECK_EQ(sys(FBSD_SYS_symlink, "nowhere", "dang"), 0);
	CHECK_ERR(sys(FBSD_SYS_lchmod, "dang", 0700), FBSD_EOPNOTSUPP);

	CHECK_ERR(sys(FBSD_SYS_lchmod, "missing", 0600), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_lchmod, "nodir/x", 0600), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_lchmod, (char *)8, 0600), FBSD_EFAULT);
	return t_failures ? 1 : 0;
}
