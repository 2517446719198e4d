package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// waitFor polls a JavaScript condition until it holds (autosave runs every
// few seconds), failing with what the page shows.
func waitFor(t *testing.T, ctx context.Context, cond, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	st, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.getElementById("status-draf")||{}).textContent||""`))
	t.Fatalf("waiting for %s; the draft status says %q", what, st)
}

func statusHas(s string) string {
	return `document.getElementById("status-draf").textContent.indexOf(` + jsString(s) + `) >= 0`
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func fieldValue(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("value of %s: %v", sel, err)
	}
	return v
}

// TestBrowserAutosaveAfterLogoutAsksToLogIn: the trainee is logged out
// (another tab, or the session ended) while writing. Autosave says so and
// links to the login, which returns to the page with the latest text as the
// draft; a reload still shows it.
func TestBrowserAutosaveAfterLogoutAsksToLogIn(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	page := f.ts.URL + practiceURL
	browserLogin(t, ctx, f, domain.RolePeserta)
	if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#judul")),
		setTextarea("#judul", goodHeadline), setTextarea("#isi", goodBody)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, statusHas("tersimpan otomatis"), "the first autosave")
	// Logged out elsewhere, as with the "Keluar" button of another tab.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(function(){var x=new XMLHttpRequest();x.open("POST","/keluar",false);
		x.setRequestHeader("Content-Type","application/x-www-form-urlencoded");
		x.send("csrf_token="+encodeURIComponent(document.querySelector("input[name=csrf_token]").value));return x.status})()`)); err != nil {
		t.Fatal(err)
	}
	latest := goodBody + "\n\nKalimat yang ditulis setelah keluar."
	if err := chromedp.Do(ctx, setTextarea("#isi", latest)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, statusHas("Anda sudah keluar")+` && document.querySelector("#status-draf a[href^='/masuk?kembali=']") !== null`, "the request to log in again")
	if st, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#status-draf"))); strings.Contains(st, "koneksi") {
		t.Fatalf("status blames the connection: %q", st)
	}
	browsertest.Screenshot(t, ctx, "latihan-sesi-berakhir")
	err := chromedp.Do(ctx,
		clickAndWait(chromedp.CSS("#status-draf a")),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), f.users[domain.RolePeserta].Email),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		clickAndWait(chromedp.CSS(`form[action="/masuk"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#isi")),
	)
	if err != nil {
		t.Fatalf("log in again: %v", err)
	}
	if got := fieldValue(t, ctx, "#isi"); got != latest {
		t.Fatalf("after login the form shows %q", got[max(0, len(got)-60):])
	}
	if sub := f.draftOfTrainee(t); sub.DraftBody != latest {
		t.Fatalf("the latest text is not the draft: %q", sub.DraftBody[max(0, len(sub.DraftBody)-60):])
	}
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#isi"))); err != nil {
		t.Fatal(err)
	}
	if got := fieldValue(t, ctx, "#isi"); got != latest {
		t.Fatalf("after a reload the form shows %q", got[max(0, len(got)-60):])
	}
}

// TestBrowserUnsavedCopyAgainstTheServerDraft: after a failed "Kirim rilis"
// the browser's copy wins over the older draft it was based on; when the
// draft changed on another device, the page shows the server's draft and
// offers the choice instead of overwriting either.
func TestBrowserUnsavedCopyAgainstTheServerDraft(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	page := f.ts.URL + practiceURL
	browserLogin(t, ctx, f, domain.RolePeserta)
	if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#judul")),
		setTextarea("#judul", goodHeadline), setTextarea("#isi", goodBody)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, statusHas("tersimpan otomatis"), "the autosave")
	// A send the server refuses (far too short) leaves the text unsaved when
	// the beacon sent as the page is left is lost too (as on a dropped connection).
	failSend := func(text string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`navigator.sendBeacon = function () { return false; }; true`)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, setTextarea("#isi", text), clickAndWait(chromedp.CSS("#kirim"))); err != nil {
			t.Fatalf("send: %v", err)
		}
		if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".error-summary").length`)); n == 0 {
			t.Fatal("the short text was not refused")
		}
	}
	away := func() {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+"/kursus/"+tcCourse), chromedp.WaitVisible(chromedp.CSS(".items")),
			chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#isi"))); err != nil {
			t.Fatal(err)
		}
	}
	short := "Teks pendek yang belum dikirim."
	failSend(short)
	if sub := f.draftOfTrainee(t); sub.DraftBody != goodBody {
		t.Fatalf("the refused send changed the draft: %q", sub.DraftBody)
	}
	away()
	if got := fieldValue(t, ctx, "#isi"); got != short {
		t.Fatalf("the older server draft won over the browser's unsaved copy: %q", got[:min(len(got), 60)])
	}
	waitFor(t, ctx, statusHas("dipulihkan dari peramban"), "the restore message")
	waitFor(t, ctx, statusHas("tersimpan otomatis"), "the restored text saved")
	if sub := f.draftOfTrainee(t); sub.DraftBody != short {
		t.Fatalf("the restored text was not saved: %q", sub.DraftBody[:min(len(sub.DraftBody), 60)])
	}

	// The draft changes on another device while this browser holds an unsaved copy.
	mine := "Teks di peramban ini yang belum tersimpan."
	failSend(mine)
	other := "Teks yang disimpan dari perangkat lain."
	if _, err := f.db.SaveDraft(context.Background(), f.draftOfTrainee(t).ID, goodHeadline, other); err != nil {
		t.Fatal(err)
	}
	away()
	if got := fieldValue(t, ctx, "#isi"); got != other {
		t.Fatalf("the form does not show the server's draft first: %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#pilihan-teks"))); err != nil {
		t.Fatalf("no choice offered: %v", err)
	}
	browsertest.Screenshot(t, ctx, "latihan-pilih-teks")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#pakai-teks-peramban"))); err != nil {
		t.Fatal(err)
	}
	if got := fieldValue(t, ctx, "#isi"); got != mine {
		t.Fatalf("after choosing the browser's text: %q", got)
	}
	waitFor(t, ctx, statusHas("tersimpan otomatis"), "the chosen text saved")
	if sub := f.draftOfTrainee(t); sub.DraftBody != mine {
		t.Fatalf("draft after the choice: %q", sub.DraftBody)
	}
}

// TestBrowserAutosaveAfterTheFormTokenExpired: the form-token cookie ran out
// while the page stayed open; autosave takes the new token and saves, and
// "Kirim rilis" afterwards works with it.
func TestBrowserAutosaveAfterTheFormTokenExpired(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	page := f.ts.URL + practiceURL
	browserLogin(t, ctx, f, domain.RolePeserta)
	if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#judul")),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, network.DeleteCookies, network.DeleteCookiesParams{Name: CSRFCookie, URL: f.ts.URL + "/"})
			return err
		}),
		setTextarea("#judul", goodHeadline), setTextarea("#isi", goodBody)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, statusHas("tersimpan otomatis"), "the autosave with a new token")
	if sub := f.draftOfTrainee(t); sub.DraftBody != goodBody {
		t.Fatalf("draft: %q", sub.DraftBody)
	}
}
