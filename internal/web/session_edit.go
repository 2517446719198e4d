package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// sessionEditRoutes: changing a coming live session, by the region's admins
// and the cohort's facilitators (access.CanEditSession).
func (s *Server) sessionEditRoutes() []route {
	return []route{
		{http.MethodGet, "/fasilitator/sesi/:id/ubah", staff, s.sessionEditPage},
		{http.MethodPost, "/fasilitator/sesi/:id/ubah", staff, s.updateSession},
	}
}

type sessionEditView struct {
	Session   domain.LiveSession
	Cohort    domain.Cohort
	CohortURL string
	When      string
	Form      sessionForm
	// Locked says why the session can no longer be changed ("" while it can).
	Locked string
}

// cohortPageURL is the cohort page the user works on: the admin's or the facilitator's.
func cohortPageURL(u *domain.User, cohortID int64) string {
	if u != nil && u.Role == domain.RoleAdmin {
		return fmt.Sprintf("/admin/angkatan/%d", cohortID)
	}
	return fmt.Sprintf("/fasilitator/angkatan/%d", cohortID)
}

// sessionFormOf fills the form with a session as stored, in WIB.
func sessionFormOf(ls domain.LiveSession) sessionForm {
	a, b := ls.StartsAt.In(WIB), ls.EndsAt.In(WIB)
	return sessionForm{Topic: ls.Topic, Date: a.Format("2006-01-02"), Start: a.Format("15:04"), End: b.Format("15:04"),
		Place: ls.Place, Speaker: ls.Speaker}
}

// sessionLockedText is why a session that began (or has attendance) cannot be changed.
const msgSessionLocked = "Sesi ini sudah dimulai atau kehadirannya sudah dicatat, sehingga tidak dapat diubah lagi."

const sessionLockedText = msgSessionLocked

func (s *Server) renderSessionEdit(c echo.Context, status int, ls domain.LiveSession, co domain.Cohort, f sessionForm) error {
	v := sessionEditView{Session: ls, Cohort: co, CohortURL: cohortPageURL(currentUser(c), co.ID),
		When: sessionWhen(ls.StartsAt, ls.EndsAt), Form: f}
	tallies, err := s.db.CohortSessionTallies(c.Request().Context(), co.ID)
	if err != nil {
		return err
	}
	if !s.cfg.Now().Before(ls.StartsAt) || tallies[ls.ID] != (domain.AttendanceTally{}) {
		v.Locked = tr(c, sessionLockedText)
	}
	return s.render(c, status, "session_edit", v)
}

func (s *Server) sessionEditPage(c echo.Context) error {
	ls, co, err := s.sessionFor(c, access.CanEditSession)
	if err != nil {
		return err
	}
	return s.renderSessionEdit(c, http.StatusOK, ls, co, sessionFormOf(ls))
}

func (s *Server) updateSession(c echo.Context) error {
	ctx := c.Request().Context()
	ls, co, err := s.sessionFor(c, access.CanEditSession)
	if err != nil {
		return err
	}
	f, from, to, ok := parseSessionForm(c, co)
	if !ok {
		return s.renderSessionEdit(c, http.StatusUnprocessableEntity, ls, co, f)
	}
	u := currentUser(c)
	_, told, err := s.db.UpdateLiveSession(ctx, domain.EditSession{SessionID: ls.ID, ActorID: u.ID, Topic: f.Topic, StartsAt: from, EndsAt: to,
		Place: f.Place, Speaker: f.Speaker, WhenOf: sessionWhen, Now: s.cfg.Now()})
	if errors.Is(err, store.ErrSessionStarted) {
		f.Add("sesi", tr(c, sessionLockedText)+" "+tr(c, "Tidak ada yang disimpan."))
		return s.renderSessionEdit(c, http.StatusConflict, ls, co, f)
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("%s?pesan=sesi-ubah&jumlah=%d#pesan", cohortPageURL(u, co.ID), told))
}
