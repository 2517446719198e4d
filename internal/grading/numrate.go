package grading

import (
	"fmt"
	"strings"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// A count per item and a total are different facts: "lima orang dari
// setiap desa" is 90 people over 18 villages, "lima orang dari setiap
// kecamatan" another number of people, and "90 anggota dari setiap desa"
// 1.620. The release may keep the sheet's number and change what it is
// counted by: the item ("setiap kecamatan" for "setiap desa"), the total
// written per item, or the count per item written as a total ("lima orang
// utusan mengikuti pelatihan").

// releaseRateKey returns the item the distributive around the count at
// token i (its unit at u) counts by ("desa" for "dari setiap desa"), the
// distributive's token and the token naming the item, or "" when the count
// is not per item or its item is a period ("setiap hari"), which sameRate
// compares.
func releaseRateKey(f *field, i, u int) (key string, dist, noun int) {
	s := f.sentenceOf(f.toks[i].start)
	at := -1
	for k := max(i-4, 0); k <= min(u+2, len(f.toks)-1); k++ {
		if distributives[f.toks[k].lower] && f.sentenceOf(f.toks[k].start) == s {
			at = k
			break
		}
	}
	if at < 0 && distributiveSubject(f, i) {
		at, _ = f.tokRange(f.sents[s].Start, f.sents[s].End)
	}
	if at < 0 || at+1 >= len(f.toks) {
		return "", -1, -1
	}
	if _, period := periodWords[f.toks[at].lower]; period {
		return "", -1, -1
	}
	n := f.toks[at+1]
	if _, period := periodNouns[n.lower]; period || n.num || n.capital || extract.IsNumberWord(n.lower) || f.slice(f.toks[at].end, n.start) != " " {
		return "", -1, -1 // "setiap hari", "setiap Senin"
	}
	return n.lower, at, at + 1
}

// itemRates returns the items (not periods) a sheet figure is counted by,
// with the words that say it ("dari setiap desa").
func itemRates(fig Figure) (map[string]bool, string) {
	rates, ok := figureRates(fig)
	if !ok {
		return nil, ""
	}
	items, phrase := map[string]bool{}, ""
	toks := tokenize(fig.Keterangan, len([]rune(fig.Keterangan)))
	rs := []rune(fig.Keterangan)
	for k, t := range toks {
		if !distributives[t.lower] {
			continue
		}
		key := rateKey(toks, k)
		if _, period := periodNouns[key]; period || !rates[key] {
			continue
		}
		items[key] = true
		if phrase == "" && k+1 < len(toks) {
			s := k
			if k > 0 && distributivePreps[toks[k-1].lower] {
				s = k - 1
			}
			phrase = string(rs[toks[s].start:toks[k+1].end])
		}
	}
	return items, phrase
}

// checkRateSwap flags the sheet's number counted by another item, a total
// written per item, and a count per item written as a total. i is the
// count's first token, j the token after its number, unit its noun and
// from the start of its qualifier. It reports whether it added a kesalahan.
func (g *grader) checkRateSwap(f *field, i, j, unit, from int, num wordNum, b *Brief) bool {
	if !num.exact() || f.inQuote(f.toks[i].start) {
		return false
	}
	key, dist, keyTok := releaseRateKey(f, i, unit)
	if key != "" && !partPlaces[key] && !itemNouns[key] && !sheetUnitWord(b, key) {
		// "Setiap tim terdiri atas lima orang": a team is no item the
		// sheet's count is spread over.
		key = ""
	}
	people := f.toks[j].lower == "orang"
	start := f.toks[from].start
	add := func(s, e int, sheet, why, fix string) bool {
		g.add(f.finding("angka-bertentangan", SevKesalahan, s, e,
			fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s. %s", f.slice(s, e), sheet, why), fix))
		return true
	}
	// The passage runs from the count or its distributive, whichever
	// comes first, to the other; the fix names the sheet's item instead.
	span := func(item string) (int, int, string) {
		s, e := min(start, f.toks[dist].start), max(f.toks[unit].end, f.toks[keyTok].end)
		return s, e, f.slice(s, f.toks[keyTok].start) + item + f.slice(f.toks[keyTok].end, e)
	}
	after := key != "" && dist > unit && !strings.ContainsAny(f.slice(f.toks[unit].end, f.toks[dist].start), ",;:()–—")
	for _, fig := range b.Angka {
		sameUnit := figureUnitMatches(f.toks[unit].lower, fig)
		if fig.Nilai != num.lo && (key == "" || !sameUnit && !people) {
			continue // no case below can hold; spare reading the description
		}
		per, hasPer := figureBreakdown(fig)
		items, phrase := itemRates(fig)
		switch {
		case key != "" && hasPer && per.n == num.lo && per.key != key && (sameUnit || people && strings.HasSuffix(per.text, " orang")):
			// "dua orang di setiap desa" for the sheet's "dua orang di setiap posyandu".
			ps, pe, fix := span(per.key)
			return add(ps, pe, per.text+" "+per.item, "Menghitung per satuan yang lain mengubah jumlah seluruhnya; tulis satuannya seperti di lembar fakta.", fix)
		case key != "" && len(items) > 0 && !items[key] && fig.Nilai == num.lo && (sameUnit || people && firstWord(fig.Satuan) == "orang"):
			// "lima orang dari setiap kecamatan" for "lima orang … dari setiap desa".
			var want string
			for w := range items {
				want = w
			}
			ps, pe, fix := span(want)
			return add(ps, pe, releaseNumber(fig.Nilai)+" "+fig.Satuan+" "+phrase, "Menghitung per satuan yang lain mengubah jumlah seluruhnya; tulis satuannya seperti di lembar fakta.", fix)
		case after && !hasPer && len(items) == 0 && !rateFigure(fig) && fig.Nilai == num.lo && sameUnit:
			// "90 anggota dari setiap desa" for the sheet's 90 anggota in all.
			return add(start, f.toks[keyTok].end, releaseNumber(fig.Nilai)+" "+fig.Satuan+" seluruhnya", "Jumlah seluruhnya yang ditulis per satuan melipatgandakan angkanya; tulis jumlah itu tanpa \"setiap\".", f.slice(start, f.toks[unit].end))
		case key == "" && len(items) > 0 && fig.Nilai == num.lo && sameUnit && f.toks[unit].lower != firstWord(fig.Satuan):
			// "lima orang utusan mengikuti pelatihan": the count per village as the total.
			return add(start, f.toks[unit].end, releaseNumber(fig.Nilai)+" "+fig.Satuan+" "+fig.Keterangan, "Tanpa \""+phrase+"\" angka itu terbaca sebagai jumlah seluruhnya; tulis per satuannya seperti di lembar fakta.", f.slice(start, f.toks[unit].end)+" "+phrase)
		}
	}
	return false
}

// itemNouns are the places and offices a count may be spread over besides
// the administrative areas of partPlaces.
var itemNouns = map[string]bool{
	"posyandu": true, "puskesmas": true, "sekolah": true, "opd": true, "dinas": true, "kantor": true, "kabupaten": true,
	"kota": true, "provinsi": true, "lokasi": true, "pos": true, "balai": true,
}

// sheetUnitWord reports a word that is the unit of a sheet figure ("desa").
func sheetUnitWord(b *Brief, w string) bool {
	for _, fig := range b.Angka {
		if firstWord(fig.Satuan) == w {
			return true
		}
	}
	return false
}
