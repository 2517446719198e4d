package store_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/notice"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

type practiceSetup struct {
	db                 *store.DB
	trainee, fac, fac2 domain.User
	enrollment         int64
	cohort             domain.Cohort
}

func setupPractice(t *testing.T, db *store.DB) practiceSetup {
	t.Helper()
	ctx := context.Background()
	r := mustRegion(t, db)
	mk := func(email string, role domain.Role) domain.User {
		u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: r.ID, Email: email, Name: email, Role: role, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	p := practiceSetup{db: db, trainee: mk("peserta@x.id", domain.RolePeserta), fac: mk("fas1@x.id", domain.RoleFasilitator), fac2: mk("fas2@x.id", domain.RoleFasilitator)}
	if _, err := db.SyncCourses(ctx, []store.CourseRow{{ID: "k", Title: "Kursus", ContentHash: "h", Items: []store.ItemRow{
		{CourseID: "k", ItemID: "latihan", Kind: "practice", Title: "Rilis", ModuleID: "m", Position: 1, ContentHash: "h1"}}}}); err != nil {
		t.Fatal(err)
	}
	var err error
	p.cohort, err = db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: r.ID, CourseID: "k", Name: "Angkatan", StartsOn: time.Now(), EndsOn: time.Now(),
		FacilitatorIDs: []int64{p.fac.ID, p.fac2.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Enroll(ctx, nil, p.cohort.ID, []int64{p.trainee.ID}); err != nil {
		t.Fatal(err)
	}
	e, err := db.EnrollmentForCourse(ctx, p.trainee.ID, "k")
	if err != nil {
		t.Fatal(err)
	}
	p.enrollment = e.ID
	return p
}

func (p practiceSetup) submit(t *testing.T, sub domain.Submission, key string, maxAttempts int) (domain.SubmissionVersion, bool, error) {
	t.Helper()
	return p.db.Submit(context.Background(), domain.SubmitInput{SubmissionID: sub.ID, LockVersion: sub.LockVersion, SubmitKey: key,
		Headline: "Judul " + key, Body: "Isi " + key, ReportJSON: "{}", GraderVersion: "g1", AutoScore: 72, MaxAttempts: maxAttempts,
		ItemHash: "h1", Notify: []int64{p.fac.ID}})
}

func (p practiceSetup) reload(t *testing.T, id int64) domain.Submission {
	t.Helper()
	s, err := p.db.Submission(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func scores(auto, final int, reason string) []domain.ReviewScore {
	var out []domain.ReviewScore
	for _, c := range []string{"5w1h", "aktual", "faktual", "penting", "menarik", "struktur", "bahasa"} {
		out = append(out, domain.ReviewScore{Criterion: c, AutoScore: auto, FinalScore: auto})
	}
	out[2].FinalScore, out[2].Reason = final, reason
	return out
}

func TestSubmissionStateMachine(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p := setupPractice(t, db)
		sub, err := db.EnsureSubmission(ctx, p.enrollment, p.trainee.ID, "k", "latihan")
		if err != nil || sub.State != domain.SubDraft {
			t.Fatalf("ensure: %+v %v", sub, err)
		}
		if again, _ := db.EnsureSubmission(ctx, p.enrollment, p.trainee.ID, "k", "latihan"); again.ID != sub.ID {
			t.Fatal("EnsureSubmission made a second submission")
		}
		if _, err := db.SaveDraft(ctx, sub.ID, "Judul draf", "Isi draf"); err != nil {
			t.Fatal(err)
		}
		// draft → submitted; the same key again is the same version.
		v1, created, err := p.submit(t, sub, "kunci-1", 2)
		if err != nil || !created || v1.Number != 1 {
			t.Fatalf("submit: %+v %v %v", v1, created, err)
		}
		dup, created, err := p.submit(t, sub, "kunci-1", 2)
		if err != nil || created || dup.ID != v1.ID {
			t.Fatalf("double click made another version: %+v %v %v", dup, created, err)
		}
		// A second tab with the stale form: conflict, no version.
		if _, _, err := p.submit(t, sub, "kunci-tab-2", 2); domain.ErrorCode(err) != domain.CodeConflict {
			t.Fatalf("second tab: %v", err)
		}
		sub = p.reload(t, sub.ID)
		if sub.State != domain.SubSubmitted || sub.Versions != 1 {
			t.Fatalf("after submit: %s %d", sub.State, sub.Versions)
		}
		if _, err := db.SaveDraft(ctx, sub.ID, "x", "y"); !errors.Is(err, store.ErrNotEditable) {
			t.Fatalf("draft while submitted: %v", err)
		}
		n, _ := db.Notifications(ctx, p.fac.ID, 5)
		if len(n) != 1 || !strings.Contains(notice.Render(n[0], i18n.ID).Message, "versi 1") {
			t.Fatalf("facilitator notification: %+v", n)
		}
		// submitted → in_review (opening twice is harmless).
		db.OpenForReview(ctx, sub.ID)
		db.OpenForReview(ctx, sub.ID)
		sub = p.reload(t, sub.ID)
		if sub.State != domain.SubInReview {
			t.Fatalf("open: %s", sub.State)
		}
		// A score change without a reason is refused.
		_, err = db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: v1.ID, LockVersion: sub.LockVersion, ReviewerID: p.fac.ID,
			Decision: domain.DecisionReturn, FinalScore: 70, Scores: scores(72, 60, "")})
		if domain.ErrorCode(err) != domain.CodeInvalid {
			t.Fatalf("override without reason: %v", err)
		}
		// Two facilitators decide on the same version: the second gets a conflict.
		first, err := db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: v1.ID, LockVersion: sub.LockVersion, ReviewerID: p.fac.ID,
			Decision: domain.DecisionReturn, General: "Teras terlalu panjang.", FinalScore: 68, Scores: scores(72, 60, "Angka peserta keliru.")})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: v1.ID, LockVersion: sub.LockVersion, ReviewerID: p.fac2.ID,
			Decision: domain.DecisionApprove, FinalScore: 90, Scores: scores(72, 72, "")})
		if !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("second facilitator: %v, want conflict", err)
		}
		reviews, _ := db.ReviewsOf(ctx, sub.ID)
		if len(reviews) != 1 || reviews[v1.ID].ID != first.ID || reviews[v1.ID].Decision != domain.DecisionReturn {
			t.Fatalf("the first decision was overwritten: %+v", reviews)
		}
		sc, _ := db.ReviewScores(ctx, first.ID)
		if len(sc) != 7 {
			t.Fatalf("scores stored: %d", len(sc))
		}
		audit, _ := db.AuditFor(ctx, "submission_version", strconv.FormatInt(v1.ID, 10), 10)
		if len(audit) != 1 || audit[0].Reason != "Angka peserta keliru." || !strings.Contains(audit[0].BeforeJSON, "72") || !strings.Contains(audit[0].AfterJSON, "60") {
			t.Fatalf("score change not audited: %+v", audit)
		}
		if dec, _ := db.AuditFor(ctx, "submission", strconv.FormatInt(sub.ID, 10), 10); len(dec) != 1 || !strings.Contains(dec[0].AfterJSON, "returned") {
			t.Fatalf("decision not audited: %+v", dec)
		}
		if tn, _ := db.Notifications(ctx, p.trainee.ID, 5); len(tn) != 1 || !strings.Contains(notice.Render(tn[0], i18n.ID).Message, "dikembalikan") {
			t.Fatalf("trainee notification: %+v", tn)
		}
		// returned: a decision is illegal, a draft and a new version are fine.
		sub = p.reload(t, sub.ID)
		if _, err := db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: v1.ID, LockVersion: sub.LockVersion, ReviewerID: p.fac.ID,
			Decision: domain.DecisionApprove, FinalScore: 80, Scores: scores(72, 72, "")}); domain.ErrorCode(err) != domain.CodeConflict {
			t.Fatalf("decide on returned: %v", err)
		}
		if _, err := db.SaveDraft(ctx, sub.ID, "Judul baru", "Isi baru"); err != nil {
			t.Fatal(err)
		}
		v2, _, err := p.submit(t, sub, "kunci-2", 2)
		if err != nil || v2.Number != 2 {
			t.Fatalf("resubmit: %+v %v", v2, err)
		}
		sub = p.reload(t, sub.ID)
		// deciding on the old version is refused
		if _, err := db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: v1.ID, LockVersion: sub.LockVersion, ReviewerID: p.fac.ID,
			Decision: domain.DecisionApprove, FinalScore: 80, Scores: scores(72, 72, "")}); domain.ErrorCode(err) != domain.CodeConflict {
			t.Fatalf("decide on an old version: %v", err)
		}
		// submitted → approved; progress becomes lulus.
		if _, err := db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: v2.ID, LockVersion: sub.LockVersion, ReviewerID: p.fac2.ID,
			Decision: domain.DecisionApprove, FinalScore: 85, Scores: scores(72, 72, "")}); err != nil {
			t.Fatal(err)
		}
		states, _ := db.ItemStates(ctx, p.enrollment)
		if states["latihan"] != domain.StatePassed {
			t.Fatalf("progress after approval: %q", states["latihan"])
		}
		// approved is final: no submission, no draft, no decision.
		sub = p.reload(t, sub.ID)
		if _, _, err := p.submit(t, sub, "kunci-3", 5); domain.ErrorCode(err) != domain.CodeConflict {
			t.Fatalf("submit after approval: %v", err)
		}
		if _, err := db.SaveDraft(ctx, sub.ID, "x", "y"); !errors.Is(err, store.ErrNotEditable) {
			t.Fatalf("draft after approval: %v", err)
		}
		vs, _ := db.Versions(ctx, sub.ID)
		if len(vs) != 2 || *vs[0].FinalScore != 68 || *vs[1].FinalScore != 85 {
			t.Fatalf("versions: %+v", vs)
		}
		ag, err := db.Agreement(ctx, p.trainee.RegionID, time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
		if err != nil || len(ag) != 7 {
			t.Fatalf("agreement: %+v %v", ag, err)
		}
		for _, a := range ag {
			want := 0.0
			if a.Criterion == "faktual" {
				want = 6 // |60-72| and |72-72| over two reviews
			}
			if a.Reviews != 2 || a.MeanAbsDiff != want {
				t.Errorf("agreement %s: n=%d mad=%v, want 2, %v", a.Criterion, a.Reviews, a.MeanAbsDiff, want)
			}
		}
	})
}

func TestRejectAttemptsAndAutoReview(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p := setupPractice(t, db)
		sub, _ := db.EnsureSubmission(ctx, p.enrollment, p.trainee.ID, "k", "latihan")
		// Auto review below the pass mark returns; attempts run out.
		auto := func(key string, score int) (domain.SubmissionVersion, error) {
			s := p.reload(t, sub.ID)
			v, _, err := db.Submit(ctx, domain.SubmitInput{SubmissionID: s.ID, LockVersion: s.LockVersion, SubmitKey: key, Headline: "J", Body: "I",
				ReportJSON: "{}", GraderVersion: "g", AutoScore: score, MaxAttempts: 2, ItemHash: "h1", AutoReview: true, PassScore: 70})
			return v, err
		}
		if _, err := auto("a", 50); err != nil {
			t.Fatal(err)
		}
		if s := p.reload(t, sub.ID); s.State != domain.SubReturned {
			t.Fatalf("auto below pass: %s", s.State)
		}
		if _, err := auto("b", 60); err != nil {
			t.Fatal(err)
		}
		if _, err := auto("c", 90); domain.ErrorCode(err) != domain.CodeInvalid || !strings.Contains(err.Error(), "sudah habis") {
			t.Fatalf("third attempt of two: %v", err)
		}
		// A fresh enrollment item: auto pass approves and counts as lulus.
		if _, err := db.SyncCourses(ctx, []store.CourseRow{{ID: "k", Title: "Kursus", ContentHash: "h", Items: []store.ItemRow{
			{CourseID: "k", ItemID: "latihan", Kind: "practice", Title: "Rilis", ModuleID: "m", Position: 1, ContentHash: "h1"},
			{CourseID: "k", ItemID: "latihan-2", Kind: "practice", Title: "Rilis 2", ModuleID: "m", Position: 2, ContentHash: "h2"}}}}); err != nil {
			t.Fatal(err)
		}
		sub2, _ := db.EnsureSubmission(ctx, p.enrollment, p.trainee.ID, "k", "latihan-2")
		if _, _, err := db.Submit(ctx, domain.SubmitInput{SubmissionID: sub2.ID, LockVersion: sub2.LockVersion, SubmitKey: "z", Headline: "J", Body: "I",
			ReportJSON: "{}", GraderVersion: "g", AutoScore: 80, ItemHash: "h2", AutoReview: true, PassScore: 70}); err != nil {
			t.Fatal(err)
		}
		if s := p.reload(t, sub2.ID); s.State != domain.SubApproved {
			t.Fatalf("auto pass: %s", s.State)
		}
		// Reject path: submitted → rejected is final.
		if _, err := db.SyncCourses(ctx, []store.CourseRow{{ID: "k", Title: "Kursus", ContentHash: "h", Items: []store.ItemRow{
			{CourseID: "k", ItemID: "latihan", Kind: "practice", Title: "Rilis", ModuleID: "m", Position: 1, ContentHash: "h1"},
			{CourseID: "k", ItemID: "latihan-2", Kind: "practice", Title: "Rilis 2", ModuleID: "m", Position: 2, ContentHash: "h2"},
			{CourseID: "k", ItemID: "latihan-3", Kind: "practice", Title: "Rilis 3", ModuleID: "m", Position: 3, ContentHash: "h3"}}}}); err != nil {
			t.Fatal(err)
		}
		sub3, _ := db.EnsureSubmission(ctx, p.enrollment, p.trainee.ID, "k", "latihan-3")
		v, _, err := p.submit(t, sub3, "r", 3)
		if err != nil {
			t.Fatal(err)
		}
		s3 := p.reload(t, sub3.ID)
		if _, err := db.AddComment(ctx, domain.ReviewComment{VersionID: v.ID, ReviewerID: p.fac.ID, Field: "isi", Start: 0, End: 3, Quote: "Isi", Body: "Plagiat dari situs lain."}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Decide(ctx, domain.DecideInput{SubmissionID: s3.ID, VersionID: v.ID, LockVersion: s3.LockVersion, ReviewerID: p.fac.ID,
			Decision: domain.DecisionReject, FinalScore: 10, Scores: scores(72, 72, "")}); err != nil {
			t.Fatal(err)
		}
		s3 = p.reload(t, sub3.ID)
		if s3.State != domain.SubRejected {
			t.Fatalf("reject: %s", s3.State)
		}
		if _, _, err := p.submit(t, s3, "r2", 3); domain.ErrorCode(err) != domain.CodeConflict {
			t.Fatalf("submit after rejection: %v", err)
		}
		if _, err := db.AddComment(ctx, domain.ReviewComment{VersionID: v.ID, ReviewerID: p.fac.ID, Field: "isi", Start: 0, End: 3, Quote: "Isi", Body: "Terlambat"}); domain.ErrorCode(err) != domain.CodeConflict {
			t.Fatalf("comment after the decision: %v", err)
		}
		cs, _ := db.Comments(ctx, v.ID)
		if len(cs) != 1 || cs[0].Quote != "Isi" {
			t.Fatalf("comments: %+v", cs)
		}
		q, total, err := db.ReviewQueue(ctx, domain.QueueFilter{RegionID: p.trainee.RegionID, FacilitatorID: p.fac.ID}, 10, 0)
		if err != nil || total != 0 || len(q) != 0 {
			t.Fatalf("queue should be empty: %d %v", total, err)
		}
	})
}

// Kirim rilis tells the cohort's facilitators, read in its own transaction:
// each of them once, and nobody else.
func TestSubmitNotifiesTheCohortsFacilitators(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p := setupPractice(t, db)
		sub, err := db.EnsureSubmission(ctx, p.enrollment, p.trainee.ID, "k", "latihan")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.Submit(ctx, domain.SubmitInput{SubmissionID: sub.ID, LockVersion: sub.LockVersion, SubmitKey: "a",
			Headline: "Judul", Body: "Isi", ReportJSON: "{}", GraderVersion: "g1", AutoScore: 72, ItemHash: "h1", NotifyCohort: p.cohort.ID}); err != nil {
			t.Fatal(err)
		}
		for _, u := range []domain.User{p.fac, p.fac2, p.trainee} {
			ns, err := db.Notifications(ctx, u.ID, 10)
			if err != nil {
				t.Fatal(err)
			}
			want := 1
			if u.ID == p.trainee.ID {
				want = 0
			}
			if len(ns) != want || (want == 1 && ns[0].Kind != domain.NoticeSubmissionSent) {
				t.Errorf("%s: notifications %+v, want %d of kind %s", u.Email, ns, want, domain.NoticeSubmissionSent)
			}
		}
	})
}
