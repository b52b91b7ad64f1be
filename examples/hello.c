/* examples/hello.c: a tiny FreeBSD/aarch64 program (no libc) for the
 * README's first command:
 *     build/bsdemu examples/hello-freebsd-arm64 one "two words"
 * The prebuilt examples/hello-freebsd-arm64 comes from
 *     make -f tests/guest/Makefile example          (clang + lld)
 */
#include "t.h"

int main(int argc, char **argv, char **envp)
{
	long pid = sys(FBSD_SYS_getpid);

	t_printf("Hello from FreeBSD/aarch64! I am %s, pid %ld, with %d "
		 "argument%s:\n", argv[0], pid, argc - 1, argc == 2 ? "" : "s");
	for (int i = 1; i < argc; i++)
		t_printf("  argv[%d] = \"%s\"\n", i, argv[i]);
	t_printf("page size %ld (from the auxiliary vector)\n",
		 t_getauxval(T_AT_PAGESZ));
	return 0;
}
