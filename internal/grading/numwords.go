package grading

import (
	"math"

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
