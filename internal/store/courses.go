package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// CourseRow mirrors one course file set in the database, with the
// certificate rules the store checks when a trainee completes something.
type CourseRow struct {
	ID          string     `db:"id"`
	Title       string     `db:"title"`
	Summary     string     `db:"summary"`
	Hours       int        `db:"hours"`
	ContentHash string     `db:"content_hash"`
	SyncedAt    time.Time  `db:"synced_at"`
	RemovedAt   *time.Time `db:"removed_at"`
	// CertificateTitle, ValidityMonths (0: no certificate) and
	// RequiredAttendance (live sessions attended) come from course.yaml.
	CertificateTitle   string    `db:"certificate_title"`
	ValidityMonths     int       `db:"validity_months"`
	RequiredAttendance int       `db:"required_attendance"`
	Items              []ItemRow `db:"-"`
}

// ItemRow mirrors one lesson, quiz or practice.
type ItemRow struct {
	CourseID    string     `db:"course_id"`
	ItemID      string     `db:"item_id"`
	Kind        string     `db:"kind"`
	Title       string     `db:"title"`
	ModuleID    string     `db:"module_id"`
	Position    int        `db:"position"`
	ContentHash string     `db:"content_hash"`
	SyncedAt    time.Time  `db:"synced_at"`
	RemovedAt   *time.Time `db:"removed_at"`
	Required    bool       `db:"required"` // needed for the certificate
}

// SyncStats says what a sync changed.
type SyncStats struct {
	Added, Updated, Removed, Unchanged int
}

// SyncCourses makes the course tables match the given content, in one
// transaction. Rows are keyed by stable ids: a changed item is updated in
// place (progress stays), a vanished item or course is marked removed (its
// history stays), and a returning one is restored.
func (db *DB) SyncCourses(ctx context.Context, courses []CourseRow) (SyncStats, error) {
	var st SyncStats
	t := now()
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		st = SyncStats{}
		var existing []CourseRow
		if err := tx.SelectContext(ctx, &existing, `SELECT * FROM courses`); err != nil {
			return fmt.Errorf("membaca kursus: %w", err)
		}
		seenCourse := map[string]bool{}
		for _, c := range courses {
			seenCourse[c.ID] = true
			_, err := tx.ExecContext(ctx, db.q(`INSERT INTO courses (id, title, summary, hours, content_hash, synced_at,
					certificate_title, validity_months, required_attendance)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary, hours = excluded.hours,
					content_hash = excluded.content_hash, synced_at = excluded.synced_at, removed_at = NULL,
					certificate_title = excluded.certificate_title, validity_months = excluded.validity_months,
					required_attendance = excluded.required_attendance`),
				c.ID, c.Title, c.Summary, c.Hours, c.ContentHash, t, c.CertificateTitle, c.ValidityMonths, c.RequiredAttendance)
			if err != nil {
				return fmt.Errorf("menyimpan kursus %s: %w", c.ID, err)
			}
			var items []ItemRow
			if err := tx.SelectContext(ctx, &items, db.q(`SELECT * FROM course_items WHERE course_id = ?`), c.ID); err != nil {
				return fmt.Errorf("membaca item kursus %s: %w", c.ID, err)
			}
			old := map[string]ItemRow{}
			for _, it := range items {
				old[it.ItemID] = it
			}
			seen := map[string]bool{}
			for _, it := range c.Items {
				seen[it.ItemID] = true
				prev, had := old[it.ItemID]
				switch {
				case !had:
					st.Added++
				case prev.ContentHash != it.ContentHash || prev.Title != it.Title || prev.Position != it.Position ||
					prev.ModuleID != it.ModuleID || prev.Kind != it.Kind || prev.Required != it.Required || prev.RemovedAt != nil:
					st.Updated++
				default:
					st.Unchanged++
					continue
				}
				_, err := tx.ExecContext(ctx, db.q(`INSERT INTO course_items (course_id, item_id, kind, title, module_id, position, content_hash, synced_at, required)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (course_id, item_id) DO UPDATE SET kind = excluded.kind, title = excluded.title, module_id = excluded.module_id,
						position = excluded.position, content_hash = excluded.content_hash, synced_at = excluded.synced_at, removed_at = NULL,
						required = excluded.required`),
					c.ID, it.ItemID, it.Kind, it.Title, it.ModuleID, it.Position, it.ContentHash, t, it.Required)
				if err != nil {
					return fmt.Errorf("menyimpan item %s/%s: %w", c.ID, it.ItemID, err)
				}
			}
			for id, it := range old {
				if !seen[id] && it.RemovedAt == nil {
					st.Removed++
					if _, err := tx.ExecContext(ctx, db.q(`UPDATE course_items SET removed_at = ? WHERE course_id = ? AND item_id = ?`), t, c.ID, id); err != nil {
						return fmt.Errorf("menandai item %s/%s dihapus: %w", c.ID, id, err)
					}
				}
			}
		}
		for _, c := range existing {
			if !seenCourse[c.ID] && c.RemovedAt == nil {
				if _, err := tx.ExecContext(ctx, db.q(`UPDATE courses SET removed_at = ? WHERE id = ?`), t, c.ID); err != nil {
					return fmt.Errorf("menandai kursus %s dihapus: %w", c.ID, err)
				}
			}
		}
		return nil
	})
	return st, err
}

// CourseItems lists a course's items as stored, removed ones included.
func (db *DB) CourseItems(ctx context.Context, courseID string) ([]ItemRow, error) {
	var items []ItemRow
	err := db.r.SelectContext(ctx, &items, db.q(`SELECT * FROM course_items WHERE course_id = ? ORDER BY position`), courseID)
	if err != nil {
		return nil, fmt.Errorf("membaca item kursus %s: %w", courseID, err)
	}
	return items, nil
}

// ActiveCourses lists the courses that are present in the content.
func (db *DB) ActiveCourses(ctx context.Context) ([]CourseRow, error) {
	var cs []CourseRow
	if err := db.r.SelectContext(ctx, &cs, `SELECT * FROM courses WHERE removed_at IS NULL ORDER BY title`); err != nil {
		return nil, fmt.Errorf("membaca kursus: %w", err)
	}
	return cs, nil
}
