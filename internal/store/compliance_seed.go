package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/certify"
)

// CertificateSeed is a certificate placed directly, with any dates, for the
// compliance tests and fixtures: it skips the issuing rules (requirements,
// numbering) on purpose, to set up an OPD in a given state.
type CertificateSeed struct {
	EnrollmentID int64
	IssuedAt     time.Time
	ValidUntil   time.Time
	// RevokedAt, when set, marks it revoked with Reason (required then).
	RevokedAt *time.Time
	Reason    string
}

// SeedCertificateAt inserts a certificate for an enrollment with the given
// dates and returns its id. Its number is "SEED/<year>/<region>/<enrollment>",
// so it never collides with a real one.
func (db *DB) SeedCertificateAt(ctx context.Context, s CertificateSeed) (int64, error) {
	code, err := certify.NewCode()
	if err != nil {
		return 0, fmt.Errorf("membuat kode sertifikat: %w", err)
	}
	var id int64
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		var e struct {
			UserID   int64  `db:"user_id"`
			RegionID int64  `db:"region_id"`
			Code     string `db:"code"`
			CourseID string `db:"course_id"`
		}
		err := tx.GetContext(ctx, &e, db.q(`SELECT e.user_id, co.region_id, r.code, co.course_id
			FROM enrollments e JOIN cohorts co ON co.id = e.cohort_id JOIN regions r ON r.id = co.region_id WHERE e.id = ?`), s.EnrollmentID)
		if err != nil {
			return fmt.Errorf("membaca pendaftaran %d: %w", s.EnrollmentID, notFound(err))
		}
		year := s.IssuedAt.UTC().Year()
		return tx.GetContext(ctx, &id, db.q(`INSERT INTO certificates (region_id, user_id, enrollment_id, course_id, year, seq, number, code,
			issued_at, valid_until, revoked_at, revoke_reason, signer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (`+currentSignerSQL+`)) RETURNING id`),
			e.RegionID, e.UserID, s.EnrollmentID, e.CourseID, year, s.EnrollmentID,
			fmt.Sprintf("SEED/%d/%s/%06d", year, e.Code, s.EnrollmentID), code,
			s.IssuedAt.UTC(), s.ValidUntil.UTC(), utcPtr(s.RevokedAt), s.Reason, e.RegionID)
	})
	if err != nil {
		return 0, fmt.Errorf("menanam sertifikat: %w", err)
	}
	return id, nil
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
