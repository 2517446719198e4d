package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Named mentions (people, titles, organisations, places) are found on runs of
// capitalised tokens. Each token of a run gets a class from the lexicons and
// its shape; a small grammar over the classes splits the run into mentions
// ("Kepala Dinkes Sukamaju" title, "dr. Rahmat Hidayat" person). Context then
// decides what a bare name is: after "di" it is a place, after "kata" a person.

// mKind is the kind of a named mention.
type mKind uint8

const (
	mEntity mKind = iota // a person or an organisation, not told apart
	mPerson
	mTitle
	mOrg
	mPlace
	mRegion // a province or country name: a place only where the context says so
)

type mention struct {
	a, b int // token range [a, b)
	kind mKind
}

type wclass uint8

const (
	cName wclass = iota
	cHonor
	cTitle
	cOrg
	cOrgAcr
	cPlace
	cRegion
	cAcr
	cCommon
	cRoman
	cDot
	cConn
	cParen // "(ACR)" expansion, three tokens, classed on the "("
)

// titleSecond are the second words of two-word titles.
var titleSecond = pairSet(`jaksa_agung juru_bicara perdana_menteri duta_besar panglima_besar
ketua_umum ketua_harian sekretaris_jenderal sekretaris_daerah sekretaris_jendral kepala_staf
direktur_utama direktur_jenderal direktur_eksekutif menteri_koordinator wakil_ketua
kepala_pelaksana pelaksana_tugas pelaksana_harian calon_presiden guru_besar ketua_dewan
jenderal_polisi jendral_polisi komjen_pol irjen_pol brigjen_pol kombes_pol akbp_pol
manajer_umum`)

// pairSet reads "first_second" word pairs.
func pairSet(list string) map[[2]string]bool {
	m := make(map[[2]string]bool)
	for _, p := range strings.Fields(list) {
		if k := strings.IndexByte(p, '_'); k > 0 {
			m[[2]string{p[:k], p[k+1:]}] = true
		}
	}
	return m
}

// compassWords qualify a place name ("Jakarta Pusat", "Sulawesi Tenggara").
var compassWords = wordSet(`utara selatan barat timur tengah pusat raya tenggara daya laut`)

// addressWords are forms of address (and the academic rank "Prof.") that
// mark a person but are no part of the name ("Pak Jokowi", "Ny. Herawati");
// titles Indonesian names carry (H., Hj., KH, Tb, dr., Ir.) stay in the span.
var addressWords = wordSet(`pak bapak bu ibu ny nyonya sdr sdri saudara saudari tuan mas mbak kang nn
prof`)

// headlineLower are short function words a title-case headline leaves in lower case.
var headlineLower = wordSet(`yang untuk dengan dari pada oleh bagi atau akan dalam tentang serta para
sebagai agar jadi lewat usai saat jelang`)

// analysis holds everything Elements derives from a doc.
type analysis struct {
	d        *doc
	dates    []Date
	inDate   []bool
	initial  []bool // first word of a sentence or of a quotation
	first    []bool // first word of a sentence
	title    []bool // token lies in a title-case or all-caps sentence
	caps     []bool // token lies in an all-caps sentence
	ments    []mention
	cls      []clsMemo
	known    map[string]bool // lower-case tokens of person names found
	dateline [2]int          // the place of the dateline, token range
	pred     []int           // per sentence: where its main predicate starts (lazy, -1 unknown)
	lineEnd  int             // tokens before this index form the dateline
}

func (an *analysis) tok(i int) *token { return &an.d.toks[i] }

// capish tells whether token i can be part of a capitalised run.
func (an *analysis) capish(i int) bool {
	if i < 0 || i >= len(an.d.toks) {
		return false
	}
	t := &an.d.toks[i]
	if t.kind != kWord || an.inDate[i] {
		return false
	}
	if !t.upper {
		// "dr. Rahmat", "drg. Sari": lower-case honorifics before a name
		if an.d.flags[i]&fHonor != 0 && i+2 < len(an.d.toks) && an.d.toks[i+1].text == "." && an.d.toks[i+2].upper {
			return true
		}
		// "al-Maliki": a particle joined to a capitalised name
		if k := strings.IndexByte(t.text, '-'); k > 0 && k+1 < len(t.text) {
			r, _ := utf8.DecodeRuneInString(t.text[k+1:])
			return unicode.IsUpper(r) && t.lower[:k] != "di"
		}
		return false
	}
	if t.digit && len(t.lower) > 2 && t.lower[:2] == "rp" {
		return false // "Rp75.000"
	}
	return an.d.flags[i]&fNonEntity == 0
}

func isRomanCaps(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'I', 'V', 'X':
		default:
			return false
		}
	}
	return true
}

// regionAt returns the length of a province, island, country or continent name at i.
func (an *analysis) regionAt(i int) int {
	conts, ok := regionPhrases[an.d.lw(i)]
	if !ok {
		return 0
	}
	best := 0
	for _, rest := range conts {
		n := 1 + len(rest)
		if n <= best {
			continue
		}
		match := true
		for k, w := range rest {
			if an.d.lw(i+1+k) != w || !an.capish(i+1+k) && !an.tok(i+1+k).upper {
				match = false
				break
			}
		}
		if match {
			best = n
		}
	}
	return best
}

// morphCommon tells words whose affixes mark a common noun or verb, which a
// personal name almost never has.
func morphCommon(w string) bool {
	return morphNoun(w) || isVerbWord(w)
}

// morphNoun tells words whose affixes mark a common noun: ke-…-an, pe-…-an,
// peN- agents, loanword endings (-asi, -itas, -isme, -logi) and reduplication.
func morphNoun(w string) bool {
	n := len(w)
	if n >= 7 && strings.HasPrefix(w, "ke") && strings.HasSuffix(w, "an") {
		return true
	}
	if n >= 7 && strings.HasPrefix(w, "pe") && strings.HasSuffix(w, "an") && peStem(w) {
		return true
	}
	if n >= 7 {
		for _, p := range []string{"peng", "peny", "pemb", "pemp", "pend", "pent", "penj", "penc", "peme", "pene"} {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	if n >= 6 {
		for _, s := range []string{"asi", "ksi", "usi", "itas", "isme", "nya", "logi", "grafi"} {
			if strings.HasSuffix(w, s) {
				return true
			}
		}
	}
	if k := strings.IndexByte(w, '-'); k > 0 && w[:k] == w[k+1:] {
		return true // "masing-masing"
	}
	return false
}

// peStem tells whether a word starting with "pe" splits into a peN-/per-
// prefix and a stem that starts like an Indonesian syllable, which names such
// as "Perlman" do not.
func peStem(w string) bool {
	for _, p := range []string{"peny", "peng", "pem", "pen", "per", "pel", "pe"} {
		if !strings.HasPrefix(w, p) || len(w) < len(p)+2 {
			continue
		}
		a, b := w[len(p)], w[len(p)+1]
		if isVowel(a) || isVowel(b) {
			return true
		}
	}
	return false
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// isVerbWord recognises verbs by their affixes (meN-, di-, ber-, ter-, -kan)
// and a list of common bare verbs.
func isVerbWord(w string) bool {
	if verbStop[w] {
		return false
	}
	if baseVerbs[w] {
		return true
	}
	n := len(w)
	switch {
	case n >= 5 && strings.HasPrefix(w, "me") && !strings.HasPrefix(w, "mei"):
		c := w[2]
		return c == 'm' || c == 'n' || c == 'l' || c == 'r' || c == 'w' || c == 'y'
	case n >= 6 && strings.HasPrefix(w, "di"):
		// "Disdagkop", "Dinkes", "Dishub": agency acronyms, not di- verbs
		if c := w[3]; (w[2] == 's' || w[2] == 'n') && !isVowel(c) && c != 'y' && c != 'g' {
			return false
		}
		return true
	case n >= 6 && strings.HasPrefix(w, "ber"):
		return true
	case n >= 6 && strings.HasPrefix(w, "ter"):
		return true
	case n >= 7 && strings.HasSuffix(w, "kan") && !strings.HasPrefix(w, "ke") && !strings.HasPrefix(w, "pe"):
		return true
	}
	return false
}

// meNameAt reports a capitalised word that opens a sentence looking like a
// meN- verb but standing where the subject stands: a name ("Melinda
// mengajak…", "Meliana Sari membagikan…", "Merlina, kader…"). A verb that
// opens a sentence is followed by its object or a clause ("Mewakili Bupati,
// Sekda membuka…"), not straight by another verb or by a comma.
func (an *analysis) meNameAt(i int) bool {
	if !strings.HasPrefix(an.tok(i).lower, "me") || baseVerbs[an.tok(i).lower] {
		return false
	}
	n := len(an.d.toks)
	j := i + 1
	for j < n && j <= i+3 && an.tok(j).kind == kWord && an.tok(j).upper && an.d.flags[j]&(fTitle|fOrgHead|fPlaceHead|fCommon) == 0 {
		j++
	}
	if j >= n {
		return false
	}
	t := an.tok(j)
	if j == i+1 && t.kind == kPunct && t.text == "," {
		return true
	}
	if t.kind != kWord || t.upper {
		return false
	}
	w := t.lower
	return isVerbWord(w) && (strings.HasPrefix(w, "me") || strings.HasPrefix(w, "di") || strings.HasPrefix(w, "ber"))
}

// classify gives token i its class; n > 1 when a multi-word region matched.
func (an *analysis) classify(i int) (wclass, int) {
	if i < 0 || i >= len(an.d.toks) {
		return cConn, 1
	}
	// classes depend only on the token, its neighbours and the sentence
	// flags, so they are computed once per token
	if c := an.cls[i]; c.ok {
		return c.c, int(c.n)
	}
	c, n := an.classify1(i)
	an.cls[i] = clsMemo{c: c, n: uint8(min(n, 255)), ok: true}
	return c, n
}

type clsMemo struct {
	c  wclass
	n  uint8
	ok bool
}

func (an *analysis) classify1(i int) (wclass, int) {
	t := an.tok(i)
	w := t.lower
	if t.kind == kPunct {
		if t.text == "." {
			return cDot, 1
		}
		if t.text == "(" {
			return cParen, 3
		}
		return cConn, 1
	}
	if !t.upper && !an.capish(i) {
		return cConn, 1
	}
	nextDot := an.d.lw(i+1) == "." && !an.tok(i+1).space
	f := an.d.flags[i]
	if f&fHonor != 0 && (nextDot || an.capish(i+1)) && (utf8.RuneCountInString(w) > 1 || nextDot) {
		return cHonor, 1
	}
	if f&fRegion != 0 {
		if n := an.regionAt(i); n > 0 {
			return cRegion, n
		}
	}
	if f&fTitle != 0 {
		return cTitle, 1
	}
	if f&fOrgAcr != 0 {
		return cOrgAcr, 1
	}
	if f&fOrgHead != 0 {
		nx := an.d.lw(i + 1)
		switch {
		case (w == "pemerintah" || w == "pemerintahan") && !placeHeads[nx] && nx != "daerah":
			return cCommon, 1 // "Pemerintah Indonesia"; but "Pemerintah Kabupaten X"
		case w == "komisi" && i+1 < len(an.d.toks) && isRomanCaps(an.tok(i+1).text):
			return cCommon, 1 // "Komisi III": a unit of a body, not the body
		case w == "dewan" && nx == "pimpinan":
			return cCommon, 1
		}
		return cOrg, 1
	}
	if f&fPlaceHead != 0 {
		return cPlace, 1
	}
	if f&fPlaceAcr != 0 && t.caps {
		return cRegion, 1
	}
	if len(t.text) == 1 && isRomanCaps(t.text) && !(t.text == "I" && an.capish(i+1)) {
		return cRoman, 1 // "Komisi I"; but "I Made Mudharta"
	}
	if t.caps && !an.caps[i] && f&fCommon == 0 {
		if isRomanCaps(t.text) {
			return cRoman, 1
		}
		return cAcr, 1
	}
	// Verb morphology only counts where capitals carry no news: a name in
	// mid-sentence may well look like a verb ("Mendur", "Bernard").
	if f&fCommon != 0 || morphNoun(w) || ((an.initial[i] || an.title[i]) && (baseVerbs[w] || len(w) >= 7 && isVerbWord(w)) && !an.meNameAt(i)) {
		return cCommon, 1
	}
	if f&fDateStart != 0 {
		if _, ok := monthsFull[w]; ok {
			return cCommon, 1
		}
		if _, ok := weekdays[w]; ok {
			return cCommon, 1
		}
	}
	return cName, 1
}

// analyze runs the mention finder over the whole doc.
func analyze(d *doc) *analysis {
	d.lookup()
	n := len(d.toks)
	an := &analysis{d: d, inDate: make([]bool, n), initial: make([]bool, n), first: make([]bool, n),
		title: make([]bool, n), caps: make([]bool, n), dateline: [2]int{-1, -1},
		cls: make([]clsMemo, n)}
	an.dates = d.dates()
	k := 0
	for _, dt := range an.dates {
		for k < n && d.toks[k].start < dt.Start {
			k++
		}
		for i := k; i < n && d.toks[i].start < dt.End; i++ {
			an.inDate[i] = true
		}
	}
	an.markSentences()
	an.findDateline()
	// Two passes: the first learns the names of people from strong cues, the
	// second also accepts those names where capitals tell nothing (sentence
	// starts, headlines).
	an.known = map[string]bool{}
	an.findMentions()
	for _, m := range an.ments {
		if m.kind == mPerson {
			for i := m.a; i < m.b; i++ {
				if t := an.tok(i); t.kind == kWord && utf8.RuneCountInString(t.text) > 2 && !honorifics[t.lower] && !degreeParts[t.lower] {
					an.known[t.lower] = true
				}
			}
		}
	}
	if len(an.known) > 0 {
		an.ments = an.ments[:0]
		an.findMentions()
	}
	return an
}

// markSentences flags sentence-initial words and title-case sentences.
func (an *analysis) markSentences() {
	d := an.d
	for _, s := range d.sents {
		first, seen := true, false
		words, upper, capsN := 0, 0, 0
		for i := s[0]; i < s[1]; i++ {
			t := &d.toks[i]
			if t.kind == kPunct {
				switch t.text {
				case "“", "\"", "(", ":", "‘", "'", "«":
					first = true
				case "-", "–", "—":
					if i-s[0] < 12 {
						first = true
					}
				}
				continue
			}
			if first {
				an.initial[i] = true
				first = false
			}
			if words == 0 && upper == 0 && !seen {
				an.first[i] = true
				seen = true
			}
			if t.kind == kWord && t.end-t.start > 3 && !(d.flags[i]&fHeadLower != 0 && headlineLower[t.lower]) {
				words++
				if t.upper {
					upper++
				}
				if t.caps {
					capsN++
				}
			}
		}
		// A headline capitalises every content word; ordinary sentences full
		// of names still have lower-case words.
		tc := words >= 3 && words <= 20 && upper*10 >= words*9
		allCaps := words >= 2 && capsN*10 >= words*8
		if tc || allCaps {
			for i := s[0]; i < s[1]; i++ {
				an.title[i] = true
				an.caps[i] = allCaps
			}
		}
	}
}

// findDateline finds "PANDEGLANG –" or "KRAKATAURADIO.COM, PANDEGLANG -" or
// "Jakarta (ANTARA) -" at the start of the text.
func (an *analysis) findDateline() {
	toks := an.d.toks
	limit := len(toks)
	if limit > 14 {
		limit = 14
	}
	dash := -1
	for i := 1; i < limit; i++ {
		if toks[i].nl > 0 {
			return
		}
		if s := toks[i].text; s == "-" || s == "–" || s == "—" {
			dash = i
			break
		}
	}
	if dash < 0 {
		return
	}
	// Only a real dateline: all capitals ("PANDEGLANG –"), or a place with a
	// news agency, a web address or a day ("Yogyakarta, Kompas –", "Jakarta
	// (ANTARA) –", "london, rabu –"). "Pasangan Joko Widodo - Jusuf Kalla" is none.
	allCaps, marker := true, false
	for i := 0; i < dash; i++ {
		t := &toks[i]
		switch {
		case t.kind == kWord && (newsAgencies[t.lower] || an.inDate[i]):
			marker = true
		case t.kind == kWord && t.caps:
		case t.text == "." && i+1 < dash && toks[i+1].caps:
			marker = true // KRAKATAURADIO.COM
		case t.kind == kPunct && (t.text == "," || t.text == "|" || t.text == "(" || t.text == ")" || t.text == "."):
		default:
			allCaps = false
		}
		if _, ok := weekdays[t.lower]; ok {
			marker = true
		}
	}
	if !allCaps && !marker {
		return
	}
	// Walk the comma-separated segments before the dash; the place is the
	// first segment of capitalised words that is not a web address, a news
	// agency or a date ("Yogyakarta, Kompas –", "KRAKATAURADIO.COM, PANDEGLANG -").
	best := [2]int{-1, -1}
	segStart := 0
	for i := 0; i <= dash; i++ {
		if i < dash && toks[i].text != "," && toks[i].text != "|" {
			continue // "Radarkota.id | TEGAL –" separates like a comma
		}
		a, b := segStart, i
		segStart = i + 1
		// drop "(ANTARA)" and dates inside the segment
		e := a
		for e < b && toks[e].kind == kWord && (toks[e].upper || e == 0) && !an.inDate[e] {
			e++
		}
		if e == a {
			continue
		}
		if e < b && toks[e].text == "." {
			continue // KRAKATAURADIO.COM
		}
		if _, ok := weekdays[toks[a].lower]; ok {
			continue
		}
		if newsAgencies[toks[a].lower] {
			continue
		}
		best = [2]int{a, e}
		break
	}
	if best[0] < 0 {
		return
	}
	for i := best[0]; i < best[1]; i++ {
		if !toks[i].caps && !toks[i].upper && i != 0 {
			return
		}
	}
	an.dateline = best
	an.lineEnd = dash + 1
}

// findMentions builds the capitalised runs and parses each into mentions.
func (an *analysis) findMentions() {
	d := an.d
	n := len(d.toks)
	for i := 0; i < n; i++ {
		if i < an.lineEnd {
			continue
		}
		if !an.capish(i) {
			continue
		}
		j := an.runEnd(i)
		an.parseRun(i, j)
		i = j - 1
	}
}

// runEnd extends a run of capitalised tokens that starts at i.
func (an *analysis) runEnd(i int) int {
	d := an.d
	n := len(d.toks)
	j := i + 1
	hasHead := false
	if c, _ := an.classify(i); c == cOrg || c == cTitle || c == cPlace {
		hasHead = true
	}
	for j < n {
		t := &d.toks[j]
		if t.nl > 0 {
			break
		}
		if an.capish(j) || (hasHead && an.headedCaps(j)) {
			if c, _ := an.classify(j); c == cOrg || c == cTitle || c == cPlace {
				hasHead = true
			}
			j++
			continue
		}
		prev := &d.toks[j-1]
		switch {
		case t.text == "." && !t.space && prev.kind == kWord &&
			(utf8.RuneCountInString(prev.text) == 1 || honorifics[prev.lower] || degreeParts[prev.lower] || prefixAbbrev[prev.lower]) &&
			(an.capish(j+1) || d.lw(j+1) == "," || d.lw(j+1) == "."):
			j++
			continue
		case (t.lower == "dan" || t.text == "&") && hasHead && (an.capish(j+1) || an.headedCaps(j+1)) && !an.isHead(j+1):
			j++
			continue
		case (t.lower == "bin" || t.lower == "binti" || t.lower == "van" || t.lower == "von" || t.lower == "de" || t.lower == "al" || t.lower == "el") && an.capish(j+1) && an.capish(j-1):
			j++
			continue
		case t.text == "(" && j+2 < n && d.toks[j+2].text == ")" &&
			((d.toks[j+1].caps || orgAcronyms[d.toks[j+1].lower]) && (hasHead || j-i >= 2) || an.capish(j+1) && j-i >= 2):
			j += 3
			continue
		}
		break
	}
	// A run never ends on a connector.
	for j > i+1 && (d.toks[j-1].lower == "dan" || d.toks[j-1].text == "&") {
		j--
	}
	return j
}

// isHead tells a token that starts a mention of its own.
func (an *analysis) isHead(i int) bool {
	c, _ := an.classify(i)
	return c == cOrg || c == cTitle || c == cPlace || c == cOrgAcr || c == cHonor
}

// headedCaps tells an all-caps word that may continue a headed name even
// though alone it names nothing ("Dinas Koperasi dan UKM").
func (an *analysis) headedCaps(i int) bool {
	if i < 0 || i >= len(an.d.toks) {
		return false
	}
	t := &an.d.toks[i]
	return t.kind == kWord && t.caps && !an.inDate[i] && nonEntityCaps[t.lower]
}

// nameLike classes may continue a personal name.
func nameLike(c wclass) bool { return c == cName || c == cRoman || c == cDot }

// parseRun splits the run [a, b) into mentions.
func (an *analysis) parseRun(a, b int) {
	title := an.title[a]
	pos := a
	for pos < b {
		c, n := an.classify(pos)
		if n > b-pos {
			n = b - pos
		}
		switch c {
		case cHonor:
			e := pos
			for e < b {
				c2, _ := an.classify(e)
				if c2 == cHonor || c2 == cDot || c2 == cName || c2 == cRoman || (c2 == cCommon && e+1 < b && e > pos) || (c2 == cAcr && utf8.RuneCountInString(an.tok(e).text) <= 2) {
					e++
					continue
				}
				break
			}
			a := pos
			for a < e && (addressWords[an.d.lw(a)] || an.tok(a).kind == kPunct) {
				a++ // "Pak Jokowi": the form of address is not part of the name
			}
			an.add(a, e, mPerson)
			pos = e
		case cTitle:
			pos = an.parseTitle(pos, b)
		case cOrg, cOrgAcr:
			pos = an.parseOrg(pos, b, c)
		case cPlace:
			pos = an.parsePlace(pos, b)
		case cRegion:
			e := pos + n
			for e < b {
				c2, n2 := an.classify(e)
				if c2 == cRegion {
					e += n2
					continue
				}
				if compassWords[an.d.lw(e)] {
					e++ // "Jakarta Pusat", "Libya Barat"
					continue
				}
				break
			}
			an.add(pos, e, mRegion)
			pos = e
		case cAcr:
			e := an.orgEnd(pos, b, c, false)
			an.add(pos, e, mOrg)
			pos = e
		case cName, cRoman:
			e := pos
			for e < b {
				c2, _ := an.classify(e)
				if nameLike(c2) || (c2 == cCommon && e+1 < b && !title && an.nameClass(e+1)) || (c2 == cAcr && utf8.RuneCountInString(an.tok(e).text) <= 2) {
					e++
					continue
				}
				break
			}
			if c == cRoman && e == pos+1 {
				pos = e
				continue
			}
			kind := mEntity
			if c2, n2 := an.classify(e); c2 == cRegion && e+n2 <= b && !an.title[pos] {
				// "Bursa Efek Indonesia", "Universitas Negeri Jakarta (UNJ)"
				e += n2
				if c3, _ := an.classify(e); e < b && c3 == cParen {
					e += 3
				}
				kind = mOrg
			}
			if an.acceptName(pos, e, b) && !an.degreeOnly(pos, e) {
				an.add(pos, e, kind)
			}
			pos = e
		default:
			pos++
		}
	}
}

func (an *analysis) nameClass(i int) bool {
	c, _ := an.classify(i)
	return c == cName
}

// acceptName decides whether the bare names [a, e) of a run ending at b are a
// mention. Capitals carry no news at a sentence start or in a headline, so
// there the name must be known or show a person's behaviour.
func (an *analysis) acceptName(a, e, b int) bool {
	if an.title[a] {
		if an.allKnown(a, e) {
			return true
		}
		p := an.d.lw(a - 1)
		return p == "di" || p == "ke" // "Posyandu di Cikadu"
	}
	if !an.initial[a] {
		return true
	}
	if an.allKnown(a, e) {
		return true
	}
	if e-a >= 2 {
		return true
	}
	if e < b {
		return true // followed by another part of the run ("Jokowi Presiden")
	}
	nx := an.d.lw(e)
	if speechVerbs[nx] || aux[nx] {
		return true
	}
	// an active verb after it; a passive one ("Paket dijual") has a thing
	// for its subject more often than a person
	if e < len(an.d.toks) && an.tok(e).kind == kWord && isVerbWord(nx) && !strings.HasPrefix(nx, "di") && !strings.HasPrefix(nx, "ter") {
		return true
	}
	// "Rouhani, seorang tokoh moderat, …": an apposition describes a person
	if nx == "," && appositionStarts[an.d.lw(e+1)] {
		return true
	}
	return false
}

// degreeOnly tells an academic degree written after a name ("…, S.Pd., M.Si.").
func (an *analysis) degreeOnly(a, e int) bool {
	if an.d.lw(a-1) != "," {
		return false
	}
	for i := a; i < e; i++ {
		t := an.tok(i)
		if t.kind == kPunct {
			continue
		}
		if !degreeParts[t.lower] && utf8.RuneCountInString(t.text) > 1 {
			return false
		}
	}
	return true
}

func (an *analysis) allKnown(a, e int) bool {
	if len(an.known) == 0 {
		return false
	}
	for i := a; i < e; i++ {
		if t := an.tok(i); t.kind == kWord && !an.known[t.lower] {
			return false
		}
	}
	return true
}

// parseTitle reads "Kepala Dinas Kesehatan", "Bupati Pandeglang", "Menteri
// Kesehatan Kongo Felix Numbi", and the name after the title.
func (an *analysis) parseTitle(pos, b int) int {
	start := pos
	juris := false
	for pos < b {
		c, _ := an.classify(pos)
		if c != cTitle {
			// "Wali Kota", "Kepala Desa", "Jaksa Agung", "Juru Bicara"
			if c == cPlace && pos > start && (an.d.lw(pos-1) == "wali" || an.d.lw(pos-1) == "kepala") {
				juris = true
				pos++
				continue
			}
			if pos > start && titleSecond[[2]string{an.d.lw(pos - 1), an.d.lw(pos)}] {
				pos++
				continue
			}
			break
		}
		if jurisdictionTitles[an.d.lw(pos)] {
			juris = true
		}
		pos++
	}
	// complement: common words, regions, acronyms, connectors; an
	// organisation inside it ("Kepala Dinkes Sukamaju") is a mention of its own
	orgAt := -1
	for pos < b {
		c, n := an.classify(pos)
		if n > b-pos {
			n = b - pos
		}
		switch c {
		case cCommon, cRegion, cConn, cRoman, cPlace, cParen, cDot:
			if c == cParen {
				n = 3
			}
			pos += n
			continue
		case cOrg, cOrgAcr, cAcr:
			if orgAt < 0 {
				orgAt = pos
			}
			pos = an.orgEnd(pos, b, c, true)
			continue
		}
		break
	}
	// bare names follow; a jurisdiction title may take one region word first
	names := 0
	for k := pos; k < b; k++ {
		c, _ := an.classify(k)
		if !nameLike(c) && c != cHonor {
			break
		}
		if c == cName {
			names++
		}
	}
	if c, _ := an.classify(pos); juris && names >= 3 && c == cName {
		pos++
	} else if names == 1 && pos == b-1 && an.d.lw(b) == "," && an.capish(b+1) {
		pos++ // "Camat Cikadu, Yayan Sofyan"
	} else if juris && orgAt < 0 && pos == start+1 && names == 1 && !an.title[start] && an.d.lw(b) != "," && pos == b-1 {
		// "Bupati Muhtarom" or "Camat Cikadu": the one word may be the
		// person or the region; the whole is who acts either way
		an.add(start, b, mPerson)
		return b
	} else if an.title[start] && names >= 1 && pos < b && orgAt < 0 {
		pos++ // headline: "Camat Cikadu Himbau …"
	}
	if orgAt >= 0 {
		if orgAt > start {
			an.add(start, orgAt, mTitle)
		}
		an.add(orgAt, pos, mOrg)
	} else {
		an.add(start, pos, mTitle)
	}
	if pos < b && !an.title[start] {
		e := pos
		for e < b {
			c, _ := an.classify(e)
			if nameLike(c) || c == cHonor || (c == cAcr && utf8.RuneCountInString(an.tok(e).text) <= 2) {
				e++
				continue
			}
			break
		}
		if e > pos {
			an.add(pos, e, mPerson)
			return e
		}
	}
	return pos
}

// parseOrg reads an organisation name and adds it as a mention.
func (an *analysis) parseOrg(pos, b int, c wclass) int {
	e := an.orgEnd(pos, b, c, false)
	if c == cOrg && e == pos+1 && !an.tok(pos).caps && genericHeads[an.d.lw(pos)] {
		return e // a bare "Partai" or "Tim" names no organisation
	}
	an.add(pos, e, mOrg)
	return e
}

// orgEnd reads "Dinas Komunikasi dan Informatika (Diskominfo)", "PT Jaringan
// Suara Indonesia", "Dinkes Sukamaju", "Pemerintah Kabupaten Pandeglang" and
// returns where the name ends. Inside a title's complement, two or more bare
// names at the end of the run are the person's ("Ketua Partai Golkar Idrus
// Marham").
func (an *analysis) orgEnd(pos, b int, c wclass, inTitle bool) int {
	start := pos
	head := an.d.lw(pos)
	pos++
	// two or more bare names closing the run belong to a person ("Ketua KPK
	// Abraham Samad", "Partai Golkar Idrus Marham")
	tail := b
	for tail > pos {
		if c2, _ := an.classify(tail - 1); c2 != cName && c2 != cDot {
			break
		}
		tail--
	}
	if b-tail < 2 || (!inTitle && c != cAcr && c != cOrgAcr) {
		tail = b
	}
	if c == cAcr {
		// "PDI Perjuangan", "DPR RI", "BPH Migas", "PT Pertamina (Persero)"
		for pos < b && pos < tail {
			c2, n := an.classify(pos)
			switch {
			case c2 == cAcr || c2 == cRoman || c2 == cOrgAcr || (c2 == cRegion && an.tok(pos).caps && n == 1):
				pos++
				continue
			case c2 == cParen:
				pos += 3
				continue
			case (c2 == cName || c2 == cCommon) && !(an.title[start] && isVerbWord(an.d.lw(pos))):
				pos++
				continue
			}
			break
		}
		return pos
	}
	if c == cOrgAcr {
		// one region word may qualify an acronym ("Dinkes Sukamaju"), when
		// no further name follows it in the run
		if pos < b {
			c2, n := an.classify(pos)
			if c2 == cName || c2 == cRegion {
				rest := 0
				for k := pos + n; k < b; k++ {
					if c3, _ := an.classify(k); c3 != cName {
						break
					}
					rest++
				}
				if rest == 0 && !(an.title[start] && isVerbWord(an.d.lw(pos))) {
					pos += n
				}
			} else if c2 == cParen {
				pos += 3
			}
		}
		return pos
	}
	gov := head == "pemerintah" || head == "pemerintahan" || head == "dprd" || head == "kantor"
	for pos < b {
		if pos == tail && pos > start+1 {
			return pos
		}
		c2, n := an.classify(pos)
		if n > b-pos {
			n = b - pos
		}
		switch c2 {
		case cName, cCommon, cAcr, cOrgAcr, cRegion, cRoman, cConn, cDot:
			if an.title[start] && pos > start && isVerbWord(an.d.lw(pos)) {
				// headline: stop at a verb ("Dinas Pertanian Gelar …")
				return pos
			}
			pos += n
			continue
		case cParen:
			pos += 3
			continue
		case cOrg:
			pos++
			continue
		case cPlace:
			// "Angkatan Laut", "Badan Pengawas Obat": a place word inside the
			// name; an administrative area ("… Kabupaten Sukamaju") is a place
			// of its own unless the body is its government, or unless no name
			// follows it ("Lembaga Musyawarah Kelurahan (LMK)")
			if gov || !adminAreas[an.d.lw(pos)] || pos+1 >= b || an.tok(pos+1).text == "(" {
				pos++
				continue
			}
		}
		break
	}
	return pos
}

// appositionStarts open a description after a name ("Smith, wakil presiden …").
var appositionStarts = wordSet(`seorang sebuah salah mantan wakil ketua anggota pendiri pemimpin direktur
kepala juru pelatih istri suami anak putra putri warga pengamat peneliti politisi politikus`)

// unnumbered are place heads that name a place only with a number ("RW 05").
var unnumbered = wordSet(`rt rw`)

// adminAreas are the administrative areas of Indonesia.
var adminAreas = wordSet(`kabupaten kab kota kotamadya provinsi prov propinsi kecamatan kec desa
kelurahan kel kampung dusun nagari gampong`)

// genericHeads alone name no organisation ("Partai kami", "Tim itu").
var genericHeads = wordSet(`partai tim kelompok perusahaan organisasi lembaga badan dinas komisi dewan
yayasan koperasi sekolah universitas bank klub grup group forum unit pengurus satuan pasukan
angkatan harian koran majalah radio televisi gerakan aliansi serikat ikatan asosiasi kabinet
fakultas jurusan institut akademi `)

// parsePlace reads "Kabupaten Pandeglang", "Balai Desa Mekarsari Kecamatan
// Cikadu", "Aula BPBD", "Gedung DPR"; "Balai Penyuluhan Pertanian" is an
// organisation.
func (an *analysis) parsePlace(pos, b int) int {
	start := pos
	if an.d.lw(pos) == "balai" {
		switch an.d.lw(pos + 1) {
		case "desa", "kota", "kelurahan", "warga", "pertemuan", "kampung", "dusun", "rakyat":
		default:
			if pos+1 < b {
				return an.parseOrg(pos, b, cOrg)
			}
		}
	}
	pos++
	for pos < b {
		c, n := an.classify(pos)
		if n > b-pos {
			n = b - pos
		}
		switch c {
		case cName, cCommon, cAcr, cOrgAcr, cRegion, cRoman, cPlace, cOrg, cConn, cDot:
			if an.title[start] && isVerbWord(an.d.lw(pos)) {
				an.add(start, pos, mPlace)
				return pos
			}
			pos += n
			continue
		case cParen:
			pos += 3
			continue
		}
		break
	}
	if pos == start+1 && !an.tok(start).caps {
		return pos // a lone "Kantor" is no place name
	}
	if pos == start+1 && unnumbered[an.d.lw(start)] {
		return pos // "RW" without its number names no place
	}
	an.add(start, pos, mPlace)
	return pos
}

func (an *analysis) add(a, b int, k mKind) {
	if a >= b {
		return
	}
	// trim connectors and dots at the edges (keep a final abbreviation dot)
	for a < b && an.tok(a).kind == kPunct {
		a++
	}
	for b > a && an.tok(b-1).kind == kPunct && an.tok(b-1).text != ")" && an.tok(b-1).text != "." {
		b--
	}
	for b > a && (an.d.lw(b-1) == "dan" || an.d.lw(b-1) == "&") {
		b--
	}
	if a >= b {
		return
	}
	an.ments = append(an.ments, mention{a: a, b: b, kind: k})
}

// lowerPlaceBefore tells whether a lower-case place noun ("di kantor PBB",
// "kota Bandung") or "di"/"ke" and one lower-case noun ("di jurusan Fisika",
// "di perairan Krakatau") stand before token i.
func (an *analysis) lowerPlaceBefore(i int) bool {
	if i < 1 {
		return false
	}
	t := an.tok(i - 1)
	if t.kind != kWord || t.upper {
		return false
	}
	if placeHeads[t.lower] || lowerPlaces[t.lower] {
		return true
	}
	pp := an.d.lw(i - 2)
	return (pp == "di" || pp == "ke") && !isVerbWord(t.lower) && !commonWords[t.lower] || placeFillers[t.lower] && (pp == "di" || pp == "ke")
}

// lowerPlaces are lower-case nouns for places that name no place alone.
var lowerPlaces = wordSet(`perairan pesisir kompleks lokasi kantornya gedungnya markas pangkalan
kediaman ibukota kawasan wilayah daerah kota negara provinsi kabupaten kecamatan desa dekat`)

// bareTitles reports titles without a name as siapa.
var bareTitles = true

// nameFollows tells whether the title mention k is followed by a person or
// name mention right after it or after a comma.
func (an *analysis) nameFollows(k int) bool {
	if k+1 >= len(an.ments) {
		return false
	}
	m, n := an.ments[k], an.ments[k+1]
	if n.kind != mPerson && n.kind != mEntity && n.kind != mOrg {
		return false
	}
	return n.a == m.b || (n.a == m.b+1 && an.d.lw(m.b) == ",") || n.kind == mOrg && n.a == m.b
}

// listEnd tells whether a mention ending before token i may close an item
// of a list of places ("di Gedung DPR, Senayan, Jakarta, Senin").
func (an *analysis) listEnd(i int) bool {
	if i >= len(an.d.toks) || an.inDate[i] {
		return true
	}
	switch an.d.lw(i) {
	case ",", ".", ")", ";", "dan", "atau", "pada", "sejak", "hingga", "untuk", "yang":
		return an.d.lw(i) != "yang"
	}
	return false
}

// newsAgencies appear in datelines next to the place.
var newsAgencies = wordSet(`kompas antara tempo detik detikcom tribun tribunnews reuters ap afp bernama
xinhua okezone liputan6 kumparan republika suara jpnn viva inilah merdeka sindonews cnn bbc
kompascom`)

// placeFillers may stand between a locative preposition and a place name.
var placeFillers = wordSet(`seluruh berbagai setiap sejumlah beberapa wilayah kawasan daerah kota negara
provinsi pulau arah luar dalam sekitar utara selatan barat timur tengah pusat perbatasan bagian
pedalaman pelosok`)

// locPreps make a following name a place.
var locPreps = wordSet(`di ke menuju asal sekitar kota kabupaten provinsi negara wilayah daerah kawasan
ibu ibukota pulau desa kecamatan kelurahan tiba berlokasi bertempat terletak`)

// resolve settles mentions by context and returns siapa and di_mana token ranges.
func (an *analysis) resolve() (siapa, place [][2]int) {
	d := an.d
	prevPlaceEnd := -10
	for idx := range an.ments {
		m := &an.ments[idx]
		p := d.lw(m.a - 1)
		pp := d.lw(m.a - 2)
		switch m.kind {
		case mEntity:
			switch {
			case attribVerbs[p] || (p == "," && attribVerbs[pp]):
				m.kind = mPerson
			case locPreps[p] || (p == "dari" && !an.title[m.a]) || an.lowerPlaceBefore(m.a):
				m.kind = mPlace
			case (p == "," || p == "dan" || p == "atau") && prevPlaceEnd == m.a-1 && an.listEnd(m.b):
				m.kind = mPlace
			case p == "kota" && pp == "ibu":
				m.kind = mPlace
			}
		case mOrg:
			if (p == "di" || an.lowerPlaceBefore(m.a)) && !an.title[m.a] {
				m.kind = mPlace
			}
		case mRegion:
			// "di Indonesia", "ke Jepang", "Samarinda, Kalimantan Timur" are
			// places; "warga Palestina", "Israel menyerang" are not.
			switch {
			case locPreps[p] || p == "dari" || p == "antara" || p == "luar" || p == "dalam" && pp == "di" || p == "," || p == "seperti" || p == "yakni" || p == "yaitu" || an.lowerPlaceBefore(m.a):
				m.kind = mPlace
			case placeFillers[p] && (pp == "di" || pp == "ke" || pp == "dari" || pp == "menuju"):
				m.kind = mPlace // "di seluruh Indonesia", "ke arah Pakistan"
			case (p == "," || p == "dan" || p == "atau" || p == "serta" || p == "(") && prevPlaceEnd == m.a-1:
				m.kind = mPlace
			case d.lw(m.b) == "," && m.b+1 < len(d.toks) && an.regionAt(m.b+1) > 0 && locPreps[p]:
				m.kind = mPlace
			}
		case mPlace:
			// "Kecamatan Cikadu menggelar …": an administrative area acting as subject.
			w := d.lw(m.a)
			if (w == "kecamatan" || w == "kelurahan" || w == "desa") && !locPreps[p] && p != "dari" {
				nx := d.lw(m.b)
				if aux[nx] || speechVerbs[nx] || (m.b < len(d.toks) && d.toks[m.b].kind == kWord && isVerbWord(nx)) {
					m.kind = mOrg
				}
			}
		}
		if m.kind == mPlace {
			// a place list "Gedung DPR, Senayan, Jakarta" continues the place
			e := m.b
			if d.lw(e) == ")" {
				e++
			}
			prevPlaceEnd = e
		}
	}
	ofActor := an.actorPlaces()
	for k, m := range an.ments {
		switch m.kind {
		case mTitle:
			// a position without a name still tells who ("Camat Cikadu
			// mengimbau …"); next to a name, the name is the span
			if bareTitles && m.b-m.a >= 2 && !an.nameFollows(k) {
				siapa = append(siapa, [2]int{m.a, m.b})
			}
		case mEntity, mPerson, mOrg:
			siapa = append(siapa, [2]int{m.a, m.b})
		case mPlace:
			if !ofActor[k] {
				place = append(place, [2]int{m.a, m.b})
			}
		}
	}
	return siapa, place
}
