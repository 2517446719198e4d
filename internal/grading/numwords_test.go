package grading

import (
	"strings"
	"testing"
)

func TestReadWordNumber(t *testing.T) {
	cases := []struct {
		text   string
		lo, hi float64
		words  int
	}{
		{"tiga perangkat", 3, 3, 1},
		{"sepuluh desa", 10, 10, 1},
		{"sebelas desa", 11, 11, 1},
		{"dua belas desa", 12, 12, 2},
		{"empat puluh dua kilometer", 42, 42, 3},
		{"seratus dua puluh peserta", 120, 120, 3},
		{"dua ratus lima puluh tiga warga", 253, 253, 5},
		{"seribu dua ratus empat puluh warga", 1240, 1240, 5},
		{"dua ribu warga", 2000, 2000, 2},
		{"seratus ribu warga", 100000, 100000, 2},
		{"belasan perangkat", 11, 19, 1},
		{"puluhan warga", 20, 99, 1},
		{"tiga puluhan warga", 30, 39, 2},
		{"ratusan pelajar", 100, 999, 1},
		{"ribuan warga", 1000, 999999, 1},
	}
	for _, c := range cases {
		toks := tokenize(c.text, len([]rune(c.text)))
		n, next, ok := readWordNumber(toks, 0)
		if !ok || n.lo != c.lo || n.hi != c.hi || next != c.words {
			t.Errorf("%q = %+v, next %d, ok %v; want [%v, %v], next %d", c.text, n, next, ok, c.lo, c.hi, c.words)
		}
	}
	for _, text := range []string{"warga desa", "belas kasihan", "ratus", "ribu warga"} {
		toks := tokenize(text, len([]rune(text)))
		if n, _, ok := readWordNumber(toks, 0); ok {
			t.Errorf("%q read as number %+v", text, n)
		}
	}
}

// TestDateInWordsAgainstBrief: a date whose day is written in words is
// checked against the facts sheet and the calendar like one in digits.
func TestDateInWordsAgainstBrief(t *testing.T) {
	brief := &Brief{Apa: "Pembagian bibit kopi", Siapa: []Person{{Nama: "Wawan Hermawan", Jabatan: "Kepala Dinas Pertanian"}},
		Kapan: "2026-03-11", DiMana: "Balai Desa Mekarjaya", Angka: []Figure{{Nilai: 500, Satuan: "bibit"}}}
	release := func(date string) Input {
		body := "SUKAMAJU – Dinas Pertanian Kabupaten Sukamaju membagikan 500 bibit kopi kepada petani di Balai Desa Mekarjaya, " + date +
			", agar kebun warga di lereng gunung kembali produktif.\n\n\"Bibit ini kami pilih yang tahan kemarau,\" kata Kepala Dinas Pertanian, Wawan Hermawan."
		return Input{Headline: "Dinas Pertanian Bagikan 500 Bibit Kopi di Mekarjaya", Body: body, Brief: brief, Now: testNow}
	}

	in := release("Kamis, dua belas Maret 2026")
	rep := Grade(in)
	f := mustFindMsg(t, rep, in, CritFaktual, SevKesalahan, "dua belas Maret 2026", "lembar fakta")
	if got := f.Passage(in.Headline, in.Body); got != "Kamis, dua belas Maret 2026" {
		t.Errorf("wrong date quoted as %q", got)
	}
	mustNotFind(t, rep, in, CritPenting, "dua belas")

	in = release("Rabu, sebelas Maret 2026")
	rep = Grade(in)
	mustNotFind(t, rep, in, CritFaktual, "sebelas Maret")
	mustNotFind(t, rep, in, CritAktual, "")
	for _, f := range rep.Findings {
		if strings.Contains(f.Message, "belum menyebut tanggal") {
			t.Errorf("the right date in words is reported missing: %s", f.Message)
		}
	}

	in = release("Selasa, sebelas Maret 2026")
	rep = Grade(in)
	mustFindMsg(t, rep, in, CritAktual, SevKesalahan, "Selasa, sebelas Maret 2026", "jatuh pada hari Rabu, bukan Selasa")
	mustNotFind(t, rep, in, CritFaktual, "sebelas Maret")
}
