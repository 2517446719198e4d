// Package storetest is the former home of the database helpers, now in
// internal/testkit; it forwards to them so tests written against it keep
// working. New tests use testkit.
package storetest

import (
	"testing"

	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// PostgresEnv names the variable holding the test PostgreSQL URL.
const PostgresEnv = testkit.PostgresEnv

// ForEachDB is testkit.ForEachDB.
func ForEachDB(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	testkit.ForEachDB(t, fn)
}

// ForEachDBPair is testkit.ForEachDBPair.
func ForEachDBPair(t *testing.T, fn func(t *testing.T, a, b *store.DB)) {
	t.Helper()
	testkit.ForEachDBPair(t, fn)
}

// SQLite is testkit.SQLite.
func SQLite(t testing.TB) *store.DB { t.Helper(); return testkit.SQLite(t) }

// Postgres is testkit.Postgres.
func Postgres(t testing.TB) *store.DB { t.Helper(); return testkit.Postgres(t) }

// PostgresURL is testkit.PostgresURL.
func PostgresURL(t testing.TB) string { t.Helper(); return testkit.PostgresURL(t) }

// PostgresSchemaURL is testkit.PostgresSchemaURL.
func PostgresSchemaURL(t testing.TB) string { t.Helper(); return testkit.PostgresSchemaURL(t) }
