package extract

import (
	"unicode"
	"unicode/utf8"
)

// tokKind tells words, numbers and punctuation apart.
type tokKind uint8

const (
	kWord tokKind = iota
	kNum
	kPunct
)

// token is one word, number or punctuation mark of a text.
type token struct {
	start, end int // rune offsets, end exclusive
	bs, be     int // byte offsets into the (valid UTF-8) text
	text       string
	lower      string
	kind       tokKind
	space      bool // whitespace precedes the token
	nl         int  // newlines in the whitespace before the token
	upper      bool // first rune is an upper-case letter
	caps       bool // every letter is upper case and there are at least two letters
	digit      bool // contains a digit
}

// validText returns s unchanged when it is valid UTF-8; otherwise it replaces
// every invalid byte by U+FFFD, which is exactly what []rune(s) does, so rune
// offsets and span texts agree with string([]rune(s)[a:b]).
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

// lowerText lowercases s rune by rune, keeping every rune's byte width so that
// byte offsets into s are also valid in the result. Runes whose lower case has
// another width are left as they are.
func lowerText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		has := false
		for i := 0; i < len(s); i++ {
			if c := s[i]; c >= 'A' && c <= 'Z' {
				has = true
				break
			}
		}
		if !has {
			return s
		}
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == w {
			b = utf8.AppendRune(b, l)
		} else {
			b = append(b, s[i:i+w]...)
		}
		i += w
	}
	return string(b)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWideWordRune(r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWideWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// asciiSpace marks the ASCII white space isSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\n': true, '\t': true, '\r': true, '\v': true, '\f': true}

func isJoiner(r rune) bool {
	return r == '-' || r == '\'' || r == '’' || r == '‐' || r == '‑'
}

// tokenize splits s (valid UTF-8) into tokens in one pass. Words keep inner
// hyphens and apostrophes ("alun-alun", "Jum'at", "Covid-19"); numbers keep inner
// separators between digits ("09.00", "8.450", "30/06/2021", "19,5").
func tokenize(s, low string) []token {
	toks := make([]token, 0, len(s)/4+8)
	ri := 0 // rune index of position bi
	bi := 0
	space := false
	nl := 0
	for bi < len(s) {
		r, w := rune(s[bi]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[bi:])
		}
		if isSpace(r) {
			space = true
			if r == '\n' {
				nl++
			}
			bi += w
			ri++
			continue
		}
		t := token{start: ri, bs: bi, space: space, nl: nl}
		space, nl = false, 0
		if !isWordRune(r) {
			bi += w
			ri++
			t.end, t.be, t.kind = ri, bi, kPunct
			t.text, t.lower = s[t.bs:t.be], low[t.bs:t.be]
			toks = append(toks, t)
			continue
		}
		letters, uppers := 0, 0
		prev := rune(0)
		for bi < len(s) {
			r, w = rune(s[bi]), 1
			if r >= utf8.RuneSelf {
				r, w = utf8.DecodeRuneInString(s[bi:])
			}
			if isWordRune(r) {
				switch {
				case 'a' <= r && r <= 'z':
					letters++
				case 'A' <= r && r <= 'Z':
					letters++
					uppers++
				case '0' <= r && r <= '9':
					t.digit = true
				case unicode.IsLetter(r):
					letters++
					if unicode.IsUpper(r) {
						uppers++
					}
				case unicode.IsDigit(r):
					t.digit = true
				}
				prev = r
				bi += w
				ri++
				continue
			}
			// A joiner or a numeric separator stays inside the token only when
			// a word rune follows (and, for separators, digits on both sides).
			nr, _ := utf8.DecodeRuneInString(s[bi+w:])
			if bi+w < len(s) && isWordRune(nr) {
				if isJoiner(r) && prev != 0 {
					bi += w
					ri++
					prev = r
					continue
				}
				if (r == '.' || r == ',' || r == '/' || r == ':') && unicode.IsDigit(prev) && unicode.IsDigit(nr) {
					bi += w
					ri++
					prev = r
					continue
				}
			}
			break
		}
		t.end, t.be = ri, bi
		t.text, t.lower = s[t.bs:t.be], low[t.bs:t.be]
		first, _ := utf8.DecodeRuneInString(t.text)
		if unicode.IsDigit(first) {
			t.kind = kNum
		} else {
			t.kind = kWord
		}
		t.upper = unicode.IsUpper(first)
		t.caps = letters >= 2 && uppers == letters
		toks = append(toks, t)
	}
	return toks
}
