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

	"github.com/PuerkitoBio/goquery"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

const testPassword = "kata-sandi-uji-123"

// testPasswordHash is one argon2id hash of testPassword for the users of
// every fixture: a hash costs tens of milliseconds of CPU, and test users
// sharing a salt changes nothing a test looks at.
var testPasswordHash = sync.OnceValues(func() (string, error) { return auth.HashPassword(testPassword) })

// fixture is a running server on a fresh database with one user per role.
type fixture struct {
	t     testing.TB
	db    *store.DB
	srv   *Server
	ts    *httptest.Server
	users map[domain.Role]domain.User
	opd   domain.OPD
	other domain.OPD
	clock *testClock
}

type testClock struct{ now time.Time }

func (c *testClock) Now() time.Time { return c.now }

func newFixture(t testing.TB, db *store.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{t: t, db: db, users: map[domain.Role]domain.User{}, clock: &testClock{now: time.Now().UTC()}}
	region, err := db.EnsureRegion(ctx, "kabupaten-sukamaju", "Pemerintah Kabupaten Sukamaju", "SKM")
	if err != nil {
		t.Fatal(err)
	}
	if f.opd, err = db.EnsureOPD(ctx, region.ID, "Dinas Kesehatan", "Dinkes", "dinas"); err != nil {
		t.Fatal(err)
	}
	if f.other, err = db.EnsureOPD(ctx, region.ID, "Badan Penanggulangan Bencana Daerah", "BPBD", "badan"); err != nil {
		t.Fatal(err)
	}
	hash, err := testPasswordHash()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range domain.Roles {
		opd := f.opd.ID
		u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: region.ID, OPDID: &opd, Email: string(r) + "@sukamaju.test",
			Name: "Uji " + r.Label(), Role: r, IsDesignatedAdmin: r == domain.RolePeserta, PasswordHash: hash})
		if err != nil {
			t.Fatal(err)
		}
		f.users[r] = u
	}
	f.srv, err = New(Config{DB: db, Secret: []byte(strings.Repeat("k", 32)), Version: "uji", Now: f.clock.Now,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	f.ts = httptest.NewServer(f.srv.Handler())
	t.Cleanup(f.ts.Close)
	return f
}

// client is a browser-like client: cookies kept, redirects not followed.
type client struct {
	f    *fixture
	http *http.Client
}

func (f *fixture) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{f: f, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type page struct {
	status int
	header http.Header
	body   string
	doc    *goquery.Document
}

func (p page) text(sel string) string { return strings.TrimSpace(p.doc.Find(sel).Text()) }

func (c *client) do(req *http.Request) page {
	c.f.t.Helper()
	res, err := c.http.Do(req)
	if err != nil {
		c.f.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(b)))
	if err != nil {
		c.f.t.Fatalf("parse %s: %v", req.URL, err)
	}
	return page{status: res.StatusCode, header: res.Header, body: string(b), doc: doc}
}

func (c *client) get(path string) page {
	req, _ := http.NewRequest(http.MethodGet, c.f.ts.URL+path, nil)
	return c.do(req)
}

// csrf returns the token the server handed this client (fetching a page first if needed).
func (c *client) csrf() string {
	u, _ := url.Parse(c.f.ts.URL)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == CSRFCookie {
			return ck.Value
		}
	}
	c.get("/masuk")
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == CSRFCookie {
			return ck.Value
		}
	}
	c.f.t.Fatal("no CSRF cookie")
	return ""
}

// post submits a form with the CSRF token unless form already has one set.
func (c *client) post(path string, form url.Values) page {
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form[CSRFField]; !ok {
		form.Set(CSRFField, c.csrf())
	}
	req, _ := http.NewRequest(http.MethodPost, c.f.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

func (c *client) login(email, password string) page {
	return c.post("/masuk", url.Values{"email": {email}, "password": {password}})
}

// as returns a client logged in as the fixture's user of role r.
func (f *fixture) as(r domain.Role) *client {
	c := f.client()
	if p := c.login(f.users[r].Email, testPassword); p.status != http.StatusSeeOther {
		f.t.Fatalf("login as %s: status %d: %s", r, p.status, p.text(".field-error"))
	}
	return c
}
