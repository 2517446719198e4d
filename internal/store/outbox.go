package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// MaxEmailAttempts is how often a notification's e-mail is tried before it is given up.
const MaxEmailAttempts = 5

// ClaimOutbox marks up to limit unsent notifications newer than since as being
// sent and returns them. The claim is one UPDATE that re-checks emailed_at,
// so two app processes never send the same notification.
func (db *DB) ClaimOutbox(ctx context.Context, since time.Time, limit int) ([]domain.OutboxMail, error) {
	t := now()
	var ids []int64
	err := db.w.SelectContext(ctx, &ids, db.q(`UPDATE notifications SET emailed_at = ?
		WHERE emailed_at IS NULL AND id IN (SELECT id FROM notifications
			WHERE emailed_at IS NULL AND email_attempts < ? AND created_at > ? ORDER BY id LIMIT ?)
		RETURNING id`), t, MaxEmailAttempts, since.UTC(), limit)
	if err != nil {
		return nil, fmt.Errorf("mengambil antrean surel: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	q, args, err := sqlx.In(`SELECT n.*, u.email, u.name, u.lang FROM notifications n JOIN users u ON u.id = n.user_id
		WHERE n.id IN (?) AND u.active ORDER BY n.id`, ids)
	if err != nil {
		return nil, fmt.Errorf("menyusun kueri surel: %w", err)
	}
	var out []domain.OutboxMail
	if err := db.r.SelectContext(ctx, &out, db.q(q), args...); err != nil {
		return nil, fmt.Errorf("membaca antrean surel: %w", err)
	}
	return out, nil
}

// ReleaseOutbox puts a notification whose e-mail failed back in the queue.
func (db *DB) ReleaseOutbox(ctx context.Context, id int64) error {
	_, err := db.w.ExecContext(ctx, db.q(`UPDATE notifications SET emailed_at = NULL, email_attempts = email_attempts + 1 WHERE id = ?`), id)
	if err != nil {
		return fmt.Errorf("mengembalikan surel ke antrean: %w", err)
	}
	return nil
}

// Notify stores a notification outside any other change.
func (db *DB) Notify(ctx context.Context, userID int64, kind domain.NoticeKind, p domain.NoticeParams) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error { return notify(ctx, db, tx, userID, kind, p) })
}
