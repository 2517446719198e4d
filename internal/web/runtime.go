package web

import (
	"os"
	"runtime/debug"
)

// Garbage-collector settings for serving. Pages allocate a few tens of KB
// each; collecting less often buys throughput, and the soft memory limit
// keeps the heap well inside the 150 MB RSS budget (DESIGN.md §14).
const (
	gcPercent   = 400
	memoryLimit = 100 << 20
)

// TuneRuntime applies the serving GC settings unless GOGC or GOMEMLIMIT are set.
func TuneRuntime() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
