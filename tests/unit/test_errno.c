/* Unit test of the Linux -> FreeBSD errno table (src/os/freebsd/errno.c).
 * Build: gcc -std=gnu11 -Isrc -D_GNU_SOURCE tests/unit/test_errno.c
 *        src/os/freebsd/errno.c */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "emu.h"
#include "os/freebsd/fbsd_errno.h"


static int failures;

static void check(const char *name, int ok, const char *fmt, long a, long b)
{
	if (ok) {
		printf("PASS %s\n", name);
	} else {
		printf("FAIL %s: ", name);
		printf(fmt, a, b);
		printf("\n");
		failures++;
	}
}

#define MAPS(lin, fb) \
	check("errno_" #lin, fbsd_errno(lin) == (fb), \
	      "got %ld, want %ld", fbsd_errno(lin), (long)(fb))

int main(void)
{
	/* spot checks: the values that differ */
	MAPS(EAGAIN, 35);
	MAPS(EWOULDBLOCK, 35);
	MAPS(ENOSYS, 78);
	MAPS(ELOOP, 62);
	MAPS(EDEADLK, 11);
	MAPS(ENOTSUP, 45);
	MAPS(EOPNOTSUPP, 45);
	MAPS(EINPROGRESS, 36);
	MAPS(EALREADY, 37);
	MAPS(ENODATA, 87);
	MAPS(EUCLEAN, 97);
	MAPS(ENAMETOOLONG, 63);
	MAPS(ENOTEMPTY, 66);
	MAPS(ENOLCK, 77);
	MAPS(EOVERFLOW, 84);
	MAPS(ECANCELED, 85);
	MAPS(EOWNERDEAD, 96);
	MAPS(ENOTRECOVERABLE, 95);
	MAPS(ETIMEDOUT, 60);
	MAPS(ECONNREFUSED, 61);
	MAPS(EADDRINUSE, 48);
	MAPS(ENOTSOCK, 38);
	MAPS(EDQUOT, 69);
	MAPS(ESTALE, 70);
	MAPS(EILSEQ, 86);
	MAPS(EIDRM, 82);
	MAPS(ENOMSG, 83);
	MAPS(EBADMSG, 89);
	MAPS(EPROTO, 92);
	MAPS(ENOENT, 2);
	MAPS(EFAULT, 14);
	MAPS(ERESTART, 4);  /* must never become FBSD_ERESTART (-1) */
	/* out of range -> EIO */
	MAPS(0, 5);
	MAPS(-1, 5);
	MAPS(134, 5);
	MAPS(100000, 5);

	/* every Linux errno maps into FreeBSD's 1..ELAST */
	int bad = 0, first_bad = 0;
	for (int e = 1; e <= EHWPOISON; e++) {
		int f = fbsd_errno(e);
		if (f < 1 || f > FBSD_ELAST) {
			if (!bad)
				first_bad = e;
			bad++;
		}
	}
	check("errno_all_in_range", bad == 0, "%ld bad, first linux %ld",
	      bad, first_bad);

	/* values that are equal on both systems (1..34 except EDEADLK/EAGAIN) */
	bad = 0;
	for (int e = 1; e <= 34; e++) {
		if (e == EAGAIN)
			continue;
		if (fbsd_errno(e) != e)
			bad = e;
	}
	check("errno_low_identity", bad == 0, "linux %ld -> %ld", bad,
	      bad ? fbsd_errno(bad) : 0);

	/* names: every FreeBSD errno 1..97 has a distinct name; spot values */
	bad = 0;
	for (int f = 1; f <= FBSD_ELAST; f++) {
		const char *n = fbsd_errno_name(f);
		if (!n || n[0] != 'E') {
			bad = f;
			continue;
		}
		for (int g = 1; g < f; g++)
			if (strcmp(n, fbsd_errno_name(g)) == 0)
				bad = f;
	}
	check("errno_names_complete", bad == 0, "value %ld%ld", bad, 0);
	check("errno_name_ENOENT", strcmp(fbsd_errno_name(2), "ENOENT") == 0,
	      "%ld%ld", 0, 0);
	check("errno_name_EAGAIN", strcmp(fbsd_errno_name(35), "EAGAIN") == 0,
	      "%ld%ld", 0, 0);
	check("errno_name_EINTEGRITY",
	      strcmp(fbsd_errno_name(97), "EINTEGRITY") == 0, "%ld%ld", 0, 0);
	check("errno_name_out_of_range",
	      fbsd_errno_name(0) == NULL && fbsd_errno_name(98) == NULL &&
	      fbsd_errno_name(-1) == NULL, "%ld%ld", 0, 0);

	/* round trip: for Linux errnos whose own name is a FreeBSD name, the
	 * mapped value's name is the same name (strerrorname_np gives the
	 * Linux name). */
	bad = 0;
	int checked = 0;
	for (int e = 1; e <= EHWPOISON; e++) {
		const char *ln = strerrorname_np(e);
		if (!ln)
			continue;
		int known = 0;
		for (int f = 1; f <= FBSD_ELAST; f++)
			if (strcmp(ln, fbsd_errno_name(f)) == 0)
				known = f;
		if (!known)
			continue;
		checked++;
		if (strcmp(fbsd_errno_name(fbsd_errno(e)), ln) != 0 &&
		    !(e == ENOTSUP))
			bad = e;
	}
	check("errno_names_round_trip", bad == 0 && checked > 80,
	      "linux %ld mismatched (checked %ld)", bad, checked);

	printf("%d failed\n", failures);
	return failures ? 1 : 0;
}
