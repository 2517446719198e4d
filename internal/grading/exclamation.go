package grading

import (
	"fmt"
	"strings"
)

// checkBodyExclamation flags an exclamation mark of the writer's own in
// the body ("Ayo, segera rekam KTP-el Anda!"): the course's EYD V lesson
// says an official release needs none, since it reports and does not
// shout. A mark inside a quote is the speaker's, one in a name
// ("SP4N-LAPOR!") belongs to it, and a sentence another finding already
// reports (a greeting line, "Salam sehat!") is not reported twice. One
// saran per sentence, the sentence ending with a full stop as its fix.
func (g *grader) checkBodyExclamation() {
	f := g.body
	if !strings.Contains(f.text, "!") {
		return
	}
	last := -1
	var covered map[int]bool // sentences another finding above saran reports
	names := map[string]bool{}
	for i, t := range f.toks {
		p := t.end
		if p >= f.runes() || f.at(p) != '!' || f.inQuote(p) {
			continue
		}
		s := f.sentenceOf(p)
		if s < 0 || s == last {
			continue
		}
		inName, asked := names[t.text]
		if !asked {
			inName = g.bangInName(t.text)
			names[t.text] = inName
		}
		if inName {
			continue
		}
		last = s
		sp := f.sents[s]
		if covered == nil {
			covered = g.sentencesReported(f)
		}
		if covered[s] {
			continue
		}
		end := p + 1
		for end < f.runes() && (f.at(end) == '!' || f.at(end) == '?') {
			end++
		}
		fix := strings.TrimRight(f.slice(sp.Start, p), " ") + "."
		if i+1 < len(f.toks) && f.toks[i+1].start == end && f.sentenceOf(f.toks[i+1].start) == s {
			continue // "!" inside a word run, not a sentence's end
		}
		g.noteBahasa("tanda seru")
		g.add(f.finding("tanda-seru-isi", SevSaran, sp.Start, end,
			fmt.Sprintf("Tanda seru dalam \"%s\" membuat rilis terdengar seperti iklan atau seruan. Rilis resmi tidak memerlukan tanda seru: akhiri kalimat dengan titik, \"%s\", dan biarkan faktanya yang meyakinkan pembaca.", f.slice(sp.Start, end), fix), fix))
	}
}

// sentencesReported marks the sentences of f that a finding above saran
// covers, in one pass over the findings.
func (g *grader) sentencesReported(f *field) map[int]bool {
	out := map[int]bool{}
	for _, fd := range g.findings {
		if fd.Field != f.name || SeverityRank(fd.Severity) <= SeverityRank(SevSaran) {
			continue
		}
		a, b := f.sentenceOf(fd.Start), f.sentenceOf(max(fd.End-1, fd.Start))
		if a < 0 || b < a || b-a > 3 {
			continue
		}
		for s := a; s <= b; s++ {
			out[s] = true
		}
	}
	return out
}
