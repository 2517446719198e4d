package grading

import "strings"

// titleCased reports a capital that says nothing about the word: a headline
// capitalises every word, so there "Layani" in "Di Layani" is the verb base,
// unless the release writes the word only with a capital (a name,
// "Di Cikadu").
func (g *grader) titleCased(f *field, t token) bool {
	return f.name == FieldJudul && t.capital && !t.allCaps && !g.nameWord(t.lower)
}

// suffixLikeAdverbs end like a verb in -i but are adverbs: "di buka kembali".
var suffixLikeAdverbs = wordSet(`kembali sendiri sekali nanti tadi pagi hari kali lagi sehari semuanya bersama`)

// compoundAfterDi reports a compound verb written apart after a split di-
// whose suffix closes the whole compound: "di tanda tangani", "di sebar
// luaskan", "di beri tahukan". With both affixes a compound is written as
// one word (EYD V): "ditandatangani", never "ditanda tangani". It returns
// the number of words after "di" that the verb spans (2), or 0.
func compoundAfterDi(f *field, i int) int {
	if i+2 >= len(f.toks) {
		return 0
	}
	first, second := f.toks[i+1], f.toks[i+2]
	if f.slice(f.toks[i].end, first.start) != " " || f.slice(first.end, second.start) != " " || first.num || second.num {
		return 0
	}
	if second.capital && f.name != FieldJudul || first.capital && f.name != FieldJudul {
		return 0
	}
	a, b := first.lower, second.lower
	if len(a) < 3 || strings.ContainsRune(a, '-') || strings.HasSuffix(a, "kan") || strings.HasSuffix(a, "an") ||
		diPlaces[a] || kePlaces[a] || diNouns[a] || iNouns[a] || placeQuantifiers[a] || suffixLikeAdverbs[b] || iNouns[b] || diPlaces[b] {
		return 0
	}
	switch {
	case strings.HasSuffix(b, "kan") && len(b) >= 6 && !strings.HasPrefix(b, "di") && !meNPrefixed(b) && !strings.HasPrefix(b, "ber") && !strings.HasPrefix(b, "ter"):
	case strings.HasSuffix(b, "i") && looksLikeIVerb(b) && !strings.HasPrefix(b, "di") && !meNPrefixed(b):
	default:
		return 0
	}
	// The suffixed word joins the base only when the base cannot take the
	// suffix alone: "tanda tangani" (no "tandai" here), "beri tahukan".
	return 2
}

// joinSplitDi writes the fix of a split di- at token i: the prefix joined
// to its base, and to the rest of a compound whose suffix closes it
// ("ditandatangani" for "di tanda tangani", not "ditanda"). It returns the
// end of the passage and the joined word, with the case of "di" as
// written.
func (g *grader) joinSplitDi(f *field, i int) (int, string) {
	t, next := f.toks[i], f.toks[i+1]
	if compoundAfterDi(f, i) > 0 {
		last := f.toks[i+2]
		return last.end, matchCase(t.text, "di"+next.lower+last.lower)
	}
	if eq, ok := nonStandard[next.lower]; ok && eq.kind == kindSpelling && !strings.Contains(eq.std, " ") {
		// a non-standard base takes its standard form: "diimbau" for "di himbau"
		return next.end, matchCase(t.text, "di"+eq.std)
	}
	if eq, ok := nonStandard[next.lower]; ok && eq.kind == kindForeign && !strings.Contains(eq.std, " ") {
		// a foreign base with an Indonesian equivalent: "diunggah" for "di upload"
		return next.end, matchCase(t.text, "di"+eq.std)
	}
	if foreignBase(next.lower) {
		// EYD V joins di- to a foreign base with a hyphen: "di-print"
		return next.end, matchCase(t.text, "di-"+next.lower)
	}
	return next.end, matchCase(t.text, "di"+next.lower)
}

// foreignBase tells an English base from an Indonesian one by spelling
// Indonesian words do not have: a final consonant cluster other than
// -ng, -ny, -ks, -rs ("print", "test"), a silent final e after a consonant
// with a vowel before it ("update", "share"), or a digraph such as sh, th,
// ph, ck, ou, ow, q or x ("upload", "follow").
func foreignBase(w string) bool {
	if len(w) < 3 {
		return false
	}
	for _, d := range []string{"sh", "th", "ph", "ck", "ou", "ow", "q", "x"} {
		if strings.Contains(w, d) {
			return true
		}
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	a, b := w[len(w)-2], w[len(w)-1]
	if !vowel(a) && !vowel(b) {
		switch w[len(w)-2:] {
		case "ng", "ny", "ks", "rs":
			return false
		}
		return true
	}
	return b == 'e' && !vowel(a) && vowel(w[len(w)-3]) && len(w) >= 5
}

// splitPrepFix writes the fix of a preposition joined to its word
// ("dikecamatan Cikadu"): the preposition takes a capital only where the
// sentence or the headline starts, whatever case the writer gave it
// ("DiKecamatan" mid-sentence); a region word takes one before a name
// ("di Kecamatan Cikadu") or in a title-case headline, and is lower case
// as a common noun ("di kecamatan itu").
func (g *grader) splitPrepFix(f *field, t token, prep, rest string) string {
	i := f.tokenAt(t.start)
	if i == 0 || i > 0 && f.name != FieldJudul && f.opensSentence(i) {
		prep = capitalize(prep)
	}
	lrest := strings.ToLower(rest)
	if regionWords[lrest] {
		named := i >= 0 && i+1 < len(f.toks) && f.toks[i+1].capital && !f.toks[i+1].allCaps && f.slice(t.end, f.toks[i+1].start) == " "
		if named || f.name == FieldJudul {
			return prep + " " + capitalize(lrest)
		}
		return prep + " " + lrest
	}
	return prep + " " + rest
}

// nameBase reports a bare verb base that the body writes only inside a
// service's name, after its head noun ("layanan jemput bola"), and never as
// a verb (no "menjemput", "dijemput"): after the headline's verb it names
// the service too ("Warga Cikadu Terlayani Perekaman KTP-el Jemput Bola"),
// it is not a second verb; as the first verb it is the predicate
// ("Disdukcapil Jemput Bola Perekaman KTP-el").
func (g *grader) nameBase(w string) bool {
	if len(w) < 4 || meNPrefixed(w) || strings.HasPrefix(w, "di") || strings.HasPrefix(w, "ter") || strings.HasPrefix(w, "ber") {
		return false
	}
	inName := false
	for i, t := range g.body.toks {
		if t.lower != w {
			continue
		}
		if i == 0 || !nounHeads[g.body.toks[i-1].lower] {
			return false
		}
		inName = true
	}
	return inName && !g.verbOfText(w)
}

// bodyNounPhrase reports a bare base at headline token i that ends a noun
// phrase the body writes in lower case ("Imunisasi Kejar" beside "pekan
// imunisasi kejar"): there it names the programme, it is not the
// headline's verb.
func (g *grader) bodyNounPhrase(i int) bool {
	h := g.head
	if i == 0 {
		return false
	}
	p, w := h.toks[i-1].lower, h.toks[i].lower
	if meNPrefixed(w) || strings.HasPrefix(w, "di") || strings.HasPrefix(w, "ter") || strings.HasPrefix(w, "ber") ||
		headlineVerbs[p] || diVerbs[p] || meNPrefixed(p) || strings.HasPrefix(p, "di") || headPrepositions[p] || h.toks[i-1].num {
		return false
	}
	b := g.body
	for k := 1; k < len(b.toks); k++ {
		if b.toks[k].lower == w && b.toks[k-1].lower == p && !b.toks[k].capital && b.slice(b.toks[k-1].end, b.toks[k].start) == " " {
			return true
		}
	}
	return false
}
