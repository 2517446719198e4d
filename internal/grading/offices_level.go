package grading

import (
	"fmt"
	"strings"
)

// The level of government an office serves, and whether its holder acts
// for the head (Plt., Plh., Pj.) or is the head: both are read from the
// phrase's structure, so an office no list names is judged as well.

// levelWords name the level of government of a region written in an
// office ("Kabupaten Sukamaju", "Pemprov Jawa Barat"); areaTitleLevels the
// level a head of region implies ("Bupati", "Wali Kota").
var (
	levelWords = map[string]level{
		"kabupaten": levelKabupaten, "kab": levelKabupaten, "pemkab": levelKabupaten,
		"kota": levelKota, "pemkot": levelKota,
		"provinsi": levelProvinsi, "prov": levelProvinsi, "pemprov": levelProvinsi,
	}
	areaTitleLevels = map[string]level{
		"bupati": levelKabupaten, "wabup": levelKabupaten, "walikota": levelKota, "wawali": levelKota, "wawalkot": levelKota,
		"gubernur": levelProvinsi, "wagub": levelProvinsi,
	}
)

// level is a set of levels of government, one bit each.
type level uint8

const (
	levelKabupaten level = 1 << iota
	levelKota
	levelProvinsi
)

// officeLevels returns the levels of government the words of an office
// name: its capitalised level words and the level its head of region
// implies ("Wali Kota" is a city's, its "Kota" no region of its own).
func officeLevels(words []token) level {
	var out level
	for i, w := range words {
		if l := areaTitleLevels[w.lower]; l != 0 {
			out |= l
			continue
		}
		if w.lower == "wali" && i+1 < len(words) && words[i+1].lower == "kota" {
			out |= levelKota
			continue
		}
		if w.lower == "kota" && i > 0 && words[i-1].lower == "wali" {
			continue
		}
		if w.capital {
			out |= levelWords[w.lower]
		}
	}
	return out
}

// otherLevel reports an office that serves another level of government
// than the sheet's: "… Provinsi Jawa Barat" or "… Kota Sukamaju" for the
// sheet's "… Kabupaten Sukamaju". An office that names no level, or names
// the sheet's next to another ("Kabupaten Sukamaju, Provinsi Jawa Barat"),
// is not another.
func otherLevel(office []token, jabatan string) bool {
	got := officeLevels(office)
	if got == 0 {
		return false
	}
	want := officeLevels(tokenize(jabatan, len([]rune(jabatan))))
	return want != 0 && got&want == 0
}

// actingForms are the ways to write that an official acts for the head:
// the abbreviation and its words, by the abbreviation.
var actingForms = map[string]string{"plt": "plt", "plh": "plh", "pj": "pj", "pjs": "pjs"}

// actingNames spell the status out for a finding.
var actingNames = map[string]string{
	"plt": "Plt. (pelaksana tugas)", "plh": "Plh. (pelaksana harian)",
	"pj": "Pj. (penjabat)", "pjs": "Pjs. (penjabat sementara)",
}

// actingAt reads an acting status that ends right before token k (or that
// starts at k when forward): "Plt.", "Pelaksana Tugas", "Penjabat
// (Sementara)". It returns the status and the index of its first token.
func actingAt(toks []token, k int, gap func(a, b int) string) (status string, from int) {
	if k <= 0 {
		return "", k
	}
	p := toks[k-1]
	if g := gap(k-1, k); g != " " && g != ". " {
		return "", k
	}
	if s := actingForms[p.lower]; s != "" {
		return s, k - 1
	}
	if k >= 2 && gap(k-2, k-1) == " " {
		pp := toks[k-2]
		switch {
		case pp.lower == "pelaksana" && p.lower == "tugas":
			return "plt", k - 2
		case pp.lower == "pelaksana" && p.lower == "harian":
			return "plh", k - 2
		case pp.lower == "penjabat" && p.lower == "sementara":
			return "pjs", k - 2
		}
	}
	if p.lower == "penjabat" {
		return "pj", k - 1
	}
	return "", k
}

// sheetActing splits a sheet office into its acting status and the office
// it acts in: "Plt. Kepala Dinas Kesehatan" gives "plt" and "Kepala Dinas
// Kesehatan".
func sheetActing(jabatan string) (status, core string) {
	if !strings.HasPrefix(jabatan, "P") && !strings.HasPrefix(jabatan, "p") {
		return "", jabatan // every acting status opens with P
	}
	toks := tokenize(jabatan, len([]rune(jabatan)))
	rs := []rune(jabatan)
	gap := func(a, b int) string { return string(rs[toks[a].end:toks[b].start]) }
	for k := min(2, len(toks)-1); k >= 1; k-- { // the longer form first: "Penjabat Sementara"
		if s, from := actingAt(toks, k, gap); s != "" && from == 0 {
			return s, strings.TrimSpace(string(rs[toks[k].start:]))
		}
	}
	return "", jabatan
}

// officeCore is the sheet office without its acting status: the office the
// checks of title, unit and area compare with.
func officeCore(jabatan string) string {
	_, core := sheetActing(jabatan)
	return core
}

// actingStatus returns the acting status written before the office whose
// title word is token k, with the token where the status starts.
func actingStatus(f *field, k int) (string, int) {
	return actingAt(f.toks, k, func(a, b int) string { return f.slice(f.toks[a].end, f.toks[b].start) })
}

// checkActingOffices flags a sheet person's office written with another
// acting status than the sheet gives: "Plt. Kepala Dinas …" for the head
// the sheet names, or "Kepala Dinas …" for its Plt. An office of another
// title the other checks have reported already is left to them.
func (g *grader) checkActingOffices(f *field, b *Brief) int {
	n := 0
	other := nameOwners(b)
	for pi, p := range b.Siapa {
		want, core := sheetActing(p.Jabatan)
		head := firstWord(core)
		if head == "" || len(nameTokens(p.Nama)) == 0 {
			continue
		}
		if x := titleAbbrev[head]; x != "" {
			head = x
		}
		commas := strings.Count(core, ",")
		nameRuns(f, other, pi, func(i, hi int) {
			for _, sp := range []func() (officeSpan, bool){
				func() (officeSpan, bool) { return officeBefore(f, i, commas) },
				func() (officeSpan, bool) { return officeAfter(f, hi, other, pi) },
			} {
				o, ok := sp()
				if !ok || !f.toks[o.head].capital {
					continue
				}
				got := f.toks[o.head].lower
				if x := titleAbbrev[got]; x != "" {
					got = x
				}
				if got != head {
					continue // another title: checkTitles' finding
				}
				status, from := actingStatus(f, o.head)
				if status == want {
					continue
				}
				s, e := f.toks[from].start, f.toks[o.end].end
				if g.reportedAt(f, "jabatan-bertentangan", s, e) {
					continue
				}
				n++
				var why string
				if want == "" {
					why = fmt.Sprintf("%s adalah %s, pejabat definitif, bukan %s", p.Nama, p.Jabatan, actingNames[status])
				} else {
					why = fmt.Sprintf("%s adalah %s, yaitu %s, bukan pejabat definitif", p.Nama, p.Jabatan, actingNames[want])
					if status != "" {
						why = fmt.Sprintf("%s adalah %s, yaitu %s, bukan %s", p.Nama, p.Jabatan, actingNames[want], actingNames[status])
					}
				}
				g.add(f.finding("jabatan-bertentangan", SevKesalahan, s, e,
					fmt.Sprintf("Jabatan \"%s\" tidak sesuai dengan lembar fakta: %s. Pelaksana tugas, pelaksana harian, atau penjabat berbeda kewenangannya dengan pejabat definitif; tulis jabatannya persis seperti di lembar fakta.", f.slice(s, e), why),
					p.Jabatan))
			}
		})
	}
	return n
}

// skipActing returns the token after an acting status written in words
// that starts at token k ("Pelaksana Tugas", "Penjabat Sementara"), or k.
func skipActing(f *field, k int) int {
	for end := min(k+2, len(f.toks)-1); end > k; end-- { // the longer form first
		if s, from := actingStatus(f, end); s != "" && from == k && f.toks[k].capital {
			return end
		}
	}
	return k
}
