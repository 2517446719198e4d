package faulttest

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loadDuration is BIMTEK_FAULT_LOAD_SECONDS, else 60 s under CI=true and 5 s
// otherwise.
func loadDuration(t *testing.T) time.Duration {
	if v := os.Getenv("BIMTEK_FAULT_LOAD_SECONDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("BIMTEK_FAULT_LOAD_SECONDS=%q: want whole seconds", v)
		}
		return time.Duration(n) * time.Second
	}
	if os.Getenv("CI") == "true" {
		return 60 * time.Second
	}
	return 5 * time.Second
}

// TestSixtyFourConnectionsWithoutErrors: 56 connections read the trainee's
// pages and 8 autosave drafts, all at once for loadDuration, on each engine;
// every answer is 200.
func TestSixtyFourConnectionsWithoutErrors(t *testing.T) {
	t.Parallel()
	d := loadDuration(t)
	for name, env := range engines(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := start(t, env)
			c := login(t, s)
			tr := &http.Transport{MaxIdleConnsPerHost: 64, MaxConnsPerHost: 64}
			defer tr.CloseIdleConnections()
			c.http = &http.Client{Jar: c.http.Jar, Transport: tr, Timeout: 30 * time.Second}
			reads := []string{"/beranda", practicePath(practices[1]), "/kursus/" + course}
			var ok, failed atomic.Int64
			var firstErr sync.Once
			fail := func(msg string) {
				failed.Add(1)
				firstErr.Do(func() { t.Errorf("first error: %s", msg) })
			}
			end := time.Now().Add(d)
			var wg sync.WaitGroup
			for i := range 64 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for n := 0; time.Now().Before(end); n++ {
						if i < 8 {
							code, err := c.saveDraft(practices[i%4], "Judul beban", fmt.Sprintf("Draf beban %d dari koneksi %d.", n, i))
							if err != nil || code != http.StatusOK {
								fail(fmt.Sprintf("autosave: %d %v", code, err))
								continue
							}
							ok.Add(1)
							continue
						}
						path := reads[n%len(reads)]
						resp, err := c.http.Get(s.base + path)
						if err != nil {
							fail(fmt.Sprintf("GET %s: %v", path, err))
							continue
						}
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if resp.StatusCode != http.StatusOK {
							fail(fmt.Sprintf("GET %s: %d", path, resp.StatusCode))
							continue
						}
						ok.Add(1)
					}
				}()
			}
			wg.Wait()
			if failed.Load() > 0 {
				t.Fatalf("%d of %d requests failed", failed.Load(), failed.Load()+ok.Load())
			}
			if ok.Load() < int64(d/time.Second)*10 {
				t.Fatalf("only %d requests in %v", ok.Load(), d)
			}
			t.Logf("%s: %d requests in %v from 64 connections (56 reading, 8 autosaving), 0 errors", name, ok.Load(), d)
		})
	}
}
