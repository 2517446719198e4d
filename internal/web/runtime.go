package web

import (
	"os"
	"runtime/debug"

	"github.com/bimtek/bimtek/internal/auth"
)

// Garbage-collector settings for serving. Pages allocate 20-70 KB each
// (BenchmarkProvince); between two collections the heap grows by what the
// soft memory limit leaves above the live heap, so the limit is set from
// what stays live: the process's own tables (templates, catalogs, messages,
// rendered pieces: baseHeapBytes), the caches when full (each bounded by its
// estimated bytes, which are above what the copies hold), and room for the
// pages' garbage (gcHeadroomBytes):
//
//	24 MiB base + 8 MiB sessions + 38 MiB progress + 38 MiB Beranda + 4 MiB drafts + 32 MiB room = 144 MiB
//
// With the caches full the collector still has at least 32 MiB to collect
// each cycle (more, as the estimates are above what the copies hold); at
// 5,000 trainees (44 MB live) some 90 MB, and it took 7-25 % of the CPU
// (45-60 % with 100 MiB and the copies of then). Resident memory is the limit
// plus what is not Go's (the binary and SQLite's page caches, some 100 MB in
// the benchmark process): 236 MB at 5,000 trainees against the 250 MB
// budget. GOGC 400 leaves the limit to decide past 28 MB of live heap; below
// it (a small deployment) the heap stays near five times the live one.
const (
	gcPercent       = 400
	baseHeapBytes   = 24 << 20
	gcHeadroomBytes = 32 << 20
	memoryLimit     = baseHeapBytes + auth.SessionCacheBytes + progressCacheBytes + homeCacheBytes + draftCacheBytes + gcHeadroomBytes
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
