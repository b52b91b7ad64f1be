// ARGS: arg1 "two words"
/* The exec stack: argc/argv/envp as the runner passed them (arguments
 * `arg1 "two words"`, BSDEMU_TEST=1 in the environment) and the auxv. */
#include "t.h"

int main(int argc, char **argv, char **envp)
{
	int found = 0;
	char **e;

	CHECK_EQ(argc, 3);
	CHECK(argv[0] != NULL && strstr(argv[0], "args_env") != NULL);
	CHECK(argc >= 3 && strcmp(argv[1], "arg1") == 0);
	CHECK(argc >= 3 && strcmp(argv[2], "two words") == 0);
	CHECK(argv[argc] == NULL);
	/* envp follows argv's NULL with no gap. */
	CHECK(envp == argv + argc + 1);
	CHECK(t_environ == envp);
	for (e = envp; *e; e++)
		if (strcmp(*e, "BSDEMU_TEST=1") == 0)
			found++;
	CHECK_EQ(found, 1);
	CHECK(t_getenv("BSDEMU_TEST") != NULL &&
	      strcmp(t_getenv("BSDEMU_TEST"), "1") == 0);
	/* auxv follows envp's NULL. */
	CHECK((char **)t_auxv == e + 1);
	CHECK_EQ(t_getauxval(T_AT_PAGESZ), 4096);
	return 0;
}
