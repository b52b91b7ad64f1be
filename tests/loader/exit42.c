/* The loader tests' valid base binary: exits with status 42.
 * Branded like a real FreeBSD binary: EI_OSABI 9 (lld) and a .note.tag ABI
 * note (FreeBSD 14.0, 1400097).  tests/loader/gen_damaged.py damages it. */
__asm__(
	".section .note.tag,\"a\",%note\n"
	".p2align 2\n"
	".long 8\n"             /* n_namesz */
	".long 4\n"             /* n_descsz */
	".long 1\n"             /* NT_FREEBSD_ABI_TAG */
	".asciz \"FreeBSD\"\n"
	".long 1400097\n"
	".text\n"
	".globl _start\n"
	"_start:\n"
	"	mov x8, #1\n"   /* SYS_exit */
	"	mov x0, #42\n"
	"	svc #0\n"
	"	b .\n");
