/* Exact AArch64 scalar floating point in software (the ARM ARM's FPRound,
 * FPProcessNaNs, FPAdd ... pseudocode on integers).  fp.c takes a host FP
 * fast path for the common case and falls back to these for everything
 * else (NaNs, denormals, flush-to-zero, results near the underflow
 * threshold).  Values travel as raw bit patterns in a uint64_t. */
#ifndef BSDEMU_CPU_A64_FP_SOFT_H
#define BSDEMU_CPU_A64_FP_SOFT_H

#include <stdint.h>

enum { FP_H, FP_S, FP_D }; /* formats */

/* Rounding modes: 0..3 are FPCR.RMode's values. */
enum { FPR_TIEEVEN, FPR_POSINF, FPR_NEGINF, FPR_ZERO, FPR_TIEAWAY,
       FPR_ODD /* FPRounding_ODD: FCVTXN only */ };

/* FPSR cumulative exception bits. */
#define FPSR_IOC 0x01u
#define FPSR_DZC 0x02u
#define FPSR_OFC 0x04u
#define FPSR_UFC 0x08u
#define FPSR_IXC 0x10u
#define FPSR_IDC 0x80u

/* FPCR bits the core obeys. */
#define FPCR_AHP (1u << 26)
#define FPCR_DN  (1u << 25)
#define FPCR_FZ  (1u << 24)
#define FPCR_FZ16 (1u << 19) /* flush-to-zero for half precision */
#define FPCR_RMODE(fpcr) (((fpcr) >> 22) & 3)

/* The FPCR an operation runs under and the exceptions it raised. */
struct fpenv {
	uint32_t fpcr;
	uint32_t exc;
};

uint64_t fps_default_nan(int fmt);
uint64_t fps_add(struct fpenv *e, int fmt, uint64_t a, uint64_t b, int sub);
uint64_t fps_mul(struct fpenv *e, int fmt, uint64_t a, uint64_t b);
/* FPMulX (FMULX): 0 * inf = +-2.0 instead of Invalid Operation. */
uint64_t fps_mulx(struct fpenv *e, int fmt, uint64_t a, uint64_t b);
uint64_t fps_div(struct fpenv *e, int fmt, uint64_t a, uint64_t b);
uint64_t fps_sqrt(struct fpenv *e, int fmt, uint64_t a);
/* op: 0 FMAX, 1 FMIN, 2 FMAXNM, 3 FMINNM */
uint64_t fps_minmax(struct fpenv *e, int fmt, uint64_t a, uint64_t b, int op);
/* addend + a * b with one rounding (FPMulAdd; negations done by caller). */
uint64_t fps_muladd(struct fpenv *e, int fmt, uint64_t addend, uint64_t a, uint64_t b);
uint64_t fps_recps(struct fpenv *e, int fmt, uint64_t a, uint64_t b);
uint64_t fps_rsqrts(struct fpenv *e, int fmt, uint64_t a, uint64_t b);
uint64_t fps_recpe(struct fpenv *e, int fmt, uint64_t a);
uint64_t fps_rsqrte(struct fpenv *e, int fmt, uint64_t a);
/* URECPE / URSQRTE of one 32-bit element (integer, no FPSR effects). */
uint32_t fps_urecpe(uint32_t a);
uint32_t fps_ursqrte(uint32_t a);
uint64_t fps_recpx(struct fpenv *e, int fmt, uint64_t a);
uint64_t fps_roundint(struct fpenv *e, int fmt, uint64_t a, int rmode, int exact);
/* FPRoundIntN (FRINT32Z/X, FRINT64Z/X): single or double rounded to an
 * integral value that fits INTSIZE-bit signed integers, else that type's
 * most negative value (and IOC). */
uint64_t fps_roundint_n(struct fpenv *e, int fmt, uint64_t a, int rmode, int intsize);
uint64_t fps_convert(struct fpenv *e, int from, int to, uint64_t a);
/* FPConvert under rounding mode RMODE (FPR_ODD for FCVTXN). */
uint64_t fps_convert_rm(struct fpenv *e, int from, int to, uint64_t a, int rmode);
/* FPToFixed: result in the low 32/64 bits (is64), saturated. */
uint64_t fps_to_fixed(struct fpenv *e, int fmt, uint64_t a, int fbits, int is_unsigned,
		      int is64, int rmode);
/* The same to a BITSZ-bit (16, 32 or 64) integer: the FP16 vector forms
 * saturate to 16 bits. */
uint64_t fps_to_fixed_n(struct fpenv *e, int fmt, uint64_t a, int fbits, int is_unsigned,
			int bitsz, int rmode);
/* FPToFixedJS (FJCVTZS): double to int32 toward zero, modulo 2^32;
 * *z = 1 when the conversion was exact (the Z flag). */
uint32_t fps_to_int_js(struct fpenv *e, uint64_t a, int *z);
/* FixedToFP: X is the 32/64-bit integer (already zero/sign extended). */
uint64_t fps_from_fixed(struct fpenv *e, int fmt, uint64_t x, int fbits, int is_unsigned,
			int rmode);
/* FPCompare: NZCV in bits 3..0.  signal_all: FCMPE (any NaN raises IOC). */
unsigned fps_compare(struct fpenv *e, int fmt, uint64_t a, uint64_t b, int signal_all);

#endif
