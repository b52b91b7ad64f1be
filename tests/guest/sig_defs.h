/* FreeBSD/arm64 signal types for the freestanding signal tests
 * (ABI-NOTES 5.2-5.5), and a few helpers. */
#ifndef SIG_DEFS_H
#define SIG_DEFS_H

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
typedef struct {
	int signo, err, code, pid;
	unsigned uid;
	int status;
	unsigned long addr;
	unsigned long value;
	long reason[5];
} siginfo_t;
struct gpregs {
	unsigned long x[30];
	unsigned long lr, sp, elr, spsr;
};
struct fpregs {
	__uint128_t q[32];
	unsigned sr, cr, flags, pad;
};
typedef struct {
	struct gpregs gp;
	struct fpregs fp;
	int mc_flags, mc_pad;
	unsigned long mc_spare[8];
} mcontext_t;
typedef struct {
	sigset_t sigmask;
	mcontext_t mc;
	unsigned long link;
	stack_t stack;
	int flags;
	int spare[4];
} ucontext_t;
struct timespec { long sec, nsec; };
struct timeval { long sec, usec; };
struct itimerval { struct timeval interval, value; };

_Static_assert(sizeof(siginfo_t) == 80, "siginfo_t");
_Static_assert(sizeof(ucontext_t) == 960, "ucontext_t");
_Static_assert(__builtin_offsetof(ucontext_t, stack) == 904, "uc_stack");

#define SIG_DFL 0
#define SIG_IGN 1
#define SIG_BLOCK 1
#define SIG_UNBLOCK 2
#define SIG_SETMASK 3
#define SIGHUP 1
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGKILL 9
#define SIGBUS 10
#define SIGSEGV 11
#define SIGSYS 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGURG 16
#define SIGCHLD 20
#define SIGUSR1 30
#define SIGUSR2 31
#define SA_ONSTACK 0x1
#define SA_RESTART 0x2
#define SA_RESETHAND 0x4
#define SA_NODEFER 0x10
#define SA_SIGINFO 0x40
#define SS_ONSTACK 1
#define SS_DISABLE 4
#define SI_USER 0x10001
#define SI_QUEUE 0x10002
#define SI_KERNEL 0x10006
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define ILL_ILLOPC 1
#define TRAP_BRKPT 1
#define MC_FP_VALID 1
#define ITIMER_REAL 0

static inline void sigadd(sigset_t *s, int sig) { s->bits[(sig - 1) / 32] |= 1u << ((sig - 1) % 32); }
static inline int sigis(const sigset_t *s, int sig) { return (s->bits[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1; }
static inline sigset_t sigone(int sig) { sigset_t s = { { 0, 0, 0, 0 } }; sigadd(&s, sig); return s; }

static inline long set_action(int sig, void *fn, int flags, sigset_t mask)
{
	struct sigaction a = { (unsigned long)fn, flags, mask };
	return sys(FBSD_SYS_sigaction, sig, &a, 0);
}

static inline long mask_op(int how, sigset_t set)
{
	return sys(FBSD_SYS_sigprocmask, how, &set, 0);
}

static inline sigset_t cur_mask(void)
{
	sigset_t s;
	sys(FBSD_SYS_sigprocmask, SIG_BLOCK, 0, &s);
	return s;
}

static inline long kill_self(int sig)
{
	return sys(FBSD_SYS_kill, sys(FBSD_SYS_getpid), sig);
}

static inline unsigned long get_sp(void)
{
	unsigned long sp;
	__asm__ volatile("mov %0, sp" : "=r"(sp));
	return sp;
}

#endif
