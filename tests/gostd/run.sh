#!/bin/bash
# tests/gostd/run.sh: Go 1.19's own standard-library test suites, built for
# freebsd/arm64 and run under bsdemu.
#
# Packages: tests/gostd/packages.txt ("fast" ones by default, all of them
# with GOSTD_ALL=1).  Excluded tests: excluded.txt, reasons in EXCLUDED.md.
# Each test binary is built once into build/tests/gostd/ (GOCACHE under
# build/ too) and runs from its package source directory (testdata/), with
# -test.short, under a timeout:
#     PASS gostd/PKG (Ns)        FAIL gostd/PKG: first failure
# Variables: GOSTD_ALL=1, GOSTD_TIMEOUT (seconds per package, default 600),
GOSTD_TIMEOUT=${GOSTD_TIMEOUT:-600}
GOSTD_ALL=${GOSTD_ALL:-0}

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../gotool/goroot.sh"
cd "$TESTS_ROOT" || exit 2
HERE=$TESTS_ROOT/tests/gostd
OUT=$TESTS_ROOT/build/tests/gostd
export GOCACHE=${GOCACHE:-$TESTS_ROOT/build/go-cache}
GOSRC=/usr/lib/go-1.19/src
[ -d "$GOSRC" ] || GOSRC=/usr/share/go-1.19/src
GO=${GO:-/usr/lib/go-1.19/bin/go}
[ -x "$GO" ] || GO=$(command -v go)

if [ -z "$GO" ] || [ ! -d "$GOSRC" ]; then
	t_skip gostd "Go 1.19 (golang-go) is not installed"
	exit 0
fi
if [ ! -x "$BSDEMU" ]; then
	t_fail gostd "$BSDEMU is missing"
	exit 1
fi
mkdir -p "$OUT"

# build PKG TAGS: build/tests/gostd/PKG.test, unless it is up to date.
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

# BINFMT=1 when binfmt_misc hands FreeBSD/aarch64 programs to bsdemu: then
# the tests marked "binfmt" in excluded.txt (a host tool execs the test
# binary) run.
BINFMT=$(t_binfmt_active)

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

run_one() {
	local pkg=$1 tags=$2 name=gostd/$1 bin=$OUT/${1//\//_}.test
	local dir=$GOSRC/$1 out err st filter t0 t1
	if ! build "$pkg" "$tags"; then
		t_fail "$name" "go test -c failed: $(t_first_line "$bin.build.log")"
		return 1
	fi
	filter=$(run_filter "$pkg" "$bin" "$dir")
	out=$(mktemp) err=$(mktemp)
	t0=$(date +%s)
	# Tests that type-check against the installed std (runtime's
	# TestAtomicAlignment, go/types, go/importer) need a GOROOT with pkg/freebsd_arm64: the guest
	# toolchain of tests/gotool (laid out first when missing), as on FreeBSD.
	# Its bin/ must hold the FreeBSD go, as on FreeBSD (crash tests go build
	# their helper programs for the running GOOS).
	local groot=$GUEST_GOROOT genv=() g
	case $pkg in
	runtime | go/types | go/importer | go/internal/gcimporter | go/internal/srcimporter) g=1 ;;
	*) g= ;;
	esac
	if [ -n "$g" ]; then
		if guest_goroot_ensure; then
			g=$OUT/goroot-runtime
			mkdir -p "$g"
			for f in VERSION pkg src; do ln -sfn "$groot/$f" "$g/$f"; done
			# go/types type-checks $GOROOT/test too
			[ -d "$GOSRC/../test" ] && ln -sfn "$(cd "$GOSRC/../test" && pwd)" "$g/test"
			ln -sfn "$groot/bin/freebsd_arm64" "$g/bin"
			# No C toolchain for the guest: helper programs build without cgo.
			genv=(env GOROOT="$g" CGO_ENABLED=0)
		fi
	fi
	(cd "$dir" && t_run "$GOSTD_TIMEOUT" "$out" "$out" ${genv[@]+"${genv[@]}"} "$BSDEMU" "$bin" -test.short \
		-test.timeout=$((GOSTD_TIMEOUT - 10))s ${filter:+-test.run "$filter"})
	st=$?
	t1=$(date +%s)
	t_go_verdict "$name" "$st" "$out" "$err" $((t1 - t0)) "$GOSTD_TIMEOUT"
	st=$?
	rm -f "$out" "$err"
	return "$st"
}

t_go_packages gostd "$HERE/packages.txt"
