package domain

import "time"

// ImportJob is a bulk user import started from the admin's page.
type ImportJob struct {
	ID       int64 `db:"id"`
	RegionID int64 `db:"region_id"`
	// AdminID uploaded the file, then started the import: the first
	// passwords are theirs alone.
	AdminID      int64      `db:"admin_id"`
	FileName     string     `db:"file_name"`
	CSVText      string     `db:"csv_text"`
	Total        int        `db:"total"`
	Done         int        `db:"done"`
	State        string     `db:"state"`
	Problem      string     `db:"problem"`
	Passwords    string     `db:"passwords"` // sealed by the web layer; "" once wiped
	CreatedAt    time.Time  `db:"created_at"`
	UpdatedAt    time.Time  `db:"updated_at"`
	DownloadedAt *time.Time `db:"downloaded_at"` // the first download
	// PasswordsUntil is when the first passwords are wiped unless the admin
	// said earlier that they are saved; PasswordsWipedAt when they were.
	PasswordsUntil   *time.Time `db:"passwords_until"`
	PasswordsWipedAt *time.Time `db:"passwords_wiped_at"`
}

// PasswordsKept says whether the first passwords of a finished import
// (state "selesai") can still be downloaded at t.
func (j ImportJob) PasswordsKept(t time.Time) bool {
	return j.State == "selesai" && j.Passwords != "" && j.PasswordsWipedAt == nil &&
		j.PasswordsUntil != nil && t.Before(*j.PasswordsUntil)
}
