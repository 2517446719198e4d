package web

import (
	"testing"

	"github.com/bimtek/bimtek/internal/testkit"
)

// TestCachedViewsMakeNoRoundTrips counts PostgreSQL round trips of trainees'
// page views once each has walked their pages: the Beranda, course page,
// lesson and quiz read nothing (a view that reads costs the database's CPU
// on the same cores as the server's). The practice page still reads its draft.
func TestCachedViewsMakeNoRoundTrips(t *testing.T) {
	t.Parallel()
	db, rt := testkit.CountingPostgres(t)
	const n = 10
	p := seedProvince(t, db, n)
	p.warm(t)
	cl := loadClient()
	for _, pg := range walkPages[:4] {
		before := rt.Count()
		for u := range n {
			if _, ok := p.read(u, pg).do(cl); !ok {
				t.Fatalf("%s failed", pg)
			}
		}
		if got := rt.Count() - before; got != 0 {
			t.Errorf("%d views of the %s: %d round trips, want 0", n, pg, got)
		}
	}
}
