package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// quizOrderOf lists the form's inputs in page order: the questions' and
// their options' order as shown.
func quizOrderOf(p page) []string {
	var out []string
	p.doc.Find("form.quiz input[type=radio], form.quiz input[type=checkbox]").Each(func(_ int, s *goquerySelection) {
		out = append(out, s.AttrOr("name", "")+"="+s.AttrOr("value", ""))
	})
	return out
}

// Each attempt has its own order, the same on every view of it (a reload or a
// refused form), and the next attempt another; answers are scored by value,
// whatever the order.
func TestQuizOrderPerAttempt(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		quiz := lessonURL + tcQuiz
		var orders [][]string
		for attempt := 1; attempt <= 3; attempt++ {
			first := quizOrderOf(c.get(quiz))
			if len(first) != 7 {
				t.Fatalf("attempt %d: %d inputs, want 7", attempt, len(first))
			}
			if again := quizOrderOf(c.get(quiz)); !slices.Equal(first, again) {
				t.Fatalf("attempt %d: a reload reordered the quiz:\n%v\n%v", attempt, first, again)
			}
			refused := c.post(quiz+"/kuis", quizForm("UU Nomor 11 Tahun 2008", "", "aktual"))
			if refused.status != http.StatusUnprocessableEntity || !slices.Equal(first, quizOrderOf(refused)) {
				t.Fatalf("attempt %d: a refused form (%d) came back in another order", attempt, refused.status)
			}
			if tf := first[slices.IndexFunc(first, func(s string) bool { return strings.HasPrefix(s, "q-teras=") }):]; tf[0] != "q-teras=true" || tf[1] != "q-teras=false" {
				t.Fatalf("true/false options reordered: %v", tf[:2])
			}
			orders = append(orders, first)
			if p := c.post(quiz+"/kuis", quizForm("UU Nomor 11 Tahun 2008", "true", "panjang")); p.status != http.StatusSeeOther {
				t.Fatalf("attempt %d: %d", attempt, p.status)
			}
		}
		if slices.Equal(orders[0], orders[1]) && slices.Equal(orders[1], orders[2]) {
			t.Fatalf("three attempts in one order: %v", orders[0])
		}
	})
}

// The reveal policies: never shows the answers, not even after passing;
// after_last_attempt shows them once the attempts are used up.
func TestQuizRevealPolicies(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		co := f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		quiz := lessonURL + tcQuiz
		q := co.Item(tcQuiz).Quiz
		q.Reveal, q.MaxAttempts = course.RevealAfterLast, 2
		fail := c.post(quiz+"/kuis", quizForm("UU Nomor 11 Tahun 2008", "true", "panjang"))
		if p := c.get(fail.header.Get("Location")); p.doc.Find(".answer-review").Length() != 0 || !strings.Contains(p.text(".withheld"), "atau kesempatan Anda habis") {
			t.Fatalf("after_last_attempt, one of two used: %q", p.text("#hasil"))
		}
		fail = c.post(quiz+"/kuis", quizForm("UU Nomor 11 Tahun 2008", "true", "panjang"))
		p := c.get(fail.header.Get("Location"))
		if p.doc.Find(".answer-review .q-wrong").Length() != 3 || !strings.Contains(p.text("#kesempatan"), "sudah habis (2 dari 2 kesempatan) tanpa lulus") {
			t.Fatalf("after_last_attempt, all used: %d wrong shown, %q", p.doc.Find(".answer-review .q-wrong").Length(), p.text("#kesempatan"))
		}
		// The checklist says the quiz can no longer be passed.
		if got := c.get("/kursus/" + tcCourse).text("#persyaratan + .checklist"); !strings.Contains(got, "Kesempatan mengerjakan “Kuis Dasar” sudah habis (2 dari 2 kesempatan terpakai) tanpa lulus.") {
			t.Fatalf("checklist: %q", got)
		}

		q.Reveal, q.MaxAttempts = course.RevealNever, 5
		pass := c.post(quiz+"/kuis", quizForm("UU Nomor 14 Tahun 2008", "false", "aktual", "faktual"))
		p = c.get(pass.header.Get("Location"))
		if !strings.Contains(p.text("#hasil"), "Lulus: nilai 100") || p.doc.Find(".answer-review").Length() != 0 ||
			strings.Contains(p.body, "UU 14/2008 adalah") || !strings.Contains(p.text(".withheld"), "tidak ditampilkan untuk kuis ini") {
			t.Fatalf("never: %q", p.text("#hasil"))
		}
	})
}

// Six submits at once of a quiz allowing three: three stored, three refused
// with the quiz page (409), never a 500, on both engines.
func TestConcurrentQuizSubmitsKeepTheLimit(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		form := quizForm("UU Nomor 11 Tahun 2008", "true", "panjang")
		form.Set(CSRFField, c.csrf())
		statuses := make([]int, 6)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range statuses {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				req, _ := http.NewRequest(http.MethodPost, f.ts.URL+lessonURL+tcQuiz+"/kuis", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				res, err := c.http.Do(req)
				if err != nil {
					statuses[i] = -1
					return
				}
				res.Body.Close()
				statuses[i] = res.StatusCode
			}()
		}
		close(start)
		wg.Wait()
		stored, refused := 0, 0
		for _, st := range statuses {
			switch st {
			case http.StatusSeeOther:
				stored++
			case http.StatusConflict:
				refused++
			default:
				t.Fatalf("statuses %v: want only 303 and 409", statuses)
			}
		}
		n, err := db.CountQuizAttempts(context.Background(), 1, tcQuiz)
		if err != nil {
			t.Fatal(err)
		}
		if stored != 3 || refused != 3 || n != 3 {
			t.Fatalf("%d stored, %d refused, %d in the database; want 3, 3, 3 (%v)", stored, refused, n, statuses)
		}
	})
}
