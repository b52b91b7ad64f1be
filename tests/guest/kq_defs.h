/* Shared FreeBSD kevent definitions for the kq_*.c guest tests. */
#ifndef KQ_DEFS_H
#define KQ_DEFS_H
#include "t.h"

struct kevent {
	unsigned long ident;
	short filter;
	unsigned short flags;
	unsigned fflags;
	long data;
	unsigned long udata;
	unsigned long ext[4];
};
#ifndef SIG_DEFS_H
struct timespec { long sec, nsec; };
#endif

#define EVFILT_READ (-1)
#define EVFILT_WRITE (-2)
#define EVFILT_VNODE (-4)
#define EVFILT_PROC (-5)
#define EVFILT_SIGNAL (-6)
#define EVFILT_TIMER (-7)
#define EVFILT_USER (-11)
#define EV_ADD 0x1
#define EV_DELETE 0x2
#define EV_ENABLE 0x4
#define EV_DISABLE 0x8
#define EV_ONESHOT 0x10
#define EV_CLEAR 0x20
#define EV_RECEIPT 0x40
#define EV_DISPATCH 0x80
#define EV_EOF 0x8000
#define EV_ERROR 0x4000
#define NOTE_DELETE 0x1
#define NOTE_WRITE 0x2
#define NOTE_EXTEND 0x4
#define NOTE_ATTRIB 0x8
#define NOTE_LINK 0x10
#define NOTE_RENAME 0x20
#define NOTE_EXIT 0x80000000u
#define NOTE_SECONDS 0x1
#define NOTE_MSECONDS 0x2
#define NOTE_USECONDS 0x4
#define NOTE_NSECONDS 0x8
#define NOTE_ABSTIME 0x10
#define NOTE_FFNOP 0
#define NOTE_FFAND 0x40000000u
#define NOTE_FFOR 0x80000000u
#define NOTE_FFCOPY 0xc0000000u
#define NOTE_TRIGGER 0x01000000u

static inline void kset(struct kevent *k, unsigned long id, int filt, int flags,
			unsigned ff, long data, unsigned long udata)
{
	memset(k, 0, sizeof(*k));
	k->ident = id;
	k->filter = (short)filt;
	k->flags = (unsigned short)flags;
	k->fflags = ff;
	k->data = data;
	k->udata = udata;
}

static inline long kev(int kq, struct kevent *ch, int nch, struct kevent *ev, int nev,
		       struct timespec *ts)
{
	return sys(FBSD_SYS_kevent, kq, ch, nch, ev, nev, ts);
}

static inline long mono_ms(void)
{
	struct timespec t;
	sys(FBSD_SYS_clock_gettime, 4, &t);
	return t.sec * 1000 + t.nsec / 1000000;
}
#endif
