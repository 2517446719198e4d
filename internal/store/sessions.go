package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/bimtek/bimtek/internal/domain"
)

// Session returns a session row by hashed id.
func (db *DB) Session(ctx context.Context, id string) (domain.Session, error) {
	var s domain.Session
	err := db.getHot(ctx, &s, `SELECT * FROM sessions WHERE id = ?`, id)
	return s, notFound(err)
}

// MaxUserSessions is how many live sessions one account keeps: a login
// beyond it revokes the account's oldest, so repeated logins (a script, a
// stolen password tried again and again) cannot grow the table or the
// session cache without bound.
const MaxUserSessions = 10

// CreateSession inserts a new session row. A logged-in session makes the
// account's sessions beyond the newest MaxUserSessions go, in the same
// transaction; the triggers name the user, so every process drops its cached
// copies of them (this one before CreateSession returns).
func (db *DB) CreateSession(ctx context.Context, s domain.Session) error {
	const insert = `INSERT INTO sessions (id, user_id, data, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`
	if s.UserID == nil {
		if _, err := db.w.ExecContext(ctx, db.q(insert), s.ID, s.UserID, s.Data, s.CreatedAt, s.LastSeenAt, s.ExpiresAt); err != nil {
			return fmt.Errorf("menyimpan sesi: %w", err)
		}
		return nil
	}
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		// Logins of one account take turns, so two at once cannot both
		// count the sessions before the other's and keep one too many.
		if err := lockRow(ctx, db, tx, "users", *s.UserID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.q(insert), s.ID, s.UserID, s.Data, s.CreatedAt, s.LastSeenAt, s.ExpiresAt); err != nil {
			return err
		}
		// The new session is kept whatever the clock says of the others.
		_, err := tx.ExecContext(ctx, db.q(`DELETE FROM sessions WHERE user_id = ? AND id <> ? AND id NOT IN (
			SELECT id FROM sessions WHERE user_id = ? AND id <> ? ORDER BY created_at DESC, id DESC LIMIT ?)`),
			*s.UserID, s.ID, *s.UserID, s.ID, MaxUserSessions-1)
		return err
	})
	if err != nil {
		return fmt.Errorf("menyimpan sesi: %w", err)
	}
	return nil
}

// UpdateSession stores a session's data and its last-seen time.
func (db *DB) UpdateSession(ctx context.Context, id string, userID *int64, data string, lastSeen time.Time) error {
	_, err := db.w.ExecContext(ctx, db.q(`UPDATE sessions SET user_id = ?, data = ?, last_seen_at = ? WHERE id = ?`), userID, data, lastSeen, id)
	if err != nil {
		return fmt.Errorf("memperbarui sesi: %w", err)
	}
	return nil
}

// TouchSession moves a session's last-seen time forward.
func (db *DB) TouchSession(ctx context.Context, id string, lastSeen time.Time) error {
	return db.TouchSessions(ctx, map[string]time.Time{id: lastSeen})
}

// TouchSessions moves the last-seen times of many sessions forward in one
// transaction: one commit for a batch instead of one per session.
func (db *DB) TouchSessions(ctx context.Context, lastSeen map[string]time.Time) error {
	// Straight to the pool: last_seen_at is no change the feed reports
	// (change_log_sessions_update names user_id and data), so there is no
	// notice of this write to wait for (afterWrite).
	if db.Dialect == Postgres {
		// One statement for the batch: a round trip per session cost this
		// process and the database CPU for nearly every view of a trainee
		// last seen over a minute ago.
		ids, ats := make([]string, 0, len(lastSeen)), make([]string, 0, len(lastSeen))
		for id, at := range lastSeen {
			ids, ats = append(ids, id), append(ats, at.UTC().Format(time.RFC3339Nano))
		}
		if _, err := db.w.DB.ExecContext(ctx, `UPDATE sessions AS s SET last_seen_at = u.at
			FROM unnest($1::text[], $2::timestamptz[]) AS u(id, at) WHERE s.id = u.id`, pq.Array(ids), pq.Array(ats)); err != nil {
			return fmt.Errorf("memperbarui sesi: %w", err)
		}
		return nil
	}
	tx, err := db.w.DB.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("memperbarui sesi: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, db.q(`UPDATE sessions SET last_seen_at = ? WHERE id = ?`))
	if err != nil {
		return fmt.Errorf("memperbarui sesi: %w", err)
	}
	defer stmt.Close()
	for id, at := range lastSeen {
		if _, err := stmt.ExecContext(ctx, at, id); err != nil {
			return fmt.Errorf("memperbarui sesi: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("memperbarui sesi: %w", err)
	}
	return nil
}

// UserSessionCount counts a user's session rows, live or not yet swept.
func (db *DB) UserSessionCount(ctx context.Context, userID int64) (int, error) {
	var n int
	if err := db.r.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM sessions WHERE user_id = ?`), userID); err != nil {
		return 0, fmt.Errorf("menghitung sesi pengguna %d: %w", userID, err)
	}
	return n, nil
}

// DeleteSession removes a session (logout, regeneration).
func (db *DB) DeleteSession(ctx context.Context, id string) error {
	if _, err := db.w.ExecContext(ctx, db.q(`DELETE FROM sessions WHERE id = ?`), id); err != nil {
		return fmt.Errorf("menghapus sesi: %w", err)
	}
	return nil
}

// DeleteUserSessions revokes every session of a user.
func (db *DB) DeleteUserSessions(ctx context.Context, userID int64) error {
	if _, err := db.w.ExecContext(ctx, db.q(`DELETE FROM sessions WHERE user_id = ?`), userID); err != nil {
		return fmt.Errorf("mencabut sesi pengguna %d: %w", userID, err)
	}
	return nil
}

// DeleteExpiredSessions removes sessions whose absolute expiry or idle limit has passed.
func (db *DB) DeleteExpiredSessions(ctx context.Context, now time.Time, idle time.Duration) (int64, error) {
	res, err := db.w.ExecContext(ctx, db.q(`DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?`), now, now.Add(-idle))
	if err != nil {
		return 0, fmt.Errorf("membersihkan sesi: %w", err)
	}
	return res.RowsAffected()
}

// sessionUserSQL reads a session and its user in one round trip (the hot path of every page).
const sessionUserSQL = `SELECT s.id, s.user_id, s.data, s.created_at, s.last_seen_at, s.expires_at,
	u.id, u.region_id, u.opd_id, u.email, u.name, u.role, u.is_designated_admin, u.password_hash,
	u.active, u.created_at, u.password_changed_at, u.lang
	FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`

// SessionWithUser returns a logged-in session row together with its user;
// ErrNotFound when there is no such session or it carries no user. It scans
// by position rather than by reflection: it runs on every page view.
func (db *DB) SessionWithUser(ctx context.Context, id string) (domain.Session, domain.User, error) {
	var s domain.Session
	var u domain.User
	st, err := db.prepared(ctx, sessionUserSQL)
	if err != nil {
		return s, u, err
	}
	err = st.QueryRowContext(ctx, id).Scan(&s.ID, &s.UserID, &s.Data, &s.CreatedAt, &s.LastSeenAt, &s.ExpiresAt,
		&u.ID, &u.RegionID, &u.OPDID, &u.Email, &u.Name, &u.Role, &u.IsDesignatedAdmin, &u.PasswordHash,
		&u.Active, &u.CreatedAt, &u.PasswordChangedAt, &u.Lang)
	return s, u, notFound(err)
}
