/* The ucontext is the interrupted state, and sigreturn restores all of
 * it: a handler that rewrites general registers, NZCV and a q register sees its
 * values in the interrupted code (x0, x1, x19, x28 stand for all).  getcontext/setcontext round trip; swapcontext;
 * sigreturn's spsr checks. */
#include "sig_defs.h"

static volatile unsigned long seen_x19, seen_spsr;
static volatile __uint128_t seen_q8;
static volatile int seen_fpvalid;

static void edit_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	seen_x19 = uc->mc.gp.x[19];
	seen_spsr = uc->mc.gp.spsr;
	seen_q8 = uc->mc.fp.q[8];
	seen_fpvalid = uc->mc.mc_flags & MC_FP_VALID;
	uc->mc.gp.x[0] = 0x1000;
	uc->mc.gp.x[1] = 0x1001;
	uc->mc.gp.x[19] = 0x1000 + 19;
	uc->mc.gp.x[28] = 0x1000 + 28;
	uc->mc.gp.spsr = (uc->mc.gp.spsr & ~0xf0000000ul) | 0x90000000ul; /* N, V */
	uc->mc.fp.q[8] = ((__uint128_t)0x0123456789abcdefull << 64) | 0xfedcba9876543210ull;
}

static void test_edit_registers(void)
{
	unsigned long r0, r1, r19, r28, nzcv, pid = sys(FBSD_SYS_getpid);
	unsigned long q8lo, q8hi;

	CHECK_EQ(set_action(SIGUSR1, edit_handler, SA_SIGINFO, (sigset_t){ { 0 } }), 0);
	__asm__ volatile(
		"mov x19, #0x77\n"
		"movi v8.2d, #0\n"
		"mov x0, %[pid]\n"
		"mov x1, #30\n"          /* SIGUSR1 */
		"mov x8, #37\n"          /* kill */
		"cmp xzr, xzr\n"         /* Z, C set before the svc */
		"svc #0\n"
		"mrs %[nzcv], nzcv\n"
		"mov %[r0], x0\n"
		"mov %[r1], x1\n"
		"mov %[r19], x19\n"
		"mov %[r28], x28\n"
		"mov %[lo], v8.d[0]\n"
		"mov %[hi], v8.d[1]\n"
		: [r0] "=&r"(r0), [r1] "=&r"(r1), [r19] "=&r"(r19), [r28] "=&r"(r28),
		  [nzcv] "=&r"(nzcv), [lo] "=&r"(q8lo), [hi] "=&r"(q8hi)
		: [pid] "r"(pid)
		: "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10",
		  "x11", "x12", "x13", "x14", "x15", "x16", "x17", "x18", "x19",
		  "x28",
		  "v8", "cc", "memory");
	/* The handler saw the state right after the syscall: x0 = 0, C clear. */
	CHECK_EQ(seen_x19, 0x77);
	CHECK_EQ(seen_spsr & 0x20000000, 0);
	CHECK_EQ(seen_spsr & 0x3df, 0);         /* EL0t, AArch64, DAIF clear */
	CHECK(seen_q8 == 0);
	CHECK(seen_fpvalid);
	/* ... and its edits are what the code continues with. */
	CHECK_EQ(r0, 0x1000);
	CHECK_EQ(r1, 0x1001);
	CHECK_EQ(r19, 0x1000 + 19);
	CHECK_EQ(r28, 0x1000 + 28);
	CHECK_EQ(nzcv >> 28, 0x9);
	CHECK_EQ(q8lo, 0xfedcba9876543210ull);
	CHECK_EQ(q8hi, 0x0123456789abcdefull);
}

static volatile int ctx_passes;
static ucontext_t ctx;

static void test_get_set_context(void)
{
	long r;

	ctx_passes = 0;
	memset(&ctx, 0, sizeof(ctx));
	r = sys(FBSD_SYS_getcontext, &ctx);
	ctx_passes++;
	CHECK_EQ(r, 0);
	if (ctx_passes == 1) {
		CHECK_EQ(ctx.mc.gp.x[0], 0);
		CHECK_EQ(ctx.mc.gp.spsr & 0x20000000, 0);
		CHECK(ctx.mc.mc_flags & MC_FP_VALID);
		CHECK(ctx.mc.gp.elr != 0);
		/* Comes back out of getcontext a second time, returning 0. */
		sys(FBSD_SYS_setcontext, &ctx);
		CHECK(0);       /* not reached */
	}
	CHECK_EQ(ctx_passes, 2);
	CHECK_ERR(sys(FBSD_SYS_getcontext, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_setcontext, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getcontext, 8), FBSD_EFAULT);
}

/* swapcontext(423): saves the caller (with x0 cleared, so it "returns 0"
 * when resumed) and its mask into OUCP, then resumes UCP with UCP's mask. */
static ucontext_t ctx_a, ctx_b;
static volatile int swap_stage;

static void test_swapcontext(void)
{
	sigset_t none = { { 0 } };

	swap_stage = 0;
	CHECK_EQ(mask_op(SIG_SETMASK, none), 0);
	memset(&ctx_a, 0, sizeof(ctx_a));
	CHECK_EQ(sys(FBSD_SYS_getcontext, &ctx_a), 0);
	if (swap_stage == 1) {
		/* resumed here by swapcontext, with ctx_a's (empty) mask */
		sigset_t m0 = cur_mask();
		CHECK(!sigis(&m0, SIGUSR2));
		swap_stage = 2;
		sys(FBSD_SYS_setcontext, &ctx_b);
		CHECK(0);       /* not reached */
	}
	if (swap_stage == 0) {
		CHECK_EQ(mask_op(SIG_BLOCK, sigone(SIGUSR2)), 0);
		swap_stage = 1;
		long r = sys(FBSD_SYS_swapcontext, &ctx_b, &ctx_a);
		/* back from ctx_b: swapcontext "returned" 0, mask restored */
		CHECK_EQ(r, 0);
		CHECK_EQ(swap_stage, 2);
		sigset_t m = cur_mask();
		CHECK(sigis(&m, SIGUSR2));
		CHECK(sigis(&ctx_b.sigmask, SIGUSR2));
		CHECK(ctx_b.mc.mc_flags & MC_FP_VALID);
	}
	CHECK_EQ(mask_op(SIG_SETMASK, none), 0);
	CHECK_ERR(sys(FBSD_SYS_swapcontext, 0, &ctx_a), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_swapcontext, &ctx_b, 0), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_swapcontext, 8, &ctx_a), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_swapcontext, &ctx_b, 8), FBSD_EFAULT);
}

static void test_sigreturn_checks(void)
{
	ucontext_t uc;

	memset(&uc, 0, sizeof(uc));
	CHECK_EQ(sys(FBSD_SYS_getcontext, &uc), 0);
	uc.mc.gp.spsr |= 0x10;          /* AArch32 */
	CHECK_ERR(sys(FBSD_SYS_sigreturn, &uc), FBSD_EINVAL);
	uc.mc.gp.spsr &= ~0x10ul;
	uc.mc.gp.spsr |= 0x5;           /* EL1h */
	CHECK_ERR(sys(FBSD_SYS_setcontext, &uc), FBSD_EINVAL);
	uc.mc.gp.spsr &= ~0xful;
	uc.mc.gp.spsr |= 0x80;          /* DAIF.I */
	CHECK_ERR(sys(FBSD_SYS_sigreturn, &uc), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_sigreturn, 8), FBSD_EFAULT);
}

int main(int argc, char **argv, char **envp)
{
	test_edit_registers();
	test_get_set_context();
	test_swapcontext();
	test_sigreturn_checks();
	return 0;
}
