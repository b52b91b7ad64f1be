/* bsdemu's own descriptors in the guest's descriptor table (the helpers
 * behind a kqueue: timerfd, eventfd, pidfd, inotify, its socket; the log).
 * FreeBSD keeps such objects out of the table altogether; here they live
 * in it, so they are moved above the numbers programs use and marked, and
 * the guest-facing calls treat a marked number as not open: close and
 * dup2 onto one give EBADF, close_range and closefrom pass over them. */
#ifndef BSDEMU_OS_FREEBSD_HOSTFD_H
#define BSDEMU_OS_FREEBSD_HOSTFD_H

#include <stdbool.h>

/* Takes FD (already close-on-exec) for bsdemu: returns its new number
 * (FD itself if it cannot move; still marked), or FD when FD < 0. */
int fbsd_hostfd_own(int fd);
/* Moves the -D log (opened first, so at the lowest free number, which a
 * FreeBSD program's first open would get) up among bsdemu's own, close
 * on exec. */
void fbsd_hostfd_own_log(void);
/* Closes one of bsdemu's own descriptors (unmarks it first). */
void fbsd_hostfd_close(int fd);
/* FD is bsdemu's, not the guest's. */
bool fbsd_hostfd_is(int fd);
/* The lowest of bsdemu's own descriptors in [LO, HI], or -1. */
int fbsd_hostfd_next(unsigned lo, unsigned hi);

#endif
