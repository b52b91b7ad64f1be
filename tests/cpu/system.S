	.text
t_sysregs:	mrs x0, tpidr_el0
		msr tpidr_el0, x1
		mrs x2, tpidr_el0
		mrs x3, tpidrro_el0
		mrs x4, cntfrq_el0
		mrs x5, cntvct_el0
		mrs x6, cntvct_el0
		mrs x7, ctr_el0
		mrs x8, dczid_el0
		mrs x9, midr_el1
		mrs x10, id_aa64isar0_el1
		mrs x11, id_aa64pfr0_el1
		mrs x12, id_aa64mmfr0_el1
		mrs x13, id_aa64isar1_el1
		mrs x14, mpidr_el1
		brk #0
t_nzcv:		msr nzcv, x1
		mrs x0, nzcv
		cset x2, vs
		cset x3, eq
		brk #0
t_fpcr:		msr fpcr, x1
		mrs x0, fpcr
		msr fpsr, x2
		mrs x3, fpsr
		brk #0
t_hints:	nop
		yield
		wfe
		wfi
		sev
		sevl
		hint #34
		hint #25
		hint #29
		dmb ish
		dsb sy
		isb
		dmb ishld
		clrex
		mov x0, #1
		brk #0
t_dc:		dc zva, x1
		dc cvau, x1
		dc civac, x1
		dc cvac, x1
		ic ivau, x1
		dsb ish
		isb
		brk #0
t_msr_ro:	msr tpidrro_el0, x0
t_mrs_bad:	mrs x0, sctlr_el1
t_mrs_cntpct:	mrs x0, cntpct_el0
t_daif:		msr daifset, #2
t_smc:		dc ivac, x1
t_smc_write:	// self-modifying code: x1 = address of t_smc_target, w2 = new insn
		str w2, [x1]
		dc cvau, x1
		dsb ish
		ic ivau, x1
		dsb ish
		isb
		b t_smc_target
t_smc_target:	mov x0, #1
		brk #0
