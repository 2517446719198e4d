package web

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

func TestAdminManagesUsers(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		admin := f.as(domain.RoleAdmin)
		list := admin.get("/admin/pengguna?peran=peserta")
		if list.status != 200 || !strings.Contains(list.text("table"), "Uji Peserta") || strings.Contains(list.text("table"), "Uji Admin") {
			t.Fatalf("filtered list: %d %q", list.status, list.text("table"))
		}
		if got := admin.get("/admin/pengguna?q=fasilitator").doc.Find("tbody tr").Length(); got != 1 {
			t.Fatalf("search by email: %d rows", got)
		}
		// Bad input: every field named, input kept.
		bad := admin.post("/admin/pengguna", url.Values{"nama": {""}, "email": {"bukan email"}, "peran": {"pimpinan_opd"}, "admin_medsos": {"ya"}})
		msgs := bad.text(".error-summary")
		for _, want := range []string{"Nama wajib diisi.", "Format email tidak valid", "Pimpinan OPD harus terhubung", "Hanya peserta"} {
			if !strings.Contains(msgs, want) {
				t.Errorf("missing %q in %q", want, msgs)
			}
		}
		if bad.status != 422 || bad.doc.Find(`#email`).AttrOr("value", "") != "bukan email" {
			t.Fatalf("input not kept: %d", bad.status)
		}
		dup := admin.post("/admin/pengguna", url.Values{"nama": {"Lagi"}, "email": {f.users[domain.RolePeserta].Email}, "peran": {"peserta"}})
		if dup.status != 422 || !strings.Contains(dup.text(".error-summary"), "sudah terdaftar") {
			t.Fatalf("duplicate email: %d", dup.status)
		}
		// Create: post/redirect/get to the account's page, which shows the
		// first password once; a refresh neither shows it again nor makes
		// another account.
		posted := admin.post("/admin/pengguna", url.Values{"nama": {"Sari Wulandari"}, "email": {"sari@dinkes.test"}, "peran": {"peserta"},
			"opd": {strconv.FormatInt(f.opd.ID, 10)}, "admin_medsos": {"ya"}})
		loc := posted.header.Get("Location")
		if posted.status != 303 || !strings.HasPrefix(loc, "/admin/pengguna/") || !strings.HasSuffix(loc, "?sandi=baru") {
			t.Fatalf("create: %d %q %q", posted.status, loc, posted.text(".error-summary"))
		}
		made := admin.get(loc)
		pw := made.doc.Find("#sandi-baru").AttrOr("value", "")
		if made.status != 200 || pw == "" || made.header.Get("Cache-Control") != "no-store" || !strings.Contains(made.text("#sandi-baru-judul"), "berhasil dibuat") {
			t.Fatalf("created account page: %d %q", made.status, made.text("main"))
		}
		if again := admin.get(loc); again.doc.Find("#sandi-baru").Length() != 0 || !strings.Contains(again.text(".notice"), "hanya ditampilkan sekali") {
			t.Fatalf("a refresh showed the first password again: %q", again.text("main"))
		}
		sari := f.client()
		if p := sari.login("sari@dinkes.test", pw); p.status != 303 {
			t.Fatalf("new account cannot log in: %d", p.status)
		}
		u, _ := db.UserByEmail(t.Context(), "sari@dinkes.test")
		if !u.IsDesignatedAdmin || u.OPDID == nil || *u.OPDID != f.opd.ID {
			t.Fatalf("created user: %+v", u)
		}
		page := "/admin/pengguna/" + strconv.FormatInt(u.ID, 10)
		// Reset a forgotten password: the old one stops working, sessions end.
		if r := admin.post(page+"/sandi", nil); r.status != 422 || !strings.Contains(r.text(".error-summary"), "Saya yakin") {
			t.Fatalf("reset without \"Saya yakin\": %d", r.status)
		}
		if p := f.client().login("sari@dinkes.test", pw); p.status != 303 {
			t.Fatalf("an unconfirmed reset changed the password: %d", p.status)
		}
		sari = f.client()
		sari.login("sari@dinkes.test", pw)
		// Post/redirect/get: the password is shown once at a GET that cannot make another.
		posted = admin.post(page+"/sandi", url.Values{"yakin": {"1"}})
		if posted.status != 303 || posted.header.Get("Location") != page+"?sandi=baru" {
			t.Fatalf("reset: %d %q", posted.status, posted.header.Get("Location"))
		}
		reset := admin.get(page + "?sandi=baru")
		newPW := reset.doc.Find("#sandi-baru").AttrOr("value", "")
		if reset.status != 200 || newPW == "" || newPW == pw || reset.header.Get("Cache-Control") != "no-store" {
			t.Fatalf("reset: %d", reset.status)
		}
		if again := admin.get(page + "?sandi=baru"); again.doc.Find("#sandi-baru").Length() != 0 || !strings.Contains(again.text(".notice"), "hanya ditampilkan sekali") {
			t.Fatalf("a refresh showed the password again or said nothing: %q", again.text("main"))
		}
		if got := sari.get("/beranda").status; got != 303 {
			t.Fatalf("session survived a reset: %d", got)
		}
		if p := f.client().login("sari@dinkes.test", pw); p.status != 401 {
			t.Fatalf("old password still works: %d", p.status)
		}
		sari = f.client()
		if p := sari.login("sari@dinkes.test", newPW); p.status != 303 {
			t.Fatalf("new password: %d", p.status)
		}
		// Deactivate: sessions end and login is refused; then back on.
		if p := admin.post(page+"/status", url.Values{"aktif": {"tidak"}}); p.status != 303 {
			t.Fatalf("deactivate: %d", p.status)
		}
		if got := sari.get("/beranda").status; got != 303 {
			t.Fatalf("deactivated account still in: %d", got)
		}
		if p := f.client().login("sari@dinkes.test", newPW); p.status != 403 || !strings.Contains(p.text(".field-error"), "dinonaktifkan") {
			t.Fatalf("login of a deactivated account: %d %q", p.status, p.text(".field-error"))
		}
		if p := admin.post(page+"/status", url.Values{"aktif": {"tidak"}}); p.status != 409 || !strings.Contains(p.text(".error-summary"), "sudah nonaktif") {
			t.Fatalf("deactivate twice: %d", p.status)
		}
		admin.post(page+"/status", url.Values{"aktif": {"ya"}})
		if p := f.client().login("sari@dinkes.test", newPW); p.status != 303 {
			t.Fatalf("reactivated account: %d", p.status)
		}
		self := "/admin/pengguna/" + strconv.FormatInt(f.users[domain.RoleAdmin].ID, 10)
		if p := admin.post(self+"/status", url.Values{"aktif": {"tidak"}}); p.status != 422 {
			t.Fatalf("self-deactivation: %d", p.status)
		}
		if p := admin.get("/admin/pengguna/999999"); p.status != 404 {
			t.Fatalf("unknown user: %d", p.status)
		}
		if audit, _ := db.AuditFor(t.Context(), "user", strconv.FormatInt(u.ID, 10), 10); len(audit) < 4 {
			t.Fatalf("audit rows for the account: %d", len(audit))
		}
	})
}
