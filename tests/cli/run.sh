#!/bin/bash
# The command line: options, exit statuses, environment editing.
. "$(dirname "$0")/../lib.sh"
cd "$TESTS_ROOT" || exit 1
out=build/tests/cli
mkdir -p "$out"
t_build_guest tests/cli/show.c "$out/show" || { t_fail cli/build "cannot build show.c"; exit 1; }
SHOW=$TESTS_ROOT/$out/show
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect NAME STATUS STDERR-REGEX CMD...: exit status and one-line stderr.
expect() {
	local name=$1 want=$2 re=$3 st
	shift 3
	t_run 20 "$tmp/o" "$tmp/e" "$@"; st=$?
	if [ "$st" != "$want" ]; then
		t_fail "cli/$name" "exit $st, want $want; stderr: $(head -2 "$tmp/e")"
	elif [ -n "$re" ] && { [ "$(wc -l <"$tmp/e")" != 1 ] || ! grep -Eq "$re" "$tmp/e"; }; then
		t_fail "cli/$name" "stderr is not one line matching /$re/: $(head -3 "$tmp/e")"
	else
		t_pass "cli/$name"
	fi
}
# has NAME REGEX: the last command's stdout matches.
has() {
	if grep -Eq "$2" "$tmp/o"; then t_pass "cli/$1"; else t_fail "cli/$1" "stdout lacks /$2/: $(head -c 300 "$tmp/o" | tr '\n' '|')"; fi
}

expect no-program 125 '^bsdemu: no program given' "$BSDEMU"
expect unknown-option 125 "^bsdemu: unknown option '-x'" "$BSDEMU" -x "$SHOW"
expect missing-arg 125 "^bsdemu: option '-L' needs an argument" "$BSDEMU" -L
expect bad-size 125 "^bsdemu: bad size 'lots'" "$BSDEMU" -s lots "$SHOW"
expect bad-release 125 "^bsdemu: bad FreeBSD release" "$BSDEMU" -r banana "$SHOW"
expect not-found 127 '^bsdemu: /no/such/program: ' "$BSDEMU" /no/such/program
expect not-in-path 127 '' env PATH=/nonexistent "$BSDEMU" no-such-program
expect version 0 '' "$BSDEMU" --version
has version-text '^bsdemu [0-9]+\.[0-9]+'
expect help 0 '' "$BSDEMU" --help
has help-text '^usage: bsdemu \[options\] PROGRAM'
expect syscalls 0 '' "$BSDEMU" --syscalls
has syscalls-list $'^3\tread\timplemented$'

expect defaults 0 '' "$BSDEMU" "$SHOW" a "b c"
has argv0 "^argv\\[0\\]=$SHOW\$"
has argv2 '^argv\[2\]=b c$'
has default-release '^kern.osrelease=14\.3-RELEASE$'
has default-osreldate '^osreldate=1403000$'
has default-stack "^stacklim=$((8 << 20))\$"

expect options 0 '' env CLI_DROP=1 CLI_KEEP=1 "$BSDEMU" -E CLI_NEW=x=y -U CLI_DROP -0 myname \
	-r 13.2-RELEASE -s 16M "$SHOW" z
has env-set '^env CLI_NEW=x=y$'
has env-kept '^env CLI_KEEP=1$'
if grep -q CLI_DROP "$tmp/o"; then t_fail cli/env-unset "CLI_DROP still there"; else t_pass cli/env-unset; fi
has argv0-option '^argv\[0\]=myname$'
has release-option '^kern.osrelease=13\.2-RELEASE$'
has osreldate-option '^osreldate=1302000$'
has stack-option "^stacklim=$((16 << 20))\$"

# A program found through PATH, and -- ending the options.
expect path-search 0 '' env PATH="$TESTS_ROOT/$out:$PATH" "$BSDEMU" -- show
has path-argv0 '^argv\[0\]=show$'

# -D sends bsdemu's own messages to a file.
expect log-file 127 '' "$BSDEMU" -D "$tmp/log" /no/such/program
if grep -q '^bsdemu: /no/such/program' "$tmp/log" 2>/dev/null && ! [ -s "$tmp/e" ]; then
	t_pass cli/log-file-content
else
	t_fail cli/log-file-content "message not in the log file only"
fi
# The log's descriptor is not one the guest would have got: its first
# open gets the same number with -D as without.
expect no-log-fd 0 '' "$BSDEMU" "$SHOW"
plain=$(grep '^open=' "$tmp/o")
expect log-fd 0 '' "$BSDEMU" -D "$tmp/log" "$SHOW"
has log-fd-first-open "^${plain}\$"
