package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestSelesaiStartsTheNextItem: "Tandai selesai" marks the next item started
// with the lesson, so the page its redirect opens writes nothing and the
// trainee's progress is read once, not again after a second write; an item
// already further on keeps its state.
func TestSelesaiStartsTheNextItem(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		ctx := context.Background()
		c := f.as(domain.RolePeserta)
		e, err := db.EnrollmentForCourse(ctx, f.users[domain.RolePeserta].ID, tcCourse)
		if err != nil {
			t.Fatal(err)
		}
		c.get(lessonURL + tcLesson1)
		done := c.post(lessonURL+tcLesson1+"/selesai", nil)
		if done.status != http.StatusSeeOther || done.header.Get("Location") != lessonURL+tcLesson2+"?selesai="+tcLesson1 {
			t.Fatalf("mark done: %d → %s", done.status, done.header.Get("Location"))
		}
		states, err := db.ItemStates(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if states[tcLesson1] != domain.StateDone || states[tcLesson2] != domain.StateStarted {
			t.Fatalf("after Tandai selesai: %v, want %s done and %s started", states, tcLesson1, tcLesson2)
		}
		// The redirect's page reads the progress once and writes nothing: the
		// course page after it is served from the same copy.
		if p := c.get(done.header.Get("Location")); p.status != http.StatusOK {
			t.Fatalf("next item: %d", p.status)
		}
		_, misses, _ := f.srv.trainees.progress.Stats()
		course := c.get("/kursus/" + tcCourse)
		if _, m, _ := f.srv.trainees.progress.Stats(); m != misses {
			t.Errorf("the course page after the next item read the progress again (%d misses, was %d)", m, misses)
		}
		if n := course.doc.Find(".state-sedang").Length(); n != 1 {
			t.Errorf("course page: %d items started, want 1 (%s)", n, tcLesson2)
		}

		// Lesson 2 done leads to the quiz; a quiz already passed stays passed.
		if err := db.SetItemState(ctx, e.ID, tcCourse, tcQuiz, f.srv.cfg.Catalog.Course(tcCourse).Item(tcQuiz).Hash, domain.StatePassed); err != nil {
			t.Fatal(err)
		}
		if r := c.post(lessonURL+tcLesson2+"/selesai", nil); r.status != http.StatusSeeOther {
			t.Fatalf("mark lesson 2 done: %d", r.status)
		}
		if states, err = db.ItemStates(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
		if states[tcLesson2] != domain.StateDone || states[tcQuiz] != domain.StatePassed {
			t.Fatalf("after the second Tandai selesai: %v", states)
		}
	})
}

// TestSameMomentSelesaiAndNextOpen: two "Tandai selesai" on a lesson at once,
// and one at the same moment as the first view of the next item, on both
// engines: every request answers as a second later would, the lesson is done
// and the next item started.
func TestSameMomentSelesaiAndNextOpen(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		ctx := context.Background()
		cohort := f.enrollTrainee()
		for round := range 10 {
			e, c := f.cohortTrainee(cohort, fmt.Sprintf("selesai%d", round))
			csrf := c.csrf()
			c.get(lessonURL + tcLesson1)
			selesai := func() reply { return c.send(lessonURL+tcLesson1+"/selesai", url.Values{}, csrf) }
			second := selesai
			if round%2 == 1 {
				second = func() reply { return c.send(lessonURL+tcLesson2, nil, "") }
			}
			rs := together(selesai, second)
			if rs[0].err != nil || rs[0].status != http.StatusSeeOther || !strings.HasPrefix(rs[0].location, lessonURL+tcLesson2) {
				t.Fatalf("round %d: Tandai selesai answered %d → %q (%v)", round, rs[0].status, rs[0].location, rs[0].err)
			}
			if want := map[bool]int{false: http.StatusSeeOther, true: http.StatusOK}[round%2 == 1]; rs[1].err != nil || rs[1].status != want {
				t.Fatalf("round %d: the other request answered %d (%v), want %d", round, rs[1].status, rs[1].err, want)
			}
			states, err := db.ItemStates(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(states) != 2 || states[tcLesson1] != domain.StateDone || states[tcLesson2] != domain.StateStarted {
				t.Fatalf("round %d: progress %v, want %s done and %s started", round, states, tcLesson1, tcLesson2)
			}
		}
	})
}
