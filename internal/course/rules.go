package course

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/bimtek/bimtek/internal/brief"
)

// A practice's instructions are what the trainee reads; its brief's ketentuan
// are what the grader checks. checkRules reads the numbers the instructions
// promise and reports every one that the ketentuan contradict or leave out,
// and every rule of the ketentuan the instructions never mention, so that a
// trainee is never graded on a rule other than the one they were given.

// instrText is the instructions flattened to one line of text (Markdown
// emphasis removed), with the file line of every byte.
type instrText struct {
	text  string
	lines []int
}

func newInstrText(p *Practice) instrText {
	var b strings.Builder
	var lines []int
	for i, ln := range strings.Split(p.Instructions, "\n") {
		line := p.instrLine
		if p.instrLines {
			line += i
		}
		ln = strings.NewReplacer("**", "", "*", "", "_", " ").Replace(ln)
		ln = strings.Join(strings.Fields(ln), " ") + " "
		b.WriteString(ln)
		for range len(ln) {
			lines = append(lines, line)
		}
	}
	return instrText{text: b.String(), lines: lines}
}

func (t instrText) lineAt(off int) int {
	if off < 0 || off >= len(t.lines) {
		return 0
	}
	return t.lines[off]
}

// numberWords are the number words instructions use for small counts.
var numberWords = map[string]int{
	"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
	"sembilan": 9, "sepuluh": 10, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5,
}

func countOf(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	n, ok := numberWords[strings.ToLower(s)]
	return n, ok
}

var (
	rangeRe     = regexp.MustCompile(`(\d+)\s*[–—-]\s*(\d+)\s+kata`)
	maxWordsRe  = regexp.MustCompile(`(?i)(?:paling banyak|maksimal|maksimum|tidak lebih dari)\s+(\d+)\s+kata`)
	datelineRe  = regexp.MustCompile("`([A-Z][A-Z .]*?)\\s*[–—-]\\s*`")
	quoteNumRe  = regexp.MustCompile(`(?i)\b(kedua|ketiga|satu|dua|tiga|empat|\d+)\s+kutipan`)
	publishRe   = regexp.MustCompile(`(?i)paling lambat\s+(\w+)\s+hari\s+setelah`)
	thousandsRe = regexp.MustCompile(`(?i)ribuan\s+(?:memakai|menggunakan|dengan|ditulis dengan)\s+(?:tanda\s+)?titik|pemisah ribuan`)
	activeRe    = regexp.MustCompile(`(?i)\bjudul\b[^.;]{0,60}?\b(?:kalimat\s+)?aktif\b`)
	fromSheetRe = regexp.MustCompile(`(?i)hanya fakta dari lembar fakta|kutipan[^.;]{0,40}dari lembar fakta|jangan menambah[^.;]{0,60}kutipan`)
)

// subjectBefore names what a number in the instructions is about: the last
// of judul, teras or isi/rilis mentioned in the 80 bytes before it.
func subjectBefore(text string, at int) string {
	lo := max(0, at-80)
	window := strings.ToLower(text[lo:at])
	best, subj := -1, ""
	for _, k := range []struct{ word, subj string }{{"judul", "judul"}, {"teras", "teras"}, {"isi", "isi"}, {"rilis", "isi"}} {
		if i := strings.LastIndex(window, k.word); i > best {
			best, subj = i, k.subj
		}
	}
	return subj
}

// rulesSeen records which ketentuan the instructions mention.
type rulesSeen struct{ body, headline, lead, dateline, quotes, publish, thousands, fromSheet, active bool }

// checkRules compares a practice's instructions with its brief's ketentuan.
// briefVal is the brief's YAML node, for the lines of the ketentuan keys.
func checkRules(fc *fileCheck, p *Practice, b *brief.Brief, briefVal *yaml.Node) {
	t := newInstrText(p)
	r := b.Ketentuan
	if r == nil {
		r = &brief.Requirements{}
	}
	var seen rulesSeen
	disagree := func(off int, said, key, has, want string) {
		if has == "" {
			fc.add(t.lineAt(off), "instruksi menyebut %s, tetapi brief.ketentuan tidak memuat %s; tambahkan %s: %s agar penilai otomatis memeriksa aturan yang sama", said, key, key, want)
			return
		}
		fc.add(t.lineAt(off), "instruksi menyebut %s, tetapi brief.ketentuan.%s bernilai %s; samakan keduanya (%s: %s)", said, key, has, key, want)
	}
	rangeText := func(v [2]int) string {
		if v == [2]int{} {
			return ""
		}
		return fmt.Sprintf("[%d, %d]", v[0], v[1])
	}
	for _, m := range rangeRe.FindAllStringSubmatchIndex(t.text, -1) {
		lo, _ := strconv.Atoi(t.text[m[2]:m[3]])
		hi, _ := strconv.Atoi(t.text[m[4]:m[5]])
		want := [2]int{lo, hi}
		said := t.text[m[0]:m[1]]
		switch subjectBefore(t.text, m[0]) {
		case "judul":
			seen.headline = true
			if r.HeadlineWords != want {
				disagree(m[0], "judul "+said, "kata_judul", rangeText(r.HeadlineWords), rangeText(want))
			}
		case "isi":
			seen.body = true
			if r.BodyWords != want {
				disagree(m[0], "isi rilis "+said, "kata_isi", rangeText(r.BodyWords), rangeText(want))
			}
		}
	}
	for _, m := range maxWordsRe.FindAllStringSubmatchIndex(t.text, -1) {
		n, _ := strconv.Atoi(t.text[m[2]:m[3]])
		if subjectBefore(t.text, m[0]) != "teras" {
			continue
		}
		seen.lead = true
		if r.LeadMaxWords != n {
			has := ""
			if r.LeadMaxWords > 0 {
				has = strconv.Itoa(r.LeadMaxWords)
			}
			disagree(m[0], "teras "+t.text[m[0]:m[1]], "kata_teras_maks", has, strconv.Itoa(n))
		}
	}
	for _, m := range datelineRe.FindAllStringSubmatchIndex(t.text, -1) {
		place := strings.TrimSpace(t.text[m[2]:m[3]])
		seen.dateline = true
		if r.Dateline != place {
			disagree(m[0], "dateline "+place, "dateline", r.Dateline, place)
		}
	}
	for _, m := range quoteNumRe.FindAllStringSubmatchIndex(t.text, -1) {
		n, ok := countOf(t.text[m[2]:m[3]])
		if !ok {
			continue
		}
		seen.quotes = true
		if r.AttributedQuotes != n {
			has := ""
			if r.AttributedQuotes > 0 {
				has = strconv.Itoa(r.AttributedQuotes)
			}
			disagree(m[0], t.text[m[0]:m[1]], "kutipan_beratribusi", has, strconv.Itoa(n))
		}
	}
	for _, m := range publishRe.FindAllStringSubmatchIndex(t.text, -1) {
		n, ok := countOf(t.text[m[2]:m[3]])
		if !ok {
			continue
		}
		seen.publish = true
		if b.PublishByDays != n {
			fc.add(t.lineAt(m[0]), "instruksi menyebut rilis terbit %s, tetapi brief.publish_by_days bernilai %d; samakan keduanya (publish_by_days: %d)", t.text[m[0]:m[1]], b.PublishByDays, n)
		}
	}
	if m := thousandsRe.FindStringIndex(t.text); m != nil {
		seen.thousands = true
		if !r.ThousandsSeparator {
			disagree(m[0], "\""+t.text[m[0]:m[1]]+"\"", "pemisah_ribuan", boolText(b.Ketentuan != nil && hasKey(briefVal, "pemisah_ribuan"), r.ThousandsSeparator), "true")
		}
	}
	if m := fromSheetRe.FindStringIndex(t.text); m != nil {
		seen.fromSheet = true
		if !r.QuotesFromBrief {
			disagree(m[0], "\""+t.text[m[0]:m[1]]+"\"", "kutipan_dari_lembar_fakta", boolText(b.Ketentuan != nil && hasKey(briefVal, "kutipan_dari_lembar_fakta"), r.QuotesFromBrief), "true")
		}
	}
	if m := activeRe.FindStringIndex(t.text); m != nil {
		seen.active = true
		if !r.ActiveHeadline {
			disagree(m[0], "\""+t.text[m[0]:m[1]]+"\"", "judul_aktif", boolText(b.Ketentuan != nil && hasKey(briefVal, "judul_aktif"), r.ActiveHeadline), "true")
		}
	}
	if b.Ketentuan == nil {
		return
	}
	// Rules the trainee was never told about.
	unsaid := func(key string, said bool, set bool, what string) {
		if set && !said {
			fc.add(ruleLine(fc, briefVal, key), "brief.ketentuan.%s (%s) tidak disebut di instruksi; peserta hanya dapat memenuhi aturan yang dibacanya, jadi tulis aturan itu di instruksi atau hapus kuncinya", key, what)
		}
	}
	unsaid("kata_isi", seen.body, r.BodyWords != [2]int{}, "panjang isi rilis")
	unsaid("kata_judul", seen.headline, r.HeadlineWords != [2]int{}, "panjang judul")
	unsaid("kata_teras_maks", seen.lead, r.LeadMaxWords > 0, "panjang teras berita")
	unsaid("dateline", seen.dateline, r.Dateline != "", "dateline")
	unsaid("kutipan_beratribusi", seen.quotes, r.AttributedQuotes > 0, "jumlah kutipan")
	unsaid("pemisah_ribuan", seen.thousands, r.ThousandsSeparator, "titik pemisah ribuan")
	unsaid("kutipan_dari_lembar_fakta", seen.fromSheet, r.QuotesFromBrief, "kutipan hanya dari lembar fakta")
	unsaid("judul_aktif", seen.active, r.ActiveHeadline, "judul berupa kalimat aktif")
}

func boolText(set, v bool) string {
	if !set {
		return ""
	}
	return strconv.FormatBool(v)
}

// ketentuanKey finds the key node of ketentuan.key inside the brief's node.
func ketentuanKey(briefVal *yaml.Node, key string) *yaml.Node {
	briefVal = resolve(briefVal)
	if briefVal == nil || briefVal.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(briefVal.Content); i += 2 {
		if briefVal.Content[i].Value != "ketentuan" {
			continue
		}
		k := briefVal.Content[i]
		v := resolve(briefVal.Content[i+1])
		if key == "" || v == nil || v.Kind != yaml.MappingNode {
			return k
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			if v.Content[j].Value == key {
				return v.Content[j]
			}
		}
		return k
	}
	return nil
}

func hasKey(briefVal *yaml.Node, key string) bool {
	k := ketentuanKey(briefVal, key)
	return k != nil && k.Value == key
}

func ruleLine(fc *fileCheck, briefVal *yaml.Node, key string) int {
	return fc.line(ketentuanKey(briefVal, key))
}
