package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestLoginsKeepNewestSessions: correct logins of one account keep at most
// store.MaxUserSessions live sessions; a login beyond revokes the oldest,
// refused at once by the process that made the login (its cached copy
// dropped) and soon by another process that had it cached, through the change
// notices. Two logins at the same moment still leave no more than the cap.
// Both engines.
func TestLoginsKeepNewestSessions(t *testing.T) {
	t.Parallel()
	testkit.ForEachDBPair(t, func(t *testing.T, db, other *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		trainee := f.users[domain.RolePeserta]
		count := func() int {
			t.Helper()
			n, err := db.UserSessionCount(ctx, trainee.ID)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		// A second process on the same database, with its own session cache.
		srv2, err := New(Config{DB: other, Secret: []byte(strings.Repeat("k", 32)), Version: "uji", Now: f.clock.Now,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			t.Fatal(err)
		}
		ts2 := httptest.NewServer(srv2.Handler())
		t.Cleanup(ts2.Close)
		on2 := func(c *client, path string) page {
			t.Helper()
			req, _ := http.NewRequest(http.MethodGet, ts2.URL+path, nil)
			u, _ := url.Parse(f.ts.URL)
			for _, ck := range c.http.Jar.Cookies(u) {
				req.AddCookie(ck)
			}
			res, err := loadClient().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			return page{status: res.StatusCode, header: res.Header}
		}
		refused := func(p page) bool {
			return p.status == http.StatusSeeOther && strings.HasPrefix(p.header.Get("Location"), "/masuk")
		}
		tick := func() { f.clock.now = f.clock.now.Add(time.Second) }

		oldest := f.as(domain.RolePeserta) // seen by this process
		tick()
		second := f.as(domain.RolePeserta) // seen by the other one
		tick()
		for range 2 { // the second view is served from each process's cache
			if p := oldest.get("/beranda"); p.status != http.StatusOK {
				t.Fatalf("Beranda of the first session: %d", p.status)
			}
			if p := on2(second, "/beranda"); p.status != http.StatusOK {
				t.Fatalf("Beranda of the second session on the other process: %d", p.status)
			}
		}
		var newest []*client
		for range store.MaxUserSessions - 2 {
			newest = append(newest, f.as(domain.RolePeserta))
			tick()
		}
		if n := count(); n != store.MaxUserSessions {
			t.Fatalf("%d sessions after %d logins, want all of them", n, store.MaxUserSessions)
		}
		if p := oldest.get("/beranda"); p.status != http.StatusOK {
			t.Fatalf("the oldest session went before the cap was passed: %d", p.status)
		}

		newest = append(newest, f.as(domain.RolePeserta)) // one beyond the cap
		tick()
		if n := count(); n != store.MaxUserSessions {
			t.Errorf("%d sessions after one login beyond the cap, want %d", n, store.MaxUserSessions)
		}
		if p := oldest.get("/beranda"); !refused(p) {
			t.Errorf("the oldest session was served right after a login beyond the cap: %d %q", p.status, p.header.Get("Location"))
		}
		if p := on2(second, "/beranda"); p.status != http.StatusOK {
			t.Errorf("the second-oldest session was refused after one login beyond the cap: %d", p.status)
		}
		newest = append(newest, f.as(domain.RolePeserta))
		tick()
		eventually(t, "a session the other process had cached, revoked by a login here", func() bool { return refused(on2(second, "/beranda")) })
		for i, c := range newest {
			if p := c.get("/beranda"); p.status != http.StatusOK {
				t.Errorf("newer session %d refused: %d", i, p.status)
			}
		}

		// Logins at the same moment, on both processes: the cap holds.
		var wg sync.WaitGroup
		// Four at once: five reserved attempts of one account would be throttled.
		for i := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				base := f.ts.URL
				if i%2 == 1 {
					base = ts2.URL
				}
				if p := loginAt(t, base, trainee.Email); p != http.StatusSeeOther {
					t.Errorf("simultaneous login %d: status %d", i, p)
				}
			}()
		}
		wg.Wait()
		if n := count(); n != store.MaxUserSessions {
			t.Errorf("%d sessions after simultaneous logins, want %d", n, store.MaxUserSessions)
		}
	})
}

// loginAt logs the fixture's test password in for email at the server base,
// as a fresh browser would, and returns the login's status.
func loginAt(t *testing.T, base, email string) int {
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := hc.Get(base + "/masuk")
	if err != nil {
		t.Error(err)
		return 0
	}
	res.Body.Close()
	u, _ := url.Parse(base)
	token := ""
	for _, ck := range jar.Cookies(u) {
		if ck.Name == CSRFCookie {
			token = ck.Value
		}
	}
	form := url.Values{"email": {email}, "password": {testPassword}, CSRFField: {token}}
	res, err = hc.PostForm(base+"/masuk", form)
	if err != nil {
		t.Error(err)
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}
