// Goroutines on several threads: a sync.WaitGroup, channels, a mutex and
// runtime.Gosched, built for freebsd/arm64 by tests/go/run.sh.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(4)
	const workers, jobs = 8, 2000
	in := make(chan int)
	out := make(chan int, 16)
	var wg sync.WaitGroup
	var mu sync.Mutex
	count := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				mu.Lock()
				count++
				mu.Unlock()
				if j%100 == 0 {
					runtime.Gosched()
				}
				out <- j * 2
			}
		}()
	}
	go func() {
		for j := 1; j <= jobs; j++ {
			in <- j
		}
		close(in)
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	sum := 0
	for v := range out {
		sum += v
	}
	fmt.Printf("goroutines: count=%d sum=%d\n", count, sum)
}
