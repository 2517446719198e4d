package domain

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TextRule is what one text input may hold: its label for messages, its
// length in characters (the limits of the schema's CHECK constraints where
// there is one), and whether it may span lines. Every form and the API check
// their text with a rule before anything is stored.
type TextRule struct {
	Label     string
	Min, Max  int  // characters after trimming; Min 0 means optional
	Multiline bool // newlines and tabs allowed
}

// The text inputs of the application.
var (
	TextUserName      = TextRule{Label: "Nama", Min: 1, Max: 200}
	TextEmail         = TextRule{Label: "Email", Min: 1, Max: 254}
	TextOPDName       = TextRule{Label: "Nama OPD", Min: 3, Max: 200}
	TextOPDShortName  = TextRule{Label: "Singkatan", Max: 50}
	TextAccountHandle = TextRule{Label: "Nama akun", Max: 100}
	TextURL           = TextRule{Label: "Alamat (URL)", Max: 500}
	TextCohortName    = TextRule{Label: "Nama angkatan", Min: 3, Max: 200}
	TextSessionTopic  = TextRule{Label: "Topik", Min: 3, Max: 300}
	TextPlace         = TextRule{Label: "Tempat", Min: 1, Max: 200}
	TextSpeaker       = TextRule{Label: "Narasumber", Max: 200}
	TextTokenName     = TextRule{Label: "Nama token", Min: 3, Max: 100}
	TextReason        = TextRule{Label: "Alasan", Max: 500, Multiline: true} // emptiness: the store's own message
	TextComment       = TextRule{Label: "Komentar", Max: 2000, Multiline: true}
	TextScoreReason   = TextRule{Label: "Alasan nilai", Max: 1000, Multiline: true}
	TextGeneral       = TextRule{Label: "Komentar umum", Max: 5000, Multiline: true}
	TextSearch        = TextRule{Label: "Kata pencarian", Max: 200}
	TextHeadline      = TextRule{Label: "Judul", Max: 200}
	TextReleaseBody   = TextRule{Label: "Isi rilis", Max: 20000, Multiline: true}
	TextEmailList     = TextRule{Label: "Daftar email", Max: 100000, Multiline: true}
)

// Check cleans s for this input and says, in Indonesian, what is wrong with
// it. The cleaned text is trimmed, in Unicode NFC, with "\r\n" as "\n" and
// without zero-width characters; it is what gets stored, and what a form
// shows back when msg is not empty (then invalid bytes are shown as "�" and
// control characters are left out).
func (r TextRule) Check(s string) (clean, msg string) {
	clean, id, data := r.Problem(s)
	if id != "" {
		msg = Fill(id, data)
	}
	return clean, msg
}

// Problem is Check with what is wrong as a message of the message file and
// its values (empty id when s is acceptable), for a reader of another language.
func (r TextRule) Problem(s string) (clean, id string, data map[string]any) {
	c := r.clean(s)
	id, data = r.problem(c)
	return c.text, id, data
}

// cleaned is a text as it is stored, and what was wrong with it as typed.
type cleaned struct {
	text    string
	invalid bool // bytes that are not UTF-8
	control bool // control characters (newlines and tabs outside long text)
	bidi    bool // characters that reorder how the text shows
}

func (r TextRule) clean(s string) cleaned {
	var c cleaned
	if !utf8.ValidString(s) {
		c.invalid = true
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(ch rune) rune {
		switch {
		case (ch == '\n' || ch == '\t') && r.Multiline:
			return ch
		case unicode.IsControl(ch) || ch == '\u2028' || ch == '\u2029':
			c.control = true
			return -1
		case isBidiControl(ch):
			c.bidi = true
			return -1
		case ch == '\u200B' || ch == '\u2060' || ch == '\uFEFF': // zero-width space, word joiner, BOM
			return -1
		}
		return ch
	}, s)
	s = norm.NFC.String(strings.TrimSpace(s))
	// Only marks, selectors and joiners show nothing: an invisible name is no name.
	if !strings.ContainsFunc(s, func(ch rune) bool {
		return unicode.In(ch, unicode.L, unicode.N, unicode.P, unicode.S)
	}) {
		s = ""
	}
	c.text = s
	return c
}

// isBidiControl reports the characters that change the direction text is
// shown in (U+202A–U+202E, U+2066–U+2069): one can make "gpj.exe" read as
// "exe.jpg" or reverse a name on screen and in exports.
func isBidiControl(ch rune) bool {
	return (ch >= '\u202A' && ch <= '\u202E') || (ch >= '\u2066' && ch <= '\u2069')
}

// problem names what is wrong with a cleaned text.
func (r TextRule) problem(c cleaned) (string, map[string]any) {
	label := Label(r.Label)
	n := utf8.RuneCountInString(c.text)
	switch {
	case c.invalid:
		return "{{.Label}} berisi bita yang bukan teks UTF-8 yang sah; ketik ulang bagian yang tampil sebagai �.", map[string]any{"Label": label}
	case c.bidi:
		return "{{.Label}} berisi karakter pengatur arah teks (misalnya U+202E) yang dapat membalik tampilan tulisan; hapus lalu kirim lagi.", map[string]any{"Label": label}
	case c.control:
		return "{{.Label}} berisi karakter kendali yang tidak diizinkan (misalnya NUL atau ganti baris); hapus lalu kirim lagi.", map[string]any{"Label": label}
	case n == 0 && r.Min > 0:
		return "{{.Label}} wajib diisi.", map[string]any{"Label": label}
	case n < r.Min:
		return "{{.Label}} paling sedikit {{.Min}} karakter.", map[string]any{"Label": label, "Min": Num(r.Min)}
	case r.Max > 0 && n > r.Max:
		return "{{.Label}} paling banyak {{.Max}} karakter; sekarang {{.Now}}.", map[string]any{"Label": label, "Max": Num(r.Max), "Now": Num(n)}
	}
	return "", nil
}

// Err is Check as an error of CodeInvalid (nil when s is acceptable).
func (r TextRule) Err(s string) (string, error) {
	clean, id, data := r.Problem(s)
	if id != "" {
		return clean, Errort(CodeInvalid, id, data)
	}
	return clean, nil
}

// Num is a number inside a message: Indonesian thousands ("20.000") as its
// String; the web layer writes it with the reader's separator.
type Num int

func (n Num) String() string { return thousands(int(n)) }

// Label is a fixed text (an input's name) inside a message; the web layer
// puts it into the reader's language.
type Label string

func (l Label) String() string { return string(l) }

// thousands writes 20000 as "20.000", the Indonesian way.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
