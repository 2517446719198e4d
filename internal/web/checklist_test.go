package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// The checklist appears on the trainee's Beranda and course page, the
// facilitator's cohort page and the pimpinan's OPD page; it says when the
// attendance rule can no longer be met and whom to contact, follows changes
// at once, and is complete exactly when the certificate is issued.
func TestChecklistOnEveryPage(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		cc := newCertCase(t, db)
		cc.completeAllBut("hadir")
		trainee, fac := cc.users[domain.RolePeserta], cc.users[domain.RoleFasilitator]
		if err := db.MarkAttendance(ctx, fac.ID, cc.session.ID, map[int64]string{trainee.ID: domain.AttendExcused}, time.Now()); err != nil {
			t.Fatal(err)
		}
		peserta, fasilitator, pimpinan := cc.as(domain.RolePeserta), cc.as(domain.RoleFasilitator), cc.as(domain.RolePimpinanOPD)
		pages := []struct {
			name, sel string
			c         *client
			path      string
			todo      string
		}{
			{"Beranda", ".course-card .checklist", peserta, "/beranda", "Yang perlu Anda lakukan: hubungi fasilitator angkatan (Uji Fasilitator) soal sesi pengganti."},
			{"course page", "#persyaratan + .checklist", peserta, "/kursus/" + tcCourse, "Yang perlu Anda lakukan: hubungi fasilitator angkatan (Uji Fasilitator) soal sesi pengganti."},
			{"cohort page", "td .checklist", fasilitator, fmt.Sprintf("/fasilitator/angkatan/%d", cc.cohort.ID), "Yang perlu dilakukan: bicarakan dengan peserta ini soal sesi pengganti"},
			{"OPD page", "td .checklist", pimpinan, "/beranda", "Yang perlu dilakukan: minta admin ini menghubungi fasilitator angkatan (Uji Fasilitator) soal sesi pengganti."},
		}
		check := func(stage string, want ...string) {
			t.Helper()
			for _, pg := range pages {
				p := pg.c.get(pg.path)
				if p.status != http.StatusOK {
					t.Fatalf("%s %s: %d", stage, pg.name, p.status)
				}
				got := strings.Join(strings.Fields(p.doc.Find(pg.sel).First().Text()), " ")
				for _, w := range want {
					if w == "todo" {
						w = pg.todo
					}
					if !strings.Contains(got, w) {
						t.Fatalf("%s, %s: checklist %q lacks %q", stage, pg.name, got, w)
					}
				}
			}
		}
		check("excused from the only session",
			"Ada persyaratan sertifikat yang tidak dapat lagi dipenuhi tanpa bantuan fasilitator.",
			"Terpenuhi Materi selesai: 2 dari 2", "Terpenuhi Kuis lulus: 1 dari 1", "Terpenuhi Latihan disetujui: 1 dari 1",
			"Tidak dapat terpenuhi Hadir di sesi tatap muka: 0 dari 1 yang disyaratkan",
			"Sebanyak 1 dari 1 sesi tercatat Izin atau Tidak hadir", "todo")

		// A session added later makes it possible again; the pages follow at once.
		start := time.Now().Add(72 * time.Hour)
		if _, err := db.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: cc.cohort.ID, Topic: "Sesi pengganti", StartsAt: start,
			EndsAt: start.Add(2 * time.Hour), Place: "Aula"}); err != nil {
			t.Fatal(err)
		}
		check("a session to come", "Persyaratan sertifikat: 3 dari 4 terpenuhi.", "Belum Hadir di sesi tatap muka: 0 dari 1",
			"Sesi berikutnya: Sesi pengganti")
		if p := peserta.get("/beranda"); strings.Contains(p.body, "tidak dapat lagi dipenuhi") {
			t.Fatal("Beranda still says the requirement cannot be met")
		}

		// Attending completes the rule: the checklist is complete and the certificate issued.
		if err := db.MarkAttendance(ctx, fac.ID, cc.session.ID, map[int64]string{trainee.ID: domain.AttendPresent}, time.Now()); err != nil {
			t.Fatal(err)
		}
		check("all met", "Semua persyaratan sertifikat terpenuhi.", "Terpenuhi Hadir di sesi tatap muka: 1 dari 1")
		cc.certificate()
	})
}

// testChecklistCourse loads the web tests' course with a quiz attempt limit of 2.
func testChecklistCourse(t *testing.T) *course.Course {
	t.Helper()
	cat, problems := course.Load(testCourseFiles(), ".")
	if len(problems) > 0 {
		t.Fatalf("test course: %v", problems)
	}
	co := cat.Course(tcCourse)
	co.Item(tcQuiz).Quiz.MaxAttempts = 2
	return co
}

// Each way a requirement can no longer be met is said, with what to do.
func TestChecklistSaysWhatCanNoLongerBeMet(t *testing.T) {
	t.Parallel()
	co := testChecklistCourse(t)
	now := time.Date(2026, 4, 20, 3, 0, 0, 0, time.UTC)
	base := func() *domain.Requirements {
		return &domain.Requirements{CourseID: tcCourse, EndsOn: time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC), RequiredAttendance: 2,
			Facilitators: []string{"Rina Wulandari", "Budi Santoso"},
			Items: []domain.RequiredItem{
				{ItemID: tcLesson1, Kind: "lesson", State: domain.StateDone},
				{ItemID: tcLesson2, Kind: "lesson", State: domain.StateStarted},
				{ItemID: tcQuiz, Kind: "quiz", State: domain.StateStarted, Attempts: 1},
				{ItemID: tcPractice, Kind: "practice", State: domain.StateStarted, Attempts: 1, SubState: domain.SubSubmitted},
			},
			Sessions: []domain.SessionMark{
				{Topic: "Pembukaan", StartsAt: now.Add(-72 * time.Hour), EndsAt: now.Add(-70 * time.Hour), Status: domain.AttendPresent},
				{Topic: "Praktik", StartsAt: now.Add(-48 * time.Hour), EndsAt: now.Add(-46 * time.Hour), Status: domain.AttendExcused},
				{Topic: "Penutupan", StartsAt: now.Add(48 * time.Hour), EndsAt: now.Add(50 * time.Hour)},
			}}
	}
	cases := []struct {
		name   string
		change func(r *domain.Requirements)
		want   []string
	}{
		{"open", func(*domain.Requirements) {}, []string{"Persyaratan sertifikat: 0 dari 4 terpenuhi.", "Belum Materi selesai: 1 dari 2",
			"Latihan “Rilis Posyandu” menunggu penilaian fasilitator.", "Belum Hadir di sesi tatap muka: 1 dari 2", "Sesi berikutnya: Penutupan", "Masa angkatan berakhir 30 April 2026 (10 hari lagi)."}},
		{"two of three sessions excused, two required", func(r *domain.Requirements) { r.Sessions[0].Status = domain.AttendExcused },
			[]string{"Tidak dapat terpenuhi Hadir di sesi tatap muka: 0 dari 2", "Sebanyak 2 dari 3 sesi tercatat Izin atau Tidak hadir",
				"Yang perlu Anda lakukan: hubungi fasilitator angkatan (Rina Wulandari dan Budi Santoso) soal sesi pengganti."}},
		{"practice rejected, no attempts left", func(r *domain.Requirements) { r.Items[3].SubState, r.Items[3].Attempts = domain.SubRejected, 3 },
			[]string{"Tidak dapat terpenuhi Latihan disetujui: 0 dari 1", "Latihan “Rilis Posyandu” ditolak dan kesempatan mengirimnya sudah habis (3 dari 3).",
				"soal membuka kembali latihan “Rilis Posyandu”."}},
		{"practice rejected, attempts left", func(r *domain.Requirements) { r.Items[3].SubState = domain.SubRejected },
			[]string{"Belum Latihan disetujui: 0 dari 1", "masih ada kesempatan untuk memulai lagi dari awal"}},
		{"quiz attempts used up", func(r *domain.Requirements) { r.Items[2].Attempts = 2 },
			[]string{"Tidak dapat terpenuhi Kuis lulus: 0 dari 1", "Kesempatan mengerjakan “Kuis Dasar” sudah habis (2 dari 2 kesempatan terpakai) tanpa lulus."}},
		{"no session scheduled yet", func(r *domain.Requirements) { r.Sessions = nil },
			[]string{"Belum Hadir di sesi tatap muka: 0 dari 2", "Belum ada sesi tatap muka yang dijadwalkan untuk angkatan ini."}},
		{"deadline passed", func(r *domain.Requirements) { r.EndsOn = time.Date(2026, 4, 19, 0, 0, 0, 0, time.UTC) },
			[]string{"Terlewat Masa angkatan sudah berakhir pada 19 April 2026.", "soal menyelesaikan persyaratan setelah masa angkatan."}},
	}
	for _, tc := range cases {
		r := base()
		tc.change(r)
		cl := newChecklist(i18n.ID, r, co, now, viewerTrainee)
		var b strings.Builder
		b.WriteString(cl.Summary + " ")
		for _, l := range cl.Lines {
			b.WriteString(l.Badge + " " + l.Label + " " + strings.Join(l.Notes, " ") + " ")
		}
		b.WriteString(cl.Todo)
		got := strings.Join(strings.Fields(b.String()), " ")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", tc.name, got, w)
			}
		}
		blocked := strings.Contains(got, "Tidak dapat terpenuhi") || strings.Contains(got, "Terlewat")
		if cl.Blocked != strings.Contains(got, "Tidak dapat terpenuhi") || (blocked != (cl.Todo != "")) {
			t.Errorf("%s: Blocked %v, Todo %q", tc.name, cl.Blocked, cl.Todo)
		}
		if cl.Complete != r.Met() {
			t.Errorf("%s: Complete %v but Met %v", tc.name, cl.Complete, r.Met())
		}
	}
}

// TestPimpinanAsksNothingOfCertified: an admin who holds a valid certificate
// of the course and is still in an older, lapsed cohort of it gets no
// “Terlewat” checklist and no “Yang perlu dilakukan” on the pimpinan's page.
func TestPimpinanAsksNothingOfCertified(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		cc := newCertCase(t, db)
		cc.completeAllBut("")
		cert := cc.certificate()
		ctx := context.Background()
		trainee := cc.users[domain.RolePeserta]
		old, err := db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: trainee.RegionID, CourseID: tcCourse, Name: "Angkatan Lama",
			StartsOn: time.Now().AddDate(0, -3, 0), EndsOn: time.Now().AddDate(0, -2, 0), FacilitatorIDs: []int64{cc.users[domain.RoleFasilitator].ID}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Enroll(ctx, nil, old.ID, []int64{trainee.ID}); err != nil {
			t.Fatal(err)
		}
		p := cc.as(domain.RolePimpinanOPD).get("/beranda")
		body := p.text("main")
		if !strings.Contains(body, "Angkatan Lama") {
			t.Fatalf("the old cohort is not on the page:\n%s", body)
		}
		for _, bad := range []string{"Terlewat", "Yang perlu dilakukan", "tidak dapat terpenuhi"} {
			if strings.Contains(body, bad) {
				t.Errorf("the pimpinan's page says %q of a certified admin", bad)
			}
		}
		if want := "Sudah memegang sertifikat yang berlaku untuk kursus ini (" + cert.Number + ")"; !strings.Contains(body, want) {
			t.Errorf("page lacks %q:\n%s", want, body)
		}
	})
}

// TestAttendanceOfferedOnlyOnceStarted: the facilitator's Beranda offers
// “Isi kehadiran” for a session that has started, not for one a week away
// (whose attendance page would only say it has not happened yet).
func TestAttendanceOfferedOnlyOnceStarted(t *testing.T) {
	t.Parallel()
	db := testkit.SQLite(t)
	cc := newCertCase(t, db)
	ctx := context.Background()
	now := time.Now()
	later, err := db.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: cc.cohort.ID, Topic: "Sesi pekan depan",
		StartsAt: now.Add(7 * 24 * time.Hour), EndsAt: now.Add(7*24*time.Hour + 2*time.Hour), Place: "Aula"})
	if err != nil {
		t.Fatal(err)
	}
	running, err := db.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: cc.cohort.ID, Topic: "Sesi yang sedang berjalan",
		StartsAt: now.Add(-time.Minute), EndsAt: now.Add(2 * time.Hour), Place: "Aula"})
	if err != nil {
		t.Fatal(err)
	}
	p := cc.as(domain.RoleFasilitator).get("/beranda")
	links := map[string]bool{}
	p.doc.Find(`main a`).Each(func(_ int, a *goquerySelection) {
		links[a.AttrOr("href", "")] = true
	})
	if links[fmt.Sprintf("/fasilitator/sesi/%d", later.ID)] || links[fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", later.ID)] {
		t.Errorf("the Beranda offers attendance for a session a week away")
	}
	if !strings.Contains(p.text("main"), "Kehadiran dapat diisi setelah sesi dimulai.") {
		t.Errorf("the future session does not say when attendance opens: %q", p.text("main"))
	}
	if !strings.Contains(p.body, fmt.Sprintf("/%d", running.ID)) || !strings.Contains(p.text("main"), "Isi kehadiran") {
		t.Errorf("the running session is not offered for attendance")
	}
}

// TestCohortPagesAskNothingOfCertified: a trainee who holds a valid
// certificate of the course and is in an older, lapsed cohort of it shows on
// that cohort's page, for the facilitator and the admin alike, as certified
// with nothing to do: no checklist, no “Terlewat”, no “Yang perlu
// dilakukan”. The cohort that certified them says the same, above its
// complete checklist. Both engines.
func TestCohortPagesAskNothingOfCertified(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		cc := newCertCase(t, db)
		cc.completeAllBut("")
		cert := cc.certificate()
		ctx := context.Background()
		trainee := cc.users[domain.RolePeserta]
		old, err := db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: trainee.RegionID, CourseID: tcCourse, Name: "Angkatan Lama",
			StartsOn: time.Now().AddDate(0, -3, 0), EndsOn: time.Now().AddDate(0, -2, 0), FacilitatorIDs: []int64{cc.users[domain.RoleFasilitator].ID}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Enroll(ctx, nil, old.ID, []int64{trainee.ID}); err != nil {
			t.Fatal(err)
		}
		// Another trainee of the old cohort, not certified, still gets the checklist.
		other, _ := cc.newUser(domain.RolePeserta, "belum.lulus@sukamaju.test", "Belum Lulus", &cc.opd.ID)
		if _, err := db.Enroll(ctx, nil, old.ID, []int64{other.ID}); err != nil {
			t.Fatal(err)
		}
		want := "Sudah memegang sertifikat yang berlaku untuk kursus ini (" + cert.Number + "); tidak ada yang perlu dilakukan."
		for _, tc := range []struct {
			who  domain.Role
			path string
		}{
			{domain.RoleFasilitator, fmt.Sprintf("/fasilitator/angkatan/%d", old.ID)},
			{domain.RoleAdmin, fmt.Sprintf("/admin/angkatan/%d", old.ID)},
			{domain.RoleFasilitator, fmt.Sprintf("/fasilitator/angkatan/%d", cc.cohort.ID)},
		} {
			p := cc.as(tc.who).get(tc.path)
			if p.status != http.StatusOK {
				t.Fatalf("%s %s: %d", tc.who, tc.path, p.status)
			}
			var row, otherRow *goquerySelection
			p.doc.Find("#peserta ~ .table-wrap tbody tr").Each(func(_ int, r *goquerySelection) {
				switch {
				case strings.Contains(r.Find("th").Text(), trainee.Email):
					row = r
				case strings.Contains(r.Find("th").Text(), other.Email):
					otherRow = r
				}
			})
			if row == nil {
				t.Fatalf("%s %s: the certified trainee is not listed:\n%s", tc.who, tc.path, p.text("main"))
			}
			text := strings.Join(strings.Fields(row.Text()), " ")
			if !strings.Contains(text, want) {
				t.Errorf("%s %s: the certified trainee's row lacks %q: %q", tc.who, tc.path, want, text)
			}
			if n := row.Find(".checklist-fold").Length(); (tc.path == fmt.Sprintf("/fasilitator/angkatan/%d", cc.cohort.ID)) != (n == 1) || row.Find(".checklist-blocked, .checklist-todo").Length() != 0 {
				t.Errorf("%s %s: a certified trainee's checklist (%d; only the complete one of the cohort that certified them): %q", tc.who, tc.path, n, text)
			}
			for _, bad := range []string{"Terlewat", "Yang perlu", "tidak dapat terpenuhi", "Tidak dapat terpenuhi"} {
				if strings.Contains(text, bad) {
					t.Errorf("%s %s: the certified trainee's row says %q: %q", tc.who, tc.path, bad, text)
				}
			}
			if tc.path != fmt.Sprintf("/fasilitator/angkatan/%d", cc.cohort.ID) {
				if otherRow == nil || otherRow.Find(".checklist-fold").Length() != 1 || strings.Contains(otherRow.Text(), "Sudah memegang sertifikat") {
					t.Errorf("%s %s: the trainee without a certificate lost the checklist", tc.who, tc.path)
				}
			}
		}
	})
}
