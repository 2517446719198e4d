package brief

import (
	"errors"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestParse(t *testing.T) {
	b, err := Parse([]byte(factsBrief + "pukul: \"09.00\"\nmengapa: Agar OPD cepat menyampaikan informasi\nbagaimana: Praktik menulis rilis\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if b.Apa == "" || b.Kapan != "2026-03-10" || b.Pukul != "09.00" || b.DiMana != "Aula Setda Kabupaten Sukamaju" || b.PublishByDays != 1 {
		t.Errorf("scalars: %+v", b)
	}
	if len(b.Siapa) != 1 || b.Siapa[0].Nama != "Siti Nurhalimah" || !strings.HasPrefix(b.Siapa[0].Jabatan, "Kepala Dinas") {
		t.Errorf("siapa: %+v", b.Siapa)
	}
	if len(b.Angka) != 3 || b.Angka[0].Nilai != 120 || b.Angka[0].Satuan != "peserta" || b.Angka[1].Keterangan != "" || b.Angka[2].Nilai != 1250000 {
		t.Errorf("angka: %+v", b.Angka)
	}
	if len(b.Kutipan) != 1 || b.Kutipan[0].Oleh != "Siti Nurhalimah" {
		t.Errorf("kutipan: %+v", b.Kutipan)
	}
	if d, ok := b.EventDate(); !ok || d.Day() != 10 || d.Month() != 3 {
		t.Errorf("EventDate = %v, %v", d, ok)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, yaml string
		line       int
		field, msg string
	}{
		{"bad date", "apa: Pelatihan\nsiapa:\n  - nama: Siti\nkapan: 10 Maret 2026\n", 4, "kapan", "kapan harus berupa tanggal YYYY-MM-DD"},
		{"impossible date", "apa: Pelatihan\nkapan: 2026-02-30\n", 2, "kapan", "kapan harus berupa tanggal YYYY-MM-DD"},
		{"missing kapan", "apa: Pelatihan\n", 1, "kapan", "kapan wajib diisi"},
		{"missing apa", "kapan: 2026-03-10\n", 1, "apa", "apa wajib diisi"},
		{"unknown key", "apa: Pelatihan\nkapan: 2026-03-10\ntempat: Aula\n", 3, "tempat", `kunci "tempat" tidak dikenal`},
		{"unknown nested key", "apa: Pelatihan\nkapan: 2026-03-10\nsiapa:\n  - nama: Siti\n    umur: 40\n", 5, "siapa[0].umur", `kunci "umur" pada siapa ke-1 tidak dikenal`},
		{"nilai not a number", "apa: Pelatihan\nkapan: 2026-03-10\nangka:\n  - nilai: banyak\n    satuan: peserta\n", 4, "angka[0].nilai", "nilai pada angka ke-1 harus berupa bilangan"},
		{"nilai missing", "apa: Pelatihan\nkapan: 2026-03-10\nangka:\n  - satuan: peserta\n", 4, "angka[0].nilai", "nilai pada angka ke-1 wajib diisi"},
		{"satuan missing", "apa: Pelatihan\nkapan: 2026-03-10\nangka:\n  - nilai: 3\n", 4, "angka[0].satuan", "satuan pada angka ke-1 wajib diisi"},
		{"nama missing", "apa: Pelatihan\nkapan: 2026-03-10\nsiapa:\n  - jabatan: Camat\n", 4, "siapa[0].nama", "nama pada siapa ke-1 wajib diisi"},
		{"siapa not a list", "apa: Pelatihan\nkapan: 2026-03-10\nsiapa: Siti\n", 3, "siapa", "siapa harus berupa daftar"},
		{"bad pukul", "apa: Pelatihan\nkapan: 2026-03-10\npukul: sembilan\n", 3, "pukul", "pukul harus berupa jam HH.MM"},
		{"negative days", "apa: Pelatihan\nkapan: 2026-03-10\npublish_by_days: -2\n", 3, "publish_by_days", "0 atau lebih"},
		{"days not a number", "apa: Pelatihan\nkapan: 2026-03-10\npublish_by_days: satu\n", 3, "publish_by_days", "bilangan bulat"},
		{"apa is a list", "apa:\n  - a\nkapan: 2026-03-10\n", 2, "apa", "apa harus berupa teks"},
		{"duplicate key", "apa: A\napa: B\nkapan: 2026-03-10\n", 2, "apa", "ditulis dua kali"},
		{"kutipan without teks", "apa: A\nkapan: 2026-03-10\nkutipan:\n  - oleh: Siti\n", 4, "kutipan[0].teks", "teks pada kutipan ke-1 wajib diisi"},
		{"syntax", "apa: A\n  b: c\n", 2, "", "YAML tidak valid"},
		{"empty", "   \n", 1, "", "brief kosong"},
		{"not a mapping", "- apa\n- kapan\n", 1, "", "daftar kunci dan nilai"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml))
			var be *Error
			if !errors.As(err, &be) {
				t.Fatalf("error %v is not a *Error", err)
			}
			if be.Line != tc.line || be.Field != tc.field || !strings.Contains(be.Msg, tc.msg) {
				t.Errorf("got line %d field %q msg %q; want line %d field %q msg containing %q", be.Line, be.Field, be.Msg, tc.line, tc.field, tc.msg)
			}
			if !strings.HasPrefix(err.Error(), "baris ") {
				t.Errorf("Error() = %q, want it to start with \"baris N:\"", err.Error())
			}
		})
	}
}

// A course file embeds the brief under "brief:"; the course checker marshals
// that node and parses it, then adds the node's line offset itself.
func TestParseFromEmbeddedNode(t *testing.T) {
	practice := "id: rilis-latihan\ntitle: Latihan\nbrief:\n  apa: Pelatihan\n  kapan: 10-03-2026\npass_score: 70\n"
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(practice), &doc); err != nil {
		t.Fatal(err)
	}
	var node *yaml.Node
	root := doc.Content[0]
	for i := 0; i < len(root.Content); i += 2 {
		if root.Content[i].Value == "brief" {
			node = root.Content[i+1]
		}
	}
	data, err := yaml.Marshal(node)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse(data)
	var be *Error
	if !errors.As(err, &be) {
		t.Fatalf("error %v is not a *Error", err)
	}
	// kapan is the node's second line; the node starts at line 4 of the file.
	if be.Line != 2 || node.Line+be.Line-1 != 5 {
		t.Errorf("line %d (file line %d), want 2 (5)", be.Line, node.Line+be.Line-1)
	}
}

func TestBriefValidate(t *testing.T) {
	b := &Brief{Apa: "Pelatihan", Kapan: "2026-03-10", Angka: []Figure{{Nilai: 5}}}
	err := b.Validate()
	var be *Error
	if !errors.As(err, &be) || be.Field != "angka[0].satuan" {
		t.Fatalf("Validate = %v", err)
	}
	b.Angka[0].Satuan = "desa"
	if err := b.Validate(); err != nil {
		t.Fatalf("Validate of a sound brief: %v", err)
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

// TestFigureWritten: the facts sheet shows its figures as the practice asks
// them to be written, with the thousands dot ("1.240 warga", not "1240").
func TestFigureWritten(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{1240, "1.240"}, {318, "318"}, {1250000, "1.250.000"}, {2.5, "2,5"}, {3, "3"}} {
		if got := (Figure{Nilai: c.v}).Written(); got != c.want {
			t.Errorf("Written(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestParseRequirements(t *testing.T) {
	b, err := Parse([]byte(factsBrief + "ketentuan:\n  kata_isi: [250, 400]\n  kata_judul: [5, 12]\n  kata_teras_maks: 35\n  dateline: SUKAMAJU\n  kutipan_beratribusi: 1\n  kutipan_dari_lembar_fakta: true\n  pemisah_ribuan: true\n  judul_aktif: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Requirements{BodyWords: [2]int{250, 400}, HeadlineWords: [2]int{5, 12}, LeadMaxWords: 35, Dateline: "SUKAMAJU", AttributedQuotes: 1, QuotesFromBrief: true, ThousandsSeparator: true, ActiveHeadline: true}
	if b.Ketentuan == nil || *b.Ketentuan != want {
		t.Errorf("ketentuan = %+v, want %+v", b.Ketentuan, want)
	}
	for _, c := range []struct{ yaml, msg string }{
		{"ketentuan:\n  kata_isi: 250\n", "kata_isi harus berupa rentang"},
		{"ketentuan:\n  dateline: Sukamaju\n", "huruf kapital"},
		{"ketentuan:\n  kutipan_beratribusi: 3\n  kutipan_dari_lembar_fakta: true\n", "hanya memuat 1 kutipan"},
		{"ketentuan:\n  pemisah_ribuan: ya\n", "true atau false"},
		{"ketentuan:\n  judul_aktif: aktif\n", "true atau false"},
		{"ketentuan:\n  panjang: 3\n", "tidak dikenal"},
	} {
		_, err := Parse([]byte(factsBrief + c.yaml))
		var be *Error
		if !errors.As(err, &be) || !strings.Contains(be.Msg, c.msg) || be.Line != 16 {
			t.Errorf("%q: error %v, want %q at its line", c.yaml, err, c.msg)
		}
	}
}
