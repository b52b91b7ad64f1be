#!/bin/bash
# tests/run.sh: the whole test suite (`make check` runs it after building
# build/bsdemu and build/asan/bsdemu).
#
#   tests/run.sh [-j N] [--no-asan] [PATTERN...]
#
# PATTERNs select tests whose name contains one of them (hello, asan/,
# unit/test_mem, loader ...).  Suites, in order:
#   guest   every tests/guest/*.c, built by tests/guest/build.sh and run under
#           build/bsdemu (test <name>) and build/asan/bsdemu (asan/<name>),
#           in a fresh temp dir, with args `arg1 "two words"` and
#           BSDEMU_TEST=1.  Directives in the first 30 lines of the source:
#             // EXPECT: exit=N          // EXPECT: signal=SIGSEGV
#             // EXPECT-STDOUT: <grep -E pattern>   (may repeat)
#             // EXPECT-STDERR: <grep -E pattern>   (may repeat)
#             // ARGS: shell words       // TIMEOUT: seconds (default 20)
#           plus guest-lib/*: the guest library checked under qemu-aarch64.
#   unit    every tests/unit/test_*.c, linked with build/obj (not main.o).
#   suites  every other executable tests/*/run.sh (suite protocol, lib.sh).
# The last line is "N passed, N failed" (", N skipped"); exit 1 on failure.
# Full output of failing tests: build/tests/logs/.
set -u
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
ulimit -c 0

GUEST_DEFAULT_ARGS='arg1 "two words"'
GUEST_DEFAULT_TIMEOUT=20
UNIT_TIMEOUT=${UNIT_TIMEOUT:-120}
SUITE_TIMEOUT=${SUITE_TIMEOUT:-1200}

# ---- one guest program under one emulator (run in parallel by xargs) ----
guest_one() {
	local name=$1 emu=$2 src=$3 bin=$4
	local key=${name//\//_}
	local dir=$TMPROOT/run/$key out=$TMPROOT/run/$key.out err=$TMPROOT/run/$key.err
	local want=0 tmo=$GUEST_DEFAULT_TIMEOUT argline=$GUEST_DEFAULT_ARGS
	local -a out_re=() err_re=() args=()
	local line kw val st n re why=

	while IFS= read -r line; do
		[[ $line =~ ^//[[:space:]]*(EXPECT|EXPECT-STDOUT|EXPECT-STDERR|ARGS|TIMEOUT):[[:space:]]*(.*[^[:space:]])?[[:space:]]*$ ]] || continue
		kw=${BASH_REMATCH[1]} val=${BASH_REMATCH[2]}
		case $kw in
		EXPECT)
			case $val in
			exit=*) want=${val#exit=} ;;
			signal=*)
				if ! n=$(t_signum "${val#signal=}") || [ -z "$n" ]; then
					t_fail "$name" "unknown signal in directive '$val'"
					return
				fi
				want=$((128 + n)) ;;
			*) t_fail "$name" "bad directive '// EXPECT: $val'"; return ;;
			esac ;;
		EXPECT-STDOUT) out_re+=("$val") ;;
		EXPECT-STDERR) err_re+=("$val") ;;
		ARGS) argline=$val ;;
		TIMEOUT) tmo=$val ;;
		esac
	done < <(head -n 30 "$src")

	if [ ! -x "$bin" ]; then
		t_fail "$name" "build failed: $(t_first_line "$bin.log")"
		return
	fi
	eval "args=($argline)"
	mkdir -p "$dir"
	# The outer subshell swallows bash's "Segmentation fault" job notice.
	( (cd "$dir" && BSDEMU_TEST=1 exec timeout -k 5 "$tmo" "$emu" "$bin" \
		"${args[@]}" >"$out" 2>"$err" </dev/null); exit $?) 2>/dev/null
	st=$?

	if grep -qE "$SANITIZER_RE" "$err"; then
		why="sanitizer: $(grep -m1 -E "$SANITIZER_RE" "$err")"
	elif [ "$st" -ne "$want" ]; then
		if [ "$st" -eq 124 ]; then
			why="timed out after ${tmo}s"
		else
			why="$(t_describe_status "$st"), want $(t_describe_status "$want")"
		fi
		[ -s "$err" ] && why="$why; stderr: $(t_first_line "$err")"
	else
		for re in "${out_re[@]}"; do
			grep -qE -- "$re" "$out" || { why="stdout does not match /$re/"; break; }
		done
		if [ -z "$why" ]; then
			for re in "${err_re[@]}"; do
				grep -qE -- "$re" "$err" || { why="stderr does not match /$re/"; break; }
			done
		fi
	fi
	if [ -n "$why" ]; then
		t_fail "$name" "${why:0:300} (log: $(t_keep_log "$name" "$out" "$err"))"
	else
		t_pass "$name"
	fi
	chmod -R u+rwx "$dir" 2>/dev/null
	rm -rf "$dir" "$out" "$err"
}

# ---- one unit test: build, run, keep its protocol lines in a .res file ----
unit_one() {
	local src=$1 base name bin res log st
	base=$(basename "$src" .c)
	name=unit/$base
	bin=$TESTS_ROOT/build/tests/unit/$base
	res=$TMPROOT/unit/$base.res log=$TMPROOT/unit/$base.log
	mkdir -p "$(dirname "$bin")" "$TMPROOT/unit"
	# shellcheck disable=SC2086
	if ! gcc -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter -Werror \
		-Isrc -D_GNU_SOURCE -o "$bin" "$src" $UNIT_OBJS -lpthread \
		>"$log" 2>&1; then
		t_fail "$name" "build failed: $(t_first_line "$log")" >"$res"
		cp "$log" "$TEST_LOGS/${name//\//_}.build" 2>/dev/null
		return
	fi
	t_run "$UNIT_TIMEOUT" "$log" "$log" "$bin"
	st=$?
	grep -E '^(PASS|FAIL|SKIP) ' "$log" >"$res"
	if grep -qE "$SANITIZER_RE" "$log"; then
		t_fail "$name" "sanitizer: $(grep -m1 -E "$SANITIZER_RE" "$log")" >>"$res"
	elif [ "$st" -ne 0 ] && ! grep -q '^FAIL ' "$res"; then
		t_fail "$name" "$(t_describe_status "$st") without a FAIL line: $(t_first_line "$log") (log: $(t_keep_log "$name" "$log" /dev/null))" >>"$res"
	elif [ "$st" -eq 0 ] && ! [ -s "$res" ]; then
		t_pass "$name" >>"$res"
	elif grep -q '^FAIL ' "$res"; then
		t_keep_log "$name" "$log" /dev/null >/dev/null
	fi
}

case ${1:-} in
--guest-one) shift; guest_one "$@"; exit 0 ;;
--unit-one) shift; unit_one "$@"; exit 0 ;;
esac

# ---- driver ----
JOBS=$(nproc 2>/dev/null || echo 2)
NO_ASAN=0
PATTERNS=()
while [ $# -gt 0 ]; do
	case $1 in
	-j) JOBS=$2; shift ;;
	-j*) JOBS=${1#-j} ;;
	--no-asan) NO_ASAN=1 ;;
	-h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) PATTERNS+=("$1") ;;
	esac
	shift
done
[ "$NO_ASAN" = 1 ] && BSDEMU_ASAN=
[ -x "${BSDEMU_ASAN:-/nonexistent}" ] || BSDEMU_ASAN=
export BSDEMU_ASAN

TMPROOT=$(mktemp -d "${TMPDIR:-/tmp}/bsdemu-tests.XXXXXX") || exit 2
export TMPROOT
RESULTS=$TMPROOT/results
: >"$RESULTS"
trap 'chmod -R u+rwx "$TMPROOT" 2>/dev/null; rm -rf "$TMPROOT"' EXIT
mkdir -p "$TMPROOT/run" "$TEST_LOGS"
rm -f "$TEST_LOGS"/* 2>/dev/null

selected() {
	local p
	[ ${#PATTERNS[@]} -eq 0 ] && return 0
	for p in "${PATTERNS[@]}"; do
		[[ $1 == *"$p"* ]] && return 0
	done
	return 1
}

report() { tee -a "$RESULTS"; }

suite_guest() {
	local src name jobs=$TMPROOT/guest.jobs
	: >"$jobs"
	for src in tests/guest/*.c; do
		[ -e "$src" ] || continue
		name=$(basename "$src" .c)
		selected "$name" &&
			printf '%s\0' "$name" "$BSDEMU" "$src" "$GUEST_OUT/$name" >>"$jobs"
		[ -n "$BSDEMU_ASAN" ] && selected "asan/$name" &&
			printf '%s\0' "asan/$name" "$BSDEMU_ASAN" "$src" "$GUEST_OUT/$name" >>"$jobs"
	done
	[ -s "$jobs" ] || return 0
	echo "== guest programs"
	if ! command -v "$GUEST_CC" >/dev/null; then
		t_fail guest-build "$GUEST_CC not found (run tests/deps.sh)" | report
		return
	fi
	tests/guest/build.sh OUT="$GUEST_OUT" >"$TMPROOT/guest-build.log" 2>&1 ||
		echo "   (some guest programs failed to build; see their FAIL lines)"
	if [ ! -x "$BSDEMU" ]; then
		t_fail bsdemu "$BSDEMU is missing (make build/bsdemu)" | report
		return
	fi
	xargs -0 -n 4 -P "$JOBS" "$0" --guest-one <"$jobs" | report
}

suite_guest_lib() {
	local bin=$GUEST_OUT/lib/selftest-linux out=$TMPROOT/selftest.out err=$TMPROOT/selftest.err st
	selected guest-lib/selftest || return 0
	if ! command -v qemu-aarch64 >/dev/null; then
		t_skip guest-lib/selftest "qemu-aarch64 not installed" | report
		return
	fi
	if ! make --no-print-directory -s -f tests/guest/Makefile selftest-linux \
		>"$err" 2>&1; then
		t_fail guest-lib/selftest "build failed: $(t_first_line "$err")" | report
		return
	fi
	qemu-aarch64 "$bin" >"$out" 2>"$err"
	st=$?
	if [ "$st" -eq 0 ] && [ "$(cat "$out")" = $'sys ok\nx1 ok\nputs ok' ] && ! [ -s "$err" ]; then
		t_pass guest-lib/selftest
	else
		t_fail guest-lib/selftest "$(t_describe_status "$st"); $(t_first_line "$err")"
	fi | report
	qemu-aarch64 "$bin" fail >"$out" 2>"$err"
	st=$?
	if [ "$st" -eq 1 ] && [ "$(grep -c 'CHECK failed' "$err")" -eq 2 ] &&
		grep -qx '2 checks failed' "$err" &&
		grep -q 'selftest.c:[0-9]*: CHECK failed: 1 == 2 (got 1, want 2)' "$err"; then
		t_pass guest-lib/selftest-failures
	else
		t_fail guest-lib/selftest-failures "$(t_describe_status "$st"); $(t_first_line "$err")"
	fi | report
}

suite_unit() {
	local src s o list=() unit_objs=()
	for src in tests/unit/test_*.c; do
		[ -e "$src" ] && selected "unit/$(basename "$src" .c)" && list+=("$src")
	done
	[ ${#list[@]} -gt 0 ] || return 0
	echo "== unit tests"
	# The objects of the current sources only (a stale object of a deleted
	# file would collide).
	while IFS= read -r s; do
		o=build/obj/${s#src/}
		o=${o%.c}.o
		[ -f "$o" ] && unit_objs+=("$o")
	done < <(find src -name '*.c' ! -path src/main.c | sort)
	UNIT_OBJS="${unit_objs[*]}"
	export UNIT_OBJS
	printf '%s\0' "${list[@]}" | xargs -0 -n 1 -P "$JOBS" "$0" --unit-one
	for src in "${list[@]}"; do
		cat "$TMPROOT/unit/$(basename "$src" .c).res"
	done | report
}

suite_others() {
	local run d name out st n
	for run in tests/*/run.sh; do
		[ -x "$run" ] || continue
		d=$(dirname "$run")
		name=$(basename "$d")
		[ "$d" = tests ] && continue
		selected "$name" || continue
		echo "== $name ($run)"
		out=$TMPROOT/suite-$name.out
		t_run "$SUITE_TIMEOUT" "$out" "$out" "$run"
		st=$?
		grep -E '^(PASS|FAIL|SKIP) ' "$out" | report
		n=$(grep -cE '^(PASS|FAIL|SKIP) ' "$out")
		if [ "$st" -ne 0 ] && ! grep -q '^FAIL ' "$out"; then
			t_fail "$name" "$run: $(t_describe_status "$st") without a FAIL line: $(t_first_line "$out") (log: $(t_keep_log "$name" "$out" /dev/null))" | report
		elif [ "$n" -eq 0 ]; then
			echo "   ($run printed no PASS/FAIL line)"
		elif grep -q '^FAIL ' "$out"; then
			t_keep_log "$name" "$out" /dev/null >/dev/null
		fi
	done
}

suite_guest_lib
suite_guest
suite_unit
suite_others

t_count "$RESULTS"
if [ "$T_FAILED" -gt 0 ]; then
	echo
	echo "Failures (full output in ${TEST_LOGS#"$TESTS_ROOT"/}/):"
	grep '^FAIL ' "$RESULTS" | sort
fi
t_summary "$T_PASSED" "$T_FAILED" "$T_SKIPPED"
[ "$T_FAILED" -eq 0 ] && [ $((T_PASSED + T_SKIPPED)) -gt 0 ]
