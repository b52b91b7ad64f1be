/* The process-wide settings (emu.h).  Kept out of main.c so that unit tests,
 * which link everything but main.o, see the same object. */
#include "emu.h"

#include <stdlib.h>

struct emu_opts emu;

int emu_osreldate_of(const char *release)
{
	char *end;
	long major = strtol(release, &end, 10), minor = 0;

	if (end == release || major < 1 || major > 99)
		return 0;
	if (*end == '.') {
		const char *p = end + 1;
		minor = strtol(p, &end, 10);
		if (end == p || minor < 0 || minor > 99)
			return 0;
	}
	if (*end != 0 && *end != '-')
		return 0;
	return (int)(major * 100000 + minor * 1000);
}
