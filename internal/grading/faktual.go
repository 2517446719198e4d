package grading

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// Thresholds of the faktual criterion.
const (
	// NameEditMax: a name token within 1–2 edits of a name in the brief is a
	// misspelling of it, not another person ("Nurhalima" vs "Nurhalimah").
	NameEditMax = 2
	// NameMinRunes: shorter names are too easily one letter from another.
	NameMinRunes = 5
)

// attributionWords say who said something: "kata Irna", "ujarnya", "menurut dia".
var attributionWords = map[string]bool{
	"kata": true, "ujar": true, "ungkap": true, "jelas": true, "tutur": true, "tegas": true,
	"pungkas": true, "imbuh": true, "terang": true, "sebut": true, "papar": true, "ucap": true,
	"tambah": true, "lanjut": true, "menurut": true, "mengatakan": true, "menjelaskan": true,
	"menambahkan": true, "menegaskan": true, "mengungkapkan": true, "menuturkan": true,
	"menyebutkan": true, "memaparkan": true, "menerangkan": true, "menyatakan": true,
	"katanya": true, "ujarnya": true, "ungkapnya": true, "jelasnya": true, "tuturnya": true,
	"tegasnya": true, "pungkasnya": true, "imbuhnya": true, "terangnya": true, "sebutnya": true,
	"paparnya": true, "ucapnya": true, "tambahnya": true, "lanjutnya": true, "bilang": true,
	"berkata": true, "mengaku": true, "akunya": true, "harapnya": true, "pesannya": true,
}

// opinionPhrases are the writer's own praise: not facts a reader can check.
// The longest phrase wins: "sangat meriah" rather than "meriah".
var opinionPhrases = newPhraseSet([][]string{
	{"sukses", "luar", "biasa"}, {"berlangsung", "sukses", "besar"}, {"berlangsung", "sukses", "luar", "biasa"},
	{"dengan", "sukses", "besar"}, {"berlangsung", "sukses"}, {"sangat", "meriah"},
	{"berjalan", "sukses"}, {"berjalan", "dengan", "sukses"}, {"lancar", "dan", "sukses"}, {"sukses", "dan", "lancar"},
	{"berjalan", "lancar", "dan", "sukses"}, {"berlangsung", "lancar", "dan", "sukses"},
	{"sukses", "besar"}, {"sangat", "sukses"}, {"luar", "biasa"}, {"sangat", "antusias"},
	{"laris", "manis"}, {"sangat", "membanggakan"}, {"sangat", "baik"}, {"sangat", "bagus"},
	{"spektakuler"}, {"terbaik"}, {"megah"}, {"fantastis"}, {"hebat"}, {"meriah"},
	{"termegah"}, {"terhebat"}, {"terindah"}, {"termeriah"}, {"fenomenal"}, {"memukau"},
	{"mengagumkan"}, {"gemilang"}, {"membanggakan"}, {"dahsyat"}, {"istimewa"}, {"mewah"},
	{"cemerlang"}, {"memuaskan"}, {"inspiratif"}, {"mengesankan"}, {"menggembirakan"},
	{"terbukti", "berhasil"}, {"terbukti", "efektif"}, {"terbukti", "ampuh"}, {"terbukti", "sukses"},
	{"diacungi", "jempol"}, {"acungan", "jempol"},
	// metaphors of praise
	{"angin", "segar"}, {"oase"}, {"secercah", "harapan"}, {"tonggak", "sejarah"}, {"jitu"}, {"brilian"},
})

// Opinion patterns beyond the fixed phrases (opinionAt): a verdict verb
// ("patut diapresiasi", "layak dicontoh"), an intensifier before an
// evaluative adjective ("sangat tepat", "sungguh membantu"), and a verdict
// on how an event went ("berjalan dengan lancar dan tertib").
var (
	// verdictWords judge what follows: "patut", "layak", "pantas".
	verdictWords = map[string]bool{"patut": true, "layak": true, "pantas": true}
	// notPraise are di- verbs after a verdict word that judge nothing:
	// "patut diduga" is a legal phrase, "layak dihuni" a standard.
	notPraise = map[string]bool{
		"diduga": true, "diketahui": true, "dicatat": true, "diingat": true, "diwaspadai": true,
		"dipertanyakan": true, "dicurigai": true, "diberikan": true, "dipertimbangkan": true,
		"diperhatikan": true, "dihuni": true, "digunakan": true, "dipakai": true, "dikonsumsi": true,
		"diberi": true, "dibayar": true, "diterima": true, "dijual": true, "dipilih": true,
		"diikuti": true, "dilaporkan": true, "dikembalikan": true, "diperbaiki": true,
	}
	// intensifiers make the adjective after them the writer's degree.
	intensifiers = wordSet(`sangat amat sungguh begitu sangatlah amatlah teramat benar-benar betul-betul sungguh-sungguh
sangat-sangat`)
	// postIntensifiers make the adjective before them the writer's degree:
	// "membantu sekali".
	postIntensifiers = wordSet(`sekali banget`)
	// praiseNouns take a metaphor of praise after them ("bukti nyata",
	// "solusi jitu", "kabar gembira"); alone they name things neutrally.
	praiseNouns = wordSet(`angin bukti wujud solusi langkah terobosan jawaban pilihan kado hadiah komitmen
kepedulian keberpihakan aksi dampak manfaat hasil contoh kontribusi kabar berita strategi gebrakan`)
	// praiseModifiers judge the noun before them, directly or after "yang".
	praiseModifiers = wordSet(`segar nyata jitu tepat cerdas brilian ampuh positif gembira manis istimewa berharga`)
	// neutralPairs report rather than praise: a test's result, an instruction.
	neutralPairs = map[string]bool{"hasil positif": true, "cara tepat": true}
	// evaluative adjectives judge rather than describe.
	evaluative = map[string]bool{
		"tepat": true, "bermanfaat": true, "membantu": true, "berguna": true, "positif": true,
		"inspiratif": true, "efektif": true, "efisien": true, "memuaskan": true, "berhasil": true,
		"strategis": true, "cemerlang": true, "mengesankan": true, "hebat": true, "mulia": true,
		"apik": true, "lancar": true, "tertib": true, "menggembirakan": true, "menyenangkan": true,
		"menginspirasi": true, "berkesan": true, "indah": true, "menarik": true, "produktif": true,
		"kreatif": true, "inovatif": true, "responsif": true, "sigap": true, "ramah": true,
		"nyaman": true, "terbantu": true, "memudahkan": true, "luar": true, "spektakuler": true,
		"istimewa": true, "mengagumkan": true, "semarak": true, "khidmat": true, "kondusif": true,
		"aman": true, "sukses": true, "meriah": true, "antusias": true, "bagus": true, "baik": true,
		"membanggakan": true, "optimal": true, "maksimal": true, "jitu": true, "ampuh": true,
		"cerdas": true, "brilian": true, "dinantikan": true, "dinanti": true, "bermakna": true,
		"berharga": true, "menyentuh": true, "mengharukan": true, "memukau": true, "menakjubkan": true,
		"solutif": true, "sempurna": true,
	}
	// eventVerbs report how an event went: "berjalan lancar".
	eventVerbs = map[string]bool{"berjalan": true, "berlangsung": true}
	// eventManners are verdicts on an event's course.
	eventManners = map[string]bool{
		"lancar": true, "sukses": true, "tertib": true, "meriah": true, "baik": true, "aman": true,
		"khidmat": true, "semarak": true, "kondusif": true, "mulus": true, "efektif": true,
		"optimal": true, "maksimal": true, "gemilang": true, "antusias": true,
	}
)

// Cue bits of opinionCues: which pattern of opinionAt a word may start.
const (
	cueVerdict uint8 = 1 << iota
	cueIntensifier
	cueEvent
	cuePraiseNoun
	cueEvaluative
)

// opinionCues maps each word that may start an opinion pattern to its cue
// bits, so that opinionAt looks a token up once.
var opinionCues = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, l := range []struct {
		set map[string]bool
		bit uint8
	}{{verdictWords, cueVerdict}, {intensifiers, cueIntensifier}, {eventVerbs, cueEvent}, {praiseNouns, cuePraiseNoun}, {evaluative, cueEvaluative}} {
		for w := range l.set {
			m[w] |= l.bit
		}
	}
	return m
}()

// onceAfter follow "sekali" meaning "once" ("sekali lagi", "sekali dalam
// sepekan"), not "very".
var onceAfter = wordSet(`lagi pun dalam setahun sebulan sepekan seminggu sehari saja`)

// opinionAt returns the number of tokens of an opinion pattern starting at
// toks[i], or 0.
func opinionAt(toks []token, i int) int {
	word := func(k int) string {
		if k < len(toks) {
			return toks[k].lower
		}
		return ""
	}
	w := word(i)
	cue := opinionCues[w]
	if cue == 0 {
		return 0
	}
	switch {
	case cue&cueEvaluative != 0 && postIntensifiers[word(i+1)] && !onceAfter[word(i+2)]:
		return 2
	case cue&cuePraiseNoun != 0:
		k := i + 1
		if word(k) == "yang" {
			k++
		}
		if m := word(k); praiseModifiers[m] && !neutralPairs[w+" "+m] {
			return k + 1 - i
		}
	case verdictWords[w]:
		next := word(i + 1)
		if next == "untuk" {
			return 0
		}
		if strings.HasPrefix(next, "di") && len(next) >= 6 && !notPraise[next] {
			if next == "diacungi" && word(i+2) == "jempol" {
				return 3
			}
			if next == "dijadikan" && (word(i+2) == "contoh" || word(i+2) == "teladan" || word(i+2) == "percontohan") {
				return 3
			}
			return 2
		}
		if (next == "mendapat" || next == "mendapatkan" || next == "menerima" || next == "diberi") && (word(i+2) == "apresiasi" || word(i+2) == "pujian" || word(i+2) == "acungan" || word(i+2) == "penghargaan") {
			if word(i+3) == "jempol" {
				return 4
			}
			return 3
		}
	case intensifiers[w]:
		if next := word(i + 1); evaluative[next] {
			if next == "luar" && word(i+2) == "biasa" {
				return 3
			}
			if next != "luar" {
				return 2
			}
		} else if emphaticDegree(w, next) {
			return 2
		}
	case eventVerbs[w]:
		k := i + 1
		if word(k) == "dengan" {
			k++
		}
		if !eventManners[word(k)] {
			return 0
		}
		k++
		if (word(k) == "dan" || word(k) == "serta") && eventManners[word(k+1)] {
			k += 2
		}
		return k - i
	}
	return 0
}

// gradeFaktual checks what can be verified: attributed quotes, concrete
// figures, no opinion of the writer, and, with a brief, the facts themselves.
func (g *grader) gradeFaktual() result {
	cn := g.costNotes(CritFaktual)
	f := g.body
	unattributed, attributed := 0, 0
	counted := map[string]bool{} // a repeated quote counts once toward the ketentuan
	for _, q := range f.quotes {
		if g.termQuote(f, q) {
			continue
		}
		if g.quoteAttributed(f, q.Start, q.End) {
			key := sentenceKey(strings.Trim(f.slice(q.Start, q.End), "\"“”'‘’ "))
			if lo, hi := f.tokRange(q.Start, q.End); hi-lo >= 3 && !counted[key] {
				attributed++
				counted[key] = true
			}
			continue
		}
		if _, ok := f.continuedQuote(q.Start); ok {
			continue // one quotation over several paragraphs: reported at its first
		}
		if who, ok := g.nextQuoteParagraph(f, q); ok {
			// “…,” kata Asep. ¶ “…”: the reader may take Asep to go on, yet
			// a new paragraph is where a new speaker starts.
			g.add(f.finding("kutipan-tanpa-atribusi", SevSaran, q.Start, q.End,
				fmt.Sprintf("Kutipan di paragraf baru ini tidak menyebut siapa yang mengucapkannya. Pembaca mungkin menduga %s masih berbicara, tetapi paragraf baru tanpa atribusi membuatnya tidak pasti. Pecah kutipan di paragraf yang sama (“…,” kata %s. “…”) atau tambahkan atribusi, misalnya “…,” tambah %s.", who, who, who), ""))
			continue
		}
		unattributed++
		msg := "Kutipan ini tidak menyebut siapa yang mengucapkannya. Tambahkan atribusi di kalimat yang sama, misalnya “…,” kata Kepala Dinas; kutipan tanpa sumber tidak dapat diperiksa kebenarannya, dan atribusi kutipan lain tidak berlaku untuknya."
		if g.vagueAttribution(f, q.Start, q.End) {
			msg = "Atribusi kutipan ini tidak menyebut narasumber yang dapat diperiksa: “seorang pejabat”, “pihak dinas”, “sumber tersebut”, atau “katanya” tanpa nama sebelumnya bisa siapa saja. Tulis nama dan jabatan orang yang mengucapkannya, misalnya “…,” kata Kepala Dinas, lalu namanya."
		}
		g.add(f.finding("kutipan-tanpa-atribusi", SevPeringatan, q.Start, q.End, msg, ""))
	}
	if unattributed > 0 {
		cn.note("kutipan tanpa sumber")
	}
	noSource := len(f.quotes) == 0 && !g.hasAttribution(f) && len(f.toks) > 0
	folded := g.quotesFolded()
	if r := g.rules(); r != nil && r.AttributedQuotes > attributed {
		msg := fmt.Sprintf("Ketentuan latihan: muat %s kutipan langsung, masing-masing dengan atribusi; %s. Kutipan narasumber menunjukkan dari mana informasi berasal.", countWord(r.AttributedQuotes), quotesHave(attributed))
		switch {
		case folded && noSource:
			// One absence, one finding: no source, no quote, the requirement.
			msg = fmt.Sprintf("Rilis belum memuat pernyataan narasumber maupun kutipan langsung, padahal ketentuan latihan meminta %s kutipan langsung, masing-masing dengan atribusi. Kutip narasumber dari lembar fakta dalam tanda petik, misalnya “…,” kata Kepala Dinas: tanpa narasumber pembaca tidak tahu dari mana informasinya berasal, dan kutipan membuat berita hidup.", countWord(r.AttributedQuotes))
		case folded:
			msg = fmt.Sprintf("Rilis belum memuat kutipan langsung, padahal ketentuan latihan meminta %s kutipan langsung, masing-masing dengan atribusi. Tulis ucapan narasumber dari lembar fakta dalam tanda petik, misalnya “…,” kata Kepala Dinas; kutipan membuat berita hidup dan menunjukkan sumbernya.", countWord(r.AttributedQuotes))
		}
		g.add(f.finding("kutipan-beratribusi-kurang", SevPeringatan, 0, 0, msg, ""))
		cn.note("kutipan beratribusi kurang dari ketentuan")
	}
	opinions := 0
	for _, fl := range []*field{g.head, g.body} {
		opinions += g.checkOpinion(fl)
	}
	if opinions > 0 {
		cn.note("penilaian penulis yang bukan fakta")
	}

	if noSource && folded {
		g.silentCost(CritFaktual, CostNoSource) // told by kutipan-beratribusi-kurang
		cn.note("belum ada narasumber")
	} else if noSource {
		g.addCost(f.finding("narasumber-hilang", SevPeringatan, 0, 0,
			"Rilis belum memuat pernyataan narasumber. Kutip pejabat atau warga yang terlibat, misalnya “…,” kata Kepala Dinas, agar pembaca tahu dari mana informasinya berasal.", ""), CostNoSource)
		cn.note("belum ada narasumber")
	}
	if !g.hasFigure(f) && len(f.toks) > 0 {
		g.add(f.finding("angka-hilang", SevSaran, 0, 0,
			"Rilis belum memuat angka. Data konkret (jumlah peserta, anggaran, jumlah desa) membuat berita dapat diperiksa dan lebih meyakinkan.", ""))
		cn.note("belum ada angka konkret")
	}

	var introduced map[int]bool // sheet people whose first mention is reported
	if b := g.in.Brief; b != nil {
		n, invented := g.checkBrief(b)
		n += g.checkAddresses(b)
		if n > 0 {
			cn.note(fmt.Sprintf("%s fakta berbeda dengan lembar fakta", countWord(n)))
		}
		// A quote the sheet does not hold is one defect, the quote's: its
		// cost is named as such, not counted among the contradicted facts.
		for _, fd := range invented {
			g.add(fd)
		}
		if len(invented) > 0 {
			cn.note(fmt.Sprintf("%s kutipan yang tidak ada di lembar fakta", countWord(len(invented))))
		}
		introduced = g.checkFirstMentions(b)
		if len(introduced) > 0 {
			cn.note("narasumber pertama kali disebut tanpa jabatan atau nama lengkap")
		}
	}
	if g.checkVagueAmounts(f) > 0 {
		cn.note("angka perkiraan")
	}
	if b := g.in.Brief; b != nil {
		g.checkBriefCoverage(b, introduced) // suggestions: their cost shows as "saran lain"
	}

	ok := "Kutipan beratribusi, ada angka konkret, dan tidak ada penilaian penulis."
	if g.in.Brief != nil {
		ok = "Kutipan beratribusi, tidak ada penilaian penulis, dan fakta sesuai dengan lembar fakta."
	}
	return result{score: g.deduct(CritFaktual), summary: cn.summary(ok)}
}

// attributedSentences marks the sentences holding an attribution word outside
// quotes. Computed once per field: every quote and opinion asks.
func (g *grader) attributedSentences(f *field) []bool {
	if f.attributed != nil {
		return f.attributed
	}
	f.attributed = make([]bool, len(f.sents))
	for _, t := range f.toks {
		if t.is(lexAttribution) && attributionWords[t.lower] && !f.inQuote(t.start) {
			if s := f.sentenceOf(t.start); s >= 0 {
				f.attributed[s] = true
			}
			f.hasAttribution = true
		}
	}
	return f.attributed
}

func (g *grader) hasAttribution(f *field) bool {
	g.attributedSentences(f)
	return f.hasAttribution
}

// sentenceAttributed reports whether the sentence holding pos reports what
// someone said ("Menurut Bupati, …"): then its judgements are the source's.
func (g *grader) sentenceAttributed(f *field, pos int) bool {
	s := f.sentenceOf(pos)
	return s >= 0 && g.attributedSentences(f)[s]
}

// checkOpinion flags praise outside quotes and attributed sentences; it
// returns how many it found.
func (g *grader) checkOpinion(f *field) int {
	n := 0
	for i := 0; i < len(f.toks); i++ {
		k := opinionPhrases.atIf(lexOpinionStart, f.toks, i, len(f.toks))
		if p := opinionAt(f.toks, i); p > k {
			k = p
		}
		if p := reactionAt(f.toks, i); p > k {
			k = p
		}
		if p := opinionClassAt(f, i); p > k {
			k = p
		}
		if k == 0 && f == g.head && headlinePraise[f.toks[i].lower] {
			// "Sukses Gelar …", "Berhasil Rekam …": the headline's verdict
			// on its own deed; the deed is the news
			k = 1
		}
		if k == 0 {
			continue
		}
		s, e := f.toks[i].start, f.toks[i+k-1].end
		i += k - 1
		anonymous := f == g.body && g.sentenceAttributed(f, s) && g.anonymouslyAttributed(f, s)
		if f.inQuote(s) || (f == g.body && g.sentenceAttributed(f, s) && !anonymous) {
			continue
		}
		n++
		msg := fmt.Sprintf("\"%s\" adalah penilaian penulis, bukan fakta. Ganti dengan fakta yang dapat diperiksa (berapa warga yang dilayani, apa yang sudah dikerjakan) atau kutip narasumber yang menyatakannya.", f.slice(s, e))
		if anonymous {
			msg = fmt.Sprintf("\"%s\" disandarkan pada penutur tanpa nama, jadi terbaca sebagai penilaian penulis. Kutip narasumber yang disebut nama dan jabatannya, atau ganti dengan fakta yang dapat diperiksa.", f.slice(s, e))
		}
		g.add(f.finding("opini-penulis", SevPeringatan, s, e, msg, ""))
	}
	return n
}

// headlinePraise judge the deed after them in a headline: "Sukses Gelar",
// "Berhasil Rekam".
var headlinePraise = wordSet(`sukses berhasil sukseskan`)

// vagueAmounts are round words instead of a count ("puluhan admin").
var vagueAmounts = map[string]bool{"belasan": true, "puluhan": true, "ratusan": true, "ribuan": true}

// approxMarkers put an estimate before a number ("kurang lebih 75 orang").
var approxMarkers = newPhraseSet([][]string{{"kurang", "lebih"}, {"sekitar"}, {"kira-kira"}, {"lebih", "kurang"}})

// checkVagueAmounts suggests exact figures for estimates outside quotes; it
// returns how many it found.
func (g *grader) checkVagueAmounts(f *field) int {
	n := 0
	wrong := g.flaggedStarts(CritFaktual, SevKesalahan)
	for i := 0; i < len(f.toks); i++ {
		t := f.toks[i]
		if f.inQuote(t.start) {
			continue
		}
		if wrong[t.start] {
			continue
		}
		if t.is(lexVagueAmount) && vagueAmounts[t.lower] || t.lower == "sejumlah" && g.sheetCounts(f, i+1) {
			n++
			g.add(g.vagueAmountFinding(f, i))
			continue
		}
		k := approxMarkers.atIf(lexApproxStart, f.toks, i, len(f.toks))
		j := i + k
		if k == 0 || j >= len(f.toks) || !f.toks[j].num || g.inDate(f, f.toks[j].start) {
			continue
		}
		n++
		g.add(f.finding("angka-perkiraan", SevSaran, t.start, f.toks[j].end,
			fmt.Sprintf("\"%s\" adalah angka perkiraan. Bila ada data pasti (daftar hadir, data resmi), tulis angka pastinya; bila tidak, sebutkan sumber perkiraannya.", f.slice(t.start, f.toks[j].end)), ""))
		i = j
	}
	return n
}

// vagueAmountFinding is the jumlah-samar finding on the round word at token
// i ("puluhan admin"): its fix is the sheet's figure for the noun after it
// when the sheet counts that noun, else it asks for the exact count without
// an example figure, which the trainee might copy.
func (g *grader) vagueAmountFinding(f *field, i int) Finding {
	t := f.toks[i]
	if b := g.in.Brief; b != nil && i+1 < len(f.toks) {
		unit := f.toks[i+1]
		for _, fig := range b.Angka {
			if !figureUnitMatches(unit.lower, fig) {
				continue
			}
			want := releaseNumber(fig.Nilai) + " " + unit.text
			return f.finding("jumlah-samar", SevSaran, t.start, unit.end,
				fmt.Sprintf("\"%s\" tidak menyebut jumlah, padahal lembar fakta menyebut %s %s. Tulis angka pastinya agar pembaca dapat memeriksanya.", f.slice(t.start, unit.end), releaseNumber(fig.Nilai), fig.Satuan), want)
		}
	}
	return f.finding("jumlah-samar", SevSaran, t.start, t.end,
		fmt.Sprintf("\"%s\" tidak menyebut jumlah. Tulis angka pastinya dari daftar hadir atau data resmi, atau hapus jumlahnya bila tidak ada data.", t.text), "")
}

// sheetCounts reports whether token i is a noun the sheet counts: after
// "sejumlah" ("sejumlah warga") it hides the sheet's figure.
func (g *grader) sheetCounts(f *field, i int) bool {
	if g.in.Brief == nil || i >= len(f.toks) {
		return false
	}
	for _, fig := range g.in.Brief.Angka {
		if figureUnitMatches(f.toks[i].lower, fig) {
			return true
		}
	}
	return false
}

// releaseNumber writes a figure as a fix or example of release text: a
// count up to ten in letters ("enam admin"), others in digits ("1.240").
func releaseNumber(v float64) string {
	if w, ok := numberWordFor(v); ok {
		return w
	}
	return formatIndoNumber(v)
}

// hasFigure reports a number in the body that is neither a date, a clock
// time nor a phone number.
func (g *grader) hasFigure(f *field) bool {
	for _, t := range f.toks {
		if t.num && !isPhone(t) && !g.inDate(f, t.start) {
			return true
		}
	}
	return false
}

// inDate reports whether pos lies inside a date expression.
func (g *grader) inDate(f *field, pos int) bool {
	i := sort.Search(len(f.dates), func(i int) bool { return f.dates[i].End > pos })
	return i < len(f.dates) && f.dates[i].Start <= pos
}

// checkBrief compares the release with the facts sheet and returns the number
// of errors it found, and the findings on quotes the sheet does not hold,
// not yet added: the caller adds them under their own note.
func (g *grader) checkBrief(b *Brief) (n int, invented []Finding) {
	sf := briefFacts(b)
	negated, free, plain := sheetNegations(b), sheetIsFree(b), sheetAffirmations(b)
	for _, f := range []*field{g.head, g.body} {
		n += g.checkNegations(f, negated, free)
		n += g.checkAddedNegations(f, plain, free)
		// Figures and places are read from the headline as from a
		// sentence: its title-case capitals name nothing ("Desa Ikuti").
		ff := f
		if f == g.head {
			ff = g.plainHead()
		}
		n += g.checkFigures(ff, b)
		n += g.checkFractions(ff, b)
		n += g.checkFigureTimes(ff, b)
		n += g.checkDurations(ff, b)
		n += g.checkPlaceChains(f, b)
		n += g.checkVenues(ff, b)
		n += g.checkSheetFacts(ff, b, sf)
		g.checkClaims(f, sf)
		n += g.checkNames(f, b)
		n += g.checkTitles(f, b)
		n += g.checkPersonTitles(f, b)
		n += g.checkTitlesAfterName(f, b)
		n += g.checkRoleOffices(f, b)
		n += g.checkActingOffices(f, b)
		known := briefVocabulary(b)
		n += g.checkOfficeHolders(f, b, known)
		n += g.checkPartialNames(f, b, known)
	}
	n += g.checkRegions(b)
	n += g.checkFeatures(b)
	n += g.checkBriefDate(b)
	n += g.checkDateRanges(b)
	n += g.checkSheetDates(b)
	n += g.checkSwappedRequirements(b)
	g.checkBriefPlace(b)
	errs, invented := g.checkBriefQuotes(b)
	return n + errs, invented
}

// plainHead returns the headline with the capitals of title case dropped:
// a capital stays only on a word the release or the sheet writes only
// capitalised (a name, a place) and on an acronym.
func (g *grader) plainHead() *field {
	h := *g.head
	h.toks = slices.Clone(g.head.toks)
	for k := range h.toks {
		if g.titleCased(&h, h.toks[k]) {
			h.toks[k].capital = false
		}
	}
	return &h
}

// MaxMissingListed caps how many unused facts one finding lists.
const MaxMissingListed = 3

// checkBriefCoverage suggests the facts of the sheet that the release leaves
// out: figures (the scale readers judge importance by), sources named in
// siapa (but those whose bare office checkFirstMentions reported, in
// introduced), and the quotes given. A figure counts as used when its number or
// its unit appears with a number (a wrong number is checkFigures' business).
func (g *grader) checkBriefCoverage(b *Brief, introduced map[int]bool) {
	values := map[float64]bool{}
	units := map[string]bool{}
	for _, f := range []*field{g.head, g.body} {
		for i, t := range f.toks {
			var num wordNum
			var j int
			var ok bool
			switch {
			case t.num && !isPhone(t):
				var v float64
				v, j, ok = numberValue(f, i)
				num = wordNum{v, v}
			case extract.IsNumberWord(t.lower):
				num, j, ok = readWordNumber(f.toks, i)
			case durationWords[t.lower].unit != "":
				// "berlangsung sepekan" uses a sheet's seven days.
				d := durationWords[t.lower]
				if v, in := daysIn(d.n, d.unit, "hari"); in {
					values[v] = true
				}
			}
			if !ok || !num.exact() {
				continue
			}
			values[num.lo] = true
			if j < len(f.toks) {
				units[f.toks[j].lower] = true
				if v, in := daysIn(num.lo, f.toks[j].lower, "hari"); in {
					values[v] = true // "dua pekan" uses the sheet's 14 days
				}
			}
		}
	}
	var figs []string
	for _, fig := range b.Angka {
		used := values[fig.Nilai]
		for u := range units {
			used = used || figureUnitMatches(u, fig)
		}
		if !used {
			figs = append(figs, releaseNumber(fig.Nilai)+" "+fig.Satuan)
		}
	}
	if len(figs) > 0 {
		g.add(g.body.finding("angka-lembar-belum-dimuat", SevSaran, 0, 0,
			fmt.Sprintf("Angka dari lembar fakta yang belum dimuat: %s. Angka menunjukkan skala kegiatan dan membuat berita dapat diperiksa.", listID(figs)), ""))
	}
	mentioned := func(nama string) bool {
		toks := nameTokens(nama)
		for _, f := range []*field{g.head, g.body} {
			for _, t := range f.toks {
				for _, n := range toks {
					if strings.EqualFold(t.text, n) {
						return true
					}
				}
			}
		}
		return len(toks) == 0
	}
	var people []string
	for pi, p := range b.Siapa {
		if !mentioned(p.Nama) && !introduced[pi] {
			people = append(people, p.Nama)
		}
	}
	if len(people) > 0 {
		g.add(g.body.finding("narasumber-lembar-belum-disebut", SevSaran, 0, 0,
			fmt.Sprintf("Narasumber di lembar fakta yang belum disebut: %s. Sebut nama dan jabatannya agar pembaca tahu siapa yang bertanggung jawab atas informasi ini.", listID(people)), ""))
	}
	for _, q := range b.Kutipan {
		if !g.quoteUsed(q) && mentioned(q.Oleh) {
			g.add(g.body.finding("kutipan-lembar-belum-dipakai", SevSaran, 0, 0,
				fmt.Sprintf("Kutipan %s dari lembar fakta belum dipakai: “%s”%s Kutipan langsung menghidupkan berita dan menunjukkan sumbernya.", q.Oleh, q.Teks, sentenceEnd(q.Teks)), ""))
		}
	}
}

// quoteUsed reports whether a direct quote of the release carries most words of a brief quote.
func (g *grader) quoteUsed(q BriefQuote) bool {
	want := map[string]bool{}
	for _, t := range tokenize(q.Teks, len(q.Teks)) {
		want[t.lower] = true
	}
	f := g.body
	for _, rq := range f.quotes {
		lo, hi := f.tokRange(rq.Start, rq.End)
		if hi-lo < 3 {
			continue
		}
		shared := 0
		for _, t := range f.toks[lo:hi] {
			if want[t.lower] {
				shared++
			}
		}
		if float64(shared)/float64(hi-lo) >= QuoteOverlapMin {
			return true
		}
	}
	return false
}

// countWord writes a count as EYD V asks in running text: in letters when
// one or two words say it ("dua", "tujuh belas", "dua ratus", "seribu"),
// else in digits with the thousands dot ("35", "1.240").
func countWord(n int) string {
	if n < 0 || n >= 1e9 {
		return thousands(n)
	}
	if w := spellID(n); len(strings.Fields(w)) <= 2 {
		return w
	}
	return thousands(n)
}

var unitWords = []string{"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"}

// spellID spells 0 ≤ n < 10⁹ in Indonesian words.
func spellID(n int) string {
	join := func(head string, rest int) string {
		if rest == 0 {
			return head
		}
		return head + " " + spellID(rest)
	}
	switch {
	case n < 10:
		return unitWords[n]
	case n == 10:
		return "sepuluh"
	case n == 11:
		return "sebelas"
	case n < 20:
		return unitWords[n-10] + " belas"
	case n < 100:
		return join(unitWords[n/10]+" puluh", n%10)
	case n < 200:
		return join("seratus", n%100)
	case n < 1000:
		return join(unitWords[n/100]+" ratus", n%100)
	case n < 2000:
		return join("seribu", n%1000)
	case n < 1e6:
		return join(spellID(n/1000)+" ribu", n%1000)
	}
	return join(spellID(n/1e6)+" juta", n%1e6)
}

// listID joins items the Indonesian way, at most MaxMissingListed of them.
func listID(items []string) string {
	more := ""
	if len(items) > MaxMissingListed {
		more = ", dan " + countWord(len(items)-MaxMissingListed) + " lainnya"
		items = items[:MaxMissingListed]
	}
	switch len(items) {
	case 1:
		return items[0] + more
	case 2:
		if more == "" {
			return items[0] + " dan " + items[1]
		}
	}
	if more != "" {
		return strings.Join(items, ", ") + more
	}
	return strings.Join(items[:len(items)-1], ", ") + ", dan " + items[len(items)-1]
}

// numberValue reads the number at token i, with a multiplier word after it
// ("1,2 juta"), and returns the index of the token after the number.
func numberValue(f *field, i int) (float64, int, bool) {
	v, ok := parseIndoNumber(f.toks[i].text)
	if !ok {
		return 0, i + 1, false
	}
	j := i + 1
	if j < len(f.toks) {
		switch f.toks[j].lower {
		case "ribu":
			v, j = v*1e3, j+1
		case "juta":
			v, j = v*1e6, j+1
		case "miliar":
			v, j = v*1e9, j+1
		case "triliun":
			v, j = v*1e12, j+1
		}
	}
	return v, j, true
}

// distributives make a count per item ("lima orang dari setiap desa"), not
// the total the facts sheet gives.
// The forms with di or ke joined by mistake ("disetiap posyandu") count per
// item all the same; the bahasa criterion reports the spelling.
var distributives = map[string]bool{"setiap": true, "tiap": true, "per": true, "masing-masing": true, "sehari": true, "tiap-tiap": true,
	"disetiap": true, "ditiap": true, "kesetiap": true, "ketiap": true}

// distributive reports a count per item: a distributive word in the four
// words before the number ("setiap desa menerima satu paket") or right
// after its unit ("lima orang dari setiap desa", "dua orang per posyandu").
func distributive(f *field, i, unit int) bool {
	s := f.sentenceOf(f.toks[i].start)
	in := func(k int) bool {
		return k >= 0 && k < len(f.toks) && distributives[f.toks[k].lower] && f.sentenceOf(f.toks[k].start) == s
	}
	for k := max(i-4, 0); k < i; k++ {
		if in(k) {
			return true
		}
	}
	spaced := func(k int) bool { return k+1 < len(f.toks) && f.slice(f.toks[k].end, f.toks[k+1].start) == " " }
	if spaced(unit) && in(unit+1) {
		return true
	}
	return spaced(unit) && spaced(unit+1) && distributivePreps[f.toks[unit+1].lower] && in(unit+2)
}

// distributiveSubject reports a count in a sentence whose subject is per
// item ("Setiap posyandu buka pukul 08.00–12.00 WIB dan dilayani dua
// vaksinator"): the sentence opens with a distributive and no comma comes
// before the number.
func distributiveSubject(f *field, i int) bool {
	s := f.sentenceOf(f.toks[i].start)
	if s < 0 {
		return false
	}
	lo, _ := f.tokRange(f.sents[s].Start, f.sents[s].End)
	if lo >= i || !distributives[f.toks[lo].lower] || f.toks[lo].lower == "sehari" || f.toks[lo].lower == "per" {
		return false
	}
	return !strings.ContainsAny(f.slice(f.toks[lo].end, f.toks[i].start), ",;:()")
}

// intervalWords after a length of time make it an interval or a
// frequency, not the event's length: "tiga hari kemudian", "dua pekan
// setelah", "tujuh hari seminggu".
var intervalWords = map[string]bool{
	"kemudian": true, "setelah": true, "sesudah": true, "sebelum": true, "sebelumnya": true, "setelahnya": true,
	"sesudahnya": true, "lalu": true, "lagi": true, "seminggu": true, "sepekan": true, "sebulan": true, "sehari": true,
	"setahun": true, "sekali": true,
}

// deadlineWords before a length of time make it a deadline.
var deadlineWords = map[string]bool{"lambat": true, "selambatnya": true, "selambat-lambatnya": true, "maksimal": true, "dalam": true, "sebelum": true}

// timeUnits are the lengths of time a sheet figure may give.
var timeUnits = map[string]bool{"hari": true, "pekan": true, "minggu": true, "bulan": true, "tahun": true, "jam": true, "menit": true}

// kinNouns before "dari" make the count the person's own: "ibu dari dua balita".
var kinNouns = map[string]bool{"ibu": true, "ayah": true, "bapak": true, "tua": true, "nenek": true, "kakek": true, "wali": true, "pengasuh": true}

// notATotal reports a count that cannot be the sheet's total of its unit:
// one item ("satu desa", "Satu perangkat khusus"), an interval or
// frequency ("Tiga hari kemudian", "tujuh hari seminggu"), the most of a
// group ("Dua OPD yang paling sering …") or a person's own ("ibu dari dua
// balita"). A wrong count of these is not the sheet's to judge.
func notATotal(f *field, i, j, unit int, num wordNum) bool {
	t := f.toks[i]
	if num.exact() && num.lo == 1 && !t.num {
		return true
	}
	next := func(k int) string {
		if k+1 < len(f.toks) && !strings.ContainsAny(f.slice(f.toks[k].end, f.toks[k+1].start), ".!?;\n") {
			return f.toks[k+1].lower
		}
		return ""
	}
	// "paling lambat tiga hari kerja setelah …" is a deadline the sheet
	// may count, so only a bare length followed by an interval word goes.
	if timeUnits[f.toks[unit].lower] && intervalWords[next(unit)] && (i == 0 || !deadlineWords[f.toks[i-1].lower]) {
		return true
	}
	if next(unit) == "yang" && next(unit+1) == "paling" {
		return true
	}
	return i >= 2 && f.toks[i-1].lower == "dari" && kinNouns[f.toks[i-2].lower]
}

// distributivePreps join a count to its distributive: "dari setiap desa".
var distributivePreps = map[string]bool{"dari": true, "untuk": true, "di": true, "bagi": true, "pada": true, "ke": true, "dalam": true}

// figureAt reads the figure (digits or words) at token i: its value or
// range and the index of the token after it. Phone numbers, dates and
// numbers inside quotes are not figures of the release.
func (g *grader) figureAt(f *field, i int) (wordNum, int, bool) {
	t := f.toks[i]
	if f.inQuote(t.start) || g.inDate(f, t.start) {
		return wordNum{}, i + 1, false
	}
	if t.num {
		if isPhone(t) {
			return wordNum{}, i + 1, false
		}
		v, j, ok := numberValue(f, i)
		return dozens(f, wordNum{v, v}, j, ok)
	}
	if v, ok := seCounts[t.lower]; ok {
		return wordNum{v, v}, i + 1, true
	}
	if !extract.IsNumberWord(t.lower) || (i > 0 && f.toks[i-1].lower == "salah") {
		return wordNum{}, i + 1, false
	}
	num, j, ok := readWordNumber(f.toks, i)
	return dozens(f, num, j, ok)
}

// qualifiedFigure widens the number at token i by the words before it: an
// estimate ("sekitar 400", "kurang lebih seribu") holds within a fifth of
// the figure, a bound ("lebih dari seribu", "di atas 1.000", "hampir 1.300",
// "kurang dari 500") holds on its side. "Lebih dari seribu warga" is true of
// the sheet's 1.240 warga, so it is no contradiction.
func qualifiedFigure(f *field, i int, num wordNum) (wordNum, int) {
	if i == 0 {
		return num, i
	}
	if approxMarkers.atIf(lexApproxStart, f.toks, max(i-2, 0), i) > 0 {
		// "kurang lebih 400": an estimate within a fifth of the sheet is not a contradiction.
		return estimate(num), max(i-2, 0)
	}
	if approxMarkers.atIf(lexApproxStart, f.toks, i-1, i) > 0 {
		// "sekitar 400".
		return estimate(num), i - 1
	}
	prev, prev2 := f.toks[i-1].lower, ""
	if i >= 2 {
		prev2 = f.toks[i-2].lower
	}
	switch {
	case prev2 == "lebih" && prev == "dari", prev2 == "di" && prev == "atas":
		return wordNum{math.Nextafter(num.lo, math.Inf(1)), math.Inf(1)}, i - 2
	case prev == "melebihi":
		return wordNum{math.Nextafter(num.lo, math.Inf(1)), math.Inf(1)}, i - 1
	case prev2 == "paling" && prev == "sedikit":
		return wordNum{num.lo, math.Inf(1)}, i - 2
	case prev == "sedikitnya" || prev == "setidaknya" || prev == "minimal":
		return wordNum{num.lo, math.Inf(1)}, i - 1
	case prev2 == "kurang" && prev == "dari", prev2 == "di" && prev == "bawah":
		return wordNum{0, math.Nextafter(num.hi, math.Inf(-1))}, i - 2
	case prev2 == "paling" && prev == "banyak":
		return wordNum{0, num.hi}, i - 2
	case prev == "maksimal":
		return wordNum{0, num.hi}, i - 1
	case prev == "hampir" || prev == "nyaris" || prev == "mendekati":
		return wordNum{num.lo * 0.8, math.Nextafter(num.hi, math.Inf(-1))}, i - 1
	}
	return num, i
}

// estimate widens an exact figure after "sekitar" to the values it may
// stand for: within a fifth of it, and rounding to it at the precision it
// is written with. "Sekitar 1,5 ribu" rounds to the nearest 500, so it
// covers 1.250–1.750, not the sheet's 1.240; "sekitar 1.200" does.
func estimate(num wordNum) wordNum {
	w := wordNum{num.lo * 0.8, num.hi * 1.2}
	if !num.exact() || num.lo < 1 || num.lo != math.Trunc(num.lo) || num.lo > 1e15 {
		return w
	}
	v, p := int64(num.lo), int64(1)
	for v%(p*10) == 0 {
		p *= 10
	}
	if v/p%10 == 5 {
		p *= 5 // "1.500", "50": rounded to a half
	}
	half := float64(p) / 2
	return wordNum{max(w.lo, num.lo-half), min(w.hi, num.lo+half)}
}

// checkFigures flags numbers, in digits or in words, whose unit matches a
// figure of the brief but whose value differs ("150 admin" when the brief
// says 120 admin, "empat perangkat" when it says 3, "belasan" for 3).
func (g *grader) checkFigures(f *field, b *Brief) int {
	n := 0
	for i := 0; i < len(f.toks); i++ {
		t := f.toks[i]
		num, j, ok := g.figureAt(f, i)
		if !ok || j >= len(f.toks) || strings.ContainsAny(f.slice(f.toks[j-1].end, f.toks[j].start), ".!?;\n") {
			// "skala lima. Warga …": the next sentence's first word is no unit.
			continue
		}
		if oneInN(f, i, num) {
			// "satu dari empat warga" is a share, not four warga.
			i = j - 1
			continue
		}
		num, from := qualifiedFigure(f, i, num)
		unit := j
		if f.toks[unit].lower == "orang" && unit+1 < len(f.toks) {
			unit++
		}
		// "dua unit perangkat": the noun after the classifier is counted;
		// "sebanyak dua buah." leaves it to the clause.
		noun, bareClassifier, classified := g.classifierNoun(f, j)
		if classified {
			unit = noun
		}
		if notATotal(f, i, j, unit, num) {
			i = j - 1
			continue
		}
		perItem := distributive(f, i, unit) || distributive(f, i, j) || distributiveSubject(f, i)
		// "Pada hari pertama, petugas melayani 120 warga": a count of a
		// part (a day, a village, some of the people) is compared only
		// with a figure the sheet gives for that part.
		part := partOf(f, i, j, unit)
		matched, equal := -1, false
		synonym := false // matched through a synonym of the sheet's unit, not the unit itself
		measured := -1   // the figure matched through another unit of measure ("meter" for kilometer)
		for k, fig := range b.Angka {
			if part.restricted() && !part.gives(fig, b, f.toks[j].lower, true) {
				continue
			}
			same := figureUnitMatches(f.toks[unit].lower, fig)
			v := num
			if fac, ok := measureFactor(f.toks[unit].lower, fig); ok && !same {
				// "42 meter", "42 km" against the sheet's 42 kilometer.
				same, v = true, wordNum{num.lo * fac, num.hi * fac}
				if fac != 1 {
					measured = k
				}
			}
			if !same {
				// "1.420 penduduk" counts the sheet's "1.240 warga": the
				// same people under another name. A rate of the sheet
				// ("lima orang dari setiap desa") is no total of people.
				if !sameCounted(f.toks[j].lower, fig) || !perItem && rateFigure(fig) {
					continue
				}
				synonym = true
			}
			// "400 perekaman dalam sehari" is the sheet's own rate when
			// its description says per day: then the count is comparable.
			if perItem && !sameRate(f, i, unit, fig) {
				continue
			}
			if matched < 0 {
				matched = k
			}
			if v.contains(fig.Nilai) || math.Abs(fig.Nilai-v.lo) < 1e-9*max(1, fig.Nilai) {
				equal = true
			}
		}
		if matched < 0 && perItem && anyPeople[f.toks[j].lower] {
			// "menargetkan 500 warga dalam sehari" against the sheet's "400
			// perekaman, target dalam sehari": a count of people at the
			// sheet's only rate for that period is that rate's count.
			if k := rateFigureFor(f, i, j, b); k >= 0 && (!part.restricted() || part.gives(b.Angka[k], b, f.toks[j].lower, true)) {
				matched, unit, synonym = k, j, true
			}
		}
		if synonym {
			unit = j
			equal = equal || num.contains(b.Angka[matched].Nilai) || g.anyFigureEqual(num, b)
		}
		partitive := f.toks[j].lower == "di" && j+1 < len(f.toks) && (f.toks[j+1].lower == "antaranya" || f.toks[j+1].lower == "antara")
		if matched < 0 && !perItem && (generalUnits[f.toks[j].lower] || partitive || bareClassifier) {
			// "381 orang di antaranya adalah pelajar", "381 di antaranya
			// pelajar": the general unit or the partitive counts the
			// people the clause names, so compare with that figure.
			k := clauseFigure(f, i, j, b)
			if bareClassifier {
				k = classifierFigure(f, i, b)
			}
			if k >= 0 && (!part.restricted() || part.gives(b.Angka[k], b, f.toks[j].lower, false)) {
				matched, unit = k, j
				if partitive {
					unit = j - 1
				}
				equal = equal || num.contains(b.Angka[k].Nilai) || g.anyFigureEqual(num, b)
			}
		}
		if matched < 0 && perItem {
			// "Di setiap posyandu bertugas tiga vaksinator" against the
			// sheet's "96 vaksinator, dua orang di setiap posyandu".
			k, per := breakdownFor(f, i, unit, b)
			if k < 0 && f.toks[j].lower == "orang" {
				// "tiga orang di setiap posyandu" against the sheet's
				// "dua orang di setiap posyandu".
				if k, per = breakdownFor(f, i, j, b); k >= 0 {
					unit = j
				}
			}
			if k >= 0 && !num.contains(per.n) {
				fig := b.Angka[k]
				start := f.toks[from].start
				want := formatIndoNumber(per.n)
				if w, small := numberWordFor(per.n); small && !t.num {
					want = w
				}
				n++
				g.add(f.finding("angka-bertentangan", SevKesalahan, start, f.toks[unit].end,
					fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s %s (%s %s seluruhnya). Angka yang salah merusak kepercayaan pembaca; periksa kembali sebelum rilis diunggah.",
						f.slice(start, f.toks[unit].end), per.text, per.item, releaseNumber(fig.Nilai), fig.Satuan),
					want+f.slice(f.toks[j-1].end, f.toks[unit].end)))
				i = j - 1
				continue
			}
		}
		if t.num && commaThousands(t.text) {
			// "1,240 warga" is the sheet's 1.240 with the wrong separator,
			// which the bahasa criterion reports.
			for _, fig := range b.Angka {
				equal = equal || fig.Nilai == commaValue(t.text)
			}
		}
		at := i
		i = j - 1
		if (matched < 0 || equal) && g.checkRateSwap(f, at, j, unit, from, num, b) {
			n++
			continue
		}
		if matched < 0 && g.checkOtherGroup(f, at, j, from, num, b) {
			n++
			continue
		}
		if matched < 0 || equal {
			continue
		}
		fig := b.Angka[matched]
		desc := fig.Satuan
		if fig.Keterangan != "" {
			desc += " (" + fig.Keterangan + ")"
		}
		want := formatIndoNumber(fig.Nilai)
		if w, small := numberWordFor(fig.Nilai); small && !t.num {
			want = w
		}
		// A qualified figure is quoted and replaced with its qualifier:
		// "lebih dari 100 anggota" becomes "90 anggota".
		start := f.toks[from].start
		passage := f.slice(start, f.toks[unit].end)
		why := "Angka yang salah merusak kepercayaan pembaca; periksa kembali sebelum rilis diunggah."
		if !num.exact() {
			why = fmt.Sprintf("\"%s\" berarti %s, jadi bertentangan dengan lembar fakta; tulis angka pastinya.", f.slice(t.start, f.toks[j-1].end), num.describe())
			if math.IsInf(num.hi, 1) || num.lo <= 0 {
				// A bound: say what it leaves out.
				d := num.describe()
				why = fmt.Sprintf("%s tidak mencakup %s, jadi bertentangan dengan lembar fakta; tulis angka pastinya.", strings.ToUpper(d[:1])+d[1:], releaseNumber(fig.Nilai))
			}
		}
		fix := want + f.slice(f.toks[j-1].end, f.toks[unit].end)
		if measured == matched {
			// Another unit of measure: the fix writes the sheet's unit.
			why = "Satuan yang berbeda mengubah besarnya; tulis angka dan satuannya seperti di lembar fakta."
			fix = want + " " + fig.Satuan
		}
		n++
		g.add(f.finding("angka-bertentangan", SevKesalahan, start, f.toks[unit].end,
			fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s %s. %s", passage, releaseNumber(fig.Nilai), desc, why),
			fix))
	}
	return n
}

// generalUnits count people without saying which ones.
var generalUnits = map[string]bool{"orang": true, "jiwa": true, "warga": true, "peserta": true}

// clauseFigure returns the sheet figure whose unit noun is named in the
// clause of the number at token i (its unit at token u), with no other
// number in between, or -1. A clause ends at a sentence end or at , ; : ( ) or a dash.
func clauseFigure(f *field, i, u int, b *Brief) int {
	s := f.sentenceOf(f.toks[i].start)
	boundary := func(a, c int) bool {
		return f.sentenceOf(f.toks[a].start) != s || f.sentenceOf(f.toks[c].start) != s || strings.ContainsAny(f.slice(f.toks[a].end, f.toks[c].start), ",;:()–—")
	}
	find := func(k int) int {
		if f.toks[k].num || extract.IsNumberWord(f.toks[k].lower) {
			return -2
		}
		for n, fig := range b.Angka {
			if w := firstWord(fig.Satuan); w != "" && !generalUnits[w] && w == f.toks[k].lower {
				return n
			}
		}
		return -1
	}
	for k := u + 1; k < len(f.toks) && !boundary(k-1, k); k++ {
		if n := find(k); n != -1 {
			if n >= 0 {
				return n
			}
			break
		}
	}
	for k := i - 1; k >= 0 && !boundary(k, k+1); k-- {
		if n := find(k); n != -1 {
			return max(n, -1)
		}
	}
	return -1
}

// sameRate reports whether the distributive words around the number at i
// ("sehari", "per hari", "setiap desa") give the period or item the sheet's
// figure is counted by, so the release states the sheet's rate rather than a
// count per item of its own.
func sameRate(f *field, i, unit int, fig Figure) bool {
	desc, ok := figureRates(fig)
	if !ok {
		return false // "dua orang di setiap posyandu": the sheet breaks its total down per item
	}
	s := f.sentenceOf(f.toks[i].start)
	for k := max(i-4, 0); k <= min(unit+2, len(f.toks)-1); k++ {
		if distributives[f.toks[k].lower] && f.sentenceOf(f.toks[k].start) == s && !desc[rateKey(f.toks, k)] {
			return false
		}
	}
	return true
}

// breakdown is a sheet figure's count per item, from its description:
// "dua orang di setiap posyandu" for 96 vaksinator.
type breakdown struct {
	n          float64
	text, item string // "dua orang", "di setiap posyandu"
	key        string // what it counts by: "posyandu"
}

// figureBreakdown reads the count per item in a sheet figure's
// description: a number, the figure's unit or "orang", and a distributive
// word, maybe after a preposition.
func figureBreakdown(fig Figure) (breakdown, bool) {
	text := fig.Keterangan
	toks := tokenize(text, len([]rune(text)))
	unit := firstWord(fig.Satuan)
	for k := 0; k < len(toks); k++ {
		var v float64
		next := k + 1
		switch {
		case toks[k].num:
			x, ok := parseIndoNumber(toks[k].text)
			if !ok {
				continue
			}
			v = x
		case extract.IsNumberWord(toks[k].lower):
			num, j, ok := readWordNumber(toks, k)
			if !ok || !num.exact() {
				continue
			}
			v, next = num.lo, j
		default:
			continue
		}
		if next+1 >= len(toks) || toks[next].lower != unit && toks[next].lower != "orang" {
			continue
		}
		d := next + 1
		if distributivePreps[toks[d].lower] && d+1 < len(toks) {
			d++
		}
		if !distributives[toks[d].lower] {
			continue
		}
		rs := []rune(text)
		end := toks[min(d+1, len(toks)-1)].end
		return breakdown{n: v, text: string(rs[toks[k].start:toks[next].end]), item: string(rs[toks[next+1].start:end]), key: rateKey(toks, d)}, true
	}
	return breakdown{}, false
}

// breakdownFor returns the sheet figure whose count per item the number at
// token i (its unit at u) states: the same unit, counted by the same item
// ("setiap posyandu"), or -1.
func breakdownFor(f *field, i, u int, b *Brief) (int, breakdown) {
	s := f.sentenceOf(f.toks[i].start)
	key := ""
	for k := max(i-4, 0); k <= min(u+2, len(f.toks)-1); k++ {
		if distributives[f.toks[k].lower] && f.sentenceOf(f.toks[k].start) == s {
			key = rateKey(f.toks, k)
		}
	}
	if key == "" && distributiveSubject(f, i) {
		lo, _ := f.tokRange(f.sents[s].Start, f.sents[s].End)
		key = rateKey(f.toks, lo)
	}
	if key == "" {
		return -1, breakdown{}
	}
	for k, fig := range b.Angka {
		per, ok := figureBreakdown(fig)
		if !ok || per.key != key {
			continue
		}
		if figureUnitMatches(f.toks[u].lower, fig) || f.toks[u].lower == "orang" && strings.HasSuffix(per.text, " orang") {
			return k, per
		}
	}
	return -1, breakdown{}
}

// figureRates returns the periods and items a sheet figure is counted by
// ("target dalam sehari" → hari), and false when its description holds a
// number (a breakdown of a total, not a rate).
func figureRates(fig Figure) (map[string]bool, bool) {
	text := fig.Satuan + " " + fig.Keterangan
	toks := tokenize(text, len([]rune(text)))
	rates := map[string]bool{}
	for k, t := range toks {
		if t.num || extract.IsNumberWord(t.lower) {
			return nil, false
		}
		if distributives[t.lower] {
			rates[rateKey(toks, k)] = true
		}
	}
	return rates, true
}

// rateKey names what the distributive word at k counts by: "sehari", "per
// hari", "setiap hari" and "tiap hari" all count by hari; "setiap desa" by
// desa.
func rateKey(toks []token, k int) string {
	w := toks[k].lower
	if p, ok := periodWords[w]; ok {
		return p
	}
	if w != "masing-masing" && k+1 < len(toks) {
		n := toks[k+1].lower
		if p, ok := periodNouns[n]; ok {
			return p
		}
		return n
	}
	return w
}

// periodWords are the one-word rates; periodNouns the nouns after per,
// setiap or tiap that name the same periods.
var (
	periodWords = map[string]string{"sehari": "hari", "seminggu": "minggu", "sepekan": "minggu", "sebulan": "bulan", "setahun": "tahun"}
	periodNouns = map[string]string{"hari": "hari", "minggu": "minggu", "pekan": "minggu", "bulan": "bulan", "tahun": "tahun"}
)

// rateFigure reports a sheet figure that is a rate (counted per day, per
// village …) rather than a total.
func rateFigure(fig Figure) bool {
	rates, ok := figureRates(fig)
	return !ok || len(rates) > 0
}

// rateFigureFor returns the sheet's only rate figure counted by the same
// period or item as the number at token i (its unit at token u), or -1.
func rateFigureFor(f *field, i, u int, b *Brief) int {
	found := -1
	for k, fig := range b.Angka {
		if rates, ok := figureRates(fig); !ok || len(rates) == 0 || !sameRate(f, i, u, fig) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = k
	}
	return found
}

// anyPeople count people without saying which ones. sameCountedUnits name
// the same people as a sheet's unit under another name ("1.420 penduduk"
// against 1.240 warga, "1.263 anak" against 1.236 balita); orang and jiwa
// are not among them, for "melayani 25 orang" counts some of the warga, not
// all of them.
var (
	anyPeople        = map[string]bool{"orang": true, "jiwa": true, "warga": true, "penduduk": true}
	sameCountedUnits = map[string][]string{
		"warga":    {"penduduk"},
		"penduduk": {"warga"},
		"balita":   {"anak"},
		"pelajar":  {"siswa"},
		"siswa":    {"pelajar"},
	}
)

// sameCounted reports whether word names the people the sheet figure counts
// under another name.
func sameCounted(word string, fig Figure) bool {
	return slices.Contains(sameCountedUnits[firstWord(fig.Satuan)], word)
}

// figureUnitMatches reports whether the word after a number refers to the
// brief figure: its unit ("peserta") or the head of its description ("admin").
func figureUnitMatches(word string, fig Figure) bool {
	if w := firstWord(fig.Satuan); w != "" && w == word {
		return true
	}
	w := firstWord(fig.Keterangan)
	return w != "" && w == word
}

func firstWord(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, " ,"); i >= 0 {
		s = s[:i]
	}
	return s
}

// nameTokens returns the name words of a person, without honorifics and
// academic degrees.
func nameTokens(nama string) []string {
	var out []string
	for _, t := range tokenize(nama, len(nama)) {
		if isHonorific(t.lower) || len([]rune(t.text)) < 3 || !t.capital {
			continue
		}
		out = append(out, t.text)
	}
	return out
}

// checkNames flags capitalised words one or two letters away from a name of
// the brief ("Nurhalima" for "Nurhalimah").
func (g *grader) checkNames(f *field, b *Brief) int {
	if len(b.Siapa) == 0 {
		return 0
	}
	type name struct {
		person int
		text   string
		lower  string
	}
	var names []name
	known := map[string]bool{}
	for pi, p := range b.Siapa {
		for _, nt := range nameTokens(p.Nama) {
			names = append(names, name{pi, nt, strings.ToLower(nt)})
			known[strings.ToLower(nt)] = true
		}
	}
	// Words the brief itself uses elsewhere are spelled right by definition.
	for w := range briefVocabulary(b) {
		known[w] = true
	}
	n := 0
	// nextTo reports token j beside another name word of person p: a short
	// name ("Dedy" for "Dedi") is judged only beside the rest of the name.
	nextTo := func(j, p int) bool {
		for _, k := range []int{j - 1, j + 1} {
			if k < 0 || k >= len(f.toks) || f.slice(f.toks[min(j, k)].end, f.toks[max(j, k)].start) != " " {
				continue
			}
			for _, nm := range names {
				if nm.person == p && nm.lower == f.toks[k].lower {
					return true
				}
			}
		}
		return false
	}
	for i, t := range f.toks {
		short := len([]rune(t.text)) < NameMinRunes
		if !t.capital || t.allCaps || known[t.lower] || len([]rune(t.text)) < 3 {
			continue
		}
		best, bestD := -1, NameEditMax+1
		maxD := min(NameEditMax, max(len([]rune(t.text))/4, 1))
		for k, nm := range names {
			if short != (len([]rune(nm.text)) < NameMinRunes) || short && !nextTo(i, nm.person) {
				continue
			}
			if d := editDistance(t.lower, nm.lower, maxD); d >= 1 && d <= maxD && d < bestD {
				best, bestD = k, d
			}
		}
		if best < 0 {
			continue
		}
		// Widen the span to the neighbouring name words of the same person.
		person := names[best].person
		isPart := func(j int) bool {
			for _, nm := range names {
				if nm.person == person && nm.lower == f.toks[j].lower {
					return true
				}
			}
			return false
		}
		lo, hi := i, i
		for lo > 0 && isPart(lo-1) && f.slice(f.toks[lo-1].end, f.toks[lo].start) == " " {
			lo--
		}
		for hi+1 < len(f.toks) && isPart(hi+1) && f.slice(f.toks[hi].end, f.toks[hi+1].start) == " " {
			hi++
		}
		s, e := f.toks[lo].start, f.toks[hi].end
		wrong := f.slice(s, e)
		right := f.slice(s, t.start) + names[best].text + f.slice(t.end, e)
		n++
		g.add(f.finding("nama-bertentangan", SevKesalahan, s, e,
			fmt.Sprintf("Nama \"%s\" berbeda dengan lembar fakta: \"%s\". Salah menulis nama narasumber adalah kesalahan fakta yang paling cepat disadari pembaca.", wrong, b.Siapa[person].Nama),
			right))
	}
	return n
}

// titleAbbrev expands title abbreviations to the office's first words.
var titleAbbrev = map[string]string{
	"kadis": "kepala", "kabag": "kepala", "kasubag": "kepala", "kabid": "kepala", "kasi": "kepala",
	"kades": "kepala", "sekda": "sekretaris", "walikota": "wali", "kapolres": "kapolres",
	"wabup": "wakil", "wagub": "wakil", "wawali": "wakil", "wawalkot": "wakil", "sekcam": "sekretaris", "sekdis": "sekretaris",
}

// titlePrefixes stand before a title without changing it ("Plt. Kepala").
var titlePrefixes = map[string]bool{"plt": true, "plh": true, "pj": true, "pjs": true}

// checkTitles flags a person of the brief introduced with another title:
// "Sekretaris Diskominfo, Siti Nurhalimah" when she is the Kepala.
// addOfficeMismatch reports an office of a sheet person other than the sheet's.
func (g *grader) addOfficeMismatch(f *field, s, e int, p Person) {
	g.add(f.finding("jabatan-bertentangan", SevKesalahan, s, e,
		fmt.Sprintf("Jabatan \"%s\" tidak sesuai dengan lembar fakta: %s adalah %s. Jabatan menunjukkan kewenangan narasumber; jabatan yang salah menyesatkan pembaca, jadi tulis jabatannya seperti di lembar fakta.", f.slice(s, e), p.Nama, p.Jabatan), p.Jabatan))
}

func (g *grader) checkTitles(f *field, b *Brief) int {
	n := 0
	for _, p := range b.Siapa {
		jabatan := officeCore(p.Jabatan) // "Plt." is checkActingOffices' business
		want := firstWord(jabatan)
		if want == "" {
			continue
		}
		if w, ok := titleAbbrev[want]; ok {
			want = w
		}
		names := nameTokens(p.Nama)
		if len(names) == 0 {
			continue
		}
		first := strings.ToLower(names[0])
		for i, t := range f.toks {
			if t.lower != first || i == 0 {
				continue
			}
			// The appositive "Title Office, Name": walk back over the office
			// words to the title that opens it.
			j := i - 1
			for j > 0 && personHonorific(f.toks[j].lower) {
				j--
			}
			title, nearest := -1, false
			if gap := f.slice(f.toks[j].end, f.toks[j+1].start); !strings.Contains(gap, ",") {
				// "Wakil Bupati Sukamaju H. Dadang Kurnia": without a
				// comma the title nearest the name is the person's.
				if gap != " " {
					continue
				}
				title, nearest = nearestTitle(f, j), true
			}
			// An office the sheet writes with commas ("Kader Posyandu
			// Melati, Desa Sukasari") is walked back over as many commas.
			commas := strings.Count(jabatan, ",")
			for k := j; !nearest && k >= 0 && k >= j-officeReach-2*commas; k-- {
				tk := f.toks[k]
				if !tk.capital && tk.lower != "dan" {
					break
				}
				if k < j {
					if gap := f.slice(tk.end, f.toks[k+1].start); strings.ContainsAny(gap, ".;:\n") || strings.Contains(gap, ",") && commas == 0 {
						break
					} else if strings.Contains(gap, ",") {
						commas--
					}
				}
				if titleWords[tk.lower] || titleAbbrev[tk.lower] != "" {
					title = k
				}
			}
			if title < 0 {
				continue
			}
			for title+1 <= j && titlePrefixes[f.toks[title].lower] {
				title++
			}
			got := f.toks[title].lower
			if w, ok := titleAbbrev[got]; ok {
				got = w
			}
			// "Kabid Pelayanan" names the sheet's "Kepala Bidang Pelayanan"
			// whole; otherUnit tells a Kabid from a Kasi.
			dropped := droppedQualifier(f.toks[title+1:j+1], jabatan) && unitAbbrev[f.toks[title].lower] == ""
			if got == want && !dropped && !otherArea(f.toks[title:j+1], jabatan) && !otherUnit(f.toks[title:j+1], jabatan) && !otherBody(f.toks[title:j+1], jabatan) {
				continue
			}
			n++
			s, e := f.toks[title].start, f.toks[j].end
			g.addOfficeMismatch(f, s, e, p)
		}
	}
	return n
}

// areaTitles head an area's name like placeHeads: "Camat Cikadu".
var areaTitles = map[string]bool{"camat": true, "lurah": true, "bupati": true, "gubernur": true}

// otherArea reports an office naming another area than the sheet's after
// the same head: "Camat Cibeureum" for the sheet's "Camat Cikadu",
// "Kabupaten Sukamulya" for "Kabupaten Sukamaju".
func otherArea(office []token, jabatan string) bool {
	if otherLevel(office, jabatan) {
		return true
	}
	jt := tokenize(jabatan, len([]rune(jabatan)))
	for i := 0; i+1 < len(office); i++ {
		h, w := office[i].lower, office[i+1]
		if !placeHeads[h] && !areaTitles[h] || !w.capital || w.allCaps || placeHeads[w.lower] {
			continue
		}
		for k := 0; k+1 < len(jt); k++ {
			if jt[k].lower == h && jt[k+1].capital && !placeHeads[jt[k+1].lower] && jt[k+1].lower != w.lower {
				return true
			}
		}
	}
	return false
}

// weekdayNames are the Indonesian day names by time.Weekday.
var weekdayNames = [7]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// monthLong are the Indonesian month names, index 1..12.
var monthLong = [13]string{"", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// newsDate writes a date the way Indonesian news does: "Selasa (10/3/2026)".
func newsDate(t time.Time) string {
	return fmt.Sprintf("%s (%d/%d/%d)", weekdayNames[t.Weekday()], t.Day(), int(t.Month()), t.Year())
}

// longDate writes "Selasa, 10 Maret 2026".
func longDate(t time.Time) string {
	return fmt.Sprintf("%s, %d %s %d", weekdayNames[t.Weekday()], t.Day(), monthLong[t.Month()], t.Year())
}

// checkBriefDate flags a release whose stated event date is not the brief's.
func (g *grader) checkBriefDate(b *Brief) int {
	ev, ok := b.EventDate()
	if !ok {
		return 0
	}
	same := func(d extract.Date) bool {
		return d.Day == ev.Day() && d.Month == int(ev.Month()) && (d.Year == 0 || d.Year == ev.Year())
	}
	// The lead names the event of the sheet's date: a date there that is
	// not the sheet's is wrong even when the sheet's date appears later, as
	// the start of a range ("Selasa (28/4/2026)" in the lead of an opening
	// on 27 April, "27 April–2 Mei" further on).
	if g.hasLead {
		var wrong *extract.Date
		for _, d := range g.body.dates {
			if d.InQuote || d.Day == 0 || d.Month == 0 || d.Start < g.lead.Start || d.Start >= g.lead.End {
				continue
			}
			if same(d) {
				wrong = nil
				break
			}
			if wrong == nil {
				wrong = &d
			}
		}
		if wrong != nil {
			g.add(g.body.finding("tanggal-bertentangan", SevKesalahan, wrong.Start, wrong.End,
				fmt.Sprintf("Tanggal di teras berita tidak sesuai dengan lembar fakta: kegiatan yang diberitakan teras berlangsung %s. Tanggal yang salah membuat warga datang di hari yang keliru.", longDate(ev)),
				newsDate(ev)))
			return 1
		}
	}
	var firstWrong *Finding
	for _, f := range []*field{g.head, g.body} {
		for _, d := range f.dates {
			if d.InQuote || d.Day == 0 || d.Month == 0 {
				continue
			}
			if same(d) {
				return 0
			}
			if firstWrong == nil {
				fd := f.finding("tanggal-bertentangan", SevKesalahan, d.Start, d.End,
					fmt.Sprintf("Tanggal ini tidak sesuai dengan lembar fakta: kegiatan berlangsung %s. Tanggal yang salah membuat warga datang di hari yang keliru.", longDate(ev)),
					newsDate(ev))
				firstWrong = &fd
			}
		}
	}
	if firstWrong == nil {
		return 0
	}
	g.add(*firstWrong)
	return 1
}

// genericPlaceWords do not identify a place on their own.
var genericPlaceWords = map[string]bool{"kabupaten": true, "kecamatan": true, "desa": true, "kota": true, "provinsi": true, "kelurahan": true, "di": true, "jalan": true, "jl": true}

// checkBriefPlace suggests naming the brief's place when the release never does.
func (g *grader) checkBriefPlace(b *Brief) {
	var key string
	for _, t := range tokenize(b.DiMana, len(b.DiMana)) {
		if t.capital && !genericPlaceWords[t.lower] && !diPlaces[t.lower] && len(t.text) >= 3 {
			key = t.lower
			break
		}
	}
	if key == "" {
		return
	}
	for _, f := range []*field{g.head, g.body} {
		for _, t := range f.toks {
			if t.lower == key {
				return
			}
		}
	}
	g.add(g.body.finding("tempat-hilang", SevSaran, 0, 0,
		fmt.Sprintf("Tempat kegiatan menurut lembar fakta, \"%s\", belum disebut. Warga perlu tahu persis di mana kegiatan berlangsung.", b.DiMana), ""))
}

// flaggedStarts returns where the body's findings of crit and sev start, once
// per check: asking the finding list per token was quadratic in the text.
func (g *grader) flaggedStarts(crit, sev string) map[int]bool {
	at := map[int]bool{}
	for _, f := range g.findings {
		if f.Criterion == crit && f.Severity == sev && f.Field == FieldIsi {
			at[f.Start] = true
		}
	}
	return at
}

func quotesHave(n int) string {
	if n == 0 {
		return "rilis ini belum memuat satu pun"
	}
	return "rilis ini baru memuat " + countWord(n)
}

// sentenceEnd is the full stop a sentence quoting text still needs after the
// closing quotation mark: none when the quote ends with its own ("…nya.”").
func sentenceEnd(quoted string) string {
	if strings.HasSuffix(strings.TrimSpace(quoted), ".") || strings.HasSuffix(strings.TrimSpace(quoted), "?") || strings.HasSuffix(strings.TrimSpace(quoted), "!") {
		return ""
	}
	return "."
}

// clockRe matches a time of day as releases write it: "08.00", "8:30".
var clockRe = regexp.MustCompile(`^[0-2]?[0-9][.:][0-5][0-9]$`)

// sheetFacts are the numbers, phone numbers and time ranges a facts sheet
// states anywhere in its text, not only in angka.
type sheetFacts struct {
	nums   map[float64]bool
	phones map[string]string // digits only → as the sheet writes it
	ranges map[string]bool   // "08.00–15.00"
	clocks map[string]bool   // every time of day, alone or in a range: "08.00"
	days   map[string]bool   // "senin–jumat"
	words  map[string]bool   // every word of the sheet, lower case
	// prose holds the sheet's numbers in its sentences by the word before
	// and the unit after: "berusia|tahun" → 17; a year by the word before:
	// "sepanjang|" → 2025.
	prose map[string][]float64
}

// proseKey names a number of the sheet's prose by its neighbours.
func proseKey(prev, unit string) string { return prev + "|" + unit }

// residentGroups follow "warga" without being a place: "warga Muslim",
// "Warga Negara Indonesia".
var residentGroups = map[string]bool{
	"negara": true, "indonesia": true, "asing": true, "binaan": true, "muslim": true, "tionghoa": true,
	"nasrani": true, "kristen": true, "katolik": true, "hindu": true, "buddha": true, "baru": true,
	"muhammadiyah": true, "nahdliyin": true, "lansia": true, "disabilitas": true,
}

// hasPlace reports whether the sheet names a place with its head ("Desa
// Sukasari", "Kecamatan Cikadu"): only then is another place a contradiction.
func (sf sheetFacts) hasPlace() bool {
	for h := range placeHeads {
		if sf.words[h] {
			return true
		}
	}
	return false
}

// timeZones follow a time of day: "09.00 WIB".
var timeZones = map[string]bool{"wib": true, "wita": true, "wit": true}

// weekdayLower are the weekday names as tokens read them.
var weekdayLower = map[string]bool{"senin": true, "selasa": true, "rabu": true, "kamis": true, "jumat": true, "sabtu": true, "minggu": true}

// placeHeads name an administrative area before its name.
var placeHeads = map[string]bool{"desa": true, "kecamatan": true, "kelurahan": true, "kabupaten": true, "kota": true, "dusun": true, "kampung": true}

// briefFacts reads every text field of the sheet.
func briefFacts(b *Brief) sheetFacts {
	sf := sheetFacts{nums: map[float64]bool{}, phones: map[string]string{}, ranges: map[string]bool{}, clocks: map[string]bool{}, days: map[string]bool{}, words: map[string]bool{}, prose: map[string][]float64{}}
	texts := []string{b.Apa, b.Pukul, b.DiMana, b.Mengapa, b.Bagaimana}
	for _, p := range b.Siapa {
		texts = append(texts, p.Nama, p.Jabatan)
	}
	for _, fig := range b.Angka {
		sf.nums[fig.Nilai] = true
		texts = append(texts, fig.Satuan, fig.Keterangan)
	}
	for _, q := range b.Kutipan {
		texts = append(texts, q.Teks)
	}
	for _, s := range texts {
		toks := tokenize(s, len(s))
		for i, t := range toks {
			sf.words[t.lower] = true
			if weekdayLower[t.lower] && i+1 < len(toks) && weekdayLower[toks[i+1].lower] {
				sf.days[t.lower+"–"+toks[i+1].lower] = true
			}
			if weekdayLower[t.lower] && i+2 < len(toks) && rangeWords[toks[i+1].lower] && weekdayLower[toks[i+2].lower] {
				sf.days[t.lower+"–"+toks[i+2].lower] = true
			}
			if r := hyphenPair(t.lower, isWeekday); r != "" {
				sf.days[r] = true
			}
			if r := hyphenPair(t.text, clockRe.MatchString); r != "" {
				a, z, _ := strings.Cut(r, "–")
				sf.clocks[clockKey(a)], sf.clocks[clockKey(z)] = true, true
				sf.ranges[clockKey(a)+"–"+clockKey(z)] = true
			}
			switch {
			case isPhone(t):
				sf.phones[phoneDigits(t.text)] = t.text
			case clockRe.MatchString(t.text):
				sf.clocks[clockKey(t.text)] = true
				if i+1 < len(toks) && clockRe.MatchString(toks[i+1].text) {
					sf.ranges[clockKey(t.text)+"–"+clockKey(toks[i+1].text)] = true
				}
				for k := i + 1; k < len(toks) && k <= i+3; k++ {
					if clockRe.MatchString(toks[k].text) {
						if k > i+1 && rangeWords[toks[i+1].lower] {
							sf.ranges[clockKey(t.text)+"–"+clockKey(toks[k].text)] = true
						}
						break
					}
				}
			case t.num:
				if v, ok := parseIndoNumber(t.text); ok {
					sf.nums[v] = true
					if i > 0 && !isPhone(t) {
						unit := ""
						if i+1 < len(toks) && !isYear(t.text) {
							unit = toks[i+1].lower
						}
						k := proseKey(toks[i-1].lower, unit)
						if unit == "" {
							k = proseKey(yearLead(toks, i), "")
						}
						sf.prose[k] = append(sf.prose[k], v)
					}
				}
			case extract.IsNumberWord(t.lower):
				if num, _, ok := readWordNumber(toks, i); ok && num.exact() {
					sf.nums[num.lo] = true
				}
			}
		}
	}
	return sf
}

// rangeWords join the two ends of a range: "08.00 s.d. 15.00", "Senin
// sampai Jumat".
var rangeWords = map[string]bool{"s.d": true, "sd": true, "s/d": true, "sampai": true, "hingga": true}

// startWords put a time as the start: "mulai pukul 07.30".
var startWords = map[string]bool{"mulai": true, "sejak": true, "dimulai": true}

// rangeEnd returns the token that ends a range starting at token i, by a
// dash or a range word ("sampai dengan" too), or -1.
func rangeEnd(f *field, i int, end func(string) bool) int {
	if i+1 >= len(f.toks) {
		return -1
	}
	next := f.toks[i+1]
	if sep := strings.TrimSpace(f.slice(f.toks[i].end, next.start)); (sep == "–" || sep == "-" || sep == "—") && end(next.text) {
		return i + 1
	}
	if !rangeWords[next.lower] || f.slice(f.toks[i].end, next.start) != " " {
		return -1
	}
	k := i + 2
	if next.lower == "sampai" && k < len(f.toks) && f.toks[k].lower == "dengan" {
		k++
	}
	if k < len(f.toks) && end(f.toks[k].text) {
		return k
	}
	return -1
}

// hyphenPair returns "a–b" for a token "a-b" whose two parts pass ok, or "".
func hyphenPair(s string, ok func(string) bool) string {
	a, b, found := strings.Cut(s, "-")
	if !found || !ok(a) || !ok(b) {
		return ""
	}
	return a + "–" + b
}

// zone returns the one time zone the sheet uses, or "".
func (sf sheetFacts) zone() string {
	z := ""
	for w := range timeZones {
		if sf.words[w] {
			if z != "" {
				return ""
			}
			z = w
		}
	}
	return z
}

// phoneDigits is the number as dialled at home: "+62 812-0000-5678",
// "0812.0000.5678" and "0812-0000-5678" are one number.
func phoneDigits(s string) string {
	d := strings.NewReplacer("-", "", " ", "", ".", "", "+", "", "(", "", ")", "").Replace(s)
	if strings.HasPrefix(d, "62") {
		d = "0" + d[2:]
	}
	return d
}

func clockKey(s string) string {
	s = strings.ReplaceAll(s, ":", ".")
	if len(s) == 4 {
		s = "0" + s
	}
	return s
}

// checkSheetFacts compares what the release states beside the sheet's
// figures with everything the sheet says: a phone number or a time range
// other than the sheet's contradicts it (kesalahan); a count with a unit or
// an amount of money the sheet never states is a fact from outside the
// sheet (peringatan): in a practice, the sheet is the only source. Quotes,
// dates and years are left alone. It returns the number of kesalahan.
func (g *grader) checkSheetFacts(f *field, b *Brief, sf sheetFacts) int {
	n := 0
	outside := "tidak ada di lembar fakta; dalam latihan, pakai hanya fakta dari lembar fakta, karena fakta lain tidak dapat diperiksa."
	reported := map[int]bool{} // numbers checkFigures already found wrong
	for _, fd := range g.findings {
		if fd.Criterion == CritFaktual && fd.Field == f.name {
			reported[fd.Start] = true
		}
	}
	for i := 0; i < len(f.toks); i++ {
		t := f.toks[i]
		if f.inQuote(t.start) {
			continue
		}
		prev := ""
		if i > 0 {
			prev = f.toks[i-1].lower
		}
		switch {
		case len(sf.days) > 0 && (weekdayLower[t.lower] || hyphenPair(t.lower, isWeekday) != ""):
			// "Senin–Jumat", "Senin-Jumat" (one token), "Senin s.d. Jumat".
			first, last, end := t.lower, "", i
			if r := hyphenPair(t.lower, isWeekday); r != "" {
				first, last, _ = strings.Cut(r, "–")
			} else if j := rangeEnd(f, i, func(w string) bool { return weekdayLower[strings.ToLower(w)] }); j > 0 {
				last, end = f.toks[j].lower, j
			}
			if last == "" {
				continue
			}
			i = end
			if sf.days[first+"–"+last] {
				continue
			}
			var want []string
			for d := range sf.days {
				a, z, _ := strings.Cut(d, "–")
				want = append(want, matchCase(t.text, a)+"–"+matchCase(t.text, z))
			}
			slices.Sort(want)
			n++
			g.add(f.finding("hari-layanan-bertentangan", SevKesalahan, t.start, f.toks[end].end,
				fmt.Sprintf("Hari \"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s. Hari yang salah membuat warga datang saat layanan tutup.", f.slice(t.start, f.toks[end].end), strings.Join(want, ", ")), ""))
		case f == g.body && placeHeads[t.lower] && t.capital && i+1 < len(f.toks) && f.toks[i+1].capital && !f.toks[i+1].num:
			name := f.toks[i+1]
			if sf.words[name.lower] || f.slice(t.end, name.start) != " " || placeHeads[name.lower] || g.placeReported(f, t.start) {
				continue
			}
			i++
			g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, t.start, name.end, fmt.Sprintf("\"%s\" %s", f.slice(t.start, name.end), outside), ""))
		case f == g.body && t.lower == "warga" && !t.allCaps && i+1 < len(f.toks) && sf.hasPlace():
			// "warga Cibeureum": a place named without Desa or Kecamatan,
			// when the sheet names its places and not this one.
			name := f.toks[i+1]
			if !name.capital || name.allCaps || name.num || sf.words[name.lower] || placeHeads[name.lower] || residentGroups[name.lower] ||
				f.slice(t.end, name.start) != " " {
				continue
			}
			i++
			g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, t.start, name.end, fmt.Sprintf("\"%s\" %s", f.slice(t.start, name.end), outside), ""))
		case (t.lower == "pukul" || t.lower == "jam") && wordClockStart(f, i):
			k, end := g.checkWordClock(f, i, b, sf)
			n, i = n+k, end
		case isPhone(t):
			if _, ok := sf.phones[phoneDigits(t.text)]; ok {
				continue
			}
			if len(sf.phones) > 0 {
				var want []string
				for _, p := range sf.phones {
					want = append(want, p)
				}
				slices.Sort(want)
				sugg := ""
				if len(want) == 1 {
					sugg = want[0]
				}
				n++
				msg := fmt.Sprintf("Nomor \"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s. Nomor yang salah membuat warga menghubungi orang lain; salin nomornya persis dari lembar fakta.", t.text, strings.Join(want, ", "))
				if g.addedPhone(f, t, sf) {
					// Not a slip in the sheet's number but another number: say
					// so, and which number to give instead.
					which := "nomor kontak " + want[0]
					if len(want) > 1 {
						which = "salah satu nomor kontaknya: " + listID(want)
					}
					msg = fmt.Sprintf("Nomor \"%s\" tidak ada di lembar fakta. Nomor yang tidak dapat diperiksa bisa membuat warga menghubungi orang yang salah; gantilah dengan %s dari lembar fakta.", t.text, which)
					if g.sheetPhoneWritten(f, sf) {
						sugg = "" // the sheet's number is there already
						msg = fmt.Sprintf("Nomor \"%s\" tidak ada di lembar fakta. Nomor yang tidak dapat diperiksa bisa membuat warga menghubungi orang yang salah; hapus nomor itu, karena warga cukup memakai %s dari lembar fakta.", t.text, which)
					}
				}
				g.add(f.finding("nomor-bertentangan", SevKesalahan, t.start, t.end, msg, sugg))
				continue
			}
			g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, t.start, t.end, fmt.Sprintf("Nomor \"%s\" %s", t.text, outside), ""))
		case clockRe.MatchString(t.text) || hyphenPair(t.text, clockRe.MatchString) != "":
			var next token
			if i+1 < len(f.toks) {
				next = f.toks[i+1]
			}
			// The range's end: "08.00–15.00", "08.00-15.00" (one token),
			// "08.00 s.d. 15.00", "08.00 hingga 15.00".
			from, to, end := clockKey(t.text), "", i
			if r := hyphenPair(t.text, clockRe.MatchString); r != "" {
				from, to, _ = strings.Cut(r, "–")
				from, to = clockKey(from), clockKey(to)
			} else if j := rangeEnd(f, i, clockRe.MatchString); j > 0 {
				to, end = clockKey(f.toks[j].text), j
			}
			s, e := t.start, f.toks[end].end
			if prev == "pukul" {
				s = f.toks[i-1].start
			}
			zone := -1
			if end+1 < len(f.toks) && timeZones[f.toks[end+1].lower] {
				zone = end + 1
				e = f.toks[zone].end
			}
			if z := sf.zone(); zone >= 0 && z != "" && f.toks[zone].lower != z && len(sf.clocks) > 0 {
				i = zone
				n++
				g.add(f.finding("jam-bertentangan", SevKesalahan, s, e,
					fmt.Sprintf("Zona waktu \"%s\" tidak sesuai dengan lembar fakta, yang memakai %s. Zona yang salah menggeser jam satu atau dua jam; salin jam dan zonanya dari lembar fakta.", f.slice(s, e), strings.ToUpper(z)), ""))
				continue
			}
			if to == "" {
				// A single time of day the sheet never gives ("pukul
				// 09.00" for a service open 08.00–15.00) is a fact from
				// outside it, like a count the sheet lacks.
				if len(sf.clocks) == 0 || sf.clocks[from] || reported[t.start] ||
					prev != "pukul" && !timeZones[next.lower] {
					continue
				}
				var want []string
				for r := range sf.ranges {
					want = append(want, r)
				}
				for c := range sf.clocks {
					if !slices.ContainsFunc(want, func(r string) bool { return strings.Contains(r, c) }) {
						want = append(want, c)
					}
				}
				slices.Sort(want)
				// In the lead, or after "mulai"/"sejak", it is when the
				// event starts: another start than the sheet's contradicts it.
				before := ""
				if i > 1 {
					before = f.toks[i-2].lower
				}
				lead, _, ok := f.writtenLead()
				if start := clockKey(b.Pukul); b.Pukul != "" && clockRe.MatchString(b.Pukul) && start != from &&
					(f == g.body && ok && lead.Start <= t.start && t.start < lead.End || startWords[prev] || startWords[before]) {
					n++
					g.add(f.finding("jam-bertentangan", SevKesalahan, s, e,
						fmt.Sprintf("Jam \"%s\" tidak sesuai dengan lembar fakta: kegiatan dimulai pukul %s. Jam mulai yang salah membuat warga datang terlalu awal atau terlambat; salin jamnya dari lembar fakta.", f.slice(s, e), start), ""))
					continue
				}
				g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, s, e,
					fmt.Sprintf("\"%s\" %s Lembar fakta hanya menyebut pukul %s; jam yang tidak dapat diperiksa bisa membuat warga datang pada waktu yang salah.", f.slice(s, e), outside, joinID(want)), ""))
				continue
			}
			i = end
			if len(sf.ranges) == 0 || sf.ranges[from+"–"+to] {
				continue
			}
			var want []string
			for r := range sf.ranges {
				want = append(want, r)
			}
			slices.Sort(want)
			n++
			g.add(f.finding("jam-bertentangan", SevKesalahan, t.start, f.toks[end].end,
				fmt.Sprintf("Jam \"%s\" tidak sesuai dengan lembar fakta, yang menyebut pukul %s. Jam yang salah membuat warga datang saat layanan sudah tutup.", f.slice(t.start, f.toks[end].end), strings.Join(want, ", ")), ""))
		case strings.HasPrefix(t.text, "Rp") && len(t.text) > 2:
			v, ok := parseIndoNumber(strings.TrimPrefix(strings.TrimPrefix(t.text, "Rp"), " "))
			if !ok || sf.nums[v] {
				continue
			}
			if sf.words["gratis"] || sf.words["tanpa"] && (sf.words["biaya"] || sf.words["dipungut"]) {
				// The sheet says the service is free.
				n++
				g.add(f.finding("biaya-bertentangan", SevKesalahan, t.start, t.end,
					fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta: layanan ini tanpa biaya. Biaya yang keliru bisa membuat warga batal datang.", t.text), ""))
				continue
			}
			g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, t.start, t.end, fmt.Sprintf("\"%s\" %s", t.text, outside), ""))
		case t.num && i > 0 && isYear(t.text) && len(sf.prose[proseKey(yearLead(f.toks, i), "")]) > 0:
			// "Sepanjang 2024" or "sepanjang tahun 2024" where the sheet
			// says "sepanjang 2025".
			v, _ := parseIndoNumber(t.text)
			prev = yearLead(f.toks, i)
			want := sf.prose[proseKey(prev, "")]
			if slices.Contains(want, v) || reported[t.start] || f.inQuote(t.start) || g.faktualCovers(f, t.start) {
				continue
			}
			s := f.toks[i-1].start
			if f.toks[i-1].lower == "tahun" && i > 1 {
				s = f.toks[i-2].start
			}
			word := prev
			if monthNames[prev] != "" {
				word = matchCase("Mei", prev) // "Mei 2026"
			}
			n++
			g.add(f.finding("angka-bertentangan", SevKesalahan, s, t.end,
				fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s %s. Tahun yang salah memindahkan fakta ke waktu lain; salin tahunnya dari lembar fakta.", f.slice(s, t.end), word, formatYear(want[0])),
				f.slice(s, f.toks[i-1].end)+" "+formatYear(want[0])))
		case !t.num && i > 0 && extract.IsNumberWord(t.lower) && !f.inQuote(t.start) && !reported[t.start]:
			// "berusia enam belas tahun" where the sheet says "berusia 17
			// tahun".
			num, j, ok := readWordNumber(f.toks, i)
			if !ok || !num.exact() || j >= len(f.toks) || f.slice(f.toks[j-1].end, f.toks[j].start) != " " {
				continue
			}
			unit := f.toks[j]
			want := sf.prose[proseKey(prev, unit.lower)]
			if _, from := qualifiedFigure(f, i, num); from < i || briefUnit(b, unit.lower) {
				want = nil // a bound, or a figure of the sheet: checkFigures compares them
			}
			if len(want) == 0 || slices.Contains(want, num.lo) || g.faktualCovers(f, t.start) {
				i = j - 1
				continue
			}
			s := f.toks[i-1].start
			n++
			g.add(f.finding("angka-bertentangan", SevKesalahan, s, unit.end,
				fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s %s %s. Angka yang salah merusak kepercayaan pembaca; periksa kembali sebelum rilis diunggah.", f.slice(s, unit.end), prev, releaseNumber(want[0]), unit.lower),
				f.slice(s, f.toks[i-1].end)+" "+formatIndoNumber(want[0])+" "+unit.text))
			i = j
		case t.num:
			if i+1 >= len(f.toks) || g.inDate(f, t.start) || prev == "pukul" || prev == "nomor" || prev == "no" || prev == "tahun" || prev == "rt" || prev == "rw" || prev == "ke" {
				continue
			}
			unit := f.toks[i+1]
			if unit.num || unit.capital || f.slice(t.end, unit.start) != " " || unit.lower == "di" || unit.lower == "dan" || unit.lower == "sampai" || unit.lower == "hingga" {
				continue
			}
			v, ok := parseIndoNumber(t.text)
			if commaThousands(t.text) && sf.nums[commaValue(t.text)] || ok && sf.nums[scaledValue(v, unit.lower)] {
				continue // "1,24 ribu warga" is the sheet's 1.240
			}
			if !ok || sf.nums[v] || len(t.text) == 4 && v >= 1900 && v <= 2100 || reported[t.start] || sheetMeasure(b, v, unit.lower) || remainder(f, i+1, v, b) || oneInN(f, i, wordNum{v, v}) {
				continue
			}
			if _, from := qualifiedFigure(f, i, wordNum{v, v}); from < i || reported[f.toks[from].start] {
				continue // a bound or an estimate, compared by checkFigures
			}
			if want := sf.prose[proseKey(prev, unit.lower)]; len(want) > 0 && i > 0 && !briefUnit(b, unit.lower) {
				// "berusia 16 tahun" where the sheet says "berusia 17 tahun".
				s := f.toks[i-1].start
				n++
				g.add(f.finding("angka-bertentangan", SevKesalahan, s, unit.end,
					fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s %s %s. Angka yang salah merusak kepercayaan pembaca; periksa kembali sebelum rilis diunggah.", f.slice(s, unit.end), prev, releaseNumber(want[0]), unit.lower),
					f.slice(s, f.toks[i-1].end)+" "+formatIndoNumber(want[0])+" "+unit.text))
				continue
			}
			g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, t.start, unit.end, fmt.Sprintf("\"%s\" %s", f.slice(t.start, unit.end), outside), ""))
		}
	}
	return n
}

// oneInN reports the denominator of a share said as "satu dari empat
// warga" or "1 dari 4 warga": a small count after "satu dari".
func oneInN(f *field, i int, num wordNum) bool {
	if i < 2 || !num.exact() || num.lo < 2 || num.lo > 10 || f.toks[i-1].lower != "dari" {
		return false
	}
	w := f.toks[i-2].lower
	return w == "satu" || w == "1"
}

// remainder reports a count of the rest of a sheet figure: "Desa Cijambu
// dan 17 desa lain" where the sheet counts 18 desa.
func remainder(f *field, unit int, v float64, b *Brief) bool {
	if unit+1 >= len(f.toks) || f.toks[unit+1].lower != "lain" && f.toks[unit+1].lower != "lainnya" {
		return false
	}
	for _, fig := range b.Angka {
		if figureUnitMatches(f.toks[unit].lower, fig) && fig.Nilai > v {
			return true
		}
	}
	return false
}

// addedPhone reports a phone number that is no slip in the sheet's: its
// digits differ from every sheet number in more than two places.
func (g *grader) addedPhone(f *field, t token, sf sheetFacts) bool {
	d := phoneDigits(t.text)
	for p := range sf.phones {
		if editDistance(d, p, 3) <= 2 {
			return false
		}
	}
	return true
}

// sheetPhoneWritten reports a sheet phone number in the body.
func (g *grader) sheetPhoneWritten(f *field, sf sheetFacts) bool {
	for _, b := range []*field{g.body, f} {
		for _, t := range b.toks {
			if _, ok := sf.phones[phoneDigits(t.text)]; ok && isPhone(t) {
				return true
			}
		}
	}
	return false
}

// faktualCovers reports a faktual finding on f whose passage holds pos: a
// wrong date already reported is not reported again for its year.
func (g *grader) faktualCovers(f *field, pos int) bool {
	for _, fd := range g.findings {
		if fd.Criterion == CritFaktual && fd.Field == f.name && fd.Start <= pos && pos < fd.End {
			return true
		}
	}
	return false
}

// briefUnit reports a word that names one of the sheet's figures.
func briefUnit(b *Brief, w string) bool {
	for _, fig := range b.Angka {
		if figureUnitMatches(w, fig) || sameCounted(w, fig) {
			return true
		}
	}
	return false
}

// yearLead is the word that places the year at token i: "sepanjang" of
// "sepanjang 2025" and of "sepanjang tahun 2025".
func yearLead(toks []token, i int) string {
	if toks[i-1].lower == "tahun" && i > 1 {
		return toks[i-2].lower
	}
	return toks[i-1].lower
}

// isYear reports four digits that read as a year: "2025".
func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	v, ok := parseIndoNumber(s)
	return ok && v >= 1900 && v <= 2100
}

// formatYear writes a year without the thousands dot.
func formatYear(v float64) string { return fmt.Sprintf("%.0f", v) }

// droppedQualifier reports whether an office written after the right title
// word leaves out the word the sheet puts next ("Kepala BPBD" for "Kepala
// Pelaksana BPBD"): the shorter office is another person's.
func droppedQualifier(rest []token, jabatan string) bool {
	words := strings.Fields(strings.ToLower(strings.NewReplacer(",", " ", ".", " ").Replace(jabatan)))
	if len(rest) == 0 || len(words) < 3 {
		return false
	}
	next := rest[0].lower
	return words[1] != next && slices.Contains(words[2:], next)
}
