package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// sessionForm keeps what was typed for a new live session.
type sessionForm struct {
	Form
	Topic, Date, Start, End, Place, Speaker string
}

func (s *Server) addCohortFacilitator(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	co, err := s.cohortFor(ctx, u, c.Param("id"), access.CanManageCohort)
	if err != nil {
		return err
	}
	f := facilForm{User: c.FormValue("fasilitator")}
	id, ok := atoi64(f.User)
	var fac domain.User
	if ok {
		fac, err = s.db.User(ctx, id)
		if err != nil && !errors.Is(err, domain.ErrNotFound) {
			return err
		}
	}
	switch {
	case !ok:
		f.Add("fasilitator", "Pilih fasilitator yang akan ditambahkan.")
	case err != nil || !access.CanManageAccount(u, access.Account{RegionID: fac.RegionID}) || fac.Role != domain.RoleFasilitator || !fac.Active:
		f.Add("fasilitator", "Fasilitator yang dipilih tidak ditemukan di wilayah Anda; pilih dari daftar.")
	default:
		already, err := s.db.Facilitates(ctx, fac.ID, co.ID)
		if err != nil {
			return fmt.Errorf("memeriksa penugasan fasilitator: %w", err)
		}
		if already {
			f.Add("fasilitator", tf(c, "{{.Name}} sudah menjadi fasilitator angkatan ini.", map[string]any{"Name": fac.Name}))
		}
	}
	if len(f.Errors) > 0 {
		return s.rerenderCohort(c, co, "Fasilitator belum ditambahkan", f.Errors, func(v *cohortPageView) { v.Facil = f })
	}
	if err := s.db.AddFacilitator(ctx, &u.ID, co.ID, fac.ID); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/angkatan/%d?pesan=fasilitator#pesan", co.ID))
}

func (s *Server) addLiveSession(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	co, err := s.cohortFor(ctx, u, c.Param("id"), access.CanManageCohort)
	if err != nil {
		return err
	}
	f, from, to, ok := parseSessionForm(c, co)
	if !ok {
		return s.rerenderCohort(c, co, "Sesi tatap muka belum dijadwalkan", f.Errors, func(v *cohortPageView) { v.Session = f })
	}
	// A double click must not schedule the same session twice.
	existing, err := s.db.SessionsOfCohort(ctx, co.ID)
	if err != nil {
		return err
	}
	for _, ls := range existing {
		if ls.StartsAt.Equal(from) && ls.Topic == f.Topic {
			return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/angkatan/%d?pesan=sesi#pesan", co.ID))
		}
	}
	_, err = s.db.CreateLiveSession(ctx, &u.ID, domain.LiveSession{CohortID: co.ID, Topic: f.Topic, StartsAt: from, EndsAt: to,
		Place: f.Place, Speaker: f.Speaker})
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/angkatan/%d?pesan=sesi#pesan", co.ID))
}

// parseSessionForm checks a live session's form (topic, date within the
// cohort, times in WIB, place, speaker) as both scheduling and editing
// need it; ok is false when f holds errors. The times come back in UTC.
func parseSessionForm(c echo.Context, co domain.Cohort) (f sessionForm, from, to time.Time, ok bool) {
	f = sessionForm{
		Topic:   strings.TrimSpace(c.FormValue("topik")),
		Start:   strings.TrimSpace(c.FormValue("mulai")),
		End:     strings.TrimSpace(c.FormValue("selesai")),
		Place:   strings.TrimSpace(c.FormValue("tempat")),
		Speaker: strings.TrimSpace(c.FormValue("narasumber")),
	}
	f.Topic = textField(c, &f.Form, "sesi-topik", domain.TextSessionTopic, f.Topic)
	var day time.Time
	var dayOK bool
	day, f.Date, dayOK = dateField(c, &f.Form, "sesi-tanggal", "Tanggal", c.FormValue("tanggal"))
	if dayOK && (day.Before(co.StartsOn) || day.After(co.EndsOn)) {
		f.Add("sesi-tanggal", tf(c, "Tanggal sesi harus dalam masa angkatan: {{.Dates}}.", map[string]any{"Dates": i18n.DateText(langOf(c), dateRange(co.StartsOn, co.EndsOn))}))
	}
	// clock reads a time field, rewriting it as HH:MM so <input type=time> shows it again.
	clock := func(field, label string, raw *string) (int, bool) {
		if *raw == "" {
			f.Add(field, tf(c, "{{.Label}} wajib diisi.", map[string]any{"Label": domain.Label(label)}))
			return 0, false
		}
		h, m, ok := parseClock(*raw)
		if !ok {
			f.Add(field, tf(c, "{{.Label}} tidak dapat dibaca; tulis dalam format 24 jam, misalnya 09.00 atau 13.30.", map[string]any{"Label": domain.Label(label)}))
			return 0, false
		}
		*raw = fmt.Sprintf("%02d:%02d", h, m)
		return h*60 + m, true
	}
	fromMin, fromOK := clock("sesi-mulai", "Pukul mulai", &f.Start)
	toMin, toOK := clock("sesi-selesai", "Pukul selesai", &f.End)
	if fromOK && toOK && toMin <= fromMin {
		f.Add("sesi-selesai", "Pukul selesai harus setelah pukul mulai.")
	}
	f.Place = textField(c, &f.Form, "sesi-tempat", domain.TextPlace, f.Place)
	f.Speaker = textField(c, &f.Form, "sesi-narasumber", domain.TextSpeaker, f.Speaker)
	if len(f.Errors) > 0 {
		return f, time.Time{}, time.Time{}, false
	}
	// Times are entered in WIB and stored in UTC.
	at := func(minutes int) time.Time {
		return time.Date(day.Year(), day.Month(), day.Day(), minutes/60, minutes%60, 0, 0, WIB).UTC()
	}
	return f, at(fromMin), at(toMin), true
}
