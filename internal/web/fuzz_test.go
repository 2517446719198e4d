package web

import (
	"encoding/json"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
)

// FuzzParseGradeRequest: any body sent to POST /api/v1/grade is refused with
// a 400-class error in Indonesian, or becomes grader input of valid UTF-8
// within the form's limits that grades and encodes without panic.
func FuzzParseGradeRequest(f *testing.F) {
	f.Add([]byte(`{"headline": "Diskominfo Latih 150 Admin", "body": "SUKAMAJU – Diskominfo melatih 150 admin, Selasa (10/3/2026)."}`))
	f.Add([]byte(`{"headline": "a", "body": "b", "now": "2026-03-10T16:00:00+07:00", "weights": {"5w1h": 30}, "brief": "apa: x\nkapan: 2026-03-10\n"}`))
	f.Add([]byte(`{"headline": "a", "body": "b", "brief": {"apa": "x", "kapan": "2026-03-10"}}`))
	f.Add([]byte(`{"headline": 1, "body": null, "x": []}`))
	f.Add([]byte(`{"headline": "\ud800", "body": "\u0000"}`))
	f.Add([]byte(`[1,2`))
	f.Add([]byte(``))
	now := time.Date(2026, 3, 10, 16, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	f.Fuzz(func(t *testing.T, raw []byte) {
		in, bad := parseGradeRequest(raw, now)
		if bad != nil {
			if bad.Code != domain.CodeInvalid || bad.Message == "" {
				t.Fatalf("refusal %+v is not an invalid-input error with a message", bad)
			}
			return
		}
		if !utf8.ValidString(in.Headline) || !utf8.ValidString(in.Body) {
			t.Fatalf("accepted invalid UTF-8: %q %q", in.Headline, in.Body)
		}
		if n := utf8.RuneCountInString(in.Body); n > domain.TextReleaseBody.Max {
			t.Fatalf("accepted a body of %d characters", n)
		}
		if _, err := json.Marshal(grading.Grade(in)); err != nil {
			t.Fatalf("report does not encode: %v", err)
		}
	})
}
