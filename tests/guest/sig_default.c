// EXPECT: signal=SIGUSR2
/* A blocked signal at its default action kills when it is unblocked;
 * default-ignored ones (SIGURG, SIGCHLD) are dropped. */
#include "sig_defs.h"

int main(void)
{
	sigset_t p;

	CHECK_EQ(kill_self(SIGURG), 0);
	CHECK_EQ(kill_self(SIGCHLD), 0);
	CHECK_EQ(mask_op(SIG_BLOCK, sigone(SIGUSR2)), 0);
	CHECK_EQ(kill_self(SIGUSR2), 0);
	CHECK_EQ(sys(FBSD_SYS_sigpending, &p), 0);
	CHECK(sigis(&p, SIGUSR2));
	CHECK(!sigis(&p, SIGURG));
	if (t_failures)
		return 1;
	mask_op(SIG_UNBLOCK, sigone(SIGUSR2));
	t_printf("survived SIGUSR2\n");
	return 3;
}
