package domain

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

// NoticeKind says what a notification reports. The words a person reads are
// made from the kind and its NoticeParams when shown (internal/notice), so
// the same row reads in any interface language.
type NoticeKind string

// The notification kinds. The values are stored; never rename one.
const (
	// NoticeSubmissionSent tells a facilitator that a release waits for review.
	NoticeSubmissionSent NoticeKind = "submission_sent"
	// NoticeSubmissionApproved, -Returned and -Rejected tell a trainee a facilitator's decision.
	NoticeSubmissionApproved NoticeKind = "submission_approved"
	NoticeSubmissionReturned NoticeKind = "submission_returned"
	NoticeSubmissionRejected NoticeKind = "submission_rejected"
	// NoticeCertificateIssued tells a trainee their certificate was issued.
	NoticeCertificateIssued NoticeKind = "certificate_issued"
	// NoticeCertificateRevoked tells a holder an admin revoked their certificate.
	NoticeCertificateRevoked NoticeKind = "certificate_revoked"
	// NoticeLegacy is a notification stored as finished text before kinds
	// existed (migration 00010) whose kind could not be told from its text.
	NoticeLegacy NoticeKind = "legacy"
	// NoticeLiveSessionCancelled tells a trainee a coming sesi tatap muka was called off.
	NoticeLiveSessionCancelled NoticeKind = "live_session_cancelled"
	// NoticeLiveSessionChanged tells a trainee an admin changed a coming
	// session's topic, time or place.
	NoticeLiveSessionChanged NoticeKind = "live_session_changed"
	// NoticeSubmissionReopened tells a trainee a facilitator took back a
	// rejection: the release may be revised and sent again.
	NoticeSubmissionReopened NoticeKind = "submission_reopened"
)

// NoticeKinds lists every kind, for tests that must cover each one.
var NoticeKinds = []NoticeKind{NoticeSubmissionSent, NoticeSubmissionApproved, NoticeSubmissionReturned,
	NoticeSubmissionRejected, NoticeCertificateIssued, NoticeCertificateRevoked, NoticeLegacy, NoticeLiveSessionCancelled,
	NoticeLiveSessionChanged, NoticeSubmissionReopened}

// DecisionNotice is the kind that tells a trainee about a review decision.
func DecisionNotice(decision Decision) (NoticeKind, error) {
	switch decision {
	case DecisionApprove:
		return NoticeSubmissionApproved, nil
	case DecisionReturn:
		return NoticeSubmissionReturned, nil
	case DecisionReject:
		return NoticeSubmissionRejected, nil
	}
	return "", fmt.Errorf("tidak ada jenis pemberitahuan untuk keputusan “%s”", decision)
}

// NoticeParams are the facts a notification's text is made from: ids to
// link to, and the few values as they were when it happened (a score, a
// title, a certificate number), so that showing it needs no other table.
// Each kind uses some of them; see internal/notice.
type NoticeParams struct {
	SubmissionID int64  `json:"submission_id,omitempty"`
	Version      int    `json:"version,omitempty"`   // the version number sent
	Trainee      string `json:"trainee,omitempty"`   // the trainee's name, for facilitators
	CourseID     string `json:"course_id,omitempty"` // with ItemID: the practice item
	ItemID       string `json:"item_id,omitempty"`
	ItemTitle    string `json:"item_title,omitempty"`
	Score        int    `json:"score,omitempty"` // the decision's final score
	// Certificates.
	CertificateID    int64  `json:"certificate_id,omitempty"`
	Number           string `json:"number,omitempty"`
	CourseTitle      string `json:"course_title,omitempty"`
	CertificateTitle string `json:"certificate_title,omitempty"` // course.yaml's title; empty means "Sertifikat <course>"
	Reason           string `json:"reason,omitempty"`            // why it was revoked or cancelled
	// Live sessions: the topic and time as the trainees knew them.
	SessionTopic string `json:"session_topic,omitempty"`
	SessionWhen  string `json:"session_when,omitempty"`
	CohortName   string `json:"cohort_name,omitempty"`
	SessionPlace string `json:"session_place,omitempty"`
	// A changed session: its topic, time and place before the change.
	PrevTopic string `json:"prev_topic,omitempty"`
	PrevWhen  string `json:"prev_when,omitempty"`
	PrevPlace string `json:"prev_place,omitempty"`
}

// Value stores the parameters as a JSON object.
func (p NoticeParams) Value() (driver.Value, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("menyandikan parameter pemberitahuan: %w", err)
	}
	return string(b), nil
}

// Scan reads the JSON object stored by Value.
func (p *NoticeParams) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case string:
		b = []byte(v)
	case []byte:
		b = v
	case nil:
		*p = NoticeParams{}
		return nil
	default:
		return fmt.Errorf("parameter pemberitahuan: jenis %T tidak dikenal", src)
	}
	*p = NoticeParams{}
	if err := json.Unmarshal(b, p); err != nil {
		return fmt.Errorf("membaca parameter pemberitahuan: %w", err)
	}
	return nil
}

// Notification is an in-app message to one user, stored as what happened
// (Kind and Params); internal/notice turns it into words and a link.
type Notification struct {
	ID     int64        `db:"id"`
	UserID int64        `db:"user_id"`
	Kind   NoticeKind   `db:"kind"`
	Params NoticeParams `db:"params"`
	// LegacyMessage and LegacyLink hold the finished text of a notification
	// stored before kinds existed; it is shown as written. Empty for newer ones.
	LegacyMessage string     `db:"legacy_message"`
	LegacyLink    string     `db:"legacy_link"`
	CreatedAt     time.Time  `db:"created_at"`
	ReadAt        *time.Time `db:"read_at"`
	// E-mail copy (outbox): when it was claimed for sending, and how often it failed.
	EmailedAt     *time.Time `db:"emailed_at"`
	EmailAttempts int        `db:"email_attempts"`
}
