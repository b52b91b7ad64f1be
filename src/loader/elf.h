/* ELF64 parsing for the loader: a pure function over a byte buffer.
 *
 * elf_parse() reads the ELF header and program headers of a FreeBSD/aarch64
 * executable or interpreter, validates everything the mapper relies on, and
 * fills struct elf_info.  It does no I/O and no mapping, and must never read
 * outside [buf, buf+len) whatever the input (tests/fuzz/fuzz_elf.c checks
 * that).  Values are read byte-wise, so BUF needs no alignment. */
#ifndef BSDEMU_LOADER_ELF_H
#define BSDEMU_LOADER_ELF_H

#include <stddef.h>
#include <stdint.h>

/* ELF format constants (the ELF specification; FreeBSD sys/sys/elf_common.h). */
#define ELF_EI_NIDENT    16
#define ELF_EI_CLASS     4
#define ELF_EI_DATA      5
#define ELF_EI_VERSION   6
#define ELF_EI_OSABI     7
#define ELF_CLASS32      1
#define ELF_CLASS64      2
#define ELF_DATA2LSB     1
#define ELF_DATA2MSB     2
#define ELF_EV_CURRENT   1
#define ELF_OSABI_SYSV    0
#define ELF_OSABI_LINUX   3
#define ELF_OSABI_FREEBSD 9

#define ELF_ET_REL  1
#define ELF_ET_EXEC 2
#define ELF_ET_DYN  3
#define ELF_ET_CORE 4

#define ELF_EM_386     3
#define ELF_EM_PPC     20
#define ELF_EM_PPC64   21
#define ELF_EM_ARM     40
#define ELF_EM_X86_64  62
#define ELF_EM_AARCH64 183
#define ELF_EM_RISCV   243

#define ELF_PT_NULL      0
#define ELF_PT_LOAD      1
#define ELF_PT_DYNAMIC   2
#define ELF_PT_INTERP    3
#define ELF_PT_NOTE      4
#define ELF_PT_PHDR      6
#define ELF_PT_TLS       7
#define ELF_PT_GNU_STACK 0x6474e551

#define ELF_PF_X 1
#define ELF_PF_W 2
#define ELF_PF_R 4

#define ELF64_EHDR_SIZE 64
#define ELF64_PHDR_SIZE 56

/* Note types (name "FreeBSD" resp. "GNU"). */
#define ELF_NT_FREEBSD_ABI_TAG 1
#define ELF_NT_GNU_ABI_TAG     1

/* Limits of what elf_parse accepts. */
#define ELF_MAX_PHNUM   1024  /* program headers (FreeBSD keeps them in one page: 73) */
#define ELF_MAX_LOADS   32    /* PT_LOAD segments (real programs have 2-5) */
#define ELF_INTERP_MAX  1024  /* PATH_MAX, NUL included */
/* FreeBSD/arm64 VM_MAXUSER_ADDRESS: no user segment reaches beyond it. */
#define ELF_USER_VA_END 0x0001000000000000ULL

#define ELF_PAGE 4096ULL

/* Which OS the binary says it is for, and how we know. */
enum elf_brand {
	ELF_BRAND_NONE = 0,
	ELF_BRAND_FREEBSD,
	ELF_BRAND_LINUX,
};

struct elf_seg {
	uint64_t vaddr, memsz;
	uint64_t offset, filesz;
	uint64_t align;
	uint32_t flags;         /* ELF_PF_* */
};

struct elf_info {
	uint16_t type;          /* ELF_ET_EXEC or ELF_ET_DYN */
	uint16_t machine;       /* ELF_EM_AARCH64 */
	uint8_t osabi;
	uint32_t e_flags;       /* AT_EHDRFLAGS */
	uint64_t entry;         /* unrelocated */
	uint64_t phoff;
	uint16_t phentsize, phnum;

	unsigned nloads;
	struct elf_seg loads[ELF_MAX_LOADS]; /* ascending, non-overlapping */
	uint64_t min_vaddr;     /* page-rounded down start of the first PT_LOAD */
	uint64_t max_vaddr;     /* page-rounded up end of the last PT_LOAD */
	uint64_t max_align;     /* largest power-of-two p_align of a PT_LOAD (>= page) */

	/* Unrelocated address of the program headers in memory, 0 if they are
	 * not part of any loaded segment (AT_PHDR). */
	uint64_t phdr_vaddr;

	int has_interp;
	char interp[ELF_INTERP_MAX];

	enum elf_brand brand;
	const char *brand_why;  /* "ABI note", "EI_OSABI", "interpreter" */
	uint32_t note_osreldate; /* FreeBSD ABI note's __FreeBSD_version, 0 = none */
	int has_tls;
	uint32_t stack_flags;   /* PT_GNU_STACK p_flags, 0 = absent */
};

/* Parse BUF.  0 on success, -1 with a one-line reason (no path, no
 * "bsdemu:") in ERR when the file is not something bsdemu can load.
 * A Linux or unbranded program is refused here too. */
int elf_parse(const uint8_t *buf, size_t len, struct elf_info *out,
	      char *err, size_t errlen);

/* Human-readable name of an ELF machine, e.g. "x86-64"; never NULL. */
const char *elf_machine_name(unsigned machine);

/* Is PATH an interpreter path of a Linux C library? */
int elf_is_linux_interp(const char *path);
/* Is PATH FreeBSD's run-time linker (/libexec/ld-elf.so.1 or the old
 * /usr/libexec one)? */
int elf_is_freebsd_interp(const char *path);

#endif
