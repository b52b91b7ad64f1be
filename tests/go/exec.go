// exec.go: os/exec from a FreeBSD Go program: itself as a FreeBSD child
// (runs under bsdemu again) and /bin/echo (a host program).
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "child" {
		fmt.Printf("child says %s\n", strings.Join(os.Args[2:], "+"))
		os.Exit(3)
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Println("Executable:", err)
		os.Exit(1)
	}
	out, err := exec.Command(self, "child", "a", "b c").Output()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 3 || string(out) != "child says a+b c\n" {
		fmt.Printf("FreeBSD child: out %q err %v\n", out, err)
		os.Exit(1)
	}
	out, err = exec.Command("/bin/echo", "host", "echo").Output()
	if err != nil || string(out) != "host echo\n" {
		fmt.Printf("/bin/echo: out %q err %v\n", out, err)
		os.Exit(1)
	}
	if err := exec.Command("/no/such/program").Run(); err == nil {
		fmt.Println("missing program ran")
		os.Exit(1)
	}
	fmt.Println("exec: ok")
}
