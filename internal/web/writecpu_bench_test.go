package web

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkWriteCPU measures what a trainee's write costs the process in all:
// the write (Tandai selesai, autosave and Kirim rilis in turn, as in
// BenchmarkProvince's walk with writes) and then that trainee's walk of five
// pages, which read again what the write changed; one request at a time, so
// its cpu-µs/op is steady under other work on the machine. The walk alone
// (no write) is measured beside it.
//
//	go test ./internal/web -run '^$' -bench WriteCPU
//
// BIMTEK_BENCH_USERS sets the number of trainees (default 300).
func BenchmarkWriteCPU(b *testing.B) {
	TuneRuntime()
	n := 300
	if v := os.Getenv("BIMTEK_BENCH_USERS"); v != "" {
		var err error
		if n, err = strconv.Atoi(strings.Split(v, ",")[0]); err != nil || n < 1 {
			b.Fatalf("BIMTEK_BENCH_USERS: %q", v)
		}
	}
	engines := benchEngines()
	for _, e := range engines {
		p := seedProvince(b, e.open(b), n)
		p.warm(b)
		cl := loadClient()
		for _, withWrite := range []bool{false, true} {
			name := e.name + "/walk"
			if withWrite {
				name = e.name + "/write+walk"
			}
			b.Run(name, func(b *testing.B) {
				stop := profileLoad(b)
				b.ResetTimer()
				cpu0 := processCPU()
				for i := 0; i < b.N; i++ {
					u := i % n
					if withWrite {
						if o := p.write(i); !func() bool { _, ok := o.do(cl); return ok }() {
							b.Fatalf("%s failed", o.name)
						}
					}
					for _, pg := range walkPages {
						if _, ok := p.read(u, pg).do(cl); !ok {
							b.Fatalf("%s failed", pg)
						}
					}
				}
				b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
				b.StopTimer()
				stop()
			})
		}
	}
}
