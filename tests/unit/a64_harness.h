/* Host-side AArch64 core test harness, shared by the tests/unit/test_a64*.c
 * programs: a guest address space with code, data
 * and stack, .S files from tests/cpu assembled at start-up (clang,
 * llvm-objcopy, llvm-nm) with their t_* labels, and PASS/FAIL bookkeeping.
 * Include it in exactly one file. */
#ifndef BSDEMU_TESTS_A64_HARNESS_H
#define BSDEMU_TESTS_A64_HARNESS_H

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cpu/aarch64/cpu.h"
#include "host/fault.h"
#include "mem/mem.h"

/* Not every test program uses every helper. */
#pragma GCC diagnostic ignored "-Wunused-function"

#define CODE      0x100000ull
#define CODE_SIZE 0x40000ull
#define DATA      0x200000ull
#define DATA_SIZE 0x10000ull
#define NX_PAGE   0x210000ull /* RW, not executable */
#define NONE_PAGE 0x220000ull /* mapped PROT_NONE */
#define UNMAPPED  0x230000ull
#define STACK     0x300000ull
#define STACK_TOP 0x3f0000ull

static struct a64_cpu cpu;
static uint8_t *D; /* host view of DATA */

/* ---- symbols from the assembled test files ---- */
struct sym { char name[128]; uint64_t addr; };
static struct sym syms[1024];
static int nsyms;

static uint64_t sym(const char *name)
{
	for (int i = 0; i < nsyms; i++)
		if (!strcmp(syms[i].name, name))
			return syms[i].addr;
	fprintf(stderr, "a64_harness: no label %s\n", name);
	exit(2);
}

static int sh(const char *cmd)
{
	int r = system(cmd);
	if (r != 0)
		fprintf(stderr, "a64_harness: failed: %s\n", cmd);
	return r;
}

static const char *tool(const char *a, const char *b)
{
	return access(a, X_OK) == 0 ? a : b;
}

static int load_asm(const char *dir, const char *const *files, size_t nfiles)
{
	char tmp[] = "/tmp/test_a64.XXXXXX";
	char cmd[1024];
	const char *objcopy = tool("/usr/bin/llvm-objcopy", "llvm-objcopy-14");
	const char *nm = tool("/usr/bin/llvm-nm", "llvm-nm-14");
	uint64_t at = CODE;
	if (!mkdtemp(tmp))
		return -1;
	for (size_t i = 0; i < nfiles; i++) {
		const char *f = files[i];
		snprintf(cmd, sizeof(cmd),
			 "clang --target=aarch64-unknown-freebsd14.0 -c %s/%s.S -o %s/%s.o && "
			 "%s -O binary --only-section=.text %s/%s.o %s/%s.bin && %s %s/%s.o > %s/%s.sym",
			 dir, f, tmp, f, objcopy, tmp, f, tmp, f, nm, tmp, f, tmp, f);
		if (sh(cmd))
			return -1;
		char path[512];
		snprintf(path, sizeof(path), "%s/%s.bin", tmp, f);
		FILE *fp = fopen(path, "rb");
		if (!fp)
			return -1;
		size_t n = fread(g2h(at), 1, CODE_SIZE - (at - CODE), fp);
		fclose(fp);
		snprintf(path, sizeof(path), "%s/%s.sym", tmp, f);
		fp = fopen(path, "r");
		if (!fp)
			return -1;
		char line[256], name[128], type[8];
		unsigned long long off;
		while (fgets(line, sizeof(line), fp))
			if (sscanf(line, "%llx %7s %127s", &off, type, name) == 3 &&
			    !strncmp(name, "t_", 2) && nsyms < 1024) {
				snprintf(syms[nsyms].name, sizeof(syms[nsyms].name), "%s", name);
				syms[nsyms++].addr = at + off;
			}
		fclose(fp);
		at = (at + n + 0xfff) & ~0xfffull;
	}
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmp);
	sh(cmd);
	return 0;
}

/* ---- test bookkeeping ---- */
static const char *cur;
static int cur_fail, npass, nfail;
static char detail[512];

static void begin(const char *name)
{
	cur = name;
	cur_fail = 0;
}
static void end(void)
{
	if (cur_fail) {
		printf("FAIL %s: %s\n", cur, detail);
		nfail++;
	} else {
		printf("PASS %s\n", cur);
		npass++;
	}
}
static void check_eq(const char *what, uint64_t got, uint64_t want, int line)
{
	if (got != want && !cur_fail) {
		snprintf(detail, sizeof(detail), "line %d: %s = 0x%llx, want 0x%llx", line, what,
			 (unsigned long long)got, (unsigned long long)want);
		cur_fail = 1;
	}
}
#define EQ(expr, want) check_eq(#expr, (uint64_t)(expr), (uint64_t)(want), __LINE__)
#define X(n) cpu.r[n]
#define SP cpu.r[A64_SP]
#define NZCV a64_get_nzcv(&cpu)

static void reset(void)
{
	void *jc = cpu.jit_cache;
	memset(&cpu, 0, sizeof(cpu));
	cpu.jit_cache = jc;
	cpu.zf = 1;
	SP = STACK_TOP;
	memset(D, 0, DATA_SIZE);
}
/* Start a test at LABEL with a clean CPU. */
static void start(const char *name, const char *label)
{
	begin(name);
	reset();
	cpu.pc = sym(label);
}
static int run(void)
{
	return a64_run(&cpu);
}
/* Each of the N LABELS is an encoding that must stop with SIGILL
 * (ILL_ILLOPC) at its own pc; the test is named after the label. */
static void expect_undef(const char *const *labels, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char name[64];
		snprintf(name, sizeof(name), "undef_%s", labels[i] + 2);
		start(name, labels[i]);
		EQ(run(), A64_EXIT_UNDEF);
		EQ(cpu.pc, sym(labels[i]));
		EQ(cpu.exit_code, A64_ILL_ILLOPC);
		end();
	}
}
static void run_brk(void)
{
	int r = run();
	if (r != A64_EXIT_BRK && !cur_fail) {
		snprintf(detail, sizeof(detail), "exit %d at pc 0x%llx (code %d, addr 0x%llx), want BRK",
			 r, (unsigned long long)cpu.pc, cpu.exit_code,
			 (unsigned long long)cpu.fault_addr);
		cur_fail = 1;
	}
}
static uint64_t rd64(uint64_t off)
{
	uint64_t v;
	memcpy(&v, D + off, 8);
	return v;
}
static void wr64(uint64_t off, uint64_t v)
{
	memcpy(D + off, &v, 8);
}


/* Maps the guest regions, assembles FILES from DIR and initialises the cpu. */
static int harness_init(const char *dir, const char *const *files, size_t nfiles)
{
	if (mem_init() < 0 || host_fault_init() < 0)
		return -1;
	if (mem_map_fixed(CODE, CODE_SIZE, GPROT_READ | GPROT_WRITE | GPROT_EXEC, GMAP_ANON, -1, 0) ||
	    mem_map_fixed(DATA, DATA_SIZE, GPROT_READ | GPROT_WRITE, GMAP_ANON, -1, 0) ||
	    mem_map_fixed(STACK, 0x100000, GPROT_READ | GPROT_WRITE, GMAP_ANON, -1, 0)) {
		fprintf(stderr, "a64_harness: mem_map_fixed failed\n");
		return -1;
	}
	D = g2h(DATA);
	if (load_asm(dir, files, nfiles) < 0) {
		fprintf(stderr, "a64_harness: cannot assemble the tests in %s\n", dir);
		return -1;
	}
	a64_init(&cpu);
	return 0;
}

#endif
