/* chflags family (UF_NODUMP round trip through st_flags, EOPNOTSUPP for
 * what the host cannot hold) and extattr in the user namespace. */
#include "t.h"

#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x200
#define O_RDWR 0x2
#define O_CREAT 0x200
#define UF_NODUMP 0x1
#define UF_IMMUTABLE 0x2
#define UF_OPAQUE 0x8
#define UF_HIDDEN 0x8000
#define SF_ARCHIVED 0x10000
#define SF_IMMUTABLE 0x20000
#define EXTATTR_NAMESPACE_USER 1
#define EXTATTR_NAMESPACE_SYSTEM 2

static unsigned flags_of(long fd)
{
	unsigned char b[224];
	unsigned v;

	CHECK_EQ(sys(FBSD_SYS_fstat, fd, b), 0);
	memcpy(&v, b + 132, 4);
	return v;
}

int main(int argc, char **argv, char **envp)
{
	char buf[256];
	long fd, r;

	fd = sys(FBSD_SYS_open, "f", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0);

	/* ---- chflags */
	r = sys(FBSD_SYS_chflags, "f", UF_NODUMP);
	if (r == -FBSD_EOPNOTSUPP) {
		t_printf("SKIP chflags: the host file system keeps no attributes\n");
	} else {
		CHECK_EQ(r, 0);
		CHECK_EQ(flags_of(fd), UF_NODUMP);
		CHECK_EQ(sys(FBSD_SYS_fchflags, fd, 0), 0);
		CHECK_EQ(flags_of(fd), 0);
		CHECK_EQ(sys(FBSD_SYS_chflagsat, AT_FDCWD, "f", UF_NODUMP, 0), 0);
		CHECK_EQ(flags_of(fd), UF_NODUMP);
		CHECK_EQ(sys(FBSD_SYS_lchflags, "f", 0), 0);
		CHECK_EQ(flags_of(fd), 0);
		/* flags Linux cannot hold: EOPNOTSUPP, nothing changed */
		CHECK_ERR(sys(FBSD_SYS_chflags, "f", UF_NODUMP | UF_HIDDEN), FBSD_EOPNOTSUPP);
		CHECK_ERR(sys(FBSD_SYS_fchflags, fd, UF_OPAQUE), FBSD_EOPNOTSUPP);
		CHECK_EQ(flags_of(fd), 0);
		if (sys(FBSD_SYS_geteuid) == 0) {
			CHECK_ERR(sys(FBSD_SYS_chflags, "f", SF_ARCHIVED), FBSD_EOPNOTSUPP);
			CHECK_EQ(sys(FBSD_SYS_chflags, "f", SF_IMMUTABLE), 0);
			CHECK_EQ(flags_of(fd), SF_IMMUTABLE);
			CHECK_ERR(sys(FBSD_SYS_unlink, "f"), FBSD_EPERM);
			CHECK_EQ(sys(FBSD_SYS_chflags, "f", 0), 0);
			CHECK_EQ(flags_of(fd), 0);
		} else {
			CHECK_ERR(sys(FBSD_SYS_chflags, "f", SF_IMMUTABLE), FBSD_EPERM);
			CHECK_ERR(sys(FBSD_SYS_chflags, "f", UF_IMMUTABLE), FBSD_EOPNOTSUPP);
		}
	}
	CHECK_ERR(sys(FBSD_SYS_chflags, "nope", 0), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_fchflags, 999, 0), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_chflagsat, AT_FDCWD, "f", 0, 0x1), FBSD_EINVAL);

	/* ---- extattr, user namespace */
	r = sys(FBSD_SYS_extattr_set_file, "f", EXTATTR_NAMESPACE_USER, "color", "blue", 4);
	if (r == -FBSD_EOPNOTSUPP) {
		t_printf("SKIP extattr: no xattrs on the host file system\n");
		return 0;
	}
	CHECK_EQ(r, 4);
	CHECK_EQ(sys(FBSD_SYS_extattr_set_fd, fd, EXTATTR_NAMESPACE_USER, "size", "xl", 2), 2);
	/* NULL data: the size */
	CHECK_EQ(sys(FBSD_SYS_extattr_get_file, "f", EXTATTR_NAMESPACE_USER, "color", 0, 0), 4);
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(sys(FBSD_SYS_extattr_get_fd, fd, EXTATTR_NAMESPACE_USER, "color", buf, sizeof(buf)), 4);
	CHECK(memcmp(buf, "blue", 4) == 0);
	/* a short buffer gets what fits */
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(sys(FBSD_SYS_extattr_get_file, "f", EXTATTR_NAMESPACE_USER, "color", buf, 2), 2);
	CHECK(memcmp(buf, "bl\0", 3) == 0);
	/* list: length-prefixed names, no prefix, no NULs */
	r = sys(FBSD_SYS_extattr_list_file, "f", EXTATTR_NAMESPACE_USER, 0, 0);
	CHECK_EQ(r, 11);
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(sys(FBSD_SYS_extattr_list_fd, fd, EXTATTR_NAMESPACE_USER, buf, sizeof(buf)), 11);
	CHECK((buf[0] == 5 && memcmp(buf + 1, "color", 5) == 0 && buf[6] == 4 &&
	       memcmp(buf + 7, "size", 4) == 0) ||
	      (buf[0] == 4 && memcmp(buf + 1, "size", 4) == 0 && buf[5] == 5 &&
	       memcmp(buf + 6, "color", 5) == 0));
	CHECK_EQ(sys(FBSD_SYS_extattr_list_link, "f", EXTATTR_NAMESPACE_USER, buf, 3), 3);
	/* delete */
	CHECK_EQ(sys(FBSD_SYS_extattr_delete_file, "f", EXTATTR_NAMESPACE_USER, "color"), 0);
	CHECK_ERR(sys(FBSD_SYS_extattr_get_file, "f", EXTATTR_NAMESPACE_USER, "color", buf, 10), FBSD_ENOATTR);
	CHECK_ERR(sys(FBSD_SYS_extattr_delete_fd, fd, EXTATTR_NAMESPACE_USER, "color"), FBSD_ENOATTR);
	CHECK_EQ(sys(FBSD_SYS_extattr_delete_fd, fd, EXTATTR_NAMESPACE_USER, "size"), 0);
	CHECK_EQ(sys(FBSD_SYS_extattr_list_file, "f", EXTATTR_NAMESPACE_USER, buf, sizeof(buf)), 0);
	/* the _link calls name the file itself (no symlink to follow here) */
	CHECK_EQ(sys(FBSD_SYS_extattr_set_link, "f", EXTATTR_NAMESPACE_USER, "ln", "abc", 3), 3);
	CHECK_EQ(sys(FBSD_SYS_extattr_get_link, "f", EXTATTR_NAMESPACE_USER, "ln", buf, sizeof(buf)), 3);
	CHECK_EQ(memcmp(buf, "abc", 3), 0);
	CHECK_EQ(sys(FBSD_SYS_extattr_get_fd, fd, EXTATTR_NAMESPACE_USER, "ln", 0, 0), 3);
	CHECK_EQ(sys(FBSD_SYS_extattr_delete_link, "f", EXTATTR_NAMESPACE_USER, "ln"), 0);
	CHECK_ERR(sys(FBSD_SYS_extattr_get_link, "f", EXTATTR_NAMESPACE_USER, "ln", buf, 10), FBSD_ENOATTR);
	CHECK_ERR(sys(FBSD_SYS_extattr_delete_link, "f", EXTATTR_NAMESPACE_USER, "ln"), FBSD_ENOATTR);
	CHECK_ERR(sys(FBSD_SYS_extattr_set_link, "nope", EXTATTR_NAMESPACE_USER, "ln", "a", 1), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_extattr_get_link, "nope", EXTATTR_NAMESPACE_USER, "ln", buf, 10), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_extattr_delete_link, "f", 9, "ln"), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_extattr_get_link, 16, EXTATTR_NAMESPACE_USER, "ln", buf, 10), FBSD_EFAULT);
	/* empty value */
	CHECK_EQ(sys(FBSD_SYS_extattr_set_file, "f", EXTATTR_NAMESPACE_USER, "e", "", 0), 0);
	CHECK_EQ(sys(FBSD_SYS_extattr_get_file, "f", EXTATTR_NAMESPACE_USER, "e", 0, 0), 0);
	/* errors */
	CHECK_ERR(sys(FBSD_SYS_extattr_get_file, "f", 0, "e", buf, 10), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_extattr_get_file, "f", 3, "e", buf, 10), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_extattr_get_file, "f", EXTATTR_NAMESPACE_USER, "", buf, 10), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_extattr_get_file, "nope", EXTATTR_NAMESPACE_USER, "e", buf, 10), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_extattr_get_fd, 999, EXTATTR_NAMESPACE_USER, "e", buf, 10), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_extattr_get_file, "f", EXTATTR_NAMESPACE_USER, 16, buf, 10), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_extattr_set_file, "f", EXTATTR_NAMESPACE_USER, "x", 16, 10), FBSD_EFAULT);
	if (sys(FBSD_SYS_geteuid) != 0)
		CHECK_ERR(sys(FBSD_SYS_extattr_set_file, "f", EXTATTR_NAMESPACE_SYSTEM, "x", "1", 1), FBSD_EPERM);
	return 0;
}
