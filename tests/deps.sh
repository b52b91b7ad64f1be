#!/bin/bash
# tests/deps.sh: install what building and testing bsdemu needs, when it is
# missing (Debian 12).  Idempotent, silent when everything is present.
#   gcc make        the emulator and unit tests
#   clang lld llvm  FreeBSD guest programs (llvm: llvm-objcopy, llvm-readelf)
#   golang-go       Go guest programs (tests/go)
#   qemu-user       reference runs of the guest library (qemu-aarch64)
#   python3         generators
#   npm (nodejs)    real FreeBSD Go programs from npm (tests/npm)
set -euo pipefail

# command -> Debian package
need=(
	gcc:gcc
	make:make
	clang:clang
	ld.lld:lld
	llvm-objcopy:llvm
	go:golang-go
	qemu-aarch64:qemu-user
	python3:python3
	npm:npm
	node:nodejs
	timeout:coreutils
)

missing=()
for pair in "${need[@]}"; do
	cmd=${pair%%:*} pkg=${pair#*:}
	command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "tests/deps.sh: installing ${missing[*]}" >&2
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Update the package lists once, only when they are absent or installing
# from the current ones fails.
if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1 ||
	! $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
	$SUDO apt-get update -q >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
	$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1 ||
		{ cat "$log" >&2; exit 1; }
fi
