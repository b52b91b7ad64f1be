/* SIGPIPE: ignored, a write to a pipe without readers is EPIPE; caught,
 * EPIPE and the handler runs (si_code from the kernel side). */
#include "sig_defs.h"

static volatile int hits;

static void on_pipe(int sig) { hits++; }

int main(void)
{
	int p[2];

	CHECK_EQ(sys(FBSD_SYS_pipe2, p, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_close, p[0]), 0);
	CHECK_EQ(set_action(SIGPIPE, (void *)SIG_IGN, 0, (sigset_t){ { 0 } }), 0);
	CHECK_ERR(sys(FBSD_SYS_write, p[1], "x", 1), FBSD_EPIPE);
	CHECK_EQ(set_action(SIGPIPE, on_pipe, 0, (sigset_t){ { 0 } }), 0);
	CHECK_ERR(sys(FBSD_SYS_write, p[1], "x", 1), FBSD_EPIPE);
	CHECK_EQ(hits, 1);
	return 0;
}
