/* Self-test of the guest library built for Linux/aarch64 (T_LINUX_TEST) and
 * run under qemu-aarch64 by tests/run.sh: checks the formatter, the string
 * functions and the CHECK accounting without needing bsdemu. */
#include "t.h"

static int expect(const char *got, const char *want, int line)
{
	if (strcmp(got, want) == 0)
		return 0;
	t_dprintf(2, "selftest.c:%d: got \"%s\", want \"%s\"\n", line, got,
		  want);
	t_failures++;
	return 1;
}

#define FMT(want, ...)                                   \
	do {                                             \
		t_snprintf(b, sizeof(b), __VA_ARGS__);   \
		expect(b, want, __LINE__);               \
	} while (0)

int main(int argc, char **argv, char **envp)
{
	char b[128], m[16];
	long x1 = -1;

	FMT("[   42][42   ][-0042]", "[%5d][%-5d][%05d]", 42, 42, -42);
	FMT("ff FF 0xff 17", "%x %X %#x %o", 255u, 255u, 255u, 15u);
	FMT("deadbeef 123456789abc", "%lx %llx", 0xdeadbeefUL,
	    0x123456789abcULL);
	FMT("0x1000 z % str", "%p %c %% %s", (void *)0x1000, 'z', "str");
	FMT("18446744073709551615 -9223372036854775808",
	    "%lu %ld", ~0UL, (long)(-0x7fffffffffffffffL - 1));
	FMT("00000abc|abc|  ab|-7|3000000000", "%08lx|%.3s|%4.2s|%i|%u",
	    0xabcUL, "abcdef", "abc", -7, 3000000000u);
	FMT("(null) +5", "%s %+d", (char *)NULL, 5);
	FMT("  7|7  |", "%*d|%-*d|", 3, 7, 3, 7);
	CHECK_EQ(t_snprintf(b, 4, "%s", "0123456789"), 10);
	expect(b, "012", __LINE__);

	memset(m, 0, sizeof(m));
	memcpy(m, "abcdef", 6);
	memmove(m + 2, m, 4);
	expect(m, "ababcd", __LINE__);
	memmove(m, m + 2, 4);
	expect(m, "abcdcd", __LINE__);
	CHECK(memcmp("abc", "abd", 3) < 0);
	CHECK_EQ(strlen("hello"), 5);
	CHECK(strcmp("a", "b") < 0 && strcmp("b", "a") > 0);
	CHECK_EQ(strcmp("same", "same"), 0);
	CHECK_EQ(strncmp("abcx", "abcy", 3), 0);
	CHECK(strchr("hello", 'l') != NULL && *strchr("hello", 'l') == 'l');
	CHECK(strstr("needle in haystack", "hay") != NULL);
	strcpy(b, "copy");
	expect(b, "copy", __LINE__);

	CHECK_EQ(t_getauxval(T_AT_PAGESZ), 4096);
	CHECK_EQ(sys(T_NR_write, 1, "sys ok\n", 7), 7);
	CHECK_EQ(sys_x1(T_NR_write, &x1, 1, "x1 ok\n", 6), 6);
	CHECK_ERR(sys(T_NR_write, -1, "w", 1), FBSD_EBADF); /* 9 on both */
	t_puts("puts ok");
	if (argc > 1 && strcmp(argv[1], "fail") == 0) {
		CHECK_EQ(1, 2); /* the runner expects exactly these two */
		CHECK(argc == 0);
	}
	return 0;
}
