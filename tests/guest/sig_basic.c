/* Delivery to guest handlers: kill to self, the registers and frame the
 * handler gets, siginfo, uc_sigmask, the mask during the handler,
 * SA_RESETHAND, SA_NODEFER, blocking then unblocking, sigpending,
 * old-style handlers, sigaltstack with SA_ONSTACK, sigqueue. */
#include "sig_defs.h"

static volatile int hits, depth, max_depth, last_sig;
static volatile unsigned long h_x1, h_x2, h_sp;
static volatile siginfo_t h_si;
static volatile sigset_t h_ucmask, h_curmask;
static volatile stack_t h_ucstack, h_altq;

static void info_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	hits++;
	last_sig = sig;
	h_x1 = (unsigned long)si;
	h_x2 = (unsigned long)uc;
	h_sp = get_sp();
	h_si = *si;
	h_ucmask = uc->sigmask;
	h_curmask = cur_mask();
	h_ucstack = uc->stack;
	sys(FBSD_SYS_sigaltstack, 0, &h_altq);
}

static void test_kill_self(void)
{
	sigset_t none = { { 0 } };

	CHECK_EQ(set_action(SIGUSR1, info_handler, SA_SIGINFO, sigone(SIGHUP)), 0);
	hits = 0;
	CHECK_EQ(kill_self(SIGUSR1), 0);
	/* Delivered before kill() returned. */
	CHECK_EQ(hits, 1);
	CHECK_EQ(last_sig, SIGUSR1);
	CHECK_EQ(h_si.signo, SIGUSR1);
	CHECK_EQ(h_si.code, SI_USER);
	CHECK_EQ(h_si.pid, sys(FBSD_SYS_getpid));
	CHECK_EQ(h_si.uid, sys(FBSD_SYS_getuid));
	/* sigframe: siginfo at sp, ucontext 80 bytes above, 16-aligned. */
	CHECK_EQ(h_x2 - h_x1, 80);
	CHECK_EQ(h_x1 & 15, 0);
	CHECK(h_sp < h_x1);
	/* uc_sigmask is the mask to restore; during the handler the signal
	 * and sa_mask are blocked. */
	CHECK(!sigis((sigset_t *)&h_ucmask, SIGUSR1));
	CHECK(sigis((sigset_t *)&h_curmask, SIGUSR1));
	CHECK(sigis((sigset_t *)&h_curmask, SIGHUP));
	CHECK_EQ(h_ucstack.flags, SS_DISABLE);
	/* ... and restored after sigreturn. */
	CHECK(!sigis(&(sigset_t){ { cur_mask().bits[0] } }, SIGUSR1));
	CHECK(!sigis(&(sigset_t){ { cur_mask().bits[0] } }, SIGHUP));
	mask_op(SIG_SETMASK, none);
}

static void plain_handler(int sig, siginfo_t *si)
{
	hits++;
	last_sig = sig;
	h_x1 = (unsigned long)si;
	h_si = *si;
}

static void test_plain_and_resethand(void)
{
	struct sigaction old;

	/* FreeBSD/arm64 passes &siginfo in x1 for old-style handlers too. */
	CHECK_EQ(set_action(SIGUSR2, plain_handler, SA_RESETHAND, (sigset_t){ { 0 } }), 0);
	hits = 0;
	h_x1 = 0;
	CHECK_EQ(kill_self(SIGUSR2), 0);
	CHECK_EQ(hits, 1);
	CHECK(h_x1 != 0);
	CHECK_EQ(h_si.signo, SIGUSR2);
	/* SA_RESETHAND: back to SIG_DFL, SA_SIGINFO dropped. */
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGUSR2, 0, &old), 0);
	CHECK_EQ(old.handler, SIG_DFL);
	CHECK(!(old.flags & SA_SIGINFO));
}

static void nest_handler(int sig)
{
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	hits++;
	if (hits < 3)
		kill_self(sig);
	depth--;
}

static void test_nodefer(void)
{
	/* Without SA_NODEFER the second kill stays pending until return. */
	hits = depth = max_depth = 0;
	CHECK_EQ(set_action(SIGUSR1, nest_handler, 0, (sigset_t){ { 0 } }), 0);
	CHECK_EQ(kill_self(SIGUSR1), 0);
	CHECK_EQ(hits, 3);
	CHECK_EQ(max_depth, 1);
	/* With it, the handler nests. */
	hits = depth = max_depth = 0;
	CHECK_EQ(set_action(SIGUSR1, nest_handler, SA_NODEFER, (sigset_t){ { 0 } }), 0);
	CHECK_EQ(kill_self(SIGUSR1), 0);
	CHECK_EQ(hits, 3);
	CHECK_EQ(max_depth, 3);
}

static void test_block_pending(void)
{
	sigset_t pend;

	CHECK_EQ(set_action(SIGUSR1, info_handler, SA_SIGINFO, (sigset_t){ { 0 } }), 0);
	CHECK_EQ(set_action(70, info_handler, SA_SIGINFO, (sigset_t){ { 0 } }), 0);
	CHECK_EQ(set_action(100, info_handler, SA_SIGINFO, (sigset_t){ { 0 } }), 0);
	hits = 0;
	CHECK_EQ(mask_op(SIG_BLOCK, sigone(SIGUSR1)), 0);
	CHECK_EQ(mask_op(SIG_BLOCK, sigone(70)), 0);
	CHECK_EQ(mask_op(SIG_BLOCK, sigone(100)), 0);
	CHECK_EQ(kill_self(SIGUSR1), 0);
	CHECK_EQ(kill_self(70), 0);
	CHECK_EQ(kill_self(100), 0);     /* no host twin: bsdemu keeps it */
	CHECK_EQ(hits, 0);
	memset(&pend, 0, sizeof(pend));
	CHECK_EQ(sys(FBSD_SYS_sigpending, &pend), 0);
	CHECK(sigis(&pend, SIGUSR1));
	CHECK(sigis(&pend, 70));
	CHECK(sigis(&pend, 100));
	CHECK(!sigis(&pend, SIGUSR2));
	/* Unblocking delivers before sigprocmask returns. */
	CHECK_EQ(mask_op(SIG_UNBLOCK, sigone(SIGUSR1)), 0);
	CHECK_EQ(hits, 1);
	CHECK_EQ(last_sig, SIGUSR1);
	CHECK_EQ(h_si.code, SI_USER);
	CHECK_EQ(mask_op(SIG_UNBLOCK, sigone(70)), 0);
	CHECK_EQ(hits, 2);
	CHECK_EQ(last_sig, 70);
	CHECK_EQ(mask_op(SIG_UNBLOCK, sigone(100)), 0);
	CHECK_EQ(hits, 3);
	CHECK_EQ(last_sig, 100);
	CHECK_EQ(sys(FBSD_SYS_sigpending, &pend), 0);
	CHECK(!sigis(&pend, SIGUSR1) && !sigis(&pend, 100));

	/* Ignoring a pending signal discards it. */
	CHECK_EQ(mask_op(SIG_BLOCK, sigone(SIGUSR1)), 0);
	CHECK_EQ(kill_self(SIGUSR1), 0);
	CHECK_EQ(set_action(SIGUSR1, (void *)SIG_IGN, 0, (sigset_t){ { 0 } }), 0);
	CHECK_EQ(sys(FBSD_SYS_sigpending, &pend), 0);
	CHECK(!sigis(&pend, SIGUSR1));
	CHECK_EQ(set_action(SIGUSR1, info_handler, SA_SIGINFO, (sigset_t){ { 0 } }), 0);
	CHECK_EQ(mask_op(SIG_UNBLOCK, sigone(SIGUSR1)), 0);
	CHECK_EQ(hits, 3);
}

static void test_sigqueue(void)
{
	hits = 0;
	CHECK_EQ(sys(FBSD_SYS_sigqueue, sys(FBSD_SYS_getpid), SIGUSR1, 0x1234), 0);
	CHECK_EQ(hits, 1);
	CHECK_EQ(h_si.code, SI_QUEUE);
	CHECK_EQ(h_si.value, 0x1234);
	CHECK_ERR(sys(FBSD_SYS_sigqueue, 0, SIGUSR1, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sigqueue, sys(FBSD_SYS_getpid), 129, 0), FBSD_EINVAL);
}

static char altstack[65536] __attribute__((aligned(16)));

static void test_altstack(void)
{
	stack_t ss = { (unsigned long)altstack, sizeof(altstack), 0 };

	CHECK_EQ(sys(FBSD_SYS_sigaltstack, &ss, 0), 0);
	CHECK_EQ(set_action(SIGUSR1, info_handler, SA_SIGINFO | SA_ONSTACK, (sigset_t){ { 0 } }), 0);
	hits = 0;
	CHECK_EQ(kill_self(SIGUSR1), 0);
	CHECK_EQ(hits, 1);
	CHECK(h_sp >= (unsigned long)altstack && h_sp < (unsigned long)altstack + sizeof(altstack));
	CHECK(h_x1 >= (unsigned long)altstack && h_x2 + 960 <= (unsigned long)altstack + sizeof(altstack));
	/* Interrupted off the altstack: uc_stack says 0; inside, sigaltstack
	 * reports SS_ONSTACK. */
	CHECK_EQ(h_ucstack.flags, 0);
	CHECK_EQ(h_ucstack.sp, (unsigned long)altstack);
	CHECK_EQ(h_ucstack.size, sizeof(altstack));
	CHECK_EQ(h_altq.flags, SS_ONSTACK);
	/* Without SA_ONSTACK the normal stack is used. */
	CHECK_EQ(set_action(SIGUSR1, info_handler, SA_SIGINFO, (sigset_t){ { 0 } }), 0);
	CHECK_EQ(kill_self(SIGUSR1), 0);
	CHECK(!(h_sp >= (unsigned long)altstack && h_sp < (unsigned long)altstack + sizeof(altstack)));
	CHECK_EQ(h_ucstack.flags, 0);
	ss.flags = SS_DISABLE;
	CHECK_EQ(sys(FBSD_SYS_sigaltstack, &ss, 0), 0);
}

static void test_kill_errors(void)
{
	CHECK_ERR(sys(FBSD_SYS_kill, sys(FBSD_SYS_getpid), 129), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_kill, sys(FBSD_SYS_getpid), -1), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_kill, sys(FBSD_SYS_getpid), 0), 0);
	CHECK_ERR(sys(FBSD_SYS_kill, 0x3fffffff, SIGUSR1), FBSD_ESRCH);
	CHECK_ERR(sys(FBSD_SYS_kill, 0x3fffffff, 0), FBSD_ESRCH);
}

int main(int argc, char **argv, char **envp)
{
	test_kill_self();
	test_plain_and_resethand();
	test_nodefer();
	test_block_pending();
	test_sigqueue();
	test_altstack();
	test_kill_errors();
	return 0;
}
