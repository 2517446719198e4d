package web

import (
	"regexp"
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
