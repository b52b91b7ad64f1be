#!/bin/bash
# tests/go/run.sh: Go 1.19 programs for freebsd/arm64 under bsdemu.
#
# go/hello: a hello world must print its line and exit 0.  (With
# EXPECT_HELLO=0 the old expectation applies instead: no hello, a failure
# status, no crash of bsdemu and a line "bsdemu: unimplemented FreeBSD
# syscall NAME".)
# go/goroutines: goroutines on several threads (WaitGroup, channels, a
# mutex) must add up and exit 0.
# go/exec: os/exec runs the program itself (a FreeBSD child under bsdemu)
# and /bin/echo (a host program), and reports a missing one.
# The acceptance programs (tests/go/NAME.go, each prints "NAME: ..." and
# exits 0): go/msgpass-N (1,000 goroutines, GOMAXPROCS N = 1, 2, 8),
# go/timers, go/recover (nil dereference, index out of range), go/gcheavy,
# go/preempt (async preemption by SIGURG), go/signals (signal.Notify gets
# SIGUSR1 and SIGINFO from kill), go/executable (os.Executable), go/stress
# (channels + timers + signals + preemption; tests/gostress runs it 200x),
# go/timerstress (timers under load, then Sleep(1ms) + runtime.GC() with no
# other timer pending: a lost netpoller wake-up hangs it; its watchdog
# fails the run after 5 s without progress).
EXPECT_HELLO=${EXPECT_HELLO:-1}
GO_TIMEOUT=${GO_TIMEOUT:-120}
HELLO_RE='^hello from Go on FreeBSD/arm64 \(2 args\)$'
MISSING_RE='bsdemu: unimplemented FreeBSD syscall:? *[A-Za-z_][A-Za-z_0-9]*'

. "$(dirname "$0")/../lib.sh"
cd "$TESTS_ROOT" || exit 2
OUT=$TESTS_ROOT/build/tests/go
BIN=$OUT/hello-freebsd-arm64
SRC=tests/go/hello.go

if ! command -v go >/dev/null; then
	bash tests/deps.sh >/dev/null 2>&1
	command -v go >/dev/null || { t_skip go/hello "go is not installed"; exit 0; }
fi
# Go needs a writable build cache; CI may have no usable HOME.
if [ -z "${GOCACHE:-}" ] && ! { [ -n "${HOME:-}" ] && [ -w "$HOME" ]; }; then
	export GOCACHE=$TESTS_ROOT/build/go-cache
fi
mkdir -p "$OUT"
if ! [ "$BIN" -nt "$SRC" ]; then
	if ! (cd tests/go && CGO_ENABLED=0 GOOS=freebsd GOARCH=arm64 GO111MODULE=off \
		go build -o "$BIN" hello.go) >"$OUT/build.log" 2>&1; then
		t_fail go/build "$(t_first_line "$OUT/build.log")"
		exit 1
	fi
fi

GBIN=$OUT/goroutines-freebsd-arm64
GSRC=tests/go/goroutines.go
GOROUTINES_RE='^goroutines: count=2000 sum=4002000$'
if ! [ "$GBIN" -nt "$GSRC" ]; then
	if ! (cd tests/go && CGO_ENABLED=0 GOOS=freebsd GOARCH=arm64 GO111MODULE=off \
		go build -o "$GBIN" goroutines.go) >"$OUT/build-goroutines.log" 2>&1; then
		t_fail go/build-goroutines "$(t_first_line "$OUT/build-goroutines.log")"
		exit 1
	fi
fi

# build_prog NAME: build/tests/go/NAME-freebsd-arm64 from tests/go/NAME.go.
build_prog() {
	local bin=$OUT/$1-freebsd-arm64 src=tests/go/$1.go
	[ "$bin" -nt "$src" ] && return 0
	(cd tests/go && CGO_ENABLED=0 GOOS=freebsd GOARCH=arm64 GO111MODULE=off \
		go build -o "$bin" "$1.go") >"$OUT/build-$1.log" 2>&1 && return 0
	t_fail "go/build-$1" "$(t_first_line "$OUT/build-$1.log")"
	return 1
}

build_prog exec || exit 1
EBIN=$OUT/exec-freebsd-arm64

failed=0
# A program that must run to completion: exit 0 and stdout matching RE.
check_run() { # NAME EMULATOR BINARY RE [ARGS...]
	local name=$1 emu=$2 bin=$3 re=$4 out err st why=
	out=$(mktemp) err=$(mktemp)
	t_run "$GO_TIMEOUT" "$out" "$err" "$emu" "$bin" "${@:5}"
	st=$?
	if grep -qE "$SANITIZER_RE" "$err"; then
		why="sanitizer: $(grep -m1 -E "$SANITIZER_RE" "$err")"
	elif grep -q 'internal error' "$err"; then
		why="bsdemu internal error: $(grep -m1 'internal error' "$err")"
	elif [ "$st" -eq 124 ]; then
		why="timed out after ${GO_TIMEOUT}s"
	elif [ "$st" -ne 0 ]; then
		why="$(t_describe_status "$st"), want exit 0; stderr: $(t_first_line "$err")"
	elif ! grep -qE "$re" "$out"; then
		why="stdout does not match /$re/"
	fi
	if [ -n "$why" ]; then
		t_fail "$name" "$why (log: $(t_keep_log "$name" "$out" "$err"))"
		failed=1
	else
		t_pass "$name"
	fi
	rm -f "$out" "$err"
}

check_one() { # NAME EMULATOR
	local name=$1 emu=$2 out err st why= sig
	out=$(mktemp) err=$(mktemp)
	t_run "$GO_TIMEOUT" "$out" "$err" "$emu" "$BIN" a b
	st=$?
	if grep -qE "$SANITIZER_RE" "$err"; then
		why="sanitizer: $(grep -m1 -E "$SANITIZER_RE" "$err")"
	elif grep -q 'internal error' "$err"; then
		why="bsdemu internal error: $(grep -m1 'internal error' "$err")"
	elif [ "$st" -eq 124 ]; then
		why="timed out after ${GO_TIMEOUT}s"
	elif [ "$EXPECT_HELLO" = 1 ]; then
		if [ "$st" -ne 0 ]; then
			why="$(t_describe_status "$st"), want exit 0; stderr: $(t_first_line "$err")"
		elif ! grep -qE "$HELLO_RE" "$out"; then
			why="stdout does not match /$HELLO_RE/"
		fi
	else
		sig=$(kill -l SYS)
		if grep -qE "$HELLO_RE" "$out"; then
			why="printed hello: set EXPECT_HELLO=1 in tests/go/run.sh"
		elif [ "$st" -eq 0 ]; then
			why="exit 0 without printing hello"
		elif [ "$st" -gt 128 ] && [ "$st" -ne $((128 + sig)) ]; then
			why="crashed: $(t_describe_status "$st"); stderr: $(t_first_line "$err")"
		elif ! grep -qE "$MISSING_RE" "$err"; then
			why="no line naming the unimplemented syscall; $(t_describe_status "$st"); stderr: $(t_first_line "$err")"
		else
			echo "# $name: $(t_describe_status "$st"); $(grep -m1 -oE "$MISSING_RE.*" "$err")"
		fi
	fi
	if [ -n "$why" ]; then
		t_fail "$name" "$why (log: $(t_keep_log "$name" "$out" "$err"))"
		failed=1
	else
		t_pass "$name"
	fi
	rm -f "$out" "$err"
}

if [ ! -x "$BSDEMU" ]; then
	t_fail go/hello "$BSDEMU is missing"
	exit 1
fi
check_one go/hello "$BSDEMU"
[ -n "$BSDEMU_ASAN" ] && [ -x "$BSDEMU_ASAN" ] && check_one asan/go/hello "$BSDEMU_ASAN"
check_run go/goroutines "$BSDEMU" "$GBIN" "$GOROUTINES_RE"
[ -n "$BSDEMU_ASAN" ] && [ -x "$BSDEMU_ASAN" ] &&
	check_run asan/go/goroutines "$BSDEMU_ASAN" "$GBIN" "$GOROUTINES_RE"

# The acceptance programs: NAME REGEXP [ARGS...] (ARGS may name $EXE, the
# binary's own path).
go_prog() {
	local name=$1 re=$2 bin=$OUT/$1-freebsd-arm64 tag=${GO_TAG:-$1}
	shift 2
	build_prog "$name" || { failed=1; return; }
	check_run "go/$tag" "$BSDEMU" "$bin" "$re" "${@//\$EXE/$bin}"
}
for p in 1 2 8; do
	GO_TAG=msgpass-$p go_prog msgpass "^msgpass: procs=$p goroutines=1000 total=20190\$" $p
done
go_prog timers '^timers: ok afterfunc=1 ticks=10 timers=500 sum=124750$'
go_prog recover '^recover: ok nil="runtime error: invalid memory address or nil pointer dereference" index="runtime error: index out of range \[6\] with length 3" again=100$'
go_prog gcheavy '^gcheavy: ok tree=536854528 total=476800 gc>=5$'
go_prog preempt '^preempt: ok$'
go_prog signals '^signals: ok SIGUSR1 SIGINFO$'
go_prog executable '^executable: ok /' '$EXE'
go_prog stress '^stress: ok sum=2099000 timers=100 signals=5$'
go_prog timerstress '^timerstress: ok$'
go_prog pipes '^pipes: msg0;msg1;msg2; deadline=true slept=true$'
check_run go/exec "$BSDEMU" "$EBIN" '^exec: ok$'
exit "$failed"
