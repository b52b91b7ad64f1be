/* The FreeBSD/arm64 shared page: one read-only, executable guest page at the
 * top of the user address space, as the kernel maps into every process.
 *
 * Layout chosen by bsdemu (FreeBSD allocates the pieces from the page at
 * boot; programs find them only through AT_TIMEKEEP and kern.proc.sigtramp,
 * never at fixed offsets):
 *   +0x000  sigcode (the signal trampoline, 32 bytes)
 *   +0x100  struct vdso_timekeep (368 bytes), tk_enabled = 0
 */
#ifndef BSDEMU_FBSD_A64_SHAREDPAGE_H
#define BSDEMU_FBSD_A64_SHAREDPAGE_H

#include <stdint.h>

#include "mem/mem.h"

#define FBSD_SHAREDPAGE_SIZE     4096
#define FBSD_SHP_SIGCODE_OFF     0x000
#define FBSD_SHP_TIMEKEEP_OFF    0x100

/* sys/sys/vdso.h */
#define FBSD_VDSO_TK_VER_CURR    1
#define FBSD_VDSO_TH_NUM         4
#define FBSD_VDSO_TH_ALGO_ARM_GENTIM 1

struct fbsd_bintime {
	int64_t sec;
	uint64_t frac;
};

struct fbsd_vdso_timehands {
	uint32_t th_algo;
	uint32_t th_gen;
	uint64_t th_scale;
	uint32_t th_offset_count;
	uint32_t th_counter_mask;
	struct fbsd_bintime th_offset;
	struct fbsd_bintime th_boottime;
	uint32_t th_physical;   /* arm64 MD part */
	uint32_t th_res[7];
};

struct fbsd_vdso_timekeep {
	uint32_t tk_ver;
	uint32_t tk_enabled;
	uint32_t tk_current;
	uint32_t tk_pad;
	struct fbsd_vdso_timehands tk_th[FBSD_VDSO_TH_NUM];
};

_Static_assert(sizeof(struct fbsd_vdso_timehands) == 88, "vdso_timehands is 88 bytes");
_Static_assert(sizeof(struct fbsd_vdso_timekeep) == 16 + 4 * 88, "vdso_timekeep");
_Static_assert(__builtin_offsetof(struct fbsd_vdso_timekeep, tk_th) == 16, "tk_th @16");
_Static_assert(FBSD_SHP_TIMEKEEP_OFF + sizeof(struct fbsd_vdso_timekeep) <= FBSD_SHAREDPAGE_SIZE,
	       "timekeep fits in the shared page");

/* Map the shared page at BASE (page aligned, normally guest_limit - 4096)
 * and fill it.  0 or a negative host errno. */
int fbsd_sharedpage_init(gaddr_t base);

/* Guest addresses of its parts (0 before fbsd_sharedpage_init). */
uint64_t fbsd_sharedpage_base(void);
uint64_t fbsd_sigcode_addr(void);
uint64_t fbsd_sigcode_size(void);   /* bytes, for kern.proc.sigtramp */
uint64_t fbsd_timekeep_addr(void);  /* AT_TIMEKEEP */

#endif
