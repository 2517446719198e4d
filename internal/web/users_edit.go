package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// accountEditForm is the "Ubah data akun" form on an account's page: what
// the admin typed, and the values the page showed, which the store compares
// before it writes so that a second admin cannot silently overwrite the first.
type accountEditForm struct {
	newUserForm
	Seen seenAccount
}

// seenAccount is the account as the form showed it (hidden fields).
type seenAccount struct {
	Email, Name, Role, OPD string
	Designated             bool
}

func seenOf(u domain.User) seenAccount {
	s := seenAccount{Email: u.Email, Name: u.Name, Role: string(u.Role), Designated: u.IsDesignatedAdmin}
	if u.OPDID != nil {
		s.OPD = strconv.FormatInt(*u.OPDID, 10)
	}
	return s
}

func editFormOf(u domain.User) accountEditForm {
	s := seenOf(u)
	return accountEditForm{newUserForm: newUserForm{Name: u.Name, Email: u.Email, Role: string(u.Role), OPD: s.OPD, Designated: u.IsDesignatedAdmin}, Seen: s}
}

// fillEdit adds what the edit form needs to an account's page.
func (s *Server) fillEdit(c echo.Context, v *userPageView, f *accountEditForm) error {
	var err error
	if v.OPDs, err = s.db.RegionOPDs(c.Request().Context(), currentUser(c).RegionID, 2000); err != nil {
		return err
	}
	v.Roles = domain.Roles
	if f == nil {
		e := editFormOf(v.User.User)
		f = &e
	}
	v.Edit = *f
	return nil
}

func (s *Server) updateUserUI(c echo.Context) error {
	u, err := s.regionUser(c)
	if err != nil {
		return err
	}
	admin := currentUser(c)
	f, opdID := s.readAccountForm(c)
	ef := accountEditForm{newUserForm: f, Seen: seenAccount{Email: c.FormValue("lama_email"), Name: c.FormValue("lama_nama"),
		Role: c.FormValue("lama_peran"), OPD: c.FormValue("lama_opd"), Designated: c.FormValue("lama_admin_medsos") == "ya"}}
	if u.ID == admin.ID && domain.Role(f.Role) != domain.RoleAdmin && f.Role != "" {
		ef.Errors = append(ef.Errors, FormError{Field: "peran", Message: "Anda tidak dapat mengubah peran akun Anda sendiri; minta admin lain melakukannya."})
	}
	status := http.StatusUnprocessableEntity
	problem := ""
	if len(ef.Errors) == 0 {
		seen := domain.User{Email: ef.Seen.Email, Name: ef.Seen.Name, Role: domain.Role(ef.Seen.Role), IsDesignatedAdmin: ef.Seen.Designated}
		if id, err := strconv.ParseInt(ef.Seen.OPD, 10, 64); err == nil {
			seen.OPDID = &id
		}
		_, err = s.db.UpdateUser(c.Request().Context(), admin.ID, domain.UserEdit{UserID: u.ID, RegionID: admin.RegionID, Email: f.Email,
			Name: f.Name, Role: domain.Role(f.Role), OPDID: opdID, IsDesignatedAdmin: f.Designated, Seen: seen})
		var de *domain.Error
		switch {
		case err == nil:
			return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/pengguna/%d?pesan=diubah#pesan", u.ID))
		case errors.Is(err, store.ErrUserChanged):
			status, problem = http.StatusConflict, sentence(errText(c, store.ErrUserChanged))
			// Show what is stored now beside what was typed.
			if u, err = s.regionUser(c); err != nil {
				return err
			}
			ef.Seen = seenOf(u.User)
		case errors.As(err, &de) && de.Code == domain.CodeConflict:
			ef.Errors = append(ef.Errors, FormError{Field: "email", Message: "Email ini sudah terdaftar."})
		case errors.As(err, &de) && de.Code == domain.CodeInvalid:
			ef.Errors = append(ef.Errors, FormError{Field: "nama", Message: sentence(errText(c, de))})
		default:
			return err
		}
	}
	v := userPageView{User: u, Self: u.ID == admin.ID, Problem: problem, EditConflict: problem != ""}
	if err := s.fillEdit(c, &v, &ef); err != nil {
		return err
	}
	return s.render(c, status, "admin_user", &v)
}

// renderUserPage shows an account's page with its edit form as stored.
func (s *Server) renderUserPage(c echo.Context, status int, v *userPageView) error {
	if err := s.fillEdit(c, v, nil); err != nil {
		return err
	}
	return s.render(c, status, "admin_user", v)
}

// sentence capitalises a store message and ends it with a full stop.
func sentence(msg string) string {
	if msg == "" {
		return msg
	}
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}
