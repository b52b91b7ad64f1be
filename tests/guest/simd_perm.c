/* Advanced SIMD permute (ZIP/UZP/TRN), EXT, TBL/TBX with 1-4 table
 * registers and DUP, checked against values recorded under qemu-aarch64
 * (simd_expected_perm.h, made by gen_simd_expected.sh). */
// EXPECT-STDOUT: records checked, 0 mismatches
#define SIMD_EXPECTED "simd_expected_perm.h"
#include "simd_harness.h"

static void body(void)
{
	S3_ALL("zip1"); S3_ALL("zip2"); S3_ALL("uzp1"); S3_ALL("uzp2");
	S3_ALL("trn1"); S3_ALL("trn2");
	RUN("ext v2.8b, v0.8b, v1.8b, #0"); RUN("ext v2.8b, v0.8b, v1.8b, #3");
	RUN("ext v2.8b, v0.8b, v1.8b, #7"); RUN("ext v2.16b, v0.16b, v1.16b, #0");
	RUN("ext v2.16b, v0.16b, v1.16b, #9"); RUN("ext v2.16b, v0.16b, v1.16b, #15");
	RUN("ext v2.16b, v2.16b, v2.16b, #4");
	/* table lookups: indices in v1 (set 3 has small and negative bytes) */
	RUN("tbl v2.8b, {v3.16b}, v1.8b"); RUN("tbl v2.16b, {v3.16b}, v1.16b");
	RUN("tbl v2.16b, {v3.16b, v4.16b}, v1.16b");
	RUN("tbl v2.16b, {v3.16b, v4.16b, v5.16b}, v1.16b");
	RUN("tbl v2.16b, {v3.16b, v4.16b, v5.16b, v6.16b}, v1.16b");
	RUN("tbl v2.8b, {v3.16b, v4.16b, v5.16b, v6.16b}, v1.8b");
	RUN("tbx v2.8b, {v3.16b}, v1.8b"); RUN("tbx v2.16b, {v3.16b}, v1.16b");
	RUN("tbx v2.16b, {v3.16b, v4.16b}, v1.16b");
	RUN("tbx v2.16b, {v3.16b, v4.16b, v5.16b}, v1.16b");
	RUN("tbx v2.16b, {v3.16b, v4.16b, v5.16b, v6.16b}, v1.16b");
	RUN("tbl v2.16b, {v0.16b, v1.16b, v2.16b}, v1.16b");
	RUN("mov v31.16b, v4.16b\n\ttbl v2.16b, {v31.16b, v0.16b}, v1.16b");
	/* indices masked into range */
	RUN("movi v4.16b, #0x3f\n\tand v4.16b, v4.16b, v1.16b\n\ttbl v2.16b, {v3.16b}, v4.16b");
	RUN("movi v4.16b, #0x3f\n\tand v4.16b, v4.16b, v0.16b\n\t"
	    "tbl v2.16b, {v3.16b, v4.16b, v5.16b, v6.16b}, v4.16b");
	RUN("dup v2.16b, v0.b[9]"); RUN("dup v2.4h, v0.h[5]"); RUN("dup v2.2d, v0.d[1]");
}

int main(int argc, char **argv, char **envp)
{
	return simd_main(body);
}
