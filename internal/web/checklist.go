package web

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
)

// The certificate checklist: what a course's certificate needs and how far
// a trainee is, made from domain.Requirements (the value the store issues
// certificates by), so the checklist is complete exactly when the rule is met.
// One partial ("checklist" in partials.html) shows it on the trainee's
// Beranda and course page, the facilitator's cohort page and the OPD page.

// Check states, also the CSS class and the badge of a line.
const (
	checkMet     = "terpenuhi"
	checkOpen    = "belum"
	checkBlocked = "terhalang"
	checkInfo    = "info"
)

// checkLine is one requirement (or the deadline) and where it stands.
type checkLine struct {
	Label string
	State string
	Badge string
	Notes []string
}

// checklist is the whole component.
type checklist struct {
	Summary  string
	Complete bool // the certificate rule holds (domain.Requirements.Met)
	Blocked  bool // a requirement can no longer be met without help
	Lines    []checkLine
	Todo     string // what to do, and whom to contact, when blocked
	Met, Of  int    // requirements met of those that apply
	Deadline string
}

// checkViewer says who reads the checklist, for the sentence on what to do.
type checkViewer int

const (
	viewerTrainee checkViewer = iota
	viewerStaff               // facilitator or admin
	viewerPimpinan
)

// newChecklist works out the checklist of one enrollment as of now. co may be
// nil (a course no longer in the files): items are then named by their ids.
func newChecklist(r *domain.Requirements, co *course.Course, now time.Time, who checkViewer) checklist {
	var cl checklist
	cl.Complete = r.Met()
	title := func(id string) string {
		if co != nil {
			if it := co.Item(id); it != nil {
				return it.Title
			}
		}
		return id
	}
	var blockedWhy []string
	add := func(l checkLine, applies bool) {
		if !applies {
			return
		}
		switch l.State {
		case checkMet:
			l.Badge = "Terpenuhi"
			cl.Met++
		case checkBlocked:
			l.Badge = "Tidak dapat terpenuhi"
			cl.Blocked = true
		default:
			l.Badge = "Belum"
		}
		cl.Of++
		cl.Lines = append(cl.Lines, l)
	}
	state := func(done, total int) string {
		if done >= total {
			return checkMet
		}
		return checkOpen
	}

	d, n := r.Tally("lesson")
	add(checkLine{Label: fmt.Sprintf("Materi selesai: %d dari %d", d, n), State: state(d, n)}, n > 0)

	d, n = r.Tally("quiz")
	quiz := checkLine{Label: fmt.Sprintf("Kuis lulus: %d dari %d", d, n), State: state(d, n)}
	for _, it := range r.Items {
		if it.Kind != "quiz" || it.Done() || co == nil {
			continue
		}
		if ci := co.Item(it.ItemID); ci != nil && ci.Quiz != nil && ci.Quiz.MaxAttempts > 0 && it.Attempts >= ci.Quiz.MaxAttempts {
			quiz.State = checkBlocked
			quiz.Notes = append(quiz.Notes, fmt.Sprintf("Kesempatan kuis “%s” sudah habis (%d dari %d percobaan) tanpa lulus.", ci.Title, it.Attempts, ci.Quiz.MaxAttempts))
			blockedWhy = append(blockedWhy, "membuka kembali kuis “"+ci.Title+"”")
		}
	}
	add(quiz, n > 0)

	d, n = r.Tally("practice")
	practice := checkLine{Label: fmt.Sprintf("Latihan disetujui: %d dari %d", d, n), State: state(d, n)}
	for _, it := range r.Items {
		if it.Kind != "practice" || it.Done() {
			continue
		}
		limit := 0
		if co != nil {
			if ci := co.Item(it.ItemID); ci != nil && ci.Practice != nil {
				limit = ci.Practice.MaxAttempts
			}
		}
		switch {
		case it.SubState == domain.SubRejected && limit > 0 && it.Attempts >= limit:
			practice.State = checkBlocked
			practice.Notes = append(practice.Notes, fmt.Sprintf("Latihan “%s” ditolak dan kesempatan mengirimnya sudah habis (%d dari %d).", title(it.ItemID), it.Attempts, limit))
			blockedWhy = append(blockedWhy, "membuka kembali latihan “"+title(it.ItemID)+"”")
		case it.SubState == domain.SubRejected:
			practice.Notes = append(practice.Notes, fmt.Sprintf("Latihan “%s” ditolak; masih ada kesempatan untuk memulai lagi dari awal.", title(it.ItemID)))
		case it.SubState == domain.SubReturned:
			practice.Notes = append(practice.Notes, fmt.Sprintf("Latihan “%s” dikembalikan untuk revisi.", title(it.ItemID)))
		case it.SubState == domain.SubSubmitted || it.SubState == domain.SubInReview:
			practice.Notes = append(practice.Notes, fmt.Sprintf("Latihan “%s” menunggu penilaian fasilitator.", title(it.ItemID)))
		}
	}
	add(practice, n > 0)

	if r.RequiredAttendance > 0 {
		attended := r.Attended()
		att := checkLine{Label: fmt.Sprintf("Hadir di sesi tatap muka: %d dari %d yang disyaratkan", attended, r.RequiredAttendance),
			State: state(attended, r.RequiredAttendance)}
		if att.State != checkMet {
			// Sessions still to come, and past ones not yet recorded, may still count.
			possible, missed := attended, 0
			var next *domain.SessionMark
			for i, s := range r.Sessions {
				switch {
				case s.Status == domain.AttendPresent:
				case now.Before(s.StartsAt):
					possible++
					if next == nil {
						next = &r.Sessions[i]
					}
				case s.Status == "":
					possible++
				default:
					missed++
				}
			}
			switch {
			case len(r.Sessions) == 0:
				att.Notes = append(att.Notes, "Belum ada sesi tatap muka yang dijadwalkan untuk angkatan ini.")
			case possible < r.RequiredAttendance:
				att.State = checkBlocked
				rest := "tidak ada sesi lain yang masih dapat dihadiri"
				if left := possible - attended; left > 0 {
					rest = fmt.Sprintf("%d sesi yang tersisa tidak cukup untuk hadir di %d sesi", left, r.RequiredAttendance)
				}
				att.Notes = append(att.Notes, fmt.Sprintf("%d dari %d sesi tercatat Izin atau Tidak hadir, dan %s.", missed, len(r.Sessions), rest))
				blockedWhy = append(blockedWhy, "sesi pengganti")
			case next != nil:
				att.Notes = append(att.Notes, fmt.Sprintf("Sesi berikutnya: %s, %s.", next.Topic, sessionWhen(next.StartsAt, next.EndsAt)))
			}
		}
		add(att, true)
	}

	// The deadline: the cohort's last day. It is not part of the rule, so it
	// only says how much time is left and warns once it has passed.
	end := r.EndsOn
	last := time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, WIB)
	today := now.In(WIB)
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, WIB)
	days := int(last.Sub(today).Hours() / 24)
	cl.Deadline = shortDate(last)
	dl := checkLine{State: checkInfo, Badge: "Batas waktu"}
	switch {
	case cl.Complete:
	case days > 1:
		dl.Label = fmt.Sprintf("Masa angkatan berakhir %s (%d hari lagi).", cl.Deadline, days)
	case days == 1:
		dl.Label = fmt.Sprintf("Masa angkatan berakhir besok, %s.", cl.Deadline)
	case days == 0:
		dl.Label = fmt.Sprintf("Hari ini, %s, hari terakhir masa angkatan.", cl.Deadline)
	default:
		dl.Label = fmt.Sprintf("Masa angkatan sudah berakhir pada %s.", cl.Deadline)
		dl.State, dl.Badge = checkBlocked, "Terlewat"
		blockedWhy = append(blockedWhy, "menyelesaikan persyaratan setelah masa angkatan")
	}
	if dl.Label != "" {
		cl.Lines = append(cl.Lines, dl)
	}

	switch {
	case cl.Complete:
		cl.Summary = "Semua persyaratan sertifikat terpenuhi."
	case cl.Blocked:
		cl.Summary = "Ada persyaratan sertifikat yang tidak dapat lagi dipenuhi tanpa bantuan fasilitator."
	default:
		cl.Summary = fmt.Sprintf("Persyaratan sertifikat: %d dari %d terpenuhi.", cl.Met, cl.Of)
	}
	if len(blockedWhy) > 0 {
		cl.Todo = checklistTodo(who, r.Facilitators, blockedWhy)
	}
	return cl
}

// checklistTodo says what to do about requirements that cannot be met, and whom to contact.
func checklistTodo(who checkViewer, facilitators []string, why []string) string {
	about := joinList(why)
	contact := "fasilitator angkatan"
	if len(facilitators) > 0 {
		contact += " (" + joinList(facilitators) + ")"
	} else {
		contact = "admin bimtek di daerah Anda, karena angkatan ini belum memiliki fasilitator"
	}
	switch who {
	case viewerStaff:
		return "Yang perlu dilakukan: bicarakan dengan peserta ini soal " + about + "; hanya fasilitator atau admin yang dapat membantunya."
	case viewerPimpinan:
		return "Yang perlu dilakukan: minta admin ini menghubungi " + contact + " soal " + about + "."
	}
	return "Yang perlu Anda lakukan: hubungi " + contact + " soal " + about + "."
}

// joinList writes "a", "a dan b", "a, b, dan c".
func joinList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	case 2:
		return xs[0] + " dan " + xs[1]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + ", dan " + xs[len(xs)-1]
}

// key names what the checklist shows, for the Beranda's kept body.
func (cl checklist) key() string {
	var b strings.Builder
	b.WriteString(cl.Summary)
	for _, l := range cl.Lines {
		b.WriteByte('|')
		b.WriteString(l.State)
		b.WriteString(l.Label)
		for _, n := range l.Notes {
			b.WriteString(n)
		}
	}
	b.WriteString(cl.Todo)
	return b.String()
}

// checklistsFor reads the requirements of enrollments (in batches the store
// accepts) and makes their checklists, keyed by enrollment id.
func (s *Server) checklistsFor(ctx context.Context, enrollmentIDs []int64, who checkViewer) (map[int64]checklist, error) {
	out := make(map[int64]checklist, len(enrollmentIDs))
	now := s.cfg.Now()
	for len(enrollmentIDs) > 0 {
		batch := enrollmentIDs[:min(len(enrollmentIDs), checklistBatch)]
		enrollmentIDs = enrollmentIDs[len(batch):]
		reqs, err := s.db.Requirements(ctx, batch)
		if err != nil {
			return nil, err
		}
		for id, r := range reqs {
			out[id] = newChecklist(r, s.cfg.Catalog.Course(r.CourseID), now, who)
		}
	}
	return out, nil
}

// checklistBatch is how many enrollments one store read covers.
const checklistBatch = 100
