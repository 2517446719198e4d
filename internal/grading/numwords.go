package grading

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

var digitWords = map[string]float64{
	"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
}

// seWords are the se- forms: sepuluh = 10, seratus = 100, seribu = 1000.
var seWords = map[string]float64{"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "sejuta": 1e6}

// approxWords name a range instead of a count; with a digit word before them
// ("tiga puluhan") the range narrows to that decade.
var approxWords = map[string]struct{ lo, hi, unit float64 }{
	"belasan": {11, 19, 0}, "puluhan": {20, 99, 10}, "ratusan": {100, 999, 100},
	"ribuan": {1000, 999999, 1000}, "jutaan": {1e6, 999999999, 1e6},
}

// readWordNumber reads number words starting at token i and returns the
// number and the index of the token after it. ok is false when toks[i]
// starts no number word.
func readWordNumber(toks []token, i int) (num wordNum, next int, ok bool) {
	var total, cur, pending float64
	havePending := false
	j := i
loop:
	for ; j < len(toks); j++ {
		w := toks[j].lower
		if d, isDigit := digitWords[w]; isDigit {
			if havePending {
				break
			}
			pending, havePending = d, true
			continue
		}
		if v, isSe := seWords[w]; isSe {
			if havePending {
				break
			}
			switch v {
			case 1000, 1e6:
				total += cur + v
				cur = 0
			default:
				cur += v
			}
			continue
		}
		if a, isApprox := approxWords[w]; isApprox {
			if j == i {
				return wordNum{a.lo, a.hi}, j + 1, true
			}
			if havePending && a.unit > 0 {
				lo := pending * a.unit
				return wordNum{total + cur + lo, total + cur + lo + a.unit - 1}, j + 1, true
			}
			break
		}
		switch w {
		case "belas":
			if !havePending {
				break loop
			}
			cur += 10 + pending
		case "puluh":
			if !havePending {
				break loop
			}
			cur += pending * 10
		case "ratus":
			if !havePending {
				break loop
			}
			cur += pending * 100
		case "ribu":
			if !havePending && cur == 0 {
				break loop
			}
			total += (cur + pending) * 1000
			cur = 0
		case "juta":
			if !havePending && cur == 0 {
				break loop
			}
			total += (cur + pending) * 1e6
			cur = 0
		default:
			break loop
		}
		pending, havePending = 0, false
	}
	if j == i {
		return wordNum{}, i, false
	}
	v := total + cur + pending
	if v == 0 {
		return wordNum{}, i, false
	}
	return wordNum{v, v}, j, true
}

// numberWordFor writes small counts as EYD V prefers in running text.
func numberWordFor(v float64) (string, bool) {
	words := []string{"", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"}
	if v >= 1 && v <= 10 && v == float64(int(v)) {
		return words[int(v)], true
	}
	return "", false
}
