/* FEAT_LRCPC (LDAPR, LDAPRB, LDAPRH) and FEAT_LRCPC2 (LDAPUR{B,H,SB,SH,SW},
 * LDAPUR, STLUR{B,H}, STLUR): values, zero and sign extension to W and X,
 * negative and positive unscaled offsets, XZR as the source of a store.
 * Same results under qemu-aarch64 -cpu max with -DT_LINUX_TEST. */
// EXPECT-STDOUT: rcpc ok
#include "t.h"

#define ARCH ".arch armv8.5-a+crc+rcpc-immo\n\t" /* clang 14 wants two "+" here */

static _Alignas(16) uint8_t buf[64];

#define LD(text, base) ({ uint64_t r_ = 0x5555555555555555ull; \
	__asm__ volatile(ARCH text : "+r"(r_) : "r"(base) : "memory"); r_; })
#define ST(text, base, v) \
	__asm__ volatile(ARCH text : : "r"(base), "r"((uint64_t)(v)) : "memory")

static uint64_t get(int off, int size)
{
	uint64_t v = 0;
	memcpy(&v, buf + 32 + off, (size_t)size);
	return v;
}

int main(int argc, char **argv, char **envp)
{
	for (int i = 0; i < 64; i++)
		buf[i] = (uint8_t)(0x80 + 3 * i); /* sign bits set and clear */
	buf[32 + 4] = 0x7f;
	buf[32 + 6] = 0x12;
	buf[32 + 7] = 0x34;
	uint8_t *p = buf + 32;

	/* LRCPC */
	CHECK(LD("ldapr %0, [%1]", p) == get(0, 8));
	CHECK(LD("ldapr %w0, [%1]", p) == get(0, 4));
	CHECK(LD("ldaprh %w0, [%1]", p) == get(0, 2));
	CHECK(LD("ldaprb %w0, [%1]", p) == get(0, 1));

	/* LRCPC2 loads: zero extension */
	CHECK(LD("ldapur %0, [%1, #-8]", p) == get(-8, 8));
	CHECK(LD("ldapur %0, [%1, #24]", p) == get(24, 8));
	CHECK(LD("ldapur %w0, [%1, #-256]", p + 256) == get(0, 4));
	CHECK(LD("ldapur %w0, [%1, #4]", p) == get(4, 4));
	CHECK(LD("ldapurh %w0, [%1, #-2]", p) == get(-2, 2));
	CHECK(LD("ldapurb %w0, [%1, #255]", p - 255) == get(0, 1));
	CHECK(LD("ldapurb %w0, [%1, #4]", p) == 0x7f);
	/* sign extension: to X and to W (upper 32 bits zero) */
	uint64_t b = get(0, 1), h = get(-2, 2), w = get(-8, 4);
	CHECK(LD("ldapursb %0, [%1]", p) == (uint64_t)(int64_t)(int8_t)b);
	CHECK(LD("ldapursb %w0, [%1]", p) == (uint32_t)(int32_t)(int8_t)b);
	CHECK(LD("ldapursb %0, [%1, #4]", p) == 0x7f);
	CHECK(LD("ldapursh %0, [%1, #-2]", p) == (uint64_t)(int64_t)(int16_t)h);
	CHECK(LD("ldapursh %w0, [%1, #-2]", p) == (uint32_t)(int32_t)(int16_t)h);
	CHECK(LD("ldapursh %0, [%1, #6]", p) == 0x3412);
	CHECK(LD("ldapursw %0, [%1, #-8]", p) == (uint64_t)(int64_t)(int32_t)w);
	CHECK((int64_t)LD("ldapursw %0, [%1, #-8]", p) < 0);

	/* LRCPC2 stores */
	ST("stlur %1, [%0, #-16]", p, 0x1122334455667788ull);
	CHECK(get(-16, 8) == 0x1122334455667788ull);
	ST("stlur %w1, [%0, #8]", p, 0xdeadbeefcafef00dull);
	CHECK(get(8, 4) == 0xcafef00d && get(12, 1) == (uint8_t)(0x80 + 3 * 44));
	ST("stlurh %w1, [%0, #-4]", p, 0xabcd);
	CHECK(get(-4, 2) == 0xabcd && get(-2, 1) == (uint8_t)(0x80 + 3 * 30));
	ST("stlurb %w1, [%0, #1]", p, 0x1ff);
	CHECK(get(1, 1) == 0xff && get(2, 1) == (uint8_t)(0x80 + 3 * 34));
	__asm__ volatile(ARCH "stlur xzr, [%0, #16]" : : "r"(p) : "memory");
	CHECK(get(16, 8) == 0);
	if (t_failures == 0)
		t_printf("rcpc ok\n");
	return 0;
}
