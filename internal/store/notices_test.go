package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/notice"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// refuseNotices makes the database refuse every new notification of kind
// until the returned function is called, so a test can see whether the
// change that causes one is undone with it.
func refuseNotices(t *testing.T, db *store.DB, kind domain.NoticeKind) (allow func()) {
	t.Helper()
	ctx := context.Background()
	exec := func(q string) {
		t.Helper()
		if err := db.ExecComplianceTest(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if db.Dialect == store.Postgres {
		exec(`CREATE FUNCTION refuse_notice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'pemberitahuan ditolak'; END $$`)
		exec(fmt.Sprintf(`CREATE TRIGGER refuse_notice BEFORE INSERT ON notifications FOR EACH ROW WHEN (NEW.kind = '%s') EXECUTE FUNCTION refuse_notice()`, kind))
		return func() {
			exec(`DROP TRIGGER refuse_notice ON notifications`)
			exec(`DROP FUNCTION refuse_notice()`)
		}
	}
	exec(fmt.Sprintf(`CREATE TRIGGER refuse_notice BEFORE INSERT ON notifications WHEN NEW.kind = '%s' BEGIN SELECT RAISE(ABORT, 'pemberitahuan ditolak'); END`, kind))
	return func() { exec(`DROP TRIGGER refuse_notice`) }
}

func notices(t *testing.T, db *store.DB, userID int64) []domain.Notification {
	t.Helper()
	ns, err := db.Notifications(context.Background(), userID, 10)
	if err != nil {
		t.Fatal(err)
	}
	return ns
}

// expectNotice checks the newest notification's kind, parameters and words.
func expectNotice(t *testing.T, ns []domain.Notification, kind domain.NoticeKind, p domain.NoticeParams, message string) {
	t.Helper()
	if len(ns) == 0 {
		t.Fatalf("no notification, want %s", kind)
	}
	n := ns[0]
	if n.Kind != kind || n.Params != p || n.LegacyMessage != "" || n.LegacyLink != "" {
		t.Errorf("notification = %s %+v (legacy %q %q), want %s %+v", n.Kind, n.Params, n.LegacyMessage, n.LegacyLink, kind, p)
	}
	if got := notice.Render(n, i18n.ID).Message; got != message {
		t.Errorf("reads %q, want %q", got, message)
	}
}

// Every change that tells someone writes the notification as kind and
// parameters in its own transaction: when the notification cannot be
// written, the change is not made either.
func TestNotificationsAreWrittenWithTheChangeTheyReport(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		u, e := s.trainee(t)
		s.everythingBut(t, u, e, "latihan")
		sub, err := db.EnsureSubmission(ctx, e, u.ID, certCourse, "latihan")
		if err != nil {
			t.Fatal(err)
		}
		submit := func(key string) error {
			cur, err := db.Submission(ctx, sub.ID)
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = db.Submit(ctx, domain.SubmitInput{SubmissionID: sub.ID, LockVersion: cur.LockVersion, SubmitKey: key, Headline: "Judul",
				Body: "Isi", ReportJSON: "{}", GraderVersion: "g", AutoScore: 80, ItemHash: "h", Notify: []int64{s.fac.ID}})
			return err
		}
		decide := func(decision domain.Decision, score int) error {
			cur, err := db.Submission(ctx, sub.ID)
			if err != nil {
				t.Fatal(err)
			}
			vs, err := db.Versions(ctx, sub.ID)
			if err != nil || len(vs) == 0 {
				t.Fatalf("versions: %v", err)
			}
			_, err = db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: vs[len(vs)-1].ID, LockVersion: cur.LockVersion,
				ReviewerID: s.fac.ID, Decision: decision, FinalScore: score, Scores: scores(80, 80, "")})
			return err
		}
		state := func() (domain.SubmissionState, int) {
			cur, err := db.Submission(ctx, sub.ID)
			if err != nil {
				t.Fatal(err)
			}
			return cur.State, cur.Versions
		}

		// A release sent for review tells the cohort's facilitator.
		allow := refuseNotices(t, db, domain.NoticeSubmissionSent)
		if err := submit("k1"); err == nil {
			t.Fatal("submitted although its notification was refused")
		}
		if st, n := state(); st != domain.SubDraft || n != 0 || len(notices(t, db, s.fac.ID)) != 0 {
			t.Fatalf("a refused notification left the submission %s with %d versions", st, n)
		}
		allow()
		if err := submit("k1"); err != nil {
			t.Fatal(err)
		}
		expectNotice(t, notices(t, db, s.fac.ID), domain.NoticeSubmissionSent,
			domain.NoticeParams{SubmissionID: sub.ID, Version: 1, Trainee: u.Name, CourseID: certCourse, ItemID: "latihan", ItemTitle: "Rilis"},
			u.Name+" mengirim versi 1 dari latihan “Rilis” untuk dinilai.")

		// A decision tells the trainee, with the item's title from the course.
		allow = refuseNotices(t, db, domain.NoticeSubmissionReturned)
		if err := decide(domain.DecisionReturn, 60); err == nil {
			t.Fatal("decided although its notification was refused")
		}
		if st, _ := state(); st != domain.SubSubmitted || len(notices(t, db, u.ID)) != 0 {
			t.Fatalf("a refused notification left the submission %s", st)
		}
		if rs, _ := db.ReviewsOf(ctx, sub.ID); len(rs) != 0 {
			t.Fatalf("a refused notification left a review: %+v", rs)
		}
		allow()
		if err := decide(domain.DecisionReturn, 60); err != nil {
			t.Fatal(err)
		}
		expectNotice(t, notices(t, db, u.ID), domain.NoticeSubmissionReturned,
			domain.NoticeParams{SubmissionID: sub.ID, CourseID: certCourse, ItemID: "latihan", ItemTitle: "Rilis", Score: 60},
			"Latihan “Rilis” dikembalikan untuk revisi (nilai 60).")

		// Approving the last requirement issues the certificate; its
		// notification belongs to the same transaction as the decision.
		if err := submit("k2"); err != nil {
			t.Fatal(err)
		}
		allow = refuseNotices(t, db, domain.NoticeCertificateIssued)
		if err := decide(domain.DecisionApprove, 85); err == nil {
			t.Fatal("approved although the certificate's notification was refused")
		}
		if _, ok := s.certificate(t, e); ok {
			t.Fatal("a refused notification left a certificate")
		}
		if st, _ := state(); st != domain.SubSubmitted || len(notices(t, db, u.ID)) != 1 {
			t.Fatalf("a refused notification left the submission %s and %d notifications", st, len(notices(t, db, u.ID)))
		}
		allow()
		if err := decide(domain.DecisionApprove, 85); err != nil {
			t.Fatal(err)
		}
		c, ok := s.certificate(t, e)
		if !ok {
			t.Fatal("no certificate")
		}
		ns := notices(t, db, u.ID)
		if len(ns) != 3 {
			t.Fatalf("trainee has %d notifications, want 3", len(ns))
		}
		expectNotice(t, ns, domain.NoticeCertificateIssued,
			domain.NoticeParams{CertificateID: c.ID, Number: c.Number, CourseID: certCourse, CourseTitle: "Kursus Sertifikasi", CertificateTitle: "Sertifikat Uji Kompetensi"},
			"Selamat! “Sertifikat Uji Kompetensi” Anda terbit dengan nomor "+c.Number+".")
		expectNotice(t, ns[1:], domain.NoticeSubmissionApproved,
			domain.NoticeParams{SubmissionID: sub.ID, CourseID: certCourse, ItemID: "latihan", ItemTitle: "Rilis", Score: 85},
			"Latihan “Rilis” disetujui (nilai 85).")

		// A revocation tells the holder why.
		in := domain.RevokeInput{ActorID: s.admin.ID, RegionID: s.region.ID, CertificateID: c.ID, Reason: "Data ganda", Now: time.Now()}
		allow = refuseNotices(t, db, domain.NoticeCertificateRevoked)
		if _, err := db.RevokeCertificate(ctx, in); err == nil {
			t.Fatal("revoked although its notification was refused")
		}
		if c, _ := s.certificate(t, e); c.RevokedAt != nil {
			t.Fatal("a refused notification left the certificate revoked")
		}
		allow()
		if _, err := db.RevokeCertificate(ctx, in); err != nil {
			t.Fatal(err)
		}
		expectNotice(t, notices(t, db, u.ID), domain.NoticeCertificateRevoked,
			domain.NoticeParams{CertificateID: c.ID, Number: c.Number, CourseID: certCourse, CourseTitle: "Kursus Sertifikasi",
				CertificateTitle: "Sertifikat Uji Kompetensi", Reason: "Data ganda"},
			"“Sertifikat Uji Kompetensi” nomor "+c.Number+" dicabut oleh admin. Alasan: Data ganda.")
	})
}

// Migration 00010 keeps every notification written as text before it: the
// text and link are shown as written, the kind comes from the old label, and
// read and e-mail state stay as they were.
func TestMigrationKeepsNotificationsWrittenAsText(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := mustRegion(t, db)
		u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: r.ID, Email: "rina@uji.id", Name: "Rina", Role: domain.RolePeserta, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		// A notification written by this version survives going down and up again.
		if err := db.Notify(ctx, u.ID, domain.NoticeCertificateIssued, domain.NoticeParams{Number: "BMT/2026/UJI/000001", CourseTitle: "Kursus"}); err != nil {
			t.Fatal(err)
		}
		if err := db.MigrateToForTest(ctx, 9); err != nil {
			t.Fatalf("down to 00009: %v", err)
		}
		at := time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC)
		old := []struct {
			kind, message, link string
			wantKind            domain.NoticeKind
		}{
			{"kiriman_baru", "Rina mengirim rilis (versi 2) untuk dinilai.", "/penilaian/7", domain.NoticeSubmissionSent},
			{"keputusan", `Rilis "Rilis (nilai akhir)" disetujui (nilai 88).`, "/kursus/k/materi/p", domain.NoticeSubmissionApproved},
			{"keputusan", `Rilis "Posyandu" dikembalikan (nilai 61).`, "/kursus/k/materi/p", domain.NoticeSubmissionReturned},
			{"keputusan", `Rilis "Posyandu" ditolak (nilai 12).`, "/kursus/k/materi/p", domain.NoticeSubmissionRejected},
			{"sertifikat", "Selamat! Sertifikat Uji Anda terbit dengan nomor BMT/2026/UJI/000002.", "/sertifikat", domain.NoticeCertificateIssued},
			{"sertifikat_dicabut", "Sertifikat Uji nomor BMT/2026/UJI/000002 dicabut oleh admin. Alasan: Data ganda", "/sertifikat", domain.NoticeCertificateRevoked},
			{"pengumuman", "Jadwal sesi berubah.", "", domain.NoticeLegacy},
		}
		for i, o := range old {
			// The first is read and was mailed after one failure.
			var readAt, emailedAt any
			attempts := 0
			if i == 0 {
				readAt, emailedAt, attempts = at.Add(time.Hour), at.Add(time.Minute), 1
			}
			if err := db.ExecComplianceTest(ctx, `INSERT INTO notifications (user_id, kind, message, link, created_at, read_at, emailed_at, email_attempts)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, u.ID, o.kind, o.message, o.link, at.Add(time.Duration(i)*time.Second), readAt, emailedAt, attempts); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.MigrateToForTest(ctx, 10); err != nil {
			t.Fatalf("up to 00010: %v", err)
		}
		ns := notices(t, db, u.ID)
		if len(ns) != len(old)+1 {
			t.Fatalf("%d notifications after the migration, want %d", len(ns), len(old)+1)
		}
		for i, o := range old {
			n := ns[len(old)-1-i] // newest first
			got := notice.Render(n, i18n.ID)
			if n.Kind != o.wantKind || got.Message != o.message || got.Link != o.link || n.Params != (domain.NoticeParams{}) {
				t.Errorf("%q: kind %s, reads %q → %q; want %s, %q → %q", o.kind, n.Kind, got.Message, got.Link, o.wantKind, o.message, o.link)
			}
			if !n.CreatedAt.Equal(at.Add(time.Duration(i) * time.Second)) {
				t.Errorf("%q: created %v", o.kind, n.CreatedAt)
			}
			first := i == 0
			if (n.ReadAt != nil) != first || (n.EmailedAt != nil) != first || (n.EmailAttempts == 1) != first {
				t.Errorf("%q: read %v, emailed %v, attempts %d", o.kind, n.ReadAt, n.EmailedAt, n.EmailAttempts)
			}
		}
		// The one written by this version went down with a general sentence.
		if got := notice.Render(ns[len(ns)-1], i18n.ID).Message; got != "Ada pemberitahuan untuk Anda." {
			t.Errorf("after down and up: %q", got)
		}
		// New notifications take ids after every kept one.
		if err := db.Notify(ctx, u.ID, domain.NoticeSubmissionSent, domain.NoticeParams{SubmissionID: 1, Version: 1, Trainee: "Rina"}); err != nil {
			t.Fatal(err)
		}
		ns = notices(t, db, u.ID)
		for _, n := range ns[1:] {
			if n.ID >= ns[0].ID {
				t.Fatalf("new notification has id %d, an older one %d", ns[0].ID, n.ID)
			}
		}
		expectNotice(t, ns, domain.NoticeSubmissionSent, domain.NoticeParams{SubmissionID: 1, Version: 1, Trainee: "Rina"},
			"Rina mengirim rilis (versi 1) untuk dinilai.")
	})
}
