/* getrandom(2): fills the buffer, flags GRND_NONBLOCK/RANDOM/INSECURE are
 * accepted, anything else is EINVAL, a bad buffer is EFAULT. */
#include "t.h"

static int all_zero(const unsigned char *p, int n)
{
	for (int i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

int main(int argc, char **argv, char **envp)
{
	unsigned char a[64], b[64];
	static unsigned char big[70000];

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	CHECK_EQ(sys(FBSD_SYS_getrandom, a, sizeof(a), 0), 64);
	CHECK_EQ(sys(FBSD_SYS_getrandom, b, sizeof(b), 1), 64);
	CHECK(!all_zero(a, 64));
	CHECK(memcmp(a, b, 64) != 0);
	CHECK_EQ(sys(FBSD_SYS_getrandom, b, 16, 2), 16);
	CHECK_EQ(sys(FBSD_SYS_getrandom, b, 16, 4), 16);
	CHECK_EQ(sys(FBSD_SYS_getrandom, b, 16, 7), 16);
	CHECK_EQ(sys(FBSD_SYS_getrandom, b, 0, 0), 0);
	CHECK_EQ(sys(FBSD_SYS_getrandom, big, sizeof(big), 0), (long)sizeof(big));
	CHECK(!all_zero(big + sizeof(big) - 64, 64));
	CHECK_ERR(sys(FBSD_SYS_getrandom, a, 16, 8), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getrandom, a, 16, 0x100), FBSD_EINVAL);
	CHECK_ERR(sys(FBSD_SYS_getrandom, 8, 16, 0), FBSD_EFAULT);
	CHECK_ERR(sys(FBSD_SYS_getrandom, -4096L, 16, 0), FBSD_EFAULT);
	return 0;
}
