package web

import (
	"context"
	"errors"
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
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestBrowserDemoTraineeSeesBeranda logs in through the real form in headless
// Chromium as the demo trainee and checks the Beranda.
func TestBrowserDemoTraineeSeesBeranda(t *testing.T) {
	ctx := browsertest.New(t)
	db := testkit.SQLite(t)
	logins, _, err := demo.Seed(context.Background(), db, nil, time.Now())
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

// browserLogin signs the trainee of a fixture in through the real form.
func browserLogin(t *testing.T, ctx context.Context, f *fixture, r domain.Role) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+"/masuk"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), f.users[r].Email),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		clickAndWait(chromedp.CSS(`form[action="/masuk"] button[type=submit]`)),
	)
	if err != nil {
		t.Fatalf("login as %s: %v", r, err)
	}
}

// clickAndWait clicks something that navigates and waits until the new page has loaded.
func clickAndWait[S chromedp.Selectable](sel S) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__old = true`)); err != nil {
			return err
		}
		if err := chromedp.Do(ctx, chromedp.Click(sel)); err != nil {
			return err
		}
		// Evaluating while the page navigates fails; retry until the new page is complete.
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__old === undefined && document.readyState === "complete"`))
			if err == nil && done {
				return nil
			}
			time.Sleep(50 * time.Millisecond)
		}
		return errors.New("the page did not navigate after the click")
	})
}

func TestBrowserLessonMarkDone(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	browserLogin(t, ctx, f, domain.RolePeserta)
	err := chromedp.Do(ctx,
		clickAndWait(chromedp.CSS(".course-card h3 a")),
		chromedp.WaitVisible(chromedp.CSS(".progress-box")),
		clickAndWait(chromedp.CSS(`a[href="`+lessonURL+tcLesson1+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(".prose")),
	)
	if err != nil {
		t.Fatalf("open lesson: %v", err)
	}
	browsertest.Screenshot(t, ctx, "materi")
	if err := chromedp.Do(ctx, clickAndWait(chromedp.Search(`//button[normalize-space()="Tandai selesai"]`))); err != nil {
		t.Fatalf("mark done: %v", err)
	}
	h1, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1")))
	if h1 != "Materi Kedua tentang Rilis" {
		t.Fatalf("after Tandai selesai the next lesson should open, got %q", h1)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+"/kursus/"+tcCourse), chromedp.WaitVisible(chromedp.CSS(".progress-box"))); err != nil {
		t.Fatal(err)
	}
	done, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".state-selesai .badge")))
	progress, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".progress-box")))
	if done != "Selesai" || !strings.Contains(progress, "Kemajuan: 25%") {
		t.Fatalf("course page after marking done: badge %q, %q", done, progress)
	}
}

func TestBrowserQuizFailThenPass(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	browserLogin(t, ctx, f, domain.RolePeserta)
	quiz := f.ts.URL + lessonURL + tcQuiz
	answer := func(uu string, nilai ...string) []chromedp.Action[chromedp.Void] {
		steps := []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(quiz),
			chromedp.WaitVisible(chromedp.CSS("form.quiz")),
			chromedp.Click(chromedp.CSS(`input[name=q-uu][value="` + uu + `"]`)),
			chromedp.Click(chromedp.CSS(`input[name=q-teras][value=false]`)),
		}
		for _, n := range nilai {
			steps = append(steps, chromedp.Click(chromedp.CSS(`input[name=q-nilai][value="`+n+`"]`)))
		}
		return append(steps, clickAndWait(chromedp.CSS(`form.quiz button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("#hasil")))
	}
	if err := chromedp.Do(ctx, answer("UU Nomor 11 Tahun 2008", "aktual", "faktual")...); err != nil {
		t.Fatalf("first attempt: %v", err)
	}
	browsertest.Screenshot(t, ctx, "kuis-gagal")
	result, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#hasil h2")))
	// A failed attempt shows no answers, and the retake form is blank.
	shown, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".answer-review, .explain").length + document.querySelectorAll("form.quiz input:checked").length`))
	if result != "Belum lulus: nilai 66" || shown != 0 {
		t.Fatalf("failed attempt: %q, %d answers or earlier choices shown", result, shown)
	}
	if err := chromedp.Do(ctx, answer("UU Nomor 14 Tahun 2008", "aktual", "faktual")...); err != nil {
		t.Fatalf("retake: %v", err)
	}
	result, _ = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#hasil h2")))
	explain, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".answer-review")))
	if result != "Lulus: nilai 100" || !strings.Contains(explain, "UU 14/2008 adalah Undang-Undang Keterbukaan Informasi Publik.") {
		t.Fatalf("retake result: %q / %q", result, explain)
	}
	rows, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("table tbody tr").length`))
	if rows != 2 {
		t.Fatalf("attempt history rows = %d, want 2", rows)
	}
}
