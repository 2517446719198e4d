package faulttest

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var draftNumber = regexp.MustCompile(`Draf uji gangguan nomor (\d+)`)

// TestKillDuringWritesKeepsAcknowledgedWrites kills serve with SIGKILL while
// four writers autosave drafts and four readers load pages, restarts it on
// the same database, and checks that each writer's last acknowledged draft (or
// a later one it had sent) is there; on SQLite PRAGMA integrity_check is ok.
func TestKillDuringWritesKeepsAcknowledgedWrites(t *testing.T) {
	t.Parallel()
	for name, env := range engines(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := start(t, env)
			var acked [4]atomic.Int64 // per practice: the last acknowledged number
			var sent [4]atomic.Int64
			var writes, reads atomic.Int64
			stop := make(chan struct{})
			var wg sync.WaitGroup
			for i, item := range practices {
				c := login(t, s)
				wg.Add(2)
				go func() {
					defer wg.Done()
					for n := int64(1); ; n++ {
						select {
						case <-stop:
							return
						default:
						}
						sent[i].Store(n)
						code, err := c.saveDraft(item, "Judul uji gangguan", fmt.Sprintf("Draf uji gangguan nomor %d dari penulis %d.", n, i))
						if err != nil {
							return // the server is gone
						}
						if code == http.StatusOK {
							acked[i].Store(n)
							writes.Add(1)
						}
					}
				}()
				go func() {
					defer wg.Done()
					for {
						select {
						case <-stop:
							return
						default:
						}
						resp, err := c.http.Get(s.base + "/beranda")
						if err != nil {
							return
						}
						resp.Body.Close()
						reads.Add(1)
					}
				}()
			}
			time.Sleep(3 * time.Second)
			s.kill(t)
			close(stop)
			wg.Wait()
			if writes.Load() < 20 {
				t.Fatalf("only %d drafts acknowledged before the kill; the test wrote too little", writes.Load())
			}
			s2 := start(t, env)
			c := login(t, s2)
			for i, item := range practices {
				m := draftNumber.FindStringSubmatch(c.page(t, practicePath(item)))
				if m == nil {
					t.Fatalf("%s: the draft is gone after kill -9 (last acknowledged %d)", item, acked[i].Load())
				}
				got, _ := strconv.ParseInt(m[1], 10, 64)
				if got < acked[i].Load() || got > sent[i].Load() {
					t.Errorf("%s: draft %d after restart; acknowledged %d, sent %d", item, got, acked[i].Load(), sent[i].Load())
				}
			}
			t.Logf("%s: %d drafts acknowledged and %d pages read in 3 s before kill -9; every last acknowledged draft kept", name, writes.Load(), reads.Load())
			s2.kill(t)
			if name == "sqlite" {
				db, _ := openDB(t, env)
				var res string
				if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
					t.Fatalf("integrity_check = %q, %v", res, err)
				}
			}
		})
	}
}
