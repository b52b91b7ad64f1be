#!/bin/bash
# bench/gotool.sh: Go 1.19's own toolchain as a compiler workload.
# Times `go build -o hello ./hello` (cmd/go plus a compile and a link
# child, empty GOCACHE, std precompiled) three ways, interleaved, RUNS
# times each (default 5), and prints medians of wall and user+sys seconds:
#   bsdemu  the freebsd/arm64 toolchain of tests/gotool (built there once)
#   qemu    the same toolchain for linux/arm64 under qemu-aarch64; its
#           children reach qemu through a temporary binfmt_misc entry
#           (root; removed again on exit)
#   native  Debian's linux/amd64 go
# The numbers go into docs/performance.md by hand ("Go toolchain: go build
# hello").
set -u
RUNS=${RUNS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/build/tests/gotool
GF=$OUT/goroot GL=$OUT/goroot-linux
HOSTGO=/usr/lib/go-1.19
BSDEMU=${BSDEMU:-$ROOT/build/bsdemu}
QEMU=$(command -v qemu-aarch64)
D=/proc/sys/fs/binfmt_misc ENTRY=bsdemu-bench-qemu-aarch64-$$

[ -x "$GF/bin/freebsd_arm64/go" ] || "$ROOT/tests/gotool/run.sh" >/dev/null
if [ ! -x "$GL/bin/linux_arm64/go" ]; then
	echo "laying out the linux/arm64 GOROOT (a few minutes, once)"
	rm -rf "$GL.tmp" && mkdir -p "$GL.tmp/pkg" "$GL.tmp/bin" &&
		cp "$HOSTGO/VERSION" "$GL.tmp/" && cp -rL /usr/share/go-1.19/src "$GL.tmp/src" &&
		cp -rL /usr/share/go-1.19/pkg/include "$GL.tmp/pkg/include" &&
		cp "$HOSTGO"/bin/* "$GL.tmp/bin/" && cp -r "$HOSTGO/pkg/tool" "$GL.tmp/pkg/" &&
		GOCACHE=$OUT/host-cache GOROOT=$GL.tmp CGO_ENABLED=0 GOOS=linux GOARCH=arm64 \
			GO111MODULE=off GOFLAGS= "$GL.tmp/bin/go" install \
			cmd/go cmd/compile cmd/link cmd/asm std && mv "$GL.tmp" "$GL" || exit 1
fi

W=$(mktemp -d)
mounted=0
cleanup() {
	[ -e "$D/$ENTRY" ] && echo -1 >"$D/$ENTRY"
	[ "$mounted" = 1 ] && umount "$D"
	rm -rf "$W"
}
trap cleanup EXIT
if [ -n "$QEMU" ]; then
	if [ ! -e "$D/register" ]; then
		mount -t binfmt_misc binfmt_misc "$D" && mounted=1
	fi
	# Linux/aarch64 ELF (EI_OSABI 0), ET_EXEC or ET_DYN.
	printf ':%s:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\xfe\\xff\\xff\\xff:%s:F\n' \
		"$ENTRY" "$QEMU" >"$D/register" 2>/dev/null || QEMU=
	[ -n "$QEMU" ] || echo "no binfmt_misc entry for qemu-aarch64 (root needed): qemu skipped"
fi

mkdir -p "$W/m/hello"
printf 'module example.com/bench\n\ngo 1.19\n' >"$W/m/go.mod"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' >"$W/m/hello/main.go"

one() { # NAME GOROOT CMD...
	local name=$1 gr=$2
	shift 2
	rm -rf "$W/cache"
	(cd "$W/m" && env -u GOFLAGS GOROOT="$gr" GOCACHE="$W/cache" GOPATH="$W/gopath" \
		HOME="$W" GOPROXY=off CGO_ENABLED=0 /usr/bin/time -f "$name %e %U %S" \
		-a -o "$W/times" "$@" build -o "$W/hello-$name" ./hello) || echo "$name failed"
}
for ((i = 0; i < RUNS; i++)); do
	one bsdemu "$GF" "$BSDEMU" "$GF/bin/freebsd_arm64/go"
	[ -n "$QEMU" ] && one qemu "$GL" "$QEMU" "$GL/bin/linux_arm64/go"
	one native "$HOSTGO" "$HOSTGO/bin/go"
done
echo "go build hello, $RUNS runs, $(date -u +%Y-%m-%d), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| runner | wall s (median) | user+sys s (median) |"
echo "|---|---|---|"
for n in native qemu bsdemu; do
	grep "^$n " "$W/times" >/dev/null || continue
	wall=$(awk -v n=$n '$1 == n { print $2 }' "$W/times" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	cpu=$(awk -v n=$n '$1 == n { print $3 + $4 }' "$W/times" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	echo "| $n | $wall | $cpu |"
done
