package store

import (
	"context"
	"fmt"
	"time"
	"unique"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// maxRequirementEnrollments bounds one Requirements call (a page of cohort members at most).
const maxRequirementEnrollments = 200

// hotRequirementEnrollments is the most enrollments read through prepared
// statements (a trainee's own; one statement is kept per count).
const hotRequirementEnrollments = 4

// Requirements reads, for each enrollment, what its certificate needs and
// what the trainee has done (domain.Requirements), with the cohort's
// facilitators to contact. The certificate is issued by Met on the same
// value (issueIfComplete), so a checklist made from it agrees with issuing.
func (db *DB) Requirements(ctx context.Context, enrollmentIDs []int64) (map[int64]*domain.Requirements, error) {
	if len(enrollmentIDs) == 0 {
		return map[int64]*domain.Requirements{}, nil
	}
	if len(enrollmentIDs) > maxRequirementEnrollments {
		return nil, fmt.Errorf("terlalu banyak pendaftaran sekaligus (%d)", len(enrollmentIDs))
	}
	return readRequirements(ctx, db, db.r, enrollmentIDs, true)
}

// readRequirements reads the requirements of the enrollments through q (the
// reader, or the transaction that is about to decide on a certificate).
func readRequirements(ctx context.Context, db *DB, q sqlx.QueryerContext, ids []int64, contacts bool) (map[int64]*domain.Requirements, error) {
	in := func(query string) (string, []any, error) {
		return sqlx.In(query, ids)
	}
	// A trainee's progress copy reads a few enrollments, again after each of
	// their writes: on SQLite through statements prepared once (it parsed
	// these four on every read, some 40 % of their cost; PostgreSQL sends
	// each in one round trip as it is). Staff pages' batches of any size are
	// not kept.
	hot := db.Dialect == SQLite && q == sqlx.QueryerContext(db.r) && len(ids) <= hotRequirementEnrollments
	sel := func(dest any, query string, args ...any) error {
		if hot {
			return db.selectHot(ctx, dest, query, args...)
		}
		return sqlx.SelectContext(ctx, q, dest, db.q(query), args...)
	}
	heads := []struct {
		EnrollmentID       int64     `db:"enrollment_id"`
		UserID             int64     `db:"user_id"`
		CohortID           int64     `db:"cohort_id"`
		CourseID           string    `db:"course_id"`
		EndsOn             time.Time `db:"ends_on"`
		RequiredAttendance int       `db:"required_attendance"`
	}{}
	query, args, err := in(`SELECT e.id AS enrollment_id, e.user_id, e.cohort_id, h.course_id, h.ends_on, co.required_attendance
		FROM enrollments e JOIN cohorts h ON h.id = e.cohort_id JOIN courses co ON co.id = h.course_id
		WHERE e.id IN (?)`)
	if err != nil {
		return nil, fmt.Errorf("menyiapkan persyaratan sertifikat: %w", err)
	}
	if err := sel(&heads, query, args...); err != nil {
		return nil, fmt.Errorf("membaca persyaratan sertifikat: %w", err)
	}
	out := make(map[int64]*domain.Requirements, len(heads))
	cohorts := map[int64][]*domain.Requirements{}
	for _, h := range heads {
		r := &domain.Requirements{EnrollmentID: h.EnrollmentID, UserID: h.UserID, CohortID: h.CohortID, CourseID: h.CourseID,
			EndsOn: h.EndsOn, RequiredAttendance: h.RequiredAttendance}
		out[h.EnrollmentID] = r
		cohorts[h.CohortID] = append(cohorts[h.CohortID], r)
	}

	items := []struct {
		EnrollmentID int64  `db:"enrollment_id"`
		ItemID       string `db:"item_id"`
		Kind         string `db:"kind"`
		State        string `db:"state"`
		Quizzes      int    `db:"quizzes"`
		Versions     int    `db:"versions"`
		SubState     string `db:"sub_state"`
		Extra        int    `db:"extra"`
	}{}
	query, args, err = in(`SELECT e.id AS enrollment_id, i.item_id, i.kind, COALESCE(p.state, '') AS state,
			(SELECT COUNT(*) FROM quiz_attempts qa WHERE qa.enrollment_id = e.id AND qa.item_id = i.item_id) AS quizzes,
			COALESCE(s.versions, 0) AS versions, COALESCE(s.state, '') AS sub_state,
			COALESCE(s.extra_attempts, 0) AS extra
		FROM enrollments e JOIN cohorts h ON h.id = e.cohort_id
		JOIN course_items i ON i.course_id = h.course_id AND i.required AND i.removed_at IS NULL
		LEFT JOIN progress p ON p.enrollment_id = e.id AND p.item_id = i.item_id
		LEFT JOIN submissions s ON s.enrollment_id = e.id AND s.item_id = i.item_id
		WHERE e.id IN (?) ORDER BY e.id, i.position, i.item_id`)
	if err != nil {
		return nil, fmt.Errorf("menyiapkan persyaratan sertifikat: %w", err)
	}
	if err := sel(&items, query, args...); err != nil {
		return nil, fmt.Errorf("membaca item wajib: %w", err)
	}
	perEnrollment := map[int64]int{}
	for _, it := range items {
		perEnrollment[it.EnrollmentID]++
	}
	// Item ids, kinds and states repeat for every trainee: one copy each
	// (unique), since the requirements are kept per trainee in the caches.
	word := func(s string) string { return unique.Make(s).Value() }
	for _, it := range items {
		r := out[it.EnrollmentID]
		if r == nil {
			continue
		}
		if r.Items == nil {
			r.Items = make([]domain.RequiredItem, 0, perEnrollment[it.EnrollmentID])
		}
		ri := domain.RequiredItem{ItemID: word(it.ItemID), Kind: word(it.Kind), State: word(it.State), SubState: domain.SubmissionState(word(it.SubState))}
		switch it.Kind {
		case "quiz":
			ri.Attempts = it.Quizzes
		case "practice":
			ri.Attempts, ri.ExtraAttempts = it.Versions, it.Extra
		}
		r.Items = append(r.Items, ri)
	}

	sessions := []struct {
		EnrollmentID int64     `db:"enrollment_id"`
		SessionID    int64     `db:"session_id"`
		Topic        string    `db:"topic"`
		StartsAt     time.Time `db:"starts_at"`
		EndsAt       time.Time `db:"ends_at"`
		Status       string    `db:"status"`
	}{}
	query, args, err = in(`SELECT e.id AS enrollment_id, s.id AS session_id, s.topic, s.starts_at, s.ends_at, COALESCE(a.status, '') AS status
		FROM enrollments e JOIN live_sessions s ON s.cohort_id = e.cohort_id
		LEFT JOIN attendance a ON a.session_id = s.id AND a.user_id = e.user_id
		WHERE e.id IN (?) ORDER BY e.id, s.starts_at, s.id`)
	if err != nil {
		return nil, fmt.Errorf("menyiapkan persyaratan sertifikat: %w", err)
	}
	if err := sel(&sessions, query, args...); err != nil {
		return nil, fmt.Errorf("membaca kehadiran sesi: %w", err)
	}
	for _, s := range sessions {
		if r := out[s.EnrollmentID]; r != nil {
			r.Sessions = append(r.Sessions, domain.SessionMark{SessionID: s.SessionID, Topic: s.Topic, StartsAt: s.StartsAt, EndsAt: s.EndsAt, Status: s.Status})
		}
	}
	if !contacts || len(cohorts) == 0 {
		return out, nil
	}
	cohortIDs := make([]int64, 0, len(cohorts))
	for id := range cohorts {
		cohortIDs = append(cohortIDs, id)
	}
	names := []struct {
		CohortID int64  `db:"cohort_id"`
		Name     string `db:"name"`
	}{}
	query, args, err = sqlx.In(`SELECT f.cohort_id, u.name FROM cohort_facilitators f JOIN users u ON u.id = f.user_id
		WHERE f.cohort_id IN (?) ORDER BY f.cohort_id, u.name`, cohortIDs)
	if err != nil {
		return nil, fmt.Errorf("menyiapkan daftar fasilitator: %w", err)
	}
	if err := sel(&names, query, args...); err != nil {
		return nil, fmt.Errorf("membaca fasilitator angkatan: %w", err)
	}
	for _, n := range names {
		for _, r := range cohorts[n.CohortID] {
			r.Facilitators = append(r.Facilitators, n.Name)
		}
	}
	return out, nil
}
