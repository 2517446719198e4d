package grading

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// Thresholds of the bahasa criterion.
const (
	// MaxSentenceWords: past 35 words a reader has to go back to find the
	// subject; news style guides put the comfortable limit around 20–30.
	MaxSentenceWords = 35
	// RepeatedOpeningRun sentences in a row starting with the same word read
	// like a list and tire the reader.
	RepeatedOpeningRun = 3
)

// gradeBahasa checks EYD V spelling and punctuation in the headline and body.
func (g *grader) gradeBahasa() result {
	for _, f := range []*field{g.head, g.body} {
		g.checkWords(f)
		g.checkSpacing(f)
		g.checkMixedScript(f)
	}
	g.checkHeadlineCapitals()
	g.checkSentences(g.body)
	g.checkBodyExclamation()
	g.checkConnectorComma()
	g.checkEnglish(g.head)
	g.checkEnglish(g.body)

	score := g.deduct(CritBahasa)
	sum := "Ejaan dan tanda baca sudah sesuai EYD V; tidak ada kata tidak baku yang terdeteksi."
	if t := g.tally(CritBahasa); t != "" {
		var parts []string
		for _, n := range g.bahasaNotes {
			if c := g.bahasaCost[n]; c > 0 {
				parts = append(parts, fmt.Sprintf("%s (−%d)", n, c))
			} else {
				parts = append(parts, n)
			}
		}
		sum = fmt.Sprintf("Ada %s. Poin berkurang karena %s.", t, joinID(parts))
	}
	return result{score: score, summary: sum}
}

// checkWords applies the word lexicons: non-standard words, di/ke, dimana,
// capitals of days, months and titles, "beliau", and "jam" for clock times.
func (g *grader) checkWords(f *field) {
	toks := f.toks
	covered := -1 // the last token a finding on a split di- took in
	for i, t := range toks {
		if i <= covered {
			continue
		}
		if w, ok := lookupIf(t, lexNonStandard, nonStandard); ok {
			w.std = matchCase(t.text, w.std)
			g.noteBahasa(kindNote[w.kind])
			g.add(f.finding(kindRule[w.kind], severityOf(w.kind), t.start, t.end, wordMessage(t.text, w), w.std))
			continue
		}
		if t.lower == "dimana" {
			g.checkDimana(f, i)
			continue
		}
		if g.checkJoinedDiKe(f, t) || g.checkBoundForm(f, i) || g.checkDiHyphen(f, i) {
			continue
		}
		if g.checkReduplication(f, i) {
			covered = i + 1
			continue
		}
		if f == g.body {
			if k := g.checkCommonCapital(f, i); k > 0 {
				covered = i + k - 1
				continue
			}
		}
		g.checkNumberOpening(f, i)
		if g.checkTimeForms(f, i) || g.checkThousands(f, i) {
			continue
		}
		if g.checkLongNumberWords(f, i) {
			continue
		}
		if t.lower == "di" && i+1 < len(toks) && f.slice(t.end, toks[i+1].start) == " " {
			next := toks[i+1]
			// inside a quote, the sheet's own "digambar" settles "di gambar"
			inSheet := f.inQuote(t.start) && !g.sheetQuoteHas(next.lower) && g.sheetQuoteHas("di"+next.lower)
			if inSheet || g.prefixDi(f, i) || compoundAfterDi(f, i) > 0 {
				end, joined := g.joinSplitDi(f, i)
				msg := fmt.Sprintf("\"di\" pada \"%s\" adalah awalan pembentuk kata kerja pasif, bukan kata depan tempat, jadi ditulis serangkai dengan kata dasarnya. Awalan yang terpisah membuat pembaca mengira ada keterangan tempat.", f.slice(t.start, end))
				if eq, ok := nonStandard[next.lower]; ok && eq.kind == kindSpelling {
					// one finding for both slips, with the one fix
					msg += fmt.Sprintf(" Kata dasarnya pun tidak baku: bentuk baku menurut KBBI adalah \"%s\", jadi tulis \"%s\".", eq.std, joined)
				}
				g.noteBahasa("penulisan awalan di-")
				g.add(f.finding("awalan-di-terpisah", SevPeringatan, t.start, end, msg, joined))
				covered = f.tokenAt(end - 1)
				continue
			}
			if next.lower == "mana" && g.relativeDiMana(f, i) {
				g.noteBahasa("\"di mana\" sebagai kata penghubung")
				fix := relativeFix(f.toks[i-1].lower)
				msg := "\"di mana\" di sini dipakai sebagai kata penghubung seperti \"where\" dalam bahasa Inggris; dalam bahasa Indonesia baku gunakan \"yang\", \"tempat\", atau pecah menjadi dua kalimat."
				if fix != "" {
					msg += fmt.Sprintf(" Di sini tulis \"%s\".", fix)
				}
				g.add(f.finding("di-mana-penghubung", SevSaran, t.start, next.end, msg, fix))
				continue
			}
		}
		g.checkCapitals(f, i)
		switch t.lower {
		case "beliau":
			g.noteBahasa("gaya bahasa berita")
			g.add(f.finding("beliau", SevSaran, t.start, t.end,
				"Dalam berita, sebut narasumber dengan \"ia\", \"dia\", atau namanya; \"beliau\" menunjukkan rasa hormat penulis sehingga berita terasa kurang netral.",
				matchCase(t.text, "ia")))
		case "jam":
			if i+1 < len(toks) && toks[i+1].num && f.slice(t.end, toks[i+1].start) == " " {
				g.noteBahasa("gaya bahasa berita")
				g.add(f.finding("jam-untuk-pukul", SevSaran, t.start, t.end,
					"Untuk menyatakan waktu, gunakan \"pukul\"; \"jam\" menyatakan lamanya waktu (misalnya \"dua jam\").",
					matchCase(t.text, "pukul")))
			}
		}
	}
}

// noteBahasa records a kind of language problem once, for the summary.
func (g *grader) noteBahasa(note string) {
	g.bahasaNote = note
	for _, n := range g.bahasaNotes {
		if n == note {
			return
		}
	}
	g.bahasaNotes = append(g.bahasaNotes, note)
}

// kindNote names each kind of word problem in summaries.
var kindNote = map[wordKind]string{
	kindSpelling: "kata tidak baku", kindMelting: "peluluhan awalan meN-", kindPun: "penulisan partikel pun",
	kindCompound: "gabungan kata", kindForeign: "kata asing yang ada padanannya", kindInformal: "kata ragam lisan",
}

func severityOf(k wordKind) string {
	switch k {
	case kindMelting, kindForeign, kindInformal:
		return SevSaran
	}
	return SevPeringatan
}

// wordMessage explains why a word is not standard.
func wordMessage(orig string, w stdWord) string {
	switch w.kind {
	case kindMelting:
		return fmt.Sprintf("Menurut kaidah peluluhan, huruf awal kata dasar (k, p, t, s) luluh setelah awalan meN-: tulis \"%s\", bukan \"%s\".", w.std, orig)
	case kindPun:
		return fmt.Sprintf("Partikel \"pun\" setelah kata tanya ditulis terpisah: \"%s\".", w.std)
	case kindCompound:
		return fmt.Sprintf("Gabungan kata \"%s\" ditulis terpisah: \"%s\".", orig, w.std)
	case kindForeign:
		return fmt.Sprintf("\"%s\" memiliki padanan bahasa Indonesia yang sudah lazim: \"%s\". Utamakan padanannya agar rilis mudah dipahami semua pembaca.", orig, w.std)
	case kindInformal:
		return fmt.Sprintf("\"%s\" adalah ragam lisan; dalam rilis gunakan bentuk baku \"%s\".", orig, w.std)
	}
	return fmt.Sprintf("\"%s\" tidak baku; bentuk baku menurut KBBI adalah \"%s\".", orig, w.std)
}

// checkDimana flags "dimana": written apart as "di mana", and not a relative
// pronoun at all when it joins two clauses.
func (g *grader) checkDimana(f *field, i int) {
	t := f.toks[i]
	g.noteBahasa("\"dimana\"")
	if g.relativeDiMana(f, i) {
		g.add(f.finding("di-mana-penghubung", SevPeringatan, t.start, t.end,
			"\"dimana\" di sini dipakai sebagai kata penghubung seperti \"where\" dalam bahasa Inggris. Dalam bahasa Indonesia baku, gunakan \"yang\", \"tempat\", atau pecah menjadi dua kalimat; sebagai kata tanya pun, \"di mana\" ditulis terpisah.", ""))
		return
	}
	g.add(f.finding("dimana-serangkai", SevPeringatan, t.start, t.end,
		"\"di\" pada \"dimana\" adalah kata depan, jadi ditulis terpisah: \"di mana\".", matchCase(t.text, "di mana")))
}

// relativeDiMana reports whether the di mana at token i links clauses
// ("era …, dimana penyampaian …") rather than asks a question.
func (g *grader) relativeDiMana(f *field, i int) bool {
	t := f.toks[i]
	if i == 0 {
		return false
	}
	before := strings.TrimRight(f.slice(f.toks[i-1].end, t.start), " ")
	if before != "," && !(before == "" && relativeHead(f, i)) {
		return false
	}
	// A question keeps its question mark at the end of the sentence.
	if s := f.sentenceOf(t.start); s >= 0 && strings.HasSuffix(strings.TrimRight(f.sents[s].Text, " ”\"'’"), "?") {
		return false
	}
	return true
}

// checkJoinedDiKe flags the preposition di/ke written onto a place word
// ("dikantor", "keDesa"). It reports whether it added a finding.
func (g *grader) checkJoinedDiKe(f *field, t token) bool {
	var prep string
	switch {
	case strings.HasPrefix(t.lower, "di") && len(t.lower) > 3:
		prep = "di"
	case strings.HasPrefix(t.lower, "ke") && len(t.lower) > 3:
		prep = "ke"
	default:
		return false
	}
	if len(t.text) < 4 || !strings.EqualFold(t.text[:2], prep) {
		return false
	}
	rest := t.text[2:]
	lrest := t.lower[2:]
	stem := strings.TrimSuffix(lrest, "nya")
	places := diPlaces
	if prep == "ke" {
		places = kePlaces
	}
	r := []rune(rest)
	properName := len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1])
	// A noun formed with pe-/per-/ke- and -an is a place or occasion, never
	// a verb after di-: "dipertemuan", "dikegiatan" (verbs take -kan).
	nounForm := prep == "di" && len(stem) >= 7 && strings.HasSuffix(stem, "an") && !strings.HasSuffix(stem, "kan") &&
		(strings.HasPrefix(lrest, "pe") || strings.HasPrefix(lrest, "ke"))
	if base, _, redup := strings.Cut(stem, "-"); redup && prep == "di" && places[base] {
		stem = base // "dirumah-rumah": a reduplicated place
	}
	// Nouns the preposition stands before ("diacara", "digrup") and the
	// quantifiers of a place ("disetiap", "diberbagai") are no verb stems
	// either; a noun in -kan is left out, it may be a misspelt -kkan verb.
	other := prep == "di" && (diNouns[stem] && !strings.HasSuffix(stem, "kan") || placeQuantifiers[lrest])
	// A capital, an acronym or a digit right after a lower-case di/ke starts
	// another word: no affix joins so ("diSP4N-LAPOR!", "keOPD", "di2").
	p := []rune(t.text)
	acronym := len(r) > 0 && unicode.IsLower(p[1]) && (unicode.IsUpper(r[0]) || prep == "di" && unicode.IsDigit(r[0])) &&
		strings.IndexFunc(rest, unicode.IsLower) < 0
	if !places[lrest] && !places[stem] && !properName && !nounForm && !other && !acronym && !(prep == "ke" && g.keDestination(lrest)) {
		return false
	}
	sugg := g.splitPrepFix(f, t, prep, rest)
	g.noteBahasa("penulisan kata depan di/ke")
	g.add(f.finding("kata-depan-serangkai", SevPeringatan, t.start, t.end,
		fmt.Sprintf("\"%s\" pada \"%s\" adalah kata depan yang menunjukkan tempat atau arah, jadi ditulis terpisah: \"%s\".", prep, t.text, sugg), sugg))
	return true
}

// placeQuantifiers stand between the preposition di and a place: "di
// setiap desa", "di berbagai kecamatan", "di sepanjang sungai".
var placeQuantifiers = map[string]bool{
	"setiap": true, "tiap": true, "seluruh": true, "berbagai": true, "beberapa": true, "sejumlah": true,
	"semua": true, "masing-masing": true, "tiap-tiap": true, "sepanjang": true,
}

// keWords are words of their own that read as ke + a noun the grader
// knows: "kemeja" is no "ke meja", "kebagian" no "ke bagian".
var keWords = wordSet(`kemeja kebagian kebalik keruangan kelapangan kehati kediri kepura kemasa keluar`)

// keDestination reports a word after a joined ke that is a noun of place or
// destination, so "keposyandu", "kenomor" are the preposition written onto
// it: a place or noun of the lexicon, or a word the release or the sheet
// writes after a separate "ke" ("ke nomor 0812…"). Ordinals ("kedua"),
// ke-…-an nouns ("kesehatan") and the words of keWords are no such joins.
func (g *grader) keDestination(rest string) bool {
	if len(rest) < 3 || keWords["ke"+rest] || extract.IsNumberWord(rest) {
		return false
	}
	if diPlaces[rest] || kePlaces[rest] || iNouns[rest] || diNouns[rest] && !strings.HasSuffix(rest, "kan") {
		return true
	}
	if strings.HasSuffix(rest, "an") {
		return false
	}
	if g.keTargets == nil {
		g.keTargets = map[string]bool{}
		add := func(toks []token) {
			for k := 1; k < len(toks); k++ {
				if toks[k-1].lower == "ke" && !toks[k].num {
					g.keTargets[toks[k].lower] = true
				}
			}
		}
		add(g.head.toks)
		add(g.body.toks)
		if b := g.in.Brief; b != nil {
			for _, s := range []string{b.Apa, b.DiMana, b.Mengapa, b.Bagaimana} {
				add(tokenize(s, len([]rune(s))))
			}
		}
	}
	return g.keTargets[rest]
}

// diConjunctions join two passive verbs: "di gambar lalu di tempel".
var diConjunctions = map[string]bool{"dan": true, "atau": true, "serta": true, "lalu": true, "kemudian": true, "lantas": true}

// diAuxiliaries stand before a passive verb, hardly ever before a place:
// "untuk di layani", "akan di laksanakan", "yang di data".
var diAuxiliaries = map[string]bool{
	"akan": true, "sudah": true, "telah": true, "sedang": true, "dapat": true, "bisa": true,
	"harus": true, "perlu": true, "wajib": true, "untuk": true, "agar": true, "supaya": true,
	"belum": true, "tidak": true, "segera": true, "mulai": true, "masih": true, "yang": true,
	"pernah": true, "ingin": true, "boleh": true, "mesti": true, "sempat": true, "baru": true,
	"langsung": true, "kembali": true, "lalu": true, "kemudian": true, "terus": true,
	"tanpa": true, "tak": true, "jangan": true,
}

// diNouns are common nouns after the preposition di that are not places in
// diPlaces and do not look like nouns by form: "di tingkat desa", "di grup".
var diNouns = map[string]bool{
	// places named by a stem in -k and the suffix -an, which look like -kan verbs
	"selokan": true, "tumpukan": true, "belokan": true, "tanjakan": true, "kontrakan": true,
	"lekukan": true, "pojokan": true, "gerobakan": true,
	"tingkat": true, "level": true, "bagian": true, "tahun": true, "bulan": true, "minggu": true,
	"hari": true, "saat": true, "waktu": true, "sektor": true, "pos": true, "titik": true,
	"lingkup": true, "jalur": true, "kelas": true, "sesi": true, "tahap": true, "forum": true,
	"acara": true, "grup": true, "akun": true, "laman": true, "situs": true, "aplikasi": true,
	"kanal": true, "platform": true, "internet": true, "mana": true, "sela-sela": true, "hadapan": true,
	"muka": true, "bumi": true, "pagi": true, "siang": true, "sore": true, "malam": true, "musim": true,
	"rumahnya": true, "dunia": true, "pulau": true, "kampus": true, "pabrik": true, "toko": true,
	"posko": true, "gudang": true, "rapat": true, "pameran": true, "panggung": true, "meja": true,
	"loket": true, "tenda": true, "mobil": true, "bus": true, "kapal": true, "kereta": true,
	// nouns of position or place whose stem also makes a verb the text may
	// use ("membalik", "memihak", "dipenjara")
	"balik": true, "pihak": true, "penjara": true, "sidang": true, "pelantikan": true,
}

// iNouns end in -i after a consonant yet are nouns, so "di X" is a place.
var iNouns = map[string]bool{
	"negeri": true, "lokasi": true, "posisi": true, "provinsi": true, "instansi": true, "kondisi": true,
	"tradisi": true, "organisasi": true, "institusi": true, "referensi": true, "stasiun": true,
	"pantai": true, "balai": true, "sungai": true, "kali": true, "hati": true, "kiri": true, "diri": true,
	"industri": true, "kursi": true, "teori": true, "memori": true, "kategori": true, "galeri": true,
	"serambi": true, "matahari": true, "pelangi": true, "pribadi": true,
}

// prefixDi decides whether the "di" at token i, written apart from the next
// word, is the passive prefix di- (which must be joined) by the next word's
// form and its context, not by a fixed list of verbs: a place, a name, a
// number or a noun form keeps the preposition; a verb suffix (-kan, -i after
// a stem), a following agent ("oleh"), or an auxiliary before it
// ("untuk di layani") marks the prefix.
func (g *grader) prefixDi(f *field, i int) bool {
	next := f.toks[i+1]
	w := next.lower
	if base, _, redup := strings.Cut(w, "-"); redup {
		w = base // reduplicated nouns: "di tepi-tepi", "di sana-sini"
	}
	stem := strings.TrimSuffix(w, "nya")
	switch {
	case next.capital && !g.titleCased(f, next) || next.num || f.inQuote(next.start) && !f.inQuote(f.toks[i].start):
		return false
	case diPlaces[w] || diPlaces[stem] || kePlaces[w] || diNouns[w] || diNouns[stem] || iNouns[w]:
		return false
	case strings.HasSuffix(stem, "an") && !strings.HasSuffix(stem, "kan"):
		return false // nouns in -an: lapangan, pertemuan, kegiatan
	}
	if i+2 < len(f.toks) && f.slice(next.end, f.toks[i+2].start) == " " && diPlaces[f.toks[i+2].lower] && !genericQuantifiers[f.toks[i+2].lower] {
		return false // a position before a place: "di lepas pantai", "di ujung jalan"
	}
	if verbForm(w) || looksLikeKanVerb(w) || looksLikeIVerb(w) {
		return true
	}
	// A bare base the text uses as a verb elsewhere ("menelepon") is still a
	// noun when an owner or determiner follows it: "di telepon masing-masing",
	// "di data itu" name the place or the instrument, unless an auxiliary
	// stands before ("akan di telepon mereka").
	if g.verbOfText(w) || g.perKeVerb(w) {
		return !ownedAfterDi(f, i+1) || auxBeforeDi(f, i)
	}
	// What follows shows a verb: the agent ("di gambar oleh petugas") or
	// "ulang" ("di gambar ulang", "di cat ulang"). "kembali" would not: "warga
	// di tenda kembali menerima bantuan".
	if i+2 < len(f.toks) && f.slice(next.end, f.toks[i+2].start) == " " {
		if after := f.toks[i+2].lower; after == "oleh" || after == "ulang" {
			return true
		}
	}
	// Coordinated with a split prefix: "sulit di lacak dan di tagih", "di
	// gambar lalu di tempel". A correctly joined verb after the conjunction
	// would not do: "tinggal di tenda lalu diberi makanan".
	if i+4 < len(f.toks) && diConjunctions[f.toks[i+2].lower] && f.toks[i+3].lower == "di" &&
		f.slice(next.end, f.toks[i+4].start) == " "+f.toks[i+2].text+" di " && g.prefixDi(f, i+3) {
		return true
	}
	return auxBeforeDi(f, i)
}

// auxBeforeDi reports an auxiliary right before the "di" at token i.
func auxBeforeDi(f *field, i int) bool {
	return i > 0 && diAuxiliaries[f.toks[i-1].lower] && f.slice(f.toks[i-1].end, f.toks[i].start) == " "
}

// ownerWords follow a noun to say whose or which it is: "telepon
// masing-masing", "data itu", "telepon warga".
var ownerWords = wordSet(`masing-masing itu ini tersebut mereka saya kami kita anda kamu dia ia warga milik sendiri pribadi`)

// ownedAfterDi reports a determiner or possessor right after the word at
// token k ("telepon masing-masing", "telepon genggamnya"): the word is a
// noun there, not a verb base.
func ownedAfterDi(f *field, k int) bool {
	if k+1 >= len(f.toks) || f.slice(f.toks[k].end, f.toks[k+1].start) != " " {
		return false
	}
	next := f.toks[k+1].lower
	return ownerWords[next] || strings.HasSuffix(next, "nya") && len(next) > 5 && next != "lainnya"
}

// verbOfText reports a base the release itself uses as a verb: its meN-
// form ("menggusur" for "di gusur") or its joined di- form ("dikawal")
// stands somewhere in the headline or body.
func (g *grader) verbOfText(w string) bool {
	if len(w) < 3 {
		return false
	}
	g.textWords()
	if g.words["di"+w] {
		return true
	}
	for _, form := range meNForms(w) {
		if g.words[form] {
			return true
		}
	}
	return false
}

// looksLikeIVerb: a word of a stem of at least five letters ending in a
// consonant plus -i is a verb ("layani", "datangi", "dampingi"), unless
// it is one of the nouns that look so.
func looksLikeIVerb(w string) bool {
	if len(w) < 5 || !strings.HasSuffix(w, "i") || iNouns[w] || strings.HasSuffix(w, "si") {
		return false
	}
	stem := w[:len(w)-1]
	if len([]rune(stem)) < 5 { // shorter ones (ikuti) are in diVerbs; "putri" is not a verb
		return false
	}
	return !strings.ContainsRune("aiueo", rune(stem[len(stem)-1]))
}

// checkThousands flags a number of four or more digits written without the
// thousands dot ("1240 warga"): EYD V groups thousands with a dot so that
// the size reads at a glance. Years, phone numbers, dates and codes after
// "nomor" are left alone. It reports whether it added a finding.
func (g *grader) checkThousands(f *field, i int) bool {
	t := f.toks[i]
	if t.num && commaThousands(t.text) {
		return g.checkCommaThousands(f, i)
	}
	if !t.num || len(t.text) < 4 || isPhone(t) || g.inDate(f, t.start) && !g.countReadAsYear(f, i) {
		return false
	}
	for _, r := range t.text {
		if (r < '0' || r > '9') && r != ' ' {
			return false
		}
	}
	if t.text[0] == '0' {
		return false
	}
	unit := ""
	if i+1 < len(f.toks) {
		unit = f.toks[i+1].lower
	}
	if i > 0 {
		switch f.toks[i-1].lower {
		case "nomor", "no", "kode", "nip", "nik", "tahun", "sejak", "pukul", "rt", "rw", "km", "kilometer":
			return false
		}
	}
	if len(t.text) == 4 && t.text <= "2100" && !peopleUnits[unit] && !scaleUnits[unit] && !g.briefUnit(unit) {
		return false // a year, as far as anyone can tell without a unit
	}
	v, _ := parseIndoNumber(t.text)
	std := formatIndoNumber(v)
	sev := SevSaran
	why := "EYD V menulis bilangan ribuan dengan titik pemisah agar besarnya terbaca sekilas."
	if r := g.rules(); r != nil && r.ThousandsSeparator {
		sev = SevPeringatan
		why = "Ketentuan latihan ini meminta angka ribuan memakai titik, sesuai EYD V, agar besarnya terbaca sekilas."
	}
	g.noteBahasa("titik pemisah ribuan")
	g.add(f.finding("pemisah-ribuan", sev, t.start, t.end, fmt.Sprintf("Tulis \"%s\", bukan \"%s\". %s", std, t.text, why), std))
	return true
}

// countReadAsYear reports a bare four-digit number the date reader took
// for a year after "antara" or "dari" ("Di antara 1240 warga") while a
// unit of people, of scale or of the sheet follows it: a count.
func (g *grader) countReadAsYear(f *field, i int) bool {
	t := f.toks[i]
	if i+1 >= len(f.toks) {
		return false
	}
	k := sort.Search(len(f.dates), func(k int) bool { return f.dates[k].End > t.start })
	if k >= len(f.dates) || f.dates[k].Start != t.start || f.dates[k].End != t.end {
		return false
	}
	if f.slice(t.end, f.toks[i+1].start) != " " {
		return false
	}
	unit := f.toks[i+1].lower
	return peopleUnits[unit] || scaleUnits[unit] || g.briefUnit(unit)
}

// checkLongNumberWords flags a number written in more than two words
// ("seribu dua ratus empat puluh warga"): EYD V writes in letters only the
// numbers one or two words can say, and bigger ones in digits, which read at
// a glance. A number opening its sentence stays in letters, as EYD V asks;
// dates, estimates ("ratusan") and quotes are left alone. It reports
// whether it added a finding.
func (g *grader) checkLongNumberWords(f *field, i int) bool {
	t := f.toks[i]
	if t.num || !extract.IsNumberWord(t.lower) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if f.toks[k].num || !extract.IsNumberWord(f.toks[k].lower) {
			continue
		}
		if _, next, ok := readWordNumber(f.toks, k); ok && next > i {
			return false // inside a number read from an earlier word
		}
	}
	num, next, ok := readWordNumber(f.toks, i)
	if !ok || !num.exact() || next-i <= 2 || num.lo < 1 || num.lo != math.Trunc(num.lo) {
		return false
	}
	if i == 0 || f.sentenceOf(f.toks[i-1].start) != f.sentenceOf(t.start) || f.inQuote(t.start) || g.inDate(f, t.start) || g.figureFixed(f, t.start) {
		return false
	}
	if next < len(f.toks) && f.toks[next].is(lexMonthName) {
		if _, month := monthNames[f.toks[next].lower]; month {
			return false
		}
	}
	words := f.slice(t.start, f.toks[next-1].end)
	std := formatIndoNumber(num.lo)
	sev := SevSaran
	why := "EYD V menulis dengan huruf hanya bilangan yang cukup dinyatakan dengan satu atau dua kata; bilangan yang lebih panjang ditulis dengan angka agar terbaca sekilas."
	if r := g.rules(); r != nil && r.ThousandsSeparator && num.lo >= 1000 {
		// The practice asks for thousands in digits with the dot.
		sev = SevPeringatan
		why = "Ketentuan latihan ini meminta angka ribuan ditulis dengan angka dan titik pemisah, sesuai EYD V: bilangan yang lebih dari dua kata ditulis dengan angka agar terbaca sekilas."
	}
	g.noteBahasa("bilangan lebih dari dua kata ditulis dengan huruf")
	g.add(f.finding("bilangan-huruf", sev, t.start, f.toks[next-1].end,
		fmt.Sprintf("Tulis \"%s\", bukan \"%s\". %s", std, words, why), std))
	return true
}

// briefUnit reports whether w is the unit of a figure of the brief.
func (g *grader) briefUnit(w string) bool {
	if g.in.Brief == nil || w == "" {
		return false
	}
	for _, fig := range g.in.Brief.Angka {
		if figureUnitMatches(w, fig) {
			return true
		}
	}
	return false
}

// looksLikeKanVerb: words ending in -kan are verbs unless they are pe-/ke-
// nouns (pendidikan, kebijakan) or place words.
func looksLikeKanVerb(w string) bool {
	if len(w) < 7 || !strings.HasSuffix(w, "kan") || diPlaces[w] {
		return false
	}
	for _, p := range []string{"pe", "ke"} {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	return true
}

// checkCapitals flags lower-case day and month names and titles before a name.
func (g *grader) checkCapitals(f *field, i int) {
	t := f.toks[i]
	if t.capital || t.num {
		return
	}
	next := func() (token, bool) {
		if i+1 < len(f.toks) {
			return f.toks[i+1], true
		}
		return token{}, false
	}
	if std, ok := lookupIf(t, lexDayName, dayNames); ok {
		if t.lower == "minggu" {
			// "minggu" is also "week": only a weekday when a date follows.
			n, ok := next()
			if !ok || !(n.num && strings.TrimSpace(f.slice(t.end, n.start)) == "(") {
				return
			}
		}
		g.noteBahasa("huruf kapital")
		g.add(f.finding("kapital-hari-bulan", SevPeringatan, t.start, t.end,
			fmt.Sprintf("Nama hari ditulis dengan huruf kapital: \"%s\".", std), std))
		return
	}
	if std, ok := lookupIf(t, lexMonthName, monthNames); ok {
		g.noteBahasa("huruf kapital")
		g.add(f.finding("kapital-hari-bulan", SevPeringatan, t.start, t.end,
			fmt.Sprintf("Nama bulan ditulis dengan huruf kapital: \"%s\".", std), std))
		return
	}
	if t.is(lexRegionWord) {
		g.checkRegionCapital(f, i)
		return
	}
	if t.is(lexTitleWord) && titleWords[t.lower] {
		if g.checkLowerOffice(f, i) {
			return
		}
		n, ok := next()
		if !ok || !n.capital || f.slice(t.end, n.start) != " " {
			return
		}
		if i > 0 && genericQuantifiers[f.toks[i-1].lower] {
			return
		}
		std := capitalize(t.text)
		g.noteBahasa("huruf kapital")
		g.add(f.finding("kapital-jabatan", SevPeringatan, t.start, t.end,
			fmt.Sprintf("Jabatan yang diikuti nama orang, instansi, atau wilayah ditulis dengan huruf kapital: \"%s %s\".", std, n.text), std))
	}
}

// checkRegionCapital flags an administrative region in lower case before
// its name ("kecamatan Cikadu", "Pemerintah kabupaten Sukamaju"): EYD V
// capitalises a geographic or administrative name, the region word with
// it. A region used generically stays lower case: after a quantifier or a
// number ("seluruh desa Cikadu", "tiga desa Cikadu"), or before no name.
func (g *grader) checkRegionCapital(f *field, i int) {
	t := f.toks[i]
	if i+1 >= len(f.toks) {
		return
	}
	n := f.toks[i+1]
	if !n.capital || n.allCaps || n.num || f.slice(t.end, n.start) != " " {
		return
	}
	if i > 0 {
		p := f.toks[i-1]
		if genericQuantifiers[p.lower] || p.num || numberWords[p.lower] || p.lower == "antar" {
			return
		}
	}
	std := capitalize(t.text)
	g.noteBahasa("huruf kapital")
	g.add(f.finding("kapital-wilayah", SevPeringatan, t.start, t.end,
		fmt.Sprintf("Nama wilayah administrasi atau geografi yang diikuti nama diri ditulis dengan huruf kapital, termasuk kata \"%s\": \"%s %s\". Huruf kecil hanya untuk sebutan umum, misalnya \"di setiap %s\".", t.lower, std, n.text, t.lower), std))
}

// checkSpacing flags double spaces, a space before punctuation and a missing
// space after it.
func (g *grader) checkSpacing(f *field) {
	n, text := f.runes(), f.text
	for p := 0; p < n; p++ {
		// Every rune this rule looks at is ASCII, one byte, and the bytes of
		// any other rune are not ASCII; so the run of spaces and the runes
		// around it are read as bytes.
		b := int(f.offs[p])
		c := text[b]
		if c != ' ' && !isSpacedMark(rune(c)) {
			continue
		}
		r := rune(c)
		switch {
		case r == ' ':
			e := b
			for e < len(text) && text[e] == ' ' {
				e++
			}
			q := p + e - b // the rune after the spaces
			lineStart := b == 0 || text[b-1] == '\n'
			if e >= len(text) || text[e] == '\n' || lineStart {
				p = q - 1
				continue
			}
			if next := text[e]; isSpacedMark(rune(next)) && isAlnum(f.at(p-1)) && !(next == '.' && e+1 < len(text) && text[e+1] == '.') {
				punct := string(rune(next))
				g.noteBahasa("spasi dan tanda baca")
				g.add(f.finding("spasi-sebelum-tanda-baca", SevSaran, p, q+1,
					fmt.Sprintf("Tanda baca \"%s\" ditulis rapat dengan kata sebelumnya, tanpa spasi.", punct), punct))
			} else if q-p >= 2 {
				g.noteBahasa("spasi dan tanda baca")
				g.add(f.finding("spasi-ganda", SevSaran, p, q, "Ada spasi ganda; cukup satu spasi di antara kata.", " "))
			}
			p = q - 1
		case isSpacedMark(r):
			prev, next := f.at(p-1), f.at(p+1)
			if !unicode.IsLetter(prev) || !unicode.IsLetter(next) {
				continue
			}
			if r == '.' && !g.sentenceJoin(f, p) {
				continue
			}
			a, b := f.tokenAt(p-1), f.tokenAt(p+1)
			if a < 0 || b < 0 {
				continue
			}
			ta, tb := f.toks[a], f.toks[b]
			g.noteBahasa("spasi dan tanda baca")
			g.add(f.finding("spasi-setelah-tanda-baca", SevSaran, ta.start, tb.end,
				fmt.Sprintf("Setelah tanda baca \"%c\" perlu satu spasi.", r), ta.text+string(r)+" "+tb.text))
		}
	}
}

// isSpacedMark tells the punctuation marks written right after a word and
// followed by a space: , ; : ! ? and the full stop.
func isSpacedMark(r rune) bool {
	switch r {
	case ',', ';', ':', '!', '?', '.':
		return true
	}
	return false
}

// sentenceJoin reports whether the full stop at p ends a sentence written
// onto the next one ("kantor.Kemudian"), not an abbreviation (S.Pd) or a web
// address (dinkes.go.id, which the tokenizer keeps whole).
func (g *grader) sentenceJoin(f *field, p int) bool {
	if !unicode.IsUpper(f.at(p + 1)) {
		return false
	}
	a := f.tokenAt(p - 1)
	if a < 0 {
		return false
	}
	t := f.toks[a]
	return t.end-t.start >= 3 && !t.allCaps && unicode.IsLower(f.at(p-1))
}

// checkSentences flags long sentences and runs of sentences that open with
// the same word.
func (g *grader) checkSentences(f *field) {
	prevFirst, run := "", 0
	for _, s := range f.sents {
		lo, hi := f.tokRange(s.Start, s.End)
		if words := hi - lo; words > MaxSentenceWords {
			g.noteBahasa("kalimat terlalu panjang")
			g.add(f.finding("kalimat-panjang", SevSaran, s.Start, s.End,
				fmt.Sprintf("Kalimat ini %s kata; kalimat di atas %s kata sulit diikuti. Pecah menjadi dua atau tiga kalimat yang masing-masing memuat satu gagasan.", countWord(words), countWord(MaxSentenceWords)), ""))
		}
		if hi == lo {
			prevFirst, run = "", 0
			continue
		}
		first := f.toks[lo]
		if first.lower == prevFirst {
			run++
		} else {
			prevFirst, run = first.lower, 1
		}
		if run == RepeatedOpeningRun {
			g.noteBahasa("awal kalimat berulang")
			g.add(f.finding("awal-kalimat-berulang", SevSaran, first.start, first.end,
				fmt.Sprintf("Tiga kalimat berturut-turut diawali \"%s\"; variasikan awal kalimat agar tulisan tidak monoton.", first.text), ""))
		}
	}
}

// checkMixedScript reports a word that mixes Latin letters with Cyrillic or
// Greek look-alikes ("dі" with a Cyrillic і): it reads the same but search,
// spelling checks and readers' tools treat it as another word.
func (g *grader) checkMixedScript(f *field) {
	for _, t := range f.toks {
		if isASCII(t.text) {
			continue // Latin letters and digits only
		}
		latin, other := false, false
		for _, r := range t.text {
			switch {
			case unicode.Is(unicode.Latin, r):
				latin = true
			case unicode.Is(unicode.Cyrillic, r), unicode.Is(unicode.Greek, r):
				other = true
			}
		}
		if latin && other {
			g.noteBahasa("huruf non-Latin di dalam kata")
			g.add(f.finding("huruf-non-latin", SevPeringatan, t.start, t.end,
				"Kata ini memuat huruf non-Latin yang mirip huruf Latin; ketik ulang dengan huruf biasa.", ""))
		}
	}
}

// isASCII reports whether s holds only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// kStemNouns are per-/ke- nouns of a stem in -k with the suffix -an, which
// end like a per-/ke-…-kan verb: "di pergerakan", "di kebijakan".
var kStemNouns = wordSet(`gerak tunjuk bank tambak rusak rombak rampok bijak banyak naik layak cocok bajik penduduk ikan ternak masak`)

// perKeVerb reports a verb of the confixes per-…-kan, per-…-i and
// ke-…-kan ("persilakan", "perkirakan", "pergunakan", "perbaiki",
// "kesampingkan", "kedepankan"): after a split di they are the passive
// verb, never a place. A noun of a stem in -k and -an ("pergerakan",
// "kebijakan") ends alike; it is left alone when its stem is one of
// kStemNouns or a word the release writes.
func (g *grader) perKeVerb(w string) bool {
	var stem string
	switch {
	case strings.HasPrefix(w, "per") && strings.HasSuffix(w, "kan") && len(w) >= 9:
		stem = w[3 : len(w)-3]
	case strings.HasPrefix(w, "ke") && strings.HasSuffix(w, "kan") && len(w) >= 8:
		stem = w[2 : len(w)-3]
	case strings.HasPrefix(w, "per") && strings.HasSuffix(w, "i") && !strings.HasSuffix(w, "si") && len(w) >= 7 && !iNouns[w]:
		stem = w[3 : len(w)-1]
		return !strings.ContainsRune("aiueo", rune(stem[len(stem)-1])) && !strings.ContainsRune("aiueo", rune(stem[0]))
	default:
		return false
	}
	if strings.ContainsRune("aiueo", rune(stem[0])) && strings.HasPrefix(w, "per") {
		return false // pe- + a stem in r-: "perusakan", "perampokan"
	}
	return !kStemNouns[stem+"k"] && !g.verbOfTextWord(stem+"k")
}

// verbOfTextWord reports a word the headline or body writes.
func (g *grader) verbOfTextWord(w string) bool {
	return g.textWords()[w]
}

// textWords returns the lower-case words of headline and body, read once.
func (g *grader) textWords() map[string]bool {
	if g.words == nil {
		g.words = map[string]bool{}
		for _, f := range []*field{g.head, g.body} {
			for _, t := range f.toks {
				g.words[t.lower] = true
			}
		}
	}
	return g.words
}
