// pipes: Go's netpoller (kqueue + FreeBSD 11 kevent) with time.Sleep and
// goroutines blocked reading an os.Pipe until another goroutine writes.
package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println("pipe:", err)
		os.Exit(1)
	}
	got := make(chan string)
	go func() {
		buf := make([]byte, 64)
		total := ""
		for {
			n, err := r.Read(buf)
			total += string(buf[:n])
			if err == io.EOF {
				break
			}
			if err != nil {
				total += " error: " + err.Error()
				break
			}
		}
		got <- total
	}()
	start := time.Now()
	for i := 0; i < 3; i++ {
		time.Sleep(20 * time.Millisecond)
		fmt.Fprintf(w, "msg%d;", i)
	}
	w.Close()
	s := <-got
	// A read deadline on an idle pipe: the netpoller's timer path.
	r2, w2, _ := os.Pipe()
	r2.SetReadDeadline(time.Now().Add(30 * time.Millisecond))
	_, derr := r2.Read(make([]byte, 1))
	w2.Close()
	el := time.Since(start)
	fmt.Printf("pipes: %s deadline=%v slept=%v\n", s, os.IsTimeout(derr), el >= 60*time.Millisecond)
}
