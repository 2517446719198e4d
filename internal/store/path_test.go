package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/bimtek/bimtek/internal/store"
)

// TestSQLitePathWithURICharacters: a data folder whose name holds the
// characters a SQLite URI gives a meaning to ("?", "#", "%", a space) opens
// the file in that folder, not a file at a cut-off or decoded path.
func TestSQLitePathWithURICharacters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, name := range []string{"data?mode=ro", "data#satu", "data%3Fdua", "data dan spasi"} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, name)
			db, err := store.Open(ctx, store.Config{DataDir: dir})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := db.EnsureRegion(ctx, "kabupaten-uji", "Pemerintah Kabupaten Uji", "UJI"); err != nil {
				t.Fatal(err)
			}
			db.Close()
			entries, err := os.ReadDir(parent)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 || entries[0].Name() != name {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Fatalf("%s holds %q, want only %q", parent, names, name)
			}
			if st, err := os.Stat(filepath.Join(dir, store.SQLiteFile)); err != nil || st.Size() == 0 {
				t.Fatalf("database file in %s: %v", dir, err)
			}
			// Opened again, it is the same database.
			db, err = store.Open(ctx, store.Config{DataDir: dir})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if ok, err := db.Migrated(ctx); err != nil || !ok {
				t.Fatalf("reopened database is not the migrated one: %v, %v", ok, err)
			}
		})
	}
}
