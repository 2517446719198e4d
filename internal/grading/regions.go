package grading

import (
	"fmt"
	"slices"
	"strings"
)

// The region of the sheet: a practice's agencies and event belong to one
// regency or city ("Kabupaten Sukamaju"). A release that gives them another
// ("Dinas Kesehatan Kabupaten Sukasari", "Pemkab Sukasari", "Kota
// Sukamaju" for the regency) names another local government: a wrong fact,
// as a wrong village is.

// region is a regency, city or province named by its level and the first
// word of its name, with the tokens that write it.
type region struct {
	lvl    level
	name   string
	lo, hi int
	gov    bool // written as its government or head: "Pemkab", "Bupati"
}

// regionsIn returns the regions toks name: a capitalised level word or head
// of region and the capitalised name after it ("Kabupaten Sukamaju",
// "Kab. Sukamaju", "Pemkot Sukamaju", "Wali Kota Sukamaju").
func regionsIn(toks []token, gap func(a, b int) string) []region {
	var out []region
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if !t.capital {
			continue
		}
		lvl, gov, at := levelWords[t.lower], false, i+1
		switch {
		case t.lower == "wali" && toks[i+1].lower == "kota" && gap(i, i+1) == " ":
			lvl, gov, at = levelKota, true, i+2
		case t.lower == "kota" && i > 0 && toks[i-1].lower == "wali":
			continue
		case areaTitleLevels[t.lower] != 0 && !strings.HasPrefix(t.lower, "wa"):
			lvl, gov = areaTitleLevels[t.lower], true // Bupati, Gubernur; not the deputies
		case strings.HasPrefix(t.lower, "pem"):
			gov = true
		}
		if lvl == 0 || at >= len(toks) {
			continue
		}
		if g := gap(at-1, at); g != " " && (g != ". " || len(toks[at-1].lower) > 4) {
			continue // "Kab. Sukamaju", "Prov. Jawa Barat"
		}
		n := toks[at]
		if !n.capital || n.allCaps || n.num || levelWords[n.lower] != 0 || placeHeads[n.lower] || titleWords[n.lower] {
			continue
		}
		hi := at
		for hi+1 < len(toks) && hi-at < 2 && gap(hi, hi+1) == " " && toks[hi+1].capital && !toks[hi+1].allCaps &&
			!toks[hi+1].num && levelWords[toks[hi+1].lower] == 0 && !placeHeads[toks[hi+1].lower] && !titleWords[toks[hi+1].lower] &&
			regionNameWords[toks[hi+1].lower] {
			hi++
		}
		out = append(out, region{lvl: lvl, name: n.lower, lo: i, hi: hi, gov: gov})
		i = hi
	}
	return out
}

// regionNameWords continue a region's name: "Jawa Barat", "Bandung Barat".
var regionNameWords = map[string]bool{"barat": true, "timur": true, "utara": true, "selatan": true, "tengah": true, "raya": true}

// sheetRegions returns the regions the sheet's prose and offices name, and
// the written form of each name ("sukamaju" → "Sukamaju").
func sheetRegions(b *Brief) (map[string]level, map[string]string) {
	lv, written := map[string]level{}, map[string]string{}
	for _, s := range sheetTexts(b) {
		toks, rs := tokenize(s, len([]rune(s))), []rune(s)
		for _, r := range regionsIn(toks, func(a, c int) string { return string(rs[toks[a].end:toks[c].start]) }) {
			lv[r.name] |= r.lvl
			written[r.name] = string(rs[toks[regionNameStart(toks, r)].start:toks[r.hi].end])
		}
	}
	return lv, written
}

// regionNameStart is the token where a region's name starts, after its
// level word or head.
func regionNameStart(toks []token, r region) int {
	if toks[r.lo].lower == "wali" {
		return r.lo + 2
	}
	return r.lo + 1
}

// levelName writes a level for a finding.
func levelName(l level) string {
	switch {
	case l&levelKabupaten != 0:
		return "Kabupaten"
	case l&levelKota != 0:
		return "Kota"
	}
	return "Provinsi"
}

// checkRegions reports a regency, city or province that contradicts the
// sheet's: another name for the level the sheet names, or the sheet's name
// at another level. A region merely mentioned beside the event ("warga
// Kabupaten Garut") stays a fact outside the sheet; one that belongs to an
// agency, venue or government of the release (a capitalised name runs into
// it, it is the government itself, or it stands in the lead) or that takes
// a name of the sheet's places is a contradiction. It returns the number
// of kesalahan.
func (g *grader) checkRegions(b *Brief) int {
	lv, written := sheetRegions(b)
	if len(lv) == 0 {
		return 0
	}
	var sheetLevels level
	for _, l := range lv {
		sheetLevels |= l
	}
	places := map[string]bool{}
	for _, s := range sheetTexts(b) {
		for _, t := range tokenize(s, len([]rune(s))) {
			if t.capital {
				places[t.lower] = true
			}
		}
	}
	n := 0
	for _, f := range []*field{g.head, g.body} {
		n += g.checkRegionsIn(f, lv, written, sheetLevels, places)
	}
	return n
}

// checkRegionsIn is checkRegions on one field, given the sheet's regions
// (lv, written, their levels) and the capitalised words of its prose.
func (g *grader) checkRegionsIn(f *field, lv map[string]level, written map[string]string, sheetLevels level, places map[string]bool) int {
	gap := func(a, c int) string { return f.slice(f.toks[a].end, f.toks[c].start) }
	n := 0
	for _, r := range regionsIn(f.toks, gap) {
		s, e := f.toks[r.lo].start, f.toks[r.hi].end
		if f.inQuote(s) || lv[r.name]&r.lvl != 0 {
			continue
		}
		var msg, fix string
		switch {
		case lv[r.name] != 0 && r.lvl != levelProvinsi:
			// The sheet's own name at another level: "Kota Sukamaju".
			want := levelName(lv[r.name]) + " " + written[r.name]
			msg = fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s. %s dan %s adalah dua pemerintah daerah yang berbeda; tulis wilayahnya seperti di lembar fakta.",
				f.slice(s, e), want, levelName(r.lvl), strings.ToLower(levelName(lv[r.name])))
			fix = want
		case sheetLevels&r.lvl == 0 || lv[r.name] != 0:
			continue // a level the sheet names nowhere: "Provinsi Jawa Barat"
		case !r.gov && !places[r.name] && !g.regionBound(f, r):
			continue // a region mentioned beside the event: the outside-facts check's
		default:
			var same []string
			for nm, l := range lv {
				if l&r.lvl != 0 {
					same = append(same, levelName(r.lvl)+" "+written[nm])
				}
			}
			slices.Sort(same)
			msg = fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s. Nama wilayah yang salah menunjuk pemerintah daerah lain; salin nama kabupaten atau kotanya dari lembar fakta.",
				f.slice(s, e), strings.Join(same, " dan "))
			if len(same) == 1 {
				fix = f.slice(s, f.toks[regionNameStart(f.toks, r)].start) + strings.SplitN(same[0], " ", 2)[1]
			}
		}
		if g.kesalahanAt(f, s, e) {
			continue
		}
		g.dropFindings(f, "fakta-di-luar-lembar", s, e)
		n++
		g.add(f.finding("tempat-bertentangan", SevKesalahan, s, e, msg, fix))
	}
	return n
}

// regionBound reports a region that belongs to what stands before it: a
// capitalised name runs into it ("Dinas Kesehatan Kabupaten Sukasari",
// "(BPBD) Kabupaten Sukasari"), or it stands in the lead.
func (g *grader) regionBound(f *field, r region) bool {
	if f == g.body && g.hasLead && f.toks[r.lo].start >= g.leadPara.Start && f.toks[r.lo].start < g.leadPara.End {
		return true
	}
	if r.lo == 0 {
		return false
	}
	p, gp := f.toks[r.lo-1], f.slice(f.toks[r.lo-1].end, f.toks[r.lo].start)
	return p.capital && !firstInSentence(f, r.lo-1) && (gp == " " || gp == ") ") || strings.HasPrefix(gp, ")") && gp != ")."
}

// kesalahanAt reports a kesalahan of another check over the passage.
func (g *grader) kesalahanAt(f *field, s, e int) bool {
	for _, fd := range g.findings {
		if fd.Field == f.name && fd.Severity == SevKesalahan && fd.Start < e && s < fd.End {
			return true
		}
	}
	return false
}

// dropFindings removes the findings of rule over the passage: a stronger
// finding replaces them.
func (g *grader) dropFindings(f *field, rule string, s, e int) {
	g.findings = slices.DeleteFunc(g.findings, func(fd Finding) bool {
		return fd.Rule == rule && fd.Field == f.name && fd.Start < e && s < fd.End
	})
}

// featureHeads head the names of rivers, lakes and mountains: "Sungai
// Cibeureum". A practice's sheet names the one its event concerns.
var featureHeads = map[string]bool{
	"sungai": true, "danau": true, "situ": true, "waduk": true, "bendungan": true,
	"gunung": true, "bukit": true, "pantai": true, "teluk": true,
}

// checkFeatures reports a river, lake or mountain named otherwise than the
// sheet names the one of the same kind ("Sungai Citarum" for its Sungai
// Cibeureum) in a release that never names the sheet's, and returns the
// number of kesalahan.
func (g *grader) checkFeatures(b *Brief) int {
	sheet := map[string][]string{} // head → the sheet's names, written
	before := map[string]bool{}    // "sungai sepanjang": a word the sheet writes before its river
	for _, s := range sheetTexts(b) {
		toks, rs := tokenize(s, len([]rune(s))), []rune(s)
		for i := 0; i+1 < len(toks); i++ {
			if featureHeads[toks[i].lower] && toks[i+1].capital && string(rs[toks[i].end:toks[i+1].start]) == " " {
				if i > 0 {
					before[toks[i].lower+" "+toks[i-1].lower] = true
				}
				nm := string(rs[toks[i].start:toks[i+1].end])
				if !slices.Contains(sheet[toks[i].lower], nm) {
					sheet[toks[i].lower] = append(sheet[toks[i].lower], capitalize(nm))
				}
			}
		}
	}
	if len(sheet) == 0 {
		return 0
	}
	// A release that names the sheet's river as well mentions another
	// beside it (a fact outside the sheet), unless it writes the other
	// where the sheet writes its own ("di sepanjang Sungai …"); one that
	// names only another has replaced it.
	named := map[string]bool{}
	for _, f := range []*field{g.head, g.body} {
		for i := 0; i+1 < len(f.toks); i++ {
			for _, w := range sheet[f.toks[i].lower] {
				named[f.toks[i].lower] = named[f.toks[i].lower] || strings.EqualFold(strings.Fields(w)[1], f.toks[i+1].text)
			}
		}
	}
	n := 0
	for _, f := range []*field{g.head, g.body} {
		for i := 0; i+1 < len(f.toks); i++ {
			h, nm := f.toks[i], f.toks[i+1]
			want := sheet[h.lower]
			if named[h.lower] && (i == 0 || !before[h.lower+" "+f.toks[i-1].lower]) {
				continue
			}
			if len(want) == 0 || !nm.capital || nm.allCaps || f.slice(h.end, nm.start) != " " || f.inQuote(h.start) {
				continue
			}
			same := false
			for _, w := range want {
				same = same || strings.EqualFold(strings.Fields(w)[1], nm.text)
			}
			s, e := h.start, nm.end
			if same || g.kesalahanAt(f, s, e) {
				continue
			}
			g.dropFindings(f, "fakta-di-luar-lembar", s, e)
			n++
			fix := ""
			if len(want) == 1 {
				fix = f.slice(s, h.end) + " " + strings.Fields(want[0])[1]
			}
			g.add(f.finding("tempat-bertentangan", SevKesalahan, s, e,
				fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta, yang menyebut %s. Nama tempat yang salah membuat warga mencari ke tempat yang keliru; salin namanya dari lembar fakta.", f.slice(s, e), strings.Join(want, " dan ")), fix))
		}
	}
	return n
}
