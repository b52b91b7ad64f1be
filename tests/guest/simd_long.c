/* Advanced SIMD three different (long, wide, narrowing high half) and
 * vector x indexed element (integer), vector and scalar forms, checked
 * against values recorded under qemu-aarch64 (simd_expected_long.h, made by
 * gen_simd_expected.sh). */
// EXPECT-STDOUT: records checked, 0 mismatches
#define SIMD_EXPECTED "simd_expected_long.h"
#include "simd_harness.h"

/* long: OP v2.<2x>, v0.<x>, v1.<x> and OP2 */
#define L3(op) RUN(op " v2.8h, v0.8b, v1.8b"); RUN(op "2 v2.8h, v0.16b, v1.16b"); \
	RUN(op " v2.4s, v0.4h, v1.4h"); RUN(op "2 v2.4s, v0.8h, v1.8h"); \
	RUN(op " v2.2d, v0.2s, v1.2s"); RUN(op "2 v2.2d, v0.4s, v1.4s")
#define L3HS(op) RUN(op " v2.4s, v0.4h, v1.4h"); RUN(op "2 v2.4s, v0.8h, v1.8h"); \
	RUN(op " v2.2d, v0.2s, v1.2s"); RUN(op "2 v2.2d, v0.4s, v1.4s")
#define W3(op) RUN(op " v2.8h, v0.8h, v1.8b"); RUN(op "2 v2.8h, v0.8h, v1.16b"); \
	RUN(op " v2.4s, v0.4s, v1.4h"); RUN(op "2 v2.4s, v0.4s, v1.8h"); \
	RUN(op " v2.2d, v0.2d, v1.2s"); RUN(op "2 v2.2d, v0.2d, v1.4s")
#define N3(op) RUN(op " v2.8b, v0.8h, v1.8h"); RUN(op "2 v2.16b, v0.8h, v1.8h"); \
	RUN(op " v2.4h, v0.4s, v1.4s"); RUN(op "2 v2.8h, v0.4s, v1.4s"); \
	RUN(op " v2.2s, v0.2d, v1.2d"); RUN(op "2 v2.4s, v0.2d, v1.2d")
/* by element */
#define E3(op) RUN(op " v2.4h, v0.4h, v1.h[0]"); RUN(op " v2.8h, v0.8h, v1.h[7]"); \
	RUN(op " v2.8h, v0.8h, v6.h[3]"); \
	RUN(op " v2.2s, v0.2s, v1.s[1]"); RUN(op " v2.4s, v0.4s, v1.s[3]"); \
	RUN(op " v2.4s, v0.4s, v5.s[2]")
#define EL(op) RUN(op " v2.4s, v0.4h, v1.h[1]"); RUN(op "2 v2.4s, v0.8h, v1.h[6]"); \
	RUN(op " v2.2d, v0.2s, v1.s[0]"); RUN(op "2 v2.2d, v0.4s, v1.s[3]")

static void body(void)
{
	L3("saddl"); L3("uaddl"); L3("ssubl"); L3("usubl");
	W3("saddw"); W3("uaddw"); W3("ssubw"); W3("usubw");
	N3("addhn"); N3("raddhn"); N3("subhn"); N3("rsubhn");
	L3("sabdl"); L3("uabdl"); L3("sabal"); L3("uabal");
	L3("smull"); L3("umull"); L3("smlal"); L3("umlal"); L3("smlsl"); L3("umlsl");
	L3HS("sqdmull"); L3HS("sqdmlal"); L3HS("sqdmlsl");
	RUN("pmull v2.8h, v0.8b, v1.8b"); RUN("pmull2 v2.8h, v0.16b, v1.16b");
	RUN(".arch_extension aes\n\tpmull v2.1q, v0.1d, v1.1d");
	RUN(".arch_extension aes\n\tpmull2 v2.1q, v0.2d, v1.2d");
	/* scalar long */
	RUN("sqdmull s2, h0, h1"); RUN("sqdmull d2, s0, s1");
	RUN("sqdmlal s2, h0, h1"); RUN("sqdmlal d2, s0, s1");
	RUN("sqdmlsl s2, h0, h1"); RUN("sqdmlsl d2, s0, s1");

	E3("mul"); E3("mla"); E3("mls"); E3("sqdmulh"); E3("sqrdmulh");
	EL("smull"); EL("umull"); EL("smlal"); EL("umlal"); EL("smlsl"); EL("umlsl");
	EL("sqdmull"); EL("sqdmlal"); EL("sqdmlsl");
	RUN("sqdmulh h2, h0, v1.h[7]"); RUN("sqdmulh s2, s0, v1.s[1]");
	RUN("sqrdmulh h2, h0, v1.h[2]"); RUN("sqrdmulh s2, s0, v1.s[3]");
	RUN("sqdmull s2, h0, v1.h[1]"); RUN("sqdmull d2, s0, v1.s[2]");
	RUN("sqdmlal s2, h0, v1.h[4]"); RUN("sqdmlal d2, s0, v1.s[0]");
	RUN("sqdmlsl s2, h0, v1.h[5]"); RUN("sqdmlsl d2, s0, v1.s[1]");
}

int main(int argc, char **argv, char **envp)
{
	return simd_main(body);
}
