#!/bin/bash
# tests/binfmt/run.sh: bsdemu --binfmt-register / --binfmt-unregister.
# Root only (SKIP otherwise): registers an entry with a name of its own,
# checks that a host program (/bin/sh) can then exec a FreeBSD/aarch64
# program directly and that it runs under bsdemu, that registering the
# same name again fails, and removes the entry again (also on failure);
# if binfmt_misc was not mounted before, it is unmounted again.
#   binfmt/register  binfmt/exec  binfmt/twice  binfmt/unregister
. "$(dirname "$0")/../lib.sh"
cd "$TESTS_ROOT" || exit 2
D=/proc/sys/fs/binfmt_misc
NAME=bsdemu-test-$$
PROG=$TESTS_ROOT/examples/hello-freebsd-arm64

if [ "$(id -u)" != 0 ]; then
	t_skip binfmt "needs root (binfmt_misc)"
	exit 0
fi
if [ ! -x "$BSDEMU" ]; then
	t_fail binfmt "$BSDEMU is missing"
	exit 1
fi
was_mounted=0
[ -e "$D/register" ] && was_mounted=1
cleanup() {
	[ -e "$D/$NAME" ] && echo -1 >"$D/$NAME"
	if [ "$was_mounted" = 0 ] && [ -e "$D/register" ] &&
		[ "$(ls "$D" | grep -cvx 'register\|status')" = 0 ]; then
		umount "$D" 2>/dev/null
	fi
}
trap cleanup EXIT

failed=0
out=$(mktemp)
if ! "$BSDEMU" --binfmt-register="$NAME" >"$out" 2>&1; then
	if ! grep -qw binfmt_misc /proc/filesystems; then
		t_skip binfmt "the kernel has no binfmt_misc"
		exit 0
	fi
	t_fail binfmt/register "$(head -n1 "$out")"
	rm -f "$out"
	exit 1
fi
if grep -qx enabled "$D/$NAME" &&
	grep -qx "interpreter $(readlink -f "$BSDEMU")" "$D/$NAME" &&
	grep -qx 'flags: F' "$D/$NAME"; then
	t_pass binfmt/register
else
	t_fail binfmt/register "entry: $(paste -sd ' ' "$D/$NAME")"
	failed=1
fi

# The host's sh execs the FreeBSD program itself.
t_run 30 "$out" "$out" /bin/sh -c "exec '$PROG' one two"
st=$?
if [ "$st" = 0 ] && grep -q '^Hello from FreeBSD/aarch64!' "$out" &&
	grep -qx '  argv\[2\] = "two"' "$out"; then
	t_pass binfmt/exec
else
	t_fail binfmt/exec "$(t_describe_status "$st"): $(head -n1 "$out")"
	failed=1
fi

if "$BSDEMU" --binfmt-register="$NAME" >"$out" 2>&1; then
	t_fail binfmt/twice "registering '$NAME' twice succeeded"
	failed=1
elif grep -q "exists already" "$out"; then
	t_pass binfmt/twice
else
	t_fail binfmt/twice "$(head -n1 "$out")"
	failed=1
fi

if "$BSDEMU" --binfmt-unregister="$NAME" >"$out" 2>&1 && [ ! -e "$D/$NAME" ] &&
	! "$BSDEMU" --binfmt-unregister="$NAME" >/dev/null 2>&1; then
	t_pass binfmt/unregister
else
	t_fail binfmt/unregister "$(head -n1 "$out")"
	failed=1
fi
rm -f "$out"
exit "$failed"
