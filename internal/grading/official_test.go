package grading

import (
	"regexp"
	"strings"
	"testing"
)

// hasRule reports whether the report holds a finding of rule.
func hasRule(rep Report, rule string) (Finding, bool) {
	for _, f := range rep.Findings {
		if f.Rule == rule {
			return f, true
		}
	}
	return Finding{}, false
}

// An official named right after the office, without a comma, is a source
// with an office ("kata Kepala Dinas … Kabupaten Sukamaju Rina Marlinawati.",
// "Camat Cikadu Asep Saepulloh mengatakan"), as is the name followed by its
// office; an office without a name is not.
func TestOfficialNamedWithoutComma(t *testing.T) {
	named := []string{
		"“Petugas kami siap melayani,” kata Kepala Dinas Kesehatan Kabupaten Sukamaju dr. Rahmat Hidayat.",
		"Camat Cikadu Asep Saepulloh mengatakan jadwal layanan sudah diumumkan.",
		"“Petugas kami siap melayani,” kata Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju Rina Marlinawati.",
		"“Petugas kami siap melayani,” kata Rina Marlinawati, Kepala Disdukcapil Sukamaju.",
		"Bupati Sukamaju H. Dadang Kurnia meluncurkan kanal aduan itu.",
	}
	unnamed := []string{
		"“Petugas kami siap melayani,” kata Kepala Dinas Kesehatan Kabupaten Sukamaju.",
		"“Petugas kami siap melayani,” kata Kepala Dinas Komunikasi dan Informatika.",
		"Kepala Dinas Kesehatan mengatakan jadwal layanan sudah diumumkan.",
		"“Petugas kami siap melayani,” kata Kepala Pelaksana Badan Penanggulangan Bencana Daerah Kabupaten Sukamaju.",
	}
	lead := "SUKAMAJU – Dinas Kesehatan Kabupaten Sukamaju membuka layanan imunisasi kejar bagi 480 balita di 50 posyandu, Senin (9/3/2026), karena banyak imunisasi tertunda."
	for _, s := range named {
		_, rep := check("Dinkes Sukamaju Buka Imunisasi Kejar di 50 Posyandu", lead+"\n\n"+s)
		if f, ok := hasRule(rep, "pejabat-hilang"); ok {
			t.Errorf("%q: pejabat-hilang although an official is named: %s", s, f.Message)
		}
	}
	for _, s := range unnamed {
		_, rep := check("Dinkes Sukamaju Buka Imunisasi Kejar di 50 Posyandu", lead+"\n\n"+s)
		if _, ok := hasRule(rep, "pejabat-hilang"); !ok {
			t.Errorf("%q: no pejabat-hilang, though the office names nobody", s)
		}
	}
}

// Every sound release keeps no pejabat-hilang when its attributions drop the
// comma between office and name; without its officials' offices it draws
// the finding, whose example is the practice's own official.
func TestOfficialFormsOnSoundReleases(t *testing.T) {
	comma := regexp.MustCompile(`([A-Z][A-Za-z]*), ((?:dr\. |H\. )?[A-Z][a-z]+ [A-Z][a-z]+)`)
	for id, p := range loadPractices(t) {
		var official Person
		for _, s := range p.brief.Siapa {
			if s.Jabatan != "" {
				official = s
				break
			}
		}
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			if _, ok := hasRule(Grade(p.input(h, b)), "pejabat-hilang"); ok {
				t.Fatalf("%s %s: the sound release draws pejabat-hilang", set, id)
			}
			isName := func(w string) bool {
				for _, s := range p.brief.Siapa {
					if strings.Contains(s.Nama, strings.Fields(w)[len(strings.Fields(w))-2]) {
						return true
					}
				}
				return false
			}
			noComma := comma.ReplaceAllStringFunc(b, func(m string) string {
				sub := comma.FindStringSubmatch(m)
				if officeWords[strings.ToLower(sub[1])] || !isName(sub[2]) {
					return m
				}
				return sub[1] + " " + sub[2]
			})
			if noComma == b {
				t.Fatalf("%s %s: no attribution with a comma to rewrite", set, id)
			}
			if f, ok := hasRule(Grade(p.input(h, noComma)), "pejabat-hilang"); ok {
				t.Errorf("%s %s: without the comma: pejabat-hilang %s", set, id, f.Message)
			}
			// Only names: every title word before a sheet person goes.
			bare := b
			for _, s := range p.brief.Siapa {
				if s.Jabatan == "" {
					continue
				}
				name := s.Nama
				bare = regexp.MustCompile(`[A-Z][^.“”"]*?,? `+regexp.QuoteMeta(name)).ReplaceAllString(bare, name)
			}
			for _, w := range []string{"Kepala", "Camat", "Bupati", "Ketua", "Kader"} {
				bare = regexp.MustCompile(`\b`+w+`\b[^,.“”"]*,? `).ReplaceAllString(bare, "")
			}
			rep := Grade(p.input(h, bare))
			f, ok := hasRule(rep, "pejabat-hilang")
			if !ok {
				t.Errorf("%s %s: offices removed, no pejabat-hilang:\n%s", set, id, bare)
				continue
			}
			if !strings.Contains(f.Message, official.Nama) || !strings.Contains(f.Message, official.Jabatan) {
				t.Errorf("%s %s: example %q does not name the sheet's %s %s", set, id, f.Message, official.Jabatan, official.Nama)
			}
		}
	}
}
