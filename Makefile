# bsdemu: run FreeBSD programs on Linux.  See README.md and docs/.
CC      ?= gcc
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter
CPPFLAGS += -Isrc -D_GNU_SOURCE
# Threaded dispatch by tail calls (src/cpu/aarch64/a64_int.h, NEXT); the
# link step proves every one became a jump.  TAILCALL=0 turns it off.
TAILCALL ?= 1
ifeq ($(TAILCALL),1)
TAILCALL_FLAGS := -DBSDEMU_TAILCALL -foptimize-sibling-calls
endif
ALL_CFLAGS = -std=gnu11 $(WARN) $(CFLAGS) $(TAILCALL_FLAGS) $(CPPFLAGS)
LDLIBS  += -lpthread

SRCS    := $(shell find src -name '*.c' | sort)
LIBSRCS := $(filter-out src/main.c,$(SRCS))
OBJS    := $(SRCS:src/%.c=build/obj/%.o)
ASAN_OBJS := $(SRCS:src/%.c=build/asan/obj/%.o)
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

.PHONY: all check check-quick asan clean gen-syscalls fuzz-loader fuzz-syscalls bench run-example example fuzz-cpu check-go check-stress

all: build/bsdemu

build/bsdemu: $(OBJS) tools/check-tailcalls.sh
	$(CC) $(CFLAGS) -o $@ $(OBJS) $(LDLIBS)
ifeq ($(TAILCALL),1)
	@tools/check-tailcalls.sh $@ || { rm -f $@; echo "build with TAILCALL=0 or fix the handlers named above" >&2; exit 1; }
endif

build/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# Sanitizer build of the same sources: the test suite runs guests under it too.
asan: build/asan/bsdemu
build/asan/bsdemu: $(ASAN_OBJS)
	$(CC) $(ASAN_FLAGS) -o $@ $^ $(LDLIBS)

build/asan/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 $(WARN) $(ASAN_FLAGS) $(CPPFLAGS) -MMD -MP -c -o $@ $<

# Regenerate the syscall table from FreeBSD's syscalls.master.
SYSCALLS_MASTER ?= ../shared/freebsd-abi/syscalls.master
gen-syscalls:
	python3 tools/gensyscalls.py $(SYSCALLS_MASTER) src/os/freebsd

# Every test; ends with "N passed, N failed".  Installs missing test tools.
check: build/bsdemu build/asan/bsdemu
	@tests/deps.sh
	tests/run.sh

# The same without the sanitizer runs (quicker while developing).
check-quick: build/bsdemu
	@tests/deps.sh
	tests/run.sh --no-asan

# Go's standard-library tests, the slow packages too (compress/gzip, runtime).
check-go: build/bsdemu
	@tests/deps.sh
	GOSTD_ALL=1 tests/run.sh --no-asan gostd

# 200 consecutive runs of a multi-threaded Go program (channels, timers,
# signals, preemption): no hang, no crash, right output.
check-stress: build/bsdemu
	@tests/deps.sh
	GO_STRESS=1 tests/run.sh --no-asan gostress

# The README's first command: a bundled FreeBSD/aarch64 program under bsdemu.
run-example: build/bsdemu
	build/bsdemu examples/hello-freebsd-arm64 from the README

# Rebuild that bundled program from examples/hello.c (needs clang and lld).
example:
	@tests/deps.sh
	$(MAKE) -f tests/guest/Makefile example

# Differential CPU test against qemu-aarch64 with SEEDS random seeds per class.
SEEDS ?= 5
fuzz-cpu: build/bsdemu
	tests/difftest/run.sh --random $(SEEDS)

# Interpreter speed next to qemu-aarch64 (appends to docs/performance.md).
bench: build/bsdemu
	bench/run.sh

# Random system calls under the sanitizer build, in a sandbox (root).
SYSFUZZ_SEEDS ?= 100
fuzz-syscalls: build/asan/bsdemu
	tests/fuzz/syscalls.sh $(SYSFUZZ_SEEDS)

# Coverage-guided fuzzing of the ELF parser (libFuzzer; FUZZ_SECONDS=60).
FUZZ_SECONDS ?= 60
fuzz-loader:
	@mkdir -p build/fuzz/corpus
	@tests/deps.sh
	@dpkg -s libclang-rt-14-dev >/dev/null 2>&1 || apt-get install -y -q libclang-rt-14-dev
	@[ -d build/tests/loader-corpus ] || tests/loader/run.sh >/dev/null
	-cp build/tests/loader-corpus/* build/fuzz/corpus/ 2>/dev/null
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-std=gnu11 -Isrc -D_GNU_SOURCE tests/fuzz/fuzz_elf.c src/loader/elf.c -o build/fuzz/fuzz_elf
	build/fuzz/fuzz_elf -max_total_time=$(FUZZ_SECONDS) -max_len=8192 build/fuzz/corpus

clean:
	rm -rf build

-include $(OBJS:.o=.d) $(ASAN_OBJS:.o=.d)
