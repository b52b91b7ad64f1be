// EXPECT: exit=42
/* exit(2) ends the process with the low 8 bits of its argument:
 * 298 = 0x12a -> 42.  Nothing after it runs. */
#include "t.h"

int main(int argc, char **argv, char **envp)
{
	sys(FBSD_SYS_exit, 298);
	t_puts("exit returned");
	return 1;
}
