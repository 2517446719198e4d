package extract

import (
	"sort"
	"strings"
)

// Rules that decide whether a place found in a text is a place of the main
// event (devset guide, package devset: W2, W3, W5, W1's pointing words).

// sentenceOf returns the index of the sentence holding token i, or -1.
func (an *analysis) sentenceOf(i int) int {
	s := an.d.sents
	k := sort.Search(len(s), func(k int) bool { return s[k][1] > i })
	if k < len(s) && s[k][0] <= i {
		return k
	}
	return -1
}

// predicateStart returns the token where the main predicate of sentence si
// starts, or the sentence's end when none is found.
func (an *analysis) predicateStart(si int) int {
	if an.pred == nil {
		an.pred = make([]int, len(an.d.sents))
		for k := range an.pred {
			an.pred[k] = -1
		}
	}
	if an.pred[si] < 0 {
		s := an.d.sents[si]
		an.pred[si] = s[1]
		if r, ok := an.predicateIn(s[0], s[1]); ok {
			an.pred[si] = r[0]
		}
	}
	return an.pred[si]
}

// actorKind tells mentions that name who acts.
func actorKind(k mKind) bool {
	return k == mOrg || k == mTitle || k == mPerson || k == mEntity
}

// actorPlaces marks the place mentions that only qualify the actor before
// them (W2): "Dinas Pendidikan Kabupaten Contoh", "Pemerintah Kota Suka,
// Provinsi Contoh, menyalurkan …". Such a place, written without a locative
// preposition right after an actor who is the subject of the sentence (or the
// agent after "oleh"), says whose office acts, not where the event is.
func (an *analysis) actorPlaces() []bool {
	d := an.d
	out := make([]bool, len(an.ments))
	for k := 1; k < len(an.ments); k++ {
		m := an.ments[k]
		if m.kind != mPlace {
			continue
		}
		a := m.a
		if t := an.tok(max(a-1, 0)); a > 0 && t.kind == kWord && !t.upper && (placeHeads[t.lower] || lowerPlaces[t.lower]) {
			a-- // "…, provinsi Contoh"
		}
		if p := d.lw(a - 1); locPreps[p] || p == "dari" || p == "bagi" || p == "untuk" || p == "kepada" {
			continue
		}
		prev := an.ments[k-1]
		if !(actorKind(prev.kind) || prev.kind == mPlace && out[k-1]) {
			continue
		}
		gap := a - prev.b
		if gap < 0 || gap > 1 || gap == 1 && d.lw(prev.b) != "," {
			continue
		}
		// the chain's first actor decides: the subject, or an agent after "oleh"
		first := k - 1
		for first > 0 && out[first] {
			first--
		}
		act := an.ments[first]
		if !actorKind(act.kind) {
			continue
		}
		si := an.sentenceOf(act.a)
		if si < 0 {
			continue
		}
		if act.a < an.predicateStart(si) || d.lw(act.a-1) == "oleh" {
			out[k] = true
		}
	}
	return out
}

// datelineCounts tells whether the dateline's place answers di_mana (W3,
// W5): when the text names no other place, or when it ties the event to the
// dateline's city by naming a place that carries the city's name ("Pasar
// Raya Padang" under "PADANG –"). A bureau often files from elsewhere, so
// other places alone do not make the dateline the event's place. The place
// of an official's remark ties nothing (W7). places are the text's place
// ranges besides the dateline.
func (an *analysis) datelineCounts(places [][2]int) bool {
	d := an.d
	name := map[string]bool{}
	for i := an.dateline[0]; i < an.dateline[1]; i++ {
		if w := d.lw(i); !placeHeads[w] {
			name[w] = true
		}
	}
	if len(name) == 0 {
		return false
	}
	other := false
	for _, r := range places {
		if an.remarkPlace(r) {
			continue
		}
		has := 0
		for i := r[0]; i < r[1]; i++ {
			if name[d.lw(i)] {
				has++
			}
		}
		if has == len(name) {
			return true
		}
		other = true
	}
	return !other
}

// remarkPlace tells the place where an official spoke: "…, di Surabaya,
// Kamis, mengatakan" or "ujar Sekda di Kota Bogor".
func (an *analysis) remarkPlace(r [2]int) bool {
	d := an.d
	if d.lw(r[0]-1) != "di" {
		return false
	}
	for i, n := r[1], 0; i < len(d.toks) && n < 4; i++ {
		w := d.lw(i)
		if speechVerbs[w] || attribVerbs[w] {
			return true
		}
		if an.inDate[i] || w == "," {
			continue
		}
		n++
	}
	for i, n := r[0]-2, 0; i >= 0 && n < 5; i, n = i-1, n+1 {
		if attribVerbs[d.lw(i)] {
			return true
		}
		if d.toks[i].text == "." {
			break
		}
	}
	return false
}

// pointingPlaces are the nouns that, with "setempat", "tersebut", "itu" or a
// possessive, point back at a place named before ("di kabupaten setempat",
// "di wilayah tersebut", "di daerahnya").
var pointingPlaces = wordSet(`daerah wilayah kabupaten kota provinsi kecamatan desa kelurahan kawasan
lokasi tempat`)

// pointers close such a phrase.
var pointers = wordSet(`setempat tersebut itu ini`)

// pointingPhrases finds "di kabupaten setempat", "di wilayah tersebut",
// "di daerahnya" where a place or a region is named earlier in the same
// paragraph, as part of any mention (W1): the phrase then says where.
func (an *analysis) pointingPhrases() [][2]int {
	d := an.d
	var out [][2]int
	for i := 0; i+1 < len(d.toks); i++ {
		if w := d.lw(i); w != "di" && w != "ke" {
			continue
		}
		k := i + 1
		w := d.lw(k)
		e := 0
		switch {
		case pointingPlaces[w] && pointers[d.lw(k+1)]:
			e = k + 2
		case len(w) > 4 && w[len(w)-3:] == "nya" && pointingPlaces[w[:len(w)-3]]:
			e = k + 1
		default:
			continue
		}
		if an.placeBefore(i) {
			out = append(out, [2]int{i + 1, e})
		}
	}
	return out
}

// placeBefore tells whether a place or region is named in the paragraph
// before token i: a mention of a place, or an administrative area or region
// inside any mention ("Pemerintah Kota Suka").
func (an *analysis) placeBefore(i int) bool {
	start := 0
	for _, p := range an.d.paras {
		if p[0] <= i && i < p[1] {
			start = p[0]
		}
	}
	for _, m := range an.ments {
		if m.b > i || m.a < start {
			continue
		}
		if m.kind == mPlace || m.kind == mRegion {
			return true
		}
		for t := m.a; t < m.b; t++ {
			if adminAreas[an.d.lw(t)] {
				return true
			}
			if c, _ := an.classify(t); c == cRegion {
				return true
			}
		}
	}
	return false
}

// venueNouns name a building or ground; with a noun after them they are a
// place even in lower case ("di kantor kabupaten", "di rumah warga").
var venueNouns = wordSet(`kantor balai aula gedung rumah halaman pendopo pendapa masjid sekolah pasar
taman puskesmas kampus lapangan alun-alun posko posyandu`)

// sideNouns place something by another place ("di depan kantor", "di atas
// trotoar"); lowerPlaceNouns are what they place it by.
var (
	sideNouns       = wordSet(`depan belakang samping seberang sekitar atas`)
	lowerPlaceNouns = wordSet(`trotoar jalan ruas panggung gerbang pintu`)
)

// areaNouns are lower-case nouns that name a kind of area, a place alone
// ("di perkampungan", "ke pelosok"); spotNouns count places ("di enam
// titik").
var (
	areaNouns = wordSet(`perkampungan permukiman pemukiman pedesaan perdesaan perkotaan pedalaman
pelosok pesisir perbatasan trotoar`)
	spotNouns = wordSet(`tempat lokasi titik posko pos`)
)

// functionWords cannot follow a venue noun as its complement.
var functionWords = wordSet(`yang dan atau serta para sang si mana sini sana situ pun juga lagi saja
sendiri baru lama masing-masing kita kami mereka saya aku dia ia beliau anda kamu`)

// venuePhrases finds "di/ke + venue noun + noun" in lower case ("di kantor
// kabupaten", "di rumah warga") and "di depan kantor": a place of the event
// without a proper name (W1, W5).
func (an *analysis) venuePhrases() [][2]int {
	d := an.d
	var out [][2]int
	for i := 0; i+1 < len(d.toks); i++ {
		if w := d.lw(i); w != "di" && w != "ke" {
			continue
		}
		v := an.tok(i + 1)
		if v.kind != kWord || v.upper {
			continue
		}
		if areaNouns[v.lower] {
			out = append(out, [2]int{i + 1, i + 2}) // "di perkampungan"
			continue
		}
		if i+2 >= len(d.toks) {
			break
		}
		n := an.tok(i + 2)
		if n.nl > 0 || n.kind != kWord || an.inDate[i+2] {
			continue
		}
		switch {
		case numberWords[v.lower] || v.lower == "beberapa" || v.lower == "sejumlah":
			if spotNouns[n.lower] || placeHeads[n.lower] && !n.upper {
				out = append(out, [2]int{i + 1, i + 3}) // "di enam tempat"
			}
		case sideNouns[v.lower] || v.lower == "ruas":
			if venueNouns[n.lower] || lowerPlaceNouns[n.lower] || placeHeads[n.lower] {
				out = append(out, [2]int{i + 1, i + 3})
			}
		case strings.Contains(v.lower, "-") && venueNouns[v.lower[:strings.IndexByte(v.lower, '-')]]:
			out = append(out, [2]int{i + 1, i + 2}) // "ke sekolah-sekolah"
		case venueNouns[v.lower]:
			if !n.upper && !phraseStops[n.lower] && !aux[n.lower] && !isVerbWord(n.lower) &&
				!pointers[n.lower] && !functionWords[n.lower] {
				out = append(out, [2]int{i + 1, i + 3})
			}
		}
	}
	return out
}

// sortSpans orders spans by their start.
func sortSpans(s []Span) {
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
}

// tokenAt returns the index of the token starting at rune offset pos, or -1.
func (an *analysis) tokenAt(pos int) int {
	t := an.d.toks
	k := sort.Search(len(t), func(k int) bool { return t[k].start >= pos })
	if k < len(t) && t[k].start == pos {
		return k
	}
	return -1
}

// docNouns name documents, plans and funds whose year is part of their name
// ("Perda Nomor 2 Tahun 2020", "anggaran Inpres tahun 2023", "RKPD Tahun
// 2027"): such a year is no time of the event (K3, K6).
var docNouns = wordSet(`perda peraturan perbup perwali pergub perpres permen permendagri undang-undang
uu keputusan kepmen sk instruksi inpres edaran se surat anggaran apbd apbn apbdes dak dau rkpd rpjmd
rpjmn renstra renja dipa dpa rkp`)

// periodPreps put a document's year in time ("pada APBD 2025").
var periodPreps = wordSet(`pada selama dalam hingga sampai sepanjang`)

// anteriorWords open a clause about an earlier or later event ("Setelah
// menerima kunjungan presiden akhir pekan lalu, Bupati …").
var anteriorWords = wordSet(`setelah sesudah usai seusai sebelum pasca sejak`)

// otherEventDate tells a date that belongs to something other than the main
// event (E2, K3, K6): the year in a document's or fund's name, a date in an
// opening clause about an earlier event, a date of what the event follows up,
// and a target's deadline.
func (an *analysis) otherEventDate(dt Date) bool {
	d := an.d
	i := an.tokenAt(dt.Start)
	if i < 0 {
		return false
	}
	if dt.Day == 0 && dt.Month == 0 && dt.Weekday < 0 && !dt.Relative && !dt.Clock {
		for k := i - 1; k >= 0 && k >= i-8; k-- {
			t := an.tok(k)
			w := t.lower
			if docNouns[w] {
				return !periodPreps[d.lw(k-1)]
			}
			if t.kind == kWord && !t.upper && w != "nomor" && w != "no" && w != "tahun" {
				break
			}
			if t.kind == kPunct && w != "(" && w != ")" && w != "." {
				break
			}
		}
	}
	// the clause a date stands in, back to the last comma or sentence start
	for k, n := i-1, 0; k >= 0 && n < 12; k, n = k-1, n+1 {
		t := an.tok(k)
		w := t.lower
		if t.kind == kPunct && w != "(" && w != ")" && w != "." || t.nl > 0 {
			break
		}
		if anteriorWords[w] && (an.initial[k] || an.first[k]) && an.commaAfter(i) {
			return true
		}
		if w == "lanjut" && d.lw(k-1) == "tindak" || w == "menindaklanjuti" {
			return true
		}
		if (w == "target" || w == "ditargetkan" || w == "menargetkan" || w == "targetnya") && n < 4 {
			return true
		}
		if nx := d.lw(k + 1); w == "terakhir" && n < 4 && strings.HasPrefix(nx, "di") && isVerbWord(nx) {
			return true // "terakhir dibangun tahun 1994": the last time before (K3)
		}
	}
	return false
}

// commaAfter tells whether a comma closes the clause of token i before its
// sentence ends: the opening clause "Setelah …, " has one.
func (an *analysis) commaAfter(i int) bool {
	for k := i + 1; k < len(an.d.toks); k++ {
		t := an.tok(k)
		if t.text == "," {
			return true
		}
		if t.nl > 0 || t.text == "." || t.text == "?" || t.text == "!" {
			return false
		}
	}
	return false
}

// islamicPeriods are months and feasts of the Hijri calendar.
var islamicPeriods = wordSet(`ramadan ramadhan idulfitri iduladha idul syawal muharram lebaran
zulhijah dzulhijjah`)

// periodPhrases finds named periods that are no Date but say when (K1):
// "selama Ramadan 1445 Hijriah", "menjelang Idulfitri", and a recurring day
// ("setiap hari Jumat"; B7). Not the occasion of "menyambut Idulfitri"
// (mengapa), nor a season word inside a programme's name ("Pasar Murah
// Ramadan"; K6).
func (an *analysis) periodPhrases() [][2]int {
	d := an.d
	d.lookup()
	var out [][2]int
	for i := 0; i < len(d.toks); i++ {
		w := d.lw(i)
		switch {
		case d.flags[i]&fIslamic != 0 && islamicPeriods[w] && !d.inQ[i]:
			e := i + 1
			if w == "idul" {
				e++
			}
			hijri := e+1 < len(d.toks) && d.toks[e].kind == kNum && (d.lw(e+1) == "h" || d.lw(e+1) == "hijriah" || d.lw(e+1) == "hijriyah")
			a := i
			for a > 0 && (d.lw(a-1) == "bulan" || d.lw(a-1) == "suci" || d.lw(a-1) == "hari" || d.lw(a-1) == "raya") {
				a--
			}
			p := d.lw(a - 1)
			if p == "menyambut" || p == "memperingati" || d.lw(a-2) == "menyambut" {
				continue
			}
			if hijri {
				out = append(out, [2]int{a, e + 2})
				i = e + 1
			} else if p == "menjelang" || p == "jelang" || p == "selama" || p == "saat" || p == "pada" {
				out = append(out, [2]int{a - 1, e})
				i = e - 1
			}
		case (w == "setiap" || w == "tiap") && !d.inQ[i]:
			k := i + 1
			if d.lw(k) == "hari" {
				k++
			}
			if _, ok := weekdays[d.lw(k)]; ok {
				out = append(out, [2]int{i, k + 1})
				i = k
			}
		}
	}
	return out
}
