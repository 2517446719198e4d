package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/testkit"
)

// BenchmarkTraineePageCPU measures the server's own work for each trainee
// page, without the network and the client: the province's trainees seeded
// and warmed as in BenchmarkProvince, then each request, one at a time, the
// next trainee's page through the whole handler (middleware included). Its
// ns/op is the server's CPU per view, far steadier than the loaded run's
// under other work on the machine; cpu-µs/op is the process's CPU time per
// view, the collector's included. BIMTEK_BENCH_PROFILE=dir writes a CPU
// profile of each page's loop.
//
//	go test ./internal/web -run '^$' -bench TraineePageCPU -benchmem
//
// BIMTEK_BENCH_USERS sets the number of trainees (default 200);
// BIMTEK_BENCH_ENGINE=postgres measures on PostgreSQL (BIMTEK_TEST_POSTGRES_URL).
func BenchmarkTraineePageCPU(b *testing.B) {
	TuneRuntime()
	n := 200
	if v := os.Getenv("BIMTEK_BENCH_USERS"); v != "" {
		var err error
		if n, err = strconv.Atoi(strings.Split(v, ",")[0]); err != nil || n < 1 {
			b.Fatalf("BIMTEK_BENCH_USERS: %q", v)
		}
	}
	open := testkit.SQLite
	switch e := os.Getenv("BIMTEK_BENCH_ENGINE"); e {
	case "", "sqlite":
	case "postgres":
		open = testkit.Postgres
	default:
		b.Fatalf("BIMTEK_BENCH_ENGINE: %q (sqlite or postgres)", e)
	}
	p := seedProvince(b, open(b), n)
	p.warm(b)
	h := p.f.srv.Handler()
	for _, pg := range walkPages {
		target := strings.TrimPrefix(p.urls[pg], p.f.ts.URL)
		b.Run(pg, func(b *testing.B) {
			reqs := make([]*http.Request, n)
			for i := range reqs {
				reqs[i] = httptest.NewRequest(http.MethodGet, target, nil)
				reqs[i].Header.Set("Cookie", p.cookies[i])
			}
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			stop := profileLoad(b)
			b.ResetTimer()
			cpu0 := processCPU()
			for i := 0; i < b.N; i++ {
				r := *reqs[i%n] // a copy: gorilla/sessions keeps its registry in the request
				clear(w.h)
				w.status = 0
				h.ServeHTTP(w, &r)
				if w.status != http.StatusOK {
					b.Fatalf("%s: status %d", target, w.status)
				}
			}
			b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
			b.ReportMetric(float64(w.bytes)/float64(b.N), "body-B/op")
			b.StopTimer()
			stop()
		})
	}
}

// discardWriter is a ResponseWriter that keeps the status and drops the body.
type discardWriter struct {
	h      http.Header
	status int
	bytes  int
}

func (w *discardWriter) Header() http.Header { return w.h }

func (w *discardWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *discardWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.bytes += len(b)
	return io.Discard.Write(b)
}
