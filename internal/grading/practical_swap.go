package grading

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A requirement of the sheet's service written with another item: "wajib
// membawa akta kelahiran" where the sheet tells the public to bring the KK,
// "berisi nama lengkap, lokasi, dan foto" where it says the message holds
// the complaint itself. The release then tells readers to do something the
// service does not ask, which is worse than leaving the requirement out.

// reqItem is one item of a requirement list: its content words and the
// abbreviation written in brackets after it ("kartu keluarga (KK)").
type reqItem struct {
	words      []string
	abbr       string
	start, end int  // rune offsets in the release (release items only)
	andNext    bool // joined to the next item by a bare "dan"
}

// sheetRequirement is a list of items the sheet asks of the public.
type sheetRequirement struct {
	what  string // "apa yang perlu dibawa", as the practical check names it
	why   string // what a wrong item does to the reader
	label string // the sheet's own list, for the finding
	items []reqItem
	any   bool // one of the items is enough ("… atau …")
}

var (
	// releaseBringRe finds a requirement to bring or show something in
	// the release: a modal before the verb ("cukup membawa", "wajib
	// menunjukkan", "dengan membawa").
	releaseBringRe = regexp.MustCompile(`(?i)\b(?:cukup|wajib|harus|perlu|hanya|diminta|diwajibkan|diharapkan|dengan|lupa)\s+(?:membawa|menyiapkan|melampirkan|menyertakan)\s+`)
	releaseSendRe  = regexp.MustCompile(`(?i)\bberisi\s+`)
	// reqEndRe ends a list of items at the next clause.
	reqEndRe = regexp.MustCompile(`(?i)[.;:!?"“”]|,\s*(?:lalu|kemudian|sedangkan|tetapi|namun)\b|\s(?:lalu|kemudian|untuk|ke|saat|ketika|agar|supaya|sebelum|sesudah|setelah|di|pada|jika|kalau|bila|sehingga|karena|kepada|oleh|dari)\s|\s+dan\s+(?:me[mngy]?|ber|di|ter)[a-z]{3,}`)
	reqSepRe = regexp.MustCompile(`(?i)\s*,\s*(?:dan|atau|serta)?\s*|\s+(?:dan|atau|serta)\s+`)
	// reqAbbrRe is an abbreviation in brackets.
	reqAbbrRe = regexp.MustCompile(`\(([A-Za-z]{2,8})\)`)
)

// reqModifiers describe the form or state of an item, not which item it
// is: "KK asli atau fotokopinya" asks for one document.
var reqModifiers = map[string]bool{
	"asli": true, "fotokopi": true, "fotokopinya": true, "salinan": true, "salinannya": true, "yang": true,
	"sudah": true, "masih": true, "berlaku": true, "milik": true, "lembar": true, "bila": true, "ada": true,
	"jika": true, "kalau": true, "juga": true, "saja": true, "hanya": true, "cukup": true, "bukti": false,
}

// vagueItems name no item of their own: "membawa dokumen", "syarat".
var vagueItems = map[string]bool{
	"dokumen": true, "berkas": true, "persyaratan": true, "syarat": true, "kelengkapan": true,
	"identitas": true, "data": true, "keterangan": true, "informasi": true,
}

// peopleBrought are the people a reader brings along ("membawa anaknya dan
// buku KIA"): no item the service asks for.
var peopleBrought = map[string]bool{"anak": true, "anaknya": true, "balita": true, "balitanya": true, "bayi": true, "bayinya": true, "keluarganya": true, "diri": true}

// parseReqItems splits the list at the start of text, up to the end of its
// clause, into its items; base is the rune offset of text in its field.
func parseReqItems(text string, base int) []reqItem {
	rest := text
	if m := reqEndRe.FindStringIndex(rest); m != nil {
		rest = rest[:m[0]]
	}
	var items []reqItem
	pos := base
	parts := reqSepRe.Split(rest, -1)
	seps := reqSepRe.FindAllStringIndex(rest, -1)
	for k, p := range parts {
		start := pos
		pos += utf8.RuneCountInString(p)
		if k < len(seps) {
			pos += utf8.RuneCountInString(rest[seps[k][0]:seps[k][1]])
		}
		it := reqItem{start: start, end: start + utf8.RuneCountInString(strings.TrimRight(p, " "))}
		it.andNext = k < len(seps) && strings.TrimSpace(rest[seps[k][0]:seps[k][1]]) == "dan"
		if a := reqAbbrRe.FindStringSubmatch(p); a != nil {
			it.abbr = strings.ToLower(a[1])
			p = reqAbbrRe.ReplaceAllString(p, " ")
		}
		for _, w := range strings.Fields(strings.ToLower(p)) {
			w = strings.Trim(w, "()")
			if w == "" || reqModifiers[w] || w[0] >= '0' && w[0] <= '9' {
				continue
			}
			it.words = append(it.words, w)
		}
		if len(it.words) == 0 && it.abbr == "" {
			continue
		}
		if prefixedVerb(it.words[0]) {
			break // ", mengambil nomor antrean": the next step, not an item
		}
		if len(it.words) > 0 && vagueItems[it.words[0]] {
			continue
		}
		items = append(items, it)
	}
	return items
}

// prefixedVerb reports a word with a verb's prefix (meN-, ber-, ter- and a
// stem of four letters or more, or di- and a verb of the lexicon):
// "mengambil", "berjalan", "dibawa".
func prefixedVerb(w string) bool {
	for _, p := range []string{"meng", "meny", "mem", "men", "ber", "ter"} {
		if strings.HasPrefix(w, p) && len(w) >= len(p)+4 {
			return true
		}
	}
	b, ok := strings.CutPrefix(w, "di")
	return ok && verbForm(b)
}

// initials returns the first letters of words, "dan" left out: "kesehatan
// ibu dan anak" gives "kia".
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if w != "dan" && w != "" {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

// sameItem reports whether a release item names the sheet's item: the
// sheet's first two words, its abbreviation, the abbreviation spelled out
// ("kartu keluarga" for KK, "buku kesehatan ibu dan anak" for buku KIA), or
// a part of the sheet's words alone ("KK", "buku KIA").
func sameItem(r, s reqItem) bool {
	has := func(words []string, w string) bool {
		for _, x := range words {
			if x == w {
				return true
			}
		}
		return false
	}
	if s.abbr != "" && (r.abbr == s.abbr || has(r.words, s.abbr) || initials(r.words) == s.abbr) {
		return true
	}
	head := s.words[:min(2, len(s.words))]
	all := len(head) > 0
	for _, w := range head {
		all = all && has(r.words, w)
	}
	if all {
		return true
	}
	if r.abbr != "" && (has(s.words, r.abbr) || initials(s.words) == r.abbr) || spelledOut(r, s) {
		return true
	}
	inSheet := len(r.words) > 0
	for _, w := range r.words {
		inSheet = inSheet && has(s.words, w)
	}
	return inSheet
}

// spelledOut reports a release item that spells the sheet item's
// abbreviation out: "kartu keluarga" for KK, "buku kesehatan ibu dan anak"
// for buku KIA.
func spelledOut(r, s reqItem) bool {
	if s.abbr != "" && (r.abbr == s.abbr || initials(r.words) == s.abbr) {
		return true
	}
	for k, w := range s.words {
		if k > 0 && len(r.words) > 1 && r.words[0] == s.words[0] && initials(r.words[1:]) == w {
			return true
		}
	}
	return false
}

// sheetRequirements returns the lists the sheet asks of the public: what
// to bring ("Warga cukup membawa …") and what a message holds ("… berisi
// …"), read from the sentences the practical check reads.
func sheetRequirements(b *Brief) []sheetRequirement {
	var out []sheetRequirement
	for _, s := range splitSentences(b.Bagaimana) {
		first := strings.ToLower(firstWord(s))
		if m := bringRe.FindStringSubmatchIndex(s); m != nil && (publicSubjects[first] || strings.Contains(strings.ToLower(s[m[0]:m[1]]), "cukup")) {
			obj := s[m[2]:m[3]]
			if k := strings.Index(obj, " dan "); k > 0 {
				obj = obj[:k]
			}
			// The label the practical check names the item by.
			label := strings.Join(strings.Fields(parenAbbr.ReplaceAllString(obj, "")), " ")
			if items := parseReqItems(s[m[2]:], 0); len(items) > 0 {
				out = append(out, sheetRequirement{what: "apa yang perlu dibawa", why: "membuat warga datang dengan dokumen yang salah atau batal memakai layanan", label: label, items: items, any: strings.Contains(obj, " atau ")})
			}
		}
		if m := sendRe.FindStringSubmatchIndex(s); m != nil && publicSubjects[firstWord(s)] {
			obj := strings.TrimSpace(s[m[2]:m[3]])
			if items := parseReqItems(s[m[2]:], 0); len(items) > 0 {
				out = append(out, sheetRequirement{what: "apa yang dikirim", why: "membuat warga mengirim pesan yang tidak dapat ditindaklanjuti", label: obj, items: items, any: false})
			}
		}
	}
	return out
}

// checkSwappedRequirements reports a requirement list of the release
// whose item the sheet does not name: a kesalahan when it takes the place
// of the sheet's item (the sheet's item, or each of its alternatives, is
// not in the list), a peringatan when it is asked besides. It returns the
// number of kesalahan.
func (g *grader) checkSwappedRequirements(b *Brief) int {
	reqs := sheetRequirements(b)
	if len(reqs) == 0 {
		return 0
	}
	f := g.body
	n := 0
	for _, req := range reqs {
		re := releaseBringRe
		if req.what == "apa yang dikirim" {
			re = releaseSendRe
		}
		for _, m := range re.FindAllStringIndex(f.text, -1) {
			from := utf8.RuneCountInString(f.text[:m[1]])
			if f.inQuote(from) {
				continue
			}
			items := parseReqItems(f.text[m[1]:], from)
			if len(items) == 0 {
				continue
			}
			found := make([]bool, len(req.items))
			var foreign []reqItem
			for k := 0; k < len(items); k++ {
				it := items[k]
				match := false
				for si, s := range req.items {
					if sameItem(it, s) {
						match, found[si] = true, true
					}
				}
				if !match && it.andNext && k+1 < len(items) {
					// "buku kesehatan ibu dan anak" split at its "dan": an
					// abbreviation spelled out across it.
					joined := reqItem{words: append(append(append([]string{}, it.words...), "dan"), items[k+1].words...), abbr: items[k+1].abbr}
					for si, s := range req.items {
						if spelledOut(joined, s) {
							match, found[si] = true, true
						}
					}
					if match {
						k++
					}
				}
				if !match && !(len(it.words) == 1 && it.abbr == "" && peopleBrought[it.words[0]]) {
					foreign = append(foreign, it)
				}
			}
			if len(foreign) == 0 {
				continue
			}
			missing := !found[0]
			for si := range found {
				if req.any {
					missing = missing && !found[si]
				} else {
					missing = missing || !found[si]
				}
			}
			s, e := foreign[0].start, foreign[len(foreign)-1].end
			wrote := f.slice(s, e)
			if missing {
				n++
				g.add(f.finding("syarat-bertentangan", SevKesalahan, s, e,
					fmt.Sprintf("Menurut lembar fakta, %s adalah %s, bukan \"%s\". Syarat yang keliru %s; tulis syaratnya persis seperti di lembar fakta.", req.what, req.label, wrote, req.why),
					req.label))
				continue
			}
			g.add(f.finding("syarat-bertentangan", SevPeringatan, s, e,
				fmt.Sprintf("Lembar fakta tidak menyebut \"%s\" dalam %s (%s). Syarat tambahan membuat layanan tampak lebih sulit daripada kenyataannya; hapus yang tidak ada di lembar fakta.", wrote, req.what, req.label),
				""))
		}
	}
	return n
}

// swappedRequirement reports a practical item (what: "apa yang perlu
// dibawa (…)") that checkSwappedRequirements found replaced: its kesalahan
// names the item already.
func (g *grader) swappedRequirement(what string) bool {
	for _, fd := range g.findings {
		if fd.Rule == "syarat-bertentangan" && fd.Severity == SevKesalahan && strings.HasSuffix(what, "("+fd.Suggestion+")") {
			return true
		}
	}
	return false
}
