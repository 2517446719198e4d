package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
)

// versionPageView is one sent version with its report and review.
type versionPageView struct {
	Sub       domain.SubmissionContext
	Item      *course.Item
	CourseID  string
	Version   domain.SubmissionVersion
	Versions  []domain.SubmissionVersion
	Report    reportView
	Review    *domain.Review
	Scores    []domain.ReviewScore
	Comments  []versionComment
	Sent      bool
	CanReview bool
}

type versionComment struct {
	domain.ReviewComment
	N          int
	FieldLabel string
}

func (s *Server) versionPage(c echo.Context) error {
	sc, facts, err := s.loadSubmission(c, access.CanSeeSubmission)
	if err != nil {
		return err
	}
	n, ok := atoi64(c.Param("n"))
	if !ok {
		return domain.ErrNotFound
	}
	ctx := c.Request().Context()
	vs, err := s.db.Versions(ctx, sc.ID)
	if err != nil {
		return err
	}
	if int(n) > len(vs) {
		return domain.ErrNotFound
	}
	pv := versionPageView{Sub: sc, CourseID: sc.CourseID, Version: vs[n-1], Versions: vs, Sent: c.QueryParam("terkirim") == "1", CanReview: access.CanReviewSubmission(currentUser(c), facts)}
	if co := s.cfg.Catalog.Course(sc.CourseID); co != nil {
		pv.Item = co.Item(sc.ItemID)
	}
	var rep grading.Report
	if err := json.Unmarshal([]byte(pv.Version.ReportJSON), &rep); err != nil {
		return fmt.Errorf("membaca laporan versi %d: %w", pv.Version.ID, err)
	}
	comments, err := s.db.Comments(ctx, pv.Version.ID)
	if err != nil {
		return err
	}
	var anns []Annotation
	for i, cm := range comments {
		pv.Comments = append(pv.Comments, versionComment{ReviewComment: cm, N: i + 1, FieldLabel: fieldLabels[cm.Field]})
		anns = append(anns, Annotation{N: i + 1, Field: cm.Field, Start: cm.Start, End: cm.End, Class: "komentar", Prefix: "komentar", Priority: 10})
	}
	pv.Report = newReportView(langOf(c), pv.Version.Headline, pv.Version.Body, rep, anns...)
	pv.Report.linkLessons(s.cfg.Catalog.Course(sc.CourseID))
	if pv.Item != nil && pv.Item.Practice != nil {
		pv.Report.PassScore = pv.Item.Practice.PassScore
	}
	reviews, err := s.db.ReviewsOf(ctx, sc.ID)
	if err != nil {
		return err
	}
	if r, ok := reviews[pv.Version.ID]; ok {
		pv.Review = &r
		if pv.Scores, err = s.db.ReviewScores(ctx, r.ID); err != nil {
			return err
		}
	}
	return s.render(c, http.StatusOK, "version", pv)
}

type diffView struct {
	Sub            domain.SubmissionContext
	Item           *course.Item
	Versions       []domain.SubmissionVersion
	From, To       domain.SubmissionVersion
	Headline, Body template.HTML
}

func (s *Server) diffPage(c echo.Context) error {
	sc, _, err := s.loadSubmission(c, access.CanSeeSubmission)
	if err != nil {
		return err
	}
	vs, err := s.db.Versions(c.Request().Context(), sc.ID)
	if err != nil {
		return err
	}
	if len(vs) == 0 {
		return domain.ErrNotFound
	}
	from, to := 1, len(vs)
	fmt.Sscan(c.QueryParam("dari"), &from)
	fmt.Sscan(c.QueryParam("ke"), &to)
	if from < 1 || to < 1 || from > len(vs) || to > len(vs) {
		return domain.Errort(domain.CodeInvalid, "versi {{.From}} atau {{.To}} tidak ada; rilis ini punya {{.N}} versi", map[string]any{"From": from, "To": to, "N": len(vs)})
	}
	dv := diffView{Sub: sc, Versions: vs, From: vs[from-1], To: vs[to-1]}
	if co := s.cfg.Catalog.Course(sc.CourseID); co != nil {
		dv.Item = co.Item(sc.ItemID)
	}
	dv.Headline = diffHTML(dv.From.Headline, dv.To.Headline)
	dv.Body = diffHTML(dv.From.Body, dv.To.Body)
	return s.render(c, http.StatusOK, "diff", dv)
}
