package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
	"github.com/bimtek/bimtek/internal/userimport"
)

// importAll uploads content as admin, starts it and waits until it ends; it
// returns the import's page address.
func importAll(t *testing.T, admin *client, content string) string {
	t.Helper()
	p := admin.upload("/admin/pengguna/impor", "pengguna.csv", content)
	loc := p.header.Get("Location")
	if p.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/pengguna/impor/") {
		t.Fatalf("upload: %d %q %s", p.status, loc, p.text(".error-summary, .field-error"))
	}
	if r := admin.post(loc+"/mulai", url.Values{}); r.status != http.StatusSeeOther {
		t.Fatalf("start: %d", r.status)
	}
	for end := time.Now().Add(60 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if admin.get(loc).doc.Find("#impor-selesai, #impor-gagal").Length() > 0 {
			return loc
		}
	}
	t.Fatalf("the import at %s did not end", loc)
	return ""
}

// TestImportPasswordsSurviveUntilSaved: a broken download loses nothing. The
// first passwords of an import download again and again for the admin who
// ran it, never for another admin (404, not on the page, their "Sudah saya
// simpan" wipes nothing), without being cached; after that admin's "Sudah
// saya simpan" (POST, then the page) they are gone from the server, and
// passwords nobody confirmed are wiped when ImportPasswordsKept has passed.
// Both engines.
func TestImportPasswordsSurviveUntilSaved(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		admin := f.as(domain.RoleAdmin)
		_, other := f.newUser(domain.RoleAdmin, "admin.dua@sukamaju.test", "Admin Dua", nil)

		loc := importAll(t, admin, "email,nama,peran,opd,admin_medsos\nsatu@dinkes.test,Peserta Satu,peserta,Dinkes,ya\ndua@dinkes.test,Peserta Dua,peserta,,\n")
		link := loc + "/sandi.csv"
		page := admin.get(loc)
		if page.doc.Find(`a[href="`+link+`"]`).Length() != 1 || page.doc.Find(`form[action$="/tersimpan"]`).Length() != 0 {
			t.Fatalf("before any download the page offers the file and no confirmation: %q", page.text("#impor-selesai ~ *"))
		}
		first := admin.get(link)
		if first.status != http.StatusOK || first.header.Get("Cache-Control") != "no-store" {
			t.Fatalf("first download: %d %v", first.status, first.header)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(first.body, "\ufeff"))).ReadAll()
		if err != nil || len(recs) != 3 {
			t.Fatalf("password file: %v %q", err, first.body)
		}
		// The download broke: the admin takes it again.
		if again := admin.get(link); again.status != http.StatusOK || again.body != first.body {
			t.Fatalf("second download by the same admin: %d", again.status)
		}

		// Another admin of the region sees the import but never its passwords.
		if p := other.get(link); p.status != http.StatusNotFound || strings.Contains(p.body, recs[1][2]) {
			t.Fatalf("another admin downloads the first passwords: %d", p.status)
		}
		op := other.get(loc)
		if op.status != 200 || op.doc.Find(`a[href$="/sandi.csv"], form[action$="/tersimpan"]`).Length() != 0 ||
			!strings.Contains(op.text("section[aria-labelledby=impor-selesai]"), "hanya dapat diunduh oleh admin yang menjalankan impor ini") {
			t.Fatalf("another admin's page: %q", op.text("section[aria-labelledby=impor-selesai]"))
		}
		if p := other.post(loc+"/tersimpan", url.Values{}); p.status != http.StatusSeeOther {
			t.Fatalf("another admin's confirmation: %d", p.status)
		}
		if p := admin.get(link); p.status != http.StatusOK {
			t.Fatalf("another admin's confirmation wiped the passwords: %d", p.status)
		}

		page = admin.get(loc)
		form := page.doc.Find(`form[action="` + loc + `/tersimpan"]`)
		if form.Length() != 1 || !strings.Contains(form.Text(), "Sudah saya simpan") || !strings.Contains(page.text("#sandi-diunduh"), "sudah mengunduh") {
			t.Fatalf("after a download the page asks for the confirmation: %q", page.text("section[aria-labelledby=impor-selesai]"))
		}
		saved := admin.post(loc+"/tersimpan", url.Values{})
		if saved.status != http.StatusSeeOther || saved.header.Get("Location") != loc {
			t.Fatalf("confirmation: %d %q", saved.status, saved.header.Get("Location"))
		}
		if p := admin.get(link); p.status != http.StatusConflict || strings.Contains(p.body, recs[1][2]) {
			t.Fatalf("download after the confirmation: %d", p.status)
		}
		page = admin.get(loc)
		if page.doc.Find(`a[href$="/sandi.csv"], form[action$="/tersimpan"]`).Length() != 0 || !strings.Contains(page.text("#sandi-dihapus"), "sudah dihapus dari server") {
			t.Fatalf("page after the confirmation: %q", page.text("section[aria-labelledby=impor-selesai]"))
		}
		id, _ := atoi64(strings.TrimPrefix(loc, "/admin/pengguna/impor/"))
		j, err := db.ImportJob(ctx, f.users[domain.RoleAdmin].RegionID, id)
		if err != nil || j.Passwords != "" || j.PasswordsWipedAt == nil {
			t.Fatalf("stored after the confirmation: %q %v %v", j.Passwords, j.PasswordsWipedAt, err)
		}

		// Nobody confirms: the passwords last ImportPasswordsKept, then the
		// hourly cleanup wipes them.
		loc = importAll(t, admin, "email,nama,peran,opd,admin_medsos\ntiga@dinkes.test,Peserta Tiga,peserta,,\n")
		id, _ = atoi64(strings.TrimPrefix(loc, "/admin/pengguna/impor/"))
		if p := admin.get(loc + "/sandi.csv"); p.status != http.StatusOK {
			t.Fatalf("download: %d", p.status)
		}
		f.clock.now = f.clock.now.Add(store.ImportPasswordsKept + time.Minute)
		admin = f.as(domain.RoleAdmin) // the session ended meanwhile
		if p := admin.get(loc + "/sandi.csv"); p.status != http.StatusConflict {
			t.Fatalf("download after its time: %d", p.status)
		}
		if !strings.Contains(admin.get(loc).text("#sandi-dihapus"), "sudah dihapus dari server") {
			t.Fatal("the page does not say the passwords are gone after their time")
		}
		if n, err := db.WipeExpiredImportPasswords(ctx, f.clock.now); err != nil || n != 1 {
			t.Fatalf("cleanup wiped %d: %v", n, err)
		}
		if j, err := db.ImportJob(ctx, f.users[domain.RoleAdmin].RegionID, id); err != nil || j.Passwords != "" || j.PasswordsWipedAt == nil {
			t.Fatalf("stored after the cleanup: %q %v", j.Passwords, err)
		}
	})
}

// TestImportSampleFile: the import page offers a sample file and documents
// its columns; the sample is the header and two example rows that the import
// itself accepts as they are.
func TestImportSampleFile(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		admin := f.as(domain.RoleAdmin)
		form := admin.get("/admin/pengguna/impor")
		if form.doc.Find(`a[href="/admin/pengguna/impor/contoh.csv"][download]`).Length() != 1 {
			t.Fatal("the import page offers no sample file")
		}
		for _, col := range userimport.Columns {
			if form.doc.Find("#kolom-csv tbody th code").FilterFunction(func(_ int, s *goquerySelection) bool { return s.Text() == col }).Length() != 1 {
				t.Errorf("column %s is not documented on the page", col)
			}
		}
		sample := admin.get("/admin/pengguna/impor/contoh.csv")
		if sample.status != 200 || !strings.HasPrefix(sample.header.Get("Content-Disposition"), "attachment") || !strings.HasPrefix(sample.header.Get("Content-Type"), "text/csv") {
			t.Fatalf("sample: %d %v", sample.status, sample.header)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(sample.body, "\ufeff"))).ReadAll()
		if err != nil || len(recs) != 3 || strings.Join(recs[0], ",") != strings.Join(userimport.Columns, ",") {
			t.Fatalf("sample file: %v %q", err, sample.body)
		}
		if p := admin.upload("/admin/pengguna/impor", "contoh-impor-pengguna.csv", sample.body); p.status != http.StatusSeeOther {
			t.Fatalf("the sample as it is: %d %q", p.status, p.text(".error-summary, .field-error"))
		}
		if p := f.as(domain.RolePeserta).get("/admin/pengguna/impor/contoh.csv"); p.status != http.StatusForbidden {
			t.Fatalf("a trainee opens the sample: %d", p.status)
		}
	})
}
