package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/notice"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// certSetup is a course with every kind of requirement: two lessons, a
// quiz and a practice required, one lesson optional, one live session to attend.
type certSetup struct {
	db      *store.DB
	region  domain.Region
	fac     domain.User
	admin   domain.User
	cohort  domain.Cohort
	session domain.LiveSession
	n       int
}

const certCourse = "sert"

func certItems(required bool) []store.ItemRow {
	return []store.ItemRow{
		{CourseID: certCourse, ItemID: "materi-1", Kind: "lesson", Title: "Materi 1", ModuleID: "m", Position: 1, ContentHash: "h", Required: required},
		{CourseID: certCourse, ItemID: "materi-2", Kind: "lesson", Title: "Materi 2", ModuleID: "m", Position: 2, ContentHash: "h", Required: required},
		{CourseID: certCourse, ItemID: "kuis", Kind: "quiz", Title: "Kuis", ModuleID: "m", Position: 3, ContentHash: "h", Required: required},
		{CourseID: certCourse, ItemID: "latihan", Kind: "practice", Title: "Rilis", ModuleID: "m", Position: 4, ContentHash: "h", Required: required},
		{CourseID: certCourse, ItemID: "bacaan", Kind: "lesson", Title: "Bacaan tambahan", ModuleID: "m", Position: 5, ContentHash: "h", Required: false},
	}
}

func setupCertificates(t testing.TB, db *store.DB) *certSetup {
	t.Helper()
	ctx := context.Background()
	r, err := db.EnsureRegion(ctx, "kabupaten-uji", "Pemerintah Kabupaten Uji", "UJI")
	if err != nil {
		t.Fatal(err)
	}
	s := &certSetup{db: db, region: r}
	if s.fac, err = db.CreateUser(ctx, nil, domain.NewUser{RegionID: s.region.ID, Email: "fas@uji.id", Name: "Fasilitator Uji", Role: domain.RoleFasilitator, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	if s.admin, err = db.CreateUser(ctx, nil, domain.NewUser{RegionID: s.region.ID, Email: "admin@uji.id", Name: "Agus Admin", Role: domain.RoleAdmin, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SyncCourses(ctx, []store.CourseRow{{ID: certCourse, Title: "Kursus Sertifikasi", ContentHash: "h",
		CertificateTitle: "Sertifikat Uji Kompetensi", ValidityMonths: 12, RequiredAttendance: 1, Items: certItems(true)}}); err != nil {
		t.Fatal(err)
	}
	if s.cohort, err = db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: s.region.ID, CourseID: certCourse, Name: "Angkatan Uji",
		StartsOn: time.Now(), EndsOn: time.Now().AddDate(0, 1, 0), FacilitatorIDs: []int64{s.fac.ID}}); err != nil {
		t.Fatal(err)
	}
	start := time.Now().Add(-48 * time.Hour)
	if s.session, err = db.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: s.cohort.ID, Topic: "Sesi pembukaan", StartsAt: start,
		EndsAt: start.Add(2 * time.Hour), Place: "Aula"}); err != nil {
		t.Fatal(err)
	}
	return s
}

// trainee creates a peserta enrolled in the setup's cohort and returns their enrollment id.
func (s *certSetup) trainee(t testing.TB) (domain.User, int64) {
	t.Helper()
	ctx := context.Background()
	s.n++
	u, err := s.db.CreateUser(ctx, nil, domain.NewUser{RegionID: s.region.ID, Email: fmt.Sprintf("peserta%d@uji.id", s.n),
		Name: fmt.Sprintf("Peserta Uji %d", s.n), Role: domain.RolePeserta, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Enroll(ctx, nil, s.cohort.ID, []int64{u.ID}); err != nil {
		t.Fatal(err)
	}
	e, err := s.db.EnrollmentForCourse(ctx, u.ID, certCourse)
	if err != nil {
		t.Fatal(err)
	}
	return u, e.ID
}

func (s *certSetup) lesson(t *testing.T, enrollment int64, item string) {
	t.Helper()
	if err := s.db.SetItemState(context.Background(), enrollment, certCourse, item, "h", domain.StateDone); err != nil {
		t.Fatal(err)
	}
}

func (s *certSetup) quizAttempt(enrollment int64, passed bool) error {
	score := 50
	if passed {
		score = 100
	}
	_, err := s.db.RecordQuizAttempt(context.Background(), domain.QuizAttempt{EnrollmentID: enrollment, CourseID: certCourse, ItemID: "kuis",
		ContentHash: "h", Correct: score / 50, Total: 2, Score: score, PassScore: 70, Passed: passed}, map[string][]string{"q": {"a"}}, 0)
	return err
}

func (s *certSetup) quiz(t *testing.T, enrollment int64, passed bool) {
	t.Helper()
	if err := s.quizAttempt(enrollment, passed); err != nil {
		t.Fatal(err)
	}
}

// submit sends the practice for review (no decision yet).
func (s *certSetup) submit(t *testing.T, u domain.User, enrollment int64) domain.Submission {
	t.Helper()
	ctx := context.Background()
	sub, err := s.db.EnsureSubmission(ctx, enrollment, u.ID, certCourse, "latihan")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.db.Submit(ctx, domain.SubmitInput{SubmissionID: sub.ID, LockVersion: sub.LockVersion, SubmitKey: "k", Headline: "Judul",
		Body: "Isi", ReportJSON: "{}", GraderVersion: "g", AutoScore: 80, ItemHash: "h"}); err != nil {
		t.Fatal(err)
	}
	sub, err = s.db.Submission(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

func (s *certSetup) approve(t *testing.T, sub domain.Submission) {
	t.Helper()
	ctx := context.Background()
	vs, err := s.db.Versions(ctx, sub.ID)
	if err != nil || len(vs) == 0 {
		t.Fatalf("versions: %v", err)
	}
	if _, err := s.db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: vs[len(vs)-1].ID, LockVersion: sub.LockVersion,
		ReviewerID: s.fac.ID, Decision: domain.DecisionApprove, FinalScore: 80, Scores: scores(80, 80, "")}); err != nil {
		t.Fatal(err)
	}
}

func (s *certSetup) attend(t *testing.T, userID int64, status string) {
	t.Helper()
	if err := s.db.MarkAttendance(context.Background(), s.fac.ID, s.session.ID, map[int64]string{userID: status}, time.Now()); err != nil {
		t.Fatal(err)
	}
}

// everythingBut completes every requirement except the named one
// ("materi-2", "kuis", "latihan" or "hadir").
func (s *certSetup) everythingBut(t *testing.T, u domain.User, enrollment int64, missing string) {
	t.Helper()
	for _, item := range []string{"materi-1", "materi-2"} {
		if item != missing {
			s.lesson(t, enrollment, item)
		}
	}
	if missing != "kuis" {
		s.quiz(t, enrollment, true)
	}
	if missing != "latihan" {
		s.approve(t, s.submit(t, u, enrollment))
	}
	if missing != "hadir" {
		s.attend(t, u.ID, domain.AttendPresent)
	}
}

func (s *certSetup) certificate(t *testing.T, enrollment int64) (domain.CertificateView, bool) {
	t.Helper()
	c, err := s.db.CertificateOfEnrollment(context.Background(), enrollment)
	if errors.Is(err, domain.ErrNotFound) {
		return c, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return c, true
}

func certificatesOf(t *testing.T, db *store.DB, userID int64) []domain.CertificateView {
	t.Helper()
	cs, err := db.CertificatesOfUser(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func TestCertificateIssuedByTheEventThatCompletesTheLastRequirement(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		year := time.Now().In(certify.WIB).Year()
		// Each kind of event can be the last one; each must issue at once.
		for i, last := range []string{"materi-2", "kuis", "latihan", "hadir"} {
			t.Run("last is "+last, func(t *testing.T) {
				u, e := s.trainee(t)
				s.everythingBut(t, u, e, last)
				if _, ok := s.certificate(t, e); ok {
					t.Fatalf("certificate issued while %s is missing", last)
				}
				before := time.Now().UTC()
				switch last {
				case "materi-2":
					s.lesson(t, e, "materi-2")
				case "kuis":
					s.quiz(t, e, false) // a failed attempt completes nothing
					if _, ok := s.certificate(t, e); ok {
						t.Fatal("a failed quiz issued the certificate")
					}
					s.quiz(t, e, true)
				case "latihan":
					sub := s.submit(t, u, e)
					if _, ok := s.certificate(t, e); ok {
						t.Fatal("a practice waiting for review issued the certificate")
					}
					s.approve(t, sub)
				case "hadir":
					s.attend(t, u.ID, domain.AttendExcused) // izin is not attendance
					if _, ok := s.certificate(t, e); ok {
						t.Fatal("izin counted as attendance")
					}
					s.attend(t, u.ID, domain.AttendPresent)
				}
				c, ok := s.certificate(t, e)
				if !ok {
					t.Fatalf("no certificate after %s completed the course", last)
				}
				if want := fmt.Sprintf("BMT/%d/UJI/%06d", year, i+1); c.Number != want {
					t.Errorf("number %q, want %q", c.Number, want)
				}
				if code, err := certify.ParseCode(c.Code); err != nil || code != c.Code {
					t.Errorf("code %q does not parse: %v", c.Code, err)
				}
				if c.IssuedAt.Before(before.Add(-time.Second)) || c.IssuedAt.After(time.Now().Add(time.Second)) {
					t.Errorf("issued_at %v is not now", c.IssuedAt)
				}
				want, _ := certify.ValidUntil(c.IssuedAt, 12, certify.WIB)
				if !c.ValidUntil.Equal(want) {
					t.Errorf("valid_until %v, want %v (12 months)", c.ValidUntil, want)
				}
				if st := c.StatusAt(time.Now()); st != certify.Valid {
					t.Errorf("status %s", st)
				}
				if c.HolderName != u.Name || c.CourseTitle != "Kursus Sertifikasi" || c.Title() != "Sertifikat Uji Kompetensi" || c.CohortID != s.cohort.ID {
					t.Errorf("view: %+v", c)
				}
				news, _ := db.Notifications(ctx, u.ID, 1)
				if len(news) != 1 || notice.Render(news[0], i18n.ID).Message != "Selamat! “Sertifikat Uji Kompetensi” Anda terbit dengan nomor "+c.Number+"." || notice.Render(news[0], i18n.ID).Link != "/sertifikat" {
					t.Errorf("notification: %+v", news)
				}
				audit, _ := db.AuditFor(ctx, "certificate", fmt.Sprint(c.ID), 5)
				if len(audit) != 1 || audit[0].Action != "certificate.issue" || !strings.Contains(audit[0].AfterJSON, c.Number) {
					t.Errorf("audit: %+v", audit)
				}
				// Later events change nothing: still exactly one.
				s.lesson(t, e, "materi-1")
				s.lesson(t, e, "bacaan")
				s.attend(t, u.ID, domain.AttendPresent)
				if cs := certificatesOf(t, db, u.ID); len(cs) != 1 || cs[0].ID != c.ID {
					t.Errorf("after more events: %d certificates", len(cs))
				}
			})
		}
	})
}

func TestCertificateByAutoPassedPractice(t *testing.T) {
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
		auto := func(key string, score int) {
			cur, _ := db.Submission(ctx, sub.ID)
			if _, _, err := db.Submit(ctx, domain.SubmitInput{SubmissionID: sub.ID, LockVersion: cur.LockVersion, SubmitKey: key, Headline: "J",
				Body: "I", ReportJSON: "{}", GraderVersion: "g", AutoScore: score, ItemHash: "h", AutoReview: true, PassScore: 70}); err != nil {
				t.Fatal(err)
			}
		}
		auto("a", 60) // returned automatically: not passed
		if _, ok := s.certificate(t, e); ok {
			t.Fatal("an auto-returned practice issued the certificate")
		}
		auto("b", 75)
		if _, ok := s.certificate(t, e); !ok {
			t.Fatal("an auto-passed practice did not issue the certificate")
		}
	})
}

func TestOptionalItemsAndCoursesWithoutCertificate(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		u, e := s.trainee(t)
		s.everythingBut(t, u, e, "materi-2")
		// The course stops issuing certificates (validity 0): completing issues nothing.
		if _, err := db.SyncCourses(ctx, []store.CourseRow{{ID: certCourse, Title: "Kursus Sertifikasi", ContentHash: "h2", Items: certItems(true)}}); err != nil {
			t.Fatal(err)
		}
		s.lesson(t, e, "materi-2")
		if _, ok := s.certificate(t, e); ok {
			t.Fatal("a course without a certificate issued one")
		}
		// Requirements relaxed to "none" for items: attendance alone decides.
		if _, err := db.SyncCourses(ctx, []store.CourseRow{{ID: certCourse, Title: "Kursus Sertifikasi", ContentHash: "h3", ValidityMonths: 6,
			RequiredAttendance: 1, Items: certItems(false)}}); err != nil {
			t.Fatal(err)
		}
		items, _ := db.CourseItems(ctx, certCourse)
		for _, it := range items {
			if it.Required {
				t.Fatalf("item %s still required after sync", it.ItemID)
			}
		}
		u2, e2 := s.trainee(t)
		s.attend(t, u2.ID, domain.AttendPresent)
		c, ok := s.certificate(t, e2)
		if !ok {
			t.Fatal("attendance alone should complete a course that requires no items")
		}
		if want, _ := certify.ValidUntil(c.IssuedAt, 6, certify.WIB); !c.ValidUntil.Equal(want) {
			t.Errorf("valid_until %v, want 6 months: %v", c.ValidUntil, want)
		}
	})
}

func TestCertificateExactlyOnceUnderConcurrency(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		const trainees = 8
		type tr struct {
			u domain.User
			e int64
		}
		var all []tr
		for i := 0; i < trainees; i++ {
			u, e := s.trainee(t)
			// Everything but the second lesson and the quiz: two events will finish it together.
			s.lesson(t, e, "materi-1")
			s.approve(t, s.submit(t, u, e))
			s.attend(t, u.ID, domain.AttendPresent)
			all = append(all, tr{u, e})
		}
		var wg sync.WaitGroup
		errs := make(chan error, 2*trainees)
		for _, x := range all {
			wg.Add(2)
			go func() {
				defer wg.Done()
				errs <- db.SetItemState(ctx, x.e, certCourse, "materi-2", "h", domain.StateDone)
			}()
			go func() {
				defer wg.Done()
				errs <- s.quizAttempt(x.e, true)
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		seqs := map[int]bool{}
		for _, x := range all {
			cs := certificatesOf(t, db, x.u.ID)
			if len(cs) != 1 {
				t.Fatalf("%s has %d certificates, want exactly 1", x.u.Name, len(cs))
			}
			seqs[cs[0].Seq] = true
		}
		for i := 1; i <= trainees; i++ {
			if !seqs[i] {
				t.Fatalf("numbers %v are not 1..%d without gaps", seqs, trainees)
			}
		}
	})
}

// completeWithoutCertificate completes every requirement while the course
// issues no certificate, then turns certificates back on: the enrollment is
// due, and nothing has issued it yet.
func (s *certSetup) completeWithoutCertificate(t *testing.T) (domain.User, int64) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.db.SyncCourses(ctx, []store.CourseRow{{ID: certCourse, Title: "Kursus Sertifikasi", ContentHash: "off", Items: certItems(true)}}); err != nil {
		t.Fatal(err)
	}
	u, e := s.trainee(t)
	s.everythingBut(t, u, e, "")
	if _, err := s.db.SyncCourses(ctx, []store.CourseRow{{ID: certCourse, Title: "Kursus Sertifikasi", ContentHash: "on",
		CertificateTitle: "Sertifikat Uji Kompetensi", ValidityMonths: 12, RequiredAttendance: 1, Items: certItems(true)}}); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.certificate(t, e); ok {
		t.Fatal("setup: certificate issued while the course had none")
	}
	return u, e
}

func TestTwoTransactionsIssuingAtOnceMakeOneCertificate(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		u, e := s.completeWithoutCertificate(t)
		var wg sync.WaitGroup
		var mu sync.Mutex
		issued := 0
		start := make(chan struct{})
		for i := 0; i < 4; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				ok, err := db.IssueInTx(ctx, e, time.Now(), false)
				if err != nil {
					t.Error(err)
				}
				if ok {
					mu.Lock()
					issued++
					mu.Unlock()
				}
			}()
		}
		close(start)
		wg.Wait()
		if issued != 1 {
			t.Fatalf("%d transactions report issuing, want exactly 1", issued)
		}
		if cs := certificatesOf(t, db, u.ID); len(cs) != 1 || cs[0].Seq != 1 {
			t.Fatalf("certificates: %+v", cs)
		}
	})
}

func TestUniqueViolationMeansAlreadyIssuedAndLeavesNoGap(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		u, e := s.trainee(t)
		s.everythingBut(t, u, e, "")
		first, ok := s.certificate(t, e)
		if !ok {
			t.Fatal("no certificate")
		}
		// Straight to the insert, past the check: the unique key refuses it,
		// the transaction goes on (it writes and commits), and the number
		// taken for the attempt is given back.
		stored, err := db.InsertAgain(ctx, e, time.Now())
		if err != nil || stored {
			t.Fatalf("second insert for one enrollment: stored=%v err=%v", stored, err)
		}
		audit, _ := db.AuditFor(ctx, "enrollment", "x", 1)
		if len(audit) != 1 {
			t.Fatal("the transaction did not survive the unique violation")
		}
		u2, e2 := s.trainee(t)
		s.everythingBut(t, u2, e2, "")
		second, _ := s.certificate(t, e2)
		if first.Seq != 1 || second.Seq != 2 {
			t.Fatalf("numbers %d, %d: want 1, 2 with no gap", first.Seq, second.Seq)
		}
	})
}

func TestNumbersHaveNoGapWhenTheIssuingTransactionFails(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		_, e := s.completeWithoutCertificate(t)
		// The completing transaction fails after issuing: certificate and number go away together.
		if _, err := db.IssueInTx(ctx, e, time.Now(), true); err != nil {
			t.Fatal(err)
		}
		if _, ok := s.certificate(t, e); ok {
			t.Fatal("a rolled-back transaction left its certificate")
		}
		if ok, err := db.IssueInTx(ctx, e, time.Now(), false); err != nil || !ok {
			t.Fatalf("issue after the failure: %v %v", ok, err)
		}
		c, _ := s.certificate(t, e)
		u2, e2 := s.trainee(t)
		s.everythingBut(t, u2, e2, "")
		c2, _ := s.certificate(t, e2)
		year := time.Now().In(certify.WIB).Year()
		if c.Number != fmt.Sprintf("BMT/%d/UJI/000001", year) || c2.Number != fmt.Sprintf("BMT/%d/UJI/000002", year) {
			t.Fatalf("numbers %s, %s: want 000001 and 000002", c.Number, c2.Number)
		}
		// A new year starts again at 1; an old year goes on where it stopped.
		u3, e3 := s.trainee(t)
		_ = u3
		old, err := db.SeedCertificate(ctx, store.SeedCertificateInput{EnrollmentID: e3, IssuedAt: time.Date(2024, 3, 5, 2, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if old.Number != "BMT/2024/UJI/000001" || old.Year != 2024 {
			t.Fatalf("seeded 2024 certificate numbered %s", old.Number)
		}
	})
}

func TestExpiryRecertificationAndReminders(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		u, e := s.trainee(t)
		now := time.Now().UTC()
		// Issued 13 months ago with 12 months' validity: expired a month ago.
		old, err := db.SeedCertificate(ctx, store.SeedCertificateInput{EnrollmentID: e, IssuedAt: now.AddDate(-1, -1, 0)})
		if err != nil {
			t.Fatal(err)
		}
		if st := old.StatusAt(now); st != certify.Expired || st.Label() != "Kedaluwarsa" {
			t.Fatalf("13-month-old certificate: %s", st)
		}
		if st := old.StatusAt(old.ValidUntil.Add(-time.Second)); st != certify.Valid {
			t.Fatalf("a second before valid_until: %s", st)
		}
		again, err := db.SeedCertificate(ctx, store.SeedCertificateInput{EnrollmentID: e, IssuedAt: now})
		if err != nil || again.ID != old.ID {
			t.Fatalf("seeding twice must return the first: %v %d/%d", err, again.ID, old.ID)
		}
		// Recertification: a later cohort of the same course, completed again.
		cohort2, err := db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: s.region.ID, CourseID: certCourse, Name: "Angkatan Ulang",
			StartsOn: now.AddDate(0, 0, 1), EndsOn: now.AddDate(0, 1, 0), FacilitatorIDs: []int64{s.fac.ID}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Enroll(ctx, nil, cohort2.ID, []int64{u.ID}); err != nil {
			t.Fatal(err)
		}
		e2, err := db.EnrollmentForCourse(ctx, u.ID, certCourse)
		if err != nil || e2.ID == e {
			t.Fatalf("new enrollment: %v", err)
		}
		ls, err := db.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: cohort2.ID, Topic: "Sesi ulang", StartsAt: now.Add(-3 * time.Hour), EndsAt: now.Add(-time.Hour), Place: "Aula"})
		if err != nil {
			t.Fatal(err)
		}
		s.lesson(t, e2.ID, "materi-1")
		s.lesson(t, e2.ID, "materi-2")
		s.quiz(t, e2.ID, true)
		s.approve(t, s.submit(t, u, e2.ID))
		if err := db.MarkAttendance(ctx, s.fac.ID, ls.ID, map[int64]string{u.ID: domain.AttendPresent}, time.Now()); err != nil {
			t.Fatal(err)
		}
		cs := certificatesOf(t, db, u.ID)
		if len(cs) != 2 || cs[1].ID != old.ID || cs[0].EnrollmentID != e2.ID || cs[0].StatusAt(now) != certify.Valid {
			t.Fatalf("after recertification want the new valid one and the old one kept: %+v", cs)
		}

		// Reminders: valid ones ending within 60 days, not renewed, not revoked.
		u3, e3 := s.trainee(t)
		soon, err := db.SeedCertificate(ctx, store.SeedCertificateInput{EnrollmentID: e3, IssuedAt: now.AddDate(-1, 0, 30)})
		if err != nil {
			t.Fatal(err)
		}
		window := now.Add(certify.ReminderWindow)
		got, err := db.ExpiringCertificates(ctx, u3.ID, now, window)
		if err != nil || len(got) != 1 || got[0].ID != soon.ID {
			t.Fatalf("expiring in ~30 days: %+v %v", got, err)
		}
		if got, _ := db.ExpiringCertificates(ctx, u.ID, now, window); len(got) != 0 {
			t.Fatalf("expired and freshly renewed certificates are no reminders: %+v", got)
		}
		if _, err := db.RevokeCertificate(ctx, domain.RevokeInput{ActorID: s.admin.ID, RegionID: s.region.ID, CertificateID: soon.ID, Reason: "Data ganda", Now: now}); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.ExpiringCertificates(ctx, u3.ID, now, window); len(got) != 0 {
			t.Fatalf("a revoked certificate is no reminder: %+v", got)
		}
	})
}

func TestRevokeCertificate(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		u, e := s.trainee(t)
		s.everythingBut(t, u, e, "")
		c, _ := s.certificate(t, e)
		at := time.Date(2026, 9, 2, 3, 0, 0, 0, time.UTC)
		in := domain.RevokeInput{ActorID: s.admin.ID, RegionID: s.region.ID, CertificateID: c.ID, Now: at}

		for _, bad := range []struct{ reason, want string }{
			{"  ", "wajib diisi"},
			{strings.Repeat("a", store.MaxRevokeReason+1), "paling banyak 500 karakter; saat ini 501"},
		} {
			in.Reason = bad.reason
			if _, err := db.RevokeCertificate(ctx, in); domain.ErrorCode(err) != domain.CodeInvalid || !strings.Contains(err.Error(), bad.want) {
				t.Fatalf("reason %q: %v", bad.reason, err)
			}
		}
		in.Reason = "Latihan rilis terbukti jiplakan."
		other := in
		other.RegionID = s.region.ID + 1000
		if _, err := db.RevokeCertificate(ctx, other); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("revoking from another region: %v", err)
		}
		if got, _ := s.certificate(t, e); got.RevokedAt != nil {
			t.Fatal("a refused revocation changed the certificate")
		}

		v, err := db.RevokeCertificate(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if v.RevokedAt == nil || !v.RevokedAt.Equal(at) || v.RevokeReason != in.Reason || v.RevokedByName != "Agus Admin" || v.StatusAt(at) != certify.Revoked {
			t.Fatalf("revoked: %+v", v)
		}
		audit, _ := db.AuditFor(ctx, "certificate", fmt.Sprint(c.ID), 5)
		if len(audit) != 2 || audit[0].Action != "certificate.revoke" || audit[0].Reason != in.Reason || *audit[0].ActorID != s.admin.ID {
			t.Fatalf("audit: %+v", audit)
		}
		news, _ := db.Notifications(ctx, u.ID, 1)
		if len(news) != 1 || !strings.Contains(notice.Render(news[0], i18n.ID).Message, "dicabut") || !strings.Contains(notice.Render(news[0], i18n.ID).Message, in.Reason) {
			t.Fatalf("holder not told: %+v", news)
		}

		// Twice: a conflict that says when, by whom and why; nothing changes.
		second := in
		second.Reason = "Alasan lain"
		second.Now = at.Add(time.Hour)
		_, err = db.RevokeCertificate(ctx, second)
		if domain.ErrorCode(err) != domain.CodeConflict {
			t.Fatalf("second revoke: %v", err)
		}
		want := "Sertifikat " + c.Number + " sudah dicabut pada 2 September 2026 oleh Agus Admin dengan alasan “Latihan rilis terbukti jiplakan.”; tidak ada yang diubah."
		if err.Error() != want {
			t.Fatalf("second revoke message:\n got %s\nwant %s", err, want)
		}
		after, _ := s.certificate(t, e)
		if !after.RevokedAt.Equal(at) || after.RevokeReason != in.Reason {
			t.Fatalf("second revoke changed the certificate: %+v", after)
		}
		if audit, _ := db.AuditFor(ctx, "certificate", fmt.Sprint(c.ID), 5); len(audit) != 2 {
			t.Fatalf("second revoke wrote audit: %d entries", len(audit))
		}
	})
}

func TestRevokeRace(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		u, e := s.trainee(t)
		s.everythingBut(t, u, e, "")
		c, _ := s.certificate(t, e)
		var wg sync.WaitGroup
		results := make(chan error, 3)
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := db.RevokeCertificate(ctx, domain.RevokeInput{ActorID: s.admin.ID, RegionID: s.region.ID, CertificateID: c.ID,
					Reason: fmt.Sprintf("alasan %d", i), Now: time.Now()})
				results <- err
			}()
		}
		wg.Wait()
		close(results)
		ok, conflicts := 0, 0
		for err := range results {
			switch domain.ErrorCode(err) {
			case domain.CodeConflict:
				conflicts++
			default:
				if err != nil {
					t.Fatal(err)
				}
				ok++
			}
		}
		if ok != 1 || conflicts != 2 {
			t.Fatalf("three admins revoking at once: %d succeeded, %d conflicts", ok, conflicts)
		}
	})
}

func TestCertificateLookupsAndRegionList(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		now := time.Now().UTC()
		var views []domain.CertificateView
		for i, issued := range []time.Time{now.AddDate(0, -1, 0), now.AddDate(-2, 0, 0), now.AddDate(0, -2, 0)} {
			_, e := s.trainee(t)
			v, err := db.SeedCertificate(ctx, store.SeedCertificateInput{EnrollmentID: e, IssuedAt: issued})
			if err != nil {
				t.Fatal(err)
			}
			if i == 2 {
				if v, err = db.RevokeCertificate(ctx, domain.RevokeInput{ActorID: s.admin.ID, RegionID: s.region.ID, CertificateID: v.ID, Reason: "x", Now: now}); err != nil {
					t.Fatal(err)
				}
			}
			views = append(views, v)
		}
		byCode, err := db.CertificateByCode(ctx, views[0].Code)
		if err != nil || byCode.ID != views[0].ID || byCode.RegionName != "Pemerintah Kabupaten Uji" {
			t.Fatalf("by code: %+v %v", byCode, err)
		}
		if _, err := db.CertificateByCode(ctx, "23456789ABCD"); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("unknown code: %v", err)
		}
		if _, err := db.CertificateByID(ctx, 999999); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("unknown id: %v", err)
		}
		for _, tc := range []struct {
			f    domain.CertificateFilter
			want []int // indexes into views, newest first
		}{
			{domain.CertificateFilter{}, []int{0, 2, 1}},
			{domain.CertificateFilter{Status: certify.Valid}, []int{0}},
			{domain.CertificateFilter{Status: certify.Expired}, []int{1}},
			{domain.CertificateFilter{Status: certify.Revoked}, []int{2}},
			{domain.CertificateFilter{Query: "peserta uji 2"}, []int{1}},
			{domain.CertificateFilter{Query: strings.ToLower(views[2].Number)}, []int{2}},
			{domain.CertificateFilter{Query: "%"}, nil}, // a literal percent sign, not a wildcard
			{domain.CertificateFilter{Query: "_"}, nil},
		} {
			tc.f.RegionID, tc.f.Now = s.region.ID, now
			got, err := db.CertificatesOfRegion(ctx, tc.f, 10, 0)
			if err != nil {
				t.Fatal(err)
			}
			total, err := db.CountCertificates(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, g := range got {
				ids = append(ids, g.ID)
			}
			var want []int64
			for _, i := range tc.want {
				want = append(want, views[i].ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(want) || total != len(want) {
				t.Errorf("filter %+v: got %v (total %d), want %v", tc.f, ids, total, want)
			}
		}
		page2, err := db.CertificatesOfRegion(ctx, domain.CertificateFilter{RegionID: s.region.ID, Now: now}, 2, 2)
		if err != nil || len(page2) != 1 || page2[0].ID != views[1].ID {
			t.Fatalf("second page: %+v %v", page2, err)
		}
	})
}

func TestHitLookupLimit(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		t0 := time.Date(2026, 4, 16, 10, 0, 5, 0, time.UTC)
		for i := 1; i <= 3; i++ {
			n, err := db.HitLookupLimit(ctx, "verifikasi", "10.0.0.1", t0.Add(time.Duration(i)*time.Second), time.Minute)
			if err != nil || n != i {
				t.Fatalf("hit %d: %d %v", i, n, err)
			}
		}
		if n, _ := db.HitLookupLimit(ctx, "verifikasi", "10.0.0.2", t0, time.Minute); n != 1 {
			t.Fatalf("another address starts at 1, got %d", n)
		}
		if n, _ := db.HitLookupLimit(ctx, "lain", "10.0.0.1", t0, time.Minute); n != 1 {
			t.Fatalf("another scope starts at 1, got %d", n)
		}
		if n, _ := db.HitLookupLimit(ctx, "verifikasi", "10.0.0.1", t0.Add(time.Minute), time.Minute); n != 1 {
			t.Fatalf("the next minute starts at 1, got %d", n)
		}
		// Two hours later the old windows are cleared when a new one opens.
		if n, _ := db.HitLookupLimit(ctx, "verifikasi", "10.0.0.9", t0.Add(2*time.Hour), time.Minute); n != 1 {
			t.Fatalf("later: %d", n)
		}
		if n, _ := db.HitLookupLimit(ctx, "verifikasi", "10.0.0.1", t0.Add(30*time.Second), time.Minute); n != 1 {
			t.Fatalf("the old window should have been pruned, count went on at %d", n)
		}
	})
}

// BenchmarkCompletionCheck measures what every completing event now pays
// when the certificate is not yet due: the enrollment lock (PostgreSQL) and
// the one query that counts what is missing.
//
//	go test ./internal/store -run '^$' -bench CompletionCheck
func BenchmarkCompletionCheck(b *testing.B) {
	engines := map[string]func(testing.TB) *store.DB{"sqlite": testkit.SQLite}
	if os.Getenv(testkit.PostgresEnv) != "" {
		engines["postgres"] = testkit.Postgres
	}
	for _, name := range []string{"sqlite", "postgres"} {
		open, ok := engines[name]
		if !ok {
			continue
		}
		b.Run(name, func(b *testing.B) {
			db := open(b)
			s := setupCertificates(b, db)
			_, e := s.trainee(b)
			ctx := context.Background()
			now := time.Now()
			for b.Loop() {
				if ok, err := db.IssueInTx(ctx, e, now, false); err != nil || ok {
					b.Fatal(ok, err)
				}
			}
		})
	}
}
