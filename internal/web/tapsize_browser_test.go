package web

import (
	"encoding/json"
	"fmt"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// smallTargetsJS lists the report's markers (T1, K1 in the text) and a
// finding's links whose box is under 44×44 CSS px, as measured by Chromium.
const smallTargetsJS = `JSON.stringify(Array.from(document.querySelectorAll("main a.ref, main .finding-head a, main .lesson-link a"))
  .map(function (e) { var r = e.getBoundingClientRect(); return {t: e.textContent.trim(), w: r.width, h: r.height}; }))`

type tapTarget struct {
	T    string
	W, H float64
}

// TestBrowserTapTargets: on a phone-sized screen the numbered markers of the
// report and of a facilitator's comments, and the links of a finding, are at
// least 44×44 px wherever they appear: the writing page after "Periksa", a
// sent version and the facilitator's review page (new-user report: the "T"
// markers were 29×14).
func TestBrowserTapTargets(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	measure := func(where string, kinds ...string) {
		t.Helper()
		js, err := chromedp.Run(ctx, chromedp.Evaluate[string](smallTargetsJS))
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		var all []tapTarget
		if err := json.Unmarshal([]byte(js), &all); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range all {
			if len(e.T) > 0 {
				seen[e.T[:1]] = true
			}
			if e.W < 44 || e.H < 44 {
				t.Errorf("%s: %q is %.0f×%.0f px", where, e.T, e.W, e.H)
			}
		}
		for _, k := range kinds {
			if !seen[k] {
				t.Errorf("%s: no %s marker measured", where, k)
			}
		}
	}
	logout := func() {
		t.Helper()
		if err := chromedp.Do(ctx, clickAndWait(chromedp.Search(`//button[normalize-space()="Keluar"]`))); err != nil {
			t.Fatalf("logout: %v", err)
		}
	}

	browserLogin(t, ctx, f, domain.RolePeserta)
	err := chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+practiceURL),
		chromedp.WaitVisible(chromedp.CSS("#judul")),
		chromedp.SendKeys(chromedp.CSS("#judul"), goodHeadline),
		setTextarea("#isi", goodBody+"\n\nSilahkan warga datang dikantor desa."),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Periksa"]`)),
		chromedp.WaitVisible(chromedp.CSS(".report")),
	)
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	browsertest.Screenshot(t, ctx, "penanda-temuan")
	measure("writing page after Periksa", "T")
	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#yakin-kirim")), clickAndWait(chromedp.CSS("#kirim")), chromedp.WaitVisible(chromedp.CSS(".report")))
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	version, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	logout()

	// A facilitator's comment adds K markers.
	fac := f.as(domain.RoleFasilitator)
	sub, err := f.db.SubmissionFor(t.Context(), 1, tcPractice)
	if err != nil {
		t.Fatal(err)
	}
	review := fmt.Sprintf("/penilaian/%d", sub.ID)
	fac.get(review)
	if p := fac.post(review+"/komentar", url.Values{"field": {"isi"}, "quote": {"Silahkan"}, "body": {"Tulis “Silakan”."}}); p.status != 303 {
		t.Fatalf("comment: %d %s", p.status, p.text(".error-summary"))
	}
	browserLogin(t, ctx, f, domain.RoleFasilitator)
	if err := chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+review), chromedp.WaitVisible(chromedp.CSS(".review-text"))); err != nil {
		t.Fatal(err)
	}
	measure("review page", "T", "K")
	logout()
	browserLogin(t, ctx, f, domain.RolePeserta)
	if err := chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+version), chromedp.WaitVisible(chromedp.CSS(".report"))); err != nil {
		t.Fatal(err)
	}
	measure("sent version", "T")
}
