/* Encodings next to the implemented crypto and small extensions that
 * bsdemu does not offer (and does not advertise) raise SIGILL at their own
 * pc instead of computing something: SM3/SM4, reserved sizes and opcodes
 * of the AES/SHA classes, USDOT (I8MM), SQRDMLAH (RDM), reserved LDAPURS
 * and MSR-immediate forms.  (Not cross-checked under qemu -cpu max, which
 * offers SM3/SM4, I8MM and RDM.) */
// EXPECT-STDOUT: undef ok
#include "sig_defs.h"

static volatile int hits;
static volatile unsigned long h_pc;

static void skip_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	hits++;
	h_pc = uc->mc.gp.elr;
	uc->mc.gp.elr += 4;
}

#define TRY(word, what)                                                        \
	do {                                                                   \
		unsigned long pc_;                                             \
		int before_ = hits;                                            \
		__asm__ volatile("adr %0, 1f\n1: .inst " #word : "=r"(pc_) : : "v0", "x0", "memory"); \
		if (hits != before_ + 1 || h_pc != pc_) {                      \
			t_printf("%s (%s) did not raise SIGILL\n", what, #word); \
			CHECK(0);                                              \
		}                                                              \
	} while (0)

int main(int argc, char **argv, char **envp)
{
	CHECK_EQ(set_action(SIGILL, skip_handler, SA_SIGINFO, (sigset_t){ { 0 } }), 0);
	__asm__ volatile("mov x1, sp" ::: "x1"); /* a valid base for the loads */
	TRY(0xcec08420, "sm4e v0.4s, v1.4s");
	TRY(0xce420c20, "sm3ss1 v0.4s, v1.4s, v2.4s, v3.4s");
	TRY(0xce62c020, "sm3partw1 v0.4s, v1.4s, v2.4s");
	TRY(0xce62c820, "sm4ekey v0.4s, v1.4s, v2.4s");
	TRY(0x4e684820, "aese, size 01");
	TRY(0x4e280820, "AES class, opcode 0");
	TRY(0x5e420020, "sha1c, size 01");
	TRY(0x5e027020, "three-register SHA, opcode 7");
	TRY(0x5e283820, "two-register SHA, opcode 3");
	TRY(0x4e829c20, "usdot v0.4s, v1.16b, v2.16b");
	TRY(0x2e828420, "sqrdmlah v0.2s, v1.2s, v2.2s");
	TRY(0x99c00020, "ldapursw w0 (reserved)");
	TRY(0xd9c00020, "ldapurs, size 11 (reserved)");
	TRY(0x1d400820, "SIMD LDAPUR space (LRCPC3)");
	TRY(0xd500407f, "msr uao, #0 (EL1 only)");
	if (t_failures == 0)
		t_printf("undef ok\n");
	return 0;
}
