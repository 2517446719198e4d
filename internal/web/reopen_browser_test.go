package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestBrowserReopenAt360: at 360 px a facilitator reopens a rejected
// release from the bottom of the long review page. A refused attempt (no
// reason, no "Saya yakin") brings its messages into view with the form open;
// the confirmed one shows its message in view. The trainee then finds the
// text editable on the writing page, with the facilitator's words and a
// next step that says it was reopened.
func TestBrowserReopenAt360(t *testing.T) {
	ctx := browsertest.New(t)
	rc := newReviewCase(t, testkit.SQLite(t))
	f := rc.fixture
	if r := rc.decide(f.as(domain.RoleFasilitator), map[string]string{"decision": "rejected", "umum": "Rilis ini tidak memakai data lembar fakta.", "yakin-tolak": "1"}); r.status != 303 {
		t.Fatalf("reject: %d %q", r.status, squash(r, ".error-summary"))
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return strings.Join(strings.Fields(s), " ")
	}
	browserLogin(t, ctx, f, domain.RoleFasilitator)
	err := chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+rc.url("")),
		chromedp.WaitVisible(chromedp.CSS("#buka-kembali summary")),
		chromedp.Click(chromedp.CSS("#buka-kembali summary")),
		chromedp.WaitVisible(chromedp.CSS("#buka-alasan")),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Buka kembali rilis"]`)),
		chromedp.WaitVisible(chromedp.CSS("#buka-kembali .error-summary")),
	)
	if err != nil {
		t.Fatalf("refused reopen: %v", err)
	}
	expectInView(t, ctx, "the refused reopen's messages", "#buka-kembali .error-summary")
	if msgs := text("#buka-kembali .error-summary"); !strings.Contains(msgs, "Saya yakin") || !strings.Contains(msgs, "alasan") {
		t.Errorf("messages: %q", msgs)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#buka-alasan"), "Data lembar fakta ternyata sudah dipakai."),
		chromedp.Click(chromedp.CSS("#buka-yakin")),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Buka kembali rilis"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	expectInView(t, ctx, "the message after reopening", ".flash")
	if !strings.Contains(text(".flash"), "dibuka kembali") {
		t.Errorf("flash: %q", text(".flash"))
	}
	if err := chromedp.Do(ctx, clickAndWait(chromedp.Search(`//button[normalize-space()="Keluar"]`))); err != nil {
		t.Fatal(err)
	}
	browserLogin(t, ctx, f, domain.RolePeserta)
	if err := chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+practiceURL), chromedp.WaitVisible(chromedp.CSS("#langkah-berikutnya"))); err != nil {
		t.Fatalf("writing page: %v", err)
	}
	browsertest.Screenshot(t, ctx, "latihan-dibuka-kembali")
	if next := text("#langkah-berikutnya"); !strings.Contains(next, "Fasilitator membuka kembali rilis ini") {
		t.Errorf("next step: %q", next)
	}
	if notes := text("#catatan-fasilitator"); !strings.Contains(notes, "Rilis ini tidak memakai data lembar fakta.") {
		t.Errorf("the facilitator's words: %q", notes)
	}
	body, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#isi").readOnly ? "readonly" : document.querySelector("#isi").value`))
	if err != nil || body == "readonly" || body == "" {
		t.Fatalf("the reopened text is not there to revise: %q %v", body, err)
	}
}
