package grading

import (
	"strings"
	"testing"
)

// Quote defects the adversary found in grader 1.28.0: a quote attributed to
// nobody in particular, a quote reworded by an inserted word. They join the
// mutation suite from here; their correct near-forms are checked in
// TestMutationsQuoteCorrectForms.
func init() { mutations = append(mutations, quoteMutations...) }

var quoteMutations = []mutation{
	{"quote attributed to nobody in particular", CritFaktual, SevPeringatan, "narasumber yang dapat diperiksa", map[string][]edit{
		pKTP:    {{`," ujar Asep.`, `," demikian disampaikan dalam kegiatan itu.`, "Kepala desa sudah"}},
		pImun:   {{`," ujar Euis.`, `," ujar seorang kader.`, "Ada ibu yang ragu"}},
		pBanjir: {{`," kata Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep Saepudin.`, `," ujar sumber tersebut.`, "Saat banjir datang"}},
		pAduan:  {{`," kata Dadang.`, `," kata seorang pejabat.`, "Setiap aduan warga harus"}},
	}},
	{"vague source does not count toward the required attributed quotes", CritFaktual, SevPeringatan, "kutipan langsung", map[string][]edit{
		pImun:   {{`," kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.`, `," kata pihak dinas.`, ""}},
		pBanjir: {{`," ujar Dedi.`, `," ujar salah seorang peserta.`, ""}},
	}},
	{"katanya with nobody named before it", CritFaktual, SevPeringatan, "narasumber yang dapat diperiksa", map[string][]edit{
		pKTP: {{`," kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati.`, `," katanya.`, "Jarak masih menjadi"}},
	}},
	{"quote reworded by an inserted word", CritFaktual, SevPeringatan, "oleh", map[string][]edit{
		pKTP: {{"Karena itu, kami yang datang", "Oleh karena itu, kami yang datang", "Jarak masih menjadi"}},
	}},
}

// TestMutationsQuoteCorrectForms: a named person or the sheet's office after
// the verb of saying, "katanya" after the paragraph naming the speaker, and
// quotation marks around a term or a programme's name draw nothing.
func TestMutationsQuoteCorrectForms(t *testing.T) {
	for id, eds := range map[string][]edit{
		pKTP: {
			{`," ujar Asep.`, `," ujarnya.`, ""},
			{"membuka layanan jemput bola perekaman", `membuka layanan "jemput bola" perekaman`, ""},
		},
		pImun: {
			{"Pekan imunisasi kejar berlangsung enam hari", `Program "Pekan Imunisasi Kejar" berlangsung enam hari`, ""},
			{`," ujar Euis.`, `," ujar kader Posyandu Melati itu, Euis.`, ""},
		},
		pBanjir: {{"sebagai penolong pertama", `sebagai "penolong pertama"`, ""}},
		pAduan: {
			{`," kata Dadang.`, `," kata Bupati Sukamaju.`, ""},
			{`," tutur Siti.`, `," katanya.`, ""},
		},
	} {
		p := loadPractices(t)[id]
		h, b := soundRelease(t, id)
		for _, e := range eds {
			if !strings.Contains(b, e.old) {
				t.Fatalf("%s: the sound release has no %q", id, e.old)
			}
			b = strings.Replace(b, e.old, e.new, 1)
		}
		in := p.input(h, b)
		for _, f := range Grade(in).Findings {
			if SeverityRank(f.Severity) > SeverityRank(SevSaran) {
				t.Errorf("%s: false alarm: %s %s %q: %s", id, f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}
