// os/signal.Notify receives SIGUSR1 and SIGINFO (FreeBSD's signal 29) sent
// to the process itself with syscall.Kill; an ignored SIGUSR2 is not
// delivered, and signal.Stop/Reset work.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func want(c chan os.Signal, sig syscall.Signal) {
	select {
	case s := <-c:
		if s != sig {
			fmt.Printf("signals: FAIL got %v, want %v\n", s, sig)
			os.Exit(1)
		}
	case <-time.After(10 * time.Second):
		fmt.Printf("signals: FAIL %v not delivered\n", sig)
		os.Exit(1)
	}
}

func main() {
	if syscall.SIGINFO != 29 || syscall.SIGUSR1 != 30 {
		fmt.Println("signals: FAIL not FreeBSD signal numbers")
		os.Exit(1)
	}
	c := make(chan os.Signal, 4)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGINFO)
	signal.Ignore(syscall.SIGUSR2)
	pid := os.Getpid()
	for i := 0; i < 3; i++ {
		if err := syscall.Kill(pid, syscall.SIGUSR1); err != nil {
			fmt.Println("signals: FAIL kill:", err)
			os.Exit(1)
		}
		want(c, syscall.SIGUSR1)
		syscall.Kill(pid, syscall.SIGINFO)
		want(c, syscall.SIGINFO)
	}
	syscall.Kill(pid, syscall.SIGUSR2)
	select {
	case s := <-c:
		fmt.Println("signals: FAIL unexpected", s)
		os.Exit(1)
	case <-time.After(50 * time.Millisecond):
	}
	// After Stop, SIGINFO goes back to its default action: ignored.
	signal.Stop(c)
	signal.Reset(syscall.SIGINFO)
	syscall.Kill(pid, syscall.SIGINFO)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("signals: ok SIGUSR1 SIGINFO")
}
