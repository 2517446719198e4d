package grading

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// impossibleDate is a numeric date no calendar holds ("4/16/2026": month
// 16), which package extract does not read as a date at all.
type impossibleDate struct {
	f          *field
	start, end int
	text, fix  string
	why        string
}

// impossibleDates finds numeric dates day/month/year with a four-digit year
// whose month is not 1–12 or whose day is not 1–31. The fix swaps day and
// month when that makes a date: a month written first, as English does.
func (g *grader) impossibleDates() []impossibleDate {
	var out []impossibleDate
	for _, f := range []*field{g.head, g.body} {
		for i, t := range f.toks {
			if !t.num || t.phone || strings.Count(t.text, "/") != 2 || i > 0 && docNumberWords[f.toks[i-1].lower] {
				continue
			}
			parts := strings.Split(t.text, "/")
			if len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
				continue
			}
			d, err1 := strconv.Atoi(parts[0])
			m, err2 := strconv.Atoi(parts[1])
			y, err3 := strconv.Atoi(parts[2])
			if err1 != nil || err2 != nil || err3 != nil || y < 1900 || y > 2100 {
				continue
			}
			var why string
			switch {
			case m < 1 || m > 12:
				why = fmt.Sprintf("bulan %d tidak ada", m)
			case d < 1 || d > 31:
				why = fmt.Sprintf("tanggal %d tidak ada", d)
			default:
				continue
			}
			fix := ""
			if c := time.Date(y, time.Month(d), m, 12, 0, 0, 0, time.UTC); d >= 1 && d <= 12 && m >= 1 && c.Day() == m {
				fix = fmt.Sprintf("%d/%d/%d", m, d, y)
			}
			out = append(out, impossibleDate{f: f, start: t.start, end: t.end, text: t.text, fix: fix, why: why})
		}
	}
	return out
}

// docNumberWords name a number that is no date ("Nomor 5/13/2026", a decree's).
var docNumberWords = wordSet(`nomor no nomer`)

// impossibleDateFinding reports d; cost is what aktual loses beyond the
// severity (CostNoEventDate when no other date dates the release).
func (g *grader) impossibleDateFinding(d impossibleDate, cost int) {
	msg := fmt.Sprintf("Tanggal \"%s\" tidak ada di kalender: %s. Pembaca tidak bisa tahu kapan kegiatan berlangsung.", d.text, d.why)
	if d.fix != "" {
		msg += fmt.Sprintf(" Tanggal ditulis dengan urutan tanggal/bulan/tahun; mungkin maksudnya \"%s\".", d.fix)
	} else {
		msg += " Periksa kembali tanggalnya dan tulis dengan urutan tanggal/bulan/tahun."
	}
	f := d.f.finding("tanggal-mustahil", SevKesalahan, d.start, d.end, msg, d.fix)
	if cost > 0 {
		g.addCost(f, cost)
	} else {
		g.add(f)
	}
}
