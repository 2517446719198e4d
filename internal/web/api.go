package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
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
