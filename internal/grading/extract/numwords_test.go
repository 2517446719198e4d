package extract

import "testing"

func TestReadNumberWords(t *testing.T) {
	words := func(ws ...string) func(int) string {
		return func(k int) string {
			if k < len(ws) {
				return ws[k]
			}
			return ""
		}
	}
	lo, hi, next, ok := ReadNumberWords(words("dua", "puluh", "tiga", "warga"), 0)
	if !ok || lo != 23 || hi != 23 || next != 3 {
		t.Errorf("dua puluh tiga = [%v, %v] next %d ok %v", lo, hi, next, ok)
	}
	if lo, hi, _, ok := ReadNumberWords(words("belasan"), 0); !ok || lo != 11 || hi != 19 {
		t.Errorf("belasan = [%v, %v] ok %v", lo, hi, ok)
	}
	if lo, hi, next, ok := ReadNumberWords(words("belasan", "ribu", "warga"), 0); !ok || lo != 11000 || hi != 19999 || next != 2 {
		t.Errorf("belasan ribu = [%v, %v] next %d ok %v", lo, hi, next, ok)
	}
	if lo, hi, _, ok := ReadNumberWords(words("ratusan", "juta"), 0); !ok || lo != 100e6 || hi != 999999999 {
		t.Errorf("ratusan juta = [%v, %v] ok %v", lo, hi, ok)
	}
	if _, _, _, ok := ReadNumberWords(words("puluh", "warga"), 0); ok {
		t.Error("a bare \"puluh\" read as a number")
	}
}

// TestDatesDayInWords: EYD V lets the day of a date be written in words; it
// is the same date as in digits.
func TestDatesDayInWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Posyandu dibuka pada enam belas April 2026 di balai desa.", []string{"enam belas April 2026|w-1 d16 m4 y2026"}},
		{"Panen raya berlangsung Kamis, tiga puluh April, di Desa Sindang.", []string{"Kamis, tiga puluh April|w4 d30 m4 y0"}},
		{"Rapat digelar Senin (sebelas Mei 2026) pukul 09.00 WIB.", []string{"Senin (sebelas Mei 2026) pukul 09.00 WIB|w1 d11 m5 y2026 clock"}},
		{"Pendaftaran ditutup tanggal dua puluh satu Juli.", []string{"tanggal dua puluh satu Juli|w-1 d21 m7 y0"}},
		{"Lomba dimulai tanggal sepuluh.", []string{"tanggal sepuluh|w-1 d10 m0 y0"}},
		// not days: a count of days, a number past 31, a range word
		{"Pelatihan berlangsung tiga hari di aula.", nil},
		{"Sebanyak empat puluh warga hadir.", nil},
		{"Kamis, tiga puluh dua warga datang.", []string{"Kamis|w4 d0 m0 y0"}},
		{"belasan April", nil},
	}
	for _, tc := range tests {
		got := []string{}
		for _, d := range Dates(tc.in) {
			got = append(got, dateString(d))
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: got %q, want %q", tc.in, got[i], tc.want[i])
			}
		}
	}
}
