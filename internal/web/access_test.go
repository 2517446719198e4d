package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store/storetest"
)

// TestEveryRouteEnforcesItsAccess walks the whole route table with every
// role and with no login, and checks the server against each route's
// declared access: anonymous visitors are sent to the login page, a role the
// route does not admit gets 403, an admitted role never does. Object-level
// checks (someone else's submission) answer 404 and are tested per area.
func TestEveryRouteEnforcesItsAccess(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
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
