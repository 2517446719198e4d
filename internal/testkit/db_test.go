package testkit

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/bimtek/bimtek/internal/store"
)

// TestCopiesAreMigratedAndIndependent: every database a test gets is fully
// migrated, empty, and its own: a row written in one copy is not in the next.
func TestCopiesAreMigratedAndIndependent(t *testing.T) {
	ctx := context.Background()
	ForEachDB(t, func(t *testing.T, first *store.DB) {
		st, err := first.MigrationStatus(ctx)
		if err != nil || len(st) == 0 {
			t.Fatalf("migration status: %v, %v", st, err)
		}
		for _, m := range st {
			if !m.Applied {
				t.Fatalf("migration %s is not applied in the copy", m.Name)
			}
		}
		if _, err := first.EnsureRegion(ctx, "kabupaten-salinan", "Pemerintah Kabupaten Salinan", "SLN"); err != nil {
			t.Fatal(err)
		}
		second := SQLite(t)
		if first.Dialect == store.Postgres {
			second = Postgres(t)
		}
		// The second copy has no region yet: the one it makes gets the first id.
		r, err := second.EnsureRegion(ctx, "kabupaten-salinan", "Pemerintah Kabupaten Salinan", "SLN")
		if err != nil || r.ID != 1 {
			t.Fatalf("the second copy is not empty: region %+v, %v", r, err)
		}
	})
}

// TestSQLiteCopyIsPrivate: the copied file is readable by its owner only, as
// store.Open makes it (it holds password hashes).
func TestSQLiteCopyIsPrivate(t *testing.T) {
	dir := SQLiteDir(t)
	st, err := os.Stat(filepath.Join(dir, store.SQLiteFile))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", st.Mode().Perm())
	}
}
