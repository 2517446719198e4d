package demo

import (
	"context"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/coursesync"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestSeedShowsEveryComplianceStatus: the demo region has OPDs that comply,
// partly comply and do not yet, with every reason, and a certificate about
// to expire; seeding twice adds no account twice.
func TestSeedShowsEveryComplianceStatus(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		cat, _, err := coursesync.Load("")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := coursesync.Sync(ctx, db, cat); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		if _, _, err := Seed(ctx, db, cat, now); err != nil {
			t.Fatal(err)
		}
		region, err := db.EnsureRegion(ctx, RegionSlug, RegionName, RegionCode)
		if err != nil {
			t.Fatal(err)
		}
		count := func() (map[compliance.Status]int, map[string]int, int) {
			statuses, reasons := map[compliance.Status]int{}, map[string]int{}
			accounts := 0
			err := db.EachComplianceRow(ctx, store.ComplianceFilter{RegionID: region.ID}, now, func(r store.ComplianceRow) error {
				res := r.Result()
				statuses[res.Status]++
				for _, x := range res.Reasons {
					reasons[x]++
				}
				accounts += r.Accounts
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			return statuses, reasons, accounts
		}
		statuses, reasons, accounts := count()
		for _, s := range compliance.Statuses {
			if statuses[s] == 0 {
				t.Errorf("no demo OPD is %s: %v", s.Label(), statuses)
			}
		}
		for _, r := range []string{compliance.ReasonNoAccount, compliance.ReasonNoAdmin, compliance.ReasonNoCertified} {
			if reasons[r] == 0 {
				t.Errorf("no demo OPD shows %q: %v", r, reasons)
			}
		}
		if statuses[compliance.NotYet] != 3 {
			t.Errorf("%d OPDs are Belum, want the 3 without account and admin", statuses[compliance.NotYet])
		}
		dishub, err := db.FindOPD(ctx, "Dishub")
		if err != nil {
			t.Fatal(err)
		}
		if r, err := db.OPDCompliance(ctx, region.ID, dishub.ID, now); err != nil || r.Result().Status != compliance.Partial || r.CertifiedAdmins != 1 {
			t.Errorf("Dishub (certified admin, no account): %+v %v", r, err)
		}
		c, err := db.CertifiedAdmins(ctx, region.ID, now)
		if err != nil || c.Expiring == 0 {
			t.Errorf("no demo certificate expires within 60 days: %+v %v", c, err)
		}
		if _, _, err := Seed(ctx, db, cat, now); err != nil {
			t.Fatal(err)
		}
		if _, _, again := count(); again != accounts {
			t.Errorf("seeding twice: %d accounts, was %d", again, accounts)
		}
		// The demo pimpinan's OPD complies.
		pim, err := db.UserByEmail(ctx, "pimpinan@"+mailDomain)
		if err != nil || pim.Role != domain.RolePimpinanOPD {
			t.Fatal(err)
		}
		if r, err := db.OPDCompliance(ctx, region.ID, *pim.OPDID, now); err != nil || r.Result().Status != compliance.Complies {
			t.Errorf("the demo pimpinan's OPD: %+v %v", r, err)
		}
	})
}
