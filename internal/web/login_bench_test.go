package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
)

// BenchmarkLoginBurst fires a cohort logging in at once: 500 trainees (each
// with an argon2id hash of today's parameters) post their correct password
// at the same moment, each from its own address (behind a trusted proxy, as
// a deployment is), against a server with the process's hashing bound. It
// reports how long the whole burst took, the logins per second, errors (any
// answer but the redirect to the Beranda) and the peak RSS of the process
// (client and server) during the burst, from VmHWM after resetting it, and
// the process's CPU time per login, which moves less with the machine's load.
//
//	go test ./internal/web -run '^$' -bench LoginBurst -benchtime 1x
//
// BIMTEK_BENCH_LOGINS overrides the size (default 500); PostgreSQL too when
// BIMTEK_TEST_POSTGRES_URL is set.
func BenchmarkLoginBurst(b *testing.B) {
	TuneRuntime()
	n := 500
	if v := os.Getenv("BIMTEK_BENCH_LOGINS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("BIMTEK_BENCH_LOGINS: %q", v)
		}
	}
	engines := benchEngines()
	const password = "kata-sandi-peserta-2026"
	hash, err := auth.HashPassword(password)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range engines {
		b.Run(fmt.Sprintf("%s/%d", e.name, n), func(b *testing.B) {
			ctx := context.Background()
			db := e.open(b)
			region, err := db.EnsureRegion(ctx, "kabupaten-sukamaju", "Pemerintah Kabupaten Sukamaju", "SKM")
			if err != nil {
				b.Fatal(err)
			}
			var emails []string
			for round := 0; round < b.N; round++ {
				batch := make([]domain.NewUser, n)
				for i := range batch {
					batch[i] = domain.NewUser{RegionID: region.ID, Email: fmt.Sprintf("peserta%d-%05d@sukamaju.test", round, i),
						Name: fmt.Sprintf("Peserta %d", i), Role: domain.RolePeserta, PasswordHash: hash}
					emails = append(emails, batch[i].Email)
				}
				if _, err := db.CreateUsers(ctx, nil, batch); err != nil {
					b.Fatal(err)
				}
			}
			srv, err := New(Config{DB: db, Secret: []byte(strings.Repeat("k", 32)), Version: "uji", TrustedProxy: "127.0.0.0/8",
				Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			if err != nil {
				b.Fatal(err)
			}
			ts := httptest.NewServer(srv.Handler())
			defer ts.Close()
			cl := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n},
				CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			var total, cpu time.Duration
			var errs int
			var peak int64
			b.ResetTimer()
			for round := 0; round < b.N; round++ {
				resetPeakRSS()
				var wg sync.WaitGroup
				var mu sync.Mutex
				statuses := map[int]int{}
				cpu0 := processCPU()
				start := time.Now()
				for i := 0; i < n; i++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						form := url.Values{"email": {emails[round*n+i]}, "password": {password}, CSRFField: {provinceCSRF}}
						req := mustRequest(http.MethodPost, ts.URL+"/masuk", CSRFCookie+"="+provinceCSRF, form)
						req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", i>>16, (i>>8)&255, i&255))
						res, err := cl.Do(req)
						status := 0
						if err == nil {
							io.Copy(io.Discard, res.Body)
							res.Body.Close()
							status = res.StatusCode
							if status == http.StatusSeeOther && res.Header.Get("Location") != "/beranda" {
								status = -1
							}
						}
						mu.Lock()
						statuses[status]++
						mu.Unlock()
					}()
				}
				wg.Wait()
				total += time.Since(start)
				cpu += processCPU() - cpu0
				errs += n - statuses[http.StatusSeeOther]
				peak = max(peak, vmHWM())
				if statuses[http.StatusSeeOther] != n {
					b.Logf("answers by status: %v", statuses)
				}
			}
			b.StopTimer()
			burst := total / time.Duration(b.N)
			b.ReportMetric(burst.Seconds(), "burst-s")
			b.ReportMetric(float64(n)/burst.Seconds(), "logins/s")
			b.ReportMetric(float64(errs), "errors")
			b.ReportMetric(float64((cpu/time.Duration(b.N*n)).Microseconds())/1000, "cpu-ms/login")
			b.ReportMetric(float64(peak>>20), "peak-RSS-MB")
			st := srv.hashing.Stats()
			b.Logf("%s: %d logins in %v, %d errors, peak RSS %d MB; argon2id runs %d, at most %d at once (%d slots), %d refused",
				e.name, n, burst.Round(time.Millisecond), errs, peak>>20, st.Runs, st.Peak, st.Slots, st.Refused)
		})
	}
}

// resetPeakRSS starts the process's VmHWM afresh (Linux: clear_refs 5).
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// vmHWM is the process's peak resident set since the last reset, in bytes.
func vmHWM() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
