package web

import (
	"context"
	"crypto/sha256"
	"errors"
	"html/template"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/usercache"
)

// A trainee's reads on every course page and Beranda are kept in memory and
// dropped when the database reports a change to that trainee's data (see
// store.DB.OnChange), so a page view reads nothing from the database while
// nothing changed and the fresh state right after something did.
const (
	// progressCacheBytes and homeCacheBytes bound the memory of the copies
	// by their estimated size (progressSize, homeSize: 3.9 and 4.1 KB a
	// trainee of the real course in BenchmarkProvince at 5,000 trainees,
	// where a trainee's copies and session hold 5.6 KB in all), so some
	// 9,500 trainees fit. The serving memory limit counts them (memoryLimit).
	progressCacheBytes = 38 << 20
	homeCacheBytes     = 38 << 20
	// homeTTL bounds how long the Beranda's time-bound lists (coming
	// sessions, certificates about to end) are reused; they are filtered by
	// the clock on each view, and changes to their data drop them at once.
	homeTTL = time.Minute
	// draftCacheBytes bounds the practice pages' submission rows kept, by
	// their estimated size (submissionSize: the draft's text and some 400
	// bytes): some 1,500 drafts of 400 words, or 10,000 pages opened before
	// any draft; only the trainees writing at the moment need theirs.
	draftCacheBytes = 4 << 20
	// unreadCacheUsers bounds the unread counts kept (some 100 bytes each
	// with the map entries around them).
	unreadCacheUsers = 20_000
)

// progressData is a trainee's enrollments with item and practice states.
type progressData struct {
	Enrollments []domain.EnrollmentView
	// per holds, for each of Enrollments, its states and requirements in
	// their compact forms (progress_compact.go).
	per   []enrollmentCopy
	heads keptMap[courseTopKey, *courseHead] // the course page's rendered head and checklist (courseHead)
	// quizzes and practices are read when a quiz or practice page is first
	// opened (quizAttemptsOf, practiceHistoryOf).
	quizzes   keptMap[quizKey, *quizAttempts]
	practices keptMap[quizKey, *practiceHistory]
}

// keptMap holds the few pages' parts kept with a progress copy (a sync.Map
// costs some 200 bytes more per copy once used, times every trainee).
type keptMap[K comparable, V any] struct {
	mu sync.Mutex
	kv []keptPair[K, V]
}

type keptPair[K comparable, V any] struct {
	k K
	v V
}

func (m *keptMap[K, V]) Load(k K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range m.kv {
		if p.k == k {
			return p.v, true
		}
	}
	var zero V
	return zero, false
}

func (m *keptMap[K, V]) Store(k K, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range m.kv {
		if m.kv[i].k == k {
			m.kv[i].v = v
			return
		}
	}
	m.kv = append(m.kv, keptPair[K, V]{k, v})
}

// enrollmentCopy is what is kept of one enrollment besides its row: the item
// and practice submission states, and the certificate requirements (the
// checklist's facts; none when hasReqs is false).
type enrollmentCopy struct {
	items, subs itemStates
	reqs        packedReqs
	hasReqs     bool
}

// quizKey names one enrollment's quiz or practice item.
type quizKey struct {
	enrollment int64
	item       string
}

// homeData is the rest of a trainee's Beranda.
type homeData struct {
	News     []shownNotice           // in the reader's language, made per request from notes
	notes    []domain.Notification   // as stored, put into words per language
	Sessions []domain.TraineeSession // ending at or after the time they were read
	Expiring []domain.CertificateView
	// body is the Beranda's rendered content, kept with what it was made from.
	body atomic.Pointer[keptBody]
}

// keptBody is a rendered Beranda body and the inputs it shows: the progress
// copy it was made from and a digest of everything else (see berandaKey;
// some 400 bytes, kept for every trainee).
type keptBody struct {
	progress *progressData
	key      [sha256.Size]byte
	html     template.HTML
	until    time.Time // the first moment its checklists may read otherwise
}

type traineeCache struct {
	progress *usercache.Cache[int64, *progressData]
	home     *usercache.Cache[int64, *homeData]
	// unread is every user's count of unread notifications (the navigation's).
	unread *usercache.Cache[int64, int]
	// drafts holds the submission rows (the draft with them) of the
	// practice pages opened, or that there is none yet; any update of a
	// trainee's submission rows drops theirs (store.DB.OnSubmissionChange).
	drafts *usercache.Cache[quizKey, *submissionCopy]
	// checked is every trainee's last checked grade, for their send
	// (practice_grades.go); gradesReused counts the sends that stored it.
	checked      *usercache.Cache[int64, *gradedRelease]
	gradesReused atomic.Uint64
}

// submissionCopy is an enrollment's submission of a practice item, if any.
type submissionCopy struct {
	sub   domain.Submission
	found bool
}

// submissionSize estimates a kept submission row's bytes.
func submissionSize(c *submissionCopy) int64 {
	return 400 + int64(len(c.sub.DraftHeadline)+len(c.sub.DraftBody)+len(c.sub.ItemID)+len(c.sub.CourseID))
}

func newTraineeCache(ctx context.Context, db *store.DB) (*traineeCache, error) {
	tc := &traineeCache{
		progress: usercache.NewSized[int64, *progressData](progressCacheBytes, progressSize, 0, db.ChangesLive),
		home:     usercache.NewSized[int64, *homeData](homeCacheBytes, homeSize, homeTTL, db.ChangesLive),
		unread:   usercache.New[int64, int](unreadCacheUsers, homeTTL, db.ChangesLive),
		drafts:   usercache.NewSized[quizKey, *submissionCopy](draftCacheBytes, submissionSize, 0, db.ChangesLive),
		checked:  newCheckedGrades(),
	}
	if err := db.OnChange(ctx, tc.progress.Invalidate); err != nil {
		return nil, err
	}
	if err := db.OnSubmissionChange(ctx, tc.drafts.Invalidate); err != nil {
		return nil, err
	}
	// The Beranda's lists and the unread count read no progress or submission rows.
	err := db.OnChangeBesidesProgress(ctx, func(id int64) {
		tc.home.Invalidate(id)
		tc.unread.Invalidate(id)
	})
	return tc, err
}

// progressSize estimates a progress copy's bytes: its enrollments, its
// states, and the course page heads rendered later (courseTopBytes each).
func progressSize(p *progressData) int64 {
	n := int64(256)
	for _, e := range p.Enrollments {
		n += 192 + courseTopBytes + itemPagesBytes + int64(len(e.CohortName)+len(e.CourseID)+len(e.CourseTitle))
	}
	for _, c := range p.per {
		n += 64 + c.items.bytes() + c.subs.bytes() + c.reqs.bytes()
	}
	return n
}

// courseTopBytes is about what a course page's rendered head holds.
const courseTopBytes = 1024

// itemPagesBytes is about what an enrollment's quiz attempts and practice
// histories hold once their pages were opened (a few attempts and versions
// of each quiz and practice).
const itemPagesBytes = 2048

// homeSize estimates a Beranda copy's bytes, with the body rendered later
// (berandaBodyBytes).
func homeSize(h *homeData) int64 {
	n := int64(256 + berandaBodyBytes)
	for _, x := range h.notes {
		n += 256 + int64(len(x.LegacyMessage)+len(x.LegacyLink))
	}
	return n + int64(len(h.Sessions))*256 + int64(len(h.Expiring))*256
}

// berandaBodyBytes is about what a trainee's rendered Beranda body holds
// (2.6 KB with one course card of the real course).
const berandaBodyBytes = 4 << 10

// progressOf returns a trainee's enrollments and states; callers must not modify them.
func (s *Server) progressOf(ctx context.Context, userID int64) (*progressData, error) {
	now := s.cfg.Now()
	if p, ok := s.trainees.progress.Get(userID, now); ok {
		return p, nil
	}
	st := s.trainees.progress.Stamp()
	p := &progressData{}
	var err error
	if p.Enrollments, err = s.db.EnrollmentsOfUser(ctx, userID); err != nil {
		return nil, err
	}
	items, subs, err := s.db.UserStates(ctx, userID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(p.Enrollments))
	for _, e := range p.Enrollments {
		ids = append(ids, e.ID)
	}
	if len(ids) > checklistBatch {
		ids = ids[:checklistBatch] // newest first; nobody takes a hundred courses
	}
	reqs, err := s.db.Requirements(ctx, ids)
	if err != nil {
		return nil, err
	}
	p.per = make([]enrollmentCopy, len(p.Enrollments))
	for i, e := range p.Enrollments {
		co := s.cfg.Catalog.Course(e.CourseID)
		c := &p.per[i]
		c.items, c.subs = packStates(co, items[e.ID]), packStates(co, subs[e.ID])
		if r := reqs[e.ID]; r != nil {
			c.reqs, c.hasReqs = packRequirements(r), true
		}
	}
	// Pages of a trainee opened together each miss and read; the first copy
	// kept stays, with the quiz attempts and practice histories stored in it.
	return s.trainees.progress.Keep(userID, userID, p, st, now), nil
}

// submissionOf returns the trainee's submission of a practice item in one of
// their enrollments, or domain.ErrNotFound, from the kept copy when there is
// one. Every write of a submission row waits for its notice, which drops the
// copy, so the writer's next page reads the row again.
func (s *Server) submissionOf(ctx context.Context, userID, enrollmentID int64, itemID string) (domain.Submission, error) {
	now := s.cfg.Now()
	k := quizKey{enrollmentID, itemID}
	if c, ok := s.trainees.drafts.Get(k, now); ok {
		if !c.found {
			return domain.Submission{}, domain.ErrNotFound
		}
		return c.sub, nil
	}
	st := s.trainees.drafts.Stamp()
	sub, err := s.db.SubmissionFor(ctx, enrollmentID, itemID)
	switch {
	case err == nil:
		s.trainees.drafts.Put(k, userID, &submissionCopy{sub: sub, found: true}, st, now)
	case errors.Is(err, domain.ErrNotFound):
		s.trainees.drafts.Put(k, userID, &submissionCopy{}, st, now)
	}
	return sub, err
}

// enrollmentIn returns the trainee's current enrollment in a course (the
// newest cohort they have not left) with its states, shared with the cache:
// callers copy them before changing them (itemStates.with).
func (p *progressData) enrollmentIn(courseID string) (*domain.EnrollmentView, itemStates, itemStates, bool) {
	for i := range p.Enrollments { // newest cohort first
		if e := p.Enrollments[i]; e.CourseID == courseID {
			return &e, p.per[i].items, p.per[i].subs, true
		}
	}
	return nil, itemStates{}, itemStates{}, false
}

// requirements returns an enrollment's certificate requirements in their
// compact form, false when none were read.
func (p *progressData) requirements(enrollmentID int64) (packedReqs, bool) {
	for i := range p.Enrollments {
		if p.Enrollments[i].ID == enrollmentID && p.per[i].hasReqs {
			return p.per[i].reqs, true
		}
	}
	return packedReqs{}, false
}

// homeOf returns the time-bound parts of a trainee's Beranda as of now, and
// the cached copy they come from (where the rendered body is kept).
func (s *Server) homeOf(ctx context.Context, l i18n.Lang, userID int64) (*homeData, *homeData, error) {
	now := s.cfg.Now()
	h, ok := s.trainees.home.Get(userID, now)
	if !ok {
		st := s.trainees.home.Stamp()
		h = &homeData{}
		var err error
		news, err := s.db.Notifications(ctx, userID, newsShown)
		if err != nil {
			return nil, nil, err
		}
		h.notes = news
		// A few more than shown, for those that end before the copy is dropped.
		if h.Sessions, err = s.db.SessionsOfTrainee(ctx, userID, now, upcomingSessions+3); err != nil {
			return nil, nil, err
		}
		if h.Expiring, err = s.db.ExpiringCertificates(ctx, userID, now, now.Add(certify.ReminderWindow)); err != nil {
			return nil, nil, err
		}
		s.trainees.home.Put(userID, userID, h, st, now)
	}
	out := &homeData{News: showNotices(l, h.notes)}
	for _, ls := range h.Sessions {
		if !ls.EndsAt.Before(now) && len(out.Sessions) < upcomingSessions {
			out.Sessions = append(out.Sessions, ls)
		}
	}
	for _, c := range h.Expiring {
		if c.ValidUntil.After(now) && !c.ValidUntil.After(now.Add(certify.ReminderWindow)) {
			out.Expiring = append(out.Expiring, c)
		}
	}
	return out, h, nil
}

// berandaKey names what a trainee's Beranda body shows besides the cached
// progress and home data: the user's own fields, the names of their region
// and OPD, and the clock-dependent lines (which sessions are still coming,
// how many days each certificate has left). The checklists follow from the
// progress copy and the clock, which keptBody.until covers.
func berandaKey(u *domain.User, p *pesertaHome) string {
	var b strings.Builder
	b.WriteString(u.Name)
	b.WriteByte(0)
	b.WriteString(string(u.Role))
	b.WriteByte(0)
	b.WriteString(strconv.FormatBool(u.IsDesignatedAdmin))
	b.WriteByte(0)
	b.WriteString(p.Region.Name)
	b.WriteByte(0)
	if p.OPD != nil {
		b.WriteString(p.OPD.Name)
	}
	for _, ls := range p.Sessions {
		b.WriteString("|s")
		b.WriteString(strconv.FormatInt(ls.ID, 10))
	}
	for _, r := range p.Expiring {
		b.WriteString("|c")
		b.WriteString(r.Number)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(r.Days))
	}
	return b.String()
}
