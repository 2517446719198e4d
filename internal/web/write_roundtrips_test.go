package web

import (
	"testing"

	"github.com/bimtek/bimtek/internal/testkit"
)

// TestWriteRoundTrips counts the round trips to PostgreSQL of a trainee's
// writes once their pages are cached: under load every round trip waits for
// the database and then for a core, so they set the writes' latency. Before:
// Tandai selesai 16, autosave 5 (13 the first time), Kirim rilis 33 (13
// before the facilitators were read inside its transaction, 11 before it was
// one statement after a read, 4 before a first send created its draft with
// the read).
// The Beranda after a write read everything again: 11.
func TestWriteRoundTrips(t *testing.T) {
	t.Parallel()
	db, rt := testkit.CountingPostgres(t)
	p := seedProvince(t, db, 3)
	p.warm(t)
	cl := loadClient()
	limit := map[string]int64{"selesai": 2, "autosave": 2, "kirim": 3}
	got := map[string][]int64{}
	var after []int64
	for w := range 9 {
		// The trainee's copies are cached again after their last write.
		if _, ok := p.read(w%3, "course").do(cl); !ok {
			t.Fatal("course page failed")
		}
		o := p.write(w)
		before := rt.Count()
		if _, ok := o.do(cl); !ok {
			t.Fatalf("%s failed", o.name)
		}
		n := rt.Count() - before
		got[o.name] = append(got[o.name], n)
		if n > limit[o.name] {
			t.Errorf("%s: %d round trips, want at most %d", o.name, n, limit[o.name])
		}
		// The next page reads again only what the write changed: the
		// trainee's progress, not their session, Beranda lists or unread
		// count (was 11).
		before = rt.Count()
		if _, ok := p.read(w%3, "beranda").do(cl); !ok {
			t.Fatal("Beranda failed")
		}
		n = rt.Count() - before
		after = append(after, n)
		if n > 6 {
			t.Errorf("Beranda after %s: %d round trips, want at most 6", o.name, n)
		}
	}
	t.Logf("round trips per write: %v; of the Beranda after it: %v", got, after)
}
