package extract

// Indonesian number words. EYD V writes numbers of one or two words in
// letters ("tiga perangkat", "enam belas April"), so a figure or the day of a
// date may appear as words, exact ("dua ratus lima puluh") or approximate
// ("belasan", "ratusan").

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

// IsNumberWord reports whether the lower-case word w can start a number
// written in words.
func IsNumberWord(w string) bool {
	_, d := digitWords[w]
	_, se := seWords[w]
	_, ap := approxWords[w]
	return d || se || ap
}

// IsDigitWord reports whether the lower-case word w is one of satu … sembilan.
func IsDigitWord(w string) bool {
	_, ok := digitWords[w]
	return ok
}

// ReadNumberWords reads number words starting at word(i), where word(k)
// returns the k-th lower-case word of a text and "" past its end. It returns
// the number as a range (lo == hi when exact) and the index of the word after
// it; ok is false when word(i) starts no number.
func ReadNumberWords(word func(k int) string, i int) (lo, hi float64, next int, ok bool) {
	var total, cur, pending float64
	havePending := false
	j := i
loop:
	for ; ; j++ {
		w := word(j)
		if w == "" {
			break
		}
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
				// "belasan ribu", "ratusan juta": the approximation counts thousands or millions.
				switch word(j + 1) {
				case "ribu":
					return a.lo * 1000, a.hi*1000 + 999, j + 2, true
				case "juta":
					return a.lo * 1e6, a.hi*1e6 + 999999, j + 2, true
				}
				return a.lo, a.hi, j + 1, true
			}
			if havePending && a.unit > 0 {
				base := total + cur + pending*a.unit
				return base, base + a.unit - 1, j + 1, true
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
	v := total + cur + pending
	if j == i || v == 0 {
		return 0, 0, i, false
	}
	return v, v, j, true
}

// dayWordAt reads a day of the month written in words at token i ("enam
// belas", "tiga puluh satu") and returns it with the number of its tokens.
func (d *doc) dayWordAt(i int) (day, n int) {
	if !IsNumberWord(d.lw(i)) {
		return 0, 0
	}
	lo, hi, next, ok := ReadNumberWords(d.lw, i)
	if !ok || lo != hi || lo < 1 || lo > 31 {
		return 0, 0
	}
	return int(lo), next - i
}
