package grading

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Thresholds of the menarik criterion.
const (
	// MinHeadlineWords and MaxHeadlineWords: fewer than 5 words rarely say who
	// did what; more than 12 no longer fit a feed preview or a glance.
	MinHeadlineWords = 5
	MaxHeadlineWords = 12
	// MaxAvgSentenceWords: news reads easily at 15–25 words a sentence on average.
	MaxAvgSentenceWords = 25
)

// ceremonyPhrases open a lead with ceremony instead of news. Readers of a feed
// decide within the first words; "Dalam rangka …" spends them on formality.
var ceremonyPhrases = newPhraseSet([][]string{
	{"dalam", "rangka"}, {"dalam", "upaya"}, {"bertempat", "di"}, {"pada", "hari"},
	{"pada", "tanggal"}, {"telah", "dilaksanakan"}, {"telah", "diselenggarakan"},
	{"telah", "digelar"}, {"telah", "berlangsung"}, {"sehubungan", "dengan"},
	{"bertepatan", "dengan"}, {"pada", "kesempatan"}, {"dalam", "kesempatan"}, {"guna"},
})

// ceremonyOpenings open a lead with ceremony only when they open it: thanks
// to God, a greeting, or the venue put before the actor ("Berlokasi di Aula
// …, Dinas …"). Inside a lead these words may carry news, so they are
// checked at its start only.
var ceremonyOpenings = newPhraseSet([][]string{
	{"puji", "syukur"}, {"segala", "puji"}, {"alhamdulillah"}, {"syukur", "alhamdulillah"},
	{"dengan", "mengucap", "syukur"}, {"dengan", "mengucapkan", "syukur"}, {"atas", "berkat"},
	{"atas", "rahmat"}, {"atas", "izin"}, {"assalamualaikum"}, {"salam", "sejahtera"},
	{"salam", "sehat"}, {"selamat", "pagi"}, {"selamat", "siang"}, {"bersama", "ini"},
	{"berlokasi", "di"}, {"mengambil", "tempat", "di"}, {"bertempat", "di"}, {"berlangsung", "di"},
	{"seperti", "diketahui"}, {"sebagaimana", "diketahui"}, {"sebagaimana", "kita", "ketahui"},
	{"seperti", "kita", "ketahui"}, {"dalam", "suasana"}, {"mengawali"}, {"menindaklanjuti"},
	{"seiring", "dengan"}, {"berkenaan", "dengan"}, {"terkait", "dengan"},
})

// headlineVerbs are verb bases that headlines use without meN- ("Dinkes Buka
// Layanan", "BPBD Latih Relawan").
var headlineVerbs = map[string]bool{
	"miliki": true, "bagikan": true, "raih": true, "capai": true, "dorong": true, "ajak": true,
	"imbau": true, "himbau": true, "gelar": true, "tinjau": true, "pantau": true, "sambut": true,
	"terima": true, "lantik": true, "bangun": true, "cegah": true, "minta": true, "larang": true,
	"tutup": true, "tunda": true, "buka": true, "latih": true, "bina": true, "kunjungi": true,
	"ikuti": true, "hadiri": true, "percepat": true, "perluas": true, "perketat": true,
	"periksa": true, "tanam": true, "beri": true, "bantu": true, "tangkap": true, "raup": true,
	"tingkatkan": true, "wajibkan": true, "resmikan": true, "luncurkan": true, "salurkan": true,
	"siapkan": true, "terapkan": true, "tanggapi": true, "genjot": true, "pacu": true,
	"uji": true, "tambah": true, "kurangi": true, "jaring": true, "rekrut": true, "data": false,
	"rekam": true, "layani": true, "jemput": true, "serahkan": true, "susun": true,
	"tetapkan": true, "umumkan": true, "ingatkan": true, "dampingi": true, "distribusikan": true,
	"kerahkan": true, "amankan": true, "evakuasi": true, "bersihkan": true, "perbaiki": true,
	"bentuk": true, "kukuhkan": true, "teken": true, "sepakati": true, "rampungkan": true,
	"selesaikan": true, "targetkan": true, "catat": true, "temukan": true, "vaksin": true,
	"sosialisasikan": true, "gratiskan": true, "tertibkan": true, "gencarkan": true, "ajukan": true,
	// more bases headlines drop meN- from ("Posyandu Keliling Sasar 120 Balita")
	"sasar": true, "bidik": true, "gandeng": true, "garap": true, "kebut": true, "dongkrak": true,
	"tekan": true, "perkuat": true, "pererat": true, "sapa": true, "sambangi": true, "datangi": true,
	"gerebek": true, "lepas": true, "kirim": true, "terjunkan": true, "turunkan": true, "tambal": true,
	"santuni": true, "gali": true, "dukung": true, "ajar": true, "canangkan": true, "intensifkan": true,
	"optimalkan": true,
	"mulai":      true, "lanjutkan": true, "hentikan": true, "cabut": true, "segel": true, "bongkar": true,
}

// notVerbs look like meN-/ber- verbs but are nouns, adjectives or
// prepositions.
var notVerbs = map[string]bool{
	"media": true, "medsos": true, "menteri": true, "merah": true, "meja": true, "mesin": true,
	"metode": true, "meriah": true, "menara": true, "menu": true, "mental": true, "memori": true,
	"merek": true, "meter": true, "megah": true, "mewah": true, "memang": true, "menurut": true,
	"mereka": true, "melalui": true, "mesjid": true, "mekanisme": true, "medis": true,
	"menengah": true, "mentah": true, "bersama": true, "berita": true, "berat": true,
	"beras": true, "berkas": true, "bersih": true, "berapa": true, "beranda": true,
	"berbagai": true, "berdasarkan": true, "beruang": true, "bersejarah": true, "berkala": true,
}

// vagueHeadlineStarts open a headline with a word that names no event.
var vagueHeadlineStarts = map[string]bool{
	"kegiatan": true, "acara": true, "pelaksanaan": true, "penyelenggaraan": true, "agenda": true,
}

// terNotVerbs start with ter- but are prepositions, conjunctions, nouns or
// adjectives: "terhadap", "terkait", "terminal", "terpadu".
var terNotVerbs = wordSet(`terhadap terkait termasuk tersebut terutama terakhir tertentu terlalu terus terima
terminal teras ternak terapi teroris terdepan terpadu tersendiri terlebih tergolong terbilang terlepas
terpencil teratas terkini terasa tertulis terbuka terjadi teratur terampil terang terapan teritorial`)

// superlativeBases are adjectives that ter- makes superlative ("terbaik",
// "terbesar"): an adjective, not a verb.
var superlativeBases = wordSet(`baik besar banyak tinggi rendah kecil luas cepat mudah murah mahal dekat jauh baru
lama padat parah penting kuat lemah lengkap bersih indah ramai sepi tua muda panjang pendek berat ringan
sedikit hebat unggul favorit populer aman sehat rawan miskin kaya awal akhir depan atas bawah luar dalam
jelas tepat benar bagus ideal efektif efisien maju modern strategis utama`)

// terVerb reports a ter- verb: ter- before a stem of at least three letters
// that is not a superlative adjective or a listed non-verb.
func terVerb(w string) bool {
	stem, ok := strings.CutPrefix(w, "ter")
	return ok && len(stem) >= 3 && !terNotVerbs[w] && !superlativeBases[stem] && !notVerbs[w]
}

// headPrepositions are function words a headline writes with a capital
// that share their form with a verb base ("Bagi" beside "membagikan").
var headPrepositions = wordSet(`bagi untuk dari dengan kepada pada oleh atas dalam antar sampai hingga tentang
bersama demi menuju sejak selama jelang usai sambil serta`)

// verbKind classifies a headline token: 2 active verb, 1 passive verb, 0 none.
// A word the release or its sheet uses as a name ("Posyandu Melati",
// "Meiliana") is no verb, whatever prefix it seems to carry.
func (g *grader) verbKind(t token) int {
	w := t.lower
	if notVerbs[w] {
		return 0
	}
	switch {
	case len(w) >= 6 && strings.HasPrefix(w, "di") && g.passiveDi(w):
		return 1
	case headlineVerbs[w] || diVerbs[w] || looksLikeKanVerb(w):
		return 2
	case terVerb(w) && !g.nameWord(w):
		// ter- makes a passive or stative verb ("Tersambung", "Terpilih",
		// "Terdata"): a verb, but no actor doing something, which the
		// course's headline rule asks for ("ada pelaku dan kata kerja")
		return 1
	case len(w) >= 6 && (meNPrefixed(w) || strings.HasPrefix(w, "ber")) && !g.nameWord(w):
		return 2
	}
	return 0
}

// passiveDi reports a word of the passive prefix di- and a verb's stem: a
// listed stem ("dibuka"), a stem with -kan ("dilakukan", "diresmikan"; a
// -kan word is not active because it ends so), or a stem whose meN- form
// the body uses ("dilayani" beside "melayani").
func (g *grader) passiveDi(w string) bool {
	stem := w[2:]
	if diVerbs[stem] || headlineVerbs[stem] || looksLikeKanVerb(w) {
		return true
	}
	if len([]rune(stem)) < 4 {
		return false
	}
	for _, form := range meNForms(stem) {
		for _, t := range g.body.toks {
			if t.lower == form {
				return !g.nameWord(w)
			}
		}
	}
	// "Digembleng", "Ditampung": the prefix's form, though neither the
	// lexicon nor the body holds the stem
	return diMorphology(w) && !g.nameWord(w)
}

// gradeMenarik checks what makes a reader start and keep reading: the
// headline, the first words of the lead, quotes and sentence length.
func (g *grader) gradeMenarik() result {
	cn := g.costNotes(CritMenarik)
	if hn := g.checkHeadline(); len(hn) > 0 {
		cn.note(joinID(hn))
	}
	if n := g.checkCeremony(); n != "" {
		cn.note(n)
	}
	if g.quotesFolded() {
		g.silentCost(CritMenarik, CostNoQuote) // told by kutipan-beratribusi-kurang
		cn.note("belum ada kutipan langsung")
	} else if len(g.body.quotes) == 0 {
		g.addCost(g.body.finding("kutipan-langsung-hilang", SevPeringatan, 0, 0,
			"Rilis belum memuat kutipan langsung. Tambahkan pernyataan narasumber dalam tanda petik, misalnya “…,” kata Kepala Dinas; kutipan membuat berita hidup dan menunjukkan sumbernya.", ""), CostNoQuote)
		cn.note("belum ada kutipan langsung")
	}
	if st := g.st; st.Sentences > 0 && st.AvgSentenceWords > MaxAvgSentenceWords {
		g.add(g.body.finding("kalimat-rata-rata-panjang", SevSaran, 0, 0,
			fmt.Sprintf("Rata-rata kalimat %s kata; usahakan di bawah %s kata agar rilis enak dibaca di layar ponsel.", decimalID(st.AvgSentenceWords), countWord(MaxAvgSentenceWords)), ""))
		cn.note("kalimat rata-rata terlalu panjang")
	}
	return result{score: g.deduct(CritMenarik), summary: cn.summary("Judul ringkas dan aktif, teras langsung menyampaikan inti berita, dan ada kutipan langsung.")}
}

// checkHeadline applies the headline rules and returns short notes for the summary.
func (g *grader) checkHeadline() []string {
	h := g.head
	var notes []string
	words := len(h.toks)
	if words == 0 {
		// Readers of a feed decide from the headline whether to open the
		// release; without one the release is not ready to publish.
		g.add(h.finding("judul-hilang", SevKesalahan, 0, h.runes(), "Judul belum ada: baris pertama rilis kosong atau berisi paragraf teras. Pembaca linimasa memutuskan dari judul apakah akan membuka rilis; tulis judul 5–12 kata di baris pertama yang menyebut siapa melakukan apa.", ""))
		return []string{"judul belum ada"}
	}
	if leadLike(g.in.Headline) {
		g.add(h.finding("judul-hilang", SevKesalahan, 0, h.runes(), fmt.Sprintf("Judul belum ada: baris judul berisi %s kata, sepanjang paragraf teras. Pembaca linimasa memutuskan dari judul apakah akan membuka rilis; tulis judul 5–12 kata yang menyebut siapa melakukan apa, lalu pindahkan kalimat ini ke isi rilis.", countWord(words)), ""))
		return []string{"judul belum ada"}
	}
	whole := func() (int, int) { return h.toks[0].start, h.toks[len(h.toks)-1].end }
	if r := g.rules(); r != nil && r.HeadlineWords[0] > 0 {
		lo, hi := r.HeadlineWords[0], r.HeadlineWords[1]
		if words < lo || words > hi {
			s, e := whole()
			g.add(h.finding("judul-panjang-ketentuan", SevPeringatan, s, e,
				fmt.Sprintf("Judul %s kata, padahal ketentuan latihan meminta %d–%d kata: cukup untuk menyebut siapa melakukan apa, cukup pendek untuk terbaca utuh di linimasa.", countWord(words), lo, hi), ""))
			notes = append(notes, "panjang judul tidak sesuai ketentuan")
		}
		words = (lo + hi) / 2 // the practice's range replaces the default one
	}
	switch {
	case words < MinHeadlineWords:
		s, e := whole()
		g.add(h.finding("judul-pendek", SevSaran, s, e,
			fmt.Sprintf("Judul hanya %s kata; judul %d–%d kata biasanya cukup untuk menyebut siapa melakukan apa.", countWord(words), MinHeadlineWords, MaxHeadlineWords), ""))
		notes = append(notes, "judul terlalu pendek")
	case words > MaxHeadlineWords:
		s, e := whole()
		g.add(h.finding("judul-panjang", SevSaran, s, e,
			fmt.Sprintf("Judul %s kata; ringkas menjadi paling banyak %s kata agar terbaca utuh di linimasa.", countWord(words), countWord(MaxHeadlineWords)), ""))
		notes = append(notes, "judul terlalu panjang")
	}

	caps, letters := 0, 0
	for _, t := range h.toks {
		if t.num {
			continue
		}
		letters++
		if t.allCaps {
			caps++
		}
	}
	if letters >= 3 && caps == letters {
		s, e := whole()
		g.add(h.finding("judul-kapital", SevPeringatan, s, e,
			"Judul ditulis dengan huruf kapital semua sehingga terkesan berteriak dan sulit dibaca. Gunakan huruf kapital hanya di awal kata.", ""))
		notes = append(notes, "judul berhuruf kapital semua")
	}

	// Exclamation and question marks: clickbait in a news headline.
	n := h.runes()
	for p := 0; p < n; p++ {
		r := h.at(p)
		if r != '!' && r != '?' {
			continue
		}
		q := p
		for q < n && (h.at(q) == '!' || h.at(q) == '?') {
			q++
		}
		if i := h.tokenAt(p - 1); r == '!' && q == p+1 && i >= 0 && h.toks[i].end == p && g.bangInName(h.toks[i].text) {
			continue // "SP4N-LAPOR!": the mark belongs to the name
		}
		g.add(h.finding("judul-tanda-seru", SevPeringatan, p, q,
			fmt.Sprintf("Tanda \"%s\" di judul terkesan memancing klik dan mengurangi kepercayaan pembaca. Hapus tanda itu; biarkan faktanya yang menarik perhatian.", h.slice(p, q)), ""))
		notes = append(notes, "tanda seru atau tanya di judul")
		p = q - 1
	}

	if g.checkClickbait() {
		notes = append(notes, "judul memancing klik")
	}

	last := h.toks[len(h.toks)-1]
	if strings.TrimSpace(h.slice(last.end, n)) == "." {
		g.add(h.finding("judul-bertitik", SevPeringatan, last.start, last.end+1,
			"Hapus titik di akhir judul. Judul berita bukan kalimat lengkap, jadi tidak diakhiri titik.", last.text))
		notes = append(notes, "titik di akhir judul")
	}

	if g.abstractHeadline() {
		s, e := whole()
		g.add(h.finding("judul-umum", SevPeringatan, s, e,
			fmt.Sprintf("Judul \"%s\" tidak menyebut pelaku, tempat, atau angka, sehingga bisa menjadi judul kegiatan apa saja dan pembaca linimasa tidak tahu beritanya. Tulis siapa melakukan apa dengan hal konkret dari teras: nama instansi, jumlah warga, atau nama tempat.", h.slice(s, e)), ""))
		notes = append(notes, "judul tidak menyebut hal yang konkret")
	} else if g.actorOnlyHeadline() {
		s, e := whole()
		g.add(h.finding("judul-umum", SevPeringatan, s, e,
			fmt.Sprintf("Judul \"%s\" hanya menyebut pelakunya dan kata-kata umum yang cocok untuk berita apa saja, sehingga pembaca linimasa tidak tahu apa yang terjadi. Tulis peristiwanya dengan hal konkret dari teras: kegiatan atau layanan yang dibuka, jumlah warga, atau tempatnya.", h.slice(s, e)), ""))
		notes = append(notes, "judul tidak menyebut hal yang konkret")
	} else if first := h.toks[0]; vagueHeadlineStarts[first.lower] {
		g.add(h.finding("judul-umum", SevSaran, first.start, first.end,
			fmt.Sprintf("Judul dibuka dengan kata umum \"%s\" yang tidak menyebut peristiwanya. Mulailah dengan pelakunya atau hal yang konkret, misalnya jumlah warga yang dilayani.", first.text), ""))
		notes = append(notes, "judul kurang konkret")
	}

	best := 0
	for i, t := range h.toks {
		if inNounPhrase(h, i) || g.bodyNounPhrase(i) || best > 0 && g.nameBase(t.lower) {
			continue
		}
		k := g.verbKind(t)
		if k == 1 && i > 0 && h.toks[i-1].lower == "yang" && terVerb(t.lower) {
			k = 0 // "Imunisasi yang Tertinggal": a ter- word of a relative clause describes a noun
		}
		if i > 0 && h.toks[i-1].lower == "di" && k > 0 && (g.prefixDi(h, i-1) || compoundAfterDi(h, i-1) > 0) {
			k = 1 // "Di Buka": the passive prefix written apart
		}
		best = max(best, k)
	}
	if best < 2 && g.baseVerbOfText() {
		best = 2
	}
	if best == 0 && g.diOfTextWord() {
		best = 1
	}
	s, e := whole()
	if r := g.rules(); r != nil && r.ActiveHeadline && best < 2 {
		// The practice promised an active headline: missing it breaks a rule
		// of the assignment, scored like a headline of the wrong length.
		why := "Judul aktif langsung memberi tahu pembaca linimasa siapa melakukan apa; tulis pelakunya di depan, lalu kata kerjanya, misalnya \"Dinas Pertanian Latih 75 Petani Membuat Pupuk Organik\"."
		if best == 0 {
			g.add(h.finding("judul-tanpa-kata-kerja", SevPeringatan, s, e,
				fmt.Sprintf("Ketentuan latihan: judul berupa kalimat aktif, tetapi judul \"%s\" belum memuat kata kerja. %s", h.slice(s, e), why), ""))
		} else {
			g.add(h.finding("judul-pasif", SevPeringatan, s, e,
				fmt.Sprintf("Ketentuan latihan: judul berupa kalimat aktif, tetapi judul \"%s\" memakai kalimat pasif. %s", h.slice(s, e), why), ""))
		}
		return append(notes, "judul tidak berupa kalimat aktif seperti ketentuan")
	}
	switch best {
	case 0:
		g.add(h.finding("judul-tanpa-kata-kerja", SevSaran, s, e,
			"Judul belum memuat kata kerja sehingga belum menyampaikan peristiwa. Tulis siapa melakukan apa, misalnya \"Dinas Pertanian Latih 75 Petani Membuat Pupuk Organik\".", ""))
		notes = append(notes, "judul belum memuat kata kerja")
	case 1:
		g.add(h.finding("judul-pasif", SevSaran, s, e,
			"Judul memakai kalimat pasif. Kalimat aktif (siapa melakukan apa) lebih lugas dan menonjolkan pelakunya.", ""))
		notes = append(notes, "judul pasif")
	}
	return notes
}

// checkCeremony flags ceremony phrases in the lead: a warning when the lead
// opens with one, a suggestion elsewhere in it.
func (g *grader) checkCeremony() string {
	if !g.hasLead {
		return ""
	}
	f := g.body
	lo, hi := f.tokRange(g.dateline, g.lead.End)
	note := ""
	for i := lo; i < hi; i++ {
		k := ceremonyPhrases.atIf(lexCeremonyStart, f.toks, i, hi)
		timeFirst := false
		if i == lo {
			k = max(k, ceremonyOpenings.at(f.toks, i, hi), gratitudeOpening(f.toks, i, hi))
			if k == 0 && f.toks[i].lower == "pada" && i+1 < hi && dayNames[f.toks[i+1].lower] != "" {
				// "Pada Kamis (16/4/2026), …" is "Pada hari …" without "hari"
				k = clauseEnd(f, i+2, hi) - i
				timeFirst = true
			}
		}
		if k == 0 && !f.inQuote(f.toks[i].start) {
			if j := programmeAt(f, i, hi); j > 0 {
				k = clauseEnd(f, j, hi) - i
			} else if i == lo && protocolPhrases.atIf(lexProtocolStart, f.toks, i, hi) > 0 {
				k = clauseEnd(f, i+1, hi) - i
			}
			if k > 0 {
				// "Dalam acara yang dibuka oleh Bupati, …" opens with it too
				opening := i == lo || i == lo+1 && leadPrepositions[f.toks[lo].lower]
				g.programmeInLead(f, i, k, opening)
				if opening {
					note = "teras dibuka dengan acara protokoler"
				} else if note == "" {
					note = "teras memuat acara protokoler"
				}
				i += k - 1
				continue
			}
		}
		if k == 0 {
			continue
		}
		s, e := f.toks[i].start, f.toks[i+k-1].end
		text := f.slice(s, e)
		if timeFirst {
			if f.slice(e, e+1) == ")" {
				e++
				text = f.slice(s, e)
			}
			g.addCost(f.finding("teras-seremonial", SevPeringatan, s, e,
				fmt.Sprintf("Teras berita dibuka dengan waktu, \"%s\". Seperti \"Pada hari…\", pembuka ini menunda berita. Mulailah dengan siapa melakukan apa; waktu menyusul sesudahnya.", text), ""), CostCeremonyOpening)
			note = "teras dibuka dengan waktu"
		} else if i == lo {
			g.addCost(f.finding("teras-seremonial", SevPeringatan, s, e,
				fmt.Sprintf("Teras berita dibuka dengan \"%s\", frasa seremonial yang menunda inti berita. Mulailah dengan siapa melakukan apa; tujuan, tempat, dan waktu menyusul.", text), ""), CostCeremonyOpening)
			note = "teras dibuka dengan frasa seremonial"
		} else {
			g.add(f.finding("frasa-seremonial", SevSaran, s, e,
				fmt.Sprintf("Frasa seremonial \"%s\" memperpanjang teras tanpa menambah informasi; ringkas atau hapus.", text), ""))
			if note == "" {
				note = "teras memuat frasa seremonial"
			}
		}
		i += k - 1
	}
	return note
}

// leadPrepositions put an event before the lead's subject: "Dalam acara
// yang dibuka …", "Pada kegiatan …".
var leadPrepositions = wordSet(`dalam pada di`)

// programmeInLead reports a step of the event's programme in the lead
// (tokens i to i+k): a warning when the lead opens with it, else a
// suggestion.
func (g *grader) programmeInLead(f *field, i, k int, opening bool) {
	s, e := f.toks[i].start, f.toks[i+k-1].end
	text := f.slice(s, e)
	if opening {
		g.addCost(f.finding("teras-seremonial", SevPeringatan, s, e,
			fmt.Sprintf("Teras berita dibuka dengan \"%s\", urutan acara seremonial yang penting bagi panitia, bukan bagi warga. Mulailah dengan siapa melakukan apa; doa, lagu, dan sambutan tidak perlu ditulis.", text), ""), CostCeremonyOpening)
		return
	}
	g.add(f.finding("frasa-seremonial", SevSaran, s, e,
		fmt.Sprintf("\"%s\" adalah urutan acara yang memperpanjang teras tanpa menambah informasi bagi warga; hapus.", text), ""))
}

// matchWords reports whether tokens spell the lower-case words.
func matchWords(toks []token, words []string) bool {
	if len(toks) < len(words) {
		return false
	}
	for i, w := range words {
		if toks[i].lower != w {
			return false
		}
	}
	return true
}

// bangInName reports a word whose exclamation mark belongs to a name
// ("SP4N-LAPOR!"): the body or the sheet writes the word with the mark
// inside a sentence, before a lower-case word or a comma.
func (g *grader) bangInName(word string) bool {
	texts := []string{g.body.text}
	if b := g.in.Brief; b != nil {
		texts = append(texts, b.Apa, b.DiMana, b.Mengapa, b.Bagaimana)
	}
	for _, s := range texts {
		for from := 0; ; {
			i := strings.Index(s[from:], word+"!")
			if i < 0 {
				break
			}
			start := from + i
			from = start + len(word) + 1
			if r, _ := utf8.DecodeLastRuneInString(s[:start]); start > 0 && isAlnum(r) {
				continue // the end of a longer word
			}
			rest := s[from:]
			after := strings.TrimLeft(rest, " ")
			if r, _ := utf8.DecodeRuneInString(after); len(after) < len(rest) && unicode.IsLower(r) || strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ")") {
				return true
			}
		}
	}
	return false
}

// meNPrefixed reports a word that can carry the prefix meN- as Indonesian
// spells it: mem-, men-, meng-, meny-, or me- before l, m, n, r, w and y.
// "Meiliana" cannot (before a vowel the prefix is meng-), nor "Mekarjaya"
// (before k it is meng-).
func meNPrefixed(w string) bool {
	if len(w) < 3 || !strings.HasPrefix(w, "me") {
		return false
	}
	switch w[2] {
	case 'l', 'm', 'n', 'r', 'w', 'y':
		return true
	}
	return false
}

// nameWord reports a lower-case word used as a name: a word of the name of a
// person of the sheet or of its place, or a word the body writes only with a
// capital and at least once inside a sentence ("di Posyandu Melati"), never
// in lower case.
func (g *grader) nameWord(w string) bool {
	if g.names == nil {
		g.names = g.nameWords()
	}
	return g.names[w]
}

func (g *grader) nameWords() map[string]bool {
	names := map[string]bool{}
	if b := g.in.Brief; b != nil {
		for _, p := range b.Siapa {
			for _, t := range tokenize(p.Nama, len([]rune(p.Nama))) {
				names[t.lower] = true
			}
		}
		for _, t := range tokenize(b.DiMana, len([]rune(b.DiMana))) {
			if t.capital {
				names[t.lower] = true
			}
		}
	}
	f := g.body
	lower := map[string]bool{}
	inside := map[string]bool{}
	for i, t := range f.toks {
		switch {
		case !t.capital:
			lower[t.lower] = true
		case !t.allCaps && i > 0 && !f.opensSentence(i):
			inside[t.lower] = true
		}
	}
	for w := range inside {
		if !lower[w] {
			names[w] = true
		}
	}
	return names
}

// opensSentence reports a token that a capital may start for no other
// reason: the first of its sentence, or the first after an opening quote,
// bracket, dash or colon.
func (f *field) opensSentence(i int) bool {
	t := f.toks[i]
	if s := f.sentenceOf(t.start); s < 0 || f.sents[s].Start >= f.toks[i-1].end {
		return true
	}
	return strings.ContainsAny(f.slice(f.toks[i-1].end, t.start), "\"“‘'(–—-:")
}

// diOfTextWord reports a headline word made of the passive prefix di- and a
// stem of four letters or more that the release itself uses as a word
// ("Dikejar" beside "imunisasi kejar"): a passive verb, though no list
// names it.
func (g *grader) diOfTextWord() bool {
	words := map[string]bool{}
	for _, f := range []*field{g.head, g.body} {
		for _, t := range f.toks {
			words[t.lower] = true
		}
	}
	for _, t := range g.head.toks {
		if stem, ok := strings.CutPrefix(t.lower, "di"); ok && len([]rune(stem)) >= 4 && !notVerbs[t.lower] && words[stem] {
			return true
		}
	}
	return false
}

// baseVerbOfText reports a headline word after the first written in the base
// form of a verb the body uses with di- or meN- ("Kejar" beside "dikejar" or
// "mengejar"): headlines drop the prefix of an active verb ("Dinkes Kejar
// Imunisasi"), and no list can name every verb.
// nounHeads name a service or an activity; a bare verb base right after one
// belongs to its name ("Layanan Jemput Bola", "Layanan Rekam KTP-el"), it
// is not the headline's verb.
var nounHeads = map[string]bool{"layanan": true, "pelayanan": true, "program": true, "kegiatan": true, "gerakan": true,
	"aksi": true, "posko": true, "tim": true, "mobil": true, "gerai": true, "pekan": true, "bulan": true}

// inNounPhrase reports token i of h as a bare base after a noun head.
func inNounPhrase(h *field, i int) bool {
	if i == 0 || !nounHeads[h.toks[i-1].lower] {
		return false
	}
	w := h.toks[i].lower
	return !meNPrefixed(w) && !strings.HasPrefix(w, "ber") && !strings.HasPrefix(w, "di") && !strings.HasPrefix(w, "ter")
}

func (g *grader) baseVerbOfText() bool {
	words := map[string]bool{}
	for _, t := range g.body.toks {
		words[t.lower] = true
	}
	for i, t := range g.head.toks {
		w := t.lower
		if i == 0 || len([]rune(w)) < 4 || t.num || notVerbs[w] || headPrepositions[w] || inNounPhrase(g.head, i) || g.bodyNounPhrase(i) ||
			g.head.toks[i-1].lower == "di" {
			continue
		}
		for _, form := range append(meNForms(w), "di"+w) {
			for _, suffix := range []string{"", "kan", "i"} {
				// the sheet's quotes count too, so a short body does not
				// turn the same headline passive
				if words[form+suffix] || g.sheetQuoteHas(form+suffix) {
					return true
				}
			}
		}
	}
	return false
}

// meNForms writes a stem with the prefix meN- as Indonesian spells it:
// mem- before b, f, v and p (p dropped), men- before c, d, j, z and t (t
// dropped), meny- for s (dropped), meng- before vowels, g, h and k (k
// dropped), me- before l, m, n, r, w, y. A stem may keep its first
// consonant in loanwords ("mengkaji"), so both forms are given.
func meNForms(w string) []string {
	if w == "" {
		return nil
	}
	rest := w[1:]
	switch w[0] {
	case 'b', 'f', 'v':
		return []string{"mem" + w}
	case 'p':
		return []string{"mem" + rest, "mem" + w}
	case 'c', 'd', 'j', 'z':
		return []string{"men" + w}
	case 't':
		return []string{"men" + rest, "men" + w}
	case 's':
		return []string{"meny" + rest, "men" + w}
	case 'k':
		return []string{"meng" + rest, "meng" + w}
	case 'a', 'e', 'i', 'o', 'u', 'g', 'h':
		return []string{"meng" + w}
	}
	return []string{"me" + w}
}

// gratitudeWords thank God or invoke his grace; one of them among the
// first words of a lead makes it open with the ceremony's prayer,
// however the phrase runs ("Dengan mengucap puji syukur ke hadirat Tuhan
// Yang Maha Esa, …", "Dengan memanjatkan rasa syukur …").
var gratitudeWords = wordSet(`syukur alhamdulillah hadirat`)

// gratitudeOpening returns the tokens from i through a gratitude word
// within the first five, or 0.
func gratitudeOpening(toks []token, i, hi int) int {
	for k := i; k < hi && k < i+5; k++ {
		if gratitudeWords[toks[k].lower] && (k == i || !toks[k].capital) { // "Kepala … Syukur": a name
			return k + 1 - i
		}
	}
	return 0
}
