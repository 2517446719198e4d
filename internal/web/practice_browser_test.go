package web

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestBrowserPracticeJourney is the core loop in a real browser: the trainee
// writes, checks, submits and sees highlights; the facilitator returns it with
// a comment; the trainee revises and resubmits; the facilitator approves; the
// trainee's course shows the practice as passed.
func TestBrowserPracticeJourney(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	page := f.ts.URL + practiceURL
	logout := func() {
		t.Helper()
		if err := chromedp.Do(ctx, clickAndWait(chromedp.Search(`//button[normalize-space()="Keluar"]`))); err != nil {
			t.Fatalf("logout: %v", err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}

	// Trainee: write, check (the report and highlights appear), submit.
	browserLogin(t, ctx, f, domain.RolePeserta)
	draft := goodBody + "\n\nSilahkan warga datang ke balai desa."
	err := chromedp.Do(ctx,
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS("#judul")),
		chromedp.SendKeys(chromedp.CSS("#judul"), goodHeadline),
		setTextarea("#isi", draft),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Periksa"]`)),
	)
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(".report"))); err != nil {
		t.Fatalf("check: no report: %v", err)
	}
	browsertest.Screenshot(t, ctx, "latihan-periksa")
	// At 360 px the report's tables stack: nothing is cut off at the right.
	if wide, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll(".report .table-wrap")).filter(w => w.scrollWidth > w.clientWidth + 1).length`)); wide != 0 {
		t.Fatalf("%d report tables scroll sideways at 360 px", wide)
	}
	marks, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".marked mark.hl").length`))
	if marks == 0 || !strings.Contains(text(".findings"), "Silahkan") {
		t.Fatalf("no highlighted finding after Periksa (%d marks)", marks)
	}
	// A finding is reachable with the keyboard: its link moves focus to the passage.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(`.findings a[href^="#sorot-temuan-"]`)), chromedp.KeyEvent("\r")); err != nil {
		t.Fatalf("keyboard to a finding: %v", err)
	}
	if hash, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`)); !strings.HasPrefix(hash, "#sorot-temuan-") {
		t.Fatalf("Enter on a finding link went to %q", hash)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#isi"))); !strings.Contains(v, "Silahkan") {
		t.Fatal("the text was not kept after Periksa")
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#yakin-kirim")), clickAndWait(chromedp.CSS("#kirim")), chromedp.WaitVisible(chromedp.CSS(".report"))); err != nil {
		t.Fatalf("submit: %v", err)
	}
	if !strings.Contains(text("main"), "Rilis terkirim sebagai versi 1") {
		t.Fatal("no confirmation of the sent version")
	}
	logout()

	// Facilitator: return with a general comment.
	browserLogin(t, ctx, f, domain.RoleFasilitator)
	err = chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+"/penilaian"),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
		clickAndWait(chromedp.CSS("table.queue tbody a")),
		chromedp.WaitVisible(chromedp.CSS("#komentar-umum")),
		chromedp.SendKeys(chromedp.CSS("#komentar-umum"), "Ganti kata Silahkan menjadi Silakan."),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Kembalikan untuk revisi"]`)),
	)
	if err != nil {
		t.Fatalf("return: %v", err)
	}
	logout()

	// Trainee: sees Dikembalikan, revises, resubmits.
	browserLogin(t, ctx, f, domain.RolePeserta)
	if !strings.Contains(text("main"), "Dikembalikan") {
		t.Fatalf("Beranda does not show the returned release: %q", text("main"))
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS("#isi")),
		setTextarea("#isi", strings.Replace(draft, "Silahkan", "Silakan", 1)),
		chromedp.Click(chromedp.CSS("#yakin-kirim")), clickAndWait(chromedp.CSS("#kirim")),
		chromedp.WaitVisible(chromedp.CSS(".report")),
	)
	if err != nil {
		t.Fatalf("resubmit: %v", err)
	}
	if !strings.Contains(text("main"), "Rilis terkirim sebagai versi 2") {
		t.Fatal("no second version")
	}
	logout()

	// Facilitator approves.
	browserLogin(t, ctx, f, domain.RoleFasilitator)
	err = chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+"/penilaian"),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
		clickAndWait(chromedp.CSS("table.queue tbody a")),
		chromedp.WaitVisible(chromedp.CSS("#komentar-umum")),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Setujui"]`)),
	)
	if err != nil {
		t.Fatalf("approve: %v", err)
	}
	logout()

	// Trainee: the practice is passed.
	browserLogin(t, ctx, f, domain.RolePeserta)
	if err := chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+"/kursus/"+tcCourse), chromedp.WaitVisible(chromedp.CSS(".items"))); err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, "latihan-disetujui")
	if items := text(".items"); !strings.Contains(items, "Disetujui") {
		t.Fatalf("course page: %q", items)
	}
	states, err := f.db.ItemStates(context.Background(), 1)
	if err != nil || states[tcPractice] != domain.StatePassed {
		t.Fatalf("progress of the practice: %q %v", states[tcPractice], err)
	}
}

// setTextarea replaces a textarea's text as a paste would, and fires input so
// the page's live counts see it.
func setTextarea(sel, value string) chromedp.Action[chromedp.Void] {
	js, _ := json.Marshal(value)
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){var e=document.querySelector(`+strconv.Quote(sel)+`);e.value=`+string(js)+`;e.dispatchEvent(new Event("input"));return true})()`))
		return err
	})
}
