package grading

import (
	"fmt"
	"strings"
)

// The event's place: the sheet names where the event is (di_mana); a
// release that puts it elsewhere ("di Balai Desa Mekarjaya" for "Aula
// Kantor Kecamatan Cikadu") sends readers to the wrong building.

// venueNouns head the name of a building or a public place: "Aula",
// "Balai", "GOR", "Posyandu".
var venueNouns = map[string]bool{
	"aula": true, "balai": true, "gedung": true, "gor": true, "kantor": true, "pendopo": true, "pendapa": true,
	"posyandu": true, "puskesmas": true, "pustu": true, "polindes": true, "poskesdes": true, "rsud": true,
	"klinik": true, "masjid": true, "musala": true, "mushola": true, "gereja": true, "lapangan": true,
	"alun-alun": true, "stadion": true, "gelanggang": true, "hotel": true, "wisma": true, "graha": true,
	"sekolah": true, "sd": true, "sdn": true, "smp": true, "smpn": true, "sma": true, "sman": true, "smk": true,
	"smkn": true, "madrasah": true, "pesantren": true, "kampus": true, "universitas": true, "taman": true,
	"pasar": true, "terminal": true, "ruang": true, "auditorium": true, "sekretariat": true, "posko": true,
	"markas": true, "mapolres": true, "sanggar": true, "jalan": true, "jl": true, "bumi": true, "plaza": true,
}

// eventPlaceVerbs put the place after them as the event's: "digelar di".
var eventPlaceVerbs = map[string]bool{
	"berlangsung": true, "digelar": true, "diadakan": true, "dilaksanakan": true, "diselenggarakan": true,
	"dipusatkan": true, "bertempat": true, "berlokasi": true, "dibuka": true, "membuka": true, "menggelar": true,
}

// placeStart reports a token that starts a place's name: a venue noun or
// an area head.
func placeStart(t token) bool {
	return venueNouns[t.lower] || placeHeads[t.lower]
}

// placeRuns calls fn with the token range [lo, hi] of every place named
// after "di" or "ke" ("di Aula Kantor Kecamatan Cikadu", "ke balai desa
// Mekarjaya"), with the preposition, and of every place joined to one by
// "dan" or "serta". A run names a place only with a capitalised word:
// "di balai desa" is any village hall.
func placeRuns(toks []token, gap func(a, b int) string, fn func(lo, hi int, prep string)) {
	for i := 0; i+1 < len(toks); i++ {
		prep := toks[i].lower
		if prep != "di" && prep != "ke" || gap(i, i+1) != " " || !placeStart(toks[i+1]) {
			continue
		}
		lo := i + 1
		for {
			hi, named := lo, toks[lo].capital
			for hi+1 < len(toks) && hi-lo < 7 && gap(hi, hi+1) == " " && (toks[hi+1].capital || toks[hi+1].num || placeStart(toks[hi+1])) &&
				!weekdayLower[toks[hi+1].lower] && monthNames[toks[hi+1].lower] == "" {
				hi++
				named = named || toks[hi].capital
			}
			if named {
				fn(lo, hi, prep)
			}
			i = hi
			if hi+2 < len(toks) && (toks[hi+1].lower == "dan" || toks[hi+1].lower == "serta") && gap(hi, hi+1) == " " && placeStart(toks[hi+2]) {
				lo = hi + 2
				continue
			}
			break
		}
	}
}

// sheetPlaces returns the words of the sheet's event place (di_mana), the
// words of every place the sheet names, and the words that tell the
// sheet's building from its area ("aula", "kantor" of "Aula Kantor
// Kecamatan Cikadu").
func sheetPlaces(b *Brief) (event, all, identity map[string]bool) {
	event, all, identity = map[string]bool{}, map[string]bool{}, map[string]bool{}
	dm := tokenize(b.DiMana, len([]rune(b.DiMana)))
	for _, t := range dm {
		event[t.lower], all[t.lower] = true, true
	}
	rs := []rune(b.DiMana)
	for k, t := range dm {
		if k > 0 && strings.Contains(string(rs[dm[k-1].end:t.start]), ",") {
			break // the building is named before the first comma
		}
		if placeHeads[t.lower] || k > 0 && placeHeads[dm[k-1].lower] {
			continue
		}
		identity[t.lower] = true
	}
	texts := []string{b.Apa, b.Mengapa, b.Bagaimana}
	for _, fig := range b.Angka {
		texts = append(texts, fig.Keterangan)
	}
	for _, s := range texts {
		toks, rs := tokenize(s, len([]rune(s))), []rune(s)
		gap := func(a, c int) string { return string(rs[toks[a].end:toks[c].start]) }
		placeRuns(toks, gap, func(lo, hi int, _ string) {
			area := false
			for _, t := range toks[lo : hi+1] {
				all[t.lower] = true
				area = area || placeHeads[t.lower]
			}
			// "Kecamatan Cikadu dan Cibeureum": one head before coordinated
			// names covers them all, so "Kecamatan Cibeureum" is the sheet's.
			for k := hi; area && k+1 < len(toks); {
				sep := gap(k, k+1)
				if sep != " " && sep != ", " {
					break
				}
				if (toks[k+1].lower == "dan" || toks[k+1].lower == "serta") && k+2 < len(toks) {
					k++
				} else if sep != ", " {
					break
				}
				if k+1 >= len(toks) || gap(k, k+1) != " " || !toks[k+1].capital || toks[k+1].num || placeStart(toks[k+1]) {
					break
				}
				k++
				all[toks[k].lower] = true
			}
		})
	}
	return event, all, identity
}

// checkVenues compares the places the release names after "di" with the
// sheet's. A building the sheet never names, in the role of the event's place
// (the headline, the lead, or after "digelar", "berlangsung" …) where the
// sheet's building is not named, contradicts the sheet (kesalahan); beside
// the sheet's building, or elsewhere, it is a fact from outside the sheet
// (peringatan). It returns the number of kesalahan.
func (g *grader) checkVenues(f *field, b *Brief) int {
	if strings.TrimSpace(b.DiMana) == "" {
		return 0
	}
	event, all, identity := sheetPlaces(b)
	type run struct {
		lo, hi int
		role   bool // in the role of the event's place
		lead   bool // in the headline or the lead
	}
	var runs []run
	gap := func(a, c int) string { return f.slice(f.toks[a].end, f.toks[c].start) }
	inLead := func(pos int) bool {
		return f.name == FieldJudul || g.hasLead && g.lead.Start <= pos && pos < g.lead.End
	}
	placeRuns(f.toks, gap, func(lo, hi int, prep string) {
		if f.inQuote(f.toks[lo].start) {
			return
		}
		r := run{lo: lo, hi: hi, lead: inLead(f.toks[lo].start)}
		// "datang ke Balai Desa Mekarjaya" sends readers there, yet the
		// event's place is said with "di".
		r.role = r.lead && prep == "di"
		for k := lo - 2; k >= 0 && k >= lo-6 && !r.role; k-- {
			if strings.ContainsAny(gap(k, k+1), ".;:!?\n") {
				break
			}
			r.role = prep == "di" && eventPlaceVerbs[f.toks[k].lower]
		}
		runs = append(runs, r)
	})
	within := func(r run, words map[string]bool) bool {
		for _, t := range f.toks[r.lo : r.hi+1] {
			if !words[t.lower] {
				return false
			}
		}
		return true
	}
	// namesVenue: a place of the sheet's event with a word of its building.
	namesVenue := func(r run) bool {
		if !within(r, event) {
			return false
		}
		for _, t := range f.toks[r.lo : r.hi+1] {
			if identity[t.lower] {
				return true
			}
		}
		return false
	}
	venueAnywhere, venueInLead := false, false
	for _, r := range runs {
		if namesVenue(r) {
			venueAnywhere = true
			venueInLead = venueInLead || r.lead
		}
	}
	if f == g.body && !venueAnywhere {
		venueAnywhere = g.headNamesVenue(event, identity)
	}
	n := 0
	outside := "tidak ada di lembar fakta; dalam latihan, pakai hanya fakta dari lembar fakta, karena fakta lain tidak dapat diperiksa."
	for _, r := range runs {
		if within(r, all) || g.placeReported(f, f.toks[r.lo].start) {
			continue
		}
		s, e := f.toks[r.lo].start, f.toks[r.hi].end
		place := f.slice(s, e)
		named := venueAnywhere
		if r.lead {
			named = venueInLead
		}
		// An area alone ("Di Desa Sukaraja, petugas mendata 85 warga")
		// may be where some of the people are; a building is where the
		// event is.
		if r.role && !named && len(identity) > 0 && venueNouns[f.toks[r.lo].lower] {
			n++
			venue, _, _ := strings.Cut(b.DiMana, ",")
			g.add(f.finding("tempat-bertentangan", SevKesalahan, s, e,
				fmt.Sprintf("Tempat \"%s\" tidak sesuai dengan lembar fakta: kegiatan berlangsung di %s. Tempat yang salah membuat warga datang ke lokasi yang keliru; salin tempatnya dari lembar fakta.", place, b.DiMana),
				strings.TrimSpace(venue)))
			continue
		}
		g.add(f.finding("fakta-di-luar-lembar", SevPeringatan, s, e, fmt.Sprintf("\"%s\" %s", place, outside), ""))
	}
	return n
}

// headNamesVenue reports a headline that names the sheet's building.
func (g *grader) headNamesVenue(event, identity map[string]bool) bool {
	f := g.head
	found := false
	placeRuns(f.toks, func(a, c int) string { return f.slice(f.toks[a].end, f.toks[c].start) }, func(lo, hi int, prep string) {
		ok, id := prep == "di", false
		for _, t := range f.toks[lo : hi+1] {
			ok = ok && event[t.lower]
			id = id || identity[t.lower]
		}
		found = found || ok && id
	})
	return found
}

// placeReported reports a place finding of the venue check covering pos.
func (g *grader) placeReported(f *field, pos int) bool {
	for _, fd := range g.findings {
		if fd.Field == f.name && (fd.Rule == "tempat-bertentangan" || fd.Rule == "fakta-di-luar-lembar") && fd.Start <= pos && pos < fd.End {
			return true
		}
	}
	return false
}
