/* Advanced SIMD three same (integer), vector and scalar forms, checked
 * against values recorded under qemu-aarch64 (simd_expected_3same.h, made
 * by gen_simd_expected.sh). */
// EXPECT-STDOUT: records checked, 0 mismatches
#define SIMD_EXPECTED "simd_expected_3same.h"
#include "simd_harness.h"

static void body(void)
{
	S3_ALL("add"); S3_ALL("sub"); S3_BHS("mul"); S3_BHS("mla"); S3_BHS("mls");
	S3_ALL("cmeq"); S3_ALL("cmge"); S3_ALL("cmgt"); S3_ALL("cmhi"); S3_ALL("cmhs");
	S3_ALL("cmtst");
	S3_BHS("smax"); S3_BHS("smin"); S3_BHS("umax"); S3_BHS("umin");
	S3_BHS("smaxp"); S3_BHS("sminp"); S3_BHS("umaxp"); S3_BHS("uminp");
	S3_ALL("addp");
	S3_BHS("shadd"); S3_BHS("uhadd"); S3_BHS("srhadd"); S3_BHS("urhadd");
	S3_BHS("shsub"); S3_BHS("uhsub");
	S3_ALL("sqadd"); S3_ALL("uqadd"); S3_ALL("sqsub"); S3_ALL("uqsub");
	S3_ALL("sshl"); S3_ALL("ushl"); S3_ALL("srshl"); S3_ALL("urshl");
	S3_ALL("sqshl"); S3_ALL("uqshl"); S3_ALL("sqrshl"); S3_ALL("uqrshl");
	S3_BHS("sabd"); S3_BHS("uabd"); S3_BHS("saba"); S3_BHS("uaba");
	S3_HS("sqdmulh"); S3_HS("sqrdmulh");
	S3_B("pmul");
	S3_B("and"); S3_B("orr"); S3_B("eor"); S3_B("bic"); S3_B("orn");
	S3_B("bsl"); S3_B("bit"); S3_B("bif");

	/* scalar */
	RUN("add d2, d0, d1"); RUN("sub d2, d0, d1");
	RUN("cmeq d2, d0, d1"); RUN("cmge d2, d0, d1"); RUN("cmgt d2, d0, d1");
	RUN("cmhi d2, d0, d1"); RUN("cmhs d2, d0, d1"); RUN("cmtst d2, d0, d1");
	RUN("sshl d2, d0, d1"); RUN("ushl d2, d0, d1");
	RUN("srshl d2, d0, d1"); RUN("urshl d2, d0, d1");
#define SC4(op) RUN(op " b2, b0, b1"); RUN(op " h2, h0, h1"); \
	RUN(op " s2, s0, s1"); RUN(op " d2, d0, d1")
	SC4("sqadd"); SC4("uqadd"); SC4("sqsub"); SC4("uqsub");
	SC4("sqshl"); SC4("uqshl"); SC4("sqrshl"); SC4("uqrshl");
	RUN("sqdmulh h2, h0, h1"); RUN("sqdmulh s2, s0, s1");
	RUN("sqrdmulh h2, h0, h1"); RUN("sqrdmulh s2, s0, s1");
	/* destination aliasing a source */
	RUN("add v2.4s, v2.4s, v2.4s");
	RUN("mla v2.8h, v2.8h, v0.8h");
}

int main(int argc, char **argv, char **envp)
{
	return simd_main(body);
}
