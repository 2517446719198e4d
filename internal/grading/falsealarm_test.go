package grading

import "testing"

// falseAlarmForms are correct sentences QA round 3 saw drawing a kesalahan;
// each is applied on its own to both sound releases and must draw nothing
// above info.
var falseAlarmForms = map[string][]edit{
	pKTP: {
		// A relative clause before "cukup" is no negated statement of the sheet.
		{"Warga cukup membawa kartu keluarga", "Warga yang datang cukup membawa kartu keluarga", ""},
		// Ka- and the dinas's short name is the sheet's Kepala Dinas.
		{`," kata Rina.`, `," kata Kadisdukcapil Sukamaju itu.`, ""},
		{`," kata Rina.`, `," kata Kadisdukcapil.`, ""},
		{"Warga cukup membawa kartu keluarga", "Pelajar yang datang cukup menunjukkan kartu pelajar kepada petugas. Warga cukup membawa kartu keluarga", ""},
	},
	pImun: {
		{`," kata Rahmat.`, `," kata Kadinkes.`, ""},
		{`," kata Rahmat.`, `," kata Kadinkes Sukamaju itu.`, ""},
		// "Tanpa" before the sheet's reason restates it.
		{"Pekan imunisasi kejar berlangsung", "Tanpa imunisasi yang lengkap, balita berisiko tertular campak, difteri, dan polio. Pekan imunisasi kejar berlangsung", ""},
	},
	pAduan: {
		{`," ujar Siti.`, `," ujar Kadiskominfo.`, ""},
		{`," ujar Siti.`, `," ujar Kadiskominfo Sukamaju itu.`, ""},
	},
}

// falseAlarmNeighbours are the wrong forms next to falseAlarmForms: each
// must still draw a kesalahan of rule want on at least one sound release.
var falseAlarmNeighbours = map[string][]edit{
	pKTP: {
		{`," kata Rina.`, `," kata Kadinkes.`, "kutipan-salah-atribusi"},
		{`," kata Rina.`, `," kata Kadiskominfo.`, "kutipan-salah-atribusi"},
	},
	pImun: {
		{`," kata Rahmat.`, `," kata Kadisdukcapil.`, "kutipan-salah-atribusi"},
	},
	pAduan: {
		{`," ujar Siti.`, `," ujar Kadinkes.`, "kutipan-salah-atribusi"},
	},
}

func TestFalseAlarmNeighbours(t *testing.T) {
	practices := loadPractices(t)
	for id, eds := range falseAlarmNeighbours {
		p := practices[id]
		for _, e := range eds {
			applied, found := false, false
			for _, dir := range []string{"sound", "sound2"} {
				h, b := releaseFile(t, dir, id)
				mh, mb, ok := applyEdits(h, b, []edit{e})
				if !ok {
					continue
				}
				applied = true
				for _, f := range Grade(p.input(mh, mb)).Findings {
					found = found || f.Rule == e.want && f.Severity == SevKesalahan
				}
			}
			if !applied {
				t.Errorf("%s: %q applies to no sound release", id, e.old)
			} else if !found {
				t.Errorf("%s %q: no kesalahan %s", id, e.new, e.want)
			}
		}
	}
}

func TestFalseAlarmForms(t *testing.T) {
	practices := loadPractices(t)
	for id, eds := range falseAlarmForms {
		p := practices[id]
		for _, e := range eds {
			applied := false
			for _, dir := range []string{"sound", "sound2"} {
				h, b := releaseFile(t, dir, id)
				mh, mb, ok := applyEdits(h, b, []edit{e})
				if !ok {
					continue
				}
				applied = true
				in := p.input(mh, mb)
				for _, f := range Grade(in).Findings {
					if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
						t.Errorf("%s/%s %q: false alarm: %s %s %q: %s", dir, id, e.new, f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
					}
				}
			}
			if !applied {
				t.Errorf("%s: %q applies to no sound release", id, e.old)
			}
		}
	}
}
