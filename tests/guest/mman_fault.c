// EXPECT: signal=SIGSEGV
// EXPECT-STDERR: SEGV_ACCERR
/* Touching a PROT_NONE page kills the program with SIGSEGV/SEGV_ACCERR. */
#include "t.h"

int main(int argc, char **argv, char **envp)
{
	long a = sys(FBSD_SYS_mmap, 0, 4096, 0 /* PROT_NONE */,
		     0x1002 /* MAP_ANON|MAP_PRIVATE */, -1, 0);

	if (a < 0 && a > -4096) {
		t_printf("mmap failed: %ld\n", a);
		return 2;
	}
	*(volatile char *)a = 1;
	t_printf("survived a write to PROT_NONE memory\n");
	return 3;
}
