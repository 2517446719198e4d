package web

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestBrowserNotificationCount: at 360 px the navigation counts the unread
// notifications; marking one read in the centre lowers the count, shows the
// message in view, and keeps the notification listed after a reload.
func TestBrowserNotificationCount(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	trainee := f.users[domain.RolePeserta]
	for _, title := range []string{"Rilis Posyandu", "Rilis Vaksinasi"} {
		if err := f.db.Notify(context.Background(), trainee.ID, domain.NoticeSubmissionReturned, domain.NoticeParams{SubmissionID: 1, ItemTitle: title, Score: 60}); err != nil {
			t.Fatal(err)
		}
	}
	browserLogin(t, ctx, f, domain.RolePeserta)
	navText := func() string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('nav a[href="/pemberitahuan"]') || {textContent: "tidak ada"}).textContent.trim()`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800), chromedp.Navigate(f.ts.URL+"/beranda"), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
		t.Fatal(err)
	}
	if got := navText(); got != "Pemberitahuan (2)" {
		t.Fatalf("navigation on the Beranda: %q", got)
	}
	err := chromedp.Do(ctx,
		clickAndWait(chromedp.CSS(`nav a[href="/pemberitahuan"]`)),
		chromedp.WaitVisible(chromedp.CSS(".notice-centre")),
		clickAndWait(chromedp.Search(`(//ol[contains(@class,"notice-centre")]//button[normalize-space()="Tandai sudah dibaca"])[1]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatalf("mark read: %v", err)
	}
	expectInView(t, ctx, "the message after marking read", ".flash")
	if got := navText(); got != "Pemberitahuan (1)" {
		t.Fatalf("navigation after marking one read: %q", got)
	}
	browsertest.Screenshot(t, ctx, "pemberitahuan-360")
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(".notice-centre"))); err != nil {
		t.Fatal(err)
	}
	states, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".notice-centre > li .badge")).map(function (b) { return b.textContent.trim(); })`))
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != 2 || states[0] != "Sudah dibaca" || states[1] != "Belum dibaca" {
		t.Fatalf("after a reload: %v, want both listed, the newest read", states)
	}
}
