package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/domain"
)

// The compliance reads work on opd_stats (migration 00007): one row per OPD
// with its account and designated-admin counts and cert_until, the latest end
// of a valid certificate among its designated admins, all kept by triggers.
// The status at a moment is then a comparison on one row, so the region
// dashboard never joins users and certificates across the region, and a
// certificate that expires changes the status at that very moment.

// statusSQL is compliance.Evaluate in SQL, for one "now" argument. An OPD
// without designated admins has no cert_until, so "no account and no admin"
// is Belum. TestComplianceSQLMatchesTheRule holds the two together.
const statusSQL = `CASE WHEN s.accounts > 0 AND s.designated_admins > 0 AND s.cert_until > ? THEN 'memenuhi'
	WHEN s.accounts = 0 AND s.designated_admins = 0 THEN 'belum' ELSE 'sebagian' END`

// rankSQL orders by status, worst first, for one "now" argument.
const rankSQL = `CASE WHEN s.accounts > 0 AND s.designated_admins > 0 AND s.cert_until > ? THEN 2
	WHEN s.accounts = 0 AND s.designated_admins = 0 THEN 0 ELSE 1 END`

// certifiedSQL counts, per OPD, the designated admins holding a valid
// certificate at now and those whose latest one ends by the warning horizon.
// Arguments: horizon, then the filter's and now's (see certifiedFrom).
const certifiedSQL = `SELECT x.opd_id, COUNT(*) AS certified, SUM(CASE WHEN x.best <= ? THEN 1 ELSE 0 END) AS expiring
	FROM (SELECT u.opd_id, u.id, MAX(c.valid_until) AS best
	      FROM users u JOIN certificates c ON c.user_id = u.id
	      WHERE %s AND u.role = 'peserta' AND u.is_designated_admin AND u.active
	        AND c.revoked_at IS NULL AND c.valid_until > ?
	      GROUP BY u.opd_id, u.id) x
	GROUP BY x.opd_id`

// ComplianceRow is an OPD with its compliance facts at a moment.
type ComplianceRow struct {
	ID               int64             `db:"id"`
	Name             string            `db:"name"`
	ShortName        string            `db:"short_name"`
	Kind             string            `db:"kind"`
	Accounts         int               `db:"accounts"`
	DesignatedAdmins int               `db:"designated_admins"`
	CertUntil        *time.Time        `db:"cert_until"`
	LastActivityAt   *time.Time        `db:"last_activity_at"`
	Status           compliance.Status `db:"status"`
	CertifiedAdmins  int               `db:"certified"`
	Expiring         int               `db:"expiring"`
}

// Result is the row's status with its reasons, by the pure rule.
func (r ComplianceRow) Result() compliance.Result {
	return compliance.Evaluate(compliance.Counts{Accounts: r.Accounts, DesignatedAdmins: r.DesignatedAdmins, CertifiedAdmins: r.CertifiedAdmins})
}

// ExportRow is the row as the exports and the API write it.
func (r ComplianceRow) ExportRow() compliance.Row {
	res := r.Result()
	return compliance.Row{ID: r.ID, Name: r.Name, ShortName: r.ShortName, Kind: r.Kind, KindLabel: domain.OPDKindLabel(r.Kind),
		Status: res.Status, Reasons: res.Reasons, Accounts: r.Accounts, DesignatedAdmins: r.DesignatedAdmins,
		CertifiedAdmins: r.CertifiedAdmins, Expiring: r.Expiring, LastActivity: r.LastActivityAt}
}

// The sort keys the region table accepts (URL values), each a fixed SQL order.
// Ties are broken by name and id, so pages never overlap.
var complianceSorts = map[string]struct{ expr string }{
	"nama":       {"o.name"},
	"jenis":      {"s.kind"},
	"status":     {rankSQL},
	"akun":       {"s.accounts"},
	"admin":      {"s.designated_admins"},
	"sertifikat": {"COALESCE(cc.certified, 0)"},
	"aktivitas":  {"s.last_activity_at"},
}

// ComplianceSortKeys lists the accepted sort keys.
var ComplianceSortKeys = []string{"nama", "jenis", "status", "akun", "admin", "sertifikat", "aktivitas"}

// DefaultComplianceSort shows the OPDs that need attention first.
const DefaultComplianceSort = "status"

// ComplianceFilter selects and orders the region table.
type ComplianceFilter struct {
	RegionID int64
	// Status and Kind filter when not empty.
	Status compliance.Status
	Kind   string
	// Sort is one of ComplianceSortKeys (empty: DefaultComplianceSort); Desc reverses it.
	Sort string
	Desc bool
	// OPDID limits the table to one OPD (the OPD page and the API).
	OPDID int64
}

// Validate checks the filter's values, with a message a person can act on.
func (f ComplianceFilter) Validate() error {
	if f.Status != "" && !f.Status.Valid() {
		return domain.Errorf(domain.CodeInvalid, "status %q tidak dikenal; pilih memenuhi, sebagian, atau belum", f.Status)
	}
	if f.Kind != "" && !validOPDKind(f.Kind) {
		return domain.Errorf(domain.CodeInvalid, "jenis OPD %q tidak dikenal", f.Kind)
	}
	if _, ok := complianceSorts[f.sortKey()]; !ok {
		return domain.Errorf(domain.CodeInvalid, "urutan %q tidak dikenal; pilih salah satu dari %s", f.Sort, strings.Join(ComplianceSortKeys, ", "))
	}
	return nil
}

func (f ComplianceFilter) sortKey() string {
	if f.Sort == "" {
		return DefaultComplianceSort
	}
	return f.Sort
}

// tableQuery builds the region table's query for the filter at now. withCounts
// joins the certified and expiring counts for every row (the exports, and the
// sort by certified admins); otherwise they are filled per page afterwards.
func (db *DB) tableQuery(f ComplianceFilter, now time.Time, withCounts bool) (string, []any, error) {
	if err := f.Validate(); err != nil {
		return "", nil, err
	}
	key := f.sortKey()
	withCounts = withCounts || key == "sertifikat"
	now = now.UTC()
	var b strings.Builder
	var args []any
	b.WriteString(`SELECT o.id, o.name, o.short_name, s.kind, s.accounts, s.designated_admins, s.cert_until, s.last_activity_at, `)
	b.WriteString(statusSQL)
	args = append(args, now)
	if withCounts {
		b.WriteString(` AS status, COALESCE(cc.certified, 0) AS certified, COALESCE(cc.expiring, 0) AS expiring
		FROM opd_stats s JOIN opds o ON o.id = s.opd_id LEFT JOIN (`)
		b.WriteString(fmt.Sprintf(certifiedSQL, "u.region_id = ?"))
		args = append(args, now.Add(compliance.ExpiryWarning), f.RegionID, now)
		b.WriteString(`) cc ON cc.opd_id = s.opd_id`)
	} else {
		b.WriteString(` AS status, 0 AS certified, 0 AS expiring FROM opd_stats s JOIN opds o ON o.id = s.opd_id`)
	}
	b.WriteString(` WHERE s.region_id = ?`)
	args = append(args, f.RegionID)
	if f.OPDID != 0 {
		b.WriteString(` AND s.opd_id = ?`)
		args = append(args, f.OPDID)
	}
	if f.Kind != "" {
		b.WriteString(` AND s.kind = ?`)
		args = append(args, f.Kind)
	}
	if f.Status != "" {
		b.WriteString(` AND (` + statusSQL + `) = ?`)
		args = append(args, now, string(f.Status))
	}
	dir := " ASC"
	if f.Desc {
		dir = " DESC"
	}
	b.WriteString(` ORDER BY `)
	if key == "aktivitas" {
		// OPDs without any activity last in both directions.
		b.WriteString(`(s.last_activity_at IS NULL), `)
	}
	b.WriteString(complianceSorts[key].expr + dir)
	if strings.Contains(complianceSorts[key].expr, "?") {
		args = append(args, now)
	}
	b.WriteString(`, o.name, o.id`)
	return b.String(), args, nil
}

// CompliancePage returns one page of the region table at now.
func (db *DB) CompliancePage(ctx context.Context, f ComplianceFilter, now time.Time, limit, offset int) ([]ComplianceRow, error) {
	query, args, err := db.tableQuery(f, now, false)
	if err != nil {
		return nil, err
	}
	var rows []ComplianceRow
	if err := db.r.SelectContext(ctx, &rows, db.q(query+` LIMIT ? OFFSET ?`), append(args, limit, offset)...); err != nil {
		return nil, fmt.Errorf("membaca tabel kepatuhan: %w", err)
	}
	if f.sortKey() != "sertifikat" {
		if err := db.fillCertified(ctx, rows, now); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// fillCertified adds the certified and expiring counts to a page of rows.
func (db *DB) fillCertified(ctx context.Context, rows []ComplianceRow, now time.Time) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	now = now.UTC()
	query, args, err := sqlx.In(fmt.Sprintf(certifiedSQL, "u.opd_id IN (?)"), now.Add(compliance.ExpiryWarning), ids, now)
	if err != nil {
		return fmt.Errorf("menyiapkan hitungan sertifikat: %w", err)
	}
	var counts []struct {
		OPDID     int64 `db:"opd_id"`
		Certified int   `db:"certified"`
		Expiring  int   `db:"expiring"`
	}
	if err := db.r.SelectContext(ctx, &counts, db.q(query), args...); err != nil {
		return fmt.Errorf("menghitung admin bersertifikat: %w", err)
	}
	by := make(map[int64]int, len(counts))
	for i, c := range counts {
		by[c.OPDID] = i
	}
	for i := range rows {
		if j, ok := by[rows[i].ID]; ok {
			rows[i].CertifiedAdmins, rows[i].Expiring = counts[j].Certified, counts[j].Expiring
		}
	}
	return nil
}

// EachComplianceRow streams the whole region table for the filter at now,
// calling fn once per row as rows arrive from the database: an export of
// every OPD never holds more than one row in memory. An error from fn stops
// the stream and is returned.
func (db *DB) EachComplianceRow(ctx context.Context, f ComplianceFilter, now time.Time, fn func(ComplianceRow) error) error {
	query, args, err := db.tableQuery(f, now, true)
	if err != nil {
		return err
	}
	rows, err := db.r.QueryxContext(ctx, db.q(query), args...)
	if err != nil {
		return fmt.Errorf("membaca tabel kepatuhan: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r ComplianceRow
		if err := rows.StructScan(&r); err != nil {
			return fmt.Errorf("membaca baris kepatuhan: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("membaca tabel kepatuhan: %w", err)
	}
	return nil
}

// OPDCompliance returns one OPD's row at now; ErrNotFound outside the region.
func (db *DB) OPDCompliance(ctx context.Context, regionID, opdID int64, now time.Time) (ComplianceRow, error) {
	rows, err := db.CompliancePage(ctx, ComplianceFilter{RegionID: regionID, OPDID: opdID}, now, 1, 0)
	if err != nil {
		return ComplianceRow{}, err
	}
	if len(rows) == 0 {
		return ComplianceRow{}, errNotFound
	}
	return rows[0], nil
}

// StatusTally counts a region's OPDs per kind and status at a moment.
type StatusTally struct {
	// Cells maps kind → status → number of OPDs.
	Cells map[string]map[compliance.Status]int
}

// Count sums the cells matching a status and a kind ("" matches all).
func (t StatusTally) Count(status compliance.Status, kind string) int {
	n := 0
	for k, byStatus := range t.Cells {
		if kind != "" && k != kind {
			continue
		}
		for s, c := range byStatus {
			if status == "" || s == status {
				n += c
			}
		}
	}
	return n
}

// ComplianceTally counts the region's OPDs per kind and status at now, in one
// pass over opd_stats; the dashboard's counts, its chart and the table's
// total for any filter all come from it.
func (db *DB) ComplianceTally(ctx context.Context, regionID int64, now time.Time) (StatusTally, error) {
	var cells []struct {
		Kind   string            `db:"kind"`
		Status compliance.Status `db:"status"`
		N      int               `db:"n"`
	}
	err := db.r.SelectContext(ctx, &cells, db.q(`SELECT s.kind, `+statusSQL+` AS status, COUNT(*) AS n
		FROM opd_stats s WHERE s.region_id = ? GROUP BY s.kind, 2`), now.UTC(), regionID)
	if err != nil {
		return StatusTally{}, fmt.Errorf("menghitung status kepatuhan: %w", err)
	}
	t := StatusTally{Cells: map[string]map[compliance.Status]int{}}
	for _, c := range cells {
		if t.Cells[c.Kind] == nil {
			t.Cells[c.Kind] = map[compliance.Status]int{}
		}
		t.Cells[c.Kind][c.Status] += c.N
	}
	return t, nil
}

// ExpiringAdmins counts the region's designated admins whose certificate is
// valid at now but whose latest one ends within compliance.ExpiryWarning. It
// reads only the certificates ending inside that window (an index range).
func (db *DB) ExpiringAdmins(ctx context.Context, regionID int64, now time.Time) (int, error) {
	now = now.UTC()
	horizon := now.Add(compliance.ExpiryWarning)
	var n int
	err := db.r.GetContext(ctx, &n, db.q(`SELECT COUNT(DISTINCT c.user_id) FROM certificates c JOIN users u ON u.id = c.user_id
		WHERE c.region_id = ? AND c.valid_until > ? AND c.valid_until <= ? AND c.revoked_at IS NULL
		  AND u.role = 'peserta' AND u.is_designated_admin AND u.active
		  AND NOT EXISTS (SELECT 1 FROM certificates later WHERE later.user_id = c.user_id
		                  AND later.revoked_at IS NULL AND later.valid_until > ?)`), regionID, now, horizon, horizon)
	if err != nil {
		return 0, fmt.Errorf("menghitung sertifikat yang akan berakhir: %w", err)
	}
	return n, nil
}

// CertifiedAtMonthEnds counts, for each moment in ends (month ends, oldest
// first), the region's designated admins (as designated now) who held a
// certificate that was issued, not yet expired and not revoked at that moment.
func (db *DB) CertifiedAtMonthEnds(ctx context.Context, regionID int64, ends []time.Time) ([]int, error) {
	if len(ends) == 0 {
		return nil, nil
	}
	// One pass over the certificates that overlap the period; per admin, a
	// 0/1 flag per month (an admin with two overlapping certificates counts
	// once), summed per month.
	var flags, sums []string
	var args []any
	for i, e := range ends {
		e = e.UTC()
		flags = append(flags, fmt.Sprintf(`MAX(CASE WHEN c.issued_at <= ? AND c.valid_until > ? AND (c.revoked_at IS NULL OR c.revoked_at > ?) THEN 1 ELSE 0 END) AS m%d`, i))
		sums = append(sums, fmt.Sprintf(`COALESCE(SUM(m%d), 0) AS m%d`, i, i))
		args = append(args, e, e, e)
	}
	args = append(args, regionID, ends[0].UTC(), ends[len(ends)-1].UTC())
	query := `SELECT ` + strings.Join(sums, ", ") + ` FROM (SELECT c.user_id, ` + strings.Join(flags, ", ") + `
		FROM certificates c JOIN users u ON u.id = c.user_id
		WHERE c.region_id = ? AND c.valid_until > ? AND c.issued_at <= ?
		  AND u.role = 'peserta' AND u.is_designated_admin AND u.active
		GROUP BY c.user_id) per_admin`
	rows, err := db.r.QueryContext(ctx, db.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("menghitung admin bersertifikat per bulan: %w", err)
	}
	defer rows.Close()
	out := make([]int, len(ends))
	ptrs := make([]any, len(ends))
	for i := range out {
		ptrs[i] = &out[i]
	}
	if rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("membaca admin bersertifikat per bulan: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("membaca admin bersertifikat per bulan: %w", err)
	}
	return out, nil
}

// RefreshOPDStats recounts every OPD of a region from scratch. The triggers
// keep opd_stats right on every change; this is for bulk loads that bypass
// them and for repair. It returns the number of OPDs recounted.
func (db *DB) RefreshOPDStats(ctx context.Context, regionID int64) (int64, error) {
	var n int64
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, db.q(`INSERT INTO opd_stats (opd_id, region_id, kind)
			SELECT o.id, o.region_id, o.kind FROM opds o
			WHERE o.region_id = ? AND NOT EXISTS (SELECT 1 FROM opd_stats s WHERE s.opd_id = o.id)`), regionID); err != nil {
			return fmt.Errorf("menambah baris statistik OPD: %w", err)
		}
		res, err := tx.ExecContext(ctx, db.q(refreshStatsSQL+` WHERE opd_stats.region_id = ?`), regionID)
		if err != nil {
			return fmt.Errorf("menghitung ulang statistik OPD: %w", err)
		}
		n, _ = res.RowsAffected()
		return nil
	})
	return n, err
}

// refreshStatsSQL recomputes every column of opd_stats, as migration 00007 does.
const refreshStatsSQL = `UPDATE opd_stats SET
	kind = (SELECT o.kind FROM opds o WHERE o.id = opd_stats.opd_id),
	accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
	designated_admins = (SELECT COUNT(*) FROM users u
		WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
	cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
		WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL),
	last_activity_at = (SELECT MAX(t) FROM (
		SELECT MAX(p.updated_at) AS t FROM progress p JOIN enrollments e ON e.id = p.enrollment_id JOIN users u ON u.id = e.user_id WHERE u.opd_id = opd_stats.opd_id
		UNION ALL
		SELECT MAX(q.created_at) FROM quiz_attempts q JOIN enrollments e ON e.id = q.enrollment_id JOIN users u ON u.id = e.user_id WHERE u.opd_id = opd_stats.opd_id
		UNION ALL
		SELECT MAX(v.created_at) FROM submission_versions v JOIN submissions s ON s.id = v.submission_id JOIN users u ON u.id = s.user_id WHERE u.opd_id = opd_stats.opd_id
	) AS activity)`
