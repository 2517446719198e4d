package store

import (
	"context"
	"fmt"
	"time"
)

// VersionReport is one sent version of a cohort's release with its automatic report.
type VersionReport struct {
	SubmissionID int64     `db:"submission_id"`
	Number       int       `db:"number"`
	UserID       int64     `db:"user_id"`
	Trainee      string    `db:"trainee"`
	ItemID       string    `db:"item_id"`
	CreatedAt    time.Time `db:"created_at"`
	ReportJSON   string    `db:"report_json"`
}

// maxInsightVersions bounds the versions one cohort's insight reads: the newest.
const maxInsightVersions = 1000

// CohortVersionReports lists the newest sent versions of a cohort's
// releases (at most limit, newest first) with their automatic reports.
func (db *DB) CohortVersionReports(ctx context.Context, cohortID int64, limit int) ([]VersionReport, error) {
	limit = min(limit, maxInsightVersions)
	var out []VersionReport
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT v.submission_id, v.number, s.user_id, u.name AS trainee, s.item_id, v.created_at, v.report_json
		FROM submission_versions v
		JOIN submissions s ON s.id = v.submission_id
		JOIN enrollments e ON e.id = s.enrollment_id
		JOIN users u ON u.id = s.user_id
		WHERE e.cohort_id = ? ORDER BY v.created_at DESC, v.id DESC LIMIT ?`), cohortID, limit)
	if err != nil {
		return nil, fmt.Errorf("membaca laporan rilis angkatan: %w", err)
	}
	return out, nil
}
