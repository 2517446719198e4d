package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// The OPD compliance API for agency systems: GET /api/v1/opd (the region
// table, paginated and filtered like the dashboard) and GET /api/v1/opd/:id.
// A token sees its region; a logged-in admin their region; a pimpinan OPD
// only their own OPD.

// Page sizes of the API list.
const (
	apiOPDPageSize    = 50
	apiOPDPageSizeMax = 200
)

// apiOPD is an OPD's compliance as the API writes it.
type apiOPD struct {
	ID               int64             `json:"id"`
	Name             string            `json:"name"`
	ShortName        string            `json:"short_name"`
	Kind             string            `json:"kind"`
	KindLabel        string            `json:"kind_label"`
	Status           compliance.Status `json:"status"`
	StatusLabel      string            `json:"status_label"`
	Reasons          []string          `json:"reasons"`
	Accounts         int               `json:"official_accounts"`
	DesignatedAdmins int               `json:"designated_admins"`
	CertifiedAdmins  int               `json:"certified_admins"`
	Expiring         int               `json:"certificates_expiring_60_days"`
	LastActivityAt   *time.Time        `json:"last_activity_at"`
	URL              string            `json:"url"`
}

// apiOPDDetail is one OPD with its official accounts.
type apiOPDDetail struct {
	apiOPD
	SocialAccounts []apiSocialAccount `json:"social_accounts"`
}

type apiSocialAccount struct {
	Platform      string `json:"platform"`
	PlatformLabel string `json:"platform_label"`
	Handle        string `json:"handle"`
	URL           string `json:"url"`
}

func newAPIOPD(r store.ComplianceRow) apiOPD {
	x := r.ExportRow()
	reasons := x.Reasons
	if reasons == nil {
		reasons = []string{}
	}
	return apiOPD{ID: x.ID, Name: x.Name, ShortName: x.ShortName, Kind: x.Kind, KindLabel: x.KindLabel, Status: x.Status,
		StatusLabel: x.Status.Label(), Reasons: reasons, Accounts: x.Accounts, DesignatedAdmins: x.DesignatedAdmins,
		CertifiedAdmins: x.CertifiedAdmins, Expiring: x.Expiring, LastActivityAt: x.LastActivity, URL: "/opd/" + strconv.FormatInt(x.ID, 10)}
}

type apiPageInfo struct {
	Number int `json:"number"`
	Size   int `json:"size"`
	Total  int `json:"total"`
	Pages  int `json:"pages"`
}

type apiOPDList struct {
	AsOf   time.Time         `json:"as_of"`
	Counts map[string]int    `json:"counts"`
	Page   apiPageInfo       `json:"page"`
	Data   []apiOPD          `json:"data"`
	Filter map[string]string `json:"filter"`
}

// apiOPDScope says which OPDs the caller may read: a token its whole region,
// a user what access.ComplianceScope grants.
func apiOPDScope(c echo.Context) (access.Scope, bool) {
	if tok, isTok := c.Get(ctxAPIToken).(*domain.APIToken); isTok && tok != nil {
		return access.RegionScope(tok.RegionID), true
	}
	return access.ComplianceScope(currentUser(c))
}

var (
	errAPIOPDForbidden = domain.Errorf(domain.CodeForbidden, "peran Anda tidak dapat membaca status kepatuhan OPD; gunakan token API wilayah atau akun admin")
	errAPIOPDNotFound  = domain.Errorf(domain.CodeNotFound, "OPD tidak ditemukan")
)

// apiOPDListHandler is GET /api/v1/opd?status=&jenis=&urut=&arah=&halaman=&per_halaman=.
func (s *Server) apiOPDListHandler(c echo.Context) error {
	scope, ok := apiOPDScope(c)
	if !ok {
		return errAPIOPDForbidden
	}
	regionID, onlyOPD := scope.RegionID, scope.OnlyOPD
	q := readComplianceQuery(c, regionID)
	if len(q.Errors) > 0 {
		return domain.Invalid(q.Errors...)
	}
	size := apiOPDPageSize
	if v := c.QueryParam("per_halaman"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > apiOPDPageSizeMax {
			return domain.Invalid(domain.FieldMsg("per_halaman", "per_halaman harus bilangan bulat 1–{{.Max}}; sekarang {{.Value}}", map[string]any{"Max": apiOPDPageSizeMax, "Value": quoteInput(v)}))
		}
		size = n
	}
	number := 1
	if v := c.QueryParam("halaman"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return domain.Invalid(domain.FieldMsg("halaman", "halaman harus bilangan bulat mulai dari 1; sekarang {{.Value}}", map[string]any{"Value": quoteInput(v)}))
		}
		number = n
	}
	ctx := c.Request().Context()
	now := s.cfg.Now()
	q.Filter.OPDID = onlyOPD
	tally, err := s.db.ComplianceTally(ctx, regionID, now)
	if err != nil {
		return err
	}
	out := apiOPDList{AsOf: now.UTC(), Counts: map[string]int{"total": tally.Count("", "")}, Data: []apiOPD{}, Filter: map[string]string{}}
	for _, st := range compliance.Statuses {
		out.Counts[string(st)] = tally.Count(st, "")
	}
	total := tally.Count(q.Filter.Status, q.Filter.Kind)
	if onlyOPD != 0 {
		// A pimpinan OPD's list holds their OPD alone, counts included.
		row, err := s.db.OPDCompliance(ctx, regionID, onlyOPD, now)
		if err != nil {
			return err
		}
		out.Counts = map[string]int{"total": 1, string(compliance.Complies): 0, string(compliance.Partial): 0, string(compliance.NotYet): 0}
		out.Counts[string(row.Result().Status)] = 1
		total = 0
		if (q.Filter.Status == "" || q.Filter.Status == row.Result().Status) && (q.Filter.Kind == "" || q.Filter.Kind == row.Kind) {
			total = 1
		}
	}
	for k, v := range q.values() {
		out.Filter[k] = v[0]
	}
	out.Page = apiPageInfo{Number: number, Size: size, Total: total, Pages: (total + size - 1) / size}
	if (number-1)*size < total {
		rows, err := s.db.CompliancePage(ctx, q.Filter, now, size, (number-1)*size)
		if err != nil {
			return err
		}
		for _, r := range rows {
			out.Data = append(out.Data, newAPIOPD(r))
		}
	}
	return c.JSON(http.StatusOK, out)
}

// apiOPDHandler is GET /api/v1/opd/:id: one OPD's status with its official accounts.
func (s *Server) apiOPDHandler(c echo.Context) error {
	scope, ok := apiOPDScope(c)
	if !ok {
		return errAPIOPDForbidden
	}
	ctx := c.Request().Context()
	id, valid := atoi64(c.Param("id"))
	var o domain.OPD
	var err error
	if valid {
		o, err = s.db.OPD(ctx, id)
	}
	if !valid || domain.ErrorCode(err) == domain.CodeNotFound || (err == nil && !scope.Includes(access.OPD{ID: o.ID, RegionID: o.RegionID})) {
		return errAPIOPDNotFound
	}
	if err != nil {
		return err
	}
	row, err := s.db.OPDCompliance(ctx, scope.RegionID, id, s.cfg.Now())
	if err != nil {
		return err
	}
	out := apiOPDDetail{apiOPD: newAPIOPD(row), SocialAccounts: []apiSocialAccount{}}
	accounts, err := s.db.SocialAccounts(ctx, id)
	if err != nil {
		return err
	}
	for _, a := range accounts {
		out.SocialAccounts = append(out.SocialAccounts, apiSocialAccount{Platform: a.Platform, PlatformLabel: compliance.PlatformLabel(a.Platform), Handle: a.Handle, URL: a.URL})
	}
	return c.JSON(http.StatusOK, out)
}
