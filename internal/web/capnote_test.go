package web

import (
	"math"
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
			continue
		}
		// The note tells the trainee the sum: the mean times limit/100 (the
		// total is scaled, not cut at the limit).
		if got := int(math.Round(float64(n.Mean) * float64(n.Limit) / 100)); got != n.Score {
			t.Errorf("note %+v: %d × %d/100 is %d, not the %d it shows", n, n.Mean, n.Limit, got, n.Score)
		}
	}
	// From grader 1.47.0 the cap falls with each kesalahan, and four kinds of
	// peringatan cap like a kesalahan: the note names the grader's own cap.
	var four, kinds []grading.Finding
	for i, rule := range []string{"a", "b", "c", "d"} {
		four = append(four, grading.Finding{Severity: grading.SevKesalahan, Field: grading.FieldIsi, Start: 10 * i, End: 10*i + 5})
		kinds = append(kinds, grading.Finding{Severity: grading.SevPeringatan, Rule: rule})
	}
	for _, c := range []struct {
		fs    []grading.Finding
		kind  string
		limit int
	}{{four, "kesalahan", grading.ErrorCap - 3*grading.ErrorStep}, {kinds, "peringatan", grading.ErrorCap}} {
		score := int(math.Round(64 * float64(c.limit) / 100))
		n := newCapNote(grading.Report{Score: score, Criteria: crits, Findings: c.fs})
		if n == nil || n.Kind != c.kind || n.Limit != c.limit || n.Score != score {
			t.Errorf("%d findings: note %+v, want %s capped at %d", len(c.fs), n, c.kind, c.limit)
		}
	}
	if n := newCapNote(grading.Report{Score: 64, Criteria: crits}); n != nil {
		t.Errorf("uncapped total has a note: %+v", n)
	}
	if n := newCapNote(grading.Report{Score: 50, Criteria: crits, Findings: []grading.Finding{{Severity: grading.SevSaran}}}); n != nil {
		t.Errorf("a total no cap explains has a note: %+v", n)
	}
}
