/* ELF64 header and program-header validation (pure: see elf.h).
 *
 * Every offset taken from the file is checked against LEN with overflow-free
 * comparisons (a <= len && b <= len - a) before anything is read. */
#include "loader/elf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static uint16_t rd16(const uint8_t *p, int be)
{
	return be ? (uint16_t)(p[0] << 8 | p[1]) : (uint16_t)(p[1] << 8 | p[0]);
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint64_t rd64(const uint8_t *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* [off, off+n) lies inside a buffer of LEN bytes. */
static int in_buf(uint64_t off, uint64_t n, size_t len)
{
	return off <= len && n <= len - off;
}

static int fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

const char *elf_machine_name(unsigned machine)
{
	switch (machine) {
	case 0: return "no-machine";
	case ELF_EM_386: return "i386";
	case 8: return "MIPS";
	case ELF_EM_PPC: return "PowerPC";
	case ELF_EM_PPC64: return "PowerPC64";
	case 22: return "s390";
	case ELF_EM_ARM: return "32-bit ARM";
	case 2: case 43: return "SPARC";
	case 50: return "IA-64";
	case ELF_EM_X86_64: return "x86-64";
	case ELF_EM_AARCH64: return "aarch64";
	case ELF_EM_RISCV: return "RISC-V";
	case 258: return "LoongArch";
	default: return NULL;
	}
}

int elf_is_freebsd_interp(const char *p)
{
	return strcmp(p, "/libexec/ld-elf.so.1") == 0 ||
	       strcmp(p, "/usr/libexec/ld-elf.so.1") == 0;
}

int elf_is_linux_interp(const char *p)
{
	const char *base = strrchr(p, '/');
	base = base ? base + 1 : p;
	return strncmp(base, "ld-linux", 8) == 0 ||
	       strncmp(base, "ld-musl-", 8) == 0 ||
	       strcmp(base, "ld.so.1") == 0 || strcmp(p, "/system/bin/linker64") == 0;
}

/* The identification and ELF header: everything that decides whether this
 * is an aarch64 little-endian ELF64 at all. */
static int check_ident(const uint8_t *b, size_t len, char *err, size_t errlen)
{
	unsigned cls, data, mach;
	const char *mname;
	char mbuf[32];
	int be;

	if (len == 0)
		return fail(err, errlen, "empty file, not an ELF executable");
	if (len < 4 || memcmp(b, "\177ELF", 4) != 0) {
		if (len >= 2 && b[0] == '#' && b[1] == '!')
			return fail(err, errlen, "not an ELF executable (a #! script: "
				    "run its interpreter under bsdemu)");
		return fail(err, errlen, "not an ELF executable");
	}
	if (len < 20)
		return fail(err, errlen, "truncated ELF header (%zu of 64 bytes)", len);
	cls = b[ELF_EI_CLASS];
	data = b[ELF_EI_DATA];
	if (cls != ELF_CLASS32 && cls != ELF_CLASS64)
		return fail(err, errlen, "invalid ELF class %u", cls);
	if (data != ELF_DATA2LSB && data != ELF_DATA2MSB)
		return fail(err, errlen, "invalid ELF data encoding %u", data);
	be = data == ELF_DATA2MSB;
	mach = rd16(b + 18, be);
	mname = elf_machine_name(mach);
	if (!mname) {
		snprintf(mbuf, sizeof mbuf, "machine-%u", mach);
		mname = mbuf;
	}
	if (mach != ELF_EM_AARCH64 || cls != ELF_CLASS64 || be)
		return fail(err, errlen, "%s%s%s ELF: only FreeBSD/aarch64 is supported so far",
			    be ? "big-endian " : "",
			    cls == ELF_CLASS32 && mach == ELF_EM_AARCH64 ? "32-bit (ILP32) " : "",
			    mname);
	if (b[ELF_EI_VERSION] != ELF_EV_CURRENT)
		return fail(err, errlen, "unsupported ELF version %u", b[ELF_EI_VERSION]);
	if (len < ELF64_EHDR_SIZE)
		return fail(err, errlen, "truncated ELF header (%zu of 64 bytes)", len);
	if (rd32(b + 20) != ELF_EV_CURRENT)
		return fail(err, errlen, "unsupported ELF version %u", rd32(b + 20));
	return 0;
}

/* Walk the notes of one PT_NOTE segment for the FreeBSD and GNU ABI tags. */
static void scan_notes(const uint8_t *b, size_t len, uint64_t off, uint64_t size,
		       uint64_t align, int *freebsd, uint32_t *osrel, int *gnu)
{
	uint64_t pos = 0, a = align == 8 ? 8 : 4;

	if (!in_buf(off, size, len))
		return;
	b += off;
	while (size - pos >= 12) {
		uint32_t namesz = rd32(b + pos), descsz = rd32(b + pos + 4);
		uint32_t type = rd32(b + pos + 8);
		uint64_t name = pos + 12;
		uint64_t desc = name + ((namesz + a - 1) & ~(a - 1));
		uint64_t next = desc + ((descsz + a - 1) & ~(a - 1));

		if (desc > size || next > size || desc + descsz > size)
			return;
		if (namesz == 8 && memcmp(b + name, "FreeBSD", 8) == 0 &&
		    type == ELF_NT_FREEBSD_ABI_TAG && descsz == 4) {
			*freebsd = 1;
			*osrel = rd32(b + desc);
		}
		if (namesz == 4 && memcmp(b + name, "GNU", 4) == 0 &&
		    type == ELF_NT_GNU_ABI_TAG)
			*gnu = 1;
		pos = next;
	}
}

static int add_load(struct elf_info *o, const struct elf_seg *s, unsigned idx,
		    char *err, size_t errlen)
{
	uint64_t align = s->align;

	if (s->filesz > s->memsz)
		return fail(err, errlen, "bad program header %u: p_filesz %#llx > p_memsz %#llx",
			    idx, (unsigned long long)s->filesz,
			    (unsigned long long)s->memsz);
	if (s->vaddr >= ELF_USER_VA_END || s->memsz > ELF_USER_VA_END - s->vaddr ||
	    (s->vaddr + s->memsz) > ELF_USER_VA_END - ELF_PAGE)
		return fail(err, errlen, "bad program header %u: segment %#llx+%#llx lies "
			    "outside the user address space", idx,
			    (unsigned long long)s->vaddr, (unsigned long long)s->memsz);
	if ((s->offset - s->vaddr) & (ELF_PAGE - 1))
		return fail(err, errlen, "bad program header %u: p_offset %#llx and p_vaddr "
			    "%#llx differ modulo the page size", idx,
			    (unsigned long long)s->offset, (unsigned long long)s->vaddr);
	if (align > 1 && (align & (align - 1)))
		return fail(err, errlen, "bad program header %u: p_align %#llx is not a "
			    "power of two", idx, (unsigned long long)align);
	if (o->nloads > 0) {
		const struct elf_seg *p = &o->loads[o->nloads - 1];
		if (s->vaddr < p->vaddr + p->memsz)
			return fail(err, errlen, "bad program header %u: PT_LOAD segments "
				    "overlap or are not in ascending order", idx);
	}
	if (o->nloads == ELF_MAX_LOADS)
		return fail(err, errlen, "too many PT_LOAD segments (more than %d)",
			    ELF_MAX_LOADS);
	if (align > o->max_align && align <= (1ULL << 30))
		o->max_align = align;
	o->loads[o->nloads++] = *s;
	return 0;
}

static int set_interp(const uint8_t *b, size_t len, struct elf_info *o,
		      uint64_t off, uint64_t size, char *err, size_t errlen)
{
	if (o->has_interp)
		return fail(err, errlen, "more than one PT_INTERP program header");
	if (!in_buf(off, size, len))
		return fail(err, errlen, "truncated: PT_INTERP lies beyond the end of the file");
	if (size < 2 || size > ELF_INTERP_MAX)
		return fail(err, errlen, "bad PT_INTERP: length %llu",
			    (unsigned long long)size);
	if (b[off + size - 1] != 0 || memchr(b + off, 0, size - 1) != NULL)
		return fail(err, errlen, "bad PT_INTERP: the interpreter path is not a "
			    "NUL-terminated string");
	memcpy(o->interp, b + off, size);
	o->has_interp = 1;
	return 0;
}

/* Decide the OS the way FreeBSD's kernel does (imgact_elf.c get_brandinfo):
 * an ABI note first, then EI_OSABI, then the interpreter path. */
static int brand(struct elf_info *o, int fbsd_note, int gnu_note,
		 char *err, size_t errlen)
{
	if (fbsd_note) {
		o->brand = ELF_BRAND_FREEBSD;
		o->brand_why = "ABI note";
	} else if (gnu_note) {
		return fail(err, errlen, "Linux ELF, not FreeBSD (it has a GNU ABI note): "
			    "bsdemu runs FreeBSD programs");
	} else if (o->osabi == ELF_OSABI_FREEBSD) {
		o->brand = ELF_BRAND_FREEBSD;
		o->brand_why = "EI_OSABI";
	} else if (o->osabi == ELF_OSABI_LINUX) {
		return fail(err, errlen, "Linux ELF, not FreeBSD (EI_OSABI 3): "
			    "bsdemu runs FreeBSD programs");
	} else if (o->has_interp && elf_is_freebsd_interp(o->interp)) {
		o->brand = ELF_BRAND_FREEBSD;
		o->brand_why = "interpreter";
	} else if (o->has_interp && elf_is_linux_interp(o->interp)) {
		return fail(err, errlen, "Linux ELF, not FreeBSD (interpreter %s): "
			    "bsdemu runs FreeBSD programs", o->interp);
	} else {
		return fail(err, errlen, "not a FreeBSD program: EI_OSABI %u, no FreeBSD ABI "
			    "note%s%s (a Linux program?)", o->osabi,
			    o->has_interp ? ", interpreter " : "",
			    o->has_interp ? o->interp : "");
	}
	return 0;
}

/* AT_PHDR: where the program headers are in memory. */
static void find_phdr(struct elf_info *o, uint64_t pt_phdr, int have_pt_phdr)
{
	uint64_t size = (uint64_t)o->phnum * o->phentsize;
	unsigned i;

	if (have_pt_phdr) {
		o->phdr_vaddr = pt_phdr;
		return;
	}
	for (i = 0; i < o->nloads; i++) {
		const struct elf_seg *s = &o->loads[i];
		if (o->phoff >= s->offset && o->phoff - s->offset <= s->filesz &&
		    size <= s->filesz - (o->phoff - s->offset)) {
			o->phdr_vaddr = s->vaddr + (o->phoff - s->offset);
			return;
		}
	}
	o->phdr_vaddr = 0;
}

int elf_parse(const uint8_t *b, size_t len, struct elf_info *o,
	      char *err, size_t errlen)
{
	int fbsd_note = 0, gnu_note = 0, have_pt_phdr = 0;
	uint64_t pt_phdr = 0, last_end;
	unsigned i;

	memset(o, 0, sizeof *o);
	if (err && errlen)
		err[0] = 0;
	if (check_ident(b, len, err, errlen) < 0)
		return -1;

	o->osabi = b[ELF_EI_OSABI];
	o->type = rd16(b + 16, 0);
	o->machine = rd16(b + 18, 0);
	o->entry = rd64(b + 24);
	o->phoff = rd64(b + 32);
	o->e_flags = rd32(b + 48);
	o->phentsize = rd16(b + 54, 0);
	o->phnum = rd16(b + 56, 0);
	o->max_align = ELF_PAGE;

	switch (o->type) {
	case ELF_ET_EXEC:
	case ELF_ET_DYN:
		break;
	case ELF_ET_REL:
		return fail(err, errlen, "a relocatable object file (.o), not an executable");
	case ELF_ET_CORE:
		return fail(err, errlen, "a core dump, not an executable");
	default:
		return fail(err, errlen, "unsupported ELF file type %u", o->type);
	}
	if (o->phnum == 0)
		return fail(err, errlen, "no program headers");
	if (o->phentsize != ELF64_PHDR_SIZE)
		return fail(err, errlen, "bad e_phentsize %u (expected %u)",
			    o->phentsize, ELF64_PHDR_SIZE);
	if (o->phnum > ELF_MAX_PHNUM)
		return fail(err, errlen, "absurd number of program headers (%u)", o->phnum);
	if (!in_buf(o->phoff, (uint64_t)o->phnum * ELF64_PHDR_SIZE, len))
		return fail(err, errlen, "truncated: program headers lie beyond the end of "
			    "the file");

	for (i = 0; i < o->phnum; i++) {
		const uint8_t *ph = b + o->phoff + (uint64_t)i * ELF64_PHDR_SIZE;
		uint32_t type = rd32(ph);
		struct elf_seg s = {
			.flags = rd32(ph + 4),
			.offset = rd64(ph + 8),
			.vaddr = rd64(ph + 16),
			.filesz = rd64(ph + 32),
			.memsz = rd64(ph + 40),
			.align = rd64(ph + 48),
		};

		switch (type) {
		case ELF_PT_LOAD:
			if (s.memsz == 0)
				break; /* maps nothing, as on FreeBSD */
			if (!in_buf(s.offset, s.filesz, len))
				return fail(err, errlen, "truncated: segment %u (file bytes %#llx+%#llx) "
					    "lies beyond the end of the file (%zu bytes)", i,
					    (unsigned long long)s.offset,
					    (unsigned long long)s.filesz, len);
			if (add_load(o, &s, i, err, errlen) < 0)
				return -1;
			break;
		case ELF_PT_INTERP:
			if (set_interp(b, len, o, s.offset, s.filesz, err, errlen) < 0)
				return -1;
			break;
		case ELF_PT_NOTE:
			scan_notes(b, len, s.offset, s.filesz, s.align, &fbsd_note,
				   &o->note_osreldate, &gnu_note);
			break;
		case ELF_PT_PHDR:
			have_pt_phdr = 1;
			pt_phdr = s.vaddr;
			break;
		case ELF_PT_TLS:
			o->has_tls = 1;
			break;
		case ELF_PT_GNU_STACK:
			o->stack_flags = s.flags;
			break;
		default:
			break;
		}
	}
	if (o->nloads == 0)
		return fail(err, errlen, "no loadable segment (PT_LOAD)");
	if (brand(o, fbsd_note, gnu_note, err, errlen) < 0)
		return -1;

	o->min_vaddr = o->loads[0].vaddr & ~(ELF_PAGE - 1);
	last_end = o->loads[o->nloads - 1].vaddr + o->loads[o->nloads - 1].memsz;
	o->max_vaddr = (last_end + ELF_PAGE - 1) & ~(ELF_PAGE - 1);
	if (o->type == ELF_ET_EXEC && o->min_vaddr < ELF_PAGE)
		return fail(err, errlen, "a segment maps page zero (%#llx)",
			    (unsigned long long)o->loads[0].vaddr);
	find_phdr(o, pt_phdr, have_pt_phdr);
	return 0;
}
