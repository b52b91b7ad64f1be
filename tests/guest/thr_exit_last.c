// EXPECT: exit=0
// EXPECT-STDOUT: ^child ran after main's thr_exit$
/* thr_exit of the main thread leaves the process running; thr_exit of the
 * last thread ends it with status 0. */
#include "thr_util.h"

static void child(void *arg)
{
	struct ts ms = { 0, 20000000 };
	sys(FBSD_SYS_nanosleep, &ms, 0);
	t_puts("child ran after main's thr_exit");
	thr_exit(0);
}

int main(int argc, char **argv, char **envp)
{
	static struct thr t;
	if (thr_start(&t, child, 0) != 0)
		return 3;
	thr_exit(0);
}
