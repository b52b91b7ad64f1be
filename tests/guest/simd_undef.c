// EXPECT: signal=SIGILL
/* A reserved Advanced SIMD encoding (ADD with size=11, Q=0: there is no
 * "1D" arrangement) raises SIGILL instead of computing something.  The
 * decoders' other reserved encodings were swept against llvm-mc's
 * disassembler (no encoding it rejects is accepted). */
#include "t.h"

int main(int argc, char **argv, char **envp)
{
	__asm__ volatile(".inst 0x0ee18402" ::: "v2"); /* add v2.1d, v0.1d, v1.1d */
	t_printf("reserved encoding executed\n");
	return 3;
}
