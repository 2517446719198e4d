package devset

import (
	"math"
	"testing"
)

func TestMetricsHandComputed(t *testing.T) {
	undef := Stat{}
	v := func(x float64) Stat { return Stat{V: x, OK: true} }
	cases := []struct {
		name         string
		c            Confusion
		kappa, ba    Stat
		po           Stat
		tpr, tnr     Stat
		pos, neg, nn int
	}{
		// po = 35/50 = 0.7; pe = (25·30 + 25·20)/50² = 0.5; kappa = 0.2/0.5.
		{"moderate", Confusion{TP: 20, FN: 5, FP: 10, TN: 15}, v(0.4), v(0.7), v(0.7), v(0.8), v(0.6), 25, 25, 50},
		// po = 0.6; pe = (60·70 + 40·30)/100² = 0.54; kappa = 0.06/0.46.
		{"skewed", Confusion{TP: 45, FN: 15, FP: 25, TN: 15}, v(0.06 / 0.46), v((0.75 + 0.375) / 2), v(0.6), v(0.75), v(0.375), 60, 40, 100},
		{"perfect", Confusion{TP: 3, TN: 7}, v(1), v(1), v(1), v(1), v(1), 3, 7, 10},
		// po = 0; pe = 0.5; kappa = −1.
		{"always wrong", Confusion{FN: 5, FP: 5}, v(-1), v(0), v(0), v(0), v(0), 5, 5, 10},
		// Both sides always 1: pe = 1, kappa undefined; no negatives, TNR undefined.
		{"both constant", Confusion{TP: 10}, undef, undef, v(1), v(1), undef, 10, 0, 10},
		// Reference all 1, decision all 0: po = 0, pe = 0, kappa = 0.
		{"opposite constants", Confusion{FN: 4}, v(0), undef, v(0), v(0), undef, 4, 0, 4},
		{"empty", Confusion{}, undef, undef, undef, undef, undef, 0, 0, 0},
	}
	same := func(a, b Stat) bool { return a.OK == b.OK && (!a.OK || math.Abs(a.V-b.V) < 1e-12) }
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c
			if got := c.Kappa(); !same(got, tc.kappa) {
				t.Errorf("Kappa = %+v, want %+v", got, tc.kappa)
			}
			if got := c.BalancedAccuracy(); !same(got, tc.ba) {
				t.Errorf("BalancedAccuracy = %+v, want %+v", got, tc.ba)
			}
			if got := c.Observed(); !same(got, tc.po) {
				t.Errorf("Observed = %+v, want %+v", got, tc.po)
			}
			if got := c.TPR(); !same(got, tc.tpr) {
				t.Errorf("TPR = %+v, want %+v", got, tc.tpr)
			}
			if got := c.TNR(); !same(got, tc.tnr) {
				t.Errorf("TNR = %+v, want %+v", got, tc.tnr)
			}
			if c.Pos() != tc.pos || c.Neg() != tc.neg || c.N() != tc.nn {
				t.Errorf("pos/neg/n = %d/%d/%d, want %d/%d/%d", c.Pos(), c.Neg(), c.N(), tc.pos, tc.neg, tc.nn)
			}
			// Kappa does not depend on which side is the reference.
			swapped := Confusion{TP: c.TP, FN: c.FP, FP: c.FN, TN: c.TN}
			if got := swapped.Kappa(); !same(got, tc.kappa) {
				t.Errorf("Kappa with sides swapped = %+v, want %+v", got, tc.kappa)
			}
		})
	}
}

func TestConfusionAdd(t *testing.T) {
	ref := []bool{true, true, true, false, false, false, false}
	dec := []bool{true, false, true, true, false, false, false}
	var c Confusion
	for i := range ref {
		c.Add(ref[i], dec[i])
	}
	if want := (Confusion{TP: 2, FN: 1, FP: 1, TN: 3}); c != want {
		t.Fatalf("Add gave %+v, want %+v", c, want)
	}
}
