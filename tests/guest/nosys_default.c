// EXPECT: signal=SIGSYS
// EXPECT-STDERR: ^bsdemu: unimplemented FreeBSD syscall 304 kldload\(file=0x[0-9a-f]+\)$
/* An unimplemented syscall with SIGSYS at its default action: FreeBSD's
 * nosys() sends SIGSYS, which ends the process; bsdemu names the call. */
#include "t.h"

int main(void)
{
	sys(FBSD_SYS_kldload, "some.ko");
	t_printf("still alive after SIGSYS\n");
	return 1;
}
