package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/compliance/export"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
)

// complianceRoutes: the region's compliance dashboard with its exports and
// the OPD registry (admins). The OPD page itself (/opd/:id, admins and the
// OPD's pimpinan) is in the main route table; its handler is here.
func (s *Server) complianceRoutes() []route {
	return []route{
		{http.MethodGet, "/kepatuhan", adminOnly, s.complianceDashboard},
		{http.MethodGet, "/kepatuhan/unduh.csv", adminOnly, s.complianceCSV(export.CommaCSV)},
		{http.MethodGet, "/kepatuhan/unduh-excel.csv", adminOnly, s.complianceCSV(export.ExcelCSV)},
		{http.MethodGet, "/kepatuhan/unduh.xlsx", adminOnly, s.complianceXLSX},
		{http.MethodGet, "/admin/opd", adminOnly, s.opdList},
		{http.MethodPost, "/admin/opd", adminOnly, s.createOPD},
		{http.MethodGet, "/admin/opd/:id", adminOnly, s.opdAdminPage},
		{http.MethodPost, "/admin/opd/:id", adminOnly, s.updateOPD},
		{http.MethodPost, "/admin/opd/:id/akun", adminOnly, s.addAccount},
		{http.MethodPost, "/admin/opd/:id/akun/:akun/hapus", adminOnly, s.removeAccount},
		{http.MethodPost, "/admin/opd/:id/admin/:user", adminOnly, s.designateAdmin},
	}
}

// Bounds of the compliance pages.
const (
	compliancePageSize = 50
	chartMonths        = 12
	// exportFlushRows is how often a CSV download is pushed to the client,
	// so it starts at once and the server buffers little.
	exportFlushRows = 500
	// opdAdminLimit and opdUserLimit bound the people an OPD page lists.
	opdAdminLimit = 100
	opdUserLimit  = 200
	// certsPerAdmin is how many certificates per admin an OPD page shows.
	certsPerAdmin = 3
)

// complianceQuery is the dashboard's filter as read from the URL, with a
// message per value that could not be used.
type complianceQuery struct {
	Filter store.ComplianceFilter
	Form
}

// readComplianceQuery reads status, jenis (kind), urut (sort) and arah
// (naik|turun) from the URL. Unknown values are reported and left out, so
// the page still shows the region.
func readComplianceQuery(c echo.Context, regionID int64) complianceQuery {
	q := complianceQuery{Filter: store.ComplianceFilter{RegionID: regionID}}
	params := c.QueryParams()
	one := func(name string) string {
		vs := params[name]
		if len(vs) > 1 {
			q.Add(name, tf(c, "Saringan {{.Name}} hanya boleh satu nilai; alamat ini memuat {{.N}} nilai.", map[string]any{"Name": name, "N": len(vs)}))
			return ""
		}
		if len(vs) == 0 {
			return ""
		}
		return strings.TrimSpace(vs[0])
	}
	if v := one("status"); v != "" {
		if st, ok := compliance.ParseStatus(v); ok {
			q.Filter.Status = st
		} else {
			q.Add("status", tf(c, "Status {{.Value}} tidak dikenal; pilih Memenuhi, Sebagian, atau Belum.", map[string]any{"Value": quoteInput(v)}))
		}
	}
	if v := one("jenis"); v != "" {
		if kind := strings.ToLower(v); kindKnown(kind) {
			q.Filter.Kind = kind
		} else {
			q.Add("jenis", tf(c, "Jenis OPD {{.Value}} tidak dikenal; pilih dari daftar jenis.", map[string]any{"Value": quoteInput(v)}))
		}
	}
	if v := one("urut"); v != "" {
		if containsString(store.ComplianceSortKeys, v) {
			q.Filter.Sort = v
		} else {
			q.Add("urut", tf(c, "Urutan {{.Value}} tidak dikenal; urutkan menurut {{.Keys}}.", map[string]any{"Value": quoteInput(v), "Keys": strings.Join(store.ComplianceSortKeys, ", ")}))
		}
	}
	switch v := one("arah"); v {
	case "", "naik":
	case "turun":
		q.Filter.Desc = true
	default:
		q.Add("arah", tf(c, "Arah urutan {{.Value}} tidak dikenal; pilih naik atau turun.", map[string]any{"Value": quoteInput(v)}))
	}
	return q
}

func kindKnown(kind string) bool {
	for _, k := range domain.OPDKinds {
		if k.Kind == kind {
			return true
		}
	}
	return false
}

// quoteInput quotes a value from the URL or a form for a message, shortened
// so a huge parameter does not come back whole.
func quoteInput(s string) string {
	const max = 40
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return "“" + s + "”"
}

// values writes the filter as URL parameters (without the page).
func (q complianceQuery) values() url.Values {
	v := url.Values{}
	if q.Filter.Status != "" {
		v.Set("status", string(q.Filter.Status))
	}
	if q.Filter.Kind != "" {
		v.Set("jenis", q.Filter.Kind)
	}
	if q.Filter.Sort != "" {
		v.Set("urut", q.Filter.Sort)
	}
	if q.Filter.Desc {
		v.Set("arah", "turun")
	}
	return v
}

func withQuery(path string, v url.Values) string {
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// statusCount is one status in the dashboard's counts.
type statusCount struct {
	Status compliance.Status
	Label  string
	N      int
	URL    string
}

// complianceRowView is one OPD in the dashboard table.
type complianceRowView struct {
	store.ComplianceRow
	StatusLabel  string
	KindLabel    string
	Reasons      string
	LastActivity string
	URL          string
}

func complianceRowViews(l i18n.Lang, rows []store.ComplianceRow, loc *time.Location) []complianceRowView {
	out := make([]complianceRowView, len(rows))
	for i, r := range rows {
		res := r.Result()
		reasons := make([]string, len(res.Reasons))
		for j, why := range res.Reasons {
			reasons[j] = i18n.T(l, why)
		}
		out[i] = complianceRowView{ComplianceRow: r, StatusLabel: res.Status.Label(), KindLabel: domain.OPDKindLabel(r.Kind),
			Reasons: capitalize(strings.Join(reasons, "; ")), URL: fmt.Sprintf("/opd/%d", r.ID)}
		out[i].Status = res.Status
		if r.LastActivityAt != nil {
			out[i].LastActivity = shortDateIn(*r.LastActivityAt, loc)
		}
	}
	return out
}

// capitalize starts a sentence with a capital letter (the reasons are
// stored in lower case, as they read inside a sentence).
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// sortColumn is a table heading that sorts by its column.
type sortColumn struct {
	Label, URL, AriaSort string
	Num                  bool
}

// tableColumns are the dashboard table's headings with their sort keys.
var tableColumns = []struct {
	label, key string
	num        bool
}{
	{"OPD", "nama", false}, {"Jenis", "jenis", false}, {"Status", "status", false}, {"Akun resmi", "akun", true},
	{"Admin yang ditunjuk", "admin", true}, {"Admin bersertifikat", "sertifikat", true}, {"Aktivitas terakhir", "aktivitas", false},
}

// sortColumns builds the headings: a link to sort by the column, reversing
// the direction when it is the current one; aria-sort tells screen readers.
func sortColumns(q complianceQuery) []sortColumn {
	current := q.Filter.Sort
	if current == "" {
		current = store.DefaultComplianceSort
	}
	out := make([]sortColumn, len(tableColumns))
	for i, col := range tableColumns {
		v := q.values()
		v.Set("urut", col.key)
		v.Del("arah")
		sc := sortColumn{Label: col.label, Num: col.num}
		if col.key == current {
			sc.AriaSort = "ascending"
			if q.Filter.Desc {
				sc.AriaSort = "descending"
			} else {
				v.Set("arah", "turun")
			}
		}
		sc.URL = withQuery("/kepatuhan", v)
		out[i] = sc
	}
	return out
}

// filterOption is one choice of a filter's select.
type filterOption struct {
	Value, Label string
	Selected     bool
}

type complianceView struct {
	Region    domain.Region
	AsOf      string
	Counts    []statusCount
	Total     int
	Certified int
	Expiring  int
	KindChart kindChart
	Months    monthChart
	Query     complianceQuery
	Statuses  []filterOption
	Kinds     []filterOption
	Columns   []sortColumn
	Rows      []complianceRowView
	Page      Page
	Matching  int
	Filtered  bool
	CSVURL    string
	ExcelURL  string // the semicolon CSV for Excel under Indonesian settings
	XLSXURL   string
	ClearURL  string
}

func (s *Server) complianceDashboard(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	now := s.cfg.Now()
	region, err := s.names.region(ctx, u.RegionID)
	if err != nil {
		return err
	}
	loc := compliance.Zone(region.Timezone)
	q := readComplianceQuery(c, u.RegionID)
	tally, err := s.db.ComplianceTally(ctx, u.RegionID, now)
	if err != nil {
		return err
	}
	admins, err := s.db.CertifiedAdmins(ctx, u.RegionID, now)
	if err != nil {
		return err
	}
	v := complianceView{Region: region, AsOf: dateTimeIn(now, loc), Query: q, Total: tally.Count("", ""),
		Certified: admins.Certified, Expiring: admins.Expiring}
	for _, st := range compliance.Statuses {
		link := url.Values{"status": {string(st)}}
		v.Counts = append(v.Counts, statusCount{Status: st, Label: st.Label(), N: tally.Count(st, ""), URL: withQuery("/kepatuhan", link)})
	}
	v.KindChart = newKindChart(langOf(c), tally)
	ends, labels := monthEnds(now, loc, chartMonths)
	counts, err := s.db.CertifiedAtMonthEnds(ctx, u.RegionID, ends, now)
	if err != nil {
		return err
	}
	v.Months = newMonthChart(langOf(c), labels, append(counts, admins.Certified))

	v.Matching = tally.Count(q.Filter.Status, q.Filter.Kind)
	v.Page = newPage(c, compliancePageSize, v.Matching)
	rows, err := s.db.CompliancePage(ctx, q.Filter, now, v.Page.Size, v.Page.Offset())
	if err != nil {
		return err
	}
	v.Rows = complianceRowViews(langOf(c), rows, loc)
	v.Columns = sortColumns(q)
	v.Filtered = q.Filter.Status != "" || q.Filter.Kind != ""
	v.CSVURL = withQuery("/kepatuhan/unduh.csv", q.values())
	v.ExcelURL = withQuery("/kepatuhan/unduh-excel.csv", q.values())
	v.XLSXURL = withQuery("/kepatuhan/unduh.xlsx", q.values())
	v.ClearURL = "/kepatuhan"
	v.Statuses = []filterOption{{"", "Semua status", q.Filter.Status == ""}}
	for _, st := range compliance.Statuses {
		v.Statuses = append(v.Statuses, filterOption{string(st), st.Label(), q.Filter.Status == st})
	}
	v.Kinds = []filterOption{{"", "Semua jenis", q.Filter.Kind == ""}}
	for _, k := range domain.OPDKinds {
		v.Kinds = append(v.Kinds, filterOption{k.Kind, k.Label, q.Filter.Kind == k.Kind})
	}
	status := http.StatusOK
	if len(q.Errors) > 0 {
		status = http.StatusBadRequest
	}
	return s.render(c, status, "compliance", v)
}

// exportFilter reads the export's filter and language; a value that cannot
// be used is a 400 naming it, before any byte of the file is sent.
func (s *Server) exportFilter(c echo.Context) (store.ComplianceFilter, domain.Region, i18n.Lang, error) {
	u := currentUser(c)
	region, err := s.names.region(c.Request().Context(), u.RegionID)
	if err != nil {
		return store.ComplianceFilter{}, region, "", err
	}
	q := readComplianceQuery(c, u.RegionID)
	lang := langOf(c)
	// lang=id|en pins the titles and words of the file, so a script reads
	// the same columns whichever account's language it runs under.
	if vs, ok := c.QueryParams()["lang"]; ok {
		l, valid := i18n.Parse(strings.TrimSpace(vs[0]))
		if !valid || len(vs) > 1 {
			q.Add("lang", tf(c, "Bahasa berkas {{.Value}} tidak dikenal; pilih id atau en.", map[string]any{"Value": quoteInput(strings.Join(vs, ","))}))
		}
		lang = l
	}
	if len(q.Errors) > 0 {
		msgs := make([]string, len(q.Errors))
		for i, e := range q.Errors {
			msgs[i] = e.Message
		}
		return q.Filter, region, lang, domain.Errort(domain.CodeInvalid, "Berkas tidak dibuat. {{.Problems}}", map[string]any{"Problems": strings.Join(msgs, " ")})
	}
	return q.Filter, region, lang, nil
}

// exportName is the download's file name: kepatuhan-opd-SKM-2026-04-16.csv.
func exportName(region domain.Region, now time.Time, ext string) string {
	code := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, region.Code)
	return fmt.Sprintf("kepatuhan-opd-%s-%s.%s", code, now.In(compliance.Zone(region.Timezone)).Format("2006-01-02"), ext)
}

// complianceCSV streams the table with the dashboard's filters as CSV (comma
// or, for Excel under Indonesian settings, semicolon separated), row by
// row from the database to the client: a whole country's OPDs never sit in
// memory. A failure after the first byte aborts the connection, so a cut-off
// file is never mistaken for a complete one.
func (s *Server) complianceCSV(sep rune) echo.HandlerFunc {
	return func(c echo.Context) error { return s.writeComplianceCSV(c, sep) }
}

func (s *Server) writeComplianceCSV(c echo.Context, sep rune) error {
	f, region, lang, err := s.exportFilter(c)
	if err != nil {
		return err
	}
	now := s.cfg.Now()
	res := c.Response()
	res.Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	res.Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, csvName(region, now, sep)))
	res.Header().Set("Cache-Control", "no-store")
	res.WriteHeader(http.StatusOK)
	w, err := export.NewCSV(res, compliance.Zone(region.Timezone), sep, lang)
	if err != nil {
		return s.abortDownload(c, err)
	}
	n := 0
	err = s.db.EachComplianceRow(c.Request().Context(), f, now, func(r store.ComplianceRow) error {
		if err := w.Write(r.ExportRow()); err != nil {
			return err
		}
		if n++; n%exportFlushRows == 0 {
			if err := w.Flush(); err != nil {
				return err
			}
			res.Flush()
		}
		return nil
	})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return s.abortDownload(c, err)
	}
	return nil
}

// csvName tells the two CSV downloads apart: …-excel.csv is the semicolon one.
func csvName(region domain.Region, now time.Time, sep rune) string {
	name := exportName(region, now, "csv")
	if sep == export.ExcelCSV {
		name = strings.TrimSuffix(name, ".csv") + "-excel.csv"
	}
	return name
}

// complianceXLSX writes the same table as an Excel workbook; rows go
// through excelize's StreamWriter, which spills to a temporary file rather
// than holding a large region in memory.
func (s *Server) complianceXLSX(c echo.Context) error {
	f, region, lang, err := s.exportFilter(c)
	if err != nil {
		return err
	}
	now := s.cfg.Now()
	w, err := export.NewXLSX(compliance.Zone(region.Timezone), export.Properties{
		Title: tfl(lang, "Kepatuhan OPD – {{.Region}}", map[string]any{"Region": region.Name}), Creator: currentUser(c).Name, Created: now, Lang: lang})
	if err != nil {
		return err
	}
	err = s.db.EachComplianceRow(c.Request().Context(), f, now, func(r store.ComplianceRow) error { return w.Write(r.ExportRow()) })
	if err != nil {
		w.Abort()
		return err
	}
	res := c.Response()
	res.Header().Set(echo.HeaderContentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	res.Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, exportName(region, now, "xlsx")))
	res.Header().Set("Cache-Control", "no-store")
	res.WriteHeader(http.StatusOK)
	if err := w.Finish(res); err != nil {
		return s.abortDownload(c, err)
	}
	return nil
}

// abortDownload logs a failure in the middle of a download and breaks the
// connection: the status line is gone already, and a file that just ends
// would look complete.
func (s *Server) abortDownload(c echo.Context, err error) error {
	s.log.Error("unduhan terputus", "path", c.Request().URL.Path, "request_id", c.Response().Header().Get(echo.HeaderXRequestID), "err", err)
	panic(http.ErrAbortHandler)
}

// dateTimeIn writes a moment in a region's zone: "Kamis, 16 April 2026 pukul 09.00 WITA".
func dateTimeIn(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	return fmt.Sprintf("%s pukul %02d.%02d %s", longDate(t), t.Hour(), t.Minute(), t.Format("MST"))
}

// shortDateIn writes the date of a moment in a region's zone: "16 April 2026".
func shortDateIn(t time.Time, loc *time.Location) string { return shortDate(t.In(loc)) }

// opdPage shows one OPD. A pimpinan OPD sees only their own: any other id is
// 404, exactly like an id that does not exist. An admin sees the OPDs of their region.
func (s *Server) opdPage(c echo.Context) error {
	o, err := s.opdFor(c, access.CanSeeOPD)
	if err != nil {
		return err
	}
	return s.renderOPD(c, o)
}

// adminView is a designated admin on the OPD page with their certificates and progress.
type adminView struct {
	User         domain.User
	Certificates []heldCertView
	Progress     []learnerLine
	// Best is the newest valid certificate; Expiring says it ends within 60 days.
	Best     *heldCertView
	Expiring bool
}

// learnerLine is one enrollment of an admin with its certificate checklist.
type learnerLine struct {
	domain.LearnerProgress
	Checklist *checklist
	// Certified is a valid certificate of the same course: nothing is asked of
	// the admin then, whatever an older cohort's checklist would say.
	Certified *heldCertView
}

// heldCertView is a certificate with its state written out.
type heldCertView struct {
	domain.HeldCertificate
	State      compliance.CertificateStatus
	StateLabel string
	Until      string
	Soon       bool
	URL        string
}

// accountView is an official account with its platform's name.
type accountView struct {
	domain.SocialAccount
	PlatformLabel string
}

type opdView struct {
	OPD          domain.OPD
	Row          complianceRowView
	Reasons      []string
	AsOf         string
	Accounts     []accountView
	Admins       []adminView
	MoreAdmins   bool
	Users        []domain.User
	MoreUsers    bool
	ExpiringSoon []adminView
	IsAdmin      bool
}

// renderOPD shows an OPD's compliance: status with reasons, official
// accounts, designated admins with their certificates and progress, and the
// OPD's other users. For a pimpinan OPD it is also their Beranda. The
// caller has checked access.CanSeeOPD.
func (s *Server) renderOPD(c echo.Context, o domain.OPD) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	now := s.cfg.Now()
	id := o.ID
	region, err := s.names.region(ctx, u.RegionID)
	if err != nil {
		return err
	}
	loc := compliance.Zone(region.Timezone)
	row, err := s.db.OPDCompliance(ctx, u.RegionID, id, now)
	if err != nil {
		return err
	}
	v := opdView{OPD: o, Row: complianceRowViews(langOf(c), []store.ComplianceRow{row}, loc)[0], Reasons: row.Result().Reasons,
		AsOf: dateTimeIn(now, loc), IsAdmin: u.Role == domain.RoleAdmin}
	accounts, err := s.db.SocialAccounts(ctx, id)
	if err != nil {
		return err
	}
	for _, a := range accounts {
		v.Accounts = append(v.Accounts, accountView{SocialAccount: a, PlatformLabel: compliance.PlatformLabel(a.Platform)})
	}
	admins, err := s.db.OPDAdmins(ctx, id, opdAdminLimit+1)
	if err != nil {
		return err
	}
	if len(admins) > opdAdminLimit {
		admins, v.MoreAdmins = admins[:opdAdminLimit], true
	}
	ids := make([]int64, len(admins))
	for i, a := range admins {
		ids[i] = a.ID
	}
	certs, err := s.db.CertificatesOfUsers(ctx, ids, certsPerAdmin)
	if err != nil {
		return err
	}
	progress, err := s.db.ProgressOfUsers(ctx, ids)
	if err != nil {
		return err
	}
	enrollments := make([]int64, len(progress))
	for i, p := range progress {
		enrollments[i] = p.EnrollmentID
	}
	who := viewerPimpinan
	if v.IsAdmin {
		who = viewerStaff
	}
	checks, err := s.checklistsFor(ctx, langOf(c), enrollments, who)
	if err != nil {
		return err
	}
	for _, a := range admins {
		av := adminView{User: a}
		for _, cert := range certs {
			if cert.UserID != a.ID {
				continue
			}
			st := compliance.CertificateState(cert.ValidUntil, cert.RevokedAt, now)
			cv := heldCertView{HeldCertificate: cert, State: st, StateLabel: st.Label(), Until: shortDateIn(cert.ValidUntil, loc),
				Soon: compliance.ExpiresSoon(cert.ValidUntil, cert.RevokedAt, now)}
			if v.IsAdmin {
				cv.URL = fmt.Sprintf("/admin/sertifikat/%d", cert.ID)
			}
			av.Certificates = append(av.Certificates, cv)
		}
		// Expiring: the admin's best valid certificate ends within the window.
		for i := range av.Certificates {
			if av.Certificates[i].State == compliance.CertValid {
				av.Best = &av.Certificates[i]
				av.Expiring = av.Best.Soon
				break
			}
		}
		for _, p := range progress {
			if p.UserID == a.ID {
				lp := learnerLine{LearnerProgress: p}
				for i := range av.Certificates {
					if c := &av.Certificates[i]; c.CourseID == p.CourseID && c.State == compliance.CertValid {
						lp.Certified = c
						break
					}
				}
				if cl, ok := checks[p.EnrollmentID]; ok && (lp.Certified == nil || cl.Complete) {
					lp.Checklist = &cl
					lp.Certified = nil
				}
				av.Progress = append(av.Progress, lp)
			}
		}
		if av.Expiring {
			v.ExpiringSoon = append(v.ExpiringSoon, av)
		}
		v.Admins = append(v.Admins, av)
	}
	users, err := s.db.UsersOfOPD(ctx, id, opdUserLimit+1)
	if err != nil {
		return err
	}
	if len(users) > opdUserLimit {
		users, v.MoreUsers = users[:opdUserLimit], true
	}
	v.Users = users
	return s.render(c, http.StatusOK, "opd", v)
}

// Charts are drawn on the server as SVG with a title, a description and a
// table beside them carrying the same numbers, so they work without script
// and for screen readers.

// chartSegment is one status's part of a stacked bar.
type chartSegment struct {
	X, W   string
	Y      int
	Class  string
	Title  string
	Status compliance.Status
	N      int
}

// kindBar is one OPD kind's stacked bar.
type kindBar struct {
	Label     string
	Kind      string
	Y, TextY  int
	Segments  []chartSegment
	Total     int
	TotalX    string
	Counts    []int // per compliance.Statuses, for the table
	FilterURL string
}

type kindChart struct {
	Bars                 []kindBar
	Height               int
	LegendY, LegendTextY int
	Desc                 string
}

// Geometry of the kind chart (SVG user units; the viewBox scales it).
const (
	kindLabelW = 118
	kindBarW   = 300
	kindRowH   = 26
	kindBarH   = 16
)

// newKindChart stacks, for each kind of OPD the region has, its OPDs by
// status; bar lengths share one scale, so kinds compare by size too.
func newKindChart(l i18n.Lang, t store.StatusTally) kindChart {
	var ch kindChart
	max := 0
	for _, k := range domain.OPDKinds {
		if n := t.Count("", k.Kind); n > max {
			max = n
		}
	}
	var desc []string
	for _, k := range domain.OPDKinds {
		total := t.Count("", k.Kind)
		if total == 0 {
			continue
		}
		i := len(ch.Bars)
		b := kindBar{Label: k.Label, Kind: k.Kind, Y: i*kindRowH + 4, TextY: i*kindRowH + 17, Total: total,
			FilterURL: withQuery("/kepatuhan", url.Values{"jenis": {k.Kind}})}
		x := float64(kindLabelW)
		var parts []string
		for _, st := range compliance.Statuses {
			n := t.Count(st, k.Kind)
			b.Counts = append(b.Counts, n)
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(i18n.T(l, st.Label()))))
			if n == 0 {
				continue
			}
			w := float64(n) * kindBarW / float64(max)
			b.Segments = append(b.Segments, chartSegment{X: svgNum(x), W: svgNum(w), Y: b.Y, Class: "seg-" + string(st), Status: st, N: n,
				Title: fmt.Sprintf("%s: %d %s", i18n.T(l, k.Label), n, i18n.T(l, st.Label()))})
			x += w
		}
		b.TotalX = svgNum(x + 6)
		desc = append(desc, fmt.Sprintf("%s: %s", i18n.T(l, k.Label), strings.Join(parts, ", ")))
		ch.Bars = append(ch.Bars, b)
	}
	ch.LegendY = len(ch.Bars)*kindRowH + 10
	ch.LegendTextY = ch.LegendY + 11
	ch.Height = ch.LegendY + 20
	if len(desc) == 0 {
		ch.Desc = i18n.T(l, "Belum ada OPD di wilayah ini.")
	} else {
		ch.Desc = i18n.Tf(l, "Jumlah OPD per status untuk setiap jenis OPD. {{.Kinds}}.", map[string]any{"Kinds": strings.Join(desc, ". ")})
	}
	return ch
}

// svgNum writes a coordinate with at most one decimal.
func svgNum(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// monthBar is one month's bar of certified admins.
type monthBar struct {
	Label, Year string
	Full        string // for the table: "April 2025", "Saat ini"
	N           int
	X, Y, H     string
	TextX       string
	ValueY      string
	Now         bool
}

type monthChart struct {
	Bars []monthBar
	Desc string
}

// Geometry of the month chart.
const (
	monthLeft   = 8
	monthStep   = 36
	monthBarW   = 26
	monthBaseY  = 150
	monthMaxH   = 120
	monthLabelY = 166
	monthYearY  = 180
)

// msgNow labels the last bar of the month chart.
const msgNow = "saat ini"

var monthAbbr = []string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}

// monthEnds returns the last moments of the n months before now's month,
// in the region's zone (oldest first), with their labels ("April 2025"),
// and the label of now ("saat ini").
func monthEnds(now time.Time, loc *time.Location, n int) ([]time.Time, []string) {
	local := now.In(loc)
	first := time.Date(local.Year(), local.Month(), 1, 0, 0, 0, 0, loc)
	var ends []time.Time
	var labels []string
	for i := n; i >= 1; i-- {
		start := first.AddDate(0, -i, 0)
		ends = append(ends, start.AddDate(0, 1, 0).Add(-time.Microsecond))
		labels = append(labels, months[start.Month()-1]+" "+strconv.Itoa(start.Year()))
	}
	return ends, append(labels, msgNow)
}

// newMonthChart draws the certified admins at each month end, the last bar
// being now.
func newMonthChart(l i18n.Lang, labels []string, counts []int) monthChart {
	var ch monthChart
	max := 1
	for _, n := range counts {
		if n > max {
			max = n
		}
	}
	var desc []string
	for i, n := range counts {
		h := float64(n) * monthMaxH / float64(max)
		x := monthLeft + i*monthStep
		b := monthBar{N: n, X: strconv.Itoa(x), Y: svgNum(monthBaseY - h), H: svgNum(h), TextX: strconv.Itoa(x + monthBarW/2),
			ValueY: svgNum(monthBaseY - h - 4), Now: i == len(counts)-1}
		if b.Now {
			b.Label, b.Year = i18n.T(l, "Kini"), ""
		} else {
			name, year, _ := strings.Cut(labels[i], " ")
			for m, full := range months {
				if full == name {
					b.Label = monthAbbr[m]
					if l == i18n.EN {
						b.Label = time.Month(m + 1).String()[:3]
					}
				}
			}
			if i == 0 || b.Label == monthAbbr[0] {
				b.Year = year
			}
		}
		label := i18n.DateText(l, i18n.T(l, labels[i]))
		b.Full = capitalize(label)
		desc = append(desc, fmt.Sprintf("%s: %d", label, n))
		ch.Bars = append(ch.Bars, b)
	}
	ch.Desc = i18n.Tf(l, "Jumlah admin yang ditunjuk dan memegang sertifikat berlaku pada akhir setiap bulan dan saat ini. {{.Months}}.", map[string]any{"Months": strings.Join(desc, "; ")})
	return ch
}
