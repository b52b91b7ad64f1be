/* Unit test of the FreeBSD <-> Linux signal tables (src/os/freebsd/sigtab.c).
 * Build: cc -std=gnu11 -Isrc -D_GNU_SOURCE tests/unit/test_sigtab.c
 *        src/os/freebsd/sigtab.c -lpthread */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/signal.h"

static int failures;

static void check(int ok, const char *name, const char *detail)
{
	if (ok) {
		printf("PASS %s\n", name);
	} else {
		printf("FAIL %s: %s\n", name, detail);
		failures++;
	}
}

/* Every FreeBSD signal with a host twin comes back unchanged, and no two
 * FreeBSD signals share a host signal. */
static void test_roundtrip_from_fbsd(void)
{
	int owner[NSIG + 1];
	char why[160] = "";
	int ok = 1;

	memset(owner, 0, sizeof(owner));
	for (int s = 1; s <= FBSD_NSIG; s++) {
		int h = fbsd_sig_to_host(s);

		if (h == 0)
			continue;
		if (h < 1 || h > 64) {
			snprintf(why, sizeof(why), "FreeBSD %d -> host %d out of range", s, h);
			ok = 0;
			break;
		}
		if (owner[h]) {
			snprintf(why, sizeof(why), "host %d used by FreeBSD %d and %d", h, owner[h], s);
			ok = 0;
			break;
		}
		owner[h] = s;
		if (fbsd_sig_from_host(h) != s) {
			snprintf(why, sizeof(why), "FreeBSD %d -> host %d -> FreeBSD %d", s, h,
				 fbsd_sig_from_host(h));
			ok = 0;
			break;
		}
	}
	check(ok, "roundtrip_from_fbsd", why);
}

/* Every host signal that maps back does so to a FreeBSD signal that maps
 * to it again. */
static void test_roundtrip_from_host(void)
{
	char why[160] = "";
	int ok = 1;

	for (int h = 1; h <= 64; h++) {
		int s = fbsd_sig_from_host(h);

		if (s && fbsd_sig_to_host(s) != h) {
			snprintf(why, sizeof(why), "host %d -> FreeBSD %d -> host %d", h, s,
				 fbsd_sig_to_host(s));
			ok = 0;
			break;
		}
	}
	check(ok, "roundtrip_from_host", why);
}

static void test_known_pairs(void)
{
	static const struct { int f, h; } pairs[] = {
		{ FBSD_SIGHUP, SIGHUP }, { FBSD_SIGBUS, SIGBUS }, { FBSD_SIGSYS, SIGSYS },
		{ FBSD_SIGURG, SIGURG }, { FBSD_SIGSTOP, SIGSTOP }, { FBSD_SIGTSTP, SIGTSTP },
		{ FBSD_SIGCONT, SIGCONT }, { FBSD_SIGCHLD, SIGCHLD }, { FBSD_SIGIO, SIGIO },
		{ FBSD_SIGUSR1, SIGUSR1 }, { FBSD_SIGUSR2, SIGUSR2 }, { FBSD_SIGSEGV, SIGSEGV },
		{ FBSD_SIGKILL, SIGKILL }, { FBSD_SIGWINCH, SIGWINCH },
		{ 10, 7 }, { 12, 31 }, { 16, 23 }, { 17, 19 }, { 18, 20 }, { 19, 18 },
		{ 20, 17 }, { 23, 29 }, { 30, 10 }, { 31, 12 },
	};
	char why[160] = "";
	int ok = 1;

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (fbsd_sig_to_host(pairs[i].f) != pairs[i].h ||
		    fbsd_sig_from_host(pairs[i].h) != pairs[i].f) {
			snprintf(why, sizeof(why), "FreeBSD %d <-> host %d broken (got %d / %d)",
				 pairs[i].f, pairs[i].h, fbsd_sig_to_host(pairs[i].f),
				 fbsd_sig_from_host(pairs[i].h));
			ok = 0;
			break;
		}
	check(ok, "known_pairs", why);
}

/* The FreeBSD-only signals travel on host RT signals clear of glibc's. */
static void test_freebsd_only(void)
{
	int sigs[] = { FBSD_SIGEMT, FBSD_SIGINFO, FBSD_SIGTHR, FBSD_SIGLIBRT, 65, 90 };
	char why[160] = "";
	int ok = 1;

	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		int h = fbsd_sig_to_host(sigs[i]);

		if (h < 34 || h > 63) {
			snprintf(why, sizeof(why), "FreeBSD %d -> host %d", sigs[i], h);
			ok = 0;
		}
	}
	check(ok, "freebsd_only_on_spare_rt", why);
}

static void test_unmapped(void)
{
	int ok = fbsd_sig_to_host(0) == 0 && fbsd_sig_to_host(-1) == 0 &&
		 fbsd_sig_to_host(129) == 0 && fbsd_sig_to_host(91) == 0 &&
		 fbsd_sig_to_host(126) == 0 && fbsd_sig_from_host(SIGSTKFLT) == 0 &&
		 fbsd_sig_from_host(SIGPWR) == 0 && fbsd_sig_from_host(32) == 0 &&
		 fbsd_sig_from_host(33) == 0 && fbsd_sig_from_host(64) == 0 &&
		 fbsd_sig_from_host(0) == 0 && fbsd_sig_from_host(65) == 0;

	check(ok, "unmapped", "a number without a twin was mapped");
}

static void test_names(void)
{
	int ok = !strcmp(fbsd_signame(FBSD_SIGSEGV), "SIGSEGV") &&
		 !strcmp(fbsd_signame(FBSD_SIGTHR), "SIGTHR") &&
		 !strcmp(fbsd_signame(FBSD_SIGINFO), "SIGINFO") &&
		 !strcmp(fbsd_signame(65), "SIGRTMIN") &&
		 !strcmp(fbsd_signame(66), "SIGRTMIN+1") &&
		 !strcmp(fbsd_signame(126), "SIGRTMAX") &&
		 !strcmp(fbsd_signame(125), "SIGRTMAX-1") &&
		 !strcmp(fbsd_signame(40), "SIG?") &&
		 !strcmp(fbsd_signame(0), "SIG?");

	check(ok, "names", "unexpected signal name");
}

static void test_sets(void)
{
	fbsd_sigset_t f, back;
	sigset_t h;
	int ok;

	fbsd_sigemptyset(&f);
	fbsd_sigaddset(&f, FBSD_SIGUSR1);
	fbsd_sigaddset(&f, FBSD_SIGTHR);
	fbsd_sigaddset(&f, 65);
	fbsd_sigaddset(&f, 128);       /* no host twin: dropped */
	fbsd_sigset_to_host(&f, &h);
	fbsd_sigset_from_host(&h, &back);
	ok = sigismember(&h, SIGUSR1) == 1 && sigismember(&h, 34) == 1 &&
	     sigismember(&h, 38) == 1 && sigismember(&h, 10 + 20) == 0 &&
	     f.bits[0] == ((1u << 29) | (1u << 31)) && f.bits[2] == 1u &&
	     f.bits[3] == (1u << 31) &&
	     back.bits[0] == f.bits[0] && back.bits[2] == f.bits[2] && back.bits[3] == 0;
	check(ok, "sigset_translation", "sets did not translate bit for bit");
}

int main(void)
{
	test_roundtrip_from_fbsd();
	test_roundtrip_from_host();
	test_known_pairs();
	test_freebsd_only();
	test_unmapped();
	test_names();
	test_sets();
	return failures ? 1 : 0;
}
