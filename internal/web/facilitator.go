package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// upcomingSession is a session on the facilitator's Beranda.
type upcomingSession struct {
	domain.FacilitatorSession
	When          string
	AttendanceURL string
	// NotYet: the session has not started; its attendance is not offered yet.
	NotYet bool
}

type fasilitatorHome struct {
	Region   domain.Region
	Cohorts  []cohortRow
	Upcoming []upcomingSession
}

// homeFasilitator is the facilitator's Beranda: their cohorts and the sessions
// coming up (today's included, so attendance can be taken after the session).
func (s *Server) homeFasilitator(c echo.Context, u *domain.User) error {
	ctx := c.Request().Context()
	region, err := s.db.Region(ctx, u.RegionID)
	if err != nil {
		return err
	}
	cs, err := s.db.CohortsOfFacilitator(ctx, u.ID)
	if err != nil {
		return err
	}
	today := s.cfg.Now().In(WIB)
	since := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, WIB)
	sessions, err := s.db.SessionsOfFacilitator(ctx, u.ID, since, sessionsOnHome)
	if err != nil {
		return err
	}
	v := fasilitatorHome{Region: region, Cohorts: cohortRows(cs, "/fasilitator/angkatan")}
	for _, ls := range sessions {
		v.Upcoming = append(v.Upcoming, upcomingSession{FacilitatorSession: ls, When: sessionWhen(ls.StartsAt, ls.EndsAt),
			AttendanceURL: fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", ls.ID), NotYet: s.cfg.Now().Before(ls.StartsAt)})
	}
	return s.render(c, http.StatusOK, "home_fasilitator", v)
}

// cohortStaffPage is the cohort as a facilitator sees it: trainees with their
// progress and the sessions, without the admin's forms.
func (s *Server) cohortStaffPage(c echo.Context) error {
	co, err := s.cohortFor(c.Request().Context(), currentUser(c), c.Param("id"), access.CanSeeCohort)
	if err != nil {
		return err
	}
	if msg := cohortFlash(c); msg != "" {
		c.Set(ctxFlash, msg)
	}
	v, err := s.loadCohortPage(c, co, false)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "admin_cohort", v)
}

// attendanceOption is one radio button of a trainee's fieldset.
type attendanceOption struct {
	ID, Value, Label string
	Checked          bool
}

type attendanceRowView struct {
	domain.AttendanceRow
	Field   string
	Error   string
	Options []attendanceOption
}

type attendanceView struct {
	Session    domain.LiveSession
	Cohort     domain.Cohort
	When       string
	CohortURL  string
	Rows       []attendanceRowView
	Tally      domain.AttendanceTally
	Unrecorded int
	Errors     []FormError
	// NotYet: the session has not started, so there is no attendance to record.
	NotYet bool
}

// attendanceStates are the choices, in the order the form shows them.
var attendanceStates = []string{domain.AttendPresent, domain.AttendExcused, domain.AttendAbsent}

func validAttendance(v string) bool {
	for _, s := range attendanceStates {
		if v == s {
			return true
		}
	}
	return false
}

// loadAttendance builds the page; chosen overrides the stored status per
// trainee (the input of a refused form), rowErrors marks the refused rows.
func (s *Server) loadAttendance(c echo.Context, ls domain.LiveSession, co domain.Cohort, chosen map[int64]string, rowErrors map[int64]string) (attendanceView, error) {
	v := attendanceView{Session: ls, Cohort: co, When: sessionWhen(ls.StartsAt, ls.EndsAt),
		CohortURL: fmt.Sprintf("/fasilitator/angkatan/%d", co.ID), NotYet: s.cfg.Now().Before(ls.StartsAt)}
	if currentUser(c).Role == domain.RoleAdmin {
		v.CohortURL = fmt.Sprintf("/admin/angkatan/%d", co.ID)
	}
	rows, err := s.db.SessionAttendance(c.Request().Context(), ls.ID)
	if err != nil {
		return v, err
	}
	for _, r := range rows {
		if r.Status == "" {
			v.Unrecorded++
		} else {
			v.Tally.Add(r.Status, 1)
		}
		rv := attendanceRowView{AttendanceRow: r, Field: fmt.Sprintf("status-%d", r.UserID), Error: rowErrors[r.UserID]}
		current := r.Status
		if ch, ok := chosen[r.UserID]; ok {
			current = ch
		}
		for _, st := range attendanceStates {
			rv.Options = append(rv.Options, attendanceOption{ID: fmt.Sprintf("%s-%s", rv.Field, st), Value: st,
				Label: domain.AttendanceLabel(st), Checked: current == st})
		}
		v.Rows = append(v.Rows, rv)
	}
	return v, nil
}

func (s *Server) attendancePage(c echo.Context) error {
	ls, co, err := s.sessionFor(c, access.CanRecordAttendance)
	if err != nil {
		return err
	}
	if c.QueryParam("pesan") == "tersimpan" {
		c.Set(ctxFlash, "Kehadiran berhasil disimpan.")
	}
	v, err := s.loadAttendance(c, ls, co, nil, nil)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "attendance", v)
}

func (s *Server) saveAttendance(c echo.Context) error {
	ls, co, err := s.sessionFor(c, access.CanRecordAttendance)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	rows, err := s.db.SessionAttendance(ctx, ls.ID)
	if err != nil {
		return err
	}
	form, err := c.FormParams()
	if err != nil {
		return domain.Errorf(domain.CodeInvalid, "formulir kehadiran tidak dapat dibaca")
	}
	statuses := map[int64]string{}
	chosen := map[int64]string{}
	rowErrors := map[int64]string{}
	var errs []FormError
	for _, r := range rows {
		field := fmt.Sprintf("status-%d", r.UserID)
		val := form.Get(field)
		switch {
		case val == "":
			// Not chosen: left as it is.
		case validAttendance(val):
			statuses[r.UserID] = val
			chosen[r.UserID] = val
		default:
			chosen[r.UserID] = ""
			msg := tf(c, "Pilih Hadir, Izin, atau Tidak hadir untuk {{.Name}}.", map[string]any{"Name": r.Name})
			rowErrors[r.UserID] = msg
			errs = append(errs, FormError{Field: field + "-" + domain.AttendPresent, Message: msg})
		}
	}
	if len(errs) == 0 && len(statuses) == 0 && len(rows) > 0 {
		errs = append(errs, FormError{Field: fmt.Sprintf("status-%d-%s", rows[0].UserID, domain.AttendPresent),
			Message: "Pilih kehadiran sedikitnya satu peserta sebelum menyimpan."})
	}
	if len(rows) == 0 {
		errs = append(errs, FormError{Field: "kehadiran", Message: "Angkatan ini belum memiliki peserta, jadi belum ada kehadiran yang dapat dicatat."})
	}
	if s.cfg.Now().Before(ls.StartsAt) {
		// A session that has not happened has no attendance; it would count towards a certificate.
		errs = []FormError{{Field: "kehadiran", Message: tf(c, "Sesi ini belum berlangsung ({{.When}}). Kehadiran dapat dicatat setelah sesi dimulai; tidak ada yang disimpan.", map[string]any{"When": i18n.DateText(langOf(c), sessionWhen(ls.StartsAt, ls.EndsAt))})}}
		rowErrors = nil
	}
	if len(errs) > 0 {
		v, err := s.loadAttendance(c, ls, co, chosen, rowErrors)
		if err != nil {
			return err
		}
		v.Errors = errs
		return s.render(c, http.StatusUnprocessableEntity, "attendance", v)
	}
	if err := s.db.MarkAttendance(ctx, currentUser(c).ID, ls.ID, statuses, s.cfg.Now()); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/fasilitator/sesi/%d/kehadiran?pesan=tersimpan", ls.ID))
}
