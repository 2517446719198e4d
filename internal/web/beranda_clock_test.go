package web

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestBerandaChecklistFollowsTheClock: the kept Beranda body is written again
// once the clock passes a moment its checklist shows (a midnight: one day
// less left), though nothing else changed.
func TestBerandaChecklistFollowsTheClock(t *testing.T) {
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	c := f.as(domain.RolePeserta)
	daysLeft := regexp.MustCompile(`\((\d+) hari lagi\)`)
	left := func() string {
		t.Helper()
		p := c.get("/beranda")
		m := daysLeft.FindStringSubmatch(p.body)
		if m == nil {
			t.Fatalf("the Beranda (%d) shows no days left: %s", p.status, p.text("main"))
		}
		return m[1]
	}
	// Back to just before and after the last midnight (the session, seen
	// later, stays valid), within the minute after which the Beranda's
	// lists are read again anyway.
	today := f.clock.now.In(WIB)
	midnight := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, WIB)
	f.clock.now = midnight.Add(-10 * time.Second)
	first := left()
	if again := left(); again != first {
		t.Fatalf("the same moment: %s, then %s days left", first, again)
	}
	f.clock.now = midnight.Add(10 * time.Second)
	if next := left(); next == first {
		t.Fatalf("after midnight the Beranda still says %s days left", next)
	}
}

// TestCoursePageChecklistFollowsTheClock: the course page's kept head is
// made again once the clock passes a moment its checklist shows, though
// nothing else changed: a session's start (the next session it names) and
// a midnight (one day less left).
func TestCoursePageChecklistFollowsTheClock(t *testing.T) {
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	co := f.enrollTrainee()
	// Moments before the login (a session seen later stays valid), as in
	// TestBerandaChecklistFollowsTheClock.
	start := f.clock.now.Add(-3 * time.Hour)
	first := start.Add(time.Hour)
	for i, topic := range []string{"Sesi pembuka", "Sesi penutup"} {
		at := first.Add(time.Duration(i) * 48 * time.Hour)
		if _, err := f.db.CreateLiveSession(context.Background(), nil, domain.LiveSession{CohortID: co.ID, Topic: topic,
			StartsAt: at, EndsAt: at.Add(time.Hour), Place: "Aula Setda"}); err != nil {
			t.Fatal(err)
		}
	}
	c := f.as(domain.RolePeserta)
	f.clock.now = start
	daysLeft := regexp.MustCompile(`\((\d+) hari lagi\)`)
	checklist := func() (string, string) {
		t.Helper()
		p := c.get("/kursus/" + tcCourse)
		got := strings.Join(strings.Fields(p.text("#persyaratan + .checklist")), " ")
		m := daysLeft.FindStringSubmatch(got)
		if m == nil {
			t.Fatalf("the course page (%d) shows no days left: %q", p.status, got)
		}
		return got, m[1]
	}
	if got, _ := checklist(); !strings.Contains(got, "Sesi berikutnya: Sesi pembuka") {
		t.Fatalf("the coming session is not named: %q", got)
	}
	checklist() // the kept head
	f.clock.now = first.Add(time.Minute)
	if got, _ := checklist(); !strings.Contains(got, "Sesi berikutnya: Sesi penutup") {
		t.Fatalf("once the first session started the checklist should name the next: %q", got)
	}
	today := f.clock.now.In(WIB)
	midnight := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, WIB)
	f.clock.now = midnight.Add(-10 * time.Second)
	_, before := checklist()
	if _, again := checklist(); again != before {
		t.Fatalf("the same moment: %s, then %s days left", before, again)
	}
	f.clock.now = midnight.Add(10 * time.Second)
	if _, after := checklist(); after == before {
		t.Fatalf("after midnight the course page still says %s days left", after)
	}
}

// TestChecklistUntil: the next midnight in WIB, or a session's start before it.
func TestChecklistUntil(t *testing.T) {
	now := time.Date(2026, 4, 20, 10, 0, 0, 0, WIB)
	midnight := time.Date(2026, 4, 21, 0, 0, 0, 0, WIB)
	if got := checklistUntil(nil, now); !got.Equal(midnight) {
		t.Errorf("no sessions: %v, want %v", got, midnight)
	}
	sessions := []domain.SessionMark{{StartsAt: now.Add(-time.Hour)}, {StartsAt: now.Add(3 * time.Hour)}, {StartsAt: now.Add(time.Hour)}}
	if got := checklistUntil(sessions, now); !got.Equal(now.Add(time.Hour)) {
		t.Errorf("sessions: %v, want %v", got, now.Add(time.Hour))
	}
	if got := checklistUntil(sessions, now.Add(time.Hour)); !got.Equal(now.Add(3 * time.Hour)) {
		t.Errorf("at a session's start: %v, want the next one", got)
	}
}
