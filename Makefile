# roadmap — build, demo site and tests.  See README.md.
#
#   make            build ./roadmap
#   make site       build the demo site from content/ into output/
#   make test       the quick loop: unit, end-to-end, golden pages, import
#   make check      run every test; the last line is "N passed, N failed"
#   tests/run NAME  only the suites whose names contain NAME (after `make`)
#   make asan       build with AddressSanitizer+UBSan and run the unit and e2e tests
#   make valgrind   build the demo site under valgrind (zero errors, zero leaks)
#   make regen      rewrite golden files in tests/regress/ and show the diff
#   make install   PREFIX=/usr/local: bin/roadmap and share/roadmap/themes/default
#   make clean

CC      ?= cc
PKGS    := libcmark yaml-0.1 libutf8proc jansson libzip libmicrohttpd libxml-2.0
DEBPKGS := libcmark-dev libyaml-dev libcsv-dev libutf8proc-dev libjansson-dev libmicrohttpd-dev libzip-dev libxml2-dev pkg-config
# Tools the tests need (tidy validates HTML; python3 parses outputs independently).
TESTPKGS := tidy python3 python3-icalendar python3-docx valgrind python3-pandas

CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN    := -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
OPT     ?= -O2 -g
PKGCFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lpthread -lm
CFLAGS  += $(CSTD) $(WARN) $(OPT)

BUILD   ?= build
# The sources live in one folder per pipeline stage (docs/developers.md);
# every folder is on the include path, tests/layering.py keeps includes one-way.
SRCS    := $(sort $(wildcard generator/*/*.c))
HDRS    := $(wildcard generator/*/*.h)
INCS    := $(addprefix -I,$(sort $(dir $(SRCS))))
LIBSRCS := $(filter-out generator/cli/main.c,$(SRCS))
OBJS    := $(SRCS:generator/%.c=$(BUILD)/%.o)
LIBOBJS := $(LIBSRCS:generator/%.c=$(BUILD)/%.o)
UNITS   := $(sort $(wildcard tests/unit/*_test.c))
UNITBINS := $(UNITS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps testdeps site test check asan asan-build valgrind regen clean fuzz bench install

all: roadmap

# Set-up: install what is missing when we are root with apt; otherwise print
# the one command to run.  A stamp keeps later runs quiet and fast.
deps: $(BUILD)/.deps
$(BUILD)/.deps:
	@sh tests/deps.sh $(DEBPKGS)
	@mkdir -p $(BUILD) && touch $@

testdeps: $(BUILD)/.testdeps
$(BUILD)/.testdeps: $(BUILD)/.deps
	@sh tests/deps.sh $(TESTPKGS)
	@touch $@

roadmap: $(BUILD)/.deps $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(PKGLIBS)

$(BUILD)/%.o: generator/%.c $(HDRS) $(BUILD)/.deps
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) $(INCS) $(PKGCFLAGS) -c -o $@ $<

$(BUILD)/tests/%_test: tests/unit/%_test.c tests/unit/t.h $(LIBOBJS)
	@mkdir -p $(dir $@)
	@echo "  TEST    $<"
	@$(CC) $(CFLAGS) $(INCS) $(PKGCFLAGS) -o $@ $< $(LIBOBJS) $(PKGLIBS)

site: roadmap
	./roadmap build -C content -o output

test: roadmap $(UNITBINS) $(BUILD)/.testdeps
	@BUILD=$(BUILD) ROADMAP=./roadmap sh tests/run --quick

# Every suite, then the unit and end-to-end suites again under ASan+UBSan, and
# the demo build under valgrind.
check: roadmap $(UNITBINS) $(BUILD)/.testdeps asan-build
	@BUILD=$(BUILD) ROADMAP=./roadmap ASAN_BUILD=build-asan sh tests/run

ASAN_OPT := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

asan-build: $(BUILD)/.deps
	@$(MAKE) -s BUILD=build-asan OPT="$(ASAN_OPT)" LDFLAGS="-fsanitize=address,undefined" \
	        build-asan/roadmap $(UNITS:tests/unit/%.c=build-asan/tests/%)

build-asan/roadmap: $(OBJS)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(PKGLIBS)

asan: asan-build
	@BUILD=build-asan ROADMAP=build-asan/roadmap sh tests/run --asan-only

valgrind: roadmap $(BUILD)/.testdeps
	@ROADMAP=./roadmap sh tests/valgrind.sh

# Long fuzzing runs of every libFuzzer target (clang); `make check` runs them briefly.
fuzz: roadmap
	sh tests/fuzz/run.sh --long

# Speed (spec/quality.md, docs/performance.md): the synthetic site (500 schools;
# BENCH_SCHOOLS=2000 for more), built fresh and rebuilt unchanged, next to
# `cp -r` of its output and the Hugo twin (Debian package hugo); prints the goals.
BENCHPKGS := hugo
bench: roadmap $(BUILD)/.benchdeps
	@sh bench/run.sh

$(BUILD)/.benchdeps: $(BUILD)/.deps
	@sh tests/deps.sh $(BENCHPKGS) || true
	@touch $@

regen: roadmap
	@ROADMAP=./roadmap sh tests/regress/run --regen

# The program finds its theme beside itself: <prefix>/share/roadmap/themes/default.
PREFIX ?= /usr/local
install: roadmap
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/roadmap/themes
	install -m 755 roadmap $(DESTDIR)$(PREFIX)/bin/roadmap
	rm -rf $(DESTDIR)$(PREFIX)/share/roadmap/themes/default
	cp -R themes/default $(DESTDIR)$(PREFIX)/share/roadmap/themes/default

clean:
	rm -rf build build-asan roadmap output tests/out
