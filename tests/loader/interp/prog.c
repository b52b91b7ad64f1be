/* A program that names /libexec/ld-elf.so.1 as its interpreter (PT_INTERP)
 * but needs no relocation: exits 43 when it is entered with x0 pointing at
 * argc (== 1) and an auxv whose AT_BASE is non-zero, else 1/2. */
typedef unsigned long u64;

__asm__(
	".text\n"
	".globl _start\n"
	"_start:\n"
	"	bl pmain\n"
	"	mov x8, #1\n"
	"	svc #0\n"
	"	b .\n");

__attribute__((used)) long pmain(long *argcp)
{
	char **p = (char **)(argcp + 1 + *argcp + 1);
	u64 *aux;

	if (*argcp != 1)
		return 1;
	while (*p)
		p++;
	for (aux = (u64 *)(p + 1); aux[0] != 0; aux += 2)
		if (aux[0] == 7)
			return aux[1] ? 43 : 2;
	return 2;
}
