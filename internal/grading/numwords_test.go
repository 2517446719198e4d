package grading

import "testing"

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
