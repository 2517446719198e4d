package grading

import (
	"fmt"
	"strings"
)

// The first mention of a source: the course teaches that a person is
// introduced with the full office and the full name ("Kepala Pelaksana BPBD
// Kabupaten Sukamaju, Asep Saepudin, mengatakan …") and only afterwards
// by the short name ("kata Asep"). A release whose first mention of a
// sheet person is "Asep mengatakan", or whose only mention is "Kepala Dinas
// mengatakan", leaves readers to guess who speaks and with what authority.

// sheetOfficeRun returns the end of the capitalised office at token k that
// the sheet gives a person, jabatan with its head word head ("Kepala Dinas", "Kepala Pelaksana BPBD
// Kabupaten Sukamaju") when no name follows it: the office stands for the
// person. ok is false for another office, for one a name follows and for a
// title in lower case ("para kepala dinas").
func sheetOfficeRun(f *field, k int, jabatan, head string, owners map[string]int) (end int, ok bool) {
	t := f.toks[k]
	got := t.lower
	if x := titleAbbrev[got]; x != "" {
		got = x
	}
	if !t.capital || got != head || f.inQuote(t.start) {
		return 0, false
	}
	end = k
	for end+1 < len(f.toks) && end-k < officeReach && f.slice(f.toks[end].end, f.toks[end+1].start) == " " &&
		(f.toks[end+1].capital || f.toks[end+1].lower == "dan") && owners[f.toks[end+1].lower] == 0 && !personHonorific(f.toks[end+1].lower) {
		end++
	}
	if f.toks[end].lower == "dan" {
		end--
	}
	if end == k && firstInSentence(f, k) {
		return 0, false // "Kader posyandu juga datang": a capital only for the sentence
	}
	if end+1 < len(f.toks) {
		n := f.toks[end+1]
		gap := f.slice(f.toks[end].end, n.start)
		if (gap == " " || gap == ", ") && (n.capital || personHonorific(n.lower)) {
			return 0, false // a name follows: the office is some person's, not bare
		}
	}
	office := f.toks[k : end+1]
	if officeDiffers(office, jabatan) || roleDiffers(office, jabatan) {
		return 0, false
	}
	return end, true
}

// speaksAt reports an office at tokens k..end used as a source: an
// attribution word before it ("kata Kepala Dinas") or a verb after it
// ("Kepala Dinas mengatakan", "Kepala Dinas meminta").
func speaksAt(f *field, k, end int) bool {
	if k > 0 && attributionWords[f.toks[k-1].lower] && f.slice(f.toks[k-1].end, f.toks[k].start) == " " {
		return true
	}
	if end+1 >= len(f.toks) {
		return false
	}
	n := f.toks[end+1]
	gap := f.slice(f.toks[end].end, n.start)
	return (gap == " " || gap == ", ") && !n.capital && (attributionWords[n.lower] || prefixedVerb(n.lower))
}

// checkFirstMentions reports a sheet person first mentioned in the body
// without an office or without the full name, or named only by the office,
// and returns the people it reported, by index.
func (g *grader) checkFirstMentions(b *Brief) map[int]bool {
	f := g.body
	owners := nameOwners(b)
	reported := map[int]bool{}
	for pi, p := range b.Siapa {
		names := nameTokens(p.Nama)
		jabatan := officeCore(p.Jabatan)
		if len(names) == 0 || firstWord(jabatan) == "" {
			continue
		}
		first, firstHi := -1, -1
		nameRuns(f, owners, pi, func(lo, hi int) {
			if first < 0 {
				first, firstHi = lo, hi
			}
		})
		// The office alone before the first name: "Kepala Pelaksana BPBD
		// Kabupaten Sukamaju menekankan …" in the lead, the name after.
		limit := len(f.toks)
		if first >= 0 {
			limit = first
		}
		head := firstWord(jabatan)
		if x := titleAbbrev[head]; x != "" {
			head = x
		}
		bare, bareEnd, bareSpeaks := -1, -1, false
		for k := 0; k < limit; k++ {
			if end, ok := sheetOfficeRun(f, k, jabatan, head, owners); ok {
				if bare < 0 || !bareSpeaks && speaksAt(f, k, end) {
					bare, bareEnd, bareSpeaks = k, end, speaksAt(f, k, end)
				}
				k = end
			}
		}
		example := fmt.Sprintf("%s, %s", p.Jabatan, p.Nama)
		if first < 0 {
			if bare < 0 || !bareSpeaks {
				continue // never named: the coverage note's
			}
			s, e := f.toks[bare].start, f.toks[bareEnd].end
			reported[pi] = true
			g.add(f.finding("narasumber-tanpa-identitas", SevPeringatan, s, e,
				fmt.Sprintf("Narasumber \"%s\" disebut tanpa nama. Pembaca perlu tahu siapa yang berbicara: sebut jabatan lengkap dan nama lengkapnya saat pertama kali disebut, misalnya \"%s\".", f.slice(s, e), example),
				example))
			continue
		}
		if g.reportedAt(f, "nama-bertentangan", f.toks[first].start, f.toks[firstHi].end) {
			continue // a wrong name: its finding says what to write
		}
		// Name words the sheet spells otherwise ("Rahmad Hidayat") are the
		// name's all the same.
		lo, hi := first, firstHi
		for lo > 0 && nameLike(f, lo-1) && blank(f.slice(f.toks[lo-1].end, f.toks[lo].start)) {
			lo--
		}
		for hi+1 < len(f.toks) && nameLike(f, hi+1) && blank(f.slice(f.toks[hi].end, f.toks[hi+1].start)) {
			hi++
		}
		full := hi-lo+1 >= len(names)
		office := bare >= 0 || officeNear(f, lo, hi, strings.Count(jabatan, ","))
		if !office {
			_, office = lowerRoleBefore(f, lo)
		}
		// "Asep Saepulloh adalah Camat Cikadu.": the office later in the
		// sentence that names him.
		if sn := f.sentenceOf(f.toks[hi].start); !office && sn >= 0 {
			_, end := f.tokRange(f.sents[sn].Start, f.sents[sn].End)
			for k := hi + 1; k < end && !office; k++ {
				_, office = sheetOfficeRun(f, k, jabatan, head, owners)
			}
		}
		if !office {
			_, office = g.lowerOfficeSpan(f, lo)
		}
		if office && full {
			continue
		}
		var missing string
		switch {
		case !office && !full:
			missing = "jabatan dan nama lengkap"
		case !office:
			missing = "jabatan"
		default:
			missing = "nama lengkap"
		}
		s, e := f.toks[first].start, f.toks[firstHi].end
		reported[pi] = true
		g.add(f.finding("narasumber-tanpa-identitas", SevPeringatan, s, e,
			fmt.Sprintf("Penyebutan pertama \"%s\" belum memuat %s narasumber. Saat pertama kali disebut, tulis jabatan lengkap dan nama lengkap, misalnya \"%s\"; sesudahnya cukup \"%s\".", f.slice(s, e), missing, example, names[0]),
			example))
	}
	return reported
}

// blank reports a gap of spaces or one line break: a line wrapped inside a
// paragraph.
func blank(gap string) bool {
	return gap != "" && strings.TrimSpace(gap) == "" && strings.Count(gap, "\n") < 2
}

// nameLike reports a capitalised word that can be part of a person's name
// written next to a sheet name: no office, place or honorific word.
func nameLike(f *field, k int) bool {
	t := f.toks[k]
	return t.capital && !t.allCaps && !t.num && !officeish(t.lower) && !personHonorific(t.lower) &&
		!placeHeads[t.lower] && levelWords[t.lower] == 0 && !f.inQuote(t.start) && !firstInSentence(f, k)
}

// officeish reports a word of an office: a title or role, an institution,
// or a short office ("Kadinkes", "Kalak", "Kabid").
func officeish(w string) bool {
	if officeHead(w) || titleAbbrev[w] != "" || unitAbbrev[w] != "" || institutionNouns[w] != "" || dinasShort(w) != "" {
		return true
	}
	for _, p := range headShorts {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// headShorts open the short names of heads: Ka- and the short name of the
// office ("Kalak BPBD", "Kadinkes", "Kaban", "Kapus", "Kasatpol PP").
var headShorts = []string{"kalak", "kadis", "kadin", "kaban", "kapus", "kasat", "kasub", "kabag", "kabid", "kasi", "kacab", "kaur", "kadus", "kades", "kanit", "karo"}

// officeNear reports an office written next to the name at tokens lo..hi:
// capitalised words before it that hold an office word ("Kadinkes
// Sukamaju dr. Rahmat Hidayat", "Camat Cikadu, Asep Saepulloh"), or an
// office after a comma, "selaku" or "sebagai". Lines may wrap inside it.
func officeNear(f *field, lo, hi, commas int) bool {
	j := lo - 1
	for j >= 0 && personHonorific(f.toks[j].lower) {
		j--
	}
	for k := j; k >= 0 && k >= j-officeReach-2*commas; k-- {
		t := f.toks[k]
		gap := f.slice(t.end, f.toks[k+1].start)
		if k == j && !blank(gap) && strings.TrimSpace(gap) != "," {
			break
		}
		if k < j && !blank(gap) && !(strings.TrimSpace(gap) == "," && commas > 0) {
			break
		}
		if strings.TrimSpace(gap) == "," && k < j {
			commas--
		}
		if !t.capital && t.lower != "dan" || f.inQuote(t.start) {
			break
		}
		if officeish(t.lower) {
			return true
		}
	}
	k := hi + 1
	if k+1 >= len(f.toks) {
		return false
	}
	switch gap := f.slice(f.toks[hi].end, f.toks[k].start); {
	case strings.TrimSpace(gap) == ",":
	case blank(gap) && (f.toks[k].lower == "selaku" || f.toks[k].lower == "sebagai"):
		k++
	default:
		return false
	}
	return officeish(f.toks[k].lower) || skipActing(f, k) != k
}
