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

// AgeDraftSaved moves the draft's saved time of a submission d into the past.
func (db *DB) AgeDraftSaved(ctx context.Context, submissionID int64, d time.Duration) error {
	_, err := db.w.ExecContext(ctx, db.q(`UPDATE submissions SET draft_saved_at = ? WHERE id = ?`), now().Add(-d), submissionID)
	return err
}
