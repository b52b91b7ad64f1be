// os.Executable (sysctl kern.proc.pathname) returns the guest program's
// absolute path; the test passes that path as the first argument.
package main

import (
	"fmt"
	"os"
)

func main() {
	p, err := os.Executable()
	if err != nil {
		fmt.Println("executable: FAIL", err)
		os.Exit(1)
	}
	if len(os.Args) > 1 && p != os.Args[1] {
		fmt.Printf("executable: FAIL got %q want %q\n", p, os.Args[1])
		os.Exit(1)
	}
	fmt.Printf("executable: ok %s\n", p)
}
