package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// changeLog records the user ids a process is told of.
type changeLog struct {
	mu  sync.Mutex
	ids map[int64]bool
}

func watch(t *testing.T, db *store.DB) *changeLog {
	t.Helper()
	l := &changeLog{ids: map[int64]bool{}}
	if err := db.OnChange(context.Background(), l.add); err != nil {
		t.Fatal(err)
	}
	if !db.ChangesLive() {
		t.Fatal("change feed not live after OnChange")
	}
	return l
}

// watchBesidesProgress is watch for the changes beyond a user's progress.
func watchBesidesProgress(t *testing.T, db *store.DB) *changeLog {
	t.Helper()
	l := &changeLog{ids: map[int64]bool{}}
	if err := db.OnChangeBesidesProgress(context.Background(), l.add); err != nil {
		t.Fatal(err)
	}
	return l
}

func (l *changeLog) add(id int64) {
	l.mu.Lock()
	l.ids[id] = true
	l.mu.Unlock()
}

func (l *changeLog) reset() {
	l.mu.Lock()
	l.ids = map[int64]bool{}
	l.mu.Unlock()
}

func (l *changeLog) has(id int64) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.ids[id]
}

// within waits for id to be reported (another process's change arrives by
// polling or NOTIFY, not at once).
func (l *changeLog) within(d time.Duration, id int64) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if l.has(id) {
			return true
		}
	}
	return l.has(id)
}

func TestChangesReachTheWriterAtOnceAndOtherProcessesSoon(t *testing.T) {
	t.Parallel()
	testkit.ForEachDBPair(t, func(t *testing.T, a, b *store.DB) {
		ctx := context.Background()
		p := setupPractice(t, a)
		other := p.fac
		la, lb := watch(t, a), watch(t, b)
		// Sessions, the Beranda's lists and unread counts read no progress:
		// their copies are told of every change but those to progress alone.
		oa, ob := watchBesidesProgress(t, a), watchBesidesProgress(t, b)
		exec := func(q string, args ...any) {
			t.Helper()
			if err := a.ExecComplianceTest(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}
		ls, err := a.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: p.cohort.ID, Topic: "Menulis rilis", StartsAt: time.Now().Add(-2 * time.Hour),
			EndsAt: time.Now().Add(-time.Hour), Place: "Aula"})
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name     string
			change   func()
			want     int64
			progress bool // a change to want's progress alone
		}{
			{"progress", func() {
				if err := a.SetItemState(ctx, p.enrollment, "k", "latihan", "h1", domain.StateStarted); err != nil {
					t.Fatal(err)
				}
			}, p.trainee.ID, true},
			{"item done", func() { // its notice's wait rides on the certificate check
				if err := a.SetItemState(ctx, p.enrollment, "k", "latihan", "h1", domain.StateDone); err != nil {
					t.Fatal(err)
				}
			}, p.trainee.ID, true},
			{"draft made", func() {
				if _, err := a.EnsureSubmission(ctx, p.enrollment, p.trainee.ID, "k", "latihan"); err != nil {
					t.Fatal(err)
				}
			}, p.trainee.ID, true},
			{"notification read", func() {
				exec(`INSERT INTO notifications (user_id, kind, legacy_message, created_at) VALUES (?, 'legacy', 'Pesan', ?)`, p.trainee.ID, time.Now().UTC())
			}, p.trainee.ID, false},
			{"user deactivated", func() { exec(`UPDATE users SET active = ? WHERE id = ?`, false, other.ID) }, other.ID, false},
			{"session revoked", func() {
				uid := other.ID
				if err := a.CreateSession(ctx, domain.Session{ID: "h", UserID: &uid, Data: "{}", CreatedAt: time.Now(), LastSeenAt: time.Now(), ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
					t.Fatal(err)
				}
				for _, l := range []*changeLog{la, lb, oa, ob} {
					l.reset()
				}
				if err := a.DeleteUserSessions(ctx, uid); err != nil {
					t.Fatal(err)
				}
			}, other.ID, false},
			{"live session moved", func() {
				exec(`UPDATE live_sessions SET place = 'Ruang rapat' WHERE id = ?`, ls.ID)
			}, p.trainee.ID, false},
			{"attendance", func() {
				if err := a.MarkAttendance(ctx, p.fac.ID, ls.ID, map[int64]string{p.trainee.ID: domain.AttendPresent}, time.Now()); err != nil {
					t.Fatal(err)
				}
			}, p.trainee.ID, false},
			{"cohort renamed", func() { exec(`UPDATE cohorts SET name = 'Angkatan II' WHERE id = ?`, p.cohort.ID) }, store.AllUsers, false},
		}
		// The other process first catches up with the setup's changes (a poll
		// that read them with the first case's would rightly tell of both).
		exec(`INSERT INTO notifications (user_id, kind, legacy_message, created_at) VALUES (?, 'legacy', 'Pesan', ?)`, p.fac2.ID, time.Now().UTC())
		if !ob.within(3*time.Second, p.fac2.ID) {
			t.Fatal("the other process was not told of the facilitator's notification")
		}
		for _, c := range cases {
			for _, l := range []*changeLog{la, lb, oa, ob} {
				l.reset()
			}
			c.change()
			if !la.has(c.want) {
				t.Errorf("%s: the writing process was not told of user %d when the write returned", c.name, c.want)
			}
			if !lb.within(3*time.Second, c.want) {
				t.Errorf("%s: the other process was not told of user %d", c.name, c.want)
			}
			if c.progress {
				// Everything of the write has been dispatched in both by now.
				if oa.has(c.want) || ob.has(c.want) {
					t.Errorf("%s: a change to progress alone reached the copies beside progress (writer %v, other %v)", c.name, oa.has(c.want), ob.has(c.want))
				}
				continue
			}
			if !oa.has(c.want) || !ob.within(3*time.Second, c.want) {
				t.Errorf("%s: the copies beside progress were not told of user %d (writer %v, other %v)", c.name, c.want, oa.has(c.want), ob.has(c.want))
			}
		}
		// A write that touches nobody's cached data reports nobody.
		la.reset()
		exec(`INSERT INTO login_attempts (email, address, success, created_at) VALUES ('x@x.id', '10.0.0.1', ?, ?)`, false, time.Now().UTC())
		if la.has(p.trainee.ID) || la.has(store.AllUsers) {
			t.Error("a login attempt was reported as a change to cached data")
		}
	})
}

// TestDraftSavesReachOnlyTheSubmissionCopies: a draft saved (migration 00027)
// is told to the copies of submission rows, in the writing process when the
// save returns and in another soon, and not to the progress copy or those
// beside it; a change of state is told to all of the progress side.
func TestDraftSavesReachOnlyTheSubmissionCopies(t *testing.T) {
	t.Parallel()
	testkit.ForEachDBPair(t, func(t *testing.T, a, b *store.DB) {
		ctx := context.Background()
		p := setupPractice(t, a)
		watchSubs := func(db *store.DB) *changeLog {
			l := &changeLog{ids: map[int64]bool{}}
			if err := db.OnSubmissionChange(ctx, l.add); err != nil {
				t.Fatal(err)
			}
			return l
		}
		sa, sb := watchSubs(a), watchSubs(b)
		la, lb := watch(t, a), watch(t, b)
		oa, ob := watchBesidesProgress(t, a), watchBesidesProgress(t, b)
		all := []*changeLog{sa, sb, la, lb, oa, ob}
		sub, err := a.EnsureSubmission(ctx, p.enrollment, p.trainee.ID, "k", "latihan")
		if err != nil {
			t.Fatal(err)
		}
		if !sb.within(3*time.Second, p.trainee.ID) || !lb.within(3*time.Second, p.trainee.ID) {
			t.Fatal("the other process was not told of the draft made")
		}
		for i, save := range []func() error{
			func() error {
				_, err := a.SaveDraftOf(ctx, p.enrollment, p.trainee.ID, "k", "latihan", "Judul", "Isi satu")
				return err
			},
			func() error { _, err := a.SaveDraft(ctx, sub.ID, "Judul", "Isi dua"); return err },
		} {
			for _, l := range all {
				l.reset()
			}
			if err := save(); err != nil {
				t.Fatal(err)
			}
			if !sa.has(p.trainee.ID) {
				t.Errorf("save %d: the writing process's submission copies were not told when the save returned", i)
			}
			if !sb.within(3*time.Second, p.trainee.ID) {
				t.Errorf("save %d: the other process's submission copies were not told", i)
			}
			if la.has(p.trainee.ID) || lb.has(p.trainee.ID) || oa.has(p.trainee.ID) || ob.has(p.trainee.ID) {
				t.Errorf("save %d: a draft saved reached the progress copy or those beside it", i)
			}
		}
	})
}

// BenchmarkWrite measures what the change feed adds to a write: SQLite reads
// change_log back, PostgreSQL waits for its own notice.
//
//	go test ./internal/store -run '^$' -bench Write
func BenchmarkWrite(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", testkit.SQLite}, {"postgres", testkit.Postgres}} {
		for _, watched := range []bool{false, true} {
			name := engine.name + "/without-feed"
			if watched {
				name = engine.name + "/with-feed"
			}
			b.Run(name, func(b *testing.B) {
				db := engine.open(b)
				ctx := context.Background()
				r, err := db.EnsureRegion(ctx, "r", "Wilayah", "R")
				if err != nil {
					b.Fatal(err)
				}
				u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: r.ID, Email: "u@x.id", Name: "U", Role: domain.RolePeserta, PasswordHash: "x"})
				if err != nil {
					b.Fatal(err)
				}
				if watched {
					if err := db.OnChange(ctx, func(int64) {}); err != nil {
						b.Fatal(err)
					}
				}
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if err := db.MarkNotificationsRead(ctx, u.ID); err != nil {
						b.Fatal(err)
					}
					if err := db.ExecComplianceTest(ctx, `INSERT INTO notifications (user_id, kind, legacy_message, created_at) VALUES (?, 'legacy', 'Pesan', ?)`, u.ID, time.Now().UTC()); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
