package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// reopenForm is "Buka kembali" on a rejected submission's review page.
type reopenForm struct {
	Form
	Reason string
	Open   bool // the form was sent and refused: it stays open
}

// reopenView is what the review page needs to offer "Buka kembali".
type reopenView struct {
	URL          string
	LockVersion  int
	GivesAttempt bool // no attempt is left, so reopening gives one back
	Form         reopenForm
}

// reopenFor offers "Buka kembali" on a rejected submission (nil otherwise).
func reopenFor(sub domain.Submission, maxAttempts int, form *reopenForm) *reopenView {
	if !domain.CanReopen(sub.State) {
		return nil
	}
	v := &reopenView{URL: fmt.Sprintf("/penilaian/%d/buka-kembali", sub.ID), LockVersion: sub.LockVersion,
		GivesAttempt: sub.AttemptsLeft(maxAttempts) == 0}
	if form != nil {
		v.Form = *form
	}
	return v
}

// reopenSubmission takes back a rejection after "Saya yakin" and a reason
// for the trainee; the trainee revises the last text with the facilitator's
// words beside it.
func (s *Server) reopenSubmission(c echo.Context) error {
	ctx := c.Request().Context()
	st, err := s.loadReviewState(c)
	if err != nil {
		return err
	}
	page := fmt.Sprintf("/penilaian/%d", st.sub.ID)
	if !domain.CanReopen(st.sub.State) {
		// Reopened already (a second click, another facilitator): the page says how it stands.
		return c.Redirect(http.StatusSeeOther, page+"?pesan=dibuka")
	}
	f := reopenForm{Open: true}
	f.Reason = textField(c, &f.Form, "buka-alasan", domain.TextReason, c.FormValue("alasan"))
	if f.Reason == "" && f.ErrorFor("buka-alasan") == "" {
		f.Add("buka-alasan", "Tuliskan alasan membuka kembali; peserta membacanya bersama komentar Anda.")
	}
	if !confirmed(c, "yakin") {
		f.Add("buka-yakin", "Centang “Saya yakin akan membuka kembali rilis ini”, lalu tekan “Buka kembali rilis” lagi.")
	}
	lock, errL := strconv.Atoi(c.FormValue("lock_version"))
	if errL != nil {
		return domain.Errorf(domain.CodeInvalid, "formulir tidak lengkap; muat ulang halaman, lalu coba lagi")
	}
	if len(f.Errors) > 0 {
		return s.renderReopen(c, http.StatusUnprocessableEntity, st, &f)
	}
	maxAttempts := 0
	if it := s.practiceOf(st.sub.CourseID, st.sub.ItemID); it != nil {
		maxAttempts = it.MaxAttempts
	}
	_, err = s.db.Reopen(ctx, domain.ReopenInput{SubmissionID: st.sub.ID, ActorID: currentUser(c).ID, LockVersion: lock,
		Reason: f.Reason, MaxAttempts: maxAttempts})
	switch {
	case err == nil:
		return c.Redirect(http.StatusSeeOther, page+"?pesan=dibuka")
	case errors.Is(err, store.ErrNotRejected):
		return c.Redirect(http.StatusSeeOther, page+"?pesan=dibuka")
	case domain.ErrorCode(err) == domain.CodeConflict || domain.ErrorCode(err) == domain.CodeInvalid:
		var de *domain.Error
		errors.As(err, &de)
		f.Add("buka-alasan", sentence(de.Message))
		return s.renderReopen(c, http.StatusConflict, st, &f)
	}
	return err
}

func (s *Server) renderReopen(c echo.Context, status int, st *reviewState, f *reopenForm) error {
	v, err := s.buildReview(c, st, nil, nil)
	if err != nil {
		return err
	}
	maxAttempts := 0
	if it := s.practiceOf(st.sub.CourseID, st.sub.ItemID); it != nil {
		maxAttempts = it.MaxAttempts
	}
	v.Reopen = reopenFor(st.sub.Submission, maxAttempts, f)
	return s.render(c, status, "review", v)
}

// practiceOf is a practice item's settings from the loaded catalog (nil when gone).
func (s *Server) practiceOf(courseID, itemID string) *course.Practice {
	if co := s.cfg.Catalog.Course(courseID); co != nil {
		if it := co.Item(itemID); it != nil {
			return it.Practice
		}
	}
	return nil
}
