package main

import (
	"fmt"
	"os"

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
	db, err := store.Open(e.ctx, c.storeConfig())
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return 1
	}
	defer db.Close()
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
