// EXPECT-STDERR: unimplemented FreeBSD syscall 304 kldload
/* Synchronous signals caught by handlers: SIGSEGV on a PROT_NONE page with
 * si_addr/si_code, resumed by rewriting gp_elr (Go's pattern); SIGILL with
 * si_addr = pc; SIGTRAP from brk; SIGSYS for an unimplemented syscall,
 * which still returns ENOSYS after the handler. */
#include "sig_defs.h"

static volatile int hits;
static volatile siginfo_t h_si;
static volatile unsigned long h_pc;

static void skip_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	hits++;
	h_si = *si;
	h_pc = uc->mc.gp.elr;
	uc->mc.gp.elr += 4;     /* step over the faulting instruction */
}

static void test_segv(void)
{
	long a = sys(FBSD_SYS_mmap, 0, 8192, 0 /* PROT_NONE */, 0x1002, -1, 0);
	unsigned long addr = (unsigned long)a + 4096 + 24;
	long val = 7;

	CHECK(a > 0);
	CHECK_EQ(set_action(SIGSEGV, skip_handler, SA_SIGINFO, (sigset_t){ { 0 } }), 0);
	hits = 0;
	/* A single load instruction; the handler skips it, val keeps 7. */
	__asm__ volatile("ldr %0, [%1]" : "+r"(val) : "r"(addr) : "memory");
	CHECK_EQ(hits, 1);
	CHECK_EQ(val, 7);
	CHECK_EQ(h_si.signo, SIGSEGV);
	CHECK_EQ(h_si.code, SEGV_ACCERR);
	CHECK_EQ(h_si.addr, addr);
	/* An unmapped page: SEGV_MAPERR. */
	CHECK_EQ(sys(FBSD_SYS_munmap, a, 8192), 0);
	__asm__ volatile("str %0, [%1]" : : "r"(val), "r"(addr) : "memory");
	CHECK_EQ(hits, 2);
	CHECK_EQ(h_si.code, SEGV_MAPERR);
	CHECK_EQ(h_si.addr, addr);
	CHECK_EQ(set_action(SIGSEGV, (void *)SIG_DFL, 0, (sigset_t){ { 0 } }), 0);
}

static void test_ill_trap(void)
{
	unsigned long pc;

	CHECK_EQ(set_action(SIGILL, skip_handler, SA_SIGINFO, (sigset_t){ { 0 } }), 0);
	hits = 0;
	__asm__ volatile("adr %0, 1f\n1: .inst 0x00000000" : "=r"(pc));   /* udf #0 */
	CHECK_EQ(hits, 1);
	CHECK_EQ(h_si.signo, SIGILL);
	CHECK_EQ(h_si.code, ILL_ILLOPC);
	CHECK_EQ(h_si.addr, pc);
	CHECK_EQ(h_pc, pc);

	CHECK_EQ(set_action(SIGTRAP, skip_handler, SA_SIGINFO, (sigset_t){ { 0 } }), 0);
	__asm__ volatile("adr %0, 1f\n1: brk #0x7" : "=r"(pc));
	CHECK_EQ(hits, 2);
	CHECK_EQ(h_si.signo, SIGTRAP);
	CHECK_EQ(h_si.code, TRAP_BRKPT);
	CHECK_EQ(h_pc, pc);
}

static volatile int sys_hits;
static volatile siginfo_t sys_si;

static void sys_handler(int sig, siginfo_t *si, void *uc)
{
	sys_hits++;
	sys_si = *si;
}

static void test_sigsys(void)
{
	CHECK_EQ(set_action(SIGSYS, sys_handler, SA_SIGINFO, (sigset_t){ { 0 } }), 0);
	CHECK_ERR(sys(FBSD_SYS_kldload, "x.ko"), FBSD_ENOSYS);
	CHECK_EQ(sys_hits, 1);
	CHECK_EQ(sys_si.signo, SIGSYS);
	CHECK_EQ(sys_si.code, SI_KERNEL);
	CHECK_ERR(sys(1000), FBSD_ENOSYS);
	CHECK_EQ(sys_hits, 2);
}

int main(int argc, char **argv, char **envp)
{
	test_segv();
	test_ill_trap();
	test_sigsys();
	return 0;
}
