package grading

import (
	"fmt"
	"strings"
)

// Places against the sheet's own places: a release that puts the sheet's
// village in another of the sheet's districts ("Desa Sukasari, Kecamatan
// Cibeureum" where the sheet's Desa Sukasari lies in Kecamatan Cikadu), or
// says that something the sheet places happens elsewhere ("simulasi
// evakuasi di Desa Sukasari" for the sheet's Desa Cijambu, "dapat diambil
// di kantor Disdukcapil" for its Kantor Kecamatan Cikadu), sends readers to
// the wrong place with words that each look right.

// areaUnit is an area or a building with its name: "Desa Sukasari",
// "Posyandu Melati".
type areaUnit struct {
	head, key string
	lo, hi    int
}

// chainHeads head the units of a place chain.
var chainHeads = map[string]bool{"posyandu": true, "puskesmas": true, "pustu": true, "polindes": true}

// areaChains returns the runs of units written one after another ("Posyandu
// Melati, Desa Sukasari, Kecamatan Cikadu") in toks.
func areaChains(toks []token, gap func(a, b int) string) [][]areaUnit {
	var chains [][]areaUnit
	var cur []areaUnit
	last := -2
	for i := 0; i < len(toks); i++ {
		h := toks[i].lower
		if !placeHeads[h] && !chainHeads[h] {
			continue
		}
		hi := i
		for hi+1 < len(toks) && hi-i < 3 && gap(hi, hi+1) == " " && toks[hi+1].capital && !toks[hi+1].num &&
			!placeHeads[toks[hi+1].lower] && !chainHeads[toks[hi+1].lower] {
			hi++
		}
		if hi == i {
			continue
		}
		names := make([]string, 0, hi-i)
		for _, t := range toks[i+1 : hi+1] {
			names = append(names, t.lower)
		}
		u := areaUnit{head: h, key: h + " " + strings.Join(names, " "), lo: i, hi: hi}
		if last >= 0 && last+1 == i && (gap(last, i) == ", " || gap(last, i) == " ") {
			cur = append(cur, u)
		} else {
			if len(cur) > 1 {
				chains = append(chains, cur)
			}
			cur = []areaUnit{u}
		}
		last = hi
		i = hi
	}
	if len(cur) > 1 {
		chains = append(chains, cur)
	}
	return chains
}

// sheetTexts are the sheet's prose: its fields, offices and the notes of
// its figures (not the quotes, which are the speakers' words).
func sheetTexts(b *Brief) []string {
	texts := []string{b.Apa, b.DiMana, b.Mengapa, b.Bagaimana}
	for _, p := range b.Siapa {
		texts = append(texts, p.Jabatan)
	}
	for _, fig := range b.Angka {
		texts = append(texts, fig.Keterangan)
	}
	return texts
}

// checkPlaceChains reports a unit of the sheet placed in another area of
// the sheet than the sheet places it, and a statement of the sheet said of
// another place; it returns the number of kesalahan.
func (g *grader) checkPlaceChains(f *field, b *Brief) int {
	parent := map[string]map[string]string{} // unit key → area head → the sheet's area
	type placed struct{ before, place string }
	var statements []placed
	for _, s := range sheetTexts(b) {
		toks, rs := tokenize(s, len([]rune(s))), []rune(s)
		gap := func(a, c int) string { return string(rs[toks[a].end:toks[c].start]) }
		for _, ch := range areaChains(toks, gap) {
			for i, u := range ch {
				for _, a := range ch[i+1:] {
					if parent[u.key] == nil {
						parent[u.key] = map[string]string{}
					}
					if _, ok := parent[u.key][a.head]; !ok {
						parent[u.key][a.head] = string(rs[toks[a.lo].start:toks[a.hi].end])
					}
				}
			}
		}
		placeRuns(toks, gap, func(lo, hi int, prep string) {
			if prep == "di" && lo >= 3 && gap(lo-3, lo-2) == " " && gap(lo-2, lo-1) == " " {
				statements = append(statements, placed{toks[lo-3].lower + " " + toks[lo-2].lower, string(rs[toks[lo].start:toks[hi].end])})
			}
		})
	}
	n := 0
	gap := func(a, c int) string { return f.slice(f.toks[a].end, f.toks[c].start) }
	owners := nameOwners(b)
	for _, ch := range areaChains(f.toks, gap) {
		for i, u := range ch {
			for _, a := range ch[i+1:] {
				// "Desa Sukasari Euis Komalasari": the name after the area,
				// written without a comma, is no part of it.
				for a.hi > a.lo+1 && owners[f.toks[a.hi].lower] != 0 {
					a.hi--
				}
				want, ok := parent[u.key][a.head]
				if !ok || strings.EqualFold(want, strings.Join(strings.Fields(f.slice(f.toks[a.lo].start, f.toks[a.hi].end)), " ")) ||
					f.inQuote(f.toks[a.lo].start) || g.placeReported(f, f.toks[a.lo].start) {
					continue
				}
				s, e := f.toks[a.lo].start, f.toks[a.hi].end
				n++
				g.add(f.finding("tempat-bertentangan", SevKesalahan, s, e,
					fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta: %s ada di %s. Wilayah yang salah membuat warga mencari ke tempat yang keliru; salin wilayahnya dari lembar fakta.", f.slice(s, e), f.slice(f.toks[u.lo].start, f.toks[u.hi].end), want), want))
			}
		}
	}
	placeRuns(f.toks, gap, func(lo, hi int, prep string) {
		if prep != "di" || lo < 3 || f.inQuote(f.toks[lo].start) || gap(lo-3, lo-2) != " " || gap(lo-2, lo-1) != " " {
			return
		}
		before := f.toks[lo-3].lower + " " + f.toks[lo-2].lower
		s, e := f.toks[lo].start, f.toks[hi].end
		place := f.slice(s, e)
		for _, st := range statements {
			if st.before != before || samePlace(place, st.place) || g.placeReported(f, s) {
				continue
			}
			n++
			g.add(f.finding("tempat-bertentangan", SevKesalahan, s, e,
				fmt.Sprintf("Menurut lembar fakta, \"%s di %s\", bukan di \"%s\". Tempat yang salah membuat warga datang ke lokasi yang keliru; salin tempatnya dari lembar fakta.", before, st.place, place), st.place))
			return
		}
	})
	return n
}

// samePlace reports whether the release's place names the sheet's, or a
// part of it ("Kantor Kecamatan Cikadu" for "Kantor Kecamatan Cikadu,
// Kabupaten Sukamaju"; "Desa Cijambu" for "Balai Desa Cijambu").
func samePlace(release, sheet string) bool {
	sheetWords := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(strings.NewReplacer(",", " ", ".", " ").Replace(sheet))) {
		sheetWords[w] = true
	}
	for _, w := range strings.Fields(strings.ToLower(strings.NewReplacer(",", " ", ".", " ").Replace(release))) {
		if !sheetWords[w] {
			return false
		}
	}
	return true
}
