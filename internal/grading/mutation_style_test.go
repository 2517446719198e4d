package grading

import (
	"strings"
	"testing"
)

// Style defects of headlines, suggestions, time words, opinion and
// ceremony: the adversary's classes of grader 1.25.0 on. They join the
// mutation suite (TestMutationsOneAtATime and the rest) from here, so the
// fact classes in mutation_test.go and these grow apart.
func init() { mutations = append(mutations, styleMutations...) }

// Title-case headlines with the passive prefix written apart.
var splitDiHeadlines = map[string][]edit{
	pKTP:    {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "KTP-el 1.240 Warga Cikadu Di Rekam Disdukcapil Sukamaju\n", "Di Rekam"}},
	pImun:   {{"Dinkes Sukamaju Buka Pekan Imunisasi Kejar bagi 1.236 Balita\n", "Pekan Imunisasi Kejar bagi 1.236 Balita Di Buka Dinkes Sukamaju\n", "Di Buka"}},
	pBanjir: {{"BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana dari 18 Desa\n", "90 Anggota Tim Siaga Bencana dari 18 Desa Di Latih BPBD Sukamaju\n", "Di Latih"}},
	pAduan:  {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "Kanal Aduan WhatsApp Pemkab Sukamaju Di Luncurkan untuk 42 OPD\n", "Di Luncurkan"}},
}

var styleMutations = []mutation{
	{"prefix di- written apart in a title-case headline", CritBahasa, SevPeringatan, "awalan", splitDiHeadlines},
	{"prefix di- written apart makes the headline passive", CritMenarik, SevPeringatan, "kalimat aktif", splitDiHeadlines},
	{"ter- headline where the practice asks for an active one", CritMenarik, SevPeringatan, "kalimat aktif", map[string][]edit{
		pKTP:    {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "Warga Cikadu Terlayani Perekaman KTP-el Jemput Bola Disdukcapil\n", "Terlayani"}},
		pImun:   {{"Dinkes Sukamaju Buka Pekan Imunisasi Kejar bagi 1.236 Balita\n", "1.236 Balita Sukamaju Terlindungi lewat Pekan Imunisasi Kejar\n", "Terlindungi"}},
		pBanjir: {{"BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana dari 18 Desa\n", "90 Anggota Tim Siaga Bencana dari 18 Desa Sukamaju Terlatih\n", "Terlatih"}},
		pAduan:  {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "Aduan Warga Sukamaju Kini Tercatat lewat WhatsApp dan 42 OPD\n", "Tercatat"}},
	}},
	{"clickbait headline without punctuation", CritMenarik, SevPeringatan, "memancing klik", map[string][]edit{
		pKTP:    {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "Begini Cara Warga Cikadu Rekam KTP-el di Kecamatan\n", "Begini"}},
		pImun:   {{"Dinkes Sukamaju Buka Pekan Imunisasi Kejar bagi 1.236 Balita\n", "Wow, Ini Dia Pekan Imunisasi Kejar bagi 1.236 Balita\n", "Wow"}},
		pBanjir: {{"BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana dari 18 Desa\n", "Heboh, BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana\n", "Heboh"}},
		pAduan:  {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "Warga Wajib Tahu, Pemkab Sukamaju Buka Kanal Aduan WhatsApp\n", "Wajib Tahu"}},
	}},
	{"clickbait headline telling the reader to read", CritMenarik, SevPeringatan, "memancing klik", map[string][]edit{
		pAduan: {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "Simak Cara Mengadu lewat WhatsApp ke 42 OPD Sukamaju\n", "Simak"}},
		pKTP:   {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "Ternyata Rekam KTP-el Kini Bisa di Kecamatan Cikadu\n", "Ternyata"}},
	}},
	{"compound verb written apart after di-", CritBahasa, SevPeringatan, "awalan", map[string][]edit{
		pKTP:  {{"Kepala desa sudah mengumumkan jadwal ini", "Jadwal ini sudah di sebar luaskan kepala desa", "di sebar luaskan"}},
		pImun: {{"Kader posyandu mendatangi rumah balita yang belum datang.", "Kader posyandu mendatangi rumah balita yang belum datang. Daftar balita di tanda tangani kepala puskesmas.", "di tanda tangani"}},
	}},
}

// TestMutationsSplitDiFixes: the fix of a split or joined di is a word
// EYD V writes, in the case its place asks for: a compound closed by a
// suffix is joined whole ("ditandatangani", never "ditanda"), the prefix
// in a headline keeps the headline's capital ("Dilayani"), and a
// preposition takes a capital only where the sentence starts, its region
// word one before a name ("di Kecamatan Cikadu", "Di kecamatan itu").
func TestMutationsSplitDiFixes(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	const at = "Dalam sehari, petugas menargetkan 400 perekaman."
	for _, c := range []struct{ headline, add, span, fix string }{
		{"", "Berita acara layanan di tanda tangani camat.", "di tanda tangani", "ditandatangani"},
		{"", "Jadwal layanan di sebar luaskan lewat masjid.", "di sebar luaskan", "disebarluaskan"},
		{"", "Hasilnya di beri tahukan kepada warga.", "di beri tahukan", "diberitahukan"},
		{"", "Hasilnya di uji cobakan di Desa Sukasari.", "di uji cobakan", "diujicobakan"},
		{"", "Perangkat itu di buka kembali esoknya.", "di buka", "dibuka"},
		{"", "Petugas lalu di tugaskan ke desa.", "di tugaskan", "ditugaskan"},
		{"", "Warga juga dilayani dikecamatan Cikadu.", "dikecamatan", "di Kecamatan"},
		{"", "Warga juga dilayani diKecamatan Cikadu.", "diKecamatan", "di Kecamatan"},
		{"", "DiKecamatan itu, warga antre sejak pagi.", "DiKecamatan", "Di kecamatan"},
		{"", "Dikecamatan itu, warga antre sejak pagi.", "Dikecamatan", "Di kecamatan"},
		{"1.240 Warga Cikadu Di Layani Rekam KTP-el di Kecamatan", "", "Di Layani", "Dilayani"},
		{"Disdukcapil Rekam KTP-el 1.240 Warga Dikecamatan Cikadu", "", "Dikecamatan", "di Kecamatan"},
	} {
		hl, body := h, b
		if c.headline != "" {
			hl = c.headline
		}
		if c.add != "" {
			body = strings.Replace(b, at, at+" "+c.add, 1)
		}
		in := p.input(hl, body)
		f := mustFind(t, Grade(in), in, CritBahasa, SevPeringatan, c.span)
		if f.Passage(in.Headline, in.Body) != c.span || f.Suggestion != c.fix {
			t.Errorf("%q: finding on %q with fix %q, want %q → %q", c.add+c.headline, f.Passage(in.Headline, in.Body), f.Suggestion, c.span, c.fix)
		}
	}
	// Correct forms: nothing to fix.
	for _, c := range []struct{ headline, add string }{
		{"Disdukcapil Layani 1.240 Warga di Aula Kantor Kecamatan Cikadu", ""},
		{"Disdukcapil Sukamaju Rekam KTP-el Warga Di Kecamatan Cikadu", ""},
		{"", "Berita acara layanan ditandatangani camat."},
		{"", "Hasilnya diberi tahu kepada warga."},
		{"", "Warga diminta datang ke aula di kantor kecamatan."},
		{"", "Perangkat itu dibuka kembali esoknya di kantor desa."},
		{"", "Warga di kecamatan itu antre sejak pagi."},
		{"", "Petugas berjaga di pos ronda lalu kembali ke aula."},
	} {
		hl, body := h, b
		if c.headline != "" {
			hl = c.headline
		}
		if c.add != "" {
			body = strings.Replace(b, at, at+" "+c.add, 1)
		}
		in := p.input(hl, body)
		for _, f := range Grade(in).Findings {
			if f.Rule == "awalan-di-terpisah" || f.Rule == "kata-depan-serangkai" {
				t.Errorf("%q: false alarm: %s %q: %s", c.add+c.headline, f.Rule, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}

// TestMutationsHeadlineCorrectForms: active headlines whose other words
// look like a ter- verb, a teaser word or a split di draw nothing about
// the headline.
func TestMutationsHeadlineCorrectForms(t *testing.T) {
	for _, c := range []struct{ id, headline string }{
		{pKTP, "Disdukcapil Sukamaju Jemput Bola Perekaman KTP-el di Kecamatan Cikadu"},
		{pKTP, "Warga Cikadu yang Belum Terdata Kini Bisa Rekam KTP-el di Kecamatan"},
		{pKTP, "Disdukcapil Catat 1.240 Warga Cikadu Belum Rekam KTP-el"},
		{pKTP, "Disdukcapil Layani Warga Cikadu di Aula Kantor Kecamatan"},
		{pImun, "Dinkes Sukamaju Kejar Imunisasi 1.236 Balita yang Tertinggal"},
		{pImun, "Dinkes Sukamaju Buka Pekan Imunisasi Kejar di 48 Posyandu"},
		{pBanjir, "Tim Siaga Bencana dari 18 Desa Terima Pelatihan BPBD Sukamaju"},
		{pAduan, "Pemkab Sukamaju Buka Kanal Aduan WhatsApp, Warga Cukup Kirim Pesan"},
		{pAduan, "Bupati Sukamaju Luncurkan Kanal Aduan WhatsApp yang Tercatat di SP4N-LAPOR!"},
	} {
		p := loadPractices(t)[c.id]
		_, b := soundRelease(t, c.id)
		in := p.input(c.headline, b)
		for _, f := range Grade(in).Findings {
			if f.Field == FieldJudul && SeverityRank(f.Severity) > SeverityRank(SevInfo) || f.Criterion == CritMenarik && SeverityRank(f.Severity) >= SeverityRank(SevPeringatan) {
				t.Errorf("%s %q: false alarm: %s %s %q: %s", c.id, c.headline, f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}
