package web

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestEveryRouteEnforcesItsAccess walks the whole route table with every
// role and with no login, and checks the server against each route's
// declared access: anonymous visitors are sent to the login page, a role the
// route does not admit gets 403, an admitted role never does. Object-level
// checks (someone else's submission) answer 404 and are tested per area.
func TestEveryRouteEnforcesItsAccess(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	param := regexp.MustCompile(`:[a-z_]+|\*`)
	clients := map[domain.Role]*client{"": f.client()}
	for _, r := range domain.Roles {
		clients[r] = f.as(r)
	}
	routes := f.srv.routeTable()
	if len(routes) < 40 {
		t.Fatalf("route table has %d routes; expected the whole UI", len(routes))
	}
	for _, rt := range routes {
		path := param.ReplaceAllString(rt.path, "999999") // ids that exist nowhere: no side effects between roles
		admitted := map[domain.Role]bool{}
		if roles, ok := accessRoles[rt.who]; ok {
			for _, r := range roles {
				admitted[r] = true
			}
		} else if rt.who == loggedIn || rt.who == public {
			for _, r := range domain.Roles {
				admitted[r] = true
			}
		}
		for role, c := range clients {
			if rt.path == "/keluar" && role != "" {
				c = f.as(role) // logging out must not end the shared clients' sessions
			}
			var p page
			if rt.method == http.MethodGet {
				p = c.get(path)
			} else {
				p = c.post(path, nil)
			}
			loc := p.header.Get("Location")
			toLogin := p.status == http.StatusSeeOther && strings.HasPrefix(loc, "/masuk") && loc != "/masuk?keluar=1"
			name := string(role)
			if name == "" {
				name = "anonim"
			}
			switch {
			case role == "" && rt.who != public:
				if !toLogin {
					t.Errorf("%s %s as %s: %d → %q, want a redirect to /masuk", rt.method, rt.path, name, p.status, loc)
				}
			case role == "":
				if toLogin {
					t.Errorf("%s %s is public but sends visitors to /masuk", rt.method, rt.path)
				}
			case !admitted[role]:
				if p.status != http.StatusForbidden {
					t.Errorf("%s %s as %s: %d, want 403", rt.method, rt.path, name, p.status)
				}
			default:
				if p.status == http.StatusForbidden || toLogin || p.status >= 500 {
					t.Errorf("%s %s as %s (admitted): %d %q", rt.method, rt.path, name, p.status, p.text("h1"))
				}
			}
		}
	}
}

// TestObjectRoutesFollowTheRules walks every route that names an object
// (submission, certificate, cohort, live session, OPD, account, course) with
// people in every relation to it, including a facilitator of another region
// who is on the cohort's facilitator list by data alone: no role reaches
// across regions. 403 is the route's role check, 404 the object's rule
// (internal/access), answered like an id that does not exist.
func TestObjectRoutesFollowTheRules(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		cc := newCertCase(t, db)
		cc.completeAllBut("")
		cert := cc.certificate()
		ctx := context.Background()
		sub, err := db.EnsureSubmission(ctx, cc.enrollment, cc.users[domain.RolePeserta].ID, tcCourse, tcPractice)
		if err != nil {
			t.Fatal(err)
		}
		far, err := db.EnsureRegion(ctx, "kota-seberang", "Pemerintah Kota Seberang", "KSB")
		if err != nil {
			t.Fatal(err)
		}
		farOPD, err := db.EnsureOPD(ctx, far.ID, "Dinas Kesehatan Kota Seberang", "Dinkes KSB", "dinas")
		if err != nil {
			t.Fatal(err)
		}
		opd, other := cc.opd.ID, cc.other.ID
		user := func(region int64, opd *int64, email string, role domain.Role) *client {
			return cohortLogin(cc.fixture, cohortTestUser(cc.fixture, region, opd, email, "Uji "+email, role))
		}
		farFac := cohortTestUser(cc.fixture, far.ID, &farOPD.ID, "fas@seberang.test", "Fasilitator Seberang", domain.RoleFasilitator)
		if err := db.AddFacilitator(ctx, nil, cc.cohort.ID, farFac.ID); err != nil {
			t.Fatal(err)
		}
		region := fixtureRegion(cc.fixture)
		who := []struct {
			name string
			c    *client
		}{
			{"holder", cc.as(domain.RolePeserta)},
			{"other trainee", user(region, &opd, "peserta2@sukamaju.test", domain.RolePeserta)},
			{"facilitator", cc.as(domain.RoleFasilitator)},
			{"other facilitator", user(region, &opd, "fas2@sukamaju.test", domain.RoleFasilitator)},
			{"far facilitator", cohortLogin(cc.fixture, farFac)},
			{"pimpinan", cc.as(domain.RolePimpinanOPD)},
			{"other pimpinan", user(region, &other, "pim2@sukamaju.test", domain.RolePimpinanOPD)},
			{"admin", cc.as(domain.RoleAdmin)},
			{"far admin", user(far.ID, nil, "admin@seberang.test", domain.RoleAdmin)},
		}
		// Statuses in the order of who.
		cases := []struct {
			path string
			want []int
		}{
			{fmt.Sprintf("/latihan/%d/versi/1", sub.ID), []int{200, 404, 200, 404, 404, 404, 404, 200, 404}},
			{fmt.Sprintf("/latihan/%d/beda", sub.ID), []int{200, 404, 200, 404, 404, 404, 404, 200, 404}},
			{fmt.Sprintf("/penilaian/%d", sub.ID), []int{403, 403, 200, 404, 404, 403, 403, 200, 404}},
			{fmt.Sprintf("/sertifikat/%d/pdf", cert.ID), []int{200, 404, 200, 404, 404, 200, 404, 200, 404}},
			{fmt.Sprintf("/admin/sertifikat/%d", cert.ID), []int{403, 403, 403, 403, 403, 403, 403, 200, 404}},
			{fmt.Sprintf("/fasilitator/angkatan/%d", cc.cohort.ID), []int{403, 403, 200, 404, 404, 403, 403, 200, 404}},
			{fmt.Sprintf("/admin/angkatan/%d", cc.cohort.ID), []int{403, 403, 403, 403, 403, 403, 403, 200, 404}},
			{fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", cc.session.ID), []int{403, 403, 200, 404, 404, 403, 403, 200, 404}},
			{fmt.Sprintf("/opd/%d", opd), []int{403, 403, 403, 403, 403, 200, 404, 200, 404}},
			{fmt.Sprintf("/admin/opd/%d", opd), []int{403, 403, 403, 403, 403, 403, 403, 200, 404}},
			{fmt.Sprintf("/admin/pengguna/%d", cc.users[domain.RolePeserta].ID), []int{403, 403, 403, 403, 403, 403, 403, 200, 404}},
			{fmt.Sprintf("/api/v1/opd/%d", opd), []int{403, 403, 403, 403, 403, 200, 404, 200, 404}},
			{"/kursus/" + tcCourse, []int{200, 404, 200, 200, 200, 403, 403, 200, 200}},
		}
		for _, tc := range cases {
			for i, w := range who {
				if p := w.c.get(tc.path); p.status != tc.want[i] {
					t.Errorf("GET %s as %s: %d, want %d", tc.path, w.name, p.status, tc.want[i])
				}
			}
		}
	})
}
