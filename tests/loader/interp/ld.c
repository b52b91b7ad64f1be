/* A tiny stand-in for FreeBSD's run-time linker, ld-elf.so.1, for the
 * loader's interpreter test.  Built as a position-independent ET_DYN with no
 * dynamic relocations (only PC-relative references).  Like rtld's
 * .rtld_start it keeps x0 (the argc pointer), checks the auxv the kernel
 * (bsdemu) gave it, and jumps to AT_ENTRY with x0 unchanged.
 * Exit statuses on failure: 90 AT_BASE missing, 91 AT_BASE is not where we
 * are loaded, 92 AT_ENTRY missing, 93 AT_PHDR missing, 94 entry in us. */
typedef unsigned long u64;

extern const char __ehdr_start[] __attribute__((visibility("hidden")));

__asm__(
	".text\n"
	".globl _rtld_start\n"
	"_rtld_start:\n"
	"	mov x19, x0\n"
	"	bl ldmain\n"          /* returns the program's entry */
	"	mov x16, x0\n"
	"	mov x0, x19\n"
	"	mov x1, #0\n"         /* obj_main (rtld passes it; unused here) */
	"	mov x2, #0\n"         /* no cleanup function */
	"	br x16\n");

static void die(long code)
{
	register long x8 __asm__("x8") = 1;
	register long x0 __asm__("x0") = code;
	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8) : "memory");
	for (;;)
		;
}

__attribute__((used, visibility("hidden"))) u64 ldmain(long *argcp)
{
	char **p = (char **)(argcp + 1 + *argcp + 1);
	u64 *aux, base = 0, entry = 0, phdr = 0;

	while (*p)
		p++;
	for (aux = (u64 *)(p + 1); aux[0] != 0; aux += 2) {
		if (aux[0] == 7)
			base = aux[1];
		else if (aux[0] == 9)
			entry = aux[1];
		else if (aux[0] == 3)
			phdr = aux[1];
	}
	if (!base)
		die(90);
	if (base != (u64)__ehdr_start)
		die(91);
	if (!entry)
		die(92);
	if (!phdr)
		die(93);
	if (entry >= base && entry < base + 0x100000)
		die(94);
	return entry;
}
