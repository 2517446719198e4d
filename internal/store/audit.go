package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// AuditEntry is one line of the audit log: who did what to which object, and the state before and after.
type AuditEntry struct {
	ID         int64     `db:"id"`
	ActorID    *int64    `db:"actor_id"`
	Action     string    `db:"action"`
	ObjectType string    `db:"object_type"`
	ObjectID   string    `db:"object_id"`
	BeforeJSON string    `db:"before_json"`
	AfterJSON  string    `db:"after_json"`
	Reason     string    `db:"reason"`
	CreatedAt  time.Time `db:"created_at"`

	Before any `db:"-"`
	After  any `db:"-"`
}

// insertAudit writes an audit entry inside the caller's transaction, so the
// change and its record commit or fail together.
func insertAudit(ctx context.Context, db *DB, tx *sqlx.Tx, e AuditEntry) error {
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
func (db *DB) AuditFor(ctx context.Context, objectType, objectID string, limit int) ([]AuditEntry, error) {
	var out []AuditEntry
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT * FROM audit_log WHERE object_type = ? AND object_id = ? ORDER BY id DESC LIMIT ?`),
		objectType, objectID, limit)
	if err != nil {
		return nil, fmt.Errorf("membaca audit: %w", err)
	}
	return out, nil
}
