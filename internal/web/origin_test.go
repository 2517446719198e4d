package web

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestPostsFromANeighbouringSiteAreRefused: a site on a neighbouring
// subdomain can plant a form-token cookie of its choosing (over http) and
// its requests carry the Lax session cookie, so the double submit alone
// passes. The browser's Sec-Fetch-Site or Origin says where the request
// came from; anything but our own origin is refused.
func TestPostsFromANeighbouringSiteAreRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	admin := f.as(domain.RoleAdmin)
	admin.get("/admin/pengguna")
	token := admin.csrf()
	newUser := func(n int) url.Values {
		return url.Values{CSRFField: {token}, "nama": {fmt.Sprintf("Titipan %d", n)}, "email": {fmt.Sprintf("titipan%d@sukamaju.test", n)},
			"peran": {string(domain.RoleAdmin)}}
	}
	for i, h := range []map[string]string{
		{"Sec-Fetch-Site": "same-site"},
		{"Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "none"},
		{"Origin": "http://dinkes.sukamajukab.go.id"},
		{"Origin": "http://127.0.0.1.evil.example"},
	} {
		req, _ := http.NewRequest(http.MethodPost, f.ts.URL+"/admin/pengguna", strings.NewReader(newUser(i).Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range h {
			req.Header.Set(k, v)
		}
		if p := admin.do(req); p.status != http.StatusForbidden {
			t.Errorf("POST with %v: %d, want 403", h, p.status)
		}
	}
	// Our own pages: the browser says same-origin, or sends our Origin (another port is the proxy's business).
	u, _ := url.Parse(f.ts.URL)
	for i, h := range []map[string]string{
		{"Sec-Fetch-Site": "same-origin"},
		{"Origin": f.ts.URL},
		{"Origin": "http://" + u.Hostname() + ":8443"},
		{"Origin": "null"},
	} {
		req, _ := http.NewRequest(http.MethodPost, f.ts.URL+"/admin/pengguna", strings.NewReader(newUser(10+i).Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range h {
			req.Header.Set(k, v)
		}
		if p := admin.do(req); p.status != http.StatusSeeOther {
			t.Errorf("POST from our own page with %v: %d, want 303", h, p.status)
		}
	}
}

// TestFormTokenCookieIsHostOnlyUnderHTTPS: under https the form-token cookie
// is __Host- prefixed (Secure, Path=/, no Domain), which browsers refuse to
// accept from any other host.
func TestFormTokenCookieIsHostOnlyUnderHTTPS(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	srv, err := New(Config{DB: f.db, Secret: []byte(strings.Repeat("k", 32)), BaseURL: "https://bimtek.sukamajukab.go.id/",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/masuk", nil))
	var found bool
	for _, ck := range rec.Result().Cookies() {
		if ck.Name == "__Host-"+CSRFCookie {
			found = ck.Secure && ck.Path == "/" && ck.Domain == ""
		}
		if ck.Name == CSRFCookie {
			t.Error("the form-token cookie has no __Host- prefix under https")
		}
	}
	if !found {
		t.Errorf("no Secure, Path=/ __Host- form-token cookie: %v", rec.Header()["Set-Cookie"])
	}
}

// TestMadeUpRescueCookieKeepsNothing: a rescue cookie's value is signed by
// the server, so a value a script makes up (or a neighbouring site plants)
// names no trainee and keeps no text.
func TestMadeUpRescueCookieKeepsNothing(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	id := f.users[domain.RolePeserta].ID
	c := f.client()
	c.get("/masuk")
	u, _ := url.Parse(f.ts.URL + "/kursus/")
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: rescueCookieName(id), Value: strings.Repeat("A", 43) + fmt.Sprintf(".%d", id), Path: "/kursus/"}})
	form := url.Values{CSRFField: {c.csrf()}, "judul": {"Judul Titipan"}, "isi": {"Isi titipan."}, "pemilik": {fmt.Sprint(id)}}
	if p := c.post(practiceURL+"/kirim", form); strings.Contains(p.header.Get("Location"), "pulihkan") {
		t.Fatalf("made-up rescue cookie kept text → %s", p.header.Get("Location"))
	}
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: rescueCookieName(id), Value: strings.Repeat("A", 43) + fmt.Sprintf(".%d.%s", id, strings.Repeat("B", 22)), Path: "/kursus/"}})
	if p := c.post(practiceURL+"/kirim", form); strings.Contains(p.header.Get("Location"), "pulihkan") {
		t.Fatalf("badly signed rescue cookie kept text → %s", p.header.Get("Location"))
	}
	if n, _ := f.db.RescuedTextCount(t.Context()); n != 0 {
		t.Fatalf("%d rescued rows from made-up cookies", n)
	}
}

// TestIPv6ClientLimitedByItsPrefix: wrong logins from many addresses of one
// IPv6 /64 share the per-address limit.
func TestIPv6ClientLimitedByItsPrefix(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	srv, err := New(Config{DB: f.db, Secret: []byte(strings.Repeat("k", 32)), Version: "uji", TrustedProxy: "127.0.0.0/8",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	cl := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	login := func(i int, from string) int {
		form := url.Values{"email": {fmt.Sprintf("tebak%d@sukamaju.test", i)}, "password": {"salah-salah-salah"}, CSRFField: {provinceCSRF}}
		req := mustRequest(http.MethodPost, ts.URL+"/masuk", CSRFCookie+"="+provinceCSRF, form)
		req.Header.Set("X-Forwarded-For", from)
		res, err := cl.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	for i := range auth.MaxFailuresPerAddress {
		if st := login(i, fmt.Sprintf("2001:db8:1:2::%x", i+1)); st != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d", i, st)
		}
	}
	if st := login(99, "2001:db8:1:2::ff"); st != http.StatusTooManyRequests {
		t.Fatalf("a fresh address of the same /64 after %d guesses: %d, want 429", auth.MaxFailuresPerAddress, st)
	}
	if st := login(100, "2001:db8:1:3::1"); st != http.StatusUnauthorized {
		t.Fatalf("another /64: %d, want 401", st)
	}
}
