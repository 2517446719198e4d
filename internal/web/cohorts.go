package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
)

// cohortRoutes: cohort administration (admin) and attendance (facilitators).
// The facilitator routes admit admins too; the handlers check that the
// cohort belongs to the admin's region or is assigned to the facilitator.
func (s *Server) cohortRoutes() []route {
	return []route{
		{http.MethodGet, "/admin/angkatan", adminOnly, s.cohortList},
		{http.MethodPost, "/admin/angkatan", adminOnly, s.createCohort},
		{http.MethodGet, "/admin/angkatan/:id", adminOnly, s.cohortAdminPage},
		{http.MethodPost, "/admin/angkatan/:id/peserta", adminOnly, s.enrollTrainees},
		{http.MethodPost, "/admin/angkatan/:id/fasilitator", adminOnly, s.addCohortFacilitator},
		{http.MethodPost, "/admin/angkatan/:id/sesi", adminOnly, s.addLiveSession},
		{http.MethodGet, "/fasilitator/angkatan/:id", staff, s.cohortStaffPage},
		{http.MethodGet, "/fasilitator/sesi/:id/kehadiran", staff, s.attendancePage},
		{http.MethodPost, "/fasilitator/sesi/:id/kehadiran", staff, s.saveAttendance},
	}
}

// Bounds of the cohort pages; every list on a request path is limited.
const (
	cohortPageSize   = 20
	memberPageSize   = 50
	facilitatorLimit = 500  // facilitators offered as checkboxes or in a select
	opdSelectLimit   = 1000 // OPDs offered in the enrolment select
	enrollOPDLimit   = 2000 // trainees enrolled from one OPD at once
	maxEmailLines    = 500  // emails pasted at once
	maxLineProblems  = 30   // line problems listed before summarising the rest
	sessionsOnHome   = 5
)

// cohortRow is a cohort in a list, with its link and dates written out.
type cohortRow struct {
	domain.CohortSummary
	URL   string
	Dates string
}

// dateRange writes a cohort's dates: "16 April 2026 s.d. 30 April 2026".
func dateRange(from, to time.Time) string {
	return shortDate(from) + " s.d. " + shortDate(to)
}

func cohortRows(cs []domain.CohortSummary, base string) []cohortRow {
	out := make([]cohortRow, len(cs))
	for i, c := range cs {
		out[i] = cohortRow{CohortSummary: c, URL: fmt.Sprintf("%s/%d", base, c.ID), Dates: dateRange(c.StartsOn, c.EndsOn)}
	}
	return out
}

// cohortBasics are the name and dates both cohort forms ask for: as typed,
// to show again, and as read.
type cohortBasics struct {
	Name, StartsOn, EndsOn string
	start, end             time.Time
}

// checkName reads the cohort's name; a problem goes to f under id.
func (b *cohortBasics) checkName(c echo.Context, f *Form, id, name string) {
	b.Name = textField(c, f, id, domain.TextCohortName, name)
}

// checkDates reads the two dates; problems go to f under the inputs' ids.
func (b *cohortBasics) checkDates(c echo.Context, f *Form, startID, endID, starts, ends string) {
	var startOK, endOK bool
	b.start, b.StartsOn, startOK = dateField(c, f, startID, "Tanggal mulai", starts)
	b.end, b.EndsOn, endOK = dateField(c, f, endID, "Tanggal selesai", ends)
	if startOK && endOK && b.end.Before(b.start) {
		f.Add(endID, "Tanggal selesai tidak boleh sebelum tanggal mulai.")
	}
}

// cohortForm keeps what the admin typed into the "new cohort" form.
type cohortForm struct {
	Form
	cohortBasics
	CourseID     string
	Facilitators map[int64]bool
}

// check validates the form against the catalogue and the region's
// facilitators and returns the cohort to create; problems go to f.Errors.
func (f *cohortForm) check(c echo.Context, form url.Values, catalog *course.Catalog, facilitators []domain.User) domain.NewCohort {
	f.CourseID = form.Get("course")
	f.Facilitators = map[int64]bool{}
	f.checkName(c, &f.Form, "name", form.Get("name"))
	switch {
	case f.CourseID == "":
		f.Add("course", "Pilih kursus yang diikuti angkatan ini.")
	case catalog.Course(f.CourseID) == nil:
		f.Add("course", "Kursus yang dipilih tidak ada; pilih dari daftar.")
	}
	f.checkDates(c, &f.Form, "starts_on", "ends_on", form.Get("starts_on"), form.Get("ends_on"))
	known := map[int64]bool{}
	for _, x := range facilitators {
		known[x.ID] = true
	}
	var ids []int64
	unknown := false
	for _, raw := range form["facilitators"] {
		id, ok := atoi64(raw)
		if !ok || !known[id] {
			unknown = true
			continue
		}
		if !f.Facilitators[id] {
			f.Facilitators[id] = true
			ids = append(ids, id)
		}
	}
	switch {
	case unknown:
		f.Add("fasilitator", "Fasilitator yang dipilih tidak ditemukan di wilayah Anda; pilih dari daftar.")
	case len(ids) == 0:
		f.Add("fasilitator", "Pilih sedikitnya satu fasilitator.")
	}
	return domain.NewCohort{CourseID: f.CourseID, Name: f.Name, StartsOn: f.start, EndsOn: f.end, FacilitatorIDs: ids}
}

// Checked reports whether a facilitator's box was ticked.
func (f cohortForm) Checked(id int64) bool { return f.Facilitators[id] }

type cohortListView struct {
	Cohorts      []cohortRow
	Page         Page
	Courses      []*course.Course
	Facilitators []domain.User
	Form         cohortForm
}

// repage points a pager's links at base, so they stay right when a POST
// re-renders the page and do not carry a one-time message along.
func repage(p Page, base string) Page {
	link := func(n int) string {
		sep := "?"
		if strings.Contains(base, "?") {
			sep = "&"
		}
		return fmt.Sprintf("%s%shalaman=%d", base, sep, n)
	}
	p.PrevURL, p.NextURL = link(p.Number-1), link(p.Number+1)
	return p
}

func (s *Server) cohortList(c echo.Context) error {
	if c.QueryParam("pesan") == "dibuat" {
		c.Set(ctxFlash, "Angkatan berhasil dibuat.")
	}
	return s.renderCohortList(c, http.StatusOK, cohortForm{})
}

func (s *Server) renderCohortList(c echo.Context, status int, form cohortForm) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	total, err := s.db.CountCohorts(ctx, u.RegionID)
	if err != nil {
		return err
	}
	v := cohortListView{Page: repage(newPage(c, cohortPageSize, total), "/admin/angkatan"), Form: form}
	cs, _, err := s.db.CohortsOfRegion(ctx, u.RegionID, v.Page.Size, v.Page.Offset())
	if err != nil {
		return err
	}
	v.Cohorts = cohortRows(cs, "/admin/angkatan")
	v.Courses = s.cfg.Catalog.Courses
	if v.Facilitators, err = s.db.RegionFacilitators(ctx, u.RegionID, facilitatorLimit); err != nil {
		return err
	}
	return s.render(c, status, "admin_cohorts", v)
}

// Accepted ways of writing a date: what <input type=date> sends, and the
// day/month/year form people type where the browser shows a plain text box.
var dayLayouts = []string{"2006-01-02", "2/1/2006", "2-1-2006"}

// parseDay reads a calendar date; years outside 2000–2100 are taken for typos.
func parseDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, s); err == nil && t.Year() >= 2000 && t.Year() <= 2100 {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseClock reads a 24-hour time "09:30" (or the Indonesian "09.30").
func parseClock(s string) (hour, minute int, ok bool) {
	s = strings.TrimSpace(strings.Replace(s, ".", ":", 1))
	h, m, found := strings.Cut(s, ":")
	if !found || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return 0, 0, false
	}
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 0, 0, false
	}
	return hour, minute, true
}

// dateField validates one required date field, returning the date and the
// value to show again (normalised when it could be read).
func dateField(c echo.Context, f *Form, field, label, raw string) (time.Time, string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		f.Add(field, tf(c, "{{.Label}} wajib diisi.", map[string]any{"Label": domain.Label(label)}))
		return time.Time{}, raw, false
	}
	d, ok := parseDay(raw)
	if !ok {
		f.Add(field, tf(c, "{{.Label}} tidak dapat dibaca; tulis seperti 16/04/2026.", map[string]any{"Label": domain.Label(label)}))
		return time.Time{}, raw, false
	}
	return d, d.Format("2006-01-02"), true
}

// textField checks one text input by its rule (domain.TextRule) and returns
// it cleaned; a problem goes to the form under field.
func textField(c echo.Context, f *Form, field string, rule domain.TextRule, raw string) string {
	clean, msg := checkText(c, rule, raw)
	if msg != "" {
		f.Add(field, msg)
	}
	return clean
}

func (s *Server) createCohort(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	form, err := c.FormParams()
	if err != nil {
		return domain.Errorf(domain.CodeInvalid, "formulir angkatan tidak dapat dibaca")
	}
	facs, err := s.db.RegionFacilitators(ctx, u.RegionID, facilitatorLimit)
	if err != nil {
		return err
	}
	var f cohortForm
	in := f.check(c, form, s.cfg.Catalog, facs)
	if len(f.Errors) > 0 {
		return s.renderCohortList(c, http.StatusUnprocessableEntity, f)
	}
	in.RegionID = u.RegionID
	co, err := s.db.CreateCohort(ctx, &u.ID, in)
	if domain.ErrorCode(err) == domain.CodeConflict {
		f.Add("name", tf(c, "Nama angkatan “{{.Name}}” sudah dipakai di wilayah Anda; pilih nama lain.", map[string]any{"Name": f.Name}))
		return s.renderCohortList(c, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/angkatan/%d?pesan=dibuat", co.ID))
}
