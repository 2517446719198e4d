package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// loadConnections is the concurrency of the page budget (DESIGN.md §14).
const loadConnections = 64

// BenchmarkPages drives the bare echo handler, the logged-in lesson page and
// the trainee Beranda with 64 concurrent connections over loopback, in the
// same run, and reports requests per second and p99 latency for each. Budget:
// each page ≥ 30 % of the bare handler's rate, p99 ≤ 50 ms.
//
//	go test ./internal/web -run '^$' -bench Pages -benchtime 3s
func BenchmarkPages(b *testing.B) {
	TuneRuntime() // as `serve` runs
	engines := map[string]func(testing.TB) *store.DB{"sqlite": testkit.SQLite}
	if storetestPostgresConfigured() {
		engines["postgres"] = testkit.Postgres
	}
	bare := echo.New()
	bare.GET("/", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	bareSrv := httptest.NewServer(bare)
	defer bareSrv.Close()
	var bareRate float64
	b.Run("bare-echo", func(b *testing.B) { bareRate = hammer(b, bareSrv.URL+"/", nil) })
	page := func(target string, cookies []*http.Cookie) func(*testing.B) {
		return func(b *testing.B) {
			rate := hammer(b, target, cookies)
			b.ReportMetric(100*rate/bareRate, "%-of-bare")
		}
	}
	for _, name := range []string{"sqlite", "postgres"} {
		open, ok := engines[name]
		if !ok {
			continue
		}
		f := newFixture(b, open(b))
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		c.post(lessonURL+tcLesson1+"/selesai", nil)
		u, _ := url.Parse(f.ts.URL)
		cookies := c.http.Jar.Cookies(u)
		b.Run(name+"/lesson", page(f.ts.URL+lessonURL+tcLesson1, cookies))
		b.Run(name+"/beranda", page(f.ts.URL+"/beranda", cookies))
	}
}

func storetestPostgresConfigured() bool { return len(postgresEnv()) > 0 }

// hammer sends b.N GET requests from 64 goroutines and reports req/s and p99.
func hammer(b *testing.B, target string, cookies []*http.Cookie) (reqPerSec float64) {
	tr := &http.Transport{MaxIdleConns: loadConnections, MaxIdleConnsPerHost: loadConnections, MaxConnsPerHost: loadConnections}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	for _, ck := range cookies {
		req.AddCookie(ck)
	}
	get := func() time.Duration {
		start := time.Now()
		res, err := client.Do(req.Clone(req.Context()))
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			b.Fatalf("%s: status %d", target, res.StatusCode)
		}
		return time.Since(start)
	}
	for i := 0; i < loadConnections; i++ { // warm the connections
		get()
	}
	var mu sync.Mutex
	var lat []time.Duration
	next := make(chan struct{}, loadConnections)
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for w := 0; w < loadConnections; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := make([]time.Duration, 0, b.N/loadConnections+1)
			for range next {
				mine = append(mine, get())
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	for i := 0; i < b.N; i++ {
		next <- struct{}{}
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	reqPerSec = float64(b.N) / elapsed.Seconds()
	b.ReportMetric(reqPerSec, "req/s")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	return reqPerSec
}
