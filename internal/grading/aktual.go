package grading

import (
	"fmt"
	"time"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// gradeAktual checks timeliness: an explicit event time, weekdays that agree
// with their dates, and, with a brief, publication within its deadline.
func (g *grader) gradeAktual() result {
	var notes []string
	explicit, vague := 0, []struct {
		f *field
		d extract.Date
	}{}
	for _, f := range []*field{g.head, g.body} {
		for _, d := range f.dates {
			g.checkWeekday(f, d)
			switch {
			case d.InQuote:
			case d.Vague:
				vague = append(vague, struct {
					f *field
					d extract.Date
				}{f, d})
			case d.Day > 0 || d.Weekday >= 0 || d.Relative || d.Clock || d.Year > 0:
				explicit++
			}
		}
	}
	if c := g.counts(CritAktual); c[SevKesalahan] > 0 {
		notes = append(notes, "hari dan tanggal tidak cocok")
	}

	for _, v := range vague {
		sev, msg := SevSaran, fmt.Sprintf("\"%s\" tidak menyebut waktu yang pasti. Tulis hari dan tanggalnya, misalnya \"%s\".", v.d.Text, g.exampleDate())
		if explicit == 0 {
			sev = SevPeringatan
			msg = fmt.Sprintf("\"%s\" adalah satu-satunya keterangan waktu, dan itu samar. Pembaca perlu tahu kapan persisnya: tulis hari dan tanggal, misalnya \"%s\".", v.d.Text, g.exampleDate())
		}
		g.add(v.f.finding(CritAktual, sev, v.d.Start, v.d.End, msg, ""))
	}
	if len(vague) > 0 {
		notes = append(notes, "keterangan waktu samar")
	}
	if explicit == 0 && len(vague) == 0 {
		s, e := g.lead.Start, g.lead.Start
		g.add(g.body.finding(CritAktual, SevPeringatan, s, e,
			fmt.Sprintf("Rilis belum menyebut kapan kegiatan berlangsung. Tulis hari dan tanggalnya di teras berita, misalnya \"%s\", agar pembaca tahu beritanya baru.", g.exampleDate()), ""))
		notes = append(notes, "belum ada waktu kejadian")
	}

	if b := g.in.Brief; b != nil {
		if n := g.checkDeadline(b); n != "" {
			notes = append(notes, n)
		}
	}

	sum := "Waktu kejadian disebut dengan jelas dan hari cocok dengan tanggalnya."
	if len(notes) > 0 {
		sum = "Perlu diperbaiki: " + joinID(notes) + "."
	}
	return result{score: g.deduct(CritAktual), summary: sum}
}

// checkWeekday flags a weekday that does not fall on its date: "Kamis
// (11/3/2026)" when 11 March 2026 is a Wednesday.
func (g *grader) checkWeekday(f *field, d extract.Date) {
	if d.Day == 0 || d.Month == 0 {
		return
	}
	year := d.Year
	if year == 0 {
		year = g.yearFor(d.Month, d.Day)
	}
	if year == 0 {
		return
	}
	t := time.Date(year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.UTC)
	if t.Day() != d.Day || int(t.Month()) != d.Month {
		g.add(f.finding(CritAktual, SevKesalahan, d.Start, d.End,
			fmt.Sprintf("Tanggal %d/%d/%d tidak ada di kalender. Periksa kembali tanggalnya.", d.Day, d.Month, year), ""))
		return
	}
	if d.Weekday < 0 || d.Weekday > 6 || int(t.Weekday()) == d.Weekday {
		return
	}
	g.add(f.finding(CritAktual, SevKesalahan, d.Start, d.End,
		fmt.Sprintf("%d %s %d jatuh pada hari %s, bukan %s. Hari yang tidak cocok dengan tanggal membingungkan pembaca tentang kapan kegiatan berlangsung.",
			d.Day, monthLong[d.Month], year, weekdayNames[t.Weekday()], weekdayNames[d.Weekday]),
		g.fixWeekday(f, d, t.Weekday())))
}

// fixWeekday rewrites the date span with the right weekday name when the
// span starts with the wrong one; otherwise it returns "".
func (g *grader) fixWeekday(f *field, d extract.Date, right time.Weekday) string {
	lo, hi := f.tokRange(d.Start, d.End)
	for i := lo; i < hi; i++ {
		t := f.toks[i]
		if std, ok := dayNames[t.lower]; (ok && std == weekdayNames[d.Weekday]) || (t.lower == "jum'at" && d.Weekday == 5) {
			return f.slice(d.Start, t.start) + matchCase(t.text, weekdayNames[right]) + f.slice(t.end, d.End)
		}
	}
	return ""
}

// yearFor picks the year of a date written without one: the year that puts
// it closest to the time of writing (a December event written in January
// belongs to the previous year). Without a time of writing it returns 0.
func (g *grader) yearFor(month, day int) int {
	now := g.in.Now
	if now.IsZero() {
		return 0
	}
	best, bestDiff := 0, time.Duration(1<<62)
	for _, y := range []int{now.Year() - 1, now.Year(), now.Year() + 1} {
		t := time.Date(y, time.Month(month), day, 12, 0, 0, 0, now.Location())
		diff := t.Sub(now)
		if diff < 0 {
			diff = -diff
		}
		if diff < bestDiff {
			best, bestDiff = y, diff
		}
	}
	return best
}

// checkDeadline compares the time of writing with the brief's event date and
// publishing window; it returns a note for the summary or "".
func (g *grader) checkDeadline(b *Brief) string {
	ev, ok := b.EventDate()
	now := g.in.Now
	if !ok || now.IsZero() {
		return ""
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	days := int(today.Sub(ev).Hours() / 24)
	switch {
	case days < 0:
		g.add(g.body.finding(CritAktual, SevInfo, 0, 0,
			fmt.Sprintf("Rilis ditulis %d hari sebelum kegiatan (%s). Pastikan kalimatnya tidak menyebut kegiatan itu sudah terjadi.", -days, longDate(ev)), ""))
	case b.PublishByDays > 0 && days > b.PublishByDays:
		g.add(g.body.finding(CritAktual, SevPeringatan, 0, 0,
			fmt.Sprintf("Rilis ini terlambat: ditulis %d hari setelah kegiatan (%s), padahal batasnya %d hari. Berita yang terlambat kehilangan nilai aktualnya; terbitkan secepatnya setelah kegiatan.", days, longDate(ev), b.PublishByDays), ""))
		return "rilis terlambat"
	}
	return ""
}

// exampleDate is a date in news style for messages: the brief's event date,
// else the day of writing.
func (g *grader) exampleDate() string {
	if b := g.in.Brief; b != nil {
		if ev, ok := b.EventDate(); ok {
			return newsDate(ev)
		}
	}
	if !g.in.Now.IsZero() {
		return newsDate(g.in.Now)
	}
	return "Senin (9/3/2026)"
}
