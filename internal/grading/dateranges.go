package grading

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

var monthAlt = "(" + strings.Join(monthLong[1:], "|") + ")"

// dayWords are the days of a month in words, longest first so that "dua
// puluh tujuh" is not read as "dua".
var dayWords = func() map[string]int {
	ones := []string{"", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"}
	w := map[string]int{"sepuluh": 10, "sebelas": 11, "dua puluh": 20, "tiga puluh": 30, "tiga puluh satu": 31}
	for d := 1; d <= 9; d++ {
		w[ones[d]] = d
		if d >= 2 {
			w[ones[d]+" belas"] = 10 + d
		}
		w["dua puluh "+ones[d]] = 20 + d
	}
	return w
}()

var dayAlt = func() string {
	var ws []string
	for w := range dayWords {
		ws = append(ws, w)
	}
	slices.SortFunc(ws, func(a, b string) int { return len(b) - len(a) })
	return "[0-3]?[0-9]|" + strings.Join(ws, "|")
}()

// dateRangeRe reads a range of dates: "27 April–2 Mei 2026", "14–15 Oktober
// 2026", "27 April s.d. 2 Mei", "14 sampai 15 Oktober", "empat belas hingga
// lima belas Oktober".
var dateRangeRe = regexp.MustCompile(`\b(` + dayAlt + `)(?:\s+` + monthAlt + `)?(?:\s+[0-9]{4})?\s*(?:–|—|-|s\.d\.?|sd|s/d|sampai dengan|sampai|hingga)\s*(` + dayAlt + `)\s+` + monthAlt + `\b`)

// dayValue reads a day of the month in digits or words.
func dayValue(s string) int {
	if d, err := strconv.Atoi(s); err == nil {
		return d
	}
	return dayWords[s]
}

// dateRangeKey is "27/4–2/5" for a match of dateRangeRe.
func dateRangeKey(m []string) (key, start string) {
	d1 := dayValue(m[1])
	d2 := dayValue(m[3])
	m2 := slices.Index(monthLong[:], m[4])
	m1 := m2
	if m[2] != "" {
		m1 = slices.Index(monthLong[:], m[2])
	}
	start = fmt.Sprintf("%d/%d", d1, m1)
	return fmt.Sprintf("%s–%d/%d", start, d2, m2), start
}

// checkDateRanges compares every range of dates in the release with the
// sheet's: "27 April–3 Mei" for the sheet's 27 April–2 Mei sends parents on a
// day without service. A range whose start date is already reported as
// contradicting the sheet is not reported twice.
func (g *grader) checkDateRanges(b *Brief) int {
	sheet := map[string]string{} // key → the sheet's words
	for _, s := range []string{b.Apa, b.Mengapa, b.Bagaimana, b.DiMana} {
		for _, m := range dateRangeRe.FindAllStringSubmatch(s, -1) {
			if k, _ := dateRangeKey(m); sheet[k] == "" {
				sheet[k] = m[0]
			}
		}
	}
	for _, fig := range b.Angka {
		for _, m := range dateRangeRe.FindAllStringSubmatch(fig.Keterangan, -1) {
			if k, _ := dateRangeKey(m); sheet[k] == "" {
				sheet[k] = m[0]
			}
		}
	}
	if len(sheet) == 0 {
		return 0
	}
	var want []string
	for _, w := range sheet {
		if !slices.Contains(want, w) {
			want = append(want, w)
		}
	}
	slices.Sort(want)
	n := 0
	for _, f := range []*field{g.head, g.body} {
		for _, ix := range dateRangeRe.FindAllStringSubmatchIndex(f.text, -1) {
			m := make([]string, 5)
			for k := range m {
				if ix[2*k] >= 0 {
					m[k] = f.text[ix[2*k]:ix[2*k+1]]
				}
			}
			if ix[0] > 0 && strings.ContainsRune(".:,/", rune(f.text[ix[0]-1])) || m[1] == "0" || m[1] == "00" {
				continue // "08.00 hingga 15 Oktober" starts inside a time
			}
			key, _ := dateRangeKey(m)
			if _, ok := sheet[key]; ok {
				continue
			}
			s := utf8.RuneCountInString(f.text[:ix[0]])
			e := s + utf8.RuneCountInString(m[0])
			if f.inQuote(s) || g.reportedAt(f, "tanggal-bertentangan", s, e) {
				continue
			}
			n++
			g.add(f.finding("tanggal-bertentangan", SevKesalahan, s, e,
				fmt.Sprintf("Rentang tanggal \"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s. Rentang yang salah membuat warga datang pada hari tanpa layanan; salin rentangnya dari lembar fakta.", m[0], strings.Join(want, ", ")), ""))
		}
	}
	return n
}

// reportedAt reports a finding of rule on field f overlapping start–end.
func (g *grader) reportedAt(f *field, rule string, start, end int) bool {
	for _, fd := range g.findings {
		if fd.Rule == rule && fd.Field == f.name && fd.Start < end && start < fd.End {
			return true
		}
	}
	return false
}
