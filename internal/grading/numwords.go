package grading

import (
	"fmt"
	"math"
	"strings"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// Indonesian number words. EYD V writes numbers of one or two words in
// letters ("tiga perangkat"), so a figure of the facts sheet may appear as a
// word, exact ("dua ratus lima puluh") or approximate ("belasan", "ratusan").

// wordNum is a number read from words: exact when lo == hi.
type wordNum struct {
	lo, hi float64
}

func (w wordNum) exact() bool { return w.lo == w.hi }

// contains reports whether v lies in the number's range.
func (w wordNum) contains(v float64) bool { return v >= w.lo && v <= w.hi }

// readWordNumber reads number words starting at token i and returns the
// number and the index of the token after it. ok is false when toks[i]
// starts no number word. The reader is extract's, so dates and figures read
// words alike.
func readWordNumber(toks []token, i int) (num wordNum, next int, ok bool) {
	word := func(k int) string {
		if k < len(toks) {
			return toks[k].lower
		}
		return ""
	}
	lo, hi, next, ok := extract.ReadNumberWords(word, i)
	return wordNum{lo, hi}, next, ok
}

// numberWordFor writes small counts as EYD V prefers in running text.
func numberWordFor(v float64) (string, bool) {
	words := []string{"", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"}
	if v >= 1 && v <= 10 && v == float64(int(v)) {
		return words[int(v)], true
	}
	return "", false
}

// describe writes the range a qualified figure stands for in words, as a
// reader says it: "lebih dari 100", "sedikitnya 100", "kurang dari 500",
// "paling banyak 500", or "80 sampai 120". A bound just past a number (kept
// with math.Nextafter so the number itself is excluded) is named by that
// number, never by its float neighbour.
func (w wordNum) describe() string {
	lo, loOpen := boundOf(w.lo, math.Inf(-1))
	hi, hiOpen := boundOf(w.hi, math.Inf(1))
	switch {
	case math.IsInf(w.hi, 1) && loOpen:
		return "lebih dari " + formatIndoNumber(lo)
	case math.IsInf(w.hi, 1):
		return "sedikitnya " + formatIndoNumber(lo)
	case w.lo <= 0 && hiOpen:
		return "kurang dari " + formatIndoNumber(hi)
	case w.lo <= 0:
		return "paling banyak " + formatIndoNumber(hi)
	case hiOpen:
		return formatIndoNumber(lo) + " sampai kurang dari " + formatIndoNumber(hi)
	}
	return formatIndoNumber(lo) + " sampai " + formatIndoNumber(hi)
}

// boundOf tells a bound kept one float step past a round number (toward
// away) from a number in its own right: it returns the round number and
// whether the bound excludes it.
func boundOf(v, away float64) (float64, bool) {
	round := func(x float64) bool { return x == math.Round(x*100)/100 }
	if math.IsInf(v, 0) || round(v) {
		return v, false
	}
	if p := math.Nextafter(v, away); round(p) {
		return p, true
	}
	return math.Round(v*100) / 100, false
}

// spacedThousands reports a number grouped by spaces ("1 240", "12 500
// 000"): one to three digits, then groups of three.
func spacedThousands(s string) bool {
	if !strings.Contains(s, " ") {
		return false
	}
	groups := strings.Split(s, " ")
	if len(groups) < 2 || len(groups[0]) > 3 || groups[0][0] == '0' {
		return false
	}
	for k, g := range groups {
		if g == "" || k > 0 && len(g) != 3 {
			return false
		}
		for _, r := range g {
			if r < '0' || r > '9' {
				return false
			}
		}
	}
	return true
}

// joinSpacedThousands makes one token of a number whose thousands are
// grouped with spaces ("1 240 warga"): it is one count, written without
// the dot EYD V asks for, not two counts.
func joinSpacedThousands(f *field, toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		j := i
		for t.num && j+1 < len(toks) && toks[j+1].num && len(toks[j+1].text) == 3 && f.slice(toks[j].end, toks[j+1].start) == " " &&
			spacedThousands(f.slice(t.start, toks[j+1].end)) {
			j++
		}
		// "pada 2025 120 warga" has no group of one to three digits first;
		// a number after another number is a list, not thousands.
		if j > i && !(len(out) > 0 && out[len(out)-1].num && f.slice(out[len(out)-1].end, t.start) == " ") {
			t.end = toks[j].end
			t.text = f.slice(t.start, t.end)
			t.lower = t.text
			out = append(out, t)
			i = j
			continue
		}
		out = append(out, t)
	}
	return out
}

// seCounts are counts in one word with se- ("sepasang", "selusin").
var seCounts = map[string]float64{"sepasang": 2, "selusin": 12, "sekodi": 20}

// durationWords state a length of time in one word: "sepekan" is one week.
var durationWords = map[string]struct {
	n    float64
	unit string
}{
	"sehari": {1, "hari"}, "sepekan": {1, "minggu"}, "seminggu": {1, "minggu"},
	"sebulan": {1, "bulan"}, "setahun": {1, "tahun"},
}

// durationContext words make the length of time after them the event's
// length ("berlangsung sepekan", "selama dua pekan"), not a rate ("dalam
// sepekan, petugas …").
var durationContext = map[string]bool{
	"selama": true, "berlangsung": true, "digelar": true, "diadakan": true, "dilaksanakan": true,
	"diselenggarakan": true, "berjalan": true,
}

// checkDurations compares a length of time in another unit or in one word
// ("sepekan", "dua pekan") with the sheet's length in days: a week for a
// six-day event contradicts the sheet. It returns the number of kesalahan.
func (g *grader) checkDurations(f *field, b *Brief) int {
	n := 0
	for i := 0; i < len(f.toks); i++ {
		t := f.toks[i]
		if f.inQuote(t.start) {
			continue
		}
		var num wordNum
		var unit string
		end := i
		if d, ok := durationWords[t.lower]; ok {
			num, unit = wordNum{d.n, d.n}, d.unit
		} else {
			v, j, ok := g.figureAt(f, i)
			if !ok || !v.exact() || j >= len(f.toks) || !otherTimeUnits[f.toks[j].lower] {
				continue
			}
			num, unit, end = v, f.toks[j].lower, j
		}
		// "hampir sepekan", "lebih dari dua pekan": the bound holds for a
		// word of time as for digits.
		num, from := qualifiedFigure(f, i, num)
		if !(from > 0 && durationContext[f.toks[from-1].lower] || from > 1 && durationContext[f.toks[from-2].lower]) {
			continue
		}
		if end+1 < len(f.toks) && intervalWords[f.toks[end+1].lower] && f.slice(f.toks[end].end, f.toks[end+1].start) == " " {
			// "digelar dua pekan setelah …": an interval, not the length.
			i = end
			continue
		}
		comparable, equal := -1, false
		for k, fig := range b.Angka {
			want := firstWord(fig.Satuan)
			// "3 hari kerja" is no length of the event, nor is "400
			// perekaman dalam sehari".
			if rates, ok := figureRates(fig); strings.Contains(strings.ToLower(fig.Satuan), "kerja") || ok && len(rates) > 0 {
				continue
			}
			lo, hi, ok := daysSpan(num, unit, want)
			if !ok || unit == want && end != i {
				continue // "enam hari": checkFigures compares the sheet's own unit
			}
			if comparable < 0 {
				comparable = k
			}
			equal = equal || (wordNum{lo, hi}).contains(fig.Nilai)
		}
		if comparable < 0 || equal {
			i = end
			continue
		}
		fig := b.Angka[comparable]
		desc := fig.Satuan
		if fig.Keterangan != "" {
			desc += " (" + fig.Keterangan + ")"
		}
		passage := f.slice(f.toks[from].start, f.toks[end].end)
		want := formatIndoNumber(fig.Nilai) + " " + fig.Satuan
		if w, small := numberWordFor(fig.Nilai); small {
			want = w + " " + fig.Satuan
		}
		n++
		g.add(f.finding("angka-bertentangan", SevKesalahan, f.toks[from].start, f.toks[end].end,
			fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s %s. Lama kegiatan yang salah membuat warga mengira masih ada waktu atau sudah terlambat; tulis lamanya seperti di lembar fakta.", passage, releaseNumber(fig.Nilai), desc), want))
		i = end
	}
	return n
}

// dozenUnits multiply the number before them: "dua lusin perangkat" is 24.
var dozenUnits = map[string]float64{"lusin": 12, "kodi": 20}

// dozens reads a count of dozens at token j after a number.
func dozens(f *field, num wordNum, j int, ok bool) (wordNum, int, bool) {
	if ok && j+1 < len(f.toks) && dozenUnits[f.toks[j].lower] > 0 && f.sentenceOf(f.toks[j].start) == f.sentenceOf(f.toks[j-1].start) {
		m := dozenUnits[f.toks[j].lower]
		return wordNum{num.lo * m, num.hi * m}, j + 1, true
	}
	return num, j, ok
}

// commaThousands reports digits grouped by commas the English way
// ("1,240"): in Indonesian the comma marks decimals, so "1,240 warga"
// reads as 1,24 people.
func commaThousands(s string) bool {
	if !strings.Contains(s, ",") {
		return false
	}
	groups := strings.Split(s, ",")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 || groups[0][0] == '0' {
		return false
	}
	for k, g := range groups {
		if k > 0 && len(g) != 3 {
			return false
		}
		for _, r := range g {
			if r < '0' || r > '9' {
				return false
			}
		}
	}
	return true
}

// commaValue is the count a number grouped by commas means.
func commaValue(s string) float64 {
	v, _ := parseIndoNumber(strings.ReplaceAll(s, ",", ""))
	return v
}

// checkCommaThousands flags a count grouped by commas ("1,240 warga"): a
// count of people or things has no decimals, so the comma stands for the
// thousands dot. It reports whether it added a finding.
func (g *grader) checkCommaThousands(f *field, i int) bool {
	t := f.toks[i]
	if i+1 >= len(f.toks) || g.inDate(f, t.start) {
		return false
	}
	if unit := f.toks[i+1].lower; !peopleUnits[unit] && !scaleUnits[unit] && !g.briefUnit(unit) {
		return false // "2,125 kilogram" may be a decimal
	}
	std := formatIndoNumber(commaValue(t.text))
	sev := SevSaran
	if r := g.rules(); r != nil && r.ThousandsSeparator {
		sev = SevPeringatan
	}
	g.noteBahasa("titik pemisah ribuan")
	g.add(f.finding("pemisah-ribuan", sev, t.start, t.end,
		fmt.Sprintf("Tulis \"%s\", bukan \"%s\". Dalam bahasa Indonesia koma menandai desimal, jadi \"%s\" terbaca sebagai bilangan pecahan; EYD V memisahkan ribuan dengan titik.", std, t.text, t.text), std))
	return true
}
