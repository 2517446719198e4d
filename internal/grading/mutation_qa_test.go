package grading

import (
	"strings"
	"testing"
)

// Items of the QA session of 2026-12-05 on the date, opinion, headline and
// EYD classes.

// firstParas is body cut to its first n paragraphs.
func firstParas(body string, n int) string {
	paras := strings.Split(body, "\n\n")
	return strings.Join(paras[:min(n, len(paras))], "\n\n")
}

// TestHeadlineVoiceIndependentOfBody: whether a headline is active does not
// depend on how much body follows it. "Kejar" is read as the active base of
// "dikejar" also when only the sheet's quote says "dikejar", and a ter- word
// after "yang" describes a noun ("Imunisasi yang Tertinggal"), it is no
// passive predicate.
func TestHeadlineVoiceIndependentOfBody(t *testing.T) {
	p := loadPractices(t)[pImun]
	for _, set := range []string{"sound", "sound2"} {
		_, b := releaseFile(t, set, pImun)
		for _, n := range []int{1, 2, 3, 100} {
			body := firstParas(b, n)
			for _, c := range []struct{ head, want string }{
				{"Ribuan Balita di Cikadu dan Cibeureum Kejar Imunisasi yang Tertinggal", ""},
				{"Dinkes Sukamaju Kejar Imunisasi Balita yang Tertinggal", ""},
				{"Imunisasi Balita yang Tertinggal Dikejar di 48 Posyandu", "judul-pasif"},
				{"1.236 Balita Tertinggal Imunisasi di Cikadu dan Cibeureum", "judul-pasif"},
			} {
				in := p.input(c.head, body)
				var got []string
				for _, f := range Grade(in).Findings {
					if f.Rule == "judul-pasif" || f.Rule == "judul-tanpa-kata-kerja" {
						got = append(got, f.Rule+" "+f.Severity)
					}
				}
				switch {
				case c.want == "" && len(got) > 0:
					t.Errorf("%s, %d paragraphs, %q: false alarm %v", set, n, c.head, got)
				case c.want != "" && (len(got) != 1 || got[0] != c.want+" "+SevPeringatan):
					t.Errorf("%s, %d paragraphs, %q: got %v, want %s peringatan", set, n, c.head, got, c.want)
				}
			}
		}
	}
}
