package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// The OPD registry: admins add OPDs, keep their official accounts and
// designate which trainees are their social-media admins.

// traineesShown is how many trainees the OPD page lists (the field limits
// are domain.TextOPDName and domain.TextOPDShortName).
const traineesShown = 50

// opdForm keeps what the admin typed into the OPD form.
type opdForm struct {
	Form
	Name, ShortName, Kind string
}

// accountForm keeps what the admin typed into the account form.
type accountForm struct {
	Form
	Platform, Handle, URL string
}

type opdListView struct {
	Rows  []complianceRowView
	Page  Page
	Form  opdForm
	Kinds []filterOption
}

// kindOptions lists the OPD kinds for a select, with one chosen.
func kindOptions(chosen string) []filterOption {
	out := []filterOption{{"", "— Pilih jenis OPD —", chosen == ""}}
	for _, k := range domain.OPDKinds {
		out = append(out, filterOption{k.Kind, k.Label, k.Kind == chosen})
	}
	return out
}

// opdFlash is what a successful change says on the page it returns to.
var opdFlash = map[string]string{
	"dibuat":        "OPD berhasil ditambahkan. Lengkapi akun resmi dan admin media sosialnya di bawah.",
	"disimpan":      "Data OPD berhasil disimpan.",
	"akun-ditambah": "Akun resmi berhasil ditambahkan.",
	"akun-dihapus":  "Akun resmi berhasil dihapus.",
	"ditunjuk":      "Admin media sosial berhasil ditunjuk.",
	"dilepas":       "Penunjukan admin media sosial berhasil dibatalkan.",
}

func (s *Server) opdList(c echo.Context) error {
	if msg, ok := opdFlash[c.QueryParam("pesan")]; ok {
		c.Set(ctxFlash, msg)
	}
	return s.renderOPDList(c, http.StatusOK, opdForm{})
}

func (s *Server) renderOPDList(c echo.Context, status int, form opdForm) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	now := s.cfg.Now()
	total, err := s.db.CountOPDs(ctx, u.RegionID)
	if err != nil {
		return err
	}
	v := opdListView{Page: repage(newPage(c, compliancePageSize, total), "/admin/opd"), Form: form, Kinds: kindOptions(form.Kind)}
	rows, err := s.db.CompliancePage(ctx, store.ComplianceFilter{RegionID: u.RegionID, Sort: "nama"}, now, v.Page.Size, v.Page.Offset())
	if err != nil {
		return err
	}
	region, err := s.names.region(ctx, u.RegionID)
	if err != nil {
		return err
	}
	v.Rows = complianceRowViews(langOf(c), rows, compliance.Zone(region.Timezone))
	return s.render(c, status, "admin_opds", v)
}

// readOPDForm reads and checks the OPD form.
func readOPDForm(c echo.Context) opdForm {
	f := opdForm{Kind: c.FormValue("jenis")}
	f.Name = strings.Join(strings.Fields(textField(c, &f.Form, "nama", domain.TextOPDName, c.FormValue("nama"))), " ")
	f.ShortName = textField(c, &f.Form, "singkatan", domain.TextOPDShortName, c.FormValue("singkatan"))
	switch {
	case f.Kind == "":
		f.Add("jenis", "Pilih jenis OPD.")
	case !kindKnown(f.Kind):
		f.Add("jenis", tf(c, "Jenis OPD {{.Value}} tidak dikenal; pilih dari daftar.", map[string]any{"Value": quoteInput(f.Kind)}))
	}
	return f
}

func (s *Server) createOPD(c echo.Context) error {
	u := currentUser(c)
	f := readOPDForm(c)
	if len(f.Errors) > 0 {
		return s.renderOPDList(c, http.StatusUnprocessableEntity, f)
	}
	o, err := s.db.CreateOPD(c.Request().Context(), u.ID, u.RegionID, domain.OPDInput{Name: f.Name, ShortName: f.ShortName, Kind: f.Kind})
	if domain.ErrorCode(err) == domain.CodeConflict {
		f.Add("nama", tf(c, "OPD bernama {{.Name}} sudah terdaftar di wilayah Anda; gunakan nama lain atau buka OPD itu dari daftar.", map[string]any{"Name": f.Name}))
		return s.renderOPDList(c, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/opd/%d?pesan=dibuat", o.ID))
}

// traineeRow is a trainee of the OPD with the button that changes their designation.
type traineeRow struct {
	domain.User
	ActionURL string
}

type opdAdminView struct {
	OPD      domain.OPD
	Row      complianceRowView
	Form     opdForm
	Kinds    []filterOption
	Accounts []accountView
	Account  accountForm
	// Platforms are the account form's choices.
	Platforms []filterOption
	Trainees  []traineeRow
	Page      Page
	// Problem explains a refused action above the lists.
	Problem string
}

// regionOPDParam reads :id as an OPD of the admin's region; anything else is 404.
func (s *Server) regionOPDParam(c echo.Context) (domain.OPD, error) {
	return s.opdFor(c, access.CanManageOPD)
}

func (s *Server) opdAdminPage(c echo.Context) error {
	o, err := s.regionOPDParam(c)
	if err != nil {
		return err
	}
	if msg, ok := opdFlash[c.QueryParam("pesan")]; ok {
		c.Set(ctxFlash, msg)
	}
	return s.renderOPDAdmin(c, http.StatusOK, o, opdAdminView{})
}

// renderOPDAdmin fills the page around v's forms (empty forms get the OPD's values).
func (s *Server) renderOPDAdmin(c echo.Context, status int, o domain.OPD, v opdAdminView) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	now := s.cfg.Now()
	v.OPD = o
	if v.Form.Name == "" && len(v.Form.Errors) == 0 {
		v.Form = opdForm{Name: o.Name, ShortName: o.ShortName, Kind: o.Kind}
	}
	v.Kinds = kindOptions(v.Form.Kind)
	v.Platforms = []filterOption{{"", "— Pilih platform —", v.Account.Platform == ""}}
	for _, p := range compliance.Platforms {
		v.Platforms = append(v.Platforms, filterOption{p.ID, p.Label, p.ID == v.Account.Platform})
	}
	row, err := s.db.OPDCompliance(ctx, u.RegionID, o.ID, now)
	if err != nil {
		return err
	}
	region, err := s.names.region(ctx, u.RegionID)
	if err != nil {
		return err
	}
	v.Row = complianceRowViews(langOf(c), []store.ComplianceRow{row}, compliance.Zone(region.Timezone))[0]
	accounts, err := s.db.SocialAccounts(ctx, o.ID)
	if err != nil {
		return err
	}
	for _, a := range accounts {
		v.Accounts = append(v.Accounts, accountView{SocialAccount: a, PlatformLabel: compliance.PlatformLabel(a.Platform)})
	}
	base := fmt.Sprintf("/admin/opd/%d", o.ID)
	total, err := s.db.CountOPDTrainees(ctx, o.ID)
	if err != nil {
		return err
	}
	v.Page = repage(newPage(c, traineesShown, total), base)
	trainees, err := s.db.OPDTrainees(ctx, o.ID, v.Page.Size, v.Page.Offset())
	if err != nil {
		return err
	}
	for _, t := range trainees {
		v.Trainees = append(v.Trainees, traineeRow{User: t, ActionURL: fmt.Sprintf("%s/admin/%d", base, t.ID)})
	}
	return s.render(c, status, "admin_opd", v)
}

func (s *Server) updateOPD(c echo.Context) error {
	o, err := s.regionOPDParam(c)
	if err != nil {
		return err
	}
	u := currentUser(c)
	f := readOPDForm(c)
	if len(f.Errors) == 0 {
		_, err = s.db.UpdateOPD(c.Request().Context(), u.ID, u.RegionID, o.ID, domain.OPDInput{Name: f.Name, ShortName: f.ShortName, Kind: f.Kind})
		switch {
		case domain.ErrorCode(err) == domain.CodeConflict:
			f.Add("nama", tf(c, "OPD lain bernama {{.Name}} sudah terdaftar di wilayah Anda; gunakan nama lain.", map[string]any{"Name": f.Name}))
		case err != nil:
			return err
		default:
			return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/opd/%d?pesan=disimpan", o.ID))
		}
	}
	return s.renderOPDAdmin(c, http.StatusUnprocessableEntity, o, opdAdminView{Form: f})
}

func (s *Server) addAccount(c echo.Context) error {
	o, err := s.regionOPDParam(c)
	if err != nil {
		return err
	}
	u := currentUser(c)
	var f accountForm
	// Text rules first (valid UTF-8, no control characters, lengths), then the platform's own rules.
	in := compliance.AccountInput{Platform: c.FormValue("platform"),
		Handle: textField(c, &f.Form, "handle", domain.TextAccountHandle, c.FormValue("handle")),
		URL:    textField(c, &f.Form, "url", domain.TextURL, c.FormValue("url"))}
	var clean compliance.AccountInput
	if len(f.Errors) == 0 {
		var problems []compliance.FieldError
		clean, problems = compliance.ValidateAccount(in)
		for _, p := range problems {
			f.Add(p.Field, p.Message)
		}
	}
	// The form shows again what was typed, not the normalised form.
	f.Platform, f.Handle, f.URL = strings.TrimSpace(in.Platform), in.Handle, in.URL
	if len(f.Errors) == 0 {
		_, err = s.db.AddSocialAccount(c.Request().Context(), u.ID, u.RegionID, o.ID, clean)
		switch code := domain.ErrorCode(err); {
		case err == nil:
			return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/opd/%d?pesan=akun-ditambah#akun", o.ID))
		case code == domain.CodeConflict || code == domain.CodeInvalid:
			var de *domain.Error
			errors.As(err, &de)
			f.Add("handle", capitalize(errText(c, de))+".")
		default:
			return err
		}
	}
	return s.renderOPDAdmin(c, http.StatusUnprocessableEntity, o, opdAdminView{Account: f})
}

func (s *Server) removeAccount(c echo.Context) error {
	o, err := s.regionOPDParam(c)
	if err != nil {
		return err
	}
	id, ok := atoi64(c.Param("akun"))
	if !ok {
		return domain.ErrNotFound
	}
	u := currentUser(c)
	_, err = s.db.RemoveSocialAccount(c.Request().Context(), u.ID, u.RegionID, o.ID, id)
	if domain.ErrorCode(err) == domain.CodeConflict {
		return s.renderOPDAdmin(c, http.StatusConflict, o, opdAdminView{Problem: capitalize(err.Error()) + "."})
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/opd/%d?pesan=akun-dihapus#akun", o.ID))
}

// designateAdmin designates a trainee (tunjuk=ya) or withdraws it (tunjuk=tidak).
func (s *Server) designateAdmin(c echo.Context) error {
	o, err := s.regionOPDParam(c)
	if err != nil {
		return err
	}
	userID, ok := atoi64(c.Param("user"))
	if !ok {
		return domain.ErrNotFound
	}
	var designate bool
	switch c.FormValue("tunjuk") {
	case "ya":
		designate = true
	case "tidak":
	default:
		return s.renderOPDAdmin(c, http.StatusUnprocessableEntity, o, opdAdminView{
			Problem: "Permintaan tidak lengkap: pilih “Tunjuk sebagai admin” atau “Batalkan penunjukan” pada daftar peserta."})
	}
	u := currentUser(c)
	_, err = s.db.SetDesignatedAdmin(c.Request().Context(), u.ID, u.RegionID, o.ID, userID, designate)
	switch code := domain.ErrorCode(err); {
	case err == nil:
		msg := "ditunjuk"
		if !designate {
			msg = "dilepas"
		}
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/opd/%d?pesan=%s#admin", o.ID, msg))
	case code == domain.CodeConflict:
		return s.renderOPDAdmin(c, http.StatusConflict, o, opdAdminView{Problem: capitalize(err.Error()) + "."})
	case code == domain.CodeInvalid:
		return s.renderOPDAdmin(c, http.StatusUnprocessableEntity, o, opdAdminView{Problem: capitalize(err.Error()) + "."})
	}
	return err
}
