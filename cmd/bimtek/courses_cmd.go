package main

import (
	"fmt"

	"github.com/bimtek/bimtek/internal/coursesync"
)

// runCoursesCmd handles `courses sync` here (it needs the database) and
// leaves `courses check` to the course checker.
func runCoursesCmd(e env) int {
	if len(e.args) == 0 || e.args[0] != "sync" {
		return runCourses(e.args, e.stdout, e.stderr)
	}
	var c config
	fs := newFlagSet("courses sync", e.stderr)
	c.dbFlags(fs, e.getenv)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Penggunaan: bimtek courses sync [--data DIR] [DIR]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(e.args[1:]); err != nil {
		return 2
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	catalog, _, err := coursesync.Load(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return 1
	}
	db, code := openAndMigrate(e, c)
	if db == nil {
		return code
	}
	defer db.Close()
	st, err := coursesync.Sync(e.ctx, db, catalog)
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "Sinkronisasi selesai: %d item baru, %d berubah, %d dihapus (riwayat disimpan), %d tetap.\n",
		st.Added, st.Updated, st.Removed, st.Unchanged)
	return 0
}
