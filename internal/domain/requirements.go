package domain

import "time"

// Requirements is what an enrollment has done towards its course's
// certificate, read in one go by the store: the issuing transaction decides
// with Met, and the pages' checklist is made from the same value, so the two
// cannot disagree.
type Requirements struct {
	EnrollmentID       int64
	UserID             int64
	CohortID           int64
	CourseID           string
	EndsOn             time.Time // the cohort's last day
	RequiredAttendance int
	// Items are the course's required items that are not removed, in course order.
	Items []RequiredItem
	// Sessions are the cohort's live sessions in time order with this trainee's status.
	Sessions []SessionMark
	// Facilitators are the names of the cohort's facilitators, the people to contact.
	Facilitators []string
}

// RequiredItem is one required item and how far the trainee got.
type RequiredItem struct {
	ItemID string
	Kind   string // lesson, quiz, practice
	State  string // progress state, "" for none
	// Attempts: quiz attempts made, or practice versions sent.
	Attempts int
	// ExtraAttempts are practice attempts a facilitator gave back on reopening
	// a rejection, beyond the practice's own limit.
	ExtraAttempts int
	// SubState is the practice's submission state ("" when none).
	SubState SubmissionState
}

// Done reports whether the item counts for the certificate: a lesson at
// selesai, a quiz or practice only at lulus (passed, approved or auto-passed).
func (it RequiredItem) Done() bool {
	return it.State == StatePassed || (it.State == StateDone && it.Kind == "lesson")
}

// SessionMark is one live session of the cohort with the trainee's status ("" when not recorded).
type SessionMark struct {
	SessionID int64
	Topic     string
	StartsAt  time.Time
	EndsAt    time.Time
	Status    string
}

// Tally counts the required items of a kind and those done.
func (r Requirements) Tally(kind string) (done, total int) {
	for _, it := range r.Items {
		if it.Kind == kind {
			total++
			if it.Done() {
				done++
			}
		}
	}
	return done, total
}

// Attended counts the sessions marked Hadir.
func (r Requirements) Attended() int {
	n := 0
	for _, s := range r.Sessions {
		if s.Status == AttendPresent {
			n++
		}
	}
	return n
}

// Met is the certificate rule: every required item done and at least the
// required number of sessions attended.
func (r Requirements) Met() bool {
	for _, it := range r.Items {
		if !it.Done() {
			return false
		}
	}
	return r.Attended() >= r.RequiredAttendance
}
