// Package certify holds the certification rules that need no database:
// certificate numbers, verification codes, validity and status. The PDF is
// drawn by certify/certpdf. It imports nothing of the app but the leaf msgfill, takes "now" from
// the caller and never reads the clock, so every rule is a plain function
// with a test.
package certify

import (
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/msgfill"
)

// CodeAlphabet is the set of characters a verification code is made of: the
// digits and capital letters without 0, O, 1, I and L, which people confuse
// when they read a printed code aloud or type it from paper.
const CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// CodeLength is the length of a verification code: CodeLength-1 random
// characters (31^11 ≈ 2.5·10^16 possibilities, about 54 bits) and one check
// character, so a mistyped or tampered code is recognised without a lookup.
const CodeLength = 12

var alphabetSize = big.NewInt(int64(len(CodeAlphabet)))

// NewCode returns a fresh random verification code with its check character.
func NewCode() (string, error) {
	b := make([]byte, CodeLength-1)
	for i := range b {
		n, err := rand.Int(rand.Reader, alphabetSize) // uniform: no modulo bias
		if err != nil {
			return "", fmt.Errorf("membuat kode verifikasi: %w", err)
		}
		b[i] = CodeAlphabet[n.Int64()]
	}
	return string(b) + string(checkChar(string(b))), nil
}

// checkChar is a weighted sum modulo 31 (a prime, the alphabet's size): it
// catches every single wrong character and every swap of two neighbours.
func checkChar(body string) byte {
	sum := 0
	for i := 0; i < len(body); i++ {
		sum += (i + 1) * strings.IndexByte(CodeAlphabet, body[i])
	}
	return CodeAlphabet[sum%len(CodeAlphabet)]
}

// FormatCode groups a code in fours for reading: "ABCD-EFGH-JKMN".
func FormatCode(code string) string {
	var b strings.Builder
	for i, r := range code {
		if i > 0 && i%4 == 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// CodeError says why a typed code cannot be a verification code: Message
// in Indonesian, MsgID and Data the same as a template of the message file
// (web/i18n/en.json) for a reader of another language.
type CodeError struct {
	Message string
	MsgID   string
	Data    map[string]any
}

// Problem is a CodeError for another check a person reads (an emblem, a
// NIP): id is a message of the file, filled with data.
func Problem(id string, data map[string]any) *CodeError { return codeErr(id, data) }

// codeErr fills the message id with data.
func codeErr(id string, data map[string]any) *CodeError {
	return &CodeError{Message: msgfill.Fill(id, data), MsgID: id, Data: data}
}

func (e *CodeError) Error() string { return e.Message }

// maxTypedCode bounds what ParseCode looks at: anything longer is not a code.
const maxTypedCode = 64

// ParseCode normalises what a person typed or a QR scanner sent (case,
// spaces and dashes do not matter) and checks it. It returns the code as
// stored, or a *CodeError that says exactly what is wrong: characters that
// never occur in a code, a wrong length (a truncated code), or a check
// character that does not match (a mistyped or altered code).
func ParseCode(raw string) (string, error) {
	if !utf8.ValidString(raw) {
		return "", codeErr("Kode verifikasi memuat karakter yang tidak dapat dibaca.", nil)
	}
	var b strings.Builder
	var bad []string
	seen := map[rune]bool{}
	n := 0
	for _, r := range raw {
		if unicode.IsSpace(r) || r == '-' || r == '–' || r == '—' || r == '.' {
			continue
		}
		n++
		if n > maxTypedCode {
			return "", codeErr("Kode verifikasi terdiri atas {{.Length}} karakter; teks yang Anda masukkan jauh lebih panjang.", map[string]any{"Length": CodeLength})
		}
		u := unicode.ToUpper(r)
		if u < utf8.RuneSelf && strings.IndexByte(CodeAlphabet, byte(u)) >= 0 {
			b.WriteRune(u)
			continue
		}
		if !seen[u] {
			seen[u] = true
			bad = append(bad, describeRune(u))
		}
	}
	code := b.String()
	switch {
	case n == 0:
		return "", codeErr("Kode verifikasi kosong. Masukkan kode yang tercetak di bawah kode QR sertifikat.", nil)
	case len(bad) > 0:
		return "", codeErr("Kode memuat karakter yang tidak pernah dipakai dalam kode verifikasi: {{.Bad}}. "+
			"Kode hanya terdiri atas angka 2–9 dan huruf A–Z tanpa I, L, dan O.", map[string]any{"Bad": strings.Join(bad, ", ")})
	case len(code) < CodeLength:
		return "", codeErr("Kode verifikasi terdiri atas {{.Length}} karakter, sedangkan kode ini hanya {{.N}} karakter; mungkin ada bagian yang terpotong.", map[string]any{"Length": CodeLength, "N": len(code)})
	case len(code) > CodeLength:
		return "", codeErr("Kode verifikasi terdiri atas {{.Length}} karakter, sedangkan kode ini {{.N}} karakter.", map[string]any{"Length": CodeLength, "N": len(code)})
	case checkChar(code[:CodeLength-1]) != code[CodeLength-1]:
		return "", codeErr("Karakter pemeriksa kode ini tidak cocok: ada karakter yang salah ketik atau diubah. Periksa kembali kode pada sertifikat.", nil)
	}
	return code, nil
}

// describeRune names a character for a message: the character itself in
// quotes when it is visible, its Unicode number otherwise.
func describeRune(r rune) string {
	if unicode.IsPrint(r) {
		return "“" + string(r) + "”"
	}
	return fmt.Sprintf("U+%04X", r)
}

// Number is the human certificate number: BMT/<year>/<REGION>/<6-digit sequence>.
func Number(year int, regionCode string, seq int) string {
	return fmt.Sprintf("BMT/%d/%s/%06d", year, strings.ToUpper(regionCode), seq)
}

// Status is the state of a certificate at a moment.
type Status string

// The three states a certificate can be in.
const (
	Valid   Status = "berlaku"
	Expired Status = "kedaluwarsa"
	Revoked Status = "dicabut"
)

// Label is the status as the interface shows it.
func (s Status) Label() string {
	switch s {
	case Valid:
		return "Berlaku"
	case Expired:
		return "Kedaluwarsa"
	case Revoked:
		return "Dicabut"
	}
	return string(s)
}

// StatusAt is the status at now: revoked wins over everything; a certificate
// is expired from the moment valid_until is reached.
func StatusAt(validUntil time.Time, revokedAt *time.Time, now time.Time) Status {
	switch {
	case revokedAt != nil:
		return Revoked
	case !now.Before(validUntil):
		return Expired
	}
	return Valid
}

// ReminderWindow is how long before valid_until a trainee is reminded (DESIGN.md §10).
const ReminderWindow = 60 * 24 * time.Hour

// ExpiresSoon reports whether a still valid certificate ends within the reminder window.
func ExpiresSoon(validUntil time.Time, revokedAt *time.Time, now time.Time) bool {
	return StatusAt(validUntil, revokedAt, now) == Valid && validUntil.Sub(now) <= ReminderWindow
}

// ErrValidity is returned for a validity outside 1–120 months.
var ErrValidity = errors.New("masa berlaku sertifikat harus 1–120 bulan")

// ValidUntil adds months to the issue moment on the region's calendar. A day
// that the target month lacks becomes its last day (31 January + 1 month is
// 28 or 29 February), so a certificate never runs into the month after.
func ValidUntil(issued time.Time, months int, loc *time.Location) (time.Time, error) {
	if months < 1 || months > 120 {
		return time.Time{}, ErrValidity
	}
	t := issued.In(loc)
	first := time.Date(t.Year(), t.Month()+time.Month(months), 1, 0, 0, 0, 0, loc)
	last := first.AddDate(0, 1, -1).Day()
	d := t.Day()
	if d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc).UTC(), nil
}

// Indonesian time zones; Indonesia has no daylight saving, so fixed zones are exact
// and no time zone database is needed on the server.
var (
	WIB  = time.FixedZone("WIB", 7*3600)
	WITA = time.FixedZone("WITA", 8*3600)
	WIT  = time.FixedZone("WIT", 9*3600)
)

// Zone returns the fixed zone of a region's IANA time zone name (WIB when unknown).
func Zone(name string) *time.Location {
	switch name {
	case "Asia/Makassar":
		return WITA
	case "Asia/Jayapura":
		return WIT
	}
	return WIB
}

var monthNames = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// Date writes a calendar day the Indonesian way, "16 April 2026", in loc.
func Date(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	return fmt.Sprintf("%d %s %d", t.Day(), monthNames[t.Month()-1], t.Year())
}

// VerifyURL is the public verification address of a code under baseURL.
func VerifyURL(baseURL, code string) string {
	return strings.TrimRight(baseURL, "/") + "/verifikasi/" + code
}
