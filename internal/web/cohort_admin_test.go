package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/notice"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestAdminWithdrawsTrainee: the admin takes a trainee out of a cohort; the
// page says what happens to their progress, the trainee no longer learns in
// it, nothing of theirs is deleted, and enrolling them again brings their
// progress back. A second removal is told, not repeated. Both engines.
func TestAdminWithdrawsTrainee(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		co := f.enrollTrainee()
		ctx := context.Background()
		trainee := f.users[domain.RolePeserta]
		e, err := db.EnrollmentForCourse(ctx, trainee.ID, tcCourse)
		if err != nil {
			t.Fatal(err)
		}
		course := f.srv.cfg.Catalog.Course(tcCourse)
		if err := db.SetItemState(ctx, e.ID, tcCourse, tcLesson1, course.Item(tcLesson1).Hash, domain.StateDone); err != nil {
			t.Fatal(err)
		}
		admin, learner := f.as(domain.RoleAdmin), f.as(domain.RolePeserta)
		page := fmt.Sprintf("/admin/angkatan/%d", co.ID)
		leave := fmt.Sprintf("%s/peserta/%d/keluar", page, trainee.ID)
		p := admin.get(page)
		if p.doc.Find(`form[action="`+leave+`"]`).Length() != 1 || !strings.Contains(p.text(`form[action="`+leave+`"]`), "tetap tersimpan") {
			t.Fatalf("no removal form saying what happens to the progress: %q", p.text("#peserta ~ .table-wrap"))
		}
		r := admin.post(leave, nil)
		if r.status != http.StatusSeeOther || r.header.Get("Location") != page+"?pesan=keluar#pesan" {
			t.Fatalf("withdraw: %d %q", r.status, r.header.Get("Location"))
		}
		after := admin.get(page + "?pesan=keluar")
		if !strings.Contains(after.text(".flash"), "tetap tersimpan") || !strings.Contains(after.text("#peserta ~ .table-wrap"), "Keluar") ||
			after.doc.Find(`form[action="`+leave+`"]`).Length() != 0 {
			t.Fatalf("after withdrawing: %q / %q", after.text(".flash"), after.text("#peserta ~ .table-wrap"))
		}
		if _, err := db.EnrollmentForCourse(ctx, trainee.ID, tcCourse); err == nil {
			t.Fatal("the trainee is still enrolled in the course")
		}
		if g := learner.get(practiceURL); g.status != http.StatusNotFound {
			t.Fatalf("a withdrawn trainee opens the practice: %d", g.status)
		}
		if states, err := db.ItemStates(ctx, e.ID); err != nil || states[tcLesson1] != domain.StateDone {
			t.Fatalf("progress was lost: %v %v", states, err)
		}
		if again := admin.post(leave, nil); again.status != http.StatusConflict || !strings.Contains(again.text(".error-summary"), "sudah dikeluarkan") {
			t.Fatalf("second removal: %d %q", again.status, again.text(".error-summary"))
		}
		// Enrolled again: active, with the lesson still done.
		if r := admin.post(page+"/peserta", url.Values{"cara": {"email"}, "emails": {trainee.Email}}); r.status != http.StatusSeeOther {
			t.Fatalf("enrol again: %d %s", r.status, r.text(".error-summary"))
		}
		back, err := db.EnrollmentForCourse(ctx, trainee.ID, tcCourse)
		if err != nil || back.ID != e.ID || back.Status != domain.EnrollmentActive {
			t.Fatalf("enrolled again: %+v %v", back, err)
		}
		if states, _ := db.ItemStates(ctx, e.ID); states[tcLesson1] != domain.StateDone {
			t.Fatal("the progress did not come back")
		}
		if g := learner.get(practiceURL); g.status != http.StatusOK {
			t.Fatalf("the trainee enrolled again cannot open the practice: %d", g.status)
		}
		// Facilitators and other regions' admins cannot remove anyone.
		if r := f.as(domain.RoleFasilitator).post(leave, nil); r.status != http.StatusForbidden {
			t.Fatalf("facilitator: %d", r.status)
		}
	})
}

// TestAdminCancelsComingSession: a coming session is called off only with
// "Saya yakin"; then it leaves the schedule and every active trainee of the
// cohort gets one notification (kind live_session_cancelled) naming it, its
// time and the reason. A session that has started cannot be cancelled. Two
// admins cancelling at once notify each trainee once. Both engines.
func TestAdminCancelsComingSession(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		co := f.enrollTrainee()
		ctx := context.Background()
		trainee := f.users[domain.RolePeserta]
		other, _ := f.newUser(domain.RolePeserta, "dua@sukamaju.test", "Peserta Dua", &f.opd.ID)
		enroll(f, co, other)
		coming := openSession(f, co, "Praktik menulis rilis", f.clock.now.Add(48*time.Hour))
		past := openSession(f, co, "Pembukaan", f.clock.now.Add(-26*time.Hour))
		if err := db.MarkAttendance(ctx, f.users[domain.RoleFasilitator].ID, past.ID, map[int64]string{trainee.ID: domain.AttendPresent}, f.clock.now); err != nil {
			t.Fatal(err)
		}
		admin := f.as(domain.RoleAdmin)
		page := fmt.Sprintf("/admin/angkatan/%d", co.ID)
		cancel := fmt.Sprintf("/admin/sesi/%d/batal", coming.ID)
		p := admin.get(page)
		if p.doc.Find(`form[action="`+cancel+`"] input[type=checkbox][name=yakin]`).Length() != 1 {
			t.Fatal("no cancel form with \"Saya yakin\" for the coming session")
		}
		if p.doc.Find(fmt.Sprintf(`form[action="/admin/sesi/%d/batal"]`, past.ID)).Length() != 0 {
			t.Error("a session that has happened offers cancellation")
		}
		// Without "Saya yakin": nothing happens, the reason stays typed, the form stays open.
		r := admin.post(cancel, url.Values{"alasan": {"Aula dipakai rapat darurat."}})
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.text(".error-summary"), "Saya yakin") ||
			r.text(fmt.Sprintf("details[open] #batal-alasan-%d", coming.ID)) != "Aula dipakai rapat darurat." {
			t.Fatalf("cancel without \"Saya yakin\": %d %q", r.status, r.text(".error-summary"))
		}
		// The refusal is the cohort's page: the browser is left at its address, not at the POST's.
		if a, want := r.doc.Find("main").AttrOr("data-alamat", ""), fmt.Sprintf("/admin/angkatan/%d", coming.CohortID); a != want {
			t.Errorf("a refused cancellation names the address %q, want %q", a, want)
		}
		if _, err := db.LiveSession(ctx, coming.ID); err != nil {
			t.Fatal("an unconfirmed cancel removed the session")
		}
		// Two admins at once: one cancels, the other finds it gone; one notice each.
		_, admin2 := f.newUser(domain.RoleAdmin, "admin2@sukamaju.test", "Admin Dua", nil)
		form := url.Values{"alasan": {"Aula dipakai rapat darurat."}, "yakin": {"1"}}
		c1, c2 := admin.csrf(), admin2.csrf()
		rs := together(func() reply { return admin.send(cancel, form, c1) }, func() reply { return admin2.send(cancel, form, c2) })
		ok, gone := 0, 0
		for _, x := range rs {
			switch {
			case x.err != nil:
				t.Fatal(x.err)
			case x.status == http.StatusSeeOther:
				ok++
				if x.location != page+"?pesan=sesi-batal&jumlah=2#pesan" {
					t.Errorf("redirect %q", x.location)
				}
			case x.status == http.StatusNotFound:
				gone++
			default:
				t.Fatalf("cancel at once: status %d", x.status)
			}
		}
		if ok != 1 || gone != 1 {
			t.Fatalf("cancel at once: %d cancelled, %d found it gone", ok, gone)
		}
		if msg := admin.get(page + "?pesan=sesi-batal&jumlah=2").text(".flash"); !strings.Contains(msg, "Sebanyak 2 peserta sudah diberi tahu") {
			t.Errorf("flash: %q", msg)
		}
		if _, err := db.LiveSession(ctx, coming.ID); err == nil {
			t.Fatal("the cancelled session is still scheduled")
		}
		for _, u := range []domain.User{trainee, other} {
			ns, err := db.Notifications(ctx, u.ID, 20)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, x := range ns {
				if x.Kind == domain.NoticeLiveSessionCancelled {
					n++
					msg := notice.Render(x, i18n.ID).Message
					if !strings.Contains(msg, "Praktik menulis rilis") || !strings.Contains(msg, "Angkatan Uji") ||
						!strings.Contains(msg, sessionWhen(coming.StartsAt, coming.EndsAt)) || !strings.Contains(msg, "Alasan: Aula dipakai rapat darurat.") {
						t.Errorf("notice: %q", msg)
					}
				}
			}
			if n != 1 {
				t.Errorf("%s got %d cancellation notices, want 1", u.Name, n)
			}
		}
		// A session that has happened (with attendance) stays.
		if r := admin.post(fmt.Sprintf("/admin/sesi/%d/batal", past.ID), url.Values{"yakin": {"1"}}); r.status != http.StatusConflict ||
			!strings.Contains(r.text(".error-summary"), "tidak dapat dibatalkan") {
			t.Fatalf("cancel a past session: %d %q", r.status, r.text(".error-summary"))
		}
		if _, err := db.LiveSession(ctx, past.ID); err != nil {
			t.Fatal("a past session was removed")
		}
	})
}
