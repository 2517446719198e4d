package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// freshGrade is the report JSON a new grade of the release gives.
func freshGrade(t *testing.T, f *fixture, headline, body string) string {
	t.Helper()
	it := f.srv.cfg.Catalog.Course(tcCourse).Item(tcPractice)
	rep := f.srv.gradeReleaseAt(itemView{Item: it}, releaseForm{Headline: strings.TrimSpace(cleanText(headline)), Body: strings.TrimSpace(cleanText(body))}, writingTime(it.Practice, f.srv.cfg.Now()))
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkedText saves a text with "Periksa" and opens the page that grades it.
func checkedText(t *testing.T, c *client, body string) page {
	t.Helper()
	if r := c.post(practiceURL+"/periksa", writeForm(c.get(practiceURL), goodHeadline, body)); r.status != http.StatusSeeOther {
		t.Fatalf("periksa: %d", r.status)
	}
	chk := c.get(practiceURL + "?periksa=1")
	if chk.status != http.StatusOK || chk.doc.Find(".report").Length() != 1 {
		t.Fatalf("checked page: %d, %d reports", chk.status, chk.doc.Find(".report").Length())
	}
	return chk
}

// storedReport is the report kept with version n of the trainee's release.
func storedReport(t *testing.T, db *store.DB, enrollmentID int64, n int) (string, domain.Submission) {
	t.Helper()
	ctx := context.Background()
	sub, err := db.SubmissionFor(ctx, enrollmentID, tcPractice)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := db.Versions(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != n {
		t.Fatalf("%d versions, want %d", len(vs), n)
	}
	return vs[n-1].ReportJSON, sub
}

// TestSendStoresTheCheckedGrade: "Kirim rilis" of the text the trainee has
// just checked stores that check's grade instead of grading again, the very
// report a new grade gives; a text other than the one checked is graded anew.
func TestSendStoresTheCheckedGrade(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		reused := &f.srv.trainees.gradesReused
		e, err := db.EnrollmentForCourse(context.Background(), f.users[domain.RolePeserta].ID, tcCourse)
		if err != nil {
			t.Fatal(err)
		}

		// Checked one text, sent another: the sent text's own grade.
		other := goodBody + "\n\nPosyandu keliling berikutnya digelar di Balai Desa Cibodas."
		chk := checkedText(t, c, goodBody)
		if r := c.post(practiceURL+"/kirim", writeForm(chk, goodHeadline, other)); r.status != http.StatusSeeOther {
			t.Fatalf("send: %d", r.status)
		}
		got, sub := storedReport(t, db, e.ID, 1)
		if want := freshGrade(t, f, goodHeadline, other); got != want || reused.Load() != 0 {
			t.Fatalf("another text than checked: stored report equals a new grade of it: %v; %d grades reused, want 0", got == want, reused.Load())
		}
		if got == freshGrade(t, f, goodHeadline, goodBody) {
			t.Fatal("the two texts grade alike: the test cannot tell them apart")
		}

		// Returned; the revision checked and sent as it is: the check's grade.
		vs, err := db.Versions(context.Background(), sub.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Decide(context.Background(), domain.DecideInput{SubmissionID: sub.ID, VersionID: vs[0].ID, LockVersion: sub.LockVersion,
			ReviewerID: f.users[domain.RoleFasilitator].ID, Decision: domain.DecisionReturn, FinalScore: 70, Scores: allScores(vs[0].AutoScore)}); err != nil {
			t.Fatal(err)
		}
		chk = checkedText(t, c, goodBody)
		if r := c.post(practiceURL+"/kirim", writeForm(chk, goodHeadline, goodBody)); r.status != http.StatusSeeOther || !strings.HasSuffix(r.header.Get("Location"), "/versi/2?terkirim=1") {
			t.Fatalf("send of the checked text: %d %s", r.status, r.header.Get("Location"))
		}
		got, _ = storedReport(t, db, e.ID, 2)
		if want := freshGrade(t, f, goodHeadline, goodBody); got != want || reused.Load() != 1 {
			t.Fatalf("the checked text: stored report equals a new grade: %v; %d grades reused, want 1", got == want, reused.Load())
		}
	})
}

// TestSameMomentSendsAfterCheck: after a check, a double click on "Kirim
// rilis" (both sends storing the check's grade) makes one version that both
// lead to, and two tabs sending the checked and another text at once make
// one version with that text's own grade and a clear 409, on both engines.
func TestSameMomentSendsAfterCheck(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		ctx := context.Background()
		cohort := f.enrollTrainee()
		other := goodBody + "\n\nPosyandu keliling berikutnya digelar di Balai Desa Cibodas."
		for round := range 6 {
			e, c := f.cohortTrainee(cohort, fmt.Sprintf("periksa%d", round))
			csrf := c.csrf()
			chk := checkedText(t, c, goodBody)
			if round%2 == 0 { // double click
				form := writeForm(chk, goodHeadline, goodBody)
				rs := together(func() reply { return c.send(practiceURL+"/kirim", form, csrf) }, func() reply { return c.send(practiceURL+"/kirim", form, csrf) })
				for _, r := range rs {
					if r.err != nil || r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, "/versi/1?terkirim=1") {
						t.Fatalf("round %d: double click answered %d → %q (%v), want 303 to version 1 for both", round, r.status, r.location, r.err)
					}
				}
				if got, _ := storedReport(t, db, e.ID, 1); got != freshGrade(t, f, goodHeadline, goodBody) {
					t.Fatalf("round %d: the stored report is not the text's grade", round)
				}
				continue
			}
			tab2 := c.get(practiceURL)
			rs := together(func() reply { return c.send(practiceURL+"/kirim", writeForm(chk, goodHeadline, goodBody), csrf) },
				func() reply { return c.send(practiceURL+"/kirim", writeForm(tab2, goodHeadline, other), csrf) })
			sent, refused := 0, 0
			for _, r := range rs {
				switch {
				case r.err != nil || r.status >= 500:
					t.Fatalf("round %d: two tabs: %d %v", round, r.status, r.err)
				case r.status == http.StatusSeeOther && strings.HasSuffix(r.location, "/versi/1?terkirim=1"):
					sent++
				case r.status == http.StatusConflict:
					refused++
				}
			}
			if sent != 1 || refused != 1 {
				t.Fatalf("round %d: two tabs: %d sent, %d refused; want 1 and 1", round, sent, refused)
			}
			got, sub := storedReport(t, db, e.ID, 1)
			vs, err := db.Versions(ctx, sub.ID)
			if err != nil {
				t.Fatal(err)
			}
			if want := freshGrade(t, f, vs[0].Headline, vs[0].Body); got != want {
				t.Fatalf("round %d: the stored report is not the grade of the stored text", round)
			}
		}
	})
}

// cohortTrainee creates a trainee of the fixture's region in cohort, logged
// in on a client of its own, with its enrollment in the test course.
func (f *fixture) cohortTrainee(cohort domain.Cohort, name string) (domain.EnrollmentView, *client) {
	f.t.Helper()
	ctx := context.Background()
	trainee := f.users[domain.RolePeserta]
	u, err := f.db.CreateUser(ctx, nil, domain.NewUser{RegionID: trainee.RegionID, OPDID: trainee.OPDID, Email: name + "@sukamaju.test",
		Name: "Peserta " + name, Role: domain.RolePeserta, PasswordHash: trainee.PasswordHash})
	if err != nil {
		f.t.Fatal(err)
	}
	if _, err := f.db.Enroll(ctx, nil, cohort.ID, []int64{u.ID}); err != nil {
		f.t.Fatal(err)
	}
	e, err := f.db.EnrollmentForCourse(ctx, u.ID, tcCourse)
	if err != nil {
		f.t.Fatal(err)
	}
	c := f.client()
	if p := c.login(u.Email, testPassword); p.status != http.StatusSeeOther {
		f.t.Fatalf("login %s: %d", u.Email, p.status)
	}
	return e, c
}
