package grading

import (
	"fmt"
	"strings"
)

// negationSkip stand between a negation and the word it negates: "tidak
// akan pernah meminta".
var negationSkip = map[string]bool{
	"akan": true, "pernah": true, "perlu": true, "dapat": true, "bisa": true, "boleh": true, "harus": true,
	"usah": true, "lagi": true, "pula": true, "juga": true, "ada": true, "sedang": true, "mau": true,
}

// clauseStarts begin a predicate after a relative clause: in "yang tidak
// bisa datang cukup melapor" the negation ends at "datang", so "datang
// cukup" is no negated statement.
var clauseStarts = map[string]bool{
	"cukup": true, "wajib": true, "dapat": true, "bisa": true, "harus": true, "perlu": true, "boleh": true,
	"akan": true, "diminta": true, "diharapkan": true, "dipersilakan": true, "diimbau": true,
}

// pairFunctionWords carry no statement of their own: "imunisasi yang" of
// "imunisasi yang tertinggal" is no pair a negation could reverse.
var pairFunctionWords = map[string]bool{
	"yang": true, "untuk": true, "agar": true, "supaya": true, "oleh": true, "bagi": true,
	"atau": true, "serta": true, "para": true, "dalam": true, "kepada": true, "sejak": true, "hingga": true,
	"sampai": true, "saat": true, "ketika": true, "karena": true, "sehingga": true, "yaitu": true,
	"adalah": true, "ialah": true, "juga": true, "akan": true, "sudah": true, "telah": true,
}

// negators deny what follows within a clause; "bebas" and "gratis" deny a fee.
var negators = map[string]bool{"tidak": true, "tak": true, "bukan": true, "tanpa": true, "jangan": true, "belum": true, "bebas": true, "gratis": true}

// negatedPair is a pair of neighbouring words the sheet states only under
// a negation: "meminta kata" of "tidak akan pernah meminta kata sandi".
type negatedPair struct {
	a, b   string
	tail   []string // the sheet's words after b, lower case
	phrase string   // the sheet's words from the negation to b
}

// feeWords state a fee; feeNouns state it after "dengan" or a verb of feeVerbs.
var (
	feeWords = map[string]bool{"dipungut": true, "membayar": true, "bayar": true, "dibayar": true, "berbayar": true, "pungutan": true, "tarif": true, "dikenai": true, "dikenakan": true, "pembayaran": true}
	feeNouns = map[string]bool{"biaya": true, "ongkos": true}
	feeVerbs = map[string]bool{"dengan": true, "ada": true, "mengeluarkan": true, "menarik": true, "meminta": true}
)

// sheetIsFree reports a sheet that says its service costs nothing:
// "gratis", "tanpa biaya", "tidak dipungut biaya", "tidak akan meminta …
// pembayaran".
func sheetIsFree(b *Brief) bool {
	for _, s := range []string{b.Apa, b.Mengapa, b.Bagaimana} {
		toks, rs := tokenize(s, len(s)), []rune(s)
		for i, t := range toks {
			if t.lower == "gratis" {
				return true
			}
			if !negators[t.lower] {
				continue
			}
			for k := i + 1; k < len(toks) && k <= i+8; k++ {
				if feeWords[toks[k].lower] || feeNouns[toks[k].lower] {
					return true
				}
				if strings.ContainsAny(string(rs[toks[k-1].end:toks[k].start]), ".;") {
					break
				}
			}
		}
	}
	return false
}

// sheetNegations returns the pairs the sheet negates; a pair the sheet also
// states without a negation is left out, and so is one after "belum", which
// tells what is yet to happen ("belum merekam" is why a release says "untuk
// merekam").
func sheetNegations(b *Brief) []negatedPair {
	texts := []string{b.Apa, b.DiMana, b.Mengapa, b.Bagaimana}
	for _, q := range b.Kutipan {
		texts = append(texts, q.Teks)
	}
	var out []negatedPair
	plain := map[string]bool{}
	for _, s := range texts {
		toks := tokenize(s, len(s))
		for i := 0; i+1 < len(toks); i++ {
			neg := -1
			for k := i - 1; k >= 0 && k >= i-4; k-- {
				if negators[toks[k].lower] && toks[k].lower != "belum" {
					neg = k
					break
				}
				if !negationSkip[toks[k].lower] {
					break
				}
			}
			a, z := toks[i], toks[i+1]
			if negationSkip[a.lower] || negators[a.lower] || negators[z.lower] || a.num || z.num || len(a.lower) < 4 || len(z.lower) < 4 {
				continue
			}
			if neg >= 0 && (clauseStarts[z.lower] || pairFunctionWords[a.lower] || pairFunctionWords[z.lower]) {
				continue
			}
			if neg < 0 {
				plain[a.lower+" "+z.lower] = true
				continue
			}
			var words, tail []string
			for _, t := range toks[neg : i+2] {
				words = append(words, t.text)
			}
			for _, t := range toks[i+2 : min(len(toks), i+4)] {
				tail = append(tail, t.lower)
			}
			out = append(out, negatedPair{a.lower, z.lower, tail, strings.Join(words, " ")})
		}
	}
	kept := out[:0]
	for _, p := range out {
		if !plain[p.a+" "+p.b] {
			kept = append(kept, p)
		}
	}
	return kept
}

// checkNegations flags a statement the sheet negates written without its
// negation ("akan meminta kata sandi" for "tidak akan pernah meminta kata
// sandi", "dengan dipungut biaya" for "tanpa dipungut biaya"): the release
// then says the opposite of the sheet. Quotes are checked on their own.
func (g *grader) checkNegations(f *field, pairs []negatedPair, free bool) int {
	n := 0
	// negatedAt reports a negation in the clause before token i and the
	// first token of the words between that belong to the statement.
	negatedAt := func(i int) (s int, negated bool) {
		s = i
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			w := f.toks[k].lower
			if strings.ContainsAny(f.slice(f.toks[k].end, f.toks[k+1].start), ".;:!?\n") {
				break
			}
			if negators[w] {
				return s, true
			}
			if !negationSkip[w] && w != "dengan" {
				break
			}
			s = k
		}
		return s, false
	}
	fee := map[int]bool{}
	for i := 0; free && i < len(f.toks); i++ {
		t := f.toks[i]
		if f.inQuote(t.start) {
			continue
		}
		at, end := -1, i
		switch {
		case feeWords[t.lower]:
			at = i
			if i+1 < len(f.toks) && feeNouns[f.toks[i+1].lower] {
				end = i + 1
			}
		case feeNouns[t.lower] && i > 0 && feeVerbs[f.toks[i-1].lower]:
			at = i - 1
		}
		if at >= 0 && end+1 < len(f.toks) && (f.toks[end+1].lower == "administrasi" || f.toks[end+1].lower == "pendaftaran") {
			end++
		}
		if at < 0 {
			continue
		}
		if i+1 < len(f.toks) && (f.toks[i+1].lower == "perjalanan" || f.toks[i+1].lower == "transportasi") {
			continue
		}
		amount := false // "dengan biaya Rp25.000": the amount is reported on its own
		for k := end + 1; k < len(f.toks) && k <= end+2; k++ {
			amount = amount || strings.HasPrefix(f.toks[k].text, "Rp")
		}
		if amount {
			i = end
			continue
		}
		s, negated := negatedAt(at)
		// "Tidak ada biaya yang dipungut": a negation anywhere before in
		// the clause denies the fee.
		for k := at - 1; !negated && k >= 0 && k >= at-6; k-- {
			if strings.ContainsAny(f.slice(f.toks[k].end, f.toks[k+1].start), ",.;:!?\n") {
				break
			}
			negated = negators[f.toks[k].lower]
		}
		if negated {
			i = end
			continue
		}
		for k := s; k <= end; k++ {
			fee[k] = true
		}
		n++
		g.add(f.finding("biaya-bertentangan", SevKesalahan, f.toks[s].start, f.toks[end].end,
			fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta: layanan ini tanpa biaya. Biaya yang keliru bisa membuat warga batal datang; tulis bahwa layanan ini tidak dipungut biaya.", f.slice(f.toks[s].start, f.toks[end].end)), ""))
		i = end
	}
	for i := 0; i+1 < len(f.toks); i++ {
		if fee[i] {
			continue
		}
		t, next := f.toks[i], f.toks[i+1]
		if f.inQuote(t.start) || f.slice(t.end, next.start) != " " {
			continue
		}
		for _, p := range pairs {
			if t.lower != p.a || next.lower != p.b {
				continue
			}
			s, negated := negatedAt(i)
			if negated {
				break
			}
			e, phrase := i+1, p.phrase
			for _, w := range p.tail {
				if e+1 >= len(f.toks) || f.toks[e+1].lower != w || f.slice(f.toks[e].end, f.toks[e+1].start) != " " {
					break
				}
				e++
				phrase += " " + f.toks[e].text
			}
			n++
			g.add(f.finding("pernyataan-dibalik", SevKesalahan, f.toks[s].start, f.toks[e].end,
				fmt.Sprintf("\"%s\" membalik lembar fakta, yang menyebut \"%s\". Tanpa kata penyangkal, kalimat ini mengatakan kebalikannya dan menyesatkan warga; tulis penyangkalnya seperti di lembar fakta.", f.slice(f.toks[s].start, f.toks[e].end), phrase), ""))
			i = e
			break
		}
	}
	return n
}

// pairPreps are skipped between the two words of a statement's pair:
// "dilayani di rumah" is the pair dilayani–rumah.
var pairPreps = map[string]bool{"di": true, "ke": true, "dari": true, "pada": true}

// statementPairs calls fn for each pair of neighbouring words in toks that
// could carry a statement (both of four letters or more, no number, no
// negation), with the index of the pair's first and last word; a
// preposition between them is skipped. A clause boundary ends a pair.
func statementPairs(toks []token, gap func(a, b int) string, fn func(i, z int)) {
	for i := 0; i+1 < len(toks); i++ {
		a := toks[i]
		if negationSkip[a.lower] || negators[a.lower] || a.num || len(a.lower) < 4 || pairFunctionWords[a.lower] {
			continue
		}
		z := i + 1
		if pairPreps[toks[z].lower] && z+1 < len(toks) {
			z++
		}
		b := toks[z]
		if negators[b.lower] || b.num || len(b.lower) < 4 || pairFunctionWords[b.lower] || strings.ContainsAny(gap(i, z), ".,;:!?()\n") {
			continue
		}
		fn(i, z)
	}
}

// sheetAffirmations returns the pairs of words the sheet states without a
// negation and never with one ("wajib memberi", "dilayani di rumah"),
// each with the sheet's words from the first to a little after the second.
func sheetAffirmations(b *Brief) map[string]string {
	texts := []string{b.Apa, b.DiMana, b.Mengapa, b.Bagaimana}
	for _, q := range b.Kutipan {
		texts = append(texts, q.Teks)
	}
	for _, fig := range b.Angka {
		texts = append(texts, fig.Keterangan)
	}
	plain, negated := map[string]string{}, map[string]bool{}
	for _, s := range texts {
		toks, rs := tokenize(s, len(s)), []rune(s)
		gap := func(a, c int) string { return string(rs[toks[a].end:toks[c].start]) }
		statementPairs(toks, gap, func(i, z int) {
			key := toks[i].lower + " " + toks[z].lower
			for k := i - 1; k >= 0 && k >= i-4; k-- {
				if strings.ContainsAny(gap(k, k+1), ".,;:!?\n") {
					break
				}
				if negators[toks[k].lower] {
					negated[key] = true
					return
				}
				if !negationSkip[toks[k].lower] {
					break
				}
			}
			if _, seen := plain[key]; !seen {
				words := []string{}
				for k := i; k < min(len(toks), z+2); k++ {
					if k > z && strings.ContainsAny(gap(k-1, k), ".,;:!?()\n") {
						break
					}
					words = append(words, toks[k].text)
				}
				plain[key] = strings.Join(words, " ")
			}
		})
	}
	for k := range negated {
		delete(plain, k)
	}
	return plain
}

// checkAddedNegations flags a statement the sheet makes without a negation
// written negated ("tidak wajib memberi tanggapan" for "wajib memberi
// tanggapan", "belum dapat dilayani di rumah" for "untuk dilayani di
// rumah"), and "tidak gratis" for a free service: the release then says the
// opposite of the sheet. Quotes are checked on their own. "Tidak hanya" and
// "tidak lupa" deny nothing: the word between stops the negation.
func (g *grader) checkAddedNegations(f *field, plain map[string]string, free bool) int {
	n := 0
	// negation returns the negating word in the clause before token i.
	negation := func(i int) int {
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if strings.ContainsAny(f.slice(f.toks[k].end, f.toks[k+1].start), ".,;:!?\n") {
				return -1
			}
			if w := f.toks[k].lower; negators[w] && w != "bebas" && w != "gratis" {
				return k
			}
			if !negationSkip[f.toks[k].lower] {
				return -1
			}
		}
		return -1
	}
	done := -1
	for i, t := range f.toks {
		if !free || (t.lower != "gratis" && t.lower != "cuma-cuma") || f.inQuote(t.start) {
			continue
		}
		if k := negation(i); k >= 0 {
			n++
			g.add(f.finding("biaya-bertentangan", SevKesalahan, f.toks[k].start, t.end,
				fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta: layanan ini tanpa biaya. Biaya yang keliru bisa membuat warga batal datang; tulis bahwa layanan ini tidak dipungut biaya.", f.slice(f.toks[k].start, t.end)), ""))
		}
	}
	if len(plain) == 0 {
		return n
	}
	gap := func(a, c int) string { return f.slice(f.toks[a].end, f.toks[c].start) }
	statementPairs(f.toks, gap, func(i, z int) {
		phrase, ok := plain[f.toks[i].lower+" "+f.toks[z].lower]
		if !ok || i <= done || f.inQuote(f.toks[i].start) {
			return
		}
		k := negation(i)
		if k < 0 {
			return
		}
		done = z
		n++
		s, e := f.toks[k].start, f.toks[z].end
		g.add(f.finding("pernyataan-dibalik", SevKesalahan, s, e,
			fmt.Sprintf("\"%s\" membalik lembar fakta, yang menyebut \"%s\" tanpa penyangkal. Kata penyangkal ini membuat kalimat mengatakan kebalikan lembar fakta dan menyesatkan warga; hapus penyangkalnya.", f.slice(s, e), phrase), ""))
	})
	return n
}
