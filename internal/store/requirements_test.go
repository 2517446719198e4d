package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// The checklist's value (Requirements, Met) and the certificate must agree
// in every state: each requirement missing in turn, and none.
func TestRequirementsAgreeWithIssuing(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		for _, missing := range []string{"materi-2", "kuis", "latihan", "hadir", ""} {
			u, e := s.trainee(t)
			s.everythingBut(t, u, e, missing)
			if missing == "kuis" {
				s.quiz(t, e, false)
			}
			if missing == "hadir" {
				s.attend(t, u.ID, domain.AttendExcused)
			}
			reqs, err := db.Requirements(ctx, []int64{e})
			if err != nil {
				t.Fatal(err)
			}
			r := reqs[e]
			if r == nil {
				t.Fatalf("%s: no requirements read", missing)
			}
			_, issued := s.certificate(t, e)
			if r.Met() != issued {
				t.Fatalf("missing %q: Met() = %v but certificate issued = %v", missing, r.Met(), issued)
			}
			if issued != (missing == "") {
				t.Fatalf("missing %q: issued = %v", missing, issued)
			}
			if len(r.Items) != 4 {
				t.Fatalf("missing %q: %d required items, want 4 (the optional lesson is not required): %+v", missing, len(r.Items), r.Items)
			}
			wantLessons := 2
			if missing == "materi-2" {
				wantLessons = 1
			}
			if d, n := r.Tally("lesson"); d != wantLessons || n != 2 {
				t.Fatalf("missing %q: lessons %d of %d", missing, d, n)
			}
			if missing == "kuis" {
				for _, it := range r.Items {
					if it.Kind == "quiz" && (it.Attempts != 1 || it.Done()) {
						t.Fatalf("failed quiz: %+v", it)
					}
				}
			}
			if len(r.Sessions) != 1 || r.RequiredAttendance != 1 {
				t.Fatalf("missing %q: sessions %+v, required %d", missing, r.Sessions, r.RequiredAttendance)
			}
			wantStatus := domain.AttendPresent
			if missing == "hadir" {
				wantStatus = domain.AttendExcused
			}
			if r.Sessions[0].Status != wantStatus || (r.Attended() == 1) != (missing != "hadir") {
				t.Fatalf("missing %q: session %+v", missing, r.Sessions[0])
			}
			if len(r.Facilitators) != 1 || r.Facilitators[0] != "Fasilitator Uji" {
				t.Fatalf("facilitators: %v", r.Facilitators)
			}
		}
	})
}

// A session that has not started takes no attendance, whoever calls the
// store, so nothing of it counts towards a certificate.
func TestAttendanceRefusedBeforeTheSessionStarts(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		u, e := s.trainee(t)
		s.everythingBut(t, u, e, "hadir")
		start := time.Now().Add(time.Hour)
		coming, err := db.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: s.cohort.ID, Topic: "Sesi penutup", StartsAt: start,
			EndsAt: start.Add(2 * time.Hour), Place: "Aula"})
		if err != nil {
			t.Fatal(err)
		}
		err = db.MarkAttendance(ctx, s.fac.ID, coming.ID, map[int64]string{u.ID: domain.AttendPresent}, time.Now())
		if !errors.Is(err, store.ErrSessionNotStarted) {
			t.Fatalf("attendance of a coming session: %v, want ErrSessionNotStarted", err)
		}
		if domain.ErrorCode(err) != domain.CodeInvalid {
			t.Fatalf("error %v is not an invalid-input AppError", err)
		}
		rows, err := db.SessionAttendance(ctx, coming.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.Status != "" {
				t.Fatalf("stored %q for %s", r.Status, r.Name)
			}
		}
		if _, ok := s.certificate(t, e); ok {
			t.Fatal("a certificate was issued on the attendance of a session to come")
		}
		// The session that has taken place still takes it, and completes the certificate.
		s.attend(t, u.ID, domain.AttendPresent)
		if _, ok := s.certificate(t, e); !ok {
			t.Fatal("no certificate after attending the past session")
		}
	})
}

// Attempts sent at once never pass a quiz's limit, on either engine: of six
// failed attempts at a quiz allowing three, three are stored and three refused.
func TestConcurrentQuizAttemptsStayWithinTheLimit(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		for round := range 8 {
			_, e := s.trainee(t)
			errs := atOnce(6, func(i int) error {
				_, err := db.RecordQuizAttempt(ctx, domain.QuizAttempt{EnrollmentID: e, CourseID: certCourse, ItemID: "kuis",
					ContentHash: "h", Correct: 0, Total: 2, Score: 0, PassScore: 70}, map[string][]string{"q": {"b"}}, 3)
				return err
			})
			stored, refused := 0, 0
			for _, err := range errs {
				switch {
				case err == nil:
					stored++
				case errors.Is(err, store.ErrNoQuizAttemptsLeft):
					refused++
				default:
					t.Fatalf("round %d: %v", round, err)
				}
			}
			n, err := db.CountQuizAttempts(ctx, e, "kuis")
			if err != nil {
				t.Fatal(err)
			}
			if stored != 3 || refused != 3 || n != 3 {
				t.Fatalf("round %d: %d stored, %d refused, %d in the database; want 3, 3, 3", round, stored, refused, n)
			}
		}
	})
}
