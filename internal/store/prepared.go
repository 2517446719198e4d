package store

import (
	"context"
	"fmt"
	"sync"

	"github.com/jmoiron/sqlx"
)

// stmtCache keeps prepared read statements for the queries on every page
// view, so SQLite does not parse the same SQL again on each request.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sqlx.Stmt
}

func (db *DB) prepared(ctx context.Context, query string) (*sqlx.Stmt, error) {
	db.stmts.mu.Lock()
	defer db.stmts.mu.Unlock()
	if st, ok := db.stmts.m[query]; ok {
		return st, nil
	}
	st, err := db.r.PreparexContext(ctx, db.q(query))
	if err != nil {
		return nil, fmt.Errorf("menyiapkan kueri: %w", err)
	}
	if db.stmts.m == nil {
		db.stmts.m = map[string]*sqlx.Stmt{}
	}
	db.stmts.m[query] = st
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
	db.stmts.mu.Lock()
	defer db.stmts.mu.Unlock()
	for _, st := range db.stmts.m {
		st.Close()
	}
	db.stmts.m = nil
}
