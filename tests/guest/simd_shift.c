/* Advanced SIMD shift by immediate (integer), vector and scalar forms,
 * checked against values recorded under qemu-aarch64
 * (simd_expected_shift.h, made by gen_simd_expected.sh). */
// EXPECT-STDOUT: records checked, 0 mismatches
#define SIMD_EXPECTED "simd_expected_shift.h"
#include "simd_harness.h"

#define SI(op, t, n) RUN(op " v2." t ", v0." t ", #" #n)
/* right shifts: 1, mid, esize */
#define R_ALL(op) SI(op, "8b", 1); SI(op, "16b", 3); SI(op, "16b", 8); \
	SI(op, "4h", 1); SI(op, "8h", 9); SI(op, "8h", 16); \
	SI(op, "2s", 1); SI(op, "4s", 17); SI(op, "4s", 32); \
	SI(op, "2d", 1); SI(op, "2d", 33); SI(op, "2d", 64)
/* left shifts: 0, mid, esize-1 */
#define L_ALL(op) SI(op, "8b", 0); SI(op, "16b", 3); SI(op, "16b", 7); \
	SI(op, "4h", 0); SI(op, "8h", 9); SI(op, "8h", 15); \
	SI(op, "2s", 0); SI(op, "4s", 17); SI(op, "4s", 31); \
	SI(op, "2d", 0); SI(op, "2d", 33); SI(op, "2d", 63)
#define NR(op) RUN(op " v2.8b, v0.8h, #1"); RUN(op "2 v2.16b, v0.8h, #8"); \
	RUN(op " v2.4h, v0.4s, #5"); RUN(op "2 v2.8h, v0.4s, #16"); \
	RUN(op " v2.2s, v0.2d, #1"); RUN(op "2 v2.4s, v0.2d, #32"); \
	RUN(op " v2.2s, v0.2d, #13")
#define LL(op) RUN(op " v2.8h, v0.8b, #0"); RUN(op "2 v2.8h, v0.16b, #7"); \
	RUN(op " v2.4s, v0.4h, #3"); RUN(op "2 v2.4s, v0.8h, #15"); \
	RUN(op " v2.2d, v0.2s, #31"); RUN(op "2 v2.2d, v0.4s, #1")
#define SD(op, n) RUN(op " d2, d0, #" #n)
#define SCL(op) RUN(op " b2, b0, #0"); RUN(op " b2, b0, #5"); RUN(op " h2, h0, #7"); \
	RUN(op " s2, s0, #30"); RUN(op " d2, d0, #63"); RUN(op " d2, d0, #1")
#define SCN(op) RUN(op " b2, h0, #1"); RUN(op " b2, h0, #8"); RUN(op " h2, s0, #3"); \
	RUN(op " h2, s0, #16"); RUN(op " s2, d0, #1"); RUN(op " s2, d0, #32")

static void body(void)
{
	R_ALL("sshr"); R_ALL("ushr"); R_ALL("ssra"); R_ALL("usra");
	R_ALL("srshr"); R_ALL("urshr"); R_ALL("srsra"); R_ALL("ursra");
	R_ALL("sri"); L_ALL("shl"); L_ALL("sli");
	L_ALL("sqshl"); L_ALL("uqshl"); L_ALL("sqshlu");
	NR("shrn"); NR("rshrn"); NR("sqshrn"); NR("uqshrn"); NR("sqrshrn"); NR("uqrshrn");
	NR("sqshrun"); NR("sqrshrun");
	LL("sshll"); LL("ushll"); RUN("sxtl v2.8h, v0.8b"); RUN("uxtl2 v2.2d, v0.4s");

	/* scalar */
	SD("sshr", 1); SD("sshr", 64); SD("ushr", 64); SD("ushr", 7);
	SD("ssra", 63); SD("usra", 64); SD("srshr", 64); SD("urshr", 64); SD("srshr", 3);
	SD("srsra", 10); SD("ursra", 1); SD("sri", 64); SD("sri", 12);
	SD("shl", 0); SD("shl", 63); SD("sli", 0); SD("sli", 40);
	SCL("sqshl"); SCL("uqshl"); SCL("sqshlu");
	SCN("sqshrn"); SCN("uqshrn"); SCN("sqrshrn"); SCN("uqrshrn");
	SCN("sqshrun"); SCN("sqrshrun");
}

int main(int argc, char **argv, char **envp)
{
	return simd_main(body);
}
