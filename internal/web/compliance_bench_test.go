package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// BenchmarkComplianceNational measures the region dashboard over a
// national-scale region on PostgreSQL (DESIGN.md §14: 25,000 OPDs, 100,000
// trainees, 1,000,000 submission versions; each ≤ 100 ms): the dashboard's
// first page, its counts, and one OPD page, each through the whole stack
// (session, handler, queries, template) over loopback. The data is generated
// once per run (about 35 s) into a fresh schema, dropped afterwards.
//
//	BIMTEK_TEST_POSTGRES_URL=postgres://… go test ./internal/web -run '^$' -bench ComplianceNational -benchtime 50x
//
// BIMTEK_BENCH_SCHEMA=name keeps the data in that schema between runs
// (generated when missing); BIMTEK_BENCH_SCALE=small uses a tenth of it,
// BIMTEK_BENCH_SCALE=regency one regency's (50 OPDs, 2,000 trainees, 20,000
// versions), for the cost-growth table.
// Without BIMTEK_TEST_POSTGRES_URL the benchmark is skipped (under CI=true
// it fails, as every PostgreSQL test does).
func BenchmarkComplianceNational(b *testing.B) {
	ctx := context.Background()
	scale := store.National
	switch os.Getenv("BIMTEK_BENCH_SCALE") {
	case "small":
		scale = store.NationalScale{OPDs: scale.OPDs / 10, Trainees: scale.Trainees / 10, Versions: scale.Versions / 10}
	case "regency": // one kabupaten: its dinas, badan and kecamatan
		scale = store.NationalScale{OPDs: 50, Trainees: 2000, Versions: 20000}
	}
	db, data := nationalDB(b, scale)
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		b.Fatal(err)
	}
	users := map[domain.Role]domain.User{}
	suffix := fmt.Sprint(time.Now().UnixNano())
	for _, r := range []domain.Role{domain.RoleAdmin, domain.RolePimpinanOPD} {
		opd := data.SampleOPD
		u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: data.RegionID, OPDID: &opd, Email: string(r) + suffix + "@nasional.test",
			Name: "Bench " + r.Label(), Role: r, PasswordHash: hash})
		if err != nil {
			b.Fatal(err)
		}
		users[r] = u
	}
	srv, err := New(Config{DB: db, Secret: []byte(strings.Repeat("n", 32)), Version: "bench", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	f := &fixture{t: b, db: db, srv: srv, ts: ts, users: users}
	admin := f.as(domain.RoleAdmin)
	pimpinan := f.as(domain.RolePimpinanOPD)
	get := func(b *testing.B, c *client, path, want string) string {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
		res, err := c.http.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			b.Fatalf("GET %s: %d, want %q in the page", path, res.StatusCode, want)
		}
		return string(body)
	}
	opdPath := fmt.Sprintf("/opd/%d", data.SampleOPD)
	// The first view counts the chart's past months once (and, after a bulk
	// load, every OPD's status); every later view reads them.
	get(b, admin, "/kepatuhan", "Kepatuhan OPD")
	if err := db.TidyComplianceStats(ctx); err != nil {
		b.Fatal(err)
	}
	// Each sub-benchmark times its views one by one: mean and p99 in ms.
	var took []time.Duration
	timed := func(fn func()) {
		start := time.Now()
		fn()
		took = append(took, time.Since(start))
	}
	report := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
		if len(took) > 0 {
			slices.Sort(took)
			b.ReportMetric(float64(took[(len(took)*99-1)/100].Microseconds())/1000, "p99-ms")
		}
		took = took[:0]
	}
	b.Run("dashboard", func(b *testing.B) {
		for b.Loop() {
			timed(func() { get(b, admin, "/kepatuhan", "Daftar OPD") })
		}
		report(b)
	})
	// A filter that some OPDs match at every scale (dinas OPDs are all
	// "memenuhi" at a regency's size, so the view had no rows to show there).
	b.Run("dashboard-filtered", func(b *testing.B) {
		for b.Loop() {
			timed(func() {
				if page := get(b, admin, "/kepatuhan?status=sebagian&jenis=badan&urut=sertifikat&arah=turun", "OPD sesuai saringan"); strings.Contains(page, "Ada 0 OPD") {
					b.Fatal("the filtered dashboard matches no OPD")
				}
			})
		}
		report(b)
	})
	b.Run("counts", func(b *testing.B) {
		for b.Loop() {
			timed(func() {
				now := time.Now()
				if _, err := db.ComplianceTally(ctx, data.RegionID, now); err != nil {
					b.Fatal(err)
				}
				if _, err := db.CertifiedAdmins(ctx, data.RegionID, now); err != nil {
					b.Fatal(err)
				}
			})
		}
		report(b)
	})
	b.Run("opd-page", func(b *testing.B) {
		for b.Loop() {
			timed(func() { get(b, admin, opdPath, "Admin media sosial yang ditunjuk") })
		}
		report(b)
	})
	b.Run("pimpinan-beranda", func(b *testing.B) {
		for b.Loop() {
			timed(func() { get(b, pimpinan, "/beranda", "Kepatuhan") })
		}
		report(b)
	})
	b.Run("export-csv-all", func(b *testing.B) {
		for b.Loop() {
			timed(func() { get(b, admin, "/kepatuhan/unduh.csv", "OPD Nasional") })
		}
		report(b)
	})
}

// nationalDB returns a PostgreSQL database holding a national-scale region:
// a fresh schema generated now, or the kept one named by BIMTEK_BENCH_SCHEMA.
func nationalDB(b *testing.B, scale store.NationalScale) (*store.DB, store.NationalData) {
	ctx := context.Background()
	keep := os.Getenv("BIMTEK_BENCH_SCHEMA")
	var db *store.DB
	if keep == "" {
		db = testkit.Postgres(b)
	} else {
		base := testkit.PostgresURL(b)
		admin, err := sqlx.Open("postgres", base)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := admin.Exec(`CREATE SCHEMA IF NOT EXISTS ` + keep); err != nil {
			b.Fatalf("schema %s: %v", keep, err)
		}
		admin.Close()
		u, err := url.Parse(base)
		if err != nil {
			b.Fatal(err)
		}
		q := u.Query()
		q.Set("search_path", keep)
		u.RawQuery = q.Encode()
		if db, err = store.Open(ctx, store.Config{URL: u.String()}); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		if err := db.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
	}
	slug := fmt.Sprintf("nasional-%d", scale.OPDs)
	regions, err := db.Regions(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range regions {
		if r.Slug == slug {
			sample, err := db.CompliancePage(ctx, store.ComplianceFilter{RegionID: r.ID, Status: "memenuhi", Sort: "nama"}, time.Now(), 1, 0)
			if err != nil || len(sample) == 0 {
				b.Fatalf("kept schema %s has no complying OPD (%v); drop it and run again", keep, err)
			}
			b.Logf("reusing the national data in schema %s", keep)
			return db, store.NationalData{RegionID: r.ID, SampleOPD: sample[0].ID}
		}
	}
	start := time.Now()
	data, err := db.GenerateNational(ctx, slug, scale, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %d OPDs, %d trainees, %d submission versions in %s", scale.OPDs, scale.Trainees, scale.Versions, time.Since(start).Round(time.Second))
	return db, data
}
