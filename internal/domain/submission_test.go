package domain

import "testing"

func TestReviewStateMachine(t *testing.T) {
	legal := map[[2]SubmissionState]bool{
		{SubDraft, SubSubmitted}: true, {SubReturned, SubSubmitted}: true,
		{SubSubmitted, SubInReview}: true, {SubSubmitted, SubApproved}: true, {SubSubmitted, SubReturned}: true, {SubSubmitted, SubRejected}: true,
		{SubInReview, SubApproved}: true, {SubInReview, SubReturned}: true, {SubInReview, SubRejected}: true,
		{SubRejected, SubDraft}: true,
	}
	all := []SubmissionState{SubDraft, SubSubmitted, SubInReview, SubReturned, SubApproved, SubRejected}
	for _, from := range all {
		for _, to := range all {
			if got := CanTransition(from, to); got != legal[[2]SubmissionState{from, to}] {
				t.Errorf("CanTransition(%s, %s) = %v", from, to, got)
			}
		}
	}
	for _, s := range all {
		if SubmissionStateLabel(s) == string(s) {
			t.Errorf("state %s has no label", s)
		}
	}
}

func TestDecisionsLeadToTheirStates(t *testing.T) {
	for _, c := range []struct {
		d     Decision
		to    SubmissionState
		label string
	}{{DecisionApprove, SubApproved, "Disetujui"}, {DecisionReturn, SubReturned, "Dikembalikan"}, {DecisionReject, SubRejected, "Ditolak"}} {
		if got, ok := c.d.Result(); !ok || got != c.to {
			t.Errorf("%s.Result() = %s, %v; want %s", c.d, got, ok, c.to)
		}
		if got := c.d.Label(); got != c.label {
			t.Errorf("%s.Label() = %q, want %q", c.d, got, c.label)
		}
		for _, from := range []SubmissionState{SubSubmitted, SubInReview} {
			if !CanDecide(from, c.d) {
				t.Errorf("CanDecide(%s, %s) = false", from, c.d)
			}
		}
		for _, from := range []SubmissionState{SubDraft, SubReturned, SubApproved, SubRejected} {
			if CanDecide(from, c.d) {
				t.Errorf("CanDecide(%s, %s) = true", from, c.d)
			}
		}
	}
	// A state spelled as a decision is still no decision.
	for _, d := range []Decision{"submitted", "in_review", "draft", ""} {
		if _, ok := d.Result(); ok || CanDecide(SubSubmitted, d) {
			t.Errorf("%q is taken as a decision", d)
		}
	}
}
