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

// TestAnalyzeGivesThePlannerStatistics: after a bulk load, Analyze leaves
// statistics of the loaded table for the planner (sqlite_stat1 on SQLite,
// pg_stats on PostgreSQL), where a fresh database has none.
func TestAnalyzeGivesThePlannerStatistics(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		stats := `SELECT COUNT(*) FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'sessions'`
		if db.Dialect == store.SQLite {
			stats = `SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'`
		}
		now := time.Now().UTC().Truncate(time.Second)
		for i := range 50 {
			if err := db.CreateSession(ctx, domain.Session{ID: fmt.Sprintf("analisis-%d", i), Data: "{}", CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
		var before, after int
		if err := db.CountRowsForTest(ctx, stats, &before); err != nil {
			t.Fatal(err)
		}
		if err := db.Analyze(ctx); err != nil {
			t.Fatal(err)
		}
		if err := db.CountRowsForTest(ctx, stats, &after); err != nil {
			t.Fatal(err)
		}
		if before != 0 || after == 0 {
			t.Errorf("planner statistics of sessions: %d before Analyze, %d after; want none, then some", before, after)
		}
	})
}
