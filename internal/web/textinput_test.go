package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// textCase is one text input of one form: where it is sent, the valid rest of
// the form, and its limit in characters.
type textCase struct {
	name    string
	as      domain.Role
	method  string
	path    string
	form    func(n int) url.Values // a valid form; n makes unique values
	field   string
	max     int
	emojiOK int // the status of a valid form with an emoji in field; 0 skips
	// cleans: release text drops control characters and invalid bytes
	// instead of refusing them (pasted text is never lost); only its length is checked.
	cleans bool
}

// keptValue is what the page shows back in the field.
func keptValue(p page, field string) string {
	s := p.doc.Find(`[name="` + field + `"]`).First()
	if s.Is("textarea") {
		return strings.TrimSpace(s.Text())
	}
	return s.AttrOr("value", "")
}

// TestEveryFormChecksItsText walks every form's text inputs with text over
// the limit, a NUL, invalid UTF-8 and an emoji: the first three get 422 with
// a specific Indonesian message and the typed text kept (never 500, never
// stored); the emoji is accepted where the field takes free text. Both engines.
func TestEveryFormChecksItsText(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		f := rc.fixture
		co := rc.cohort
		day := co.StartsOn.AddDate(0, 0, 1).Format("2006-01-02")
		editor := f.as(domain.RoleAdmin)
		account := fmt.Sprintf("/admin/pengguna/%d", f.users[domain.RolePeserta].ID)
		cases := []textCase{
			{name: "ubah pengguna nama", as: domain.RoleAdmin, method: http.MethodPost, path: account, field: "nama", max: 200, emojiOK: http.StatusSeeOther,
				form: func(int) url.Values { return editValues(editor.get(account), nil) }},
			{name: "ubah pengguna email", as: domain.RoleAdmin, method: http.MethodPost, path: account, field: "email", max: 254,
				form: func(int) url.Values { return editValues(editor.get(account), nil) }},
			{name: "pengguna nama", as: domain.RoleAdmin, method: http.MethodPost, path: "/admin/pengguna", field: "nama", max: 200, emojiOK: http.StatusSeeOther,
				form: func(n int) url.Values {
					return url.Values{"nama": {"Budi"}, "email": {fmt.Sprintf("budi%d@sukamaju.test", n)}, "peran": {"peserta"}}
				}},
			{name: "pengguna email", as: domain.RoleAdmin, method: http.MethodPost, path: "/admin/pengguna", field: "email", max: 254,
				form: func(int) url.Values { return url.Values{"nama": {"Budi"}, "peran": {"peserta"}} }},
			{name: "OPD nama", as: domain.RoleAdmin, method: http.MethodPost, path: "/admin/opd", field: "nama", max: 200, emojiOK: http.StatusSeeOther,
				form: func(int) url.Values { return url.Values{"singkatan": {"Dispar"}, "jenis": {"dinas"}} }},
			{name: "OPD singkatan", as: domain.RoleAdmin, method: http.MethodPost, path: "/admin/opd", field: "singkatan", max: 50, emojiOK: http.StatusSeeOther,
				form: func(n int) url.Values {
					return url.Values{"nama": {fmt.Sprintf("Dinas Pariwisata %d", n)}, "jenis": {"dinas"}}
				}},
			{name: "akun OPD", as: domain.RoleAdmin, method: http.MethodPost, path: fmt.Sprintf("/admin/opd/%d/akun", f.opd.ID), field: "handle", max: 100,
				form: func(int) url.Values {
					return url.Values{"platform": {"website"}, "url": {"https://dinkes.sukamajukab.go.id"}}
				}},
			{name: "angkatan", as: domain.RoleAdmin, method: http.MethodPost, path: "/admin/angkatan", field: "name", max: 200, emojiOK: http.StatusSeeOther,
				form: func(int) url.Values {
					return url.Values{"course": {tcCourse}, "starts_on": {day}, "ends_on": {co.EndsOn.Format("2006-01-02")},
						"facilitators": {fmt.Sprint(f.users[domain.RoleFasilitator].ID)}}
				}},
			{name: "sesi topik", as: domain.RoleAdmin, method: http.MethodPost, path: fmt.Sprintf("/admin/angkatan/%d/sesi", co.ID), field: "topik", max: 300, emojiOK: http.StatusSeeOther,
				form: func(n int) url.Values {
					return url.Values{"tanggal": {day}, "mulai": {fmt.Sprintf("%02d:00", 8+n%8)}, "selesai": {fmt.Sprintf("%02d:30", 8+n%8)}, "tempat": {"Aula"}}
				}},
			{name: "sesi tempat", as: domain.RoleAdmin, method: http.MethodPost, path: fmt.Sprintf("/admin/angkatan/%d/sesi", co.ID), field: "tempat", max: 200,
				form: func(int) url.Values {
					return url.Values{"topik": {"Praktik menulis"}, "tanggal": {day}, "mulai": {"13:00"}, "selesai": {"14:00"}}
				}},
			{name: "peserta per email", as: domain.RoleAdmin, method: http.MethodPost, path: fmt.Sprintf("/admin/angkatan/%d/peserta", co.ID), field: "emails", max: 100000,
				form: func(int) url.Values { return url.Values{"cara": {"email"}} }},
			{name: "token", as: domain.RoleAdmin, method: http.MethodPost, path: "/admin/token", field: "name", max: 100, emojiOK: http.StatusSeeOther,
				form: func(int) url.Values { return url.Values{} }},
			{name: "pejabat nama", as: domain.RoleAdmin, method: http.MethodPost, path: "/admin/penanda-tangan", field: "nama", max: 200, emojiOK: http.StatusSeeOther,
				form: func(int) url.Values { return signerValues(t, db, f, url.Values{"jabatan": {"Kepala Dinas"}}) }},
			{name: "pejabat NIP", as: domain.RoleAdmin, method: http.MethodPost, path: "/admin/penanda-tangan", field: "nip", max: 40,
				form: func(int) url.Values {
					return signerValues(t, db, f, url.Values{"nama": {"Bambang"}, "jabatan": {"Kepala Dinas"}})
				}},
			{name: "pejabat jabatan", as: domain.RoleAdmin, method: http.MethodPost, path: "/admin/penanda-tangan", field: "jabatan", max: 300, emojiOK: http.StatusSeeOther,
				form: func(int) url.Values { return signerValues(t, db, f, url.Values{"nama": {"Bambang"}}) }},
			{name: "cari pengguna", as: domain.RoleAdmin, method: http.MethodGet, path: "/admin/pengguna", field: "q", max: 200, emojiOK: http.StatusOK,
				form: func(int) url.Values { return url.Values{} }},
			{name: "cari sertifikat", as: domain.RoleAdmin, method: http.MethodGet, path: "/admin/sertifikat", field: "q", max: 200, emojiOK: http.StatusOK,
				form: func(int) url.Values { return url.Values{} }},
			{name: "draf judul", as: domain.RolePeserta, method: http.MethodPost, path: practiceURL + "/draf", field: "judul", max: MaxHeadlineChars, cleans: true,
				form: func(int) url.Values { return url.Values{"isi": {"Isi draf."}} }},
			{name: "masuk email", method: http.MethodPost, path: "/masuk", field: "email", max: 254,
				form: func(int) url.Values { return url.Values{"password": {"tebakan-salah"}} }},
		}
		clients := map[domain.Role]*client{}
		for _, r := range domain.Roles {
			clients[r] = f.as(r)
		}
		send := func(tc textCase, vals url.Values) page {
			c := f.client()
			if tc.as != "" {
				c = clients[tc.as]
			}
			if tc.method == http.MethodGet {
				return c.get(tc.path + "?" + vals.Encode())
			}
			return c.post(tc.path, vals)
		}
		for i, tc := range cases {
			inputs := []struct{ kind, typed, kept, msg string }{
				{"terlalu panjang", strings.Repeat("é", tc.max+1), strings.Repeat("é", tc.max+1), ""},
				{"NUL", "Dinas\x00Jahat", "DinasJahat", "karakter kendali"},
				{"UTF-8 rusak", "Dinas \xff\xfeJahat", "Dinas \uFFFDJahat", "UTF-8"},
			}
			if tc.field == "email" || tc.field == "emails" {
				inputs[0].typed = strings.Repeat("a", tc.max) + "@x.id"
				inputs[0].kept = inputs[0].typed
			}
			if tc.cleans {
				inputs = inputs[:1]
			}
			for j, in := range inputs {
				vals := tc.form(100*i + j)
				vals.Set(tc.field, in.typed)
				p := send(tc, vals)
				if p.status != http.StatusUnprocessableEntity {
					t.Errorf("%s, %s: status %d, want 422", tc.name, in.kind, p.status)
					continue
				}
				errs := p.text(".field-error") + p.text(".error-summary")
				if in.msg != "" && !strings.Contains(errs, in.msg) {
					t.Errorf("%s, %s: message %q lacks %q", tc.name, in.kind, errs, in.msg)
				}
				if got := keptValue(p, tc.field); got != in.kept {
					t.Errorf("%s, %s: field shows %q (%d characters), want the typed text", tc.name, in.kind, clip(got, 40), len([]rune(got)))
				}
			}
			if tc.emojiOK != 0 {
				vals := tc.form(100*i + 9)
				vals.Set(tc.field, "Dinas 🚀 Sukamaju")
				if p := send(tc, vals); p.status != tc.emojiOK {
					t.Errorf("%s, emoji: status %d, want %d %s", tc.name, p.status, tc.emojiOK, p.text(".error-summary"))
				}
			}
		}
		// The review decision's general comment and the certificate's revoke reason.
		fac := clients[domain.RoleFasilitator]
		vals := decisionValues(fac.get(rc.url("")))
		vals.Set("decision", string(domain.DecisionReturn))
		vals.Set("umum", "Perbaiki\x00teras.")
		if p := fac.post(rc.url("/keputusan"), vals); p.status != http.StatusUnprocessableEntity || keptValue(p, "umum") != "Perbaikiteras." ||
			!strings.Contains(p.text(".error-summary"), "karakter kendali") {
			t.Errorf("review general comment with NUL: %d %q", p.status, p.text(".error-summary"))
		}
	})
}

// signerValues completes the signer form with the version it is at now.
func signerValues(t *testing.T, db *store.DB, f *fixture, v url.Values) url.Values {
	s, err := db.RegionSigner(t.Context(), f.opd.RegionID, false)
	if err != nil {
		t.Fatal(err)
	}
	v.Set("versi", fmt.Sprint(s.Version))
	return v
}
