package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestGenerateNationalSmall runs the national generator at a small scale: the
// benchmark's data must have the promised shape and counters a recount agrees with.
func TestGenerateNationalSmall(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	if _, err := testkit.SQLite(t).GenerateNational(ctx, "kecil", store.NationalScale{OPDs: 1, Trainees: 1, Versions: 2}, time.Now()); err == nil ||
		!strings.Contains(err.Error(), "hanya dibuat di PostgreSQL") {
		t.Fatalf("SQLite: %v", err)
	}
	db := testkit.Postgres(t)
	now := time.Date(2026, 4, 16, 2, 0, 0, 0, time.UTC)
	if _, err := db.GenerateNational(ctx, "salah", store.NationalScale{OPDs: 10, Trainees: 5, Versions: 100}, now); err == nil {
		t.Fatal("fewer trainees than OPDs accepted")
	}
	sc := store.NationalScale{OPDs: 60, Trainees: 400, Versions: 2003}
	data, err := db.GenerateNational(ctx, "kecil", sc, now)
	if err != nil {
		t.Fatal(err)
	}
	w := &complianceWorld{db: db, now: now}
	w.region.ID = data.RegionID
	var rows []store.ComplianceRow
	err = db.EachComplianceRow(ctx, store.ComplianceFilter{RegionID: data.RegionID}, now, func(r store.ComplianceRow) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != sc.OPDs {
		t.Fatalf("%d OPDs, want %d", len(rows), sc.OPDs)
	}
	tally, err := db.ComplianceTally(ctx, data.RegionID, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range compliance.Statuses {
		if tally.Count(s, "") == 0 {
			t.Errorf("no OPD is %s: %+v", s, tally.Cells)
		}
	}
	if r, err := db.OPDCompliance(ctx, data.RegionID, data.SampleOPD, now); err != nil || r.Status != compliance.Complies {
		t.Fatalf("sample OPD: %+v %v", r, err)
	}
	counts := map[string]int{}
	for _, table := range []string{"submission_versions", "users", "certificates"} {
		var n int
		if err := db.CountForComplianceTest(ctx, table, &n); err != nil {
			t.Fatal(err)
		}
		counts[table] = n
	}
	if counts["submission_versions"] != sc.Versions || counts["users"] != sc.Trainees || counts["certificates"] == 0 {
		t.Fatalf("generated %v", counts)
	}
	// The triggers are on again and the counters agree with a recount.
	w.checkCounters(t, "generated")
	if c, err := db.CertifiedAdmins(ctx, data.RegionID, now); err != nil || c.Expiring == 0 || c.Certified <= c.Expiring {
		t.Fatalf("certified admins %+v (%v): want some, and some expiring within 60 days", c, err)
	}
}
