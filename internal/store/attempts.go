package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
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
	return failedLogins(ctx, db.r, db.q, NormalizeEmail(email), address, since)
}

func failedLogins(ctx context.Context, q sqlx.QueryerContext, rebind func(string) string, email, address string, since time.Time) (byEmail, byAddress int, err error) {
	err = sqlx.GetContext(ctx, q, &byEmail, rebind(`SELECT COUNT(*) FROM login_attempts
		WHERE email = ? AND NOT success AND created_at > ?
		  AND created_at > COALESCE((SELECT MAX(created_at) FROM login_attempts WHERE email = ? AND success), ?)`),
		email, since, email, since)
	if err != nil {
		return 0, 0, fmt.Errorf("menghitung percobaan masuk: %w", err)
	}
	err = sqlx.GetContext(ctx, q, &byAddress, rebind(`SELECT COUNT(*) FROM login_attempts WHERE address = ? AND NOT success AND created_at > ?`), address, since)
	if err != nil {
		return 0, 0, fmt.Errorf("menghitung percobaan masuk: %w", err)
	}
	return byEmail, byAddress, nil
}

// ReserveLoginAttempt records an attempt as failed before its password is
// checked, unless the email or the address has already reached its limit (ok
// is false then and nothing is written). Counting and writing happen under one
// lock, so of many simultaneous attempts at most the limit get a reservation,
// whichever process serves them. The caller marks the reservation with
// LoginSucceeded, or drops it with ReleaseLoginAttempt.
func (db *DB) ReserveLoginAttempt(ctx context.Context, email, address string, lim domain.LoginLimits) (id int64, ok bool, err error) {
	email = NormalizeEmail(email)
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		if db.Dialect == Postgres {
			// Transaction-scoped advisory locks on the email and the address
			// (two key spaces, always taken in this order, so no deadlock).
			// SQLite needs none: its one writer runs write transactions in turn.
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7301, hashtext($1)), pg_advisory_xact_lock(7302, hashtext($2))`, email, address); err != nil {
				return fmt.Errorf("mengunci percobaan masuk: %w", err)
			}
		}
		byEmail, byAddress, err := failedLogins(ctx, tx, db.q, email, address, lim.Since)
		if err != nil {
			return err
		}
		if byEmail >= lim.PerEmail || byAddress >= lim.PerAddress {
			return nil
		}
		if err := tx.GetContext(ctx, &id, db.q(`INSERT INTO login_attempts (email, address, success, created_at) VALUES (?, ?, ?, ?) RETURNING id`),
			email, address, false, now()); err != nil {
			return fmt.Errorf("mencatat percobaan masuk: %w", err)
		}
		ok = true
		return nil
	})
	return id, ok, err
}

// LoginSucceeded marks a reserved attempt as a successful login, which starts
// the account's failure count afresh.
func (db *DB) LoginSucceeded(ctx context.Context, id int64) error {
	if _, err := db.w.ExecContext(ctx, db.q(`UPDATE login_attempts SET success = ? WHERE id = ?`), true, id); err != nil {
		return fmt.Errorf("mencatat masuk berhasil: %w", err)
	}
	return nil
}

// ReleaseLoginAttempt drops a reservation whose password was never judged
// wrong (the check could not run, or the account is inactive).
func (db *DB) ReleaseLoginAttempt(ctx context.Context, id int64) error {
	if _, err := db.w.ExecContext(ctx, db.q(`DELETE FROM login_attempts WHERE id = ?`), id); err != nil {
		return fmt.Errorf("membatalkan percobaan masuk: %w", err)
	}
	return nil
}

// PruneLoginAttempts removes attempts older than a time.
func (db *DB) PruneLoginAttempts(ctx context.Context, before time.Time) error {
	if _, err := db.w.ExecContext(ctx, db.q(`DELETE FROM login_attempts WHERE created_at < ?`), before); err != nil {
		return fmt.Errorf("membersihkan percobaan masuk: %w", err)
	}
	return nil
}
