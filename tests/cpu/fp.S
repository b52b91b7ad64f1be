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
// FEAT_JSCVT, FEAT_FRINTTS and FEAT_FP16 scalar (encoded: the assembler
// needs extension flags for them).
t_fjcvtzs2:	.inst 0x1e7e0020	// fjcvtzs w0, d1
		brk #0
t_frint32z_s:	.inst 0x1e284020	// frint32z s0, s1
		brk #0
t_frint32x_s:	.inst 0x1e28c020	// frint32x s0, s1
		brk #0
t_frint32x_d:	.inst 0x1e68c020	// frint32x d0, d1
		brk #0
t_frint64z_d:	.inst 0x1e694020	// frint64z d0, d1
		brk #0
t_frint64x_d:	.inst 0x1e69c020	// frint64x d0, d1
		brk #0
t_frint32z_v4s:	.inst 0x4e21e820	// frint32z v0.4s, v1.4s
		brk #0
t_fadd_h2:	.inst 0x1ee22820	// fadd h0, h1, h2
		brk #0
t_fmul_h:	.inst 0x1ee20820	// fmul h0, h1, h2
		brk #0
t_fdiv_h:	.inst 0x1ee21820	// fdiv h0, h1, h2
		brk #0
t_fsqrt_h:	.inst 0x1ee1c020	// fsqrt h0, h1
		brk #0
t_fmadd_h:	.inst 0x1fc20c20	// fmadd h0, h1, h2, h3
		brk #0
t_fcmp_h:	.inst 0x1ee22020	// fcmp h1, h2
		brk #0
t_fcmpe_h:	.inst 0x1ee22030	// fcmpe h1, h2
		brk #0
t_frintn_h:	.inst 0x1ee44020	// frintn h0, h1
		brk #0
t_fcvtzs_wh:	.inst 0x1ef80020	// fcvtzs w0, h1
		brk #0
t_scvtf_hw:	.inst 0x1ee20020	// scvtf h0, w1
		brk #0
t_fmov_h_imm:	.inst 0x1ef81000	// fmov h0, #-0.125
		brk #0
t_fmov_wh:	.inst 0x1ee60020	// fmov w0, h1
		brk #0
t_fmov_hw:	.inst 0x1ee70020	// fmov h0, w1
		brk #0
t_fcvt_s_h:	.inst 0x1ee24020	// fcvt s0, h1
		brk #0
t_frint32z_h:	.inst 0x1ee84020	// frint32z h0, h1 (no half form)
		brk #0
t_fdiv_scal_s:	.inst 0x7e23fc41	// "fdiv s1, s2, s3": no scalar SIMD form
		brk #0
t_fdiv_scal_d:	.inst 0x7e63fc41	// the same for Dd
		brk #0
