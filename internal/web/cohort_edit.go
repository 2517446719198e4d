package web

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// cohortEditForm is the "Ubah angkatan" form: what the admin typed and the
// values the page showed, which the store compares before it writes.
type cohortEditForm struct {
	Form
	cohortBasics
	SeenName, SeenStarts, SeenEnds string
	Open                           bool // shown open: it was sent and refused
}

func cohortEditOf(co domain.Cohort) cohortEditForm {
	s, e := co.StartsOn.Format("2006-01-02"), co.EndsOn.Format("2006-01-02")
	return cohortEditForm{cohortBasics: cohortBasics{Name: co.Name, StartsOn: s, EndsOn: e}, SeenName: co.Name, SeenStarts: s, SeenEnds: e}
}

// check validates the sent form and returns the change to ask the store for;
// problems go to f.Errors.
func (f *cohortEditForm) check(c echo.Context, co domain.Cohort, u *domain.User) domain.CohortEdit {
	f.SeenName, f.SeenStarts, f.SeenEnds, f.Open = c.FormValue("lama_nama"), c.FormValue("lama_mulai"), c.FormValue("lama_selesai"), true
	f.checkName(c, &f.Form, "ubah-nama", c.FormValue("name"))
	f.checkDates(c, &f.Form, "ubah-mulai", "ubah-selesai", c.FormValue("starts_on"), c.FormValue("ends_on"))
	seenStart, _ := time.Parse("2006-01-02", f.SeenStarts)
	seenEnd, _ := time.Parse("2006-01-02", f.SeenEnds)
	return domain.CohortEdit{CohortID: co.ID, RegionID: u.RegionID, ActorID: u.ID, Name: f.Name, StartsOn: f.start, EndsOn: f.end,
		Seen: domain.Cohort{Name: f.SeenName, StartsOn: seenStart, EndsOn: seenEnd}}
}

func (s *Server) updateCohort(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	co, err := s.cohortFor(ctx, u, c.Param("id"), access.CanManageCohort)
	if err != nil {
		return err
	}
	var f cohortEditForm
	in := f.check(c, co, u)
	status := http.StatusUnprocessableEntity
	if len(f.Errors) == 0 {
		_, err = s.db.UpdateCohort(ctx, in)
		var de *domain.Error
		switch {
		case err == nil:
			return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/angkatan/%d?pesan=diubah#pesan", co.ID))
		case errors.Is(err, store.ErrCohortChanged):
			status = http.StatusConflict
			f.Add("ubah-nama", sentence(errText(c, store.ErrCohortChanged)))
			if co, err = s.db.Cohort(ctx, co.ID); err != nil {
				return err
			}
			f.SeenName, f.SeenStarts, f.SeenEnds = co.Name, co.StartsOn.Format("2006-01-02"), co.EndsOn.Format("2006-01-02")
		case errors.As(err, &de) && de.Code == domain.CodeConflict:
			f.Add("ubah-nama", tf(c, "Nama angkatan “{{.Name}}” sudah dipakai di wilayah Anda; pilih nama lain.", map[string]any{"Name": f.Name}))
		default:
			return err
		}
	}
	return s.rerenderCohortStatus(c, co, status, "Angkatan belum diubah", f.Errors, func(v *cohortPageView) { v.Edit = f })
}
