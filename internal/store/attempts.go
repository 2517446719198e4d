package store

import (
	"context"
	"fmt"
	"time"
)

// RecordLoginAttempt stores one login attempt for throttling.
func (db *DB) RecordLoginAttempt(ctx context.Context, email, address string, success bool) error {
	_, err := db.w.ExecContext(ctx, db.q(`INSERT INTO login_attempts (email, address, success, created_at) VALUES (?, ?, ?, ?)`),
		NormalizeEmail(email), address, success, now())
	if err != nil {
		return fmt.Errorf("mencatat percobaan masuk: %w", err)
	}
	return nil
}

// FailedLogins counts failed attempts since a time for an email and for an address.
// An account's count restarts after its last successful login.
func (db *DB) FailedLogins(ctx context.Context, email, address string, since time.Time) (byEmail, byAddress int, err error) {
	email = NormalizeEmail(email)
	err = db.r.GetContext(ctx, &byEmail, db.q(`SELECT COUNT(*) FROM login_attempts
		WHERE email = ? AND NOT success AND created_at > ?
		  AND created_at > COALESCE((SELECT MAX(created_at) FROM login_attempts WHERE email = ? AND success), ?)`),
		email, since, email, since)
	if err != nil {
		return 0, 0, fmt.Errorf("menghitung percobaan masuk: %w", err)
	}
	err = db.r.GetContext(ctx, &byAddress, db.q(`SELECT COUNT(*) FROM login_attempts WHERE address = ? AND NOT success AND created_at > ?`), address, since)
	if err != nil {
		return 0, 0, fmt.Errorf("menghitung percobaan masuk: %w", err)
	}
	return byEmail, byAddress, nil
}

// PruneLoginAttempts removes attempts older than a time.
func (db *DB) PruneLoginAttempts(ctx context.Context, before time.Time) error {
	if _, err := db.w.ExecContext(ctx, db.q(`DELETE FROM login_attempts WHERE created_at < ?`), before); err != nil {
		return fmt.Errorf("membersihkan percobaan masuk: %w", err)
	}
	return nil
}
