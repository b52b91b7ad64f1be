// recover() from runtime panics raised by hardware faults and bounds
// checks: a nil-pointer dereference (a guest SIGSEGV turned into a panic by
// the Go runtime's signal handler) and an out-of-range index.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
)

type node struct {
	next *node
	val  int
}

//go:noinline
func deref(p *node) int { return p.val + p.next.val }

//go:noinline
func index(s []int, i int) int { return s[i] }

func try(name string, f func()) (msg string) {
	defer func() {
		r := recover()
		if r == nil {
			msg = name + ": no panic"
			return
		}
		if _, ok := r.(runtime.Error); !ok {
			msg = fmt.Sprintf("%s: not a runtime.Error: %v", name, r)
			return
		}
		msg = fmt.Sprint(r)
	}()
	f()
	return "unreachable"
}

func main() {
	a := try("nil", func() { deref(&node{val: 1}) })
	if !strings.Contains(a, "nil pointer dereference") {
		fmt.Println("recover: FAIL", a)
		os.Exit(1)
	}
	b := try("index", func() { index([]int{1, 2, 3}, 6) })
	if !strings.Contains(b, "index out of range [6] with length 3") {
		fmt.Println("recover: FAIL", b)
		os.Exit(1)
	}
	// The program goes on normally after both, including more faults.
	n := 0
	for i := 0; i < 100; i++ {
		if strings.Contains(try("nil", func() { deref(nil) }), "nil pointer") {
			n++
		}
	}
	fmt.Printf("recover: ok nil=%q index=%q again=%d\n", a, b, n)
}
