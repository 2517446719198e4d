package grading

import (
	"strings"
	"unicode"
)

// NormalizeText is the one clean-up of release text shared by the web form,
// the API and the CLI, so that finding offsets refer to the text the user
// then sees. It makes the text valid UTF-8, turns CRLF and CR into LF, turns
// NBSP and every other Unicode space separator into a plain space, and drops
// zero-width characters, soft hyphens, direction marks and control
// characters other than newline and tab. Invisible characters would otherwise let "di\u200b
// laksanakan" or "di\u00a0laksanakan" slip past the checks for "di laksanakan".
func NormalizeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case unicode.IsControl(r):
			return -1
		case unicode.Is(unicode.Zs, r):
			return ' '
		}
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			return -1
		case '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069':
			return -1 // direction marks: they only reorder how a word shows
		}
		return r
	}, s)
}
