// EXPECT-STDOUT: ^hello from FreeBSD/aarch64$
/* The smallest guest: one write(2) and exit(2) with status 0. */
#include "t.h"

int main(int argc, char **argv, char **envp)
{
	t_printf("hello from FreeBSD/aarch64\n");
	return 0;
}
