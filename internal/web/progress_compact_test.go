package web

import (
	"maps"
	"reflect"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// The cached compact form of the requirements gives back exactly what the
// store read, and trainees of one cohort share its table.
func TestPackedRequirementsRoundTrip(t *testing.T) {
	ends := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	at := time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)
	mk := func(enrollment, user int64, state string, attempts int, status string) *domain.Requirements {
		return &domain.Requirements{EnrollmentID: enrollment, UserID: user, CohortID: 7, CourseID: "kursus", EndsOn: ends, RequiredAttendance: 2,
			Items: []domain.RequiredItem{
				{ItemID: "m1", Kind: "lesson", State: domain.StateDone},
				{ItemID: "k1", Kind: "quiz", State: state, Attempts: attempts},
				{ItemID: "l1", Kind: "practice", State: domain.StateStarted, Attempts: 3, ExtraAttempts: 2, SubState: domain.SubRejected},
				{ItemID: "l2", Kind: "practice", State: "keadaan-baru", SubState: domain.SubmissionState("keadaan-lain")},
			},
			Sessions: []domain.SessionMark{
				{SessionID: 1, Topic: "Pembukaan", StartsAt: at, EndsAt: at.Add(time.Hour), Status: domain.AttendPresent},
				{SessionID: 2, Topic: "Praktik", StartsAt: at.Add(24 * time.Hour), EndsAt: at.Add(25 * time.Hour), Status: status},
			},
			Facilitators: []string{"Asep", "Rina"},
		}
	}
	a, b := mk(1, 10, domain.StatePassed, 300, ""), mk(2, 11, "", 0, domain.AttendAbsent)
	pa, pb := packRequirements(a), packRequirements(b)
	for _, c := range []struct {
		in *domain.Requirements
		p  packedReqs
	}{{a, pa}, {b, pb}} {
		if c.p.full != nil {
			t.Fatalf("enrollment %d kept as read", c.in.EnrollmentID)
		}
		if got := c.p.expand(); !reflect.DeepEqual(got, c.in) {
			t.Errorf("enrollment %d:\n got %+v\nwant %+v", c.in.EnrollmentID, got, c.in)
		}
	}
	if pa.table != pb.table {
		t.Error("two trainees of one cohort do not share its table")
	}
	if n := pa.bytes(); n > 128 {
		t.Errorf("compact requirements of 4 items and 2 sessions hold %d bytes", n)
	}
	// A changed table (a session moved) is kept apart; the old copy keeps its own.
	c := mk(3, 12, "", 0, "")
	c.Sessions[1].Topic = "Praktik lanjutan"
	if pc := packRequirements(c); pc.table == pa.table || !reflect.DeepEqual(pc.expand(), c) || !reflect.DeepEqual(pa.expand(), a) {
		t.Error("a cohort's changed table is not kept apart")
	}
	// An expanded copy is the caller's: changing it changes no other view.
	e := pa.expand()
	e.Items[0].State, e.Sessions[0].Status = "", ""
	if !reflect.DeepEqual(pa.expand(), a) {
		t.Error("changing an expanded copy changed the cache")
	}
	// A count past what the compact form holds is kept as read.
	big := mk(4, 13, "", 70_000, "")
	if p := packRequirements(big); p.full != big || p.expand() != big {
		t.Error("70,000 attempts were not kept as read")
	}
	if got := packRequirements(&domain.Requirements{EnrollmentID: 5}).expand(); !reflect.DeepEqual(got, &domain.Requirements{EnrollmentID: 5}) {
		t.Errorf("empty requirements: %+v", got)
	}

	// The pages' checklists come from a pooled copy: the same as from the
	// value read, whatever the copy held before (a longer list, other states).
	now := at.Add(36 * time.Hour)
	small := mk(6, 14, "", 1, "")
	small.Items, small.Sessions, small.RequiredAttendance = small.Items[1:2], nil, 0
	for i, in := range []*domain.Requirements{a, small, b, small, big, a} {
		want := newChecklist(i18n.ID, in, nil, now, viewerTrainee)
		for range 2 {
			if got := packRequirements(in).checklist(i18n.ID, nil, now, viewerTrainee); !reflect.DeepEqual(got, want) {
				t.Errorf("checklist %d from the pooled copy:\n got %+v\nwant %+v", i, got, want)
			}
		}
	}
}

// Item states kept by course position read back as stored, items no longer in
// the course's files included, and a changed copy leaves the cached one alone.
func TestItemStatesCompact(t *testing.T) {
	cat, problems := course.Load(testCourseFiles(), ".")
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	co := cat.Course(tcCourse)
	stored := map[string]string{tcLesson1: domain.StateDone, tcQuiz: domain.StatePassed, "dihapus": domain.StateStarted, tcLesson2: ""}
	s := packStates(co, stored)
	got := map[string]string{}
	s.each(func(id, st string) { got[id] = st })
	if !maps.Equal(got, stored) {
		t.Errorf("each: %v, want %v", got, stored)
	}
	for id, want := range stored {
		if st, ok := s.get(id); !ok || st != want {
			t.Errorf("get(%s) = %q, %v; want %q", id, st, ok, want)
		}
	}
	if st, ok := s.get(tcPractice); ok || st != "" {
		t.Errorf("practice without a row: %q, %v", st, ok)
	}
	w := s.with(tcPractice, domain.StateStarted).with("dihapus", domain.StateDone).with(tcLesson1, domain.StatePassed)
	for id, want := range map[string]string{tcPractice: domain.StateStarted, "dihapus": domain.StateDone, tcLesson1: domain.StatePassed, tcQuiz: domain.StatePassed} {
		if st, _ := w.get(id); st != want {
			t.Errorf("changed copy: %s = %q, want %q", id, st, want)
		}
	}
	got = map[string]string{}
	s.each(func(id, st string) { got[id] = st })
	if !maps.Equal(got, stored) {
		t.Errorf("the cached states changed with the copy: %v", got)
	}
	// Without the course in the files every state is kept as read.
	n := packStates(nil, stored)
	for id, want := range stored {
		if st, ok := n.get(id); !ok || st != want {
			t.Errorf("no course: get(%s) = %q, %v", id, st, ok)
		}
	}
	if st, ok := (itemStates{}).with(tcLesson1, domain.StateStarted).get(tcLesson1); !ok || st != domain.StateStarted {
		t.Errorf("empty states with one set: %q, %v", st, ok)
	}
}
