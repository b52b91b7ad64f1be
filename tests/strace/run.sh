#!/bin/bash
# -strace and --report: the trace of tests/strace/prog.c must match
# expected.txt line for line (host addresses and descriptor numbers are
# normalised), and --report must list what the guest called.
. "$(dirname "$0")/../lib.sh"
cd "$TESTS_ROOT" || exit 1
out=build/tests/strace
mkdir -p "$out"
t_build_guest tests/strace/prog.c "$out/prog" || { t_fail strace/build "cannot build prog.c"; exit 1; }

# Thread ids (100000 + the host tid) become TID; descriptors >= 3 become
# FD (the host may have others open).
norm() {
	sed -E -e 's/^1[0-9]{5,} /TID /' -e 's/0x[0-9a-f]+/ADDR/g' \
	    -e 's/^(TID (write|read|close)\()([3-9]|[1-9][0-9]{1,3})([,)])/\1FD\4/' \
	    -e 's/^(TID close\()FD\) = -1 EBADF/\112345) = -1 EBADF/' \
	    -e 's/^(TID openat\(.*) = ([3-9]|[1-9][0-9]{1,3})$/\1 = FD/'
}

for emu in "$BSDEMU" "$BSDEMU_ASAN"; do
	[ -x "$emu" ] || continue
	tag=strace; [ "$emu" = "$BSDEMU_ASAN" ] && tag=asan/strace
	dir=$(mktemp -d)
	(cd "$dir" && "$emu" -strace -D trace.log "$TESTS_ROOT/$out/prog" >stdout.txt 2>stderr.txt)
	st=$?
	if [ $st -ne 0 ]; then
		t_fail $tag "exit status $st: $(head -3 "$dir/stderr.txt")"
	elif ! diff -u tests/strace/expected.txt <(norm <"$dir/trace.log") >"$dir/diff"; then
		t_fail $tag "trace differs from expected.txt: $(head -20 "$dir/diff" | tr '\n' '|')"
	else
		t_pass $tag
	fi
	# -strace output went to the -D file, not the guest's stderr.
	if [ -s "$dir/stderr.txt" ]; then t_fail $tag/quiet-stderr "stderr not empty"; else t_pass $tag/quiet-stderr; fi
	# BSDEMU_STRACE=1 is the same switch.
	(cd "$dir" && BSDEMU_STRACE=1 "$emu" "$TESTS_ROOT/$out/prog" >/dev/null 2>env.log)
	if grep -Eq '^1[0-9]{5,} openat\(AT_FDCWD, "out.txt", O_RDONLY\) = ' "$dir/env.log"; then
		t_pass $tag/env
	else
		t_fail $tag/env "BSDEMU_STRACE=1 did not trace"
	fi
	# --report=FILE: a table with counts, errors and the total.
	(cd "$dir" && "$emu" --report=report.txt "$TESTS_ROOT/$out/prog" >/dev/null 2>&1)
	if grep -Eq '^ *[0-9]+ +openat +3 +1( |$)' "$dir/report.txt" &&
		grep -Eq '^ *[0-9]+ +close +3 +1( |$)' "$dir/report.txt" &&
		grep -qi 'total' "$dir/report.txt"; then
		t_pass $tag/report
	else
		t_fail $tag/report "unexpected report: $(tr '\n' '|' <"$dir/report.txt" | head -c 600)"
	fi
	rm -rf "$dir"
done
