package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// IsUniqueViolation exposes isUniqueViolation to the tests.
var IsUniqueViolation = isUniqueViolation

// InTx exposes inTx, with its retry, to the tests.
func (db *DB) InTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error { return db.inTx(ctx, fn) }

// LockRow exposes lockRow to the tests.
func (db *DB) LockRow(ctx context.Context, tx *sqlx.Tx, table string, id int64) error {
	return lockRow(ctx, db, tx, table, id)
}
