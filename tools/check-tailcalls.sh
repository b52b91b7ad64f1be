#!/bin/sh
# tools/check-tailcalls.sh BINARY: prove that the AArch64 interpreter's
# threaded dispatch cannot grow the host stack.
#
# With BSDEMU_TAILCALL, handlers (op_*, ls_*, lsp_*, a64_op_*) end in
# NEXT(): a call to the next op's handler that the compiler must turn into
# a jump.  Where it could not (a local whose address escapes, say), every
# executed op would leave a frame behind and a guest loop would overflow
# the host stack.  So the build fails when a handler
#   - calls through a pointer (that can only be a NEXT left as a call), or
#   - calls another handler other than as a tail jump (that one may chain
#     on to further ops while the caller's frame stays).
# The dispatcher, a64_run, is the one place that calls handlers.
set -eu
bin=$1
# Built without tail calls (TAILCALL=0, -O0): nothing chains, nothing to prove.
nm "$bin" | grep -q ' a64_tailcall_dispatch$' || exit 0
objdump -d --no-show-raw-insn "$bin" | awk '
function handler(f) { return f ~ /^(op_|ls_|lsp_|a64_op_)/ }
/^[0-9a-f]+ <[^>]+>:$/ {
	fn = $2; gsub(/[<>:]/, "", fn); sub(/\..*/, "", fn); next
}
!handler(fn) { next }
/\tcall +\*/ {
	print "check-tailcalls: " fn " calls through a pointer: a NEXT() the compiler left as a call" > "/dev/stderr"
	bad = 1
}
/\tcall +[0-9a-f]+ </ {
	t = $NF; gsub(/[<>]/, "", t); sub(/\..*/, "", t); sub(/\+0x[0-9a-f]+$/, "", t)
	if (handler(t)) {
		print "check-tailcalls: " fn " calls handler " t " without a tail jump" > "/dev/stderr"
		bad = 1
	}
}
END { exit bad }'
