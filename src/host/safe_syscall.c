/* host_safe_syscall (see safe_syscall.h).  x86-64 System V in, Linux
 * syscall convention out:
 *   in:  rdi = flag, rsi = nr, rdx, rcx, r8, r9 = a1..a4, stack = a5, a6
 *   out: rax = nr, rdi, rsi, rdx, r10, r8, r9 = a1..a6 */
#include "host/safe_syscall.h"

#include <signal.h>
#include <stdint.h>
#include <ucontext.h>

#if !defined(__x86_64__) || !defined(__linux__)
#error "host_safe_syscall is written for x86-64 Linux"
#endif

__asm__(
	".text\n"
	".globl host_safe_syscall\n"
	".type host_safe_syscall, @function\n"
	"host_safe_syscall:\n"
	"	.cfi_startproc\n"
	"	pushq %rbp\n"
	"	.cfi_adjust_cfa_offset 8\n"
	"	.cfi_rel_offset %rbp, 0\n"
	"	movq %rdi, %rbp\n"
	"	movq %rsi, %rax\n"
	"	movq %rdx, %rdi\n"
	"	movq %rcx, %rsi\n"
	"	movq %r8, %rdx\n"
	"	movq %r9, %r10\n"
	"	movq 16(%rsp), %r8\n"
	"	movq 24(%rsp), %r9\n"
	".globl bsdemu_safe_syscall_start\n"
	"bsdemu_safe_syscall_start:\n"
	"	cmpl $0, (%rbp)\n"
	"	jne bsdemu_safe_syscall_cancel\n"
	"	syscall\n"
	".globl bsdemu_safe_syscall_end\n"
	"bsdemu_safe_syscall_end:\n"
	"	popq %rbp\n"
	"	.cfi_adjust_cfa_offset -8\n"
	"	.cfi_restore %rbp\n"
	"	ret\n"
	"	.cfi_adjust_cfa_offset 8\n"
	"	.cfi_rel_offset %rbp, 0\n"
	".globl bsdemu_safe_syscall_cancel\n"
	"bsdemu_safe_syscall_cancel:\n"
	"	movq $-4, %rax\n"          /* -EINTR */
	"	popq %rbp\n"
	"	.cfi_adjust_cfa_offset -8\n"
	"	.cfi_restore %rbp\n"
	"	ret\n"
	"	.cfi_endproc\n"
	".size host_safe_syscall, .-host_safe_syscall\n");

extern const char bsdemu_safe_syscall_start[], bsdemu_safe_syscall_end[],
	bsdemu_safe_syscall_cancel[];

void host_safe_syscall_rewind(void *uc)
{
	ucontext_t *u = uc;
	uintptr_t ip = (uintptr_t)u->uc_mcontext.gregs[REG_RIP];

	/* [start, end): the flag test up to and including the `syscall`
	 * instruction itself (a kernel restart with ERESTARTNOINTR also
	 * leaves ip on it).  At end, the call has run: keep its result. */
	if (ip >= (uintptr_t)bsdemu_safe_syscall_start &&
	    ip < (uintptr_t)bsdemu_safe_syscall_end)
		u->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)bsdemu_safe_syscall_cancel;
}
