package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestAdminRemovesFacilitator: an admin takes a facilitator off a cohort
// only with "Saya yakin"; it is audited, and the facilitator at once loses
// the cohort's page, its submissions and its sessions (404, as for any
// object they may not reach) and its place on their Beranda. The last
// facilitator cannot be removed. Both engines.
func TestAdminRemovesFacilitator(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		f := rc.fixture
		ctx := context.Background()
		co := rc.cohort
		fac := f.users[domain.RoleFasilitator]
		second, secondClient := f.newUser(domain.RoleFasilitator, "fasil.dua@sukamaju.test", "Fasilitator Dua", nil)
		if err := db.AddFacilitator(ctx, nil, co.ID, second.ID); err != nil {
			t.Fatal(err)
		}
		coming := openSession(f, co, "Praktik", f.clock.now.Add(48*time.Hour))
		facClient := f.as(domain.RoleFasilitator)
		cohortPage := fmt.Sprintf("/fasilitator/angkatan/%d", co.ID)
		reviewPage := fmt.Sprintf("/penilaian/%d", rc.sub.ID)
		attendance := fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", coming.ID)
		for _, p := range []string{cohortPage, reviewPage, attendance} {
			if g := facClient.get(p); g.status != http.StatusOK {
				t.Fatalf("before removal, %s: %d", p, g.status)
			}
		}
		admin := f.as(domain.RoleAdmin)
		page := fmt.Sprintf("/admin/angkatan/%d", co.ID)
		remove := fmt.Sprintf("%s/fasilitator/%d/lepas", page, fac.ID)
		if admin.get(page).doc.Find(`form[action="`+remove+`"] input[type=checkbox][name=yakin]`).Length() != 1 {
			t.Fatal("no removal form with \"Saya yakin\"")
		}
		// Without "Saya yakin" nothing happens and the form stays open.
		r := admin.post(remove, nil)
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.text(".error-summary"), "Saya yakin") ||
			r.doc.Find(fmt.Sprintf(`details[open] #lepas-yakin-%d`, fac.ID)).Length() != 1 {
			t.Fatalf("without Saya yakin: %d %q", r.status, r.text(".error-summary"))
		}
		if ok, _ := db.Facilitates(ctx, fac.ID, co.ID); !ok {
			t.Fatal("an unconfirmed removal took the facilitator off")
		}
		// A facilitator cannot remove another.
		if r := facClient.post(fmt.Sprintf("%s/fasilitator/%d/lepas", page, second.ID), url.Values{"yakin": {"1"}}); r.status != http.StatusForbidden {
			t.Fatalf("facilitator removing another: %d", r.status)
		}
		r = admin.post(remove, url.Values{"yakin": {"1"}})
		if r.status != http.StatusSeeOther || r.header.Get("Location") != page+"?pesan=fasilitator-lepas#pesan" {
			t.Fatalf("removal: %d %q %s", r.status, r.header.Get("Location"), r.text(".error-summary"))
		}
		after := admin.get(page + "?pesan=fasilitator-lepas")
		if !strings.Contains(after.text(".flash"), "Fasilitator dilepas") || strings.Contains(after.text("#fasilitator-angkatan + ul"), fac.Name) {
			t.Errorf("after removal: flash %q, facilitators %q", after.text(".flash"), after.text("#fasilitator-angkatan + ul"))
		}
		audit, err := db.AuditFor(ctx, "cohort", fmt.Sprint(co.ID), 5)
		if err != nil || len(audit) == 0 || audit[0].Action != "cohort.facilitator.remove" || !strings.Contains(audit[0].BeforeJSON, fmt.Sprint(fac.ID)) {
			t.Fatalf("audit: %+v %v", audit, err)
		}
		// Access ends at once.
		for _, p := range []string{cohortPage, reviewPage, attendance} {
			if g := facClient.get(p); g.status != http.StatusNotFound {
				t.Errorf("after removal, %s: %d, want 404", p, g.status)
			}
		}
		if home := facClient.get("/beranda"); strings.Contains(home.body, cohortPage) {
			t.Error("the Beranda still links the cohort")
		}
		// The same form again (a refresh) changes nothing and says how it stands.
		if r := admin.post(remove, url.Values{"yakin": {"1"}}); r.status != http.StatusSeeOther {
			t.Fatalf("removal again: %d", r.status)
		}
		// The last facilitator stays.
		last := fmt.Sprintf("%s/fasilitator/%d/lepas", page, second.ID)
		r = admin.post(last, url.Values{"yakin": {"1"}})
		if r.status != http.StatusConflict || !strings.Contains(r.text(".error-summary"), "sedikitnya satu fasilitator") {
			t.Fatalf("last facilitator: %d %q", r.status, r.text(".error-summary"))
		}
		if g := secondClient.get(cohortPage); g.status != http.StatusOK {
			t.Fatalf("the remaining facilitator lost the cohort: %d", g.status)
		}
	})
}
