package grading

import "testing"

func TestNormalizeText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"di\u00a0laksanakan", "di laksanakan"},
		{"di\u200b laksanakan", "di laksanakan"},
		{"suk\u200bses besar", "sukses besar"},
		{"a\u200cb\u200dc\u2060d\ufeffe", "abcde"},
		{"\ufeffJudul", "Judul"},
		{"pe\u00adlatihan", "pelatihan"},
		{"di\u202elaksanakan", "dilaksanakan"},
		{"\u200fwarga\u2066 1.240\u2069\u200e", "warga 1.240"},
		{"a\u2002b\u2009c\u202fd\u3000e", "a b c d e"},
		{"baris1\r\nbaris2\rbaris3\n", "baris1\nbaris2\nbaris3\n"},
		{"tab\tdan\x00nul\x07bel\u0085nel", "tab\tdannulbelnel"},
		{"rusak\xffbyte", "rusak\uFFFDbyte"},
		{"Café – “kutipan” 150 orang", "Café – “kutipan” 150 orang"},
		{"", ""},
	}
	for _, c := range cases {
		if got := NormalizeText(c.in); got != c.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := NormalizeText(NormalizeText(c.in)); got != NormalizeText(c.in) {
			t.Errorf("NormalizeText is not idempotent on %q: %q", c.in, got)
		}
	}
}
