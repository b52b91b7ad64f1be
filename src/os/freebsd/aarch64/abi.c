/* FreeBSD/arm64 syscall register conventions (sys/arm64/arm64/trap.c,
 * cpu_fetch_syscall_args and cpu_set_syscall_retval):
 *   number in x8, arguments in x0..x7; for syscall(0)/__syscall(198) the
 *   number is in x0 and the arguments in x1..x7;
 *   success: x0 = retval[0], x1 = retval[1], C clear;
 *   error:   x0 = positive errno, C set;
 *   ERESTART: pc back onto the svc so it runs again;
 *   EJUSTRETURN: registers untouched (sigreturn, setcontext). */
#include "os/freebsd/aarch64/abi.h"

#include <string.h>

#include "os/freebsd/syscall.h"

#define FBSD_SYS_syscall_mux 0
#define FBSD_SYS___syscall_mux 198

uint64_t fbsd_arch_fetch_syscall(struct fbsd_thread *td, uint64_t args[8])
{
	const uint64_t *x = td->cpu.r;
	uint64_t nr = x[8];

	if (nr == FBSD_SYS_syscall_mux || nr == FBSD_SYS___syscall_mux) {
		/* syscall(int) takes the low 32 bits, __syscall(int64_t) all 64. */
		nr = nr == FBSD_SYS_syscall_mux ? (uint32_t)x[0] : x[0];
		memcpy(args, &x[1], 7 * sizeof(uint64_t));
		args[7] = 0;
	} else {
		memcpy(args, x, 8 * sizeof(uint64_t));
	}
	return nr;
}

void fbsd_arch_set_syscall_result(struct fbsd_thread *td, int error)
{
	struct a64_cpu *cpu = &td->cpu;

	switch (error) {
	case 0:
		cpu->r[0] = td->retval[0];
		cpu->r[1] = td->retval[1];
		cpu->cf = 0;
		break;
	case FBSD_ERESTART:
		cpu->pc -= 4;
		break;
	case FBSD_EJUSTRETURN:
		break;
	default:
		cpu->r[0] = (uint64_t)error;
		cpu->cf = 1;
		break;
	}
}

void fbsd_arch_set_entry(struct fbsd_thread *td, uint64_t pc, uint64_t sp, uint64_t x0)
{
	struct a64_cpu *cpu = &td->cpu;

	/* exec_setregs: a zeroed frame, then x0 = &argc, sp, lr = elr = entry. */
	memset(cpu->r, 0, sizeof(cpu->r));
	a64_set_nzcv(cpu, 0);
	cpu->r[0] = x0;
	cpu->r[30] = pc;
	cpu->r[A64_SP] = sp;
	cpu->pc = pc;
	cpu->tpidr_el0 = 0;
	cpu->tpidrro_el0 = 0;
}
