package main

import (
	"fmt"
	"time"

	"github.com/bimtek/bimtek/internal/store"
)

// runDemo fills a PostgreSQL database with national-scale data, for trying
// the region dashboard under load (`serve --demo` seeds the small demo region).
func runDemo(e env) int {
	var c config
	fs := newFlagSet("demo", e.stderr)
	c.dbFlags(fs, e.getenv)
	scale := fs.String("scale", "", "ukuran data: national (25.000 OPD, 100.000 peserta, 1.000.000 versi rilis)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Penggunaan: bimtek demo --scale national   (hanya PostgreSQL: BIMTEK_DATABASE_URL)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(e.args); err != nil {
		return 2
	}
	if *scale != "national" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if c.DatabaseURL == "" {
		fmt.Fprintln(e.stderr, "bimtek demo: data skala nasional hanya dibuat di PostgreSQL; setel BIMTEK_DATABASE_URL")
		return 2
	}
	db, code := openAndMigrate(e, c)
	if db == nil {
		return code
	}
	defer db.Close()
	start := time.Now()
	data, err := db.GenerateNational(e.ctx, "nasional", store.National, time.Now())
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek demo: %v\n", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "Data skala nasional dibuat dalam %s: wilayah #%d, kursus %s, contoh OPD #%d.\n",
		time.Since(start).Round(time.Second), data.RegionID, data.CourseID, data.SampleOPD)
	return 0
}
