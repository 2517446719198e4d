package domain

import (
	"strings"
	"testing"
)

func TestTextRuleCheck(t *testing.T) {
	name := TextRule{Label: "Nama", Min: 1, Max: 5}
	long := TextRule{Label: "Isi", Max: 20, Multiline: true}
	for _, tc := range []struct {
		rule      TextRule
		in, clean string
		msgHas    string
	}{
		{name, "  Ani  ", "Ani", ""},
		{name, "We\u0301", "Wé", ""}, // NFC: e + combining acute is one character
		{name, "🚀🚀🚀🚀🚀", "🚀🚀🚀🚀🚀", ""},
		{name, "", "", "Nama wajib diisi."},
		{name, "abcdef", "abcdef", "paling banyak 5 karakter; sekarang 6"},
		{name, "A\x00ni", "Ani", "karakter kendali"},
		{name, "A\nni", "Ani", "karakter kendali"},
		{name, "A\xffni", "A\uFFFDni", "UTF-8"},
		{long, "satu\r\ndua\tti", "satu\ndua\tti", ""},
		{long, "satu\x1bdua", "satudua", "karakter kendali"},
		{long, strings.Repeat("x", 20001)[:21], strings.Repeat("x", 21), "paling banyak 20 karakter"},
		// Invisible: zero-width characters go; a name of nothing visible is no name.
		{name, "\u200B", "", "Nama wajib diisi."},
		{name, "\u200BA\u2060ni\uFEFF", "Ani", ""},
		{name, "\u0301\uFE0F\u200D", "", "Nama wajib diisi."},
		{name, "👩\u200D💻", "👩\u200D💻", ""}, // the joiner of an emoji stays
		{long, "\u200B ", "", ""},
		// Direction overrides reverse what is shown.
		{name, "Ani\u202Etxt", "Anitxt", "pengatur arah teks"},
		{long, "satu\u2067dua", "satudua", "pengatur arah teks"},
	} {
		clean, msg := tc.rule.Check(tc.in)
		if clean != tc.clean || (tc.msgHas == "") != (msg == "") || !strings.Contains(msg, tc.msgHas) {
			t.Errorf("%s.Check(%q) = %q, %q; want %q, a message with %q", tc.rule.Label, tc.in, clean, msg, tc.clean, tc.msgHas)
		}
	}
	if _, err := TextUserName.Err(strings.Repeat("n", 201)); ErrorCode(err) != CodeInvalid {
		t.Fatalf("a 201-character name: %v", err)
	}
}
