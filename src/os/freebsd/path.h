/* The guest-root path rule (see path.c). */
#ifndef BSDEMU_FBSD_PATH_H
#define BSDEMU_FBSD_PATH_H

#include <stddef.h>

/* Translate a guest path into the host path to use.  Returns 0, or a
 * positive FreeBSD errno (ENAMETOOLONG when OUT is too small). */
int fbsd_path_resolve(const char *guest_path, char *out, size_t outlen);

/* The reverse, for paths the host reports (getcwd): a host path inside the
 * sysroot is shown to the guest without the sysroot prefix.  In place. */
void fbsd_path_unresolve(char *host_path);

#endif
