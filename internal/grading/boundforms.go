package grading

import (
	"fmt"
	"strings"
	"unicode"
)

// boundForms are the bound forms EYD V writes onto the word they modify
// ("pascabencana", "antardesa", "nonformal"), with a hyphen only before a
// capital ("pasca-Lebaran", "non-ASN"). None of them stands alone as a
// word in a release, so "pasca banjir" is the bound form written apart.
var boundForms = wordSet(`pasca antar pra non multi swa sub ultra supra intra infra`)

// narrowBoundForms combine with a few bases only; elsewhere the word is
// another one ("ikan tuna", "Asosiasi Tuna Longline").
var narrowBoundForms = map[string]map[string]bool{
	"tuna":  wordSet(`netra rungu wicara daksa grahita laras susila wisma aksara karya busana`),
	"purna": wordSet(`bakti tugas waktu jual wirawan`),
}

// boundFormBase reports whether w may follow the bound form b as its base:
// a word of letters, not a number, and for antar- no ordinal or "para"
// ("antar kedua negara" is "antara" mistyped) and no "jemput" (the
// compound "antar-jemput").
func boundFormBase(b, w string) bool {
	if len(w) < 3 || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) >= 0 {
		return false
	}
	if set, ok := narrowBoundForms[b]; ok {
		return set[w]
	}
	if !boundForms[b] {
		return false
	}
	if b == "antar" && (w == "jemput" || w == "para" || strings.HasPrefix(w, "ke") && numberWords[strings.TrimPrefix(w, "ke")]) {
		return false
	}
	return true
}

// checkBoundForm flags a bound form written apart from its word ("pasca
// banjir", "antar desa", "Pasca Lebaran" for "pasca-Lebaran") and one
// joined with a hyphen to a lower-case word ("non-formal"). It reports
// whether it added a finding.
func (g *grader) checkBoundForm(f *field, i int) bool {
	t := f.toks[i]
	if t.num || t.allCaps && len(t.text) > 1 {
		return false
	}
	if b, rest, ok := strings.Cut(t.lower, "-"); ok {
		// "pasca-banjir": the hyphen belongs before a capital only.
		r := []rune(t.text)[len([]rune(b))+1:]
		if len(r) == 0 || unicode.IsUpper(r[0]) || strings.Contains(rest, "-") || !boundFormBase(b, rest) {
			return false
		}
		std := t.text[:len(b)] + rest
		g.noteBahasa("bentuk terikat")
		g.add(f.finding("bentuk-terikat", SevSaran, t.start, t.end,
			fmt.Sprintf("\"%s\" adalah bentuk terikat; EYD V menuliskannya serangkai dengan kata berikutnya tanpa tanda hubung: \"%s\". Tanda hubung hanya dipakai jika kata berikutnya diawali huruf kapital, misalnya \"non-ASN\".", b, std), std))
		return true
	}
	if i+1 >= len(f.toks) || f.slice(t.end, f.toks[i+1].start) != " " {
		return false
	}
	next := f.toks[i+1]
	if next.num || !boundFormBase(t.lower, next.lower) {
		return false
	}
	if t.lower == "antar" && i > 0 && diAuxiliaries[f.toks[i-1].lower] {
		return false // the verb: "akan antar"
	}
	// A base that is a name keeps its capital behind a hyphen ("pasca
	// Lebaran" → "pasca-Lebaran"); a capital only of a title-case heading
	// or name ("Pasca Imunisasi") is no name, and the words join.
	var std string
	if next.capital && (next.allCaps || !g.titleCased(f, next) && g.nameOrHoliday(f, i+1)) {
		std = t.text + "-" + next.text
	} else {
		std = t.text + next.lower
	}
	g.noteBahasa("bentuk terikat")
	g.add(f.finding("bentuk-terikat", SevPeringatan, t.start, next.end,
		fmt.Sprintf("\"%s\" adalah bentuk terikat, bukan kata yang berdiri sendiri, jadi ditulis serangkai dengan kata berikutnya: \"%s\". Tanda hubung dipakai hanya jika kata berikutnya diawali huruf kapital, misalnya \"pasca-Lebaran\" atau \"non-ASN\".", t.text, std), std))
	return true
}

// nameOrHoliday reports a capitalised word at token k that is a name by
// itself, not capitalised for a heading or a title: a word the release
// writes only with a capital, a month or day name, or a word that opens no
// sentence and has no capital before it in a title-case run.
func (g *grader) nameOrHoliday(f *field, k int) bool {
	t := f.toks[k]
	if t.is(lexMonthName) || t.is(lexDayName) || g.nameWord(t.lower) {
		return true
	}
	// In "Kejadian Ikutan Pasca Imunisasi" the capitals run through a
	// name; a lone capital after a lower-case bound form is a name.
	return !f.toks[k-1].capital
}
