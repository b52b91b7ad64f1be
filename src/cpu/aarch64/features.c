/* The one table of CPU features bsdemu's A64 core offers.  It drives the ID
 * registers user space reads with MRS (as FreeBSD's kernel emulates them:
 * op0=3 op1=0 CRn=0, CRm 0 for MIDR/MPIDR/REVIDR, CRm 4..7 for the
 * ID_AA64* space, unknown ones read as 0) and AT_HWCAP/AT_HWCAP2, so the
 * two views can never disagree.  Advertise only what the core implements.
 *
 * FP and ASIMD: ARMv8-A requires them and programs assume them (Go's
 * runtime uses SIMD loads/stores unconditionally), so they are advertised
 * although only part of FP/SIMD is implemented yet (see simd.c); the rest
 * raises SIGILL (A64_EXIT_UNDEF) instead of computing something wrong. */
#include "cpu/aarch64/a64_int.h"

struct a64_feature {
	const char *name;
	uint32_t idreg;      /* which ID register (A64_SYSREG key) */
	unsigned shift;      /* field position */
	unsigned value;      /* field value when present */
	uint64_t hwcap;      /* AT_HWCAP bits this field value implies */
	uint64_t hwcap2;     /* AT_HWCAP2 bits (one entry per field, so a
			      * value like AES = 2 carries AES and PMULL) */
};

#define ID_AA64PFR0  A64_SYSREG(3, 0, 0, 4, 0)
#define ID_AA64ISAR0 A64_SYSREG(3, 0, 0, 6, 0)
#define ID_AA64ISAR1 A64_SYSREG(3, 0, 0, 6, 1)

/* AT_HWCAP bits (FreeBSD = Linux numbering). */
#define HWCAP_FP      (1ull << 0)
#define HWCAP_ASIMD   (1ull << 1)
#define HWCAP_AES     (1ull << 3)
#define HWCAP_PMULL   (1ull << 4)
#define HWCAP_SHA1    (1ull << 5)
#define HWCAP_SHA2    (1ull << 6)
#define HWCAP_CRC32   (1ull << 7)
#define HWCAP_ATOMICS (1ull << 8)
#define HWCAP_FPHP    (1ull << 9)
#define HWCAP_ASIMDHP (1ull << 10)
#define HWCAP_CPUID   (1ull << 11)
#define HWCAP_JSCVT   (1ull << 13)
#define HWCAP_LRCPC   (1ull << 15)
#define HWCAP_SHA3    (1ull << 17)
#define HWCAP_ASIMDDP (1ull << 20)
#define HWCAP_SHA512  (1ull << 21)
#define HWCAP_ILRCPC  (1ull << 26)
#define HWCAP_FLAGM   (1ull << 27)
/* AT_HWCAP2 bits. */
#define HWCAP2_FLAGM2 (1ull << 7)
#define HWCAP2_FRINT  (1ull << 8)

static const struct a64_feature features[] = {
	/* PFR0.FP and .AdvSIMD: 1 = implemented with half precision
	 * (FEAT_FP16: the scalar forms in fp.c, the vector ones in
	 * simd_fp16.c; 0 = without, 0xf = absent).  The two fields must
	 * match; FreeBSD reports them as FP+FPHP and ASIMD+ASIMDHP. */
	{ "fp",      ID_AA64PFR0, 16, 0x1, HWCAP_FP | HWCAP_FPHP, 0 },
	{ "asimd",   ID_AA64PFR0, 20, 0x1, HWCAP_ASIMD | HWCAP_ASIMDHP, 0 },
	/* ISAR0.AES 2 = AESE/AESD/AESMC/AESIMC (crypto.c) and 64-bit PMULL
	 * (simd_3diff.c). */
	{ "aes",     ID_AA64ISAR0, 4, 0x2, HWCAP_AES | HWCAP_PMULL, 0 },
	{ "sha1",    ID_AA64ISAR0, 8, 0x1, HWCAP_SHA1, 0 },
	/* ISAR0.SHA2 2 = SHA256H/H2/SU0/SU1 and SHA512H/H2/SU0/SU1. */
	{ "sha2",    ID_AA64ISAR0, 12, 0x2, HWCAP_SHA2 | HWCAP_SHA512, 0 },
	{ "crc32",   ID_AA64ISAR0, 16, 0x1, HWCAP_CRC32, 0 },
	{ "atomics", ID_AA64ISAR0, 20, 0x2, HWCAP_ATOMICS, 0 },
	/* ISAR0.SHA3: EOR3, RAX1, XAR, BCAX (crypto.c); needs SHA2 = 2. */
	{ "sha3",    ID_AA64ISAR0, 32, 0x1, HWCAP_SHA3, 0 },
	/* ISAR0.DP: SDOT/UDOT (ext.c). */
	{ "asimddp", ID_AA64ISAR0, 44, 0x1, HWCAP_ASIMDDP, 0 },
	/* ISAR0.TS 2 = FlagM (CFINV, RMIF, SETF8/16) and FlagM2 (AXFLAG,
	 * XAFLAG), ext.c. */
	{ "flagm",   ID_AA64ISAR0, 52, 0x2, HWCAP_FLAGM, HWCAP2_FLAGM2 },
	/* ISAR1.LRCPC 2 = LDAPR (atomic.c) and the RCPC2 LDAPUR/STLUR
	 * forms (ext.c). */
	{ "lrcpc",   ID_AA64ISAR1, 20, 0x2, HWCAP_LRCPC | HWCAP_ILRCPC, 0 },
	/* ISAR1.JSCVT: FJCVTZS (fp.c). */
	{ "jscvt",   ID_AA64ISAR1, 12, 0x1, HWCAP_JSCVT, 0 },
	/* ISAR1.FRINTTS: FRINT32Z/X, FRINT64Z/X, scalar (fp.c) and vector
	 * (simd_fp.c). */
	{ "frintts", ID_AA64ISAR1, 32, 0x1, 0, HWCAP2_FRINT },
	/* Not offered, so not advertised: RDM (no SQRDMLAH), SM3/SM4, LSE2
	 * (ordered accesses must be aligned), SVE, SME, MTE, PAC, BTI, FHM
	 * (FMLAL/FMLSL) and FCMA (FCMLA/FCADD), whose encodings stay UNDEF. */
};

/* Fields that are not features but must read as FreeBSD shows them:
 * PFR0.EL0 = PFR0.EL1 = 1 (AArch64 only). */
#define PFR0_BASE ((1ull << 0) | (1ull << 4))

/* A generic ARMv8 core (Arm Neoverse-N1 r3p1's MIDR). */
#define A64_MIDR   0x413fd0c1ull
#define A64_MPIDR  0x80000000ull
#define A64_REVIDR 0ull

static uint64_t idreg_value(uint32_t key)
{
	uint64_t v = key == ID_AA64PFR0 ? PFR0_BASE : 0;
	for (size_t i = 0; i < sizeof(features) / sizeof(features[0]); i++)
		if (features[i].idreg == key)
			v |= (uint64_t)features[i].value << features[i].shift;
	return v;
}

int a64_read_idreg(uint32_t key, uint64_t *val)
{
	unsigned op0 = key >> 14, op1 = (key >> 11) & 7, crn = (key >> 7) & 15;
	unsigned crm = (key >> 3) & 15, op2 = key & 7;
	if (op0 != 3 || op1 != 0 || crn != 0)
		return 0;
	if (crm == 0) {
		switch (op2) {
		case 0: *val = A64_MIDR; return 1;
		case 5: *val = A64_MPIDR; return 1;
		case 6: *val = A64_REVIDR; return 1;
		}
		return 0;
	}
	if (crm < 4 || crm > 7)
		return 0;
	*val = idreg_value(key);
	return 1;
}

uint64_t a64_hwcap(void)
{
	uint64_t v = HWCAP_CPUID; /* MRS of the ID registers is emulated */
	for (size_t i = 0; i < sizeof(features) / sizeof(features[0]); i++)
		v |= features[i].hwcap;
	return v;
}

uint64_t a64_hwcap2(void)
{
	uint64_t v = 0;
	for (size_t i = 0; i < sizeof(features) / sizeof(features[0]); i++)
		v |= features[i].hwcap2;
	return v;
}

int a64_feature_crc32(void)
{
	return (a64_hwcap() & HWCAP_CRC32) != 0;
}
