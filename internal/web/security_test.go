package web

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/certify/certpdf"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// syncBuffer is a log sink safe for concurrent handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// captureLog sends the server's log to a buffer.
func (f *fixture) captureLog() *syncBuffer {
	buf := &syncBuffer{}
	f.srv.log = slog.New(slog.NewTextHandler(buf, nil))
	return buf
}

// concurrently runs n calls of fn at once and returns their statuses.
func concurrently(n int, fn func(i int) int) map[int]int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	got := map[int]int{}
	start := make(chan struct{})
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			st := fn(i)
			mu.Lock()
			got[st]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	return got
}

// TestConcurrentWrongLoginsCheckAtMostTheLimit fires 60 wrong passwords for one
// account at once: only MaxFailuresPerAccount reach argon2id, the rest are
// throttled before any hashing, on both engines.
func TestConcurrentWrongLoginsCheckAtMostTheLimit(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.srv.hashing = auth.NewHashing(auth.HashMemoryBudget, 1<<40) // queue as long as it takes
		email := f.users[domain.RoleAdmin].Email
		clients := make([]*client, 60)
		for i := range clients {
			clients[i] = f.client()
			clients[i].csrf()
		}
		before := f.srv.hashing.Stats().Runs
		got := concurrently(len(clients), func(i int) int {
			return clients[i].login(email, fmt.Sprintf("tebakan-salah-%02d", i)).status
		})
		runs := f.srv.hashing.Stats().Runs - before
		if runs > auth.MaxFailuresPerAccount || got[http.StatusUnauthorized] > auth.MaxFailuresPerAccount {
			t.Fatalf("%d passwords hashed, statuses %v; want at most %d checked", runs, got, auth.MaxFailuresPerAccount)
		}
		if got[http.StatusUnauthorized]+got[http.StatusTooManyRequests] != len(clients) {
			t.Fatalf("statuses %v; want only 401 and 429", got)
		}
		// The right password is throttled too now, with no hashing.
		if p := f.client().login(email, testPassword); p.status != http.StatusTooManyRequests || p.header.Get("Retry-After") != throttledRetry {
			t.Fatalf("right password after the burst: %d, Retry-After %q", p.status, p.header.Get("Retry-After"))
		}
		if runs2 := f.srv.hashing.Stats().Runs - before; runs2 != runs {
			t.Fatalf("a throttled login hashed a password (%d → %d)", runs, runs2)
		}
	})
}

// TestRoomBehindOneAddressLogsIn: 60 trainees behind one NAT address press
// "Masuk" at the same moment with their right passwords: every one gets in
// (their logins take turns instead of each counting as a failure of the
// address at once), on both engines; 60 wrong guesses from that address for
// 60 accounts still get at most the address's limit checked.
func TestRoomBehindOneAddressLogsIn(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		f.srv.hashing = auth.NewHashing(auth.HashMemoryBudget, time.Minute)
		hash, err := testPasswordHash()
		if err != nil {
			t.Fatal(err)
		}
		const room = 60
		batch := make([]domain.NewUser, 2*room)
		for i := range batch {
			batch[i] = domain.NewUser{RegionID: f.users[domain.RolePeserta].RegionID, Email: fmt.Sprintf("ruang%02d@sukamaju.test", i),
				Name: fmt.Sprintf("Peserta Ruang %d", i), Role: domain.RolePeserta, PasswordHash: hash}
		}
		if _, err := db.CreateUsers(ctx, nil, batch); err != nil {
			t.Fatal(err)
		}
		clients := make([]*client, room)
		for i := range clients {
			clients[i] = f.client()
			clients[i].csrf()
		}
		got := concurrently(room, func(i int) int { return clients[i].login(batch[i].Email, testPassword).status })
		if got[http.StatusSeeOther] != room {
			t.Fatalf("a room of %d logging in at once from one address: statuses %v; want every one in", room, got)
		}
		before := f.srv.hashing.Stats().Runs
		got = concurrently(room, func(i int) int { return clients[i].login(batch[room+i].Email, "tebakan-salah").status })
		if runs := f.srv.hashing.Stats().Runs - before; runs > auth.MaxFailuresPerAddress || got[http.StatusUnauthorized] > auth.MaxFailuresPerAddress ||
			got[http.StatusUnauthorized]+got[http.StatusTooManyRequests] != room {
			t.Fatalf("%d wrong guesses from one address: %d hashed, statuses %v; want at most %d checked, the rest 429",
				room, runs, got, auth.MaxFailuresPerAddress)
		}
	})
}

// TestLoginHashingQueueFull: with every hashing slot taken for longer than the
// queue wait, a login gets 503 with Retry-After, an Indonesian message and the
// typed email kept; the attempt is not counted as a failure.
func TestLoginHashingQueueFull(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.srv.hashing = auth.NewHashing(1, 0) // one slot, no queue
	log := f.captureLog()
	clients := make([]*client, 8)
	for i := range clients {
		clients[i] = f.client()
		clients[i].csrf()
	}
	var mu sync.Mutex
	var busy page
	got := concurrently(len(clients), func(i int) int {
		p := clients[i].login(fmt.Sprintf("orang%d@sukamaju.test", i), "tebakan-salah")
		if p.status == http.StatusServiceUnavailable {
			mu.Lock()
			busy = p
			mu.Unlock()
		}
		return p.status
	})
	if got[http.StatusServiceUnavailable] == 0 || got[http.StatusServiceUnavailable]+got[http.StatusUnauthorized] != len(clients) {
		t.Fatalf("statuses %v; want some 503 and the rest 401", got)
	}
	if busy.header.Get("Retry-After") != hashBusyRetry || !strings.Contains(busy.body, "Server sedang sibuk memeriksa kata sandi") {
		t.Fatalf("503 page: Retry-After %q, %q", busy.header.Get("Retry-After"), busy.text(".field-error"))
	}
	if v := busy.doc.Find(`input[name=email]`).AttrOr("value", ""); !strings.HasPrefix(v, "orang") {
		t.Fatalf("typed email not kept: %q", v)
	}
	if st := f.srv.hashing.Stats(); st.Peak != 1 || st.Refused != int64(got[http.StatusServiceUnavailable]) {
		t.Fatalf("hashing stats %+v", st)
	}
	if out := log.String(); strings.Contains(out, "level=ERROR") || !strings.Contains(out, "status=503") {
		t.Fatalf("a shed login is a warning, not an error:\n%s", out)
	}
	// A refused login was not counted as a failure.
	n, _, err := f.db.FailedLogins(context.Background(), "orang0@sukamaju.test", "127.0.0.1", f.clock.now.Add(-auth.ThrottleWindow))
	if err != nil || n > 1 {
		t.Fatalf("failures for orang0: %d, %v", n, err)
	}
}

// TestPlaceholderHashLoginCostsARealCheck: an account without a password (the
// demo's extra people) answers like a wrong password after one argon2id run,
// logs a warning with the address and no ERROR.
func TestPlaceholderHashLoginCostsARealCheck(t *testing.T) {
	f := newFixture(t, testkit.SQLite(t))
	log := f.captureLog()
	ctx := context.Background()
	opd := f.opd.ID
	if _, err := f.db.CreateUser(ctx, nil, domain.NewUser{RegionID: f.opd.RegionID, OPDID: &opd, Email: "tanpa-sandi@sukamaju.test",
		Name: "Tanpa Sandi", Role: domain.RolePeserta, PasswordHash: "!demo-tanpa-login"}); err != nil {
		t.Fatal(err)
	}
	f.srv.hashing = auth.NewHashing(auth.HashMemoryBudget, auth.HashQueueWait)
	took := map[string]time.Duration{}
	for _, email := range []string{"tanpa-sandi@sukamaju.test", "tidak-terdaftar@sukamaju.test", f.users[domain.RolePeserta].Email} {
		before := f.srv.hashing.Stats().Runs
		c := f.client()
		c.csrf()
		start := time.Now()
		p := c.login(email, "tebakan-salah")
		took[email] = time.Since(start)
		if p.status != http.StatusUnauthorized || p.text(".field-error") != msgBadCredentials {
			t.Fatalf("%s: %d %q", email, p.status, p.text(".field-error"))
		}
		if runs := f.srv.hashing.Stats().Runs - before; runs != 1 {
			t.Fatalf("%s: %d argon2id runs, want 1 like a real check", email, runs)
		}
	}
	// The same argon2id work shows in the time too: the fastest of three more
	// rounds each (the machine is shared, and the first runs pay for fresh memory).
	for range 3 {
		for email := range took {
			c := f.client()
			c.csrf()
			start := time.Now()
			c.login(email, "tebakan-salah")
			took[email] = min(took[email], time.Since(start))
		}
	}
	real := took[f.users[domain.RolePeserta].Email]
	for email, d := range took {
		if d < real/3 {
			t.Errorf("%s answered in %v, a real check in %v", email, d, real)
		}
	}
	t.Logf("login answer times: %v", took)
	out := log.String()
	if strings.Contains(out, "level=ERROR") {
		t.Fatalf("ERROR logged for a failed login:\n%s", out)
	}
	if n := strings.Count(out, `msg="masuk gagal"`); n != 12 || !strings.Contains(out, "address=127.0.0.1") {
		t.Fatalf("failed logins not logged with the address (%d):\n%s", n, out)
	}
}

// TestChangePasswordCurrentIsThrottled: guessing the current password on
// "Ubah kata sandi" counts against the same limit as logins.
func TestChangePasswordCurrentIsThrottled(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := f.as(domain.RoleFasilitator)
		form := func(cur string) url.Values {
			return url.Values{"current": {cur}, "new": {"sandi-baru-yang-panjang"}, "confirm": {"sandi-baru-yang-panjang"}}
		}
		for i := 0; i < auth.MaxFailuresPerAccount; i++ {
			if p := c.post("/akun/kata-sandi", form("tebakan-salah")); p.status != http.StatusUnprocessableEntity {
				t.Fatalf("guess %d: %d", i, p.status)
			}
		}
		p := c.post("/akun/kata-sandi", form(testPassword))
		if p.status != http.StatusTooManyRequests || !strings.Contains(p.body, "Terlalu banyak percobaan") {
			t.Fatalf("after %d wrong guesses: %d %q", auth.MaxFailuresPerAccount, p.status, p.text(".field-error"))
		}
	})
}

// TestAnonymousRescueOnlyForRealPracticeItems: a POST after logout keeps
// text only for a practice item of the catalog, within the form's limits,
// and only from a browser the practice page gave the rescue cookie.
func TestAnonymousRescueOnlyForRealPracticeItems(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	c := loggedOutWithRescueCookie(t, f)
	form := url.Values{"judul": {"Judul titipan"}, "isi": {"Isi titipan"}}
	for _, path := range []string{
		"/kursus/tidak-ada/materi/x/draf",
		lessonURL + tcLesson1 + "/periksa",
		lessonURL + "tidak-ada/kirim",
	} {
		p := c.post(path, form)
		if loc := p.header.Get("Location"); p.status != http.StatusSeeOther || strings.Contains(loc, "pulihkan") {
			t.Errorf("%s: %d → %s; want the login page without rescued text", path, p.status, loc)
		}
	}
	big := url.Values{"judul": {"Judul"}, "isi": {strings.Repeat("a", MaxBodyChars+1)}}
	if loc := c.post(practiceURL+"/draf", big).header.Get("Location"); strings.Contains(loc, "pulihkan") {
		t.Errorf("oversized text rescued: → %s", loc)
	}
	if loc := c.post(practiceURL+"/draf", form).header.Get("Location"); !strings.Contains(loc, "pulihkan") {
		t.Errorf("practice text not rescued: → %s", loc)
	}
}

// loggedOutWithRescueCookie is a browser whose trainee opened the practice
// page (which sets the rescue cookie) and then logged out.
func loggedOutWithRescueCookie(t *testing.T, f *fixture) *client {
	t.Helper()
	c := f.as(domain.RolePeserta)
	if p := c.get(practiceURL); p.status != http.StatusOK {
		t.Fatalf("practice page: %d", p.status)
	}
	c.post("/keluar", nil)
	return c
}

// TestCrossSitePostLeavesNoRescue: another site's form posting a release to
// a trainee's practice page carries no SameSite=Lax cookie, so no rescue
// cookie: nothing is kept, and nothing becomes the trainee's draft. A browser
// that says the request came from another site is refused even with the cookie.
func TestCrossSitePostLeavesNoRescue(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		ctx := context.Background()
		planted := url.Values{"judul": {"Judul Titipan Penyerang"}, "isi": {"Isi titipan penyerang."}, CSRFField: {"tebakan"}}
		// The trainee's browser, logged in, as the cross-site POST reaches it: without its Lax cookies.
		victim := f.as(domain.RolePeserta)
		victim.get(practiceURL)
		bare := f.client()
		for _, action := range []string{"/draf", "/periksa", "/kirim"} {
			p := bare.post(practiceURL+action, planted)
			if loc := p.header.Get("Location"); strings.Contains(loc, "pulihkan") {
				t.Fatalf("%s without cookies: rescued → %s", action, loc)
			}
		}
		// A browser with the cookies that says the request is cross-site (no SameSite support).
		for _, site := range []string{"cross-site", "same-site"} {
			req, _ := http.NewRequest(http.MethodPost, f.ts.URL+practiceURL+"/kirim", strings.NewReader(planted.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", site)
			if p := victim.do(req); strings.Contains(p.header.Get("Location"), "pulihkan") || p.status != http.StatusForbidden {
				t.Fatalf("Sec-Fetch-Site %s: %d → %s", site, p.status, p.header.Get("Location"))
			}
		}
		req, _ := http.NewRequest(http.MethodPost, f.ts.URL+practiceURL+"/kirim", strings.NewReader(planted.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", "https://penyerang.example")
		if p := victim.do(req); strings.Contains(p.header.Get("Location"), "pulihkan") {
			t.Fatalf("foreign Origin rescued → %s", p.header.Get("Location"))
		}
		if n, err := db.RescuedTextCount(ctx); n != 0 || err != nil {
			t.Fatalf("%d rescued rows after forged posts, %v", n, err)
		}
		if p := victim.get(practiceURL); strings.Contains(p.body, "Titipan Penyerang") || strings.Contains(p.text(".notice"), "dipulihkan") {
			t.Fatalf("forged text reached the trainee's page: %q", p.text(".notice"))
		}
	})
}

// TestPlantedRescueDoesNotPrefillAnotherBrowser: a rescue made in one
// browser, its link sent to a trainee logged in elsewhere, fills nothing in.
func TestPlantedRescueDoesNotPrefillAnotherBrowser(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	attacker := loggedOutWithRescueCookie(t, f)
	loc := attacker.post(practiceURL+"/draf", url.Values{"judul": {"Judul Titipan Penyerang"}, "isi": {"Isi titipan penyerang."}}).header.Get("Location")
	u, err := url.Parse(loc)
	if err != nil || u.Query().Get("kembali") == "" {
		t.Fatalf("no rescue link: %q", loc)
	}
	planted := u.Query().Get("kembali")
	if !strings.Contains(planted, "pulihkan=") {
		t.Fatalf("no rescue id in %q", planted)
	}
	trainee := f.as(domain.RolePeserta)
	for range 2 {
		p := trainee.get(planted)
		if p.status != http.StatusOK || strings.Contains(p.text(".notice"), "dipulihkan") || strings.Contains(p.body, "Titipan Penyerang") {
			t.Fatalf("planted rescue filled the trainee's form: %d %q", p.status, p.text(".notice"))
		}
	}
}

// TestMetricsNeedsItsToken: /metrics does not exist without
// BIMTEK_METRICS_TOKEN, and answers 401 to a missing or wrong token.
func TestMetricsNeedsItsToken(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	c := f.client()
	if p := c.get("/metrics"); p.status != http.StatusNotFound || strings.Contains(p.body, "bimtek_http_requests_total") {
		t.Fatalf("metrics without a configured token: %d", p.status)
	}
	f.srv.cfg.MetricsToken = "uji-token-metrik-yang-panjang"
	for _, auth := range []string{"", "Bearer salah", "Basic " + f.srv.cfg.MetricsToken, "Bearer " + f.srv.cfg.MetricsToken + "x"} {
		req, _ := http.NewRequest(http.MethodGet, f.ts.URL+"/metrics", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		if p := c.do(req); p.status != http.StatusUnauthorized || strings.Contains(p.body, "bimtek_http_requests_total") {
			t.Errorf("Authorization %q: %d", auth, p.status)
		}
	}
	if _, err := New(Config{DB: f.db, Secret: []byte(strings.Repeat("k", 32)), MetricsToken: "rahasia"}); err == nil || !strings.Contains(err.Error(), "terlalu pendek") {
		t.Errorf("a guessable metrics token was accepted: %v", err)
	}
}

// TestAuthenticatedPagesAreNotCached: every page of a logged-in user says
// no-store; HSTS is sent only when the base URL is https.
func TestAuthenticatedPagesAreNotCached(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	if got := f.client().get("/").header.Get("Cache-Control"); got == "no-store" {
		t.Errorf("anonymous landing page: Cache-Control %q", got)
	}
	for _, r := range domain.Roles {
		c := f.as(r)
		for _, path := range []string{"/beranda", "/akun", "/tidak-ada"} {
			if got := c.get(path).header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("%s %s: Cache-Control %q, want no-store", r, path, got)
			}
		}
	}
	if h := f.client().get("/").header.Get("Strict-Transport-Security"); h != "" {
		t.Errorf("HSTS over http: %q", h)
	}
	srv, err := New(Config{DB: f.db, Secret: []byte(strings.Repeat("k", 32)), BaseURL: "https://bimtek.sukamajukab.go.id/"})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if h := rec.Header().Get("Strict-Transport-Security"); !strings.HasPrefix(h, "max-age=") {
		t.Errorf("HSTS with an https base URL: %q", h)
	}
	if _, err := New(Config{DB: f.db, Secret: []byte(strings.Repeat("k", 32)), BaseURL: "bimtek.sukamajukab.go.id"}); err == nil {
		t.Error("a base URL without a scheme was accepted")
	}
}

// TestLoginReturnPathIsAPlainLocalPath: ?kembali= takes only a local path;
// anything a browser could read as another host is dropped.
func TestLoginReturnPathIsAPlainLocalPath(t *testing.T) {
	t.Parallel()
	for p, want := range map[string]string{
		"/akun":                      "/akun",
		"/kursus/k/materi/m?x=a%20b": "/kursus/k/materi/m?x=a%20b",
		"/%09/evil.example":          "",
		"/\t/evil.example":           "",
		"/\n/evil.example":           "",
		"//evil.example":             "",
		"/\\evil.example":            "",
		"/a\\b":                      "",
		"/%2F/evil.example":          "",
		"/%5Cevil.example":           "",
		"https://evil.example":       "",
		"evil.example":               "",
		"/masuk?kembali=/akun":       "",
		"/ /evil.example":            "",
		"/\u2028/evil.example":       "",
	} {
		if got := safeReturn(p); got != want {
			t.Errorf("safeReturn(%q) = %q, want %q", p, got, want)
		}
	}
	f := newFixture(t, testkit.SQLite(t))
	c := f.client()
	form := c.get("/masuk?kembali=" + url.QueryEscape("/\t/evil.example"))
	if v := form.doc.Find(`input[name=kembali]`).AttrOr("value", ""); v != "" {
		t.Fatalf("the form carries kembali %q", v)
	}
	res := c.post("/masuk", url.Values{"email": {f.users[domain.RoleAdmin].Email}, "password": {testPassword}, "kembali": {"/\t/evil.example"}})
	if res.header.Get("Location") != "/beranda" {
		t.Fatalf("redirect after login: %q", res.header.Get("Location"))
	}
}

// TestLinksNeverTakeTheRequestHost: the certificate's QR code points to the
// configured address whatever Host and X-Forwarded-Proto the request claims.
func TestLinksNeverTakeTheRequestHost(t *testing.T) {
	t.Parallel()
	cc := newCertCase(t, testkit.SQLite(t))
	cc.completeAllBut("")
	cert := cc.certificate()
	c := cc.as(domain.RolePeserta)
	req, _ := http.NewRequest(http.MethodGet, cc.ts.URL+fmt.Sprintf("/sertifikat/%d/pdf", cert.ID), nil)
	req.Host = "jahat.example"
	req.Header.Set("X-Forwarded-Proto", "https")
	u, _ := url.Parse(cc.ts.URL)
	for _, ck := range c.http.Jar.Cookies(u) {
		req.AddCookie(ck)
	}
	p := cc.client().do(req)
	if p.status != http.StatusOK {
		t.Fatalf("PDF: %d %s", p.status, p.header.Get("Location"))
	}
	var want bytes.Buffer
	if err := certpdf.WritePDF(&want, certpdf.Document{Title: cert.Title(), Number: cert.Number, Code: cert.Code, HolderName: cert.HolderName,
		OPDName: cert.OPDName, CourseTitle: cert.CourseTitle, Hours: cert.Hours, RegionName: cert.RegionName, IssuedAt: cert.IssuedAt,
		ValidUntil: cert.ValidUntil, Zone: certify.WIB, VerifyURL: "http://localhost/verifikasi/" + cert.Code}); err != nil {
		t.Fatal(err)
	}
	if p.body != want.String() {
		t.Fatal("the PDF's QR code does not point to the configured address")
	}
}

// TestCertificatePDFWithEmojiInNames: an OPD renamed with an emoji through the
// admin form and a trainee name outside the Basic Multilingual Plane still
// give every certificate PDF of that OPD (200, not 500).
func TestCertificatePDFWithEmojiInNames(t *testing.T) {
	t.Parallel()
	cc := newCertCase(t, testkit.SQLite(t))
	cc.completeAllBut("")
	cert := cc.certificate()
	admin := cc.as(domain.RoleAdmin)
	p := admin.post(fmt.Sprintf("/admin/opd/%d", cc.opd.ID), url.Values{"nama": {"Dinas Kesehatan 🏥 𝐒ukamaju"}, "singkatan": {"Dinkes"}, "jenis": {"dinas"}})
	if p.status != http.StatusSeeOther {
		t.Fatalf("rename OPD: %d %s", p.status, p.text(".error-summary"))
	}
	for _, c := range []*client{cc.as(domain.RolePeserta), admin} {
		r := c.get(fmt.Sprintf("/sertifikat/%d/pdf", cert.ID))
		if r.status != http.StatusOK || !strings.HasPrefix(r.body, "%PDF-") {
			t.Fatalf("certificate PDF after the rename: %d", r.status)
		}
	}
}
