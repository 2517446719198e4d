package grading

import (
	"fmt"
	"strings"
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
	var notes []string
	if !g.hasLead {
		return result{score: 0, summary: "Isi rilis kosong, jadi strukturnya belum dapat dinilai."}
	}

	switch {
	case !g.dl.found:
		end := g.lead.Start
		if lo, hi := f.tokRange(g.lead.Start, g.lead.End); hi > lo {
			end = f.toks[lo].end
		}
		g.add(f.finding(CritStruktur, SevPeringatan, g.lead.Start, end,
			"Teras berita belum diawali dateline, yaitu nama tempat berhuruf kapital dan tanda pisah, misalnya \"SUKAMAJU – \". Dateline memberi tahu pembaca di mana peristiwa terjadi sejak kata pertama.", ""))
		notes = append(notes, "belum ada dateline")
	case !g.dl.caps:
		g.add(f.finding(CritStruktur, SevSaran, g.dl.start, g.dl.end,
			"Nama tempat pada dateline ditulis dengan huruf kapital semua.", strings.ToUpper(f.slice(g.dl.start, g.dl.end))))
	}

	leadSents := f.sentencesIn(g.lead.Start, g.lead.End)
	if leadSents > MaxLeadSentences {
		g.add(f.finding(CritStruktur, SevPeringatan, g.dateline, g.lead.End,
			fmt.Sprintf("Teras berita terdiri atas %d kalimat; ringkas menjadi satu atau dua kalimat yang memuat inti berita, lalu pindahkan rinciannya ke paragraf berikutnya.", leadSents), ""))
		notes = append(notes, "teras lebih dari dua kalimat")
	}
	if g.st.LeadWords > MaxLeadWords {
		g.addCost(f.finding(CritStruktur, SevPeringatan, g.dateline, g.lead.End,
			fmt.Sprintf("Teras berita %d kata; usahakan di bawah %d kata agar pembaca langsung menangkap intinya.", g.st.LeadWords, MaxLeadWords), ""),
			min(CostLeadTooLong+g.st.LeadWords-MaxLeadWords, CostLeadTooLongMax))
		notes = append(notes, "teras terlalu panjang")
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
			g.add(f.finding(CritStruktur, SevSaran, p.Start, p.End,
				fmt.Sprintf("Paragraf ke-%d berisi %d kata; paragraf berita sebaiknya 1–3 kalimat agar nyaman dibaca di layar ponsel. Pecah menjadi dua paragraf.", i+1, hi-lo), ""))
			long = true
		case sents > MaxParagraphSentences:
			g.add(f.finding(CritStruktur, SevSaran, p.Start, p.End,
				fmt.Sprintf("Paragraf ke-%d berisi %d kalimat; paragraf berita sebaiknya 1–3 kalimat. Pecah menjadi dua paragraf.", i+1, sents), ""))
			long = true
		}
	}
	if long {
		notes = append(notes, "ada paragraf yang terlalu panjang")
	}
	if len(f.paras) == 1 && g.st.Sentences > MaxLeadSentences+1 {
		g.add(f.finding(CritStruktur, SevSaran, g.lead.Start, g.lead.Start,
			"Seluruh rilis ditulis dalam satu paragraf. Pisahkan teras berita dari paragraf penjelas dengan baris kosong.", ""))
		notes = append(notes, "hanya satu paragraf")
	}

	words := g.st.Words
	end := f.runes()
	switch {
	case words < VeryShortWords:
		g.add(f.finding(CritStruktur, SevSaran, end, end,
			fmt.Sprintf("Rilis ini baru %d kata. Rilis umumnya %d–%d kata; tambahkan latar belakang, kutipan, dan informasi yang berguna bagi warga.", words, MinReleaseWords, MaxReleaseWords), ""))
		notes = append(notes, "rilis sangat pendek")
	case words < MinReleaseWords:
		g.add(f.finding(CritStruktur, SevInfo, end, end,
			fmt.Sprintf("Rilis ini %d kata. Rilis umumnya %d–%d kata; untuk latihan tidak apa-apa lebih pendek asalkan unsur 5W1H dan kutipan narasumber lengkap.", words, MinReleaseWords, MaxReleaseWords), ""))
	case words > MaxReasonableLen:
		g.add(f.finding(CritStruktur, SevSaran, end, end,
			fmt.Sprintf("Rilis ini %d kata, jauh di atas %d kata yang lazim. Pangkas rincian yang tidak dibutuhkan pembaca.", words, MaxReleaseWords), ""))
		notes = append(notes, "rilis terlalu panjang")
	case words > MaxReleaseWords:
		g.add(f.finding(CritStruktur, SevInfo, end, end,
			fmt.Sprintf("Rilis ini %d kata, sedikit di atas %d kata yang lazim; periksa apakah semua paragraf perlu.", words, MaxReleaseWords), ""))
	}

	if g.pressReleaseWithoutContact() {
		g.add(f.finding(CritStruktur, SevInfo, end, end,
			"Siaran pers resmi biasanya ditutup dengan narahubung (nama dan nomor telepon atau surel) agar wartawan dapat meminta konfirmasi.", ""))
	}

	sum := "Ada dateline, teras ringkas, dan paragraf pendek: struktur piramida terbalik sudah tepat."
	if len(notes) > 0 {
		sum = "Yang perlu diperbaiki: " + joinID(notes) + "."
	}
	return result{score: g.deduct(CritStruktur), summary: sum}
}

// pressReleaseWithoutContact reports a text that calls itself a siaran pers
// but gives no contact.
func (g *grader) pressReleaseWithoutContact() bool {
	lower := strings.ToLower(g.head.text + "\n" + g.body.text)
	if !strings.Contains(lower, "siaran pers") && !strings.Contains(lower, "press release") {
		return false
	}
	if strings.Contains(lower, "narahubung") || strings.Contains(lower, "kontak") || strings.Contains(lower, "@") {
		return false
	}
	for _, t := range g.body.toks {
		if isPhone(t) {
			return false
		}
	}
	return true
}
