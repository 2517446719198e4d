package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// agreementReviews records one facilitator decision per entry: every
// criterion scored base by the grader and kept, except the overrides
// (criterion → automatic, final).
func agreementReviews(t *testing.T, f *fixture, reviews ...struct {
	base      int
	overrides map[string][2]int
}) {
	t.Helper()
	ctx := context.Background()
	db := f.db
	trainee, fac := f.users[domain.RolePeserta], f.users[domain.RoleFasilitator]
	const courseID = "kursus-kesesuaian"
	var items []store.ItemRow
	for i := range reviews {
		items = append(items, store.ItemRow{CourseID: courseID, ItemID: "latihan-" + string(rune('a'+i)), Kind: "practice", Title: "Rilis",
			ModuleID: "m", Position: i + 1, ContentHash: "h"})
	}
	if _, err := db.SyncCourses(ctx, []store.CourseRow{{ID: courseID, Title: "Kursus", ContentHash: "h", Items: items}}); err != nil {
		t.Fatal(err)
	}
	co, err := db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: trainee.RegionID, CourseID: courseID, Name: "Angkatan Kesesuaian",
		StartsOn: f.clock.now, EndsOn: f.clock.now, FacilitatorIDs: []int64{fac.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Enroll(ctx, nil, co.ID, []int64{trainee.ID}); err != nil {
		t.Fatal(err)
	}
	e, err := db.EnrollmentForCourse(ctx, trainee.ID, courseID)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range reviews {
		sub, err := db.EnsureSubmission(ctx, e.ID, trainee.ID, courseID, items[i].ItemID)
		if err != nil {
			t.Fatal(err)
		}
		v, _, err := db.Submit(ctx, domain.SubmitInput{SubmissionID: sub.ID, LockVersion: sub.LockVersion, SubmitKey: "k", Headline: "Judul", Body: "Isi",
			ReportJSON: "{}", GraderVersion: grading.Version, AutoScore: r.base, ItemHash: "h"})
		if err != nil {
			t.Fatal(err)
		}
		var scores []domain.ReviewScore
		for _, id := range grading.CriterionIDs {
			sc := domain.ReviewScore{Criterion: id, AutoScore: r.base, FinalScore: r.base}
			if o, ok := r.overrides[id]; ok {
				sc.AutoScore, sc.FinalScore, sc.Reason = o[0], o[1], "Dinilai ulang oleh fasilitator."
			}
			scores = append(scores, sc)
		}
		sub, _ = db.Submission(ctx, sub.ID)
		if _, err := db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: v.ID, LockVersion: sub.LockVersion, ReviewerID: fac.ID,
			Decision: domain.DecisionReturn, FinalScore: r.base, Scores: scores}); err != nil {
			t.Fatal(err)
		}
	}
}

// agreementCells returns a criterion row's cells as text, keyed by column.
func agreementCells(p page, id string) []string {
	var out []string
	p.doc.Find("tr#kriteria-" + id).Children().Each(func(_ int, s *goquerySelection) {
		out = append(out, strings.TrimSpace(s.Text()))
	})
	return out
}

func TestAgreementReport(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		admin := f.as(domain.RoleAdmin)
		p := admin.get("/admin/kesesuaian")
		if p.status != 200 || p.text("h1") != "Kesesuaian nilai" || !strings.Contains(p.text("main"), "Belum ada penilaian fasilitator pada rentang ini") {
			t.Fatalf("empty report: %d %q", p.status, p.text("h1"))
		}

		type review = struct {
			base      int
			overrides map[string][2]int
		}
		agreementReviews(t, f,
			review{80, map[string][2]int{"faktual": {70, 50}, "bahasa": {80, 85}}},
			review{60, map[string][2]int{"bahasa": {90, 70}}},
		)
		p = admin.get("/admin/kesesuaian")
		if p.status != 200 {
			t.Fatalf("status %d", p.status)
		}
		today := f.clock.now.In(WIB)
		from, _ := p.doc.Find("input#dari").Attr("value")
		to, _ := p.doc.Find("input#sampai").Attr("value")
		if from != today.AddDate(0, 0, -89).Format("2006-01-02") || to != today.Format("2006-01-02") {
			t.Errorf("default period %s – %s, want the last 90 days up to today (WIB)", from, to)
		}
		if p.doc.Find(`nav a[href="/admin/kesesuaian"][aria-current=page]`).Length() != 1 {
			t.Error("navigation does not mark Kesesuaian nilai as current")
		}
		// Columns: Kriteria, Penilaian, Selisih rata-rata, Dalam 10 poin, Rata-rata otomatis, Rata-rata akhir, Diubah, Kesimpulan.
		want := map[string][]string{
			"5w1h":    {"5W1H", "2", "0,0", "100%", "70,0", "70,0", "0", "Sesuai"},
			"faktual": {"Faktual", "2", "10,0", "50%", "65,0", "55,0", "1", "Cukup sesuai"},
			"bahasa":  {"Bahasa", "2", "12,5", "50%", "85,0", "77,5", "2", "Perlu ditinjau"},
		}
		for id, cells := range want {
			if got := agreementCells(p, id); strings.Join(got, "|") != strings.Join(cells, "|") {
				t.Errorf("row %s = %q, want %q", id, got, cells)
			}
		}
		var order []string
		p.doc.Find("tbody tr th").Each(func(_ int, s *goquerySelection) { order = append(order, s.Text()) })
		if strings.Join(order, " ") != "5W1H Aktual Faktual Penting Menarik Struktur Bahasa" {
			t.Errorf("criteria order = %v", order)
		}
		main := p.text("main")
		for _, s := range []string{"Dihitung dari 2 penilaian", "belum stabil", "Cara membaca laporan ini", "paling banyak 5 poin", "sedikitnya 80%"} {
			if !strings.Contains(main, s) {
				t.Errorf("page lacks %q", s)
			}
		}

		// A period without reviews, and one of just today.
		q := url.Values{"dari": {today.AddDate(0, 0, -10).Format("2006-01-02")}, "sampai": {today.AddDate(0, 0, -1).Format("02/01/2006")}}
		p = admin.get("/admin/kesesuaian?" + q.Encode())
		if p.status != 200 || !strings.Contains(p.text("main"), "Belum ada penilaian") || p.doc.Find("tr#kriteria-5w1h").Length() != 0 {
			t.Errorf("period before the reviews: %d, rows %d", p.status, p.doc.Find("tbody tr").Length())
		}
		if got, _ := p.doc.Find("input#sampai").Attr("value"); got != today.AddDate(0, 0, -1).Format("2006-01-02") {
			t.Errorf("typed date not normalised for the date field: %q", got)
		}
		q = url.Values{"dari": {today.Format("2006-01-02")}, "sampai": {today.Format("2006-01-02")}}
		if p = admin.get("/admin/kesesuaian?" + q.Encode()); agreementCells(p, "faktual")[1] != "2" {
			t.Errorf("a one-day period of today misses today's reviews: %q", agreementCells(p, "faktual"))
		}
	})
}

func TestAgreementBadDates(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	admin := f.as(domain.RoleAdmin)
	cases := []struct {
		name, from, to, field, want string
	}{
		{"impossible date", "31/02/2026", "", "dari", "Tanggal awal tidak dapat dibaca"},
		{"words", "2026-01-01", "besok", "sampai", "Tanggal akhir tidak dapat dibaca"},
		{"end before start", "2026-03-10", "2026-03-01", "sampai", "tidak boleh sebelum tanggal awal"},
		{"year out of range", "1999-12-31", "2026-01-01", "dari", "tidak dapat dibaca"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := admin.get("/admin/kesesuaian?" + url.Values{"dari": {tc.from}, "sampai": {tc.to}}.Encode())
			if p.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", p.status)
			}
			if got := p.text("#" + tc.field + "-error"); !strings.Contains(got, tc.want) {
				t.Errorf("error on %s = %q, want %q", tc.field, got, tc.want)
			}
			if p.doc.Find(`.error-summary a[href="#`+tc.field+`"]`).Length() != 1 {
				t.Error("error not in the summary")
			}
			from, _ := p.doc.Find("input#dari").Attr("value")
			to, _ := p.doc.Find("input#sampai").Attr("value")
			if from != tc.from || to != tc.to {
				t.Errorf("input not kept: %q %q", from, to)
			}
			if p.doc.Find("tbody").Length() != 0 {
				t.Error("a table was shown for a bad period")
			}
		})
	}
}

func TestAgreementNumbers(t *testing.T) {
	t.Parallel()
	cases := map[float64]string{0: "0,0", 6: "6,0", 12.5: "12,5", 77.25: "77,2", 9.96: "10,0"}
	for x, want := range cases {
		if got := decimalID(x); got != want {
			t.Errorf("decimalID(%v) = %q, want %q", x, got, want)
		}
	}
	if got := percentID(0.833); got != "83%" {
		t.Errorf("percentID = %q", got)
	}
	rows := agreementRows([]domain.CriterionAgreement{
		{Criterion: "bahasa", Reviews: 40, MeanAbsDiff: 4.9, ShareWithin: 0.79},
		{Criterion: "5w1h", Reviews: 40, MeanAbsDiff: 5, ShareWithin: 0.8},
		{Criterion: "menarik", Reviews: 40, MeanAbsDiff: 10.01, ShareWithin: 0.9},
		{Criterion: "aktual", Reviews: 0},
	})
	got := map[string]string{}
	var order []string
	for _, r := range rows {
		got[r.ID] = r.Verdict
		order = append(order, r.ID)
	}
	if strings.Join(order, " ") != "5w1h menarik bahasa" {
		t.Errorf("rows = %v, want report order without empty criteria", order)
	}
	if got["5w1h"] != "Sesuai" || got["bahasa"] != "Cukup sesuai" || got["menarik"] != "Perlu ditinjau" {
		t.Errorf("verdicts at the bounds = %v", got)
	}
}
