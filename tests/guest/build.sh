#!/bin/bash
# Build every tests/guest/*.c into build/tests/guest/<name>, incrementally
# and in parallel.  Extra arguments go to make (e.g. a single target
# build/tests/guest/hello).  Exit status: make's (non-zero if any failed).
cd "$(dirname "$0")/../.." || exit 1
exec make --no-print-directory -k -j"$(nproc 2>/dev/null || echo 2)" \
	-f tests/guest/Makefile "$@"
