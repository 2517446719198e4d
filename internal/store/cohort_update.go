package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// UpdateCohort renames a cohort or moves its dates, audit-logged with before
// and after. It writes only when the cohort still has the values the form
// showed, so of two admins at once the second gets a CodeConflict instead of
// overwriting the first; a name taken in the region is a CodeConflict too.
func (db *DB) UpdateCohort(ctx context.Context, e domain.CohortEdit) (domain.Cohort, error) {
	var co domain.Cohort
	name := strings.TrimSpace(e.Name)
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		// The row is held for the rest of the transaction (SQLite: one writer),
		// so the values compared are the values replaced.
		if err := lockRow(ctx, db, tx, "cohorts", e.CohortID); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &co, db.q(`SELECT * FROM cohorts WHERE id = ? AND region_id = ?`), e.CohortID, e.RegionID); err != nil {
			return notFound(err)
		}
		if co.Name == name && sameDay(co.StartsOn, e.StartsOn) && sameDay(co.EndsOn, e.EndsOn) {
			return nil
		}
		if co.Name != e.Seen.Name || !sameDay(co.StartsOn, e.Seen.StartsOn) || !sameDay(co.EndsOn, e.Seen.EndsOn) {
			return ErrCohortChanged
		}
		_, err := tx.ExecContext(ctx, db.q(`UPDATE cohorts SET name = ?, starts_on = ?, ends_on = ? WHERE id = ?`),
			name, day(e.StartsOn), day(e.EndsOn), e.CohortID)
		if isUniqueViolation(err) {
			return domain.Errorf(domain.CodeConflict, "nama angkatan “%s” sudah dipakai", name)
		}
		if err != nil {
			return fmt.Errorf("mengubah angkatan: %w", err)
		}
		before := co
		if err := tx.GetContext(ctx, &co, db.q(`SELECT * FROM cohorts WHERE id = ?`), e.CohortID); err != nil {
			return fmt.Errorf("membaca angkatan: %w", err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &e.ActorID, Action: "cohort.update", ObjectType: "cohort", ObjectID: fmt.Sprint(co.ID),
			Before: map[string]any{"name": before.Name, "starts_on": before.StartsOn, "ends_on": before.EndsOn},
			After:  map[string]any{"name": co.Name, "starts_on": co.StartsOn, "ends_on": co.EndsOn}})
	})
	return co, err
}

// ErrCohortChanged is UpdateCohort's refusal when the cohort changed after
// the form was opened.
var ErrCohortChanged = domain.Errorf(domain.CodeConflict, "angkatan ini baru saja diubah oleh admin lain; tidak ada yang disimpan. Periksa data yang tampil sekarang, lalu ubah lagi bila perlu")

func sameDay(a, b time.Time) bool { return a.Format("2006-01-02") == b.Format("2006-01-02") }
