package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// postMultipart sends the signer form as a browser does: multipart with
// the CSRF token, and the emblem file when given.
func (c *client) postMultipart(path string, fields map[string]string, file []byte) page {
	c.f.t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	w.WriteField(CSRFField, c.csrf())
	for k, v := range fields {
		w.WriteField(k, v)
	}
	fw, _ := w.CreateFormFile("lambang", "lambang.png")
	fw.Write(file) // an empty part is what a browser sends when no file is chosen
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.f.ts.URL+path, &b)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req)
}

func testEmblem(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{200, uint8(x), uint8(y), 255})
		}
	}
	var b bytes.Buffer
	var err error
	if format == "gif" {
		err = gif.Encode(&b, img, nil)
	} else {
		err = png.Encode(&b, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pdfText runs Poppler's pdftotext on a PDF, the tool an agency would use
// to check what a document says.
func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		testkit.Need(t, "pdftotext (poppler-utils) is not installed", "apt-get install poppler-utils")
	}
	in := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(in, []byte(pdf), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestAdminSetsTheSigningOfficialAndEmblem(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		cc := newCertCase(t, db)
		admin := cc.as(domain.RoleAdmin)
		holder := cc.as(domain.RolePeserta)

		// Before anything is set: no official on the specimen.
		if txt := pdfText(t, admin.get("/admin/penanda-tangan/contoh.pdf").body); strings.Contains(txt, "NIP") {
			t.Errorf("a PDF without an official mentions a NIP:\n%s", txt)
		}
		p := admin.get("/admin/penanda-tangan")
		if p.status != http.StatusOK || p.text("h1") != "Pejabat penanda tangan dan lambang" || !strings.Contains(p.text("#tersimpan ~ p, section.card"), "Belum diatur") {
			t.Fatalf("empty page: %d %q", p.status, p.text("main"))
		}
		// A certificate keeps the signer of its day: the page must not promise that a save reaches issued ones.
		if lead := p.text("p.lead"); strings.Contains(lead, "termasuk sertifikat yang sudah terbit") ||
			!strings.Contains(lead, "berlaku untuk sertifikat yang terbit sesudah disimpan") || !strings.Contains(lead, "yang terbit saat belum ada pejabat tersimpan tetap tanpa pejabat") {
			t.Errorf("the page misstates what a save changes: %q", lead)
		}
		for _, id := range []string{"nama", "nip", "jabatan", "lambang"} {
			if p.doc.Find(`label[for=`+id+`]`).Length() != 1 {
				t.Errorf("field %s has no label", id)
			}
		}
		if enc, _ := p.doc.Find(`form[action="/admin/penanda-tangan"]`).Attr("enctype"); enc != "multipart/form-data" {
			t.Errorf("form enctype %q", enc)
		}
		if admin.get("/admin/sertifikat").doc.Find(`a[href="/admin/penanda-tangan"]`).Length() != 1 {
			t.Error("the certificate list does not link to the setting")
		}

		emblem := testEmblem(t, "png", 120, 160)
		good := map[string]string{"versi": "0", "nama": "Drs. Bambang Sutrisno, M.Si.", "nip": "197008171995031002",
			"jabatan": "Kepala Dinas Komunikasi dan Informatika"}
		p = admin.postMultipart("/admin/penanda-tangan", good, emblem)
		if p.status != http.StatusSeeOther || p.header.Get("Location") != "/admin/penanda-tangan?pesan=disimpan" {
			t.Fatalf("save: %d %q %s", p.status, p.header.Get("Location"), p.text(".error-summary"))
		}
		// The certificate is issued under this setting.
		cc.completeAllBut("")
		cert := cc.certificate()
		pdfPath := fmt.Sprintf("/sertifikat/%d/pdf", cert.ID)
		p = admin.get("/admin/penanda-tangan?pesan=disimpan")
		shown := strings.Join(strings.Fields(p.text("#tersimpan + dl, section.card dl")), " ")
		if !strings.Contains(p.text("main"), "sertifikat yang sudah terbit tetap seperti pada hari terbitnya") {
			t.Errorf("the saved message does not say issued certificates keep their official: %q", p.text("main"))
		}
		for _, want := range []string{"Drs. Bambang Sutrisno, M.Si.", "19700817 199503 1 002", "Kepala Dinas Komunikasi dan Informatika", "PNG, 1 KB", "oleh Uji Admin"} {
			if !strings.Contains(shown, want) {
				t.Errorf("stored setting lacks %q: %s", want, shown)
			}
		}
		if !strings.Contains(p.text("#pesan"), "disimpan") {
			t.Errorf("no confirmation: %q", p.text("#pesan"))
		}
		if v, _ := p.doc.Find(`input[name=nip]`).Attr("value"); v != "19700817 199503 1 002" {
			t.Errorf("form NIP %q", v)
		}
		if img := admin.get("/admin/penanda-tangan/lambang"); img.status != 200 || img.header.Get("Content-Type") != "image/png" || img.body != string(emblem) {
			t.Errorf("emblem preview: %d %s, %d bytes", img.status, img.header.Get("Content-Type"), len(img.body))
		}
		if p := holder.get("/admin/penanda-tangan/lambang"); p.status == http.StatusOK {
			t.Error("a trainee can read the emblem setting")
		}

		// Every PDF of the region prints the official and the emblem: the holder's and the admin's specimen.
		for who, body := range map[string]string{"holder": holder.get(pdfPath).body, "specimen": admin.get("/admin/penanda-tangan/contoh.pdf").body} {
			txt := strings.Join(strings.Fields(pdfText(t, body)), " ")
			for _, want := range []string{"Kepala Dinas Komunikasi dan Informatika", "Drs. Bambang Sutrisno, M.Si.", "NIP 19700817 199503 1 002"} {
				if !strings.Contains(txt, want) {
					t.Errorf("%s PDF text lacks %q: %s", who, want, txt)
				}
			}
			if !strings.Contains(body, "/Subtype /Image") {
				t.Errorf("%s PDF has no emblem image", who)
			}
		}
		// The verification page and its JSON twin name the official, never the NIP.
		vp := cc.client().get("/verifikasi/" + cert.Code)
		if got := vp.text(`dt:contains("Penanda tangan") + dd`); got != "Drs. Bambang Sutrisno, M.Si., Kepala Dinas Komunikasi dan Informatika" || strings.Contains(vp.body, "19700817") {
			t.Errorf("verification page: signer %q in %s", got, factsText(vp))
		}
		jp := cc.client().get("/api/v1/certificates/" + cert.Code)
		var facts map[string]any
		if err := json.Unmarshal([]byte(jp.body), &facts); err != nil || facts["signer_name"] != "Drs. Bambang Sutrisno, M.Si." ||
			facts["signer_title"] != "Kepala Dinas Komunikasi dan Informatika" || strings.Contains(jp.body, "19700817") {
			t.Errorf("JSON twin: %s (%v)", jp.body, err)
		}

		// Bad input: a specific message, what was typed kept, nothing stored.
		bad := map[string]string{"versi": "1", "nama": "Sri Wahyuni", "nip": "19700817 199513 1 002", "jabatan": "Bupati Sukamaju"}
		p = admin.postMultipart("/admin/penanda-tangan", bad, testEmblem(t, "gif", 20, 20))
		if p.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad NIP and GIF: %d", p.status)
		}
		if !strings.Contains(p.text("#nip-error"), "199513 bukan bulan yang ada") || !strings.Contains(p.text("#lambang-error"), "harus gambar PNG atau JPEG") {
			t.Errorf("messages: nip %q, lambang %q", p.text("#nip-error"), p.text("#lambang-error"))
		}
		for field, want := range bad {
			if got, _ := p.doc.Find(`input[name=` + field + `]`).Attr("value"); got != want {
				t.Errorf("%s kept as %q, want %q", field, got, want)
			}
		}
		p = admin.postMultipart("/admin/penanda-tangan", map[string]string{"versi": "1", "nama": "Sri Wahyuni", "jabatan": "Bupati"},
			testEmblem(t, "png", 2001, 3))
		if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.text("#lambang-error"), "2001 × 3 piksel; paling besar 2000 piksel per sisi") {
			t.Errorf("too wide: %d %q", p.status, p.text("#lambang-error"))
		}
		p = admin.postMultipart("/admin/penanda-tangan", map[string]string{"versi": "1", "nama": "Sri Wahyuni", "jabatan": "Bupati"},
			append(testEmblem(t, "png", 10, 10), make([]byte, 600<<10)...))
		if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.text("#lambang-error"), "melebihi batas 512 KB") {
			t.Errorf("too large: %d %q", p.status, p.text("#lambang-error"))
		}
		p = admin.postMultipart("/admin/penanda-tangan", map[string]string{"versi": "1", "nama": "", "nip": "197008171995031002", "jabatan": "Bupati"}, emblem)
		if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.text("#nama-error"), "Nama pejabat wajib diisi") ||
			!strings.Contains(p.text("#lambang-error"), "pilih berkasnya lagi") {
			t.Errorf("no name: %d nama %q lambang %q", p.status, p.text("#nama-error"), p.text("#lambang-error"))
		}
		if s, _ := db.RegionSigner(t.Context(), cert.RegionID, false); s.Version != 1 || s.Name != "Drs. Bambang Sutrisno, M.Si." {
			t.Errorf("refused saves stored %+v", s)
		}

		// A form shown before another admin's save: 409, typed text kept, nothing overwritten.
		stale := map[string]string{"versi": "0", "nama": "Orang Lain", "jabatan": "Sekretaris Daerah"}
		p = admin.postMultipart("/admin/penanda-tangan", stale, nil)
		if p.status != http.StatusConflict || !strings.Contains(p.text(".error-summary"), "baru saja diubah oleh admin lain") {
			t.Fatalf("stale form: %d %q", p.status, p.text(".error-summary"))
		}
		if v, _ := p.doc.Find(`input[name=nama]`).Attr("value"); v != "Orang Lain" {
			t.Errorf("stale form kept nama %q", v)
		}
		if v, _ := p.doc.Find(`input[name=versi]`).Attr("value"); v != "1" {
			t.Errorf("after the conflict the form carries version %q, want 1", v)
		}

		// Removing the emblem (and the NIP: a regent has none).
		p = admin.postMultipart("/admin/penanda-tangan", map[string]string{"versi": "1", "nama": "Sri Wahyuni, S.H.", "nip": "",
			"jabatan": "Bupati Sukamaju", "hapus_lambang": "1"}, nil)
		if p.status != http.StatusSeeOther {
			t.Fatalf("remove emblem: %d %s", p.status, p.text(".error-summary"))
		}
		body := admin.get("/admin/penanda-tangan/contoh.pdf").body
		txt := strings.Join(strings.Fields(pdfText(t, body)), " ")
		if !strings.Contains(txt, "Bupati Sukamaju") || !strings.Contains(txt, "Sri Wahyuni, S.H.") || strings.Contains(txt, "NIP") || strings.Contains(body, "/Subtype /Image") {
			t.Errorf("after removing the emblem and NIP: image %v, text %s", strings.Contains(body, "/Subtype /Image"), txt)
		}
		// The certificate already issued keeps the official and emblem of its day.
		body = holder.get(pdfPath).body
		if txt := strings.Join(strings.Fields(pdfText(t, body)), " "); !strings.Contains(txt, "Drs. Bambang Sutrisno, M.Si.") || strings.Contains(txt, "Sri Wahyuni") ||
			!strings.Contains(body, "/Subtype /Image") {
			t.Errorf("the issued certificate changed with the setting: image %v, text %s", strings.Contains(body, "/Subtype /Image"), txt)
		}
		entries, err := db.AuditFor(t.Context(), "region", fmt.Sprint(cert.RegionID), 10)
		if err != nil || len(entries) != 2 || entries[0].Action != "region.signer" || *entries[0].ActorID != cc.users[domain.RoleAdmin].ID {
			t.Errorf("audit: %+v %v", entries, err)
		}
	})
}

// TestConcurrentSignerSaves: several admins press "Simpan" on the same form
// at once: one save is stored, the others get 409 with their text kept,
// never a 500.
func TestConcurrentSignerSaves(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		const n = 6
		admins := make([]*client, n)
		admins[0] = f.as(domain.RoleAdmin)
		for i := 1; i < n; i++ {
			_, admins[i] = f.newUser(domain.RoleAdmin, fmt.Sprintf("admin%d@sukamaju.test", i), fmt.Sprintf("Admin %d", i), nil)
		}
		for round := range 3 {
			pages := make([]page, n)
			var wg sync.WaitGroup
			for i, c := range admins {
				wg.Add(1)
				go func() {
					defer wg.Done()
					pages[i] = c.postMultipart("/admin/penanda-tangan", map[string]string{"versi": fmt.Sprint(round),
						"nama": fmt.Sprintf("Pejabat %d", i), "jabatan": "Kepala Dinas"}, testEmblem(t, "png", 8+i, 8))
				}()
			}
			wg.Wait()
			saved := 0
			for i, p := range pages {
				switch p.status {
				case http.StatusSeeOther:
					saved++
				case http.StatusConflict:
					if v, _ := p.doc.Find(`input[name=nama]`).Attr("value"); v != fmt.Sprintf("Pejabat %d", i) {
						t.Errorf("round %d: admin %d's text not kept: %q", round, i, v)
					}
				default:
					t.Fatalf("round %d: admin %d got %d", round, i, p.status)
				}
			}
			if saved != 1 {
				t.Fatalf("round %d: %d saves stored over one version", round, saved)
			}
		}
		region, _ := db.EnsureRegion(t.Context(), "kabupaten-sukamaju", "", "")
		if s, _ := db.RegionSigner(t.Context(), region.ID, false); s.Version != 3 {
			t.Errorf("version %d after 3 rounds", s.Version)
		}
	})
}

// TestReDownloadKeepsTheSignerOfItsDay: a certificate issued under one
// official, the official and emblem changed, a second certificate issued;
// re-downloading the first still prints the first official with the emblem
// (read with pdftotext), the second the new one, and the verification page
// and its JSON twin say the same. Both engines.
func TestReDownloadKeepsTheSignerOfItsDay(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		cc := newCertCase(t, db)
		admin := cc.as(domain.RoleAdmin)
		first := map[string]string{"versi": "0", "nama": "Drs. Bambang Sutrisno, M.Si.", "nip": "197008171995031002",
			"jabatan": "Kepala Dinas Komunikasi dan Informatika"}
		if p := admin.postMultipart("/admin/penanda-tangan", first, testEmblem(t, "png", 120, 160)); p.status != http.StatusSeeOther {
			t.Fatalf("first setting: %d %s", p.status, p.text(".error-summary"))
		}
		cc.completeAllBut("")
		old := cc.certificate()

		second := map[string]string{"versi": "1", "nama": "Sri Wahyuni, S.H.", "nip": "", "jabatan": "Bupati Sukamaju", "hapus_lambang": "1"}
		if p := admin.postMultipart("/admin/penanda-tangan", second, nil); p.status != http.StatusSeeOther {
			t.Fatalf("second setting: %d %s", p.status, p.text(".error-summary"))
		}
		// A second trainee of the cohort finishes after the change.
		hash, err := testPasswordHash()
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		opd := cc.opd.ID
		u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: cc.users[domain.RolePeserta].RegionID, OPDID: &opd, Email: "dewi@sukamaju.test",
			Name: "Dewi Lestari", Role: domain.RolePeserta, PasswordHash: hash})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Enroll(ctx, nil, cc.cohort.ID, []int64{u.ID}); err != nil {
			t.Fatal(err)
		}
		e, err := db.EnrollmentForCourse(ctx, u.ID, tcCourse)
		if err != nil {
			t.Fatal(err)
		}
		cc.users[domain.RolePeserta], cc.enrollment = u, e.ID
		cc.completeAllBut("")
		fresh := cc.certificate()
		if fresh.ID == old.ID {
			t.Fatal("no second certificate")
		}

		for _, tc := range []struct {
			cert      domain.CertificateView
			name      string
			want      []string // on the PDF besides the name
			notWanted string
			emblem    bool
		}{
			{old, "Drs. Bambang Sutrisno, M.Si.", []string{"NIP 19700817 199503 1 002", "Kepala Dinas Komunikasi dan Informatika"}, "Sri Wahyuni", true},
			{fresh, "Sri Wahyuni, S.H.", []string{"Bupati Sukamaju"}, "Bambang", false},
		} {
			body := admin.get(fmt.Sprintf("/sertifikat/%d/pdf", tc.cert.ID)).body
			txt := strings.Join(strings.Fields(pdfText(t, body)), " ")
			for _, w := range append(tc.want, tc.name) {
				if !strings.Contains(txt, w) {
					t.Errorf("%s PDF lacks %q: %s", tc.cert.Number, w, txt)
				}
			}
			if strings.Contains(txt, tc.notWanted) || strings.Contains(body, "/Subtype /Image") != tc.emblem {
				t.Errorf("%s PDF: %q printed or emblem %v (want %v): %s", tc.cert.Number, tc.notWanted, strings.Contains(body, "/Subtype /Image"), tc.emblem, txt)
			}
			vp := cc.client().get("/verifikasi/" + tc.cert.Code)
			if got := vp.text(`dt:contains("Penanda tangan") + dd`); !strings.HasPrefix(got, tc.name) {
				t.Errorf("%s verification page: signer %q, want %q", tc.cert.Number, got, tc.name)
			}
			var facts map[string]any
			if err := json.Unmarshal([]byte(cc.client().get("/api/v1/certificates/"+tc.cert.Code).body), &facts); err != nil || facts["signer_name"] != tc.name {
				t.Errorf("%s JSON: signer_name %v (%v)", tc.cert.Number, facts["signer_name"], err)
			}
		}
	})
}
