package web

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
)

func newSubmitKey() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err))
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func wantsJSON(c echo.Context) bool {
	return strings.Contains(c.Request().Header.Get("Accept"), "application/json")
}

func (s *Server) saveDraft(c echo.Context) error {
	v, err := s.practiceItem(c)
	if err != nil {
		return err
	}
	f := readRelease(c)
	f.checkLength()
	if len(f.Errors) > 0 {
		if wantsJSON(c) {
			return c.JSON(http.StatusUnprocessableEntity, map[string]string{"error": tr(c, f.Errors[0].Message)})
		}
		return s.renderPractice(c, v, &f, http.StatusUnprocessableEntity, "")
	}
	at, err := s.db.SaveDraftOf(c.Request().Context(), v.Enrollment.ID, currentUser(c).ID, v.Course.ID, v.Item.ID, f.Headline, f.Body)
	if errors.Is(err, store.ErrNotEditable) {
		if wantsJSON(c) {
			return c.JSON(http.StatusConflict, map[string]string{"error": tr(c, "Rilis ini sedang dinilai atau sudah diputuskan; draf tidak disimpan.")})
		}
		return s.renderPractice(c, v, &f, http.StatusConflict, "Rilis ini sedang dinilai atau sudah diputuskan, jadi draf tidak dapat disimpan.")
	}
	if err != nil {
		return err
	}
	if wantsJSON(c) {
		t := at.In(WIB)
		clock := fmt.Sprintf("%02d.%02d WIB", t.Hour(), t.Minute())
		if langOf(c) == i18n.EN {
			clock = fmt.Sprintf("%02d:%02d WIB", t.Hour(), t.Minute())
		}
		return c.JSON(http.StatusOK, map[string]string{"saved_at": clock, "basis": draftBasis(f.Headline, f.Body)})
	}
	return c.Redirect(http.StatusSeeOther, course.DefaultItemURL(v.Course.ID, v.Item)+"?draf=tersimpan")
}

// checkRelease grades the text without using an attempt (and keeps it as the draft).
func (s *Server) checkRelease(c echo.Context) error {
	v, err := s.practiceItem(c)
	if err != nil {
		return err
	}
	f := readRelease(c)
	f.validate()
	if len(f.Errors) > 0 {
		return s.renderPractice(c, v, &f, http.StatusUnprocessableEntity, "")
	}
	// Post/redirect/get: the text becomes the draft and the page that shows
	// the draft grades it, so a refresh repeats nothing.
	_, err = s.db.SaveDraftOf(c.Request().Context(), v.Enrollment.ID, currentUser(c).ID, v.Course.ID, v.Item.ID, f.Headline, f.Body)
	if errors.Is(err, store.ErrNotEditable) {
		return s.renderPractice(c, v, &f, http.StatusConflict, "Rilis ini sedang dinilai atau sudah diputuskan, jadi teks tidak diperiksa sebagai draf.")
	} else if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, course.DefaultItemURL(v.Course.ID, v.Item)+"?periksa=1#laporan-judul")
}

func (s *Server) submitRelease(c echo.Context) error {
	v, err := s.practiceItem(c)
	if err != nil {
		return err
	}
	f := readRelease(c)
	f.validate()
	u := currentUser(c)
	var g *gradedRelease
	if len(f.Errors) == 0 {
		if g, err = s.gradeForSending(u.ID, v, f); err != nil {
			return err
		}
		f.checkSendable(v.Item.Practice, g.words)
	}
	if f.SubmitKey == "" || len(f.SubmitKey) > 64 {
		f.Errors = append(f.Errors, FormError{Field: "kirim", Message: "Formulir tidak lengkap; muat ulang halaman lalu kirim lagi."})
	}
	// Every send spends one of the practice's attempts and cannot be taken
	// back: the trainee ticks "Saya yakin" first, checked here.
	f.Confirm = confirmed(c, "yakin-kirim")
	if !f.Confirm {
		f.Errors = append(f.Errors, FormError{Field: "yakin-kirim", Message: "Centang “Saya yakin akan mengirim rilis ini” di atas tombol “Kirim rilis”, lalu tekan “Kirim rilis” lagi."})
	}
	if len(f.Errors) > 0 {
		pv, err := s.practicePage(c, v, &f)
		if err != nil {
			return err
		}
		pv.Refused = true
		return s.renderPracticeView(c, http.StatusUnprocessableEntity, pv)
	}
	ctx := c.Request().Context()
	// The row as the page had it (kept, dropped by any change to it): Submit
	// reads it again; only its id is used here. Without one, Submit creates it.
	sub, err := s.submissionOf(ctx, u.ID, v.Enrollment.ID, v.Item.ID)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return err
	}
	p := v.Item.Practice
	ver, _, err := s.db.Submit(ctx, domain.SubmitInput{
		SubmissionID: sub.ID, EnrollmentID: v.Enrollment.ID, UserID: u.ID, CourseID: v.Course.ID, ItemID: v.Item.ID,
		LockVersion: f.LockVersion, SubmitKey: f.SubmitKey, Headline: f.Headline, Body: f.Body,
		ReportJSON: string(g.json), GraderVersion: g.version, AutoScore: g.score, MaxAttempts: p.MaxAttempts,
		ItemHash: v.Item.Hash, AutoReview: p.Review == course.ReviewAuto, PassScore: p.PassScore,
		NotifyCohort: v.Enrollment.CohortID, // its facilitators, read by Submit's write
	})
	if code := domain.ErrorCode(err); code == domain.CodeConflict || code == domain.CodeInvalid {
		var de *domain.Error
		errors.As(err, &de)
		return s.renderPractice(c, v, &f, http.StatusConflict, sentence(errText(c, de)))
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/latihan/%d/versi/%d?terkirim=1", ver.SubmissionID, ver.Number))
}
