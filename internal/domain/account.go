package domain

import "time"

// SocialAccount is an official social-media account of an OPD; compliance.PlatformLabel names its platform.
type SocialAccount struct {
	ID        int64      `db:"id"`
	OPDID     int64      `db:"opd_id"`
	Platform  string     `db:"platform"`
	Handle    string     `db:"handle"`
	URL       string     `db:"url"`
	Verified  bool       `db:"verified"`
	CreatedAt time.Time  `db:"created_at"`
	RemovedAt *time.Time `db:"removed_at"`
}
