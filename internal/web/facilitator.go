package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
)

type fasilitatorHome struct {
	Region   domain.Region
	Counts   map[string]int
	OPDCount int
}

func (s *Server) homeFasilitator(c echo.Context, u *domain.User) error {
	ctx := c.Request().Context()
	region, err := s.db.Region(ctx, u.RegionID)
	if err != nil {
		return err
	}
	counts, err := s.roleCounts(c, u.RegionID)
	if err != nil {
		return err
	}
	total, err := s.db.CountOPDs(ctx, u.RegionID)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "home_fasilitator", fasilitatorHome{Region: region, Counts: counts, OPDCount: total})
}
