/* Guest (FreeBSD, LP64: aarch64/amd64/riscv64) structure layouts and the
 * file-related constants that differ from Linux.  Every struct is checked
 * against the offsets in ABI-NOTES section 7 / FreeBSD's headers so that a
 * compiler or edit can never silently change what the guest sees. */
#ifndef BSDEMU_FBSD_TYPES_H
#define BSDEMU_FBSD_TYPES_H

#include <stddef.h>
#include <stdint.h>

#define FBSD_CHECK_SIZE(t, n) _Static_assert(sizeof(t) == (n), #t " size")
#define FBSD_CHECK_OFF(t, f, n) \
	_Static_assert(offsetof(t, f) == (n), #t "." #f " offset")

/* ---- time ---- */
struct fbsd_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;        /* long */
};
FBSD_CHECK_SIZE(struct fbsd_timespec, 16);
FBSD_CHECK_OFF(struct fbsd_timespec, tv_nsec, 8);

/* ---- struct stat (FreeBSD 12+ "ino64", sys/sys/stat.h) ---- */
struct fbsd_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint16_t st_mode;
	int16_t st_padding0;    /* st_bsdflags in recent main; zero */
	uint32_t st_uid;
	uint32_t st_gid;
	int32_t st_padding1;
	uint64_t st_rdev;
	struct fbsd_timespec st_atim;
	struct fbsd_timespec st_mtim;
	struct fbsd_timespec st_ctim;
	struct fbsd_timespec st_birthtim;
	int64_t st_size;
	int64_t st_blocks;
	int32_t st_blksize;
	uint32_t st_flags;
	uint64_t st_gen;
	uint64_t st_spare[10];
};
FBSD_CHECK_SIZE(struct fbsd_stat, 224);
FBSD_CHECK_OFF(struct fbsd_stat, st_ino, 8);
FBSD_CHECK_OFF(struct fbsd_stat, st_nlink, 16);
FBSD_CHECK_OFF(struct fbsd_stat, st_mode, 24);
FBSD_CHECK_OFF(struct fbsd_stat, st_uid, 28);
FBSD_CHECK_OFF(struct fbsd_stat, st_gid, 32);
FBSD_CHECK_OFF(struct fbsd_stat, st_rdev, 40);
FBSD_CHECK_OFF(struct fbsd_stat, st_atim, 48);
FBSD_CHECK_OFF(struct fbsd_stat, st_mtim, 64);
FBSD_CHECK_OFF(struct fbsd_stat, st_ctim, 80);
FBSD_CHECK_OFF(struct fbsd_stat, st_birthtim, 96);
FBSD_CHECK_OFF(struct fbsd_stat, st_size, 112);
FBSD_CHECK_OFF(struct fbsd_stat, st_blocks, 120);
FBSD_CHECK_OFF(struct fbsd_stat, st_blksize, 128);
FBSD_CHECK_OFF(struct fbsd_stat, st_flags, 132);
FBSD_CHECK_OFF(struct fbsd_stat, st_gen, 136);
FBSD_CHECK_OFF(struct fbsd_stat, st_spare, 144);

/* ---- struct freebsd11_stat (pre-12 struct stat, used by the COMPAT11
 * syscalls 188/189/190/493).  From FreeBSD 11 sys/sys/stat.h: 32-bit dev,
 * ino and rdev, 16-bit nlink, st_lspare, then st_birthtim padded to 16
 * bytes by two zero-width bitfields on LP64.  120 bytes on LP64. ---- */
struct fbsd_freebsd11_stat {
	uint32_t st_dev;
	uint32_t st_ino;
	uint16_t st_mode;
	uint16_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t st_rdev;
	struct fbsd_timespec st_atim;
	struct fbsd_timespec st_mtim;
	struct fbsd_timespec st_ctim;
	int64_t st_size;
	int64_t st_blocks;
	int32_t st_blksize;
	uint32_t st_flags;
	uint32_t st_gen;
	int32_t st_lspare;
	struct fbsd_timespec st_birthtim;
};
FBSD_CHECK_SIZE(struct fbsd_freebsd11_stat, 120);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_ino, 4);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_mode, 8);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_nlink, 10);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_uid, 12);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_gid, 16);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_rdev, 20);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_atim, 24);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_mtim, 40);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_ctim, 56);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_size, 72);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_blocks, 80);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_blksize, 88);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_flags, 92);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_gen, 96);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_lspare, 100);
FBSD_CHECK_OFF(struct fbsd_freebsd11_stat, st_birthtim, 104);

/* File type bits of st_mode (FreeBSD sys/sys/stat.h; same values as Linux,
 * which stat.c checks with _Static_assert before copying them). */
#define FBSD_S_IFMT   0170000
#define FBSD_S_IFIFO  0010000
#define FBSD_S_IFCHR  0020000
#define FBSD_S_IFDIR  0040000
#define FBSD_S_IFBLK  0060000
#define FBSD_S_IFREG  0100000
#define FBSD_S_IFLNK  0120000
#define FBSD_S_IFSOCK 0140000
#define FBSD_S_IFWHT  0160000
#define FBSD_S_ISUID  0004000
#define FBSD_S_ISGID  0002000
#define FBSD_S_ISTXT  0001000
#define FBSD_ALLPERMS 0007777

/* ---- struct iovec ---- */
struct fbsd_iovec {
	uint64_t iov_base;      /* guest pointer */
	uint64_t iov_len;
};
FBSD_CHECK_SIZE(struct fbsd_iovec, 16);
FBSD_CHECK_OFF(struct fbsd_iovec, iov_len, 8);
#define FBSD_IOV_MAX 1024

/* ---- struct flock (sys/sys/fcntl.h) ---- */
struct fbsd_flock {
	int64_t l_start;
	int64_t l_len;
	int32_t l_pid;
	int16_t l_type;
	int16_t l_whence;
	int32_t l_sysid;
	int32_t l_pad;          /* tail padding of the C struct */
};
FBSD_CHECK_SIZE(struct fbsd_flock, 32);
FBSD_CHECK_OFF(struct fbsd_flock, l_len, 8);
FBSD_CHECK_OFF(struct fbsd_flock, l_pid, 16);
FBSD_CHECK_OFF(struct fbsd_flock, l_type, 20);
FBSD_CHECK_OFF(struct fbsd_flock, l_whence, 22);
FBSD_CHECK_OFF(struct fbsd_flock, l_sysid, 24);
#define FBSD_F_RDLCK 1
#define FBSD_F_UNLCK 2
#define FBSD_F_WRLCK 3

/* ---- termios (sys/sys/_termios.h) ---- */
#define FBSD_NCCS 20
struct fbsd_termios {
	uint32_t c_iflag;
	uint32_t c_oflag;
	uint32_t c_cflag;
	uint32_t c_lflag;
	uint8_t c_cc[FBSD_NCCS];
	uint32_t c_ispeed;
	uint32_t c_ospeed;
};
FBSD_CHECK_SIZE(struct fbsd_termios, 44);
FBSD_CHECK_OFF(struct fbsd_termios, c_cc, 16);
FBSD_CHECK_OFF(struct fbsd_termios, c_ispeed, 36);
FBSD_CHECK_OFF(struct fbsd_termios, c_ospeed, 40);

struct fbsd_winsize {
	uint16_t ws_row;
	uint16_t ws_col;
	uint16_t ws_xpixel;
	uint16_t ws_ypixel;
};
FBSD_CHECK_SIZE(struct fbsd_winsize, 8);
FBSD_CHECK_OFF(struct fbsd_winsize, ws_ypixel, 6);

/* ---- open(2) flags (sys/sys/fcntl.h) ---- */
#define FBSD_O_RDONLY     0x00000000
#define FBSD_O_WRONLY     0x00000001
#define FBSD_O_RDWR       0x00000002
#define FBSD_O_ACCMODE    0x00000003
#define FBSD_O_NONBLOCK   0x00000004
#define FBSD_O_APPEND     0x00000008
#define FBSD_O_SHLOCK     0x00000010
#define FBSD_O_EXLOCK     0x00000020
#define FBSD_O_ASYNC      0x00000040
#define FBSD_O_FSYNC      0x00000080
#define FBSD_O_SYNC       0x00000080
#define FBSD_O_NOFOLLOW   0x00000100
#define FBSD_O_CREAT      0x00000200
#define FBSD_O_TRUNC      0x00000400
#define FBSD_O_EXCL       0x00000800
#define FBSD_O_NOCTTY     0x00008000
#define FBSD_O_DIRECT     0x00010000
#define FBSD_O_DIRECTORY  0x00020000
#define FBSD_O_EXEC       0x00040000
#define FBSD_O_SEARCH     FBSD_O_EXEC
#define FBSD_O_TTY_INIT   0x00080000
#define FBSD_O_CLOEXEC    0x00100000
#define FBSD_O_VERIFY     0x00200000
#define FBSD_O_PATH       0x00400000
#define FBSD_O_RESOLVE_BENEATH 0x00800000
#define FBSD_O_DSYNC      0x01000000
#define FBSD_O_EMPTY_PATH 0x02000000   /* FreeBSD 14+ (value from memory) */

/* ---- *at(2) flags ---- */
#define FBSD_AT_FDCWD            (-100)
#define FBSD_AT_EACCESS          0x0100
#define FBSD_AT_SYMLINK_NOFOLLOW 0x0200
#define FBSD_AT_SYMLINK_FOLLOW   0x0400
#define FBSD_AT_REMOVEDIR        0x0800
#define FBSD_AT_RESOLVE_BENEATH  0x2000
#define FBSD_AT_EMPTY_PATH       0x4000

/* ---- fcntl(2) commands ---- */
#define FBSD_F_DUPFD          0
#define FBSD_F_GETFD          1
#define FBSD_F_SETFD          2
#define FBSD_F_GETFL          3
#define FBSD_F_SETFL          4
#define FBSD_F_GETOWN         5
#define FBSD_F_SETOWN         6
#define FBSD_F_OGETLK         7
#define FBSD_F_OSETLK         8
#define FBSD_F_OSETLKW        9
#define FBSD_F_DUP2FD         10
#define FBSD_F_GETLK          11
#define FBSD_F_SETLK          12
#define FBSD_F_SETLKW         13
#define FBSD_F_SETLK_REMOTE   14
#define FBSD_F_READAHEAD      15
#define FBSD_F_RDAHEAD        16
#define FBSD_F_DUPFD_CLOEXEC  17
#define FBSD_F_DUP2FD_CLOEXEC 18
#define FBSD_F_ADD_SEALS      19
#define FBSD_F_GET_SEALS      20
#define FBSD_F_ISUNIONSTACK   21
#define FBSD_F_KINFO          22
#define FBSD_FD_CLOEXEC       1

/* lseek whence */
#define FBSD_SEEK_SET  0
#define FBSD_SEEK_CUR  1
#define FBSD_SEEK_END  2
#define FBSD_SEEK_DATA 3
#define FBSD_SEEK_HOLE 4

/* MAXPATHLEN: paths are at most 1024 bytes including the NUL. */
#define FBSD_MAXPATHLEN 1024

#endif
