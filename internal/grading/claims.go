package grading

import (
	"fmt"
	"strings"
)

// Claims the sheet never makes: a ranking over a region ("yang pertama di
// Indonesia", "satu-satunya … di Jawa Barat", "tercepat di Sukamaju") needs
// a source a reader can check, and in a practice only the sheet is one.

// superlatives rank the thing they describe against all others.
var superlatives = map[string]bool{
	"pertama": true, "satu-satunya": true, "tercepat": true, "terbesar": true, "terbaik": true,
	"terlengkap": true, "termurah": true, "termodern": true, "tercanggih": true, "terluas": true,
	"terbanyak": true, "tertinggi": true, "terdepan": true, "terunggul": true, "terpopuler": true,
	"terkemuka": true, "terlengkapnya": true, "terbaru": true, "termudah": true, "terefektif": true,
}

// rankingRegion reports a region the ranking spans at token k: "di
// Indonesia", "se-Jawa Barat", "se-Kabupaten Sukamaju", "nasional".
func rankingRegion(f *field, k int) (int, bool) {
	if k >= len(f.toks) {
		return 0, false
	}
	t := f.toks[k]
	if strings.HasPrefix(t.lower, "se-") && len(t.lower) > 3 {
		return k, true
	}
	if t.lower == "nasional" || t.lower == "dunia" {
		return k, true
	}
	if (t.lower == "di" || t.lower == "se") && k+1 < len(f.toks) && f.toks[k+1].capital && f.slice(t.end, f.toks[k+1].start) == " " {
		e := k + 1
		for e+1 < len(f.toks) && f.toks[e+1].capital && f.slice(f.toks[e].end, f.toks[e+1].start) == " " {
			e++
		}
		return e, true
	}
	return 0, false
}

// checkClaims flags a superlative over a region outside quotes and
// attributed sentences when the sheet never uses that word (peringatan).
func (g *grader) checkClaims(f *field, sf sheetFacts) {
	words := sf.words
	for i := 0; i < len(f.toks); i++ {
		t := f.toks[i]
		if !superlatives[t.lower] || words[t.lower] || f.inQuote(t.start) || g.sentenceAttributed(f, t.start) {
			continue
		}
		s := f.sentenceOf(t.start)
		// "pertama" ranks only with "yang" before it or a region right
		// after: "hari pertama" is an order.
		lo, hi := i, -1
		if i > 0 && f.toks[i-1].lower == "yang" {
			lo = i - 1
		}
		for k := i + 1; k < len(f.toks) && k <= i+4 && f.sentenceOf(f.toks[k].start) == s; k++ {
			if e, ok := rankingRegion(f, k); ok {
				hi = e
				break
			}
			if t.lower == "pertama" && lo == i {
				break
			}
		}
		if hi < 0 {
			continue
		}
		st, en := f.toks[lo].start, f.toks[hi].end
		g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, st, en,
			fmt.Sprintf("\"%s\" adalah klaim yang tidak ada di lembar fakta. Peringkat seperti itu perlu sumber yang dapat diperiksa; dalam latihan, pakai hanya fakta dari lembar fakta, atau hapus klaimnya.", f.slice(st, en)), ""))
		i = hi
	}
}

// anonymousSources name nobody in particular: "menurut warga", "kata
// sejumlah peserta", "menurut banyak pihak".
var (
	anonymousSources = map[string]bool{
		"warga": true, "masyarakat": true, "orang": true, "pihak": true, "peserta": true, "pengunjung": true,
		"warganet": true, "netizen": true, "sumber": true, "publik": true, "penduduk": true,
	}
	anonymousQuantifiers = map[string]bool{
		"sejumlah": true, "beberapa": true, "banyak": true, "para": true, "seorang": true, "sebagian": true,
		"kebanyakan": true, "mayoritas": true, "salah": true, "satu": true, "besar": true,
	}
)

// anonymouslyAttributed reports a sentence whose every attribution names
// nobody in particular ("Menurut warga, layanan ini sangat memuaskan."):
// praise laundered through such a source reads as the writer's own.
func (g *grader) anonymouslyAttributed(f *field, pos int) bool {
	s := f.sentenceOf(pos)
	found := false
	for k, t := range f.toks {
		if f.sentenceOf(t.start) != s || !attributionWords[t.lower] || f.inQuote(t.start) {
			continue
		}
		j := k + 1
		for j < len(f.toks) && anonymousQuantifiers[f.toks[j].lower] && !f.toks[j].capital {
			j++
		}
		if j >= len(f.toks) || !anonymousSources[f.toks[j].lower] || f.toks[j].capital {
			return false
		}
		// "menurut warga Cikadu" still names no one; "menurut warga
		// bernama Euis" does, but then a name follows.
		if j+1 < len(f.toks) && f.toks[j+1].capital && f.sentenceOf(f.toks[j+1].start) == s && !placeHeads[f.toks[j+1].lower] && f.slice(f.toks[j].end, f.toks[j+1].start) == " " && g.in.Brief != nil && isSheetPerson(g.in.Brief, f.toks[j+1].lower) {
			return false
		}
		found = true
	}
	return found
}

// isSheetPerson reports a word of a sheet person's name.
func isSheetPerson(b *Brief, w string) bool {
	for _, p := range b.Siapa {
		for _, n := range nameTokens(p.Nama) {
			if strings.ToLower(n) == w {
				return true
			}
		}
	}
	return false
}
