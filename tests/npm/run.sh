#!/bin/bash
# tests/npm/run.sh: esbuild, a real third-party FreeBSD/aarch64 Go program
# from npm, under bsdemu (and build/asan/bsdemu: tests named asan/...).
#
# Two pinned builds (../shared/guests.md section 2):
#   @esbuild/freebsd-arm64@0.28.2   Go 1.26, FreeBSD ABI note
#   esbuild-freebsd-arm64@0.15.18   Go 1.19
# and, as references, the native Linux builds of the same versions
# (@esbuild/linux-x64@0.28.2, esbuild-linux-64@0.15.18): esbuild is
# deterministic, so a bundle made under bsdemu must be byte-identical to the
# native one.  Everything is installed once into build/tests/npm/ with
#     npm install --force --ignore-scripts --prefix build/tests/npm ...
# and reused while the installed versions match the pins.
#
# Tests, for V = 0.28.2 and 0.15.18:
#   npm/esbuild-V/version   `esbuild --version` prints exactly "V"
#   npm/esbuild-V/bundle    tests/npm/project (ES modules, TSX, a TS enum,
#                           tree shaking) with --bundle --minify --sourcemap:
#                           out.js and out.js.map equal the native build's,
#                           the unused export is gone, `node out.js` prints
#                           BUNDLE_LINE
#   npm/esbuild-V/stdin     `echo 'let x: number = 1' | esbuild --loader=ts`
#                           prints exactly "let x = 1;"
#   npm/esbuild-V/error     a syntax error: exit 1 and esbuild's message
#   npm/esbuild-V/modules   300 generated TS modules in a chain (parallel
#                           parsing on several threads, GC): native-identical
#                           bundle, `node` prints the expected sum
#   npm/esbuild-V/serve     --serve on an ephemeral port: the bundle fetched
#                           over HTTP runs in node; closing stdin stops the
#                           server and esbuild exits 0
# SKIP only when npm itself is missing (after tests/deps.sh).
NPM_TIMEOUT=${NPM_TIMEOUT:-180}
BUNDLE_LINE='Hello, esbuild! sum=10 mean=2.5OK!'
MODULES=300

. "$(dirname "$0")/../lib.sh"
cd "$TESTS_ROOT" || exit 2
HERE=$TESTS_ROOT/tests/npm
PREFIX=$TESTS_ROOT/build/tests/npm
NM=$PREFIX/node_modules

# Pinned packages: TAG PACKAGE VERSION REFERENCE-PACKAGE
PINS=(
	"0.28.2 @esbuild/freebsd-arm64 0.28.2 @esbuild/linux-x64"
	"0.15.18 esbuild-freebsd-arm64 0.15.18 esbuild-linux-64"
)

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
	bash tests/deps.sh >/dev/null 2>&1
	if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
		t_skip npm "npm/node are not installed"
		exit 0
	fi
fi
if [ ! -x "$BSDEMU" ]; then
	t_fail npm "$BSDEMU is missing"
	exit 1
fi

# installed_version PACKAGE: the version npm installed, empty if none.
installed_version() {
	node -e 'try { console.log(require(process.argv[1]).version) } catch (e) {}' \
		"$NM/$1/package.json" 2>/dev/null
}

# Install all pins (and their references) unless every one is present in
# its pinned version.
install_pins() {
	local pin tag pkg ver ref specs=() stale=0
	for pin in "${PINS[@]}"; do
		read -r tag pkg ver ref <<<"$pin"
		specs+=("$pkg@$ver" "$ref@$ver")
		[ "$(installed_version "$pkg")" = "$ver" ] || stale=1
		[ "$(installed_version "$ref")" = "$ver" ] || stale=1
	done
	[ "$stale" = 0 ] && return 0
	mkdir -p "$PREFIX"
	# npm needs a writable cache; CI may have no usable HOME.
	if [ -z "${npm_config_cache:-}" ] && ! { [ -n "${HOME:-}" ] && [ -w "$HOME" ]; }; then
		export npm_config_cache=$TESTS_ROOT/build/npm-cache
	fi
	npm install --force --ignore-scripts --no-audit --no-fund \
		--prefix "$PREFIX" "${specs[@]}" >"$PREFIX/install.log" 2>&1
}

if ! install_pins; then
	t_fail npm/install "npm install failed: $(t_first_line "$PREFIX/install.log") (log: build/tests/npm/install.log)"
	exit 1
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failed=0

# The generated project for the modules tests: m1 imports m2 ... imports
# mN; each adds sum(k * i, k < 10) = 45 * i.
gen_modules() {
	local dir=$1 i
	mkdir -p "$dir"
	for ((i = 1; i <= MODULES; i++)); do
		printf '%s\n' "import { f$((i + 1)) } from \"./m$((i + 1))\";" \
			"export function f$i(x: number): number {" \
			"	const a: number[] = [];" \
			"	for (let k = 0; k < 10; k++) a.push(k * $i);" \
			"	return f$((i + 1))(x) + a.reduce((p, q) => p + q, 0);" \
			"}" >"$dir/m$i.ts"
	done
	printf 'export function f%d(x: number): number { return x; }\n' \
		$((MODULES + 1)) >"$dir/m$((MODULES + 1)).ts"
	printf 'import { f1 } from "./m1";\nconsole.log("modules:", f1(7));\n' \
		>"$dir/main.ts"
}
gen_modules "$TMP/modules"
MODULES_LINE="modules: $((7 + 45 * MODULES * (MODULES + 1) / 2))"
printf 'export const x = ;\n' >"$TMP/bad.ts"

# run DIR STDIN CMD...: run CMD in DIR with stdin from file STDIN, under the
# timeout; stdout in $OUT, stderr in $ERR, status in $ST.
run() {
	local dir=$1 in=$2
	shift 2
	OUT=$TMP/run.out ERR=$TMP/run.err
	( (cd "$dir" && timeout -k 5 "$NPM_TIMEOUT" "$@" >"$OUT" 2>"$ERR" <"$in"); exit $?) 2>/dev/null
	ST=$?
}

# emu_trouble WANT: why the last run failed as an emulator run (sanitizer,
# internal error, timeout, status other than WANT); empty if it did not.
emu_trouble() {
	if grep -qE "$SANITIZER_RE" "$ERR"; then
		echo "sanitizer: $(grep -m1 -E "$SANITIZER_RE" "$ERR")"
	elif grep -q 'internal error' "$ERR"; then
		echo "bsdemu internal error: $(grep -m1 'internal error' "$ERR")"
	elif grep -q 'bsdemu: unimplemented' "$ERR"; then
		grep -m1 'bsdemu: unimplemented' "$ERR"
	elif [ "$ST" -eq 124 ]; then
		echo "timed out after ${NPM_TIMEOUT}s"
	elif [ "$ST" -ne "$1" ]; then
		echo "$(t_describe_status "$ST"), want exit $1; stderr: $(t_first_line "$ERR")"
	fi
}

# verdict NAME WHY: PASS or FAIL (keeping the last run's output).
verdict() {
	if [ -n "$2" ]; then
		t_fail "$1" "$2 (log: $(t_keep_log "$1" "$OUT" "$ERR"))"
		failed=1
	else
		t_pass "$1"
	fi
}

# same_files A B: empty when files A and B are identical, else why not.
same_files() {
	[ -f "$1" ] || { echo "no ${1##*/} written"; return; }
	[ -f "$2" ] || return 0 # no native reference output: nothing to compare
	cmp -s "$1" "$2" || echo "${1##*/} differs from the native esbuild's: $(cmp "$1" "$2" 2>&1 | head -n1)"
}

# native REF CWD OUTDIR ARGS...: the reference build by the native esbuild,
# run in CWD, writing into OUTDIR; OUTDIR stays empty when the native
# esbuild is not installed or fails.
native() {
	local bin=$NM/$1/bin/esbuild cwd=$2 dir=$3
	shift 3
	mkdir -p "$dir"
	[ -x "$bin" ] || return 0
	(cd "$cwd" && timeout 60 "$bin" "$@" >/dev/null 2>&1) || rm -rf "${dir:?}"/*
}

check_version() { # NAME EMU BIN VERSION
	local why
	run "$TMP" /dev/null "$2" "$3" --version
	why=$(emu_trouble 0)
	[ -z "$why" ] && [ "$(cat "$OUT")" != "$4" ] &&
		why="stdout is '$(head -c 100 "$OUT")', want '$4'"
	verdict "$1" "$why"
}

check_bundle() { # NAME EMU BIN REFDIR
	local name=$1 emu=$2 bin=$3 ref=$4 dir=$TMP/emu/bundle why
	rm -rf "$dir"
	mkdir -p "$dir"
	run "$HERE/project" /dev/null "$emu" "$bin" src/index.tsx --bundle \
		--minify --sourcemap --outfile="$dir/out.js"
	why=$(emu_trouble 0)
	[ -z "$why" ] && why=$(same_files "$dir/out.js" "$ref/out.js")
	[ -z "$why" ] && why=$(same_files "$dir/out.js.map" "$ref/out.js.map")
	[ -z "$why" ] && grep -q 'must not appear' "$dir/out.js" &&
		why="the unused export was not tree-shaken"
	if [ -z "$why" ]; then
		local got
		got=$(cd "$dir" && timeout 30 node out.js 2>&1)
		[ "$got" = "$BUNDLE_LINE" ] ||
			why="node out.js printed '${got:0:200}', want '$BUNDLE_LINE'"
	fi
	verdict "$name" "$why"
}

check_stdin() { # NAME EMU BIN
	local why
	printf 'let x: number = 1\n' >"$TMP/stdin.ts"
	run "$TMP" "$TMP/stdin.ts" "$2" "$3" --loader=ts
	why=$(emu_trouble 0)
	[ -z "$why" ] && [ "$(cat "$OUT")" != "let x = 1;" ] &&
		why="stdout is '$(head -c 100 "$OUT")', want 'let x = 1;'"
	verdict "$1" "$why"
}

check_error() { # NAME EMU BIN
	local why
	run "$TMP" /dev/null "$2" "$3" bad.ts
	why=$(emu_trouble 1)
	[ -z "$why" ] && ! grep -q 'Unexpected ";"' "$ERR" &&
		why="stderr lacks 'Unexpected \";\"': $(t_first_line "$ERR")"
	[ -z "$why" ] && [ -s "$OUT" ] && why="wrote to stdout on error"
	verdict "$1" "$why"
}

check_modules() { # NAME EMU BIN REFDIR
	local name=$1 emu=$2 bin=$3 ref=$4 dir=$TMP/emu/modules why got
	rm -rf "$dir"
	mkdir -p "$dir"
	run "$TMP/modules" /dev/null "$emu" "$bin" main.ts --bundle --minify \
		--outfile="$dir/out.js"
	why=$(emu_trouble 0)
	[ -z "$why" ] && why=$(same_files "$dir/out.js" "$ref/out.js")
	if [ -z "$why" ]; then
		got=$(cd "$dir" && timeout 30 node out.js 2>&1)
		[ "$got" = "$MODULES_LINE" ] ||
			why="node out.js printed '${got:0:200}', want '$MODULES_LINE'"
	fi
	verdict "$name" "$why"
}

# fetch URL FILE: HTTP GET with node into FILE; non-zero and a message on
# stderr unless the status is 200.
fetch() {
	timeout 30 node -e '
		require("http").get(process.argv[1], (r) => {
			const b = [];
			r.on("data", (d) => b.push(d));
			r.on("end", () => {
				if (r.statusCode !== 200) {
					console.error("HTTP status " + r.statusCode);
					process.exit(1);
				}
				process.stdout.write(Buffer.concat(b));
			});
		}).on("error", (e) => { console.error(e.message); process.exit(1); });
	' "$1" >"$2"
}

# esbuild --serve on an ephemeral port with stdin a FIFO we hold open:
# GET the bundle over HTTP (sockets, kqueue/kevent, accept4 under bsdemu),
# then close stdin, on which esbuild stops serving and exits 0.
check_serve() { # NAME EMU BIN
	local name=$1 dir=$TMP/serve fifo=$TMP/serve.fifo pid fd url='' why='' i
	rm -rf "$dir" "$fifo" "$TMP/served.js"
	mkdir -p "$dir"
	mkfifo "$fifo"
	OUT=$TMP/run.out ERR=$TMP/run.err
	# Open the FIFO before anything can fail, so that our open below
	# never blocks for ever.
	(exec <"$fifo"; cd "$HERE/project" && exec timeout -k 5 "$NPM_TIMEOUT" \
		"$2" "$3" src/index.tsx --bundle --minify --outdir="$dir" \
		--servedir="$dir" --serve=127.0.0.1:0 >"$OUT" 2>"$ERR") &
	pid=$!
	exec {fd}>"$fifo"
	for ((i = 0; i < NPM_TIMEOUT * 10; i++)); do
		url=$(grep -m1 -oE 'http://127\.0\.0\.1:[0-9]+' "$ERR" 2>/dev/null)
		[ -n "$url" ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if [ -z "$url" ]; then
		why="esbuild printed no server address"
	elif ! fetch "$url/index.js" "$TMP/served.js" 2>"$TMP/fetch.err"; then
		why="GET $url/index.js: $(t_first_line "$TMP/fetch.err")"
	fi
	exec {fd}>&-
	wait "$pid"
	ST=$?
	local trouble
	trouble=$(emu_trouble 0)
	[ -n "$trouble" ] && why="$trouble${why:+; $why}"
	if [ -z "$why" ]; then
		local got
		got=$(timeout 30 node "$TMP/served.js" 2>&1)
		[ "$got" = "$BUNDLE_LINE" ] ||
			why="node on the served bundle printed '${got:0:200}', want '$BUNDLE_LINE'"
	fi
	[ -z "$why" ] && ! grep -q '"GET /index.js" 200' "$ERR" &&
		why="esbuild did not log the request: $(t_first_line "$ERR")"
	verdict "$name" "$why"
}

for pin in "${PINS[@]}"; do
	read -r tag pkg ver refpkg <<<"$pin"
	bin=$NM/$pkg/bin/esbuild
	ref=$TMP/native-$tag
	# Reference outputs, made at the same directory depth as the emulated
	# ones so that the source map's relative paths agree.
	native "$refpkg" "$HERE/project" "$ref/bundle" src/index.tsx --bundle \
		--minify --sourcemap --outfile="$ref/bundle/out.js"
	native "$refpkg" "$TMP/modules" "$ref/modules" main.ts --bundle \
		--minify --outfile="$ref/modules/out.js"
	if [ -f "$ref/bundle/out.js" ] && [ -f "$ref/modules/out.js" ]; then
		echo "# esbuild $ver: bundles are compared with native $refpkg@$ver"
	else
		echo "# esbuild $ver: no native reference output ($refpkg): bundles checked with node only"
	fi
	for emu in "$BSDEMU" "$BSDEMU_ASAN"; do
		{ [ -n "$emu" ] && [ -x "$emu" ]; } || continue
		p=npm/esbuild-$tag
		[ "$emu" = "$BSDEMU_ASAN" ] && p=asan/$p
		if [ ! -x "$bin" ]; then
			t_fail "$p/version" "$bin is missing after npm install"
			failed=1
			continue
		fi
		check_version "$p/version" "$emu" "$bin" "$ver"
		check_bundle "$p/bundle" "$emu" "$bin" "$ref/bundle"
		check_stdin "$p/stdin" "$emu" "$bin"
		check_error "$p/error" "$emu" "$bin"
		check_modules "$p/modules" "$emu" "$bin" "$ref/modules"
		check_serve "$p/serve" "$emu" "$bin"
	done
done
exit "$failed"
