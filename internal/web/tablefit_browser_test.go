package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// tableFitJS opens every folded checklist and lists what does not fit: the
// page wider than the viewport, a table wider than its card (so part of it is
// scrolled out of sight), a checklist narrower than 12 rem, or a part of a
// checklist or of a details list (dd) outside its card or the viewport.
const tableFitJS = `(function () {
  var out = [], W = document.documentElement.clientWidth;
  document.querySelectorAll("details.checklist-fold").forEach(function (d) { d.open = true; });
  if (document.documentElement.scrollWidth > W + 1) out.push("halaman " + document.documentElement.scrollWidth + " px, layar " + W + " px");
  document.querySelectorAll(".table-wrap").forEach(function (w) {
    if (w.querySelector(".checklist") && w.scrollWidth > w.clientWidth + 1) out.push("tabel " + w.scrollWidth + " px dalam kartu " + w.clientWidth + " px");
  });
  var card = function (e) { return e.closest(".table-wrap, .card, dl, main") || document.body; };
  document.querySelectorAll(".checklist, .checklist *, dd, dd *").forEach(function (e) {
    var r = e.getBoundingClientRect(), c = card(e).getBoundingClientRect();
    if (r.width === 0) return;
    var what = e.tagName.toLowerCase() + "." + e.className + " “" + e.textContent.trim().slice(0, 30) + "”";
    if (e.classList.contains("checklist") && r.width < 12 * 16) out.push(what + " hanya " + Math.round(r.width) + " px");
    if (r.left < Math.max(0, c.left) - 0.5 || r.right > Math.min(W, c.right) + 0.5) out.push(what + " di " + Math.round(r.left) + "–" + Math.round(r.right) + " px, kartu " + Math.round(c.left) + "–" + Math.round(c.right) + " px");
  });
  return out;
})()`

var waitFold = "details.checklist-fold summary"

// checkFits loads path at each width and fails on what tableFitJS finds.
func checkFits(t *testing.T, ctx context.Context, base, path, waitFor string, widths ...int64) {
	t.Helper()
	for _, width := range widths {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS(waitFor))); err != nil {
			t.Fatalf("%s at %d px: %v", path, width, err)
		}
		bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](tableFitJS))
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bad {
			t.Errorf("%s at %d px: %s", path, width, b)
		}
		browsertest.Screenshot(t, ctx, fmt.Sprintf("fit-%s-%d", strings.NewReplacer("/", "-").Replace(strings.Trim(path, "/")), width))
	}
}

// TestBrowserChecklistTablesFit: the facilitator's Beranda (its cohort table
// stacked at 360 px), the cohort page of the facilitator and of
// the admin, and the pimpinan's OPD page, show each trainee's checklist folded
// to one line ("… dari … terpenuhi") and, opened, whole inside the table's
// card at 360 px and 1280 px; the cohort page links to its insight section.
func TestBrowserChecklistTablesFit(t *testing.T) {
	ctx := browsertest.New(t)
	cc := newCertCase(t, testkit.SQLite(t))
	cc.completeAllBut("hadir")
	trainee, fac := cc.users[domain.RolePeserta], cc.users[domain.RoleFasilitator]
	if err := cc.db.MarkAttendance(context.Background(), fac.ID, cc.session.ID, map[int64]string{trainee.ID: domain.AttendExcused}, time.Now()); err != nil {
		t.Fatal(err)
	}
	// A long name and email, as real ones are.
	trainee, err := cc.db.UpdateUser(context.Background(), cc.users[domain.RoleAdmin].ID, domain.UserEdit{UserID: trainee.ID, RegionID: trainee.RegionID,
		Email: "siti.nurhaliza.kusumawardhani.adminmedsos@dinaskesehatan.sukamajukab.go.id", Name: "Raden Ajeng Siti Nurhaliza Kusumawardhani",
		Role: trainee.Role, OPDID: trainee.OPDID, IsDesignatedAdmin: true, Seen: trainee})
	if err != nil {
		t.Fatal(err)
	}
	cohort := fmt.Sprintf("/angkatan/%d", cc.cohort.ID)
	browserLogin(t, ctx, cc.fixture, domain.RoleFasilitator)
	// The facilitator's Beranda lists their cohorts; at 360 px the columns
	// past the first were cut off with no sign the table scrolls (QA item 13).
	for _, width := range []int64{360, 1280} {
		checkFits(t, ctx, cc.ts.URL, "/beranda", "#angkatan-saya + .table-wrap table", width)
		over, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`(function () { var w = document.querySelector("#angkatan-saya + .table-wrap"); return [w.scrollWidth, w.clientWidth]; })()`))
		if err != nil {
			t.Fatal(err)
		}
		if over[0] > over[1]+1 {
			t.Errorf("/beranda at %d px: the cohort table is %d px wide in a %d px card", width, over[0], over[1])
		}
	}
	checkFits(t, ctx, cc.ts.URL, "/fasilitator"+cohort, waitFold, 360, 1280)
	var sum string
	sum, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("details.checklist-fold summary").innerText`))
	if err != nil || !strings.Contains(sum, "3 dari 4 terpenuhi") {
		t.Errorf("folded checklist says %q (%v), want “3 dari 4 terpenuhi”", sum, err)
	}
	jump, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector('#peserta ~ p a[href="#wawasan"]') && !!document.getElementById("wawasan")`))
	if err != nil || !jump {
		t.Errorf("no link from the trainees to the insight section (%v)", err)
	}
	browserLogout(t, ctx, cc.fixture)
	browserLogin(t, ctx, cc.fixture, domain.RoleAdmin)
	checkFits(t, ctx, cc.ts.URL, "/admin"+cohort, waitFold, 360, 1280)
	checkFits(t, ctx, cc.ts.URL, fmt.Sprintf("/admin/pengguna/%d", trainee.ID), "main dl", 360, 1280)
	browserLogout(t, ctx, cc.fixture)
	browserLogin(t, ctx, cc.fixture, domain.RolePimpinanOPD)
	checkFits(t, ctx, cc.ts.URL, "/beranda", waitFold, 360, 1280)
}

// browserLogout signs out through the navigation's button.
func browserLogout(t *testing.T, ctx context.Context, f *fixture) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(f.ts.URL+"/beranda"),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Keluar"]`))); err != nil {
		t.Fatal(err)
	}
}
