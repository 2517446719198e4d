package grading

import (
	"fmt"
	"time"
)

// A figure of the sheet holds for a time: the time its description names
// ("1.870 aduan … sepanjang 2025") or, with none, the time of the event
// ("1.240 warga … yang belum merekam data" is the count on the day). The
// release may move the right number to another time ("Tahun ini, 1.870
// aduan masuk", "tahun lalu 1.240 warga belum merekam"): the number stays,
// the fact does not.

// figurePeriod reads a time relative to the event at token k ("tahun
// lalu", "bulan ini", "kemarin") and returns the days it spans and the index
// of its last token.
func figurePeriod(f *field, k int, ev time.Time) (lo, hi time.Time, end int, ok bool) {
	w := f.toks[k].lower
	next := ""
	if k+1 < len(f.toks) && f.slice(f.toks[k].end, f.toks[k+1].start) == " " {
		next = f.toks[k+1].lower
	}
	day := time.Date(ev.Year(), ev.Month(), ev.Day(), 0, 0, 0, 0, time.UTC)
	year := time.Date(ev.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	month := time.Date(ev.Year(), ev.Month(), 1, 0, 0, 0, 0, time.UTC)
	shift := map[string]int{"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}
	if w == "kemarin" {
		return day.AddDate(0, 0, -1), day, k, true
	}
	s, known := shift[next]
	if !known {
		return lo, hi, k, false
	}
	switch w {
	case "tahun":
		return year.AddDate(s, 0, 0), year.AddDate(s+1, 0, 0), k + 1, true
	case "bulan":
		return month.AddDate(0, s, 0), month.AddDate(0, s+1, 0), k + 1, true
	case "pekan", "minggu":
		// A week is any seven days around the event's: loose on purpose.
		return day.AddDate(0, 0, 7*s-6), day.AddDate(0, 0, 7*s+7), k + 1, true
	case "hari":
		if s == 0 {
			return day, day.AddDate(0, 0, 1), k + 1, true
		}
	}
	return lo, hi, k, false
}

// yearPreps put an explicit year on a count: "pada 2024", "sepanjang 2024".
var yearPreps = map[string]bool{"pada": true, "tahun": true, "sepanjang": true, "selama": true}

// figureYears returns the years a sheet figure's description names, with
// the phrase that names them ("sepanjang 2025").
func figureYears(fig Figure) (map[int]bool, string) {
	text := fig.Satuan + " " + fig.Keterangan
	toks := tokenize(text, len([]rune(text)))
	years, phrase := map[int]bool{}, ""
	rs := []rune(text)
	for k, t := range toks {
		if !t.num || !isYear(t.text) {
			continue
		}
		v, _ := parseIndoNumber(t.text)
		years[int(v)] = true
		if phrase == "" {
			phrase = t.text
			if k > 0 && yearPreps[toks[k-1].lower] {
				phrase = string(rs[toks[k-1].start:t.end])
			}
		}
	}
	return years, phrase
}

// checkFigureTimes flags a figure of the sheet moved to another time: a
// kesalahan when the sheet dates the figure and the release's time leaves
// that date out, a peringatan when the sheet gives it as the count at the
// event and the release dates it before or after. It returns the number of
// kesalahan.
func (g *grader) checkFigureTimes(f *field, b *Brief) int {
	ev, ok := b.EventDate()
	if !ok {
		return 0
	}
	n := 0
	for i := 0; i < len(f.toks); i++ {
		num, j, ok := g.figureAt(f, i)
		if !ok || !num.exact() || j >= len(f.toks) || g.faktualCovers(f, f.toks[i].start) {
			continue
		}
		unit := j
		if noun, _, classified := g.classifierNoun(f, j); classified {
			unit = noun
		} else if f.toks[j].lower == "orang" && j+1 < len(f.toks) {
			unit = j + 1
		}
		k := -1
		for m, fig := range b.Angka {
			if fig.Nilai == num.lo && (figureUnitMatches(f.toks[unit].lower, fig) || sameCounted(f.toks[unit].lower, fig)) {
				k = m
				break
			}
		}
		if k < 0 {
			i = j - 1
			continue
		}
		fig := b.Angka[k]
		ts, te, lo, hi, found := g.countTime(f, i, unit, ev)
		i = j - 1
		if !found {
			continue
		}
		if ts > 0 && yearPreps[f.toks[ts-1].lower] && f.toks[ts-1].lower != "tahun" && f.slice(f.toks[ts-1].end, f.toks[ts].start) == " " {
			ts-- // "sepanjang tahun ini" is one time
		}
		years, phrase := figureYears(fig)
		passage := f.slice(f.toks[ts].start, f.toks[te].end)
		count := releaseNumber(fig.Nilai) + " " + fig.Satuan
		if len(years) > 0 {
			overlap := false
			for y := range years {
				ylo := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
				overlap = overlap || lo.Before(ylo.AddDate(1, 0, 0)) && ylo.Before(hi)
			}
			if overlap {
				continue
			}
			n++
			g.add(f.finding("angka-bertentangan", SevKesalahan, f.toks[ts].start, f.toks[te].end,
				fmt.Sprintf("\"%s\" memindahkan angka %s ke waktu lain: lembar fakta menyebut %s %s. Angka yang benar pada waktu yang salah tetap fakta yang salah; tulis waktunya seperti di lembar fakta.", passage, count, count, phrase),
				matchCase(f.toks[ts].text, phrase)))
			continue
		}
		day := time.Date(ev.Year(), ev.Month(), ev.Day(), 0, 0, 0, 0, time.UTC)
		if !day.Before(lo) && day.Before(hi) {
			continue
		}
		g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, f.toks[ts].start, f.toks[te].end,
			fmt.Sprintf("\"%s\" memindahkan angka %s ke waktu lain. Lembar fakta memberi angka itu sebagai keadaan saat kegiatan, bukan untuk waktu tersebut; hapus keterangan waktunya atau pakai waktu kegiatan.", passage, count), ""))
	}
	return n
}

// countTime finds the time a count is given for: a relative period or an
// explicit year in its sentence, outside quotes and dates, before the count
// or right after its unit. It returns the phrase's tokens and the days it
// spans.
func (g *grader) countTime(f *field, i, unit int, ev time.Time) (ts, te int, lo, hi time.Time, ok bool) {
	s := f.sentenceOf(f.toks[i].start)
	if s < 0 {
		return 0, 0, lo, hi, false
	}
	lo0, _ := f.tokRange(f.sents[s].Start, f.sents[s].End)
	try := func(k int) bool {
		if k < 0 || k >= len(f.toks) || f.sentenceOf(f.toks[k].start) != s || f.inQuote(f.toks[k].start) {
			return false
		}
		if a, z, e, found := figurePeriod(f, k, ev); found {
			ts, te, lo, hi, ok = k, e, a, z, true
			return true
		}
		if t := f.toks[k]; t.num && isYear(t.text) && k > 0 && yearPreps[f.toks[k-1].lower] && k != i {
			v, _ := parseIndoNumber(t.text)
			y := time.Date(int(v), 1, 1, 0, 0, 0, 0, time.UTC)
			ts, te, lo, hi, ok = k-1, k, y, y.AddDate(1, 0, 0), true
			return true
		}
		return false
	}
	for k := lo0; k < i; k++ {
		if try(k) {
			return
		}
	}
	for k := unit + 1; k <= unit+2; k++ {
		if try(k) {
			return
		}
	}
	return 0, 0, lo, hi, false
}
