package web

import (
	"errors"
	"net/http"
	"net/mail"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
)

type loginPage struct {
	Form   Form
	Return string
	Notice string
}

// safeReturn accepts only local paths, so ?kembali= cannot send people to another site.
func safeReturn(p string) string {
	if p == "" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") || strings.HasPrefix(p, "/masuk") {
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
	msgBadCredentials = "Email atau kata sandi salah."
	msgThrottled      = "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi dalam 15 menit."
	msgInactive       = "Akun ini dinonaktifkan. Hubungi admin di daerah Anda."
)

func (s *Server) login(c echo.Context) error {
	ctx := c.Request().Context()
	p := loginPage{Return: safeReturn(c.FormValue("kembali"))}
	p.Form.Email = strings.TrimSpace(c.FormValue("email"))
	password := c.FormValue("password")
	if p.Form.Email == "" {
		p.Form.Add("email", "Email wajib diisi.")
	} else if a, err := mail.ParseAddress(p.Form.Email); err != nil || a.Address != p.Form.Email || len(p.Form.Email) > 254 {
		p.Form.Add("email", "Format email tidak valid; contoh: nama@sukamaju.go.id.")
	}
	if password == "" {
		p.Form.Add("password", "Kata sandi wajib diisi.")
	}
	if len(p.Form.Errors) > 0 {
		return s.render(c, http.StatusUnprocessableEntity, "login", p)
	}
	addr := c.RealIP()
	if err := s.throttle.Allow(ctx, p.Form.Email, addr); err != nil {
		if errors.Is(err, auth.ErrThrottled) {
			p.Form.Add("email", msgThrottled)
			return s.render(c, http.StatusTooManyRequests, "login", p)
		}
		return err
	}
	u, err := s.db.UserByEmail(ctx, p.Form.Email)
	switch {
	case errors.Is(err, domain.ErrNotFound):
		auth.CheckNoUser(password)
	case err != nil:
		return err
	default:
		err = auth.CheckPassword(u.PasswordHash, password)
	}
	if err != nil {
		if !errors.Is(err, domain.ErrNotFound) && !errors.Is(err, auth.ErrPasswordMismatch) {
			s.log.Error("memeriksa kata sandi", "err", err)
		}
		if rerr := s.throttle.Record(ctx, p.Form.Email, addr, false); rerr != nil {
			return rerr
		}
		p.Form.Add("password", msgBadCredentials)
		return s.render(c, http.StatusUnauthorized, "login", p)
	}
	if !u.Active {
		p.Form.Add("email", msgInactive)
		return s.render(c, http.StatusForbidden, "login", p)
	}
	if err := s.throttle.Record(ctx, p.Form.Email, addr, true); err != nil {
		return err
	}
	sess := session(c)
	if err := s.sessions.Regenerate(ctx, sess); err != nil {
		return err
	}
	auth.SetUserID(sess, u.ID)
	if err := sess.Save(c.Request(), c.Response()); err != nil {
		return err
	}
	s.log.Info("masuk", "user_id", u.ID, "role", u.Role)
	target := p.Return
	if target == "" {
		target = "/beranda"
	}
	return c.Redirect(http.StatusSeeOther, target)
}

func (s *Server) logout(c echo.Context) error {
	sess := session(c)
	sess.Options.MaxAge = -1
	if err := sess.Save(c.Request(), c.Response()); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/masuk?keluar=1")
}

type accountPage struct{ Form Form }

func (s *Server) account(c echo.Context) error {
	p := accountPage{}
	if c.QueryParam("sandi") == "diganti" {
		c.Set(ctxFlash, "Kata sandi berhasil diganti. Perangkat lain telah dikeluarkan.")
	}
	return s.render(c, http.StatusOK, "account", p)
}

func (s *Server) changePassword(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	var p accountPage
	cur, nw, conf := c.FormValue("current"), c.FormValue("new"), c.FormValue("confirm")
	if cur == "" {
		p.Form.Add("current", "Kata sandi sekarang wajib diisi.")
	} else if err := auth.CheckPassword(u.PasswordHash, cur); err != nil {
		p.Form.Add("current", "Kata sandi sekarang tidak cocok.")
	}
	if err := auth.ValidatePassword(nw); err != nil {
		p.Form.Add("new", "Kata sandi baru: "+err.Error()+".")
	} else if nw != conf {
		p.Form.Add("confirm", "Ulangan kata sandi baru tidak sama.")
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
