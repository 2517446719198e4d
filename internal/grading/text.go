package grading

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// token is a word or number of a field, with rune offsets.
type token struct {
	start, end int
	text       string
	lower      string
	num        bool   // starts with a digit
	capital    bool   // starts with an upper-case letter
	allCaps    bool   // has letters and all of them are upper case
	phone      bool   // a phone number known by its context (markPhones)
	lex        uint32 // lexicon bits of lower (see tokLex)
}

// field is one analysed part of a release (headline or body). Segmentation
// comes from package extract; tokens are ours because every rule needs them.
type field struct {
	name   string
	text   string
	offs   []int32 // byte offset of each rune index; len = rune count + 1
	toks   []token
	paras  []extract.Span
	sents  []extract.Span
	quotes []extract.Span
	dates  []extract.Date
	// elements are the 5W1H spans per element id.
	elements map[string][]extract.Span

	attributed     []bool // per sentence: an attribution word outside quotes (lazy)
	hasAttribution bool
}

func newField(name, text string) *field {
	text = unwrapLines(text)
	f := &field{name: name, text: text}
	n := utf8.RuneCountInString(text)
	f.offs = make([]int32, 0, n+1)
	for i := range text {
		f.offs = append(f.offs, int32(i))
	}
	f.offs = append(f.offs, int32(len(text)))
	f.toks = markPhones(f, joinSpacedThousands(f, joinSpacedPhones(f, tokenize(text, n))))
	an := extract.Analyze(text)
	f.paras, f.sents, f.quotes, f.dates, f.elements = an.Paragraphs, an.Sentences, an.Quotes, an.Dates, an.Elements
	// Lookups below binary-search these by position.
	sort.Slice(f.quotes, func(i, j int) bool { return f.quotes[i].Start < f.quotes[j].Start })
	sort.Slice(f.dates, func(i, j int) bool { return f.dates[i].Start < f.dates[j].Start })
	return f
}

// joinSpacedPhones makes one token of a phone number grouped with spaces
// ("0812 0000 5678", "+62 812-0000-5678"): its groups are neither
// thousands nor counts. A "+" before the country code joins the token.
func joinSpacedPhones(f *field, toks []token) []token {
	group := func(t token) bool {
		if len(t.text) < 3 || len(t.text) > 5 {
			return false
		}
		for _, r := range t.text {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	digitCount := func(s string) int {
		n := 0
		for _, r := range s {
			if r >= '0' && r <= '9' {
				n++
			}
		}
		return n
	}
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		plus := t.num && t.start > 0 && f.slice(t.start-1, t.start) == "+" && strings.HasPrefix(t.text, "62")
		if group(t) && (strings.HasPrefix(t.text, "08") || strings.HasPrefix(t.text, "62")) || t.text == "62" {
			// continues: the token after j is the next group, or the rest
			// of the number after the country code in one token.
			continues := func(j int) bool {
				if f.slice(toks[j].end, toks[j+1].start) != " " {
					return false
				}
				rest := toks[j+1]
				if j == i && t.text == "62" && !strings.HasPrefix(rest.text, "8") {
					return false // "62 800 warga" is no phone number
				}
				if group(rest) {
					return true
				}
				return j == i && t.text == "62" && strings.HasPrefix(rest.text, "8") && isPhone(token{text: "0" + rest.text, num: true})
			}
			j, digits := i, len(t.text)
			for j+1 < len(toks) && j < i+3 && continues(j) {
				j++
				digits += digitCount(toks[j].text)
			}
			if j > i && digits >= 10 && digits <= 13 {
				t.end = toks[j].end
				t.text = f.slice(t.start, t.end)
				t.lower = t.text
				i = j
			}
		}
		if plus && isPhone(t) {
			t.start--
			t.text = f.slice(t.start, t.end)
			t.lower = t.text
		}
		out = append(out, t)
	}
	return out
}

// phoneWords announce a phone number: "menelepon 123456", "hubungi WA".
var phoneWords = wordSet(`telepon menelepon ditelepon telpon telp tel hubungi menghubungi dihubungi wa whatsapp hp ponsel sms fax faks faksimile`)

// markPhones finds phone numbers that only their form in context gives
// away, so that no rule reads them as counts with a missing thousands dot:
// a local number after its area code in brackets ("(0265) 123456", made
// one token) and a number of five or more plain digits after a word of
// calling ("menelepon 123456", "WA 8123456").
func markPhones(f *field, toks []token) []token {
	plain := func(t token, lo, hi int) bool {
		n := 0
		for _, r := range t.text {
			switch {
			case r >= '0' && r <= '9':
				n++
			case r != '-':
				return false
			}
		}
		return t.num && n >= lo && n <= hi
	}
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if plain(t, 3, 4) && t.text[0] == '0' && t.start > 0 && f.slice(t.start-1, t.start) == "(" &&
			i+1 < len(toks) && f.slice(t.end, toks[i+1].start) == ") " && plain(toks[i+1], 5, 8) {
			t.start--
			t.end = toks[i+1].end
			t.text = f.slice(t.start, t.end)
			t.lower, t.phone = t.text, true
			i++
		} else if plain(t, 5, 13) && (i+1 >= len(toks) || !peopleUnits[toks[i+1].lower] && !scaleUnits[toks[i+1].lower]) {
			for k := len(out) - 1; k >= 0 && k >= len(out)-3; k-- {
				if out[k].num {
					break
				}
				if phoneWords[out[k].lower] {
					t.phone = true
					break
				}
			}
		}
		out = append(out, t)
	}
	return out
}

func (f *field) atMulti(i int) rune {
	r, _ := utf8.DecodeRuneInString(f.text[f.offs[i]:])
	return r
}

// runes returns the rune count of the field.
func (f *field) runes() int { return len(f.offs) - 1 }

// slice returns the text of the rune range [start, end), clamped to the field.
func (f *field) slice(start, end int) string {
	n := f.runes()
	start, end = clamp(start, 0, n), clamp(end, 0, n)
	if end < start {
		return ""
	}
	return f.text[f.offs[start]:f.offs[end]]
}

// at returns the rune at index i, or 0 outside the field.
func (f *field) at(i int) rune {
	if uint(i) >= uint(len(f.offs)-1) {
		return 0
	}
	if c := f.text[f.offs[i]]; c < utf8.RuneSelf {
		return rune(c)
	}
	return f.atMulti(i)
}

// tokRange returns the indexes [lo, hi) of the tokens lying inside [start, end).
func (f *field) tokRange(start, end int) (int, int) {
	lo := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].start >= start })
	hi := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].end > end })
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// tokenAt returns the index of the token containing rune offset pos, or -1.
func (f *field) tokenAt(pos int) int {
	i := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].end > pos })
	if i < len(f.toks) && f.toks[i].start <= pos {
		return i
	}
	return -1
}

// sentenceOf returns the index of the sentence containing rune offset pos, or -1.
func (f *field) sentenceOf(pos int) int {
	i := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].End > pos })
	if i < len(f.sents) && f.sents[i].Start <= pos {
		return i
	}
	return -1
}

// sentencesIn counts the sentences starting inside [start, end).
func (f *field) sentencesIn(start, end int) int {
	lo := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].Start >= start })
	hi := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].Start >= end })
	return hi - lo
}

// inQuote reports whether rune offset pos lies inside a direct quotation.
func (f *field) inQuote(pos int) bool {
	i := sort.Search(len(f.quotes), func(i int) bool { return f.quotes[i].End > pos })
	return i < len(f.quotes) && f.quotes[i].Start <= pos
}

// lead returns the lead of a body: its first paragraph, with two
// exceptions. A first paragraph holding only a dateline tag ("Humas Pemkab
// Sukamaju (3/4)") is no lead, so the second paragraph is; tag is then that
// paragraph. A body written as one paragraph of more sentences than a lead
// may have has lost its breaks, so its lead is its first sentence.
func (f *field) lead() (lead, tag extract.Span, ok bool) {
	p, tag, ok := f.writtenLead()
	if !ok {
		return p, tag, false
	}
	if len(f.paras) == 1 && f.sentencesIn(p.Start, p.End) > MaxLeadSentences+1 {
		if s := f.sentenceOf(p.Start); s >= 0 && f.sents[s].End < p.End {
			p.End = f.sents[s].End
			p.Text = f.slice(p.Start, p.End)
		}
	}
	return p, tag, true
}

// writtenLead is the lead as the writer and the practices' instructions
// define it: the first paragraph of the body, or the second when the first
// holds only a dateline tag, always whole.
func (f *field) writtenLead() (lead, tag extract.Span, ok bool) {
	if len(f.paras) == 0 {
		return extract.Span{}, extract.Span{}, false
	}
	p := f.paras[0]
	if len(f.paras) > 1 && f.tagOnly(p) {
		return f.paras[1], p, true
	}
	return p, extract.Span{}, true
}

// maxTagWords is the most words a paragraph holding only a dateline tag has
// ("Geraknews.com//Lamongan.20/02/2023" has four).
const maxTagWords = 6

// tagOnly tells a paragraph that is only a dateline tag: a few words, every
// one capitalised, a number or part of a web address, with no full stop,
// question or exclamation mark at its end.
func (f *field) tagOnly(p extract.Span) bool {
	lo, hi := f.tokRange(p.Start, p.End)
	if hi == lo || hi-lo > maxTagWords {
		return false
	}
	switch f.at(p.End - 1) {
	case '.', '?', '!', '"', '”':
		return false
	}
	for _, t := range f.toks[lo:hi] {
		if !t.capital && !t.num && f.at(t.start-1) != '.' && !strings.Contains(t.text, ".") {
			return false
		}
	}
	return true
}

// span builds a report span over [start, end) of the field.
func (f *field) span(start, end int) Span {
	return Span{Field: f.name, Start: start, End: end, Text: f.slice(start, end)}
}

// finding builds a finding of the rule over [start, end) of the field; the
// rule decides the criterion.
func (f *field) finding(rule, sev string, start, end int, msg, sugg string) Finding {
	n := f.runes()
	start, end = clamp(start, 0, n), clamp(end, 0, n)
	if end < start {
		end = start
	}
	return Finding{Criterion: ruleCriterion[rule], Rule: rule, Severity: sev, Field: f.name, Start: start, End: end, Message: msg, Suggestion: sugg}
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// runeSlice returns text's rune range [start, end), or "" when out of range.
func runeSlice(text string, start, end int) string {
	if start < 0 || end < start {
		return ""
	}
	b0, b1, i := -1, -1, 0
	for bi := range text {
		if i == start {
			b0 = bi
		}
		if i == end {
			b1 = bi
			break
		}
		i++
	}
	if b1 < 0 { // the loop ran to the end: i is the rune count
		if end != i {
			return ""
		}
		b1 = len(text)
		if start == i {
			b0 = len(text)
		}
	}
	if b0 < 0 {
		return ""
	}
	return text[b0:b1]
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiAlnum[r]
	}
	return isAlnumWide(r)
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isAlnumWide(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// joins reports whether rune c between prev and next keeps a token together:
// hyphenated words (alun-alun, Covid-19), numbers (8.450, 2,5, 30/06/2021),
// apostrophes (Jum'at) and web addresses (dinkes.go.id).
func joins(prev, c, next rune) bool {
	switch c {
	case '-':
		return isAlnum(prev) && isAlnum(next)
	case '.':
		return (unicode.IsDigit(prev) && unicode.IsDigit(next)) || (unicode.IsLetter(prev) && unicode.IsLower(next))
	case ',', '/', ':':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case '\'', '’':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	}
	return false
}

// tokenize splits text into word and number tokens in one pass. Invalid
// UTF-8 bytes count as one rune each, as in a range loop. The lower-case
// forms of all capitalised tokens share one allocation.
func tokenize(text string, runeCount int) []token {
	toks := make([]token, 0, runeCount/6+1)
	// A capitalised token's lower form goes to lowBuf, its end offset
	// meanwhile in lex, its lower left empty (no token is empty).
	var lowBuf []byte
	n := len(text)
	ri := 0
	for bi := 0; bi < n; {
		r, w := rune(text[bi]), 1
		if r >= utf8.RuneSelf {
			r, w = decodeMulti(text, bi)
		}
		if !isAlnum(r) {
			bi += w
			ri++
			continue
		}
		toks = append(toks, token{start: ri})
		t := &toks[len(toks)-1]
		bstart := bi
		t.num = unicode.IsDigit(r)
		t.capital = unicode.IsUpper(r)
		letters, uppers := 0, 0
		prev := rune(0)
		for bi < n {
			r, w = rune(text[bi]), 1
			if r >= utf8.RuneSelf {
				r, w = decodeMulti(text, bi)
			}
			if isAlnum(r) {
				if r < utf8.RuneSelf {
					if 'a' <= r && r <= 'z' {
						letters++
					} else if 'A' <= r && r <= 'Z' {
						letters++
						uppers++
					}
				} else if unicode.IsLetter(r) {
					letters++
					if unicode.IsUpper(r) {
						uppers++
					}
				}
			} else if prev == 0 || bi+w >= n {
				break
			} else if next, _ := decodeAt(text, bi+w); !joins(prev, r, next) {
				break
			}
			prev = r
			bi += w
			ri++
		}
		t.end = ri
		t.text = text[bstart:bi]
		t.allCaps = letters > 0 && letters == uppers
		if uppers > 0 {
			for _, c := range t.text {
				lowBuf = utf8.AppendRune(lowBuf, unicode.ToLower(c))
			}
			t.lex = uint32(len(lowBuf))
		} else {
			t.lower = t.text
		}
	}
	low, prevEnd := string(lowBuf), 0
	for i := range toks {
		t := &toks[i]
		if t.lower == "" {
			e := int(t.lex)
			t.lower = low[prevEnd:e]
			prevEnd = e
		}
		t.lex = tokLex[t.lower]
	}
	return toks
}

// decodeAt decodes the rune at byte offset i of s, with an ASCII fast path;
// an invalid byte is utf8.RuneError of width 1, as in a range loop.
func decodeAt(s string, i int) (rune, int) {
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return decodeMulti(s, i)
}

// decodeMulti is decodeAt's multi-byte case, kept apart so decodeAt inlines.
func decodeMulti(s string, i int) (rune, int) { return utf8.DecodeRuneInString(s[i:]) }

// matchCase gives std the letter case of orig: "Himbau"→"Imbau", "RESIKO"→"RISIKO".
// A std that carries its own capitals (month names) is kept as it is.
func matchCase(orig, std string) string {
	if std != strings.ToLower(std) {
		return std
	}
	r, _ := utf8.DecodeRuneInString(orig)
	allCaps := utf8.RuneCountInString(orig) > 1 && orig == strings.ToUpper(orig) && orig != strings.ToLower(orig)
	switch {
	case allCaps:
		return strings.ToUpper(std)
	case unicode.IsUpper(r):
		return capitalize(std)
	}
	return std
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// editDistance is the Levenshtein distance between a and b (in runes), or
// max+1 when it exceeds max, so long unrelated words cost little.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// phraseSet indexes lower-case word sequences by their first word so that a
// scan costs one map lookup per token.
type phraseSet map[string][][]string

// newPhraseSet indexes phrases; among phrases with the same first word the
// longer ones are tried first.
func newPhraseSet(phrases [][]string) phraseSet {
	ps := phraseSet{}
	for _, ph := range phrases {
		ps[ph[0]] = append(ps[ph[0]], ph)
	}
	for _, list := range ps {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	}
	return ps
}

// at returns the number of tokens of the phrase starting at toks[i] (not
// reaching hi), or 0.
func (ps phraseSet) at(toks []token, i, hi int) int {
	for _, ph := range ps[toks[i].lower] {
		if i+len(ph) <= hi && matchWords(toks[i:i+len(ph)], ph) {
			return len(ph)
		}
	}
	return 0
}
