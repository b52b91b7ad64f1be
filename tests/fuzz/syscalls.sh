#!/bin/bash
# tests/fuzz/syscalls.sh [SEEDS]: random system calls with random
# arguments (tests/fuzz/sysfuzz.c, 20,000 calls per seed) under the
# sanitizer build of bsdemu.  Each seed runs in a fresh temporary
# directory, inside PID, mount, IPC, UTS and network namespaces with its own
# /dev/shm, so the guest cannot reach other processes or the host's
# network, and its standard descriptors are plain files there.
# A seed fails when bsdemu reports an internal error or a sanitizer
# report appears; the guest dying of its own doing, or waiting for good on
# a lock it made up, is fine (FreeBSD would do the same).
# Needs root (unshare).  Ends with the usual "N passed, N failed" line.
SEEDS=${1:-100}
TIMEOUT=${SYSFUZZ_TIMEOUT:-10}
. "$(dirname "$0")/../lib.sh"
cd "$TESTS_ROOT" || exit 2
ASAN_BSDEMU=${SYSFUZZ_BSDEMU:-$TESTS_ROOT/build/asan/bsdemu}
OUT=$TESTS_ROOT/build/fuzz/sysfuzz
mkdir -p "$OUT"

tests/deps.sh || exit 2
make -s build/asan/bsdemu || exit 2
make -s -f tests/guest/Makefile build/tests/guest/lib/t.o || exit 2
clang --target=aarch64-unknown-freebsd14.0 -O2 -g -nostdlib -ffreestanding \
	-fno-stack-protector -fno-pic -Wall -Werror -Itests/guest/lib -Itests/guest -Isrc \
	-static -fuse-ld=lld -Wl,--build-id=none -o "$OUT/sysfuzz" tests/fuzz/sysfuzz.c \
	build/tests/guest/lib/t.o || exit 2
if ! unshare --pid --fork --mount --uts --ipc --net true 2>/dev/null; then
	t_fail sysfuzz "cannot build the sandbox (unshare needs root): not run"
	t_summary 0 1 0
	exit 1
fi

passed=0 failed=0 ended=0 died=0 hung=0
for s in $(seq 1 "$SEEDS"); do
	d=$(mktemp -d) logs=$OUT/seed$s
	rm -rf "$logs"
	mkdir -p "$logs"
	: >"$d/in"
	# shellcheck disable=SC2016
	(cd "$d" && exec unshare --pid --fork --mount --uts --ipc --net --kill-child \
		bash -c 'mount -t tmpfs tmpfs /dev/shm &&
			for f in /proc/self/fd/*; do f=${f##*/}; [ "$f" -gt 2 ] && eval "exec $f>&-"; done
			exec timeout -s KILL "$1" env ASAN_OPTIONS=log_path="$2/asan" \
				UBSAN_OPTIONS=log_path="$2/ubsan" \
				"$3" -D "$2/log" "$4" "$5" <in >out 2>err' \
		sysfuzz "$TIMEOUT" "$logs" "$ASAN_BSDEMU" "$OUT/sysfuzz" "$s") 2>/dev/null
	# (its own stdout may be gone: the guest closes and truncates at will)
	case $? in
	137) hung=$((hung + 1)) ;;
	1[2-9][0-9] | 2[0-9][0-9]) died=$((died + 1)) ;;
	*) ended=$((ended + 1)) ;;
	esac
	if grep -q 'internal error' "$logs/log" 2>/dev/null ||
		ls "$logs"/asan* "$logs"/ubsan* >/dev/null 2>&1; then
		t_fail "sysfuzz/$s" "$(grep -h -m1 'internal error\|ERROR\|runtime error' \
			"$logs"/log "$logs"/asan* "$logs"/ubsan* 2>/dev/null | head -1) (see $logs)"
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
		rm -rf "$logs"
	fi
	rm -rf "$d"
done
echo "sysfuzz: $SEEDS seeds x 20000 calls: $ended ran to the end, $died died of a signal, $hung waited for good"
t_summary "$passed" "$failed" 0
[ "$failed" -eq 0 ]
