package domain

import "time"

// Submission states (DESIGN.md §9).
const (
	SubDraft     = "draft"
	SubSubmitted = "submitted"
	SubInReview  = "in_review"
	SubReturned  = "returned"
	SubApproved  = "approved"
	SubRejected  = "rejected"
)

// SubmissionStateLabel is the interface word for a submission state.
func SubmissionStateLabel(s string) string {
	switch s {
	case SubDraft:
		return "Draf"
	case SubSubmitted:
		return "Menunggu penilaian"
	case SubInReview:
		return "Sedang dinilai"
	case SubReturned:
		return "Dikembalikan"
	case SubApproved:
		return "Disetujui"
	case SubRejected:
		return "Ditolak"
	}
	return s
}

// transitions lists every legal move of the review state machine.
var transitions = map[string][]string{
	SubDraft:     {SubSubmitted},
	SubReturned:  {SubSubmitted},
	SubSubmitted: {SubInReview, SubApproved, SubReturned, SubRejected},
	SubInReview:  {SubApproved, SubReturned, SubRejected},
}

// CanTransition reports whether a submission may move from one state to another.
func CanTransition(from, to string) bool {
	for _, t := range transitions[from] {
		if t == to {
			return true
		}
	}
	return false
}

// Submission is a trainee's work on one practice item: the draft being
// written and the count of versions sent.
type Submission struct {
	ID            int64      `db:"id"`
	EnrollmentID  int64      `db:"enrollment_id"`
	UserID        int64      `db:"user_id"`
	CourseID      string     `db:"course_id"`
	ItemID        string     `db:"item_id"`
	State         string     `db:"state"`
	LockVersion   int        `db:"lock_version"`
	DraftHeadline string     `db:"draft_headline"`
	DraftBody     string     `db:"draft_body"`
	DraftSavedAt  *time.Time `db:"draft_saved_at"`
	Versions      int        `db:"versions"`
	SubmittedAt   *time.Time `db:"submitted_at"`
	DecidedAt     *time.Time `db:"decided_at"`
	CreatedAt     time.Time  `db:"created_at"`
	UpdatedAt     time.Time  `db:"updated_at"`
}

// Editable reports whether the trainee may change the text now.
func (s Submission) Editable() bool { return s.State == SubDraft || s.State == SubReturned }

// SubmissionVersion is one sent text with its automatic report.
type SubmissionVersion struct {
	ID            int64     `db:"id"`
	SubmissionID  int64     `db:"submission_id"`
	Number        int       `db:"number"`
	Headline      string    `db:"headline"`
	Body          string    `db:"body"`
	ReportJSON    string    `db:"report_json"`
	GraderVersion string    `db:"grader_version"`
	AutoScore     int       `db:"auto_score"`
	FinalScore    *int      `db:"final_score"`
	SubmitKey     string    `db:"submit_key"`
	CreatedAt     time.Time `db:"created_at"`
}

// Review decisions.
const (
	DecisionApprove = "approved"
	DecisionReturn  = "returned"
	DecisionReject  = "rejected"
)

// Review is a facilitator's decision on one version.
type Review struct {
	ID             int64     `db:"id"`
	VersionID      int64     `db:"version_id"`
	ReviewerID     int64     `db:"reviewer_id"`
	Decision       string    `db:"decision"`
	GeneralComment string    `db:"general_comment"`
	FinalScore     int       `db:"final_score"`
	CreatedAt      time.Time `db:"created_at"`
}

// ReviewScore is the facilitator's score for one criterion next to the automatic one.
type ReviewScore struct {
	ReviewID   int64  `db:"review_id"`
	Criterion  string `db:"criterion"`
	AutoScore  int    `db:"auto_score"`
	FinalScore int    `db:"final_score"`
	Reason     string `db:"reason"`
}

// ReviewComment is a facilitator's remark anchored to a passage of a version.
type ReviewComment struct {
	ID         int64     `db:"id"`
	VersionID  int64     `db:"version_id"`
	ReviewerID int64     `db:"reviewer_id"`
	Field      string    `db:"field"`
	Start      int       `db:"start_pos"`
	End        int       `db:"end_pos"`
	Quote      string    `db:"quote"`
	Body       string    `db:"body"`
	CreatedAt  time.Time `db:"created_at"`
}
