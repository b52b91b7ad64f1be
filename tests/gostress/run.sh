#!/bin/bash
# tests/gostress/run.sh: many consecutive runs of tests/go/stress.go (a
# multi-threaded Go program using channels, timers, signals and async
# preemption at once) under bsdemu.  Every run must exit 0 with the right
# line, within GO_TIMEOUT seconds (no hang, no crash).
#   default:      10 runs   (gostress/10,  part of make check)
#   GO_STRESS=1:  200 runs  (gostress/200, make check-stress)
# GO_STRESS_RUNS overrides the count.
GO_TIMEOUT=${GO_TIMEOUT:-60}
RE='^stress: ok sum=2099000 timers=100 signals=5$'

. "$(dirname "$0")/../lib.sh"
cd "$TESTS_ROOT" || exit 2
runs=${GO_STRESS_RUNS:-$([ "${GO_STRESS:-0}" = 1 ] && echo 200 || echo 10)}
name=gostress/$runs
OUT=$TESTS_ROOT/build/tests/gostress
BIN=$OUT/stress-freebsd-arm64
SRC=tests/go/stress.go

if ! command -v go >/dev/null; then
	t_skip "$name" "go is not installed"
	exit 0
fi
if [ -z "${GOCACHE:-}" ] && ! { [ -n "${HOME:-}" ] && [ -w "$HOME" ]; }; then
	export GOCACHE=$TESTS_ROOT/build/go-cache
fi
if [ ! -x "$BSDEMU" ]; then
	t_fail "$name" "$BSDEMU is missing"
	exit 1
fi
mkdir -p "$OUT"
if ! [ "$BIN" -nt "$SRC" ]; then
	if ! (cd tests/go && CGO_ENABLED=0 GOOS=freebsd GOARCH=arm64 GO111MODULE=off \
		go build -o "$BIN" stress.go) >"$OUT/build.log" 2>&1; then
		t_fail "$name" "go build: $(t_first_line "$OUT/build.log")"
		exit 1
	fi
fi

out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
t0=$(date +%s)
for ((i = 1; i <= runs; i++)); do
	t_run "$GO_TIMEOUT" "$out" "$err" "$BSDEMU" "$BIN"
	st=$?
	why=
	if grep -qE "$SANITIZER_RE|internal error" "$err"; then
		why="$(grep -m1 -E "$SANITIZER_RE|internal error" "$err")"
	elif [ "$st" -eq 124 ]; then
		why="hung: timed out after ${GO_TIMEOUT}s"
	elif [ "$st" -ne 0 ]; then
		why="$(t_describe_status "$st"); stderr: $(t_first_line "$err")"
	elif ! grep -qE "$RE" "$out"; then
		why="stdout does not match /$RE/: $(head -c 200 "$out")"
	fi
	if [ -n "$why" ]; then
		t_fail "$name" "run $i of $runs: $why (log: $(t_keep_log "$name" "$out" "$err"))"
		exit 1
	fi
done
t_pass "$name ($runs runs in $(($(date +%s) - t0))s)"
