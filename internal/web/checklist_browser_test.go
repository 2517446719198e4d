package web

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// checklistFitsJS lists what of the checklist does not fit the screen: the
// page wider than the viewport, a part of the checklist outside it, or a box
// whose content is cut off.
const checklistFitsJS = `(function () {
  var out = [], W = document.documentElement.clientWidth;
  var list = document.querySelector(".checklist");
  if (!list) return ["tidak ada daftar persyaratan"];
  if (document.documentElement.scrollWidth > W + 1) out.push("halaman " + document.documentElement.scrollWidth + " px, layar " + W + " px");
  [list].concat(Array.from(list.querySelectorAll("*"))).forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width === 0) return;
    var what = e.tagName.toLowerCase() + "." + e.className + " “" + e.textContent.trim().slice(0, 30) + "”";
    if (r.left < -0.5 || r.right > W + 0.5) out.push(what + " di " + Math.round(r.left) + "–" + Math.round(r.right) + " px");
    if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) out.push(what + " terpotong (" + e.scrollWidth + " > " + e.clientWidth + ")");
  });
  return out;
})()`

// TestBrowserChecklistAt360: the trainee excused from the only session sees
// on the Beranda and the course page, at 360 px and 1280 px, the whole
// checklist saying the attendance cannot be met and whom to contact.
func TestBrowserChecklistAt360(t *testing.T) {
	ctx := browsertest.New(t)
	cc := newCertCase(t, testkit.SQLite(t))
	cc.completeAllBut("hadir")
	trainee, fac := cc.users[domain.RolePeserta], cc.users[domain.RoleFasilitator]
	if err := cc.db.MarkAttendance(context.Background(), fac.ID, cc.session.ID, map[int64]string{trainee.ID: domain.AttendExcused}, time.Now()); err != nil {
		t.Fatal(err)
	}
	browserLogin(t, ctx, cc.fixture, domain.RolePeserta)
	for _, width := range []int64{360, 1280} {
		for _, path := range []string{"/beranda", "/kursus/" + tcCourse} {
			err := chromedp.Do(ctx,
				chromedp.EmulateViewport(width, 800),
				chromedp.Navigate(cc.ts.URL+path),
				chromedp.WaitVisible(chromedp.CSS(".checklist")),
			)
			if err != nil {
				t.Fatalf("%s at %d px: %v", path, width, err)
			}
			bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](checklistFitsJS))
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range bad {
				t.Errorf("%s at %d px: %s", path, width, b)
			}
			todo, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".checklist .checklist-todo").innerText`))
			if err != nil {
				t.Fatal(err)
			}
			if want := "Yang perlu Anda lakukan: hubungi fasilitator angkatan (Uji Fasilitator) soal sesi pengganti."; todo != want {
				t.Errorf("%s at %d px: todo %q, want %q", path, width, todo, want)
			}
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800), chromedp.Navigate(cc.ts.URL+"/beranda"), chromedp.WaitVisible(chromedp.CSS(".checklist"))); err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, "beranda-persyaratan-360")
}
