package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// CountCohorts counts the region's cohorts.
func (db *DB) CountCohorts(ctx context.Context, regionID int64) (int, error) {
	var n int
	if err := db.r.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM cohorts WHERE region_id = ?`), regionID); err != nil {
		return 0, fmt.Errorf("menghitung angkatan: %w", err)
	}
	return n, nil
}

// RegionFacilitators lists the region's active facilitators by name, at most limit.
func (db *DB) RegionFacilitators(ctx context.Context, regionID int64, limit int) ([]domain.User, error) {
	var us []domain.User
	err := db.r.SelectContext(ctx, &us, db.q(`SELECT * FROM users WHERE region_id = ? AND role = 'fasilitator' AND active
		ORDER BY name, id LIMIT ?`), regionID, limit)
	if err != nil {
		return nil, fmt.Errorf("membaca fasilitator wilayah: %w", err)
	}
	return us, nil
}

// RegionOPDs lists the region's OPDs by name, at most limit.
func (db *DB) RegionOPDs(ctx context.Context, regionID int64, limit int) ([]domain.OPD, error) {
	var os []domain.OPD
	err := db.r.SelectContext(ctx, &os, db.q(`SELECT * FROM opds WHERE region_id = ? ORDER BY name, id LIMIT ?`), regionID, limit)
	if err != nil {
		return nil, fmt.Errorf("membaca OPD wilayah: %w", err)
	}
	return os, nil
}

// ActivePesertaOfOPD returns the ids of an OPD's active trainees, at most limit.
func (db *DB) ActivePesertaOfOPD(ctx context.Context, opdID int64, limit int) ([]int64, error) {
	var ids []int64
	err := db.r.SelectContext(ctx, &ids, db.q(`SELECT id FROM users WHERE opd_id = ? AND role = 'peserta' AND active
		ORDER BY id LIMIT ?`), opdID, limit)
	if err != nil {
		return nil, fmt.Errorf("membaca peserta OPD %d: %w", opdID, err)
	}
	return ids, nil
}

// RegionUsersByEmail finds the region's users with the given emails
// (normalised), keyed by normalised email. Emails not found are simply
// absent, as are users of other regions, so callers cannot probe them.
func (db *DB) RegionUsersByEmail(ctx context.Context, regionID int64, emails []string) (map[string]domain.User, error) {
	out := map[string]domain.User{}
	if len(emails) == 0 {
		return out, nil
	}
	norm := make([]string, len(emails))
	for i, e := range emails {
		norm[i] = NormalizeEmail(e)
	}
	query, args, err := sqlx.In(`SELECT * FROM users WHERE region_id = ? AND email IN (?)`, regionID, norm)
	if err != nil {
		return nil, fmt.Errorf("menyusun pencarian email: %w", err)
	}
	var us []domain.User
	if err := db.r.SelectContext(ctx, &us, db.q(query), args...); err != nil {
		return nil, fmt.Errorf("mencari pengguna menurut email: %w", err)
	}
	for _, u := range us {
		out[u.Email] = u
	}
	return out, nil
}

// CountCohortMembers counts every enrollment of a cohort, those who left included.
func (db *DB) CountCohortMembers(ctx context.Context, cohortID int64) (int, error) {
	var n int
	if err := db.r.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM enrollments WHERE cohort_id = ?`), cohortID); err != nil {
		return 0, fmt.Errorf("menghitung peserta angkatan: %w", err)
	}
	return n, nil
}

// CohortMembersPage lists one page of a cohort's trainees by name. Done counts
// only completed items still in the course, so it never exceeds the course's size.
func (db *DB) CohortMembersPage(ctx context.Context, cohortID int64, limit, offset int) ([]domain.CohortMember, error) {
	var out []domain.CohortMember
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT e.id AS enrollment_id, u.id AS user_id, u.name, u.email, COALESCE(o.name, '') AS opd_name, e.status,
			(SELECT COUNT(*) FROM progress p
			 JOIN course_items i ON i.course_id = p.course_id AND i.item_id = p.item_id AND i.removed_at IS NULL
			 WHERE p.enrollment_id = e.id AND p.state IN ('selesai', 'lulus')) AS done
		FROM enrollments e JOIN users u ON u.id = e.user_id LEFT JOIN opds o ON o.id = u.opd_id
		WHERE e.cohort_id = ? ORDER BY u.name, u.id LIMIT ? OFFSET ?`), cohortID, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("membaca peserta angkatan: %w", err)
	}
	return out, nil
}

// CohortAttendanceCounts returns, per trainee of the cohort, how many of its
// sessions they attended (hadir); trainees who attended none are absent.
func (db *DB) CohortAttendanceCounts(ctx context.Context, cohortID int64) (map[int64]int, error) {
	rows := []struct {
		UserID int64 `db:"user_id"`
		N      int   `db:"n"`
	}{}
	err := db.r.SelectContext(ctx, &rows, db.q(`SELECT a.user_id, COUNT(*) AS n FROM attendance a JOIN live_sessions s ON s.id = a.session_id
		WHERE s.cohort_id = ? AND a.status = 'hadir' GROUP BY a.user_id`), cohortID)
	if err != nil {
		return nil, fmt.Errorf("menghitung kehadiran angkatan: %w", err)
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.UserID] = r.N
	}
	return out, nil
}

// CohortSessionTallies returns the attendance tally of each of the cohort's
// sessions, keyed by session id; sessions with nothing recorded are absent.
func (db *DB) CohortSessionTallies(ctx context.Context, cohortID int64) (map[int64]domain.AttendanceTally, error) {
	rows := []struct {
		SessionID int64  `db:"session_id"`
		Status    string `db:"status"`
		N         int    `db:"n"`
	}{}
	err := db.r.SelectContext(ctx, &rows, db.q(`SELECT a.session_id, a.status, COUNT(*) AS n FROM attendance a JOIN live_sessions s ON s.id = a.session_id
		WHERE s.cohort_id = ? GROUP BY a.session_id, a.status`), cohortID)
	if err != nil {
		return nil, fmt.Errorf("menghitung kehadiran per sesi: %w", err)
	}
	out := map[int64]domain.AttendanceTally{}
	for _, r := range rows {
		t := out[r.SessionID]
		t.Add(r.Status, r.N)
		out[r.SessionID] = t
	}
	return out, nil
}

// SessionsOfFacilitator lists the sessions of the facilitator's cohorts that
// end at or after since, soonest first, at most limit.
func (db *DB) SessionsOfFacilitator(ctx context.Context, userID int64, since time.Time, limit int) ([]domain.FacilitatorSession, error) {
	var out []domain.FacilitatorSession
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT s.*, c.name AS cohort_name
		FROM live_sessions s JOIN cohorts c ON c.id = s.cohort_id
		JOIN cohort_facilitators f ON f.cohort_id = c.id AND f.user_id = ?
		WHERE s.ends_at >= ? ORDER BY s.starts_at, s.id LIMIT ?`), userID, since.UTC(), limit)
	if err != nil {
		return nil, fmt.Errorf("membaca sesi fasilitator: %w", err)
	}
	return out, nil
}
