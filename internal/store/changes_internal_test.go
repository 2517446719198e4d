package store

import (
	"context"
	"path/filepath"
	"testing"
)

// Rows pruned before this process read them leave a gap in change_log's
// sequence; the feed cannot know whose data changed, so it drops everything.
func TestChangeLogGapDropsEverything(t *testing.T) {
	ctx := context.Background()
	db, err := OpenSQLiteFile(ctx, filepath.Join(t.TempDir(), "bimtek.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var got []int64
	if err := db.OnChange(ctx, func(id int64) { got = append(got, id) }); err != nil {
		t.Fatal(err)
	}
	raw := func(q string) {
		t.Helper()
		if _, err := db.w.DB.ExecContext(ctx, q); err != nil { // not through the writer: no catch-up
			t.Fatal(err)
		}
	}
	raw(`INSERT INTO change_log (user_id) VALUES (5)`)
	db.changes.poll(ctx)
	if len(got) != 1 || got[0] != 5 {
		t.Fatalf("after one change of user 5: %v", got)
	}
	got = nil
	raw(`INSERT INTO change_log (user_id) VALUES (6)`)
	raw(`DELETE FROM change_log WHERE user_id = 6`) // pruned unseen
	raw(`INSERT INTO change_log (user_id) VALUES (7)`)
	db.changes.poll(ctx)
	if len(got) != 1 || got[0] != AllUsers {
		t.Fatalf("after a gap: %v, want only AllUsers", got)
	}
}
