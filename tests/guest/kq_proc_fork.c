/* EVFILT_PROC NOTE_FORK, NOTE_EXEC and NOTE_TRACK between bsdemu processes
 * (kqueue.c's channel): the parent watches child C, which forks G, reaps
 * it and execs exec_target ("exit 6").  The parent sees NOTE_FORK and
 * NOTE_EXEC on C (data 0), NOTE_EXIT with C's status; with NOTE_TRACK
 * also a one-shot NOTE_CHILD for G (data = C's pid) and G's own NOTE_EXIT
 * (data 0 here: G exits 0; bsdemu only knows the status of its own
 * children).  Without NOTE_TRACK nothing about G. */
#include "kq_defs.h"

#define NOTE_FORK 0x40000000u
#define NOTE_EXEC 0x20000000u
#define NOTE_TRACK 0x1u
#define NOTE_TRACKERR 0x2u
#define NOTE_CHILD 0x4u

static char target[1024];

static void one_round(int kq, unsigned ff)
{
	struct kevent ch, ev[8];
	struct timespec five = { 5, 0 }, zero = { 0, 0 };
	unsigned cf = 0, gf = 0;
	long gpid = 0, gparent = -1, cdata = -1, gdata = -1;
	int p[2], status = -1;
	int track = (ff & NOTE_TRACK) != 0;

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	long pid = sys(FBSD_SYS_fork);
	if (pid == 0) {
		char c, *av[] = { "exec_target", "exit", "6", 0 }, *env[] = { 0 };
		struct timespec nap = { 0, 100000000 };
		int st;

		sys(FBSD_SYS_read, p[0], &c, 1);
		long g = sys(FBSD_SYS_fork);
		if (g == 0) {
			sys(FBSD_SYS_nanosleep, &nap, 0);
			sys(FBSD_SYS_exit, 0);
		}
		sys(FBSD_SYS_wait4, g, &st, 0, 0);
		sys(FBSD_SYS_execve, target, av, env);
		sys(FBSD_SYS_exit, 99);
	}
	CHECK(pid > 0);
	kset(&ch, (unsigned long)pid, EVFILT_PROC, EV_ADD | EV_CLEAR, ff, 0, 0x77);
	CHECK_EQ(kev(kq, &ch, 1, 0, 0, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_write, p[1], "x", 1), 1);
	for (int tries = 0; tries < 20; tries++) {
		int done = (cf & NOTE_EXIT) && (!track || (gf & NOTE_EXIT));
		long n = kev(kq, 0, 0, ev, 8, done ? &zero : &five);

		if (n <= 0)
			break;
		for (long i = 0; i < n; i++) {
			CHECK_EQ(ev[i].filter, EVFILT_PROC);
			CHECK_EQ(ev[i].udata, 0x77);
			if (ev[i].ident == (unsigned long)pid) {
				cf |= ev[i].fflags;
				if (ev[i].fflags & NOTE_EXIT) {
					cdata = ev[i].data;
					CHECK_EQ(ev[i].flags & (EV_EOF | EV_ONESHOT),
						 EV_EOF | EV_ONESHOT);
				} else {
					CHECK_EQ(ev[i].data, 0);
				}
			} else if (ev[i].fflags & NOTE_CHILD) {
				CHECK_EQ(ev[i].fflags, NOTE_CHILD);
				CHECK(ev[i].flags & EV_ONESHOT);
				gpid = (long)ev[i].ident;
				gparent = ev[i].data;
			} else {
				CHECK_EQ(ev[i].ident, gpid);
				gf |= ev[i].fflags;
				if (ev[i].fflags & NOTE_EXIT)
					gdata = ev[i].data;
			}
		}
	}
	CHECK_EQ(cf, NOTE_FORK | NOTE_EXEC | NOTE_EXIT);
	CHECK_EQ(cdata, 6 << 8);
	if (track) {
		CHECK(gpid > 0 && gpid != pid);
		CHECK_EQ(gparent, pid);
		CHECK_EQ(gf, NOTE_EXIT);
		CHECK_EQ(gdata, 0);
	} else {
		CHECK_EQ(gpid, 0);
		CHECK_EQ(gf, 0);
	}
	CHECK_EQ(sys(FBSD_SYS_wait4, pid, &status, 0, 0), pid);
	CHECK_EQ(status, 6 << 8);
	sys(FBSD_SYS_close, p[0]);
	sys(FBSD_SYS_close, p[1]);
}

int main(int argc, char **argv)
{
	int kq = (int)sys(FBSD_SYS_kqueue);

	CHECK(kq >= 0);
	/* exec_target sits next to this program. */
	t_snprintf(target, sizeof(target), "%s", (char *)t_getauxval(T_AT_EXECPATH));
	strcpy(strstr(target, "/kq_proc_fork"), "/exec_target");
	one_round(kq, NOTE_FORK | NOTE_EXEC | NOTE_EXIT);
	one_round(kq, NOTE_FORK | NOTE_EXEC | NOTE_EXIT | NOTE_TRACK);
	CHECK_EQ(sys(FBSD_SYS_close, kq), 0);
	return t_failures ? 1 : 0;
}
