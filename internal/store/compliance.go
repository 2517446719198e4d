package store

import (
	"context"
	"errors"
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
// is Belum. The pages read the status kept on each row (freshenStatus);
// statusSQL is the recount the tests hold it against
// (TestComplianceSQLMatchesTheRule, TestConcurrentStatusChangesKeepTheTally).
const statusSQL = `CASE WHEN s.accounts > 0 AND s.designated_admins > 0 AND s.cert_until > ? THEN 'memenuhi'
	WHEN s.accounts = 0 AND s.designated_admins = 0 THEN 'belum' ELSE 'sebagian' END`

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
	"nama":       {"s.name"},
	"jenis":      {"s.kind"},
	"status":     {"s.status_rank"},
	"akun":       {"s.accounts"},
	"admin":      {"s.designated_admins"},
	"sertifikat": {"s.certified"},
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
		return domain.Errort(domain.CodeInvalid, "status “{{.Value}}” tidak dikenal; pilih memenuhi, sebagian, atau belum", map[string]any{"Value": string(f.Status)})
	}
	if f.Kind != "" && !validOPDKind(f.Kind) {
		return domain.Errort(domain.CodeInvalid, "jenis OPD “{{.Value}}” tidak dikenal", map[string]any{"Value": f.Kind})
	}
	if _, ok := complianceSorts[f.sortKey()]; !ok {
		return domain.Errort(domain.CodeInvalid, "urutan “{{.Value}}” tidak dikenal; pilih salah satu dari {{.Keys}}", map[string]any{"Value": f.Sort, "Keys": strings.Join(ComplianceSortKeys, ", ")})
	}
	return nil
}

func (f ComplianceFilter) sortKey() string {
	if f.Sort == "" {
		return DefaultComplianceSort
	}
	return f.Sort
}

// tableQuery builds the region table's query for the filter. It reads the
// status and admin counts kept on each row, so the caller first brings the
// rows to its moment with freshenStatus; with indexes on region, kind,
// status and rank a page of the default order reads that page only.
func (db *DB) tableQuery(f ComplianceFilter) (string, []any, error) {
	if err := f.Validate(); err != nil {
		return "", nil, err
	}
	key := f.sortKey()
	var b strings.Builder
	var args []any
	b.WriteString(`SELECT s.opd_id AS id, s.name, s.short_name, s.kind, s.accounts, s.designated_admins, s.cert_until, s.last_activity_at,
		s.status, s.certified, s.expiring FROM opd_stats s WHERE s.region_id = ?`)
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
		// The rank names the same rows; with it the rank indexes give the
		// default order of one status as it stands.
		b.WriteString(` AND s.status = ? AND s.status_rank = ?`)
		args = append(args, string(f.Status), f.Status.Rank())
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
	b.WriteString(`, s.name, s.opd_id`)
	return b.String(), args, nil
}

// CompliancePage returns one page of the region table at now.
func (db *DB) CompliancePage(ctx context.Context, f ComplianceFilter, now time.Time, limit, offset int) ([]ComplianceRow, error) {
	query, args, err := db.tableQuery(f)
	if err != nil {
		return nil, err
	}
	if err := db.freshenStatus(ctx, f.RegionID, f.OPDID, now); err != nil {
		return nil, err
	}
	var rows []ComplianceRow
	if err := db.r.SelectContext(ctx, &rows, db.q(query+` LIMIT ? OFFSET ?`), append(args, limit, offset)...); err != nil {
		return nil, fmt.Errorf("membaca tabel kepatuhan: %w", err)
	}
	return rows, nil
}

// EachComplianceRow streams the whole region table for the filter at now,
// calling fn once per row as rows arrive from the database: an export of
// every OPD never holds more than one row in memory. An error from fn stops
// the stream and is returned.
func (db *DB) EachComplianceRow(ctx context.Context, f ComplianceFilter, now time.Time, fn func(ComplianceRow) error) error {
	query, args, err := db.tableQuery(f)
	if err != nil {
		return err
	}
	if err := db.freshenStatus(ctx, f.RegionID, f.OPDID, now); err != nil {
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

// ComplianceTally counts the region's OPDs per kind and status at now from
// compliance_tally (a few rows per kind and status, however many OPDs the
// region has); the dashboard's counts, its chart and the table's total for
// any filter all come from it.
func (db *DB) ComplianceTally(ctx context.Context, regionID int64, now time.Time) (StatusTally, error) {
	t, _, err := db.ComplianceCounts(ctx, regionID, now)
	return t, err
}

// ComplianceCounts is ComplianceTally and CertifiedAdmins from one read.
func (db *DB) ComplianceCounts(ctx context.Context, regionID int64, now time.Time) (StatusTally, AdminCounts, error) {
	cells, err := db.tallyCells(ctx, regionID, now)
	if err != nil {
		return StatusTally{}, AdminCounts{}, err
	}
	t := StatusTally{Cells: map[string]map[compliance.Status]int{}}
	var a AdminCounts
	for _, c := range cells {
		a.Certified += c.Certified
		a.Expiring += c.Expiring
		if c.OPDs == 0 {
			continue
		}
		if t.Cells[c.Kind] == nil {
			t.Cells[c.Kind] = map[compliance.Status]int{}
		}
		t.Cells[c.Kind][c.Status] += c.OPDs
	}
	return t, a, nil
}

// AdminCounts are a region's designated admins by certificate at a moment.
type AdminCounts struct {
	// Certified hold a valid certificate; Expiring are those of them whose
	// latest certificate ends within compliance.ExpiryWarning.
	Certified int `db:"certified"`
	Expiring  int `db:"expiring"`
}

// CertifiedAdmins counts the region's designated admins holding a valid
// certificate at now, and those whose certificate ends within the warning
// window, from the same sums as ComplianceTally.
func (db *DB) CertifiedAdmins(ctx context.Context, regionID int64, now time.Time) (AdminCounts, error) {
	_, a, err := db.ComplianceCounts(ctx, regionID, now)
	return a, err
}

// CertifiedAtMonthEnds counts, for each moment in ends (month ends, oldest
// first), the region's designated admins (as designated now) who held a
// certificate that was issued, not yet expired and not revoked at that
// moment. Moments before now are kept in certified_months once counted: a
// past month does not change when certificates are issued or revoked later,
// and the triggers drop the months a backdated change touches. Moments not
// yet past are counted every time.
func (db *DB) CertifiedAtMonthEnds(ctx context.Context, regionID int64, ends []time.Time, now time.Time) ([]int, error) {
	out := make([]int, len(ends))
	if len(ends) == 0 {
		return out, nil
	}
	for i := range ends {
		ends[i] = ends[i].UTC().Truncate(time.Microsecond)
	}
	query, args, err := sqlx.In(`SELECT month_end, admins FROM certified_months WHERE region_id = ? AND month_end IN (?)`, regionID, ends)
	if err != nil {
		return nil, fmt.Errorf("menyiapkan riwayat bulanan: %w", err)
	}
	var cached []struct {
		MonthEnd time.Time `db:"month_end"`
		Admins   int       `db:"admins"`
	}
	if err := db.r.SelectContext(ctx, &cached, db.q(query), args...); err != nil {
		return nil, fmt.Errorf("membaca riwayat bulanan: %w", err)
	}
	have := map[int64]int{}
	for _, c := range cached {
		have[c.MonthEnd.UnixMicro()] = c.Admins
	}
	var missing []time.Time
	var at []int
	for i, e := range ends {
		if n, ok := have[e.UnixMicro()]; ok {
			out[i] = n
			continue
		}
		missing = append(missing, e)
		at = append(at, i)
	}
	if len(missing) == 0 {
		return out, nil
	}
	counts, err := db.countCertifiedAt(ctx, regionID, missing)
	if err != nil {
		return nil, err
	}
	for j, i := range at {
		out[i] = counts[j]
		if !missing[j].Before(now) {
			continue
		}
		// Another view may have stored the same month meanwhile: same value.
		if _, err := db.w.ExecContext(ctx, db.q(`INSERT INTO certified_months (region_id, month_end, admins) VALUES (?, ?, ?)
			ON CONFLICT (region_id, month_end) DO NOTHING`), regionID, missing[j], counts[j]); err != nil {
			return nil, fmt.Errorf("menyimpan riwayat bulanan: %w", err)
		}
	}
	return out, nil
}

// countCertifiedAt is CertifiedAtMonthEnds without the cache: one pass over
// the certificates of the region's designated admins that overlap the
// period; per admin a 0/1 flag per moment (two overlapping certificates count
// once), summed per moment.
func (db *DB) countCertifiedAt(ctx context.Context, regionID int64, ends []time.Time) ([]int, error) {
	var flags, sums []string
	var args []any
	first, last := ends[0], ends[0]
	for i, e := range ends {
		flags = append(flags, fmt.Sprintf(`MAX(CASE WHEN c.issued_at <= ? AND c.valid_until > ? AND (c.revoked_at IS NULL OR c.revoked_at > ?) THEN 1 ELSE 0 END) AS m%d`, i))
		sums = append(sums, fmt.Sprintf(`COALESCE(SUM(m%d), 0) AS m%d`, i, i))
		args = append(args, e, e, e)
		if e.Before(first) {
			first = e
		}
		if e.After(last) {
			last = e
		}
	}
	args = append(args, regionID, first, last)
	query := `SELECT ` + strings.Join(sums, ", ") + ` FROM (SELECT c.user_id, ` + strings.Join(flags, ", ") + `
		FROM certificates c JOIN admin_certs a ON a.user_id = c.user_id
		WHERE a.region_id = ? AND c.valid_until > ? AND c.issued_at <= ?
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

// RefreshOPDStats recounts every OPD of a region from scratch (admin_certs,
// opd_stats and the chart's cached months). The triggers keep them right on
// every change; this is for bulk loads that bypass them and for repair. It
// returns the number of OPDs recounted.
func (db *DB) RefreshOPDStats(ctx context.Context, regionID int64) (int64, error) {
	var n int64
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		n, err = rebuildStats(ctx, db, tx, regionID)
		return err
	})
	return n, err
}

// rebuildStats is RefreshOPDStats inside the caller's transaction, in
// set-based statements (grouped counts joined once, not one lookup per OPD),
// so a bulk load of a whole country recounts in seconds.
func rebuildStats(ctx context.Context, db *DB, tx *sqlx.Tx, regionID int64) (int64, error) {
	// Two recounts of one region take turns: the second's DELETE then sees
	// the rows the first inserted instead of inserting them again.
	if err := lockRow(ctx, db, tx, "regions", regionID); err != nil && !errors.Is(err, errNotFound) {
		return 0, err
	}
	steps := []struct {
		what, query string
		args        []any
	}{
		{"admin bersertifikat", `DELETE FROM admin_certs WHERE region_id = ?`, []any{regionID}},
		{"admin bersertifikat", `INSERT INTO admin_certs (user_id, region_id, opd_id, cert_until)
			SELECT u.id, u.region_id, u.opd_id, b.best FROM users u
			LEFT JOIN (SELECT c.user_id, MAX(c.valid_until) AS best FROM certificates c JOIN users cu ON cu.id = c.user_id
			           WHERE cu.region_id = ? AND c.revoked_at IS NULL GROUP BY c.user_id) b ON b.user_id = u.id
			WHERE u.region_id = ? AND u.opd_id IS NOT NULL AND u.role = 'peserta' AND u.is_designated_admin AND u.active`, []any{regionID, regionID}},
		{"baris statistik OPD", `INSERT INTO opd_stats (opd_id, region_id, name, short_name, kind)
			SELECT o.id, o.region_id, o.name, o.short_name, o.kind FROM opds o
			WHERE o.region_id = ? AND NOT EXISTS (SELECT 1 FROM opd_stats s WHERE s.opd_id = o.id)`, []any{regionID}},
		{"statistik OPD", refreshStatsSQL, []any{regionID, regionID, regionID, regionID, regionID, regionID}},
		{"riwayat bulanan", `DELETE FROM certified_months WHERE region_id = ?`, []any{regionID}},
		// Every row is counted again at the next read, from an empty tally.
		{"status OPD", `UPDATE opd_stats SET status = NULL, status_rank = NULL, certified = 0, expiring = 0, status_from = 0, status_to = 0
			WHERE region_id = ?`, []any{regionID}},
		{"rekap status", `DELETE FROM compliance_tally WHERE region_id = ?`, []any{regionID}},
	}
	var n int64
	for _, st := range steps {
		res, err := tx.ExecContext(ctx, db.q(st.query), st.args...)
		if err != nil {
			return 0, fmt.Errorf("menghitung ulang %s: %w", st.what, err)
		}
		if st.query == refreshStatsSQL {
			n, _ = res.RowsAffected()
		}
	}
	return n, nil
}

// refreshStatsSQL recomputes every column of opd_stats for one region (its
// six "?" are the region id), from admin_certs and grouped counts joined
// once. UPDATE … FROM works on PostgreSQL and SQLite ≥ 3.33.
const refreshStatsSQL = `UPDATE opd_stats SET name = x.name, short_name = x.short_name, kind = x.kind, accounts = x.accounts, designated_admins = x.designated,
	cert_until = x.cert_until, last_activity_at = x.last_activity
FROM (SELECT o.id AS opd_id, o.name, o.short_name, o.kind, COALESCE(a.n, 0) AS accounts, COALESCE(d.n, 0) AS designated,
             d.best AS cert_until, act.t AS last_activity
      FROM opds o
      LEFT JOIN (SELECT acc.opd_id, COUNT(*) AS n FROM social_accounts acc JOIN opds ao ON ao.id = acc.opd_id
                 WHERE ao.region_id = ? AND acc.removed_at IS NULL GROUP BY acc.opd_id) a ON a.opd_id = o.id
      LEFT JOIN (SELECT ac.opd_id, COUNT(*) AS n, MAX(ac.cert_until) AS best FROM admin_certs ac
                 WHERE ac.region_id = ? GROUP BY ac.opd_id) d ON d.opd_id = o.id
      LEFT JOIN (SELECT y.opd_id, MAX(y.t) AS t FROM (
                   SELECT u.opd_id, MAX(p.updated_at) AS t FROM progress p JOIN enrollments e ON e.id = p.enrollment_id
                     JOIN users u ON u.id = e.user_id WHERE u.region_id = ? GROUP BY u.opd_id
                   UNION ALL
                   SELECT u.opd_id, MAX(q.created_at) FROM quiz_attempts q JOIN enrollments e ON e.id = q.enrollment_id
                     JOIN users u ON u.id = e.user_id WHERE u.region_id = ? GROUP BY u.opd_id
                   UNION ALL
                   SELECT u.opd_id, MAX(v.created_at) FROM submission_versions v JOIN submissions sub ON sub.id = v.submission_id
                     JOIN users u ON u.id = sub.user_id WHERE u.region_id = ? GROUP BY u.opd_id
                 ) y GROUP BY y.opd_id) act ON act.opd_id = o.id
      WHERE o.region_id = ?) x
WHERE opd_stats.opd_id = x.opd_id`

// OPDAdmins lists an OPD's designated admins (active trainees), by name.
func (db *DB) OPDAdmins(ctx context.Context, opdID int64, limit int) ([]domain.User, error) {
	var out []domain.User
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT * FROM users
		WHERE opd_id = ? AND role = 'peserta' AND is_designated_admin AND active ORDER BY name, id LIMIT ?`), opdID, limit)
	if err != nil {
		return nil, fmt.Errorf("membaca admin OPD %d: %w", opdID, err)
	}
	return out, nil
}

// CertificatesOfUsers lists the certificates of some users, newest first per
// user, at most perUser each (the history beyond is on the certificate pages).
func (db *DB) CertificatesOfUsers(ctx context.Context, userIDs []int64, perUser int) ([]domain.HeldCertificate, error) {
	if len(userIDs) == 0 {
		return nil, nil
	}
	query, args, err := sqlx.In(`SELECT c.id, c.user_id, c.number, c.course_id, co.title AS course_title, c.issued_at, c.valid_until, c.revoked_at
		FROM certificates c JOIN courses co ON co.id = c.course_id
		WHERE c.user_id IN (?) AND (SELECT COUNT(*) FROM certificates newer
		                           WHERE newer.user_id = c.user_id AND (newer.issued_at > c.issued_at OR (newer.issued_at = c.issued_at AND newer.id > c.id))) < ?
		ORDER BY c.user_id, c.issued_at DESC, c.id DESC`, userIDs, perUser)
	if err != nil {
		return nil, fmt.Errorf("menyiapkan daftar sertifikat: %w", err)
	}
	var out []domain.HeldCertificate
	if err := db.r.SelectContext(ctx, &out, db.q(query), args...); err != nil {
		return nil, fmt.Errorf("membaca sertifikat admin: %w", err)
	}
	return out, nil
}

// ValidCertificatesOfCourse returns, for those of userIDs who hold one, the
// newest certificate of courseID that is valid at now (not revoked, not
// expired), by user.
func (db *DB) ValidCertificatesOfCourse(ctx context.Context, userIDs []int64, courseID string, now time.Time) (map[int64]domain.HeldCertificate, error) {
	out := map[int64]domain.HeldCertificate{}
	if len(userIDs) == 0 {
		return out, nil
	}
	query, args, err := sqlx.In(`SELECT c.id, c.user_id, c.number, c.course_id, co.title AS course_title, c.issued_at, c.valid_until, c.revoked_at
		FROM certificates c JOIN courses co ON co.id = c.course_id
		WHERE c.user_id IN (?) AND c.course_id = ? AND c.revoked_at IS NULL AND c.valid_until > ?
		ORDER BY c.user_id, c.issued_at, c.id`, userIDs, courseID, now)
	if err != nil {
		return nil, fmt.Errorf("menyiapkan sertifikat kursus: %w", err)
	}
	var rows []domain.HeldCertificate
	if err := db.r.SelectContext(ctx, &rows, db.q(query), args...); err != nil {
		return nil, fmt.Errorf("membaca sertifikat kursus: %w", err)
	}
	for _, c := range rows {
		out[c.UserID] = c // the newest comes last
	}
	return out, nil
}

// ProgressOfUsers lists the enrollments of some users (not those they left)
// with their completed items: a lesson done or passed, a quiz or practice
// passed, counted over the course's current items.
func (db *DB) ProgressOfUsers(ctx context.Context, userIDs []int64) ([]domain.LearnerProgress, error) {
	if len(userIDs) == 0 {
		return nil, nil
	}
	query, args, err := sqlx.In(`SELECT e.id AS enrollment_id, e.user_id, e.status, co.name AS cohort_name, co.course_id, c.title AS course_title,
			(SELECT COUNT(*) FROM course_items ci WHERE ci.course_id = co.course_id AND ci.removed_at IS NULL) AS items,
			(SELECT COUNT(*) FROM progress p JOIN course_items ci ON ci.course_id = p.course_id AND ci.item_id = p.item_id
			 WHERE p.enrollment_id = e.id AND ci.removed_at IS NULL
			   AND (p.state = 'lulus' OR (p.state = 'selesai' AND ci.kind = 'lesson'))) AS done
		FROM enrollments e JOIN cohorts co ON co.id = e.cohort_id JOIN courses c ON c.id = co.course_id
		WHERE e.user_id IN (?) AND e.status <> 'keluar'
		ORDER BY e.user_id, co.starts_on DESC, e.id DESC`, userIDs)
	if err != nil {
		return nil, fmt.Errorf("menyiapkan kemajuan: %w", err)
	}
	var out []domain.LearnerProgress
	if err := db.r.SelectContext(ctx, &out, db.q(query), args...); err != nil {
		return nil, fmt.Errorf("membaca kemajuan admin: %w", err)
	}
	return out, nil
}
