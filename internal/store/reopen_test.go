package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestReopenRejection: only a rejected submission is reopened, on the lock
// version the facilitator saw and with a reason; an attempt is given back
// only when none is left (so the limit is max_attempts plus what was given
// back), and a trainee taken out of the cohort is not reopened. Both engines.
func TestReopenRejection(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p := setupPractice(t, db)
		sub, err := db.EnsureSubmission(ctx, p.enrollment, p.trainee.ID, "k", "latihan")
		if err != nil {
			t.Fatal(err)
		}
		reject := func() domain.Submission {
			t.Helper()
			s := p.reload(t, sub.ID)
			v, _, err := p.submit(t, s, "k"+string(rune('a'+s.Versions)), 1)
			if err != nil {
				t.Fatal(err)
			}
			s = p.reload(t, sub.ID)
			if _, err := db.Decide(ctx, domain.DecideInput{SubmissionID: s.ID, VersionID: v.ID, LockVersion: s.LockVersion, ReviewerID: p.fac.ID,
				Decision: domain.DecisionReject, General: "Data keliru.", FinalScore: 20, Scores: scores(72, 72, "")}); err != nil {
				t.Fatal(err)
			}
			return p.reload(t, sub.ID)
		}
		in := func(s domain.Submission, reason string) domain.ReopenInput {
			return domain.ReopenInput{SubmissionID: s.ID, ActorID: p.fac.ID, LockVersion: s.LockVersion, Reason: reason, MaxAttempts: 1}
		}
		// A draft is not rejected.
		if _, err := db.Reopen(ctx, in(p.reload(t, sub.ID), "Alasan")); !errors.Is(err, store.ErrNotRejected) {
			t.Fatalf("reopen a draft: %v", err)
		}
		s := reject() // the only attempt of one
		if err := db.RestartRejected(ctx, s.ID, p.trainee.ID, 1); !errors.Is(err, store.ErrNoAttemptsLeft) {
			t.Fatalf("restart without attempts: %v", err)
		}
		if _, err := db.Reopen(ctx, in(s, "  ")); domain.ErrorCode(err) != domain.CodeInvalid {
			t.Fatalf("reopen without a reason: %v", err)
		}
		stale := in(s, "Alasan")
		stale.LockVersion--
		if _, err := db.Reopen(ctx, stale); !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("reopen on a stale lock: %v", err)
		}
		got, err := db.Reopen(ctx, in(s, "Datanya ternyata benar."))
		if err != nil || got.State != domain.SubReturned || got.ExtraAttempts != 1 || got.AttemptsLeft(1) != 1 {
			t.Fatalf("reopen: %+v %v", got, err)
		}
		if _, err := db.Reopen(ctx, in(got, "Lagi")); !errors.Is(err, store.ErrNotRejected) {
			t.Fatalf("reopen twice: %v", err)
		}
		// The attempt given back is used; a second rejection leaves none again.
		s = reject()
		if s.Versions != 2 || s.AttemptsLeft(1) != 0 {
			t.Fatalf("after the second rejection: %d versions, %d left", s.Versions, s.AttemptsLeft(1))
		}
		// A trainee taken out of the cohort is not reopened.
		if err := db.WithdrawTrainee(ctx, p.fac.ID, p.cohort.ID, p.trainee.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Reopen(ctx, in(s, "Alasan")); domain.ErrorCode(err) != domain.CodeConflict {
			t.Fatalf("reopen for a withdrawn trainee: %v", err)
		}
		if s := p.reload(t, sub.ID); s.State != domain.SubRejected || s.ExtraAttempts != 1 {
			t.Fatalf("refusals changed the submission: %+v", s)
		}
		audit, err := db.AuditFor(ctx, "submission", itoa(sub.ID), 10)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, a := range audit {
			if a.Action == "submission.reopen" {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%d reopen audit entries, want 1", n)
		}
	})
}
