package web

import (
	"testing"

	"github.com/bimtek/bimtek/internal/grading"
)

// The report says why the total is below the criteria's weighted mean: the
// cap of a kesalahan, a peringatan or a body under half the required words.
func TestCapNote(t *testing.T) {
	t.Parallel()
	crits := []grading.CriterionScore{{ID: "a", Score: 60, Weight: 50}, {ID: "b", Score: 68, Weight: 50}} // mean 64
	for _, c := range []struct {
		score int
		sev   string
		kind  string
		limit int
	}{
		{44, grading.SevKesalahan, "kesalahan", grading.ErrorCap},
		{54, grading.SevPeringatan, "peringatan", grading.WarningCap},
		{35, grading.SevKesalahan, "separuh", grading.UnderHalfCap},
	} {
		r := grading.Report{Score: c.score, Criteria: crits, Findings: []grading.Finding{{Severity: c.sev}}}
		n := newCapNote(r)
		if n == nil || n.Kind != c.kind || n.Limit != c.limit || n.Mean != 64 || n.Score != c.score {
			t.Errorf("score %d with a %s: note %+v, want %s capped at %d", c.score, c.sev, n, c.kind, c.limit)
		}
	}
	if n := newCapNote(grading.Report{Score: 64, Criteria: crits}); n != nil {
		t.Errorf("uncapped total has a note: %+v", n)
	}
	if n := newCapNote(grading.Report{Score: 50, Criteria: crits, Findings: []grading.Finding{{Severity: grading.SevSaran}}}); n != nil {
		t.Errorf("a total no cap explains has a note: %+v", n)
	}
}
