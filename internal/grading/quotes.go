package grading

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// Quote rules. A direct quote is the source's exact words: it needs its own
// attribution, and with a facts sheet it must be one of the sheet's quotes,
// said by the person the release names, with its meaning unchanged.

// quoteAttributed reports whether a quote has an attribution of its own: an
// attribution word outside quotes in the quote's own sentences, or in the
// sentence just before or after it in the same paragraph when that sentence
// carries no quote of its own ("Menurut Rina, … . “…”"). An attribution that
// belongs to another quote does not cover this one.
func (g *grader) quoteAttributed(f *field, start, end int) bool {
	if g.vagueAttribution(f, start, end) {
		return false
	}
	if g.ownAttribution(f, start, end) {
		return true
	}
	// A quotation over several paragraphs has one attribution, in its
	// first or last paragraph.
	for q, ok := f.continuedQuote(start); ok; q, ok = f.continuedQuote(q.Start) {
		if g.ownAttribution(f, q.Start, q.End) {
			return true
		}
	}
	for q, ok := f.continuingQuote(start, end); ok; q, ok = f.continuingQuote(q.Start, q.End) {
		if g.ownAttribution(f, q.Start, q.End) {
			return true
		}
	}
	return false
}

// ownAttribution reports an attribution in the quote's own sentences or in
// the sentence next to it in its paragraph.
func (g *grader) ownAttribution(f *field, start, end int) bool {
	first, last := f.sentenceOf(start), f.sentenceOf(max(end-1, start))
	if first < 0 || last < 0 {
		return g.hasAttribution(f)
	}
	attr := g.attributedSentences(f)
	for s := first; s <= last; s++ {
		if attr[s] {
			return true
		}
	}
	for _, s := range []int{first - 1, last + 1} {
		if s < 0 || s >= len(f.sents) || !attr[s] || f.paraOf(f.sents[s].Start) != f.paraOf(start) {
			continue
		}
		if !g.sentenceHasQuote(f, s) {
			return true
		}
		// A quote split by its attribution: “…,” kata Rina. “…” — the
		// quote that opens the next sentence of the paragraph goes on
		// with the same speaker.
		if s == first-1 && f.sents[first].Start == start {
			return true
		}
	}
	return false
}

// continuedQuote returns the quote that a quote opening its paragraph at
// start goes on with: one left open at the end of the paragraph before (a
// long quotation closes only its last paragraph), whose speaker it shares.
func (f *field) continuedQuote(start int) (extract.Span, bool) {
	p := f.paraOf(start)
	if p < 1 || strings.TrimSpace(f.slice(f.paras[p].Start, start)) != "" {
		return extract.Span{}, false
	}
	prev := f.paras[p-1]
	for k := len(f.quotes) - 1; k >= 0; k-- {
		q := f.quotes[k]
		if q.Start >= prev.End || q.End <= prev.Start {
			continue
		}
		rest := strings.TrimSpace(f.slice(q.End, prev.End))
		last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(f.slice(q.Start, q.End)))
		if rest != "" || strings.ContainsRune("\"”»", last) {
			return extract.Span{}, false
		}
		return q, true
	}
	return extract.Span{}, false
}

// continuingQuote returns the quote that goes on with the quote [start,
// end) in the next paragraph, when that one is left open.
func (f *field) continuingQuote(start, end int) (extract.Span, bool) {
	p := f.paraOf(start)
	if p < 0 || p+1 >= len(f.paras) {
		return extract.Span{}, false
	}
	for _, q := range f.quotes {
		if q.Start >= f.paras[p+1].Start && q.Start < f.paras[p+1].End {
			if prev, ok := f.continuedQuote(q.Start); ok && prev.Start == start && prev.End == end {
				return q, true
			}
			break
		}
	}
	return extract.Span{}, false
}

// nextQuoteParagraph reports a quote that opens a paragraph holding no
// attribution, right after a paragraph that ends with an attributed, closed
// quote, and returns how the release names that quote's speaker ("Asep").
func (g *grader) nextQuoteParagraph(f *field, q extract.Span) (string, bool) {
	p := f.paraOf(q.Start)
	if p < 1 || strings.TrimSpace(f.slice(f.paras[p].Start, q.Start)) != "" {
		return "", false
	}
	attr := g.attributedSentences(f)
	for s, sp := range f.sents {
		if sp.Start >= f.paras[p].Start && sp.Start < f.paras[p].End && attr[s] {
			return "", false
		}
	}
	prev := f.paras[p-1]
	var last extract.Span
	found := false
	for _, pq := range f.quotes {
		if pq.Start >= prev.Start && pq.Start < prev.End {
			last, found = pq, true
		}
	}
	if !found || !g.ownAttribution(f, last.Start, last.End) {
		return "", false
	}
	// The quote's attribution closes its paragraph: “…,” kata Asep.
	ls := f.sentenceOf(max(last.End-1, last.Start))
	if ls < 0 || f.sentenceOf(max(prev.End-1, prev.Start)) != ls {
		return "", false
	}
	who := "narasumber yang sama"
	if b := g.in.Brief; b != nil {
		if k := g.quoteSpeaker(f, last, b); k >= 0 {
			if names := nameTokens(b.Siapa[k].Nama); len(names) > 0 {
				who = names[0]
			}
		}
	}
	return who, true
}

// paraOf returns the index of the paragraph holding pos, or -1.
func (f *field) paraOf(pos int) int {
	for i, p := range f.paras {
		if pos >= p.Start && pos < p.End {
			return i
		}
	}
	return -1
}

// sentenceHasQuote reports whether a direct quote starts in sentence s.
func (g *grader) sentenceHasQuote(f *field, s int) bool {
	for _, q := range f.quotes {
		if q.Start >= f.sents[s].Start && q.Start < f.sents[s].End {
			return true
		}
	}
	return false
}

// quoteStopwords carry no content: two quotes sharing only these share nothing.
var quoteStopwords = map[string]bool{
	"yang": true, "dan": true, "di": true, "ke": true, "dari": true, "ini": true, "itu": true,
	"untuk": true, "dengan": true, "kami": true, "kita": true, "saya": true, "kalau": true,
	"karena": true, "juga": true, "sudah": true, "akan": true, "bisa": true, "ada": true,
	"saja": true, "lebih": true, "harus": true, "masih": true, "pada": true, "dalam": true,
	"atau": true, "agar": true, "bahwa": true, "nanti": true, "jadi": true, "para": true,
	"lagi": true, "pun": true, "punya": true, "sangat": true, "hanya": true, "oleh": true,
	"mereka": true, "kamu": true, "anda": true, "tersebut": true, "adalah": true, "bagi": true,
	"sebagai": true, "secara": true, "tetapi": true, "namun": true, "maka": true, "jika": true,
	"apa": true, "yg": true, "kok": true, "lah": true, "pula": true, "semua": true,
}

// negations flip a statement: a quote that adds or drops one says the opposite.
var negations = map[string]bool{"tidak": true, "bukan": true, "belum": true, "jangan": true, "tanpa": true, "tak": true}

// quoteWords are the lower-case words of a text with the content words marked.
type quoteWords struct {
	all     map[string]bool
	content []string
	negs    int
	nums    []string
}

// has reports whether the quote holds w, or w with another particle or
// possessive (-nya, -lah, -kah, -pun), or w misspelt by one letter: such
// slips are the spelling's business, not a change of what was said.
func (q quoteWords) has(w string) bool {
	if q.all[w] || q.all[stripParticle(w)] {
		return true
	}
	for x := range q.all {
		if sameWord(x, w) {
			return true
		}
	}
	return false
}

// sameWord reports whether a and b are one word of a quote, up to a
// particle or a one-letter slip.
func sameWord(a, b string) bool {
	return a == b || stripParticle(a) == stripParticle(b) || len(a) >= 5 && len(b) >= 5 && editDistance(a, b, 1) <= 1
}

func stripParticle(w string) string {
	for _, suf := range []string{"nya", "lah", "kah", "pun"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

func wordsOf(toks []token) quoteWords {
	q := quoteWords{all: map[string]bool{}}
	for _, t := range toks {
		q.all[t.lower] = true
		switch {
		case negations[t.lower]:
			q.negs++
		case t.num || extract.IsDigitWord(t.lower):
			q.nums = append(q.nums, t.lower)
		case !quoteStopwords[t.lower] && len(t.lower) > 1:
			q.content = append(q.content, t.lower)
		}
	}
	return q
}

// QuoteOverlapMin is the share of a quote's content words that must come
// from one quote of the sheet for the quote to be that one: below it the
// quote is not in the sheet.
const QuoteOverlapMin = 0.5

// checkBriefQuotes compares every direct quote with the sheet's kutipan: a
// quote not in the sheet (warning; an error when the practice requires
// quotes from the sheet), a quote whose numbers, negations or words differ
// from the sheet's (an error when the meaning changes), and a quote put in
// the mouth of another person of the sheet (error). It returns the number
// of errors.
func (g *grader) checkBriefQuotes(b *Brief) (errs int, invented []Finding) {
	if len(b.Kutipan) == 0 {
		return 0, nil
	}
	sheet := make([]quoteWords, len(b.Kutipan))
	sheetToks := make([][]token, len(b.Kutipan))
	for i, q := range b.Kutipan {
		sheetToks[i] = tokenize(q.Teks, len([]rune(q.Teks)))
		sheet[i] = wordsOf(sheetToks[i])
	}
	strict := g.rules() != nil && g.rules().QuotesFromBrief
	f := g.body
	known := briefVocabulary(b)
	for _, q := range f.quotes {
		lo, hi := f.tokRange(q.Start, q.End)
		if hi-lo < 3 || g.termQuote(f, q) {
			continue
		}
		rel := wordsOf(f.toks[lo:hi])
		best, bestShare := -1, 0.0
		for i, sq := range sheet {
			shared := 0
			for _, w := range rel.content {
				if sq.all[w] {
					shared++
				}
			}
			share := 1.0
			if len(rel.content) > 0 {
				share = float64(shared) / float64(len(rel.content))
			}
			if best < 0 || share > bestShare {
				best, bestShare = i, share
			}
		}
		if bestShare < QuoteOverlapMin {
			sev := SevPeringatan
			msg := "Kutipan ini tidak ada di lembar fakta. Kutipan langsung harus berasal dari ucapan narasumber yang sebenarnya; jangan mengarang atau mengubah maknanya."
			if strict {
				sev = SevKesalahan
				msg = "Kutipan ini tidak ada di lembar fakta, padahal ketentuan latihan meminta kutipan hanya dari lembar fakta. Kutipan yang dikarang menaruh kata-kata di mulut narasumber; pakai salah satu kutipan lembar fakta apa adanya."
			}
			invented = append(invented, f.finding("kutipan-tidak-ada-di-lembar", sev, q.Start, q.End, msg, ""))
			continue
		}
		sq, src := sheet[best], b.Kutipan[best]
		if who := g.quoteSpeaker(f, q, b); who >= 0 && !samePerson(b.Siapa[who].Nama, src.Oleh) {
			errs++
			g.add(f.finding("kutipan-salah-atribusi", SevKesalahan, q.Start, q.End,
				fmt.Sprintf("Menurut lembar fakta, kutipan ini diucapkan %s, bukan %s. Mengutip orang yang salah adalah kesalahan fakta; perbaiki atribusinya.", src.Oleh, b.Siapa[who].Nama), ""))
			continue
		}
		if name, s, e, ok := g.quoteOtherSpeaker(f, q.Start, q.End, b, known, g.quoteSpeaker(f, q, b) >= 0); ok {
			if right, typo := misspeltName(name, src.Oleh); typo {
				// "kata Rohmat", "kata Rini": the sheet's speaker misspelt,
				// one name error.
				if !g.reportedAt(f, "nama-bertentangan", s, e) {
					errs++
					g.add(f.finding("nama-bertentangan", SevKesalahan, s, e,
						fmt.Sprintf("Nama \"%s\" berbeda dengan lembar fakta: \"%s\", yang mengucapkan kutipan ini. Salah menulis nama narasumber adalah kesalahan fakta yang paling cepat disadari pembaca.", name, src.Oleh), right))
				}
				continue
			}
			errs++
			g.add(f.finding("kutipan-salah-atribusi", SevKesalahan, s, e,
				fmt.Sprintf("Menurut lembar fakta, kutipan ini diucapkan %s, bukan %s. Mengutip orang yang salah, apalagi orang yang tidak ada di lembar fakta, adalah kesalahan fakta; perbaiki atribusinya.", src.Oleh, name), src.Oleh))
			continue
		}
		slips := prefixSlips(f.toks[lo:hi], sq)
		var changed []string
		for _, n := range rel.nums {
			if !sq.all[n] {
				changed = append(changed, n)
			}
		}
		for _, w := range rel.content {
			if !sq.has(w) && !slips[w] {
				changed = append(changed, w)
			}
		}
		// A function word the sheet's quote never holds was put in ("Oleh
		// karena itu" for "Karena itu"): a quote is verbatim.
		for _, t := range f.toks[lo:hi] {
			if w := t.lower; quoteStopwords[w] && !sq.has(w) && !slips[w] {
				changed = append(changed, w)
			}
		}
		joins := false
		if len(changed) == 0 {
			// Every word is the sheet's, but one put in another's place
			// ("warga yang datang" for "kami yang datang") or left out
			// ("demam itu biasa" for "demam ringan itu biasa") joins two
			// words the sheet never says together.
			for _, j := range f.brokenJoins(lo, hi, sheetToks[best]) {
				if !slipIn(j, slips) {
					changed = append(changed, j)
				}
			}
			joins = len(changed) > 0
		}
		// A negation added, or one of the sheet's dropped before a word the
		// quote keeps; a quote of only the sheet's other sentence drops
		// nothing ("Karena itu, kami yang datang …" of a quote whose
		// first sentence says "belum").
		negFlip := rel.negs > 0 && sq.negs == 0 || rel.negs == 0 && sq.negs > 0 && negationDropped(f.toks[lo:hi], sheetToks[best])
		polarity := !negFlip && polarityChanged(f.toks[lo:hi], sheetToks[best])
		switch {
		case negFlip || polarity || len(rel.nums) > 0 && len(changed) > 0 && containsAny(changed, rel.nums):
			errs++
			g.add(f.finding("kutipan-diubah", SevKesalahan, q.Start, q.End,
				fmt.Sprintf("Kutipan ini mengubah makna ucapan %s di lembar fakta (%s). Kutipan langsung harus sama persis; bila ingin meringkas, tulis sebagai kutipan tidak langsung tanpa tanda petik. Aslinya: “%s”", src.Oleh, changeNote(negFlip, polarity, changed), src.Teks), ""))
		case len(changed) > 0:
			sev := SevPeringatan
			if strict && !allFunctionWords(changed) {
				sev = SevKesalahan
				errs++
			}
			what := "kata " + quoteList(changed) + " tidak ada di aslinya"
			if joins {
				what = "rangkaian kata " + quoteList(changed) + " tidak ada di aslinya, jadi ada kata yang diganti, dipindah, atau dihilangkan"
			}
			g.add(f.finding("kutipan-diubah", sev, q.Start, q.End,
				fmt.Sprintf("Kutipan ini tidak sama dengan ucapan %s di lembar fakta: %s. Kutipan langsung harus persis; bila ingin meringkas, jadikan kutipan tidak langsung. Aslinya: “%s”", src.Oleh, what, src.Teks), ""))
		}
	}
	return errs, invented
}

// prefixSlips returns the words of a quote that only misspell the sheet's:
// a prefix written apart ("di gambar" for "digambar") or a preposition
// joined ("dikantor" for "di kantor"). The spelling rule reports them; the
// speaker's words are unchanged.
func prefixSlips(toks []token, sq quoteWords) map[string]bool {
	var slips map[string]bool
	mark := func(ws ...string) {
		if slips == nil {
			slips = map[string]bool{}
		}
		for _, w := range ws {
			slips[w] = true
		}
	}
	for i, t := range toks {
		p := t.lower
		if (p == "di" || p == "ke") && i+1 < len(toks) {
			if n := toks[i+1].lower; !sq.has(n) && sq.all[p+n] {
				mark(p, n)
			}
			continue
		}
		if len(p) > 4 && (strings.HasPrefix(p, "di") || strings.HasPrefix(p, "ke")) && !sq.has(p) && sq.all[p[2:]] && sq.all[p[:2]] {
			mark(p)
		}
	}
	return slips
}

// slipIn reports whether a join of words holds a prefix slip.
func slipIn(join string, slips map[string]bool) bool {
	for _, w := range strings.Fields(join) {
		if slips[w] {
			return true
		}
	}
	return false
}

// polarityWords negate a statement or set its aspect: "masih" against
// "bukan lagi", "sudah" against "belum" say opposite things.
var polarityWords = map[string]bool{
	"tidak": true, "bukan": true, "belum": true, "jangan": true, "tanpa": true, "tak": true,
	"masih": true, "sudah": true, "telah": true, "lagi": true,
}

// polarityChanged reports a quote whose negation or aspect words differ
// from the sheet's around the same word: one added that the sheet's quote
// does not hold, or one of the sheet's dropped before a word the quote
// keeps. A quote that keeps only part of the sheet's words is not a change.
func polarityChanged(rel, sheet []token) bool {
	inSheet, inRel := map[string]bool{}, map[string]bool{}
	for _, t := range sheet {
		inSheet[t.lower] = true
	}
	for _, t := range rel {
		inRel[t.lower] = true
		if polarityWords[t.lower] && !inSheet[t.lower] {
			return true
		}
	}
	for k, t := range sheet {
		if !polarityWords[t.lower] || inRel[t.lower] || k+1 >= len(sheet) {
			continue
		}
		next := sheet[k+1].lower
		for j, r := range rel {
			if r.lower == next && (j == 0 || !polarityWords[rel[j-1].lower]) && j > 0 {
				return true
			}
		}
	}
	return false
}

// negationDropped reports a negation of the sheet's quote missing from the
// release's quote before a word the quote keeps.
func negationDropped(rel, sheet []token) bool {
	for k, t := range sheet {
		if !negations[t.lower] || k+1 >= len(sheet) {
			continue
		}
		for _, r := range rel {
			if r.lower == sheet[k+1].lower {
				return true
			}
		}
	}
	return false
}

func containsAny(list, of []string) bool {
	for _, a := range list {
		for _, b := range of {
			if a == b {
				return true
			}
		}
	}
	return false
}

func changeNote(negFlip, polarity bool, changed []string) string {
	if negFlip {
		return "kata ingkar seperti \"tidak\" atau \"bukan\" ditambah atau dihilangkan"
	}
	if polarity {
		return "kata ingkar atau penanda waktu seperti \"belum\", \"masih\", atau \"sudah\" ditambah, dihilangkan, atau diganti"
	}
	return "angka " + quoteList(changed) + " tidak ada di aslinya"
}

// quoteList writes words as "“a”, “b”, dan “c”", at most MaxMissingListed.
func quoteList(words []string) string {
	var out []string
	seen := map[string]bool{}
	for _, w := range words {
		if !seen[w] {
			seen[w] = true
			out = append(out, "“"+w+"”")
		}
	}
	return listID(out)
}

// quoteSpeaker finds the person of the sheet named, outside quotes, in the
// quote's own sentences or the attributed sentence next to it; -1 when none.
func (g *grader) quoteSpeaker(f *field, q extract.Span, b *Brief) int {
	first, last := f.sentenceOf(q.Start), f.sentenceOf(max(q.End-1, q.Start))
	if first < 0 || last < 0 {
		return -1
	}
	attr := g.attributedSentences(f)
	owners := nameOwners(b)
	look := func(s int) int {
		lo, hi := f.tokRange(f.sents[s].Start, f.sents[s].End)
		for _, t := range f.toks[lo:hi] {
			if f.inQuote(t.start) || !t.capital {
				continue
			}
			for pi, p := range b.Siapa {
				for _, n := range nameTokens(p.Nama) {
					if strings.EqualFold(n, t.text) {
						return pi
					}
				}
			}
		}
		// "…,” kata Bupati.": the office of a sheet person, no name.
		for k := lo; k < hi; k++ {
			for pi, p := range b.Siapa {
				jabatan := officeCore(p.Jabatan)
				head := firstWord(jabatan)
				if x := titleAbbrev[head]; x != "" {
					head = x
				}
				if _, ok := sheetOfficeRun(f, k, jabatan, head, owners); ok {
					return pi
				}
			}
		}
		return -1
	}
	named := false // the quote's own attribution names someone: "kata Sekda, Budi Santoso"
	for s := first; s <= last; s++ {
		if attr[s] {
			if p := look(s); p >= 0 {
				return p
			}
			named = named || g.attributionNames(f, s)
		}
	}
	if named {
		return -1
	}
	para := func(s int) int {
		for i, p := range f.paras {
			if p.Start <= f.sents[s].Start && f.sents[s].Start < p.End {
				return i
			}
		}
		return -1
	}
	for _, s := range []int{first - 1, last + 1} {
		// A speaker named after the quote's paragraph is not its speaker.
		if s == last+1 && s < len(f.sents) && para(s) != para(last) {
			continue
		}
		if s >= 0 && s < len(f.sents) && attr[s] && !g.sentenceHasQuote(f, s) {
			if p := look(s); p >= 0 {
				return p
			}
		}
	}
	return -1
}

// misspeltName reports a name written one or two letters off the name
// words of the sheet's speaker ("Rohmat" for Rahmat, "Rini" for Rina), and
// the sheet's spelling.
func misspeltName(name, sheet string) (string, bool) {
	words := strings.Fields(name)
	var right []string
	for _, w := range words {
		best := ""
		for _, n := range nameTokens(sheet) {
			maxD := min(NameEditMax, max(len([]rune(n))/4, 1))
			if d := editDistance(strings.ToLower(w), strings.ToLower(n), maxD); d <= maxD {
				best = n
				break
			}
		}
		if best == "" {
			return "", false
		}
		right = append(right, best)
	}
	return strings.Join(right, " "), len(right) > 0
}

// attributionNames reports an attribution word in sentence s, outside
// quotes, that a capitalised word follows: a speaker named there, by name
// or office ("kata Sekretaris Daerah …, Budi Santoso").
func (g *grader) attributionNames(f *field, s int) bool {
	lo, hi := f.tokRange(f.sents[s].Start, f.sents[s].End)
	for i := lo; i+1 < hi; i++ {
		t := f.toks[i]
		if attributionWords[t.lower] && !f.inQuote(t.start) && f.toks[i+1].capital && f.slice(t.end, f.toks[i+1].start) == " " {
			return true
		}
	}
	return false
}

// samePerson reports whether two written names share a name word.
func samePerson(a, b string) bool {
	for _, x := range nameTokens(a) {
		for _, y := range nameTokens(b) {
			if strings.EqualFold(x, y) {
				return true
			}
		}
	}
	return false
}

// brokenJoins returns the pairs of neighbouring words of the quote (tokens
// lo to hi of f) that are both in the sheet's quote but never next to each
// other there, as "a b". An ellipsis between them marks a cut the writer
// shows, and a word not in the sheet is reported as such already.
func (f *field) brokenJoins(lo, hi int, sheet []token) []string {
	inSheet := func(w string) bool {
		for _, t := range sheet {
			if sameWord(t.lower, w) {
				return true
			}
		}
		return false
	}
	var out []string
	for j := lo + 1; j < hi; j++ {
		a, b := f.toks[j-1], f.toks[j]
		if a.num || b.num || !inSheet(a.lower) || !inSheet(b.lower) {
			continue
		}
		if gap := f.text[f.offs[a.end]:f.offs[b.start]]; strings.Contains(gap, "…") || strings.Contains(gap, "...") {
			continue
		}
		joined := false
		for k := 0; k+1 < len(sheet) && !joined; k++ {
			joined = sameWord(sheet[k].lower, a.lower) && sameWord(sheet[k+1].lower, b.lower)
		}
		if !joined {
			out = append(out, a.lower+" "+b.lower)
		}
	}
	return out
}

// saidPassives report speech in the passive: "demikian disampaikan …".
var saidPassives = wordSet(`disampaikan dikatakan diungkapkan dijelaskan ditegaskan dituturkan diutarakan dinyatakan dipaparkan diterangkan`)

// sourcePronouns stand for a speaker named earlier: "kata dia".
var sourcePronouns = wordSet(`dia ia beliau mereka`)

// vagueAttribution reports a quote whose own attribution, written after it
// in its sentence, names nobody a reader can check: "kata seorang pejabat",
// "ujar pihak dinas", "ujar sumber tersebut", "demikian disampaikan dalam
// kegiatan itu", or "katanya" when no speaker is named before it in the
// paragraph or the one above. A name or an office (a capital) after the
// verb names the source.
func (g *grader) vagueAttribution(f *field, start, end int) bool {
	s := f.sentenceOf(max(end-1, start))
	if s < 0 {
		return false
	}
	lo, hi := f.tokRange(end, f.sents[s].End)
	for lo < hi && f.inQuote(f.toks[lo].start) {
		lo++
	}
	if lo >= hi || strings.Contains(f.slice(end, f.toks[lo].start), ".") {
		return false
	}
	w := f.toks[lo].lower
	named := func(from int) bool {
		for k := from; k < hi; k++ {
			if t := f.toks[k]; t.capital && !f.inQuote(t.start) {
				return true
			}
		}
		return false
	}
	switch {
	case w == "demikian":
		return lo+1 < hi && saidPassives[f.toks[lo+1].lower] && !named(lo+2)
	case !attributionWords[w] || w == "menurut" || meNPrefixed(w) || strings.HasPrefix(w, "ber"):
		return false
	case strings.HasSuffix(w, "nya"):
		return !g.speakerBefore(f, start)
	case lo+1 >= hi:
		return false
	case sourcePronouns[f.toks[lo+1].lower]:
		return !g.speakerBefore(f, start)
	case named(lo + 1):
		return false
	case !vagueHeads[f.toks[lo+1].lower] && (f.toks[hi-1].lower == "itu" || f.toks[hi-1].lower == "tersebut"):
		// "sebut laporan itu", "kata pejabat tersebut" point back to a
		// source named before.
		return !g.speakerBefore(f, start)
	}
	return true
}

// vagueHeads name nobody whatever follows: "sumber tersebut", "pihak itu".
var vagueHeads = wordSet(`seorang salah sumber pihak sejumlah beberapa para orang`)

// speakerBefore reports a speaker named before pos in its paragraph or the
// paragraph above, for a "katanya" to point back to: a person of the sheet,
// an attribution of an earlier quote or statement, or, without a sheet, a
// capitalised word inside a sentence.
func (g *grader) speakerBefore(f *field, pos int) bool {
	from := -1
	for i, p := range f.paras {
		if pos >= p.Start && pos < p.End {
			from = p.Start
			if i > 0 {
				from = f.paras[i-1].Start
			}
			break
		}
	}
	if from < 0 {
		return true
	}
	var names map[string]bool
	if b := g.in.Brief; b != nil {
		names = map[string]bool{}
		for _, p := range b.Siapa {
			for _, n := range nameTokens(p.Nama) {
				names[strings.ToLower(n)] = true
			}
		}
	}
	attr := g.attributedSentences(f)
	lo, hi := f.tokRange(from, pos)
	for k := lo; k < hi; k++ {
		t := f.toks[k]
		if f.inQuote(t.start) {
			continue
		}
		// "mengatakan", "menurut", "kata Rina"; not "lanjut usia".
		said := meNPrefixed(t.lower) || t.lower == "menurut" || t.lower == "berkata" || k+1 < len(f.toks) && f.toks[k+1].capital
		if s := f.sentenceOf(t.start); s >= 0 && attr[s] && attributionWords[t.lower] && said {
			return true
		}
		if names != nil && names[t.lower] || names == nil && t.capital && k > 0 && !f.opensSentence(k) {
			return true
		}
	}
	return false
}

// termQuote reports quotation marks around a term, a name or a few words
// that are no speech (EYD V: a term with a special meaning, layanan "jemput
// bola", Program "Pekan Imunisasi Kejar"): at most four words, no sentence
// end or comma inside, and no verb of saying in its sentence.
func (g *grader) termQuote(f *field, q extract.Span) bool {
	lo, hi := f.tokRange(q.Start, q.End)
	if hi-lo == 0 || hi-lo > 4 {
		return false
	}
	inner := strings.TrimRight(f.slice(q.Start, q.End), "\"”’' ")
	if strings.ContainsAny(inner, ".,!?…;:") {
		return false
	}
	s := f.sentenceOf(q.Start)
	return s >= 0 && !g.attributedSentences(f)[s] && !g.vagueAttribution(f, q.Start, q.End)
}

// allFunctionWords reports changes made only of function words put in:
// the quote is no longer verbatim, but it says what the sheet says.
func allFunctionWords(words []string) bool {
	for _, w := range words {
		if !quoteStopwords[w] {
			return false
		}
	}
	return true
}
