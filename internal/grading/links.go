package grading

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Web addresses and e-mail addresses are contacts like a phone number: a
// reader follows them. Against a facts sheet, one the sheet never gives is
// a fact from outside it (peringatan: it cannot be checked, and the
// practices say "jangan menambah … tautan"), and one that differs from the
// sheet's address of the same kind is a kesalahan like a wrong phone
// number: it sends readers elsewhere, perhaps to a fake.
var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	// urlRe: a scheme or "www.", or a host ending in a top-level domain
	// Indonesian releases use ("dinkes.sukamajukab.go.id", "lapor.go.id").
	urlRe = regexp.MustCompile(`(?i)(?:https?://|www\.)[^\s<>"'()\[\]]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:go\.id|co\.id|or\.id|ac\.id|sch\.id|desa\.id|web\.id|my\.id|id|com|org|net|info)\b(?:/[^\s<>"'()\[\]]*)?`)
)

// address is a web or e-mail address found in a text, in runes.
type address struct {
	start, end int
	text, key  string
	email      bool
}

// addressKey writes an address as compared: lower case, without scheme,
// "www." and a closing slash.
func addressKey(s string) string {
	s = strings.ToLower(s)
	for _, p := range []string{"https://", "http://", "www."} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.TrimRight(s, "/")
}

// findAddresses returns the e-mail and web addresses of s, an e-mail's
// domain not again as a web address, without the punctuation that ends a
// sentence after them.
func findAddresses(s string) []address {
	var out []address
	taken := func(a, b int) bool {
		for _, x := range out {
			if a < x.end && b > x.start {
				return true
			}
		}
		return false
	}
	add := func(locs [][]int, email bool) {
		for _, l := range locs {
			a, b := l[0], l[1]
			for b > a && strings.ContainsRune(".,;:!?", rune(s[b-1])) {
				b--
			}
			ra := utf8.RuneCountInString(s[:a])
			rb := ra + utf8.RuneCountInString(s[a:b])
			if taken(ra, rb) {
				continue
			}
			out = append(out, address{start: ra, end: rb, text: s[a:b], key: addressKey(s[a:b]), email: email})
		}
	}
	if !strings.ContainsAny(s, "@/") && !hasDomainEnd(s) {
		return nil // most texts hold no address: skip the expressions
	}
	add(emailRe.FindAllStringIndex(s, -1), true)
	add(urlRe.FindAllStringIndex(s, -1), false)
	return out
}

// sheetAddresses are the addresses written anywhere in the sheet.
func sheetAddresses(b *Brief) []address {
	texts := sheetTexts(b)
	for _, q := range b.Kutipan {
		texts = append(texts, q.Teks)
	}
	var out []address
	for _, t := range texts {
		out = append(out, findAddresses(t)...)
	}
	return out
}

// checkAddresses reports the release's addresses the sheet does not give;
// it returns how many contradict the sheet.
func (g *grader) checkAddresses(b *Brief) int {
	sheet := sheetAddresses(b)
	n := 0
	for _, f := range []*field{g.head, g.body} {
		for _, a := range findAddresses(f.text) {
			var want []string
			known := false
			for _, s := range sheet {
				known = known || s.key == a.key
				if s.email == a.email && !slices.Contains(want, s.text) {
					want = append(want, s.text)
				}
			}
			kind := "Tautan"
			if a.email {
				kind = "Alamat surel"
			}
			switch {
			case known:
			case len(want) > 0:
				sugg := ""
				if len(want) == 1 {
					sugg = want[0]
				}
				n++
				g.add(f.finding("tautan-bertentangan", SevKesalahan, a.start, a.end,
					fmt.Sprintf("%s \"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s. Alamat yang salah membawa warga ke tempat lain, bahkan ke situs palsu; salin alamatnya persis dari lembar fakta.", kind, a.text, strings.Join(want, ", ")), sugg))
			default:
				g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, a.start, a.end,
					fmt.Sprintf("%s \"%s\" tidak ada di lembar fakta; dalam latihan, pakai hanya fakta dari lembar fakta, karena alamat lain tidak dapat diperiksa dan bisa membawa warga ke tempat yang salah. Hapus alamat ini atau ganti dengan kontak dari lembar fakta.", kind, a.text), ""))
			}
		}
	}
	return n
}

// hasDomainEnd reports a dot before a top-level domain urlRe knows.
func hasDomainEnd(s string) bool {
	for _, tld := range []string{".id", ".com", ".org", ".net", ".info", ".ID", ".COM"} {
		if strings.Contains(s, tld) {
			return true
		}
	}
	return strings.Contains(strings.ToLower(s), "www.")
}
