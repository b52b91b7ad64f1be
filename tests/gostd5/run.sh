#!/bin/bash
# tests/gostd5/run.sh: Go 1.19's own test suites of the files, processes
# and kqueue packages (os, os/exec, syscall, io/fs, path/filepath,
# archive/tar, archive/zip, io/ioutil), built for freebsd/arm64 and run
# under bsdemu the way tests/gostd runs its packages.
#
# Packages: tests/gostd5/packages.txt ("fast" ones by default, all with
# GOSTD_ALL=1).  Excluded tests: excluded.txt, reasons in EXCLUDED.md.
# Each test binary is built once into build/tests/gostd5/ (GOCACHE under
# build/ too).  It runs with -test.short under a timeout from a private
# copy of its package source directory (testdata/; some of these tests
# write next to their sources), with GOROOT pointing at the guest GOROOT
# of tests/gotool when that exists (tests that run `go` then run the
# FreeBSD go under bsdemu; without it they use the host's go, which
# builds Linux programs):
#     PASS gostd5/PKG (Ns)        FAIL gostd5/PKG: first failure
# Variables: GOSTD_ALL=1, GOSTD_PKGS="pkg ...", GOSTD_TIMEOUT (seconds per
# package, default 600).
GOSTD_TIMEOUT=${GOSTD_TIMEOUT:-600}
GOSTD_ALL=${GOSTD_ALL:-0}

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../gotool/goroot.sh"
cd "$TESTS_ROOT" || exit 2
HERE=$TESTS_ROOT/tests/gostd5
OUT=$TESTS_ROOT/build/tests/gostd5
export GOCACHE=${GOCACHE:-$TESTS_ROOT/build/go-cache}
GOSRC=/usr/share/go-1.19/src
[ -d "$GOSRC" ] || GOSRC=/usr/lib/go-1.19/src
GO=${GO:-/usr/lib/go-1.19/bin/go}
[ -x "$GO" ] || GO=$(command -v go)

if [ -z "$GO" ] || [ ! -d "$GOSRC" ]; then
	t_skip gostd5 "Go 1.19 (golang-go) is not installed"
	exit 0
fi
if [ ! -x "$BSDEMU" ]; then
	t_fail gostd5 "$BSDEMU is missing"
	exit 1
fi
mkdir -p "$OUT"
WORK=$(mktemp -d)
chmod 755 "$WORK" # tests that drop privileges (TestDeathSignal) run programs from it
trap 'rm -rf "$WORK"' EXIT
# GOROOT for the tests: the guest toolchain of tests/gotool (so that
# `go build` in os and os/exec tests runs the FreeBSD go under bsdemu)
# plus Go's test/ tree (path/filepath's TestBug3486 walks $GOROOT/test).
# Its src/ is a tree of symlinks in which each package under test becomes
# a real copy (go build allows internal/ imports only inside GOROOT).
if guest_goroot_ensure; then
	mkdir -p "$WORK/goroot"
	for f in VERSION bin pkg; do
		ln -s "$GUEST_GOROOT/$f" "$WORK/goroot/$f"
	done
	ln -s "$(dirname "$GOSRC")/test" "$WORK/goroot/test"
	cp -rs "$GUEST_GOROOT/src" "$WORK/goroot/src"
	SRCROOT=$WORK/goroot/src
else
	SRCROOT=$WORK/src
fi

# BINFMT=1 when binfmt_misc runs FreeBSD/aarch64 programs under bsdemu.
BINFMT=$(t_binfmt_active)

# build PKG TAGS: build/tests/gostd5/PKG.test, unless it is up to date.
build() {
	local pkg=$1 tags=$2 bin=$OUT/${1//\//_}.test
	local stamp=$bin.tags
	if [ -x "$bin" ] && [ "$bin" -nt "$HERE/packages.txt" ] &&
		[ "$(cat "$stamp" 2>/dev/null)" = "$tags" ]; then
		return 0
	fi
	rm -f "$bin"
	(cd "$OUT" && CGO_ENABLED=0 GOOS=freebsd GOARCH=arm64 GO111MODULE=off \
		"$GO" test -c ${tags:+-tags=$tags} -o "$bin" "$pkg") >"$bin.build.log" 2>&1 ||
		return 1
	echo "$tags" >"$stamp"
}

# The -test.run argument for PKG: empty when nothing is excluded, else a
# regexp naming every listed test but the excluded ones.
run_filter() {
	local pkg=$1 bin=$2 dir=$3 ex names
	ex=$(awk -v p="$pkg" -v b="$BINFMT" '$1 == p && !(b && $3 == "binfmt") { print $2 }' \
		"$HERE/excluded.txt")
	[ -n "$ex" ] || return 0
	names=$(cd "$dir" && timeout 120 "$BSDEMU" "$bin" -test.list '.*' </dev/null 2>/dev/null |
		grep -vxF -f <(echo "$ex") | grep -E '^[A-Za-z_0-9]+$' | paste -sd '|')
	[ -n "$names" ] || { echo "^$"; return 0; }
	echo "^($names)\$"
}

# Close every descriptor above 2 this (sub)shell inherited: os/exec's
# TestExtraFiles skips itself when the test starts with any open.
close_fds() {
	local fd
	for fd in /proc/$BASHPID/fd/*; do
		fd=${fd##*/}
		[ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-"
	done
	return 0
}

run_one() {
	local pkg=$1 tags=$2 name=gostd5/$1 bin=$OUT/${1//\//_}.test
	local dir=$SRCROOT/$1 out err st filter t0 t1
	local -a genv=()
	if ! build "$pkg" "$tags"; then
		t_fail "$name" "go test -c failed: $(t_first_line "$bin.build.log")"
		return 1
	fi
	# The package directory, and the files (not subdirectories) of its
	# parent: io/ioutil's TestReadDir reads "..".
	rm -rf "$dir"
	mkdir -p "$(dirname "$dir")" && cp -rL "$GOSRC/$pkg" "$dir" &&
		find "$GOSRC/$(dirname "$pkg")" -maxdepth 1 -type f \
			-exec cp --remove-destination {} "$(dirname "$dir")/" \; || {
		t_fail "$name" "cannot copy $GOSRC/$pkg"
		return 1
	}
	[ "$SRCROOT" = "$WORK/goroot/src" ] && genv=(GOROOT="$WORK/goroot")
	filter=$(run_filter "$pkg" "$bin" "$dir")
	out=$(mktemp) err=$(mktemp)
	t0=$(date +%s)
	(cd "$dir" && close_fds && t_run "$GOSTD_TIMEOUT" "$out" "$out" env "${genv[@]}" \
		HOME="$WORK" TMPDIR="$WORK" "$BSDEMU" "$bin" -test.short \
		-test.timeout=$((GOSTD_TIMEOUT - 10))s ${filter:+-test.run "$filter"})
	st=$?
	t1=$(date +%s)
	rm -rf "$dir"
	t_go_verdict "$name" "$st" "$out" "$err" $((t1 - t0)) "$GOSTD_TIMEOUT"
	st=$?
	rm -f "$out" "$err"
	return "$st"
}

t_go_packages gostd5 "$HERE/packages.txt"
