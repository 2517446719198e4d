package extract

import (
	"reflect"
	"testing"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"blank line", "Satu dua.\n\nTiga empat.", []string{"Satu dua.", "Tiga empat."}},
		{"crlf", "Satu.\r\n\r\n  Dua.  \r\n", []string{"Satu.", "Dua."}},
		{"single newline stays", "Baris satu\nbaris dua", []string{"Baris satu\nbaris dua"}},
		{"blank line with spaces", "A.\n  \t\nB.", []string{"A.", "B."}},
		{"many blank lines", "\n\nA.\n\n\n\nB.\n\n", []string{"A.", "B."}},
		{"empty", "   \n\n ", nil},
		// A text without blank lines that breaks its lines after sentences
		// writes one paragraph a line; a break inside a sentence is none.
		{"one paragraph a line", "Dinas membuka layanan.\nWarga membawa KK.\n\"Datanglah,\" kata Rina.", []string{"Dinas membuka layanan.", "Warga membawa KK.", "\"Datanglah,\" kata Rina."}},
		{"one paragraph a line, CRLF", "Satu dua.\r\nTiga empat?\r\nLima.", []string{"Satu dua.", "Tiga empat?", "Lima."}},
		{"breaks mostly inside sentences", "Dinas membuka\nlayanan di aula\nkecamatan. Warga\ndatang.", []string{"Dinas membuka\nlayanan di aula\nkecamatan. Warga\ndatang."}},
		{"blank lines decide", "Satu.\nDua.\n\nTiga.", []string{"Satu.\nDua.", "Tiga."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Paragraphs(tc.in)
			for _, s := range got {
				checkSpan(t, tc.in, s)
			}
			if g := texts(got); !reflect.DeepEqual(g, tc.want) && !(len(g) == 0 && len(tc.want) == 0) {
				t.Fatalf("Paragraphs = %q, want %q", g, tc.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"honorific H.", "Bupati Sukamaju, H. Dadang Kurnia, membuka festival. Acara meriah.",
			[]string{"Bupati Sukamaju, H. Dadang Kurnia, membuka festival.", "Acara meriah."}},
		{"dr. and Ir.", "Kepala Dinkes, dr. Rahmat Hidayat, hadir. Sekretaris Dinas, Ir. Budi Santoso, membuka acara.",
			[]string{"Kepala Dinkes, dr. Rahmat Hidayat, hadir.", "Sekretaris Dinas, Ir. Budi Santoso, membuka acara."}},
		{"No. and clock", "Kantor di Jalan Merdeka No. 5 buka pukul 09.00 WIB. Warga datang.",
			[]string{"Kantor di Jalan Merdeka No. 5 buka pukul 09.00 WIB.", "Warga datang."}},
		{"thousands and date", "Sebanyak 8.450 warga divaksin pada Rabu (30/06/2021). Semua sehat.",
			[]string{"Sebanyak 8.450 warga divaksin pada Rabu (30/06/2021).", "Semua sehat."}},
		{"degree S.Pd.", "Kepala SD, Ahmad Yani, S.Pd., mengatakan hal itu. Ia senang.",
			[]string{"Kepala SD, Ahmad Yani, S.Pd., mengatakan hal itu.", "Ia senang."}},
		{"Tb.", "Materi disampaikan Tb. Nandar Suptandar. Peserta antusias.",
			[]string{"Materi disampaikan Tb. Nandar Suptandar.", "Peserta antusias."}},
		{"dll. lower", "Peserta membawa KTP, KK, dll. untuk mendaftar. Petugas mencatat.",
			[]string{"Peserta membawa KTP, KK, dll. untuk mendaftar.", "Petugas mencatat."}},
		{"dsb. lower", "Ada spanduk, brosur, dsb. yang dibagikan.", []string{"Ada spanduk, brosur, dsb. yang dibagikan."}},
		{"a.n.", "Surat ditandatangani a.n. Bupati oleh Sekda. Surat dikirim.",
			[]string{"Surat ditandatangani a.n. Bupati oleh Sekda.", "Surat dikirim."}},
		{"closing quote with attribution", "“Kita harus sadar,” kata Irna. Ia berharap.",
			[]string{"“Kita harus sadar,” kata Irna.", "Ia berharap."}},
		{"quote ends sentence", "Ia berkata, “Kami siap.” Warga lega.",
			[]string{"Ia berkata, “Kami siap.”", "Warga lega."}},
		{"question then attribution", "“Siapa yang datang?” tanya Rahmat. Tidak ada jawaban.",
			[]string{"“Siapa yang datang?” tanya Rahmat.", "Tidak ada jawaban."}},
		{"straight quotes", "\"Untuk warga yang sakit, petugas datang,\" ujarnya. Selesai.",
			[]string{"\"Untuk warga yang sakit, petugas datang,\" ujarnya.", "Selesai."}},
		{"exclamations", "KEGIATAN SOSIALISASI!!! Ayo datang.", []string{"KEGIATAN SOSIALISASI!!!", "Ayo datang."}},
		{"paragraph without period", "Judul tanpa titik\n\nIsi berita.", []string{"Judul tanpa titik", "Isi berita."}},
		{"website dot", "KRAKATAURADIO.COM, PANDEGLANG - Berita. Lanjut.",
			[]string{"KRAKATAURADIO.COM, PANDEGLANG - Berita.", "Lanjut."}},
		{"line wrapped in quote", "“Rilis harus mengandung nilai\nberita,” pungkasnya.", []string{"“Rilis harus mengandung nilai\nberita,” pungkasnya."}},
		{"version number", "Saat ini era 4.0, komunikasi dua arah. Benar.", []string{"Saat ini era 4.0, komunikasi dua arah.", "Benar."}},
		{"real sentence end before name", "Acara selesai. Budi pulang.", []string{"Acara selesai.", "Budi pulang."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Sentences(tc.in)
			for _, s := range got {
				checkSpan(t, tc.in, s)
			}
			if g := texts(got); !reflect.DeepEqual(g, tc.want) {
				t.Fatalf("Sentences(%q)\n got %q\nwant %q", tc.in, g, tc.want)
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"curly", "“Kita harus sadar,” kata Irna. “Ayo,” ujarnya.", []string{"“Kita harus sadar,”", "“Ayo,”"}},
		{"straight paired", "\"Satu,\" kata A. \"Dua.\"", []string{"\"Satu,\"", "\"Dua.\""}},
		{"straight unpaired dropped", "Layar 32\" dipasang.", nil},
		{"curly open to paragraph end", "“Kami datang ke desa.\n\nIa pulang.", []string{"“Kami datang ke desa."}},
		{"apostrophe is no quote", "Salat Jum'at dan Jum’at.", nil},
		{"no quote across paragraphs", "\"Satu\n\ndua\"", nil},
		{"straight open before a quote paragraph", "Kata A, \"Satu.\n\n\"Dua.\"", []string{"\"Satu.", "\"Dua.\""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Quotes(tc.in)
			for _, s := range got {
				checkSpan(t, tc.in, s)
			}
			if g := texts(got); !reflect.DeepEqual(g, tc.want) && !(len(g) == 0 && len(tc.want) == 0) {
				t.Fatalf("Quotes = %q, want %q", g, tc.want)
			}
		})
	}
}

func TestSentencesRuneOffsets(t *testing.T) {
	in := "Kata “ä” dan éé. Lalu ü."
	got := Sentences(in)
	if len(got) != 2 {
		t.Fatalf("got %d sentences: %q", len(got), texts(got))
	}
	for _, s := range got {
		checkSpan(t, in, s)
	}
	if got[1].Start != 17 {
		t.Fatalf("second sentence starts at rune %d, want 17", got[1].Start)
	}
}

func TestInvalidUTF8(t *testing.T) {
	in := "Ab\xffc. D\xfe."
	for _, s := range Sentences(in) {
		checkSpan(t, in, s)
	}
	for _, s := range Paragraphs(in) {
		checkSpan(t, in, s)
	}
}

// TestAnalyzeMatches checks that the one-pass API agrees with the functions.
func TestAnalyzeMatches(t *testing.T) {
	in := "SUKAMAJU – Dinkes Sukamaju membuka layanan, Senin (9/3/2026).\n\n“Kami datang,” kata dr. Rahmat Hidayat di Puskesmas Cibeureum."
	a := Analyze(in)
	if !reflect.DeepEqual(a.Paragraphs, Paragraphs(in)) {
		t.Errorf("paragraphs differ: %v vs %v", a.Paragraphs, Paragraphs(in))
	}
	if !reflect.DeepEqual(a.Sentences, Sentences(in)) {
		t.Errorf("sentences differ")
	}
	if !reflect.DeepEqual(a.Quotes, Quotes(in)) {
		t.Errorf("quotes differ")
	}
	if !reflect.DeepEqual(a.Dates, Dates(in)) {
		t.Errorf("dates differ: %v vs %v", a.Dates, Dates(in))
	}
	if !reflect.DeepEqual(a.Elements, Elements(in)) {
		t.Errorf("elements differ: %v vs %v", a.Elements, Elements(in))
	}
}
