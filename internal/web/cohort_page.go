package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/domain"
)

// facilForm keeps the "add facilitator" choice.
type facilForm struct {
	Form
	User string
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
