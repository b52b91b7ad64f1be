/* tests/fuzz/sysfuzz.c: a FreeBSD/aarch64 guest that makes random system
 * calls with random arguments (tests/fuzz/syscalls.sh runs it under the
 * sanitizer build of bsdemu).  Whatever the guest does to itself, bsdemu
 * must not fault, trip a sanitizer or report an internal error.
 *
 * Arguments: small integers, descriptors 0-7, pointers to scratch buffers
 * holding a short lowercase name (so every path is a plain name in the
 * working directory, which the runner makes a fresh temporary one), bad
 * pointers and random 64-bit values.  Calls that would end the run early,
 * block for good, or reach beyond the sandbox the runner builds (the clock,
 * other processes' scheduling, the host's memory locks, the file system
 * outside the working directory) are left out: see DENY. */
#include "t.h"
#include "sig_defs.h"

#ifndef SIGSTOP
#define SIGSTOP 17
#endif

#define NCALLS 20000

static unsigned long long rs;
static char scratch[8][256] __attribute__((aligned(16)));

static unsigned long long rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return rs;
}

static const int DENY[] = {
	0, 198,                         /* indirect: would bypass this list */
	1, 2, 59, 66, 251, 492, 518,    /* exit, fork, exec, vfork, rfork, pdfork */
	431, 455,                       /* thr_exit, thr_new */
	417, 422, 423,                  /* sigreturn, setcontext, swapcontext */
	73, 74, 477, 203, 204, 324, 325, /* munmap, mprotect, mmap, mlock family */
	12, 13, 61,                     /* chdir, fchdir, chroot: stay in the sandbox */
	14, 498, 559,                   /* mknod family */
	37, 481, 456, 544,              /* kill, thr_kill2, sigqueue, procctl */
	96, 166, 466, 327, 329, 484, 488, 562, /* others' priorities and CPUs */
	55, 51, 21, 22, 378, 85, 424,   /* reboot, acct, mount, swap */
	122, 233, 140, 176,             /* the clock */
	202, 570,                       /* sysctl (hostname and friends) */
	26, 165, 541,                   /* ptrace, sysarch, cap_enter */
	28, 98, 133,                    /* sendmsg, connect, sendto */
	571, 572, 483,                  /* shm_open2, shm_rename, shm_unlink */
	53, 340, 342, 343, 416,         /* signal state the run relies on */
	3, 29, 30, 102, 7, 532, 240,    /* calls that wait on stdin, peers, children */
	111, 341, 345, 346, 429, 453, 522, 545,
};

static int denied(int nr)
{
	for (unsigned i = 0; i < sizeof(DENY) / sizeof(DENY[0]); i++)
		if (DENY[i] == nr)
			return 1;
	return 0;
}

static long arg(void)
{
	static const long small[] = { -1, 0, 1, 2, 3, 4, 8, 16, 64, 100, 4096,
				      0x7fffffff, -100 };

	switch (rnd() % 6) {
	case 0: return small[rnd() % (sizeof(small) / sizeof(small[0]))];
	case 1:
	case 2: return (long)scratch[rnd() % 8];
	case 3: return (long)(rnd() % 8);
	case 4: return (long)rnd();
	default: return (long)(0x1000 + (rnd() % 0x10000) * 8);
	}
}

static void fill_scratch(void)
{
	for (int k = 0; k < 8; k++) {
		unsigned len = rnd() % 12;
		for (unsigned j = 0; j < sizeof(scratch[k]); j++)
			scratch[k][j] = (char)(j < len ? 'a' + rnd() % 26 : j == len ? 0 : rnd());
	}
}

static void on_sig(int s) { (void)s; }

int main(int argc, char **argv, char **envp)
{
	struct itimerval it = { { 0, 20000 }, { 0, 20000 } };
	unsigned long long seed = 1;

	if (argc > 1)
		for (seed = 0; *argv[1]; argv[1]++)
			seed = seed * 10 + (unsigned)(*argv[1] - '0');
	rs = 0x9e3779b97f4a7c15ull ^ (seed * 0x100000001b3ull);
	/* every catchable signal is caught (SIGSYS from unimplemented calls
	 * included); a 20 ms timer breaks calls that would wait */
	for (int i = 1; i < 32; i++)
		if (i != SIGKILL && i != SIGSTOP)
			set_action(i, on_sig, 0, (sigset_t){ { 0 } });
	sys(FBSD_SYS_setitimer, ITIMER_REAL, &it, 0);
	for (int i = 0; i < NCALLS; i++) {
		long a[6];
		int nr;

		fill_scratch();
		do
			nr = (int)(rnd() % 610);
		while (denied(nr));
		for (int k = 0; k < 6; k++)
			a[k] = arg();
		(sys)(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	}
	t_puts("sysfuzz done");
	return 0;
}
