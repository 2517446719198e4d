package store

import (
	"context"
	"time"
)

// AgeRescuedTexts moves every rescued text d into the past.
func (db *DB) AgeRescuedTexts(ctx context.Context, d time.Duration) error {
	_, err := db.w.ExecContext(ctx, db.q(`UPDATE rescued_texts SET created_at = ?`), now().Add(-d))
	return err
}

// RescuedTextCount counts the rows of rescued_texts.
func (db *DB) RescuedTextCount(ctx context.Context) (n int, err error) {
	err = db.r.GetContext(ctx, &n, `SELECT COUNT(*) FROM rescued_texts`)
	return n, err
}
