package web

import "testing"

// TestAsSentence: an answer quoted in the quiz review ends with one full
// stop, whether or not the answer brings its own ("… ke puskesmas..").
func TestAsSentence(t *testing.T) {
	for in, want := range map[string]string{
		"Benar":                      "Benar.",
		"Warga datang ke puskesmas.": "Warga datang ke puskesmas.",
		"Siapa yang datang?":         "Siapa yang datang?",
		"aktual; faktual":            "aktual; faktual.",
		"Tunggu sebentar…":           "Tunggu sebentar…",
		"UU Nomor 14 Tahun 2008 ":    "UU Nomor 14 Tahun 2008.",
		"":                           "",
	} {
		if got := asSentence(in); got != want {
			t.Errorf("asSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
