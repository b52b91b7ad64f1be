/* Advanced SIMD load/store single structure: LD1-LD4/ST1-ST4 (one lane),
 * LD1R-LD4R, with and without post-index, checked against values recorded
 * under qemu-aarch64 (simd_expected_ldst1.h, made by gen_simd_expected.sh).
 * Each instruction records v2..v5, the post-indexed base and the 64-byte
 * buffer x9 points at. */
// EXPECT-STDOUT: records checked, 0 mismatches
#define SIMD_EXPECTED "simd_expected_ldst1.h"
#include "simd_harness.h"

static void run_mem(const char *name, void (*fn)(void))
{
	static _Alignas(16) uint64_t regs[8];
	uint64_t base;
	__asm__ volatile("ldp q0, q1, [%[in]]\n\t"
			 "ldp q2, q3, [%[in], #32]\n\t"
			 "ldp q4, q5, [%[in], #64]\n\t"
			 "ldr q6, [%[in], #96]\n\t"
			 "mov x9, %[mem]\n\t"
			 "mov x10, #16\n\t"
			 "blr %[fn]\n\t"
			 "stp q2, q3, [%[out]]\n\t"
			 "stp q4, q5, [%[out], #32]\n\t"
			 "mov %[base], x9"
			 : [base] "=&r"(base)
			 : [in] "r"(simd_in), [mem] "r"(simd_mem), [fn] "r"(fn), [out] "r"(regs)
			 : "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v31", "x9", "x10", "x30", "memory");
	for (int i = 0; i < 4; i++)
		simd_record(name, regs[2 * i], regs[2 * i + 1], 0);
	simd_record(name, base - (uint64_t)(uintptr_t)simd_mem, 0, 0);
	for (int i = 0; i < 4; i++) {
		uint64_t w[2];
		memcpy(w, simd_mem + 16 * i, 16);
		simd_record(name, w[0], w[1], 0);
	}
}

/* Each instruction as a leaf function (x9, x10 and v0-v6 are all it uses). */
#define M(id, text)                                                   \
	__asm__(".text\n.p2align 2\n" #id ":\n\t" text "\n\tret\n");  \
	void id(void);
#define RM(id) run_mem(#id, id)

M(ld1b, "ld1 {v2.b}[0], [x9]")
M(ld1b15, "ld1 {v2.b}[15], [x9], #1")
M(ld1h, "ld1 {v3.h}[5], [x9], x10")
M(ld1s, "ld1 {v2.s}[3], [x9]")
M(ld1d, "ld1 {v2.d}[1], [x9], #8")
M(ld2b, "ld2 {v2.b, v3.b}[9], [x9], #2")
M(ld2h, "ld2 {v2.h, v3.h}[7], [x9]")
M(ld2s, "ld2 {v3.s, v4.s}[1], [x9], x10")
M(ld2d, "ld2 {v2.d, v3.d}[0], [x9], #16")
M(ld3b, "ld3 {v2.b, v3.b, v4.b}[4], [x9], #3")
M(ld3h, "ld3 {v2.h, v3.h, v4.h}[2], [x9]")
M(ld3s, "ld3 {v2.s, v3.s, v4.s}[2], [x9], #12")
M(ld3d, "ld3 {v3.d, v4.d, v5.d}[1], [x9], x10")
M(ld4b, "ld4 {v2.b, v3.b, v4.b, v5.b}[13], [x9], #4")
M(ld4h, "ld4 {v2.h, v3.h, v4.h, v5.h}[6], [x9], #8")
M(ld4s, "ld4 {v2.s, v3.s, v4.s, v5.s}[3], [x9]")
M(ld4d, "ld4 {v2.d, v3.d, v4.d, v5.d}[1], [x9], #32")
M(ld1r8, "ld1r {v2.8b}, [x9]")
M(ld1r16, "ld1r {v2.16b}, [x9], #1")
M(ld1r4h, "ld1r {v2.4h}, [x9], x10")
M(ld1r4s, "ld1r {v2.4s}, [x9], #4")
M(ld1r1d, "ld1r {v2.1d}, [x9]")
M(ld1r2d, "ld1r {v2.2d}, [x9], #8")
M(ld2r, "ld2r {v2.8h, v3.8h}, [x9], #4")
M(ld3r, "ld3r {v2.2s, v3.2s, v4.2s}, [x9], #12")
M(ld4r, "ld4r {v2.16b, v3.16b, v4.16b, v5.16b}, [x9], x10")
M(ld4rd, "ld4r {v2.2d, v3.2d, v4.2d, v5.2d}, [x9], #32")
M(st1b, "st1 {v0.b}[7], [x9], #1")
M(st1h, "st1 {v0.h}[4], [x9]")
M(st1s, "st1 {v1.s}[1], [x9], x10")
M(st1d, "st1 {v1.d}[1], [x9], #8")
M(st2b, "st2 {v0.b, v1.b}[14], [x9], #2")
M(st2h, "st2 {v0.h, v1.h}[2], [x9]")
M(st2s, "st2 {v0.s, v1.s}[3], [x9], #8")
M(st2d, "st2 {v0.d, v1.d}[0], [x9], x10")
M(st3b, "st3 {v0.b, v1.b, v2.b}[1], [x9], #3")
M(st3h, "st3 {v0.h, v1.h, v2.h}[7], [x9], #6")
M(st3s, "st3 {v0.s, v1.s, v2.s}[0], [x9]")
M(st3d, "st3 {v0.d, v1.d, v2.d}[1], [x9], #24")
M(st4b, "st4 {v0.b, v1.b, v2.b, v3.b}[11], [x9], #4")
M(st4h, "st4 {v0.h, v1.h, v2.h, v3.h}[3], [x9], x10")
M(st4s, "st4 {v0.s, v1.s, v2.s, v3.s}[2], [x9], #16")
M(st4d, "st4 {v0.d, v1.d, v2.d, v3.d}[1], [x9], #32")
M(ld1wrap, "mov v31.16b, v6.16b\n\tld2 {v31.s, v0.s}[1], [x9]\n\tmov v2.16b, v31.16b\n\tmov v3.16b, v0.16b")

static void body(void)
{
	RM(ld1b); RM(ld1b15); RM(ld1h); RM(ld1s); RM(ld1d);
	RM(ld2b); RM(ld2h); RM(ld2s); RM(ld2d);
	RM(ld3b); RM(ld3h); RM(ld3s); RM(ld3d);
	RM(ld4b); RM(ld4h); RM(ld4s); RM(ld4d);
	RM(ld1r8); RM(ld1r16); RM(ld1r4h); RM(ld1r4s); RM(ld1r1d); RM(ld1r2d);
	RM(ld2r); RM(ld3r); RM(ld4r); RM(ld4rd);
	RM(st1b); RM(st1h); RM(st1s); RM(st1d);
	RM(st2b); RM(st2h); RM(st2s); RM(st2d);
	RM(st3b); RM(st3h); RM(st3s); RM(st3d);
	RM(st4b); RM(st4h); RM(st4s); RM(st4d);
	RM(ld1wrap);
}

int main(int argc, char **argv, char **envp)
{
	return simd_main(body);
}
