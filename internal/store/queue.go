package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
)

func queueWhere(f domain.QueueFilter) (string, []any) {
	w := ` WHERE c.region_id = ? AND s.state IN ('submitted', 'in_review')`
	args := []any{f.RegionID}
	if f.FacilitatorID != 0 {
		w += ` AND c.id IN (SELECT cohort_id FROM cohort_facilitators WHERE user_id = ?)`
		args = append(args, f.FacilitatorID)
	}
	if f.CohortID != 0 {
		w += ` AND c.id = ?`
		args = append(args, f.CohortID)
	}
	if f.OPDID != 0 {
		w += ` AND u.opd_id = ?`
		args = append(args, f.OPDID)
	}
	if f.State == domain.SubSubmitted || f.State == domain.SubInReview {
		w += ` AND s.state = ?`
		args = append(args, f.State)
	}
	return w, args
}

const queueFrom = ` FROM submissions s
	JOIN enrollments e ON e.id = s.enrollment_id
	JOIN cohorts c ON c.id = e.cohort_id
	JOIN users u ON u.id = s.user_id
	LEFT JOIN opds o ON o.id = u.opd_id`

// QueueTotalCap bounds the count on the queue page: counting a long queue
// whole on every view made the page's cost grow with it. Past the cap the
// page says "more than" and its filters narrow the list.
const QueueTotalCap = 200

// ReviewQueue lists submissions waiting for a decision, oldest first, one
// page at a time, with their number up to QueueTotalCap+1. Each waiting state
// is read in the order of its index (state, submitted_at) and only as far as
// the page needs, so a page costs the same however long the queue is.
func (db *DB) ReviewQueue(ctx context.Context, f domain.QueueFilter, limit, offset int) ([]domain.QueueEntry, int, error) {
	w, args := queueWhere(f)
	var total int
	if err := db.r.GetContext(ctx, &total, db.q(`SELECT COUNT(*) FROM (SELECT 1`+queueFrom+w+` LIMIT ?) capped`),
		append(args, QueueTotalCap+1)...); err != nil {
		return nil, 0, fmt.Errorf("menghitung antrean: %w", err)
	}
	states := []domain.SubmissionState{domain.SubSubmitted, domain.SubInReview}
	if f.State == domain.SubSubmitted || f.State == domain.SubInReview {
		states = []domain.SubmissionState{f.State}
	}
	var parts []string
	var all []any
	for i, st := range states {
		parts = append(parts, fmt.Sprintf(`SELECT * FROM (SELECT s.id AS submission_id, s.item_id, s.course_id, s.state, s.versions, s.submitted_at,
		u.name AS trainee, COALESCE(o.name, '') AS opd_name, c.id AS cohort_id, c.name AS cohort_name,
		(SELECT auto_score FROM submission_versions v WHERE v.submission_id = s.id ORDER BY number DESC LIMIT 1) AS auto_score`+
			queueFrom+w+` AND s.state = ? ORDER BY s.submitted_at, s.id LIMIT ?) part%d`, i))
		all = append(append(all, args...), st, offset+limit)
	}
	var out []domain.QueueEntry
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT * FROM (`+strings.Join(parts, ` UNION ALL `)+`) q
		ORDER BY submitted_at, submission_id LIMIT ? OFFSET ?`), append(all, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("membaca antrean: %w", err)
	}
	return out, total, nil
}

// QueueCountCap bounds the count shown in the navigation: it runs on every
// staff page, and "99+" says enough once the queue is that long.
const QueueCountCap = 100

// QueueCount counts what waits for a facilitator (or, with facilitatorID 0,
// the whole region), up to QueueCountCap.
func (db *DB) QueueCount(ctx context.Context, regionID, facilitatorID int64) (int, error) {
	w, args := queueWhere(domain.QueueFilter{RegionID: regionID, FacilitatorID: facilitatorID})
	// Each waiting state is read in the order of its index and only up to
	// the cap (one count over both states scanned every waiting submission:
	// 14 ms with 4,000 waiting on every staff page at national scale).
	// The second state is read only as far as the first left of the cap (both
	// to the cap read twice the rows once the queue was long).
	const from = ` FROM submissions s JOIN enrollments e ON e.id = s.enrollment_id JOIN cohorts c ON c.id = e.cohort_id`
	part := func(limit string) string {
		return `(SELECT COUNT(*) AS n FROM (SELECT 1` + from + w + ` AND s.state = ? ORDER BY s.submitted_at LIMIT ` + limit + `) capped)`
	}
	all := append(append(append(append([]any{}, args...), domain.SubSubmitted, QueueCountCap), args...), domain.SubInReview, QueueCountCap)
	var n int
	if err := db.getHot(ctx, &n, `WITH first AS `+part(`?`)+` SELECT first.n + `+part(`(SELECT ? - n FROM first)`)+` FROM first`, all...); err != nil {
		return 0, fmt.Errorf("menghitung antrean: %w", err)
	}
	return min(n, QueueCountCap), nil
}

// SubmissionWithContext returns a submission with its cohort, region and trainee.
func (db *DB) SubmissionWithContext(ctx context.Context, id int64) (domain.SubmissionContext, error) {
	var sc domain.SubmissionContext
	err := db.r.GetContext(ctx, &sc, db.q(`SELECT s.*, c.id AS cohort_id, c.region_id, u.name AS trainee, COALESCE(o.name, '') AS opd_name, c.name AS cohort_name`+
		queueFrom+` WHERE s.id = ?`), id)
	return sc, notFound(err)
}

// Agreement compares final and automatic scores per criterion over reviews made in [from, to).
func (db *DB) Agreement(ctx context.Context, regionID int64, from, to time.Time) ([]domain.CriterionAgreement, error) {
	var out []domain.CriterionAgreement
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT rs.criterion, COUNT(*) AS n,
			AVG(ABS(rs.final_score - rs.auto_score) * 1.0) AS mad,
			SUM(CASE WHEN ABS(rs.final_score - rs.auto_score) <= 10 THEN 1 ELSE 0 END) AS within_ten,
			AVG(rs.auto_score * 1.0) AS mean_auto, AVG(rs.final_score * 1.0) AS mean_final,
			SUM(CASE WHEN rs.final_score <> rs.auto_score THEN 1 ELSE 0 END) AS overridden
		FROM review_scores rs
		JOIN reviews r ON r.id = rs.review_id
		JOIN users rv ON rv.id = r.reviewer_id
		WHERE rv.region_id = ? AND r.created_at >= ? AND r.created_at < ?
		GROUP BY rs.criterion ORDER BY rs.criterion`), regionID, from.UTC(), to.UTC())
	if err != nil {
		return nil, fmt.Errorf("menghitung kesesuaian nilai: %w", err)
	}
	for i := range out {
		if out[i].Reviews > 0 {
			out[i].ShareWithin = float64(out[i].WithinTen) / float64(out[i].Reviews)
		}
	}
	return out, nil
}
