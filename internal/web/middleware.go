package web

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gorilla/sessions"
	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// Keys in echo's per-request context.
const (
	ctxSession = "session"
	ctxUser    = "user"
	ctxCSRF    = "csrf"
	ctxFlash   = "flash"
	ctxLang    = "lang"
)

// SessionCookie and CSRFCookie are the names of our two cookies.
const (
	SessionCookie = "bimtek_sesi"
	CSRFCookie    = "bimtek_csrf"
	CSRFField     = "csrf_token"
	CSRFHeader    = "X-CSRF-Token"
)

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
		attrs := []any{
			"request_id", res.Header().Get(echo.HeaderXRequestID),
			"method", req.Method, "path", req.URL.Path, "status", res.Status,
			"duration_ms", float64(time.Since(start).Microseconds()) / 1000, "bytes", res.Size,
		}
		if u := currentUser(c); u != nil {
			attrs = append(attrs, "user_id", u.ID)
		}
		if err != nil && res.Status >= 500 {
			attrs = append(attrs, "err", err.Error())
		}
		s.log.Log(req.Context(), level, "permintaan", attrs...)
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

func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		if s.secure {
			// Served over https (BIMTEK_BASE_URL): browsers keep to https for a year.
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
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

// csrf is a double-submit check: a random token in an HttpOnly cookie must come
// back in the form field (or header) of every state-changing request.
func (s *Server) csrf(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		token := ""
		if ck, err := c.Cookie(CSRFCookie); err == nil && len(ck.Value) == 43 {
			token = ck.Value
		}
		if token == "" {
			b := make([]byte, 32)
			if _, err := rand.Read(b); err != nil {
				return fmt.Errorf("membuat token CSRF: %w", err)
			}
			token = base64.RawURLEncoding.EncodeToString(b)
			c.SetCookie(&http.Cookie{Name: CSRFCookie, Value: token, Path: "/", HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode, MaxAge: 12 * 3600})
		}
		c.Set(ctxCSRF, token)
		switch c.Request().Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			return next(c)
		}
		sent := c.Request().Header.Get(CSRFHeader)
		if sent == "" {
			sent = c.FormValue(CSRFField)
		}
		if sent == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(token)) != 1 {
			return errCSRFRefused
		}
		return next(c)
	}
}

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
		target := "/masuk"
		if c.Request().Method == http.MethodGet {
			target += "?kembali=" + url.QueryEscape(c.Request().URL.RequestURI())
		} else if back, ok := s.rescueRelease(c); ok {
			target += "?kembali=" + url.QueryEscape(back)
		}
		if sess := session(c); sess != nil && auth.Expired(sess) {
			if strings.Contains(target, "?") {
				target += "&"
			} else {
				target += "?"
			}
			target += "sesi=berakhir"
		}
		return c.Redirect(http.StatusSeeOther, target)
	}
}

// firstPasswordPage is where an account still on its first password is sent;
// firstPasswordRoutes are all it may open until it has a password of its own.
const firstPasswordPage = "/akun?sandi=awal#ganti"

var firstPasswordRoutes = map[string]bool{"/akun": true, "/akun/kata-sandi": true, "/keluar": true}

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

// RescueCookie binds rescued text to the browser that wrote it.
const RescueCookie = "bimtek_pulih"

// rescueRelease keeps a release that arrives after the session expired (the
// trainee wrote for longer than the idle limit), so it can be offered back
// after login instead of being lost. It returns the page to come back to.
// Only text for a real practice item within the form's limits is kept, at most
// store.RescuesPerHour per address, and only for this browser (see RescueCookie).
func (s *Server) rescueRelease(c echo.Context) (string, bool) {
	p := c.Request().URL.Path
	if !strings.HasPrefix(p, "/kursus/") {
		return "", false
	}
	cut := strings.LastIndex(p, "/")
	switch p[cut:] {
	case "/draf", "/periksa", "/kirim":
	default:
		return "", false
	}
	co := s.cfg.Catalog.Course(c.Param("course"))
	if co == nil {
		return "", false
	}
	if it := co.Item(c.Param("item")); it == nil || it.Kind != course.KindPractice {
		return "", false
	}
	headline, body := strings.TrimSpace(cleanText(c.FormValue("judul"))), strings.TrimSpace(cleanText(c.FormValue("isi")))
	if headline+body == "" || utf8.RuneCountInString(headline) > MaxHeadlineChars || utf8.RuneCountInString(body) > MaxBodyChars {
		return "", false
	}
	browser, err := s.rescueBrowser(c, true)
	if err != nil {
		s.log.Warn("menyelamatkan teks: kuki peramban", "err", err)
		return "", false
	}
	id := randomToken(18)
	item := p[:cut]
	ok, err := s.db.RescueText(c.Request().Context(), store.Rescue{ID: id, Path: item, Headline: headline, Body: body, Browser: browser, Address: c.RealIP()})
	if err != nil {
		s.log.Error("menyimpan teks sesi berakhir", "err", err)
		return "", false
	}
	if !ok {
		s.log.Warn("menyimpan teks sesi berakhir: batas per alamat tercapai", "address", c.RealIP())
		return "", false
	}
	return item + "?pulihkan=" + id, true
}

// rescueBrowser returns the hash of this browser's rescue cookie, setting a
// new cookie when create is set and there is none.
func (s *Server) rescueBrowser(c echo.Context, create bool) (string, error) {
	v := ""
	if ck, err := c.Cookie(RescueCookie); err == nil && len(ck.Value) == 43 {
		v = ck.Value
	}
	if v == "" {
		if !create {
			return "", domain.ErrNotFound
		}
		v = randomToken(32)
		c.SetCookie(&http.Cookie{Name: RescueCookie, Value: v, Path: "/kursus/", HttpOnly: true, Secure: s.secure,
			SameSite: http.SameSiteLaxMode, MaxAge: int(store.RescueLifetime / time.Second)})
	}
	sum := sha256.Sum256([]byte(v))
	return hex.EncodeToString(sum[:]), nil
}

// randomToken returns n random bytes, base64url without padding.
func randomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err))
	}
	return base64.RawURLEncoding.EncodeToString(b)
}
