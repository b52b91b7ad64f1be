// A GC-heavy allocation loop: many short-lived objects, linked structures
// kept alive across collections, finalizers, and goroutines allocating at
// the same time.  Checks the surviving data and that the GC ran.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
)

type tree struct {
	left, right *tree
	val         int
}

func build(depth, val int) *tree {
	if depth == 0 {
		return &tree{val: val}
	}
	return &tree{build(depth-1, 2*val), build(depth-1, 2*val+1), val}
}

func (t *tree) sum() int {
	if t == nil {
		return 0
	}
	return t.val + t.left.sum() + t.right.sum()
}

func main() {
	runtime.GOMAXPROCS(4)
	keep := build(14, 1)
	want := keep.sum()
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			s := 0
			for i := 0; i < 200; i++ {
				t := build(10, i)
				b := make([]byte, 64<<10)
				b[len(b)-1] = byte(i)
				s += t.sum() % 1000 + int(b[len(b)-1])
			}
			mu.Lock()
			total += s
			mu.Unlock()
		}(g)
	}
	var finalized sync.WaitGroup
	finalized.Add(1)
	func() {
		x := &tree{val: 42}
		runtime.SetFinalizer(x, func(*tree) { finalized.Done() })
	}()
	wg.Wait()
	runtime.GC()
	runtime.GC()
	finalized.Wait()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if keep.sum() != want {
		fmt.Println("gcheavy: FAIL live tree corrupted")
		os.Exit(1)
	}
	if ms.NumGC < 5 {
		fmt.Println("gcheavy: FAIL only", ms.NumGC, "collections")
		os.Exit(1)
	}
	fmt.Printf("gcheavy: ok tree=%d total=%d gc>=5\n", want, total)
}
