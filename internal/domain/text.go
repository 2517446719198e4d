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
// it. The cleaned text is trimmed, in Unicode NFC, with "\r\n" as "\n"; it
// is what gets stored, and what a form shows back when msg is not empty (then
// invalid bytes are shown as "�" and control characters are left out).
func (r TextRule) Check(s string) (clean, msg string) {
	valid := utf8.ValidString(s)
	if !valid {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	control := false
	s = strings.Map(func(c rune) rune {
		if (c == '\n' || c == '\t') && r.Multiline {
			return c
		}
		if unicode.IsControl(c) || c == '\u2028' || c == '\u2029' {
			control = true
			return -1
		}
		return c
	}, s)
	s = norm.NFC.String(strings.TrimSpace(s))
	n := utf8.RuneCountInString(s)
	switch {
	case !valid:
		msg = fmt.Sprintf("%s berisi bita yang bukan teks UTF-8 yang sah; ketik ulang bagian yang tampil sebagai �.", r.Label)
	case control:
		msg = fmt.Sprintf("%s berisi karakter kendali yang tidak diizinkan (misalnya NUL atau ganti baris); hapus lalu kirim lagi.", r.Label)
	case n == 0 && r.Min > 0:
		msg = fmt.Sprintf("%s wajib diisi.", r.Label)
	case n < r.Min:
		msg = fmt.Sprintf("%s paling sedikit %d karakter.", r.Label, r.Min)
	case r.Max > 0 && n > r.Max:
		msg = fmt.Sprintf("%s paling banyak %s karakter; sekarang %s.", r.Label, thousands(r.Max), thousands(n))
	}
	return s, msg
}

// Err is Check as an error of CodeInvalid (nil when s is acceptable).
func (r TextRule) Err(s string) (string, error) {
	clean, msg := r.Check(s)
	if msg != "" {
		return clean, &Error{Code: CodeInvalid, Message: msg}
	}
	return clean, nil
}

// thousands writes 20000 as "20.000", the Indonesian way.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
