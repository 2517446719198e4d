package web

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// reloadAndWait reloads the page as the browser's reload button does and
// waits until the new page has loaded.
func reloadAndWait() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__old = true; setTimeout(function () { location.reload(); }, 0); true`)); err != nil {
			return err
		}
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__old === undefined && document.readyState === "complete"`))
			if err == nil && done {
				return nil
			}
		}
		return errors.New("the page did not load again after reload")
	})
}

// TestBrowserReloadRepeatsNothing: the address a page is left at repeats
// nothing on reload (new-user report). A refused "Kirim rilis" shows the
// practice page's address, not …/kirim, so a reload asks for the page and
// the typed text is still there; a one-time message (?terkirim=1, ?keluar=1,
// ?bahasa=disimpan) leaves the address once shown, so a reload or a copied
// link does not show it again.
func TestBrowserReloadRepeatsNothing(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	browserLogin(t, ctx, f, domain.RolePeserta)
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}
	address := func() string { return eval(`location.pathname + location.search`) }
	mainText := func() string { return eval(`document.querySelector("main").innerText`) }

	// An #anchor the page has stays; one it lacks (carried over a redirect
	// from the form's action) leaves the address.
	for _, c := range []struct{ hash, want string }{{"#galat", ""}, {"#isi", "#isi"}} {
		if err := chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+practiceURL+c.hash), chromedp.WaitVisible(chromedp.CSS("#judul"))); err != nil {
			t.Fatal(err)
		}
		if got := eval(`location.hash`); got != c.want {
			t.Errorf("opened with %s, the address ends in %q, want %q", c.hash, got, c.want)
		}
	}

	body := goodBody + "\n\nKalimat yang baru saja diketik."
	err := chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+practiceURL),
		chromedp.WaitVisible(chromedp.CSS("#judul")),
		chromedp.SendKeys(chromedp.CSS("#judul"), goodHeadline),
		setTextarea("#isi", body),
		clickAndWait(chromedp.CSS("#kirim")), // "Saya yakin" not ticked
	)
	if err != nil {
		t.Fatalf("send without Saya yakin: %v", err)
	}
	browsertest.Screenshot(t, ctx, "kirim-ditolak")
	if got := address(); got != practiceURL {
		t.Errorf("a refused send is shown at %q, want the page's own %q", got, practiceURL)
	}
	if n := strings.Count(mainText(), "Centang “Saya yakin"); n != 1 {
		t.Errorf("the refusal is said %d times", n)
	}
	if err := chromedp.Do(ctx, reloadAndWait()); err != nil {
		t.Fatal(err)
	}
	if got := address(); got != practiceURL || strings.Contains(mainText(), "Rilis belum terkirim") {
		t.Errorf("reload after a refused send: at %q, the refusal again: %v", got, strings.Contains(mainText(), "Rilis belum terkirim"))
	}
	if v := eval(`document.getElementById("isi").value`); !strings.Contains(v, "Kalimat yang baru saja diketik.") {
		t.Errorf("the typed text is gone after the reload: %q", v)
	}

	// Sent: the message shows once, then leaves the address.
	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#yakin-kirim")), clickAndWait(chromedp.CSS("#kirim")), chromedp.WaitVisible(chromedp.CSS(".report")))
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	if !strings.Contains(mainText(), "Rilis terkirim sebagai versi 1") {
		t.Fatal("no message after sending")
	}
	if got := address(); strings.Contains(got, "terkirim") || !strings.HasPrefix(got, "/latihan/") {
		t.Errorf("after sending the address is %q", got)
	}
	if err := chromedp.Do(ctx, reloadAndWait()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(mainText(), "Rilis terkirim sebagai versi 1") {
		t.Error("a reload shows the sent message again")
	}

	// A flash of the layout (?bahasa=disimpan) and the login page's (?keluar=1).
	err = chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+"/akun"), chromedp.WaitVisible(chromedp.CSS("#bahasa")),
		chromedp.SetValue(chromedp.CSS("#bahasa"), "id"), clickAndWait(chromedp.Search(`//button[normalize-space()="Simpan bahasa"]`)))
	if err != nil {
		t.Fatalf("language: %v", err)
	}
	if got := address(); got != "/akun" || eval(`(document.getElementById("pesan") || {}).textContent || ""`) != "Bahasa tampilan disimpan." {
		t.Errorf("after saving the language: at %q, message %q", got, eval(`(document.getElementById("pesan") || {}).textContent || ""`))
	}
	if err := chromedp.Do(ctx, clickAndWait(chromedp.Search(`//button[normalize-space()="Keluar"]`))); err != nil {
		t.Fatalf("logout: %v", err)
	}
	if got := address(); got != "/masuk" || !strings.Contains(mainText(), "Anda telah keluar.") {
		t.Errorf("after logout: at %q, %q", got, mainText())
	}
	if err := chromedp.Do(ctx, reloadAndWait()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(mainText(), "Anda telah keluar.") {
		t.Error("a reload of the login page says again that one has logged out")
	}
}

// TestEveryFormHasAPageAddress: a POST route refused with the form shown
// again names the page its form belongs to (pageAddress), so the browser is
// left at an address it can reload; a route added without one fails here.
func TestEveryFormHasAPageAddress(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	want := map[string]string{ // the pages whose address is not simply the path above
		"/masuk":                             "/masuk",
		"/kursus/:course/materi/:item/kirim": "/kursus/1/materi/1",
	}
	for _, r := range f.srv.routeTable() {
		if r.method != "POST" || r.path == "/keluar" || r.path == "/admin/sesi/:id/batal" { // no form; the cohort's page (TestAdminCancelsComingSession)
			continue
		}
		segs := strings.Split(r.path, "/")
		for i, s := range segs {
			if strings.HasPrefix(s, ":") {
				segs[i] = "1"
			}
		}
		got := f.srv.pageAddress(strings.Join(segs, "/"))
		if got == "" || got == "/" {
			t.Errorf("POST %s has no page to show its refused form at", r.path)
		} else if w, ok := want[r.path]; ok && got != w {
			t.Errorf("POST %s: page %q, want %q", r.path, got, w)
		}
	}
}
