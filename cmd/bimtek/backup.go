package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/bimtek/bimtek/internal/store"
)

func runBackup(e env) int {
	var c config
	fs := newFlagSet("backup", e.stderr)
	c.dbFlags(fs, e.getenv)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Penggunaan: bimtek backup [--data DIR] BERKAS")
		fs.PrintDefaults()
	}
	if err := fs.Parse(e.args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	cfg := c.storeConfig()
	if cfg.URL == "" {
		// Opening would create an empty database (and its folder) to back up.
		file := filepath.Join(cfg.DataDir, store.SQLiteFile)
		if _, err := os.Stat(file); err != nil {
			fmt.Fprintf(e.stderr, "bimtek backup: database %s tidak ada; jalankan dari folder tempat bimtek serve berjalan atau tunjukkan foldernya dengan --data DIR\n", file)
			return 1
		}
	}
	db, err := store.Open(e.ctx, cfg)
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return 1
	}
	defer db.Close()
	if db.Dialect != store.SQLite {
		fmt.Fprintln(e.stderr, "bimtek backup: cadangan bawaan hanya untuk SQLite; untuk PostgreSQL gunakan pg_dump (lihat README)")
		return 1
	}
	if ok, err := db.Migrated(e.ctx); err != nil {
		fmt.Fprintf(e.stderr, "bimtek backup: %v\n", err)
		return 1
	} else if !ok {
		fmt.Fprintf(e.stderr, "bimtek backup: database %s belum berisi data Bimtek (belum dimigrasi); tidak ada yang dicadangkan\n", filepath.Join(cfg.DataDir, store.SQLiteFile))
		return 1
	}
	if err := db.BackupSQLite(e.ctx, fs.Arg(0)); err != nil {
		fmt.Fprintf(e.stderr, "bimtek backup: %v\n", err)
		return 1
	}
	st, err := os.Stat(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek backup: %v\n", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "Cadangan tersimpan di %s (%d KB). Pulihkan dengan menyalinnya menjadi %s/%s saat server berhenti.\n",
		fs.Arg(0), st.Size()/1024, c.DataDir, store.SQLiteFile)
	return 0
}
