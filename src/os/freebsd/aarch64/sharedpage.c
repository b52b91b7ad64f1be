/* The FreeBSD/arm64 shared page (see sharedpage.h). */
#include "os/freebsd/aarch64/sharedpage.h"

#include <string.h>

/* FreeBSD 14 arm64 sigcode (sys/arm64/arm64/sigtramp.S), entered with
 * x8 = handler, sp = the sigframe; SF_UC = 80 is offsetof(sigframe, sf_uc).
 * Words assembled with `llvm-mc -triple=aarch64 -show-encoding`:
 *     blr  x8             ; call the handler (x0..x2 set by sendsig)
 *     mov  x0, sp
 *     add  x0, x0, #80    ; x0 = &sf_uc
 *     mov  x8, #417       ; SYS_sigreturn
 *     svc  #0
 *     mov  x8, #1         ; SYS_exit, if sigreturn ever returns
 *     svc  #0
 *     b    .
 */
static const uint32_t fbsd_sigcode[] = {
	0xd63f0100, /* blr x8 */
	0x910003e0, /* mov x0, sp */
	0x91014000, /* add x0, x0, #80 */
	0xd2803428, /* mov x8, #417 */
	0xd4000001, /* svc #0 */
	0xd2800028, /* mov x8, #1 */
	0xd4000001, /* svc #0 */
	0x14000000, /* b . */
};

_Static_assert(sizeof(fbsd_sigcode) <= FBSD_SHP_TIMEKEEP_OFF - FBSD_SHP_SIGCODE_OFF,
	       "sigcode fits before the timekeep area");

static gaddr_t shp_base;

int fbsd_sharedpage_init(gaddr_t base)
{
	struct fbsd_vdso_timekeep tk;
	uint8_t *page;
	int r;

	r = mem_map_fixed(base, FBSD_SHAREDPAGE_SIZE, GPROT_READ | GPROT_WRITE,
			  GMAP_SYSTEM, -1, 0);
	if (r < 0)
		return r;
	page = g2h(base);
	memset(page, 0, FBSD_SHAREDPAGE_SIZE);
	memcpy(page + FBSD_SHP_SIGCODE_OFF, fbsd_sigcode, sizeof fbsd_sigcode);

	/* tk_enabled = 0: libc's __vdso_clock_gettime and Go's vdso code see
	 * the user-space clock disabled and make the clock_gettime syscall. */
	memset(&tk, 0, sizeof tk);
	tk.tk_ver = FBSD_VDSO_TK_VER_CURR;
	tk.tk_enabled = 0;
	tk.tk_current = 0;
	memcpy(page + FBSD_SHP_TIMEKEEP_OFF, &tk, sizeof tk);

	r = mem_protect(base, FBSD_SHAREDPAGE_SIZE, GPROT_READ | GPROT_EXEC);
	if (r < 0)
		return r;
	shp_base = base;
	return 0;
}

uint64_t fbsd_sharedpage_base(void)
{
	return shp_base;
}

uint64_t fbsd_sigcode_addr(void)
{
	return shp_base ? shp_base + FBSD_SHP_SIGCODE_OFF : 0;
}

uint64_t fbsd_sigcode_size(void)
{
	return sizeof fbsd_sigcode;
}

uint64_t fbsd_timekeep_addr(void)
{
	return shp_base ? shp_base + FBSD_SHP_TIMEKEEP_OFF : 0;
}
