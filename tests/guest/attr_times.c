/* chown family and the times family: utimes, futimes, lutimes, futimesat,
 * utimensat (UTIME_NOW -1 / UTIME_OMIT -2), futimens. */
#include "t.h"

#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x200
#define AT_EMPTY_PATH 0x4000
#define O_RDWR 0x2
#define O_CREAT 0x200
#define UTIME_NOW (-1L)
#define UTIME_OMIT (-2L)

struct ts { long sec, nsec; };
struct tv { long sec, usec; };
struct st { unsigned char b[224]; };

static struct ts st_atim(const struct st *s) { struct ts t; memcpy(&t, s->b + 48, 16); return t; }
static struct ts st_mtim(const struct st *s) { struct ts t; memcpy(&t, s->b + 64, 16); return t; }
static unsigned st_uid(const struct st *s) { unsigned v; memcpy(&v, s->b + 28, 4); return v; }
static unsigned st_gid(const struct st *s) { unsigned v; memcpy(&v, s->b + 32, 4); return v; }

static struct st lst(const char *p, int flag)
{
	struct st s;

	memset(&s, 0, sizeof(s));
	CHECK_EQ(sys(FBSD_SYS_fstatat, AT_FDCWD, p, &s, flag), 0);
	return s;
}

int main(int argc, char **argv, char **envp)
{
	struct ts t[2];
	struct tv v[2];
	struct st s;
	long fd, uid = sys(FBSD_SYS_geteuid), gid = sys(FBSD_SYS_getegid);

	fd = sys(FBSD_SYS_open, "f", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_symlink, "f", "l"), 0);

	/* ---- chown to self: allowed; -1 means unchanged */
	CHECK_EQ(sys(FBSD_SYS_chown, "f", uid, gid), 0);
	CHECK_EQ(sys(FBSD_SYS_chown, "f", -1, -1), 0);
	CHECK_EQ(sys(FBSD_SYS_fchown, fd, uid, -1), 0);
	CHECK_EQ(sys(FBSD_SYS_lchown, "l", uid, gid), 0);
	CHECK_EQ(sys(FBSD_SYS_fchownat, AT_FDCWD, "l", uid, gid, AT_SYMLINK_NOFOLLOW), 0);
	CHECK_EQ(sys(FBSD_SYS_fchownat, fd, "", -1, gid, AT_EMPTY_PATH), 0);
	s = lst("f", 0);
	CHECK_EQ(st_uid(&s), uid);
	CHECK_EQ(st_gid(&s), gid);
	if (uid == 0) {
		/* root may give files away */
		CHECK_EQ(sys(FBSD_SYS_chown, "f", 1234, 5678), 0);
		s = lst("f", 0);
		CHECK_EQ(st_uid(&s), 1234);
		CHECK_EQ(st_gid(&s), 5678);
		CHECK_EQ(sys(FBSD_SYS_lchown, "l", 4321, -1), 0);
		s = lst("l", AT_SYMLINK_NOFOLLOW);
		CHECK_EQ(st_uid(&s), 4321);
		s = lst("f", 0);
		CHECK_EQ(st_uid(&s), 1234);
		CHECK_EQ(sys(FBSD_SYS_fchown, fd, uid, gid), 0);
	} else {
		CHECK_ERR(sys(FBSD_SYS_chown, "f", uid + 1, -1), FBSD_EPERM);
	}
	CHECK_ERR(sys(FBSD_SYS_chown, "nope", uid, gid), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_fchown, 999, uid, gid), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_fchownat, AT_FDCWD, "f", uid, gid, 0x1), FBSD_EINVAL);

	/* ---- utimensat: exact times back through fstat */
	t[0].sec = 1000000000; t[0].nsec = 123456789;
	t[1].sec = 1100000000; t[1].nsec = 987654321;
	CHECK_EQ(sys(FBSD_SYS_utimensat, AT_FDCWD, "f", t, 0), 0);
	s = lst("f", 0);
	CHECK_EQ(st_atim(&s).sec, 1000000000);
	CHECK_EQ(st_atim(&s).nsec, 123456789);
	CHECK_EQ(st_mtim(&s).sec, 1100000000);
	CHECK_EQ(st_mtim(&s).nsec, 987654321);
	/* UTIME_OMIT keeps atime, UTIME_NOW sets mtime to now */
	t[0].nsec = UTIME_OMIT; t[0].sec = 5;
	t[1].nsec = UTIME_NOW; t[1].sec = 5;
	CHECK_EQ(sys(FBSD_SYS_utimensat, AT_FDCWD, "f", t, 0), 0);
	s = lst("f", 0);
	CHECK_EQ(st_atim(&s).sec, 1000000000);
	CHECK_EQ(st_atim(&s).nsec, 123456789);
	CHECK(st_mtim(&s).sec > 1600000000);
	/* both OMIT: nothing changes */
	t[0].nsec = t[1].nsec = UTIME_OMIT;
	CHECK_EQ(sys(FBSD_SYS_utimensat, AT_FDCWD, "f", t, 0), 0);
	CHECK_EQ(lst("f", 0).b[48], s.b[48]);
	/* Linux's special values are plain (invalid) numbers on FreeBSD */
	t[0].sec = 1; t[0].nsec = 0x3fffffff;
	t[1].sec = 1; t[1].nsec = 0;
	CHECK_ERR(sys(FBSD_SYS_utimensat, AT_FDCWD, "f", t, 0), FBSD_EINVAL);
	t[0].nsec = 1000000000;
	CHECK_ERR(sys(FBSD_SYS_utimensat, AT_FDCWD, "f", t, 0), FBSD_EINVAL);
	t[0].nsec = -3;
	CHECK_ERR(sys(FBSD_SYS_utimensat, AT_FDCWD, "f", t, 0), FBSD_EINVAL);
	t[0].nsec = 0;
	CHECK_ERR(sys(FBSD_SYS_utimensat, AT_FDCWD, "f", t, 0x1), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_utimensat, AT_FDCWD, "nope", t, 0), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_utimensat, AT_FDCWD, "f", 16, 0), FBSD_EFAULT);
	/* NULL: both now */
	CHECK_EQ(sys(FBSD_SYS_utimensat, AT_FDCWD, "f", 0, 0), 0);
	s = lst("f", 0);
	CHECK(st_atim(&s).sec > 1600000000);
	/* symlink itself with AT_SYMLINK_NOFOLLOW */
	t[0].sec = 222; t[0].nsec = 0; t[1].sec = 333; t[1].nsec = 444;
	CHECK_EQ(sys(FBSD_SYS_utimensat, AT_FDCWD, "l", t, AT_SYMLINK_NOFOLLOW), 0);
	s = lst("l", AT_SYMLINK_NOFOLLOW);
	CHECK_EQ(st_mtim(&s).sec, 333);
	CHECK_EQ(st_mtim(&s).nsec, 444);
	CHECK(lst("f", 0).b[64] != s.b[64] || st_mtim(&s).sec != 333);

	/* ---- futimens */
	t[0].sec = 10; t[0].nsec = 1; t[1].sec = 20; t[1].nsec = 2;
	CHECK_EQ(sys(FBSD_SYS_futimens, fd, t), 0);
	CHECK_EQ(sys(FBSD_SYS_fstat, fd, &s), 0);
	CHECK_EQ(st_atim(&s).sec, 10);
	CHECK_EQ(st_mtim(&s).nsec, 2);
	CHECK_ERR(sys(FBSD_SYS_futimens, 999, t), FBSD_EBADF);
	t[1].nsec = 1000000000;
	CHECK_ERR(sys(FBSD_SYS_futimens, fd, t), FBSD_EINVAL);

	/* ---- utimes / futimes / lutimes / futimesat: timevals */
	v[0].sec = 30; v[0].usec = 5; v[1].sec = 40; v[1].usec = 999999;
	CHECK_EQ(sys(FBSD_SYS_utimes, "f", v), 0);
	s = lst("f", 0);
	CHECK_EQ(st_atim(&s).sec, 30);
	CHECK_EQ(st_atim(&s).nsec, 5000);
	CHECK_EQ(st_mtim(&s).nsec, 999999000);
	v[0].sec = 50;
	CHECK_EQ(sys(FBSD_SYS_futimes, fd, v), 0);
	CHECK_EQ(sys(FBSD_SYS_fstat, fd, &s), 0);
	CHECK_EQ(st_atim(&s).sec, 50);
	v[1].sec = 60;
	CHECK_EQ(sys(FBSD_SYS_lutimes, "l", v), 0);
	s = lst("l", AT_SYMLINK_NOFOLLOW);
	CHECK_EQ(st_mtim(&s).sec, 60);
	CHECK_EQ(sys(FBSD_SYS_futimesat, AT_FDCWD, "f", v), 0);
	s = lst("f", 0);
	CHECK_EQ(st_mtim(&s).sec, 60);
	CHECK_EQ(sys(FBSD_SYS_utimes, "f", 0), 0);
	s = lst("f", 0);
	CHECK(st_mtim(&s).sec > 1600000000);
	v[0].usec = 1000000;
	CHECK_ERR(sys(FBSD_SYS_utimes, "f", v), FBSD_EINVAL);
	v[0].usec = -1;
	CHECK_ERR(sys(FBSD_SYS_futimes, fd, v), FBSD_EINVAL);
	v[0].usec = 0;
	CHECK_ERR(sys(FBSD_SYS_utimes, "nope", v), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_futimes, 999, v), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_utimes, "f", 16), FBSD_EFAULT);
	return 0;
}
