package grading

import (
	"fmt"
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
		if isHonorific(t.lower) || titleWords[t.lower] || titleAbbrev[t.lower] != "" || known[t.lower] || len([]rune(t.text)) < 3 {
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
		if f.inQuote(t.start) || !t.capital && !isHonorific(t.lower) && titleAbbrev[t.lower] == "" && t.lower != "dan" {
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
				if samePerson(strings.Join(words, " "), p.Nama) {
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
		jt := tokenize(p.Jabatan, len(p.Jabatan))
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
			if start < 0 {
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
