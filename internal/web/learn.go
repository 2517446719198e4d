package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

func (s *Server) learnRoutes() []route {
	return []route{
		{http.MethodGet, "/kursus/:course", learners, s.coursePage},
		{http.MethodGet, "/kursus/:course/materi/:item", learners, s.itemPage},
		{http.MethodPost, "/kursus/:course/materi/:item/selesai", pesertaOnly, s.markLessonDone},
		{http.MethodPost, "/kursus/:course/materi/:item/kuis", pesertaOnly, s.submitQuiz},
		{http.MethodGet, "/kursus-aset/:course/*", learners, s.courseAsset},
		{http.MethodGet, "/jadwal", pesertaOnly, s.schedule},
	}
}

// learning is what every course page needs: the course, and for a trainee
// their enrollment and item states. Staff preview without an enrollment.
type learning struct {
	Course     *course.Course
	Enrollment *domain.EnrollmentView
	States     itemStates
	SubStates  itemStates // practice item → submission state
	Preview    bool
	progress   *progressData // the trainee's cached copy the states come from
}

// SubState is the label of a practice item's submission state, or "".
func (l learning) SubState(id string) string {
	if st, ok := l.SubStates.get(id); ok && domain.SubmissionState(st) != domain.SubDraft {
		return domain.SubmissionState(st).Label()
	}
	return ""
}

// State returns an item's state for display.
func (l learning) State(id string) string {
	if st, ok := l.States.get(id); ok {
		return st
	}
	return domain.StateNotStarted
}

// Finished reports whether an item counts as completed for progress.
func (l learning) Finished(it *course.Item) bool {
	st, _ := l.States.get(it.ID)
	if it.Kind == course.KindLesson {
		return st == domain.StateDone || st == domain.StatePassed
	}
	return st == domain.StatePassed
}

// Percent is the share of the course's items completed.
func (l learning) Percent() int {
	if len(l.Course.Items) == 0 {
		return 0
	}
	n := 0
	for _, it := range l.Course.Items {
		if l.Finished(it) {
			n++
		}
	}
	return n * 100 / len(l.Course.Items)
}

// Next is the first item not yet completed, or nil when all are.
func (l learning) Next() *course.Item {
	for _, it := range l.Course.Items {
		if !l.Finished(it) {
			return it
		}
	}
	return nil
}

// loadLearning resolves the course of the URL and the user's access to it.
// A trainee not enrolled in the course gets 404, like a course that does not exist.
func (s *Server) loadLearning(c echo.Context) (learning, error) {
	var l learning
	l.Course = s.cfg.Catalog.Course(c.Param("course"))
	if l.Course == nil {
		return l, domain.ErrNotFound
	}
	u := currentUser(c)
	enrolled := false
	if u.Role == domain.RolePeserta { // only a trainee has enrollments to look up
		p, err := s.progressOf(c.Request().Context(), u.ID)
		if err != nil {
			return l, err
		}
		l.Enrollment, l.States, l.SubStates, enrolled = p.enrollmentIn(l.Course.ID)
		l.progress = p
	}
	switch access.CourseFor(u, enrolled) {
	case access.Learn:
		return l, nil
	case access.Preview:
		l.Enrollment, l.States, l.SubStates, l.progress = nil, itemStates{}, itemStates{}, nil
		l.Preview = true
		return l, nil
	}
	return learning{}, domain.ErrNotFound
}

// coursePageView is the course page: its head, and the module list put
// together from pieces kept per content version and item state.
type coursePageView struct {
	Course  *course.Course
	Top     courseTop
	Modules template.HTML
}

// courseTop is the head of the course page: the cohort and the progress.
type courseTop struct {
	Course     *course.Course
	Enrollment *domain.EnrollmentView
	Preview    bool
	Role       domain.Role
	Percent    int
	Next       *course.Item
}

// coursePiece names one rendered piece of the module list. The pieces depend
// on nothing else, so a piece is rendered once and shared by every trainee.
type coursePiece struct {
	lang    i18n.Lang
	co      *course.Course // changes whenever a catalog is loaded
	part    string         // its template
	id      string         // module or item id
	state   string
	sub     string
	preview bool
}

// courseItemRow is what the course_item template shows.
type courseItemRow struct {
	CourseID string
	Item     *course.Item
	State    string
	SubLabel string
	Preview  bool
}

func (s *Server) coursePage(c echo.Context) error {
	l, err := s.loadLearning(c)
	if err != nil {
		return err
	}
	lang := langOf(c)
	var b strings.Builder
	b.Grow(coursePieceBytes * (len(l.Course.Items) + 2*len(l.Course.Modules)))
	for _, m := range l.Course.Modules {
		if err := s.writePiece(&b, coursePiece{lang: lang, co: l.Course, part: "course_module_open", id: m.ID}, m); err != nil {
			return err
		}
		for _, it := range m.Items {
			row := courseItemRow{CourseID: l.Course.ID, Item: it, State: l.State(it.ID), Preview: l.Preview}
			if !l.Preview {
				row.SubLabel = l.SubState(it.ID)
			}
			key := coursePiece{lang: lang, co: l.Course, part: "course_item", id: it.ID, state: row.State, sub: row.SubLabel, preview: row.Preview}
			if err := s.writePiece(&b, key, row); err != nil {
				return err
			}
		}
		if err := s.writePiece(&b, coursePiece{lang: lang, co: l.Course, part: "course_module_close"}, nil); err != nil {
			return err
		}
	}
	pv := coursePageView{Course: l.Course, Modules: template.HTML(b.String()), // pieces produced by html/template
		Top: courseTop{Course: l.Course, Enrollment: l.Enrollment, Preview: l.Preview, Role: currentUser(c).Role, Percent: l.Percent(), Next: l.Next()}}
	// The body is put together here rather than by the content block, so the
	// long module list is not passed through the template engine again.
	v := s.view(c, pv)
	top, err := s.courseTopHTML(lang, l.progress, pv.Top)
	if err != nil {
		return err
	}
	// The checklist depends on the clock (sessions passing, the deadline), so
	// it is worked out on every view; its rendering is kept by what it shows.
	var checks template.HTML
	if l.Enrollment != nil && l.progress != nil {
		if r, ok := l.progress.requirements(l.Enrollment.ID); ok {
			if checks, err = s.checklistHTML(lang, r.checklist(lang, l.Course, s.cfg.Now(), viewerTrainee)); err != nil {
				return err
			}
		}
	}
	v.Body = top + checks + pv.Modules
	return s.renderView(c, http.StatusOK, "course", v)
}

// courseTopHTML renders the head of a course page, kept with a trainee's
// progress copy (dropped with it when their data changes; it shows nothing else
// that can change but the content, whose version the course pointer is).
func (s *Server) courseTopHTML(lang i18n.Lang, p *progressData, top courseTop) (template.HTML, error) {
	key := courseTopKey{top.Course, lang}
	if p != nil {
		if h, ok := p.tops.Load(key); ok {
			return h, nil
		}
	}
	t, _ := s.tmpl.page(lang, "course")
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "course_top", top); err != nil {
		return "", fmt.Errorf("menampilkan course: %w", err)
	}
	h := template.HTML(buf.String()) // produced by html/template, escaped
	if p != nil {
		p.tops.Store(key, h)
	}
	return h, nil
}

// courseTopKey keys a kept course head: the content version and the language.
type courseTopKey struct {
	co   *course.Course
	lang i18n.Lang
}

// coursePieceBytes is about the size of one rendered piece, to size the page at once.
const coursePieceBytes = 400

// writePiece writes a piece of the course page, rendering it the first time.
func (s *Server) writePiece(b *strings.Builder, key coursePiece, data any) error {
	if h, ok := s.fragments.Load(key); ok {
		b.WriteString(h.(string))
		return nil
	}
	t, _ := s.tmpl.page(key.lang, "course")
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, key.part, data); err != nil {
		return fmt.Errorf("menampilkan %s: %w", key.part, err)
	}
	s.fragments.Store(key, buf.String())
	b.Write(buf.Bytes())
	return nil
}

// itemView is the data of a lesson, quiz or practice page.
type itemView struct {
	learning
	Item           *course.Item
	Module         *course.Module
	Prev, Next     *course.Item
	HTML           template.HTML
	ItemURL        string
	ItemState      string
	ItemStateLabel string
	Head           template.HTML // breadcrumbs, rendered once per item
	Pager          template.HTML // previous/next links, rendered once per item
	Quiz           *quizView
	Brief          *briefView
}

func (s *Server) itemFor(c echo.Context) (itemView, error) {
	l, err := s.loadLearning(c)
	if err != nil {
		return itemView{}, err
	}
	it := l.Course.Item(c.Param("item"))
	if it == nil {
		return itemView{}, domain.ErrNotFound
	}
	v := itemView{learning: l, Item: it, Module: l.Course.Module(it.ModuleID), Prev: l.Course.Prev(it), Next: l.Course.Next(it),
		ItemURL: course.DefaultItemURL(l.Course.ID, it)}
	v.ItemState = v.State(it.ID)
	v.ItemStateLabel = domain.StateLabel(v.ItemState)
	// The course pointer changes whenever a catalog is loaded, so it keys the content version.
	key := fmt.Sprintf("%p/%s", l.Course, it.ID)
	lang := langOf(c)
	if v.Head, err = s.fragment(lang, key, "item_head", v); err != nil {
		return v, err
	}
	if v.Pager, err = s.fragment(lang, key, "item_pager", v); err != nil {
		return v, err
	}
	return v, nil
}

func (s *Server) itemPage(c echo.Context) error {
	v, err := s.itemFor(c)
	if err != nil {
		return err
	}
	// Opening an item the first time marks it started; later views write nothing.
	if v.Enrollment != nil && v.State(v.Item.ID) == domain.StateNotStarted {
		if err := s.db.SetItemState(c.Request().Context(), v.Enrollment.ID, v.Course.ID, v.Item.ID, v.Item.Hash, domain.StateStarted); err != nil {
			return err
		}
		v.States = v.States.with(v.Item.ID, domain.StateStarted)
		v.ItemState, v.ItemStateLabel = domain.StateStarted, domain.StateLabel(domain.StateStarted)
	}
	switch v.Item.Kind {
	case course.KindLesson:
		v.HTML = template.HTML(v.Item.Lesson.HTML) // rendered and sanitised by the course loader
		pv := s.view(c, &v)
		// The lesson's content shows nothing of the trainee but the item's
		// state and the form token, so it is kept per content version and state.
		key := lessonKey{lang: pv.Lang, co: v.Course, item: v.Item.ID, state: v.ItemState, preview: v.Preview, enrolled: v.Enrollment != nil}
		body, ok, err := s.keptContent(key, "lesson", pv, nil)
		if err != nil {
			return err
		}
		if ok {
			pv.body = body
		}
		return s.renderView(c, http.StatusOK, "lesson", pv)
	case course.KindQuiz:
		q, err := s.quizFor(c, v, nil, nil)
		if err != nil {
			return err
		}
		v.Quiz = q
		return s.renderQuiz(c, &v)
	default:
		return s.showPractice(c, v)
	}
}

// lessonKey names a kept lesson content block: the content version, the
// language, and what the block shows of the viewer.
type lessonKey struct {
	lang              i18n.Lang
	co                *course.Course // changes whenever a catalog is loaded
	item, state       string
	preview, enrolled bool
}

func (s *Server) markLessonDone(c echo.Context) error {
	v, err := s.itemFor(c)
	if err != nil {
		return err
	}
	if v.Item.Kind != course.KindLesson {
		return domain.ErrNotFound
	}
	if err := s.db.SetItemState(c.Request().Context(), v.Enrollment.ID, v.Course.ID, v.Item.ID, v.Item.Hash, domain.StateDone); err != nil {
		return err
	}
	target := course.DefaultItemURL(v.Course.ID, v.Item)
	if v.Next != nil {
		target = course.DefaultItemURL(v.Course.ID, v.Next)
	}
	return c.Redirect(http.StatusSeeOther, target+"?selesai="+v.Item.ID)
}

// courseAsset serves an image a lesson references, and nothing else of the content tree.
func (s *Server) courseAsset(c echo.Context) error {
	co := s.cfg.Catalog.Course(c.Param("course"))
	if co == nil {
		return domain.ErrNotFound
	}
	p, ok := co.Assets[c.Param("*")]
	if !ok {
		return domain.ErrNotFound
	}
	b, err := fs.ReadFile(s.cfg.CourseFS, p)
	if err != nil {
		return domain.ErrNotFound
	}
	ct := map[string]string{".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".gif": "image/gif"}[strings.ToLower(path.Ext(p))]
	if ct == "" {
		ct = "application/octet-stream"
	}
	c.Response().Header().Set("Cache-Control", "private, max-age=3600")
	// SVG from content may not run script even if someone slipped one in.
	c.Response().Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
	return c.Blob(http.StatusOK, ct, b)
}

// briefView is a practice's facts sheet arranged for display.
type briefView struct {
	Date      string
	PublishBy string
	*course.Practice
}

func newBriefView(p *course.Practice) *briefView {
	v := &briefView{Practice: p}
	if d, err := time.Parse("2006-01-02", p.Brief.Kapan); err == nil {
		v.Date = longDate(d)
		if p.Brief.PublishByDays > 0 {
			v.PublishBy = longDate(d.AddDate(0, 0, p.Brief.PublishByDays))
		}
	}
	return v
}

var (
	weekdays = []string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
	months   = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
)

func (s *Server) schedule(c echo.Context) error {
	u := currentUser(c)
	sessions, err := s.db.SessionsOfTrainee(c.Request().Context(), u.ID, s.cfg.Now().AddDate(0, -6, 0), 100)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "schedule", sessions)
}
