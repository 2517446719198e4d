package compliance

import "time"

// Row is one OPD in the region table and its exports.
type Row struct {
	ID               int64
	Name             string
	ShortName        string
	Kind             string
	KindLabel        string
	Status           Status
	Reasons          []string
	Accounts         int
	DesignatedAdmins int
	CertifiedAdmins  int
	// Expiring counts the designated admins whose certificate ends within ExpiryWarning.
	Expiring     int
	LastActivity *time.Time
}

// Zone returns the fixed offset of a region's time zone, with the
// Indonesian abbreviation; Indonesia has no daylight saving, so a fixed zone
// is exact and needs no time-zone database. Unknown names fall back to WIB.
func Zone(tz string) *time.Location {
	switch tz {
	case "Asia/Makassar":
		return wita
	case "Asia/Jayapura":
		return wit
	}
	return wib
}

var (
	wib  = time.FixedZone("WIB", 7*3600)
	wita = time.FixedZone("WITA", 8*3600)
	wit  = time.FixedZone("WIT", 9*3600)
)
