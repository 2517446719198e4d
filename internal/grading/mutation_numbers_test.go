package grading

import (
	"strings"
	"testing"
)

// Figures that contradict the sheet in forms the grader used to miss
// (grader 1.63.0 on): each defect is applied to both sound sets of every
// practice it fits, and correct near-forms must stay at the sound score.

// numEdit changes one passage of a sound release; want is the passage the
// finding must cover.
type numEdit struct{ set, id, old, new, want string }

// applyNum returns the practice's input with the edit made.
func applyNum(t *testing.T, practices map[string]practice, e numEdit) (Input, Report) {
	t.Helper()
	h, b := releaseFile(t, e.set, e.id)
	if !strings.Contains(b, e.old) {
		t.Fatalf("%s %s: the sound release has no %q", e.set, e.id, e.old)
	}
	p := practices[e.id]
	return p.input(h, strings.Replace(b, e.old, e.new, 1)), Grade(p.input(h, b))
}

// checkNumDefects asserts each edit draws rule at sev on its passage, with
// the message word msg, and costs what a finding of that severity costs.
func checkNumDefects(t *testing.T, rule, sev, msg string, eds []numEdit) {
	t.Helper()
	practices := loadPractices(t)
	for _, e := range eds {
		t.Run(e.set+"/"+e.id+"/"+e.new, func(t *testing.T) {
			in, sound := applyNum(t, practices, e)
			rep := Grade(in)
			f := mustFindMsg(t, rep, in, CritFaktual, sev, e.want, msg)
			if f.Rule != rule {
				t.Errorf("rule %s, want %s: %s", f.Rule, rule, f.Message)
			}
			if drop := sound.Score - rep.Score; drop < severityDrop[sev] {
				t.Errorf("score %d → %d: a %s must cost at least %d points", sound.Score, rep.Score, sev, severityDrop[sev])
			}
			if sev == SevKesalahan && rep.Score > ErrorCap {
				t.Errorf("a kesalahan left %d %s", rep.Score, rep.Band)
			}
		})
	}
}

// checkNumNearForms asserts each correct rewrite keeps the sound score and
// draws no faktual finding above info.
func checkNumNearForms(t *testing.T, eds []numEdit) {
	t.Helper()
	practices := loadPractices(t)
	for _, e := range eds {
		t.Run(e.set+"/"+e.id+"/"+e.new, func(t *testing.T) {
			in, sound := applyNum(t, practices, e)
			rep := Grade(in)
			for _, f := range rep.Findings {
				if f.Criterion == CritFaktual && SeverityRank(f.Severity) > SeverityRank(SevInfo) {
					t.Errorf("false alarm: %s %s %q: %s", f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
				}
			}
			if rep.Score != sound.Score {
				t.Errorf("score %d, sound %d:\n%s", rep.Score, sound.Score, dump(rep, in))
			}
		})
	}
}

// TestMutationsClassifierCounts: a count with a classifier between the
// number and the noun ("dua unit perangkat", "lima belas unit paket", "dua
// orang admin") counts the noun, so a wrong one contradicts the sheet like
// the digit form; a classifier ending its clause ("sebanyak dua buah")
// counts the noun phrase before it, by its head.
func TestMutationsClassifierCounts(t *testing.T) {
	checkNumDefects(t, "angka-bertentangan", SevKesalahan, "lembar fakta", []numEdit{
		{"sound", pKTP, "tiga perangkat", "dua unit perangkat", "dua unit perangkat"},
		{"sound", pKTP, "tiga perangkat", "empat buah perangkat", "empat buah perangkat"},
		{"sound", pKTP, "tiga perangkat", "4 unit perangkat", "4 unit perangkat"},
		{"sound", pKTP, "membawa tiga perangkat perekaman keliling", "membawa perangkat perekaman keliling sebanyak dua buah", "dua buah"},
		{"sound2", pKTP, "tiga perangkat", "lima belas unit perangkat", "lima belas unit perangkat"},
		{"sound2", pKTP, "tiga perangkat", "dua buah perangkat", "dua buah perangkat"},
		{"sound", pImun, "bertugas dua vaksinator", "bertugas tiga orang vaksinator", "tiga orang vaksinator"},
		{"sound2", pImun, "dua orang di setiap posyandu", "tiga orang petugas di setiap posyandu", "tiga orang petugas"},
		{"sound", pBanjir, "membagikan 18 paket", "membagikan lima belas unit paket", "lima belas unit paket"},
		{"sound2", pBanjir, "menyerahkan 18 paket", "menyerahkan dua puluh buah paket", "dua puluh buah paket"},
		{"sound", pAduan, "dipantau enam admin", "dipantau dua orang admin", "dua orang admin"},
		{"sound2", pAduan, "Enam admin Diskominfo", "Dua orang admin Diskominfo", "Dua orang admin"},
	})
}

func TestMutationsClassifierNearForms(t *testing.T) {
	checkNumNearForms(t, []numEdit{
		{"sound", pKTP, "tiga perangkat", "tiga unit perangkat", ""},
		{"sound", pKTP, "tiga perangkat", "3 unit perangkat", ""},
		{"sound", pKTP, "membawa tiga perangkat perekaman keliling", "membawa perangkat perekaman keliling sebanyak tiga buah", ""},
		{"sound2", pKTP, "tiga perangkat", "tiga buah perangkat", ""},
		{"sound", pImun, "bertugas dua vaksinator", "bertugas dua orang vaksinator", ""},
		{"sound2", pImun, "dua orang di setiap posyandu", "dua orang petugas di setiap posyandu", ""},
		{"sound", pBanjir, "membagikan 18 paket", "membagikan 18 unit paket", ""},
		{"sound2", pBanjir, "menyerahkan 18 paket", "menyerahkan delapan belas buah paket", ""},
		{"sound", pAduan, "dipantau enam admin", "dipantau enam orang admin", ""},
		{"sound2", pAduan, "Enam admin Diskominfo", "Enam orang admin Diskominfo", ""},
		// One item with a classifier is no total.
		{"sound", pKTP, "Warga cukup membawa", "Setiap warga menerima satu lembar bukti perekaman. Warga cukup membawa", ""},
	})
}

// TestMutationsApproximationOutOfRange: a round word whose range leaves
// out the sheet's figure ("belasan orang" for five per village, "puluhan
// pelajar" for 318) contradicts the sheet, even when the range happens to
// hold another figure of the sheet (the 18 desa); a count per item against
// the sheet's breakdown in "orang" is compared with it.
func TestMutationsApproximationOutOfRange(t *testing.T) {
	checkNumDefects(t, "angka-bertentangan", SevKesalahan, "berarti", []numEdit{
		{"sound", pBanjir, "lima orang dari setiap desa", "belasan orang dari setiap desa", "belasan orang"},
		{"sound", pBanjir, "lima orang dari setiap desa", "puluhan orang dari setiap desa", "puluhan orang"},
		{"sound", pBanjir, "lima orang dari setiap desa", "sekitar lima belas orang dari setiap desa", "sekitar lima belas orang"},
		{"sound2", pBanjir, "melatih 90 anggota", "melatih ratusan anggota", "ratusan anggota"},
		{"sound", pKTP, "terdapat 318 pelajar", "terdapat puluhan pelajar", "puluhan pelajar"},
		{"sound", pKTP, "Di antara warga itu terdapat 318 pelajar", "Puluhan orang di antaranya adalah pelajar", "Puluhan orang"},
		{"sound2", pKTP, "Sebanyak 318 di antaranya", "Ribuan di antaranya", "Ribuan"},
		{"sound", pImun, "di 48 posyandu", "di belasan posyandu", "belasan posyandu"},
		{"sound2", pImun, "Sebanyak 96 vaksinator", "Ratusan vaksinator", "Ratusan vaksinator"},
		{"sound", pAduan, "dipantau enam admin", "dipantau belasan admin", "belasan admin"},
		{"sound2", pAduan, "Enam admin Diskominfo", "Puluhan admin Diskominfo", "Puluhan admin"},
	})
	checkNumDefects(t, "angka-bertentangan", SevKesalahan, "lembar fakta", []numEdit{
		{"sound2", pImun, "dua orang di setiap posyandu", "belasan orang di setiap posyandu", "belasan orang"},
		{"sound2", pImun, "dua orang di setiap posyandu", "tiga orang di setiap posyandu", "tiga orang"},
	})
}

// TestMutationsApproximationInRange: a round word whose range holds the
// sheet's figure stays at most the jumlah-samar saran.
func TestMutationsApproximationInRange(t *testing.T) {
	practices := loadPractices(t)
	for _, e := range []numEdit{
		{"sound", pBanjir, "dari 18 desa rawan", "dari belasan desa rawan", "belasan desa"},
		{"sound", pBanjir, "melatih 90 anggota", "melatih puluhan anggota", "puluhan anggota"},
		{"sound2", pBanjir, "melatih 90 anggota", "melatih puluhan anggota", "puluhan anggota"},
		{"sound", pKTP, "karena 1.240 warga", "karena ribuan warga", "ribuan warga"},
		{"sound", pKTP, "terdapat 318 pelajar", "terdapat ratusan pelajar", "ratusan pelajar"},
		{"sound", pKTP, "Di antara warga itu terdapat 318 pelajar", "Ratusan orang di antaranya adalah pelajar", "Ratusan"},
		{"sound2", pImun, "Sebanyak 96 vaksinator", "Puluhan vaksinator", "Puluhan vaksinator"},
		{"sound", pAduan, "tersambung dengan 42 OPD", "tersambung dengan puluhan OPD", "puluhan OPD"},
		{"sound2", pAduan, "Sebanyak 42 OPD", "Puluhan OPD", "Puluhan OPD"},
	} {
		t.Run(e.set+"/"+e.id+"/"+e.new, func(t *testing.T) {
			in, _ := applyNum(t, practices, e)
			rep := Grade(in)
			mustFind(t, rep, in, CritFaktual, SevSaran, e.want)
			for _, f := range rep.Findings {
				if SeverityRank(f.Severity) > SeverityRank(SevSaran) {
					t.Errorf("%s %s %q: %s", f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
				}
			}
		})
	}
	checkNumNearForms(t, []numEdit{
		{"sound", pBanjir, "lima orang dari setiap desa", "sekitar lima orang dari setiap desa", ""},
		{"sound", pBanjir, "lima orang dari setiap desa", "5 orang dari setiap desa", ""},
		{"sound2", pImun, "dua orang di setiap posyandu", "2 orang di setiap posyandu", ""},
	})
}

// TestMutationsFigureOfAnotherGroup: the sheet's number written for another
// group of residents ("318 warga lanjut usia" where the sheet's 318 are
// pelajar, "1.240 lansia" where the 1.240 are all the warga) is a wrong
// fact: kesalahan with the sheet's group as its fix. A word of the same
// group ("318 remaja", "1.236 anak") or no group stays silent.
func TestMutationsFigureOfAnotherGroup(t *testing.T) {
	checkNumDefects(t, "angka-bertentangan", SevKesalahan, "bukan", []numEdit{
		{"sound", pKTP, "terdapat 318 pelajar", "terdapat 318 warga lanjut usia", "318 warga lanjut usia"},
		{"sound", pKTP, "terdapat 318 pelajar", "terdapat 318 lansia", "318 lansia"},
		{"sound", pKTP, "terdapat 318 pelajar", "terdapat 318 penyandang disabilitas", "318 penyandang disabilitas"},
		{"sound", pKTP, "karena 1.240 warga", "karena 1.240 warga lanjut usia", "1.240 warga lanjut usia"},
		{"sound2", pKTP, "Sebanyak 318 di antaranya adalah pelajar", "Sebanyak 318 di antaranya adalah warga lanjut usia", "318 di antaranya adalah warga lanjut usia"},
		{"sound2", pKTP, "Sebanyak 318 di antaranya adalah pelajar", "Sebanyak 318 lansia di antaranya", "318 lansia"},
		{"sound", pImun, "agar 1.236 balita", "agar 1.236 ibu hamil", "1.236 ibu hamil"},
		{"sound2", pImun, "Sebanyak 1.236 balita", "Sebanyak 1.236 lansia", "1.236 lansia"},
		{"sound", pBanjir, "melatih 90 anggota", "melatih 90 lansia", "90 lansia"},
		{"sound2", pBanjir, "melatih 90 anggota", "melatih 90 perempuan", "90 perempuan"},
	})
	checkNumNearForms(t, []numEdit{
		{"sound", pKTP, "terdapat 318 pelajar", "terdapat 318 remaja", ""},
		{"sound", pKTP, "terdapat 318 pelajar", "terdapat 318 siswa", ""},
		{"sound", pKTP, "terdapat 318 pelajar", "terdapat 318 warga berusia 17 tahun", ""},
		{"sound2", pKTP, "Sebanyak 318 di antaranya adalah pelajar", "Sebanyak 318 di antaranya adalah siswa", ""},
		{"sound", pImun, "agar 1.236 balita", "agar 1.236 anak", ""},
	})
}

// TestMutationsFigureOfAnotherTime: the sheet's number moved to another
// time. Where the sheet dates it (1.870 aduan "sepanjang 2025", the year
// before the launch) another time is a kesalahan; where the sheet gives it
// as the count at the event, a past year is a fact the sheet does not hold
// (peringatan). The sheet's own time in other words stays silent.
func TestMutationsFigureOfAnotherTime(t *testing.T) {
	checkNumDefects(t, "angka-bertentangan", SevKesalahan, "waktu lain", []numEdit{
		{"sound", pAduan, "Sepanjang 2025, sebanyak 1.870 aduan", "Tahun ini, sebanyak 1.870 aduan", "Tahun ini"},
		{"sound", pAduan, "Sepanjang 2025, sebanyak 1.870 aduan", "Bulan lalu, sebanyak 1.870 aduan", "Bulan lalu"},
		{"sound", pAduan, "Sepanjang 2025, sebanyak 1.870 aduan", "Pada 2024, sebanyak 1.870 aduan", "Pada 2024"},
		{"sound2", pAduan, "Sepanjang 2025, sebanyak 1.870 aduan", "Sepanjang tahun ini, sebanyak 1.870 aduan", "Sepanjang tahun ini"},
	})
	checkNumDefects(t, "fakta-di-luar-lembar", SevPeringatan, "waktu lain", []numEdit{
		{"sound", pKTP, "karena 1.240 warga Cikadu belum", "karena tahun lalu 1.240 warga Cikadu belum", "tahun lalu"},
		{"sound2", pKTP, "Sebanyak 1.240 warga wajib", "Pada 2025, sebanyak 1.240 warga wajib", "Pada 2025"},
		{"sound2", pBanjir, "Pesertanya berasal dari 18 desa", "Tahun lalu, pesertanya berasal dari 18 desa", "Tahun lalu"},
	})
	checkNumNearForms(t, []numEdit{
		{"sound", pAduan, "Sepanjang 2025, sebanyak 1.870 aduan", "Tahun lalu, sebanyak 1.870 aduan", ""},
		{"sound2", pAduan, "Sepanjang 2025, sebanyak 1.870 aduan", "Sepanjang tahun lalu, sebanyak 1.870 aduan", ""},
		{"sound", pKTP, "karena 1.240 warga Cikadu belum", "karena hingga hari ini 1.240 warga Cikadu belum", ""},
		{"sound2", pKTP, "Sebanyak 1.240 warga wajib", "Tahun ini, sebanyak 1.240 warga wajib", ""},
	})
}

// TestMultiWordFigureOneFix: a wrong figure in more than two words
// ("empat ratus lima puluh warga") draws one fix, the sheet's figure in
// digits, not also the bahasa fix of the wrong number ("450"); a long
// number the sheet has no figure for keeps its bahasa fix.
func TestMultiWordFigureOneFix(t *testing.T) {
	practices := loadPractices(t)
	for _, e := range []numEdit{
		{"sound", pKTP, "karena 1.240 warga", "karena empat ratus lima puluh warga", "empat ratus lima puluh"},
		{"sound2", pKTP, "Sebanyak 1.240 warga", "Sebanyak empat ratus lima puluh warga", "empat ratus lima puluh"},
		{"sound", pImun, "agar 1.236 balita", "agar seribu dua ratus tiga puluh balita", "seribu dua ratus tiga puluh"},
		{"sound2", pImun, "Sebanyak 96 vaksinator", "Sebanyak sembilan puluh tujuh vaksinator", "sembilan puluh tujuh"},
		{"sound", pBanjir, "melatih 90 anggota", "melatih seratus dua puluh lima anggota", "seratus dua puluh lima"},
		{"sound2", pBanjir, "melatih 90 anggota", "melatih seratus dua puluh lima anggota", "seratus dua puluh lima"},
		{"sound", pAduan, "sebanyak 1.870 aduan", "sebanyak seribu delapan ratus tujuh aduan", "seribu delapan ratus tujuh"},
	} {
		t.Run(e.set+"/"+e.id+"/"+e.new, func(t *testing.T) {
			in, _ := applyNum(t, practices, e)
			rep := Grade(in)
			fixes := 0
			for _, f := range rep.Findings {
				if f.Suggestion != "" && strings.Contains(f.Passage(in.Headline, in.Body), e.want) {
					fixes++
				}
			}
			if fixes != 1 {
				t.Errorf("%d fixes on %q, want one:\n%s", fixes, e.want, dump(rep, in))
			}
			mustFind(t, rep, in, CritFaktual, SevKesalahan, e.want)
		})
	}
	p := practices[pKTP]
	h, b := releaseFile(t, "sound", pKTP)
	in := p.input(h, strings.Replace(b, "Warga cukup membawa", "Sebanyak empat ratus lima puluh kursi disiapkan. Warga cukup membawa", 1))
	f := mustFind(t, Grade(in), in, CritBahasa, SevSaran, "empat ratus lima puluh")
	if f.Suggestion != "450" {
		t.Errorf("fix %q, want 450", f.Suggestion)
	}
}

// TestMutationsPerItemSwap: the sheet's number counted by another item
// ("lima orang dari setiap kecamatan" for "dari setiap desa", "Di setiap
// desa bertugas dua vaksinator" for "di setiap posyandu"), a total written
// per item ("90 anggota dari setiap desa") and a count per item written as
// a total ("lima orang utusan mengikuti pelatihan") change the number of
// people or things the reader takes away: kesalahan. The sheet's item in
// other words ("per desa", "masing-masing desa", "Tiap posyandu") and a
// period after a total ("di 48 posyandu, setiap hari") stay silent.
func TestMutationsPerItemSwap(t *testing.T) {
	checkNumDefects(t, "angka-bertentangan", SevKesalahan, "lembar fakta", []numEdit{
		{"sound", pBanjir, "lima orang dari setiap desa", "lima orang dari setiap kecamatan", "lima orang dari setiap kecamatan"},
		{"sound", pImun, "Di setiap posyandu bertugas dua vaksinator", "Di setiap desa bertugas dua vaksinator", "setiap desa bertugas dua vaksinator"},
		{"sound2", pImun, "dua orang di setiap posyandu", "dua orang di setiap kecamatan", "dua orang di setiap kecamatan"},
		{"sound", pBanjir, "melatih 90 anggota", "melatih 90 anggota dari setiap desa", "90 anggota dari setiap desa"},
		{"sound2", pBanjir, "melatih 90 anggota", "melatih 90 anggota dari setiap desa", "90 anggota dari setiap desa"},
		{"sound", pImun, "di 48 posyandu", "di 48 posyandu di setiap kecamatan", "48 posyandu di setiap kecamatan"},
		{"sound", pBanjir, "Sungai Cibeureum, lima orang dari setiap desa.", "Sungai Cibeureum. Sebanyak lima orang utusan desa mengikuti pelatihan.", "lima orang utusan"},
		{"sound2", pAduan, "Sebanyak 42 OPD", "Sebanyak 42 OPD di setiap kecamatan", "42 OPD di setiap kecamatan"},
	})
	checkNumNearForms(t, []numEdit{
		{"sound", pBanjir, "lima orang dari setiap desa", "lima orang per desa", ""},
		{"sound", pBanjir, "lima orang dari setiap desa", "masing-masing desa lima orang", ""},
		{"sound", pImun, "Di setiap posyandu bertugas dua vaksinator", "Tiap posyandu dilayani dua vaksinator", ""},
		{"sound2", pImun, "dua orang di setiap posyandu", "dua orang per posyandu", ""},
		{"sound2", pBanjir, "melatih 90 anggota", "melatih 90 anggota, lima orang dari setiap desa,", ""},
	})
}

// TestMutationsUnitChangesFigure: the sheet's number with another unit of
// the same kind ("42 meter" for 42 kilometer, "enam bulan" or "enam jam"
// for six days) is another quantity: kesalahan with the sheet's unit as
// fix. The same quantity in another unit ("42 km", "42.000 meter", "144
// jam", "sepekan" bounded by "hampir") stays silent.
func TestMutationsUnitChangesFigure(t *testing.T) {
	checkNumDefects(t, "angka-bertentangan", SevKesalahan, "lembar fakta", []numEdit{
		{"sound", pKTP, "mencapai 42 kilometer", "mencapai 42 meter", "42 meter"},
		{"sound", pKTP, "mencapai 42 kilometer", "mencapai 42 m", "42 m"},
		{"sound", pKTP, "mencapai 42 kilometer", "mencapai empat puluh dua meter", "empat puluh dua meter"},
		{"sound", pKTP, "mencapai 42 kilometer", "mencapai 24 km", "24 km"},
		{"sound2", pKTP, "jarak 42 kilometer", "jarak 42 meter", "42 meter"},
		{"sound", pImun, "berlangsung enam hari", "berlangsung enam bulan", "enam bulan"},
		{"sound", pImun, "berlangsung enam hari", "berlangsung enam jam", "enam jam"},
		{"sound2", pImun, "berlangsung enam hari", "berlangsung enam minggu", "enam minggu"},
		{"sound", pBanjir, "Selama dua hari", "Selama dua jam", "dua jam"},
		{"sound2", pBanjir, "berlangsung dua hari", "berlangsung dua bulan", "dua bulan"},
	})
	checkNumNearForms(t, []numEdit{
		{"sound", pKTP, "mencapai 42 kilometer", "mencapai 42 km", ""},
		{"sound", pKTP, "mencapai 42 kilometer", "mencapai 42.000 meter", ""},
		{"sound2", pKTP, "jarak 42 kilometer", "jarak 42 km", ""},
		{"sound", pImun, "berlangsung enam hari", "berlangsung 144 jam", ""},
		{"sound2", pImun, "berlangsung enam hari", "berlangsung hampir sepekan", ""},
		{"sound", pBanjir, "Selama dua hari", "Selama 48 jam", ""},
		{"sound2", pBanjir, "berlangsung dua hari", "berlangsung dua hari", ""},
	})
}
