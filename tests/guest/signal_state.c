/* Signal state without delivery: sigprocmask, sigaction, sigpending and
 * sigaltstack, FreeBSD layouts and error rules. */
#include "t.h"

typedef struct { unsigned bits[4]; } sigset_t;
struct sigaction {
	unsigned long handler;
	int flags;
	sigset_t mask;
};
typedef struct {
	unsigned long sp;
	unsigned long size;
	int flags;
} stack_t;

#define SIG_BLOCK 1
#define SIG_UNBLOCK 2
#define SIG_SETMASK 3
#define SIGHUP 1
#define SIGKILL 9
#define SIGSEGV 11
#define SIGSTOP 17
#define SIGCHLD 20
#define SIGUSR1 30
#define SIGUSR2 31
#define SIGTHR 32
#define SA_ONSTACK 0x1
#define SA_RESTART 0x2
#define SA_RESETHAND 0x4
#define SA_NOCLDSTOP 0x8
#define SA_NODEFER 0x10
#define SA_SIGINFO 0x40
#define SS_ONSTACK 1
#define SS_DISABLE 4

_Static_assert(sizeof(struct sigaction) == 32, "FreeBSD struct sigaction");
_Static_assert(sizeof(stack_t) == 24, "FreeBSD stack_t");

static void add(sigset_t *s, int sig) { s->bits[(sig - 1) / 32] |= 1u << ((sig - 1) % 32); }
static int has(const sigset_t *s, int sig) { return (s->bits[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1; }

static void handler(int sig) { }

static void test_sigprocmask(void)
{
	sigset_t set, old, cur;

	memset(&set, 0, sizeof(set));
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_SETMASK, &set, &old), 0);
	add(&set, SIGUSR1);
	add(&set, SIGKILL);
	add(&set, SIGSTOP);
	add(&set, 100);
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_BLOCK, &set, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_BLOCK, 0, &cur), 0);
	CHECK(has(&cur, SIGUSR1));
	CHECK(has(&cur, 100));
	CHECK(!has(&cur, SIGKILL));     /* never blockable */
	CHECK(!has(&cur, SIGSTOP));
	CHECK(!has(&cur, SIGUSR2));

	memset(&set, 0, sizeof(set));
	add(&set, SIGUSR2);
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_BLOCK, &set, &old), 0);
	CHECK(has(&old, SIGUSR1) && !has(&old, SIGUSR2));
	memset(&set, 0, sizeof(set));
	add(&set, SIGUSR1);
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_UNBLOCK, &set, &old), 0);
	CHECK(has(&old, SIGUSR1) && has(&old, SIGUSR2));
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_SETMASK, 0, &cur), 0);
	CHECK(!has(&cur, SIGUSR1) && has(&cur, SIGUSR2));

	/* A bad `how` is EINVAL only with a set, and leaves the mask alone. */
	CHECK_ERR(sys(FBSD_SYS_sigprocmask, 0, &set, &old), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sigprocmask, 4, &set, 0), FBSD_EINVAL);
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, 99, 0, &old), 0);
	CHECK(has(&old, SIGUSR2));
	CHECK_ERR(sys(FBSD_SYS_sigprocmask, SIG_BLOCK, 8, 0), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_sigprocmask, SIG_BLOCK, 0, 8), FBSD_EFAULT);

	/* Nothing was sent: nothing is pending, blocked or not. */
	memset(&set, 0, sizeof(set));
	add(&set, SIGUSR2);
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_SETMASK, &set, 0), 0);
	memset(&cur, 0xff, sizeof(cur));
	CHECK_EQ(sys(FBSD_SYS_sigpending, &cur), 0);
	CHECK(!has(&cur, SIGUSR2));
	CHECK_ERR(sys(FBSD_SYS_sigpending, 8), FBSD_EFAULT);

	memset(&set, 0, sizeof(set));
	CHECK_EQ(sys(FBSD_SYS_sigprocmask, SIG_SETMASK, &set, 0), 0);
}

static void test_sigaction(void)
{
	struct sigaction act, old;

	/* Never-set signal: SIG_DFL, and FreeBSD reports SA_RESTART. */
	memset(&old, 0x55, sizeof(old));
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGUSR1, 0, &old), 0);
	CHECK_EQ(old.handler, 0);
	CHECK_EQ(old.flags, SA_RESTART);
	CHECK_EQ(old.mask.bits[0], 0);
	CHECK_EQ(old.mask.bits[3], 0);

	memset(&act, 0, sizeof(act));
	act.handler = (unsigned long)handler;
	act.flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
	add(&act.mask, SIGHUP);
	add(&act.mask, SIGKILL);        /* dropped: SIG_CANTMASK */
	add(&act.mask, 127);
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGUSR1, &act, &old), 0);
	CHECK_EQ(old.handler, 0);
	memset(&old, 0, sizeof(old));
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGUSR1, 0, &old), 0);
	CHECK_EQ(old.handler, (unsigned long)handler);
	CHECK_EQ(old.flags, SA_SIGINFO | SA_ONSTACK | SA_RESTART);
	CHECK(has(&old.mask, SIGHUP) && has(&old.mask, 127) && !has(&old.mask, SIGKILL));

	/* Replacing returns the previous action; SA_SIGINFO does not stick to
	 * SIG_IGN; NOCLDSTOP is only kept for SIGCHLD. */
	memset(&act, 0, sizeof(act));
	act.handler = 1;        /* SIG_IGN */
	act.flags = SA_SIGINFO | SA_NOCLDSTOP;
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGUSR1, &act, &old), 0);
	CHECK_EQ(old.handler, (unsigned long)handler);
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGUSR1, 0, &old), 0);
	CHECK_EQ(old.handler, 1);
	CHECK_EQ(old.flags, 0);
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGCHLD, &act, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGCHLD, 0, &old), 0);
	CHECK_EQ(old.flags, SA_NOCLDSTOP);
	act.handler = 0;
	act.flags = SA_RESTART;
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGCHLD, &act, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGUSR1, &act, 0), 0);

	/* SIGTHR and real-time signals can be recorded too. */
	act.handler = (unsigned long)handler;
	act.flags = SA_SIGINFO;
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGTHR, &act, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_sigaction, 126, &act, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_sigaction, 128, &act, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_sigaction, 126, 0, &old), 0);
	CHECK_EQ(old.handler, (unsigned long)handler);
	act.handler = 0;
	act.flags = 0;
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGTHR, &act, 0), 0);

	/* Errors. */
	act.handler = (unsigned long)handler;
	act.flags = 0;
	CHECK_ERR(sys(FBSD_SYS_sigaction, SIGKILL, &act, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sigaction, SIGSTOP, &act, 0), FBSD_EINVAL);
	act.handler = 1;
	CHECK_ERR(sys(FBSD_SYS_sigaction, SIGKILL, &act, 0), FBSD_EINVAL);
	act.handler = 0;
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGKILL, &act, &old), 0);   /* SIG_DFL is fine */
	CHECK_EQ(old.handler, 0);
	CHECK_ERR(sys(FBSD_SYS_sigaction, 0, 0, &old), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sigaction, 129, 0, &old), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sigaction, -1, 0, &old), FBSD_EINVAL);
	act.handler = (unsigned long)handler;
	act.flags = 0x1000;     /* unknown flag with a handler */
	CHECK_ERR(sys(FBSD_SYS_sigaction, SIGUSR2, &act, 0), FBSD_EINVAL);
	act.handler = 0;        /* ... but accepted with SIG_DFL */
	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGUSR2, &act, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_sigaction, SIGUSR2, 8, 0), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_sigaction, SIGUSR2, 0, 8), FBSD_EFAULT);
}

static void test_sigaltstack(void)
{
	static char stack[65536];
	stack_t ss, old;

	memset(&old, 0x55, sizeof(old));
	CHECK_EQ(sys(FBSD_SYS_sigaltstack, 0, &old), 0);
	CHECK_EQ(old.flags, SS_DISABLE);

	ss.sp = (unsigned long)stack;
	ss.size = sizeof(stack);
	ss.flags = 0;
	CHECK_EQ(sys(FBSD_SYS_sigaltstack, &ss, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_sigaltstack, 0, &old), 0);
	CHECK_EQ(old.sp, (unsigned long)stack);
	CHECK_EQ(old.size, sizeof(stack));
	CHECK_EQ(old.flags, 0);

	ss.size = 4095;         /* < MINSIGSTKSZ (4096 on arm64) */
	CHECK_ERR(sys(FBSD_SYS_sigaltstack, &ss, &old), FBSD_ENOMEM);
	ss.size = 4096;
	ss.flags = SS_ONSTACK;
	CHECK_ERR(sys(FBSD_SYS_sigaltstack, &ss, 0), FBSD_EINVAL);
	ss.flags = 0x100;
	CHECK_ERR(sys(FBSD_SYS_sigaltstack, &ss, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sigaltstack, 8, 0), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_sigaltstack, 0, 8), FBSD_EFAULT);

	/* Disabling keeps the old numbers and reports SS_DISABLE. */
	ss.flags = SS_DISABLE;
	ss.size = 0;            /* size is not checked when disabling */
	CHECK_EQ(sys(FBSD_SYS_sigaltstack, &ss, &old), 0);
	CHECK_EQ(old.flags, 0);
	CHECK_EQ(old.size, sizeof(stack));
	CHECK_EQ(sys(FBSD_SYS_sigaltstack, 0, &old), 0);
	CHECK_EQ(old.flags, SS_DISABLE);
	CHECK_EQ(old.sp, (unsigned long)stack);
}

int main(int argc, char **argv, char **envp)
{
	test_sigprocmask();
	test_sigaction();
	test_sigaltstack();
	return 0;
}
