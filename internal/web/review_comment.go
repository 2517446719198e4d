package web

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
)

// findQuote returns the rune offsets of quote in text: exactly, else with any
// run of white space matching any other (a pasted passage often differs in
// line breaks). With near ≥ 0 the occurrence closest to near wins, otherwise
// the first. ok is false when the passage is not in the text.
func findQuote(text, quote string, near int) (start, end int, ok bool) {
	parts := strings.Fields(quote)
	if len(parts) == 0 {
		return 0, 0, false
	}
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	re, err := regexp.Compile(strings.Join(parts, `\s+`))
	if err != nil {
		return 0, 0, false
	}
	best := -1
	for _, m := range re.FindAllStringIndex(text, -1) {
		s := utf8.RuneCountInString(text[:m[0]])
		e := s + utf8.RuneCountInString(text[m[0]:m[1]])
		if best < 0 || (near >= 0 && abs(s-near) < abs(start-near)) {
			start, end, best = s, e, 1
		}
		if near < 0 {
			break
		}
	}
	return start, end, best > 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// anchorComment resolves the passage of a comment form against the version's
// text: the offsets sent by review.js when they still match the quote, else
// the quote's occurrence. Problems are recorded on the form.
func anchorComment(c echo.Context, f *commentForm, v domain.SubmissionVersion) (field string, start, end int, quote string) {
	var text string
	switch f.Field {
	case grading.FieldJudul:
		text = v.Headline
	case grading.FieldIsi:
		text = v.Body
	default:
		f.Add("komentar-bagian", "Pilih bagian yang dikomentari: Judul atau Isi rilis.")
		return
	}
	runes := []rune(text)
	s, errS := strconv.Atoi(strings.TrimSpace(f.Start))
	e, errE := strconv.Atoi(strings.TrimSpace(f.End))
	haveRange := errS == nil && errE == nil && s >= 0 && s < e && e <= len(runes)
	q := strings.TrimSpace(f.Quote)
	switch {
	case haveRange && (q == "" || string(runes[s:e]) == f.Quote || strings.TrimSpace(string(runes[s:e])) == q):
		start, end = s, e
	case q == "":
		f.Add("kutipan", "Pilih atau tempelkan bagian teks yang ingin Anda komentari di kolom Kutipan.")
		return
	case utf8.RuneCountInString(q) > maxQuoteRunes:
		f.Add("kutipan", tf(c, "Kutipan terlalu panjang (lebih dari {{.Max}} karakter). Pilih bagian yang lebih pendek.", map[string]any{"Max": maxQuoteRunes}))
		return
	default:
		near := -1
		if errS == nil && s >= 0 {
			near = s
		}
		var ok bool
		if start, end, ok = findQuote(text, q, near); !ok {
			f.Add("kutipan", tf(c, "Kutipan tidak ditemukan di {{.Field}} versi ini. Salin bagian teks persis seperti tertulis atau pilih bagian lain (Judul/Isi rilis).", map[string]any{"Field": i18n.Phrase(fieldLabels[f.Field])}))
			return
		}
	}
	return f.Field, start, end, string(runes[start:end])
}

func (s *Server) addReviewComment(c echo.Context) error {
	st, err := s.loadReviewState(c)
	if err != nil {
		return err
	}
	f := commentForm{Field: c.FormValue("field"), Quote: c.FormValue("quote"), Start: c.FormValue("start"), End: c.FormValue("end"), Body: c.FormValue("body")}
	if !reviewable(st.sub.State) {
		f.Add("komentar-isi", "Komentar tidak dapat ditambahkan karena rilis ini sudah diputuskan.")
		return s.renderReview(c, http.StatusConflict, st, nil, &f)
	}
	field, start, end, quote := anchorComment(c, &f, st.latest)
	body, msg := checkText(c, domain.TextComment, f.Body)
	switch {
	case msg != "":
		f.Add("komentar-isi", msg)
		f.Body = body
	case body == "":
		f.Add("komentar-isi", "Tulis isi komentar untuk bagian yang dipilih.")
	}
	if len(f.Errors) > 0 {
		return s.renderReview(c, http.StatusUnprocessableEntity, st, nil, &f)
	}
	if st.sub.State == domain.SubSubmitted {
		// Commenting is reviewing, even when the page was never opened.
		if err := s.db.OpenForReview(c.Request().Context(), st.sub.ID); err != nil {
			return err
		}
	}
	cm, err := s.db.AddComment(c.Request().Context(), domain.ReviewComment{VersionID: st.latest.ID, ReviewerID: currentUser(c).ID,
		Field: field, Start: start, End: end, Quote: quote, Body: body})
	if domain.ErrorCode(err) == domain.CodeConflict {
		f.Add("komentar-isi", tf(c, "Komentar tidak tersimpan: {{.Reason}}.", map[string]any{"Reason": errOf(c, err)}))
		return s.renderReview(c, http.StatusConflict, st, nil, &f)
	}
	if err != nil {
		return err
	}
	// Comments are numbered in text order; land on the new one.
	target := fmt.Sprintf("/penilaian/%d?pesan=komentar#daftar-komentar", st.sub.ID)
	if all, err := s.db.Comments(c.Request().Context(), st.latest.ID); err == nil {
		for i, x := range all {
			if x.ID == cm.ID {
				target = fmt.Sprintf("/penilaian/%d?pesan=komentar#komentar-%d", st.sub.ID, i+1)
			}
		}
	}
	return c.Redirect(http.StatusSeeOther, target)
}
