/* getdirentries (554) with FreeBSD's struct dirent, and the COMPAT11
 * freebsd11_getdirentries (196) / freebsd11_getdents (272) with the old
 * 4-byte-aligned records.  Layouts are checked by raw offsets. */
#include "t.h"

#define O_RDONLY 0x0
#define O_RDWR 0x2
#define O_CREAT 0x200
#define O_DIRECTORY 0x20000
#define SEEK_SET 0
#define SEEK_CUR 1
#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10
#define DT_FIFO 1

static unsigned rd16(const unsigned char *p) { return p[0] | p[1] << 8; }
static unsigned long rd64(const unsigned char *p)
{
	unsigned long v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

struct seen {
	const char *name;
	int type;
	int count;
};

static struct seen want[] = {
	{ ".", DT_DIR, 0 }, { "..", DT_DIR, 0 }, { "file_a", DT_REG, 0 },
	{ "sub", DT_DIR, 0 }, { "link", DT_LNK, 0 }, { "fifo", DT_FIFO, 0 },
	{ "a_rather_long_name_to_make_records_of_different_sizes_0123456789", DT_REG, 0 },
};
#define NWANT (sizeof(want) / sizeof(want[0]))

/* Check every record of a new-format buffer; returns the record count and
 * notes the names seen.  *LAST_OFF gets the last d_off. */
static int walk_new(unsigned char *buf, long n, long *last_off)
{
	int cnt = 0;

	for (long pos = 0; pos < n;) {
		unsigned char *r = buf + pos;
		unsigned reclen = rd16(r + 16), namlen = rd16(r + 20);
		const char *name = (const char *)r + 24;

		CHECK(reclen >= 24 + namlen + 1);
		CHECK_EQ(reclen % 8, 0);
		CHECK_EQ(reclen, (24 + namlen + 1 + 7) & ~7u);
		CHECK_EQ(strlen(name), namlen);
		CHECK_EQ(r[19], 0);         /* d_pad0 */
		CHECK_EQ(rd16(r + 22), 0);  /* d_pad1 */
		for (unsigned i = 24 + namlen; i < reclen; i++)
			CHECK_EQ(r[i], 0);  /* NUL and padding zeroed */
		CHECK(rd64(r) != 0);        /* d_fileno */
		for (unsigned i = 0; i < NWANT; i++)
			if (strcmp(want[i].name, name) == 0) {
				want[i].count++;
				CHECK_EQ(r[18], want[i].type);
			}
		*last_off = (long)rd64(r + 8);
		pos += reclen;
		cnt++;
	}
	return cnt;
}

static void mkfile(const char *p)
{
	long fd = sys(FBSD_SYS_open, p, O_RDWR | O_CREAT, 0644);

	CHECK(fd >= 0);
	sys(FBSD_SYS_close, fd);
}

int main(int argc, char **argv, char **envp)
{
	static unsigned char buf[8192], buf2[8192];
	long dfd, n, base, last_off = 0, total = 0;
	int cnt;

	CHECK_EQ(sys(FBSD_SYS_mkdir, "d", 0755), 0);
	CHECK_EQ(sys(FBSD_SYS_chdir, "d"), 0);
	mkfile("file_a");
	mkfile(want[6].name);
	CHECK_EQ(sys(FBSD_SYS_mkdir, "sub", 0755), 0);
	CHECK_EQ(sys(FBSD_SYS_symlink, "file_a", "link"), 0);
	CHECK_EQ(sys(FBSD_SYS_mkfifo, "fifo", 0644), 0);

	dfd = sys(FBSD_SYS_open, ".", O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0);

	/* one big read: every entry once, with the right types */
	base = 12345;
	n = sys(FBSD_SYS_getdirentries, dfd, buf, sizeof(buf), &base);
	CHECK(n > 0);
	CHECK_EQ(base, 0);
	cnt = walk_new(buf, n, &last_off);
	CHECK_EQ(cnt, (int)NWANT);
	for (unsigned i = 0; i < NWANT; i++)
		CHECK_EQ(want[i].count, 1);
	/* end of directory: 0, basep is where this read started */
	base = -7;
	CHECK_EQ(sys(FBSD_SYS_getdirentries, dfd, buf2, sizeof(buf2), &base), 0);
	CHECK_EQ(base, sys(FBSD_SYS_lseek, dfd, 0, SEEK_CUR));

	/* small buffers: one record at a time, nothing lost or repeated, and
	 * basep tracks the offset; the d_off contract: lseek(d_off) continues
	 * after that entry */
	for (unsigned i = 0; i < NWANT; i++)
		want[i].count = 0;
	CHECK_EQ(sys(FBSD_SYS_lseek, dfd, 0, SEEK_SET), 0);
	for (;;) {
		long off_before = sys(FBSD_SYS_lseek, dfd, 0, SEEK_CUR);

		n = sys(FBSD_SYS_getdirentries, dfd, buf, 96, &base);
		if (n <= 0) {
			CHECK_EQ(n, 0);
			break;
		}
		CHECK(n <= 96);
		CHECK_EQ(base, off_before);
		total += walk_new(buf, n, &last_off);
		CHECK_EQ(sys(FBSD_SYS_lseek, dfd, 0, SEEK_CUR), last_off);
	}
	CHECK_EQ(total, (long)NWANT);
	for (unsigned i = 0; i < NWANT; i++)
		CHECK_EQ(want[i].count, 1);

	/* seekdir-style: go back to the d_off of the first record and read
	 * the same as the second record of a full read */
	CHECK_EQ(sys(FBSD_SYS_lseek, dfd, 0, SEEK_SET), 0);
	n = sys(FBSD_SYS_getdirentries, dfd, buf, sizeof(buf), 0);
	CHECK(n > 0);
	{
		unsigned r0 = rd16(buf + 16);
		long off1 = (long)rd64(buf + 8);

		CHECK_EQ(sys(FBSD_SYS_lseek, dfd, off1, SEEK_SET), off1);
		CHECK_EQ(sys(FBSD_SYS_getdirentries, dfd, buf2, sizeof(buf2), &base), n - r0);
		CHECK_EQ(base, off1);
		CHECK(memcmp(buf + r0, buf2, n - r0) == 0);
	}

	/* too small for one record: EINVAL, position unchanged */
	CHECK_EQ(sys(FBSD_SYS_lseek, dfd, 0, SEEK_SET), 0);
	CHECK_ERR(sys(FBSD_SYS_getdirentries, dfd, buf, 16, &base), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getdirentries, dfd, buf, 24, &base), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_lseek, dfd, 0, SEEK_CUR), 0);
	/* "." needs 32 bytes: exactly that is enough */
	n = sys(FBSD_SYS_getdirentries, dfd, buf, 32, &base);
	CHECK_EQ(n, 32);

	/* errors: not a directory (EINVAL on FreeBSD), bad fd, bad buffer */
	{
		long fd = sys(FBSD_SYS_open, "file_a", O_RDONLY);
		int p[2];

		CHECK_ERR(sys(FBSD_SYS_getdirentries, fd, buf, sizeof(buf), &base), FBSD_EINVAL);
		sys(FBSD_SYS_close, fd);
		CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
		CHECK_ERR(sys(FBSD_SYS_getdirentries, p[0], buf, sizeof(buf), &base), FBSD_EINVAL);
		sys(FBSD_SYS_close, p[0]);
		sys(FBSD_SYS_close, p[1]);
	}
	CHECK_ERR(sys(FBSD_SYS_getdirentries, 999, buf, sizeof(buf), &base), FBSD_EBADF);
	CHECK_EQ(sys(FBSD_SYS_lseek, dfd, 0, SEEK_SET), 0);
	CHECK_ERR(sys(FBSD_SYS_getdirentries, dfd, 16, sizeof(buf), &base), FBSD_EFAULT);

	/* COMPAT11 (196): {u32 fileno, u16 reclen, u8 type, u8 namlen,
	 * name}, 4-byte aligned */
	CHECK_EQ(sys(FBSD_SYS_lseek, dfd, 0, SEEK_SET), 0);
	base = 99;
	n = sys(FBSD_SYS_freebsd11_getdirentries, dfd, buf, sizeof(buf), &base);
	CHECK(n > 0);
	CHECK_EQ(base, 0);
	cnt = 0;
	for (long pos = 0; pos < n;) {
		unsigned char *r = buf + pos;
		unsigned reclen = rd16(r + 4), namlen = r[7];

		CHECK_EQ(reclen, (8 + namlen + 1 + 3) & ~3u);
		CHECK_EQ(strlen((char *)r + 8), namlen);
		if (strcmp((char *)r + 8, "sub") == 0)
			CHECK_EQ(r[6], DT_DIR);
		if (strcmp((char *)r + 8, "fifo") == 0)
			CHECK_EQ(r[6], DT_FIFO);
		pos += reclen;
		cnt++;
	}
	CHECK_EQ(cnt, (int)NWANT);
	CHECK_EQ(sys(FBSD_SYS_lseek, dfd, 0, SEEK_SET), 0);
	CHECK_ERR(sys(FBSD_SYS_freebsd11_getdirentries, dfd, buf, 8, &base), FBSD_EINVAL);
	/* fits as an old record (12 bytes) but not as a new one (32): the
	 * new size decides, as freebsd11_kern_getdirentries reads new ones */
	CHECK_ERR(sys(FBSD_SYS_freebsd11_getdirentries, dfd, buf, 16, &base), FBSD_EINVAL);
	/* 272: the same without basep */
	CHECK_EQ(sys(FBSD_SYS_lseek, dfd, 0, SEEK_SET), 0);
	CHECK_EQ(sys(FBSD_SYS_freebsd11_getdents, dfd, buf2, sizeof(buf2)), n);
	CHECK(memcmp(buf, buf2, n) == 0);

	sys(FBSD_SYS_close, dfd);
	t_printf("getdirentries ok\n");
	return 0;
}
