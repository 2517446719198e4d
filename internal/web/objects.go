package web

import (
	"context"
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/domain"
)

// The loaders below read the object an URL names, gather the facts its rule
// in internal/access needs, and ask the rule. A refused object is
// domain.ErrNotFound, exactly like an id that does not exist.

// facilitates is the fact "u facilitates the cohort"; only a facilitator's
// answer can matter, so other roles cost no query.
func (s *Server) facilitates(ctx context.Context, u *domain.User, cohortID int64) (bool, error) {
	if u == nil || u.Role != domain.RoleFasilitator {
		return false, nil
	}
	ok, err := s.db.Facilitates(ctx, u.ID, cohortID)
	if err != nil {
		return false, fmt.Errorf("memeriksa penugasan fasilitator: %w", err)
	}
	return ok, nil
}

// loadSubmission reads the :id submission when rule lets the current user
// reach it, with the facts the rules were asked about (for further rules on the page).
func (s *Server) loadSubmission(c echo.Context, rule func(*domain.User, access.Submission) bool) (domain.SubmissionContext, access.Submission, error) {
	id, ok := atoi64(c.Param("id"))
	if !ok {
		return domain.SubmissionContext{}, access.Submission{}, domain.ErrNotFound
	}
	ctx := c.Request().Context()
	sc, err := s.db.SubmissionWithContext(ctx, id)
	if err != nil {
		return sc, access.Submission{}, err
	}
	u := currentUser(c)
	fac, err := s.facilitates(ctx, u, sc.CohortID)
	if err != nil {
		return sc, access.Submission{}, err
	}
	facts := access.Submission{OwnerID: sc.UserID, RegionID: sc.RegionID, Facilitated: fac}
	if !rule(u, facts) {
		return domain.SubmissionContext{}, access.Submission{}, domain.ErrNotFound
	}
	return sc, facts, nil
}

// certificateFor reads the :id certificate when rule lets u reach it.
func (s *Server) certificateFor(c echo.Context, u *domain.User, rule func(*domain.User, access.Certificate) bool) (domain.CertificateView, error) {
	id, ok := atoi64(c.Param("id"))
	if !ok {
		return domain.CertificateView{}, domain.ErrNotFound
	}
	ctx := c.Request().Context()
	v, err := s.db.CertificateByID(ctx, id)
	if err != nil {
		return v, err
	}
	fac, err := s.facilitates(ctx, u, v.CohortID)
	if err != nil {
		return v, err
	}
	if !rule(u, access.Certificate{OwnerID: v.UserID, OPDID: v.OPDID, RegionID: v.RegionID, Facilitated: fac}) {
		return domain.CertificateView{}, domain.ErrNotFound
	}
	return v, nil
}

// cohortFor reads the cohort rawID when rule lets u reach it.
func (s *Server) cohortFor(ctx context.Context, u *domain.User, rawID string, rule func(*domain.User, access.Cohort) bool) (domain.Cohort, error) {
	id, ok := atoi64(rawID)
	if !ok {
		return domain.Cohort{}, domain.ErrNotFound
	}
	co, err := s.db.Cohort(ctx, id)
	if err != nil {
		return co, err
	}
	fac, err := s.facilitates(ctx, u, co.ID)
	if err != nil {
		return co, err
	}
	if !rule(u, access.Cohort{RegionID: co.RegionID, Facilitated: fac}) {
		return domain.Cohort{}, domain.ErrNotFound
	}
	return co, nil
}

// sessionFor reads the :id live session and its cohort when rule (recording
// attendance, editing) lets the current user act on its cohort.
func (s *Server) sessionFor(c echo.Context, rule func(*domain.User, access.Cohort) bool) (domain.LiveSession, domain.Cohort, error) {
	id, ok := atoi64(c.Param("id"))
	if !ok {
		return domain.LiveSession{}, domain.Cohort{}, domain.ErrNotFound
	}
	ctx := c.Request().Context()
	ls, err := s.db.LiveSession(ctx, id)
	if err != nil {
		return ls, domain.Cohort{}, err
	}
	co, err := s.cohortFor(ctx, currentUser(c), fmt.Sprint(ls.CohortID), rule)
	return ls, co, err
}

// opdFor reads the OPD :id when rule lets the current user reach it.
func (s *Server) opdFor(c echo.Context, rule func(*domain.User, access.OPD) bool) (domain.OPD, error) {
	id, ok := atoi64(c.Param("id"))
	if !ok {
		return domain.OPD{}, domain.ErrNotFound
	}
	return s.opdByID(c.Request().Context(), currentUser(c), id, rule)
}

// opdByID reads the OPD id when rule lets u reach it.
func (s *Server) opdByID(ctx context.Context, u *domain.User, id int64, rule func(*domain.User, access.OPD) bool) (domain.OPD, error) {
	o, err := s.db.OPD(ctx, id)
	if err != nil {
		return o, err
	}
	if !rule(u, access.OPD{ID: o.ID, RegionID: o.RegionID}) {
		return domain.OPD{}, domain.ErrNotFound
	}
	return o, nil
}
