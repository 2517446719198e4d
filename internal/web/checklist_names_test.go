package web

import (
	"context"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestChecklistNamesFollowFacilitatorChanges: the trainee's checklist, read
// from the cached progress copy, names the cohort's facilitators to
// contact; it names the right people right after a facilitator is added,
// renamed or removed, although none of these touches the trainee's own rows.
// Both engines.
func TestChecklistNamesFollowFacilitatorChanges(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newCourseFixture(t, db)
		ctx := context.Background()
		fac := f.users[domain.RoleFasilitator]
		// A cohort whose time is over: its checklist says whom to contact.
		day := cohortToday(f)
		co, err := db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: fixtureRegion(f), CourseID: tcCourse, Name: "Angkatan Lewat",
			StartsOn: day.AddDate(0, 0, -40), EndsOn: day.AddDate(0, 0, -2), FacilitatorIDs: []int64{fac.ID}})
		if err != nil {
			t.Fatal(err)
		}
		enroll(f, co, f.users[domain.RolePeserta])
		learner := f.as(domain.RolePeserta)
		todo := func(when string) string {
			t.Helper()
			p := learner.get("/beranda")
			s := p.text(".checklist-todo")
			if s == "" {
				t.Fatalf("%s: the Beranda shows no contact in the checklist: %s", when, p.text("main"))
			}
			return s
		}
		if got := todo("at first"); !strings.Contains(got, "("+fac.Name+")") {
			t.Fatalf("at first: %q", got)
		}
		// Another facilitator joins the cohort.
		second, _ := f.newUser(domain.RoleFasilitator, "fasil.dua@sukamaju.test", "Fasilitator Dua", nil)
		if err := db.AddFacilitator(ctx, nil, co.ID, second.ID); err != nil {
			t.Fatal(err)
		}
		if got := todo("after adding"); !strings.Contains(got, "Fasilitator Dua") || !strings.Contains(got, fac.Name) {
			t.Fatalf("after adding a facilitator: %q", got)
		}
		// The first one's name is corrected by an admin.
		if _, err := db.UpdateUser(ctx, f.users[domain.RoleAdmin].ID, domain.UserEdit{UserID: fac.ID, RegionID: fac.RegionID, Email: fac.Email,
			Name: "Dra. Sri Wahyuni", Role: fac.Role, OPDID: fac.OPDID, Seen: fac}); err != nil {
			t.Fatal(err)
		}
		if got := todo("after renaming"); !strings.Contains(got, "Dra. Sri Wahyuni") || strings.Contains(got, fac.Name) {
			t.Fatalf("after renaming the facilitator: %q", got)
		}
		// And taken off the cohort.
		if err := db.RemoveFacilitator(ctx, f.users[domain.RoleAdmin].ID, co.ID, fac.ID); err != nil {
			t.Fatal(err)
		}
		if got := todo("after removing"); strings.Contains(got, "Sri Wahyuni") || !strings.Contains(got, "(Fasilitator Dua)") {
			t.Fatalf("after removing the facilitator: %q", got)
		}
	})
}
