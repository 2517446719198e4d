package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// Limits of the review page.
const (
	queuePageSize      = 20
	queueNoticesShown  = 20
	queueOptionLimit   = 500 // cohorts and OPDs offered in the filter selects
	maxQuoteRunes      = 2000
	commentPriority    = 10 // a facilitator's remark keeps its colour over the grader's findings
	reviewStateWaiting = "menunggu"
	reviewStateOpen    = "dinilai"
)

func (s *Server) reviewRoutes() []route {
	return []route{
		{http.MethodGet, "/penilaian", staff, s.reviewQueue},
		{http.MethodGet, "/penilaian/:id", staff, s.reviewPage},
		{http.MethodPost, "/penilaian/:id/komentar", staff, s.addReviewComment},
		{http.MethodPost, "/penilaian/:id/keputusan", staff, s.decideReview},
		{http.MethodPost, "/penilaian/:id/buka-kembali", staff, s.reopenSubmission},
	}
}

// reviewNav is the navigation link to the queue with the number waiting:
// a facilitator's cohorts, or an admin's whole region. A failed count loses
// the number, never the page.
func (s *Server) reviewNav(ctx context.Context, u *domain.User) NavItem {
	item := NavItem{Label: "Antrean penilaian", Href: "/penilaian"}
	var facilitator int64
	if u.Role == domain.RoleFasilitator {
		facilitator = u.ID
	}
	n, err := s.db.QueueCount(ctx, u.RegionID, facilitator)
	if err != nil {
		s.log.Warn("menghitung antrean penilaian gagal", "err", err)
		return item
	}
	item.Label = fmt.Sprintf("Antrean penilaian (%d)", n)
	if n >= store.QueueCountCap {
		item.Label = fmt.Sprintf("Antrean penilaian (%d+)", store.QueueCountCap-1)
	}
	return item
}

// ---------------------------------------------------------------------------
// The queue

type option struct {
	Value, Label string
	Selected     bool
}

type queueRow struct {
	domain.QueueEntry
	ItemTitle  string
	StateLabel string
	SentAt     string
	URL        string
}

type queueView struct {
	More     bool // more wait than store.QueueTotalCap: the count says "more than"
	Cohorts  []option
	OPDs     []option
	States   []option
	Filtered bool
	Rows     []queueRow
	Page     Page
	Notices  []shownNotice
}

// queueFilterFor reads the GET form; values that do not parse mean "all".
func queueFilterFor(c echo.Context, u *domain.User) domain.QueueFilter {
	f := domain.QueueFilter{RegionID: u.RegionID}
	if u.Role == domain.RoleFasilitator {
		f.FacilitatorID = u.ID
	}
	f.CohortID, _ = atoi64(c.QueryParam("angkatan"))
	f.OPDID, _ = atoi64(c.QueryParam("opd"))
	switch c.QueryParam("status") {
	case reviewStateWaiting:
		f.State = domain.SubSubmitted
	case reviewStateOpen:
		f.State = domain.SubInReview
	}
	return f
}

func (s *Server) reviewQueue(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	f := queueFilterFor(c, u)
	v := queueView{Filtered: f.CohortID != 0 || f.OPDID != 0 || f.State != ""}

	// The page is read before the total is known; a page past the end is
	// clamped by newPage and read again.
	want := 1
	if n, err := strconv.Atoi(c.QueryParam("halaman")); err == nil && n > 1 {
		want = n
	}
	entries, total, err := s.db.ReviewQueue(ctx, f, queuePageSize, (want-1)*queuePageSize)
	if err != nil {
		return err
	}
	v.More = total > store.QueueTotalCap
	v.Page = newPage(c, queuePageSize, min(total, store.QueueTotalCap))
	if v.Page.Number != want {
		if entries, _, err = s.db.ReviewQueue(ctx, f, queuePageSize, v.Page.Offset()); err != nil {
			return err
		}
	}
	for _, e := range entries {
		v.Rows = append(v.Rows, queueRow{QueueEntry: e, ItemTitle: s.itemTitle(e.CourseID, e.ItemID),
			StateLabel: domain.SubmissionStateLabel(e.State), SentAt: dateTime(e.SubmittedAt),
			URL: fmt.Sprintf("/penilaian/%d", e.SubmissionID)})
	}

	var cohorts []domain.CohortSummary
	if u.Role == domain.RoleFasilitator {
		cohorts, err = s.db.FacilitatorCohortNames(ctx, u.ID)
	} else {
		cohorts, _, err = s.db.CohortsOfRegion(ctx, u.RegionID, queueOptionLimit, 0)
	}
	if err != nil {
		return err
	}
	for _, co := range cohorts {
		v.Cohorts = append(v.Cohorts, option{Value: strconv.FormatInt(co.ID, 10), Label: co.Name, Selected: co.ID == f.CohortID})
	}
	opds, err := s.db.RegionOPDs(ctx, u.RegionID, queueOptionLimit)
	if err != nil {
		return err
	}
	for _, o := range opds {
		v.OPDs = append(v.OPDs, option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name, Selected: o.ID == f.OPDID})
	}
	v.States = []option{
		{Value: reviewStateWaiting, Label: domain.SubmissionStateLabel(domain.SubSubmitted), Selected: f.State == domain.SubSubmitted},
		{Value: reviewStateOpen, Label: domain.SubmissionStateLabel(domain.SubInReview), Selected: f.State == domain.SubInReview},
	}

	// Unread notifications stay here until marked read in the notification centre.
	notes, err := s.db.Notifications(ctx, u.ID, queueNoticesShown)
	if err != nil {
		return err
	}
	for _, n := range showNotices(langOf(c), notes) {
		if n.ReadAt == nil {
			v.Notices = append(v.Notices, n)
		}
	}
	if msg := reviewFlash(c.QueryParam("pesan")); msg != "" {
		c.Set(ctxFlash, msg)
	}
	return s.render(c, http.StatusOK, "review_queue", v)
}

// reviewFlash turns a redirect's message key into words; the text never comes from the URL.
func reviewFlash(key string) string {
	switch key {
	case string(domain.DecisionApprove):
		return "Keputusan tersimpan: rilis disetujui. Peserta sudah diberi tahu."
	case string(domain.DecisionReturn):
		return "Keputusan tersimpan: rilis dikembalikan untuk revisi. Peserta sudah diberi tahu."
	case string(domain.DecisionReject):
		return "Keputusan tersimpan: rilis ditolak. Peserta sudah diberi tahu."
	case "komentar":
		return "Komentar tersimpan dan ditandai di teks."
	case "dibuka":
		return "Rilis dibuka kembali: statusnya Dikembalikan, dan peserta sudah diberi tahu bahwa ia dapat merevisi dan mengirimnya lagi."
	}
	return ""
}

// itemTitle names a practice item from the loaded catalog; an item removed
// from the course files keeps its id as its name.
func (s *Server) itemTitle(courseID, itemID string) string {
	if co := s.cfg.Catalog.Course(courseID); co != nil {
		if it := co.Item(itemID); it != nil {
			return it.Title
		}
	}
	return itemID
}

// itemLink is the practice item page.
func (s *Server) itemLink(courseID, itemID string) string {
	if co := s.cfg.Catalog.Course(courseID); co != nil {
		if it := co.Item(itemID); it != nil {
			return course.DefaultItemURL(co.ID, it)
		}
	}
	return "/kursus/" + url.PathEscape(courseID) + "/materi/" + url.PathEscape(itemID)
}

// ---------------------------------------------------------------------------
// The review page

// ---------------------------------------------------------------------------
// Anchored comments

// ---------------------------------------------------------------------------
// Decisions
