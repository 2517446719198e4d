package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

func TestMigrationsEndAtTheSameSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	lite, err := testkit.SQLite(t).ReadSchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := testkit.Postgres(t).ReadSchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(lite.Tables) < 6 {
		t.Fatalf("sqlite has %d tables, want at least 6", len(lite.Tables))
	}
	// The change feed is a table on SQLite and NOTIFY on PostgreSQL (changes.go).
	if _, ok := lite.Tables["change_log"]; !ok {
		t.Error("sqlite has no change_log table")
	}
	for _, m := range []map[string][]string{lite.Tables, lite.Uniques, lite.ForeignKeys, lite.Checks, lite.Indexes, lite.Triggers} {
		delete(m, "change_log")
	}
	for _, part := range []struct {
		name string
		a, b map[string][]string
	}{
		{"tables/columns", lite.Tables, pg.Tables},
		{"unique keys", lite.Uniques, pg.Uniques},
		{"foreign keys", lite.ForeignKeys, pg.ForeignKeys},
		{"check constraints", lite.Checks, pg.Checks},
		{"indexes", lite.Indexes, pg.Indexes},
		{"triggers", triggerEvents(lite.Triggers), triggerEvents(pg.Triggers)},
	} {
		if !reflect.DeepEqual(part.a, part.b) {
			for tbl := range merge(part.a, part.b) {
				if !reflect.DeepEqual(part.a[tbl], part.b[tbl]) {
					t.Errorf("%s differ on %s:\n sqlite:   %v\n postgres: %v", part.name, tbl, part.a[tbl], part.b[tbl])
				}
			}
		}
	}
	// What each part must hold, so an empty reading cannot pass.
	for _, want := range []struct {
		part string
		got  []string
		has  string
	}{
		{"users unique keys", lite.Uniques["users"], "email"},
		{"submissions checks", pg.Checks["submissions"], "cols=state values='approved','draft','in_review','rejected','returned','submitted' numbers="},
		{"reviews checks", lite.Checks["reviews"], "cols=final_score values= numbers=0,100"},
		{"sessions indexes", pg.Indexes["sessions"], "sessions_user_idx(user_id)"},
		{"progress triggers", triggerEvents(pg.Triggers)["progress"], "opd_stats_progress: AFTER UPDATE OF updated_at"},
	} {
		if !slices.Contains(want.got, want.has) {
			t.Errorf("%s = %v, want it to hold %q", want.part, want.got, want.has)
		}
	}
	for name, s := range map[string]store.Schema{"sqlite": lite, "postgres": pg} {
		for _, problem := range cacheTriggerProblems(s) {
			t.Errorf("%s: %s", name, problem)
		}
	}
}

func merge(a, b map[string][]string) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}

// triggerEvents names triggers by purpose and table rather than by engine:
// SQLite has one trigger per event (opd_stats_user_insert) where PostgreSQL
// has one for several (opd_stats_user), and the change feed's triggers are
// change_log_* on SQLite and change_notify_* on PostgreSQL.
func triggerEvents(m map[string][]string) map[string][]string {
	out := map[string][]string{}
	for tbl, entries := range m {
		for _, e := range entries {
			name, event, _ := strings.Cut(e, ": ")
			for _, suffix := range []string{"_insert", "_update", "_delete"} {
				name = strings.TrimSuffix(name, suffix)
			}
			for _, feed := range []string{"change_log_", "change_notify_"} {
				if rest, ok := strings.CutPrefix(name, feed); ok {
					name = "change_" + rest
				}
			}
			out[tbl] = append(out[tbl], name+": "+event)
		}
		sort.Strings(out[tbl])
	}
	return out
}

// cachedTables are the tables whose rows the per-user caches hold or are
// built from (README "Caching", migration 00009), with the changes that must
// reach the change feed. Inserting a session or a user stales nothing: no
// copy of them exists yet. Reviews and submission versions are read by no
// cache; a decision or a new version changes submissions.state in the same
// transaction, which the submissions triggers report.
var cachedTables = map[string][]string{
	"sessions":      {"UPDATE", "DELETE"},
	"users":         {"UPDATE", "DELETE"},
	"enrollments":   {"INSERT", "UPDATE", "DELETE"},
	"progress":      {"INSERT", "UPDATE", "DELETE"},
	"submissions":   {"INSERT", "UPDATE", "DELETE"},
	"notifications": {"INSERT", "UPDATE", "DELETE"},
	"attendance":    {"INSERT", "UPDATE", "DELETE"},
	"certificates":  {"INSERT", "UPDATE", "DELETE"},
	"live_sessions": {"INSERT", "UPDATE", "DELETE"},
	"cohorts":       {"UPDATE", "DELETE"},
	"courses":       {"UPDATE"},
}

// uncachedUserTables hold a user_id but need no change triggers, each for
// the reason given. Any other table with a user_id must be in cachedTables.
var uncachedUserTables = map[string]string{
	"change_log":          "it is the SQLite change feed itself",
	"admin_certs":         "a compliance summary kept by the opd_stats triggers; dashboards read it directly, no cache holds it",
	"cohort_facilitators": "facilitators' assignments; only trainees' reads and sessions are cached, and no cached read joins it",
}

// cacheTriggerProblems lists what the change feed misses: a cached table
// without a change trigger for one of its events, or a table holding a
// user_id that is neither cached nor exempt with a reason.
func cacheTriggerProblems(s store.Schema) []string {
	var problems []string
	events := triggerEvents(s.Triggers)
	for tbl, want := range cachedTables {
		if _, ok := s.Tables[tbl]; !ok {
			problems = append(problems, fmt.Sprintf("cached table %s does not exist", tbl))
			continue
		}
		for _, ev := range want {
			found := slices.ContainsFunc(events[tbl], func(e string) bool {
				return strings.HasPrefix(e, "change_") && strings.Contains(e, ": AFTER "+ev)
			})
			if !found {
				problems = append(problems, fmt.Sprintf("table %s has no change trigger AFTER %s; cached pages would stay stale", tbl, ev))
			}
		}
	}
	for tbl, cols := range s.Tables {
		if _, cached := cachedTables[tbl]; cached {
			continue
		}
		if _, exempt := uncachedUserTables[tbl]; exempt {
			continue
		}
		if slices.Contains(cols, "user_id") || slices.Contains(cols, "user_id NOT NULL") {
			problems = append(problems, fmt.Sprintf("table %s holds user_id but is neither in cachedTables (with change triggers) nor in uncachedUserTables with a reason", tbl))
		}
	}
	sort.Strings(problems)
	return problems
}

// A new table of per-user data without change triggers fails the schema
// test, on both engines.
func TestNewUserTableWithoutTriggersIsCaught(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, err := db.ReadSchema(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if p := cacheTriggerProblems(s); len(p) > 0 {
			t.Fatalf("the migrated schema already has problems: %v", p)
		}
		if err := db.ExecComplianceTest(ctx, `CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id))`); err != nil {
			t.Fatal(err)
		}
		drop := `DROP TRIGGER change_log_attendance_insert`
		if db.Dialect == store.Postgres {
			drop = `DROP TRIGGER change_notify_attendance ON attendance`
		}
		if err := db.ExecComplianceTest(ctx, drop); err != nil {
			t.Fatal(err)
		}
		if s, err = db.ReadSchema(ctx); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(cacheTriggerProblems(s), "\n")
		for _, want := range []string{"table bookmarks holds user_id", "table attendance has no change trigger AFTER INSERT"} {
			if !strings.Contains(got, want) {
				t.Errorf("problems = %q, want one saying %q", got, want)
			}
		}
	})
}

func mustRegion(t *testing.T, db *store.DB) domain.Region {
	t.Helper()
	r, err := db.EnsureRegion(context.Background(), "kabupaten-uji", "Pemerintah Kabupaten Uji", "UJI")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestUsers(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := mustRegion(t, db)
		again := mustRegion(t, db)
		if again.ID != r.ID {
			t.Fatalf("EnsureRegion is not idempotent: %d then %d", r.ID, again.ID)
		}
		o, err := db.EnsureOPD(ctx, r.ID, "Dinas Kesehatan", "Dinkes", "dinas")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.EnsureOPD(ctx, r.ID, "Dinas Kesehatan", "Dinkes", "dinas"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.EnsureOPD(ctx, r.ID, "Dinas Rahasia", "", "bukan-jenis"); err == nil {
			t.Fatal("an unknown OPD kind was accepted; the CHECK constraint should refuse it")
		}
		u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: r.ID, OPDID: &o.ID, Email: "  Rina@Dinkes.Example.ID ", Name: "Rina",
			Role: domain.RolePeserta, IsDesignatedAdmin: true, PasswordHash: "h"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := u.Email, "rina@dinkes.example.id"; got != want {
			t.Errorf("email = %q, want %q", got, want)
		}
		if !u.IsDesignatedAdmin || !u.Active || u.OPDID == nil || *u.OPDID != o.ID {
			t.Errorf("created user = %+v", u)
		}
		_, err = db.CreateUser(ctx, nil, domain.NewUser{RegionID: r.ID, Email: "rina@dinkes.example.id", Name: "Lain", Role: domain.RolePeserta, PasswordHash: "h"})
		if domain.ErrorCode(err) != domain.CodeConflict {
			t.Fatalf("duplicate email: err = %v, want conflict", err)
		}
		_, err = db.CreateUser(ctx, nil, domain.NewUser{RegionID: r.ID, Email: "kepala@x.id", Name: "Kepala", Role: domain.RolePimpinanOPD, PasswordHash: "h"})
		if domain.ErrorCode(err) != domain.CodeInvalid {
			t.Fatalf("pimpinan without OPD: err = %v, want invalid", err)
		}
		got, err := db.UserByEmail(ctx, "RINA@dinkes.example.id")
		if err != nil || got.ID != u.ID {
			t.Fatalf("UserByEmail = %v, %v", got.ID, err)
		}
		if _, err := db.UserByEmail(ctx, "tidak-ada@example.id"); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("unknown email: err = %v, want ErrNotFound", err)
		}
		found, err := db.FindOPD(ctx, "dinkes")
		if err != nil || found.ID != o.ID {
			t.Fatalf("FindOPD(dinkes) = %v, %v", found.ID, err)
		}
		if _, err := db.FindOPD(ctx, "Dinas Tidak Ada"); domain.ErrorCode(err) != domain.CodeNotFound {
			t.Fatalf("FindOPD unknown: %v", err)
		}
		sums, err := db.OPDSummaries(ctx, r.ID, 10, 0)
		if err != nil || len(sums) != 1 || sums[0].Users != 1 || sums[0].Trainees != 1 || sums[0].DesignatedAdmin != 1 {
			t.Fatalf("OPDSummaries = %+v, %v", sums, err)
		}
		audit, err := db.AuditFor(ctx, "user", strconv.FormatInt(u.ID, 10), 10)
		if err != nil || len(audit) != 1 || audit[0].Action != "user.create" || !strings.Contains(audit[0].AfterJSON, "rina@dinkes.example.id") {
			t.Fatalf("audit after create = %+v, %v", audit, err)
		}
	})
}

func TestSessionsAndPasswordChange(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := mustRegion(t, db)
		u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: r.ID, Email: "a@b.id", Name: "A", Role: domain.RoleAdmin, PasswordHash: "lama"})
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC().Truncate(time.Second)
		for _, id := range []string{"s1", "s2"} {
			if err := db.CreateSession(ctx, domain.Session{ID: id, UserID: &u.ID, Data: "{}", CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
		s, err := db.Session(ctx, "s1")
		if err != nil || *s.UserID != u.ID || !s.ExpiresAt.Equal(now.Add(time.Hour)) {
			t.Fatalf("Session = %+v, %v", s, err)
		}
		if err := db.SetPassword(ctx, &u.ID, u.ID, "baru"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Session(ctx, "s2"); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("session survived a password change: %v", err)
		}
		got, _ := db.User(ctx, u.ID)
		if got.PasswordHash != "baru" {
			t.Fatalf("hash = %q", got.PasswordHash)
		}
		if err := db.SetPassword(ctx, nil, 99999, "x"); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("SetPassword on missing user: %v", err)
		}
		// expiry sweep: idle and absolute
		old := now.Add(-10 * time.Hour)
		db.CreateSession(ctx, domain.Session{ID: "idle", Data: "{}", CreatedAt: old, LastSeenAt: old, ExpiresAt: now.Add(time.Hour)})
		db.CreateSession(ctx, domain.Session{ID: "fresh", Data: "{}", CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)})
		n, err := db.DeleteExpiredSessions(ctx, now, 4*time.Hour)
		if err != nil || n != 1 {
			t.Fatalf("DeleteExpiredSessions = %d, %v; want 1", n, err)
		}
	})
}

func TestFailedLoginsCountSinceLastSuccess(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		since := time.Now().Add(-time.Hour)
		for i := 0; i < 3; i++ {
			db.RecordLoginAttempt(ctx, "x@y.id", "10.0.0.1", false)
		}
		e, a, err := db.FailedLogins(ctx, "X@Y.id", "10.0.0.1", since)
		if err != nil || e != 3 || a != 3 {
			t.Fatalf("FailedLogins = %d, %d, %v; want 3, 3", e, a, err)
		}
		time.Sleep(2 * time.Millisecond)
		db.RecordLoginAttempt(ctx, "x@y.id", "10.0.0.2", true)
		time.Sleep(2 * time.Millisecond)
		db.RecordLoginAttempt(ctx, "x@y.id", "10.0.0.2", false)
		e, a, err = db.FailedLogins(ctx, "x@y.id", "10.0.0.2", since)
		if err != nil || e != 1 || a != 1 {
			t.Fatalf("after success: FailedLogins = %d, %d, %v; want 1, 1", e, a, err)
		}
	})
}
