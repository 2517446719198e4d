package grading

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Headline rules read by the word's form, not a list of examples: a
// function word inside a title-case headline keeps its lower case (EYD V,
// the course's "Judul dan Teras"), a headline must name something a reader
// can place, and a di- word of a verb's form is a passive verb.

// headFunctionWords are the kata tugas EYD V writes in lower case inside a
// title: prepositions and conjunctions. Words that double as verbs a
// headline writes bare ("Antar", "Sampai", "Bagi") are handled apart.
var headFunctionWords = wordSet(`di ke dari dan yang untuk pada kepada oleh atau dengan dalam tentang terhadap
atas sejak hingga serta demi tanpa per daripada antara bagi`)

// headVerbLikeFunctionWords are function words that a headline may also use
// as a bare verb: "Dinsos Bagi 500 Paket" (membagi). They are prepositions
// only after the headline's verb.
var headVerbLikeFunctionWords = wordSet(`bagi`)

// checkHeadlineCapitals reports the function words a title-case headline
// capitalises after its first word, with the headline fixed as the
// suggestion; it reports whether it found any.
func (g *grader) checkHeadlineCapitals() bool {
	h := g.head
	if len(h.toks) < 3 || !g.titleCase(h) {
		return false
	}
	var wrong []int
	verbSeen := false
	for i, t := range h.toks {
		if i > 0 && t.capital && !t.allCaps && headFunctionWords[t.lower] {
			switch {
			case t.lower == "di" && i+1 < len(h.toks) && (g.prefixDi(h, i) || compoundAfterDi(h, i) > 0):
				// "Di Buka": the prefix written apart, its own rule
			case t.lower == "ke" && i+1 < len(h.toks) && h.toks[i+1].num:
				// "Ke 28": an ordinal, whose rule is the hyphen
			case headVerbLikeFunctionWords[t.lower] && !verbSeen:
			case g.nameWord(t.lower) || h.slice(h.toks[i-1].end, t.start) != " ":
				// part of a name the body capitalises, or after a mark
			default:
				wrong = append(wrong, i)
			}
		}
		if g.verbKind(t) > 0 {
			verbSeen = true
		}
	}
	if len(wrong) == 0 {
		return false
	}
	fixed := []byte(h.text)
	var words []string
	for k := len(wrong) - 1; k >= 0; k-- {
		t := h.toks[wrong[k]]
		words = append([]string{"\"" + t.text + "\""}, words...)
		b0, b1 := h.offs[t.start], h.offs[t.end]
		fixed = append(fixed[:b0:b0], append([]byte(t.lower), fixed[b1:]...)...)
	}
	s, e := h.toks[0].start, h.toks[len(h.toks)-1].end
	sugg := strings.TrimSpace(string(fixed))
	g.noteBahasa("huruf kapital")
	g.add(h.finding("kapital-kata-tugas-judul", SevPeringatan, s, e,
		fmt.Sprintf("Kata tugas %s di tengah judul ditulis dengan huruf kecil. Menurut EYD V, huruf pertama setiap kata judul ditulis kapital, kecuali kata tugas seperti di, ke, dari, dan, yang, untuk, dan bagi yang tidak berada di awal judul: \"%s\".", joinID(words), sugg), sugg))
	return true
}

// titleCase reports a headline that capitalises most of its content words,
// so that a capital on a function word is the writer's mistake and not a
// name's.
func (g *grader) titleCase(h *field) bool {
	content, caps := 0, 0
	for _, t := range h.toks {
		if t.num || headFunctionWords[t.lower] {
			continue
		}
		content++
		if t.capital {
			caps++
		}
	}
	return content >= 2 && caps*4 >= content*3
}

// plainlyConcrete reports a headline word a reader can place by its form
// or the lexicons alone: a number, an acronym or a word with a capital
// inside ("BPBD", "KTP-el"), a number word, a title, a region or an office.
func plainlyConcrete(t token) bool {
	if t.num || t.allCaps && utf8.RuneCountInString(t.text) >= 2 {
		return true
	}
	for k, r := range t.text {
		if k > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	w := t.lower
	return numberWords[w] || vagueAmounts[w] || titleWords[w] || regionWords[w] || institutionWords[w]
}

// concreteHeadToken reports a headline word a reader can place: one
// plainlyConcrete, or a name the body or the sheet writes with a capital.
func (g *grader) concreteHeadToken(t token) bool {
	w := t.lower
	if plainlyConcrete(t) || g.nameWord(w) {
		return true
	}
	// an office's short form the body never writes in lower case
	// ("Dinkop", "Distan", "Pemkot"): a name, though no lexicon holds it
	for _, p := range agencyPrefixes {
		if strings.HasPrefix(w, p) && len(w) <= 14 && !g.bodyLower(w) && g.verbKind(t) == 0 {
			return true
		}
	}
	return false
}

// institutionWords name an office or a public place: a headline naming
// one says who or where.
var institutionWords = wordSet(`pemkab pemkot pemprov pemda pemdes dinas badan kantor puskesmas posyandu rsud
sekolah polres polsek kodim koramil satpol dprd bpbd bupati gubernur camat lurah kades`)

// agencyPrefixes begin the short forms of offices: "Dinkes", "Disdik",
// "Pemkot", "Kemenkes", "Bappeda".
var agencyPrefixes = []string{"din", "dis", "pem", "kemen", "bapp", "bp", "dp", "dlh"}

// bodyLower reports whether the body writes w in lower case somewhere.
func (g *grader) bodyLower(w string) bool {
	for _, t := range g.body.toks {
		if !t.capital && t.lower == w {
			return true
		}
	}
	return false
}

// abstractHeadline reports a headline with no word a reader can place:
// no actor, place or number ("Pelayanan Terus Ditingkatkan").
func (g *grader) abstractHeadline() bool {
	h := g.head
	if len(h.toks) == 0 || len(g.body.toks) == 0 {
		return false
	}
	// the lexicons first: most headlines hold a number or an office, and
	// the body's names are then never collected
	for _, t := range h.toks {
		if plainlyConcrete(t) {
			return false
		}
	}
	for _, t := range h.toks {
		if g.concreteHeadToken(t) {
			return false
		}
	}
	return true
}

// notDiVerbs begin with "di" but are nouns, adjectives or names of offices:
// "Diskusi", "Digital", "Dinkes".
var notDiVerbs = wordSet(`dia diri dirinya dinas dinding digital diskusi dialog diare dirgahayu disabilitas
distribusi direktur direktorat direksi dinamika dinamis dingin dini diploma diplomat diplomasi dimensi diet
diesel disiplin diskon diagnosis diagnosa diaspora dividen divisi dimana dimanapun diantara diantaranya
distrik dilema diktator dirut dirjen dirgantara disertasi disparitas disposisi dispensasi dinasti diorama
dinkes dinsos disdik dispar diskominfo disdukcapil dishub disnaker distan diskop disperindag dispora dispusip
disperkim disbun dispertan diskes dinpar disparbud`)

// diMorphology reports a word of the passive prefix di- by its form alone:
// di- before a stem of at least four letters that is no place ("dikantor"
// is the preposition joined by mistake) and no listed noun.
func diMorphology(w string) bool {
	stem, ok := strings.CutPrefix(w, "di")
	if !ok || utf8.RuneCountInString(stem) < 4 || notDiVerbs[w] || diPlaces[stem] || kePlaces[stem] {
		return false
	}
	for _, r := range stem {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return stemOnset(stem)
}

// stemOnsets are the consonant pairs an Indonesian stem may open with
// ("prioritaskan", "ny-", "kh-"); "Dinkes" (n-k) or "Disdik" (s-d) is no
// di- verb.
var stemOnsets = wordSet(`pr tr kr gr br dr bl kl pl fl gl sl st sp sk sw sm sn ny ng kh sy tw`)

// stemOnset reports whether a stem opens as an Indonesian word may: with a
// vowel, a consonant and a vowel, or a consonant pair of stemOnsets.
func stemOnset(stem string) bool {
	vowel := func(b byte) bool { return strings.IndexByte("aiueo", b) >= 0 }
	if len(stem) < 2 {
		return false
	}
	return vowel(stem[0]) || vowel(stem[1]) || stemOnsets[stem[:2]]
}

// genericHeadWords fit any office's headline on any day: its constancy,
// its effort and its public ("Terus Tingkatkan Pelayanan kepada
// Masyarakat").
var genericHeadWords = wordSet(`terus tingkatkan meningkatkan peningkatan wujudkan mewujudkan optimalkan mengoptimalkan
maksimalkan memaksimalkan komitmen berkomitmen dukung mendukung dorong mendorong perkuat memperkuat berupaya upaya
lakukan melakukan hadirkan menghadirkan berikan memberikan beri pelayanan layanan masyarakat warga rakyat publik
kualitas mutu kesejahteraan pembangunan kinerja inovasi program kegiatan prima terbaik maksimal optimal kepada bagi
untuk demi dan serta yang dalam dengan siap selalu senantiasa semakin makin lebih baik sinergi kolaborasi bersama
wujud nyata kepedulian hadir pemerintah daerah perhatian fokus prioritaskan utamakan`)

// actorOnlyHeadline reports a headline that names its actor and nothing
// else a reader can place: every other word generic, and at least two of
// them ("Pemkab Sukamaju Terus Tingkatkan Pelayanan kepada Masyarakat").
func (g *grader) actorOnlyHeadline() bool {
	generic, actor := 0, 0
	for _, t := range g.head.toks {
		if t.num {
			return false
		}
		if genericHeadWords[t.lower] {
			generic++
		}
	}
	if generic < 3 {
		return false // before the body's names are collected (nameWord)
	}
	for _, t := range g.head.toks {
		switch {
		case genericHeadWords[t.lower]:
		case g.concreteHeadToken(t):
			actor++
		default:
			return false
		}
	}
	return actor > 0
}
