# tests/gotool/goroot.sh: the guest GOROOT (Go 1.19's toolchain and std
# cross-built for freebsd/arm64 by Debian's Go), shared by the suites that
# need one (gotool, gostd's runtime, gostd5).  Source it after tests/lib.sh.
#   guest_goroot_ensure   lays it out under build/tests/gotool/goroot when
#                         missing (about 3 minutes, once; build log in
#                         build/tests/gotool/goroot.log); returns 1 on failure
GOTOOL_OUT=$TESTS_ROOT/build/tests/gotool
GUEST_GOROOT=$GOTOOL_OUT/goroot
HOSTGO=/usr/lib/go-1.19
HOSTSRC=/usr/share/go-1.19/src
[ -d "$HOSTSRC" ] || HOSTSRC=$HOSTGO/src

# make_goroot DIR GOOS: a GOROOT with the toolchain and std cross-built
# for GOOS/arm64, built beside DIR and renamed into place when complete.
# (pprof, nm, objdump...: runtime's tests run `go tool pprof` and friends.)
make_goroot() {
	local g=$1 goos=$2 tmp=$1.tmp
	rm -rf "$tmp"
	mkdir -p "$tmp/pkg" "$tmp/bin" || return 1
	cp "$HOSTGO/VERSION" "$tmp/" &&
		cp -rL "$HOSTSRC" "$tmp/src" &&
		cp -rL "$(dirname "$HOSTSRC")/pkg/include" "$tmp/pkg/include" &&
		cp "$HOSTGO"/bin/* "$tmp/bin/" &&
		cp -r "$HOSTGO/pkg/tool" "$tmp/pkg/" || return 1
	GOCACHE=$GOTOOL_OUT/host-cache GOROOT=$tmp CGO_ENABLED=0 GOOS=$goos GOARCH=arm64 \
		GO111MODULE=off GOFLAGS= "$tmp/bin/go" install \
		cmd/go cmd/gofmt cmd/compile cmd/link cmd/asm cmd/vet \
		cmd/pprof cmd/nm cmd/objdump cmd/addr2line cmd/cover cmd/test2json std || return 1
	rm -rf "$g" && mv "$tmp" "$g"
}

guest_goroot_ensure() {
	local t=$GUEST_GOROOT/pkg/tool/freebsd_arm64
	[ -x "$GUEST_GOROOT/bin/freebsd_arm64/go" ] && [ -x "$t/link" ] && [ -x "$t/pprof" ] &&
		return 0
	[ -x "$HOSTGO/bin/go" ] || return 1
	mkdir -p "$GOTOOL_OUT"
	echo "# laying out the guest GOROOT (about 3 minutes, once)"
	make_goroot "$GUEST_GOROOT" freebsd >"$GOTOOL_OUT/goroot.log" 2>&1
}
