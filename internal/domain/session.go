package domain

import "time"

// Session is a server-side login session: the cookie holds only its random token,
// the table holds the token's hash, so a copy of the database cannot be replayed.
type Session struct {
	ID         string    `db:"id"`
	UserID     *int64    `db:"user_id"`
	Data       string    `db:"data"`
	CreatedAt  time.Time `db:"created_at"`
	LastSeenAt time.Time `db:"last_seen_at"`
	ExpiresAt  time.Time `db:"expires_at"`
}

// LoginLimits are the most failures allowed since a time, per email and per address.
type LoginLimits struct {
	Since                time.Time
	PerEmail, PerAddress int
}
