package web

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
)

// checkNewPassword checks a new password and its repetition as the account
// form asks for them.
func (f *Form) checkNewPassword(c echo.Context, nw, conf string) {
	if err := auth.ValidatePassword(nw); err != nil {
		if utf8.RuneCountInString(nw) < auth.MinPasswordLength {
			f.Add("new", tf(c, "Kata sandi baru minimal {{.N}} karakter.", map[string]any{"N": auth.MinPasswordLength}))
		} else {
			f.Add("new", "Kata sandi baru terlalu panjang (maksimal 256 bita).")
		}
	} else if nw != conf {
		f.Add("confirm", "Kata sandi baru yang diulang tidak sama.")
	}
}

func atoi64(s string) (int64, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}

// FormError is one message about one field: the domain's per-field message, so a
// refused form and a refused API request speak the same vocabulary.
type FormError = domain.FieldError

// Form keeps what the user typed plus the errors, to re-render a page.
type Form struct {
	Email  string
	Errors []FormError
}

// ErrorFor returns the message for a field, or "".
func (f Form) ErrorFor(field string) string {
	for _, e := range f.Errors {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Add records an error on a field.
func (f *Form) Add(field, msg string) {
	f.Errors = append(f.Errors, FormError{Field: field, Message: msg})
}

// Page describes one page of a paginated list.
type Page struct {
	Number, Size, Total, Pages int
	HasPrev, HasNext           bool
	PrevURL, NextURL           string
}

// newPage reads ?halaman= from the request, clamped to the existing pages.
func newPage(c echo.Context, size, total int) Page {
	n := 1
	fmt.Sscanf(c.QueryParam("halaman"), "%d", &n)
	pages := (total + size - 1) / size
	if pages < 1 {
		pages = 1
	}
	if n < 1 {
		n = 1
	}
	if n > pages {
		n = pages
	}
	p := Page{Number: n, Size: size, Total: total, Pages: pages, HasPrev: n > 1, HasNext: n < pages}
	u := *c.Request().URL
	q := u.Query()
	q.Set("halaman", fmt.Sprint(n-1))
	u.RawQuery = q.Encode()
	p.PrevURL = u.String()
	q.Set("halaman", fmt.Sprint(n+1))
	u.RawQuery = q.Encode()
	p.NextURL = u.String()
	return p
}

// Offset is the first row of the page.
func (p Page) Offset() int { return (p.Number - 1) * p.Size }
