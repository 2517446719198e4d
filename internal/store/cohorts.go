package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// CreateCohort stores a cohort and its facilitators in one transaction, audit-logged.
func (db *DB) CreateCohort(ctx context.Context, actorID *int64, nc domain.NewCohort) (domain.Cohort, error) {
	var c domain.Cohort
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &c, db.q(`INSERT INTO cohorts (region_id, course_id, name, starts_on, ends_on, created_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING *`), nc.RegionID, nc.CourseID, strings.TrimSpace(nc.Name), day(nc.StartsOn), day(nc.EndsOn), now())
		if isUniqueViolation(err) {
			return domain.Errorf(domain.CodeConflict, "nama angkatan “%s” sudah dipakai", nc.Name)
		}
		if err != nil {
			return fmt.Errorf("menyimpan angkatan: %w", err)
		}
		for _, f := range nc.FacilitatorIDs {
			if err := addFacilitator(ctx, db, tx, c.ID, f); err != nil {
				return err
			}
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: actorID, Action: "cohort.create", ObjectType: "cohort", ObjectID: fmt.Sprint(c.ID),
			After: map[string]any{"name": c.Name, "course": c.CourseID, "facilitators": nc.FacilitatorIDs}})
	})
	return c, err
}

// day stores a date as midnight UTC, so both engines keep the same calendar day.
func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }

func addFacilitator(ctx context.Context, db *DB, tx *sqlx.Tx, cohortID, userID int64) error {
	var role domain.Role
	if err := tx.GetContext(ctx, &role, db.q(`SELECT role FROM users WHERE id = ?`), userID); err != nil {
		return notFound(err)
	}
	if role != domain.RoleFasilitator && role != domain.RoleAdmin {
		return domain.Errorf(domain.CodeInvalid, "pengguna #%d bukan fasilitator", userID)
	}
	_, err := tx.ExecContext(ctx, db.q(`INSERT INTO cohort_facilitators (cohort_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING`), cohortID, userID)
	if err != nil {
		return fmt.Errorf("menambahkan fasilitator: %w", err)
	}
	return nil
}

// Cohort returns one cohort.
func (db *DB) Cohort(ctx context.Context, id int64) (domain.Cohort, error) {
	var c domain.Cohort
	err := db.r.GetContext(ctx, &c, db.q(`SELECT * FROM cohorts WHERE id = ?`), id)
	return c, notFound(err)
}

// CohortByName returns the region's cohort with that name.
func (db *DB) CohortByName(ctx context.Context, regionID int64, name string) (domain.Cohort, error) {
	var c domain.Cohort
	err := db.r.GetContext(ctx, &c, db.q(`SELECT * FROM cohorts WHERE region_id = ? AND name = ?`), regionID, name)
	return c, notFound(err)
}

const cohortSummarySQL = `SELECT c.*, co.title AS course_title,
	(SELECT COUNT(*) FROM enrollments e WHERE e.cohort_id = c.id AND e.status <> 'keluar') AS trainees,
	(SELECT COUNT(*) FROM cohort_facilitators f WHERE f.cohort_id = c.id) AS facilitators,
	(SELECT COUNT(*) FROM live_sessions s WHERE s.cohort_id = c.id) AS sessions
	FROM cohorts c JOIN courses co ON co.id = c.course_id`

// CohortsOfRegion lists a region's cohorts, newest first, one page at a time.
func (db *DB) CohortsOfRegion(ctx context.Context, regionID int64, limit, offset int) ([]domain.CohortSummary, int, error) {
	var total int
	if err := db.r.GetContext(ctx, &total, db.q(`SELECT COUNT(*) FROM cohorts WHERE region_id = ?`), regionID); err != nil {
		return nil, 0, fmt.Errorf("menghitung angkatan: %w", err)
	}
	var out []domain.CohortSummary
	err := db.r.SelectContext(ctx, &out, db.q(cohortSummarySQL+` WHERE c.region_id = ? ORDER BY c.starts_on DESC, c.id DESC LIMIT ? OFFSET ?`), regionID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("membaca angkatan: %w", err)
	}
	return out, total, nil
}

// CohortsOfFacilitator lists the cohorts a facilitator is assigned to.
func (db *DB) CohortsOfFacilitator(ctx context.Context, userID int64) ([]domain.CohortSummary, error) {
	var out []domain.CohortSummary
	err := db.r.SelectContext(ctx, &out, db.q(cohortSummarySQL+` WHERE c.id IN (SELECT cohort_id FROM cohort_facilitators WHERE user_id = ?)
		ORDER BY c.starts_on DESC LIMIT 100`), userID)
	if err != nil {
		return nil, fmt.Errorf("membaca angkatan fasilitator: %w", err)
	}
	return out, nil
}

// FacilitatorCohortNames lists the cohorts a facilitator leads, newest
// first, with their ids and names only (the queue's filter): no member
// counts, whose cost grows with the cohorts.
func (db *DB) FacilitatorCohortNames(ctx context.Context, userID int64) ([]domain.CohortSummary, error) {
	var rows []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	err := db.r.SelectContext(ctx, &rows, db.q(`SELECT c.id, c.name FROM cohorts c
		WHERE c.id IN (SELECT cohort_id FROM cohort_facilitators WHERE user_id = ?) ORDER BY c.starts_on DESC LIMIT 100`), userID)
	if err != nil {
		return nil, fmt.Errorf("membaca angkatan fasilitator: %w", err)
	}
	out := make([]domain.CohortSummary, len(rows))
	for i, r := range rows {
		out[i].ID, out[i].Name = r.ID, r.Name
	}
	return out, nil
}

// Facilitates reports whether a user is a facilitator of a cohort.
func (db *DB) Facilitates(ctx context.Context, userID, cohortID int64) (bool, error) {
	var n int
	err := db.r.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM cohort_facilitators WHERE user_id = ? AND cohort_id = ?`), userID, cohortID)
	return n > 0, err
}

// CohortFacilitators lists a cohort's facilitators.
func (db *DB) CohortFacilitators(ctx context.Context, cohortID int64) ([]domain.User, error) {
	var us []domain.User
	err := db.r.SelectContext(ctx, &us, db.q(`SELECT u.* FROM users u JOIN cohort_facilitators f ON f.user_id = u.id WHERE f.cohort_id = ? ORDER BY u.name`), cohortID)
	if err != nil {
		return nil, fmt.Errorf("membaca fasilitator angkatan: %w", err)
	}
	return us, nil
}

// AddFacilitator assigns a facilitator to a cohort (idempotent), audit-logged.
func (db *DB) AddFacilitator(ctx context.Context, actorID *int64, cohortID, userID int64) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := addFacilitator(ctx, db, tx, cohortID, userID); err != nil {
			return err
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: actorID, Action: "cohort.facilitator.add", ObjectType: "cohort",
			ObjectID: fmt.Sprint(cohortID), After: map[string]any{"user_id": userID}})
	})
}

// Enroll puts trainees into a cohort; already enrolled ones are left as they
// are, and one who was taken out (keluar) is active again with the progress
// they had. It returns how many were added. Only peserta can be enrolled.
func (db *DB) Enroll(ctx context.Context, actorID *int64, cohortID int64, userIDs []int64) (int, error) {
	added := 0
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		added = 0
		for _, uid := range userIDs {
			var role domain.Role
			if err := tx.GetContext(ctx, &role, db.q(`SELECT role FROM users WHERE id = ?`), uid); err != nil {
				if errors.Is(notFound(err), errNotFound) {
					return domain.Errort(domain.CodeInvalid, "pengguna #{{.ID}} tidak ada", map[string]any{"ID": uid})
				}
				return err
			}
			if role != domain.RolePeserta {
				return domain.Errort(domain.CodeInvalid, "hanya peserta yang dapat didaftarkan ke angkatan (pengguna #{{.ID}} berperan {{.Role}})", map[string]any{"ID": uid, "Role": i18n.Phrase(role.Label())})
			}
			res, err := tx.ExecContext(ctx, db.q(`INSERT INTO enrollments (cohort_id, user_id, status, created_at) VALUES (?, ?, 'aktif', ?)
				ON CONFLICT (cohort_id, user_id) DO UPDATE SET status = 'aktif' WHERE enrollments.status = 'keluar'`), cohortID, uid, now())
			if err != nil {
				return fmt.Errorf("mendaftarkan peserta #%d: %w", uid, err)
			}
			if n, _ := res.RowsAffected(); n > 0 {
				added++
			}
		}
		if added == 0 {
			return nil
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: actorID, Action: "cohort.enroll", ObjectType: "cohort",
			ObjectID: fmt.Sprint(cohortID), After: map[string]any{"user_ids": userIDs, "added": added}})
	})
	return added, err
}

// enrollmentSelect reads an domain.EnrollmentView by position (see fields): these
// queries run on every trainee page, where reflection-based scanning shows.
const (
	enrollmentCols   = `SELECT e.id, e.cohort_id, e.user_id, e.status, e.created_at, c.name, c.course_id, co.title, c.starts_on, c.ends_on`
	enrollmentFrom   = ` FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN courses co ON co.id = c.course_id`
	enrollmentSelect = enrollmentCols + enrollmentFrom
)

// enrollmentFields are the scan targets of enrollmentSelect's columns, in order.
func enrollmentFields(e *domain.EnrollmentView) []any {
	return []any{&e.ID, &e.CohortID, &e.UserID, &e.Status, &e.CreatedAt, &e.CohortName, &e.CourseID, &e.CourseTitle, &e.StartsOn, &e.EndsOn}
}

// EnrollmentsOfUser lists a trainee's enrollments (not those they left), newest cohort first.
// It scans by position: it runs on every trainee Beranda.
func (db *DB) EnrollmentsOfUser(ctx context.Context, userID int64) ([]domain.EnrollmentView, error) {
	st, err := db.prepared(ctx, enrollmentSelect+` WHERE e.user_id = ? AND e.status <> 'keluar' AND co.removed_at IS NULL ORDER BY c.starts_on DESC LIMIT 50`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, userID)
	if err != nil {
		return nil, fmt.Errorf("membaca pendaftaran: %w", err)
	}
	defer rows.Close()
	var out []domain.EnrollmentView
	for rows.Next() {
		var e domain.EnrollmentView
		if err := rows.Scan(enrollmentFields(&e)...); err != nil {
			return nil, fmt.Errorf("membaca pendaftaran: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// EnrollmentForCourse returns the trainee's current enrollment in a course
// (the newest cohort they have not left), or ErrNotFound.
// It scans by position: it runs on every course page view.
func (db *DB) EnrollmentForCourse(ctx context.Context, userID int64, courseID string) (domain.EnrollmentView, error) {
	var e domain.EnrollmentView
	st, err := db.prepared(ctx, enrollmentSelect+` WHERE e.user_id = ? AND c.course_id = ? AND e.status <> 'keluar' ORDER BY c.starts_on DESC LIMIT 1`)
	if err != nil {
		return e, err
	}
	err = st.QueryRowContext(ctx, userID, courseID).Scan(enrollmentFields(&e)...)
	return e, notFound(err)
}

// CohortMembers lists a cohort's trainees with how many items each has completed.
func (db *DB) CohortMembers(ctx context.Context, cohortID int64, limit int) ([]domain.CohortMember, error) {
	var out []domain.CohortMember
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT e.id AS enrollment_id, u.id AS user_id, u.name, u.email, COALESCE(o.name, '') AS opd_name, e.status,
			(SELECT COUNT(*) FROM progress p WHERE p.enrollment_id = e.id AND p.state IN ('selesai', 'lulus')) AS done
		FROM enrollments e JOIN users u ON u.id = e.user_id LEFT JOIN opds o ON o.id = u.opd_id
		WHERE e.cohort_id = ? ORDER BY u.name LIMIT ?`), cohortID, limit)
	if err != nil {
		return nil, fmt.Errorf("membaca peserta angkatan: %w", err)
	}
	return out, nil
}
