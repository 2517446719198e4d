package web

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/testkit"
)

// chartLabelsJS measures every value label of the report's criterion chart:
// its text, and " (terpotong)" when its box is not inside the drawing (the
// SVG's viewBox) or the SVG's box on the screen.
const chartLabelsJS = `(function () {
  var svg = document.querySelector("figure.chart svg.bars");
  var vb = svg.viewBox.baseVal, s = svg.getBoundingClientRect();
  return Array.from(svg.querySelectorAll("text.bar-val")).map(function (t) {
    var b = t.getBBox(), r = t.getBoundingClientRect();
    var inside = b.x >= vb.x && b.y >= vb.y && b.x + b.width <= vb.x + vb.width && b.y + b.height <= vb.y + vb.height &&
      r.left >= s.left - 0.5 && r.right <= s.right + 0.5;
    return t.textContent.trim() + (inside ? "" : " (terpotong)");
  });
})()`

// TestBrowserChartShowsFullScore: a criterion scored 100 reads "100" on the
// chart with the whole label inside the picture, at 360 px and at 1280 px.
func TestBrowserChartShowsFullScore(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	rc := &reviewCase{fixture: f, cohort: f.enrollTrainee()}
	rc.sub, rc.version, rc.report = rc.sendEdited(f.users[domain.RolePeserta], rvHeadline, rvBody, func(r *grading.Report) {
		for i := range r.Criteria {
			r.Criteria[i].Score = 100
		}
		r.Score = 100
	})
	browserLogin(t, ctx, f, domain.RolePeserta)
	for _, width := range []int64{360, 1280} {
		err := chromedp.Do(ctx,
			chromedp.EmulateViewport(width, 800),
			chromedp.Navigate(fmt.Sprintf("%s/latihan/%d/versi/1", f.ts.URL, rc.sub.ID)),
			chromedp.WaitVisible(chromedp.CSS("figure.chart svg")),
		)
		if err != nil {
			t.Fatalf("version page at %d px: %v", width, err)
		}
		labels, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](chartLabelsJS))
		if err != nil {
			t.Fatal(err)
		}
		if len(labels) != len(rc.report.Criteria) {
			t.Fatalf("%d px: %d value labels, want %d", width, len(labels), len(rc.report.Criteria))
		}
		for i, l := range labels {
			if l != "100" {
				t.Errorf("%d px: label of %s reads %q, want \"100\" inside the chart", width, rc.report.Criteria[i].Label, l)
			}
		}
	}
	browsertest.Screenshot(t, ctx, "grafik-nilai-100")
}

// TestBrowserRefusedDecisionKeepsScores: a changed score with its reason, then
// "Kembalikan untuk revisi" refused for want of a comment, then a comment
// added: the page comes back with the typed score and reason.
func TestBrowserRefusedDecisionKeepsScores(t *testing.T) {
	ctx := browsertest.New(t)
	rc := newReviewCase(t, testkit.SQLite(t))
	browserLogin(t, ctx, rc.fixture, domain.RoleFasilitator)
	const reason = "Sumber angka 120 balita tidak disebut."
	err := chromedp.Do(ctx,
		chromedp.Navigate(rc.ts.URL+rc.url("")),
		chromedp.WaitVisible(chromedp.CSS("#nilai-faktual")),
		chromedp.Clear(chromedp.CSS("#nilai-faktual")),
		chromedp.SendKeys(chromedp.CSS("#nilai-faktual"), "35"),
		chromedp.SendKeys(chromedp.CSS("#alasan-faktual"), reason),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Kembalikan untuk revisi"]`)),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	if err != nil {
		t.Fatalf("refused decision: %v", err)
	}
	rubric := func(when string) {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[document.getElementById("nilai-faktual").value, document.getElementById("alasan-faktual").value]`))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0] != "35" || got[1] != reason {
			t.Errorf("%s: rubric shows %q, want the typed 35 and its reason", when, got)
		}
	}
	rubric("after the refused decision")
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#kutipan"), "di himbau"),
		chromedp.SendKeys(chromedp.CSS("#komentar-isi"), "Tulis serangkai: diimbau."),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Tambah komentar"]`)),
		chromedp.WaitVisible(chromedp.CSS("mark.komentar")),
	)
	if err != nil {
		t.Fatalf("add comment: %v", err)
	}
	rubric("after adding the comment")
}

// inViewJS says whether the first element matching a selector is within the
// viewport, or where it is.
const inViewJS = `(function (sel) {
  var e = document.querySelector(sel);
  if (!e) return "tidak ada";
  var r = e.getBoundingClientRect();
  return r.top >= -2 && r.top < window.innerHeight ? "terlihat" : "di " + Math.round(r.top) + " px (layar " + window.innerHeight + " px)";
})(%q)`

func expectInView(t *testing.T, ctx context.Context, what, sel string) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(inViewJS, sel)))
	if err != nil {
		t.Fatal(err)
	}
	if got != "terlihat" {
		t.Errorf("%s (%s) is not in view at 360 px: %s", what, sel, got)
	}
}

// TestBrowserResultsInView: after an action at 360 px its outcome is on the
// screen — the "Buat akun" errors below a long user list, the "Periksa" report
// below the writing form, and the message after enrolling trainees.
func TestBrowserResultsInView(t *testing.T) {
	ctx := browsertest.New(t)
	f := newCourseFixture(t, testkit.SQLite(t))
	for i := range 30 {
		cohortTestUser(f, fixtureRegion(f), &f.opd.ID, fmt.Sprintf("peserta%02d@sukamaju.test", i), fmt.Sprintf("Peserta Uji %02d", i), domain.RolePeserta)
	}
	co := openCohort(f, "Angkatan Tampilan")
	browserLogin(t, ctx, f, domain.RoleAdmin)
	err := chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+"/admin/pengguna"),
		chromedp.WaitVisible(chromedp.CSS("#nama")),
		chromedp.SendKeys(chromedp.CSS("#email"), "bukan-email"),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Buat akun"]`)),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	if err != nil {
		t.Fatalf("Buat akun: %v", err)
	}
	expectInView(t, ctx, "the \"Buat akun\" errors", ".error-summary")

	err = chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/admin/angkatan/%d", f.ts.URL, co.ID)),
		chromedp.WaitVisible(chromedp.CSS("#emails")),
		chromedp.SendKeys(chromedp.CSS("#emails"), "peserta01@sukamaju.test"),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Daftarkan peserta"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatalf("enrol: %v", err)
	}
	expectInView(t, ctx, "the message after enrolling", ".flash")
	if err := chromedp.Do(ctx, clickAndWait(chromedp.Search(`//button[normalize-space()="Keluar"]`))); err != nil {
		t.Fatal(err)
	}

	enroll(f, co, f.users[domain.RolePeserta])
	browserLogin(t, ctx, f, domain.RolePeserta)
	err = chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+practiceURL),
		chromedp.WaitVisible(chromedp.CSS("#judul")),
		chromedp.SendKeys(chromedp.CSS("#judul"), goodHeadline),
		setTextarea("#isi", goodBody),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Periksa"]`)),
		chromedp.WaitVisible(chromedp.CSS(".report")),
	)
	if err != nil {
		t.Fatalf("Periksa: %v", err)
	}
	expectInView(t, ctx, "the \"Periksa\" report", "#laporan-judul")
}
