/* Hand-written scalar floating-point edge cases for the AArch64 core
 * (tests/cpu/fp.S), each expected value worked out from the ARM ARM
 * pseudocode (FPRound, FPProcessNaNs, FPToFixed, FPRecipEstimate, ...):
 * NaN payloads and signalling NaNs, denormals with FZ on and off, every
 * rounding mode, overflow to infinity or the largest normal, tininess
 * detected before rounding, conversions saturating at the integer limits,
 * -0.0 in min/max and compares.  The random differential test against
 * qemu-aarch64 is tests/difftest.  Built and run like test_a64.c. */
#include "a64_harness.h"

#define RN 0u
#define RP 0x400000u
#define RM 0x800000u
#define RZ 0xc00000u
#define FZ 0x1000000u
#define DN 0x2000000u
#define AHP 0x4000000u

#define IOC 0x01u
#define DZC 0x02u
#define OFC 0x04u
#define UFC 0x08u
#define IXC 0x10u
#define IDC 0x80u

#define S1 0x3f800000ull
#define S2 0x40000000ull
#define SINF 0x7f800000ull
#define SMAX 0x7f7fffffull
#define SMIN 0x00800000ull
#define D1 0x3ff0000000000000ull
#define D2 0x4000000000000000ull
#define DINF 0x7ff0000000000000ull
#define DNAN 0x7ff8000000000000ull

enum { RV, RX, RF }; /* result: v0 (upper half must be 0), x0, NZCV */

struct fcase {
	const char *name, *label;
	uint32_t fpcr;
	uint64_t a, b, c; /* v1 (and x1), v2, v3 */
	int kind;
	uint64_t want;
	uint32_t fpsr;
};

static const struct fcase cases[] = {
	/* NaN propagation (FPProcessNaNs): sNaN first in either position, quietened. */
	{ "nan_qnan_payload", "t_fadd_s", RN, 0x7fc12345, S1, 0, RV, 0x7fc12345, 0 },
	{ "nan_snan_beats_qnan", "t_fadd_s", RN, 0x7fc11111, 0x7f812345, 0, RV, 0x7fc12345, IOC },
	{ "nan_default_nan_dn", "t_fadd_s", DN, 0x7fc12345, S1, 0, RV, 0x7fc00000, 0 },
	{ "nan_snan_d_sign_payload", "t_fadd_d", RN, D1, 0xfff0000000000abc, 0, RV,
	  0xfff8000000000abc, IOC },
	{ "nan_inf_minus_inf", "t_fsub_d", RN, DINF, DINF, 0, RV, DNAN, IOC },
	{ "nan_fnmul_negates_default", "t_fnmul_s", RN, 0, SINF, 0, RV, 0xffc00000, IOC },
	{ "nan_fma_qnan_inf_times_0", "t_fmadd_s", RN, SINF, 0, 0x7fc00001, RV, 0x7fc00000, IOC },
	{ "nan_fma_addend_first", "t_fmadd_s", RN, 0x7fc00001, S1, 0x7fc00002, RV, 0x7fc00002, 0 },
	{ "nan_fmsub_negates_op1", "t_fmsub_d", RN, 0x7ff8000000000001, D1, D1, RV,
	  0xfff8000000000001, 0 },
	{ "nan_fabs_no_quieting", "t_fabs_s", RN, 0xff800001, 0, 0, RV, 0x7f800001, 0 },
	/* Denormals, flush-to-zero, underflow (tininess before rounding). */
	{ "fz_input_flushed", "t_fmul_s", FZ, 0x80000001, S1, 0, RV, 0x80000000, IDC },
	{ "fz_output_flushed", "t_fmul_s", FZ, SMIN, 0x3f000000, 0, RV, 0, UFC },
	{ "denormal_exact_no_ufc", "t_fmul_s", RN, SMIN, 0x3f000000, 0, RV, 0x00400000, 0 },
	{ "denormal_inexact_ufc", "t_fmul_s", RN, 0x00800001, 0x3f000000, 0, RV, 0x00400000,
	  UFC | IXC },
	{ "tiny_before_rounding", "t_fmul_s", RN, 0x3f7fffff, SMIN, 0, RV, SMIN, UFC | IXC },
	{ "tiny_before_rounding_fz", "t_fmul_s", FZ, 0x3f7fffff, SMIN, 0, RV, 0, UFC },
	/* Rounding modes. */
	{ "round_rn_tie_even", "t_fadd_s", RN, S1, 0x33800000, 0, RV, S1, IXC },
	{ "round_rp", "t_fadd_s", RP, S1, 0x33800000, 0, RV, 0x3f800001, IXC },
	{ "round_rm_negative", "t_fadd_s", RM, 0xbf800000, 0xb3800000, 0, RV, 0xbf800001, IXC },
	{ "round_rz", "t_fadd_s", RZ, S1, 0x33800001, 0, RV, S1, IXC },
	{ "overflow_rn_inf", "t_fmul_s", RN, SMAX, S2, 0, RV, SINF, OFC | IXC },
	{ "overflow_rz_max", "t_fmul_s", RZ, SMAX, S2, 0, RV, SMAX, OFC | IXC },
	{ "overflow_rm_pos_max", "t_fmul_s", RM, SMAX, S2, 0, RV, SMAX, OFC | IXC },
	{ "overflow_rp_neg_max", "t_fmul_s", RP, 0xff7fffff, S2, 0, RV, 0xff7fffff, OFC | IXC },
	{ "overflow_rm_neg_inf", "t_fmul_s", RM, 0xff7fffff, S2, 0, RV, 0xff800000, OFC | IXC },
	{ "exact_zero_rn_pos", "t_fsub_d", RN, D1, D1, 0, RV, 0, 0 },
	{ "exact_zero_rm_neg", "t_fsub_d", RM, D1, D1, 0, RV, 0x8000000000000000, 0 },
	{ "div_by_zero", "t_fdiv_s", RN, S1, 0x80000000, 0, RV, 0xff800000, DZC },
	{ "fma_single_rounding", "t_fmsub_d", RN, 0x3ff0000000000001, 0x3ff0000000000001,
	  0x3ff0000000000002, RV, 0xb970000000000000, 0 },
	/* Min/max and -0.0. */
	{ "fmax_zeros", "t_fmax_s", RN, 0x80000000, 0, 0, RV, 0, 0 },
	{ "fmin_zeros", "t_fmin_s", RN, 0, 0x80000000, 0, RV, 0x80000000, 0 },
	{ "fmax_qnan", "t_fmax_s", RN, S1, 0x7fc00005, 0, RV, 0x7fc00005, 0 },
	{ "fmaxnm_qnan_loses", "t_fmaxnm_s", RN, 0x7fc00000, S1, 0, RV, S1, 0 },
	{ "fminnm_snan_wins", "t_fminnm_d", RN, 0x7ff4000000000000, D1, 0, RV,
	  0x7ffc000000000000, IOC },
	{ "fmax_fz_denormal", "t_fmax_s", FZ, 0x00000001, 0x80000000, 0, RV, 0, IDC },
	/* Square root. */
	{ "fsqrt_negative", "t_fsqrt_d", RN, 0xbff0000000000000, 0, 0, RV, DNAN, IOC },
	{ "fsqrt_minus_zero", "t_fsqrt_d", RN, 0x8000000000000000, 0, 0, RV,
	  0x8000000000000000, 0 },
	{ "fsqrt_2", "t_fsqrt_d", RN, D2, 0, 0, RV, 0x3ff6a09e667f3bcd, IXC },
	{ "fsqrt_2_rm", "t_fsqrt_d", RM, D2, 0, 0, RV, 0x3ff6a09e667f3bcc, IXC },
	/* Compares (NZCV: = 0110, < 1000, > 0010, unordered 0011). */
	{ "fcmp_zeros_equal", "t_fcmp_s", RN, 0x80000000, 0, 0, RF, 0x6, 0 },
	{ "fcmp_qnan_quiet", "t_fcmp_s", RN, 0x7fc00000, S1, 0, RF, 0x3, 0 },
	{ "fcmp_snan_signals", "t_fcmp_s", RN, S1, 0x7f800001, 0, RF, 0x3, IOC },
	{ "fcmpe_qnan_signals", "t_fcmpe_s", RN, 0x7fc00000, S1, 0, RF, 0x3, IOC },
	{ "fcmp_less", "t_fcmp_s", RN, S1, S2, 0, RF, 0x8, 0 },
	{ "fcmp_zero_fz_denormal", "t_fcmp0_d", FZ, 0x8000000000000001, 0, 0, RF, 0x6, IDC },
	{ "fcmp_zero_denormal", "t_fcmp0_d", RN, 0x8000000000000001, 0, 0, RF, 0x8, 0 },
	{ "fccmp_cond_false", "t_fccmp_s", RN, 0x7f800001, S1, 0, RF, 0xf, 0 },
	{ "fcsel_false", "t_fcsel_d", RN, D1, D2, 0, RV, D2, 0 },
	/* Precision conversions. */
	{ "fcvt_ds_overflow", "t_fcvt_ds", RN, 0x7e37e43c8800759c, 0, 0, RV, SINF, OFC | IXC },
	{ "fcvt_ds_fz_tiny", "t_fcvt_ds", FZ, 0x37a16c262777579c, 0, 0, RV, 0, UFC },
	{ "fcvt_ds_nan_payload", "t_fcvt_ds", RN, 0x7ff8123450000000, 0, 0, RV, 0x7fc091a2, 0 },
	{ "fcvt_ds_snan_low_payload", "t_fcvt_ds", RN, 0x7ff0000000000001, 0, 0, RV, 0x7fc00000,
	  IOC },
	{ "fcvt_sh_ieee_overflow", "t_fcvt_sh", RN, 0x477ff000, 0, 0, RV, 0x7c00, OFC | IXC },
	{ "fcvt_sh_ahp_overflow", "t_fcvt_sh", AHP, 0x49742400, 0, 0, RV, 0x7fff, IOC },
	{ "fcvt_sh_ahp_inf", "t_fcvt_sh", AHP, 0xff800000, 0, 0, RV, 0xffff, IOC },
	{ "fcvt_sh_ahp_nan", "t_fcvt_sh", AHP, 0x7fc00000, 0, 0, RV, 0, IOC },
	{ "fcvt_hd_inf", "t_fcvt_hd", RN, 0x7c00, 0, 0, RV, DINF, 0 },
	{ "fcvt_hd_ahp_65536", "t_fcvt_hd", AHP, 0x7c00, 0, 0, RV, 0x40f0000000000000, 0 },
	/* To integer: saturation is IOC only, inexact is IXC. */
	{ "fcvtzs_w_saturate", "t_fcvtzs_ws", RN, 0x4f32d05e, 0, 0, RX, 0x7fffffff, IOC },
	{ "fcvtzs_w_neg_saturate", "t_fcvtzs_ws", RN, 0xcf32d05e, 0, 0, RX, 0x80000000, IOC },
	{ "fcvtzs_w_nan", "t_fcvtzs_ws", RN, 0x7fc00000, 0, 0, RX, 0, IOC },
	{ "fcvtzs_x_min_exact", "t_fcvtzs_xd", RN, 0xc3e0000000000000, 0, 0, RX,
	  0x8000000000000000, 0 },
	{ "fcvtzs_x_2p63", "t_fcvtzs_xd", RN, 0x43e0000000000000, 0, 0, RX, 0x7fffffffffffffff,
	  IOC },
	{ "fcvtzs_x_neg_inf", "t_fcvtzs_xd", RN, 0xfff0000000000000, 0, 0, RX,
	  0x8000000000000000, IOC },
	{ "fcvtzu_w_negative", "t_fcvtzu_ws", RN, 0xbf800000, 0, 0, RX, 0, IOC },
	{ "fcvtzu_w_minus_half", "t_fcvtzu_ws", RN, 0xbf000000, 0, 0, RX, 0, IXC },
	{ "fcvtzu_w_2p32", "t_fcvtzu_ws", RN, 0x4f800000, 0, 0, RX, 0xffffffff, IOC },
	{ "fcvtns_tie_even", "t_fcvtns_xd", RN, 0x4004000000000000, 0, 0, RX, 2, IXC },
	{ "fcvtns_neg_tie", "t_fcvtns_xd", RN, 0xc00c000000000000, 0, 0, RX, (uint64_t)-4, IXC },
	{ "fcvtas_tie_away", "t_fcvtas_xd", RN, 0x4004000000000000, 0, 0, RX, 3, IXC },
	{ "fcvtms_floor", "t_fcvtms_xd", RN, 0xc004000000000000, 0, 0, RX, (uint64_t)-3, IXC },
	{ "fcvtps_ceil", "t_fcvtps_xd", RN, 0xc004000000000000, 0, 0, RX, (uint64_t)-2, IXC },
	{ "fcvtzs_fixed", "t_fcvtzs_fix", RN, 0x3ff8000000000000, 0, 0, RX, 24, 0 },
	{ "fcvtzs_fixed_saturate", "t_fcvtzs_fix", RN, 0x41a0000000000000, 0, 0, RX, 0x7fffffff,
	  IOC },
	/* From integer. */
	{ "scvtf_x_max_rn", "t_scvtf_dx", RN, 0x7fffffffffffffff, 0, 0, RV, 0x43e0000000000000, IXC },
	{ "scvtf_x_max_rz", "t_scvtf_dx", RZ, 0x7fffffffffffffff, 0, 0, RV, 0x43dfffffffffffff, IXC },
	{ "scvtf_x_min", "t_scvtf_dx", RN, 0x8000000000000000, 0, 0, RV, 0xc3e0000000000000, 0 },
	{ "ucvtf_w_fixed", "t_ucvtf_sw_fix", RN, 0xffffffff, 0, 0, RV, 0x4b800000, IXC },
	/* Round to integral. */
	{ "frintn_tie", "t_frintn_d", RN, 0x4004000000000000, 0, 0, RV, D2, 0 },
	{ "frintn_neg_zero", "t_frintn_d", RN, 0xbfd999999999999a, 0, 0, RV,
	  0x8000000000000000, 0 },
	{ "frintx_inexact", "t_frintx_d", RN, 0x4004000000000000, 0, 0, RV, D2, IXC },
	{ "frintx_big_exact", "t_frintx_d", RN, 0x7e37e43c8800759c, 0, 0, RV, 0x7e37e43c8800759c, 0 },
	{ "frinta_away", "t_frinta_s", RN, 0xc0200000, 0, 0, RV, 0xc0400000, 0 },
	/* Estimates and steps. */
	{ "frecpe_one", "t_frecpe_s", RN, S1, 0, 0, RV, 0x3f7f8000, 0 },
	{ "frecpe_zero", "t_frecpe_s", RN, 0x80000000, 0, 0, RV, 0xff800000, DZC },
	{ "frecpe_tiny_rn", "t_frecpe_s", RN, 0x00000001, 0, 0, RV, SINF, OFC | IXC },
	{ "frecpe_tiny_rz", "t_frecpe_s", RZ, 0x00000001, 0, 0, RV, SMAX, OFC | IXC },
	{ "frecpe_fz_huge", "t_frecpe_s", FZ, 0x7f000000, 0, 0, RV, 0, UFC },
	{ "frsqrte_one", "t_frsqrte_s", RN, S1, 0, 0, RV, 0x3f7f8000, 0 },
	{ "frsqrte_four", "t_frsqrte_s", RN, 0x40800000, 0, 0, RV, 0x3eff8000, 0 },
	{ "frsqrte_negative", "t_frsqrte_s", RN, 0xbf800000, 0, 0, RV, 0x7fc00000, IOC },
	{ "frecpx_two", "t_frecpx_s", RN, S2, 0, 0, RV, S1, 0 },
	{ "frecpx_zero", "t_frecpx_s", RN, 0, 0, 0, RV, 0x7f000000, 0 },
	{ "frecpx_neg_denormal", "t_frecpx_s", RN, 0x80000001, 0, 0, RV, 0xff000000, 0 },
	{ "frecps_one", "t_frecps_s", RN, S1, S1, 0, RV, S1, 0 },
	{ "frecps_inf_zero", "t_frecps_s", RN, SINF, 0, 0, RV, S2, 0 },
	{ "frsqrts_one", "t_frsqrts_d", RN, D1, D1, 0, RV, D1, 0 },
	{ "frsqrts_zero_inf", "t_frsqrts_d", RN, 0, DINF, 0, RV, 0x3ff8000000000000, 0 },
	/* FJCVTZS (FPToFixedJS): toward zero, modulo 2^32, Z = exact. */
	{ "fjcvtzs_frac", "t_fjcvtzs2", RN, 0x3ff8000000000000, 0, 0, RX, 1, IXC },
	{ "fjcvtzs_frac_z", "t_fjcvtzs2", RN, 0x3ff8000000000000, 0, 0, RF, 0, IXC },
	{ "fjcvtzs_neg_frac", "t_fjcvtzs2", RP, 0xbff8000000000000, 0, 0, RX, 0xffffffff, IXC },
	{ "fjcvtzs_exact_z", "t_fjcvtzs2", RN, 0x4045000000000000, 0, 0, RF, 4, 0 },
	{ "fjcvtzs_exact", "t_fjcvtzs2", RN, 0x4045000000000000, 0, 0, RX, 42, 0 },
	{ "fjcvtzs_min_exact", "t_fjcvtzs2", RN, 0xc1e0000000000000, 0, 0, RF, 4, 0 },
	{ "fjcvtzs_2p31_wraps", "t_fjcvtzs2", RN, 0x41e0000000000000, 0, 0, RX, 0x80000000, IOC },
	{ "fjcvtzs_2p32_plus_5", "t_fjcvtzs2", RN, 0x41f0000000500000, 0, 0, RX, 5, IOC },
	{ "fjcvtzs_neg_2p32_plus_5", "t_fjcvtzs2", RN, 0xc1f0000000500000, 0, 0, RX, 0xfffffffb,
	  IOC },
	{ "fjcvtzs_2p80_2p28", "t_fjcvtzs2", RN, 0x44f0000000000001, 0, 0, RX, 0x10000000, IOC },
	{ "fjcvtzs_nan", "t_fjcvtzs2", RN, 0x7ff8000000000000, 0, 0, RF, 0, IOC },
	{ "fjcvtzs_inf", "t_fjcvtzs2", RN, DINF, 0, 0, RX, 0, IOC },
	{ "fjcvtzs_neg_zero", "t_fjcvtzs2", RN, 0x8000000000000000, 0, 0, RF, 0, 0 },
	{ "fjcvtzs_pos_zero", "t_fjcvtzs2", RN, 0, 0, 0, RF, 4, 0 },
	{ "fjcvtzs_denormal", "t_fjcvtzs2", RN, 1, 0, 0, RF, 0, IXC },
	{ "fjcvtzs_fz_denormal", "t_fjcvtzs2", FZ, 1, 0, 0, RF, 0, IDC },
	/* FRINT32/64 (FPRoundIntN): out of range, NaN, inf give the most
	 * negative integer with IOC and no IXC; IXC for Z and X forms alike. */
	{ "frint32z_trunc", "t_frint32z_s", RN, 0xc0200000, 0, 0, RV, 0xc0000000, IXC },
	{ "frint32z_neg_small", "t_frint32z_s", RN, 0xbe800000, 0, 0, RV, 0x80000000, IXC },
	{ "frint32z_2p31", "t_frint32z_s", RN, 0x4f000000, 0, 0, RV, 0xcf000000, IOC },
	{ "frint32z_min", "t_frint32z_s", RN, 0xcf000000, 0, 0, RV, 0xcf000000, 0 },
	{ "frint32z_nan", "t_frint32z_s", RN, 0x7fc00000, 0, 0, RV, 0xcf000000, IOC },
	{ "frint32x_rn", "t_frint32x_s", RN, 0x3fc00000, 0, 0, RV, S2, IXC },
	{ "frint32x_rm", "t_frint32x_s", RM, 0x3fc00000, 0, 0, RV, S1, IXC },
	{ "frint32x_d_tie_overflows", "t_frint32x_d", RN, 0x41dfffffffe00000, 0, 0, RV,
	  0xc1e0000000000000, IOC },
	{ "frint32x_d_rz_fits", "t_frint32x_d", RZ, 0x41dfffffffe00000, 0, 0, RV,
	  0x41dfffffffc00000, IXC },
	{ "frint64z_2p63", "t_frint64z_d", RN, 0x43e0000000000000, 0, 0, RV, 0xc3e0000000000000,
	  IOC },
	{ "frint64z_neg_inf", "t_frint64z_d", RN, 0xfff0000000000000, 0, 0, RV,
	  0xc3e0000000000000, IOC },
	{ "frint64x_big_fits", "t_frint64x_d", RN, 0x43dfffffffffffff, 0, 0, RV,
	  0x43dfffffffffffff, 0 },
	{ "frint64x_fz_denormal", "t_frint64x_d", FZ, 0x8000000000000001, 0, 0, RV,
	  0x8000000000000000, IDC },
	{ "frint32z_vector", "t_frint32z_v4s", RN, 0x4f000000c0200000, 0, 0, RV,
	  0xcf000000c0000000, IOC | IXC },
	/* Half precision (FEAT_FP16): FZ16 not FZ, no IDC for flushed inputs,
	 * AHP ignored by arithmetic. */
	{ "h_fadd", "t_fadd_h2", RN, 0x3c00, 0x4000, 0, RV, 0x4200, 0 },
	{ "h_fadd_overflow", "t_fadd_h2", RN, 0x7bff, 0x7bff, 0, RV, 0x7c00, OFC | IXC },
	{ "h_fadd_overflow_rz", "t_fadd_h2", RZ, 0x7bff, 0x7bff, 0, RV, 0x7bff, OFC | IXC },
	{ "h_fadd_denormals", "t_fadd_h2", FZ, 1, 1, 0, RV, 2, 0 },
	{ "h_fadd_fz16_inputs", "t_fadd_h2", 0x80000, 1, 1, 0, RV, 0, 0 },
	{ "h_fadd_ahp_ignored", "t_fadd_h2", AHP, 0x7c00, 0x3c00, 0, RV, 0x7c00, 0 },
	{ "h_fadd_snan", "t_fadd_h2", RN, 0x3c00, 0x7d23, 0, RV, 0x7f23, IOC },
	{ "h_fmul_denormal_exact", "t_fmul_h", RN, 0x0400, 0x3800, 0, RV, 0x0200, 0 },
	{ "h_fmul_fz16_flush", "t_fmul_h", 0x80000, 0x0400, 0x3800, 0, RV, 0, UFC },
	{ "h_fdiv_by_zero", "t_fdiv_h", RN, 0x3c00, 0x8000, 0, RV, 0xfc00, DZC },
	{ "h_fsqrt_2", "t_fsqrt_h", RN, 0x4000, 0, 0, RV, 0x3da8, IXC },
	{ "h_fmadd", "t_fmadd_h", RN, 0x4000, 0x4200, 0x3c00, RV, 0x4700, 0 },
	{ "h_fcmp_less", "t_fcmp_h", RN, 0x3c00, 0x4000, 0, RF, 8, 0 },
	{ "h_fcmp_qnan", "t_fcmp_h", RN, 0x7e00, 0x4000, 0, RF, 3, 0 },
	{ "h_fcmpe_qnan", "t_fcmpe_h", RN, 0x7e00, 0x4000, 0, RF, 3, IOC },
	{ "h_fcmp_fz16_denormal_eq_zero", "t_fcmp_h", 0x80000, 0x8001, 0, 0, RF, 6, 0 },
	{ "h_frintn_tie", "t_frintn_h", RN, 0x4100, 0, 0, RV, 0x4000, 0 },
	{ "h_fcvtzs", "t_fcvtzs_wh", RN, 0xbe00, 0, 0, RX, 0xffffffff, IXC },
	{ "h_fcvtzs_max", "t_fcvtzs_wh", RN, 0x7bff, 0, 0, RX, 65504, 0 },
	{ "h_scvtf_rounds_to_inf", "t_scvtf_hw", RN, 65520, 0, 0, RV, 0x7c00, OFC | IXC },
	{ "h_scvtf_rz_max", "t_scvtf_hw", RZ, 65520, 0, 0, RV, 0x7bff, IXC },
	{ "h_fmov_imm", "t_fmov_h_imm", RN, 0, 0, 0, RV, 0xb000, 0 },
	{ "h_fmov_to_w", "t_fmov_wh", RN, 0xabcd3c00, 0, 0, RX, 0x3c00, 0 },
	{ "h_fmov_from_w", "t_fmov_hw", RN, 0x12345678, 0, 0, RV, 0x5678, 0 },
	{ "h_fcvt_ignores_fz16", "t_fcvt_s_h", 0x80000, 1, 0, 0, RV, 0x33800000, 0 },
};

static void run_case(const struct fcase *t)
{
	start(t->name, t->label);
	cpu.v[1].d[0] = t->a;
	cpu.v[1].d[1] = 0x1111111111111111ull;
	cpu.v[2].d[0] = t->b;
	cpu.v[3].d[0] = t->c;
	cpu.v[0].d[1] = 0x2222222222222222ull;
	X(1) = t->a;
	cpu.fpcr = t->fpcr;
	cpu.fpsr = 0;
	run_brk();
	switch (t->kind) {
	case RV:
		EQ(cpu.v[0].d[0], t->want);
		EQ(cpu.v[0].d[1], 0);
		break;
	case RX:
		EQ(X(0), t->want);
		break;
	default:
		EQ(NZCV >> 28, t->want);
		break;
	}
	EQ(cpu.fpsr, t->fpsr);
	end();
}

static void test_misc(void)
{
	start("fmov_forms", "t_fmov_imm");
	cpu.v[1].d[0] = 0x3f800000;
	cpu.v[1].d[1] = 0xabcdef;
	cpu.v[6].d[0] = 0x1234;
	X(1) = 0x5555;
	run_brk();
	EQ(cpu.v[0].d[0], 0xbff4000000000000ull); EQ(cpu.v[4].d[0], 0x41f80000);
	EQ(cpu.v[4].d[1], 0); EQ(X(5), 0xabcdef); EQ(cpu.v[6].d[1], 0x5555);
	EQ(cpu.v[6].d[0], 0x1234); EQ(X(7), 0x3f800000);
	end();

	/* FRINT32/64 have no half form (vector half precision: test_a64_fp16.c);
	 * FDIV has no Advanced SIMD scalar form. */
	static const char *const undefs[] = { "t_frint32z_h", "t_fdiv_scal_s", "t_fdiv_scal_d" };
	expect_undef(undefs, sizeof(undefs) / sizeof(undefs[0]));
}

int main(void)
{
	static const char *const files[] = { "fp" };
	const char *dir = getenv("A64_ASM_DIR") ? getenv("A64_ASM_DIR") : "tests/cpu";
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (harness_init(dir, files, 1) < 0)
		return 2;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
	test_misc();
	printf("%d passed, %d failed\n", npass, nfail);
	a64_destroy(&cpu);
	return nfail != 0;
}
