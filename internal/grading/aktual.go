package grading

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// CostNoEventDate is what a release without an event date loses of aktual:
// more than half, because news without a date cannot be judged current and
// a reader cannot act on it.
const CostNoEventDate = 60

// CostLateDay: each day past the publishing window after the first costs
// aktual this much more than a peringatan, up to CostNoEventDate: a release
// a month late tells readers as little about now as one without a date.
const CostLateDay = 5

// StaleDays: past the window by more than a week, the event is no longer
// news; the lateness is a kesalahan.
const StaleDays = 7

// CostDayWithoutDate: a weekday or "hari ini" alone leaves the date to guess
// once the post is a few days old.
const CostDayWithoutDate = 30

// gradeAktual checks timeliness: an event date (a time of day is not a
// date), weekdays that agree with their dates, and, with a brief,
// publication within its deadline.
func (g *grader) gradeAktual() result {
	cn := g.costNotes(CritAktual)
	type fieldDate struct {
		f *field
		d extract.Date
	}
	dated := 0
	var vague, dayOnly, clockOnly []fieldDate
	for _, f := range []*field{g.head, g.body} {
		for _, d := range f.dates {
			g.checkWeekday(f, d)
			switch {
			case d.InQuote:
			case d.Vague || vagueDay(d):
				vague = append(vague, fieldDate{f, d})
			case d.Day > 0 && d.Month > 0:
				dated++
			case (d.Weekday >= 0 || d.Relative) && !recurring(f, d):
				dayOnly = append(dayOnly, fieldDate{f, d})
			case d.Weekday >= 0 || d.Relative:
				clockOnly = append(clockOnly, fieldDate{f, d})
			case d.Clock || d.Year > 0:
				clockOnly = append(clockOnly, fieldDate{f, d})
			}
		}
		for _, d := range soonTimes(f) {
			vague = append(vague, fieldDate{f, d})
		}
	}
	if c := g.counts(CritAktual); c[SevKesalahan] > 0 {
		cn.note("hari dan tanggal tidak cocok")
	}

	imp := g.impossibleDates()
	for k, d := range imp {
		if k > 0 || dated > 0 {
			g.impossibleDateFinding(d, 0)
		}
	}
	if len(imp) > 0 {
		cn.note("tanggal tidak ada di kalender")
	}
	switch {
	case dated == 0 && len(imp) > 0:
		// The date the writer meant is there but unreadable: one finding
		// that names it, costing what a missing date costs.
		g.impossibleDateFinding(imp[0], CostNoEventDate)
	case dated > 0:
		// In a practice, a date later in the body does not date the lead's
		// "hari ini" ("… membuka pekan imunisasi hari ini"), which readers
		// meet days on.
		for _, d := range dayOnly {
			if g.in.Brief != nil && d.f == g.body && d.d.Weekday < 0 && g.hasLead && d.d.Start < g.lead.End && !statusUntil(d.f, d.d.Start) {
				vague = append(vague, d)
			}
		}
	case len(dayOnly) > 0 && g.in.Brief == nil:
		d := dayOnly[0]
		g.addCost(d.f.finding("hari-tanpa-tanggal", SevPeringatan, d.d.Start, d.d.End,
			fmt.Sprintf("\"%s\" belum menyebut tanggal. Beberapa hari setelah terbit, pembaca tidak tahu hari yang mana; tulis hari dan tanggalnya, misalnya \"%s\".", d.d.Text, g.exampleDate()), ""), CostDayWithoutDate)
		cn.note("hari tanpa tanggal")
	default:
		sev := SevPeringatan
		if g.in.Brief != nil {
			// The practice gives the date; leaving it out withholds a core fact.
			sev = SevKesalahan
		}
		msg := fmt.Sprintf("Rilis belum menyebut tanggal kegiatan. Tulis hari dan tanggalnya di teras berita, misalnya \"%s\", agar pembaca tahu kapan kegiatan berlangsung dan bahwa beritanya baru.", g.exampleDate())
		s, e, f, sugg := g.lead.Start, g.lead.Start, g.body, ""
		switch {
		case len(dayOnly) > 0:
			// A practice asks for the day and the date; a day alone ("Kamis",
			// "hari ini") leaves the date out like a time of day does.
			d := dayOnly[0]
			f, s, e, sugg = d.f, d.d.Start, d.d.End, g.exampleDate()
			msg = fmt.Sprintf("\"%s\" belum menyebut tanggal, dan rilis tidak menyebut tanggal kegiatan di bagian lain. Beberapa hari setelah terbit, pembaca tidak tahu hari yang mana; tulis hari dan tanggalnya di teras berita, misalnya \"%s\".", d.d.Text, g.exampleDate())
		case len(vague) > 0:
			v := vague[0]
			vague = vague[1:]
			f, s, e = v.f, v.d.Start, v.d.End
			if g.in.Brief != nil {
				sugg = g.exampleDate() // the sheet's date replaces the vague word
			}
			msg = fmt.Sprintf("\"%s\" adalah satu-satunya keterangan waktu, dan itu samar. Pembaca perlu tahu kapan kegiatan berlangsung: tulis hari dan tanggal, misalnya \"%s\".", v.d.Text, g.exampleDate())
		case slices.ContainsFunc(clockOnly, func(x fieldDate) bool { return x.d.Clock }):
			// a time of day written as if it dated the event; a year alone
			// ("Sepanjang 2025") is a period of the story, not quoted
			var c fieldDate
			for _, x := range clockOnly {
				if x.d.Clock {
					c = x
					break
				}
			}
			f, s, e = c.f, c.d.Start, c.d.End
			msg = fmt.Sprintf("\"%s\" bukan tanggal kegiatan: jam, tahun, atau jadwal rutin tidak memberi tahu pembaca pada tanggal berapa kegiatan berlangsung, dan rilis tidak menyebut tanggalnya di bagian lain. Tulis hari dan tanggalnya di teras berita, misalnya \"%s\".", c.d.Text, g.exampleDate())
		}
		g.addCost(f.finding("tanggal-hilang", sev, s, e, msg, sugg), CostNoEventDate)
		cn.note("belum ada tanggal kegiatan")
	}

	for _, v := range vague {
		g.add(g.vagueTimeFinding(v.f, v.d, dated))
	}
	if len(vague) > 0 {
		cn.note("keterangan waktu samar")
	}

	if g.checkDateWithoutDay() {
		cn.note("tanggal tanpa nama hari")
	}
	if b := g.in.Brief; b != nil {
		if n := g.checkDeadline(b); n != "" {
			cn.note(n)
		}
	}
	return result{score: g.deduct(CritAktual), summary: cn.summary("Tanggal kegiatan disebut dengan jelas dan hari cocok dengan tanggalnya.")}
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
		g.add(f.finding("tanggal-mustahil", SevKesalahan, d.Start, d.End,
			fmt.Sprintf("Tanggal %d/%d/%d tidak ada di kalender. Periksa kembali tanggalnya.", d.Day, d.Month, year), ""))
		return
	}
	if d.Weekday < 0 || d.Weekday > 6 {
		return
	}
	if first, day2, ok := weekdayPair(f, d); ok && day2 > d.Day {
		// "Rabu dan Kamis, 14 dan 15 Oktober": the days pair in order.
		t2 := t.AddDate(0, 0, day2-d.Day)
		if end, ok := rangeEndAfter(f, d, t); ok {
			// "Senin–Sabtu (27/4–2/5/2026)": the second day is in another month.
			t2 = end
		}
		switch {
		case int(t.Weekday()) != first:
			g.add(f.finding("hari-tanggal-tidak-cocok", SevKesalahan, d.Start, d.End,
				fmt.Sprintf("%d %s %d jatuh pada hari %s, bukan %s. Hari yang tidak cocok dengan tanggal membingungkan pembaca tentang kapan kegiatan berlangsung.",
					d.Day, monthLong[d.Month], year, weekdayNames[t.Weekday()], weekdayNames[first]), ""))
		case int(t2.Weekday()) != d.Weekday:
			g.add(f.finding("hari-tanggal-tidak-cocok", SevKesalahan, d.Start, d.End,
				fmt.Sprintf("%d %s %d jatuh pada hari %s, bukan %s. Hari yang tidak cocok dengan tanggal membingungkan pembaca tentang kapan kegiatan berlangsung.",
					t2.Day(), monthLong[int(t2.Month())], t2.Year(), weekdayNames[t2.Weekday()], weekdayNames[d.Weekday]), ""))
		}
		return
	}
	if int(t.Weekday()) == d.Weekday {
		return
	}
	g.add(f.finding("hari-tanggal-tidak-cocok", SevKesalahan, d.Start, d.End,
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
		g.add(g.body.finding("rilis-sebelum-kegiatan", SevInfo, 0, 0,
			fmt.Sprintf("Rilis ditulis %s hari sebelum kegiatan (%s). Pastikan kalimatnya tidak menyebut kegiatan itu sudah terjadi.", countWord(-days), longDate(ev)), ""))
	case b.PublishByDays > 0 && days > b.PublishByDays:
		late := days - b.PublishByDays
		cost := min(severityPenalty[SevPeringatan]+CostLateDay*(late-1), CostNoEventDate)
		sev, why := SevPeringatan, "Berita yang terlambat kehilangan nilai aktualnya; terbitkan secepatnya setelah kegiatan."
		if late > StaleDays {
			sev, why = SevKesalahan, "Lewat sepekan dari batasnya, kegiatan itu bukan berita lagi bagi pembaca: warga tidak dapat lagi memanfaatkannya. Terbitkan rilis dalam batas waktu latihan."
		}
		g.addCost(g.body.finding("rilis-terlambat", sev, 0, 0,
			fmt.Sprintf("Rilis ini terlambat: ditulis %s hari setelah kegiatan (%s), padahal batasnya %s hari. %s", countWord(days), longDate(ev), countWord(b.PublishByDays), why), ""), cost)
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

// recurring reports a weekday that names a schedule rather than the event's
// day: "setiap Senin", "Senin–Jumat".
func recurring(f *field, d extract.Date) bool {
	i := f.tokenAt(d.Start)
	if i < 0 {
		return false
	}
	// the first day of a range of weekdays, "Senin–Jumat": service days,
	// not the event's day
	if j := f.tokenAt(d.End - 1); d.Weekday >= 0 && j >= 0 && j+1 < len(f.toks) {
		next := f.toks[j+1]
		gap := strings.TrimSpace(f.slice(f.toks[j].end, next.start))
		if _, wd := dayNames[next.lower]; wd && (gap == "–" || gap == "-" || gap == "—") || (next.lower == "sampai" || next.lower == "hingga") && j+2 < len(f.toks) && dayNames[f.toks[j+2].lower] != "" {
			return true
		}
	}
	if i == 0 {
		return false
	}
	prev := f.toks[i-1]
	if prev.lower == "setiap" || prev.lower == "tiap" {
		return true
	}
	_, wd := dayNames[prev.lower]
	gap := strings.TrimSpace(f.slice(prev.end, f.toks[i].start))
	return wd && (gap == "–" || gap == "-" || gap == "—") || (prev.lower == "sampai" || prev.lower == "hingga") && i > 1 && dayNames[f.toks[i-2].lower] != ""
}

var (
	weekdayBeforeRe = regexp.MustCompile(`(?i)\b(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\s*(?:dan|–|—|-|sampai|hingga)\s*$`)
	rangeEndRe      = regexp.MustCompile(`^\s*(?:–|—|-|sampai|hingga|s\.d\.?)\s*([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{4}))?`)
	// rangeEndLongRe is rangeEndRe with the month in words: "27 April–2 Mei 2026".
	rangeEndLongRe = regexp.MustCompile(`(?i)^\s*(?:–|—|-|sampai|hingga|s\.d\.?)\s*([0-9]{1,2})\s+(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)(?:\s+([0-9]{4}))?`)
	secondDayRe    = regexp.MustCompile(`^[^0-9]*?([0-9]{1,2})\s*(?:dan|–|—|-|sampai|hingga)\s*([0-9]{1,2})\b`)
)

// weekdayPair reads a pair of weekdays over a pair of days, "Rabu dan Kamis,
// 14 dan 15 Oktober" or "Rabu–Kamis (14–15/10/2026)": the date d carries
// the second weekday and the first day; first is the weekday before it and
// day2 the second day.
func weekdayPair(f *field, d extract.Date) (first, day2 int, ok bool) {
	m := weekdayBeforeRe.FindStringSubmatch(f.slice(max(d.Start-20, 0), d.Start))
	if m == nil {
		return 0, 0, false
	}
	day2 = 0
	if n := secondDayRe.FindStringSubmatch(d.Text); n != nil {
		day2, _ = strconv.Atoi(n[2])
	} else if _, _, _, ok := rangeEndOf(f, d); ok {
		day2 = 32 // the end is in a later month: rangeEndAfter reads it
	} else {
		return 0, 0, false
	}
	name := strings.ToLower(m[1])
	if name == "jum'at" {
		name = "jumat"
	}
	for i, w := range weekdayNames {
		if strings.ToLower(w) == name {
			return i, day2, true
		}
	}
	return 0, 0, false
}

// rangeEndOf reads the day, month and year (0 when not written) of the
// end of a range written right after d: "–2/5/2026", "–2 Mei 2026".
func rangeEndOf(f *field, d extract.Date) (day, month, year int, ok bool) {
	after := f.slice(d.End, min(d.End+24, len(f.offs)-1))
	if n := rangeEndRe.FindStringSubmatch(after); n != nil {
		day, _ = strconv.Atoi(n[1])
		month, _ = strconv.Atoi(n[2])
		year, _ = strconv.Atoi(n[3])
		return day, month, year, true
	}
	n := rangeEndLongRe.FindStringSubmatch(after)
	if n == nil {
		return 0, 0, 0, false
	}
	day, _ = strconv.Atoi(n[1])
	for m, name := range monthLong {
		if m > 0 && strings.EqualFold(name, n[2]) {
			month = m
		}
	}
	year, _ = strconv.Atoi(n[3])
	return day, month, year, month > 0
}

// rangeEndAfter reads the end of a range of dates written after d in
// another month ("27/4–2/5/2026"), with start the date d names.
func rangeEndAfter(f *field, d extract.Date, start time.Time) (time.Time, bool) {
	day, month, year, ok := rangeEndOf(f, d)
	if !ok {
		return time.Time{}, false
	}
	if year == 0 {
		year = start.Year()
		if month < int(start.Month()) {
			year++
		}
	}
	end := time.Date(year, time.Month(month), day, 12, 0, 0, 0, time.UTC)
	if end.Day() != day || !end.After(start) {
		return time.Time{}, false
	}
	return end, true
}

// statusUntil reports a relative day that bounds a state rather than dates
// the event: "hingga hari ini 1.240 warga belum merekam".
func statusUntil(f *field, pos int) bool {
	k := f.tokenAt(pos)
	return k > 0 && untilWords[f.toks[k-1].lower]
}

var untilWords = wordSet(`hingga sampai per sejak`)
