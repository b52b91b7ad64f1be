/* FEAT_FlagM (CFINV, RMIF, SETF8, SETF16) and FEAT_FlagM2 (AXFLAG,
 * XAFLAG): every instruction from all 16 NZCV inputs, against the ARM ARM
 * rules written out in C; RMIF over every mask and several rotations,
 * SETF8/16 over edge values.  Same results under qemu-aarch64 -cpu max
 * with -DT_LINUX_TEST. */
// EXPECT-STDOUT: flagm ok
#include "t.h"

#define ARCH ".arch armv8.5-a+crc+flagm\n\t" /* clang 14 wants two "+" here */
#define N 8u
#define Z 4u
#define C 2u
#define V 1u

/* Run TEXT (operand %1 = x) with NZCV = f (4 bits); return the new NZCV. */
#define RUNF(text, f, x) ({                                                  \
	uint64_t o_, i_ = (uint64_t)(f) << 28;                                \
	__asm__ volatile(ARCH "msr nzcv, %2\n\t" text "\n\tmrs %0, nzcv"      \
			 : "=&r"(o_) : "r"((uint64_t)(x)), "r"(i_) : "cc");  \
	(unsigned)(o_ >> 28); })

static unsigned axflag(unsigned f)
{
	unsigned r = 0;
	if ((f & Z) || (f & V))
		r |= Z;
	if ((f & C) && !(f & V))
		r |= C;
	return r;
}
static unsigned xaflag(unsigned f)
{
	int z = !!(f & Z), c = !!(f & C);
	return (!c && !z ? N : 0) | (z && c ? Z : 0) | (c || z ? C : 0) | (!c && z ? V : 0);
}
static unsigned setf(unsigned f, uint32_t x, int bits)
{
	unsigned r = f & C;
	if ((x >> (bits - 1)) & 1)
		r |= N;
	if ((x & ((1u << bits) - 1)) == 0)
		r |= Z;
	if (((x >> bits) ^ (x >> (bits - 1))) & 1)
		r |= V;
	return r;
}
static unsigned rmif(unsigned f, uint64_t x, unsigned rot, unsigned mask)
{
	uint64_t t = rot ? (x >> rot) | (x << (64 - rot)) : x;
	return (f & ~mask) | ((unsigned)t & mask & 15);
}

#define RMIF(rot, mask) \
	for (unsigned f = 0; f < 16; f++) \
		for (int k = 0; k < 4; k++) \
			bad += RUNF("rmif %1, #" #rot ", #" #mask, f, xs[k]) != rmif(f, xs[k], rot, mask)

int main(int argc, char **argv, char **envp)
{
	int bad = 0;
	static const uint64_t xs[4] = { 0, ~0ull, 0x123456789abcdef0ull, 0xa5a5a5a55a5a5a5aull };
	static const uint32_t vals[] = { 0, 1, 0x7f, 0x80, 0xff, 0x100, 0x17f, 0x180, 0x1ff,
					 0x7fff, 0x8000, 0xffff, 0x10000, 0x17fff, 0x18000,
					 0xffffffff, 0x80000000, 0x12345678 };
	for (unsigned f = 0; f < 16; f++) {
		bad += RUNF("cfinv", f, 0) != (f ^ C);
		bad += RUNF("axflag", f, 0) != axflag(f);
		bad += RUNF("xaflag", f, 0) != xaflag(f);
		for (unsigned i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
			bad += RUNF("setf8 %w1", f, vals[i]) != setf(f, vals[i], 8);
			bad += RUNF("setf16 %w1", f, vals[i]) != setf(f, vals[i], 16);
		}
	}
	RMIF(0, 15); RMIF(0, 0); RMIF(1, 8); RMIF(4, 4); RMIF(63, 2);
	RMIF(60, 1); RMIF(17, 9); RMIF(33, 6); RMIF(62, 15);
	/* spot checks independent of the C rules */
	CHECK_EQ(RUNF("cfinv", 0, 0), C);
	CHECK_EQ(RUNF("setf8 %w1", 0xf, 0x80), N | V | C);
	CHECK_EQ(RUNF("setf16 %w1", 0, 0x10000), Z | V);
	CHECK_EQ(RUNF("rmif %1, #4, #15", 0, 0xa0), N | C);
	CHECK_EQ(RUNF("xaflag", 0, 0), N);
	CHECK_EQ(RUNF("axflag", V | C | N, 0), Z);
	CHECK_EQ(bad, 0);
	if (t_failures == 0)
		t_printf("flagm ok\n");
	return 0;
}
