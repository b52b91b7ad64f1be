#!/bin/bash
# make bench: how fast bsdemu runs CPU-bound FreeBSD/aarch64 programs next
# to qemu-aarch64 (the same source built for Linux/aarch64) and native
# x86-64 (the same source built for the host).  See bench/README.md.
#
# Options (environment variables):
#   RUNS=N       runs of every workload in every environment (default 5);
#                the table shows medians of wall time, user time in brackets
#   SCALE=N      workload size multiplier (default 1; every workload's work
#                grows linearly with it)
#   ONLY=REGEX   run only the workloads whose names match (grep -E), e.g.
#                ONLY=go-  or  ONLY='nbody|fft'  or  ONLY=intloop
#   MITER=N      millions of iterations of the intloop measurement (200)
#   TIMEOUT=S    a single run taking longer than S seconds fails (300)
#   NOAPPEND=1   print the table but do not append it to docs/performance.md
#
# Workloads: bench/go/*.go (one Go program, the workload named by argv[1])
# and bench/c/*.c (freestanding C over tests/guest/lib, a host shim for the
# native build).  Each prints "checksum HEX"; all runs in all three
# environments must agree, else the run stops with both values.  A
# workload that fails under bsdemu (SIGILL, unimplemented syscall, crash,
# timeout) is marked FAIL in the table and the others go on.
# Finally intloop.S gives the interpreter's guest instructions per second
# (it knows its instruction count: 8 per iteration).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
ulimit -c 0	# a guest killed by SIGILL/SIGSEGV kills bsdemu alike: no cores
RUNS=${RUNS:-5}
SCALE=${SCALE:-1}
ONLY=${ONLY:-}
MITER=${MITER:-200}
TIMEOUT=${TIMEOUT:-300}
B=build/bench
BSDEMU=build/bsdemu
OUT=docs/performance.md

die() { echo "bench: $*" >&2; exit 1; }
[ -x $BSDEMU ] || die "$BSDEMU not built (run make)"
tests/deps.sh >/dev/null || die "tests/deps.sh failed"
command -v qemu-aarch64 >/dev/null || die "qemu-aarch64 not installed"
make --no-print-directory -s -f bench/bench.mk -j"$(nproc)" ||
	die "building the workloads failed"

# name group language
WORKLOADS="
go-hashsort integer go
go-map      integer go
go-flate    integer go
c-sorthash  integer c
c-matmul    fp      c
c-nbody     fp      c
c-fft       fp      c
go-copy     simd    go
go-crc32    simd    go
go-sha256   simd    go
go-aes      simd    go
c-syscall   syscall c
go-syscall  syscall go
"
selected() { [ -z "$ONLY" ] || echo "$1" | grep -Eq -- "$ONLY"; }

T=$(mktemp -d "${TMPDIR:-/tmp}/bsdemu-bench.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
# A private copy: others rebuilding build/bsdemu mid-run must not change
# what is measured.
cp $BSDEMU "$T/bsdemu" || die "cannot copy $BSDEMU"
BSDEMU=$T/bsdemu

# ---- optional CPU features: what each emulator advertises ---------------
# AT_HWCAP bits (Linux numbering, which FreeBSD/arm64 shares).
hwcap_names() {
	local v=$((16#$1)) n="" i
	local -A name=([3]=aes [4]=pmull [5]=sha1 [6]=sha2 [7]=crc32
		[8]=atomics [17]=sha3 [21]=sha512)
	for i in 3 4 5 6 7 8 17 21; do
		(( v >> i & 1 )) && n="$n ${name[$i]}"
	done
	echo "${n# }"
}
hw_b=$($BSDEMU $B/hwcap-freebsd 2>/dev/null | awk '/^hwcap/ {print $2}')
hw_q=$(qemu-aarch64 $B/hwcap-linux 2>/dev/null | awk '/^hwcap/ {print $2}')
feat_b=$(hwcap_names "${hw_b:-0}")
feat_q=$(hwcap_names "${hw_q:-0}")
feat_n=$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' |
	grep -Ex 'aes|pclmulqdq|sha_ni|avx2|sse4_2' | tr '\n' ' ' | sed 's/ $//')
has() { [[ " $1 " == *" $2 "* ]]; }
# The instructions a workload's Go code picks at run time when the CPU
# advertises them.
wl_features() {
	case $1 in
	go-aes) echo "aes pmull" ;;
	go-sha256) echo "sha2" ;;
	go-crc32) echo "crc32" ;;
	esac
}
feature_note() {
	local f miss="" both=""
	for f in $(wl_features "$1"); do
		if has "$feat_q" "$f" && ! has "$feat_b" "$f"; then
			miss="$miss${miss:+ }$f"
		elif has "$feat_q" "$f"; then
			both="$both${both:+ }$f"
		fi
	done
	if [ -n "$miss" ]; then
		echo "not like for like: qemu uses ${miss^^} instructions, bsdemu does not advertise them (generic code)"
	elif [ -n "$both" ]; then
		echo "both use ${both^^} instructions"
	fi
}

# ---- running --------------------------------------------------------------
cmd_for() {	# cmd_for WORKLOAD LANG ENV -> the command line
	local w=$1 lang=$2 env=$3
	local prog arg
	if [ "$lang" = go ]; then
		prog=$B/gobench-$env
		arg="$w $SCALE"
	else
		prog=$B/$w-$env
		arg="$SCALE"
	fi
	case $env in
	native) echo "$prog $arg" ;;
	linux) echo "qemu-aarch64 $prog $arg" ;;
	freebsd) echo "$BSDEMU $prog $arg" ;;
	esac
}
env_label() { case $1 in native) echo native ;; linux) echo qemu-aarch64 ;; freebsd) echo bsdemu ;; esac; }

# run1 W LANG ENV: one timed run; appends "wall user" to $T/W.ENV, checks
# the checksum.  Returns 1 (and writes the reason to $T/W.ENV.fail) when
# the program failed.
run1() {
	local w=$1 lang=$2 env=$3 line st sum reason
	# shellcheck disable=SC2046
	line=$($B/timeit "$T/out" "$T/err" timeout -s KILL "$TIMEOUT" \
		$(cmd_for "$w" "$lang" "$env")) || die "timeit failed"
	st=${line##*status=}
	sum=$(awk '/^checksum / {c = $2} END {print c}' "$T/out")
	if [ "$st" != exit:0 ] || [ -z "$sum" ]; then
		# timeout(1) reports a signal death as 128+N, its own kill
		# (-s KILL) as 137.
		local code=${st#*:}
		case $st in
		exit:137) reason="timeout after ${TIMEOUT}s or SIGKILL" ;;
		signal:*) reason="killed by signal $code" ;;
		*) if [ "$code" -gt 128 ]; then
			reason="killed by signal $((code - 128))"
		   else
			reason="exit status $code"
		   fi ;;
		esac
		# bsdemu's own one-line diagnosis if it gave one, else the
		# program's first error line.
		local msg
		msg=$(grep -m1 -E '^bsdemu:' "$T/err" ||
			grep -m1 -E 'fatal|panic|SIG|error|unimplemented' "$T/err" ||
			tail -n1 "$T/err")
		echo "$reason${msg:+: ${msg:0:160}}" > "$T/$w.$env.fail"
		return 1
	fi
	if [ ! -f "$T/$w.sum" ]; then
		echo "$sum $(env_label "$env")" > "$T/$w.sum"
	else
		local ref refenv
		read -r ref refenv < "$T/$w.sum"
		if [ "$sum" != "$ref" ]; then
			echo "bench: CHECKSUM MISMATCH in $w: $refenv $ref, $(env_label "$env") $sum" >&2
			echo "bench: the run stops here; nothing is appended to $OUT" >&2
			exit 1
		fi
	fi
	echo "$line" | sed -E 's/wall=([0-9.]+) user=([0-9.]+).*/\1 \2/' >> "$T/$w.$env"
}

median_col() {	# median_col FILE COLUMN
	awk -v c="$2" '{print $c}' "$1" | sort -g |
		awk '{a[NR] = $1} END {if (NR) printf "%.3f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

load0=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s)
echo "bench: RUNS=$RUNS SCALE=$SCALE${ONLY:+ ONLY=$ONLY}; bsdemu advertises: ${feat_b:-none}; qemu-aarch64: ${feat_q:-none}" >&2

touch "$T/list"
while read -r w group lang; do
	[ -n "$w" ] || continue
	selected "$w" || continue
	echo "$w $group $lang" >> "$T/list"
	printf 'bench: %-12s' "$w" >&2
	for r in $(seq "$RUNS"); do
		# Interleave the three so that a change in machine load hits
		# them alike.  The references must not fail.
		for env in native linux freebsd; do
			[ -f "$T/$w.$env.fail" ] && continue
			if ! run1 "$w" "$lang" "$env" && [ "$env" != freebsd ]; then
				echo >&2
				die "$w failed under $(env_label $env): $(cat "$T/$w.$env.fail")"
			fi
		done
		printf ' %s' "$r" >&2
	done
	if [ -f "$T/$w.freebsd.fail" ]; then
		echo " bsdemu FAILED: $(cat "$T/$w.freebsd.fail")" >&2
	else
		echo " $(median_col "$T/$w.freebsd" 1)s" >&2
	fi
done <<< "$WORKLOADS"

# ---- intloop: guest instructions per second ------------------------------
il=""
if selected intloop; then
	printf 'bench: %-12s' intloop >&2
	want=""
	for r in $(seq "$RUNS"); do
		for env in linux freebsd; do
			if [ $env = linux ]; then
				line=$($B/timeit "$T/out" "$T/err" qemu-aarch64 $B/intloop-linux "$MITER")
			else
				line=$($B/timeit "$T/out" "$T/err" $BSDEMU $B/intloop-freebsd "$MITER")
			fi
			st=${line##*status=}
			[ -n "$want" ] || want=$st
			[ "$st" = "$want" ] ||
				die "CHECKSUM MISMATCH in intloop: qemu-aarch64 $want, $(env_label $env) $st"
			echo "$line" | sed -E 's/wall=([0-9.]+) user=([0-9.]+).*/\1 \2/' >> "$T/intloop.$env"
		done
		printf ' %s' "$r" >&2
	done
	echo >&2
	il=1
fi
load1=$(cut -d' ' -f1-3 /proc/loadavg)
elapsed=$(( $(date +%s) - start ))

# ---- the report ------------------------------------------------------------
cpu=$(grep -m1 '^model name' /proc/cpuinfo | sed 's/.*: //')
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git status --porcelain -- src 2>/dev/null)" ] && rev="$rev + uncommitted changes in src/"
gover=$(go version | awk '{print $3}')
qver=$(qemu-aarch64 --version | awk 'NR == 1 {print $3}')
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
cell() {	# "wall (user)" medians for W ENV
	echo "$(median_col "$T/$1.$2" 1) ($(median_col "$T/$1.$2" 2))"
}

{
echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), bsdemu $rev"
echo
echo "- machine: $cpu, $(nproc) cores; load average $load0 at the start, $load1 at the end (other work on the machine may slow any column)"
echo "- bsdemu $rev; qemu-aarch64 $qver (default CPU \"max\"); $gover; clang $(clang --version | awk 'NR == 1 {print $NF}' | sed 's/.*-//;s/[^0-9.].*//') / gcc $(gcc -dumpversion)"
echo "- RUNS=$RUNS SCALE=$SCALE${ONLY:+ ONLY=$ONLY}; ${elapsed}s in all; times in seconds, median wall time (median user time)"
echo "- optional instructions advertised: bsdemu: ${feat_b:-none}; qemu-aarch64: ${feat_q:-none}; native x86-64: ${feat_n:-none}"
echo
echo "| workload | group | native | qemu-aarch64 | bsdemu | bsdemu/qemu | bsdemu/native | note |"
echo "|---|---|---|---|---|---|---|---|"
while read -r w group lang; do
	n=$(median_col "$T/$w.native" 1)
	q=$(median_col "$T/$w.linux" 1)
	note=$(feature_note "$w")
	if [ -f "$T/$w.freebsd.fail" ]; then
		b="FAIL"
		rq="-"
		rn="-"
		note="bsdemu failed: $(sed 's/|/\\|/g' "$T/$w.freebsd.fail")${note:+; $note}"
	else
		b=$(cell "$w" freebsd)
		bw=$(median_col "$T/$w.freebsd" 1)
		rq=$(ratio "$bw" "$q")
		rn=$(ratio "$bw" "$n")
		echo "$group $rq $rn" >> "$T/ratios"
	fi
	echo "| $w | $group | $(cell "$w" native) | $(cell "$w" linux) | $b | $rq | $rn | $note |"
done < "$T/list"
echo
echo "Geometric means of the ratios (workloads that ran under bsdemu):"
echo
echo "| group | workloads | bsdemu/qemu | bsdemu/native |"
echo "|---|---|---|---|"
for g in integer fp simd syscall all; do
	awk -v g="$g" '
		g == "all" || $1 == g { n++; lq += log($2); ln += log($3) }
		END { if (n) printf "| %s | %d | %.2f | %.2f |\n", g, n, exp(lq / n), exp(ln / n) }
	' "$T/ratios" 2>/dev/null
done
nfail=$(ls "$T"/*.freebsd.fail 2>/dev/null | wc -l)
ntot=$(wc -l < "$T/list")
echo
echo "bsdemu ran $((ntot - nfail)) of $ntot workloads."
if [ -n "$il" ]; then
	insns=$((MITER * 1000000 * 8))
	tb=$(median_col "$T/intloop.freebsd" 1)
	tq=$(median_col "$T/intloop.linux" 1)
	mips() { awk -v n=$insns -v t="$1" 'BEGIN { printf "%d", n / t / 1e6 }'; }
	echo
	echo "intloop ($insns guest instructions): bsdemu ${tb}s, $(mips "$tb") M insn/s; qemu-aarch64 ${tq}s, $(mips "$tq") M insn/s; bsdemu/qemu $(ratio "$tb" "$tq")"
fi
echo
} > "$T/report"

cat "$T/report"
if [ -z "${NOAPPEND:-}" ]; then
	[ -f $OUT ] || printf '# Performance log\n\nOne section per `make bench` run, newest last.\n\n' > $OUT
	cat "$T/report" >> $OUT
	echo "bench: appended to $OUT" >&2
fi
