/* Advanced SIMD floating point (single/double), vector and scalar forms:
 * arithmetic, compares, pairwise, conversions, rounding, FCVTL/FCVTN,
 * across lanes and by element, with FPSR flags and some FPCR settings
 * (FZ, DN, rounding mode), checked against values recorded under
 * qemu-aarch64 (simd_expected_fp.h, made by gen_simd_expected.sh). */
// EXPECT-STDOUT: records checked, 0 mismatches
#define SIMD_EXPECTED "simd_expected_fp.h"
#include "simd_harness.h"

/* Sets 0 and 1 get FP values; 2-4 keep the random bit patterns. */
static void fp_inputs(void)
{
	static const uint32_t s0[16] = {
		0x3fc00000, 0xc0100000, 0x40400000, 0x3dcccccd, /* 1.5 -2.25 3 0.1 */
		0x3f800000, 0x40490fdb, 0xbf000000, 0x4b000001, /* 1 pi -0.5 2^23+1 */
		0x3fa00000, 0xc0200000, 0x3eaaaaab, 0x4f000000, /* 1.25 -2.5 1/3 2^31 */
		0xcf000001, 0x42f6e979, 0x3f000000, 0x40a00000, /* ... 123.456 0.5 5 */
	};
	static const uint32_t s1[16] = {
		0x7fc00000, 0xff800000, 0x80000000, 0x00000001, /* qNaN -inf -0 denormal */
		0x7f800000, 0x7fa00000, 0x00800000, 0x7f7fffff, /* inf sNaN min-normal max */
		0x00000000, 0x3f800000, 0x80400000, 0xffc00001, /* 0 1 -denormal -qNaN */
		0x7f7fffff, 0x00800001, 0xbf800000, 0x7fc00000,
	};
	static const uint64_t d1[8] = {
		0x7ff8000000000000ull, 0xfff0000000000000ull, /* qNaN -inf */
		0x8000000000000000ull, 0x0000000000000001ull, /* -0 denormal */
		0x7ff4000000000000ull, 0x3ff8000000000000ull, /* sNaN 1.5 */
		0x7fefffffffffffffull, 0xc00c000000000000ull, /* max -3.5 */
	};
	const uint32_t *s = simd_set == 0 ? s0 : simd_set == 1 ? s1 : NULL;
	if (!s)
		return;
	for (int r = 0; r < 3; r++)
		for (int i = 0; i < 4; i++) {
			uint32_t w = s[(4 * r + i + 5 * r) % 16];
			memcpy(simd_in + 16 * r + 4 * i, &w, 4);
		}
	if (simd_set == 1) /* v3 and v4: double specials */
		memcpy(simd_in + 48, d1, 32);
	else { /* v3, v4: doubles 1.5, -2.25e10, 0.1, 3 */
		static const uint64_t d0[4] = { 0x3ff8000000000000ull, 0xc214f46b04000000ull,
						0x3fb999999999999aull, 0x4008000000000000ull };
		memcpy(simd_in + 48, d0, 32);
	}
}

#define F3S(op) RUN(op " v2.2s, v0.2s, v1.2s"); RUN(op " v2.4s, v0.4s, v1.4s"); \
	RUN(op " v2.2d, v3.2d, v4.2d"); RUN(op " v2.2d, v0.2d, v1.2d")
#define F2(op) RUN(op " v2.2s, v0.2s"); RUN(op " v2.4s, v0.4s"); \
	RUN(op " v2.2d, v3.2d"); RUN(op " v2.2d, v4.2d"); RUN(op " v2.2d, v0.2d")
#define F0(op) RUN(op " v2.4s, v0.4s, #0.0"); RUN(op " v2.2d, v3.2d, #0.0"); \
	RUN(op " v2.2d, v4.2d, #0.0"); RUN(op " s2, s1, #0.0"); RUN(op " d2, d4, #0.0")
#define WITH_FPCR(val, text) "mov x11, #" #val "\n\tmsr fpcr, x11\n\t" text "\n\tmsr fpcr, xzr"

static void body(void)
{
	fp_inputs();
	F3S("fadd"); F3S("fsub"); F3S("fmul"); F3S("fdiv");
	F3S("fmax"); F3S("fmin"); F3S("fmaxnm"); F3S("fminnm"); F3S("fabd");
	F3S("fmla"); F3S("fmls");
	F3S("fcmeq"); F3S("fcmge"); F3S("fcmgt"); F3S("facge"); F3S("facgt");
	F3S("faddp"); F3S("fmaxp"); F3S("fminp"); F3S("fmaxnmp"); F3S("fminnmp");
	F2("fabs"); F2("fneg"); F2("fsqrt");
	F0("fcmeq"); F0("fcmge"); F0("fcmgt"); F0("fcmle"); F0("fcmlt");
	F2("frintn"); F2("frintm"); F2("frintp"); F2("frintz"); F2("frinta"); F2("frintx"); F2("frinti");
	F2("fcvtns"); F2("fcvtms"); F2("fcvtps"); F2("fcvtzs"); F2("fcvtas");
	F2("fcvtnu"); F2("fcvtmu"); F2("fcvtpu"); F2("fcvtzu"); F2("fcvtau");
	F2("scvtf"); F2("ucvtf");
	RUN("fcvtl v2.2d, v0.2s"); RUN("fcvtl2 v2.2d, v0.4s"); RUN("fcvtl v2.4s, v0.4h");
	RUN("fcvtl2 v2.4s, v1.8h");
	RUN("fcvtn v2.2s, v3.2d"); RUN("fcvtn2 v2.4s, v4.2d"); RUN("fcvtn v2.4h, v0.4s");
	RUN("fcvtn2 v2.8h, v1.4s");
	RUN("fmaxv s2, v0.4s"); RUN("fminv s2, v0.4s"); RUN("fmaxnmv s2, v0.4s"); RUN("fminnmv s2, v0.4s");
	RUN("faddp s2, v0.2s"); RUN("faddp d2, v3.2d"); RUN("fmaxp s2, v0.2s"); RUN("fminp d2, v4.2d");
	RUN("fmaxnmp s2, v1.2s"); RUN("fminnmp d2, v3.2d");
	RUN("fmul v2.4s, v0.4s, v1.s[3]"); RUN("fmul v2.2s, v0.2s, v1.s[1]");
	RUN("fmul v2.2d, v3.2d, v4.d[1]"); RUN("fmla v2.4s, v0.4s, v1.s[2]");
	RUN("fmls v2.2d, v3.2d, v4.d[0]"); RUN("fmul s2, s0, v1.s[2]"); RUN("fmla d2, d3, v4.d[1]");
	RUN("fmls s2, s0, v1.s[0]");
	/* scalar three same and conversions */
	RUN("fabd s2, s0, s1"); RUN("fabd d2, d3, d4"); RUN("fcmeq s2, s0, s1"); RUN("fcmge d2, d3, d4");
	RUN("fcmgt s2, s0, s1"); RUN("facge d2, d3, d4"); RUN("facgt s2, s0, s1");
	RUN("fcvtzs s2, s0"); RUN("fcvtzu d2, d3"); RUN("fcvtns s2, s1"); RUN("fcvtau d2, d4");
	RUN("scvtf s2, s0"); RUN("ucvtf d2, d3");
	/* FPCR: FZ, DN, round toward minus infinity */
	RUN(WITH_FPCR(0x1000000, "fmul v2.4s, v0.4s, v1.4s"));
	RUN(WITH_FPCR(0x1000000, "fadd v2.2d, v3.2d, v4.2d"));
	RUN(WITH_FPCR(0x2000000, "fadd v2.4s, v0.4s, v1.4s"));
	RUN(WITH_FPCR(0x2000000, "fmaxnm v2.2d, v3.2d, v4.2d"));
	RUN(WITH_FPCR(0x800000, "fdiv v2.4s, v0.4s, v1.4s"));
	RUN(WITH_FPCR(0x800000, "frinti v2.4s, v0.4s"));
	RUN(WITH_FPCR(0xc00000, "scvtf v2.4s, v0.4s"));
}

int main(int argc, char **argv, char **envp)
{
	return simd_main(body);
}
