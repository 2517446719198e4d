package web

import (
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkWriteCPU measures what a trainee's write costs in all: the write
// and then that trainee's walk of five pages, which read again what the write
// changed; one request at a time, so its cpu-µs/op is steady under other work
// on the machine. The walk alone (no write) is measured beside it, then the
// writes in turn (Tandai selesai, autosave and Kirim rilis, as in
// BenchmarkProvince's walk with writes), then each kind alone (a release is
// sent once per trainee, so kirim+walk runs at most the number of trainees
// not yet sent; its cost includes the practice page read for the lock
// version), and last "checked+walk": "Periksa", the page that grades the
// text, then the send of that text, and "selesai-next+walk": Tandai selesai
// followed, as a browser does, by the page it leads to (the next item, not
// yet opened; each trainee once). On PostgreSQL pg-cpu-µs/op is the CPU time of the database
// server's processes for the test database, which run on the same cores.
//
//	go test ./internal/web -run '^$' -bench WriteCPU -benchtime 100x
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
		db := e.open(b)
		p := seedProvince(b, db, n)
		p.warm(b)
		pgb := newPGBackends(b, db)
		cl := loadClient()
		unsent := 0 // the next trainee who may still send
		for _, kind := range []string{"", "mixed", "selesai", "autosave", "kirim", "checked", "selesai-next"} {
			name := e.name + "/walk"
			if kind != "" {
				name = e.name + "/" + kind + "+walk"
			}
			b.Run(name, func(b *testing.B) {
				stop := profileLoad(b)
				b.ResetTimer()
				var pg0 map[int]time.Duration
				if pgb != nil {
					pg0 = pgb.cpu()
				}
				cpu0 := processCPU()
				for i := 0; i < b.N; i++ {
					u := i % n
					var o op
					switch kind {
					case "":
					case "mixed":
						o = p.write(i)
					case "kirim", "checked":
						for unsent < n && !p.sent[unsent].CompareAndSwap(false, true) {
							unsent++
						}
						if unsent == n {
							b.Fatalf("every trainee has sent a release: run fewer (-benchtime) or seed more (BIMTEK_BENCH_USERS)")
						}
						u = unsent
						if kind == "checked" { // "Periksa", the page that grades, then the send
							for _, c := range []op{p.writeOf("periksa", u, i), {name: "checked", req: mustRequest(http.MethodGet, p.practice+"?periksa=1", p.cookies[u], nil)}} {
								if _, ok := c.do(cl); !ok {
									b.Fatalf("%s failed", c.name)
								}
							}
						}
						o = p.writeOf("kirim", u, i)
					case "autosave": // a sent release takes no draft
						for j := 0; j < n && p.sent[u].Load(); j++ {
							u = (u + 1) % n
						}
						o = p.writeOf(kind, u, i)
					default:
						o = p.writeOf(kind, u, i)
					}
					if kind == "selesai-next" { // as a browser: the page the redirect opens
						o = p.writeOf("selesai", u, i)
						res, err := cl.Do(o.req)
						if err != nil || res.StatusCode != http.StatusSeeOther {
							b.Fatalf("selesai failed: %v", err)
						}
						res.Body.Close()
						next := op{name: "next", req: mustRequest(http.MethodGet, p.f.ts.URL+res.Header.Get("Location"), p.cookies[u], nil)}
						if _, ok := next.do(cl); !ok {
							b.Fatalf("the page after selesai failed")
						}
						o.req = nil
					}
					if o.req != nil {
						if _, ok := o.do(cl); !ok {
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
				if pgb != nil {
					b.ReportMetric(float64(pgb.since(pg0).Microseconds())/float64(b.N), "pg-cpu-µs/op")
				}
				b.StopTimer()
				stop()
			})
		}
	}
}
