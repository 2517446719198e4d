package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

var tokenPlainRe = regexp.MustCompile(`^bmt_[A-Za-z0-9_-]{43}$`)

func TestTokenPageCreateShowOnceAndRevoke(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		admin := f.as(domain.RoleAdmin)
		p := admin.get("/admin/token")
		if p.status != 200 || p.text("h1") != "Token API" || !strings.Contains(p.text("tbody"), "Belum ada token API") {
			t.Fatalf("empty list: %d %q", p.status, p.text("h1"))
		}
		if p.doc.Find(`nav a[href="/admin/token"][aria-current=page]`).Text() != "Token API" || p.doc.Find(`nav a[href="/admin/kesesuaian"]`).Text() != "Kesesuaian nilai" {
			t.Error("admin navigation lacks Token API (current) or Kesesuaian nilai")
		}
		for _, id := range []string{"name", "expires"} {
			if p.doc.Find(`label[for=`+id+`]`).Length() != 1 {
				t.Errorf("field %s has no label", id)
			}
		}

		expires := f.clock.now.In(WIB).AddDate(0, 0, 30).Format("2006-01-02")
		// Post/redirect/get: the token is shown once at a GET; a refresh
		// neither shows it again nor makes another.
		p = admin.post("/admin/token", url.Values{"name": {"  Dasbor Bappeda "}, "expires": {expires}})
		if p.status != http.StatusSeeOther || p.header.Get("Location") != "/admin/token?token=baru#token-baru-kotak" {
			t.Fatalf("create: status %d %q: %s", p.status, p.header.Get("Location"), p.text(".error-summary"))
		}
		p = admin.get("/admin/token?token=baru")
		if !strings.Contains(p.text("#token-baru-kotak"), "Simpan sekarang; token tidak akan ditampilkan lagi.") {
			t.Errorf("the page does not warn that the token is shown once: %q", p.text("#token-baru-kotak"))
		}
		plain, _ := p.doc.Find("input#token-baru").Attr("value")
		if !tokenPlainRe.MatchString(plain) {
			t.Fatalf("shown token %q is not bmt_ + 43 base64url characters", plain)
		}
		if cc := p.header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("page with a secret has Cache-Control %q, want no-store", cc)
		}
		if !strings.Contains(p.text("#token-baru-hint"), "berlaku sampai") {
			t.Errorf("expiry not stated: %q", p.text("#token-baru-hint"))
		}
		// The token works at once.
		if r := f.client().apiCall(http.MethodPost, "/api/v1/grade", apiGoodRequest, "Authorization", "Bearer "+plain); r.status != 200 {
			t.Fatalf("the new token is refused: %d %s", r.status, r.body)
		}

		// Later the list shows its prefix, never the token.
		p = admin.get("/admin/token?token=baru")
		if strings.Contains(p.body, plain) || strings.Contains(p.body, plain[8:]) || !strings.Contains(p.text(".notice"), "hanya ditampilkan sekali") {
			t.Fatal("a refresh showed the token a second time or said nothing")
		}
		if _, n, _ := db.ListAPITokens(context.Background(), f.users[domain.RoleAdmin].RegionID, 10, 0); n != 1 {
			t.Fatalf("%d tokens after one creation and a refresh", n)
		}
		row := p.doc.Find("tbody tr").First()
		if row.Find("th").Text() != "Dasbor Bappeda" || row.Find("code").Text() != plain[:8]+"…" || !strings.Contains(row.Text(), "Berlaku") {
			t.Errorf("list row = %q", strings.Join(strings.Fields(row.Text()), " "))
		}
		if !strings.Contains(row.Text(), "Uji Admin") || strings.Contains(row.Text(), "Belum pernah") {
			t.Errorf("row lacks its creator or its last use: %q", strings.Join(strings.Fields(row.Text()), " "))
		}
		action, _ := row.Find("form").Attr("action")
		var id int64
		if _, err := fmt.Sscanf(action, "/admin/token/%d/cabut", &id); err != nil {
			t.Fatalf("revoke form action %q", action)
		}

		// Revoke needs "Saya yakin": without it nothing changes and the box is pointed at.
		if row.Find(`details.confirm input[type=checkbox][name=yakin]`).Length() != 1 {
			t.Error("the revoke form has no \"Saya yakin\" box")
		}
		p = admin.post(action, nil)
		if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.text(".error-summary"), "Saya yakin") ||
			p.doc.Find(fmt.Sprintf("details[open] #yakin-%d", id)).Length() != 1 {
			t.Fatalf("revoke without \"Saya yakin\": %d %q", p.status, p.text(".error-summary"))
		}
		if r := f.client().apiCall(http.MethodPost, "/api/v1/grade", apiGoodRequest, "Authorization", "Bearer "+plain); r.status != 200 {
			t.Fatalf("an unconfirmed revoke stopped the token: %d", r.status)
		}
		// Revoke: redirect, message, state, and the API refuses it.
		p = admin.post(action, url.Values{"yakin": {"1"}})
		if p.status != http.StatusSeeOther || p.header.Get("Location") != "/admin/token?pesan=dicabut" {
			t.Fatalf("revoke: %d %q", p.status, p.header.Get("Location"))
		}
		p = admin.get("/admin/token?pesan=dicabut")
		if !strings.Contains(p.text(".flash"), "berhasil dicabut") || !strings.Contains(p.doc.Find("tbody tr").First().Text(), "Dicabut pada") ||
			p.doc.Find("tbody tr form").Length() != 0 {
			t.Errorf("after revoking: flash %q, row %q", p.text(".flash"), p.doc.Find("tbody tr").First().Text())
		}
		r := f.client().apiCall(http.MethodPost, "/api/v1/grade", apiGoodRequest, "Authorization", "Bearer "+plain)
		if e := apiErrorOf(t, r); r.status != 401 || !strings.Contains(e.Error, "token sudah dicabut") {
			t.Errorf("revoked token: %d %q", r.status, e.Error)
		}
		// Again: a precise conflict, nothing changes.
		p = admin.post(action, url.Values{"yakin": {"1"}})
		if p.status != http.StatusConflict || !strings.Contains(p.text(".error-summary"), `“Dasbor Bappeda”`) || !strings.Contains(p.text(".error-summary"), "sudah dicabut pada") {
			t.Errorf("second revoke: %d %q", p.status, p.text(".error-summary"))
		}
		if audit, _ := db.AuditFor(context.Background(), "api_token", fmt.Sprint(id), 10); len(audit) != 2 {
			t.Errorf("audit entries = %d, want creation and one revocation", len(audit))
		}
		// Unknown ids and other regions' tokens are 404.
		other, err := db.EnsureRegion(context.Background(), "kota-lain", "Pemerintah Kota Lain", "LAIN")
		if err != nil {
			t.Fatal(err)
		}
		otherAdmin, err := db.CreateUser(context.Background(), nil, domain.NewUser{RegionID: other.ID, Email: "admin@lain.test", Name: "Admin Lain", Role: domain.RoleAdmin, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		foreign, _, err := db.CreateAPIToken(context.Background(), domain.NewAPIToken{RegionID: other.ID, Name: "Milik kota lain", CreatedBy: otherAdmin.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{fmt.Sprintf("/admin/token/%d/cabut", foreign.ID), "/admin/token/999999/cabut", "/admin/token/abc/cabut"} {
			if p := admin.post(path, nil); p.status != http.StatusNotFound {
				t.Errorf("POST %s: %d, want 404", path, p.status)
			}
		}
		if tok, _ := db.APIToken(context.Background(), other.ID, foreign.ID); tok.RevokedAt != nil {
			t.Error("another region's token was revoked")
		}
		if strings.Contains(admin.get("/admin/token").body, "Milik kota lain") {
			t.Error("another region's token is listed")
		}
	})
}

func TestTokenFormErrorsKeepInput(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	admin := f.as(domain.RoleAdmin)
	yesterday := f.clock.now.In(WIB).AddDate(0, 0, -1).Format("2006-01-02")
	far := f.clock.now.In(WIB).AddDate(tokenMaxYears, 0, 2).Format("2006-01-02")
	cases := []struct {
		name, tokenName, expires, field, want string
	}{
		{"empty name", "", "", "name", "Nama token wajib diisi."},
		{"short name", "ab", "", "name", "paling sedikit 3 karakter"},
		{"long name", strings.Repeat("n", 101), "", "name", "paling banyak 100 karakter; sekarang 101"},
		{"unreadable date", "Dasbor Bappeda", "31-02-2026", "expires", "tidak dapat dibaca"},
		{"past date", "Dasbor Bappeda", yesterday, "expires", "tidak boleh sebelum hari ini"},
		{"too far", "Dasbor Bappeda", far, "expires", "paling lama 5 tahun"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := admin.post("/admin/token", url.Values{"name": {tc.tokenName}, "expires": {tc.expires}})
			if p.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", p.status)
			}
			if got := p.text("#" + tc.field + "-error"); !strings.Contains(got, tc.want) {
				t.Errorf("field error = %q, want %q", got, tc.want)
			}
			if p.doc.Find(`.error-summary a[href="#`+tc.field+`"]`).Length() != 1 {
				t.Error("the error is not in the summary")
			}
			name, _ := p.doc.Find("input#name").Attr("value")
			exp, _ := p.doc.Find("input#expires").Attr("value")
			if name != tc.tokenName || exp != tc.expires {
				t.Errorf("input not kept: name %q expires %q", name, exp)
			}
			if p.doc.Find("input#token-baru").Length() != 0 {
				t.Error("a token was shown")
			}
		})
	}
	if _, n, _ := f.db.ListAPITokens(context.Background(), f.users[domain.RoleAdmin].RegionID, 10, 0); n != 0 {
		t.Errorf("%d tokens were stored from refused forms", n)
	}
	// Today is the earliest expiry: the token still works until midnight WIB.
	today := f.clock.now.In(WIB).Format("2006-01-02")
	if p := admin.post("/admin/token", url.Values{"name": {"Dasbor harian"}, "expires": {today}}); p.status != http.StatusSeeOther {
		t.Fatalf("expiry today: %d %s", p.status, p.text(".error-summary"))
	}
}

func TestAdminToolsAccess(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		cases := []struct{ method, path string }{
			{"GET", "/admin/token"}, {"POST", "/admin/token"}, {"POST", "/admin/token/1/cabut"}, {"GET", "/admin/kesesuaian"},
		}
		want := map[domain.Role]int{domain.RolePeserta: 403, domain.RoleFasilitator: 403, domain.RolePimpinanOPD: 403}
		for role, code := range want {
			c := f.as(role)
			for _, tc := range cases {
				var p page
				if tc.method == "GET" {
					p = c.get(tc.path)
				} else {
					p = c.post(tc.path, url.Values{"name": {"Coba-coba"}})
				}
				if p.status != code {
					t.Errorf("%s %s %s: %d, want %d", role, tc.method, tc.path, p.status, code)
				}
				if strings.Contains(p.body, "Kesesuaian nilai") || strings.Contains(p.body, `href="/admin/token"`) {
					t.Errorf("%s sees the admin tools in the navigation", role)
				}
			}
		}
		anon := f.client()
		for _, tc := range cases {
			var p page
			if tc.method == "GET" {
				p = anon.get(tc.path)
			} else {
				p = anon.post(tc.path, nil)
			}
			if p.status != http.StatusSeeOther || !strings.HasPrefix(p.header.Get("Location"), "/masuk") {
				t.Errorf("anonymous %s %s: %d %q", tc.method, tc.path, p.status, p.header.Get("Location"))
			}
		}
		if _, n, _ := db.ListAPITokens(context.Background(), f.users[domain.RoleAdmin].RegionID, 10, 0); n != 0 {
			t.Errorf("a refused role created %d tokens", n)
		}
		// The form needs its CSRF token like every other.
		if p := f.as(domain.RoleAdmin).post("/admin/token", url.Values{"name": {"Tanpa CSRF"}, CSRFField: {"salah"}}); p.status != http.StatusForbidden {
			t.Errorf("create without CSRF: %d", p.status)
		}
	})
}
