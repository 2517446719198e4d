package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// upload posts a CSV file to the import page as a browser's form does.
func (c *client) upload(path, name, content string) page {
	c.f.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	w.WriteField(CSRFField, c.csrf())
	fw, _ := w.CreateFormFile("berkas", name)
	fw.Write([]byte(content))
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.f.ts.URL+path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req)
}

// TestAdminImportsUsers: the admin uploads a CSV; every problem is listed by
// line and nothing is written; a clean file waits for "Mulai impor", runs with
// a progress page, stores every account, and its first passwords download
// and work. Two clicks on "Mulai impor" run it once. Both engines.
func TestAdminImportsUsers(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		admin := f.as(domain.RoleAdmin)
		ctx := context.Background()
		count := func() int {
			_, n, err := db.ListUsers(ctx, domain.UserFilter{RegionID: f.users[domain.RoleAdmin].RegionID}, 1, 0)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := count()
		if p := admin.get("/admin/pengguna"); p.doc.Find(`a[href="/admin/pengguna/impor"]`).Length() != 1 {
			t.Error("the user list does not lead to the import")
		}
		// The CSV format is Indonesian in every language, and the English page says so.
		if en := admin.getLang("/admin/pengguna/impor", "en"); !strings.Contains(en.text("#kolom-tetap"), "The column names and their values stay exactly as above (they are Indonesian) whatever the display language: email,nama,peran,opd,admin_medsos, roles such as peserta, and ya or tidak.") {
			t.Errorf("the English import page does not say the CSV stays Indonesian: %q", en.text("#kolom-tetap"))
		}
		bad := "email,nama,peran,opd,admin_medsos\n" +
			"rina@dinkes.test,Rina Marlina,peserta,Dinkes,ya\n" +
			"tanpa@domain,Tanpa Domain,peserta,,\n" +
			"rina@dinkes.test,Rina Lagi,peserta,,\n" +
			"kepala@dinkes.test,Kepala,pimpinan_opd,,\n" +
			f.users[domain.RoleFasilitator].Email + ",Sudah Ada,fasilitator,,\n" +
			"budi@dinkes.test,Budi,raja,Dinas Antah,\n"
		p := admin.upload("/admin/pengguna/impor", "pengguna.csv", bad)
		if p.status != http.StatusUnprocessableEntity {
			t.Fatalf("a file with problems: %d", p.status)
		}
		got := map[string]string{}
		p.doc.Find("#masalah tbody tr").Each(func(_ int, r *goquerySelection) {
			got[strings.TrimSpace(r.Find("td").First().Text())] = r.Find("td").Last().Text()
		})
		for line, want := range map[string]string{"3": "tidak valid", "4": "sudah ada di baris 2", "5": "peran pimpinan_opd wajib terhubung dengan satu OPD",
			"6": "sudah terdaftar", "7": "peran “raja” tidak dikenal"} {
			if !strings.Contains(got[line], want) {
				t.Errorf("line %s: %q, want %q", line, got[line], want)
			}
		}
		if _, ok := got["2"]; ok || len(got) != 5 || !strings.Contains(got["7"], "OPD “Dinas Antah” tidak ditemukan") {
			t.Errorf("problems by line: %v", got)
		}
		if n := count(); n != before {
			t.Fatalf("a file with problems stored %d users", n-before)
		}
		if p := admin.upload("/admin/pengguna/impor", "rusak.csv", "nama,peran\nx,y\n"); p.status != 422 || !strings.Contains(p.text("#berkas-error"), "Kolom “email” tidak ada") {
			t.Fatalf("a file without the email column: %d %q", p.status, p.text("#berkas-error"))
		}

		good := "email,nama,peran,opd,admin_medsos\n" +
			"rina@dinkes.test,Rina Marlina,peserta,Dinkes,ya\n" +
			"=cmd@dinkes.test,=Formula,peserta,,\n" +
			"joko@bpbd.test,Joko Susilo,fasilitator,BPBD,tidak\n"
		p = admin.upload("/admin/pengguna/impor", "pengguna.csv", good)
		loc := p.header.Get("Location")
		if p.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/pengguna/impor/") {
			t.Fatalf("a clean file: %d %q %s", p.status, loc, p.text(".error-summary, .field-error"))
		}
		if n := count(); n != before {
			t.Fatal("a checked file stored users before it was started")
		}
		ready := admin.get(loc)
		if !strings.Contains(ready.text("section[aria-labelledby=impor-siap]"), "Sebanyak 3 akun") {
			t.Fatalf("ready page: %q", ready.text("main"))
		}
		start := loc + "/mulai"
		csrf := admin.csrf()
		rs := together(func() reply { return admin.send(start, url.Values{}, csrf) }, func() reply { return admin.send(start, url.Values{}, csrf) })
		for _, r := range rs {
			if r.err != nil || r.status != http.StatusSeeOther {
				t.Fatalf("start: %v %d", r.err, r.status)
			}
		}
		var done page
		for end := time.Now().Add(60 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			done = admin.get(loc)
			if done.doc.Find("#impor-berjalan").Length() == 1 && done.header.Get("Refresh") == "" && done.doc.Find("[role=alert]").Length() > 0 {
				t.Fatalf("the import stalled: %q", done.text("main"))
			}
			if done.doc.Find("#impor-berjalan").Length() == 0 {
				break
			}
			if done.doc.Find("progress#kemajuan").Length() != 1 || done.header.Get("Refresh") != "2" {
				t.Fatalf("progress page: %q", done.text("main"))
			}
		}
		if !strings.Contains(done.text("#impor-selesai"), "3 akun dibuat") {
			t.Fatalf("after the import: %q", done.text("main"))
		}
		if n := count(); n != before+3 {
			t.Fatalf("%d users stored, want 3 (two clicks on Mulai impor)", n-before)
		}
		link := done.doc.Find(`a[href$="/sandi.csv"]`).AttrOr("href", "")
		dl := admin.get(link)
		if dl.status != 200 || dl.header.Get("Cache-Control") != "no-store" || !strings.HasPrefix(dl.header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("download: %d %v", dl.status, dl.header)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(dl.body, "\ufeff"))).ReadAll()
		if err != nil || len(recs) != 4 || recs[0][2] != "kata_sandi_awal" {
			t.Fatalf("password file: %v %q", err, dl.body)
		}
		if recs[2][0] != "'=cmd@dinkes.test" || recs[2][1] != "'=Formula" {
			t.Errorf("formula cells not defused: %q", recs[2])
		}
		if p := f.client().login(recs[1][0], recs[1][2]); p.status != http.StatusSeeOther {
			t.Fatalf("a first password does not work: %d", p.status)
		}
		if after := admin.get(loc); !strings.Contains(after.text("#sandi-diunduh"), "sudah mengunduh") {
			t.Fatalf("page after the download: %q", after.text("section[aria-labelledby=impor-selesai]"))
		}
		u, err := db.UserByEmail(ctx, "rina@dinkes.test")
		if err != nil || !u.IsDesignatedAdmin || u.OPDID == nil || *u.OPDID != f.opd.ID {
			t.Fatalf("imported user: %+v %v", u, err)
		}
		// Only admins reach it.
		if p := f.as(domain.RoleFasilitator).get(loc); p.status != http.StatusForbidden {
			t.Fatalf("facilitator opens an import: %d", p.status)
		}
	})
}

// TestImportInEnglish: what an import says outside the message file's
// templates is in the reader's language too: a file without a needed column,
// and why a started import stopped (the data changed after the check; stored
// once, read by an English and an Indonesian admin). Both engines.
func TestImportInEnglish(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		adminUser := f.users[domain.RoleAdmin]
		if err := db.SetUserLang(ctx, adminUser.ID, "en"); err != nil {
			t.Fatal(err)
		}
		admin := f.as(domain.RoleAdmin)
		if p := admin.upload("/admin/pengguna/impor", "rusak.csv", "nama,peran\nx,y\n"); p.status != 422 ||
			p.text("#berkas-error") != "The column “email” is missing from the header row; expected columns: email,nama,peran,opd,admin_medsos." {
			t.Fatalf("a file without the email column: %d %q", p.status, p.text("#berkas-error"))
		}
		p := admin.upload("/admin/pengguna/impor", "pengguna.csv", "email,nama,peran,opd\nrina@dinkes.test,Rina Marlina,peserta,\n")
		loc := p.header.Get("Location")
		if p.status != http.StatusSeeOther {
			t.Fatalf("a clean file: %d %s", p.status, p.text("main"))
		}
		// Someone takes the address between the check and the start.
		hash, err := testPasswordHash()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: adminUser.RegionID, Email: "rina@dinkes.test", Name: "Rina Lain",
			Role: domain.RolePeserta, PasswordHash: hash}); err != nil {
			t.Fatal(err)
		}
		if r := admin.post(loc+"/mulai", nil); r.status != http.StatusSeeOther {
			t.Fatalf("start: %d", r.status)
		}
		var done page
		for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			if done = admin.get(loc); done.doc.Find("#impor-gagal").Length() == 1 {
				break
			}
		}
		want := "The data changed after the file was checked; no account was saved. Correct the file, then upload it again.\n" +
			"line 2: the email rina@dinkes.test is already registered"
		if got := done.text("section[aria-labelledby=impor-gagal] p"); got != want {
			t.Fatalf("failed import in English: %q\nwant %q", got, want)
		}
		if err := db.SetUserLang(ctx, adminUser.ID, "id"); err != nil {
			t.Fatal(err)
		}
		want = "Sejak berkas diperiksa, data berubah; tidak ada akun yang disimpan. Perbaiki berkasnya lalu unggah lagi.\n" +
			"baris 2: email rina@dinkes.test sudah terdaftar"
		if got := admin.get(loc).text("section[aria-labelledby=impor-gagal] p"); got != want {
			t.Fatalf("failed import in Indonesian: %q\nwant %q", got, want)
		}
	})
}
