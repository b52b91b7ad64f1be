package main

import "syscall"

// go-syscall: write(2) + read(2) of 64 bytes on a pipe through package
// syscall (no poller), and 64-byte writes to /dev/null.
func syscallWork(scale int) uint64 {
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		panic(err)
	}
	null, err := syscall.Open("/dev/null", syscall.O_WRONLY, 0)
	if err != nil {
		panic(err)
	}
	out := make([]byte, 64)
	in := make([]byte, 64)
	var h uint64
	for i := 0; i < 800000*scale; i++ {
		out[i&63] ^= byte(i)
		if n, err := syscall.Write(p[1], out); n != 64 || err != nil {
			panic(err)
		}
		if n, err := syscall.Read(p[0], in); n != 64 || err != nil {
			panic(err)
		}
		if n, err := syscall.Write(null, in); n != 64 || err != nil {
			panic(err)
		}
		h = mix(h, uint64(in[(i*7)&63]))
	}
	return h
}
