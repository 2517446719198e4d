package web

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
)

// releaseForm is what the trainee typed, kept on every error.
type releaseForm struct {
	Headline    string
	Body        string
	LockVersion int
	SubmitKey   string
	// Confirm is the "Saya yakin" box "Kirim rilis" needs.
	Confirm bool
	Errors  []FormError
	lang    i18n.Lang // of the request: the messages with values are written in it
}

func (f releaseForm) ErrorFor(field string) string { return Form{Errors: f.Errors}.ErrorFor(field) }

// FieldErrors is the form's errors by field (yakin for yakin-kirim), nil
// when there are none: the page looks each field up in it, without a
// method call per field.
func (f releaseForm) FieldErrors() map[string]string {
	if len(f.Errors) == 0 {
		return nil
	}
	m := map[string]string{}
	for _, k := range []string{"judul", "isi", "kirim", "yakin-kirim"} {
		if e := f.ErrorFor(k); e != "" {
			m[strings.TrimSuffix(k, "-kirim")] = e
		}
	}
	return m
}

// cleanText applies the grader's shared normalisation to pasted text, so the
// form, the API and the CLI grade the same characters.
func cleanText(s string) string {
	return grading.NormalizeText(s)
}

func readRelease(c echo.Context) releaseForm {
	f := releaseForm{
		Headline:  strings.TrimSpace(cleanText(c.FormValue("judul"))),
		Body:      strings.TrimSpace(cleanText(c.FormValue("isi"))),
		SubmitKey: c.FormValue("kunci"),
		lang:      langOf(c),
	}
	fmt.Sscan(c.FormValue("lock_version"), &f.LockVersion)
	return f
}

// validate checks a release for checking or sending; drafts may be incomplete.
func (f *releaseForm) validate() {
	if f.Headline == "" {
		f.Errors = append(f.Errors, FormError{Field: "judul", Message: "Judul wajib diisi."})
	}
	f.checkLength()
	if f.Body == "" {
		f.Errors = append(f.Errors, FormError{Field: "isi", Message: "Isi rilis wajib diisi."})
	}
}

// checkLength applies to drafts too: a headline of one line within
// MaxHeadlineChars, a body within MaxBodyChars.
// minSendWords is the shortest body "Kirim rilis" accepts when the practice
// sets no word range: a sending spends an attempt, and a text this short
// cannot pass any practice.
const minSendWords = 40

// sendMinimum is the fewest body words a practice accepts for sending: half
// the minimum of its word range (below that the grader holds the release
// under "cukup"), else minSendWords. want is the range as the trainee reads it.
func sendMinimum(l i18n.Lang, p *course.Practice) (least int, want string) {
	if p != nil && p.Brief != nil && p.Brief.Ketentuan != nil && p.Brief.Ketentuan.BodyWords[0] > 0 {
		r := p.Brief.Ketentuan.BodyWords
		return (r[0] + 1) / 2, i18n.Tf(l, "latihan ini meminta {{.Min}}–{{.Max}} kata", map[string]any{"Min": r[0], "Max": r[1]})
	}
	return minSendWords, i18n.Tf(l, "rilis yang dapat dinilai sedikitnya {{.N}} kata", map[string]any{"N": minSendWords})
}

// checkSendable refuses a body far too short to be worth an attempt.
func (f *releaseForm) checkSendable(p *course.Practice, words int) {
	least, want := sendMinimum(f.lang, p)
	if words < least {
		f.Errors = append(f.Errors, FormError{Field: "isi", Message: i18n.Tf(f.lang, "Isi rilis baru {{.N}} kata; {{.Want}}. Rilis di bawah {{.Least}} kata belum dapat dikirim agar kesempatan mengirim tidak terbuang. Lengkapi teksnya dan gunakan “Periksa” untuk melihat kekurangannya.",
			map[string]any{"N": words, "Want": want, "Least": least})})
	}
}

func (f *releaseForm) checkLength() {
	if n := utf8.RuneCountInString(f.Headline); n > MaxHeadlineChars {
		f.Errors = append(f.Errors, FormError{Field: "judul", Message: i18n.Tf(f.lang, "Judul terlalu panjang: {{.N}} karakter; batasnya {{.Max}}.", map[string]any{"N": n, "Max": MaxHeadlineChars})})
	} else if strings.Contains(f.Headline, "\n") {
		f.Errors = append(f.Errors, FormError{Field: "judul", Message: "Judul harus satu baris."})
	}
	if n := utf8.RuneCountInString(f.Body); n > MaxBodyChars {
		f.Errors = append(f.Errors, FormError{Field: "isi", Message: i18n.Tf(f.lang, "Isi rilis terlalu panjang: {{.N}} karakter; batasnya {{.Max}}. Teks Anda tetap ada di bawah; pendekkan lalu kirim lagi.",
			map[string]any{"N": i18n.Thousands(f.lang, n), "Max": i18n.Thousands(f.lang, MaxBodyChars)})})
	}
}
