package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// cohortEditRoutes: the admin's corrections to a cohort — its name and
// dates, taking a trainee out, calling off a coming live session.
func (s *Server) cohortEditRoutes() []route {
	return []route{
		{http.MethodPost, "/admin/angkatan/:id/ubah", adminOnly, s.updateCohort},
		{http.MethodPost, "/admin/angkatan/:id/peserta/:user/keluar", adminOnly, s.withdrawTrainee},
		{http.MethodPost, "/admin/sesi/:id/batal", adminOnly, s.cancelLiveSession},
		{http.MethodPost, "/admin/angkatan/:id/fasilitator/:user/lepas", adminOnly, s.removeCohortFacilitator},
	}
}

// removeCohortFacilitator takes a facilitator off the cohort after "Saya
// yakin": they lose the cohort's pages, submissions and sessions at once.
func (s *Server) removeCohortFacilitator(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	co, err := s.cohortFor(ctx, u, c.Param("id"), access.CanManageCohort)
	if err != nil {
		return err
	}
	userID, ok := atoi64(c.Param("user"))
	if !ok {
		return domain.ErrNotFound
	}
	fill := func(v *cohortPageView) { v.RemoveFacilitatorID = userID }
	if !confirmed(c, "yakin") {
		return s.rerenderCohort(c, co, "Fasilitator belum dilepas", []FormError{{Field: fmt.Sprintf("lepas-yakin-%d", userID),
			Message: "Centang “Saya yakin akan melepas fasilitator ini”, lalu tekan “Lepas dari angkatan” lagi: ia langsung kehilangan akses ke angkatan ini."}}, fill)
	}
	err = s.db.RemoveFacilitator(ctx, u.ID, co.ID, userID)
	if errors.Is(err, store.ErrLastFacilitator) {
		return s.rerenderCohortStatus(c, co, http.StatusConflict, "Fasilitator belum dilepas",
			[]FormError{{Field: fmt.Sprintf("lepas-yakin-%d", userID), Message: sentence(store.ErrLastFacilitator.Message)}}, fill)
	}
	if errors.Is(err, domain.ErrNotFound) {
		// Already taken off (a second tab, a refresh): the page shows how it stands.
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/angkatan/%d?pesan=fasilitator-lepas#pesan", co.ID))
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/angkatan/%d?pesan=fasilitator-lepas#pesan", co.ID))
}

func (s *Server) withdrawTrainee(c echo.Context) error {
	co, err := s.cohortFor(c.Request().Context(), currentUser(c), c.Param("id"), access.CanManageCohort)
	if err != nil {
		return err
	}
	userID, ok := atoi64(c.Param("user"))
	if !ok {
		return domain.ErrNotFound
	}
	err = s.db.WithdrawTrainee(c.Request().Context(), currentUser(c).ID, co.ID, userID)
	var de *domain.Error
	if errors.As(err, &de) && de.Code == domain.CodeConflict {
		return s.rerenderCohortStatus(c, co, http.StatusConflict, "Peserta tidak dikeluarkan", []FormError{{Field: "peserta", Message: sentence(errText(c, de))}}, nil)
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/angkatan/%d?pesan=keluar#pesan", co.ID))
}

func (s *Server) cancelLiveSession(c echo.Context) error {
	ctx := c.Request().Context()
	id, ok := atoi64(c.Param("id"))
	if !ok {
		return domain.ErrNotFound
	}
	ls, err := s.db.LiveSession(ctx, id)
	if err != nil {
		return err
	}
	co, err := s.cohortFor(ctx, currentUser(c), strconv.FormatInt(ls.CohortID, 10), access.CanManageCohort)
	if err != nil {
		return err
	}
	reason, msg := checkText(c, domain.TextReason, c.FormValue("alasan"))
	var errs []FormError
	if msg != "" {
		errs = append(errs, FormError{Field: fmt.Sprintf("batal-alasan-%d", ls.ID), Message: msg})
	}
	if !confirmed(c, "yakin") {
		errs = append(errs, FormError{Field: fmt.Sprintf("batal-yakin-%d", ls.ID),
			Message: "Centang “Saya yakin akan membatalkan sesi ini”, lalu tekan “Batalkan sesi” lagi: pembatalan tidak dapat diurungkan, dan semua peserta angkatan diberi tahu."})
	}
	fill := func(v *cohortPageView) { v.CancelID, v.CancelReason = ls.ID, reason }
	if len(errs) > 0 {
		return s.rerenderCohortStatus(c, co, http.StatusUnprocessableEntity, "Sesi belum dibatalkan", errs, fill)
	}
	_, told, err := s.db.CancelLiveSession(ctx, domain.CancelSession{SessionID: ls.ID, ActorID: currentUser(c).ID, Reason: reason,
		When: sessionWhen(ls.StartsAt, ls.EndsAt), Now: s.cfg.Now()})
	var de *domain.Error
	if errors.As(err, &de) && de.Code == domain.CodeInvalid {
		return s.rerenderCohortStatus(c, co, http.StatusConflict, "Sesi tidak dibatalkan", []FormError{{Field: "sesi", Message: sentence(errText(c, de))}}, fill)
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/angkatan/%d?pesan=sesi-batal&jumlah=%d#pesan", co.ID, told))
}

// rerenderCohortStatus is rerenderCohort with another status than 422.
func (s *Server) rerenderCohortStatus(c echo.Context, co domain.Cohort, status int, title string, errs []FormError, fill func(*cohortPageView)) error {
	v, err := s.loadCohortPage(c, co, true)
	if err != nil {
		return err
	}
	v.ErrorTitle, v.Errors = title, errs
	if fill != nil {
		fill(&v)
	}
	c.Set(ctxPage, cohortPageURL(currentUser(c), co.ID))
	return s.render(c, status, "admin_cohort", v)
}
