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

// changedNotices returns the live_session_changed notices of a user, put into words.
func changedNotices(t *testing.T, db *store.DB, userID int64) []string {
	t.Helper()
	ns, err := db.Notifications(context.Background(), userID, 50)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range ns {
		if n.Kind == domain.NoticeLiveSessionChanged {
			out = append(out, notice.Render(n, i18n.ID).Message)
		}
	}
	return out
}

// TestStaffEditsComingSession: an admin, and a facilitator of the cohort,
// change a coming session's topic, time and place with the checks of
// scheduling (times in order, a date inside the cohort); the change is
// audited and every active trainee (not one withdrawn) is told once, with
// the time before and after. Saving the same values again tells nobody. A
// session that has started cannot be changed, another cohort's facilitator
// gets 404 and a trainee 403. Both engines.
func TestStaffEditsComingSession(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		co := f.enrollTrainee()
		ctx := context.Background()
		trainee := f.users[domain.RolePeserta]
		other, _ := f.newUser(domain.RolePeserta, "dua@sukamaju.test", "Peserta Dua", &f.opd.ID)
		gone, _ := f.newUser(domain.RolePeserta, "tiga@sukamaju.test", "Peserta Tiga", &f.opd.ID)
		enroll(f, co, other, gone)
		if err := db.WithdrawTrainee(ctx, f.users[domain.RoleAdmin].ID, co.ID, gone.ID); err != nil {
			t.Fatal(err)
		}
		startWIB := f.clock.now.In(WIB).Add(48 * time.Hour)
		start := time.Date(startWIB.Year(), startWIB.Month(), startWIB.Day(), 9, 0, 0, 0, WIB).UTC()
		coming := openSession(f, co, "Praktik menulis rilis", start)
		past := openSession(f, co, "Pembukaan", f.clock.now.Add(-26*time.Hour))
		if err := db.MarkAttendance(ctx, f.users[domain.RoleFasilitator].ID, past.ID, map[int64]string{trainee.ID: domain.AttendPresent}, f.clock.now); err != nil {
			t.Fatal(err)
		}
		admin := f.as(domain.RoleAdmin)
		edit := fmt.Sprintf("/fasilitator/sesi/%d/ubah", coming.ID)
		page := fmt.Sprintf("/admin/angkatan/%d", co.ID)
		p := admin.get(page)
		if p.doc.Find(`a[href="`+edit+`"]`).Length() != 1 {
			t.Fatal("the cohort page has no link to change the coming session")
		}
		if p.doc.Find(fmt.Sprintf(`a[href="/fasilitator/sesi/%d/ubah"]`, past.ID)).Length() != 0 {
			t.Error("a session that has happened offers a change")
		}
		form := admin.get(edit)
		if form.status != http.StatusOK || form.doc.Find("#sesi-topik").AttrOr("value", "") != "Praktik menulis rilis" ||
			form.doc.Find("#sesi-mulai").AttrOr("value", "") != "09:00" || form.doc.Find("#sesi-tempat").AttrOr("value", "") != "Aula Setda" {
			t.Fatalf("edit form: %d, topic %q, start %q", form.status, form.doc.Find("#sesi-topik").AttrOr("value", ""), form.doc.Find("#sesi-mulai").AttrOr("value", ""))
		}
		day := startWIB.Format("2006-01-02")
		values := func(topic, date, from, to, place string) url.Values {
			return url.Values{"topik": {topic}, "tanggal": {date}, "mulai": {from}, "selesai": {to}, "tempat": {place}, "narasumber": {"Kabid IKP"}}
		}
		// The checks of scheduling: nothing is saved, what was typed stays.
		r := admin.post(edit, values("Praktik menulis rilis berita", day, "13.00", "12.00", "Aula Bappeda"))
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.text(".error-summary"), "Pukul selesai harus setelah pukul mulai") ||
			r.doc.Find("#sesi-topik").AttrOr("value", "") != "Praktik menulis rilis berita" {
			t.Fatalf("times out of order: %d %q", r.status, r.text(".error-summary"))
		}
		r = admin.post(edit, values("Praktik", co.EndsOn.AddDate(0, 0, 3).Format("2006-01-02"), "09.00", "11.00", "Aula"))
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.text(".error-summary"), "dalam masa angkatan") {
			t.Fatalf("date outside the cohort: %d %q", r.status, r.text(".error-summary"))
		}
		if ls, _ := db.LiveSession(ctx, coming.ID); ls.Topic != "Praktik menulis rilis" || !ls.StartsAt.Equal(coming.StartsAt) {
			t.Fatalf("a refused change was saved: %+v", ls)
		}
		if n := changedNotices(t, db, trainee.ID); len(n) != 0 {
			t.Fatalf("a refused change told the trainee: %v", n)
		}
		// A real change: saved, audited, the two active trainees told once.
		r = admin.post(edit, values("Praktik menulis rilis berita", day, "13.00", "15.00", "https://vicon.sukamajukab.go.id/bimtek"))
		if r.status != http.StatusSeeOther || r.header.Get("Location") != page+"?pesan=sesi-ubah&jumlah=2#pesan" {
			t.Fatalf("change: %d %q %s", r.status, r.header.Get("Location"), r.text(".error-summary"))
		}
		ls, err := db.LiveSession(ctx, coming.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ls.Topic != "Praktik menulis rilis berita" || ls.StartsAt.In(WIB).Hour() != 13 || ls.EndsAt.In(WIB).Hour() != 15 ||
			ls.Place != "https://vicon.sukamajukab.go.id/bimtek" || ls.Speaker != "Kabid IKP" {
			t.Fatalf("saved session: %+v", ls)
		}
		if msg := admin.get(page + "?pesan=sesi-ubah&jumlah=2").text(".flash"); !strings.Contains(msg, "Sebanyak 2 peserta sudah diberi tahu") {
			t.Errorf("flash: %q", msg)
		}
		audit, err := db.AuditFor(ctx, "live_session", fmt.Sprint(coming.ID), 5)
		if err != nil || len(audit) == 0 || audit[0].Action != "live_session.update" || audit[0].ActorID == nil || *audit[0].ActorID != f.users[domain.RoleAdmin].ID {
			t.Fatalf("audit: %+v %v", audit, err)
		}
		for _, u := range []domain.User{trainee, other} {
			msgs := changedNotices(t, db, u.ID)
			if len(msgs) != 1 {
				t.Fatalf("%s got %d change notices, want 1", u.Name, len(msgs))
			}
			for _, want := range []string{"“Praktik menulis rilis”", "Angkatan Uji", "Topik: “Praktik menulis rilis berita”", sessionWhen(ls.StartsAt, ls.EndsAt),
				"(sebelumnya " + sessionWhen(coming.StartsAt, coming.EndsAt) + ")", "Tempat: https://vicon.sukamajukab.go.id/bimtek (sebelumnya Aula Setda)"} {
				if !strings.Contains(msgs[0], want) {
					t.Errorf("notice %q lacks %q", msgs[0], want)
				}
			}
		}
		if n := changedNotices(t, db, gone.ID); len(n) != 0 {
			t.Errorf("a withdrawn trainee was told: %v", n)
		}
		// The same form again (a refresh, a double click) tells nobody.
		r = admin.post(edit, values("Praktik menulis rilis berita", day, "13.00", "15.00", "https://vicon.sukamajukab.go.id/bimtek"))
		if r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "jumlah=0") {
			t.Fatalf("same values again: %d %q", r.status, r.header.Get("Location"))
		}
		if n := changedNotices(t, db, trainee.ID); len(n) != 1 {
			t.Fatalf("the same values told the trainee again: %d notices", len(n))
		}
		// The cohort's facilitator may change it too, and comes back to their page.
		fac := f.as(domain.RoleFasilitator)
		r = fac.post(edit, values("Praktik menulis rilis berita", day, "13.30", "15.00", "https://vicon.sukamajukab.go.id/bimtek"))
		if r.status != http.StatusSeeOther || r.header.Get("Location") != fmt.Sprintf("/fasilitator/angkatan/%d?pesan=sesi-ubah&jumlah=2#pesan", co.ID) {
			t.Fatalf("facilitator's change: %d %q %s", r.status, r.header.Get("Location"), r.text(".error-summary"))
		}
		if msg := fac.get(fmt.Sprintf("/fasilitator/angkatan/%d?pesan=sesi-ubah&jumlah=2", co.ID)).text(".flash"); !strings.Contains(msg, "diberi tahu") {
			t.Errorf("facilitator's flash: %q", msg)
		}
		// Another cohort's facilitator does not find it; a trainee may not.
		_, stranger := f.newUser(domain.RoleFasilitator, "lain@sukamaju.test", "Fasilitator Lain", nil)
		if r := stranger.post(edit, values("Diambil alih", day, "09.00", "10.00", "Aula")); r.status != http.StatusNotFound {
			t.Fatalf("another cohort's facilitator: %d", r.status)
		}
		if r := stranger.get(edit); r.status != http.StatusNotFound {
			t.Fatalf("another cohort's facilitator, form: %d", r.status)
		}
		if r := f.as(domain.RolePeserta).post(edit, values("Diambil alih", day, "09.00", "10.00", "Aula")); r.status != http.StatusForbidden {
			t.Fatalf("trainee: %d", r.status)
		}
		// A session that has happened cannot be changed.
		pastEdit := fmt.Sprintf("/fasilitator/sesi/%d/ubah", past.ID)
		if g := admin.get(pastEdit); g.doc.Find(`form[action="`+pastEdit+`"]`).Length() != 0 || !strings.Contains(g.text("main"), "tidak dapat diubah") {
			t.Errorf("a past session's page offers the form: %q", g.text("main .notice"))
		}
		pastDay := past.StartsAt.In(WIB).Format("2006-01-02")
		r = admin.post(pastEdit, values("Pembukaan ulang", pastDay, "09.00", "10.00", "Aula"))
		if r.status != http.StatusConflict || !strings.Contains(r.text(".error-summary"), "tidak dapat diubah") {
			t.Fatalf("change a past session: %d %q", r.status, r.text(".error-summary"))
		}
		if ls, _ := db.LiveSession(ctx, past.ID); ls.Topic != "Pembukaan" {
			t.Fatal("a past session was changed")
		}
	})
}
