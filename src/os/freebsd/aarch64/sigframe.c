/* FreeBSD/arm64 signal frames and machine contexts (sys/arm64/arm64/
 * exec_machdep.c: sendsig, sys_sigreturn, get_mcontext, set_mcontext;
 * kern_context.c: getcontext, setcontext, swapcontext).  Layouts from
 * ABI-NOTES 5.1/5.2, pinned below.
 *
 * The frame is struct sigframe { siginfo_t sf_si; ucontext_t sf_uc; } at
 * fp = (stack - sizeof) & ~15; the handler is entered through the shared
 * page trampoline with x0 = signo, x1 = &sf_si, x2 = &sf_uc, x8 = handler,
 * sp = fp.  FreeBSD 15 also puts an arm64_reg_context END record above
 * the frame and points mc_ptr at it; for 14.x (emu.osreldate) mc_ptr and
 * mc_spare stay 0 and sigreturn ignores them, as the 14 kernel does. */
#include <stddef.h>
#include <string.h>

#include "emu.h"
#include "os/freebsd/aarch64/sharedpage.h"
#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/signal.h"
#include "os/freebsd/syscall.h"

struct fbsd_gpregs {
	uint64_t x[30];
	uint64_t lr, sp, elr, spsr;
};

struct fbsd_fpregs {
	_Alignas(16) uint64_t q[32][2];  /* __uint128_t fp_q[32], little-endian */
	uint32_t sr, cr, flags, pad;
};

struct fbsd_mcontext {
	struct fbsd_gpregs gp;
	struct fbsd_fpregs fp;
	int32_t mc_flags;
	int32_t mc_pad;
	uint64_t mc_ptr;        /* FreeBSD 15; mc_spare[0] before */
	uint64_t mc_spare[7];
};

struct fbsd_ucontext {
	fbsd_sigset_t sigmask;
	struct fbsd_mcontext mc;
	uint64_t link;
	struct fbsd_stack stack;
	int32_t flags;
	int32_t spare[4];
};

struct fbsd_sigframe {
	struct fbsd_siginfo si;
	struct fbsd_ucontext uc;
};

_Static_assert(sizeof(struct fbsd_gpregs) == 272, "struct gpregs");
_Static_assert(sizeof(struct fbsd_fpregs) == 528, "struct fpregs");
_Static_assert(offsetof(struct fbsd_fpregs, sr) == 512, "fp_sr");
_Static_assert(sizeof(struct fbsd_mcontext) == 880, "mcontext_t");
_Static_assert(offsetof(struct fbsd_mcontext, fp) == 272, "mc_fpregs");
_Static_assert(offsetof(struct fbsd_mcontext, mc_flags) == 800, "mc_flags");
_Static_assert(offsetof(struct fbsd_mcontext, mc_ptr) == 808, "mc_ptr");
_Static_assert(sizeof(struct fbsd_ucontext) == 960, "ucontext_t");
_Static_assert(offsetof(struct fbsd_ucontext, mc) == 16, "uc_mcontext");
_Static_assert(offsetof(struct fbsd_ucontext, link) == 896, "uc_link");
_Static_assert(offsetof(struct fbsd_ucontext, stack) == 904, "uc_stack");
_Static_assert(offsetof(struct fbsd_ucontext, flags) == 928, "uc_flags");
_Static_assert(sizeof(struct fbsd_sigframe) == 1040, "struct sigframe");
_Static_assert(offsetof(struct fbsd_sigframe, uc) == 80, "SF_UC (the trampoline's add)");

#define FBSD_MC_FP_VALID 0x1
#define FBSD_PSR_M_MASK 0x0000000f
#define FBSD_PSR_M_EL0t 0x00000000
#define FBSD_PSR_AARCH32 0x00000010
#define FBSD_PSR_DAIF 0x000003c0
#define FBSD_PSR_C 0x20000000
#define FBSD_PSR_NZCV 0xf0000000
#define FBSD_ARM64_CTX_END 0xa5a5a5a5u
#define FBSD_OSRELDATE_MC_PTR 1500000  /* arm64_reg_context records */
/* getcontext/setcontext copy only uc_sigmask and uc_mcontext. */
#define FBSD_UC_COPY_SIZE offsetof(struct fbsd_ucontext, link)

/* get_mcontext(); CLEAR_RET: x0 = 0 and C clear (getcontext returns 0). */
static void get_mcontext(struct fbsd_thread *td, struct fbsd_mcontext *mc, bool clear_ret)
{
	const struct a64_cpu *cpu = &td->cpu;

	memset(mc, 0, sizeof(*mc));
	memcpy(mc->gp.x, cpu->r, sizeof(mc->gp.x));
	mc->gp.lr = cpu->r[30];
	mc->gp.sp = cpu->r[A64_SP];
	mc->gp.elr = cpu->pc;
	/* EL0t, AArch64, DAIF clear: only NZCV is ever non-zero. */
	mc->gp.spsr = a64_get_nzcv(cpu);
	if (clear_ret) {
		mc->gp.x[0] = 0;
		mc->gp.spsr &= ~(uint64_t)FBSD_PSR_C;
	}
	for (int i = 0; i < 32; i++) {
		mc->fp.q[i][0] = cpu->v[i].d[0];
		mc->fp.q[i][1] = cpu->v[i].d[1];
	}
	mc->fp.sr = cpu->fpsr;
	mc->fp.cr = cpu->fpcr;
	mc->mc_flags = FBSD_MC_FP_VALID;
}

/* set_mcontext(): FreeBSD's checks, then every register. */
static int set_mcontext(struct fbsd_thread *td, const struct fbsd_mcontext *mc)
{
	struct a64_cpu *cpu = &td->cpu;
	uint64_t spsr = mc->gp.spsr;

	if ((spsr & FBSD_PSR_M_MASK) != FBSD_PSR_M_EL0t || (spsr & FBSD_PSR_AARCH32) ||
	    (spsr & FBSD_PSR_DAIF) != 0)
		return FBSD_EINVAL;
	if (emu.osreldate >= FBSD_OSRELDATE_MC_PTR && mc->mc_ptr) {
		uint32_t ctx[2];

		/* Only the END record is known (no SVE state here). */
		if (copy_from_guest(ctx, mc->mc_ptr, sizeof(ctx)) < 0)
			return FBSD_EFAULT;
		if (ctx[0] != FBSD_ARM64_CTX_END || ctx[1] != sizeof(ctx))
			return FBSD_EINVAL;
	}
	memcpy(cpu->r, mc->gp.x, sizeof(mc->gp.x));
	cpu->r[30] = mc->gp.lr;
	cpu->r[A64_SP] = mc->gp.sp;
	cpu->pc = mc->gp.elr;
	a64_set_nzcv(cpu, (uint32_t)(spsr & FBSD_PSR_NZCV));
	if (mc->mc_flags & FBSD_MC_FP_VALID) {
		for (int i = 0; i < 32; i++) {
			cpu->v[i].d[0] = mc->fp.q[i][0];
			cpu->v[i].d[1] = mc->fp.q[i][1];
		}
		cpu->fpsr = mc->fp.sr;
		cpu->fpcr = mc->fp.cr;
	}
	/* The handler may have rewritten the PC (Go's preemption): the
	 * exclusive monitor does not survive an exception return either. */
	cpu->excl_size = 0;
	return 0;
}

bool fbsd_arch_sendsig(struct fbsd_thread *td, uint64_t handler, bool onstack_wanted,
		       const struct fbsd_siginfo *si, const fbsd_sigset_t *retmask)
{
	struct a64_cpu *cpu = &td->cpu;
	struct fbsd_sigframe frame;
	uint64_t ss_sp = 0, ss_size = 0, sp = cpu->r[A64_SP], top, fp, ctx = 0;
	bool altstack = fbsd_sig_altstack(td, &ss_sp, &ss_size);
	bool onstack = altstack && sp >= ss_sp && sp < ss_sp + ss_size;

	memset(&frame, 0, sizeof(frame));
	get_mcontext(td, &frame.uc.mc, false);
	frame.si = *si;
	frame.uc.sigmask = *retmask;
	frame.uc.stack.ss_sp = ss_sp;
	frame.uc.stack.ss_size = ss_size;
	frame.uc.stack.ss_flags = altstack ? (onstack ? FBSD_SS_ONSTACK : 0) : FBSD_SS_DISABLE;

	top = altstack && !onstack && onstack_wanted ? ss_sp + ss_size : sp;
	if (emu.osreldate >= FBSD_OSRELDATE_MC_PTR) {
		uint32_t end[2] = { FBSD_ARM64_CTX_END, sizeof(end) };

		top -= sizeof(end);
		ctx = top;
		if (copy_to_guest(ctx, end, sizeof(end)) < 0)
			return false;
		frame.uc.mc.mc_ptr = ctx;
	}
	fp = (top - sizeof(frame)) & ~(uint64_t)15;
	if (copy_to_guest(fp, &frame, sizeof(frame)) < 0)
		return false;

	cpu->r[0] = (uint64_t)si->signo;
	cpu->r[1] = fp + offsetof(struct fbsd_sigframe, si);
	cpu->r[2] = fp + offsetof(struct fbsd_sigframe, uc);
	cpu->r[8] = handler;
	cpu->r[A64_SP] = fp;
	cpu->pc = fbsd_sigcode_addr();
	cpu->excl_size = 0;
	return true;
}

int fbsd_sys_sigreturn(struct fbsd_thread *td, const struct fbsd_sigreturn_args *uap)
{
	struct fbsd_ucontext uc;
	int err;

	if (copy_from_guest(&uc, uap->sigcntxp, sizeof(uc)) < 0)
		return FBSD_EFAULT;
	if ((err = set_mcontext(td, &uc.mc)))
		return err;
	fbsd_sig_setmask(td, &uc.sigmask);
	return FBSD_EJUSTRETURN;
}

int fbsd_sys_getcontext(struct fbsd_thread *td, const struct fbsd_getcontext_args *uap)
{
	struct fbsd_ucontext uc;

	if (!uap->ucp)
		return FBSD_EINVAL;
	memset(&uc, 0, sizeof(uc));
	get_mcontext(td, &uc.mc, true);
	uc.sigmask = td->sigmask;
	return copy_to_guest(uap->ucp, &uc, FBSD_UC_COPY_SIZE) < 0 ? FBSD_EFAULT : 0;
}

static int set_context(struct fbsd_thread *td, gaddr_t ucp)
{
	struct fbsd_ucontext uc;
	int err;

	if (copy_from_guest(&uc, ucp, FBSD_UC_COPY_SIZE) < 0)
		return FBSD_EFAULT;
	if ((err = set_mcontext(td, &uc.mc)))
		return err;
	fbsd_sig_setmask(td, &uc.sigmask);
	return FBSD_EJUSTRETURN;
}

int fbsd_sys_setcontext(struct fbsd_thread *td, const struct fbsd_setcontext_args *uap)
{
	if (!uap->ucp)
		return FBSD_EINVAL;
	return set_context(td, uap->ucp);
}

int fbsd_sys_swapcontext(struct fbsd_thread *td, const struct fbsd_swapcontext_args *uap)
{
	struct fbsd_ucontext uc;

	if (!uap->ucp || !uap->oucp)
		return FBSD_EINVAL;
	memset(&uc, 0, sizeof(uc));
	get_mcontext(td, &uc.mc, true);
	uc.sigmask = td->sigmask;
	if (copy_to_guest(uap->oucp, &uc, FBSD_UC_COPY_SIZE) < 0)
		return FBSD_EFAULT;
	return set_context(td, uap->ucp);
}
