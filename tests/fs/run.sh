#!/bin/bash
# File-system calls seen from the host: --report lists each unknown ioctl
# request (tests/guest/fs_ioctl.c makes two calls with 0x4004ee42, and
# known ones such as FIODTYPE must not appear).
. "$(dirname "$0")/../lib.sh"
cd "$TESTS_ROOT" || exit 1
out=build/tests/fs
mkdir -p "$out"
t_build_guest tests/guest/fs_ioctl.c "$out/fs_ioctl" || { t_fail fs/build "cannot build fs_ioctl.c"; exit 1; }
fails=0

for emu in "$BSDEMU" "$BSDEMU_ASAN"; do
	[ -x "$emu" ] || continue
	tag=fs; [ "$emu" = "$BSDEMU_ASAN" ] && tag=asan/fs
	dir=$(mktemp -d)
	(cd "$dir" && "$emu" --report=report.txt "$TESTS_ROOT/$out/fs_ioctl" >/dev/null 2>"$dir/err")
	st=$?
	if [ "$st" != 0 ]; then
		t_fail $tag/ioctl-report "guest exited $st: $(head -3 "$dir/err")"; fails=1
	elif grep -Eq "^unknown ioctl 0x4004ee42 +_IOR\('\?', 66, 4\) +2 calls +ENOTTY" "$dir/report.txt" &&
		grep -Eq '^ *54 +ioctl ' "$dir/report.txt" &&
		! grep -q 'unknown ioctl 0x4004667a' "$dir/report.txt"; then
		t_pass $tag/ioctl-report
	else
		t_fail $tag/ioctl-report "unexpected report: $(tr '\n' '|' <"$dir/report.txt" | head -c 600)"; fails=1
	fi
	rm -rf "$dir"
done
exit $fails
