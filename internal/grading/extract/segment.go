package extract

import "unicode/utf8"

// doc is a tokenized text with its segmentation, computed once per call.
type doc struct {
	text  string
	low   string
	toks  []token
	sents [][2]int // token index ranges [a, b)
	paras [][2]int // token index ranges [a, b)
	quote []Span   // quotations, in text order
	inQ   []bool   // per token: inside a quotation (marks included)
	flags []uint32 // per token: lexicon flags (see lexFlags)
}

func newDoc(text string) *doc {
	text = validText(text)
	low := lowerText(text)
	d := &doc{text: text, low: low}
	d.toks = tokenize(text, low)
	d.paras = paragraphRanges(d.toks)
	d.sents = sentenceRanges(d.toks)
	d.quote, d.inQ = quoteSpans(d)
	return d
}

// span builds the Span covering tokens [a, b).
// lookup fills the lexicon flags of every token; segmentation alone does not need them.
func (d *doc) lookup() {
	if d.flags != nil {
		return
	}
	d.flags = make([]uint32, len(d.toks))
	for i := range d.toks {
		if d.toks[i].kind == kWord {
			d.flags[i] = lexFlags[d.toks[i].lower]
		}
	}
}

func (d *doc) span(a, b int) Span {
	if a >= b {
		return Span{}
	}
	return Span{Start: d.toks[a].start, End: d.toks[b-1].end, Text: d.text[d.toks[a].bs:d.toks[b-1].be]}
}

func (d *doc) spans(r [][2]int) []Span {
	if len(r) == 0 {
		return nil
	}
	out := make([]Span, len(r))
	for i, x := range r {
		out[i] = d.span(x[0], x[1])
	}
	return out
}

// paragraphRanges groups tokens into paragraphs: a blank line (two or more
// newlines in one run of whitespace, "\n\n" or "\r\n\r\n") separates them.
// A text without any blank line that breaks its lines after sentences
// (lineParagraphs) has a paragraph at each such break.
func paragraphRanges(toks []token) [][2]int {
	var out [][2]int
	lines := lineParagraphs(toks)
	start := 0
	for i := 1; i < len(toks); i++ {
		if toks[i].nl >= 2 || lines && toks[i].nl == 1 && endsLine(toks, i) {
			out = append(out, [2]int{start, i})
			start = i
		}
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

// lineParagraphs reports a text that writes one paragraph a line: it has
// no blank line, and more than half of its line breaks follow a sentence's
// end. A text wrapped at a width breaks its lines mostly inside sentences,
// and stays one paragraph per blank line.
func lineParagraphs(toks []token) bool {
	breaks, ends := 0, 0
	for i := 1; i < len(toks); i++ {
		switch {
		case toks[i].nl >= 2:
			return false
		case toks[i].nl == 1:
			breaks++
			if endsLine(toks, i) {
				ends++
			}
		}
	}
	return ends > 0 && 2*ends > breaks
}

// endsLine reports whether the line break before toks[i] follows a
// sentence's end: a full stop, question or exclamation mark, with any
// closing quotes or brackets after it.
func endsLine(toks []token, i int) bool {
	j := i - 1
	for j > 0 && isCloser(toks[j].text) {
		j--
	}
	return j >= 0 && toks[j].kind == kPunct && isTerminal(toks[j].text)
}

func isTerminal(s string) bool {
	return s == "." || s == "!" || s == "?" || s == "…"
}

func isCloser(s string) bool {
	return s == "”" || s == "\"" || s == "’" || s == ")" || s == "]" || s == "»"
}

// prefixAbbrev are abbreviations that stand before a name, a number or a
// place: a period after them never ends a sentence.
var prefixAbbrev = map[string]bool{
	"h": true, "hj": true, "dr": true, "drg": true, "ir": true, "prof": true, "tb": true,
	"kh": true, "drs": true, "dra": true, "ny": true, "nn": true, "sdr": true, "sdri": true,
	"bpk": true, "yth": true, "mr": true, "mrs": true, "ms": true, "moh": true, "muh": true,
	"mhd": true, "st": true, "pdt": true, "ust": true, "kol": true, "letkol": true,
	"no": true, "nomor": false, "jl": true, "jln": true, "gg": true, "kp": true, "ds": true,
	"kel": true, "kec": true, "kab": true, "prov": true, "rp": true, "pkl": true, "tgl": true,
	"telp": true, "tlp": true, "hp": true, "hlm": true, "hal": true, "vol": true, "ket": true,
	"sp": true, "raden": false, "r": true, "kpt": true, "ptg": true, "an": true, "u": true,
}

// sentenceRanges splits tokens into sentences. A period ends a sentence unless
// it belongs to an abbreviation, an initial or a number, or a lower-case word
// follows; closing quotes and brackets stay with the sentence they close.
func sentenceRanges(toks []token) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i > start && (t.nl >= 2 || (t.nl == 1 && softBreak(toks, i))) {
			out = append(out, [2]int{start, i})
			start = i
		}
		if t.kind != kPunct || !isTerminal(t.text) {
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j].space && (isTerminal(toks[j].text) || isCloser(toks[j].text)) {
			j++
		}
		if splitAfter(toks, i, j) {
			out = append(out, [2]int{start, j})
			start = j
		}
		i = j - 1
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

// softBreak decides whether a single line break before toks[i] ends a
// sentence: it does when the new line starts like a sentence and the old
// one does not continue (a comma, a hyphen or a lower-case start continue).
func softBreak(toks []token, i int) bool {
	p := toks[i-1]
	if p.kind == kPunct {
		switch p.text {
		case ",", ";", ":", "-", "(", "/", "–", "“":
			return false
		}
	}
	n := toks[i]
	if n.kind == kWord {
		return n.upper
	}
	return n.text == "“" || n.text == "\"" || n.text == "•" || n.text == "-" || n.text == "*"
}

func splitAfter(toks []token, i, j int) bool {
	if j >= len(toks) {
		return true
	}
	next := toks[j]
	if !next.space && next.kind != kPunct {
		return false // "a.n", "KRAKATAURADIO.COM"
	}
	if next.nl > 0 {
		return true
	}
	if next.kind == kWord && !next.upper && startsLetter(next.text) {
		return false // Indonesian sentences start with a capital
	}
	if next.kind == kPunct {
		switch next.text {
		case ",", ";", ":", ")", "]", "”":
			return false
		}
	}
	t := toks[i]
	if t.text != "." || t.space || i == 0 || toks[i-1].kind != kWord {
		return true
	}
	w := toks[i-1]
	dotted := i >= 2 && toks[i-2].text == "." && !w.space
	if j > i+1 {
		// "S.Pd.”" or "…": more than one mark, an ordinary end.
		return true
	}
	if !dotted && prefixAbbrev[w.lower] {
		return false
	}
	if utf8.RuneCountInString(w.text) == 1 {
		return false // an initial: "Susilo B. Yudhoyono", "a.n."
	}
	if dotted {
		// "S.Pd. M.Si.": the next token is another abbreviation.
		if j+1 < len(toks) && toks[j+1].text == "." && !toks[j+1].space {
			return false
		}
		return next.kind == kWord && next.upper
	}
	return true
}

// opensQuote reports a mark that can open a quotation.
func opensQuote(s string) bool { return s == "\"" || s == "“" || s == "«" }

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r != utf8.RuneError && !('0' <= r && r <= '9')
}

// quoteSpans pairs quotation marks within each paragraph. A curly opening
// mark left open runs to the end of its paragraph (Indonesian news opens every
// paragraph of a long quotation and closes only the last); so does a straight
// one when the next paragraph opens with a quotation mark, and otherwise it is
// dropped, as it may be an inch sign or a typo.
func quoteSpans(d *doc) ([]Span, []bool) {
	var out []Span
	inQ := make([]bool, len(d.toks))
	for pi, p := range d.paras {
		open := -1
		curly := false
		for i := p[0]; i < p[1]; i++ {
			switch d.toks[i].text {
			case "“", "«":
				if open < 0 {
					open, curly = i, true
				}
			case "”", "\"", "»":
				if open < 0 {
					open, curly = i, false
					continue
				}
				out = append(out, d.span(open, i+1))
				for k := open; k <= i; k++ {
					inQ[k] = true
				}
				open = -1
			}
		}
		if open >= 0 && (curly || pi+1 < len(d.paras) && d.paras[pi+1][0] < len(d.toks) && opensQuote(d.toks[d.paras[pi+1][0]].text)) {
			out = append(out, d.span(open, p[1]))
			for k := open; k < p[1]; k++ {
				inQ[k] = true
			}
		}
	}
	return out, inQ
}
