package grading

import (
	"fmt"
	"strings"
)

// An office written in lower case right before a person's name ("kata
// kepala dinas kesehatan dr. Rahmat Hidayat"): EYD V capitalises each word
// of a title followed by a person's name. An office that no name follows
// ("kata kepala dinas itu", "para kepala desa") stays lower case.

// officeStops end a lower-case office: words that begin a clause or point
// back, never a word of an office's name.
var officeStops = map[string]bool{
	"yang": true, "itu": true, "ini": true, "tersebut": true, "juga": true, "pun": true, "dari": true,
	"di": true, "ke": true, "pada": true, "untuk": true, "dengan": true, "bahwa": true, "adalah": true,
	"kata": true, "ujar": true, "tutur": true, "jelas": true, "sebagai": true, "selaku": true, "oleh": true,
	"bersama": true, "serta": true, "atau": true, "sudah": true, "telah": true, "akan": true, "masih": true,
}

// lowerOfficeBeforeName returns the last token of an office written in lower
// case from token i, its title word, when a person's name follows it: an
// honorific and a capitalised word ("dr. Rahmat") or a name word of the
// sheet's people. ok is false for a title in capitals, a generic title
// ("para kepala desa") and an office no name follows.
func (g *grader) lowerOfficeBeforeName(f *field, i int) (end int, ok bool) {
	t := f.toks[i]
	if t.capital || !titleWords[t.lower] || f.inQuote(t.start) || i > 0 && genericQuantifiers[f.toks[i-1].lower] {
		return 0, false
	}
	for j := i + 1; j < len(f.toks) && j <= i+7; j++ {
		w := f.toks[j]
		if f.slice(f.toks[j-1].end, w.start) != " " {
			return 0, false
		}
		if g.personAt(f, j) {
			if j == i+1 && w.capital {
				return 0, false // "camat Asep": checkCapitals' own case
			}
			return j - 1, true
		}
		if w.capital {
			return 0, false
		}
		if w.num || officeStops[w.lower] || prefixedVerb(w.lower) || len(w.lower) < 2 {
			return 0, false
		}
	}
	return 0, false
}

// personAt reports a person's name at token j: an honorific before a
// capitalised word, or a name word of the sheet's people.
func (g *grader) personAt(f *field, j int) bool {
	w := f.toks[j]
	if personHonorific(w.lower) && !socialHonorifics[w.lower] && j+1 < len(f.toks) && f.toks[j+1].capital {
		return true
	}
	if b := g.in.Brief; b != nil {
		for _, p := range b.Siapa {
			for _, n := range nameTokens(p.Nama) {
				if strings.EqualFold(n, w.text) {
					return true
				}
			}
		}
	}
	return false
}

// checkLowerOffice reports an office in lower case before a name, the whole
// office with its words capitalised as the fix, and returns true when token
// i needs no other capital check: it opens such an office or lies inside
// one already reported.
func (g *grader) checkLowerOffice(f *field, i int) bool {
	t := f.toks[i]
	if g.reportedAt(f, "kapital-jabatan", t.start, t.end) {
		return true
	}
	end, ok := g.lowerOfficeBeforeName(f, i)
	if !ok {
		return false
	}
	var fix []string
	for _, w := range f.toks[i : end+1] {
		if w.lower == "dan" {
			fix = append(fix, w.text)
			continue
		}
		fix = append(fix, capitalize(w.text))
	}
	std := strings.Join(fix, " ")
	g.noteBahasa("huruf kapital")
	g.add(f.finding("kapital-jabatan", SevPeringatan, t.start, f.toks[end].end,
		fmt.Sprintf("Jabatan yang diikuti nama orang ditulis dengan huruf kapital pada setiap unsurnya: \"%s\". Huruf kecil dipakai hanya bila jabatan tidak diikuti nama.", std), std))
	return true
}

// lowerOfficeNamed reports an office in lower case before a name: the
// release names an official with an office, only not in capitals.
func (g *grader) lowerOfficeNamed(f *field, i int) bool {
	_, ok := g.lowerOfficeBeforeName(f, i)
	return ok
}

// lowerOfficeSpan returns the office written in lower case right before
// the name that starts at token i ("kata sekretaris dinas kesehatan dr.
// Rahmat Hidayat"), from its title word.
func (g *grader) lowerOfficeSpan(f *field, i int) (officeSpan, bool) {
	h := i
	for h > 0 && personHonorific(f.toks[h-1].lower) {
		h--
	}
	for k := h - 1; k >= 0 && k >= h-1-officeReach; k-- {
		t := f.toks[k]
		if t.capital || k < h-1 && f.slice(t.end, f.toks[k+1].start) != " " {
			break
		}
		if !titleWords[t.lower] {
			continue
		}
		if end, ok := g.lowerOfficeBeforeName(f, k); ok && end == h-1 {
			return officeSpan{k, end}, true
		}
	}
	return officeSpan{}, false
}
