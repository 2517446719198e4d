package grading

import (
	"strings"
	"testing"
	"time"
)

func TestQuoteAttribution(t *testing.T) {
	unattributed := "\"Ini festival terbaik yang pernah ada di Sukamaju.\""
	in, rep := check(goodHeadline, withLead("Pengunjung datang dari 31 kecamatan.", unattributed, "Festival dibuka pukul 09.00 WIB."))
	f := mustFind(t, rep, in, CritFaktual, SevPeringatan, "festival terbaik")
	if f.Passage(in.Headline, in.Body) != unattributed || !strings.Contains(f.Message, "atribusi") {
		t.Errorf("finding %+v on %q", f, f.Passage(in.Headline, in.Body))
	}

	for _, attributed := range []string{
		"“Kita harus sadar masyarakat butuh informasi,” kata Irna saat memberikan arahan.",
		"Menurut Asep, relawan harus siap. \"Mereka orang pertama di lokasi.\"",
		"\"Untuk warga yang sakit, petugas datang ke rumah,\" ujarnya.",
		"Bupati Dadang menegaskan hal itu. \"Festival ini milik warga.\"",
	} {
		in, rep = check(goodHeadline, withLead(attributed))
		for _, f := range find(rep, in, CritFaktual, "") {
			if strings.Contains(f.Message, "atribusi") {
				t.Errorf("%q: attributed quote flagged: %+v", attributed, f)
			}
		}
	}
}

func TestOpinionWords(t *testing.T) {
	body := withLead("Festival berlangsung sangat meriah dan luar biasa. Acara yang spektakuler ini menampilkan 85 pelaku usaha.")
	in, rep := check("Festival UMKM Sukamaju Sukses Besar", body)
	for _, w := range []string{"sangat meriah", "luar biasa", "spektakuler"} {
		f := mustFind(t, rep, in, CritFaktual, SevPeringatan, w)
		if !strings.Contains(f.Message, "penilaian penulis") {
			t.Errorf("%s: message %q", w, f.Message)
		}
	}
	f := mustFind(t, rep, in, CritFaktual, SevPeringatan, "Sukses Besar")
	if f.Field != FieldJudul {
		t.Errorf("headline opinion field %q", f.Field)
	}
	if n := len(find(rep, in, CritFaktual, "meriah")); n != 1 {
		t.Errorf("\"sangat meriah\" gave %d findings, want 1", n)
	}

	// Inside a quote or an attributed sentence, the judgement is the source's.
	in, rep = check(goodHeadline, withLead("\"Festival ini luar biasa,\" kata Bupati.", "Menurut Bupati, festival tahun ini yang terbaik."))
	mustNotFind(t, rep, in, CritFaktual, "luar biasa")
	mustNotFind(t, rep, in, CritFaktual, "terbaik")
}

func TestSourcesAndFigures(t *testing.T) {
	in, rep := check(goodHeadline, "SUKAMAJU – BPBD melatih relawan desa di Aula BPBD, Rabu (11/3/2026).\n\nKegiatan ditutup dengan doa bersama.")
	mustFindMsg(t, rep, in, CritFaktual, SevPeringatan, "", "narasumber")
	mustFindMsg(t, rep, in, CritFaktual, SevSaran, "", "belum memuat angka")

	in, rep = check(goodHeadline, withLead())
	for _, f := range find(rep, in, CritFaktual, "") {
		t.Errorf("sound release has faktual finding %+v", f)
	}
}

const factsBrief = `apa: Pelatihan penulisan rilis bagi admin media sosial OPD
siapa:
  - nama: Siti Nurhalimah
    jabatan: Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju
kapan: 2026-03-10
di_mana: Aula Setda Kabupaten Sukamaju
angka:
  - {nilai: 120, satuan: peserta, keterangan: admin media sosial}
  - {nilai: 40, satuan: OPD}
  - {nilai: 1250000, satuan: rupiah, keterangan: anggaran per OPD}
kutipan:
  - oleh: Siti Nurhalimah
    teks: Informasi yang cepat tetapi salah akan merugikan masyarakat.
publish_by_days: 1
`

func gradeWithBrief(t *testing.T, body string) (Input, Report) {
	t.Helper()
	b, err := ParseBrief([]byte(factsBrief))
	if err != nil {
		t.Fatalf("ParseBrief: %v", err)
	}
	in := Input{Headline: "Diskominfo Sukamaju Latih Admin Medsos Menulis Rilis", Body: body, Brief: b, Now: testNow.AddDate(0, 0, -1)}
	return in, Grade(in)
}

const briefLead = "SUKAMAJU – Dinas Komunikasi dan Informatika (Diskominfo) Kabupaten Sukamaju melatih 120 admin media sosial dari 40 OPD di Aula Setda Kabupaten Sukamaju, Selasa (10/3/2026)."
const briefQuote = "\"Informasi yang cepat tetapi salah akan merugikan masyarakat,\" kata Kepala Diskominfo Sukamaju, Siti Nurhalimah."

func TestBriefFigures(t *testing.T) {
	in, rep := gradeWithBrief(t, strings.Replace(briefLead, "120 admin", "150 admin", 1)+"\n\n"+briefQuote)
	f := mustFind(t, rep, in, CritFaktual, SevKesalahan, "150 admin")
	if f.Suggestion != "120 admin" || !strings.Contains(f.Message, "120 peserta") {
		t.Errorf("figure finding %+v", f)
	}
	mustNotFind(t, rep, in, CritFaktual, "40 OPD")

	in, rep = gradeWithBrief(t, briefLead+"\n\nSetiap OPD mendapat anggaran Rp 1,25 juta rupiah. Sebanyak 120 peserta hadir.\n\n"+briefQuote)
	for _, f := range find(rep, in, CritFaktual, "") {
		if f.Severity == SevKesalahan {
			t.Errorf("correct figures flagged: %+v", f)
		}
	}
}

func TestBriefNamesAndTitles(t *testing.T) {
	body := briefLead + "\n\nKepala Diskominfo Sukamaju, Siti Nurhalima, mengatakan pelatihan digelar agar OPD cepat menyampaikan informasi.\n\n" + briefQuote
	in, rep := gradeWithBrief(t, body)
	f := mustFind(t, rep, in, CritFaktual, SevKesalahan, "Siti Nurhalima")
	if f.Passage(in.Headline, in.Body) != "Siti Nurhalima" || f.Suggestion != "Siti Nurhalimah" {
		t.Errorf("name finding %+v on %q", f, f.Passage(in.Headline, in.Body))
	}

	body = briefLead + "\n\nSekretaris Diskominfo Sukamaju, Siti Nurhalimah, mengatakan pelatihan digelar agar OPD cepat menyampaikan informasi.\n\n" + briefQuote
	in, rep = gradeWithBrief(t, body)
	f = mustFind(t, rep, in, CritFaktual, SevKesalahan, "Sekretaris Diskominfo")
	if !strings.Contains(f.Message, "Kepala Dinas Komunikasi") {
		t.Errorf("title message %q", f.Message)
	}

	// Right name and title, other capitalised words: nothing to report.
	in, rep = gradeWithBrief(t, briefLead+"\n\n"+briefQuote)
	for _, f := range find(rep, in, CritFaktual, "") {
		if f.Severity == SevKesalahan {
			t.Errorf("correct facts flagged: %+v", f)
		}
	}
}

func TestBriefDatePlaceAndQuotes(t *testing.T) {
	wrong := strings.Replace(briefLead, "Selasa (10/3/2026)", "Senin (9/3/2026)", 1)
	in, rep := gradeWithBrief(t, wrong+"\n\n"+briefQuote)
	f := mustFind(t, rep, in, CritFaktual, SevKesalahan, "Senin (9/3/2026)")
	if f.Suggestion != "Selasa (10/3/2026)" || !strings.Contains(f.Message, "10 Maret 2026") {
		t.Errorf("date finding %+v", f)
	}

	noPlace := strings.Replace(briefLead, " di Aula Setda Kabupaten Sukamaju", "", 1)
	in, rep = gradeWithBrief(t, noPlace+"\n\n"+briefQuote)
	mustFindMsg(t, rep, in, CritFaktual, SevSaran, "", "Aula Setda")

	invented := "\"Pelatihan ini akan kami gelar setiap bulan di semua kecamatan,\" kata Siti."
	in, rep = gradeWithBrief(t, briefLead+"\n\n"+invented)
	mustFindMsg(t, rep, in, CritFaktual, SevPeringatan, "setiap bulan", "tidak ada di lembar fakta")
	in, rep = gradeWithBrief(t, briefLead+"\n\n"+briefQuote)
	for _, f := range find(rep, in, CritFaktual, "") {
		if strings.Contains(f.Message, "lembar fakta") {
			t.Errorf("faithful release flagged: %+v", f)
		}
	}
}

func TestIndoNumbers(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"8.450", 8450, true}, {"2,5", 2.5, true}, {"120", 120, true}, {"1.250.000", 1250000, true},
		{"09.00", 0, false}, {"4.0", 0, false}, {"abc", 0, false}, {"", 0, false},
	} {
		got, ok := parseIndoNumber(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseIndoNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	for v, want := range map[float64]string{8450: "8.450", 120: "120", 1250000: "1.250.000", 2.5: "2,5"} {
		if got := formatIndoNumber(v); got != want {
			t.Errorf("formatIndoNumber(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		max  int
		want int
	}{
		{"nurhalima", "nurhalimah", 2, 1}, {"rahmat", "rahmat", 2, 0}, {"siti", "sita", 2, 1},
		{"dadang", "kurnia", 2, 3}, {"a", "abcdef", 2, 3},
	} {
		if got := editDistance(tc.a, tc.b, tc.max); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestBriefCoverage(t *testing.T) {
	b := &Brief{
		Apa:   "Perekaman KTP-el keliling",
		Siapa: []Person{{Nama: "Rina Marlinawati", Jabatan: "Kepala Disdukcapil"}, {Nama: "Asep Saepulloh", Jabatan: "Camat Cikadu"}},
		Kapan: "2026-04-16", DiMana: "Aula Kantor Kecamatan Cikadu",
		Angka: []Figure{{Nilai: 1240, Satuan: "warga"}, {Nilai: 318, Satuan: "pelajar"}, {Nilai: 400, Satuan: "perekaman"}, {Nilai: 3, Satuan: "perangkat"}, {Nilai: 42, Satuan: "kilometer"}},
		Kutipan: []BriefQuote{
			{Oleh: "Rina Marlinawati", Teks: "Jarak masih menjadi alasan utama warga Cikadu belum merekam KTP-el."},
			{Oleh: "Asep Saepulloh", Teks: "Kepala desa sudah mengumumkan jadwal ini di masjid dan grup WhatsApp warga."},
		},
	}
	now := time.Date(2026, 4, 16, 17, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	body := "SUKAMAJU – Disdukcapil Kabupaten Sukamaju merekam KTP-el 1.240 warga di Aula Kantor Kecamatan Cikadu, Kamis (16/4/2026).\n\n" +
		"\"Jarak masih menjadi alasan utama warga Cikadu belum merekam KTP-el,\" kata Kepala Disdukcapil, Rina Marlinawati."
	rep := Grade(Input{Headline: "Disdukcapil Sukamaju Rekam KTP-el Warga Cikadu", Body: body, Brief: b, Now: now})
	var figs, people, quotes []string
	for _, f := range rep.Findings {
		switch {
		case strings.HasPrefix(f.Message, "Angka dari lembar fakta"):
			figs = append(figs, f.Message)
		case strings.HasPrefix(f.Message, "Narasumber di lembar fakta"):
			people = append(people, f.Message)
		case strings.HasPrefix(f.Message, "Kutipan Asep"), strings.HasPrefix(f.Message, "Kutipan Rina"):
			quotes = append(quotes, f.Message)
		}
	}
	if len(figs) != 1 || strings.Contains(figs[0], "1.240") || !strings.Contains(figs[0], "318 pelajar, 400 perekaman, tiga perangkat, dan satu lainnya") {
		t.Errorf("missing figures: %q", figs)
	}
	if len(people) != 1 || !strings.Contains(people[0], "Asep Saepulloh") || strings.Contains(people[0], "Rina") {
		t.Errorf("missing people: %q", people)
	}
	// Asep is not named, so his quote is covered by the finding about him; Rina's quote is used.
	if len(quotes) != 0 {
		t.Errorf("quote findings: %q", quotes)
	}
	full := Grade(Input{Headline: "Disdukcapil Sukamaju Rekam KTP-el Warga Cikadu", Body: body + "\n\nCamat Cikadu, Asep Saepulloh, mengatakan warga diberi tahu lewat masjid.", Brief: b, Now: now})
	found := false
	for _, f := range full.Findings {
		found = found || strings.HasPrefix(f.Message, "Kutipan Asep Saepulloh dari lembar fakta belum dipakai")
	}
	if !found {
		t.Error("an unused quote of a named source is not suggested")
	}
}

// A count with a general unit ("orang") is the sheet's figure when its clause
// names that figure's unit noun; other clauses and the sheet's own values are not.
func TestBriefFigureWithGeneralUnit(t *testing.T) {
	b := &Brief{Kapan: "2026-03-10", Angka: []Figure{{Nilai: 1240, Satuan: "warga"}, {Nilai: 318, Satuan: "pelajar"}}}
	lead := "SUKAMAJU – Disdukcapil Kabupaten Sukamaju melayani perekaman KTP-el di Kecamatan Cikadu, Selasa (10/3/2026). "
	grade := func(s string) (Input, Report) {
		in := Input{Headline: "Disdukcapil Layani Perekaman KTP-el di Cikadu", Body: lead + s, Brief: b, Now: testNow.AddDate(0, 0, -1)}
		return in, Grade(in)
	}
	for _, c := range []struct{ text, passage string }{
		{"Sebanyak 381 orang di antaranya adalah pelajar.", "381 orang"},
		{"Pelajar yang belum merekam data tercatat 381 jiwa.", "381 jiwa"},
	} {
		in, rep := grade(c.text)
		f := mustFind(t, rep, in, CritFaktual, SevKesalahan, c.passage)
		if !strings.Contains(f.Message, "318 pelajar") || f.Suggestion != "318"+strings.TrimPrefix(c.passage, "381") {
			t.Errorf("%q: finding %+v", c.text, f)
		}
	}
	for _, ok := range []string{
		"Sebanyak 318 orang di antaranya adalah pelajar.",
		"Sebanyak 1.240 orang yang di antaranya 318 pelajar belum merekam data.",
		"Petugas melayani 25 orang, termasuk pelajar dan warga lanjut usia.",
		"Sebanyak 25 orang dari 318 pelajar sudah merekam data.",
	} {
		in, rep := grade(ok)
		for _, f := range find(rep, in, CritFaktual, "") {
			if f.Severity == SevKesalahan {
				t.Errorf("%q: correct figure flagged: %+v", ok, f)
			}
		}
	}
}

// A count of the sheet's people under another name, or at the sheet's rate,
// is the sheet's figure: "500 warga" a day against 400 perekaman a day,
// "1.420 penduduk" against 1.240 warga. The same counts written right, and
// counts of some of the people or per item, are not flagged.
func TestBriefFigureSameCountedThing(t *testing.T) {
	b := &Brief{Kapan: "2026-03-10", Angka: []Figure{
		{Nilai: 1240, Satuan: "warga", Keterangan: "wajib KTP-el yang belum merekam data"},
		{Nilai: 318, Satuan: "pelajar"},
		{Nilai: 400, Satuan: "perekaman", Keterangan: "target dalam sehari"},
		{Nilai: 5, Satuan: "orang", Keterangan: "petugas dari setiap kecamatan"},
		{Nilai: 1236, Satuan: "balita"},
	}}
	lead := "SUKAMAJU – Disdukcapil Kabupaten Sukamaju melayani perekaman KTP-el di Kecamatan Cikadu, Selasa (10/3/2026). "
	grade := func(s string) (Input, Report) {
		in := Input{Headline: "Disdukcapil Layani Perekaman KTP-el di Cikadu", Body: lead + s, Brief: b, Now: testNow.AddDate(0, 0, -1)}
		return in, Grade(in)
	}
	for _, c := range []struct{ text, passage, sheet string }{
		{"Dalam sehari, petugas menargetkan 500 warga.", "500 warga", "400 perekaman"},
		{"Petugas menargetkan 500 orang per hari.", "500 orang", "400 perekaman"},
		{"Setiap hari petugas melayani lima ratus penduduk.", "lima ratus penduduk", "400 perekaman"},
		{"Petugas menargetkan 500 perekaman per hari.", "500 perekaman", "400 perekaman"},
		{"Sebanyak 1.420 penduduk Cikadu belum merekam data.", "1.420 penduduk", "1.240 warga"},
		{"Sebanyak 381 siswa belum merekam data.", "381 siswa", "318 pelajar"},
		{"Imunisasi kejar menyasar 1.263 anak.", "1.263 anak", "1.236 balita"},
	} {
		in, rep := grade(c.text)
		f := mustFind(t, rep, in, CritFaktual, SevKesalahan, c.passage)
		if !strings.Contains(f.Message, c.sheet) {
			t.Errorf("%q: finding %q does not give the sheet's %s", c.text, f.Message, c.sheet)
		}
	}
	for _, ok := range []string{
		"Dalam sehari, petugas menargetkan 400 warga.",
		"Petugas menargetkan 400 orang per hari.",
		"Setiap hari petugas melayani empat ratus penduduk.",
		"Sebanyak 1.240 penduduk Cikadu belum merekam data.",
		"Sebanyak 318 siswa belum merekam data.",
		"Imunisasi kejar menyasar 1.236 anak.",
		"Setiap kecamatan mengirim lima orang petugas.",
		"Petugas melayani 25 orang setiap jam.",
		"Setiap keluarga cukup diwakili dua orang.",
	} {
		in, rep := grade(ok)
		for _, f := range find(rep, in, CritFaktual, "") {
			if f.Severity == SevKesalahan {
				t.Errorf("%q: correct figure flagged: %s %q", ok, f.Message, f.Passage(in.Headline, in.Body))
			}
		}
	}
}

// A count of a part (a day, a time of day, a village, some of the people) is
// compared only with a figure the sheet gives for that part; a count of the
// whole activity is still the sheet's whole figure.
func TestBriefFigureOfAPart(t *testing.T) {
	b := &Brief{Kapan: "2026-03-10", DiMana: "Aula Kantor Kecamatan Cikadu", Angka: []Figure{
		{Nilai: 1240, Satuan: "warga", Keterangan: "wajib KTP-el di Kecamatan Cikadu yang belum merekam data"},
		{Nilai: 318, Satuan: "pelajar"},
		{Nilai: 400, Satuan: "perekaman", Keterangan: "target dalam sehari"},
		{Nilai: 45, Satuan: "warga", Keterangan: "didata di Desa Mekarjaya"},
	}}
	lead := "SUKAMAJU – Disdukcapil Kabupaten Sukamaju melayani perekaman KTP-el di Kecamatan Cikadu, Selasa (10/3/2026). "
	grade := func(s string) (Input, Report) {
		in := Input{Headline: "Disdukcapil Layani Perekaman KTP-el di Cikadu", Body: lead + s, Brief: b, Now: testNow.AddDate(0, 0, -1)}
		return in, Grade(in)
	}
	for _, c := range []struct{ text, passage, sheet string }{
		{"Sebanyak 1.420 warga telah dilayani selama kegiatan.", "1.420 warga", "1.240 warga"},
		{"Di Kecamatan Cikadu, 1.420 warga belum merekam data.", "1.420 warga", "1.240 warga"},
		{"Di Desa Mekarjaya, petugas mendata 54 warga.", "54 warga", "45 warga"},
		{"Sebanyak 381 warga di antaranya adalah pelajar.", "381 warga", "318 pelajar"},
		{"Di antara warga itu terdapat 381 pelajar.", "381 pelajar", "318 pelajar"},
	} {
		in, rep := grade(c.text)
		f := mustFind(t, rep, in, CritFaktual, SevKesalahan, c.passage)
		if !strings.Contains(f.Message, c.sheet) {
			t.Errorf("%q: finding %q does not give the sheet's %s", c.text, f.Message, c.sheet)
		}
	}
	for _, ok := range []string{
		"Pada hari pertama, petugas melayani 120 warga.",
		"Di Desa Sukaraja, petugas mendata 85 warga.",
		"Sebanyak 120 warga di antaranya sudah merekam data.",
		"Sebagian, yakni 300 warga, sudah merekam data.",
		"Hingga siang, baru 210 warga yang merekam data.",
		"Sebanyak 120 warga lanjut usia didata untuk dilayani di rumah.",
		"Pada hari pertama, petugas baru mencapai 250 perekaman.",
		"Sebagian besar warga, yakni 800 orang, adalah warga lanjut usia.",
		"Dari 1.240 warga itu, sebanyak 318 pelajar belum merekam data.",
	} {
		in, rep := grade(ok)
		for _, f := range find(rep, in, CritFaktual, "") {
			if f.Severity == SevKesalahan {
				t.Errorf("%q: a count of a part flagged: %s %q", ok, f.Message, f.Passage(in.Headline, in.Body))
			}
		}
	}
}

// An unused quote of the sheet is quoted with its own full stop, not a second one.
func TestUnusedQuotePunctuation(t *testing.T) {
	b := &Brief{Kapan: "2026-03-11", Siapa: []Person{{Nama: "Asep Saepudin", Jabatan: "Kepala Pelaksana BPBD"}},
		Kutipan: []BriefQuote{{Oleh: "Asep Saepudin", Teks: "Relawan desa siap menolong."}}}
	in := Input{Headline: goodHeadline, Body: goodLead + "\n\nAsep Saepudin memimpin pelatihan itu.", Brief: b, Now: testNow}
	f := mustFindMsg(t, Grade(in), in, CritFaktual, SevSaran, "", "belum dipakai")
	if strings.Contains(f.Message, ".”.") || !strings.Contains(f.Message, "“Relawan desa siap menolong.” Kutipan") {
		t.Errorf("message %q", f.Message)
	}
}

// TestSingleTimeOutsideTheSheet: when the sheet gives times of day, a single
// time the release adds ("pukul 09.00" for a service open 08.00–15.00) is a
// fact from outside the sheet, named with the sheet's times; the sheet's own
// times, alone or as a range written another way, are not.
func TestSingleTimeOutsideTheSheet(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	const old = "Dalam sehari, petugas menargetkan 400 perekaman."
	if !strings.Contains(b, old) {
		t.Fatalf("the sound release has no %q", old)
	}
	for _, c := range []struct{ add, passage string }{
		{"Petugas mulai melayani pukul 09.00.", "pukul 09.00"},
		{"Antrean ditutup 14.30 WIB.", "14.30 WIB"},
	} {
		in := p.input(h, strings.Replace(b, old, old+" "+c.add, 1))
		rep := Grade(in)
		f := mustFindMsg(t, rep, in, CritFaktual, SevPeringatan, c.passage, "tidak ada di lembar fakta")
		if f.Passage(in.Headline, in.Body) != c.passage || !strings.Contains(f.Message, "08.00–15.00") {
			t.Errorf("%q: %q %s", c.add, f.Passage(in.Headline, in.Body), f.Message)
		}
	}
	for _, add := range []string{
		"Petugas mulai melayani pukul 08.00 WIB.",
		"Layanan dibuka pukul 08.00 sampai dengan 15.00 WIB.",
		"Skor rata-rata pelatihan 2.30 dari skala lima.",
	} {
		in := p.input(h, strings.Replace(b, old, old+" "+add, 1))
		for _, f := range Grade(in).Findings {
			if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
				t.Errorf("%q: false alarm %s on %q: %s", add, f.Rule, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}

// TestAreaWithoutHeadOutsideTheSheet: "warga Cibeureum" names a place as
// surely as "Desa Cibeureum"; when the sheet names its places and not this
// one, it is a fact from outside the sheet. The sheet's places, groups of
// residents and a name after a comma are not.
func TestAreaWithoutHeadOutsideTheSheet(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	const old = "Dalam sehari, petugas menargetkan 400 perekaman."
	in := p.input(h, strings.Replace(b, old, old+" Petugas juga menerima warga Cibeureum yang datang.", 1))
	f := mustFindMsg(t, Grade(in), in, CritFaktual, SevPeringatan, "warga Cibeureum", "tidak ada di lembar fakta")
	if got := f.Passage(in.Headline, in.Body); got != "warga Cibeureum" {
		t.Errorf("passage %q", got)
	}
	for _, add := range []string{
		"Petugas juga melayani warga Cikadu yang bekerja di luar kota.",
		"Layanan ini juga terbuka bagi Warga Negara Indonesia yang baru pindah.",
		"Menurut warga, Rina Marlinawati datang sendiri ke lokasi.",
	} {
		in := p.input(h, strings.Replace(b, old, old+" "+add, 1))
		for _, f := range Grade(in).Findings {
			if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
				t.Errorf("%q: false alarm %s on %q: %s", add, f.Rule, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}
