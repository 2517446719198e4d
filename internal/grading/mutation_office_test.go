package grading

import (
	"slices"
	"strings"
	"testing"
)

// Defects in the offices, people and requirements of the sheet that grader
// 1.60.0 let through, each applied to both sound sets of every practice that
// holds its passage. A mutation may first change the sheet (an acting head)
// and write the release that is sound under it (base); the defect's edits
// then break that release.

type officeMutation struct {
	name  string
	sheet func(b *Brief) // changes a copy of the practice's sheet; nil keeps it
	rule  string
	sev   string
	msg   string            // words the finding's message must hold
	base  map[string][]edit // the sound release under the changed sheet
	edits map[string][]edit
}

// withSheet returns the practice with a copy of its sheet changed by fn.
func withSheet(p practice, fn func(b *Brief)) practice {
	if fn == nil {
		return p
	}
	b := *p.brief
	b.Siapa = slices.Clone(b.Siapa)
	p.brief = &b
	fn(p.brief)
	return p
}

// setOffice changes the office of the sheet's person i.
func setOffice(i int, jabatan string) func(b *Brief) {
	return func(b *Brief) { b.Siapa[i].Jabatan = jabatan }
}

// runOfficeMutations applies each mutation to both sound sets and checks
// the finding, its severity and the score's movement; the base release
// must itself draw nothing above info.
func runOfficeMutations(t *testing.T, muts []officeMutation) {
	practices := loadPractices(t)
	for _, m := range muts {
		applied := 0
		for id, eds := range m.edits {
			p := withSheet(practices[id], m.sheet)
			for _, dir := range []string{"sound", "sound2"} {
				h, b := releaseFile(t, dir, id)
				h, b, ok := applyEdits(h, b, m.base[id])
				if !ok {
					continue
				}
				mh, mb, ok := applyEdits(h, b, eds)
				if !ok {
					continue
				}
				applied++
				t.Run(m.name+"/"+dir+"/"+id, func(t *testing.T) {
					base := p.input(h, b)
					sound := Grade(base)
					for _, f := range sound.Findings {
						if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
							t.Errorf("the release before the defect draws %s %s %q: %s", f.Rule, f.Severity, f.Passage(h, b), f.Message)
						}
					}
					in := p.input(mh, mb)
					rep := Grade(in)
					var hit *Finding
					for k, f := range rep.Findings {
						if f.Rule == m.rule && strings.Contains(f.Passage(in.Headline, in.Body), eds[0].want) && strings.Contains(f.Message, m.msg) {
							hit = &rep.Findings[k]
							break
						}
					}
					if hit == nil {
						t.Fatalf("no %s finding on %q naming %q; findings:\n%s", m.rule, eds[0].want, m.msg, dump(rep, in))
					}
					if hit.Severity != m.sev {
						t.Errorf("%s is %s, want %s", m.rule, hit.Severity, m.sev)
					}
					if drop := sound.Score - rep.Score; drop < severityDrop[m.sev] {
						t.Errorf("score %d → %d: a %s must cost at least %d points", sound.Score, rep.Score, m.sev, severityDrop[m.sev])
					}
					if m.sev == SevKesalahan && rep.Band == BandSangatBaik {
						t.Errorf("a kesalahan left %d %s", rep.Score, rep.Band)
					}
				})
			}
		}
		if applied == 0 {
			t.Errorf("%s: applies to no sound release", m.name)
		}
	}
}

// officeNearForm is a correct way to write what the mutations break, under
// the sheet sheet changes (nil: the practice's own).
type officeNearForm struct {
	sheet func(b *Brief)
	edits []edit
}

// runOfficeNearForms checks that each near form draws nothing above info
// on both sound sets, and that each applies to some release.
func runOfficeNearForms(t *testing.T, forms map[string][]officeNearForm) {
	practices := loadPractices(t)
	for id, nfs := range forms {
		for _, nf := range nfs {
			p := withSheet(practices[id], nf.sheet)
			applied := false
			for _, dir := range []string{"sound", "sound2"} {
				h, b := releaseFile(t, dir, id)
				mh, mb, ok := applyEdits(h, b, nf.edits)
				if !ok {
					continue
				}
				applied = true
				in := p.input(mh, mb)
				for _, f := range Grade(in).Findings {
					if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
						t.Errorf("%s/%s %q: false alarm: %s %s %q: %s", dir, id, nf.edits[len(nf.edits)-1].new, f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
					}
				}
			}
			if !applied {
				t.Errorf("%s: near form %q applies to no sound release", id, nf.edits[len(nf.edits)-1].new)
			}
		}
	}
}

var (
	actingImun   = setOffice(0, "Plt. Kepala Dinas Kesehatan Kabupaten Sukamaju")
	actingKTP    = setOffice(0, "Plt. Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju")
	actingAduan  = setOffice(0, "Pj. Bupati Sukamaju")
	actingBanjir = setOffice(0, "Plh. Kepala Pelaksana BPBD Kabupaten Sukamaju")
)

var officeMutations = []officeMutation{
	{name: "an office of another level of government", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "Kabupaten Sukamaju", edits: map[string][]edit{
		pImun:   {{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Kepala Dinas Kesehatan Provinsi Jawa Barat, dr. Rahmat", "Provinsi Jawa Barat"}},
		pKTP:    {{"Pencatatan Sipil Kabupaten Sukamaju, Rina", "Pencatatan Sipil Provinsi Jawa Barat, Rina", "Provinsi Jawa Barat"}, {"Kepala Disdukcapil Kabupaten Sukamaju, Rina", "Kepala Disdukcapil Provinsi Jawa Barat, Rina", optional}},
		pAduan:  {{"Informatika Kabupaten Sukamaju, Siti", "Informatika Kota Sukamaju, Siti", "Kota Sukamaju"}},
		pBanjir: {{"Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", "Kepala Pelaksana BPBD Provinsi Jawa Barat, Asep", "Provinsi Jawa Barat"}},
	}},
	{name: "a city's office for the regency's", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "Kabupaten Sukamaju", edits: map[string][]edit{
		pImun:   {{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Kepala Dinkes Kota Sukamaju, dr. Rahmat", "Kota Sukamaju"}},
		pKTP:    {{"Pencatatan Sipil Kabupaten Sukamaju, Rina", "Pencatatan Sipil Kota Sukamaju, Rina", "Kota Sukamaju"}, {"Kepala Disdukcapil Kabupaten Sukamaju, Rina", "Kepala Disdukcapil Kota Sukamaju, Rina", optional}},
		pBanjir: {{"Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", "Kepala Pelaksana BPBD Kota Sukamaju, Asep", "Kota Sukamaju"}},
	}},
	{name: "the head of another level of government", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "Bupati Sukamaju", edits: map[string][]edit{
		pAduan: {{"Bupati Sukamaju, H. Dadang", "Wali Kota Sukamaju, H. Dadang", "Wali Kota Sukamaju"}},
	}},
	{name: "the deputy for the head", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "Bupati Sukamaju", edits: map[string][]edit{
		pAduan: {{"Bupati Sukamaju, H. Dadang", "Wakil Bupati Sukamaju, H. Dadang", "Wakil Bupati Sukamaju"}},
	}},
	{name: "an acting status added to the head", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "pejabat definitif", edits: map[string][]edit{
		pImun:   {{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Plt. Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Plt. Kepala Dinas"}},
		pKTP:    {{"Kepala Di", "Pelaksana Tugas Kepala Di", "Pelaksana Tugas Kepala Di"}},
		pAduan:  {{"Bupati Sukamaju, H. Dadang", "Pj. Bupati Sukamaju, H. Dadang", "Pj. Bupati Sukamaju"}},
		pBanjir: {{"Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", "Plh. Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", "Plh. Kepala Pelaksana"}},
	}},
	{name: "an acting status added after the name", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "pejabat definitif", edits: map[string][]edit{
		pImun:  {{"kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.", "kata dr. Rahmat Hidayat, Plt. Kepala Dinas Kesehatan Kabupaten Sukamaju.", "Plt. Kepala Dinas"}},
		pAduan: {{"Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti Nurhalimah,", "Siti Nurhalimah selaku Penjabat Sementara Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju", "Penjabat Sementara Kepala"}},
	}},
}

func init() {
	// The acting sheets: each practice's first person is an acting head;
	// the base release writes the status, the defect drops or changes it.
	sheets := map[string]func(*Brief){pImun: actingImun, pKTP: actingKTP, pAduan: actingAduan, pBanjir: actingBanjir}
	add := func(name, msg string, base, eds map[string][]edit) {
		for _, id := range []string{pImun, pKTP, pAduan, pBanjir} {
			officeMutations = append(officeMutations, officeMutation{name: name, sheet: sheets[id], msg: msg,
				rule: "jabatan-bertentangan", sev: SevKesalahan, base: map[string][]edit{id: base[id]}, edits: map[string][]edit{id: eds[id]}})
		}
	}
	base := map[string][]edit{
		pImun:   {{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr.", "Plt. Kepala Dinas Kesehatan Kabupaten Sukamaju, dr.", ""}},
		pKTP:    {{"Kepala Di", "Plt. Kepala Di", ""}},
		pAduan:  {{"Bupati Sukamaju, H. Dadang", "Pj. Bupati Sukamaju, H. Dadang", ""}},
		pBanjir: {{"Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", "Plh. Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", ""}},
	}
	add("an acting head written as the head", "bukan pejabat definitif", base, map[string][]edit{
		pImun:   {{"Plt. Kepala Dinas", "Kepala Dinas", "Kepala Dinas Kesehatan"}},
		pKTP:    {{"Plt. Kepala Di", "Kepala Di", "Kepala Di"}},
		pAduan:  {{"Pj. Bupati Sukamaju, H.", "Bupati Sukamaju, H.", "Bupati Sukamaju"}},
		pBanjir: {{"Plh. Kepala Pelaksana", "Kepala Pelaksana", "Kepala Pelaksana BPBD"}},
	})
	add("another acting status than the sheet's", ", bukan P", base, map[string][]edit{
		pImun:   {{"Plt. Kepala Dinas", "Plh. Kepala Dinas", "Plh. Kepala Dinas"}},
		pKTP:    {{"Plt. Kepala Di", "Pj. Kepala Di", "Pj. Kepala Di"}},
		pAduan:  {{"Pj. Bupati Sukamaju, H.", "Plt. Bupati Sukamaju, H.", "Plt. Bupati Sukamaju"}},
		pBanjir: {{"Plh. Kepala Pelaksana", "Plt. Kepala Pelaksana", "Plt. Kepala Pelaksana"}},
	})
}

var officeNearForms = map[string][]officeNearForm{
	pImun: {
		{nil, []edit{{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Kepala Dinas Kesehatan Sukamaju, dr. Rahmat", ""}}},
		{nil, []edit{{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Kepala Dinkes Kabupaten Sukamaju, dr. Rahmat", ""}}},
		{actingImun, []edit{{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr.", "Pelaksana Tugas Kepala Dinas Kesehatan Kabupaten Sukamaju, dr.", ""}}},
		{actingImun, []edit{{"kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.", "kata dr. Rahmat Hidayat, Plt. Kepala Dinas Kesehatan Kabupaten Sukamaju.", ""}}},
	},
	pKTP: {
		{nil, []edit{{"Kepala Di", "Kepala Di", ""}, {"Kabupaten Sukamaju, Rina", "Kabupaten Sukamaju Rina", ""}}},
		{actingKTP, []edit{{"Kepala Di", "Pelaksana Tugas Kepala Di", ""}}},
	},
	pAduan: {
		{nil, []edit{{"Bupati Sukamaju, H. Dadang Kurnia,", "Bupati Sukamaju H. Dadang Kurnia", ""}}},
		{actingAduan, []edit{{"Bupati Sukamaju, H. Dadang", "Penjabat Bupati Sukamaju, H. Dadang", ""}}},
		{nil, []edit{{"Informatika Kabupaten Sukamaju, Siti", "Informatika Sukamaju, Siti", ""}}},
	},
	pBanjir: {
		{actingBanjir, []edit{{"Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", "Pelaksana Harian Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", ""}}},
		{nil, []edit{{"Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", "Kepala Pelaksana BPBD Sukamaju, Asep", ""}}},
	},
}

func TestOfficeMutations(t *testing.T) { runOfficeMutations(t, officeMutations) }

func TestOfficeNearForms(t *testing.T) { runOfficeNearForms(t, officeNearForms) }

// TestOfficeLevels checks the level of government read from an office's
// words, the heads of region included.
func TestOfficeLevels(t *testing.T) {
	for _, c := range []struct {
		got, sheet string
		other      bool
	}{
		{"Kepala Dinas Kesehatan Provinsi Jawa Barat", "Kepala Dinas Kesehatan Kabupaten Sukamaju", true},
		{"Kepala Dinas Kesehatan Kota Sukamaju", "Kepala Dinas Kesehatan Kabupaten Sukamaju", true},
		{"Kepala Dinas Kesehatan Pemprov Jawa Barat", "Kepala Dinas Kesehatan Kabupaten Sukamaju", true},
		{"Wali Kota Sukamaju", "Bupati Sukamaju", true},
		{"Gubernur Jawa Barat", "Bupati Sukamaju", true},
		{"Kepala Dinas Kesehatan Kota Bandung", "Wali Kota Bandung", false},
		{"Wali Kota Bandung", "Wali Kota Bandung", false},
		{"Kepala Dinas Kesehatan Sukamaju", "Kepala Dinas Kesehatan Kabupaten Sukamaju", false},
		{"Kepala Dinas Kesehatan Kabupaten Sukamaju Provinsi Jawa Barat", "Kepala Dinas Kesehatan Kabupaten Sukamaju", false},
		{"Camat Cikadu", "Camat Cikadu", false},
		{"Kepala Dinas Kesehatan Kabupaten Sukamaju", "Camat Cikadu", false},
	} {
		if got := otherLevel(tokenize(c.got, len([]rune(c.got))), c.sheet); got != c.other {
			t.Errorf("otherLevel(%q, %q) = %v, want %v", c.got, c.sheet, got, c.other)
		}
	}
	for _, c := range []struct{ jabatan, status, core string }{
		{"Plt. Kepala Dinas Kesehatan", "plt", "Kepala Dinas Kesehatan"},
		{"Pelaksana Tugas Kepala Dinas Kesehatan", "plt", "Kepala Dinas Kesehatan"},
		{"Pj. Bupati Sukamaju", "pj", "Bupati Sukamaju"},
		{"Penjabat Sementara Bupati Sukamaju", "pjs", "Bupati Sukamaju"},
		{"Kepala Pelaksana BPBD Kabupaten Sukamaju", "", "Kepala Pelaksana BPBD Kabupaten Sukamaju"},
	} {
		if s, core := sheetActing(c.jabatan); s != c.status || core != c.core {
			t.Errorf("sheetActing(%q) = %q, %q; want %q, %q", c.jabatan, s, core, c.status, c.core)
		}
	}
}
