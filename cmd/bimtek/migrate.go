package main

import (
	"fmt"

	"github.com/bimtek/bimtek/internal/store"
)

func runMigrate(e env) int {
	var c config
	fs := newFlagSet("migrate", e.stderr)
	c.dbFlags(fs, e.getenv)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Penggunaan: bimtek migrate [--data DIR] [up|status]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(e.args); err != nil {
		return 2
	}
	action := "up"
	if fs.NArg() > 0 {
		action = fs.Arg(0)
	}
	if fs.NArg() > 1 || (action != "up" && action != "status") {
		fmt.Fprintf(e.stderr, "bimtek migrate: tindakan %q tidak dikenal\n", action)
		fs.Usage()
		return 2
	}
	db, err := store.Open(e.ctx, c.storeConfig())
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return 1
	}
	defer db.Close()
	if action == "up" {
		if err := db.Migrate(e.ctx); err != nil {
			fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
			return 1
		}
	}
	st, err := db.MigrationStatus(e.ctx)
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return 1
	}
	for _, m := range st {
		state := "belum diterapkan"
		if m.Applied {
			state = "diterapkan " + m.AppliedAt.UTC().Format("2006-01-02 15:04:05 UTC")
		}
		fmt.Fprintf(e.stdout, "%05d  %-40s %s\n", m.Version, m.Name, state)
	}
	return 0
}
