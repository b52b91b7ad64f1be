/* Signals and blocking calls: setitimer/getitimer + SIGALRM, nanosleep
 * interrupted (EINTR + remaining time), a pipe read interrupted with and
 * without SA_RESTART, sigsuspend, sigtimedwait/sigwaitinfo/sigwait, and
 * real-time signals queued one siginfo per sigqueue. */
#include "sig_defs.h"

static volatile int hits, last_sig;
static int pfd[2];
static volatile int feed_pipe;

static void alrm_handler(int sig)
{
	hits++;
	last_sig = sig;
	if (feed_pipe)
		sys(FBSD_SYS_write, pfd[1], "z", 1);
}

static void arm_ms(long ms)
{
	struct itimerval it = { { 0, 0 }, { ms / 1000, (ms % 1000) * 1000 } };
	CHECK_EQ(sys(FBSD_SYS_setitimer, ITIMER_REAL, &it, 0), 0);
}

static void test_itimer(void)
{
	struct itimerval it = { { 0, 0 }, { 5, 0 } }, old;
	struct timespec ts = { 2, 0 };

	CHECK_EQ(set_action(SIGALRM, alrm_handler, 0, (sigset_t){ { 0 } }), 0);
	/* getitimer/setitimer round trip and errors. */
	CHECK_EQ(sys(FBSD_SYS_setitimer, ITIMER_REAL, &it, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_getitimer, ITIMER_REAL, &old), 0);
	CHECK(old.value.sec >= 4 && old.value.sec <= 5);
	it.value.sec = 0;
	CHECK_EQ(sys(FBSD_SYS_setitimer, ITIMER_REAL, &it, &old), 0);
	CHECK(old.value.sec >= 4);
	CHECK_ERR(sys(FBSD_SYS_setitimer, 3, &it, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getitimer, -1, &old), FBSD_EINVAL);
	it.value.usec = 1000000;
	CHECK_ERR(sys(FBSD_SYS_setitimer, ITIMER_REAL, &it, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getitimer, ITIMER_REAL, 8), FBSD_EFAULT);

	/* SIGALRM interrupts nanosleep: EINTR, the rest is reported. */
	hits = 0;
	arm_ms(50);
	struct timespec rem = { -1, -1 };
	CHECK_ERR(sys(FBSD_SYS_nanosleep, &ts, &rem), FBSD_EINTR);
	CHECK_EQ(hits, 1);
	CHECK_EQ(last_sig, SIGALRM);
	CHECK(rem.sec == 1 || rem.sec == 2);
	CHECK(rem.nsec >= 0 && rem.nsec < 1000000000);

	/* Even with SA_RESTART, nanosleep is not restarted. */
	CHECK_EQ(set_action(SIGALRM, alrm_handler, SA_RESTART, (sigset_t){ { 0 } }), 0);
	arm_ms(30);
	CHECK_ERR(sys(FBSD_SYS_nanosleep, &ts, 0), FBSD_EINTR);
	CHECK_EQ(hits, 2);
}

static void test_read_restart(void)
{
	char c = 0;

	CHECK_EQ(sys(FBSD_SYS_pipe2, pfd, 0), 0);
	/* No SA_RESTART: the blocked read fails with EINTR. */
	CHECK_EQ(set_action(SIGALRM, alrm_handler, 0, (sigset_t){ { 0 } }), 0);
	hits = 0;
	feed_pipe = 0;
	arm_ms(30);
	CHECK_ERR(sys(FBSD_SYS_read, pfd[0], &c, 1), FBSD_EINTR);
	CHECK_EQ(hits, 1);
	/* SA_RESTART: the read runs again after the handler, which writes
	 * the byte it then returns. */
	CHECK_EQ(set_action(SIGALRM, alrm_handler, SA_RESTART, (sigset_t){ { 0 } }), 0);
	feed_pipe = 1;
	arm_ms(30);
	CHECK_EQ(sys(FBSD_SYS_read, pfd[0], &c, 1), 1);
	CHECK_EQ(c, 'z');
	CHECK_EQ(hits, 2);
	feed_pipe = 0;
}

static volatile sigset_t in_handler_mask;

static void usr_handler(int sig)
{
	hits++;
	last_sig = sig;
	in_handler_mask = cur_mask();
}

static void test_sigsuspend(void)
{
	sigset_t m = sigone(SIGUSR2), none = { { 0 } };

	CHECK_EQ(set_action(SIGALRM, usr_handler, 0, (sigset_t){ { 0 } }), 0);
	CHECK_EQ(mask_op(SIG_SETMASK, sigone(SIGALRM)), 0);
	hits = 0;
	arm_ms(30);
	/* Waits with SIGALRM unblocked, SIGUSR2 blocked; EINTR after the
	 * handler, the old mask (SIGALRM blocked) back. */
	CHECK_ERR(sys(FBSD_SYS_sigsuspend, &m), FBSD_EINTR);
	CHECK_EQ(hits, 1);
	CHECK(sigis((sigset_t *)&in_handler_mask, SIGUSR2));
	CHECK(sigis((sigset_t *)&in_handler_mask, SIGALRM));
	m = cur_mask();
	CHECK(sigis(&m, SIGALRM));
	CHECK(!sigis(&m, SIGUSR2));
	/* A signal already pending ends it at once. */
	CHECK_EQ(kill_self(SIGALRM), 0);
	CHECK_EQ(hits, 1);
	CHECK_ERR(sys(FBSD_SYS_sigsuspend, &none), FBSD_EINTR);
	CHECK_EQ(hits, 2);
	CHECK_ERR(sys(FBSD_SYS_sigsuspend, 8), FBSD_EFAULT);
	CHECK_EQ(mask_op(SIG_SETMASK, none), 0);
}

static void test_sigtimedwait(void)
{
	sigset_t set = sigone(SIGUSR1), none = { { 0 } };
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	siginfo_t si;
	int got = 0;

	CHECK_EQ(set_action(SIGUSR1, usr_handler, 0, (sigset_t){ { 0 } }), 0);
	sigadd(&set, 100);
	CHECK_EQ(mask_op(SIG_BLOCK, set), 0);
	hits = 0;
	/* Nothing pending: EAGAIN after the timeout. */
	CHECK_ERR(sys(FBSD_SYS_sigtimedwait, &set, &si, &ts), FBSD_EAGAIN);
	ts.sec = 0;
	ts.nsec = 0;
	CHECK_ERR(sys(FBSD_SYS_sigtimedwait, &set, &si, &ts), FBSD_EAGAIN);
	ts.nsec = 1000000000;
	CHECK_ERR(sys(FBSD_SYS_sigtimedwait, &set, &si, &ts), FBSD_EINVAL);
	ts.nsec = 0;
	/* Pending: taken, with its siginfo, and no handler runs. */
	CHECK_EQ(kill_self(SIGUSR1), 0);
	memset(&si, 0, sizeof(si));
	CHECK_EQ(sys(FBSD_SYS_sigtimedwait, &set, &si, &ts), SIGUSR1);
	CHECK_EQ(si.signo, SIGUSR1);
	CHECK_EQ(si.code, SI_USER);
	CHECK_EQ(si.pid, sys(FBSD_SYS_getpid));
	CHECK_EQ(hits, 0);
	/* sigwaitinfo: a signal without a host twin, kept by bsdemu. */
	CHECK_EQ(kill_self(100), 0);
	CHECK_EQ(sys(FBSD_SYS_sigwaitinfo, &set, &si), 100);
	CHECK_EQ(si.signo, 100);
	/* sigwait returns 0 and stores the number. */
	CHECK_EQ(sys(FBSD_SYS_sigqueue, sys(FBSD_SYS_getpid), SIGUSR1, 5), 0);
	CHECK_EQ(sys(FBSD_SYS_sigwait, &set, &got), 0);
	CHECK_EQ(got, SIGUSR1);
	CHECK_EQ(sys(FBSD_SYS_sigwait, 8, &got), FBSD_EFAULT);
	/* A timer signal caught while waiting for others: EINTR. */
	CHECK_EQ(set_action(SIGALRM, alrm_handler, SA_RESTART, (sigset_t){ { 0 } }), 0);
	CHECK_EQ(mask_op(SIG_UNBLOCK, sigone(SIGALRM)), 0);
	arm_ms(30);
	CHECK_ERR(sys(FBSD_SYS_sigwaitinfo, &set, &si), FBSD_EINTR);
	CHECK_EQ(hits, 1);
	CHECK_EQ(mask_op(SIG_SETMASK, none), 0);
}

/* Real-time signals queue one siginfo per sigqueue; others merge. */
static void take(sigset_t *set, int want_sig, long want_value)
{
	struct timespec ts = { 0, 0 };
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	CHECK_EQ(sys(FBSD_SYS_sigtimedwait, set, &si, &ts), want_sig);
	CHECK_EQ(si.signo, want_sig);
	if (want_value >= 0) {
		CHECK_EQ(si.code, SI_QUEUE);
		CHECK_EQ((long)si.value, want_value);
	}
}

static void test_rt_queue(void)
{
	sigset_t set = sigone(SIGUSR1), pend, none = { { 0 } };
	struct timespec ts = { 0, 0 };
	siginfo_t si;
	long pid = sys(FBSD_SYS_getpid);

	sigadd(&set, 65);       /* SIGRTMIN: a host real-time twin */
	sigadd(&set, 100);      /* no host twin: kept by bsdemu alone */
	CHECK_EQ(mask_op(SIG_BLOCK, set), 0);
	for (long v = 1; v <= 3; v++)
		CHECK_EQ(sys(FBSD_SYS_sigqueue, pid, 65, v), 0);
	CHECK_EQ(sys(FBSD_SYS_sigqueue, pid, 100, 7), 0);
	CHECK_EQ(sys(FBSD_SYS_sigqueue, pid, 100, 8), 0);
	CHECK_EQ(sys(FBSD_SYS_sigqueue, pid, SIGUSR1, 4), 0);
	CHECK_EQ(sys(FBSD_SYS_sigqueue, pid, SIGUSR1, 5), 0);
	CHECK_EQ(sys(FBSD_SYS_sigpending, &pend), 0);
	CHECK(sigis(&pend, 65) && sigis(&pend, 100) && sigis(&pend, SIGUSR1));
	/* lowest number first; each queued instance in order, with its value */
	take(&set, SIGUSR1, 4);
	take(&set, 65, 1);
	take(&set, 65, 2);
	CHECK_EQ(sys(FBSD_SYS_sigpending, &pend), 0);
	CHECK(sigis(&pend, 65));
	take(&set, 65, 3);
	take(&set, 100, 7);
	take(&set, 100, 8);
	/* SIGUSR1 was pending once only */
	CHECK_ERR(sys(FBSD_SYS_sigtimedwait, &set, &si, &ts), FBSD_EAGAIN);
	/* Ignoring a signal discards every queued instance. */
	CHECK_EQ(sys(FBSD_SYS_sigqueue, pid, 65, 1), 0);
	CHECK_EQ(sys(FBSD_SYS_sigqueue, pid, 65, 2), 0);
	CHECK_EQ(set_action(65, (void *)SIG_IGN, 0, none), 0);
	CHECK_EQ(set_action(65, (void *)0, 0, none), 0);
	CHECK_ERR(sys(FBSD_SYS_sigtimedwait, &set, &si, &ts), FBSD_EAGAIN);
	CHECK_EQ(mask_op(SIG_SETMASK, none), 0);
}

int main(int argc, char **argv, char **envp)
{
	test_itimer();
	test_read_restart();
	test_sigsuspend();
	test_sigtimedwait();
	test_rt_queue();
	return 0;
}
