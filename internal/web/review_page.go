package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
)

// scoreRow is one criterion of the rubric: the grader's score and what the
// facilitator typed.
type scoreRow struct {
	ID, Label, Summary string
	Weight, Auto       int
	Value, Reason      string
	ScoreErr           string
	ReasonErr          string
}

// decisionForm is the rubric and decision form, filled or as typed.
type decisionForm struct {
	Rows        []scoreRow
	General     string
	GeneralErr  string
	DecisionErr string
	Errors      []FormError
	LockVersion int
	VersionID   int64
	AutoTotal   int
	Final       int  // the weighted mean of what was typed (valid scores only), capped as the grader capped AutoTotal
	Cap         int  // the grader's cap on this version's total (grading.ErrorCap …), 0 for none
	Computed    bool // shown after "Hitung nilai akhir"
	// ConfirmReject is the "Saya yakin" box "Tolak" needs: only a facilitator can reopen a rejection.
	ConfirmReject bool
	ConfirmErr    string
}

// commentForm is the anchored comment form as typed.
type commentForm struct {
	Field, Quote, Start, End, Body string
	Form
}

type commentRow struct {
	domain.ReviewComment
	N          int
	FieldLabel string
	Reviewer   string
	When       string
}

type versionRow struct {
	domain.SubmissionVersion
	When          string
	DecisionLabel string
	VersionURL    string
	DiffURL       string
	PrevNumber    int
}

// pastDecision is a review already given on the version shown.
type pastDecision struct {
	domain.Review
	Reviewer      string
	DecisionLabel string
	When          string
	Scores        []pastScore
}

type pastScore struct {
	domain.ReviewScore
	Label string
}

// conflictInfo explains a decision refused because someone decided first.
type conflictInfo struct {
	Message      string
	Their        *pastDecision
	YourDecision string
	YourGeneral  string
}

type reviewView struct {
	Sub          domain.SubmissionContext
	StateLabel   string
	ItemTitle    string
	ItemURL      string
	MaxAttempts  int
	AttemptsLeft int // after the version shown; what a rejected trainee may still send
	PassScore    int // the practice's pass score: approving below it is allowed but warned of
	Brief        *briefView
	Instructions template.HTML
	Version      domain.SubmissionVersion
	SentAt       string
	Report       reportView
	Comments     []commentRow
	History      []versionRow
	Open         bool // a decision can still be given
	Decided      *pastDecision
	Decision     decisionForm
	Comment      commentForm
	Conflict     *conflictInfo
	Draft        string      // sessionStorage key for review.js: the version and lock the form belongs to
	Reopen       *reopenView // "Buka kembali" on a rejected submission
}

// reviewState is what every review handler loads.
type reviewState struct {
	sub      domain.SubmissionContext
	versions []domain.SubmissionVersion
	latest   domain.SubmissionVersion
	report   grading.Report
	comments []domain.ReviewComment
	reviews  map[int64]domain.Review
}

func (s *Server) loadReviewState(c echo.Context) (*reviewState, error) {
	sub, _, err := s.loadSubmission(c, access.CanReviewSubmission)
	if err != nil {
		return nil, err
	}
	return s.reviewStateOf(c, sub)
}

func (s *Server) reviewStateOf(c echo.Context, sub domain.SubmissionContext) (*reviewState, error) {
	ctx := c.Request().Context()
	st := &reviewState{sub: sub}
	var err error
	if st.versions, err = s.db.Versions(ctx, sub.ID); err != nil {
		return nil, err
	}
	if len(st.versions) == 0 {
		return nil, domain.ErrNotFound // a draft nobody has sent: nothing to review
	}
	st.latest = st.versions[len(st.versions)-1]
	if err := json.Unmarshal([]byte(st.latest.ReportJSON), &st.report); err != nil {
		return nil, fmt.Errorf("membaca laporan otomatis versi %d: %w", st.latest.ID, err)
	}
	if st.comments, err = s.db.Comments(ctx, st.latest.ID); err != nil {
		return nil, err
	}
	if st.reviews, err = s.db.ReviewsOf(ctx, sub.ID); err != nil {
		return nil, err
	}
	return st, nil
}

// reviewable reports whether a decision or comment may still be given.
func reviewable(state domain.SubmissionState) bool {
	return state == domain.SubSubmitted || state == domain.SubInReview
}

// newDecisionForm fills the rubric with the grader's scores.
func newDecisionForm(st *reviewState) decisionForm {
	f := decisionForm{LockVersion: st.sub.LockVersion, VersionID: st.latest.ID, AutoTotal: st.latest.AutoScore, Final: st.latest.AutoScore}
	if n := newCapNote(st.report); n != nil {
		f.Cap = n.Limit
	}
	for _, cr := range st.report.Criteria {
		f.Rows = append(f.Rows, scoreRow{ID: cr.ID, Label: cr.Label, Summary: cr.Summary, Weight: cr.Weight, Auto: cr.Score,
			Value: strconv.Itoa(cr.Score)})
	}
	return f
}

// reviewerNames looks reviewers up once per page.
type reviewerNames struct {
	s     *Server
	c     echo.Context
	cache map[int64]string
}

func (n *reviewerNames) of(id int64) (string, error) {
	if v, ok := n.cache[id]; ok {
		return v, nil
	}
	u, err := n.s.db.User(n.c.Request().Context(), id)
	if errors.Is(err, domain.ErrNotFound) {
		return "(pengguna dihapus)", nil
	}
	if err != nil {
		return "", err
	}
	n.cache[id] = u.Name
	return u.Name, nil
}

// pastDecisionOf arranges a stored review for display.
func (s *Server) pastDecisionOf(c echo.Context, nm *reviewerNames, st *reviewState, r domain.Review) (*pastDecision, error) {
	who, err := nm.of(r.ReviewerID)
	if err != nil {
		return nil, err
	}
	p := &pastDecision{Review: r, Reviewer: who, DecisionLabel: r.Decision.Label(), When: dateTime(r.CreatedAt)}
	scores, err := s.db.ReviewScores(c.Request().Context(), r.ID)
	if err != nil {
		return nil, err
	}
	labels := map[string]string{}
	for _, cr := range st.report.Criteria {
		labels[cr.ID] = cr.Label
	}
	// Report order, not the store's alphabetical order.
	for _, id := range grading.CriterionIDs {
		for _, sc := range scores {
			if sc.Criterion == id {
				label := labels[id]
				if label == "" {
					label = id
				}
				p.Scores = append(p.Scores, pastScore{ReviewScore: sc, Label: label})
			}
		}
	}
	return p, nil
}

// buildReview assembles the page; form and comment carry what was typed (nil: fresh).
func (s *Server) buildReview(c echo.Context, st *reviewState, form *decisionForm, comment *commentForm) (*reviewView, error) {
	sub := st.sub
	v := &reviewView{Sub: sub, StateLabel: domain.SubmissionStateLabel(sub.State), ItemTitle: s.itemTitle(sub.CourseID, sub.ItemID),
		ItemURL: s.itemLink(sub.CourseID, sub.ItemID), Version: st.latest, SentAt: dateTime(st.latest.CreatedAt), Open: reviewable(sub.State)}
	if co := s.cfg.Catalog.Course(sub.CourseID); co != nil {
		if it := co.Item(sub.ItemID); it != nil && it.Practice != nil {
			v.MaxAttempts = it.Practice.MaxAttempts
			v.PassScore = it.Practice.PassScore
			v.AttemptsLeft = max(0, sub.AttemptLimit(it.Practice.MaxAttempts)-len(st.versions))
			v.Instructions = template.HTML(it.Practice.InstructionsHTML) // rendered and sanitised by the course loader
			if it.Practice.Brief != nil {
				v.Brief = newBriefView(it.Practice)
			}
		}
	}
	v.Reopen = reopenFor(sub.Submission, v.MaxAttempts, nil)
	nm := &reviewerNames{s: s, c: c, cache: map[int64]string{}}
	var anns []Annotation
	for i, cm := range st.comments {
		who, err := nm.of(cm.ReviewerID)
		if err != nil {
			return nil, err
		}
		row := commentRow{ReviewComment: cm, N: i + 1, FieldLabel: fieldLabels[cm.Field], Reviewer: who, When: dateTime(cm.CreatedAt)}
		v.Comments = append(v.Comments, row)
		anns = append(anns, Annotation{N: row.N, Field: cm.Field, Start: cm.Start, End: cm.End, Class: "komentar", Prefix: "komentar", Priority: commentPriority})
	}
	v.Report = newReportView(langOf(c), st.latest.Headline, st.latest.Body, st.report, anns...)
	v.Report.linkLessons(s.cfg.Catalog.Course(sub.CourseID))
	v.Report.PassScore = v.PassScore
	for _, ver := range st.versions {
		row := versionRow{SubmissionVersion: ver, When: dateTime(ver.CreatedAt),
			VersionURL: fmt.Sprintf("/latihan/%d/versi/%d", sub.ID, ver.Number)}
		if ver.Number > 1 {
			row.PrevNumber = ver.Number - 1
			row.DiffURL = fmt.Sprintf("/latihan/%d/beda?dari=%d&ke=%d", sub.ID, row.PrevNumber, ver.Number)
		}
		if r, ok := st.reviews[ver.ID]; ok {
			row.DecisionLabel = r.Decision.Label()
		}
		v.History = append(v.History, row)
	}
	if r, ok := st.reviews[st.latest.ID]; ok {
		p, err := s.pastDecisionOf(c, nm, st, r)
		if err != nil {
			return nil, err
		}
		v.Decided = p
	}
	if form != nil {
		v.Decision = *form
	} else {
		v.Decision = newDecisionForm(st)
	}
	if comment != nil {
		v.Comment = *comment
	} else {
		v.Comment = commentForm{Field: grading.FieldIsi}
	}
	v.Draft = fmt.Sprintf("penilaian-%d-%d", st.latest.ID, sub.LockVersion)
	return v, nil
}

func (s *Server) reviewPage(c echo.Context) error {
	sub, _, err := s.loadSubmission(c, access.CanReviewSubmission)
	if err != nil {
		return err
	}
	if sub.State == domain.SubSubmitted {
		if err := s.db.OpenForReview(c.Request().Context(), sub.ID); err != nil {
			return err
		}
		sub.State = domain.SubInReview
	}
	st, err := s.reviewStateOf(c, sub)
	if err != nil {
		return err
	}
	v, err := s.buildReview(c, st, nil, nil)
	if err != nil {
		return err
	}
	if p := c.QueryParam("pesan"); p == "komentar" || p == "dibuka" {
		c.Set(ctxFlash, reviewFlash(p))
	}
	return s.render(c, http.StatusOK, "review", v)
}

// renderReview shows the review page again with what was typed.
func (s *Server) renderReview(c echo.Context, status int, st *reviewState, form *decisionForm, comment *commentForm) error {
	v, err := s.buildReview(c, st, form, comment)
	if err != nil {
		return err
	}
	return s.render(c, status, "review", v)
}

// weights are the criterion weights the grader used for this version.
func (st *reviewState) weights() map[string]int {
	w := make(map[string]int, len(st.report.Criteria))
	for _, cr := range st.report.Criteria {
		w[cr.ID] = cr.Weight
	}
	return w
}
