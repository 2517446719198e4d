// Package store is the only place that talks SQL. Queries are written once with
// `?` placeholders and rebound per dialect; the few dialect differences live here.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq" // PostgreSQL driver
	"github.com/pressly/goose/v3"
	"modernc.org/sqlite" // SQLite driver (pure Go)
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/migrations"
)

// Dialect names the database engine.
type Dialect string

// Supported engines.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is the application's database: a writer pool and a reader pool. On SQLite
// the writer is a single connection, so writes queue in Go instead of failing
// with SQLITE_BUSY; on PostgreSQL both are the same pool.
type DB struct {
	Dialect Dialect
	w       *writer
	r       *sqlx.DB
	stmts   stmtCache
	wstmts  writeStmts
	changes changeFeed
}

// writer is the write pool; after each statement that succeeds outside a
// transaction it lets the change feed catch up (see changeFeed).
type writer struct {
	*sqlx.DB
	db *DB
}

func (w *writer) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	res, err := w.DB.ExecContext(ctx, query, args...)
	if err == nil {
		w.db.afterWrite(ctx)
	}
	return res, uniqueAsConflict(err)
}

func (w *writer) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	err := w.DB.GetContext(ctx, dest, query, args...)
	if err == nil {
		w.db.afterWrite(ctx)
	}
	return uniqueAsConflict(err)
}

func (w *writer) SelectContext(ctx context.Context, dest any, query string, args ...any) error {
	err := w.DB.SelectContext(ctx, dest, query, args...)
	if err == nil {
		w.db.afterWrite(ctx)
	}
	return err
}

func newDB(d Dialect, w, r *sqlx.DB) *DB {
	db := &DB{Dialect: d, r: r}
	db.w = &writer{DB: w, db: db}
	return db
}

// Config says where the database is.
type Config struct {
	// URL is a postgres:// URL; empty means SQLite in DataDir.
	URL string
	// DataDir holds the SQLite file when URL is empty.
	DataDir string
}

// SQLiteFile is the file name of the embedded database inside the data directory.
const SQLiteFile = "bimtek.db"

// Open connects to the database described by cfg and checks that it answers.
// Errors never contain a password.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if cfg.URL == "" {
		return openSQLite(ctx, filepath.Join(cfg.DataDir, SQLiteFile))
	}
	u, err := url.Parse(cfg.URL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		return nil, errors.New("BIMTEK_DATABASE_URL tidak dapat dibaca: gunakan bentuk postgres://pengguna:sandi@host:5432/nama_db")
	}
	return openPostgres(ctx, cfg.URL, u.Host)
}

// OpenSQLiteFile opens (creating if needed) the SQLite database at path.
func OpenSQLiteFile(ctx context.Context, path string) (*DB, error) { return openSQLite(ctx, path) }

func openSQLite(ctx context.Context, path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("membuat direktori data %s: %w", dir, err)
		}
	}
	// The file holds password hashes: readable by the service user only.
	if f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600); err == nil {
		f.Close()
	} else {
		return nil, fmt.Errorf("membuka berkas database %s: %w", path, err)
	}
	// WAL lets readers run beside the writer; busy_timeout covers the rare
	// moment two processes share the file; _txlock=immediate takes the write
	// lock at BEGIN so a transaction never fails half-way on an upgrade.
	// The path is percent-escaped: in a SQLite URI "?" starts the parameters,
	// "#" a fragment and "%" an escape, so a folder named "a#b" or "a?b"
	// would otherwise open (or create) another file.
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	w, err := sqlx.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("membuka database SQLite %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	r, err := sqlx.Open("sqlite", dsn)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("membuka database SQLite %s: %w", path, err)
	}
	r.SetMaxOpenConns(16)
	r.SetMaxIdleConns(16)
	db := newDB(SQLite, w, r)
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("database SQLite %s tidak dapat dibuka: %w", path, err)
	}
	return db, nil
}

func openPostgres(ctx context.Context, dsn, host string) (*DB, error) {
	dsn = withBinaryParameters(dsn)
	pg, err := sqlx.Open("postgres", dsn)
	if err != nil {
		return nil, fmt.Errorf("database PostgreSQL di %s tidak dapat dibuka", host)
	}
	pg.SetMaxOpenConns(32)
	pg.SetMaxIdleConns(32) // as many as open: a closed idle connection costs a backend fork to reopen
	pg.SetConnMaxIdleTime(5 * time.Minute)
	db := newDB(Postgres, pg, pg)
	db.changes.dsn = dsn
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := db.Ping(pctx); err != nil {
		pg.Close()
		return nil, fmt.Errorf("database PostgreSQL di %s tidak dapat dihubungi: %s", host, scrubPassword(err.Error(), dsn))
	}
	return db, nil
}

// withBinaryParameters makes lib/pq send a statement with parameters in one
// round trip (parse, bind and execute together) instead of two (a prepare,
// then the execution): under load every round trip waits for a core. Only
// []byte parameters change form (sent as binary), and the store passes those
// only to BYTEA columns. A URL that sets the option keeps its choice.
func withBinaryParameters(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	q := u.Query()
	if q.Has("binary_parameters") {
		return dsn
	}
	q.Set("binary_parameters", "yes")
	u.RawQuery = q.Encode()
	return u.String()
}

// scrubPassword removes the URL's password from a driver message, should a driver ever echo it.
func scrubPassword(msg, dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if p, ok := u.User.Password(); ok && p != "" {
			msg = strings.ReplaceAll(msg, p, "***")
		}
	}
	return msg
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.w.PingContext(ctx); err != nil {
		return err
	}
	var one int
	return db.r.GetContext(ctx, &one, "SELECT 1")
}

// Close closes both pools.
func (db *DB) Close() error {
	db.changes.close()
	db.closeStmts()
	err := db.w.Close()
	if db.r != db.w.DB {
		if e := db.r.Close(); err == nil {
			err = e
		}
	}
	return err
}

func (db *DB) migrationFS() (fs.FS, goose.Dialect, error) {
	dir, dialect := "sqlite", goose.DialectSQLite3
	if db.Dialect == Postgres {
		dir, dialect = "postgres", goose.DialectPostgres
	}
	sub, err := fs.Sub(migrations.FS, dir)
	return sub, dialect, err
}

func (db *DB) provider() (*goose.Provider, error) {
	fsys, dialect, err := db.migrationFS()
	if err != nil {
		return nil, err
	}
	return goose.NewProvider(dialect, db.w.DB.DB, fsys)
}

// Migrate applies every pending migration.
func (db *DB) Migrate(ctx context.Context) error {
	p, err := db.provider()
	if err != nil {
		return fmt.Errorf("menyiapkan migrasi: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("menjalankan migrasi: %w", err)
	}
	return nil
}

// MigrationState is one migration and whether it has been applied.
type MigrationState struct {
	Version   int64
	Name      string
	Applied   bool
	AppliedAt time.Time
}

// MigrationStatus lists every known migration with its state.
func (db *DB) MigrationStatus(ctx context.Context) ([]MigrationState, error) {
	p, err := db.provider()
	if err != nil {
		return nil, fmt.Errorf("menyiapkan migrasi: %w", err)
	}
	st, err := p.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("membaca status migrasi: %w", err)
	}
	out := make([]MigrationState, 0, len(st))
	for _, s := range st {
		out = append(out, MigrationState{
			Version:   s.Source.Version,
			Name:      filepath.Base(s.Source.Path),
			Applied:   s.State == goose.StateApplied,
			AppliedAt: s.AppliedAt,
		})
	}
	return out, nil
}

// txAttempts bounds how often inTx runs a transaction that PostgreSQL aborted
// to break a deadlock or a serialization failure.
const txAttempts = 4

// inTx runs fn inside a write transaction, committing when fn returns nil.
//
// On PostgreSQL a transaction can be chosen as the victim of a deadlock
// (two requests taking the same rows, or rows that triggers lock, in another
// order); it is rolled back and fn runs again from the start, so fn must set
// everything it returns afresh on each run. On SQLite transactions begin
// IMMEDIATE (see openSQLite) and never deadlock.
func (db *DB) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	if err := db.retrying(ctx, func() error { return db.runTx(ctx, fn) }); err != nil {
		return err
	}
	db.afterWrite(ctx)
	return nil
}

// retrying runs a transaction (or a statement that is one) again when
// PostgreSQL aborted it to break a deadlock, as inTx does.
func (db *DB) retrying(ctx context.Context, run func() error) error {
	for attempt := 1; ; attempt++ {
		err := run()
		if err == nil {
			return nil
		}
		if attempt == txAttempts || !isRetryable(err) {
			return uniqueAsConflict(err)
		}
		// A short random pause, longer each time, lets the transaction the
		// deadlock let through finish before this one takes its rows again.
		select {
		case <-ctx.Done():
			return uniqueAsConflict(err)
		case <-time.After(time.Duration(attempt) * (5*time.Millisecond + rand.N(20*time.Millisecond))):
		}
	}
}

func (db *DB) runTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := db.w.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("memulai transaksi: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("menyimpan transaksi: %w", err)
	}
	return nil
}

// lockRow locks one row of table for the rest of the transaction on
// PostgreSQL, so that requests changing the same thing take turns and each
// reads what the one before it committed (READ COMMITTED gives every statement
// after the wait a fresh snapshot). NO KEY UPDATE does not wait for the
// KEY SHARE locks that foreign-key checks of other rows take. SQLite needs
// nothing: its write transactions already run one at a time. table is always
// a constant of this package.
func lockRow(ctx context.Context, db *DB, tx *sqlx.Tx, table string, id int64) error {
	if db.Dialect != Postgres {
		return nil
	}
	var got int64
	if err := tx.GetContext(ctx, &got, `SELECT id FROM `+table+` WHERE id = $1 FOR NO KEY UPDATE`, id); err != nil {
		return notFound(err)
	}
	return nil
}

// q rebinds a query written with `?` for this dialect.
func (db *DB) q(query string) string { return db.w.Rebind(query) }

// notFound turns sql.ErrNoRows into domain.ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return errNotFound
	}
	return err
}

// isUniqueViolation reports whether err is a unique-key (or primary-key)
// violation, by the driver's error code: SQLite's extended result codes
// SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY, PostgreSQL's
// SQLSTATE 23505.
func isUniqueViolation(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	var pe *pq.Error
	return errors.As(err, &pe) && pe.Code == pqUniqueViolation
}

// uniqueAsConflict reports a unique violation that no caller turned into a
// message of its own as domain.ErrConflict: a request at the same moment wrote
// the same row first, which is a 409 for the user, not a 500. The driver's
// error stays wrapped for the log.
func uniqueAsConflict(err error) error {
	if isUniqueViolation(err) && domain.ErrorCode(err) == domain.CodeInternal {
		return fmt.Errorf("%w: %w", domain.ErrConflict, err)
	}
	return err
}

// IsUnavailable reports whether err says the database could not be reached
// or dropped the connection (PostgreSQL down, restarting, or the session
// terminated), as opposed to refusing the statement: the request may succeed
// a moment later, so it is a 503, not a fault of the request or of ours.
// lib/pq returns a bare io.EOF when the server closed the connection.
func IsUnavailable(err error) bool {
	if err == nil {
		return false
	}
	var pe *pq.Error
	if errors.As(err, &pe) {
		// class 08: connection exception; 57P01-03: shut down by the administrator, crash, or starting up
		return pe.Code.Class() == "08" || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	var oe *net.OpError
	return errors.As(err, &oe) || errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

// PostgreSQL SQLSTATE codes the store acts on.
const (
	pqUniqueViolation      = "23505"
	pqSerializationFailure = "40001"
	pqDeadlockDetected     = "40P01"
)

// isRetryable reports whether PostgreSQL rolled a transaction back only to let
// another one go on; running it again is then safe.
func isRetryable(err error) bool {
	var pe *pq.Error
	return errors.As(err, &pe) && (pe.Code == pqDeadlockDetected || pe.Code == pqSerializationFailure)
}

// now is the database clock for stored timestamps: UTC, to the microsecond so
// both engines round-trip it exactly.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// BackupSQLite writes a consistent copy of the SQLite database to path
// (VACUUM INTO: readers and the writer go on while it runs). The copy holds
// password and token hashes, so it is readable by the owner only (0600), and
// it is written under a temporary name in the same folder and linked to path
// only when complete: an interrupted backup never leaves a file at path.
// PostgreSQL is backed up with pg_dump instead.
func (db *DB) BackupSQLite(ctx context.Context, path string) error {
	if db.Dialect != SQLite {
		return errors.New("cadangan bawaan hanya untuk SQLite; untuk PostgreSQL gunakan pg_dump (lihat README)")
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("berkas %s sudah ada; pilih nama lain agar cadangan lama tidak tertimpa", path)
	}
	sweepStaleBackups(path)
	// VACUUM INTO accepts an empty existing file and keeps its mode.
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.sementara")
	if err != nil {
		return fmt.Errorf("membuat berkas cadangan sementara: %w", err)
	}
	name := tmp.Name()
	defer os.Remove(name) // after the link, only the temporary name goes
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("mengatur izin berkas cadangan: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("membuat berkas cadangan sementara: %w", err)
	}
	if _, err := db.w.ExecContext(ctx, `VACUUM INTO ?`, name); err != nil {
		return fmt.Errorf("membuat cadangan ke %s: %w", path, err)
	}
	if err := syncFile(name); err != nil {
		return fmt.Errorf("menulis cadangan ke disk: %w", err)
	}
	// A hard link does not replace a file that appeared meanwhile, as rename would.
	if err := os.Link(name, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("berkas %s sudah ada; pilih nama lain agar cadangan lama tidak tertimpa", path)
		}
		return fmt.Errorf("menamai berkas cadangan %s: %w", path, err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync() // the new name survives a crash
		d.Close()
	}
	return nil
}

// staleBackupAge is how long a temporary backup file may go unwritten
// before it counts as left by a killed backup (a running one writes on).
const staleBackupAge = time.Hour

// sweepStaleBackups removes what a killed backup to path left behind: its
// temporary copy and that copy's journal, once unwritten for staleBackupAge.
func sweepStaleBackups(path string) {
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".*.sementara*"))
	for _, name := range left {
		if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() && time.Since(st.ModTime()) > staleBackupAge {
			_ = os.Remove(name)
		}
	}
}

func syncFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// Migrated reports whether at least one migration has been applied: a
// database of this application rather than an empty file.
func (db *DB) Migrated(ctx context.Context) (bool, error) {
	var n int
	q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'users'`
	if db.Dialect == Postgres {
		q = `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'users'`
	}
	if err := db.r.GetContext(ctx, &n, q); err != nil {
		return false, fmt.Errorf("memeriksa skema database: %w", err)
	}
	return n > 0, nil
}

// Stats reports the reader pool (the one pages use most).
func (db *DB) Stats() sql.DBStats { return db.r.Stats() }

// Analyze refreshes the planner's statistics of every table. A bulk load
// (a seeded benchmark, an import of a cohort) leaves them stale until
// PostgreSQL's autovacuum gets to it, and SQLite keeps none until asked.
func (db *DB) Analyze(ctx context.Context) error {
	if _, err := db.w.ExecContext(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}
