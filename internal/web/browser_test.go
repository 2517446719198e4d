package web

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/demo"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store/storetest"
)

// TestBrowserDemoTraineeSeesBeranda logs in through the real form in headless
// Chromium as the demo trainee and checks the Beranda.
func TestBrowserDemoTraineeSeesBeranda(t *testing.T) {
	ctx := browsertest.New(t)
	db := storetest.SQLite(t)
	logins, err := demo.Seed(context.Background(), db, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var trainee demo.Login
	for _, l := range logins {
		if l.Role == domain.RolePeserta {
			trainee = l
		}
	}
	srv, err := New(Config{DB: db, Secret: []byte(strings.Repeat("b", 32)), Version: "uji", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	err = chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/masuk"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), trainee.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), trainee.Password),
		chromedp.Click(chromedp.CSS(`form[action="/masuk"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".facts")),
	)
	if err != nil {
		t.Fatalf("login journey: %v", err)
	}
	browsertest.Screenshot(t, ctx, "beranda-peserta")
	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1")))
	if err != nil || h1 != "Beranda" {
		t.Fatalf("h1 = %q, %v", h1, err)
	}
	body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Rina Marlina", "Dinas Komunikasi dan Informatika", "Peserta"} {
		if !strings.Contains(body, want) {
			t.Errorf("Beranda lacks %q:\n%s", want, body)
		}
	}
	// Nothing overflows a 360 px phone screen.
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth"))
	if err != nil || width > 360 {
		t.Errorf("page is %d px wide on a 360 px screen (%v)", width, err)
	}
}
