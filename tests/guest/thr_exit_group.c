// EXPECT: exit=7
/* exit(2) from any thread ends every thread (exit_group). */
#include "thr_util.h"

static long never;

static void child(void *arg)
{
	sys(FBSD_SYS_exit, 7);
}

int main(int argc, char **argv, char **envp)
{
	static struct thr t;
	if (thr_start(&t, child, 0) != 0)
		return 3;
	/* Blocks forever: only the child's exit can end the process. */
	for (;;)
		umtx(&never, UMTX_OP_WAIT, 0, 0, 0);
}
