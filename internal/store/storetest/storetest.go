// Package storetest gives tests a fresh, migrated database on every engine:
// SQLite always, PostgreSQL when BIMTEK_TEST_POSTGRES_URL is set (required under CI=true).
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // PostgreSQL driver

	"github.com/bimtek/bimtek/internal/store"
)

// PostgresEnv names the variable holding the test PostgreSQL URL.
const PostgresEnv = "BIMTEK_TEST_POSTGRES_URL"

// ForEachDB runs fn as a subtest per engine, each with a fresh migrated database.
func ForEachDB(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// SQLite returns a fresh migrated SQLite database in a temp dir.
func SQLite(t testing.TB) *store.DB {
	t.Helper()
	return open(t, store.Config{DataDir: filepath.Join(t.TempDir(), "data")}, true)
}

// open opens cfg for the test, closing it when the test ends; migrate applies the migrations.
func open(t testing.TB, cfg store.Config, migrate bool) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if migrate {
		if err := db.Migrate(context.Background()); err != nil {
			t.Fatalf("migrate: %v", err)
		}
	}
	return db
}

// PostgresURL returns the test URL, skipping (or failing under CI) when unset.
func PostgresURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(PostgresEnv)
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: under CI the PostgreSQL tests must run", PostgresEnv)
		}
		t.Skipf("PostgreSQL not configured: set %s (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable) to run this test", PostgresEnv)
	}
	return u
}

// PostgresSchemaURL creates a fresh, empty schema and returns a URL that
// selects it through search_path; the schema is dropped when the test ends.
func PostgresSchemaURL(t testing.TB) string {
	t.Helper()
	base := PostgresURL(t)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sqlx.Open("postgres", base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema (is PostgreSQL running at %s?): %v", base, err)
	}
	t.Cleanup(func() {
		a, err := sqlx.Open("postgres", base)
		if err == nil {
			a.Exec("DROP SCHEMA " + schema + " CASCADE")
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", PostgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Postgres returns a fresh migrated PostgreSQL database in its own schema.
func Postgres(t testing.TB) *store.DB {
	t.Helper()
	return open(t, store.Config{URL: PostgresSchemaURL(t)}, true)
}

// ForEachDBPair runs fn per engine with two handles on one fresh database,
// as two app processes (or an app and a command) would hold them.
func ForEachDBPair(t *testing.T, fn func(t *testing.T, a, b *store.DB)) {
	t.Helper()
	pair := func(t *testing.T, cfg store.Config) { fn(t, open(t, cfg, true), open(t, cfg, false)) }
	t.Run("sqlite", func(t *testing.T) { pair(t, store.Config{DataDir: filepath.Join(t.TempDir(), "data")}) })
	t.Run("postgres", func(t *testing.T) { pair(t, store.Config{URL: PostgresSchemaURL(t)}) })
}
