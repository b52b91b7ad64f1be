#include "os/freebsd/trap.h"

#include <inttypes.h>

#include "log.h"
#include "mem/mem.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/syscall.h"

/* FreeBSD signal numbers and si_codes used here (sys/signal.h). */
#define FBSD_SIGILL 4
#define FBSD_SIGTRAP 5
#define FBSD_SIGBUS 10
#define FBSD_SIGSEGV 11
#define FBSD_SIGSYS 12
#define FBSD_SIG_IGN 1
#define FBSD_ILL_ILLOPC 1
#define FBSD_ILL_ILLOPN 2
#define FBSD_TRAP_BRKPT 1
#define FBSD_SEGV_MAPERR 1
#define FBSD_SEGV_ACCERR 2
#define FBSD_BUS_ADRALN 1
#define FBSD_BUS_ADRERR 2
#define FBSD_SI_KERNEL 0x10006

static const char *code_name(int sig, int code)
{
	switch (sig) {
	case FBSD_SIGSEGV:
		return code == FBSD_SEGV_MAPERR ? "SEGV_MAPERR" : "SEGV_ACCERR";
	case FBSD_SIGBUS:
		return code == FBSD_BUS_ADRALN ? "BUS_ADRALN" : "BUS_ADRERR";
	case FBSD_SIGILL:
		return code == FBSD_ILL_ILLOPN ? "ILL_ILLOPN" : "ILL_ILLOPC";
	case FBSD_SIGTRAP:
		return "TRAP_BRKPT";
	default:
		return "SI_KERNEL";
	}
}

void fbsd_trapsignal(struct fbsd_thread *td, int sig, int code, uint64_t addr)
{
	uint64_t h = fbsd_sig_handler(sig);

	/* A synchronous fault cannot be ignored: FreeBSD's trapsignal() resets
	 * an ignored or blocked fault signal to its default action. */
	log_msg("guest %s (%s) at pc %#" PRIx64 ", address %#" PRIx64 "%s",
		fbsd_signame(sig), code_name(sig, code), td->cpu.pc, addr,
		h > FBSD_SIG_IGN ? "; the guest has a handler, but signal delivery is not implemented yet" : "");
	fbsd_report_flush();
	fbsd_signal_exit(sig);
}

void fbsd_trap_nosys(struct fbsd_thread *td)
{
	uint64_t h = fbsd_sig_handler(FBSD_SIGSYS);

	if (h == FBSD_SIG_IGN)
		return;
	if (h != 0)
		log_msg("the guest has a SIGSYS handler, but signal delivery is not implemented yet");
	fbsd_report_flush();
	fbsd_signal_exit(FBSD_SIGSYS);
}

static void handle_fault(struct fbsd_thread *td)
{
	struct a64_cpu *cpu = &td->cpu;
	int sig = FBSD_SIGSEGV, code;

	if (cpu->fault_sig == A64_FAULT_SIGBUS) {
		sig = FBSD_SIGBUS;
		code = cpu->exit_code == A64_BUS_ADRALN ? FBSD_BUS_ADRALN : FBSD_BUS_ADRERR;
	} else if (cpu->exit_code == A64_SEGV_MAPERR || cpu->exit_code == A64_SEGV_ACCERR) {
		code = cpu->exit_code == A64_SEGV_MAPERR ? FBSD_SEGV_MAPERR : FBSD_SEGV_ACCERR;
	} else {
		/* The host MMU trapped: the mapping table tells unmapped from
		 * protected, as the FreeBSD VM would. */
		code = mem_prot_at(cpu->fault_addr) < 0 ? FBSD_SEGV_MAPERR : FBSD_SEGV_ACCERR;
	}
	fbsd_trapsignal(td, sig, code, cpu->fault_addr);
}

_Noreturn void fbsd_cpu_loop(struct fbsd_thread *td)
{
	struct a64_cpu *cpu = &td->cpu;

	for (;;) {
		switch (a64_run(cpu)) {
		case A64_EXIT_SVC:
			if (cpu->exit_info != 0) {
				/* FreeBSD 14+ rejects svc with a non-zero immediate. */
				cpu->pc -= 4;
				fbsd_trapsignal(td, FBSD_SIGILL, FBSD_ILL_ILLOPN, cpu->pc);
				break;
			}
			fbsd_syscall(td);
			break;
		case A64_EXIT_UNDEF:
			fbsd_trapsignal(td, FBSD_SIGILL,
					cpu->exit_code == A64_ILL_ILLOPN ? FBSD_ILL_ILLOPN : FBSD_ILL_ILLOPC,
					cpu->pc);
			break;
		case A64_EXIT_BRK:
			fbsd_trapsignal(td, FBSD_SIGTRAP, FBSD_TRAP_BRKPT, cpu->pc);
			break;
		case A64_EXIT_FAULT:
			handle_fault(td);
			break;
		case A64_EXIT_INTERRUPT:
			cpu->interrupt = 0;
			break;
		default:
			log_bug("CPU core returned unknown exit reason %d", cpu->exit_reason);
		}
	}
}
