/* The initial stack of a FreeBSD/arm64 process.
 *
 * Mirrors FreeBSD 14's exec_copyout_strings() (kern_exec.c), then
 * __elfN(freebsd_copyout_auxargs) and __elfN(freebsd_fixup) (imgact_elf.c).
 * From the top of the stack down:
 *   ps_strings | execpath (pointer-aligned) | canary (64) |
 *   pagesizes (24, pointer-aligned) | argv+env strings (pointer-aligned) |
 *   room for FBSD_AT_COUNT auxv entries | envp[] NULL | argv[] NULL | argc
 * The vectors, argc and the auxv are contiguous 8-byte words; x0 points at
 * argc, which need not be 16-byte aligned. */
#include "loader/stack.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "cpu/aarch64/cpu.h"
#include "log.h"
#include "mem/mem.h"

#define ALIGN_DOWN8(x) ((x) & ~7ULL)

static void put64(uint64_t ga, uint64_t v)
{
	memcpy(g2h(ga), &v, 8);
}

static int fill_random(void *buf, size_t n)
{
	uint8_t *p = buf;
	while (n > 0) {
		ssize_t r = getrandom(p, n, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

static uint64_t host_ncpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (uint64_t)n : 1;
}

/* Sum of the string sizes of a NULL-terminated vector; count in *N.
 * Returns (uint64_t)-1 when above LIMIT. */
static uint64_t vec_size(char *const *v, uint64_t *n, uint64_t limit)
{
	uint64_t sz = 0;
	*n = 0;
	if (!v)
		return 0;
	for (; v[*n]; (*n)++) {
		sz += strlen(v[*n]) + 1;
		if (sz > limit)
			return (uint64_t)-1;
	}
	return sz;
}

/* Copy the strings of V to guest address *STR, their addresses to *VEC. */
static void copy_vec(char *const *v, uint64_t n, uint64_t *str, uint64_t *vec)
{
	uint64_t i;
	for (i = 0; i < n; i++) {
		size_t l = strlen(v[i]) + 1;
		memcpy(g2h(*str), v[i], l);
		put64(*vec, *str);
		*str += l;
		*vec += 8;
	}
	put64(*vec, 0);
	*vec += 8;
}

int loader_build_stack(const struct stack_args *a, struct guest_entry *out,
		       char *err, size_t errlen)
{
	static const uint64_t pagesizes[FBSD_MAXPAGESIZES] = {
		4096, 2097152, 1073741824,
	};
	uint8_t canary[FBSD_CANARY_LEN];
	uint64_t argc, envc, asz, esz, destp, ps, execpath, canary_at, pagesz_at;
	uint64_t ustr, vect, base, argv_at, envv_at, auxv_at, ap;
	struct fbsd_ps_strings pss;
	size_t plen = strlen(a->execpath) + 1;

	asz = vec_size(a->argv, &argc, FBSD_ARG_MAX);
	esz = vec_size(a->envp, &envc, FBSD_ARG_MAX);
	if (asz == (uint64_t)-1 || esz == (uint64_t)-1 || asz + esz > FBSD_ARG_MAX) {
		snprintf(err, errlen, "Argument list too long (more than ARG_MAX = %d bytes)",
			 FBSD_ARG_MAX);
		return -1;
	}

	ps = a->usrstack - sizeof(struct fbsd_ps_strings);
	destp = ps;
	destp = ALIGN_DOWN8(destp - plen);
	execpath = destp;
	destp -= FBSD_CANARY_LEN;
	canary_at = destp;
	destp = ALIGN_DOWN8(destp - sizeof pagesizes);
	pagesz_at = destp;
	destp = ALIGN_DOWN8(destp - (asz + esz));
	ustr = destp;
	destp = ALIGN_DOWN8(destp - FBSD_AT_COUNT * sizeof(struct fbsd_auxinfo));
	vect = destp - (argc + 1 + envc + 1) * 8;
	base = vect - 8;
	/* Leave the program at least a few pages of stack to run on. */
	if (base < a->stack_bottom || base - a->stack_bottom < 16 * 4096) {
		snprintf(err, errlen, "stack of %llu bytes too small for the arguments "
			 "and environment", (unsigned long long)(a->usrstack - a->stack_bottom));
		return -1;
	}

	memcpy(g2h(execpath), a->execpath, plen);
	if (fill_random(canary, sizeof canary) < 0) {
		snprintf(err, errlen, "getrandom: %s", strerror(errno));
		return -1;
	}
	memcpy(g2h(canary_at), canary, sizeof canary);
	memcpy(g2h(pagesz_at), pagesizes, sizeof pagesizes);

	put64(base, argc);
	argv_at = vect;
	copy_vec(a->argv, argc, &ustr, &vect);
	envv_at = vect;
	copy_vec(a->envp, envc, &ustr, &vect);
	auxv_at = vect;

	memset(&pss, 0, sizeof pss);
	pss.ps_argvstr = argv_at;
	pss.ps_nargvstr = (uint32_t)argc;
	pss.ps_envstr = envv_at;
	pss.ps_nenvstr = (uint32_t)envc;
	memcpy(g2h(ps), &pss, sizeof pss);

	/* The order of __elfN(freebsd_copyout_auxargs) in FreeBSD 14. */
	ap = auxv_at;
#define AUX(t, v) do { put64(ap, (t)); put64(ap + 8, (uint64_t)(v)); ap += 16; } while (0)
	AUX(FBSD_AT_PHDR, a->phdr);
	AUX(FBSD_AT_PHENT, 56);
	AUX(FBSD_AT_PHNUM, a->phnum);
	AUX(FBSD_AT_PAGESZ, FBSD_PAGE_SIZE);
	AUX(FBSD_AT_FLAGS, 0);
	AUX(FBSD_AT_ENTRY, a->entry);
	AUX(FBSD_AT_BASE, a->base);
	AUX(FBSD_AT_EHDRFLAGS, a->ehdrflags);
	AUX(FBSD_AT_EXECPATH, execpath);
	AUX(FBSD_AT_OSRELDATE, a->osreldate);
	AUX(FBSD_AT_CANARY, canary_at);
	AUX(FBSD_AT_CANARYLEN, FBSD_CANARY_LEN);
	AUX(FBSD_AT_NCPUS, host_ncpus());
	AUX(FBSD_AT_PAGESIZES, pagesz_at);
	AUX(FBSD_AT_PAGESIZESLEN, sizeof pagesizes);
	if (a->timekeep)
		AUX(FBSD_AT_TIMEKEEP, a->timekeep);
	AUX(FBSD_AT_STACKPROT, FBSD_STACKPROT);
	AUX(FBSD_AT_HWCAP, a64_hwcap());
	AUX(FBSD_AT_HWCAP2, a64_hwcap2());
	AUX(FBSD_AT_BSDFLAGS, 0); /* no ELF_BSDF_SIGFASTBLK: libthr uses sigprocmask */
	AUX(FBSD_AT_ARGC, argc);
	AUX(FBSD_AT_ARGV, argv_at);
	AUX(FBSD_AT_ENVC, envc);
	AUX(FBSD_AT_ENVV, envv_at);
	AUX(FBSD_AT_PS_STRINGS, ps);
	AUX(FBSD_AT_USRSTACKBASE, a->usrstack);
	AUX(FBSD_AT_USRSTACKLIM, a->stack_lim);
	AUX(FBSD_AT_NULL, 0);
#undef AUX
	if (ap > ustr)
		log_bug("auxv overflows its room on the stack");

	out->x0 = base;
	out->sp = base & ~15ULL;
	out->ps_strings = ps;
	out->execpath = execpath;
	out->canary = canary_at;
	out->auxv = auxv_at;
	out->auxv_count = (uint32_t)((ap - auxv_at) / 16);
	out->argc = (uint32_t)argc;
	out->envc = (uint32_t)envc;
	out->argv = argv_at;
	out->envv = envv_at;
	return 0;
}
