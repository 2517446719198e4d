package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/i18n"
)

// langChoice is one option of the language form on the account page.
type langChoice struct {
	Value, Label string
	Chosen       bool
}

// langChoices lists the options with the user's stored choice marked; ""
// follows the browser.
func langChoices(stored string) []langChoice {
	out := []langChoice{{Value: "", Label: "Ikuti bahasa peramban", Chosen: stored == ""}}
	for _, l := range i18n.Langs {
		out = append(out, langChoice{Value: string(l), Label: l.Name(), Chosen: stored == string(l)})
	}
	return out
}

// setLanguage stores the interface language chosen on the account page.
func (s *Server) setLanguage(c echo.Context) error {
	u := currentUser(c)
	v := c.FormValue("bahasa")
	if _, ok := i18n.Parse(v); !ok && v != "" {
		p := accountPage{}
		p.Form.Add("bahasa", "Pilih salah satu bahasa yang tersedia.")
		return s.render(c, http.StatusUnprocessableEntity, "account", p)
	}
	if err := s.db.SetUserLang(c.Request().Context(), u.ID, v); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/akun?bahasa=disimpan#pesan")
}
