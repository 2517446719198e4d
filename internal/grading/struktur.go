package grading

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/brief"
)

// Thresholds of the struktur criterion.
const (
	// MaxLeadSentences and MaxLeadWords: the lead carries the core of the
	// news in one breath; editors cut leads past two sentences or 35 words.
	MaxLeadSentences = 2
	MaxLeadWords     = 35
	// MaxParagraphWords and MaxParagraphSentences: on a phone a paragraph of
	// more than about 70 words or 4 sentences becomes a wall of text.
	MaxParagraphWords     = 70
	MaxParagraphSentences = 4
	// MinReleaseWords and MaxReleaseWords: the usual length of a release.
	// Shorter practice texts only get an info; very short ones a suggestion.
	MinReleaseWords  = 250
	MaxReleaseWords  = 600
	VeryShortWords   = 100
	MaxReasonableLen = 1000
)

// gradeStruktur checks the shape of the release: dateline, lead, paragraphs,
// length, and the contact line of a formal press release.
func (g *grader) gradeStruktur() result {
	f := g.body
	cn := g.costNotes(CritStruktur)
	if !g.hasLead {
		return result{score: 0, summary: "Isi rilis kosong, jadi strukturnya belum dapat dinilai."}
	}

	r := g.rules()
	if r == nil {
		r = &Requirements{}
	}
	switch {
	case !g.dl.found && r.Dateline != "":
		start, end := g.datelineSpot()
		msg := fmt.Sprintf("Ketentuan latihan: teras berita diawali dateline \"%s – \". Dateline memberi tahu pembaca di mana peristiwa terjadi sejak kata pertama.", r.Dateline)
		fix := r.Dateline + " – " + f.slice(start, end)
		if e, ok := g.placeOpening(r.Dateline); ok {
			// The place is written, without the capitals and dash of a
			// dateline: the fix rewrites it instead of adding it again.
			start, end, fix = g.lead.Start, e, r.Dateline+" –"
			msg = fmt.Sprintf("Ketentuan latihan: teras berita diawali dateline \"%s – \", yaitu nama tempat berhuruf kapital semua dan tanda pisah. Dateline memberi tahu pembaca di mana peristiwa terjadi sejak kata pertama.", r.Dateline)
		}
		g.addCost(f.finding("dateline-hilang", SevPeringatan, start, end, msg, fix), CostMissingDateline)
		cn.note("belum ada dateline")
	case g.dl.found && r.Dateline != "" && !strings.EqualFold(strings.TrimSpace(f.slice(g.dl.start, g.dl.end)), r.Dateline):
		g.add(f.finding("dateline-salah", SevPeringatan, g.dl.start, g.dl.end,
			fmt.Sprintf("Ketentuan latihan: dateline rilis ini \"%s\", tempat kantor yang menerbitkannya.", r.Dateline), r.Dateline))
		cn.note("dateline tidak sesuai ketentuan")
	case !g.dl.found:
		start, end := g.datelineSpot()
		g.add(f.finding("dateline-hilang", SevPeringatan, start, end,
			"Teras berita belum diawali dateline, yaitu nama tempat berhuruf kapital dan tanda pisah, misalnya \"SUKAMAJU – \". Dateline memberi tahu pembaca di mana peristiwa terjadi sejak kata pertama.", ""))
		cn.note("belum ada dateline")
	case !g.dl.caps:
		g.add(f.finding("dateline-huruf-kecil", SevSaran, g.dl.start, g.dl.end,
			"Nama tempat pada dateline ditulis dengan huruf kapital semua.", strings.ToUpper(f.slice(g.dl.start, g.dl.end))))
	}

	// The lead rules measure the written lead, the first paragraph whole:
	// that is what the practices' instructions call the lead.
	lead := g.leadPara
	oneBlock := f.sentencesIn(lead.Start, lead.End) > MaxLeadSentences+1 && lead.End >= f.paras[len(f.paras)-1].End
	leadTooLong := false
	if maxLead := g.leadMax(); g.st.LeadWords > maxLead {
		cost := min(CostLeadTooLong+g.st.LeadWords-maxLead, CostLeadTooLongMax)
		limit := fmt.Sprintf("usahakan di bawah %s kata", countWord(maxLead))
		if r.LeadMaxWords > 0 {
			limit = fmt.Sprintf("padahal ketentuan latihan membatasinya paling banyak %s kata", countWord(maxLead))
		}
		if oneBlock {
			// Point at the first sentence: the break belongs after it.
			end := lead.End
			if s := f.sentenceOf(g.dateline); s >= 0 && f.sents[s].End < end {
				end = f.sents[s].End
			}
			msg := fmt.Sprintf("Seluruh isi rilis ditulis dalam satu paragraf, jadi teras beritanya (paragraf pertama) berisi %s kata, %s. Pembaca di lini masa sering berhenti setelah paragraf pertama, jadi inti berita harus selesai di sana. Akhiri teras setelah kalimat ini dengan baris kosong, lalu tulis rinciannya di paragraf-paragraf berikutnya.", countWord(g.st.LeadWords), limit)
			if lo, hi := f.tokRange(g.dateline, end); hi-lo > maxLead {
				msg += fmt.Sprintf(" Kalimat ini sendiri sudah %s kata; ringkas juga.", countWord(hi-lo))
			}
			g.addCost(f.finding("teras-panjang", SevPeringatan, g.dateline, end, msg, ""), cost)
			cn.note("seluruh isi satu paragraf, teras terlalu panjang")
		} else {
			msg := fmt.Sprintf("Teras berita %s kata; %s agar pembaca langsung menangkap intinya.", countWord(g.st.LeadWords), limit)
			if r.LeadMaxWords > 0 {
				msg = fmt.Sprintf("Teras berita %s kata, %s. Teras yang panjang menunda inti berita; pindahkan rinciannya ke paragraf berikutnya.", countWord(g.st.LeadWords), limit)
			}
			g.addCost(f.finding("teras-panjang", SevPeringatan, g.dateline, lead.End, msg, ""), cost)
			cn.note("teras terlalu panjang")
		}
		leadTooLong = true
	}
	if leadSents := f.sentencesIn(lead.Start, lead.End); leadSents > MaxLeadSentences && !(oneBlock && leadTooLong) {
		g.add(f.finding("teras-banyak-kalimat", SevPeringatan, g.dateline, lead.End,
			fmt.Sprintf("Teras berita terdiri atas %s kalimat; ringkas menjadi satu atau dua kalimat yang memuat inti berita, lalu pindahkan rinciannya ke paragraf berikutnya.", countWord(leadSents)), ""))
		cn.note("teras lebih dari dua kalimat")
	}

	long := false
	for i, p := range f.paras {
		if i == 0 {
			continue
		}
		lo, hi := f.tokRange(p.Start, p.End)
		sents := f.sentencesIn(p.Start, p.End)
		switch {
		case hi-lo > MaxParagraphWords:
			g.add(f.finding("paragraf-panjang", SevSaran, p.Start, p.End,
				fmt.Sprintf("Paragraf ke-%d berisi %s kata; paragraf berita sebaiknya 1–3 kalimat agar nyaman dibaca di layar ponsel. Pecah menjadi dua paragraf.", i+1, countWord(hi-lo)), ""))
			long = true
		case sents > MaxParagraphSentences:
			g.add(f.finding("paragraf-panjang", SevSaran, p.Start, p.End,
				fmt.Sprintf("Paragraf ke-%d berisi %s kalimat; paragraf berita sebaiknya 1–3 kalimat. Pecah menjadi dua paragraf.", i+1, countWord(sents)), ""))
			long = true
		}
	}
	if long {
		cn.note("ada paragraf yang terlalu panjang")
	}
	if len(f.paras) == 1 && g.st.Sentences > MaxLeadSentences+1 && !leadTooLong {
		g.add(f.finding("satu-paragraf", SevSaran, g.lead.Start, g.lead.Start,
			"Seluruh rilis ditulis dalam satu paragraf. Pisahkan teras berita dari paragraf penjelas dengan baris kosong.", ""))
		cn.note("hanya satu paragraf")
	}

	g.checkRepeatedSentences(cn)
	g.checkMarkup(cn)

	words := g.st.Words
	end := f.runes()
	if lo, hi := r.BodyWords[0], r.BodyWords[1]; lo > 0 {
		g.checkRequiredLength(words, lo, hi, cn)
	} else {
		g.checkUsualLength(words, cn)
	}

	if g.pressReleaseWithoutContact() {
		g.add(f.finding("narahubung-hilang", SevInfo, end, end,
			"Siaran pers resmi biasanya ditutup dengan narahubung (nama dan nomor telepon atau surel) agar wartawan dapat meminta konfirmasi.", ""))
	}
	return result{score: g.deduct(CritStruktur), summary: cn.summary("Ada dateline, teras ringkas, dan paragraf pendek: struktur piramida terbalik sudah tepat.")}
}

// placeOpening reports a lead that opens with the dateline's place written
// another way ("Sukamaju, Dinas …", "SUKAMAJU: …", "Sukamaju (16/4) – …"):
// end is where the place, its punctuation and a dash close by end.
func (g *grader) placeOpening(place string) (end int, ok bool) {
	f := g.body
	lo, hi := f.tokRange(g.lead.Start, g.lead.End)
	words := strings.Fields(strings.ToLower(place))
	if len(words) == 0 || hi-lo <= len(words) {
		return 0, false
	}
	for k, w := range words {
		if f.toks[lo+k].lower != w {
			return 0, false
		}
	}
	end = f.toks[lo+len(words)-1].end
	next := f.toks[lo+len(words)].start
	for p := end; p < min(end+maxDatelineRunes/2, g.lead.End); p++ {
		if r := f.at(p); r == '–' || r == '—' || r == '-' && f.at(p-1) == ' ' {
			return p + 1, true
		}
		if r := f.at(p); r == '.' && !isAlnum(f.at(p+1)) || r == '\n' {
			break
		}
	}
	for p := end; p < next; p++ {
		if r := f.at(p); r == ',' || r == ':' || r == ';' {
			end = p + 1
		}
	}
	return end, true
}

// leadMax is the most words a lead may have: the practice's rule, else MaxLeadWords.
func (g *grader) leadMax() int {
	if r := g.rules(); r != nil && r.LeadMaxWords > 0 {
		return r.LeadMaxWords
	}
	return MaxLeadWords
}

// Costs of the length rule of a practice.
const (
	// CostTooShort is the base cost of a body under the practice's minimum;
	// the shortfall adds up to CostTooShortRange more.
	CostTooShort      = 15
	CostTooShortRange = 30
	// CostTooLong is the base cost of a body over the practice's maximum;
	// an overshoot up to the maximum itself adds up to CostTooLongRange more.
	CostTooLong      = 15
	CostTooLongRange = 20
	// CostUnderHalf: a body under half the minimum has not done the task;
	// Grade also caps the total below the pass mark (UnderHalfCap).
	CostUnderHalf = 70
	// CostMissingDateline: the practice asks for a dateline by name.
	CostMissingDateline = 25
)

// checkRequiredLength applies the practice's word range to the body.
func (g *grader) checkRequiredLength(words, lo, hi int, cn *costNotes) {
	f := g.body
	end := f.runes()
	switch {
	case words*2 < lo:
		g.addCost(f.finding("rilis-kurang-separuh", SevKesalahan, end, end,
			fmt.Sprintf("Rilis ini baru %s kata, kurang dari separuh panjang yang diminta ketentuan latihan (%d–%d kata). Rilis sependek ini belum dapat memuat 5W1H, kutipan narasumber, dan informasi bagi warga; lengkapi dengan fakta dari lembar fakta.", countWord(words), lo, hi), ""), CostUnderHalf)
		cn.note("rilis kurang dari separuh panjang yang diminta")
	case words*4 < lo*3:
		cost := CostTooShort + CostTooShortRange*(lo-words)/lo
		g.addCost(f.finding("rilis-jauh-pendek", SevPeringatan, end, end,
			fmt.Sprintf("Rilis ini baru %s kata, belum tiga perempat dari panjang yang diminta ketentuan latihan (%d–%d kata). Rilis sependek ini meninggalkan banyak fakta yang dibutuhkan warga, jadi dikembalikan untuk dilengkapi seperti rilis yang memuat kesalahan; tambahkan fakta dari lembar fakta yang belum dimuat, misalnya cara warga memanfaatkan layanan.", countWord(words), lo, hi), ""), cost)
		cn.note("rilis jauh lebih pendek dari ketentuan")
	case words < lo:
		cost := CostTooShort + CostTooShortRange*(lo-words)/lo
		g.addCost(f.finding("rilis-pendek-ketentuan", SevPeringatan, end, end,
			fmt.Sprintf("Rilis ini %s kata, padahal ketentuan latihan meminta %d–%d kata. Tambahkan fakta dari lembar fakta yang belum dimuat, misalnya cara warga memanfaatkan layanan.", countWord(words), lo, hi), ""), cost)
		cn.note("rilis lebih pendek dari ketentuan")
	case words > hi:
		// A broken practice rule is at least a peringatan; the overshoot
		// scales the cost as the shortfall does for a short body.
		over := words - hi
		cost := CostTooLong + CostTooLongRange*min(over, hi)/hi
		far := words > hi+hi/2
		msg := fmt.Sprintf("Rilis ini %s kata, melebihi batas %s–%s kata dalam ketentuan latihan sebanyak %s kata. Pangkas rincian yang tidak dibutuhkan pembaca dan gabungkan paragraf yang mengulang isi.", countWord(words), thousands(lo), thousands(hi), countWord(over))
		note := "rilis lebih panjang dari ketentuan"
		if far {
			msg = fmt.Sprintf("Rilis ini %s kata, jauh di atas %s–%s kata yang diminta ketentuan latihan (lebih %s kata). Pangkas rincian yang tidak dibutuhkan pembaca dan gabungkan paragraf yang mengulang isi.", countWord(words), thousands(lo), thousands(hi), countWord(over))
			note = "rilis jauh lebih panjang dari ketentuan"
		}
		g.addCost(f.finding("rilis-panjang-ketentuan", SevPeringatan, end, end, msg, ""), cost)
		cn.note(note)
	}
}

// checkUsualLength compares the body with the usual length of a release.
func (g *grader) checkUsualLength(words int, cn *costNotes) {
	f := g.body
	end := f.runes()
	switch {
	case words < VeryShortWords:
		g.add(f.finding("rilis-pendek", SevSaran, end, end,
			fmt.Sprintf("Rilis ini baru %s kata. Rilis umumnya %d–%d kata; tambahkan latar belakang, kutipan, dan informasi yang berguna bagi warga.", countWord(words), MinReleaseWords, MaxReleaseWords), ""))
		cn.note("rilis sangat pendek")
	case words < MinReleaseWords:
		g.add(f.finding("rilis-pendek", SevInfo, end, end,
			fmt.Sprintf("Rilis ini %s kata. Rilis umumnya %d–%d kata; untuk latihan tidak apa-apa lebih pendek asalkan unsur 5W1H dan kutipan narasumber lengkap.", countWord(words), MinReleaseWords, MaxReleaseWords), ""))
	case words > MaxReasonableLen:
		g.add(f.finding("rilis-panjang", SevSaran, end, end,
			fmt.Sprintf("Rilis ini %s kata, jauh di atas %s kata yang lazim. Pangkas rincian yang tidak dibutuhkan pembaca.", countWord(words), countWord(MaxReleaseWords)), ""))
		cn.note("rilis terlalu panjang")
	case words > MaxReleaseWords:
		g.add(f.finding("rilis-panjang", SevInfo, end, end,
			fmt.Sprintf("Rilis ini %s kata, sedikit di atas %s kata yang lazim; periksa apakah semua paragraf perlu.", countWord(words), countWord(MaxReleaseWords)), ""))
	}

}

// pressReleaseWithoutContact reports a text that calls itself a siaran pers
// but gives no contact.
func (g *grader) pressReleaseWithoutContact() bool {
	// Neither the headline nor the body alone: none of the phrases holds a line break.
	has := func(phrase string) bool {
		return containsLower(g.head.text, phrase) || containsLower(g.body.text, phrase)
	}
	if !has("siaran pers") && !has("press release") {
		return false
	}
	if has("narahubung") || has("kontak") || strings.Contains(g.head.text, "@") || strings.Contains(g.body.text, "@") {
		return false
	}
	for _, t := range g.body.toks {
		if isPhone(t) {
			return false
		}
	}
	return true
}

// maxOpeningNameWords bounds the name a lead opens with ("Dinas
// Kependudukan dan Pencatatan Sipil" has five words).
const maxOpeningNameWords = 8

// datelineSpot is the passage a missing dateline goes before: the words the
// lead opens with, whole, so that the finding never splits a phrase. That is
// a ceremony phrase ("Dalam rangka", "Bertempat di"), else the name the lead
// opens with, its words capitalised and joined by single spaces, with "dan"
// between two of them ("Dinas Kependudukan dan Pencatatan Sipil"), else the
// first word.
func (g *grader) datelineSpot() (start, end int) {
	f := g.body
	lo, hi := f.tokRange(g.lead.Start, g.lead.End)
	if hi == lo {
		return g.lead.Start, g.lead.Start
	}
	if k := max(ceremonyPhrases.atIf(lexCeremonyStart, f.toks, lo, hi), ceremonyOpenings.at(f.toks, lo, hi)); k > 0 {
		return f.toks[lo].start, f.toks[lo+k-1].end
	}
	last := lo
	spaced := func(j int) bool { return f.slice(f.toks[j-1].end, f.toks[j].start) == " " }
	if f.toks[lo].capital {
		for j := lo + 1; j < hi && j-lo < maxOpeningNameWords && spaced(j); j++ {
			if t := f.toks[j]; t.capital {
				last = j
				continue
			}
			if f.toks[j].lower == "dan" && j+1 < hi && f.toks[j+1].capital && spaced(j+1) {
				continue
			}
			break
		}
	}
	return f.toks[lo].start, f.toks[last].end
}

// containsLower reports whether strings.ToLower(s) contains phrase, a
// lower-case ASCII phrase, without building the lower-case copy.
func containsLower(s, phrase string) bool {
	first := phrase[0]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == first && hasLowerPrefix(s[i:], phrase) {
				return true
			}
			i++
			continue
		}
		r, w := decodeMulti(s, i)
		if unicode.ToLower(r) == rune(first) && hasLowerPrefix(s[i:], phrase) {
			return true
		}
		i += w
	}
	return false
}

// hasLowerPrefix reports whether strings.ToLower(s) starts with phrase, a
// lower-case ASCII phrase.
func hasLowerPrefix(s, phrase string) bool {
	i := 0
	for k := 0; k < len(phrase); k++ {
		if i >= len(s) {
			return false
		}
		r, w := decodeAt(s, i)
		if unicode.ToLower(r) != rune(phrase[k]) {
			return false
		}
		i += w
	}
	return true
}

// sentenceKey normalises a sentence for the repetition check: case and runs
// of spaces do not make two sentences different.
func sentenceKey(s string) string {
	key, _ := appendSentenceKey(nil, s)
	return string(key)
}

// appendSentenceKey appends sentenceKey(s) to buf without allocating a
// string, and returns the number of words in it: the words of s lower-cased,
// joined by single spaces (as strings.Join(strings.Fields(strings.ToLower(s)), " ")).
func appendSentenceKey(buf []byte, s string) ([]byte, int) {
	words, inWord := 0, false
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch r {
			case ' ', '\t', '\n', '\v', '\f', '\r':
				inWord = false
				continue
			}
			if !inWord {
				if words > 0 {
					buf = append(buf, ' ')
				}
				words++
				inWord = true
			}
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
			continue
		}
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			if words > 0 {
				buf = append(buf, ' ')
			}
			words++
			inWord = true
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf, words
}

// checkRepeatedSentences reports every sentence of the body that repeats an
// earlier one, as when a paragraph is pasted twice to reach the word range.
func (g *grader) checkRepeatedSentences(cn *costNotes) {
	f := g.body
	seen := make(map[string]bool, len(f.sents))
	repeated := false
	var buf []byte
	for _, s := range f.sents {
		var words int
		buf, words = appendSentenceKey(buf[:0], f.slice(s.Start, s.End))
		if words < 3 {
			continue
		}
		if seen[string(buf)] {
			repeated = true
			g.add(f.finding("kalimat-berulang", SevPeringatan, s.Start, s.End,
				"Kalimat ini mengulang kalimat sebelumnya; hapus pengulangan.", ""))
			continue
		}
		seen[string(buf)] = true
	}
	if repeated {
		cn.note("ada kalimat yang diulang")
	}
}

// thousands writes n with the EYD V thousands dot: 1.240.
func thousands(n int) string { return brief.FormatNumber(float64(n)) }
