package domain

import "time"

// SubmissionState is where a submission stands in the review workflow
// (DESIGN.md §9).
type SubmissionState string

// Submission states.
const (
	SubDraft     SubmissionState = "draft"
	SubSubmitted SubmissionState = "submitted"
	SubInReview  SubmissionState = "in_review"
	SubReturned  SubmissionState = "returned"
	SubApproved  SubmissionState = "approved"
	SubRejected  SubmissionState = "rejected"
)

// Label is the interface word for the state.
func (s SubmissionState) Label() string {
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
	return string(s)
}

// SubmissionStateLabel is the interface word for a submission state.
func SubmissionStateLabel(s SubmissionState) string { return s.Label() }

// transitions lists every legal move of the review state machine.
var transitions = map[SubmissionState][]SubmissionState{
	SubDraft:     {SubSubmitted},
	SubReturned:  {SubSubmitted},
	SubSubmitted: {SubInReview, SubApproved, SubReturned, SubRejected},
	SubInReview:  {SubApproved, SubReturned, SubRejected},
	// A rejection closes that text, not the practice: the trainee may start
	// again from an empty draft while attempts remain (DESIGN.md §9).
	SubRejected: {SubDraft},
}

// CanTransition reports whether a submission may move from one state to another.
func CanTransition(from, to SubmissionState) bool {
	for _, t := range transitions[from] {
		if t == to {
			return true
		}
	}
	return false
}

// Decision is a facilitator's verdict on a version. It is not a state: each
// decision names the state it moves the submission to (Result).
type Decision string

// Review decisions.
const (
	DecisionApprove Decision = "approved"
	DecisionReturn  Decision = "returned"
	DecisionReject  Decision = "rejected"
)

// decisionResults maps each decision to the state it leads to.
var decisionResults = map[Decision]SubmissionState{
	DecisionApprove: SubApproved,
	DecisionReturn:  SubReturned,
	DecisionReject:  SubRejected,
}

// Result is the state a submission moves to by this decision; ok is false
// for anything that is not a decision.
func (d Decision) Result() (SubmissionState, bool) {
	st, ok := decisionResults[d]
	return st, ok
}

// Label is the interface word for the decision ("Disetujui").
func (d Decision) Label() string {
	if st, ok := d.Result(); ok {
		return st.Label()
	}
	return string(d)
}

// CanDecide reports whether a submission in state from may take decision d.
func CanDecide(from SubmissionState, d Decision) bool {
	to, ok := d.Result()
	return ok && CanTransition(from, to)
}

// Submission is a trainee's work on one practice item: the draft being
// written and the count of versions sent.
type Submission struct {
	ID            int64           `db:"id"`
	EnrollmentID  int64           `db:"enrollment_id"`
	UserID        int64           `db:"user_id"`
	CourseID      string          `db:"course_id"`
	ItemID        string          `db:"item_id"`
	State         SubmissionState `db:"state"`
	LockVersion   int             `db:"lock_version"`
	DraftHeadline string          `db:"draft_headline"`
	DraftBody     string          `db:"draft_body"`
	DraftSavedAt  *time.Time      `db:"draft_saved_at"`
	Versions      int             `db:"versions"`
	// ExtraAttempts are attempts a facilitator gave back, by reopening a
	// rejection or returning the last attempt, on top of max_attempts.
	ExtraAttempts int        `db:"extra_attempts"`
	SubmittedAt   *time.Time `db:"submitted_at"`
	DecidedAt     *time.Time `db:"decided_at"`
	CreatedAt     time.Time  `db:"created_at"`
	UpdatedAt     time.Time  `db:"updated_at"`
}

// AttemptLimit is how many versions may be sent, given the practice's
// max_attempts (0: unlimited) and the attempts a facilitator gave back.
func (s Submission) AttemptLimit(maxAttempts int) int {
	if maxAttempts <= 0 {
		return 0
	}
	return maxAttempts + s.ExtraAttempts
}

// AttemptsLeft is how many versions may still be sent; -1 means unlimited.
func (s Submission) AttemptsLeft(maxAttempts int) int {
	if maxAttempts <= 0 {
		return -1
	}
	return max(0, s.AttemptLimit(maxAttempts)-s.Versions)
}

// CanReopen reports whether a facilitator may take back the decision that
// put a submission in this state: only a rejection is taken back (approving
// or returning leaves the trainee a way on already).
func CanReopen(st SubmissionState) bool { return st == SubRejected }

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

// Review is a facilitator's decision on one version.
type Review struct {
	ID             int64     `db:"id"`
	VersionID      int64     `db:"version_id"`
	ReviewerID     int64     `db:"reviewer_id"`
	Decision       Decision  `db:"decision"`
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

// SubmissionContext is what access checks need to know about a submission.
type SubmissionContext struct {
	Submission
	CohortID   int64  `db:"cohort_id"`
	RegionID   int64  `db:"region_id"`
	Trainee    string `db:"trainee"`
	OPDName    string `db:"opd_name"`
	CohortName string `db:"cohort_name"`
}

// VersionReport is one sent version of a cohort's release with its automatic report.
type VersionReport struct {
	SubmissionID int64     `db:"submission_id"`
	Number       int       `db:"number"`
	UserID       int64     `db:"user_id"`
	Trainee      string    `db:"trainee"`
	ItemID       string    `db:"item_id"`
	CreatedAt    time.Time `db:"created_at"`
	ReportJSON   string    `db:"report_json"`
}

// QueueFilter narrows the review queue. Zero values mean "all".
type QueueFilter struct {
	RegionID      int64
	FacilitatorID int64 // when set, only cohorts this user facilitates
	CohortID      int64
	OPDID         int64
	State         SubmissionState // submitted, in_review, or "" for both
}

// QueueEntry is one submission waiting for a decision.
type QueueEntry struct {
	SubmissionID int64           `db:"submission_id"`
	ItemID       string          `db:"item_id"`
	CourseID     string          `db:"course_id"`
	State        SubmissionState `db:"state"`
	Versions     int             `db:"versions"`
	SubmittedAt  time.Time       `db:"submitted_at"`
	Trainee      string          `db:"trainee"`
	OPDName      string          `db:"opd_name"`
	CohortID     int64           `db:"cohort_id"`
	CohortName   string          `db:"cohort_name"`
	AutoScore    int             `db:"auto_score"`
}

// CriterionAgreement says how far facilitators' final scores are from the grader's on one criterion.
type CriterionAgreement struct {
	Criterion   string  `db:"criterion"`
	Reviews     int     `db:"n"`
	MeanAbsDiff float64 `db:"mad"`
	WithinTen   int     `db:"within_ten"`
	ShareWithin float64 `db:"-"`
	MeanAuto    float64 `db:"mean_auto"`
	MeanFinal   float64 `db:"mean_final"`
	Overridden  int     `db:"overridden"`
}

// SubmitInput is one "Kirim rilis".
type SubmitInput struct {
	SubmissionID int64
	// With SubmissionID 0 the submission of EnrollmentID for ItemID is
	// created first (as a draft of UserID's, in CourseID) when there is none.
	EnrollmentID  int64
	UserID        int64
	CourseID      string
	ItemID        string
	LockVersion   int    // as shown in the form; a stale one means another tab already sent
	SubmitKey     string // random per form; the same key twice is the same click
	Headline      string
	Body          string
	ReportJSON    string
	GraderVersion string
	AutoScore     int
	MaxAttempts   int
	ItemHash      string // the practice item's content version, for progress
	// AutoReview decides at once: approved when AutoScore ≥ PassScore, else returned.
	AutoReview bool
	PassScore  int
	// Notify lists the facilitators to tell about a submission that waits for them.
	Notify []int64
	// NotifyCohort, when set, tells that cohort's facilitators as well, read
	// in the submitting transaction (no read of its own before it).
	NotifyCohort int64
}

// ReopenInput is a facilitator taking back a rejection.
type ReopenInput struct {
	SubmissionID int64
	ActorID      int64
	LockVersion  int    // as shown on the review page; a stale one is a conflict
	Reason       string // required, shown to the trainee
	MaxAttempts  int    // the practice's max_attempts (0: unlimited)
}

// DecideInput is one facilitator decision.
type DecideInput struct {
	SubmissionID int64
	VersionID    int64
	LockVersion  int
	ReviewerID   int64
	Decision     Decision
	General      string
	FinalScore   int
	Scores       []ReviewScore // every criterion, auto and final
	MaxAttempts  int           // the practice's; returning the last attempt gives one back
}
