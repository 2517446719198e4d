package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// insertAudit writes an audit entry inside the caller's transaction, so the
// change and its record commit or fail together.
func insertAudit(ctx context.Context, db *DB, tx *sqlx.Tx, e domain.AuditEntry) error {
	enc := func(v any) (string, error) {
		if v == nil {
			return "", nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	before, err := enc(e.Before)
	if err != nil {
		return fmt.Errorf("menyandikan audit: %w", err)
	}
	after, err := enc(e.After)
	if err != nil {
		return fmt.Errorf("menyandikan audit: %w", err)
	}
	_, err = tx.ExecContext(ctx, db.q(`INSERT INTO audit_log (actor_id, action, object_type, object_id, before_json, after_json, reason, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`), e.ActorID, e.Action, e.ObjectType, e.ObjectID, before, after, e.Reason, now())
	if err != nil {
		return fmt.Errorf("menulis audit %s: %w", e.Action, err)
	}
	return nil
}

// AuditFor lists the newest audit entries about one object.
func (db *DB) AuditFor(ctx context.Context, objectType, objectID string, limit int) ([]domain.AuditEntry, error) {
	var out []domain.AuditEntry
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT * FROM audit_log WHERE object_type = ? AND object_id = ? ORDER BY id DESC LIMIT ?`),
		objectType, objectID, limit)
	if err != nil {
		return nil, fmt.Errorf("membaca audit: %w", err)
	}
	return out, nil
}
