package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzElements checks that no input makes the extractors panic and that every
// span is a faithful slice of the input.
func FuzzElements(f *testing.F) {
	seeds := []string{
		"",
		"SUKAMAJU – Dinas Kesehatan (Dinkes) membuka layanan mulai Senin (9/3/2026).",
		"“Kita harus sadar,” kata Irna, Rabu (30/06).\n\nIa pulang.",
		"Bupati Sukamaju, H. Dadang Kurnia, membuka festival di Alun-alun Sukamaju pukul 09.00 WIB.",
		"KEGIATAN SOSIALISASI DINAS PERTANIAN!!!",
		"\"unclosed “ quote ( ( ) ) H. . . Dr.",
		"tahun 1980 - an abad ke - 19 8/ 9 10-11 Oktober Jum'at ( 26/8 ) ,",
		"Ab\xffc. D\xfe. \xe2\x80",
		"di 12 kecamatan untuk setiap desa dengan cara melalui",
	}
	// the worked examples make good seeds when the shared data is there
	if shared, err := findShared(); err == nil {
		files, _ := filepath.Glob(filepath.Join(shared, "eval", "cases", "*", "release.txt"))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				seeds = append(seeds, string(b))
			}
		}
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		check := func(s Span) {
			rs := []rune(text)
			if s.Start < 0 || s.Start > s.End || s.End > len(rs) {
				t.Fatalf("span %+v out of range (runes %d) in %q", s, len(rs), text)
			}
			if !utf8.ValidString(s.Text) {
				t.Fatalf("span text not valid UTF-8: %q", s.Text)
			}
			if got := string(rs[s.Start:s.End]); got != s.Text {
				t.Fatalf("span text %q != slice %q", s.Text, got)
			}
		}
		for _, s := range Paragraphs(text) {
			check(s)
		}
		for _, s := range Sentences(text) {
			check(s)
		}
		for _, s := range Quotes(text) {
			check(s)
		}
		for _, d := range Dates(text) {
			check(d.Span)
		}
		for id, spans := range Elements(text) {
			for _, s := range spans {
				check(s)
				if s.Start == s.End {
					t.Fatalf("empty %s span %+v in %q", id, s, text)
				}
			}
		}
	})
}
