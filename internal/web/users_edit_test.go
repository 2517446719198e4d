package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// editValues is the page's "Ubah data akun" form as handed out, with changes.
func editValues(p page, changes map[string]string) url.Values {
	v := url.Values{}
	for _, name := range []string{"lama_email", "lama_nama", "lama_peran", "lama_opd", "lama_admin_medsos", "nama", "email"} {
		v.Set(name, p.doc.Find(`form[action$="#ubah"] [name=`+name+`]`).AttrOr("value", ""))
	}
	v.Set("peran", p.doc.Find(`#peran option[selected]`).AttrOr("value", ""))
	v.Set("opd", p.doc.Find(`#opd option[selected]`).AttrOr("value", ""))
	if p.doc.Find(`form[action$="#ubah"] #admin_medsos[checked]`).Length() == 1 {
		v.Set("admin_medsos", "ya")
	}
	for k, x := range changes {
		if x == "" {
			v.Del(k)
		} else {
			v.Set(k, x)
		}
	}
	return v
}

// TestAdminEditsAccount: an admin corrects a user's email, name, OPD and role
// with the rules of "Buat akun" (an address without a domain ending is
// refused, as are a taken email and a pimpinan OPD without an OPD), the typed
// text kept on refusal; a saved change is audit-logged with before and after
// and takes effect on the user's open session.
func TestAdminEditsAccount(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		admin := f.as(domain.RoleAdmin)
		sari, sariClient := f.newUser(domain.RolePeserta, "sari@dinkes.test", "Sari Wulandari", &f.opd.ID)
		page := fmt.Sprintf("/admin/pengguna/%d", sari.ID)
		p := admin.get(page)
		if p.status != 200 || p.doc.Find(`form[action$="#ubah"] #email`).AttrOr("value", "") != "sari@dinkes.test" {
			t.Fatalf("account page has no edit form with the stored email: %d", p.status)
		}
		for _, tc := range []struct {
			name    string
			changes map[string]string
			field   string
			msg     string
		}{
			{"no domain ending", map[string]string{"email": "sari@dinkes"}, "email", "Format email tidak valid"},
			{"taken email", map[string]string{"email": f.users[domain.RoleFasilitator].Email}, "email", "sudah terdaftar"},
			{"pimpinan without OPD", map[string]string{"peran": "pimpinan_opd", "opd": ""}, "opd", "Pimpinan OPD harus terhubung"},
			{"empty name", map[string]string{"nama": "  "}, "nama", "wajib diisi"},
		} {
			r := admin.post(page, editValues(p, tc.changes))
			if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.text("#ubah-galat"), tc.msg) {
				t.Errorf("%s: %d %q", tc.name, r.status, r.text("#ubah-galat"))
				continue
			}
			if v, ok := tc.changes[tc.field]; ok && tc.field == "email" && r.doc.Find(`form[action$="#ubah"] #email`).AttrOr("value", "") != v {
				t.Errorf("%s: the typed email was not kept", tc.name)
			}
		}
		if u, _ := db.User(context.Background(), sari.ID); u.Email != "sari@dinkes.test" || u.Name != "Sari Wulandari" {
			t.Fatalf("a refused form changed the account: %+v", u)
		}
		// "Buat akun" refuses the same address.
		if r := admin.post("/admin/pengguna", url.Values{"nama": {"Tanpa Domain"}, "email": {"tanpa@domain"}, "peran": {"peserta"}}); r.status != 422 ||
			!strings.Contains(r.text(".error-summary"), "Format email tidak valid") {
			t.Errorf("create with an address without a domain ending: %d", r.status)
		}

		// A real correction: new email, name, OPD, role facilitator.
		r := admin.post(page, editValues(p, map[string]string{"email": "Sari.W@Dinkes.test", "nama": "Sari Wulandari, S.Sos.",
			"opd": fmt.Sprint(f.other.ID), "peran": "fasilitator", "admin_medsos": ""}))
		if r.status != http.StatusSeeOther || r.header.Get("Location") != page+"?pesan=diubah#pesan" {
			t.Fatalf("edit: %d %q %s", r.status, r.header.Get("Location"), r.text(".error-summary"))
		}
		after := admin.get(page + "?pesan=diubah")
		if !strings.Contains(after.text(".notice"), "Data akun disimpan") || !strings.Contains(after.text(".facts"), "sari.w@dinkes.test") ||
			!strings.Contains(after.text(".facts"), "Fasilitator") || !strings.Contains(after.text(".facts"), f.other.Name) {
			t.Fatalf("after editing: %q / %q", after.text(".notice"), after.text(".facts"))
		}
		audit, err := db.AuditFor(context.Background(), "user", fmt.Sprint(sari.ID), 10)
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, a := range audit {
			if a.Action == "user.update" && strings.Contains(a.BeforeJSON, `"sari@dinkes.test"`) && strings.Contains(a.AfterJSON, `"sari.w@dinkes.test"`) &&
				strings.Contains(a.AfterJSON, `"fasilitator"`) && a.ActorID != nil && *a.ActorID == f.users[domain.RoleAdmin].ID {
				found = true
			}
		}
		if !found {
			t.Fatalf("no user.update audit entry with before and after: %+v", audit)
		}
		// The open session follows the new role at once.
		if g := sariClient.get("/penilaian"); g.status != http.StatusOK {
			t.Fatalf("the new facilitator's open session: /penilaian %d", g.status)
		}
		// The same form again (a second tab): the page changed under it.
		if r := admin.post(page, editValues(p, map[string]string{"nama": "Sari W."})); r.status != http.StatusConflict ||
			!strings.Contains(r.text(".error-summary"), "baru saja diubah oleh admin lain") || r.doc.Find(`form[action$="#ubah"] #nama`).AttrOr("value", "") != "Sari W." {
			t.Fatalf("stale form: %d %q", r.status, r.text(".error-summary"))
		}
		// An admin cannot take away their own role.
		self := fmt.Sprintf("/admin/pengguna/%d", f.users[domain.RoleAdmin].ID)
		if r := admin.post(self, editValues(admin.get(self), map[string]string{"peran": "peserta"})); r.status != 422 ||
			!strings.Contains(r.text("#ubah-galat"), "peran akun Anda sendiri") {
			t.Fatalf("own role: %d", r.status)
		}
	})
}

// TestSameMomentAccountEdits: two admins save different corrections of one
// account from the same page at the same moment; one is stored, the other is
// told and changes nothing, never a 500 and never a mixture. Both engines.
func TestSameMomentAccountEdits(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		a1 := f.as(domain.RoleAdmin)
		_, a2 := f.newUser(domain.RoleAdmin, "admin2@sukamaju.test", "Admin Dua", nil)
		u, _ := f.newUser(domain.RolePeserta, "rudi@sukamaju.test", "Rudi", &f.opd.ID)
		page := fmt.Sprintf("/admin/pengguna/%d", u.ID)
		c1, c2 := a1.csrf(), a2.csrf()
		for round := range raceRounds {
			p := a1.get(page)
			one := editValues(p, map[string]string{"nama": fmt.Sprintf("Rudi Satu %d", round), "opd": fmt.Sprint(f.opd.ID)})
			two := editValues(p, map[string]string{"nama": fmt.Sprintf("Rudi Dua %d", round), "opd": fmt.Sprint(f.other.ID)})
			rs := together(func() reply { return a1.send(page, one, c1) }, func() reply { return a2.send(page, two, c2) })
			won, lost := 0, 0
			for _, r := range rs {
				switch {
				case r.err != nil:
					t.Fatalf("round %d: %v", round, r.err)
				case r.status == http.StatusSeeOther:
					won++
				case r.status == http.StatusConflict && strings.Contains(r.body, "baru saja diubah oleh admin lain"):
					lost++
				default:
					t.Fatalf("round %d: status %d", round, r.status)
				}
			}
			if won != 1 || lost != 1 {
				t.Fatalf("round %d: %d stored, %d told; want 1 and 1", round, won, lost)
			}
			got, _ := db.User(context.Background(), u.ID)
			first := rs[0].status == http.StatusSeeOther
			if (first && (got.Name != fmt.Sprintf("Rudi Satu %d", round) || *got.OPDID != f.opd.ID)) ||
				(!first && (got.Name != fmt.Sprintf("Rudi Dua %d", round) || *got.OPDID != f.other.ID)) {
				t.Fatalf("round %d: a mixture was stored: %q in OPD %d", round, got.Name, *got.OPDID)
			}
		}
	})
}
