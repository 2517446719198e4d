package devset

// Confusion counts one binary decision against a reference over a set of
// articles: TP reference 1 and decision 1, FN reference 1 and decision 0, and
// so on. Between two annotators the first is the reference; kappa does not
// depend on which.
type Confusion struct {
	TP, FN, FP, TN int
}

// Add counts one article.
func (c *Confusion) Add(ref, dec bool) {
	switch {
	case ref && dec:
		c.TP++
	case ref:
		c.FN++
	case dec:
		c.FP++
	default:
		c.TN++
	}
}

// N is the number of articles counted.
func (c Confusion) N() int { return c.TP + c.FN + c.FP + c.TN }

// Pos is the number of reference positives, Neg of reference negatives.
func (c Confusion) Pos() int { return c.TP + c.FN }

// Neg is the number of reference negatives.
func (c Confusion) Neg() int { return c.TN + c.FP }

// Stat is a figure that may be undefined (a rate over an empty class).
type Stat struct {
	V  float64
	OK bool
}

func ratio(num, den int) Stat {
	if den == 0 {
		return Stat{}
	}
	return Stat{V: float64(num) / float64(den), OK: true}
}

// TPR is the share of reference positives the decision marks 1; undefined
// without reference positives.
func (c Confusion) TPR() Stat { return ratio(c.TP, c.Pos()) }

// TNR is the share of reference negatives the decision marks 0; undefined
// without reference negatives.
func (c Confusion) TNR() Stat { return ratio(c.TN, c.Neg()) }

// Observed is the share of articles on which both sides agree (po);
// undefined without articles.
func (c Confusion) Observed() Stat { return ratio(c.TP+c.TN, c.N()) }

// BalancedAccuracy is (TPR + TNR) / 2, undefined when either rate is: a
// decision cannot be said to separate classes that are not both present.
func (c Confusion) BalancedAccuracy() Stat {
	tpr, tnr := c.TPR(), c.TNR()
	if !tpr.OK || !tnr.OK {
		return Stat{}
	}
	return Stat{V: (tpr.V + tnr.V) / 2, OK: true}
}

// Kappa is Cohen's kappa (po − pe) / (1 − pe), with po the observed share of
// equal labels and pe the agreement expected from each side's share of 1 and
// 0 labels. Undefined without articles or when pe = 1 (both sides constant
// and equal).
func (c Confusion) Kappa() Stat {
	n := c.N()
	if n == 0 {
		return Stat{}
	}
	// Integer arithmetic up to the last division keeps pe = 1 exact.
	agree := c.TP + c.TN
	refPos, decPos := c.Pos(), c.TP+c.FP
	refNeg, decNeg := n-refPos, n-decPos
	nn := n * n
	chance := refPos*decPos + refNeg*decNeg // pe·n²
	if chance == nn {
		return Stat{}
	}
	return Stat{V: float64(agree*n-chance) / float64(nn-chance), OK: true}
}
