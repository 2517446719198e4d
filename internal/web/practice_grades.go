package web

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/usercache"
)

// A trainee's "Periksa" grades the draft on the page it leads to; the
// usual next step is "Kirim rilis" of that same text, which graded it again
// (some 2 ms of CPU, most of a send's cost). The grader is pure: the same
// text, practice (brief and rubric), writing time and grader version give
// the same report, so each process keeps every trainee's last checked grade
// and a send of the same text stores it. A send elsewhere, of another text,
// or after the catalog was reloaded grades as before.
const (
	// checkedGradesBytes bounds the grades kept (gradeSize: a report's JSON,
	// a few KB): some 1,000 trainees checking at the same time.
	checkedGradesBytes = 8 << 20
	// checkedGradeTTL is how long a check is kept for the send after it.
	checkedGradeTTL = time.Hour
)

// gradedRelease is a release's grade as "Kirim rilis" stores it, with what
// it follows from.
type gradedRelease struct {
	practice *course.Practice // the catalog's (a reload makes new ones)
	at       time.Time        // the writing time graded against
	version  string           // grading.Version
	text     [sha256.Size]byte
	json     []byte
	score    int
	words    int
}

func gradeSize(g *gradedRelease) int64 { return 256 + int64(len(g.json)) }

func newCheckedGrades() *usercache.Cache[int64, *gradedRelease] {
	// Nothing in a grade comes from the database: no change makes it stale.
	return usercache.NewSized[int64, *gradedRelease](checkedGradesBytes, gradeSize, checkedGradeTTL, func() bool { return true })
}

func releaseDigest(headline, body string) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(headline))
	h.Write([]byte{0})
	h.Write([]byte(body))
	var d [sha256.Size]byte
	h.Sum(d[:0])
	return d
}

// graded is rep as stored with a sent version.
func graded(p *course.Practice, at time.Time, f releaseForm, rep grading.Report) (*gradedRelease, error) {
	b, err := json.Marshal(rep)
	if err != nil {
		return nil, fmt.Errorf("menyandikan laporan: %w", err)
	}
	return &gradedRelease{practice: p, at: at, version: rep.GraderVersion, text: releaseDigest(f.Headline, f.Body),
		json: b, score: rep.Score, words: rep.Stats.Words}, nil
}

// keepChecked keeps the grade of a trainee's check (graded against at) for their send.
func (s *Server) keepChecked(userID int64, v itemView, f releaseForm, at time.Time, rep grading.Report) {
	g, err := graded(v.Item.Practice, at, f, rep)
	if err != nil {
		return // only a saving lost
	}
	c := s.trainees.checked
	c.Put(userID, userID, g, c.Stamp(), s.cfg.Now())
}

// gradeForSending is the grade of the release a trainee sends: their last
// check's when it graded the same text against the same practice, writing
// time and grader, else a new one.
func (s *Server) gradeForSending(userID int64, v itemView, f releaseForm) (*gradedRelease, error) {
	p := v.Item.Practice
	at := writingTime(p, s.cfg.Now())
	if g, ok := s.trainees.checked.Get(userID, s.cfg.Now()); ok && g.practice == p && g.at.Equal(at) &&
		g.version == grading.Version && g.text == releaseDigest(f.Headline, f.Body) {
		s.trainees.gradesReused.Add(1)
		return g, nil
	}
	return graded(p, at, f, s.gradeReleaseAt(v, f, at))
}
