package grading

import (
	"fmt"
	"strings"
	"unicode"
)

// EYD V writes di- onto an Indonesian base with nothing between
// ("dilatih") and onto a foreign base with a hyphen ("di-screenshot"), so
// that the reader sees where the foreign word starts. A hyphen before an
// Indonesian base and a foreign base written onto the prefix are both
// slips of that rule (saran, rule tanda-hubung-awalan).

// checkDiHyphen flags "di-latih" (a hyphen before an Indonesian base) and
// "discreenshot" (a foreign base joined without it); a foreign base with an
// established Indonesian verb takes that verb ("diupload" → "diunggah"). It
// reports whether it added a finding.
func (g *grader) checkDiHyphen(f *field, i int) bool {
	t := f.toks[i]
	if t.num || t.capital || len(t.lower) < 5 || !strings.HasPrefix(t.lower, "di") {
		return false // a capital "Di…" is mostly a name ("Diamond", "Dishub")
	}
	r := []rune(t.text)
	if rest, ok := strings.CutPrefix(t.lower, "di-"); ok {
		if len(rest) < 3 || strings.ContainsRune(rest, '-') || strings.IndexFunc(rest, func(c rune) bool { return !unicode.IsLetter(c) }) >= 0 ||
			unicode.IsUpper(r[3]) || foreignBase(verbStem(rest)) {
			return false // "di-print" is right; "di-Cikadu" is another slip
		}
		if diPlaces[rest] || kePlaces[rest] || diNouns[rest] || iNouns[rest] {
			// the preposition before a place: "di-rumah" is "di rumah"
			std := t.text[:2] + " " + rest
			g.noteBahasa("penulisan kata depan di/ke")
			g.add(f.finding("kata-depan-serangkai", SevPeringatan, t.start, t.end,
				fmt.Sprintf("\"di\" pada \"%s\" adalah kata depan yang menunjukkan tempat, jadi ditulis terpisah tanpa tanda hubung: \"%s\".", t.text, std), std))
			return true
		}
		std := t.text[:2] + rest
		g.noteBahasa("penulisan awalan di-")
		g.add(f.finding("tanda-hubung-awalan", SevSaran, t.start, t.end,
			fmt.Sprintf("Awalan di- dirangkai langsung dengan kata dasar bahasa Indonesia, tanpa tanda hubung: \"%s\". Tanda hubung hanya dipakai sebelum kata dasar asing (\"di-print\") atau huruf kapital.", std), std))
		return true
	}
	rest := t.lower[2:]
	if eq, ok := nonStandard[rest]; ok && eq.kind == kindForeign && !strings.Contains(eq.std, " ") {
		std := t.text[:2] + eq.std
		g.noteBahasa("kata asing yang ada padanannya")
		g.add(f.finding("kata-asing", SevSaran, t.start, t.end,
			fmt.Sprintf("\"%s\" memakai kata dasar asing yang memiliki padanan bahasa Indonesia yang sudah lazim: \"%s\".", t.text, std), std))
		return true
	}
	stem := verbStem(rest)
	if len(rest) < 5 || strings.IndexFunc(rest, func(c rune) bool { return !unicode.IsLetter(c) }) >= 0 || !foreignBase(stem) || loanCluster(stem) {
		return false
	}
	std := t.text[:2] + "-" + rest
	g.noteBahasa("penulisan awalan di-")
	g.add(f.finding("tanda-hubung-awalan", SevSaran, t.start, t.end,
		fmt.Sprintf("\"%s\" adalah kata dasar asing; EYD V merangkainya dengan awalan di- memakai tanda hubung: \"%s\". Lebih baik lagi, pakai kata Indonesia yang sepadan jika ada.", rest, std), std))
	return true
}

// loanCluster reports a base ending in a cluster that Indonesian loans keep
// ("film", "respons", "bank"): "difilmkan", "direspons" are Indonesian.
func loanCluster(w string) bool {
	for _, c := range []string{"ns", "lm", "nk"} {
		if strings.HasSuffix(w, c) {
			return true
		}
	}
	return false
}

// verbStem strips a verb suffix (-kan, -i, -nya) from a base after di-, so
// "di-screenshot-kan" and "diprintkan" show their base.
func verbStem(w string) string {
	w = strings.TrimSuffix(w, "nya")
	if s, ok := strings.CutSuffix(w, "kan"); ok && len(s) >= 3 {
		return s
	}
	return w
}
