package web

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

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
