/* Process-wide emulator settings, filled in by main.c from the command line
 * and environment before the guest starts.  Read-only afterwards. */
#ifndef BSDEMU_EMU_H
#define BSDEMU_EMU_H

#include <stdbool.h>
#include <stdint.h>

#define BSDEMU_VERSION "0.1.0"

struct emu_opts {
	const char *sysroot;      /* -L / BSDEMU_SYSROOT, NULL = none */
	const char *exec_path;    /* absolute host path of the guest program */
	const char *guest_path;   /* path as the guest should see it (AT_EXECPATH) */
	bool strace;              /* -strace / BSDEMU_STRACE=1 */
	const char *report_path;  /* --report / BSDEMU_REPORT, NULL = off */
	uint64_t stack_size;      /* -s, guest main stack size in bytes */
	const char *osrelease;    /* -r, e.g. "14.3-RELEASE" */
	int osreldate;            /* __FreeBSD_version derived from osrelease */
	const char *self_path;    /* /proc/self/exe of bsdemu, for re-exec */
	char **argv;              /* bsdemu's own argv, for re-exec of children */
};

extern struct emu_opts emu;

/* Parse "14.3-RELEASE" (or "14.3", "15.0-CURRENT") into 1403000 etc.
 * Returns 0 on a malformed string. */
int emu_osreldate_of(const char *release);

#endif
