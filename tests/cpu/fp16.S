// Advanced SIMD half-precision edge cases (tests/unit/test_a64_fp16.c):
// each label runs one instruction on v0 (accumulator), v1, v2 (and v15)
// and stops at BRK #0.  Encoded: clang 14 does not enable fullfp16 from
// a .arch directive (the mnemonic is in the comment).
	.text
t_fadd_8h:	.inst 0x4e421420	// fadd v0.8h, v1.8h, v2.8h
		brk #0
t_fadd_4h:	.inst 0x0e421420	// fadd v0.4h, v1.4h, v2.4h
		brk #0
t_fsub_4h:	.inst 0x0ec21420	// fsub v0.4h, v1.4h, v2.4h
		brk #0
t_fmul_8h:	.inst 0x6e421c20	// fmul v0.8h, v1.8h, v2.8h
		brk #0
t_fdiv_4h:	.inst 0x2e423c20	// fdiv v0.4h, v1.4h, v2.4h
		brk #0
t_fmla_4h:	.inst 0x0e420c20	// fmla v0.4h, v1.4h, v2.4h
		brk #0
t_fmls_4h:	.inst 0x0ec20c20	// fmls v0.4h, v1.4h, v2.4h
		brk #0
t_fmaxnm_4h:	.inst 0x0e420420	// fmaxnm v0.4h, v1.4h, v2.4h
		brk #0
t_fmin_4h:	.inst 0x0ec23420	// fmin v0.4h, v1.4h, v2.4h
		brk #0
t_fmulx_4h:	.inst 0x0e421c20	// fmulx v0.4h, v1.4h, v2.4h
		brk #0
t_frecps_4h:	.inst 0x0e423c20	// frecps v0.4h, v1.4h, v2.4h
		brk #0
t_frsqrts_4h:	.inst 0x0ec23c20	// frsqrts v0.4h, v1.4h, v2.4h
		brk #0
t_fabd_4h:	.inst 0x2ec21420	// fabd v0.4h, v1.4h, v2.4h
		brk #0
t_fcmge_8h:	.inst 0x6e422420	// fcmge v0.8h, v1.8h, v2.8h
		brk #0
t_fcmeq_4h:	.inst 0x0e422420	// fcmeq v0.4h, v1.4h, v2.4h
		brk #0
t_facgt_4h:	.inst 0x2ec22c20	// facgt v0.4h, v1.4h, v2.4h
		brk #0
t_faddp_8h:	.inst 0x6e421420	// faddp v0.8h, v1.8h, v2.8h
		brk #0
t_fmaxp_4h:	.inst 0x2e423420	// fmaxp v0.4h, v1.4h, v2.4h
		brk #0
t_fminnmp_8h:	.inst 0x6ec20420	// fminnmp v0.8h, v1.8h, v2.8h
		brk #0
t_fabd_h:	.inst 0x7ec21420	// fabd h0, h1, h2
		brk #0
t_fcmge_h:	.inst 0x7e422420	// fcmge h0, h1, h2
		brk #0
t_frecps_h:	.inst 0x5e423c20	// frecps h0, h1, h2
		brk #0
t_fmulx_h:	.inst 0x5e421c20	// fmulx h0, h1, h2
		brk #0
t_frecpe_8h:	.inst 0x4ef9d820	// frecpe v0.8h, v1.8h
		brk #0
t_frecpe_4h:	.inst 0x0ef9d820	// frecpe v0.4h, v1.4h
		brk #0
t_frsqrte_8h:	.inst 0x6ef9d820	// frsqrte v0.8h, v1.8h
		brk #0
t_fsqrt_4h:	.inst 0x2ef9f820	// fsqrt v0.4h, v1.4h
		brk #0
t_frintn_8h:	.inst 0x4e798820	// frintn v0.8h, v1.8h
		brk #0
t_frintx_4h:	.inst 0x2e799820	// frintx v0.4h, v1.4h
		brk #0
t_frinti_4h:	.inst 0x2ef99820	// frinti v0.4h, v1.4h
		brk #0
t_frinta_4h:	.inst 0x2e798820	// frinta v0.4h, v1.4h
		brk #0
t_fcvtzs_8h:	.inst 0x4ef9b820	// fcvtzs v0.8h, v1.8h
		brk #0
t_fcvtau_8h:	.inst 0x6e79c820	// fcvtau v0.8h, v1.8h
		brk #0
t_fcvtms_4h:	.inst 0x0e79b820	// fcvtms v0.4h, v1.4h
		brk #0
t_scvtf_8h:	.inst 0x4e79d820	// scvtf v0.8h, v1.8h
		brk #0
t_ucvtf_4h:	.inst 0x2e79d820	// ucvtf v0.4h, v1.4h
		brk #0
t_fabs_4h:	.inst 0x0ef8f820	// fabs v0.4h, v1.4h
		brk #0
t_fneg_4h:	.inst 0x2ef8f820	// fneg v0.4h, v1.4h
		brk #0
t_fcmeq0_4h:	.inst 0x0ef8d820	// fcmeq v0.4h, v1.4h, #0.0
		brk #0
t_fcmlt0_4h:	.inst 0x0ef8e820	// fcmlt v0.4h, v1.4h, #0.0
		brk #0
t_fcvtzs_h:	.inst 0x5ef9b820	// fcvtzs h0, h1
		brk #0
t_ucvtf_h:	.inst 0x7e79d820	// ucvtf h0, h1
		brk #0
t_frecpe_h:	.inst 0x5ef9d820	// frecpe h0, h1
		brk #0
t_frsqrte_h:	.inst 0x7ef9d820	// frsqrte h0, h1
		brk #0
t_frecpx_h:	.inst 0x5ef9f820	// frecpx h0, h1
		brk #0
t_fcmle0_h:	.inst 0x7ef8d820	// fcmle h0, h1, #0.0
		brk #0
t_fmaxnmv_8h:	.inst 0x4e30c820	// fmaxnmv h0, v1.8h
		brk #0
t_fminv_4h:	.inst 0x0eb0f820	// fminv h0, v1.4h
		brk #0
t_fmaxv_8h:	.inst 0x4e30f820	// fmaxv h0, v1.8h
		brk #0
t_faddp_2h:	.inst 0x5e30d820	// faddp h0, v1.2h
		brk #0
t_fminnmp_2h:	.inst 0x5eb0c820	// fminnmp h0, v1.2h
		brk #0
t_fmla_8h_e5:	.inst 0x4f121820	// fmla v0.8h, v1.8h, v2.h[5]
		brk #0
t_fmul_h_e7:	.inst 0x5f329820	// fmul h0, h1, v2.h[7]
		brk #0
t_fmulx_4h_e1:	.inst 0x2f129020	// fmulx v0.4h, v1.4h, v2.h[1]
		brk #0
t_fmls_4h_e2:	.inst 0x0f225020	// fmls v0.4h, v1.4h, v2.h[2]
		brk #0
t_fmul_8h_v15:	.inst 0x4f3f9020	// fmul v0.8h, v1.8h, v15.h[3]
		brk #0
t_fcvtzs_4h_fx4:	.inst 0x0f1cfc20	// fcvtzs v0.4h, v1.4h, #4
		brk #0
t_fcvtzu_8h_fx1:	.inst 0x6f1ffc20	// fcvtzu v0.8h, v1.8h, #1
		brk #0
t_scvtf_h_fx16:	.inst 0x5f10e420	// scvtf h0, h1, #16
		brk #0
t_fcvtzs_h_fx2:	.inst 0x5f1efc20	// fcvtzs h0, h1, #2
		brk #0
t_ucvtf_4h_fx8:	.inst 0x2f18e420	// ucvtf v0.4h, v1.4h, #8
		brk #0
t_fmov_8h:	.inst 0x4f07fe80	// fmov v0.8h, #-1.25
		brk #0
t_fmov_4h:	.inst 0x0f02fc00	// fmov v0.4h, #0.125
		brk #0
// Not offered or unallocated: must raise SIGILL.
t_fmlal_2s:	.inst 0x0e22ec20	// fmlal v0.2s, v1.2h, v2.2h (FHM)
		brk #0
t_fmlal_elem:	.inst 0x0f820020	// fmlal v0.2s, v1.2h, v2.h[0] (FHM)
		brk #0
t_fcmla_8h:	.inst 0x6e42c420	// fcmla v0.8h, v1.8h, v2.8h, #0 (FCMA)
		brk #0
t_fcadd_4h:	.inst 0x2e42e420	// fcadd v0.4h, v1.4h, v2.4h, #90 (FCMA)
		brk #0
t_fcmla_8h_elem:	.inst 0x6f421020	// fcmla v0.8h, v1.8h, v2.h[0], #0 (FCMA)
		brk #0
t_frecpx_8h:	.inst 0x4ef9f820	// frecpx v0.8h: scalar only
		brk #0
t_faddv_8h:	.inst 0x4e30d820	// "faddv h0, v1.8h": no such instruction
		brk #0
t_fmul_elem_size01:	.inst 0x4f429020	// by element, size 01: reserved
		brk #0
t_fdiv_h:	.inst 0x7e423c20	// "fdiv h0, h1, h2" (Advanced SIMD scalar): unallocated
		brk #0
t_fabs_h_simd:	.inst 0x5ef8f820	// "fabs h0, h1" in the Advanced SIMD scalar space: vector only
		brk #0
t_fmov_op1_h:	.inst 0x6f00fc00	// FMOV half with op = 1: unallocated
		brk #0
t_frint32z_8h:	.inst 0x4e79e820	// "frint32z v0.8h": no half form
		brk #0
t_scvtf_fx_immh1:	.inst 0x4f09e420	// SCVTF #fbits with immh = 0001: reserved
		brk #0
