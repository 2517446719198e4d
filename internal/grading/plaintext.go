package grading

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// A release reaches editors as plain text: pasted into an e-mail, a chat or
// a newsroom system. Markup written for a web page or a document shows
// there as stray signs, and a passage in English leaves the Indonesian
// reader out. Both pass every other rule, so they are looked for here.

// markupKind is one kind of web and document markup: it starts at one of
// the bytes of start, matches re there (anchored), and is said in a message
// as what, with how to write the passage instead.
type markupKind struct {
	start     string
	re        *regexp.Regexp
	lineStart bool // only at the start of a line, after spaces
	emphasis  bool // a single * or _ pair must stand apart from the words around it
	what, do  string
}

// markupKinds are the kinds of markup, in report order.
var markupKinds = []markupKind{
	{start: "#", re: regexp.MustCompile(`\A#{1,6}[ \t]+\S[^\n]*`), lineStart: true, what: "tanda judul Markdown (#)",
		do: "hapus tanda pagarnya; judul ditulis di baris judul, dan subjudul tidak dipakai dalam rilis berita"},
	{start: "*_", re: regexp.MustCompile(`\A(?:\*\*[^*\n]+\*\*|__[^_\n]+__|\*[^\s*][^*\n]*[^\s*]\*)`), emphasis: true, what: "tanda tebal atau miring Markdown (* atau _)",
		do: "hapus tanda bintang atau garis bawahnya; penekanan dalam berita datang dari urutan fakta, bukan dari huruf tebal"},
	{start: "[", re: regexp.MustCompile(`\A\[[^\]\n]+\]\([^)\s]+\)`), what: "tautan Markdown ([teks](alamat))",
		do: "tulis alamatnya saja sebagai teks, misalnya \"Informasi lengkap ada di https://…\""},
	{start: "<", re: regexp.MustCompile(`\A(?i)</?(?:b|i|u|s|strong|em|p|br|hr|a|div|span|h[1-6]|ul|ol|li|table|tr|td|img|font|center|blockquote)(?:\s[^<>\n]*)?/?>`), what: "tag HTML",
		do: "hapus tag itu dan biarkan teksnya saja"},
}

// find returns the byte ranges of the kind's markup in text. Each place a
// start byte stands is tried with the anchored expression, so a text is read
// once whatever its length.
func (k markupKind) find(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		j := strings.IndexAny(text[i:], k.start)
		if j < 0 {
			break
		}
		p := i + j
		i = p + 1
		if k.lineStart && strings.TrimLeft(text[strings.LastIndexByte(text[:p], '\n')+1:p], " \t") != "" {
			continue
		}
		m := k.re.FindStringIndex(text[p:])
		if m == nil {
			continue
		}
		e := p + m[1]
		if k.emphasis && text[p+1] != text[p] {
			// "*Siaga Desa*" is italics only apart from the words around:
			// after a space or "(" and before a space or punctuation.
			if p > 0 && !strings.ContainsRune(" \t\n(", rune(text[p-1])) || e < len(text) && !strings.ContainsRune(" \t\n.,;:)", rune(text[e])) {
				continue
			}
		}
		out = append(out, [2]int{p, e})
		i = e
	}
	return out
}

// CostBulletList: a list has to be rewritten as sentences before an editor
// can run it, more work than a saran's usual cost says.
const CostBulletList = 10

// checkMarkup reports web and document markup in the headline and body:
// each kind once, at its first place, saying how often it occurs; and a
// bulleted list once.
func (g *grader) checkMarkup(cn *costNotes) {
	for _, f := range []*field{g.head, g.body} {
		for _, k := range markupKinds {
			ms := k.find(f.text)
			if len(ms) == 0 {
				continue
			}
			s, e := f.runeOf(ms[0][0]), f.runeOf(ms[0][1])
			passage := strings.TrimSpace(f.slice(s, e))
			s, e = f.trimSpan(s, e)
			more := ""
			if len(ms) > 1 {
				more = fmt.Sprintf("; seluruhnya ada %s tanda seperti itu dalam %s", countWord(len(ms)), fieldName(f.name))
			}
			g.add(f.finding("markup", SevPeringatan, s, e,
				fmt.Sprintf("\"%s\" memuat %s%s. Rilis dikirim ke media sebagai teks biasa, misalnya lewat surel atau pesan, sehingga tanda itu tampil apa adanya dan mengganggu pembaca; %s.", passage, k.what, more, k.do), ""))
			cn.note("ada tanda format Markdown atau HTML")
		}
		if f != g.body {
			continue
		}
		if ms := bulletLines(f.text); len(ms) >= 2 {
			s, e := f.trimSpan(f.runeOf(ms[0][0]), f.runeOf(ms[len(ms)-1][1]))
			var items []string
			for _, m := range ms {
				item := strings.TrimRight(strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(f.text[m[0]:m[1]]), "-*+")), ".;,")
				items = append(items, strings.TrimSpace(item))
			}
			fix := "gabungkan butirnya menjadi kalimat biasa yang dirangkai dengan koma dan kata “dan”."
			if len(items) <= 5 && !slices.ContainsFunc(items, func(it string) bool { return len(strings.Fields(it)) > 6 }) {
				fix = "gabungkan butirnya menjadi kalimat, misalnya “… " + joinID(items) + ".”"
			}
			g.addCost(f.finding("daftar-berbutir", SevSaran, s, e,
				fmt.Sprintf("Bagian ini ditulis sebagai daftar berbutir (%s butir, mulai dari \"%s\"). Berita ditulis dalam kalimat dan paragraf, dan tanda butir bisa berubah atau hilang ketika rilis disalin ke surel atau sistem redaksi; %s", countWord(len(ms)), items[0], fix), ""), CostBulletList)
			cn.note("ada daftar berbutir")
		}
	}
}

// bulletLines returns the byte ranges of the lines that are list items:
// "- ", "* " or "+ " after spaces, then some text.
func bulletLines(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		j := i
		for j < end && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j+2 < end && (text[j] == '-' || text[j] == '*' || text[j] == '+') && (text[j+1] == ' ' || text[j+1] == '\t') && strings.TrimSpace(text[j+2:end]) != "" {
			out = append(out, [2]int{i, end})
		}
		i = end + 1
	}
	return out
}

// fieldName names a field in a message.
func fieldName(name string) string {
	if name == FieldJudul {
		return "judul"
	}
	return "isi rilis"
}

// runeOf converts a byte offset of the field's text to a rune offset.
func (f *field) runeOf(b int) int {
	return sort.Search(len(f.offs), func(i int) bool { return int(f.offs[i]) >= b })
}

// trimSpan narrows [s, e) to leave out surrounding white space.
func (f *field) trimSpan(s, e int) (int, int) {
	for s < e && isSpaceRune(f.at(s)) {
		s++
	}
	for e > s && isSpaceRune(f.at(e-1)) {
		e--
	}
	return s, e
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// englishWords are English function words that are no Indonesian word; a
// passage dense with them and free of Indonesian ones is English. Words
// that Indonesian text uses on their own ("per", "pro", "an" of "1980-an",
// "no." for nomor, "AS" for Amerika Serikat) are left out, and tokens in
// capitals never count.
var englishWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "being": true, "for": true, "with": true, "this": true,
	"that": true, "these": true, "those": true, "will": true, "would": true, "can": true, "could": true,
	"should": true, "must": true, "have": true, "has": true, "had": true, "we": true, "our": true,
	"you": true, "your": true, "they": true, "their": true, "them": true, "he": true, "she": true,
	"his": true, "her": true, "it": true, "its": true, "which": true, "who": true, "what": true,
	"when": true, "where": true, "how": true, "why": true, "not": true, "all": true, "more": true,
	"most": true, "about": true, "into": true, "than": true, "then": true, "there": true, "here": true,
	"also": true, "only": true, "very": true, "from": true, "by": true, "on": true, "at": true,
	"as": true, "or": true, "if": true, "but": true, "so": true, "do": true, "does": true, "did": true,
	"my": true, "me": true, "us": true, "am": true,
}

// indonesianWords break an English passage: a clause holding one of them is
// Indonesian, whatever English words it borrows.
var indonesianWords = map[string]bool{
	"yang": true, "dan": true, "di": true, "ke": true, "dari": true, "untuk": true, "dengan": true,
	"ini": true, "itu": true, "pada": true, "akan": true, "tidak": true, "adalah": true, "dalam": true,
	"oleh": true, "atau": true, "juga": true, "karena": true, "bagi": true, "sudah": true, "telah": true,
	"para": true, "kami": true, "kita": true, "serta": true, "agar": true, "sebagai": true, "ada": true,
	"bisa": true, "dapat": true, "kata": true, "ujar": true, "ia": true, "mereka": true, "saat": true,
	"jika": true, "bila": true, "namun": true, "tetapi": true, "secara": true, "sejak": true, "hingga": true,
	"sampai": true, "setelah": true, "sebelum": true, "antara": true, "tersebut": true, "masih": true,
	"lebih": true, "sangat": true, "bahwa": true, "kepada": true, "tentang": true, "melalui": true,
	"sekitar": true, "hari": true, "tahun": true, "warga": true, "pukul": true, "kepala": true, "dinas": true,
}

// Thresholds of an English passage: at least EnglishMinWords different
// English function words, making up a third of the passage's words. The
// same word twice does not count again: Indonesian officials say "the right
// man on the right place" as an idiom of their own.
const (
	EnglishMinWords = 3
	EnglishMinShare = 0.3
)

// checkEnglish reports passages written in English: runs of words inside a
// sentence with no Indonesian function word and dense with English ones. A
// name or title in English ("Festival of the Arts") has only capitalised
// words besides its function words and is left alone.
func (g *grader) checkEnglish(f *field) {
	type run struct{ lo, hi int } // token indexes, hi exclusive
	var found []run
	for _, s := range f.sents {
		lo, hi := f.tokRange(s.Start, s.End)
		start := -1                  // first English word of the current run
		eng, kinds := 0, [3]string{} // English words, and up to three different ones
		flush := func(end int) {
			if start >= 0 && eng >= EnglishMinWords && kinds[2] != "" {
				lower := false
				for _, t := range f.toks[start:end] {
					if !englishWords[t.lower] && !t.capital && !t.num && t.end-t.start > 1 {
						lower = true
					}
				}
				if lower && float64(eng) >= EnglishMinShare*float64(end-start) {
					found = append(found, run{start, end})
				}
			}
			start, eng, kinds = -1, 0, [3]string{}
		}
		for i := lo; i < hi; i++ {
			t := f.toks[i]
			if t.allCaps {
				continue
			}
			switch {
			case indonesianWords[t.lower]:
				flush(i)
			case englishWords[t.lower]:
				if start < 0 {
					start = i
				}
				eng++
				for k := range kinds {
					if kinds[k] == t.lower {
						break
					}
					if kinds[k] == "" {
						kinds[k] = t.lower
						break
					}
				}
			}
		}
		flush(hi)
	}
	// Runs of neighbouring sentences are one passage.
	var merged []run
	for _, r := range found {
		if n := len(merged); n > 0 && f.sentenceOf(f.toks[merged[n-1].hi-1].start)+1 >= f.sentenceOf(f.toks[r.lo].start) && merged[n-1].hi == r.lo {
			merged[n-1].hi = r.hi
			continue
		}
		merged = append(merged, r)
	}
	for _, r := range merged {
		s, e := f.toks[r.lo].start, f.toks[r.hi-1].end
		if e < f.runes() && strings.ContainsRune(".!?", f.at(e)) {
			e++
		}
		g.noteBahasa("bagian berbahasa Inggris")
		g.add(f.finding("bahasa-inggris", SevPeringatan, s, e,
			fmt.Sprintf("\"%s\" ditulis dalam bahasa Inggris. Rilis pemerintah daerah ditujukan kepada warga dan media berbahasa Indonesia, dan tidak semua pembaca memahami bahasa Inggris; tulis bagian ini dalam bahasa Indonesia (nama resmi yang berbahasa asing boleh tetap).", f.slice(s, e)), ""))
	}
}
