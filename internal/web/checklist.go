package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
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
func newChecklist(l i18n.Lang, r *domain.Requirements, co *course.Course, now time.Time, who checkViewer) checklist {
	var cl checklist
	say := func(s string) string { return i18n.T(l, s) }
	sayf := func(id string, data map[string]any) string { return tfl(l, id, data) }
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
	add := func(ln checkLine, applies bool) {
		if !applies {
			return
		}
		switch ln.State {
		case checkMet:
			ln.Badge = say("Terpenuhi")
			cl.Met++
		case checkBlocked:
			ln.Badge = say("Tidak dapat terpenuhi")
			cl.Blocked = true
		default:
			ln.Badge = say("Belum")
		}
		cl.Of++
		cl.Lines = append(cl.Lines, ln)
	}
	state := func(done, total int) string {
		if done >= total {
			return checkMet
		}
		return checkOpen
	}

	d, n := r.Tally("lesson")
	add(checkLine{Label: sayf("Materi selesai: {{.Done}} dari {{.N}}", map[string]any{"Done": d, "N": n}), State: state(d, n)}, n > 0)

	d, n = r.Tally("quiz")
	quiz := checkLine{Label: sayf("Kuis lulus: {{.Done}} dari {{.N}}", map[string]any{"Done": d, "N": n}), State: state(d, n)}
	for _, it := range r.Items {
		if it.Kind != "quiz" || it.Done() || co == nil {
			continue
		}
		if ci := co.Item(it.ItemID); ci != nil && ci.Quiz != nil && ci.Quiz.MaxAttempts > 0 && it.Attempts >= ci.Quiz.MaxAttempts {
			quiz.State = checkBlocked
			quiz.Notes = append(quiz.Notes, sayf("Kesempatan mengerjakan “{{.Title}}” sudah habis ({{.Used}} dari {{.N}} kesempatan terpakai) tanpa lulus.", map[string]any{"Title": ci.Title, "Used": it.Attempts, "N": ci.Quiz.MaxAttempts}))
			blockedWhy = append(blockedWhy, sayf("membuka kembali “{{.Title}}”", map[string]any{"Title": ci.Title}))
		}
	}
	add(quiz, n > 0)

	d, n = r.Tally("practice")
	practice := checkLine{Label: sayf("Latihan disetujui: {{.Done}} dari {{.N}}", map[string]any{"Done": d, "N": n}), State: state(d, n)}
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
		if limit > 0 {
			limit += it.ExtraAttempts
		}
		switch {
		case it.SubState == domain.SubRejected && limit > 0 && it.Attempts >= limit:
			practice.State = checkBlocked
			practice.Notes = append(practice.Notes, sayf("Latihan “{{.Title}}” ditolak dan kesempatan mengirimnya sudah habis ({{.Used}} dari {{.N}}).", map[string]any{"Title": title(it.ItemID), "Used": it.Attempts, "N": limit}))
			blockedWhy = append(blockedWhy, sayf("membuka kembali latihan “{{.Title}}”", map[string]any{"Title": title(it.ItemID)}))
		case it.SubState == domain.SubRejected:
			practice.Notes = append(practice.Notes, sayf("Latihan “{{.Title}}” ditolak; masih ada kesempatan untuk memulai lagi dari awal.", map[string]any{"Title": title(it.ItemID)}))
		case it.SubState == domain.SubReturned:
			practice.Notes = append(practice.Notes, sayf("Latihan “{{.Title}}” dikembalikan untuk revisi.", map[string]any{"Title": title(it.ItemID)}))
		case it.SubState == domain.SubSubmitted || it.SubState == domain.SubInReview:
			practice.Notes = append(practice.Notes, sayf("Latihan “{{.Title}}” menunggu penilaian fasilitator.", map[string]any{"Title": title(it.ItemID)}))
		}
	}
	add(practice, n > 0)

	if r.RequiredAttendance > 0 {
		attended := r.Attended()
		att := checkLine{Label: sayf("Hadir di sesi tatap muka: {{.Done}} dari {{.N}} yang disyaratkan", map[string]any{"Done": attended, "N": r.RequiredAttendance}),
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
				att.Notes = append(att.Notes, say("Belum ada sesi tatap muka yang dijadwalkan untuk angkatan ini."))
			case possible < r.RequiredAttendance:
				att.State = checkBlocked
				rest := say("tidak ada sesi lain yang masih dapat dihadiri")
				if left := possible - attended; left > 0 {
					rest = sayf("sisa {{.Left}} sesi tidak cukup untuk memenuhi syarat hadir di {{.N}} sesi", map[string]any{"Left": left, "N": r.RequiredAttendance})
				}
				att.Notes = append(att.Notes, sayf("Sebanyak {{.Missed}} dari {{.N}} sesi tercatat Izin atau Tidak hadir, dan {{.Rest}}.", map[string]any{"Missed": missed, "N": len(r.Sessions), "Rest": rest}))
				blockedWhy = append(blockedWhy, say("sesi pengganti"))
			case next != nil:
				att.Notes = append(att.Notes, sayf("Sesi berikutnya: {{.Topic}}, {{.When}}.", map[string]any{"Topic": next.Topic, "When": i18n.DateText(l, sessionWhen(next.StartsAt, next.EndsAt))}))
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
	cl.Deadline = i18n.ShortDate(l, last)
	dl := checkLine{State: checkInfo, Badge: say("Batas waktu")}
	switch {
	case cl.Complete:
	case days > 1:
		dl.Label = sayf("Masa angkatan berakhir {{.Date}} ({{.N}} hari lagi).", map[string]any{"Date": cl.Deadline, "N": days})
	case days == 1:
		dl.Label = sayf("Masa angkatan berakhir besok, {{.Date}}.", map[string]any{"Date": cl.Deadline})
	case days == 0:
		dl.Label = sayf("Hari ini, {{.Date}}, hari terakhir masa angkatan.", map[string]any{"Date": cl.Deadline})
	default:
		dl.Label = sayf("Masa angkatan sudah berakhir pada {{.Date}}.", map[string]any{"Date": cl.Deadline})
		dl.State, dl.Badge = checkBlocked, say("Terlewat")
		blockedWhy = append(blockedWhy, say("menyelesaikan persyaratan setelah masa angkatan"))
	}
	if dl.Label != "" {
		cl.Lines = append(cl.Lines, dl)
	}

	switch {
	case cl.Complete:
		cl.Summary = say("Semua persyaratan sertifikat terpenuhi.")
	case cl.Blocked:
		cl.Summary = say("Ada persyaratan sertifikat yang tidak dapat lagi dipenuhi tanpa bantuan fasilitator.")
	default:
		cl.Summary = sayf("Persyaratan sertifikat: {{.Met}} dari {{.N}} terpenuhi.", map[string]any{"Met": cl.Met, "N": cl.Of})
	}
	if len(blockedWhy) > 0 {
		cl.Todo = checklistTodo(l, who, r.Facilitators, blockedWhy)
	}
	return cl
}

// checklistUntil is the first moment after now at which newChecklist may
// read otherwise for the same requirements with these sessions: the next midnight in WIB (the
// days left) or the start of the next session (sessions still to come).
func checklistUntil(sessions []domain.SessionMark, now time.Time) time.Time {
	today := now.In(WIB)
	until := time.Date(today.Year(), today.Month(), today.Day()+1, 0, 0, 0, 0, WIB)
	for _, s := range sessions {
		if now.Before(s.StartsAt) && s.StartsAt.Before(until) {
			until = s.StartsAt
		}
	}
	return until
}

// checklistTodo says what to do about requirements that cannot be met, and whom to contact.
func checklistTodo(l i18n.Lang, who checkViewer, facilitators []string, why []string) string {
	about := joinList(l, why)
	contact := i18n.T(l, "fasilitator angkatan")
	if len(facilitators) > 0 {
		contact += " (" + joinList(l, facilitators) + ")"
	} else {
		contact = i18n.T(l, "admin bimtek di daerah Anda, karena angkatan ini belum memiliki fasilitator")
	}
	data := map[string]any{"About": about, "Contact": contact}
	switch who {
	case viewerStaff:
		return tfl(l, "Yang perlu dilakukan: bicarakan dengan peserta ini soal {{.About}}; hanya fasilitator atau admin yang dapat membantunya.", data)
	case viewerPimpinan:
		return tfl(l, "Yang perlu dilakukan: minta admin ini menghubungi {{.Contact}} soal {{.About}}.", data)
	}
	return tfl(l, "Yang perlu Anda lakukan: hubungi {{.Contact}} soal {{.About}}.", data)
}

// joinList writes "a", "a dan b", "a, b, dan c" ("a, b and c" in English).
func joinList(l i18n.Lang, xs []string) string {
	and := " " + i18n.T(l, "dan") + " "
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	case 2:
		return xs[0] + and + xs[1]
	}
	if l == i18n.EN {
		return strings.Join(xs[:len(xs)-1], ", ") + and + xs[len(xs)-1]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + "," + and + xs[len(xs)-1]
}

// checklistHTML is the course page's checklist section. Trainees at the same
// point of a course see the same one, so it is rendered once per text shown
// and kept; past maxKeptChecklists the kept ones are dropped.
func (s *Server) checklistHTML(l i18n.Lang, cl checklist) (template.HTML, error) {
	key := cl.shownKey(l)
	if h, ok := s.checklists.Load(key); ok {
		return h.(template.HTML), nil
	}
	t, _ := s.tmpl.page(l, "course")
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "course_checklist", cl); err != nil {
		return "", fmt.Errorf("menampilkan daftar persyaratan: %w", err)
	}
	h := template.HTML(buf.String()) // produced by html/template, escaped
	if s.keptChecklists.Add(1) > maxKeptChecklists {
		s.checklists.Clear()
		s.keptChecklists.Store(1)
	}
	s.checklists.Store(key, h)
	return h, nil
}

// maxKeptChecklists bounds the kept checklist sections (about 1.5 KB each).
const maxKeptChecklists = 1024

// shownKey names everything the checklist template shows, in language l.
func (cl checklist) shownKey(l i18n.Lang) string {
	var b strings.Builder
	b.WriteString(string(l))
	b.WriteByte(0)
	if cl.Complete {
		b.WriteByte('c')
	}
	if cl.Blocked {
		b.WriteByte('b')
	}
	for _, s := range []string{cl.Summary, cl.Todo} {
		b.WriteByte(0)
		b.WriteString(s)
	}
	for _, ln := range cl.Lines {
		b.WriteByte(1)
		for _, s := range []string{ln.State, ln.Badge, ln.Label} {
			b.WriteString(s)
			b.WriteByte(0)
		}
		for _, n := range ln.Notes {
			b.WriteString(n)
			b.WriteByte(2)
		}
	}
	return b.String()
}

// checklistsFor reads the requirements of enrollments (in batches the store
// accepts) and makes their checklists, keyed by enrollment id.
func (s *Server) checklistsFor(ctx context.Context, l i18n.Lang, enrollmentIDs []int64, who checkViewer) (map[int64]checklist, error) {
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
			out[id] = newChecklist(l, r, s.cfg.Catalog.Course(r.CourseID), now, who)
		}
	}
	return out, nil
}

// checklistBatch is how many enrollments one store read covers.
const checklistBatch = 100
