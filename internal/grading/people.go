package grading

import (
	"fmt"
	"regexp"
	"strings"
)

// People of the sheet: a release may name only them, by their full names,
// and each office of the sheet belongs to the person the sheet gives it.

// briefVocabulary is every lower-case word the sheet itself uses outside
// its people's names: capitalised words from it are offices and places,
// not people.
func briefVocabulary(b *Brief) map[string]bool {
	known := map[string]bool{}
	for _, s := range []string{b.Apa, b.DiMana, b.Mengapa, b.Bagaimana} {
		for _, t := range tokenize(s, len(s)) {
			known[t.lower] = true
		}
	}
	for _, p := range b.Siapa {
		for _, t := range tokenize(p.Jabatan, len(p.Jabatan)) {
			known[t.lower] = true
		}
	}
	return known
}

// personRun returns the capitalised name words that follow token i
// (separated by single spaces), skipping honorifics and office words:
// "Bupati Sukamaju, Hendra Gunawan" after "kata" gives Hendra Gunawan.
func personRun(f *field, from int, known map[string]bool) (lo, hi int, words []string) {
	lo, hi = -1, -1
	for j := from; j < len(f.toks) && j < from+12; j++ {
		t := f.toks[j]
		if f.inQuote(t.start) || !t.capital || t.allCaps && len([]rune(t.text)) > 1 {
			if lo >= 0 || !t.capital {
				break
			}
			continue
		}
		if personHonorific(t.lower) || titleWords[t.lower] || titleAbbrev[t.lower] != "" || known[t.lower] || len([]rune(t.text)) < 3 {
			if lo >= 0 {
				break
			}
			continue
		}
		if lo >= 0 && f.slice(f.toks[j-1].end, t.start) != " " {
			break
		}
		if lo < 0 {
			lo = j
		}
		hi = j
		words = append(words, t.text)
		if j+1 < len(f.toks) && f.slice(t.end, f.toks[j+1].start) != " " {
			break
		}
	}
	return lo, hi, words
}

// namesSheetPerson reports whether the run of capitalised words, titles and
// honorifics from token from (before hi) holds a name of a sheet person.
func namesSheetPerson(f *field, from, hi int, b *Brief) bool {
	for j := from; j < hi && j < from+12; j++ {
		t := f.toks[j]
		if f.inQuote(t.start) || !t.capital && !personHonorific(t.lower) && titleAbbrev[t.lower] == "" && t.lower != "dan" {
			return false
		}
		for _, p := range b.Siapa {
			for _, n := range nameTokens(p.Nama) {
				if strings.EqualFold(n, t.text) {
					return true
				}
			}
		}
	}
	return false
}

// quoteOtherSpeaker returns the name of a person outside the sheet whom the
// attribution of quote q names ("kata Bupati Sukamaju, Hendra Gunawan"),
// with its span; own limits the search to the quote's own sentences, where
// an attribution outweighs the sentence next to it; ok is false when the attribution names nobody or only
// people of the sheet.
func (g *grader) quoteOtherSpeaker(f *field, qStart, qEnd int, b *Brief, known map[string]bool, own bool) (name string, s, e int, ok bool) {
	first, last := f.sentenceOf(qStart), f.sentenceOf(max(qEnd-1, qStart))
	if first < 0 || last < 0 {
		return "", 0, 0, false
	}
	attr := g.attributedSentences(f)
	look := func(sn int) bool {
		lo, hi := f.tokRange(f.sents[sn].Start, f.sents[sn].End)
		for i := lo; i < hi; i++ {
			t := f.toks[i]
			if !attributionWords[t.lower] || f.inQuote(t.start) {
				continue
			}
			// The name stands right after the attribution word ("kata
			// Dewi") or as the appositive after the office ("kata Bupati
			// Sukamaju, Hendra Gunawan"); a capitalised word inside the
			// office is an agency, not a person.
			at := i + 1
			for j := i + 1; j < hi && j < i+12; j++ {
				if !f.toks[j].capital && f.toks[j].lower != "dan" {
					break
				}
				if j+1 < hi && strings.TrimSpace(f.slice(f.toks[j].end, f.toks[j+1].start)) == "," {
					at = j + 1
					break
				}
			}
			if at == i+1 && namesSheetPerson(f, i+1, hi, b) {
				// "kata Kadinkes dr. Rahmat Hidayat": a title without a
				// comma before the sheet's name is not another speaker.
				return false
			}
			a, z, words := personRun(f, at, known)
			if a != at || z >= hi {
				continue
			}
			for _, p := range b.Siapa {
				if samePerson(strings.Join(words, " "), p.Nama) || shortOfficeOf(words[0], officeCore(p.Jabatan)) {
					return false
				}
			}
			name, s, e = strings.Join(words, " "), f.toks[a].start, f.toks[z].end
			return true
		}
		return false
	}
	for sn := first; sn <= last; sn++ {
		if attr[sn] && look(sn) {
			return name, s, e, true
		}
	}
	for _, sn := range []int{first - 1, last + 1} {
		if !own && sn >= 0 && sn < len(f.sents) && attr[sn] && !g.sentenceHasQuote(f, sn) && look(sn) {
			return name, s, e, true
		}
	}
	return "", 0, 0, false
}

// checkOfficeHolders flags an office of the sheet given to another name:
// "Kepala Dinas …, Dewi Lestari" when the sheet says Rina Marlinawati holds
// it. The office is recognised by its first and last words ("Kepala
// Disdukcapil Kabupaten Sukamaju" is the sheet's "Kepala Dinas … Kabupaten
// Sukamaju"), followed by a comma and the name.
func (g *grader) checkOfficeHolders(f *field, b *Brief, known map[string]bool) int {
	n := 0
	for _, p := range b.Siapa {
		jabatan := officeCore(p.Jabatan)
		jt := tokenize(jabatan, len(jabatan))
		if len(jt) < 2 || len(nameTokens(p.Nama)) == 0 {
			continue
		}
		head, tail := jt[0].lower, jt[len(jt)-1].lower
		for i, t := range f.toks {
			if t.lower != tail || i+1 >= len(f.toks) || strings.TrimSpace(f.slice(t.end, f.toks[i+1].start)) != "," {
				continue
			}
			start := -1
			for k := i - 1; k >= 0 && k >= i-12; k-- {
				tk := f.toks[k]
				if !tk.capital && tk.lower != "dan" || strings.ContainsAny(f.slice(tk.end, f.toks[k+1].start), ".,;:\n") {
					break
				}
				if tk.lower == head {
					start = k
					break
				}
			}
			// "Kepala Seksi Kedaruratan BPBD" is not the sheet's "Kepala
			// Pelaksana BPBD": another part of the office, another holder.
			if start < 0 || otherUnit(f.toks[start:i+1], jabatan) || otherLevel(f.toks[start:i+1], jabatan) || otherBody(f.toks[start:i+1], jabatan) {
				continue
			}
			a, z, words := personRun(f, i+1, known)
			if a != i+1 || len(words) == 0 || samePerson(strings.Join(words, " "), p.Nama) {
				continue
			}
			n++
			g.add(f.finding("nama-bertentangan", SevKesalahan, f.toks[a].start, f.toks[z].end,
				fmt.Sprintf("Menurut lembar fakta, %s adalah %s, bukan %s. Nama pejabat yang salah adalah kesalahan fakta; tulis nama sesuai dengan lembar fakta.", p.Jabatan, p.Nama, strings.Join(words, " ")),
				p.Nama))
		}
	}
	return n
}

// checkPartialNames flags a sheet name written with another word after a
// name word of the person: "Rina Marlina" for Rina Marlinawati. A name word
// alone ("kata Rina") is a later reference and stays fine; a word one or two
// letters off is checkNames' misspelling.
func (g *grader) checkPartialNames(f *field, b *Brief, known map[string]bool) int {
	n := 0
	for pi, p := range b.Siapa {
		names := nameTokens(p.Nama)
		for k := 0; k+1 < len(names); k++ {
			want := strings.ToLower(names[k+1])
			for i, t := range f.toks {
				if t.lower != strings.ToLower(names[k]) || i+1 >= len(f.toks) || f.slice(t.end, f.toks[i+1].start) != " " {
					continue
				}
				next := f.toks[i+1]
				if !next.capital || next.lower == want || known[next.lower] || len([]rune(next.text)) < 3 || titleWords[next.lower] || isHonorific(next.lower) {
					continue
				}
				if maxD := min(NameEditMax, len([]rune(next.text))/4); len([]rune(next.text)) >= NameMinRunes && editDistance(next.lower, want, maxD) <= maxD {
					continue // misspelling: checkNames reports it
				}
				other := false
				for qi, q := range b.Siapa {
					if qi != pi && samePerson(next.text, q.Nama) {
						other = true
					}
				}
				if other {
					continue
				}
				n++
				s, e := t.start, next.end
				g.add(f.finding("nama-bertentangan", SevKesalahan, s, e,
					fmt.Sprintf("Nama \"%s\" tidak sesuai dengan lembar fakta: \"%s\". Tulis nama lengkap narasumber persis seperti di lembar fakta.", f.slice(s, e), p.Nama),
					strings.Join(names[k:k+2], " ")))
			}
		}
	}
	return n
}

// Offices and forms of address of the sheet's people.

// socialHonorifics address a person before the name; male and female ones
// (with H. and Hj.) show the person's sex.
var (
	socialHonorifics = map[string]bool{"bapak": true, "pak": true, "ibu": true, "bu": true, "sdr": true, "saudara": true, "saudari": true, "tuan": true, "nyonya": true, "ny": true}
	maleHonorifics   = map[string]bool{"bapak": true, "pak": true, "h": true, "tuan": true, "saudara": true, "kh": true}
	femaleHonorifics = map[string]bool{"ibu": true, "bu": true, "hj": true, "nyonya": true, "ny": true, "saudari": true}
	// academicTitles are degrees and professions before a name: "dr." is a
	// physician, "drg." a dentist, "Ir." an engineer.
	academicTitles = map[string]bool{"dr": true, "drg": true, "drh": true, "drs": true, "dra": true, "ir": true, "prof": true, "apt": true, "ns": true, "bd": true}
)

// firstInSentence reports a token that opens its sentence, where any
// abbreviation is capitalised.
func firstInSentence(f *field, k int) bool {
	return k == 0 || f.sentenceOf(f.toks[k-1].start) != f.sentenceOf(f.toks[k].start)
}

// hajjTitles mark a person who made the pilgrimage: a fact about them.
var hajjTitles = map[string]bool{"h": true, "hj": true, "kh": true}

// degreeAfterRe matches a degree written after a name: ", M.Kes.",
// ", S.H.", ", Ph.D.".
var degreeAfterRe = regexp.MustCompile(`^, ((?:[A-Z][A-Za-z]{0,3}\.){2,4})`)

// degreeAfter returns the degree written right after the name ending at
// token hi, or "".
func degreeAfter(f *field, hi int) string {
	rest := f.text[f.offs[f.toks[hi].end]:]
	m := degreeAfterRe.FindStringSubmatch(rest)
	if m == nil {
		return ""
	}
	return m[1]
}

// personHonorific reports a word that stands before a person's name.
func personHonorific(w string) bool {
	return isHonorific(w) || socialHonorifics[w] || academicTitles[w]
}

// nearestTitle returns the title word of the office that ends at token j
// and is written right before a name, with the title words joined to it
// ("Wakil Bupati", "Plt. Kepala"), or -1. A title further back belongs to
// another office ("Sekda dan Bupati Dadang").
func nearestTitle(f *field, j int) int {
	for k := j; k >= 0 && k >= j-officeReach; k-- {
		tk := f.toks[k]
		if !tk.capital || k < j && f.slice(tk.end, f.toks[k+1].start) != " " {
			return -1
		}
		if !titleWords[tk.lower] && titleAbbrev[tk.lower] == "" {
			continue
		}
		for k > 0 && f.slice(f.toks[k-1].end, tk.start) == " " && f.toks[k-1].capital &&
			(titleWords[f.toks[k-1].lower] || titlePrefixes[f.toks[k-1].lower]) {
			k--
			tk = f.toks[k]
		}
		return k
	}
	return -1
}

// unitNouns name a part of an office ("Kepala Bidang", "Kepala Seksi");
// unitAbbrev the part a short title names ("Kabid" is Kepala Bidang).
var (
	unitNouns = map[string]string{
		"bidang": "bidang", "seksi": "seksi", "bagian": "bagian", "subbagian": "subbagian", "subbag": "subbagian",
		"subbidang": "subbidang", "subbid": "subbidang", "sekretariat": "sekretariat", "uptd": "uptd", "upt": "uptd",
		"cabang": "cabang", "unit": "unit",
	}
	unitAbbrev = map[string]string{"kabid": "bidang", "kasi": "seksi", "kasie": "seksi", "kabag": "bagian", "kasubag": "subbagian", "kasubbag": "subbagian", "kasubid": "subbidang"}
)

// officeUnits returns the parts of an office its words name.
func officeUnits(words []string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words {
		if u, ok := unitNouns[w]; ok {
			out[u] = true
		}
		if u, ok := unitAbbrev[w]; ok {
			out[u] = true
		}
	}
	return out
}

// otherUnit reports an office that heads another part of the organisation
// than the sheet's: "Kepala Bidang Pelayanan Disdukcapil" or "Kabid …" for
// the sheet's Kepala Dinas, "Kepala Seksi" for "Kepala Bidang".
func otherUnit(office []token, jabatan string) bool {
	var got, want []string
	for _, t := range office {
		got = append(got, t.lower)
	}
	for _, t := range tokenize(jabatan, len([]rune(jabatan))) {
		want = append(want, t.lower)
	}
	a, b := officeUnits(got), officeUnits(want)
	if len(a) != len(b) {
		return true
	}
	for u := range a {
		if !b[u] {
			return true
		}
	}
	return false
}

// checkPersonTitles compares the degrees and forms of address written
// before a sheet person's name with the sheet: a degree the sheet does not
// give ("drg. Rahmat Hidayat" for dr. Rahmat Hidayat, "Ir." added) is a
// wrong fact about the person (kesalahan); "Ibu" or "Hj." for a man the
// sheet writes "H.", or "Bapak" for a woman it writes "Hj.", addresses the
// person wrongly (peringatan). Leaving a degree out is the newsroom's
// choice and no error. It returns the number of kesalahan.
func (g *grader) checkPersonTitles(f *field, b *Brief) int {
	n := 0
	for _, p := range b.Siapa {
		names := nameTokens(p.Nama)
		if len(names) == 0 {
			continue
		}
		degrees, male, female, hajj := map[string]bool{}, false, false, false
		written := map[string]string{} // "dr" → "dr": the sheet's spelling
		for _, t := range tokenize(p.Nama, len([]rune(p.Nama))) {
			degrees[t.lower] = degrees[t.lower] || academicTitles[t.lower]
			male = male || maleHonorifics[t.lower]
			female = female || femaleHonorifics[t.lower]
			hajj = hajj || hajjTitles[t.lower]
			written[t.lower] = t.text
		}
		isName := map[string]bool{}
		for _, nm := range names {
			isName[strings.ToLower(nm)] = true
		}
		// Without H. or Hj. in the sheet, the release's first form of
		// address is the one the rest must keep: "Ibu Rina" then "Bapak
		// Rina" is wrong once.
		firstMale, firstPassage := false, ""
		for i, t := range f.toks {
			if !isName[t.lower] || i == 0 || f.inQuote(t.start) || !personHonorific(f.toks[i-1].lower) {
				continue
			}
			lo := i
			for lo > 0 && personHonorific(f.toks[lo-1].lower) && f.toks[lo-1].capital || lo > 0 && personHonorific(f.toks[lo-1].lower) && academicTitles[f.toks[lo-1].lower] {
				if gap := strings.TrimSpace(f.slice(f.toks[lo-1].end, f.toks[lo].start)); gap != "" && gap != "." {
					break
				}
				lo--
			}
			hi := i
			for hi+1 < len(f.toks) && isName[f.toks[hi+1].lower] && f.slice(f.toks[hi].end, f.toks[hi+1].start) == " " {
				hi++
			}
			s, e := f.toks[lo].start, f.toks[hi].end
			var wrongDegree, wrongAddress, why string
			for k, h := range f.toks[lo:i] {
				wrote := h.text
				if f.at(h.end) == '.' {
					wrote += "."
				}
				switch {
				case academicTitles[h.lower] && !degrees[h.lower]:
					wrongDegree = wrote
				case h.lower == "dr" && degrees["dr"] && h.text != written["dr"] && !(k == 0 && firstInSentence(f, lo)):
					// "Dr." is a doctorate, "dr." a physician.
					wrongDegree = wrote
					why = " \"Dr.\" menandai doktor, sedangkan \"dr.\" menandai dokter."
				case hajjTitles[h.lower] && !hajj:
					// "Hj. Siti Nurhalimah" where the sheet gives no hajj title.
					wrongAddress = wrote
					why = "hajj"
				case male && femaleHonorifics[h.lower] || female && maleHonorifics[h.lower]:
					wrongAddress = wrote
				case !male && !female && (maleHonorifics[h.lower] || femaleHonorifics[h.lower]):
					if firstPassage == "" {
						firstMale, firstPassage = maleHonorifics[h.lower], f.slice(s, e)
					} else if firstMale != maleHonorifics[h.lower] {
						wrongAddress = wrote
					}
				}
			}
			if wrongDegree == "" {
				// "dr. Rahmat Hidayat, M.Kes.": a degree after the name.
				if d := degreeAfter(f, hi); d != "" && !strings.Contains(p.Nama, d) {
					wrongDegree, e = d, f.toks[hi].end+len([]rune(", "+d))
				}
			}
			if wrongDegree != "" {
				n++
				g.add(f.finding("gelar-bertentangan", SevKesalahan, s, e,
					fmt.Sprintf("Gelar \"%s\" pada \"%s\" tidak sesuai dengan lembar fakta, yang menulis \"%s\". Gelar menyatakan keahlian narasumber; gelar yang salah adalah kesalahan fakta, jadi tulis nama dan gelarnya persis seperti di lembar fakta.%s", wrongDegree, f.slice(s, e), p.Nama, why),
					p.Nama))
				continue
			}
			if why == "hajj" {
				g.add(f.finding("sapaan-bertentangan", SevPeringatan, s, e,
					fmt.Sprintf("Gelar \"%s\" pada \"%s\" tidak ada di lembar fakta, yang menulis \"%s\". Gelar haji adalah fakta tentang narasumber; tulis gelar hanya bila lembar fakta menyebutnya.", wrongAddress, f.slice(s, e), p.Nama),
					p.Nama))
				continue
			}
			if wrongAddress != "" && !male && !female {
				g.add(f.finding("sapaan-bertentangan", SevPeringatan, s, e,
					fmt.Sprintf("Sapaan \"%s\" pada \"%s\" tidak sesuai dengan \"%s\" sebelumnya: satu narasumber disapa sebagai laki-laki dan sebagai perempuan. Periksa sapaan %s dan tulis sama di seluruh rilis.", wrongAddress, f.slice(s, e), firstPassage, p.Nama),
					""))
				continue
			}
			if wrongAddress != "" {
				sex := "laki-laki"
				if female {
					sex = "perempuan"
				}
				g.add(f.finding("sapaan-bertentangan", SevPeringatan, s, e,
					fmt.Sprintf("Sapaan \"%s\" pada \"%s\" tidak sesuai dengan lembar fakta: %s adalah %s. Sapaan yang keliru menyinggung narasumber dan membuat pembaca ragu pada ketelitian rilis.", wrongAddress, f.slice(s, e), p.Nama, sex),
					p.Nama))
			}
		}
	}
	return n
}

// officeDiffers reports an office that is not the sheet's jabatan: another
// title, a qualifier dropped, another area or another part of the
// organisation. office starts at its title word (after "Plt." and the like).
func officeDiffers(office []token, jabatan string) bool {
	want := firstWord(jabatan)
	if w, ok := titleAbbrev[want]; ok {
		want = w
	}
	got := office[0].lower
	if w, ok := titleAbbrev[got]; ok {
		got = w
	}
	dropped := droppedQualifier(office[1:], jabatan) && unitAbbrev[office[0].lower] == ""
	return got != want || dropped || otherArea(office, jabatan) || otherUnit(office, jabatan) || otherBody(office, jabatan)
}

// checkTitlesAfterName flags a sheet person's office written after the
// name ("Rina Marlinawati, Sekretaris Disdukcapil", "Rina Marlinawati
// selaku Sekretaris Disdukcapil") that is not the sheet's, as checkTitles
// does for an office before the name.
func (g *grader) checkTitlesAfterName(f *field, b *Brief) int {
	n := 0
	other := nameOwners(b) // name words of the sheet's people, by person
	for pi, p := range b.Siapa {
		names := nameTokens(p.Nama)
		jabatan := officeCore(p.Jabatan)
		if len(names) == 0 || firstWord(jabatan) == "" {
			continue
		}
		last := strings.ToLower(names[len(names)-1])
		for i, t := range f.toks {
			if t.lower != last || i+2 >= len(f.toks) || f.inQuote(t.start) {
				continue
			}
			k := i + 1
			switch gap := f.slice(t.end, f.toks[k].start); {
			case gap == ", ":
			case gap == " " && (f.toks[k].lower == "selaku" || f.toks[k].lower == "sebagai") && f.slice(f.toks[k].end, f.toks[k+1].start) == " ":
				k++
			default:
				continue
			}
			for k < len(f.toks) && titlePrefixes[f.toks[k].lower] && f.toks[k].capital {
				k++
			}
			k = skipActing(f, k)
			if k >= len(f.toks) || !f.toks[k].capital || !titleWords[f.toks[k].lower] && titleAbbrev[f.toks[k].lower] == "" {
				continue
			}
			end, ok := capitalOfficeEnd(f, k, other, pi)
			if !ok {
				continue
			}
			if !officeDiffers(f.toks[k:end+1], jabatan) {
				continue
			}
			n++
			s, e := f.toks[k].start, f.toks[end].end
			g.addOfficeMismatch(f, s, e, p)
		}
	}
	return n
}

// shortOfficeOf reports a short office name ("Kadisdukcapil", "Kadinkes",
// "Kadiskominfo": Ka- and the dinas's short name) that stands for jabatan,
// a "Kepala Dinas …": the short name's letters after "dis"/"din" follow the
// order of the words after "Dinas", each of them giving at least one.
func shortOfficeOf(word, jabatan string) bool {
	w := strings.ToLower(word)
	if !strings.HasPrefix(w, "kadis") && !strings.HasPrefix(w, "kadin") || len(w) < 7 {
		return false
	}
	rest := w[5:]
	jt := tokenize(jabatan, len([]rune(jabatan)))
	if len(jt) < 3 || jt[0].lower != "kepala" || jt[1].lower != "dinas" {
		return false
	}
	k := 0
	for _, t := range jt[2:] {
		if t.lower == "kabupaten" || t.lower == "kota" || t.lower == "provinsi" {
			break
		}
		if t.lower == "dan" {
			continue
		}
		from := k
		for i := 0; i < len(t.lower) && k < len(rest); i++ {
			if t.lower[i] == rest[k] {
				k++
			}
		}
		if k == from {
			return false
		}
	}
	return k == len(rest)
}
