/* Loading a FreeBSD/aarch64 program: exec(2) as FreeBSD's kernel does it.
 *
 * loader_exec() maps the program (and its ELF interpreter, if it names one)
 * into guest memory, maps the shared page, builds the initial stack exactly
 * as FreeBSD's exec_copyout_strings() + __elfN(freebsd_copyout_auxargs) +
 * __elfN(freebsd_fixup) do on arm64 (ABI-NOTES section 3), and says where to
 * start.
 *
 * Guest address-space layout chosen by bsdemu (FreeBSD without ASLR, scaled
 * to guest_limit; FreeBSD itself has guest_limit = VM_MAXUSER_ADDRESS =
 * 1 << 48):
 *
 *   guest_limit - 4096         shared page (FBSD_SHAREDPAGE)
 *   FBSD_USRSTACK              = the shared page's base: top of the stack
 *     ps_strings, execpath, canary, pagesizes, strings, auxv, envp, argv, argc
 *   FBSD_USRSTACK - stack_size  bottom of the main stack (GMAP_STACK)
 *   one guard page below it     (GMAP_GUARD)
 *   ...
 *   interpreter                 at or above program end + FBSD_INTERP_GAP
 *   program break               from the end of the program's last segment
 *   program                     ET_EXEC at its p_vaddr; ET_DYN (PIE) at
 *                               FBSD_ET_DYN_LOAD_ADDR (arm64's value) or the
 *                               first free range above it
 */
#ifndef BSDEMU_LOADER_H
#define BSDEMU_LOADER_H

#include <stdint.h>

#include "mem/mem.h"

/* Where things go (see above). */
#define FBSD_PAGE_SIZE          4096ULL
#define FBSD_SHAREDPAGE(limit)  ((limit) - FBSD_PAGE_SIZE)
#define FBSD_USRSTACK(limit)    FBSD_SHAREDPAGE(limit)
#define FBSD_ET_DYN_LOAD_ADDR   0x100000ULL      /* arm64 vmparam.h */
#define FBSD_INTERP_GAP         0x40000000ULL    /* room for the break: 1 GiB */
#define FBSD_DFLSSIZ            (8ULL << 20)     /* default stack: 8 MiB */
#define FBSD_ARG_MAX            (2 * 256 * 1024) /* sys/syslimits.h ARG_MAX */
#define FBSD_MAXPAGESIZES       3
#define FBSD_CANARY_LEN         64               /* sizeof(long) * 8 */
#define FBSD_STACKPROT          3                /* PROT_READ | PROT_WRITE */

/* Auxiliary vector tags (sys/sys/elf_common.h). */
#define FBSD_AT_NULL            0
#define FBSD_AT_IGNORE          1
#define FBSD_AT_EXECFD          2
#define FBSD_AT_PHDR            3
#define FBSD_AT_PHENT           4
#define FBSD_AT_PHNUM           5
#define FBSD_AT_PAGESZ          6
#define FBSD_AT_BASE            7
#define FBSD_AT_FLAGS           8
#define FBSD_AT_ENTRY           9
#define FBSD_AT_NOTELF          10
#define FBSD_AT_UID             11
#define FBSD_AT_EUID            12
#define FBSD_AT_GID             13
#define FBSD_AT_EGID            14
#define FBSD_AT_EXECPATH        15
#define FBSD_AT_CANARY          16
#define FBSD_AT_CANARYLEN       17
#define FBSD_AT_OSRELDATE       18
#define FBSD_AT_NCPUS           19
#define FBSD_AT_PAGESIZES       20
#define FBSD_AT_PAGESIZESLEN    21
#define FBSD_AT_TIMEKEEP        22
#define FBSD_AT_STACKPROT       23
#define FBSD_AT_EHDRFLAGS       24
#define FBSD_AT_HWCAP           25
#define FBSD_AT_HWCAP2          26
#define FBSD_AT_BSDFLAGS        27
#define FBSD_AT_ARGC            28
#define FBSD_AT_ARGV            29
#define FBSD_AT_ENVC            30
#define FBSD_AT_ENVV            31
#define FBSD_AT_PS_STRINGS      32
#define FBSD_AT_FXRNG           33
#define FBSD_AT_KPRELOAD        34
#define FBSD_AT_USRSTACKBASE    35
#define FBSD_AT_USRSTACKLIM     36
#define FBSD_AT_COUNT           37  /* FreeBSD 14: room reserved on the stack */

#define FBSD_ELF_BSDF_SIGFASTBLK 0x1 /* not set: bsdemu has no sigfastblock */

/* Elf64_Auxinfo */
struct fbsd_auxinfo {
	int64_t a_type;
	int64_t a_val;
};

/* struct ps_strings (sys/sys/exec.h), at the very top of the stack. */
struct fbsd_ps_strings {
	uint64_t ps_argvstr;   /* char ** */
	uint32_t ps_nargvstr;
	uint32_t ps_pad0;
	uint64_t ps_envstr;    /* char ** */
	uint32_t ps_nenvstr;
	uint32_t ps_pad1;
};

_Static_assert(sizeof(struct fbsd_auxinfo) == 16, "Elf64_Auxinfo is 16 bytes");
_Static_assert(sizeof(struct fbsd_ps_strings) == 32, "ps_strings is 32 bytes");
_Static_assert(__builtin_offsetof(struct fbsd_ps_strings, ps_envstr) == 16, "ps_envstr @16");
_Static_assert(__builtin_offsetof(struct fbsd_ps_strings, ps_nenvstr) == 24, "ps_nenvstr @24");

/* What the OS layer needs to start the guest. */
struct guest_entry {
	uint64_t pc;            /* entry: the interpreter's, else the program's */
	uint64_t sp;            /* x0 & ~15 */
	uint64_t x0;            /* address of argc */
	uint64_t lr;            /* x30: FreeBSD sets it to the entry too */

	uint64_t prog_entry;    /* AT_ENTRY: the program's own entry */
	uint64_t prog_base;     /* load bias of the program (0 for ET_EXEC) */
	uint64_t interp_base;   /* AT_BASE, 0 without interpreter */
	uint64_t phdr;          /* AT_PHDR */
	uint32_t phnum;         /* AT_PHNUM */
	uint32_t osrel;         /* ABI note's __FreeBSD_version, 0 = none (p_osrel) */

	uint64_t usrstack;      /* AT_USRSTACKBASE: top of the stack */
	uint64_t stack_size;    /* AT_USRSTACKLIM: size of the mapped stack */
	uint64_t stack_bottom;  /* lowest mapped stack address */
	uint64_t ps_strings;    /* AT_PS_STRINGS */
	uint64_t execpath;      /* AT_EXECPATH string */
	uint64_t auxv;          /* first auxv entry (kern.proc.auxv, elf_aux_info) */
	uint32_t auxv_count;    /* entries including AT_NULL */
	uint32_t argc, envc;
	uint64_t argv, envv;    /* AT_ARGV, AT_ENVV */
	uint64_t canary;        /* AT_CANARY */
	uint64_t sharedpage;    /* shared page base */
	uint64_t sigcode;       /* signal trampoline (kern.proc.sigtramp) */
	uint64_t timekeep;      /* AT_TIMEKEEP */
	uint64_t brk;           /* initial program break (mem_brk_base) */
};

/* Load PATH with ARGV and ENVP (NULL-terminated; ENVP may be NULL = empty)
 * into the fresh guest address space and fill *OUT.  Returns 0, or after
 * printing exactly one line "bsdemu: PATH: reason", the exit status to use:
 * 127 when PATH (or its interpreter) does not exist, 126 when it cannot be
 * executed.  Uses emu.sysroot, emu.stack_size, emu.osreldate and
 * emu.guest_path. */
int loader_exec(const char *path, char *const argv[], char *const envp[],
		struct guest_entry *out);

#endif
