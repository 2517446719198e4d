package grading

import "strings"

// The body an office serves is named after its institution word: "Dinas
// Kesehatan", "Posyandu Melati", "Tim Siaga Bencana". The same title over
// another body of the same kind ("Kepala Dinas Sosial" for the sheet's
// "Kepala Dinas Kesehatan", "Kader Posyandu Mawar" for "Kader Posyandu
// Melati") is another office, held by another person.

// bodyName is the name of the body an office serves: its words, or one
// abbreviation ("kes" of "Dinkes", "PBD" of "BPBD") when the office writes
// the body short.
type bodyName struct {
	kind  string   // the institution, as institutionNouns gives it
	words []string // the name's words, lower case, without "dan"
	rest  []string // every word after the institution word, places too
	abbr  string   // the letters of an abbreviated name, lower case
	caps  bool     // abbr is an acronym of initials ("PBD", "PUPR")
}

// dinasShort reads a dinas written short ("Dinkes", "Disdukcapil",
// "Diskominfo"): the letters that name it.
func dinasShort(w string) string {
	if len(w) < 5 || w == "dinas" || !strings.HasPrefix(w, "dis") && !strings.HasPrefix(w, "din") {
		return ""
	}
	return w[3:]
}

// officeBody reads the body an office's words name, from its first
// institution word after the head; ok is false when the office names no
// body or names it without a name ("Kepala Dinas Kabupaten Sukamaju").
func officeBody(words []token) (bodyName, bool) {
	for k := 1; k < len(words); k++ {
		w := words[k]
		kind, short := institutionNouns[w.lower], ""
		if w.capital && kind == "" || kind == "dinas" && w.lower != "dinas" {
			short = dinasShort(w.lower) // "Dinkes", "Disparbud"
		}
		switch {
		case short != "":
			return bodyName{kind: "dinas", abbr: short}, true
		case kind == "":
			continue
		case kind != w.lower && w.lower != "rumah":
			// Another short name of the body: an acronym ("BPBD", "RSUD")
			// names it by its initials after the institution's.
			if w.allCaps && len(w.lower) > 2 {
				return bodyName{kind: kind, abbr: w.lower[1:], caps: true}, true
			}
			return bodyName{}, false
		}
		b := bodyName{kind: kind}
		for _, n := range words[k+1:] {
			b.rest = append(b.rest, n.lower)
		}
		for _, n := range words[k+1:] {
			if n.lower == "dan" {
				continue
			}
			if levelWords[n.lower] != 0 || placeHeads[n.lower] || areaTitles[n.lower] || institutionNouns[n.lower] != "" || n.num || !n.capital {
				break // "Posyandu Melati di Desa Sukasari": the name ends at "di"
			}
			if n.allCaps && len(b.words) == 0 {
				return bodyName{kind: kind, abbr: n.lower, caps: true}, true // "Dinas PUPR"
			}
			b.words = append(b.words, n.lower)
		}
		return b, len(b.words) > 0
	}
	return bodyName{}, false
}

// subsequence reports whether the letters of short occur in long in order.
func subsequence(short, long string) bool {
	k := 0
	for i := 0; i < len(long) && k < len(short); i++ {
		if long[i] == short[k] {
			k++
		}
	}
	return k == len(short)
}

// sameBody reports whether two names can name one body: words of b's
// office ("Kesehatan Sukamaju" of "Kesehatan Kabupaten Sukamaju"; a word
// one letter off is a typo, another check's business), or an
// abbreviation of the other's words, written as a word ("Dukcapil") or not.
func sameBody(a, b bodyName) bool {
	switch {
	case a.abbr != "" && b.abbr != "":
		return a.abbr == b.abbr || subsequence(a.abbr, b.abbr) || subsequence(b.abbr, a.abbr)
	case a.abbr != "":
		return abbrevOf(a, b.words)
	case b.abbr != "":
		return abbrevOf(b, a.words)
	}
	want := map[string]bool{}
	for _, w := range b.rest {
		want[w] = true
	}
	for _, w := range a.words {
		if want[w] {
			continue
		}
		close := len(a.words) == 1 && subsequence(w, strings.Join(b.words, "")) // "Dinas Kominfo"
		for _, x := range b.words {
			close = close || len(w) >= 5 && editDistance(w, x, 1) <= 1
		}
		if !close {
			return false
		}
	}
	return true
}

// abbrevOf reports an abbreviation that can stand for words: an acronym
// of their initials, or letters taken from them in order ("kominfo" of
// "komunikasi informatika", "dukcapil" of "kependudukan pencatatan sipil").
func abbrevOf(a bodyName, words []string) bool {
	if len(words) == 0 {
		return true
	}
	if a.caps {
		// An acronym may take in the place after the name: "Tim SBD" for
		// "Tim Siaga Bencana Desa".
		in := initials(words)
		if strings.HasPrefix(a.abbr, in) || strings.HasPrefix(in, a.abbr) {
			return true
		}
	}
	return subsequence(a.abbr, strings.Join(words, ""))
}

// otherBody reports an office that serves another body of the kind the
// sheet's office serves: "Kepala Dinas Sosial" for "Kepala Dinas
// Kesehatan", "Kader Posyandu Mawar" for "Kader Posyandu Melati".
func otherBody(office []token, jabatan string) bool {
	got, ok := officeBody(office)
	if !ok {
		return false
	}
	want, ok := officeBody(tokenize(jabatan, len([]rune(jabatan))))
	if !ok || got.kind != want.kind {
		return false
	}
	return !sameBody(got, want)
}
