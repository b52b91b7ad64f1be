// A Go 1.19 hello world, built for freebsd/arm64 by tests/go/run.sh.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Printf("hello from Go on FreeBSD/arm64 (%d args)\n", len(os.Args)-1)
}
