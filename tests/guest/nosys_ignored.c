// EXPECT-STDERR: ^bsdemu: unimplemented FreeBSD syscall 304 kldload
// EXPECT-STDERR: ^bsdemu: unimplemented FreeBSD syscall 1000 \(no such syscall\)$
/* With SIGSYS ignored, an unimplemented or out-of-range syscall returns
 * ENOSYS (78) with the carry flag set, every time; bsdemu names each
 * distinct one once. */
#include "t.h"

struct fbsd_sigaction {
	unsigned long handler;
	int flags;
	unsigned mask[4];
};
#define SIGSYS 12
#define SIG_IGN 1

int main(void)
{
	struct fbsd_sigaction act = { .handler = SIG_IGN };

	CHECK_EQ(sys(FBSD_SYS_sigaction, SIGSYS, &act, 0), 0);
	CHECK_ERR(sys(FBSD_SYS_kldload, "some.ko"), FBSD_ENOSYS);
	CHECK_ERR(sys(FBSD_SYS_kldload, "some.ko"), FBSD_ENOSYS);
	CHECK_ERR(sys(1000), FBSD_ENOSYS);
	CHECK_ERR(sys(-1L), FBSD_ENOSYS);
	/* An OBSOL table entry (8, old creat) is not implemented either. */
	CHECK_ERR(sys(8, "x", 0644), FBSD_ENOSYS);
	return 0;
}
