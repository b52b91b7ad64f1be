// Asynchronous preemption: with GOMAXPROCS(1), a goroutine spinning in a
// loop without function calls (no cooperative preemption point) must be
// preempted by the runtime (sysmon sends SIGURG to the thread) so that the
// main goroutine can run again and finish.
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

var sink uint64

//go:noinline
func spin(stop *uint32) uint64 {
	var x uint64 = 1
	for *stop == 0 {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

func main() {
	runtime.GOMAXPROCS(1)
	var stop uint32
	started := make(chan struct{})
	go func() {
		close(started)
		sink = spin(&stop)
	}()
	<-started
	// The spinning goroutine now holds the only P.  Sleeping hands it the
	// P; only an asynchronous preemption gives it back.
	start := time.Now()
	time.Sleep(10 * time.Millisecond)
	d := time.Since(start)
	stop = 1
	if d > 20*time.Second {
		fmt.Println("preempt: FAIL main goroutine ran again only after", d)
		os.Exit(1)
	}
	runtime.GC() // a stop-the-world also needs the spinner preempted
	fmt.Println("preempt: ok")
}
