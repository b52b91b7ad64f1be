#!/bin/bash
# make bench: speed of bsdemu next to qemu-aarch64 on the same workloads.
# For now one workload: bench/intloop.S, an 8-instruction integer loop, built
# for FreeBSD (run under bsdemu) and Linux (run under qemu-aarch64) from the
# same source.  Prints guest instructions per second, medians of RUNS runs,
# and appends the result to docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
MITER=${MITER:-200}        # millions of loop iterations
B=build/bench
mkdir -p "$B"
tests/deps.sh >/dev/null
CL="clang -nostdlib -static -fuse-ld=lld -Wl,--build-id=none"
$CL --target=aarch64-unknown-freebsd14.0 -o $B/intloop-freebsd bench/intloop.S
$CL --target=aarch64-linux-gnu -DLINUX -o $B/intloop-linux bench/intloop.S

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() {	# prints seconds of wall time of "$@", checks exit status
	local want=$1; shift
	local t0 t1 st
	t0=$(date +%s.%N); set +e; "$@"; st=$?; set -e; t1=$(date +%s.%N)
	[ "$st" = "$want" ] || { echo "bench: $* exited $st, want $want" >&2; exit 1; }
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}
# The checksum (exit status) must agree between the two: qemu's is the
# reference when it is installed.
set +e
if command -v qemu-aarch64 >/dev/null; then qemu-aarch64 $B/intloop-linux $MITER; else build/bsdemu $B/intloop-freebsd $MITER; fi
want=$?
set -e
insns=$((MITER * 1000000 * 8))
tb=$(for i in $(seq $RUNS); do timeit $want build/bsdemu $B/intloop-freebsd $MITER; done | median)
if command -v qemu-aarch64 >/dev/null; then
	tq=$(for i in $(seq $RUNS); do timeit $want qemu-aarch64 $B/intloop-linux $MITER; done | median)
else
	tq=""
fi
mips() { awk -v n=$insns -v t="$1" 'BEGIN { printf "%d", n / t / 1e6 }'; }
line="| $(date -u +%Y-%m-%d) | $(uname -m) $(nproc) cores | intloop | bsdemu ${tb}s ($(mips $tb) M insn/s)"
if [ -n "$tq" ]; then
	line="$line | qemu-aarch64 ${tq}s ($(mips $tq) M insn/s) | bsdemu/qemu time ratio $(awk -v a="$tb" -v b="$tq" 'BEGIN { printf "%.2f", a / b }') |"
else
	line="$line | qemu-aarch64 not installed | |"
fi
echo "$line"
[ -f docs/performance.md ] || printf '# Performance log\n\nAppended by `make bench`.\n\n| date | machine | workload | bsdemu | qemu-aarch64 | ratio |\n|---|---|---|---|---|---|\n' > docs/performance.md
echo "$line" >> docs/performance.md
