package web

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
)

// practiceHistory is a submission's versions (without their texts and
// reports) with the decisions on them, as of the submission row it was read
// for: a draft saved since does not change it, a version sent, a decision or
// a reopening does.
type practiceHistory struct {
	of       practiceHistoryKey
	versions []sentVersion
	reviews  map[int64]domain.Review
}

type practiceHistoryKey struct {
	id              int64
	state           domain.SubmissionState
	versions, extra int
	decided         time.Time
}

// practiceHistoryOf reads a submission's history, kept with the trainee's
// progress copy p (nil: not kept); a changed submission state drops the
// copy, and the key catches anything else that moved.
func (s *Server) practiceHistoryOf(ctx context.Context, p *progressData, sub domain.Submission) (*practiceHistory, error) {
	key := practiceHistoryKey{id: sub.ID, state: sub.State, versions: sub.Versions, extra: sub.ExtraAttempts}
	if sub.DecidedAt != nil {
		key.decided = *sub.DecidedAt
	}
	pk := quizKey{sub.EnrollmentID, sub.ItemID}
	if p != nil {
		if h, ok := p.practices.Load(pk); ok && h.of == key {
			return h, nil
		}
	}
	vs, err := s.db.Versions(ctx, sub.ID)
	if err != nil {
		return nil, err
	}
	reviews, err := s.db.ReviewsOf(ctx, sub.ID)
	if err != nil {
		return nil, err
	}
	h := &practiceHistory{of: key, reviews: reviews}
	for _, x := range vs {
		x.Headline, x.Body, x.ReportJSON = "", "", "" // not shown here; kept small
		h.versions = append(h.versions, sentVersion{SubmissionVersion: x, DecisionLabel: reviews[x.ID].Decision.Label()})
	}
	if p != nil {
		p.practices.Store(pk, h)
	}
	return h, nil
}

// feedbackView is the decision on the latest version, shown where the trainee
// writes: the general comment, every score the facilitator changed with its
// reason, and the comments on passages.
type feedbackView struct {
	Decision      domain.Decision
	DecisionLabel string
	Reviewer      string
	When          string
	General       string
	FinalScore    int
	VersionNumber int
	VersionURL    string
	Scores        []domain.ReviewScore // only those changed, in report order
	Comments      []versionComment
	// Reopened: the decision was a rejection a facilitator took back; the
	// text may be revised and sent again. ReopenedBy, ReopenedWhen and
	// ReopenReason come from the reopen's audit entry.
	Reopened     bool
	ReopenedBy   string
	ReopenedWhen string
	ReopenReason string
}

type sentVersion struct {
	domain.SubmissionVersion
	DecisionLabel string
}

// reopenOf fills who took a rejection back, when and why, from the newest
// "submission.reopen" audit entry of the submission.
func (s *Server) reopenOf(c echo.Context, fb *feedbackView, submissionID int64) error {
	entries, err := s.db.AuditFor(c.Request().Context(), "submission", strconv.FormatInt(submissionID, 10), 50)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Action != "submission.reopen" {
			continue
		}
		fb.ReopenReason, fb.ReopenedWhen = e.Reason, dateTime(e.CreatedAt)
		if e.ActorID != nil {
			nm := &reviewerNames{s: s, c: c, cache: map[int64]string{}}
			if fb.ReopenedBy, err = nm.of(*e.ActorID); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

// feedbackOf arranges a facilitator's decision on a version for the writing page.
func (s *Server) feedbackOf(c echo.Context, r domain.Review, v domain.SubmissionVersion) (*feedbackView, error) {
	ctx := c.Request().Context()
	fb := &feedbackView{Decision: r.Decision, DecisionLabel: r.Decision.Label(), When: dateTime(r.CreatedAt),
		General: r.GeneralComment, FinalScore: r.FinalScore, VersionNumber: v.Number,
		VersionURL: fmt.Sprintf("/latihan/%d/versi/%d", v.SubmissionID, v.Number)}
	nm := &reviewerNames{s: s, c: c, cache: map[int64]string{}}
	var err error
	if fb.Reviewer, err = nm.of(r.ReviewerID); err != nil {
		return nil, err
	}
	scores, err := s.db.ReviewScores(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	for _, id := range grading.CriterionIDs {
		for _, sc := range scores {
			if sc.Criterion == id && (sc.FinalScore != sc.AutoScore || sc.Reason != "") {
				fb.Scores = append(fb.Scores, sc)
			}
		}
	}
	comments, err := s.db.Comments(ctx, v.ID)
	if err != nil {
		return nil, err
	}
	for i, cm := range comments {
		fb.Comments = append(fb.Comments, versionComment{ReviewComment: cm, N: i + 1, FieldLabel: fieldLabels[cm.Field]})
	}
	return fb, nil
}
