package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

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
	tally, admins, err := s.db.ComplianceCounts(ctx, u.RegionID, now)
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

// dateTimeIn writes a moment in a region's zone: "Kamis, 16 April 2026 pukul 09.00 WITA".
func dateTimeIn(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	return fmt.Sprintf("%s pukul %02d.%02d %s", longDate(t), t.Hour(), t.Minute(), t.Format("MST"))
}

// shortDateIn writes the date of a moment in a region's zone: "16 April 2026".
func shortDateIn(t time.Time, loc *time.Location) string { return shortDate(t.In(loc)) }

// Charts are drawn on the server as SVG with a title, a description and a
// table beside them carrying the same numbers, so they work without script
// and for screen readers.

// Geometry of the kind chart (SVG user units; the viewBox scales it).
const (
	kindLabelW = 118
	kindBarW   = 300
	kindRowH   = 26
	kindBarH   = 16
)

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
