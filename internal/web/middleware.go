package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gorilla/sessions"
	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// Keys in echo's per-request context.
const (
	ctxSession = "session"
	ctxUser    = "user"
	ctxCSRF    = "csrf"
	ctxFlash   = "flash"
	ctxPage    = "page" // the address of a page shown for a POST, when not the route's own (pageAddress)
	ctxLang    = "lang"
)

// SessionCookie and CSRFCookie are the names of our two cookies.
const (
	SessionCookie = "bimtek_sesi"
	CSRFCookie    = "bimtek_csrf"
	CSRFField     = "csrf_token"
	CSRFHeader    = "X-CSRF-Token"
)

// keepRequestIDShort lets a request keep the X-Request-Id a proxy gave it
// (nginx's $request_id: 32 hex digits) only when it is a short token; any
// other value is dropped and one is made here, so a client can neither forge
// a long support code nor grow every log line and error page with it.
func keepRequestIDShort(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header
		if id := h.Get(echo.HeaderXRequestID); id != "" && !shortToken(id) {
			h.Del(echo.HeaderXRequestID)
		}
		return next(c)
	}
}

// shortToken reports whether id is 1–64 letters, digits, '-' or '_'.
func shortToken(id string) bool {
	if len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func (s *Server) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		s.metrics.inFlight.Inc()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		s.metrics.inFlight.Dec()
		req, res := c.Request(), c.Response()
		s.metrics.observe(s.e, c.Path(), req.Method, res.Status, time.Since(start))
		level := slog.LevelInfo
		switch {
		case req.URL.Path == "/healthz" || req.URL.Path == "/readyz":
			level = slog.LevelDebug // probes; readyz logs its own changes
		case res.Status == http.StatusServiceUnavailable && !store.IsUnavailable(err):
			level = slog.LevelWarn // shed on purpose (e.g. every hashing slot busy), not a fault
		case res.Status >= 500:
			level = slog.LevelError
		}
		var attrs [9]slog.Attr // LogAttrs: the values are not boxed into interfaces
		a := append(attrs[:0],
			slog.String("request_id", res.Header().Get(echo.HeaderXRequestID)),
			slog.String("method", req.Method), slog.String("path", req.URL.Path), slog.Int("status", res.Status),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000), slog.Int64("bytes", res.Size))
		if u := currentUser(c); u != nil {
			a = append(a, slog.Int64("user_id", u.ID))
		}
		if err != nil && res.Status >= 500 {
			a = append(a, slog.String("err", err.Error()))
		}
		s.log.LogAttrs(req.Context(), level, "permintaan", a...)
		return nil
	}
}

// recoverPanics turns a panic into a 500 page; the stack goes to the log, never to the browser.
func (s *Server) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				s.log.Error("panik", "request_id", c.Response().Header().Get(echo.HeaderXRequestID), "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				err = fmt.Errorf("panik: %v", r)
			}
		}()
		return next(c)
	}
}

// csp allows only our own origin; no inline script anywhere.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

// securityHeaderValues are the headers every response carries, made once:
// setting them is then a map assignment, with no allocation per request.
var securityHeaderValues = []struct {
	key   string
	value []string
}{
	{"Content-Security-Policy", []string{csp}},
	{"X-Content-Type-Options", []string{"nosniff"}},
	{"Referrer-Policy", []string{"same-origin"}},
	{"X-Frame-Options", []string{"DENY"}},
	{"Permissions-Policy", []string{"camera=(), microphone=(), geolocation=()"}},
}

// hstsValue is Strict-Transport-Security: browsers keep to https for a year.
var hstsValue = []string{"max-age=31536000"}

func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		// The value slices are shared: Set and Add on a header replace or
		// grow a copy, never write into them.
		h := c.Response().Header()
		if s.secure { // served over https (BIMTEK_BASE_URL)
			h["Strict-Transport-Security"] = hstsValue
		}
		for _, sh := range securityHeaderValues {
			h[sh.key] = sh.value
		}
		return next(c)
	}
}

// loadSession attaches the session and, when logged in, the active user.
func (s *Server) loadSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		sess, err := s.sessions.Get(c.Request(), SessionCookie)
		if err != nil {
			return err
		}
		c.Set(ctxSession, sess)
		// Pages of a logged-in user must not stay in a shared office
		// computer's cache after logout (a handler may still say otherwise).
		noStore := func() { c.Response().Header().Set("Cache-Control", "no-store") }
		if u, ok := auth.User(sess); ok {
			if u.Active {
				c.Set(ctxUser, u)
				noStore()
				return next(c)
			}
		}
		if id, ok := auth.UserID(sess); ok {
			u, err := s.db.User(c.Request().Context(), id)
			switch {
			case err == nil && u.Active:
				c.Set(ctxUser, &u)
				noStore()
			case err == nil || errors.Is(err, domain.ErrNotFound):
				// deactivated or deleted: the session is worthless
				sess.Options.MaxAge = -1
				if err := sess.Save(c.Request(), c.Response()); err != nil {
					return err
				}
			default:
				return err
			}
		}
		return next(c)
	}
}

func session(c echo.Context) *sessions.Session {
	sess, _ := c.Get(ctxSession).(*sessions.Session)
	return sess
}

func currentUser(c echo.Context) *domain.User {
	u, _ := c.Get(ctxUser).(*domain.User)
	return u
}

func csrfToken(c echo.Context) string {
	t, _ := c.Get(ctxCSRF).(string)
	return t
}

// csrfLifetime is how long the form-token cookie lasts after the last request.
const csrfLifetime = 12 * time.Hour

// csrfCookie is the form-token cookie's name. Under https it carries the
// __Host- prefix: the browser then refuses it from any other host,
// neighbouring subdomains included.
func (s *Server) csrfCookie() string {
	if s.secure {
		return "__Host-" + CSRFCookie
	}
	return CSRFCookie
}

// csrf is a double-submit check: a random token in an HttpOnly cookie must come
// back in the form field (or header) of every state-changing request.
func (s *Server) csrf(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		token := ""
		if ck, err := c.Cookie(s.csrfCookie()); err == nil && len(ck.Value) == 43 {
			token = ck.Value
		}
		if token == "" {
			b := make([]byte, 32)
			if _, err := rand.Read(b); err != nil {
				return fmt.Errorf("membuat token CSRF: %w", err)
			}
			token = base64.RawURLEncoding.EncodeToString(b)
		}
		// Sent again on every request with the same value: the cookie slides
		// while the user is active, and forms already open stay valid.
		c.SetCookie(&http.Cookie{Name: s.csrfCookie(), Value: token, Path: "/", HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode,
			MaxAge: int(csrfLifetime / time.Second)})
		c.Set(ctxCSRF, token)
		switch c.Request().Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			return next(c)
		}
		// A neighbouring site of the same domain can plant a token cookie
		// (over plain http) and its requests carry the Lax session cookie;
		// the browser's word on where a request came from stops it.
		if !sameOrigin(c.Request()) {
			return errCSRFRefused
		}
		sent := c.Request().Header.Get(CSRFHeader)
		if sent == "" {
			sent = c.FormValue(CSRFField)
		}
		if sent == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(token)) != 1 {
			return s.refusedForm(c, token)
		}
		return next(c)
	}
}

// refusedForm answers a POST whose form token was refused. A practice text
// (the tab was left open past the cookie's life) is kept and the trainee
// told what to do; anything else is the plain refusal.
func (s *Server) refusedForm(c echo.Context, fresh string) error {
	page, _, ok := s.practiceWrite(c)
	u := currentUser(c)
	switch {
	case !ok || (u != nil && u.Role != domain.RolePeserta) || !sameOrigin(c.Request()):
		return errCSRFRefused
	case u == nil:
		return s.loginAgain(c)
	case wantsJSON(c):
		// Autosave: the page's copy of the token is old; it saves again with this one.
		return c.JSON(http.StatusForbidden, map[string]string{"error": tr(c, msgAutosaveToken), "csrf_token": fresh})
	}
	if back, ok := s.rescueRelease(c); ok {
		return c.Redirect(http.StatusSeeOther, back+"&formulir=kedaluwarsa")
	}
	// Not rescued (no rescue cookie yet): the page again, with the text and a fresh token.
	v, err := s.practiceItem(c)
	if err != nil || page != v.ItemURL {
		return errCSRFRefused
	}
	f := readRelease(c)
	pv, err := s.practicePage(c, v, &f)
	if err != nil {
		return err
	}
	pv.ProblemTitle, pv.Problem = tr(c, "Formulir kedaluwarsa"), tr(c, msgFormExpired)
	return s.render(c, http.StatusForbidden, "practice", pv)
}

// Words for a form token refused on the writing page.
const (
	msgAutosaveToken = "Token formulir halaman ini sudah kedaluwarsa; draf disimpan lagi dengan token baru."
	msgFormExpired   = "Formulir ini sudah kedaluwarsa karena halaman terbuka lama, jadi teks Anda belum diproses. Teks Anda tetap ada di formulir di bawah; tekan tombolnya sekali lagi."
)

// errCSRF marks a refused form so the error page can explain it.
var (
	errCSRF        = errors.New("csrf")
	errCSRFRefused = &domain.Error{Code: domain.CodeForbidden, Message: "token CSRF tidak ada atau tidak berlaku", Err: errCSRF}
)

// requireLogin sends anonymous visitors to the login page and back afterwards.
func (s *Server) requireLogin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if u := currentUser(c); u != nil {
			// A first password (import users) is only for setting one's own.
			if auth.IsFirstPassword(u.PasswordHash) && !firstPasswordRoutes[c.Path()] {
				return c.Redirect(http.StatusSeeOther, firstPasswordPage)
			}
			return next(c)
		}
		return s.loginAgain(c)
	}
}

// firstPasswordPage is where an account still on its first password is sent;
// firstPasswordRoutes are all it may open until it has a password of its own.
const firstPasswordPage = "/akun?sandi=awal#ganti"

var firstPasswordRoutes = map[string]bool{"/akun": true, "/akun/kata-sandi": true, "/keluar": true}

// loginAgain answers a request that needs a login: a page is asked again
// after login; a practice text sent is rescued first and offered back then.
// Autosave (JSON) gets a 401 saying so, with the login link.
func (s *Server) loginAgain(c echo.Context) error {
	expired := false
	if sess := session(c); sess != nil && auth.Expired(sess) {
		expired = true
	}
	back := ""
	if c.Request().Method == http.MethodGet {
		back = c.Request().URL.RequestURI()
	} else if b, ok := s.rescueRelease(c); ok {
		back = b
	} else if page, _, ok := s.practiceWrite(c); ok && wantsJSON(c) {
		back = page
	}
	target := "/masuk"
	q := url.Values{}
	if back != "" {
		q.Set("kembali", back)
	}
	if expired {
		q.Set("sesi", "berakhir")
	}
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	if _, _, ok := s.practiceWrite(c); ok && wantsJSON(c) {
		msg := tr(c, "Anda sudah keluar, jadi draf belum tersimpan ke server. Teks Anda tetap tersimpan di peramban ini. Masuk lagi untuk melanjutkan; setelah masuk, teks ini dipulihkan di halaman latihan.")
		if expired {
			msg = tr(c, "Sesi Anda sudah berakhir, jadi draf belum tersimpan ke server. Teks Anda tetap tersimpan di peramban ini. Masuk lagi untuk melanjutkan; setelah masuk, teks ini dipulihkan di halaman latihan.")
		}
		return c.JSON(http.StatusUnauthorized, map[string]string{"error": msg, "login_url": target})
	}
	return c.Redirect(http.StatusSeeOther, target)
}

// requireRole refuses users whose role is not listed, with 403.
func requireRole(roles ...domain.Role) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			u := currentUser(c)
			for _, r := range roles {
				if u != nil && u.Role == r {
					return next(c)
				}
			}
			return domain.ErrForbidden
		}
	}
}

// sameOrigin reports whether the browser says the request came from our own
// pages: Sec-Fetch-Site when sent, else the Origin header, when sent.
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" {
		return site == "same-origin"
	}
	if o := r.Header.Get("Origin"); o != "" && o != "null" {
		// Host names, not ports: a proxy may pass Host without the port.
		u, err := url.Parse(o)
		host, _, err2 := net.SplitHostPort(r.Host)
		if err2 != nil {
			host = r.Host
		}
		return err == nil && strings.EqualFold(u.Hostname(), strings.Trim(host, "[]"))
	}
	return true
}

// randomToken returns n random bytes, base64url without padding.
func randomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err))
	}
	return base64.RawURLEncoding.EncodeToString(b)
}
