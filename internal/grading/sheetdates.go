package grading

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// scaleWords multiply the number before them: "1,24 ribu" is 1.240.
var scaleWords = map[string]float64{"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "triliun": 1e12}

// scaledValue returns v times the scale word w, rounded to a whole number
// when it is one within float error, or -1 when w is no scale word.
func scaledValue(v float64, w string) float64 {
	m, ok := scaleWords[w]
	if !ok {
		return -1
	}
	x := v * m
	if r := math.Round(x); math.Abs(x-r) < 1e-6*math.Max(1, math.Abs(x)) {
		return r
	}
	return x
}

// sheetDays returns every day the facts sheet gives: its event date, the
// dates written in its prose and every day of a range it gives ("27 April–2
// Mei 2026"), as year·10000+month·100+day; the year of a date without one
// is the event's.
func sheetDays(b *Brief) map[int]bool {
	ev, ok := b.EventDate()
	if !ok {
		return nil
	}
	key := func(t time.Time) int { return t.Year()*10000 + int(t.Month())*100 + t.Day() }
	days := map[int]bool{key(ev): true}
	texts := []string{b.Apa, b.DiMana, b.Mengapa, b.Bagaimana}
	for _, fig := range b.Angka {
		texts = append(texts, fig.Keterangan)
	}
	for _, q := range b.Kutipan {
		texts = append(texts, q.Teks)
	}
	for _, s := range texts {
		for _, d := range extract.Dates(s) {
			if d.Day > 0 && d.Month > 0 {
				y := d.Year
				if y == 0 {
					y = ev.Year()
				}
				days[y*10000+d.Month*100+d.Day] = true
			}
		}
		for _, m := range dateRangeRe.FindAllStringSubmatch(s, -1) {
			k, _ := dateRangeKey(m)
			var d1, m1, d2, m2 int
			if _, err := fmt.Sscanf(k, "%d/%d–%d/%d", &d1, &m1, &d2, &m2); err != nil || m1 == 0 || m2 == 0 {
				continue
			}
			from := time.Date(ev.Year(), time.Month(m1), d1, 12, 0, 0, 0, time.UTC)
			to := time.Date(ev.Year(), time.Month(m2), d2, 12, 0, 0, 0, time.UTC)
			if to.Before(from) {
				to = to.AddDate(1, 0, 0)
			}
			for t, n := from, 0; !t.After(to) && n < 93; t, n = t.AddDate(0, 0, 1), n+1 {
				days[key(t)] = true
			}
		}
	}
	return days
}

// NearEventDays is how far from the sheet's dates a date the sheet does
// not give is read as the event's own date written wrong.
const NearEventDays = 31

// checkSheetDates flags a date of the release that the facts sheet never
// gives. Near the sheet's dates it dates the event or its service wrongly
// ("mulai Senin (20/4/2026)" for a week from 27 April): readers come on a
// day without it, a kesalahan tanggal-bertentangan. Further away it is a
// fact the sheet does not hold, a peringatan fakta-di-luar-lembar like any
// other added fact. A date another date rule already reports is left to it.
func (g *grader) checkSheetDates(b *Brief) int {
	days := sheetDays(b)
	if len(days) == 0 {
		return 0
	}
	ev, _ := b.EventDate()
	var lo, hi time.Time
	for k := range days {
		t := time.Date(k/10000, time.Month(k/100%100), k%100, 12, 0, 0, 0, time.UTC)
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if hi.IsZero() || t.After(hi) {
			hi = t
		}
	}
	span := longDate(ev)
	if !lo.Equal(hi) {
		span = fmt.Sprintf("%d %s %d sampai %d %s %d", lo.Day(), monthLong[lo.Month()], lo.Year(), hi.Day(), monthLong[hi.Month()], hi.Year())
	}
	n := 0
	for _, f := range []*field{g.head, g.body} {
		for _, d := range f.dates {
			if d.InQuote || d.Day == 0 || d.Month == 0 {
				continue
			}
			y := d.Year
			if y == 0 {
				y = ev.Year()
			}
			if days[y*10000+d.Month*100+d.Day] {
				continue
			}
			if g.reportedAt(f, "tanggal-bertentangan", d.Start, d.End) || g.reportedAt(f, "tanggal-mustahil", d.Start, d.End) || g.reportedAt(f, "angka-bertentangan", d.Start, d.End) {
				continue
			}
			t := time.Date(y, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.UTC)
			if t.After(lo.AddDate(0, 0, -NearEventDays)) && t.Before(hi.AddDate(0, 0, NearEventDays)) {
				n++
				g.add(f.finding("tanggal-bertentangan", SevKesalahan, d.Start, d.End,
					fmt.Sprintf("Tanggal \"%s\" tidak ada di lembar fakta, yang menyebut kegiatan pada %s. Tanggal yang tidak sesuai membuat warga datang di hari yang keliru; pakai tanggal dari lembar fakta.", d.Text, span), ""))
				continue
			}
			g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, d.Start, d.End,
				fmt.Sprintf("Tanggal \"%s\" tidak ada di lembar fakta; dalam latihan, pakai hanya fakta dari lembar fakta, karena fakta lain tidak dapat diperiksa. Hapus tanggal itu atau ganti dengan tanggal dari lembar fakta.", d.Text), ""))
		}
	}
	return n
}

// CostDateWithoutDay is what the lead's event date without its weekday
// costs aktual: the date is right, so a suggestion, but one the practice
// asks for, so it moves the total.
const CostDateWithoutDay = 10

// checkDateWithoutDay suggests the weekday for the lead's event date
// written without one ("27/4/2026"): the course teaches "hari, tanggal"
// ("Senin (27/4/2026)") so readers know the day without a calendar. It
// applies in a practice, whose instructions ask for the day and the date,
// and returns whether it made a finding.
func (g *grader) checkDateWithoutDay() bool {
	if g.in.Brief == nil || !g.hasLead {
		return false
	}
	var first *extract.Date
	for k, d := range g.body.dates {
		if d.InQuote || d.Start < g.lead.Start || d.Start >= g.lead.End {
			continue
		}
		if d.Weekday >= 0 || d.Relative {
			return false // the lead names its day
		}
		if first == nil && d.Day > 0 && d.Month > 0 {
			first = &g.body.dates[k]
		}
	}
	if first == nil {
		return false
	}
	y := first.Year
	if y == 0 {
		y = g.yearFor(first.Month, first.Day)
	}
	t := time.Date(y, time.Month(first.Month), first.Day, 12, 0, 0, 0, time.UTC)
	if y == 0 || t.Day() != first.Day {
		return false
	}
	day := weekdayNames[t.Weekday()]
	sugg := day + ", " + first.Text
	if strings.ContainsRune(first.Text, '/') && !strings.HasPrefix(first.Text, "(") {
		sugg = day + " (" + first.Text + ")"
	}
	g.addCost(g.body.finding("tanggal-tanpa-hari", SevSaran, first.Start, first.End,
		fmt.Sprintf("Tanggal \"%s\" di teras belum disertai nama hari. Tulis hari dan tanggalnya, misalnya \"%s\", seperti yang diajarkan dalam latihan, agar pembaca langsung tahu harinya tanpa membuka kalender.", first.Text, sugg),
		sugg), CostDateWithoutDay)
	return true
}
