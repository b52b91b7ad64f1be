#!/bin/bash
# tests/loader/run.sh: the ELF loader suite (protocol: tests/lib.sh).
#
#  - builds the guests: exit42 (valid base binary, exits 42), auxv (static,
#    checks its initial stack and auxv from inside; also as a static PIE),
#    interp/ld-elf.so.1 (a tiny run-time linker) and interp/prog (PT_INTERP
#    /libexec/ld-elf.so.1, exits 43);
#  - generates the damaged-file corpus (gen_damaged.py) into
#    build/tests/loader-corpus/ and runs build/bsdemu and build/asan/bsdemu
#    on every file: each must be refused with a non-zero status that is not
#    a host signal, and exactly one stderr line "bsdemu: PATH: ...", with
#    the status and message fragment the MANIFEST gives;
#  - named refusal cases and the valid programs.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh
ulimit -c 0
unset BSDEMU_SYSROOT BSDEMU_STRACE BSDEMU_REPORT

OUT=$TESTS_ROOT/build/tests/loader
CORPUS=$TESTS_ROOT/build/tests/loader-corpus
SYSROOT=$OUT/sysroot
SRC=$TESTS_ROOT/tests/loader
TMP=$(mktemp -d "${TMPDIR:-/tmp}/bsdemu-loader.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
FAILED=0
fail() { t_fail "$@"; FAILED=1; }

# -mgeneral-regs-only: these tests check the loader, not the SIMD unit.
CF="--target=aarch64-unknown-freebsd14.0 -O2 -mgeneral-regs-only -nostdlib -ffreestanding -fno-stack-protector -fuse-ld=lld -Wl,--build-id=none -Wall -Werror"

build() { # OUT SRC clang-args...
	local out=$1 src=$2
	shift 2
	# shellcheck disable=SC2086
	if ! "$GUEST_CC" $CF "$@" -o "$out" "$src" >"$out.log" 2>&1; then
		fail "loader/build-$(basename "$out")" "$(t_first_line "$out.log")"
		rm -f "$out"
		return 1
	fi
	return 0
}

mkdir -p "$OUT" "$SYSROOT/libexec"
build "$OUT/exit42" "$SRC/exit42.c" -static -fno-pic
build "$OUT/auxv" "$SRC/auxv.c" -static -fno-pic
build "$OUT/auxv-pie" "$SRC/auxv.c" -fPIE -Wl,-pie -Wl,--no-dynamic-linker
build "$SYSROOT/libexec/ld-elf.so.1" "$SRC/interp/ld.c" -fPIC -shared -Wl,-e,_rtld_start
build "$OUT/prog" "$SRC/interp/prog.c" -fno-pic -Wl,--dynamic-linker=/libexec/ld-elf.so.1

build "$OUT/segments" "$SRC/segments.c" -static -fno-pic
build "$OUT/segments-sepcode" "$SRC/segments.c" -static -fno-pic -Wl,-z,separate-code
build "$OUT/segments-nmagic" "$SRC/segments.c" -static -fno-pic -Wl,-n

# -- host-side mapping checks (no CPU needed): loader + mem + shared page
HC=$OUT/host_check
LOADER_SRCS=$(find src/loader src/mem -name '*.c' | sort | tr '\n' ' ')
# shellcheck disable=SC2086
if gcc -std=gnu11 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-Wall -Wextra -Werror -Wno-unused-parameter -Isrc -D_GNU_SOURCE -o "$HC" \
	tests/loader/host_check.c $LOADER_SRCS src/os/freebsd/aarch64/sharedpage.c \
	src/log.c -lpthread >"$TMP/hc.log" 2>&1; then
	for p in exit42 auxv auxv-pie segments segments-sepcode segments-nmagic; do
		[ -x "$OUT/$p" ] || continue
		"$HC" "loader/host/$p" "$OUT/$p" >"$TMP/hc.out" 2>&1
		st=$?
		grep -E '^(PASS|FAIL) ' "$TMP/hc.out"
		grep -q '^FAIL ' "$TMP/hc.out" && FAILED=1
		if [ "$st" -ne 0 ] && ! grep -q '^FAIL ' "$TMP/hc.out"; then
			fail "loader/host/$p" "$(t_describe_status "$st"): $(t_first_line "$TMP/hc.out")"
		fi
	done
	if [ -x "$OUT/prog" ]; then
		"$HC" loader/host/interp "$OUT/prog" "$SYSROOT" >"$TMP/hc.out" 2>&1
		grep -E '^(PASS|FAIL) ' "$TMP/hc.out" || fail loader/host/interp "$(t_first_line "$TMP/hc.out")"
		grep -q '^FAIL ' "$TMP/hc.out" && FAILED=1
	fi
else
	fail loader/host-build "$(t_first_line "$TMP/hc.log")"
fi

if [ -x "$OUT/exit42" ] && [ -x "$OUT/prog" ]; then
	if python3 "$SRC/gen_damaged.py" "$OUT/exit42" "$OUT/prog" "$CORPUS" >"$TMP/gen.log" 2>&1; then
		t_pass loader/gen-corpus
	else
		fail loader/gen-corpus "$(tail -n1 "$TMP/gen.log")"
	fi
fi

EMUS=()
LABELS=()
if [ -x "$BSDEMU" ]; then
	EMUS+=("$BSDEMU")
	LABELS+=("loader")
else
	fail loader/bsdemu "$BSDEMU is missing (make build/bsdemu)"
fi
if [ -n "${BSDEMU_ASAN:-}" ] && [ -x "$BSDEMU_ASAN" ]; then
	EMUS+=("$BSDEMU_ASAN")
	LABELS+=("asan/loader")
fi

# run EMU ARGS...: status in ST, stdout in $TMP/out, stderr in $TMP/err
run() {
	timeout -k 5 20 "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	ST=$?
}

# Why a refusal of PATH is wrong ("" when it is right): WANT is 126, 127 or
# any; FRAG a fragment the message must contain.
refusal_problem() {
	local path=$1 want=$2 frag=$3 lines line
	lines=$(wc -l <"$TMP/err")
	line=$(head -n1 "$TMP/err")
	if grep -qE "$SANITIZER_RE" "$TMP/err"; then
		echo "sanitizer: $(grep -m1 -E "$SANITIZER_RE" "$TMP/err")"
	elif [ "$ST" -eq 0 ]; then
		echo "accepted (exit 0)"
	elif [ "$ST" -eq 124 ]; then
		echo "timed out"
	elif [ "$ST" -ge 128 ]; then
		echo "died: $(t_describe_status "$ST")"
	elif [ "$want" != any ] && [ "$ST" -ne "$want" ]; then
		echo "exit $ST, want $want ($line)"
	elif [ "$lines" -ne 1 ] || [ "$(wc -c <"$TMP/err")" -eq 0 ]; then
		echo "stderr has $lines lines, want exactly 1: $(head -c 200 "$TMP/err" | tr '\n' '|')"
	elif [[ $line != "bsdemu: $path: "* ]]; then
		echo "message does not start with 'bsdemu: $path: ': $line"
	elif [ -n "$frag" ] && [[ $line != *"$frag"* ]]; then
		echo "message lacks '$frag': $line"
	elif [ -s "$TMP/out" ]; then
		echo "unexpected stdout"
	fi
}

# expect_refusal NAME WANT FRAG EMU ARGS... (the path is the last argument)
expect_refusal() {
	local name=$1 want=$2 frag=$3 why
	shift 3
	run "$@"
	why=$(refusal_problem "${!#}" "$want" "$frag")
	if [ -n "$why" ]; then fail "$name" "$why"; else t_pass "$name"; fi
}

# expect_exit NAME CODE EMU ARGS...
expect_exit() {
	local name=$1 code=$2
	shift 2
	run "$@"
	if grep -qE "$SANITIZER_RE" "$TMP/err"; then
		fail "$name" "sanitizer: $(grep -m1 -E "$SANITIZER_RE" "$TMP/err")"
	elif [ "$ST" -ne "$code" ]; then
		fail "$name" "$(t_describe_status "$ST"), want exit $code; stderr: $(t_first_line "$TMP/err")"
	else
		t_pass "$name"
	fi
}

# Files for the named cases.
cp -f "$OUT/exit42" "$TMP/noexec" 2>/dev/null && chmod 644 "$TMP/noexec"
printf 'just some text\n' >"$TMP/text"
chmod 755 "$TMP/text"

for i in "${!EMUS[@]}"; do
	E=${EMUS[$i]} L=${LABELS[$i]}

	# -- the damaged corpus: one FAIL per bad file, one PASS for the lot
	if [ -f "$CORPUS/MANIFEST" ]; then
		n=0 bad=0
		while IFS=$'\t' read -r name want frag; do
			[ -n "$name" ] || continue
			n=$((n + 1))
			run "$E" "$CORPUS/$name"
			why=$(refusal_problem "$CORPUS/$name" "$want" "$frag")
			if [ -n "$why" ]; then
				fail "$L/corpus/$name" "$why"
				bad=$((bad + 1))
			fi
		done <"$CORPUS/MANIFEST"
		[ "$bad" -eq 0 ] && t_pass "$L/corpus ($n damaged files)"
	fi

	# -- named refusals
	expect_refusal "$L/missing-file" 127 "No such file or directory" "$E" "$TMP/does-not-exist"
	expect_refusal "$L/not-executable" 126 "Permission denied" "$E" "$TMP/noexec"
	expect_refusal "$L/directory" 126 "Is a directory" "$E" "$TMP"
	expect_refusal "$L/text-file" 126 "not an ELF" "$E" "$TMP/text"
	[ -f "$CORPUS/MANIFEST" ] && {
		expect_refusal "$L/linux" 126 "Linux ELF, not FreeBSD" "$E" "$CORPUS/linux-osabi"
		expect_refusal "$L/x86-64" 126 "x86-64 ELF: only FreeBSD/aarch64 is supported so far" \
			"$E" "$CORPUS/machine-x86-64"
		expect_refusal "$L/truncated" 126 "truncated" "$E" "$CORPUS/trunc-0040"
	}
	if [ -x "$OUT/prog" ]; then
		expect_refusal "$L/interp-no-sysroot" 127 \
			"interpreter /libexec/ld-elf.so.1 not found" "$E" "$OUT/prog"
		expect_refusal "$L/interp-wrong-sysroot" 127 \
			"interpreter /libexec/ld-elf.so.1 not found under $TMP/nowhere" \
			"$E" -L "$TMP/nowhere" "$OUT/prog"
		run "$E" "$OUT/prog"
		if grep -q -- "-L" "$TMP/err"; then t_pass "$L/interp-hint"; else
			fail "$L/interp-hint" "no hint to use -L: $(head -n1 "$TMP/err")"; fi
	fi

	# -- valid programs (need the CPU and syscall layers)
	[ -x "$OUT/exit42" ] && expect_exit "$L/exit42" 42 "$E" "$OUT/exit42"
	if [ -x "$OUT/auxv" ]; then
		expect_exit "$L/auxv" 0 env EXPECT_EXECPATH="$OUT/auxv" LOADER_TEST=yes-42 \
			"$E" "$OUT/auxv" alpha "two words" ""
		# A relative path: AT_EXECPATH is still absolute.
		(cd "$OUT" && run env EXPECT_EXECPATH="$OUT/auxv" LOADER_TEST=yes-42 \
			"$E" ./auxv alpha "two words" "" && echo "$ST" >"$TMP/st")
		ST=$(cat "$TMP/st" 2>/dev/null || echo 99)
		if [ "$ST" -eq 0 ]; then t_pass "$L/auxv-relative-path"; else
			fail "$L/auxv-relative-path" "exit $ST; stderr: $(t_first_line "$TMP/err")"; fi
	fi
	[ -x "$OUT/auxv-pie" ] && expect_exit "$L/auxv-static-pie" 0 \
		env EXPECT_EXECPATH="$OUT/auxv-pie" LOADER_TEST=yes-42 \
		"$E" "$OUT/auxv-pie" alpha "two words" ""
	for p in segments segments-sepcode segments-nmagic; do
		[ -x "$OUT/$p" ] && expect_exit "$L/$p" 42 "$E" "$OUT/$p"
	done
	if [ -x "$OUT/prog" ] && [ -f "$SYSROOT/libexec/ld-elf.so.1" ]; then
		expect_exit "$L/interp" 43 "$E" -L "$SYSROOT" "$OUT/prog"
		expect_exit "$L/interp-env-sysroot" 43 env BSDEMU_SYSROOT="$SYSROOT" "$E" "$OUT/prog"
	fi
done

exit "$FAILED"
