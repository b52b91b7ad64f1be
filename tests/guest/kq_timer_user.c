/* EVFILT_TIMER (units, one-shot, periodic with data = expirations,
 * NOTE_ABSTIME, re-arming, errors) and EVFILT_USER (NOTE_TRIGGER, the
 * fflags operations, EV_CLEAR), and a kevent wait that a timer ends. */
#include "kq_defs.h"

static struct timespec zero = { 0, 0 };

static void test_timer(int kq)
{
	struct kevent ch, ev[4];
	struct timespec two = { 2, 0 };
	long t0;

	/* one-shot 50 ms (default unit: milliseconds) */
	kset(&ch, 1, EVFILT_TIMER, EV_ADD | EV_ONESHOT, 0, 50, 0x11);
	t0 = mono_ms();
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &two), 1);
	CHECK(mono_ms() - t0 >= 45);
	CHECK(mono_ms() - t0 < 1500);
	CHECK_EQ(ev[0].ident, 1);
	CHECK_EQ(ev[0].filter, EVFILT_TIMER);
	CHECK_EQ(ev[0].data, 1);
	CHECK_EQ(ev[0].udata, 0x11);
	CHECK(ev[0].flags & EV_ONESHOT);
	/* gone after firing */
	kset(&ch, 1, EVFILT_TIMER, EV_DELETE, 0, 0, 0);
	CHECK_ERR(kev(kq, &ch, 1, 0, 0, 0), FBSD_ENOENT);

	/* periodic 10 ms in microseconds: ~10 expirations in 105 ms */
	kset(&ch, 2, EVFILT_TIMER, EV_ADD, NOTE_USECONDS, 10000, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	struct timespec nap = { 0, 105000000 };
	sys(FBSD_SYS_nanosleep, &nap, 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 1);
	CHECK(ev[0].data >= 8 && ev[0].data <= 11);
	CHECK(ev[0].flags & EV_CLEAR);      /* timers are always EV_CLEAR */
	/* counted again from zero, and it keeps firing */
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &two), 1);
	CHECK(ev[0].data >= 1 && ev[0].data <= 3);
	/* EV_DISABLE: no more reports */
	kset(&ch, 2, EVFILT_TIMER, EV_DISABLE, 0, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	struct timespec t30 = { 0, 30000000 };
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &t30), 0);
	kset(&ch, 2, EVFILT_TIMER, EV_DELETE, 0, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);

	/* seconds and nanoseconds */
	kset(&ch, 3, EVFILT_TIMER, EV_ADD | EV_ONESHOT, NOTE_NSECONDS, 20000000, 0);
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &two), 1);
	CHECK_EQ(ev[0].ident, 3);
	kset(&ch, 4, EVFILT_TIMER, EV_ADD | EV_ONESHOT, NOTE_SECONDS, 1, 0);
	t0 = mono_ms();
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &two), 1);
	CHECK(mono_ms() - t0 >= 950);

	/* NOTE_ABSTIME: an absolute CLOCK_REALTIME time in the past fires at once */
	struct timespec now;
	sys(FBSD_SYS_clock_gettime, 0, &now);
	kset(&ch, 5, EVFILT_TIMER, EV_ADD, NOTE_ABSTIME | NOTE_SECONDS, now.sec - 10, 0);
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &two), 1);
	CHECK_EQ(ev[0].ident, 5);
	/* ... and one 100 ms ahead in ms fires once, then never again */
	kset(&ch, 5, EVFILT_TIMER, EV_DELETE, 0, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	sys(FBSD_SYS_clock_gettime, 0, &now);
	kset(&ch, 6, EVFILT_TIMER, EV_ADD, NOTE_ABSTIME | NOTE_MSECONDS,
	     now.sec * 1000 + now.nsec / 1000000 + 100, 0);
	t0 = mono_ms();
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &two), 1);
	CHECK(mono_ms() - t0 >= 80);
	CHECK_EQ(ev[0].data, 1);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &t30), 0);
	kset(&ch, 6, EVFILT_TIMER, EV_DELETE, 0, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);

	/* EV_ADD on an existing timer re-arms it */
	kset(&ch, 7, EVFILT_TIMER, EV_ADD | EV_ONESHOT, 0, 5000, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	kset(&ch, 7, EVFILT_TIMER, EV_ADD | EV_ONESHOT, 0, 10, 0);
	t0 = mono_ms();
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &two), 1);
	CHECK(mono_ms() - t0 < 1000);

	/* errors: negative period, two units */
	kset(&ch, 8, EVFILT_TIMER, EV_ADD, 0, -1, 0);
	CHECK_ERR(kev(kq, &ch, 1, 0, 0, 0), FBSD_EINVAL);
	kset(&ch, 8, EVFILT_TIMER, EV_ADD, NOTE_SECONDS | NOTE_USECONDS, 1, 0);
	CHECK_ERR(kev(kq, &ch, 1, 0, 0, 0), FBSD_EINVAL);
}

static void test_user(int kq)
{
	struct kevent ch, ev[4];
	struct timespec t20 = { 0, 20000000 };

	kset(&ch, 100, EVFILT_USER, EV_ADD | EV_CLEAR, 0x5, 0, 0xaa);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 0);
	/* NOTE_TRIGGER with NOTE_FFOR: fflags |= 0x30, data copied */
	kset(&ch, 100, EVFILT_USER, 0, NOTE_TRIGGER | NOTE_FFOR | 0x30, 99, 0xaa);
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].ident, 100);
	CHECK_EQ(ev[0].filter, EVFILT_USER);
	CHECK_EQ(ev[0].fflags, 0x35);
	CHECK_EQ(ev[0].data, 99);
	CHECK_EQ(ev[0].udata, 0xaa);
	CHECK_EQ(ev[0].flags & EV_CLEAR, EV_CLEAR);
	/* EV_CLEAR: the trigger is consumed */
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &t20), 0);
	/* NOTE_FFAND keeps 0x14 of 0x35, NOTE_FFCOPY replaces */
	kset(&ch, 100, EVFILT_USER, 0, NOTE_TRIGGER | NOTE_FFAND | 0x1c, 0, 0xaa);
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].fflags, 0x14);
	kset(&ch, 100, EVFILT_USER, 0, NOTE_TRIGGER | NOTE_FFCOPY | 0x700, 0, 0xaa);
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].fflags, 0x700);
	/* NOTE_FFNOP without trigger: nothing fires */
	kset(&ch, 100, EVFILT_USER, 0, NOTE_FFNOP | 0x1, 0, 0xaa);
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &zero), 0);
	/* without EV_CLEAR a triggered user event stays active */
	kset(&ch, 101, EVFILT_USER, EV_ADD, 0, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	kset(&ch, 101, EVFILT_USER, 0, NOTE_TRIGGER, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &zero), 1);
	CHECK_EQ(kev(kq, 0, 0, ev, 4, &zero), 1);
	/* ... until a change with EV_CLEAR resets it */
	kset(&ch, 101, EVFILT_USER, EV_CLEAR, 0, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &zero), 0);
	/* EV_DISPATCH + EV_ONESHOT */
	kset(&ch, 102, EVFILT_USER, EV_ADD | EV_ONESHOT, NOTE_TRIGGER, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, ev, 4, &zero), 1);
	CHECK_EQ(ev[0].ident, 102);
	kset(&ch, 102, EVFILT_USER, EV_DELETE, 0, 0, 0);
	CHECK_ERR(kev(kq, &ch, 1, 0, 0, 0), FBSD_ENOENT);
	/* unknown ident */
	kset(&ch, 103, EVFILT_USER, 0, NOTE_TRIGGER, 0, 0);
	CHECK_ERR(kev(kq, &ch, 1, 0, 0, 0), FBSD_ENOENT);
	kset(&ch, 100, EVFILT_USER, EV_DELETE, 0, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	kset(&ch, 101, EVFILT_USER, EV_DELETE, 0, 0, 0);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
}

int main(void)
{
	int kq = (int)sys(FBSD_SYS_kqueue);

	CHECK(kq >= 0);
	test_timer(kq);
	test_user(kq);
	CHECK_EQ(sys(FBSD_SYS_close, kq), 0);
	return t_failures ? 1 : 0;
}
