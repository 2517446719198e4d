package grading

import (
	"fmt"
	"strings"
)

// The course's lesson on EYD V (sections 4 and 5): a time of day is
// written with a full stop ("pukul 08.00 WIB"), and a range "from … to"
// with the dash ("08.00–12.00", "27–30 April", "Senin–Jumat") or a word
// ("sampai", "hingga"), not the hyphen of reduplication. A number opens no
// sentence: it is written in words, or the sentence is rephrased
// ("Sebanyak 318 pelajar …"). Each is a saran with its fix.

// clockLeads stand before a time of day.
var clockLeads = wordSet(`pukul jam sejak mulai hingga sampai`)

// clockPart reads "08.00" or "8:00" as a time of day: hour and minutes in
// range, the minutes in two digits; sep is the mark between them.
func clockPart(s string) (sep byte, ok bool) {
	k := strings.IndexAny(s, ".:")
	if k < 1 || k > 2 || len(s)-k != 3 {
		return 0, false
	}
	h, m := s[:k], s[k+1:]
	for _, c := range h + m {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	if atoiSmall(h) > 24 || atoiSmall(m) > 59 {
		return 0, false
	}
	return s[k], true
}

func atoiSmall(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// isClockToken reports a token that is a time of day, alone or a range of
// two joined by a hyphen, and whether any part is written with a colon.
func isClockToken(s string) (colon, hyphenRange, ok bool) {
	a, b, rng := strings.Cut(s, "-")
	sep, ok := clockPart(a)
	if !ok {
		return false, false, false
	}
	colon = sep == ':'
	if rng {
		if sep, ok = clockPart(b); !ok {
			return false, false, false
		}
		colon = colon || sep == ':'
	}
	return colon, rng, true
}

// checkTimeForms flags a time written with a colon and a range written
// with a hyphen at token i. It reports whether it added a finding.
func (g *grader) checkTimeForms(f *field, i int) bool {
	t := f.toks[i]
	prev, next := "", ""
	if i > 0 {
		prev = f.toks[i-1].lower
	}
	if i+1 < len(f.toks) {
		next = f.toks[i+1].lower
	}
	if t.num {
		if colon, rng, ok := isClockToken(t.text); ok {
			if !colon && !rng {
				return g.spacedRange(f, i)
			}
			// "2:1" is a score; a time has its "pukul" or its zone.
			if colon && !clockLeads[prev] && !timeZones[next] && !rng {
				return false
			}
			std := strings.ReplaceAll(strings.Replace(t.text, "-", "–", 1), ":", ".")
			g.timeFinding(f, t.start, t.end, t.text, std, colon, rng)
			return true
		}
		// "27-30 April": days of a month joined by a hyphen.
		a, b, ok := strings.Cut(t.text, "-")
		if ok && len(a) <= 2 && len(b) <= 2 && a != "" && b != "" && a[0] != '0' && allDigits(a) && allDigits(b) && atoiSmall(a) < atoiSmall(b) && atoiSmall(b) <= 31 {
			if _, month := monthNames[next]; month {
				std := a + "–" + b
				g.timeFinding(f, t.start, t.end, t.text, std, false, true)
				return true
			}
		}
		return false
	}
	// "Senin-Jumat": weekdays joined by a hyphen.
	a, b, ok := strings.Cut(t.lower, "-")
	if !ok {
		return false
	}
	_, da := dayNames[a]
	_, db := dayNames[b]
	if da && db && a != b {
		std := strings.Replace(t.text, "-", "–", 1)
		g.timeFinding(f, t.start, t.end, t.text, std, false, true)
		return true
	}
	return false
}

// spacedRange flags "08.00 - 12.00": two times with a spaced hyphen.
func (g *grader) spacedRange(f *field, i int) bool {
	if i+1 >= len(f.toks) {
		return false
	}
	t, n := f.toks[i], f.toks[i+1]
	if gap := f.slice(t.end, n.start); gap != " - " && gap != "-" {
		return false
	}
	if _, _, ok := isClockToken(n.text); !ok || strings.Contains(n.text, "-") {
		return false
	}
	std := strings.ReplaceAll(t.text+"–"+n.text, ":", ".")
	g.timeFinding(f, t.start, n.end, f.slice(t.start, n.end), std, strings.Contains(n.text, ":"), true)
	return true
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// timeFinding reports a time or range written as EYD V does not.
func (g *grader) timeFinding(f *field, start, end int, text, std string, colon, rng bool) {
	var why []string
	if colon {
		why = append(why, "EYD V memisahkan jam dan menit dengan titik, bukan titik dua")
	}
	if rng {
		why = append(why, "rentang \"sampai dengan\" ditulis dengan tanda pisah (–), bukan tanda hubung (-) yang dipakai untuk kata ulang, atau dengan kata \"sampai\"/\"hingga\"")
	}
	msg := fmt.Sprintf("Tulis \"%s\", bukan \"%s\": %s.", std, text, strings.Join(why, "; "))
	g.noteBahasa("penulisan pukul dan rentang")
	if colon {
		g.add(f.finding("pukul-titik", SevSaran, start, end, msg, std))
		return
	}
	g.add(f.finding("tanda-pisah", SevSaran, start, end, msg, std))
}

// checkNumberOpening flags a sentence of the body that opens with digits
// ("318 pelajar mengikuti …"): EYD V writes a number opening a sentence in
// words, and rephrases when the words are too many ("Sebanyak 318 pelajar
// …"). Dates, times, years and list items are left alone.
func (g *grader) checkNumberOpening(f *field, i int) bool {
	t := f.toks[i]
	if !t.num || f.name != FieldIsi || i > 0 && !f.opensSentence(i) || f.inQuote(t.start) || g.inDate(f, t.start) {
		return false
	}
	if i > 0 && strings.ContainsAny(f.slice(f.toks[i-1].end, t.start), "\"“‘'(–—-:") {
		return false // after a dash or a quote mark: no sentence of the writer's
	}
	if i+1 >= len(f.toks) || f.slice(t.end, f.toks[i+1].start) != " " || f.toks[i+1].num || f.toks[i+1].capital {
		return false // "1. …", "2026 …" before a name, "08.00 WIB"
	}
	if t.text[0] == '0' || i > 0 && f.toks[i-1].num && strings.TrimSpace(f.slice(f.toks[i-1].end, t.start)) == "." {
		return false // a code, or a thousands group a tokenised text split off ("1 . 810")
	}
	if _, _, clock := isClockToken(t.text); clock || isPhone(t) {
		return false
	}
	v, ok := parseIndoNumber(t.text)
	if !ok || v < 1 || v != float64(int(v)) || len(t.text) == 4 && v >= 1900 && v <= 2100 {
		return false
	}
	n := int(v)
	words := spellID(n)
	var std, how string
	if len(strings.Fields(words)) <= 2 {
		std = capitalize(words)
		how = fmt.Sprintf("tulis dengan huruf: \"%s %s …\"", std, f.toks[i+1].text)
	} else {
		std = "Sebanyak " + t.text
		how = fmt.Sprintf("bilangan ini terlalu panjang untuk ditulis dengan huruf, jadi susun ulang kalimatnya, misalnya \"%s %s …\"", std, f.toks[i+1].text)
	}
	g.noteBahasa("bilangan di awal kalimat")
	g.add(f.finding("bilangan-awal-kalimat", SevSaran, t.start, t.end,
		fmt.Sprintf("EYD V tidak membuka kalimat dengan angka; %s.", how), std))
	return true
}
