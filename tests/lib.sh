# tests/lib.sh: shell helpers shared by tests/run.sh and the suites
# tests/*/run.sh.  Source it:   . "$(dirname "$0")/../lib.sh"
#
# Suite protocol: print one line per test,
#     PASS <name>            FAIL <name>: <why>            SKIP <name>: <why>
# other lines are free-form and ignored by the counters; exit non-zero if
# anything failed.  t_summary prints the closing "N passed, N failed" line.
#
# Variables (the caller's environment wins):
#   TESTS_ROOT   repository root (absolute)
#   BSDEMU       the emulator under test      (build/bsdemu)
#   BSDEMU_ASAN  its sanitizer build          (build/asan/bsdemu; may be absent)
#   GUEST_OUT    where tests/guest/Makefile puts guest binaries
#   TEST_LOGS    where failing tests leave their full output

TESTS_ROOT=${TESTS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
BSDEMU=${BSDEMU:-$TESTS_ROOT/build/bsdemu}
# Empty (tests/run.sh --no-asan) means no sanitizer runs; unset means the default.
BSDEMU_ASAN=${BSDEMU_ASAN-$TESTS_ROOT/build/asan/bsdemu}
GUEST_OUT=${GUEST_OUT:-$TESTS_ROOT/build/tests/guest}
TEST_LOGS=${TEST_LOGS:-$TESTS_ROOT/build/tests/logs}
export TESTS_ROOT BSDEMU BSDEMU_ASAN GUEST_OUT TEST_LOGS

# Sanitizer reports must be visible and must fail the test even when the
# guest itself is expected to exit non-zero.
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:exitcode=86}
SANITIZER_RE='ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:|UndefinedBehaviorSanitizer'

# Guest build flags (../shared/guests.md), for suites that build their own
# sources: t_build_guest SRC OUT [extra clang args...]
GUEST_CC=${GUEST_CC:-clang}
GUEST_CFLAGS="--target=aarch64-unknown-freebsd14.0 -O2 -nostdlib -ffreestanding -static -fno-stack-protector -fno-pic -fuse-ld=lld -Wl,--build-id=none -Wall -Werror -I$TESTS_ROOT/tests/guest/lib -I$TESTS_ROOT/src"

t_pass() { echo "PASS $1"; }
t_fail() { echo "FAIL $1: ${*:2}"; }
t_skip() { echo "SKIP $1: ${*:2}"; }

# Build SRC (a freestanding guest using tests/guest/lib) into OUT when OUT is
# missing or older than SRC or the library.  Compiler output on stderr.
t_build_guest() {
	local src=$1 out=$2 lib=$TESTS_ROOT/tests/guest/lib
	shift 2
	if [ -x "$out" ] && [ "$out" -nt "$src" ] && [ "$out" -nt "$lib/t.c" ] &&
		[ "$out" -nt "$lib/t.h" ]; then
		return 0
	fi
	mkdir -p "$(dirname "$out")"
	# shellcheck disable=SC2086
	"$GUEST_CC" $GUEST_CFLAGS -o "$out" "$src" "$lib/t.c" "$@"
}

# t_run SECONDS OUT ERR CMD...: run CMD with a timeout, stdout to OUT,
# stderr to ERR (may be the same file), stdin from /dev/null.  Returns its
# status (124: timed out, 128+N: killed by host signal N) without bash's
# "Segmentation fault" job notice.
t_run() {
	local tmo=$1 out=$2 err=$3
	shift 3
	if [ "$out" = "$err" ]; then
		( (timeout -k 5 "$tmo" "$@" >"$out" 2>&1 </dev/null); exit $?) 2>/dev/null
	else
		( (timeout -k 5 "$tmo" "$@" >"$out" 2>"$err" </dev/null); exit $?) 2>/dev/null
	fi
}

# Host signal number of NAME (SIGSEGV, SEGV or a number), empty if unknown.
t_signum() {
	local n=${1#SIG}
	case $n in
	'' ) return 1 ;;
	*[!0-9]*) kill -l "$n" 2>/dev/null ;;
	*) echo "$n" ;;
	esac
}

# Describe a shell exit status: "exit 3", "signal SIGSEGV", "timeout".
t_describe_status() {
	local st=$1
	if [ "$st" -eq 124 ]; then
		echo "timeout (exit 124)"
	elif [ "$st" -gt 128 ] && [ "$st" -lt 192 ]; then
		echo "signal SIG$(kill -l $((st - 128)) 2>/dev/null || echo $((st - 128)))"
	else
		echo "exit $st"
	fi
}

# First line of FILE worth quoting in a FAIL reason (a sanitizer or bsdemu
# diagnostic if any, else the first line), shortened.
t_first_line() {
	local f=$1 line
	line=$(grep -m1 -E "$SANITIZER_RE|bsdemu:|CHECK failed|undefined reference|error" "$f" 2>/dev/null)
	[ -n "$line" ] || line=$(head -n1 "$f" 2>/dev/null)
	[ -n "$line" ] || line="(no output)"
	printf '%s' "${line:0:200}"
}

# Save a failing test's output:  t_keep_log NAME OUTFILE ERRFILE -> prints path
t_keep_log() {
	local base=$TEST_LOGS/${1//\//_}
	mkdir -p "$TEST_LOGS"
	cp "$2" "$base.out" 2>/dev/null
	cp "$3" "$base.err" 2>/dev/null
	echo "${base#"$TESTS_ROOT"/}.{out,err}"
}

# Count the protocol lines in FILE into T_PASSED T_FAILED T_SKIPPED.
t_count() {
	T_PASSED=$(grep -c '^PASS ' "$1")
	T_FAILED=$(grep -c '^FAIL ' "$1")
	T_SKIPPED=$(grep -c '^SKIP ' "$1")
}

# The closing line: "N passed, N failed" (", N skipped" when some were).
t_summary() {
	local line="$1 passed, $2 failed"
	[ "${3:-0}" -gt 0 ] && line="$line, $3 skipped"
	echo "$line"
}

# t_go_verdict NAME STATUS OUT ERR SECONDS TIMEOUT: judge one run of a Go
# test binary (combined output in OUT) and print PASS/FAIL; returns 1 on
# failure.  Keeps the output of failures (t_keep_log).
t_go_verdict() {
	local name=$1 st=$2 out=$3 err=$4 secs=$5 tmo=$6 why=
	if grep -q 'internal error' "$out"; then
		why="bsdemu internal error: $(grep -m1 'internal error' "$out")"
	elif [ "$st" -eq 124 ]; then
		why="timed out after ${tmo}s"
	elif [ "$st" -ne 0 ]; then
		why="$(t_describe_status "$st"): $(grep -m1 -E '^--- FAIL|^panic|^fatal error|bsdemu:|^SIG' "$out" || head -n1 "$out")"
	elif ! grep -qx 'PASS' "$out"; then
		why="exit 0 without the final PASS line"
	fi
	if [ -n "$why" ]; then
		t_fail "$name" "${why:0:300} (log: $(t_keep_log "$name" "$out" "$err"))"
		return 1
	fi
	t_pass "$name (${secs}s)"
}

# 1 when binfmt_misc hands FreeBSD/aarch64 programs to bsdemu (an enabled
# entry with bsdemu --binfmt-register's magic), else empty.
t_binfmt_active() {
	local e
	for e in /proc/sys/fs/binfmt_misc/*; do
		[ -f "$e" ] && grep -qx enabled "$e" 2>/dev/null &&
			grep -qx 'magic 7f454c460201010900000000000000000200b700' "$e" && { echo 1; return 0; }
	done
	return 0
}

# t_go_packages SUITE LIST: call the suite's run_one PKG TAGS for every
# package line of LIST ("PKG fast|slow [tags=T]"); slow packages only with
# GOSTD_ALL=1 (make check-go), and GOSTD_PKGS="a b" picks packages.
# Returns 1 when any failed.
t_go_packages() {
	local suite=$1 list=$2 pkg speed rest tags failed=0
	while read -r pkg speed rest; do
		case $pkg in '' | '#'*) continue ;; esac
		if [ -n "${GOSTD_PKGS:-}" ]; then
			[[ " $GOSTD_PKGS " == *" $pkg "* ]] || continue
		elif [ "$speed" != fast ] && [ "${GOSTD_ALL:-}" != 1 ]; then
			t_skip "$suite/$pkg" "slow: runs with GOSTD_ALL=1 (make check-go)"
			continue
		fi
		tags=
		case $rest in tags=*) tags=${rest#tags=} ;; esac
		run_one "$pkg" "$tags" || failed=1
	done <"$list"
	return "$failed"
}
