/* The initial stack and auxv as bsdemu's loader builds them, checked from
 * inside the guest (self-contained: no test library).
 *
 * tests/loader/run.sh runs:  EXPECT_EXECPATH=<abs path> LOADER_TEST=yes-42 \
 *     bsdemu <path> alpha "two words" ""
 * Exit status 0 = every check passed, else the number of the failed check
 * (and a line on stderr). */

typedef unsigned long u64;
typedef unsigned int u32;

#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7
#define AT_FLAGS 8
#define AT_ENTRY 9
#define AT_EXECPATH 15
#define AT_CANARY 16
#define AT_CANARYLEN 17
#define AT_OSRELDATE 18
#define AT_NCPUS 19
#define AT_PAGESIZES 20
#define AT_PAGESIZESLEN 21
#define AT_TIMEKEEP 22
#define AT_STACKPROT 23
#define AT_EHDRFLAGS 24
#define AT_HWCAP 25
#define AT_HWCAP2 26
#define AT_BSDFLAGS 27
#define AT_ARGC 28
#define AT_ARGV 29
#define AT_ENVC 30
#define AT_ENVV 31
#define AT_PS_STRINGS 32
#define AT_USRSTACKBASE 35
#define AT_USRSTACKLIM 36
#define AT_MAX 40

struct ps_strings {
	char **ps_argvstr;
	u32 ps_nargvstr;
	char **ps_envstr;
	u32 ps_nenvstr;
};

struct ehdr {
	unsigned char ident[16];
	unsigned short type, machine;
	u32 version;
	u64 entry, phoff, shoff;
	u32 flags;
	unsigned short ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

/* Hidden: PC-relative references, so the PIE build needs no relocation. */
extern const struct ehdr __ehdr_start __attribute__((visibility("hidden")));
extern void _start(void) __attribute__((visibility("hidden")));

__asm__(
	".text\n"
	".globl _start\n"
	"_start:\n"
	"	mov x1, sp\n"
	"	mov x2, x30\n"
	"	bl cmain\n"
	"	mov x8, #1\n"
	"	svc #0\n"
	"	b .\n");

static long sys3(long n, long a, long b, long c)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	__asm__ volatile("svc #0" : "+r"(x0), "+r"(x1) : "r"(x8), "r"(x2) : "memory", "cc");
	return x0;
}

static u64 slen(const char *s)
{
	u64 n = 0;
	while (s[n])
		n++;
	return n;
}

static int seq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static void say(const char *s)
{
	sys3(4, 2, (long)s, (long)slen(s));
}

static int check_no;
static int failed;

static void check(int ok, const char *what)
{
	check_no++;
	if (!ok && !failed) {
		failed = check_no;
		say("auxv: check failed: ");
		say(what);
		say("\n");
	}
}

/* Value of the env var NAME in ENVP, or 0. */
static const char *getenv_(char **envp, const char *name)
{
	u64 n = slen(name);
	for (; *envp; envp++) {
		const char *e = *envp;
		u64 i;
		for (i = 0; i < n && e[i] == name[i]; i++)
			;
		if (i == n && e[n] == '=')
			return e + n + 1;
	}
	return 0;
}

int cmain(long *argcp, u64 sp, u64 lr)
{
	static const int order[] = {
		AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_FLAGS, AT_ENTRY, AT_BASE,
		AT_EHDRFLAGS, AT_EXECPATH, AT_OSRELDATE, AT_CANARY, AT_CANARYLEN,
		AT_NCPUS, AT_PAGESIZES, AT_PAGESIZESLEN, AT_TIMEKEEP, AT_STACKPROT,
		AT_HWCAP, AT_HWCAP2, AT_BSDFLAGS, AT_ARGC, AT_ARGV, AT_ENVC, AT_ENVV,
		AT_PS_STRINGS, AT_USRSTACKBASE, AT_USRSTACKLIM, AT_NULL,
	};
	long argc = *argcp;
	char **argv = (char **)(argcp + 1);
	char **envp = argv + argc + 1;
	u64 envc = 0, *auxv, av[AT_MAX], seen[AT_MAX], n, i;
	const char *want_path;
	const struct ps_strings *ps;
	const unsigned char *canary;
	const u64 *pagesizes;
	const u32 *tk;
	int all_zero = 1, order_ok = 1;

	while (envp[envc])
		envc++;
	auxv = (u64 *)&envp[envc + 1];
	for (i = 0; i < AT_MAX; i++)
		av[i] = seen[i] = 0;
	for (n = 0; auxv[2 * n] != AT_NULL && n < 64; n++) {
		if (auxv[2 * n] < AT_MAX) {
			av[auxv[2 * n]] = auxv[2 * n + 1];
			seen[auxv[2 * n]]++;
		}
		if (n >= sizeof order / sizeof order[0] - 1 || (u64)order[n] != auxv[2 * n])
			order_ok = 0;
	}
	if (n != sizeof order / sizeof order[0] - 1)
		order_ok = 0;

	/* 1-6: registers and the argument vector */
	check(((u64)argcp & 7) == 0, "x0 is 8-byte aligned");
	check(sp == ((u64)argcp & ~15UL), "sp == x0 & ~15");
	check(lr == (u64)&_start, "x30 == entry");
	check(argc == 4, "argc == 4");
	check(argc == 4 && seq(argv[1], "alpha") && seq(argv[2], "two words") &&
	      seq(argv[3], ""), "argv[1..3] are alpha, 'two words', ''");
	check(argv[argc] == 0, "argv[argc] == NULL");
	/* 7-8: environment */
	check(getenv_(envp, "LOADER_TEST") && seq(getenv_(envp, "LOADER_TEST"), "yes-42"),
	      "LOADER_TEST=yes-42 in envp");
	want_path = getenv_(envp, "EXPECT_EXECPATH");
	check(want_path != 0, "EXPECT_EXECPATH set by run.sh");
	/* 9-10: auxv shape */
	check(auxv[0] == AT_PHDR, "auxv starts right after envp's NULL with AT_PHDR");
	check(order_ok, "auxv entries in FreeBSD 14's order, each once");
	/* 11-17: program headers and entry */
	check(av[AT_PAGESZ] == 4096, "AT_PAGESZ == 4096");
	check(av[AT_PHDR] == (u64)&__ehdr_start + __ehdr_start.phoff, "AT_PHDR");
	check(av[AT_PHNUM] == __ehdr_start.phnum, "AT_PHNUM");
	check(av[AT_PHENT] == 56, "AT_PHENT == 56");
	check(av[AT_ENTRY] == (u64)&_start, "AT_ENTRY == _start");
	check(av[AT_BASE] == 0, "AT_BASE == 0 (no interpreter)");
	check(av[AT_FLAGS] == 0 && av[AT_EHDRFLAGS] == __ehdr_start.flags,
	      "AT_FLAGS 0, AT_EHDRFLAGS == e_flags");
	/* 18-19: execpath */
	check(av[AT_EXECPATH] != 0, "AT_EXECPATH present");
	check(av[AT_EXECPATH] && want_path && seq((const char *)av[AT_EXECPATH], want_path),
	      "AT_EXECPATH == EXPECT_EXECPATH");
	/* 20-21: canary */
	check(av[AT_CANARYLEN] == 64, "AT_CANARYLEN == 64");
	canary = (const unsigned char *)av[AT_CANARY];
	for (i = 0; canary && i < 64; i++)
		if (canary[i])
			all_zero = 0;
	check(canary && !all_zero, "AT_CANARY: 64 random bytes");
	/* 22-23: page sizes */
	check(av[AT_PAGESIZESLEN] == 24, "AT_PAGESIZESLEN == 24");
	pagesizes = (const u64 *)av[AT_PAGESIZES];
	check(pagesizes && pagesizes[0] == 4096 && pagesizes[1] == 2097152 &&
	      pagesizes[2] == 1073741824, "AT_PAGESIZES {4K, 2M, 1G}");
	/* 24-27: system facts */
	check(av[AT_OSRELDATE] > 1400000, "AT_OSRELDATE > 1400000");
	check(av[AT_NCPUS] >= 1, "AT_NCPUS >= 1");
	check(av[AT_STACKPROT] == 3, "AT_STACKPROT == 3");
	check(av[AT_BSDFLAGS] == 0, "AT_BSDFLAGS == 0");
	/* 28-30: the vectors */
	check(av[AT_ARGC] == (u64)argc && av[AT_ARGV] == (u64)argv, "AT_ARGC, AT_ARGV");
	check(av[AT_ENVC] == envc && av[AT_ENVV] == (u64)envp, "AT_ENVC, AT_ENVV");
	ps = (const struct ps_strings *)av[AT_PS_STRINGS];
	check(ps && ps->ps_argvstr == argv && ps->ps_nargvstr == argc &&
	      ps->ps_envstr == envp && ps->ps_nenvstr == envc, "ps_strings fields");
	/* 31-34: where things are (top of stack down) */
	check(av[AT_USRSTACKBASE] == (u64)ps + sizeof *ps, "ps_strings at the very top");
	check(av[AT_EXECPATH] < (u64)ps && av[AT_CANARY] + 64 <= av[AT_EXECPATH] &&
	      av[AT_PAGESIZES] + 24 <= av[AT_CANARY] &&
	      (u64)argv[0] + 0 < av[AT_PAGESIZES] &&
	      (u64)&auxv[2 * n + 2] <= (u64)argv[0], "layout: ps > execpath > canary > "
	      "pagesizes > strings > auxv");
	check(av[AT_USRSTACKLIM] >= 65536 &&
	      (u64)argcp > av[AT_USRSTACKBASE] - av[AT_USRSTACKLIM], "AT_USRSTACKLIM");
	check(argv[0] + slen(argv[0]) + 1 == argv[1] && envc > 0 &&
	      envp[0] == argv[argc - 1] + slen(argv[argc - 1]) + 1,
	      "argument strings then environment strings, contiguous");
	/* 35: the shared page's timekeep */
	tk = (const u32 *)av[AT_TIMEKEEP];
	check(tk && tk[0] == 1 && tk[1] == 0, "AT_TIMEKEEP: tk_ver 1, tk_enabled 0");
	(void)seen;
	return failed;
}
