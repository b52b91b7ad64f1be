/* --report: how often the guest made each system call, how often it
 * failed, and which of them bsdemu does not implement. */
#ifndef BSDEMU_FBSD_REPORT_H
#define BSDEMU_FBSD_REPORT_H

#include <stdint.h>
#include <stdio.h>

/* Count one call of NR (any int; out-of-range numbers share one row).
 * ERROR is 0 or a positive FreeBSD errno.  Thread-safe, lock-free. */
void fbsd_report_count(int nr, int error);
/* Note one ioctl request no handler knew (answered ENOTTY).  The table
 * lists each distinct request with its count (the first 64 of them).
 * Thread-safe, lock-free. */
void fbsd_report_ioctl(uint32_t request);
/* Write the table: header, one row per syscall made (most calls first),
 * a total line. */
void fbsd_report_write(FILE *f);

#endif
