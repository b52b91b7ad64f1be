/* The ID registers user space reads with MRS and AT_HWCAP/AT_HWCAP2 must
 * tell the same story (FreeBSD derives both from the same fields), and
 * under bsdemu they must advertise exactly what the core implements:
 * AES+PMULL, SHA1, SHA256+SHA512, SHA3, CRC32, LSE atomics, dot product,
 * FlagM+FlagM2, LRCPC+RCPC2, FP16 (FPHP+ASIMDHP) - and not RDM, FHM, FCMA,
 * SVE, PAC, BTI, MTE.  With
 * -DT_LINUX_TEST only the consistency part runs (qemu-aarch64 -cpu max). */
// EXPECT-STDOUT: idregs ok
#include "t.h"

#ifdef T_LINUX_TEST
#define AT_HWCAP_ 16 /* Linux numbering */
#define AT_HWCAP2_ 26
#else
#define AT_HWCAP_ T_AT_HWCAP
#define AT_HWCAP2_ T_AT_HWCAP2
#endif

#define MRS(reg) ({ uint64_t v_; __asm__ volatile("mrs %0, " #reg : "=r"(v_)); v_; })

struct pair {
	const char *name;
	int reg;        /* 0 ISAR0, 1 ISAR1, 2 PFR0 */
	unsigned shift, min;
	int hw2;        /* bit of AT_HWCAP2 instead of AT_HWCAP */
	unsigned bit;
};

static const struct pair pairs[] = {
	{ "aes", 0, 4, 1, 0, 3 },      { "pmull", 0, 4, 2, 0, 4 },
	{ "sha1", 0, 8, 1, 0, 5 },     { "sha2", 0, 12, 1, 0, 6 },
	{ "sha512", 0, 12, 2, 0, 21 }, { "crc32", 0, 16, 1, 0, 7 },
	{ "atomics", 0, 20, 2, 0, 8 }, { "asimdrdm", 0, 28, 1, 0, 12 },
	{ "sha3", 0, 32, 1, 0, 17 },   { "asimddp", 0, 44, 1, 0, 20 },
	{ "flagm", 0, 52, 1, 0, 27 },  { "flagm2", 0, 52, 2, 1, 7 },
	{ "lrcpc", 1, 20, 1, 0, 15 },  { "ilrcpc", 1, 20, 2, 0, 26 },
	{ "jscvt", 1, 12, 1, 0, 13 },  { "frint", 1, 32, 1, 1, 8 },
	{ "sve", 2, 32, 1, 0, 22 },     { "fphp", 2, 16, 1, 0, 9 },
	{ "asimdhp", 2, 20, 1, 0, 10 }, { "asimdfhm", 0, 48, 1, 0, 23 },
	{ "fcma", 1, 16, 1, 0, 14 },
};

int main(int argc, char **argv, char **envp)
{
	uint64_t regs[3] = { MRS(id_aa64isar0_el1), MRS(id_aa64isar1_el1), MRS(id_aa64pfr0_el1) };
	uint64_t hw = (uint64_t)t_getauxval(AT_HWCAP_), hw2 = (uint64_t)t_getauxval(AT_HWCAP2_);
	t_printf("isar0 %016llx isar1 %016llx pfr0 %016llx hwcap %llx hwcap2 %llx\n",
		 (unsigned long long)regs[0], (unsigned long long)regs[1],
		 (unsigned long long)regs[2], (unsigned long long)hw, (unsigned long long)hw2);
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		const struct pair *p = &pairs[i];
		int field = ((regs[p->reg] >> p->shift) & 15) >= p->min;
		int cap = (((p->hw2 ? hw2 : hw) >> p->bit) & 1) != 0;
		if (field != cap) {
			t_printf("%s: ID register says %d, hwcap says %d\n", p->name, field, cap);
			CHECK(!"hwcap and ID register disagree");
		}
	}
	CHECK(hw & (1u << 11)); /* CPUID: MRS of the ID registers works */
#ifndef T_LINUX_TEST
	/* ISAR0: AES 2, SHA1 1, SHA2 2, CRC32 1, ATOMIC 2, RDM 0, SHA3 1,
	 * SM3 0, SM4 0, DP 1, FHM 0, TS 2, TLB 0, RNDR 0. */
	CHECK(regs[0] == 0x0020100100212120ull);
	/* ISAR1: JSCVT 1, LRCPC 2, FRINTTS 1, nothing else (no PAC, FCMA,
	 * BF16, I8MM, SB, DPB...). */
	CHECK(regs[1] == 0x100201000ull);
	CHECK(((regs[2] >> 32) & 15) == 0);  /* SVE */
	CHECK(((regs[2] >> 16) & 0xff) == 0x11); /* FP, AdvSIMD: 1, with FP16 */
	CHECK(((regs[2] >> 24) & 15) == 0);  /* GIC, other fields: unchanged */
	uint64_t want = (1ull << 0) | (1ull << 1) | (1ull << 3) | (1ull << 4) | (1ull << 5) |
			(1ull << 6) | (1ull << 7) | (1ull << 8) | (1ull << 9) | (1ull << 10) | (1ull << 11) |
			(1ull << 13) | (1ull << 15) |
			(1ull << 17) | (1ull << 20) | (1ull << 21) | (1ull << 26) | (1ull << 27);
	CHECK(hw == want);
	CHECK(hw2 == ((1ull << 7) | (1ull << 8))); /* FLAGM2, FRINT: no BTI (17), MTE (18), ... */
#endif
	if (t_failures == 0)
		t_printf("idregs ok\n");
	return 0;
}
