#!/bin/bash
# tests/gotool/run.sh: the Go 1.19 toolchain itself as a FreeBSD/arm64 guest
# (../shared/guests.md, "The Go toolchain as a FreeBSD/arm64 guest").
#
# A guest GOROOT is laid out once under build/tests/gotool/goroot (cmd/go,
# gofmt, compile, link, asm, vet and std cross-built for freebsd/arm64 by
# Debian's Go; about 3 minutes, only when it is missing).  Every command
# runs under build/bsdemu with GOROOT set explicitly and GOCACHE, GOPATH,
# HOME in a fresh temp dir, CGO_ENABLED=0, GOPROXY=off (nothing is
# fetched; the test module requires nothing).  GOFLAGS is cleared: Go
# 1.19 refuses GOFLAGS=-mod=off ("can be '', 'mod', 'readonly' or
# 'vendor'"), and a go.mod without requirements needs no flag:
#   gotool/version     `go version` prints "go version go1.19.8 freebsd/arm64"
#   gotool/env         `go env` says GOOS="freebsd" GOARCH="arm64"
#   gotool/gofmt       `gofmt -l .` over a tree with one badly formatted
#                      file lists exactly that file
#   gotool/vet-error   `go vet` of a package with a Printf mistake reports
#                      it and exits non-zero
#   gotool/vet-clean   `go vet` of a clean package exits 0
#   gotool/test        `go test` of a package: the test binary builds and
#                      passes; gotool/test-fail: a failing test is reported
#   gotool/run         `go run` of the hello world
#   gotool/build       `go build` of a hello world (cmd/go forks and execs
#                      compile and link, FreeBSD programs that run under
#                      bsdemu again); the binary then runs under bsdemu
#   gotool/build-run   and prints its line.  (std comes precompiled from
#                      the GOROOT's pkg/, so this takes seconds, not minutes.)
# Variable: GOTOOL_TIMEOUT (seconds per command, default 300).
GOTOOL_TIMEOUT=${GOTOOL_TIMEOUT:-300}

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/goroot.sh"
cd "$TESTS_ROOT" || exit 2
OUT=$GOTOOL_OUT
GR=$GUEST_GOROOT

if [ ! -x "$HOSTGO/bin/go" ] || [ ! -d "$HOSTSRC" ]; then
	bash tests/deps.sh >/dev/null 2>&1
	if [ ! -x "$HOSTGO/bin/go" ]; then
		t_skip gotool "Go 1.19 (golang-go) is not installed"
		exit 0
	fi
fi
if [ ! -x "$BSDEMU" ]; then
	t_fail gotool "$BSDEMU is missing"
	exit 1
fi
mkdir -p "$OUT"

if ! guest_goroot_ensure; then
	t_fail gotool/goroot "$(t_first_line "$OUT/goroot.log")"
	exit 1
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The test module: one badly formatted file (fmtbad/b.go), a vet error, a
# clean package, a hello world, a package whose tests pass and one whose
# test fails.
M=$WORK/mod
mkdir -p "$M/fmtok" "$M/fmtbad" "$M/vetbad" "$M/vetok" "$M/hello" "$M/calc" "$M/calcbad"
printf 'module example.com/gotool\n\ngo 1.19\n' >"$M/go.mod"
printf 'package fmtok\n\nfunc A() int { return 1 }\n' >"$M/fmtok/a.go"
printf 'package fmtbad\n\nfunc  B( )   int {\nreturn 2}\n' >"$M/fmtbad/b.go"
printf 'package vetbad\n\nimport "fmt"\n\nfunc Bad() string { return fmt.Sprintf("%%d", "not a number") }\n' >"$M/vetbad/v.go"
printf 'package vetok\n\nimport "fmt"\n\nfunc Good() string { return fmt.Sprintf("%%d", 42) }\n' >"$M/vetok/v.go"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello from go build under bsdemu") }\n' >"$M/hello/main.go"
printf 'package calc\n\nfunc Add(a, b int) int { return a + b }\n' >"$M/calc/calc.go"
printf 'package calc\n\nimport "testing"\n\nfunc TestAdd(t *testing.T) {\n\tif Add(2, 3) != 5 {\n\t\tt.Fatal("2+3")\n\t}\n}\n' >"$M/calc/calc_test.go"
printf 'package calcbad\n\nimport "testing"\n\nfunc TestBad(t *testing.T) { t.Errorf("deliberate failure %%d", 42) }\n' >"$M/calcbad/bad_test.go"

# guest TIMEOUT OUT CMD ARGS...: run the guest GOROOT's CMD (go, gofmt)
# under bsdemu in the test module, stdout and stderr to OUT.
guest() {
	local tmo=$1 out=$2 cmd=$3
	shift 3
	(cd "$M" && t_run "$tmo" "$out" "$out" env -u GOFLAGS -u GO111MODULE \
		GOROOT="$GR" GOCACHE="$WORK/cache" GOPATH="$WORK/gopath" HOME="$WORK" \
		GOENV=off GOPROXY=off GOSUMDB=off GOTOOLCHAIN=local CGO_ENABLED=0 \
		GOTMPDIR= TMPDIR="$WORK" "$BSDEMU" "$GR/bin/freebsd_arm64/$cmd" "$@")
}

# bad_output OUT: why OUT shows a bsdemu problem, empty if it does not.
bad_output() {
	if grep -q 'internal error' "$1"; then
		echo "bsdemu internal error: $(grep -m1 'internal error' "$1")"
	elif grep -q 'bsdemu: unimplemented' "$1"; then
		grep -m1 'bsdemu: unimplemented' "$1"
	fi
}

failed=0
# check NAME WANT_STATUS GREP_RE CMD ARGS...: the command must exit with
# WANT_STATUS ("nonzero" for any failure status) and print a line matching
# GREP_RE.
check() {
	local name=gotool/$1 want=$2 re=$3 out=$WORK/$1.out st why t0 t1
	shift 3
	t0=$(date +%s)
	guest "$GOTOOL_TIMEOUT" "$out" "$@"
	st=$?
	t1=$(date +%s)
	why=$(bad_output "$out")
	if [ -z "$why" ]; then
		if [ "$st" -eq 124 ] || { [ "$st" -gt 128 ] && [ "$want" != nonzero ]; }; then
			why=$(t_describe_status "$st")
		elif [ "$want" = nonzero ] && { [ "$st" -eq 0 ] || [ "$st" -gt 128 ]; }; then
			why="$(t_describe_status "$st"), want a failure status"
		elif [ "$want" != nonzero ] && [ "$st" -ne "$want" ]; then
			why="$(t_describe_status "$st"), want exit $want: $(head -n1 "$out")"
		elif [ -n "$re" ] && ! grep -qE "$re" "$out"; then
			why="no line matching '$re': $(head -n1 "$out")"
		fi
	fi
	if [ -n "$why" ]; then
		t_fail "$name" "${why:0:300} (log: $(t_keep_log "$name" "$out" /dev/null))"
		failed=1
		return 1
	fi
	t_pass "$name ($((t1 - t0))s)"
}

check version 0 '^go version go1\.19\.8 freebsd/arm64$' go version
if check env 0 '^GOOS="freebsd"$' go env && ! grep -qx 'GOARCH="arm64"' "$WORK/env.out"; then
	echo "FAIL gotool/env-arch: no line GOARCH=\"arm64\""
	failed=1
fi

# gofmt -l lists exactly fmtbad/b.go.
if check gofmt 0 '^fmtbad/b\.go$' gofmt -l . &&
	[ "$(grep -c . "$WORK/gofmt.out")" -ne 1 ]; then
	t_fail gotool/gofmt-exact "gofmt -l listed more than fmtbad/b.go: $(paste -sd ' ' "$WORK/gofmt.out")"
	failed=1
fi

check vet-error nonzero 'vetbad/v\.go:5:[0-9]+: fmt\.Sprintf format %d has arg "not a number" of wrong type string' \
	go vet ./vetbad
check vet-clean 0 '' go vet ./vetok

check build 0 '' go build -o "$WORK/hello" ./hello &&
	{
		out=$WORK/hello-run.out
		t_run 60 "$out" "$out" "$BSDEMU" "$WORK/hello"
		st=$?
		if [ "$st" -ne 0 ] || ! grep -qx 'hello from go build under bsdemu' "$out"; then
			t_fail gotool/build-run "$(t_describe_status "$st"): $(head -n1 "$out")"
			failed=1
		else
			t_pass gotool/build-run
		fi
	}
# go test builds a test binary and runs it (a FreeBSD program the guest
# execs); go run does the same with a program.
check test 0 '^ok[[:space:]]+example\.com/gotool/calc' go test ./calc
check test-fail nonzero 'deliberate failure 42' go test ./calcbad
check run 0 '^hello from go build under bsdemu$' go run ./hello
exit "$failed"
