// Scalar FP edge cases (tests/unit/test_a64_fp.c): each label runs one
// instruction on v1, v2, v3 / x1 and stops at BRK #0.
	.text
t_fadd_s:	fadd s0, s1, s2
		brk #0
t_fadd_d:	fadd d0, d1, d2
		brk #0
t_fsub_d:	fsub d0, d1, d2
		brk #0
t_fmul_s:	fmul s0, s1, s2
		brk #0
t_fmul_d:	fmul d0, d1, d2
		brk #0
t_fnmul_s:	fnmul s0, s1, s2
		brk #0
t_fdiv_s:	fdiv s0, s1, s2
		brk #0
t_fmadd_s:	fmadd s0, s1, s2, s3
		brk #0
t_fmsub_d:	fmsub d0, d1, d2, d3
		brk #0
t_fmax_s:	fmax s0, s1, s2
		brk #0
t_fmin_s:	fmin s0, s1, s2
		brk #0
t_fmaxnm_s:	fmaxnm s0, s1, s2
		brk #0
t_fminnm_d:	fminnm d0, d1, d2
		brk #0
t_fsqrt_d:	fsqrt d0, d1
		brk #0
t_fabs_s:	fabs s0, s1
		brk #0
t_fcmp_s:	fcmp s1, s2
		brk #0
t_fcmpe_s:	fcmpe s1, s2
		brk #0
t_fcmp0_d:	fcmp d1, #0.0
		brk #0
t_fccmp_s:	fccmp s1, s2, #0xf, eq
		brk #0
t_fcsel_d:	fcsel d0, d1, d2, lt
		brk #0
t_fcvt_ds:	fcvt s0, d1
		brk #0
t_fcvt_sh:	fcvt h0, s1
		brk #0
t_fcvt_hd:	fcvt d0, h1
		brk #0
t_fcvtzs_ws:	fcvtzs w0, s1
		brk #0
t_fcvtzs_xd:	fcvtzs x0, d1
		brk #0
t_fcvtzu_ws:	fcvtzu w0, s1
		brk #0
t_fcvtns_xd:	fcvtns x0, d1
		brk #0
t_fcvtas_xd:	fcvtas x0, d1
		brk #0
t_fcvtms_xd:	fcvtms x0, d1
		brk #0
t_fcvtps_xd:	fcvtps x0, d1
		brk #0
t_fcvtzs_fix:	fcvtzs w0, d1, #4
		brk #0
t_scvtf_dx:	scvtf d0, x1
		brk #0
t_ucvtf_sw_fix:	ucvtf s0, w1, #8
		brk #0
t_frintn_d:	frintn d0, d1
		brk #0
t_frintx_d:	frintx d0, d1
		brk #0
t_frinta_s:	frinta s0, s1
		brk #0
t_frecpe_s:	frecpe s0, s1
		brk #0
t_frsqrte_s:	frsqrte s0, s1
		brk #0
t_frecpx_s:	frecpx s0, s1
		brk #0
t_frecps_s:	frecps s0, s1, s2
		brk #0
t_frsqrts_d:	frsqrts d0, d1, d2
		brk #0
t_fmov_imm:	fmov d0, #-1.25
		fmov s4, #31.0
		fmov x5, v1.d[1]
		fmov v6.d[1], x1
		fmov w7, s1
		brk #0
// Not offered: FJCVTZS (JSCVT) and FP16 arithmetic must raise SIGILL.
t_fjcvtzs:	.inst 0x1e7e0020	// fjcvtzs w0, d1
		brk #0
t_fadd_h:	.inst 0x1ee22820	// fadd h0, h1, h2
		brk #0
