/* statfs (555), fstatfs (556), getfsstat (557) with the 2344-byte struct
 * statfs, and the COMPAT11 forms 395/396/397 (472 bytes, 88-byte names).
 * Offsets are checked raw, not through bsdemu's own struct. */
#include "t.h"

#define O_RDONLY 0x0
#define O_RDWR 0x2
#define O_CREAT 0x200
#define MNT_WAIT 1
#define MNT_NOWAIT 2
#define MNT_LOCAL 0x1000
#define SZ 2344
#define SZ11 472

static unsigned rd32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (unsigned)p[3] << 24; }
static unsigned long rd64(const unsigned char *p)
{
	return rd32(p) | (unsigned long)rd32(p + 4) << 32;
}

static unsigned fnv1_typenum(const char *s)
{
	unsigned h = 0x811c9dc5u;

	for (; *s; s++)
		h = (h * 0x01000193u) ^ (unsigned char)*s;
	return h & 0xff;
}

static void check_one(const unsigned char *s)
{
	CHECK_EQ(rd32(s), 0x20140518);           /* f_version */
	CHECK(rd64(s + 16) > 0);                 /* f_bsize */
	CHECK(rd64(s + 24) > 0);                 /* f_iosize */
	CHECK(strlen((const char *)s + 280) > 0 && strlen((const char *)s + 280) < 16);
	CHECK_EQ(rd32(s + 4), fnv1_typenum((const char *)s + 280));  /* f_type */
	CHECK(((const char *)s)[1320] == '/');   /* f_mntonname */
}

int main(int argc, char **argv, char **envp)
{
	static unsigned char a[SZ + 16], b[SZ], o[SZ11 + 16];
	static unsigned char many[64 * SZ];
	long fd, n, n2;
	const char *ty;

	memset(a, 0x5a, sizeof(a));
	CHECK_EQ(sys(FBSD_SYS_statfs, ".", a), 0);
	check_one(a);
	CHECK_EQ(a[SZ], 0x5a);   /* nothing written past 2344 bytes */
	ty = (const char *)a + 280;
	t_printf("statfs .: type %s (0x%x) on %s from %s, bsize %lu, flags 0x%lx, namemax %u\n",
		 ty, rd32(a + 4), (char *)a + 1320, (char *)a + 296, rd64(a + 16),
		 rd64(a + 8), rd32(a + 184));
	CHECK(rd64(a + 32) >= rd64(a + 40));     /* blocks >= free */
	CHECK_EQ(rd32(a + 184), 255);            /* f_namemax */
	/* a disk or tmpfs: MNT_LOCAL */
	if (!strcmp(ty, "ext2fs") || !strcmp(ty, "tmpfs") || !strcmp(ty, "unionfs"))
		CHECK(rd64(a + 8) & MNT_LOCAL);

	/* fstatfs of a file here agrees */
	fd = sys(FBSD_SYS_open, "f", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(sys(FBSD_SYS_fstatfs, fd, b), 0);
	check_one(b);
	CHECK(strcmp((char *)a + 280, (char *)b + 280) == 0);
	CHECK(strcmp((char *)a + 1320, (char *)b + 1320) == 0);
	CHECK_EQ(rd64(a + 16), rd64(b + 16));
	sys(FBSD_SYS_close, fd);

	/* /proc is procfs */
	if (sys(FBSD_SYS_statfs, "/proc", b) == 0) {
		CHECK(strcmp((char *)b + 280, "procfs") == 0);
		CHECK(strcmp((char *)b + 1320, "/proc") == 0);
	}

	/* errors */
	CHECK_ERR(sys(FBSD_SYS_statfs, "nonexistent", b), FBSD_ENOENT);
	CHECK_ERR(sys(FBSD_SYS_statfs, "f/x", b), FBSD_ENOTDIR);
	CHECK_ERR(sys(FBSD_SYS_statfs, ".", 16), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_statfs, 16, b), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_fstatfs, 999, b), FBSD_EBADF);
	CHECK_ERR(sys(FBSD_SYS_fstatfs, -1, b), FBSD_EBADF);

	/* getfsstat: count, then fill */
	n = sys(FBSD_SYS_getfsstat, 0, 0, MNT_NOWAIT);
	CHECK(n >= 1);
	t_printf("getfsstat: %ld mounts\n", n);
	if (n > 64)
		n = 64;
	n2 = sys(FBSD_SYS_getfsstat, many, n * SZ, MNT_WAIT);
	CHECK_EQ(n2, n);
	{
		int root = 0;

		for (long i = 0; i < n2; i++) {
			const unsigned char *s = many + i * SZ;

			CHECK_EQ(rd32(s), 0x20140518);
			CHECK(s[1320] == '/');
			if (!strcmp((const char *)s + 1320, "/"))
				root = 1;
		}
		CHECK(root);
	}
	/* room for one: one */
	CHECK_EQ(sys(FBSD_SYS_getfsstat, many, SZ + 100, MNT_NOWAIT), 1);
	/* bufsize 0 with a buffer: the count */
	CHECK(sys(FBSD_SYS_getfsstat, many, 0, MNT_NOWAIT) >= 1);
	CHECK_ERR(sys(FBSD_SYS_getfsstat, many, -1, MNT_WAIT), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getfsstat, 0, 0, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getfsstat, 0, 0, 3), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getfsstat, 16, SZ, MNT_WAIT), FBSD_EFAULT);

	/* COMPAT11: version 0x20030518, names at 296 and 384 */
	memset(o, 0x5a, sizeof(o));
	CHECK_EQ(sys(FBSD_SYS_freebsd11_statfs, ".", o), 0);
	CHECK_EQ(rd32(o), 0x20030518);
	CHECK(strcmp((char *)o + 280, (char *)a + 280) == 0);
	CHECK(o[384] == '/');
	CHECK_EQ(rd64(o + 16), rd64(a + 16));
	CHECK_EQ(o[SZ11], 0x5a);
	fd = sys(FBSD_SYS_open, ".", O_RDONLY);
	CHECK_EQ(sys(FBSD_SYS_freebsd11_fstatfs, fd, o), 0);
	CHECK_EQ(rd32(o), 0x20030518);
	sys(FBSD_SYS_close, fd);
	CHECK(sys(FBSD_SYS_freebsd11_getfsstat, 0, 0, MNT_WAIT) >= 1);
	CHECK_EQ(sys(FBSD_SYS_freebsd11_getfsstat, many, 2 * SZ11, MNT_WAIT) >= 1, 1);
	CHECK_EQ(rd32(many + SZ11), 0x20030518);
	return 0;
}
