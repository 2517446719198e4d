package store

import (
	"context"
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
	db.stmts.m.Range(func(k, v any) bool {
		v.(*sqlx.Stmt).Close()
		db.stmts.m.Delete(k)
		return true
	})
}
