package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
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

// enrollForm keeps the enrolment input: an OPD, or pasted emails.
type enrollForm struct {
	Form
	OPD    string
	Emails string
}

// EmailErrors lists every message about the pasted emails, one per line problem.
func (f enrollForm) EmailErrors() []string {
	var out []string
	for _, e := range f.Errors {
		if e.Field == "emails" {
			out = append(out, e.Message)
		}
	}
	return out
}

// facilForm keeps the "add facilitator" choice.
type facilForm struct {
	Form
	User string
}

// sessionForm keeps what was typed for a new live session.
type sessionForm struct {
	Form
	Topic, Date, Start, End, Place, Speaker string
}

type memberRow struct {
	domain.CohortMember
	Progress    string
	Attended    int
	StatusLabel string
	Checklist   *checklist
	// Certified is the trainee's valid certificate of the cohort's course:
	// nothing is asked of them then.
	Certified *domain.HeldCertificate
	LeaveURL  string // "" once the trainee is out
}

type sessionRow struct {
	domain.LiveSession
	When          string
	AttendanceURL string
	Tally         domain.AttendanceTally
	CancelURL     string // "" once the session has started or has attendance
	EditURL       string // "" once the session has started or has attendance
}

// cohortPageView is the cohort page: facts, people and sessions for everyone
// who may see it, plus the admin's forms when Manage is set.
type cohortPageView struct {
	Cohort       domain.Cohort
	CourseTitle  string
	Dates        string
	Attendance   int // sessions a trainee must attend for the certificate
	Manage       bool
	Facilitators []domain.User
	Members      []memberRow
	MemberPage   Page
	ItemTotal    int
	Sessions     []sessionRow
	Insight      *cohortInsight

	// The form that failed, summarised at the top of the page.
	ErrorTitle string
	Errors     []FormError

	OPDs             []domain.OPD
	FreeFacilitators []domain.User
	Enroll           enrollForm
	Facil            facilForm
	Session          sessionForm
	// Edit is the "Ubah angkatan" form.
	Edit cohortEditForm
	// CancelID is the session whose cancellation was refused; its form stays open.
	CancelID     int64
	CancelReason string
	// RemoveFacilitatorID is the facilitator whose removal was refused; its form stays open.
	RemoveFacilitatorID int64
}

func enrollmentLabel(status domain.EnrollmentStatus) string {
	switch status {
	case domain.EnrollmentActive:
		return "Aktif"
	case domain.EnrollmentFinished:
		return "Selesai"
	case domain.EnrollmentLeft:
		return "Keluar"
	}
	return string(status)
}

// sessionWhen writes a session's time in WIB: "Kamis, 16 April 2026, pukul 09.00–11.00 WIB".
func sessionWhen(start, end time.Time) string {
	a, b := start.In(WIB), end.In(WIB)
	if a.Format("2006-01-02") != b.Format("2006-01-02") {
		return dateTime(a) + " s.d. " + dateTime(b)
	}
	return fmt.Sprintf("%s, pukul %02d.%02d–%02d.%02d WIB", longDate(a), a.Hour(), a.Minute(), b.Hour(), b.Minute())
}

// loadCohortPage fills everything the cohort page shows, for admins and facilitators alike.
func (s *Server) loadCohortPage(c echo.Context, co domain.Cohort, manage bool) (cohortPageView, error) {
	ctx := c.Request().Context()
	v := cohortPageView{Cohort: co, Manage: manage, Dates: dateRange(co.StartsOn, co.EndsOn), CourseTitle: co.CourseID}
	if cr := s.cfg.Catalog.Course(co.CourseID); cr != nil {
		v.CourseTitle = cr.Title
		v.ItemTotal = len(cr.Items)
		v.Attendance = cr.Certificate.Requirements.Attendance
	}
	var err error
	if v.Facilitators, err = s.db.CohortFacilitators(ctx, co.ID); err != nil {
		return v, err
	}
	total, err := s.db.CountCohortMembers(ctx, co.ID)
	if err != nil {
		return v, err
	}
	base := fmt.Sprintf("/fasilitator/angkatan/%d", co.ID)
	if manage {
		base = fmt.Sprintf("/admin/angkatan/%d", co.ID)
	}
	v.MemberPage = repage(newPage(c, memberPageSize, total), base)
	v.MemberPage.PrevURL += "#pesan"
	v.MemberPage.NextURL += "#pesan"
	members, err := s.db.CohortMembersPage(ctx, co.ID, v.MemberPage.Size, v.MemberPage.Offset())
	if err != nil {
		return v, err
	}
	attended, err := s.db.CohortAttendanceCounts(ctx, co.ID)
	if err != nil {
		return v, err
	}
	ids := make([]int64, len(members))
	for i, m := range members {
		ids[i] = m.EnrollmentID
	}
	checks, err := s.checklistsFor(ctx, langOf(c), ids, viewerStaff)
	if err != nil {
		return v, err
	}
	users := make([]int64, len(members))
	for i, m := range members {
		users[i] = m.UserID
	}
	certs, err := s.db.ValidCertificatesOfCourse(ctx, users, co.CourseID, s.cfg.Now())
	if err != nil {
		return v, err
	}
	for _, m := range members {
		r := memberRow{CohortMember: m, Attended: attended[m.UserID], StatusLabel: enrollmentLabel(m.Status)}
		if cert, ok := certs[m.UserID]; ok && m.Status != domain.EnrollmentLeft {
			r.Certified = &cert
		}
		// A certified trainee's checklist shows only when it is complete (the
		// cohort that certified them): an older cohort's open one asks nothing.
		if cl, ok := checks[m.EnrollmentID]; ok && m.Status != domain.EnrollmentLeft && (r.Certified == nil || cl.Complete) {
			r.Checklist = &cl
		}
		if manage && m.Status != domain.EnrollmentLeft {
			r.LeaveURL = fmt.Sprintf("/admin/angkatan/%d/peserta/%d/keluar", co.ID, m.UserID)
		}
		if v.ItemTotal > 0 {
			r.Progress = tf(c, "{{.Done}} dari {{.N}} item selesai", map[string]any{"Done": min(m.Done, v.ItemTotal), "N": v.ItemTotal})
		} else {
			r.Progress = tf(c, "{{.N}} item selesai", map[string]any{"N": m.Done})
		}
		v.Members = append(v.Members, r)
	}
	sessions, err := s.db.SessionsOfCohort(ctx, co.ID)
	if err != nil {
		return v, err
	}
	tallies, err := s.db.CohortSessionTallies(ctx, co.ID)
	if err != nil {
		return v, err
	}
	now := s.cfg.Now()
	for _, ls := range sessions {
		r := sessionRow{LiveSession: ls, When: sessionWhen(ls.StartsAt, ls.EndsAt),
			AttendanceURL: fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", ls.ID), Tally: tallies[ls.ID]}
		if now.Before(ls.StartsAt) && r.Tally == (domain.AttendanceTally{}) {
			r.EditURL = fmt.Sprintf("/fasilitator/sesi/%d/ubah", ls.ID)
			if manage {
				r.CancelURL = fmt.Sprintf("/admin/sesi/%d/batal", ls.ID)
			}
		}
		v.Sessions = append(v.Sessions, r)
	}
	reports, err := s.db.CohortVersionReports(ctx, co.ID, insightVersions)
	if err != nil {
		return v, err
	}
	v.Insight = newCohortInsight(langOf(c), reports, s.cfg.Catalog.Course(co.CourseID), s.cfg.Now())
	if !manage {
		return v, nil
	}
	v.Edit = cohortEditOf(co)
	u := currentUser(c)
	if v.OPDs, err = s.db.RegionOPDs(ctx, u.RegionID, opdSelectLimit); err != nil {
		return v, err
	}
	all, err := s.db.RegionFacilitators(ctx, u.RegionID, facilitatorLimit)
	if err != nil {
		return v, err
	}
	assigned := map[int64]bool{}
	for _, x := range v.Facilitators {
		assigned[x.ID] = true
	}
	for _, x := range all {
		if !assigned[x.ID] {
			v.FreeFacilitators = append(v.FreeFacilitators, x)
		}
	}
	return v, nil
}

// cohortFlash turns the one-time message key of a redirect into words; the
// text is built here, never taken from the URL.
func cohortFlash(c echo.Context) string {
	q := c.QueryParams()
	switch q.Get("pesan") {
	case "dibuat":
		return "Angkatan berhasil dibuat. Sekarang daftarkan peserta dan jadwalkan sesi tatap muka."
	case "peserta":
		added, _ := strconv.Atoi(q.Get("jumlah"))
		already, _ := strconv.Atoi(q.Get("sudah"))
		// EYD V: a sentence never opens with a numeral, hence "Sebanyak".
		msg := tf(c, "Sebanyak {{.N}} peserta didaftarkan ke angkatan ini.", map[string]any{"N": added})
		if added == 0 {
			msg = tr(c, "Tidak ada peserta baru yang didaftarkan.")
		}
		if already > 0 {
			msg += " " + tf(c, "Sebanyak {{.N}} peserta sudah terdaftar sebelumnya.", map[string]any{"N": already})
		}
		return msg
	case "fasilitator":
		return "Fasilitator berhasil ditambahkan."
	case "fasilitator-lepas":
		return "Fasilitator dilepas dari angkatan ini dan tidak lagi dapat membuka halaman, kiriman, atau sesinya. Penilaian dan kehadiran yang sudah ia catat tetap tersimpan."
	case "diubah":
		return "Nama dan tanggal angkatan disimpan dan dicatat di log audit."
	case "keluar":
		return "Peserta dikeluarkan dari angkatan ini. Kemajuan belajar, rilis, kehadiran, dan sertifikatnya tetap tersimpan; bila ia didaftarkan lagi ke angkatan ini, kemajuannya kembali."
	case "sesi-batal":
		told, _ := strconv.Atoi(q.Get("jumlah"))
		if told == 0 {
			return "Sesi tatap muka dibatalkan. Angkatan ini belum memiliki peserta aktif untuk diberi tahu."
		}
		return tf(c, "Sesi tatap muka dibatalkan. Sebanyak {{.N}} peserta sudah diberi tahu.", map[string]any{"N": told})
	case "sesi":
		return "Sesi tatap muka berhasil dijadwalkan."
	case "sesi-ubah":
		told, _ := strconv.Atoi(q.Get("jumlah"))
		if told == 0 {
			return "Perubahan sesi tatap muka disimpan dan dicatat di log audit."
		}
		return tf(c, "Sesi tatap muka diubah. Sebanyak {{.N}} peserta sudah diberi tahu.", map[string]any{"N": told})
	}
	return ""
}

func (s *Server) cohortAdminPage(c echo.Context) error {
	co, err := s.cohortFor(c.Request().Context(), currentUser(c), c.Param("id"), access.CanManageCohort)
	if err != nil {
		return err
	}
	if msg := cohortFlash(c); msg != "" {
		c.Set(ctxFlash, msg)
	}
	v, err := s.loadCohortPage(c, co, true)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "admin_cohort", v)
}

// rerenderCohort shows the admin's cohort page again with the failed form's input and messages.
func (s *Server) rerenderCohort(c echo.Context, co domain.Cohort, title string, errs []FormError, fill func(*cohortPageView)) error {
	v, err := s.loadCohortPage(c, co, true)
	if err != nil {
		return err
	}
	v.ErrorTitle, v.Errors = title, errs
	fill(&v)
	return s.render(c, http.StatusUnprocessableEntity, "admin_cohort", v)
}

func (s *Server) enrollTrainees(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	co, err := s.cohortFor(ctx, u, c.Param("id"), access.CanManageCohort)
	if err != nil {
		return err
	}
	f := enrollForm{OPD: c.FormValue("opd"), Emails: c.FormValue("emails")}
	mode := c.FormValue("cara")
	if mode != "opd" && mode != "email" {
		mode = "opd"
		if strings.TrimSpace(f.Emails) != "" {
			mode = "email"
		}
	}
	var ids []int64
	if mode == "opd" {
		f.Emails = ""
		ids, err = s.traineesOfOPD(c, &f, u)
	} else {
		f.OPD = ""
		ids, err = s.traineesByEmail(c, &f, u.RegionID)
	}
	if err != nil {
		return err
	}
	if len(f.Errors) == 0 {
		added, err := s.db.Enroll(ctx, &u.ID, co.ID, ids)
		switch {
		case domain.ErrorCode(err) == domain.CodeInvalid:
			// Someone changed a role between our check and the insert.
			var de *domain.Error
			errors.As(err, &de)
			f.Add(map[string]string{"opd": "opd", "email": "emails"}[mode], tf(c, "Pendaftaran gagal: {{.Reason}}.", map[string]any{"Reason": errText(c, de)}))
		case err != nil:
			return err
		default:
			return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/angkatan/%d?pesan=peserta&jumlah=%d&sudah=%d#pesan", co.ID, added, len(ids)-added))
		}
	}
	return s.rerenderCohort(c, co, "Peserta belum didaftarkan", f.Errors, func(v *cohortPageView) { v.Enroll = f })
}

// traineesOfOPD resolves the chosen OPD to its active trainees.
func (s *Server) traineesOfOPD(c echo.Context, f *enrollForm, u *domain.User) ([]int64, error) {
	ctx := c.Request().Context()
	id, ok := atoi64(f.OPD)
	if !ok {
		f.Add("opd", "Pilih OPD yang pesertanya akan didaftarkan.")
		return nil, nil
	}
	o, err := s.db.OPD(ctx, id)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && !access.CanManageOPD(u, access.OPD{ID: o.ID, RegionID: o.RegionID})) {
		f.Add("opd", "OPD yang dipilih tidak ditemukan di wilayah Anda; pilih dari daftar.")
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	ids, err := s.db.ActivePesertaOfOPD(ctx, id, enrollOPDLimit)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		f.Add("opd", tf(c, "{{.Name}} belum memiliki peserta aktif.", map[string]any{"Name": o.Name}))
	}
	return ids, nil
}

// traineesByEmail checks the pasted emails line by line; every problem is
// reported with its line number so the admin can fix the list and send it again.
func (s *Server) traineesByEmail(c echo.Context, f *enrollForm, regionID int64) ([]int64, error) {
	ctx := c.Request().Context()
	type entry struct {
		line  int
		email string
	}
	var entries []entry
	var problems []lineProblem
	if clean, msg := checkText(c, domain.TextEmailList, f.Emails); msg != "" {
		f.Emails = clean
		f.Add("emails", msg)
		return nil, nil
	}
	for i, raw := range strings.Split(f.Emails, "\n") {
		line := strings.TrimSpace(strings.TrimRight(raw, "\r,;"))
		if line == "" {
			continue
		}
		a, err := mail.ParseAddress(line)
		if err != nil {
			problems = append(problems, lineProblem{i + 1, tf(c, "baris {{.Line}}: “{{.Email}}” bukan alamat email yang valid", map[string]any{"Line": i + 1, "Email": clip(line, 80)})})
			continue
		}
		entries = append(entries, entry{line: i + 1, email: store.NormalizeEmail(a.Address)})
	}
	if len(entries)+len(problems) == 0 {
		f.Add("emails", "Tuliskan sedikitnya satu email peserta, satu email per baris.")
		return nil, nil
	}
	if len(entries)+len(problems) > maxEmailLines {
		f.Add("emails", tf(c, "Paling banyak {{.Max}} email sekali kirim; bagi daftarnya dan kirim beberapa kali.", map[string]any{"Max": maxEmailLines}))
		return nil, nil
	}
	emails := make([]string, len(entries))
	for i, e := range entries {
		emails[i] = e.email
	}
	users, err := s.db.RegionUsersByEmail(ctx, regionID, emails)
	if err != nil {
		return nil, err
	}
	var ids []int64
	seen := map[int64]bool{}
	for _, e := range entries {
		u, ok := users[e.email]
		switch {
		case !ok:
			problems = append(problems, lineProblem{e.line, tf(c, "baris {{.Line}}: {{.Email}} tidak terdaftar", map[string]any{"Line": e.line, "Email": e.email})})
		case u.Role != domain.RolePeserta:
			problems = append(problems, lineProblem{e.line, tf(c, "baris {{.Line}}: {{.Email}} bukan peserta (perannya {{.Role}})", map[string]any{"Line": e.line, "Email": e.email, "Role": i18n.Phrase(u.Role.Label())})})
		case !u.Active:
			problems = append(problems, lineProblem{e.line, tf(c, "baris {{.Line}}: akun {{.Email}} dinonaktifkan", map[string]any{"Line": e.line, "Email": e.email})})
		case !seen[u.ID]:
			seen[u.ID] = true
			ids = append(ids, u.ID)
		}
	}
	// Report lines in order, whatever check found them.
	sortByLine(problems)
	for i, p := range problems {
		if i == maxLineProblems {
			f.Add("emails", tf(c, "… dan {{.N}} baris lain bermasalah.", map[string]any{"N": len(problems) - maxLineProblems}))
			break
		}
		f.Add("emails", p.text)
	}
	return ids, nil
}

// clip shortens s to at most n characters, so a pasted paragraph does not flood the message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// sortByLine orders "baris N: …" messages by N (insertion sort: the list is short).
// lineProblem is one refused line of a pasted list, already in the reader's language.
type lineProblem struct {
	line int
	text string
}

func sortByLine(msgs []lineProblem) {
	for i := 1; i < len(msgs); i++ {
		for j := i; j > 0 && msgs[j].line < msgs[j-1].line; j-- {
			msgs[j], msgs[j-1] = msgs[j-1], msgs[j]
		}
	}
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
