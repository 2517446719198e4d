package store

import (
	"context"
	"time"

	"github.com/bimtek/bimtek/internal/compliance"
)

// ExecComplianceTest runs a statement on the writer, for the compliance tests
// to make changes no store function makes (moving a user to another OPD,
// deactivating an account, revoking a certificate behind the store's back).
func (db *DB) ExecComplianceTest(ctx context.Context, query string, args ...any) error {
	_, err := db.w.ExecContext(ctx, db.q(query), args...)
	return err
}

// CountForComplianceTest counts the rows of a table.
func (db *DB) CountForComplianceTest(ctx context.Context, table string, n *int) error {
	return db.r.GetContext(ctx, n, "SELECT COUNT(*) FROM "+table)
}

// RecountedOPD is one OPD's status and admins counted from scratch.
type RecountedOPD struct {
	Status              string
	Certified, Expiring int
}

// RecountComplianceForTest counts a region's OPDs per kind and status and its
// certified and expiring admins at now from opd_stats and admin_certs, the
// way the dashboard counted before compliance_tally kept them.
func (db *DB) RecountComplianceForTest(ctx context.Context, regionID int64, now time.Time) (StatusTally, AdminCounts, map[int64]RecountedOPD, error) {
	now = now.UTC()
	t := StatusTally{Cells: map[string]map[compliance.Status]int{}}
	var cells []struct {
		Kind   string            `db:"kind"`
		Status compliance.Status `db:"status"`
		N      int               `db:"n"`
	}
	if err := db.r.SelectContext(ctx, &cells, db.q(`SELECT s.kind, `+statusSQL+` AS status, COUNT(*) AS n
		FROM opd_stats s WHERE s.region_id = ? GROUP BY s.kind, 2`), now, regionID); err != nil {
		return t, AdminCounts{}, nil, err
	}
	for _, c := range cells {
		if t.Cells[c.Kind] == nil {
			t.Cells[c.Kind] = map[compliance.Status]int{}
		}
		t.Cells[c.Kind][c.Status] += c.N
	}
	horizon := now.Add(compliance.ExpiryWarning)
	var a AdminCounts
	if err := db.r.GetContext(ctx, &a, db.q(`SELECT COUNT(*) AS certified, COALESCE(SUM(CASE WHEN cert_until <= ? THEN 1 ELSE 0 END), 0) AS expiring
		FROM admin_certs WHERE region_id = ? AND cert_until > ?`), horizon, regionID, now); err != nil {
		return t, a, nil, err
	}
	var rows []struct {
		ID        int64  `db:"opd_id"`
		Status    string `db:"status"`
		Certified int    `db:"certified"`
		Expiring  int    `db:"expiring"`
	}
	if err := db.r.SelectContext(ctx, &rows, db.q(`SELECT s.opd_id, `+statusSQL+` AS status,
		(SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = s.opd_id AND ac.cert_until > ?) AS certified,
		(SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = s.opd_id AND ac.cert_until > ? AND ac.cert_until <= ?) AS expiring
		FROM opd_stats s WHERE s.region_id = ?`), now, now, now, horizon, regionID); err != nil {
		return t, a, nil, err
	}
	per := map[int64]RecountedOPD{}
	for _, r := range rows {
		per[r.ID] = RecountedOPD{Status: r.Status, Certified: r.Certified, Expiring: r.Expiring}
	}
	return t, a, per, nil
}

// CountRowsForTest runs a counting query on the writer's connection, which
// sees the catalog of the test's own schema.
func (db *DB) CountRowsForTest(ctx context.Context, query string, n *int) error {
	return db.w.GetContext(ctx, n, query)
}
