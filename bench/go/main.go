// Go workloads for `make bench`: one program, the workload named by
// argv[1], its size multiplier (SCALE) as argv[2].  Built three ways
// (freebsd/arm64 for bsdemu, linux/arm64 for qemu-aarch64, linux/amd64
// native); each workload ends by printing "checksum <16 hex digits>",
// which must be the same for all three.  Integer and byte work only: Go
// may fuse x*y+z into one instruction on arm64 and not on amd64, so the
// floating-point workloads are in C (bench/c).
package main

import (
	"fmt"
	"os"
	"strconv"
)

var workloads = map[string]func(scale int) uint64{
	"go-hashsort": hashSort,
	"go-map":      mapWork,
	"go-flate":    flateWork,
	"go-copy":     copyWork,
	"go-crc32":    crc32Work,
	"go-sha256":   sha256Work,
	"go-aes":      aesWork,
	"go-syscall":  syscallWork,
}

func main() {
	if len(os.Args) < 2 || workloads[os.Args[1]] == nil {
		fmt.Fprintln(os.Stderr, "usage: gobench WORKLOAD [SCALE]; workloads:")
		for k := range workloads {
			fmt.Fprintln(os.Stderr, " ", k)
		}
		os.Exit(2)
	}
	scale := 1
	if len(os.Args) > 2 {
		n, err := strconv.Atoi(os.Args[2])
		if err != nil || n < 1 {
			fmt.Fprintln(os.Stderr, "bad scale", os.Args[2])
			os.Exit(2)
		}
		scale = n
	}
	fmt.Printf("checksum %016x\n", workloads[os.Args[1]](scale))
}

// mix folds v into the running checksum h (FNV-style multiply, then a shift
// so that every bit of v reaches the top and bottom of h).
func mix(h, v uint64) uint64 {
	h ^= v
	h *= 0x100000001b3
	return h ^ h>>29
}

// xorshift64: deterministic input data without math/rand.
type rng uint64

func (r *rng) next() uint64 {
	x := uint64(*r)
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	*r = rng(x)
	return x
}

// text returns n bytes of word-like, compressible data.
func text(r *rng, n int) []byte {
	words := []string{"the", "emulator", "FreeBSD", "syscall", "page", "of",
		"register", "guest", "host", "and", "signal", "thread", "a", "to",
		"interpreter", "benchmark", "aarch64", "memory", "is", "fast"}
	b := make([]byte, 0, n+16)
	for len(b) < n {
		x := r.next()
		b = append(b, words[x%uint64(len(words))]...)
		switch x >> 60 {
		case 0:
			b = append(b, '.', '\n')
		case 1:
			b = append(b, ',', ' ')
		default:
			b = append(b, ' ')
		}
		if x>>56&0xf == 3 {
			b = strconv.AppendUint(b, x>>40&0xffff, 10)
		}
	}
	return b[:n]
}
