// 1,000 goroutines in a ring pass messages around; GOMAXPROCS comes from the
// first argument (tests/go/run.sh runs it with 1, 2 and 8).
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
)

func main() {
	procs, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Println("usage: msgpass GOMAXPROCS")
		os.Exit(2)
	}
	runtime.GOMAXPROCS(procs)
	const n, rounds = 1000, 20
	chans := make([]chan int, n+1)
	for i := range chans {
		chans[i] = make(chan int)
	}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(in <-chan int, out chan<- int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				out <- <-in + 1
			}
		}(chans[i], chans[i+1])
	}
	total := 0
	for r := 0; r < rounds; r++ {
		chans[0] <- r
		total += <-chans[n]
	}
	wg.Wait()
	// Each round's token comes back incremented once per goroutine.
	fmt.Printf("msgpass: procs=%d goroutines=%d total=%d\n", runtime.GOMAXPROCS(0), n, total)
}
