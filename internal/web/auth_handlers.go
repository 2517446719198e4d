package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
)

type loginPage struct {
	Form   Form
	Return string
	Notice string
}

// safeReturn accepts only a plain local path, so ?kembali= cannot send people
// to another site: no scheme or host, no "//" or "/\\" start (other hosts to a
// browser), no backslash, space or control character anywhere (browsers drop
// tabs and newlines, so "/\t/evil.example" would become "//evil.example").
func safeReturn(p string) string {
	if p == "" || len(p) > 2000 || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/masuk") {
		return ""
	}
	for _, r := range p {
		if r == '\\' || r == utf8.RuneError || unicode.IsControl(r) || unicode.IsSpace(r) {
			return ""
		}
	}
	// Decoded once more, it must still be harmless ("/%09/evil.example").
	dec, err := url.PathUnescape(p)
	if err != nil || strings.HasPrefix(dec, "//") || strings.ContainsFunc(dec, func(r rune) bool { return r == '\\' || unicode.IsControl(r) }) {
		return ""
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return ""
	}
	return p
}

func (s *Server) landing(c echo.Context) error {
	if currentUser(c) != nil {
		return c.Redirect(http.StatusSeeOther, "/beranda")
	}
	return s.render(c, http.StatusOK, "landing", nil)
}

func (s *Server) loginForm(c echo.Context) error {
	if currentUser(c) != nil {
		return c.Redirect(http.StatusSeeOther, "/beranda")
	}
	p := loginPage{Return: safeReturn(c.QueryParam("kembali"))}
	switch {
	case c.QueryParam("sesi") == "berakhir":
		p.Notice = "Sesi Anda telah berakhir. Silakan masuk lagi untuk melanjutkan."
	case c.QueryParam("keluar") == "1":
		p.Notice = "Anda telah keluar."
	case c.QueryParam("sandi") == "diganti":
		p.Notice = "Kata sandi sudah diganti. Silakan masuk dengan kata sandi baru."
	}
	return s.render(c, http.StatusOK, "login", p)
}

// Login messages: the same words whether the email exists or not.
const (
	msgFirstPassword  = "Anda masuk dengan kata sandi awal. Buat kata sandi Anda sendiri di bawah ini sebelum melanjutkan."
	msgBadCredentials = "Email atau kata sandi salah."
	msgThrottled      = "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi dalam 15 menit."
	msgInactive       = "Akun ini dinonaktifkan. Hubungi admin di daerah Anda."
	msgHashingBusy    = "Server sedang sibuk memeriksa kata sandi. Tunggu beberapa detik, lalu coba lagi."
)

// Retry-After values in seconds: when every hashing slot is taken, and when
// the throttle refuses (the whole window, an upper bound).
const hashBusyRetry = "5"

var throttledRetry = strconv.Itoa(int(auth.ThrottleWindow / time.Second))

func (s *Server) login(c echo.Context) error {
	ctx := c.Request().Context()
	p := loginPage{Return: safeReturn(c.FormValue("kembali"))}
	email, msg := checkText(c, domain.TextEmail, c.FormValue("email"))
	p.Form.Email = email
	password := c.FormValue("password")
	if msg != "" {
		p.Form.Add("email", msg)
	} else if a, err := mail.ParseAddress(p.Form.Email); err != nil || a.Address != p.Form.Email || len(p.Form.Email) > 254 {
		p.Form.Add("email", "Format email tidak valid; contoh: nama@sukamaju.go.id.")
	}
	if password == "" {
		p.Form.Add("password", "Kata sandi wajib diisi.")
	}
	if len(p.Form.Errors) > 0 {
		return s.render(c, http.StatusUnprocessableEntity, "login", p)
	}
	addr := limitAddress(c)
	leave, err := s.logins.enter(ctx, addr)
	if err != nil {
		s.log.Warn("masuk ditunda: antrean alamat penuh", "address", addr, "err", err)
		c.Response().Header().Set("Retry-After", hashBusyRetry)
		p.Form.Add("password", msgHashingBusy)
		return s.render(c, http.StatusServiceUnavailable, "login", p)
	}
	defer leave()
	// The attempt counts as a failure before the password is hashed, so a
	// burst of guesses gets at most the limit checked.
	attempt, err := s.throttle.Reserve(ctx, p.Form.Email, addr)
	if errors.Is(err, auth.ErrThrottled) {
		s.log.Warn("masuk ditolak: terlalu banyak percobaan", "email", p.Form.Email, "address", addr)
		c.Response().Header().Set("Retry-After", throttledRetry)
		p.Form.Add("email", msgThrottled)
		return s.render(c, http.StatusTooManyRequests, "login", p)
	} else if err != nil {
		return err
	}
	hash := ""
	u, err := s.db.UserByEmail(ctx, p.Form.Email)
	switch {
	case err == nil:
		hash = u.PasswordHash
	case !errors.Is(err, domain.ErrNotFound):
		s.releaseAttempt(attempt)
		return err
	}
	err = s.hashing.Verify(ctx, hash, password)
	if hash == "" && err == nil {
		err = auth.ErrNoPassword // the dummy password of an unknown email
	}
	switch {
	case errors.Is(err, auth.ErrHashingBusy):
		s.releaseAttempt(attempt)
		s.log.Warn("masuk ditunda: pemeriksaan kata sandi penuh", "address", addr)
		c.Response().Header().Set("Retry-After", hashBusyRetry)
		p.Form.Add("password", msgHashingBusy)
		return s.render(c, http.StatusServiceUnavailable, "login", p)
	case errors.Is(err, auth.ErrPasswordMismatch), errors.Is(err, auth.ErrNoPassword):
		s.log.Warn("masuk gagal", "email", p.Form.Email, "address", addr, "known", hash != "")
		p.Form.Add("password", msgBadCredentials)
		return s.render(c, http.StatusUnauthorized, "login", p)
	case err != nil:
		s.releaseAttempt(attempt)
		return fmt.Errorf("memeriksa kata sandi %s: %w", p.Form.Email, err)
	}
	if !u.Active {
		s.releaseAttempt(attempt)
		p.Form.Add("email", msgInactive)
		return s.render(c, http.StatusForbidden, "login", p)
	}
	if err := attempt.Succeeded(ctx); err != nil {
		return err
	}
	if auth.NeedsRehash(hash) { // made with earlier argon2id parameters
		if nh, err := s.hashing.Hash(password); err != nil {
			s.log.Warn("membuat ulang hash kata sandi", "user_id", u.ID, "err", err)
		} else if err := s.db.ReplacePasswordHash(ctx, u.ID, hash, nh); err != nil {
			s.log.Warn("menyimpan ulang hash kata sandi", "user_id", u.ID, "err", err)
		}
	}
	sess := session(c)
	if err := s.sessions.Regenerate(ctx, sess); err != nil {
		return err
	}
	auth.SetUserID(sess, u.ID)
	if err := sess.Save(c.Request(), c.Response()); err != nil {
		return err
	}
	s.log.Info("masuk", "user_id", u.ID, "role", u.Role, "address", addr)
	target := p.Return
	if auth.IsFirstPassword(hash) {
		target = firstPasswordPage
	} else if target == "" {
		target = "/beranda"
	}
	return c.Redirect(http.StatusSeeOther, target)
}

// releaseAttempt drops a reservation whose password was not judged; it
// outlives the request, which may have been cancelled.
func (s *Server) releaseAttempt(a *auth.Attempt) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := a.Release(ctx); err != nil {
		s.log.Warn("membatalkan percobaan masuk gagal", "err", err)
	}
}

func (s *Server) logout(c echo.Context) error {
	sess := session(c)
	sess.Options.MaxAge = -1
	if err := sess.Save(c.Request(), c.Response()); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/masuk?keluar=1")
}

type accountPage struct {
	Form Form
}

// Languages are the options of the language form.
func (accountPage) Languages(u *domain.User) []langChoice { return langChoices(u.Lang) }

func (s *Server) account(c echo.Context) error {
	p := accountPage{}
	switch {
	case c.QueryParam("sandi") == "diganti":
		c.Set(ctxFlash, "Kata sandi berhasil diganti. Perangkat lain telah dikeluarkan.")
	case auth.IsFirstPassword(currentUser(c).PasswordHash):
		c.Set(ctxFlash, msgFirstPassword)
	}
	if c.QueryParam("bahasa") == "disimpan" {
		c.Set(ctxFlash, "Bahasa tampilan disimpan.")
	}
	return s.render(c, http.StatusOK, "account", p)
}

func (s *Server) changePassword(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	var p accountPage
	cur, nw, conf := c.FormValue("current"), c.FormValue("new"), c.FormValue("confirm")
	p.Form.checkNewPassword(c, nw, conf)
	if cur == "" {
		p.Form.Add("current", "Kata sandi sekarang wajib diisi.")
	} else {
		// The current password is guessed like a login: the same throttle.
		status, err := s.checkCurrentPassword(c, u, cur)
		if err != nil {
			return err
		}
		if status != 0 {
			switch status {
			case http.StatusTooManyRequests:
				c.Response().Header().Set("Retry-After", throttledRetry)
				p.Form.Add("current", msgThrottled)
			case http.StatusServiceUnavailable:
				c.Response().Header().Set("Retry-After", hashBusyRetry)
				p.Form.Add("current", msgHashingBusy)
			default:
				p.Form.Add("current", "Kata sandi sekarang tidak cocok.")
			}
			return s.render(c, status, "account", p)
		}
	}
	if len(p.Form.Errors) > 0 {
		return s.render(c, http.StatusUnprocessableEntity, "account", p)
	}
	hash, err := auth.HashPassword(nw)
	if err != nil {
		return err
	}
	// SetPassword revokes every session, this one included; start a fresh one.
	if err := s.db.SetPassword(ctx, &u.ID, u.ID, hash); err != nil {
		return err
	}
	sess := session(c)
	sess.ID = ""
	auth.SetUserID(sess, u.ID)
	if err := sess.Save(c.Request(), c.Response()); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/akun?sandi=diganti")
}

// checkCurrentPassword checks a logged-in user's password under the login
// throttle; it returns 0 when it matches, else the status to answer with.
func (s *Server) checkCurrentPassword(c echo.Context, u *domain.User, pw string) (int, error) {
	ctx := c.Request().Context()
	addr := limitAddress(c)
	attempt, err := s.throttle.Reserve(ctx, u.Email, addr)
	if errors.Is(err, auth.ErrThrottled) {
		s.log.Warn("ganti sandi ditolak: terlalu banyak percobaan", "user_id", u.ID, "address", addr)
		return http.StatusTooManyRequests, nil
	} else if err != nil {
		return 0, err
	}
	err = s.hashing.Verify(ctx, u.PasswordHash, pw)
	switch {
	case err == nil:
		return 0, attempt.Succeeded(ctx)
	case errors.Is(err, auth.ErrHashingBusy):
		s.releaseAttempt(attempt)
		return http.StatusServiceUnavailable, nil
	case errors.Is(err, auth.ErrPasswordMismatch), errors.Is(err, auth.ErrNoPassword):
		s.log.Warn("ganti sandi: kata sandi sekarang salah", "user_id", u.ID, "address", addr)
		return http.StatusUnprocessableEntity, nil
	}
	s.releaseAttempt(attempt)
	return 0, fmt.Errorf("memeriksa kata sandi sekarang: %w", err)
}
