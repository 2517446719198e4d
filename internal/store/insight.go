package store

import (
	"context"
	"fmt"

	"github.com/bimtek/bimtek/internal/domain"
)

// maxInsightVersions bounds the versions one cohort's insight reads: the newest.
const maxInsightVersions = 1000

// CohortVersionReports lists the newest sent versions of a cohort's
// releases (at most limit, newest first) with their automatic reports.
func (db *DB) CohortVersionReports(ctx context.Context, cohortID int64, limit int) ([]domain.VersionReport, error) {
	limit = min(limit, maxInsightVersions)
	var out []domain.VersionReport
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
