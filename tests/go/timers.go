// Timers and tickers: time.Sleep, time.After, time.NewTimer with Stop and
// Reset, time.AfterFunc and time.NewTicker, checked against the clock.
package main

import (
	"fmt"
	"os"
	"sync/atomic"
	"time"
)

func fail(format string, a ...interface{}) {
	fmt.Printf("timers: FAIL "+format+"\n", a...)
	os.Exit(1)
}

func main() {
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	if d := time.Since(start); d < 20*time.Millisecond {
		fail("Sleep(20ms) returned after %v", d)
	}

	start = time.Now()
	<-time.After(30 * time.Millisecond)
	if d := time.Since(start); d < 30*time.Millisecond {
		fail("After(30ms) fired after %v", d)
	}

	// A stopped timer never fires; a reset one fires once, late enough.
	t := time.NewTimer(time.Hour)
	if !t.Stop() {
		fail("Stop of a pending timer returned false")
	}
	start = time.Now()
	t.Reset(25 * time.Millisecond)
	<-t.C
	if d := time.Since(start); d < 25*time.Millisecond {
		fail("Reset(25ms) fired after %v", d)
	}
	select {
	case <-t.C:
		fail("timer fired twice")
	case <-time.After(50 * time.Millisecond):
	}

	var fired int32
	done := make(chan struct{})
	time.AfterFunc(10*time.Millisecond, func() {
		atomic.AddInt32(&fired, 1)
		close(done)
	})
	<-done

	// Ticks: 10 ticks of 10ms take at least 100ms.
	start = time.Now()
	tk := time.NewTicker(10 * time.Millisecond)
	ticks := 0
	for range tk.C {
		ticks++
		if ticks == 10 {
			break
		}
	}
	tk.Stop()
	if d := time.Since(start); d < 100*time.Millisecond {
		fail("10 ticks of 10ms in %v", d)
	}

	// Many concurrent timers all fire.
	const n = 500
	ch := make(chan int, n)
	for i := 0; i < n; i++ {
		i := i
		time.AfterFunc(time.Duration(i%50)*time.Millisecond, func() { ch <- i })
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-ch
	}
	fmt.Printf("timers: ok afterfunc=%d ticks=%d timers=%d sum=%d\n", atomic.LoadInt32(&fired), ticks, n, sum)
}
