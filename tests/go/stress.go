// A multi-threaded Go program exercising channels, timers, signals and
// preemption at once; tests/gostress/run.sh runs it many times in a row and
// each run must print the same line.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

var sink uint64

//go:noinline
func spin(stop *int32) uint64 {
	x := uint64(7)
	for atomic.LoadInt32(stop) == 0 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

func main() {
	runtime.GOMAXPROCS(4)
	var stop int32
	var spinners sync.WaitGroup
	// Spinners occupy Ps; the rest only progresses through preemption.
	for i := 0; i < 3; i++ {
		spinners.Add(1)
		go func() {
			defer spinners.Done()
			atomic.AddUint64(&sink, spin(&stop))
		}()
	}

	// A pipeline of channel stages.
	const stages, items = 50, 2000
	first := make(chan int, 8)
	in := first
	for s := 0; s < stages; s++ {
		out := make(chan int, 8)
		go func(in <-chan int, out chan<- int) {
			for v := range in {
				out <- v + 1
			}
			close(out)
		}(in, out)
		in = out
	}
	go func() {
		for i := 0; i < items; i++ {
			first <- i
		}
		close(first)
	}()

	// Timers firing while the pipeline runs.
	var fired int32
	var timers sync.WaitGroup
	for i := 0; i < 100; i++ {
		timers.Add(1)
		time.AfterFunc(time.Duration(i%20)*time.Millisecond, func() {
			atomic.AddInt32(&fired, 1)
			timers.Done()
		})
	}

	// Signals to ourselves while all of that happens.
	sigs := make(chan os.Signal, 16)
	signal.Notify(sigs, syscall.SIGUSR1)
	var got int32
	sigDone := make(chan struct{})
	go func() {
		for range sigs {
			if atomic.AddInt32(&got, 1) == 5 {
				close(sigDone)
			}
		}
	}()
	go func() {
		for i := 0; i < 5; i++ {
			syscall.Kill(os.Getpid(), syscall.SIGUSR1)
			// Wait until this one arrived: signals of one kind coalesce.
			for atomic.LoadInt32(&got) <= int32(i) {
				time.Sleep(time.Millisecond)
			}
		}
	}()

	sum := 0
	for v := range in {
		sum += v
	}
	timers.Wait()
	select {
	case <-sigDone:
	case <-time.After(30 * time.Second):
		fmt.Println("stress: FAIL signals lost:", atomic.LoadInt32(&got))
		os.Exit(1)
	}
	atomic.StoreInt32(&stop, 1)
	spinners.Wait()
	fmt.Printf("stress: ok sum=%d timers=%d signals=%d\n", sum, atomic.LoadInt32(&fired), atomic.LoadInt32(&got))
}
