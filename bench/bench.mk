# Builds the benchmark programs into build/bench/ (incrementally); run.sh
# runs `make -f bench/bench.mk`.  Three builds of every workload:
#   *-freebsd  FreeBSD/aarch64, run under bsdemu
#   *-linux    Linux/aarch64, run under qemu-aarch64
#   *-native   Linux/x86-64, run directly
B       := build/bench
GOSRC   := $(wildcard bench/go/*.go) bench/go/go.mod
CWORK   := c-sorthash c-matmul c-nbody c-fft c-syscall
# workload name -> source file
src_c-sorthash := int_sorthash
src_c-matmul   := fp_matmul
src_c-nbody    := fp_nbody
src_c-fft      := fp_fft
src_c-syscall  := sys_pipe
src_hwcap      := hwcap

LIB     := tests/guest/lib
GCF     := -O2 -nostdlib -ffreestanding -static -fno-stack-protector -fno-pic \
	-fuse-ld=lld -Wl,--build-id=none -ffp-contract=off -Wall -Werror \
	-I$(LIB) -Isrc
FBSD_CC := clang --target=aarch64-unknown-freebsd14.0 $(GCF)
LNX_CC  := clang --target=aarch64-linux-gnu $(GCF) -DT_LINUX_TEST
NAT_CC  := gcc -std=gnu11 -O2 -ffp-contract=off -Wall -Werror -Ibench/c/host
CDEPS   := bench/c/bench.h $(LIB)/t.h $(LIB)/t.c
GOENV   := CGO_ENABLED=0 GOCACHE=$(CURDIR)/build/go-cache

ALL := $(B)/timeit $(B)/intloop-freebsd $(B)/intloop-linux \
	$(B)/hwcap-freebsd $(B)/hwcap-linux \
	$(foreach w,$(CWORK),$(B)/$(w)-freebsd $(B)/$(w)-linux $(B)/$(w)-native) \
	$(B)/gobench-freebsd $(B)/gobench-linux $(B)/gobench-native

.PHONY: all
.DELETE_ON_ERROR:
all: $(ALL)

$(B)/timeit: bench/timeit.c
	@mkdir -p $(B)
	gcc -std=gnu11 -O2 -Wall -Werror -o $@ $<

INTLOOP_LD := clang -nostdlib -static -fuse-ld=lld -Wl,--build-id=none
$(B)/intloop-freebsd: bench/intloop.S
	$(INTLOOP_LD) --target=aarch64-unknown-freebsd14.0 -o $@ $<
$(B)/intloop-linux: bench/intloop.S
	$(INTLOOP_LD) --target=aarch64-linux-gnu -DLINUX -o $@ $<

.SECONDEXPANSION:
$(B)/%-freebsd: bench/c/$$(src_$$*).c $(CDEPS)
	$(FBSD_CC) -o $@ $< $(LIB)/t.c
$(B)/%-linux: bench/c/$$(src_$$*).c $(CDEPS)
	$(LNX_CC) -o $@ $< $(LIB)/t.c
$(B)/%-native: bench/c/$$(src_$$*).c bench/c/bench.h bench/c/host/t.h bench/c/host/shim.c
	$(NAT_CC) -o $@ $< bench/c/host/shim.c

$(B)/gobench-freebsd: $(GOSRC)
	cd bench/go && $(GOENV) GOOS=freebsd GOARCH=arm64 go build -o $(CURDIR)/$@ .
$(B)/gobench-linux: $(GOSRC)
	cd bench/go && $(GOENV) GOOS=linux GOARCH=arm64 go build -o $(CURDIR)/$@ .
$(B)/gobench-native: $(GOSRC)
	cd bench/go && $(GOENV) GOOS=linux GOARCH=amd64 go build -o $(CURDIR)/$@ .
