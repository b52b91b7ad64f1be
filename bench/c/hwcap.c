/* hwcap: prints the AT_HWCAP and AT_HWCAP2 words the emulator hands the
 * guest, so run.sh can tell which optional instructions (AES, SHA2,
 * CRC32, ...) a Go workload will use under bsdemu and under qemu-aarch64.
 * AT_HWCAP is 16 and AT_HWCAP2 26 on Linux; FreeBSD numbers them 25/26. */
#include "t.h"

#ifdef T_LINUX_TEST
#define B_AT_HWCAP 16
#define B_AT_HWCAP2 26
#else
#define B_AT_HWCAP T_AT_HWCAP
#define B_AT_HWCAP2 T_AT_HWCAP2
#endif

int main(void)
{
	t_printf("hwcap %lx hwcap2 %lx\n", (unsigned long)t_getauxval(B_AT_HWCAP),
		 (unsigned long)t_getauxval(B_AT_HWCAP2));
	return 0;
}
