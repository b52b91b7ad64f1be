// EXPECT: signal=SIGILL
// EXPECT-STDERR: SIGILL \(ILL_ILLOPN\)
/* FreeBSD 14+ refuses an svc with a non-zero immediate: SIGILL ILL_ILLOPN. */
#include "t.h"

int main(void)
{
	__asm__ volatile("mov x8, #20\n\tsvc #1" ::: "x0", "x8", "memory");
	return 1;
}
