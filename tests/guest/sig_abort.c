// EXPECT: signal=SIGABRT
/* SIGABRT at its default action ends the process with the host SIGABRT,
 * after a handler that was reset by SA_RESETHAND ran once. */
#include "sig_defs.h"

static volatile int hits;

static void once(int sig) { hits++; }

int main(void)
{
	CHECK_EQ(set_action(SIGABRT, once, SA_RESETHAND, (sigset_t){ { 0 } }), 0);
	CHECK_EQ(kill_self(SIGABRT), 0);
	CHECK_EQ(hits, 1);
	if (t_failures)
		return 1;
	kill_self(SIGABRT);
	t_printf("survived SIGABRT\n");
	return 3;
}
