#!/bin/bash
# tests/difftest/run.sh: differential CPU test, bsdemu against qemu-aarch64.
#
#   tests/difftest/run.sh [-n CASES] [--random N] [CLASS...]
#
# For each instruction class (difftest.py classes) a generated program of
# CASES random cases (default 500) is built twice from the same sources:
# for Linux/aarch64, run under qemu-aarch64 (the reference), and for
# FreeBSD/aarch64, run under $BSDEMU.  Any difference in x0-x15, v0-v7,
# FPCR, FPSR or NZCV after a case fails the class and prints the
# instructions, inputs and both results.  Without --random the seeds are
# fixed (the regression set: seed 1 and seed "enum", which uses every
# template of the class at least once); --random N runs N random seeds per
# class (make fuzz-cpu).  FPSR.QC, NZCV and a 256-byte memory window at a
# fixed address (memory classes) are compared too.  Output follows the suite protocol (tests/lib.sh).
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh

DT=tests/difftest
N=500
RANDOM_SEEDS=0
CLASSES=()
while [ $# -gt 0 ]; do
	case $1 in
	-n) N=$2; shift ;;
	--random) RANDOM_SEEDS=$2; shift ;;
	*) CLASSES+=("$1") ;;
	esac
	shift
done
[ ${#CLASSES[@]} -gt 0 ] || read -r -a CLASSES <<<"$(python3 $DT/difftest.py classes)"

if ! command -v qemu-aarch64 >/dev/null; then
	t_skip difftest "qemu-aarch64 not installed"
	exit 0
fi
if [ ! -x "$BSDEMU" ]; then
	t_fail difftest "$BSDEMU is missing (make build/bsdemu)"
	exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/difftest.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
LIB=tests/guest/lib
CFLAGS_COMMON="-O2 -nostdlib -ffreestanding -static -fno-stack-protector -fno-pic -fuse-ld=lld -Wl,--build-id=none -Wall -Werror -I$LIB -Isrc"

# dt_one CLASS SEED: one PASS/FAIL line.
dt_one() {
	local cls=$1 seed=$2 name="$1/$2" d=$WORK/$1.$2 st
	mkdir -p "$d"
	if ! python3 $DT/difftest.py gen "$cls" "$seed" "$N" "$d" >"$d/gen.log" 2>&1; then
		t_fail "$name" "generator failed: $(t_first_line "$d/gen.log")"
		return
	fi
	# shellcheck disable=SC2086
	if ! clang --target=aarch64-linux-gnu -DT_LINUX_TEST $CFLAGS_COMMON -o "$d/ref" \
		$DT/driver.c $LIB/t.c "$d/cases.S" >"$d/build.log" 2>&1 ||
		! clang --target=aarch64-unknown-freebsd14.0 $CFLAGS_COMMON -o "$d/emu" \
		$DT/driver.c $LIB/t.c "$d/cases.S" >>"$d/build.log" 2>&1; then
		t_fail "$name" "build failed: $(t_first_line "$d/build.log")"
		return
	fi
	t_run 120 "$d/ref.bin" "$d/ref.err" qemu-aarch64 -cpu max "$d/ref"
	st=$?
	if [ "$st" -ne 0 ]; then
		t_fail "$name" "reference run under qemu-aarch64: $(t_describe_status "$st"): $(t_first_line "$d/ref.err")"
		return
	fi
	t_run 120 "$d/got.bin" "$d/got.err" "$BSDEMU" "$d/emu"
	st=$?
	if python3 $DT/difftest.py cmp "$d" "$d/ref.bin" "$d/got.bin" >"$d/cmp.log" 2>&1 &&
		[ "$st" -eq 0 ]; then
		t_pass "$name"
	else
		[ "$st" -ne 0 ] && echo "bsdemu: $(t_describe_status "$st"): $(t_first_line "$d/got.err")" >>"$d/cmp.log"
		t_fail "$name" "$(tail -n 1 "$d/cmp.log")"
		sed 's/^/    /' "$d/cmp.log"
	fi
}

JOBS=()
for cls in "${CLASSES[@]}"; do
	if [ "$RANDOM_SEEDS" -gt 0 ]; then
		for _ in $(seq "$RANDOM_SEEDS"); do
			JOBS+=("$cls $(od -An -N4 -tu4 /dev/urandom | tr -d ' ')")
		done
	else
		# seed "enum" walks every template of the class in turn
		JOBS+=("$cls 1" "$cls enum")
	fi
done

export -f dt_one
export WORK N DT LIB CFLAGS_COMMON
printf '%s\n' "${JOBS[@]}" | xargs -P "$(nproc 2>/dev/null || echo 2)" -I{} \
	bash -c '. tests/lib.sh; set -- {}; dt_one "$1" "$2" >"$WORK/res.$1.$2" 2>&1'
fails=0
for job in "${JOBS[@]}"; do
	set -- $job
	res=$WORK/res.$1.$2
	if [ -s "$res" ]; then
		cat "$res"
	else
		t_fail "$1/$2" "no result (the job died)"
	fi
	grep -q '^PASS ' "$res" 2>/dev/null || fails=1
done
exit $fails
