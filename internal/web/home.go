package web

import (
	"crypto/sha256"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
)

// opdPageSize is how many OPDs a list shows per page.
const opdPageSize = 50

func (s *Server) home(c echo.Context) error {
	u := currentUser(c)
	switch u.Role {
	case domain.RolePeserta:
		return s.homePeserta(c, u)
	case domain.RoleFasilitator:
		return s.homeFasilitator(c, u)
	case domain.RolePimpinanOPD:
		if u.OPDID == nil {
			return domain.ErrNotFound
		}
		o, err := s.opdByID(c.Request().Context(), u, *u.OPDID, access.CanSeeOPD)
		if err != nil {
			return err
		}
		return s.renderOPD(c, o)
	case domain.RoleAdmin:
		return s.homeAdmin(c, u)
	}
	return domain.ErrForbidden
}

type pesertaHome struct {
	Region   domain.Region
	OPD      *domain.OPD
	Courses  []courseCard
	Sessions []domain.TraineeSession
	News     []shownNotice
	Expiring []certReminder // certificates ending within 60 days (certificates.go)
}

// newsShown is how many notifications the Beranda lists.
const newsShown = 5

// courseCard is one course on a trainee's Beranda, worked out in Go so the
// template does not walk every item of the course on each view.
type courseCard struct {
	Course     *course.Course
	Enrollment *domain.EnrollmentView
	Percent    int
	Done       int // items finished, of Total: what Percent counts, beside the checklist's per-kind counts
	Total      int
	NextURL    string
	NextLabel  string // the next item's kind ("Materi"), translated by the page; "" when the title begins with it
	NextTitle  string
	Practices  []practiceLine
	Checklist  *checklist
}

type practiceLine struct {
	Title, URL, StateLabel string
	index                  int // position in the course, for ordering
}

func newCourseCard(l learning) courseCard {
	cc := courseCard{Course: l.Course, Enrollment: l.Enrollment, Percent: l.Percent(), Total: len(l.Course.Items)}
	for _, it := range l.Course.Items {
		if l.Finished(it) {
			cc.Done++
		}
	}
	if next := l.Next(); next != nil {
		cc.NextURL = course.DefaultItemURL(l.Course.ID, next)
		cc.NextLabel, cc.NextTitle = next.Kind.Label(), next.Title
		if w, _, _ := strings.Cut(next.Title, " "); strings.EqualFold(w, cc.NextLabel) {
			cc.NextLabel = "" // "Kuis Modul 1 – …", not "Kuis — Kuis Modul 1 – …"
		}
	}
	l.SubStates.each(func(id, _ string) {
		if st := l.SubState(id); st != "" {
			if it := l.Course.Item(id); it != nil {
				cc.Practices = append(cc.Practices, practiceLine{Title: it.Title, URL: course.DefaultItemURL(l.Course.ID, it), StateLabel: st, index: it.Index})
			}
		}
	})
	sort.Slice(cc.Practices, func(i, j int) bool { return cc.Practices[i].index < cc.Practices[j].index })
	return cc
}

// upcomingSessions is how many coming sessions the trainee's Beranda lists.
const upcomingSessions = 3

func (s *Server) homePeserta(c echo.Context, u *domain.User) error {
	ctx := c.Request().Context()
	var p pesertaHome
	var err error
	if p.Region, err = s.names.region(ctx, u.RegionID); err != nil {
		return err
	}
	if u.OPDID != nil {
		o, err := s.names.opd(ctx, *u.OPDID)
		if err != nil {
			return err
		}
		p.OPD = &o
	}
	pd, err := s.progressOf(ctx, u.ID)
	if err != nil {
		return err
	}
	h, cached, err := s.homeOf(ctx, langOf(c), u.ID)
	if err != nil {
		return err
	}
	p.News, p.Sessions, p.Expiring = h.News, h.Sessions, s.certificateReminders(h.Expiring)
	// The body is rendered again only when something it shows changed: the
	// progress copy, the key's parts, or the clock passing a moment a
	// checklist shows (see checklistUntil); until then the cards and
	// checklists are not worked out again.
	now := s.cfg.Now()
	key := sha256.Sum256([]byte(string(langOf(c)) + "|" + berandaKey(u, &p))) // a copy in one language never serves the other
	if kept := cached.body.Load(); kept != nil && kept.progress == pd && kept.key == key && now.Before(kept.until) {
		v := s.view(c, p)
		v.Body = kept.html
		return s.renderView(c, http.StatusOK, "home_peserta", v)
	}
	until := now.Add(time.Hour)
	for i, e := range pd.Enrollments {
		if co := s.cfg.Catalog.Course(e.CourseID); co != nil {
			cc := newCourseCard(learning{Course: co, Enrollment: &e, States: pd.per[i].items, SubStates: pd.per[i].subs})
			if pd.per[i].hasReqs {
				cl := pd.per[i].reqs.checklist(langOf(c), co, now, viewerTrainee)
				cc.Checklist = &cl
				if u := pd.per[i].reqs.until(now); u.Before(until) {
					until = u
				}
			}
			p.Courses = append(p.Courses, cc)
		}
	}
	v := s.view(c, p)
	if v.Body, err = s.renderBody("home_peserta", v); err != nil {
		return err
	}
	cached.body.Store(&keptBody{progress: pd, key: key, html: v.Body, until: until})
	return s.renderView(c, http.StatusOK, "home_peserta", v)
}

func (s *Server) roleCounts(c echo.Context, regionID int64) (map[string]int, error) {
	byRole, err := s.db.CountUsersByRole(c.Request().Context(), regionID)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, r := range domain.Roles {
		out[string(r)] = byRole[r]
	}
	return out, nil
}

type adminHome struct {
	Region domain.Region
	Counts map[string]int
	OPDs   []domain.OPDSummary
	Page   Page
}

func (s *Server) homeAdmin(c echo.Context, u *domain.User) error {
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
	page := newPage(c, opdPageSize, total)
	opds, err := s.db.OPDSummaries(ctx, u.RegionID, page.Size, page.Offset())
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "home_admin", adminHome{Region: region, Counts: counts, OPDs: opds, Page: page})
}
