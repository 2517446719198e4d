package store_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// Every write path run by several goroutines released at the same moment,
// many rounds, on both engines: each answers as the sequential case would or
// with a domain error of CodeConflict, never a raw driver error.

// atOnce runs fn(0..n-1) in n goroutines released together and returns their errors.
func atOnce(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	start := make(chan struct{})
	var ready, done sync.WaitGroup
	ready.Add(n)
	done.Add(n)
	for i := range n {
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			errs[i] = fn(i)
		}()
	}
	ready.Wait()
	close(start)
	done.Wait()
	return errs
}

// tally counts successes and conflicts and fails the test on any other error.
func tally(t *testing.T, what string, errs []error) (ok, conflicts int) {
	t.Helper()
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case domain.ErrorCode(err) == domain.CodeConflict:
			conflicts++
		default:
			t.Fatalf("%s: unexpected error (a 500 for the user): %v", what, err)
		}
	}
	return ok, conflicts
}

// allOK fails the test unless every error is nil.
func allOK(t *testing.T, what string, errs []error) {
	t.Helper()
	if ok, conflicts := tally(t, what, errs); conflicts > 0 {
		t.Fatalf("%s: %d of %d conflicted, want none (sequentially each succeeds)", what, conflicts, ok+conflicts)
	}
}

// oneWins fails the test unless exactly one call succeeded and the rest conflicted.
func oneWins(t *testing.T, what string, errs []error) {
	t.Helper()
	if ok, conflicts := tally(t, what, errs); ok != 1 {
		t.Fatalf("%s: %d succeeded and %d conflicted, want exactly one winner", what, ok, conflicts)
	}
}

const (
	raceCourse = "serentak"
	raceItems  = 40 // items of each kind; a round uses fresh ones
)

// raceSetup is a course with raceItems lessons, quizzes and practices (none
// required, no certificate) and one enrolled trainee with two facilitators.
type raceSetup struct {
	db         *store.DB
	region     domain.Region
	admin      domain.User
	trainee    domain.User
	fac, fac2  domain.User
	cohort     domain.Cohort
	enrollment int64
}

func lessonID(i int) string   { return fmt.Sprintf("materi-%d", i) }
func quizID(i int) string     { return fmt.Sprintf("kuis-%d", i) }
func practiceID(i int) string { return fmt.Sprintf("latihan-%d", i) }

func setupRace(t *testing.T, db *store.DB) *raceSetup {
	t.Helper()
	ctx := context.Background()
	s := &raceSetup{db: db, region: mustRegion(t, db)}
	mk := func(email string, role domain.Role) domain.User {
		u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: s.region.ID, Email: email, Name: "Uji " + email, Role: role, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	s.admin, s.trainee = mk("admin@serentak.id", domain.RoleAdmin), mk("peserta@serentak.id", domain.RolePeserta)
	s.fac, s.fac2 = mk("fas1@serentak.id", domain.RoleFasilitator), mk("fas2@serentak.id", domain.RoleFasilitator)
	var items []store.ItemRow
	for i := range raceItems {
		for _, it := range []struct{ id, kind string }{{lessonID(i), "lesson"}, {quizID(i), "quiz"}, {practiceID(i), "practice"}} {
			items = append(items, store.ItemRow{CourseID: raceCourse, ItemID: it.id, Kind: it.kind, Title: it.id, ModuleID: "m",
				Position: len(items) + 1, ContentHash: "h"})
		}
	}
	if _, err := db.SyncCourses(ctx, []store.CourseRow{{ID: raceCourse, Title: "Kursus Serentak", ContentHash: "h", Items: items}}); err != nil {
		t.Fatal(err)
	}
	var err error
	if s.cohort, err = db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: s.region.ID, CourseID: raceCourse, Name: "Angkatan Serentak",
		StartsOn: time.Now(), EndsOn: time.Now().AddDate(0, 1, 0), FacilitatorIDs: []int64{s.fac.ID, s.fac2.ID}}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Enroll(ctx, nil, s.cohort.ID, []int64{s.trainee.ID}); err != nil {
		t.Fatal(err)
	}
	e, err := db.EnrollmentForCourse(ctx, s.trainee.ID, raceCourse)
	if err != nil {
		t.Fatal(err)
	}
	s.enrollment = e.ID
	return s
}

func (s *raceSetup) states(t *testing.T) map[string]string {
	t.Helper()
	st, err := s.db.ItemStates(context.Background(), s.enrollment)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func (s *raceSetup) submission(t *testing.T, item string) domain.Submission {
	t.Helper()
	sub, err := s.db.EnsureSubmission(context.Background(), s.enrollment, s.trainee.ID, raceCourse, item)
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

func (s *raceSetup) submit(sub domain.Submission, key string) (domain.SubmissionVersion, bool, error) {
	return s.db.Submit(context.Background(), domain.SubmitInput{SubmissionID: sub.ID, LockVersion: sub.LockVersion, SubmitKey: key,
		Headline: "Judul " + key, Body: "Isi " + key, ReportJSON: "{}", GraderVersion: "g", AutoScore: 75, MaxAttempts: 3,
		ItemHash: "h", Notify: []int64{s.fac.ID}})
}

func (s *raceSetup) versions(t *testing.T, subID int64) []domain.SubmissionVersion {
	t.Helper()
	vs, err := s.db.Versions(context.Background(), subID)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

// TestConcurrentFirstOpenOfAnItem: two or three tabs open an item for the first time at once.
func TestConcurrentFirstOpenOfAnItem(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		for round := range raceItems {
			for _, item := range []string{lessonID(round), quizID(round)} {
				allOK(t, "first open of "+item, atOnce(3, func(int) error {
					return db.SetItemState(ctx, s.enrollment, raceCourse, item, "h", domain.StateStarted)
				}))
			}
		}
		st := s.states(t)
		for round := range raceItems {
			if got := st[lessonID(round)]; got != domain.StateStarted {
				t.Fatalf("%s is %q, want %q", lessonID(round), got, domain.StateStarted)
			}
		}
	})
}

// TestConcurrentMarkDoneMovesOnlyForward: "Tandai selesai" clicked twice
// while another tab opens the same untouched lesson; done always wins.
func TestConcurrentMarkDoneMovesOnlyForward(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		for round := range raceItems {
			item := lessonID(round)
			allOK(t, "mark done of "+item, atOnce(3, func(i int) error {
				state := domain.StateDone
				if i == 1 {
					state = domain.StateStarted
				}
				return db.SetItemState(ctx, s.enrollment, raceCourse, item, "h", state)
			}))
		}
		st := s.states(t)
		for round := range raceItems {
			if got := st[lessonID(round)]; got != domain.StateDone {
				t.Fatalf("%s is %q after a racing open and two marks, want %q", lessonID(round), got, domain.StateDone)
			}
		}
	})
}

// TestConcurrentQuizAttempts: a quiz sent from two tabs at once records both
// attempts (as sequentially) and a pass is never undone by a fail.
func TestConcurrentQuizAttempts(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		for round := range raceItems {
			item := quizID(round)
			allOK(t, "attempts at "+item, atOnce(2, func(i int) error {
				_, err := db.RecordQuizAttempt(ctx, domain.QuizAttempt{EnrollmentID: s.enrollment, CourseID: raceCourse, ItemID: item,
					ContentHash: "h", Correct: 2 - i, Total: 2, Score: 100 - 50*i, PassScore: 70, Passed: i == 0}, map[string][]string{"q": {"a"}}, 0)
				return err
			}))
			as, err := db.QuizAttempts(ctx, s.enrollment, item, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(as) != 2 {
				t.Fatalf("%s has %d attempts, want 2", item, len(as))
			}
		}
		st := s.states(t)
		for round := range raceItems {
			if got := st[quizID(round)]; got != domain.StatePassed {
				t.Fatalf("%s is %q, want %q", quizID(round), got, domain.StatePassed)
			}
		}
	})
}

// TestConcurrentEnsureSubmission: the first autosave, "Periksa" and "Kirim" of a practice at once make one submission.
func TestConcurrentEnsureSubmission(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		for round := range raceItems {
			ids := make([]int64, 3)
			allOK(t, "ensure submission", atOnce(3, func(i int) error {
				sub, err := db.EnsureSubmission(ctx, s.enrollment, s.trainee.ID, raceCourse, practiceID(round))
				ids[i] = sub.ID
				return err
			}))
			if ids[0] == 0 || ids[0] != ids[1] || ids[1] != ids[2] {
				t.Fatalf("round %d: submissions %v, want one", round, ids)
			}
		}
	})
}

// TestConcurrentFirstAutosaves: the first autosaves of a practice from two
// tabs at once, beside the page opening it, make one submission holding one
// of the texts, and none fails.
func TestConcurrentFirstAutosaves(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		for round := range raceItems {
			item := practiceID(round)
			allOK(t, "first autosaves", atOnce(3, func(i int) error {
				if i == 2 {
					_, err := db.EnsureSubmission(ctx, s.enrollment, s.trainee.ID, raceCourse, item)
					return err
				}
				_, err := db.SaveDraftOf(ctx, s.enrollment, s.trainee.ID, raceCourse, item, "Judul", fmt.Sprintf("tab %d", i))
				return err
			}))
			sub, err := db.SubmissionFor(ctx, s.enrollment, item)
			if err != nil {
				t.Fatal(err)
			}
			if sub.State != domain.SubDraft || (sub.DraftBody != "tab 0" && sub.DraftBody != "tab 1") || sub.DraftSavedAt == nil {
				t.Fatalf("round %d: %+v", round, sub)
			}
		}
	})
}

// TestConcurrentDoubleClickSubmit: the same "Kirim rilis" form arriving two
// or three times at once makes one version, and every request gets it.
func TestConcurrentDoubleClickSubmit(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		for round := range raceItems {
			sub := s.submission(t, practiceID(round))
			got := make([]domain.SubmissionVersion, 3)
			created := make([]bool, 3)
			allOK(t, "double click", atOnce(3, func(i int) error {
				var err error
				got[i], created[i], err = s.submit(sub, "klik")
				return err
			}))
			oneVersionForEveryClick(t, round, got, created)
			if vs := s.versions(t, sub.ID); len(vs) != 1 {
				t.Fatalf("round %d: %d versions stored, want 1", round, len(vs))
			}
		}
	})
}

// oneVersionForEveryClick: the clicks of one send all got version 1, and
// exactly one of them reports creating it.
func oneVersionForEveryClick(t *testing.T, round int, got []domain.SubmissionVersion, created []bool) {
	t.Helper()
	n := 0
	for i := range got {
		if got[i].ID != got[0].ID || got[i].Number != 1 {
			t.Fatalf("round %d: versions %+v, want the same version 1 for every click", round, got)
		}
		if created[i] {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("round %d: %d requests report creating the version, want 1", round, n)
	}
}

// TestConcurrentFirstSubmitCreates: "Kirim rilis" on a practice never saved
// before (Submit creates the draft), the click arriving three times at once:
// one submission, one version that every click gets, one notice for each
// facilitator of the cohort, and the item done.
func TestConcurrentFirstSubmitCreates(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		for round := range raceItems {
			item := practiceID(round)
			got := make([]domain.SubmissionVersion, 3)
			created := make([]bool, 3)
			allOK(t, "first send", atOnce(3, func(i int) error {
				var err error
				got[i], created[i], err = db.Submit(ctx, domain.SubmitInput{EnrollmentID: s.enrollment, UserID: s.trainee.ID, CourseID: raceCourse,
					ItemID: item, LockVersion: 1, SubmitKey: "klik", Headline: "Judul", Body: "Isi", ReportJSON: "{}", GraderVersion: "g", AutoScore: 75,
					MaxAttempts: 3, ItemHash: "h", NotifyCohort: s.cohort.ID})
				return err
			}))
			oneVersionForEveryClick(t, round, got, created)
			if got[0].SubmissionID == 0 {
				t.Fatalf("round %d: versions %+v, want the same version 1 for every click", round, got)
			}
			sub, err := db.SubmissionFor(ctx, s.enrollment, item)
			if err != nil || sub.ID != got[0].SubmissionID || sub.State != domain.SubSubmitted || sub.Versions != 1 {
				t.Fatalf("round %d: submission %+v (%v), want #%d sent once", round, sub, err, got[0].SubmissionID)
			}
			if vs := s.versions(t, sub.ID); len(vs) != 1 {
				t.Fatalf("round %d: %d versions stored, want 1", round, len(vs))
			}
			if st := s.states(t)[item]; st != domain.StateDone {
				t.Fatalf("round %d: progress %q, want %q", round, st, domain.StateDone)
			}
		}
		for _, f := range []domain.User{s.fac, s.fac2} {
			ns, err := db.Notifications(ctx, f.ID, 2*raceItems)
			if err != nil {
				t.Fatal(err)
			}
			if len(ns) != raceItems {
				t.Fatalf("%s: %d notifications, want one per release (%d)", f.Email, len(ns), raceItems)
			}
		}
	})
}

// TestConcurrentSubmitFromTwoTabs: two forms of the same lock version sent
// at once: one version, the other tab gets a conflict.
func TestConcurrentSubmitFromTwoTabs(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		for round := range raceItems {
			sub := s.submission(t, practiceID(round))
			oneWins(t, "two tabs", atOnce(2, func(i int) error {
				_, _, err := s.submit(sub, fmt.Sprintf("tab-%d", i))
				return err
			}))
			if vs := s.versions(t, sub.ID); len(vs) != 1 {
				t.Fatalf("round %d: %d versions stored, want 1", round, len(vs))
			}
		}
	})
}

// TestConcurrentAutosaveAndSubmit: an autosave racing "Kirim rilis" either
// lands before it or is refused as not editable; the sent text is the version's.
func TestConcurrentAutosaveAndSubmit(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		for round := range raceItems {
			sub := s.submission(t, practiceID(round))
			errs := atOnce(3, func(i int) error {
				if i == 0 {
					_, _, err := s.submit(sub, "kirim")
					return err
				}
				if i == 2 { // as the web saves it
					_, err := db.SaveDraftOf(ctx, s.enrollment, s.trainee.ID, raceCourse, sub.ItemID, "Draf", "isi draf 2")
					return err
				}
				_, err := db.SaveDraft(ctx, sub.ID, "Draf", fmt.Sprintf("isi draf %d", i))
				return err
			})
			if errs[0] != nil {
				t.Fatalf("round %d: submit: %v", round, errs[0])
			}
			tally(t, "autosave beside submit", errs)
			if vs := s.versions(t, sub.ID); len(vs) != 1 || vs[0].Body != "Isi kirim" {
				t.Fatalf("round %d: versions %+v", round, vs)
			}
		}
	})
}

// TestConcurrentDecisions: two facilitators deciding, another opening and a
// third commenting at once: one decision, the rest conflict or pass.
func TestConcurrentDecisions(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		for round := range raceItems / 2 {
			sub := s.submission(t, practiceID(round))
			v, _, err := s.submit(sub, "k")
			if err != nil {
				t.Fatal(err)
			}
			sub, err = db.Submission(ctx, sub.ID)
			if err != nil {
				t.Fatal(err)
			}
			decisions := []domain.Decision{domain.DecisionApprove, domain.DecisionReturn}
			errs := atOnce(4, func(i int) error {
				switch i {
				case 2:
					return db.OpenForReview(ctx, sub.ID)
				case 3:
					_, err := db.AddComment(ctx, domain.ReviewComment{VersionID: v.ID, ReviewerID: s.fac.ID, Field: "isi", Start: 0, End: 3, Quote: "Isi", Body: "Perjelas."})
					return err
				}
				reviewer := []int64{s.fac.ID, s.fac2.ID}[i]
				_, err := db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: v.ID, LockVersion: sub.LockVersion, ReviewerID: reviewer,
					Decision: decisions[i], FinalScore: 75, Scores: scores(75, 75, "")})
				return err
			})
			tally(t, "open and comment beside decisions", errs[2:])
			oneWins(t, "two decisions", errs[:2])
		}
	})
}

// TestConcurrentEnrollAndFacilitators: two admins enrolling overlapping lists and adding the same facilitator at once.
func TestConcurrentEnrollAndFacilitators(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		var ids []int64
		for i := range 6 {
			u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: s.region.ID, Email: fmt.Sprintf("baru%d@serentak.id", i), Name: "Peserta Baru",
				Role: domain.RolePeserta, PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, u.ID)
		}
		for round := range 10 {
			co, err := db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: s.region.ID, CourseID: raceCourse, Name: fmt.Sprintf("Angkatan %d", round),
				StartsOn: time.Now(), EndsOn: time.Now()})
			if err != nil {
				t.Fatal(err)
			}
			added := make([]int, 3)
			allOK(t, "enroll", atOnce(3, func(i int) error {
				var err error
				added[i], err = db.Enroll(ctx, &s.admin.ID, co.ID, ids[i*2:])
				return err
			}))
			if n := added[0] + added[1] + added[2]; n != len(ids) {
				t.Fatalf("round %d: %v added, %d in total, want %d", round, added, n, len(ids))
			}
			allOK(t, "add facilitator", atOnce(3, func(int) error { return db.AddFacilitator(ctx, &s.admin.ID, co.ID, s.fac.ID) }))
			if fs, err := db.CohortFacilitators(ctx, co.ID); err != nil || len(fs) != 1 {
				t.Fatalf("round %d: facilitators %v %v", round, fs, err)
			}
		}
	})
}

// TestConcurrentAttendance: two facilitators saving the same session's list at
// once (each in its own order of trainees) both succeed.
func TestConcurrentAttendance(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		statuses := map[int64]string{s.trainee.ID: domain.AttendPresent}
		for i := range 12 {
			u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: s.region.ID, Email: fmt.Sprintf("hadir%d@serentak.id", i), Name: "Peserta Hadir",
				Role: domain.RolePeserta, PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			statuses[u.ID] = []string{domain.AttendPresent, domain.AttendExcused, domain.AttendAbsent}[i%3]
			if _, err := db.Enroll(ctx, nil, s.cohort.ID, []int64{u.ID}); err != nil {
				t.Fatal(err)
			}
		}
		for round := range 20 {
			ls, err := db.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: s.cohort.ID, Topic: fmt.Sprintf("Sesi %d", round),
				StartsAt: time.Now().Add(-time.Hour), EndsAt: time.Now(), Place: "Aula"})
			if err != nil {
				t.Fatal(err)
			}
			allOK(t, "attendance", atOnce(3, func(i int) error {
				return db.MarkAttendance(ctx, []int64{s.fac.ID, s.fac2.ID, s.fac.ID}[i], ls.ID, statuses, time.Now())
			}))
			rows, err := db.SessionAttendance(ctx, ls.ID)
			if err != nil {
				t.Fatal(err)
			}
			marked := 0
			for _, r := range rows {
				if r.Status != "" {
					marked++
				}
			}
			if marked != len(statuses) {
				t.Fatalf("round %d: %d marked, want %d", round, marked, len(statuses))
			}
		}
	})
}

// TestConcurrentAdminCreations: two admins creating the same user, OPD,
// cohort or account at once: one is created, the other is told it exists.
func TestConcurrentAdminCreations(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		opd, err := db.CreateOPD(ctx, s.admin.ID, s.region.ID, domain.OPDInput{Name: "Dinas Serentak", ShortName: "DS", Kind: "dinas"})
		if err != nil {
			t.Fatal(err)
		}
		for round := range 15 {
			oneWins(t, "same email", atOnce(3, func(int) error {
				_, err := db.CreateUser(ctx, &s.admin.ID, domain.NewUser{RegionID: s.region.ID, Email: fmt.Sprintf("kembar%d@serentak.id", round),
					Name: "Pengguna Kembar", Role: domain.RolePeserta, PasswordHash: "x"})
				return err
			}))
			oneWins(t, "same OPD name", atOnce(3, func(int) error {
				_, err := db.CreateOPD(ctx, s.admin.ID, s.region.ID, domain.OPDInput{Name: fmt.Sprintf("Dinas Kembar %d", round), ShortName: "DK", Kind: "dinas"})
				return err
			}))
			oneWins(t, "same cohort name", atOnce(3, func(int) error {
				_, err := db.CreateCohort(ctx, &s.admin.ID, domain.NewCohort{RegionID: s.region.ID, CourseID: raceCourse,
					Name: fmt.Sprintf("Angkatan Kembar %d", round), StartsOn: time.Now(), EndsOn: time.Now()})
				return err
			}))
			handle := fmt.Sprintf("dinasserentak%d", round)
			in := compliance.AccountInput{Platform: "instagram", Handle: handle, URL: "https://instagram.com/" + handle}
			oneWins(t, "same account", atOnce(3, func(int) error {
				_, err := db.AddSocialAccount(ctx, s.admin.ID, s.region.ID, opd.ID, in)
				return err
			}))
			accs, err := db.SocialAccounts(ctx, opd.ID)
			if err != nil {
				t.Fatal(err)
			}
			acc := accs[len(accs)-1]
			oneWins(t, "remove account", atOnce(3, func(int) error {
				_, err := db.RemoveSocialAccount(ctx, s.admin.ID, s.region.ID, opd.ID, acc.ID)
				return err
			}))
			oneWins(t, "re-add removed account", atOnce(3, func(int) error {
				_, err := db.AddSocialAccount(ctx, s.admin.ID, s.region.ID, opd.ID, in)
				return err
			}))
			if _, err := db.RemoveSocialAccount(ctx, s.admin.ID, s.region.ID, opd.ID, acc.ID); err != nil {
				t.Fatal(err)
			}
			audit, err := db.AuditFor(ctx, "opd", fmt.Sprint(opd.ID), 1000)
			if err != nil {
				t.Fatal(err)
			}
			if want := 1 + 4*(round+1); len(audit) != want {
				t.Fatalf("round %d: %d audit entries for the OPD, want %d (one per change that happened)", round, len(audit), want)
			}
		}
	})
}

// TestConcurrentAccountChanges: two admins renaming OPDs to one name, designating
// the same trainee, or changing a user's password and status at once.
func TestConcurrentAccountChanges(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		for round := range 15 {
			var opds []domain.OPD
			for i := range 3 {
				o, err := db.CreateOPD(ctx, s.admin.ID, s.region.ID, domain.OPDInput{Name: fmt.Sprintf("Kecamatan %d-%d", round, i), ShortName: "Kec", Kind: "kecamatan"})
				if err != nil {
					t.Fatal(err)
				}
				opds = append(opds, o)
			}
			oneWins(t, "rename to one name", atOnce(3, func(i int) error {
				_, err := db.UpdateOPD(ctx, s.admin.ID, s.region.ID, opds[i].ID, domain.OPDInput{Name: fmt.Sprintf("Kecamatan Baru %d", round), ShortName: "Kec", Kind: "kecamatan"})
				return err
			}))
			opd := opds[0].ID
			u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: s.region.ID, OPDID: &opd, Email: fmt.Sprintf("admin-opd%d@serentak.id", round),
				Name: "Calon Admin", Role: domain.RolePeserta, PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			oneWins(t, "designate", atOnce(3, func(int) error {
				_, err := db.SetDesignatedAdmin(ctx, s.admin.ID, s.region.ID, opd, u.ID, true)
				return err
			}))
			allOK(t, "passwords", atOnce(2, func(i int) error {
				return db.SetPassword(ctx, &s.admin.ID, u.ID, fmt.Sprintf("hash-%d", i))
			}))
			oneWins(t, "deactivate", atOnce(3, func(int) error { return db.SetActive(ctx, s.admin.ID, u.ID, false) }))
			oneWins(t, "reactivate", atOnce(3, func(int) error { return db.SetActive(ctx, s.admin.ID, u.ID, true) }))
			audit, err := db.AuditFor(ctx, "user", fmt.Sprint(u.ID), 100)
			if err != nil {
				t.Fatal(err)
			}
			if want := 1 + 1 + 2 + 2; len(audit) != want {
				t.Fatalf("round %d: %d audit entries for the user, want %d (creation, designation, two passwords, two status changes)", round, len(audit), want)
			}
		}
	})
}

// TestConcurrentTokensSessionsAndNotifications: the small writes of every request.
func TestConcurrentTokensSessionsAndNotifications(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		for round := range 15 {
			ids := make([]int64, 3)
			allOK(t, "create tokens", atOnce(3, func(i int) error {
				tok, _, err := db.CreateAPIToken(ctx, domain.NewAPIToken{RegionID: s.region.ID, Name: "Sistem SIPD", CreatedBy: s.admin.ID})
				ids[i] = tok.ID
				return err
			}))
			touched := 0
			var mu sync.Mutex
			at := time.Now().Add(time.Duration(round) * time.Hour)
			allOK(t, "touch token", atOnce(3, func(int) error {
				ok, err := db.TouchAPIToken(ctx, ids[0], at)
				if ok {
					mu.Lock()
					touched++
					mu.Unlock()
				}
				return err
			}))
			if touched == 0 {
				t.Fatalf("round %d: no touch reported", round)
			}
			sid := fmt.Sprintf("sesi-%d", round)
			t0 := time.Now().UTC()
			if err := db.CreateSession(ctx, domain.Session{ID: sid, UserID: &s.trainee.ID, Data: "{}", CreatedAt: t0, LastSeenAt: t0, ExpiresAt: t0.Add(time.Hour)}); err != nil {
				t.Fatal(err)
			}
			allOK(t, "session writes", atOnce(4, func(i int) error {
				switch i {
				case 0:
					return db.TouchSession(ctx, sid, t0.Add(time.Minute))
				case 1:
					return db.UpdateSession(ctx, sid, &s.trainee.ID, `{"a":1}`, t0.Add(time.Minute))
				case 2:
					return db.RecordLoginAttempt(ctx, s.trainee.Email, "127.0.0.1", false)
				default:
					return db.DeleteSession(ctx, sid)
				}
			}))
			allOK(t, "notifications", atOnce(4, func(i int) error {
				if i < 2 {
					return db.Notify(ctx, s.trainee.ID, domain.NoticeSubmissionSent, domain.NoticeParams{SubmissionID: 1, Version: 1, Trainee: "Peserta"})
				}
				return db.MarkNotificationsRead(ctx, s.trainee.ID)
			}))
			hits := make([]int, 4)
			window := time.Now().Add(time.Duration(round) * time.Hour)
			allOK(t, "lookup limit", atOnce(4, func(i int) error {
				var err error
				hits[i], err = db.HitLookupLimit(ctx, "uji", "10.0.0.1", window, time.Minute)
				return err
			}))
			seen := map[int]bool{}
			for _, h := range hits {
				seen[h] = true
			}
			if len(seen) != 4 || !seen[1] || !seen[4] {
				t.Fatalf("round %d: hit counts %v, want 1..4 once each", round, hits)
			}
		}
		claimed := map[int64]int{}
		var mu sync.Mutex
		allOK(t, "claim outbox", atOnce(3, func(int) error {
			mails, err := db.ClaimOutbox(ctx, time.Now().Add(-time.Hour), 100)
			mu.Lock()
			defer mu.Unlock()
			for _, m := range mails {
				claimed[m.ID]++
			}
			return err
		}))
		for id, n := range claimed {
			if n != 1 {
				t.Fatalf("notification %d claimed %d times", id, n)
			}
		}
		if len(claimed) != 30 {
			t.Fatalf("%d notifications claimed, want 30", len(claimed))
		}
	})
}

// TestConcurrentSetupWrites: two processes starting at once on one database
// (region, OPDs, course sync) and two recounts of the compliance summary.
func TestConcurrentSetupWrites(t *testing.T) {
	t.Parallel()
	testkit.ForEachDBPair(t, func(t *testing.T, a, b *store.DB) {
		ctx := context.Background()
		dbs := []*store.DB{a, b, a, b}
		for round := range 15 {
			regions := make([]domain.Region, 4)
			allOK(t, "ensure region", atOnce(4, func(i int) error {
				var err error
				regions[i], err = dbs[i].EnsureRegion(ctx, fmt.Sprintf("kabupaten-%d", round), fmt.Sprintf("Kabupaten %d", round), fmt.Sprintf("K%02d", round))
				return err
			}))
			opds := make([]domain.OPD, 4)
			allOK(t, "ensure OPD", atOnce(4, func(i int) error {
				var err error
				opds[i], err = dbs[i].EnsureOPD(ctx, regions[0].ID, "Dinas Kesehatan", "Dinkes", "dinas")
				return err
			}))
			for i := range 4 {
				if regions[i].ID != regions[0].ID || opds[i].ID != opds[0].ID {
					t.Fatalf("round %d: regions %v, OPDs %v, want one of each", round, regions, opds)
				}
			}
			allOK(t, "course sync", atOnce(2, func(i int) error {
				_, err := dbs[i].SyncCourses(ctx, []store.CourseRow{{ID: "sinkron", Title: "Kursus", ContentHash: fmt.Sprint(round),
					Items: []store.ItemRow{{CourseID: "sinkron", ItemID: fmt.Sprintf("materi-%d", round), Kind: "lesson", Title: "Materi", ModuleID: "m", Position: 1, ContentHash: "h"}}}})
				return err
			}))
			allOK(t, "recount", atOnce(2, func(i int) error {
				_, err := dbs[i].RefreshOPDStats(ctx, regions[0].ID)
				return err
			}))
			allOK(t, "chart months", atOnce(2, func(i int) error {
				ends := []time.Time{time.Date(2025, 1, 31, 23, 59, 59, 0, time.UTC), time.Date(2025, 2, 28, 23, 59, 59, 0, time.UTC)}
				_, err := dbs[i].CertifiedAtMonthEnds(ctx, regions[0].ID, ends, time.Now())
				return err
			}))
		}
	})
}

// TestConcurrentMarkDoneWhileTheLastRequirementsComplete: "Tandai selesai"
// clicked twice on a lesson never opened while the last quiz passes: no
// error, and exactly one certificate.
func TestConcurrentMarkDoneWhileTheLastRequirementsComplete(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		for round := range 20 {
			u, e := s.trainee(t)
			s.lesson(t, e, "materi-1")
			s.approve(t, s.submit(t, u, e))
			s.attend(t, u.ID, domain.AttendPresent)
			allOK(t, "mark done beside the last quiz", atOnce(3, func(i int) error {
				if i == 2 {
					return s.quizAttempt(e, true)
				}
				return db.SetItemState(ctx, e, certCourse, "materi-2", "h", domain.StateDone)
			}))
			if cs := certificatesOf(t, db, u.ID); len(cs) != 1 {
				t.Fatalf("round %d: %d certificates, want 1", round, len(cs))
			}
		}
	})
}

// TestConcurrentRescueTake: a rescued text offered back to two tabs at once
// becomes the draft once: one tab takes it, the other finds it gone.
func TestConcurrentRescueTake(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupRace(t, db)
		for round := range raceItems {
			sub, err := db.EnsureSubmission(ctx, s.enrollment, s.trainee.ID, raceCourse, practiceID(round))
			if err != nil {
				t.Fatal(err)
			}
			page := "/latihan/" + practiceID(round)
			if _, ok, err := db.RescueText(ctx, domain.Rescue{ID: fmt.Sprintf("teks-%d", round), Path: page, Headline: "Judul", Body: fmt.Sprintf("Isi %d", round),
				Browser: "peramban", Address: fmt.Sprintf("10.0.0.%d", round)}); err != nil || !ok {
				t.Fatalf("rescue: %v %v", ok, err)
			}
			outcomes := make([]domain.RescueOutcome, 3)
			allOK(t, "take", atOnce(3, func(i int) error {
				got, err := db.TakeRescueIntoDraft(ctx, "peramban", page, sub.ID)
				outcomes[i] = got.Outcome
				return err
			}))
			drafted := 0
			for _, o := range outcomes {
				switch o {
				case domain.RescueDrafted:
					drafted++
				case domain.RescueNone:
				default:
					t.Fatalf("round %d: outcome %d", round, o)
				}
			}
			if drafted != 1 {
				t.Fatalf("round %d: the text was handed out %d times, want once", round, drafted)
			}
			if got, err := db.Submission(ctx, sub.ID); err != nil || got.DraftBody != fmt.Sprintf("Isi %d", round) {
				t.Fatalf("round %d: draft %q %v", round, got.DraftBody, err)
			}
		}
	})
}

// TestConcurrentRescueFromOneBrowser: autosave ticks and a beacon from one
// tab, or two tabs of one browser, rescuing at once leave one row per page,
// holding one of the texts sent, under one id.
func TestConcurrentRescueFromOneBrowser(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for round := range 20 {
			page := fmt.Sprintf("/latihan/%d", round)
			ids := make([]string, 4)
			allOK(t, "rescue", atOnce(len(ids), func(i int) error {
				id, ok, err := db.RescueText(ctx, domain.Rescue{ID: fmt.Sprintf("tab-%d-%d", round, i), Path: page, Headline: "Judul",
					Body: fmt.Sprintf("Isi %d", i), Browser: "peramban", Address: fmt.Sprintf("10.1.%d.%d", round, i%2)})
				if err == nil && !ok {
					err = fmt.Errorf("refused")
				}
				ids[i] = id
				return err
			}))
			for _, id := range ids[1:] {
				if id != ids[0] {
					t.Fatalf("round %d: ids %v, want one", round, ids)
				}
			}
		}
		if n, err := db.RescuedTextCount(ctx); err != nil || n != 20 {
			t.Fatalf("%d rows for 20 pages, %v", n, err)
		}
	})
}

// TestConcurrentRescueLimit: one address sending more rescues at once than
// its hourly limit (each from another browser) gets exactly the limit kept.
func TestConcurrentRescueLimit(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		const extra = 12
		kept := make([]bool, store.RescuesPerHour+extra)
		errs := atOnce(len(kept), func(i int) error {
			_, ok, err := db.RescueText(ctx, domain.Rescue{ID: fmt.Sprintf("banjir-%d", i), Path: "/latihan", Headline: "Judul", Body: "Isi",
				Browser: fmt.Sprintf("peramban-%d", i), Address: "10.9.9.9"})
			kept[i] = ok
			return err
		})
		n := 0
		for i, err := range errs {
			if err != nil {
				t.Fatalf("rescue %d: %v", i, err)
			}
			if kept[i] {
				n++
			}
		}
		if n != store.RescuesPerHour {
			t.Fatalf("%d rescues kept from one address at once, want the limit %d", n, store.RescuesPerHour)
		}
	})
}

// TestDeadlockVictimRunsAgain: two transactions lock two rows in opposite
// order; PostgreSQL aborts one to break the deadlock and inTx runs it again,
// so both callers succeed. On SQLite they take turns from the start.
func TestDeadlockVictimRunsAgain(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, err := db.EnsureRegion(ctx, "kabupaten-a", "Kabupaten A", "KA")
		if err != nil {
			t.Fatal(err)
		}
		b, err := db.EnsureRegion(ctx, "kabupaten-b", "Kabupaten B", "KB")
		if err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		runs := 0
		var firstLocks sync.WaitGroup // both transactions hold their first row
		firstLocks.Add(2)
		var once [2]sync.Once
		errs := atOnce(2, func(i int) error {
			first, second := a.ID, b.ID
			if i == 1 {
				first, second = b.ID, a.ID
			}
			return db.InTx(ctx, func(tx *sqlx.Tx) error {
				mu.Lock()
				runs++
				mu.Unlock()
				if err := db.LockRow(ctx, tx, "regions", first); err != nil {
					return err
				}
				once[i].Do(firstLocks.Done)
				both := make(chan struct{})
				go func() { firstLocks.Wait(); close(both) }()
				// On SQLite the other cannot start while this one runs, hence the time limit.
				select {
				case <-both:
				case <-time.After(300 * time.Millisecond):
				}
				return db.LockRow(ctx, tx, "regions", second)
			})
		})
		allOK(t, "opposite lock order", errs)
		// On PostgreSQL the victim runs again; under load a rerun may meet the
		// winner's locks once more, so more runs are fine, fewer are not.
		if db.Dialect == store.Postgres && runs < 3 {
			t.Fatalf("%d transaction runs, want at least 3 (the victim again)", runs)
		}
		if db.Dialect != store.Postgres && runs != 2 {
			t.Fatalf("%d transaction runs, want 2", runs)
		}
	})
}

// TestConcurrentHousekeepingAndBatches: the remaining writes fired at once:
// sessions scheduled together, autosaves of one draft, e-mails put back in
// the queue, clean-ups beside the writes they clean, and two imports whose
// emails overlap in opposite order (all or nothing each: one wins).
func TestConcurrentHousekeepingAndBatches(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := setupRace(t, db)
		ctx := context.Background()
		for round := range 10 {
			before, err := db.SessionsOfCohort(ctx, s.cohort.ID)
			if err != nil {
				t.Fatal(err)
			}
			allOK(t, "schedule sessions", atOnce(3, func(i int) error {
				_, err := db.CreateLiveSession(ctx, &s.admin.ID, domain.LiveSession{CohortID: s.cohort.ID, Topic: fmt.Sprintf("Sesi %d-%d", round, i),
					StartsAt: time.Now().Add(time.Hour), EndsAt: time.Now().Add(2 * time.Hour), Place: "Aula"})
				return err
			}))
			if after, err := db.SessionsOfCohort(ctx, s.cohort.ID); err != nil || len(after) != len(before)+3 {
				t.Fatalf("round %d: %d sessions after three at once, want %d (%v)", round, len(after), len(before)+3, err)
			}

			sub := s.submission(t, practiceID(round))
			bodies := []string{"isi satu", "isi dua", "isi tiga"}
			allOK(t, "autosaves", atOnce(3, func(i int) error {
				_, err := db.SaveDraft(ctx, sub.ID, "Judul", bodies[i])
				return err
			}))
			if got, err := db.Submission(ctx, sub.ID); err != nil || !slices.Contains(bodies, got.DraftBody) {
				t.Fatalf("round %d: draft after three autosaves: %v %v", round, got.DraftBody, err)
			}

			if err := db.Notify(ctx, s.trainee.ID, domain.NoticeSubmissionSent, domain.NoticeParams{SubmissionID: 1, Version: 1, Trainee: "Peserta"}); err != nil {
				t.Fatal(err)
			}
			ns, err := db.Notifications(ctx, s.trainee.ID, 1)
			if err != nil {
				t.Fatal(err)
			}
			allOK(t, "release outbox", atOnce(3, func(int) error { return db.ReleaseOutbox(ctx, ns[0].ID) }))
			if ns, err = db.Notifications(ctx, s.trainee.ID, 1); err != nil || ns[0].EmailAttempts != 3 {
				t.Fatalf("round %d: %d e-mail attempts after three releases at once, want 3 (%v)", round, ns[0].EmailAttempts, err)
			}

			t0 := time.Now().UTC()
			sid := fmt.Sprintf("bersih-%d", round)
			if err := db.CreateSession(ctx, domain.Session{ID: sid, UserID: &s.trainee.ID, Data: "{}", CreatedAt: t0, LastSeenAt: t0, ExpiresAt: t0.Add(time.Hour)}); err != nil {
				t.Fatal(err)
			}
			allOK(t, "clean-ups beside writes", atOnce(6, func(i int) error {
				switch i {
				case 0:
					_, err := db.DeleteExpiredSessions(ctx, t0.Add(2*time.Hour), time.Hour)
					return err
				case 1:
					return db.DeleteUserSessions(ctx, s.trainee.ID)
				case 2:
					return db.TouchSession(ctx, sid, t0.Add(time.Minute))
				case 3:
					return db.PruneLoginAttempts(ctx, t0)
				case 4:
					return db.RecordLoginAttempt(ctx, s.trainee.Email, "10.1.1.1", false)
				default:
					_, err := db.PruneRescuedTexts(ctx)
					return err
				}
			}))

			ids := make([]int64, 8)
			reserved := make([]bool, 8)
			email := fmt.Sprintf("tebak%d@serentak.id", round)
			allOK(t, "reserve login attempts", atOnce(8, func(i int) error {
				var err error
				ids[i], reserved[i], err = db.ReserveLoginAttempt(ctx, email, fmt.Sprintf("10.2.%d.%d", round, i),
					domain.LoginLimits{Since: t0.Add(-time.Hour), PerEmail: 5, PerAddress: 30})
				return err
			}))
			var got []int64
			for i, ok := range reserved {
				if ok {
					got = append(got, ids[i])
				}
			}
			if len(got) != 5 {
				t.Fatalf("round %d: %d of 8 simultaneous attempts reserved, want the limit 5", round, len(got))
			}
			allOK(t, "settle reservations", atOnce(4, func(i int) error {
				if i%2 == 0 {
					return db.LoginSucceeded(ctx, got[i])
				}
				return db.ReleaseLoginAttempt(ctx, got[i])
			}))

			batch := func(order []int) []domain.NewUser {
				var out []domain.NewUser
				for _, k := range order {
					out = append(out, domain.NewUser{RegionID: s.region.ID, Email: fmt.Sprintf("impor%d-%d@serentak.id", round, k), Name: "Peserta Impor",
						Role: domain.RolePeserta, PasswordHash: "x"})
				}
				return out
			}
			oneWins(t, "two imports", atOnce(2, func(i int) error {
				order := []int{1, 2, 3}
				if i == 1 {
					order = []int{3, 2, 1}
				}
				_, err := db.CreateUsers(ctx, &s.admin.ID, batch(order))
				return err
			}))
		}
	})
}
