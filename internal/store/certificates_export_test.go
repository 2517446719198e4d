package store

import (
	"context"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// errTestRollback makes IssueInTx's transaction fail after the issue.
var errTestRollback = errors.New("test: transaksi sengaja digagalkan")

// IssueInTx runs issueIfComplete in a transaction of its own; with thenFail
// the transaction fails afterwards, as when a later step of the completing
// event breaks, and everything it did is rolled back.
func (db *DB) IssueInTx(ctx context.Context, enrollmentID int64, now time.Time, thenFail bool) (bool, error) {
	var issued bool
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if issued, err = issueIfComplete(ctx, db, tx, enrollmentID, now); err != nil {
			return err
		}
		if thenFail {
			return errTestRollback
		}
		return nil
	})
	if errors.Is(err, errTestRollback) {
		err = nil
	}
	return issued, err
}

// InsertAgain tries to store a second certificate for an enrollment that has
// one, skipping the check issueIfComplete makes first, to exercise the
// unique-key path; it then proves the transaction is still usable by
// writing an audit row, and reports whether a certificate was stored.
func (db *DB) InsertAgain(ctx context.Context, enrollmentID int64, now time.Time) (bool, error) {
	var ok bool
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		var c completion
		if err := tx.GetContext(ctx, &c, db.q(completionSQL), enrollmentID); err != nil {
			return err
		}
		var err error
		if _, ok, err = insertCertificate(ctx, db, tx, c, now); err != nil {
			return err
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{Action: "test.after_conflict", ObjectType: "enrollment", ObjectID: "x"})
	})
	return ok, err
}
