package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// reply is what one of several simultaneous requests got back.
type reply struct {
	status   int
	location string
	body     string
	err      error
}

// send is client.post / client.get for use from several goroutines at once:
// it reports a transport error instead of failing the test. form nil means GET.
func (c *client) send(path string, form url.Values, csrf string) reply {
	req, _ := http.NewRequest(http.MethodGet, c.f.ts.URL+path, nil)
	if form != nil {
		f := url.Values{CSRFField: {csrf}}
		for k, v := range form {
			f[k] = v
		}
		req, _ = http.NewRequest(http.MethodPost, c.f.ts.URL+path, strings.NewReader(f.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := c.http.Do(req)
	if err != nil {
		return reply{err: err}
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return reply{status: res.StatusCode, location: res.Header.Get("Location"), body: string(b), err: err}
}

// together sends the requests at the same moment (a start barrier) and returns the replies in order.
func together(reqs ...func() reply) []reply {
	out := make([]reply, len(reqs))
	start := make(chan struct{})
	var ready, done sync.WaitGroup
	ready.Add(len(reqs))
	done.Add(len(reqs))
	for i, r := range reqs {
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			out[i] = r()
		}()
	}
	ready.Wait()
	close(start)
	done.Wait()
	return out
}

// raceRounds is how many times each same-moment case is played per engine.
const raceRounds = 25

// raceTally counts, per case, the rounds in which some request got a 500.
type raceTally struct {
	t      *testing.T
	rounds map[string]int
	failed map[string]int
}

// check records a round of case name: a 500 (or a transport error) fails it.
func (rt *raceTally) check(name string, rs []reply) bool {
	rt.t.Helper()
	rt.rounds[name]++
	for _, r := range rs {
		if r.err != nil || r.status >= 500 {
			rt.failed[name]++
			return false
		}
	}
	return true
}

// TestSameMomentRequests plays the four cases a load run found answering 500
// on PostgreSQL: two first opens of an item, "Tandai selesai" while the last
// requirements complete, a double click on "Kirim rilis" and two tabs sending
// at once. Each must answer as a second later would (the same version) or
// with a clear 409, never 500, and leave the data right.
func TestSameMomentRequests(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		cc := newCertCase(t, db)
		ctx := context.Background()
		co := cc.srv.cfg.Catalog.Course(tcCourse)
		trainee, err := db.User(ctx, cc.users[domain.RolePeserta].ID)
		if err != nil {
			t.Fatal(err)
		}
		fac := cc.users[domain.RoleFasilitator]
		rt := &raceTally{t: t, rounds: map[string]int{}, failed: map[string]int{}}
		defer func() {
			for _, name := range []string{"first open", "mark done", "double click", "two tabs"} {
				t.Logf("%s: a 500 in %d of %d rounds", name, rt.failed[name], rt.rounds[name])
			}
		}()
		decide := func(sub domain.Submission, decision domain.Decision) {
			t.Helper()
			vs, err := db.Versions(ctx, sub.ID)
			if err != nil {
				t.Fatal(err)
			}
			var sc []domain.ReviewScore
			for _, c := range []string{"5w1h", "aktual", "faktual", "penting", "menarik", "struktur", "bahasa"} {
				sc = append(sc, domain.ReviewScore{Criterion: c, AutoScore: 80, FinalScore: 80})
			}
			if _, err := db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: vs[len(vs)-1].ID, LockVersion: sub.LockVersion,
				ReviewerID: fac.ID, Decision: decision, FinalScore: 80, Scores: sc}); err != nil {
				t.Fatal(err)
			}
		}
		for round := range raceRounds {
			// A new trainee each round, so every item is untouched.
			u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: trainee.RegionID, OPDID: trainee.OPDID, Email: fmt.Sprintf("serentak%d@sukamaju.test", round),
				Name: fmt.Sprintf("Peserta Serentak %d", round), Role: domain.RolePeserta, PasswordHash: trainee.PasswordHash})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Enroll(ctx, nil, cc.cohort.ID, []int64{u.ID}); err != nil {
				t.Fatal(err)
			}
			e, err := db.EnrollmentForCourse(ctx, u.ID, tcCourse)
			if err != nil {
				t.Fatal(err)
			}
			c := cc.client()
			if p := c.login(u.Email, testPassword); p.status != http.StatusSeeOther {
				t.Fatalf("login: %d", p.status)
			}
			csrf := c.csrf()

			// Two tabs open a lesson for the first time.
			rs := together(func() reply { return c.send(lessonURL+tcLesson1, nil, "") }, func() reply { return c.send(lessonURL+tcLesson1, nil, "") })
			if rt.check("first open", rs) && (rs[0].status != http.StatusOK || rs[1].status != http.StatusOK) {
				t.Fatalf("round %d: first opens answered %d and %d, want 200 twice", round, rs[0].status, rs[1].status)
			}

			// Two tabs send their own forms (each with its own key) at once.
			tab1, tab2 := c.get(practiceURL), c.get(practiceURL)
			rs = together(func() reply { return c.send(practiceURL+"/kirim", writeForm(tab1, goodHeadline, goodBody), csrf) },
				func() reply {
					return c.send(practiceURL+"/kirim", writeForm(tab2, goodHeadline, goodBody+"\n\nTambahan dari tab kedua."), csrf)
				})
			sub, err := db.SubmissionFor(ctx, e.ID, tcPractice)
			if err != nil {
				t.Fatal(err)
			}
			if rt.check("two tabs", rs) {
				sent, refused := 0, 0
				for _, r := range rs {
					switch {
					case r.status == http.StatusSeeOther && strings.HasSuffix(r.location, "/versi/1?terkirim=1"):
						sent++
					case r.status == http.StatusConflict && strings.Contains(r.body, "Rilis ini sudah dikirim dan berstatus menunggu penilaian; tidak ada versi baru yang dibuat."):
						refused++
					}
				}
				if sent != 1 || refused != 1 || sub.Versions != 1 {
					t.Fatalf("round %d: two tabs: %d sent, %d refused with the message, %d versions; want 1, 1, 1\n%d %s\n%d %s", round, sent, refused, sub.Versions,
						rs[0].status, rs[0].location+rs[0].body, rs[1].status, rs[1].location+rs[1].body)
				}
			}
			if sub.Versions != 1 {
				t.Fatalf("round %d: %d versions after two tabs", round, sub.Versions)
			}

			// Returned for revision, then "Kirim rilis" clicked twice: one version 2, both requests led to it.
			decide(sub, domain.DecisionReturn)
			form := writeForm(c.get(practiceURL), goodHeadline, goodBody+"\n\nRevisi.")
			rs = together(func() reply { return c.send(practiceURL+"/kirim", form, csrf) }, func() reply { return c.send(practiceURL+"/kirim", form, csrf) })
			if sub, err = db.SubmissionFor(ctx, e.ID, tcPractice); err != nil {
				t.Fatal(err)
			}
			if rt.check("double click", rs) {
				for _, r := range rs {
					if r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, "/versi/2?terkirim=1") {
						t.Fatalf("round %d: double click answered %d → %q, want 303 to version 2 for both", round, r.status, r.location)
					}
				}
			}
			if sub.Versions != 2 {
				t.Fatalf("round %d: %d versions after a double click on the second send, want 2", round, sub.Versions)
			}

			// Everything else done; then "Tandai selesai" twice on the last lesson, never opened, while the quiz is passed.
			decide(sub, domain.DecisionApprove)
			if err := db.SetItemState(ctx, e.ID, tcCourse, tcLesson1, co.Item(tcLesson1).Hash, domain.StateDone); err != nil {
				t.Fatal(err)
			}
			if err := db.MarkAttendance(ctx, fac.ID, cc.session.ID, map[int64]string{u.ID: domain.AttendPresent}, time.Now()); err != nil {
				t.Fatal(err)
			}
			rs = together(func() reply { return c.send(lessonURL+tcLesson2+"/selesai", url.Values{}, csrf) },
				func() reply { return c.send(lessonURL+tcLesson2+"/selesai", url.Values{}, csrf) },
				func() reply {
					return c.send(lessonURL+tcQuiz+"/kuis", quizForm("UU Nomor 14 Tahun 2008", "false", "aktual", "faktual"), csrf)
				})
			if rt.check("mark done", rs) {
				for _, r := range rs {
					if r.status != http.StatusSeeOther {
						t.Fatalf("round %d: mark done and quiz answered %d, want 303", round, r.status)
					}
				}
			}
			certs, err := db.CertificatesOfUser(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(certs) != 1 {
				t.Fatalf("round %d: %d certificates, want exactly 1", round, len(certs))
			}
		}
		for name, n := range rt.failed {
			if n > 0 {
				t.Errorf("%s: a 500 in %d of %d rounds, want none", name, n, rt.rounds[name])
			}
		}
	})
}
