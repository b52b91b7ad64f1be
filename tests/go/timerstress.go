// Timer stress: many goroutines sleeping 1..5 ms, waiting on time.After,
// stopping and resetting timers and handing values over channels while
// collections run, with GOMAXPROCS 2 and then 8 (SECONDS each, default 1);
// then a quiet phase shaped like runtime's TestShrinkStackDuringBlockedSend:
// one goroutine doing Sleep(1ms) + runtime.GC() ROUNDS times (default 300)
// with no other near timer pending.  There a lost wake-up of the
// netpoller (the timer's netpollBreak taken by the non-blocking netpoll
// that ends each stop-the-world) leaves the sleeper asleep until some far
// timer fires, or for good.  The watchdog sleeps with nanosleep(2) itself,
// not on a Go timer: no progress for 5 s prints every goroutine and fails.
//
// Usage: timerstress [SECONDS [ROUNDS]]
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

var progress int64 // rounds finished, all goroutines together

func fail(format string, a ...interface{}) {
	fmt.Printf("timerstress: FAIL "+format+"\n", a...)
	os.Exit(1)
}

func sleeper(id int, stop *int32, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; atomic.LoadInt32(stop) == 0; i++ {
		d := time.Duration(1+(id+i)%5) * time.Millisecond
		start := time.Now()
		time.Sleep(d)
		if e := time.Since(start); e < d {
			fail("Sleep(%v) returned after %v", d, e)
		}
		atomic.AddInt64(&progress, 1)
	}
}

func afterer(id int, stop *int32, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; atomic.LoadInt32(stop) == 0; i++ {
		d := time.Duration(1+(id*3+i)%5) * time.Millisecond
		start := time.Now()
		<-time.After(d)
		if e := time.Since(start); e < d {
			fail("After(%v) fired after %v", d, e)
		}
		atomic.AddInt64(&progress, 1)
	}
}

// A timer stopped before it fires, then reset to a short time.
func resetter(id int, stop *int32, wg *sync.WaitGroup) {
	defer wg.Done()
	t := time.NewTimer(time.Hour)
	for i := 0; atomic.LoadInt32(stop) == 0; i++ {
		if !t.Stop() {
			<-t.C
		}
		d := time.Duration(1+(id+i)%3) * time.Millisecond
		t.Reset(d)
		if i%4 == 0 { // stop again before it fires, and re-arm
			if t.Stop() {
				t.Reset(d)
			} else {
				<-t.C
				t.Reset(d)
			}
		}
		<-t.C
		t.Reset(time.Hour)
		atomic.AddInt64(&progress, 1)
	}
	t.Stop()
}

// A ping-pong pair where each side sleeps a little before answering.
func pinger(id int, stop *int32, wg *sync.WaitGroup) {
	defer wg.Done()
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			time.Sleep(time.Millisecond)
			pong <- v + 1
		}
		close(pong)
	}()
	for i := 0; atomic.LoadInt32(stop) == 0; i++ {
		ping <- i
		select {
		case v := <-pong:
			if v != i+1 {
				fail("pong %d, want %d", v, i+1)
			}
		case <-time.After(10 * time.Second):
			fail("no pong in 10s")
		}
		atomic.AddInt64(&progress, 1)
	}
	close(ping)
	for range pong {
	}
}

// Garbage and collections: every stop-the-world ends with a non-blocking
// netpoll, which races with the blocking one on another M.
func collector(stop *int32, wg *sync.WaitGroup) {
	defer wg.Done()
	var keep [][]byte
	for i := 0; atomic.LoadInt32(stop) == 0; i++ {
		keep = append(keep, make([]byte, 4096))
		if len(keep) > 64 {
			keep = keep[:0]
		}
		if i%16 == 0 {
			runtime.GC()
			time.Sleep(time.Millisecond)
		}
	}
}

func run(procs int, secs float64) int64 {
	runtime.GOMAXPROCS(procs)
	var stop int32
	var wg sync.WaitGroup
	before := atomic.LoadInt64(&progress)
	wg.Add(1)
	go collector(&stop, &wg)
	for i := 0; i < 16; i++ {
		wg.Add(4)
		go sleeper(i, &stop, &wg)
		go afterer(i, &stop, &wg)
		go resetter(i, &stop, &wg)
		go pinger(i, &stop, &wg)
	}
	time.Sleep(time.Duration(secs * float64(time.Second)))
	atomic.StoreInt32(&stop, 1)
	wg.Wait()
	return atomic.LoadInt64(&progress) - before
}

// Sender and receiver as in TestShrinkStackDuringBlockedSend.
func quiet(procs, rounds int) {
	runtime.GOMAXPROCS(procs)
	c := make(chan int)
	done := make(chan bool)
	go func() {
		for i := 0; i < rounds; i++ {
			c <- i
		}
		done <- true
	}()
	for i := 0; i < rounds; i++ {
		if x := <-c; x != i {
			fail("quiet: got %d, want %d", x, i)
		}
		time.Sleep(time.Millisecond)
		runtime.GC()
		atomic.AddInt64(&progress, 1)
	}
	<-done
}

func watchdog() {
	last, still := int64(-1), 0
	for {
		ts := syscall.Timespec{Nsec: 100 * 1000 * 1000}
		for syscall.Nanosleep(&ts, &ts) == syscall.EINTR {
		}
		if p := atomic.LoadInt64(&progress); p != last {
			last, still = p, 0
		} else if still++; still >= 50 {
			buf := make([]byte, 1<<20)
			n := runtime.Stack(buf, true)
			os.Stdout.Write(buf[:n])
			fail("no progress for 5s")
		}
	}
}

func main() {
	secs, rounds := 1.0, 300
	if len(os.Args) > 1 {
		v, err := strconv.ParseFloat(os.Args[1], 64)
		if err != nil || v < 0 {
			fail("bad duration %q", os.Args[1])
		}
		secs = v
	}
	if len(os.Args) > 2 {
		v, err := strconv.Atoi(os.Args[2])
		if err != nil || v < 0 {
			fail("bad round count %q", os.Args[2])
		}
		rounds = v
	}
	go watchdog()
	if secs > 0 {
		if n := run(2, secs); n == 0 {
			fail("no rounds with GOMAXPROCS 2")
		}
		if n := run(8, secs); n == 0 {
			fail("no rounds with GOMAXPROCS 8")
		}
	}
	quiet(2, rounds)
	quiet(8, rounds/4)
	fmt.Printf("timerstress: ok\n")
}
