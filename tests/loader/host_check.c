/* Host-side check of loader_exec(): loads a FreeBSD/aarch64 program into
 * guest memory (no CPU needed) and compares what is mapped with the file,
 * read independently of src/loader/elf.c.
 *
 *   host_check NAME PROGRAM [SYSROOT]
 *
 * Checks, for the program and its interpreter: every PT_LOAD's file bytes are
 * in guest memory at p_vaddr + bias, the bss (and the rest of the last file
 * page when it is bss) is zero, each page has at least the segment's
 * protection, and exactly it when no other segment shares the page; the
 * break starts at the page-rounded end; the stack and the shared page
 * (sigcode words, timekeep) are mapped as documented; x0/sp/pc agree.
 * Prints "PASS NAME" or "FAIL NAME: why" lines.
 *
 * Built by tests/loader/run.sh from the loader, mem and shared-page sources
 * with stand-ins for the CPU functions the loader calls. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu.h"
#include "loader/loader.h"
#include "mem/mem.h"
#include "os/freebsd/aarch64/sharedpage.h"

struct emu_opts emu;
uint64_t a64_hwcap(void) { return 0x1234; }
uint64_t a64_hwcap2(void) { return 0x5; }
void a64_invalidate(uint64_t s, uint64_t l) { (void)s; (void)l; }

static const char *test_name;
static int failures;

static void fail(const char *fmt, ...)
{
	va_list ap;
	if (failures++)
		return; /* one FAIL line per test: the first problem */
	printf("FAIL %s: ", test_name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

struct phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

static uint8_t *slurp(const char *path, size_t *len)
{
	struct stat st;
	uint8_t *b;
	int fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st) < 0)
		return NULL;
	b = malloc(st.st_size + 1);
	if (!b || read(fd, b, st.st_size) != st.st_size)
		return NULL;
	close(fd);
	*len = st.st_size;
	return b;
}

static int phdrs(const uint8_t *f, size_t len, struct phdr *ph, unsigned max)
{
	uint64_t phoff;
	uint16_t phnum;
	memcpy(&phoff, f + 32, 8);
	memcpy(&phnum, f + 56, 2);
	if (phnum > max || phoff + phnum * 56ULL > len)
		return -1;
	for (unsigned i = 0; i < phnum; i++)
		memcpy(&ph[i], f + phoff + i * 56ULL, 56);
	return phnum;
}

static int gprot(uint32_t pf)
{
	return (pf & 4 ? GPROT_READ : 0) | (pf & 2 ? GPROT_WRITE : 0) | (pf & 1 ? GPROT_EXEC : 0);
}

/* Check the PT_LOADs of FILE against guest memory at BIAS; returns the end. */
static uint64_t check_image(const char *file, uint64_t bias)
{
	struct phdr ph[64];
	size_t len;
	uint8_t *f = slurp(file, &len);
	uint64_t end = 0;
	int n;

	if (!f || (n = phdrs(f, len, ph, 64)) < 0) {
		fail("cannot read %s", file);
		return 0;
	}
	for (int i = 0; i < n; i++) {
		uint64_t v, a;
		if (ph[i].type != 1 || ph[i].memsz == 0)
			continue;
		v = ph[i].vaddr + bias;
		if (memcmp(g2h(v), f + ph[i].offset, ph[i].filesz) != 0)
			fail("%s: segment %d's file bytes differ in guest memory at %#lx", file, i, v);
		for (a = v + ph[i].filesz; a < v + ph[i].memsz; a++)
			if (*(uint8_t *)g2h(a) != 0) {
				fail("%s: bss byte at %#lx is not zero", file, a);
				break;
			}
		int later = 0;
		for (int j = 0; j < n; j++)
			if (j != i && ph[j].type == 1 && ph[j].memsz &&
			    ph[j].vaddr + bias < ((v + ph[i].memsz + 4095) & ~4095ULL) &&
			    ph[j].vaddr + bias + ph[j].memsz > v + ph[i].memsz)
				later = 1;
		if (ph[i].memsz > ph[i].filesz && !later)
			for (a = v + ph[i].memsz; a & 4095; a++)
				if (*(uint8_t *)g2h(a) != 0) {
					fail("%s: byte %#lx after the bss in its page is not zero", file, a);
					break;
				}
		for (a = v & ~4095ULL; a < v + ph[i].memsz; a += 4096) {
			int want = gprot(ph[i].flags), got = mem_prot_at(a), shared = 0;
			struct gmapping m;
			for (int j = 0; j < n; j++)
				if (j != i && ph[j].type == 1 && ph[j].memsz &&
				    ((ph[j].vaddr + bias) & ~4095ULL) <= a &&
				    ph[j].vaddr + bias + ph[j].memsz > a)
					shared = 1;
			if (got < 0 || (got & want) != want || (!shared && got != want))
				fail("%s: page %#lx has protection %d, segment %d wants %d",
				     file, a, got, i, want);
			if (!mem_lookup(a, &m) || !(m.flags & GMAP_IMAGE))
				fail("%s: page %#lx is not a GMAP_IMAGE mapping", file, a);
		}
		if (v + ph[i].memsz > end)
			end = v + ph[i].memsz;
	}
	free(f);
	return end;
}

int main(int argc, char **argv)
{
	static const uint32_t sigcode[8] = {
		0xd63f0100, 0x910003e0, 0x91014000, 0xd2803428,
		0xd4000001, 0xd2800028, 0xd4000001, 0x14000000,
	};
	char *gargv[] = { argv[2], "x", NULL };
	char *genv[] = { "A=1", NULL };
	struct guest_entry e;
	struct gmapping m;
	uint64_t end, *sp;
	const uint32_t *tk;
	int st;

	if (argc < 3) {
		fprintf(stderr, "usage: host_check NAME PROGRAM [SYSROOT]\n");
		return 2;
	}
	test_name = argv[1];
	emu.sysroot = argc > 3 ? argv[3] : NULL;
	emu.osreldate = 1403000;
	if (mem_init() < 0) {
		fail("mem_init failed");
		return 1;
	}
	st = loader_exec(argv[2], gargv, genv, &e);
	if (st) {
		fail("loader_exec refused it (status %d)", st);
		return 1;
	}
	end = check_image(argv[2], e.prog_base);
	if (e.brk != ((end + 4095) & ~4095ULL) || mem_brk_base != e.brk || mem_brk_cur != e.brk)
		fail("break %#lx (mem_brk_base %#lx), want %#lx", e.brk, mem_brk_base,
		     (end + 4095) & ~4095ULL);
	if (e.interp_base) {
		char ip[4096];
		snprintf(ip, sizeof ip, "%s/libexec/ld-elf.so.1", argv[3]);
		check_image(ip, e.interp_base);
		if (e.pc == e.prog_entry)
			fail("pc is the program's entry, not the interpreter's");
	} else if (e.pc != e.prog_entry) {
		fail("pc %#lx != entry %#lx", e.pc, e.prog_entry);
	}
	/* registers and stack */
	sp = g2h(e.x0);
	if (e.sp != (e.x0 & ~15ULL) || e.lr != e.pc || sp[0] != 2 ||
	    strcmp(g2h(sp[1]), argv[2]) || strcmp(g2h(sp[2]), "x") || sp[3] != 0 ||
	    strcmp(g2h(sp[4]), "A=1") || sp[5] != 0 || sp[6] != FBSD_AT_PHDR ||
	    e.auxv != e.x0 + 48)
		fail("initial stack: argc/argv/envp/auxv not as expected");
	if (!mem_lookup(e.x0, &m) || !(m.flags & GMAP_STACK) ||
	    m.prot != (GPROT_READ | GPROT_WRITE) || m.end != e.usrstack ||
	    e.usrstack - e.stack_bottom != 8ULL << 20)
		fail("stack mapping wrong");
	/* shared page */
	if (e.sharedpage != guest_limit - 4096 || e.usrstack != e.sharedpage ||
	    !mem_lookup(e.sharedpage, &m) || !(m.flags & GMAP_SYSTEM) ||
	    m.prot != (GPROT_READ | GPROT_EXEC))
		fail("shared page not mapped read+exec at guest_limit - 4096");
	else if (memcmp(g2h(e.sigcode), sigcode, sizeof sigcode) ||
		 e.sigcode != fbsd_sigcode_addr())
		fail("sigcode words differ");
	tk = g2h(e.timekeep);
	if (e.timekeep < e.sharedpage || e.timekeep >= e.sharedpage + 4096 ||
	    tk[0] != 1 || tk[1] != 0)
		fail("timekeep: tk_ver %u tk_enabled %u", tk[0], tk[1]);
	if (!failures)
		printf("PASS %s\n", test_name);
	return failures != 0;
}
