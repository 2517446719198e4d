package domain

import "time"

// ImportJob is a bulk user import started from the admin's page.
type ImportJob struct {
	ID           int64      `db:"id"`
	RegionID     int64      `db:"region_id"`
	AdminID      int64      `db:"admin_id"`
	FileName     string     `db:"file_name"`
	CSVText      string     `db:"csv_text"`
	Total        int        `db:"total"`
	Done         int        `db:"done"`
	State        string     `db:"state"`
	Problem      string     `db:"problem"`
	Passwords    string     `db:"passwords"` // sealed by the web layer; "" once downloaded
	CreatedAt    time.Time  `db:"created_at"`
	UpdatedAt    time.Time  `db:"updated_at"`
	DownloadedAt *time.Time `db:"downloaded_at"`
}
