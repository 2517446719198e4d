package domain

import "testing"

func TestReviewStateMachine(t *testing.T) {
	legal := map[[2]string]bool{
		{SubDraft, SubSubmitted}: true, {SubReturned, SubSubmitted}: true,
		{SubSubmitted, SubInReview}: true, {SubSubmitted, SubApproved}: true, {SubSubmitted, SubReturned}: true, {SubSubmitted, SubRejected}: true,
		{SubInReview, SubApproved}: true, {SubInReview, SubReturned}: true, {SubInReview, SubRejected}: true,
	}
	all := []string{SubDraft, SubSubmitted, SubInReview, SubReturned, SubApproved, SubRejected}
	for _, from := range all {
		for _, to := range all {
			if got := CanTransition(from, to); got != legal[[2]string{from, to}] {
				t.Errorf("CanTransition(%s, %s) = %v", from, to, got)
			}
		}
	}
	for _, s := range all {
		if SubmissionStateLabel(s) == s {
			t.Errorf("state %s has no label", s)
		}
	}
}
