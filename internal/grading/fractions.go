package grading

import (
	"fmt"
	"math"
	"strings"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// Fractions of a figure: "Separuh di antaranya adalah pelajar" after "1.240
// warga" says about 620 pelajar. When the sheet gives that part of the
// figure (318 pelajar, "bagian dari 1.240 warga"), the fraction is compared
// with the sheet's share; without such a breakdown it says nothing checkable.

// fractionWords are the simple fractions a release writes in words.
var fractionWords = map[string]float64{
	"separuh": 0.5, "setengah": 0.5, "sepertiga": 1.0 / 3, "seperempat": 0.25, "seperlima": 0.2,
	"sepersepuluh": 0.1,
}

// fractionDenominators follow a number word: "dua pertiga", "tiga perempat".
var fractionDenominators = map[string]float64{"pertiga": 3, "perempat": 4, "perlima": 5, "persepuluh": 10}

// namedShares name a share in words for a message: the sheet's 318 of 1.240
// is "sekitar seperempat".
var namedShares = []struct {
	v    float64
	name string
}{
	{0.1, "sepersepuluh"}, {0.2, "seperlima"}, {0.25, "seperempat"}, {1.0 / 3, "sepertiga"}, {0.4, "dua perlima"},
	{0.5, "separuh"}, {0.6, "tiga perlima"}, {2.0 / 3, "dua pertiga"}, {0.75, "tiga perempat"}, {0.8, "empat perlima"},
}

// fractionTolerance is how far from its exact share a plain fraction word
// may be: a writer rounds 26 % to "seperempat", never to "sepertiga".
const fractionTolerance = 0.15

// share is a fraction read from the release: the range of the whole it
// stands for and how a reader says that range.
type share struct {
	lo, hi float64
	say    string // "sekitar", "lebih dari", "hampir", "kurang dari"
	f      float64
}

// readFraction reads a fraction at token i: "separuh", "dua pertiga",
// "sebagian besar", with a qualifier before it ("hampir", "lebih dari",
// "sekitar"). It returns the share, the first token of the passage and the
// token after the fraction.
func readFraction(f *field, i int) (share, int, int, bool) {
	t := f.toks[i]
	var sh share
	j := i + 1
	next := func(k int) string {
		if k < len(f.toks) && f.slice(f.toks[k-1].end, f.toks[k].start) == " " {
			return f.toks[k].lower
		}
		return ""
	}
	if v, ok := fractionWords[t.lower]; ok {
		sh = share{lo: v * (1 - fractionTolerance), hi: v * (1 + fractionTolerance), say: "sekitar", f: v}
	} else if d, ok := fractionDenominators[next(i+1)]; ok && extract.IsNumberWord(t.lower) {
		num, e, ok := readWordNumber(f.toks, i)
		if !ok || e != i+1 || !num.exact() || num.lo >= d {
			return share{}, 0, 0, false
		}
		v := num.lo / d
		sh, j = share{lo: v * (1 - fractionTolerance), hi: v * (1 + fractionTolerance), say: "sekitar", f: v}, i+2
	} else if t.lower == "sebagian" && next(i+1) == "besar" || t.lower == "mayoritas" || t.lower == "kebanyakan" {
		sh = share{lo: math.Nextafter(0.5, 1), hi: 1, say: "lebih dari", f: 0.5}
		if t.lower == "sebagian" {
			j = i + 2
		}
	} else {
		return share{}, 0, 0, false
	}
	from := i
	prev := func(k int) string {
		if k >= 0 && f.slice(f.toks[k].end, f.toks[k+1].start) == " " {
			return f.toks[k].lower
		}
		return ""
	}
	switch p, p2 := prev(i-1), prev(i-2); {
	case sh.say == "lebih dari":
	case p == "hampir" || p == "nyaris" || p == "mendekati":
		sh, from = share{lo: sh.f * 0.8, hi: sh.f, say: "hampir", f: sh.f}, i-1
	case p2 == "lebih" && p == "dari", p == "melebihi":
		sh, from = share{lo: sh.f, hi: 1, say: "lebih dari", f: sh.f}, i-2
		if p == "melebihi" {
			from = i - 1
		}
	case p2 == "kurang" && p == "dari":
		sh, from = share{lo: 0, hi: sh.f, say: "kurang dari", f: sh.f}, i-2
	case p == "sekitar" || p == "kira-kira":
		sh, from = share{lo: sh.f * 0.8, hi: sh.f * 1.2, say: "sekitar", f: sh.f}, i-1
	}
	return sh, from, j, true
}

// sheetPart is a sheet figure given as a part of another: 318 pelajar
// "(bagian dari 1.240 warga)".
type sheetPart struct{ part, whole int }

// sheetParts returns the sheet's figures whose description names another
// figure of the sheet, with its number and unit, as their whole.
func sheetParts(b *Brief) []sheetPart {
	var out []sheetPart
	for a, fa := range b.Angka {
		desc := " " + strings.Join(tokenWords(fa.Keterangan), " ") + " "
		for w, fw := range b.Angka {
			if w == a || fw.Nilai <= fa.Nilai {
				continue
			}
			if strings.Contains(desc, " "+formatIndoNumber(fw.Nilai)+" "+firstWord(fw.Satuan)+" ") {
				out = append(out, sheetPart{a, w})
			}
		}
	}
	return out
}

// checkFractions compares fractions of a figure with the sheet's parts of
// it and returns the number of kesalahan.
func (g *grader) checkFractions(f *field, b *Brief) int {
	parts := sheetParts(b)
	if len(parts) == 0 {
		return 0
	}
	n := 0
	for i := 0; i < len(f.toks); i++ {
		sh, from, j, ok := readFraction(f, i)
		if !ok || f.inQuote(f.toks[i].start) {
			continue
		}
		whole, end, direct := g.fractionWhole(f, from, j, b)
		if whole < 0 {
			continue
		}
		part := fractionPart(f, end, whole, parts, b)
		if part < 0 {
			continue
		}
		pf, wf := b.Angka[part], b.Angka[whole]
		r := pf.Nilai / wf.Nilai
		if sh.lo <= r && r <= sh.hi {
			continue
		}
		s, e := f.toks[from].start, f.toks[end-1].end
		meaning := fmt.Sprintf("%s %s dari %s %s", sh.say, formatIndoNumber(math.Round(sh.f*wf.Nilai)), formatIndoNumber(wf.Nilai), wf.Satuan)
		if sh.say == "lebih dari" && sh.f == 0.5 && sh.hi == 1 && from == i {
			meaning = fmt.Sprintf("lebih dari separuh dari %s %s", formatIndoNumber(wf.Nilai), wf.Satuan)
		}
		fix := formatIndoNumber(pf.Nilai)
		if f.opensSentence(from) {
			fix = "Sebanyak " + fix
		}
		if direct {
			fix += " dari " + formatIndoNumber(wf.Nilai) + " " + f.slice(f.toks[j].start, e)
		} else {
			fix += f.slice(f.toks[j-1].end, e)
		}
		n++
		g.add(f.finding("angka-bertentangan", SevKesalahan, s, e,
			fmt.Sprintf("\"%s\" berarti %s, padahal lembar fakta menyebut %s %s dari %s %s (%s). Angka yang salah merusak kepercayaan pembaca; tulis jumlahnya seperti di lembar fakta.",
				f.slice(s, e), meaning, formatIndoNumber(pf.Nilai), pf.Satuan, formatIndoNumber(wf.Nilai), wf.Satuan, shareName(r)),
			fix))
		i = end - 1
	}
	return n
}

// fractionWhole returns the sheet figure a fraction ending before token j
// is a fraction of, and the token after the passage: the figure before it
// for "di antaranya", "dari mereka", "dari jumlah itu"; the figure after
// "dari" ("separuh dari 1.240 warga"); or the figure's unit right after it
// ("sebagian besar warga yang belum merekam"), then direct is true.
func (g *grader) fractionWhole(f *field, from, j int, b *Brief) (whole, end int, direct bool) {
	word := func(k int) string {
		if k < len(f.toks) && f.slice(f.toks[k-1].end, f.toks[k].start) == " " {
			return f.toks[k].lower
		}
		return ""
	}
	unitFigure := func(k int) int {
		for w, fig := range b.Angka {
			if figureUnitMatches(f.toks[k].lower, fig) || sameCounted(f.toks[k].lower, fig) {
				return w
			}
		}
		return -1
	}
	switch a, c := word(j), word(j+1); {
	case a == "di" && c == "antaranya":
		end = j + 2
	case a == "di" && c == "antara" && word(j+2) == "mereka":
		end = j + 3
	case a == "dari" && c == "mereka":
		end = j + 2
	case a == "dari" && c == "jumlah" && (word(j+2) == "itu" || word(j+2) == "tersebut"):
		end = j + 3
	case a == "dari" && j+1 < len(f.toks):
		if num, u, ok := g.figureAt(f, j+1); ok && num.exact() && u < len(f.toks) {
			if w := unitFigure(u); w >= 0 {
				return w, u + 1, false
			}
		}
		return -1, 0, false
	case a != "" && j < len(f.toks):
		if w := unitFigure(j); w >= 0 && !f.toks[j].capital {
			return w, j + 1, true
		}
		return -1, 0, false
	default:
		return -1, 0, false
	}
	// The figure before: the nearest count in this sentence or the one before.
	s := f.sentenceOf(f.toks[from].start)
	for k := from - 1; k >= 0; k-- {
		ks := f.sentenceOf(f.toks[k].start)
		if ks < s-1 {
			break
		}
		if num, u, ok := g.figureAt(f, k); ok && u < len(f.toks) && !g.inDate(f, f.toks[k].start) {
			w := unitFigure(u)
			if w < 0 {
				continue // "berusia 17 tahun" counts no group
			}
			if !num.exact() {
				return -1, 0, false
			}
			return w, end, false
		}
	}
	return -1, 0, false
}

// fractionPart returns the sheet part of the whole that the rest of the
// fraction's sentence names ("… adalah pelajar"), or -1: none named, a
// negation, or the part joined with another group ("pelajar … dan warga
// lanjut usia"), whose share the sheet does not give.
func fractionPart(f *field, end, whole int, parts []sheetPart, b *Brief) int {
	if end >= len(f.toks) {
		return -1
	}
	s := f.sentenceOf(f.toks[end-1].start)
	found := -1
	for k := end; k < len(f.toks) && f.sentenceOf(f.toks[k].start) == s; k++ {
		w := f.toks[k].lower
		if fractionDenials[w] {
			return -1
		}
		if found >= 0 && (w == "dan" || w == "serta" || w == "atau" || w == "maupun") && k+1 < len(f.toks) && !clauseVerb(f.toks[k+1].lower) {
			return -1
		}
		if found >= 0 || f.toks[k].num {
			continue
		}
		for _, p := range parts {
			if p.whole == whole && firstWord(b.Angka[p.part].Satuan) == w {
				found = p.part
			}
		}
	}
	return found
}

// fractionDenials deny the clause after a fraction: "separuh di antaranya bukan pelajar".
var fractionDenials = map[string]bool{"bukan": true, "tidak": true, "tak": true}

// clauseVerb reports a word that goes on with the clause after "dan"
// rather than name another group: "dan belum merekam", "dan tinggal".
func clauseVerb(w string) bool {
	switch w {
	case "belum", "sudah", "telah", "masih", "baru", "akan", "tidak", "juga", "kini", "harus", "perlu":
		return true
	}
	for _, p := range []string{"me", "ber", "ter", "di"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+3 {
			return true
		}
	}
	return false
}

// shareName says a share as a reader would: "sekitar seperempat", or in
// percent when no simple fraction is near.
func shareName(r float64) string {
	for _, ns := range namedShares {
		if math.Abs(r-ns.v) <= ns.v*0.1 {
			return "sekitar " + ns.name
		}
	}
	return fmt.Sprintf("sekitar %.0f persen", r*100)
}
