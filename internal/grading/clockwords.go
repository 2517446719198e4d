package grading

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// Times of day in words: "pukul delapan pagi" is 08.00, "pukul empat
// sore" 16.00, "pukul setengah sembilan" 08.30. They are compared with
// the sheet's times like "pukul 08.00".

// dayParts turn an hour of the twelve-hour clock into the day's hour.
var dayParts = map[string]func(h int) int{
	"pagi": func(h int) int { return h % 12 },
	"siang": func(h int) int {
		if h >= 11 {
			return h
		}
		return h + 12
	},
	"sore":   func(h int) int { return h%12 + 12 },
	"petang": func(h int) int { return h%12 + 12 },
	"malam": func(h int) int {
		if h == 12 {
			return 0
		}
		if h >= 6 {
			return h + 12
		}
		return h
	},
}

// wordClock reads a time of day in words after "pukul" at token i: the
// clock keys it may stand for (both halves of the day when no part of the
// day is named) and the index of its last token.
func wordClock(f *field, i int) (keys []string, end int, ok bool) {
	if f.toks[i].lower != "pukul" && f.toks[i].lower != "jam" || f.toks[i].lower == "jam" && i > 0 && f.slice(f.toks[i-1].end, f.toks[i].start) == " " && (f.toks[i-1].num || extract.IsNumberWord(f.toks[i-1].lower)) {
		return nil, i, false // "24 jam 7 hari" is a length, not a time
	}
	return wordClockAt(f, i+1)
}

// wordClockAt reads the hour in words starting at token k ("delapan pagi",
// "setengah sembilan").
func wordClockAt(f *field, k int) (keys []string, end int, ok bool) {
	half := false
	if k < len(f.toks) && f.toks[k].lower == "setengah" {
		k, half = k+1, true
	}
	if k >= len(f.toks) || clockRe.MatchString(f.toks[k].text) {
		return nil, k, false // "pukul 08.00" is read as digits
	}
	var num wordNum
	next := k + 1
	if t := f.toks[k]; t.num {
		// "pukul 9 pagi": an hour without minutes.
		v, err := strconv.Atoi(t.text)
		if err != nil || len(t.text) > 2 {
			return nil, k, false
		}
		num = wordNum{float64(v), float64(v)}
	} else {
		var ok bool
		if num, next, ok = readWordNumber(f.toks, k); !ok {
			return nil, k, false
		}
	}
	if !num.exact() || num.lo < 1 || num.lo > 24 || num.lo != float64(int(num.lo)) {
		return nil, k, false
	}
	h, m := int(num.lo), 0
	if half {
		h, m = h-1, 30
		if h == 0 {
			h = 12
		}
	}
	end = next - 1
	hours := []int{h}
	if part, named := dayParts[safeLower(f, next)]; named && h <= 12 && f.sentenceOf(f.toks[next].start) == f.sentenceOf(f.toks[k].start) {
		hours, end = []int{part(h)}, next
	} else if h < 12 {
		hours = append(hours, h+12)
	}
	for _, hh := range hours {
		keys = append(keys, fmt.Sprintf("%02d.%02d", hh%24, m))
	}
	return keys, end, true
}

func safeLower(f *field, k int) string {
	if k < len(f.toks) {
		return f.toks[k].lower
	}
	return ""
}

// checkWordClock compares a time of day in words at token i (its "pukul")
// with the sheet, as checkSheetFacts compares digits: a range other than the
// sheet's, or a start other than the sheet's in the lead or after "mulai",
// contradicts it; another single time is a fact from outside the sheet. It
// returns the number of kesalahan and the index of the time's last token.
func (g *grader) checkWordClock(f *field, i int, b *Brief, sf sheetFacts) (int, int) {
	from, end, ok := wordClock(f, i)
	if !ok {
		return 0, i
	}
	// The range's end: "pukul delapan pagi hingga (pukul) tiga sore".
	var to []string
	if k := end + 1; k+1 < len(f.toks) && rangeWords[f.toks[k].lower] {
		at := k + 1
		if f.toks[at].lower == "dengan" && at+1 < len(f.toks) {
			at++
		}
		if f.toks[at].lower == "pukul" {
			at++
		}
		if keys, e, ok := wordClockAt(f, at); ok {
			to, end = keys, e
		}
	}
	s, e := f.toks[i].start, f.toks[end].end
	passage := f.slice(s, e)
	if len(to) > 0 {
		if len(sf.ranges) == 0 {
			return 0, end
		}
		for _, a := range from {
			for _, z := range to {
				if sf.ranges[a+"–"+z] {
					return 0, end
				}
			}
		}
		g.add(f.finding("jam-bertentangan", SevKesalahan, s, e,
			fmt.Sprintf("Jam \"%s\" tidak sesuai dengan lembar fakta, yang menyebut pukul %s. Jam yang salah membuat warga datang saat layanan sudah tutup.", passage, joinID(sortedKeys(sf.ranges))), ""))
		return 1, end
	}
	if len(sf.clocks) == 0 || slices.ContainsFunc(from, func(c string) bool { return sf.clocks[c] }) {
		return 0, end
	}
	before := ""
	if i > 0 {
		before = f.toks[i-1].lower
	}
	lead, _, inLead := f.writtenLead()
	if start := clockKey(b.Pukul); b.Pukul != "" && clockRe.MatchString(b.Pukul) &&
		(f == g.body && inLead && lead.Start <= s && s < lead.End || startWords[before]) {
		g.add(f.finding("jam-bertentangan", SevKesalahan, s, e,
			fmt.Sprintf("Jam \"%s\" tidak sesuai dengan lembar fakta: kegiatan dimulai pukul %s. Jam mulai yang salah membuat warga datang terlalu awal atau terlambat; salin jamnya dari lembar fakta.", passage, start), "pukul "+start))
		return 1, end
	}
	g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, s, e,
		fmt.Sprintf("\"%s\" tidak ada di lembar fakta; dalam latihan, pakai hanya fakta dari lembar fakta, karena fakta lain tidak dapat diperiksa. Lembar fakta hanya menyebut pukul %s; jam yang tidak dapat diperiksa bisa membuat warga datang pada waktu yang salah.", passage, joinID(sheetTimes(sf))), ""))
	return 0, end
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// wordClockStart reports whether token i starts a time of day in words.
func wordClockStart(f *field, i int) bool {
	_, _, ok := wordClock(f, i)
	return ok
}

// sheetTimes lists the sheet's times of day: its ranges, and its single
// times outside them.
func sheetTimes(sf sheetFacts) []string {
	want := sortedKeys(sf.ranges)
	for _, c := range sortedKeys(sf.clocks) {
		if !slices.ContainsFunc(want, func(r string) bool { return strings.Contains(r, c) }) {
			want = append(want, c)
		}
	}
	slices.Sort(want)
	return want
}
