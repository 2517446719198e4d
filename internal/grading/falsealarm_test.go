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
		// One item and a part are no total (1.53.0).
		{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Perekaman satu warga memerlukan sekitar lima menit.", ""},
		{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Satu perangkat khusus disiapkan untuk warga lansia.", ""},
		{"Warga cukup membawa kartu keluarga", "Pelajar yang datang cukup menunjukkan kartu pelajar kepada petugas. Warga cukup membawa kartu keluarga", ""},
	},
	pImun: {
		{`," kata Rahmat.`, `," kata Kadinkes.`, ""},
		{`," kata Rahmat.`, `," kata Kadinkes Sukamaju itu.`, ""},
		// A weekday range before a date range in words (1.55.0).
		{"27 April–2 Mei 2026", "Senin–Sabtu, 27 April–2 Mei 2026", ""},
		// Intervals, one item, a person's own and a per-item subject (1.53.0).
		{"Pekan imunisasi kejar berlangsung", "Pekan imunisasi kejar ini digelar dua pekan setelah Pekan Imunisasi Dunia. Pekan imunisasi kejar berlangsung", ""},
		{"Pekan imunisasi kejar berlangsung", "Balita yang sedang sakit dapat datang dua hari kemudian. Pekan imunisasi kejar berlangsung", ""},
		{"Pekan imunisasi kejar berlangsung", "Orang tua cukup datang ke satu posyandu terdekat. Pekan imunisasi kejar berlangsung", ""},
		{`," tutur Euis.`, `," tutur Euis, yang juga ibu dari dua balita.`, ""},
		{"Di setiap posyandu bertugas dua vaksinator dari puskesmas, sehingga seluruhnya ada 96 vaksinator.", "Setiap posyandu buka pukul 08.00–12.00 WIB dan dilayani dua vaksinator dari puskesmas, sehingga ada 96 vaksinator yang bertugas.", ""},
		// "Tanpa" before the sheet's reason restates it.
		{"Pekan imunisasi kejar berlangsung", "Tanpa imunisasi yang lengkap, balita berisiko tertular campak, difteri, dan polio. Pekan imunisasi kejar berlangsung", ""},
	},
	pBanjir: {
		{"Pelatihan ditutup dengan simulasi", "Tiga hari kemudian, setiap tim menggelar latihan di desanya. Pelatihan ditutup dengan simulasi", ""},
		{"lima orang dari setiap desa.", "lima orang dari setiap desa. Setiap tim terdiri atas lima orang dari satu desa.", ""},
	},
	pAduan: {
		{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD. Warga dapat mengirim aduan tujuh hari seminggu, tetapi admin memantau pada hari kerja.", ""},
		{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD. Dua OPD yang paling sering menerima aduan adalah Dinas PUPR dan Dinas Lingkungan Hidup.", ""},
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
		{"Pekan imunisasi kejar berlangsung enam hari", "Pekan imunisasi kejar berlangsung dua pekan", "angka-bertentangan"},
		{"27 April–2 Mei 2026", "Senin–Jumat, 27 April–2 Mei 2026", "hari-tanggal-tidak-cocok"},
		{"27 April–2 Mei 2026", "Selasa–Sabtu, 27 April–2 Mei 2026", "hari-tanggal-tidak-cocok"},
		{"Di setiap posyandu bertugas dua vaksinator dari puskesmas, sehingga seluruhnya ada 96 vaksinator.", "Setiap posyandu buka pukul 08.00–12.00 WIB dan dilayani tiga vaksinator dari puskesmas.", "angka-bertentangan"},
		{"Di setiap posyandu bertugas dua vaksinator dari puskesmas, sehingga seluruhnya ada 96 vaksinator.", "Setiap posyandu buka pukul 08.00–12.00 WIB dan dilayani dua vaksinator dari puskesmas, sehingga ada 90 vaksinator yang bertugas.", "angka-bertentangan"},
	},
	pBanjir: {
		{"Selama dua hari", "Selama tiga hari", "angka-bertentangan"},
		{"Peserta berasal dari 18 desa", "Peserta berasal dari 20 desa", "angka-bertentangan"},
	},
	pAduan: {
		{`," ujar Siti.`, `," ujar Kadinkes.`, "kutipan-salah-atribusi"},
		{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 40 OPD. Dua OPD paling sering menerima aduan.", "angka-bertentangan"},
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
