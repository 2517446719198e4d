package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// autosave posts the draft as practice.js does (fetch, Accept: application/json).
func (c *client) autosave(token, headline, body string) (page, map[string]string) {
	c.f.t.Helper()
	form := url.Values{CSRFField: {token}, "judul": {headline}, "isi": {body}}
	req, _ := http.NewRequest(http.MethodPost, c.f.ts.URL+practiceURL+"/draf", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set(CSRFHeader, token)
	p := c.do(req)
	var j map[string]string
	if err := json.Unmarshal([]byte(p.body), &j); err != nil {
		c.f.t.Fatalf("autosave answered %d with no JSON: %q", p.status, p.body)
	}
	return p, j
}

// dropCookie forgets a cookie, as the browser does when it expires.
func (c *client) dropCookie(name, path string) {
	u, _ := url.Parse(c.f.ts.URL + path)
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: name, Path: path, MaxAge: -1}})
}

func (f *fixture) draftOfTrainee(t *testing.T) domain.Submission {
	t.Helper()
	e, err := f.db.EnrollmentForCourse(context.Background(), f.users[domain.RolePeserta].ID, tcCourse)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := f.db.SubmissionFor(context.Background(), e.ID, tcPractice)
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

// TestRescuedTextBecomesTheDraft: text sent with "Kirim rilis" after the
// session expired comes back after login as the draft, so a reload still
// shows it, and the page says the release was not sent.
func TestRescuedTextBecomesTheDraft(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		p := c.get(practiceURL)
		c.autosave(c.csrf(), "Judul lama", "Isi lama")
		f.clock.now = f.clock.now.Add(auth.SessionIdle + time.Minute)
		r := c.post(practiceURL+"/kirim", writeForm(p, goodHeadline, goodBody))
		u, err := url.Parse(r.header.Get("Location"))
		if r.status != http.StatusSeeOther || err != nil || !strings.Contains(u.Query().Get("kembali"), "pulihkan=kirim") {
			t.Fatalf("expired submit: %d → %s", r.status, r.header.Get("Location"))
		}
		in := c.post("/masuk", url.Values{"email": {f.users[domain.RolePeserta].Email}, "password": {testPassword}, "kembali": {u.Query().Get("kembali")}})
		back := c.get(in.header.Get("Location"))
		notice := back.text(".notice")
		if !strings.Contains(notice, "disimpan sebagai draf") || !strings.Contains(notice, "belum terkirim") {
			t.Fatalf("notice: %q", notice)
		}
		for _, pg := range []page{back, c.get(practiceURL)} {
			if pg.doc.Find("#judul").AttrOr("value", "") != goodHeadline || !strings.Contains(pg.text("#isi"), "posyandu keliling") {
				t.Fatalf("rescued text not on the page (reload shows the older draft?): %q", pg.doc.Find("#judul").AttrOr("value", ""))
			}
		}
		if sub := f.draftOfTrainee(t); sub.DraftHeadline != goodHeadline || sub.DraftBody != goodBody {
			t.Fatalf("draft after the rescue: %q", sub.DraftHeadline)
		}
		if again := c.get(practiceURL); strings.Contains(again.text(".notice"), "dipulihkan") {
			t.Fatal("rescued text offered twice")
		}
	})
}

// TestAutosaveAfterLogoutAsksToLogIn: autosave from a page whose session
// ended gets a JSON 401 saying so, with a login link back to the page; its
// ticks keep one rescued row, the latest text, which is the draft after login.
func TestAutosaveAfterLogoutAsksToLogIn(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		c.get(practiceURL)
		token := c.csrf()
		c.post("/keluar", nil)
		var j map[string]string
		for i := range 5 {
			var p page
			p, j = c.autosave(token, goodHeadline, goodBody+strings.Repeat(" Tambahan.", i))
			if p.status != http.StatusUnauthorized {
				t.Fatalf("autosave after logout: %d %q", p.status, p.body)
			}
		}
		if !strings.Contains(j["error"], "Anda sudah keluar") || !strings.Contains(j["error"], "Masuk lagi") || strings.Contains(j["error"], "koneksi") {
			t.Fatalf("message: %q", j["error"])
		}
		login, err := url.Parse(j["login_url"])
		if err != nil || login.Path != "/masuk" || !strings.HasPrefix(login.Query().Get("kembali"), practiceURL) {
			t.Fatalf("login link %q", j["login_url"])
		}
		if n, err := db.RescuedTextCount(context.Background()); n != 1 || err != nil {
			t.Fatalf("%d rescued rows after 5 ticks, %v; want 1", n, err)
		}
		in := c.post("/masuk", url.Values{"email": {f.users[domain.RolePeserta].Email}, "password": {testPassword}, "kembali": {login.Query().Get("kembali")}})
		if loc := in.header.Get("Location"); !strings.HasPrefix(loc, practiceURL) {
			t.Fatalf("login returns to %q", loc)
		}
		c.get(practiceURL)
		if sub := f.draftOfTrainee(t); !strings.HasSuffix(sub.DraftBody, strings.Repeat(" Tambahan.", 4)) {
			t.Fatalf("draft is not the latest tick: %q", sub.DraftBody[len(sub.DraftBody)-30:])
		}

		// An expired session says so.
		f.clock.now = f.clock.now.Add(auth.SessionIdle + time.Minute)
		if p, j := c.autosave(c.csrf(), goodHeadline, goodBody); p.status != http.StatusUnauthorized || !strings.Contains(j["error"], "Sesi Anda sudah berakhir") ||
			!strings.Contains(j["login_url"], "sesi=berakhir") {
			t.Fatalf("autosave after expiry: %d %q", p.status, p.body)
		}
	})
}

// TestCSRFCookieSlides: every request sends the form-token cookie again with
// the same value and a fresh lifetime, so a page in use keeps a valid form.
func TestCSRFCookieSlides(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	c := f.as(domain.RolePeserta)
	token := c.csrf()
	for _, p := range []page{c.get(practiceURL), func() page { p, _ := c.autosave(token, "Judul", "Isi"); return p }()} {
		var got *http.Cookie
		for _, ck := range (&http.Response{Header: p.header}).Cookies() {
			if ck.Name == CSRFCookie {
				got = ck
			}
		}
		if got == nil || got.Value != token || got.MaxAge != int(csrfLifetime/time.Second) {
			t.Fatalf("form-token cookie not renewed with its value: %+v", got)
		}
	}
}

// TestExpiredFormTokenKeepsThePracticeText: when the form-token cookie ran
// out while the page was open, "Kirim rilis" keeps the text as the draft and
// says what to do; autosave gets a new token to save again; without a
// rescue cookie the page comes back with the text in the form.
func TestExpiredFormTokenKeepsThePracticeText(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		p := c.get(practiceURL)
		old := c.csrf()
		c.dropCookie(CSRFCookie, "/")
		form := writeForm(p, goodHeadline, goodBody)
		form.Set(CSRFField, old)
		r := c.post(practiceURL+"/kirim", form)
		loc := r.header.Get("Location")
		if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, practiceURL+"?pulihkan=kirim") {
			t.Fatalf("send with an expired form token: %d → %q %q", r.status, loc, r.text("main"))
		}
		if n := c.get(loc).text(".notice"); !strings.Contains(n, "kedaluwarsa") || !strings.Contains(n, "belum terkirim") {
			t.Fatalf("notice: %q", n)
		}
		if sub := f.draftOfTrainee(t); sub.DraftBody != goodBody {
			t.Fatalf("draft: %q", sub.DraftBody)
		}

		// Autosave: a 403 with a new token, then saved with it.
		c.dropCookie(CSRFCookie, "/")
		res, j := c.autosave(old, goodHeadline, goodBody+" Lagi.")
		if res.status != http.StatusForbidden || j["csrf_token"] == "" || j["csrf_token"] == old || j["error"] == "" {
			t.Fatalf("autosave with an expired token: %d %q", res.status, res.body)
		}
		if res, j := c.autosave(j["csrf_token"], goodHeadline, goodBody+" Lagi."); res.status != http.StatusOK || j["basis"] != draftBasis(goodHeadline, goodBody+" Lagi.") {
			t.Fatalf("autosave with the new token: %d %q", res.status, res.body)
		}

		// No rescue cookie: the page again, text in the form, 403 with the way on.
		c.dropCookie(rescueCookieName(f.users[domain.RolePeserta].ID), "/kursus/")
		c.dropCookie(CSRFCookie, "/")
		r = c.post(practiceURL+"/kirim", form)
		if r.status != http.StatusForbidden || !strings.Contains(r.text("#isi"), "posyandu keliling") || !strings.Contains(r.text(".error-summary"), "tekan tombolnya sekali lagi") {
			t.Fatalf("without a rescue cookie: %d %q", r.status, r.text(".error-summary"))
		}
		if tok := r.doc.Find("input[name=csrf_token]").AttrOr("value", ""); tok != c.csrf() {
			t.Fatal("the page again does not carry the new form token")
		}
	})
}

// TestRescueStaysWithItsTrainee: on a shared office computer, text rescued
// after one trainee logged out is not offered to the next trainee who logs
// in on the same browser and opens the same practice.
func TestRescueStaysWithItsTrainee(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	cohort := f.enrollTrainee()
	ctx := context.Background()
	a := f.users[domain.RolePeserta]
	b, err := f.db.CreateUser(ctx, nil, domain.NewUser{RegionID: a.RegionID, OPDID: a.OPDID, Email: "peserta2@sukamaju.test",
		Name: "Uji Peserta Kedua", Role: domain.RolePeserta, PasswordHash: mustHash(t)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.Enroll(ctx, nil, cohort.ID, []int64{b.ID}); err != nil {
		t.Fatal(err)
	}
	c := f.as(domain.RolePeserta)
	c.get(practiceURL)
	token := c.csrf()
	c.post("/keluar", nil)
	if p, _ := c.autosave(token, "Judul Peserta Pertama", "Isi milik peserta pertama."); p.status != http.StatusUnauthorized {
		t.Fatalf("autosave after logout: %d", p.status)
	}
	if n, _ := f.db.RescuedTextCount(ctx); n != 1 {
		t.Fatalf("%d rescued rows, want 1", n)
	}
	if p := c.login(b.Email, testPassword); p.status != http.StatusSeeOther {
		t.Fatalf("second trainee's login: %d", p.status)
	}
	p := c.get(practiceURL)
	if strings.Contains(p.body, "peserta pertama") || strings.Contains(p.text(".notice"), "dipulihkan") {
		t.Fatalf("the first trainee's text was offered to the second: %q", p.text(".notice"))
	}
	if owner := p.doc.Find("#form-rilis").AttrOr("data-owner", ""); owner != fmt.Sprint(b.ID) {
		t.Fatalf("the browser copy is not kept per trainee: data-owner %q", owner)
	}

	// The second trainee's own session ends with text typed too (the form
	// names its owner, as the page's form and practice.js do).
	tokenB := c.csrf()
	c.post("/keluar", nil)
	form := url.Values{CSRFField: {tokenB}, "judul": {"Judul Peserta Kedua"}, "isi": {"Isi milik peserta kedua."}, "pemilik": {fmt.Sprint(b.ID)}}
	if r := c.post(practiceURL+"/kirim", form); !strings.Contains(r.header.Get("Location"), "pulihkan") {
		t.Fatalf("the second trainee's text was not rescued: %d → %q", r.status, r.header.Get("Location"))
	}
	// The first trainee comes back to the same browser: their text is still theirs.
	if p := c.login(a.Email, testPassword); p.status != http.StatusSeeOther {
		t.Fatalf("first trainee's login again: %d", p.status)
	}
	p = c.get(practiceURL)
	if got := p.text("#isi"); !strings.Contains(got, "peserta pertama") {
		t.Fatalf("the first trainee's rescued text was lost on the shared browser: %q", got)
	}
	if strings.Contains(p.body, "peserta kedua") {
		t.Fatal("the second trainee's text was offered to the first")
	}
}

func mustHash(t *testing.T) string {
	t.Helper()
	h, err := testPasswordHash()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestConcurrentTabsRescueAndTakeOnce: two tabs of a logged-out browser
// autosaving at once leave one rescued row; two tabs opening the page at
// once after login make it the draft once (one notice), and both show it.
func TestConcurrentTabsRescueAndTakeOnce(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		ctx := context.Background()
		for round := range 5 {
			c := f.as(domain.RolePeserta)
			c.get(practiceURL)
			token := c.csrf()
			c.post("/keluar", nil)
			bodies := []string{goodBody + " Tab satu.", goodBody + " Tab dua."}
			status := make([]int, len(bodies))
			var wg sync.WaitGroup
			for i, b := range bodies {
				wg.Add(1)
				go func() {
					defer wg.Done()
					p, _ := c.autosave(token, goodHeadline, b)
					status[i] = p.status
				}()
			}
			wg.Wait()
			if status[0] != http.StatusUnauthorized || status[1] != http.StatusUnauthorized {
				t.Fatalf("round %d: autosave after logout: %v", round, status)
			}
			if n, err := db.RescuedTextCount(ctx); n != 1 || err != nil {
				t.Fatalf("round %d: %d rescued rows from two tabs, %v", round, n, err)
			}
			c.login(f.users[domain.RolePeserta].Email, testPassword)
			pages := make([]page, 2)
			for i := range pages {
				wg.Add(1)
				go func() {
					defer wg.Done()
					pages[i] = c.get(practiceURL)
				}()
			}
			wg.Wait()
			notices := 0
			draft := f.draftOfTrainee(t).DraftBody
			if draft != bodies[0] && draft != bodies[1] {
				t.Fatalf("round %d: draft %q", round, draft[len(draft)-20:])
			}
			for _, p := range pages {
				if p.status != http.StatusOK || strings.TrimSpace(p.text("#isi")) != draft {
					t.Fatalf("round %d: a tab shows %d %q", round, p.status, p.text("#isi"))
				}
				if strings.Contains(p.text(".notice"), "dipulihkan") {
					notices++
				}
			}
			if notices != 1 {
				t.Fatalf("round %d: %d tabs said the text was restored, want 1", round, notices)
			}
			if n, _ := db.RescuedTextCount(ctx); n != 0 {
				t.Fatalf("round %d: %d rows left", round, n)
			}
			c.post("/keluar", nil)
			if _, err := db.SaveDraft(ctx, f.draftOfTrainee(t).ID, "", ""); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestRescueCookieAttributes: the rescue cookie, written without
// http.Cookie, reads as http.Cookie would write it, over http and https.
func TestRescueCookieAttributes(t *testing.T) {
	t.Parallel()
	for _, secure := range []bool{false, true} {
		attrs := rescueCookieAttrs
		if secure {
			attrs = rescueCookieAttrsSecure
		}
		want := (&http.Cookie{Name: "n", Value: "v", Path: "/kursus/", HttpOnly: true, Secure: secure,
			SameSite: http.SameSiteLaxMode, MaxAge: int(rescueCookieLifetime / time.Second)}).String()
		if got := "n=v" + attrs; got != want {
			t.Errorf("secure %v: %q, want %q", secure, got, want)
		}
	}
}
