package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
)

// userAdminRoutes: the admin's accounts page — list, create, reset a
// forgotten password, turn an account off or on.
func (s *Server) userAdminRoutes() []route {
	return []route{
		{http.MethodGet, "/admin/pengguna", adminOnly, s.userList},
		{http.MethodPost, "/admin/pengguna", adminOnly, s.createUserUI},
		{http.MethodGet, "/admin/pengguna/:id", adminOnly, s.userPage},
		{http.MethodPost, "/admin/pengguna/:id", adminOnly, s.updateUserUI},
		{http.MethodPost, "/admin/pengguna/:id/sandi", adminOnly, s.resetPassword},
		{http.MethodPost, "/admin/pengguna/:id/status", adminOnly, s.setUserActive},
	}
}

// userPageSize is how many accounts the list shows per page.
const userPageSize = 50

// newUserForm is what the admin typed to create an account.
type newUserForm struct {
	Name, Email, Role, OPD string
	Designated             bool
	Errors                 []FormError
}

func (f newUserForm) ErrorFor(field string) string { return Form{Errors: f.Errors}.ErrorFor(field) }

type userListView struct {
	Users []domain.UserRow
	Page  Page
	Query string
	Role  string
	OPD   int64
	OPDs  []domain.OPD
	Roles []domain.Role
	// QueryError says why ?q= was not used.
	QueryError string
	Form       newUserForm
}

func (s *Server) userListData(c echo.Context) (userListView, error) {
	u := currentUser(c)
	v := userListView{Role: c.QueryParam("peran"), Roles: domain.Roles}
	v.Query, v.QueryError = checkText(c, domain.TextSearch, c.QueryParam("q"))
	v.OPD, _ = strconv.ParseInt(c.QueryParam("opd"), 10, 64)
	ctx := c.Request().Context()
	var err error
	if v.OPDs, err = s.db.RegionOPDs(ctx, u.RegionID, 2000); err != nil {
		return v, err
	}
	f := domain.UserFilter{RegionID: u.RegionID, Query: v.Query, Role: domain.Role(v.Role), OPDID: v.OPD}
	if v.QueryError != "" {
		f.Query = "" // the list as if unfiltered, the message beside the search box
	}
	_, total, err := s.db.ListUsers(ctx, f, 0, 0)
	if err != nil {
		return v, err
	}
	v.Page = newPage(c, userPageSize, total)
	v.Users, _, err = s.db.ListUsers(ctx, f, v.Page.Size, v.Page.Offset())
	return v, err
}

func (s *Server) userList(c echo.Context) error {
	v, err := s.userListData(c)
	if err != nil {
		return err
	}
	if v.QueryError != "" {
		return s.render(c, http.StatusUnprocessableEntity, "admin_users", &v)
	}
	return s.render(c, http.StatusOK, "admin_users", &v)
}

// readAccountForm reads and checks the account form, the same for creating
// and for correcting an account: the fields with their messages, and the
// chosen OPD of the admin's region (nil for none).
func (s *Server) readAccountForm(c echo.Context) (newUserForm, *int64) {
	admin := currentUser(c)
	f := newUserForm{Role: c.FormValue("peran"), OPD: c.FormValue("opd"), Designated: c.FormValue("admin_medsos") == "ya"}
	var msg string
	if f.Name, msg = checkText(c, domain.TextUserName, c.FormValue("nama")); msg != "" {
		f.Errors = append(f.Errors, FormError{Field: "nama", Message: msg})
	}
	if f.Email, msg = checkText(c, domain.TextEmail, c.FormValue("email")); msg != "" {
		f.Errors = append(f.Errors, FormError{Field: "email", Message: msg})
	} else if !domain.ValidEmail(f.Email) {
		f.Errors = append(f.Errors, FormError{Field: "email", Message: "Format email tidak valid; contoh: nama@sukamajukab.go.id."})
	}
	role := domain.Role(f.Role)
	if !role.Valid() {
		f.Errors = append(f.Errors, FormError{Field: "peran", Message: "Pilih peran."})
	}
	var opdID *int64
	if f.OPD != "" {
		id, _ := strconv.ParseInt(f.OPD, 10, 64)
		o, err := s.db.OPD(c.Request().Context(), id)
		if err != nil || !access.CanManageOPD(admin, access.OPD{ID: o.ID, RegionID: o.RegionID}) {
			f.Errors = append(f.Errors, FormError{Field: "opd", Message: "OPD tidak ditemukan di wilayah Anda."})
		} else {
			opdID = &o.ID
		}
	} else if role == domain.RolePimpinanOPD {
		f.Errors = append(f.Errors, FormError{Field: "opd", Message: "Pimpinan OPD harus terhubung dengan satu OPD."})
	}
	if f.Designated && role != domain.RolePeserta {
		f.Errors = append(f.Errors, FormError{Field: "admin_medsos", Message: "Hanya peserta yang dapat ditunjuk sebagai admin media sosial OPD."})
	}
	return f, opdID
}

func (s *Server) createUserUI(c echo.Context) error {
	admin := currentUser(c)
	v, err := s.userListData(c)
	if err != nil {
		return err
	}
	f, opdID := s.readAccountForm(c)
	role := domain.Role(f.Role)
	if len(f.Errors) == 0 {
		pw := auth.GeneratePassword()
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return err
		}
		u, err := s.db.CreateUser(c.Request().Context(), &admin.ID, domain.NewUser{RegionID: admin.RegionID, OPDID: opdID, Email: f.Email,
			Name: f.Name, Role: role, IsDesignatedAdmin: f.Designated, PasswordHash: hash})
		if domain.ErrorCode(err) == domain.CodeConflict {
			f.Errors = append(f.Errors, FormError{Field: "email", Message: "Email ini sudah terdaftar."})
		} else if err != nil {
			return err
		} else {
			if err := s.putOnce(c, oneTimeCookie, userPath(u.ID), oneTimePassword{UserID: u.ID, Password: pw, First: true}); err != nil {
				return err
			}
			return c.Redirect(http.StatusSeeOther, userPath(u.ID)+"?sandi=baru")
		}
	}
	v.Form = f
	return s.render(c, http.StatusUnprocessableEntity, "admin_users", &v)
}

type userPageView struct {
	User     domain.UserRow
	Self     bool
	Password string // a newly generated password, shown once
	First    bool   // Password is the first one of an account just created
	Notice   string
	Problem  string
	// ConfirmErr marks the "Saya yakin" box of the reset refused without it.
	ConfirmErr bool
	// Edit is the "Ubah data akun" form; EditConflict says another admin saved first.
	Edit         accountEditForm
	EditConflict bool
	OPDs         []domain.OPD
	Roles        []domain.Role
}

// regionUser loads the :id user of the admin's region; others are 404.
func (s *Server) regionUser(c echo.Context) (domain.UserRow, error) {
	id, ok := atoi64(c.Param("id"))
	if !ok {
		return domain.UserRow{}, domain.ErrNotFound
	}
	u, err := s.db.User(c.Request().Context(), id)
	if err != nil {
		return domain.UserRow{}, err
	}
	if !access.CanManageAccount(currentUser(c), access.Account{RegionID: u.RegionID}) {
		return domain.UserRow{}, domain.ErrNotFound
	}
	row := domain.UserRow{User: u}
	if u.OPDID != nil {
		if o, err := s.names.opd(c.Request().Context(), *u.OPDID); err == nil {
			row.OPDName = o.Name
		}
	}
	return row, nil
}

func (s *Server) userPage(c echo.Context) error {
	u, err := s.regionUser(c)
	if err != nil {
		return err
	}
	v := userPageView{User: u, Self: u.ID == currentUser(c).ID}
	if c.QueryParam("sandi") == "baru" {
		once := s.takeOneTimePassword(c, u.ID)
		v.Password, v.First = once.Password, once.First
		if v.Password == "" {
			v.Notice = "Kata sandi hanya ditampilkan sekali dan tidak dapat ditampilkan lagi. Bila belum tercatat, buat kata sandi baru."
		}
	}
	if c.QueryParam("pesan") == "diubah" {
		v.Notice = "Data akun disimpan dan dicatat di log audit."
	}
	switch c.QueryParam("status") {
	case "aktif":
		v.Notice = "Akun diaktifkan kembali."
	case "nonaktif":
		v.Notice = "Akun dinonaktifkan; semua sesinya diakhiri."
	}
	return s.renderUserPage(c, http.StatusOK, &v)
}

// oneTimeCookie carries a first or reset password from the POST to the
// account's page, which shows it once (see putOnce).
const oneTimeCookie = "bimtek_sandi_sekali"

type oneTimePassword struct {
	UserID   int64
	Password string
	// First marks the first password of an account just created.
	First bool
}

func userPath(id int64) string { return fmt.Sprintf("/admin/pengguna/%d", id) }

// takeOneTimePassword returns the password just made for this account by
// this admin, and deletes it; "" when there is none (any more).
func (s *Server) takeOneTimePassword(c echo.Context, userID int64) oneTimePassword {
	var v oneTimePassword
	if !s.takeOnce(c, oneTimeCookie, userPath(userID), &v) || v.UserID != userID {
		return oneTimePassword{}
	}
	return v
}

func (s *Server) resetPassword(c echo.Context) error {
	u, err := s.regionUser(c)
	if err != nil {
		return err
	}
	admin := currentUser(c)
	if c.FormValue("yakin") != "1" {
		return s.renderUserPage(c, http.StatusUnprocessableEntity, &userPageView{User: u, Self: u.ID == admin.ID, ConfirmErr: true,
			Problem: "Kata sandi tidak diubah. Centang “Saya yakin akan membuat kata sandi baru” lalu tekan tombolnya lagi: kata sandi lama dan semua sesi akun ini akan berakhir."})
	}
	pw := auth.GeneratePassword()
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	if err := s.db.SetPassword(c.Request().Context(), &admin.ID, u.ID, hash); err != nil {
		return err
	}
	if err := s.putOnce(c, oneTimeCookie, userPath(u.ID), oneTimePassword{UserID: u.ID, Password: pw}); err != nil {
		return err
	}
	if u.ID == admin.ID {
		// SetPassword ended every session of the account, this one too.
		sess := session(c)
		sess.ID = ""
		auth.SetUserID(sess, admin.ID)
		if err := sess.Save(c.Request(), c.Response()); err != nil {
			return err
		}
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/pengguna/%d?sandi=baru", u.ID))
}

func (s *Server) setUserActive(c echo.Context) error {
	u, err := s.regionUser(c)
	if err != nil {
		return err
	}
	admin := currentUser(c)
	active := c.FormValue("aktif") == "ya"
	if u.ID == admin.ID && !active {
		return s.renderUserPage(c, http.StatusUnprocessableEntity, &userPageView{User: u, Self: true,
			Problem: "Anda tidak dapat menonaktifkan akun Anda sendiri; minta admin lain melakukannya."})
	}
	err = s.db.SetActive(c.Request().Context(), admin.ID, u.ID, active)
	if domain.ErrorCode(err) == domain.CodeConflict {
		var de *domain.Error
		errors.As(err, &de)
		return s.renderUserPage(c, http.StatusConflict, &userPageView{User: u, Problem: sentence(errText(c, de))})
	}
	if err != nil {
		return err
	}
	state := "aktif"
	if !active {
		state = "nonaktif"
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/pengguna/%d?status=%s", u.ID, state))
}
