package grading

import (
	"fmt"
	"strings"
	"unicode"
)

// doubledFunctionWords written twice are a slip of typing ("yang yang"),
// not a reduplication: EYD V has no "yang-yang".
var doubledFunctionWords = wordSet(`yang dan di ke dari itu ini untuk dengan pada oleh atau serta juga akan telah sudah
tidak bukan dalam bagi kepada sebagai adalah ialah karena agar supaya jika bila maka namun tetapi ada para si sang
pun lah kah nya se`)

// checkReduplication flags a word repeated with a space instead of a
// hyphen ("desa desa", "masing masing"), which EYD V writes "desa-desa":
// the repeated word is one word, a reduplication. A name repeated
// ("Sukasari Sukasari" in a list or an error of its own), a number, an
// abbreviation and a doubled function word are no reduplication. It
// reports whether it added a finding.
func (g *grader) checkReduplication(f *field, i int) bool {
	if i+1 >= len(f.toks) {
		return false
	}
	t, next := f.toks[i], f.toks[i+1]
	if t.lower != next.lower || t.num || t.allCaps || next.capital || len([]rune(t.lower)) < 2 ||
		f.slice(t.end, next.start) != " " || doubledFunctionWords[t.lower] ||
		strings.IndexFunc(t.lower, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return false
	}
	if t.capital && !sentenceStart(f, i) {
		return false // "Desa Sukasari Sukasari": a name's capital, not the sentence's
	}
	std := t.text + "-" + next.text
	g.noteBahasa("kata ulang")
	g.add(f.finding("kata-ulang", SevPeringatan, t.start, next.end,
		fmt.Sprintf("\"%s\" adalah kata ulang; EYD V menuliskan kata ulang dengan tanda hubung: \"%s\". Tanpa tanda hubung, pembaca mengira kata itu salah ketik dua kali.", f.slice(t.start, next.end), std), std))
	return true
}
