package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// newCourseFixture is the standard fixture with the test course loaded and synced,
// since a cohort needs a course.
func newCourseFixture(t testing.TB, db *store.DB) *fixture {
	t.Helper()
	f := newFixture(t, db)
	f.withCourse()
	return f
}

var (
	cohortHashOnce sync.Once
	cohortHash     string
)

// cohortTestUser creates one more account (password testPassword).
func cohortTestUser(f *fixture, regionID int64, opd *int64, email, name string, role domain.Role) domain.User {
	f.t.Helper()
	cohortHashOnce.Do(func() {
		h, err := auth.HashPassword(testPassword)
		if err != nil {
			panic(err)
		}
		cohortHash = h
	})
	u, err := f.db.CreateUser(context.Background(), nil, domain.NewUser{RegionID: regionID, OPDID: opd, Email: email, Name: name, Role: role, PasswordHash: cohortHash})
	if err != nil {
		f.t.Fatalf("create %s: %v", email, err)
	}
	return u
}

// cohortLogin returns a client logged in as u.
func cohortLogin(f *fixture, u domain.User) *client {
	f.t.Helper()
	c := f.client()
	if p := c.login(u.Email, testPassword); p.status != http.StatusSeeOther {
		f.t.Fatalf("login as %s: %d", u.Email, p.status)
	}
	return c
}

// fixtureRegion is the fixture's region id.
func fixtureRegion(f *fixture) int64 { return f.users[domain.RoleAdmin].RegionID }

// cohortToday is the first day of the cohorts the tests open: today in WIB.
func cohortToday(f *fixture) time.Time {
	n := f.clock.now.In(WIB)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

// openCohort creates a cohort of the test course in the store, running from
// today for 30 days, facilitated by facs (the fixture's facilitator when none).
func openCohort(f *fixture, name string, facs ...int64) domain.Cohort {
	f.t.Helper()
	if len(facs) == 0 {
		facs = []int64{f.users[domain.RoleFasilitator].ID}
	}
	day := cohortToday(f)
	co, err := f.db.CreateCohort(context.Background(), nil, domain.NewCohort{RegionID: fixtureRegion(f), CourseID: tcCourse, Name: name,
		StartsOn: day, EndsOn: day.AddDate(0, 0, 30), FacilitatorIDs: facs})
	if err != nil {
		f.t.Fatal(err)
	}
	return co
}

// openSession schedules a two-hour session of co starting at the given moment.
func openSession(f *fixture, co domain.Cohort, topic string, at time.Time) domain.LiveSession {
	f.t.Helper()
	ls, err := f.db.CreateLiveSession(context.Background(), nil, domain.LiveSession{CohortID: co.ID, Topic: topic, StartsAt: at, EndsAt: at.Add(2 * time.Hour), Place: "Aula Setda"})
	if err != nil {
		f.t.Fatal(err)
	}
	return ls
}

func enroll(f *fixture, co domain.Cohort, users ...domain.User) {
	f.t.Helper()
	var ids []int64
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	if _, err := f.db.Enroll(context.Background(), nil, co.ID, ids); err != nil {
		f.t.Fatal(err)
	}
}

// fieldError returns the message shown next to the control with id field.
func fieldError(p page, field string) string {
	return strings.TrimSpace(p.doc.Find("#" + field).Closest(".has-error").Find(".field-error").First().Text())
}

// summaryHas reports whether the error summary links to #field with a message containing msg.
func summaryHas(p page, field, msg string) bool {
	found := false
	p.doc.Find(`.error-summary a[href="#` + field + `"]`).Each(func(_ int, s *goquerySelection) {
		found = found || strings.Contains(s.Text(), msg)
	})
	return found
}

func TestCohortCreate(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newCourseFixture(t, db)
		ctx := context.Background()
		fac := f.users[domain.RoleFasilitator]
		admin := f.as(domain.RoleAdmin)

		p := admin.get("/admin/angkatan")
		if p.status != 200 || p.text("h1") != "Angkatan" || p.doc.Find("h1").Length() != 1 {
			t.Fatalf("list: %d %q", p.status, p.text("h1"))
		}
		for _, id := range []string{"name", "course", "starts_on", "ends_on", fmt.Sprintf("fasilitator-%d", fac.ID)} {
			if p.doc.Find(`label[for="`+id+`"]`).Length() != 1 || p.doc.Find("#"+id).Length() != 1 {
				t.Errorf("control %s lacks its visible label", id)
			}
		}
		if p.doc.Find(`select#course option[value="`+tcCourse+`"]`).Length() != 1 {
			t.Error("the test course is not offered")
		}
		if p.doc.Find(`input[name=facilitators][value="`+fmt.Sprint(f.users[domain.RolePeserta].ID)+`"]`).Length() != 0 {
			t.Error("a peserta is offered as facilitator")
		}
		if strings.TrimSpace(p.doc.Find(`form[action="/admin/angkatan"] button[type=submit]`).Text()) != "Buat angkatan" {
			t.Error("no 'Buat angkatan' button")
		}

		start := cohortToday(f).AddDate(0, 0, 1)
		valid := func() url.Values {
			return url.Values{"name": {"Angkatan I 2026"}, "course": {tcCourse}, "starts_on": {start.Format("2006-01-02")},
				"ends_on": {start.AddDate(0, 0, 14).Format("2006-01-02")}, "facilitators": {fmt.Sprint(fac.ID)}}
		}
		p = admin.post("/admin/angkatan", valid())
		loc := p.header.Get("Location")
		if p.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/angkatan/") || !strings.HasSuffix(loc, "?pesan=dibuat") {
			t.Fatalf("create: %d → %q %s", p.status, loc, p.text(".error-summary"))
		}
		co, err := db.CohortByName(ctx, fixtureRegion(f), "Angkatan I 2026")
		if err != nil {
			t.Fatal(err)
		}
		if co.CourseID != tcCourse || co.StartsOn.Format("2006-01-02") != start.Format("2006-01-02") || co.EndsOn.Sub(co.StartsOn) != 14*24*time.Hour {
			t.Fatalf("stored cohort: %+v", co)
		}
		if yes, _ := db.Facilitates(ctx, fac.ID, co.ID); !yes {
			t.Fatal("facilitator not assigned")
		}
		p = admin.get(loc)
		if p.status != 200 || p.text("h1") != "Angkatan I 2026" || !strings.Contains(p.text(".flash"), "Angkatan berhasil dibuat") {
			t.Fatalf("cohort page: %d %q %q", p.status, p.text("h1"), p.text(".flash"))
		}
		facts := p.text(".facts")
		if !strings.Contains(facts, "Kursus Uji Admin Medsos") || !strings.Contains(facts, shortDate(start)+" s.d. "+shortDate(start.AddDate(0, 0, 14))) {
			t.Errorf("facts: %q", facts)
		}
		row := admin.get("/admin/angkatan").doc.Find("table tbody tr").First()
		if row.Find(fmt.Sprintf(`a[href="/admin/angkatan/%d"]`, co.ID)).Text() != "Angkatan I 2026" ||
			!strings.Contains(row.Text(), "Kursus Uji Admin Medsos") || !strings.Contains(row.Text(), shortDate(start)) {
			t.Errorf("list row: %q", row.Text())
		}

		// Day/month/year as typed into a plain text box is accepted too.
		alt := valid()
		alt.Set("name", "Angkatan II 2026")
		alt.Set("starts_on", start.Format("02/01/2006"))
		if p := admin.post("/admin/angkatan", alt); p.status != http.StatusSeeOther {
			t.Fatalf("dd/mm/yyyy: %d %s", p.status, p.text(".error-summary"))
		}

		cases := []struct {
			name  string
			edit  func(v url.Values)
			field string
			msg   string
		}{
			{"nama kosong", func(v url.Values) { v.Set("name", "  ") }, "name", "Nama angkatan wajib diisi."},
			{"nama pendek", func(v url.Values) { v.Set("name", "AB") }, "name", "paling sedikit 3 karakter"},
			{"nama panjang", func(v url.Values) { v.Set("name", strings.Repeat("é", 201)) }, "name", "paling banyak 200 karakter"},
			{"nama dipakai", func(v url.Values) {}, "name", "sudah dipakai"},
			{"tanpa kursus", func(v url.Values) { v.Set("name", "Angkatan III"); v.Del("course") }, "course", "Pilih kursus"},
			{"kursus tidak ada", func(v url.Values) { v.Set("name", "Angkatan III"); v.Set("course", "tidak-ada") }, "course", "tidak ada"},
			{"mulai kosong", func(v url.Values) { v.Set("name", "Angkatan III"); v.Set("starts_on", "") }, "starts_on", "Tanggal mulai wajib diisi."},
			{"mulai tak terbaca", func(v url.Values) { v.Set("name", "Angkatan III"); v.Set("starts_on", "besok pagi") }, "starts_on", "tidak dapat dibaca"},
			{"selesai sebelum mulai", func(v url.Values) {
				v.Set("name", "Angkatan III")
				v.Set("ends_on", start.AddDate(0, 0, -1).Format("2006-01-02"))
			}, "ends_on", "tidak boleh sebelum tanggal mulai"},
			{"tanpa fasilitator", func(v url.Values) { v.Set("name", "Angkatan III"); v.Del("facilitators") }, "fasilitator", "sedikitnya satu fasilitator"},
			{"bukan fasilitator", func(v url.Values) {
				v.Set("name", "Angkatan III")
				v.Set("facilitators", fmt.Sprint(f.users[domain.RolePeserta].ID))
			}, "fasilitator", "tidak ditemukan di wilayah Anda"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				form := valid()
				tc.edit(form)
				p := admin.post("/admin/angkatan", form)
				if p.status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", p.status)
				}
				if !summaryHas(p, tc.field, tc.msg) {
					t.Errorf("summary lacks %q for #%s: %q", tc.msg, tc.field, p.text(".error-summary"))
				}
				if got := fieldError(p, tc.field); !strings.Contains(got, tc.msg) {
					t.Errorf("field error next to #%s = %q, want %q", tc.field, got, tc.msg)
				}
				// What was typed is kept.
				if v, _ := p.doc.Find("#name").Attr("value"); v != strings.TrimSpace(form.Get("name")) {
					t.Errorf("name kept as %q, want %q", v, form.Get("name"))
				}
				if v, _ := p.doc.Find("#starts_on").Attr("value"); v != form.Get("starts_on") {
					t.Errorf("start kept as %q, want %q", v, form.Get("starts_on"))
				}
				if v, _ := p.doc.Find("#ends_on").Attr("value"); v != form.Get("ends_on") {
					t.Errorf("end kept as %q, want %q", v, form.Get("ends_on"))
				}
				if form.Get("course") == tcCourse && p.doc.Find(`#course option[selected]`).AttrOr("value", "") != tcCourse {
					t.Error("course choice lost")
				}
				_, checked := p.doc.Find(fmt.Sprintf("#fasilitator-%d", fac.ID)).Attr("checked")
				if want := form.Get("facilitators") == fmt.Sprint(fac.ID); checked != want {
					t.Errorf("facilitator checked = %v, want %v", checked, want)
				}
			})
		}
		if n, _ := db.CountCohorts(ctx, fixtureRegion(f)); n != 2 {
			t.Fatalf("%d cohorts stored, want 2: refused forms must store nothing", n)
		}
	})
}

func TestCohortEnroll(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newCourseFixture(t, db)
		ctx := context.Background()
		co := openCohort(f, "Angkatan Pendaftaran")
		cohortTestUser(f, fixtureRegion(f), &f.opd.ID, "siti@sukamaju.test", "Siti Aminah", domain.RolePeserta)
		cohortTestUser(f, fixtureRegion(f), &f.other.ID, "budi@sukamaju.test", "Budi Santoso", domain.RolePeserta)
		far, err := db.EnsureRegion(ctx, "kota-jauh", "Pemerintah Kota Jauh", "JAU")
		if err != nil {
			t.Fatal(err)
		}
		farOPD, err := db.EnsureOPD(ctx, far.ID, "Dinas Kesehatan", "Dinkes", "dinas")
		if err != nil {
			t.Fatal(err)
		}
		cohortTestUser(f, far.ID, &farOPD.ID, "dewi@jauh.test", "Dewi", domain.RolePeserta)
		empty, err := db.EnsureOPD(ctx, fixtureRegion(f), "Kecamatan Sukamaju", "", "kecamatan")
		if err != nil {
			t.Fatal(err)
		}
		admin := f.as(domain.RoleAdmin)
		path := fmt.Sprintf("/admin/angkatan/%d/peserta", co.ID)

		// By OPD: the fixture's peserta and Siti, not the pimpinan or the facilitator.
		p := admin.post(path, url.Values{"cara": {"opd"}, "opd": {fmt.Sprint(f.opd.ID)}})
		if p.status != http.StatusSeeOther {
			t.Fatalf("enroll by OPD: %d %s", p.status, p.text(".error-summary"))
		}
		p = admin.get(p.header.Get("Location"))
		if got := p.text(".flash"); got != "Sebanyak 2 peserta didaftarkan ke angkatan ini." {
			t.Fatalf("flash %q", got)
		}
		if rows := p.doc.Find("#peserta ~ .table-wrap tbody tr"); rows.Length() != 2 || !strings.Contains(rows.Text(), "Siti Aminah") || !strings.Contains(rows.Text(), "Uji Peserta") {
			t.Fatalf("members: %q", rows.Text())
		}
		p = admin.get(admin.post(path, url.Values{"cara": {"opd"}, "opd": {fmt.Sprint(f.opd.ID)}}).header.Get("Location"))
		if got := p.text(".flash"); got != "Tidak ada peserta baru yang didaftarkan. Sebanyak 2 peserta sudah terdaftar sebelumnya." {
			t.Fatalf("second time: flash %q", got)
		}

		opdCases := []struct{ name, opd, msg string }{
			{"tanpa OPD", "", "Pilih OPD"},
			{"OPD wilayah lain", fmt.Sprint(farOPD.ID), "tidak ditemukan di wilayah Anda"},
			{"OPD tanpa peserta", fmt.Sprint(empty.ID), "Kecamatan Sukamaju belum memiliki peserta aktif."},
		}
		for _, tc := range opdCases {
			p := admin.post(path, url.Values{"cara": {"opd"}, "opd": {tc.opd}})
			if p.status != 422 || !summaryHas(p, "opd", tc.msg) || !strings.Contains(fieldError(p, "opd"), tc.msg) {
				t.Errorf("%s: %d %q", tc.name, p.status, p.text(".error-summary"))
			}
			// An OPD of another region is not on the list, so nothing can stay selected.
			if got := p.doc.Find("#opd option[selected]").AttrOr("value", ""); tc.opd != fmt.Sprint(farOPD.ID) && got != tc.opd {
				t.Errorf("%s: OPD choice kept as %q", tc.name, got)
			}
		}

		// By email: every bad line is reported with its number; nothing is enrolled.
		text := "budi@sukamaju.test\n\nhantu@sukamaju.test\nbukan-email\nfasilitator@sukamaju.test\ndewi@jauh.test"
		p = admin.post(path, url.Values{"cara": {"email"}, "emails": {text}})
		if p.status != 422 {
			t.Fatalf("bad emails: %d", p.status)
		}
		want := []string{
			"baris 3: hantu@sukamaju.test tidak terdaftar",
			`baris 4: “bukan-email” bukan alamat email yang valid`,
			"baris 5: fasilitator@sukamaju.test bukan peserta (perannya Fasilitator)",
			"baris 6: dewi@jauh.test tidak terdaftar",
		}
		var got []string
		p.doc.Find("#emails-error li").Each(func(_ int, s *goquerySelection) { got = append(got, s.Text()) })
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("line problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for _, w := range want {
			if !summaryHas(p, "emails", w) {
				t.Errorf("summary lacks %q", w)
			}
		}
		if kept := p.doc.Find("textarea#emails").Text(); kept != text {
			t.Fatalf("pasted text not kept: %q", kept)
		}
		if n, _ := db.CountCohortMembers(ctx, co.ID); n != 2 {
			t.Fatalf("%d members after a refused list, want 2", n)
		}
		if p := admin.post(path, url.Values{"cara": {"email"}, "emails": {"\n \n"}}); p.status != 422 || !strings.Contains(fieldError(p, "emails"), "sedikitnya satu email") {
			t.Fatalf("empty list: %d %q", p.status, fieldError(p, "emails"))
		}

		// A good list, with a display name and a duplicate, enrolls Budi once.
		p = admin.post(path, url.Values{"cara": {"email"}, "emails": {"Budi Santoso <BUDI@sukamaju.test>\r\nbudi@sukamaju.test\r\n"}})
		if p.status != http.StatusSeeOther || !strings.Contains(p.header.Get("Location"), "jumlah=1&sudah=0") {
			t.Fatalf("good list: %d → %s %s", p.status, p.header.Get("Location"), p.text(".error-summary"))
		}
		members, err := db.CohortMembers(ctx, co.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(members) != 3 {
			t.Fatalf("%d members, want 3", len(members))
		}
		// Progress: the fixture's peserta finishes one lesson.
		for _, m := range members {
			if m.UserID == f.users[domain.RolePeserta].ID {
				if err := db.SetItemState(ctx, m.EnrollmentID, tcCourse, tcLesson1, "h", domain.StateDone); err != nil {
					t.Fatal(err)
				}
			}
		}
		p = admin.get(fmt.Sprintf("/admin/angkatan/%d", co.ID))
		p.doc.Find("#peserta ~ .table-wrap tbody tr").Each(func(_ int, r *goquerySelection) {
			name := r.Find("th").First().Text()
			want := "Kemajuan 0 dari 4 item selesai"
			if strings.Contains(name, "Uji Peserta") {
				want = "Kemajuan 1 dari 4 item selesai"
			}
			if got := r.Find("td").Eq(2).Text(); got != want {
				t.Errorf("%s: progress %q, want %q", name, got, want)
			}
		})
	})
}

func TestCohortFacilitatorAndSession(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newCourseFixture(t, db)
		ctx := context.Background()
		co := openCohort(f, "Angkatan Sesi")
		rina := cohortTestUser(f, fixtureRegion(f), nil, "rina@sukamaju.test", "Rina Fasilitator", domain.RoleFasilitator)
		admin := f.as(domain.RoleAdmin)
		page := fmt.Sprintf("/admin/angkatan/%d", co.ID)

		p := admin.get(page)
		if p.doc.Find(fmt.Sprintf(`#fasilitator option[value="%d"]`, rina.ID)).Length() != 1 ||
			p.doc.Find(fmt.Sprintf(`#fasilitator option[value="%d"]`, f.users[domain.RoleFasilitator].ID)).Length() != 0 {
			t.Fatal("the select must offer exactly the unassigned facilitators")
		}
		p = admin.post(page+"/fasilitator", url.Values{"fasilitator": {fmt.Sprint(rina.ID)}})
		if p.status != http.StatusSeeOther {
			t.Fatalf("add facilitator: %d %s", p.status, p.text(".error-summary"))
		}
		if got := admin.get(p.header.Get("Location")); got.text(".flash") != "Fasilitator berhasil ditambahkan." || !strings.Contains(got.text(".people"), "Rina Fasilitator") {
			t.Fatalf("after adding: %q / %q", got.text(".flash"), got.text(".people"))
		}
		if yes, _ := db.Facilitates(ctx, rina.ID, co.ID); !yes {
			t.Fatal("Rina not assigned")
		}
		for name, tc := range map[string]struct{ value, msg string }{
			"kosong":      {"", "Pilih fasilitator"},
			"sudah":       {fmt.Sprint(rina.ID), "Rina Fasilitator sudah menjadi fasilitator angkatan ini."},
			"bukan fasil": {fmt.Sprint(f.users[domain.RolePeserta].ID), "tidak ditemukan di wilayah Anda"},
			"tidak ada":   {"999999", "tidak ditemukan di wilayah Anda"},
		} {
			p := admin.post(page+"/fasilitator", url.Values{"fasilitator": {tc.value}})
			if p.status != 422 || !summaryHas(p, "fasilitator", tc.msg) {
				t.Errorf("%s: %d %q", name, p.status, p.text(".error-summary"))
			}
		}

		// A session entered in WIB is stored in UTC and shown in WIB.
		day := co.StartsOn.AddDate(0, 0, 2)
		sessionForm := url.Values{"topik": {"Praktik menulis rilis"}, "tanggal": {day.Format("2006-01-02")},
			"mulai": {"09:00"}, "selesai": {"11.30"}, "tempat": {"Aula Setda Kabupaten Sukamaju"}, "narasumber": {""}}
		p = admin.post(page+"/sesi", sessionForm)
		if p.status != http.StatusSeeOther {
			t.Fatalf("add session: %d %s", p.status, p.text(".error-summary"))
		}
		// A double click sends the same form again: still one session.
		if again := admin.post(page+"/sesi", sessionForm); again.status != http.StatusSeeOther {
			t.Fatalf("resubmitted session: %d", again.status)
		}
		ss, err := db.SessionsOfCohort(ctx, co.ID)
		if err != nil || len(ss) != 1 {
			t.Fatalf("sessions: %v %v", ss, err)
		}
		wantStart := time.Date(day.Year(), day.Month(), day.Day(), 2, 0, 0, 0, time.UTC)
		if !ss[0].StartsAt.Equal(wantStart) || !ss[0].EndsAt.Equal(wantStart.Add(150*time.Minute)) {
			t.Fatalf("stored %v–%v, want %v for 09.00–11.30 WIB", ss[0].StartsAt, ss[0].EndsAt, wantStart)
		}
		p = admin.get(p.header.Get("Location"))
		row := p.doc.Find("#sesi ~ .table-wrap tbody tr").First()
		if p.text(".flash") != "Sesi tatap muka berhasil dijadwalkan." || !strings.Contains(row.Text(), longDate(day)+", pukul 09.00–11.30 WIB") {
			t.Fatalf("session row: %q (flash %q)", row.Text(), p.text(".flash"))
		}
		if href := row.Find("a").AttrOr("href", ""); href != fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", ss[0].ID) {
			t.Errorf("attendance link %q", href)
		}

		valid := func() url.Values {
			return url.Values{"topik": {"Komunikasi krisis"}, "tanggal": {day.Format("2006-01-02")}, "mulai": {"13:00"}, "selesai": {"15:00"},
				"tempat": {"Ruang Rapat Diskominfo"}, "narasumber": {"Jurnalis senior"}}
		}
		cases := []struct {
			name, key, value, field, msg string
		}{
			{"topik pendek", "topik", "ab", "sesi-topik", "paling sedikit 3 karakter"},
			{"tanggal kosong", "tanggal", "", "sesi-tanggal", "Tanggal wajib diisi."},
			{"di luar masa angkatan", "tanggal", co.EndsOn.AddDate(0, 0, 1).Format("2006-01-02"), "sesi-tanggal", "dalam masa angkatan"},
			{"pukul tak terbaca", "mulai", "9 pagi", "sesi-mulai", "tidak dapat dibaca"},
			{"selesai sebelum mulai", "selesai", "12:59", "sesi-selesai", "harus setelah pukul mulai"},
			{"tanpa tempat", "tempat", "", "sesi-tempat", "Tempat wajib diisi."},
		}
		for _, tc := range cases {
			form := valid()
			form.Set(tc.key, tc.value)
			p := admin.post(page+"/sesi", form)
			if p.status != 422 || !summaryHas(p, tc.field, tc.msg) || !strings.Contains(fieldError(p, tc.field), tc.msg) {
				t.Errorf("%s: %d summary %q field %q", tc.name, p.status, p.text(".error-summary"), fieldError(p, tc.field))
				continue
			}
			if v := p.doc.Find("#sesi-topik").AttrOr("value", ""); v != form.Get("topik") {
				t.Errorf("%s: topic kept as %q", tc.name, v)
			}
			if v := p.doc.Find("#sesi-narasumber").AttrOr("value", ""); v != "Jurnalis senior" {
				t.Errorf("%s: speaker kept as %q", tc.name, v)
			}
		}
		if ss, _ := db.SessionsOfCohort(ctx, co.ID); len(ss) != 1 {
			t.Fatalf("%d sessions after refused forms, want 1", len(ss))
		}
	})
}

func TestCohortAttendance(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newCourseFixture(t, db)
		ctx := context.Background()
		co := openCohort(f, "Angkatan Kehadiran")
		peserta := f.users[domain.RolePeserta]
		siti := cohortTestUser(f, fixtureRegion(f), &f.opd.ID, "siti@sukamaju.test", "Siti Aminah", domain.RolePeserta)
		budi := cohortTestUser(f, fixtureRegion(f), &f.other.ID, "budi@sukamaju.test", "Budi Santoso", domain.RolePeserta)
		enroll(f, co, peserta, siti, budi)
		first := openSession(f, co, "Pembukaan bimtek", co.StartsOn.Add(26*time.Hour))
		second := openSession(f, co, "Praktik rilis", co.StartsOn.Add(50*time.Hour))
		f.clock.now = co.StartsOn.Add(80 * time.Hour) // both sessions have happened: attendance can be taken
		fac := f.as(domain.RoleFasilitator)
		path := fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", first.ID)

		p := fac.get(path)
		if p.status != 200 || p.text("h1") != "Kehadiran: Pembukaan bimtek" || p.doc.Find("h1").Length() != 1 {
			t.Fatalf("attendance page: %d %q", p.status, p.text("h1"))
		}
		sets := p.doc.Find("fieldset.attend")
		if sets.Length() != 3 {
			t.Fatalf("%d fieldsets, want one per trainee (3)", sets.Length())
		}
		sets.Each(func(_ int, fs *goquerySelection) {
			if strings.TrimSpace(fs.Find("legend").Text()) == "" {
				t.Error("a fieldset without legend")
			}
			var labels []string
			fs.Find("input[type=radio]").Each(func(_ int, in *goquerySelection) {
				id := in.AttrOr("id", "")
				labels = append(labels, strings.TrimSpace(fs.Find(`label[for="`+id+`"]`).Text()))
			})
			if strings.Join(labels, "/") != "Hadir/Izin/Tidak hadir" {
				t.Errorf("radio labels %v", labels)
			}
		})
		if strings.TrimSpace(p.doc.Find(`form[action="`+path+`"] button[type=submit]`).Text()) != "Simpan kehadiran" {
			t.Fatal("no 'Simpan kehadiran' button")
		}
		if p.text("#jumlah-belum") != "3" || p.text("#jumlah-hadir") != "0" {
			t.Fatalf("counts before: belum %q hadir %q", p.text("#jumlah-belum"), p.text("#jumlah-hadir"))
		}

		field := func(u domain.User) string { return fmt.Sprintf("status-%d", u.ID) }
		p = fac.post(path, url.Values{field(peserta): {"hadir"}, field(siti): {"izin"}, field(budi): {"tidak_hadir"}})
		if p.status != http.StatusSeeOther {
			t.Fatalf("save: %d %s", p.status, p.text(".error-summary"))
		}
		p = fac.get(p.header.Get("Location"))
		if p.text(".flash") != "Kehadiran berhasil disimpan." {
			t.Fatalf("flash %q", p.text(".flash"))
		}
		for id, want := range map[string]string{"#jumlah-hadir": "1", "#jumlah-izin": "1", "#jumlah-tidak-hadir": "1", "#jumlah-belum": "0"} {
			if got := p.text(id); got != want {
				t.Errorf("%s = %q, want %q", id, got, want)
			}
		}
		if _, ok := p.doc.Find("#" + field(siti) + "-izin").Attr("checked"); !ok {
			t.Error("Siti's izin is not shown as chosen")
		}
		attended := func(u domain.User) int {
			n, err := db.AttendedSessions(ctx, u.ID, co.ID)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if attended(peserta) != 1 || attended(siti) != 0 || attended(budi) != 0 {
			t.Fatalf("attended: %d %d %d, want 1 0 0", attended(peserta), attended(siti), attended(budi))
		}

		// An invalid value: 422, nothing saved, the other choices kept.
		p = fac.post(path, url.Values{field(peserta): {"izin"}, field(siti): {"terlambat"}})
		if p.status != 422 {
			t.Fatalf("invalid value: %d", p.status)
		}
		msg := "Pilih Hadir, Izin, atau Tidak hadir untuk Siti Aminah."
		if !summaryHas(p, field(siti)+"-hadir", msg) || !strings.Contains(fieldError(p, field(siti)+"-hadir"), msg) {
			t.Fatalf("message: %q / %q", p.text(".error-summary"), fieldError(p, field(siti)+"-hadir"))
		}
		if _, ok := p.doc.Find("#" + field(peserta) + "-izin").Attr("checked"); !ok {
			t.Error("the valid choice typed with the bad one was not kept")
		}
		if attended(peserta) != 1 {
			t.Fatal("a refused form changed the stored attendance")
		}
		if p := fac.post(path, nil); p.status != 422 || !strings.Contains(p.text(".error-summary"), "sedikitnya satu peserta") {
			t.Fatalf("empty form: %d %q", p.status, p.text(".error-summary"))
		}

		// The second session counts too; the admin of the region may take it.
		admin := f.as(domain.RoleAdmin)
		second2 := fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", second.ID)
		if p := admin.get(second2); p.status != 200 || p.doc.Find(fmt.Sprintf(`.crumb a[href="/admin/angkatan/%d"]`, co.ID)).Length() != 1 {
			t.Fatalf("admin attendance page: %d", p.status)
		}
		if p := admin.post(second2, url.Values{field(peserta): {"hadir"}, field(siti): {"hadir"}}); p.status != http.StatusSeeOther {
			t.Fatalf("admin save: %d %s", p.status, p.text(".error-summary"))
		}
		if attended(peserta) != 2 || attended(siti) != 1 {
			t.Fatalf("after second session: %d %d, want 2 1", attended(peserta), attended(siti))
		}
		// The cohort page shows the per-session tallies and per-trainee counts.
		cp := fac.get(fmt.Sprintf("/fasilitator/angkatan/%d", co.ID))
		if !strings.Contains(cp.text("#sesi ~ .table-wrap tbody tr:first-child"), "Hadir 1 · Izin 1 · Tidak hadir 1") {
			t.Errorf("session tally: %q", cp.text("#sesi ~ .table-wrap tbody tr:first-child"))
		}

		// Someone else's cohort is invisible: a facilitator of another cohort and an admin of another region get 404.
		rina := cohortTestUser(f, fixtureRegion(f), nil, "rina@sukamaju.test", "Rina Fasilitator", domain.RoleFasilitator)
		openCohort(f, "Angkatan Lain", rina.ID)
		rc := cohortLogin(f, rina)
		far, err := db.EnsureRegion(ctx, "kota-jauh", "Pemerintah Kota Jauh", "JAU")
		if err != nil {
			t.Fatal(err)
		}
		farAdmin := cohortLogin(f, cohortTestUser(f, far.ID, nil, "admin@jauh.test", "Admin Jauh", domain.RoleAdmin))
		for who, c := range map[string]*client{"fasilitator lain": rc, "admin wilayah lain": farAdmin} {
			if p := c.get(path); p.status != 404 {
				t.Errorf("%s GET attendance: %d, want 404", who, p.status)
			}
			if p := c.post(path, url.Values{field(peserta): {"tidak_hadir"}}); p.status != 404 {
				t.Errorf("%s POST attendance: %d, want 404", who, p.status)
			}
			if p := c.get(fmt.Sprintf("/fasilitator/angkatan/%d", co.ID)); p.status != 404 {
				t.Errorf("%s GET cohort: %d, want 404", who, p.status)
			}
		}
		if p := farAdmin.get(fmt.Sprintf("/admin/angkatan/%d", co.ID)); p.status != 404 {
			t.Errorf("admin of another region sees the cohort: %d", p.status)
		}
		if attended(peserta) != 2 {
			t.Fatal("a refused outsider changed the attendance")
		}
	})
}

func TestFacilitatorHomeAndCohortPage(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newCourseFixture(t, db)
		co := openCohort(f, "Angkatan Beranda")
		enroll(f, co, f.users[domain.RolePeserta])
		now := f.clock.now
		past := openSession(f, co, "Sesi yang sudah lewat", now.AddDate(0, 0, -7))
		next := openSession(f, co, "Sesi besok", now.AddDate(0, 0, 1))
		fac := f.as(domain.RoleFasilitator)

		p := fac.get("/beranda")
		if p.status != 200 || p.text("h1") != "Beranda" {
			t.Fatalf("beranda: %d %q", p.status, p.text("h1"))
		}
		if p.doc.Find(fmt.Sprintf(`a[href="/fasilitator/angkatan/%d"]`, co.ID)).Text() != "Angkatan Beranda" {
			t.Error("cohort not linked on the Beranda")
		}
		// Tomorrow's session is listed; its attendance opens once it starts.
		if p.doc.Find(fmt.Sprintf(`a[href="/fasilitator/sesi/%d/kehadiran"]`, next.ID)).Length() != 0 || !strings.Contains(p.text("main"), next.Topic) ||
			!strings.Contains(p.text("main"), "Kehadiran dapat diisi setelah sesi dimulai.") {
			t.Error("tomorrow's session not listed, or offered for attendance before it starts")
		}
		if p.doc.Find(fmt.Sprintf(`a[href="/fasilitator/sesi/%d/kehadiran"]`, past.ID)).Length() != 0 {
			t.Error("last week's session listed as upcoming")
		}

		cp := fac.get(fmt.Sprintf("/fasilitator/angkatan/%d", co.ID))
		if cp.status != 200 || cp.text("h1") != "Angkatan Beranda" {
			t.Fatalf("cohort page: %d %q", cp.status, cp.text("h1"))
		}
		if !strings.Contains(cp.text("#peserta ~ .table-wrap"), "Uji Peserta") || !strings.Contains(cp.text("#peserta ~ .table-wrap"), "0 dari 4 item selesai") {
			t.Errorf("members: %q", cp.text("#peserta ~ .table-wrap"))
		}
		if cp.doc.Find("#sesi ~ .table-wrap tbody tr").Length() != 2 {
			t.Error("sessions missing")
		}
		if cp.doc.Find(`form[action^="/admin/"]`).Length() != 0 {
			t.Error("a facilitator is shown the admin's forms")
		}
		if !strings.Contains(cp.text(".facts"), "Hadir di sedikitnya 1 sesi tatap muka") {
			t.Errorf("attendance requirement missing: %q", cp.text(".facts"))
		}

		rina := cohortTestUser(f, fixtureRegion(f), nil, "rina@sukamaju.test", "Rina Fasilitator", domain.RoleFasilitator)
		if p := cohortLogin(f, rina).get("/beranda"); !strings.Contains(p.text("main"), "Anda belum ditugaskan ke angkatan mana pun") {
			t.Errorf("facilitator without cohorts: %q", p.text("main"))
		}
	})
}

func TestCohortListPaginates(t *testing.T) {
	t.Parallel()
	f := newCourseFixture(t, testkit.SQLite(t))
	for i := 1; i <= cohortPageSize+1; i++ {
		openCohort(f, fmt.Sprintf("Angkatan %02d", i))
	}
	admin := f.as(domain.RoleAdmin)
	p := admin.get("/admin/angkatan")
	if n := p.doc.Find("table tbody tr").Length(); n != cohortPageSize {
		t.Fatalf("first page has %d rows, want %d", n, cohortPageSize)
	}
	next := p.doc.Find(`.pager a[rel=next]`).AttrOr("href", "")
	if next != "/admin/angkatan?halaman=2" {
		t.Fatalf("next link %q", next)
	}
	if n := admin.get(next).doc.Find("table tbody tr").Length(); n != 1 {
		t.Fatalf("second page has %d rows, want 1", n)
	}
}

// TestCohortRouteAccess walks every cohort route with every role and with no login.
func TestCohortRouteAccess(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newCourseFixture(t, db)
		co := openCohort(f, "Angkatan Akses")
		enroll(f, co, f.users[domain.RolePeserta])
		s := openSession(f, co, "Sesi akses", f.clock.now.Add(time.Hour))
		rina := cohortTestUser(f, fixtureRegion(f), nil, "rina@sukamaju.test", "Rina Fasilitator", domain.RoleFasilitator)
		other := openCohort(f, "Angkatan Lain", rina.ID)
		enroll(f, other, f.users[domain.RolePeserta])
		so := openSession(f, other, "Sesi lain", f.clock.now.Add(time.Hour))

		const anon = domain.Role("")
		type want map[domain.Role]int
		adminOnlyWant := func(adminCode int) want {
			return want{anon: 303, domain.RolePeserta: 403, domain.RoleFasilitator: 403, domain.RolePimpinanOPD: 403, domain.RoleAdmin: adminCode}
		}
		staffWant := func(facCode, adminCode int) want {
			return want{anon: 303, domain.RolePeserta: 403, domain.RoleFasilitator: facCode, domain.RolePimpinanOPD: 403, domain.RoleAdmin: adminCode}
		}
		adm := fmt.Sprintf("/admin/angkatan/%d", co.ID)
		cases := []struct {
			method, path string
			want         want
		}{
			{"GET", "/admin/angkatan", adminOnlyWant(200)},
			{"POST", "/admin/angkatan", adminOnlyWant(422)},
			{"GET", adm, adminOnlyWant(200)},
			{"GET", "/admin/angkatan/999999", adminOnlyWant(404)},
			{"GET", "/admin/angkatan/bukan-angka", adminOnlyWant(404)},
			{"POST", adm + "/peserta", adminOnlyWant(422)},
			{"POST", adm + "/fasilitator", adminOnlyWant(422)},
			{"POST", adm + "/sesi", adminOnlyWant(422)},
			{"POST", "/admin/angkatan/999999/sesi", adminOnlyWant(404)},
			{"GET", fmt.Sprintf("/fasilitator/angkatan/%d", co.ID), staffWant(200, 200)},
			{"GET", fmt.Sprintf("/fasilitator/angkatan/%d", other.ID), staffWant(404, 200)},
			{"GET", "/fasilitator/angkatan/999999", staffWant(404, 404)},
			{"GET", fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", s.ID), staffWant(200, 200)},
			{"POST", fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", s.ID), staffWant(422, 422)},
			{"GET", fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", so.ID), staffWant(404, 200)},
			{"POST", fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", so.ID), staffWant(404, 422)},
			{"GET", "/fasilitator/sesi/999999/kehadiran", staffWant(404, 404)},
			{"GET", "/fasilitator/sesi/x/kehadiran", staffWant(404, 404)},
		}
		clients := map[domain.Role]*client{anon: f.client()}
		for _, r := range domain.Roles {
			clients[r] = f.as(r)
		}
		for _, role := range append([]domain.Role{anon}, domain.Roles...) {
			for _, tc := range cases {
				name := string(role)
				if name == "" {
					name = "anonim"
				}
				t.Run(name+" "+tc.method+" "+tc.path, func(t *testing.T) {
					var p page
					if tc.method == "GET" {
						p = clients[role].get(tc.path)
					} else {
						p = clients[role].post(tc.path, nil)
					}
					if got, want := p.status, tc.want[role]; got != want {
						t.Fatalf("status = %d, want %d (%s)", got, want, p.text("h1"))
					}
				})
			}
		}
	})
}

func TestCohortParseDayAndClock(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2026-04-16": "2026-04-16", " 16/04/2026 ": "2026-04-16", "6/4/2026": "2026-04-06", "16-04-2026": "2026-04-16",
		"": "", "besok": "", "2026-02-30": "", "16/04/1926": "", "04/16/2026": "",
	} {
		d, ok := parseDay(in)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != want {
			t.Errorf("parseDay(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"09:00": "09:00", "9.30": "09:30", "23:59": "23:59", " 13.05 ": "13:05",
		"24:00": "", "9": "", "9 pagi": "", "09:5": "", "12:60": "", "": "",
	} {
		h, m, ok := parseClock(in)
		got := ""
		if ok {
			got = fmt.Sprintf("%02d:%02d", h, m)
		}
		if got != want {
			t.Errorf("parseClock(%q) = %q, want %q", in, got, want)
		}
	}
	if got := clip(strings.Repeat("é", 100), 10); got != strings.Repeat("é", 9)+"…" {
		t.Errorf("clip = %q", got)
	}
	if got := clip("pendek", 10); got != "pendek" {
		t.Errorf("clip short = %q", got)
	}
}
