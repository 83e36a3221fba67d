#!/bin/sh
# Builds the libFuzzer targets (tests/fuzz/fuzz_<name>.c) with clang and runs them.
#
#   sh tests/fuzz/run.sh --short   (make check) every target over its seed corpus
#                                  plus FUZZ_RUNS (2000) mutations, -seed=1: the
#                                  same inputs on every run, a few seconds each
#   sh tests/fuzz/run.sh --long    (make fuzz) every target for FUZZ_SECONDS (300)
#                                  seconds; new inputs are kept in $BUILD/fuzz/corpus/
#   sh tests/fuzz/run.sh --long csv   only the named targets
#
# The seed corpora tests/fuzz/corpus/<name>/ hold inputs made from the fixtures
# and seeds, and every input that ever crashed a target (regress-*): --short
# replays all of them.  A crash leaves its input in $BUILD/fuzz/crash-<name>-*;
# copy it into tests/fuzz/corpus/<name>/regress-<what> once fixed.
#
# Needs clang with libFuzzer (Debian: clang libclang-rt-<version>-dev); as root
# the missing packages are installed.  Compiler flags and libraries are those
# of the Makefile (PKGS, CSTD, PKGLIBS), with -O1 and the sanitizers.  The last line is
# "fuzz: N passed, N failed" (one per target; a missing tool is one skip).
cd "$(dirname "$0")/../.." || exit 1
mode=${1:---short}
[ $# -gt 0 ] && shift
TARGETS=${*:-"yaml csv deadline frontmatter mustache build import"}
BUILD=${BUILD:-build}
OUT=$BUILD/fuzz
RUNS=${FUZZ_RUNS:-2000}
SECONDS_EACH=${FUZZ_SECONDS:-300}
CC_FUZZ=${CC_FUZZ:-clang}   # FUZZ_CFLAGS: extra flags (e.g. to explore past a known report)
pass=0 fail=0

summary() { # extra text after the counts
	echo "fuzz: $pass passed, $fail failed$1"
	[ $fail -eq 0 ] && [ -z "$1" ]
	exit $?
}

case $mode in --short|--long) ;; *) echo "usage: $0 --short|--long [target…]" >&2; exit 2 ;; esac

# ---- the tool: clang with libFuzzer ----------------------------------------
have_libfuzzer() {
	command -v "$CC_FUZZ" >/dev/null 2>&1 || return 1
	mkdir -p "$OUT"
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
		> "$OUT/probe.c"
	"$CC_FUZZ" -fsanitize=fuzzer,address,undefined -o "$OUT/probe" "$OUT/probe.c" >/dev/null 2>&1
}

if ! have_libfuzzer; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "fuzz: installing clang and its libFuzzer runtime" >&2
		export DEBIAN_FRONTEND=noninteractive
		command -v clang >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq clang >/dev/null; }
		ver=$(clang --version 2>/dev/null | sed -n 's/.*clang version \([0-9][0-9]*\).*/\1/p' | head -1)
		# Debian 12 ships libFuzzer in libclang-rt-<v>-dev; Debian 11 in libclang-common-<v>-dev.
		apt-get install -y -qq "libclang-rt-$ver-dev" >/dev/null 2>&1 ||
			{ apt-get update -qq >/dev/null; apt-get install -y -qq "libclang-rt-$ver-dev" >/dev/null 2>&1; } ||
			apt-get install -y -qq "libclang-common-$ver-dev" >/dev/null 2>&1
	fi
	if ! have_libfuzzer; then
		echo "SKIP fuzz: clang with libFuzzer is not available; install it with:"
		echo "  sudo apt-get install clang libclang-rt-\$(clang --version | sed -n 's/.*version \([0-9]*\).*/\1/p')-dev"
		echo "fuzz: 0 passed, 0 failed, 1 skipped"
		exit 0 # tests/run counts the skip (a failure under CI=true)
	fi
fi

# ---- build -------------------------------------------------------------------
# The same packages, standard and libraries as the Makefile (read from it, so
# that a new dependency there needs no change here).
PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
CSTD=$(sed -n 's/^CSTD *:= *//p' Makefile)
EXTRA_LIBS=$(sed -n 's/^PKGLIBS *=.*2>\/dev\/null) *//p' Makefile)
HAVE=""
case " $PKGS " in *" jansson "*) HAVE="-DFUZZ_HAVE_JANSSON" ;; esac
CFLAGS_FUZZ="${CSTD:--std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE} -O1 -g -fno-omit-frame-pointer
  -fno-sanitize-recover=all $(for d in generator/*/; do printf -- '-I%s ' "${d%/}"; done)$(pkg-config --cflags ${PKGS:-libcmark yaml-0.1 libutf8proc} 2>/dev/null)"
LIBS="$(pkg-config --libs ${PKGS:-libcmark yaml-0.1 libutf8proc} 2>/dev/null) ${EXTRA_LIBS:--lcsv -lpthread -lm}"
OBJ=$OUT/obj
mkdir -p "$OBJ" "$OUT/log"

# Library objects, as make would: one per generator/*/*.c except main.c, rebuilt
# when its source or any header is newer, all of them when the flags change;
# compiled in parallel.  $stamp holds the flags and changes when an object does.
stamp=$OBJ/.stamp
FUZZ_CFLAGS=${FUZZ_CFLAGS:-}
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$CFLAGS_FUZZ $FUZZ_CFLAGS" ]; then
	rm -f "$OBJ"/*.o "$stamp"
fi
for o in "$OBJ"/*.o; do # objects of removed sources
	[ -f "$o" ] && ! ls generator/*/"$(basename "$o" .o).c" >/dev/null 2>&1 && rm -f "$o" "$stamp"
done
newest_h=$(ls -t generator/*/*.h | head -1)
stale=""
for c in generator/*/*.c; do
	[ "$c" = generator/cli/main.c ] && continue
	o=$OBJ/$(basename "$c" .c).o
	if [ ! -f "$o" ] || [ "$c" -nt "$o" ] || [ "$newest_h" -nt "$o" ]; then
		stale="$stale $c"
	fi
done
if [ -n "$stale" ]; then
	export CC_FUZZ CFLAGS_FUZZ FUZZ_CFLAGS OBJ
	printf '%s\n' $stale | xargs -P "$(nproc 2>/dev/null || echo 2)" -n 1 sh -c '
		o=$OBJ/$(basename "$1" .c).o
		$CC_FUZZ $CFLAGS_FUZZ -fsanitize=fuzzer-no-link,address,undefined $FUZZ_CFLAGS -c -o "$o" "$1" 2>"$o.log" ||
			{ echo "FAIL fuzz: cannot compile $1:"; head -20 "$o.log"; rm -f "$o"; exit 255; }' sh
	if [ $? -ne 0 ]; then
		fail=$((fail + 1)); summary
	fi
	echo "$CFLAGS_FUZZ $FUZZ_CFLAGS" > "$stamp"
fi

built=""
for t in $TARGETS; do
	src=tests/fuzz/fuzz_$t.c bin=$OUT/fuzz_$t
	if [ ! -f "$src" ]; then
		echo "FAIL fuzz: no target $src"; fail=$((fail + 1)); continue
	fi
	if [ ! -x "$bin" ] || [ -n "$(find "$src" tests/fuzz/oracle.h "$stamp" -newer "$bin" 2>/dev/null | head -1)" ]; then
		if ! $CC_FUZZ $CFLAGS_FUZZ -fsanitize=fuzzer,address,undefined ${FUZZ_CFLAGS:-} -DFUZZ_THEME_DIR="\"$PWD/themes/default\"" -DFUZZ_SRC_DIR="\"$PWD/generator\"" $HAVE \
			-o "$bin" "$src" "$OBJ"/*.o $LIBS 2>"$OUT/log/build-$t.txt"; then
			echo "FAIL fuzz: cannot build $src:"; head -20 "$OUT/log/build-$t.txt"
			fail=$((fail + 1)); continue
		fi
	fi
	built="$built $t"
done

# ---- run ---------------------------------------------------------------------
# Leaks are reported per input by LeakSanitizer; -rss_limit_mb bounds memory.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for t in $built; do
	bin=$OUT/fuzz_$t seeds=tests/fuzz/corpus/$t log=$OUT/log/$t.txt
	dict=""
	[ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
	if [ "$mode" = --short ]; then
		# New inputs go to a scratch folder, never into the seed corpus.
		scratch=$(mktemp -d "${TMPDIR:-/tmp}/roadmap-fuzz-$t.XXXXXX")
		runs=$RUNS
		[ "$t" = build ] && runs=$((RUNS / 4)) # a whole build per input
		"$bin" -runs="$runs" -seed=1 -timeout=20 -rss_limit_mb=2048 -max_len=65536 $dict \
			-artifact_prefix="$OUT/crash-$t-" "$scratch" "$seeds" >"$log" 2>&1
		rc=$?
		rm -rf "$scratch"
	else
		corpus=$OUT/corpus/$t
		mkdir -p "$corpus"
		"$bin" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 -max_len=65536 $dict \
			-artifact_prefix="$OUT/crash-$t-" -print_final_stats=1 "$corpus" "$seeds" >"$log" 2>&1
		rc=$?
	fi
	execs=$(sed -n 's/^#\([0-9][0-9]*\).*DONE.*/\1/p' "$log" | tail -1)
	[ -z "$execs" ] && execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1))
		echo "ok   fuzz_$t: ${execs:-?} inputs, $(ls "$seeds" | wc -l) seeds"
	else
		fail=$((fail + 1))
		echo "FAIL fuzz_$t (exit $rc); input in $OUT/crash-$t-*; log $log:"
		grep -E 'ERROR|SUMMARY|oracle|runtime error|^    #[0-9] ' "$log" | head -25
	fi
done
summary
