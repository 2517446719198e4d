package grading

import (
	"fmt"
	"strings"
)

// commonOfficeWords are nouns of offices and staff that join a title
// phrase ("Perangkat Desa", "Kepala Desa").
var commonOfficeWords = wordSet(`perangkat pemerintah pegawai petugas staf aparat`)

// determinersAfter make the noun before them a common one: "Sungai itu",
// "Kepala Desa setempat".
var determinersAfter = wordSet(`itu ini tersebut setempat masing-masing`)

// checkCommonCapital flags a title or region written with a capital where
// it is a common noun, not part of a name: after a quantifier ("para Kepala
// Desa", "setiap Camat"), before a determiner ("Sungai itu"), or as a
// phrase of such words ending in a region with no name after it
// ("didata oleh Perangkat Desa dan …"). EYD V capitalises them only in a
// name or before one. A saran with the phrase in lower case as its fix;
// one per phrase.
func (g *grader) checkCommonCapital(f *field, i int) int {
	t := f.toks[i]
	if !t.capital || t.allCaps || i == 0 || sentenceStart(f, i) || f.inQuote(t.start) || !commonTitle(t.lower) {
		return 0
	}
	if p := f.toks[i-1]; p.capital && !sentenceStart(f, i-1) || f.slice(p.end, t.start) != " " {
		return 0 // inside a longer capitalised name, or after a bracket or a dash
	}
	j := i
	for j+1 < len(f.toks) && f.toks[j+1].capital && !f.toks[j+1].allCaps && commonTitle(f.toks[j+1].lower) && f.slice(f.toks[j].end, f.toks[j+1].start) == " " {
		j++
	}
	var next *token
	if j+1 < len(f.toks) && f.sentenceOf(f.toks[j+1].start) == f.sentenceOf(t.start) {
		next = &f.toks[j+1]
	}
	if next != nil && (next.capital || next.num) {
		return 0 // a name follows: "Kepala Desa Cijambu"
	}
	quantified := genericQuantifiers[f.toks[i-1].lower] || f.toks[i-1].lower == "para"
	determined := next != nil && determinersAfter[next.lower] && f.slice(f.toks[j].end, next.start) == " "
	bareRegion := j > i && regionWords[f.toks[j].lower] && (next == nil || !strings.HasPrefix(f.slice(f.toks[j].end, next.start), " ("))
	if !quantified && !determined && !bareRegion {
		return 0
	}
	phrase := f.slice(t.start, f.toks[j].end)
	std := strings.ToLower(phrase)
	msg := "\"%s\" di sini sebutan umum, bukan bagian dari nama, jadi ditulis dengan huruf kecil: \"%s\". Nama %s ditulis dengan huruf kapital hanya bila diikuti nama diri, misalnya \"Kepala Desa Cijambu\"."
	g.noteBahasa("huruf kapital")
	if regionWords[t.lower] {
		g.add(f.finding("kapital-wilayah", SevSaran, t.start, f.toks[j].end, fmt.Sprintf(msg, phrase, std, "wilayah"), std))
	} else {
		g.add(f.finding("kapital-jabatan", SevSaran, t.start, f.toks[j].end, fmt.Sprintf(msg, phrase, std, "jabatan"), std))
	}
	return j + 1 - i
}

// commonTitle reports a title, a region or an office noun.
func commonTitle(w string) bool {
	return titleWords[w] || regionWords[w] || commonOfficeWords[w]
}
