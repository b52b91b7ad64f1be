/* Prints what the command line controls, for tests/cli/run.sh. */
#include "t.h"

static void show_sysctl(const char *name)
{
	char buf[256];
	unsigned long len = sizeof(buf) - 1;

	if (sys(FBSD_SYS___sysctlbyname, name, strlen(name), buf, &len, 0, 0) == 0) {
		buf[len] = 0;
		t_printf("%s=%s\n", name, buf);
	}
}

int main(int argc, char **argv, char **envp)
{
	for (int i = 0; i < argc; i++)
		t_printf("argv[%d]=%s\n", i, argv[i]);
	for (char **e = envp; *e; e++)
		if (!strncmp(*e, "CLI_", 4))
			t_printf("env %s\n", *e);
	t_printf("osreldate=%lu\n", t_getauxval(T_AT_OSRELDATE));
	t_printf("stacklim=%lu\n", t_getauxval(T_AT_USRSTACKLIM));
	show_sysctl("kern.osrelease");
	/* the lowest free descriptor, which -D must not take */
	t_printf("open=%ld\n", sys(FBSD_SYS_openat, -100 /* AT_FDCWD */, "/dev/null", 0, 0));
	return 0;
}
