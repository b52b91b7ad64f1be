/* syscall(0) and __syscall(198): the number comes from x0, the arguments
 * from x1..x7, as FreeBSD's arm64 cpu_fetch_syscall_args does. */
#include "t.h"

int main(void)
{
	long pid = sys(FBSD_SYS_getpid);
	char buf[8] = "abc";

	CHECK(pid > 0);
	CHECK_EQ(sys(0, FBSD_SYS_getpid), pid);
	CHECK_EQ(sys(198, FBSD_SYS_getpid), pid);
	/* Arguments shift by one register. */
	CHECK_EQ(sys(0, FBSD_SYS_write, 1, buf, 3), 3);
	CHECK_EQ(sys(198, FBSD_SYS_write, 1, buf, 3), 3);
	/* syscall() takes an int: the upper half of x0 is ignored. */
	CHECK_EQ(sys(0, (1L << 32) | FBSD_SYS_getpid), pid);
	/* Errors come back the same way. */
	CHECK_ERR(sys(0, FBSD_SYS_close, 999), FBSD_EBADF);
	CHECK_ERR(sys(198, FBSD_SYS_close, 999), FBSD_EBADF);
	/* x1 after a successful call is the second return value (0 here). */
	{
		long x1 = 77;
		CHECK_EQ(sys_x1(FBSD_SYS_getpid, &x1), pid);
		CHECK_EQ(x1, 0);
	}
	return 0;
}
