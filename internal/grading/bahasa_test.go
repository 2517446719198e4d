package grading

import (
	"slices"
	"strings"
	"testing"
)

func TestNonStandardLexiconSize(t *testing.T) {
	if n := len(nonStandard); n < 150 {
		t.Fatalf("nonStandard has %d entries, want at least 150", n)
	}
	for k, w := range nonStandard {
		if k != strings.ToLower(k) || strings.Contains(k, " ") {
			t.Errorf("key %q must be one lower-case word", k)
		}
		if w.std == "" || strings.EqualFold(w.std, k) {
			t.Errorf("%q has standard form %q", k, w.std)
		}
	}
}

func TestNonStandardWords(t *testing.T) {
	cases := []struct {
		sentence, span, sev, sugg string
	}{
		{"Camat menghimbau warga menguras bak mandi.", "menghimbau", SevPeringatan, "mengimbau"},
		{"Himbauan itu disampaikan kepada warga.", "Himbauan", SevPeringatan, "Imbauan"},
		{"Silahkan warga datang ke posko.", "Silahkan", SevPeringatan, "Silakan"},
		{"Resiko penularan naik saat hujan.", "Resiko", SevPeringatan, "Risiko"},
		{"RESIKO BANJIR MENINGKAT DI DESA ITU.", "RESIKO", SevPeringatan, "RISIKO"},
		{"Petugas menunggu ijin dari warga.", "ijin", SevPeringatan, "izin"},
		{"Warga harus antri di loket.", "antri", SevPeringatan, "antre"},
		{"Pemkab merubah jadwal layanan.", "merubah", SevPeringatan, "mengubah"},
		{"Kegiatan ini menumbuhkan kreatifitas pemuda.", "kreatifitas", SevPeringatan, "kreativitas"},
		{"Media sosial dapat mempengaruhi orang banyak.", "mempengaruhi", SevSaran, "memengaruhi"},
		{"Warga tidak sekedar menonton.", "sekedar", SevPeringatan, "sekadar"},
		{"Apotik desa buka setiap hari.", "Apotik", SevPeringatan, "Apotek"},
		{"Siapapun boleh mendaftar.", "Siapapun", SevPeringatan, "Siapa pun"},
		{"Rapat digelar secara online.", "online", SevSaran, "daring"},
		{"Pelayanan buka hari jum'at pagi.", "jum'at", SevPeringatan, "Jumat"},
	}
	for _, tc := range cases {
		t.Run(tc.span, func(t *testing.T) {
			in, rep := check(goodHeadline, withLead(tc.sentence))
			f := mustFind(t, rep, in, CritBahasa, tc.sev, tc.span)
			if f.Suggestion != tc.sugg {
				t.Errorf("suggestion = %q, want %q", f.Suggestion, tc.sugg)
			}
			if !strings.Contains(f.Message, tc.sugg) && !strings.Contains(f.Message, strings.ToLower(tc.sugg)) {
				t.Errorf("message %q does not name the standard form %q", f.Message, tc.sugg)
			}
		})
	}
}

func TestStandardWordsNotFlagged(t *testing.T) {
	// Words that contain a flagged word, or look like one, are fine.
	body := withLead("Petugas melakukan pengasapan setelah mendapat izin warga. Praktik menguras bak mandi masih jarang. " +
		"Risiko penularan meningkat, tetapi warga diimbau tetap tenang. Pegawai yang dirumahkan ikut membantu, " +
		"dan hasil panen dipasarkan keluar daerah. Kedalaman sungai diukur setiap hari dan lokasi itu ditempati pengungsi.")
	in, rep := check(goodHeadline, body)
	for _, w := range []string{"pengasapan", "izin", "Praktik", "Risiko", "diimbau", "dirumahkan", "dipasarkan", "keluar", "Kedalaman", "ditempati"} {
		mustNotFind(t, rep, in, CritBahasa, w)
	}
}

func TestDiKeJoinedToPlace(t *testing.T) {
	cases := []struct{ sentence, span, sugg string }{
		{"Rapat berlangsung dikantor Kecamatan Cikadu.", "dikantor", "di kantor"},
		{"Kreativitas diatas segalanya.", "diatas", "di atas"},
		{"Posko dibuka disini sejak pagi.", "disini", "di sini"},
		{"Warga bertanya kemana harus melapor.", "kemana", "ke mana"},
		{"Pelatihan digelar diPandeglang.", "diPandeglang", "di Pandeglang"},
		{"Anak-anak bermain didalam aula.", "didalam", "di dalam"},
		{"Rapat diantaranya membahas banjir.", "diantaranya", "di antaranya"},
	}
	for _, tc := range cases {
		t.Run(tc.span, func(t *testing.T) {
			in, rep := check(goodHeadline, withLead(tc.sentence))
			f := mustFind(t, rep, in, CritBahasa, SevPeringatan, tc.span)
			if f.Suggestion != tc.sugg {
				t.Errorf("suggestion = %q, want %q", f.Suggestion, tc.sugg)
			}
		})
	}
}

func TestDiPrefixWrittenApart(t *testing.T) {
	cases := []struct{ sentence, span, sugg string }{
		{"Himbauan itu di sampaikan saat rapat.", "di sampaikan", "disampaikan"},
		{"Pelatihan di gelar selama dua hari.", "di gelar", "digelar"},
		{"Kegiatan di laksanakan oleh dinas.", "di laksanakan", "dilaksanakan"},
		{"Bantuan di salurkan ke 20 desa.", "di salurkan", "disalurkan"},
	}
	for _, tc := range cases {
		t.Run(tc.span, func(t *testing.T) {
			in, rep := check(goodHeadline, withLead(tc.sentence))
			f := mustFind(t, rep, in, CritBahasa, SevPeringatan, tc.span)
			if f.Suggestion != tc.sugg {
				t.Errorf("suggestion = %q, want %q", f.Suggestion, tc.sugg)
			}
		})
	}
	// The preposition before places and nouns stays apart.
	in, rep := check(goodHeadline, withLead("Rapat di kantor camat dan di lapangan desa membahas kebijakan di bidang pendidikan, termasuk di Jakarta."))
	for _, w := range []string{"di kantor", "di lapangan", "di bidang", "di Jakarta"} {
		mustNotFind(t, rep, in, CritBahasa, w)
	}
}

func TestDimana(t *testing.T) {
	// Relative use: wrong, with no single-word fix.
	in, rep := check(goodHeadline, withLead("Saat ini era keterbukaan informasi, dimana penyampaian informasi harus cepat."))
	f := mustFind(t, rep, in, CritBahasa, SevPeringatan, "dimana")
	if f.Suggestion != "" || !strings.Contains(f.Message, "yang") {
		t.Errorf("relative dimana: suggestion %q, message %q", f.Suggestion, f.Message)
	}
	// Question: written apart.
	in, rep = check(goodHeadline, withLead("Warga bertanya, \"Dimana posko pengungsian dibuka?\" kepada petugas."))
	f = mustFind(t, rep, in, CritBahasa, SevPeringatan, "Dimana")
	if f.Suggestion != "Di mana" {
		t.Errorf("question dimana: suggestion %q, want %q", f.Suggestion, "Di mana")
	}
	// "di mana" as a relative pronoun: a suggestion; as a question: fine.
	in, rep = check(goodHeadline, withLead("Ini era keterbukaan, di mana informasi harus cepat. Warga bertanya di mana posko berada?"))
	mustFind(t, rep, in, CritBahasa, SevSaran, ", di mana"[2:])
	if n := len(find(rep, in, CritBahasa, "di mana")); n != 1 {
		t.Errorf("got %d findings on di mana, want 1 (only the relative one)", n)
	}
}

func TestCapitals(t *testing.T) {
	in, rep := check(goodHeadline, withLead("Rapat digelar rabu (11/3/2026) dan dilanjutkan pada bulan april. Hasilnya dilaporkan kepada bupati Dadang."))
	for _, tc := range []struct{ span, sugg string }{{"rabu", "Rabu"}, {"april", "April"}, {"bupati", "Bupati"}} {
		f := mustFind(t, rep, in, CritBahasa, SevPeringatan, tc.span)
		if f.Suggestion != tc.sugg {
			t.Errorf("%s: suggestion %q, want %q", tc.span, f.Suggestion, tc.sugg)
		}
	}
	// "minggu" is a week; generic titles stay lower case.
	in, rep = check(goodHeadline, withLead("Pelatihan berlangsung satu minggu. Para kepala OPD hadir, begitu pula setiap camat di kabupaten itu."))
	for _, w := range []string{"minggu", "kepala", "camat"} {
		mustNotFind(t, rep, in, CritBahasa, w)
	}
	in, rep = check(goodHeadline, withLead("Posko tutup pada minggu (15/3/2026) sore."))
	mustFind(t, rep, in, CritBahasa, SevPeringatan, "minggu")
}

func TestLongSentence(t *testing.T) {
	long := "Para relawan yang berasal dari dua puluh desa rawan banjir di wilayah selatan kabupaten itu mengikuti pelatihan pertolongan pertama, penggunaan perahu karet, pendataan pengungsi, dan penyusunan rencana evakuasi keluarga yang dipandu oleh petugas dari dinas terkait serta relawan senior."
	in, rep := check(goodHeadline, withLead(long))
	f := mustFind(t, rep, in, CritBahasa, SevSaran, "Para relawan")
	if !strings.Contains(f.Message, "kata") {
		t.Errorf("message %q does not give the length", f.Message)
	}
	short := "Para relawan mengikuti pelatihan pertolongan pertama dan penggunaan perahu karet."
	in, rep = check(goodHeadline, withLead(short))
	mustNotFind(t, rep, in, CritBahasa, "Para relawan")
}

func TestRepeatedOpenings(t *testing.T) {
	in, rep := check(goodHeadline, withLead("Peserta belajar menolong. Peserta belajar mendayung. Peserta belajar mendata."))
	f := mustFind(t, rep, in, CritBahasa, SevSaran, "Peserta")
	if !strings.Contains(f.Message, "Tiga kalimat") {
		t.Errorf("message %q", f.Message)
	}
	in, rep = check(goodHeadline, withLead("Peserta belajar menolong. Peserta belajar mendayung. Petugas mendata."))
	for _, f := range find(rep, in, CritBahasa, "Peserta") {
		if strings.Contains(f.Message, "Tiga kalimat") {
			t.Errorf("two repeated openings flagged: %+v", f)
		}
	}
}

func TestSpacing(t *testing.T) {
	in, rep := check(goodHeadline, withLead("Warga  datang ke posko , lalu mendaftar.Kemudian petugas memeriksa,mencatat, dan melapor ke Kab.Sukamaju."))
	for _, tc := range []struct{ span, sugg string }{
		{"  ", " "}, {" ,", ","}, {"mendaftar.Kemudian", "mendaftar. Kemudian"}, {"memeriksa,mencatat", "memeriksa, mencatat"}, {"Kab.Sukamaju", "Kab. Sukamaju"},
	} {
		var ok bool
		for _, f := range find(rep, in, CritBahasa, tc.span) {
			ok = ok || f.Suggestion == tc.sugg
		}
		if !ok {
			t.Errorf("no spacing finding on %q suggesting %q:\n%s", tc.span, tc.sugg, dump(rep, in))
		}
	}
	// Numbers, times, web addresses and degrees are not spacing errors.
	in, rep = check(goodHeadline, withLead("Sebanyak 8.450 warga, atau 2,5 persen, dilayani pukul 09.00 WIB. Info di dinkes.sukamajukab.go.id atau dari Drs. Asep, S.Pd."))
	for _, f := range rep.Findings {
		if f.Criterion == CritBahasa && strings.Contains(f.Message, "spasi") {
			t.Errorf("unexpected spacing finding %q: %s", f.Passage(in.Headline, in.Body), f.Message)
		}
	}
}

func TestBeliauAndJam(t *testing.T) {
	in, rep := check(goodHeadline, withLead("Beliau menyebut layanan dibuka jam 08.00 setiap hari selama 24 jam."))
	if f := mustFind(t, rep, in, CritBahasa, SevSaran, "Beliau"); f.Suggestion != "Ia" {
		t.Errorf("beliau suggestion %q", f.Suggestion)
	}
	if f := mustFind(t, rep, in, CritBahasa, SevSaran, "jam"); f.Suggestion != "pukul" {
		t.Errorf("jam finding %+v", f)
	}
	if n := len(find(rep, in, CritBahasa, "jam")); n != 1 {
		t.Errorf("\"24 jam\" is a duration, got %d findings on jam", n)
	}
}

func TestMatchCase(t *testing.T) {
	for _, tc := range []struct{ orig, std, want string }{
		{"Himbau", "imbau", "Imbau"}, {"himbau", "imbau", "imbau"}, {"HIMBAU", "imbau", "IMBAU"},
		{"pebruari", "Februari", "Februari"}, {"Dimana", "di mana", "Di mana"},
	} {
		if got := matchCase(tc.orig, tc.std); got != tc.want {
			t.Errorf("matchCase(%q, %q) = %q, want %q", tc.orig, tc.std, got, tc.want)
		}
	}
}

// TestPrefixDiByMorphology: the prefix di- written apart is recognised by the
// next word's form and context, not by a short list of verbs.
func TestPrefixDiByMorphology(t *testing.T) {
	for _, c := range []struct{ sentence, span string }{
		{"Kegiatan itu di laksanakan di Aula Kecamatan Cikadu.", "di laksanakan"},
		{"Warga lansia di data oleh perangkat desa.", "di data"},
		{"Warga yang tidak dapat datang akan di layani di rumah.", "di layani"},
		{"Rumah warga di datangi petugas setiap pagi.", "di datangi"},
		{"Usulan warga perlu di bahas bersama camat.", "di bahas"},
		{"Kegiatan ini untuk di ikuti seluruh kader.", "di ikuti"},
		{"Lokasi banjir di tinjau oleh camat.", "di tinjau"},
		{"Jalur evakuasi di kunjungi tim setiap bulan.", "di kunjungi"},
	} {
		in, rep := check(goodHeadline, withLead(c.sentence))
		f := mustFindMsg(t, rep, in, CritBahasa, SevPeringatan, c.span, "awalan")
		if want := strings.ReplaceAll(c.span, " ", ""); f.Suggestion != want {
			t.Errorf("%q: suggestion %q, want %q", c.span, f.Suggestion, want)
		}
	}
	for _, c := range []struct{ sentence, span string }{
		{"Rapat digelar dipertemuan warga desa.", "dipertemuan"},
		{"Warga berkumpul dikegiatan posyandu.", "dikegiatan"},
		{"Petugas menunggu dilapangan desa.", "dilapangan"},
	} {
		in, rep := check(goodHeadline, withLead(c.sentence))
		mustFindMsg(t, rep, in, CritBahasa, SevPeringatan, c.span, "kata depan")
	}
}

// TestCorrectFormsAreNotFlagged: correct EYD V forms draw no language finding.
func TestCorrectFormsAreNotFlagged(t *testing.T) {
	for _, sentence := range []string{
		"Pelayanan dilaksanakan di Kecamatan Cikadu dan di kantor desa.",
		"Warga didata oleh perangkat desa untuk dilayani di rumah.",
		"Petugas berjaga di tingkat desa, di lapangan, dan di sela-sela jadwal posyandu.",
		"Posko dibuka di sana-sini, di tepi-tepi sungai, dan di sekitar pasar.",
		"Layanan tersedia di grup WhatsApp desa dan di situs resmi dinas.",
		"Kepala desa mengumumkan jadwal di masjid pada pagi hari.",
		"Rapat digelar di pertemuan rutin warga dan di kegiatan posyandu.",
		"Aduan ditulis di aplikasi, lalu dipesannya nomor antrean.",
		"Anggaran sebesar Rp1.250.000 disalurkan kepada 1.240 warga sejak 2025.",
		"Warga dapat menghubungi nomor 0812-0000-5678 pukul 08.00–15.00 WIB.",
		"Putusan itu tercatat dalam Undang-Undang Nomor 14 Tahun 2008.",
		// places in -k plus -an look like -kan verbs; nouns in -i like -i verbs
		"Petugas mendata warga yang tinggal di kontrakan dan di belokan jalan desa.",
		"Sampah menumpuk di selokan dan di tumpukan dekat pasar, juga di tanjakan menuju desa.",
		"Warga menunggu di serambi masjid, di bawah terik matahari.",
	} {
		in, rep := check(goodHeadline, withLead(sentence))
		for _, f := range find(rep, in, CritBahasa, "") {
			if strings.Contains(in.Body[strings.Index(in.Body, sentence):], f.Passage(in.Headline, in.Body)) && f.Start >= len([]rune(in.Body))-len([]rune(sentence)) {
				t.Errorf("%q: false alarm %s on %q: %s", sentence, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}

func TestThousandsSeparator(t *testing.T) {
	in, rep := check(goodHeadline, withLead("Sebanyak 1240 warga dan 25000 pelajar sudah terdata."))
	f := mustFindMsg(t, rep, in, CritBahasa, SevSaran, "1240", "1.240")
	if f.Suggestion != "1.240" {
		t.Errorf("suggestion %q", f.Suggestion)
	}
	mustFind(t, rep, in, CritBahasa, SevSaran, "25000")
	in, rep = check(goodHeadline, withLead("Program ini berjalan sejak 2019 dan pada 2025 diperluas."))
	mustNotFind(t, rep, in, CritBahasa, "2019")
	mustNotFind(t, rep, in, CritBahasa, "2025")
}

func TestMixedScriptWord(t *testing.T) {
	body := "SUKAMAJU – Warga d\u0456minta datang ke t\u0435mpat layanan di Aula Kecamatan, Kamis (16/4/2026). Kata Яндекс dan αβγ ditulis utuh."
	in := Input{Headline: "Warga Diminta Datang ke Aula Kecamatan", Body: body}
	rep := Grade(in)
	var got []string
	for _, f := range rep.Findings {
		if strings.Contains(f.Message, "huruf non-Latin") {
			if f.Criterion != CritBahasa || f.Severity != SevPeringatan {
				t.Errorf("%s %s", f.Criterion, f.Severity)
			}
			got = append(got, f.Passage(in.Headline, in.Body))
		}
	}
	if want := []string{"d\u0456minta", "t\u0435mpat"}; !slices.Equal(got, want) {
		t.Errorf("mixed-script words %q, want %q", got, want)
	}
}

// TestSplitDiByContext: a base that is also a noun ("gambar", "cat") after a
// split di is a verb when what follows shows one: "ulang", or a split di-
// verb joined by "lalu"/"kemudian"; a place with a meN- verb in the text
// ("melaut") stays a place, and so does a noun followed by "kembali" or by a
// correctly joined verb.
func TestSplitDiByContext(t *testing.T) {
	for _, c := range []struct{ para, passage string }{
		{"Peta jalur evakuasi akan di gambar ulang.", "di gambar"},
		{"Peta jalur evakuasi di gambar ulang setiap tahun.", "di gambar"},
		{"Rumah warga di cat ulang oleh relawan.", "di cat"},
		{"Peta jalur evakuasi di gambar lalu di tempel di balai desa.", "di gambar"},
		{"Peta jalur evakuasi di gambar kemudian di tempel di balai desa.", "di gambar"},
	} {
		in, rep := check(goodHeadline, withLead(c.para))
		mustFindMsg(t, rep, in, CritBahasa, SevPeringatan, c.passage, "awalan")
	}
	for _, c := range []struct{ para, passage string }{
		{"Nelayan yang biasa melaut kini menangkap ikan di laut lepas.", "di laut"},
		{"Helikopter yang mendarat di darat membawa logistik.", "di darat"},
		{"Warga di tenda kembali menerima bantuan.", "di tenda"},
		{"Pengungsi tinggal di tenda lalu diberi makanan.", "di tenda"},
		{"Relawan berdiri di gambar peta besar.", "di gambar"},
		{"Foto kegiatan ada di gambar berikut.", "di gambar"},
	} {
		in, rep := check(goodHeadline, withLead(c.para))
		mustNotFind(t, rep, in, CritBahasa, c.passage)
	}
}
