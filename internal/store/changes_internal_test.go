package store

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
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

// A connection that accepts LISTEN but delivers nothing (a pooler in
// transaction mode) must not leave caches serving: the first write whose own
// notice does not come back turns the feed off, and a later probe turns it on.
func TestFeedStepsAsideWhenNoticesStopArriving(t *testing.T) {
	base := os.Getenv("BIMTEK_TEST_POSTGRES_URL")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("BIMTEK_TEST_POSTGRES_URL is not set: under CI the PostgreSQL tests must run")
		}
		t.Skip("PostgreSQL not configured: set BIMTEK_TEST_POSTGRES_URL to run this test")
	}
	ctx := context.Background()
	admin, err := sqlx.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	schema := fmt.Sprintf("t_feed_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec("DROP SCHEMA " + schema + " CASCADE")
	u, _ := url.Parse(base)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()

	old := changeProbeEvery
	changeProbeEvery = 50 * time.Millisecond
	defer func() { changeProbeEvery = old }()
	db, err := Open(ctx, Config{URL: u.String()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var got []int64
	if err := db.OnChange(ctx, func(id int64) { mu.Lock(); got = append(got, id); mu.Unlock() }); err != nil {
		t.Fatal(err)
	}
	if !db.ChangesLive() {
		t.Fatal("not live after start")
	}
	f := &db.changes
	if err := f.listener.Unlisten(f.channel); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `INSERT INTO regions (slug, name, code, created_at) VALUES ('r', 'Wilayah', 'R', now())`); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	flushed := len(got) > 0 && got[len(got)-1] == AllUsers
	mu.Unlock()
	if db.ChangesLive() || !flushed {
		t.Fatalf("after a write whose notice was lost: live %v, told %v", db.ChangesLive(), got)
	}
	if err := f.listener.Listen(f.channel); err != nil {
		t.Fatal(err)
	}
	for end := time.Now().Add(3 * time.Second); !db.ChangesLive() && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
	}
	if !db.ChangesLive() {
		t.Fatal("the feed did not come back once notices arrived again")
	}
}
