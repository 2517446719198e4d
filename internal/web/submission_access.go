package web

import (
	"errors"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// loadSubmission reads the :id submission and checks that the current user
// may see it: its trainee, a facilitator of its cohort, or an admin of its
// region. Anyone else gets 404, exactly like an id that does not exist.
func (s *Server) loadSubmission(c echo.Context) (store.SubmissionContext, error) {
	id, ok := atoi64(c.Param("id"))
	if !ok {
		return store.SubmissionContext{}, echo.ErrNotFound
	}
	ctx := c.Request().Context()
	sc, err := s.db.SubmissionWithContext(ctx, id)
	if errors.Is(err, domain.ErrNotFound) {
		return sc, echo.ErrNotFound
	}
	if err != nil {
		return sc, err
	}
	u := currentUser(c)
	switch u.Role {
	case domain.RolePeserta:
		if sc.UserID == u.ID {
			return sc, nil
		}
	case domain.RoleFasilitator:
		ok, err := s.db.Facilitates(ctx, u.ID, sc.CohortID)
		if err != nil {
			return sc, err
		}
		if ok {
			return sc, nil
		}
	case domain.RoleAdmin:
		if sc.RegionID == u.RegionID {
			return sc, nil
		}
	}
	return sc, echo.ErrNotFound
}

// canReview reports whether the current user may grade the submission.
func canReview(u *domain.User) bool {
	return u.Role == domain.RoleFasilitator || u.Role == domain.RoleAdmin
}
