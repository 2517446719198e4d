package store

import (
	"context"
	"fmt"

	"github.com/bimtek/bimtek/internal/domain"
)

// EnsureRegion returns the region with the given slug, creating it when absent.
func (db *DB) EnsureRegion(ctx context.Context, slug, name, code string) (domain.Region, error) {
	var r domain.Region
	err := db.r.GetContext(ctx, &r, db.q(`SELECT * FROM regions WHERE slug = ?`), slug)
	if err == nil {
		return r, nil
	}
	if err = notFound(err); err != errNotFound {
		return r, fmt.Errorf("membaca wilayah %s: %w", slug, err)
	}
	// Two processes starting at once both get the one row.
	if _, err := db.w.ExecContext(ctx, db.q(`INSERT INTO regions (slug, name, code, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`),
		slug, name, code, now()); err != nil {
		return r, fmt.Errorf("membuat wilayah %s: %w", slug, err)
	}
	err = db.w.GetContext(ctx, &r, db.q(`SELECT * FROM regions WHERE slug = ?`), slug)
	if notFound(err) == errNotFound {
		return r, domain.Errorf(domain.CodeConflict, "kode wilayah %s sudah dipakai wilayah lain", code)
	}
	if err != nil {
		return r, fmt.Errorf("membaca wilayah %s: %w", slug, err)
	}
	return r, nil
}

// Regions lists every region.
func (db *DB) Regions(ctx context.Context) ([]domain.Region, error) {
	var rs []domain.Region
	if err := db.r.SelectContext(ctx, &rs, `SELECT * FROM regions ORDER BY name`); err != nil {
		return nil, fmt.Errorf("membaca daftar wilayah: %w", err)
	}
	return rs, nil
}

// Region returns one region by id.
func (db *DB) Region(ctx context.Context, id int64) (domain.Region, error) {
	var r domain.Region
	err := db.getHot(ctx, &r, `SELECT * FROM regions WHERE id = ?`, id)
	return r, notFound(err)
}
