package domain

import "time"

// APITokenTouchEvery bounds writes on the API's hot path: a token's
// last_used_at is for admins judging whether it is still needed, not an
// access log.
const APITokenTouchEvery = time.Minute

// APIToken is a credential an agency system uses for the JSON API. The
// secret itself is never stored; TokenHash is its SHA-256 in hex.
type APIToken struct {
	ID         int64      `db:"id"`
	RegionID   int64      `db:"region_id"`
	Name       string     `db:"name"`
	TokenHash  string     `db:"token_hash"`
	Prefix     string     `db:"prefix"`
	CreatedBy  int64      `db:"created_by"`
	CreatedAt  time.Time  `db:"created_at"`
	ExpiresAt  *time.Time `db:"expires_at"`
	RevokedAt  *time.Time `db:"revoked_at"`
	LastUsedAt *time.Time `db:"last_used_at"`
	// OwnerLang is the language its creator chose ("" to follow the browser);
	// read only with the token's hash, for the API's messages.
	OwnerLang string `db:"owner_lang"`
}

// Expired reports whether the token's expiry has passed at t.
func (t APIToken) Expired(at time.Time) bool { return t.ExpiresAt != nil && !at.Before(*t.ExpiresAt) }

// NeedsTouch reports whether the store's TouchAPIToken would write at t, so the caller can
// skip the statement entirely on most requests.
func (t APIToken) NeedsTouch(at time.Time) bool {
	return t.LastUsedAt == nil || !at.Before(t.LastUsedAt.Add(APITokenTouchEvery))
}

// APITokenRow is a token in the admin's list, with its creator's name.
type APITokenRow struct {
	APIToken
	CreatorName string `db:"creator_name"`
}

// NewAPIToken is what an admin fills in to create a token.
type NewAPIToken struct {
	RegionID  int64
	Name      string
	ExpiresAt *time.Time // nil: never expires
	CreatedBy int64
	Now       time.Time // the caller's clock, to check ExpiresAt; zero means the real clock
}
