package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
)

// apiGrade is POST /api/v1/grade: the grader's report (DESIGN.md §8) on a
// release sent as JSON, or 400 naming the field that is wrong.
func (s *Server) apiGrade(c echo.Context) error {
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return fmt.Errorf("membaca permintaan penilaian: %w", err) // over the body limit, echo's 413 is inside
	}
	in, bad := parseGradeRequest(body, s.cfg.Now())
	if bad != nil {
		return bad
	}
	return c.JSON(http.StatusOK, grading.Grade(in))
}

// gradeFields are the keys a grading request may have, in documentation order.
var gradeFields = []string{"headline", "body", "brief", "now", "weights"}

// parseGradeRequest validates a grading request into the grader's input. The
// text is normalised as on the writing page (line ends to "\n", spaces around
// trimmed), so the report's offsets refer to the normalised text. now is the
// time of writing when the request gives none.
func parseGradeRequest(raw []byte, now time.Time) (grading.Input, *domain.Error) {
	var in grading.Input
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 {
		return in, domain.Errort(domain.CodeInvalid, `isi permintaan kosong; kirim objek JSON seperti {"headline": "…", "body": "…"}`, nil)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &fields); err != nil || fields == nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return in, domain.Errort(domain.CodeInvalid, "isi permintaan bukan JSON yang valid (kesalahan pada bita ke-{{.Offset}}); periksa tanda petik, koma, dan kurung kurawal", map[string]any{"Offset": syn.Offset})
		}
		return in, domain.Errort(domain.CodeInvalid, `isi permintaan harus berupa objek JSON seperti {"headline": "…", "body": "…"}`, nil)
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !containsString(gradeFields, k) {
			return in, domain.Invalid(domain.FieldMsg(k, `kolom “{{.Key}}” tidak dikenal; kolom yang boleh: {{.Allowed}}`, map[string]any{"Key": k, "Allowed": strings.Join(gradeFields, ", ")}))
		}
	}
	if !utf8.Valid(trimmed) {
		for _, k := range gradeFields {
			if !utf8.Valid(fields[k]) {
				return in, domain.Invalid(domain.FieldMsg(k, "{{.Name}} bukan teks UTF-8 yang valid; simpan atau salin ulang teksnya sebagai UTF-8", map[string]any{"Name": fieldName(k)}))
			}
		}
		return in, domain.Errort(domain.CodeInvalid, "isi permintaan bukan teks UTF-8 yang valid", nil)
	}

	var bad *domain.Error
	if in.Headline, bad = releaseText(fields, "headline", MaxHeadlineChars); bad != nil {
		return in, bad
	}
	if strings.Contains(in.Headline, "\n") {
		return in, domain.Invalid(domain.FieldMsg("headline", "judul (headline) harus satu baris", nil))
	}
	if in.Body, bad = releaseText(fields, "body", MaxBodyChars); bad != nil {
		return in, bad
	}

	in.Now = now
	if v, ok := present(fields, "now"); ok {
		var text string
		err := json.Unmarshal(v, &text)
		var t time.Time
		if err == nil {
			// RFC 3339 §5.6 allows "t" and "z" in lower case; Go's layout does not.
			t, err = time.Parse(time.RFC3339, strings.ToUpper(strings.TrimSpace(text)))
		}
		if err != nil {
			return in, domain.Invalid(domain.FieldMsg("now", `now harus berupa waktu RFC 3339, misalnya "2026-03-10T16:00:00+07:00"`, nil))
		}
		in.Now = t
	}

	if v, ok := present(fields, "brief"); ok {
		if v[0] != '{' {
			return in, domain.Invalid(domain.FieldMsg("brief", "brief harus berupa objek JSON dengan kunci lembar fakta (apa, siapa, kapan, di_mana, …)", nil))
		}
		// JSON is nearly a subset of YAML, so the brief goes through the same
		// parser (and the same messages) as a practice file's. Re-marshalling
		// first leaves only what YAML reads: no tabs as indentation and no
		// "\/" escape, which encoding/json never writes; numbers stay as
		// written thanks to UseNumber.
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.UseNumber()
		var obj any
		if err := dec.Decode(&obj); err != nil {
			return in, domain.Invalid(domain.FieldMsg("brief", "brief bukan JSON yang valid", nil))
		}
		canon, err := json.Marshal(obj)
		if err != nil {
			return in, domain.Invalid(domain.FieldMsg("brief", "brief bukan JSON yang valid", nil))
		}
		b, err := grading.ParseBrief(canon)
		if err != nil {
			var be *grading.BriefError
			if errors.As(err, &be) {
				field := "brief"
				if be.Field != "" {
					field += "." + be.Field
				}
				// The facts sheet's own messages (internal/brief, shared with the
				// course files' checker) stay Indonesian.
				return in, domain.Invalid(domain.FieldMsg(field, "brief: {{.Problem}}", map[string]any{"Problem": be.Msg}))
			}
			return in, domain.Invalid(domain.FieldMsg("brief", "brief tidak dapat dibaca", nil))
		}
		in.Brief = b
	}

	if v, ok := present(fields, "weights"); ok {
		var w map[string]int
		if err := json.Unmarshal(v, &w); err != nil || w == nil {
			return in, domain.Invalid(domain.FieldMsg("weights", `weights harus berupa objek berisi bilangan bulat per kriteria, misalnya {"faktual": 30, "bahasa": 5}`, nil))
		}
		if bad := checkWeights(w); bad != nil {
			return in, bad
		}
		if err := grading.ValidateWeights(w); err != nil { // the grader's own rule, should it ever be stricter
			return in, domain.Invalid(domain.FieldError{Field: "weights", Message: err.Error()})
		}
		in.Weights = w
	}
	return in, nil
}

// checkWeights applies the grader's rule for weights (grading.ValidateWeights)
// and the API's cap with messages of the message file.
func checkWeights(w map[string]int) *domain.Error {
	keys := make([]string, 0, len(w))
	total := 0
	for k, v := range w {
		keys = append(keys, k)
		total += v
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch {
		case !containsString(grading.CriterionIDs, k):
			return domain.Invalid(domain.FieldMsg("weights", `bobot “{{.Key}}” tidak dikenal; yang boleh: {{.Allowed}}`, map[string]any{"Key": k, "Allowed": strings.Join(grading.CriterionIDs, ", ")}))
		case w[k] < 0:
			return domain.Invalid(domain.FieldMsg("weights", "bobot {{.Key}} tidak boleh negatif", map[string]any{"Key": k}))
		}
	}
	if len(w) > 0 && total == 0 {
		return domain.Invalid(domain.FieldMsg("weights", "jumlah bobot harus lebih dari 0", nil))
	}
	for _, id := range grading.CriterionIDs {
		if w[id] > apiMaxWeight {
			return domain.Invalid(domain.FieldMsg("weights."+id, "bobot {{.Key}} paling besar {{.Max}}; sekarang {{.Weight}}", map[string]any{"Key": id, "Max": apiMaxWeight, "Weight": w[id]}))
		}
	}
	return nil
}

// present returns a field's raw value unless it is missing or null.
func present(fields map[string]json.RawMessage, key string) (json.RawMessage, bool) {
	v, ok := fields[key]
	v = bytes.TrimSpace(v)
	if !ok || len(v) == 0 || string(v) == "null" {
		return nil, false
	}
	return v, true
}

// fieldName names a request field for people: the word with the key, put
// into the message's language.
func fieldName(key string) i18n.Phrase {
	switch key {
	case "headline":
		return i18n.Phrase("judul (headline)")
	case "body":
		return i18n.Phrase("isi rilis (body)")
	}
	return i18n.Phrase(key)
}

// releaseText reads, normalises and checks one text field of the release.
func releaseText(fields map[string]json.RawMessage, key string, maxChars int) (string, *domain.Error) {
	name := fieldName(key)
	v, ok := present(fields, key)
	if !ok {
		return "", domain.Invalid(domain.FieldMsg(key, "{{.Name}} wajib diisi", map[string]any{"Name": name}))
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", domain.Invalid(domain.FieldMsg(key, "{{.Name}} harus berupa teks", map[string]any{"Name": name}))
	}
	// encoding/json turns a lone UTF-16 surrogate escape ("\ud800") into
	// U+FFFD without complaint; more U+FFFD than were written means one was.
	if strings.Count(s, "\uFFFD") > bytes.Count(v, []byte("\uFFFD"))+countFold(v, `\ufffd`) {
		return "", domain.Invalid(domain.FieldMsg(key, "{{.Name}} berisi karakter Unicode yang tidak valid (pasangan surrogate yang tidak lengkap)", map[string]any{"Name": name}))
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimSpace(s)
	if s == "" {
		return "", domain.Invalid(domain.FieldMsg(key, "{{.Name}} wajib diisi", map[string]any{"Name": name}))
	}
	pos := 0
	for _, r := range s {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return "", domain.Invalid(domain.FieldMsg(key, "{{.Name}} berisi karakter kendali {{.Char}} pada karakter ke-{{.Pos}}; hapus karakter itu",
				map[string]any{"Name": name, "Char": fmt.Sprintf("U+%04X", r), "Pos": pos + 1}))
		}
		pos++
	}
	// Control characters are rejected above; the rest of the shared
	// normalisation (spaces, zero-width characters) applies silently.
	s = strings.TrimSpace(grading.NormalizeText(s))
	if s == "" {
		return "", domain.Invalid(domain.FieldMsg(key, "{{.Name}} wajib diisi", map[string]any{"Name": name}))
	}
	pos = utf8.RuneCountInString(s)
	if pos > maxChars {
		return "", domain.Invalid(domain.FieldMsg(key, "{{.Name}} terlalu panjang: {{.Count}} karakter; batasnya {{.Max}} karakter",
			map[string]any{"Name": name, "Count": domain.Num(pos), "Max": domain.Num(maxChars)}))
	}
	return s, nil
}

// countFold counts the case-insensitive occurrences of an ASCII needle.
func countFold(haystack []byte, needle string) int {
	return bytes.Count(bytes.ToLower(haystack), []byte(strings.ToLower(needle)))
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
