/* kqueue(2)/kevent(2) on top of epoll (kqueue.c), and the hooks other
 * parts of bsdemu call so that knotes follow FreeBSD's lifetime rules. */
#ifndef BSDEMU_FBSD_KQUEUE_H
#define BSDEMU_FBSD_KQUEUE_H

#include <stdint.h>

/* FreeBSD sys/sys/event.h (ABI-NOTES 7). */
#define FBSD_EVFILT_READ (-1)
#define FBSD_EVFILT_WRITE (-2)
#define FBSD_EVFILT_AIO (-3)
#define FBSD_EVFILT_VNODE (-4)
#define FBSD_EVFILT_PROC (-5)
#define FBSD_EVFILT_SIGNAL (-6)
#define FBSD_EVFILT_TIMER (-7)
#define FBSD_EVFILT_PROCDESC (-8)
#define FBSD_EVFILT_FS (-9)
#define FBSD_EVFILT_LIO (-10)
#define FBSD_EVFILT_USER (-11)
#define FBSD_EVFILT_SENDFILE (-12)
#define FBSD_EVFILT_EMPTY (-13)
#define FBSD_EVFILT_SYSCOUNT 13

#define FBSD_EV_ADD 0x0001
#define FBSD_EV_DELETE 0x0002
#define FBSD_EV_ENABLE 0x0004
#define FBSD_EV_DISABLE 0x0008
#define FBSD_EV_FORCEONESHOT 0x0100
#define FBSD_EV_ONESHOT 0x0010
#define FBSD_EV_CLEAR 0x0020
#define FBSD_EV_RECEIPT 0x0040
#define FBSD_EV_DISPATCH 0x0080
#define FBSD_EV_SYSFLAGS 0xf000
#define FBSD_EV_DROP 0x1000
#define FBSD_EV_FLAG1 0x2000
#define FBSD_EV_FLAG2 0x4000
#define FBSD_EV_EOF 0x8000
#define FBSD_EV_ERROR 0x4000

#define FBSD_NOTE_LOWAT 0x0001
#define FBSD_NOTE_FILE_POLL 0x0002
#define FBSD_NOTE_DELETE 0x0001
#define FBSD_NOTE_WRITE 0x0002
#define FBSD_NOTE_EXTEND 0x0004
#define FBSD_NOTE_ATTRIB 0x0008
#define FBSD_NOTE_LINK 0x0010
#define FBSD_NOTE_RENAME 0x0020
#define FBSD_NOTE_REVOKE 0x0040
#define FBSD_NOTE_OPEN 0x0080
#define FBSD_NOTE_CLOSE 0x0100
#define FBSD_NOTE_CLOSE_WRITE 0x0200
#define FBSD_NOTE_READ 0x0400
#define FBSD_NOTE_EXIT 0x80000000u
#define FBSD_NOTE_FORK 0x40000000u
#define FBSD_NOTE_EXEC 0x20000000u
#define FBSD_NOTE_TRACK 0x00000001u
#define FBSD_NOTE_TRACKERR 0x00000002u
#define FBSD_NOTE_CHILD 0x00000004u
#define FBSD_NOTE_SECONDS 0x01
#define FBSD_NOTE_MSECONDS 0x02
#define FBSD_NOTE_USECONDS 0x04
#define FBSD_NOTE_NSECONDS 0x08
#define FBSD_NOTE_ABSTIME 0x10
#define FBSD_NOTE_TIMER_PRECMASK 0x0f
#define FBSD_NOTE_FFNOP 0x00000000u
#define FBSD_NOTE_FFAND 0x40000000u
#define FBSD_NOTE_FFOR 0x80000000u
#define FBSD_NOTE_FFCOPY 0xc0000000u
#define FBSD_NOTE_FFCTRLMASK 0xc0000000u
#define FBSD_NOTE_FFLAGSMASK 0x00ffffffu
#define FBSD_NOTE_TRIGGER 0x01000000u

#define FBSD_KQUEUE_CLOEXEC 0x1

/* struct kevent (FreeBSD 12+, 64 bytes) and FreeBSD 11's (32 bytes). */
struct fbsd_kevent {
	uint64_t ident;
	int16_t filter;
	uint16_t flags;
	uint32_t fflags;
	int64_t data;
	uint64_t udata;
	uint64_t ext[4];
};
_Static_assert(sizeof(struct fbsd_kevent) == 64, "struct kevent is 64 bytes");
_Static_assert(__builtin_offsetof(struct fbsd_kevent, data) == 16, "kevent.data @16");
_Static_assert(__builtin_offsetof(struct fbsd_kevent, ext) == 32, "kevent.ext @32");

struct fbsd_kevent11 {
	uint64_t ident;
	int16_t filter;
	uint16_t flags;
	uint32_t fflags;
	int64_t data;           /* intptr_t */
	uint64_t udata;
};
_Static_assert(sizeof(struct fbsd_kevent11) == 32, "freebsd11 kevent is 32 bytes");

/* ---- hooks for the rest of bsdemu ---- */

/* file.c: guest descriptor FD is about to be closed (close, dup2/dup3 or
 * F_DUP2FD onto it, close_range, closefrom).  Call it BEFORE the host
 * close: it drops every knote on FD (knote_fdclose()) and, when FD is a
 * kqueue, the kqueue.  Cheap when no kqueue exists. */
void fbsd_kqueue_fd_closed(int fd);
/* fd_misc.c: the same for every descriptor in [LO, HI] (close_range,
 * closefrom), before the host close_range. */
void fbsd_kqueue_fds_closed(unsigned lo, unsigned hi);
/* fork.c, in the child: kqueues are not inherited; every kqueue
 * descriptor is closed (EBADF from now on) with its helpers. */
void fbsd_kqueue_fork_child(void);
/* exec.c, before the new image runs: kqueues are closed on exec. */
void fbsd_kqueue_exec(void);
/* fork.c, in a new child (after fbsd_kqueue_fork_child), PARENT being the
 * pid that forked: NOTE_FORK (and NOTE_TRACK's registrations) for the
 * kqueues of other bsdemu processes that watch PARENT (kqueue.c's top). */
void fbsd_kqueue_proc_forked(int parent);
/* exec.c, at the start of a FreeBSD image a guest execve ran: NOTE_EXEC
 * for the kqueues that watch this process. */
void fbsd_kqueue_proc_execed(void);
/* signal.c: guest signal SIG (1..128) was sent to this process or one of
 * its threads, whether it will be caught, ignored or stays blocked
 * (FreeBSD's KNOTE on p_klist in tdsendsignal()).  Counts it for
 * EVFILT_SIGNAL.  Async-signal-safe: may be called from a host handler. */
void fbsd_kqueue_signal(int fbsd_sig);

#endif
