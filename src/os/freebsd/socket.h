/* Socket address conversion shared by socket.c and sockmsg.c. */
#ifndef BSDEMU_FBSD_SOCKET_H
#define BSDEMU_FBSD_SOCKET_H

#include <sys/socket.h>

#include "mem/mem.h"

/* A guest sockaddr at GA (LEN bytes) into host form.  Returns the host
 * length, or a negative FreeBSD errno. */
int fbsd_sockaddr_in(gaddr_t ga, uint32_t len, struct sockaddr_storage *hs);

/* A host sockaddr (HLEN bytes) out to the guest's NAME and its length word
 * at LENP (in: room, out: the length written, truncated as FreeBSD does).
 * Returns 0 or a FreeBSD errno. */
int fbsd_sockaddr_out(const struct sockaddr_storage *hs, socklen_t hlen, gaddr_t name,
		      gaddr_t lenp);

#endif
