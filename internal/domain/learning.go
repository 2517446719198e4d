package domain

import "time"

// Cohort is an angkatan: a group of trainees taking one course between two dates.
type Cohort struct {
	ID        int64     `db:"id"`
	RegionID  int64     `db:"region_id"`
	CourseID  string    `db:"course_id"`
	Name      string    `db:"name"`
	StartsOn  time.Time `db:"starts_on"`
	EndsOn    time.Time `db:"ends_on"`
	CreatedAt time.Time `db:"created_at"`
}

// Running reports whether day (a date in the region's zone) falls within the cohort's dates.
func (c Cohort) Running(day time.Time) bool {
	d := day.Format("2006-01-02")
	return d >= c.StartsOn.Format("2006-01-02") && d <= c.EndsOn.Format("2006-01-02")
}

// EnrollmentStatus is where a trainee stands in a cohort.
type EnrollmentStatus string

// Enrollment states.
const (
	EnrollmentActive   EnrollmentStatus = "aktif"
	EnrollmentFinished EnrollmentStatus = "selesai"
	EnrollmentLeft     EnrollmentStatus = "keluar"
)

// Enrollment puts one trainee in one cohort.
type Enrollment struct {
	ID        int64            `db:"id"`
	CohortID  int64            `db:"cohort_id"`
	UserID    int64            `db:"user_id"`
	Status    EnrollmentStatus `db:"status"`
	CreatedAt time.Time        `db:"created_at"`
}

// Item progress states as stored; "belum" is the absence of a row.
const (
	StateNotStarted = "belum"
	StateStarted    = "sedang"
	StateDone       = "selesai"
	StatePassed     = "lulus"
)

// ItemStateLabel names an item's state by what the trainee is doing with an
// item of that kind (lesson, quiz, practice): "Sedang" alone said nothing.
func ItemStateLabel(kind, s string) string {
	switch s {
	case StateStarted:
		switch kind {
		case "quiz":
			return "Sedang dikerjakan"
		case "practice":
			return "Sedang ditulis"
		}
		return "Sedang dipelajari"
	case StateDone:
		return "Selesai"
	case StatePassed:
		return "Lulus"
	}
	return "Belum"
}

// LiveSession is a sesi tatap muka of a cohort.
type LiveSession struct {
	ID        int64     `db:"id"`
	CohortID  int64     `db:"cohort_id"`
	Topic     string    `db:"topic"`
	StartsAt  time.Time `db:"starts_at"`
	EndsAt    time.Time `db:"ends_at"`
	Place     string    `db:"place"`
	Speaker   string    `db:"speaker"`
	CreatedAt time.Time `db:"created_at"`
}

// Attendance states.
const (
	AttendPresent = "hadir"
	AttendExcused = "izin"
	AttendAbsent  = "tidak_hadir"
)

// AttendanceLabel names an attendance state as the interface shows it.
func AttendanceLabel(s string) string {
	switch s {
	case AttendPresent:
		return "Hadir"
	case AttendExcused:
		return "Izin"
	case AttendAbsent:
		return "Tidak hadir"
	}
	return "Belum dicatat"
}

// EnrollmentView is an enrollment with its cohort and course, for the trainee.
type EnrollmentView struct {
	Enrollment
	CohortName  string    `db:"cohort_name"`
	CourseID    string    `db:"course_id"`
	CourseTitle string    `db:"course_title"`
	StartsOn    time.Time `db:"starts_on"`
	EndsOn      time.Time `db:"ends_on"`
}

// TraineeSession is a session in a trainee's schedule with their attendance.
type TraineeSession struct {
	LiveSession
	CohortName string `db:"cohort_name"`
	Attendance string `db:"attendance"`
}

// CancelSession is a coming live session to call off, with what its
// notification to the trainees says.
type CancelSession struct {
	SessionID int64
	ActorID   int64
	Reason    string // optional, shown to the trainees
	When      string // the session's time in words, as the trainees knew it
	Now       time.Time
}

// EditSession is a coming live session's new topic, time, place and speaker.
type EditSession struct {
	SessionID        int64
	ActorID          int64
	Topic            string
	StartsAt, EndsAt time.Time
	Place, Speaker   string
	// WhenOf writes a session's time in words, as the trainees read it.
	WhenOf func(start, end time.Time) string
	Now    time.Time
}

// CohortEdit is an admin's correction of a cohort's name and dates, with the
// values the form showed (Seen).
type CohortEdit struct {
	CohortID, RegionID, ActorID int64
	Name                        string
	StartsOn, EndsOn            time.Time
	Seen                        Cohort
}

// NewCohort is what it takes to open an angkatan.
type NewCohort struct {
	RegionID       int64
	CourseID       string
	Name           string
	StartsOn       time.Time
	EndsOn         time.Time
	FacilitatorIDs []int64
}

// CohortSummary is a cohort with its counts, for lists.
type CohortSummary struct {
	Cohort
	CourseTitle  string `db:"course_title"`
	Trainees     int    `db:"trainees"`
	Facilitators int    `db:"facilitators"`
	Sessions     int    `db:"sessions"`
}

// CohortMember is a trainee of a cohort with their OPD.
type CohortMember struct {
	EnrollmentID int64            `db:"enrollment_id"`
	UserID       int64            `db:"user_id"`
	Name         string           `db:"name"`
	Email        string           `db:"email"`
	OPDName      string           `db:"opd_name"`
	Status       EnrollmentStatus `db:"status"`
	Done         int              `db:"done"`
}

// AttendanceTally counts one session's recorded statuses.
type AttendanceTally struct {
	Present, Excused, Absent int
}

// Add counts one status.
func (t *AttendanceTally) Add(status string, n int) {
	switch status {
	case AttendPresent:
		t.Present += n
	case AttendExcused:
		t.Excused += n
	case AttendAbsent:
		t.Absent += n
	}
}

// FacilitatorSession is a live session of one of a facilitator's cohorts.
type FacilitatorSession struct {
	LiveSession
	CohortName string `db:"cohort_name"`
}

// LearnerProgress is one enrollment of a trainee with how far they are.
type LearnerProgress struct {
	EnrollmentID int64            `db:"enrollment_id"`
	UserID       int64            `db:"user_id"`
	Status       EnrollmentStatus `db:"status"`
	CohortName   string           `db:"cohort_name"`
	CourseID     string           `db:"course_id"`
	CourseTitle  string           `db:"course_title"`
	Items        int              `db:"items"`
	Done         int              `db:"done"`
}

// Percent is the share of the course's items completed, rounded down.
func (p LearnerProgress) Percent() int {
	if p.Items == 0 {
		return 0
	}
	return p.Done * 100 / p.Items
}

// AttendanceRow is one trainee on a session's attendance list.
type AttendanceRow struct {
	UserID  int64  `db:"user_id"`
	Name    string `db:"name"`
	OPDName string `db:"opd_name"`
	Status  string `db:"status"`
}
