package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestStaffPagesInEnglish walks the pages of admins, facilitators (with a
// release waiting for review) and an agency head who chose English, as the server sends them: no Indonesian word
// of the interface (indonesianUIWords) outside the course's content and the
// data people entered (names of people, agencies, cohorts).
func TestStaffPagesInEnglish(t *testing.T) {
	t.Parallel()
	rc := newReviewCase(t, testkit.SQLite(t))
	f, cohort := rc.fixture, rc.cohort
	co := f.srv.cfg.Catalog.Course(tcCourse)
	data := []string{rvHeadline, "ya or tidak", "Kepala Dinas Komunikasi dan Informatika", co.Title, co.Certificate.Title, cohort.Name, "Pemerintah Kabupaten Sukamaju", f.opd.Name, f.opd.ShortName, f.other.Name, f.other.ShortName}
	for _, it := range co.Items {
		data = append(data, it.Title)
	}
	for _, m := range co.Modules {
		data = append(data, m.Title)
	}
	for _, u := range f.users {
		data = append(data, u.Name, u.Email)
	}
	sort.Slice(data, func(i, j int) bool { return len(data[i]) > len(data[j]) })
	words := regexp.MustCompile(`\b(` + strings.Join(indonesianUIWords, "|") + `)\b`)
	pages := map[domain.Role][]string{
		domain.RoleAdmin: {"/beranda", "/admin/angkatan", fmt.Sprintf("/admin/angkatan/%d", cohort.ID), "/admin/opd", fmt.Sprintf("/admin/opd/%d", f.opd.ID),
			"/admin/pengguna", fmt.Sprintf("/admin/pengguna/%d", f.users[domain.RolePeserta].ID), "/admin/pengguna/impor", "/admin/token",
			"/admin/sertifikat", "/kepatuhan", "/admin/penanda-tangan", "/admin/kesesuaian", "/pemberitahuan", "/akun"},
		domain.RoleFasilitator: {"/beranda", "/penilaian", fmt.Sprintf("/penilaian/%d", rc.sub.ID), fmt.Sprintf("/latihan/%d/versi/1", rc.sub.ID),
			fmt.Sprintf("/fasilitator/angkatan/%d", cohort.ID)},
		domain.RolePimpinanOPD: {"/beranda", fmt.Sprintf("/opd/%d", f.opd.ID)},
	}
	for role, paths := range pages {
		c := f.as(role)
		if p := c.post("/akun/bahasa", url.Values{"bahasa": {"en"}}); p.status != http.StatusSeeOther {
			t.Fatalf("%s chooses en: %d", role, p.status)
		}
		for _, path := range paths {
			p := c.get(path)
			if p.status != http.StatusOK || htmlLang(p) != "en" {
				t.Errorf("%s %s: %d, lang %q", role, path, p.status, htmlLang(p))
				continue
			}
			p.doc.Find(strings.ReplaceAll(contentSelectors, "\n", " ")).Remove()
			text := strings.Join(strings.Fields(p.doc.Find("body").Text()), " ")
			for _, d := range data {
				if d != "" {
					text = strings.ReplaceAll(text, d, " ")
				}
			}
			if leaks := words.FindAllString(text, -1); len(leaks) > 0 {
				t.Errorf("%s %s shows Indonesian %q in:\n%s", role, path, leaks, text)
			}
		}
	}
	// The import's problems, line by line, with their values.
	p := f.as(domain.RoleAdmin).upload("/admin/pengguna/impor", "pengguna.csv", "email,nama,peran,opd,admin_medsos\n"+
		"tanpa@domain,Tanpa Domain,peserta,,\nbudi@dinkes.test,Budi,raja,Dinas Antah,mungkin\n")
	got := p.text("#masalah tbody")
	for _, want := range []string{`email “tanpa@domain” is not valid`, `role “raja” is unknown`, `agency “Dinas Antah” not found`, `admin_medsos “mungkin” must be ya or tidak`} {
		if p.status != http.StatusUnprocessableEntity || !strings.Contains(got, want) {
			t.Errorf("import problems (%d) lack %q: %q", p.status, want, got)
		}
	}
}
