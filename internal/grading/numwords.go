package grading

import "github.com/bimtek/bimtek/internal/grading/extract"

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
