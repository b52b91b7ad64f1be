// EXPECT: exit=0
// EXPECT-STDOUT: ^child ran after main's thr_exit$
// EXPECT-STDOUT: ^last thr_exit returned 0$
/* thr_exit of the main thread leaves the process running.  thr_exit of the
 * last thread does not end anything: FreeBSD's kern_thr_exit() returns 0 and
 * leaves it to the caller (libthr calls exit()); the state word is still
 * written. */
#include "thr_util.h"

static long state;

static void child(void *arg)
{
	struct ts ms = { 0, 20000000 };
	long r;

	sys(FBSD_SYS_nanosleep, &ms, 0);
	t_puts("child ran after main's thr_exit");
	r = sys(FBSD_SYS_thr_exit, &state);
	CHECK_EQ(state, 1);
	if (r == 0)
		t_puts("last thr_exit returned 0");
	sys(FBSD_SYS_exit, 0);
}

int main(int argc, char **argv, char **envp)
{
	static struct thr t;
	if (thr_start(&t, child, 0) != 0)
		return 3;
	thr_exit(0);
}
