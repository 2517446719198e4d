package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
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

// coursePageView is the course page's data. Its body is written from kept
// parts (coursePage), not by the content block, which shows Top and Modules.
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
	list, err := s.moduleList(lang, l)
	if err != nil {
		return err
	}
	v := s.view(c, coursePageView{Course: l.Course})
	if v.title, err = s.keptTitle(titleKey{"course", lang, l.Course, ""}, "course", v); err != nil {
		return err
	}
	head, err := s.courseHead(lang, l, currentUser(c).Role)
	if err != nil {
		return err
	}
	// The body is put together here rather than by the content block, so the
	// long module list is not passed through the template engine again, nor
	// copied into one string: its pieces are written to the page one by one.
	v.parts = &bodyParts{lead: [2]template.HTML{head.top, head.checks}, list: list}
	return s.renderView(c, http.StatusOK, "course", v)
}

// courseHead is the head of a course page and its checklist section, kept
// with a trainee's progress copy (dropped with it when their data changes;
// it shows nothing else that can change but the content, whose version the
// course pointer is, and the clock, until which it holds).
type courseHead struct {
	top, checks template.HTML
	// from is when it was made, until the first moment the checklist may read
	// otherwise (checklistUntil): it holds from one to the other.
	from, until time.Time
}

// courseHead returns the head and checklist of a course page as of now.
func (s *Server) courseHead(lang i18n.Lang, l learning, role domain.Role) (*courseHead, error) {
	now := s.cfg.Now()
	p := l.progress
	key := courseTopKey{l.Course, lang}
	if p != nil {
		if h, ok := p.heads.Load(key); ok && !now.Before(h.from) && now.Before(h.until) {
			return h, nil
		}
	}
	top := courseTop{Course: l.Course, Enrollment: l.Enrollment, Preview: l.Preview, Role: role, Percent: l.Percent(), Next: l.Next()}
	t, _ := s.tmpl.page(lang, "course")
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "course_top", top); err != nil {
		return nil, fmt.Errorf("menampilkan course: %w", err)
	}
	h := &courseHead{top: template.HTML(buf.String()), from: now, until: now.Add(courseHeadTTL)} // produced by html/template, escaped
	// The checklist depends on the clock (sessions passing, the deadline):
	// it is worked out again once the moment it may read otherwise comes.
	if l.Enrollment != nil && p != nil {
		if r, ok := p.requirements(l.Enrollment.ID); ok {
			var err error
			if h.checks, err = s.checklistHTML(lang, r.checklist(lang, l.Course, now, viewerTrainee)); err != nil {
				return nil, err
			}
			if u := r.until(now); u.Before(h.until) {
				h.until = u
			}
		}
	}
	if p != nil {
		p.heads.Store(key, h)
	}
	return h, nil
}

// courseHeadTTL bounds how long a kept course head without clock-bound
// lines is reused; nothing in it changes with the clock, so it is only a bound.
const courseHeadTTL = time.Hour

// courseTopKey keys a kept course head: the content version and the language.
type courseTopKey struct {
	co   *course.Course
	lang i18n.Lang
}

// moduleList returns the course page's module list as rendered pieces, in
// order. Trainees at the same point of a course see the same list, so it is
// kept by what it shows (moduleLists); a list whose states have no code
// (states of items not in the files) is put together on every view.
func (s *Server) moduleList(lang i18n.Lang, l learning) ([]string, error) {
	var sigBuf [128]byte
	sig, ok := moduleSignature(sigBuf[:0], lang, l)
	if ok {
		if list, ok := s.modules.load(l.Course, sig); ok {
			return list, nil
		}
	}
	list := make([]string, 0, len(l.Course.Items)+2*len(l.Course.Modules))
	for _, m := range l.Course.Modules {
		h, err := s.piece(coursePiece{lang: lang, co: l.Course, part: "course_module_open", id: m.ID}, m)
		if err != nil {
			return nil, err
		}
		list = append(list, h)
		for _, it := range m.Items {
			row := courseItemRow{CourseID: l.Course.ID, Item: it, State: l.State(it.ID), Preview: l.Preview}
			if !l.Preview {
				row.SubLabel = l.SubState(it.ID)
			}
			key := coursePiece{lang: lang, co: l.Course, part: "course_item", id: it.ID, state: row.State, sub: row.SubLabel, preview: row.Preview}
			if h, err = s.piece(key, row); err != nil {
				return nil, err
			}
			list = append(list, h)
		}
		if h, err = s.piece(coursePiece{lang: lang, co: l.Course, part: "course_module_close"}, nil); err != nil {
			return nil, err
		}
		list = append(list, h)
	}
	if ok {
		s.modules.store(s.cfg.Catalog, l.Course, string(sig), list)
	}
	return list, nil
}

// moduleSignature appends to b everything a course page's module list
// shows besides the content: the language, whether it is a preview, and
// each item's state and submission state codes in course order. ok is false
// when a state has no code in the compact form.
func moduleSignature(b []byte, lang i18n.Lang, l learning) ([]byte, bool) {
	co := l.Course
	for _, st := range []itemStates{l.States, l.SubStates} {
		if st.other != nil || (st.codes != nil && (st.co != co || len(st.codes) != len(co.Items))) {
			return nil, false
		}
	}
	b = append(b, lang...)
	b = append(b, 0)
	if l.Preview {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	for i := range co.Items {
		var st, sub byte
		if l.States.codes != nil {
			st = l.States.codes[i]
		}
		if l.SubStates.codes != nil && !l.Preview {
			sub = l.SubStates.codes[i]
		}
		b = append(b, st, sub)
	}
	return b, true
}

// piece returns a rendered piece of the course page, rendering it the first time.
func (s *Server) piece(key coursePiece, data any) (string, error) {
	if h, ok := s.fragments.Load(key); ok {
		return h.(string), nil
	}
	t, _ := s.tmpl.page(key.lang, "course")
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, key.part, data); err != nil {
		return "", fmt.Errorf("menampilkan %s: %w", key.part, err)
	}
	h := buf.String()
	s.fragments.Store(key, h)
	return h, nil
}

// moduleLists keeps course pages' module lists (the pieces in order, which
// the pieces map holds once) by content version and signature
// (moduleSignature), within moduleListBytes; past it, arbitrary lists are
// dropped. Lists of a course no longer in the catalog go when one is added.
type moduleLists struct {
	mu    sync.RWMutex
	m     map[*course.Course]map[string][]string
	bytes int
}

// moduleListBytes bounds the kept lists (some 700 bytes each for the real
// course, so some 3,000 points of progress); it is part of the serving
// heap's base (baseHeapBytes).
const moduleListBytes = 2 << 20

func (ml *moduleLists) load(co *course.Course, sig []byte) ([]string, bool) {
	ml.mu.RLock()
	defer ml.mu.RUnlock()
	list, ok := ml.m[co][string(sig)]
	return list, ok
}

func listBytes(sig string, list []string) int { return 64 + len(sig) + 16*len(list) }

func (ml *moduleLists) store(cat *course.Catalog, co *course.Course, sig string, list []string) {
	ml.mu.Lock()
	defer ml.mu.Unlock()
	if ml.m == nil {
		ml.m = map[*course.Course]map[string][]string{}
	}
	if ml.m[co] == nil {
		for old, lists := range ml.m {
			if cat.Course(old.ID) != old {
				for k, v := range lists {
					ml.bytes -= listBytes(k, v)
				}
				delete(ml.m, old)
			}
		}
		ml.m[co] = map[string][]string{}
	}
	if _, ok := ml.m[co][sig]; ok {
		return
	}
	for _, lists := range ml.m {
		for k, v := range lists {
			if ml.bytes+listBytes(sig, list) <= moduleListBytes {
				break
			}
			ml.bytes -= listBytes(k, v)
			delete(lists, k)
		}
	}
	ml.m[co][sig] = list
	ml.bytes += listBytes(sig, list)
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
	v.ItemStateLabel = domain.ItemStateLabel(string(it.Kind), v.ItemState)
	parts, err := s.itemPartsOf(langOf(c), v)
	if err != nil {
		return v, err
	}
	v.Head, v.Pager = parts.head, parts.pager
	return v, nil
}

// itemPartsKey names an item page's breadcrumbs and pager: the course
// pointer changes whenever a catalog is loaded, so it keys the content version.
type itemPartsKey struct {
	co   *course.Course
	item string
	lang i18n.Lang
}

// itemParts is an item page's breadcrumbs and pager, rendered once per item.
type itemParts struct{ head, pager template.HTML }

// itemPartsOf returns v's breadcrumbs and pager, rendering them the first
// time (they show nothing of the viewer: the templates read the item alone).
func (s *Server) itemPartsOf(lang i18n.Lang, v itemView) (*itemParts, error) {
	key := itemPartsKey{v.Course, v.Item.ID, lang}
	if p, ok := s.fragments.Load(key); ok {
		return p.(*itemParts), nil
	}
	t, _ := s.tmpl.page(lang, "lesson")
	var p itemParts
	for _, part := range []struct {
		name string
		dst  *template.HTML
	}{{"item_head", &p.head}, {"item_pager", &p.pager}} {
		var buf bytes.Buffer
		if err := t.ExecuteTemplate(&buf, part.name, v); err != nil {
			return nil, fmt.Errorf("menampilkan %s: %w", part.name, err)
		}
		*part.dst = template.HTML(buf.String()) // produced by html/template, escaped
	}
	s.fragments.Store(key, &p)
	return &p, nil
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
		v.ItemState, v.ItemStateLabel = domain.StateStarted, domain.ItemStateLabel(string(v.Item.Kind), domain.StateStarted)
	}
	// "Tandai selesai" leads here with the lesson it marked (?selesai=id).
	if id := c.QueryParam("selesai"); id != "" && v.Enrollment != nil && v.State(id) == domain.StateDone {
		if done := v.Course.Item(id); done != nil {
			c.Set(ctxFlash, tf(c, "Materi “{{.Title}}” ditandai selesai.", map[string]any{"Title": done.Title}))
		}
	}
	switch v.Item.Kind {
	case course.KindLesson:
		v.HTML = template.HTML(v.Item.Lesson.HTML) // rendered and sanitised by the course loader
		pv := s.view(c, &v)
		if pv.title, err = s.keptTitle(titleKey{"lesson", pv.Lang, v.Course, v.Item.ID}, "lesson", pv); err != nil {
			return err
		}
		// The lesson's content shows nothing of the trainee but the item's
		// state and the form token, so it is kept per content version and state.
		key := lessonKey{lang: pv.Lang, co: v.Course, item: v.Item.ID, state: v.ItemState, preview: v.Preview, enrolled: v.Enrollment != nil}
		body, ok, err := keptContent(s, key, "lesson", pv, nil)
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
	// The page the redirect opens is the next item's; a first view would
	// mark it started there, a second write: it is marked here with this one.
	var open store.ItemRef
	if v.Next != nil && v.State(v.Next.ID) == domain.StateNotStarted {
		open = store.ItemRef{ID: v.Next.ID, Hash: v.Next.Hash}
	}
	if err := s.db.SetItemStateOpening(c.Request().Context(), v.Enrollment.ID, v.Course.ID, v.Item.ID, v.Item.Hash, domain.StateDone, open); err != nil {
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
