package grading

import (
	"strings"
	"testing"
)

// Fact defects of the adversary's second round (grader 1.35.0): numbers
// in other formats, bounds on words of time, the sheet's prose, degrees,
// claims the sheet never makes. They join
// the mutation suite from here.
func init() { mutations = append(mutations, factMutations...) }

var factMutations = []mutation{
	{"hotline number in another format contradicts the sheet", CritFaktual, SevKesalahan, "0812-0000-5678", map[string][]edit{
		pAduan: {{"ke nomor 0812-0000-5678", "ke nomor +62 812-0000-5687", "+62 812-0000-5687"}},
	}},
	{"hotline number with dots contradicts the sheet", CritFaktual, SevKesalahan, "0812-0000-5678", map[string][]edit{
		pAduan: {{"ke nomor 0812-0000-5678", "ke nomor 0812.0000.5687", "0812.0000.5687"}},
	}},
	{"bound on a length in one word contradicts the sheet", CritFaktual, SevKesalahan, "enam hari", map[string][]edit{
		pImun: {{"berlangsung enam hari", "berlangsung lebih dari sepekan", "lebih dari sepekan"}},
	}},

	{"count per item contradicts the sheet's breakdown", CritFaktual, SevKesalahan, "setiap", map[string][]edit{
		pImun:   {{"bertugas dua vaksinator", "bertugas tiga vaksinator", "tiga vaksinator"}},
		pBanjir: {{"menerima satu paket", "menerima dua paket", "dua paket"}},
	}},
	{"year of the sheet's prose contradicts the sheet", CritFaktual, SevKesalahan, "2025", map[string][]edit{
		pAduan: {{"Sepanjang 2025", "Sepanjang 2024", "Sepanjang 2024"}},
	}},
	{"figure of the sheet's prose contradicts the sheet", CritFaktual, SevKesalahan, "17 tahun", map[string][]edit{
		pKTP: {{"baru berusia 17 tahun", "baru berusia 16 tahun", "berusia 16 tahun"}},
	}},
	{"estimate in thousands with a decimal comma contradicts the sheet", CritFaktual, SevKesalahan, "1.240", map[string][]edit{
		pKTP: {{"karena 1.240 warga", "karena sekitar 1,5 ribu warga", "sekitar 1,5 ribu warga"}},
	}},
	{"doctorate for the sheet's physician", CritFaktual, SevKesalahan, "dokter", map[string][]edit{
		pImun: {{"dr. Rahmat Hidayat", "Dr. Rahmat Hidayat", "Dr. Rahmat Hidayat"}},
	}},
	{"degree after the name the sheet does not give", CritFaktual, SevKesalahan, "Gelar", map[string][]edit{
		pImun:  {{"dr. Rahmat Hidayat", "dr. Rahmat Hidayat, M.Kes.", "M.Kes."}},
		pAduan: {{"H. Dadang Kurnia", "H. Dadang Kurnia, S.H.", "S.H."}},
	}},
	{"hajj title the sheet does not give", CritFaktual, SevPeringatan, "haji", map[string][]edit{
		pAduan: {{"Siti Nurhalimah", "Hj. Siti Nurhalimah", "Hj. Siti Nurhalimah"}},
	}},
	{"ranking over a region the sheet never makes", CritFaktual, SevPeringatan, "klaim", map[string][]edit{
		pAduan:  {{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD. Kanal ini yang pertama di Indonesia.", "yang pertama di Indonesia"}},
		pBanjir: {{"Pelatihan ditutup dengan simulasi", "Ini satu-satunya pelatihan serupa di Jawa Barat. Pelatihan ditutup dengan simulasi", "satu-satunya"}},
		pImun:   {{"Balita tersebut tinggal", "Ini layanan imunisasi tercepat di Sukamaju. Balita tersebut tinggal", "tercepat di Sukamaju"}},
	}},

	{"date range in words contradicts the sheet", CritFaktual, SevKesalahan, "14–15 Oktober", map[string][]edit{
		pBanjir: {{"14–15 Oktober 2026", "empat belas hingga enam belas Oktober 2026", "empat belas hingga enam belas Oktober"}},
	}},
	{"date range across months in words contradicts the sheet", CritFaktual, SevKesalahan, "27 April–2 Mei", map[string][]edit{
		pImun: {{"27 April–2 Mei 2026", "dua puluh tujuh April sampai tiga Mei 2026", "dua puluh tujuh April sampai tiga Mei"}},
	}},
	{"year of a date range contradicts the sheet", CritFaktual, SevKesalahan, "Mei 2026", map[string][]edit{
		pImun: {{"27 April–2 Mei 2026", "27 April–2 Mei 2027", "Mei 2027"}},
	}},
	{"praise through a source without a name", CritFaktual, SevPeringatan, "tanpa nama", map[string][]edit{
		pAduan: {{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD. Menurut warga, layanan ini sangat memuaskan.", "sangat memuaskan"}},
		pKTP:   {{"Warga cukup membawa", "Menurut sejumlah warga, layanan ini sangat membantu. Warga cukup membawa", "sangat membantu"}},
	}},
}

// factNearForms are correct rewrites of the fact classes: they must draw
// nothing above a suggestion (a rounded length may still draw the saran
// that the sheet's exact figure is missing).
var factNearForms = map[string][]edit{
	pImun: {
		// One head before coordinated names covers them all.
		{"di Kecamatan Cikadu dan Cibeureum.", "di Kecamatan Cikadu dan Kecamatan Cibeureum.", ""},
		// Six days is under a week.
		{"berlangsung enam hari", "berlangsung hampir sepekan", ""},
		{"berlangsung enam hari", "berlangsung kurang dari sepekan", ""},
		{"berlangsung enam hari", "berlangsung sekitar sepekan", ""},
		// The sheet's breakdown and its physician's title as written.
		{"bertugas dua vaksinator", "bertugas 2 vaksinator", ""},
		{"27 April–2 Mei 2026", "dua puluh tujuh April sampai dua Mei 2026", ""},
		{"Balita tersebut tinggal", "Pada hari pertama di posyandu, kader mendata balita. Balita tersebut tinggal", ""},
	},
	pKTP: {
		{"karena 1.240 warga", "karena sekitar 1,2 ribu warga", ""},
		{"karena 1.240 warga", "karena kurang lebih 1.200 warga", ""},
		{"baru berusia 17 tahun", "baru berusia tujuh belas tahun", ""},
	},
	pBanjir: {
		{"menerima satu paket", "menerima sebuah paket", ""},
		{"14–15 Oktober 2026", "empat belas hingga lima belas Oktober 2026", ""},
	},
	pAduan: {
		{"ke nomor 0812-0000-5678", "ke nomor +62 812-0000-5678", ""},
		{"ke nomor 0812-0000-5678", "ke nomor 0812.0000.5678", ""},
		{"ke nomor 0812-0000-5678", "ke nomor +6281200005678", ""},
		{"ke nomor 0812-0000-5678", "ke nomor 62 812 0000 5678", ""},
		{"ke nomor 0812-0000-5678", "ke nomor +62 812 0000 5678", ""},
		// The same hours in words of the day.
		{"pukul 08.00–16.00 WIB", "pukul 8 pagi sampai 4 sore", ""},
		{"Sepanjang 2025", "Sepanjang tahun 2025", ""},
		{"H. Dadang Kurnia", "Bapak H. Dadang Kurnia", ""},
		{"Siti Nurhalimah", "Ibu Siti Nurhalimah", ""},
		// A ranking said by a named source is the source's (once introduced).
		{"tutur Siti.", "tutur Siti. Menurut Siti, kanal ini yang pertama di Sukamaju.", ""},
	},
}

func TestMutationsFactNearForms(t *testing.T) {
	practices := loadPractices(t)
	for id, eds := range factNearForms {
		p := practices[id]
		h, b := soundRelease(t, id)
		for _, e := range eds {
			if !strings.Contains(b, e.old) {
				t.Fatalf("%s: the sound release has no %q", id, e.old)
			}
			in := p.input(h, strings.Replace(b, e.old, e.new, 1))
			rep := Grade(in)
			for _, f := range rep.Findings {
				if SeverityRank(f.Severity) > SeverityRank(SevSaran) {
					t.Errorf("%s %q: false alarm: %s %s %q: %s", id, e.new, f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
				}
			}
		}
	}
}
