/* simd_harness.h: shared by the tests/guest/simd_*.c programs.
 *
 * Each program runs a list of Advanced SIMD instructions (RUN("text"))
 * over several fixed input sets and records the destination register v2
 * (both halves) and FPSR's QC and cumulative exception bits after each.  Built with -DSIMD_GEN (for
 * Linux, by tests/guest/gen_simd_expected.sh) it prints the records as a C
 * table, which, produced under qemu-aarch64, becomes the golden
 * simd_expected_<name>.h that the normal build compares against.
 *
 * Registers on entry to each instruction: v0..v6 = the input set (v0, v1
 * the operands, v2 the destination's old value, v3.. tables), FPSR = 0,
 * x9 = a 64-byte scratch buffer (loads/stores), x10 = 16; x11 is free. */
#ifndef SIMD_HARNESS_H
#define SIMD_HARNESS_H

#include "t.h"

struct vres {
	uint64_t lo, hi;
	int qc;
};

#ifndef SIMD_GEN
#include SIMD_EXPECTED
#define SIMD_NEXPECTED (sizeof(simd_expected) / sizeof(simd_expected[0]))
#endif

#define SIMD_NSETS 5
static _Alignas(16) uint8_t simd_in[7 * 16];
static _Alignas(16) uint8_t simd_mem[64];
static unsigned simd_idx, simd_set, simd_bad;

static uint32_t simd_rand(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 16;
}

static void simd_put64(int reg, int half, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		simd_in[reg * 16 + half * 8 + i] = (uint8_t)(v >> (8 * i));
}

/* Input set S: 0 random; 1 minimum/maximum patterns; 2 saturating
 * add/sub patterns; 3 small shift counts in v1; 4 large shift counts. */
static void simd_fill(unsigned s)
{
	static const int8_t small_sh[16] = { 0, 1, -1, 7, 8, -8, 9, -9, 15, 16, -16, 31, 32, -32, 64, -64 };
	static const int8_t big_sh[16] = { 63, 17, -7, 3, 33, -33, 127, -128, 65, 5, -65, 2, -31, 12, 48, -1 };
	uint32_t seed = 0x1234u + s * 77u;
	for (unsigned i = 0; i < sizeof(simd_in); i++)
		simd_in[i] = (uint8_t)simd_rand(&seed);
	for (unsigned i = 0; i < sizeof(simd_mem); i++)
		simd_mem[i] = (uint8_t)(i * 7 + 3);
	switch (s) {
	case 1:
		simd_put64(0, 0, 0x8000000080008080ull);
		simd_put64(0, 1, 0x7fffffff7fff7f7full);
		simd_put64(1, 0, 0x8000000080008080ull);
		simd_put64(1, 1, 0xffffffffffffffffull);
		break;
	case 2:
		simd_put64(0, 0, 0x7f7f7f7f7f7f7f7full);
		simd_put64(0, 1, 0x8080808080808080ull);
		simd_put64(1, 0, 0x0101010101010101ull);
		simd_put64(1, 1, 0xffffffffffffffffull);
		break;
	case 3:
		for (int i = 0; i < 16; i++)
			simd_in[16 + i] = (uint8_t)small_sh[i];
		simd_in[16 + 8] = 64; /* D lanes: shift by +64 / -64 too */
		break;
	case 4:
		for (int i = 0; i < 16; i++)
			simd_in[16 + i] = (uint8_t)big_sh[i];
		break;
	}
}

static void simd_record(const char *name, uint64_t lo, uint64_t hi, uint64_t fpsr)
{
	int qc = (int)(fpsr & 0x0800009f); /* QC and the cumulative FP flags */
#ifdef SIMD_GEN
	t_printf("\t{ 0x%016lxull, 0x%016lxull, %d }, /* %u: %s */\n",
		 (unsigned long)lo, (unsigned long)hi, qc, simd_set, name);
#else
	if (simd_idx >= SIMD_NEXPECTED) {
		if (simd_idx == SIMD_NEXPECTED)
			t_printf("more records than expected values: regenerate\n");
		t_failures++;
	} else {
		const struct vres *e = &simd_expected[simd_idx];
		if (e->lo != lo || e->hi != hi || e->qc != qc) {
			if (simd_bad++ < 40)
				t_printf("FAIL set %u: %s: got %016lx:%016lx fpsr=%x, want %016lx:%016lx fpsr=%x\n",
					 simd_set, name, (unsigned long)hi, (unsigned long)lo, qc,
					 (unsigned long)e->hi, (unsigned long)e->lo, e->qc);
			t_failures++;
		}
	}
#endif
	simd_idx++;
}

/* Run TEXT with the input set loaded; record v2 and FPSR.QC. */
#define RUN(text)                                                                  \
	do {                                                                       \
		uint64_t lo_, hi_, fpsr_;                                          \
		__asm__ volatile("ldp q0, q1, [%[in]]\n\t"                         \
				 "ldp q2, q3, [%[in], #32]\n\t"                    \
				 "ldp q4, q5, [%[in], #64]\n\t"                    \
				 "ldr q6, [%[in], #96]\n\t"                        \
				 "mov x9, %[mem]\n\t"                              \
				 "mov x10, #16\n\t"                                \
				 "msr fpsr, xzr\n\t" text "\n\t"                   \
				 "mrs %[fpsr], fpsr\n\t"                           \
				 "fmov %[lo], d2\n\t"                              \
				 "fmov %[hi], v2.d[1]"                             \
				 : [lo] "=&r"(lo_), [hi] "=&r"(hi_), [fpsr] "=&r"(fpsr_) \
				 : [in] "r"(simd_in), [mem] "r"(simd_mem)          \
				 : "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v31", "x9", "x10", "x11", \
				   "memory");                                      \
		simd_record(text, lo_, hi_, fpsr_);                                \
	} while (0)

/* Arrangement helpers: OP v2.T, v0.T, v1.T over element sizes. */
#define A3(op, t) op " v2." t ", v0." t ", v1." t
#define S3_B(op) RUN(A3(op, "8b")); RUN(A3(op, "16b"))
#define S3_H(op) RUN(A3(op, "4h")); RUN(A3(op, "8h"))
#define S3_S(op) RUN(A3(op, "2s")); RUN(A3(op, "4s"))
#define S3_HS(op) S3_H(op); S3_S(op)
#define S3_BHS(op) S3_B(op); S3_HS(op)
#define S3_ALL(op) S3_BHS(op); RUN(A3(op, "2d"))

/* Run BODY once per input set; end the program with the verdict. */
static int simd_main(void (*body)(void))
{
	for (simd_set = 0; simd_set < SIMD_NSETS; simd_set++) {
		simd_fill(simd_set);
		body();
	}
#ifndef SIMD_GEN
	if (simd_idx != SIMD_NEXPECTED) {
		t_printf("ran %u records, expected %u: regenerate\n", simd_idx,
			 (unsigned)SIMD_NEXPECTED);
		t_failures++;
	}
	t_printf("%u records checked, %u mismatches\n", simd_idx, simd_bad);
#endif
	return 0;
}

#endif
