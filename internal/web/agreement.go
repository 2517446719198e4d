package web

import (
	"fmt"
	"math"
	"net/http"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
)

// The agreement report reads a criterion's numbers against these bounds.
const (
	// agreementDefaultDays is the period shown when none is chosen.
	agreementDefaultDays = 90
	// agreementGoodMAD and agreementGoodShare: on average within 5 points and
	// at least 80 % of scores within 10 points — the grader can be trusted.
	agreementGoodMAD   = 5.0
	agreementGoodShare = 0.8
	// agreementFairMAD: up to 10 points on average is a usable first opinion.
	agreementFairMAD = 10.0
	// agreementFewReviews: below this many reviews the averages still move a lot.
	agreementFewReviews = 20
)

// criterionLabels are the grader's own names for its criteria, read once from
// a report so this page always says what the trainees' reports say.
var criterionLabels = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, c := range grading.Grade(grading.Input{Headline: "Label", Body: "Label."}).Criteria {
		m[c.ID] = c.Label
	}
	return m
})

// agreementForm keeps the chosen period as typed.
type agreementForm struct {
	Form
	From, To string
}

// agreementRow is one criterion of the report, numbers written the Indonesian way.
type agreementRow struct {
	ID, Label                                 string
	Reviews, Overridden                       int
	MeanAbsDiff, WithinTen, MeanAuto, MeanEnd string
	Verdict, VerdictClass                     string
}

type agreementView struct {
	Form       agreementForm
	Period     string
	Rows       []agreementRow
	Reviews    int
	FewReviews bool
	FewBelow   int
	// The verdict bounds, written out for the explanation.
	GoodMAD, GoodShare, FairMAD string
}

// agreementPage is GET /admin/kesesuaian: per criterion, how far the
// facilitators' final scores are from the grader's over a period in WIB.
func (s *Server) agreementPage(c echo.Context) error {
	today := startOfDayWIB(s.cfg.Now())
	from, to := today.AddDate(0, 0, -(agreementDefaultDays-1)), today
	f := agreementForm{From: strings.TrimSpace(c.QueryParam("dari")), To: strings.TrimSpace(c.QueryParam("sampai"))}
	fromOK, toOK := true, true
	if f.From != "" {
		if from, fromOK = parseDateWIB(f.From); !fromOK {
			f.Add("dari", "Tanggal awal tidak dapat dibaca; tulis seperti 01/01/2026.")
		}
	}
	if f.To != "" {
		if to, toOK = parseDateWIB(f.To); !toOK {
			f.Add("sampai", "Tanggal akhir tidak dapat dibaca; tulis seperti 31/03/2026.")
		}
	}
	if fromOK && toOK && to.Before(from) {
		f.Add("sampai", "Tanggal akhir tidak boleh sebelum tanggal awal.")
	}
	if len(f.Errors) > 0 {
		return s.render(c, http.StatusUnprocessableEntity, "admin_agreement", newAgreementView(f))
	}
	f.From, f.To = from.Format("2006-01-02"), to.Format("2006-01-02")
	// The last day counts whole: the range ends at the next midnight WIB.
	stats, err := s.db.Agreement(c.Request().Context(), currentUser(c).RegionID, from, to.AddDate(0, 0, 1))
	if err != nil {
		return err
	}
	v := newAgreementView(f)
	v.Period = shortDate(from) + " s.d. " + shortDate(to) + " (WIB)"
	v.Rows = agreementRows(stats)
	for _, r := range v.Rows {
		v.Reviews = max(v.Reviews, r.Reviews)
	}
	v.FewReviews = v.Reviews > 0 && v.Reviews < agreementFewReviews
	return s.render(c, http.StatusOK, "admin_agreement", v)
}

func newAgreementView(f agreementForm) agreementView {
	return agreementView{Form: f, FewBelow: agreementFewReviews, GoodMAD: strings.TrimSuffix(decimalID(agreementGoodMAD), ",0"),
		GoodShare: percentID(agreementGoodShare), FairMAD: strings.TrimSuffix(decimalID(agreementFairMAD), ",0")}
}

// agreementRows puts the criteria in report order and writes their numbers.
func agreementRows(stats []domain.CriterionAgreement) []agreementRow {
	by := map[string]domain.CriterionAgreement{}
	for _, a := range stats {
		by[a.Criterion] = a
	}
	labels := criterionLabels()
	var out []agreementRow
	for _, id := range grading.CriterionIDs {
		a, ok := by[id]
		if !ok || a.Reviews == 0 {
			continue
		}
		row := agreementRow{ID: id, Label: labels[id], Reviews: a.Reviews, Overridden: a.Overridden,
			MeanAbsDiff: decimalID(a.MeanAbsDiff), WithinTen: percentID(a.ShareWithin),
			MeanAuto: decimalID(a.MeanAuto), MeanEnd: decimalID(a.MeanFinal)}
		switch {
		case a.MeanAbsDiff <= agreementGoodMAD && a.ShareWithin >= agreementGoodShare:
			row.Verdict, row.VerdictClass = "Sesuai", "badge badge-lulus"
		case a.MeanAbsDiff <= agreementFairMAD:
			row.Verdict, row.VerdictClass = "Cukup sesuai", "badge badge-selesai"
		default:
			row.Verdict, row.VerdictClass = "Perlu ditinjau", "badge badge-sedang"
		}
		out = append(out, row)
	}
	return out
}

// decimalID writes a number with one decimal and a decimal comma: 6,5.
func decimalID(x float64) string {
	return strings.Replace(fmt.Sprintf("%.1f", x), ".", ",", 1)
}

// percentID writes a share as a whole percentage, without a space as EYD asks: 83%.
func percentID(share float64) string {
	return fmt.Sprintf("%d%%", int(math.Round(share*100)))
}
