package grading

import (
	"strings"
	"testing"
)

// replaced grades the sound release of a practice with edits applied.
func replaced(t *testing.T, id string, pairs ...string) (Input, Report) {
	t.Helper()
	p := loadPractices(t)[id]
	h, b := soundRelease(t, id)
	for k := 0; k+1 < len(pairs); k += 2 {
		if !strings.Contains(b, pairs[k]) {
			t.Fatalf("%s: the sound release has no %q", id, pairs[k])
		}
		b = strings.Replace(b, pairs[k], pairs[k+1], 1)
	}
	in := p.input(h, b)
	return in, Grade(in)
}

// mustBeClean fails on any finding above info.
func mustBeClean(t *testing.T, rep Report, in Input) {
	t.Helper()
	for _, f := range rep.Findings {
		if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
			t.Errorf("false alarm: %s %s %q: %s", f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
		}
	}
}

// TestSpacedThousandsAreOneNumber: "1 240 warga" is the sheet's 1.240
// written without the dot, reported at the whole number, never a wrong
// "240 warga".
func TestSpacedThousandsAreOneNumber(t *testing.T) {
	in, rep := replaced(t, pKTP, "karena 1.240 warga", "karena 1 240 warga")
	f := mustFind(t, rep, in, CritBahasa, SevPeringatan, "1 240")
	if f.Passage(in.Headline, in.Body) != "1 240" || f.Suggestion != "1.240" {
		t.Errorf("passage %q, suggestion %q", f.Passage(in.Headline, in.Body), f.Suggestion)
	}
	if fs := find(rep, in, CritFaktual, ""); len(fs) > 0 {
		t.Errorf("the sheet's figure with a space reported as a fact: %s", dump(rep, in))
	}
	// A list of two numbers and a year before a count stay two numbers.
	for _, s := range []string{"Pada 2025 120 warga sudah merekam data.", "Warga RT 03 dan 120 warga lain didata."} {
		in := Input{Headline: goodHeadline, Body: withLead(s), Now: testNow}
		for _, f := range Grade(in).Findings {
			if f.Rule == "pemisah-ribuan" {
				t.Errorf("%q: %q read as thousands", s, f.Passage(in.Headline, in.Body))
			}
		}
	}
}

// TestLengthInOtherWords: a length of the event in weeks or in one word is
// compared with the sheet's days; a rate ("dalam sepekan") is not a length.
func TestLengthInOtherWords(t *testing.T) {
	week := &Brief{Apa: "Pekan imunisasi", Kapan: "2026-03-11", DiMana: "Aula BPBD Sukamaju",
		Angka: []Figure{{Nilai: 7, Satuan: "hari", Keterangan: "lama kegiatan"}, {Nilai: 60, Satuan: "relawan"}}}
	for _, s := range []string{"Kegiatan berlangsung sepekan.", "Kegiatan berlangsung selama satu minggu.", "Kegiatan berlangsung tujuh hari.", "Dalam sepekan, petugas melatih 60 relawan."} {
		in := Input{Headline: goodHeadline, Body: withLead(s), Now: testNow, Brief: week}
		rep := Grade(in)
		for _, f := range rep.Findings {
			if f.Rule == "angka-bertentangan" || f.Rule == "angka-lembar-belum-dimuat" && strings.Contains(f.Message, "7 hari") {
				t.Errorf("%q: %s %q: %s", s, f.Rule, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
	six := *week
	six.Angka = []Figure{{Nilai: 6, Satuan: "hari", Keterangan: "lama kegiatan"}, {Nilai: 60, Satuan: "relawan"}}
	for s, want := range map[string]string{"Kegiatan berlangsung sepekan.": "sepekan", "Kegiatan digelar selama dua minggu.": "dua minggu", "Kegiatan berlangsung selama seminggu.": "seminggu"} {
		in := Input{Headline: goodHeadline, Body: withLead(s), Now: testNow, Brief: &six}
		mustFindMsg(t, Grade(in), in, CritFaktual, SevKesalahan, want, "enam hari")
	}
}

// TestTimesInWords: a time of day in words is the time it names; the
// sheet's times in words draw nothing, another start or range contradicts
// the sheet, another single time is from outside it.
func TestTimesInWords(t *testing.T) {
	for _, c := range [][]string{
		{pKTP, "pukul 08.00–15.00 WIB", "pukul delapan pagi sampai pukul tiga sore"},
		{pKTP, "pukul 08.00–15.00 WIB", "pukul delapan hingga tiga sore"},
		{pKTP, "Kamis (16/4/2026), karena", "Kamis (16/4/2026) pukul delapan, karena"},
		{pAduan, "pukul 08.00–16.00 WIB", "pukul delapan pagi sampai dengan empat sore"},
		{pImun, "pukul 08.00–12.00 WIB", "pukul delapan pagi hingga pukul dua belas siang"},
		{pKTP, "Kamis (16/4/2026), karena", "Kamis (16/4/2026) pukul 8 pagi, karena"},
		{pKTP, "pukul 08.00–15.00 WIB", "pukul 8 pagi sampai 3 sore"},
	} {
		in, rep := replaced(t, c[0], c[1], c[2])
		mustBeClean(t, rep, in)
	}
	// "24 jam" is a length, not a time of day.
	in, rep := replaced(t, pKTP, "Dalam sehari, petugas", "Posko informasi buka 24 jam sembilan hari ini. Dalam sehari, petugas")
	for _, f := range rep.Findings {
		if f.Rule == "jam-bertentangan" || strings.Contains(f.Passage(in.Headline, in.Body), "jam sembilan") {
			t.Errorf("a length read as a time: %q: %s", f.Passage(in.Headline, in.Body), f.Message)
		}
	}
	in, rep = replaced(t, pKTP, "Dalam sehari, petugas", "Camat meninjau layanan pukul setengah sebelas. Dalam sehari, petugas")
	mustFindMsg(t, rep, in, CritFaktual, SevPeringatan, "pukul setengah sebelas", "08.00–15.00")
	in, rep = replaced(t, pKTP, "pukul 08.00–15.00 WIB", "mulai pukul tujuh pagi")
	mustFindMsg(t, rep, in, CritFaktual, SevKesalahan, "pukul tujuh pagi", "dimulai pukul 08.00")
}

// TestAddedNegations: a statement of the sheet written negated reverses it;
// "tidak hanya", "tidak lupa", a negation of something else and the sheet's
// own negations do not.
func TestAddedNegations(t *testing.T) {
	in, rep := replaced(t, pKTP, "KTP-el yang sudah dicetak dapat diambil", "KTP-el yang sudah dicetak tidak dapat diambil")
	mustFindMsg(t, rep, in, CritFaktual, SevKesalahan, "tidak dapat diambil di Kantor", "membalik")
	for _, c := range [][]string{
		{pKTP, "Warga cukup membawa kartu keluarga", "Warga tidak perlu membawa dokumen lain selain kartu keluarga"},
		{pKTP, "Warga cukup membawa kartu keluarga", "Warga jangan lupa membawa kartu keluarga"},
		{pImun, "Layanan imunisasi kejar tidak dipungut biaya.", "Layanan imunisasi kejar gratis."},
		{pAduan, "Setiap OPD wajib memberi", "Tidak hanya mencatat, setiap OPD wajib memberi"},
		{pAduan, "Warga diminta tidak membagikan", "Warga diminta tidak pernah membagikan"},
	} {
		in, rep := replaced(t, c[0], c[1], c[2])
		mustBeClean(t, rep, in)
	}
}

// TestVenueNearForms: the sheet's venue shortened, with its area, or named
// again elsewhere draws nothing; an area alone in the lead is not a
// building replaced.
func TestVenueNearForms(t *testing.T) {
	for _, c := range [][]string{
		{pKTP, "di Aula Kantor Kecamatan Cikadu, Kamis", "di Aula Kecamatan Cikadu, Kamis"},
		{pKTP, "di Aula Kantor Kecamatan Cikadu, Kamis", "di Kantor Kecamatan Cikadu, Kamis"},
		{pKTP, "Dalam sehari, petugas", "Layanan digelar di Aula Kantor Kecamatan Cikadu. Dalam sehari, petugas"},
		{pImun, "di Posyandu Melati, Desa Sukasari, Kecamatan Cikadu,", "di Posyandu Melati Desa Sukasari,"},
		{pBanjir, "di Gedung Serbaguna Kecamatan Cibeureum", "di Gedung Serbaguna Cibeureum"},
		{pBanjir, "Pelatihan ditutup dengan simulasi evakuasi di Desa Cijambu.", "Simulasi evakuasi digelar di Desa Cijambu."},
		{pAduan, "di Pendopo Kabupaten Sukamaju", "di Pendopo Sukamaju"},
	} {
		in, rep := replaced(t, c[0], c[1], c[2])
		mustBeClean(t, rep, in)
	}
	in, rep := replaced(t, pKTP, "Dalam sehari, petugas", "Di Desa Mekarjaya, petugas mendata warga. Dalam sehari, petugas")
	mustFindMsg(t, rep, in, CritFaktual, SevPeringatan, "Desa Mekarjaya", "tidak ada di lembar fakta")
	for _, f := range rep.Findings {
		if f.Severity == SevKesalahan {
			t.Errorf("an area of some of the people taken for the venue: %q: %s", f.Passage(in.Headline, in.Body), f.Message)
		}
	}
}

// TestOfficesAndTitlesNearForms: the sheet's offices shortened the usual
// way, without a comma before the name, and its people addressed rightly
// or without their degree draw no faktual warning; "Bapak dr. Rahmat
// Hidayat" was read as a person called Bapak until 1.27.0.
func TestOfficesAndTitlesNearForms(t *testing.T) {
	for _, c := range [][]string{
		{pKTP, "kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati", "kata Kadisdukcapil Sukamaju, Rina Marlinawati"},
		{pKTP, "kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati", "kata Kepala Disdukcapil Kabupaten Sukamaju Rina Marlinawati"},
		{pImun, "kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat", "kata Kadinkes Sukamaju dr. Rahmat Hidayat"},
		{pImun, "Kabupaten Sukamaju, dr. Rahmat Hidayat.", "Kabupaten Sukamaju, Bapak dr. Rahmat Hidayat."},
		{pImun, "Kabupaten Sukamaju, dr. Rahmat Hidayat.", "Kabupaten Sukamaju, Rahmat Hidayat."},
		{pBanjir, "kata Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep Saepudin", "kata Kalak BPBD Sukamaju Asep Saepudin"},
		{pAduan, "SUKAMAJU – Bupati Sukamaju, H. Dadang Kurnia,", "SUKAMAJU – Bupati Sukamaju H. Dadang Kurnia"},
		{pAduan, "lambat,\" kata Dadang.", "lambat,\" kata Pak Dadang."},
		{pKTP, "kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati.", "kata Rina Marlinawati, Kepala Disdukcapil Kabupaten Sukamaju."},
		{pAduan, "Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti Nurhalimah, mengatakan", "Siti Nurhalimah selaku Kepala Diskominfo Sukamaju mengatakan"},
		{pKTP, "Camat Cikadu, Asep Saepulloh, mengatakan", "Rina Marlinawati, Camat Cikadu Asep Saepulloh, dan kepala desa mengatakan"},
		{pKTP, "Kabupaten Sukamaju, Rina Marlinawati.", "Kabupaten Sukamaju, Ibu Rina Marlinawati. Bu Rina menambahkan, petugas siap melayani."},
	} {
		in, rep := replaced(t, c[0], c[1], c[2])
		for _, f := range rep.Findings {
			if f.Criterion == CritFaktual && SeverityRank(f.Severity) > SeverityRank(SevSaran) {
				t.Errorf("%q: %s %q: %s", c[2], f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
	sheet := &Brief{Apa: "Pelatihan relawan", Kapan: "2026-03-11", DiMana: "Aula BPBD Sukamaju",
		Siapa: []Person{{Nama: "Hj. Euis Komalasari", Jabatan: "Kepala Bidang Pelayanan Dinas Sosial"}, {Nama: "Yayan Sofyan", Jabatan: "Wakil Bupati Sukamaju"}}}
	for s, want := range map[string]string{
		"Kepala Seksi Pelayanan Dinas Sosial, Euis Komalasari, hadir.": "Kepala Seksi Pelayanan Dinas Sosial",
		"Kepala Dinas Sosial, Euis Komalasari, hadir.":                 "Kepala Dinas Sosial",
		"Bupati Sukamaju, Yayan Sofyan, membuka pelatihan.":            "Bupati Sukamaju",
		"Pelatihan dibuka Bupati Yayan Sofyan.":                        "Bupati",
	} {
		in := Input{Headline: goodHeadline, Body: withLead(s), Now: testNow, Brief: sheet}
		mustFindMsg(t, Grade(in), in, CritFaktual, SevKesalahan, want, "Jabatan")
	}
	in := Input{Headline: goodHeadline, Body: withLead("Bapak Euis Komalasari hadir."), Now: testNow, Brief: sheet}
	mustFindMsg(t, Grade(in), in, CritFaktual, SevPeringatan, "Bapak Euis Komalasari", "perempuan")
	for _, s := range []string{"Kabid Pelayanan Dinas Sosial, Hj. Euis Komalasari, hadir.", "Ibu Euis Komalasari hadir.", "Wakil Bupati Sukamaju, Yayan Sofyan, membuka pelatihan.", "Sekda dan Wakil Bupati Yayan Sofyan hadir."} {
		in := Input{Headline: goodHeadline, Body: withLead(s), Now: testNow, Brief: sheet}
		for _, f := range Grade(in).Findings {
			if f.Criterion == CritFaktual && SeverityRank(f.Severity) > SeverityRank(SevSaran) && (f.Rule == "jabatan-bertentangan" || f.Rule == "sapaan-bertentangan" || f.Rule == "gelar-bertentangan" || f.Rule == "nama-bertentangan") {
				t.Errorf("%q: %s %q: %s", s, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}
