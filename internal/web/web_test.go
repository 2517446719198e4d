package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil/promlint"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestRouteAccess walks every route of the web UI with every role and with no login.
func TestRouteAccess(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		own := fmt.Sprintf("/opd/%d", f.opd.ID)
		other := fmt.Sprintf("/opd/%d", f.other.ID)
		const anon = domain.Role("")
		type want map[domain.Role]int
		all := func(code int) want {
			return want{anon: code, domain.RolePeserta: code, domain.RoleFasilitator: code, domain.RolePimpinanOPD: code, domain.RoleAdmin: code}
		}
		loggedInOnly := want{anon: http.StatusSeeOther, domain.RolePeserta: 200, domain.RoleFasilitator: 200, domain.RolePimpinanOPD: 200, domain.RoleAdmin: 200}
		cases := []struct {
			method, path string
			want         want
		}{
			{"GET", "/healthz", all(200)},
			{"GET", "/readyz", all(200)},
			{"GET", "/", want{anon: 200, domain.RolePeserta: 303, domain.RoleFasilitator: 303, domain.RolePimpinanOPD: 303, domain.RoleAdmin: 303}},
			{"GET", "/masuk", want{anon: 200, domain.RolePeserta: 303, domain.RoleFasilitator: 303, domain.RolePimpinanOPD: 303, domain.RoleAdmin: 303}},
			{"GET", "/beranda", loggedInOnly},
			{"GET", "/akun", loggedInOnly},
			{"POST", "/akun/kata-sandi", want{anon: 303, domain.RolePeserta: 422, domain.RoleFasilitator: 422, domain.RolePimpinanOPD: 422, domain.RoleAdmin: 422}},
			{"GET", own, want{anon: 303, domain.RolePeserta: 403, domain.RoleFasilitator: 403, domain.RolePimpinanOPD: 200, domain.RoleAdmin: 200}},
			{"GET", other, want{anon: 303, domain.RolePeserta: 403, domain.RoleFasilitator: 403, domain.RolePimpinanOPD: 404, domain.RoleAdmin: 200}},
			{"GET", "/opd/999999", want{anon: 303, domain.RolePeserta: 403, domain.RoleFasilitator: 403, domain.RolePimpinanOPD: 404, domain.RoleAdmin: 404}},
			{"GET", "/opd/bukan-angka", want{anon: 303, domain.RolePeserta: 403, domain.RoleFasilitator: 403, domain.RolePimpinanOPD: 404, domain.RoleAdmin: 404}},
			{"GET", "/tidak-ada", all(404)},
			{"POST", "/keluar", want{anon: 303, domain.RolePeserta: 303, domain.RoleFasilitator: 303, domain.RolePimpinanOPD: 303, domain.RoleAdmin: 303}},
		}
		for _, role := range append([]domain.Role{anon}, domain.Roles...) {
			for _, tc := range cases {
				name := string(role)
				if name == "" {
					name = "anonim"
				}
				t.Run(name+" "+tc.method+" "+tc.path, func(t *testing.T) {
					c := f.client()
					if role != anon {
						c = f.as(role)
					}
					var p page
					if tc.method == "GET" {
						p = c.get(tc.path)
					} else {
						p = c.post(tc.path, nil)
					}
					if got, want := p.status, tc.want[role]; got != want {
						t.Fatalf("status = %d, want %d (%s)", got, want, p.text("h1"))
					}
				})
			}
		}
	})
}

func TestLoginLogout(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := f.client()
		p := c.get("/masuk")
		if p.doc.Find(`label[for=email]`).Text() != "Email" || p.doc.Find(`label[for=password]`).Text() != "Kata sandi" ||
			strings.TrimSpace(p.doc.Find(`form[action="/masuk"] button[type=submit]`).Text()) != "Masuk" {
			t.Fatalf("login form lacks its labels or button:\n%s", p.body)
		}
		if p.doc.Find("h1").Length() != 1 || p.doc.Find("main").Length() != 1 || p.doc.Find("header").Length() != 1 {
			t.Fatal("page needs one h1, a main and a header landmark")
		}
		// Wrong password and unknown email get the same words; the typed email is kept.
		wrong := c.login(f.users[domain.RolePeserta].Email, "salah-sekali-123")
		unknown := c.login("siapa@tidak.ada", "salah-sekali-123")
		if wrong.status != 401 || unknown.status != 401 {
			t.Fatalf("bad logins: %d, %d; want 401", wrong.status, unknown.status)
		}
		if a, b := wrong.text(".field-error"), unknown.text(".field-error"); a != msgBadCredentials || b != msgBadCredentials {
			t.Fatalf("messages %q / %q, want both %q", a, b, msgBadCredentials)
		}
		if v, _ := unknown.doc.Find("#email").Attr("value"); v != "siapa@tidak.ada" {
			t.Fatalf("typed email not kept: %q", v)
		}
		// Malformed input: specific messages.
		p = c.post("/masuk", url.Values{"email": {"bukan email"}, "password": {""}})
		if p.status != 422 || !strings.Contains(p.body, "Format email tidak valid") || !strings.Contains(p.body, "Kata sandi wajib diisi.") {
			t.Fatalf("malformed login: %d %s", p.status, p.text(".error-summary"))
		}
		// A good login regenerates the session id and lands on the Beranda.
		before := sessionCookie(c)
		p = c.login(f.users[domain.RolePeserta].Email, testPassword)
		if p.status != 303 || p.header.Get("Location") != "/beranda" {
			t.Fatalf("login: %d → %s", p.status, p.header.Get("Location"))
		}
		after := sessionCookie(c)
		if after == "" || after == before {
			t.Fatal("session cookie was not (re)issued at login")
		}
		home := c.get("/beranda")
		if home.status != 200 || home.text("h1") != "Beranda" || !strings.Contains(home.body, "Dinas Kesehatan") {
			t.Fatalf("beranda: %d %s", home.status, home.text("main"))
		}
		// Logout deletes the server row: replaying the old cookie gets nothing.
		if p := c.post("/keluar", nil); p.status != 303 {
			t.Fatalf("logout: %d", p.status)
		}
		replay := f.client()
		u, _ := url.Parse(f.ts.URL)
		replay.http.Jar.SetCookies(u, []*http.Cookie{{Name: SessionCookie, Value: after, Path: "/"}})
		if p := replay.get("/beranda"); p.status != 303 {
			t.Fatalf("old session still valid after logout: %d", p.status)
		}
	})
}

func sessionCookie(c *client) string {
	u, _ := url.Parse(c.f.ts.URL)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == SessionCookie {
			return ck.Value
		}
	}
	return ""
}

func TestLoginThrottle(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	c := f.client()
	email := f.users[domain.RoleAdmin].Email
	for i := 0; i < auth.MaxFailuresPerAccount; i++ {
		if p := c.login(email, "salah-salah-salah"); p.status != 401 {
			t.Fatalf("attempt %d: %d", i, p.status)
		}
	}
	// Now even the right password is refused, with the same message as for an unknown email.
	p := c.login(email, testPassword)
	if p.status != http.StatusTooManyRequests || !strings.Contains(p.body, "Terlalu banyak percobaan masuk") {
		t.Fatalf("locked account: %d %s", p.status, p.text(".field-error"))
	}
	for i := 0; i < auth.MaxFailuresPerAccount; i++ {
		c.login("tidak-ada@sukamaju.test", "salah-salah-salah")
	}
	q := c.login("tidak-ada@sukamaju.test", "salah-salah-salah")
	if q.status != p.status || q.text(".field-error") != p.text(".field-error") {
		t.Fatalf("unknown email throttled differently: %d %q vs %d %q", q.status, q.text(".field-error"), p.status, p.text(".field-error"))
	}
	// After the window the account opens again.
	f.clock.now = f.clock.now.Add(auth.ThrottleWindow + time.Minute)
	if p := c.login(email, testPassword); p.status != 303 {
		t.Fatalf("after the window: %d %s", p.status, p.text(".field-error"))
	}
}

func TestCSRF(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	c := f.as(domain.RolePeserta)
	for name, form := range map[string]url.Values{
		"missing": {"current": {"x"}, CSRFField: {""}},
		"forged":  {"current": {"x"}, CSRFField: {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}},
	} {
		p := c.post("/akun/kata-sandi", form)
		if p.status != 403 || p.text("h1") != "Formulir kedaluwarsa" {
			t.Errorf("%s token: %d %q", name, p.status, p.text("h1"))
		}
	}
	// The login form itself is protected too.
	p := f.client().post("/masuk", url.Values{"email": {"a@b.id"}, "password": {"x"}, CSRFField: {""}})
	if p.status != 403 {
		t.Fatalf("login without token: %d", p.status)
	}
}

func TestSecurityHeadersAndErrors(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	c := f.client()
	p := c.get("/")
	for h, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "same-origin",
	} {
		if got := p.header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	csp := p.header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP = %q", csp)
	}
	if p.doc.Find("script:not([src])").Length() != 0 {
		t.Error("inline script on the landing page")
	}
	if p.doc.Find("html").AttrOr("lang", "") != "id" {
		t.Error("html lang is not id")
	}
	nf := c.get("/tidak/ada")
	if nf.status != 404 || nf.text("h1") != "Halaman tidak ditemukan" {
		t.Errorf("404 page: %d %q", nf.status, nf.text("h1"))
	}
	// Oversized body: 413 with an Indonesian page.
	big := url.Values{"email": {strings.Repeat("a", 2<<20)}, CSRFField: {c.csrf()}}
	req, _ := http.NewRequest(http.MethodPost, f.ts.URL+"/masuk", strings.NewReader(big.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	tooBig := c.do(req)
	if tooBig.status != http.StatusRequestEntityTooLarge || tooBig.text("h1") != "Kiriman terlalu besar" {
		t.Errorf("oversized body: %d %q", tooBig.status, tooBig.text("h1"))
	}
	// Cookies: HttpOnly and SameSite=Lax.
	lc := f.client()
	lc.get("/masuk")
	res, _ := lc.http.PostForm(f.ts.URL+"/masuk", url.Values{"email": {f.users[domain.RoleAdmin].Email}, "password": {testPassword}, CSRFField: {lc.csrf()}})
	res.Body.Close()
	var seen bool
	for _, ck := range res.Cookies() {
		if ck.Name == SessionCookie {
			seen = true
			if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Secure {
				t.Errorf("session cookie flags: %+v", ck)
			}
		}
	}
	if !seen {
		t.Error("no session cookie set at login")
	}
}

func TestPanicGivesIndonesian500WithoutStack(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.srv.e.GET("/uji-panik", func(c echoContext) error { panic("rahasia internal") })
	p := f.client().get("/uji-panik")
	if p.status != 500 || p.text("h1") != "Terjadi kesalahan di server" || strings.Contains(p.body, "rahasia internal") || strings.Contains(p.body, "goroutine") {
		t.Fatalf("500 page: %d %q", p.status, p.text("h1"))
	}
}

func TestExpiredSessionReturnsToPageAfterLogin(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	c := f.as(domain.RoleAdmin)
	f.clock.now = f.clock.now.Add(auth.SessionIdle + time.Minute)
	p := c.get("/akun")
	loc := p.header.Get("Location")
	if p.status != 303 || !strings.HasPrefix(loc, "/masuk?kembali=%2Fakun") || !strings.Contains(loc, "sesi=berakhir") {
		t.Fatalf("expired session: %d → %s", p.status, loc)
	}
	form := c.get(loc)
	if !strings.Contains(form.text(".notice"), "Sesi Anda telah berakhir") {
		t.Fatalf("no expiry notice: %q", form.text("main"))
	}
	back, _ := form.doc.Find(`input[name=kembali]`).Attr("value")
	res := c.post("/masuk", url.Values{"email": {f.users[domain.RoleAdmin].Email}, "password": {testPassword}, "kembali": {back}})
	if res.status != 303 || res.header.Get("Location") != "/akun" {
		t.Fatalf("after login: %d → %s", res.status, res.header.Get("Location"))
	}
	// An open redirect is refused.
	res = f.client().post("/masuk", url.Values{"email": {f.users[domain.RoleAdmin].Email}, "password": {testPassword}, "kembali": {"//jahat.example"}})
	if res.header.Get("Location") != "/beranda" {
		t.Fatalf("open redirect: → %s", res.header.Get("Location"))
	}
}

func TestPasswordChangeRevokesOtherSessions(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		laptop := f.as(domain.RoleFasilitator)
		phone := f.as(domain.RoleFasilitator)
		p := laptop.post("/akun/kata-sandi", url.Values{"current": {testPassword}, "new": {"pendek"}, "confirm": {"pendek"}})
		if p.status != 422 || !strings.Contains(p.body, "minimal 10 karakter") {
			t.Fatalf("short password: %d %s", p.status, p.text(".error-summary"))
		}
		p = laptop.post("/akun/kata-sandi", url.Values{"current": {testPassword}, "new": {"sandi-baru-yang-panjang"}, "confirm": {"sandi-baru-yang-panjang"}})
		if p.status != 303 {
			t.Fatalf("change: %d %s", p.status, p.text(".error-summary"))
		}
		if got := laptop.get(p.header.Get("Location")); got.status != 200 || !strings.Contains(got.body, "Kata sandi berhasil diganti") {
			t.Fatalf("changer logged out: %d", got.status)
		}
		if got := phone.get("/akun"); got.status != 303 {
			t.Fatalf("other device still logged in: %d", got.status)
		}
		if p := f.client().login(f.users[domain.RoleFasilitator].Email, "sandi-baru-yang-panjang"); p.status != 303 {
			t.Fatalf("new password does not work: %d", p.status)
		}
	})
}

func TestAdminHomeListsOPDsWithCounts(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	p := f.as(domain.RoleAdmin).get("/beranda")
	rows := p.doc.Find("table tbody tr")
	if rows.Length() != 2 {
		t.Fatalf("want 2 OPD rows, got %d", rows.Length())
	}
	found := false
	rows.Each(func(_ int, r *goquerySelection) {
		if strings.Contains(r.Text(), "Dinas Kesehatan") {
			found = true
			cells := r.Find("td")
			if cells.Eq(2).Text() != "4" || cells.Eq(3).Text() != "1" || cells.Eq(4).Text() != "1" {
				t.Errorf("counts for Dinkes: %q %q %q", cells.Eq(2).Text(), cells.Eq(3).Text(), cells.Eq(4).Text())
			}
		}
	})
	if !found {
		t.Fatal("Dinas Kesehatan not listed")
	}
	// pimpinan OPD's home is their OPD page, with their people.
	h := f.as(domain.RolePimpinanOPD).get("/beranda")
	if h.text("h1") != "Dinas Kesehatan" || !strings.Contains(h.body, "Uji Peserta") {
		t.Fatalf("pimpinan home: %q", h.text("h1"))
	}
}

// TestMetrics scrapes /metrics after a few requests: the body parses as the
// Prometheus text format (expfmt), passes the linter promtool runs
// (promlint), and counts requests by route template, method and code.
func TestMetrics(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	c := f.client()
	c.get("/")
	c.get("/tidak-ada")
	c.get("/verifikasi/TIDAKADA1234")
	trainee := f.as(domain.RolePeserta)
	trainee.get("/beranda")
	trainee.get("/beranda") // session and Beranda data from the caches
	f.srv.cfg.MetricsToken = "uji-token-metrik-yang-panjang"
	req, _ := http.NewRequest(http.MethodGet, f.ts.URL+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer "+f.srv.cfg.MetricsToken)
	p := c.do(req)
	if ct := p.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4; charset=utf-8") {
		t.Errorf("content type %q", ct)
	}
	parser := expfmt.NewTextParser(model.LegacyValidation)
	fams, err := parser.TextToMetricFamilies(strings.NewReader(p.body))
	if err != nil {
		t.Fatalf("metrics do not parse: %v\n%s", err, p.body)
	}
	mfs := make([]*dto.MetricFamily, 0, len(fams))
	for _, mf := range fams {
		mfs = append(mfs, mf)
	}
	problems, err := promlint.NewWithMetricFamilies(mfs).Lint()
	if err != nil || len(problems) > 0 {
		t.Errorf("promlint: %v %v", err, problems)
	}
	// value returns the sample of family name whose labels are exactly want.
	value := func(name string, want map[string]string) (float64, bool) {
		mf := fams[name]
		if mf == nil {
			return 0, false
		}
	metric:
		for _, m := range mf.GetMetric() {
			if len(m.GetLabel()) != len(want) {
				continue
			}
			for _, l := range m.GetLabel() {
				if want[l.GetName()] != l.GetValue() {
					continue metric
				}
			}
			switch {
			case m.Counter != nil:
				return m.GetCounter().GetValue(), true
			case m.Gauge != nil:
				return m.GetGauge().GetValue(), true
			case m.Histogram != nil:
				return float64(m.GetHistogram().GetSampleCount()), true
			}
		}
		return 0, false
	}
	for _, w := range []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"bimtek_http_requests_total", map[string]string{"route": "/beranda", "method": "GET", "code": "200"}, 2},
		{"bimtek_http_requests_total", map[string]string{"route": "/", "method": "GET", "code": "200"}, 1},
		{"bimtek_http_requests_total", map[string]string{"route": "/*", "method": "GET", "code": "404"}, 1},
		{"bimtek_http_requests_total", map[string]string{"route": "/verifikasi/:code", "method": "GET", "code": "404"}, 1},
		{"bimtek_http_request_duration_seconds", map[string]string{"route": "/beranda", "method": "GET", "class": "2xx"}, 2},
		{"bimtek_change_feed_live", nil, 1},
		{"bimtek_cache_reads_total", map[string]string{"cache": "sessions", "result": "hit"}, 1},
		{"bimtek_cache_reads_total", map[string]string{"cache": "progress", "result": "hit"}, 1},
		{"bimtek_cache_reads_total", map[string]string{"cache": "home", "result": "miss"}, 1},
		{"bimtek_cache_entries", map[string]string{"cache": "home"}, 1},
	} {
		if got, ok := value(w.name, w.labels); !ok || got != w.want {
			t.Errorf("%s%v = %v (present %v), want %v\n%s", w.name, w.labels, got, ok, w.want, p.body)
		}
	}
	for _, name := range []string{"bimtek_db_connections_open", "bimtek_db_wait_seconds_total", "bimtek_http_requests_in_flight",
		"bimtek_password_hashes_total", "bimtek_uptime_seconds", "go_goroutines", "go_memstats_heap_alloc_bytes",
		"process_start_time_seconds", "process_resident_memory_bytes"} {
		if fams[name] == nil {
			t.Errorf("metrics lack %s", name)
		}
	}
	if strings.Contains(p.body, "tidak-ada") || strings.Contains(p.body, "TIDAKADA") {
		t.Errorf("a request path leaked into the labels:\n%s", p.body)
	}
}

// TestGracefulShutdownFinishesRequests stops the server while a request is
// being served: the request still completes, and Serve returns cleanly.
func TestGracefulShutdownFinishesRequests(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	started := make(chan struct{})
	f.srv.e.GET("/uji-lambat", func(c echoContext) error {
		close(started)
		time.Sleep(300 * time.Millisecond)
		return c.String(http.StatusOK, "selesai")
	})
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- f.srv.Serve(ctx, "127.0.0.1:0", func(a string) { addrc <- a }) }()
	addr := <-addrc
	result := make(chan string, 1)
	go func() {
		res, err := http.Get("http://" + addr + "/uji-lambat")
		if err != nil {
			result <- err.Error()
			return
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		result <- string(b)
	}()
	<-started
	cancel()
	if got := <-result; got != "selesai" {
		t.Fatalf("in-flight request got %q", got)
	}
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Fatal("server still accepts connections after shutdown")
	}
}
