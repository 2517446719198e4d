package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
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

// tf is a message with values in the request's language: id is a go-i18n
// template of web/i18n/en.json (its Indonesian), data its values; a count
// shown is data["N"], which picks the English plural form.
func tf(c echo.Context, id string, data map[string]any) string {
	return tfl(langOf(c), id, data)
}

// tfl is tf in language l.
func tfl(l i18n.Lang, id string, data map[string]any) string {
	return i18n.Tf(l, id, localData(l, data))
}

// localData puts the domain's values with words of their own (a number with
// thousands, an input's name) into language l; i18n.Tf does the same for
// i18n's own (dates, phrases, messages).
func localData(l i18n.Lang, data map[string]any) map[string]any {
	var out map[string]any
	for k, v := range data {
		var s string
		switch x := v.(type) {
		case domain.Num:
			s = i18n.Thousands(l, int(x))
		case domain.Label:
			s = i18n.T(l, string(x))
		default:
			continue
		}
		if out == nil {
			out = make(map[string]any, len(data))
			for k2, v2 := range data {
				out[k2] = v2
			}
		}
		out[k] = s
	}
	if out == nil {
		return data
	}
	return out
}

// checkText is TextRule.Check with the message in the request's language.
func checkText(c echo.Context, rule domain.TextRule, raw string) (clean, msg string) {
	clean, id, data := rule.Problem(raw)
	if id != "" {
		msg = tf(c, id, data)
	}
	return clean, msg
}

// tr is a fixed text in the request's language.
func tr(c echo.Context, s string) string { return i18n.T(langOf(c), s) }

// errText is what a domain error says, in the request's language.
func errText(c echo.Context, de *domain.Error) string { return errTextIn(langOf(c), de) }

// errTextIn is what a domain error says in language l.
func errTextIn(l i18n.Lang, de *domain.Error) string {
	if de.MsgID != "" {
		return tfl(l, de.MsgID, de.Data)
	}
	if de.Code == domain.CodeInvalid && len(de.Fields) > 0 && de.Fields[0].Message == de.Message {
		return fieldText(l, de.Fields[0])
	}
	return i18n.T(l, de.Message)
}

// errOf is what err says in the request's language: a domain error's
// message, else its text as it is.
func errOf(c echo.Context, err error) string {
	var de *domain.Error
	if errors.As(err, &de) {
		return errText(c, de)
	}
	return err.Error()
}

// fieldText is a refused input's message in language l.
func fieldText(l i18n.Lang, f domain.FieldError) string {
	if f.MsgID != "" {
		return tfl(l, f.MsgID, f.Data)
	}
	return i18n.T(l, f.Message)
}

// localFields are refused inputs with their messages in the request's
// language, to be shown on a form.
func localFields(c echo.Context, fs []domain.FieldError) []FormError {
	l := langOf(c)
	out := make([]FormError, len(fs))
	for i, f := range fs {
		out[i] = FormError{Field: f.Field, Message: fieldText(l, f)}
	}
	return out
}
