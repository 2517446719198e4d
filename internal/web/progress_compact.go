package web

import (
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// The progress copies of every trainee stay in memory, and the collector
// scans every pointer of them on each cycle: a trainee's certificate
// requirements as read (some 50 items of four strings each) cost 4 KB and
// 200 pointers, and the item states two maps of strings. They are kept in
// the compact forms below, the parts that every trainee of a cohort shares
// once and each trainee's own as small numbers in one pointer-free slice,
// and put back together when a page shows them.

// stateWords numbers the state words stored in the database (item, submission
// and attendance states), so a cached copy keeps a byte per state. Code 0 is "".
var stateWords struct {
	mu   sync.Mutex
	code map[string]byte
	list atomic.Pointer[[]string]
}

func init() {
	stateWords.code = map[string]byte{"": 0}
	stateWords.list.Store(&[]string{""})
}

// wordCode returns the code of a state word, numbering it the first time;
// false once 256 words are numbered (the database's CHECK constraints allow
// a dozen), and the caller then keeps the value as read.
func wordCode(s string) (byte, bool) {
	stateWords.mu.Lock()
	defer stateWords.mu.Unlock()
	if c, ok := stateWords.code[s]; ok {
		return c, true
	}
	old := *stateWords.list.Load()
	if len(old) > 255 {
		return 0, false
	}
	c := byte(len(old))
	stateWords.code[s] = c
	list := append(slices.Clip(old), s)
	stateWords.list.Store(&list)
	return c, true
}

// wordOf is the state word of a code.
func wordOf(c byte) string { return (*stateWords.list.Load())[c] }

// reqTable is what the requirements of every enrollment in one cohort share:
// the course's required items, the cohort's sessions and facilitators.
type reqTable struct {
	CohortID           int64
	CourseID           string
	EndsOn             time.Time
	RequiredAttendance int
	items              []reqTableItem
	sessions           []domain.SessionMark // Status left empty
	facilitators       []string
}

type reqTableItem struct{ id, kind string }

// equal compares times with ==, so a table is shared only when its times are
// the same values, location included.
func (t *reqTable) equal(o *reqTable) bool {
	return t.EndsOn == o.EndsOn && t.CohortID == o.CohortID && t.CourseID == o.CourseID && t.RequiredAttendance == o.RequiredAttendance &&
		slices.Equal(t.items, o.items) && slices.Equal(t.facilitators, o.facilitators) &&
		slices.EqualFunc(t.sessions, o.sessions, func(a, b domain.SessionMark) bool {
			return a.SessionID == b.SessionID && a.Topic == b.Topic && a.StartsAt == b.StartsAt && a.EndsAt == b.EndsAt
		})
}

// reqTables holds the newest table of each cohort, so the copies read after
// it share it; started afresh past reqTablesMax (copies keep theirs).
var reqTables struct {
	mu sync.Mutex
	m  map[int64]*reqTable
}

const reqTablesMax = 4096

// Bytes per item in packedReqs.marks: state, submission state, attempts, extra attempts.
const itemMarkBytes = 6

// packedReqs is one enrollment's domain.Requirements in the cache: the
// cohort's shared table and, in marks, per item its state, submission state,
// attempts and extra attempts (itemMarkBytes), then per session the
// trainee's attendance, each a code or a small number. full holds the value
// as read when it does not fit (an attempt count past 65,535).
type packedReqs struct {
	enrollmentID, userID int64
	table                *reqTable
	marks                []byte
	full                 *domain.Requirements
}

// packRequirements makes the compact form of r.
func packRequirements(r *domain.Requirements) packedReqs {
	p := packedReqs{enrollmentID: r.EnrollmentID, userID: r.UserID}
	t := &reqTable{CohortID: r.CohortID, CourseID: r.CourseID, EndsOn: r.EndsOn, RequiredAttendance: r.RequiredAttendance,
		items: make([]reqTableItem, len(r.Items)), sessions: make([]domain.SessionMark, len(r.Sessions)),
		facilitators: slices.Clip(r.Facilitators)}
	marks := make([]byte, 0, itemMarkBytes*len(r.Items)+len(r.Sessions))
	fits := true
	code := func(s string) byte {
		c, ok := wordCode(s)
		fits = fits && ok
		return c
	}
	for i, it := range r.Items {
		t.items[i] = reqTableItem{id: it.ItemID, kind: it.Kind}
		if it.Attempts < 0 || it.Attempts > 0xffff || it.ExtraAttempts < 0 || it.ExtraAttempts > 0xffff {
			fits = false
		}
		marks = append(marks, code(it.State), code(string(it.SubState)),
			byte(it.Attempts), byte(it.Attempts>>8), byte(it.ExtraAttempts), byte(it.ExtraAttempts>>8))
	}
	for i, s := range r.Sessions {
		s.Status = ""
		t.sessions[i] = s
		marks = append(marks, code(r.Sessions[i].Status))
	}
	if !fits {
		return packedReqs{enrollmentID: r.EnrollmentID, userID: r.UserID, full: r}
	}
	p.marks = marks
	p.table = shareTable(t)
	return p
}

// shareTable returns the cohort's kept table when it equals t, else keeps t.
func shareTable(t *reqTable) *reqTable {
	reqTables.mu.Lock()
	defer reqTables.mu.Unlock()
	if old := reqTables.m[t.CohortID]; old != nil && old.equal(t) {
		return old
	}
	if reqTables.m == nil || len(reqTables.m) >= reqTablesMax {
		reqTables.m = map[int64]*reqTable{}
	}
	reqTables.m[t.CohortID] = t
	return t
}

// expand puts the requirements back together; the result is the caller's,
// but for its Facilitators, which are shared.
func (p packedReqs) expand() *domain.Requirements {
	if p.full != nil {
		return p.full
	}
	r := &domain.Requirements{}
	p.expandInto(r)
	return r
}

// expandInto puts the requirements back together in r, reusing its slices.
func (p packedReqs) expandInto(r *domain.Requirements) {
	t := p.table
	*r = domain.Requirements{EnrollmentID: p.enrollmentID, UserID: p.userID, CohortID: t.CohortID, CourseID: t.CourseID,
		EndsOn: t.EndsOn, RequiredAttendance: t.RequiredAttendance, Facilitators: t.facilitators,
		Items: r.Items[:0], Sessions: r.Sessions[:0]}
	for i, it := range t.items {
		m := p.marks[i*itemMarkBytes : (i+1)*itemMarkBytes]
		r.Items = append(r.Items, domain.RequiredItem{ItemID: it.id, Kind: it.kind, State: wordOf(m[0]), SubState: domain.SubmissionState(wordOf(m[1])),
			Attempts: int(m[2]) | int(m[3])<<8, ExtraAttempts: int(m[4]) | int(m[5])<<8})
	}
	for i, s := range t.sessions {
		s.Status = wordOf(p.marks[len(t.items)*itemMarkBytes+i])
		r.Sessions = append(r.Sessions, s)
	}
}

// expanded holds requirements put back together for one checklist at a time
// (5 KB for the real course, on every Beranda and course page view).
var expanded = sync.Pool{New: func() any { return new(domain.Requirements) }}

// checklist works out the enrollment's checklist (newChecklist), from a
// pooled copy of its requirements that the checklist does not keep.
func (p packedReqs) checklist(l i18n.Lang, co *course.Course, now time.Time, who checkViewer) checklist {
	if p.full != nil {
		return newChecklist(l, p.full, co, now, who)
	}
	r := expanded.Get().(*domain.Requirements)
	p.expandInto(r)
	cl := newChecklist(l, r, co, now, who)
	*r = domain.Requirements{Items: r.Items[:0], Sessions: r.Sessions[:0]}
	expanded.Put(r)
	return cl
}

// until is the first moment after now at which the checklist may read
// otherwise (checklistUntil).
func (p packedReqs) until(now time.Time) time.Time {
	if p.full != nil {
		return checklistUntil(p.full.Sessions, now)
	}
	return checklistUntil(p.table.sessions, now)
}

// bytes estimates what the copy holds of its own (the table is shared).
func (p packedReqs) bytes() int64 {
	if p.full != nil {
		return 256 + int64(len(p.full.Items))*96 + int64(len(p.full.Sessions))*128
	}
	return 48 + int64(cap(p.marks))
}

// itemStates is one enrollment's stored item states (or practice submission
// states): a code per item of the course co in course order (0: none), and
// the states of items not in co (removed from the files) as read.
type itemStates struct {
	co    *course.Course
	codes []byte
	other map[string]string
}

// packStates makes the compact form of an enrollment's states of course co (nil: not in the files).
func packStates(co *course.Course, states map[string]string) itemStates {
	s := itemStates{co: co}
	for id, st := range states {
		var it *course.Item
		if co != nil {
			it = co.Item(id)
		}
		c, ok := wordCode(st)
		if it == nil || !ok || c == 0 {
			if s.other == nil {
				s.other = map[string]string{}
			}
			s.other[id] = st
			continue
		}
		if s.codes == nil {
			s.codes = make([]byte, len(co.Items))
		}
		s.codes[it.Index] = c
	}
	return s
}

// get returns an item's stored state.
func (s itemStates) get(id string) (string, bool) {
	if s.codes != nil {
		if it := s.co.Item(id); it != nil && s.codes[it.Index] != 0 {
			return wordOf(s.codes[it.Index]), true
		}
	}
	st, ok := s.other[id]
	return st, ok
}

// each calls fn for every item with a stored state.
func (s itemStates) each(fn func(id, state string)) {
	for i, c := range s.codes {
		if c != 0 {
			fn(s.co.Items[i].ID, wordOf(c))
		}
	}
	for id, st := range s.other {
		fn(id, st)
	}
}

// with returns a copy with one item's state set (the cached one is shared).
func (s itemStates) with(id, state string) itemStates {
	out := itemStates{co: s.co, codes: slices.Clone(s.codes), other: maps.Clone(s.other)}
	delete(out.other, id)
	var it *course.Item
	if s.co != nil {
		it = s.co.Item(id)
	}
	if c, ok := wordCode(state); ok && c != 0 && it != nil {
		if out.codes == nil {
			out.codes = make([]byte, len(s.co.Items))
		}
		out.codes[it.Index] = c
		return out
	}
	if it != nil && out.codes != nil {
		out.codes[it.Index] = 0
	}
	if out.other == nil {
		out.other = map[string]string{}
	}
	out.other[id] = state
	return out
}

// bytes estimates what the states hold.
func (s itemStates) bytes() int64 {
	n := int64(32 + cap(s.codes))
	for k, v := range s.other {
		n += 48 + int64(len(k)+len(v))
	}
	return n
}
