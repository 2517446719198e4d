package testkit

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	_ "github.com/lib/pq" // PostgreSQL driver

	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/migrations"
)

// PostgresEnv names the variable holding the test PostgreSQL URL.
const PostgresEnv = "BIMTEK_TEST_POSTGRES_URL"

// PostgresParallelEnv may set how many tests of one process hold PostgreSQL
// databases at once (default pgParallel). The server is shared by every test
// process and allows 100 connections; each database is a pool of its own.
const PostgresParallelEnv = "BIMTEK_TEST_POSTGRES_PARALLEL"

const pgParallel = 3

// ForEachDB runs fn as a subtest per engine, each with a fresh migrated
// database. The two subtests run in parallel with each other (not with other
// tests, unless the test itself calls t.Parallel).
func ForEachDB(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { t.Parallel(); fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { t.Parallel(); fn(t, Postgres(t)) })
}

// ForEachDBInTurn is ForEachDB with the engines one after the other, for a
// test that gathers what both engines did and checks it after them.
func ForEachDBInTurn(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// ForEachDBPair runs fn per engine with two handles on one fresh database,
// as two app processes (or an app and a command) would hold them.
func ForEachDBPair(t *testing.T, fn func(t *testing.T, a, b *store.DB)) {
	t.Helper()
	pair := func(t *testing.T, cfg store.Config) { fn(t, Open(t, cfg), Open(t, cfg)) }
	t.Run("sqlite", func(t *testing.T) { t.Parallel(); pair(t, store.Config{DataDir: SQLiteDir(t)}) })
	t.Run("postgres", func(t *testing.T) { t.Parallel(); pair(t, store.Config{URL: PostgresDBURL(t)}) })
}

// SQLite returns a fresh migrated SQLite database in a temp dir.
func SQLite(t testing.TB) *store.DB {
	t.Helper()
	return Open(t, store.Config{DataDir: SQLiteDir(t)})
}

// Postgres returns a fresh migrated PostgreSQL database of its own.
func Postgres(t testing.TB) *store.DB {
	t.Helper()
	return Open(t, store.Config{URL: PostgresDBURL(t)})
}

// Open opens cfg for the test, closing it when the test ends.
func Open(t testing.TB, cfg store.Config) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if u, err := url.Parse(cfg.URL); err == nil && cfg.URL != "" {
		databases.Store(db, strings.TrimPrefix(u.Path, "/"))
		t.Cleanup(func() { databases.Delete(db) })
	}
	return db
}

// databases holds the PostgreSQL database name of each handle Open made.
var databases sync.Map

// DatabaseName is the PostgreSQL database that db (opened by this package)
// is connected to: each test has its own, so a test that looks at the
// server's connections (pg_stat_activity) finds its own by this name.
func DatabaseName(t testing.TB, db *store.DB) string {
	t.Helper()
	name, ok := databases.Load(db)
	if !ok {
		t.Fatal("testkit.DatabaseName: not a PostgreSQL database opened by testkit")
	}
	return name.(string)
}

// sqliteTemplate is a migrated SQLite database file, made once per process.
var sqliteTemplate = sync.OnceValues(func() ([]byte, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "bimtek-testkit-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	db, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	out := filepath.Join(dir, "template.db")
	if err := db.BackupSQLite(ctx, out); err != nil {
		return nil, err
	}
	return os.ReadFile(out)
})

// SQLiteDir returns a new data directory holding a migrated SQLite database
// (store.Config{DataDir: dir}), for tests that open it themselves.
func SQLiteDir(t testing.TB) string {
	t.Helper()
	b, err := sqliteTemplate()
	if err != nil {
		t.Fatalf("migrated SQLite template: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	// The file holds password hashes: 0600, as store.Open creates it.
	if err := os.WriteFile(filepath.Join(dir, store.SQLiteFile), b, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// PostgresURL returns the test URL, skipping (or failing under CI) when unset.
func PostgresURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(PostgresEnv)
	if u == "" {
		Need(t, "PostgreSQL not configured", "set "+PostgresEnv+" (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable)")
	}
	return u
}

// PostgresSchemaURL creates a fresh, empty schema in the test database and
// returns a URL that selects it through search_path; the schema is dropped
// when the test ends. For tests that migrate (or let the app migrate) themselves.
func PostgresSchemaURL(t testing.TB) string {
	t.Helper()
	base := PostgresURL(t)
	admin, err := pgAdmin(base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	schema := "t_" + randomHex(6)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema (is PostgreSQL running at %s?): %v", base, err)
	}
	t.Cleanup(func() { admin.Exec("DROP SCHEMA " + schema + " CASCADE") })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", PostgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// PostgresDBURL returns the URL of a fresh migrated PostgreSQL database,
// created from the migrated template and dropped when the test ends. Where
// the user may not create databases it falls back to a schema migrated for
// the test.
func PostgresDBURL(t testing.TB) string {
	t.Helper()
	base := PostgresURL(t)
	holdPostgres(t)
	admin, err := pgAdmin(base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	tmpl, err := pgTemplate(base)
	if err != nil {
		t.Logf("no template database (%v): migrating a schema for this test", err)
		u := PostgresSchemaURL(t)
		db := Open(t, store.Config{URL: u})
		if err := db.Migrate(context.Background()); err != nil {
			t.Fatalf("migrate: %v", err)
		}
		return u
	}
	name := fmt.Sprintf("%s%d_%s", pgTestPrefix, os.Getpid(), randomHex(5))
	if _, err := admin.Exec("CREATE DATABASE " + name + " TEMPLATE " + tmpl); err != nil {
		t.Fatalf("create database from %s: %v", tmpl, err)
	}
	// A commit need not wait for the WAL to reach the disk: the server does
	// not crash during a test, and what clients see is the same.
	if _, err := admin.Exec("ALTER DATABASE " + name + " SET synchronous_commit = off"); err != nil {
		t.Fatalf("set up database %s: %v", name, err)
	}
	// Runs after the test's own cleanups (store.DB.Close among them).
	t.Cleanup(func() { dropLater(admin, name) })
	return withDatabase(base, name)
}

// DROP DATABASE waits for a checkpoint (most of a second), so databases are
// dropped one after the other in the background while the tests go on. What
// a process leaves when it ends is dropped by a later test process on this
// machine (dropDeadProcessDatabases).
var (
	dropOnce  sync.Once
	dropQueue chan func()
)

func dropLater(admin *sql.DB, name string) {
	dropOnce.Do(func() {
		dropQueue = make(chan func(), 1<<12)
		go func() {
			for fn := range dropQueue {
				fn()
			}
		}()
	})
	fn := func() { admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") }
	select {
	case dropQueue <- fn:
	default:
		fn()
	}
}

// pgTestPrefix starts the name of every per-test database; the process id follows.
const pgTestPrefix = "bimtek_t_"

// templateVersion changes when the way the template is made changes.
const templateVersion = "1"

var (
	adminMu sync.Mutex
	admins  = map[string]*sql.DB{}
)

// pgAdmin is a small pool per base URL for CREATE and DROP, kept for the process.
func pgAdmin(base string) (*sql.DB, error) {
	adminMu.Lock()
	defer adminMu.Unlock()
	if db := admins[base]; db != nil {
		return db, nil
	}
	db, err := sql.Open("postgres", base)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(2)
	db.SetMaxIdleConns(1)
	admins[base] = db
	return db, nil
}

var (
	templateMu sync.Mutex
	templates  = map[string]templateResult{}
)

type templateResult struct {
	name string
	err  error
}

// pgTemplate returns the name of the migrated template database for base,
// making it if no process has yet. Its name carries a hash of the
// PostgreSQL migrations, so a branch with other migrations gets its own.
func pgTemplate(base string) (string, error) {
	templateMu.Lock()
	defer templateMu.Unlock()
	if r, ok := templates[base]; ok {
		return r.name, r.err
	}
	name, err := makeTemplate(base)
	templates[base] = templateResult{name, err}
	return name, err
}

func makeTemplate(base string) (string, error) {
	ctx := context.Background()
	sum := sha256.New()
	sum.Write([]byte(templateVersion))
	err := fs.WalkDir(migrations.FS, "postgres", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(migrations.FS, path)
		fmt.Fprintf(sum, "%s %d\n", path, len(b))
		sum.Write(b)
		return err
	})
	if err != nil {
		return "", err
	}
	name := "bimtek_tmpl_" + hex.EncodeToString(sum.Sum(nil))[:16]

	admin, err := pgAdmin(base)
	if err != nil {
		return "", err
	}
	conn, err := admin.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	// One process makes the template; the others wait for it here.
	const lockKey = 0x62696d74656b // "bimtek"
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockKey); err != nil {
		return "", err
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, lockKey)
	go dropDeadProcessDatabases(admin, base)
	var exists bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return "", err
	}
	if exists {
		return name, nil
	}
	// Built under another name and renamed when complete, so a run that dies
	// half-way never leaves a template that looks ready.
	build := name + "_build"
	if _, err := conn.ExecContext(ctx, "DROP DATABASE IF EXISTS "+build+" WITH (FORCE)"); err != nil {
		return "", err
	}
	if _, err := conn.ExecContext(ctx, "CREATE DATABASE "+build); err != nil {
		return "", err
	}
	db, err := store.Open(ctx, store.Config{URL: withDatabase(base, build)})
	if err != nil {
		return "", err
	}
	err = db.Migrate(ctx)
	db.Close()
	if err != nil {
		return "", fmt.Errorf("migrate template: %w", err)
	}
	// PostgreSQL waits a few seconds for the closed connections' backends to end.
	if _, err := conn.ExecContext(ctx, "ALTER DATABASE "+build+" RENAME TO "+name); err != nil {
		return "", err
	}
	return name, nil
}

// dropDeadProcessDatabases drops, in the background, the per-test databases
// of test processes of this machine that no longer run (their last drops
// were still queued when they ended, or a timeout killed them), when the
// server is on this machine.
func dropDeadProcessDatabases(admin *sql.DB, base string) {
	u, err := url.Parse(base)
	if err != nil {
		return
	}
	switch u.Hostname() {
	case "127.0.0.1", "localhost", "::1":
	default:
		return
	}
	rows, err := admin.Query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, pgTestPrefix+"%")
	if err != nil {
		return
	}
	var dead []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) != nil {
			continue
		}
		pidText, _, _ := strings.Cut(strings.TrimPrefix(name, pgTestPrefix), "_")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid <= 0 {
			continue
		}
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			dead = append(dead, name)
		}
	}
	rows.Close()
	for _, name := range dead {
		dropLater(admin, name)
	}
}

// withDatabase returns base with its database replaced by name and no search_path.
func withDatabase(base, name string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	u.Path = "/" + name
	q := u.Query()
	q.Del("search_path")
	u.RawQuery = q.Encode()
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// PostgreSQL databases held at once by this process, counted per top-level
// test: a test holds one slot however many databases its subtests open, so
// a test never waits for a slot it already holds.
var (
	pgSlots = sync.OnceValue(func() chan struct{} {
		n := pgParallel
		if v, err := strconv.Atoi(os.Getenv(PostgresParallelEnv)); err == nil && v > 0 {
			n = v
		}
		return make(chan struct{}, n)
	})
	heldMu sync.Mutex
	held   = map[string]int{}
)

func holdPostgres(t testing.TB) {
	root, _, _ := strings.Cut(t.Name(), "/")
	heldMu.Lock()
	n := held[root]
	held[root] = n + 1
	heldMu.Unlock()
	if n == 0 {
		pgSlots() <- struct{}{}
	}
	t.Cleanup(func() {
		heldMu.Lock()
		held[root]--
		last := held[root] == 0
		if last {
			delete(held, root)
		}
		heldMu.Unlock()
		if last {
			<-pgSlots()
		}
	})
}
