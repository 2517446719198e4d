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
	Name, StartsOn, EndsOn         string
	SeenName, SeenStarts, SeenEnds string
	Open                           bool // shown open: it was sent and refused
}

func cohortEditOf(co domain.Cohort) cohortEditForm {
	s, e := co.StartsOn.Format("2006-01-02"), co.EndsOn.Format("2006-01-02")
	return cohortEditForm{Name: co.Name, StartsOn: s, EndsOn: e, SeenName: co.Name, SeenStarts: s, SeenEnds: e}
}

func (s *Server) updateCohort(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	co, err := s.cohortFor(ctx, u, c.Param("id"), access.CanManageCohort)
	if err != nil {
		return err
	}
	f := cohortEditForm{SeenName: c.FormValue("lama_nama"), SeenStarts: c.FormValue("lama_mulai"), SeenEnds: c.FormValue("lama_selesai"), Open: true}
	f.Name = textField(c, &f.Form, "ubah-nama", domain.TextCohortName, c.FormValue("name"))
	var start, end time.Time
	var startOK, endOK bool
	start, f.StartsOn, startOK = dateField(c, &f.Form, "ubah-mulai", "Tanggal mulai", c.FormValue("starts_on"))
	end, f.EndsOn, endOK = dateField(c, &f.Form, "ubah-selesai", "Tanggal selesai", c.FormValue("ends_on"))
	if startOK && endOK && end.Before(start) {
		f.Add("ubah-selesai", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
	}
	status := http.StatusUnprocessableEntity
	if len(f.Errors) == 0 {
		seenStart, _ := time.Parse("2006-01-02", f.SeenStarts)
		seenEnd, _ := time.Parse("2006-01-02", f.SeenEnds)
		_, err = s.db.UpdateCohort(ctx, domain.CohortEdit{CohortID: co.ID, RegionID: u.RegionID, ActorID: u.ID, Name: f.Name,
			StartsOn: start, EndsOn: end, Seen: domain.Cohort{Name: f.SeenName, StartsOn: seenStart, EndsOn: seenEnd}})
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
