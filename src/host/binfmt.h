/* binfmt_misc registration of FreeBSD/aarch64 ELF files (binfmt.c). */
#ifndef BSDEMU_HOST_BINFMT_H
#define BSDEMU_HOST_BINFMT_H

#define BINFMT_DEFAULT_NAME "bsdemu-freebsd-aarch64"

/* Register (unregister) the entry NAME; messages on stdout/stderr.
 * Return an exit status for bsdemu: 0 or 1. */
int host_binfmt_register(const char *name);
int host_binfmt_unregister(const char *name);

#endif
