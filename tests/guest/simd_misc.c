/* Advanced SIMD two-register misc (integer), across lanes and scalar
 * pairwise, vector and scalar forms, checked against values recorded under
 * qemu-aarch64 (simd_expected_misc.h, made by gen_simd_expected.sh). */
// EXPECT-STDOUT: records checked, 0 mismatches
#define SIMD_EXPECTED "simd_expected_misc.h"
#include "simd_harness.h"

#define A2(op, t) op " v2." t ", v0." t
#define M_B(op) RUN(A2(op, "8b")); RUN(A2(op, "16b"))
#define M_H(op) RUN(A2(op, "4h")); RUN(A2(op, "8h"))
#define M_S(op) RUN(A2(op, "2s")); RUN(A2(op, "4s"))
#define M_BHS(op) M_B(op); M_H(op); M_S(op)
#define M_ALL(op) M_BHS(op); RUN(A2(op, "2d"))
#define Z2(op, t) op " v2." t ", v0." t ", #0"
#define Z_ALL(op) RUN(Z2(op, "8b")); RUN(Z2(op, "16b")); RUN(Z2(op, "4h")); \
	RUN(Z2(op, "8h")); RUN(Z2(op, "2s")); RUN(Z2(op, "4s")); RUN(Z2(op, "2d"))
/* long pairwise: OP v2.<2x>, v0.<x> */
#define LP(op) RUN(op " v2.4h, v0.8b"); RUN(op " v2.8h, v0.16b"); \
	RUN(op " v2.2s, v0.4h"); RUN(op " v2.4s, v0.8h"); \
	RUN(op " v2.1d, v0.2s"); RUN(op " v2.2d, v0.4s")
/* narrow: OP v2.<x>, v0.<2x> and OP2 */
#define NARROW(op) RUN(op " v2.8b, v0.8h"); RUN(op "2 v2.16b, v0.8h"); \
	RUN(op " v2.4h, v0.4s"); RUN(op "2 v2.8h, v0.4s"); \
	RUN(op " v2.2s, v0.2d"); RUN(op "2 v2.4s, v0.2d")
#define ACROSS(op) RUN(op " b2, v0.8b"); RUN(op " b2, v0.16b"); \
	RUN(op " h2, v0.4h"); RUN(op " h2, v0.8h"); RUN(op " s2, v0.4s")
#define ACROSSL(op) RUN(op " h2, v0.8b"); RUN(op " h2, v0.16b"); \
	RUN(op " s2, v0.4h"); RUN(op " s2, v0.8h"); RUN(op " d2, v0.4s")

static void body(void)
{
	M_BHS("rev64"); M_B("rev32"); M_H("rev32"); M_B("rev16");
	M_B("cnt"); M_BHS("cls"); M_BHS("clz"); M_B("not"); M_B("mvn"); M_B("rbit");
	M_ALL("abs"); M_ALL("neg"); M_ALL("sqabs"); M_ALL("sqneg");
	M_ALL("suqadd"); M_ALL("usqadd");
	Z_ALL("cmeq"); Z_ALL("cmge"); Z_ALL("cmgt"); Z_ALL("cmle"); Z_ALL("cmlt");
	NARROW("xtn"); NARROW("sqxtn"); NARROW("uqxtn"); NARROW("sqxtun");
	LP("saddlp"); LP("uaddlp"); LP("sadalp"); LP("uadalp");
	RUN("shll v2.8h, v0.8b, #8"); RUN("shll2 v2.8h, v0.16b, #8");
	RUN("shll v2.4s, v0.4h, #16"); RUN("shll2 v2.4s, v0.8h, #16");
	RUN("shll v2.2d, v0.2s, #32"); RUN("shll2 v2.2d, v0.4s, #32");
	ACROSS("addv"); ACROSS("smaxv"); ACROSS("sminv"); ACROSS("umaxv"); ACROSS("uminv");
	ACROSSL("saddlv"); ACROSSL("uaddlv");
	RUN("addp d2, v0.2d");

	/* scalar */
	RUN("abs d2, d0"); RUN("neg d2, d0");
	RUN("cmeq d2, d0, #0"); RUN("cmge d2, d0, #0"); RUN("cmgt d2, d0, #0");
	RUN("cmle d2, d0, #0"); RUN("cmlt d2, d0, #0");
#define SC4(op) RUN(op " b2, b0"); RUN(op " h2, h0"); RUN(op " s2, s0"); RUN(op " d2, d0")
	SC4("sqabs"); SC4("sqneg"); SC4("suqadd"); SC4("usqadd");
#define SCN(op) RUN(op " b2, h0"); RUN(op " h2, s0"); RUN(op " s2, d0")
	SCN("sqxtn"); SCN("uqxtn"); SCN("sqxtun");
	/* copies of elements to scalar, moves */
	RUN("mov b2, v0.b[15]"); RUN("mov h2, v0.h[3]"); RUN("mov s2, v0.s[2]"); RUN("mov d2, v0.d[1]");
	RUN("dup b2, v0.b[0]");
}

int main(int argc, char **argv, char **envp)
{
	return simd_main(body);
}
