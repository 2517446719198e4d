package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestTouchSessionsMovesEachLastSeen: a batch of last-seen times reaches
// each of its sessions, and only those (one statement on PostgreSQL).
func TestTouchSessionsMovesEachLastSeen(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		t0 := time.Now().UTC().Truncate(time.Second).Add(-time.Hour)
		ids := []string{}
		for i := range 3 {
			id := fmt.Sprintf("sesi-uji-%d-%d", i, t0.UnixNano())
			if err := db.CreateSession(ctx, domain.Session{ID: id, Data: "{}", CreatedAt: t0, LastSeenAt: t0, ExpiresAt: t0.Add(24 * time.Hour)}); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		want := map[string]time.Time{ids[0]: t0.Add(2 * time.Minute), ids[1]: t0.Add(3*time.Minute + 500*time.Millisecond)}
		if err := db.TouchSessions(ctx, want); err != nil {
			t.Fatal(err)
		}
		want[ids[2]] = t0
		for _, id := range ids {
			s, err := db.Session(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if !s.LastSeenAt.Equal(want[id]) {
				t.Errorf("%s: last seen %v, want %v", id, s.LastSeenAt, want[id])
			}
		}
	})
}
