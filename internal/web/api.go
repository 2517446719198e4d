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

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/store"
)

// apiAccess says who may call an API route.
type apiAccess int

const (
	// apiPublic needs no credentials (e.g. looking up a certificate by its code).
	apiPublic apiAccess = iota
	// apiClient needs an API token, or a logged-in session plus the CSRF
	// header on state-changing methods.
	apiClient
)

// apiRoute is one entry of the JSON API's route table, paths relative to /api/v1.
type apiRoute struct {
	method, path string
	who          apiAccess
	h            echo.HandlerFunc
}

// apiRouteTable is the JSON API's one route table, each route with who may
// call it; web/static/openapi.yaml documents every entry.
func (s *Server) apiRouteTable() []apiRoute {
	return []apiRoute{
		{http.MethodPost, "/grade", apiClient, s.apiGrade},
		{http.MethodGet, "/certificates/:code", apiPublic, s.apiCertificate},
		{http.MethodGet, "/opd", apiClient, s.apiOPDListHandler}, // api_opd.go: token's region; admin's region; pimpinan's own OPD
		{http.MethodGet, "/opd/:id", apiClient, s.apiOPDHandler},
	}
}

// apiRoutes mounts /api/v1 outside the web UI's session and CSRF group: an
// agency system has no cookies, so apiAuth decides per request which
// credential applies.
func (s *Server) apiRoutes() {
	// Middleware goes on each route, not on the group: group middleware
	// makes echo add a catch-all that turns a wrong method into 404. The
	// web UI's catch-all does the same, so each API path answers other
	// methods itself with 405 and the Allow header; the real routes,
	// added afterwards, replace their own methods.
	g := s.e.Group("/api/v1")
	allow := map[string][]string{}
	var paths []string
	for _, r := range s.apiRouteTable() {
		if allow[r.path] == nil {
			paths = append(paths, r.path)
		}
		allow[r.path] = append(allow[r.path], r.method)
	}
	for _, p := range paths {
		g.Any(p, apiMethodNotAllowed(strings.Join(allow[p], ", ")), apiNoStore)
	}
	for _, r := range s.apiRouteTable() {
		mw := []echo.MiddlewareFunc{apiNoStore}
		if r.who == apiClient {
			mw = append(mw, s.apiAuth)
		}
		g.Add(r.method, r.path, r.h, mw...)
	}
}

// apiMethodNotAllowed answers a known API path called with another method,
// as echo's router would: 405 with the Allow header (handleError words it).
func apiMethodNotAllowed(allow string) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set(echo.HeaderAllow, allow)
		return echo.ErrMethodNotAllowed
	}
}

// apiMaxWeight caps one criterion's weight in a grading request.
const apiMaxWeight = 100

// ctxAPIToken holds the *domain.APIToken of a request authenticated by token.
const ctxAPIToken = "api_token"

// apiNoStore keeps API answers (reports, lookups) out of shared caches.
func apiNoStore(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "no-store")
		return next(c)
	}
}

// apiAuth admits a request carrying a valid API token, or one from a
// logged-in browser session. A token wins when both are present: browsers
// never attach an Authorization header on their own, so a token request
// cannot be forged cross-site and needs no CSRF check.
func (s *Server) apiAuth(next echo.HandlerFunc) echo.HandlerFunc {
	// The session path reuses the web UI's own middleware, in this order:
	// loadSession finds the user, apiRequireUser answers 401 without one,
	// and s.csrf then demands the X-CSRF-Token header on POST exactly as it
	// does for forms; the cookie alone would let any site make a logged-in
	// browser call the API.
	viaSession := s.loadSession(apiRequireUser(s.csrf(next)))
	return func(c echo.Context) error {
		if h := c.Request().Header.Get(echo.HeaderAuthorization); h != "" {
			return s.apiBearer(c, h, next)
		}
		return viaSession(c)
	}
}

// apiUnauthorized answers 401 with the RFC 6750 challenge.
func apiUnauthorized(c echo.Context, tokenSent bool, msg string) error {
	challenge := `Bearer realm="bimtek"`
	if tokenSent {
		challenge += `, error="invalid_token"`
	}
	c.Response().Header().Set(echo.HeaderWWWAuthenticate, challenge)
	return domain.Errorf(domain.CodeUnauthenticated, "%s", msg)
}

func apiRequireUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u := currentUser(c)
		if u == nil {
			return apiUnauthorized(c, false, "permintaan ini memerlukan token API (header Authorization: Bearer <token>) atau sesi masuk yang masih berlaku")
		}
		if auth.IsFirstPassword(u.PasswordHash) { // as on the pages: nothing until an own password is set
			return domain.Errorf(domain.CodeForbidden, "akun ini masih memakai kata sandi awal; buat kata sandi Anda sendiri di halaman Akun terlebih dahulu")
		}
		return next(c)
	}
}

// apiBearer checks "Authorization: Bearer <token>" against the stored hashes.
func (s *Server) apiBearer(c echo.Context, header string, next echo.HandlerFunc) error {
	scheme, plain, ok := strings.Cut(strings.TrimSpace(header), " ")
	plain = strings.TrimSpace(plain)
	if !ok || !strings.EqualFold(scheme, "Bearer") || plain == "" {
		return apiUnauthorized(c, false, `header Authorization harus berbentuk "Bearer <token>"`)
	}
	const unknown = "token tidak dikenal; periksa kembali token API Anda atau minta token baru kepada admin"
	if !strings.HasPrefix(plain, store.APITokenPrefix) || len(plain) > 100 {
		return apiUnauthorized(c, true, unknown) // not one of ours: no need to ask the database
	}
	ctx := c.Request().Context()
	now := s.cfg.Now()
	tok, err := s.db.APITokenByHash(ctx, store.HashAPIToken(plain), now)
	switch {
	case errors.Is(err, store.ErrAPITokenUnknown):
		return apiUnauthorized(c, true, unknown)
	case errors.Is(err, store.ErrAPITokenRevoked):
		return apiUnauthorized(c, true, "token sudah dicabut; minta token baru kepada admin")
	case errors.Is(err, store.ErrAPITokenExpired):
		return apiUnauthorized(c, true, "token kedaluwarsa sejak "+dateTime(*tok.ExpiresAt)+"; minta token baru kepada admin")
	case err != nil:
		return err
	}
	if tok.NeedsTouch(now) {
		// Recording the last use is a convenience for admins; a failure must not refuse the call.
		if _, err := s.db.TouchAPIToken(ctx, tok.ID, now); err != nil {
			s.log.Warn("mencatat pemakaian token API gagal", "token_id", tok.ID, "err", err)
		}
	}
	c.Set(ctxAPIToken, &tok)
	return next(c)
}

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
		return in, domain.Errorf(domain.CodeInvalid, "%s", `isi permintaan kosong; kirim objek JSON seperti {"headline": "…", "body": "…"}`)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &fields); err != nil || fields == nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return in, domain.Errorf(domain.CodeInvalid, "%s", fmt.Sprintf("isi permintaan bukan JSON yang valid (kesalahan pada byte ke-%d); periksa tanda petik, koma, dan kurung kurawal", syn.Offset))
		}
		return in, domain.Errorf(domain.CodeInvalid, "%s", `isi permintaan harus berupa objek JSON seperti {"headline": "…", "body": "…"}`)
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !containsString(gradeFields, k) {
			return in, domain.Invalid(domain.FieldError{Field: k, Message: fmt.Sprintf("kolom %q tidak dikenal; kolom yang boleh: %s", k, strings.Join(gradeFields, ", "))})
		}
	}
	if !utf8.Valid(trimmed) {
		for _, k := range gradeFields {
			if !utf8.Valid(fields[k]) {
				return in, domain.Invalid(domain.FieldError{Field: k, Message: fmt.Sprintf("%s bukan teks UTF-8 yang valid; simpan atau salin ulang teksnya sebagai UTF-8", fieldName(k))})
			}
		}
		return in, domain.Errorf(domain.CodeInvalid, "%s", "isi permintaan bukan teks UTF-8 yang valid")
	}

	var bad *domain.Error
	if in.Headline, bad = releaseText(fields, "headline", MaxHeadlineChars); bad != nil {
		return in, bad
	}
	if strings.Contains(in.Headline, "\n") {
		return in, domain.Invalid(domain.FieldError{Field: "headline", Message: "judul (headline) harus satu baris"})
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
			return in, domain.Invalid(domain.FieldError{Field: "now", Message: "now harus berupa waktu RFC 3339, misalnya \"2026-03-10T16:00:00+07:00\""})
		}
		in.Now = t
	}

	if v, ok := present(fields, "brief"); ok {
		if v[0] != '{' {
			return in, domain.Invalid(domain.FieldError{Field: "brief", Message: "brief harus berupa objek JSON dengan kunci lembar fakta (apa, siapa, kapan, di_mana, …)"})
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
			return in, domain.Invalid(domain.FieldError{Field: "brief", Message: "brief bukan JSON yang valid"})
		}
		canon, err := json.Marshal(obj)
		if err != nil {
			return in, domain.Invalid(domain.FieldError{Field: "brief", Message: "brief bukan JSON yang valid"})
		}
		b, err := grading.ParseBrief(canon)
		if err != nil {
			var be *grading.BriefError
			if errors.As(err, &be) {
				field := "brief"
				if be.Field != "" {
					field += "." + be.Field
				}
				return in, domain.Invalid(domain.FieldError{Field: field, Message: "brief: " + be.Msg})
			}
			return in, domain.Invalid(domain.FieldError{Field: "brief", Message: "brief tidak dapat dibaca"})
		}
		in.Brief = b
	}

	if v, ok := present(fields, "weights"); ok {
		var w map[string]int
		if err := json.Unmarshal(v, &w); err != nil || w == nil {
			return in, domain.Invalid(domain.FieldError{Field: "weights", Message: `weights harus berupa objek berisi bilangan bulat per kriteria, misalnya {"faktual": 30, "bahasa": 5}`})
		}
		if err := grading.ValidateWeights(w); err != nil {
			return in, domain.Invalid(domain.FieldError{Field: "weights", Message: err.Error()})
		}
		for _, id := range grading.CriterionIDs {
			if w[id] > apiMaxWeight {
				return in, domain.Invalid(domain.FieldError{Field: "weights." + id, Message: fmt.Sprintf("bobot %s paling besar %d; sekarang %d", id, apiMaxWeight, w[id])})
			}
		}
		in.Weights = w
	}
	return in, nil
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

// fieldName names a request field for people: the Indonesian word with the key.
func fieldName(key string) string {
	switch key {
	case "headline":
		return "judul (headline)"
	case "body":
		return "isi rilis (body)"
	}
	return key
}

// releaseText reads, normalises and checks one text field of the release.
func releaseText(fields map[string]json.RawMessage, key string, maxChars int) (string, *domain.Error) {
	name := fieldName(key)
	v, ok := present(fields, key)
	if !ok {
		return "", domain.Invalid(domain.FieldError{Field: key, Message: name + " wajib diisi"})
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", domain.Invalid(domain.FieldError{Field: key, Message: name + " harus berupa teks"})
	}
	// encoding/json turns a lone UTF-16 surrogate escape ("\ud800") into
	// U+FFFD without complaint; more U+FFFD than were written means one was.
	if strings.Count(s, "\uFFFD") > bytes.Count(v, []byte("\uFFFD"))+countFold(v, `\ufffd`) {
		return "", domain.Invalid(domain.FieldError{Field: key, Message: name + " berisi karakter Unicode yang tidak valid (pasangan surrogate yang tidak lengkap)"})
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimSpace(s)
	if s == "" {
		return "", domain.Invalid(domain.FieldError{Field: key, Message: name + " wajib diisi"})
	}
	pos := 0
	for _, r := range s {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return "", domain.Invalid(domain.FieldError{Field: key, Message: fmt.Sprintf("%s berisi karakter kendali U+%04X pada karakter ke-%d; hapus karakter itu", name, r, pos+1)})
		}
		pos++
	}
	// Control characters are rejected above; the rest of the shared
	// normalisation (spaces, zero-width characters) applies silently.
	s = strings.TrimSpace(grading.NormalizeText(s))
	if s == "" {
		return "", domain.Invalid(domain.FieldError{Field: key, Message: name + " wajib diisi"})
	}
	pos = utf8.RuneCountInString(s)
	if pos > maxChars {
		return "", domain.Invalid(domain.FieldError{Field: key, Message: fmt.Sprintf("%s terlalu panjang: %s karakter; batasnya %s karakter", name, groupDigits(pos), groupDigits(maxChars))})
	}
	return s, nil
}

// countFold counts the case-insensitive occurrences of an ASCII needle.
func countFold(haystack []byte, needle string) int {
	return bytes.Count(bytes.ToLower(haystack), []byte(strings.ToLower(needle)))
}

// groupDigits writes 20000 as "20.000", the Indonesian way.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
