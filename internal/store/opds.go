package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/bimtek/bimtek/internal/domain"
)

// EnsureOPD returns the region's OPD with this name, creating it when absent.
func (db *DB) EnsureOPD(ctx context.Context, regionID int64, name, shortName, kind string) (domain.OPD, error) {
	var o domain.OPD
	err := db.r.GetContext(ctx, &o, db.q(`SELECT * FROM opds WHERE region_id = ? AND name = ?`), regionID, name)
	if err == nil {
		return o, nil
	}
	if err = notFound(err); err != errNotFound {
		return o, fmt.Errorf("membaca OPD %s: %w", name, err)
	}
	// Two processes starting at once both get the one row.
	if _, err := db.w.ExecContext(ctx, db.q(`INSERT INTO opds (region_id, name, short_name, kind, created_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (region_id, name) DO NOTHING`), regionID, name, shortName, kind, now()); err != nil {
		return o, fmt.Errorf("membuat OPD %s: %w", name, err)
	}
	if err := db.w.GetContext(ctx, &o, db.q(`SELECT * FROM opds WHERE region_id = ? AND name = ?`), regionID, name); err != nil {
		return o, fmt.Errorf("membaca OPD %s: %w", name, notFound(err))
	}
	return o, nil
}

// OPD returns one OPD by id.
func (db *DB) OPD(ctx context.Context, id int64) (domain.OPD, error) {
	var o domain.OPD
	err := db.getHot(ctx, &o, `SELECT * FROM opds WHERE id = ?`, id)
	return o, notFound(err)
}

// FindOPD resolves an OPD by numeric id or by exact name (case-insensitive) or short name.
func (db *DB) FindOPD(ctx context.Context, nameOrID string) (domain.OPD, error) {
	if id, err := strconv.ParseInt(nameOrID, 10, 64); err == nil {
		return db.OPD(ctx, id)
	}
	var os []domain.OPD
	err := db.r.SelectContext(ctx, &os, db.q(`SELECT * FROM opds WHERE lower(name) = ? OR lower(short_name) = ? ORDER BY id LIMIT 2`),
		strings.ToLower(nameOrID), strings.ToLower(nameOrID))
	if err != nil {
		return domain.OPD{}, fmt.Errorf("mencari OPD %q: %w", nameOrID, err)
	}
	switch len(os) {
	case 0:
		return domain.OPD{}, domain.Errorf(domain.CodeNotFound, "OPD “%s” tidak ditemukan", nameOrID)
	case 1:
		return os[0], nil
	}
	return domain.OPD{}, domain.Errorf(domain.CodeInvalid, "nama OPD “%s” cocok dengan lebih dari satu OPD; gunakan ID-nya", nameOrID)
}

// CountOPDs counts the region's OPDs.
func (db *DB) CountOPDs(ctx context.Context, regionID int64) (int, error) {
	var total int
	if err := db.r.GetContext(ctx, &total, db.q(`SELECT COUNT(*) FROM opds WHERE region_id = ?`), regionID); err != nil {
		return 0, fmt.Errorf("menghitung OPD: %w", err)
	}
	return total, nil
}

// OPDSummaries lists the region's OPDs with counts, ordered by name, one page at a time.
func (db *DB) OPDSummaries(ctx context.Context, regionID int64, limit, offset int) ([]domain.OPDSummary, error) {
	var out []domain.OPDSummary
	err := db.r.SelectContext(ctx, &out, db.q(`
		SELECT o.*,
		       COUNT(u.id) AS users,
		       COUNT(CASE WHEN u.role = 'peserta' THEN 1 END) AS trainees,
		       COUNT(CASE WHEN u.is_designated_admin THEN 1 END) AS designated_admins
		FROM opds o LEFT JOIN users u ON u.opd_id = o.id AND u.active
		WHERE o.region_id = ?
		GROUP BY o.id, o.region_id, o.name, o.short_name, o.kind, o.created_at
		ORDER BY o.name
		LIMIT ? OFFSET ?`), regionID, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("membaca ringkasan OPD: %w", err)
	}
	return out, nil
}
