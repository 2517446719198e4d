package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// navFitJS measures the page header at the current width: the page must not
// scroll sideways, and every navigation link (with the logout button) must be
// whole inside the viewport and not hidden in a scrolling strip.
const navFitJS = `(function () {
  var w = window.innerWidth, out = [];
  var sw = document.documentElement.scrollWidth;
  if (sw > w) out.push("halaman " + sw + " px lebar di layar " + w + " px");
  var els = Array.from(document.querySelectorAll(".nav a, .top .who button, .top .brand"));
  if (els.length < 3) out.push("hanya " + els.length + " tautan di kepala halaman");
  els.forEach(function (a) {
    var r = a.getBoundingClientRect(), name = a.textContent.trim();
    if (r.left < 0 || r.right > w + 0.5) out.push(name + " di luar layar: " + Math.round(r.left) + "–" + Math.round(r.right));
    var p = a.parentElement;
    while (p && p !== document.body) {
      var pr = p.getBoundingClientRect();
      if (p.scrollWidth > p.clientWidth + 1 && getComputedStyle(p).overflowX !== "visible") {
        out.push(name + " di dalam jalur yang bergulir ke samping");
        break;
      }
      if (r.right > pr.right + 0.5 || r.left < pr.left - 0.5) { out.push(name + " terpotong oleh " + p.tagName); break; }
      p = p.parentElement;
    }
  });
  return out.join("; ");
})()`

// TestBrowserNavigationFitsAt360: for every role the header at 360 px shows
// every navigation link, "Akun saya" included, whole and in view, and the
// page does not scroll sideways.
func TestBrowserNavigationFitsAt360(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	for _, r := range domain.Roles {
		browserLogin(t, ctx, f, r)
		for _, width := range []int64{360, 1280} {
			err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate(f.ts.URL+"/beranda"), chromedp.WaitVisible(chromedp.CSS("main h1")))
			if err != nil {
				t.Fatal(err)
			}
			links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".nav a")).map(function (a) { return a.textContent.trim(); })`))
			if err != nil {
				t.Fatal(err)
			}
			if len(links) == 0 || links[len(links)-1] != "Akun saya" {
				t.Fatalf("%s: navigation %v does not end with Akun saya", r, links)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](navFitJS))
			if err != nil {
				t.Fatal(err)
			}
			if got != "" {
				t.Errorf("%s at %d px: %s (links %s)", r, width, got, strings.Join(links, " | "))
			}
		}
		browsertest.Screenshot(t, ctx, "nav-360-"+string(r))
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800), clickAndWait(chromedp.CSS(`form[action="/keluar"] button`))); err != nil {
			t.Fatalf("logout as %s: %v", r, err)
		}
	}
}
