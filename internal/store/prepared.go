package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/jmoiron/sqlx"
)

// stmtCache keeps prepared read statements for the queries on every page
// view, so SQLite does not parse the same SQL again on each request.
// Reads take no lock (sync.Map); two goroutines preparing the same query at
// once keep the first statement and close the other.
type stmtCache struct {
	m sync.Map // query → *sqlx.Stmt
}

func (db *DB) prepared(ctx context.Context, query string) (*sqlx.Stmt, error) {
	if st, ok := db.stmts.m.Load(query); ok {
		return st.(*sqlx.Stmt), nil
	}
	st, err := db.r.PreparexContext(ctx, db.q(query))
	if err != nil {
		return nil, fmt.Errorf("menyiapkan kueri: %w", err)
	}
	if prev, loaded := db.stmts.m.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sqlx.Stmt), nil
	}
	return st, nil
}

// getHot runs a single-row read through a cached prepared statement.
func (db *DB) getHot(ctx context.Context, dest any, query string, args ...any) error {
	st, err := db.prepared(ctx, query)
	if err != nil {
		return err
	}
	return st.GetContext(ctx, dest, args...)
}

// selectHot runs a multi-row read through a cached prepared statement.
func (db *DB) selectHot(ctx context.Context, dest any, query string, args ...any) error {
	st, err := db.prepared(ctx, query)
	if err != nil {
		return err
	}
	return st.SelectContext(ctx, dest, args...)
}

func (db *DB) closeStmts() {
	for _, m := range []*sync.Map{&db.stmts.m, &db.wstmts.m} {
		m.Range(func(k, v any) bool {
			v.(*sqlx.Stmt).Close()
			m.Delete(k)
			return true
		})
	}
}

// writeStmts keeps the SQLite writer's prepared statements for the writes a
// trainee makes all day (Tandai selesai, autosave, Kirim rilis): its one
// connection otherwise parses their SQL again each time. PostgreSQL prepares
// nothing here: a statement prepared on one connection of the pool would be
// prepared again, a round trip more, on a transaction's.
type writeStmts struct {
	m sync.Map // query → *sqlx.Stmt
}

func (db *DB) preparedWrite(ctx context.Context, query string) (*sqlx.Stmt, error) {
	if st, ok := db.wstmts.m.Load(query); ok {
		return st.(*sqlx.Stmt), nil
	}
	st, err := db.w.PreparexContext(ctx, db.q(query))
	if err != nil {
		return nil, fmt.Errorf("menyiapkan kueri: %w", err)
	}
	if prev, loaded := db.wstmts.m.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sqlx.Stmt), nil
	}
	return st, nil
}

// prepareWrites prepares, on SQLite, the statements a transaction is about
// to run, before it takes the writer's connection: inside it a statement not
// prepared yet is parsed on every run (see writeStmt). A query that fails to
// prepare is left to fail where it runs.
func (db *DB) prepareWrites(ctx context.Context, queries ...string) {
	if db.Dialect != SQLite {
		return
	}
	for _, q := range queries {
		if _, ok := db.wstmts.m.Load(q); !ok {
			_, _ = db.preparedWrite(ctx, q)
		}
	}
}

// writeStmt returns query prepared by the SQLite writer, inside tx when it is
// not nil; nil on PostgreSQL, and in a transaction for a query not prepared
// yet (the writer's one connection is the transaction's: preparing on the
// pool would wait for it forever).
func (db *DB) writeStmt(ctx context.Context, tx *sqlx.Tx, query string) (*sqlx.Stmt, error) {
	if db.Dialect != SQLite {
		return nil, nil
	}
	if tx == nil {
		return db.preparedWrite(ctx, query)
	}
	if st, ok := db.wstmts.m.Load(query); ok {
		return tx.StmtxContext(ctx, st.(*sqlx.Stmt)), nil
	}
	return nil, nil
}

// writeExec runs a write statement in tx, or on its own when tx is nil
// (without waiting for the change feed, see afterWrite).
func (db *DB) writeExec(ctx context.Context, tx *sqlx.Tx, query string, args ...any) (sql.Result, error) {
	st, err := db.writeStmt(ctx, tx, query)
	switch {
	case err != nil:
		return nil, err
	case st != nil:
		return st.ExecContext(ctx, args...)
	case tx != nil:
		return tx.ExecContext(ctx, db.q(query), args...)
	}
	// Like a prepared statement, and writeGet: the caller lets the change
	// feed catch up (afterWrite) once its write is complete.
	return db.w.DB.ExecContext(ctx, db.q(query), args...)
}

// writeGet is writeExec for a statement that returns one row (RETURNING, or a
// read inside the transaction).
func (db *DB) writeGet(ctx context.Context, tx *sqlx.Tx, dest any, query string, args ...any) error {
	st, err := db.writeStmt(ctx, tx, query)
	switch {
	case err != nil:
		return err
	case st != nil:
		return st.GetContext(ctx, dest, args...)
	case tx != nil:
		return tx.GetContext(ctx, dest, db.q(query), args...)
	}
	return db.w.DB.GetContext(ctx, dest, db.q(query), args...)
}
