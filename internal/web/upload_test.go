package web

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestTooLargeUploadKeepsTheForm: a file over the form's limit, also one
// that takes the request past the 1 MB body limit, is answered by the form
// itself with a message naming the limit and what was typed kept, never the
// bare 413 page; nothing is stored. Both engines.
func TestTooLargeUploadKeepsTheForm(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		admin := f.as(domain.RoleAdmin)
		typed := map[string]string{"versi": "0", "nama": "Drs. Bambang Sutrisno, M.Si.", "nip": "19700817 199503 1 002",
			"jabatan": "Kepala Dinas Komunikasi dan Informatika"}
		for _, size := range []int{600 << 10, 3 << 20, 20 << 20} {
			photo := append(testEmblem(t, "png", 10, 10), make([]byte, size)...)
			p := admin.postMultipart("/admin/penanda-tangan", typed, photo)
			if p.status != http.StatusUnprocessableEntity {
				t.Fatalf("emblem of %d bytes: status %d, want the form again (422): %q", len(photo), p.status, p.text("main"))
			}
			want := "melebihi batas 512 KB"
			if got := p.text("#lambang-error"); !strings.Contains(got, want) || !strings.Contains(got, "isian lain tetap tersimpan") {
				t.Errorf("emblem of %d bytes: message %q, want it to name the limit (%q)", len(photo), got, want)
			}
			for field, want := range typed {
				if got, _ := p.doc.Find(`input[name=` + field + `]`).Attr("value"); got != want {
					t.Errorf("emblem of %d bytes: %s kept as %q, want %q", len(photo), field, got, want)
				}
			}
		}
		if s, err := db.RegionSigner(t.Context(), f.users[domain.RoleAdmin].RegionID, false); err != nil || s.Version != 0 {
			t.Errorf("a refused upload stored %+v (%v)", s, err)
		}

		// The user import: a CSV over 1 MB names its size and the limit on the import page.
		csv := "email,nama,peran,opd\n" + strings.Repeat("peserta@dinkes.test,Peserta Uji Coba Nama Panjang,peserta,\n", 40000)
		p := admin.upload("/admin/pengguna/impor", "semua-pegawai.csv", csv)
		if p.status != http.StatusUnprocessableEntity || p.doc.Find(`form[action="/admin/pengguna/impor"] input[type=file]`).Length() != 1 {
			t.Fatalf("CSV of %d bytes: status %d %q", len(csv), p.status, p.text("main"))
		}
		if got := p.text("#berkas-error"); !strings.Contains(got, "semua-pegawai.csv berukuran 2.305 KB, melebihi batas 1 MB") {
			t.Errorf("CSV too large: %q", got)
		}

		// Any other form over 1 MB is still refused before it is read.
		big := bytes.Repeat([]byte("a"), 2<<20)
		if p := admin.post("/akun/kata-sandi", map[string][]string{"lama": {string(big)}}); p.status != http.StatusRequestEntityTooLarge {
			t.Errorf("a 2 MB ordinary form: %d", p.status)
		}
	})
}

// TestLargeUploadOnlyForAdmins: the upload forms read up to MaxUploadBody
// only for a logged-in admin. A visitor or a trainee sending 3 MB to them is
// refused at the 1 MB limit before anything is read, as on any other form.
func TestLargeUploadOnlyForAdmins(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		big := make([]byte, 3<<20)
		for name, c := range map[string]*client{"visitor": f.client(), "trainee": f.as(domain.RolePeserta)} {
			for _, path := range []string{"/admin/penanda-tangan", "/admin/pengguna/impor"} {
				if p := c.postMultipart(path, map[string]string{"nama": "x"}, big); p.status != http.StatusRequestEntityTooLarge {
					t.Errorf("%s posting 3 MB to %s: %d, want 413 before reading it", name, path, p.status)
				}
			}
		}
	})
}

// TestUploadBodyShapes: an admin's hand-made upload bodies get the same
// answers as honest ones. A second file part of the same name cannot hide a
// first one over the limit; more parts than any form has, or part headers
// past the text budget, are refused before they cost seconds of work.
func TestUploadBodyShapes(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	admin := f.as(domain.RoleAdmin)
	send := func(build func(w *multipart.Writer)) page {
		var b bytes.Buffer
		w := multipart.NewWriter(&b)
		w.WriteField(CSRFField, admin.csrf())
		build(w)
		w.Close()
		req, _ := http.NewRequest(http.MethodPost, f.ts.URL+"/admin/pengguna/impor", &b)
		req.Header.Set("Content-Type", w.FormDataContentType())
		return admin.do(req)
	}
	big := "email,nama,peran,opd\n" + strings.Repeat("peserta@dinkes.test,Peserta Uji Coba Nama Panjang,peserta,\n", 20000)
	p := send(func(w *multipart.Writer) {
		fw, _ := w.CreateFormFile("berkas", "besar.csv")
		fw.Write([]byte(big))
		fw, _ = w.CreateFormFile("berkas", "kecil.csv")
		fw.Write([]byte("x"))
	})
	if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.text("#berkas-error"), "melebihi batas 1 MB") {
		t.Errorf("a large file followed by a small one of the same name: %d %q", p.status, p.text("#berkas-error"))
	}
	p = send(func(w *multipart.Writer) {
		for range maxUploadParts + 1 {
			w.WriteField("x", "")
		}
	})
	if p.status != http.StatusRequestEntityTooLarge {
		t.Errorf("%d parts: %d, want 413", maxUploadParts+2, p.status)
	}
	p = send(func(w *multipart.Writer) {
		for range 20 {
			w.WriteField(strings.Repeat("n", 60<<10), "")
		}
	})
	if p.status != http.StatusRequestEntityTooLarge {
		t.Errorf("1.2 MB of part headers: %d, want 413", p.status)
	}
}

// TestRequestIDKeptShort: a proxy's request id (a short token) is kept and
// shown; a long or odd one a client made up is replaced by the server's own.
func TestRequestIDKeptShort(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	for id, keep := range map[string]bool{
		"3f2a9c0d1b7e4f6a8c5d2e1f0a9b8c7d": true,
		`<b>"injected"</b>`:                false,
		strings.Repeat("a", 65):            false,
	} {
		req, _ := http.NewRequest(http.MethodGet, f.ts.URL+"/halaman-yang-tidak-ada", nil)
		req.Header.Set(echo.HeaderXRequestID, id)
		p := f.client().do(req)
		got := p.header.Get(echo.HeaderXRequestID)
		if keep != (got == id) || got == "" || len(got) > 64 || strings.Contains(p.body, "injected") {
			t.Errorf("sent %.20q…: answered with id %.70q (keep %v)", id, got, keep)
		}
	}
}
