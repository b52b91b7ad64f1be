#include "os/freebsd/trap.h"

#include <inttypes.h>
#include <string.h>

#include "log.h"
#include "mem/mem.h"
#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/syscall.h"

/* arm64 exception classes FreeBSD puts in si_trapno (armreg.h). */
#define FBSD_EXCP_UNKNOWN 0x00
#define FBSD_EXCP_SVC64 0x15
#define FBSD_EXCP_INSN_ABORT_L 0x20
#define FBSD_EXCP_DATA_ABORT_L 0x24
#define FBSD_EXCP_BRK 0x3c

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

void fbsd_trapsignal(struct fbsd_thread *td, int sig, int code, uint64_t addr, int trapno)
{
	uint64_t h = fbsd_sig_handler(sig);
	struct fbsd_siginfo si;

	memset(&si, 0, sizeof(si));
	si.signo = sig;
	si.code = code;
	si.addr = addr;
	si.reason.trapno = trapno;
	if (h > FBSD_SIG_IGN && !fbsd_sigismember(&td->sigmask, sig)) {
		fbsd_signal_postsig(td, sig, &si);
		return;
	}
	/* A synchronous fault cannot be ignored or blocked: FreeBSD's
	 * trapsignal() resets it to the default action, which kills. */
	log_msg("guest %s (%s) at pc %#" PRIx64 ", address %#" PRIx64 "%s",
		fbsd_signame(sig), code_name(sig, code), td->cpu.pc, addr,
		h > FBSD_SIG_IGN ? " (blocked, so the handler cannot run)" : "");
	fbsd_signal_die(sig);
}

void fbsd_trap_nosys(struct fbsd_thread *td)
{
	struct fbsd_siginfo si;

	/* nosys(): tdsignal(td, SIGSYS), an ordinary thread signal. */
	memset(&si, 0, sizeof(si));
	si.signo = FBSD_SIGSYS;
	si.code = FBSD_SI_KERNEL;
	si.pid = 0;
	fbsd_signal_send_thread(td, FBSD_SIGSYS, &si);
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
	fbsd_trapsignal(td, sig, code, cpu->fault_addr,
			cpu->fault_addr == cpu->pc ? FBSD_EXCP_INSN_ABORT_L : FBSD_EXCP_DATA_ABORT_L);
}

_Noreturn void fbsd_cpu_loop(struct fbsd_thread *td)
{
	struct a64_cpu *cpu = &td->cpu;

	fbsd_signal_thread_init(td);
	for (;;) {
		switch (a64_run(cpu)) {
		case A64_EXIT_SVC:
			if (cpu->exit_info != 0) {
				/* FreeBSD 14+ rejects svc with a non-zero immediate. */
				cpu->pc -= 4;
				fbsd_trapsignal(td, FBSD_SIGILL, FBSD_ILL_ILLOPN, cpu->pc,
						FBSD_EXCP_SVC64);
				break;
			}
			if (fbsd_signal_check_needed(td)) {
				/* A signal came before the svc: it goes first, and
				 * the svc runs after the handler returns. */
				cpu->pc -= 4;
				break;
			}
			fbsd_syscall(td);
			break;
		case A64_EXIT_UNDEF:
			fbsd_trapsignal(td, FBSD_SIGILL,
					cpu->exit_code == A64_ILL_ILLOPN ? FBSD_ILL_ILLOPN : FBSD_ILL_ILLOPC,
					cpu->pc, FBSD_EXCP_UNKNOWN);
			break;
		case A64_EXIT_BRK:
			fbsd_trapsignal(td, FBSD_SIGTRAP, FBSD_TRAP_BRKPT, cpu->pc, FBSD_EXCP_BRK);
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
		/* ast(): the safe point for pending signals. */
		if (fbsd_signal_check_needed(td))
			fbsd_signal_deliver(td);
	}
}
