#include "host/fault.h"

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpu/aarch64/cpu.h"
#include "mem/mem.h"

#define ALTSTACK_SIZE (64 * 1024)

static void say(const char *s)
{
	ssize_t r = write(2, s, strlen(s));
	(void)r;
}

static void hex(char *out, uintptr_t v)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[17];
	int n = 0;
	do {
		tmp[n++] = digits[v & 15];
		v >>= 4;
	} while (v);
	*out++ = '0';
	*out++ = 'x';
	while (n)
		*out++ = tmp[--n];
	*out = 0;
}

void (*host_fault_user_signal)(int sig, siginfo_t *si, void *uc);

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	struct a64_cpu *cpu = a64_running;
	uint8_t *a = si->si_addr;
	char buf[32];

	/* kill(), tgkill(), sigqueue(): a signal like any other. */
	if (si->si_code <= 0 && host_fault_user_signal) {
		host_fault_user_signal(sig, si, uc);
		return;
	}
	/* Only an access by the running guest core to the guest space is the
	 * guest's fault; the core unwinds and classifies it. */
	if (cpu && a >= guest_base && a < guest_base + guest_limit)
		a64_host_fault(cpu, h2g(a), sig == SIGBUS, 0);

	say("bsdemu: internal error: host ");
	say(sig == SIGBUS ? "SIGBUS" : "SIGSEGV");
	say(" at address ");
	hex(buf, (uintptr_t)a);
	say(buf);
	say(" (a bug in bsdemu, please report it)\n");
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

/* Lives as long as its thread; kept here so it is never lost. */
static __thread void *altstack;

int host_fault_thread_init(void)
{
	stack_t ss = { .ss_size = ALTSTACK_SIZE, .ss_flags = 0 };

	if (!altstack)
		altstack = malloc(ALTSTACK_SIZE);
	if (!altstack)
		return -1;
	ss.ss_sp = altstack;
	return sigaltstack(&ss, NULL);
}

void host_fault_thread_exit(void)
{
	stack_t off = { .ss_flags = SS_DISABLE };

	/* Off first: a signal must never land on freed memory. */
	sigaltstack(&off, NULL);
	free(altstack);
	altstack = NULL;
}

int host_fault_init(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	/* SA_NODEFER: the core leaves the handler with siglongjmp and no mask
	 * restore, so the signal must not stay blocked. */
	sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	if (host_fault_thread_init() < 0 || sigaction(SIGSEGV, &sa, NULL) < 0 ||
	    sigaction(SIGBUS, &sa, NULL) < 0)
		return -1;
	return 0;
}
