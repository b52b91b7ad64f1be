/* Helpers shared by the file-system syscalls (file.c, stat.c, ioctl.c). */
#ifndef BSDEMU_FBSD_FILE_H
#define BSDEMU_FBSD_FILE_H

#include <limits.h>

#include "mem/mem.h"

/* Room for a guest path (MAXPATHLEN 1024) behind a sysroot prefix. */
#define FBSD_HOST_PATH_MAX (PATH_MAX + 1024)

/* A guest path argument made ready for a host *at call: dirfd and path
 * (the guest-root rule applied to absolute paths). */
struct fbsd_hpath {
	int dirfd;
	char path[FBSD_HOST_PATH_MAX];
};

/* Copy the guest string at GPATH (FreeBSD rules: EFAULT, ENAMETOOLONG past
 * 1023 bytes) and resolve it.  DIRFD is the guest's dirfd (AT_FDCWD = -100
 * on both systems).  When RESOLVE_BENEATH is set the path is first checked
 * to stay below DIRFD (openat2 RESOLVE_BENEATH); an escape is ENOTCAPABLE.
 * Returns 0 or a FreeBSD errno. */
int fbsd_get_path(struct fbsd_hpath *hp, int dirfd, gaddr_t gpath,
		  int resolve_beneath);

/* Translate FreeBSD O_* status flags (the fcntl-visible subset) both ways. */
int fbsd_fflags_to_host(int fbsd_flags);
int fbsd_fflags_from_host(int host_flags);

/* fcntl(F_KINFO): fill the guest's struct kinfo_file at ARG for FD
 * (fd_misc.c).  Returns 0 or a FreeBSD errno. */
struct fbsd_thread;
int fbsd_fcntl_kinfo(struct fbsd_thread *td, int fd, gaddr_t arg);

/* A guest iovec array (CNT entries at GIOV, at most FBSD_IOV_MAX) as host
 * iovecs, with copyinuio()'s checks (file.c).  Returns 0 or a FreeBSD
 * errno. */
struct iovec;
int fbsd_get_iov(gaddr_t giov, uint32_t cnt, struct iovec *hiov);

#endif
