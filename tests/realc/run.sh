#!/bin/bash
# tests/realc/run.sh: real compiled C programs (tests/realc/*.c) give
# byte-identical output under bsdemu and under qemu-aarch64.
#
#   tests/realc/run.sh [PATTERN...]     (PATTERNs select by test name)
#
# Each program is built with clang in every variant of VARIANTS below, from
# the same source, twice: for FreeBSD/aarch64 (tests/guest/lib), run under
# $BSDEMU and $BSDEMU_ASAN, and for Linux/aarch64 (-DT_LINUX_TEST), run
# under `qemu-aarch64 -cpu max` (the reference).  Stdout must be identical
# and both runs must exit 0 with an empty stderr.  Test names:
#   realc/<prog>/<variant>        bsdemu against qemu
#   realc/asan/<prog>/<variant>   the sanitizer build against qemu
#   realc/<prog>/emits            every `// EMITS: <grep -E regex>` line of
#                                 the source matches the disassembly of the
#                                 O3 build (proof that e.g. Advanced SIMD
#                                 vector instructions really are emitted)
# `// CFLAGS: ...` in a source adds clang flags (all variants, both OSes).
# Binaries go to build/tests/realc/<variant>/ and are rebuilt only when a
# source, rc.h, tests/guest/lib or this script is newer.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh

RC=tests/realc
OUT=$TESTS_ROOT/build/tests/realc
LIB=tests/guest/lib
# name:flags.  IEEE semantics everywhere (no -ffast-math); FP contraction
# (fmadd/fmla) at clang's default (on) in O2, forbidden in O3, and allowed
# across statements in O3fma.
VARIANTS=("O2:-O2" "O3:-O3 -ffp-contract=off" "O3fma:-O3 -ffp-contract=fast")
COMMON="-nostdlib -ffreestanding -static -fno-stack-protector -fno-pic -fuse-ld=lld -Wl,--build-id=none -Wall -Werror -I$LIB -I$RC -Isrc"
OBJDUMP=${OBJDUMP:-llvm-objdump}

# directive FILE KEYWORD: the values of `// KEYWORD: value` lines.
directive() {
	sed -n "s|^//[[:space:]]*$2:[[:space:]]*||p" "$1" | head -n 20
}

# build SRC OUTBIN TARGETFLAGS...: incremental build, log in OUTBIN.log.
build() {
	local src=$1 bin=$2 f
	shift 2
	if [ -x "$bin" ]; then
		local stale=0
		for f in "$src" $RC/rc.h $LIB/t.c $LIB/t.h $RC/run.sh; do
			[ "$f" -nt "$bin" ] && stale=1
		done
		[ $stale = 0 ] && return 0
	fi
	mkdir -p "$(dirname "$bin")"
	rm -f "$bin"
	# shellcheck disable=SC2086,SC2046
	"$GUEST_CC" "$@" $COMMON $(directive "$src" CFLAGS) -o "$bin" "$src" $LIB/t.c \
		>"$bin.log" 2>&1
}

# first_diff A B: "line N: <A's line> | <B's line>" for the first difference.
first_diff() {
	awk -v B="$2" '
	{ if ((getline b < B) <= 0) b = "<EOF>"
	  if ($0 != b) { printf "line %d: bsdemu \"%s\" qemu \"%s\"", NR, substr($0, 1, 120), substr(b, 1, 120); found = 1; exit } }
	END { if (!found) { if ((getline b < B) > 0) printf "line %d: bsdemu <EOF> qemu \"%s\"", NR + 1, substr(b, 1, 120) } }' "$1"
}

# one PROG VARIANT FLAGS: build, run, print the protocol lines.
one() {
	local prog=$1 var=$2 flags=$3 src=$RC/$1.c
	local dir=$OUT/$var bin=$OUT/$var/$1 lbin=$OUT/$var/$1-linux
	local name=realc/$prog/$var st re emu label why
	local -a emus=()
	local tmp
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/realc.XXXXXX") || return
	# shellcheck disable=SC2086
	if ! build "$src" "$bin" --target=aarch64-unknown-freebsd14.0 $flags ||
		! build "$src" "$lbin" --target=aarch64-linux-gnu -DT_LINUX_TEST $flags; then
		if [ -x "$bin" ]; then
			t_fail "$name" "Linux build failed: $(t_first_line "$lbin.log")"
		else
			t_fail "$name" "build failed: $(t_first_line "$bin.log")"
		fi
		rm -rf "$tmp"
		return
	fi
	if [ "$var" = O3 ]; then
		mapfile -t emus < <(directive "$src" EMITS)
		if [ ${#emus[@]} -gt 0 ]; then
			why=
			"$OBJDUMP" -d --no-show-raw-insn --mattr=+neon,+crc,+fullfp16 "$bin" >"$tmp/dis" 2>&1 ||
				why="$OBJDUMP failed: $(t_first_line "$tmp/dis")"
			for re in "${emus[@]}"; do
				[ -n "$why" ] && break
				grep -qE -- "$re" "$tmp/dis" || why="no instruction matches /$re/ in $bin"
			done
			if [ -n "$why" ]; then t_fail "realc/$prog/emits" "$why"; else
				t_pass "realc/$prog/emits"; fi
		fi
	fi
	t_run 60 "$tmp/ref.out" "$tmp/ref.err" qemu-aarch64 -cpu max "$lbin"
	st=$?
	if [ "$st" -ne 0 ] || [ -s "$tmp/ref.err" ]; then
		t_fail "$name" "reference run under qemu-aarch64: $(t_describe_status "$st"): $(t_first_line "$tmp/ref.err")"
		rm -rf "$tmp"
		return
	fi
	for label in plain asan; do
		if [ $label = plain ]; then emu=$BSDEMU; name=realc/$prog/$var
		else emu=${BSDEMU_ASAN:-}; name=realc/asan/$prog/$var; fi
		[ -n "$emu" ] && [ -x "$emu" ] || continue
		t_run 60 "$tmp/got.out" "$tmp/got.err" "$emu" "$bin"
		st=$?
		why=
		if grep -qE "$SANITIZER_RE" "$tmp/got.err"; then
			why="sanitizer: $(grep -m1 -E "$SANITIZER_RE" "$tmp/got.err")"
		elif [ "$st" -ne 0 ]; then
			why="$(t_describe_status "$st"): $(t_first_line "$tmp/got.err")"
		elif [ -s "$tmp/got.err" ]; then
			why="stderr: $(t_first_line "$tmp/got.err")"
		elif ! cmp -s "$tmp/got.out" "$tmp/ref.out"; then
			why="output differs from qemu-aarch64: $(first_diff "$tmp/got.out" "$tmp/ref.out")"
		fi
		if [ -n "$why" ]; then
			t_fail "$name" "${why:0:400} (log: $(t_keep_log "$name" "$tmp/got.out" "$tmp/got.err"))"
		else
			t_pass "$name"
		fi
	done
	rm -rf "$tmp"
}

if [ "${1:-}" = --one ]; then
	shift
	one "$@"
	exit 0
fi

PATTERNS=("$@")
selected() {
	local p
	[ ${#PATTERNS[@]} -eq 0 ] && return 0
	for p in "${PATTERNS[@]}"; do [[ $1 == *"$p"* ]] && return 0; done
	return 1
}

if ! command -v qemu-aarch64 >/dev/null; then
	t_skip realc "qemu-aarch64 not installed"
	exit 0
fi
if ! command -v "$GUEST_CC" >/dev/null; then
	t_fail realc "$GUEST_CC not found (run tests/deps.sh)"
	exit 1
fi
if [ ! -x "$BSDEMU" ]; then
	t_fail realc "$BSDEMU is missing (make build/bsdemu)"
	exit 1
fi
command -v "$OBJDUMP" >/dev/null || OBJDUMP=llvm-objdump-14

RES=$(mktemp -d "${TMPDIR:-/tmp}/realc-res.XXXXXX") || exit 2
trap 'rm -rf "$RES"' EXIT
n=0
for src in $RC/*.c; do
	prog=$(basename "$src" .c)
	for v in "${VARIANTS[@]}"; do
		var=${v%%:*}
		selected "realc/$prog/$var" || selected "realc/asan/$prog/$var" ||
			selected "realc/$prog/emits" || continue
		n=$((n + 1))
		printf '%s\0' "$prog" "$var" "${v#*:}" "$RES/$(printf %03d $n)"
	done
done | xargs -0 -n 4 -P "$(nproc 2>/dev/null || echo 2)" \
	sh -c '"$0" --one "$1" "$2" "$3" >"$4"' "$0"
cat "$RES"/* 2>/dev/null | tee "$RES/all"
t_count "$RES/all"
[ "$T_FAILED" -eq 0 ]
