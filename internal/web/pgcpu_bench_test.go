package web

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// pgBackends reads the CPU time of the PostgreSQL server processes serving
// one test database, when the server runs on this machine: on two shared
// cores its work per request counts against the app's as much as the app's
// own. Backends are matched by database name (each test has its own).
type pgBackends struct {
	admin *sqlx.DB
	name  string
}

// newPGBackends returns nil on SQLite, or when the server's processes cannot be read.
func newPGBackends(tb testing.TB, db *store.DB) *pgBackends {
	if db.Dialect != store.Postgres {
		return nil
	}
	admin, err := sqlx.Open("postgres", testkit.PostgresURL(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { admin.Close() })
	return &pgBackends{admin: admin, name: testkit.DatabaseName(tb, db)}
}

// cpu returns each backend's user+system CPU time so far.
func (p *pgBackends) cpu() map[int]time.Duration {
	var pids []int
	if err := p.admin.Select(&pids, `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, p.name); err != nil {
		return nil
	}
	out := map[int]time.Duration{}
	for _, pid := range pids {
		b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			continue
		}
		// Fields after the command's closing parenthesis; utime and stime are the 14th and 15th of the line.
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) < 13 {
			continue
		}
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		out[pid] = time.Duration(ut+st) * (time.Second / 100) // USER_HZ
	}
	return out
}

// since is the CPU time the backends used after before was taken (a backend
// that has ended since is not counted).
func (p *pgBackends) since(before map[int]time.Duration) time.Duration {
	var d time.Duration
	for pid, t := range p.cpu() {
		d += t - before[pid]
	}
	return d
}
