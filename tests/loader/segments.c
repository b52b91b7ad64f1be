/* A program with data, a large bss and read-only data, for the host-side
 * mapping checks (host_check.c).  run.sh links it three ways: with lld's
 * defaults, with -z separate-code, and with -n (segments not page aligned,
 * so three PT_LOADs share one page: the loader's shared-page path).
 * Exits 42 when its data and bss are right. */
int counter = 5;
char big[100000];
const char ro[] = "read-only data";

__attribute__((used)) int smain(void)
{
	for (unsigned i = 0; i < sizeof big; i += 4096)
		if (big[i])
			return 1;
	big[sizeof big - 1] = 1;
	return counter == 5 && ro[0] == 'r' ? 42 : 2;
}

__asm__(
	".text\n"
	".globl _start\n"
	"_start:\n"
	"	bl smain\n"
	"	mov x8, #1\n"
	"	svc #0\n"
	"	b .\n");
