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

// cohortEditValues is the page's "Ubah angkatan" form as handed out, with changes.
func cohortEditValues(p page, changes map[string]string) url.Values {
	v := url.Values{}
	p.doc.Find(`form[action$="/ubah"] input`).Each(func(_ int, s *goquerySelection) {
		v.Set(s.AttrOr("name", ""), s.AttrOr("value", ""))
	})
	v.Del(CSRFField) // each client sends its own
	for k, x := range changes {
		v.Set(k, x)
	}
	return v
}

// TestAdminEditsCohort: the admin corrects a cohort's name and dates with the
// rules of creation (a typed mistake kept and named, a taken name refused);
// a saved change is audit-logged; a form opened before another admin saved is
// refused with 409, and of two saves at once one is stored. Both engines.
func TestAdminEditsCohort(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		co := f.enrollTrainee()
		openCohort(f, "Angkatan Lain")
		admin := f.as(domain.RoleAdmin)
		page := fmt.Sprintf("/admin/angkatan/%d", co.ID)
		p := admin.get(page)
		if p.doc.Find(`form[action="`+page+`/ubah"] #ubah-nama`).AttrOr("value", "") != "Angkatan Uji" {
			t.Fatal("no edit form with the cohort's name")
		}
		start := co.StartsOn.Format("2006-01-02")
		for _, tc := range []struct {
			name    string
			changes map[string]string
			want    string
		}{
			{"end before start", map[string]string{"ends_on": co.StartsOn.AddDate(0, 0, -1).Format("2006-01-02")}, "tidak boleh sebelum tanggal mulai"},
			{"unreadable date", map[string]string{"starts_on": "31/02/20xx"}, "tidak dapat dibaca"},
			{"taken name", map[string]string{"name": "Angkatan Lain"}, "sudah dipakai"},
		} {
			r := admin.post(page+"/ubah", cohortEditValues(p, tc.changes))
			if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.text(".error-summary"), tc.want) || r.doc.Find("details[open] #ubah-nama").Length() != 1 {
				t.Errorf("%s: %d %q", tc.name, r.status, r.text(".error-summary"))
			}
		}
		r := admin.post(page+"/ubah", cohortEditValues(p, map[string]string{"name": "Angkatan Uji I", "ends_on": co.EndsOn.AddDate(0, 0, 7).Format("2006-01-02")}))
		if r.status != http.StatusSeeOther || r.header.Get("Location") != page+"?pesan=diubah#pesan" {
			t.Fatalf("edit: %d %q %s", r.status, r.header.Get("Location"), r.text(".error-summary"))
		}
		got, _ := db.Cohort(context.Background(), co.ID)
		if got.Name != "Angkatan Uji I" || got.EndsOn.Format("2006-01-02") != co.EndsOn.AddDate(0, 0, 7).Format("2006-01-02") || got.StartsOn.Format("2006-01-02") != start {
			t.Fatalf("stored: %+v", got)
		}
		if a, _ := db.AuditFor(context.Background(), "cohort", fmt.Sprint(co.ID), 10); len(a) == 0 || a[0].Action != "cohort.update" || !strings.Contains(a[0].BeforeJSON, "Angkatan Uji") {
			t.Fatalf("audit: %+v", a)
		}
		// The first page's form again: refused, nothing changed.
		if r := admin.post(page+"/ubah", cohortEditValues(p, map[string]string{"name": "Angkatan Basi"})); r.status != http.StatusConflict ||
			!strings.Contains(r.text(".error-summary"), "baru saja diubah oleh admin lain") {
			t.Fatalf("stale form: %d %q", r.status, r.text(".error-summary"))
		}
		// Two admins at once from the same page.
		_, admin2 := f.newUser(domain.RoleAdmin, "admin2@sukamaju.test", "Admin Dua", nil)
		for round := range 10 {
			fresh := admin.get(page)
			one := cohortEditValues(fresh, map[string]string{"name": fmt.Sprintf("Angkatan Satu %d", round)})
			two := cohortEditValues(fresh, map[string]string{"name": fmt.Sprintf("Angkatan Dua %d", round)})
			c1, c2 := admin.csrf(), admin2.csrf()
			rs := together(func() reply { return admin.send(page+"/ubah", one, c1) }, func() reply { return admin2.send(page+"/ubah", two, c2) })
			won := 0
			for _, x := range rs {
				switch {
				case x.err != nil:
					t.Fatal(x.err)
				case x.status == http.StatusSeeOther:
					won++
				case x.status != http.StatusConflict:
					t.Fatalf("round %d: status %d", round, x.status)
				}
			}
			if won != 1 {
				t.Fatalf("round %d: %d saves stored, want 1", round, won)
			}
		}
	})
}
