package grading

import "fmt"

// sentenceConnectors link a sentence to the one before it; EYD V puts a
// comma after them when they open the sentence ("Oleh karena itu, warga
// …"). "Karena itu" and "Untuk itu" without "oleh" may open a clause of
// their own ("Karena itu penting, …"), so they are left out.
var sentenceConnectors = newPhraseSet([][]string{
	{"oleh", "karena", "itu"}, {"oleh", "sebab", "itu"}, {"dengan", "demikian"}, {"selain", "itu"},
	{"sementara", "itu"}, {"akan", "tetapi"}, {"meskipun", "demikian"}, {"walaupun", "demikian"},
	{"biarpun", "demikian"}, {"kendati", "demikian"}, {"namun"}, {"di", "samping", "itu"}, {"sebaliknya"}, {"lagi", "pula"},
})

// checkConnectorComma flags a sentence-opening connector without the comma
// after it, a saran fixed with the comma: one per release, since a
// writer who drops it drops it everywhere and one reminder teaches it.
func (g *grader) checkConnectorComma() {
	f := g.body
	for i := range f.toks {
		k := sentenceConnectors.at(f.toks, i, len(f.toks))
		if k == 0 || !sentenceStart(f, i) || f.inQuote(f.toks[i].start) {
			continue
		}
		last := f.toks[i+k-1]
		if i+k >= len(f.toks) || f.slice(last.end, f.toks[i+k].start) != " " || f.sentenceOf(f.toks[i+k].start) != f.sentenceOf(last.start) {
			continue
		}
		if w := f.toks[i+k].lower; w == "demikian" || w == "pula" || w == "juga" {
			continue // "Namun demikian, …", "Selain itu pula": the connector goes on
		}
		phrase := f.slice(f.toks[i].start, last.end)
		g.noteBahasa("koma setelah kata penghubung")
		g.add(f.finding("koma-penghubung", SevSaran, f.toks[i].start, last.end,
			fmt.Sprintf("Ungkapan penghubung antarkalimat \"%s\" di awal kalimat diikuti koma: \"%s,\". Koma itu memisahkan penghubung dari isi kalimatnya.", phrase, phrase), phrase+","))
		return
	}
}
