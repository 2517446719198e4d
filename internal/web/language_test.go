package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

func (c *client) getLang(path, acceptLanguage string) page {
	req, _ := http.NewRequest(http.MethodGet, c.f.ts.URL+path, nil)
	req.Header.Set("Accept-Language", acceptLanguage)
	return c.do(req)
}

func htmlLang(p page) string {
	l, _ := p.doc.Find("html").Attr("lang")
	return l
}

func TestVisitorLanguageFollowsBrowser(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := f.client()
		for _, tc := range []struct{ header, lang, h1 string }{
			{"", "id", "Masuk"},
			{"en-US,en;q=0.9", "en", "Log in"},
			{"id-ID,id;q=0.9,en;q=0.8", "id", "Masuk"},
			{"fr-FR,fr;q=0.9", "id", "Masuk"},
			{"de, en-GB;q=0.7", "en", "Log in"},
		} {
			p := c.getLang("/masuk", tc.header)
			if p.status != 200 || htmlLang(p) != tc.lang || p.text("main h1") != tc.h1 {
				t.Errorf("Accept-Language %q: status %d, lang %q, h1 %q; want %s, %q", tc.header, p.status, htmlLang(p), p.text("main h1"), tc.lang, tc.h1)
			}
			if !strings.Contains(strings.Join(p.header.Values("Vary"), ","), "Accept-Language") {
				t.Errorf("Accept-Language %q: no Vary: Accept-Language (%q)", tc.header, p.header.Values("Vary"))
			}
		}
	})
}

func TestAccountLanguageChoice(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := f.as(domain.RolePeserta)
		if p := c.getLang("/akun", "en"); htmlLang(p) != "en" || p.text(".nav a[aria-current]") != "My account" {
			t.Fatalf("no choice, English browser: lang %q, nav %q", htmlLang(p), p.text(".nav a[aria-current]"))
		}
		if p := c.post("/akun/bahasa", url.Values{"bahasa": {"id"}}); p.status != http.StatusSeeOther {
			t.Fatalf("choose id: %d", p.status)
		}
		// The stored choice wins over the browser.
		p := c.getLang("/akun", "en")
		if htmlLang(p) != "id" || p.text("main h1") != "Akun saya" || p.text("#pesan") != "" {
			t.Fatalf("after choosing id: lang %q, h1 %q", htmlLang(p), p.text("main h1"))
		}
		if v, _ := p.doc.Find("#bahasa option[selected]").Attr("value"); v != "id" {
			t.Errorf("selected option %q, want id", v)
		}
		if p := c.post("/akun/bahasa", url.Values{"bahasa": {"en"}}); p.status != http.StatusSeeOther || !strings.HasPrefix(p.header.Get("Location"), "/akun?bahasa=disimpan") {
			t.Fatalf("choose en: %d %q", p.status, p.header.Get("Location"))
		}
		p = c.get("/akun?bahasa=disimpan")
		if htmlLang(p) != "en" || p.text("main h1") != "My account" || p.text("#pesan") != "Interface language saved." ||
			p.text(".nav a[href='/beranda']") != "Home" || p.text(".who-role") != "Trainee" {
			t.Fatalf("after choosing en: lang %q, h1 %q, flash %q, nav %q, role %q", htmlLang(p), p.text("main h1"), p.text("#pesan"),
				p.text(".nav a[href='/beranda']"), p.text(".who-role"))
		}
		if p := c.post("/akun/bahasa", url.Values{"bahasa": {"fr"}}); p.status != http.StatusUnprocessableEntity || p.text(".field-error") != "Choose one of the available languages." {
			t.Errorf("unknown language: %d %q", p.status, p.text(".field-error"))
		}
		u, err := db.User(context.Background(), f.users[domain.RolePeserta].ID)
		if err != nil || u.Lang != "en" {
			t.Fatalf("stored lang %q after a refused choice, %v", u.Lang, err)
		}
		// Back to following the browser.
		if p := c.post("/akun/bahasa", url.Values{"bahasa": {""}}); p.status != http.StatusSeeOther {
			t.Fatalf("choose browser: %d", p.status)
		}
		if p := c.getLang("/akun", "id"); htmlLang(p) != "id" {
			t.Errorf("following an Indonesian browser: lang %q", htmlLang(p))
		}
	})
}

// TestLanguageChoiceConcurrent posts different choices at once: every
// request succeeds and the page afterwards is in the language stored last.
func TestLanguageChoiceConcurrent(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := f.as(domain.RolePeserta)
		csrf := c.csrf()
		for round := 0; round < 5; round++ {
			var wg sync.WaitGroup
			statuses := make([]int, 6)
			for i := range statuses {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					v := []string{"en", "id", ""}[i%3]
					statuses[i] = c.post("/akun/bahasa", url.Values{"bahasa": {v}, CSRFField: {csrf}}).status
				}(i)
			}
			wg.Wait()
			for i, st := range statuses {
				if st != http.StatusSeeOther {
					t.Fatalf("round %d request %d: status %d", round, i, st)
				}
			}
			u, err := db.User(context.Background(), f.users[domain.RolePeserta].ID)
			if err != nil {
				t.Fatal(err)
			}
			want := u.Lang
			if want == "" {
				want = "id" // the request below sends no Accept-Language
			}
			if got := htmlLang(c.get("/akun")); got != want {
				t.Fatalf("round %d: stored %q, page in %q", round, u.Lang, got)
			}
		}
	})
}

// TestCachedPagesFollowLanguage walks the pages whose parts are kept between
// requests (the Beranda body, the course page's head and pieces, the item
// pages' breadcrumbs and pager) as an English and an Indonesian trainee in
// turn, and as one trainee switching: no page carries a copy made for the
// other language.
func TestCachedPagesFollowLanguage(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		cohort := f.enrollTrainee()
		other := cohortTestUser(f, fixtureRegion(f), &f.opd.ID, "peserta2@sukamaju.test", "Peserta Kedua", domain.RolePeserta)
		if _, err := db.Enroll(context.Background(), nil, cohort.ID, []int64{other.ID}); err != nil {
			t.Fatal(err)
		}
		en := f.as(domain.RolePeserta)
		if p := en.post("/akun/bahasa", url.Values{"bahasa": {"en"}}); p.status != http.StatusSeeOther {
			t.Fatalf("choose en: %d", p.status)
		}
		id := cohortLogin(f, other)
		type check struct{ sel, en, id string }
		pages := []struct {
			path   string
			checks []check
		}{
			{"/beranda", []check{{".nav a[href='/beranda']", "Home", "Beranda"}, {"main h2", "My courses", "Kursus saya"}}},
			{"/kursus/" + tcCourse, []check{{".progress-box strong", "Progress: 0%", "Kemajuan: 0%"}, {".item .badge", "Not yet", "Belum"}}},
			{lessonURL + tcLesson1, []check{{".crumbs", "› Module 1.", "› Modul 1."}, {".item-pager", "", ""}}},
			{lessonURL + tcQuiz, []check{{".crumbs", "› Module", "› Modul"}}},
			{lessonURL + tcPractice, []check{{".crumbs", "› Module", "› Modul"}}},
		}
		look := func(who string, c *client, lang string, round int) {
			t.Helper()
			for _, pg := range pages {
				p := c.getLang(pg.path, "en") // the browser's language must not matter once chosen
				if p.status != 200 || htmlLang(p) != lang {
					t.Fatalf("round %d %s %s: status %d, lang %q", round, who, pg.path, p.status, htmlLang(p))
				}
				for _, ck := range pg.checks {
					want := ck.id
					if lang == "en" {
						want = ck.en
					}
					if got := p.text(ck.sel); !strings.Contains(got, want) {
						t.Errorf("round %d %s %s: %s = %q, want it to contain %q", round, who, pg.path, ck.sel, got, want)
					}
				}
				if label, _ := p.doc.Find(".item-pager").Attr("aria-label"); pg.path == lessonURL+tcLesson1 {
					want := map[string]string{"en": "Previous and next lessons", "id": "Materi sebelum dan sesudah"}[lang]
					if label != want {
						t.Errorf("round %d %s pager label %q, want %q", round, who, label, want)
					}
				}
			}
		}
		if p := id.post("/akun/bahasa", url.Values{"bahasa": {"id"}}); p.status != http.StatusSeeOther {
			t.Fatalf("choose id: %d", p.status)
		}
		for round := 0; round < 2; round++ {
			look("english", en, "en", round)
			look("indonesian", id, "id", round)
		}
		// The English trainee switches to Indonesian and back; the other follows.
		en.post("/akun/bahasa", url.Values{"bahasa": {"id"}})
		look("switched to id", en, "id", 2)
		id.post("/akun/bahasa", url.Values{"bahasa": {"en"}})
		look("switched to en", id, "en", 2)
		en.post("/akun/bahasa", url.Values{"bahasa": {"en"}})
		look("switched back to en", en, "en", 3)
	})
}

// TestGoMessagesFollowLanguage: what Go writes (error pages, flash messages,
// validation messages with their values and counts, the autosave's JSON) is
// in the reader's language; an Indonesian reader gets the same pages in
// Indonesian.
func TestGoMessagesFollowLanguage(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		en, id := f.as(domain.RolePeserta), f.as(domain.RoleAdmin)
		if p := en.post("/akun/bahasa", url.Values{"bahasa": {"en"}}); p.status != http.StatusSeeOther {
			t.Fatalf("choose en: %d", p.status)
		}
		// Error pages: title and message.
		for _, tc := range []struct {
			c             *client
			title, phrase string
		}{
			{en, "Page not found", "The address you opened does not exist"},
			{id, "Halaman tidak ditemukan", "Alamat yang Anda buka tidak ada"},
		} {
			p := tc.c.get("/tidak-ada-halaman-ini")
			if p.status != http.StatusNotFound || p.text("main h1") != tc.title || !strings.Contains(p.text("main"), tc.phrase) {
				t.Errorf("404: %d %q %q", p.status, p.text("main h1"), p.text("main"))
			}
		}
		// A refused form token: the CSRF page.
		req, _ := http.NewRequest(http.MethodPost, f.ts.URL+"/akun/bahasa", strings.NewReader("bahasa=en"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if p := en.do(req); p.status != http.StatusForbidden || p.text("main h1") != "Form expired" {
			t.Errorf("CSRF page: %d %q", p.status, p.text("main h1"))
		}
		// A flash message.
		if p := en.get("/akun?sandi=diganti"); !strings.Contains(p.text("#pesan"), "Password changed. Other devices have been signed out.") {
			t.Errorf("flash: %q", p.text("#pesan"))
		}
		// Validation messages with values.
		long := strings.Repeat("a", MaxHeadlineChars+5)
		p := en.get(practiceURL)
		r := en.post(practiceURL+"/periksa", writeForm(p, long, ""))
		for _, want := range []string{"The headline is too long: 205 characters; the limit is 200.", "The release body is required."} {
			if !strings.Contains(r.text(".error-summary")+r.text(".field-error"), want) {
				t.Errorf("practice validation lacks %q: %q", want, r.text(".error-summary"))
			}
		}
		if strings.Contains(r.text("main"), "Judul terlalu panjang") {
			t.Errorf("English page shows the Indonesian message: %q", r.text("main"))
		}
		// The autosave's JSON answer.
		req, _ = http.NewRequest(http.MethodPost, f.ts.URL+practiceURL+"/draf", strings.NewReader(url.Values{"judul": {long}, "isi": {"I"}, CSRFField: {en.csrf()}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		if r := en.do(req); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "The headline is too long") {
			t.Errorf("autosave refusal: %d %s", r.status, r.body)
		}
		// A cohort's period as an admin who chose English: counts and dates.
		if p := id.post("/akun/bahasa", url.Values{"bahasa": {"en"}}); p.status != http.StatusSeeOther {
			t.Fatalf("admin chooses en: %d", p.status)
		}
		if p := id.get("/admin/angkatan?x=1"); p.status != http.StatusOK || htmlLang(p) != "en" {
			t.Errorf("cohorts page: %d %q", p.status, htmlLang(p))
		}
	})
}

// TestEnglishListTitlesArePlural: a list page's <title> and heading name the
// list ("Users"), not one of its rows ("User"), while a row's page keeps the
// singular.
func TestEnglishListTitlesArePlural(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		admin := f.as(domain.RoleAdmin)
		for path, want := range map[string]string{"/admin/pengguna": "Users", "/admin/angkatan": "Cohorts", "/admin/sertifikat": "Certificates"} {
			p := admin.getLang(path, "en")
			if p.status != 200 || p.text("title") != want+" · Bimtek" || p.text("main h1") != want {
				t.Errorf("%s: status %d, title %q, h1 %q; want %q", path, p.status, p.text("title"), p.text("main h1"), want)
			}
		}
		if p := f.as(domain.RolePeserta).getLang("/sertifikat", "en"); p.text("title") != "Certificates · Bimtek" {
			t.Errorf("/sertifikat: title %q", p.text("title"))
		}
	})
}
