/* loader_exec(): open, check, map a FreeBSD/aarch64 program and its
 * interpreter, map the shared page and the stack (see loader.h). */
#include "loader/loader.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu.h"
#include "loader/elf.h"
#include "loader/stack.h"
#include "log.h"
#include "os/freebsd/aarch64/sharedpage.h"

#define EXIT_NOEXEC   126  /* found but cannot be executed (as env(1)) */
#define EXIT_NOTFOUND 127

#define PAGE_DOWN(x) ((x) & ~(FBSD_PAGE_SIZE - 1))
#define PAGE_UP(x)   (((x) + FBSD_PAGE_SIZE - 1) & ~(FBSD_PAGE_SIZE - 1))

struct image {
	int fd;
	const uint8_t *map;   /* whole file, read-only host mapping */
	size_t len;
	uint64_t bias;        /* guest address = p_vaddr + bias */
	struct elf_info info;
};

/* The program's path as the user gave it, for every message. */
static const char *cur_path;

static int refuse(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int refuse(int status, const char *fmt, ...)
{
	char msg[1536];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	log_msg("%s: %s", cur_path, msg);
	return status;
}

static void close_image(struct image *im)
{
	if (im->map && im->len)
		munmap((void *)im->map, im->len);
	if (im->fd >= 0)
		close(im->fd);
	im->map = NULL;
	im->fd = -1;
}

/* Open HOSTPATH and check it the way execve does before reading it.
 * WHAT prefixes messages ("" for the program, "interpreter X: " for it). */
static int open_image(const char *hostpath, const char *what, struct image *im)
{
	struct stat st;
	char err[512];
	int e;

	im->fd = open(hostpath, O_RDONLY | O_CLOEXEC);
	if (im->fd < 0) {
		e = errno;
		return refuse(e == ENOENT || e == ENOTDIR ? EXIT_NOTFOUND : EXIT_NOEXEC,
			      "%s%s", what, strerror(e));
	}
	if (fstat(im->fd, &st) < 0)
		return refuse(EXIT_NOEXEC, "%sfstat: %s", what, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return refuse(EXIT_NOEXEC, "%sIs a directory", what);
	if (!S_ISREG(st.st_mode))
		return refuse(EXIT_NOEXEC, "%snot a regular file", what);
	if (faccessat(AT_FDCWD, hostpath, X_OK, AT_EACCESS) < 0)
		return refuse(EXIT_NOEXEC, "%sPermission denied (not executable)", what);

	im->len = (size_t)st.st_size;
	if (im->len > 0) {
		void *p = mmap(NULL, im->len, PROT_READ, MAP_PRIVATE, im->fd, 0);
		if (p == MAP_FAILED)
			return refuse(EXIT_NOEXEC, "%scannot read: %s", what, strerror(errno));
		im->map = p;
	}
	if (elf_parse(im->map ? im->map : (const uint8_t *)"", im->len, &im->info,
		      err, sizeof err) < 0)
		return refuse(EXIT_NOEXEC, "%s%s", what, err);
	return 0;
}

static int gprot_of(uint32_t pf)
{
	return (pf & ELF_PF_R ? GPROT_READ : 0) | (pf & ELF_PF_W ? GPROT_WRITE : 0) |
	       (pf & ELF_PF_X ? GPROT_EXEC : 0);
}

/* Map one PT_LOAD at bias B.  PREV_END/PREV_PROT describe the last page of
 * the previous segment, which this one may share (its first page). */
static int map_segment(const struct image *im, const struct elf_seg *s,
		       uint64_t *prev_end, int *prev_prot)
{
	uint64_t v = s->vaddr + im->bias, fe = v + s->filesz, me = v + s->memsz;
	uint64_t ps = PAGE_DOWN(v), pe = PAGE_UP(me);
	uint64_t fpe = s->filesz ? PAGE_UP(fe) : ps, start = ps, bss;
	int prot = gprot_of(s->flags), last_prot = prot, r;

	if (ps < *prev_end) {
		/* First page shared with the previous segment: already mapped,
		 * copy this segment's bytes into it; the page gets both
		 * segments' permissions. */
		uint64_t pend = ps + FBSD_PAGE_SIZE;
		uint64_t ce = fe < pend ? fe : pend, ze = me < pend ? me : pend;
		int pp = *prev_prot | prot;

		if ((r = mem_protect(ps, FBSD_PAGE_SIZE, pp | GPROT_WRITE)) < 0)
			return r;
		if (ce > v)
			memcpy(g2h(v), im->map + s->offset, ce - v);
		if (ze > (ce > v ? ce : v))
			memset(g2h(ce > v ? ce : v), 0, ze - (ce > v ? ce : v));
		if ((r = mem_protect(ps, FBSD_PAGE_SIZE, pp)) < 0)
			return r;
		start = pend;
		if (pe == pend)
			last_prot = pp;
	}
	if (fpe > start) {
		/* The tail of the last file page beyond p_filesz would show the
		 * following file bytes: zero it when it is bss or writable. */
		int zero = fe < fpe && (s->memsz > s->filesz || (prot & GPROT_WRITE));
		r = mem_map_fixed(start, fpe - start, zero ? prot | GPROT_WRITE : prot,
				  GMAP_IMAGE, im->fd, s->offset + (start - v));
		if (r < 0)
			return r;
		if (zero) {
			memset(g2h(fe), 0, fpe - fe);
			if (!(prot & GPROT_WRITE) &&
			    (r = mem_protect(start, fpe - start, prot)) < 0)
				return r;
		}
	}
	bss = fpe > start ? fpe : start;
	if (pe > bss) {
		r = mem_map_fixed(bss, pe - bss, prot, GMAP_IMAGE | GMAP_ANON, -1, 0);
		if (r < 0)
			return r;
	}
	*prev_end = pe;
	*prev_prot = last_prot;
	return 0;
}

/* Choose the bias of IM (ET_DYN: a free range at or above HINT) and check
 * that the image fits below LIMIT, then map all its segments. */
static int map_image(struct image *im, uint64_t hint, uint64_t limit, const char *what)
{
	const struct elf_info *in = &im->info;
	uint64_t span = in->max_vaddr - in->min_vaddr, prev_end = 0, base;
	int prev_prot = 0, r;
	unsigned i;

	if (in->type == ELF_ET_DYN) {
		if (span > limit)
			return refuse(EXIT_NOEXEC, "%simage of %#llx bytes does not fit in the "
				      "guest address space", what, (unsigned long long)span);
		r = mem_find_free(hint, span, in->max_align, &base);
		if (r < 0 || base + span > limit)
			return refuse(EXIT_NOEXEC, "%sno room for an image of %#llx bytes",
				      what, (unsigned long long)span);
		im->bias = base - in->min_vaddr;
	} else {
		im->bias = 0;
		if (!guest_range_ok(in->min_vaddr, span))
			return refuse(EXIT_NOEXEC, "%ssegments at %#llx-%#llx lie beyond the "
				      "guest address space (which ends at %#llx)", what,
				      (unsigned long long)in->min_vaddr,
				      (unsigned long long)in->max_vaddr,
				      (unsigned long long)guest_limit);
		if (in->max_vaddr > limit)
			return refuse(EXIT_NOEXEC, "%ssegments at %#llx-%#llx collide with the "
				      "stack (below %#llx)", what,
				      (unsigned long long)in->min_vaddr,
				      (unsigned long long)in->max_vaddr,
				      (unsigned long long)limit);
		if (!mem_range_free(in->min_vaddr, span))
			return refuse(EXIT_NOEXEC, "%ssegments at %#llx-%#llx overlap memory "
				      "already in use", what,
				      (unsigned long long)in->min_vaddr,
				      (unsigned long long)in->max_vaddr);
	}
	for (i = 0; i < in->nloads; i++) {
		r = map_segment(im, &in->loads[i], &prev_end, &prev_prot);
		if (r < 0)
			return refuse(EXIT_NOEXEC, "%scannot map segment at %#llx: %s", what,
				      (unsigned long long)(in->loads[i].vaddr + im->bias),
				      strerror(-r));
	}
	return 0;
}

/* The path the guest sees in AT_EXECPATH. */
static char *guest_exec_path(const char *path)
{
	char *p, cwd[PATH_MAX];

	if (emu.guest_path)
		return strdup(emu.guest_path);
	if (path[0] == '/')
		return strdup(path);
	if ((p = realpath(path, NULL)) != NULL)
		return p;
	if (!getcwd(cwd, sizeof cwd))
		return strdup(path);
	if (asprintf(&p, "%s/%s", cwd, path) < 0)
		return NULL;
	return p;
}

static int load_interp(const struct image *prog, struct image *interp, uint64_t limit)
{
	const char *ip = prog->info.interp;
	char host[PATH_MAX + ELF_INTERP_MAX], what[sizeof host + 32];
	struct stat st;
	uint64_t hint;

	int n;

	if (emu.sysroot && emu.sysroot[0])
		n = snprintf(host, sizeof host, "%s%s", emu.sysroot, ip);
	else
		n = snprintf(host, sizeof host, "%s", ip);
	if (n < 0 || (size_t)n >= sizeof host)
		return refuse(EXIT_NOEXEC, "interpreter path %s%s too long",
			      emu.sysroot ? emu.sysroot : "", ip);
	if (stat(host, &st) < 0 && (errno == ENOENT || errno == ENOTDIR)) {
		if (emu.sysroot && emu.sysroot[0])
			return refuse(EXIT_NOTFOUND, "interpreter %s not found under %s "
				      "(-L must name a FreeBSD/aarch64 root file system)",
				      ip, emu.sysroot);
		return refuse(EXIT_NOTFOUND, "interpreter %s not found (dynamically linked: "
			      "use -L DIR or BSDEMU_SYSROOT to name a FreeBSD/aarch64 "
			      "root file system)", ip);
	}
	snprintf(what, sizeof what, "interpreter %s: ", host);
	if (open_image(host, what, interp) != 0)
		return EXIT_NOEXEC; /* open_image printed the reason */
	if (interp->info.has_interp)
		return refuse(EXIT_NOEXEC, "%sthe interpreter itself names an interpreter",
			      what);
	hint = PAGE_UP(prog->bias + prog->info.max_vaddr) + FBSD_INTERP_GAP;
	if (hint >= limit)
		hint = PAGE_UP(prog->bias + prog->info.max_vaddr);
	return map_image(interp, hint, limit, what);
}

int loader_exec(const char *path, char *const argv[], char *const envp[],
		struct guest_entry *out)
{
	struct image prog = { .fd = -1 }, interp = { .fd = -1 };
	struct stack_args sa;
	uint64_t stack_size, usrstack, bottom, limit;
	char err[256], *execpath = NULL;
	int r, status = 0;

	cur_path = path ? path : "(null)";
	memset(out, 0, sizeof *out);
	if (guest_limit < (64ULL << 20))
		log_bug("loader_exec before mem_init");
	if (!path || !path[0])
		return refuse(EXIT_NOTFOUND, "No such file or directory");

	usrstack = FBSD_USRSTACK(guest_limit);
	stack_size = PAGE_UP(emu.stack_size ? emu.stack_size : FBSD_DFLSSIZ);
	if (stack_size < 64 * 1024 || stack_size > usrstack / 2)
		return refuse(EXIT_NOEXEC, "bad stack size %llu",
			      (unsigned long long)stack_size);
	bottom = usrstack - stack_size;
	limit = bottom - FBSD_PAGE_SIZE; /* the guard page */

	if ((status = open_image(path, "", &prog)) != 0)
		goto out;
	if ((status = map_image(&prog, FBSD_ET_DYN_LOAD_ADDR, limit, "")) != 0)
		goto out;
	if (prog.info.has_interp && (status = load_interp(&prog, &interp, limit)) != 0)
		goto out;

	if ((r = mem_map_fixed(bottom, stack_size, GPROT_READ | GPROT_WRITE,
			       GMAP_STACK | GMAP_ANON, -1, 0)) < 0) {
		status = refuse(EXIT_NOEXEC, "cannot map the stack: %s", strerror(-r));
		goto out;
	}
	/* A guard page below, as FreeBSD's stack_guard_page (best effort). */
	(void)mem_map_fixed(limit, FBSD_PAGE_SIZE, GPROT_NONE, GMAP_GUARD, -1, 0);
	if ((r = fbsd_sharedpage_init(FBSD_SHAREDPAGE(guest_limit))) < 0) {
		status = refuse(EXIT_NOEXEC, "cannot map the shared page: %s", strerror(-r));
		goto out;
	}

	execpath = guest_exec_path(path);
	if (!execpath) {
		status = refuse(EXIT_NOEXEC, "out of memory");
		goto out;
	}
	memset(&sa, 0, sizeof sa);
	sa.argv = argv;
	sa.envp = envp;
	sa.execpath = execpath;
	sa.usrstack = usrstack;
	sa.stack_bottom = bottom;
	sa.stack_lim = stack_size;
	sa.phdr = prog.info.phdr_vaddr ? prog.info.phdr_vaddr + prog.bias : 0;
	sa.phnum = prog.info.phnum;
	sa.entry = prog.info.entry + prog.bias;
	sa.base = prog.info.has_interp ? interp.bias + interp.info.min_vaddr : 0;
	sa.ehdrflags = prog.info.e_flags;
	sa.timekeep = fbsd_timekeep_addr();
	sa.osreldate = emu.osreldate;
	if (loader_build_stack(&sa, out, err, sizeof err) < 0) {
		status = refuse(EXIT_NOEXEC, "%s", err);
		goto out;
	}

	out->prog_entry = sa.entry;
	out->prog_base = prog.bias;
	out->interp_base = sa.base;
	out->pc = prog.info.has_interp ? interp.info.entry + interp.bias : sa.entry;
	out->lr = out->pc;
	out->phdr = sa.phdr;
	out->phnum = prog.info.phnum;
	out->osrel = prog.info.note_osreldate;
	out->usrstack = usrstack;
	out->stack_size = stack_size;
	out->stack_bottom = bottom;
	out->sharedpage = fbsd_sharedpage_base();
	out->sigcode = fbsd_sigcode_addr();
	out->timekeep = sa.timekeep;
	out->brk = PAGE_UP(prog.bias + prog.info.max_vaddr);
	mem_brk_base = mem_brk_cur = out->brk;
out:
	free(execpath);
	close_image(&interp);
	close_image(&prog);
	return status;
}
