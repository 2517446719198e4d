package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// adminToolRoutes: the admin's tools around the grader and the JSON API —
// API tokens for agency systems and the grader agreement report.
func (s *Server) adminToolRoutes() []route {
	return []route{
		{http.MethodGet, "/admin/token", adminOnly, s.tokenList},
		{http.MethodPost, "/admin/token", adminOnly, s.createToken},
		{http.MethodPost, "/admin/token/:id/cabut", adminOnly, s.revokeToken},
		{http.MethodGet, "/admin/kesesuaian", adminOnly, s.agreementPage},
	}
}

const (
	tokenPageSize = 20
	// tokenMaxYears bounds an expiry date: a credential nobody reviews for
	// longer is better made without an end and revoked deliberately.
	tokenMaxYears = 5
)

// tokenForm keeps what the admin typed into the "new token" form.
type tokenForm struct {
	Form
	Name, Expires string
}

// tokenRow is a token in the list with its state and dates written out.
type tokenRow struct {
	domain.APITokenRow
	Status, StatusClass         string
	Created, ExpiresAt, LastUse string
	Active                      bool
	RevokeURL                   string
}

type tokenPageView struct {
	Tokens []tokenRow
	Page   Page
	Form   tokenForm
	// NewToken is the plaintext of a token just created, shown this once.
	NewToken, NewName, NewExpires string
	// Gone says the new token was already shown once.
	Gone bool
	// Problem explains a refused revocation above the list.
	Problem string
	// ConfirmID is the token whose revocation lacked "Saya yakin".
	ConfirmID int64
}

// newTokenCookie carries a token just made from the POST to the list, which
// shows it once (see putOnce).
const newTokenCookie = "bimtek_token_sekali"

type newToken struct {
	Token, Name, Expires string
}

func (s *Server) tokenList(c echo.Context) error {
	var v tokenPageView
	switch {
	case c.QueryParam("pesan") == "dicabut":
		c.Set(ctxFlash, "Token berhasil dicabut. Sistem yang memakainya tidak dapat lagi mengakses API.")
	case c.QueryParam("token") == "baru":
		var nt newToken
		if s.takeOnce(c, newTokenCookie, "/admin/token", &nt) {
			v.NewToken, v.NewName, v.NewExpires = nt.Token, nt.Name, nt.Expires
		} else {
			v.Gone = true
		}
	}
	return s.renderTokens(c, http.StatusOK, v)
}

func (s *Server) renderTokens(c echo.Context, status int, v tokenPageView) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	// Read the page number first so the list and the pager agree.
	n := newPage(c, tokenPageSize, 1<<30).Number
	rows, total, err := s.db.ListAPITokens(ctx, u.RegionID, tokenPageSize, (n-1)*tokenPageSize)
	if err != nil {
		return err
	}
	v.Page = newPage(c, tokenPageSize, total)
	if v.Page.Number != n { // asked beyond the last page: show the last one
		if rows, _, err = s.db.ListAPITokens(ctx, u.RegionID, tokenPageSize, v.Page.Offset()); err != nil {
			return err
		}
	}
	// Pager links always point at the list, also when a POST re-renders it.
	v.Page.PrevURL = fmt.Sprintf("/admin/token?halaman=%d", v.Page.Number-1)
	v.Page.NextURL = fmt.Sprintf("/admin/token?halaman=%d", v.Page.Number+1)
	now := s.cfg.Now()
	for _, r := range rows {
		row := tokenRow{APITokenRow: r, Created: dateTime(r.CreatedAt), ExpiresAt: "Tidak pernah", LastUse: "Belum pernah",
			RevokeURL: fmt.Sprintf("/admin/token/%d/cabut", r.ID)}
		if r.ExpiresAt != nil {
			row.ExpiresAt = dateTime(*r.ExpiresAt)
		}
		if r.LastUsedAt != nil {
			row.LastUse = dateTime(*r.LastUsedAt)
		}
		switch {
		case r.RevokedAt != nil:
			row.Status, row.StatusClass = tf(c, "Dicabut pada {{.When}}", map[string]any{"When": i18n.Moment(r.RevokedAt.In(WIB))}), "badge"
		case r.Expired(now):
			row.Status, row.StatusClass = "Kedaluwarsa", "badge badge-sedang"
		default:
			row.Status, row.StatusClass, row.Active = "Berlaku", "badge badge-selesai", true
		}
		v.Tokens = append(v.Tokens, row)
	}
	if v.NewToken != "" {
		// The page carries a secret: no browser or proxy may keep a copy.
		c.Response().Header().Set("Cache-Control", "no-store")
	}
	return s.render(c, status, "admin_tokens", v)
}

// startOfDayWIB is midnight WIB at the start of t's calendar day in WIB.
func startOfDayWIB(t time.Time) time.Time {
	t = t.In(WIB)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, WIB)
}

// parseDateWIB reads a calendar date as <input type=date> sends it, or as
// people type it (16/04/2026, 16-04-2026), as midnight WIB.
func parseDateWIB(raw string) (time.Time, bool) {
	raw = strings.TrimSpace(raw)
	for _, layout := range []string{"2006-01-02", "2/1/2006", "2-1-2006"} {
		if t, err := time.ParseInLocation(layout, raw, WIB); err == nil && t.Year() >= 2000 && t.Year() <= 2100 {
			return t, true
		}
	}
	return time.Time{}, false
}

// check reads the sent form and returns the moment the token stops working
// (nil: never); problems go to f.Errors.
func (f *tokenForm) check(c echo.Context, today time.Time) *time.Time {
	f.Expires = strings.TrimSpace(c.FormValue("expires"))
	f.Name = textField(c, &f.Form, "name", domain.TextTokenName, c.FormValue("name"))
	if f.Expires == "" {
		return nil
	}
	d, ok := parseDateWIB(f.Expires)
	switch {
	case !ok:
		f.Add("expires", "Tanggal kedaluwarsa tidak dapat dibaca; tulis seperti 31/12/2026.")
	case d.Before(today):
		f.Add("expires", "Tanggal kedaluwarsa tidak boleh sebelum hari ini.")
	case d.After(today.AddDate(tokenMaxYears, 0, 0)):
		f.Add("expires", tf(c, "Tanggal kedaluwarsa paling lama {{.N}} tahun dari hari ini; kosongkan bila token tidak perlu kedaluwarsa.", map[string]any{"N": tokenMaxYears}))
	default:
		f.Expires = d.Format("2006-01-02")
		// The token works through the whole chosen day.
		end := d.AddDate(0, 0, 1)
		return &end
	}
	return nil
}

func (s *Server) createToken(c echo.Context) error {
	u := currentUser(c)
	now := s.cfg.Now()
	var f tokenForm
	expires := f.check(c, startOfDayWIB(now))
	if len(f.Errors) > 0 {
		return s.renderTokens(c, http.StatusUnprocessableEntity, tokenPageView{Form: f})
	}
	tok, plain, err := s.db.CreateAPIToken(c.Request().Context(), domain.NewAPIToken{RegionID: u.RegionID, Name: f.Name,
		ExpiresAt: expires, CreatedBy: u.ID, Now: now})
	if domain.ErrorCode(err) == domain.CodeInvalid {
		var de *domain.Error
		errors.As(err, &de)
		f.Add("name", errText(c, de))
		return s.renderTokens(c, http.StatusUnprocessableEntity, tokenPageView{Form: f})
	}
	if err != nil {
		return err
	}
	nt := newToken{Token: plain, Name: tok.Name, Expires: tr(c, "tidak pernah kedaluwarsa")}
	if tok.ExpiresAt != nil {
		nt.Expires = tf(c, "berlaku sampai {{.When}}", map[string]any{"When": i18n.Moment(tok.ExpiresAt.In(WIB))})
	}
	if err := s.putOnce(c, newTokenCookie, "/admin/token", nt); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/token?token=baru#token-baru-kotak")
}

func (s *Server) revokeToken(c echo.Context) error {
	u := currentUser(c)
	id, ok := atoi64(c.Param("id"))
	if !ok {
		return domain.ErrNotFound
	}
	if !confirmed(c, "yakin") {
		if _, err := s.db.APIToken(c.Request().Context(), u.RegionID, id); err != nil {
			return err
		}
		return s.renderTokens(c, http.StatusUnprocessableEntity, tokenPageView{ConfirmID: id,
			Problem: "Token belum dicabut. Centang “Saya yakin akan mencabut token ini” lalu tekan “Cabut token” lagi: sistem yang memakainya langsung kehilangan akses, dan pencabutan tidak dapat dibatalkan."})
	}
	_, err := s.db.RevokeAPIToken(c.Request().Context(), u.ID, u.RegionID, id)
	switch {
	case domain.ErrorCode(err) == domain.CodeConflict:
		var de *domain.Error
		errors.As(err, &de)
		return s.renderTokens(c, http.StatusConflict, tokenPageView{Problem: sentence(errText(c, de))})
	case err != nil:
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/token?pesan=dicabut")
}
