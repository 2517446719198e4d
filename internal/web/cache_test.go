package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// eventually polls cond for up to three seconds: another process's change
// reaches this one by polling (SQLite) or NOTIFY (PostgreSQL).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(3 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("%s: not seen within 3 s", what)
}

// Sessions and progress are cached per process; a change that another
// process makes (here a second handle on the same database) must reach the
// pages, including revoking a session.
func TestCachedPagesSeeOtherProcessesChanges(t *testing.T) {
	t.Parallel()
	testkit.ForEachDBPair(t, func(t *testing.T, db, other *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		co := f.withCourse()
		f.enrollTrainee()
		trainee := f.users[domain.RolePeserta].ID
		c := f.as(domain.RolePeserta)
		percent := func() string { return c.get("/beranda").text(".course-card strong") }
		if got := percent(); got != "0% selesai" {
			t.Fatalf("progress before: %q", got)
		}
		percent() // now served from the cache
		e, err := other.EnrollmentForCourse(ctx, trainee, tcCourse)
		if err != nil {
			t.Fatal(err)
		}
		if err := other.SetItemState(ctx, e.ID, tcCourse, tcLesson1, co.Item(tcLesson1).Hash, domain.StateDone); err != nil {
			t.Fatal(err)
		}
		eventually(t, "progress made by another process", func() bool { return percent() != "0% selesai" })
		before := percent()

		if db.Dialect == store.Postgres {
			// The listening connection drops: the cache steps aside and is
			// emptied when it is back, so a change made meanwhile is not missed.
			// The feed may reconnect within milliseconds, so its going down is
			// seen as the "everyone" change it reports then, not by polling.
			var flushes atomic.Int64
			if err := db.OnChange(ctx, func(id int64) {
				if id == store.AllUsers {
					flushes.Add(1)
				}
			}); err != nil {
				t.Fatal(err)
			}
			killListener(t, db)
			eventually(t, "the feed noticing the lost connection", func() bool { return flushes.Load() > 0 })
			if err := other.SetItemState(ctx, e.ID, tcCourse, tcLesson2, co.Item(tcLesson2).Hash, domain.StateDone); err != nil {
				t.Fatal(err)
			}
			eventually(t, "progress made while the feed was down", func() bool { return percent() != before })
			eventually(t, "the feed reconnecting", db.ChangesLive)
		}

		if err := other.DeleteUserSessions(ctx, trainee); err != nil {
			t.Fatal(err)
		}
		eventually(t, "a session revoked by another process", func() bool {
			p := c.get("/beranda")
			return p.status == http.StatusSeeOther && strings.HasPrefix(p.header.Get("Location"), "/masuk")
		})
	})
}

// killListener ends the PostgreSQL connection that listens for changes.
func killListener(t *testing.T, db *store.DB) {
	t.Helper()
	admin, err := sqlx.Open("postgres", testkit.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var n int
	err = admin.Get(&n, `SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid() AND query LIKE '%' || $1 || '%' AND datname = $2`,
		db.ChangeChannel(), testkit.DatabaseName(t, db))
	if err != nil || n != 1 {
		t.Fatalf("terminating the listener: %d connections, %v", n, err)
	}
}

// The Beranda's body is kept between views; what the clock changes (a session
// that has ended, a certificate's days left) and what the trainee's data
// changes must still show on the next view.
func TestKeptBerandaFollowsTheClockAndTheData(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	co := f.enrollTrainee()
	// Under way, ending in 30 s: within the minute the Beranda's lists are kept.
	end := f.clock.now.Add(30 * time.Second)
	if _, err := f.db.CreateLiveSession(context.Background(), nil, domain.LiveSession{CohortID: co.ID, Topic: "Praktik menulis rilis",
		StartsAt: end.Add(-2 * time.Hour), EndsAt: end, Place: "Aula Setda"}); err != nil {
		t.Fatal(err)
	}
	c := f.as(domain.RolePeserta)
	sessions := func() string { return c.get("/beranda").text("#sesi + ul") }
	if got := sessions(); !strings.Contains(got, "Praktik menulis rilis") {
		t.Fatalf("coming session not listed: %q", got)
	}
	sessions() // the kept body
	f.clock.now = end.Add(10 * time.Second)
	if got := sessions(); strings.Contains(got, "Praktik menulis rilis") {
		t.Fatalf("a session that has ended is still listed: %q", got)
	}
	if _, err := f.db.CreateLiveSession(context.Background(), nil, domain.LiveSession{CohortID: co.ID, Topic: "Sesi tambahan tentang foto",
		StartsAt: f.clock.now.Add(time.Hour), EndsAt: f.clock.now.Add(2 * time.Hour), Place: "Ruang rapat"}); err != nil {
		t.Fatal(err)
	}
	if got := sessions(); !strings.Contains(got, "Sesi tambahan tentang foto") {
		t.Fatalf("a session added since the last view is missing: %q", got)
	}
}

// A trainee's write drops only that trainee's copies: the reads of many
// other trainees made while it happens are kept, so under a steady stream
// of writes every reader is served from the cache on the next view.
func TestReadsAreCachedWhileOtherTraineesWrite(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		const readers, writers = 100, 40
		p := seedProvince(t, db, readers+writers)
		cl := loadClient()
		defer cl.Transport.(*http.Transport).CloseIdleConnections()
		var stop atomic.Bool
		var writes atomic.Int64
		var wg sync.WaitGroup
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := w; !stop.Load(); k += 8 {
					u := readers + k%writers
					lesson := p.lessons[(k/writers)%len(p.lessons)]
					o := op{name: "selesai", req: mustRequest(http.MethodPost, lesson+"/selesai", p.cookies[u], url.Values{CSRFField: {provinceCSRF}}), want: http.StatusSeeOther}
					if _, ok := o.do(cl); !ok {
						t.Errorf("Tandai selesai by trainee %d failed", u)
						return
					}
					writes.Add(1)
				}
			}()
		}
		for writes.Load() < 16 && !t.Failed() {
			time.Sleep(time.Millisecond)
		}
		readAll := func() {
			var rg sync.WaitGroup
			for g := 0; g < 8; g++ {
				rg.Add(1)
				go func() {
					defer rg.Done()
					for u := g; u < readers; u += 8 {
						for _, pg := range []string{"beranda", "course"} {
							if _, ok := p.read(u, pg).do(cl); !ok {
								t.Errorf("trainee %d, %s: failed", u, pg)
							}
						}
					}
				}()
			}
			rg.Wait()
		}
		readAll()
		during := writes.Load()
		stop.Store(true)
		wg.Wait()
		if during < 32 {
			t.Fatalf("only %d writes while the readers read; the test needs them to overlap", during)
		}
		s := p.f.srv
		_, sessMiss, _ := s.sessions.CacheStats()
		_, progMiss, _ := s.trainees.progress.Stats()
		_, homeMiss, _ := s.trainees.home.Stats()
		readAll() // nothing of the readers changed: every read is a hit
		_, sessMiss2, _ := s.sessions.CacheStats()
		_, progMiss2, _ := s.trainees.progress.Stats()
		_, homeMiss2, _ := s.trainees.home.Stats()
		if d := sessMiss2 - sessMiss; d != 0 {
			t.Errorf("%d of %d session reads missed: readers' sessions read while others wrote were not kept", d, 2*readers)
		}
		if d := progMiss2 - progMiss; d != 0 {
			t.Errorf("%d of %d progress reads missed: readers' progress read while others wrote was not kept", d, 2*readers)
		}
		if d := homeMiss2 - homeMiss; d != 0 {
			t.Errorf("%d of %d Beranda reads missed: readers' Beranda read while others wrote was not kept", d, readers)
		}
	})
}

// The quiz attempts and sent versions kept with a trainee's progress copy
// follow what another process writes: an attempt at the quiz and a version
// sent, each seen on the next views of their pages.
func TestQuizAndPracticePagesSeeOtherProcessesChanges(t *testing.T) {
	t.Parallel()
	testkit.ForEachDBPair(t, func(t *testing.T, db, other *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		co := f.withCourse()
		f.enrollTrainee()
		trainee := f.users[domain.RolePeserta].ID
		c := f.as(domain.RolePeserta)
		attempts := func() int { return c.get(lessonURL + tcQuiz).doc.Find("#riwayat + .table-wrap tbody tr").Length() }
		versions := func() int { return c.get(lessonURL + tcPractice).doc.Find("#riwayat + .table-wrap tbody tr").Length() }
		for range 2 { // the second views are served from the kept copies
			if n := attempts(); n != 0 {
				t.Fatalf("attempts before: %d", n)
			}
			if n := versions(); n != 0 {
				t.Fatalf("versions before: %d", n)
			}
		}
		e, err := other.EnrollmentForCourse(ctx, trainee, tcCourse)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := other.RecordQuizAttempt(ctx, domain.QuizAttempt{EnrollmentID: e.ID, CourseID: tcCourse, ItemID: tcQuiz,
			ContentHash: co.Item(tcQuiz).Hash, Correct: 0, Total: 3, Score: 0, PassScore: 100}, map[string][]string{}, 0); err != nil {
			t.Fatal(err)
		}
		eventually(t, "a quiz attempt made by another process", func() bool { return attempts() == 1 })
		sub, err := other.EnsureSubmission(ctx, e.ID, trainee, tcCourse, tcPractice)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := other.Submit(ctx, domain.SubmitInput{SubmissionID: sub.ID, LockVersion: sub.LockVersion, SubmitKey: "kunci-lain",
			Headline: "Judul dari proses lain", Body: "Isi dari proses lain.", ReportJSON: "{}", GraderVersion: "uji", AutoScore: 50,
			ItemHash: co.Item(tcPractice).Hash, PassScore: 70}); err != nil {
			t.Fatal(err)
		}
		eventually(t, "a version sent from another process", func() bool { return versions() == 1 })
	})
}

// TestPracticeDraftIsFreshAfterEveryWrite: the practice page keeps the
// trainee's submission row (the draft with it). Each of the trainee's own
// writes (an autosave, a form save, Periksa, Kirim rilis) shows on the very
// next page, with the copy read just before; another process's draft shows
// within its feed's delay; and the copy is used (a view after a view reads
// no row).
func TestPracticeDraftIsFreshAfterEveryWrite(t *testing.T) {
	t.Parallel()
	testkit.ForEachDBPair(t, func(t *testing.T, db, other *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		trainee := f.users[domain.RolePeserta].ID
		c := f.as(domain.RolePeserta)
		body := func() string { return c.get(practiceURL).text("#isi") }
		if b := body(); b != "" {
			t.Fatalf("draft before any write: %q", b)
		}
		for i := range 6 {
			want := fmt.Sprintf("Isi draf ke-%d dari peserta.", i)
			body() // the copy is kept
			p := c.get(practiceURL)
			switch i % 3 {
			case 0:
				if r, _ := c.autosave(c.csrf(), "Judul", want); r.status != 200 {
					t.Fatalf("autosave %d: %d", i, r.status)
				}
			case 1:
				if r := c.post(practiceURL+"/draf", writeForm(p, "Judul", want)); r.status != 303 {
					t.Fatalf("draft %d: %d", i, r.status)
				}
			case 2:
				if r := c.post(practiceURL+"/periksa", writeForm(p, "Judul", want)); r.status != 303 {
					t.Fatalf("periksa %d: %d", i, r.status)
				}
			}
			if b := body(); b != want {
				t.Fatalf("after the trainee's write %d the page shows %q, want %q", i, b, want)
			}
		}
		hits, _, _ := f.srv.trainees.drafts.Stats()
		c.get(practiceURL)
		if h, _, _ := f.srv.trainees.drafts.Stats(); h != hits+1 {
			t.Errorf("a second view read the submission again (hits %d -> %d)", hits, h)
		}
		e, err := other.EnrollmentForCourse(ctx, trainee, tcCourse)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := other.SaveDraftOf(ctx, e.ID, trainee, tcCourse, tcPractice, "Judul", "Isi dari proses lain."); err != nil {
			t.Fatal(err)
		}
		eventually(t, "a draft saved by another process", func() bool { return body() == "Isi dari proses lain." })
		p := c.get(practiceURL)
		if r := c.post(practiceURL+"/kirim", writeForm(p, goodHeadline, goodBody)); r.status != 303 {
			t.Fatalf("kirim: %d", r.status)
		}
		after := c.get(practiceURL)
		if n := after.doc.Find("#riwayat + .table-wrap tbody tr").Length(); n != 1 {
			t.Errorf("after Kirim rilis the page lists %d versions, want 1", n)
		}
		if after.doc.Find(`button:contains("Kirim rilis")`).Length() != 0 {
			t.Error("after Kirim rilis the page still offers to send the draft")
		}
	})
}

// TestCheckedCookieKeepsRevocation: a session cookie's signature check is
// reused, but whether its session still stands is not: a session revoked in
// the serving process is refused on the very next request, and a cookie
// changed by one character is refused though the original was just checked.
func TestCheckedCookieKeepsRevocation(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		trainee := f.users[domain.RolePeserta].ID
		c := f.as(domain.RolePeserta)
		u, _ := url.Parse(f.ts.URL)
		cookie := ""
		for _, ck := range c.http.Jar.Cookies(u) {
			if ck.Name == SessionCookie {
				cookie = ck.Value
			}
		}
		get := func(value string) *http.Response {
			req, _ := http.NewRequest(http.MethodGet, f.ts.URL+"/beranda", nil)
			req.AddCookie(&http.Cookie{Name: SessionCookie, Value: value})
			res, err := loadClient().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			return res
		}
		for range 2 { // the second is served from the checked cookie
			if res := get(cookie); res.StatusCode != http.StatusOK {
				t.Fatalf("Beranda with the session cookie: %d", res.StatusCode)
			}
		}
		forged := []byte(cookie)
		forged[len(forged)/2] ^= 1
		if res := get(string(forged)); res.StatusCode != http.StatusSeeOther {
			t.Errorf("a changed cookie was accepted: %d", res.StatusCode)
		}
		if err := db.DeleteUserSessions(context.Background(), trainee); err != nil {
			t.Fatal(err)
		}
		if res := get(cookie); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/masuk") {
			t.Errorf("a revoked session was served on the next request: %d %q", res.StatusCode, res.Header.Get("Location"))
		}
	})
}
