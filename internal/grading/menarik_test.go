package grading

import (
	"strings"
	"testing"
)

func headlineFindings(t *testing.T, headline string) (Input, Report) {
	t.Helper()
	return check(headline, withLead())
}

func TestHeadlineLength(t *testing.T) {
	in, rep := headlineFindings(t, "Pelatihan Relawan")
	f := mustFindMsg(t, rep, in, CritMenarik, SevSaran, "Pelatihan Relawan", "2 kata")
	if f.Field != FieldJudul {
		t.Errorf("short headline finding %+v", f)
	}
	in, rep = headlineFindings(t, "BPBD Kabupaten Sukamaju Melatih Enam Puluh Relawan dari Dua Puluh Desa Rawan Banjir di Wilayah Selatan")
	mustFindMsg(t, rep, in, CritMenarik, SevSaran, "BPBD", "Judul enam belas kata")
	_, rep = headlineFindings(t, goodHeadline)
	for _, f := range rep.Findings {
		if f.Criterion == CritMenarik && f.Field == FieldJudul {
			t.Errorf("good headline flagged: %+v", f)
		}
	}
}

func TestHeadlineClickbaitCapsAndFullStop(t *testing.T) {
	in, rep := headlineFindings(t, "KEGIATAN SOSIALISASI DINAS PERTANIAN!!!")
	mustFind(t, rep, in, CritMenarik, SevPeringatan, "!!!")
	f := mustFind(t, rep, in, CritMenarik, SevPeringatan, "KEGIATAN SOSIALISASI")
	if !strings.Contains(f.Message, "kapital") {
		t.Errorf("caps message %q", f.Message)
	}
	in, rep = headlineFindings(t, "Benarkah Banjir Akan Datang Lagi ke Sukamaju?")
	mustFind(t, rep, in, CritMenarik, SevPeringatan, "?")

	in, rep = headlineFindings(t, "BPBD Sukamaju Latih 60 Relawan Tanggap Banjir.")
	f = mustFind(t, rep, in, CritMenarik, SevPeringatan, "Banjir.")
	if f.Field != FieldJudul || f.Suggestion != "Banjir" {
		t.Errorf("full stop finding %+v", f)
	}
	// Acronyms in a normal headline are not "all caps".
	in, rep = headlineFindings(t, "BPBD dan PMI Sukamaju Latih 60 Relawan")
	mustNotFind(t, rep, in, CritMenarik, "BPBD")
}

func TestHeadlineVerb(t *testing.T) {
	in, rep := headlineFindings(t, "Festival UMKM Sukamaju Tahun Ini")
	f := mustFind(t, rep, in, CritMenarik, SevSaran, "Festival")
	if !strings.Contains(f.Message, "kata kerja") {
		t.Errorf("no-verb message %q", f.Message)
	}
	in, rep = headlineFindings(t, "Layanan Vaksinasi Keliling Dibuka di 12 Kecamatan")
	f = mustFind(t, rep, in, CritMenarik, SevSaran, "Layanan")
	if !strings.Contains(f.Message, "pasif") {
		t.Errorf("passive message %q", f.Message)
	}
	for _, h := range []string{"Dinkes Sukamaju Buka Layanan Vaksinasi Keliling", "Camat Cikadu Himbau Warga Waspada Demam Berdarah", "Diskominfo Luncurkan Layanan Aduan Warga", "Dinkes Membuka Layanan Vaksinasi Keliling", "Posyandu Keliling Sasar 120 Balita di Mekarsari", "Satpol PP Bongkar Lapak PKL di Trotoar Mesuji"} {
		in, rep = headlineFindings(t, h)
		for _, f := range find(rep, in, CritMenarik, "") {
			if strings.Contains(f.Message, "kata kerja") || strings.Contains(f.Message, "pasif") {
				t.Errorf("%q: %s", h, f.Message)
			}
		}
	}
}

func TestCeremonialLead(t *testing.T) {
	for _, opening := range []string{"Dalam rangka", "Bertempat di", "Pada hari", "Telah dilaksanakan", "Dalam upaya"} {
		t.Run(opening, func(t *testing.T) {
			body := "SUKAMAJU – " + opening + " Aula BPBD, BPBD Kabupaten Sukamaju melatih 60 relawan, Rabu (11/3/2026).\n\n" + goodQuote
			in, rep := check(goodHeadline, body)
			f := mustFind(t, rep, in, CritMenarik, SevPeringatan, opening)
			if !strings.Contains(f.Message, "siapa melakukan apa") {
				t.Errorf("message %q does not say how to fix", f.Message)
			}
		})
	}
	// A lead that opens with the news has no ceremony finding.
	in, rep := check(goodHeadline, withLead())
	for _, f := range find(rep, in, CritMenarik, "") {
		if strings.Contains(f.Message, "seremonial") {
			t.Errorf("good lead flagged: %+v", f)
		}
	}
	// Ceremony inside the lead is a suggestion.
	in, rep = check(goodHeadline, "SUKAMAJU – BPBD Kabupaten Sukamaju telah dilaksanakan pelatihan relawan, Rabu (11/3/2026).\n\n"+goodQuote)
	mustFind(t, rep, in, CritMenarik, SevSaran, "telah dilaksanakan")
}

func TestDirectQuote(t *testing.T) {
	in, rep := check(goodHeadline, goodLead+"\n\nKepala Pelaksana BPBD Sukamaju, Asep Saepudin, mengatakan pelatihan berlangsung dua hari.")
	var found bool
	for _, f := range find(rep, in, CritMenarik, "") {
		found = found || (f.Severity == SevPeringatan && strings.Contains(f.Message, "kutipan langsung"))
	}
	if !found {
		t.Errorf("missing quote not flagged:\n%s", dump(rep, in))
	}
	in, rep = check(goodHeadline, withLead())
	for _, f := range find(rep, in, CritMenarik, "") {
		if strings.Contains(f.Message, "kutipan langsung") {
			t.Errorf("quote present but flagged: %+v", f)
		}
	}
}

func TestMenarikScoreOrders(t *testing.T) {
	good := Grade(Input{Headline: goodHeadline, Body: withLead(), Now: testNow})
	bad := Grade(Input{Headline: "KEGIATAN BPBD!!!", Body: "Dalam rangka kesiapsiagaan, telah dilaksanakan pelatihan relawan.", Now: testNow})
	if score(good, CritMenarik) <= score(bad, CritMenarik) {
		t.Errorf("menarik good %d <= bad %d", score(good, CritMenarik), score(bad, CritMenarik))
	}
}

// score returns one criterion's score.
func score(rep Report, id string) int {
	for _, c := range rep.Criteria {
		if c.ID == id {
			return c.Score
		}
	}
	return -1
}

func TestHeadlineBaseVerbs(t *testing.T) {
	for _, h := range []string{"Warga Cikadu Kini Bisa Rekam KTP-el di Kantor Kecamatan", "Petugas Puskesmas Layani Lansia di Rumah"} {
		rep := Grade(Input{Headline: h, Body: "SUKAMAJU – Isi singkat."})
		for _, f := range rep.Findings {
			if f.Field == FieldJudul && strings.Contains(f.Message, "kata kerja") {
				t.Errorf("%q: base-form verb not recognised: %s", h, f.Message)
			}
		}
	}
	rep := Grade(Input{Headline: "Posyandu Baru untuk Balita Sukamaju", Body: "SUKAMAJU – Isi singkat."})
	found := false
	for _, f := range rep.Findings {
		found = found || (f.Field == FieldJudul && strings.Contains(f.Message, "kata kerja"))
	}
	if !found {
		t.Error("a headline without a verb is not flagged")
	}
}

// A headline's di- word whose stem the release uses as a word is a passive
// verb, not a headline without a verb.
func TestHeadlineDiOfTextWord(t *testing.T) {
	body := withLead("Pekan imunisasi kejar berlangsung enam hari di 48 posyandu.")
	in, rep := check("Balita yang Tertinggal Imunisasi Dikejar di 48 Posyandu", body)
	mustFindMsg(t, rep, in, CritMenarik, SevSaran, "", "pasif")
	for _, f := range rep.Findings {
		if strings.Contains(f.Message, "belum memuat kata kerja") {
			t.Errorf("passive headline reported without a verb: %s", f.Message)
		}
	}
	in, rep = check("Dinas Kesehatan Sukamaju dan Posyandu Cikadu", body)
	mustFindMsg(t, rep, in, CritMenarik, SevSaran, "", "belum memuat kata kerja")
}

// A headline verb in its base form is found by the forms the body uses.
func TestHeadlineBaseVerbOfText(t *testing.T) {
	for _, c := range []struct{ head, body string }{
		{"Dinkes Sukamaju Kejar Imunisasi 1.236 Balita", "Petugas mengejar imunisasi yang tertinggal di 48 posyandu."},
		{"Dinkes Sukamaju Kejar Imunisasi 1.236 Balita", "Imunisasi yang tertunda masih bisa dikejar di posyandu."},
		{"Warga Cikadu Rekam KTP-el di Aula Kecamatan", "Petugas merekam data warga di aula."},
		{"Disdukcapil Sukamaju Jemput Warga Lansia di Rumah", "Petugas menjemput warga lansia di rumahnya."},
	} {
		in, rep := check(c.head, withLead(c.body))
		for _, f := range find(rep, in, CritMenarik, "") {
			if strings.Contains(f.Message, "kata kerja") || strings.Contains(f.Message, "pasif") {
				t.Errorf("%q: %s", c.head, f.Message)
			}
		}
	}
}

// TestHeadlineFieldHoldsTheLead: a headline field holding a lead paragraph
// (the web form's judul) is no headline, a kesalahan; real long headlines
// of regional news (up to 20 words) are headlines.
func TestHeadlineFieldHoldsTheLead(t *testing.T) {
	lead := "SUKAMAJU – Dinas Kesehatan Kabupaten Sukamaju membuka pekan imunisasi kejar di 48 posyandu, Senin (27/4/2026), agar 1.236 balita terlindungi."
	rep := Grade(Input{Headline: lead, Body: "Imunisasi dilayani di posyandu setiap hari pukul 08.00–12.00 WIB."})
	found := false
	for _, f := range rep.Findings {
		found = found || f.Criterion == CritMenarik && f.Severity == SevKesalahan && strings.Contains(f.Message, "Judul belum ada")
	}
	if !found || rep.Band == BandSangatBaik || rep.Band == BandBaik {
		t.Errorf("a lead in the headline field: %d %s, no kesalahan", rep.Score, rep.Band)
	}
	for _, h := range []string{
		"Sebagai Upaya Memajukan Pendidikan Di Daerah Setempat Pemkot Madiun Distribusikan Kain Seragam Sekolah Gratis Untuk 5840 Siswa Sd Dan Smp",
		"Percepat Realisasi Program Kukar Kaya Festival, Dispar Kukar Targetkan Gelar 80 Festival di Tahun 2023",
	} {
		if leadLike(h) {
			t.Errorf("a long headline taken for a lead: %q", h)
		}
		if got, _, err := SplitRelease(h + "\n\n" + lead); err != nil || got != h {
			t.Errorf("SplitRelease took %q for the headline (%v)", got, err)
		}
	}
	if h, b, err := SplitRelease("\n\n" + lead + "\n\nParagraf kedua."); err != nil || h != "" || !strings.HasPrefix(b, "SUKAMAJU") {
		t.Errorf("a blank first line: headline %q, body %.20q (%v)", h, b, err)
	}
}

// TestActiveHeadlineRule: a practice whose instructions promise an active
// headline (judul_aktif) reports a passive or verbless one as a broken rule
// of the assignment, a peringatan like a headline of the wrong length;
// without the rule it stays a saran, and an active headline draws nothing.
func TestActiveHeadlineRule(t *testing.T) {
	p := loadPractices(t)[pKTP]
	if p.brief.Ketentuan == nil || !p.brief.Ketentuan.ActiveHeadline {
		t.Fatal("the KTP-el practice promises an active headline but its ketentuan lacks judul_aktif")
	}
	_, b := soundRelease(t, pKTP)
	loose := *p.brief
	rules := *p.brief.Ketentuan
	rules.ActiveHeadline = false
	loose.Ketentuan = &rules
	for _, c := range []struct{ headline, msg string }{
		{"Perekaman KTP-el Warga Cikadu Dilakukan Disdukcapil Sukamaju", "memakai kalimat pasif"},
		{"Perekaman KTP-el Keliling bagi 1.240 Warga Cikadu", "belum memuat kata kerja"},
	} {
		in := p.input(c.headline, b)
		rep := Grade(in)
		f := mustFindMsg(t, rep, in, CritMenarik, SevPeringatan, c.headline, "Ketentuan latihan: judul berupa kalimat aktif")
		if !strings.Contains(f.Message, c.msg) || !strings.Contains(f.Message, "“"+c.headline+"”") && !strings.Contains(f.Message, "\""+c.headline+"\"") {
			t.Errorf("%q: the finding does not quote the headline and say why: %s", c.headline, f.Message)
		}
		if rep.Score > WarningCap || rep.Band == BandSangatBaik {
			t.Errorf("%q: a broken rule of the practice left %d %s", c.headline, rep.Score, rep.Band)
		}
		in.Brief = &loose
		mustFindMsg(t, Grade(in), in, CritMenarik, SevSaran, c.headline, "")
	}
	in := p.input("Disdukcapil Sukamaju Layani Perekaman KTP-el Warga Cikadu", b)
	for _, f := range Grade(in).Findings {
		if f.Criterion == CritMenarik && SeverityRank(f.Severity) > SeverityRank(SevInfo) {
			t.Errorf("active headline: %s %s", f.Severity, f.Message)
		}
	}
}
