/* getrandom(563).
 *
 * FreeBSD's random(4) is one pool: GRND_RANDOM changes nothing, and after
 * boot nothing ever blocks.  So GRND_RANDOM is not passed to the host (on
 * Linux it selects the old blocking pool), and GRND_INSECURE becomes the
 * host's GRND_INSECURE (or GRND_NONBLOCK on a kernel without it). */
#include <errno.h>
#include <sys/random.h>

#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/syscall.h"

#ifndef GRND_INSECURE
#define GRND_INSECURE 0x0004
#endif

int fbsd_sys_getrandom(struct fbsd_thread *td, const struct fbsd_getrandom_args *uap)
{
	uint64_t done = 0, len = uap->buflen;
	unsigned hflags = 0;

	if (uap->flags & ~(FBSD_GRND_NONBLOCK | FBSD_GRND_RANDOM | FBSD_GRND_INSECURE))
		return FBSD_EINVAL;
	if (uap->flags & FBSD_GRND_NONBLOCK)
		hflags |= GRND_NONBLOCK;
	if (uap->flags & FBSD_GRND_INSECURE)
		hflags |= GRND_INSECURE;
	if (len > INT64_MAX)        /* IOSIZE_MAX */
		len = INT64_MAX;
	/* The host writes straight into guest memory: stay inside it. */
	if (!guest_range_ok(uap->buf, len))
		return FBSD_EFAULT;
	while (done < len) {
		ssize_t r = getrandom(g2h(uap->buf + done), len - done, hflags);

		if (r < 0 && errno == EINVAL && (hflags & GRND_INSECURE)) {
			hflags = (hflags & ~GRND_INSECURE) | GRND_NONBLOCK;
			continue;
		}
		if (r < 0) {
			if (done)
				break;          /* a partial read still counts */
			return fbsd_errno(errno);
		}
		done += (uint64_t)r;
	}
	td->retval[0] = done;
	return 0;
}
