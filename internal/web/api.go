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
	"github.com/bimtek/bimtek/internal/i18n"
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

// msgAPITokenUnknown answers a token that is not one of ours.
const msgAPITokenUnknown = "token tidak dikenal; periksa kembali token API Anda atau minta token baru kepada admin"

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

// apiUnauthorized answers 401 with the RFC 6750 challenge; id is the
// message (a template of the message file when data is not nil).
func apiUnauthorized(c echo.Context, tokenSent bool, id string, data map[string]any) error {
	challenge := `Bearer realm="bimtek"`
	if tokenSent {
		challenge += `, error="invalid_token"`
	}
	c.Response().Header().Set(echo.HeaderWWWAuthenticate, challenge)
	return domain.Errort(domain.CodeUnauthenticated, id, data)
}

// apiTokenLang makes the language of a token's owner (the admin who made it,
// when they chose one) the request's: the API's messages follow it, else
// the caller's Accept-Language.
func apiTokenLang(c echo.Context, tok domain.APIToken) {
	if l, ok := i18n.Parse(tok.OwnerLang); ok {
		c.Set(ctxLang, l)
	}
}

func apiRequireUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u := currentUser(c)
		if u == nil {
			return apiUnauthorized(c, false, "permintaan ini memerlukan token API (header Authorization: Bearer <token>) atau sesi masuk yang masih berlaku", nil)
		}
		if auth.IsFirstPassword(u.PasswordHash) { // as on the pages: nothing until an own password is set
			return domain.Errorf(domain.CodeForbidden, "akun ini masih memakai kata sandi awal; buat kata sandi Anda sendiri di halaman “Akun saya” terlebih dahulu")
		}
		return next(c)
	}
}

// apiBearer checks "Authorization: Bearer <token>" against the stored hashes.
func (s *Server) apiBearer(c echo.Context, header string, next echo.HandlerFunc) error {
	scheme, plain, ok := strings.Cut(strings.TrimSpace(header), " ")
	plain = strings.TrimSpace(plain)
	if !ok || !strings.EqualFold(scheme, "Bearer") || plain == "" {
		return apiUnauthorized(c, false, `header Authorization harus berbentuk "Bearer <token>"`, nil)
	}
	if !strings.HasPrefix(plain, store.APITokenPrefix) || len(plain) > 100 {
		return apiUnauthorized(c, true, msgAPITokenUnknown, nil) // not one of ours: no need to ask the database
	}
	ctx := c.Request().Context()
	now := s.cfg.Now()
	tok, err := s.db.APITokenByHash(ctx, store.HashAPIToken(plain), now)
	switch {
	case errors.Is(err, store.ErrAPITokenUnknown):
		return apiUnauthorized(c, true, msgAPITokenUnknown, nil)
	case errors.Is(err, store.ErrAPITokenRevoked):
		apiTokenLang(c, tok)
		return apiUnauthorized(c, true, "token sudah dicabut; minta token baru kepada admin", nil)
	case errors.Is(err, store.ErrAPITokenExpired):
		apiTokenLang(c, tok)
		return apiUnauthorized(c, true, "token kedaluwarsa sejak {{.When}}; minta token baru kepada admin", map[string]any{"When": i18n.Moment(tok.ExpiresAt.In(WIB))})
	case err != nil:
		return err
	}
	apiTokenLang(c, tok)
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
