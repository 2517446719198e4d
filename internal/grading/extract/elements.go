package extract

import "strings"

// The event (apa), reason (mengapa) and manner (bagaimana) are phrases opened
// by a predicate or by a cue word with the right structure after it; a bare
// keyword is not enough ("untuk setiap desa" is no purpose, "dengan kepala
// desa" no manner).

// phraseStops end a phrase: the next adjunct or clause starts there.
var phraseStops = wordSet(`di pada sejak agar supaya karena sebab sehingga untuk dengan melalui lewat
secara guna demi kata ujar tutur ungkap jelas tegas pungkas imbuh saat ketika sambil seraya
bahwa namun tetapi tapi sedangkan sementara hingga sampai selama menurut yakni yaitu lantaran`)

// subordinators open a clause that is not the main one ("Dalam rangka …,").
var subordinators = wordSet(`dalam bertempat pada untuk guna agar supaya karena sehubungan berdasarkan
menurut selain sebelumnya setelah usai seusai saat ketika demi sebagai bersama mengingat jika
apabila bila meski meskipun walaupun sejak sesuai terkait menyusul melalui dengan di`)

// mannerNouns after "dengan" name a method ("dengan materi …", "dengan sistem …").
var mannerNouns = wordSet(`cara materi tema metode sistem pola skema mekanisme protokol konsep format model
teknik pendekatan prosedur jalan sarana alat fasilitas bantuan pendampingan pengawalan
menerapkan pembagian membawa melibatkan tetap`)

// mannerAdjectives after "dengan" describe how ("dengan cepat dan akurat").
var mannerAdjectives = wordSet(`baik cepat mudah tertib lancar aman sukarela gratis cuma-cuma serius saksama
seksama hati-hati tepat benar maksimal optimal efektif efisien transparan akurat lengkap
detail rinci jelas sederhana santai khidmat langsung rutin terbuka bertahap tegas humanis
persuasif intensif sungguh-sungguh teliti cermat disiplin ketat`)

// mannerWords stand alone as manner ("digelar daring", "secara door to door").
var mannerWords = wordSet(`daring luring virtual online offline hibrida hybrid bergiliran serentak`)

// Elements computes all element spans of text.
func elements(text string) map[string][]Span {
	return analyze(newDoc(text)).elements()
}

// elements collects the spans of every element.
func (an *analysis) elements() map[string][]Span {
	d := an.d
	out := make(map[string][]Span, 6)
	siapa, place := an.resolve()
	put := func(id string, r [][2]int) {
		if len(r) > 0 {
			out[id] = d.spans(mergeRanges(r))
		}
	}
	put(Siapa, siapa)
	place = append(place, an.placePhrases()...)
	place = append(place, an.venuePhrases()...)
	if an.dateline[0] >= 0 && an.datelineCounts(place) {
		place = append(place, an.dateline)
	}
	place = append(place, an.pointingPhrases()...)
	put(DiMana, place)
	var kapan []Span
	for _, dt := range an.dates {
		if !dt.Vague && !dt.InQuote && !an.otherEventDate(dt) {
			kapan = append(kapan, dt.Span)
		}
	}
	for _, r := range an.periodPhrases() {
		kapan = append(kapan, d.span(r[0], r[1]))
	}
	if len(kapan) > 0 {
		sortSpans(kapan)
		out[Kapan] = kapan
	}
	put(Apa, an.apa())
	put(Mengapa, an.mengapa())
	put(Bagaimana, an.bagaimana())
	return out
}

// mergeRanges sorts token ranges and merges overlapping ones.
func mergeRanges(r [][2]int) [][2]int {
	// insertion sort: the lists are short and nearly sorted
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && (r[j][0] < r[j-1][0] || r[j][0] == r[j-1][0] && r[j][1] < r[j-1][1]); j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
	out := r[:0]
	for _, x := range r {
		if x[0] >= x[1] {
			continue
		}
		if n := len(out); n > 0 && x[0] < out[n-1][1] {
			if x[1] > out[n-1][1] {
				out[n-1][1] = x[1]
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// isBoundary tells tokens that end any phrase.
func (an *analysis) isBoundary(i int) bool {
	if i >= len(an.d.toks) {
		return true
	}
	t := an.tok(i)
	if t.nl > 0 || an.inDate[i] {
		return true
	}
	if t.kind == kPunct {
		switch t.text {
		case "-", "/", "&", "%":
			return false
		}
		return true
	}
	return false
}

// phrase extends from token i to the first boundary or stop word, at most max words.
func (an *analysis) phrase(i, max int, stops map[string]bool) int {
	e := i
	for e < len(an.d.toks) && e-i < max && !an.isBoundary(e) {
		w := an.d.lw(e)
		if e > i && stops[w] {
			break
		}
		// "… dan berkeliling", "… serta dihadiri": a new predicate starts
		if e > i && (w == "dan" || w == "serta" || w == "lalu" || w == "kemudian") && an.predicateAt(e+1) {
			break
		}
		e++
	}
	return e
}

// isVerbAt tells a predicate verb at token i, using capitals only in headlines.
func (an *analysis) isVerbAt(i int) bool {
	if i < 0 || i >= len(an.d.toks) { // "langsung" asks about the word before it, also at the start
		return false
	}
	t := an.tok(i)
	if t.kind != kWord || an.inDate[i] {
		return false
	}
	w := t.lower
	if orgAcronyms[w] || orgHeads[w] || placeHeads[w] || titleWords[w] || honorifics[w] {
		return false
	}
	if t.upper && !an.title[i] && !an.first[i] {
		return false
	}
	if w == "merupakan" || w == "menjadi" || w == "adalah" {
		return true
	}
	return isVerbWord(w)
}

// predicateAt tells where a predicate starts at i: an auxiliary followed by a
// verb ("harus memiliki", "telah dilaksanakan") or a verb.
func (an *analysis) predicateAt(i int) bool {
	w := an.d.lw(i)
	if aux[w] && !an.tok(i).upper || aux[w] && (an.title[i] || an.initial[i]) {
		for k := i + 1; k <= i+3 && k < len(an.d.toks); k++ {
			if an.isVerbAt(k) {
				return true
			}
			if !aux[an.d.lw(k)] {
				break
			}
		}
		return false
	}
	return an.isVerbAt(i)
}

// apa finds the predicate phrase of the lead sentence: the first sentence
// that is not a quotation, skipping the dateline and subordinate clauses.
func (an *analysis) apa() [][2]int {
	d := an.d
	for si, s := range d.sents {
		if si > 2 {
			break
		}
		a := s[0]
		if an.dateline[0] >= 0 && a <= an.dateline[1] {
			for a < s[1] && a <= an.dateline[1] {
				a++
			}
			for a < s[1] && d.toks[a].kind == kPunct {
				a++
			}
		}
		if a < s[1] && an.d.inQ[a] {
			continue
		}
		if r, ok := an.predicateIn(a, s[1]); ok {
			return [][2]int{r}
		}
	}
	return nil
}

// predicateIn scans the clauses of [a, b) for the main predicate.
func (an *analysis) predicateIn(a, b int) ([2]int, bool) {
	d := an.d
	clause := a
	subject := 0
	skip := false
	for i := a; i < b; i++ {
		t := an.tok(i)
		if t.text == "," || t.text == ";" {
			clause = i + 1
			skip = false
			continue
		}
		if i == clause {
			w := t.lower
			skip = subordinators[w]
			if w == "dalam" && d.lw(i+1) != "rangka" {
				skip = false
			}
			if w == "di" || w == "dengan" || w == "melalui" {
				skip = true
			}
		}
		if skip || an.d.inQ[i] {
			continue
		}
		if t.lower == "yang" {
			skip = true // a relative clause inside the subject
			continue
		}
		if t.kind == kWord && an.predicateAt(i) && (subject > 0 || clause > a || an.title[i]) {
			e := an.phrase(i, 8, apaStops)
			if e > i {
				return [2]int{i, e}, true
			}
		}
		if t.kind == kWord {
			subject++
		}
	}
	return [2]int{}, false
}

// apaStops end the event phrase; "yang" opens a relative clause.
var apaStops = func() map[string]bool {
	m := wordSet(`yang ke dalam`)
	for w := range phraseStops {
		m[w] = true
	}
	return m
}()

// mengapa finds reasons and purposes.
func (an *analysis) mengapa() [][2]int {
	d := an.d
	var out [][2]int
	for i := 0; i < len(d.toks); i++ {
		t := an.tok(i)
		if t.kind != kWord {
			continue
		}
		w, nx, pv := t.lower, d.lw(i+1), d.lw(i-1)
		cue := 0
		switch w {
		case "karena", "sebab", "lantaran", "dikarenakan":
			if nx != "itu" && nx != "ini" && nx != "," && nx != "." {
				cue = 1
			}
		case "disebabkan", "diakibatkan":
			cue = 1
			if nx == "oleh" {
				cue = 2
			}
		case "akibat":
			if nx != "itu" && nx != "ini" && nx != "nya" && pv != "sebagai" {
				cue = 1
			}
		case "agar", "supaya", "sehingga", "berkat":
			cue = 1
		case "guna":
			if pv != "tepat" && pv != "daya" && pv != "berdaya" && pv != "hasil" && (an.isVerbAt(i+1) || morphCommon(nx)) {
				cue = 1
			}
		case "demi":
			if pv != "satu" && pv != "sedikit" && pv != "hari" && pv != "tahap" && pv != "selangkah" && pv != "demi" {
				cue = 1
			}
		case "dalam":
			switch {
			case nx == "rangka":
				cue = 2
			case partakeWords[pv]:
				// "turut serta dalam upaya …": what is taken part in (M4)
			case nx == "upaya" || aimNouns[nx] || strings.HasPrefix(nx, "me") && an.isVerbAt(i+1):
				cue = 1 // "dalam upaya …", "dalam peningkatan …", "dalam menurunkan …"
			}
		case "sebagai":
			// "sebagai upaya …", "sebagai bagian dari …", "sebagai tindak lanjut …"
			switch {
			case effortNouns[nx]:
				cue = 1
			case nx == "bagian" && d.lw(i+2) == "dari":
				cue = 3
			}
		case "tindak":
			if nx == "lanjut" && pv != "sebagai" {
				cue = 2 // "merupakan tindak lanjut dari …"
				if d.lw(i+2) == "dari" || d.lw(i+2) == "atas" {
					cue = 3
				}
			}
		case "menindaklanjuti":
			cue = 1
		case "salah":
			// "terus berupaya menekan inflasi, salah satunya lewat pasar
			// murah": the effort's aim is the event's (M5)
			if nx == "satunya" || nx == "satu" && (d.lw(i+2) == "upaya" || d.lw(i+2) == "upayanya" || d.lw(i+2) == "caranya") {
				if r, ok := an.effortBefore(i); ok {
					out = append(out, r)
				}
			}
		case "menyambut", "memperingati", "memeriahkan":
			// the occasion (M1): "Menyambut Hari Raya …, Gubernur membuka …",
			// "… menggelar lomba memperingati Hari Pahlawan"
			nt := an.tok(min(i+1, len(d.toks)-1))
			occasion := nt.upper || nx == "hari" || nx == "ulang" || nx == "bulan" || nx == "tahun"
			if occasion && (an.initial[i] || pv == "," || an.afterPredicate(i)) {
				cue = 1
			}
		case "bertujuan", "tujuannya":
			cue = 1
			if d.lw(i+1) == "untuk" || d.lw(i+1) == "agar" || d.lw(i+1) == "supaya" {
				cue = 2
			}
		case "mengingat":
			if i == 0 || pv == "," || an.initial[i] {
				cue = 1
			}
		case "untuk":
			k := i + 1
			for aux[d.lw(k)] && k < i+3 {
				k++ // "untuk dapat menikmati"
			}
			if an.isVerbAt(k) || (k < len(d.toks) && an.tok(k).kind == kWord && isNominalization(d.lw(k))) {
				cue = 1
			}
		}
		if cue == 0 {
			continue
		}
		if w == "dengan" {
			continue
		}
		if (w == "untuk" || w == "agar" || w == "supaya" || w == "dalam") && contentWords[pv] {
			continue // "meminta agar …", "komitmennya untuk …": what is asked or promised (M4)
		}
		if w == "untuk" && an.activeRelative(i) {
			continue // "pedagang yang memakai trotoar untuk berjualan": the people's aim (M3)
		}
		e := an.phrase(i+cue, 12, reasonStops)
		if e > i+cue {
			out = append(out, [2]int{i, e})
			i = e - 1
		}
	}
	return out
}

// effortNouns after "sebagai" present the event as a step or sign of an
// aim ("sebagai upaya menekan inflasi", "sebagai wujud syukur").
var effortNouns = wordSet(`upaya langkah wujud bentuk tindak respons ikhtiar strategi`)

// aimNouns after "dalam" state an aim ("dalam peningkatan kapasitas").
var aimNouns = wordSet(`peningkatan penguatan pengembangan percepatan pencegahan penanganan
penanggulangan pemberdayaan penurunan pengendalian pemenuhan perbaikan pemulihan pelestarian
mewujudkan mendukung menyukseskan`)

// partakeWords take "dalam" for what is taken part in (M4).
var partakeWords = wordSet(`serta berperan terlibat berpartisipasi andil peran ambil komitmen
komitmennya berkomitmen`)

// contentWords take a marker for their content, not for the event's aim
// (M4): what is asked, hoped, promised or dared.
var contentWords = wordSet(`komitmen komitmennya berkomitmen meminta minta memohon berpesan pesan
mengimbau imbauan mengajak ajakan berharap harapan harapannya menginstruksikan instruksi
memerintahkan menyerukan mendesak ragu bersedia sepakat berjanji janji diminta diimbau diharapkan`)

// effortVerbs state a continuing effort whose object is its aim.
var effortVerbs = wordSet(`berupaya berusaha mendorong mengupayakan`)

// effortBefore finds the aim of an effort stated earlier in the paragraph of
// token i: the phrase after "berupaya", "mendorong" and the like.
func (an *analysis) effortBefore(i int) ([2]int, bool) {
	start := 0
	for _, p := range an.d.paras {
		if p[0] <= i && i < p[1] {
			start = p[0]
		}
	}
	for k := start; k < i; k++ {
		if !effortVerbs[an.d.lw(k)] || an.d.inQ[k] {
			continue
		}
		if e := an.phrase(k+1, 12, reasonStops); e > k+1 {
			return [2]int{k + 1, min(e, i)}, true
		}
	}
	return [2]int{}, false
}

// afterPredicate tells a token after the main predicate of its sentence.
func (an *analysis) afterPredicate(i int) bool {
	si := an.sentenceOf(i)
	return si >= 0 && an.predicateStart(si) < i
}

// activeRelative tells a token inside a relative clause whose verb is
// active ("yang masih menggunakan trotoar untuk …"): the clause tells what
// its people do, not the event.
func (an *analysis) activeRelative(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		t := an.tok(k)
		if t.kind == kPunct || t.nl > 0 {
			return false
		}
		if t.lower != "yang" {
			continue
		}
		for v := k + 1; v <= i; v++ {
			w := an.d.lw(v)
			if aux[w] {
				continue
			}
			return isVerbWord(w) && !strings.HasPrefix(w, "di") && !strings.HasPrefix(w, "ter")
		}
		return false
	}
	return false
}

// reasonStops end a reason or purpose phrase.
var reasonStops = wordSet(`agar supaya karena sehingga kata ujar tutur ungkap jelas tegas pungkas imbuh
namun tetapi tapi sedangkan sementara melalui lewat`)

// isNominalization tells process nouns that can state a purpose after
// "untuk" ("untuk pembangunan dermaga", "untuk Optimalisasi"), unlike agents
// ("untuk penggiat media sosial") or people ("untuk warga").
func isNominalization(w string) bool {
	n := len(w)
	if n >= 7 && (w[:2] == "pe" || w[:2] == "ke") && w[n-2:] == "an" {
		return true
	}
	return n >= 7 && (w[n-4:] == "sasi" || w[n-4:] == "lisa")
}

// bagaimana finds manner, means and process phrases.
func (an *analysis) bagaimana() [][2]int {
	d := an.d
	d.lookup()
	var out [][2]int
	for i := 0; i < len(d.toks); i++ {
		t := an.tok(i)
		if t.kind != kWord {
			continue
		}
		w, nx := t.lower, d.lw(i+1)
		cue := 0
		switch w {
		case "dengan":
			switch {
			case nx == "cara":
				cue = 2
			case mannerNouns[nx] || mannerAdjectives[nx]:
				cue = 1
			case an.isVerbAt(i+1) && nx != "adanya":
				cue = 1
			}
		case "melalui", "lewat", "via", "berupa":
			// "melalui Dinas Sosial" names the channel, an actor (S2)
			if nx != "itu" && nx != "ini" && i+1 < len(d.toks) && !an.isBoundary(i+1) && !an.actorAt(i+1) {
				cue = 1
			}
		case "menggunakan", "memakai", "memanfaatkan", "mengandalkan":
			// "pedagang yang berjualan menggunakan trotoar": what the people
			// of a relative clause do, not how the event is held
			if i+1 < len(d.toks) && !an.isBoundary(i+1) && !aux[nx] && !an.activeRelative(i) {
				cue = 1
			}
		case "bersama", "didampingi", "dihadiri", "disaksikan":
			// participants and format (B4): "bersama Forkopimda",
			// "didampingi wakilnya", "diikuti 104 peserta"
			if an.participantAt(i + 1) {
				cue = 1
			}
		case "turut", "bekerja", "berkolaborasi", "bekerjasama":
			if nx == "hadir" || nx == "sama" && d.lw(i+2) == "dengan" {
				cue = 2
			} else if w != "turut" && nx == "dengan" {
				cue = 2
			}
		case "mengikuti":
			// "60 pelaku usaha yang mengikuti pelatihan": who takes part, in what number
			if d.lw(i-1) == "yang" && an.countBefore(i-1) {
				cue = 1
			}
		case "langsung":
			// manner (B2): "Bupati langsung meninjau", "diterima langsung oleh …"
			if (an.isVerbAt(i+1) || an.isVerbAt(i-1) && strings.HasPrefix(d.lw(i-1), "di")) && d.lw(i-1) != "secara" && !an.inRelative(i) {
				out = append(out, [2]int{i, i + 1})
				continue
			}
		case "bersumber", "didanai", "dibiayai":
			// the fund (B3): "bersumber dari APBD"
			if nx == "dari" {
				cue = 2
			} else if w != "bersumber" {
				cue = 1
			}
		case "dibagi", "terbagi":
			// the format (B4): "dibagi menjadi empat kelas"
			if nx == "menjadi" || nx == "dalam" || nx == "ke" {
				cue = 2
			}
		case "selama":
			// a duration as the event's format (B5): "digelar selama tiga hari"
			if (d.toks[min(i+1, len(d.toks)-1)].kind == kNum || numberWords[nx]) && durationUnits[d.lw(i+2)] {
				out = append(out, [2]int{i, i + 3})
				i += 2
				continue
			}
		case "pada", "dari":
			// "pada APBD 2025": the fund the event is paid from (B3)
			if fundNouns[nx] {
				cue = 1
			}
		case "secara":
			// how often is not how (B7): "secara rutin", "secara berkala"
			if nx != "umum" && nx != "keseluruhan" && nx != "garis" && !frequencyWords[nx] && i+1 < len(d.toks) && !an.isBoundary(i+1) {
				cue = 1
			}
		case "diikuti":
			if nx == "oleh" {
				cue = 2
			} else if an.participantAt(i + 1) {
				cue = 1
			}
		case "tatap", "jemput":
			if nx == "muka" || nx == "bola" {
				out = append(out, [2]int{i, i + 2})
				i++
				continue
			}
		case "imunisasi", "vaksinasi":
			// a catch-up round is the service's format, as "jemput bola" is
			if nx == "kejar" {
				out = append(out, [2]int{i, i + 2})
				i++
				continue
			}
		case "door":
			if nx == "to" && d.lw(i+2) == "door" {
				out = append(out, [2]int{i, i + 3})
				i += 2
				continue
			}
		default:
			if d.flags[i]&fManner != 0 && mannerWords[w] && !t.upper {
				out = append(out, [2]int{i, i + 1})
				continue
			}
		}
		if cue == 0 {
			continue
		}
		max := 10
		if w == "secara" {
			max = 3
		}
		e := an.phrase(i+cue, max, mannerStops)
		// the phrase ends where the clause's predicate starts ("bersama
		// Forkopimda meninjau …")
		for k := i + cue + 1; k < e; k++ {
			if an.predicateAt(k) {
				e = k
				break
			}
		}
		if e > i+cue {
			out = append(out, [2]int{i, e})
			i = e - 1
		}
	}
	return out
}

// frequencyWords say how often, not how (B7).
var frequencyWords = wordSet(`rutin berkala periodik terus-menerus`)

// durationUnits measure how long an event lasts.
var durationUnits = wordSet(`hari pekan minggu bulan jam`)

// fundNouns name public funds ("pada APBD 2025", "dari dana desa").
var fundNouns = wordSet(`apbd apbn apbdes apbdesa dak dau dbhcht`)

// participantAt tells a participant phrase at i: a named person, office or
// group, a title, a number or a group noun ("bersama Forkopimda",
// "didampingi wakilnya", "diikuti 104 peserta"), not "bersama-sama" or a
// feeling shared by all ("kenyamanan bersama").
func (an *analysis) participantAt(i int) bool {
	if i >= len(an.d.toks) || an.isBoundary(i) {
		return false
	}
	t := an.tok(i)
	w := t.lower
	if t.kind == kNum || titleWords[w] || groupNouns[w] || numberWords[w] {
		return true
	}
	if t.upper && !an.inDate[i] {
		return true
	}
	if len(w) > 3 && w[len(w)-3:] == "nya" && (titleWords[w[:len(w)-3]] || groupNouns[w[:len(w)-3]]) {
		return true // "wakilnya", "jajarannya"
	}
	return false
}

// groupNouns name people taking part.
var groupNouns = wordSet(`para seluruh segenap jajaran warga masyarakat istri suami tim anggota
perwakilan pihak sejumlah puluhan ratusan ribuan peserta pejabat petugas relawan siswa pelajar
mahasiswa petani nelayan pedagang kader tokoh forkopimda forkopimcam muspika komandan pimpinan
unsur`)

// countBefore tells a number in the three tokens before i ("60 UMK yang").
func (an *analysis) countBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if an.tok(k).kind == kNum || numberWords[an.d.lw(k)] {
			return true
		}
		if an.isBoundary(k) {
			return false
		}
	}
	return false
}

// actorAt tells a mention of a person, title or organisation starting at i.
func (an *analysis) actorAt(i int) bool {
	for _, m := range an.ments {
		if m.a == i {
			return actorKind(m.kind)
		}
		if m.a > i {
			break
		}
	}
	return false
}

// inRelative tells a token of a relative clause: "yang" stands before it in
// the same clause, with no comma or stop between.
func (an *analysis) inRelative(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := an.tok(k)
		if t.kind == kPunct || t.nl > 0 {
			return false
		}
		if t.lower == "yang" {
			return true
		}
	}
	return false
}

var mannerStops = wordSet(`agar supaya karena sehingga untuk guna demi kata ujar tutur ungkap jelas
tegas pungkas imbuh namun tetapi tapi sedangkan sementara di pada sejak mulai yang`)

// placePhrases finds places written with a lower-case place noun and a number
// or a name: "di 12 kecamatan", "di balai desa Mekarsari".
func (an *analysis) placePhrases() [][2]int {
	d := an.d
	var out [][2]int
	for i := 0; i+1 < len(d.toks); i++ {
		if d.lw(i) != "di" && d.lw(i) != "ke" {
			continue
		}
		k := i + 1
		if an.tok(k).kind == kNum && !an.inDate[k] {
			k++
		}
		if k >= len(d.toks) || (an.tok(k).upper && !an.title[k]) || !placeHeads[d.lw(k)] {
			continue
		}
		// only "di 12 kecamatan": a named place is found by the mention finder
		if k > i+1 {
			e := k + 1
			for e < len(d.toks) && placeHeads[d.lw(e)] && (!an.tok(e).upper || an.title[e]) {
				e++
			}
			out = append(out, [2]int{i + 1, e})
		}
	}
	return out
}
