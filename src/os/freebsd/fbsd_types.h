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

/* ---- struct dirent (sys/sys/dirent.h, FreeBSD 12+) ---- */
#define FBSD_MAXNAMLEN 255
struct fbsd_dirent {
	uint64_t d_fileno;
	int64_t d_off;          /* cookie of the next entry */
	uint16_t d_reclen;
	uint8_t d_type;
	uint8_t d_pad0;
	uint16_t d_namlen;
	uint16_t d_pad1;
	char d_name[FBSD_MAXNAMLEN + 1];
};
FBSD_CHECK_SIZE(struct fbsd_dirent, 280);
FBSD_CHECK_OFF(struct fbsd_dirent, d_off, 8);
FBSD_CHECK_OFF(struct fbsd_dirent, d_reclen, 16);
FBSD_CHECK_OFF(struct fbsd_dirent, d_type, 18);
FBSD_CHECK_OFF(struct fbsd_dirent, d_namlen, 20);
FBSD_CHECK_OFF(struct fbsd_dirent, d_name, 24);
/* _GENERIC_DIRSIZ: header + name + NUL, rounded up to 8 */
#define FBSD_DIRENT_RECLEN(namlen) \
	((offsetof(struct fbsd_dirent, d_name) + (namlen) + 1 + 7) & ~(size_t)7)

/* ---- struct freebsd11_dirent (COMPAT11 getdirentries 196, getdents 272):
 * records 4-byte aligned (vfs_syscalls.c freebsd11_kern_getdirentries) ---- */
struct fbsd_freebsd11_dirent {
	uint32_t d_fileno;
	uint16_t d_reclen;
	uint8_t d_type;
	uint8_t d_namlen;
	char d_name[FBSD_MAXNAMLEN + 1];
};
FBSD_CHECK_SIZE(struct fbsd_freebsd11_dirent, 264);
FBSD_CHECK_OFF(struct fbsd_freebsd11_dirent, d_reclen, 4);
FBSD_CHECK_OFF(struct fbsd_freebsd11_dirent, d_type, 6);
FBSD_CHECK_OFF(struct fbsd_freebsd11_dirent, d_namlen, 7);
FBSD_CHECK_OFF(struct fbsd_freebsd11_dirent, d_name, 8);

/* ---- struct statfs (sys/sys/mount.h) ---- */
#define FBSD_STATFS_VERSION 0x20140518
#define FBSD_MFSNAMELEN 16
#define FBSD_MNAMELEN 1024
struct fbsd_statfs {
	uint32_t f_version;
	uint32_t f_type;
	uint64_t f_flags;
	uint64_t f_bsize;
	uint64_t f_iosize;
	uint64_t f_blocks;
	uint64_t f_bfree;
	int64_t f_bavail;
	uint64_t f_files;
	int64_t f_ffree;
	uint64_t f_syncwrites;
	uint64_t f_asyncwrites;
	uint64_t f_syncreads;
	uint64_t f_asyncreads;
	uint64_t f_spare[10];
	uint32_t f_namemax;
	uint32_t f_owner;
	int32_t f_fsid[2];
	char f_charspare[80];
	char f_fstypename[FBSD_MFSNAMELEN];
	char f_mntfromname[FBSD_MNAMELEN];
	char f_mntonname[FBSD_MNAMELEN];
};
FBSD_CHECK_SIZE(struct fbsd_statfs, 2344);
FBSD_CHECK_OFF(struct fbsd_statfs, f_type, 4);
FBSD_CHECK_OFF(struct fbsd_statfs, f_flags, 8);
FBSD_CHECK_OFF(struct fbsd_statfs, f_bsize, 16);
FBSD_CHECK_OFF(struct fbsd_statfs, f_iosize, 24);
FBSD_CHECK_OFF(struct fbsd_statfs, f_blocks, 32);
FBSD_CHECK_OFF(struct fbsd_statfs, f_bavail, 48);
FBSD_CHECK_OFF(struct fbsd_statfs, f_files, 56);
FBSD_CHECK_OFF(struct fbsd_statfs, f_ffree, 64);
FBSD_CHECK_OFF(struct fbsd_statfs, f_syncwrites, 72);
FBSD_CHECK_OFF(struct fbsd_statfs, f_asyncreads, 96);
FBSD_CHECK_OFF(struct fbsd_statfs, f_spare, 104);
FBSD_CHECK_OFF(struct fbsd_statfs, f_namemax, 184);
FBSD_CHECK_OFF(struct fbsd_statfs, f_owner, 188);
FBSD_CHECK_OFF(struct fbsd_statfs, f_fsid, 192);
FBSD_CHECK_OFF(struct fbsd_statfs, f_charspare, 200);
FBSD_CHECK_OFF(struct fbsd_statfs, f_fstypename, 280);
FBSD_CHECK_OFF(struct fbsd_statfs, f_mntfromname, 296);
FBSD_CHECK_OFF(struct fbsd_statfs, f_mntonname, 1320);

/* ---- struct freebsd11_statfs (COMPAT11 statfs 396, fstatfs 397,
 * getfsstat 395): the same head, 88-byte names ---- */
#define FBSD_FREEBSD11_STATFS_VERSION 0x20030518
#define FBSD_FREEBSD11_MNAMELEN 88
struct fbsd_freebsd11_statfs {
	uint32_t f_version;
	uint32_t f_type;
	uint64_t f_flags;
	uint64_t f_bsize;
	uint64_t f_iosize;
	uint64_t f_blocks;
	uint64_t f_bfree;
	int64_t f_bavail;
	uint64_t f_files;
	int64_t f_ffree;
	uint64_t f_syncwrites;
	uint64_t f_asyncwrites;
	uint64_t f_syncreads;
	uint64_t f_asyncreads;
	uint64_t f_spare[10];
	uint32_t f_namemax;
	uint32_t f_owner;
	int32_t f_fsid[2];
	char f_charspare[80];
	char f_fstypename[FBSD_MFSNAMELEN];
	char f_mntfromname[FBSD_FREEBSD11_MNAMELEN];
	char f_mntonname[FBSD_FREEBSD11_MNAMELEN];
};
FBSD_CHECK_SIZE(struct fbsd_freebsd11_statfs, 472);
FBSD_CHECK_OFF(struct fbsd_freebsd11_statfs, f_fstypename, 280);
FBSD_CHECK_OFF(struct fbsd_freebsd11_statfs, f_mntfromname, 296);
FBSD_CHECK_OFF(struct fbsd_freebsd11_statfs, f_mntonname, 384);

/* ---- struct kinfo_file (sys/sys/user.h; KINFO_FILE_SIZE 1392) as
 * fcntl(F_KINFO) fills it.  Only the kf_file arm of the union is named. */
struct fbsd_kinfo_file {
	int32_t kf_structsize;
	int32_t kf_type;
	int32_t kf_fd;
	int32_t kf_ref_count;
	int32_t kf_flags;
	int32_t kf_pad0;
	int64_t kf_offset;
	union {
		uint8_t kf_un_bytes[304];
		struct {
			int32_t kf_file_type;
			int32_t kf_spareint[3];
			uint64_t kf_spareint64[29];
			uint64_t kf_file_nlink;
			uint64_t kf_file_fsid;
			uint64_t kf_file_rdev;
			uint64_t kf_file_fileid;
			uint64_t kf_file_size;
			uint32_t kf_file_fsid_freebsd11;
			uint32_t kf_file_rdev_freebsd11;
			uint16_t kf_file_mode;
			uint16_t kf_file_pad0;
			uint32_t kf_file_pad1;
		} kf_file;
	} kf_un;
	uint16_t kf_status;
	uint16_t kf_pad1;
	int32_t _kf_ispare0;
	uint64_t kf_cap_rights[2];
	uint64_t _kf_cap_spare;
	char kf_path[1024];
};
FBSD_CHECK_SIZE(struct fbsd_kinfo_file, 1392);
FBSD_CHECK_OFF(struct fbsd_kinfo_file, kf_offset, 24);
FBSD_CHECK_OFF(struct fbsd_kinfo_file, kf_un, 32);
FBSD_CHECK_OFF(struct fbsd_kinfo_file, kf_un.kf_file.kf_file_nlink, 280);
FBSD_CHECK_OFF(struct fbsd_kinfo_file, kf_un.kf_file.kf_file_mode, 328);
FBSD_CHECK_OFF(struct fbsd_kinfo_file, kf_status, 336);
FBSD_CHECK_OFF(struct fbsd_kinfo_file, kf_cap_rights, 344);
FBSD_CHECK_OFF(struct fbsd_kinfo_file, kf_path, 368);
#define FBSD_KF_TYPE_VNODE   1
#define FBSD_KF_TYPE_SOCKET  2
#define FBSD_KF_TYPE_PIPE    3
#define FBSD_KF_TYPE_FIFO    4
#define FBSD_KF_TYPE_KQUEUE  5
#define FBSD_KF_TYPE_SHM     8
#define FBSD_KF_TYPE_PTS     10
#define FBSD_KF_TYPE_EVENTFD 13
#define FBSD_KF_TYPE_TIMERFD 14
#define FBSD_KF_TYPE_UNKNOWN 255
#define FBSD_KF_VTYPE_VNON  0
#define FBSD_KF_VTYPE_VREG  1
#define FBSD_KF_VTYPE_VDIR  2
#define FBSD_KF_VTYPE_VBLK  3
#define FBSD_KF_VTYPE_VCHR  4
#define FBSD_KF_VTYPE_VLNK  5
#define FBSD_KF_VTYPE_VSOCK 6
#define FBSD_KF_VTYPE_VFIFO 7
#define FBSD_KF_FLAG_READ     0x00000001
#define FBSD_KF_FLAG_WRITE    0x00000002
#define FBSD_KF_FLAG_APPEND   0x00000004
#define FBSD_KF_FLAG_ASYNC    0x00000008
#define FBSD_KF_FLAG_FSYNC    0x00000010
#define FBSD_KF_FLAG_NONBLOCK 0x00000020
#define FBSD_KF_FLAG_DIRECT   0x00000040
#define FBSD_KF_ATTR_VALID    0x0001

/* chflags(2) flags (sys/sys/stat.h) */
#define FBSD_UF_SETTABLE     0x0000ffff
#define FBSD_UF_NODUMP       0x00000001
#define FBSD_UF_IMMUTABLE    0x00000002
#define FBSD_UF_APPEND       0x00000004
#define FBSD_UF_OPAQUE       0x00000008
#define FBSD_UF_NOUNLINK     0x00000010
#define FBSD_SF_SETTABLE     0xffff0000
#define FBSD_SF_ARCHIVED     0x00010000
#define FBSD_SF_IMMUTABLE    0x00020000
#define FBSD_SF_APPEND       0x00040000

/* utimensat(2) special tv_nsec values */
#define FBSD_UTIME_NOW  (-1)
#define FBSD_UTIME_OMIT (-2)

/* MAXPATHLEN: paths are at most 1024 bytes including the NUL. */
#define FBSD_MAXPATHLEN 1024

#endif
