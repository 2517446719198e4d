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

// StateLabel is how the interface names an item state.
func StateLabel(s string) string {
	switch s {
	case StateStarted:
		return "Sedang"
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
